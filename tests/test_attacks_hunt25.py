"""Attacks on today's readings (hunt25): a count in dozens (lexicon._DOZEN), an age written as a
birthday (lexicon._BIRTHDAY), a parenthesis that adds a treatment to its item (binding._ADDED).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, enrollment_draft
from sle_trials.reading import lexicon
from test_attacks_read24 import HEAD, _minimum_age

# --- a count in dozens ----------------------------------------------------------------------------

# digits a count in dozens does not start at: a decimal's, a fraction's, a thousands group's, a power's,
# a product's; read from them, "1.5 dozen" was 60 (5 dozen), "1/2 dozen" 24, "1,000 dozen" 0
NO_COUNT_OF_DOZENS = ["1.5 dozen", "1/2 dozen", "1,000 dozen", "10^2 dozen", "6×2 dozen"]


@pytest.mark.parametrize("text", NO_COUNT_OF_DOZENS)
def test_a_dozens_count_is_no_part_of_a_number(text: str) -> None:
    assert [n.value for n in lexicon.numbers(f"Enrollment: {text} participants")] == []


def test_an_enrollment_of_a_dozens_decimals_tail_does_not_bind(registry: Path, trials: Trials) -> None:
    source = add_source(registry, "seeds/925_words.txt", HEAD + "Enrollment: 1.5 dozen participants\n")
    enrollment_draft(registry, source, 60, "Enrollment: 1.5 dozen participants")
    assert trials("validate", registry / IM19_PATH).status != 0


# --- an age written as a birthday ----------------------------------------------------------------


def test_a_birthday_before_two_bare_ages_leaves_them_minimum_and_maximum() -> None:
    """ "18 Years" and "65 Years" (a registry page's two lines) are a minimum and a maximum whatever
    stands before them: a birthday read before them took the place of the first, and 18 was read as
    the maximum."""
    found = lexicon.ages("Patients who have reached their 21st birthday. 18 Years 65 Years")
    assert [(a.bound, a.value) for a in found] == [("min", 21), ("min", 18), ("max", 65)]


# A birthday not yet reached, its verb negated in any form: the maximum age, never the minimum
NOT_REACHED = [
    "Patients who haven't reached their 18th birthday.",
    "Patients who did not reach their eighteenth birthday by screening.",
    "Patients who are yet to reach their 18th birthday.",
    "Patients who have not yet had their 18th birthday.",
    "Patients enrolled without having reached their 18th birthday.",
]


@pytest.mark.parametrize("criterion", NOT_REACHED)
def test_a_birthday_not_reached_is_a_maximum(criterion: str) -> None:
    assert [(a.bound, a.value) for a in lexicon.criteria_ages(criterion)] == [("max", 18)]


def test_a_minimum_age_quoted_from_a_birthday_not_reached_is_refused(registry: Path, trials: Trials) -> None:
    assert "E508" in _minimum_age(registry, trials, NOT_REACHED[0], 18)
