"""Attacks of the mutation hunt mut27: kinds of mistake tests/mutations.py did not make, each made on
a record the importer writes from a fixture study (marked complete, as a reviewed record is) or on a
curated record, and refused.

- A list of texts in another order than its source lists them (E533): a study's conditions or
  keywords, an arm's interventions, an intervention's other names. E533 held only lists of rows
  (sites, officials, arms, ...) to their order; an arm is its row with its interventions in any
  order (texts_are_row compares them as sets), and each condition or keyword was held to its place,
  not to its rank, while trials.csv gives each of them "in source order".
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import FIXTURES

# --- a list of texts in another order than its source lists them ---------------------------------

# (fixture, its trial, the list's path in the imported record, the list as curated, the list reordered)
REORDERED = [
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("conditions",),
        ["Lupus Nephritis", "Systemic Lupus Erythematosus"],
        ["Systemic Lupus Erythematosus", "Lupus Nephritis"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("keywords",),
        ["CAR-T", "CD19", "lupus nephritis"],
        ["lupus nephritis", "CD19", "CAR-T"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("arms", 0, "intervention_names"),
        ["Anti-CD19 CAR-T cells", "Fludarabine", "Cyclophosphamide"],
        ["Fludarabine", "Anti-CD19 CAR-T cells", "Cyclophosphamide"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("arms", 1, "intervention_names"),
        ["Mycophenolate mofetil", "Cyclophosphamide"],
        ["Cyclophosphamide", "Mycophenolate mofetil"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("interventions", 3, "other_names"),
        ["CellCept", "MMF"],
        ["MMF", "CellCept"],
    ),
    (
        "observational_followup",
        "NCT09000033",
        ("conditions",),
        ["Systemic Lupus Erythematosus", "Systemic Sclerosis", "Idiopathic Inflammatory Myopathy"],
        ["Systemic Sclerosis", "Systemic Lupus Erythematosus", "Idiopathic Inflammatory Myopathy"],
    ),
    (
        "observational_followup",
        "NCT09000033",
        ("keywords",),
        ["long-term follow-up", "CAR-T"],
        ["CAR-T", "long-term follow-up"],
    ),
]


@pytest.mark.parametrize(("fixture", "nct_id", "path", "curated", "wrong"), REORDERED)
def test_a_list_of_texts_in_another_order_is_refused(
    registry: Path, fixture: str, nct_id: str, path: tuple, curated: list[str], wrong: list[str]
) -> None:
    record = mutations.imported(registry, FIXTURES / "ctgov" / f"{fixture}.json", nct_id, "complete")
    shown, checks = f"trials/{nct_id}.yaml", mutations.Checks(registry)
    assert mutations.fields.get(record.data, path)[1] == curated
    assert checks.codes(shown, record.data) == set()
    assert checks.codes(shown, mutations._set(record.data, path, wrong)) == {"E533"}


def test_a_text_its_source_lists_twice_may_stand_at_either_place(registry: Path) -> None:
    """The study lists its keywords CAR-T, CD19, lupus nephritis, CD19: CD19 held after lupus
    nephritis is in the source's order (the importer keeps its first place)."""
    record = mutations.imported(
        registry, FIXTURES / "ctgov" / "completed_phase2_randomised.json", "NCT09000011", "complete"
    )
    shown, checks = "trials/NCT09000011.yaml", mutations.Checks(registry)
    honest = mutations._set(record.data, ("keywords",), ["CAR-T", "lupus nephritis", "CD19"])
    assert checks.codes(shown, honest) == set()
