"""Attacks on what a trial page says of a record's curation: "curated in full" with fields left out.

A complete record may declare fields not yet curated (docs/curating.md: it says why it lacks each
field, under curation.silent or not_yet_curated). Its page said "Curated in full from its sources"
above the list of what it lacks: IM19's record with its whole product declared not yet curated was
shown as curated in full. The page now says it is curated but for the fields listed.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import IM19_PATH, edit
from sle_trials.checks import load
from sle_trials.outputs.site import render


def _page(registry: Path) -> str:
    record, problems = load.load(registry / IM19_PATH, IM19_PATH)
    assert record is not None, problems
    schema = json.loads((registry / "schema" / "trial.schema.json").read_text("utf-8"))
    return render.pages([record], schema, registry)[render.trial_file("NCT06513429")].decode("utf-8")


def test_a_complete_record_with_fields_not_yet_curated_is_not_shown_as_curated_in_full(registry: Path) -> None:
    edit(
        registry,
        IM19_PATH,
        ("    - cell_product.target_antigens\n    - cell_product.origin\n    - cell_product.construct\n", ""),
        ("cell_product:\n  name: IM19 CAR-T cells\n", ""),
        ("  silent:\n", "  not_yet_curated:\n    - cell_product\n  silent:\n"),
    )
    page = _page(registry)
    assert "Curated in full" not in page
    assert "Curated from its sources but for the fields listed below as not yet curated" in page


def test_a_complete_record_lacking_nothing_is_curated_in_full(registry: Path) -> None:
    assert "Curated in full from its sources" in _page(registry)
