"""Pull-request attacks by a page's style that keeps its text's line breaks: lines read as one.

A page is read as the text a browser shows (reading/markup.py), a line for each block, its white space
collapsed. A style's `white-space: pre` (or `pre-line`, `pre-wrap`, `break-spaces`, and
`white-space-collapse: preserve`) shows the text's own line breaks, and was read as a declaration that
cannot hide text: "Locations" and "Eligibility Criteria" on two lines of such a paragraph were read
as one line, no heading, which is how a copy's layout is known (a page whose headings a reader sees,
read as a plain page, where a quote may stand anywhere: tests/test_attacks_invisible_layout.py). Such
a style now may hide its element, as a style that changes the words shown does.
"""

from __future__ import annotations

import pytest
from sle_trials.reading import markup


@pytest.mark.parametrize(
    "style",
    ["white-space: pre", "white-space: pre-line", "white-space: break-spaces", "white-space-collapse: preserve"],
)
def test_lines_a_style_keeps_are_not_read_as_one(style: str) -> None:
    page = f"<p>a</p><p style='{style}'>Locations\nEligibility Criteria</p><p>b</p>"
    assert "Locations Eligibility Criteria" not in markup.shown(page)


@pytest.mark.parametrize("style", ["white-space: normal", "white-space: nowrap"])
def test_white_space_collapsed_is_read(style: str) -> None:
    assert markup.shown(f"<p style='{style}'>a\nb</p>") == "a b\n"
