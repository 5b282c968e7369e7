"""A limit's condition, the cases still read wrongly (helper-15): a threshold must hold the conditions its
criterion's words put on its limit (E524 when it leaves one out) and no words that are none (E518).

Found and fixed:

1. (a false pass) an absence or a negated cause joined by "and/or" ("ALT > 3 ×ULN and/or no evidence of hepatitis",
   "and/or not due to hepatitis"): scopes._AND_NONE read "and", "but", "&"; the "or" before "not" read as "whether
   or not". A record holding it was refused (E528).
2. (one reading for two spellings) "that is" rewords the words before it as "i.e." does: a record holding "that is
   hepatitis" passed where "i.e. hepatitis" was refused as an aside (E518). Both are asides now (scopes._INCLUDING);
   a relative clause's "that is" ("that is not due to ...") is not. So are "viz." and "in other words" (held, they
   passed too).
3. (honest records refused) "eGFR < 30 mL/min, when measured by CKD-EPI", "unless stated otherwise in the
   protocol", "provided the result is confirmed": thresholds._JOINED read the word after the limit as joining it to
   another requirement (E524 whatever the record held), and scopes._OPENS_AFTER read ", when" and "unless" as a
   condition whatever followed. Words naming no condition after them (scopes.names_no_condition, the readings
   helper-11 gave an opener before the limit) open none; words naming a condition still do. "otherwise" is the
   protocol's say only with a word of it ("otherwise specified"): "unless otherwise explained" names a cause, and
   passed with no condition before the limit (helper-11's "Unless otherwise ..." read any "otherwise").
4. (a false pass) what is ruled out set off by a comma, a dash or a semicolon, with words of how, where or when
   after it ("ALT > 3 ×ULN; hepatitis excluded by serology", "– hepatitis excluded by serology", ", hepatitis
   excluded on screening"): scopes._RULED_OUT_SET_OFF ended at the word that rules it out (the bracket form read
   to the bracket's end); a record holding the dashed or the semicolon's clause was refused (E528, E518).
5. (a false pass) a drug that moves the value, of a kind or a name no list of scopes._MAKES_A_VALUE held, after
   "and no", "without", "not taking", "off" ("HBV DNA > 2000 IU/mL and no antiviral prophylaxis", "without
   entecavir", "not taking tenofovir"): the words named no condition. An antiviral, or a name ending as a drug's
   stem does, is read now (scopes._DRUG_BY_FORM); a support that lifts a value stays the measure's own terms.
6. (honest records refused) in an inclusion criterion, "SLEDAI-2K ≥ 6 – lupus nephritis excluded" (and "with ...
   excluded", "once ... is excluded") was refused E508 whatever the record held: stated_limits.limit_kept_out read the
   word ruling the condition out as the limit's own predicate (across the dash), the limit turned round to "< 6".
   A condition ruled out that a word of when opens or a dash sets off, or a permission of a group a dash sets off,
   is the condition's (scopes.condition_after), and starts a clause; the limit's own predicate after a dash ("<
   6 – patients excluded") still keeps its patients out.
7. (honest records refused) a score's parts left out of it read as conditions: "SLEDAI-2K ≥ 6 (clinical SLEDAI,
   serology and nephritis excluded)", "(exception: serology)", "(excluding serology and nephritis)" (E524 with no
   condition). A score's parts by their names or the score's (scopes._A_SCORES_PART) are the measure's own terms,
   as its readings are; held, the bracket ruling them out is an aside (E518).
8. (a false pass) a condition in braces ("ALT > 3 ×ULN {hepatitis excluded}"): scopes read round and square
   brackets; a record holding the words was refused (E528). A brace reads as a bracket now where a condition's
   bracket is read (_IN_BRACKETS, _IN_A_BRACKET, _JOINED_BY_AND, clause_start, whole_clause's _CLAUSE_MARKS).
   And a permission or a part of the trial in a square bracket or braces ("[Gilbert's syndrome excepted]", "{cohort
   2 only}"): _CONDITION_EXCEPTION and _PART_NAMED read a round bracket only.

Then, by the lead: a permission of people a word before them names ("– dialysis patients allowed": no condition
asked; scopes._NAMED_PEOPLE_LET_IN), and a cause a limit's values count for right after it ("that is attributable
to bleeding", "due to drug toxicity": no condition asked, and held refused E528; scopes._HELD_CAUSE).

An exception naming only a score's part, held as a condition ("(exception: serology)"), is now an aside
as "(serology excluded)" is: refused E518 (scopes._EXCEPTING_NO_CONDITION). And "if measured by CKD-EPI" is
still asked as a condition where "when measured by CKD-EPI" is none: "if" opens a condition wherever it stands
(scopes.CONDITION_START), and a record holding it passes.
"""

