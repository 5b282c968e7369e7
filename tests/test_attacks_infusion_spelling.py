"""The trial's own product and infusion, spelled one way for every reader (age_bounds.CAR_T,
age_bounds.THE_INFUSION).

Four patterns spelled "CAR-T infusion" each their own way. prose._ANOTHER_TIME read "after the CAR-T
cell infusion" but not "after CAR-T-cell infusion" or "after CAR T-cell infusion" as a time after the
infusion: "Patients receive cyclophosphamide 500 mg/m²/day after CAR-T-cell infusion", the sentence
after one naming the lymphodepletion, was read as going on about it, and a record giving the
lymphodepletion that cyclophosphamide dose passed. age_bounds._AT_AN_EVENT read "at onset of the CAR-T
therapy" as the onset of the trial's treatment (the participant's age then) but "at onset of the
CAR-T cell therapy" as an onset of the disease: a minimum age of 18 so stated was read as no bound.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_attacks_mut27 as mut27
from conftest import IM19_PATH, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import layouts, prose
from sle_trials.reading.lexicon import age_bounds
from test_attacks_hunt25 import HEAD
from test_attacks_review29 import AGENTS

AFTER_THE_INFUSION = [
    "after CAR-T-cell infusion",
    "after CAR T-cell infusion",
    "following the CAR T-cells infusion",
    "after the cells infusion",
]
NAMING = "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. "
QUOTES = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]  # each of AGENTS as the text gives it


@pytest.mark.parametrize("when", AFTER_THE_INFUSION)
def test_a_sentence_of_a_time_after_the_infusion_does_not_go_on_about_the_lymphodepletion(when: str) -> None:
    text = NAMING + f"Patients receive cyclophosphamide 500 mg/m²/day {when}."
    assert [p.text for p in prose.on_lymphodepletion([layouts.Passage(text)])] == [NAMING.strip()]


@pytest.mark.parametrize("when", ["on day 0", "before the CAR T-cell infusion"])
def test_one_without_another_time_still_does(when: str) -> None:
    text = NAMING + f"Patients receive cyclophosphamide 500 mg/m²/day {when}."
    assert len(prose.on_lymphodepletion([layouts.Passage(text)])) == 2


@pytest.mark.parametrize("when", AFTER_THE_INFUSION[:3])
def test_an_agents_dose_given_after_the_infusion_is_refused(registry: Path, when: str) -> None:
    text = NAMING + f"Patients receive cyclophosphamide 500 mg/m²/day {when}.\n"
    assert mut27._agents_codes(registry, text, AGENTS, QUOTES) != set()


TREATMENT = [
    "the CAR-T cell therapy",
    "CAR T-cell treatment",
    "the CAR-T cells infusion",
    "the cells infusion",
    "the CAR-T therapy",  # read so before
]


@pytest.mark.parametrize("treatment", TREATMENT)
def test_an_age_at_the_onset_of_the_trials_treatment_is_the_participants(treatment: str) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(f"Aged 18 years or older at onset of {treatment}.")] == [
        ("min", 18)
    ]


def test_an_age_at_the_onset_of_the_disease_is_still_none() -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages("Aged 18 years or older at onset of SLE.")] == [(None, 18)]


@pytest.mark.parametrize("treatment", TREATMENT[:2])
def test_a_minimum_age_at_the_onset_of_the_trials_treatment_binds(
    registry: Path, trials: Trials, treatment: str
) -> None:
    criterion = f"Aged 18 years or older at onset of {treatment}."
    source = add_source(registry, "seeds/926_words.txt", HEAD + f"Inclusion criteria:\n1. {criterion}\n")
    ages = (
        "eligibility:\n  minimum_age:\n    value: 18\n    unit: YEARS\n"
        f"evidence:\n  eligibility.minimum_age: {criterion}\n"
    )
    put(registry, IM19_PATH, joined(im19_draft(source), ages))
    assert trials.json("validate", registry / IM19_PATH).codes() == set()
