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

An age range that names the women a contraception rule is for ("Women aged 18 to 50 years of
childbearing potential must use contraception") bound its minimum, though not its maximum: the words
after the range were read after its second end only. lexicon reads a range's two ends as one statement
now, in binding and in age_bounds.ages, which the silence check reads (its maximum declared silent was
asked for a note, E523). A range whose requirement is the trial's disease ("Patients aged 18 to 65
years must have active SLE") names who enrols, and binds both ends.

An age bound the words after it in its sentence widen, letting in those beyond it ("Age 18 to 65
years; older patients may be enrolled at the investigator's discretion": age_bounds.widened), make an
exception to ("Age 18 to 65 years, except in the extension cohort"), or give of a part beside the
trial's own ("Adolescents aged 12 to 17 years may enrol in the extension cohort") bound its age.
The words are kept_out's, read for a sex and an age alike.

An age of another study, named before the age in its sentence as its setting or its subject ("In the
pilot study, patients aged 12 years or older were treated.", "The earlier trial enrolled patients
aged 12 years or older.") or as where its patients were treated ("... were enrolled in an earlier
study"), bound its age: age_bounds._of_another_study reads it, with prose's words for another study
(age_bounds.ANOTHER). A study the patients took part in, named in a criterion ("Patients aged 18 to 65
years, not included in another trial"), leaves the age the trial's.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import FIXTURES, Trials, age_fields, im19_out, imported_codes, study_imported, term_fields
from sle_trials.reading.lexicon import age_bounds


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
    ("Sex: Female (Part B only)", sex("FEMALE", "Sex: Female")),
    (
        "Healthy volunteers: No; healthy volunteers may join the extension cohort.",
        volunteers("false", "Healthy volunteers: No"),
    ),
    ("Healthy volunteers: No (healthy controls may also enrol)", volunteers("false", "Healthy volunteers: No")),
    ("Accepts Healthy Volunteers: No (except in the sub-study)", volunteers("false", "Accepts Healthy Volunteers: No")),
    ("No healthy volunteers, except in the extension cohort.", volunteers("false", "No healthy volunteers")),
    ("Accepts Healthy Volunteers: Yes (sub-study only)", volunteers("true", "Accepts Healthy Volunteers: Yes")),
    # (the next sentence, opening on the group it leaves out, lets it in; an exception by its noun)
    ("Sex: Female. Male patients with lupus nephritis are also eligible.", sex("FEMALE", "Sex: Female")),
    ("Sex: Female. However, men may be enrolled.", sex("FEMALE", "Sex: Female")),
    (
        "Healthy volunteers: No. Healthy volunteers may join the sub-study.",
        volunteers("false", "Healthy volunteers: No"),
    ),
    ("Gender: Female only; exceptions may be granted for men.", sex("FEMALE", "Gender: Female")),
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
        ("Sex: Female. Male patients are not eligible.", sex("FEMALE", "Sex: Female")),
        ("Sex: Female. Male partners must use contraception.", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (no exceptions)", sex("FEMALE", "Sex: Female")),
        ("Sex: Female. Patients must be at least 18 years old.", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (all cohorts)", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (in all cohorts)", sex("FEMALE", "Sex: Female")),
        ("Sex: Female (across both parts)", sex("FEMALE", "Sex: Female")),
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


# --- an age range of a subgroup ---------------------------------------------------------------------

CONTRACEPTION = "Women aged 18 to 50 years of childbearing potential must use contraception."


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (CONTRACEPTION, age_fields("minimum_age", 18, "Women aged 18 to 50 years")),
        (CONTRACEPTION, age_fields("maximum_age", 50, "Women aged 18 to 50 years")),
        (
            "Patients aged 60 to 75 years will receive half the dose.",
            age_fields("minimum_age", 60, "aged 60 to 75 years"),
        ),
        # (a relative clause naming the subgroup)
        (
            "Women aged 18 to 45 years who are of childbearing potential must use contraception.",
            age_fields("minimum_age", 18, "aged 18 to 45 years"),
        ),
        (
            "Women aged 18 to 45 years who can become pregnant must use contraception.",
            age_fields("maximum_age", 45, "aged 18 to 45 years"),
        ),
    ],
)
def test_both_ends_of_a_subgroups_age_range_are_no_bound(trials: Trials, line: str, fields: str) -> None:
    assert " E508 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Age 18 to 65 years", age_fields("minimum_age", 18, "Age 18 to 65 years")),
        ("Age 18 to 65 years", age_fields("maximum_age", 65, "Age 18 to 65 years")),
        (
            "Women aged 18 to 50 years of childbearing potential are eligible.",
            age_fields("minimum_age", 18, "18 to 50 years"),
        ),
        ("Aged 18-75 years, must meet 2019 EULAR/ACR criteria", age_fields("maximum_age", 75, "Aged 18-75 years")),
        (
            "Patients aged 18 to 65 years must have active SLE.",
            age_fields("minimum_age", 18, "Patients aged 18 to 65 years"),
        ),
        (
            "Patients aged 18 to 65 years must have active SLE.",
            age_fields("maximum_age", 65, "Patients aged 18 to 65 years"),
        ),
        (
            "Patients aged 18 to 65 years must be diagnosed with SLE.",
            age_fields("maximum_age", 65, "Patients aged 18 to 65 years"),
        ),
    ],
)
def test_an_age_range_of_who_enrols_binds_both_ends(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


@pytest.mark.parametrize(
    ("said", "ages"),
    [
        (CONTRACEPTION, [(None, 18), (None, 50)]),
        ("Patients aged 18 to 65 years must have active SLE.", [("min", 18), ("max", 65)]),
        ("Women aged 18 to 50 years of childbearing potential are eligible.", [("min", 18), ("max", 50)]),
    ],
)
def test_lexicon_reads_a_ranges_ends_as_one(said: str, ages: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(said)] == ages


@pytest.mark.parametrize("field", ["minimum_age", "maximum_age"])
def test_a_subgroups_age_range_leaves_an_age_silent(tmp_path_factory: pytest.TempPathFactory, field: str) -> None:
    """The fixture study whose only age criterion is a contraception rule's, its age dropped and declared
    silent: no note is asked for (E523), as binding reads no bound there either."""
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    module = doc["protocolSection"]["eligibilityModule"]
    module["eligibilityCriteria"] = f"Inclusion Criteria:\n\n1. Active SLE.\n2. {CONTRACEPTION}\n"
    del module["minimumAge"], module["maximumAge"]
    checker, data = study_imported(tmp_path_factory, doc)
    data = copy.deepcopy(data)
    curation = data["curation"]
    dotted = f"eligibility.{field}"
    curation["not_yet_curated"] = [f for f in curation["not_yet_curated"] if f != dotted]
    curation["silent"] = [f for f in curation["silent"] if f != dotted] + [dotted]
    curation["notes"] = [n for n in curation.get("notes", []) if n.get("field") != dotted]
    data["eligibility"].pop(field, None)
    assert "E523" not in imported_codes(checker, data)


# --- an age bound widened, excepted, or of a part beside the trial ----------------------------------

WIDENED_AGES = [
    (
        "Age 18 to 65 years; older patients may be enrolled at the investigator's discretion.",
        age_fields("maximum_age", 65, "Age 18 to 65 years"),
    ),
    ("Age 18 to 65 years; patients over 65 years may also enrol.", age_fields("maximum_age", 65, "Age 18 to 65 years")),
    (
        "Aged 18 years or older; adolescents aged 12 to 17 years may also enrol.",
        age_fields("minimum_age", 18, "Aged 18 years or older"),
    ),
    ("Age ≥ 18 years (younger patients are eligible with consent).", age_fields("minimum_age", 18, "Age ≥ 18 years")),
    ("Age 18 to 65 years, except in the extension cohort.", age_fields("maximum_age", 65, "Age 18 to 65 years")),
    ("Age 18 to 65 years (unless approved by the sponsor).", age_fields("minimum_age", 18, "Age 18 to 65 years")),
    (
        "Adolescents aged 12 to 17 years may enrol in the extension cohort.",
        age_fields("minimum_age", 12, "aged 12 to 17 years"),
    ),
    ("Age 12 to 17 years (extension cohort only)", age_fields("minimum_age", 12, "Age 12 to 17 years")),
    ("Age 12 to 17 years (sub-study only)", age_fields("maximum_age", 17, "Age 12 to 17 years")),
]


@pytest.mark.parametrize(("line", "fields"), WIDENED_AGES)
def test_an_age_its_sentence_widens_is_no_bound(trials: Trials, line: str, fields: str) -> None:
    assert " E508 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        # (the other bound stands)
        (
            "Age 18 to 65 years; older patients may be enrolled at the investigator's discretion.",
            age_fields("minimum_age", 18, "Age 18 to 65 years"),
        ),
        ("Age 18 to 65 years; older patients are excluded.", age_fields("maximum_age", 65, "Age 18 to 65 years")),
        ("Age ≥ 18 years; children are not eligible.", age_fields("minimum_age", 18, "Age ≥ 18 years")),
        ("Age 18 to 65 years (all cohorts)", age_fields("maximum_age", 65, "Age 18 to 65 years")),
        (
            "Age 18 to 50 years, unless postmenopausal for 12 months.",
            age_fields("maximum_age", 50, "Age 18 to 50 years"),
        ),
        (
            "Age ≥ 18 years. Adolescents may join the extension cohort.",
            age_fields("minimum_age", 18, "Age ≥ 18 years"),
        ),
        (
            "Patients aged 18 years or older, including elderly patients, are eligible.",
            age_fields("minimum_age", 18, "aged 18 years or older"),
        ),
        ("Male or female, aged 18-70 years", age_fields("minimum_age", 18, "aged 18-70 years")),
    ],
)
def test_an_age_beside_words_that_widen_nothing_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


