"""Importing: `trials import ctgov FILE.json` as one transaction, all or nothing.

An import adds a source document under seeds/, its line in seeds/SHA256SUMS and a record per study
under trials/ (or changes records, with --update), and then trials.csv and datapackage.json follow.
Written one after the other in place, an import whose record failed the check (an impossible date,
a missing status) left it all behind and exited 1, and one killed or out of disk left a truncated
seed that no re-run could recover from (E306/E307 for ever).

So the import is first carried out on a stage: a copy of the registry in a hidden folder at its
root (schema/, seeds/ and trials/ hard-linked where the file system allows, else copied; a changed
file is written there anew, never through a link to the real one), checked as `trials check`
checks. Nothing is written unless the registry with the import passes. Then the files move into
the registry, each one atomically (a temporary file beside it, then os.replace; the seed made
read-only first), in an order such that an interruption anywhere leaves either the old state or one
the same import, run again, completes:

  1. the seed: a re-run finds a file with the same bytes under seeds/ and reuses it;
  2. the manifest, rewritten whole with the new line: a re-run finds the line and adds none;
  3. the records: a re-run finds a record identical to the one it would write and keeps it (with
     --update, a record that already cites the new JSON has no changes left to apply);
  4. trials.csv and datapackage.json, as the staged check generated them.

A file at the seed's name that an earlier, interrupted write left (its bytes the start of the
JSON's, and not listed in the manifest with another hash) is replaced, not worked around.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from sle_trials import command, files
from sle_trials.checks import load, sources
from sle_trials.checks import schema as schema_mod
from sle_trials.curate import ctgov, update
from sle_trials.curate.ctgov import scope
from sle_trials.engine import pipeline
from sle_trials.outputs import export, generate, report
from sle_trials.paths import FOLDERS, SEEDS_DIR, TRIALS_DIR
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import in_scope

GENERATED_LIMIT = 1 << 30  # trials.csv at 250,000 records is ~150 MB


class Failed(Exception):
    """The import cannot be carried out: exit 1, nothing written."""


@dataclass
class Change:
    """A file the import writes: its path from the root, its bytes before (None: new) and after."""

    path: str
    old: bytes | None
    new: bytes
    done: str  # what is printed once it is written
    seed: bool = False  # a source document: written read-only


# --- the seed and its manifest line ---------------------------------------------------------------


def seed_name(studies: list[dict], digest: str) -> str:
    """seeds/ctgov_<NCT id>_<last update>.json for a study, seeds/ctgov_page_<hash>.json for a page."""
    if len(studies) == 1:
        date = ctgov.as_of(studies[0]) or "undated"
        return f"ctgov_{ctgov.nct_id(studies[0])}_{date}.json"
    return f"ctgov_page_{digest[:12]}.json"


def _same_bytes(folder: Path, raw: bytes, digest: str) -> str | None:
    """The name of a source document under folder holding exactly these bytes, if any."""
    if not folder.is_dir():
        return None
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith(".") or entry.name == sources.MANIFEST or not entry.is_file(follow_symlinks=False):
            continue
        if entry.stat(follow_symlinks=False).st_size == len(raw):
            try:
                if hashlib.sha256(files.read_bytes(entry.path, files.MAX_SOURCE_BYTES)).hexdigest() == digest:
                    return entry.name
            except files.Refused:
                continue
    return None


def _leftover(file: Path, raw: bytes) -> bool:
    """Whether file is what an interrupted write of raw left: a regular file holding the start of raw."""
    try:
        held = files.read_bytes(file, len(raw))
    except files.Refused:
        return False
    return len(held) < len(raw) and raw.startswith(held)


class Seed(NamedTuple):
    source: str  # the path under seeds/ the records cite
    changes: list[Change]  # the seed and manifest changes that put the JSON there (none when it is there)


def seed_changes(root: Path, raw: bytes, studies: list[dict], file_name: str) -> Seed:
    """Where the JSON's bytes go under seeds/ (or already are), and what writing them there changes."""
    digest = hashlib.sha256(raw).hexdigest()
    folder = root / SEEDS_DIR
    entries, _ = sources.read(root)  # a malformed manifest: the staged check reports it
    listed = {e.name: e.digest for e in entries}
    changes: list[Change] = []
    name = _same_bytes(folder, raw, digest)
    if name is None:
        first = seed_name(studies, digest)
        for candidate in (first, first.removesuffix(".json") + f"_{digest[:8]}.json"):
            target, vouched = folder / candidate, listed.get(candidate, digest) == digest
            if not os.path.lexists(target) and vouched:  # free (or listed with these very bytes: a restore)
                name, old = candidate, None
                break
            if vouched and _leftover(target, raw):
                name, old = candidate, files.read_bytes(target, len(raw))
                break
        else:
            raise Failed(
                f"{SEEDS_DIR}/{first} and its alternative name exist with other content; "
                f"{file_name} cannot be placed under {SEEDS_DIR}/"
            )
        note = f" (it replaces the {len(old):,} bytes an interrupted import left)" if old is not None else ""
        changes.append(
            Change(
                f"{SEEDS_DIR}/{name}",
                old,
                raw,
                f"{SEEDS_DIR}/{name}: written, {file_name} as received, read-only{note}",
                seed=True,
            )
        )
    if listed.get(name) != digest:
        manifest = folder / sources.MANIFEST
        try:
            before = files.read_bytes(manifest, sources.MANIFEST_LIMIT)
        except files.Refused:
            if os.path.lexists(manifest):
                raise Failed(f"{sources.MANIFEST_PATH} cannot be read") from None
            before = b""
        after = before + (b"\n" if before and not before.endswith(b"\n") else b"") + f"{digest}  {name}\n".encode()
        changes.append(Change(sources.MANIFEST_PATH, before, after, f"{sources.MANIFEST_PATH}: written, {name} added"))
    return Seed(f"{SEEDS_DIR}/{name}", changes)


