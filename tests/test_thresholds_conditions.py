"""A threshold's condition that is no condition its criterion states: an aside in brackets of other
words (E518), made on the curated records (IM19, NCT06513429; Relma-cel, NCT05765006), with the honest
conditions beside them passing.

- An aside in brackets (scopes.aside): "including joint surgery", of IM19's "Major surgery (including
  joint surgery) was performed within 24 weeks prior to screening", passed as a condition of that limit
  once its brackets were left off (an opening bracket read as a clause's start); the words say more of
  "Major surgery", and state no condition. So did "SLEDAI-2K" for IM19's SLEDAI-2K ≥ 10, the
  parenthesis of "Disease activity score (SLEDAI-2K)": a limit given a condition reads as applying only
  sometimes, and trials.csv's disease-activity headline (the first inclusion threshold of that kind
  with no conditions) dropped it. A parenthesis that opens as a condition does ("(except for low
  complement ...)") is still read as one.
"""

from __future__ import annotations

from collections.abc import Callable

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data

CHECKS = mutations.Checks(DATA_ROOT)


def _codes(shown: str, change: Callable[[dict], None]) -> set[str]:
    data = record_data(DATA_ROOT / shown, shown)
    change(data)
    return CHECKS.codes(shown, data)


def _conditions(i: int, conditions: list[str]) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][i]["conditions"] = conditions

    return change


IM19_ACTIVITY = 1  # SLEDAI-2K >= 10, of "Disease activity score (SLEDAI-2K) with a score of 10 or above"
IM19_SURGERY = 9  # Major surgery < 24 weeks, of "Major surgery (including joint surgery) was performed within ..."
IM19_PLANNED = 10  # surgery < 24 weeks, "... or surgery is planned within 24 weeks after enrollment"
IM19_BIOLOGICS = 7  # biological agents >= 4 weeks, "if biological agents (such as belizumab or Telitacicept) are used"
BIOLOGICS_IF = "if biological agents (such as belizumab or Telitacicept) are used"
RELMA_SYMPTOMS = 7  # SELENA-SLEDAI clinical symptoms >= 6, "... (except for low complement ...) if low complement ..."
RELMA_IF = "if low complement and/or anti-DS-DNA antibody score is present"


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
