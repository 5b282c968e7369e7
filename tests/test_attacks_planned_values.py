"""A term, a site or a dose the words right after it say is only planned is no value of the trial yet.

A source's "Allocation: Randomized (planned)", "Shanghai Hospital, Shanghai, China (proposed)" or
"1×10^6 CAR-T cells/kg (tentative)" each bound its value (RANDOMIZED, the site, the dose): the source
says the value is a plan, not the trial's. A phase or a status so spoken of was taken back already
(planned.PLANNED, read by prose.no_trials_phase and vocabulary's status lookaheads); the same words
now take back a term, a site and a dose too (retracted.taken_back with planned, retracted._PLANNED_AFTER),
in a parenthesis ("(planned)", "(proposed for 2026)", "(site planned)"), after a comma, a colon or a
dash ("- planned", ": proposed", ", tentatively"), as the value's predicate ("Randomized is planned"),
or, of a site, in its label ("Planned sites: Shanghai, China").

A count's or a date's plan is its estimate, typed ESTIMATED ("Enrollment: 60 participants
(anticipated)", "Planned enrollment: 60"), and stands; so do a dose timed ("(scheduled on Day 0)") or
a purpose's note ("(intended to induce remission)"), and a plan of another value beside the term
("Allocation: Randomized; planned enrollment 60 participants").
"""

from __future__ import annotations

import pytest
from conftest import Trials, age_fields, agent_fields, cohort_fields, construct_fields, im19_out, term_fields
from sle_trials.reading import pages, retracted

ALLOCATION = term_fields("design.allocation", "RANDOMIZED", "Allocation: Randomized")
CD28 = construct_fields("CD28")
SHANGHAI = "locations:\n  - city: Shanghai\n"
RUIJIN = "locations:\n  - facility: Ruijin Hospital\n    city: Shanghai\n"
TAKEN_BACK = "the text stands in its source only where the words right around it take it back"


# --- a term ----------------------------------------------------------------------------------------

PLANNED_TERMS = [
    ("Allocation: Randomized (planned)", ALLOCATION),
    ("Allocation: Randomized (proposed)", ALLOCATION),
    ("Allocation: Randomized [tentative]", ALLOCATION),
    ("Allocation: Randomized (anticipated)", ALLOCATION),
    ("Allocation: Randomized (provisional)", ALLOCATION),
    ("Allocation: Randomized (planned for 2026)", ALLOCATION),
    ("Allocation: Randomized (design planned)", ALLOCATION),
    ("Allocation: Randomized - planned", ALLOCATION),
    ("Allocation: Randomized: proposed", ALLOCATION),
    ("Allocation: Randomized, tentatively", ALLOCATION),
    ("Allocation: Randomized — expected in Q3 2026", ALLOCATION),
    ("Allocation: Randomized is planned.", ALLOCATION),
    ("Masking: Double (tentative)", term_fields("design.masking", "DOUBLE", "Masking: Double")),
    (
        "Primary purpose: Treatment (intended)",
        term_fields("design.primary_purpose", "TREATMENT", "Primary purpose: Treatment"),
    ),
    (
        "Intervention model: Parallel (scheduled)",
        term_fields("design.intervention_model", "PARALLEL", "Intervention model: Parallel"),
    ),
    ("IM19 CAR-T cells, costimulatory domain: CD28 (proposed)", CD28),
    (
        "Lymphodepletion: bendamustine (planned)",
        term_fields("lymphodepletion.agents", "[{agent: BENDAMUSTINE}]", "bendamustine"),
    ),
]