from __future__ import annotations

import re

import pytest
from conftest import LIMITS, Trials, limit_codes, threshold_out

BY_MEASURE = LIMITS
_codes = limit_codes


# 1. An absence or a negated cause joined to the limit by "and/or", as by "and": "ALT > 3 ×ULN and/or no evidence of
# hepatitis" passed with no condition (scopes._AND_NONE read "and", "but", "&"), and "and/or not due to hepatitis"
# too (the "or" before "not" read as "whether or not", which excepts nothing); a record holding either was refused
# (E528: "and/or" opened no clause)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN and/or no evidence of hepatitis", "and/or no evidence of hepatitis"),
        ("ALT > 3 ×ULN and / or no evidence of hepatitis", "and / or no evidence of hepatitis"),
        ("ALT > 3 ×ULN and/or not due to hepatitis", "and/or not due to hepatitis"),
        ("INR > 1.5 ×ULN and/or not on anticoagulants", "and/or not on anticoagulants"),
    ],
)
def test_an_absence_after_and_or_is_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    "text",
    [
        "ALT > 3 ×ULN and/or AST > 3 ×ULN",
        "ALT > 3 ×ULN, whether or not due to hepatitis",
        "INR > 1.5 ×ULN or not on anticoagulants",
    ],
)
def test_and_or_before_no_absence_asks_no_condition(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# 2. "that is" rewords the words before it, as "i.e." does: an aside, no condition of the limit. A record holding
# "that is hepatitis" of "ALT > 3 ×ULN, that is hepatitis" passed where "i.e. hepatitis" was refused (E518);
# scopes._INCLUDING read "i.e." and not "that is". Not a relative clause's "that is" ("that is not due to ...", a
# negated cause, "that is confirmed on repeat testing")
@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("ALT > 3 ×ULN, that is hepatitis", "that is hepatitis"),
        ("ALT > 3 ×ULN, that is, hepatitis", "that is, hepatitis"),
        ("ALT > 3 ×ULN (that is, hepatitis)", "that is, hepatitis"),
        ("ALT > 3 ×ULN, that is to say hepatitis", "that is to say hepatitis"),
        ("ALT > 3 ×ULN, i.e. hepatitis", "i.e. hepatitis"),
        ("ALT > 3 ×ULN (i.e. hepatitis)", "i.e. hepatitis"),
        # ... and the other words of the same in other words
        ("ALT > 3 ×ULN, viz. hepatitis", "viz. hepatitis"),
        ("ALT > 3 ×ULN (viz. hepatitis)", "viz. hepatitis"),
        ("ALT > 3 ×ULN, in other words hepatitis", "in other words hepatitis"),
    ],
)
def test_that_is_opens_an_aside_as_ie_does(trials: Trials, text: str, aside: str) -> None:
    assert _codes(trials, text) == set(), text
    assert _codes(trials, text, (aside,)) == {"E518"}, (text, aside)


@pytest.mark.parametrize(
    ("text", "condition", "asked"),
    [
        ("ALT > 3 ×ULN that is not due to hepatitis", "that is not due to hepatitis", True),
        ("ALT > 3 ×ULN, that is not explained by hepatitis", "that is not explained by hepatitis", True),
        ("ALT > 3 ×ULN, that is confirmed on repeat testing", "that is confirmed on repeat testing", False),
    ],
)
def test_a_relative_clauses_that_is_is_no_aside(trials: Trials, text: str, condition: str, asked: bool) -> None:
    assert _codes(trials, text) == ({"E524"} if asked else set()), text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


