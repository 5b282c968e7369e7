"""`trials export sqlite`: the records as related tables, with Datasette metadata beside them.

Built on a throw-away copy of the registry: the tables hold what the records hold (the trials table
the CSV's columns, typed; nested criteria with their parents; thresholds tied to their criteria),
the metadata describes exactly the tables and columns of the database, Datasette serves it with the
descriptions and facets (in-process, no network), two builds are byte-identical, and an invalid
registry writes nothing.
"""

from __future__ import annotations

import asyncio
import csv
import importlib
import io
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import IM19_PATH, REPO, Trials
from sle_trials.outputs import export
from sle_trials.outputs import sqlite as sqlite_export

DB = "trials.db"
META = "trials.metadata.json"


def build(trials: Trials, target: Path) -> sqlite3.Connection:
    result = trials("export", "sqlite", "--output", target)
    assert result.status == 0, result.out + result.err
    assert f"datasette {target} -m {target.with_name(target.stem + '.metadata.json')}" in result.err
    return sqlite3.connect(target)


def test_the_message_says_how_to_install_datasette_where_it_is_missing(
    trials: Trials, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After `make check` (no extras) the command the message names does not exist: it says how to get it."""
    import importlib.util

    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "datasette" else found(name, *a))
    result = trials("export", "sqlite", "--output", tmp_path / DB)
    assert result.status == 0
    assert "Datasette is not installed: " in result.err and "pip install 'datasette>=0.64,<1')" in result.err
    monkeypatch.undo()
    assert "not installed" not in trials("export", "sqlite", "--output", tmp_path / DB).err  # the suite has it


def test_the_trials_table_holds_the_csv_columns_typed(trials: Trials, registry: Path, tmp_path: Path) -> None:
    db = build(trials, tmp_path / DB)
    names = [row[1] for row in db.execute("PRAGMA table_info(trials)")]
    assert names == [c.name for c in export.COLUMNS]
    with open(registry / "trials.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r[0] for r in db.execute("SELECT nct_id FROM trials ORDER BY rowid")] == [r["nct_id"] for r in rows]
    im19 = dict(zip(names, db.execute("SELECT * FROM trials WHERE nct_id = 'NCT06513429'").fetchone()))
    assert im19["enrollment"] == 6 and isinstance(im19["enrollment"], int)
    assert im19["minimum_age_years"] == 18.0 and json.loads(im19["phases"]) == ["NA"]
    assert im19["acronym"] is None  # NULL, not "", when the sources do not state it
    assert im19["healthy_volunteers"] == 0 and im19["refractory"] == 1  # booleans as SQLite holds them
    relma = dict(zip(names, db.execute("SELECT * FROM trials WHERE nct_id = 'NCT05765006'").fetchone()))
    assert json.loads(relma["target_antigens"]) == ["CD19"]
    # every cell says what the CSV's says: lists joined back, numbers as numbers, the formula guard undone
    for row in rows:
        stored = dict(zip(names, db.execute("SELECT * FROM trials WHERE nct_id = ?", (row["nct_id"],)).fetchone()))
        for column in export.COLUMNS:
            value = stored[column.name]
            if value is None:
                assert row[column.name] == "", column.name
            elif column.is_list:
                assert row[column.name] == export.LIST_SEPARATOR.join(json.loads(value)), column.name
            elif column.type == "string":
                assert row[column.name] in (value, "'" + value), column.name
            elif column.type == "boolean":
                assert row[column.name] == ("true" if value == 1 else "false"), column.name
            else:
                assert float(row[column.name]) == value, column.name


def test_criteria_keep_list_number_nesting_and_thresholds_their_criterion(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    # the nesting as Relma-cel's page lists it: under its criterion 4, an unnumbered sub-heading and the
    # items numbered 1, 2, 3 under it (before, a draft of IM19 with words of its age criterion made up
    # into sub-items of its weight criterion, which the checks now refuse: E512)
    db = build(trials, tmp_path / DB)
    nested = db.execute(
        "SELECT id, list, position, number, parent, depth, text FROM criteria WHERE nct_id = 'NCT05765006' ORDER BY id"
    ).fetchall()
    history = next(r for r in nested if r[6].startswith("The history of SLE prior to screening"))
    assert history[1:6] == ("INCLUSION", 3, 4, None, 0)
    child = next(r for r in nested if r[4] == history[0] and r[6].startswith("Oral corticosteroids"))
    grandchild = next(r for r in nested if r[4] == child[0])
    assert (child[6], child[5], child[3]) == ("Oral corticosteroids must meet the following requirements:", 1, None)
    assert (grandchild[6], grandchild[5], grandchild[3]) == (
        "Prednisone (or equivalent) ≥7.5 mg/ day, and ≤30 mg/ day.",
        2,
        1,
    )
    rows = db.execute(
        "SELECT id, list, position, number, parent, depth, text FROM criteria WHERE nct_id = 'NCT06513429' ORDER BY id"
    ).fetchall()
    by_id = {r[0]: r for r in rows}
    weight = next(r for r in rows if r[6] == "Weight ≥ 40 kg")
    assert weight[1:6] == ("INCLUSION", 1, 3, None, 0)
    assert [r[3] for r in rows if r[1] == "EXCLUSION" and r[5] == 0][:2] == [
        2,
        3,
    ]  # numbered as the source numbers them
    kind, criterion = db.execute(
        "SELECT kind, criterion FROM thresholds WHERE nct_id = 'NCT06513429' AND position = 0"
    ).fetchone()
    assert kind == "BODY_WEIGHT" and criterion == weight[0] and by_id[criterion][3] == 3
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    quotes = db.execute(
        "SELECT quote FROM evidence WHERE nct_id = 'NCT06513429' AND field = 'related_trials' ORDER BY position"
    ).fetchall()
    assert [q[0] for q in quotes][:2] == ["NCT06886919", "NCT06585514"]
    assert db.execute("SELECT file, kind, as_of FROM sources WHERE nct_id = 'NCT06513429'").fetchall() == [
        ("seeds/000_84a0f0163f21158e.txt", "REGISTRY_COPY", "2025-08-17")
    ]


def test_the_metadata_describes_every_table_and_column_of_the_database(trials: Trials, tmp_path: Path) -> None:
    db = build(trials, tmp_path / DB)
    meta = json.loads((tmp_path / META).read_text(encoding="utf-8"))
    tables = meta["databases"]["trials"]["tables"]
    in_db = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    assert sorted(tables) == in_db == ["criteria", "evidence", "sources", "thresholds", "trials"]
    for name, table in tables.items():
        columns = [r[1] for r in db.execute(f'PRAGMA table_info("{name}")')]
        assert list(table["columns"]) == columns, name
        assert all(isinstance(d, str) and d for d in table["columns"].values()), name
        for facet in table.get("facets", []):
            assert (facet["array"] if isinstance(facet, dict) else facet) in columns
    assert {"array": "target_antigens"} in tables["trials"]["facets"] and "overall_status" in tables["trials"]["facets"]
    assert "Free text; a value starting with" not in json.dumps(tables)  # the CSV's guard does not apply here
    # another file name is another database name in Datasette
    build(trials, tmp_path / "lupus.db")
    assert list(json.loads((tmp_path / "lupus.metadata.json").read_text(encoding="utf-8"))["databases"]) == ["lupus"]


def test_site_md_lists_each_tables_columns(trials: Trials, tmp_path: Path) -> None:
    """docs/site.md's table of the database names every table and, but for `trials` (the CSV's
    columns), its columns in the database's order: a newcomer writes SQL from it (it once left out the
    thresholds' `id` and `position`)."""
    db = build(trials, tmp_path / DB)
    text = (REPO / "docs" / "site.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| [^|]+ \| (.+) \|$", text, re.M))
    in_db = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    assert sorted(rows) == in_db
    for name, cell in rows.items():
        if name != "trials":
            named = re.findall(r"(?:^|, )`(\w+)`", cell)
            assert named == [r[1] for r in db.execute(f'PRAGMA table_info("{name}")')], name


