"""A hostile review of the fourth session's features: E114 and the import's scope gate, E108's offer
of a source's name, E007's positions, `trials validate FILE`'s E307 and the hooks' `git add` lines.
Each test reproduces a defect found, fixed in scripts/sle_trials/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials
from sle_trials.checks import load, rules

CTGOV = FIXTURES / "ctgov"


def _study(tmp_path: Path, keywords: list[str], description: str) -> Path:
    """withdrawn_enrollment_0.json made a study of metformin in diabetes, but for one keyword and one
    intervention's description, which the record holds as they are."""
    doc = json.loads((CTGOV / "withdrawn_enrollment_0.json").read_text(encoding="utf-8"))
    ps = doc["protocolSection"]
    ps["conditionsModule"] = {"conditions": ["Type 2 Diabetes"], "keywords": keywords}
    ps["armsInterventionsModule"]["interventions"] = [{"type": "DRUG", "name": "Metformin", "description": description}]
    for arm in ps["armsInterventionsModule"].get("armGroups", []):
        arm.update(label="Metformin", description="Metformin twice daily.", interventionNames=["Drug: Metformin"])
    ps["identificationModule"].update(briefTitle="Metformin in Type 2 Diabetes", officialTitle="Metformin in Adults")
    ps["identificationModule"].pop("acronym", None)
    path = tmp_path / "study.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(("keywords", "description"), [(["CAR-T"], "Weekly."), (["insulin"], "As given in lupus.")])
def test_the_import_gate_reads_the_words_the_check_reads(
    trials: Trials, registry: Path, tmp_path: Path, keywords: list[str], description: str
) -> None:
    """The gate read lupus only in a study's conditions and titles and a cell therapy only in its
    interventions and arms; the check reads both everywhere. A study whose keyword was "CAR-T" (or
    whose intervention's description named lupus) was refused without a reason and, given one, was
    written as a record the check refused for holding it: no way in at all. The gate now reads the
    record the study becomes."""
    result = trials("import", "ctgov", _study(tmp_path, keywords, description))
    assert result.status == 0, result.err
    loaded, problems = load.load(registry / "trials" / "NCT09000022.yaml", "NCT09000022")
    assert loaded is not None and "out_of_scope" not in loaded.data["curation"], problems
    assert not list(rules.check_scope(loaded))
