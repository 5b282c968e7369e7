"""Mutation attacks on a list item's fields: a field its source's row leaves empty, filled from another row.

(And a value beneath an item's field, an arm's cohort, quoted from another item's row: see the end.)

An item was its source's row when every field the row states matched (layouts.texts_are_row); a
field the row does not state was never compared. A record made from a ClinicalTrials.gov study
then passed with Erlangen's site given Ohio, the other site's state, and with Cyclophosphamide,
which the study describes nowhere, given Fludarabine's dosing ("25 mg/m²/day intravenously on days
-5 to -3"): each text occurs in the source, in another row.
"""

from __future__ import annotations

import copy

import pytest
from conftest import DATA_ROOT, copy_registry, imported_codes
from sle_trials.checks import evidence, load
from sle_trials.engine import pipeline


def codes(checker: pipeline.Checker, data: dict) -> set[str]:
    return imported_codes(checker, data)


def test_the_imported_record_marked_complete_passes(imported: tuple[pipeline.Checker, dict]) -> None:
    checker, data = imported
    assert codes(checker, data) == set()


@pytest.mark.parametrize(
    ("item", "key", "other"),
    [
        (("locations", 1), "region", ("locations", 0)),  # Erlangen, Germany: no state in its row
        (("interventions", 2), "description", ("interventions", 1)),  # Cyclophosphamide: no description
        (("interventions", 3), "description", ("interventions", 0)),  # Mycophenolate mofetil: none
    ],
)
def test_a_field_its_row_leaves_empty_given_another_rows_text_is_refused(
    imported: tuple[pipeline.Checker, dict], item: tuple, key: str, other: tuple
) -> None:
    checker, data = imported
    filled = copy.deepcopy(data)
    target = filled[item[0]][item[1]]
    assert key not in target
    target[key] = data[other[0]][other[1]][key]
    assert "E512" in codes(checker, filled)


def test_a_field_left_out_of_an_item_is_still_its_row(imported: tuple[pipeline.Checker, dict]) -> None:
    """The other way is no mistake of this kind: an item may leave out a field its row states (a site's
    region), which the completeness check asks for where the record says nothing of it."""
    checker, data = imported
    left = copy.deepcopy(data)
    del left["locations"][0]["region"]
    left["curation"]["silent"] = [*left["curation"]["silent"], "locations.region"]
    assert "E512" not in codes(checker, left)


def _with_cohort(data: dict, arm: int, quote: str) -> dict:
    """data with the CAR-T arm's dose (1×10^6 cells/kg, its description's) given to the arm at arm."""
    out = copy.deepcopy(data)
    out["arms"][arm]["cohorts"] = [{"dose": {"value": 1000000, "unit": "anti-CD19 CAR-T cells", "basis": "PER_KG"}}]
    out["evidence"][f"arms.{arm}.cohorts.0"] = quote
    out["curation"]["not_yet_curated"].remove("arms.cohorts")
    out["curation"]["silent"] = [*out["curation"]["silent"], "arms.cohorts.label", "arms.cohorts.patients"]
    return out


def test_a_dose_quoted_from_its_own_arms_row_passes(imported: tuple[pipeline.Checker, dict]) -> None:
    checker, data = imported
    assert codes(checker, _with_cohort(data, 0, "1×10^6 anti-CD19 CAR-T cells/kg")) == set()


def test_a_dose_quoted_from_another_arms_row_is_refused(imported: tuple[pipeline.Checker, dict]) -> None:
    """Before: the standard-therapy arm given the CAR-T arm's dose, quoted from the CAR-T arm's
    description, passed: a quote for a value beneath an arm's field (a cohort) had only to stand among
    the arms. It lies in its own arm's row now, or names its arm (E512)."""
    checker, data = imported
    assert "E512" in codes(checker, _with_cohort(data, 1, "1×10^6 anti-CD19 CAR-T cells/kg"))


@pytest.mark.parametrize("key", ["arms.1", "arms"])
def test_a_dose_quoted_from_another_arms_row_under_a_key_above_the_arm_is_refused(
    imported: tuple[pipeline.Checker, dict], key: str
) -> None:
    """The same dose under a key above the arm's cohorts (`arms.1`, `arms`) escaped the row: the
    check looked for a row only when the key itself stood beneath an item's field. A draft (which may
    leave out the arms' types, which the quote would otherwise have to render) passed with the
    standard-therapy arm given the CAR-T arm's dose."""
    checker, data = imported
    out = _with_cohort(data, 1, "1×10^6 anti-CD19 CAR-T cells/kg")
    out["curation"]["status"] = "draft"
    for i, arm in enumerate(out["arms"]):
        del arm["type"], out["evidence"][f"arms.{i}.type"]
    out["evidence"][key] = out["evidence"].pop("arms.1.cohorts.0")
    assert "E512" in codes(checker, out)
    out["evidence"]["arms.0"] = out["evidence"].pop(key)  # the arm the dose is given for: its own row
    out["arms"][0]["cohorts"], out["arms"][1]["cohorts"] = out["arms"][1]["cohorts"], []
    del out["arms"][1]["cohorts"]
    assert codes(checker, out) == set()


