"""Attacks of the mutation hunt mut33: kinds of mistake tests/mutations.py does not make, each made on
a curated record (IM19, NCT06513429; Relma-cel, NCT05765006) and refused, with the honest readings
beside them passing.

- A threshold given as a condition the clause that runs on from another limit after it in its
  sentence (E518, scopes.runs_on_from_another): Relma-cel's "The history of SLE prior to screening was
  at least 6 months, and the disease remained active at least 2 months after the use of a stable
  standard SLE regimen prior to screening" gave the 6 months of history the regimen that is the 2
  months' ("a trailing clause of the limit's own sentence" was anything after it up to the sentence's
  end); IM19's "Major surgery ... within 24 weeks prior to screening, or surgery is planned within 24
  weeks after enrollment in the study" gave the past surgery the planned one's "after enrollment";
  and the regimen, in criterion 4's own sentence, passed as a condition of the limits of the sub-list
  below it (the 30 mg/day ceiling), as a heading above them would.
  Words set off by a comma after the last limit ("≥3×ULN, or bilirubin >1.5×ULN, excluding laboratory
  test abnormalities due to SLE hepatitis") are said of every limit before them, and still pass.
- A threshold given as a condition another limit's words before it in its sentence, joined to it by
  "and" or "or" (E518, scopes.another_requirement): Relma-cel's 2 months of active disease held only
  "The history of SLE prior to screening was at least 6 months", IM19's planned surgery only "within
  24 weeks prior to screening" (the past surgery's). A condition that states a limit and leads into
  the threshold's own ("If eGFR < 60 mL/min, the dose of prednisone must be ≤ 10 mg/day") still passes.
  Words right after limits that no mark sets apart are shared by them ("score ≥8 or score ≥6 ... if
  ..."), and words right after an earlier limit before the threshold's own are the earlier one's.
- A disease-activity limit's measure without the instrument its parenthesis names (E529,
  thresholds._instrument_left_out): "Disease activity score" of "Disease activity score (SLEDAI-2K)".
- A measure that names only a kind of thing done or had, before "with" or "of" (E529,
  phrases.continues): "Treatment" of "Treatment with CD20 monoclonal antibodies was used within the
  past 6 months".
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
from sle_trials.reading import phrases

CHECKS = mutations.Checks(DATA_ROOT)


def _codes(shown: str, change: Callable[[dict], None]) -> set[str]:
    return CHECKS.after(shown, change)


def _conditions(i: int, conditions: list[str]) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][i]["conditions"] = conditions

    return change


# --- a condition that runs on from another limit after the threshold's own -------------------------

RELMA_REGIMEN = "after the use of a stable standard SLE regimen prior to screening"
ORAL = "Oral corticosteroids must meet the following requirements:"
IM19_ENROLLED = "after enrollment in the study"
IM19_HEPATITIS = "excluding laboratory test abnormalities due to SLE hepatitis"


@pytest.mark.parametrize(
    ("shown", "threshold", "conditions", "codes"),
    [
        # Relma-cel's 6 months of SLE history (threshold 0) given the 2 months' regimen, or a part of it
        (RELMA_PATH, 0, [RELMA_REGIMEN], {"E518"}),
        (RELMA_PATH, 0, ["after the use of a stable standard SLE regimen"], {"E518", "E528"}),
        # ... or the ceiling of 30 mg/day (threshold 3) in the sub-list below it, beside its heading
        (RELMA_PATH, 3, [ORAL, RELMA_REGIMEN], {"E518"}),
        # IM19's surgery within 24 weeks before screening (threshold 9) given the planned surgery's words
        (IM19_PATH, 9, [IM19_ENROLLED], {"E518"}),
        # honest: the 2 months' own clause, and an exception set off after both ×ULN limits
        (RELMA_PATH, 1, [RELMA_REGIMEN], set()),
        (RELMA_PATH, 3, [ORAL], set()),
        (IM19_PATH, 10, [IM19_ENROLLED], set()),
        (IM19_PATH, 13, [IM19_HEPATITIS], set()),
        (IM19_PATH, 14, [IM19_HEPATITIS], set()),
    ],
)
def test_a_condition_running_on_from_a_later_limit_is_refused(
    shown: str, threshold: int, conditions: list[str], codes: set[str]
) -> None:
    assert _codes(shown, _conditions(threshold, conditions)) == codes


# An "if" that runs on from a later limit set apart by a mark is that limit's, and is not required of
# the one before it ("score ≥8, or score ≥6 for clinical symptoms if low complement is present": the ≥8
# applies to all): the ≥8 left without it passes, and given it is refused, as the 2 months' regimen is.
# With no mark between the limits, the words after them are both's, and required of both.
ACTIVITY = "SELENA-SLEDAI score ≥8, or score ≥6 for clinical symptoms if low complement is present."
SHARED = "SELENA-SLEDAI score ≥8 or score ≥6 for clinical symptoms if low complement is present."
LOW_COMPLEMENT = "if low complement is present."
ALTERNATIVE = "or score ≥6 for clinical symptoms if low complement is present."
ACTIVITY_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: {criterion}
  thresholds:
    - kind: DISEASE_ACTIVITY
      criterion: {{list: INCLUSION, number: 1}}
      measure: SELENA-SLEDAI
      comparator: ">="
      value: {value}
      unit: points
{conditions}evidence:
  eligibility.thresholds.0: "{quote}"
"""


