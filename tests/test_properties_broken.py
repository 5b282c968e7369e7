"""Property-based tests (hypothesis) of broken records: they never crash the tool.

A valid record drawn by tests/record_strategies.py, mutated at random (a key dropped, a value of
another type, bytes inserted, the file cut short), never makes load, schema, rules, evidence or the
command raise: it is accepted, or refused with problems that each have a line (all but E001, E004
and E401, which concern a file as a whole), and the command exits 0 or 1; `trials fmt` formats it or
refuses it with problems, and what it writes the strict loader reads. tests/test_properties.py holds the
properties of valid records: the two modules run on the two workers side by side.

Examples are derandomized and no example database is kept, so CI runs are repeatable. Before the
drawn ones, a test runs the examples pinned for it (record_strategies.pinned): those that reached
branches the drawn ones do not.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO
from hypothesis import example, given, settings
from record_strategies import (
    CODES,
    MARKS,
    SETTINGS,
    WHOLE_FILE_CODES,
    check_all,
    checker,
    mutated,
    pinned,
    run_cli,
)
from sle_trials.checks import load, schema
from sle_trials.curate import fmt

pytestmark = MARKS


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
    problems, summary, *_ = checker().check(shown, nct_id, raw)  # the pipeline's own path
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
def test_mutations_through_the_command(property_registry: Path, case: tuple[str, str, bytes]) -> None:
    nct_id, what, raw = case
    place = property_registry / "trials" / f"{nct_id}.yaml"
    place.write_bytes(raw)
    try:
        status, said = run_cli(
            "validate", str(place), "--root", str(property_registry), "--no-cache", "--format", "json"
        )
    finally:
        place.unlink()
    assert status in (0, 1), (what, said)
    assert "Traceback" not in said and "internal error" not in said, (what, said)
    report = json.loads(said[: said.rindex("}") + 1])
    for p in report["problems"]:
        if p["code"] not in WHOLE_FILE_CODES:
            assert p["line"] and p["line"] >= 1, (what, p)
    assert (status == 0) == (report["problems"] == []), what


# A plain date-like text with no such day: ruamel.yaml's round-trip mode read it as a date and stopped
# `trials fmt` with an internal error (a fuzz of the records found it; the drawn cases quote their text).
NO_SUCH_DAY = ("NCT06513429", "a plain date of no such day", b"nct_id: NCT06513429\nbrief_title: 2024-13-45\n")


@example(case=NO_SUCH_DAY)
@settings(max_examples=50, **SETTINGS)  # about 4 s of CPU, as the command's test
@given(mutated())
def test_mutations_are_formatted_or_refused(case: tuple[str, str, bytes]) -> None:
    nct_id, what, raw = case
    shown = f"trials/{nct_id}.yaml"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return  # fmt refuses the bytes before reading them (E002)
    try:
        result = fmt.format_text(text, schema.load_schema(REPO), shown)
    except fmt.FmtError as refused:
        _assert_placed(refused.problems, what)
        return
    assert load.check_text(result.encode("utf-8"), shown)[0] is not None, what