@pytest.mark.parametrize(("line", "fields"), PLANNED_TERMS)
def test_a_term_only_planned_is_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Allocation: Randomized", ALLOCATION),
        ("Allocation: Randomized; planned enrollment 60 participants", ALLOCATION),
        ("Allocation: Randomized, expected enrollment 60 participants", ALLOCATION),
        ("Allocation: Randomized (expected 1:1)", ALLOCATION),
        ("Allocation: Randomized as planned.", ALLOCATION),
        ("Allocation: Randomized. Planned enrollment: 60 participants.", ALLOCATION),
        (
            "Primary purpose: Treatment (intended to induce remission)",
            term_fields("design.primary_purpose", "TREATMENT", "Primary purpose: Treatment"),
        ),
        ("IM19 CAR-T cells, costimulatory domain: CD28 (unplanned changes excluded)", CD28),
        # (results none of which are posted yet: the vocabulary reads their plans itself)
        ("No Results Posted (expected in 2027)", term_fields("results_posted", "false", "No Results Posted")),
        ("No Results Posted (anticipated for 2027)", term_fields("results_posted", "false", "No Results Posted")),
        # (a count's plan is its estimate: its type's own word)
        (
            "Enrollment: 60 participants (Anticipated)",
            'enrollment:\n  count: 60\n  type: ESTIMATED\nevidence:\n  enrollment: "60 participants (Anticipated)"\n',
        ),
    ],
)
def test_a_term_given_beside_a_plan_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- a site ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Location: Shanghai, China (planned)",
        "Location: Shanghai, China (proposed)",
        "Location: Shanghai, China [tentative]",
        "Location: Shanghai, China (site planned)",
        "Location: Shanghai, China (planned site)",
        "Location: Shanghai, China (expected to open in 2026)",
        "Location: Shanghai, China (anticipated for 2026)",
        "Location: Shanghai, China - planned site",
        "Location: Shanghai, China: proposed",
        "Location: Shanghai, China; planned for 2026",
        "Location: Shanghai, China. This site is planned.",
        "Planned sites: Shanghai, China",
        "Proposed study locations: Shanghai, China",
    ],
)
def test_a_site_only_planned_is_none_of_its_sites(trials: Trials, line: str) -> None:
    assert f" E501 locations.0.city: {TAKEN_BACK}" in im19_out(trials, line, SHANGHAI)


def test_each_part_of_a_planned_sites_entry_is_taken_back(trials: Trials) -> None:
    out = im19_out(trials, "Location: Ruijin Hospital, Shanghai, China (proposed)", RUIJIN)
    assert f" E501 locations.0.facility: {TAKEN_BACK}" in out
    assert f" E501 locations.0.city: {TAKEN_BACK}" in out


@pytest.mark.parametrize(
    "line",
    [
        "Location: Shanghai, China",
        "Location: Shanghai, China (Not yet recruiting)",
        "Location: Shanghai, China. Planned enrollment: 60 participants.",
        "Location: Shanghai, China, expected enrollment 20 participants",
        "Location: Shanghai, China (recruitment expected to begin soon)",
        "Location: Shanghai, China (Recruiting; planned enrollment 20)",
        "Location: Shanghai, China (enrollment expected to begin soon)",
        "Location: Shanghai, China (site expected to enrol 20 participants)",
    ],
)
def test_a_site_beside_a_plan_still_is_one(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, SHANGHAI) == ""


def test_a_pages_planned_site_is_no_row_a_record_must_hold() -> None:
    assert pages.in_trial(["Shanghai, China (planned)", "Beijing, China"]) == ["Beijing, China"]
    assert pages.in_trial(["Shanghai, China (Not yet recruiting)"]) == ["Shanghai, China (Not yet recruiting)"]


# --- a dose ----------------------------------------------------------------------------------------

PLANNED_DOSES = [
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg (proposed)", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg (planned)", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg (planned dose)", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg - tentative", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg is proposed.", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (tentative)", agent_fields("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (expected)", agent_fields("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day, provisionally", agent_fields("fludarabine 30 mg/m2/day")),
]


@pytest.mark.parametrize(("line", "fields"), PLANNED_DOSES)
def test_a_dose_only_planned_is_none(trials: Trials, line: str, fields: str) -> None:
    assert " E508 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg.", cohort_fields("1×10^6 CAR-T cells/kg")),
        (
            "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg (scheduled on Day 0)",
            cohort_fields("1×10^6 CAR-T cells/kg"),
        ),
        ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg as planned.", cohort_fields("1×10^6 CAR-T cells/kg")),
        (
            "Lymphodepletion: fludarabine 30 mg/m2/day (scheduled for days -5 to -3)",
            agent_fields("fludarabine 30 mg/m2/day"),
        ),
        ("Lymphodepletion: fludarabine 30 mg/m2/day, scheduled over 3 days", agent_fields("fludarabine 30 mg/m2/day")),
    ],
)
def test_a_dose_given_beside_a_plan_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- the reading itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Enrollment: 60 participants (planned)", "60 participants"),
        ("Enrollment: 60 participants (anticipated)", "60 participants"),
        ("Start date: 2026-03-01 (expected)", "2026-03-01"),
        ("Start date: 2026-03-01, tentatively", "2026-03-01"),
    ],
)
def test_a_counts_or_dates_plan_is_its_estimate(text: str, value: str) -> None:
    start = text.index(value)
    assert not retracted.taken_back(text, start, start + len(value))
    assert retracted.taken_back(text, start, start + len(value), planned=True)