# --- the records ----------------------------------------------------------------------------------


def _current(file: Path, limit: int) -> bytes | None:
    """A file's bytes, None when there is none; Failed when it is there but not a regular file."""
    if not os.path.lexists(file):
        return None
    try:
        return files.read_bytes(file, limit)
    except files.Refused as exc:
        raise Failed(f"{files.shown(file.name)}: {exc}") from None


def record_changes(
    root: Path,
    studies: list[dict],
    source: str,
    schema: dict,
    update_existing: bool,
    decide: dict[str, str],
    out: TextIO,
    err: TextIO,
    dry_run: bool,
    out_of_scope: str | None = None,
) -> list[Change]:
    """The record of each study: new, or (--update) the existing one merged with what the registry
    changed (update.merge). Failed on a conflict, after listing every one; Failed for a new study
    out of the registry's scope (scope_reasons), unless out_of_scope says why it belongs."""
    changes = []
    conflicts: list[str] = []
    decided: set[str] = set()
    drafts = [ctgov.to_record(study, source, schema) for study in studies]  # BadInput for a study that cannot be one
    outside = {} if update_existing else scope_reasons(root, studies, [d.data for d in drafts], out_of_scope, err)
    # each as written: its longest fields left out, noted, when too large for a record's file
    drafts = [
        ctgov.fitted(study, source, schema, outside.get(ctgov.nct_id(study)), draft)
        for study, draft in zip(studies, drafts, strict=True)
    ]
    for draft in drafts:
        shown = f"{TRIALS_DIR.as_posix()}/{draft.data['nct_id']}.yaml"
        old = _current(root / shown, load.MAX_BYTES)
        if update_existing:
            assert old is not None  # run() made sure
            try:
                text = old.decode("utf-8")
            except UnicodeDecodeError:
                raise Failed(f"{shown} is not UTF-8 text; fix it first") from None
            result = update.merge(root, text, shown, draft, schema, decide, out_of_scope)
            decided |= result.decided
            for warning in result.warnings:
                print(f"{shown}: warning: {warning}", file=err)
            conflicts += [f"{shown}: conflict in {c}" for c in result.conflicts]
            if result.conflicts:
                continue
            if result.text is None:
                print(f"{shown}: no changes", file=out)
                continue
            print(
                f"{shown}: " + ("; ".join(result.changes) if result.changes else "evidence and sources only"), file=out
            )
            changes.append(Change(shown, old, result.text.encode("utf-8"), f"{shown}: written"))
            continue
        new = draft.text.encode("utf-8")  # as fitted() rendered it to measure it
        if old == new:  # what an interrupted run of this import wrote: kept
            print(f"{shown}: already written from {source}", file=out)
            continue
        if old is not None:
            raise pipeline.UsageError(
                f"{shown} exists; use --update to apply the registry's changes to it, or remove it first"
            )
        if dry_run:
            print(f"{shown}: would be written from {source}", file=out)
        changes.append(Change(shown, None, new, f"{shown}: written from {source}"))
    for name in sorted(set(decide) - decided - {update.ALL}):
        print(
            f"trials import: warning: --{decide[name]} {name}: the registry and the record do not both change {name}; "
            "nothing to decide",
            file=err,
        )
    if conflicts:
        for line in conflicts:
            print(line, file=err)
        raise Failed(
            "the registry changed fields the record changes too (above); decide each with --theirs FIELD "
            "(the registry's value) or --ours FIELD (the record's), FIELD `all` for every one"
        )
    return changes


