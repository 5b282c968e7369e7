"""Styles: which elements of a web page its own styling may hide from a reader (reading/markup.py).

A page's style (a `style` attribute, a `<style>` element's rules) hides text in many ways besides
`display: none`: `font-size: 0`, `opacity: 0`, a colour on a background of that colour, a
`text-indent` or a position off the page, a clip, a transform, a height of nothing, ... A reader
cannot tell them all, so it reads a style by over-approximation, never the other way: a declaration
may hide unless its property is one that cannot hide text (HARMLESS, with a value that moves
nothing: a margin or an indent up to _NEAR, a most width not too narrow, a dark text colour or a
light background, by their contrast, _COLOURS); an element a declaration that may hide applies to,
or might apply to, is hidden with everything in it. A list's markers of no number (`list-style:
none`) hide nothing of an unordered list; an ordered list's numbers they hide are read where the
element is known (Sheet.unnumbered, reading/markup.py). A quote of a page styled so is refused where
in doubt (a false refusal, which a curator answers by citing the page's text), never read from text
a browser may hide.

A rule applies to the elements its selectors' rightmost compound selector matches (a tag, `#id`,
`.class`, `[attribute]`, all of them; a pseudo-class or pseudo-element is taken to match, an
ancestor left out): more elements than a browser's cascade, never fewer. What the reader cannot
bound that way hides the whole page, and says why (Sheet.unread): a selector it cannot read or one
that matches any element (`*`, `:hover`), an at-rule it does not know (`@media`, `@supports`,
`@layer` ... are read as their rules), a declaration that may lay an element over others' text (a
position out of the flow, an offset, a transform, a negative margin: not one of OWN's), move its
text off the screen (a margin or an indent wider than _NEAR) or squeeze it out of a box too narrow
for it (`max-width: 1px`), each said so (_effect), a rule for the page's `<html>` or `<body>` (a
browser makes them where the markup leaves them out: no element is there to match), what costs more
to read than a page may (MAX_CSS, MAX_COMPARISONS, MAX_DEPTH), and a style sheet the page does not
hold (`<link rel=stylesheet>`, `@import`), whose rules no reading of the page can know.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

import tinycss2
from tinycss2 import ast, color3

from sle_trials.patterns import lazy

# Properties that cannot hide text (a value of keywords, strings and lengths of nothing below zero:
# a negative margin lays an element over another, a vertical-align by a length moves a line off the
# page): the weight, style and family of a font (a family the page defines would be an @font-face,
# which hides the page), the decoration and alignment of text (not a line's height: at 0 a
# paragraph's lines are drawn over each other), the spaces of
# margins, paddings and borders (a border's image is drawn beyond it), a first line's indent, the
# least width and height of a box (each a space: _SPACES, up to _NEAR), the most width of one (unless
# too narrow for its words: _wide_enough), a list's marker (no text read), where a line is broken, how a
# table's cells are laid out, a position in the flow (_IN_FLOW), a font's size of pixels a reader reads
# (_legible), the colours of text and of its background read by their contrast (_COLOURS), and what
# draws no text elsewhere (_DRAWN).
HARMLESS = frozenset(
    (
        "font transition transition-property transition-duration transition-delay transition-timing-function "
        "transition-behavior clear -webkit-font-smoothing -moz-osx-font-smoothing text-rendering "
        "letter-spacing word-spacing outline outline-width outline-style outline-color width inline-size height "
        "block-size "
        "color -webkit-text-fill-color background background-color position text-indent "
        "min-width min-height min-inline-size min-block-size max-width max-inline-size "
        "font-size font-weight font-style font-family font-stretch text-decoration text-decoration-line "
        "text-decoration-style text-align text-align-last text-transform line-height vertical-align white-space "
        "white-space-collapse "
        "word-break overflow-wrap word-wrap hyphens list-style list-style-type list-style-position "
        "margin margin-top margin-right margin-bottom margin-left margin-block margin-inline "
        "padding padding-top padding-right padding-bottom padding-left padding-block padding-inline "
        "border border-top border-right border-bottom border-left border-width border-style border-color "
        "border-collapse border-spacing border-radius caption-side empty-cells table-layout quotes cursor box-sizing"
    ).split()
)
# the sides a table's caption is drawn on above its rows (caption-side)
_CAPTION_ABOVE = frozenset(("top", "block-start", "inherit", "initial", "unset", "revert"))
# Properties that cannot hide text but may change the words shown, each with the values that do: a
# list marker written as words ("list-style-type: 'Not yet '" shows "Not yet Recruiting" where the
# page holds "Recruiting"; or numbers: "ul { list-style-type: decimal }" shows numbers the markup
# does not give), letters changed ("text-transform: uppercase" shows "10 µmol/L" as "10
# ΜMOL/L", millimoles to a reader), words struck through ("text-decoration: line-through" takes them
# back), a quotation's marks written as words. Such a value may hide its element (OWN).
_WRITES: dict[str, Callable[[Any], bool]] = {
    "list-style": lambda token: _marks_otherwise(token),
    "list-style-type": lambda token: _marks_otherwise(token),
    "text-transform": lambda token: token.type != "ident" or token.lower_value != "none",
    "text-decoration": lambda token: token.type == "ident" and token.lower_value == "line-through",
    "text-decoration-line": lambda token: token.type == "ident" and token.lower_value == "line-through",
    # a <q>'s marks written as words ('q { quotes: "Not yet " "" }' shows "Status: <q>Recruiting</q>" as
    # "Status: Not yet Recruiting"); marks of punctuation change no word
    "quotes": lambda token: token.type not in ("string", "ident") or _has_words(token),
    # line breaks kept as written ("white-space: pre"): lines a reader sees, read as one ("Locations" and
    # "Eligibility Criteria" one line, no heading)
    "white-space": lambda token: token.type != "ident" or token.lower_value not in ("normal", "nowrap"),
    "white-space-collapse": lambda token: token.type != "ident" or token.lower_value != "collapse",
    # a table's caption drawn below its rows (or beside them): its words read before the rows, where a
    # reader sees them after ("<p>Enrollment:</p><table><caption>60 ..." read as a label and its value)
    "caption-side": lambda token: token.type != "ident" or token.lower_value not in _CAPTION_ABOVE,
}


# The markers a list may be given that show no number (a bullet, where it stands, or none): any other
# (decimal, lower-roman, a string, ...) shows numbers or words the markup does not say (reading/markup.py
# writes an ordered list's numbers). On an unordered list they change no word a reader sees; on an
# ordered list, or an item of one, they hide its numbers, which the page then shows none of: that is
# read where the element is known (Sheet.unnumbered, markup.py), not here.
_BULLETS = frozenset(("disc", "circle", "square", "none", "inside", "outside"))


def _marks_otherwise(token: Any) -> bool:
    return token.type == "string" or (token.type == "ident" and token.lower_value not in _BULLETS)


def _has_words(token: Any) -> bool:
    return token.type == "string" and any(character.isalnum() for character in token.value)


# Fonts installed with the systems that draw letters and digits as other characters (a symbol
# encoding): "<span style='font-family: Symbol'>m</span>mol/L" shows μmol/L, a thousandth of the
# mmol/L the page holds; Wingdings and the like show pictures for its words. Named in a font's
# family (a style's, or a <font face>), they may hide their element (OWN), as a colour may.
SYMBOL_FONTS = frozenset(
    "symbol wingdings wingdings2 wingdings3 webdings zapfdingbats dingbats marlett mtextra bookshelfsymbol7 "
    "msoutlook msreferencespecialty monotypesorts segoemdl2assets segoefluenticons".split()
)


def symbol_font(families: str) -> bool:
    """Whether a font family list (CSS's, or a <font face>'s) names one of SYMBOL_FONTS."""
    return any(re.sub(r"[\s\"'_-]", "", family).lower() in SYMBOL_FONTS for family in families.split(","))


# How an element may show as a box of its own among the others: each shows its text in the flow.
_DISPLAYS = frozenset(("block", "inline", "inline-block", "list-item", "flow-root"))
# Those that lay an element out as a block (a line of its own); the others as a run of its line.
_BLOCK_DISPLAYS = frozenset(("block", "list-item", "flow-root"))


def _display_of(body: list) -> str | None:
    """The layout a style attribute's declarations give its element (its last `display` of _DISPLAYS), else None."""
    shown = [_display(d) for d in body if d.type == "declaration" and d.lower_name == "display" and _harmless(d)]
    return next((kind for kind in reversed(shown) if kind is not None), None)


