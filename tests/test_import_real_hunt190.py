"""trials import ctgov on real API v2 studies whose criteria text is laid out as registry entries lay theirs out (hunt
190, helper-20): the leftovers of hunt 188 (tests/test_import_real_hunt188.py) and more of their kind; each a real
study of tests/fixtures/ctgov/real/ with its criteria rewritten, imported into a registry copy with --out-of-scope,
that once imported into a draft saying what its source does not, which the check, reading the source alike, passed;
beside each, the layouts that must read as they did. The texts are test inputs, built for their layout: no fact of
any study."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_STUDIES, Trials, imported_draft
from sle_trials.reading import criteria_text

NCT = "NCT02576665"


def _study(criteria: str) -> dict[str, Any]:
    study = copy.deepcopy(json.loads((REAL_STUDIES / f"{NCT}.json").read_bytes()))
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = criteria
    return study


def _imported(trials: Trials, registry: Path, criteria: str, tmp_path: Path) -> dict[str, Any]:
    """The draft a study with these criteria imports into (conftest.imported_draft)."""
    return imported_draft(trials, registry, _study(criteria), tmp_path)


def _refused(trials: Trials, registry: Path, old: str, new: str) -> None:
    """The draft imported, its text old written new (what the import wrote before), is refused by the check."""
    file = registry / "trials" / f"{NCT}.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, text
    file.write_text(text.replace(old, new), encoding="utf-8")
    result = trials("check")
    assert result.status == 1 and "E512" in result.out, result.out


def _tree(items: list[dict]) -> list:
    """The criteria as (number, text) pairs, each with the list of its sub-criteria after it where it has some."""
    out: list = []
    for c in items:
        out.append((c.get("number"), c["text"]))
        if "sub_criteria" in c:
            out.append(_tree(c["sub_criteria"]))
    return out


def _inclusion(text: str) -> list:
    return _tree(criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy").inclusion)


def _notes(data: dict[str, Any]) -> list[str]:
    return [n["text"] for n in data["curation"].get("notes", []) if n["field"] == "eligibility"]


# --- a bold heading closed before its dash --------------------------------------------------------------------

BOLD = (
    "**Key Inclusion Criteria** - Adults with active SLE\n- Age 18 to 65 years\n\n"
    "**Key Exclusion Criteria** - Pregnancy"
)


def test_a_bold_heading_closed_before_its_dash_heads_its_list(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "**Key Inclusion Criteria** - Adults with active SLE" (the bold closed before the dash) was no
    heading: the text had none, and both lists were left to the curator."""
    data = _imported(trials, registry, BOLD, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Adults with active SLE"},
        {"text": "Age 18 to 65 years"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}]
    assert not {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"} & set(
        data["curation"]["not_yet_curated"]
    )


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            "**Inclusion Criteria** -\n- Age 18-65\n\n**Exclusion Criteria** -\n- Pregnancy",
            ["Age 18-65"],
            ["Pregnancy"],
        ),
        ("**Inclusion Criteria** – Age 18-65\n\n**Exclusion Criteria** — Pregnancy", ["Age 18-65"], ["Pregnancy"]),
        ("__Inclusion Criteria__ - Age 18-65\n\n__Exclusion Criteria__ - Pregnancy", ["Age 18-65"], ["Pregnancy"]),
        (
            "### **Inclusion Criteria** -\n1. Age 18-65\n\n**Exclusion Criteria** --\n1. Pregnancy",
            ["Age 18-65"],
            ["Pregnancy"],
        ),
        # neighbours: the dash and colon variants read before, as before
        ("**Inclusion Criteria:** - Age 18-65\n\n**Exclusion Criteria:** - Pregnancy", ["Age 18-65"], ["Pregnancy"]),
        ("**Inclusion Criteria -**\n- Age 18-65\n\n**Exclusion Criteria**:\n- Pregnancy", ["Age 18-65"], ["Pregnancy"]),
    ],
)
def test_bold_headings_with_a_dash(text: str, inclusion: list[str], exclusion: list[str]) -> None:
    found = criteria_text.split(text)
    assert ([c["text"] for c in found.inclusion], [c["text"] for c in found.exclusion]) == (inclusion, exclusion)


def test_a_bold_heading_naming_a_part_after_its_dash_groups_its_list() -> None:
    found = criteria_text.split(
        "**Inclusion Criteria** - Part A\n\n* Age 18-65\n\n**Inclusion Criteria** - Part B\n\n* Age 12-17\n\n"
        "**Exclusion Criteria**\n\n* Pregnancy"
    )
    assert [c.get("group") for c in found.inclusion] == ["Inclusion Criteria - Part A", "Inclusion Criteria - Part B"]
