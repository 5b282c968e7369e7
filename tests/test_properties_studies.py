"""Property-based tests (hypothesis) of the importer: a study of another shape never crashes it.

A ClinicalTrials.gov study from tests/fixtures/ctgov, with one value anywhere in it swapped for a JSON
value of another kind (null, true/false, a number, text, an empty or odd list or object), is made a
draft (`ctgov.read_studies`, `ctgov.to_record`, then `ctgov.fitted`, the importer's own steps) or
refused as no study (`ctgov.BadInput`, which `trials import` reports): never an internal error. A fuzz
of the fixtures found one: an age group given as an object (stdAges: [{}], no age given) stopped the
import (TypeError: unhashable type).

Examples are derandomized and no example database is kept, so CI runs are repeatable; the one found
by the fuzz is an @example of its own.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from conftest import FIXTURES, REPO
from hypothesis import example, given, settings
from hypothesis import strategies as st
from record_strategies import SETTINGS
from sle_trials import paths
from sle_trials.curate import ctgov

STUDIES = sorted((FIXTURES / "ctgov").glob("*.json"))
SOURCE = "seeds/ctgov_study.json"
OTHER_KINDS: st.SearchStrategy[Any] = st.sampled_from(
    [None, True, False, 0, -1, 1.5, 10**20, "", " ", "NA", "x\u2028y", "9" * 300, [], {}, [None], [{}], [[]], {"x": 1}]
)


@cache
def _study(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / "ctgov" / name).read_text("utf-8-sig"))


@cache
def _schema() -> Any:
    return paths.load_schema(REPO)


def _places(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document: each key of an object, each index of a list."""
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in [(*at, key), *_places(value, (*at, key))]]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in [(*at, i), *_places(value, (*at, i))]]
    return []


@st.composite
def reshaped(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    """(the fixture's name, what was done, the study with one value of another kind)."""
    name = draw(st.sampled_from([p.name for p in STUDIES]))
    study = copy.deepcopy(_study(name))
    places = _places(study)
    if not places:
        return name, "as it is", study
    place = draw(st.sampled_from(places))
    value = draw(OTHER_KINDS)
    parent: Any = study
    for part in place[:-1]:
        parent = parent[part]
    parent[place[-1]] = copy.deepcopy(value)
    return name, f"{'.'.join(map(str, place))} = {json.dumps(value)[:40]}", study


def _age_groups_of_objects() -> tuple[str, str, dict[str, Any]]:
    name = "completed_phase2_randomised.json"
    study = copy.deepcopy(_study(name))
    eligibility = study["protocolSection"]["eligibilityModule"]
    del eligibility["minimumAge"]  # the groups are read for a limit only where no age is given,
    eligibility["eligibilityCriteria"] = "Inclusion Criteria:\n\n1. SLE\n\nExclusion Criteria:\n\n1. Pregnancy"
    eligibility["stdAges"] = [{}]  # not even in the criteria
    return name, "no minimumAge, stdAges = [{}]", study


@example(case=_age_groups_of_objects())
@settings(max_examples=100, **SETTINGS)  # about 1.3 s of CPU; 1,100 fuzzed imports found the one crash above
@given(reshaped())
def test_a_study_of_another_shape_is_drafted_or_refused(case: tuple[str, str, dict[str, Any]]) -> None:
    name, what, study = case
    try:
        (study,) = ctgov.read_studies(json.dumps(study).encode(), name)  # as `trials import` reads a saved study
        draft = ctgov.to_record(study, SOURCE, _schema())
        fitted = ctgov.fitted(study, SOURCE, _schema(), None, draft)
    except ctgov.BadInput as refused:
        assert str(refused), (name, what)
        return
    assert isinstance(fitted.data.get("nct_id"), str), (name, what)


def test_every_fixture_study_is_read() -> None:
    """The property draws from the fixtures: none of them may be missing or unreadable."""
    assert len(STUDIES) > 50
    assert all(isinstance(_study(p.name), dict) for p in STUDIES)


def test_the_places_are_every_key_and_index() -> None:
    assert _places({"a": [1, {"b": 2}]}) == [("a",), ("a", 0), ("a", 1), ("a", 1, "b")]
    assert _places(Path) == []
