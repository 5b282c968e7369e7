"""The SQLite export: the records as related tables for Datasette, DuckDB or any SQL client.

`trials export sqlite` writes `trials.db` (or --output) and, beside it, the Datasette metadata file
`<name>.metadata.json` (`datasette trials.db -m trials.metadata.json`): each table's and column's
description, the facets worth clicking and the licence. The tables:

- trials: one row a record, the columns of trials.csv (export.COLUMNS, by name and in order), typed
  (integer, real, text); a list column holds a JSON array, so Datasette can facet on its items;
- criteria: one row an eligibility criterion, nested ones included, with its list, number, position
  and parent criterion;
- thresholds: the numeric limits read from the criteria, each tied to its criterion's row;
- sources: the source documents each record cites;
- evidence: each quote pinned to a field.

The column descriptions of `trials` are the data package's (package.field_descriptor); the other
tables are described here, beside their definitions. Built only from a registry that passes the
checks, into temporary files beside the outputs that replace them when complete; the same records
give the same bytes under any SQLite library (no timestamps, rows in a fixed order, the file
vacuumed, the format's defaults set and the writer's version left out of the header: write_db).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sle_trials import command, decimals, fields, files, paths
from sle_trials.engine import pipeline
from sle_trials.outputs import export, generate, package, target

DB_PATH = Path("trials.db")
METADATA_SUFFIX = ".metadata.json"
_SQL_TYPES = {
    "integer": "INTEGER",
    "number": "REAL",
    "string": "TEXT",
    "boolean": "INTEGER",
}  # a boolean as SQLite holds one: 0 or 1
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
# The database header's "version-valid-for" number (offset 92) and SQLITE_VERSION_NUMBER (offset 96):
# the change counter and the version of the library that last wrote the file. Left as SQLite writes
# them, the same records gave other bytes under every other SQLite (3.40 and 3.51 differ there). Both
# are written as zeros, as SQLite before 3.7.0 left them: the version is not recorded, and readers
# take the database's size from the file's (the size in the header counts only when 92 matches 24).
VERSION_FIELDS = slice(92, 100)
# What the file format leaves to the library's defaults, which a build of SQLite may change
# (SQLITE_DEFAULT_PAGE_SIZE, SQLITE_DEFAULT_AUTOVACUUM, SQLITE_SECURE_DELETE), set: the page size,
# no auto-vacuum pages, UTF-8 text, no application id or user version, and secure_delete, without
# which SQLite 3.51 leaves stale bytes in the unused space of interior pages that 3.40 zeroes.
_PRAGMAS = (
    "PRAGMA page_size = 4096",
    "PRAGMA auto_vacuum = NONE",
    "PRAGMA encoding = 'UTF-8'",
    "PRAGMA application_id = 0",
    "PRAGMA user_version = 0",
    "PRAGMA secure_delete = ON",
    "PRAGMA journal_mode = OFF",  # a fresh temporary file: nothing to roll back to
)
METADATA_LIMIT = 16 << 20  # a metadata file this command writes is a few kilobytes


@dataclass(frozen=True)
class Col:
    name: str
    sql: str  # the column's SQL type and constraints
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Col, ...]
    facets: tuple[Any, ...] = ()  # Datasette facets: a column name, or {"array": name} for a JSON array column
    label: str | None = None  # Datasette's label column: what a foreign key to this table shows
    extra: str = ""  # table constraints after the columns (primary and foreign keys)


_NCT = Col("nct_id", "TEXT NOT NULL REFERENCES trials(nct_id)", "The trial (trials.nct_id).")
_POSITION = Col("position", "INTEGER NOT NULL", "Order in the record, from 0.")

CRITERIA = Table(
    "criteria",
    "Eligibility criteria, one row each, nested ones included, in the record's order.",
    (
        Col("id", "INTEGER PRIMARY KEY", "Row id (stable for the same records)."),
        _NCT,
        Col("list", "TEXT NOT NULL", "INCLUSION or EXCLUSION."),
        _POSITION,
        Col("number", "INTEGER", "The number the source gives the criterion; empty when it does not number it."),
        Col(
            "parent",
            "INTEGER REFERENCES criteria(id)",
            "The criterion this one is nested under; empty at the top level.",
        ),
        Col("depth", "INTEGER NOT NULL", "0 for a top-level criterion, 1 and 2 for nested ones."),
        Col(
            "sub_heading", "TEXT", "The sub-heading the source lists the criterion under (its group); empty when none."
        ),
        Col("text", "TEXT NOT NULL", "The criterion, verbatim from the source."),
    ),
    facets=("list", "depth"),
    label="text",
)

THRESHOLDS = Table(
    "thresholds",
    "Numeric limits stated inside eligibility criteria, structured for analysis.",
    (
        Col("id", "INTEGER PRIMARY KEY", "Row id (stable for the same records)."),
        _NCT,
        _POSITION,
        Col("kind", "TEXT NOT NULL", "What the limit is about (DISEASE_ACTIVITY, LABORATORY, WASHOUT, ...)."),
        Col("criterion", "INTEGER REFERENCES criteria(id)", "The top-level criterion the limit was read from."),
        Col("criterion_list", "TEXT NOT NULL", "INCLUSION or EXCLUSION: the list of that criterion."),
        Col("criterion_number", "INTEGER NOT NULL", "That criterion's number as the source gives it."),
        Col("criterion_sub_heading", "TEXT", "That criterion's sub-heading, where a list numbers again under each."),
        Col("measure", "TEXT NOT NULL", "What is measured, in the source's words."),
        Col("comparator", "TEXT NOT NULL", "<, <=, >, >= or =."),
        Col("value", "REAL NOT NULL", "The limit."),
        Col("unit", "TEXT", "The limit's unit, as the source writes it."),
        Col(
            "conditions", "TEXT", "A JSON array of the conditions under which the limit applies, in the source's words."
        ),
    ),
    facets=("kind", "comparator", "unit", "criterion_list"),
)

SOURCES = Table(
    "sources",
    "The source documents (under seeds/) each record cites.",
    (
        _NCT,
        _POSITION,
        Col("file", "TEXT NOT NULL", "Path of the source document under seeds/."),
        Col(
            "kind",
            "TEXT NOT NULL",
            "What kind of document it is (REGISTRY_COPY, REGISTRY_JSON, TRIAL_FINDER_PAGE, ...).",
        ),
        Col("publisher", "TEXT", "Who published the source, when it says so."),
        Col("as_of", "TEXT NOT NULL", "The source's own as-of date (partial date)."),
        Col("as_of_label", "TEXT", "The words the source uses for that date."),
        Col("url", "TEXT", "The source's address, when the source states it."),
    ),
    facets=("kind", "file"),
    extra="PRIMARY KEY (nct_id, position)",
)

EVIDENCE = Table(
    "evidence",
    "Each quote of a cited source pinned to a field of a record: where the value was read.",
    (
        _NCT,
        Col("field", "TEXT NOT NULL", "The field path the quote supports (it covers every value beneath it)."),
        _POSITION,
        Col("quote", "TEXT NOT NULL", "The source's words, as the record quotes them."),
    ),
    facets=("field",),
    extra="PRIMARY KEY (nct_id, field, position)",
)

# The trials table's facets, by column name: those present in export.COLUMNS are used.
TRIAL_FACETS = (
    "overall_status",
    "curation_status",
    "study_type",
    "phases",
    "target_antigens",
    "product_origin",
    "lupus_nephritis",
    "countries",
    "sponsor_class",
    "enrollment_type",
)


def _described(column: export.Column, schema: dict) -> str:
    """A trials column's description: the CSV column's own, its vocabulary from the record schema,
    and how this table holds it (the CSV's list separator and formula guard do not apply here)."""
    node, required = package.record_field(schema, column.field) if column.field else ({}, False)
    notes = [column.description]
    if node.get("enum"):
        notes.append(("Each item is one of " if column.is_list else "One of ") + ", ".join(node["enum"]) + ".")
    if (codes := package.codes_node(column, schema)) is not None:
        notes.append(package.meanings_note(codes))
    if node.get("$def") == "partial_date":
        notes.append("A partial date (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source), as text.")
    if column.is_list:
        notes.append("A JSON array of the items, in source order; NULL when the sources state none.")
    elif not required:
        notes.append("NULL when the sources do not state it.")
    return " ".join(notes)


def trials_table(schema: dict) -> Table:
    """The trials table from the CSV's columns, by name and in order."""
    columns = tuple(
        Col(
            c.name,
            ("TEXT" if c.is_list else _SQL_TYPES.get(c.type, "TEXT"))
            + (" PRIMARY KEY" if c.name == package.PRIMARY_KEY else ""),
            _described(c, schema),
        )
        for c in export.COLUMNS
    )
    by_name = {c.name: c for c in export.COLUMNS}
    facets = tuple({"array": name} if by_name[name].is_list else name for name in TRIAL_FACETS if name in by_name)
    return Table(
        "trials",
        "One row a trial: the columns of trials.csv.",
        columns,
        facets,
        label="brief_title" if "brief_title" in by_name else None,
    )


def tables(schema: dict) -> list[Table]:
    return [trials_table(schema), CRITERIA, THRESHOLDS, SOURCES, EVIDENCE]


def _create(table: Table) -> str:
    parts = [f'"{c.name}" {c.sql}' for c in table.columns] + ([table.extra] if table.extra else [])
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def _cell(column: export.Column, data: dict) -> Any:
    """A trials cell as SQL holds it: a number as a number, a list as a JSON array, no value as NULL.
    Text is stored as curated (the CSV's formula guard is for spreadsheets)."""
    value = column.get(data)
    if column.is_list:
        return json.dumps(list(value), ensure_ascii=False) if value else None
    if value == "" or value is None:
        return None
    if type(value) is str and not decimals.PLAIN.fullmatch(value):
        return value  # not a number, whatever the column's type (only a changed schema lets a record hold one)
    if column.type == "integer":
        return int(value)
    if column.type == "number":
        return float(value)
    return value


class Rows:
    """The rows of the tables other than trials, numbered as they are made (ids stable for the same records)."""

    def __init__(self) -> None:
        self.criteria: list[tuple] = []
        self.thresholds: list[tuple] = []
        self.sources: list[tuple] = []
        self.evidence: list[tuple] = []

    def add(self, data: dict) -> None:
        nct_id = data["nct_id"]
        eligibility = data.get("eligibility", {})
        top: dict[tuple[str, int], int] = {}  # (list, position) -> id of the top-level criterion
        for key, name in (("inclusion_criteria", "INCLUSION"), ("exclusion_criteria", "EXCLUSION")):
            for position, criterion in enumerate(eligibility.get(key, [])):
                top[name, position] = self._criterion(nct_id, name, position, criterion, None, 0)
        for position, t in enumerate(eligibility.get("thresholds", [])):
            ref = t["criterion"]
            named = fields.criteria_named(eligibility, ref)  # one in a valid record (E109)
            self.thresholds.append(
                (
                    len(self.thresholds) + 1,
                    nct_id,
                    position,
                    t["kind"],
                    top.get((ref["list"], named[0])) if len(named) == 1 else None,
                    ref["list"],
                    ref["number"],
                    ref.get("group"),
                    t["measure"],
                    t["comparator"],
                    t["value"],
                    t.get("unit"),
                    json.dumps(t["conditions"], ensure_ascii=False) if t.get("conditions") else None,
                )
            )
        for position, s in enumerate(data["curation"]["sources"]):
            self.sources.append(
                (
                    nct_id,
                    position,
                    s["file"],
                    s["kind"],
                    s.get("publisher"),
                    s["as_of"],
                    s.get("as_of_label"),
                    s.get("url"),
                )
            )
        for field, quotes in data.get("evidence", {}).items():
            for position, quote in enumerate([quotes] if isinstance(quotes, str) else quotes):
                self.evidence.append((nct_id, field, position, quote))

    def _criterion(self, nct_id: str, name: str, position: int, criterion: dict, parent: int | None, depth: int) -> int:
        row_id = len(self.criteria) + 1
        self.criteria.append(
            (
                row_id,
                nct_id,
                name,
                position,
                criterion.get("number"),
                parent,
                depth,
                criterion.get("group"),
                criterion["text"],
            )
        )
        for i, sub in enumerate(criterion.get("sub_criteria", [])):
            self._criterion(nct_id, name, i, sub, row_id, depth + 1)
        return row_id


def _insert(db: sqlite3.Connection, table: Table, rows: Iterable[tuple]) -> None:
    marks = ", ".join("?" for _ in table.columns)
    db.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', rows)


def write_db(path: Path, records: Iterator[dict], schema: dict) -> int:
    """The database at path (a new file), from the records in nct_id order; the number of trials."""
    trials, others = trials_table(schema), Rows()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in _PRAGMAS:
            db.execute(pragma)
        db.execute("BEGIN")
        for table in tables(schema):
            db.execute(_create(table))
        count = 0
        for data in records:
            _insert(db, trials, [tuple(_cell(c, data) for c in export.COLUMNS)])
            others.add(data)
            count += 1
        _insert(db, CRITERIA, others.criteria)
        _insert(db, THRESHOLDS, others.thresholds)
        _insert(db, SOURCES, others.sources)
        _insert(db, EVIDENCE, others.evidence)
        for table in (CRITERIA, THRESHOLDS, SOURCES, EVIDENCE):
            db.execute(f'CREATE INDEX "{table.name}_nct_id" ON "{table.name}" (nct_id)')
        db.execute("COMMIT")
        db.execute("VACUUM")  # pages in order, no free pages: the same records give the same bytes
    finally:
        db.close()
    with open(path, "r+b") as handle:  # the temporary file just written, closed by SQLite: no one else writes it
        handle.seek(VERSION_FIELDS.start)
        handle.write(bytes(VERSION_FIELDS.stop - VERSION_FIELDS.start))
    return count


def metadata(database: str, schema: dict) -> dict[str, Any]:
    """The Datasette metadata for the database named `database` (its file name without .db)."""
    license_ = package.LICENSE
    return {
        "title": package.TITLE,
        "description": "A plain-text registry of CAR-T cell therapy trials in SLE: every value as its cited source "
        "states it, with the quote it was read from (table evidence).",
        "license": license_["name"],
        "license_url": license_["path"],
        "databases": {
            database: {
                "tables": {
                    t.name: {
                        "description": t.description,
                        "columns": {c.name: c.description for c in t.columns},
                        **({"facets": list(t.facets)} if t.facets else {}),
                        **({"label_column": t.label} if t.label else {}),
                    }
                    for t in tables(schema)
                }
            }
        },
    }


def metadata_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + METADATA_SUFFIX)