@pytest.mark.parametrize(
    ("said", "ages"),
    [
        (
            "Age 18 to 65 years; older patients may be enrolled at the investigator's discretion.",
            [("min", 18)],
        ),
        ("Age 18 to 65 years, except in the extension cohort.", []),
        ("Age 18 to 65 years; older patients are excluded.", [("min", 18), ("max", 65)]),
    ],
)
def test_lexicon_reads_an_age_widened_as_no_bound(said: str, ages: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(said) if a.bound] == ages


# --- an age of another study --------------------------------------------------------------------------

ANOTHER_STUDYS_AGES = [
    # (or a part beside the trial, or a time before the protocol in force, as the sentence's setting)
    (
        "In the open-label extension, patients aged 12 years or older may enrol.",
        age_fields("minimum_age", 12, "patients aged 12 years or older"),
    ),
    (
        "Previously, patients aged 12 years or older were eligible.",
        age_fields("minimum_age", 12, "patients aged 12 years or older"),
    ),
    (
        "Under the original protocol, patients aged 12 to 17 years were enrolled.",
        age_fields("maximum_age", 17, "aged 12 to 17 years"),
    ),
    (
        "In the pilot study, patients aged 12 years or older were treated. Here, adults are enrolled.",
        age_fields("minimum_age", 12, "patients aged 12 years or older"),
    ),
    (
        "The earlier trial enrolled patients aged 12 years or older.",
        age_fields("minimum_age", 12, "patients aged 12 years or older"),
    ),
    ("A previous study treated patients aged 12 to 17 years.", age_fields("maximum_age", 17, "aged 12 to 17 years")),
    (
        "In a prior trial of IM19, patients aged 12 years or older were enrolled.",
        age_fields("minimum_age", 12, "patients aged 12 years or older"),
    ),
    (
        "During the sponsor's earlier study, adolescents aged 12 to 17 years received IM19.",
        age_fields("minimum_age", 12, "aged 12 to 17 years"),
    ),
    (
        "Patients aged 12 years or older were enrolled in an earlier study of IM19.",
        age_fields("minimum_age", 12, "Patients aged 12 years or older"),
    ),
]


