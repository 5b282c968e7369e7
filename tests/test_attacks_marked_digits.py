"""Pull-request attacks by a number whose digit carries a combining mark: struck through, slashed, enclosed.

No quote may end between a character and its mark (reading/edges.py, E521), but a quote holding the
whole number was read by its digits alone (reading/lexicon/quantities.py): "Enrollment: 60̶ participants", its 0
struck through by U+0336 (a 6 and a 0 taken back, to a reader), bound an enrollment of 60, and "6̶0"
(the 6 struck through) one of 6 or 0; "60⃠" (a 0 under a "prohibited" sign) 60. A number with a mark
on its last character, or right after a marked one, is now no number.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading.lexicon import quantities

HEAD = IM19_TEXT_HEAD
MARKED = {
    "its last digit struck": ("60\u0336", 60),
    "its first digit struck, the rest": ("6\u03360", 0),
    "its first digit struck": ("6\u03360", 6),
    "slashed": ("60\u0338", 60),
    "enclosed": ("60\u20e0", 60),
}


@pytest.mark.parametrize("how", MARKED)
def test_a_number_with_a_marked_digit_binds_nothing(trials: Trials, how: str) -> None:
    written, count = MARKED[how]
    line = f"Enrollment: {written} participants"
    result = trials.enrollment("seeds/950_marked.txt", f"{HEAD}{line}\n", count, line)
    assert result.status == 1, result.out


def test_a_number_beside_a_marked_letter_is_read() -> None:
    assert [n.value for n in quantities.numbers("cafe\u0301 18 years, 60 participants")] == [18, 60]