# 3. (honest records refused) a word that may join a limit to another requirement ("when", "unless", "provided"),
# right after it, before words naming no condition: how or when the value is read, or the protocol's say.
# thresholds._JOINED read any of them as joining the limit to a requirement (E524 whatever the record held), and
# scopes read ", when" and "unless" after the limit as opening a condition whatever followed. As before the limit
# ("When measured by CKD-EPI, eGFR < 30 mL/min", helper-11), they open none now (scopes.names_no_condition)
@pytest.mark.parametrize(
    "text",
    [
        "eGFR < 30 mL/min, when measured by CKD-EPI",
        "eGFR < 30 mL/min when calculated by CKD-EPI",
        "eGFR < 30 mL/min unless stated otherwise in the protocol",
        "eGFR < 30 mL/min unless otherwise specified",
        "eGFR < 30 mL/min, provided the result is confirmed",
        "eGFR < 30 mL/min provided that the value is confirmed on repeat testing",
    ],
)
def test_a_joining_word_naming_no_condition_asks_none(trials: Trials, text: str) -> None:
    assert _codes(trials, text) == set(), text


# ... and where the words after it name a condition, it is asked as before
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("eGFR < 30 mL/min, when due to lupus nephritis", "when due to lupus nephritis"),
        ("eGFR < 30 mL/min unless due to lupus nephritis", "unless due to lupus nephritis"),
        ("eGFR < 30 mL/min, provided lupus nephritis is excluded", "provided lupus nephritis is excluded"),
        (
            "Total bilirubin > 2 mg/dL unless confirmed by genotyping as Gilbert's syndrome",
            "unless confirmed by genotyping as Gilbert's syndrome",
        ),
        ("eGFR < 30 mL/min if confirmed on repeat testing", "if confirmed on repeat testing"),
        # "otherwise" naming a cause, not the protocol's say: "unless otherwise explained" is "not otherwise
        # explained" (both passed with no condition, before the limit since helper-11, after it since 3. read
        # "otherwise" alone as the protocol's say)
        ("ALT > 3 ×ULN unless otherwise explained", "unless otherwise explained"),
        ("ALT > 3 ×ULN, when otherwise unexplained", "when otherwise unexplained"),
        ("Unless otherwise explained, ALT > 3 ×ULN", "Unless otherwise explained"),
    ],
)
def test_a_joining_word_naming_a_condition_still_asks_it(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


# 4. What is ruled out, set off by a comma, a dash or a semicolon, with words after it of how, where or when it was
# ("ALT > 3 ×ULN; hepatitis excluded by serology", "– hepatitis excluded by serology", ", hepatitis excluded on
# screening"): scopes._RULED_OUT_SET_OFF ended at the word that rules it out, so the clause named no condition and
# the limit passed with none (the bracket form, which reads to the bracket's end, was read). A record holding the
# dashed or the semicolon's clause was refused (E528, E518)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN; hepatitis excluded by serology", "hepatitis excluded by serology"),
        ("ALT > 3 ×ULN – hepatitis excluded by serology", "hepatitis excluded by serology"),
        ("ALT > 3 ×ULN - hepatitis excluded by serology", "hepatitis excluded by serology"),
        ("ALT > 3 ×ULN, hepatitis excluded on screening", "hepatitis excluded on screening"),
        ("ALT > 3 ×ULN, hepatitis ruled out by PCR and imaging.", "hepatitis ruled out by PCR and imaging"),
        ("ALT > 3 ×ULN (hepatitis excluded by serology)", "hepatitis excluded by serology"),
        (
            "Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded by genotyping",
            "Gilbert's syndrome excluded by genotyping",
        ),
    ],
)
def test_what_is_ruled_out_with_how_after_it_is_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    "text",
    [
        # who is kept out of what, a rule of who is kept out, the measure's own terms
        "ALT > 3 ×ULN; hepatitis excluded from the study",
        "ALT > 3 ×ULN; patients with hepatitis excluded by the sponsor",
        "ALT > 3 ×ULN – hepatitis is excluded by serology",
        "Hemoglobin < 8 g/dL – values after transfusion excluded by the laboratory",
        # a run-on list of what is kept out, another limit's
        "ALT > 3 ×ULN; HIV infection excluded by serology; pregnancy excluded",
        "Hemoglobin < 8 g/dL, or Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded by genotyping",
    ],
)
def test_words_after_what_no_condition_rules_out_ask_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# 5. A drug whose use moves the value, named after "and no", "without", "not taking", "off" where no list of
# scopes._MAKES_A_VALUE holds it: an antiviral ("HBV DNA > 2000 IU/mL and no antiviral prophylaxis"), a name known
# by a drug's stem ("without entecavir", "not taking tenofovir"). Read as no drug, the words named no condition
# and the limit passed with none; a record holding "and no antiviral prophylaxis" was refused (E528). Read now as
# "without anticoagulation" is (scopes._DRUG_BY_FORM)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("HBV DNA > 2000 IU/mL and no antiviral prophylaxis", "and no antiviral prophylaxis"),
        ("HBV DNA > 2000 IU/mL without antiviral prophylaxis", "without antiviral prophylaxis"),
        ("HBV DNA > 2000 IU/mL in the absence of antiviral therapy", "in the absence of antiviral therapy"),
        ("HBV DNA > 2000 IU/mL without entecavir", "without entecavir"),
        ("HBV DNA > 2000 IU/mL not taking tenofovir", "not taking tenofovir"),
        ("HBV DNA > 2000 IU/mL off entecavir", "off entecavir"),
        ("HBV DNA > 2000 IU/mL without nucleos(t)ide analogues", "without nucleos(t)ide analogues"),
        ("HBV DNA > 2000 IU/mL without peginterferon", "without peginterferon"),
        ("INR > 1.5 ×ULN without nadroparin", "without nadroparin"),
    ],
)
def test_a_drug_known_by_its_form_is_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    "text",
    [
        # a support that lifts a value: the measure's own terms, as before
        "Hemoglobin < 8 g/dL without transfusion",
        "Hemoglobin < 8 g/dL without G-CSF prophylaxis",
        "Hemoglobin < 8 g/dL not receiving transfusions",
        # no drug
        "HBV DNA > 2000 IU/mL without a known virus",
    ],
)
def test_no_drug_after_without_asks_no_condition(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# 6. (honest records refused) in an inclusion criterion, a condition ruled out after the limit ("SLEDAI-2K ≥ 6 –
# lupus nephritis excluded", "with lupus nephritis excluded", "once lupus nephritis is excluded") was read as the
# limit's own predicate keeping its patients out (stated_limits.limit_kept_out crossed the dash, and read the word that
# rules the condition out): the threshold was turned round to "< 6" and refused E508 whatever the record held. A
# condition ruled out that a word of when opens or a dash sets off is the condition's now (scopes.condition_after);
# in an exclusion criterion, a permission of a group after a dash was read as the limit let in (E508) and, held,
# started no clause (E528)
@pytest.mark.parametrize(
    ("text", "condition", "side"),
    [
        ("SLEDAI-2K ≥ 6 – lupus nephritis excluded", "lupus nephritis excluded", "inclusion"),
        ("SLEDAI-2K ≥ 6 - lupus nephritis excluded", "lupus nephritis excluded", "inclusion"),
        ("SLEDAI-2K ≥ 6 — lupus nephritis ruled out", "lupus nephritis ruled out", "inclusion"),
        ("SLEDAI-2K ≥ 6 with lupus nephritis excluded", "with lupus nephritis excluded", "inclusion"),
        ("SLEDAI-2K ≥ 6 once lupus nephritis is excluded", "once lupus nephritis is excluded", "inclusion"),
        ("eGFR < 30 mL/min – patients on dialysis are allowed", "patients on dialysis are allowed", "exclusion"),
    ],
)
def test_a_condition_ruled_out_after_a_limit_is_no_predicate_of_it(
    trials: Trials, text: str, condition: str, side: str
) -> None:
    assert _codes(trials, text, (), side) == {"E524"}, text
    assert _codes(trials, text, (condition,), side) == set(), (text, condition)


# ... the limit's own predicate, right after it or right after a dash, still keeps its patients out (E508 for the
# threshold as written: the criterion requires its complement), or lets them in
@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("SLEDAI-2K ≥ 6 – excluded", "inclusion"),
        ("SLEDAI-2K ≥ 6 excluded", "inclusion"),
        ("SLEDAI-2K ≥ 6 is not allowed", "inclusion"),
        ("SLEDAI-2K ≥ 6 with nephritis is not allowed", "inclusion"),
        ("eGFR < 30 mL/min is allowed", "exclusion"),
        ("eGFR < 30 mL/min – is allowed", "exclusion"),
        ("eGFR < 30 mL/min – patients are allowed", "exclusion"),
    ],
)
def test_the_limits_own_predicate_still_keeps_out(trials: Trials, text: str, side: str) -> None:
    assert _codes(trials, text, (), side) == {"E508"}, text


