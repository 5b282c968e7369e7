"""Pull-request attacks that hide a web page's words by an inline style written through CSS's syntax.

A page's element hidden by its own inline style (`display: none`, `visibility: hidden`) is none of
the text a browser shows (reading/markup.py), and a quote from it is not found. The style was
matched as written, while a browser reads a declaration through CSS's comments and escapes:
`display:/**/none`, `display: n\\6f ne` or `display:\\none` hid the stub's title and date from every
reader, and a stub quoting them passed. They are now read as a browser reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAGE_RECORD, PAGE_SAID, PAGE_STUB, PAGE_TITLE, Trials, add_source, put
from sle_trials.reading import markup

STUB, TITLE, SAID = PAGE_STUB, PAGE_TITLE, PAGE_SAID
RECORD = PAGE_RECORD.format(source="seeds/955_page.html")
STYLES = {
    "comment": "display:/**/none",
    "hex escape": "display: n\\6f ne",
    "hex escape with its space": "display: \\6e one",
    "escaped letter": "display:\\none",
    "visibility": "visibility: hidd\\65n",
    "content visibility": "content-visibility: hidden",
    # a declaration that may hide (reading/styles.py): a colour on a background of that colour, a
    # size of nothing, a clip, a transparency, a property a browser may know and the reader does not
    "colour": "color: red",
    "font size": "font-size: 0",
    "opacity": "opacity: 0.0",
    "clip path": "clip-path: inset(50%)",
    "overflow": "overflow: hidden",
    "unknown property": "x: none; display: block",
}


def _page(style: str) -> str:
    shown = "<h1>NCT03030976: a trial of allogeneic NK cells in lupus</h1>"
    return f'<!DOCTYPE html>\n<html><body>\n{shown}\n<div style="{style}">{SAID}</div>\n</body></html>\n'


@pytest.mark.parametrize("style", STYLES.values(), ids=STYLES.keys())
def test_a_stub_quoting_what_an_inline_style_hides_is_refused(registry: Path, trials: Trials, style: str) -> None:
    assert "Lupus" not in markup.shown(_page(style))
    add_source(registry, "seeds/955_page.html", _page(style))
    put(registry, STUB, RECORD)
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert f"{STUB}:2:14: E501 brief_title: text not found in the cited source" in result.out


@pytest.mark.parametrize(
    "style", ["font-weight: bold", "display:\\62 lock", "display:/* none", "margin: 0 1em; text-align: center"]
)
def test_what_a_style_shows_is_read(style: str) -> None:
    """A declaration that cannot hide text (reading/styles.py's HARMLESS), read through CSS's escapes,
    or no declaration, hides nothing."""
    assert "Lupus" in markup.shown(_page(style))
