"""Attacks on the day's readings (hunt26): a name right after a dose's unit (enumeration._dose, E525), an
age the disease's event is written at (age_bounds._AN_EVENT_AT_AGE), a range of birthdays
(age_bounds._BIRTHDAYS_BETWEEN), a permission alone in its parenthesis (prior_therapy), a phase in
running words held against silence (silence._phase_named), a name further on in a dose
(enumeration._dose) and a therapy a permission after a requirement's cue lets in (prior_therapy).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_attacks_enumeration_items as enumeration_items
import test_attacks_plain_silence as plain_silence
import test_attacks_prior_therapy_silence as prior_silence
from conftest import IM19_PATH, Trials, add_source, imported_codes, put
from counted import Looks, characters_read, scan_all
from sle_trials.checks.binding import enumeration
from sle_trials.reading import prior_therapy
from sle_trials.reading.lexicon import age_bounds, stated_limits
from test_attacks_hunt25 import _maximum_age
from test_attacks_read24 import _enumerated

# --- a name right after a dose's unit ------------------------------------------------------------

# A name in lower case after a word of how or when it is given, itself after the unit ("3 doses iv
# iguratimod"), or after a unit enumeration._dose did not know ("2 injections/week iguratimod"): read as
# a dose of the item before, and a record leaving the therapy out passed E525
HIDDEN_AFTER_A_MANNER = [
    "3 doses iv iguratimod",
    "6 cycles intravenous cytoxan",
    "3 doses oral iguratimod",
    "2 g daily iguratimod",
    "3 doses weekly iguratimod",
    "500 mg/m2 pulse cytoxan",
    "2 injections/week iguratimod",
    # ... or after a word that leads into what is given
    "3 doses including iguratimod",
    # ... or after a word of how it is given that may itself follow a unit
    "3 doses subcutaneously iguratimod",
    "500 mg intravenously cytoxan",
    "3 doses given iguratimod",
    "3 tablets iguratimod",
]


@pytest.mark.parametrize("part", HIDDEN_AFTER_A_MANNER)
def test_a_name_after_a_word_of_manner_is_no_dose(part: str) -> None:
    assert not enumeration._dose(part)


def _left_out(tmp_path_factory: pytest.TempPathFactory, item: str) -> list:
    """The problems of a record listing mycophenolate's dose and NSAIDs, not the item between them."""
    criterion = f"4. Failure of mycophenolate mofetil ≥ 2 g/day, {item}, or NSAIDs.\n"
    return enumeration_items._problems(
        _enumerated(tmp_path_factory, criterion), ["mycophenolate mofetil ≥ 2 g/day", "NSAIDs"]
    )


