"""Pull-request attacks by words a browser writes, changes or strikes beside a page's own.

A web page is read as the text a browser shows (reading/markup.py), and a style that cannot hide
text was read as harmless (styles.HARMLESS). Some of those write words, change letters or take text
back, and a record quoted the page's words without them:

- A list marker written as a string: `<li style="list-style-type: 'Not yet '">Status: Recruiting</li>`
  shows "Not yet Status: Recruiting" (a marker before the item), and bound RECRUITING.
- `text-transform: uppercase` shows "µmol/L" as "ΜMOL/L" (a Greek capital mu, millimoles to a reader).
- Words struck through (`<del>`, `<s>`, `<strike>`, `text-decoration: line-through`) are words the page
  takes back: "Status: <del>Recruiting</del> Completed" bound RECRUITING.
- A font installed with the systems that draws letters as other characters: `<font face=Symbol>`
  shows "Recruiting" as Greek letters and "m" as μ (`10 <font face=Symbol>m</font>mol/L` is μmol/L);
  Wingdings as pictures.
- `<meta http-equiv=refresh content="0; url=...">` sends the reader to another page at once: none of
  this page's words is shown to its reader, and the stub quoting them passed.

Each such element is now hidden, and so is the rest of its line: "1<s>5</s>0" is no 10, nor
"10 <font face=Symbol>m</font>mol/L" 10 mol/L (a style that may hide an inline element spoils its line
too: hidden by a colour it leaves a blank). A page that sends its reader away is not read at all (E531).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source_bytes, im19_draft, joined, put
from sle_trials.reading import markup

TITLE = IM19_TITLE_LINE
SOURCE = "seeds/962_page.html"
RECRUITING = 'overall_status: RECRUITING\nevidence:\n  overall_status: "Status: Recruiting"\n'


def _draft(registry: Path, body: str, head: str = "") -> None:
    raw = f"<html><head>{head}</head><body><p>{TITLE}</p><p>Last Updated: 2025-08-17</p>{body}</body></html>\n"
    add_source_bytes(registry, SOURCE, raw.encode())
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), RECRUITING))


ATTACKS = {
    "marker": ("<ul><li style=\"list-style-type: 'Not yet '\">Status: Recruiting</li></ul>", ""),
    "marker-sheet": ("<ul><li>Status: Recruiting</li></ul>", "<style>ul { list-style: 'Not yet ' inside }</style>"),
    "marker-item": ("<p style=\"display: list-item; list-style-type: 'Not '\">Status: Recruiting</p>", ""),
    "del": ("<p>Status: <del>Recruiting</del> Completed</p>", ""),
    "s": ("<p>Status: <s>Recruiting</s> Completed</p>", ""),
    "strike": ("<p>Status: <strike>Recruiting</strike> Completed</p>", ""),
    "line-through": ("<p style='text-decoration: underline line-through'>Status: Recruiting</p>", ""),
    "line-through-sheet": (
        "<p class=old>Status: Recruiting</p>",
        "<style>.old { text-decoration-line: line-through }</style>",
    ),
    "symbol-font": ("<p>Status: <font face=Symbol>Recruiting</font></p>", ""),
    "symbol-font-style": ("<p>Status: <span style='font-family: \"Wingdings 2\", serif'>Recruiting</span></p>", ""),
    "refresh": ("<p>Status: Recruiting</p>", "<meta http-equiv=Refresh content='0; url=https://example.org/'>"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_words_a_browser_writes_or_strikes_bind_nothing(registry: Path, trials: Trials, attack: str) -> None:
    _draft(registry, *ATTACKS[attack])
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ("<ul><li style='list-style-type: square'>Status: Recruiting</li></ul>", ""),
        ("<p style='text-transform: none; text-decoration: underline dotted'>Status: Recruiting</p>", ""),
        ("<p>Status: <ins>Recruiting</ins></p>", ""),
        ("<p>Status: Recruiting</p>", "<meta http-equiv=refresh content=300>"),  # reloads itself
    ],
)
def test_words_shown_as_written_bind(registry: Path, trials: Trials, body: str, head: str) -> None:
    _draft(registry, body, head)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    "style", ["text-transform: uppercase", "text-transform: full-width", "text-transform:capitalize", "list-style: 'x'"]
)
def test_a_style_that_changes_its_words_hides_its_element(style: str) -> None:
    assert markup.read(f'<p>Serum creatinine</p><p style="{style}">≤ 10 µmol/L</p>') == markup.Page(
        "Serum creatinine\n"
    )


def test_a_page_sending_its_reader_away_is_not_read() -> None:
    page = markup.read("<meta http-equiv=refresh content='5;https://example.org/'><p>words</p>")
    assert page.text == "\n" and page.unread is not None and "another page" in page.unread


@pytest.mark.parametrize(
    "line",
    [
        "<p>Enrollment: 1<s>5</s>0 participants</p>",
        '<p>Serum creatinine ≤ 10 <font face="Symbol">m</font>mol/L</p>',
        '<p>Enrollment: 1<span style="color: white">5</span>0 participants</p>',  # a blank where the 5 is
        "<p>Enrollment: 1<bdo dir=rtl>5</bdo>0 participants</p>",
    ],
)
def test_a_line_beside_words_shown_otherwise_is_not_read(line: str) -> None:
    assert markup.read(f"<p>before</p>{line}<p>after</p>") == markup.Page("before\nafter\n")
