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


# 2. What a reader is shown but the check does not read (a faint grey block, a grey word, a picture) stands
# between the blocks around it: left out in silence, a label ran over it into the block after it
BETWEEN = {
    "a grey block": "<p>Enrollment:</p><p style='color:#999'>20 participants</p><p>60 participants</p>",
    "a grey word": "<p>Enrollment:</p><p><b style='color:#999'>20</b></p><p>60 participants</p>",
    "a grey line": "<p>Enrollment:<br><b style='color:#999'>20</b><br>60 participants</p>",
    "a picture": "<p>Enrollment:</p><p><img src=twenty.png></p><p>60 participants</p>",
    "a figure": "<p>Enrollment:</p><figure><img src=twenty.png><figcaption>60 participants</figcaption></figure>",
}


@pytest.mark.parametrize("body", BETWEEN.values(), ids=BETWEEN.keys())
def test_a_label_runs_over_nothing_a_reader_is_shown(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 1


def test_a_label_runs_over_a_block_hidden_from_every_reader(trials: Trials) -> None:
    # a block no browser shows (hidden) stands nowhere: the label's value is the block after it
    assert _enrollment(trials, "<p>Enrollment:</p><p hidden>20</p><p>60 participants</p>") == 0