# ... and read as its complement: the limit as written refused (E508), the complement needing the note saying so
# (E510)
@pytest.mark.parametrize("text", ["SLEDAI-2K < 6 – patients excluded", "SLEDAI-2K < 6 - patients are not eligible"])
def test_the_limits_own_predicate_after_a_dash_still_reads_its_complement(trials: Trials, text: str) -> None:
    as_written = ("DISEASE_ACTIVITY", "SLEDAI-2K", "<", 6, "points")
    assert set(re.findall(r"\bE\d{3}\b", threshold_out(trials, text, as_written, (), "inclusion"))) == {"E508"}, text
    assert _codes(trials, text, (), "inclusion") == {"E510"}, text


# ... and a rule of who is kept out after the dash is another requirement, no condition of the limit
def test_a_rule_after_a_dash_in_an_inclusion_criterion_asks_no_condition(trials: Trials) -> None:
    assert _codes(trials, "SLEDAI-2K ≥ 6 – patients with lupus nephritis excluded", (), "inclusion") == set()


# 7. (honest records refused) a score's parts left out of it, read as conditions: "SLEDAI-2K ≥ 6 (clinical SLEDAI,
# serology and nephritis excluded)" (scopes._ruled_out read "nephritis excluded" past "serology"), "(exception:
# serology)" (an exception named as one, whatever it named), "(excluding serology and nephritis)": each asked the
# limit for a condition (E524). The score's parts by their names or the score's (scopes._A_SCORES_PART) name the
# measure's own terms, as its readings do ("(nephritis items excluded)", helper-11); held, the bracket ruling them out
# is an aside (E518), as "(serology excluded)" is
@pytest.mark.parametrize(
    "text",
    [
        "SLEDAI-2K ≥ 6 (clinical SLEDAI, serology and nephritis excluded)",
        "SLEDAI-2K ≥ 6 (nephritis and serology excluded)",
        "SLEDAI-2K ≥ 6, serology and nephritis excluded",
        "SLEDAI-2K ≥ 6 (exception: serology)",
        "SLEDAI-2K ≥ 6 (exceptions: complement and anti-dsDNA)",
        "SLEDAI-2K ≥ 6 (excluding serology and nephritis)",
        "SLEDAI-2K ≥ 6 (except serology and nephritis)",
    ],
)
def test_a_scores_parts_left_out_are_no_condition(trials: Trials, text: str) -> None:
    assert _codes(trials, text, (), "inclusion") == set(), text


