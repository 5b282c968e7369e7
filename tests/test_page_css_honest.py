"""Honest pages whose common style was read as hiding their words, beside the hostile styles they resemble.

A page's style is read by over-approximation (reading/styles.py): what may hide text hides it, and a
style that may hide what the reader cannot bound leaves the page unread (E531). Some of what it took
to hide hides nothing, and a saved page styled as pages are was refused:

- `ul { list-style: none }` hid every item of every unordered list (a list's marker of no number was
  read as one that may write words), and each quote from one was refused as not found (E501), with
  no E531 to say why. On an unordered list it shows no number either way; on an ordered list it hides
  the numbers the reader writes: its own style (`<ol style="list-style: none">`) is read so, and a
  rule that may give it (or not: the reader over-approximates which elements a rule matches) leaves
  the page unread, naming the style.
- `body { color: #333 }` (a dark grey on the white a browser draws a page on) left the page unread: a
  colour was any colour. Colours are now read by their contrast: dark text on a light background shows.
- `text-indent: 2em`, a sidebar's `margin-left: 250px`, `max-width: 800px` and `position: sticky`
  left the page unread ("may lay an element over others' text", said of a width too), and a dozen
  rules of small margins, all of a sheet's added up, moved every element they might match off the
  screen (hidden, and no reason said). A space is now bounded as a page's layout is, an element is
  moved by the rules that may match it, and a refusal names its effect.

The hostile variants of each are kept refused here: a faint colour, a negative or far indent or
margin, a box too narrow for its words, an offset, an ordered list whose numbers a rule may hide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    IM19_PATH,
    IM19_TITLE_LINE,
    WEIGHT,
    Trials,
    weight_draft,
)
from sle_trials.reading import markup

SAID = "Enrollment: 60 participants"
TEXT = WEIGHT


def _page(head: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>x</title>{head}</head><body>\n"
        f"<p>{IM19_TITLE_LINE}</p>\n<p>Last Updated: 2025-08-17</p>\n{body}\n</body></html>\n"
    )


def _enrollment(registry: Path, trials: Trials, head: str, body: str = f"<p>{SAID}</p>") -> str:
    result = trials.enrollment("seeds/950_styled.html", _page(head, body), 60, SAID)
    return result.out if result.status else "passes"


def _criterion(registry: Path, trials: Trials, head: str, items: str, number: int = 1) -> str:
    weight_draft(registry, "seeds/950_list.html", _page(head, f"<p>Inclusion criteria:</p>\n{items}"), number)
    result = trials("validate", registry / IM19_PATH)
    return result.out if result.status else "passes"


# 1. A list's markers of no number


UNORDERED = {
    "a rule": ("ul { list-style: none; padding: 0 }", f"<ul><li>1. {TEXT}</li></ul>"),
    "a rule of the type": (".plain { list-style-type: none }", f"<ul class=plain><li>1. {TEXT}</li></ul>"),
    "an item's rule": ("ul li { list-style: none }", f"<ul><li>1. {TEXT}</li></ul>"),
    "its own style": ("", f"<ul style='list-style: none'><li>1. {TEXT}</li></ul>"),
    "a menu beside an ordered list": (
        ".nav { list-style: none }",
        f"<ul class=nav><li>Home</li></ul><ol><li>{TEXT}</li></ol>",
    ),
}


@pytest.mark.parametrize("how", UNORDERED)
def test_an_unordered_list_of_no_markers_is_read(registry: Path, trials: Trials, how: str) -> None:
    rules, items = UNORDERED[how]
    head = f"<style>{rules}</style>" if rules else ""
    page = markup.read(_page(head, items))
    assert page.unread is None and TEXT in page.text, page
    out = _criterion(registry, trials, head, items)
    assert out == "passes", out


def test_an_ordered_lists_own_style_of_no_markers_is_read_as_its_numbers_not_shown() -> None:
    page = "<ol style='list-style: none'><li>1. a</li><li type=A>b</li><li style='list-style-type: square'>c</li></ol>"
    assert markup.shown(page) == "1. a\nB. b\nc\n"  # (an item's own type is HTML's hint: it shows its number)
    assert markup.shown("<ol start=5><li style='list-style: none'>1. a</li><li>b</li></ol>") == "1. a\n6. b\n"


def test_a_criterion_an_ordered_lists_own_style_leaves_unnumbered_is_its_own_number(
    registry: Path, trials: Trials
) -> None:
    """`<ol start=5 style="list-style: none"><li>1. Weight ...` shows "1. Weight ...", no "5.": item 1."""
    out = _criterion(registry, trials, "", f"<ol start=5 style='list-style: none'><li>1. {TEXT}</li></ol>", 1)
    assert out == "passes", out


ORDERED = {
    "a rule for the list": ("<style>ol { list-style: none }</style>", f"<ol start=5><li>1. {TEXT}</li></ol>"),
    "a rule for its items": ("<style>li { list-style-type: none }</style>", f"<ol start=5><li>1. {TEXT}</li></ol>"),
    "a rule's bullet": (
        "<style>.c { list-style: square inside }</style>",
        f"<ol start=5 class=c><li>1. {TEXT}</li></ol>",
    ),
    "a rule for an element between": (
        "<style>.w { list-style: none }</style>",
        f"<ol start=5><div class=w><li>1. {TEXT}</li></div></ol>",
    ),
    "a style of an element between": ("", f"<ol start=5><div style='list-style: none'><li>1. {TEXT}</li></div></ol>"),
}


@pytest.mark.parametrize("how", ORDERED)
def test_an_ordered_list_whose_numbers_a_rule_may_hide_is_not_read_and_says_so(
    registry: Path, trials: Trials, how: str
) -> None:
    """A rule may hide the numbers ("1. Weight ...") or not ("5. 1. Weight ..."): which, only a browser's
    cascade tells. Read either way, a criterion's number was one a reader may not see."""
    head, items = ORDERED[how]
    page = markup.read(_page(head, items))
    assert page.unread is not None and "list-style" in page.unread and "numbers" in page.unread, page.unread
    out = _criterion(registry, trials, head, items, 1)
    assert "E531" in out and "list-style" in out, out


