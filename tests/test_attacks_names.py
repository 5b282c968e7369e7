"""Mutation attacks on a name read from a page's prose: another field's value, which the prose writes too.

A ClinConnect page names its trial's product only in its title and summary, so the product's name
and the intervention's are read there, any whole words of them. Relma-cel's intervention (or cell
product) named "China", the site's country ("... conducted in multiple locations in China"), or
given the page's whole title passed. A name the source gives whole as another field (a country, a
title, a sponsor) is that field's, not a name read from prose (E512); a product's names may be one
another's (an intervention's name is the product's). Nor is a name of the disease the title and the
summary name beside the product ("SLE", "Systemic Lupus Erythematosus"), which passed as the product's,
the intervention's or its other name.
"""

from __future__ import annotations

import copy

import pytest
from conftest import DATA_ROOT
from sle_trials.checks import evidence, load
from sle_trials.engine import pipeline

SHOWN = "trials/NCT05765006.yaml"


@pytest.fixture(scope="module")
def relma() -> tuple[pipeline.Checker, dict]:
    record, problems = load.load(DATA_ROOT / SHOWN, SHOWN)
    assert record is not None, problems
    return pipeline.Checker(DATA_ROOT), record.data


def codes(checker: pipeline.Checker, data: dict) -> list[str]:
    return [p.code for p in evidence.check(load.Record(SHOWN, data), checker.schema, DATA_ROOT, checker.memory)]


def test_the_record_as_curated_passes(relma: tuple[pipeline.Checker, dict]) -> None:
    checker, data = relma
    assert codes(checker, data) == []


@pytest.mark.parametrize("where", [("interventions", 0, "name"), ("cell_product", "name")])
@pytest.mark.parametrize(
    "name", ["China", "CD19-CART(Relma-cel) for Moderate to Severe Active Systemic Lupus Erythematosus"]
)
def test_a_name_from_prose_that_is_another_fields_value_is_refused(
    relma: tuple[pipeline.Checker, dict], where: tuple, name: str
) -> None:
    checker, data = relma
    assert "E512" in codes(checker, _named(data, where, name))


