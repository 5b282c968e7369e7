"""Pull-request attacks on a study's product: read from a comparator arm typed OTHER.

A ClinicalTrials.gov study's product is read from its titles and its arms and interventions but a
comparator's (ACTIVE, PLACEBO or SHAM COMPARATOR, NO_INTERVENTION). A comparator may be typed OTHER
("Standard of care", giving rituximab): with the fixture study's comparator arm so typed and
described as "Rituximab, an anti-CD20 antibody, as chosen by the investigator.", a record of its
anti-CD19 CAR-T cells passed with cell_product.target_antigens [CD20] quoted from it. With several
such arms, a record naming its product reads it from the titles and the arms giving that product.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import FIXTURES, IMPORTED, copy_registry, imported_codes
from sle_trials.checks import load
from sle_trials.cli import main
from sle_trials.engine import pipeline

COMPARATOR = "Rituximab, an anti-CD20 antibody, as chosen by the investigator."


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Checker, dict]:
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    arm = doc["protocolSection"]["armsInterventionsModule"]["armGroups"][1]
    arm["type"], arm["description"] = "OTHER", COMPARATOR
    folder = tmp_path_factory.mktemp("study")
    source = folder / "study.json"
    source.write_text(json.dumps(doc), "utf-8")
    root = copy_registry(folder / "registry")
    assert main(["import", "ctgov", str(source), "--root", str(root), "--no-cache"]) == 0
    record, problems = load.load(root / IMPORTED, IMPORTED)
    assert record is not None, problems
    return pipeline.Checker(root), record.data


def _product(data: dict, antigens: list[str], quote: str) -> dict:
    out = copy.deepcopy(data)
    out["curation"]["not_yet_curated"].remove("cell_product")
    out["cell_product"] = {"name": "Anti-CD19 CAR-T cells", "target_antigens": antigens}
    out["evidence"]["cell_product.target_antigens"] = quote
    return out


def test_a_target_antigen_read_from_a_comparator_arm_typed_other_is_refused(
    study: tuple[pipeline.Checker, dict],
) -> None:
    checker, data = study
    assert "E512" in imported_codes(checker, _product(data, ["CD20"], "Rituximab, an anti-CD20 antibody"))


def test_the_named_products_arm_still_binds(study: tuple[pipeline.Checker, dict]) -> None:
    checker, data = study
    assert imported_codes(checker, _product(data, ["CD19"], "1×10^6 anti-CD19 CAR-T cells/kg")) == set()
