"""Where a sentence ends, read once (helper-12): an abbreviation's stop ends no sentence.

Sentence ends were read in several places by patterns of their own: scopes._SENTENCE_END ("[.;] before a space")
and _FULL_STOP, thresholds (sentences.END), list_sides._SENTENCE_END ("[.;!?]"). Each read the stop of an
abbreviation leading into the words after it as a sentence's end: "ALT > 3 ×ULN (excl. hepatitis)" ended the
limit's sentence at "excl.", so scopes read no exception of the limit there (a record leaving it out passed, no
E524), and a record holding "excl. hepatitis" was refused as an aside of the limit's words (E518).
reading/sentences.py now owns the reading (END: a sentence's or a clause's end; FULL_STOP: a sentence's; ANY_END: a
line's, "!" and "?" too), with one list of the abbreviations whose stop ends none (LEADING: "e.g.", "i.e.",
"excl.", "incl.", "exc.", "approx.", "vs.", "cf.", ...; TITLES, which the prose's sentences read too), and scopes,
thresholds, lexicon, prior_therapy and list_sides read it.

Found and fixed:

1. A condition opening the limit's sentence with an example or a rewording inside it ("Unless due to SLE (e.g.
   lupus hepatitis), ALT > 3 ×ULN", "In the absence of hepatitis (e.g. autoimmune hepatitis), ..."): "e.g." ended
   the sentence, and the condition stood in none of the limit's (it passed with no condition).
2. (an honest record refused) "ALT (i.e. alanine aminotransferase) > 3 ×ULN": "i.e." ended a sentence between the
   measure and its limit, and the limit was read as another measure's (E513).
3. list_sides: a sentence naming a list ("Exclusion criteria included active infection, e.g. hepatitis B, and
   pregnancy.") ended at "e.g.": the words after it stood under no heading, and a record moving them to the other
   list passed.
4. An abbreviated exception after the limit ("(excl. hepatitis)", ", excl. hepatitis", "exc. Gilbert's syndrome",
   "(hepatitis excl.)", "once hepatitis excl.", "; excl. ...", ". Excl. ...") or before it ("Excl. Gilbert's
   syndrome, ..."): its stop ended the sentence, and the abbreviation was no word of an exception
   (scopes._EXCEPTING, _ruled_out's "excluded", _OPENER, _WHO_OR_WHEN): each passed with no condition, and the
   honest record holding it was refused (E518 or E528).
5. What is ruled out set off by a dash ("ALT > 3 ×ULN – hepatitis excluded", helper-11's strict xfail) passed with
   no condition, and a record holding it was refused (E528): a dash sets it off now as a comma does
   (scopes._SET_OFF, clause_start). And such a clause set off by a comma ran across another limit's words:
   "Hemoglobin < 8 g/dL, or Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded" asked the hemoglobin limit
   for "or Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded" (E524; scopes._IN_A_CLAUSE holds no limit).
6. What is ruled out alone in the clause after the limit's semicolon ("ALT > 3 ×ULN; hepatitis excluded",
   helper-7's strict xfail): read as one set off by a comma is (scopes._ruled_out_after), but not in a run-on
   list of what is kept out ("Pregnancy; ALT > 3 ×ULN; HIV infection excluded", "...; HIV infection excluded;
   pregnancy excluded"), whose item it may as well be.
7. Inside a condition's clause, an abbreviation's stop ended the words scopes reads by a class of characters
   with no stop in it: "ALT > 3 ×ULN once viral hepatitis e.g. HBV is excluded", ", liver disease e.g. hepatitis
   excluded", "excluding abnormalities e.g. those due to SLE" passed with no condition where "for example" asked
   it (sentences.within lets it through; kept_out.IN_CLAUSE and IN_SENTENCE, which lexicon, prior_therapy and
   vocabulary read a clause by too, read by it).
And the class checked whole: each abbreviated form read against its word ("excl." for "excluding" or "excluded")
wherever a criterion writes one; "(values excl.)", an aside, was held as a condition where "(values excluded)" is
refused E518 ("excl." is an exception's word before what it excepts only).

The honest neighbours keep passing: "incl.", "e.g.", "i.e." opening an aside or examples (no condition, and one
held is an aside, as "including" is), "approx.", "vs.", an exception of the measure's own terms ("(excl.
serology)"), another limit's abbreviated exception, and a real sentence's end after a word that may end one
("etc.", "no.", "min."); a dash or a semicolon before a rule of who is kept out, the measure's own terms or
another limit's words.
"""

