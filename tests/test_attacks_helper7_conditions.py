"""A limit's condition worded in ways scopes.py did not read as one (helper-7): each passed with a threshold that
held no condition, as every patient's limit (E524 now), and the honest record holding it passes; and (7) one read
where its criterion states none.

1. An absence joined to the limit by "and" or "but" ("ALT > 3 × ULN and no evidence of hepatitis", "but no sign of
   ...", "and no autoimmune hepatitis"): scopes._ABSENCE read "without", "with no", "there is no", not a bare "no"
   after "and" (scopes._AND_NONE now, in an exclusion criterion only: in an inclusion one both are asked of every
   patient, another requirement). "and not due to hepatitis" was required but refused whole (E528: "and" opened
   no clause, scopes._OPENER).
2. A bare condition in brackets after the limit: "(hepatitis excluded)", "(absence of hepatitis)", "(no
   hepatitis)", "(Gilbert's syndrome ruled out)" passed with no condition, and a record holding one was refused
   as an aside of the limit's words (E518, scopes.aside). scopes._IN_BRACKETS reads them; not "(patients with
   ... are excluded)", a rule of who is kept out, nor a bracket naming no condition ("(serology excluded)").
   In square brackets, or set off by a comma and ending its clause ("ALT > 3 × ULN, hepatitis excluded"), they
   passed too.
3. Words other than "if" opening a condition after the limit in its sentence: "barring X", "once X is
   excluded", "provided (that) X is ...", "as long as", "on condition that", "after X has been ruled out",
   "following exclusion of X", ", when X ..." (scopes._OPENS_AFTER; "if" and words right after the quote were
   read before: thresholds._JOINED). Not "as provided by", "measured once", "after screening".
4. An exception named as one: "Exception: Gilbert's syndrome." as the next item of the limit's list or its next
   sentence, "; exception: ...", "(exception: ...)", "with the exception of ..." (scopes._CONDITION_EXCEPTION);
   and a permission in other words: "Gilbert's syndrome is an exception", "(... exempt)", "is not exclusionary",
   "does not apply in ...", "(not applicable in ...)" (scopes._PERMISSION; retracted._BACK_WORDS read the last as
   the limit taken back, E508 whatever the record held).
5. A condition opening the limit's sentence before it that is no absence: "Unless due to Gilbert's syndrome,
   bilirubin > 2 mg/dL", "When not due to ...", "Except in ...", "Excluding ...", "Barring ...", "Once ...",
   "Provided that ..." (scopes._OPENS_BEFORE, read as _absence_before reads an absence there).
6. A drug whose use makes the values a limit reads, named as what the patients are not on: "INR > 1.5 without
   anticoagulation", "not on anticoagulants", "in the absence of anticoagulant therapy" (read as a treatment, the
   measure's own terms, as "without transfusion" is), "off warfarin", "not anticoagulated", "non-anticoagulated",
   "in patients not receiving anticoagulants" (scopes._MAKES_A_VALUE, _NOT_ON; "not" in _WHO_THEY_ARE). A
   support that lifts a value stays the measure's terms ("without transfusion", "not receiving transfusions").
7. (an honest record refused) thresholds._condition_left_out read a word joining the limit to another requirement
   ("with", "unless", "if", ...) right after its quote in the next sub-item's first word, the criterion's text
   running on into it: "a. Total bilirubin > 2 mg/dL" "b. Unless surgically sterile, women not using
   contraception." asked the bilirubin limit for a condition (E524). It reads that word in the limit's own item
   (or one above it) now.

Left here as strict xfails, and read since helper-12 (tests/test_attacks_helper12_sentence_ends.py): what is ruled
out alone in the clause after the limit's semicolon ("; hepatitis excluded": scopes._ruled_out_after, not in a
run-on list of what is kept out), and an abbreviated exception ("(excl. hepatitis)", whose stop ended the limit's
sentence: sentences.END).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Trials, threshold_out
from test_attacks_helper3_absence import _items_codes

ALT = ("LABORATORY", "ALT", ">", 3, "×ULN")
BILIRUBIN = ("LABORATORY", "Total bilirubin", ">", 2, "mg/dL")
HEMOGLOBIN = ("LABORATORY", "Hemoglobin", "<", 8, "g/dL")
INR = ("LABORATORY", "INR", ">", 1.5, "×ULN")
APTT = ("LABORATORY", "aPTT", ">", 1.5, "×ULN")
SLEDAI = ("DISEASE_ACTIVITY", "SLEDAI-2K", ">=", 6, "points")
BY_MEASURE = {"ALT": ALT, "Total bilirubin": BILIRUBIN, "Hemoglobin": HEMOGLOBIN, "INR": INR, "aPTT": APTT}


def _threshold(text: str) -> tuple:
    """The threshold of the measure text names first."""
    return min(((text.find(m), t) for m, t in BY_MEASURE.items() if m in text), key=lambda p: p[0])[1]


def _codes(trials: Trials, text: str, conditions: tuple[str, ...] = (), side: str = "exclusion") -> set[str]:
    """The codes `trials validate` reports of IM19's draft whose criterion 1 (side) is text, holding its threshold
    with conditions."""
    return set(re.findall(r"\bE\d{3}\b", threshold_out(trials, text, _threshold(text), conditions, side)))


def _required(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


# 1. An absence joined by "and" or "but"
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN and no evidence of hepatitis", "and no evidence of hepatitis"),
        ("ALT > 3 ×ULN and no evidence of hepatitis", "no evidence of hepatitis"),
        ("ALT > 3 ×ULN and no sign of hepatitis", "and no sign of hepatitis"),
        ("ALT > 3 ×ULN and no signs or symptoms of hepatitis", "and no signs or symptoms of hepatitis"),
        ("ALT > 3 ×ULN and no autoimmune hepatitis", "and no autoimmune hepatitis"),
        ("ALT > 3 ×ULN and absence of hepatitis", "and absence of hepatitis"),
        ("ALT > 3 ×ULN and there is no evidence of hepatitis", "and there is no evidence of hepatitis"),
        ("ALT > 3 ×ULN and with no history of liver disease", "and with no history of liver disease"),
        ("Hemoglobin < 8 g/dL but no evidence of hemolysis", "but no evidence of hemolysis"),
        ("Total bilirubin > 2 mg/dL, and no known Gilbert's syndrome", "and no known Gilbert's syndrome"),
        ("ALT > 3 ×ULN and not due to hepatitis", "and not due to hepatitis"),
        ("ALT > 3 ×ULN and not due to hepatitis", "not due to hepatitis"),
    ],
)
def test_an_absence_joined_by_and_restricts_an_exclusion_limit(trials: Trials, text: str, condition: str) -> None:
    _required(trials, text, condition)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # an inclusion criterion asks both of every patient: another requirement
        ("SLEDAI-2K ≥ 6 and no evidence of active nephritis", "inclusion"),
        ("SLEDAI-2K ≥ 6 but no sign of lupus nephritis", "inclusion"),
        ("SLEDAI-2K ≥ 6; and no evidence of active nephritis", "inclusion"),
        # another limit's words, run on from it
        ("Total bilirubin > 2 mg/dL, or ALT > 3 ×ULN and no evidence of hepatitis", "exclusion"),
        # another sentence's
        ("Hemoglobin < 8 g/dL. Anemia and no evidence of bleeding is noted.", "exclusion"),
        # "no" naming no condition
        ("ALT > 3 ×ULN and no more than 5 ×ULN", "exclusion"),
    ],
)
def test_an_and_no_of_no_condition_of_the_limit_asks_none(trials: Trials, text: str, side: str) -> None:
    if text.startswith("SLEDAI"):
        out = threshold_out(trials, text, SLEDAI, (), side)
        assert "E524" not in out, out
    else:
        assert "E524" not in _codes(trials, text, side=side), text


# 2. A bare condition in brackets
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN (hepatitis excluded)", "hepatitis excluded"),
        ("ALT > 3 ×ULN (autoimmune hepatitis having been excluded)", "autoimmune hepatitis having been excluded"),
        ("ALT > 3 ×ULN (absence of hepatitis)", "absence of hepatitis"),
        ("ALT > 3 ×ULN (in absence of hepatitis)", "in absence of hepatitis"),
        ("ALT > 3 ×ULN (no hepatitis)", "no hepatitis"),
        ("ALT > 3 ×ULN (no evidence of liver disease)", "no evidence of liver disease"),
        ("ALT > 3 ×ULN (with no sign of hepatitis)", "with no sign of hepatitis"),
        ("Total bilirubin > 2 mg/dL (Gilbert's syndrome ruled out)", "Gilbert's syndrome ruled out"),
        ("Hemoglobin < 8 g/dL (hemolysis absent)", "hemolysis absent"),
        ("Hemoglobin < 8 g/dL (hemolysis not present)", "hemolysis not present"),
        ("ALT > 3 ×ULN at screening (hepatitis excluded)", "hepatitis excluded"),
        ("ALT > 3 ×ULN (hepatitis must be excluded)", "hepatitis must be excluded"),
        ("ALT > 3 ×ULN [hepatitis excluded]", "hepatitis excluded"),
        ("ALT > 3 ×ULN [no evidence of hepatitis]", "no evidence of hepatitis"),
        ("ALT > 3 ×ULN, hepatitis excluded", "hepatitis excluded"),
        ("ALT > 3 ×ULN at screening, hepatitis having been ruled out", "hepatitis having been ruled out"),
        ("ALT > 3 ×ULN (other causes excluded)", "other causes excluded"),
        ("Hemoglobin < 8 g/dL (other etiologies ruled out)", "other etiologies ruled out"),
    ],
)
def test_a_condition_in_brackets_after_the_limit_restricts_it(trials: Trials, text: str, condition: str) -> None:
    _required(trials, text, condition)


@pytest.mark.parametrize(
    "text",
    [
        # a rule of who is kept out, not a condition of the limit
        "Total bilirubin > 2 mg/dL (patients with Gilbert's syndrome are excluded)",
        "Total bilirubin > 2 mg/dL, patients with Gilbert's syndrome excluded",
        "Total bilirubin > 2 mg/dL, Gilbert's syndrome is excluded too",
        # no condition named: the measure's terms
        "Hemoglobin < 8 g/dL (values after transfusion excluded)",
        "Hemoglobin < 8 g/dL (absence of transfusion support)",
        "Hemoglobin < 8 g/dL (no transfusion)",
        # another limit's bracket
        "Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ (ITP excluded)",
    ],
)
def test_a_bracket_of_no_condition_of_the_limit_asks_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# 3. Words other than "if" opening a condition after the limit in its sentence
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN barring hepatitis", "barring hepatitis"),
        ("ALT > 3 ×ULN, barring hepatitis", "barring hepatitis"),
        ("ALT > 3 ×ULN (barring hepatitis)", "barring hepatitis"),
        ("ALT > 3 ×ULN once hepatitis is excluded", "once hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening, once hepatitis has been ruled out", "once hepatitis has been ruled out"),
        ("ALT > 3 ×ULN provided that hepatitis is excluded", "provided that hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening, provided that hepatitis is excluded", "provided that hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening, provided hepatitis is excluded", "provided hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening, providing that hepatitis is excluded", "providing that hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening, as long as hepatitis is excluded", "as long as hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening, so long as hepatitis is excluded", "so long as hepatitis is excluded"),
        (
            "ALT > 3 ×ULN at screening, on condition that hepatitis is excluded",
            "on condition that hepatitis is excluded",
        ),
        ("ALT > 3 ×ULN at screening, if not attributable to hepatitis", "if not attributable to hepatitis"),
        ("ALT > 3 ×ULN after hepatitis has been ruled out", "after hepatitis has been ruled out"),
        ("ALT > 3 ×ULN at screening following exclusion of hepatitis", "following exclusion of hepatitis"),
        ("ALT > 3 ×ULN at screening, with hepatitis excluded", "with hepatitis excluded"),
        ("ALT > 3 ×ULN at screening, when hepatitis is excluded", "when hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening when hepatitis is excluded", "when hepatitis is excluded"),
        ("ALT > 3 ×ULN only when hepatitis is excluded", "only when hepatitis is excluded"),
        ("ALT > 3 ×ULN at screening, except when due to hepatitis", "except when due to hepatitis"),
        ("ALT > 3 ×ULN at screening, except where hepatitis is present", "except where hepatitis is present"),
        ("ALT > 3 ×ULN at screening unless hepatitis is present", "unless hepatitis is present"),
        # in the clause after its semicolon, or the next sentence
        ("ALT > 3 ×ULN; barring hepatitis", "barring hepatitis"),
        ("ALT > 3 ×ULN; provided that hepatitis is excluded", "provided that hepatitis is excluded"),
        ("ALT > 3 ×ULN. Once hepatitis is excluded.", "Once hepatitis is excluded"),
    ],
)
def test_a_condition_opened_after_the_limit_restricts_it(trials: Trials, text: str, condition: str) -> None:
    _required(trials, text, condition)


@pytest.mark.parametrize(
    "text",
    [
        "Total bilirubin > 2 mg/dL as provided by the central laboratory",
        "ALT > 3 ×ULN measured once at screening",
        "ALT > 3 ×ULN after screening",
        "ALT > 3 ×ULN, where ULN is the upper limit of normal",
        "ALT > 3 ×ULN at screening with results excluded from the analysis",
        # another limit's
        "Total bilirubin > 2 mg/dL, or ALT > 3 ×ULN barring hepatitis",
        "Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ once ITP is excluded",
        # a rule of its own after the semicolon or in the next sentence
        "Hemoglobin < 8 g/dL. Once anemia is confirmed, the test is repeated.",
        "Hemoglobin < 8 g/dL; provided that consent is given, patients are tested again.",
        "Hemoglobin < 8 g/dL. Anemia is excluded once, at screening.",
        "Hemoglobin < 8 g/dL. Unless surgically sterile, women not using contraception.",
        "Hemoglobin < 8 g/dL; unless surgically sterile, women not using contraception.",
    ],
)
def test_words_opening_no_condition_of_the_limit_ask_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


def test_a_limit_not_applicable_to_no_one_named_is_still_taken_back(trials: Trials) -> None:
    """(a bracket saying to whom the limit does not apply restricts it; one saying no more takes it back)"""
    assert _codes(trials, "Total bilirubin > 2 mg/dL (not applicable)") == {"E508"}
    assert _codes(trials, "Total bilirubin > 2 mg/dL (not applicable in Gilbert's syndrome)") == {"E524"}


# 4. An exception named as one
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Total bilirubin > 2 mg/dL. Exception: Gilbert's syndrome.", "Exception: Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL. Exceptions: Gilbert's syndrome.", "Exceptions: Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL. Exception for Gilbert's syndrome.", "Exception for Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL; exception: Gilbert's syndrome", "exception: Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (exception: Gilbert's syndrome)", "exception: Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (exception - Gilbert's syndrome)", "exception - Gilbert's syndrome"),
        (
            "Total bilirubin > 2 mg/dL with the exception of Gilbert's syndrome",
            "with the exception of Gilbert's syndrome",
        ),
        ("Total bilirubin > 2 mg/dL, the exception being Gilbert's", "exception being Gilbert's"),
        # or a permission in other words
        ("Total bilirubin > 2 mg/dL. Gilbert's syndrome is an exception.", "Gilbert's syndrome is an exception"),
        ("Total bilirubin > 2 mg/dL (Gilbert's syndrome exempt)", "Gilbert's syndrome exempt"),
        ("Total bilirubin > 2 mg/dL; Gilbert's syndrome is not exclusionary", "Gilbert's syndrome is not exclusionary"),
        ("Total bilirubin > 2 mg/dL, does not apply in Gilbert's syndrome", "does not apply in Gilbert's syndrome"),
        # (read as the limit taken back, E508 whatever the record held: retracted._BACK_WORDS)
        (
            "Total bilirubin > 2 mg/dL (not applicable in Gilbert's syndrome)",
            "not applicable in Gilbert's syndrome",
        ),
        (
            "Total bilirubin > 2 mg/dL (not applicable to patients with Gilbert's syndrome)",
            "not applicable to patients with Gilbert's syndrome",
        ),
    ],
)
def test_an_exception_named_as_one_restricts_the_limit(trials: Trials, text: str, condition: str) -> None:
    _required(trials, text, condition)


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(
    "exception",
    ["Exception: Gilbert's syndrome.", "Exceptions: patients with Gilbert's syndrome.", "Exception for Gilbert's."],
)
def test_an_exception_as_the_next_item_of_the_limits_list_is_its_condition(
    registry: Path, trials: Trials, exception: str, nested: bool
) -> None:
    items = ["Total bilirubin > 2 mg/dL", exception]
    assert _items_codes(registry, trials, items, [], nested=nested) == {"E524"}
    assert _items_codes(registry, trials, items, [exception.rstrip(".")], nested=nested) == set()


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(
    "items",
    [
        ["Total bilirubin > 2 mg/dL", "Exceptions to the visit schedule need the sponsor's approval."],
        ["Total bilirubin > 2 mg/dL", "Pregnancy is no exception."],
        ["Exception: Gilbert's syndrome.", "Total bilirubin > 2 mg/dL"],
        # an item of its own opened by a condition of its words
        ["Total bilirubin > 2 mg/dL", "Once enrolled, pregnancy."],
    ],
)
def test_an_item_speaking_of_no_exception_of_the_limit_asks_none(
    registry: Path, trials: Trials, items: list[str], nested: bool
) -> None:
    number = 1 if nested else items.index("Total bilirubin > 2 mg/dL") + 1
    assert _items_codes(registry, trials, items, [], number=number, nested=nested) == set()


# 5. A condition opening the limit's sentence before it, no absence
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Unless due to Gilbert's syndrome, Total bilirubin > 2 mg/dL", "Unless due to Gilbert's syndrome"),
        ("When not due to Gilbert's syndrome, Total bilirubin > 2 mg/dL", "When not due to Gilbert's syndrome"),
        ("Except in Gilbert's syndrome, Total bilirubin > 2 mg/dL", "Except in Gilbert's syndrome"),
        ("Excluding Gilbert's syndrome, Total bilirubin > 2 mg/dL", "Excluding Gilbert's syndrome"),
        ("Other than in Gilbert's syndrome, Total bilirubin > 2 mg/dL", "Other than in Gilbert's syndrome"),
        ("Barring Gilbert's syndrome, Total bilirubin > 2 mg/dL", "Barring Gilbert's syndrome"),
        ("Once hepatitis is excluded, ALT > 3 ×ULN", "Once hepatitis is excluded"),
        ("Provided that hepatitis is excluded, ALT > 3 ×ULN", "Provided that hepatitis is excluded"),
        ("When hepatitis has been ruled out, ALT > 3 ×ULN", "When hepatitis has been ruled out"),
        ("Only when hepatitis is excluded, ALT > 3 ×ULN", "Only when hepatitis is excluded"),
        ("Unless on anticoagulants, INR > 1.5 ×ULN", "Unless on anticoagulants"),
        ("Laboratory values, unless due to SLE: ALT > 3 ×ULN", "unless due to SLE"),
    ],
)
def test_a_condition_opening_the_limits_sentence_restricts_it(trials: Trials, text: str, condition: str) -> None:
    _required(trials, text, condition)


@pytest.mark.parametrize(
    "text",
    [
        # another sentence's, or another clause's before another limit's
        "Unless due to SLE, anemia is excluded. ALT > 3 ×ULN",
        "Unless due to SLE, hemoglobin < 10 g/dL; ALT > 3 ×ULN",
        # words that open no clause of the limit's sentence
        "Liver disease excluding hepatitis, ALT > 3 ×ULN",
        "Hepatitis treated once, ALT > 3 ×ULN",
        # an exception of no condition: the measure's own terms, as after the limit
        "Excluding serology, ALT > 3 ×ULN",
        "Other than at screening, ALT > 3 ×ULN",
    ],
)
def test_words_before_the_limit_opening_no_condition_of_it_ask_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# 6. A drug that makes the value, named as what the limit's patients are not on
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("INR > 1.5 ×ULN without anticoagulation", "without anticoagulation"),
        ("INR > 1.5 ×ULN without therapeutic anticoagulation", "without therapeutic anticoagulation"),
        ("INR > 1.5 ×ULN without warfarin", "without warfarin"),
        ("INR > 1.5 ×ULN not on anticoagulants", "not on anticoagulants"),
        ("INR > 1.5 ×ULN not currently on anticoagulants", "not currently on anticoagulants"),
        ("INR > 1.5 ×ULN without concurrent anticoagulation", "without concurrent anticoagulation"),
        (
            "INR > 1.5 ×ULN in the absence of vitamin K antagonist therapy",
            "in the absence of vitamin K antagonist therapy",
        ),
        ("INR > 1.5 ×ULN (unless anticoagulated)", "unless anticoagulated"),
        ("INR > 1.5 ×ULN in those not anticoagulated", "not anticoagulated"),
        ("INR > 1.5 ×ULN if not therapeutically anticoagulated", "if not therapeutically anticoagulated"),
        ("INR > 1.5 ×ULN in non-anticoagulated patients", "in non-anticoagulated patients"),
        ("In patients not on anticoagulants, INR > 1.5 ×ULN", "In patients not on anticoagulants"),
        ("INR > 1.5 ×ULN not receiving warfarin", "not receiving warfarin"),
        ("INR > 1.5 ×ULN not taking a vitamin K antagonist", "not taking a vitamin K antagonist"),
        ("INR > 1.5 ×ULN off anticoagulation", "off anticoagulation"),
        ("INR > 1.5 ×ULN in the absence of anticoagulant therapy", "in the absence of anticoagulant therapy"),
        (
            "INR > 1.5 ×ULN in the absence of oral anticoagulant treatment",
            "in the absence of oral anticoagulant treatment",
        ),
        ("INR > 1.5 ×ULN absent warfarin therapy", "absent warfarin therapy"),
        ("INR > 1.5 ×ULN (not on anticoagulation)", "not on anticoagulation"),
        ("INR > 1.5 ×ULN in patients not receiving anticoagulants", "in patients not receiving anticoagulants"),
        ("INR > 1.5 ×ULN at screening unless on anticoagulants", "unless on anticoagulants"),
        ("INR > 1.5 ×ULN at screening, unless anticoagulated", "unless anticoagulated"),
        ("INR > 1.5 ×ULN, except in patients on warfarin", "except in patients on warfarin"),
        ("aPTT > 1.5 ×ULN without heparin", "without heparin"),
        ("aPTT > 1.5 ×ULN in the absence of heparin therapy", "in the absence of heparin therapy"),
        ("INR > 1.5 ×ULN; patients on anticoagulants are eligible", "patients on anticoagulants are eligible"),
    ],
)
def test_a_drug_that_makes_the_value_not_taken_restricts_the_limit(trials: Trials, text: str, condition: str) -> None:
    _required(trials, text, condition)


@pytest.mark.parametrize(
    "text",
    [
        # a support that lifts a value: the measure's own terms
        "Hemoglobin < 8 g/dL without transfusion",
        "Hemoglobin < 8 g/dL not receiving transfusions",
        "Hemoglobin < 8 g/dL in the absence of growth factor support",
        "Hemoglobin < 8 g/dL not on erythropoiesis-stimulating agents",
        # a count of times, not a drug
        "ALT > 3 ×ULN, not on two occasions",
        "ALT > 3 ×ULN not on the same day as dosing",
        # any patient, on it or not
        "INR > 1.5 ×ULN whether or not on anticoagulants",
        # another limit's words
        "Hemoglobin < 8 g/dL, or INR > 1.5 ×ULN without anticoagulation",
    ],
)
def test_a_treatment_of_no_condition_of_the_limit_asks_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# 7. The next item's first word joins the limit to nothing
@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(
    "items",
    [
        ["Total bilirubin > 2 mg/dL", "Unless surgically sterile, women not using contraception."],
        ["Total bilirubin > 2 mg/dL", "With a history of hepatitis B, HBV DNA must be undetectable."],
    ],
)
def test_the_next_items_first_word_joins_the_limit_to_nothing(
    registry: Path, trials: Trials, items: list[str], nested: bool
) -> None:
    assert _items_codes(registry, trials, items, [], nested=nested) == set()


def test_a_joining_word_in_the_limits_own_item_still_asks_a_condition(registry: Path, trials: Trials) -> None:
    for nested in (False, True):
        items = ["Total bilirubin > 2 mg/dL unless due to Gilbert's syndrome", "Pregnancy."]
        assert _items_codes(registry, trials, items, [], nested=nested) == {"E524"}


# An abbreviated exception: its stop ends no sentence (sentences.END; helper-12's tests read the class)
def test_an_abbreviated_exception_restricts_the_limit(trials: Trials) -> None:
    _required(trials, "ALT > 3 ×ULN (excl. hepatitis)", "excl. hepatitis")


# What is ruled out alone after the semicolon (read since helper-12: scopes._ruled_out_after)
def test_a_condition_ruled_out_after_the_semicolon_restricts_the_limit(trials: Trials) -> None:
    _required(trials, "ALT > 3 ×ULN; hepatitis excluded", "hepatitis excluded")
