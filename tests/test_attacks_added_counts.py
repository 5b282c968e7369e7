"""A count of people another count of people is added to in its sentence is a part of those enrolled.

"Enrollment: 60 patients with lupus nephritis and 20 without", "40 adults and 20 adolescents",
"40 participants, plus 20 in the extension", "40 participants; 20 more in China": each bound an
enrollment of the first count, a part of the trial's (head_counts._ANOTHER_COUNT_AFTER and _BEFORE, and
the clause after a semicolon read with the count's sentence, counts._counted_there). The other count
is of people by its noun, or by a word standing for one ("20 without", "20 more"); a number of other
things adds no one, a breakdown in a bracket or after "of whom" is the count's own, and a clause past
the count's verb says what some of them did.
"""

from __future__ import annotations

import pytest
from conftest import Trials, enrollment_fields, im19_out
from sle_trials.reading.lexicon import head_counts

ADDED_TO = [
    ("Enrollment: 60 patients with lupus nephritis and 20 without", 60, "60 patients with lupus nephritis"),
    ("Enrollment: 60 patients with lupus nephritis and 20 patients without", 60, "60 patients with lupus nephritis"),
    ("Enrollment: 40 adults and 20 adolescents", 40, "Enrollment: 40 adults"),
    ("Enrollment: 40 participants, plus 20 in the extension", 40, "40 participants"),
    ("Enrollment: 40 participants; 20 more in China", 40, "40 participants"),
    ("Enrollment: 40 patients as well as 20 healthy controls", 40, "40 patients"),
    ("Enrollment: 40 patients & 20 healthy volunteers", 40, "40 patients"),
    ("Enrollment: twelve patients and six healthy volunteers", 12, "twelve patients"),
    ("Enrollment: 20 healthy volunteers and 40 patients", 40, "40 patients"),
    ("The study will enroll 40 patients and another 20 patients in its extension.", 40, "40 patients"),
]


@pytest.mark.parametrize(("line", "count", "quote"), ADDED_TO)
def test_a_count_another_is_added_to_is_no_enrollment(trials: Trials, line: str, count: int, quote: str) -> None:
    assert f" E508 enrollment.count: {count} is not the number of participants" in im19_out(
        trials, line, enrollment_fields(count, quote)
    )


@pytest.mark.parametrize(
    ("line", "count", "quote"),
    [
        ("Enrollment: 60 participants (30 with and 30 without lupus nephritis)", 60, "60 participants"),
        ("A total of 60 patients, 40 with lupus nephritis and 20 without", 60, "60 patients"),
        ("Enrollment: 60 participants and 3 sites", 60, "60 participants"),
        ("Enrollment: 60 patients and 2 dose levels", 60, "60 patients"),
        ("Enrollment: 60 patients with SLE and lupus nephritis", 60, "60 patients"),
        ("Enrollment: 60 patients aged 18 and older", 60, "60 patients"),
        ("12 patients have been enrolled and 6 patients have responded.", 12, "12 patients have been enrolled"),
        ("Enrollment: 40 participants; 20 participants withdrew", 40, "40 participants"),
    ],
)
def test_a_count_beside_numbers_that_add_no_one_binds(trials: Trials, line: str, count: int, quote: str) -> None:
    assert im19_out(trials, line, enrollment_fields(count, quote)) == ""


def test_the_sum_is_counted_nowhere() -> None:
    """Neither part is the enrollment; no sum is read either (a curator says it in a note)."""
    assert head_counts.count_spans("40 patients and 20 healthy controls") == []