def test_a_name_is_asked_of_the_pages_whole_values_by_one_index(
    relma: tuple[pipeline.Checker, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether the page gives a name whole as another field is looked up in one index a document
    (SourceDoc.whole_fields), built once however many names a record reads from prose: it answers as
    the rule reads, for every field the page places and every text it gives whole or in running words."""
    from sle_trials.checks import documents
    from sle_trials.reading import layouts

    doc = documents.source_doc(DATA_ROOT, relma[1]["curation"]["sources"][0]["file"])
    assert doc is not None
    built: list[int] = []
    made = layouts.SourceDoc.__dict__["whole_fields"]  # the property as the document class holds it
    index = made.func

    def counted(d: layouts.SourceDoc) -> dict[str, frozenset[str]]:
        built.append(1)
        return index(d)

    monkeypatch.setattr(made, "func", counted)
    doc.__dict__.pop("whole_fields", None)  # (the run's documents may hold it built)
    texts = {p.value or p.text for passages in doc.places.values() for p in passages}
    asked = 0
    for name in doc.places:
        path = tuple(name.split("."))
        family = documents.PRODUCT_NAMES if name in documents.PRODUCT_NAMES else {name}
        for text in texts:
            said = any(
                other not in family and p.whole and (p.value or p.text) == text
                for other, passages in doc.places.items()
                for p in passages
            )
            assert documents._whole_value_of_another(doc, path, text) is said, (name, text)
            asked += said
    assert asked and built == [1]


@pytest.mark.parametrize(
    "where", [("interventions", 0, "name"), ("cell_product", "name"), ("interventions", 0, "other_names")]
)
@pytest.mark.parametrize(
    "name", ["SLE", "systemic lupus erythematosus", "Moderate to Severe Active Systemic Lupus Erythematosus"]
)
def test_a_name_from_prose_that_names_the_disease_is_refused(
    relma: tuple[pipeline.Checker, dict], where: tuple, name: str
) -> None:
    checker, data = relma
    assert "E512" in codes(checker, _named(data, where, name))


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        ("Systemic Lupus Erythematosus", True),
        ("SLE", True),
        ("Lupus CAR-T cells", False),  # a CAR names the product, its disease beside it
        ("NB-301 for lupus", False),  # and so does a product's code
        ("Relma-cel", False),
        ("Sham leukapheresis", False),  # (no disease: "leuk" of a procedure)
    ],
)
def test_a_disease_is_no_name_of_what_is_given(name: str, refused: bool) -> None:
    from sle_trials.checks import documents

    for path in (("cell_product", "name"), ("interventions", 0, "name"), ("arms", 0, "intervention_names", 0)):
        assert documents._a_disease_for_a_name(path, name) is refused, path
    assert documents._a_disease_for_a_name(("arms", 0, "label"), name) is False  # an arm's: "SLE cohort"


@pytest.mark.parametrize(
    "where", [("interventions", 0, "name"), ("cell_product", "name"), ("interventions", 0, "other_names")]
)
@pytest.mark.parametrize(
    "name", ["new treatment", "70 years old", "consent form", "immune system", "Moderate to Severe", "Phase I"]
)
def test_a_name_from_other_words_of_the_title_or_summary_is_refused(
    relma: tuple[pipeline.Checker, dict], where: tuple, name: str
) -> None:
    """Any whole words of the page's title and summary were a name of its product: Relma-cel's product,
    intervention or other name "70 years old" or "consent form" passed. Its names are what the title
    studies ("CD19-CART(Relma-cel)" of "... for Moderate to Severe ...") and what the summary calls it
    ("a new treatment called Relma-cel")."""
    checker, data = relma
    assert "E512" in codes(checker, _named(data, where, name))


@pytest.mark.parametrize("name", ["Relma-cel", "CD19-CART(Relma-cel)"])
def test_the_names_the_page_gives_its_product_pass(relma: tuple[pipeline.Checker, dict], name: str) -> None:
    checker, data = relma
    named = copy.deepcopy(data)
    named["cell_product"]["name"] = named["interventions"][0]["name"] = name
    assert codes(checker, named) == []


@pytest.mark.parametrize(
    ("title", "summary", "names"),
    [
        ("NB-301 for Systemic Lupus Erythematosus", "This trial tests NB-301 in lupus.", ["NB-301"]),
        (
            "A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus",
            "It tests a therapy known as obe-cel, given once.",
            ["CAR-T Cells", "obe-cel"],
        ),
        (
            "Safety and Efficacy of IC19 CAR-T Cell Therapy for Refractory Systemic Lupus Erythematosus",
            "A new treatment named KYV-101 for people with lupus.",
            ["IC19 CAR-T Cell Therapy", "KYV-101"],
        ),
    ],
)
def test_a_pages_product_is_named_by_its_titles_subject_and_what_its_summary_calls_it(
    title: str, summary: str, names: list[str]
) -> None:
    from sle_trials.reading import clinconnect

    page = f"ClinConnect ClinConnect Logo\nSearch / Trial NCT09000001\n\n{title}\n\nClinConnect Summary\n\n{summary}\n"
    doc = clinconnect.read_page("page.txt", page.split("\n"))
    assert doc is not None
    for field in ("cell_product.name", "interventions.name", "interventions.other_names"):
        assert [p.text for p in doc.places[field]] == names


def _named(data: dict, where: tuple, name: str) -> dict:
    """A copy of the record with name at where (an other name: the list of it, the field no longer
    declared silent, as the page states it nowhere)."""
    named = copy.deepcopy(data)
    node = named
    for part in where[:-1]:
        node = node[part]
    if where[-1] == "other_names":
        node[where[-1]] = [name]
        named["curation"]["silent"].remove("interventions.other_names")
    else:
        node[where[-1]] = name
    return named