def decisions(theirs: list[str], ours: list[str]) -> dict[str, str]:
    """--theirs/--ours FIELD as field -> side; UsageError for a field no update merges or named twice."""
    known = set(update.field_names()) | {update.ALL}
    unknown = sorted(set(theirs + ours) - known)
    if unknown:
        raise pipeline.UsageError(
            f"--theirs/--ours: {', '.join(unknown)} is not a field an update merges; "
            f"one of: {', '.join(update.field_names())}, or {update.ALL}"
        )
    both = sorted(set(theirs) & set(ours))
    if both:
        raise pipeline.UsageError(f"--theirs and --ours both name {', '.join(both)}")
    return {**{name: "theirs" for name in theirs}, **{name: "ours" for name in ours}}


# --- the stage, its check, and the move into place ------------------------------------------------


def _copy_in(source: str, target: Path) -> None:
    try:
        os.link(source, target, follow_symlinks=False)  # the same file, not a copy: a stage at 250,000 records is cheap
    except OSError:  # another file system, or links not allowed
        with open(target, "xb") as out:
            out.write(files.read_bytes(source, files.MAX_SOURCE_BYTES))


def plain_folders(root: Path) -> None:
    """Failed unless schema/, seeds/ and trials/ are folders, not links: nothing is read or written
    through a link that could point outside the registry."""
    for name in FOLDERS:
        if os.path.lexists(root / name) and not stat.S_ISDIR(os.lstat(root / name).st_mode):
            raise Failed(f"{name} is not a folder (a link?); the registry holds plain folders and files")


@contextmanager
def stage(root: Path, written: Iterable[str] = ()) -> Iterator[Path]:
    """A copy of the registry's checked folders in a fresh hidden folder at its root, removed after.
    Every entry is copied, dot files too (the check reports them: E101, E307), but the temporary
    files an earlier, killed import left beside a file this one writes (written: their paths), which
    the commit takes away before it writes that file."""
    plain_folders(root)
    gone = {(Path(path).parent.as_posix(), Path(path).name) for path in written}
    folder = Path(tempfile.mkdtemp(prefix=".trials-import-", dir=root))
    try:
        for name in FOLDERS:
            if not os.path.lexists(root / name):
                continue
            os.mkdir(folder / name)
            for entry in os.scandir(root / name):
                if any(name == folder_name and _leftover_of(entry.name, target) for folder_name, target in gone):
                    continue
                if not entry.is_file(follow_symlinks=False):
                    raise Failed(f"{name}/{files.shown(entry.name)} is not a regular file; the check would refuse it")
                _copy_in(entry.path, folder / name / entry.name)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _put(stage_root: Path, change: Change) -> None:
    """A changed file into the stage: the linked file removed first, never written through."""
    target = stage_root / change.path
    if os.path.lexists(target):
        os.unlink(target)
    with open(target, "xb") as out:
        out.write(change.new)


def _write_seed(target: Path, data: bytes) -> None:
    """A source document, atomically and read-only (it is never edited)."""
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o444)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _remove_leftovers(target: Path) -> None:
    """The temporary files an import killed while writing target left beside it (".NAME.xxxx.tmp",
    as export.write_atomic and _write_seed name them): under seeds/ and trials/ every file is an
    input, so a re-run takes them away before it writes target again."""
    if not target.parent.is_dir():
        return
    for entry in os.scandir(target.parent):
        if _leftover_of(entry.name, target.name) and entry.is_file(follow_symlinks=False):
            os.unlink(entry.path)


def _leftover_of(entry: str, target: str) -> bool:
    """Whether a file named entry is a temporary file left by a write of target (".TARGET.xxxx.tmp")."""
    return entry.startswith(f".{target}.") and entry.endswith(".tmp")


def commit(root: Path, changes: list[Change], out: TextIO) -> None:
    """Move the changes into the registry, in their order, each file atomically."""
    for change in changes:
        target = root / change.path
        target.parent.mkdir(exist_ok=True)
        _remove_leftovers(target)
        if change.seed:
            _write_seed(target, change.new)
        else:
            export.write_atomic(target, change.new)
        print(change.done, file=out)