def test_a_therapy_after_a_word_of_manner_is_an_item_of_its_own(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A record leaving out "3 doses iv iguratimod" passed: read as a dose of mycophenolate."""
    found = _left_out(tmp_path_factory, "3 doses iv iguratimod")
    assert len(found) == 1 and "'3 doses iv iguratimod' stands" in found[0][1], found


# ... while a dose's words of manner and time, and the function words after a unit, are still a dose's
HONEST_DOSES = [
    "500 mg IV every 4 weeks",
    "1 g daily for 6 months",
    "2 g/day orally",
    "1 g daily",
    "for 6 months without response",
    "for ≥ 3 months preceding screening",
    "2 g/day for 6 months immediately before screening",
    "for 3 months unless not tolerated",
]


@pytest.mark.parametrize("part", HONEST_DOSES)
def test_a_doses_own_words_after_its_unit_are_still_a_dose(part: str) -> None:
    assert enumeration._dose(part)


def test_a_dose_with_a_condition_after_its_unit_is_the_items(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The honest record was refused: "for 6 months without response" read as an item of its own."""
    criterion = "4. Failure of mycophenolate mofetil, for 6 months without response, or NSAIDs.\n"
    found = enumeration_items._problems(
        _enumerated(tmp_path_factory, criterion), ["mycophenolate mofetil, for 6 months without response", "NSAIDs"]
    )
    assert found == [], found


# --- an age the disease's event is written at ------------------------------------------------------

# The participant's own age after the event's words ("diagnosed with SLE aged under 65 years"): read as
# the age the event was at, no bound, and a record's maximum age declared silent passed
OWN_AGE_AFTER_AN_EVENT = [
    ("Patients diagnosed with SLE aged under 65 years.", [("max", 65)]),
    ("Diagnosed with SLE and aged under 65 years.", [("max", 65)]),
    ("Patients diagnosed with SLE who are under 65 years.", [("max", 65)]),
    ("Patients diagnosed with SLE and aged between their 18th and 65th birthdays.", [("min", 18), ("max", 65)]),
]


@pytest.mark.parametrize(("criterion", "read"), OWN_AGE_AFTER_AN_EVENT)
def test_the_participants_own_age_after_an_event_bounds(criterion: str, read: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(criterion)] == read


def test_a_maximum_age_quoted_from_an_age_after_a_diagnosis_binds(registry: Path, trials: Trials) -> None:
    assert "E508" not in _maximum_age(registry, trials, OWN_AGE_AFTER_AN_EVENT[0][0], 65)


# --- a range of birthdays --------------------------------------------------------------------------

# A range "from ... birthday to ... birthday" of a treatment's or the disease's event: its second end
# was read as a birthday after "birthday to", a maximum, and a record's maximum age of 16 passed
EVENT_FROM_BIRTHDAY_TO_BIRTHDAY = [
    ("Patients who received rituximab from their 10th birthday to their 16th birthday.", [(None, 10), (None, 16)]),
    ("SLE diagnosed from their 5th birthday until their 16th birthday.", [(None, 5), (None, 16)]),
    # ... and of no event, both its ends
    ("Patients from their 18th birthday until their 65th birthday.", [("min", 18), ("max", 65)]),
    ("Patients between their 18th birthday and their 65th birthday.", [("min", 18), ("max", 65)]),
]


@pytest.mark.parametrize(("criterion", "read"), EVENT_FROM_BIRTHDAY_TO_BIRTHDAY)
def test_a_range_of_birthdays_from_one_to_another_is_read_whole(criterion: str, read: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(criterion)] == read


def test_a_maximum_age_quoted_from_a_treatments_range_of_birthdays_is_refused(registry: Path, trials: Trials) -> None:
    assert "E508" in _maximum_age(registry, trials, EVENT_FROM_BIRTHDAY_TO_BIRTHDAY[0][0], 16)


# --- a phase in running words held against silence -------------------------------------------------

# A phase that names a dose's or studies' in general, no trial's: read as the trial's phase, an honest
# record declaring its phases silent was refused E523
NO_TRIALS_PHASE = [
    "Dosing began. The study will determine the recommended Phase 2 dose (RP2D).",
    "Dosing began. The trial will identify a dose for Phase 2 studies.",
    "Dosing began. The study will establish a Phase 2 dose.",
]


@pytest.mark.parametrize("stated", NO_TRIALS_PHASE)
def test_a_phase_of_a_dose_or_of_studies_leaves_the_phases_silent(registry: Path, trials: Trials, stated: str) -> None:
    plain_silence.draft(registry, "phases", ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


# ... while the trial's own phase, or a part of it, is still stated
@pytest.mark.parametrize(
    "stated",
    [
        "Status: Phase 1 dose escalation is ongoing.",
        "The Phase 1 dose-expansion part began.",
        "This Phase 2 trial dosed its first patient.",
    ],
)
def test_a_phase_of_the_trial_is_still_stated(registry: Path, trials: Trials, stated: str) -> None:
    plain_silence.draft(registry, "phases", ("2025-08-17", stated))
    assert "E523" in trials("validate", registry / IM19_PATH).out


def _phases(registry: Path, trials: Trials, stated: str, quote: str = "Phase 2") -> int:
    """IM19 as a draft giving its phases PHASE2 quoted "Phase 2" from a release: validate's status."""
    source = add_source(
        registry, "seeds/960_release.txt", f"{plain_silence.TITLE}\nLast Updated: 2025-08-17\n{stated}\n"
    )
    sources = f'    - file: {source}\n      kind: PRESS_RELEASE\n      as_of: "2025-08-17"'
    quotes = f'  curation.sources.0.as_of: "Last Updated: 2025-08-17"\n  phases: "{quote}"\n'
    record = plain_silence.RECORD.format(sources=sources, silent="overall_status", quotes=quotes)
    put(registry, IM19_PATH, record.replace("evidence:", "phases:\n  - PHASE2\nevidence:"))
    return trials("validate", registry / IM19_PATH).status


@pytest.mark.parametrize("stated", NO_TRIALS_PHASE)
def test_a_phase_quoted_from_a_dose_or_from_studies_is_refused(registry: Path, trials: Trials, stated: str) -> None:
    """A record giving the phase its trial's dose is meant for passed: binding read it as the trial's."""
    assert _phases(registry, trials, stated) == 1


def test_a_phase_quoted_from_the_trials_words_binds(registry: Path, trials: Trials) -> None:
    assert _phases(registry, trials, "Dosing began. This Phase 2 trial is enrolling.") == 0


# A phase in a sentence's lower case ("this phase 2 trial") is a phase too: every rendering of one holds
# the word "phase" (vocabulary.Reading.in_lower_case_too). Read as written only, an honest record quoting it
# was refused, and one declaring its phases silent passed.
@pytest.mark.parametrize("quote", ["phase 2", "phase II", "phase ii"])
def test_a_phase_in_lower_case_binds(registry: Path, trials: Trials, quote: str) -> None:
    stated = f"Dosing began. This {quote} trial is enrolling."
    assert _phases(registry, trials, stated.replace(quote, "Phase 2"), quote=quote) == 1  # not its words
    assert _phases(registry, trials, stated, quote=quote) == 0


def test_a_phase_in_lower_case_is_stated(registry: Path, trials: Trials) -> None:
    plain_silence.draft(registry, "phases", ("2025-08-17", "This phase 2 trial dosed its first patient."))
    assert "E523" in trials("validate", registry / IM19_PATH).out


# --- a permission alone in its parenthesis ---------------------------------------------------------

# A permission that is all its parenthesis holds, where the clause goes on past it: of the words it
# follows, as a bare "allowed" is there, not of the whole cue (read so, a record declaring a required
# prior therapy silent passed)
PERMISSION_THEN_REQUIREMENT = [
    "Prior treatment with mycophenolate mofetil or belimumab (allowed) is required.",
    "Prior treatment with rituximab (allowed) must have failed.",
    "Prior treatment with mycophenolate mofetil (permitted) and failure of it are required.",
]


@pytest.mark.parametrize("text", PERMISSION_THEN_REQUIREMENT)
def test_a_permission_in_a_parenthesis_the_clause_goes_on_past_permits_no_cue(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is not None


def test_a_required_therapy_after_a_parenthesised_permission_is_not_silent(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    checker, data = prior_silence._study(tmp_path_factory, f"4. {PERMISSION_THEN_REQUIREMENT[0]}\n")
    assert "E523" in imported_codes(checker, data)


# An age a comparator follows right after the disease's event and its words, with no "at" or "before":
# the age the event was at, as "Age at diagnosis < 18 years" is (a maximum age of 18 passed)
COMPARATOR_AFTER_AN_EVENT = [
    "Age at SLE diagnosis < 18 years.",
    "Age at disease onset ≤ 18 years.",
    "Age at time of diagnosis < 18 years.",
    "Age at diagnosis of systemic lupus erythematosus < 18 years.",
    "Childhood-onset SLE (onset < 18 years).",
    "SLE onset < 18 years of age.",
    "Diagnosis of SLE < 18 years of age.",
]


@pytest.mark.parametrize("criterion", COMPARATOR_AFTER_AN_EVENT)
def test_a_comparator_right_after_an_event_bounds_no_age(criterion: str) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(criterion)] == [(None, 18)]


def test_a_maximum_age_quoted_from_an_events_comparator_is_refused(registry: Path, trials: Trials) -> None:
    assert "E508" in _maximum_age(registry, trials, COMPARATOR_AFTER_AN_EVENT[0], 18)


# ... while the participant's own age after the event's clause still bounds
@pytest.mark.parametrize(
    "criterion",
    [
        "Diagnosis of SLE and age ≥ 18 years.",
        "Diagnosis of SLE per ACR criteria, age ≥ 18 years.",
        "Onset of SLE in patients ≥ 18 years.",
        "Diagnosis of SLE for ≥ 6 months and age ≥ 18 years.",
    ],
)
def test_an_age_after_an_events_clause_still_bounds(criterion: str) -> None:
    assert [a.bound for a in age_bounds.ages(criterion) if a.value == 18] == ["min"]


# --- a comparator before a titre ----------------------------------------------------------------------


# A titre or a ratio whose colon is spaced: read as before e4b7ebe, "≥ 1" and "80" (a limit of ≥ 1 stood
# in the quote, one of ≥ 80 did not)
@pytest.mark.parametrize(
    ("quote", "read"),
    [
        ("ANA ≥ 1 : 80", [(">=", 80.0)]),
        ("ANA titre ≥1 : 160", [(">=", 160.0)]),
        # ... but a colon after a limit is none of a titre
        ("Age ≥ 18: 50 patients", [(">=", 18.0), (None, 50.0)]),
        ("ratio ≥ 2 : 1", [(None, 2.0), (None, 1.0)]),
    ],
)
def test_a_comparator_before_a_spaced_titre_is_its_dilutions(quote: str, read: list) -> None:
    assert [(s.comparator, s.value) for s in stated_limits.written_statements(quote)] == read


# --- time on hostile text ----------------------------------------------------------------------------


def test_birthdays_after_many_ranges_are_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each birthday was held against every range of birthdays before it (n² steps): four times the
    text took eight times as long. The looks at the ranges' matches (their start, end, group) are
    counted: a few a range, four times the text four times as many."""
    ranges = Looks(age_bounds._BIRTHDAYS_BETWEEN)
    monkeypatch.setattr(age_bounds, "_BIRTHDAYS_BETWEEN", ranges)

    def looked(n: int) -> int:
        ranges.looked = 0
        age_bounds.ages("between their 18th and 65th birthdays. " * n + "reached their 18th birthday. " * n)
        return ranges.looked

    small, large = looked(25), looked(100)
    assert large <= 4 * small and large <= 16 * 100, (small, large)  # (13 a range as it is)


# Abbreviations of how often a dose is given, and words of how it is given or kept, right after its
# unit: since 1b68f1f each made an honest dose an item of its own (E525 refused the record listing it)
DOSES_WRITTEN_SHORT = [
    "1 g BID",
    "1 g bid for 6 months",
    "500 mg x 6 doses",
    "500 mg/m2 q4w",
    "1 g b.i.d.",
    "2 g/day divided",
    "500 mg/m2 IV q4 weeks x 6",
    "0.5 mg/kg/day tapered",
    "≥ 1 g/day sustained",
    "for ≥ 3 months consecutively",
]


@pytest.mark.parametrize("part", DOSES_WRITTEN_SHORT)
def test_a_doses_abbreviation_after_its_unit_is_still_a_dose(part: str) -> None:
    assert enumeration._dose(part)


def test_a_dose_written_short_is_the_items(tmp_path_factory: pytest.TempPathFactory) -> None:
    criterion = "4. Failure of mycophenolate mofetil, 1 g BID, or NSAIDs.\n"
    found = enumeration_items._problems(
        _enumerated(tmp_path_factory, criterion), ["mycophenolate mofetil, 1 g BID", "NSAIDs"]
    )
    assert found == [], found


# A phase of studies in general or one the trial may move to: no trial's phase either (E523 refused an
# honest record declaring its phases silent)
PHASES_OF_NO_TRIAL = [
    "Dosing began. Results support advancing to Phase 2.",
    "Dosing began. The trial may move to Phase 2 next year.",
    "Dosing began. Unlike Phase 3 trials of approved drugs, the study enrolls refractory patients.",
    "Dosing began. CAR-T products have succeeded in Phase 1 studies in lupus.",
]


@pytest.mark.parametrize("stated", PHASES_OF_NO_TRIAL)
def test_a_phase_of_studies_or_to_move_to_leaves_the_phases_silent(registry: Path, trials: Trials, stated: str) -> None:
    plain_silence.draft(registry, "phases", ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_a_phase_quoted_from_a_phase_to_move_to_is_refused(registry: Path, trials: Trials) -> None:
    assert _phases(registry, trials, PHASES_OF_NO_TRIAL[1]) == 1


# --- a name after a dose's words further on ------------------------------------------------------------

# A name in lower case after a dose's unit and a word that may follow it ("then", "every month",
# "before"): enumeration._dose held only the first word after the unit (and its words of manner) to the
# dose's words, so the rest of the part went unread, and a record leaving the therapy out passed E525.
# Every word of a part read as a dose is now one a dose or a duration is written with.
HIDDEN_FURTHER_ON = [
    "3 doses then iguratimod",
    "6 cycles every month cytoxan",
    "for 6 months before iguratimod",
    "for 6 months then cytoxan",
    "3 doses weekly then iguratimod",
    "2 g/day for 6 months or longer with iguratimod",
    "1 g daily for 6 months plus telitacicept",
    "for ≥ 3 months preceding screening iguratimod",
    "500 mg/m2 monthly x 6 cytoxan",
    "for 6 months after cytoxan",
    "3 doses given 4 weeks apart iguratimod",
    "for 6 months on iguratimod",
    "for 6 months e.g. iguratimod",
    # ... or after a word that had no unit before it at all
    "6 weeks for nitrosoureas",
    # ... or in a word joined by a hyphen to a dose's own
    "1 g twice-iguratimod",
    # ... or capitalised after a word of how it is given ("-ed", "-ly" are a dose's only in lower case)
    "2 g/day Tapered Benlysta",
    # ... or the trial's product named as what is given, not the event a time is counted from
    "3 doses of CAR-T",
    "3 doses then CAR-T",
    "within 4 weeks before CAR-T iguratimod",
]


@pytest.mark.parametrize("part", HIDDEN_FURTHER_ON)
def test_a_name_after_a_doses_words_further_on_is_no_dose(part: str) -> None:
    assert not enumeration._dose(part)


def test_a_therapy_after_a_doses_words_is_an_item_of_its_own(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A record leaving out "3 doses then iguratimod" passed: read as a dose of mycophenolate."""
    found = _left_out(tmp_path_factory, "3 doses then iguratimod")
    assert len(found) == 1 and "'3 doses then iguratimod' stands" in found[0][1], found


# ... while a dose written in words of its amount, time, manner and conditions is still the item's
HONEST_DOSES_WORD_BY_WORD = [
    "1 g/day for ≥ 6 months",
    "500 mg/m2 monthly x 6",
    "3 doses given 4 weeks apart",
    "at least 1 g/day for at least 6 months",
    "≥ 2 g/day for ≥ 3 months prior to screening",
    "for ≥ 12 weeks within the past 6 months",
    "1 g IV on days 1 and 15",
    "375 mg/m2 weekly for 4 weeks",
    "0.5-1 g/m2 monthly for 6 months",
    "for at least 3 months at the maximum tolerated dose",
    "for a minimum of 12 weeks",
    "for more than 6 consecutive months",
    "for 6 months (or 3 months if intolerant)",
    "2.5 mg/dL",
    "500 mg/m2 every 2 weeks x 6 doses",
    "1 g b.i.d. p.o.",
    "2 g/day in two divided doses",
    "for ≥ 8 weeks before the first dose of study treatment",
    "for ≥ 4 weeks prior to Day 1",
    "1 g twice-daily",
    "1 g x 2 doses 2 weeks apart",
    "for 6 months without improvement",
    "≥ 3 months of therapy at an adequate dose",
    "2 g/day for 6 Months",
    # ... of the dose it is kept at, or how it was judged, or a time counted back from now
    "for ≥ 6 months at a therapeutic dose",
    "for 3 months at the highest tolerated dose",
    "for ≥ 6 months at the lowest effective dose",
    "for ≥ 6 months per the investigator's judgement",
    "1 g/day for ≥ 3 months according to local practice",
    "500 mg Subcutaneously",
    "1 g/day Continuously",
    "within the last 12 months",
    "within the past 6 months",
    "for ≥ 4 weeks before the first dose of study drug",
    "within 4 weeks prior to leukapheresis",
    "for 3 months prior to signing the ICF",
    # ... or counted to or from the trial's own treatment (since 8dbc4c1, "CAR-T" made it an item)
    "within 4 weeks before CAR-T infusion",
    "for 6 months before the CAR-T cell infusion",
    "within 4 weeks prior to lymphodepletion",
    "for 6 months before lymphodepleting chemotherapy",
    "within 2 weeks before apheresis",
]


@pytest.mark.parametrize("part", HONEST_DOSES_WORD_BY_WORD)
def test_a_dose_in_its_own_words_is_still_a_dose(part: str) -> None:
    assert enumeration._dose(part)


@pytest.mark.parametrize(
    "text",
    [
        "mycophenolate mofetil 1 g/day for ≥ 6 months, or NSAIDs",
        "prednisone 0.5 mg/kg/day or equivalent, or NSAIDs",
        "cyclophosphamide, 500 mg/m2 monthly x 6, or NSAIDs",
        "rituximab, 3 doses given 4 weeks apart, or NSAIDs",
    ],
)
def test_an_honest_dose_is_its_items(text: str) -> None:
    assert len(enumeration._items(text, 0, len(text))) == 2


# --- a therapy a permission after the cue lets in -------------------------------------------------------

# A therapy that a permission after the requirement's cue lets in ("... is OK", "... is allowed", "may
# continue ...", "... can be continued") was listed among those required: read from the cue on, the
# permission's subject was one of the requirement's therapies, and a record could not declare the
# prior therapy's therapies silent where the criterion required none but a permitted medication
LET_IN_AFTER_THE_CUE = [
    ("Must have failed rituximab, and concomitant hydroxychloroquine is OK.", ("rituximab",)),
    ("Inadequate response to rituximab, concomitant prednisone is allowed.", ("rituximab",)),
    ("Refractory to rituximab; hydroxychloroquine and prednisone are permitted.", ("rituximab",)),
    ("Failure of rituximab (concomitant hydroxychloroquine allowed).", ("rituximab",)),
    ("Failure of rituximab, with concomitant hydroxychloroquine allowed.", ("rituximab",)),
    ("Must have failed rituximab; hydroxychloroquine (allowed).", ("rituximab",)),
    ("Must have failed rituximab. Hydroxychloroquine is OK.", ("rituximab",)),
    ("Must have failed rituximab. Hydroxychloroquine can be continued.", ("rituximab",)),
    ("Must have failed rituximab; hydroxychloroquine may continue.", ("rituximab",)),
    ("Inadequate response to rituximab, in whom hydroxychloroquine may be continued.", ("rituximab",)),
    (
        "Refractory to mycophenolate or cyclophosphamide; prior belimumab is acceptable.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    # ... a list the permission ends
    ("Must have failed rituximab; concomitant hydroxychloroquine, prednisone, or NSAIDs are allowed.", ("rituximab",)),
    # ... or the therapies after a permission of a medication that may go on
    ("Must have failed rituximab, but may continue hydroxychloroquine.", ("rituximab",)),
    ("Must have failed rituximab and may remain on hydroxychloroquine or prednisone.", ("rituximab",)),
    ("Must have failed rituximab; patients are allowed to continue hydroxychloroquine.", ("rituximab",)),
    ("Must have failed rituximab and may have received belimumab.", ("rituximab",)),
    # ... or that permits its subject by not requiring it, a failure too
    ("Failure of rituximab; failure of belimumab is not required.", ("rituximab",)),
    ("Failure of rituximab; prior belimumab is optional.", ("rituximab",)),
    ("Failure of rituximab; patients on hydroxychloroquine may participate.", ("rituximab",)),
    ("Failure of rituximab; belimumab can be used.", ("rituximab",)),
    # ... on a condition of something else than a failure
    ("Failure of rituximab, and concomitant prednisone is OK if stable for 4 weeks.", ("rituximab",)),
]


@pytest.mark.parametrize(("text", "therapies"), LET_IN_AFTER_THE_CUE)
def test_a_therapy_a_permission_lets_in_after_the_cue_is_not_required(text: str, therapies: tuple) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


def test_a_permitted_medication_alone_leaves_the_therapies_silent() -> None:
    """A requirement of unnamed treatments, a medication permitted after it: no therapy is required."""
    found = prior_therapy.requirement(
        "Refractory to standard therapy, and concomitant hydroxychloroquine is allowed.", inclusion=True
    )
    assert found is not None and found.therapies == ()


@pytest.mark.parametrize(
    ("permission", "codes"),
    [
        # the permitted medication the only therapy named: the therapies are silent
        ("4. Disease refractory to induction therapy, and concomitant hydroxychloroquine is allowed.\n", set()),
        ("4. Disease refractory to induction therapy; patients may continue hydroxychloroquine.\n", set()),
        # a therapy the requirement names beside it: not silent
        ("4. Disease refractory to mycophenolate mofetil, and concomitant hydroxychloroquine is allowed.\n", {"E523"}),
    ],
)
def test_therapies_beside_a_permitted_medication_declared_silent(
    tmp_path_factory: pytest.TempPathFactory, permission: str, codes: set
) -> None:
    """A record declaring the therapies silent was refused E523, made to name hydroxychloroquine as failed."""
    checker, data = prior_silence._therapies(tmp_path_factory, permission)
    assert imported_codes(checker, data) == codes


# ... while a requirement whose criterion mentions a permission of something else, or permits a failure
# of another treatment, still requires its therapies
REQUIRED_BESIDE_A_PERMISSION = [
    ("Must have failed rituximab (retreatment is allowed).", ("rituximab",)),
    (
        "Refractory to mycophenolate or cyclophosphamide; a stable dose is permitted.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    (
        "Failure of mycophenolate; failure of cyclophosphamide is also acceptable.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    ("Inadequate response to belimumab, which is allowed as background therapy.", ("belimumab",)),
    ("Failure of rituximab or belimumab (allowed).", ("rituximab", "belimumab")),
    ("Failure of rituximab is allowed.", ("rituximab",)),
    (
        "Must have failed rituximab, mycophenolate, or cyclophosphamide, where allowed.",
        ("rituximab", "mycophenolate", "cyclophosphamide"),
    ),
    (
        "Must have failed rituximab, mycophenolate, or cyclophosphamide (where permitted).",
        ("rituximab", "mycophenolate", "cyclophosphamide"),
    ),
    ("Failure of rituximab, and may continue on study if refractory to belimumab.", ("rituximab", "belimumab")),
    ("Failure of two immunosuppressants; hydroxychloroquine qualifies.", ("immunosuppressants", "hydroxychloroquine")),
    # a permission on condition of the therapy's failure: another treatment that may have failed
    ("Must have failed rituximab; belimumab is acceptable if the patient failed it.", ("rituximab", "belimumab")),
    ("Failure of rituximab, and belimumab is OK provided they had an inadequate response.", ("rituximab", "belimumab")),
]


@pytest.mark.parametrize(("text", "therapies"), REQUIRED_BESIDE_A_PERMISSION)
def test_a_requirement_beside_a_permission_still_requires(text: str, therapies: tuple) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


@pytest.mark.parametrize(
    "words", ["hydroxychloroquine is allowed ", "(   is allowed ", "may continue hydroxychloroquine, ", "prednisone, "]
)
def test_the_permissions_subjects_are_read_once(words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each permission's subject is read back to its bound and over a list's items a few at most: the
    characters prior_therapy's patterns read (counted.scan_all) for four times the permissions are
    about four times as many, not sixteen."""
    scans = scan_all(monkeypatch, prior_therapy, leave=("RECEIVED",))
    texts = ("Must have failed rituximab, " + words * n + "is allowed." for n in (25, 100))
    small, large = (characters_read(scans, prior_therapy.requirement, text, inclusion=True) for text in texts)
    assert large < 5 * small, (small, large)