def test_a_scores_parts_ruled_out_held_as_a_condition_are_refused(trials: Trials) -> None:
    text = "SLEDAI-2K ≥ 6 (clinical SLEDAI, serology and nephritis excluded)"
    assert _codes(trials, text, ("clinical SLEDAI, serology and nephritis excluded",), "inclusion") == {"E518"}


# ... a condition beside such words, or one a score's word only qualifies, is asked as before
@pytest.mark.parametrize(
    ("text", "condition", "side"),
    [
        ("SLEDAI-2K ≥ 6 (lupus nephritis excluded)", "lupus nephritis excluded", "inclusion"),
        ("ALT > 3 ×ULN (exception: hepatitis)", "exception: hepatitis", "exclusion"),
        ("ALT > 3 ×ULN (serology-confirmed hepatitis excluded)", "serology-confirmed hepatitis excluded", "exclusion"),
        # (a score's word qualifying another, in an exception of what a cause explains)
        (
            "ALT > 3 ×ULN, excluding laboratory test abnormalities due to SLE hepatitis",
            "excluding laboratory test abnormalities due to SLE hepatitis",
            "exclusion",
        ),
        (
            "ALT > 3 ×ULN (except serological abnormalities due to lupus)",
            "except serological abnormalities due to lupus",
            "exclusion",
        ),
        (
            "ALT > 3 ×ULN (serological abnormalities due to hepatitis excluded)",
            "serological abnormalities due to hepatitis excluded",
            "exclusion",
        ),
        (
            "ALT > 3 ×ULN (exception: serology-confirmed hepatitis)",
            "exception: serology-confirmed hepatitis",
            "exclusion",
        ),
    ],
)
def test_a_condition_beside_a_scores_word_is_still_asked(trials: Trials, text: str, condition: str, side: str) -> None:
    assert _codes(trials, text, (), side) == {"E524"}, text
    assert _codes(trials, text, (condition,), side) == set(), (text, condition)