from __future__ import annotations

import re

import pytest
from conftest import LIMITS, Trials, limit_codes, threshold_out
from sle_trials.reading import sentences
from test_attacks_helper1_list_sides import _out

BY_MEASURE = LIMITS
_codes = limit_codes


# The one reader: the word each end of the text ends (END), the same stops alone (FULL_STOP), and with a "!" too
# (ANY_END)
@pytest.mark.parametrize(
    ("text", "ended"),
    [
        ("ALT > 3 ×ULN (excl. hepatitis). Pregnancy.", ["hepatitis).", "Pregnancy."]),
        (
            "exc. Gilbert's syndrome; Excl. HIV. E.g. rituximab, i.e. an anti-CD20. I.E. none",
            ["syndrome;", "HIV.", "anti-CD20."],
        ),
        ("approx. 7.5 mg vs. placebo, cf. section 5, incl. belimumab. Dr. Berg. St. Mary's", ["belimumab.", "Berg."]),
        # a word that may end a sentence does: "etc.", "no.", "min.", "MS." (multiple sclerosis, no title)
        ("HIV, etc. Prior CAR-T: no. Within 30 min. History of MS. Pregnancy", ["etc.", "no.", "min.", "MS."]),
        # a decimal point, and a stop before a comma, end none
        ("Prednisone 7.5 mg, e.g., or less", []),
    ],
)
def test_a_sentences_end_is_read_once_and_an_abbreviations_stop_is_none(text: str, ended: list[str]) -> None:
    assert [text[: m.end()].split()[-1] for m in sentences.END.finditer(text)] == ended
    stops = [m.start() for m in sentences.END.finditer(text) if m.group() == "."]
    assert [m.start() for m in sentences.FULL_STOP.finditer(text)] == stops
    ends = [m.start() for m in sentences.ANY_END.finditer(text + " Yes!")]
    assert ends == [*(m.start() for m in sentences.END.finditer(text)), len(text) + 4]


# 1. A condition opening the limit's sentence, an example or a rewording inside it
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Unless due to SLE (e.g. lupus hepatitis), ALT > 3 ×ULN", "Unless due to SLE (e.g. lupus hepatitis)"),
        (
            "In the absence of hepatitis (e.g. autoimmune hepatitis), ALT > 3 ×ULN",
            "In the absence of hepatitis (e.g. autoimmune hepatitis)",
        ),
        ("Unless due to SLE, i.e. lupus hepatitis, ALT > 3 ×ULN", "Unless due to SLE, i.e. lupus hepatitis"),
        (
            "ALT > 3 ×ULN unless due to drugs (e.g. statins) or hepatitis",
            "unless due to drugs (e.g. statins) or hepatitis",
        ),
    ],
)
def test_a_condition_holding_an_abbreviation_is_read_in_the_limits_sentence(
    trials: Trials, text: str, condition: str
) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


# 2. (an honest record refused) a rewording between the measure and its limit
@pytest.mark.parametrize(
    "text",
    [
        "ALT (i.e. alanine aminotransferase) > 3 ×ULN",
        "ALT, i.e. alanine aminotransferase, > 3 ×ULN",
    ],
)
def test_a_rewording_between_the_measure_and_its_limit_keeps_them_one_sentence(trials: Trials, text: str) -> None:
    assert _codes(trials, text) == set(), text