def _unnumbers(declaration: ast.Declaration) -> bool:
    """Whether a declaration gives a list's items a marker that shows no number (_BULLETS): on an ordered
    list, or an item of one, it hides the numbers the reader writes (markup.py)."""
    return (
        declaration.type == "declaration"
        and declaration.lower_name in ("list-style", "list-style-type")
        and any(t.type not in ("whitespace", "comment") for t in declaration.value)
        and _harmless(declaration)
    )


def _display(declaration: ast.Declaration) -> str | None:
    """A `display` declaration's layout (None: no value, which a browser drops)."""
    return next((t.lower_value for t in declaration.value if t.type == "ident"), None)


def is_block_display(display: str) -> bool:
    return display in _BLOCK_DISPLAYS


# Properties that may hide an element's own text but lay nothing over others': they hide the
# element. Any other (a position, an offset, a transform, a margin below zero, a shadow, a filter, an
# animation, a height or width its text overflows onto the next, a line's height or a text-indent, a
# property the reader does not know) may lay the element's box or text over others' text: it hides
# the whole page.
OWN = frozenset(
    (
        "display visibility content-visibility opacity color -webkit-text-fill-color font-size "
        "background background-color background-image background-clip -webkit-background-clip "
        "clip clip-path mask overflow overflow-x overflow-y text-overflow content "
        "list-style list-style-type text-transform text-decoration text-decoration-line font-family quotes "
        "white-space white-space-collapse caption-side"
    ).split()
)
# At-rules read as the rules they hold, and those that style no element by themselves (a font
# defined by @font-face may draw nothing: an at-rule not named here hides the page)
_GROUPING = frozenset(
    ("media", "supports", "layer", "container", "scope", "document", "-moz-document", "starting-style")
)
_INERT = frozenset(("charset", "namespace", "keyframes", "-webkit-keyframes", "page", "property"))


# the most characters of the page's own words a reason quotes (a selector, a declaration, a link),
# each white space written as one space
_QUOTED = 80


def _cut(what: str) -> str:
    what = " ".join(what.split())
    return what if len(what) <= _QUOTED else what[: _QUOTED - 1] + "…"


def elsewhere(what: str) -> str:
    """Why a page styled by a style sheet it does not hold is not read, and what to do."""
    what = _cut(what)
    return (
        f"it is styled by a style sheet it does not hold ({what}), and what that hides only a browser tells; "
        "save the page with its style sheets written into it (<style>), or its text as a .txt source, and cite that"
    )


def unbounded(what: str) -> str:
    """Why a page whose own style may hide what the reader cannot bound is not read, and what to do
    (what quotes the page through _cut)."""
    return (
        f"{what}, and what that hides only a browser tells; cite the text a browser shows of it, saved as a .txt source"
    )


def _harmless(declaration: ast.Declaration, schemed: bool = False) -> bool:
    """Whether a declaration cannot hide text: its property HARMLESS, with a value that moves nothing.
    schemed: the page may be shown in a scheme of colours other than dark on light (_COLOURS)."""
    name = declaration.lower_name
    values = [t for t in declaration.value if t.type not in ("whitespace", "comment")]
    if not values:
        return True  # no value ("display:/* none"): a browser drops the declaration
    if name == "display":
        return len(values) == 1 and values[0].type == "ident" and values[0].lower_value in _DISPLAYS
    if name not in HARMLESS:
        return False
    if name == "font-family" and symbol_font(tinycss2.serialize(declaration.value)):
        return False
    if name in _COLOURS:
        return len(values) == 1 and _COLOURS[name](values[0]) and not schemed
    if name == "position":
        return len(values) == 1 and values[0].type == "ident" and values[0].lower_value in _IN_FLOW
    if name in _MOST_WIDTHS:
        return len(values) == 1 and _wide_enough(values[0])
    if name == "font-size":
        return len(values) == 1 and _legible(values[0])
    if name == "font":
        return _font(values)
    if name in _DRAWN:
        return _DRAWN[name](values)
    for token in declaration.value:
        if name in _WRITES and token.type not in ("whitespace", "comment") and _WRITES[name](token):
            return False
        if name == "line-height" and not _lines_apart(token):
            return False  # lines drawn over one another (line-height: 0), each other's words unread
        if token.type in ("number", "percentage", "dimension"):
            if token.value < 0 or (name == "vertical-align" and token.value != 0):
                return False
            if name.startswith(_SPACES) and not _near(token, name):
                return False  # a space so wide it moves the text off the screen
        elif name == "vertical-align" and token.type == "ident" and token.lower_value in ("super", "sub"):
            return False  # raised as an exponent: "10<span style=...>2</span>" shows 10², not 102
        elif token.type not in ("whitespace", "comment", "ident", "string", "hash", "literal"):
            return False  # a function (var(), calc(), url()) or a block: what it gives is unknown
    return True


