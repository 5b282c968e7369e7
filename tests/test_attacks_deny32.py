"""Attacks of the deny32 hunt: a value the words right around it take back.

A source that writes a value and, in the same breath, cancels it ("Enrollment: 60 participants
(cancelled)"), withdraws it, says it does not apply ("Minimum age: 18 years: not applicable", "Phase
2: N/A"), leaves it to be decided ("Start date: 2024-07-30 (to be confirmed)"), or replaces it
("formerly Recruiting, now Completed", "~~Female~~ All", "Enrollment revised from 60 participants to 6
participants", "was 60 participants; amended to 6") gives no value of the trial. Each bound its value
by the words the quote keeps: a count, an age, a date and the enumerated terms alike. One reading now
serves them all (reading/retracted.py), asked of each place the source gives the value, its words read
to the line's end (past a semicolon or a guessed line break, "60 participants N/A").

Words that qualify a value without taking it back leave it standing: "(actual)", "(estimated)",
"(inclusive)", "or older", "(Clinical Trial)".
"""

from __future__ import annotations

import json

import pytest
from conftest import (
    Trials,
    age_fields,
    enrollment_fields,
    im19_out,
    term_fields,
)
from sle_trials.reading import retracted


def _start(quote: str) -> str:
    return f'dates:\n  start:\n    date: "2024-07-30"\nevidence:\n  dates.start: {json.dumps(quote)}\n'


# --- a count ---------------------------------------------------------------------------------------

ENROLLMENT = "Enrollment: 60 participants"
COUNTS_TAKEN_BACK = [
    (ENROLLMENT + " (cancelled)", ENROLLMENT),
    (ENROLLMENT + ": no", ENROLLMENT),
    (ENROLLMENT + ": none", ENROLLMENT),
    (ENROLLMENT + " (withdrawn)", ENROLLMENT),
    (ENROLLMENT + " - not applicable", ENROLLMENT),
    (ENROLLMENT + " — not applicable", ENROLLMENT),
    (ENROLLMENT + " N/A", ENROLLMENT),
    (ENROLLMENT + " (TBD)", ENROLLMENT),
    (ENROLLMENT + " (to be confirmed)", ENROLLMENT),
    (ENROLLMENT + " (revised to 40)", ENROLLMENT),
    (ENROLLMENT + " (originally; now 40)", ENROLLMENT),
    (ENROLLMENT + " (superseded)", ENROLLMENT),
    ("Enrollment: ~~60 participants~~ 6 participants", "60 participants"),
    ("Enrollment: formerly 60 participants, now 6", "60 participants"),
    ("Enrollment: previously 60 participants", "60 participants"),
    ("Enrollment was 60 participants; amended to 6 participants", "60 participants"),
    ("Enrollment revised from 60 participants to 6 participants", "60 participants"),
    ("Originally 60 participants; 6 participants enrolled", "60 participants"),
    ("Enrollment (cancelled): 60 participants", "60 participants"),
    # a qualifier before the words, or the plainest of them after a comma, a semicolon, a stop, a double
    # dash, emphasis, or a sentence saying so
    (ENROLLMENT + " (estimated; cancelled)", ENROLLMENT),
    (ENROLLMENT + " (estimated) (cancelled)", ENROLLMENT + " (estimated)"),
    (ENROLLMENT + ", withdrawn", ENROLLMENT),
    (ENROLLMENT + "; cancelled", ENROLLMENT),
    (ENROLLMENT + ". Cancelled.", ENROLLMENT),
    (ENROLLMENT + " -- cancelled", ENROLLMENT),
    (ENROLLMENT + " *(cancelled)*", ENROLLMENT),
    ("Planned enrollment of 60 participants was cancelled.", "60 participants"),
    # a label saying the value is an old one
    ("Previous enrollment: 60 participants", "60 participants"),
    ("Original Estimated Enrollment: 60 participants", "60 participants"),
    ("Enrollment (formerly): 60 participants", "60 participants"),
    # the quote's whole statement taken back, past the count's own words
    ("Enrollment: 60 participants with lupus (cancelled)", "Enrollment: 60 participants with lupus"),
]


@pytest.mark.parametrize(("line", "quote"), COUNTS_TAKEN_BACK)
def test_a_count_taken_back_is_no_enrollment(trials: Trials, line: str, quote: str) -> None:
    assert " E508 enrollment.count: 60 is not the number of participants" in im19_out(
        trials, line, enrollment_fields(60, quote)
    )