def _two_arms(tmp_path) -> tuple[pipeline.Checker, dict]:
    """IM19's page given a second arm (an observation group given standard therapy, its dose in the
    description it is listed with), and its record that arm and intervention."""
    from conftest import add_source

    root = copy_registry(tmp_path / "registry")
    text = (DATA_ROOT / "seeds" / "000_84a0f0163f21158e.txt").read_text("utf-8")
    groups = (
        "CAR-T cell therapy group\n"
        "Administration of IM19 CAR-T cells at a dose of 1×10\\^6/kg CAR-T cells for patients 1 to 3, and "
        "1×10\\^8 CAR-T cells for patient 4 to 6.\n"
        "IM19 CAR-T cells\n"
        "IM19 CAR-T cells by intravenous infusion.\n"
    )
    interventions = "IM19 CAR-T cells\nIM19 CAR-T cells by intravenous infusion.\nOther Intervention Names"
    assert groups in text and interventions in text
    standard = "Standard therapy\nSteroids 0.5 mg/kg/day orally.\n"
    text = text.replace(groups, groups + "Observation group\nStandard of care.\n" + standard)
    text = text.replace(
        interventions, interventions.replace("Other Intervention Names", standard + "Other Intervention Names")
    )
    source = add_source(root, "seeds/930_two_arms.txt", text)
    file = root / "trials" / "NCT06513429.yaml"
    file.write_text(file.read_text("utf-8").replace("seeds/000_84a0f0163f21158e.txt", source), "utf-8")
    record, problems = load.load(file, "trials/NCT06513429.yaml")
    assert record is not None, problems
    data = copy.deepcopy(record.data)
    data["arms"].append(
        {"label": "Observation group", "description": "Standard of care.", "intervention_names": ["Standard therapy"]}
    )
    data["interventions"].append({"name": "Standard therapy", "description": "Steroids 0.5 mg/kg/day orally."})
    return pipeline.Checker(root), data


def _e512(checker: pipeline.Checker, data: dict) -> list[str]:
    problems = evidence.check(
        load.Record("trials/NCT06513429.yaml", data), checker.schema, checker.root, checker.memory
    )
    return [p.message for p in problems if p.code == "E512"]


def test_each_arm_of_a_registry_copy_gives_its_own_interventions(tmp_path) -> None:
    """Before: a registry copy's Study Groups placed only the last arm's interventions, so the first
    arm of a copy with two was refused its own ("arms.0.intervention_names.0: not where the source
    states it"), and an arm's row held none of them."""
    checker, data = _two_arms(tmp_path)
    assert _e512(checker, data) == []
    swapped = copy.deepcopy(data)
    swapped["arms"][0]["intervention_names"], swapped["arms"][1]["intervention_names"] = (
        ["Standard therapy"],
        ["IM19 CAR-T cells"],
    )
    assert _e512(checker, swapped)


def test_a_dose_in_the_description_an_arm_lists_its_intervention_with_is_that_arms(tmp_path) -> None:
    """A quote beneath an arm's field lies in its row (the previous tests): the row is its label, its
    description and the interventions listed under it with their descriptions. The observation group's
    dose, written in its standard therapy's description, binds its cohort, and not the CAR-T arm's."""
    checker, data = _two_arms(tmp_path)
    dosed = copy.deepcopy(data)
    dosed["arms"][1]["cohorts"] = [{"dose": {"value": 0.5, "unit": "mg/kg/day", "basis": "PER_KG"}}]
    dosed["evidence"]["arms.1.cohorts.0"] = "Steroids 0.5 mg/kg/day"
    assert _e512(checker, dosed) == []
    moved = copy.deepcopy(dosed)
    moved["arms"][0]["cohorts"][0]["dose"] = {"value": 0.5, "unit": "mg/kg/day", "basis": "PER_KG"}
    moved["evidence"]["arms.0.cohorts.0"] = "Steroids 0.5 mg/kg/day"
    assert _e512(checker, moved)
