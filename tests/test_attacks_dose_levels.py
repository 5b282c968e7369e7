"""Pull-request attacks on a complete record's cohorts: a dose its arm's description gives, left out.

A complete record holds each cohort its arm's description doses (E526), and that was read from the
patients the description names ("... for patients 4 to 6"). A description that gives its doses by
level, with no patient numbers ("Dose level 1: 1×10^6 anti-CD19 CAR-T cells/kg. Dose level 2: 3×10^6
anti-CD19 CAR-T cells/kg."), passed complete with the second level's cohort dropped: the arm read as
one dose. Each cell dose the description states (a power of ten, or at least 100,000, not a cap nor
an end of a range) is now a cohort's dose too.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import FIXTURES, checked_registry, copy_registry, import_complete, imported_codes

LEVELS = "Dose level 1: 1×10^6 anti-CD19 CAR-T cells/kg. Dose level 2: 3×10^6 anti-CD19 CAR-T cells/kg."


@pytest.fixture(scope="module")
def levels(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    """The randomised fixture study with its CAR-T arm dosed by level, imported and marked complete."""
    root = copy_registry(tmp_path_factory.mktemp("registry"))
    study = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    study["protocolSection"]["armsInterventionsModule"]["armGroups"][0]["description"] = LEVELS
    source = tmp_path_factory.mktemp("study") / "dose_levels.json"
    source.write_text(json.dumps(study, ensure_ascii=False), "utf-8")
    checker, data = import_complete(root, source, checked_registry(tmp_path_factory))
    data = copy.deepcopy(data)
    data["curation"]["not_yet_curated"].remove("arms.cohorts")
    data["curation"].setdefault("silent", []).extend(["arms.cohorts.label", "arms.cohorts.patients"])
    return checker, data


def cohorts(data: dict, *doses: tuple[int, str]) -> dict:
    out = copy.deepcopy(data)
    out["arms"][0]["cohorts"] = [
        {"dose": {"value": value, "unit": "anti-CD19 CAR-T cells", "basis": "PER_KG"}} for value, _ in doses
    ]
    for c, (_, quote) in enumerate(doses):
        out["evidence"][f"arms.0.cohorts.{c}"] = quote
    return out


ONE = (1_000_000, "Dose level 1: 1×10^6 anti-CD19 CAR-T cells/kg")
TWO = (3_000_000, "Dose level 2: 3×10^6 anti-CD19 CAR-T cells/kg")


def test_both_dose_levels_held_pass(levels: tuple) -> None:
    checker, data = levels
    assert imported_codes(checker, cohorts(data, ONE, TWO)) == set()


@pytest.mark.parametrize("kept", [ONE, TWO])
def test_a_dose_level_left_out_of_a_complete_record_is_refused(levels: tuple, kept: tuple[int, str]) -> None:
    checker, data = levels
    assert imported_codes(checker, cohorts(data, kept)) == {"E526"}


def test_a_lower_bound_in_a_description_is_no_dose() -> None:
    """Before: "Leukapheresis to collect ≥ 1×10^9 PBMCs" and "at least 5×10^7 viable CAR-T cells" in a
    one-dose arm's description were doses no cohort held (E526), refusing a record that holds its one
    cohort: a lower bound says what is required, and gives no dose."""
    from sle_trials.checks import completeness
    from sle_trials.reading.layouts import normalise

    description = normalise(
        "A single infusion of 1×10^6 CAR-T cells/kg. Leukapheresis to collect ≥ 1×10^9 PBMCs; the product "
        "holds at least 5×10^7 viable CAR-T cells."
    )
    assert [d.value for d in completeness.cell_doses(description)] == [1_000_000]
    assert [d.value for d in completeness.cell_doses(normalise(LEVELS))] == [1_000_000, 3_000_000]
