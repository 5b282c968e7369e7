"""A value a preposition ties to another study is that study's, not this trial's.

A plain page's sentence turning to another study after its value ("60 participants in the previous
study", "1×10^6 CAR-T cells/kg in the previous study; here 2×10^6") was read as this trial's up to
the other study's name, and bound the value: the words that gave it to the other study were cut
away before any reader saw them. The clause a preposition ties to the other study is now that
study's (prose._TIED_BACK); the words before its clause stay this trial's.
"""

from __future__ import annotations

import pytest
from conftest import Trials, cohort_fields, enrollment_fields, im19_out

ANOTHER_STUDYS = " E512 evidence for "


@pytest.mark.parametrize(
    "line",
    [
        "Enrollment: 60 participants in the previous study; this trial enrolls 20 participants.",
        "The trial enrolled 60 participants in the previous study and 20 in this one.",
        "60 participants were enrolled in an earlier study.",
        "60 participants took part in a second trial.",
    ],
)
def test_a_count_tied_to_another_study_is_none_of_this_trials(trials: Trials, line: str) -> None:
    assert f"{ANOTHER_STUDYS}enrollment" in im19_out(trials, line, enrollment_fields(60, "60 participants"))


@pytest.mark.parametrize(
    "line",
    [
        "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg in the previous study; here 2×10^6",
        "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg from an earlier trial",
    ],
)
def test_a_dose_tied_to_another_study_is_none_of_this_trials(trials: Trials, line: str) -> None:
    assert f"{ANOTHER_STUDYS}arms.0.cohorts.0" in im19_out(trials, line, cohort_fields("1×10^6 CAR-T cells/kg"))


@pytest.mark.parametrize(
    "line",
    [
        "Enrollment: 60 participants, more than in the previous study.",
        "Enrollment: 60 participants. The previous study enrolled 20.",
    ],
)
def test_a_count_beside_another_study_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(60, "60 participants")) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg, as in the previous study",
        "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg in this study",
    ],
)
def test_a_dose_beside_another_study_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, cohort_fields("1×10^6 CAR-T cells/kg")) == ""