def unified(change: Change) -> str:
    """What a change writes, as a unified diff (a seed: its size and hash)."""
    if change.seed:
        replaced = (
            f", replacing the {len(change.old):,} bytes an interrupted import left" if change.old is not None else ""
        )
        return (
            f"{change.path}: would be written, {len(change.new):,} bytes, sha256 "
            f"{hashlib.sha256(change.new).hexdigest()}{replaced}\n"
        )
    old = [] if change.old is None else change.old.decode("utf-8", errors="replace").splitlines(keepends=True)
    new = change.new.decode("utf-8", errors="replace").splitlines(keepends=True)
    lines = difflib.unified_diff(
        old, new, "/dev/null" if change.old is None else f"a/{change.path}", f"b/{change.path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def scope_reasons(
    root: Path, studies: list[dict], records: list[dict], out_of_scope: str | None, err: TextIO
) -> dict[str, str]:
    """The studies a new import would add that are out of the registry's scope (scope.py), read on the
    records they become (records, one per study), each with the curator's reason to hold it; Failed,
    naming each, when the curator gave none. A study that already has a record is the curator's
    already."""
    outside: dict[str, str] = {}
    refused: list[str] = []
    for study, record in zip(studies, records, strict=True):
        nct = ctgov.nct_id(study)
        if os.path.lexists(root / TRIALS_DIR / f"{nct}.yaml"):
            continue
        found = scope.of_study(study, record)
        if found.inside:
            if out_of_scope is not None:
                print(
                    f"trials import: warning: {nct} is in scope (its conditions or interventions show lupus or a "
                    "cell therapy); --out-of-scope is not recorded for it",
                    file=err,
                )
            continue
        if out_of_scope is None:
            refused.append(f"{nct}: {found.why_not()}")
        else:
            outside[nct] = out_of_scope
    if refused:
        for line in refused:
            print(f"trials import: {line}", file=err)
        raise Failed(
            "the registry is for CAR-T and related cell therapies in lupus; to import such a study anyway, "
            "say why it belongs: --out-of-scope REASON (kept in the record as curation.out_of_scope)"
        )
    return outside


_NAMED = lazy(r"NCT[0-9]{8}")


def _undated(studies: list[dict]) -> None:
    """BadInput naming every study of a page with no as-of date (a `fields` query's answer holds
    parts of studies), not only the first: each needs importing whole (record.py says so of one)."""
    undated = [ctgov.nct_id(study) for study in studies if ctgov.as_of(study) is None]
    if len(undated) > 1:
        shown = ", ".join(undated[:10]) + (f" and {len(undated) - 10} more" if len(undated) > 10 else "")
        raise ctgov.BadInput(
            f"{len(undated)} of its {len(studies)} studies ({shown}) have no statusModule.lastUpdatePostDateStruct"
            ".date: parts of studies, as a `fields` query gives them; the source's as-of date must be known: "
            f"import each whole study as the API gives it ({command.run('import', 'ctgov', 'NCT…')})"
        )


def _name_remark(name: str, studies: list[dict], err: TextIO) -> None:
    """A file (or fetched id) that names one study and holds another is imported under the id inside
    it, with a warning: the curator may have saved or asked for the wrong study."""
    named = sorted(set(_NAMED.findall(name)))
    held = [ctgov.nct_id(study) for study in studies]
    if len(named) == 1 and len(held) == 1 and named[0] != held[0]:
        print(
            f"trials import: warning: {files.shown(name)} names {named[0]} but holds study {held[0]}; "
            f"it is imported as {held[0]}",
            file=err,
        )


