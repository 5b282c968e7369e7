"""A threshold's condition that is no condition its criterion states: a threshold's measure again, or
an aside in brackets of other words (E518), made on the curated records (IM19, NCT06513429; Relma-cel,
NCT05765006), with the honest conditions beside them passing. A limit given a condition reads as
applying only sometimes: trials.csv's disease-activity headline (the first inclusion threshold of that
kind with no conditions) drops it.

- A measure restated (thresholds._restates): IM19's SLEDAI-2K ≥ 10 given the condition "Disease activity
  score (SLEDAI-2K)", the words that name what is measured, passed; so did "Major surgery (including
  joint surgery)", the past surgery's measure phrase, for the planned surgery within 24 weeks.
- An aside in brackets (scopes.aside): "including joint surgery", of IM19's "Major surgery (including
  joint surgery) was performed within 24 weeks prior to screening", passed as a condition of that limit
  once its brackets were left off (an opening bracket read as a clause's start); the words say more of
  "Major surgery", and state no condition. So did "SLEDAI-2K" for IM19's SLEDAI-2K ≥ 10, the
  parenthesis of "Disease activity score (SLEDAI-2K)". A parenthesis that opens as a condition does
  ("(except for low complement ...)") is still read as one.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials, im19_out

# a curated record's codes once a change has made its mistake (test_attacks_mut33's helpers)
from test_attacks_mut33 import _codes, _conditions

IM19_ACTIVITY = 1  # SLEDAI-2K >= 10, of "Disease activity score (SLEDAI-2K) with a score of 10 or above"
IM19_SURGERY = 9  # Major surgery < 24 weeks, of "Major surgery (including joint surgery) was performed within ..."
IM19_PLANNED = 10  # surgery < 24 weeks, "... or surgery is planned within 24 weeks after enrollment"
IM19_BIOLOGICS = 7  # biological agents >= 4 weeks, "if biological agents (such as belizumab or Telitacicept) are used"
BIOLOGICS_IF = "if biological agents (such as belizumab or Telitacicept) are used"
RELMA_SYMPTOMS = 7  # SELENA-SLEDAI clinical symptoms >= 6, "... (except for low complement ...) if low complement ..."
RELMA_IF = "if low complement and/or anti-DS-DNA antibody score is present"


@pytest.mark.parametrize(
    ("threshold", "conditions"),
    [
        (IM19_ACTIVITY, ["Disease activity score (SLEDAI-2K)"]),
        (IM19_SURGERY, ["Major surgery (including joint surgery)"]),
        # another threshold's measure phrase, the subject of the clause before the planned surgery's
        (IM19_PLANNED, ["Major surgery (including joint surgery)"]),
    ],
)
def test_a_condition_restating_a_measure_is_refused(threshold: int, conditions: list[str]) -> None:
    assert _codes(IM19_PATH, _conditions(threshold, conditions)) >= {"E518"}


# A criterion whose measure stands as a clause of its own ("SLEDAI-2K: a score of 10 or above"): the
# measure's words, given as a condition, are a whole clause of it, and nothing else refused them.
ACTIVITY = "Inclusion criteria: 1. SLEDAI-2K: a score of 10 or above"
ACTIVITY_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "SLEDAI-2K: a score of 10 or above"
  thresholds:
    - kind: DISEASE_ACTIVITY
      criterion: {{list: INCLUSION, number: 1}}
      measure: SLEDAI-2K
      comparator: ">="
      value: 10
      unit: points
{conditions}evidence:
  eligibility.thresholds.0: "SLEDAI-2K: a score of 10 or above"
"""


@pytest.mark.parametrize("condition", ["SLEDAI-2K", "SLEDAI-2K:"])
def test_the_measure_given_as_its_own_condition_is_refused(trials: Trials, condition: str) -> None:
    out = im19_out(trials, ACTIVITY, ACTIVITY_DRAFT.format(conditions=f'      conditions: ["{condition}"]\n'))
    assert "E518 eligibility.thresholds.0.conditions.0:" in out, out
    assert "restates the threshold's measure ('SLEDAI-2K')" in out, out


def test_the_measure_with_no_condition_passes(trials: Trials) -> None:
    assert im19_out(trials, ACTIVITY, ACTIVITY_DRAFT.format(conditions="")) == ""


@pytest.mark.parametrize(
    ("shown", "threshold", "conditions"),
    [
        (IM19_PATH, IM19_ACTIVITY, ["SLEDAI-2K"]),  # the measure itself, the parenthesis of "Disease activity score"
        (IM19_PATH, IM19_PLANNED, ["including joint surgery"]),
        (IM19_PATH, IM19_PLANNED, ["(including joint surgery)"]),
        (IM19_PATH, IM19_SURGERY, ["including joint surgery"]),
        (IM19_PATH, IM19_BIOLOGICS, [BIOLOGICS_IF, "such as belizumab or Telitacicept"]),
    ],
)
def test_an_aside_in_brackets_is_no_condition(shown: str, threshold: int, conditions: list[str]) -> None:
    assert "E518" in _codes(shown, _conditions(threshold, conditions))


