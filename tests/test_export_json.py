"""`trials export json`: every record in full as one JSON document, generated on demand, never committed.

The export streams: it loads one record at a time and writes each one's JSON into a temporary file
that replaces the output only when complete. Its bytes are those of json.dumps of the whole document
(package.render_json), which these tests compare on the real data.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import DATA_ROOT, IM19_PATH, REPO, Trials
from jsonschema import Draft202012Validator
from sle_trials.checks import load, schema
from sle_trials.engine import pipeline
from sle_trials.outputs import package

EXPORT = "trials.json"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def real_records() -> list[dict]:
    records = []
    for file in pipeline.trial_files(DATA_ROOT):
        record, problems = load.load(file, pipeline.display(DATA_ROOT, file))
        assert record is not None, problems
        records.append(record.data)
    return records


def whole_document(records: list[dict]) -> str:
    """The export as one json.dumps of the whole document (what the stream must equal)."""
    return (
        json.dumps(
            {
                "name": package.NAME,
                "version": package.DATA_VERSION,
                "license": package.LICENSE["name"],
                "schema": package.TRIAL_SCHEMA,
                "description": (
                    f"Every trial record of {package.TITLE}, sorted by nct_id; "
                    f"each validates against {package.TRIAL_SCHEMA}."
                ),
                "trials": sorted(records, key=lambda d: d["nct_id"]),
            },
            indent=2,
            sort_keys=True,
            ensure_ascii=False,
        )
        + "\n"
    )


def test_streamed_export_equals_json_dumps_of_the_whole_document(trials: Trials, registry: Path) -> None:
    result = trials("export", "json")
    assert result.status == 0, result.out + result.err
    assert "trials.json written" in result.err
    streamed = (registry / EXPORT).read_bytes()
    expected = whole_document(real_records())
    assert streamed == expected.encode("utf-8")
    assert streamed == package.render_json(real_records()).encode("utf-8")
    assert leftovers(registry) == []


@pytest.mark.parametrize("count", [0, 1, 2])
def test_json_chunks_match_render_json_for_no_one_and_two_records(count: int) -> None:
    records = sorted(real_records(), key=lambda d: d["nct_id"])[:count]
    assert "".join(package.json_chunks(iter(records))) == package.render_json(records) == whole_document(records)


def test_json_chunks_hold_one_record_at_a_time() -> None:
    pulled = []

    def records():
        for nct_id in ("NCT00000001", "NCT00000002", "NCT00000003"):
            pulled.append(nct_id)
            yield {"nct_id": nct_id, "note": "line one\nline two"}

    chunks = package.json_chunks(records())
    next(chunks)  # the document's head: no record needed yet
    assert pulled == []
    next(chunks)
    assert pulled == ["NCT00000001"], "a record is taken only when its text is due"
    text = "".join(chunks)
    assert pulled == ["NCT00000001", "NCT00000002", "NCT00000003"] and text.endswith("}\n")


def test_stdout_output(trials: Trials, registry: Path) -> None:
    result = trials("export", "json", "--output", "-")
    assert result.status == 0, result.err
    assert result.out == whole_document(real_records())
    assert not (registry / EXPORT).exists(), "--output - writes no file"


def test_output_path(trials: Trials, registry: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "all.json"
    target.parent.mkdir()
    assert trials("export", "json", "-o", target).status == 0
    assert target.read_text(encoding="utf-8") == whole_document(real_records())
    assert not (registry / EXPORT).exists()
    assert leftovers(target.parent) == []
    missing = trials("export", "json", "-o", tmp_path / "nowhere" / "all.json")
    assert missing.status == 2 and "no folder" in missing.err


def test_every_exported_record_validates_against_the_schema(trials: Trials, registry: Path) -> None:
    assert trials("export", "json").status == 0
    document = json.loads((registry / EXPORT).read_text(encoding="utf-8"))
    assert document["schema"] == "schema/trial.schema.json" and document["version"] == package.DATA_VERSION
    records = document["trials"]
    assert [r["nct_id"] for r in records] == sorted(p.stem for p in (registry / "trials").glob("NCT*.yaml"))
    validator = Draft202012Validator(schema.load_schema(registry))
    for record in records:
        assert not list(validator.iter_errors(record)), record["nct_id"]


def _break_a_record(registry: Path) -> None:
    record = registry / IM19_PATH
    record.write_text(
        record.read_text(encoding="utf-8").replace("  minimum_age:\n    value: 18", "  minimum_age:\n    value: 70"),
        encoding="utf-8",
    )


# an export written before (one the command may replace, outputs/target.py)
OLD_EXPORT = package.JSON_SIGNATURE + b'an older version"}\n'


def test_invalid_data_is_refused_and_nothing_written(trials: Trials, registry: Path, tmp_path: Path) -> None:
    _break_a_record(registry)
    result = trials.json("export", "json")
    assert result.status == 1 and result.codes() == {"E104"}
    assert "not written" in result.err
    assert not (registry / EXPORT).exists() and leftovers(registry) == []
    # an existing export is left as it was
    old = tmp_path / "old.json"
    old.write_bytes(OLD_EXPORT)
    assert trials("export", "json", "-o", old).status == 1
    assert old.read_bytes() == OLD_EXPORT and leftovers(tmp_path) == []
    # on standard output: no JSON at all; the problems go to stderr
    piped = trials("export", "json", "-o", "-")
    assert piped.status == 1 and piped.out == "" and "E104" in piped.err


def test_a_broken_reference_is_refused_too(trials: Trials, registry: Path) -> None:
    (registry / "trials" / "NCT06900764.yaml").unlink()  # a related trial of IM19's loses its record
    result = trials.json("export", "json")
    assert result.status == 1 and result.codes() == {"E301"}
    assert not (registry / EXPORT).exists()


def test_a_record_that_changes_during_the_export_leaves_no_partial_file(
    trials: Trials, registry: Path, monkeypatch
) -> None:
    (registry / EXPORT).write_bytes(OLD_EXPORT)
    real = load.load

    def vanishing(file: Path, path: str):
        return (None, []) if path == IM19_PATH else real(file, path)

    monkeypatch.setattr(load, "load", vanishing)
    result = trials("export", "json")
    assert result.status == 1 and "changed while it was exported" in result.err
    assert (registry / EXPORT).read_bytes() == OLD_EXPORT and leftovers(registry) == []


def test_the_committed_files_come_from_the_summaries_alone(trials: Trials, monkeypatch) -> None:
    """`trials csv` and `check` must not load every record again (far too slow at registry scale)."""

    def no_records(self):
        raise AssertionError("result.records loaded every record")

    monkeypatch.setattr(pipeline.Result, "records", property(no_records))
    assert trials("csv", "--check").status == 0
    assert trials("check").status == 0


def test_a_source_cited_by_many_records_gives_their_number() -> None:
    source = {"file": "seeds/x.txt", "kind": "REGISTRY_COPY", "as_of": "2025-01-01"}
    few = [(f"NCT{n:08d}", [source]) for n in range(package.MAX_CITED_NAMED, 0, -1)]
    [entry] = package._sources(few)
    assert entry["title"] == "Copy of a registry record, as of 2025-01-01; cited by " + ", ".join(
        f"NCT{n:08d}" for n in range(1, 11)
    )
    many = [(f"NCT{n:08d}", [source]) for n in range(1, 250_001)]
    [entry] = package._sources(many)
    assert entry["title"] == "Copy of a registry record, as of 2025-01-01; cited by 250000 records"


def test_the_default_output_is_ignored_by_git() -> None:
    found = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", "--no-index", EXPORT], capture_output=True)
    assert found.returncode == 0, f"{EXPORT} (the default export path) must be in .gitignore"
    assert "trials.json" not in (REPO / ".gitattributes").read_text(encoding="utf-8")
