"""Pull-request attacks on the product's silence: a product field declared silent that a source states.

A ClinicalTrials.gov study's summary and description are no place to read the product from (they
name other products too), so the silence check (E523) no longer looked there either: with the
fixture study's product called autologous, and given a 4-1BB co-stimulatory domain, in its brief
summary alone, a record declaring cell_product.origin and cell_product.construct silent passed, and
trials.csv showed "not stated" for what the study states. A term of a product field's vocabulary
where a source about the trial speaks of its product (its product place, summary, description and
keywords) must be filled in, or a note on the field must say why it is not the product's.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import FIXTURES, imported_codes, study_imported
from sle_trials.engine import pipeline

SUMMARY = (
    "This study gives a single infusion of {words}CAR-T cells to adults whose lupus nephritis did not respond "
    "to at least two standard treatments."
)


def _study(tmp_path_factory: pytest.TempPathFactory, words: str) -> tuple[pipeline.Checker, dict]:
    """The fixture study with "Autologous" taken out of its title and intervention, its summary
    saying words of its product, imported, marked complete, its product named and targeted."""
    doc = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    section = doc["protocolSection"]
    ident = section["identificationModule"]
    ident["officialTitle"] = ident["officialTitle"].replace("Autologous ", "")
    given = section["armsInterventionsModule"]["interventions"][0]
    given["description"] = given["description"].replace("Autologous T cells", "T cells")
    section["descriptionModule"]["briefSummary"] = SUMMARY.format(words=words)
    section["descriptionModule"].pop("detailedDescription")
    checker, data = study_imported(tmp_path_factory, doc)
    data = copy.deepcopy(data)
    data["curation"]["not_yet_curated"].remove("cell_product")
    data["curation"]["silent"] = [*data["curation"]["silent"], "cell_product.origin", "cell_product.construct"]
    data["cell_product"] = {"name": "Anti-CD19 CAR-T cells", "target_antigens": ["CD19"]}
    data["evidence"]["cell_product.target_antigens"] = "interventions.name: Anti-CD19 CAR-T cells"
    return checker, data


@pytest.mark.parametrize("words", ["autologous anti-CD19 ", "anti-CD19 4-1BB-costimulated "])
def test_a_product_field_the_summary_states_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, words: str
) -> None:
    checker, data = _study(tmp_path_factory, words)
    assert "E523" in imported_codes(checker, data)


def test_a_note_naming_the_words_excuses_them(tmp_path_factory: pytest.TempPathFactory) -> None:
    checker, data = _study(tmp_path_factory, "autologous anti-CD19 ")
    note = {"field": "cell_product.origin", "text": "The summary's 'autologous' is left to a later curation."}
    data["curation"]["notes"] = [*data["curation"].get("notes", []), note]
    assert "E523" not in imported_codes(checker, data)


def test_a_summary_that_states_neither_leaves_them_silent(tmp_path_factory: pytest.TempPathFactory) -> None:
    checker, data = _study(tmp_path_factory, "anti-CD19 ")
    assert imported_codes(checker, data) == set()
