"""Diff: what changed in the trial data between two git revisions, field by field, for a reviewer.

    trials diff [BASE] [HEAD] [--format text|markdown|json]

BASE defaults to where the branch left origin/main (`git merge-base origin/main HEAD`) when the
clone has origin/main, else to HEAD~1. HEAD defaults to the working tree (committed or not); give a
revision to compare two commits. Records are read with the strict loader; a change is reported per
field ("overall_status RECRUITING → COMPLETED", "enrollment added: 24"), long text as "reworded",
criteria lists as counts ("1 inclusion criterion reworded"), other lists by item (changes.py).
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NamedTuple, TextIO

from sle_trials import command, files
from sle_trials.checks import load, sources
from sle_trials.curate import copies
from sle_trials.curate.changes import Change, describe, markdown_code, markdown_text, phrase, plural, same, unmasked
from sle_trials.engine import pipeline
from sle_trials.files import printable
from sle_trials.git import plumbing
from sle_trials.git.documentation_run import documentation_run_in
from sle_trials.paths import GENERATED_PATHS, SCHEMA_PATH, SEEDS_DIR, TRIALS_DIR, documentation
from sle_trials.patterns import lazy

FORMATS = ("text", "markdown", "json")
# What a changed file is besides the data. Every file of the repository but the records, the sources,
# their manifest, the schema and documentation (paths.INERT) is the checker's: CI runs `make test` (the tests, their
# conftest.py, any module at the top that `python -m pytest` imports first) before `trials check`, and
# the hooks, the Makefile, .gitattributes (what a checkout writes, what GitHub shows) and CI's own
# files decide what runs. A list of the checker's folders missed whatever it did not list (tests/
# ran the pull request's code in CI unnamed), so the list is of what cannot run: documentation (no
# test runs a document's text: tests/doc_snippets.py), and the generated files `trials check` compares
# with the records (E401). Those are named too. A licence is LICENSE or LICENSE.txt, never LICENSE
# with any suffix: GitHub runs every .github/workflows/*.yml whatever its name, and LICENSE.yml there
# (a workflow run on every push to main, with the repository's secrets) was "documentation".
GENERATED = tuple(p.as_posix() for p in GENERATED_PATHS)  # from the registry's root
MARKDOWN_LIMIT = 900_000  # bytes of a job summary's records: GitHub drops a step's summary over 1 MiB whole
# bytes of the lines naming copies (curate/copies.py) in a job summary: 150 copies of ten changes each
# in characters the escaping lengthens most made the summary 1.2 MB, and GitHub showed none of it
COPIES_LIMIT = 200_000
MAX_PATHS = 100  # paths named in one line; beyond, their number (a line of 100,000 paths would fill the summary)
MAX_LISTED = 20_000  # characters of paths in one line (git allows a path of 4 KiB)
_TRIAL = lazy(r"NCT[0-9]{8}\.yaml\Z")
_NAMED = lazy(rb"NCT[0-9]{8}")  # a trial an added source names, whose record's sources it may copy
MAX_NAMED = 50  # trials named by one added source whose records' sources it is compared with


# --- the versions compared, read through git/plumbing.py ------------------------------------------
#
# Only what changed is read: the paths git lists as changed between the two versions (one process),
# their blobs in one batch (two), and in the work tree the changed files themselves. A registry of
# 2,000 records with one line changed costs as much as a registry of ten.


def _git_error(exc: plumbing.GitError) -> pipeline.UsageError:
    return pipeline.UsageError(f"{exc}; trials diff needs it" if isinstance(exc, plumbing.GitNotFound) else str(exc))


class Revision(NamedTuple):
    name: str  # as given on the command line ("HEAD~1", "main", a commit id)
    oid: str  # the commit's id

    def shown(self, repo: plumbing.Repository) -> str:
        """How the report names it: the name given and its short id."""
        short = repo.short(self.oid)
        return printable(short if re.fullmatch(r"[0-9a-f]{7,40}", self.name) else f"{self.name} ({short})")


def default_base(repo: plumbing.Repository, head: str | None) -> Revision:
    """Where the branch (head, default HEAD) left origin/main when the clone has origin/main, else HEAD~1."""
    main = repo.commit("origin/main")
    if main is not None:
        bases = repo.merge_bases(main, head or _commit(repo, "HEAD"))
        if not bases:
            raise pipeline.UsageError(
                "no BASE given, and the branch shares no history with origin/main; name the revision to compare with"
            )
        if len(bases) > 1:
            # After a criss-cross merge: a diff from one would not show what a merge takes from the others
            # (a checker's module that one of them still had, put back on main; .ci/merge-base).
            raise pipeline.UsageError(
                f"no BASE given, and the branch and origin/main have {len(bases)} best common ancestors"
                f" ({', '.join(bases)}): a diff from one would not show what a merge takes from the others;"
                " merge origin/main into the branch, or name the revision to compare with"
            )
        return Revision(bases[0], bases[0])
    previous = repo.commit("HEAD~1")
    if previous is None:
        raise pipeline.UsageError(
            "no BASE given, and neither origin/main nor HEAD~1 exists; name the revision to compare with"
        )
    return Revision("HEAD~1", previous)


def _commit(repo: plumbing.Repository, rev: str) -> str:
    oid = repo.commit(rev)
    if oid is None:
        raise pipeline.UsageError(f"{rev!r} is not a revision in this repository")
    return oid


@dataclass
class Version:
    """One side of the comparison, for the trial files that may differ from the other side."""

    files: dict[str, bytes] = field(default_factory=dict)  # trial file name -> bytes
    refused: dict[str, str] = field(
        default_factory=dict
    )  # trial file name -> why it was not read (a link, a pipe, ...)


@dataclass
class Changes:
    """What may differ between two versions: their trial files that git lists as changed, and the
    source documents one has and the other has not."""

    base: Version
    head: Version
    seeds_added: list[str]
    seeds_removed: list[str]
    # What `trials check` cannot see in one tree: a source edited in place (with its manifest line) and
    # a changed schema pass it by construction, so the summary a reviewer reads must name them.
    seeds_changed: list[str] = field(default_factory=list)
    schema_changed: bool = False
    # The checker itself (its code, its tests, its dependencies, the hooks and CI that run it): a change
    # there changes what a passing `trials check` vouches for, and one tree cannot show that either.
    checker_changed: list[str] = field(default_factory=list)
    # Every other changed file (documentation, the generated files): named, so that the summary lists
    # every file the change touches.
    others_changed: list[str] = field(default_factory=list)
    # A file whose mode alone changed (made executable, say) has the same content on both sides, so no
    # record or source shows it: "PATH (100644 → 100755)" each.
    modes_changed: list[str] = field(default_factory=list)
    # Under trials/ and seeds/ but neither a record, a source nor the manifest: what trials check
    # refuses by its name (a file in a subfolder, a dot file). Skipped, they were named nowhere.
    stray_changed: list[str] = field(default_factory=list)
    # seeds/SHA256SUMS changes with every source added, removed or changed; None when it did not
    # change, else how its change departs from the sources changed (none: it changed their lines only).
    manifest_changed: list[str] | None = None
    # Each source added that reads as a source of the base, with the words it changed (curate/copies.py):
    # a copy of IM19's source with "6 participants" made "60" was "seeds: added …" and nothing more.
    seeds_copied: list[copies.Copy | copies.Unread] = field(default_factory=list)


@dataclass(frozen=True)
class _Layout:
    """Where the registry sits in the repository: its folders as paths from the top."""

    prefix: str  # "" or "data/sle/"

    @property
    def folders(self) -> list[str]:
        return [f"{self.prefix}trials/", f"{self.prefix}seeds/"]

    @property
    def schema(self) -> str:
        return f"{self.prefix}{SCHEMA_PATH.as_posix()}"

    @property
    def manifest(self) -> str:
        return f"{self.prefix}{sources.MANIFEST_PATH}"

    def data(self, path: str) -> bool:
        """Whether path (from the top) is the registry's data that trials check reads: a record, a
        source, the manifest, the schema, or anything else under trials/ or seeds/ (which the check
        refuses by its name: E101, E307)."""
        return path == self.schema or any(path.startswith(folder) for folder in self.folders)

    def inert(self, path: str) -> bool:
        """Whether path (from the top) is a file no check runs or is configured by: documentation (not an
        agent's instructions: AGENT_INSTRUCTIONS), or a generated file that trials check compares with
        the records."""
        return documentation(path) or path in (f"{self.prefix}{name}" for name in GENERATED)

    def trial(self, path: str) -> str | None:
        """The trial file's name (NCT12345678.yaml) of a path from the top, None for any other path."""
        folder = f"{self.prefix}trials/"
        name = path[len(folder) :]
        return name if path.startswith(folder) and _TRIAL.match(name) else None

    def seed(self, path: str) -> str | None:
        """seeds/NAME for a source document's path from the top (not the manifest, nothing deeper)."""
        folder = f"{self.prefix}seeds/"
        name = path[len(folder) :]
        return (
            f"seeds/{name}"
            if path.startswith(folder) and name and "/" not in name and name != sources.MANIFEST
            else None
        )


_REFUSED_MODES = {plumbing.LINK_MODE: "a symbolic link", plumbing.GITLINK_MODE: "a submodule (gitlink)"}


def _from_git(repo: plumbing.Repository, sides: list[tuple[Version, dict[str, plumbing.Entry]]]) -> None:
    """Fill each version with the blobs of its entries (trial file name -> entry), all read in one
    batch: a link, a submodule or a blob over 1 MiB is refused (E001, E004), never read."""
    wanted = {e.oid for _, entries in sides for e in entries.values() if e.mode in plumbing.FILE_MODES}
    found = repo.objects(wanted, load.MAX_BYTES)
    for version, entries in sides:
        for name, entry in entries.items():
            obj = found.get(entry.oid)
            if entry.mode not in plumbing.FILE_MODES:
                kind = _REFUSED_MODES.get(entry.mode, f"an entry of mode {entry.mode}")
                version.refused[name] = (
                    f"E001 cannot read: {kind}, not a regular file; a trial file must be a plain file"
                )
            elif obj is not None and obj.data is not None:
                version.files[name] = obj.data
            elif obj is not None and obj.kind == "blob":
                version.refused[name] = f"E004 file is {obj.size:,} bytes; the limit is {load.MAX_BYTES:,} (1 MiB)"
            else:
                version.refused[name] = f"E001 cannot read: git has no blob {entry.oid}"


def _not_data(layout: _Layout, differ: list[plumbing.Change]) -> tuple[list[str], list[str]]:
    """The changed paths that are not the registry's data: (the checker's, the inert ones), each sorted."""
    rest = sorted({c.path for c in differ if not layout.data(c.path)})
    return [p for p in rest if not layout.inert(p)], [p for p in rest if layout.inert(p)]


def _documentation_that_runs(
    repo: plumbing.Repository, commits: tuple[str, str], checker: list[str], others: list[str]
) -> tuple[list[str], list[str]]:
    """checker and others (_not_data's) with each document that a file of the code runs on either side (a
    Makefile's `include docs/rules.md`: git/documentation_run.py) moved to the checker's: named documentation,
    a change of the rules make runs read as one no check runs (hunt 208). Read only where a document changed."""
    if not any(documentation(path) for path in others):
        return checker, others
    running = set().union(*(documentation_run_in(repo, commit) for commit in commits))
    return sorted([*checker, *(p for p in others if p in running)]), [p for p in others if p not in running]


def _stray(layout: _Layout, differ: list[plumbing.Change]) -> list[str]:
    """The changed paths under the registry's folders that are neither a record nor a source."""
    return sorted(
        {
            c.path
            for c in differ
            if layout.data(c.path)
            and c.path not in (layout.schema, layout.manifest)
            and layout.trial(c.path) is None
            and layout.seed(c.path) is None
        }
    )


# A manifest as one side of a change has it: its bytes, None where there is none, or why it was not read.
ManifestSide = bytes | str | None


class _Listing(NamedTuple):
    """A manifest read: its lines (each with its line end), and its entries by source name."""

    lines: list[str]
    entries: dict[str, sources.Entry]


def _listing(side: ManifestSide) -> _Listing | str:
    """The manifest's lines and entries, or why it is not one (not read, not UTF-8, a line that is not one)."""
    if isinstance(side, str):
        return side
    try:
        text = (side or b"").decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    entries, bad = sources.parse(text)
    if bad:
        return f"line {bad[0][0]}: {bad[0][1]}"
    # each line with its end (a valid manifest's names hold no line break but "\n"), as parse numbers them
    return _Listing(text.splitlines(keepends=True), {entry.name: entry for entry in entries})


def manifest_departures(
    old: ManifestSide, new: ManifestSide, added: list[str], removed: list[str], changed: list[str]
) -> list[str]:
    """How a change of the manifest departs from the sources added, removed and changed (seeds/NAME
    each): none when it adds, removes and rehashes the lines of exactly those sources and no other
    line; a line listed or rehashed for no source changed, or a source changed with no line, each
    said with its sources; so is any other line rewritten or moved."""
    sides: list[_Listing] = []
    for raw, when in ((old, "before"), (new, "after")):
        listing = _listing(raw)
        if isinstance(listing, str):
            return [f"not read as a manifest {when} the change: {listing}"]
        sides.append(listing)
    (old_lines, was), (new_lines, now) = sides
    rehashed = {name for name in was.keys() & now.keys() if was[name].digest != now[name].digest}
    departures: list[str] = []
    for listed, seeds_changed, (one, many), what in (
        (now.keys() - was.keys(), added, ("line added", "lines added"), "added"),
        (was.keys() - now.keys(), removed, ("line removed", "lines removed"), "removed"),
        (rehashed, changed, ("hash changed", "hashes changed"), "changed"),
    ):
        seeds = {f"{SEEDS_DIR}/{name}" for name in listed}
        if unanswered := sorted(seeds - set(seeds_changed)):
            departures.append(f"{many} for no source {what}: {_listed(unanswered)}")
        if unlisted := sorted(set(seeds_changed) - seeds):
            departures.append(f"no {one} for sources {what}: {_listed(unlisted)}")
    touched = (was.keys() ^ now.keys()) | rehashed

    def others(lines: list[str], entries: dict[str, sources.Entry]) -> list[str]:
        skip = {entry.number for name, entry in entries.items() if name in touched}
        return [line for number, line in enumerate(lines, 1) if number not in skip]

    if others(old_lines, was) != others(new_lines, now):
        departures.append("other lines rewritten or moved")
    return departures


def _manifest_sides(
    repo: plumbing.Repository, change: plumbing.Change, work_tree: Path | None
) -> tuple[ManifestSide, ManifestSide]:
    """The manifest before and after a change: its blobs, read in one batch, or after it the file in
    the work tree (work_tree: the registry's root), read through the guard as the check reads it."""
    sides = [change.old] if work_tree else [change.old, change.new]
    found = repo.objects({e.oid for e in sides if e.present and e.mode in plumbing.FILE_MODES}, sources.MANIFEST_LIMIT)

    def side(entry: plumbing.Entry) -> ManifestSide:
        obj = found.get(entry.oid)
        if not entry.present:
            return None
        if entry.mode not in plumbing.FILE_MODES:
            return "not a plain file"
        if obj is not None and obj.data is not None:
            return obj.data
        return f"{obj.size:,} bytes; the limit is {sources.MANIFEST_LIMIT:,}" if obj else f"git has no blob {entry.oid}"

    if work_tree is None:
        return side(change.old), side(change.new)
    if not change.new.present:
        return side(change.old), None
    try:
        return side(change.old), files.read_bytes(work_tree / sources.MANIFEST_PATH, sources.MANIFEST_LIMIT)
    except files.Refused as exc:
        return side(change.old), str(exc)


def _manifest_changed(
    repo: plumbing.Repository,
    layout: _Layout,
    differ: list[plumbing.Change],
    seeds: tuple[list[str], ...],
    work_tree: Path | None = None,
) -> list[str] | None:
    """None when the manifest did not change (or its mode alone did), else how its change departs
    from the sources (added, removed, changed) changed."""
    change = next((c for c in differ if c.path == layout.manifest), None)
    if change is None:
        return None
    old, new = _manifest_sides(repo, change, work_tree)
    return None if isinstance(old, bytes) and old == new else manifest_departures(old, new, *seeds)


def _modes(differ: list[plumbing.Change]) -> list[str]:
    """Each path present on both sides whose mode changed, with the two modes."""
    return sorted(
        f"{c.path} ({c.old.mode} → {c.new.mode})"
        for c in differ
        if c.old.present and c.new.present and c.old.mode != c.new.mode
    )


def _same_content(change: plumbing.Change) -> bool:
    """A change of mode only: the same blob on both sides (named by _modes, not as a changed source)."""
    return change.old.hashed and change.old.oid == change.new.oid


def _between_commits(repo: plumbing.Repository, layout: _Layout, base: str, head: str) -> Changes:
    """The trial files and source documents that differ between two commits: one `git diff-tree`."""
    olds: dict[str, plumbing.Entry] = {}
    news: dict[str, plumbing.Entry] = {}
    added: list[str] = []
    removed: list[str] = []
    edited: list[str] = []
    schema = False
    differ = repo.changes(base, head, [])  # every file of the repository: what is not data is named
    for change in differ:
        name, seed = layout.trial(change.path), layout.seed(change.path)
        if name is not None:
            if change.old.present:
                olds[name] = change.old
            if change.new.present:
                news[name] = change.new
        elif seed is not None and not _same_content(change):
            {"A": added, "D": removed}.get(change.status, edited).append(seed)
        elif change.path == layout.schema:
            schema = True
    checker, others = _not_data(layout, differ)
    checker, others = _documentation_that_runs(repo, (base, head), checker, others)
    changes = Changes(
        Version(),
        Version(),
        sorted(added),
        sorted(removed),
        sorted(edited),
        schema,
        checker,
        others,
        modes_changed=_modes(differ),
        stray_changed=_stray(layout, differ),
        manifest_changed=_manifest_changed(repo, layout, differ, (added, removed, edited)),
    )
    _from_git(repo, [(changes.base, olds), (changes.head, news)])
    new_oids = {
        seed: c.new.oid
        for c in differ
        if (seed := layout.seed(c.path)) in changes.seeds_added and c.new.mode in plumbing.FILE_MODES
    }
    blobs = repo.objects(set(new_oids.values()), files.MAX_SOURCE_BYTES)
    added_bytes = {seed: data for seed, oid in new_oids.items() if (data := blobs[oid].data) is not None}
    changes.seeds_copied = _copies(repo, layout, base, changes, added_bytes)
    return changes


def _cited(data: dict | None) -> set[str]:
    """The files a record's curation.sources cites (seeds/NAME), whatever the record's shape."""
    curation = data.get("curation") if isinstance(data, dict) else None
    cited = curation.get("sources") if isinstance(curation, dict) else None
    if not isinstance(cited, list):
        return set()
    return {s["file"] for s in cited if isinstance(s, dict) and isinstance(s.get("file"), str)}


def _copies(
    repo: plumbing.Repository, layout: _Layout, base: str, changes: Changes, added: dict[str, bytes]
) -> list[copies.Copy | copies.Unread]:
    """Each source a change adds (its bytes: added) or a record newly cites that reads as one of the
    base's it may have been made from (curate/copies.py): those removed, those each record citing it
    cited at the base, and those the base's records of the trials an added one names cite. A copy
    cited first by a new record (a stub of a trial the copy names), then by the record it was made
    for in a second pull request, read as no source added in the second, and as one compared with
    nothing in the first."""
    candidates = {seed: set(changes.seeds_removed) for seed in added}
    said: dict[str, list[str]] = {seed: [] for seed in added}
    first: set[str] = set()  # newly cited by a record the base has: where a value it held may change
    for name in changes.head.files:
        data = _record(changes.head, name).data
        old = _record(changes.base, name).data
        before = _cited(old)
        for seed in _cited(data) - before:
            candidates.setdefault(seed, set(changes.seeds_removed)).update(before)
            said.setdefault(seed, []).extend(_strings(data))
            if old is not None:
                first.add(seed)
    if not candidates:
        return []
    named = {seed: list(dict.fromkeys(_NAMED.findall(data)))[:MAX_NAMED] for seed, data in added.items()}
    records = repo.tree(base, [f"{layout.prefix}trials/"])
    paths = {f"{layout.prefix}trials/{nct.decode()}.yaml" for found in named.values() for nct in found}
    oids = {path: entry.oid for path in paths if (entry := records.get(path)) and entry.mode in plumbing.FILE_MODES}
    blobs = repo.objects(set(oids.values()), load.MAX_BYTES)
    for seed, found in named.items():
        for nct in found:
            oid = oids.get(f"{layout.prefix}trials/{nct.decode()}.yaml")
            raw = blobs[oid].data if oid is not None else None
            if raw is not None:
                candidates[seed] |= _cited(_read(raw, f"trials/{nct.decode()}.yaml").data)
    # the base's sources, as it received them: the originals, and those a record newly cites
    listing = repo.tree(base, [f"{layout.prefix}{SEEDS_DIR}/"])
    wanted = {seed for found in candidates.values() for seed in found} | (set(candidates) - set(added))
    seeds = {
        seed: entry.oid
        for seed in wanted
        if (entry := listing.get(f"{layout.prefix}{seed}")) is not None and entry.mode in plumbing.FILE_MODES
    }
    blobs = repo.objects(set(seeds.values()), files.MAX_SOURCE_BYTES)
    originals = {seed: blob for seed, oid in seeds.items() if (blob := blobs[oid].data) is not None}
    compared = {**{seed: originals[seed] for seed in candidates if seed in originals}, **added}
    # compared in this order, while the bound lasts: the sources a record the base has newly cites first,
    # so that sources added for new records (which a reviewer reads whole) cannot spend it before them
    order = sorted(compared, key=lambda seed: (seed not in first, seed))
    return copies.copies(
        {seed: compared[seed] for seed in order}, originals, candidates, set(changes.seeds_removed), said
    )


def _strings(data: object) -> list[str]:
    """Every string of a record's data (its quotes, its copied text), keys aside."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return []


def _against_work_tree(repo: plumbing.Repository, layout: _Layout, root: Path, base: str) -> Changes:
    """The trial files that may differ between a commit and the work tree: those git lists as
    changed (staged or not), those the commit has not (tracked or not), and every entry that is not
    a regular file (a link or a pipe: reported, never read); each read from disk through load.read.
    The source documents: every entry under seeds/ against the commit's."""
    listing = repo.tree(base, layout.folders)
    olds = {name: entry for path, entry in listing.items() if (name := layout.trial(path)) is not None}
    folder = root / TRIALS_DIR
    on_disk = {e.name: e.is_file(follow_symlinks=False) for e in os.scandir(folder)} if folder.is_dir() else {}
    differ = repo.changes(base, None, [])  # every tracked file: what is not data is named
    changed = {name for c in differ if (name := layout.trial(c.path)) is not None}
    changed |= {name for name, regular in on_disk.items() if _TRIAL.match(name) and (name not in olds or not regular)}
    head = Version()
    for name in sorted(n for n in changed if n in on_disk):
        raw, problems, _ = load.read(folder / name, f"trials/{name}")
        if raw is None:
            head.refused[name] = f"{problems[0].code} {problems[0].message}"
        else:
            head.files[name] = raw
    base_seeds = {seed for path in listing if (seed := layout.seed(path)) is not None}
    seeds = set(pipeline.seed_files(root))
    edited = sorted(
        seed
        for c in differ
        if (seed := layout.seed(c.path)) is not None and c.status not in "AD" and not _same_content(c)
    )
    schema = any(c.path == layout.schema for c in differ)
    checker, others = _not_data(layout, differ)
    added, removed = sorted(seeds - base_seeds), sorted(base_seeds - seeds)
    changes = Changes(
        Version(),
        head,
        added,
        removed,
        edited,
        schema,
        checker,
        others,
        modes_changed=_modes(differ),
        stray_changed=_stray(layout, differ),
        manifest_changed=_manifest_changed(repo, layout, differ, (added, removed, edited), root),
    )
    _from_git(repo, [(changes.base, {name: olds[name] for name in changed if name in olds})])
    added_bytes = {seed: data for seed in added if (data := files.source_bytes(root / seed)) is not None}
    changes.seeds_copied = _copies(repo, layout, base, changes, added_bytes)
    return changes


class Read(NamedTuple):
    """A trial file's record data, or why it cannot be read; both None when the version has none."""

    data: dict | None
    error: str | None


def _read(raw: bytes, name: str) -> Read:
    text, problems = load.check_text(raw, name)
    if text is None:
        return Read(None, f"{problems[0].code} {problems[0].message}")
    record, problems = load.parse(text, name)
    if record is None:
        return Read(None, f"{problems[0].code} {problems[0].message}")
    return Read(record.data, None)


def _record(version: Version, name: str) -> Read:
    if name in version.refused:
        return Read(None, version.refused[name])
    return _read(version.files[name], f"trials/{name}") if name in version.files else Read(None, None)


@dataclass
class RecordDiff:
    nct_id: str
    status: str  # added, removed, changed, unreadable
    title: str | None
    changes: list[Change]
    note: str | None = None


@dataclass
class Report:
    """What `trials diff` prints: the two versions as named, each record that changed, and each other
    change: the sources, the schema, the checker's code and settings, other files."""

    base: str  # "HEAD~1 (0ba0d33)"
    head: str  # "working tree"
    records: list[RecordDiff]
    files: list[Change]


def _record_diff(base: Version, head: Version, name: str, report: Report) -> RecordDiff | None:
    nct = name.removesuffix(".yaml")
    a, a_err = _record(base, name)
    b, b_err = _record(head, name)
    if a_err or b_err:
        if name in base.files and name in head.files and base.files[name] == head.files[name]:
            return None
        where = report.head if b_err else report.base
        return RecordDiff(nct, "unreadable", None, [], f"cannot be read at {where} ({b_err or a_err})")
    if same(a, b):
        return None
    title = (b or a or {}).get("brief_title")
    if a is None:
        return RecordDiff(nct, "added", title, [])
    if b is None:
        return RecordDiff(nct, "removed", title, [])
    changes = describe(a, b)  # the trial's data first, then its curation and evidence
    return RecordDiff(
        nct, "changed", title, sorted(changes, key=lambda c: c.field.split(".")[0] in ("curation", "evidence"))
    )


def _listed(paths: list[str]) -> str:
    """The paths, each escaped, up to MAX_PATHS of them or MAX_LISTED characters, then how many more:
    a pull request that touches more files than that is one to read with `git diff --stat`, and the
    line says so."""
    shown: list[str] = []
    length = 0
    for path in paths[:MAX_PATHS]:
        name = files.shown(path)
        length += len(name) + 2
        if length > MAX_LISTED and shown:
            break
        shown.append(name)
    rest = paths[len(shown) :]
    if not rest:
        return ", ".join(shown)
    # Where the rest are, by their first folder: a hundred files of noise must not hide that tests/ changed.
    where = sorted({path.split("/", 1)[0] + ("/" if "/" in path else "") for path in rest})
    places = ", ".join(map(files.shown, where[:MAX_PATHS])) + (", …" if len(where) > MAX_PATHS else "")
    return ", ".join(shown) + f" and {len(rest)} more in {places} (git diff --stat lists them)"


def compare(changes: Changes, base_name: str, head_name: str) -> Report:
    report = Report(base_name, head_name, [], [])
    base, head = changes.base, changes.head
    for name in sorted(set(base.files) | set(head.files) | set(base.refused) | set(head.refused)):
        diff = _record_diff(base, head, name, report)
        if diff is not None:
            report.records.append(diff)
    # Every list of paths through _listed, the sources' too: 5,500 sources added with long names made
    # one line of 1.1 MB, and GitHub drops a job summary over 1 MiB whole, its checker line with it.
    if changes.seeds_added:
        report.files.append(Change("seeds", "summary", text="added " + _listed(changes.seeds_added)))
    if changes.seeds_removed:
        report.files.append(Change("seeds", "summary", text="removed " + _listed(changes.seeds_removed)))
    report.files += _copied(changes.seeds_copied)
    if changes.seeds_changed:
        report.files.append(
            Change(
                "seeds",
                "summary",
                text="changed "
                + _listed(changes.seeds_changed)
                + ": a source is kept as received (a new version is a new file)",
            )
        )
    if changes.manifest_changed is not None:
        report.files.append(Change("seeds", "summary", text=_manifest_phrase(changes.manifest_changed)))
    if changes.schema_changed:
        report.files.append(
            Change("schema", "summary", text=f"changed {SCHEMA_PATH.as_posix()}: what every record is held to")
        )
    if changes.checker_changed:
        report.files.append(
            Change(
                "checker",
                "summary",
                text=f"changed {_listed(changes.checker_changed)}: the code and settings that check every record",
            )
        )
    documents = [p for p in changes.others_changed if documentation(p)]
    generated = [p for p in changes.others_changed if not documentation(p)]  # trials.csv is no documentation
    if documents:
        report.files.append(Change("files", "summary", text=f"changed {_listed(documents)}: documentation"))
    if generated:
        report.files.append(
            Change("files", "summary", text=f"changed {_listed(generated)}: generated from the records")
        )
    if changes.stray_changed:
        report.files.append(
            Change(
                "files",
                "summary",
                text=f"changed {_listed(changes.stray_changed)}: in the registry's folders, not a record or a source",
            )
        )
    if changes.modes_changed:
        report.files.append(Change("files", "summary", text=f"mode changed {_listed(changes.modes_changed)}"))
    return report


def _copied(found: list[copies.Copy | copies.Unread]) -> list[Change]:
    """A line for each source added that reads as a base one (up to MAX_PATHS of them, then how many
    more), and one naming those not compared."""
    made = [c for c in found if isinstance(c, copies.Copy)]
    lines: list[Change] = []
    size = 0
    for copy in made[:MAX_PATHS]:
        line = Change("seeds", "summary", text=copies.phrase(copy))
        size += len(phrase(line, markdown=True).encode("utf-8"))  # escaped, a line may grow sevenfold
        if size > COPIES_LIMIT:
            break
        lines.append(line)
    if len(made) > len(lines):
        more = plural(len(made) - len(lines), "more source", "more sources")
        lines.append(Change("seeds", "summary", text=f"and {more} read as copies: too many for one summary"))
    unread = [c.added for c in found if isinstance(c, copies.Unread)]
    if unread:
        lines.append(
            Change(
                "seeds",
                "summary",
                text=f"not compared with the sources they may copy (too long, or too many): {_listed(unread)}",
            )
        )
    return lines


def _manifest_phrase(departures: list[str]) -> str:
    """The manifest's change as a reviewer reads it: the lines of the sources named above, or what else."""
    if not departures:
        return f"changed {sources.MANIFEST_PATH}: the lines of these sources, no other"
    return f"changed {sources.MANIFEST_PATH}, not as the sources changed: " + "; ".join(departures)


def render(report: Report, fmt: str, out: TextIO) -> None:
    diffs, others, base_name, head_name = report.records, report.files, report.base, report.head
    if fmt == "json":
        json.dump(
            {
                "base": base_name,
                "head": head_name,
                "records": [
                    {**asdict(d), "changes": [{**asdict(c), "phrase": phrase(c)} for c in d.changes]} for d in diffs
                ],
                # the sources' changes apart: "seeds" held the schema's, the checker's and other files' too
                "seeds": [phrase(c) for c in others if c.field == "seeds"],
                "files": [phrase(c) for c in others if c.field != "seeds"],
            },
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
        return
    counts = {s: sum(1 for d in diffs if d.status == s) for s in ("added", "changed", "removed", "unreadable")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no changes"
    if fmt == "markdown":  # a pull request's job summary: every value escaped, nothing in it renders as markup
        _markdown(report, summary, out)
        return
    lines = []  # text: each line escaped where it is not printable, so no value starts a line of its own
    for d in diffs:
        if d.status == "changed":
            lines.append(f"{d.nct_id}: {'; '.join(phrase(c) for c in d.changes)}")
        else:
            lines.append(
                f"{d.nct_id}: {_status(d)}" + (f": {unmasked(d.title)}" if d.title and d.status == "added" else "")
            )
    lines += [phrase(c) for c in others]
    lines.append(f"{base_name} → {head_name}: {summary}")
    out.writelines(printable(line) + "\n" for line in lines)


def _markdown(report: Report, summary: str, out: TextIO) -> None:
    """The report as a pull request's job summary. GitHub drops a step's whole summary over 1 MiB, so a
    pull request that changed enough records would have hidden every line with it: what one tree
    cannot show (sources, schema, checker, other files) comes first, and the records stop, saying how
    many are left, before the summary reaches MARKDOWN_LIMIT."""
    diffs = report.records
    head = [f"### Trial data: {markdown_code(report.base)} → {markdown_code(report.head)}\n\n"]
    head += [f"- {phrase(c, markdown=True)}\n" for c in report.files]
    head.append("\n" if report.files else "")
    head.append(
        f"{plural(len(diffs), 'record', 'records')}: {summary}\n\n" if diffs else "No changes to the trial records.\n\n"
    )
    written = sum(len(part.encode("utf-8")) for part in head)
    out.writelines(head)
    for shown, d in enumerate(diffs):
        title = f" — {markdown_text(unmasked(d.title))}" if d.title else ""
        if d.status == "changed":
            block = f"- **{markdown_text(d.nct_id)}**{title}\n" + "".join(
                f"  - {phrase(c, markdown=True)}\n" for c in d.changes
            )
        else:
            block = f"- **{markdown_text(d.nct_id)}**{title}: {markdown_text(_status(d))}\n"
        written += len(block.encode("utf-8"))
        if written > MARKDOWN_LIMIT:
            left = plural(len(diffs) - shown, "more record", "more records")
            out.write(f"- … and {left}: too many for a job summary; run `{command.run('diff')}` to see them\n")
            return
        out.write(block)


def _status(d: RecordDiff) -> str:
    return {"added": "new record", "removed": "record removed"}.get(d.status, d.note or d.status)


def run(root: Path, base: str | None, head: str | None, fmt: str, out: TextIO | None = None) -> int:
    try:
        report = diff_report(root, base, head)
    except plumbing.GitError as exc:
        raise _git_error(exc) from None
    render(report, fmt, out or sys.stdout)
    return 0


def diff_report(root: Path, base: str | None, head: str | None) -> Report:
    """The changes to the trial data from revision base (default: default_base) to revision head
    (default: the work tree)."""
    try:
        repo = plumbing.Repository.containing(root)
    except plumbing.GitNotFound:
        raise
    except plumbing.GitError:  # git's own words were "fatal: not a git repository (or any of ...): .git"
        raise pipeline.UsageError(
            f"{files.shown(str(root))} is in no git work tree: trials diff compares two revisions of the "
            "registry's history, which a git clone has and a downloaded copy (a ZIP of it) does not"
        ) from None
    try:
        prefix = root.resolve().relative_to(repo.top.resolve()).as_posix()
    except ValueError:
        raise pipeline.UsageError(f"{root} is not inside the git work tree {repo.top}") from None
    layout = _Layout("" if prefix == "." else prefix + "/")
    given = [None if rev is None else Revision(rev, _commit(repo, rev)) for rev in (base, head)]
    old = given[0] or default_base(repo, given[1] and given[1].oid)
    new = given[1]
    if new is None:
        changes = _against_work_tree(repo, layout, root, old.oid)
    else:
        changes = _between_commits(repo, layout, old.oid, new.oid)
    return compare(changes, old.shown(repo), new.shown(repo) if new else "working tree")
