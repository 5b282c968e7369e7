"""A count of people enrolled or found somewhere else than this trial is no enrollment of it.

"After screening 40 patients enrolled in a registry, 24 patients were enrolled." bound an enrollment
of 40 quoted "40 patients enrolled in a registry": a count after "screening" is read as those
screened unless its own words say they were enrolled (60621c3), and "enrolled" said so, though they
were enrolled in a patient registry. Nothing read a count as another registry's, database's,
biobank's or study's (head_counts._ENROLLED_ELSEWHERE).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_attacks_mut27 as mut27
from sle_trials.reading.lexicon import head_counts

ELSEWHERE = [
    ("After screening 40 patients enrolled in a registry, 24 patients were enrolled.", "40 patients enrolled"),
    ("Of 40 patients enrolled in the lupus registry, 24 patients were enrolled in this trial.", "40 patients"),
    ("40 patients from the Hopkins Lupus Cohort registry were screened; 24 patients were enrolled.", "40 patients"),
    ("Investigators reviewed 40 patients in a national database; 24 patients were enrolled.", "40 patients"),
    ("Samples of 40 patients held in a biobank were tested; 24 patients were enrolled.", "40 patients"),
    ("40 patients who had been enrolled in a previous study were contacted; 24 patients were enrolled.", "40 patients"),
    ("40 patients enrolled in an observational cohort; 24 patients were enrolled in the trial.", "40 patients"),
]


@pytest.mark.parametrize(("sentence", "quote"), ELSEWHERE)
def test_a_count_of_those_enrolled_elsewhere_is_no_enrollment(sentence: str, quote: str) -> None:
    assert 40 not in head_counts.counts(sentence)


@pytest.mark.parametrize(("sentence", "quote"), ELSEWHERE[:4])
def test_an_enrollment_quoted_from_it_is_refused(registry: Path, sentence: str, quote: str) -> None:
    assert mut27._enrollment_codes(registry, sentence, 40, quote) == {"E508"}


OURS = [
    ("After screening 24 patients were enrolled.", "24 patients were enrolled"),
    ("24 patients were enrolled in the study across 5 sites.", "24 patients were enrolled"),
    ("24 patients were enrolled in this trial.", "24 patients were enrolled"),
    ("The trial enrolled 24 patients from the registry's sites.", "24 patients"),
    ("Enrollment: 24 participants from 5 centers.", "24 participants"),
    ("After screening 40 patients enrolled in a registry, 24 patients were enrolled.", "24 patients were enrolled"),
]


@pytest.mark.parametrize(("sentence", "quote"), OURS)
def test_a_count_of_this_trials_enrolled_binds(registry: Path, sentence: str, quote: str) -> None:
    assert mut27._enrollment_codes(registry, sentence, 24, quote) == set()
