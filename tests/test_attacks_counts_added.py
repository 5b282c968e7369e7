"""A count that later counts add to, or that this trial and others share.

"Enrollment: 60 participants, then 20 more", "followed by 20 more in China" and "and later 20
adolescents" each bound an enrollment of 60 where the trial takes in 80: head_counts._ADDED knew "and",
"plus" and "as well as" but not the words that add a count after it in time. "60 participants across
both studies" and "in all three trials" bound an enrollment of 60 that other trials share:
head_counts._ENROLLED_ELSEWHERE read "in another study" but not this one and others together. A count
across the trial's own sites, study or years, and one followed for a time, stays the trial's, as does
one some of whom then left ("12 patients enrolled, then 2 patients withdrew"), which the first form of
this reading refused, as "and" had.
"""

from __future__ import annotations

import pytest
from conftest import Trials, enrollment_fields, im19_out

ADDED_OR_SHARED = [
    "Enrollment: 60 participants, then 20 more.",
    "Enrollment: 60 participants, followed by 20 more in China.",
    "Enrollment: 60 participants and later 20 adolescents.",
    "Enrollment: 60 participants across both studies.",
    "Enrollment: 60 participants in all three trials.",
    "Enrollment: 60 participants over the two protocols.",
]


@pytest.mark.parametrize("line", ADDED_OR_SHARED)
def test_a_count_others_add_to_or_share_is_no_enrollment(trials: Trials, line: str) -> None:
    assert "E508 enrollment.count" in im19_out(trials, line, enrollment_fields(60, "60 participants"))


THE_TRIALS = [
    # (a count of some of them that left adds no one: "then", "later" and "and" alike)
    "Enrollment: 12 patients enrolled, later 2 patients withdrew.",
    "Enrollment: 12 patients enrolled, then 2 patients withdrew.",
    "Enrollment: 12 patients enrolled, followed by 2 patients who withdrew.",
    "Enrollment: 12 patients enrolled, and 2 patients withdrew.",
    "Enrollment: 60 participants across 5 sites.",
    "Enrollment: 60 participants across the study.",
    "Enrollment: 60 participants in this study.",
    "Enrollment: 60 participants, then followed for 15 years.",
    "60 participants will be enrolled and then followed for 2 years.",
    "60 participants over two years.",
]


@pytest.mark.parametrize("line", THE_TRIALS)
def test_a_count_of_the_trials_own_passes(trials: Trials, line: str) -> None:
    count = 12 if "12 patients" in line else 60
    quote = "12 patients" if count == 12 else "60 participants"
    assert im19_out(trials, line, enrollment_fields(count, quote)) == ""
