"""trials import ctgov on real API v2 studies whose free text and structure are varied as real registry
entries vary them (criteria layouts, arms, identifiers, sites, dates, ages): each case a real study of
tests/fixtures/ctgov/real/ with one part rewritten, imported into a registry copy with --out-of-scope
(none is in the registry's scope), that once imported into a draft saying what its source does not,
or was refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from conftest import FIXTURES, Trials, record_data
from sle_trials.reading import criteria_text

REAL = FIXTURES / "ctgov" / "real"
REASON = "a real API v2 study, varied by the tests"


def _study(name: str = "NCT02576665.json") -> dict[str, Any]:
    return copy.deepcopy(json.loads((REAL / name).read_bytes()))


def _imported(trials: Trials, registry: Path, study: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The draft the study imports into, written as the API writes a study; the registry still passes check."""
    file = tmp_path / "study.json"
    file.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    result = trials("import", "ctgov", file, "--out-of-scope", REASON)
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    return record_data(registry / "trials" / f"{study['protocolSection']['identificationModule']['nctId']}.yaml")


LETTERED = """Inclusion Criteria:

a. Age 18 to 65 years at screening.

b. Adequate organ function, defined as:
  - Hemoglobin ≥ 8 g/dL.
  - Platelets ≥ 50,000/mm3.

c. Willing to use effective contraception.

Exclusion Criteria:

a. Pregnant or breastfeeding women.

b. Active infection requiring systemic therapy:
  - Hepatitis B surface antigen positive.

c. Prior treatment with any CAR-T cell therapy."""


def test_a_lettered_item_ending_in_a_colon_after_a_blank_line_is_a_criterion(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, a lettered criterion ending in a colon with blank lines around it ("b. Adequate organ function,
    defined as:") was read as a sub-heading, as a numbered one never was: it was no criterion, its
    sub-criteria were criteria of its group, and so was every criterion after it ("c. Willing to use
    effective contraception." imported as listed under "b. Adequate organ function, defined as")."""
    study = _study()
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = LETTERED
    elig = _imported(trials, registry, study, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years at screening."},
        {
            "text": "Adequate organ function, defined as:",
            "sub_criteria": [{"text": "Hemoglobin ≥ 8 g/dL."}, {"text": "Platelets ≥ 50,000/mm3."}],
        },
        {"text": "Willing to use effective contraception."},
    ]
    assert elig["exclusion_criteria"][1:] == [
        {
            "text": "Active infection requiring systemic therapy:",
            "sub_criteria": [{"text": "Hepatitis B surface antigen positive."}],
        },
        {"text": "Prior treatment with any CAR-T cell therapy."},
    ]


def test_no_marked_item_after_a_blank_line_is_a_sub_heading() -> None:
    """The class: an item marked by a letter or a roman numeral, in either case, bracketed or not, is an item
    whatever it ends in; a plain line ending in a colon still heads a group ("For adolescents:")."""
    for mark in ("b.", "B)", "(b)", "ii.", "(II)", "iv)"):
        text = f"Inclusion Criteria:\n\na. Aged 18\n\n{mark} Organ function as follows:\n  - Hb > 8 g/dL\n\nc. Consent"
        found = criteria_text.split(text).inclusion
        assert [c.get("group") for c in found] == [None, None, None], mark
        assert found[1]["sub_criteria"] == [{"text": "Hb > 8 g/dL"}], mark
    found = criteria_text.split("Inclusion Criteria:\n\n- Aged 18\n\nFor adolescents:\n- Weight ≥ 40 kg").inclusion
    assert [c.get("group") for c in found] == [None, "For adolescents"]
