"""A value a label or a name gives another part of the study is not the trial's own.

"Primary purpose: Treatment; secondary purpose: Basic Science" bound a primary purpose of Basic
Science, "Sub-study type: Observational" and "Observational sub-study" a study type of the sub-study,
"extension phase: Phase 2" a phase of the extension, and "Secondary sponsor: Beta Corp" (a registry's
collaborator) the sponsor: a label of a secondary, sub-study, extension or alternative value
(retracted._BEFORE) and a sub-study named with its words (prose._ANOTHER_TRIAL) now say whose it is.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out, term_fields


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "Primary purpose: Treatment; secondary purpose: Basic Science",
            term_fields("design.primary_purpose", "BASIC_SCIENCE", "Basic Science"),
        ),
        (
            "Study type: Interventional (Clinical Trial); Observational sub-study",
            term_fields("study_type", "OBSERVATIONAL", "Observational"),
        ),
        (
            "Study type: Interventional; Sub-study type: Observational",
            term_fields("study_type", "OBSERVATIONAL", "Observational"),
        ),
        ("Phase: Phase 1; extension phase: Phase 2", term_fields("phases", "[PHASE2]", "Phase 2")),
        ("Sponsor: Acme Bio; Secondary sponsor: Beta Corp", term_fields("sponsor.name", "Beta Corp", "Beta Corp")),
    ],
)
def test_a_value_of_another_part_is_none_of_the_trials(trials: Trials, line: str, fields: str) -> None:
    out = im19_out(trials, line, fields)
    assert any(f" {code} " in out for code in ("E501", "E507", "E512")), out


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "Primary purpose: Treatment; secondary purpose: Basic Science",
            term_fields("design.primary_purpose", "TREATMENT", "Treatment"),
        ),
        (
            "Study type: Interventional (Clinical Trial); Observational sub-study",
            term_fields("study_type", "INTERVENTIONAL", "Interventional"),
        ),
        ("Phase: Phase 1; Extension: Phase 2", term_fields("phases", "[PHASE1]", "Phase 1")),
        ("Sponsor: Acme Bio; Secondary sponsor: Beta Corp", term_fields("sponsor.name", "Acme Bio", "Acme Bio")),
    ],
)
def test_the_trials_own_value_beside_another_parts_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""
