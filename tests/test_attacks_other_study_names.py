"""An acronym or a reason for stopping taken from a sentence about another study.

"The sister study LUPUS-CAR2 uses the same product." gave a record the acronym LUPUS-CAR2, and "The
earlier trial was stopped for lack of funding." the trial's why_stopped: a plain document's words were
read for these two fields wherever they stand. They are trial-level fields now (prose._TRIAL_LEVEL), read
in the document's sentences about this trial only, as its status, phases and enrollment are.

A name the product is yet to have ("IM19 CAR-T cells (to be renamed IM29)", "which will be known as
IM29", "may be rebranded as IM29") bound the product's name IM29: retracted._BEFORE read the name a
value had before ("formerly called"), not the one it is to have.
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


def product(name: str) -> str:
    return f"cell_product:\n  name: {name}\nevidence:\n  cell_product.name: {json.dumps(name)}\n"


TO_BE_NAMED = [
    "IM19 CAR-T cells (to be renamed IM29) are infused once.",
    "IM19 CAR-T cells, which will be known as IM29, are infused once.",
    "IM19 CAR-T cells may be rebranded as IM29 later.",
]


@pytest.mark.parametrize("line", TO_BE_NAMED)
def test_a_name_the_product_is_yet_to_have_is_not_its_name(trials: Trials, line: str) -> None:
    assert "cell_product.name" in im19_out(trials, line, product("IM29"))


@pytest.mark.parametrize("line", [*TO_BE_NAMED[:1], "IM19 CAR-T cells, called IM19 in the protocol, are infused once."])
def test_the_name_it_has_passes(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, product("IM19 CAR-T cells")) == ""
