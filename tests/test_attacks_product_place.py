"""Pull-request attacks on a ClinicalTrials.gov study's product: read from anywhere in the study.

A registry copy states the product on its title line and in its arms and interventions, a trial
finder page in its title, summary and keywords; a ClinicalTrials.gov study placed `cell_product` on
its whole text. Its criteria, references and descriptions name other products too: a study of
autologous anti-CD19 CAR-T cells that excludes "Prior allogeneic hematopoietic stem cell
transplantation" and cites a background paper on BCMA CAR-T cells passed a record giving its product
origin ALLOGENEIC, target antigen BCMA and the paper's words as its name. The product is now read
from the study's titles, arms and interventions, its name from an intervention's name or other name;
a comparator arm's words are not the product's either ("Rituximab, an anti-CD20 antibody" bound a
CAR-T product's target antigen CD20), nor the name of an intervention given in comparator arms alone.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, imported_codes, study_imported
from sle_trials.engine import pipeline

EXCLUSION = "Prior allogeneic hematopoietic stem cell transplantation."
PAPER = "Li Y, Chen W. Allogeneic BCMA CAR-T cells in relapsed myeloma. Blood. 2023;141:100-110."
COMPARATOR = "Rituximab, an anti-CD20 antibody, as chosen by the investigator."


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Checker, dict]:
    """The fixture study with one more exclusion criterion, one more background reference and its
    comparator arm given rituximab, as many a CAR-T study has them, imported and marked complete."""
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    section = doc["protocolSection"]
    criteria = section["eligibilityModule"]["eligibilityCriteria"]
    section["eligibilityModule"]["eligibilityCriteria"] = criteria.rstrip("\n") + f"\n5. {EXCLUSION}"
    section["referencesModule"]["references"].append({"type": "BACKGROUND", "citation": PAPER})
    section["armsInterventionsModule"]["armGroups"][1]["description"] = COMPARATOR  # ACTIVE_COMPARATOR
    return study_imported(tmp_path_factory, doc)


def _product(data: dict, product: dict, evidence: dict) -> dict:
    out = copy.deepcopy(data)
    out["curation"]["not_yet_curated"].remove("cell_product")
    out["curation"]["silent"] = [*out["curation"]["silent"], "cell_product.construct"]
    out["cell_product"] = product
    out["evidence"].update(evidence)
    return out


@pytest.mark.parametrize(
    ("product", "evidence"),
    [
        ({"origin": "ALLOGENEIC"}, {"cell_product.origin": "Prior allogeneic hematopoietic stem cell"}),
        ({"origin": "ALLOGENEIC"}, {"cell_product.origin": "Allogeneic BCMA CAR-T cells"}),
        ({"target_antigens": ["BCMA"]}, {"cell_product.target_antigens": "Allogeneic BCMA CAR-T cells"}),
        ({"name": "Allogeneic BCMA CAR-T cells"}, {}),
        ({"target_antigens": ["CD20"]}, {"cell_product.target_antigens": "Rituximab, an anti-CD20 antibody"}),
        ({"name": "Mycophenolate mofetil"}, {}),  # the comparator arm's intervention
        ({"name": "CellCept"}, {}),  # its other name
    ],
)
def test_a_product_read_from_the_studys_criteria_references_or_comparator_is_refused(
    study: tuple[pipeline.Checker, dict], product: dict, evidence: dict
) -> None:
    checker, data = study
    assert "E512" in imported_codes(checker, _product(data, product, evidence))


@pytest.mark.parametrize(
    ("product", "evidence"),
    [
        (  # an intervention's description and name
            {"name": "Anti-CD19 CAR-T cells", "origin": "AUTOLOGOUS", "target_antigens": ["CD19"]},
            {
                "cell_product.origin": "Autologous T cells transduced with a lentiviral vector",
                "cell_product.target_antigens": "interventions.name: Anti-CD19 CAR-T cells",
            },
        ),
        (  # the titles, and an intervention's other name
            {"name": "NB-CD19-CART", "origin": "AUTOLOGOUS", "target_antigens": ["CD19"]},
            {
                "cell_product.origin": "Autologous Anti-CD19 Chimeric Antigen Receptor T Cells",
                "cell_product.target_antigens": "Anti-CD19 CAR-T Cells Versus Standard Therapy",
            },
        ),
    ],
)
def test_a_product_read_from_the_titles_arms_and_interventions_binds(
    study: tuple[pipeline.Checker, dict], product: dict, evidence: dict
) -> None:
    checker, data = study
    assert imported_codes(checker, _product(data, product, evidence)) == set()


def test_the_product_place_is_the_studys_titles_arms_and_interventions_but_a_comparators(tmp_path: Path) -> None:
    from sle_trials.reading import layouts

    raw = (FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_bytes()
    doc = layouts.read("seeds/x.json", raw)
    text = " ".join(p.text for p in doc.places["cell_product"])
    assert "Anti-CD19 CAR-T Cells Versus Standard Therapy" in text  # the brief title
    assert "Autologous T cells transduced" in text  # an intervention's description
    assert "Mackensen" not in text and "Prior CAR-T cell therapy" not in text  # a reference, a criterion
    assert "as chosen by the investigator" not in text and "CellCept" not in text  # the comparator arm's
    assert {p.value for p in doc.places["cell_product.name"]} == {
        "Anti-CD19 CAR-T cells",
        "NB-CD19-CART",
        "Fludarabine",
        "Cyclophosphamide",  # given in the CAR-T arm too
    }
