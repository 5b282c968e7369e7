"""Pull-request attacks by a page's text that a browser raises, lowers or quotes: read as written, a number joined.

A web page is read as the text a browser shows (reading/markup.py), and its `<sup>`, `<sub>` and `<q>`
elements were read as their words alone. A browser raises a `<sup>` as an exponent, lowers a `<sub>`
and writes quotation marks around a `<q>`: "Enrollment: 10<sup>2</sup> participants" shows 10², a
hundred, and bound an enrollment of 102 (the hundred was refused); `10<sub>2</sub>` the same;
"Enrollment: <q>6</q>0 participants" shows “6”0 and bound 60. So did a style's `vertical-align:
super`. A raised or lowered digit is now read as the superscript or subscript character it shows (an
exponent, as digits.py reads `10²`), a `<q>` with its marks, and a raised style as one that may hide;
where the markup leaves their end to a browser (a block in them, a link in a link, an end tag of an
element around them: "<b><q>6</b>0" shows “6”0) the page is not read (E531).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source_bytes, enrollment_draft
from sle_trials.reading import markup

TITLE = IM19_TITLE_LINE
SOURCE = "seeds/961_page.html"


def _draft(registry: Path, body: str, count: int) -> None:
    raw = f"<html><body><p>{TITLE}</p><p>Last Updated: 2025-08-17</p><p>Enrollment: {body} participants</p>"
    raw += "</body></html>\n"
    add_source_bytes(registry, SOURCE, raw.encode())
    enrollment_draft(registry, SOURCE, count, f"{count} participants")


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("10<sup>2</sup>", 102),
        ("10<sub>2</sub>", 102),
        ("10<span style='vertical-align: super'>2</span>", 102),
        ("<q>6</q>0", 60),
        ("<b><q>6</b>0", 60),
        ("<a href=#><q>6<a>0</a>", 60),
        ("1<sup>0<p>2</sup>", 102),
    ],
)
def test_text_a_browser_raises_or_quotes_joins_no_number(registry: Path, trials: Trials, body: str, count: int) -> None:
    _draft(registry, body, count)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


@pytest.mark.parametrize(("body", "count"), [("102", 102), ("1<b>0</b>2", 102), ("<q>x</q> 60", 60)])
def test_text_shown_as_written_binds(registry: Path, trials: Trials, body: str, count: int) -> None:
    _draft(registry, body, count)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>1×10<sup>6</sup>/kg, 10<sup>-3</sup></p>", "1×10⁶/kg, 10⁻³\n"),
        ("<p>CD4<sub>+</sub> T cells, mm<sup>3</sup></p>", "CD4₊ T cells, mm³\n"),
        ("<p>the 1<sup>st</sup> dose<sup><a href=#n1>1</a></sup></p>", "the 1st dose¹\n"),
        ("<p><q>a <q>b</q> c</q></p>", "“a “b” c”\n"),
    ],
)
def test_how_raised_and_quoted_text_is_read(page: str, text: str) -> None:
    assert markup.read(page) == markup.Page(text)


@pytest.mark.parametrize("page", ["<b><q>6</b>0", "<sup>1<div>2</div></sup>", "<a><sup>6<a>0</a></sup></a>"])
def test_a_marked_element_a_browser_may_end_elsewhere_leaves_the_page_unread(page: str) -> None:
    assert markup.read(page).unread is not None
