"""Markup: an HTML source read as the text a browser shows its reader.

A web page is kept as received, markup and all, and read as plain text. Its reader sees the page a
browser renders: never a comment, the code of a script or a style sheet, an attribute (an image's
alt text, a link's title), nor an element the page hides itself (a `hidden` attribute, a template,
a style that may hide it).
Read as text, each of those stood beside the page's words: a copy of a trial's page that shows
"a trial of allogeneic NK cells" with the words "A Study of CD19 Redirected Autologous T Cells ..."
and "Last Updated: 2025-08-17" in an HTML comment vouched for a stub under that title and date,
while the page a reviewer fetches, its sha256 the manifest's, shows neither.

So a source a browser takes for HTML (a name ending .html or .htm, or text starting with one of
the tags by which WHATWG's MIME sniffing knows an untyped document for HTML) is read as the text
of its elements that a browser shows, a line for each block (a paragraph, a heading, a list item,
a table row, a line break) and white space collapsed as a browser collapses it. Character
references are decoded, as a browser decodes them.

A page's style is read by over-approximation (reading/styles.py): an element a declaration that
may hide applies to (its own `style` attribute's, or a rule of a `<style>` element whose selector
may match it: `.x { display: none }`, `#y { font-size: 0 }`, `p { color: white }`) is hidden with
all in it; a declaration that cannot hide text (`font-weight`, `margin: 0 1em`, ...) hides nothing.
A style whose effect the reader cannot bound, among them a style sheet the page does not hold
(`<link rel=stylesheet>`, `@import`), hides the whole page, as does markup whose showing only a
browser works out (a shadow root, a frameset): read().unread says why, and what to
do, to the curator of a record citing it (E531). So a quote from a styled page is refused where in
doubt, never read from text a browser may hide. What a script writes or removes no reading of the
markup can tell: a reviewer still reads a page with scripts in a browser (docs/trust-boundary.md).
An element whose end the markup does not say where a browser would put it is hidden to the end of
the page: a quote from there is not found (a refusal), never read from text a browser hides.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from typing import Any, NamedTuple, cast

from sle_trials import patterns
from sle_trials.patterns import lazy
from sle_trials.reading import lookalike, registry_ids, styles
from sle_trials.reading.invisible import SEPARATOR, SET_APART

# WHATWG MIME Sniffing, "rules for identifying an unknown MIME type": a document starting (after
# white space) with one of these, then a space or ">", is HTML to a browser.
_SNIFFED = lazy(
    r"\ufeff?[\t\n\x0c\r ]*"
    r"<(?:!DOCTYPE HTML|HTML|HEAD|SCRIPT|IFRAME|H1|DIV|FONT|TABLE|A|STYLE|TITLE|B|BODY|BR|P|!--)[ >]",
    re.IGNORECASE,
)
# The names a browser opens as a page (by the types the systems' mime.types give them): HTML's, and
# XHTML's and a server-side include's too. Read as plain text, "page.xhtml" (which starts with
# "<?xml", no HTML to the sniffing) gave its comments and hidden elements as its words. An SVG
# drawing is one too: read as a page, none of it is words (a drawing's markup, as inside a page),
# where as plain text its comments and descriptions were.
NAMES = (".html", ".htm", ".xhtml", ".xhtm", ".xht", ".shtml", ".svg")

# Elements whose content a browser does not render as the page's text: code and style (raw text to
# the parser), a template's inert content, the fallback content of a frame, of a plug-in, of a media
# player, a canvas, a meter or a progress bar (a browser draws the gauge, not the words: "<meter>60
# </meter>" bound 60) and of a page without scripts (a browser runs scripts), a list of suggestions,
# a drop-down list (text in it outside an option is shown nowhere, its options only as chosen),
# the parentheses of a ruby annotation, a drawing's or a formula's markup (its descriptions and
# annotations are no text shown; what it draws is no text either). (The head's other elements are
# void; text in it a browser moves into the body and shows.)
_UNSHOWN = frozenset(
    (
        "script style template iframe noscript noembed noframes object audio video canvas datalist select rp svg math "
        "meter progress"
    ).split()
)
# Elements whose content a browser reads as text to their end tag, not as markup: a tag, a comment or
# a "</div>" in them is shown as written ("<xmp>6<!-- -->0</xmp>" shows the comment, no 60). In
# RAWTEXT elements a character reference is shown as written too ("<xmp>&#54;&#48;</xmp>" shows no
# 60); in RCDATA ones it is decoded. A <plaintext> runs to the page's end. Python's parser reads
# only a script's and a style sheet's text so, and read the others' tags and references as markup.
_RAWTEXT = frozenset(("xmp", "plaintext", "iframe", "noembed", "noframes", "noscript"))
_RCDATA = frozenset(("textarea", "title"))
_TEXT_ONLY = _RAWTEXT | _RCDATA  # the elements whose content is text to their end tag
# Elements whose text a browser shows with its white space as written.
_PREFORMATTED = frozenset(("pre", "listing", "textarea", "xmp", "plaintext"))
# Elements a browser draws as a box of their own in a line, whose content is none of the text read: a
# picture, a control, a frame, a player, a drawing, a gauge. The words either side of one are no words
# a reader sees together: "Enrollment: 6<img src=five.png>0", which shows 6, a picture of a 5 and 0,
# bound an enrollment of 60. A line holding one is not read.
_BOXES = frozenset("img image input embed iframe object video audio canvas select svg math meter progress".split())
# Elements whose text a reader sees apart from the page's words around them: a control's or a
# marquee's (in a box of its own in its line): their text is read as lines of their own, which no
# quote runs across (a SEPARATOR either side). Read where they stood, "Enrollment: 6<button>0</button>
# participants" (a 6, and a button labelled 0) read as 60. The page's title is read as its first line,
# as a layout's reader expects it: set apart, it left a saved ClinConnect page no title line (its
# brief title refused, E512); on a page of no layout it is set apart from the body (a SET_APART line
# after it, read(blocks=True)), as a heading is from the text above it.
_APART = frozenset(("button", "textarea", "marquee"))
# How far a browser's own style moves an element's text from its side of the page (its margins and
# paddings, in pixels, both sides added), and how far in the open elements may move a text before it
# is taken to stand off the screen. Each element's move is small, but they add up as elements nest:
# inside 60 <blockquote>s, or 20 <div>s each with `margin-left: 150px`, a text stands thousands of
# pixels right of the page a reader sees, and was read as shown.
_INDENTED = {"blockquote": 80, "ul": 40, "ol": 40, "menu": 40, "dir": 40, "dd": 40, "figure": 80, "fieldset": 30}
FAR = 640
# Elements with no content and no end tag.
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
# Elements a browser shows as blocks of their own: their text starts and ends a line (every element
# HTML's rendering section displays as a block, a list item or a table's part; one left out, "6<dir>0
# </dir>" or "6<search>0</search>", two lines to a reader, read as 60).
_BLOCKS = frozenset(
    (
        "address article aside blockquote body caption center details dialog dd dir div dl dt fieldset figcaption "
        "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol option p "
        "plaintext pre search section summary table tbody td tfoot th thead title tr ul xmp"
    ).split()
)


# How far apart two blocks stand before a reader reads no label ending the first as naming a value in the
# second: more than _GAP pixels of margins and paddings between them (some ten lines: a page's `margin-top:
# 2em` is 32), or more than BLANKS blank lines of line breaks. "<p>Enrollment:</p>", sixty <br>s (a
# screen's height) and "<p>60 participants</p>" bound an enrollment of 60.
_GAP = 200
BLANKS = 4


# The headings, each set apart from the text before it (a SET_APART line, with blocks): a reader reads no
# words of a paragraph above a heading as running into it ("<p>Enrollment:</p><h3>60 participants ...</h3>")
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


# Elements whose text a browser shows otherwise than as it is written: raised as an exponent
# ("10<sup>2</sup>" shows 10², a hundred, and read as written it was 102), lowered, or between the
# quotation marks a browser writes around a <q> ("<q>6</q>0" shows “6”0, no 60). A raised or lowered
# digit is read as the superscript or subscript character it shows (digits.py reads 10² as 10^2), and
# a <q> with its marks. Their ends are read where a browser puts them only while what they hold is
# words and phrasing elements ended inside them: a block, a link in a link, or an end tag of an
# element around them ends them where the markup does not say, so the page is not read.
_MARKED = ("sup", "sub", "q")
_RAISED = str.maketrans(
    "0123456789+-\u2212=()",
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207b\u207c\u207d\u207e",
)
_LOWERED = str.maketrans(
    "0123456789+-\u2212=()",
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u208a\u208b\u208b\u208c\u208d\u208e",
)
_PHRASING = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var".split()
)


# A browser's own font's size for the elements it draws smaller than their parent's (`font-size:
# smaller`, a sixth smaller; a heading's of h5 and h6), its size for a page (medium), and a <font
# size>'s sizes (1 to 7, or relative to 3: "-2" is 1), in pixels.
_SHRUNK = {"small": 5 / 6, "sub": 5 / 6, "sup": 5 / 6, "h5": 0.83, "h6": 0.67}
_MEDIUM = 16.0
_FONT_SIZES = {1: 10.0, 2: 13.0, 3: 16.0, 4: 18.0, 5: 24.0, 6: 32.0, 7: 48.0}


def _font_size(value: str | None) -> int | None:
    """A <font size>'s size, 1 to 7 (HTML's rules for parsing a legacy font size), None if none."""
    found = re.match(r"[\t\n\x0c\r ]*([-+]?)([0-9]+)", value or "")
    if found is None:
        return None
    number = int(found.group(2)[:4])
    size = 3 + number if found.group(1) == "+" else 3 - number if found.group(1) == "-" else number
    return min(max(size, 1), 7)


def is_html(file: str, text: str) -> bool:
    """Whether a browser takes the source for HTML: by its name, or by how its text starts."""
    return file.lower().endswith(NAMES) or _SNIFFED.match(text) is not None


# Presentational attributes a browser reads as a colour of the element's text or background (HTML's
# "presentational hints"), or a picture behind it: a colour on one of its own hides text, as a style's
# does; each is read as a style's colour is (styles.shows_colour: `<font color="#333">` shows its
# words, `<font color="#eee">` may not), a picture as hiding. A <body>'s colours of its links, and of
# those visited (`link`, `vlink`), are its links' text's: `<body link="#ffffff">` showed no link's
# words, and they were read (`alink`, a link's while it is clicked, shows them at all other times).
_COLOURS = frozenset(("color", "text", "bgcolor", "background", "link", "vlink"))
# What paints an element's background whatever the page's style says: a browser's own style (a <mark> is
# yellow) and the presentational attributes of a background (styles.Sheet.draws: a padding on it is drawn)
_PAINTED = frozenset(("mark",))
_BACKGROUNDS = frozenset(("bgcolor", "background"))
_OF_BODY = frozenset(("link", "vlink"))
# A <meta> naming the schemes of colours the page may be shown in: one other than light (`dark`,
# `light dark`) may give it a dark canvas, on which its colours are not judged (styles._COLOURS)
_SCHEMES = frozenset(("color-scheme", "supported-color-schemes"))
_LIGHT_SCHEMES = frozenset(("light", "only", "normal"))


# Presentational attributes a browser reads as a length of the element's box or the spaces around it
# (HTML's "rules for parsing dimension values": a number of pixels, or a percentage): a cell, a column or
# a table wider than a screen, or spaced or bordered so, lays its row's other cells (or the rows below
# it) off the screen, as a body's margin (`<body leftmargin=100000>`) lays all of the page: `<td
# width=100000>x</td><td>Enrollment: 60 participants</td>` was read as shown. A length beyond WIDE
# (wider than pages are laid out, `<table width=960>`) leaves the page unread.
_LENGTHS = frozenset(
    "width height cellpadding cellspacing border hspace vspace "  # and a body's margins, as old pages set them
    "leftmargin rightmargin topmargin bottommargin marginwidth marginheight".split()
)
WIDE = 1200
_DIMENSION = lazy(r"[\t\n\x0c\r ]*([0-9]+(?:\.[0-9]*)?)(%?)")


def _pixels(value: str | None) -> float:
    """The pixels a presentational length gives (0 for a percentage, or for none a browser reads)."""
    found = _DIMENSION.match(value or "")
    return float(found.group(1)) if found and not found.group(2) else 0.0


# Elements a browser shows struck through: words the page takes back ("Status: <del>Recruiting</del>
# Completed" is no status of RECRUITING), as a style's `text-decoration: line-through` (styles._WRITES).
_STRUCK = frozenset(("del", "s", "strike"))


# The attributes by which an element is shown to no reader: hidden, or a popover, which no browser shows
# until a script or a button opens it (a <details> holding one shows none of it, its summary neither)
_HIDDEN_ATTRIBUTES = ("hidden", "popover")


def _hides(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether the element hides its content from a reader by what it is, or by its `hidden` attribute."""
    if tag in _UNSHOWN:
        return True
    if tag == "dialog" and not any(name == "open" for name, _ in attrs):
        return True  # a dialog not open is shown by no browser until a script opens it
    if tag == "details" and not any(name == "open" for name, _ in attrs):
        return True  # closed: a browser shows its <summary> alone until its reader opens it (read as none)
    # hidden, or a popover, which no browser shows until a script or a button opens it
    return any(name in _HIDDEN_ATTRIBUTES for name, _ in attrs)


