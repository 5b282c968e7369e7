"""Attacks of the qual37 hunt: a value that stands in the source's words, which the words right next to
it make into something else.

- A dose the words before or after it give as a bound from below: "fludarabine more than 30
  mg/m2/day", "at least 30", "≥ 30", "over 30", "30 mg/m2/day or more" each bound a lymphodepleting
  agent's dose of 30, and "more than 1×10^6 CAR-T cells/kg", "at least", "≥" a cohort's dose of
  1×10^6 (dosing.dose_floor: no dose). A bound from above in words, "less than 30", "under 1×10^6",
  "not more than 30", is a cap, read as the dose only in a curation note, as "<" and "up to" were.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, age_fields, agent_fields, cohort_fields, im19_out, term_fields

# --- a dose bounded from below ---------------------------------------------------------------------

AGENT_FLOORS = [
    "fludarabine more than 30 mg/m2/day",
    "fludarabine at least 30 mg/m2/day",
    "fludarabine ≥ 30 mg/m2/day",
    "fludarabine > 30 mg/m2/day",
    "fludarabine over 30 mg/m2/day",
    "fludarabine not less than 30 mg/m2/day",
    "fludarabine 30 mg/m2/day or more",
]


@pytest.mark.parametrize("quote", AGENT_FLOORS)
def test_an_agents_dose_bounded_from_below_is_no_dose(trials: Trials, quote: str) -> None:
    line = f"Lymphodepletion: {quote}."
    assert " E508 lymphodepletion.agents.0.dose: the quote states no dose of 30" in im19_out(
        trials, line, agent_fields(quote)
    )


COHORT_FLOORS = [
    "more than 1×10^6 CAR-T cells/kg",
    "at least 1×10^6 CAR-T cells/kg",
    "≥ 1×10^6 CAR-T cells/kg",
    "over 1×10^6 CAR-T cells/kg",
    "1×10^6 CAR-T cells/kg or higher",
]


@pytest.mark.parametrize("quote", COHORT_FLOORS)
def test_a_cohorts_dose_bounded_from_below_is_no_dose(trials: Trials, quote: str) -> None:
    line = f"Arm A: IM19 CAR-T cells at a dose of {quote}."
    assert " E508 arms.0.cohorts.0.dose: the quote states no dose of 1000000" in im19_out(
        trials, line, cohort_fields(quote)
    )


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Lymphodepletion: fludarabine less than 30 mg/m2/day.", agent_fields("fludarabine less than 30 mg/m2/day")),
        (
            "Lymphodepletion: fludarabine not more than 30 mg/m2/day.",
            agent_fields("fludarabine not more than 30 mg/m2/day"),
        ),
        ("Arm A: IM19 CAR-T cells at under 1×10^6 CAR-T cells/kg.", cohort_fields("under 1×10^6 CAR-T cells/kg")),
        ("Arm A: IM19 CAR-T cells at below 1×10^6 CAR-T cells/kg.", cohort_fields("below 1×10^6 CAR-T cells/kg")),
    ],
)
def test_a_dose_bounded_from_above_in_words_is_a_cap(trials: Trials, line: str, fields: str) -> None:
    assert "the source gives the number as a maximum; read as the dose" in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Lymphodepletion: fludarabine 30 mg/m2/day.", agent_fields("fludarabine 30 mg/m2/day")),
        ("Lymphodepletion: fludarabine 30 mg/m2/day for 3 days.", agent_fields("fludarabine 30 mg/m2/day")),
        ("Lymphodepletion: fludarabine 30 mg/m2/day over 3 days.", agent_fields("fludarabine 30 mg/m2/day")),
        ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg.", cohort_fields("1×10^6 CAR-T cells/kg")),
        (
            "Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg for patients over 18 years.",
            cohort_fields("1×10^6 CAR-T cells/kg"),
        ),
    ],
)
def test_a_dose_as_given_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- a length of time by the words a quote of an age leaves out ------------------------------------

LENGTHS_OF_TIME = [
    ("SLE for at least 6 years; age 18 or older.", "at least 6 years"),
    ("Patients with SLE for at least 6 years.", "at least 6 years"),
    ("Disease duration of at least 6 years.", "at least 6 years"),
    ("Diagnosed at least 6 years before screening.", "at least 6 years"),
    ("Stable on hydroxychloroquine for ≥ 6 years.", "≥ 6 years"),
]


@pytest.mark.parametrize(("line", "quote"), LENGTHS_OF_TIME)
def test_a_length_of_time_cut_from_its_words_is_no_age(trials: Trials, line: str, quote: str) -> None:
    out = im19_out(trials, line, age_fields("minimum_age", 6, quote))
    assert " E508 eligibility.minimum_age: 6 YEARS is not the minimum age the quote states" in out


@pytest.mark.parametrize(
    ("line", "quote", "value"),
    [
        ("SLE for at least 6 months; age 18 years or older.", "age 18 years or older", 18),
        ("Patients aged at least 18 years, with SLE for 6 months.", "aged at least 18 years", 18),
        ("Age ≥ 18 years.", "≥ 18 years", 18),
    ],
)
def test_an_age_beside_a_length_of_time_still_binds(trials: Trials, line: str, quote: str, value: int) -> None:
    assert im19_out(trials, line, age_fields("minimum_age", value, quote)) == ""


# --- an age of someone other than who enrols --------------------------------------------------------

OTHERS_AGES = [
    ("Partners aged 18 years or older must consent.", "minimum_age", 18, "aged 18 years or older"),
    ("Donors aged 18 to 40 years.", "maximum_age", 40, "aged 18 to 40 years"),
    ("Children whose mothers are over 40 years.", "minimum_age", 40, "over 40 years"),
    ("A caregiver at least 21 years old must attend each visit.", "minimum_age", 21, "at least 21 years old"),
    ("The legal representative must be 18 years or older.", "minimum_age", 18, "18 years or older"),
    # (the women a contraception rule is for, past the words that name them: age_bounds._FOR_A_SUBGROUP_AFTER)
    (
        "Women aged 18 to 50 years of childbearing potential must use contraception.",
        "maximum_age",
        50,
        "18 to 50 years",
    ),
    ("Women over 45 years of child-bearing age need no contraception.", "minimum_age", 45, "over 45 years"),
]


@pytest.mark.parametrize(("line", "bound", "value", "quote"), OTHERS_AGES)
def test_an_age_of_another_person_is_no_bound(trials: Trials, line: str, bound: str, value: int, quote: str) -> None:
    assert " E508 eligibility." in im19_out(trials, line, age_fields(bound, value, quote))


@pytest.mark.parametrize(
    ("line", "bound", "value", "quote"),
    [
        ("Partners of patients aged 18 years or older must consent.", "minimum_age", 18, "aged 18 years or older"),
        ("Children aged 6 to 17 years.", "maximum_age", 17, "aged 6 to 17 years"),
        ("Women aged 18 to 65 years.", "maximum_age", 65, "aged 18 to 65 years"),
        ("Women aged 18 to 50 years of childbearing potential are eligible.", "maximum_age", 50, "18 to 50 years"),
        ("Patients aged 18 years or older; partners must consent.", "minimum_age", 18, "aged 18 years or older"),
    ],
)
def test_an_age_of_who_enrols_beside_another_person_still_binds(
    trials: Trials, line: str, bound: str, value: int, quote: str
) -> None:
    assert im19_out(trials, line, age_fields(bound, value, quote)) == ""


# --- a value asked, not given ------------------------------------------------------------------------


ASKED = [
    ("Sex: Female?", term_fields("eligibility.sex", "FEMALE", "Sex: Female")),
    ("Masking: Double?", term_fields("design.masking", "DOUBLE", "Masking: Double")),
    (
        "Intervention model: Parallel?",
        term_fields("design.intervention_model", "PARALLEL", "Intervention model: Parallel"),
    ),
    ("Study type: Observational?", term_fields("study_type", "OBSERVATIONAL", "Study type: Observational")),
    ("Has Results?", term_fields("results_posted", "true", "Has Results")),
    ("IM19 CAR-T cells are allogeneic (?)", term_fields("cell_product.origin", "ALLOGENEIC", "allogeneic")),
    (
        "Lymphodepletion: bendamustine?",
        term_fields("lymphodepletion.agents", "[{agent: BENDAMUSTINE}]", "bendamustine"),
    ),
    ("Minimum age: 12 years?", age_fields("minimum_age", 12, "Minimum age: 12 years")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day?", agent_fields("fludarabine 30 mg/m2/day")),
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg?", cohort_fields("1×10^6 CAR-T cells/kg")),
    (
        "Enrollment: 6 participants (Actual?)",
        'enrollment:\n  count: 6\n  type: ACTUAL\nevidence:\n  enrollment: "Enrollment: 6 participants (Actual"\n',
    ),
    (
        "First posted: 2024-07-30?",
        'dates:\n  first_posted:\n    date: "2024-07-30"\nevidence:\n'
        '  dates.first_posted: "First posted: 2024-07-30"\n',
    ),
    ("Sponsor: Acme Bio?", term_fields("sponsor.name", "Acme Bio", "Sponsor: Acme Bio")),
]


@pytest.mark.parametrize(("line", "fields"), ASKED)
def test_a_value_asked_is_none_given(trials: Trials, line: str, fields: str) -> None:
    out = im19_out(trials, line, fields)
    assert any(f" {code} " in out for code in ("E501", "E505", "E507", "E508")), out
    assert "curation.sources" not in out, out


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Sex: Female", term_fields("eligibility.sex", "FEMALE", "Sex: Female")),
        ("Randomized? Yes", term_fields("design.allocation", "RANDOMIZED", "Randomized")),
        ("Masking: Double. Any questions? Call the site.", term_fields("design.masking", "DOUBLE", "Masking: Double")),
        ("Minimum age: 12 years. Who can join? See below.", age_fields("minimum_age", 12, "Minimum age: 12 years")),
        ("Lymphodepletion: fludarabine 30 mg/m2/day.", agent_fields("fludarabine 30 mg/m2/day")),
        # (a line after the value asking something: lines are read joined by spaces)
        ("Has Results\nWho can join?", term_fields("results_posted", "true", "Has Results")),
        ("Sex: Female\nAny questions?", term_fields("eligibility.sex", "FEMALE", "Sex: Female")),
    ],
)
def test_a_value_given_beside_a_question_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- an old name the words before it give it ---------------------------------------------------------

OLD_NAMES = [
    ("IM19 CAR-T cells (formerly called IM29 CAR-T)", term_fields("cell_product.name", "IM29 CAR-T", "IM29 CAR-T")),
    ("Sponsor: Peking University (formerly known as Acme Bio)", term_fields("sponsor.name", "Acme Bio", "Acme Bio")),
    ("Sponsor: Peking University, previously named Acme Bio.", term_fields("sponsor.name", "Acme Bio", "Acme Bio")),
    ("Status: Completed (previously listed as Recruiting)", term_fields("overall_status", "RECRUITING", "Recruiting")),
    # ... or the role or the place it gave the value then
    ("Sponsor: Acme Bio; formerly sponsored by Beta Corp", term_fields("sponsor.name", "Beta Corp", "Beta Corp")),
    (
        "IM19: anti-CD19 CAR-T cells, formerly targeting CD22",
        "cell_product:\n  name: IM19\n  target_antigens: [CD22]\n"
        "evidence:\n  cell_product.name: IM19\n  cell_product.target_antigens: CD22\n",
    ),
    ("Location: Beijing, China; previously located in Shanghai, China", "locations:\n  - city: Shanghai\n"),
    ("Recruitment: originally enrolling 60 participants", term_fields("enrollment.count", "60", "60 participants")),
]


@pytest.mark.parametrize(("line", "fields"), OLD_NAMES)
def test_an_old_name_is_none_of_the_trials(trials: Trials, line: str, fields: str) -> None:
    out = im19_out(trials, line, fields)
    assert " E501 " in out or " E507 " in out or " E508 " in out, out


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("IM19 CAR-T cells (formerly called IM29 CAR-T)", term_fields("cell_product.name", "IM19 CAR-T cells", "IM19")),
        (
            "Sponsor: Peking University (formerly known as Acme Bio)",
            term_fields("sponsor.name", "Peking University", "Sponsor: Peking University"),
        ),
        ("Sponsor: Acme Bio (formerly Beta Corp.)", term_fields("sponsor.name", "Acme Bio", "Sponsor: Acme Bio")),
        ("Sponsor: Acme Bio; formerly sponsored by Beta Corp", term_fields("sponsor.name", "Acme Bio", "Acme Bio")),
        # (what patients had before is a prior therapy the trial asks for, not an old value)
        (
            "Inclusion criteria:\n1. Patients previously treated with rituximab",
            "eligibility:\n  inclusion_criteria:\n    - number: 1\n"
            "      text: Patients previously treated with rituximab\n",
        ),
    ],
)
def test_the_name_beside_its_old_one_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- an age at the disease's onset, the disease named between ----------------------------------------

AT_ONSET = [
    ("Age at SLE onset: 16 years or older.", "16 years or older"),
    ("Age at lupus diagnosis 16 years or older.", "16 years or older"),
    ("Onset age: 16 years or older.", "16 years or older"),
    ("Age at first SLE diagnosis: at least 16 years.", "at least 16 years"),
]


@pytest.mark.parametrize(("line", "quote"), AT_ONSET)
def test_an_age_at_the_diseases_onset_is_no_bound(trials: Trials, line: str, quote: str) -> None:
    out = im19_out(trials, line, age_fields("minimum_age", 16, quote))
    assert " E508 eligibility.minimum_age: 16 YEARS is not the minimum age the quote states" in out


@pytest.mark.parametrize(
    "line", ["Age at screening: 16 years or older.", "Age at consent 16 years or older.", "Age 16 years or older."]
)
def test_an_age_at_the_trials_own_events_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, age_fields("minimum_age", 16, "16 years or older")) == ""


# --- a term after a denied verb of making or giving ---------------------------------------------------


def _route(quote: str) -> str:
    return (
        "interventions:\n  - name: IM19 CAR-T cells\n    route: SUBCUTANEOUS\nevidence:\n"
        f"  interventions.0.name: IM19 CAR-T cells\n  interventions.0.route: {json.dumps(quote)}\n"
    )


def _made(term: str, quote: str) -> str:
    return (
        f"cell_product:\n  name: IM19\n  construct:\n    manufacturing: {term}\nevidence:\n"
        f"  cell_product.name: IM19\n  cell_product.construct: {json.dumps(quote)}\n"
    )


DENIED_VERBS = [
    ("IM19 CAR-T cells are not made with FasTCAR.", _made("FAST", "FasTCAR")),
    ("IM19 CAR-T cells will never be manufactured as universal cells.", _made("UNIVERSAL", "universal cells")),
    (
        "IM19 CAR-T cells are not given by subcutaneous injection.",
        _route("IM19 CAR-T cells are not given by subcutaneous injection"),
    ),
    (
        "IM19 CAR-T cells by intravenous infusion, not by subcutaneous injection.",
        _route("IM19 CAR-T cells by intravenous infusion, not by subcutaneous injection"),
    ),
    (
        "IM19 CAR-T cells have not been administered via subcutaneous injection.",
        _route("IM19 CAR-T cells have not been administered via subcutaneous injection"),
    ),
]


@pytest.mark.parametrize(("line", "fields"), DENIED_VERBS)
def test_a_term_after_a_denied_verb_is_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("IM19 CAR-T cells are made with FasTCAR.", _made("FAST", "FasTCAR")),
        ("IM19 CAR-T cells are not autologous but made as universal cells.", _made("UNIVERSAL", "universal cells")),
        (
            "IM19 CAR-T cells are given by subcutaneous injection.",
            _route("IM19 CAR-T cells are given by subcutaneous injection"),
        ),
        (
            "IM19 CAR-T cells, not given orally, by subcutaneous injection.",
            _route("IM19 CAR-T cells, not given orally, by subcutaneous injection"),
        ),
    ],
)
def test_a_term_after_a_verb_not_denied_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- a dose the words after it say is not given ------------------------------------------------------

NOT_GIVEN = [
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg will not be given.", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg is no longer used.", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day will not be administered.", agent_fields("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day was never used.", agent_fields("fludarabine 30 mg/m2/day")),
]


@pytest.mark.parametrize(("line", "fields"), NOT_GIVEN)
def test_a_dose_not_given_is_none(trials: Trials, line: str, fields: str) -> None:
    assert " E508 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg will be given.", cohort_fields("1×10^6 CAR-T cells/kg")),
        ("Lymphodepletion: fludarabine 30 mg/m2/day is used.", agent_fields("fludarabine 30 mg/m2/day")),
        ("Lymphodepletion: fludarabine 30 mg/m2/day, not given to children.", agent_fields("fludarabine 30 mg/m2/day")),
    ],
)
def test_a_dose_given_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- results posted that are only planned -------------------------------------------------------------

RESULTS_NOT_YET = [
    ("Results Posted (planned for 2027)", "Results Posted"),
    ("Has Results: expected 2027", "Has Results"),
    ("Has Results (pending)", "Has Results"),
    ("Results Posted - to be posted in 2026", "Results Posted"),
    ("Has Results, due in 2026", "Has Results"),
]


@pytest.mark.parametrize(("line", "quote"), RESULTS_NOT_YET)
def test_results_only_planned_are_none_posted(trials: Trials, line: str, quote: str) -> None:
    assert " E507 results_posted: true is not what the quote states" in im19_out(
        trials, line, term_fields("results_posted", "true", quote)
    )


@pytest.mark.parametrize(
    ("line", "value", "quote"),
    [
        ("Results Posted", "true", "Results Posted"),
        ("Results Posted: 2025-03-01", "true", "Results Posted"),
        ("Has Results, see below.", "true", "Has Results"),
        ("No Results Posted (expected 2027)", "false", "No Results Posted"),
    ],
)
def test_results_posted_still_bind(trials: Trials, line: str, value: str, quote: str) -> None:
    assert im19_out(trials, line, term_fields("results_posted", value, quote)) == ""


# --- a role held before or to come ---------------------------------------------------------------------


def _official(quote: str, role: str = "PRINCIPAL_INVESTIGATOR") -> str:
    return (
        f"officials:\n  - name: Wang Li\n    role: {role}\nevidence:\n"
        f"  officials.0.name: Wang Li\n  officials.0.role: {json.dumps(quote)}\n"
    )


ROLES_NOT_NOW = [
    ("Former Principal Investigator: Wang Li", _official("Principal Investigator: Wang Li")),
    ("Previous Principal Investigator: Wang Li", _official("Principal Investigator: Wang Li")),
    ("Wang Li, former Principal Investigator", _official("Wang Li, former Principal Investigator")),
    ("Outgoing Study Director: Wang Li", _official("Study Director: Wang Li", "STUDY_DIRECTOR")),
    ("Incoming Principal Investigator: Wang Li", _official("Principal Investigator: Wang Li")),
]


@pytest.mark.parametrize(("line", "fields"), ROLES_NOT_NOW)
def test_a_role_held_before_or_to_come_is_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 officials.0.role: " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Principal Investigator: Wang Li", _official("Principal Investigator: Wang Li")),
        ("Wang Li, Principal Investigator (former Study Director)", _official("Wang Li, Principal Investigator")),
        ("Study Director: Wang Li", _official("Study Director: Wang Li", "STUDY_DIRECTOR")),
    ],
)
def test_a_role_held_now_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- a phase in a later version, after a condition, or of a part to follow -------------------------------

PHASE2 = 'phases:\n  - PHASE2\nevidence:\n  phases: "Phase 2"\n'

PHASES_NOT_YET = [
    "Phase 1; Phase 2 in a later version.",
    "Phase 1; Phase 2 for a future protocol.",
    "Phase 1. If safe, Phase 2.",
    "Phase 1. Once the doses are tolerated, Phase 2.",
    "Phase 1; a Phase 2 extension may follow.",
    "Phase 1; the Phase 2 part is planned.",
    # (a part the trial may or may not run)
    "Phase 1 (Phase 2 extension optional).",
    "Phase 1; the Phase 2 part is conditional on safety.",
    "Phase 1, with an optional Phase 2 extension.",
    "Phase 1; a possible Phase 2 part.",
]


@pytest.mark.parametrize("line", PHASES_NOT_YET)
def test_a_phase_not_yet_reached_is_none(trials: Trials, line: str) -> None:
    assert " PHASE2 " in im19_out(trials, line, PHASE2)


@pytest.mark.parametrize(
    "line",
    [
        "This Phase 2 trial enrolls adults.",
        "If eligible, patients join this Phase 2 trial.",
        "Phase 2 study of IM19 CAR-T cells.",
        "Phase 2; the extension study will follow in 2027.",
        "Phase 2 (optional long-term follow-up).",
        "Phase 2; an optional extension study.",
    ],
)
def test_the_trials_phase_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, PHASE2) == ""


# --- an age that was a limit once or will be one in a later part ----------------------------------------

AGES_NOT_NOW = [
    ("Patients aged 12 years and older were previously eligible.", "aged 12 years and older"),
    ("Patients aged 12 years and older may enrol in a later cohort.", "aged 12 years and older"),
    ("Adolescents aged 12 years or older will be enrolled under a future amendment.", "aged 12 years or older"),
    ("Patients aged 12 years or older, formerly eligible, now excluded.", "aged 12 years or older"),
]


@pytest.mark.parametrize(("line", "quote"), AGES_NOT_NOW)
def test_an_age_of_another_time_is_no_bound(trials: Trials, line: str, quote: str) -> None:
    out = im19_out(trials, line, age_fields("minimum_age", 12, quote))
    assert " E508 eligibility.minimum_age: 12 YEARS is not the minimum age the quote states" in out


@pytest.mark.parametrize(
    "line",
    [
        "Patients aged 12 years and older may enrol.",
        "Patients aged 12 years and older, previously treated with rituximab.",
        "Patients aged 12 years and older; a later cohort will enrol adults.",
    ],
)
def test_an_age_of_now_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, age_fields("minimum_age", 12, "aged 12 years and older")) == ""
