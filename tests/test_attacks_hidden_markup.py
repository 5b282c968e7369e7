"""Pull-request attacks that quote what a web page hides from its reader (reading/markup.py).

A web page is kept as received, markup and all, and was read as plain text: a comment, a script, an
image's alt text or a hidden element stood beside the page's words. A copy of a trial's page showing
"a trial of allogeneic NK cells" with the stub's title and date in an HTML comment vouched for that
stub, while the page a reviewer fetches (its sha256 the manifest's) shows neither in a browser.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import PAGE_RECORD, PAGE_SAID, PAGE_STUB, PAGE_TITLE, REPO, Trials, add_source, put
from sle_trials.reading import layouts, markup

STUB, TITLE, SAID, RECORD = PAGE_STUB, PAGE_TITLE, PAGE_SAID, PAGE_RECORD
SHOWN = "<h1>NCT03030976: a trial of allogeneic NK cells in lupus</h1>\n"


def page(hidden: str) -> str:
    head = "<!DOCTYPE html>\n<html><head><title>Trial NCT03030976</title></head>\n"
    return f"{head}<body>\n{SHOWN}{hidden}\n</body></html>\n"


HIDING = {
    "comment": f"<!-- {SAID} -->",
    "script": f"<script>var said = '{SAID}';</script>",
    "style": f"<style>/* {SAID} */</style>",
    "alt text": f'<img src="x.png" alt="{SAID}">',
    "hidden attribute": f"<div hidden><p>{SAID}</p></div>",
    "inline display none": f'<span style="color: red; display:none">{SAID}</span>',
    "inline visibility hidden": f'<p style="visibility: hidden">{SAID}</p>',
    "template": f"<template><p>{SAID}</p></template>",
    "noscript": f"<noscript>{SAID}</noscript>",
    # what Python's HTML parser read otherwise than a browser: a comment open to the page's end (its
    # close() gave the rest as text), a script's "</ script>" (which ended it; a browser reads on)
    "dialog not open": f"<dialog><p>{SAID}</p></dialog>",
    # a closed <details> shows its reader its summary alone until opened; a ruby annotation stands small
    # above its base text, and read in line it ran into it ("<ruby>0<rt>6</rt></ruby>" read as 06)
    "details not open": f"<details><summary>More</summary><p>{SAID}</p></details>",
    "ruby annotation": f"<ruby>x<rt>{SAID}</rt></ruby>",
    "video fallback": f"<video src='x.mp4'>{SAID}</video>",
    "drop-down list": f"<select>{SAID}<option>x</option></select>",
    "hidden self-closed": f"<div hidden/>{SAID}</div>",
    "hidden past an end tag a table ignores": f"<div hidden><table><tr><td></div>{SAID}</td></tr></table></div>",
    "comment open to the end": f"<!-- {SAID}",
    "script not ended": f"<script>x = 1;</ script>{SAID}</script>",
}


@pytest.mark.parametrize("how", HIDING)
def test_a_stub_quoting_what_a_page_hides_is_refused(registry: Path, trials: Trials, how: str) -> None:
    source = add_source(registry, "seeds/950_page.txt", page(HIDING[how]))
    put(registry, STUB, RECORD.format(source=source))
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert f"{STUB}:2:14: E501 brief_title: text not found in the cited source" in result.out


def test_a_stub_quoting_what_a_page_shows_passes(registry: Path, trials: Trials) -> None:
    """The same words, shown: a page a browser renders is read as the text it shows, markup left out."""
    title = TITLE.replace("(SLE)", "(<abbr>SLE</abbr>)")
    shown = f"<p>NCT03030976</p>\n<h1>{title}</h1>\n<p>Last Updated: 2025-08-17</p>"
    source = add_source(registry, "seeds/951_page.html", f"<!doctype html>\n<html><body>\n{shown}\n</body></html>\n")
    put(registry, STUB, RECORD.format(source=source))
    result = trials("validate", registry / STUB)
    assert result.status == 0, result.out


def test_a_page_is_html_by_its_name_or_by_how_it_starts() -> None:
    """As a browser takes it: a name a server types as HTML, or WHATWG's sniffing of an untyped one."""
    assert markup.is_html("seeds/x.HTM", "plain words")
    assert markup.is_html("seeds/x.txt", "\ufeff\n  <!DOCTYPE html>")
    assert markup.is_html("seeds/x.txt", "<p>words")
    assert not markup.is_html("seeds/x.txt", "Words <!-- a comment in a text file shows as written -->")
    assert not markup.is_html("seeds/x.txt", "<pre>")


def test_a_page_is_read_a_block_a_line_as_a_browser_shows_it() -> None:
    text = (
        "<p>Hello <b>World</b>\n  again<br>next</p><div hidden>no<div>no</div>no</div>shown<pre>a\n  b</pre>&amp; &gt;"
    )
    assert markup.shown(text) == "Hello World again\nnext\nshown\na\n  b\n& >\n"
    assert markup.shown("<p>a<script>x</script foo>b<p>1 < 2 <3") == "ab\n1 < 2 <3\n"


def test_a_page_showing_a_studys_json_is_no_study() -> None:
    """Its bytes are a page's, not the API's answer (`trials drift` and `update` cannot read them as a
    study): read as the page's text, it was a REGISTRY_JSON source."""
    study = (REPO / "tests/fixtures/ctgov/completed_phase2_randomised.json").read_text(encoding="utf-8")
    assert layouts.read("seeds/952_study.json", study.encode()).layout == "ctgov_json"
    page = f"<!DOCTYPE html>\n<html><body><p>{html.escape(study)}</p></body></html>\n"
    assert layouts.read("seeds/952_study.html", page.encode()).layout == layouts.PLAIN


def test_a_stub_quoting_what_a_style_sheets_rule_hides_is_refused(registry: Path, trials: Trials) -> None:
    """A rule of the page's style sheet hides what its selector may match (reading/styles.py): read
    as the page's words, the stub's title and date passed, which no browser shows."""
    hidden = f'<style>.note {{ display: none }}</style><span class="note">{SAID}</span>'
    source = add_source(registry, "seeds/953_page.html", page(hidden))
    put(registry, STUB, RECORD.format(source=source))
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert f"{STUB}:2:14: E501 brief_title: text not found in the cited source" in result.out
