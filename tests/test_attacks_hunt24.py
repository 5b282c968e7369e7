"""Pull-request attacks on a page's blocks set apart, its colours judged by contrast and its font sizes.

A page of no layout is read with its blocks set apart unless a label ends the first
(layouts.set_apart, markup.read with blocks); its colours are judged by their contrast, and a font's
size of 9 to 16 pixels is read as one a reader reads (reading/styles.py). Each attack here is a page
whose words a reader sees otherwise than the check read them.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PAGE_HEAD, Trials

HEAD = IM19_PAGE_HEAD
SAID = "Enrollment: 60 participants"


def _enrollment(trials: Trials, body: str, quote: str = SAID, count: int = 60) -> int:
    """`trials validate`'s status for IM19's draft quoting quote (an enrollment of count) from a page of body."""
    result = trials.enrollment("seeds/950_hunt.html", f"{HEAD}{body}\n</body></html>\n", count, quote)
    return result.status


# 1. A rule (<hr>) is a block's end: void, it ended no line, and the digits either side of it were one number
RULED = {
    "in a line": "Enrollment: 6<hr>0 participants",
    "in a paragraph": "<p>Enrollment: 6<hr>0 participants</p>",
    "after a label": "<p>Enrollment:</p><hr><p>60 participants</p>",
}


@pytest.mark.parametrize("body", RULED.values(), ids=RULED.keys())
def test_a_rule_sets_apart_the_text_either_side(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 1