@pytest.mark.parametrize(
    "line",
    [
        ENROLLMENT + " (actual)",
        ENROLLMENT + " (Estimated)",
        ENROLLMENT + ".",
        ENROLLMENT + " (all adults)",
        ENROLLMENT + " with lupus",
    ],
)
def test_a_count_qualified_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(60, ENROLLMENT)) == ""


# --- an age ----------------------------------------------------------------------------------------

MINIMUM = "Minimum age: 18 years"
AGES_TAKEN_BACK = [
    (MINIMUM + ": not applicable", MINIMUM),
    (MINIMUM + " (cancelled)", MINIMUM),
    (MINIMUM + " - N/A", MINIMUM),
    (MINIMUM + " N/A", MINIMUM),
    (MINIMUM + " (TBD)", MINIMUM),
    (MINIMUM + " (no longer applies)", MINIMUM),
    (MINIMUM + " (amended to 16 years)", MINIMUM),
    (MINIMUM + ": none", MINIMUM),
    # (these four were refused before too: the label is no longer read as the age's, past the words)
    ("Minimum age: ~~18 years~~ 16 years", "Minimum age: ~~18 years"),
    ("Minimum age: formerly 18 years, now 16 years", "Minimum age: formerly 18 years"),
    ("Minimum age: revised from 18 years to 16 years", "Minimum age: revised from 18 years"),
    ("Minimum age: no longer 18 years", "Minimum age: no longer 18 years"),
]


# ... and a range's first end, which the words after its last take back with it
RANGES_TAKEN_BACK = [
    ("Age: 18-65 years (cancelled)", "Age: 18-65 years"),
    ("Ages 18 to 65 years (withdrawn)", "Ages 18 to 65 years"),
    ("Age: 18 to 65 years - not applicable", "Age: 18 to 65 years"),
    ("Age: between 18 and 65 years (TBD)", "Age: between 18 and 65 years"),
    ("Age: ≥18 years and ≤65 years (cancelled)", "Age: ≥18 years and ≤65 years"),
]
AGES_TAKEN_BACK += RANGES_TAKEN_BACK


@pytest.mark.parametrize(("line", "quote"), AGES_TAKEN_BACK)
def test_an_age_taken_back_is_no_bound(trials: Trials, line: str, quote: str) -> None:
    out = im19_out(trials, line, age_fields("minimum_age", 18, quote))
    assert " E508 eligibility.minimum_age: 18 YEARS is not the minimum age" in out


@pytest.mark.parametrize(
    "line", [MINIMUM + " (inclusive)", MINIMUM + ".", MINIMUM + " or older", "Minimum age: 18 years, Maximum age: N/A"]
)
def test_an_age_qualified_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, age_fields("minimum_age", 18, MINIMUM)) == ""


# --- a date ----------------------------------------------------------------------------------------

START = "Start date: 2024-07-30"
DATES_TAKEN_BACK = [
    (START + " (cancelled)", START),
    (START + " - not applicable", START),
    (START + " TBD", START),
    (START + " (to be confirmed)", START),
    (START + " (postponed)", START),
    (START + " (revised to 2025-01-01)", START),
    (START + ": no", START),
    ("Start date: ~~2024-07-30~~ 2025-01-01", "2024-07-30"),
    ("Start date: formerly 2024-07-30, now 2025-01-01", "2024-07-30"),
    ("Start date: originally 2024-07-30", "2024-07-30"),
    ("Start date revised from 2024-07-30 to 2025-01-01", "2024-07-30"),
    ("Original start date: 2024-07-30", "2024-07-30"),
]


@pytest.mark.parametrize(("line", "quote"), DATES_TAKEN_BACK)
def test_a_date_taken_back_is_no_date_of_the_trial(trials: Trials, line: str, quote: str) -> None:
    assert " E505 dates.start.date: 2024-07-30 is taken back" in im19_out(trials, line, _start(quote))


@pytest.mark.parametrize("line", [START + " (actual)", START + " (Estimated)", START + "."])
def test_a_date_qualified_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, _start(START)) == ""


# --- a term ----------------------------------------------------------------------------------------

