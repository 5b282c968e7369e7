"""Property-based tests (hypothesis) of valid records: they pass every check and round-trip.

The records are drawn by tests/record_strategies.py (which says how they are made). Properties: a
generated record passes every one-record check (precise and fast paths alike), and dumped with
ruamel.yaml in block style and loaded back with load.parse it is the same data; the CSV row it gives
is the same before and after, on every run; `trials csv` and `trials check` agree.
tests/test_properties_broken.py holds the properties of broken records: the two modules run on the
two workers side by side.

Examples are derandomized and no example database is kept, so CI runs are repeatable. Before the
drawn ones, a test runs the examples pinned for it (record_strategies.pinned): those that reached
branches the drawn ones do not.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from record_strategies import SETTINGS, check_all, checker, command_registry, dump, pinned, records, run_cli
from sle_trials.checks import load
from sle_trials.engine import pipeline
from sle_trials.outputs import export

pytestmark = [
    pytest.mark.long,  # handed to a worker before the short modules (conftest.py)
    # the record strategy is one large tree; hypothesis warns once that its repr is long
    pytest.mark.filterwarnings("ignore:Generating overly large repr"),
]


@pytest.fixture(scope="module")
def registry() -> Iterator[Path]:
    """One registry copy for the command-level properties (each example cleans up after itself)."""
    with command_registry() as root:
        yield root


# --- valid records --------------------------------------------------------------------------------


@pinned("test_generated_records_are_valid_and_round_trip")
@settings(max_examples=100, **SETTINGS)
@given(records())
def test_generated_records_are_valid_and_round_trip(data: dict) -> None:
    text = dump(data)
    shown = f"trials/{data['nct_id']}.yaml"
    record, problems = load.parse(text, shown)
    assert problems == [] and record is not None, (problems, text)
    assert record.data == data
    assert check_all(record, data["nct_id"]) == [], text
    found, summary, _ = checker().check(shown, data["nct_id"], text.encode("utf-8"))
    assert found == [] and summary is not None, (found, text)
    # the CSV row: the same from the generated data and the loaded data, on every call
    row = export.row(data)
    assert export.row(record.data) == row == export.row(copy.deepcopy(data))
    assert export.render([record.data]) == export.render([data])
    assert pipeline.Summary(shown, summary, {}).line == export.line(data).encode("utf-8")


@settings(max_examples=10, **SETTINGS)
@given(records())
def test_csv_command_agrees(registry: Path, data: dict) -> None:
    place = registry / "trials" / f"{data['nct_id']}.yaml"
    before = (registry / "trials.csv").read_bytes()
    place.write_text(dump(data), encoding="utf-8")
    try:
        status, said = run_cli("csv", "--root", str(registry), "--no-cache")
        assert status == 0, said
        first = (registry / "trials.csv").read_bytes()
        assert export.render([data]).splitlines()[1] in first.decode("utf-8").splitlines()
        status, said = run_cli("check", "--root", str(registry), "--no-cache")
        assert status == 0, said
        status, said = run_cli("csv", "--root", str(registry), "--no-cache")
        assert status == 0, said
        assert (registry / "trials.csv").read_bytes() == first, "a second run changed the CSV"
    finally:
        place.unlink()
        status, said = run_cli("csv", "--root", str(registry), "--no-cache")
        assert status == 0, said
    assert (registry / "trials.csv").read_bytes() == before
