"""Pull-request attacks on the review summary: a white space that shows a reader a plain space.

`trials diff` writes each character that shows a reader another, ASCII one as its escape
(changes.unmasked), so that a title changed from "IM19" to "IМ19" (a Cyrillic EM) is not summarised as
reworded from one to the same words. A no-break, an em or an ideographic space shows a space, and a
title changed to "IM19\\u00a0CAR-T ..." was still summarised as reworded into the words it had.
"""

from __future__ import annotations

import pytest
from sle_trials.curate import changes


@pytest.mark.parametrize("space", ["\u00a0", "\u2003", "\u3000", "\u202f"])
@pytest.mark.parametrize("markdown", [False, True])
def test_the_review_summary_shows_an_odd_space_for_what_it_is(space: str, markdown: bool) -> None:
    change = changes.Change("brief_title", "reworded", "IM19 CAR-T", f"IM19{space}CAR-T")
    assert f"IM19\\u{ord(space):04x}CAR-T" in changes.phrase(change, markdown=markdown)
    assert changes.unmasked("IM19 CAR-T\nnext") == "IM19 CAR-T\nnext"  # ASCII's own white space as written
