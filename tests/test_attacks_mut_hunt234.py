"""A hostile mutation hunt on `trials check` (helper-116's, hunt 234) on the curated records' structured values. 11,348
mutants in all, each checked as `trials validate` checks a file (mutations.Checks), repeats as `trials check`
(refs: E303): every leaf of the seven records walked by a script and given plausible wrong values (numbers ±1, ×10
and ÷10, other records' and items' values of the field, neighbouring units and words, dates a day, a month or a year
off or cut to a month or a year, names cut by a word, a digit or a letter changed, punctuation and case changed),
fields swapped within an item and between items, items dropped, repeated and reversed, each evidence quote given
another field's or cut by a word, fields filed under another date, and values the sources do not state added with
the silent entries that declared them taken out (7,537); each number of the complete records given every other
number of its source, its quote moved to the words around that number (2,829); evidence keys moved to a parent or a
child field, dropped, or added for fields the record does not hold (666); and 316 by hand: values and their quotes
changed together to other words of the source (a target read from "IM19", a start date from "Last Updated", an
enrollment from "0 patients applied", a sponsor class from the sponsor's "About"), thresholds added for limits a
criterion states with another (the compound CD4+ count), prior therapies, antibodies and scopes moved to other
criteria, items repeated in other words, a stub's title cut with its host's related title. Before: 8 mutants of two
classes passed that the source decides; after: none.

Found and fixed (E113):

- one limit written twice in other words: a threshold copied with its unit spelled otherwise (IM19's steroid
  ceiling in "mg/d" beside the one in "mg/day", its platelets in "/μL" beside "/mm³", its alcohol window in "week",
  Relma-cel's prednisone ≥ 100 in "mg/day" beside "mg/d") or its measure named otherwise ("prednisone", "steroids"
  of "prednisone (or equivalent dose)") passed: rules.check_thresholds compared the record's words, and each copy
  bound to its quote, so trials.csv gave the limit twice. Two thresholds of one criterion bound to one statement of
  its text are one limit now (thresholds.stated_twice); the true records, whose thresholds sharing a quote bind to
  its two statements (Relma-cel's "serum creatinine > 2.5 mg/dL or 221 μmol/L"), and a threshold whose only copy
  spells its unit otherwise pass.

Found and fixed (E207):

- one condition of a threshold twice in another case: IM19's steroid ceiling given "If the subject is receiving
  steroids, ..." and "if the subject is receiving steroids, ..." passed: the schema's unique items tell them apart,
  and each binds, a condition's opening word being read in the criterion's case (sentence_case.as_written). The
  conditions are compared as the criterion writes them now (thresholds.bind_threshold); a condition given once in
  another case passes.

Left, the source not deciding the value otherwise (each passes; reproduce with mutations.Checks(DATA_ROOT).codes on
the record loaded with conftest.record_data, the change made in memory):

- a unit spelled as another spelling of the lexicon's unit (quantities.UNITS): "month" for "months", "mg/d" for
  "mg/day", "g/day" for "g/24h", "/μL" for "/mm³" (one mm³ is one μL), "mg/dl" for "mg/dL": the same unit, bound
  by its key.
- a measure cut of a gloss or of "(or equivalent ...)", or recased: IM19's "prednisone" or "steroids" for
  "prednisone (or equivalent dose)" (phrases.names_the_same, hunt 212), "estimated glomerular filtration rate" without
  "(eGFR)", Relma-cel's "serum IgA" for "serum IgA level", "history of SLE" for "history of SLE prior to screening".
- a quote cut by a word, or given another field's that holds the same words, or keyed on the field above its value
  (IM19's "dates.start" for "dates.start.date"): still a quote of the value where its source states the field;
  the nct_id's quote dropped (the file's name and its source hold it).
- a cohort's dose of 1000000.0 for 1000000: the same number, written whole (decimals.plain).
- Relma-cel's sponsor name as its "About" writes it ("Shanghai Ming Ju Biotechnology Co., Ltd."), its product and
  intervention named "CD19-CART" as its title writes it, its "other immunosuppressants or immunomodulators" split in
  two prior therapies; IM19's cohort labelled "patients 1 to 3" (the words the source gives it).
"""

from __future__ import annotations

import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data
from mutations import Checks


@pytest.fixture(scope="module")
def checks() -> Checks:
    return Checks(DATA_ROOT)


def with_threshold(shown: str, index: int, added: bool, **changed: str) -> tuple[dict, int]:
    """The record at shown with its threshold at index changed (added: a copy of it changed, added last with the
    same quote)."""
    data = record_data(DATA_ROOT / shown, shown)
    thresholds = data["eligibility"]["thresholds"]
    at = len(thresholds) if added else index
    if added:
        thresholds.append(dict(thresholds[index]))
        data["evidence"][f"eligibility.thresholds.{at}"] = data["evidence"][f"eligibility.thresholds.{index}"]
    thresholds[at].update(changed)
    return data, at


@pytest.mark.parametrize(
    ("shown", "index", "changed"),
    [
        (IM19_PATH, 2, {"unit": "mg/d"}),
        (IM19_PATH, 2, {"measure": "prednisone"}),
        (IM19_PATH, 2, {"measure": "steroids"}),
        (IM19_PATH, 20, {"unit": "/μL"}),
        (IM19_PATH, 8, {"unit": "week"}),
        (RELMA_PATH, 11, {"unit": "mg/day"}),
        (RELMA_PATH, 0, {"unit": "month"}),
    ],
)
def test_one_limit_written_twice_in_other_words(
    checks: Checks, shown: str, index: int, changed: dict[str, str]
) -> None:
    data, at = with_threshold(shown, index, True, **changed)
    found = checks.codes(shown, data)
    assert found == {"E113"}, found


@pytest.mark.parametrize(
    ("shown", "index", "changed"),
    [
        (IM19_PATH, 2, {}),  # (the true records: Relma-cel's thresholds 9 and 10 share a quote, two statements)
        (RELMA_PATH, 9, {}),
        (IM19_PATH, 2, {"unit": "mg/d"}),  # its only copy, the unit spelled otherwise
        (IM19_PATH, 20, {"unit": "/μL"}),
        (RELMA_PATH, 11, {"unit": "mg/day"}),
    ],
)
def test_a_limit_once_in_any_spelling_passes(checks: Checks, shown: str, index: int, changed: dict[str, str]) -> None:
    data, _ = with_threshold(shown, index, False, **changed)
    assert checks.codes(shown, data) == set()


def with_conditions(shown: str, index: int, conditions: list[str]) -> dict:
    data = record_data(DATA_ROOT / shown, shown)
    data["eligibility"]["thresholds"][index]["conditions"] = conditions
    return data


IM19_STEROIDS = "If the subject is receiving steroids, the following conditions must be met:"
RELMA_ORAL = "Oral corticosteroids must meet the following requirements:"


@pytest.mark.parametrize(
    ("shown", "index", "conditions", "found"),
    [
        (IM19_PATH, 2, [IM19_STEROIDS, "i" + IM19_STEROIDS[1:]], {"E207"}),
        (RELMA_PATH, 3, [RELMA_ORAL, "o" + RELMA_ORAL[1:]], {"E207"}),
        (IM19_PATH, 2, ["i" + IM19_STEROIDS[1:]], set()),
        (RELMA_PATH, 3, ["o" + RELMA_ORAL[1:]], set()),
    ],
)
def test_one_condition_twice_in_another_case(
    checks: Checks, shown: str, index: int, conditions: list[str], found: set[str]
) -> None:
    assert checks.codes(shown, with_conditions(shown, index, conditions)) == found
