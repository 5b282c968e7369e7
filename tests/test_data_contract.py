"""The data contract: datapackage.json beside trials.csv, generated from the one definition of the
columns (export.COLUMNS), checked like the CSV, and versioned with semver; and the JSON export
(`trials export json`), generated on demand and never committed (tests/test_export_json.py).

The versioning test (test_columns_match_the_lock_version_and_changelog) is the one a developer who
changes a column meets: its message says which version to set and what to run.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from conftest import DATA_ROOT, REPO, Trials
from jsonschema import Draft202012Validator
from sle_trials.checks import schema
from sle_trials.engine import pipeline
from sle_trials.outputs import docs, export, package

DATAPACKAGE = "datapackage.json"
TRIALS_JSON = "trials.json"  # the JSON export's default path: generated on demand, not committed
CSV = "trials.csv"
GENERATED = (CSV, DATAPACKAGE)


def trial_schema() -> dict:
    return json.loads((REPO / "schema" / "trial.schema.json").read_text(encoding="utf-8"))


def descriptor(root: Path = DATA_ROOT) -> dict:
    return json.loads((root / DATAPACKAGE).read_text(encoding="utf-8"))


def fields(root: Path = DATA_ROOT) -> dict[str, dict]:
    return {f["name"]: f for f in descriptor(root)["resources"][0]["schema"]["fields"]}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".tmp"))


def exported(trials: Trials, dest: Path) -> str:
    """The JSON export of the registry `trials` points at, written to dest by `trials export json`."""
    result = trials("export", "json", "--output", dest)
    assert result.status == 0, result.out + result.err
    return dest.read_text(encoding="utf-8")


# --- generated, current, deterministic --------------------------------------------------------


def test_trials_csv_writes_both_files_byte_identical_every_run(trials: Trials, registry: Path) -> None:
    for name in (*GENERATED, TRIALS_JSON):
        (registry / name).unlink(missing_ok=True)
    assert trials("csv").status == 0
    first = {name: (registry / name).read_bytes() for name in GENERATED}
    for name in GENERATED:
        (registry / name).unlink()
    assert trials("csv").status == 0
    for name in GENERATED:
        assert (registry / name).read_bytes() == first[name], f"{name} differs between two runs"
        assert first[name] == (DATA_ROOT / name).read_bytes(), (
            f"the committed {name} is not what the records generate; run: trials csv"
        )
    assert not (registry / TRIALS_JSON).exists(), "trials csv does not write the JSON export"
    assert leftovers(registry) == []


@pytest.mark.parametrize("name", [DATAPACKAGE, TRIALS_JSON])
def test_json_files_are_indented_with_a_final_newline_and_no_timestamp(
    name: str, trials: Trials, tmp_path: Path
) -> None:
    text = (DATA_ROOT / name).read_text(encoding="utf-8") if name == DATAPACKAGE else exported(trials, tmp_path / name)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "\r" not in text
    assert json.dumps(json.loads(text), indent=2, ensure_ascii=False, sort_keys=name == TRIALS_JSON) + "\n" == text
    document = json.loads(text)
    assert not {"created", "generated", "timestamp", "modified"} & set(document), (
        "no timestamps: the bytes must not depend on when"
    )
    if name == DATAPACKAGE:  # trials.json holds curated text, which may mention a time of day
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d|\b\d\d:\d\d:\d\d\b", text), "no timestamps"


def test_csv_check_and_check_report_a_stale_or_missing_datapackage(trials: Trials, registry: Path) -> None:
    assert trials("csv", "--check").status == 0 and trials("check").status == 0
    stale = (registry / DATAPACKAGE).read_text(encoding="utf-8").replace('"version": "', '"version": "0', 1)
    (registry / DATAPACKAGE).write_text(stale, encoding="utf-8")
    result = trials.json("csv", "--check")
    assert result.status == 1
    assert result.where("E401") == [(DATAPACKAGE, None, None)]
    assert "trials csv" in " ".join(p["message"] for p in result.problems())
    assert (registry / DATAPACKAGE).read_text(encoding="utf-8") == stale, "--check must not write"
    checked = trials.json("check")
    assert checked.status == 1 and checked.where("E401") == [(DATAPACKAGE, None, None)]
    fixed = trials("csv")
    assert fixed.status == 0 and "datapackage.json written" in fixed.err and "trials.json" not in fixed.err
    assert trials("csv", "--check").status == 0 and trials("check").status == 0
    (registry / DATAPACKAGE).unlink()
    assert trials.json("check").where("E401") == [(DATAPACKAGE, None, None)]


def test_the_json_export_is_not_checked(trials: Trials, registry: Path) -> None:
    """trials.json is generated on demand, never committed: a stale one, or none, is no problem."""
    assert not (registry / TRIALS_JSON).exists()
    assert trials("check").status == 0 and trials("csv", "--check").status == 0
    (registry / TRIALS_JSON).write_text('{"trials": []}\n', encoding="utf-8")
    assert trials("check").status == 0 and trials("csv", "--check").status == 0


def test_a_changed_record_makes_the_csv_stale_and_changes_the_export(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    record = registry / "trials" / "NCT05765006.yaml"
    # the record's one site dropped and declared not yet curated (a complete record says why it lacks
    # a field, E520: its empty cells then read "not yet curated", not "not stated")
    text = record.read_text(encoding="utf-8")
    site = "locations:\n  - city: Shanghai\n    country: China\n"
    assert site in text and text.count("\n  silent:\n") == 1
    text = text.replace(site, "").replace("\n  silent:\n", "\n  not_yet_curated:\n    - locations\n  silent:\n")
    record.write_text(text, encoding="utf-8")
    assert trials.json("validate").problems() == []
    result = trials.json("csv", "--check")
    assert result.codes() == {"E401"}
    assert sorted(path for path, _, _ in result.where("E401")) == [CSV]  # datapackage.json: same columns, same sources
    records = {r["nct_id"]: r for r in json.loads(exported(trials, tmp_path / TRIALS_JSON))["trials"]}
    assert "locations" not in records["NCT05765006"]


def test_nothing_is_written_while_any_record_is_invalid(trials: Trials, registry: Path) -> None:
    before = {name: (registry / name).read_bytes() for name in GENERATED}
    record = registry / "trials" / "NCT06513429.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("  minimum_age:\n    value: 18", "  minimum_age:\n    value: 70"),
        encoding="utf-8",
    )
    result = trials("csv")
    assert result.status == 1 and "not written" in result.err
    assert (registry / CSV).read_bytes() == before[CSV] and (registry / DATAPACKAGE).read_bytes() == before[DATAPACKAGE]
    assert leftovers(registry) == []


# --- what datapackage.json says -------------------------------------------------------------------


def test_fields_follow_the_column_definitions_in_order() -> None:
    listed = list(fields().values())
    assert [f["name"] for f in listed] == [c.name for c in export.COLUMNS]
    for field, column in zip(listed, export.COLUMNS):
        assert field["type"] == column.type, column.name
        assert field["title"] and field["description"].startswith(column.description), column.name
        assert (field.get(package.LIST_KEY) == "|") == column.is_list, column.name
        if column.is_list:
            assert "joined by '|'" in field["description"], column.name


@pytest.mark.parametrize(
    "column, path",
    [
        ("overall_status", ["overall_status"]),
        ("study_type", ["study_type"]),
        ("enrollment_type", ["enrollment", "type"]),
        ("start_date_type", ["dates", "start", "type"]),
        ("primary_completion_date_type", ["dates", "primary_completion", "type"]),
        ("completion_date_type", ["dates", "completion", "type"]),
        ("first_posted_type", ["dates", "first_posted", "type"]),
        ("last_update_posted_type", ["dates", "last_updated", "type"]),
        ("launch_date_type", ["dates", "launched", "type"]),
        ("sponsor_class", ["sponsor", "class"]),
        ("curation_status", ["curation", "status"]),
    ],
)
def test_enum_columns_take_their_values_from_the_json_schema(column: str, path: list[str]) -> None:
    schema = node = trial_schema()
    for step in path:
        node = node["properties"][step]
        if "$ref" in node:  # a date struct
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    assert fields()[column]["constraints"]["enum"] == node["enum"]


def test_a_column_of_codes_says_what_each_code_means() -> None:
    """The package listed a column's codes bare (RECRUITING, PHASE1, AUTOLOGOUS): the description of
    every column of codes, in datapackage.json and in the Datasette metadata, says what each code
    means in the schema's words (x-meanings beside the field's enum), so the two cannot differ."""
    from sle_trials import fields as record_fields
    from sle_trials.outputs import sqlite

    loaded = schema.load_schema(REPO)
    described = {c.name: c.description for c in sqlite.trials_table(loaded).columns}
    coded = 0
    for column in export.COLUMNS:
        field = column.field or column.codes
        node = package.record_field(loaded, field)[0] if field else {}
        if "enum" not in node:
            continue
        coded += 1
        for code, words in record_fields.meanings(node).items():
            assert f"{code} — {words}" in fields()[column.name]["description"], (column.name, code)
            assert f"{code} — {words}" in described[column.name], (column.name, code)
    assert coded > 25 and "FLUDARABINE — " in fields()["lymphodepletion"]["description"]


def test_list_column_with_a_vocabulary_is_checked_item_by_item() -> None:
    phases = fields()["phases"]
    items = trial_schema()["properties"]["phases"]["items"]["enum"]
    pattern = re.compile(phases["constraints"]["pattern"])
    assert all(pattern.fullmatch(v) for v in items) and pattern.fullmatch("PHASE1|PHASE2")
    assert (
        not pattern.fullmatch("PHASE1|") and not pattern.fullmatch("phase1") and not pattern.fullmatch("PHASE1,PHASE2")
    )


def test_keys_patterns_and_partial_dates() -> None:
    schema_ = descriptor()["resources"][0]["schema"]
    assert schema_["primaryKey"] == ["nct_id"] and schema_["missingValues"] == [""]
    nct = schema_["fields"][0]
    assert nct["constraints"] == {"required": True, "unique": True, "pattern": "NCT[0-9]{8}"}
    by_name = fields()
    for name in ("start_date", "primary_completion_date", "completion_date", "source_as_of"):
        field = by_name[name]
        assert field["type"] == "string", f"{name}: partial dates cannot be typed date"
        assert "partial date" in field["description"].lower() and "YYYY-MM" in field["description"]
        pattern = re.compile(field["constraints"]["pattern"])
        assert all(pattern.fullmatch(v) for v in ("2024", "2024-07", "2024-07-30"))
        assert not any(pattern.fullmatch(v) for v in ("24", "2024-7", "2024-13", "30/07/2024", "2024-07-30T00:00"))
    assert re.fullmatch(by_name["related_trials"]["constraints"]["pattern"], "NCT06886919|NCT03030976")
    assert by_name["enrollment"]["type"] == "integer" and by_name["enrollment"]["constraints"] == {"minimum": 0}
    assert by_name["minimum_age_years"]["type"] == by_name["maximum_age_years"]["type"] == "number"
    required = sorted(n for n, f in by_name.items() if f.get("constraints", {}).get("required"))
    assert required == ["brief_title", "curation_status", "nct_id", "registry_url", "source_as_of", "sources"]


def test_package_metadata_licence_version_and_sources() -> None:
    package_ = descriptor()
    assert re.fullmatch(r"[a-z0-9._/-]+", package_["name"])
    assert package_["version"] == package.DATA_VERSION
    assert re.fullmatch(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", package_["version"])
    [licence] = package_["licenses"]
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    # pyproject's licence is an SPDX expression covering the code (MIT) and the data
    assert licence["name"] in re.split(r"\s+AND\s+", pyproject["project"]["license"]), (
        "datapackage.json and pyproject.toml disagree on the data licence"
    )
    assert [s["path"] for s in package_["sources"]] == pipeline.seed_files(DATA_ROOT)
    assert all(s["title"] for s in package_["sources"])
    assert [r["path"] for r in package_["resources"]] == [CSV], "the JSON export is not committed, so not a resource"
    assert "`trials export json`" in package_["description"]


def test_the_package_says_an_empty_cell_may_be_not_yet_curated() -> None:
    """The package said "an empty cell means the sources do not state the value" of rows whose empty
    cells are mostly not yet curated (a stub's, whose source is another trial's page): its
    description names all three meanings, and the column that tells them apart."""
    rows = list(csv.DictReader(io.StringIO((DATA_ROOT / CSV).read_text(encoding="utf-8"))))
    stub = next(row for row in rows if row["curation_status"] == "stub")
    empty = [name for name, value in stub.items() if value == ""]
    assert empty and set(empty) <= set(stub["not_curated"].split("|")) | {"trial_as_of", "out_of_scope"}
    [resource] = descriptor()["resources"]
    words = resource["description"]
    assert "not_curated" in words and "not yet curated" in words and "does not apply" in words
    assert "sources do not state" in words and "An empty cell means the sources do not state" not in words


def test_trials_json_holds_every_record_valid_against_the_schema(trials: Trials, tmp_path: Path) -> None:
    document = json.loads(exported(trials, tmp_path / TRIALS_JSON))
    assert document["version"] == package.DATA_VERSION and document["license"] == "CC0-1.0"
    records = document["trials"]
    assert [r["nct_id"] for r in records] == sorted(p.stem for p in (DATA_ROOT / "trials").glob("NCT*.yaml"))
    validator = Draft202012Validator(schema.load_schema(REPO))
    for record in records:
        assert not list(validator.iter_errors(record)), record["nct_id"]


def test_data_md_names_the_files_and_holds_the_generated_column_table() -> None:
    text = (REPO / "docs" / "data.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## .*$", text, re.M)
    assert headings[:2] == ["## The files", "## Loading the data"], "an analyst meets the files, then how to load them"
    assert docs.render(text, docs.DOCS[Path("docs") / "data.md"]) == text, (
        "docs/data.md tables are stale; run: .venv/bin/python -m sle_trials.outputs.docs"
    )
    files = text.split("\n## The files\n", 1)[1].split("\n## ", 1)[0]
    for name in (*GENERATED, TRIALS_JSON):
        assert f"`{name}`" in files
    assert "`trials export json`" in files
    columns = text.split("\n## The columns\n", 1)[1].split("\n## ", 1)[0]
    block = columns.split("<!-- columns:start -->", 1)[1].split("<!-- columns:end -->", 1)[0]
    names = [re.split(r"(?<!\\)\|", line)[1].strip() for line in block.strip().splitlines()[2:]]
    assert names == list(fields())


# --- versioning -------------------------------------------------------------------------------------


def test_columns_match_the_lock_version_and_changelog() -> None:
    """Fails when a column is added, removed, renamed or retyped without a new version: read the message."""
    changelog = package.read_text(REPO, package.CHANGELOG_PATH) or ""
    found = package.problems(package.read_lock(REPO), package.signature(), package.DATA_VERSION, changelog)
    assert not found, "\n\n".join(found)


def _columns_with(change: str) -> list[export.Column]:
    columns = list(export.COLUMNS)
    if change == "added":
        return columns + [export.Column("infusion_count", "integer", "Number of infusions.", lambda d: "")]
    if change == "removed":
        return [c for c in columns if c.name != "acronym"]
    if change == "renamed":
        return [
            export.Column("status", c.type, c.description, c.get) if c.name == "overall_status" else c for c in columns
        ]
    if change == "retyped":
        return [export.Column(c.name, "string", c.description, c.get) if c.name == "enrollment" else c for c in columns]
    if change == "reordered":
        return [columns[1], columns[0], *columns[2:]]
    raise AssertionError(change)


@pytest.mark.parametrize(
    "change, kind, wanted",
    [
        ("added", "MINOR", "1.1.0"),
        ("reordered", "MINOR", "1.1.0"),
        ("removed", "MAJOR", "2.0.0"),
        ("renamed", "MAJOR", "2.0.0"),
        ("retyped", "MAJOR", "2.0.0"),
    ],
)
def test_a_column_change_without_a_version_bump_is_caught(change: str, kind: str, wanted: str) -> None:
    lock = {"versions": [{"version": "1.0.0", "columns": package.signature()}]}
    changelog = "## [1.0.0] - 2026-11-22\n"
    [message] = package.problems(lock, package.signature(_columns_with(change)), "1.0.0", changelog)
    assert f"{kind} change" in message and f'DATA_VERSION = "{wanted}"' in message
    assert f"'## [{wanted}]" in message and "CHANGELOG.md" in message
    assert "python -m sle_trials.outputs.package --lock" in message and "trials csv" in message
    # a patch bump is not enough for a column change either
    assert any(
        f"{kind} change" in m
        for m in package.problems(lock, package.signature(_columns_with(change)), "1.0.1", changelog)
    )


def test_a_bump_needs_a_changelog_entry_and_the_lock_updated() -> None:
    lock = {"versions": [{"version": "1.0.0", "columns": package.signature()}]}
    added = package.signature(_columns_with("added"))
    found = package.problems(lock, added, "1.1.0", "## [1.0.0] - 2026-11-22\n")
    assert any("--lock" in m and "still ends at 1.0.0" in m for m in found)
    assert any("no entry for version 1.1.0" in m for m in found)
    lock["versions"].append({"version": "1.1.0", "columns": added})
    assert package.problems(lock, added, "1.1.0", "## [1.1.0] - 2026-12-01\n## [1.0.0] - 2026-11-22\n") == []
    assert package.problems(lock, added, "2.0.0", "## [2.0.0]\n## [1.1.0]\n## [1.0.0]\n") != [], (
        "a version not in the lock"
    )


def test_the_lock_history_must_step_by_valid_bumps() -> None:
    removed = package.signature(_columns_with("removed"))
    lock = {
        "versions": [{"version": "1.0.0", "columns": package.signature()}, {"version": "1.1.0", "columns": removed}]
    }
    found = package.problems(lock, removed, "1.1.0", "## [1.0.0]\n## [1.1.0]\n")
    assert any("1.0.0 -> 1.1.0 is not a valid major step" in m for m in found)


def test_lock_command_refuses_a_column_change_without_a_bump(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "CHANGELOG.md").write_text("## [1.0.0] - 2026-11-22\n", encoding="utf-8")
    monkeypatch.setattr(package, "DATA_VERSION", "1.0.0")
    assert package.main(["--lock", "--root", str(tmp_path)]) == 0
    locked = (tmp_path / package.LOCK_PATH).read_bytes()
    monkeypatch.setattr(export, "COLUMNS", _columns_with("removed"))
    assert package.main(["--lock", "--root", str(tmp_path)]) == 1
    assert "MAJOR change" in capsys.readouterr().err
    assert (tmp_path / package.LOCK_PATH).read_bytes() == locked
    monkeypatch.setattr(package, "DATA_VERSION", "2.0.0")
    assert package.main(["--lock", "--root", str(tmp_path)]) == 1, "no changelog entry for 2.0.0 yet"
    (tmp_path / "CHANGELOG.md").write_text("## [2.0.0] - 2026-12-01\n\n## [1.0.0] - 2026-11-22\n", encoding="utf-8")
    assert package.main(["--lock", "--root", str(tmp_path)]) == 0
    versions = json.loads((tmp_path / package.LOCK_PATH).read_text(encoding="utf-8"))["versions"]
    assert [v["version"] for v in versions] == ["1.0.0", "2.0.0"] and "acronym" not in versions[1]["columns"]
    assert package.main(["--root", str(tmp_path)]) == 0


@pytest.mark.parametrize("name", ["schema/columns.lock.json", "CHANGELOG.md"])
def test_the_lock_command_reads_no_file_through_a_link(tmp_path: Path, capsys, name: str) -> None:
    """A pull request can make the lock or the changelog a link to a file outside the registry; the
    command (and the test that runs it on this repository) read it through the link before."""
    root = tmp_path / "registry"
    (root / "schema").mkdir(parents=True)
    outside = tmp_path / "outside.json"
    outside.write_text('{"versions": [], "secret": "do not print"}\n', encoding="utf-8")
    (root / name).symlink_to(outside)
    assert package.main(["--root", str(root)]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and "symbolic link" in err and "do not print" not in err, err


def test_semver_helpers() -> None:
    assert package.next_version("1.4.2", "major") == "2.0.0"
    assert package.next_version("1.4.2", "minor") == "1.5.0"
    assert package.bump_allowed("1.4.2", "2.0.0", "major") and not package.bump_allowed("1.4.2", "1.5.0", "major")
    assert package.bump_allowed("1.4.2", "1.5.0", "minor") and not package.bump_allowed("1.4.2", "1.4.3", "minor")
    assert package.bump_allowed("1.4.2", "1.4.3", "none") and not package.bump_allowed("1.4.2", "1.4.2", "none")
    with pytest.raises(ValueError):
        package.parse_version("1.0")


def test_formula_guard_covers_every_character_and_never_a_number() -> None:
    names = [c.name for c in export.COLUMNS]

    def cells(title: str, age: float) -> dict[str, str]:
        data = {
            "nct_id": "NCT00000001",
            "brief_title": title,
            "eligibility": {"minimum_age": {"value": age, "unit": "YEARS"}},
            "curation": {"status": "complete", "sources": [{"file": "seeds/a.txt", "as_of": "2025"}]},
        }
        return dict(zip(names, export.row(data)))

    for start in ("=", "+", "-", "@", "\t", "\r", "\n", "'"):
        assert cells(f"{start}1+1", 1)["brief_title"] == f"'{start}1+1"
    assert cells("IM19 = 1", 1)["brief_title"] == "IM19 = 1"
    assert cells("", 1)["brief_title"] == ""
    assert cells("x", -1)["minimum_age_years"] == "-1"  # a number column is never guarded


def unguard(cell: str) -> str:
    """The reader's rule, as datapackage.json and docs/data.md state it."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("'", "=", "+", "-", "@", "\t", "\r", "\n") else cell


