"""Pull-request attacks with a lone surrogate: JSON's "\\ud800" escape alone, which no text can hold.

json.loads reads "\\ud800" without a pair as a lone UTF-16 surrogate, a str no UTF-8 file, page or
database can hold. `trials import` refuses such a study, but the checks and the site read a source's
JSON as a study: a draft citing one passed `trials check`, and `trials site` stopped with an internal
error (exit 3) writing the study's page, for the registry's every trial. A JSON document holding one
is now no JSON to the checks, the site and an import (layouts.json_document): plain text, and no
REGISTRY_JSON (E516).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, IM19_MINIMAL, IM19_PATH, Trials, add_source, put
from sle_trials.reading import layouts

STUDY = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
TITLE = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"


def _study(summary: str, key: str = "briefSummary") -> str:
    study = json.loads(STUDY.read_text(encoding="utf-8"))
    identification = study["protocolSection"]["identificationModule"]
    identification["nctId"], identification["briefTitle"] = "NCT06513429", TITLE
    study["protocolSection"]["descriptionModule"][key] = summary
    return json.dumps(study)  # ASCII: each surrogate an escape


@pytest.mark.parametrize(
    ("summary", "key", "read"),
    [
        ("a \ud800 b", "briefSummary", False),
        ("a \udcff", "briefSummary", False),
        ("x", "brief\ud800", False),
        ("a \U0001f600 b", "briefSummary", True),
    ],
    ids=["high", "low", "in-a-key", "a-pair"],
)
def test_a_json_document_with_a_lone_surrogate_is_no_json(summary: str, key: str, read: bool) -> None:
    assert (layouts.json_document(_study(summary, key)) is not None) is read


def test_a_study_with_a_lone_surrogate_is_no_study(registry: Path, trials: Trials) -> None:
    add_source(registry, "seeds/970_study.json", _study("IM19 CAR-T \ud800 cells"))
    record = (
        IM19_MINIMAL.replace("seeds/000_84a0f0163f21158e.txt", "seeds/970_study.json")
        .replace("REGISTRY_COPY", "REGISTRY_JSON")
        .replace('as_of: "2025-08-17"', 'as_of: "2025-03-06"')
        .replace('"Last Updated: 2025-08-17"', '"lastUpdatePostDateStruct.date: 2025-03-06"')
        .replace("overall_status: RECRUITING", "overall_status: COMPLETED")
        .replace('overall_status: "RECRUITING"', 'overall_status: "statusModule.overallStatus: COMPLETED"')
    )
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E516" in result.out
    site = trials("site", "--output", str(registry.parent / "site"))
    assert site.status == 1, site.out + site.err
    assert "internal error" not in site.out + site.err
