"""A hostile mutation hunt on `trials check` (helper-87's, hunt 219) on the curated records' notes: what hunt 216 left
passing (tests/test_attacks_mut_hunt216.py), reproduced on main and read as classes, and what this hunt's own
rewrites of IM19's and Relma-cel's notes found. Each refused note passed before its fix; each has an honest twin (a
note claiming as much, truly) that passes still. Notes are rewritten in memory and checked as `trials validate`
checks a file (mutations.Checks), on one registry copy the module shares.

Found and fixed:

- an honest note refused: a count of people said of a cohort the note names before it, read apart from the cohort:
  IM19's '(the first cohort's dose is "1×10^6/kg", given to three patients)', its patients 1 to 3, was E501's
  "states 3 participants, which no cited source writes"; a count after a cohort in its sentence is now held to the
  cohort's size the record holds ("given to four patients" is refused still) (note_cohorts.sizes_said, remarks).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten

IM19_FIRST = '(the first cohort\'s dose is "1×10^6/kg")'


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt219"))


# --- a count of people said of a cohort the note names (remarks, note_cohorts) --------------------------------------


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ('(the first cohort\'s dose is "1×10^6/kg", given to three patients)', set()),  # (patients 1 to 3)
        ('(the first cohort\'s dose is "1×10^6/kg", given to four patients)', {"E501"}),
        ('(the first cohort\'s dose is "1×10^6/kg"); the trial enrols three patients', {"E501"}),  # (of no cohort)
    ],
)
def test_a_count_of_people_said_of_a_cohort_is_its_size(checks: Checks, new: str, found: set[str]) -> None:
    assert rewritten(checks, IM19_PATH, IM19_FIRST, new) == found