# --- a value that opens a part of its entry --------------------------------------------------------------

# "Shanghai" of "Shanghai Hospital, Shanghai, China (proposed)": the city's name opens the facility's part
# too, and at that place the words after the entry's last part were never reached (the part goes on
# past the value, with no comma right after it): the record listing the city alone passed
OPENING_A_PART = [
    "Location: Shanghai Hospital, Shanghai, China (planned)",
    "Location: Shanghai Hospital, Shanghai, China (proposed)",
    "Location: Shanghai Hospital, Shanghai, China (withdrawn)",
    "Location: Shanghai Hospital, Shanghai, China (site closed)",
    "Location: Shanghai General Hospital, Shanghai, China - site terminated",
    "Location: Shanghai Hospital, withdrawn",
]


@pytest.mark.parametrize("line", OPENING_A_PART)
def test_a_value_opening_a_part_of_an_entry_taken_back_is_none(trials: Trials, line: str) -> None:
    assert f" E501 locations.0.city: {TAKEN_BACK}" in im19_out(trials, line, SHANGHAI)


@pytest.mark.parametrize(
    "line",
    [
        "Location: Shanghai Hospital, Shanghai, China",
        "Location: Shanghai Hospital, Shanghai, China (Recruiting)",
        "Location: Shanghai Hospital. Beijing Hospital, Beijing, China (withdrawn); Shanghai, China",
        "Location: Shanghai\nWithdrawn: No",
    ],
)
def test_a_value_opening_a_part_of_an_entry_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, SHANGHAI) == ""


# --- an age limit ------------------------------------------------------------------------------------

# An age limit has no estimate of its own either: "Minimum age: 18 years (proposed)" bound a minimum age
PLANNED_AGES = [
    ("Minimum age: 18 years (proposed)", "minimum_age", 18, "Minimum age: 18 years"),
    ("Minimum age: 18 years - tentative", "minimum_age", 18, "Minimum age: 18 years"),
    ("Age: 18-65 years (planned for 2027)", "maximum_age", 65, "18-65 years"),
    ("Patients aged 18 years or older (provisional)", "minimum_age", 18, "aged 18 years or older"),
]


@pytest.mark.parametrize(("line", "bound", "value", "quote"), PLANNED_AGES)
def test_an_age_limit_only_planned_is_no_bound(trials: Trials, line: str, bound: str, value: int, quote: str) -> None:
    assert f" E508 eligibility.{bound}: " in im19_out(trials, line, age_fields(bound, value, quote))


@pytest.mark.parametrize(
    ("line", "bound", "value", "quote"),
    [
        ("Minimum age: 18 years", "minimum_age", 18, "Minimum age: 18 years"),
        ("Minimum age: 18 years; planned enrollment 60 participants", "minimum_age", 18, "Minimum age: 18 years"),
        ("Age: 18-65 years (inclusive)", "maximum_age", 65, "18-65 years"),
        ("Patients aged 18 years or older, as planned in the protocol", "minimum_age", 18, "aged 18 years or older"),
    ],
)
def test_an_age_limit_beside_a_plan_still_binds(trials: Trials, line: str, bound: str, value: int, quote: str) -> None:
    assert im19_out(trials, line, age_fields(bound, value, quote)) == ""


# --- a status not yet begun, with its plan ---------------------------------------------------------------

NOT_YET = term_fields("overall_status", "NOT_YET_RECRUITING", "Not yet recruiting")


@pytest.mark.parametrize(
    "line",
    [
        "Status: Not yet recruiting (anticipated start 2026)",
        "Status: Not yet recruiting (expected to open in 2026)",
        "Status: Not yet recruiting, anticipated for 2026",
        "Status: Not yet recruiting - planned start: March 2026",
    ],
)
def test_a_status_not_yet_begun_with_its_planned_start_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, NOT_YET) == ""