RECRUITING = ("overall_status", "RECRUITING", "Recruiting")
FEMALE = ("eligibility.sex", "FEMALE", "Female")
INTERVENTIONAL = ("study_type", "INTERVENTIONAL", "Interventional")
RANDOMIZED = ("design.allocation", "RANDOMIZED", "Randomized")
TERMS_TAKEN_BACK = [
    ("Status: Recruiting (cancelled)", RECRUITING),
    ("Status: Recruiting (withdrawn)", RECRUITING),
    ("Status: formerly Recruiting, now Completed", RECRUITING),
    ("Status: ~~Recruiting~~ Completed", RECRUITING),
    ("Status: previously Recruiting", RECRUITING),
    ("Status: Recruiting N/A", RECRUITING),
    ("Previous status: Recruiting", RECRUITING),
    ("Sex: Female (cancelled)", FEMALE),
    ("Sex: Female - not applicable", FEMALE),
    ("Sex: formerly Female, now All", FEMALE),
    ("Female: N/A", FEMALE),
    ("Study type: Interventional (cancelled)", INTERVENTIONAL),
    ("Study type: ~~Interventional~~ Observational", INTERVENTIONAL),
    ("Interventional: N/A", INTERVENTIONAL),
    ("Allocation: Randomized - not applicable", RANDOMIZED),
    ("Allocation: previously Randomized, now Non-Randomized", RANDOMIZED),
    ("Randomized: N/A", RANDOMIZED),
    ("Has Results: Yes (withdrawn)", ("results_posted", "true", "Has Results: Yes")),
    ("Has Results: Yes - not applicable", ("results_posted", "true", "Has Results: Yes")),
]


@pytest.mark.parametrize(("line", "term"), TERMS_TAKEN_BACK)
def test_a_term_taken_back_renders_none(trials: Trials, line: str, term: tuple[str, str, str]) -> None:
    field, value, quote = term
    assert f" E507 {field}: {value} is not what the quote states" in im19_out(
        trials, line, term_fields(field, value, quote)
    )


PHASE2 = 'phases:\n  - PHASE2\nevidence:\n  phases: "Phase 2"\n'


@pytest.mark.parametrize(
    "line",
    [
        "Phase: Phase 2 (cancelled)",
        "Phase: Phase 2 - not applicable",
        "Phase: ~~Phase 2~~ Phase 1",
        "Phase: formerly Phase 2, now Phase 1",
        "Phase: Phase 2 (TBD)",
        "Phase 2: N/A",
    ],
)
def test_a_phase_taken_back_renders_none(trials: Trials, line: str) -> None:
    assert " E507 phases: [PHASE2] is not what the quote states" in im19_out(trials, line, PHASE2)


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("Status: Recruiting", RECRUITING),
        ("Sex: Female", FEMALE),
        ("Study type: Interventional (Clinical Trial)", INTERVENTIONAL),
        ("Allocation: Randomized", RANDOMIZED),
        ("Has Results: Yes", ("results_posted", "true", "Has Results: Yes")),
    ],
)
def test_a_term_stated_still_binds(trials: Trials, line: str, term: tuple[str, str, str]) -> None:
    field, value, quote = term
    assert im19_out(trials, line, term_fields(field, value, quote)) == ""


def test_a_phase_stated_still_binds(trials: Trials) -> None:
    assert im19_out(trials, "Phase: Phase 2", PHASE2) == ""


# --- the reading itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Enrollment: 60 participants [sic]", "60 participants"),  # the source's own writing, kept as it is
        ("Enrollment was 60 participants.", "60 participants"),  # a past state, not a withdrawn one
        ("Enrollment: 60 participants (planned)", "60 participants"),  # an estimate
        ("Enrollment: 60 participants, now recruiting", "60 participants"),
        ("Enrollment: 60 participants (now recruiting)", "60 participants"),
        ("RECRUITING NA 60 participants", "RECRUITING"),  # a registry copy's "NA" phase after it, no "N/A"
        ("Minimum age: 18 years, no upper limit", "18"),
        ("60 participants: none had prior CAR-T", "60 participants"),  # a "none" that goes on
        ("Not less than 18 years", "18"),
        ("Enrollment: 60 participants, 5 withdrawn", "60 participants"),
        ("Enrollment: 60 participants (5 withdrawn)", "60 participants"),
        ("Enrollment: 60 participants (estimated; 5 withdrawn)", "60 participants"),
        ("Enrollment: 60 participants. Withdrawn participants: 0", "60 participants"),
        ("Has Results: Yes (posted)", "Has Results"),
        ("Previous therapy: cyclophosphamide", "cyclophosphamide"),  # a prior therapy, the trial's own value
        ("Initial enrollment: 60 participants", "60 participants"),
        ("Sponsor: Acme Biotech (formerly Beta Corp.)", "Acme Biotech"),  # its old name, not its own taken back
        ("Status: Recruiting (previously Not yet recruiting)", "Recruiting"),
        ("Sponsor: Acme Biotech (replaced Beta Corp. as sponsor)", "Acme Biotech"),
    ],
)
def test_words_that_do_not_take_a_value_back(text: str, value: str) -> None:
    start = text.index(value)
    assert not retracted.taken_back(text, start, start + len(value))


