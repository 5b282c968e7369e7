"""Pull-request attacks by a digit of another script that shows a reader another digit.

A number is read by its digits' values (reading/lexicon/quantities.py), whatever their script: "٦٠" is 60, as an
Arabic reader reads it. A digit of one script may look like another digit of ASCII's: a Bengali four
"৪" shows "8" (Unicode's confusables, reading/lookalike.py), a Persian five "۵" an "o", a 0 among
digits. "Enrollment: 6৪ participants", 68 to a reader, bound an enrollment of 64; "Enrollment: ৪
participants", 8 to a reader, one of 4. A number whose digit shows a reader another, or whose digits
are of two scripts ("6٦", which no text writes), is now no number.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading.lexicon import quantities

HEAD = IM19_TEXT_HEAD
SHOWN_OTHERWISE = {
    "a Bengali four among ASCII digits": ("6\u09ea", 64),
    "a Bengali four alone": ("\u09ea", 4),
    "a Persian five": ("6\u06f5", 65),
    "two scripts": ("6\u0666", 66),
}


@pytest.mark.parametrize("how", SHOWN_OTHERWISE)
def test_a_number_a_reader_is_shown_otherwise_binds_nothing(trials: Trials, how: str) -> None:
    written, count = SHOWN_OTHERWISE[how]
    line = f"Enrollment: {written} participants"
    result = trials.enrollment("seeds/950_digits.txt", f"{HEAD}{line}\n", count, line)
    assert result.status == 1, result.out


def test_a_number_of_one_scripts_digits_is_read() -> None:
    def read(text: str) -> list[float]:
        return [n.value for n in quantities.numbers(text)]

    assert read("\u0666\u0660 and \u09e8\u09e6 and \u0968\u0966 and 60") == [60, 20, 20, 60]
