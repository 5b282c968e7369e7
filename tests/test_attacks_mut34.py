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
- A measure that names nothing of what is measured though every word of it stands beside the limit
  (E529): the object of the phrase after the limit that says when it is taken ("period" of
  "SELENA-SLEDAI score ≥8 during the screening period", phrases.says_when_after), words pointing at
  a list set out elsewhere ("following requirements" of "Oral corticosteroids must meet the following
  requirements:", phrases.pointing), a measure run on into the words opening its limit's length of
  time ("used within the past" of "... was used within the past 6 months", phrases.opens_a_length),
  and one whose noun phrase names only a kind of thing done ("the dose" of "the dose must be kept
  stable for > 2 weeks", "treatment prior to screening", phrases.only_a_kind).
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
    RELMA_PATH,
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


# --- a measure that names nothing of what is measured ----------------------------------------------


@pytest.mark.parametrize(
    ("shown", "threshold", "measure"),
    [
        # the object of the phrase after the limit that says when it is taken
        (RELMA_PATH, 6, "period"),
        # words pointing at the sub-list the heading sets out
        (RELMA_PATH, 4, "following requirements"),
        (RELMA_PATH, 5, "following requirements"),
        # the words that open the limit's length of time, at the measure's end
        (IM19_PATH, 21, "used within the past"),
        (IM19_PATH, 8, "alcohol or drug abuse within the past"),
        (IM19_PATH, 8, "history of alcohol or drug abuse within the past"),
        # a noun phrase that names only a kind of thing done
        (RELMA_PATH, 5, "the dose"),
        (RELMA_PATH, 5, "dose"),
        (RELMA_PATH, 5, "the dose must be kept stable"),
        (RELMA_PATH, 4, "treatment prior to screening"),
    ],
)
def test_a_measure_naming_nothing_measured_is_refused(shown: str, threshold: int, measure: str) -> None:
    assert _codes(shown, _threshold(threshold, measure=measure)) == {"E529"}


@pytest.mark.parametrize(
    ("shown", "threshold", "measure"),
    [
        # what is measured after its limit, named after "for" or "of"
        (RELMA_PATH, 7, "SELENA-SLEDAI clinical symptoms"),
        # a kind of thing done with what it is of
        (IM19_PATH, 3, "the dose of steroids"),
        (IM19_PATH, 8, "history of alcohol or drug abuse"),
        (IM19_PATH, 6, "medication"),
    ],
)
def test_a_measure_naming_what_is_measured_passes(shown: str, threshold: int, measure: str) -> None:
    assert _codes(shown, _threshold(threshold, measure=measure)) == set()


WASHOUT_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{criterion}"
  thresholds:
    - kind: {kind}
      criterion: {{list: INCLUSION, number: 1}}
      measure: {measure}
      comparator: "{comparator}"
      value: {value}
      unit: {unit}
evidence:
  eligibility.thresholds.0: "{criterion}"
"""


@pytest.mark.parametrize(
    ("criterion", "kind", "measure", "comparator", "value", "unit", "codes"),
    [
        # after its limit, what is measured named after "for", with the time it is taken at after it
        (
            "Score ≥ 6 for SELENA-SLEDAI clinical symptoms during screening.",
            "DISEASE_ACTIVITY",
            "SELENA-SLEDAI clinical symptoms",
            ">=",
            6,
            "points",
            set(),
        ),
        (
            "Score ≥ 6 for SELENA-SLEDAI clinical symptoms during screening.",
            "DISEASE_ACTIVITY",
            "screening",
            ">=",
            6,
            "points",
            {"E529"},
        ),
        # ... the time a score is taken at is not
        ("SLEDAI-2K score ≥ 6 at the screening visit.", "DISEASE_ACTIVITY", "visit", ">=", 6, "points", {"E529"}),
        ("SLEDAI-2K score ≥ 6 at the screening visit.", "DISEASE_ACTIVITY", "SLEDAI-2K", ">=", 6, "points", set()),
        ("SLEDAI-2K ≥ 6 throughout the run-in period.", "DISEASE_ACTIVITY", "period", ">=", 6, "points", {"E529"}),
        # words opening a length of time, at a measure's end, in other words
        (
            "Hospitalisation for infection within the last 3 months.",
            "TIME_SINCE_EVENT",
            "Hospitalisation for infection within the last",
            "<",
            3,
            "months",
            {"E529"},
        ),
        (
            "Hospitalisation for infection within the last 3 months.",
            "TIME_SINCE_EVENT",
            "Hospitalisation for infection",
            "<",
            3,
            "months",
            set(),
        ),
    ],
)
def test_a_measure_is_read_against_its_limits_phrases_in_any_criterion(
    registry: Path, criterion: str, kind: str, measure: str, comparator: str, value: int, unit: str, codes: set[str]
) -> None:
    fields = WASHOUT_DRAFT.format(
        criterion=criterion, kind=kind, measure=measure, comparator=comparator, value=value, unit=unit
    )
    assert _draft_codes(registry, "987_mut34_measure.txt", criterion, fields) - {"E510"} == codes