# The properties of the spaces around an element's text (HARMLESS's margins, paddings and borders, a
# first line's indent, a box's least width or height, which moves the words after it or, its text
# centred, its own): a length of them moves nothing off the screen only up to _NEAR pixels (a
# sidebar's `margin-left: 250px` is a page's layout). Wider, it shows the page's text where a reader
# does not look: `<p style="margin-left: 100000px">` draws its words 100,000 pixels to the right of
# the page a reader sees (a margin-top that far down, and all below it), and such a margin, read as
# harmless at any length, vouched for them. A length in a unit of the font's (em, ch, ...) is taken at
# 16 pixels to its em; a percentage (of the width the element stands in) or a unit of the window's,
# of a window _WINDOW_PIXELS wide (a quarter of it is _NEAR); a plain number is read as pixels, as a
# browser reads one in a page of no doctype; any other unit moves the text by what the reader does not
# know. A padding or a border is drawn (a background, a border's colour), and an inline element's
# above and below it lays no line apart but is drawn over the lines around it (`<span style=
# "border-top: 300px solid white">` covers the lines above it): it is bounded at _NEAR_DRAWN, a few
# lines, as all spaces were before.
_SPACES = ("margin", "padding", "border", "text-indent", "min-width", "min-height", "min-inline-size", "min-block-size")
_NEAR = 400
_DRAWN_SPACES = ("padding", "border")
_NEAR_DRAWN = 200
# An element in a run of a line (a <span>, a link) lays no line apart by its padding or border above and
# below it, but draws them over the lines around it: `<span style="border-top: 60px solid #fff">x
# </span>` (or a padding of 60 pixels with a white background, which its contrast shows) covers the
# three lines above it, and they were read as shown. Up to _INLINE_DRAWN pixels (a badge's `padding: 4px
# 8px`, an underline's border) it covers no more than the leading between two lines.
_INLINE_DRAWN = 8
# The properties of a padding or a border above or below a box: each length of theirs (the shorthands
# of its four sides: padding, border-width; a border's: its width), and those of the four sides'
# shorthands that stand for the top and the bottom (the first, and the third where given).
_SIDES = ("padding", "border-width")
_ABOVE_BELOW = frozenset(
    (
        "padding-top padding-bottom padding-block padding-block-start padding-block-end "
        "border border-top border-bottom border-block border-block-start border-block-end "
        "border-top-width border-bottom-width border-block-width border-block-start-width border-block-end-width"
    ).split()
)


def draws_over_lines(declarations: Iterable[Any]) -> tuple[str | None, str | None]:
    """The first declaration (as written) giving a box's border, and the first giving its padding, above
    or below it more than _INLINE_DRAWN pixels (or of a length the reader does not know), each None
    where none does: what an element in a run of a line draws over the lines around it (a padding where
    a background is painted in it). Laid out as a box of its own (`display: inline-block`, a block), its
    padding and border lay its line taller, over nothing."""
    declarations = list(declarations)
    display = _display_of(declarations)
    if display is not None and display != "inline":
        return None, None
    border: str | None = None
    padding: str | None = None
    for d in declarations:
        if getattr(d, "type", None) != "declaration":
            continue
        name = d.lower_name
        if name not in _ABOVE_BELOW and name not in _SIDES:
            continue
        values = [t for t in d.value if t.type not in ("whitespace", "comment")]
        if name in _SIDES:
            values = values[0:1] + values[2:3]  # the top's, and the bottom's where it is given
        if any(
            token.type == "function"
            or (token.type in ("number", "percentage", "dimension") and _pixels(token) > _INLINE_DRAWN)
            for token in values
        ):
            if name.startswith("padding"):
                padding = padding or _written(d)
            else:
                border = border or _written(d)
    return border, padding


# A padding is drawn only where a background is painted in it (its colour, an image, an inset shadow):
# `nav a { padding: 10px 15px }` on no background draws nothing over the lines around a link. What
# paints none: a background of none or transparent, as a rule's or an element's own style writes it
# (`inherit`, a variable or a colour it gives paints one, as may any rule that may match the element).
_PAINTS = ("background", "background-color", "background-image", "box-shadow")
_PAINTS_NONE = frozenset(("none", "transparent", "initial", "unset"))


def paints(declarations: Iterable[Any]) -> bool:
    """Whether declarations paint a background in their box's padding (_PAINTS)."""
    for d in declarations:
        if getattr(d, "type", None) != "declaration" or d.lower_name not in _PAINTS:
            continue
        values = [t for t in d.value if t.type not in ("whitespace", "comment")]
        if not all(t.type == "ident" and t.lower_value in _PAINTS_NONE for t in values):
            return True
    return False


_WINDOW_PIXELS = 4 * _NEAR
_PIXELS = {
    "px": 1,
    "em": 16, "rem": 16, "ex": 16, "rex": 16, "ch": 16, "rch": 16, "cap": 16, "rcap": 16, "ic": 16, "ric": 16,
    "lh": 32, "rlh": 32, "pt": 4 / 3, "pc": 16, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6,
}  # fmt: skip
_WINDOW = frozenset(("vw", "vh", "vi", "vb", "vmin", "vmax", "svw", "svh", "lvw", "lvh", "dvw", "dvh"))


def _pixels(token: Any) -> float:
    """The most pixels a length of _SPACES's may move text by (a percentage or a window's unit of a
    window _WINDOW_PIXELS wide, a unit it does not know at no bound: infinity)."""
    if token.type == "percentage" or (token.type == "dimension" and token.lower_unit in _WINDOW):
        return float(token.value * _WINDOW_PIXELS / 100)
    if token.type == "number":
        return float(token.value)
    return float(token.value * _PIXELS[token.lower_unit]) if token.lower_unit in _PIXELS else math.inf


def spacing(declarations: Iterable[Any]) -> float:
    """The pixels the margins, paddings and borders of declarations may move an element's text by, all
    of their lengths added (more than a browser moves it: one side, one of each)."""
    return sum(
        _pixels(token)
        for d in declarations
        if d.type == "declaration" and d.lower_name.startswith(_SPACES)
        for token in d.value
        if token.type in ("number", "percentage", "dimension") and token.value > 0
    )


def _near(token: Any, name: str = "") -> bool:
    """Whether a length of a space (of the property name) moves nothing off the screen (_NEAR)."""
    return _pixels(token) <= (_NEAR_DRAWN if name.startswith(_DRAWN_SPACES) else _NEAR)


# The most width a box may be given (max-width) and still hold its words: `none`, a width fitted to
# them, or at least _NARROW pixels (ten em), or half of what it stands in. Narrower, a word longer than
# the box runs out of it, over the words after it in its line (an inline-block's), or is cut off with
# it (`max-width: 1px; overflow: hidden`): `max-width: 800px`, a column of text, hides nothing.
_MOST_WIDTHS = frozenset(("max-width", "max-inline-size"))
_NARROW = 160
_FITTED = frozenset(("none", "max-content", "min-content", "fit-content"))


