"""The disease-activity thresholds in the order their criteria state them (E533).

trials.csv's disease-activity headline (disease_activity_measure, _comparator, _value) is the first
inclusion threshold of kind DISEASE_ACTIVITY that always applies (outputs/cells.py), and its
disease_activity_threshold column joins them all "in source order"; the record's order of them was
held to nothing. Two criteria each stating a score a patient must reach gave the trial the headline of
whichever the curator wrote first, and Relma-cel's (NCT05765006) "SELENA-SLEDAI score ≥8 ... Score ≥6
for SELENA-SLEDAI clinical symptoms ..." listed the other way round passed. Now they are listed by
criteria list (inclusion, then exclusion), by the criterion's place in its list, and by where its text
states the limit (thresholds.out_of_order), so the headline is the first the source states.
"""

from __future__ import annotations

from conftest import DATA_ROOT, RELMA_PATH, Trials, im19_out, record_data
from mutations import Checks
from sle_trials.outputs import cells

CHECKS = Checks(DATA_ROOT)


def _swapped(data: dict, a: int, b: int) -> dict:
    """The record with thresholds a and b (and their quotes) swapped."""
    held, quotes = data["eligibility"]["thresholds"], data["evidence"]
    held[a], held[b] = held[b], held[a]
    first, second = f"eligibility.thresholds.{a}", f"eligibility.thresholds.{b}"
    quotes[first], quotes[second] = quotes[second], quotes[first]
    return data


def test_relma_cels_disease_activity_limits_listed_the_other_way_round_are_refused() -> None:
    data = _swapped(record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH), 6, 7)
    assert CHECKS.codes(RELMA_PATH, data) == {"E533"}


def test_other_kinds_keep_the_order_they_are_written_in() -> None:
    """Only the order trials.csv reads is held: IM19's (NCT06513429) thresholds list its criterion 6's
    score before criterion 5's steroid limits, and Relma-cel's steroid limits swapped pass too."""
    data = _swapped(record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH), 4, 5)
    assert CHECKS.codes(RELMA_PATH, data) == set()


SCORES = "Inclusion criteria: 1. SLEDAI-2K score ≥ 6 2. PGA score ≥ 1.0"
SCORES_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: SLEDAI-2K score ≥ 6
    - number: 2
      text: PGA score ≥ 1.0
  thresholds:
{thresholds}evidence:
{quotes}"""
SLEDAI = """\
    - kind: DISEASE_ACTIVITY
      criterion: {list: INCLUSION, number: 1}
      measure: SLEDAI-2K
      comparator: ">="
      value: 6
      unit: points
"""
PGA = """\
    - kind: DISEASE_ACTIVITY
      criterion: {list: INCLUSION, number: 2}
      measure: PGA
      comparator: ">="
      value: 1.0
      unit: points
"""


def _draft(*limits: tuple[str, str]) -> str:
    thresholds = "".join(threshold for threshold, _ in limits)
    quotes = "".join(f'  eligibility.thresholds.{i}: "{quote}"\n' for i, (_, quote) in enumerate(limits))
    return SCORES_DRAFT.format(thresholds=thresholds, quotes=quotes)


def test_two_entry_scores_in_the_criteria_order_pass(trials: Trials) -> None:
    assert im19_out(trials, SCORES, _draft((SLEDAI, "SLEDAI-2K score ≥ 6"), (PGA, "PGA score ≥ 1.0"))) == ""


def test_two_entry_scores_listed_the_other_way_round_are_refused(trials: Trials) -> None:
    """The headline would be the PGA's 1.0, not the SLEDAI-2K's 6 the criteria state first."""
    out = im19_out(trials, SCORES, _draft((PGA, "PGA score ≥ 1.0"), (SLEDAI, "SLEDAI-2K score ≥ 6")))
    assert "E533 eligibility.thresholds.1: SLEDAI-2K >= 6 points (inclusion criterion 1) is listed after" in out, out
    assert "thresholds 1, 0 (trials.csv's headline is the first" in out, out


def test_the_headline_is_the_first_the_criteria_state() -> None:
    data = record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH)
    held = data["eligibility"]["thresholds"]
    headline = cells.disease_activity(data)
    assert headline is held[6]
    assert (headline["measure"], headline["value"]) == ("SELENA-SLEDAI", 8)
