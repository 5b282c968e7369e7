"""Pull-request attacks on a complete record's lists: a value its source lists, left out.

A complete record holds its source's rows whole (E519), but an arm was its row with a part of its
interventions (layouts.is_row), and the conditions and keywords were held to nothing: a record made
from a ClinicalTrials.gov study that left out a keyword, a condition, one of an arm's interventions
or one of an intervention's other names passed, and trials.csv then gave fewer than the source does.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import FIXTURES, copy_registry
from sle_trials.checks import evidence, load, rules
from sle_trials.checks import schema as schema_mod
from sle_trials.cli import main
from sle_trials.engine import pipeline

SHOWN = "trials/NCT09000011.yaml"  # tests/fixtures/ctgov/completed_phase2_randomised.json, imported


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Checker, dict]:
    """The fixture's study imported, and marked complete as a curator who reviewed it would."""
    root = copy_registry(tmp_path_factory.mktemp("registry"))
    source = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
    assert main(["import", "ctgov", str(source), "--root", str(root), "--no-cache"]) == 0
    file = root / SHOWN
    file.write_text(file.read_text("utf-8").replace("  status: draft\n", "  status: complete\n", 1), "utf-8")
    record, problems = load.load(file, SHOWN)
    assert record is not None, problems
    return pipeline.Checker(root), record.data


def codes(checker: pipeline.Checker, data: dict) -> set[str]:
    record = load.Record(SHOWN, data)
    problems = schema_mod.check(record, checker.validator) or (
        rules.check(record, checker.root, "NCT09000011") or evidence.check(record, checker.schema, checker.root)
    )
    return {p.code for p in problems}


def test_the_imported_record_marked_complete_passes(imported: tuple[pipeline.Checker, dict]) -> None:
    checker, data = imported
    assert codes(checker, data) == set()


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("keywords",), "CAR-T"),
        (("conditions",), "Lupus Nephritis"),
        (("arms", 0, "intervention_names"), "Fludarabine"),
        (("arms", 1, "intervention_names"), "Cyclophosphamide"),
        (("interventions", 3, "other_names"), "MMF"),
    ],
)
def test_a_value_its_source_lists_left_out_is_refused(
    imported: tuple[pipeline.Checker, dict], where: tuple, value: str
) -> None:
    checker, data = imported
    left = copy.deepcopy(data)
    node: Any = left
    for part in where:
        node = node[part]
    assert value in node
    node.remove(value)
    assert codes(checker, left) == {"E519"}


def test_a_list_declared_incomplete_may_leave_values_out(imported: tuple[pipeline.Checker, dict]) -> None:
    checker, data = imported
    left = copy.deepcopy(data)
    left["keywords"].remove("CAR-T")
    left["curation"]["incomplete"] = [{"field": "keywords", "text": "Only the keywords about the product."}]
    assert codes(checker, left) == set()
