"""The stages in order, for the commands to call: find files, load, schema, rules, evidence, refs, export.

Data flows one way: a file becomes a Record (load), is checked alone (schema, then rules and
evidence when the schema passes), then all records are checked together (refs) from a compact
Summary of each, and only a clean set is exported.

Files are checked in batches, each stage over the whole batch before the next
(Checker.check_many). Valid files' summaries are cached by content (cache.py), and a cold run with
many files is spread over worker processes.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sle_trials import files
from sle_trials.checks import checkout, refs, sources
from sle_trials.checks.refs import NOWHERE
from sle_trials.checks.sources import Seed
from sle_trials.engine import cache
from sle_trials.engine.compiled_patterns import CompiledPatterns
from sle_trials.outputs import export
from sle_trials.paths import FOLDERS, SCHEMA_PATH, SEEDS_DIR, TRIALS_DIR, load_schema, twin_message, twins
from sle_trials.patterns import compiled_by, lazy
from sle_trials.problem import Problem

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from sle_trials.checks import load

# The checking stages (load, schema, rules, evidence) pull in the YAML parser and the schema validator;
# they are imported where a file is really checked, not for a run the cache answers.
_TRIAL_FILE = lazy(r"NCT[0-9]{8}\.yaml\Z")
PARALLEL_FROM = 300  # files to check before worker processes pay for their start-up
# files checked together (check_files), and what a worker is sent at a time: fewer messages, yet the
# last batch is short (~50 ms)
BATCH = 128


class Misnamed(NamedTuple):
    """A file under trials/ whose name is not a trial's: its E101, and its name without .yaml."""

    problem: Problem
    stem: str


class Plan(NamedTuple):
    """What is to be done with a chunk of files, before any is read."""

    misnamed: list[Misnamed]
    hits: list[cache.Entry]  # files the cache vouches for by their stat
    jobs: list[Job]  # files to read (and check, unless their bytes are the cached ones)


class UsageError(Exception):
    """Bad arguments or a directory that is not the registry: exit 2."""


def find_root(start: Path) -> Path:
    """The registry root: the nearest directory at or above start holding the schema."""
    for folder in (start, *start.parents):
        if (folder / SCHEMA_PATH).is_file():
            return folder
    raise UsageError(f"no {SCHEMA_PATH} in {start} or above; run inside the registry or pass --root")


def check_folders(root: Path) -> None:
    """The registry's own folders are real folders (or not there), and the schema a plain file.
    files.read refuses a link in a file's own name, not in the folders above it: a committed link
    named seeds/ or trials/ would make every read beneath it leave the repository (and a schema that
    is a named pipe would block every run)."""
    for name in FOLDERS:
        if os.path.islink(root / name):
            raise UsageError(
                f"{name}/ is a symbolic link; the registry's folders must be real folders, "
                "and nothing outside the repository is read"
            )
        # a file in a folder's place was read as no folder: a registry of no records and no sources,
        # which passed whatever the file holds (a pull request's `trials` of every record, unread)
        if os.path.lexists(root / name) and not os.path.isdir(root / name):
            raise UsageError(f"{name}/ is not a folder; the registry's folders must be real folders")
    if not files.is_regular(root / SCHEMA_PATH):
        raise UsageError(f"{SCHEMA_PATH.as_posix()} is not a plain file (a link or a pipe is never read)")
    # a name one disk takes as a registry name: every twin of a registry path stands in the root, in
    # the schema's folder or among the sources (under trials/, any name but a record's is E101)
    names = os.listdir(root)
    for folder in (SCHEMA_PATH.parent.as_posix(), SEEDS_DIR):
        names += [f"{folder}/{name}" for name in _listed(root / folder)]
    for spelled, other in twins(sorted(names)):
        raise UsageError(twin_message(spelled, other))