@pytest.mark.parametrize(
    "value", ["=X", "'=X", "''=X", "'", "''", "'x", "x'", "=", "", "IM19", "-1 dose", "'@x", "\tx"]
)
def test_the_formula_guard_can_be_undone(value: str) -> None:
    """=X and '=X were the same cell after the guard. Now every value comes back as itself, so no
    two values share a cell, and no guarded cell starts a formula."""
    names = [c.name for c in export.COLUMNS]
    data = {
        "nct_id": "NCT00000001",
        "brief_title": value,
        "curation": {"status": "complete", "sources": [{"file": "seeds/a.txt", "as_of": "2025"}]},
    }
    cell = dict(zip(names, export.row(data)))["brief_title"]
    assert unguard(cell) == value
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r", "\n")


def test_the_data_package_states_the_readers_rule() -> None:
    assert "drop one leading ' when the next character is ' or one of those" in package.FORMULA_NOTE


def test_the_registry_copy_holds_the_generated_files(registry: Path) -> None:
    """conftest copies what `trials csv` writes, so `check` passes on an unchanged copy."""
    for name in GENERATED:
        assert (registry / name).read_bytes() == (DATA_ROOT / name).read_bytes()


def test_not_curated_names_what_a_stubs_row_leaves_out_of_it() -> None:
    """A stub's empty cells are in `not_curated` but those that do not apply to a stub, and the
    column's description names each of those: it said every empty column of a stub was listed, and
    every stub's empty trial_as_of was not."""
    rows = list(csv.DictReader(io.StringIO((DATA_ROOT / CSV).read_text(encoding="utf-8"))))
    stubs = [row for row in rows if row["curation_status"] == "stub"]
    assert stubs, "the frozen registry holds no stub to read"
    left_out = {
        name for row in stubs for name, cell in row.items() if cell == "" and name not in row["not_curated"].split("|")
    }
    described = fields()["not_curated"]["description"]
    assert left_out, "every stub lists each of its empty columns: say so in the description"
    for name in left_out:
        assert re.search(rf"\bbut {name}\b", described), (name, described)
