"""The data package: datapackage.json beside trials.csv, the JSON export, and the package's version.

Everything here is generated from export.COLUMNS (the one definition of the CSV's columns) and
schema/trial.schema.json (the vocabulary, patterns and bounds of the record fields the columns come
from), so the description of the CSV cannot drift from the CSV. `trials csv` writes the two
committed files together (see outputs()), byte-identical on every run: fixed key order, indent 2, a
final newline, no timestamps. Neither needs the records in full: the CSV comes from each record's
cached row, datapackage.json from each record's curation.sources.

The JSON export (every record in full as one document, `trials export json`) is not committed: it is
a lossless function of the records under trials/, which are the data already; a committed copy
would double the repository, conflict on every merge and, at registry scale, be a multi-GB file no
check can afford. json_chunks() streams it one record at a time, byte-identical to render_json().

Versioning (semantic versioning of the data package, not of the tool): DATA_VERSION names the
columns of trials.csv. schema/columns.lock.json records the columns at each version, oldest first.
A column removed, renamed or given another type is a MAJOR change; a column added (or the order
changed: read columns by name) is MINOR; anything else (descriptions, constraints) may be a PATCH.
CHANGELOG.md needs an entry for every version. tests/test_data_contract.py fails, saying what to do,
when COLUMNS differ from the lock's last entry.

    python -m sle_trials.outputs.package          check the lock and the changelog against COLUMNS
    python -m sle_trials.outputs.package --lock   record DATA_VERSION and the current columns in the lock
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sle_trials import fields, files
from sle_trials.outputs import export
from sle_trials.outputs.export import LIST_SEPARATOR, Column
from sle_trials.paths import CSV_PATH, DATAPACKAGE_PATH
from sle_trials.patterns import lazy

NAME = "sle-car-t-trials"
TITLE = "CAR-T cell therapy trials in systemic lupus erythematosus"
DATA_VERSION = "1.4.0"
JSON_PATH = Path("trials.json")  # the default output of `trials export json`: generated on demand, not committed
LOCK_PATH = Path("schema") / "columns.lock.json"
CHANGELOG_PATH = Path("CHANGELOG.md")
TRIAL_SCHEMA = "schema/trial.schema.json"
PRIMARY_KEY = "nct_id"
MISSING_VALUE = ""
# The data are CC0-1.0 (pyproject.toml: "CC0-1.0 (data), MIT (code)"); a test keeps the two in step.
LICENSE = {
    "name": "CC0-1.0",
    "title": "Creative Commons Zero v1.0 Universal",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
}
# A field property of our own (Table Schema allows extra properties): the separator of a list column.
LIST_KEY = "x-list-separator"
FORMULA_NOTE = (
    "A text cell that would start with =, +, -, @, a tab, CR or LF starts with an added ' "
    "so that no spreadsheet runs it as a formula (OWASP CSV injection), and so does one that would "
    "start with ', so that the value can be had back: drop one leading ' when the next character is "
    "' or one of those; numbers are never changed."
)
_KIND_WORDS = {
    "REGISTRY_PAGE": "registry page",
    "REGISTRY_COPY": "copy of a registry record",
    "REGISTRY_JSON": "registry record (JSON)",
    "TRIAL_FINDER_PAGE": "trial-finder page",
    "PUBLICATION": "publication",
    "PRESS_RELEASE": "press release",
    "OTHER": "document",
}


# --- record fields in the JSON Schema ---------------------------------------------------------


def _resolve(schema: dict, node: dict) -> dict:
    """node with its $ref followed; the referring node's own keys win. '$def' names the definition."""
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**schema["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}, "$def": name}
    return node


def record_field(schema: dict, dotted: str) -> tuple[dict, bool]:
    """The JSON Schema of the record field at a dotted path (lists stepped through) and whether every
    valid record has a value there (required all the way down, every list on the way non-empty)."""
    node, required = _resolve(schema, schema), True
    for step in dotted.split("."):
        while node.get("type") == "array":
            required = required and node.get("minItems", 0) >= 1
            node = _resolve(schema, node["items"])
        required = required and step in node.get("required", [])
        node = _resolve(schema, node["properties"][step])
    while node.get("type") == "array":
        required = required and node.get("minItems", 0) >= 1
        node = _resolve(schema, node["items"])
    return node, required


def _bare(pattern: str) -> str:
    """A JSON Schema pattern as a Table Schema one: Table Schema patterns match the whole value, so
    the anchors go; a top-level alternation is grouped so that it stays whole."""
    core = pattern[1:] if pattern.startswith("^") else pattern
    core = core[:-1] if core.endswith("$") and not core.endswith("\\$") else core
    depth, escaped, top_alternation = 0, False, False
    for char in core:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            top_alternation = True
    return f"({core})" if top_alternation else core


def _literal(value: str) -> str:
    return re.sub(r"([^A-Za-z0-9_ -])", r"\\\1", value)


# --- datapackage.json -------------------------------------------------------------------------


def codes_node(column: Column, schema: dict) -> dict | None:
    """The schema node whose enum gives a column's codes: its record field's, or for a derived column
    whose items start with a field's codes (column.codes), that field's; None for a column of none.
    The data package, the Datasette metadata and the site's index say what the codes mean from it."""
    node = record_field(schema, column.field)[0] if column.field else {}
    if node.get("enum"):
        return node
    return record_field(schema, column.codes)[0] if column.codes else None


def meanings_note(node: dict) -> str:
    """What each code of a field's vocabulary means, in the schema's words (its x-meanings, the one
    place they are written: the site and the Datasette metadata show the same)."""
    said = fields.meanings(node)
    return "The codes mean: " + "; ".join(f"{code} — {said.get(code, '')}" for code in node["enum"]) + "."


def field_descriptor(column: Column, schema: dict) -> dict[str, Any]:
    """The Table Schema field of one column: name, title, type, description, constraints."""
    node, required = record_field(schema, column.field) if column.field else ({}, column.required)
    if column.pattern is not None:  # a derived column's own form (a JSON Schema pattern, anchored)
        node = {**node, "pattern": f"^{column.pattern}$"}
    if column.minimum is not None:
        node = {**node, "minimum": column.minimum}
    enum, pattern = node.get("enum"), node.get("pattern")
    constraints: dict[str, Any] = {}
    if required:
        constraints["required"] = True
    if column.name == PRIMARY_KEY:
        constraints["unique"] = True
    notes = [column.description]
    partial_date = node.get("$def") == "partial_date"
    if column.is_list:
        sep = LIST_SEPARATOR
        notes.append(f"A list: the items are joined by '{sep}' in source order; split the cell on '{sep}'.")
        item = "(" + "|".join(_literal(v) for v in enum) + ")" if enum else f"({_bare(pattern)})" if pattern else None
        if item:
            constraints["pattern"] = f"{item}(\\{sep}{item})*"
        if enum:
            notes.append("Each item is one of " + ", ".join(enum) + " (schema/trial.schema.json).")
    elif enum:
        constraints["enum"] = list(enum)
        notes.append("One of the values in constraints.enum (the vocabulary of schema/trial.schema.json).")
    elif pattern:
        constraints["pattern"] = _bare(pattern)
    if (codes := codes_node(column, schema)) is not None:
        notes.append(meanings_note(codes))
    if partial_date:
        notes.append(
            "A partial date (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source): typed string, not date, "
            "because a year or a month alone is not a date; the pattern checks its form."
        )
    if column.type in ("integer", "number"):
        for bound in ("minimum", "maximum"):
            if bound in node:
                constraints[bound] = node[bound]
    if not required and column.curated_field:  # a derived column's own description says when it is empty
        empty = "Empty when the sources do not state it" if not column.is_list else "Empty when the sources state none"
        notes.append(empty + " or when it is not yet curated (not_curated then names the column).")
    for name, allowed in column.applies_to.items():
        notes.append(f"Does not apply, and is empty, when {name} is not {' or '.join(allowed)}.")
    if column.type == "string" and not enum and not pattern:
        notes.append(
            "Free text; a value starting with =, +, -, @, tab, CR, LF or ' (or a character Unicode NFKC reads as "
            "one of them, such as a full-width ＝) is written with a ' before it."
        )
    out: dict[str, Any] = {
        "name": column.name,
        "title": column.title or column.name,
        "type": column.type,
        "description": " ".join(notes),
    }
    if constraints:
        out["constraints"] = constraints
    if column.is_list:
        out[LIST_KEY] = LIST_SEPARATOR
    return out


def table_schema(schema: dict) -> dict[str, Any]:
    return {
        "fields": [field_descriptor(c, schema) for c in export.COLUMNS],
        "missingValues": [MISSING_VALUE],
        "primaryKey": [PRIMARY_KEY],
    }


# A source's title names the records citing it up to this many; beyond, it gives their number, so
# that datapackage.json stays small however many records cite one document.
MAX_CITED_NAMED = 10

Sources = Iterable[tuple[str, list[dict]]]  # (nct_id, the record's curation.sources), as pipeline.Summary has them


def _sources(sources: Sources) -> list[dict[str, str]]:
    """The seed documents the records were curated from, each with what it is and who cites it."""
    first: dict[str, dict] = {}
    cited: dict[str, list[str]] = {}  # the first MAX_CITED_NAMED + 1 citing nct_ids only
    count: dict[str, int] = {}
    for nct_id, entries in sorted(sources, key=lambda pair: pair[0]):
        for source in entries:
            file = source["file"]
            first.setdefault(file, source)
            count[file] = count.get(file, 0) + 1
            if count[file] <= MAX_CITED_NAMED:
                cited.setdefault(file, []).append(nct_id)
    out = []
    for file in sorted(first):
        source = first[file]
        what = _KIND_WORDS.get(source["kind"], source["kind"].lower())
        what = f"{source['publisher']} {what}" if source.get("publisher") else what[:1].upper() + what[1:]
        by = ", ".join(cited[file]) if count[file] <= MAX_CITED_NAMED else f"{count[file]} records"
        title = f"{what}, {source.get('as_of_label', 'as of')} {source['as_of']}; cited by {by}"
        entry = {"title": title, "path": file}
        if source.get("url"):
            entry["x-url"] = source["url"]
        out.append(entry)
    return out


def descriptor(sources: Sources, schema: dict) -> dict[str, Any]:
    """The whole datapackage.json, in a fixed key order; sources: (nct_id, curation.sources) of each record."""
    return {
        "profile": "data-package",
        "name": NAME,
        "title": TITLE,
        "description": (
            "A hand-curated registry of clinical trials of CAR-T cell therapy in systemic lupus erythematosus. "
            "trials.csv is the summary table (one row per trial), generated from the records under trials/ by "
            "`trials csv`; every value is traceable to the source documents listed under sources. Every record in "
            "full, as one JSON document, is generated on demand by `trials export json`. The version follows "
            "semantic versioning of the columns of trials.csv: see CHANGELOG.md."
        ),
        "version": DATA_VERSION,
        "licenses": [dict(LICENSE)],
        "keywords": ["systemic lupus erythematosus", "SLE", "CAR-T", "clinical trials", "ClinicalTrials.gov"],
        "sources": _sources(sources),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "trials",
                "title": "Trials: one row per trial",
                "description": (
                    "One row per trial, sorted by nct_id; read the columns by name. An empty cell (missingValues) "
                    "means one of three things: the column is not yet curated (the row's not_curated names it), "
                    "it does not apply (the column's description says when), or the sources do not state the "
                    f"value. List columns join their items with '{LIST_SEPARATOR}' (see each field's {LIST_KEY}). "
                    f"{FORMULA_NOTE}"
                ),
                "path": CSV_PATH.as_posix(),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "doubleQuote": True,
                    "header": True,
                    "lineTerminator": "\n",
                    "quoteChar": '"',
                    "skipInitialSpace": False,
                },
                "schema": table_schema(schema),
            },
        ],
    }


