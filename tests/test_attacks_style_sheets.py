"""Pull-request attacks that hide a web page's words by its styling (reading/markup.py, reading/styles.py).

A page's element hidden by an inline `display: none` was none of the text read, but a rule of its
style sheet (`<style>.note { display: none }</style>`) hid nothing, nor did any other declaration
that hides text (`font-size: 0`, `opacity: 0`, a colour on its own background, `text-indent:
-9999px`, a position off the page, a clip, ...): a stub quoting the hidden words passed. A style is
now read by over-approximation: a declaration may hide unless it is one that cannot, a rule hides
every element its selector may match, and what the reader cannot bound (a style sheet the page does
not hold, a selector or at-rule it cannot read, a style that may lay an element over others' text)
hides the whole page, and the curator is told why (E531).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAGE_RECORD, PAGE_SAID, PAGE_STUB, PAGE_TITLE, Trials, add_source, put
from sle_trials.reading import markup, styles

STUB, TITLE, SAID = PAGE_STUB, PAGE_TITLE, PAGE_SAID
RECORD = PAGE_RECORD.format(source="seeds/956_page.html")
SHOWN = "<h1>NCT03030976: a trial of allogeneic NK cells in lupus</h1>"


def _page(style: str, element: str) -> str:
    return f"<!DOCTYPE html>\n<html><head>{style}</head><body>\n{SHOWN}\n{element}\n</body></html>\n"


# (the page's style, the element holding the stub's words): the rule hides the element, the rest is read
RULES = {
    "class": ("<style>.note { display: none }</style>", f'<p class="x note">{SAID}</p>'),
    "id": ("<style>#said { font-size: 0 }</style>", f'<div id="said">{SAID}</div>'),
    "tag": ("<style>aside { opacity: 0 }</style>", f"<aside><p>{SAID}</p></aside>"),
    "attribute": ('<style>[data-said="1"] { color: #fff }</style>', f'<p data-said="1">{SAID}</p>'),
    "descendant": (
        "<style>body > main .n:first-child::before { visibility: hidden }</style>",
        f"<b class=n>{SAID}</b>",
    ),
    "tag and class": ("<style>p, span.n { clip-path: inset(50%) }</style>", f"<span class=n>{SAID}</span>"),
    "comment": ("<style>.n { display:/* shown */none }</style>", f"<b class=n>{SAID}</b>"),
    "escaped selector": ("<style>.\\6e ote { display: none }</style>", f"<b class=note>{SAID}</b>"),
    "class with a space HTML does not split at": (
        "<style>.a\\a0 b { display: none }</style>",
        f'<b class="a\u00a0b">{SAID}</b>',
    ),
    "class in quirks case": ("<style>.NOTE { display: none }</style>", f"<b class=note>{SAID}</b>"),
    "escaped property": ("<style>.n { f\\6fnt-size: 0 }</style>", f"<b class=n>{SAID}</b>"),
    "in @media": ("<style>@media screen { @supports (x: y) { .n { opacity: 0 } } }</style>", f"<b class=n>{SAID}</b>"),
    "nested": ("<style>main { .n { opacity: 0 } }</style>", f"<b class=n>{SAID}</b>"),
    "after the element": ("", f"<b class=n>{SAID}</b><style>.n {{ display: none }}</style>"),
    "open to the end": ("", f"<b class=n>{SAID}</b><style>.n {{ display: none }}"),
    "row a table leaves out": ("<style>tr { color: white }</style>", f"<table><td>{SAID}</td></table>"),
    "body a table leaves out": ("<style>tbody { opacity: 0 }</style>", f"<table><tr><td>{SAID}</td></table>"),
    "presentational colour": ("", f'<font color="#ffffff">{SAID}</font>'),
    "presentational background": ("", f'<table><tr><td bgcolor="black">{SAID}</td></tr></table>'),
    "a second sheet after one left open": (
        "<style>.x { color: red</style><style>.n { opacity: 0 }</style>",
        f"<b class=n>{SAID}</b>",
    ),
}


@pytest.mark.parametrize("how", RULES)
def test_what_a_style_sheets_rule_may_hide_is_not_read(how: str) -> None:
    page = markup.read(_page(*RULES[how]))
    assert page.unread is None
    assert "lupus" in page.text
    assert "Lupus" not in page.text


def test_a_rule_hides_only_what_its_compound_selector_may_match() -> None:
    style = "<style>p.note { display: none } #x { color: white }</style>"
    page = markup.read(_page(style, f"<p>shown</p><span class=note>also shown</span><p class=note>{SAID}</p>"))
    assert "shown\nalso shown\n" in page.text
    assert "Lupus" not in page.text


# the page's style that the reader cannot bound: none of the page is read, and the message says why
UNBOUNDED = {
    "link": ('<link rel="stylesheet" href="site.css">', "style sheet it does not hold (<link rel=stylesheet>)"),
    "link among rels": ('<link rel="preload Stylesheet" href="x.css">', "style sheet it does not hold"),
    "@import": ('<style>@import url("site.css");</style>', 'style sheet it does not hold (@import url("site.css"))'),
    "xml-stylesheet": ('<?xml-stylesheet href="site.css"?>', "style sheet it does not hold"),
    "universal selector": ("<style>* { color: white }</style>", "selector the check cannot bound (*)"),
    "pseudo-class alone": ("<style>:not(p) { opacity: 0 }</style>", "selector the check cannot bound (:not(p))"),
    "unknown selector": ("<style>svg|a { display: none }</style>", "selector the check cannot bound (svg|a)"),
    "font face": ("<style>@font-face { font-family: x; src: url(x.woff) }</style>", "at-rule the check does not read"),
    "position": ("<style>.n { position: absolute; left: -9999px }</style>", "`position: absolute` may lay"),
    "negative margin": ('<p style="margin-top: -3em">x</p>', "`margin-top: -3em` may lay"),
    "text indent": ('<p style="text-indent: -9999px">x</p>', "`text-indent: -9999px` may lay"),
    "transform": ('<p style="transform: scale(0)">x</p>', "`transform: scale(0)` may lay"),
    "height": ('<p style="height: 0; overflow: hidden">x</p>', "`height: 0` may lay"),
    # the page's <html> or <body>, written or made by a browser where the markup leaves it out
    "body a page leaves out": ("<style>html > body { color: white }</style>", "may hide its <body>, all of its text"),
    "root": ("<style>html:not(.x) { opacity: 0 }</style>", "may hide its <html>, all of its text"),
    "body's style": ('<body style="color: #eee">', "may hide its <body>, all of its text"),
    # markup whose showing only a browser works out: a declarative shadow root shows of its element's
    # own content only what its slots take, and a page of frames none of its own text
    "shadow root": ("<div><template shadowrootmode=open></template>x</div>", "it holds a shadow root"),
    "frameset": ("<frameset><frame src=x.html></frameset>", "it is a page of frames"),
    "body's colours": ('<body bgcolor="#ffffff" text="#ffffff">', "may hide its <body>, all of its text"),
    "body's links' colour": ('<body link="#ffffff">', "may hide its <body>, all of its text"),
    "body's visited links' colour": ('<body vlink="white">', "may hide its <body>, all of its text"),
}


@pytest.mark.parametrize("how", UNBOUNDED)
def test_a_page_whose_style_cannot_be_bounded_is_not_read(how: str) -> None:
    style, why = UNBOUNDED[how]
    page = markup.read(_page(style, f"<p>{SAID}</p>"))
    assert page.text == "\n"
    assert page.unread is not None and why in page.unread, page.unread


def test_a_plainly_styled_page_is_read() -> None:
    """Declarations that cannot hide text, inline and in rules of any selector, hide nothing."""
    style = (
        "<style>/* the site's look */ body { font-family: Georgia, serif; margin: 0 auto; padding: 1em } "
        "* { box-sizing: border-box } h1, .said { font-weight: bold; text-align: center; "
        "border-bottom: 1px solid #ccc } "
        "@media print { a::after { margin-left: 2px } } ul { list-style: square inside }</style>"
    )
    element = f'<p class="said" style="font-style: italic; white-space: nowrap">{SAID}</p>'
    page = markup.read(_page(style, element))
    assert page.unread is None
    assert page.text.endswith(f"lupus\n{SAID}\n")


def test_a_stub_citing_a_page_styled_elsewhere_is_told_why(registry: Path, trials: Trials) -> None:
    """A page whose style sheet is elsewhere is read as no text: the quotes not found (E501, E502) come
    with why, and what to do (E531), not a bare "not found"."""
    add_source(registry, "seeds/956_page.html", _page('<link rel="stylesheet" href="site.css">', f"<p>{SAID}</p>"))
    put(registry, STUB, RECORD)
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert f"{STUB}:2:14: E501 brief_title: text not found in the cited source" in result.out
    assert (
        f"{STUB}:6:13: E531 curation.sources.0.file: seeds/956_page.html is not read: it is styled by a style "
        "sheet it does not hold (<link rel=stylesheet>), and what that hides only a browser tells; save the page "
        "with its style sheets written into it (<style>), or its text as a .txt source, and cite that"
    ) in result.out


def test_a_stub_citing_a_plainly_styled_page_passes(registry: Path, trials: Trials) -> None:
    style = "<style>h1 { font-family: sans-serif } .said { text-decoration: underline }</style>"
    add_source(registry, "seeds/956_page.html", _page(style, f'<p class="said" style="padding: 2px">{SAID}</p>'))
    put(registry, STUB, RECORD)
    result = trials("validate", registry / STUB)
    assert result.status == 0, result.out


def test_a_style_sheet_nested_deep_is_not_read_and_does_not_crash() -> None:
    """Each level of nested rules was a call: 1,000 of them crashed the check (RecursionError), as
    did writing a declaration of deeply nested brackets into its message (tinycss2.serialize)."""
    deep = markup.read(_page("<style>" + "main {" * 1000, f"<p>{SAID}</p>"))
    assert deep.unread is not None and f"nests rules more than {styles.MAX_DEPTH} deep" in deep.unread
    brackets = markup.read(_page("", f'<p style="position: {"(" * 5000}">{SAID}</p>'))
    assert brackets.unread is not None and "`position: (((…)))` may lay" in brackets.unread


def test_a_page_whose_styles_cost_too_much_to_read_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """2 MiB of rules took 16 s to parse, and a rule for each of 20,000 selectors of one class was
    compared with each element of that class: past what a page's styles may cost, none of it is read."""
    monkeypatch.setattr(styles, "MAX_CSS", 1000)
    rules = "".join(f".c{i} {{ color: red }}\n" for i in range(100))
    assert "more than 1,000 characters of CSS" in str(markup.read(_page(f"<style>{rules}</style>", SAID)).unread)
    inline = "".join(f'<b style="font-weight: {i}">x</b>' for i in range(100, 200))
    assert "more than 1,000 characters of CSS" in str(markup.read(_page("", inline + SAID)).unread)
    monkeypatch.setattr(styles, "MAX_CSS", 512 * 1024)
    monkeypatch.setattr(styles, "MAX_COMPARISONS", 1000)
    rules = "".join(f".c[a{i}] {{ color: red }}\n" for i in range(100))
    elements = "".join(f"<p class=c id=p{i}>x</p>" for i in range(20))
    page = markup.read(_page(f"<style>{rules}</style>", elements + SAID))
    assert "more than 1,000 comparisons" in str(page.unread)
