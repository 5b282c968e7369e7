"""Known false passes left at the last stops (closing35, closing36), taken up again (helper-4).

An inclusion limit given as one of alternatives a semicolon, or a list that "one of" opens, sets apart
("SLEDAI-2K ≥ 6; or BILAG A ≥ 1", "One of: SLEDAI-2K ≥ 6; BILAG A ≥ 1", "At least one of SLEDAI-2K ≥ 6
and BILAG A ≥ 1") passed with no conditions, as every patient's limit: scopes.alternative read an "or"
after a comma, a bracket, a slash or a dash only, and no list "one of" opens. And where a curator gave
the alternative as the limit's condition, scopes.governs refused it (E518): it stands after the limit's
sentence ends (a semicolon). scopes.alternative reads both now (E524), and a condition inside the
alternative it returns governs the limit.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, one_criterion_out

SLEDAI_6 = ("DISEASE_ACTIVITY", "SLEDAI-2K", ">=", 6, "points")
BILAG_B = ("DISEASE_ACTIVITY", "BILAG B", ">=", 2, "points")
ALT = ("LABORATORY", "ALT", ">", 3, "×ULN")


def _threshold_out(
    trials: Trials, text: str, threshold: tuple, conditions: tuple[str, ...] = (), side: str = "inclusion"
) -> str:
    kind, measure, comparator, value, unit = threshold
    given = f"      conditions: {json.dumps(list(conditions), ensure_ascii=False)}\n" if conditions else ""
    block = (
        f"  thresholds:\n    - kind: {kind}\n      criterion: {{list: {side.upper()}, number: 1}}\n"
        f"      measure: {json.dumps(measure)}\n      comparator: {json.dumps(comparator)}\n"
        f"      value: {value}\n      unit: {json.dumps(unit, ensure_ascii=False)}\n{given}"
    )
    return one_criterion_out(trials, text, side, block, "thresholds.0")


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
]


@pytest.mark.parametrize(("text", "threshold", "alternative"), ALTERNATIVES)
def test_a_limit_one_of_alternatives_set_apart_needs_its_alternative(
    trials: Trials, text: str, threshold: tuple, alternative: str
) -> None:
    out = _threshold_out(trials, text, threshold)
    assert " E524 eligibility.thresholds.0: " in out and "one of alternatives" in out, out


@pytest.mark.parametrize(("text", "threshold", "alternative"), ALTERNATIVES)
def test_a_limit_holding_its_alternative_set_apart_passes(
    trials: Trials, text: str, threshold: tuple, alternative: str
) -> None:
    assert _threshold_out(trials, text, threshold, (alternative,)) == ""


@pytest.mark.parametrize(
    ("text", "threshold"),
    [
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
    assert _threshold_out(trials, text, threshold) == ""


@pytest.mark.parametrize(("text", "threshold", "alternative"), ALTERNATIVES[:4])
def test_an_exclusions_alternatives_set_apart_each_keep_patients_out(
    trials: Trials, text: str, threshold: tuple, alternative: str
) -> None:
    assert _threshold_out(trials, text, threshold, side="exclusion") == ""


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("SLEDAI-2K ≥ 6; or BILAG A ≥ 1 at screening", "at screening"),
        ("One of: SLEDAI-2K ≥ 6; BILAG A ≥ 1 at screening", "at screening"),
        ("At least one of SLEDAI-2K ≥ 6 and BILAG A ≥ 1 at screening", "at screening"),
    ],
)
def test_words_inside_the_alternative_are_no_condition_of_the_limit(trials: Trials, text: str, condition: str) -> None:
    """Words of the alternative's own clause are the other limit's: as the limit's condition they read as
    when it applies ("SLEDAI-2K ≥ 6 at screening"), and still leave the alternative out."""
    assert " E5" in _threshold_out(trials, text, SLEDAI_6, (condition,))