def _wide_enough(token: Any) -> bool:
    if token.type == "ident":
        return token.lower_value in _FITTED
    if token.type == "percentage" or (token.type == "dimension" and token.lower_unit in _WINDOW):
        return bool(token.value >= 50)
    if token.type == "number":
        return bool(token.value >= _NARROW)
    return (
        token.type == "dimension" and token.lower_unit in _PIXELS and token.value * _PIXELS[token.lower_unit] >= _NARROW
    )


# Positions that leave an element where the flow puts it: static, relative or sticky with no offset
# (an offset, `top: 0` or any, is a property of its own, not HARMLESS: it may lay it over others).
_IN_FLOW = frozenset(("static", "relative", "sticky"))


# Properties that draw no text elsewhere, each with the values that draw none:
# - a transition's: how a change of style between states is drawn over time (every state's style is
#   read: a pseudo-class is taken to match, each @media's and @starting-style's rules apply);
# - `clear`: where an element stands below floats (a float is refused: it may lay an element over
#   others' text);
# - a space between letters or words of at most _LETTERS pixels (`letter-spacing: 1px`): none below
#   zero, which draws letters over one another, nor wider, which spreads a line's words off the screen;
# - an outline that draws none (`outline: none`, `0`): one is drawn over all else, and even a pixel's
#   (white, by an element "0") covers a decimal point beside it ("0.5" shown as "05");
# - a width a box's words fit in and that lays nothing off the screen (`width: 100%`, `auto`, 160 to
#   _NEAR pixels), and a height of its words (`auto`): one of nothing runs them over the text below.
_LETTERS = 4


def _small(token: Any, most: float) -> bool:
    """Whether a token is a length of 0 to most pixels (no percentage: of what, the reader does not know)."""
    return token.type in ("number", "dimension") and 0 <= _pixels(token) <= most


def _outlined(values: list) -> bool:
    """Whether an outline draws none: of no style (`none`, `hidden`) or no width (`0`), and no other."""
    lengths = [t for t in values if t.type in ("number", "dimension", "percentage")]
    unstyled = any(t.type == "ident" and t.lower_value in ("none", "hidden") for t in values)
    drawn = all(t.type in ("ident", "hash", "number", "dimension") for t in values)
    return drawn and all(t.value == 0 for t in lengths) and (unstyled or bool(lengths))


def _fitting(token: Any) -> bool:
    if token.type == "ident":
        return token.lower_value in _FITTED or token.lower_value == "auto"
    if token.type == "percentage":
        return bool(50 <= token.value <= 100)
    return _wide_enough(token) and _near(token)


_DRAWN: dict[str, Callable[[list], bool]] = {
    **dict.fromkeys(
        "transition transition-property transition-duration transition-delay transition-timing-function "
        "transition-behavior".split(),
        lambda values: True,
    ),
    **dict.fromkeys(
        "clear -webkit-font-smoothing -moz-osx-font-smoothing text-rendering".split(),
        lambda values: all(t.type == "ident" for t in values),
    ),
    **dict.fromkeys(
        ("letter-spacing", "word-spacing"),
        lambda values: (
            len(values) == 1
            and ((values[0].type == "ident" and values[0].lower_value == "normal") or _small(values[0], _LETTERS))
        ),
    ),
    **dict.fromkeys(("outline", "outline-width", "outline-style", "outline-color"), _outlined),
    **dict.fromkeys(("width", "inline-size"), lambda values: len(values) == 1 and _fitting(values[0])),
    **dict.fromkeys(
        ("height", "block-size"),
        lambda values: len(values) == 1 and values[0].type == "ident" and values[0].lower_value == "auto",
    ),
}


# A font's size a reader reads, whatever its element stands in: a length of pixels from _SMALLEST to
# _LARGEST (`body { font-size: 14px }`, `.note { font-size: 12px }`), a size a browser gives by a
# keyword up to medium's (xx-small is 9 pixels, medium 16), or its parent's. Smaller, its words may be
# too small to see (`font-size: 0`, `1px`). Larger, a space in the font's units (`margin-left: 25em`,
# taken at 16 pixels to its em: _PIXELS) moves its text further than the reader counts, off the
# screen: a larger font still may hide its element (OWN), as before, and so does a size relative to
# another (`2em`, `120%`, `smaller`, `1.5rem`), multiplied through the elements it nests in, up or down
# to any size.
_SMALLEST = 9
SMALLEST = _SMALLEST
_LARGEST = 16
_SIZES = frozenset("xx-small x-small small medium inherit initial unset revert".split())
_ABSOLUTE = frozenset(("px", "pt", "pc", "in", "cm", "mm", "q"))
# What the `font` shorthand may say before its size: a style, a weight (a keyword, or a number), a
# stretch. Not a variant: `small-caps` draws small letters as capitals, as text-transform does.
_FONT_BEFORE = frozenset(
    "normal italic oblique bold bolder lighter ultra-condensed extra-condensed condensed semi-condensed "
    "semi-expanded expanded extra-expanded ultra-expanded".split()
)


def _font_size_at(values: list) -> int:
    """Where a `font` shorthand's size stands: after its style, weight and stretch (_FONT_BEFORE)."""
    at = 0
    while at < len(values) and (
        (values[at].type == "ident" and values[at].lower_value in _FONT_BEFORE)
        or (values[at].type == "number" and 1 <= values[at].value <= 1000)
    ):
        at += 1
    return at


def _font(values: list) -> bool:
    """Whether a `font` shorthand cannot hide text: its style, weight and stretch (_FONT_BEFORE), a size a
    reader reads (_legible), a line's height that keeps lines apart, and a family of no symbol font
    (`font: bold 14px/1.5 Arial, sans-serif`). A system font (`font: caption`) is of a size unknown."""
    if len(values) == 1 and values[0].type == "ident" and values[0].lower_value in ("inherit", "initial", "unset"):
        return True
    at = _font_size_at(values)
    if at >= len(values) or values[at].type not in ("dimension", "ident") or not _legible(values[at]):
        return False
    at += 1
    if at < len(values) and values[at].type == "literal" and values[at].value == "/":
        if at + 1 >= len(values) or not _lines_apart(values[at + 1]):
            return False
        at += 2
    family = values[at:]
    if not family or not all(t.type in ("ident", "string") or (t.type == "literal" and t.value == ",") for t in family):
        return False
    return not symbol_font(tinycss2.serialize(family))


# The pixels of a font's size by keyword (a browser's: xx-small is 9, medium 16), for font_pixels
_KEYWORD_PIXELS = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "initial": 16.0}


