"""A list is held in its source's order (E533 for rows, E525 for a criterion's enumeration, E507 for a
quote's terms).

The data contract gives every list of trials.csv "joined by '|' in source order", and the order is
what the source says (IM19's page lists its related trials, its similarity picks, in its order). Any
order passed: IM19's related trials swapped, Relma-cel's officials reversed with their quotes, its
autoantibodies or prior therapies in another order than its criteria enumerate them.
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import DATA_ROOT, FIXTURES, IM19_PATH, RELMA_PATH, record_data
from sle_trials.checks import evidence, load
from sle_trials.reading import layouts


def _checks() -> mutations.Checks:
    return mutations.Checks(DATA_ROOT)


def test_related_trials_swapped_are_refused() -> None:
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    related = data["related_trials"]
    related[0], related[1] = related[1], related[0]
    assert _checks().codes(IM19_PATH, data) == {"E533"}
    quoted = data["evidence"]["related_trials"]
    quoted[0], quoted[1] = quoted[1], quoted[0]  # and their ids' quotes with them
    assert _checks().codes(IM19_PATH, data) == {"E533"}


def test_rows_reversed_with_their_quotes_are_refused() -> None:
    """Relma-cel's officials reversed, each with its own quote (officials.0.role moved with it)."""
    data = record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH)
    n = len(data["officials"])
    data["officials"].reverse()
    data["evidence"] = {
        (f"officials.{n - 1 - int(k.split('.')[1])}.role" if k.startswith("officials.") else k): v
        for k, v in data["evidence"].items()
    }
    assert _checks().codes(RELMA_PATH, data) == {"E533"}


@pytest.mark.parametrize(
    ("shown", "path"),
    [
        (RELMA_PATH, ("eligibility", "autoantibodies", "antibodies")),
        (RELMA_PATH, ("eligibility", "prior_therapy", "therapies")),
        (IM19_PATH, ("eligibility", "prior_therapy", "therapies")),
    ],
)
def test_a_criterions_enumeration_in_another_order_is_refused(shown: str, path: tuple[str, ...]) -> None:
    data = record_data(DATA_ROOT / shown, shown)
    listed = mutations.fields.get(data, path)[1]
    for wrong in (listed[::-1], [listed[1], listed[0], *listed[2:]]):
        # E507 where the quote renders the terms in the other order (the antibodies), E525 from the criterion
        assert _checks().codes(shown, mutations._set(data, path, wrong)) in ({"E525"}, {"E507"}), wrong


def test_a_quotes_terms_in_another_order_are_refused(registry: Path) -> None:
    """A study's two phases (its JSON gives "PHASE1", "PHASE2", in order), listed the other way round."""
    record = mutations.imported(registry, FIXTURES / "ctgov" / "old_partial_dates.json", "NCT09000044", "complete")
    shown = "trials/NCT09000044.yaml"
    checks = mutations.Checks(registry)
    assert record.data["phases"] == ["PHASE1", "PHASE2"]
    assert checks.codes(shown, record.data) == set()
    assert checks.codes(shown, mutations._set(record.data, ("phases",), ["PHASE2", "PHASE1"])) == {"E507"}


def _messages(shown: str, data: dict) -> list[str]:
    """The messages of data's evidence problems, as `trials validate` says them."""
    checks = _checks()
    record = load.Record(shown, data)
    with layouts.remembering(checks.checker.memory.shown):
        return [p.message for p in evidence.problems(record, checks.checker.schema, checks.root, checks.checker.memory)]


def test_rows_out_of_order_name_both_items() -> None:
    """E533 named only the item out of place ("listed after an item that ... lists after it"): which
    item it is out of order with, and so which of the two to move, was left to a guess."""
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    related = data["related_trials"]
    first, second = related[0]["nct_id"], related[2]["nct_id"]
    related[0], related[2] = related[2], related[0]
    said = [m for m in _messages(IM19_PATH, data) if m.startswith("related_trials.")]
    assert len(said) == 1, said
    assert said[0].startswith(f"related_trials.1: nct_id {related[1]['nct_id']!r} is listed after related_trials.0, ")
    assert f"nct_id {second!r}" in said[0] and first != second, said
