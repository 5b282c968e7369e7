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
from conftest import imported_codes
from sle_trials.engine import pipeline


def codes(checker: pipeline.Checker, data: dict) -> set[str]:
    return imported_codes(checker, data)


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


def test_a_list_declared_incomplete_holds_what_the_source_states(imported: tuple[pipeline.Checker, dict]) -> None:
    """incomplete says the sources state a field only in part: it waives what they lack, not a value
    they state. Declared incomplete, a list left short passed, and trials.csv showed no sign of it."""
    checker, data = imported
    left = copy.deepcopy(data)
    left["keywords"].remove("CAR-T")
    left["curation"]["incomplete"] = [{"field": "keywords", "text": "Only the keywords about the product."}]
    assert codes(checker, left) == {"E519"}
    left["curation"]["status"] = "draft"  # curated in part: a draft
    assert codes(checker, left) == set()
