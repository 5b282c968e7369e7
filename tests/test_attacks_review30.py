"""Attacks of the review30 helper on the newest readings (fix29, review29 and the lead's last commits).

- A count after "evaluating", "assessing" or "screening" that is no object of the verb but where the
  therapy is evaluated ("The trial is evaluating CAR-T cells in 24 patients with lupus."): 60621c3 read
  it as a count of those looked at, and an honest enrollment was refused E508.
- A treatment had before that its clause stops (97c351c's washout), where the clause requires it
  ("Must have received mycophenolate and must stop it 2 weeks before lymphodepletion."): read as no
  requirement, and an honest record naming mycophenolate was refused E523.
- A sentence placing a therapy before the infusion (f38f84d) that stops, washes out or forbids it
  ("Any cyclophosphamide 500 mg/m²/day must be washed out before the infusion."): read as the
  lymphodepletion's, a wrong agent passed.
- An age line before a line in title case ("Adults aged up to 65 years" / "Pregnant Women Are
  Excluded."): a62240c guessed no line's end before a name in title case after a lower-case word, even
  a number's unit, and an honest maximum age was refused E508 (both passed before a62240c).
- A phase before "dosage" or "dosing recommendations" (9ae0d0f read "dosing" as a phase's own): the
  dose a phase is meant for, read as the trial's phase ("A phase 2 dosage will be selected.").
- A sentence saying what all patients receive after one naming the lymphodepletion (8c5d5a9), that
  says itself the therapy is given after the infusion or before the trial: read as the
  lymphodepletion's agents, a wrong agent passed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import test_attacks_hunt25 as hunt25
import test_attacks_hunt26 as hunt26
import test_attacks_mut27 as mut27
from conftest import IM19_PATH, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import prior_therapy, prose
from sle_trials.reading.lexicon import head_counts

# --- a count where a therapy is evaluated, no object of the verb -----------------------------------

EVALUATED_IN = [
    ("The trial is evaluating CAR-T cells in 24 patients with lupus.", 24, "24 patients"),
    ("Assessing safety and efficacy in 24 patients with SLE.", 24, "24 patients"),
    ("This study, assessing safety in 24 patients, is ongoing.", 24, "24 patients"),
    ("We are evaluating CAR-T cells among 24 participants with lupus.", 24, "24 participants"),
]


@pytest.mark.parametrize(("sentence", "count", "quote"), EVALUATED_IN)
def test_a_count_a_therapy_is_evaluated_in_is_counted(sentence: str, count: int, quote: str) -> None:
    assert head_counts.counts(sentence) == [count]


@pytest.mark.parametrize(("sentence", "count", "quote"), EVALUATED_IN)
def test_a_record_of_a_count_a_therapy_is_evaluated_in_passes(
    registry: Path, sentence: str, count: int, quote: str
) -> None:
    assert mut27._enrollment_codes(registry, sentence, count, quote) == set()


# ... while the count of those looked at stays no enrollment
SCREENED = [
    "After screening 40 patients, 24 patients were enrolled.",
    "Screening of 40 patients is complete; 24 will be enrolled.",
    "Investigators are screening a total of 40 patients.",
    "Screening is ongoing in 40 patients.",
]


@pytest.mark.parametrize("sentence", SCREENED)
def test_a_count_of_those_screened_is_still_no_enrollment(sentence: str) -> None:
    assert 40 not in head_counts.counts(sentence)


# --- what all patients receive, said of another time than the lymphodepletion's ---------------------

AGENTS = [("FLUDARABINE", 30, "mg/m²/day"), ("CYCLOPHOSPHAMIDE", 500, "mg/m²/day")]
LD = "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. "
ANOTHER_TIME = [
    LD + "Patients receive cyclophosphamide 500 mg/m²/day after the infusion.\n",
    LD + "Patients received cyclophosphamide 500 mg/m²/day before enrollment.\n",
    LD + "All patients received cyclophosphamide 500 mg/m²/day in the year before screening.\n",
    LD + "Patients receive cyclophosphamide 500 mg/m²/day if they relapse.\n",
    LD + "Patients receive cyclophosphamide 500 mg/m²/day for CRS.\n",
]


@pytest.mark.parametrize("text", ANOTHER_TIME)
def test_what_patients_receive_at_another_time_is_no_lymphodepletion(registry: Path, text: str) -> None:
    quotes = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]
    assert mut27._agents_codes(registry, text, AGENTS, quotes) != set()


# ... while what they receive at the lymphodepletion's time still binds
SAME_TIME = [
    "Lymphodepletion precedes the infusion. Patients receive fludarabine 30 mg/m²/day and cyclophosphamide "
    "500 mg/m²/day on days -5 to -3 before the infusion.\n",
    "Lymphodepletion is given on days -5 to -3. All participants will receive fludarabine 30 mg/m²/day and "
    "cyclophosphamide 500 mg/m²/day after leukapheresis.\n",
]


@pytest.mark.parametrize("text", SAME_TIME)
def test_what_patients_receive_at_the_lymphodepletions_time_binds(registry: Path, text: str) -> None:
    quotes = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]
    assert mut27._agents_codes(registry, text, AGENTS, quotes) == set()


# --- a required treatment had before that its clause stops: no washout of patients who may have had it --

REQUIRED_AND_STOPPED = [
    "Must have received mycophenolate and must stop it 2 weeks before lymphodepletion.",
    "Previously treated with mycophenolate, which must be stopped 4 weeks before infusion.",
    "Prior treatment with mycophenolate for at least 12 weeks, discontinued at least 4 weeks before.",
]


@pytest.mark.parametrize("text", REQUIRED_AND_STOPPED)
def test_a_required_treatment_its_clause_stops_is_still_required(text: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None
    assert tuple(t.casefold() for t in found.therapies) == ("mycophenolate",)


# --- a phase's dosage: the dose it is meant for, no trial's phase ------------------------------------

A_PHASES_DOSAGE = [
    "A phase 2 dosage will be selected.",
    "Phase 2 dosing recommendations will be made.",
    "The Phase 2 dosages are under review.",
    # a dosing schedule or regimen is the dose's too (the first was a strict xfail)
    "to select a Phase 2 dosing schedule",
    "The phase 2 dosing regimens will be chosen from these data.",
]


@pytest.mark.parametrize("text", A_PHASES_DOSAGE)
def test_a_phases_dosage_names_no_trials_phase(text: str) -> None:
    assert prose.phases(text) == set()


# ... while the phase's own dosing still names it (9ae0d0f)
@pytest.mark.parametrize("text", ["Phase 1 dosing is complete.", "Phase 2 dosing of the first cohort is ongoing."])
def test_a_phases_own_dosing_still_names_it(text: str) -> None:
    assert prose.phases(text) == {text[6]}


# --- a therapy stopped or forbidden before the infusion: no lymphodepletion ---------------------------

STOPPED_BEFORE_THE_INFUSION = [
    "Any cyclophosphamide 500 mg/m²/day must be washed out before the infusion.\n",
    "Patients on cyclophosphamide 500 mg/m²/day must stop it before the infusion.\n",
    "Use of cyclophosphamide 500 mg/m²/day within 4 weeks before the infusion is not allowed.\n",
    "Prior cyclophosphamide 500 mg/m²/day before the infusion is prohibited.\n",
    "Any cyclophosphamide 500 mg/m²/day must be discontinued prior to CAR-T infusion.\n",
]


@pytest.mark.parametrize("text", STOPPED_BEFORE_THE_INFUSION)
def test_a_therapy_stopped_before_the_infusion_is_no_lymphodepletion(registry: Path, text: str) -> None:
    agents = [("CYCLOPHOSPHAMIDE", 500, "mg/m²/day")]
    assert mut27._agents_codes(registry, text, agents, ["cyclophosphamide 500 mg/m²/day"]) != set()


# ... while one given before it still names the lymphodepletion
@pytest.mark.parametrize(
    "text",
    [
        "Patients receive cyclophosphamide 500 mg/m²/day on days -5 to -3 before the infusion.\n",
        "Conditioning: cyclophosphamide 500 mg/m²/day for 3 days prior to CAR-T infusion.\n",
    ],
)
def test_a_therapy_given_before_the_infusion_is_still_lymphodepletion(registry: Path, text: str) -> None:
    agents = [("CYCLOPHOSPHAMIDE", 500, "mg/m²/day")]
    assert mut27._agents_codes(registry, text, agents, ["cyclophosphamide 500 mg/m²/day"]) == set()


# --- an age line before a line in title case ----------------------------------------------------------

AGE_LINE_THEN_A_TITLE_CASE_LINE = [
    "Adults aged up to 65 years old\nSevere Lupus Nephritis Is Excluded.\n",
    "Adults aged up to 65 years\nPregnant Women Are Excluded.\n",
    "Adults aged up to 65 years\nPatients Aged Over 70 Are Excluded.\n",
]


@pytest.mark.parametrize("lines", AGE_LINE_THEN_A_TITLE_CASE_LINE)
def test_an_age_line_before_a_title_case_line_binds(registry: Path, trials: Trials, lines: str) -> None:
    source = add_source(registry, "seeds/925_words.txt", hunt25.HEAD + lines)
    quote = lines.split("\n")[0]
    ages = (
        "eligibility:\n  maximum_age:\n    value: 65\n    unit: YEARS\n"
        f'evidence:\n  eligibility.maximum_age: "{quote}"\n'
    )
    put(registry, IM19_PATH, joined(im19_draft(source), ages))
    assert trials.json("validate", registry / IM19_PATH).codes() == set()


# --- left open ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("A total of 24 patients achieved enrollment.", [24]),
        ("24 patients completed enrollment.", [24]),
        ("24 patients have completed recruitment.", [24]),
        # ... while those who completed the study, or reached a visit, are still some of them
        ("In total 30 patients were enrolled; 24 patients completed the study.", [30]),
        ("In total 30 patients were enrolled; 24 patients reached the enrollment visit.", [30]),
    ],
)
def test_a_count_that_completed_enrollment_is_counted(sentence: str, counted: list[int]) -> None:
    """lexicon read "achieved" and "completed" after a count as an outcome of some of those enrolled,
    and the honest enrollment of 24 was refused E508 (older than fab19d1)."""
    assert head_counts.counts(sentence) == counted


# A dosing meant for a phase, named so after the dose's name that says which phase it is for (was a strict
# xfail: prose._A_DOSE_AFTER read "dosing level" after a phase as its own dosing, and phases() read phase 2 of
# "RP2D: the Phase 2 dosing level" as the trial's): the phase a dose named before it in its clause is meant
# for is the dose's (prose._the_named_doses_phase), and a record quoting it as the trial's is refused
DOSING_MEANT_FOR_A_PHASE = [
    "RP2D: the Phase 2 dosing level",
    "RP2D (the Phase II dose level)",
    "RP2D, i.e. the dosing level for Phase 2",
    "The recommended phase 2 dose (RP2D), the Phase 2 dosing level, will be chosen.",
]


@pytest.mark.parametrize("text", DOSING_MEANT_FOR_A_PHASE)
def test_a_dosing_meant_for_a_phase_names_no_trials_phase(text: str) -> None:
    assert prose.phases(text) == set()


@pytest.mark.parametrize("text", DOSING_MEANT_FOR_A_PHASE[:3])
def test_a_phase_quoted_from_a_dosing_meant_for_it_is_refused(registry: Path, trials: Trials, text: str) -> None:
    quote = re.search(r"Phase \w+", text).group(0)  # type: ignore[union-attr]
    assert hunt26._phases(registry, trials, f"Dosing began. {text}.", quote=quote) == 1


# ... and the phase a dose chosen for it is for ("the dose selected for Phase 2", "will determine the dose for Phase
# 2"): phases() read it as the trial's, and a Phase 1 trial's record quoting it passed (prose._CHOSEN_DOSE_FOR)
DOSE_CHOSEN_FOR_A_PHASE = [
    "The dose selected for Phase 2 is 1×10^6 CAR-T cells/kg.",
    "the recommended dose for Phase 2",
    "This Phase 1 trial will determine the dose for Phase 2.",
    "to determine the recommended dose for the Phase 2 trial",
    "to select a dose for Phase 2",
]


@pytest.mark.parametrize("text", DOSE_CHOSEN_FOR_A_PHASE)
def test_a_phase_a_dose_is_chosen_for_is_no_trials_phase(text: str) -> None:
    assert "2" not in prose.phases(text)


def test_a_phase_quoted_from_a_dose_chosen_for_it_is_refused(registry: Path, trials: Trials) -> None:
    assert hunt26._phases(registry, trials, "Dosing began. This trial will determine the dose for Phase 2.") == 1


# ... while another phase in its clause, or one past its clause, is still the trial's
@pytest.mark.parametrize(
    ("text", "phases"),
    [
        ("A Phase 1 study to determine the RP2D.", {"1"}),
        ("RP2D: the Phase 1 dosing level", {"1"}),
        ("RP2D determined. Phase 2 dosing began.", {"2"}),
        ("RP2D; Phase 2 dosing of the first cohort is ongoing.", {"2"}),
        ("The RP2D of the Phase 1 part will be used in Phase 2.", {"1", "2"}),
        ("The dose for Phase 1 is 1×10^6 CAR-T cells/kg.", {"1"}),
        ("the optimal dose of the Phase 1 part", {"1"}),
        ("Dosing in Phase 2 began.", {"2"}),
        ("a dose of 1×10^6 CAR-T cells/kg for Phase 2 patients", {"2"}),
    ],
)
def test_a_phase_besides_the_one_a_dose_is_meant_for_still_names_it(text: str, phases: set[str]) -> None:
    assert prose.phases(text) == phases