def _shows_otherwise(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a browser shows the element's text, but otherwise than it is written: struck through
    (_STRUCK), as a ruby annotation set small above its base ("<ruby>0<rt>6</rt></ruby>" was read as
    06), or laid out in a direction other than left to right ("<bdo dir=rtl>06</bdo>" shows 60, as a
    bidirectional control does: invisible.unreordered)."""
    if tag in _STRUCK or tag in ("rt", "rtc"):
        return True
    if tag == "caption" and any(
        name == "align" and (value or "").strip().lower() not in ("", "top") for name, value in attrs
    ):
        return True  # a caption a browser draws below its table's rows (or beside them), as caption-side does
    direction = next((value for name, value in attrs if name == "dir"), None)
    return (tag == "bdo" or direction is not None) and (direction or "").strip().lower() != "ltr"


# The characters of a page read (some 3.5 s a MiB of nothing but tags, a tenth of that for text): a
# web page is well under it, a source may be 32 MiB. A longer page is not read at all: what a browser
# reads after its first MAX_PAGE characters may hide what they show (a <style> element's rule, a style
# sheet, an element laid over the page, a redirect), and read up to there a stub quoting a paragraph
# that a `.note { display: none }` 2 MiB further down hides passed.
MAX_PAGE = 2 << 20
_TOO_LONG = (
    f"it is longer than the {MAX_PAGE:,} characters the check reads of a page, and what follows them (a style, a "
    "style sheet, an element laid over the page, a redirect) may hide what they show"
)
# A "<" that opens nothing (not a tag, an end tag, a comment or a declaration) is text to a browser;
# written as a reference, it is text to the parser in one piece instead of one call each (a page of
# 2 MB of "<" took 10 s).
_TEXT_LT = lazy(r"<(?![A-Za-z!/?])")


# A script's text as HTML's tokenizer reads it: "<!--" escapes it, and in an escaped script
# "<script" escapes it twice, where "</script" ends no script but the double escape; "-->" ends an
# escape. Ended at its first "</script", "<script><!-- <script> </script> words </script>" showed
# the words, which a browser reads as the script's code.
_TERMINATOR = "(?=[\t\n\x0c\r />])"
_SCRIPT_STATES = {
    "data": lazy(rf"<!--|</script{_TERMINATOR}", re.IGNORECASE),
    "escaped": lazy(rf"-->|</script{_TERMINATOR}|<script{_TERMINATOR}", re.IGNORECASE),
    "twice": lazy(rf"-->|</script{_TERMINATOR}", re.IGNORECASE),
}


class _ScriptEnd:
    """Where a script's text ends (the parser asks its `interesting` pattern to search for it)."""

    def search(self, text: str, at: int) -> re.Match[str] | None:
        state = "data"
        while (found := _SCRIPT_STATES[state].search(text, at)) is not None:
            token = found.group().lower()
            if token == "-->":
                state, at = "data", found.end()
            elif state == "data" and token == "<!--":
                state, at = "escaped", found.start() + 2  # its "--" may end it: "<!-->"
            elif state == "twice":
                state, at = "escaped", found.end()
            elif token.startswith("</"):
                return found  # the script's end tag
            else:
                state, at = "twice", found.end()
        return None  # open to the page's end: none of it is shown


# A refresh's content: its time, then where it sends its reader (HTML's "shared declarative refresh
# steps": a URL after the time, with or without "url="); a time alone reloads the page itself. The
# time and what parts it from the URL are read whole (atomic): a digit of the time is no URL.
_ELSEWHERE = lazy(
    patterns.atomic(r"[\t\n\x0c\r ]*[0-9.]*[\t\n\x0c\r ]*[;,]?[\t\n\x0c\r ]*", "time") + r"[^\t\n\x0c\r ]"
)


def _schemed(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a <meta> says the page may be shown in a scheme of colours other than light (_SCHEMES)."""
    said = dict(attrs)
    if (said.get("name") or "").strip(" \t\n\x0c\r").lower() not in _SCHEMES:
        return False
    return any(word not in _LIGHT_SCHEMES for word in (said.get("content") or "").lower().split())


def _sends_away(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a <meta> sends its reader to another page when its time is up (http-equiv=refresh with a
    URL): the page's words are then shown only for that time, or not at all."""
    said = dict(attrs)
    refresh = (said.get("http-equiv") or "").strip().lower() == "refresh"
    return refresh and _ELSEWHERE.match(said.get("content") or "") is not None


# A line that stands where a page's text is shown to its reader but not read (an element a style may
# hide, or text shown otherwise than written) and may name a trial: which trial the lines after it are
# about is not known, so they are no one's (layouts.trial_sections). Left out, a related trial's line
# "<span style='color: #c00'>NCT06886919</span> ..." (red to a reader) ended no section, and that
# trial's lines below were read as the page's first trial's. No record's text holds it: it is no
# character of a word, and a quote across it is not found.
BARRIER = "\ufffc"
# What may name a trial ("NCT" and its id, as layouts.trial_sections reads it, or the id another
# registry gave it: registry_ids), once the letters a reader is shown as N, C and T are folded: matched
# generously, it ends no more than a section.
_MAY_NAME = lazy(r"n\W*c\W*t", re.IGNORECASE)


def _may_name(text: str) -> bool:
    folded = lookalike.letters(unicodedata.normalize("NFKC", text))
    return _MAY_NAME.search(folded) is not None or registry_ids.hinted(folded)


# The lists a browser shows: an ordered one writes each item's number before it ("<ol start=5>" starts
# at 5, an item's `value` sets its own, `type` writes letters or roman numerals), an unordered one a
# bullet. Read without its number, "<ol start=5><li>1. Weight ...</li></ol>", which shows "5. 1.
# Weight ...", numbered the criterion 1. An ordered list counted down (`reversed`) is counted from its
# items, which its start tag does not say: its items are read as none.
_LISTS = frozenset(("ol", "ul", "menu", "dir"))
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


# HTML's "rules for parsing integers": white space, a sign, ASCII digits, whatever follows ignored
# ("<ol start='2x'>" counts from 2, as a browser does; read as no number, it counted from 1)
_INTEGER = lazy(r"[\t\n\x0c\r ]*([-+]?[0-9]+)")


def _integer(value: str | None) -> int | None:
    found = _INTEGER.match(value or "")
    return int(found.group(1)) if found else None


def _marker(number: int, kind: str) -> str:
    """An ordered list item's marker as a browser writes it (HTML's `type`: 1, a, A, i, I)."""
    if kind in ("a", "A") and number > 0:
        letters = ""
        while number:
            number, digit = divmod(number - 1, 26)
            letters = chr(ord("a") + digit) + letters
        written = letters
    elif kind in ("i", "I") and 0 < number < 4000:
        written = ""
        for value, numeral in _ROMAN:
            count, number = divmod(number, value)
            written += numeral * count
    else:
        written = str(number)
    return f"{written.upper() if kind in ('A', 'I') else written}. "


# The kinds of number a list's or an item's `type` gives (matched as written: "a" letters, "A" capitals),
# and the types by which an item shows no number (matched in any case): its number is counted, not shown
_KINDS = frozenset("1aAiI")
_UNNUMBERED = frozenset(("none", "disc", "circle", "square"))


class _List:
    """An open list: the number its next item shows (None: an unordered list, or one counted down)."""

    def __init__(self, tag: str, attrs: list[tuple[str, str | None]], unnumbered: bool = False) -> None:
        said = dict(attrs)
        self.ordered = tag == "ol"
        # its own style gives it markers of no number (`<ol style="list-style: none">`): its items show
        # none, but an item's own type (HTML's hint, which a style the item inherits does not override)
        self.shown = not unnumbered
        # counted down (`reversed`: from its items, which its start tag does not say), or after an
        # element that may be an item a browser counts and is read as none: its next numbers unknown
        self.uncounted = self.ordered and "reversed" in said
        kind = said.get("type") or "1"
        self.kind = kind if kind in _KINDS else "1"
        start = _integer(said.get("start"))
        self.next = 1 if start is None else start

    def item(self, attrs: list[tuple[str, str | None]], unnumbered: bool = False) -> str:
        """The marker a browser writes before this list's next item ("" for a bullet, or none: the item's
        own style gives it markers of no number, unnumbered)."""
        if not self.ordered:
            return ""
        said = dict(attrs)
        value = _integer(said.get("value"))
        number = self.next if value is None else value
        self.next = number + 1
        own = said.get("type")  # an item's own type: a kind of number, or a bullet or none (counted, not shown)
        if unnumbered or (own is not None and own.lower() in _UNNUMBERED):
            return ""
        if own in _KINDS:
            return _marker(number, own)
        return _marker(number, self.kind) if self.shown else ""


# Where HTML's tokenizer ends a comment: an empty one, "<!-->" or "<!--->"; else at "-->" or "--!>".
_ABRUPT_COMMENT = lazy(r"<!---?>")
_COMMENT_END = lazy(r"--!?>")


class _Shown(HTMLParser):
    """The text a browser shows of a page, line by line."""

    def __init__(self, sheet: styles.Sheet, blocks: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks = blocks  # a blank line where a block ends or begins, SET_APART where one is set apart
        self.sheet = sheet  # what the page's style sheets hide (read in a first pass)
        self.sheets: list[list[str]] = []  # the text of each <style> element, read in this pass
        self.unread: str | None = None  # why none of the page's text is read, when its style says so
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden: list[str] = []  # the open elements that hide what is in them, innermost last
        self.open: list[str] = []  # the open elements shown (not void), innermost last: where _MARKED end
        self.opened: dict[str, int] = {}  # how many of each are open (a page of unclosed tags: no scans)
        self.raised: list[str] = []  # the open <sup> and <sub> elements, innermost last
        self.spoilt = False  # the line holds text shown otherwise than written: not read (_end_line)
        self.veiled: list[str] | None = None  # the text of the outermost element shown but not read
        self.barrier = False  # a BARRIER is due after the line (an inline element in it may name a trial)
        self.pre = 0  # open _PREFORMATTED elements: their white space is shown as written
        self.relaid = False  # the element hidden is laid out otherwise than its tag (_laid_out_otherwise)
        # the page's title was read: a browser shows its first <title> in its tab, as a line of its own
        # (a SEPARATOR either side), and lays out any other as none
        self.titled = False
        # the line holds an ordered item's number and no text yet: it waits for the item's first line
        self.numbered = False
        self.moved: list[float] = []  # how far each open element shown (self.open) may move its text
        self.sizes: list[float] = []  # the least font's size (pixels) of each open element shown (_size)
        self.far = sheet.root_spacing  # all of them together, and the page's <html> and <body>
        self.lists: list[_List] = []  # the open lists shown, innermost last (each also in self.open)
        self.listing: list[str] = []  # the open lists and items shown, innermost last (each also in self.open)
        self.broken = False  # the last line of text was ended by a line break (<br>): a next one shows a blank line
        self.blanks = 0  # the blank lines line breaks have shown in a row
        self.schemed = False  # a <meta> says the page may be shown in a dark scheme of colours (_schemed)

    def set_cdata_mode(self, elem: str, **how: Any) -> None:
        """A script's or a style sheet's text ends where a browser ends it: at its end tag's name right
        after "</" (the parser's own rule in Python 3.11.7, "</ script>", ended it where a browser goes
        on reading code; later releases read it as a browser does, and say how: passed on), and a
        script's where its escapes let it end (_ScriptEnd)."""
        super().set_cdata_mode(elem, **how)
        if elem.lower() == "style":
            self.sheets.append([])  # wherever it stands (in a template, in a hidden element: more hidden)
        if elem.lower() == "script":  # (the parser calls the pattern's search alone)
            self.interesting = cast("re.Pattern[str]", _ScriptEnd())
        elif elem.lower() == "plaintext":
            self.interesting = re.compile(r"(?!)")  # no end tag ends it: _pass reads it to the page's end
        else:
            self.interesting = re.compile(rf"</{re.escape(elem.lower())}(?=[\t\n\x0c\r />])", re.IGNORECASE)

    def parse_comment(self, i: int, report: bool = True) -> int:
        """A comment ends where HTML's tokenizer ends it: at its first "-->" or "--!>", or at once
        ("<!-->", "<!--->"). Python 3.11's parser ended it at "--" and white space before ">" too, so
        "<!-- -- > Enrollment: 60 participants -->", a comment to a browser, showed its words; open
        to the page's end, none of it is shown (-1: the parser waits for more)."""
        abrupt = _ABRUPT_COMMENT.match(self.rawdata, i)
        if abrupt is not None:
            return abrupt.end()
        end = _COMMENT_END.search(self.rawdata, i + 4)
        return -1 if end is None else end.end()

    def parse_starttag(self, i: int) -> int:
        """After a start tag of _RAWTEXT or _RCDATA (or "<xmp/>": a browser ignores the "/"), its
        content is text to its end tag, as a script's is (the parser's CDATA_CONTENT_ELEMENTS)."""
        end = super().parse_starttag(i)
        if end >= 0 and self.cdata_elem is None and self.lasttag in _TEXT_ONLY:
            self.set_cdata_mode(self.lasttag)
        return end

    def parse_endtag(self, i: int) -> int:
        """In a script or a style sheet (set_cdata_mode found "</name" and a terminator), its end tag
        ends at the next ">", whatever stands before it ("</script foo>", as a browser reads it)."""
        if self.cdata_elem is None:
            return super().parse_endtag(i)
        end = self.rawdata.find(">", i)
        if end < 0:
            return -1  # open at the page's end: never shown
        elem = self.cdata_elem
        self.clear_cdata_mode()
        self.handle_endtag(elem)
        return end + 1

    def _row_end(self) -> None:
        """The end of a table's row: its line ends, and a SEPARATOR stands before the next row's, for a
        reader sees the rows one above the other (each row's cells side by side are read in a run)."""
        self._end_line()
        if self.lines and self.lines[-1] != SEPARATOR:
            self.lines.append(SEPARATOR)

    def _block_end(self, apart: bool = False) -> None:
        """The end of a line where a block begins or ends: with blocks, a blank line after it (SET_APART
        where the block is set apart whatever the text before it: a heading, the page's title), as a
        plain text writes a paragraph's end."""
        self._end_line()
        if not self.blocks or (self.numbered and not self.spoilt) or not self.lines:
            return
        if self.lines[-1] in ("", SET_APART):
            if apart:
                self.lines[-1] = SET_APART
        elif self.lines[-1] not in (SEPARATOR, BARRIER):
            self.lines.append(SET_APART if apart else "")

    def _blank(self) -> None:
        """With blocks, a blank line a reader sees (two line breaks, a preformatted text's empty line)
        where none stands yet: the paragraphs either side of it set apart unless a label ends the first."""
        if self.blocks and self.lines and self.lines[-1] not in ("", SET_APART, SEPARATOR, BARRIER):
            self.lines.append("")

    def _set_apart(self) -> None:
        """With blocks, the text after a line or a block a reader is shown but that is not read (a
        picture, a struck or coloured word, a block a style may hide) set apart from the text before it:
        a reader sees something between them, whatever ends the first. Left out in silence, it joined
        its neighbours: "Enrollment:", a red "20 participants" and "60 participants" below were read as
        "Enrollment: 60 participants" (a label and its value, set_apart), and "Status: Not yet<br><img>
        <br>recruiting" as one paragraph."""
        if not self.blocks or not self.lines:
            return
        if self.lines[-1] == "":
            self.lines[-1] = SET_APART
        elif self.lines[-1] not in (SEPARATOR, SET_APART):
            self.lines.append(SET_APART)

    def _end_line(self) -> None:
        if self.numbered and not self.spoilt:
            return  # an item's number stands on the first line of its text, whatever block holds it
        if self.spoilt:
            named = self.barrier or _may_name("".join(self.line))
            self.line, self.spoilt, self.barrier, self.numbered = [], False, False, False
            if named:
                self.lines.append(BARRIER)
            else:
                self._set_apart()
            return
        text = "".join(self.line)
        text = text if self.pre else styles.HTML_WHITE.sub(" ", text).strip(" ")
        if text.strip():
            self.lines.append(text)
            self.broken = False
        self.line = []

    def _styled(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element's style may hide it: a declaration of its own that may, a rule that may
        match it, or a presentational colour (`<font color>`, `bgcolor`: a colour on one of its own);
        a style sheet the page does not hold, or a style that may hide others' text, hides the whole
        page (unread), as does a style that may hide the page's <html> or <body>, said so."""
        styled = self.sheet.hides(tag, attrs)
        for name, value in attrs:
            if tag == "link" and name == "rel" and value and "stylesheet" in value.lower():
                self.unread = styles.elsewhere(f"<link rel={value}>")
            elif name == "style" and value:
                what = self.sheet.inline(value)
                styled = styled or what == "own"
                if what not in (None, "own"):
                    self.unread = what
            elif name == "face" and tag in ("font", "basefont") and styles.symbol_font(value or ""):
                styled = True  # a font that draws its letters as other characters (styles.SYMBOL_FONTS)
            elif (
                name in _COLOURS
                and (name != "color" or tag in ("font", "basefont"))
                and (name not in _OF_BODY or tag == "body")
            ):
                shown = name != "background" and not self.sheet.schemed
                styled = styled or not (shown and styles.shows_colour(value or "", background=name == "bgcolor"))
            elif name in _LENGTHS and _pixels(value) > WIDE:
                self.unread = styles.unbounded(
                    f"its <{tag} {name}={_pixels(value):.0f}> may lay its text off the screen"
                )
        if styled and tag in ("html", "body") and self.unread is None:
            self.unread = styles.unbounded(f"its style may hide its <{tag}>, all of its text")
        return styled

    def handle_pi(self, data: str) -> None:
        if "stylesheet" in data.lower():  # <?xml-stylesheet href="..."?>: a style sheet it does not hold
            self.unread = styles.elsewhere(f"<?{data.strip()}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        styled = self._styled(tag, attrs)
        if tag == "template" and any(name in ("shadowrootmode", "shadowroot") for name, _ in attrs):
            # a declarative shadow root: its element shows the template's content, and of its own only
            # what the template's slots take (`<div><template shadowrootmode=open></template>words</div>`
            # shows no words)
            self.unread = styles.unbounded("it holds a shadow root (<template shadowrootmode>)")
        elif tag == "meta" and _schemed(attrs):
            self.schemed = True
        elif tag == "meta" and _sends_away(attrs):
            self.unread = styles.unbounded("it sends its reader to another page (<meta http-equiv=refresh>)")
        elif tag == "dialog" and any(name == "open" for name, _ in attrs) and not self.hidden:
            # a browser's own style lays an open dialog over the page (position: absolute, a background
            # of its own), over the words that follow it in the flow
            self.unread = styles.unbounded("it holds an open <dialog>, which a browser lays over its other text")
        elif tag == "frameset":
            # a page of frames shows other documents, and none of its own text after the frameset
            self.unread = styles.unbounded("it is a page of frames (<frameset>)")
        if tag in _BOXES and not self.hidden:
            self.spoilt = True  # a picture or a control between its words: no words a reader sees together
        if tag in _VOID:
            if tag == "br" and not self.hidden:
                # a line break after a line that a break ended, with no text between: a blank line, which
                # sets two paragraphs apart as a plain text's does ("Status: Not yet<br><br>recruiting")
                blank = self.broken and not "".join(self.line).strip()
                self._end_line()
                self.blanks = self.blanks + 1 if blank else 0
                if self.blanks > BLANKS:
                    self._set_apart()  # more blank lines than a reader bridges between a label and its value
                elif blank:
                    self._blank()
                self.broken = True
            elif tag == "hr" and not self.hidden:
                # a rule drawn across the page: the text before it and after it are two blocks, which a
                # reader sees apart whatever ends the first ("Enrollment: 6<hr>0" is a 6 above a line,
                # and a 0 below it; read in one line as the void element's end tag never came, 60)
                self._block_end(apart=True)
            return
        if self.hidden:
            # every element in it, so that only its own end tag ends it, where nothing in it is left
            # open ("<div hidden><table><td></div>", where a browser ignores the "</div>"); one left
            # open ("<div hidden><p>a</div>") keeps it hidden to the page's end: more hidden, never less
            self.hidden.append(tag)
            return
        if tag == "title":
            if self.titled:  # no title of the page's: laid out as none, as the head's elements are
                self.hidden.append(tag)
                return
            self.titled = True
        if tag in _APART or tag == "tr":
            self._row_end()
        if self.unread is None and self._inline(tag, attrs):
            painted = tag in _PAINTED or any(name in _BACKGROUNDS for name, _ in attrs)
            drawing = self.sheet.draws(tag, attrs, painted)
            if drawing is not None:
                # an element in a run of a line: its padding or border above or below it lays no line apart,
                # but is drawn over the lines around it (styles.draws_over_lines)
                self.unread = styles.unbounded(
                    f"its style `{drawing}` may draw its <{tag}>'s box over the lines around it"
                )
        if self._laid_out_otherwise(tag, attrs):
            # a block laid out in a run of its line, or an element of a line laid out as a block: the
            # lines a reader sees are not the markup's ("Enrollment: 6<span style='display: block'>0
            # </span>" shows two lines, and "<div style='display: inline'>Enrollment: 6</div>0" one,
            # 60): the line it stands in is not read, nor the one after it
            self.spoilt = True
            self._uncount()
            self.hidden.append(tag)
            self.veiled, self.relaid = [], True
            return
        marked = next((t for t in _MARKED if self.opened.get(t)), None)
        if marked and (tag not in _PHRASING or (tag == "a" and self.opened.get("a"))):
            self.unread = styles.unbounded(
                f"its <{marked}> holds a <{tag}>, which may end it where the markup does not say"
            )
        if tag == "li" and self.numbered:
            self.line, self.numbered = [], False  # the item before showed no text: nor its number
        spacing = self._spaced(tag, attrs)  # its margins and paddings (pixels)
        if tag in _BLOCKS:
            # an item after an item of its list left open (`<li>Enrollment:<li>60`): its sibling, set apart
            sibling = tag == "li" and bool(self.listing) and self.listing[-1] == "li"
            # an ordered list's item, whose number a browser writes before it: a number a reader reads as the
            # item's, none of a label's value above it ("Enrollment:" over "60. participants", <ol start=60>)
            counted = tag == "li" and bool(self.lists) and self.lists[-1].ordered
            # a block spaced from the one before by more than a reader bridges (its margins and paddings)
            spaced = spacing > _GAP
            self._block_end(apart=tag in _HEADINGS or sibling or counted or spaced)
        if tag in _PREFORMATTED:
            self.pre += 1
        moved = _INDENTED.get(tag, 0) + spacing
        styled = styled or self.far + moved > FAR  # moved off the screen, as far as a reader can tell
        size = self._size(tag, attrs)
        styled = styled or size < styles.SMALLEST  # a browser's own smaller font, below the size a reader reads
        counted_down = tag == "li" and bool(self.lists) and self.lists[-1].uncounted
        otherwise = styled or _shows_otherwise(tag, attrs) or counted_down
        if otherwise or _hides(tag, attrs):
            self._uncount()
            self.hidden.append(tag)
            # text a reader is shown otherwise (or that a style may hide, and may leave its place
            # blank): where it stands in a line, the line's words beside it are no words it shows
            # together ("1<s>5</s>0" is no 10), so the line is not read
            self.spoilt = self.spoilt or (otherwise and tag not in _BLOCKS)
            # a closed <details> shows its <summary> (read as none): text a reader sees, as a block a style
            # may hide is, between the blocks around it ("Enrollment:", a summary "20", and "60" below)
            summarised = tag == "details" and not any(name in _HIDDEN_ATTRIBUTES for name, _ in attrs)
            self.veiled = [] if otherwise or summarised else None
        else:
            self.open.append(tag)
            self.opened[tag] = self.opened.get(tag, 0) + 1
            self.moved.append(moved)
            self.sizes.append(size)
            self.far += moved
            if tag in ("sup", "sub"):
                self.raised.append(tag)
            if tag == "q":
                self.line.append("\u201c")
            unnumbered = self._unnumbered(tag, attrs)
            if tag in _LISTS or tag == "li":
                self.listing.append(tag)
            if tag in _LISTS:
                self.lists.append(_List(tag, attrs, unnumbered))
            elif tag == "li" and self.lists:
                self.line.append(self.lists[-1].item(attrs, unnumbered))
                self.numbered = bool(self.line[-1])

    def _size(self, tag: str, attrs: list[tuple[str, str | None]]) -> float:
        """The least font's size (pixels) the element may be shown in: its own (a style attribute's, a
        <font size>), else its parent's times the browser's own for it (<small> and <sub> a size
        smaller, <h6> two thirds of it: _SHRUNK), and no more than the least a rule that may match it
        sets (styles.Sheet.least; a rule for the page's <html> or <body> sets all of it). A size of 9
        pixels is one a reader reads (styles._SMALLEST), but not made smaller again: `<p style=
        "font-size: 9px"><small>`, or six <small>s in one another, draw words a reader does not read,
        and they were read."""
        own = next((self.sheet.size(value) for name, value in attrs if name == "style" and value), None)
        if own is None and tag in ("font", "basefont"):
            own = _FONT_SIZES.get(_font_size(dict(attrs).get("size")) or 0)
        parent = self.sizes[-1] if self.sizes else min(_MEDIUM, self.sheet.root_size)
        return min(own if own is not None else parent * _SHRUNK.get(tag, 1.0), self.sheet.least(tag, attrs))

    def _unnumbered(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element's own style gives it markers of no number (`list-style: none`): an ordered
        list's items, or an item, show none (read so). A rule that may (styles.Sheet.unnumbers) gives an
        ordered list or an item of one numbers or none as only a browser's cascade tells (the reader
        over-approximates which elements a rule matches): the page is not read, and says why; so is one
        whose element in an ordered list is no item (`<ol><div style="list-style: none"><li>`: its items
        inherit it). On an unordered list (`ul { list-style: none }`) no number is shown either way, nor
        inherited by a list in it (a browser's own style gives each list its markers)."""
        if tag != "ol" and not (self.lists and self.lists[-1].ordered):
            return False
        own = next((self.sheet.layout(v)[2] for name, v in attrs if name == "style" and v), "")
        ruled = self.sheet.unnumbers(tag, attrs)
        if (tag in ("ol", "li") and not own and ruled) or (tag not in _LISTS and tag != "li" and (own or ruled)):
            self.unread = self.unread or styles.unbounded(
                f"its style `{own or self.sheet.unnumbering}` may hide the numbers of an ordered list's items (<{tag}>)"
            )
        return bool(own)

    def _uncount(self) -> None:
        """An element read as none in a list: it may be, or hold, an item a browser shows and counts
        (`<li style="color: #eee">` is item 1, and the next shown as item 2), or one it does not (`<li
        hidden>`): the numbers of the list's next items are not known, and they are read as none."""
        if self.lists:
            self.lists[-1].uncounted = self.lists[-1].ordered

    def _spaced(self, tag: str, attrs: list[tuple[str, str | None]]) -> float:
        """The pixels the page's rules and the element's own style space it by (its margins, paddings,
        borders, all of their sides added)."""
        own = sum(self.sheet.layout(value)[1] for name, value in attrs if name == "style" and value)
        return self.sheet.spaces(tag, attrs) + own

    def _inline(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element may be laid out in a run of a line, as an inline box (not a block, an
        inline-block, a control or a picture): by its own style's display, else by its tag, or a rule
        that may lay a block out so."""
        own = next((self.sheet.layout(value)[0] for name, value in attrs if name == "style" and value), None)
        if own is not None:
            return own == "inline"
        if tag in _BLOCKS:
            return self.sheet.laid_out(tag, attrs, True)
        return tag not in _APART and tag not in _BOXES

    def _laid_out_otherwise(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element's style (its own, or a rule that may match it) may lay it out as the
        other kind than its tag's: a block in a run of a line, or an inline element as a block."""
        block = tag in _BLOCKS
        own = next((self.sheet.layout(value)[0] for name, value in attrs if name == "style" and value), None)
        if own is not None:
            return styles.is_block_display(own) != block
        return self.sheet.laid_out(tag, attrs, block)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # a browser ignores the "/" of "<div hidden/>": the element is open, and hides what follows
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag == self.hidden[-1]:  # the innermost element open ends; any other end tag changes nothing
                self.hidden.pop()
            if not self.hidden and self.relaid:
                self.spoilt, self.relaid = True, False  # the line after it: not the markup's either
            if not self.hidden and self.veiled is not None:
                if _may_name("".join(self.veiled)):
                    if self.spoilt:
                        self.barrier = True  # after its line, which is not read
                    else:
                        self._end_line()
                        self.lines.append(BARRIER)
                elif not self.spoilt and "".join(self.veiled).strip(" \t\n\x0c\r"):
                    self._set_apart()  # a block shown but not read, which stands between the blocks around it
                self.veiled = None
            return
        ended_item = False  # an item of a list it ends (its own, or one its end tag ends where left open)
        far_apart = False  # a block it ends is spaced from the next by more than a reader bridges (_GAP)
        if self.opened.get(tag):
            while True:  # the elements it ends, each popped once
                last = self.open.pop()
                self.opened[last] -= 1
                far_apart = far_apart or (last in _BLOCKS and self.moved[-1] - _INDENTED.get(last, 0) > _GAP)
                self.far -= self.moved.pop()
                self.sizes.pop()
                if last in ("sup", "sub"):
                    self.raised.pop()
                if last in _LISTS:
                    self.lists.pop()
                if last in _LISTS or last == "li":
                    self.listing.pop()
                ended_item = ended_item or last == "li"
                if last == tag:
                    break
                if last in _MARKED:
                    self.unread = styles.unbounded(f"its <{last}> is ended by </{tag}>, where the markup does not say")
            if tag == "q":
                self.line.append("\u201d")
        if tag in _APART or tag in ("tr", "table"):
            self._row_end()
        elif tag in _BLOCKS:
            if tag == "li" and self.numbered:
                self.line, self.numbered = [], False  # an item with no text: no number shown alone
            # a label ending an item is none of the next item's, nor of what follows its list: a reader
            # reads an item's value in the item ("<li>Enrollment:</li><li>60 participants</li>", two
            # entries of a list, was read "Enrollment: 60 participants"), or in a list nested in it
            self._block_end(apart=tag == "title" or ended_item or far_apart)
        if ended_item and tag not in _BLOCKS and tag not in _APART and tag not in ("tr", "table"):
            self._block_end(apart=True)  # an item left open, ended by the end tag of an element around its list
        if tag in _PREFORMATTED and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.cdata_elem == "style" and self.sheets:
            self.sheets[-1].append(data)
        if self.hidden:
            if self.veiled is not None:
                self.veiled.append(data)
            return
        if self.cdata_elem in _RCDATA:
            data = html.unescape(data)  # (a RAWTEXT element's references are shown as written)
        self.numbered = self.numbered and not data.strip(" \t\n\x0c\r")
        if self.raised:
            data = data.translate(_RAISED if self.raised[-1] == "sup" else _LOWERED)
        if self.pre:
            parts = data.split("\n")
            self.line.append(parts[0])
            for part in parts[1:]:
                blank = not "".join(self.line).strip()
                self._end_line()
                if blank:
                    self._blank()  # a blank line of preformatted text: paragraphs set apart
                self.line.append(part)
        else:
            self.line.append(styles.HTML_WHITE.sub(" ", data))


class Page(NamedTuple):
    """A page as a browser shows it: its text, and why none of it is read (None: it is read)."""

    text: str
    unread: str | None = None


def _pass(text: str, sheet: styles.Sheet, blocks: bool = False) -> _Shown:
    parser = _Shown(sheet, blocks)
    parser.feed(text)
    if parser.cdata_elem == "style" and parser.sheets:  # a style sheet open to the page's end applies
        parser.sheets[-1].append(parser.rawdata)
    if parser.cdata_elem == "plaintext":  # the rest of the page, shown as written
        parser.handle_data(parser.rawdata)
    parser._end_line()
    return parser


# A document type's internal subset, or an entity's declaration: an XML reader (a browser opening an
# .xhtml page or an .svg drawing) writes each entity it declares in its place, a name HTML knows too:
# with `<!ENTITY nbsp "Not yet ">`, "Status: &nbsp;Recruiting" shows "Status: Not yet Recruiting",
# and read as HTML's no-break space it bound RECRUITING.
DECLARES_ENTITIES = lazy(r"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def read(text: str, blocks: bool = False) -> Page:
    """The text a browser shows of an HTML page: a line for each block, in the page's order. What the
    page leaves open at its end (a comment, a tag, a script) is never shown, as a browser shows none
    of it: the parser's close() gave it as text, and cost the square of its length doing so. A page
    longer than MAX_PAGE characters shows no text, and says why (what follows may hide what they
    show). A page with `<style>`
    elements is read twice: first for its rules (a rule hides elements before it too), then with
    them; one whose style may hide what cannot be told (styles.Sheet.unread) shows no text, and
    says why. blocks: a blank line where a block begins or ends, a SET_APART line where one is set apart
    whatever stands before it (a heading, after the page's title), as the paragraphs of a page of no
    layout are read (layouts.set_apart)."""
    if len(text) > MAX_PAGE:
        return Page("\n", styles.unbounded(_TOO_LONG))
    if DECLARES_ENTITIES.search(text, 0, MAX_PAGE) is not None:
        return Page("\n", styles.unbounded("it declares entities of its own (<!DOCTYPE ... [<!ENTITY ...>])"))
    fed = _TEXT_LT.sub("&lt;", text)
    sheet = styles.Sheet()
    parser = _pass(fed, sheet, blocks)
    if parser.unread is None and sheet.unread is None and (parser.sheets or parser.schemed):
        if parser.schemed:  # shown in a dark scheme, maybe: its style attributes read again, colours unjudged
            sheet = styles.Sheet(schemed=True)
        for css in parser.sheets:
            sheet.read("".join(css))
        if sheet.unread is None:
            parser = _pass(fed, sheet, blocks)  # (its style attributes read once: the sheet holds their readings)
    parser.unread = parser.unread or sheet.unread
    if parser.unread is not None:
        return Page("\n", parser.unread)
    return Page("\n".join(parser.lines) + "\n")


def shown(text: str) -> str:
    """read()'s text: none where the page's style may hide what cannot be told."""
    return read(text).text
