"""Pull-request attacks on the sources: a study whose lists are not lists.

A ClinicalTrials.gov study gives an arm's interventions (`interventionNames`) and an intervention's
other names (`otherNames`) as arrays of strings. A source that gave either as a number, cited by one
stub, stopped `trials validate`, `check` and `site` with an internal error (TypeError: 'float' object
is not iterable) before any record was checked; given as a string, its letters were read as the
arm's interventions, one a letter. What is no array now names none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials, add_source, edit
from sle_trials.reading import layouts

STUB = "trials/NCT03030976.yaml"


def _study(arm_names: object, other_names: object) -> str:
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    module = doc["protocolSection"]["armsInterventionsModule"]
    module["armGroups"][1]["interventionNames"] = arm_names
    module["interventions"][0]["otherNames"] = other_names
    return json.dumps(doc)


@pytest.mark.parametrize("odd", [1.5, 7, True, {"name": "x"}])
def test_a_list_given_as_a_scalar_or_an_object_is_checked_not_an_internal_error(
    registry: Path, trials: Trials, odd: object
) -> None:
    source = add_source(registry, "seeds/931_shapes.json", _study(odd, odd))
    edit(registry, STUB, ("file: seeds/000_84a0f0163f21158e.txt", f"file: {source}"))
    result = trials("validate")
    assert result.status == 1, result.err
    assert "internal error" not in result.err
    assert "(7 checked)" in result.out  # every other record checked as before


def test_a_list_given_as_a_string_names_no_letter() -> None:
    doc = layouts.read("seeds/x.json", _study("Drug: Cyclophosphamide", "MMF").encode())
    assert doc.rows["arms"][1]["intervention_names"] == []
    assert doc.rows["interventions"][0]["other_names"] == []


@pytest.mark.parametrize("key, odd", [("type", ["ACTIVE_COMPARATOR"]), ("type", {"a": 1}), ("label", ["Standard"])])
def test_an_arm_type_or_label_of_another_kind_is_checked_not_an_internal_error(
    registry: Path, trials: Trials, key: str, odd: object
) -> None:
    """An arm's type or label given as an array or an object (in a study no registry wrote) stopped
    every check with an internal error (TypeError: unhashable type) where the product's places leave
    out the comparator arms (ctgov_study._product_items); such an arm is no comparator now."""
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    doc["protocolSection"]["armsInterventionsModule"]["armGroups"][1][key] = odd
    source = add_source(registry, "seeds/932_arm_shapes.json", json.dumps(doc))
    edit(registry, STUB, ("file: seeds/000_84a0f0163f21158e.txt", f"file: {source}"))
    result = trials("validate")
    assert result.status == 1, result.err
    assert "internal error" not in result.err
    assert "(7 checked)" in result.out
