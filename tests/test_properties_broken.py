"""Property-based tests (hypothesis) of broken records: they never crash the tool.

A valid record drawn by tests/record_strategies.py, mutated at random (a key dropped, a value of
another type, bytes inserted, the file cut short), never makes load, schema, rules, evidence or the
command raise: it is accepted, or refused with problems that each have a line (all but E001, E004
and E401, which concern a file as a whole), and the command exits 0 or 1. Where the fast loader
accepts a text, the precise loader reads the same data from it. tests/test_properties.py holds the
properties of valid records: the two modules run on the two workers side by side.

Examples are derandomized and no example database is kept, so CI runs are repeatable. Before the
drawn ones, a test runs the examples pinned for it (record_strategies.pinned): those that reached
branches the drawn ones do not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from record_strategies import (
    CODES,
    SETTINGS,
    WHOLE_FILE_CODES,
    check_all,
    checker,
    command_registry,
    mutated,
    pinned,
    run_cli,
)
from sle_trials.checks import load

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


def _assert_placed(problems: list, what: str) -> None:
    for p in problems:
        assert p.code in CODES, (what, p)
        if p.code not in WHOLE_FILE_CODES:
            assert p.line >= 1 and p.column >= 1, (what, p)


@pinned("test_mutations_never_crash_and_are_placed")
@settings(max_examples=100, **SETTINGS)
@given(mutated())
def test_mutations_never_crash_and_are_placed(case: tuple[str, str, bytes]) -> None:
    nct_id, what, raw = case
    shown = f"trials/{nct_id}.yaml"
    problems, summary, _ = checker().check(shown, nct_id, raw)  # the pipeline's own path, fast then precise
    assert (summary is None) == bool(problems), what
    _assert_placed(problems, what)
    text, text_problems = load.check_text(raw, shown)
    _assert_placed(text_problems, what)
    if text is None:
        return
    record, parse_problems = load.parse(text, shown)
    _assert_placed(parse_problems, what)
    if record is not None:
        _assert_placed(check_all(record, nct_id), what)


@pinned("test_mutations_through_the_command")
@settings(max_examples=50, **SETTINGS)
@given(mutated())
def test_mutations_through_the_command(registry: Path, case: tuple[str, str, bytes]) -> None:
    nct_id, what, raw = case
    place = registry / "trials" / f"{nct_id}.yaml"
    place.write_bytes(raw)
    try:
        status, said = run_cli("validate", str(place), "--root", str(registry), "--no-cache", "--format", "json")
    finally:
        place.unlink()
    assert status in (0, 1), (what, said)
    assert "Traceback" not in said and "internal error" not in said, (what, said)
    report = json.loads(said[: said.rindex("}") + 1])
    for p in report["problems"]:
        if p["code"] not in WHOLE_FILE_CODES:
            assert p["line"] and p["line"] >= 1, (what, p)
    assert (status == 0) == (report["problems"] == []), what
