"""The stages in order, for the commands to call: find files, load, schema, rules, refs, export.

Data flows one way: a file becomes a Record (load), is checked alone (schema, then rules when the
schema passes), then all records are checked together (refs), and only a clean set is exported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import evidence, export, load, refs, rules, schema
from .problem import Problem

TRIALS_DIR = Path("trials")
SEEDS_DIR = "seeds"
_TRIAL_FILE = re.compile(r"NCT[0-9]{8}\.yaml\Z")


class UsageError(Exception):
    """Bad arguments or a directory that is not the registry: exit 2."""


def find_root(start: Path) -> Path:
    """The registry root: the nearest directory at or above start holding the schema."""
    for folder in (start, *start.parents):
        if (folder / schema.SCHEMA_PATH).is_file():
            return folder
    raise UsageError(f"no {schema.SCHEMA_PATH} in {start} or above; run inside the registry or pass --root")


def display(root: Path, file: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def trial_files(root: Path) -> list[Path]:
    folder = root / TRIALS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


@dataclass
class Result:
    files: int = 0
    records: list[load.Record] = field(default_factory=list)  # records that passed every one-record check
    problems: list[Problem] = field(default_factory=list)
    unindexed_ids: set[str] = field(default_factory=set)  # trial files that exist but failed to load
    cited: set[str] = field(default_factory=set)  # source files cited by any record that loaded


def validate(root: Path, files: list[Path]) -> Result:
    """Load, schema-check and rule-check each file on its own."""
    validator = schema.make_validator(schema.load_schema(root))
    result = Result(files=len(files))
    for file in files:
        shown = display(root, file)
        if file.parent.resolve() == (root / TRIALS_DIR).resolve() and not _TRIAL_FILE.match(file.name):
            result.problems.append(Problem(shown, 0, 0, "E101", f"{file.name} is not a trial file name; name it NCTxxxxxxxx.yaml after its nct_id"))
            continue
        record, problems = load.load(file, shown)
        if record is None:
            result.problems.extend(problems)
            result.unindexed_ids.add(file.stem)
            continue
        result.cited.update(_citations(record.data))
        problems = schema.check(record, validator)
        if not problems:
            problems = rules.check(record, root, file.stem)
        if not problems:
            problems = evidence.check(record, validator.schema, root)
        result.problems.extend(problems)
        if problems:
            result.unindexed_ids.add(file.stem)
        else:
            result.records.append(record)
    return result


def _citations(data: dict) -> set[str]:
    sources = data.get("curation", {}).get("sources", []) if isinstance(data.get("curation"), dict) else []
    return {s["file"] for s in sources if isinstance(s, dict) and isinstance(s.get("file"), str)} if isinstance(sources, list) else set()


def seed_files(root: Path) -> list[str]:
    """The source documents under seeds/ (the manifest and dot files are not sources)."""
    folder = root / SEEDS_DIR
    if not folder.is_dir():
        return []
    return sorted(f"{SEEDS_DIR}/{p.name}" for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.name != "SHA256SUMS")


def cross_check(root: Path, result: Result) -> list[Problem]:
    uncited = [s for s in seed_files(root) if s not in result.cited]
    return refs.check([refs.entry(r) for r in result.records], result.unindexed_ids, uncited)


def csv_text(result: Result) -> str:
    return export.render([r.data for r in result.records])