# 8. A condition in braces, as in brackets: "ALT > 3 ×ULN {hepatitis excluded}", "{no evidence of hepatitis}"
# passed with no condition (scopes._IN_BRACKETS read round and square brackets), and a record holding the words
# was refused (E528: a brace opened no clause, scopes.clause_start)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN {hepatitis excluded}", "hepatitis excluded"),
        ("ALT > 3 ×ULN {no evidence of hepatitis}", "no evidence of hepatitis"),
        ("ALT > 3 ×ULN {absence of hepatitis}", "absence of hepatitis"),
        ("Total bilirubin > 2 mg/dL {except Gilbert's syndrome}", "except Gilbert's syndrome"),
    ],
)
def test_a_condition_in_braces_is_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("ALT > 3 ×ULN {values excluded}", "exclusion"),
        ("ALT > 3 ×ULN {patients with hepatitis excluded}", "exclusion"),
        ("SLEDAI-2K ≥ 6 {no evidence of active nephritis}", "inclusion"),
    ],
)
def test_braces_of_no_condition_ask_none(trials: Trials, text: str, side: str) -> None:
    assert "E524" not in _codes(trials, text, (), side), text


# ... and the other bracketed words of a limit's condition, a permission and a part of the trial: "[Gilbert's syndrome
# excepted]", "{cohort 2 only}" passed with no condition where "(...)" asked it (scopes._CONDITION_EXCEPTION,
# _PART_NAMED read a round bracket only)
@pytest.mark.parametrize(
    ("text", "condition", "side"),
    [
        ("Total bilirubin > 2 mg/dL [Gilbert's syndrome excepted]", "Gilbert's syndrome excepted", "exclusion"),
        ("Total bilirubin > 2 mg/dL {Gilbert's syndrome excepted}", "Gilbert's syndrome excepted", "exclusion"),
        (
            "Total bilirubin > 2 mg/dL [Gilbert's syndrome not exclusionary]",
            "Gilbert's syndrome not exclusionary",
            "exclusion",
        ),
        ("SLEDAI-2K ≥ 6 [cohort 2 only]", "cohort 2 only", "inclusion"),
        ("SLEDAI-2K ≥ 6 {cohort 2 only}", "cohort 2 only", "inclusion"),
    ],
)
def test_a_permission_or_a_part_in_any_bracket_is_the_limits_condition(
    trials: Trials, text: str, condition: str, side: str
) -> None:
    assert _codes(trials, text, (), side) == {"E524"}, text
    assert _codes(trials, text, (condition,), side) == set(), (text, condition)


def test_every_part_in_square_brackets_asks_no_condition(trials: Trials) -> None:
    assert _codes(trials, "SLEDAI-2K ≥ 6 [all cohorts]", (), "inclusion") == set()


