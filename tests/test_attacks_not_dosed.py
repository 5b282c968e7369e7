"""Cells no patient of the trial receives are no cohort's dose.

"at least 1×10^6 CAR-T cells/kg must be manufactured", "... is required for release", "... were
collected by apheresis", "the manufacturing target is ...", "... was the dose in mice", "in
preclinical studies ..." each bound a cohort's dose: a number of cells the product must hold, that
was collected, or another study's. reading/not_dosed.py reads those words, for binding and for
completeness.cell_doses (the doses a complete record holds, which silence reads too).
"""

from __future__ import annotations

import pytest
from conftest import Trials, agent_fields, cohort_fields, im19_out
from sle_trials.checks import completeness

DOSE = "1×10^6 CAR-T cells/kg"
NO_DOSE = " E508 arms.0.cohorts.0.dose: the quote states no dose of 1000000 "


@pytest.mark.parametrize(
    "line",
    [
        "Arm A: IM19 CAR-T cells; the manufacturing target is 1×10^6 CAR-T cells/kg",
        "Arm A: IM19 CAR-T cells; at least 1×10^6 CAR-T cells/kg must be manufactured",
        "Arm A: IM19 CAR-T cells; a minimum of 1×10^6 CAR-T cells/kg is required for release",
        "Arm A: IM19 CAR-T cells; product release requires 1×10^6 CAR-T cells/kg",
        "Arm A: IM19 CAR-T cells; 1×10^6 CAR-T cells/kg were collected by apheresis",
        "Arm A: IM19 CAR-T cells; 1×10^6 CAR-T cells/kg was the dose in mice",
        "Arm A: IM19 CAR-T cells; in preclinical studies 1×10^6 CAR-T cells/kg was safe",
    ],
)
def test_a_number_of_cells_no_patient_receives_is_no_dose(trials: Trials, line: str) -> None:
    assert NO_DOSE in im19_out(trials, line, cohort_fields(DOSE))


@pytest.mark.parametrize(
    "line",
    [
        "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg",
        "Arm A: IM19 CAR-T cells at a target dose of 1×10^6 CAR-T cells/kg",
        "Arm A: IM19 CAR-T cells manufactured at the site are infused at 1×10^6 CAR-T cells/kg",
        "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg, infused in the outpatient clinic",
    ],
)
def test_a_dose_given_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, cohort_fields(DOSE)) == ""


def test_a_description_asks_no_cohort_for_cells_no_patient_receives() -> None:
    described = "IM19 CAR-T cells at 1×10^6 CAR-T cells/kg; 5×10^6 CAR-T cells/kg were collected by apheresis"
    assert [d.value for d in completeness.cell_doses(described)] == [1000000]


# (a lymphodepleting agent's dose given to another study: "is required" is a regimen's own dose)
@pytest.mark.parametrize(
    "line",
    [
        "Lymphodepletion: fludarabine 30 mg/m2/day was used in the previous study",
        "Lymphodepletion: fludarabine 30 mg/m2/day was given in mice",
        "Lymphodepletion: in preclinical studies, fludarabine 30 mg/m2/day",
    ],
)
def test_an_agents_dose_of_another_study_is_none(trials: Trials, line: str) -> None:
    assert " E508 lymphodepletion.agents.0.dose: the quote states no dose of 30 " in im19_out(
        trials, line, agent_fields("fludarabine 30 mg/m2/day")
    )


@pytest.mark.parametrize(
    "line",
    [
        "Lymphodepletion: fludarabine 30 mg/m2/day is required before the infusion",
        "Lymphodepletion: fludarabine 30 mg/m2/day, as in the previous study",
        "Lymphodepletion: fludarabine 30 mg/m2/day, given in the outpatient clinic",
    ],
)
def test_an_agents_dose_given_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, agent_fields("fludarabine 30 mg/m2/day")) == ""