def _dumps(value: Any, *, sort_keys: bool) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=sort_keys, allow_nan=False) + "\n"


def render_datapackage(sources: Sources, schema: dict) -> str:
    return _dumps(descriptor(sources, schema), sort_keys=False)


def _json_document(records: list[dict]) -> dict[str, Any]:
    return {
        "name": NAME,
        "version": DATA_VERSION,
        "license": LICENSE["name"],
        "schema": TRIAL_SCHEMA,
        "description": f"Every trial record of {TITLE}, sorted by nct_id; each validates against {TRIAL_SCHEMA}.",
        "trials": records,
    }


def render_json(records: list[dict]) -> str:
    """The JSON export in one piece: all records as one document, keys sorted (small data and tests;
    `trials export json` streams the same bytes with json_chunks)."""
    return _dumps(_json_document(sorted(records, key=lambda d: d["nct_id"])), sort_keys=True)


_TRIALS_SLOT = '\n  "trials": [],\n'  # where the records go in the document rendered without them
# How every JSON export starts (its keys are sorted, "description" first): what `trials export json`
# recognises as a file it wrote, and may replace (target.check_file). Test-held to json_chunks.
JSON_SIGNATURE = b'{\n  "description": "Every trial record of '


def json_chunks(records: Iterable[dict]) -> Iterator[str]:
    """render_json's text piece by piece, one record in memory at a time. records must come sorted
    by nct_id. Each record is dumped as render_json nests it: indent 2, keys sorted, every line
    indented by 4 spaces inside the "trials" array."""
    head, tail = _dumps(_json_document([]), sort_keys=True).split(_TRIALS_SLOT)
    yield head
    first = True
    for record in records:
        text = json.dumps(record, indent=2, ensure_ascii=False, sort_keys=True, allow_nan=False)
        yield ('\n  "trials": [\n' if first else ",\n") + "    " + text.replace("\n", "\n    ")
        first = False
    yield _TRIALS_SLOT if first else "\n  ],\n"
    yield tail