# People a word before them names, let in past the limit: "eGFR < 30 mL/min – dialysis patients allowed" passed
# with no condition (scopes._PERMISSION read "patients on dialysis are allowed" and "Gilbert's syndrome allowed",
# not "dialysis patients allowed"; _NAMED_PEOPLE_LET_IN)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("eGFR < 30 mL/min – dialysis patients allowed", "dialysis patients allowed"),
        ("eGFR < 30 mL/min; dialysis patients are eligible", "dialysis patients are eligible"),
        ("ALT > 3 ×ULN (HBV-vaccinated subjects allowed)", "HBV-vaccinated subjects allowed"),
        ("Hemoglobin < 8 g/dL, transfused patients may be eligible", "transfused patients may be eligible"),
    ],
)
def test_people_named_before_them_let_in_are_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert "E524" in _codes(trials, text), text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


# ... and not all of them, nor people named who are kept to the limit
@pytest.mark.parametrize(
    "text",
    [
        "eGFR < 30 mL/min; all patients eligible must consent",
        "ALT > 3 ×ULN in adult patients",
        "Hemoglobin < 8 g/dL; eligible patients are screened again",
    ],
)
def test_people_let_in_by_no_word_of_theirs_ask_no_condition(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# A cause the limit's values count for only, right after it: "Hemoglobin < 8 g/dL that is attributable to bleeding"
# passed with no condition, and a record holding it was refused (E528: the clause opened no condition); only a cause
# negated there ("not due to") was read (scopes._HELD_CAUSE, _CAUSE_RIGHT_AFTER)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Hemoglobin < 8 g/dL that is attributable to bleeding", "that is attributable to bleeding"),
        ("ALT > 3 ×ULN due to drug toxicity", "due to drug toxicity"),
        ("ALT > 3 ×ULN, due to drug toxicity", "due to drug toxicity"),
        ("ALT > 3 ×ULN (due to drug toxicity)", "due to drug toxicity"),
        ("Hemoglobin < 8 g/dL secondary to bleeding", "secondary to bleeding"),
        ("Hemoglobin < 8 g/dL caused by hemolysis", "caused by hemolysis"),
        ("ALT > 3 ×ULN which is related to SLE", "which is related to SLE"),
    ],
)
def test_a_cause_right_after_a_limit_is_its_condition(trials: Trials, text: str, condition: str) -> None:
    assert "E524" in _codes(trials, text), text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


# ... not every cause ("due to any cause"), nor a cause of other words than the limit's
@pytest.mark.parametrize(
    "text",
    [
        "Hemoglobin < 8 g/dL due to any cause",
        "Hemoglobin < 8 g/dL regardless of cause",
        "ALT > 3 ×ULN. Hepatitis due to HBV is excluded.",
        "ALT > 3 ×ULN or hepatitis due to HBV",
    ],
)
def test_a_cause_of_every_value_or_of_other_words_asks_no_condition(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


# An exception naming a score's parts alone is an aside, as "(serology excluded)" is (helper-15's strict xfail):
# "(exception: serology)" held as a condition passed, where "(serology excluded)" is refused E518 (scopes.aside took
# every words opening as a condition does for one; _EXCEPTING_NO_CONDITION). An exception of patients is still one.
@pytest.mark.parametrize(
    ("text", "condition", "bare", "held"),
    [
        ("SLEDAI-2K ≥ 6 (exception: serology)", "exception: serology", set(), {"E518"}),
        (
            "SLEDAI-2K ≥ 6 (exceptions: complement and anti-dsDNA)",
            "exceptions: complement and anti-dsDNA",
            set(),
            {"E518"},
        ),
        ("SLEDAI-2K ≥ 6 (serology excluded)", "serology excluded", set(), {"E518"}),
        ("Total bilirubin > 2 mg/dL (exception: Gilbert's syndrome)", "exception: Gilbert's syndrome", {"E524"}, set()),
    ],
)
def test_an_exception_of_a_scores_parts_is_an_aside(
    trials: Trials, text: str, condition: str, bare: set[str], held: set[str]
) -> None:
    side = "inclusion" if text.startswith("SLEDAI") else "exclusion"
    assert _codes(trials, text, (), side) == bare, text
    assert _codes(trials, text, (condition,), side) == held, (text, condition)
