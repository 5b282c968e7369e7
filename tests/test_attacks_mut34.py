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
- A threshold whose "if" is replaced by a nearer clause of its own sentence (E518,
  thresholds._own_condition): IM19's steroid dose change in screening given "During the screening
  period," for "If the subject is receiving steroids, the following conditions must be met:". The
  conditions the record gives the criterion's thresholds said where each stands, and the nearest
  before the limit, which the threshold held itself, passed as the one governing it.
- A measure that names nothing of what is measured though every word of it stands beside the limit
  (E529): the object of the phrase after the limit that says when it is taken ("period" of
  "SELENA-SLEDAI score ≥8 during the screening period", phrases.says_when_after), words pointing at
  a list set out elsewhere ("following requirements" of "Oral corticosteroids must meet the following
  requirements:", phrases.pointing), a measure run on into the words opening its limit's length of
  time ("used within the past" of "... was used within the past 6 months", phrases.opens_a_length),
  and one whose noun phrase names only a kind of thing done ("the dose" of "the dose must be kept
  stable for > 2 weeks", "treatment prior to screening", phrases.only_a_kind).
- A measure from words set apart from its limit, its quote run on to hold them (E529,
  phrases.apart_from_its_limit, ends_a_when_phrase, condition_inside, unit_first): after its limit past
  a mark or words other than a preposition whose object it is ("bilirubin" for the ×ULN limit of
  "... ≥3×ULN, or bilirubin", "serum creatinine" for eGFR's <30, "the disease remained active" for the
  6 months of SLE history, "neutrophil count" of "... <500/mm³ with a neutrophil count"); before it,
  the end of a phrase of when a clause mark closes ("period" of "Before the screening period, if
  biological agents ..."), a measure run on into a condition ("period, if biological agents"), or one
  starting with another limit's unit ("months, and the disease remained active"). A quote that stops
  right after such words held no limit of theirs to tell them by.
- A prior therapy that is no item of its criterion's enumeration (E525, enumeration._runs_on and
  enumeration._names_no_treatment): a list of one item, or the last item of a list, cut out of longer
  words with no separator to show the cut ("other" of "other immunosuppressants or immunomodulators",
  "immunosuppressants or immunomodulators" without its "other"), any words of the criterion given as
  the only therapy ("the", "SLE", "standard SLE regimen", "Meets the current clinical standards"), an
  item run back over the words leading into the enumeration ("any of the following (alone or in
  combination) : corticosteroids"), or one holding a verb or a word of its clause ("corticosteroids
  when used"). E525 read the items against each other only: the gaps between them, and a separator
  before the first or after the last.

Left (the source does not support them, and they pass): a prior therapy given as a therapy its
criterion names outside the enumeration of the regimen that failed (Relma-cel's ["Oral
corticosteroids"], the heading of the sub-list of dose requirements, or ["immunosuppressants"] of "when
used in combination with immunosuppressants"): prior_therapy.requirement reads every sentence of the
criterion after its cue that stops, washes out or takes now nothing, and these do none of that.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import mutations
import pytest
from conftest import (
    AS_OF_LINE,
    DATA_ROOT,
    IM19_PATH,
    IM19_TITLE_LINE,
    ONE_THRESHOLD,
    RELMA_PATH,
    add_source,
    im19_draft,
    joined,
    put,
    record_data,
)

CHECKS = mutations.Checks(DATA_ROOT)


def _codes(shown: str, change: Callable[[dict], None]) -> set[str]:
    return CHECKS.after(shown, change)


def _threshold(i: int, **values: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][i].update(values)

    return change


def _therapies(therapies: list[str], quote: str | None = None) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        data["eligibility"]["prior_therapy"]["therapies"] = therapies
        if quote is not None:
            data["evidence"]["eligibility.prior_therapy"] = quote

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
LIVER_EXCEPTION = "excluding laboratory test abnormalities due to SLE hepatitis"


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
    # (bilirubin's limit keeps its exception, which it must hold: scopes._CAUSE_EXCEPTION)
    kept = [LIVER_EXCEPTION] if threshold == BILIRUBIN else []
    assert _codes(IM19_PATH, _threshold(threshold, conditions=[condition, *kept])) == {"E518"}


@pytest.mark.parametrize(
    ("threshold", "condition"),
    [
        # a condition holding the measure that says who the limit is for
        (5, "If the subject is receiving treatment with antimalarial drugs and/or conventional immunosuppressants"),
        # an exception after both ×ULN limits, which is neither measure's
        (BILIRUBIN, LIVER_EXCEPTION),
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


# --- a nearer clause held for the "if" that governs the limit --------------------------------------

STEROIDS_IF = "If the subject is receiving steroids, the following conditions must be met:"


@pytest.mark.parametrize(
    ("conditions", "codes"),
    [
        # IM19's steroid dose change in screening (threshold 4): its "if" gone, the clause before the limit
        # in its sentence held in its place; the other steroid limits (2, 3) still hold the "if"
        (["During the screening period,"], {"E518"}),
        (["During the screening period"], {"E518"}),
        # honest: the "if" (the clause beside it, held too, ends its reach: scopes.governs)
        ([STEROIDS_IF], set()),
    ],
)
def test_a_nearer_clause_for_the_governing_if_is_refused(conditions: list[str], codes: set[str]) -> None:
    assert _codes(IM19_PATH, _threshold(4, conditions=conditions)) == codes


STABLE = (
    "If the subject is receiving steroids, the following conditions must be met: the dose of prednisone is "
    "≤ 10 mg/day. During screening, the dose of prednisone should remain stable for ≥ 4 weeks."
)
STABLE_DRAFT = """\
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
      conditions: ["{steroids}"]
    - kind: STABLE_DOSE_DURATION
      criterion: {{list: INCLUSION, number: 1}}
      measure: prednisone
      comparator: ">="
      value: 4
      unit: weeks
      conditions: {conditions}
evidence:
  eligibility.thresholds.0: "the dose of prednisone is ≤ 10 mg/day"
  eligibility.thresholds.1: "the dose of prednisone should remain stable for ≥ 4 weeks"
"""


@pytest.mark.parametrize(
    ("conditions", "codes"),
    [
        (["During screening,"], {"E518"}),
        ([STEROIDS_IF], set()),
    ],
)
def test_the_governing_if_is_held_in_any_criterion(registry: Path, conditions: list[str], codes: set[str]) -> None:
    fields = STABLE_DRAFT.format(criterion=STABLE, steroids=STEROIDS_IF, conditions=json.dumps(conditions))
    assert _draft_codes(registry, "989_mut34_stable.txt", STABLE, fields) == codes


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
    fields = ONE_THRESHOLD.format(
        text=f'"{criterion}"', kind=kind, measure=measure, comparator=comparator, value=value, unit=unit
    )
    assert _draft_codes(registry, "987_mut34_measure.txt", criterion, fields) - {"E510"} == codes


# --- a measure from words set apart from its limit, its quote run on to hold them -----------------

# IM19's exclusion 10, 11 and criterion 5, Relma-cel's exclusion 1 and inclusion 4, as the records write them
ULN = "alanine aminotransferase (ALT), aspartate aminotransferase (AST), or alkaline phosphatase (ALP) levels are"
EGFR = "estimated glomerular filtration rate (eGFR) <30 mL/min/1.73 m²"
BIOLOGICS = (
    "if biological agents (such as belizumab or Telitacicept) are used, they need to be discontinued for at "
    "least 4 weeks before screening"
)
HISTORY = "The history of SLE prior to screening was at least 6 months, and the disease remained active"


@pytest.mark.parametrize(
    ("shown", "threshold", "measure", "quote"),
    [
        # after its limit, past a mark or words other than a preposition whose object it is: another
        # limit's measure, an exception's words, another requirement joined by "with"
        (IM19_PATH, 13, "bilirubin", f"{ULN} ≥3×ULN, or bilirubin"),
        (IM19_PATH, 15, "serum creatinine", f"{EGFR}, or serum creatinine"),
        (
            IM19_PATH,
            14,
            "excluding laboratory test abnormalities due",
            "bilirubin >1.5×ULN, excluding laboratory test abnormalities due",
        ),
        (
            IM19_PATH,
            19,
            "neutrophil count",
            "Absolute neutrophil count <500/mm³ d. CD4+ T lymphocytes <500/mm³ with a neutrophil count",
        ),
        (RELMA_PATH, 8, "serum creatinine", "proteinuria > 6 g/24h or serum creatinine"),
        (RELMA_PATH, 0, "the disease remained active", HISTORY),
        # before it, the end of a phrase of when that a clause mark closes, or run on into a condition
        (IM19_PATH, 7, "period", f"period, {BIOLOGICS}"),
        (IM19_PATH, 7, "period, if biological agents", f"period, {BIOLOGICS}"),
        # the unit of another limit at its start
        (RELMA_PATH, 1, "months, and the disease remained active", f"{HISTORY} at least 2 months"),
    ],
)
def test_a_measure_set_apart_from_its_limit_is_refused(shown: str, threshold: int, measure: str, quote: str) -> None:
    def change(data: dict) -> None:
        data["eligibility"]["thresholds"][threshold]["measure"] = measure
        data["evidence"][f"eligibility.thresholds.{threshold}"] = quote

    assert _codes(shown, change) == {"E529"}


LABS = "Hemoglobin ≥ 9 g/dL, or platelets ≥ 75,000/mm³ at screening."


@pytest.mark.parametrize(
    ("measure", "value", "unit", "quote", "conditions", "codes"),
    [
        # each limit one of two alternatives of an inclusion criterion, the other its condition
        ("Hemoglobin", 9, "g/dL", "Hemoglobin ≥ 9 g/dL", ["or platelets ≥ 75,000/mm³ at screening."], set()),
        ("platelets", 75000, "/mm³", "platelets ≥ 75,000/mm³", ["Hemoglobin ≥ 9 g/dL,"], set()),
        # ... the alternative left out: the limit reads as every patient's
        ("Hemoglobin", 9, "g/dL", "Hemoglobin ≥ 9 g/dL", [], {"E524"}),
        ("platelets", 75000, "/mm³", "platelets ≥ 75,000/mm³", [], {"E524"}),
        # the hemoglobin's limit given to the platelets after it
        ("platelets", 9, "g/dL", "Hemoglobin ≥ 9 g/dL, or platelets", [], {"E529"}),
        # ... or to the time it is taken at
        ("screening", 75000, "/mm³", "platelets ≥ 75,000/mm³ at screening", [], {"E529"}),
    ],
)
def test_a_measure_set_apart_from_its_limit_in_any_criterion(
    registry: Path, measure: str, value: int, unit: str, quote: str, conditions: list[str], codes: set[str]
) -> None:
    fields = ONE_THRESHOLD.format(
        text=f'"{LABS}"', kind="LABORATORY", measure=measure, comparator=">=", value=value, unit=unit
    ).replace(f'eligibility.thresholds.0: "{LABS}"', f'eligibility.thresholds.0: "{quote}"')
    if conditions:
        given = json.dumps(conditions, ensure_ascii=False)
        fields = fields.replace(f"unit: {unit}\n", f"unit: {unit}\n      conditions: {given}\n")
    assert _draft_codes(registry, "990_mut34_labs.txt", LABS, fields) == codes


# --- a prior therapy that is no item of its criterion's enumeration --------------------------------

IM19_CRITERION_4 = (
    "4) Meets the current clinical standards for refractory systemic lupus erythematosus: the disease remains "
    "active or relapses and progresses after systemic treatment using the current standard treatment regimen"
)
RELMA_REGIMEN = (
    "Standard treatment regimen refers to the steady use of any of the following (alone or in combination) : "
    "corticosteroids, antimalarials, non-steroidal anti-inflammatory drugs (NSAIDs), and other "
    "immunosuppressants or immunomodulators"
)
RELMA_SENTENCE = "the disease remained active at least 2 months after the use of a stable standard SLE regimen"
NO_MINIMUM = "There is no minimum daily dose requirement for corticosteroids"
RELMA_ITEMS = [
    "corticosteroids",
    "antimalarials",
    "non-steroidal anti-inflammatory drugs (NSAIDs)",
    "other immunosuppressants or immunomodulators",
]


@pytest.mark.parametrize(
    ("shown", "therapies", "quote"),
    [
        # words of the criterion that name no treatment, as a list of one
        (IM19_PATH, ["the"], IM19_CRITERION_4),
        (IM19_PATH, ["Meets the current clinical standards"], IM19_CRITERION_4),
        (IM19_PATH, ["systemic lupus erythematosus"], IM19_CRITERION_4),
        (IM19_PATH, ["the current standard treatment regimen"], IM19_CRITERION_4),
        (IM19_PATH, ["using"], IM19_CRITERION_4),
        (RELMA_PATH, ["SLE"], RELMA_SENTENCE),
        (RELMA_PATH, ["standard SLE regimen"], RELMA_SENTENCE),
        (RELMA_PATH, ["the use"], RELMA_SENTENCE),
        # an item cut short of its words, last in its list or alone
        (RELMA_PATH, [*RELMA_ITEMS[:3], "other"], None),
        (RELMA_PATH, [*RELMA_ITEMS[:3], "immunosuppressants or immunomodulators"], None),
        (RELMA_PATH, ["immunosuppressants or immunomodulators"], RELMA_REGIMEN),
        # the first run back over the words leading into the enumeration
        (RELMA_PATH, ["any of the following (alone or in combination) : corticosteroids", *RELMA_ITEMS[1:]], None),
        (RELMA_PATH, ["the following (alone or in combination) : corticosteroids", *RELMA_ITEMS[1:]], None),
        # a therapy with words of its clause
        (RELMA_PATH, ["corticosteroids when used"], f"{NO_MINIMUM} when used"),
        (RELMA_PATH, ["requirement for corticosteroids"], NO_MINIMUM),
    ],
)
def test_a_therapy_that_is_no_item_of_its_enumeration_is_refused(
    shown: str, therapies: list[str], quote: str | None
) -> None:
    assert _codes(shown, _therapies(therapies, quote)) == {"E525"}


BRAND_DRAFT = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: "{criterion}"
  prior_therapy:
    therapies: {therapies}
    criterion: {{list: INCLUSION, number: 1}}
evidence:
  eligibility.prior_therapy: "{criterion}"
"""


@pytest.mark.parametrize(
    ("criterion", "therapies", "codes"),
    [
        # a name the field does not know, alone or in a list, after the words of a failure
        ("Active disease despite Benlysta.", ["Benlysta"], set()),
        ("Failure of iguratimod or oral cyclophosphamide.", ["iguratimod", "oral cyclophosphamide"], set()),
        ("Refractory to other immunosuppressants.", ["other immunosuppressants"], set()),
        # a count of the item's own before it, and an item joined by "plus"
        (
            "Refractory to hydroxychloroquine and at least 2 immunosuppressive agents.",
            ["hydroxychloroquine", "at least 2 immunosuppressive agents"],
            set(),
        ),
        ("Failure of steroids plus mycophenolate.", ["steroids plus mycophenolate"], set()),
        # ... and words of the criterion that name none, or a name cut from its words
        ("Active disease despite Benlysta.", ["Active disease"], {"E525"}),
        ("Refractory to other immunosuppressants.", ["immunosuppressants"], {"E525"}),
        ("Failure of standard therapy with cyclophosphamide.", ["standard therapy"], {"E525"}),
    ],
)
def test_a_therapy_is_read_as_an_item_in_any_criterion(
    registry: Path, criterion: str, therapies: list[str], codes: set[str]
) -> None:
    fields = BRAND_DRAFT.format(criterion=criterion, therapies=therapies)
    assert _draft_codes(registry, "988_mut34_therapy.txt", criterion, fields) == codes


@pytest.mark.parametrize("shown", [IM19_PATH, RELMA_PATH])
def test_the_curated_therapies_pass(shown: str) -> None:
    assert _codes(shown, lambda data: None) == set()