def outputs(sources: Sources, schema: dict, csv: bytes) -> dict[Path, bytes]:
    """Every committed generated file (path relative to the registry root) and its bytes, the CSV first.
    sources: (nct_id, curation.sources) of each valid record; csv: pipeline.csv_bytes(result)."""
    return {
        CSV_PATH: csv,
        DATAPACKAGE_PATH: render_datapackage(sources, schema).encode("utf-8"),
    }


def columns_table(schema: dict) -> str:
    """The column table of docs/data.md, from the data package's table schema."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    rows = ["| column | type | constraints | description |", "|---|---|---|---|"]
    for f in table_schema(schema)["fields"]:
        kind = f["type"] + (f" list (`{f[LIST_KEY]}`)" if LIST_KEY in f else "")
        said = []
        for name, value in f.get("constraints", {}).items():
            if name == "enum":
                said.append("one of " + ", ".join(f"`{v}`" for v in value))
            elif name == "pattern":
                said.append(f"pattern `{value}`")
            elif name in ("minimum", "maximum"):
                said.append(f"{'≥' if name == 'minimum' else '≤'} {value}")
            elif value is True:
                said.append(name)
        rows.append(f"| {f['name']} | {cell(kind)} | {cell('; '.join(said))} | {cell(f['description'])} |")
    return "\n".join(rows) + "\n"


# --- versioning -------------------------------------------------------------------------------

_SEMVER = lazy(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\Z")


def parse_version(text: str) -> tuple[int, int, int]:
    found = _SEMVER.match(text)
    if not found:
        raise ValueError(f"{text!r} is not a semantic version MAJOR.MINOR.PATCH")
    return int(found.group(1)), int(found.group(2)), int(found.group(3))


def signature(columns: Iterable[Column] | None = None) -> dict[str, str]:
    """What the lock records of each column (export.COLUMNS unless given): name and type ('string list')."""
    return {c.name: c.type + (" list" if c.is_list else "") for c in (export.COLUMNS if columns is None else columns)}


@dataclass
class Change:
    kind: str  # "major", "minor" or "none"
    reasons: list[str] = field(default_factory=list)


def change(old: dict[str, str], new: dict[str, str]) -> Change:
    removed = [n for n in old if n not in new]
    added = [n for n in new if n not in old]
    retyped = [f"{n} ({old[n]} -> {new[n]})" for n in old if n in new and old[n] != new[n]]
    reordered = [n for n in old if n in new] != [n for n in new if n in old]
    reasons = []
    if removed:
        reasons.append("removed or renamed: " + ", ".join(removed))
    if retyped:
        reasons.append("type changed: " + ", ".join(retyped))
    if added:
        reasons.append("added: " + ", ".join(added))
    if reordered:
        reasons.append("column order changed")
    kind = "major" if removed or retyped else "minor" if added or reordered else "none"
    return Change(kind, reasons)


def next_version(version: str, kind: str) -> str:
    major, minor, patch = parse_version(version)
    if kind == "major":
        return f"{major + 1}.0.0"
    if kind == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def bump_allowed(old: str, new: str, kind: str) -> bool:
    """Whether going from version old to new is enough for a change of this kind."""
    o, n = parse_version(old), parse_version(new)
    if n <= o:
        return False
    if kind == "major":
        return n[0] > o[0]
    if kind == "minor":
        return n[:2] > o[:2]
    return True


def changelog_versions(text: str) -> set[str]:
    """Versions with an entry in CHANGELOG.md: headings like '## [1.2.0] - 2026-01-31'."""
    return set(re.findall(r"^## \[([0-9]+\.[0-9]+\.[0-9]+)\]", text, re.M))


# the lock and the changelog: a few KB each; a file far larger is not one of them
TEXT_LIMIT = 1024 * 1024


def read_text(root: Path, path: Path) -> str | None:
    """A text file of the registry's (the lock, the changelog), or None when there is none. Only a
    regular file is read (files.Refused otherwise: a link is not followed out of the registry)."""
    if not os.path.lexists(root / path):
        return None
    return files.read_bytes(root / path, TEXT_LIMIT).decode("utf-8")


def read_lock(root: Path) -> dict:
    text = read_text(root, LOCK_PATH)
    return {"versions": []} if text is None else json.loads(text)


def render_lock(versions: list[dict]) -> str:
    return _dumps(
        {
            "about": (
                "The columns of trials.csv at each version of the data package, oldest first. Append-only: "
                "written by `python -m sle_trials.outputs.package --lock`, never edited by hand. "
                "tests/test_data_contract.py compares the last entry with export.COLUMNS."
            ),
            "versions": versions,
        },
        sort_keys=False,
    )


def _todo(kind: str, reasons: list[str], since: str, wanted: str) -> str:
    return (
        f"The columns of trials.csv changed since data package version {since} ({'; '.join(reasons)}). "
        f"Under semantic versioning that is a {kind.upper()} change (removed, renamed or retyped columns: major; "
        f"added or reordered columns: minor), so the data package must become {wanted} (or later). To fix it:\n"
        f'  1. set DATA_VERSION = "{wanted}" in scripts/sle_trials/outputs/package.py;\n'
        f"  2. add an entry '## [{wanted}] - YYYY-MM-DD' to CHANGELOG.md saying which columns changed "
        "and what users must do;\n"
        "  3. run: .venv/bin/python -m sle_trials.outputs.package --lock   "
        f"(records the new columns in {LOCK_PATH.as_posix()});\n"
        "  4. run: .venv/bin/trials csv && .venv/bin/python -m sle_trials.outputs.docs   "
        "(regenerates the files and the tables of docs/data.md)."
    )


def problems(lock: dict, columns: dict[str, str], version: str, changelog: str) -> list[str]:
    """What is wrong with the versioning: the lock's history, the current columns, the changelog."""
    out: list[str] = []
    entries = lock.get("versions", [])
    if not entries:
        return [
            f"{LOCK_PATH.as_posix()} records no version; run: .venv/bin/python -m sle_trials.outputs.package --lock"
        ]
    for before, after in zip(entries, entries[1:]):
        step = change(before["columns"], after["columns"])
        if not bump_allowed(before["version"], after["version"], step.kind):
            out.append(
                f"{LOCK_PATH.as_posix()}: {before['version']} -> {after['version']} is not a valid "
                f"{step.kind} step ({'; '.join(step.reasons) or 'columns unchanged'}); the lock is append-only"
            )
    last = entries[-1]
    step = change(last["columns"], columns)
    if step.kind != "none":
        if not bump_allowed(last["version"], version, step.kind):
            out.append(_todo(step.kind, step.reasons, last["version"], next_version(last["version"], step.kind)))
        else:
            out.append(
                f"The columns of trials.csv changed ({'; '.join(step.reasons)}) and DATA_VERSION is {version}, "
                f"but {LOCK_PATH.as_posix()} still ends at {last['version']}; "
                f"run: .venv/bin/python -m sle_trials.outputs.package --lock"
            )
    elif version != last["version"]:
        if parse_version(version) < parse_version(last["version"]):
            out.append(
                f"DATA_VERSION {version} is older than {last['version']}, the last version in {LOCK_PATH.as_posix()}"
            )
        else:
            out.append(
                f"DATA_VERSION is {version} but {LOCK_PATH.as_posix()} ends at {last['version']}; "
                f"run: .venv/bin/python -m sle_trials.outputs.package --lock"
            )
    have = changelog_versions(changelog)
    for wanted in dict.fromkeys([e["version"] for e in entries] + [version]):
        if wanted not in have:
            out.append(
                f"{CHANGELOG_PATH.as_posix()} has no entry for version {wanted}; add a heading "
                f"'## [{wanted}] - YYYY-MM-DD' and say what changed for users of the data"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sle_trials.outputs.package", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lock", action="store_true", help=f"record DATA_VERSION and the current columns in {LOCK_PATH}"
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the registry's root folder (default: .)")
    args = parser.parse_args(argv)
    lock_file = args.root / LOCK_PATH
    try:
        lock, changelog = read_lock(args.root), read_text(args.root, CHANGELOG_PATH) or ""
    except (files.Refused, ValueError) as exc:  # not a regular file, too large, not UTF-8 or not JSON
        print(f"cannot read {LOCK_PATH.as_posix()} and {CHANGELOG_PATH.as_posix()}: {exc}", file=sys.stderr)
        return 2
    columns = signature()
    if args.lock:
        entries = list(lock.get("versions", []))
        if entries and entries[-1]["version"] == DATA_VERSION and entries[-1]["columns"] == columns:
            print(f"{LOCK_PATH} is up to date ({DATA_VERSION})", file=sys.stderr)
            return 0
        if entries:
            step = change(entries[-1]["columns"], columns)
            if not bump_allowed(entries[-1]["version"], DATA_VERSION, step.kind):
                print(
                    _todo(
                        step.kind, step.reasons, entries[-1]["version"], next_version(entries[-1]["version"], step.kind)
                    )
                    if step.kind != "none"
                    else f"DATA_VERSION {DATA_VERSION} is not newer than {entries[-1]['version']}",
                    file=sys.stderr,
                )
                return 1
        if DATA_VERSION not in changelog_versions(changelog):
            print(
                f"{CHANGELOG_PATH} has no entry for version {DATA_VERSION}; "
                f"add '## [{DATA_VERSION}] - YYYY-MM-DD' first",
                file=sys.stderr,
            )
            return 1
        entries.append({"version": DATA_VERSION, "columns": columns})
        export.write_atomic(lock_file, render_lock(entries))
        print(f"{LOCK_PATH} now ends at {DATA_VERSION}", file=sys.stderr)
        return 0
    found = problems(lock, columns, DATA_VERSION, changelog)
    for message in found:
        print(message, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