# 2. Colours, by their contrast


@pytest.mark.parametrize(
    "head",
    [
        "<style>body { color: #333 }</style>",
        "<style>body { background: #fff; color: #222 } p { color: rgb(51, 51, 51) }</style>",
        "<style>html { background-color: #f5f5f5 } .x { color: navy; background: transparent }</style>",
        "<style>p { -webkit-text-fill-color: #000 }</style>",
    ],
)
def test_dark_text_on_a_light_background_is_read(registry: Path, trials: Trials, head: str) -> None:
    out = _enrollment(registry, trials, head, f"<p class=x>{SAID}</p>")
    assert out == "passes", out


@pytest.mark.parametrize(
    "body",
    [f'<p style="color: #444">{SAID}</p>', f'<p><font color="#333333">{SAID}</font></p>', f"<p>{SAID}</p>"],
)
def test_dark_text_of_an_elements_own_is_read(registry: Path, trials: Trials, body: str) -> None:
    out = _enrollment(registry, trials, '<body bgcolor="#ffffff" text="#111">' if "<font" in body else "", body)
    assert out == "passes", out


def test_a_bodys_dark_link_colours_are_read() -> None:
    """A <body>'s colours of its links are read as its text's (a faint one: tests/test_attacks_style_sheets.py)."""
    page = markup.read(_page("", "").replace("<body>", '<body link="#0000ee" vlink="purple" alink="red">'))
    assert page.unread is None and "Last Updated" in page.text, page


FAINT = {
    "a light grey": f'<p style="color: #eee">{SAID}</p>',
    "white": f'<p style="color: white">{SAID}</p>',
    "a mid grey": f'<p style="color: #999">{SAID}</p>',
    "a colour partly transparent": f'<p style="color: rgba(0, 0, 0, 0.1)">{SAID}</p>',
    "a colour of a variable": f'<p style="color: var(--ink)">{SAID}</p>',
    "a dark background": f'<p style="background: #000; color: #111">{SAID}</p>',
    "a background of the text's colour": f'<p style="background-color: #333; color: #333">{SAID}</p>',
    "a presentational colour": f'<p><font color="#fefefe">{SAID}</font></p>',
    "a presentational colour HTML reads otherwise": f'<p><font color="chucknorris">{SAID}</font></p>',
    "a presentational background": f'<table><tr><td bgcolor="#222">{SAID}</td></tr></table>',
}