@pytest.mark.parametrize(
    ("criterion", "value", "quote", "conditions", "codes"),
    [
        # the ≥8 one of two alternatives: the other is its condition (E524 without it), not the other's "if"
        (ACTIVITY, 8, "SELENA-SLEDAI score ≥8", [], {"E524"}),
        (ACTIVITY, 8, "SELENA-SLEDAI score ≥8", [ALTERNATIVE], set()),
        (ACTIVITY, 8, "SELENA-SLEDAI score ≥8", [LOW_COMPLEMENT], {"E518"}),
        # the ≥6's own "if" is still required of it, and governs it
        (ACTIVITY, 6, ACTIVITY, [], {"E524"}),
        (ACTIVITY, 6, ACTIVITY, [LOW_COMPLEMENT], set()),
        # no mark between the limits: the "if" is the ≥8's too
        (SHARED, 8, "SELENA-SLEDAI score ≥8", [], {"E524"}),
        (SHARED, 8, "SELENA-SLEDAI score ≥8", [LOW_COMPLEMENT], set()),
    ],
)
def test_an_if_running_on_from_a_later_limit_is_that_limits(
    registry: Path, criterion: str, value: int, quote: str, conditions: list[str], codes: set[str]
) -> None:
    text = f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Inclusion Criteria:\n1. {criterion}\n"
    source = add_source(registry, "seeds/983_mut33_activity.txt", text)
    held = "".join(f'      conditions: ["{c}"]\n' for c in conditions)
    fields = ACTIVITY_DRAFT.format(criterion=criterion, value=value, conditions=held, quote=quote)
    put(registry, IM19_PATH, joined(im19_draft(source), fields))
    assert mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH)) == codes


# --- a condition that states another limit joined to the threshold's own by "and" or "or" ---------

# A condition before the limit in its sentence governed it unless a sentence ended between: another
# limit's own words passed as one, though "and" or "or" joins them as another requirement beside it
RELMA_HISTORY = "The history of SLE prior to screening was at least 6 months"
IM19_PAST_SURGERY = "Major surgery (including joint surgery) was performed within 24 weeks prior to screening"


@pytest.mark.parametrize(
    ("shown", "threshold", "conditions"),
    [
        # Relma-cel's 2 months of active disease (threshold 1) held only for 6 months of history
        (RELMA_PATH, 1, [RELMA_HISTORY]),
        # IM19's planned surgery (threshold 10) held only for a past one, or within its 24 weeks
        (IM19_PATH, 10, [IM19_PAST_SURGERY]),
        (IM19_PATH, 10, ["within 24 weeks prior to screening"]),
    ],
)
def test_a_condition_stating_another_limit_beside_its_own_is_refused(
    shown: str, threshold: int, conditions: list[str]
) -> None:
    assert _codes(shown, _conditions(threshold, conditions)) == {"E518"}


# A condition that states a limit and leads into the threshold's own is one
DOSE = "If eGFR < 60 mL/min, the dose of prednisone must be ≤ 10 mg/day."
DOSE_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{criterion}"
  thresholds:
    - kind: CORTICOSTEROID_DOSE
      criterion: {{list: INCLUSION, number: 1}}
      measure: prednisone
      comparator: "<="
      value: 10
      unit: mg/day
      conditions: ["If eGFR < 60 mL/min"]
evidence:
  eligibility.thresholds.0: "prednisone must be ≤ 10 mg/day"
"""


def test_a_condition_stating_a_limit_that_leads_into_its_own_passes(registry: Path) -> None:
    text = f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Inclusion Criteria:\n1. {DOSE}\n"
    source = add_source(registry, "seeds/984_mut33_dose.txt", text)
    put(registry, IM19_PATH, joined(im19_draft(source), DOSE_DRAFT.format(criterion=DOSE)))
    assert mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH)) == set()


# A clause before a limit in its sentence that runs on from an earlier limit is that one's too: "when
# on anticoagulants" is the platelets', not the hemoglobin's after it
LABS = "Platelets ≥ 50,000/mm³ when on anticoagulants, and hemoglobin ≥ 9 g/dL."
LABS_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{criterion}"
  thresholds:
    - kind: LABORATORY
      criterion: {{list: INCLUSION, number: 1}}
      measure: {measure}
      comparator: ">="
      value: {value}
      unit: {unit}
      conditions: ["when on anticoagulants"]
evidence:
  eligibility.thresholds.0: "{quote}"
"""


