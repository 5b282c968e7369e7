"""An eligibility value its source widens, narrows to a part of the trial, or gives of another study.

A source's "Gender: Female (male patients are also eligible)", "Sex: Female; males with lupus
nephritis may also enrol" or "Healthy volunteers: No; healthy volunteers may join the extension cohort"
each bound its value (FEMALE, no healthy volunteers) with a quote of the label and its answer, where
the words after it in its sentence let in the group the value leaves out. So did an exception to it
("No healthy volunteers, except in the extension cohort") and a value given of a part of the trial
only ("Sex: Female (extension cohort only)"): vocabulary._widening reads them. The group named in
words that keep it out or set it a rule leaves the value standing ("Sex: Female (male patients are
excluded)", "Sex: Female; male partners must also use contraception"), as does an exception of a
rule's ("Sex: Female (except pregnant or breastfeeding women)").
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out, term_fields


def sex(value: str, quote: str) -> str:
    return term_fields("eligibility.sex", value, quote)


def volunteers(value: str, quote: str) -> str:
    return term_fields("eligibility.healthy_volunteers", value, quote)


# --- a sex or a healthy volunteers' answer --------------------------------------------------------

WIDENED_TERMS = [
    ("Gender: Female (male patients are also eligible).", sex("FEMALE", "Gender: Female")),
    ("Sex: Female; males with lupus nephritis may also enrol.", sex("FEMALE", "Sex: Female")),
    ("Sex: Female, including males with lupus nephritis.", sex("FEMALE", "Sex: Female")),
    ("Sex: Female and male.", sex("FEMALE", "Sex: Female")),
    ("Sex: Female (men may be enrolled at the investigator's discretion).", sex("FEMALE", "Sex: Female")),
    ("Sex: Female, other than males with lupus nephritis.", sex("FEMALE", "Sex: Female")),
    ("Sex: Female, except in the extension cohort.", sex("FEMALE", "Sex: Female")),
    ("Sex: Female (unless approved by the sponsor)", sex("FEMALE", "Sex: Female")),
    ("Sex: Male (unless the sponsor agrees otherwise)", sex("MALE", "Sex: Male")),
    ("Sex: Male; women are eligible as well.", sex("MALE", "Sex: Male")),
    ("Female patients; male patients are also eligible.", sex("FEMALE", "Female")),
    ("Sex: Female (extension cohort only)", sex("FEMALE", "Sex: Female")),
    ("Sex: Female (in Part B)", sex("FEMALE", "Sex: Female")),
    (
        "Healthy volunteers: No; healthy volunteers may join the extension cohort.",
        volunteers("false", "Healthy volunteers: No"),
    ),
    ("Healthy volunteers: No (healthy controls may also enrol)", volunteers("false", "Healthy volunteers: No")),
    ("Accepts Healthy Volunteers: No (except in the sub-study)", volunteers("false", "Accepts Healthy Volunteers: No")),
    ("No healthy volunteers, except in the extension cohort.", volunteers("false", "No healthy volunteers")),
    ("Accepts Healthy Volunteers: Yes (sub-study only)", volunteers("true", "Accepts Healthy Volunteers: Yes")),
]


@pytest.mark.parametrize(("line", "fields"), WIDENED_TERMS)
def test_a_term_its_sentence_widens_is_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Sex: Female", sex("FEMALE", "Sex: Female")),
        ("Sex: All", sex("ALL", "Sex: All")),
        ("Male or female, aged 18-70", sex("ALL", "Male or female")),
        ("Sex: Male only", sex("MALE", "Sex: Male")),
        ("Gender: Female (male patients are excluded)", sex("FEMALE", "Gender: Female")),
        ("Sex: Female; male patients are not eligible.", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (women of childbearing potential must use contraception)", sex("FEMALE", "Sex: Female")),
        ("Sex: Female; male partners must also use contraception.", sex("FEMALE", "Sex: Female")),
        ("Sex: Female. Males with SLE are also rare.", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (all cohorts)", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (only patients with SLE)", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (except pregnant or breastfeeding women)", sex("FEMALE", "Sex: Female")),
        ("Sex: Female, unless postmenopausal for 12 months", sex("FEMALE", "Sex: Female")),
        ("Healthy volunteers: No", volunteers("false", "Healthy volunteers: No")),
        ("Healthy volunteers: No; healthy volunteers are excluded.", volunteers("false", "Healthy volunteers: No")),
        ("Accepts Healthy Volunteers: No", volunteers("false", "Accepts Healthy Volunteers: No")),
        ("Accepts Healthy Volunteers: Yes", volunteers("true", "Accepts Healthy Volunteers: Yes")),
        ("Accepts Healthy Volunteers: Yes (all cohorts)", volunteers("true", "Accepts Healthy Volunteers: Yes")),
    ],
)
def test_a_term_beside_words_that_widen_nothing_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""
