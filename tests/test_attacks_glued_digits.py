"""Pull-request attacks by digits a mark writes as one token: "6_000", "6°0", "6′0".

A number is read from a quote's digits (quantities.numbers) up to a character that ends it, and a quote
may end where no word or number goes on (edges.py). A programmer's digit separator, an apostrophe or
a prime, a degree sign, a ratio sign or a small tilde between two runs of digits ended neither: so
"Enrollment: 6_000 participants" bound an enrollment of 6, "Enrollment: 6°0 participants" and "6′0"
(six feet) of 6 or of 0, and a quote "Enrollment: 6" cut before "_000" stood whole. No number is now
read out of digits such a mark joins (digits.GLUES), nor does a quote end between them.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading.lexicon import quantities

HEAD = IM19_TEXT_HEAD

GLUED = {
    "a digit separator": ("Enrollment: 6_000 participants", 6, "Enrollment: 6_000 participants"),
    "a degree": ("Enrollment: 6\u00b00 participants", 6, "Enrollment: 6\u00b00 participants"),
    "a degree, the digits after it": ("Enrollment: 6\u00b00 participants", 0, "Enrollment: 6\u00b00 participants"),
    "a prime": ("Enrollment: 6\u20320 participants", 6, "Enrollment: 6\u20320 participants"),
    "a ratio sign": ("Enrollment: 6\u22360 participants", 6, "Enrollment: 6\u22360 participants"),
    "an apostrophe": ("Enrollment: 6'0 participants", 6, "Enrollment: 6'0 participants"),
    "a quote cut before it": ("Enrollment: 6\u00b00 participants", 6, "Enrollment: 6"),
}


@pytest.mark.parametrize("how", GLUED)
def test_digits_a_mark_glues_bind_no_number(trials: Trials, how: str) -> None:
    line, count, quote = GLUED[how]
    result = trials.enrollment("seeds/950_glued.txt", f"{HEAD}{line}\n", count, quote)
    assert result.status == 1, result.out


@pytest.mark.parametrize(
    ("quote", "read"),
    [("6_000", []), ("6\u00b00", []), ("37\u00b0C", [37.0]), ("18-65 years", [18.0, 65.0]), ("6_x", [6.0])],
)
def test_what_a_glue_mark_joins_is_no_number(quote: str, read: list[float]) -> None:
    assert [n.value for n in quantities.numbers(quote)] == read
