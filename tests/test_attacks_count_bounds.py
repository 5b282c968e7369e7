"""A number that bounds the enrollment, or ends a range of it, is no count of it.

head_counts.count_spans read any number before "participants" (or after an enrollment label) as the
count: "Enrollment: more than 60 participants", "over 60", "fewer than 60", "60 or more
participants", "Enrollment: 60-80 participants", "between 60 and 80 participants" each bound an
enrollment of 60 (or 80) the source never gives. A target an estimated count is written with stays
one ("up to 60", "approximately 60", "at least 60"): a registry's planned enrollment is so written.
"""

from __future__ import annotations

import pytest
from conftest import Trials, enrollment_fields, im19_out
from sle_trials.reading.lexicon import head_counts

BOUNDS = [
    ("Enrollment: more than 60 participants", 60, "60 participants"),
    ("Enrollment: over 60 participants", 60, "60 participants"),
    ("Enrollment: fewer than 60 participants", 60, "60 participants"),
    ("Enrollment: 60 or more participants", 60, "Enrollment: 60"),
    ("Enrollment: 60 participants or more", 60, "60 participants"),
    ("Enrollment: between 60 and 80 participants", 80, "80 participants"),
    ("Enrollment: 60 to 80 participants", 80, "80 participants"),
    ("Enrollment: 60 to 80 participants", 60, "Enrollment: 60"),
]


@pytest.mark.parametrize(("line", "count", "quote"), BOUNDS)
def test_a_bound_or_a_range_of_the_count_is_no_count(trials: Trials, line: str, count: int, quote: str) -> None:
    assert f" E508 enrollment.count: {count} is not the number of participants" in im19_out(
        trials, line, enrollment_fields(count, quote)
    )


@pytest.mark.parametrize(
    "line",
    [
        "Enrollment: up to 60 participants",
        "Enrollment: approximately 60 participants",
        "Enrollment: at least 60 participants",
        "Enrollment: 60 participants (aged over 18 years)",
        "Enrollment: 60 participants",
    ],
)
def test_a_count_or_a_target_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(60, "60 participants")) == ""


def test_the_ends_of_a_range_written_with_a_dash_are_no_counts() -> None:
    assert head_counts.counts("Enrollment: 60-80 participants") == []
    assert head_counts.counts("60–80 patients") == []
