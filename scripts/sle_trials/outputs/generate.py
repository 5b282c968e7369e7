"""The files generated from the records: trials.csv and datapackage.json (committed, written together
by `trials csv`, compared by `trials check`) and the JSON export (`trials export json`, on demand).

One public home for what several commands need: `trials csv`, `check`, `new` and `import` (which
checks a staged registry with its import), and the merge driver of trials.csv (which checks the merged
records) all build the generated files with build(); none of them reaches into another's code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sle_trials import command, files, paths
from sle_trials.checks import load
from sle_trials.engine import pipeline
from sle_trials.outputs import export, package, report, target
from sle_trials.problem import Problem

# What `trials csv` writes (and `csv --check` and `check` compare), in this order: the committed
# generated files. The JSON export is not one of them: `trials export json` writes it on demand.
GENERATED = f"{paths.CSV_PATH} and {paths.DATAPACKAGE_PATH}"


@dataclass
class Generated:
    """A whole registry checked, and what it generates."""

    result: pipeline.Result  # the records checked one by one
    problems: list[Problem]  # every problem: each record's own, then those across records
    outputs: dict[Path, bytes] | None  # each committed generated file's bytes; None while there are problems


def _check_all(root: Path, *, use_cache: bool, cache_of: Path | None = None) -> Generated:
    """The registry at root checked as `trials check` checks it: every record alone (every source
    read), then across records; nothing generated yet. The one place build() and checked() check."""
    result = pipeline.validate(
        root, pipeline.trial_paths(root), use_cache=use_cache, every_source=True, cache_of=cache_of
    )
    return Generated(result, result.problems + pipeline.cross_check(root, result), None)


def build(root: Path, *, use_cache: bool = True, cache_of: Path | None = None) -> Generated:
    """Check the registry at root as `trials check` does and, when nothing is wrong, generate
    trials.csv and datapackage.json (written together, checked together: package.outputs) from the
    records' summaries alone: no record is loaded again. cache_of: see pipeline.validate."""
    state = _check_all(root, use_cache=use_cache, cache_of=cache_of)
    if state.problems:
        return state
    result = state.result
    sources = [(s.nct_id, s.sources) for s in result.summaries]
    return Generated(
        result, state.problems, package.outputs(sources, paths.load_schema(root), csv=pipeline.csv_bytes(result))
    )


def _current(path: Path, limit: int) -> bytes | None:
    """A committed generated file's bytes as they are (CRLF must read as stale), through the guard:
    a link, a pipe or a file larger than what the records generate is stale, and never read."""
    try:
        return files.read_bytes(path, limit)
    except files.Refused:
        return None


def stale(root: Path, outputs: dict[Path, bytes]) -> list[Path]:
    """The generated files under root whose bytes are not what the records generate."""
    return [path for path, data in outputs.items() if _current(root / path, len(data)) != data]


def check(root: Path, *, fmt: str, use_cache: bool = True, out: TextIO | None = None) -> int:
    """`trials check`: every problem of the registry, the stale generated files among them. Exit status 1 on any."""
    state = build(root, use_cache=use_cache)
    problems = state.problems
    if state.outputs is not None:
        problems += [export.stale(p) for p in stale(root, state.outputs)]
    report.render(problems, fmt, out or sys.stdout, files=state.result.files)
    return 1 if problems else 0