@pytest.mark.parametrize("how", FAINT)
def test_faint_text_is_not_read(registry: Path, trials: Trials, how: str) -> None:
    assert SAID not in markup.shown(_page("", FAINT[how]))
    out = _enrollment(registry, trials, "", FAINT[how])
    assert "E502" in out, out


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="color-scheme" content="light dark">',
        '<meta name="color&#45;scheme" content="dark">',
        '<META NAME="Color-Scheme" CONTENT="only dark">',
    ],
)
def test_dark_text_on_a_page_that_may_be_shown_dark_is_not_read(head: str) -> None:
    """A page that may be shown in a dark scheme has a dark canvas there: its dark text may not show."""
    assert SAID not in markup.shown(_page(head, f'<p style="color: #333">{SAID}</p>'))
    assert SAID not in markup.shown(_page(head + "<style>.x { color: #333 }</style>", f"<p class=x>{SAID}</p>"))
    assert SAID in markup.shown(_page(head, f"<p>{SAID}</p>"))
    assert SAID in markup.shown(
        _page('<meta name="color-scheme" content="only light">', f'<p style="color: #333">{SAID}</p>')
    )


def test_a_body_of_faint_text_leaves_the_page_unread_and_says_so() -> None:
    page = markup.read(_page("<style>body { color: #ddd }</style>", f"<p>{SAID}</p>"))
    assert page.unread is not None and "may hide its <body>" in page.unread, page.unread


# 3. Spaces, widths and positions


HONEST_LAYOUT = {
    "an indent": "<style>p { text-indent: 2em }</style>",
    "a hanging indent": "<style>p { text-indent: 1.5em hanging }</style>",
    "a sidebar's margin": "<style>.main { margin-left: 250px }</style>",
    "a sidebar's padding": "<style>.main { padding-left: 200px; border-left: 1px solid #ccc }</style>",
    "a column's width": "<style>body { max-width: 800px; margin: 0 auto }</style>",
    "a width of a share": "<style>.main { max-width: 60%; min-width: 300px }</style>",
    "a sticky header": "<style>.main { position: sticky } .n { position: relative }</style>",
    "a page's dozen rules of small spaces": "<style>"
    + " ".join(f".r{i} {{ margin: 0 0 1em 30px; padding: 10px 20px }}" for i in range(12))
    + " .main { padding: 20px 40px } p { margin: 0 0 1em }</style>",
}


@pytest.mark.parametrize("how", HONEST_LAYOUT)
def test_a_page_laid_out_as_pages_are_is_read(registry: Path, trials: Trials, how: str) -> None:
    body = f"<div class=main><ul><li><p>{SAID}</p></li></ul></div>"
    page = markup.read(_page(HONEST_LAYOUT[how], body))
    assert page.unread is None, page.unread
    assert SAID in page.text
    out = _enrollment(registry, trials, HONEST_LAYOUT[how], body)
    assert out == "passes", out


HOSTILE_LAYOUT = {
    "an indent out of the page": ("p { text-indent: -9999px }", "`text-indent: -9999px` may lay an element over"),
    "an indent far in": ("p { text-indent: 5000px }", "`text-indent: 5000px` may move text off the screen"),
    "a negative margin": ("p { margin-left: -5000px }", "`margin-left: -5000px` may lay an element over"),
    "a margin far in": ("p { margin-left: 10000px }", "`margin-left: 10000px` may move text off the screen"),
    "a margin past the bound": ("p { margin-left: 401px }", "`margin-left: 401px` may move text off the screen"),
    "a border drawn over the lines above": (
        "span { border-top: 300px solid white }",
        "`border-top: 300px solid white` may move text off the screen, or draw its box over the lines around it",
    ),
    "a padding drawn over the lines above": ("span { padding-top: 201px; background: #fff }", "draw its box over"),
    "a least width far out": ("p { min-width: 100000px; text-align: right }", "`min-width: 100000px` may move"),
    "a width of nothing": ("p { max-width: 0; overflow: hidden }", "`max-width: 0` may squeeze"),
    "a width of a pixel": ("span { display: inline-block; max-width: 1px }", "`max-width: 1px` may squeeze"),
    "a width of a share too small": ("p { max-width: 2% }", "`max-width: 2%` may squeeze"),
    "a sticky offset": ("p { position: sticky; top: 5000px }", "`top: 5000px` may lay an element over"),
    "out of the flow": ("p { position: absolute }", "`position: absolute` may lay an element over"),
    "fixed": ("p { position: fixed }", "`position: fixed` may lay an element over"),
}


