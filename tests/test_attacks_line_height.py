"""Pull-request attacks by a page's lines drawn over one another: a line's height below its font's.

A page's style is read by over-approximation (reading/styles.py): a declaration that may lay an
element's text over others' leaves the page unread (E531), and docs/trust-boundary.md names a line's
height among them. `line-height` was read as a property that cannot hide text, whatever its value:
"<p style='line-height: 0'>Status: Not yet recruiting<br>Status: Recruiting</p>" draws its two lines
over each other, a jumble to a reader, and a record quoting "Status: Recruiting" passed as
RECRUITING. A line's height is now harmless only where it keeps lines apart: "normal", or at least the
font's size (1, 100%, 1em); any other, or a length in pixels, may lay lines over one another.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import markup

STATUS = 'overall_status: RECRUITING\nevidence:\n  overall_status: "Status: Recruiting"\n'


def _page(height: str) -> str:
    lines = f"<p style='line-height: {height}'>Status: Not yet recruiting<br>Status: Recruiting</p>"
    head = f"<!DOCTYPE html><html><body>\n<p>{IM19_TITLE_LINE}</p>\n<p>Last Updated: 2025-08-17</p>\n"
    return f"{head}{lines}\n</body></html>\n"


@pytest.mark.parametrize("height", ["0", "0.2", "2px"])
def test_lines_drawn_over_one_another_bind_no_status(registry: Path, trials: Trials, height: str) -> None:
    source = add_source(registry, "seeds/950_lines.html", _page(height))
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E531" in result.out


@pytest.mark.parametrize("height", ["normal", "1.5", "120%", "1.2em"])
def test_a_line_height_that_keeps_lines_apart_hides_nothing(height: str) -> None:
    assert markup.read(f"<p style='line-height: {height}'>a<br>b</p>") == markup.Page("a\nb\n")