# The honest neighbours: no condition asked, and an aside held refused as before
@pytest.mark.parametrize(
    "text",
    [
        "ALT > 3 ×ULN (incl. hepatitis)",
        "ALT > 3 ×ULN (e.g. hepatitis)",
        "ALT > 3 ×ULN (i.e. hepatitis)",
        "ALT > 3 ×ULN, e.g. due to hepatitis B",
        "Hemoglobin < 8 g/dL (approx. 5 mmol/L)",
        "ALT > 3 ×ULN vs. baseline",
        # an exception of the measure's own terms, not of a condition
        "ALT > 3 ×ULN (excl. serology)",
        "Hemoglobin < 8 g/dL (excl. values after transfusion)",
        # another limit's exception
        "Hemoglobin < 8 g/dL, or Total bilirubin > 2 mg/dL (excl. Gilbert's syndrome)",
        # another sentence's, after a word that ends one
        "Total bilirubin > 2 mg/dL, hepatitis B, HIV, etc. Excluding Gilbert's syndrome, anemia is excluded.",
        "ALT > 3 ×ULN within 30 min. Unless due to SLE, anemia is excluded.",
    ],
)
def test_an_abbreviation_opening_no_condition_asks_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("ALT > 3 ×ULN (incl. hepatitis)", "incl. hepatitis"),
        ("ALT > 3 ×ULN (including hepatitis)", "including hepatitis"),
        ("ALT > 3 ×ULN (e.g. hepatitis)", "e.g. hepatitis"),
    ],
)
def test_an_aside_an_abbreviation_opens_is_still_refused_as_a_condition(trials: Trials, text: str, aside: str) -> None:
    assert _codes(trials, text, (aside,)) == {"E518"}, text


# 3. list_sides: a sentence naming a list runs past an abbreviation to its end
METHODS = (
    "Methods. Inclusion criteria were weight ≥ 40 kg, e.g. adults, and SLEDAI-2K ≥ 6. Exclusion criteria included "
    "active infection, e.g. hepatitis B, and pregnancy. Patients with lupus nephritis were followed for 2 years."
)


def test_a_sentence_naming_a_list_runs_past_an_abbreviation(trials: Trials) -> None:
    assert "E512" in _out(trials, METHODS, ["~pregnancy"], [])
    assert "E512" in _out(trials, METHODS, [], ["~SLEDAI-2K ≥ 6"])
    assert _out(trials, METHODS, ["~weight ≥ 40 kg", "~SLEDAI-2K ≥ 6"], ["~pregnancy", "~active infection"]) == ""
    assert _out(trials, METHODS, [], ["~Patients with lupus nephritis"]) == ""


# 4. An abbreviated exception is the limit's condition
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN (excl. hepatitis)", "excl. hepatitis"),
        ("ALT > 3 ×ULN (Excl. hepatitis)", "Excl. hepatitis"),
        ("ALT > 3 ×ULN, excl. hepatitis", "excl. hepatitis"),
        ("ALT > 3 ×ULN exc. autoimmune hepatitis", "exc. autoimmune hepatitis"),
        ("Total bilirubin > 2 mg/dL exc. Gilbert's syndrome", "exc. Gilbert's syndrome"),
        (
            "Total bilirubin > 2 mg/dL (excl. patients with Gilbert's syndrome)",
            "excl. patients with Gilbert's syndrome",
        ),
        ("ALT > 3 ×ULN (hepatitis excl.)", "hepatitis excl."),
        ("ALT > 3 ×ULN, hepatitis excl.", "hepatitis excl."),
        ("ALT > 3 ×ULN once hepatitis excl.", "once hepatitis excl."),
        ("Total bilirubin > 2 mg/dL; excl. Gilbert's syndrome", "excl. Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL. Excl. Gilbert's syndrome.", "Excl. Gilbert's syndrome"),
        ("Excl. Gilbert's syndrome, Total bilirubin > 2 mg/dL", "Excl. Gilbert's syndrome"),
        ("Exc. Gilbert's syndrome: Total bilirubin > 2 mg/dL", "Exc. Gilbert's syndrome"),
    ],
)
def test_an_abbreviated_exception_is_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