# --- a cohort's dose -------------------------------------------------------------------------------

COHORT = "1×10^6 CAR-T cells/kg for patients 1 to 3"


def _cohort(quote: str) -> str:
    return (
        "arms:\n  - label: CAR-T\n    cohorts:\n      - patients: {first: 1, last: 3}\n        dose:\n"
        "          value: 1000000\n          unit: CAR-T cells\n          basis: PER_KG\n"
        f"evidence:\n  arms.0.cohorts.0: {json.dumps(quote, ensure_ascii=False)}\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        f"Cohort 1: {COHORT} (cancelled)",
        f"Cohort 1: {COHORT} - not applicable",
        f"Cohort 1: {COHORT} (withdrawn)",
        f"Cohort 1: ~~{COHORT}~~",
        f"Cohort 1: formerly {COHORT}",
        f"Cohort 1 (cancelled): {COHORT}",
    ],
)
def test_a_cohort_taken_back_is_no_cohort(trials: Trials, line: str) -> None:
    assert " E508 arms.0.cohorts.0.dose: the quote states no dose of 1000000" in im19_out(trials, line, _cohort(COHORT))


@pytest.mark.parametrize("line", [f"Cohort 1: {COHORT}", f"Cohort 1: {COHORT} (actual)"])
def test_a_cohort_stated_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, _cohort(COHORT)) == ""


# --- a lymphodepleting agent's dose ------------------------------------------------------------------

FLUDARABINE = "fludarabine 30 mg/m²/day"
AGENT = (
    "lymphodepletion:\n  agents:\n    - agent: FLUDARABINE\n      dose: 30\n      unit: mg/m²/day\n"
    f'evidence:\n  lymphodepletion.agents.0: "{FLUDARABINE}"\n'
)


@pytest.mark.parametrize(
    "line",
    [
        f"Lymphodepletion: {FLUDARABINE} (cancelled)",
        f"Lymphodepletion: {FLUDARABINE} - not applicable",
        f"Lymphodepletion: {FLUDARABINE} (withdrawn)",
        f"Lymphodepletion: {FLUDARABINE} (revised to 25 mg/m²/day)",
    ],
)
def test_an_agents_dose_taken_back_is_no_dose(trials: Trials, line: str) -> None:
    assert " E508 lymphodepletion.agents.0.dose: the quote states no dose of 30" in im19_out(trials, line, AGENT)


def test_an_agents_dose_stated_still_binds(trials: Trials) -> None:
    assert im19_out(trials, f"Lymphodepletion: {FLUDARABINE} for 3 days", AGENT) == ""


# --- a verbatim text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fields", "field"),
    [
        ("Condition: Lupus Nephritis (withdrawn)", "conditions:\n  - Lupus Nephritis\n", "conditions.0"),
        ("Condition: formerly Lupus Nephritis", "conditions:\n  - Lupus Nephritis\n", "conditions.0"),
        ("Condition: ~~Lupus Nephritis~~ SLE", "conditions:\n  - Lupus Nephritis\n", "conditions.0"),
        ("Location: Beijing (cancelled)", "locations:\n  - city: Beijing\n", "locations.0.city"),
    ],
)
def test_a_verbatim_text_taken_back_is_none_of_the_trials(trials: Trials, line: str, fields: str, field: str) -> None:
    assert f" E501 {field}: the text stands in its source only where the words right around it take it back" in (
        im19_out(trials, line, fields)
    )


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Condition: Lupus Nephritis", "conditions:\n  - Lupus Nephritis\n"),
        ("Condition: Lupus Nephritis (formerly Lupus Glomerulonephritis)", "conditions:\n  - Lupus Nephritis\n"),
        ("Conditions: Lupus Nephritis (withdrawn); Lupus Nephritis", "conditions:\n  - Lupus Nephritis\n"),
        ("Location: Beijing", "locations:\n  - city: Beijing\n"),
    ],
)
def test_a_verbatim_text_stated_still_stands(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""