@pytest.mark.parametrize(
    "line",
    ["Status: Recruiting (anticipated)", "Status: Recruiting (expected Q3 2026)", "Status: Recruiting: proposed"],
)
def test_an_open_status_only_planned_is_still_none(trials: Trials, line: str) -> None:
    assert " E507 overall_status: RECRUITING " in im19_out(
        trials, line, term_fields("overall_status", "RECRUITING", "Recruiting")
    )


# --- a label that says the value is planned ----------------------------------------------------------------

PLANNED_LABELS = [
    ("Planned allocation: Randomized", term_fields("design.allocation", "RANDOMIZED", "Randomized"), " E507 "),
    ("Allocation (proposed): Randomized", term_fields("design.allocation", "RANDOMIZED", "Randomized"), " E507 "),
    ("Tentative masking: Double", term_fields("design.masking", "DOUBLE", "Double"), " E507 "),
    ("Arm A: IM19 CAR-T cells. Proposed dose: 1×10^6 CAR-T cells/kg", cohort_fields("1×10^6 CAR-T cells/kg"), " E508 "),
    ("Lymphodepletion (tentative): fludarabine 30 mg/m2/day", agent_fields("fludarabine 30 mg/m2/day"), " E508 "),
    ("Provisional minimum age: 18 years", age_fields("minimum_age", 18, "minimum age: 18 years"), " E508 "),
]


@pytest.mark.parametrize(("line", "fields", "code"), PLANNED_LABELS)
def test_a_value_a_label_calls_planned_is_none(trials: Trials, line: str, fields: str, code: str) -> None:
    assert code in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Planned sites: 3. Allocation: Randomized", term_fields("design.allocation", "RANDOMIZED", "Randomized")),
        (
            "Planned enrollment: 60 participants",
            'enrollment:\n  count: 60\nevidence:\n  enrollment: "60 participants"\n',
        ),
        ("Arm A: IM19 CAR-T cells. Dose: 1×10^6 CAR-T cells/kg", cohort_fields("1×10^6 CAR-T cells/kg")),
        ("Minimum age: 18 years", age_fields("minimum_age", 18, "Minimum age: 18 years")),
    ],
)
def test_a_value_beside_a_planned_label_of_another_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- a value that waits on a decision ------------------------------------------------------------------------

UNDECIDED = [
    ("Allocation: Randomized (to be finalised)", ALLOCATION, " E507 "),
    ("Allocation: Randomized (pending IRB approval)", ALLOCATION, " E507 "),
    ("Allocation: Randomized (subject to approval)", ALLOCATION, " E507 "),
    ("Allocation: Randomized - under consideration", ALLOCATION, " E507 "),
    ("Allocation: Randomized (projected)", ALLOCATION, " E507 "),
    ("Allocation: Randomized (envisaged)", ALLOCATION, " E507 "),
    ("Location: Shanghai, China (pending ethics approval)", SHANGHAI, " E501 "),
    ("Location: Shanghai, China, if approved", SHANGHAI, " E501 "),
    (
        "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg (subject to DSMB confirmation)",
        cohort_fields("1×10^6 CAR-T cells/kg"),
        " E508 ",
    ),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (to be finalized)", agent_fields("fludarabine 30 mg/m2/day"), " E508 "),
]


@pytest.mark.parametrize(("line", "fields", "code"), UNDECIDED)
def test_a_value_waiting_on_a_decision_is_none(trials: Trials, line: str, fields: str, code: str) -> None:
    assert code in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Allocation: Randomized (subject to eligibility)", ALLOCATION),
        ("Allocation: Randomized (pending screening)", ALLOCATION),
        ("Allocation: Randomized (stratified by site)", ALLOCATION),
        ("Location: Shanghai, China (Recruiting)", SHANGHAI),
    ],
)
def test_a_value_beside_other_conditions_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


def test_a_count_to_be_finalised_is_taken_back() -> None:
    text = "Enrollment: 60 participants (to be finalised)"
    assert retracted.taken_back(text, 12, 27)
    assert not retracted.taken_back("Enrollment: 60 participants (pending approval)", 12, 27)  # its estimate


# --- a plan word right before the value ----------------------------------------------------------------------