def test_datasette_serves_it_with_descriptions_and_facets(trials: Trials, tmp_path: Path) -> None:
    from datasette import app as datasette_app  # in the test extra

    build(trials, tmp_path / DB)
    meta = json.loads((tmp_path / META).read_text(encoding="utf-8"))

    async def fetch() -> tuple[dict, str]:
        ds = datasette_app.Datasette([str(tmp_path / DB)], metadata=meta)
        data = (await ds.client.get("/trials/trials.json?_shape=objects&_extra=facet_results")).json()
        page = (await ds.client.get("/trials/trials")).text
        return data, page

    data, page = asyncio.run(fetch())
    facets = data["facet_results"]
    facets = facets.get("results", facets)
    assert "overall_status" in facets and "target_antigens" in facets
    assert {v["value"] for v in facets["target_antigens"]["results"]} == {"CD19"}
    assert "ClinicalTrials.gov identifier" in page  # a column's description is shown


def test_two_builds_are_byte_identical(trials: Trials, tmp_path: Path) -> None:
    build(trials, tmp_path / "a.db").close()
    build(trials, tmp_path / "b.db").close()
    assert (tmp_path / "a.db").read_bytes() == (tmp_path / "b.db").read_bytes()


def other_sqlite() -> object:
    """pysqlite3, a DB-API module with an SQLite of its own (the test extra installs it where a wheel
    exists): absent, the test is skipped, except in CI (CI=true), where it fails."""
    try:
        return importlib.import_module("pysqlite3.dbapi2")
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("pysqlite3-binary is not installed; CI must have it (the test extra installs it)")
        pytest.skip("pysqlite3-binary is not installed (pip install -e '.[test]' on Linux x86-64)")