def font_pixels(declarations: Iterable[Any]) -> float | None:
    """The pixels of the font's size declarations set, where they set one a reader reads (_legible): a
    length, or a keyword's size; None where they set none, or one of their parent's (`inherit`). The
    least of them, when they set it more than once: what an element's own size is at the least."""
    sizes: list[float] = []
    for declaration in declarations:
        if getattr(declaration, "type", None) != "declaration":
            continue
        values = [t for t in declaration.value if t.type not in ("whitespace", "comment")]
        if declaration.lower_name == "font":
            at = _font_size_at(values)
            values = values[at : at + 1]
        elif declaration.lower_name != "font-size":
            continue
        if len(values) != 1 or not _legible(values[0]):
            continue
        token = values[0]
        if token.type == "ident":
            if token.lower_value in _KEYWORD_PIXELS:
                sizes.append(_KEYWORD_PIXELS[token.lower_value])
        else:
            sizes.append(token.value * (_PIXELS[token.lower_unit] if token.type == "dimension" else 1))
    return min(sizes) if sizes else None


def _legible(token: Any) -> bool:
    if token.type == "ident":
        return token.lower_value in _SIZES
    if token.type == "number":  # (pixels, in a page of no doctype)
        return bool(_SMALLEST <= token.value <= _LARGEST)
    if token.type != "dimension" or token.lower_unit not in _ABSOLUTE:
        return False
    return bool(_SMALLEST <= token.value * _PIXELS[token.lower_unit] <= _LARGEST)


# The colours of text and of the background it is drawn on, read by their contrast (WCAG's, of their
# relative luminances): a page's text is shown on its canvas (white) or on a background its style
# gives, each at least _LIGHT (`background: #f5f5f5`, or none: transparent), in a colour of its
# style's at most _DARK (`color: #333`, a dark grey), so with a contrast of at least _CONTRAST (WCAG's
# AA) on any of them. A colour lighter than that (`color: #eee`, `color: white`), a background darker
# (`background: black`), one partly transparent, or one the reader does not know (a variable,
# `currentColor`, a system's colour) may hide its element (OWN), as before. A page that may be shown in
# a dark scheme of colours (`color-scheme`, in its style or a <meta>) has a dark canvas: its colours
# are all taken to hide their elements (schemed).
_LIGHT = 0.8
_CONTRAST = 4.5
_DARK = (_LIGHT + 0.05) / _CONTRAST - 0.05


def _luminance(colour: Any) -> float | None:
    """A colour's relative luminance (WCAG's), None unless it is an opaque colour tinycss2 knows."""
    if not isinstance(colour, color3.RGBA) or colour.alpha != 1:
        return None
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _dark(token: Any) -> bool:
    """Whether a colour is one text is shown in on any background (_COLOURS)."""
    luminance = _luminance(color3.parse_color(token))
    return luminance is not None and luminance <= _DARK


def _light(token: Any) -> bool:
    """Whether a colour is a background text is shown on (_COLOURS): light, or none (transparent)."""
    if token.type == "ident" and token.lower_value == "none":
        return True  # (background: none) no image, and a transparent colour
    colour = color3.parse_color(token)
    if isinstance(colour, color3.RGBA) and colour.alpha == 0:
        return True
    luminance = _luminance(colour)
    return luminance is not None and luminance >= _LIGHT


_COLOURS: dict[str, Callable[[Any], bool]] = {
    "color": _dark,
    "-webkit-text-fill-color": _dark,
    "background": _light,
    "background-color": _light,
}


def legacy_colour(value: str) -> str | None:
    """A presentational colour attribute's value (`<font color>`, `bgcolor`) as CSS, where HTML's legacy
    parsing reads it as CSS does (a name, `#rgb` or `#rrggbb`), else None (HTML reads any other string
    as some colour: "chucknorris" is a red)."""
    value = value.strip("\t\n\x0c\r ")
    return value if re.fullmatch(r"#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[A-Za-z]+", value) else None


def shows_colour(value: str, background: bool) -> bool:
    """Whether a presentational colour attribute's value is one text is shown in (background: one it is
    shown on), read as a style's colour is (_COLOURS)."""
    written = legacy_colour(value)
    if written is None or written.lower() == "transparent":
        return False  # (HTML's legacy parsing ignores "transparent": a colour a reader does not know)
    token = tinycss2.parse_one_component_value(written)
    return _light(token) if background else _dark(token)


# A line's height that keeps its lines apart: at least the font's size (a number, a percentage or an
# em of it), or the font's own ("normal"). A smaller one, or a length whose ratio to the font's size
# is unknown (px), may draw a paragraph's lines over one another.
_FONT_RELATIVE = frozenset(("em", "rem", "lh", "rlh"))


def _lines_apart(token: Any) -> bool:
    if token.type in ("whitespace", "comment"):
        return True
    if token.type == "ident":
        return token.lower_value in ("normal", "inherit", "initial", "unset", "revert")
    if token.type == "number":
        return token.value >= 1
    if token.type == "percentage":
        return token.value >= 100
    return token.type == "dimension" and token.lower_unit in _FONT_RELATIVE and token.value >= 1


def _reaches(declaration: ast.Declaration) -> bool:
    """Whether a declaration that may hide may hide others' text too (not one of OWN's)."""
    return declaration.lower_name not in OWN


def _effect(declaration: ast.Declaration) -> str:
    """What a declaration that may reach beyond its element may do (the reason a page is not read)."""
    name = declaration.lower_name
    lengths = [t for t in declaration.value if t.type in ("number", "percentage", "dimension")]
    if name in _MOST_WIDTHS or (name in ("width", "inline-size") and lengths and not any(map(_wide_enough, lengths))):
        return "may squeeze an element's words out of a box too narrow for them, over others' text"
    widened = name in ("width", "inline-size", "letter-spacing", "word-spacing")
    if widened and lengths and all(t.value >= 0 for t in lengths):
        return "may move text off the screen"
    if name.startswith(_DRAWN_SPACES) and lengths and all(t.value >= 0 for t in lengths):
        return "may move text off the screen, or draw its box over the lines around it"
    if name.startswith(_SPACES) and lengths and all(t.value >= 0 for t in lengths):
        return "may move text off the screen"
    return "may lay an element over others' text"


@dataclass(frozen=True)
class _Compound:
    """A compound selector as the reader bounds it: what an element it matches has, all of it."""

    tag: str | None = None
    ids: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    attributes: frozenset[str] = frozenset()

    def matches(self, tag: str, ids: AbstractSet[str], classes: AbstractSet[str], attributes: AbstractSet[str]) -> bool:
        return (
            (self.tag is None or self.tag == tag)
            and self.ids <= ids
            and self.classes <= classes
            and self.attributes <= attributes
        )


