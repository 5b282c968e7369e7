"""Pull-request attacks by a page's title, read as words of the page beside it.

A browser shows a page's title in its tab or window bar, not among the page's words, and a <title>
element after the first one nowhere (it is laid out as none, as the head's elements are). The reader
read every <title> as a line of the page where it stood, and the lines of a page run into each other
as its words do: "<title>Status: Not yet</title>" before a body starting "recruiting" vouched for a
quote "Status: Not yet Recruiting" (NOT_YET_RECRUITING) that no reader sees, and "Enrollment:
<title>60</title> participants", which shows "Enrollment: participants", for an enrollment of 60. A title
after the first is now read as none. The first is read as the page's first line, as a layout's
reader expects it (set apart, it left a saved ClinConnect page no title line, and its brief title was
refused); on a page of no layout it is set apart from the body (layouts.set_apart), whatever it holds,
and no quote runs from it into the body (tests/test_attacks_paragraph_breaks.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, enrollment_draft, im19_draft, joined, put
from sle_trials.reading import markup

HEAD = f"<p>{IM19_TITLE_LINE}</p><p>Last Updated: 2025-08-17</p>"


def test_a_status_run_from_the_title_into_the_page_is_refused(registry: Path, trials: Trials) -> None:
    page = f"<html><head><title>Status: Not yet</title></head><body><p>recruiting</p>{HEAD}</body></html>"
    source = add_source(registry, "seeds/950_title.html", page)
    status = 'overall_status: NOT_YET_RECRUITING\nevidence:\n  overall_status: "Status: Not yet recruiting"\n'
    put(registry, IM19_PATH, joined(im19_draft(source), status))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E502" in result.out, result.out


@pytest.mark.parametrize(
    "page",
    [
        f"<html><head><title>x</title></head><body>{HEAD}"
        "<p>Enrollment: <title>60</title> participants</p></body></html>",
        f"<html><head><title>Enrollment:</title></head><body><p>60 participants</p>{HEAD}</body></html>",
    ],
)
def test_an_enrollment_read_across_a_title_is_refused(registry: Path, trials: Trials, page: str) -> None:
    source = add_source(registry, "seeds/950_title.html", page)
    enrollment_draft(registry, source, 60, "Enrollment: 60 participants")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E502" in result.out, result.out


def test_a_pages_first_title_is_its_first_line_and_no_other_is_read() -> None:
    shown = markup.shown("<title>A</title><p>B <title>C</title>D</p>")
    assert shown == "A\nB D\n"