def test_the_bytes_do_not_depend_on_the_sqlite_library(trials: Trials, tmp_path: Path, monkeypatch) -> None:
    # SQLite writes its own version into the header (offsets 92 and 96), and 3.51 left stale bytes in
    # the unused space of interior pages that 3.40 zeroes: the same records gave other bytes under
    # another SQLite. Built under Python's and under pysqlite3's, they are one file.
    other = other_sqlite()
    assert other.sqlite_version != sqlite3.sqlite_version  # type: ignore[attr-defined]
    build(trials, tmp_path / "python.db").close()
    monkeypatch.setattr(sqlite_export, "sqlite3", other)
    build(trials, tmp_path / "other.db").close()
    ours, theirs = (tmp_path / "python.db").read_bytes(), (tmp_path / "other.db").read_bytes()
    assert ours[sqlite_export.VERSION_FIELDS] == bytes(8)  # no library's version in the header
    assert ours == theirs
    for library in (sqlite3, other):  # and each library reads it whole
        db = library.connect(tmp_path / "other.db")  # type: ignore[attr-defined]
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM trials").fetchone()[0] > 0
        db.close()


def test_the_header_says_what_the_format_left_to_the_library(trials: Trials, tmp_path: Path) -> None:
    build(trials, tmp_path / DB).close()
    header = (tmp_path / DB).read_bytes()[:100]
    assert int.from_bytes(header[16:18], "big") == 4096  # page size
    assert header[44:48] == (4).to_bytes(4, "big")  # schema format 4
    assert header[52:56] == bytes(4)  # no auto-vacuum
    assert header[56:60] == (1).to_bytes(4, "big")  # UTF-8
    assert header[60:72] == bytes(12)  # no user version, incremental vacuum or application id
    # no library's version: SQLite writes its SQLITE_VERSION_NUMBER at 96 and the change counter it is
    # valid for at 92
    assert header[sqlite_export.VERSION_FIELDS] == bytes(8)


def test_invalid_data_writes_nothing(trials: Trials, registry: Path, tmp_path: Path) -> None:
    record = registry / IM19_PATH
    record.write_text(
        record.read_text(encoding="utf-8").replace("  minimum_age:\n    value: 18", "  minimum_age:\n    value: 70"),
        encoding="utf-8",
    )
    sqlite3.connect(tmp_path / DB).execute("CREATE TABLE old (x)").connection.close()  # a database it wrote before
    old = (tmp_path / DB).read_bytes()
    result = trials.json("export", "sqlite", "--output", tmp_path / DB)
    assert result.status == 1 and result.codes() == {"E104"} and "not written" in result.err
    assert (tmp_path / DB).read_bytes() == old and not (tmp_path / META).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registry", DB]  # no temporary file left
    assert trials("export", "sqlite", "--output", "-").status == 2
    assert trials("export", "sqlite", "--output", tmp_path / "no" / DB).status == 2


def test_default_path_is_trials_db_at_the_root(trials: Trials, registry: Path) -> None:
    assert trials("export", "sqlite").status == 0
    assert (registry / DB).is_file() and (registry / META).is_file()
    assert io.BytesIO((registry / DB).read_bytes()).read(16) == b"SQLite format 3\x00"


@pytest.mark.parametrize("name", [DB, META])
def test_a_file_the_export_did_not_write_is_never_replaced(trials: Trials, tmp_path: Path, name: str) -> None:
    # `--output notes.txt`, or a notes.metadata.json beside the database (a file the user never named):
    # replaced, someone's file was gone; like `trials site` with a folder it did not build, refused.
    mine = tmp_path / name
    mine.write_text("my notes", encoding="utf-8")
    result = trials("export", "sqlite", "--output", tmp_path / DB)
    assert result.status == 2 and "not a file this command wrote" in result.err and name in result.err
    assert mine.read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["registry", name])


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_a_metadata_path_that_is_a_folder_or_a_link_is_refused_clearly(
    trials: Trials, tmp_path: Path, kind: str
) -> None:
    if kind == "folder":
        (tmp_path / META).mkdir()
    else:
        (tmp_path / "elsewhere.json").write_text('{"databases": {}}', encoding="utf-8")
        (tmp_path / META).symlink_to(tmp_path / "elsewhere.json")
    result = trials("export", "sqlite", "--output", tmp_path / DB)
    assert result.status == 2 and f"cannot write {tmp_path / META}" in result.err and "internal error" not in result.err
    assert not (tmp_path / DB).exists()


def test_its_own_outputs_are_replaced(trials: Trials, tmp_path: Path) -> None:
    build(trials, tmp_path / DB).close()
    first = (tmp_path / DB).read_bytes(), (tmp_path / META).read_bytes()
    build(trials, tmp_path / DB).close()
    assert ((tmp_path / DB).read_bytes(), (tmp_path / META).read_bytes()) == first
