"""Sources: the documents under seeds/ stay byte-for-byte as received.

seeds/SHA256SUMS (the format `sha256sum` writes and `sha256sum -c` reads) lists every source document
with its hash. A document that is missing from it, differs from its hash, or is listed but gone is a
problem, so an edited or unlisted source cannot slip into a commit. So is a line that is not
`<sha256>  <name>` (or `<sha256> *<name>`): conflict markers a merge left, or any other junk, would
otherwise be skipped and committed unseen.

Every source and the manifest itself are read through files.read: a link (to a secret outside the
repository, to /dev/zero), a named pipe or a device under seeds/ is reported and never read, so its
target can never be quoted in a message or a CI annotation.

Two branches that each add a source each add a line, so their manifests merge as sets of lines
(merge_manifests): the git merge driver `trials merge-manifest` and the trials-csv driver use it.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from sle_trials import files
from sle_trials.paths import SEEDS_DIR
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E307",
        "source-not-as-received",
        (
            "a document under seeds/ unlisted in, or different from, seeds/SHA256SUMS (in .ci/trusted-check, "
            "also from the base branch's), "
            "badly named or not a plain file, or a line of the manifest that is not `<sha256>  <name>`"
        ),
    ),
)


MANIFEST = "SHA256SUMS"
MANIFEST_PATH = f"{SEEDS_DIR}/{MANIFEST}"
MANIFEST_LIMIT = 64 << 20  # ~100 bytes a line: room for 600,000 sources
# What sha256sum writes: the hash, a space, a space (text) or `*` (binary), the name.
_LINE = lazy(r"(?P<digest>[0-9a-fA-F]{64}) [ *](?P<name>.*)\Z")
_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")


class ManifestConflict(Exception):
    """Two manifests that do not merge by themselves: a person must decide."""


class Entry:
    """One listed source: its name under seeds/, its sha256 (lower case), its line number and text."""

    __slots__ = ("name", "digest", "number", "line")

    def __init__(self, name: str, digest: str, number: int, line: str) -> None:
        self.name, self.digest, self.number, self.line = name, digest, number, line


def parse(text: str) -> tuple[list[Entry], list[tuple[int, str]]]:
    """(the manifest's entries in order, (line number, why) of each line that is not one)."""
    entries: list[Entry] = []
    bad: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    body = text[:-1] if text.endswith("\n") else text  # the last line's end starts no line
    for number, line in enumerate(body.split("\n") if body else [], 1):
        match = _LINE.match(line)
        if match is None or not files.NAME.match(match["name"]):
            bad.append(
                (
                    number,
                    "an unresolved merge-conflict marker"
                    if line.startswith(_MARKERS)
                    else "a CR line end (save it with LF line ends)"
                    if line.endswith("\r")
                    else "a byte-order mark before it (save it as UTF-8 without BOM)"
                    if line.startswith("\ufeff")
                    else _with_folder(match["name"])
                    if match is not None and _with_folder(match["name"])
                    else "not `<sha256>  <file name>` as sha256sum writes it",
                )
            )
        elif match["name"] in seen:
            bad.append((number, f"{match['name']} is listed twice (lines {seen[match['name']]} and {number})"))
        else:
            seen[match["name"]] = number
            entries.append(Entry(match["name"], match["digest"].lower(), number, line))
    return entries, bad


def _with_folder(name: str) -> str:
    """Why a line names its file with a folder (`seeds/x.txt`, `./x.txt`): sha256sum run from the
    clone's top, not from seeds/, writes the path it was given. Empty for any other name."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if "/" not in name.replace("\\", "/") or not files.NAME.match(base):
        return ""
    return (
        f"names {files.shown(name)} with a folder: a line names the file as it is in {SEEDS_DIR}/, {base}, "
        f"as `(cd {SEEDS_DIR} && sha256sum {base} >> {MANIFEST})` writes it"
    )


def read(root: Path) -> tuple[list[Entry], list[Problem]]:
    """The entries of root's manifest, and its problems (a malformed line, an unreadable file). A
    missing manifest lists nothing: each source is then reported unlisted."""
    entries, problems, _ = _read(root)
    return entries, problems


def _read(root: Path) -> tuple[list[Entry], list[Problem], list[str]]:
    """read(), and the manifest's lines as read (none when it is not read)."""
    file = root / SEEDS_DIR / MANIFEST
    try:
        raw, _ = files.read(file, MANIFEST_LIMIT)
        text = raw.decode("utf-8")
    except files.Refused as exc:
        if not file.exists() and not file.is_symlink():
            return [], [], []
        return (
            [],
            [
                Problem(
                    MANIFEST_PATH,
                    0,
                    0,
                    "E307",
                    f"{MANIFEST_PATH} is not read: {exc}; it must be a plain file listing every source",
                )
            ],
            [],
        )
    except UnicodeDecodeError:
        return [], [Problem(MANIFEST_PATH, 0, 0, "E307", f"{MANIFEST_PATH} is not UTF-8 text")], []
    entries, bad = parse(text)
    problems = [
        Problem(
            MANIFEST_PATH,
            number,
            1,
            "E307",
            f"{MANIFEST_PATH} line {number}: {why}; fix or remove the line "
            f"(each line: the sha256 of a file under {SEEDS_DIR}/, two spaces, its name)",
        )
        for number, why in bad
    ]
    return entries, problems, text.split("\n") if bad else []


class Seed(NamedTuple):
    """A document under seeds/ as this run knows it: its sha256, or why it was not read."""

    file: str  # seeds/NAME
    sha256: str | None  # hex; None when refused
    refused: str | None  # why it was not read (a link, a pipe, too large)
    read: files.Stamp | None = None  # the document as this run read it (None: known by the cache, or refused)


def read_seed(root: Path, seed: str, known: Callable[[str, os.stat_result], str | None] | None = None) -> Seed:
    """One source document's sha256 (seed: seeds/NAME). known(seed, its lstat) gives the sha256 the
    check cache holds for a regular file unchanged by its stat since this clone read it, as trial
    files are trusted; any other file is read through the guard (files.read), and refused when it is
    not a plain file."""
    path = os.path.join(root, seed)
    if known is not None:
        try:
            st = os.lstat(path)
        except OSError:
            st = None
        sha256 = known(seed, st) if st is not None and stat.S_ISREG(st.st_mode) else None
        if sha256 is not None:
            return Seed(seed, sha256, None)
    try:
        raw, stamp = files.read(path, files.MAX_SOURCE_BYTES)
    except files.Refused as exc:
        return Seed(seed, None, str(exc))
    return Seed(seed, hashlib.sha256(raw).hexdigest(), None, stamp)


def read_seeds(
    root: Path, seed_files: list[str], known: Callable[[str, os.stat_result], str | None] | None = None
) -> list[Seed]:
    """Every source document's sha256 (read_seed), once a run: the manifest check and the check
    cache take theirs from here (each used to read and hash every source itself: 119 MB twice a
    check at 10,000 records)."""
    return [read_seed(root, seed, known) for seed in seed_files]


def check_manifest(root: Path, seeds: list[Seed]) -> list[Problem]:
    """seeds: the source documents as this run read them (read_seeds)."""
    entries, problems = read(root)
    listed = {f"{SEEDS_DIR}/{e.name}": e for e in entries}
    problems += _as_listed(seeds, listed)
    present = {seed.file for seed in seeds}  # a set: with a list, 10,000 sources took 11 s of comparisons
    for seed, entry in listed.items():
        if seed not in present:
            problems.append(
                Problem(
                    MANIFEST_PATH,
                    entry.number,
                    1,
                    "E307",
                    f"{files.shown(seed)} is listed but not under {SEEDS_DIR}/; restore it or remove the line",
                )
            )
    return problems


def check_cited(root: Path, seeds: list[Seed]) -> list[Problem]:
    """The manifest's word on the sources a few records cite (seeds: those, as this run read them):
    each listed, with its sha256. What `trials validate FILE` says of the sources FILE's values were
    bound to, which passed a record whose source had been edited; the manifest's other lines and
    the other sources are `trials check`'s (check_manifest). A manifest that is not read (a link, not
    UTF-8) is said to be so, not each source "not listed, add it"; a line that names a cited source
    but is no entry (listed twice, under another hash; a CR line end, a byte-order mark) and a merge
    conflict's marker are reported, since the source's listing is then in doubt: a source listed
    twice, or on both sides of an unresolved conflict, passed under the first line's hash."""
    if not seeds:
        return []
    entries, problems, lines = _read(root)
    if any(p.line == 0 for p in problems):
        return problems
    names = {seed.file[len(SEEDS_DIR) + 1 :] for seed in seeds}
    doubted: set[str] = set()
    kept: list[Problem] = []
    for problem in problems:
        line = lines[problem.line - 1]
        named = names.intersection(line.replace("\ufeff", " ").replace("*", " ").split())
        if named or line.startswith(_MARKERS):
            kept.append(problem)
            doubted |= named
    listed = {f"{SEEDS_DIR}/{e.name}": e for e in entries}
    return kept + _as_listed([s for s in seeds if s.file[len(SEEDS_DIR) + 1 :] not in doubted], listed)


def _as_listed(seeds: list[Seed], listed: dict[str, Entry]) -> list[Problem]:
    """E307 for each source that is badly named, not read, not listed or not as listed."""
    problems: list[Problem] = []
    for seed, sha256, refused, _ in seeds:
        name = seed[len(SEEDS_DIR) + 1 :]
        if not files.NAME.match(name):  # refused by its name alone: never printed raw
            shown_seed = files.shown(seed)
            problems.append(
                Problem(
                    shown_seed,
                    0,
                    0,
                    "E307",
                    f"{shown_seed}: a source's file name is letters, digits, '.', '_' "
                    "and '-', starting with a letter or a digit, at most 200 characters; rename it",
                )
            )
            continue
        if sha256 is None:
            problems.append(
                Problem(
                    seed,
                    0,
                    0,
                    "E307",
                    f"{seed} is not read: {refused}; "
                    f"a source document is a plain file under {SEEDS_DIR}/, kept as received",
                )
            )
            continue
        if seed not in listed:
            # the name passed files.NAME above: letters, digits, '.', '_', '-', safe to print in a command
            fix = f"(cd {SEEDS_DIR} && sha256sum {name} >> {MANIFEST})"
            # a commit hook reads the staged manifest: a line added and left unstaged reads as missing there,
            # and adding it again, as the fix alone said, listed the source twice (E307 again)
            staged = f"if you added it and a commit hook says this, stage it instead: git add {MANIFEST_PATH}"
            problems.append(
                Problem(seed, 0, 0, "E307", f"{seed} is not listed in {MANIFEST_PATH}; add it: {fix} ({staged})")
            )
            continue
        if sha256 != listed[seed].digest:
            problems.append(
                Problem(
                    seed,
                    0,
                    0,
                    "E307",
                    f"{seed} differs from its sha256 in {MANIFEST_PATH}: a source is kept exactly as received; "
                    f"restore it (git checkout -- {shlex.quote(seed)}), or, for a new source, write its line "
                    f"again (cd {SEEDS_DIR} && sha256sum {name}, in place of its line in {MANIFEST})",
                )
            )
    return problems


def _side(raw: bytes, side: str) -> dict[str, Entry]:
    try:
        entries, bad = parse(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ManifestConflict(f"{side}: not UTF-8 text") from None
    if bad:
        number, why = bad[0]
        raise ManifestConflict(f"{side}: line {number}: {why}")
    return {e.name: e for e in entries}


def merge_manifests(base: bytes, ours: bytes, theirs: bytes) -> bytes:
    """The manifest a three-way merge gives, its lines taken as a set: a line added on either side
    is kept (once, if both added it), a line removed on both sides goes, a hash changed on one side
    only is taken. ManifestConflict when a name is listed with a different hash on each side, when
    it is removed on one side and kept on the other (a person decides whether the source goes), or
    when a side has a line that is not one. Our lines keep their order; theirs follow in theirs."""
    b, o, t = _side(base, "the base"), _side(ours, "ours"), _side(theirs, "theirs")
    out: list[str] = []
    conflicts: list[str] = []
    for name in list(o) + [n for n in t if n not in o]:
        was, mine, their = b.get(name), o.get(name), t.get(name)
        digests = [e.digest if e else None for e in (was, mine, their)]
        if digests[1] == digests[2] or digests[2] == digests[0]:
            keep = mine
        elif digests[1] == digests[0]:
            keep = their
        else:
            conflicts.append(name)
            continue
        if was is not None and (mine is None) != (their is None):  # removed on one side, kept on the other
            conflicts.append(name)
        elif keep is not None:
            out.append(keep.line)
    if conflicts:
        more = f" and {len(conflicts) - 3} more" if len(conflicts) > 3 else ""
        raise ManifestConflict(
            f"{', '.join(map(files.shown, conflicts[:3]))}{more}: changed differently on the two sides"
        )
    return "".join(line + "\n" for line in out).encode("utf-8")