@pytest.mark.parametrize(("line", "fields"), ANOTHER_STUDYS_AGES)
def test_an_age_of_another_study_is_no_bound(trials: Trials, line: str, fields: str) -> None:
    assert " E508 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "Patients aged 18 to 65 years, not included in another trial.",
            age_fields("minimum_age", 18, "Patients aged 18 to 65 years"),
        ),
        (
            "Patients aged 18 to 65 years, not included in another trial.",
            age_fields("maximum_age", 65, "Patients aged 18 to 65 years"),
        ),
        (
            "Patients who have not participated in another trial, aged 18 to 65 years.",
            age_fields("minimum_age", 18, "aged 18 to 65 years"),
        ),
        (
            "Patients aged 18 to 65 years who were treated in a prior study may enrol.",
            age_fields("minimum_age", 18, "Patients aged 18 to 65 years"),
        ),
        (
            "In this study, patients aged 18 to 65 years will be enrolled.",
            age_fields("minimum_age", 18, "patients aged 18 to 65 years"),
        ),
        (
            "In the pilot study, patients aged 18 to 65 years will be enrolled.",
            age_fields("minimum_age", 18, "patients aged 18 to 65 years"),
        ),
        ("Other study requirements: age 18 to 65 years.", age_fields("minimum_age", 18, "age 18 to 65 years")),
        (
            "Previously treated patients aged 18 to 65 years.",
            age_fields("minimum_age", 18, "patients aged 18 to 65 years"),
        ),
        (
            "In the main study, patients aged 18 to 65 years are enrolled.",
            age_fields("minimum_age", 18, "patients aged 18 to 65 years"),
        ),
        (
            "An earlier trial enrolled adolescents. Patients aged 18 to 65 years are eligible.",
            age_fields("minimum_age", 18, "Patients aged 18 to 65 years"),
        ),
    ],
)
def test_an_age_beside_another_study_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- an age bound a later age of its sentence passes ------------------------------------------------