@pytest.mark.parametrize(
    ("measure", "value", "unit", "quote", "codes"),
    [
        ("Platelets", 50000, "/mm³", "Platelets ≥ 50,000/mm³", set()),
        ("hemoglobin", 9, "g/dL", "hemoglobin ≥ 9 g/dL", {"E518"}),
    ],
)
def test_a_clause_running_on_from_an_earlier_limit_is_that_limits(
    registry: Path, measure: str, value: int, unit: str, quote: str, codes: set[str]
) -> None:
    text = f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Inclusion Criteria:\n1. {LABS}\n"
    source = add_source(registry, "seeds/985_mut33_labs.txt", text)
    fields = LABS_DRAFT.format(criterion=LABS, measure=measure, value=value, unit=unit, quote=quote)
    put(registry, IM19_PATH, joined(im19_draft(source), fields))
    assert mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH)) == codes


# --- a disease-activity limit's measure without the instrument its parenthesis names ---------------

# "Disease activity score" of "Disease activity score (SLEDAI-2K) with a score of 10 or above" was a
# whole phrase (a parenthesis after a name may be left out: "alanine aminotransferase (ALT)"), and
# trials.csv's disease-activity measure, the instrument, read a score of no scale


@pytest.mark.parametrize(
    ("measure", "codes"),
    [
        ("Disease activity score", {"E529"}),
        ("Disease activity score (SLEDAI-2K)", set()),
        ("SLEDAI-2K", set()),
    ],
)
def test_a_disease_activity_measure_without_its_instrument_is_refused(measure: str, codes: set[str]) -> None:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][1]["measure"] = measure

    assert _codes(IM19_PATH, change) == codes


# --- a measure that names only a kind of thing done, before what it is of --------------------------

# "Treatment" of IM19's "Treatment with CD20 monoclonal antibodies was used within the past 6 months"
# stood as a whole phrase ("with" names nothing of what is measured, as in "... <500/mm³ with a
# neutrophil count ..."): a washout of any treatment read for the CD20 antibodies'


@pytest.mark.parametrize(
    ("threshold", "measure", "codes"),
    [
        (21, "Treatment", {"E529"}),
        (21, "Treatment with CD20 monoclonal antibodies", set()),
        (3, "dose of steroids", set()),
    ],
)
def test_a_measure_of_a_kind_of_thing_done_is_refused(threshold: int, measure: str, codes: set[str]) -> None:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][threshold]["measure"] = measure

    assert _codes(IM19_PATH, change) == codes


@pytest.mark.parametrize(
    ("text", "measure", "cut"),
    [
        # "of" before the limit itself ends the measure (its length: the measure holds none of it)
        ("SLE history of ≥ 6 months", "SLE history", None),
        ("History of at least 6 months of SLE", "History", None),
        ("Disease duration of more than 6 months", "Disease duration", None),
        # ... and before what the kind of thing done is of, goes on naming it
        ("Treatment of lupus nephritis for 6 months", "Treatment", "of lupus"),
        ("the dose of steroids > 10 mg", "the dose", "of steroids"),
    ],
)
def test_of_before_a_limit_ends_a_measure(text: str, measure: str, cut: str | None) -> None:
    """ "SLE history" of "SLE history of ≥ 6 months" was refused as cut short (E529): "of" read as its
    name going on, though a limit follows it."""
    start = text.index(measure)
    assert phrases.continues(text, start, start + len(measure), measure) == cut


# An instrument's abbreviation after its name written out names the same instrument: the name passes
PGA = "Physician Global Assessment (PGA) score ≥ 1."
PGA_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{criterion}"
  thresholds:
    - kind: DISEASE_ACTIVITY
      criterion: {{list: INCLUSION, number: 1}}
      measure: {measure}
      comparator: ">="
      value: 1
      unit: points
evidence:
  eligibility.thresholds.0: "Physician Global Assessment (PGA) score ≥ 1"
"""


@pytest.mark.parametrize("measure", ["Physician Global Assessment", "Physician Global Assessment (PGA)"])
def test_an_instrument_written_out_before_its_abbreviation_passes(registry: Path, measure: str) -> None:
    text = f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Inclusion Criteria:\n1. {PGA}\n"
    source = add_source(registry, "seeds/986_mut33_pga.txt", text)
    put(registry, IM19_PATH, joined(im19_draft(source), PGA_DRAFT.format(criterion=PGA, measure=measure)))
    assert mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH)) == set()


# --- the point a limit is counted from, after the words of an event of it -----------------------------

# Relma-cel's criterion 4: "... the disease remained active at least 2 months after the use of a stable
# standard SLE regimen prior to screening". The regimen is the point the 2 months are counted from; with
# its measure "stable standard SLE regimen", quoted through it, threshold 1 passed: "after" stood three
# words before it ("after the use of a"), past the reach of the words that make a point of reference
LONGER = "the disease remained active at least 2 months after the use of a stable standard SLE regimen"


@pytest.mark.parametrize(
    ("measure", "codes"),
    [("stable standard SLE regimen", {"E529"}), ("the disease remained active", set())],
)
def test_a_measure_after_the_words_of_an_event_it_is_counted_from_is_refused(measure: str, codes: set[str]) -> None:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][1]["measure"] = measure
        data["evidence"]["eligibility.thresholds.1"] = LONGER

    assert _codes(RELMA_PATH, change) == codes