@pytest.mark.parametrize("how", HOSTILE_LAYOUT)
def test_a_page_laid_out_to_hide_is_not_read_and_names_the_effect(registry: Path, trials: Trials, how: str) -> None:
    rule, why = HOSTILE_LAYOUT[how]
    page = markup.read(_page(f"<style>{rule}</style>", f"<p>{SAID}</p>"))
    assert page.unread is not None and why in page.unread, page.unread
    out = _enrollment(registry, trials, f"<style>{rule}</style>")
    assert "E531" in out, out


def test_an_elements_rules_move_it_and_no_others() -> None:
    """An element is moved by the rules that may match it, nested as its elements are: 20 divisions
    each 150 pixels in, or a rule for the <body> and others, still stand off the screen."""
    wide = "<style>.a { margin-left: 350px } .b { margin-left: 350px } .c { margin-left: 350px }</style>"
    assert SAID in markup.shown(_page(wide, f"<div class=a>x</div><div class=b><p>{SAID}</p></div>"))
    assert SAID not in markup.shown(_page(wide, f"<div class=a><div class=b><p>{SAID}</p></div></div>"))
    assert SAID not in markup.shown(_page(wide, f"<div class='a b c'><p>{SAID}</p></div>"))
    # a rule for the page's <body> moves all of it, and its other selectors' elements too
    body = "<style>body, .i { margin-left: 350px }</style>"
    assert SAID not in markup.shown(_page(body, f"<div class=i><p>{SAID}</p></div>"))
    assert SAID in markup.shown(_page(body, f"<p>{SAID}</p>"))


# 4. A font's size


@pytest.mark.parametrize(
    "head",
    [
        "<style>body { font-size: 14px }</style>",
        "<style>body { font-size: 16px } .x { font-size: 12px } p { font-size: 9pt }</style>",
        "<style>.x { font-size: small } p { font-size: inherit }</style>",
    ],
)
def test_a_page_of_a_size_a_reader_reads_is_read(registry: Path, trials: Trials, head: str) -> None:
    """`body { font-size: 14px }` left the page unread (a size on its <body>: any size may be 0)."""
    out = _enrollment(registry, trials, head, f"<div class=x><p>{SAID}</p></div>")
    assert out == "passes", out


@pytest.mark.parametrize(
    "size",
    ["0", "1px", "8px", "0.1pt", "500px", "2em", "300%", "smaller", "larger", "x-large", "1.5rem", "var(--s)"],
)
def test_a_size_too_small_to_read_or_larger_than_the_reader_counts_may_hide(
    registry: Path, trials: Trials, size: str
) -> None:
    """Too small to see, or larger than the 16 pixels an em of a space is counted at (`margin-left:
    25em` in a font of 72 pixels stands 1,800 pixels in): the element may be hidden, as before."""
    body = f'<p style="font-size: {size}">{SAID}</p>'
    assert SAID not in markup.shown(_page("", body))
    assert "E502" in _enrollment(registry, trials, "", body)
    page = markup.read(_page(f"<style>body {{ font-size: {size} }}</style>", f"<p>{SAID}</p>"))
    assert page.unread is not None and "may hide its <body>" in page.unread, page.unread


