"""A hostile mutation hunt on the curated records (helper-21's, after hunts 170 and 171).

Kinds of mistake tests/mutations.py does not make, made over every record in trials/ and checked as
`trials validate` checks one record (mutations.Checks): one field of a list's item swapped with or copied
from a sibling's (thresholds, cohorts, officials, criteria, related trials), an evidence quote given a
sibling's key, any list item duplicated, an item of a vocabulary list dropped, a number reshaped (a
thousand times, a thousandth, half a unit off, negated, zero), a number a hair off (40.00000001),
an age or a limit converted to another unit, the criteria lists swapped (their pointers flipped too),
a case changed, a qualifying word ("not", "without", "except", "at least", ...) dropped from a value
or a quote, look-alike characters, a parenthesis dropped, a text cut at a sentence, a measure taken
from any other run of its quote's words, quotes pooled under their list's key, facts of the page's own
trial given to a stub, another trial's title quoted for a product, two fields of one item swapped,
YAML spellings of the same value (+6, False, flow mappings, escapes, comments).

What passed and made a record say what its source does not:

- a number a hair off its source's: lexicon.same_number took two numbers for one to a relative 1e-9,
  so IM19's weight limit of 40.00000001 kg, a second cohort of 100000000.05 cells, a platelet limit of
  25000.00001/mm³ passed, and a dose of 6000000001 cells would pass for 6×10^9. Two numbers are now one
  only a few units in the last place apart (lexicon.ULPS_APART): what reading "2.3 million" rounds.

Judged true to the source (no defect): a unit in another spelling or case of itself (mg/d, mg/dl, xULN,
mm3, "cAR-T cells"), a measure given as other words of its phrase ("steroids", "SELENA-SLEDAI score",
"estimated glomerular filtration rate" without "(eGFR)"), a quote given as a sibling's that holds its
own words, a threshold's two conditions in the other order, the sponsor's name in its "About" heading's
case, a YAML spelling of the same value. A related trial listed twice passes the one-record check and is
refs' E303 in `trials validate`'s run over the registry; a curation note or incomplete entry written
twice says nothing new.
"""

from __future__ import annotations

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data
from sle_trials.reading import lexicon

CHECKS = mutations.Checks(DATA_ROOT)


def _set(shown: str, path: tuple, value: object) -> dict:
    data = record_data(DATA_ROOT / shown, shown)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("shown", "path", "value"),
    [
        (IM19_PATH, ("eligibility", "thresholds", 0, "value"), 40.00000001),  # Weight ≥ 40 kg
        (IM19_PATH, ("eligibility", "thresholds", 17, "value"), 7.000000001),  # Hemoglobin <7.0 g/dL
        (IM19_PATH, ("eligibility", "thresholds", 20, "value"), 25000.00001),  # Platelets <25,000/mm³
        (IM19_PATH, ("arms", 0, "cohorts", 1, "dose", "value"), 100000000.05),  # 1×10^8 CAR-T cells
        (RELMA_PATH, ("eligibility", "thresholds", 2, "value"), 7.5000000001),  # Prednisone ≥7.5 mg/ day
    ],
)
def test_a_number_a_hair_off_its_sources_is_refused(shown: str, path: tuple, value: float) -> None:
    assert CHECKS.codes(shown, _set(shown, path, value)) & mutations.VALUE_CODES


@pytest.mark.parametrize(
    ("shown", "path", "value"),
    [
        (IM19_PATH, ("eligibility", "thresholds", 0, "value"), 40.0),  # a whole number written as a float
        (IM19_PATH, ("arms", 0, "cohorts", 1, "dose", "value"), 1.0e8),
        (IM19_PATH, ("eligibility", "thresholds", 17, "value"), 7),
    ],
)
def test_the_same_number_written_otherwise_passes(shown: str, path: tuple, value: float) -> None:
    assert CHECKS.codes(shown, _set(shown, path, value)) == set()


@pytest.mark.parametrize(
    ("quote", "value"),
    [("2.3 million", 2300000), ("1.2×10^7", 12000000), ("0.3×10^6", 300000), ("4.1×10^-3", 0.0041), ("⅓", 1 / 3)],
)
def test_a_number_read_with_rounding_is_still_the_sources(quote: str, value: float) -> None:
    """What reading a source's number rounds (a mantissa times a power of ten or a scale) is no other number."""
    (read,) = lexicon.numbers(quote)
    assert lexicon.same_number(read.value, value)


@pytest.mark.parametrize(("a", "b"), [(6e9, 6000000001), (40, 40.00000001), (1e8, 100000000.05), (0.5, 0.5000000001)])
def test_numbers_a_hair_apart_are_two(a: float, b: float) -> None:
    assert not lexicon.same_number(a, b)
