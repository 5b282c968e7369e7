"""A hostile review of helper-7's reading of a limit's condition (scopes.py, retracted._BACK_WORDS) and helper-8's one
heading reader (criteria_text.HEADING, list_sides, binding; the importer's leftovers).

Helper-7, honest records refused (each passed before helper-7's commits, with no condition, and was refused E524 or
E508 after them):

1. scopes._NOT_ON read any "not taking", "not using", "not given", "not on" with a word after it as the patients not
   on a drug: "Hemoglobin < 8 g/dL, not taking into account values after transfusion", "Platelets < 50,000/mm³ not
   using automated counts", "INR > 1.5 not given as a ratio", "not on repeat testing" asked for a condition. After
   "taking", "using", "given" a drug is named now (_DRUG), and after any of them not the value's readings (_READINGS).
2. scopes._ruled_out read a bracket leaving the value's readings out as a condition ruled out: "(measurements during
   acute infection excluded)", "SLEDAI-2K ≥ 6 (nephritis items excluded)", "(points for nephritis excluded)": the
   measure's own terms. Readings' words (_READ) end what it reads, as patients' do.
3. scopes._OPENS_AFTER / _OPENS_BEFORE read "once", "as long as", "provided that" ... opening a clause that says
   only when the value is read: "once results are available", "as long as the value is confirmed", "once it has
   been confirmed on repeat testing", "Once results are available, ALT > ...". A clause of no condition whose verb
   says the value is read, confirmed, available (_ONLY_READ) opens none; nor does an opener before the limit
   followed by such words or the protocol's say ("When measured by CKD-EPI, eGFR < 30", "Unless otherwise
   specified, ...", "In case of doubt, ...": _NO_CONDITION_NAMED).
4. In an inclusion criterion, a bare absence in brackets ("SLEDAI-2K ≥ 6 (no evidence of active nephritis)") is
   another requirement of every patient, as "and no evidence of ..." is (_JOINED_BY_AND): it was asked as the
   limit's condition.
5. retracted._BACK_WORDS read "(not applicable ...)" as the limit taken back unless "to", "in" or "for" followed:
   "(not applicable if Gilbert's syndrome)", "(... when due to ...)", "(... among patients with ...)", "(N/A in
   Gilbert's syndrome)" were E508 whatever the record held. kept_out.NOT_APPLYING_TO names the words of whom, where
   and when, for retracted and scopes._PERMISSION alike.
6. scopes._CONDITION_EXCEPTION read an exception named as none as one ("Exception: none.", "Exceptions are not
   permitted."), and _OPENS_AFTER "barring" a support ("; barring transfusion", the measure's terms as "without
   transfusion" is).

Helper-7, false passes next to what was fixed (each passed with no condition): "w/o hepatitis", "& no evidence of",
"and there's no evidence of", "(hepatitis ruled-out)", "without anti-coagulation", "without LMWH", "without being on
anticoagulants", "without concomitant use of anticoagulants", "once hepatitis excluded", "(Gilbert's syndrome
excepted)" (and a record holding it refused, E518), "(Gilbert's syndrome not exclusionary)", "Exemption: ...",
"(exempt: ...)"; and, after this review's readings of the value's own terms, "once HBsAg is confirmed negative".

Helper-8: "Inclusion in another trial: within 30 days", an exclusion criterion, read as an inclusion list's heading
(criteria_text.HEADING's words for whom after the bare list word): an age after it in a plain source was an
inclusion's, and the criteria under it inclusion criteria. And words naming whom after a lone heading's dash, with no
line under the heading, were read as a group of no criteria and lost ("Exclusion Criteria - Pregnant Women").

A condition ruled out set off by a dash ("ALT > 3 ×ULN – hepatitis excluded"), left here as a strict xfail, is read
since helper-12 (tests/test_attacks_helper12_sentence_ends.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import LIMITS, Trials, limit_codes

BY_MEASURE = LIMITS
_codes = limit_codes


# 1.-4. Honest records: the limit holds for every patient, and its threshold holds no condition
@pytest.mark.parametrize(
    ("text", "side"),
    [
        # 1. the value's readings, not a drug the patients are not on
        ("Hemoglobin < 8 g/dL, not taking into account values after transfusion", "exclusion"),
        ("SLEDAI-2K ≥ 6 not taking into account serology", "inclusion"),
        ("Platelets < 50,000/mm³ not using automated counts", "exclusion"),
        ("INR > 1.5 ×ULN not using point-of-care devices", "exclusion"),
        ("INR > 1.5 ×ULN, not given as a ratio", "exclusion"),
        ("Platelets < 50,000/mm³ not on repeat testing", "exclusion"),
        # 2. the value's readings left out
        ("Hemoglobin < 8 g/dL (measurements during acute infection excluded)", "exclusion"),
        ("Hemoglobin < 8 g/dL (values during infection ruled out)", "exclusion"),
        ("SLEDAI-2K ≥ 6 (points for nephritis excluded)", "inclusion"),
        ("SLEDAI-2K ≥ 6 (nephritis items excluded)", "inclusion"),
        # 3. only when the value is read
        ("Platelets < 50,000/mm³ once it has been confirmed on repeat testing", "exclusion"),
        ("ALT > 3 ×ULN at screening, once results are available", "exclusion"),
        ("ALT > 3 ×ULN, once the central laboratory results are available", "exclusion"),
        ("ALT > 3 ×ULN once values are confirmed", "exclusion"),
        ("ALT > 3 ×ULN as long as the value is confirmed", "exclusion"),
        ("Once results are available, ALT > 3 ×ULN", "exclusion"),
        # 3. (or opening the limit's sentence: how the value is read, the protocol's say)
        ("When measured by CKD-EPI, eGFR < 30 mL/min", "exclusion"),
        ("Once confirmed, Platelets < 50,000/mm³", "exclusion"),
        ("In case of doubt, ALT > 3 ×ULN", "exclusion"),
        ("Unless otherwise specified, ALT > 3 ×ULN", "exclusion"),
        # 6. an exception said to be none; a support barred, the measure's own terms
        ("Hemoglobin < 8 g/dL. Exceptions are not permitted.", "exclusion"),
        ("ALT > 3 ×ULN; exception: none", "exclusion"),
        ("Hemoglobin < 8 g/dL. Exception: none.", "exclusion"),
        ("Hemoglobin < 8 g/dL; barring transfusion", "exclusion"),
        # 4. another requirement of an inclusion criterion
        ("SLEDAI-2K ≥ 6 (no evidence of active nephritis)", "inclusion"),
        ("SLEDAI-2K ≥ 6 (absence of active nephritis)", "inclusion"),
        ("SLEDAI-2K ≥ 6 & no evidence of active nephritis", "inclusion"),
    ],
)
def test_a_limit_of_every_patient_asks_no_condition(trials: Trials, text: str, side: str) -> None:
    assert _codes(trials, text, side=side) == set(), text


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # (the classes' own cases still ask theirs)
        ("INR > 1.5 ×ULN not taking warfarin", "not taking warfarin"),
        ("INR > 1.5 ×ULN not using anticoagulants", "not using anticoagulants"),
        ("INR > 1.5 ×ULN not given heparin", "not given heparin"),
        ("ALT > 3 ×ULN once hepatitis is confirmed", "once hepatitis is confirmed"),
        ("ALT > 3 ×ULN (hepatitis excluded by testing)", "hepatitis excluded by testing"),
        ("When hepatitis is excluded, ALT > 3 ×ULN", "When hepatitis is excluded"),
        # (a finding after the participle is a condition: _CHECKED_ONLY)
        ("ALT > 3 ×ULN once HBsAg is confirmed negative", "once HBsAg is confirmed negative"),
        ("ALT > 3 ×ULN as long as HBsAg is confirmed negative", "as long as HBsAg is confirmed negative"),
        ("When tested positive for HBV, ALT > 3 ×ULN", "When tested positive for HBV"),
        ("Unless due to Gilbert's syndrome, Total bilirubin > 2 mg/dL", "Unless due to Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL. Exception: Gilbert's syndrome.", "Exception: Gilbert's syndrome"),
        ("ALT > 3 ×ULN barring hepatitis", "barring hepatitis"),
        # 5. not applicable to whom, where or when: a condition, not the limit taken back
        ("Total bilirubin > 2 mg/dL (not applicable if Gilbert's syndrome)", "not applicable if Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (N/A in Gilbert's syndrome)", "N/A in Gilbert's syndrome"),
        (
            "Total bilirubin > 2 mg/dL (not applicable when due to Gilbert's syndrome)",
            "not applicable when due to Gilbert's syndrome",
        ),
        (
            "Total bilirubin > 2 mg/dL (not applicable among patients with Gilbert's syndrome)",
            "not applicable among patients with Gilbert's syndrome",
        ),
        # false passes: other spellings of the fixed classes
        ("ALT > 3 ×ULN w/o hepatitis", "w/o hepatitis"),
        ("ALT > 3 ×ULN w/o evidence of hepatitis", "w/o evidence of hepatitis"),
        ("ALT > 3 ×ULN & no evidence of hepatitis", "& no evidence of hepatitis"),
        ("ALT > 3 ×ULN and there's no evidence of hepatitis", "and there's no evidence of hepatitis"),
        ("ALT > 3 ×ULN (hepatitis ruled-out)", "hepatitis ruled-out"),
        ("INR > 1.5 ×ULN without anti-coagulation", "without anti-coagulation"),
        ("INR > 1.5 ×ULN without LMWH", "without LMWH"),
        ("INR > 1.5 ×ULN w/o anticoagulation", "w/o anticoagulation"),
        ("INR > 1.5 ×ULN without being on anticoagulants", "without being on anticoagulants"),
        ("INR > 1.5 ×ULN without concomitant use of anticoagulants", "without concomitant use of anticoagulants"),
        ("ALT > 3 ×ULN once hepatitis excluded", "once hepatitis excluded"),
        ("Total bilirubin > 2 mg/dL (Gilbert's syndrome excepted)", "Gilbert's syndrome excepted"),
        ("Total bilirubin > 2 mg/dL (Gilbert's syndrome not exclusionary)", "Gilbert's syndrome not exclusionary"),
        ("Total bilirubin > 2 mg/dL. Exemption: Gilbert's syndrome.", "Exemption: Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (exempt: Gilbert's syndrome)", "exempt: Gilbert's syndrome"),
    ],
)
def test_a_limits_condition_is_asked_and_its_record_passes(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    "text",
    [
        "Total bilirubin > 2 mg/dL (not applicable)",
        "Total bilirubin > 2 mg/dL (N/A)",
        "Total bilirubin > 2 mg/dL (not applicable as of amendment 3)",
    ],
)
def test_a_limit_not_applicable_to_no_one_named_is_taken_back(trials: Trials, text: str) -> None:
    assert _codes(trials, text) == {"E508"}, text


# (read since helper-12: a dash sets off what is ruled out as a comma does, scopes._SET_OFF and clause_start)
@pytest.mark.parametrize("dash", ["–", "-"])
def test_a_condition_ruled_out_after_a_dash_is_asked(trials: Trials, dash: str) -> None:
    text = f"ALT > 3 ×ULN {dash} hepatitis excluded"
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, ("hepatitis excluded",)) == set(), text


# Helper-8: a criterion naming the act of including read as a list's heading. criteria_text.HEADING read the
# words after a list's word as for whom the list is ("Exclusion criteria for adult participants:") after the bare
# word too, and the importer's _HEADING read "in ..." as a part's words after it: "Inclusion in another trial:
# within 30 days", an exclusion criterion, headed an inclusion list. binding read an "Age > 75 years" after it in
# a plain source as an inclusion's (a minimum age of 75; before helper-8 only "... criteria" headed a list there),
# list_sides read the criteria under it as inclusion criteria, and the importer listed them as such. Words for
# whom follow "criteria" or a plural now ("Exclusions for adolescents:").
INCLUDED_ELSEWHERE = [
    "Inclusion in another trial: within 30 days",
    "Inclusion in any other interventional study: current",
    "Inclusion for a second CAR-T infusion: any",
]


def _ctx(text: str) -> Any:
    from types import SimpleNamespace

    from sle_trials.reading import layouts

    docs = [layouts.SourceDoc("seeds/0.txt", layouts.PLAIN, layouts.normalise(text))]
    return SimpleNamespace(docs=docs, texts=lambda doc, path: [doc.text], under_headings=None)


@pytest.mark.parametrize("criterion", INCLUDED_ELSEWHERE)
def test_an_age_after_a_criterion_naming_an_inclusion_stays_an_exclusions(criterion: str) -> None:
    from sle_trials.checks.binding import ages

    text = f"Exclusion criteria: Prior CAR-T. {criterion}. Age > 75 years."
    assert ages._excluding(_ctx(text), ("eligibility", "minimum_age"), "Age > 75 years"), text


@pytest.mark.parametrize("criterion", INCLUDED_ELSEWHERE)
@pytest.mark.parametrize("mark", ["* ", "2. ", ""])
def test_a_criterion_naming_an_inclusion_heads_no_list(criterion: str, mark: str) -> None:
    from sle_trials.reading import criteria_text, layouts, list_sides

    text = (
        "Inclusion Criteria:\n\n* Adults with SLE\n\nExclusion Criteria:\n\n"
        f"{'1. ' if mark == '2. ' else '* '}Prior CAR-T\n{mark}{criterion}\n{'3. ' if mark == '2. ' else '* '}"
        "Age > 75 years"
    )
    found = criteria_text.split(text)
    assert [c["text"] for c in found.inclusion] == ["Adults with SLE"], text
    assert [c["text"] for c in found.exclusion] == ["Prior CAR-T", criterion, "Age > 75 years"], text
    sides = [s.side for s in list_sides.stretches(text, layouts.normalise(text))]
    assert sides == ["inclusion", "exclusion"], text


@pytest.mark.parametrize(
    "heading",
    ["Exclusion criteria for adult participants:", "Exclusions for adolescents:", "Exclusion Criteria for Part B:"],
)
def test_a_heading_for_whom_still_heads_its_list(heading: str) -> None:
    from sle_trials.reading import criteria_text

    found = criteria_text.split(f"Inclusion Criteria:\n\n* Adults with SLE\n\n{heading}\n\n* Pregnancy")
    assert [c["text"] for c in found.exclusion] == ["Pregnancy"], heading


# Helper-8: words naming whom after a lone heading's dash, with no line under the heading. 9cc0518 read them as a
# group of the list ("Inclusion Criteria - Adolescents" over its criteria); where the heading heads nothing, the
# group had no criteria and the words were lost: "Inclusion Criteria - Adults With Active SLE" / "Exclusion
# Criteria - Pregnant Women" imported no criterion at all, with no remark, while "EXCLUSION CRITERIA - PREGNANCY"
# beside it was one. A heading no line stands under (criteria_text.cohorts.heads_nothing) reads them as its criterion.
@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            "Inclusion Criteria - Adults With Active SLE\n\nExclusion Criteria - Pregnant Women",
            ["Adults With Active SLE"],
            ["Pregnant Women"],
        ),
        ("INCLUSION CRITERIA - ADULTS WITH SLE\n\nEXCLUSION CRITERIA - PREGNANCY", ["ADULTS WITH SLE"], ["PREGNANCY"]),
        (
            "Inclusion Criteria:\n\n* SLE\n\nExclusion Criteria - Women Who Are Breastfeeding\n",
            ["SLE"],
            ["Women Who Are Breastfeeding"],
        ),
    ],
)
def test_words_naming_whom_after_a_heading_of_nothing_are_its_criterion(
    text: str, inclusion: list[str], exclusion: list[str]
) -> None:
    from sle_trials.reading import criteria_text

    found = criteria_text.split(text)
    assert [c["text"] for c in found.inclusion] == inclusion, text
    assert [c["text"] for c in found.exclusion] == exclusion, text


def test_words_naming_whom_over_a_list_still_name_its_group() -> None:
    from sle_trials.reading import criteria_text

    found = criteria_text.split("Inclusion Criteria - Adolescents\n\n* Aged 12\n\nExclusion Criteria:\n\n* HIV")
    assert found.inclusion == [{"group": "Inclusion Criteria - Adolescents", "text": "Aged 12"}]


@pytest.mark.parametrize(
    "criteria",
    [
        "Inclusion Criteria - Adults With Active SLE\n\nExclusion Criteria - Pregnant Women",
        "Inclusion Criteria:\n\n* Adults with SLE\n\nExclusion Criteria:\n\n* Prior CAR-T\n"
        "* Inclusion in another trial: within 30 days\n* Age > 75 years",
    ],
)
def test_the_imported_draft_holds_each_criterion_on_its_side(
    trials: Trials, registry: Path, tmp_path: Path, criteria: str
) -> None:
    from test_import_helper8_leftovers import _imported

    eligibility = _imported(trials, registry, criteria, tmp_path)["eligibility"]
    listed = (
        [c["text"] for c in eligibility["inclusion_criteria"]],
        [c["text"] for c in eligibility["exclusion_criteria"]],
    )
    assert listed in (
        (["Adults With Active SLE"], ["Pregnant Women"]),
        (["Adults with SLE"], ["Prior CAR-T", "Inclusion in another trial: within 30 days", "Age > 75 years"]),
    ), listed
