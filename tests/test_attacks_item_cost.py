"""Pull-request attacks on the time a check takes: a record of many list items, against a source of
many rows.

E530 bounds a record's distinct texts times its sources' characters, but the checks of a list's
items worked item by item, each against every row of the source: whether a source's row gives the
item (E512), which rows it could be (E522), and whether it stands where the source states its field
(each item's value looked through every passage of the field's place). A record of 2,000 sites
written alike costs E530 a few texts, and took 2.5 s of CPU to validate, growing with the square of
the items: 20,000 (1 MiB) against a study listing their row last of many took many minutes. 2,000
distinct sites took 8 s, 2,000 references a quote each looked through all the record's scalars.
Each is now worked out once for items written alike, and a row is looked up by the texts it holds
(rows.Rows, Sources.verdict, Scalars.under).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import FIXTURES, copy_registry, imported_codes
from sle_trials.checks import evidence, load, rows
from sle_trials.cli import main
from sle_trials.engine import pipeline
from sle_trials.reading import layouts

N = 150  # the study's sites and references
IMPORTED = "trials/NCT09000011.yaml"


@pytest.fixture(scope="module")
def many_rows(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Checker, dict]:
    """The fixture study with N sites and N references of its own, imported as a draft."""
    folder = tmp_path_factory.mktemp("many-rows")
    root = copy_registry(folder / "registry")
    study = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    section = study["protocolSection"]
    section["contactsLocationsModule"]["locations"] = [
        {"facility": f"Hospital {i}", "city": f"City {i}", "country": "China"} for i in range(N)
    ]
    section["referencesModule"]["references"] = [
        {"pmid": str(30_000_000 + i), "type": "BACKGROUND", "citation": f"Author {i}. Paper {i}. J. 2020."}
        for i in range(N)
    ]
    (folder / "study.json").write_text(json.dumps(study), "utf-8")
    assert main(["import", "ctgov", str(folder / "study.json"), "--root", str(root), "--no-cache"]) == 0
    record, problems = load.load(root / IMPORTED, IMPORTED)
    assert record is not None, problems
    return pipeline.Checker(root), record.data


def counted(calls: list[int], function: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return function(*args, **kwargs)

    return call


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """Counts of the steps that grew with items times rows: a row compared with an item, a walk
    through the record's scalars (one for each item's quote). (A value compared with every passage of
    every field, the third, is one index a document now: test_attacks_names; a study's sites are whole
    values, which never asked it.)"""
    steps: dict[str, list[int]] = {"rows": [], "scalars": []}
    monkeypatch.setattr(layouts, "texts_are_row", counted(steps["rows"], layouts.texts_are_row))
    leaves = evidence.fields.leaves
    monkeypatch.setattr(
        evidence.Scalars, "all", property(lambda self: Walked(steps["scalars"], leaves(self.record.data, self.schema)))
    )
    return steps


class Walked(list):
    """A record's scalars, counting each walk through them in walks."""

    def __init__(self, walks: list[int], items: list) -> None:
        super().__init__(items)
        self.walks = walks

    def __iter__(self) -> Any:
        self.walks.append(1)
        return super().__iter__()


def test_a_record_of_many_rows_costs_steps_in_step_with_them(
    many_rows: tuple[pipeline.Checker, dict], work: dict[str, list[int]]
) -> None:
    checker, data = many_rows
    assert imported_codes(checker, data) == set()
    steps = {name: len(steps) for name, steps in work.items()}
    assert steps["rows"] < 20 * N and steps["scalars"] < 10, steps


def test_items_written_alike_cost_one_items_steps(
    many_rows: tuple[pipeline.Checker, dict], work: dict[str, list[int]]
) -> None:
    checker, data = many_rows
    alike = copy.deepcopy(data)
    alike["locations"] = [dict(data["locations"][-1]) for _ in range(10 * N)]  # the last row, again and again
    assert "E522" in imported_codes(checker, alike)  # the study lists it once
    assert len(work["rows"]) < 10 * N, {k: len(v) for k, v in work.items()}


def test_the_rows_an_item_may_be_are_those_holding_its_texts() -> None:
    index = rows.Rows([{"city": "A", "country": "X"}, {"city": "B", "country": "X"}, {"country": "X"}])
    assert list(index.maybe({"city": "B", "country": "X"})) == [1]
    assert list(index.maybe({"country": "X"})) == [0, 1, 2]
    assert list(index.maybe({"city": "C"})) == []
    assert list(index.maybe({"intervention_names": {"X"}})) == [0, 1, 2]  # no text: every row
