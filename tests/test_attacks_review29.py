"""Attacks of the review29 helper on the day's readings.

- An honest dose or duration after an item of an enumeration (enumeration._dose), read as an item of its
  own and refused E525 since every word of a dose is held to its vocabulary (8dbc4c1): a dose led in
  by more than five words ("at a dose of at least 2 g/day") or by "in" ("in the previous 6 months"), a
  time counted "of" the trial's treatment ("within 12 weeks of CAR-T infusion"), its words "any",
  "other", "standard of care", "starting", a drug's half-lives, and "whichever is longer".
- A permission on condition of another therapy's failure ("Belimumab is allowed if the patient did not respond
  to steroids", a strict xfail before): read as requiring belimumab and steroids; it requires neither now.
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
import test_attacks_enumeration_items as enumeration_items
import test_attacks_hunt25 as hunt25
import test_attacks_hunt26 as hunt26
import test_attacks_mut27 as mut27
import test_attacks_plain_silence as plain_silence
from conftest import DATA_ROOT, IM19_PATH, Trials, add_source, im19_draft, joined, put, record_data
from sle_trials.checks.binding import enumeration
from sle_trials.reading import prior_therapy, sentences
from test_attacks_hunt25 import _maximum_age
from test_attacks_read24 import _enumerated

# --- an honest dose in words the dose vocabulary did not know --------------------------------------

HONEST_DOSES = [
    "for ≥ 12 weeks at any dose",
    "within 12 weeks of CAR-T infusion",
    "within 30 days from leukapheresis",
    "1 g every other week",
    "at a dose of at least 2 g/day",
    "for ≥ 3 months per local standard of care",
    "in the previous 6 months",
    "within 4 weeks of starting",
    "for 5 half-lives",
    "whichever is longer",
]


@pytest.mark.parametrize("part", HONEST_DOSES)
def test_an_honest_dose_in_other_words_is_still_a_dose(part: str) -> None:
    assert enumeration._dose(part)


# ... while the trial's treatment named after "of" with no time before it is still what is given
@pytest.mark.parametrize("part", ["3 doses of CAR-T", "3 doses of CAR-T infusion", "whichever iguratimod"])
def test_what_is_given_is_still_no_dose(part: str) -> None:
    assert not enumeration._dose(part)


@pytest.mark.parametrize(
    "criterion",
    [
        "4. Failure of mycophenolate mofetil for ≥ 12 weeks at any dose, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, within 12 weeks of CAR-T infusion, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, 1 g every other week, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, at a dose of at least 2 g/day, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, for ≥ 3 months per local standard of care, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil, in the previous 6 months, or NSAIDs.\n",
        "4. Failure of mycophenolate mofetil for 6 months, whichever is longer, or NSAIDs.\n",
    ],
)
def test_a_record_of_an_honest_dose_passes(tmp_path_factory: pytest.TempPathFactory, criterion: str) -> None:
    """Each was refused: "'whichever is longer' stands among them; list it too"."""
    found = enumeration_items._problems(_enumerated(tmp_path_factory, criterion), ["mycophenolate mofetil", "NSAIDs"])
    assert found == []


# --- a count of some of the enrolled, in words head_counts.count_places did not know -------------------

# A source of no layout that says how many enrolled, and how many of them had an outcome or were
# picked out of the rest in other words than the mut27 helper's: each bound an enrollment of the part.
# (the source's sentence, the enrollment, its quote)
SOME_OF_THEM = [
    ("In total 20 patients were enrolled. 3 patients had a complete renal response.", 3, "3 patients had a"),
    ("In total 20 patients were enrolled. 3 patients entered remission.", 3, "3 patients entered remission"),
    ("In total 20 patients were enrolled. 3 patients went into remission.", 3, "3 patients went into"),
    ("In total 20 patients were enrolled. 6 patients met the primary endpoint.", 6, "6 patients met the"),
    ("In total 20 patients were enrolled. Six patients were responders.", 6, "Six patients were responders"),
    ("In total 20 patients were enrolled. The subsequent 6 patients received CAR-T.", 6, "6 patients received"),
    ("In total 20 patients were enrolled. The latter 6 patients received CAR-T.", 6, "6 patients received"),
    ("In total 20 patients were enrolled. The previous 3 patients were dosed.", 3, "3 patients were dosed"),
]

# ... while a count that says itself that they were enrolled, after a count of those screened in its
# sentence, is no part of that count: read as a breakdown's part, an honest enrollment was refused
ENROLLED_AFTER_A_COUNT = [
    ("After screening 40 patients, 24 patients were enrolled.", 24, "24 patients were enrolled"),
    ("We screened 40 patients - 24 patients were enrolled.", 24, "24 patients were enrolled"),
    ("Of 40 patients screened, 24 patients were enrolled in the study.", 24, "24 patients were enrolled"),
    ("The study enrolled 30 participants with an inadequate response to therapy.", 30, "30 participants"),
    ("In total 30 patients had an inadequate response to therapy and were enrolled.", 30, "30 patients had"),
]


# ... nor the count of those screened, assessed or approached, written after the verb ("After screening
# 40 patients, 24 patients were enrolled." bound an enrollment of 40 quoted "screening 40 patients"),
# unless its own words say they were enrolled ("After screening 24 patients were enrolled.")
SCREENED = [
    ("After screening 40 patients, 24 patients were enrolled.", 40, "screening 40 patients"),
    ("Screening of 40 patients is complete; 24 will be enrolled.", 40, "Screening of 40 patients"),
    ("After assessing 40 patients for eligibility, 24 were enrolled.", 40, "assessing 40 patients"),
    ("Investigators are screening 40 patients.", 40, "screening 40 patients"),
]
SCREENED_AND_ENROLLED = [
    ("After screening 24 patients were enrolled.", 24, "24 patients were enrolled"),
    ("After screening 24 patients were enrolled in the trial across 5 sites.", 24, "24 patients were enrolled"),
]


@pytest.mark.parametrize(("sentence", "count", "quote"), SCREENED)
def test_a_count_of_those_screened_is_no_enrollment(registry: Path, sentence: str, count: int, quote: str) -> None:
    assert mut27._enrollment_codes(registry, sentence, count, quote) == {"E508"}


@pytest.mark.parametrize(("sentence", "count", "quote"), SCREENED_AND_ENROLLED)
def test_a_count_enrolled_after_screening_binds(registry: Path, sentence: str, count: int, quote: str) -> None:
    assert mut27._enrollment_codes(registry, sentence, count, quote) == set()


@pytest.mark.parametrize(("sentence", "count", "quote"), SOME_OF_THEM)
def test_a_count_of_some_of_them_in_other_words_is_no_enrollment(
    registry: Path, sentence: str, count: int, quote: str
) -> None:
    assert mut27._enrollment_codes(registry, sentence, count, quote) == {"E508"}


@pytest.mark.parametrize(("sentence", "count", "quote"), ENROLLED_AFTER_A_COUNT)
def test_a_count_enrolled_after_another_count_binds(registry: Path, sentence: str, count: int, quote: str) -> None:
    assert mut27._enrollment_codes(registry, sentence, count, quote) == set()


# --- a phase's lower-case renderings that hold no "phase" --------------------------------------------

# vocabulary.Reading.in_lower_case_too took every phase label in lower case, as each holds the word "phase":
# but "Not Applicable" and "N/A" (a study of no phase, NA) do not, and "not applicable" or "n/a" in a
# sentence's lower case says nothing of a phase. (the source's sentence, the quote)
NO_PHASE_IN_LOWER_CASE = [
    ("Dosing began. Dose reductions are not applicable. This Phase 2 trial is enrolling.", "not applicable"),
    ("Dosing began. Prior biologics: n/a. This Phase 2 trial is enrolling.", "n/a"),
]


def _phases_na(registry: Path, trials: Trials, stated: str, quote: str) -> int:
    source = add_source(
        registry, "seeds/960_release.txt", f"{plain_silence.TITLE}\nLast Updated: 2025-08-17\n{stated}\n"
    )
    sources = f'    - file: {source}\n      kind: PRESS_RELEASE\n      as_of: "2025-08-17"'
    quotes = f'  curation.sources.0.as_of: "Last Updated: 2025-08-17"\n  phases: "{quote}"\n'
    record = plain_silence.RECORD.format(sources=sources, silent="overall_status", quotes=quotes)
    put(registry, IM19_PATH, record.replace("evidence:", "phases:\n  - NA\nevidence:"))
    return trials("validate", registry / IM19_PATH).status


@pytest.mark.parametrize(("stated", "quote"), NO_PHASE_IN_LOWER_CASE)
def test_a_phase_of_no_phase_in_lower_case_is_refused(registry: Path, trials: Trials, stated: str, quote: str) -> None:
    assert _phases_na(registry, trials, stated, quote) == 1


@pytest.mark.parametrize("stated", ["Dose reductions are not applicable.", "Prior biologics: n/a."])
def test_no_phase_in_lower_case_leaves_the_phases_silent(registry: Path, trials: Trials, stated: str) -> None:
    plain_silence.draft(registry, "phases", ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


# --- a line's end guessed inside a sentence before a capitalised name ---------------------------------

# sentences._line_breaks guesses no line's end after a function word nor before an abbreviation
# in capitals (50bdf50), but still before any capitalised word after any other: "Diagnosed with
# systemic Lupus Erythematosus before their 18th birthday" was cut to "Erythematosus before ...", the
# event the age is at left out, and a maximum age of 18 quoted "before their 18th birthday" passed
CAPITALISED_NAME_BEFORE_AN_AGE = [
    "Diagnosed with systemic Lupus Erythematosus before their 18th birthday.",
    "Diagnosed with Systemic Lupus Erythematosus before their 18th birthday.",
    "Diagnosed with active Lupus Nephritis before their 18th birthday.",
]


@pytest.mark.parametrize("criterion", CAPITALISED_NAME_BEFORE_AN_AGE)
def test_a_cut_quote_of_a_birthday_after_a_capitalised_name_is_refused(
    registry: Path, trials: Trials, criterion: str
) -> None:
    assert "E508" in _maximum_age(registry, trials, criterion, 18, "before their 18th birthday")


# --- a plain source's lymphodepletion in other words than its name ----------------------------------

# prose.on_lymphodepletion (3eef0fa) reads a plain source's lymphodepleting agents only in a sentence
# naming the lymphodepletion by a word of "lymphodepletion" or "conditioning": an honest record
# quoting its agents from a sentence giving them before the trial's infusion, under the abbreviation
# "LD", or after a semicolon of a sentence naming it, was refused E512
LYMPHODEPLETION_OTHERWISE = [
    "Patients received fludarabine 30 mg/m²/day and cyclophosphamide 500 mg/m²/day on days -5 to -3 before "
    "CAR-T infusion.\n",
    "Before the infusion, fludarabine 30 mg/m²/day and cyclophosphamide 500 mg/m²/day were given for 3 days.\n",
    "LD chemotherapy with fludarabine 30 mg/m²/day and cyclophosphamide 500 mg/m²/day precedes the infusion.\n",
    "Lymphodepletion (LD): fludarabine 30 mg/m²/day; cyclophosphamide 500 mg/m²/day.\n",
]
AGENTS = [("FLUDARABINE", 30, "mg/m²/day"), ("CYCLOPHOSPHAMIDE", 500, "mg/m²/day")]


@pytest.mark.parametrize("text", LYMPHODEPLETION_OTHERWISE)
def test_agents_quoted_from_a_lymphodepletion_in_other_words_bind(registry: Path, text: str) -> None:
    quotes = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]
    assert mut27._agents_codes(registry, text, AGENTS, quotes) == set()


# ... while an agent of another therapy, after the infusion or in another sentence, is still none
@pytest.mark.parametrize(
    "text",
    [
        "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. The comparator arm receives "
        "cyclophosphamide 500 mg/m²/day.\n",
        "Fludarabine 30 mg/m²/day precedes the infusion. Cyclophosphamide 500 mg/m²/day is given after the "
        "infusion in case of a flare.\n",
        # ... or before the infusion as another therapy (a bridging therapy, one for a flare)
        "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. Bridging therapy with "
        "cyclophosphamide 500 mg/m²/day is allowed before CAR-T infusion.\n",
        "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. For a flare, cyclophosphamide "
        "500 mg/m²/day may be given before the infusion.\n",
    ],
)
def test_an_agent_of_another_therapy_is_still_no_lymphodepletion(registry: Path, text: str) -> None:
    quotes = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]
    assert mut27._agents_codes(registry, text, AGENTS, quotes) != set()


# ... and the sentence after one naming it that says what all the trial's patients are given ("Patients
# receive ..."): refused E512, read as no sentence going on about it. Not one of another therapy.
@pytest.mark.parametrize(
    ("text", "honest"),
    [
        (
            "Lymphodepletion precedes the infusion. Patients receive fludarabine 30 mg/m²/day and "
            "cyclophosphamide 500 mg/m²/day.\n",
            True,
        ),
        (
            "Lymphodepletion is given on days -5 to -3. All participants will receive fludarabine 30 mg/m²/day "
            "and cyclophosphamide 500 mg/m²/day.\n",
            True,
        ),
        (
            "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. Patients receive "
            "cyclophosphamide 500 mg/m²/day for a flare.\n",
            False,
        ),
        (
            "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. Patients in the comparator "
            "arm receive cyclophosphamide 500 mg/m²/day.\n",
            False,
        ),
    ],
)
def test_the_sentence_saying_what_all_patients_receive_goes_on_about_the_lymphodepletion(
    registry: Path, text: str, honest: bool
) -> None:
    quotes = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]
    assert (mut27._agents_codes(registry, text, AGENTS, quotes) == set()) is honest


def test_a_clause_after_a_semicolon_is_no_lymphodepletions_item(registry: Path) -> None:
    text = (
        "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion; the comparator arm receives "
        "cyclophosphamide 500 mg/m²/day.\n"
    )
    quotes = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]
    assert mut27._agents_codes(registry, text, AGENTS, quotes) != set()


# --- a later sentence that keeps out those who failed a therapy -------------------------------------

# prior_therapy.requirement reads every therapy from its cue on, skipping a later sentence of a
# medication taken now unless it states a failure of its own (96fcb65) or lets one in (a8e7462); a
# later sentence that keeps out those who failed a therapy was read as requiring it: "Failure of
# rituximab; patients who failed belimumab are excluded" required rituximab and belimumab (silence's
# reading of the requirement, E523)
KEPT_OUT_AFTER_THE_CUE = [
    "Failure of rituximab; patients who failed belimumab are excluded.",
    "Failure of rituximab. Patients refractory to belimumab are not eligible.",
    "Failure of rituximab. Patients refractory to belimumab cannot be enrolled.",
    "Failure of rituximab. Patients refractory to belimumab will be excluded.",
    "Failure of rituximab. Patients refractory to belimumab are ineligible.",
]


@pytest.mark.parametrize("text", KEPT_OUT_AFTER_THE_CUE)
def test_a_failure_kept_out_after_the_cue_is_no_requirement(text: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == ("rituximab",)


# --- an incomplete entry that names a listed criterion as given, or as where the loss is ------------

# completeness._named_but_listed (d779f72) refused an incomplete entry naming a criterion its source
# lists, wherever the entry named it: an honest entry saying where the list starts or what it gives
# was refused E514 as naming that criterion lost
NAMED_AS_GIVEN = [
    "Criterion 1 is missing from the page; the list starts at criterion 2.",
    "Criterion 1 is missing from the page; criteria 2 to 5 are given.",
    "Criterion 1 is missing from the page, before criterion 2.",
    "The page gives criteria 2 onwards; criterion 1 is missing.",
]
# ... while one naming a listed criterion lost, in any words of a loss, is still refused
NAMED_AS_LOST = [
    "Criteria 1 and 2 are unavailable on the page.",
    "Missing from the list: criteria 1 and 2.",
    "The page does not list criteria 1 and 2.",
    "Criteria 1 and 2 are lost, before criterion 3.",
    "Criterion 1 is missing; criterion 2 is not given.",
]


def _incomplete_codes(said: str) -> set[str]:
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    data["curation"]["incomplete"][0]["text"] = said
    return mutations.Checks(DATA_ROOT).codes(IM19_PATH, data)


@pytest.mark.parametrize("said", NAMED_AS_GIVEN)
def test_an_entry_naming_a_listed_criterion_as_given_passes(said: str) -> None:
    assert _incomplete_codes(said) == set()


@pytest.mark.parametrize("said", NAMED_AS_LOST)
def test_an_entry_naming_a_listed_criterion_lost_is_still_refused(said: str) -> None:
    assert _incomplete_codes(said) == {"E514"}


# --- a phase's own dosing read as a dose's phase ---------------------------------------------------------

# prose.no_trials_phase read a phase before "dosing" as the phase a dose is meant for ("the recommended
# Phase 2 dose"): "The Phase 1 dosing is complete" named no trial's phase, so an honest record quoting
# "Phase 1" from it was refused, and a record declaring the phases of "Phase 1 dosing is complete" silent
# passed
PHASES_OWN_DOSING = [
    "Dosing began. The Phase 2 dosing is complete.",
    "Dosing began. Phase 2 dosing of the first cohort is ongoing.",
]


@pytest.mark.parametrize("stated", PHASES_OWN_DOSING)
def test_a_phase_quoted_from_its_own_dosing_binds(registry: Path, trials: Trials, stated: str) -> None:
    assert hunt26._phases(registry, trials, stated) == 0


@pytest.mark.parametrize("stated", PHASES_OWN_DOSING)
def test_a_phases_own_dosing_is_stated(registry: Path, trials: Trials, stated: str) -> None:
    plain_silence.draft(registry, "phases", ("2025-08-17", stated))
    assert "E523" in trials("validate", registry / IM19_PATH).out


# --- a permission on condition of another therapy's failure -------------------------------------------


# (was a strict xfail: prior_therapy.requirement read a later sentence that lets a therapy in on condition of a
# failure from its start, and one naming a failure of its own from that failure: "Belimumab is allowed if the
# patient did not respond to steroids" required belimumab and steroids.) A failure in the condition of a
# permission whose subject names a therapy, of a therapy that subject does not name, is a condition of letting
# that therapy in, and requires neither (_Treated._of_another), in a later sentence or in the cue's own
@pytest.mark.parametrize(
    "text",
    [
        "Failure of rituximab. Belimumab is allowed if the patient did not respond to steroids.",
        "Failure of rituximab. Belimumab is permitted provided that steroids failed.",
        "Failure of rituximab. Belimumab is allowed if refractory to mycophenolate.",
        "Failure of rituximab. Hydroxychloroquine may continue if refractory to steroids.",
        "Failure of rituximab; belimumab is allowed if refractory to steroids.",
        "Refractory to rituximab, belimumab is allowed if they failed steroids.",
        # (a condition in words of the patients it is let in for, or of what it follows)
        "Failure of rituximab. Belimumab is allowed in patients who failed steroids.",
        "Failure of rituximab. Belimumab is permitted for patients refractory to steroids.",
        "Failure of rituximab. Belimumab is allowed after failure of steroids.",
        "Refractory to rituximab; belimumab is allowed in patients who failed steroids.",
    ],
)
def test_a_permission_on_another_therapys_failure_requires_nothing(text: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == ("rituximab",)


# ... while a permission on its own therapy's failure, or one of patients on a therapy's failure, still lets
# that failure in as the requirement's alternative (a8e7462)
@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("Failure of rituximab. Belimumab is also allowed, provided they had an inadequate response.", "Belimumab"),
        ("Failure of rituximab; belimumab is allowed if refractory to it.", "belimumab"),
        ("Failure of rituximab. Belimumab is allowed if refractory to belimumab.", "Belimumab belimumab"),
        ("Failure of rituximab. Patients may continue on study if refractory to belimumab.", "belimumab"),
        ("Failure of rituximab. Failure of belimumab is allowed if refractory to steroids.", "belimumab"),
        ("Failure of rituximab. Belimumab is allowed in patients who failed it.", "Belimumab"),
    ],
)
def test_a_permission_on_its_own_therapys_failure_still_requires_it(text: str, therapies: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == ("rituximab", *therapies.split())


# ... while a line's end after an age's own words is still guessed (a guess only after a number or its
# unit, 5387a45, read "Adults aged up to 65 years old" and the next line "Patients with severe nephritis
# are excluded." as one sentence, and an honest maximum age was refused E508)
AGE_LINE_THEN_A_LINE_KEPT_OUT = [
    ("Adults aged up to 65 years old\nPatients with severe nephritis are excluded.\n", "maximum_age", 65),
    ("Ages eligible: 18 years and older\nPatients with active infection are excluded.\n", "minimum_age", 18),
]


@pytest.mark.parametrize(("lines", "field", "value"), AGE_LINE_THEN_A_LINE_KEPT_OUT)
def test_an_age_line_before_a_line_keeping_out_binds(
    registry: Path, trials: Trials, lines: str, field: str, value: int
) -> None:
    source = add_source(registry, "seeds/925_words.txt", hunt25.HEAD + lines)
    quote = lines.split("\n")[0]
    ages = (
        f'eligibility:\n  {field}:\n    value: {value}\n    unit: YEARS\nevidence:\n  eligibility.{field}: "{quote}"\n'
    )
    put(registry, IM19_PATH, joined(im19_draft(source), ages))
    assert "E508" not in trials.json("validate", registry / IM19_PATH).codes()


@pytest.mark.parametrize(
    ("text", "quote", "sentence"),
    [
        ("Adults aged up to 65 years old Patients with severe nephritis", "65", "Adults aged up to 65 years old"),
        ("Minimum Age: 18 Years Severe lupus nephritis", "nephritis", "Severe lupus nephritis"),
        ("Diagnosed with systemic Lupus Erythematosus before", "before", None),
        ("Diagnosed with active Lupus Nephritis before", "before", None),
    ],
)
def test_a_line_is_guessed_to_break_outside_a_name_only(text: str, quote: str, sentence: str | None) -> None:
    at = text.index(quote)
    lo, hi = sentences.around(text, at, at + len(quote))
    assert text[lo:hi] == (sentence or text)