def _compound(tokens: list) -> _Compound | None:
    """The rightmost compound selector of a selector's tokens, None when the reader cannot read it.
    Names are compared in lower case (a page in quirks mode matches classes and ids so)."""
    while tokens and tokens[-1].type in ("whitespace", "comment"):
        tokens = tokens[:-1]
    start = len(tokens)
    while start and not (
        tokens[start - 1].type == "whitespace"
        or (tokens[start - 1].type == "literal" and tokens[start - 1].value in (">", "+", "~"))
    ):
        start -= 1
    part = tokens[start:]
    tag, ids, classes, attributes = None, set(), set(), set()
    i = 0
    while i < len(part):
        token = part[i]
        if i == 0 and token.type == "ident":
            tag = token.lower_value
        elif i == 0 and token.type == "literal" and token.value == "*":
            pass
        elif token.type == "hash":
            ids.add(token.value.lower())
        elif token.type == "literal" and token.value == "." and i + 1 < len(part) and part[i + 1].type == "ident":
            classes.add(part[i + 1].value.lower())
            i += 1
        elif token.type == "[] block":
            names = [t for t in token.content if t.type not in ("whitespace", "comment")]
            if (
                not names
                or names[0].type != "ident"
                or (len(names) > 1 and names[1].type == "literal" and names[1].value == "|")
            ):
                return None
            attributes.add(names[0].lower_value)
        elif token.type == "literal" and token.value == ":":
            while i + 1 < len(part) and part[i + 1].type == "literal" and part[i + 1].value == ":":
                i += 1
            if i + 1 >= len(part) or part[i + 1].type not in ("ident", "function"):
                return None
            i += 1  # a pseudo-class or pseudo-element: taken to match
        else:
            return None  # "&", a namespace, a column combinator, a stray token
        i += 1
    if not part:
        return None
    return _Compound(tag, frozenset(ids), frozenset(classes), frozenset(attributes))


def _selectors(prelude: list) -> Iterable[list]:
    """A rule's selector list, split at its commas."""
    one: list = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            yield one
            one = []
        else:
            one.append(token)
    yield one


# What a page's styles may cost to read, past which the page is not read (Sheet.unread): the
# characters of CSS (its style sheets' and its style attributes', each distinct one once), which
# tinycss2 parses at some 4 µs each (2 MiB of rules took 16 s); the comparisons of a rule's selector
# with an element (a rule for each of 100,000 selectors of one class, each compared with each element
# of that class, would be quadratic); and how deep rules nest (each level a call).
MAX_CSS = 512 * 1024
MAX_COMPARISONS = 1_000_000
MAX_DEPTH = 32