def write(
    root: Path,
    *,
    fmt: str,
    check_only: bool = False,
    use_cache: bool = True,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """`trials csv`: bring the generated files up to date, each atomically; nothing at all is
    written while any record has a problem (those are reported, exit status 1). With check_only
    (`csv --check`), report the stale files instead of writing them."""
    out, err = out or sys.stdout, err or sys.stderr
    state = build(root, use_cache=use_cache)
    if state.outputs is None:
        report.render(state.problems, fmt, out, files=state.result.files)
        print(f"{GENERATED} not written: fix the problems above first", file=err)
        return 1
    outdated = stale(root, state.outputs)
    if check_only:
        problems = [export.stale(p) for p in outdated]
        report.render(problems, fmt, out, files=state.result.files)
        return 1 if problems else 0
    count = len(state.result.summaries)
    if not outdated:
        print(f"{GENERATED} are up to date ({count} trials)", file=err)
    # a folder in a generated file's place cannot be replaced by it: said before anything is written, so
    # that trials.csv is not brought up to date without its data package (a link is replaced, not followed)
    folders = [path.as_posix() for path in outdated if (root / path).is_dir() and not (root / path).is_symlink()]
    if folders:
        raise pipeline.UsageError(f"cannot write {', '.join(folders)}: a folder is there; remove it, then run again")
    for path in outdated:
        export.write_atomic(root / path, state.outputs[path])
        print(f"{path} written ({count} trials)", file=err)
    if outdated:
        them = "it" if len(outdated) == 1 else "them"
        print(f"to commit {them} with the records: {command.staged(root, *(p.as_posix() for p in outdated))}", file=err)
    return 0


# --- the JSON export ------------------------------------------------------------------------------


class Changed(Exception):
    """A record file changed or vanished between the check and the export."""


def full_records(root: Path, summaries: list[pipeline.Summary]) -> Iterator[load.Record]:
    """The valid records in full, sorted by nct_id, loaded one at a time (never all at once)."""
    for summary in sorted(summaries, key=lambda s: s.nct_id):
        record, _ = load.load(root / summary.path, summary.path)
        if record is None or record.data.get("nct_id") != summary.nct_id:
            raise Changed(f"{summary.path} changed while it was exported")
        yield record


def checked(
    root: Path, shown: str, *, fmt: str, use_cache: bool = True, out: TextIO | None = None
) -> pipeline.Result | None:
    """The registry checked as `trials csv` checks it (every record alone, then across records),
    for a command that builds something from the records: the result when nothing is wrong; else
    the problems reported, a line saying that `shown` was not written, and None."""
    state = _check_all(root, use_cache=use_cache)
    if not state.problems:
        return state.result
    report.render(state.problems, fmt, out or sys.stdout, files=state.result.files)
    print(f"{shown} not written: fix the problems above first", file=sys.stderr)
    return None


def _stream(chunks: Iterator[str]) -> None:
    """The chunks to standard output as UTF-8 bytes, whatever the terminal's encoding: the same bytes as the file."""
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    for chunk in chunks:
        if binary is None:
            sys.stdout.write(chunk)
        else:
            binary.write(chunk.encode("utf-8"))
    (sys.stdout if binary is None else binary).flush()


def is_json_export(path: Path) -> bool:
    """Whether the file at path starts as `trials export json` writes it (package.JSON_SIGNATURE)."""
    return files.head(path, len(package.JSON_SIGNATURE)) == package.JSON_SIGNATURE


def export_json(root: Path, output: str | None, *, fmt: str, use_cache: bool = True, force: bool = False) -> int:
    """`trials export json`: every valid record in full as one JSON document (package.json_chunks),
    streamed to output (default: trials.json at the root; -: standard output). Nothing is written
    while any record or reference has a problem (exit status 1); a file there is replaced only when
    it is a JSON export, or with force (target.check_file)."""
    to_stdout = output == "-"
    path = None if to_stdout else Path(output) if output else root / package.JSON_PATH
    if path is not None:
        target.check_file(root, path, ours=is_json_export, what="a JSON export of the registry", force=force)
    shown = "the JSON export" if path is None else pipeline.display(root, path)
    result = checked(root, shown, fmt=fmt, use_cache=use_cache, out=sys.stderr if to_stdout else sys.stdout)
    if result is None:
        return 1
    chunks = package.json_chunks(record.data for record in full_records(root, result.summaries))
    try:
        if path is None:
            _stream(chunks)
        else:
            export.write_atomic_stream(path, chunks)
    except Changed as exc:
        print(
            f"trials: {exc}; {shown} "
            + ("is incomplete" if path is None else "not written")
            + ", run the command again",
            file=sys.stderr,
        )
        return 1
    print(f"{shown} written ({len(result.summaries)} trials)", file=sys.stderr)
    return 0


def export_xlsx(root: Path, output: str | None, *, fmt: str, use_cache: bool = True, force: bool = False) -> int:
    """`trials export xlsx`: trials.csv as a workbook with typed cells and a sheet describing the
    columns (xlsx.py), written to output (default: trials.xlsx at the root). Nothing is written while
    any record or reference has a problem (exit status 1); a file there is replaced only when it is
    a workbook of this command, or with force (target.check_file)."""
    from sle_trials.outputs import xlsx  # openpyxl is loaded only by this command

    if output == "-":
        raise pipeline.UsageError("cannot write a workbook to standard output: give --output PATH")
    path = Path(output) if output else root / xlsx.XLSX_PATH
    target.check_file(root, path, ours=xlsx.is_workbook, what="a workbook `trials export xlsx` wrote", force=force)
    shown = pipeline.display(root, path)
    generated = build(root, use_cache=use_cache)
    if generated.outputs is None:
        report.render(generated.problems, fmt, sys.stdout, files=generated.result.files)
        print(f"{shown} not written: fix the problems above first", file=sys.stderr)
        return 1
    descriptors = json.loads(generated.outputs[paths.DATAPACKAGE_PATH])["resources"][0]["schema"]["fields"]
    try:
        workbook = xlsx.workbook_bytes(generated.outputs[paths.CSV_PATH].decode("utf-8"), descriptors)
    except xlsx.MissingDependency as exc:
        print(f"trials: {exc}", file=sys.stderr)
        return 2
    export.write_atomic(path, workbook)
    print(f"{shown} written ({len(generated.result.summaries)} trials)", file=sys.stderr)
    return 0