# "Allocation: planned Randomized": the plan word stood between the label and its value, where neither the
# words after the value nor a label of the value's noun say it, and RANDOMIZED bound
PLAN_WORD_BEFORE = [
    ("Allocation: planned Randomized", term_fields("design.allocation", "RANDOMIZED", "Randomized"), " E507 "),
    ("Allocation: tentatively Randomized", term_fields("design.allocation", "RANDOMIZED", "Randomized"), " E507 "),
    ("Allocation: (proposed) Randomized", term_fields("design.allocation", "RANDOMIZED", "Randomized"), " E507 "),
    ("Masking: [provisional] Double", term_fields("design.masking", "DOUBLE", "Double"), " E507 "),
    ("Masking - expected: Double", term_fields("design.masking", "DOUBLE", "Double"), " E507 "),
    ("IM19 CAR-T cells, costimulatory domain: planned CD28", CD28, " E507 "),
    ("Arm A: IM19 CAR-T cells. Dose: proposed 1×10^6 CAR-T cells/kg", cohort_fields("1×10^6 CAR-T cells/kg"), " E508 "),
    ("Lymphodepletion: planned fludarabine 30 mg/m2/day", agent_fields("fludarabine 30 mg/m2/day"), " E508 "),
    ("Minimum age: provisionally 18 years", age_fields("minimum_age", 18, "18 years"), " E508 "),
    # (a status and a phase, whose plans after them their own readers read)
    ("Status: expected Recruiting", term_fields("overall_status", "RECRUITING", "Recruiting"), " E507 "),
    ("Overall status: (anticipated) Recruiting", term_fields("overall_status", "RECRUITING", "Recruiting"), " E507 "),
    ("Phase: planned Phase 2", term_fields("phases", "[PHASE2]", "Phase 2"), " E507 "),
]


@pytest.mark.parametrize(("line", "fields", "code"), PLAN_WORD_BEFORE)
def test_a_value_a_plan_word_opens_is_none(trials: Trials, line: str, fields: str, code: str) -> None:
    assert code in im19_out(trials, line, fields)


def test_a_site_a_plan_word_opens_is_none_of_its_sites(trials: Trials) -> None:
    assert f" E501 locations.0.city: {TAKEN_BACK}" in im19_out(trials, "Location: proposed Shanghai, China", SHANGHAI)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        # (running text: the plan is the study's, the design its own)
        (
            "This planned randomized study of IM19 CAR-T cells. Allocation: Randomized",
            term_fields("design.allocation", "RANDOMIZED", "Randomized"),
        ),
        (
            "Masking: planned Double; Allocation: Randomized",
            term_fields("design.allocation", "RANDOMIZED", "Randomized"),
        ),
        ("Status: Recruiting. Planned sites: 3", term_fields("overall_status", "RECRUITING", "Recruiting")),
        ("Status: Not yet recruiting", NOT_YET),
        ("Phase: Phase 2 (planned enrollment 60)", term_fields("phases", "[PHASE2]", "Phase 2")),
        # (a count's and a date's plan is their estimate)
        (
            "Enrollment: Expected 60 participants",
            'enrollment:\n  count: 60\n  type: ESTIMATED\nevidence:\n  enrollment: "Expected 60 participants"\n',
        ),
    ],
)
def test_a_value_after_a_plan_of_another_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- a condition ---------------------------------------------------------------------------------------------

# "Lupus Nephritis (planned)" gave the record a condition its source says the trial only plans to study
# (evidence._PLANNED_NOT_YET); an outcome stays as planned as a registry lists it
LUPUS_NEPHRITIS = 'conditions:\n  - Lupus Nephritis\nevidence:\n  conditions.0: "Lupus Nephritis"\n'


@pytest.mark.parametrize(
    "words",
    [
        "(planned)",
        "- proposed",
        "(tentative)",
        "(anticipated for 2027)",
        # (of its patients: retracted._PLANNED_NOUN)
        "patients may be added later",
        "(patients planned)",
    ],
)
def test_a_condition_only_planned_is_none(trials: Trials, words: str) -> None:
    line = f"Conditions: Systemic Lupus Erythematosus; Lupus Nephritis {words}"
    assert f" E501 conditions.0: {TAKEN_BACK}" in im19_out(trials, line, LUPUS_NEPHRITIS)


@pytest.mark.parametrize(
    "words", ["", "(planned enrollment 20)", "(expected to respond)", "patients (planned enrollment 20)"]
)
def test_a_condition_beside_a_plan_still_is_one(trials: Trials, words: str) -> None:
    line = f"Conditions: Systemic Lupus Erythematosus; Lupus Nephritis {words}".rstrip()
    assert im19_out(trials, line, LUPUS_NEPHRITIS) == ""
