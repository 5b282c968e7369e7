"""Mutation attacks on a name read from a source's running prose: any whole words of its sentences.

A plain document (a press release, a copied abstract) names the trial's product and what it gives only
in its sentences about the trial, and any whole words there passed as the name: IM19's cell_product.name
"patients with refractory", "lymphodepletion", "In this trial" or "given to patients", or an
intervention named "with fludarabine" or "are given". A name read from prose is a noun phrase, bounded
by words that name, with no verb of a clause; a cell product's bears a mark of a product besides (a
CAR, a code, a cell therapy's international name, cells, or a proper name the source writes inside its
sentence): reading/product_names.py. A drug or a procedure may be an intervention's name.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out

# the trial's sentence, as a plain document gives it
GIVEN = "In this trial, IM19 CAR-T cells are given to patients with refractory lupus after lymphodepletion."


def _product(name: str) -> str:
    return f"cell_product:\n  name: {name}\nevidence:\n  cell_product.name: {name}\n"


def _intervention(name: str) -> str:
    """An intervention of type DRUG named name, its type quoted from "Drug: <name>"."""
    return (
        f"interventions:\n  - type: DRUG\n    name: {name}\n"
        f'evidence:\n  interventions.0.name: {name}\n  interventions.0.type: "Drug: {name}"\n'
    )


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (GIVEN, "patients with refractory"),  # ends on a closed word's phrase, names no product
        (GIVEN, "lymphodepletion"),  # what is done before the cells: no product
        (GIVEN, "In this trial"),  # opens on a preposition
        (GIVEN, "given to patients"),  # a clause's verb
        (GIVEN, "are given"),
        (GIVEN, "cells are given"),
        # a word in capitals that opens its sentence is no proper name, nor one that opens a line
        ("In this trial, patients receive Kymriah. Patients are followed for 2 years.", "Patients"),
        ("Patients receive Kymriah after lymphodepletion.", "Patients"),
        # a drug given beside the cells is no cell product's name
        ("Patients receive fludarabine before IM19 CAR-T cells.", "fludarabine"),
    ],
)
def test_words_of_the_trials_sentences_are_no_products_name(trials: Trials, line: str, name: str) -> None:
    assert "E512 cell_product.name" in im19_out(trials, line, _product(name))


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (GIVEN, "IM19"),  # a product's code
        (GIVEN, "IM19 CAR-T cells"),
        (GIVEN, "CAR-T cells"),  # a CAR
        ("In this trial, obecabtagene autoleucel is given to patients.", "obecabtagene autoleucel"),
        ("In this trial, patients receive Relma-cel once.", "Relma-cel"),
        ("In this trial, autologous anti-CD19 T cells are infused.", "autologous anti-CD19 T cells"),
        ("In this trial, patients receive Kymriah after lymphodepletion.", "Kymriah"),  # a proper name
    ],
)
def test_a_products_name_in_the_trials_sentences_still_binds(trials: Trials, line: str, name: str) -> None:
    assert im19_out(trials, line, _product(name)) == ""


@pytest.mark.parametrize("name", ["with fludarabine", "are given", "given to patients", "fludarabine and"])
def test_words_of_the_trials_sentences_are_no_interventions_name(trials: Trials, name: str) -> None:
    line = f"{GIVEN} Patients receive lymphodepletion with fludarabine and cyclophosphamide. Drug: {name}."
    assert "E512 interventions.0.name" in im19_out(trials, line, _intervention(name))


@pytest.mark.parametrize("name", ["fludarabine", "lymphodepletion", "IM19 CAR-T cells"])
def test_a_drug_or_a_procedure_still_names_an_intervention(trials: Trials, name: str) -> None:
    line = f"{GIVEN} Patients receive lymphodepletion with fludarabine and cyclophosphamide. Drug: {name}."
    assert im19_out(trials, line, _intervention(name)) == ""