def fetch_extra(module: str) -> Any:
    """A module that needs the `fetch` extra (requests, urllib3, tqdm), imported; or UsageError saying
    how to install it: `trials check` needs no network, so the tool installs without them."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise pipeline.UsageError(
            f"fetching from ClinicalTrials.gov needs the `fetch` extra ({exc.name} is not installed): "
            ".venv/bin/pip install -e '.[fetch]' (make check installs it); or import a saved "
            "FILE.json"
        ) from None


def fetcher() -> Any:
    """The fetch module (requests), or UsageError saying how to install it."""
    return fetch_extra("sle_trials.curate.ctgov.fetch")


@dataclass(frozen=True)
class Options:
    """How `trials import ctgov` imports: the command line's options, passed whole from run_each to
    run and run_raw (and by `trials drift --apply`)."""

    update_existing: bool = False  # --update: the record exists; its curated fields are kept
    dry_run: bool = False  # --dry-run: print the changes, write nothing
    fmt_name: str = "text"  # how problems are printed (--format)
    theirs: tuple[str, ...] = ()  # --theirs FIELD: conflicts of an --update decided for the registry
    ours: tuple[str, ...] = ()  # --ours FIELD: ... for the record
    out_of_scope: str | None = None  # --out-of-scope REASON: import a study the scope check refuses
    use_cache: bool = True  # --no-cache: the stage's check reads no verdict from the registry's cache


def run_each(
    root: Path,
    targets: list[str],
    options: Options,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """`trials import ctgov NCT…|FILE.json …`: each target an NCT id (fetched from the API v2) or a
    saved response, imported in turn, each all or nothing; the worst exit status. A study the
    registry does not know, or an API that cannot be reached, is exit status 1, nothing written."""
    err = err or sys.stderr
    worst = 0
    settings = None
    for target in targets:
        path = Path(target)
        if _NAMED.fullmatch(target) and not path.exists():
            fetch = fetcher()
            if settings is None:
                try:
                    settings = fetch.Settings.from_env()
                except ValueError as exc:
                    raise pipeline.UsageError(str(exc)) from None
            url = settings.study_url(target)
            if err.isatty():  # an answer may take a while: say what is awaited (not into a log)
                print(f"trials import: fetching {url}", file=err, flush=True)
            try:
                with fetch.Client(
                    settings, say=lambda line, url=url: print(f"trials import: {url}: {line}", file=err)
                ) as client:
                    raw = client.study(target, update=options.update_existing)
            except (fetch.NotFound, fetch.Unreachable) as exc:
                print(f"trials import: {exc}; nothing written", file=err)
                worst = max(worst, 1)
                continue
            status = run_raw(
                root,
                raw,
                f"{target} ({url})",
                options,
                out=out,
                err=err,
                saved=False,
            )
        else:
            meant = ctgov.meant_id(target)
            if meant is not None and not os.path.lexists(path):
                raise pipeline.UsageError(f"{files.shown(target)}: no such file, and no NCT id as written: {meant}")
            status = run(
                root,
                path,
                options,
                out=out,
                err=err,
            )
        worst = max(worst, status)
    return worst


# What to do when an update's new JSON no longer states what a curated value quotes (a threshold whose
# criterion the registry reworded, E513): the record cannot cite the new JSON before the update, so the
# value cannot be fixed first. Taken out and listed as not yet curated, it no longer holds the update.
# Advice for that problem alone: said of any E5xx, it told a curator whose update left a name out of
# place (E512) to list eligibility.thresholds as not yet curated.
# (E534 where the quote stands in the older JSON the record cites: its criterion, as the newer one
# states it, holds it no longer; E513 where it stands nowhere the record's criterion is)
STALE_QUOTE_CODES = frozenset({"E513", "E534"})
STALE_QUOTES = (
    "; a curated value whose quote the new JSON no longer states (a threshold of a reworded criterion) "
    "cannot be kept by the update: take it out of the record with its evidence, list its field under "
    "curation.not_yet_curated (eligibility.thresholds), run the update again, then curate it again from "
    "the new source"
)


def _failed(root: Path, problems: list[Problem], use_cache: bool, written: set[str]) -> str:
    """Why the import stops, its stage having problems: the registry's own where it has them without
    the import (checked as `trials check` checks it: its cache serves it), which the import did not
    make. An import into a registry with a broken record said "with this import the registry would
    have the problems above", and blamed the study for them. A problem of a record the import
    writes (written) is placed in that record as the import would write it, which is not on disk:
    said so, with how to see it (an update's lines were looked for in the record as it was)."""
    before = set(generate.build(root, use_cache=use_cache).problems)
    own = [p for p in problems if p not in before]
    if not own:
        return (
            f"the registry has the problems above without this import; fix them first ({command.run('check')} "
            "lists them), then import again"
        )
    had = len(problems) - len(own)
    lines = (
        "; their lines are those of the record as the import would write it (--dry-run shows it)"
        if any(p.path in written and p.line for p in own)
        else ""
    )
    return (
        "with this import the registry would have the problems above"
        + (f" ({had} of them it has without the import)" if had else "")
        + lines
    )


def stale_quotes(problems: Iterable[Problem], updated: set[str]) -> str:
    """STALE_QUOTES where the stage's problems include a curated threshold of a record the update
    rewrote whose quote its criterion no longer states (STALE_QUOTE_CODES); else nothing."""
    return STALE_QUOTES if any(p.path in updated and p.code in STALE_QUOTE_CODES for p in problems) else ""


def run(
    root: Path,
    file: Path,
    options: Options,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Import one saved API response (a file): see run_raw."""
    try:
        raw = files.read_bytes(file, files.MAX_SOURCE_BYTES)
    except files.Refused as exc:
        raise pipeline.UsageError(f"cannot read {file}: {exc}") from None
    return run_raw(
        root,
        raw,
        file.name,
        options,
        out=out,
        err=err,
    )


def run_raw(
    root: Path,
    raw: bytes,
    name: str,
    options: Options,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    saved: bool = True,
) -> int:
    """Import one API response (its bytes, name for messages; saved: a file a curator saved, not an
    answer fetched), all or nothing: 0 done; 1 for bad input, a study out of scope, a conflict or a
    check that fails with the import (nothing written), or an interruption while moving into place
    (what was printed is written; the same import run again completes it); UsageError for a wrong mode."""
    out, err = out or sys.stdout, err or sys.stderr
    update_existing, dry_run, fmt_name, out_of_scope = (
        options.update_existing,
        options.dry_run,
        options.fmt_name,
        options.out_of_scope,
    )
    decide = decisions(list(options.theirs), list(options.ours))
    if decide and not update_existing:
        raise pipeline.UsageError("--theirs and --ours decide the conflicts of an --update")
    if out_of_scope is not None and not in_scope.is_reason(out_of_scope):
        raise pipeline.UsageError(
            "--out-of-scope REASON: the reason, in your words, on one line, for a new import or an --update "
            "that leaves a record out of scope (an --update otherwise keeps what the record says)"
        )
    try:
        plain_folders(root)
        studies = ctgov.read_studies(raw, name, saved=saved)
        _undated(studies)
        _name_remark(name, studies, err)
        paged = ctgov.page_remark(raw, files.shown(name))
        if paged:
            print(f"trials import: warning: {paged}", file=err)
        for study in studies:
            shown = f"{TRIALS_DIR.as_posix()}/{ctgov.nct_id(study)}.yaml"
            if update_existing and not os.path.lexists(root / shown):
                raise pipeline.UsageError(
                    f"--update: there is no {shown} to update (unknown id {ctgov.nct_id(study)}); "
                    "import it without --update"
                )
        schema = schema_mod.load_schema(root)
        source, seed = seed_changes(root, raw, studies, name)
        records = record_changes(
            root,
            studies,
            source,
            schema,
            update_existing,
            decide,
            out,
            err,
            dry_run,
            out_of_scope and out_of_scope.strip(),
        )
        if not records:  # nothing to import (again): the generated files are brought up to date as `trials csv` does
            return 0 if dry_run else generate.write(root, fmt=fmt_name, use_cache=options.use_cache)
        changes = seed + records
        with stage(root, (change.path for change in changes)) as staged:
            for change in changes:
                _put(staged, change)
            # `trials check`'s checks, on the stage; the registry's cache serves the files the
            # import left as they were (a full check of 2,000 records took 33 s an import)
            state = generate.build(staged, use_cache=options.use_cache, cache_of=root)
        if state.outputs is None:
            report.render(state.problems, fmt_name, out, files=state.result.files)
            updated = {change.path for change in records} if update_existing else set()
            written = {change.path for change in records}
            raise Failed(
                _failed(root, state.problems, options.use_cache, written) + stale_quotes(state.problems, updated)
            )
        for path, data in state.outputs.items():
            current = _current(root / path, GENERATED_LIMIT)
            if current != data:
                changes.append(Change(path.as_posix(), current, data, f"{path.as_posix()}: written"))
    except (ctgov.BadInput, Failed) as exc:  # a study's problem names the study; the file is named too
        said = str(exc)
        print(f"trials import: {said if said.startswith(name) else f'{name}: {said}'}; nothing written", file=err)
        return 1
    except OSError as exc:
        print(f"trials import: {exc.strerror or exc}; nothing written", file=err)
        return 1
    if dry_run:
        for change in changes:
            out.write(unified(change))
        return 0
    try:
        commit(root, changes, out)
    except OSError as exc:
        print(
            f"trials import: stopped: {exc.strerror or exc}; what was written above stands and the rest is not; "
            "run the same import again to finish it",
            file=err,
        )
        return 1
    return 0