@dataclass
class Sheet:
    """What a page's styles hide: the compound selectors of its style sheets' rules that may hide, by
    the name an element must have to match each (an id, a class, an attribute, else its tag), what
    each style attribute does (inline), or why the whole page is hidden (unread)."""

    by_key: dict[tuple[str, str], set[_Compound]] = field(default_factory=dict)
    unread: str | None = None
    css: int = 0  # the characters of CSS read
    compared: int = 0
    matched: dict[tuple, bool] = field(default_factory=dict)  # an element's names -> whether a rule may match
    weighed: dict[tuple, float] = field(default_factory=dict)  # an element's names -> its rules' weights, added
    weights: dict[_Compound, float] = field(default_factory=dict)  # a compound selector -> its rules' (spaced)
    inlined: dict[str, str | None] = field(default_factory=dict)  # a style attribute -> inline()'s answer
    laid: dict[str, tuple[str | None, float, str]] = field(default_factory=dict)  # a style attribute -> layout()'s
    # the rules that lay an element out as a block, and as a run of a line (display), each as a sheet of
    # its own: an element laid out otherwise than its tag is not read (markup.py)
    blocks: Sheet | None = None
    inlines: Sheet | None = None
    # the rules that space an element's text (margins, paddings, borders, ...), as a sheet of their own,
    # each compound selector weighing the pixels its rules may move an element's text by: an element is
    # taken to be moved by those of all the rules that may match it, added (a browser moves it by one
    # rule's of each side: those of rules for other elements do not move it, where all of a sheet's
    # rules added up, a page's dozen rules of margins, a few pixels each, left none of its text read)
    spaced: Sheet | None = None
    root_spacing: float = 0.0  # the pixels rules for the page's <html> and <body> move all of it by
    # the rules that give a list's items markers of no number (_unnumbers), as a sheet of their own, and
    # the first such declaration, as written: an ordered list, or an item of one, that one may match
    # shows its numbers or not as only a browser's cascade tells (markup.py does not read it)
    unnumbered: Sheet | None = None
    unnumbering: str = ""
    # the page may be shown in a dark scheme of colours (its text's colours not judged: _COLOURS)
    schemed: bool = False
    # the rules that set a font's size (font_pixels), as a sheet of their own, each compound selector with
    # the least size its rules set (sized_by), and the least a rule for the page's <html> or <body> sets
    # (which all of it inherits): an element is taken to be shown in the least size of the rules that may
    # match it, and a browser's own smaller sizes (<small>, <h6>) are taken from that (markup.py)
    sizing: Sheet | None = None
    sized_by: dict[_Compound, float] = field(default_factory=dict)
    leasts: dict[tuple, float] = field(default_factory=dict)  # an element's names -> its rules' least size
    root_size: float = math.inf
    # the rules that give a box a padding or a border above or below it over _INLINE_DRAWN pixels, as a
    # sheet of their own, and the first such declaration: an element in a run of a line one may match
    # draws its box over the lines around it (markup.py does not read the page)
    drawn: Sheet | None = None
    drawing: str = ""
    # the rules that give a box only a padding above or below it over _INLINE_DRAWN pixels (drawn only on
    # a background: painted, the rules that may paint one), and the first such declaration
    padded: Sheet | None = None
    padding: str = ""
    painted: Sheet | None = None
    paints_any: bool = False
    # a style attribute -> its border drawn over the lines, its padding so, whether it paints a background
    overdrawn: dict[str, tuple[str | None, str | None, bool]] = field(default_factory=dict)
    sized: dict[str, float | None] = field(default_factory=dict)  # a style attribute -> size()'s answer
    bodies: dict[str, list] = field(default_factory=dict)  # a style attribute -> its declarations (_body)

    def unnumbers(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether a rule may give the element markers of no number (_unnumbers)."""
        return self.unnumbered is not None and self.unnumbered.hides(tag, attrs)

    def spaces(self, tag: str, attrs: list[tuple[str, str | None]]) -> float:
        """The pixels the page's rules may move the element's text by (none where no rule may match it)."""
        if self.spaced is None or not self.spaced.hides(tag, attrs):
            return 0.0
        return math.inf if self.spaced.unread is not None else self.spaced.weighed[self.spaced.signature(tag, attrs)]

    def laid_out(self, tag: str, attrs: list[tuple[str, str | None]], block: bool) -> bool:
        """Whether a rule may lay the element out as the other kind than block (its tag's kind)."""
        other = self.inlines if block else self.blocks
        return other is not None and other.hides(tag, attrs)

    def hides(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether a rule may match the element (every element, once the page is not read)."""
        if self.unread is not None:
            return True
        if not self.by_key:
            return False
        signature = self.signature(tag, attrs)
        tag, ids, classes, names = signature
        if signature not in self.matched:
            keys = [("tag", tag), *(("id", i) for i in ids), *(("class", c) for c in classes)]
            buckets = [self.by_key.get(key, ()) for key in [*keys, *(("attr", n) for n in names)]]
            self.compared += sum(len(bucket) for bucket in buckets)
            if self.compared > MAX_COMPARISONS:
                self.unread = unbounded(
                    f"its style sheets' rules take more than {MAX_COMPARISONS:,} comparisons to match its elements"
                )
                return True
            matching = [c for bucket in buckets for c in bucket if c.matches(tag, ids, classes, names)]
            if tag == "table":
                # a table's cells stand in a <tbody> and a <tr> a browser makes where the markup leaves them out
                matching += [
                    _Compound(row) for row in ("tbody", "tr") if _Compound(row) in self.by_key.get(("tag", row), ())
                ]
            self.matched[signature] = bool(matching)
            # added exactly (fsum): matching is in the order of sets, the hash seed's, and a float sum in
            # another order may round to another side of markup.FAR
            self.weighed[signature] = math.fsum(self.weights.get(c, 0.0) for c in matching)
            if self.sized_by:
                self.leasts[signature] = min((self.sized_by.get(c, math.inf) for c in matching), default=math.inf)
        return self.matched[signature]

    @staticmethod
    def signature(
        tag: str, attrs: list[tuple[str, str | None]]
    ) -> tuple[str, frozenset[str], frozenset[str], frozenset[str]]:
        """What of an element a compound selector may match: its tag, ids, classes and attributes' names."""
        names = frozenset(name for name, _ in attrs)
        ids = frozenset(value.lower() for name, value in attrs if name == "id" and value)
        classes = frozenset(
            c.lower() for name, value in attrs if name == "class" and value for c in HTML_WHITE.split(value) if c
        )
        return (tag, ids, classes, names)

    def _spend(self, css: str) -> bool:
        """Whether css may be read: the page's styles hold at most MAX_CSS characters."""
        self.css += len(css)
        if self.css > MAX_CSS:
            self.unread = unbounded(
                f"its styles hold more than {MAX_CSS:,} characters of CSS, more than the check reads"
            )
        return self.unread is None

    def read(self, css: str) -> None:
        """Add a `<style>` element's rules."""
        if self._spend(css):
            self._rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), 0)

    def inline(self, style: str) -> str | None:
        """What a `style` attribute's declarations do: None (they hide nothing), "own" (they may hide
        the element), or why they may hide the whole page (a declaration that may reach beyond it, or
        more CSS than is read)."""
        if style not in self.inlined:
            self.inlined[style] = _inline(self._body(style), self.schemed) if self._spend(style) else self.unread
        return self.inlined[style]

    def _body(self, style: str) -> list:
        """A style attribute's declarations, parsed once a page for inline(), layout(), draws() and size()
        (each parsed it again)."""
        if style not in self.bodies:
            self.bodies[style] = tinycss2.parse_blocks_contents(style, skip_comments=True, skip_whitespace=True)
        return self.bodies[style]

    def layout(self, style: str) -> tuple[str | None, float, str]:
        """A style attribute's display (_display_of), the pixels it spaces its element by (spacing()) and
        its declaration giving it markers of no number (_unnumbers) as written ("": none), read in one
        parse, once a page: each of a page's two passes asked for them of each element."""
        if style not in self.laid:
            body = self._body(style)
            marked = next((_written(d) for d in body if _unnumbers(d)), "")
            self.laid[style] = (_display_of(body), spacing(body), marked)
        return self.laid[style]

    def draws(self, tag: str, attrs: list[tuple[str, str | None]], painted: bool = False) -> str | None:
        """The declaration (as written) by which the element's own style, or a rule that may match it,
        draws its box above or below it over the lines around it (draws_over_lines), None if none may:
        a border, or a padding where a background may be painted in it (paints; painted: the markup
        paints one, by its tag or its attributes)."""
        border: str | None = None
        padding: str | None = None
        for name, value in attrs:
            if name == "style" and value:
                if value not in self.overdrawn:
                    body = self._body(value)
                    self.overdrawn[value] = (*draws_over_lines(body), paints(body))
                # every style attribute of the element's, each read (an element written with two is
                # judged by any that draws: the second's reading overwrote the first's border)
                its_border, its_padding, own_paint = self.overdrawn[value]
                border, padding, painted = border or its_border, padding or its_padding, painted or own_paint
        if border is not None:
            return border
        if self.drawn is not None and self.drawn.hides(tag, attrs):
            return self.drawing
        padding = padding or (self.padding if self.padded is not None and self.padded.hides(tag, attrs) else None)
        if padding is None:
            return None
        painted = painted or self.paints_any or (self.painted is not None and self.painted.hides(tag, attrs))
        return padding if painted else None

    def least(self, tag: str, attrs: list[tuple[str, str | None]]) -> float:
        """The least font's size (pixels) the rules that may match the element set (inf where none may)."""
        if self.sizing is None or not self.sizing.hides(tag, attrs):
            return math.inf
        return self.sizing.leasts.get(self.sizing.signature(tag, attrs), math.inf)

    def size(self, style: str) -> float | None:
        """The font's size (pixels) a style attribute sets (font_pixels), once a page."""
        if style not in self.sized:
            self.sized[style] = font_pixels(self._body(style))
        return self.sized[style]

    def _rules(self, rules: Iterable, depth: int) -> None:
        if depth > MAX_DEPTH:
            self.unread = unbounded(f"its style sheet nests rules more than {MAX_DEPTH} deep")
        for rule in rules:
            if self.unread is not None:
                return
            if rule.type == "at-rule":
                self._at_rule(rule, depth)
            elif rule.type == "qualified-rule":
                self._qualified(rule.prelude, rule.content, depth)
            # a parse error is dropped by a browser too

    def _at_rule(self, rule: ast.AtRule, depth: int) -> None:
        name = rule.lower_at_keyword
        if name == "import":
            self.unread = elsewhere(f"@import {_shallow(rule.prelude).strip()}")
        elif name in _GROUPING and rule.content is not None:
            body = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            self._rules(body, depth + 1)
        elif name not in _INERT:
            self.unread = unbounded(f"its style sheet has an at-rule the check does not read (@{_cut(name)})")

    def _qualified(self, prelude: list, content: list, depth: int) -> None:
        body = tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
        hiding = [d for d in body if d.type == "declaration" and not _harmless(d, self.schemed)]
        reaching = [d for d in hiding if _reaches(d)]
        if reaching:
            self.unread = unbounded(f"its style `{_written(reaching[0])}` {_effect(reaching[0])}")
            return
        if hiding:
            self._add(prelude)
        drawing, padded = draws_over_lines(body)
        if drawing is not None:
            self.drawn = self._into(self.drawn, prelude)
            self.drawing = self.drawing or drawing
        elif padded is not None:
            self.padded = self._into(self.padded, prelude)
            self.padding = self.padding or padded
        if paints(body):
            self._paints(prelude)
        sized = font_pixels(body)
        if sized is not None:
            self._sizes(prelude, sized)
        spaced = spacing(body)
        if spaced and any(_compound(selector) in _IMPLIED for selector in _selectors(prelude)):
            self.root_spacing += spaced  # the page's <html> or <body>, which a browser makes where left out
        if spaced:  # (the rule's other selectors too: `body, .i { margin-left: 300px }` moves each .i)
            self.spaced = self._into(self.spaced, prelude, spaced)
        marked = [d for d in body if _unnumbers(d)]
        if marked:  # (a list's marker is no <html>'s or <body>'s)
            self.unnumbered = self._into(self.unnumbered, prelude)
            self.unnumbering = self.unnumbering or _written(marked[0])
        laid = [d for d in body if d.type == "declaration" and d.lower_name == "display" and _harmless(d)]
        for kind in filter(None, map(_display, laid)):
            if kind in _BLOCK_DISPLAYS:
                self.blocks = self._into(self.blocks, prelude)
            else:
                self.inlines = self._into(self.inlines, prelude)
        # a nested rule (CSS nesting): its selector is read as a rule's
        self._rules([rule for rule in body if rule.type in ("qualified-rule", "at-rule")], depth + 1)

    def _paints(self, prelude: list) -> None:
        """A rule painting a background (paints): each of its compound selectors in the sheet of what may
        be painted (painted). A selector the reader cannot bound may paint any element (paints_any), which
        leaves no page unread by itself; the page's <html> or <body> paints no element's padding."""
        for selector in _selectors(prelude):
            compound = _compound(selector)
            if compound is None or compound == _Compound():
                self.paints_any = True
            elif compound not in _IMPLIED:
                self.painted = self.painted or Sheet()
                self.painted.by_key.setdefault(_key(compound), set()).add(compound)

    def _sizes(self, prelude: list, size: float) -> None:
        """A rule setting a font's size (font_pixels): each of its compound selectors in the sheet of sizes
        (sizing) with the least size its rules set. The page's <html> or <body>, or a selector the
        reader cannot bound (`*`, `:root`), may give all of the page the size (root_size): a legible one,
        which hides nothing by itself."""
        for selector in _selectors(prelude):
            compound = _compound(selector)
            if compound is None or compound == _Compound() or compound in _IMPLIED:
                self.root_size = min(self.root_size, size)
                continue
            self.sizing = self.sizing or Sheet()
            self.sizing.by_key.setdefault(_key(compound), set()).add(compound)
            self.sizing.sized_by[compound] = min(self.sizing.sized_by.get(compound, math.inf), size)

    def _into(self, sheet: Sheet | None, prelude: list, weight: float = 0.0) -> Sheet:
        """sheet (a new one where None) with the rule's selectors added as a layout's (_add): one of
        the sheets of what rules do besides hiding (spaced, unnumbered, blocks, inlines). A selector
        it cannot read leaves the page unread, as this sheet's own would."""
        sheet = sheet or Sheet()
        sheet._add(prelude, laid_out=True, weight=weight)
        self.unread = self.unread or sheet.unread
        return sheet

    def _add(self, prelude: list, laid_out: bool = False, weight: float = 0.0) -> None:
        """The rule's compound selectors, each under its key (an element they may match is hidden).
        laid_out: a rule's layout (display), which the page's <html> and <body> keep (blocks); weight:
        the pixels the rule moves an element's text by (spaced), added to each compound's."""
        for selector in _selectors(prelude):
            compound = _compound(selector)
            if compound is None or compound == _Compound():
                written = _cut(_shallow(selector))
                self.unread = unbounded(f"its style sheet hides by a selector the check cannot bound ({written})")
                return
            if compound in _IMPLIED and laid_out:
                continue
            if compound in _IMPLIED:
                # the page's <html> or <body>, which a browser makes where its markup leaves them out
                self.unread = unbounded(f"its style sheet may hide its <{compound.tag}>, all of its text")
                return
            self.by_key.setdefault(_key(compound), set()).add(compound)
            if weight:
                self.weights[compound] = self.weights.get(compound, 0.0) + weight


# HTML's white space, ASCII's only (not U+00A0): what a browser collapses into one space in a page's
# text (markup) and where HTML splits a class attribute: "a\u00a0b" is one class, not "a" and "b"
# (which str.split() made of it, and `.a\a0 b`, a browser's match, matched nothing)
HTML_WHITE = lazy("[ \t\n\x0c\r]+")

# what a rule for the page's <html> or <body> is (with its pseudo-classes): a browser makes them where
# the markup leaves them out, where no element of the markup is there to match
_IMPLIED = frozenset((_Compound("html"), _Compound("body")))


def _key(compound: _Compound) -> tuple[str, str]:
    if compound.ids:
        return ("id", min(compound.ids))
    if compound.classes:
        return ("class", min(compound.classes))
    if compound.attributes:
        return ("attr", min(compound.attributes))
    assert compound.tag is not None
    return ("tag", compound.tag)


_BRACKETS = {"() block": ("(", ")"), "[] block": ("[", "]"), "{} block": ("{", "}")}


def _shallow(tokens: list, depth: int = 0) -> str:
    """Tokens as CSS, blocks nested more than two deep written "…" (tinycss2.serialize recurses)."""
    out = []
    for token in tokens:
        if token.type == "function":
            out.append(f"{token.name}({_shallow(token.arguments, depth + 1) if depth < 2 else '…'})")
        elif token.type in _BRACKETS:
            start, end = _BRACKETS[token.type]
            out.append(f"{start}{_shallow(token.content, depth + 1) if depth < 2 else '…'}{end}")
        else:
            out.append(token.serialize())
    return "".join(out)


def _written(declaration: ast.Declaration) -> str:
    return _cut(f"{declaration.name}: {_shallow(declaration.value)}")


def _inline(body: list, schemed: bool = False) -> str | None:
    if any(d.type != "declaration" for d in body if d.type != "error"):
        return "own"  # a rule or an at-rule in an attribute: no browser reads it, but none is read here either
    hiding = [d for d in body if d.type == "declaration" and not _harmless(d, schemed)]
    reaching = [d for d in hiding if _reaches(d)]
    if reaching:
        return unbounded(f"its style `{_written(reaching[0])}` {_effect(reaching[0])}")
    return "own" if hiding else None