# ... the class: an abbreviation reads as its word does, wherever it stands, whatever the record holds ("excl."
# for "excluding" before what it excepts, for "excluded" after what it rules out): "(values excl.)", an aside of
# no condition, was held as one where "(values excluded)" is refused E518
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN ({E} hepatitis)", "{E} hepatitis"),
        ("ALT > 3 ×ULN ({E} serology)", "{E} serology"),
        ("ALT > 3 ×ULN, {E} hepatitis", "{E} hepatitis"),
        ("ALT > 3 ×ULN {E} due to SLE", "{E} due to SLE"),
        ("Hemoglobin < 8 g/dL ({E} values after transfusion)", "{E} values after transfusion"),
        ("Hemoglobin < 8 g/dL, or Total bilirubin > 2 mg/dL ({E} Gilbert's syndrome)", "{E} Gilbert's syndrome"),
        ("{E} Gilbert's syndrome, Total bilirubin > 2 mg/dL", "{E} Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL. {E} Gilbert's syndrome.", "{E} Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL; {E} Gilbert's syndrome", "{E} Gilbert's syndrome"),
        ("ALT > 3 ×ULN (hepatitis {D})", "hepatitis {D}"),
        ("ALT > 3 ×ULN with hepatitis {D}", "with hepatitis {D}"),
        ("ALT > 3 ×ULN (patients with hepatitis {D})", "patients with hepatitis {D}"),
        ("ALT > 3 ×ULN (values {D})", "values {D}"),
    ],
)
def test_an_abbreviation_reads_as_its_word(trials: Trials, text: str, condition: str) -> None:
    def codes(word: str, ruled_out: str) -> tuple[set[str], set[str]]:
        capital = text.startswith("{E}") or ". {E}" in text
        excepting = word.capitalize() if capital else word
        written, held = (t.replace("{E}", excepting).replace("{D}", ruled_out) for t in (text, condition))
        return _codes(trials, written), _codes(trials, written, (held,))

    assert codes("excl.", "excl.") == codes("excluding", "excluded"), text


# 5. What is ruled out, set off by a dash as by a comma (helper-11's strict xfail): "ALT > 3 ×ULN – hepatitis
# excluded" passed with no condition, and a record holding "hepatitis excluded" was refused (E528: a dash was no
# clause mark). And a clause set off by a comma read as what is ruled out no longer runs across another limit's
# words: "Hemoglobin < 8 g/dL, or Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded" asked the hemoglobin
# limit for " or Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded" (E524).
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN – hepatitis excluded", "hepatitis excluded"),
        ("ALT > 3 ×ULN - hepatitis excluded", "hepatitis excluded"),
        ("ALT > 3 ×ULN—hepatitis ruled out", "hepatitis ruled out"),
        ("ALT > 3 ×ULN – hepatitis excl.", "hepatitis excl."),
        ("Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded", "Gilbert's syndrome excluded"),
    ],
)
def test_what_is_ruled_out_after_a_dash_is_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    "text",
    [
        # a rule of who is kept out, the measure's own terms
        "ALT > 3 ×ULN – patients with hepatitis excluded",
        "ALT > 3 ×ULN – hepatitis is excluded",
        "Hemoglobin < 8 g/dL – values after transfusion excluded",
        # another limit's
        "Hemoglobin < 8 g/dL, or Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded",
        "Hemoglobin < 8 g/dL, or platelets < 50,000/mm³ – ITP excluded",
    ],
)
def test_a_dash_setting_off_no_condition_of_the_limit_asks_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


def test_another_limits_dashed_condition_is_its_own(trials: Trials) -> None:
    text = "Hemoglobin < 8 g/dL, or Total bilirubin > 2 mg/dL – Gilbert's syndrome excluded"
    bilirubin = BY_MEASURE["Total bilirubin"]
    assert "E524" in threshold_out(trials, text, bilirubin, (), "exclusion")
    held = threshold_out(trials, text, bilirubin, ("Gilbert's syndrome excluded",), "exclusion")
    assert not re.findall(r"\bE\d{3}\b", held), held


