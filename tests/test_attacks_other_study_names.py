"""An acronym or a reason for stopping taken from a sentence about another study.

"The sister study LUPUS-CAR2 uses the same product." gave a record the acronym LUPUS-CAR2, and "The
earlier trial was stopped for lack of funding." the trial's why_stopped: a plain document's words were
read for these two fields wherever they stand. They are trial-level fields now (prose._TRIAL_LEVEL), read
in the document's sentences about this trial only, as its status, phases and enrollment are.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, im19_out


def acronym(name: str) -> str:
    return f"acronym: {name}\nevidence:\n  acronym: {json.dumps(name)}\n"


def why_stopped(text: str) -> str:
    return f"why_stopped: {json.dumps(text)}\nevidence:\n  why_stopped: {json.dumps(text)}\n"


OTHERS = [
    ("The sister study LUPUS-CAR2 uses the same product.", acronym("LUPUS-CAR2")),
    ("An earlier trial, LUPUS-CAR1, treated 12 patients.", acronym("LUPUS-CAR1")),
    ("The earlier trial was stopped for lack of funding.", why_stopped("lack of funding")),
    ("A previous study of another product stopped early due to slow enrolment.", why_stopped("slow enrolment")),
]


@pytest.mark.parametrize(("line", "fields"), OTHERS, ids=[line for line, _ in OTHERS])
def test_a_name_or_reason_of_another_study_is_not_the_trials(trials: Trials, line: str, fields: str) -> None:
    assert "E512" in im19_out(trials, line, fields)


OWN = [
    ("Acronym: LUPUS-CAR.", acronym("LUPUS-CAR")),
    ("The LUPUS-CAR trial enrols adults with refractory SLE.", acronym("LUPUS-CAR")),
    ("Why stopped: lack of funding.", why_stopped("lack of funding")),
    ("This study was stopped for lack of funding.", why_stopped("lack of funding")),
]


@pytest.mark.parametrize(("line", "fields"), OWN, ids=[line for line, _ in OWN])
def test_the_trials_own_name_or_reason_passes(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""
