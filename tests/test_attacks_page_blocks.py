"""Pull-request attacks by a web page's block that was read as a run of its line.

A web page is read as the text a browser shows, a line for each block (reading/markup.py). A block
the reader did not know for one ran into the words around it: "Enrollment: 6<dir>0</dir>
participants" (or a <search>, a <listing>), which a browser shows as "Enrollment: 6" over "0
participants", bound an enrollment of 60. Every element HTML's rendering shows as a block now is
one, and a <listing> keeps its line breaks as a <pre> does.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PAGE_HEAD, Trials
from sle_trials.reading import markup

HEAD = IM19_PAGE_HEAD


@pytest.mark.parametrize("block", ["dir", "search", "listing"])
def test_a_block_splits_the_number_it_stands_in(trials: Trials, block: str) -> None:
    line = f"<p>Enrollment: 6<{block}>0</{block}> participants</p>"
    result = trials.enrollment(
        "seeds/950_block.html", f"{HEAD}{line}\n</body></html>\n", 60, "Enrollment: 60 participants"
    )
    assert result.status == 1, result.out


def test_a_listing_keeps_its_line_breaks() -> None:
    assert markup.shown("<listing>6\n0</listing>") == "6\n0\n"