def _listed(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:  # not there: nothing in it to be a twin
        return []


def display(root: Path, file: Path) -> str:
    """How problems name a file: relative to the root, by its own name, not a link's target, and
    escaped where it is not printable (files.shown)."""
    absolute = Path(os.path.abspath(file))
    for base in (Path(os.path.abspath(root)), root.resolve()):
        try:
            return files.shown(absolute.relative_to(base).as_posix())
        except ValueError:
            continue
    return files.shown(file.as_posix())


def trial_paths(root: Path) -> list[str]:
    """Every entry under trials/, as text (a check of 10,000 files should not build 10,000 Paths).
    Dot files too: skipped, a file would slip past every check; each is reported (E101)."""
    folder = os.path.join(root, TRIALS_DIR)
    if not os.path.isdir(folder):
        return []
    folder += os.sep
    return [folder + name for name in sorted(os.listdir(folder))]


def trial_files(root: Path) -> list[Path]:
    return [Path(p) for p in trial_paths(root)]


def seed_files(root: Path) -> list[str]:
    """The source documents under seeds/: every entry but the manifest. Dot files, badly named
    files, links and pipes too: sources.check_manifest reports them (E307); skipped, a dot file would
    have slipped past the manifest, the uncited-source check and the cache fingerprint."""
    folder = root / SEEDS_DIR
    if not folder.is_dir():
        return []
    return sorted(f"{SEEDS_DIR}/{name}" for name in os.listdir(folder) if name != "SHA256SUMS")


class Job(NamedTuple):
    """A file to read and check (sent to a worker process)."""

    file: str  # its path on disk
    shown: str  # how problems name it: trials/NCT....yaml
    stem: str  # its name without .yaml, what its nct_id must be
    cached_sha: str | None  # the sha256 the cache has for it: the same bytes are not checked again


class Summary(refs.Entry):
    """What the cross-record checks and the exports need from one valid record; kept small, since a
    check holds one per record (250,000 at scale). It is a refs.Entry without places, plus the
    record's sources and its CSV line (UTF-8 bytes: read from the cache without decoding). Its
    `value` (cache.SummaryValue) is what the cache keeps and what a worker process sends back."""

    __slots__ = ("sources", "line")

    def __init__(self, path: str, value: cache.SummaryValue, shared: dict[tuple, dict]) -> None:
        # refs.Entry's fields set here directly: this runs once per record on every check
        self.path, self.nct_id_at, self.related_at = path, NOWHERE, None
        self.nct_id, self.titles, self.related, sources, self.line = value
        # equal source entries become one dict (shared is the run's): most records cite a handful of seeds
        self.sources = [shared.get(s) or shared.setdefault(s, dict(s)) for s in sources]

    @staticmethod
    def value_of(data: dict) -> cache.SummaryValue:
        """The summary of a valid record's data."""
        return cache.SummaryValue(
            data["nct_id"],
            tuple(data[k] for k in ("brief_title", "official_title") if k in data),
            tuple((r["nct_id"], r["title"]) for r in data.get("related_trials", ())),
            tuple(tuple(s.items()) for s in data["curation"]["sources"]),
            export.line(data).encode("utf-8"),
        )

    @property
    def value(self) -> cache.SummaryValue:
        return cache.SummaryValue(
            self.nct_id,
            self.titles,
            self.related,  # type: ignore[arg-type]
            tuple(tuple(s.items()) for s in self.sources),
            self.line,
        )


class Checked(NamedTuple):
    """What checking one file's bytes gave."""

    problems: list[Problem]
    summary: cache.SummaryValue | None  # a valid record's (no problems)
    # the sources a record with problems cites (a valid one's are in its summary); None when they are
    # not known: the file did not load as a record (or its curation.sources is no list of sources)
    cited: list[str] | None
    # a valid record's sources as its check read them, (seeds/NAME, sha256) by name: what its cache
    # entry holds to; None when one it cites was not read (changed or gone during the check)
    read: tuple[tuple[str, str], ...] | None = None


class Checker:
    """Checks files, a batch at a time; holds what every check of a run shares."""

    def __init__(self, root: Path) -> None:
        from sle_trials.checks import documents, schema

        self.root = root
        self.schema = load_schema(root)
        try:
            self.validator = schema.make_validator(self.schema)
        except schema.SchemaRefused as exc:  # no record can be checked against it: a usage error, exit 2
            raise UsageError(str(exc)) from None
        self.memory = documents.Memory()  # the source documents and readings of quotes this run has seen

    def check(self, shown: str, stem: str, raw: bytes) -> Checked:
        """One file's bytes, checked (shown: how problems name it; stem: its name without .yaml)."""
        return self.check_many([(shown, stem, raw)])[0]

    def check_many(self, batch: list[tuple[str, str, bytes]]) -> list[Checked]:
        """check() of each (shown, stem, bytes), the whole batch one stage at a time: the code of one
        stage stays in the processor's caches (6-14% less time a record than one file at a time,
        measured on canonical records, docs/speed.md)."""
        from sle_trials.checks import evidence, load, rules, schema

        texts = [load.check_text(raw, shown) for shown, _, raw in batch]
        loaded = [
            (None, problems) if text is None else load.parse(text, shown)
            for (shown, _, _), (text, problems) in zip(batch, texts)
        ]
        found = [problems if record is None else schema.check(record, self.validator) for record, problems in loaded]
        found = [
            problems or rules.check(record, self.root, stem)  # type: ignore[arg-type]
            for problems, (record, _), (_, stem, _) in zip(found, loaded, batch)
        ]
        reads: list[dict[str, str]] = [{} for _ in batch]  # each record's sources as its check read them
        found = [
            problems or evidence.check(record, self.schema, self.root, self.memory, read)  # type: ignore[arg-type]
            for problems, (record, _), read in zip(found, loaded, reads)
        ]
        out: list[Checked] = []
        for problems, (record, _), read in zip(found, loaded, reads):
            if record is None:
                out.append(Checked(problems, None, None))
            elif problems:
                cited = record.citations()
                out.append(Checked(problems, None, None if cited is None else sorted(cited)))
            else:
                whole = read.keys() == record.citations()
                held = tuple(sorted(read.items())) if whole else None
                out.append(Checked([], Summary.value_of(record.data), [], held))
        return out


class Outcome(NamedTuple):
    """What checking one file gave: its problems, or its summary (None when it has problems). A
    named tuple: a worker sends 250,000 of them at scale, and it pickles faster than a dataclass."""

    shown: str
    stem: str
    problems: list[Problem]
    summary: cache.SummaryValue | None
    cited: list[str] | None  # Checked.cited
    stamp: files.Stamp | None  # the file as read: what the cache keeps (a stat_result pickles 10x slower)
    sha: str | None
    unchanged: bool = False  # the same bytes as the cached entry (whose sources are unchanged): it stands
    read: tuple[tuple[str, str], ...] | None = None  # Checked.read


class _Lazy:
    """A Checker made on first use: a run whose files all match the cache by hash needs none."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._checker: Checker | None = None

    def get(self) -> Checker:
        if self._checker is None:
            self._checker = Checker(self.root)
        return self._checker


def check_files(jobs: list[Job], checker: _Lazy) -> list[Outcome]:
    """Read files and check them (Checker.check_many), except those whose bytes are the ones the
    cache already vouches for."""
    from sle_trials.checks import load

    outcomes: list[Outcome] = []
    todo: list[tuple[int, bytes]] = []  # (where in outcomes, the bytes to check)
    for file, shown, stem, cached_sha in jobs:
        raw, problems, stamp = load.read(file, shown)
        if raw is None:
            outcomes.append(Outcome(shown, stem, problems, None, None, None, None))
            continue
        sha = cache.digest(raw)
        assert stamp is not None  # read gives it with the bytes
        outcomes.append(Outcome(shown, stem, [], None, [], stamp, sha, unchanged=sha == cached_sha))
        if sha != cached_sha:
            todo.append((len(outcomes) - 1, raw))
    if todo:
        checked = checker.get().check_many([(outcomes[i].shown, outcomes[i].stem, raw) for i, raw in todo])
        for (i, _), done in zip(todo, checked):
            outcomes[i] = outcomes[i]._replace(
                problems=done.problems, summary=done.summary, cited=done.cited, read=done.read
            )
    return outcomes


_worker: _Lazy | None = None


def collect_rarely() -> None:
    """The collector's setting for a run, in the main process (cli.main) and in each worker: the
    youngest objects are collected every 20,000 new ones instead of Python's 700. A run keeps what it
    builds to its end (a summary per record, the run's memory of sources and quotes), and with the
    default the collector walked it again and again: checking a canonical record took twice as long.
    Off altogether it cost 11% less, but a checked record leaves ~600 objects in reference cycles
    (the recursive walks of fields.all_field_names and layouts.json_lines), ~80 KB that only the
    collector frees: one process checking 10,000 records grew to 800 MB (docs/speed.md)."""
    gc.set_threshold(20_000, 10, 10)
    gc.enable()


def _init_worker(root: str) -> None:
    global _worker  # the worker process's own: it lives for one run, and checks for that run only
    collect_rarely()  # a forked worker inherits the setting; a spawned one does not
    _worker = _Lazy(Path(root))


def _check_in_worker(jobs: list[Job]) -> list[Outcome]:
    assert _worker is not None
    return check_files(jobs, _worker)


@dataclass
class Result:
    root: Path
    files: int = 0
    summaries: list[Summary] = field(default_factory=list)  # records that passed every one-record check
    problems: list[Problem] = field(default_factory=list)
    unindexed_ids: set[str] = field(default_factory=set)  # trial files that exist but are not valid
    _cited: set[str] = field(default_factory=set)  # source files cited by records that loaded but failed
    # trial files whose citations are not known (they did not load as a record): while there is one,
    # no source can be said to be cited by no record
    uncounted: list[str] = field(default_factory=list)
    sources: dict[tuple, dict] = field(default_factory=dict)  # every distinct curation.sources entry of the summaries
    # the documents under seeds/, read once (validate); of a run not every_source, those its records cite
    seeds: list[Seed] = field(default_factory=list)

    @property
    def cited(self) -> set[str]:
        """The source files cited by any record that loaded."""
        return self._cited | {s["file"] for s in self.sources.values()}

    _records: list[load.Record] | None = None

    @property
    def records(self) -> list[load.Record]:
        """The valid records in full, loaded on demand (reports that need every field)."""
        from sle_trials.checks import load

        if self._records is None:
            self._records = [load.load(self.root / s.path, s.path)[0] for s in self.summaries]  # type: ignore[misc]
        return self._records


CHUNK = 2000  # files checked at a time, so memory stays flat however many there are
# Files up to which a run asks the cache for each file and source alone (`trials validate FILE`): a
# query a file costs ~13 us, every row at once ~4 us a row, of 10,000 rows at 10,000 records.
FEW = 64


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


class SeedHashes:
    """The documents under seeds/ as this run knows them (sources.Seed), each looked at once, when
    first asked: its sha256 taken from the cache's source rows when its stat says it is unchanged
    since this clone read it, else read and hashed."""

    def __init__(self, root: Path, store: cache.Cache) -> None:
        self.root, self.store = root, store
        self.known: dict[str, Seed] = {}

    def seed(self, name: str) -> Seed:
        found = self.known.get(name)
        if found is None:
            found = self.known[name] = sources.read_seed(self.root, name, self.store.source)
        return found

    def unchanged(self, cited: tuple[tuple[str, str], ...]) -> bool:
        """Whether each source has the sha256 given (an entry's cited sources, as its check read them)."""
        return all(self.seed(name).sha256 == sha256 for name, sha256 in cited)

    def read(self) -> list[cache.Source]:
        """The documents this run read and hashed, for the cache to trust by their stat next time."""
        return [cache.Source(s.file, *s.read, s.sha256) for s in self.known.values() if s.read is not None and s.sha256]


def validate(
    root: Path,
    paths: list[Path] | list[str],
    *,
    use_cache: bool = True,
    workers: int | None = None,
    every_source: bool = False,
    cache_of: Path | None = None,
) -> Result:
    """Check each file on its own; files the cache vouches for by their stat are not even read, nor
    are the sources they cite by more than their stat. every_source: the caller cross-checks the
    records (cross_check), which needs every document under seeds/ (Result.seeds); otherwise only
    those the files checked cite are looked at. cache_of: root is a copy of that registry with a
    change; its cache is read, never written (Cache.of)."""
    result = Result(root=root, files=len(paths))
    seeds = seed_files(root)
    store = cache.Cache(root, use_cache, few=not every_source and len(paths) <= FEW, of=cache_of)
    hashes = SeedHashes(root, store)
    if every_source:
        result.seeds = [hashes.seed(name) for name in seeds]
    store.belong_to(cache.fingerprint((root / SCHEMA_PATH).read_text(encoding="utf-8")))
    trials_dir = os.path.abspath(root / TRIALS_DIR)
    folders: dict[str, bool] = {}  # each folder's "is it trials/?", worked out once
    prefix = TRIALS_DIR.as_posix() + "/"
    summaries, shared = result.summaries, result.sources
    workers = workers if workers is not None else (os.cpu_count() or 1)
    pool: ProcessPoolExecutor | None = None
    checker = _Lazy(root)

    def plan(chunk: list[Path] | list[str]) -> Plan:
        """(the files misnamed, the summaries the cache vouches for by stat, the files to check) of a
        chunk of files; nothing is kept in the result until take(), so that a chunk planned ahead
        changes nothing of the order of what is found."""
        found = Plan([], [], [])
        for file in chunk:  # the loop a warm run is: keep it lean
            path = os.fspath(file)
            folder, _, name = path.rpartition(os.sep)
            in_trials = folders.get(folder)
            if in_trials is None:
                in_trials = folders[folder] = os.path.abspath(folder or ".") == trials_dir
            if not in_trials:
                shown = display(root, Path(file))
            elif _TRIAL_FILE.match(name):
                shown = prefix + name
            else:  # never printed raw: a newline in a name would forge a log line
                shown = prefix + files.shown(name)
                if os.path.lexists(path):  # a missing file is E001
                    found.misnamed.append(
                        Misnamed(
                            Problem(
                                shown,
                                0,
                                0,
                                "E101",
                                files.misnamed(name),
                            ),
                            _stem(name),
                        )
                    )
                    continue
            entry = store.get(shown)
            if entry is not None and not hashes.unchanged(entry.cited):
                entry = None  # a source it cites changed: checked again, even where its own bytes did not
            if entry is not None:
                try:
                    st: os.stat_result | None = os.lstat(path)
                except OSError:
                    st = None
                if st is not None and stat.S_ISREG(st.st_mode) and entry.fresh(st):
                    found.hits.append(entry)
                    continue
            found.jobs.append(Job(path, shown, _stem(name), entry.sha256 if entry else None))
        return found

    def take(planned: Plan, outcomes: Iterable[Outcome]) -> None:
        """Keep a chunk's findings and summaries and put its newly checked files in the cache."""
        for problem, stem in planned.misnamed:
            result.problems.append(problem)
            result.unindexed_ids.add(stem)
            result.uncounted.append(problem.path)  # not read: what it cites is not known
        summaries.extend(Summary(entry.path, entry.summary, shared) for entry in planned.hits)
        new_entries: list[cache.Entry] = []
        for outcome in outcomes:
            result.problems.extend(outcome.problems)
            kept = store.get(outcome.shown) if outcome.unchanged else None
            item, read = (kept.summary, kept.cited) if kept is not None else (outcome.summary, outcome.read)
            if item is None:
                if outcome.cited is None:
                    result.uncounted.append(outcome.shown)
                else:  # a valid record's citations are in its summary's sources
                    result._cited.update(outcome.cited)
                result.unindexed_ids.add(outcome.stem)
                continue
            if outcome.stamp is not None and outcome.sha is not None and read is not None:
                new_entries.append(cache.Entry(outcome.shown, *outcome.stamp, outcome.sha, item, read))
            summaries.append(Summary(outcome.shown, item, shared))
        store.put_many(new_entries)

    # the patterns the checks in this process compile, read back from the cache when an earlier run kept them
    compiled = CompiledPatterns(store)
    try:
        # A chunk at a time, so that memory holds summaries, not files; the workers get the next
        # chunk before this process takes the last one's results, so they never wait for it.
        waiting: tuple[Plan, Iterable[Outcome]] | None = None
        with compiled_by(compiled.compile if use_cache else re.compile):
            for start in range(0, len(paths), CHUNK):
                planned = plan(paths[start : start + CHUNK])
                jobs = planned.jobs
                if pool is None and workers > 1 and len(jobs) >= PARALLEL_FROM:
                    from concurrent.futures import ProcessPoolExecutor  # a warm run never starts workers

                    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(str(root),))
                batches = [jobs[i : i + BATCH] for i in range(0, len(jobs), BATCH)]
                outcomes = chain.from_iterable(
                    pool.map(_check_in_worker, batches) if pool else (check_files(b, checker) for b in batches)
                )
                if waiting is not None:
                    take(*waiting)
                waiting = planned, outcomes
            if waiting is not None:
                take(*waiting)
        if not every_source:  # the sources the records checked cite, for their manifest lines (cited_sources)
            present = set(seeds)
            result.seeds = [hashes.seed(name) for name in sorted(result.cited) if name in present]
        store.put_sources(hashes.read(), seeds)
        compiled.keep()
    finally:
        if pool is not None:
            pool.shutdown()
        store.close()
    return result


def cited_sources(root: Path, result: Result) -> list[Problem]:
    """What the manifest says of the sources the records of a run that was not every_source cite
    (E307): a record checked alone is bound to its sources' words, and those must be as received."""
    return sources.check_cited(root, result.seeds)


def cross_check(root: Path, result: Result) -> list[Problem]:
    """References across records, from the summaries; places come from a precise load on failure."""
    seeds = [seed.file for seed in result.seeds]
    cited = result.cited  # worked out once: it is a set built from every record's sources
    # a name is never printed raw; none is uncited while a record that did not load may cite it (its
    # own problem is reported: a curator told "cite it or remove it" would delete a source it cites)
    uncited = [] if result.uncounted else [files.shown(s) for s in seeds if s not in cited]
    entries: dict[str, refs.Entry] = {s.path: s for s in result.summaries}
    problems = refs.check(entries.values(), result.unindexed_ids, uncited)
    problems += sources.check_manifest(root, result.seeds)
    rewritten = checkout.check(root)  # what git writes into the work tree is what was committed
    problems += rewritten
    unplaced = {p.path for p in problems if p.line == 0 and p.path in entries}
    if unplaced:
        from sle_trials.checks import load

        for path in unplaced:
            record, _ = load.load(root / path, path)
            if record is not None:
                entries[path] = refs.entry(record)
        problems = (
            refs.check(entries.values(), result.unindexed_ids, uncited)
            + sources.check_manifest(root, result.seeds)
            + rewritten
        )
    return problems


def csv_bytes(result: Result) -> bytes:
    """trials.csv, encoded (export.render_lines, from the summaries' encoded lines): at 250,000
    records the text is ~150 MB, so it is neither decoded nor held twice."""
    lines = sorted((s.nct_id, s.line) for s in result.summaries)
    return export.header().encode("utf-8") + b"".join(line for _, line in lines)