# 6. What is ruled out alone in the clause after the limit's semicolon (helper-7's strict xfail), read as one set
# off by a comma or a dash is; not in a run-on list of what is kept out, whose item it may as well be
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN; hepatitis excluded", "hepatitis excluded"),
        ("ALT > 3 ×ULN; hepatitis excluded.", "hepatitis excluded"),
        ("ALT > 3 ×ULN; hepatitis ruled out", "hepatitis ruled out"),
        ("ALT > 3 ×ULN; hepatitis excl.", "hepatitis excl."),
        ("Total bilirubin > 2 mg/dL; Gilbert's syndrome excluded", "Gilbert's syndrome excluded"),
    ],
)
def test_what_is_ruled_out_after_the_semicolon_is_the_limits_condition(
    trials: Trials, text: str, condition: str
) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    "text",
    [
        # a run-on list of what is kept out
        "ALT > 3 ×ULN; HIV infection excluded; pregnancy excluded",
        "Pregnancy; ALT > 3 ×ULN; HIV infection excluded",
        # a rule of who is kept out, the measure's own terms, another limit's, another sentence's
        "ALT > 3 ×ULN; patients with hepatitis excluded",
        "ALT > 3 ×ULN; hepatitis is excluded",
        "Hemoglobin < 8 g/dL; values after transfusion excluded",
        "Hemoglobin < 8 g/dL; Total bilirubin > 2 mg/dL, Gilbert's syndrome excluded",
        "ALT > 3 ×ULN. Hepatitis excluded.",
    ],
)
def test_a_clause_after_the_semicolon_of_no_condition_of_the_limit_asks_none(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text


def test_an_item_of_a_run_on_list_is_no_condition_held(trials: Trials) -> None:
    assert _codes(trials, "ALT > 3 ×ULN; HIV infection excluded; pregnancy excluded", ("HIV infection excluded",)) == {
        "E518"
    }


# 7. An abbreviation's stop inside a condition's clause: the clause goes on past it (sentences.within), as past the
# words it stands for. Read by a class of characters with no stop in it, "once viral hepatitis e.g. HBV is excluded"
# and ", liver disease e.g. hepatitis excluded" named no condition (the limit passed with none) where "for example"
# did
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN once viral hepatitis {eg} HBV is excluded", "once viral hepatitis {eg} HBV is excluded"),
        ("ALT > 3 ×ULN, liver disease {eg} hepatitis excluded", "liver disease {eg} hepatitis excluded"),
        ("ALT > 3 ×ULN with liver disease {eg} hepatitis ruled out", "with liver disease {eg} hepatitis ruled out"),
        ("ALT > 3 ×ULN unless due to viral hepatitis {eg} HBV", "unless due to viral hepatitis {eg} HBV"),
        ("ALT > 3 ×ULN (liver disease {eg} hepatitis excluded)", "liver disease {eg} hepatitis excluded"),
        ("Unless due to liver disease {eg} hepatitis, ALT > 3 ×ULN", "Unless due to liver disease {eg} hepatitis"),
        # (read by kept_out.IN_CLAUSE, an exception of what a cause explains)
        (
            "ALT > 3 ×ULN excluding abnormalities {eg} those due to SLE",
            "excluding abnormalities {eg} those due to SLE",
        ),
    ],
)
@pytest.mark.parametrize("abbreviation", ["e.g.", "i.e.", "E.g.", "incl."])
def test_a_condition_goes_on_past_an_abbreviations_stop(
    trials: Trials, text: str, condition: str, abbreviation: str
) -> None:
    written, held = (t.format(eg=abbreviation) for t in (text, condition))
    assert _codes(trials, written) == {"E524"}, written
    assert _codes(trials, written, (held,)) == set(), (written, held)
