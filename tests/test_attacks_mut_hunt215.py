"""A hostile mutation hunt on `trials check` (helper-75's, hunt 215) on the curated records' notes and comments: the
items hunt 214 left (tests/test_attacks_mut_hunt214.py), each read as a class: one word of a note or a comment
changed so that it says something false of the record or its sources. Each refused mutation passed before its fix;
each has honest twins (a note claiming less, or as much, truly) that pass still. Notes are rewritten in memory and
checked as `trials validate` checks a file (mutations.Checks), on one registry copy the module shares; a comment's
rewrite is written to its file and put back.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, record_data, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt215"))


def test_the_curated_records_pass(checks: Checks) -> None:
    assert checks.codes(IM19_PATH, record_data(checks.root / IM19_PATH)) == set()
    assert checks.codes(RELMA_PATH, record_data(checks.root / RELMA_PATH)) == set()


# --- the number a note says a criteria list starts at ---------------------------------------------------------------

IM19_START = "Both criteria lists start at 2"


@pytest.mark.parametrize(
    "new",
    [
        "Neither criteria list starts at 2",
        "Only the inclusion list starts at 2",
        "Only the exclusion criteria list starts at 2",
        "The inclusion list does not start at 2",
    ],
)
def test_a_start_a_note_gives_a_criteria_list_that_it_lacks_is_refused(checks: Checks, new: str) -> None:
    assert "E501" in rewritten(checks, IM19_PATH, IM19_START, new)


@pytest.mark.parametrize(
    "new",
    ["The inclusion list starts at 2", "Both lists start at 2", "The exclusion criteria list starts at 2"],
)
def test_a_start_a_note_gives_a_criteria_list_that_it_has_passes(checks: Checks, new: str) -> None:
    """(A start at 1 is E514's: a note naming criterion 1 as there.)"""
    assert rewritten(checks, IM19_PATH, IM19_START, new) == set()


# --- the nesting a note says a criterion's paragraphs are kept in ---------------------------------------------------

RELMA_NESTED = "they are kept nested under criterion 4"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("they are kept flat, after criterion 4", {"E501"}),
        ("they are kept as criteria of their own after criterion 4", {"E501"}),
        ("they are kept as sub-items of criterion 4", set()),
        ("they are kept nested under inclusion criterion 4", set()),
    ],
)
def test_the_nesting_a_note_gives_a_criterions_paragraphs_is_the_records(
    checks: Checks, new: str, found: set[str]
) -> None:
    assert rewritten(checks, RELMA_PATH, RELMA_NESTED, new) == found


def test_paragraphs_a_note_says_are_nested_under_a_criterion_holding_none_are_refused(checks: Checks) -> None:
    assert "E501" in rewritten(checks, RELMA_PATH, RELMA_NESTED, "they are kept nested under criterion 5")
