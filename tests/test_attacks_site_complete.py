"""Attacks on what a trial page says of a record's curation: "curated in full" with fields left out.

A complete record may declare fields not yet curated (docs/curating.md: it says why it lacks each
field, under curation.silent or not_yet_curated). Its page said "Curated in full from its sources"
above the list of what it lacks: IM19's record with its whole product declared not yet curated was
shown as curated in full. The page now says it is curated but for the fields listed.

A draft started with `trials new` lacks nearly every field and gives no reason (trials.csv names
its empty columns not yet curated, `trials coverage` lists the fields "absent, reason not given"),
and its page had no "What this record lacks" at all: it listed only the fields declared not yet
curated. It now lists every field the record lacks, under coverage's reason for it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import IM19_PATH, Trials, add_source, edit
from sle_trials import fields
from sle_trials.checks import load
from sle_trials.outputs import coverage, export
from sle_trials.outputs.site import render


def _record(registry: Path, path: str = IM19_PATH) -> tuple[load.Record, dict]:
    record, problems = load.load(registry / path, path)
    assert record is not None, problems
    return record, json.loads((registry / "schema" / "trial.schema.json").read_text("utf-8"))


def _page(registry: Path, path: str = IM19_PATH) -> str:
    record, schema = _record(registry, path)
    return render.pages([record], schema, registry)[render.trial_file(record.data["nct_id"])].decode("utf-8")


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


def test_the_index_counts_complete_records_without_calling_them_curated_in_full(registry: Path) -> None:
    """The index's count said "2 curated in full" of the complete records, whatever fields they
    declare not yet curated: it counts them as complete, reviewed against their sources."""
    edit(registry, IM19_PATH, ("  silent:\n", "  not_yet_curated:\n    - acronym\n  silent:\n"))
    record, schema = _record(registry)
    index = render.pages([record], schema, registry)["index.html"].decode("utf-8")
    assert "1 complete (reviewed against their sources)" in index
    assert "curated in full" not in index.casefold()


def test_a_complete_record_lacking_nothing_is_curated_in_full(registry: Path) -> None:
    assert "Curated in full from its sources" in _page(registry)


def test_a_new_draft_lists_every_field_it_lacks_as_not_yet_curated(trials: Trials, registry: Path) -> None:
    title = "A Study of CAR-T Cells in Refractory Lupus"
    add_source(registry, "seeds/900_new.txt", f"Trial NCT09990001: {title}\nLast Updated: 2025-08-17\n")
    options = ("--title", title, "--kind", "OTHER", "--as-of", "2025-08-17")
    started = trials("new", "NCT09990001", "--source", "seeds/900_new.txt", *options)
    assert started.status == 0, started.err
    record, schema = _record(registry, "trials/NCT09990001.yaml")
    page = _page(registry, "trials/NCT09990001.yaml")
    assert 'id="missing"' in page
    lacking = re.search(r'id="lacks-unexplained">Not yet curated: absent, and no reason.*?</ul>', page, re.DOTALL)
    assert lacking, "the fields the draft lacks are not listed"
    listed = re.findall(r'<code class="path">([^<]+)</code>', lacking.group(0))
    # the list is trials coverage's, and holds every column trials.csv names not yet curated
    assert listed == coverage.of_record(record, schema)["fields"]["unexplained"]
    assert {"overall_status", "locations", "eligibility"} <= set(listed)
    pending = set(export.not_curated(record.data))
    assert len(pending) > 30
    assert all(fields.covered(listed, c.curated_field) for c in export.COLUMNS if c.name in pending and c.curated_field)
    assert "Overall status <code" in page  # named in words, its path beside it