@pytest.mark.parametrize(
    "font",
    ["14px/1.5 Arial, sans-serif", 'bold 13px/1.4 "Helvetica Neue", Helvetica, Arial', "italic 700 small serif"],
)
def test_a_page_of_a_font_a_reader_reads_is_read(registry: Path, trials: Trials, font: str) -> None:
    """`body { font: 14px/1.5 Arial, sans-serif }` (the shorthand, as older sites write it) left the page
    unread: a property the reader did not know."""
    assert _enrollment(registry, trials, f"<style>body {{ font: {font} }}</style>") == "passes"


@pytest.mark.parametrize(
    "font",
    ["0 Arial", "14px/0 Arial", "small-caps 14px Arial", "14px Symbol", "2em Arial", "caption", "14px var(--f)"],
)
def test_a_page_of_a_font_that_may_hide_is_not_read(font: str) -> None:
    """Too small, lines drawn over one another, letters changed (small capitals), a font of symbols, a
    size relative to another's, a system's font of a size unknown, a variable."""
    page = markup.read(_page(f"<style>p {{ font: {font} }}</style>", f"<p>{SAID}</p>"))
    assert page.unread is not None and f"`font: {font}`" in page.unread, page.unread


# 5. What draws no text elsewhere


DRAWN_HERE = {
    "a transition": "a { transition: color .2s cubic-bezier(.2, 0, 0, 1) }",
    "no outline": "a:focus { outline: none } p:focus { outline: 0 }",
    "letters spaced": "h1 { letter-spacing: .05em } p { letter-spacing: 1px; word-spacing: 2px }",
    "floats cleared": ".c::after { clear: both }",
    "fonts smoothed": "body { -webkit-font-smoothing: antialiased; text-rendering: optimizeLegibility }",
    "a width of its container": "table, p { width: 100% } img { max-width: 100%; height: auto }",
    "a column's width": ".main { width: 300px }",
}


@pytest.mark.parametrize("how", DRAWN_HERE)
def test_a_page_styled_as_pages_are_is_read(registry: Path, trials: Trials, how: str) -> None:
    """Each left the page unread ("may lay an element over others' text")."""
    out = _enrollment(registry, trials, f"<style>{DRAWN_HERE[how]}</style>", f"<div class=main><p>{SAID}</p></div>")
    assert out == "passes", out


DRAWN_ELSEWHERE = {
    "an outline": ("a { outline: 1px solid white }", "may lay an element over others' text"),
    "an outline of no style but a width": ("a { outline: none 5px }", "may lay an element over others' text"),
    "letters drawn over one another": ("p { letter-spacing: -2px }", "may lay an element over others' text"),
    "letters spread off the screen": ("p { letter-spacing: 50px }", "may move text off the screen"),
    "words spread off the screen": ("p { word-spacing: 10em }", "may move text off the screen"),
    "a width of a pixel": ("p { width: 1px }", "may squeeze an element's words"),
    "a width of a share too small": ("p { width: 10% }", "may squeeze an element's words"),
    "a width off the screen": ("span { display: inline-block; width: 5000px }", "may move text off the screen"),
    "a height its words run out of": ("p { height: 1px }", "may lay an element over others' text"),
}


@pytest.mark.parametrize("how", DRAWN_ELSEWHERE)
def test_a_page_drawn_over_is_not_read_and_names_the_effect(registry: Path, trials: Trials, how: str) -> None:
    rule, why = DRAWN_ELSEWHERE[how]
    page = markup.read(_page(f"<style>{rule}</style>", f"<p>{SAID} <a href=x>more</a></p>"))
    assert page.unread is not None and why in page.unread, page.unread
    assert "E531" in _enrollment(registry, trials, f"<style>{rule}</style>")


def test_the_guide_says_what_leaves_a_saved_page_unread_and_what_to_do() -> None:
    """docs/curating.md said nothing of E531 for a web page: a curator told "is not read: ..." had no
    guide to what a page's style does to it, or what to cite instead."""
    text = " ".join((Path(__file__).parents[1] / "docs" / "curating.md").read_text(encoding="utf-8").split())
    start = text.index("### A saved web page that is not read (E531)")
    section = text[start : text.index("## ", start + 4)]
    for said in ("`<link rel=stylesheet>`", "`list-style`", "`color: #333`", "`max-width: 1px`", "`.txt`", "report it"):
        assert said in section, said
