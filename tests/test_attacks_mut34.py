"""Attacks of the mutation hunt mut34: kinds of mistake tests/mutations.py does not make, each made on
a curated record (IM19, NCT06513429; Relma-cel, NCT05765006) or on a draft citing a source of no
layout, and refused, with the honest readings beside them passing.

- A threshold given as a condition a part of the words that name what is measured, its own measure's
  or another threshold's (E518, thresholds._part_of_a_measure): IM19's 6 months since "myocardial
  infarction, cardiac angioplasty or stent placement, unstable angina, ..." given the condition
  "cardiac angioplasty or stent placement," (or "History of myocardial infarction,"), its bilirubin
  limit given "aspartate aminotransferase (AST),", an item of the ×ULN limit's list beside it. The
  limit then read as applying only to those with that item. Only a condition that restated the whole
  measure was refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import mutations
import pytest
from conftest import (
    AS_OF_LINE,
    DATA_ROOT,
    IM19_PATH,
    IM19_TITLE_LINE,
    add_source,
    im19_draft,
    joined,
    put,
    record_data,
)

CHECKS = mutations.Checks(DATA_ROOT)


def _codes(shown: str, change: Callable[[dict], None]) -> set[str]:
    """The codes of the curated record at shown once change has made its mistake."""
    data = record_data(DATA_ROOT / shown, shown)
    change(data)
    return CHECKS.codes(shown, data)


def _threshold(i: int, **values: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][i].update(values)

    return change


def _draft_codes(registry: Path, name: str, criterion: str, fields: str) -> set[str]:
    """The codes of IM19's draft holding fields, citing a source of no layout whose inclusion criterion
    1 is criterion."""
    text = f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Inclusion Criteria:\n1. {criterion}\n"
    source = add_source(registry, f"seeds/{name}", text)
    put(registry, IM19_PATH, joined(im19_draft(source), fields))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


# --- a condition that is a part of the words naming what is measured ------------------------------

HEART = 11  # IM19's exclusion 8: "History of myocardial infarction, cardiac angioplasty or stent ..."
BILIRUBIN = 14  # IM19's exclusion 10: "... (ALP) levels are ≥3×ULN, or bilirubin >1.5×ULN, ..."


@pytest.mark.parametrize(
    ("threshold", "condition"),
    [
        # an item, or items, of its own measure's list (with the words before it, or its comma)
        (HEART, "cardiac angioplasty or stent placement,"),
        (HEART, "unstable angina, active arrhythmia,"),
        (HEART, "History of myocardial infarction,"),
        (HEART, "History of myocardial infarction, cardiac angioplasty or stent placement, unstable angina,"),
        # an item of another threshold's measure beside it in the criterion
        (BILIRUBIN, "aspartate aminotransferase (AST),"),
        (BILIRUBIN, "alanine aminotransferase (ALT),"),
    ],
)
def test_a_condition_that_is_part_of_a_measure_is_refused(threshold: int, condition: str) -> None:
    assert _codes(IM19_PATH, _threshold(threshold, conditions=[condition])) == {"E518"}


@pytest.mark.parametrize(
    ("threshold", "condition"),
    [
        # a condition holding the measure that says who the limit is for
        (5, "If the subject is receiving treatment with antimalarial drugs and/or conventional immunosuppressants"),
        # an exception after both ×ULN limits, which is neither measure's
        (BILIRUBIN, "excluding laboratory test abnormalities due to SLE hepatitis"),
    ],
)
def test_a_condition_beside_a_measures_words_passes(threshold: int, condition: str) -> None:
    assert _codes(IM19_PATH, _threshold(threshold, conditions=[condition])) == set()


NEURO = "History of stroke, seizure, or psychosis within 12 months prior to screening."
NEURO_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{criterion}"
  thresholds:
    - kind: TIME_SINCE_EVENT
      criterion: {{list: INCLUSION, number: 1}}
      measure: stroke, seizure, or psychosis
      comparator: "<"
      value: 12
      unit: months
{conditions}evidence:
  eligibility.thresholds.0: "{criterion}"
"""


@pytest.mark.parametrize(
    ("conditions", "codes"),
    [([], set()), (["seizure,"], {"E518"}), (["History of stroke,"], {"E518"}), (["stroke, seizure,"], {"E518"})],
)
def test_an_item_of_its_measure_is_no_condition_in_any_criterion(
    registry: Path, conditions: list[str], codes: set[str]
) -> None:
    held = "".join(f'      conditions: ["{c}"]\n' for c in conditions)
    fields = NEURO_DRAFT.format(criterion=NEURO, conditions=held)
    # (E510: "within 12 months" read as "< 12" wants a note the draft does not hold, whatever the condition)
    assert _draft_codes(registry, "986_mut34_neuro.txt", NEURO, fields) - {"E510"} == codes
