"""Known false passes left at the last stops (closing35, closing36), taken up again (helper-4).

An inclusion limit given as one of alternatives a semicolon, or a list that "one of" opens, sets apart
("SLEDAI-2K ≥ 6; or BILAG A ≥ 1", "One of: SLEDAI-2K ≥ 6; BILAG A ≥ 1", "At least one of SLEDAI-2K ≥ 6
and BILAG A ≥ 1") passed with no conditions, as every patient's limit: scopes.alternative read an "or"
after a comma, a bracket, a slash or a dash only, and no list "one of" opens. And where a curator gave
the alternative as the limit's condition, scopes.governs refused it (E518): it stands after the limit's
sentence ends (a semicolon). scopes.alternative reads both now (E524), and a condition starting the
alternative it returns governs the limit (words the alternative shares with the limit, after both with no
mark between, stand in for the alternative only where the limit's sentence requires them of it too, as a
shared "if": helper-3, tests/test_attacks_helper3_absence.py 2c). So is "SLEDAI-2K
≥ 6 or ≥ 1 BILAG A organ score", whose "or" and number read as the same limit again ("or 221 μmol/L"): an
acronym after the number names another measure (scopes._OR_A_NUMBER). So is "SLEDAI-2K ≥ 6 despite
glucocorticoids or active lupus nephritis", whose "or" read as joining the words of the limit's phrase:
the disease is no word of such a phrase (scopes._THE_DISEASE).

An inclusion criterion's lupus nephritis or autoantibody given as one of alternatives to a limit
("SLEDAI-2K ≥ 6 or active lupus nephritis", "One of: SLEDAI-2K ≥ 6; active lupus nephritis") passed as
the scope REQUIRED, or as an antibody patients must be positive for: as if both alternatives were
required. It renders nothing there now (scopes.among_alternatives, in binding: E507), and the field may
be declared silent (E523 reads it so too). An alternative naming another antibody ("ANA ≥ 1:80 or anti-
dsDNA positive") is the field's own ANY_OF.

A design or product term given on a condition passed as the trial's where the condition had no mark after
it ("If funding allows IM19 CAR-T cells will target CD19 and BCMA") or more than six words stood between
them, where "should", "pending", "upon" or "when" opened it ("Should funding allow, ...", "Pending
funding, ...", "Upon donor supply, ...", "When donor cells are available, ..."), and where the words
after it named the part it is not of ("Randomized in Part B but not Part A", "in Part B; Part A is non-
randomized"). retracted._LEFT_OPEN_BEFORE_TERM and _ON_A_CONDITION read them now (a count's condition
too: "60 patients will be enrolled when funding is secured"), and kept_out.of_a_part_after the other
part.

An outcome or an intervention left a possibility passed where it was the second of alternatives a hedge
opens ("The primary endpoint may be either BICLA response or SRI-4 response"), where "may" went with a
verb of receiving ("Patients ... may receive rituximab", "may also be given"), and an outcome a later
clause denies ("SRI-4 response at week 24 is not an endpoint"). retracted.may_be reads them now
(_MAY_BE_OR, _MAY_BE's verbs), and retracted.no_outcome the denial after it (E501).

A planned count the next sentence gives the count enrolled against ("Planned enrollment: 60 patients. 20
patients were enrolled.") bound an enrollment of 60: the count was read in its own sentence only. The
binding check reads it with the next sentence where that opens with a count enrolled
(head_counts.enrolled_next), and head_counts._ENROLLED_NEXT supersedes the plan (E508), not where the count
enrolled is one so far ("To date, 20 ...") or another group's ("In the pilot study, 20 ...").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials, enrollment_fields, im19_out, imported_codes, one_criterion_out, threshold_out
from test_attacks_criteria_terms_silence import _silent
from test_attacks_other_trial_sentences import OWN, _codes, _press
from test_attacks_terms_hedged import allocation, origin, quote_of, targets

SLEDAI_6 = ("DISEASE_ACTIVITY", "SLEDAI-2K", ">=", 6, "points")
BILAG_B = ("DISEASE_ACTIVITY", "BILAG B", ">=", 2, "points")
ALT = ("LABORATORY", "ALT", ">", 3, "×ULN")


# (the criterion, the threshold of it, the alternative a curator gives as its condition)
ALTERNATIVES = [
    # an "or" after a semicolon
    ("SLEDAI-2K ≥ 6; or BILAG A ≥ 1", SLEDAI_6, "or BILAG A ≥ 1"),
    ("SLEDAI-2K ≥ 6 at screening; or BILAG A ≥ 1", SLEDAI_6, "or BILAG A ≥ 1"),
    ("SLEDAI-2K ≥ 6; alternatively, BILAG A ≥ 1", SLEDAI_6, "alternatively, BILAG A ≥ 1"),
    # a list "one of" opens, its items after a colon, a semicolon, a comma or "and"
    ("One of: SLEDAI-2K ≥ 6; BILAG A ≥ 1", SLEDAI_6, "BILAG A ≥ 1"),
    ("One of: SLEDAI-2K ≥ 6; BILAG B ≥ 2", BILAG_B, "SLEDAI-2K ≥ 6"),
    ("At least one of SLEDAI-2K ≥ 6 and BILAG A ≥ 1", SLEDAI_6, "BILAG A ≥ 1"),
    ("At least one of the following: SLEDAI-2K ≥ 6, BILAG A ≥ 1", SLEDAI_6, "BILAG A ≥ 1"),
    ("Any of the following: SLEDAI-2K ≥ 6; BILAG B ≥ 2", BILAG_B, "SLEDAI-2K ≥ 6"),
    ("Either of: SLEDAI-2K ≥ 6; BILAG A ≥ 1", SLEDAI_6, "BILAG A ≥ 1"),
    ("Active SLE defined by one of: SLEDAI-2K ≥ 6; BILAG A ≥ 1", SLEDAI_6, "BILAG A ≥ 1"),
    # an "or" and a limit of another measure, named after its number
    ("SLEDAI-2K ≥ 6 or ≥ 1 BILAG A organ score", SLEDAI_6, "or ≥ 1 BILAG A organ score"),
    ("SLEDAI-2K ≥ 6, or 2 BILAG B scores", SLEDAI_6, "or 2 BILAG B scores"),
    # an "or" after a phrase of the limit's, joining the disease itself, not the phrase's words
    (
        "SLEDAI-2K ≥ 6 despite glucocorticoids or active lupus nephritis",
        SLEDAI_6,
        "or active lupus nephritis",
    ),
    ("SLEDAI-2K ≥ 6 despite standard therapy or biopsy-proven nephritis", SLEDAI_6, "or biopsy-proven nephritis"),
]


@pytest.mark.parametrize(("text", "threshold", "alternative"), ALTERNATIVES)
def test_a_limit_one_of_alternatives_set_apart_needs_its_alternative(
    trials: Trials, text: str, threshold: tuple, alternative: str
) -> None:
    out = threshold_out(trials, text, threshold)
    assert " E524 eligibility.thresholds.0: " in out and "one of alternatives" in out, out


@pytest.mark.parametrize(("text", "threshold", "alternative"), ALTERNATIVES)
def test_a_limit_holding_its_alternative_set_apart_passes(
    trials: Trials, text: str, threshold: tuple, alternative: str
) -> None:
    assert threshold_out(trials, text, threshold, (alternative,)) == ""


@pytest.mark.parametrize(
    ("text", "threshold"),
    [
        # a phrase of the limit's whose "or" joins its own words
        ("SLEDAI-2K ≥ 6 despite glucocorticoids or immunosuppressants", SLEDAI_6),
        ("SLEDAI-2K ≥ 6 despite treatment with hydroxychloroquine or mycophenolate", SLEDAI_6),
        ("SLEDAI-2K ≥ 6 as assessed by the investigator or the central reader", SLEDAI_6),
        # the same limit again, in other units or words after "or"
        ("SLEDAI-2K ≥ 6 or 6 points", SLEDAI_6),
        ("Serum creatinine ≤ 2 mg/dL or 177 μmol/L", ("LABORATORY", "Serum creatinine", "<=", 2, "mg/dL")),
        ("ALT > 3 ×ULN or > 3 × ULN", ALT),
        # every item required: no alternative
        ("All of: SLEDAI-2K ≥ 6; BILAG A ≥ 1", SLEDAI_6),
        ("Both of the following: SLEDAI-2K ≥ 6; BILAG B ≥ 2", BILAG_B),
        ("SLEDAI-2K ≥ 6; and BILAG A ≥ 1", SLEDAI_6),
        ("SLEDAI-2K ≥ 6 and at least one of BILAG A ≥ 1", SLEDAI_6),
        # "one of" of the measure's own words, or of another list, after the limit
        ("SLEDAI-2K ≥ 6; treated with at least one of belimumab and rituximab", SLEDAI_6),
        ("SLEDAI-2K ≥ 6. Use of one of: hydroxychloroquine; belimumab", SLEDAI_6),
        # "one of" in another sentence before the limit's
        ("Treated with one of: belimumab, rituximab. SLEDAI-2K ≥ 6", SLEDAI_6),
        # "one of" some things it names, the limit no item of its list
        ("Fulfilling at least one of the classification criteria, with SLEDAI-2K ≥ 6", SLEDAI_6),
        ("Meeting one of these criteria, and SLEDAI-2K ≥ 6", SLEDAI_6),
        ("One of the following organs involved: kidney, skin; with SLEDAI-2K ≥ 6 at screening", SLEDAI_6),
        # a denial before it: every item required
        ("No evidence of any of the following: ALT > 3 ×ULN; bilirubin > 2 mg/dL", ALT),
        ("Without any of: ALT > 3 ×ULN, bilirubin > 2 mg/dL", ALT),
    ],
)
def test_a_limit_no_alternative_sets_apart_needs_no_condition(trials: Trials, text: str, threshold: tuple) -> None:
    assert threshold_out(trials, text, threshold) == ""


@pytest.mark.parametrize(("text", "threshold", "alternative"), ALTERNATIVES[:4])
def test_an_exclusions_alternatives_set_apart_each_keep_patients_out(
    trials: Trials, text: str, threshold: tuple, alternative: str
) -> None:
    assert threshold_out(trials, text, threshold, side="exclusion") == ""


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("SLEDAI-2K ≥ 6; or BILAG A ≥ 1 at screening", "at screening"),
        ("One of: SLEDAI-2K ≥ 6; BILAG A ≥ 1 at screening", "at screening"),
        # (words after the last of the items no mark sets apart are each item's: "at screening" is the ≥ 6's too,
        # and stands for no alternative it is only the tail of)
        ("At least one of SLEDAI-2K ≥ 6 and BILAG A ≥ 1 at screening", "at screening"),
    ],
)
def test_words_inside_the_alternative_are_no_condition_of_the_limit(trials: Trials, text: str, condition: str) -> None:
    """Words of the alternative's own clause are the other limit's: as the limit's condition they read as
    when it applies ("SLEDAI-2K ≥ 6 at screening"), and still leave the alternative out."""
    assert " E5" in threshold_out(trials, text, SLEDAI_6, (condition,))


# --- a design or product term given on a condition ---------------------------------------------------

# A condition before the term with no mark setting it off, or more than six words before the term; a
# condition that "should", "pending", "upon" or "when" opens; a part the term holds in alone that the
# words after it name by the other part it does not hold in. Each passed as the trial's term.
ON_A_CONDITION = [
    (targets("[CD19, BCMA]", "If funding allows IM19 CAR-T cells will target CD19 and BCMA."), "If funding allows "),
    (
        targets(
            "[CD19, BCMA]",
            "If funding allows, IM19 CAR-T cells made at the central site will also target CD19 and BCMA.",
        ),
        "If funding allows, ",
    ),
    (
        targets("[CD19, BCMA]", "Should funding allow, IM19 CAR-T cells will target CD19 and BCMA."),
        "Should funding allow, ",
    ),
    (origin("ALLOGENEIC", "Pending funding, IM19 CAR-T cells will be allogeneic."), "Pending funding, "),
    (origin("ALLOGENEIC", "Upon donor supply, IM19 CAR-T cells will be allogeneic."), "Upon donor supply, "),
    (
        origin("ALLOGENEIC", "When donor cells are available, IM19 CAR-T cells will be allogeneic."),
        "When donor cells are available, ",
    ),
    (allocation("RANDOMIZED", "Allocation: Randomized in Part B but not Part A."), " in Part B but not Part A"),
    (
        allocation("RANDOMIZED", "Allocation: Randomized in Part B; Part A is non-randomized."),
        " in Part B; Part A is non-randomized",
    ),
]


@pytest.mark.parametrize(("fields", "condition"), ON_A_CONDITION, ids=[c for _, c in ON_A_CONDITION])
def test_a_term_given_on_a_condition_is_refused(trials: Trials, fields: str, condition: str) -> None:
    assert im19_out(trials, quote_of(fields), fields), "passed"
    without = fields.replace(condition, "")
    assert im19_out(trials, quote_of(without), without) == ""


# The trial's own steps and the participants' conditions leave a term standing
STANDING = [
    targets("[CD19]", "When infused, IM19 CAR-T cells target CD19."),
    targets("[CD19]", "Upon infusion, IM19 CAR-T cells target CD19."),
    targets("[CD19]", "If eligible, patients receive IM19 CAR-T cells, which target CD19."),
    origin("AUTOLOGOUS", "When manufactured, IM19 CAR-T cells are autologous."),
    allocation("RANDOMIZED", "Allocation: Randomized in Part A and Part B."),
    allocation("RANDOMIZED", "Allocation: Randomized in Part B; Part A follows."),
    allocation("RANDOMIZED", "Allocation: Randomized in Part B and not stratified."),
    allocation("RANDOMIZED", "Allocation: Randomized in Part B; Part A is also randomized."),
    allocation("RANDOMIZED", "Allocation: Randomized in both parts, not open-label."),
    targets("[CD19]", "Upon infusion, IM19 CAR-T cells, which are made from the patient's own cells, target CD19."),
    targets("[CD19]", "If a patient relapses IM19 CAR-T cells targeting CD19 are given again."),
]


@pytest.mark.parametrize("fields", STANDING, ids=[quote_of(f) for f in STANDING])
def test_a_term_the_trials_own_steps_condition_passes(trials: Trials, fields: str) -> None:
    assert im19_out(trials, quote_of(fields), fields) == ""


# The same conditions of a count, before or after it (retracted._ON_A_CONDITION is a count's too), and a
# bound of the count on a condition ("60 patients; fewer if recruitment is slow": _LEFT_OPEN_AFTER)
@pytest.mark.parametrize(
    "line",
    [
        "60 patients will be enrolled when funding is secured.",
        "When funding is secured, 60 patients will be enrolled.",
        "Pending funding, 60 patients will be enrolled.",
        "Should funding allow, 60 patients will be enrolled.",
        "60 patients will be enrolled, should the grant be renewed.",
        "60 patients will be enrolled after funding is secured.",
        "60 patients; fewer if recruitment is slow.",
        "Enrollment: 60 patients, fewer if recruitment is slow.",
        "Enrollment: 60 patients; more if funding allows.",
        "Enrollment: 60 patients; more patients may be enrolled if funding allows.",
    ],
)
def test_a_count_given_on_a_condition_is_refused(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(60, "60 patients"))


@pytest.mark.parametrize(
    "line",
    [
        "60 patients will be enrolled when eligibility is confirmed.",
        "60 patients will be enrolled. Should a patient withdraw, another is enrolled.",
        "60 patients will be enrolled upon screening.",
        "60 patients will be enrolled after informed consent is obtained.",
        "60 patients will be enrolled after screening.",
        "Enrollment: 60 patients, fewer than 10 per site.",
        "Enrollment: 60 patients; more details if requested by the IRB are in the protocol.",
    ],
)
def test_a_count_on_the_participants_conditions_passes(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(60, "60 patients")) == ""


# --- an outcome or an intervention the source leaves a possibility, or denies after it ------------------

SRI4 = {"outcomes": {"primary": [{"measure": "SRI-4 response", "time_frame": "week 24"}]}}
RITUXIMAB = {"interventions": [{"name": "NB-301"}, {"name": "rituximab"}]}


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        # one of alternatives a hedge leaves open ("may be either X or Y": Y as much as X)
        (SRI4, "The primary endpoint may be either BICLA response or SRI-4 response at week 24."),
        (SRI4, "The primary endpoint may be BICLA response at week 24, or SRI-4 response at week 24."),
        (SRI4, "The primary endpoint could be BICLA response and/or SRI-4 response at week 24."),
        # a verb of receiving after "may"
        (RITUXIMAB, "Patients receive NB-301 and may receive rituximab."),
        (RITUXIMAB, "Patients receive NB-301; some may also be given rituximab."),
        (RITUXIMAB, "Patients receive NB-301 and might be treated with rituximab."),
        # a later clause that says it is no outcome, or not given
        (SRI4, "The primary endpoint is BICLA response. SRI-4 response at week 24 is not an endpoint."),
        (SRI4, "The primary endpoint is BICLA response; SRI-4 response at week 24 is no longer a primary endpoint."),
        (RITUXIMAB, "Patients receive NB-301; rituximab is not given."),
        (RITUXIMAB, "Patients receive NB-301; rituximab will no longer be used."),
    ],
)
def test_an_outcome_or_intervention_left_a_possibility_or_denied_is_refused(
    tmp_path: Path, fields: dict, text: str
) -> None:
    assert "E501" in _codes(tmp_path, _press(OWN, text), fields, {})


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (SRI4, "BICLA response may be assessed or reported; the primary endpoint is SRI-4 response at week 24."),
        (SRI4, "The primary endpoint is SRI-4 response at week 24, or BICLA response may be used instead."),
        (SRI4, "SRI-4 response at week 24 is the primary endpoint; BICLA response is not an endpoint."),
        (SRI4, "SRI-4 response at week 24 is not only the primary endpoint but also a key secondary one."),
        (SRI4, "The primary endpoint is SRI-4 response at week 24, which is not a secondary endpoint."),
        (RITUXIMAB, "Patients receive NB-301 and rituximab; prednisone may be given."),
        (RITUXIMAB, "Patients receive NB-301 and rituximab, which may be given twice."),
        (RITUXIMAB, "Patients receive NB-301 and rituximab; rituximab is not given twice."),
    ],
)
def test_an_outcome_or_intervention_the_trial_has_passes(tmp_path: Path, fields: dict, text: str) -> None:
    assert _codes(tmp_path, _press(OWN, text), fields, {}) == set()


# --- a count enrolled, after a plan, in the next sentence -------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Planned enrollment: 60 patients. 20 patients were enrolled.",
        "The study planned to enroll 60 patients. Finally, 20 patients were enrolled.",
        "60 patients were planned. Only 20 patients were enrolled.",
        "Target enrollment: 60 patients. In total, 20 participants were treated.",
    ],
)
def test_a_plan_an_enrolled_count_follows_in_the_next_sentence_is_no_enrollment(trials: Trials, line: str) -> None:
    assert "E508" in im19_out(trials, line, enrollment_fields(60, "60 patients"))


@pytest.mark.parametrize(
    "line",
    [
        "Planned enrollment: 60 patients. 20 patients have been enrolled so far.",
        "Planned enrollment: 60 patients. To date, 20 patients have been enrolled.",
        "Planned enrollment: 60 patients. In the pilot study, 20 patients were enrolled.",
        "Enrollment: 60 patients. 20 patients per arm will be randomized.",
    ],
)
def test_a_plan_the_next_sentence_leaves_standing_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(60, "60 patients")) == ""


# --- a term an inclusion criterion gives as one of alternatives to a limit ---------------------------------

NEPHRITIS = "  lupus_nephritis:\n    scope: REQUIRED\n    criterion: {list: INCLUSION, number: 1}\n"


def _antibodies(values: str, match: str = "") -> str:
    matched = f"    match: {match}\n" if match else ""
    return f"  autoantibodies:\n    antibodies: {values}\n{matched}    criterion: {{list: INCLUSION, number: 1}}\n"


def _term_out(trials: Trials, text: str, block: str) -> str:
    return one_criterion_out(trials, text, "inclusion", block, block.split(":")[0].strip())


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("SLEDAI-2K ≥ 6 or active lupus nephritis", NEPHRITIS),
        ("Active lupus nephritis or SLEDAI-2K ≥ 6", NEPHRITIS),
        ("SLEDAI-2K ≥ 6; or biopsy-proven lupus nephritis", NEPHRITIS),
        ("One of: SLEDAI-2K ≥ 6; active lupus nephritis", NEPHRITIS),
        ("SLEDAI-2K ≥ 6 or positive anti-dsDNA antibodies", _antibodies("[ANTI_DSDNA]")),
        ("At least one of: SLEDAI-2K ≥ 6; positive anti-dsDNA", _antibodies("[ANTI_DSDNA]")),
    ],
)
def test_a_term_one_of_alternatives_to_a_limit_is_no_requirement(trials: Trials, text: str, block: str) -> None:
    """A patient who meets the other alternative is let in without the term: recorded as a requirement it
    says more than its criterion (E507)."""
    assert " E507 eligibility." in _term_out(trials, text, block)


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("Active lupus nephritis and SLEDAI-2K ≥ 6", NEPHRITIS),
        ("Active lupus nephritis with proteinuria ≥ 0.5 g/24h", NEPHRITIS),
        ("Active lupus nephritis, class III or IV", NEPHRITIS),
        ("Positive ANA or anti-dsDNA antibodies", _antibodies("[ANA, ANTI_DSDNA]", "ANY_OF")),
        ("ANA ≥ 1:80 or anti-dsDNA positive", _antibodies("[ANA, ANTI_DSDNA]", "ANY_OF")),
        ("Positive anti-dsDNA antibodies at screening or within 6 months", _antibodies("[ANTI_DSDNA]")),
    ],
)
def test_a_term_no_limit_is_an_alternative_to_binds(trials: Trials, text: str, block: str) -> None:
    assert _term_out(trials, text, block) == ""


# an antibody match a sentence or a list opens with, capitalised ("At least one of: positive ANA; positive
# anti-dsDNA"): the vocabulary held its words in lower case only, and an honest ANY_OF was refused (E507)
MATCH_OPENING = [
    ("At least one of: positive ANA; positive anti-dsDNA", "ANY_OF"),
    ("Any of the following: positive ANA, positive anti-dsDNA", "ANY_OF"),
    ("Any one of: positive ANA; positive anti-dsDNA", "ANY_OF"),
    ("Both ANA and anti-dsDNA positive", "ALL_OF"),
    ("All of: positive ANA; positive anti-dsDNA", "ALL_OF"),
]


@pytest.mark.parametrize(("text", "match"), MATCH_OPENING)
def test_a_match_opening_its_sentence_binds(trials: Trials, text: str, match: str) -> None:
    assert _term_out(trials, text, _antibodies("[ANA, ANTI_DSDNA]", match)) == ""


@pytest.mark.parametrize(("text", "match"), MATCH_OPENING)
def test_the_other_match_than_the_opening_states_is_refused(trials: Trials, text: str, match: str) -> None:
    other = "ALL_OF" if match == "ANY_OF" else "ANY_OF"
    assert " E507 eligibility.autoantibodies.match" in _term_out(trials, text, _antibodies("[ANA, ANTI_DSDNA]", other))


@pytest.mark.parametrize(
    ("inclusion", "silent"),
    [
        ("SLEDAI-2K ≥ 6 or active lupus nephritis.", True),
        ("Active lupus nephritis or SLEDAI-2K ≥ 6.", True),
        ("Active lupus nephritis and SLEDAI-2K ≥ 6.", False),
    ],
)
def test_a_term_one_of_alternatives_may_be_declared_silent(
    tmp_path_factory: pytest.TempPathFactory, inclusion: str, silent: bool
) -> None:
    """Where the criterion asks lupus nephritis of no one, the record may say nothing of it (E523 holds a
    field the criteria state to them)."""
    checker, data = _silent(tmp_path_factory, "eligibility.lupus_nephritis", inclusion, "Active tuberculosis.")
    assert ("E523" not in imported_codes(checker, data)) is silent