PASSED_AGES = [
    ("Minimum age: 18 years (16 years with parental consent)", age_fields("minimum_age", 18, "Minimum age: 18 years")),
    (
        "Maximum age: 65 years (70 years at the investigator's discretion)",
        age_fields("maximum_age", 65, "Maximum age: 65 years"),
    ),
    (
        "Age 18 to 65 years, or up to 70 years with sponsor approval.",
        age_fields("maximum_age", 65, "Age 18 to 65 years"),
    ),
    ("Age ≥ 18 years (≥ 12 years in China)", age_fields("minimum_age", 18, "Age ≥ 18 years")),
    (
        "Adolescents aged 12 to 17 years or adults aged 18 to 65 years.",
        age_fields("maximum_age", 17, "aged 12 to 17 years"),
    ),
]


@pytest.mark.parametrize(("line", "fields"), PASSED_AGES)
def test_an_age_a_later_age_passes_is_no_bound(trials: Trials, line: str, fields: str) -> None:
    assert " E508 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Age ≥ 18 years, SLE for at least 6 years.", age_fields("minimum_age", 18, "Age ≥ 18 years")),
        (
            "Age 18 to 65 years; patients over 70 years are excluded.",
            age_fields("maximum_age", 65, "Age 18 to 65 years"),
        ),
        (
            "Age 18 to 65 years, diagnosed with SLE before age 16 years.",
            age_fields("minimum_age", 18, "Age 18 to 65 years"),
        ),
        (
            "Age ≥ 18 years; for patients under 16 years, weight ≥ 40 kg.",
            age_fields("minimum_age", 18, "Age ≥ 18 years"),
        ),
        ("Age ≥ 18 years, SLEDAI-2K ≥ 6.", age_fields("minimum_age", 18, "Age ≥ 18 years")),
        (
            "Age 18 to 70 years; women aged 18 to 50 years of childbearing potential must use contraception.",
            age_fields("maximum_age", 70, "Age 18 to 70 years"),
        ),
        ("Minimum Age: 18 Years Maximum Age: 65 Years", age_fields("maximum_age", 65, "Maximum Age: 65 Years")),
        (
            "Adolescents aged 12 to 17 years or adults aged 18 to 65 years.",
            age_fields("maximum_age", 65, "aged 18 to 65 years"),
        ),
    ],
)
def test_an_age_no_later_age_passes_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


@pytest.mark.parametrize(
    ("said", "ages"),
    [
        ("Minimum age: 18 years (16 years with parental consent)", []),
        ("2. Age < 18 years or > 75 years.", [("max", 18), ("min", 75)]),
        ("Minimum age 60 years; maximum age 50 years.", [("min", 60), ("max", 50)]),
    ],
)
def test_lexicon_reads_an_age_a_later_age_passes_as_no_bound(said: str, ages: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(said) if a.bound] == ages
