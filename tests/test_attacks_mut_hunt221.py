"""A hostile mutation hunt on the remark checks (helper-91's, hunt 221) on the curated records' notes: what hunts 219
and 220 left passing, reproduced on main and read as classes, each with a true twin of the same shape that passes
still. Notes are rewritten in memory and checked as `trials validate` checks a file (mutations.Checks), on one
registry copy the module shares.

Found and fixed (E501):

- a date's type said given, of a record silent on the type of every date it holds: IM19's "The source does not say
  whether they are actual or estimated." made "The source marks both as estimated." (no field's words named a
  date's type) (remark_silence).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt221"))


IM19_ACTUAL = "The source does not say whether they are actual or estimated."


@pytest.mark.parametrize(
    ("shown", "old", "new", "found"),
    [
        # a date's type said given, of a record silent on each date's type
        (IM19_PATH, IM19_ACTUAL, "The source marks both as estimated.", {"E501"}),
        (IM19_PATH, IM19_ACTUAL, "The source marks neither as actual or estimated.", set()),
    ],
)
def test_a_false_note_is_refused_and_its_true_twin_passes(
    checks: Checks, shown: str, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, new) == found
