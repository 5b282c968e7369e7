"""Pull-request attacks on the sources: a JSON source nested deeper than any study.

json.loads reads a document nested some 1,000 levels deep in C; the walks that read a JSON source
(ctgov_study.Lines, layouts.json_lines) and an import's study recurse in Python. A source of a few
hundred nested arrays, cited by one stub, stopped `trials validate`, `check` and `site` with an
internal error (exit 3) before any record was checked or any problem named, and `trials import`
of such a file did the same. Such a document is now no JSON to the checks and the site (its text is
read as plain text: its record's quotes are not found there) and refused by an import.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import Trials, add_source, edit
from sle_trials.reading import layouts

STUB = "trials/NCT03030976.yaml"
DEPTH = 600  # json.loads reads it; a walk that recursed twice a level did not


def deep(study: str = '{"nctId": "NCT03030976"}') -> str:
    return '{"protocolSection": {"identificationModule": ' + study + '}, "x": ' + "[" * DEPTH + "]" * DEPTH + "}"


def test_a_deep_json_source_is_read_as_text_and_its_record_checked(registry: Path, trials: Trials) -> None:
    source = add_source(registry, "seeds/930_deep.json", deep())
    edit(registry, STUB, ("file: seeds/000_84a0f0163f21158e.txt", f"file: {source}"))
    result = trials("validate")
    assert result.status == 1, result.err
    assert "internal error" not in result.err
    assert f"{STUB}:3:14: E501 brief_title: text not found in the cited source" in result.out
    assert "(7 checked)" in result.out  # every other record checked as before


def test_the_depth_is_measured_without_recursion() -> None:
    assert layouts.json_document('{"a": ' + "[" * 99 + "1" + "]" * 99 + "}") is not None
    assert layouts.json_document('{"a": ' + "[" * 100 + "1" + "]" * 100 + "}") is None
    assert layouts.too_deep([[[]]] * 3) is False


def test_an_import_of_a_deep_json_file_is_refused_and_writes_nothing(
    registry: Path, trials: Trials, tmp_path: Path
) -> None:
    study = (
        '{"nctId": "NCT09000001", "briefTitle": "CAR-T in Systemic Lupus Erythematosus"}, "statusModule": '
        '{"lastUpdatePostDateStruct": {"date": "2025-01-01"}}, "conditionsModule": {"conditions": '
        '["Systemic Lupus Erythematosus"]}'
    )
    saved = tmp_path / "deep.json"
    saved.write_text(deep(study), encoding="utf-8")
    before = sorted(os.listdir(registry / "seeds")) + sorted(os.listdir(registry / "trials"))
    result = trials("import", "ctgov", saved)
    assert result.status == 1, result.err
    assert "internal error" not in result.err
    assert "deep.json: JSON nested too deeply" in result.err
    assert sorted(os.listdir(registry / "seeds")) + sorted(os.listdir(registry / "trials")) == before