def write(path: Path, records: Iterator[dict], schema: dict) -> int:
    """The database and its metadata file, each built in a temporary file beside its place and then
    moved there; nothing is left behind when building fails. The number of trials."""
    meta = (json.dumps(metadata(path.stem, schema), indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode(
        "utf-8"
    )
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        os.unlink(temp)  # sqlite3 makes the file itself: an empty file is not a database to it
        count = write_db(Path(temp), records, schema)
        os.chmod(temp, 0o644)
        export.write_atomic(metadata_path(path), meta)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return count


def _is_database(path: Path) -> bool:
    return files.head(path, len(SQLITE_HEADER)) == SQLITE_HEADER


def _is_metadata(path: Path) -> bool:
    try:
        found = json.loads(files.read_bytes(path, METADATA_LIMIT).decode("utf-8"))
    except (ValueError, RecursionError):  # not JSON (UnicodeDecodeError is a ValueError)
        return False
    return isinstance(found, dict) and isinstance(found.get("databases"), dict)


def check_target(root: Path, path: Path, *, force: bool = False) -> None:
    """Refuse an output this command would not replace (target.check_file): the database path or its
    metadata path (a file the user did not name) holding anything but what this command writes,
    unless force, so that a mistyped --output cannot replace someone's file."""
    for file, what, ours in (
        (path, "an SQLite database", _is_database),
        (metadata_path(path), "Datasette metadata", _is_metadata),
    ):
        target.check_file(root, file, ours=ours, what=what, force=force)


def run(root: Path, output: str | None, *, fmt: str, use_cache: bool = True, force: bool = False) -> int:
    """`trials export sqlite`: the database (default trials.db at the root) and its Datasette
    metadata beside it, from a registry that passes the checks; nothing is written otherwise (exit 1)."""
    path = Path(output) if output else root / DB_PATH
    check_target(root, path, force=force)
    shown, meta = pipeline.display(root, path), pipeline.display(root, metadata_path(path))
    result = generate.checked(root, shown, fmt=fmt, use_cache=use_cache)
    if result is None:
        return 1
    try:
        count = write(path, (r.data for r in generate.full_records(root, result.summaries)), paths.load_schema(root))
    except generate.Changed as exc:
        print(f"trials: {exc}; {shown} not written, run the command again", file=sys.stderr)
        return 1
    print(
        f"{shown} and {meta} written ({count} trials); "
        f"browse them: {command.named('datasette', shown, '-m', meta)}{_install_hint()}",
        file=sys.stderr,
    )
    return 0


def _install_hint() -> str:
    """Where Datasette is not installed beside the tool (`make check` installs no extra), how to get
    it: the command the message names would otherwise fail with "command not found"."""
    import importlib.util

    if importlib.util.find_spec("datasette") is not None:
        return ""
    # the README's command, not the interpreter's own path: no path of the machine is printed
    return " (Datasette is not installed: .venv/bin/pip install 'datasette>=0.64,<1')"
