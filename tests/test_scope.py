"""E114: a record whose own words show neither lupus nor a CAR-T or related cell therapy states why the
registry holds it (curation.out_of_scope), as an import of such a study must (curate/ctgov/scope.py).
The failing fixture is tests/fixtures/invalid/E114-trial-of-another-disease.yaml; here, which words
count, one field at a time."""

from __future__ import annotations

from typing import Any

import pytest
from sle_trials.checks import load, rules

OTHER = {"nct_id": "NCT09990001", "brief_title": "Methotrexate Dose Escalation in Early Rheumatoid Arthritis"}


def _codes(**fields: Any) -> list[str]:
    curation = {"status": "draft", "sources": [], **fields.pop("curation", {})}
    record = load.Record("trials/NCT09990001.yaml", {**OTHER, "curation": curation, **fields})
    return [p.code for p in rules.check_scope(record)]


@pytest.mark.parametrize(
    "fields",
    [
        {"conditions": ["Systemic Lupus Erythematosus"]},
        {"conditions": ["Rheumatoid Arthritis", "Lupus Nephritis"]},
        {"keywords": ["SLE"]},
        {"official_title": "A Study of Methotrexate in Patients With Cutaneous Lupus"},
        {"acronym": "CARTLUP-SLE"},
        {"interventions": [{"name": "Anti-CD19 CAR-T cells", "type": "BIOLOGICAL"}]},
        {"interventions": [{"name": "KYV-101", "type": "BIOLOGICAL", "other_names": ["CD19 CAR T-cell therapy"]}]},
        {"interventions": [{"name": "KYV-101", "type": "BIOLOGICAL", "description": "Chimeric antigen receptor T"}]},
        {"arms": [{"label": "CAR-T cells after lymphodepletion", "type": "EXPERIMENTAL"}]},
        {"cell_product": {"name": "obecabtagene autoleucel"}},
        {"curation": {"out_of_scope": "The comparator cohort of the registry's CD19 CAR-T trials"}},
    ],
)
def test_a_record_showing_lupus_or_a_cell_therapy_or_saying_why_passes(fields: dict[str, Any]) -> None:
    assert _codes(**fields) == []


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"conditions": ["Rheumatoid Arthritis"], "keywords": ["Isle of Man cohort", "slE"]},
        # a summary's words name other diseases and treatments (a lupus patient kept out, a prior cell therapy)
        {"brief_summary": "Patients with lupus or a prior CAR-T cell therapy are excluded."},
        {"interventions": [{"name": "Methotrexate", "type": "DRUG", "description": "Weekly, by mouth"}]},
        {"cell_product": {"target_antigens": ["CD19"]}},  # a target antigen names no cell therapy alone
    ],
)
def test_a_record_showing_neither_is_refused(fields: dict[str, Any]) -> None:
    assert _codes(**fields) == ["E114"]


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({}, "brief_title", "Lupus"),
        ({"brief_title": "A Study in Sjogren's", "conditions": ["Sjogren's", "SLE"]}, "conditions.1", "SLE"),
        ({"brief_title": "X", "interventions": [{"name": "X", "other_names": ["CART-19"]}]}, "interventions.0", "CART"),
    ],
)
def test_a_reason_for_a_trial_its_words_show_in_scope_is_refused(
    fields: dict[str, Any], field: str, words: str
) -> None:
    """The reason is trials.csv's out_of_scope column, which analysts leave out to count the trials in
    scope: a record held "out of scope" whose own words show lupus or a cell therapy would be left
    out of that count. Refused at the reason, naming the words that show it in scope."""
    data = {**OTHER, "brief_title": "CAR-T cells in Lupus", **fields}
    curation = {"status": "draft", "sources": [], "out_of_scope": "A control study"}
    problems = list(rules.check_scope(load.Record("trials/NCT09990001.yaml", {**data, "curation": curation})))
    assert [p.code for p in problems] == ["E114"]
    assert f"the record's {field}" in problems[0].message and repr(words) in problems[0].message, problems[0].message