# An aside that says what the words before it include, or gives examples of them, set off by commas
# rather than brackets: "including serological items" of "SLEDAI-2K score, including serological items,
# of 6 or above" passed as a condition of the entry score, which then left trials.csv's headline.
SCORE = "SLEDAI-2K score, {aside}, of 6 or above"
SCORE_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{text}"
  thresholds:
    - kind: DISEASE_ACTIVITY
      criterion: {{list: INCLUSION, number: 1}}
      measure: SLEDAI-2K score
      comparator: ">="
      value: 6
      unit: points
{conditions}evidence:
  eligibility.thresholds.0: "{text}"
"""


def _score(trials: Trials, aside: str, condition: str | None) -> str:
    text = SCORE.format(aside=aside)
    given = f'      conditions: ["{condition}"]\n' if condition else ""
    return im19_out(trials, f"Inclusion criteria: 1. {text}", SCORE_DRAFT.format(text=text, conditions=given))


@pytest.mark.parametrize(
    "aside", ["including serological items", "such as serological items", "for example serological items"]
)
def test_an_aside_set_off_by_commas_is_no_condition(trials: Trials, aside: str) -> None:
    out = _score(trials, aside, aside)
    assert "E518 eligibility.thresholds.0.conditions.0:" in out, out
    assert "as an aside of 'SLEDAI-2K score'" in out, out


def test_the_score_with_no_condition_passes(trials: Trials) -> None:
    assert _score(trials, "including serological items", None) == ""


# The phrase the measure is read from beside its limit, in other words than the measure's: "Active
# disease by SLEDAI-2K" of "Active disease by SLEDAI-2K: a score of 10 or above" is the limit's subject,
# and passed as its condition (a whole clause, before the limit in its item).
ACTIVE = "Active disease by SLEDAI-2K: a score of 10 or above"


def test_the_phrase_naming_what_is_measured_is_no_condition(trials: Trials) -> None:
    conditions = '      conditions: ["Active disease by SLEDAI-2K"]\n'
    draft = ACTIVITY_DRAFT.replace('"SLEDAI-2K: a score', '"Active disease by SLEDAI-2K: a score')
    out = im19_out(trials, f"Inclusion criteria: 1. {ACTIVE}", draft.format(conditions=conditions))
    assert "E518 eligibility.thresholds.0.conditions.0: 'Active disease by SLEDAI-2K' holds 'SLEDAI-2K'" in out, out


# ... where a condition naming who the limit is for, and the measure, is one
MYCOPHENOLATE = "Patients receiving mycophenolate: a stable dose of mycophenolate for at least 8 weeks"
MYCOPHENOLATE_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{text}"
  thresholds:
    - kind: STABLE_DOSE_DURATION
      criterion: {{list: INCLUSION, number: 1}}
      measure: mycophenolate
      comparator: ">="
      value: 8
      unit: weeks
      conditions: ["Patients receiving mycophenolate"]
evidence:
  eligibility.thresholds.0: "{text}"
"""


def test_a_condition_naming_who_and_the_measure_passes(trials: Trials) -> None:
    draft = MYCOPHENOLATE_DRAFT.format(text=MYCOPHENOLATE)
    assert im19_out(trials, f"Inclusion criteria: 1. {MYCOPHENOLATE}", draft) == ""


# A condition that says who the limit is for, naming the measure in a parenthesis, states one: it is no
# restatement of the measure, as "Disease activity score (SLEDAI-2K)" is.
STEROIDS = "Patients receiving glucocorticoids (prednisone): a dose of at most 20 mg/day"
STEROIDS_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{text}"
  thresholds:
    - kind: CORTICOSTEROID_DOSE
      criterion: {{list: INCLUSION, number: 1}}
      measure: prednisone
      comparator: "<="
      value: 20
      unit: mg/day
      conditions: ["{condition}"]
evidence:
  eligibility.thresholds.0: "{text}"
"""


def test_a_condition_naming_who_with_the_measure_in_brackets_passes(trials: Trials) -> None:
    draft = STEROIDS_DRAFT.format(text=STEROIDS, condition="Patients receiving glucocorticoids (prednisone)")
    assert im19_out(trials, f"Inclusion criteria: 1. {STEROIDS}", draft) == ""


# ... and so does one in brackets after the limit, saying who it is for: no aside of other words
CEILING = "The dose of prednisone is at most 20 mg/day (patients on steroids only)"


def test_a_condition_in_brackets_saying_who_the_limit_is_for_passes(trials: Trials) -> None:
    draft = STEROIDS_DRAFT.format(text=CEILING, condition="patients on steroids only")
    assert im19_out(trials, f"Inclusion criteria: 1. {CEILING}", draft) == ""


@pytest.mark.parametrize(
    ("shown", "threshold", "conditions"),
    [
        # the records' own conditions, one holding its measure's words after an "if", one a parenthesis
        (IM19_PATH, IM19_BIOLOGICS, [BIOLOGICS_IF]),
        (
            IM19_PATH,
            5,
            ["If the subject is receiving treatment with antimalarial drugs and/or conventional immunosuppressants"],
        ),
        (RELMA_PATH, RELMA_SYMPTOMS, [RELMA_IF]),
        # a parenthesis that opens as a condition does is read as one
        (RELMA_PATH, RELMA_SYMPTOMS, ["except for low complement and/or anti-DS-DNA antibodies", RELMA_IF]),
    ],
)
def test_conditions_stated_as_conditions_still_pass(shown: str, threshold: int, conditions: list[str]) -> None:
    assert _codes(shown, _conditions(threshold, conditions)) == set()
