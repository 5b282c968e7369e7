"""Git plumbing: the git processes the package starts, each with fixed arguments, and few of them.

A revision, a path or an object id that came from a user or from a commit never becomes an option:

- a revision is resolved once, by `git rev-parse --verify --end-of-options REV^{commit}`, and only
  the commit id it names is passed on (Repository.commit);
- paths follow `--`, and every command runs with --literal-pathspecs, so a folder named `:(top)` or
  `*` is only a name;
- object ids are checked to be hex before they reach `git cat-file`.

What costs is counted in processes, not in files: the changes between two revisions (or a revision
and the work tree) are one `git diff-tree` (`git diff`), a tree's listing one `git ls-tree`, and
any number of blobs two `git cat-file` processes (--batch-check for their kinds and sizes, --batch for
the contents of the blobs within a limit; a larger one is never read).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sle_trials.patterns import lazy

TIMEOUT = 120  # seconds, for any one git process
FILE_MODES = ("100644", "100755")  # a regular file (executable or not)
LINK_MODE = "120000"  # a symbolic link: its blob is the link's target
GITLINK_MODE = "160000"  # a submodule: a commit of another repository, not a file
ABSENT_MODE = "000000"
_OID = lazy(r"(?:[0-9a-f]{40}|[0-9a-f]{64})\Z")
_NULL = lazy(r"0+\Z")
# Options that keep what git prints parseable and what it runs fixed, whatever the user's config:
# no external diff or text conversion, no colour, no renames, full object ids, paths from the top.
_DIFF = (
    "-r",
    "-z",
    "--raw",
    "--no-renames",
    "--no-abbrev",
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--no-relative",
)


class GitError(Exception):
    """A git command failed (the message says which, with git's last line), or git is missing."""


class GitNotFound(GitError):
    """There is no git to run."""


@dataclass(frozen=True)
class Entry:
    """A path's state on one side of a change: its mode and object id (ABSENT_MODE: not there; an
    id of zeros: not hashed, as git reports a work-tree file it has not read)."""

    mode: str
    oid: str

    @property
    def present(self) -> bool:
        return self.mode != ABSENT_MODE

    @property
    def hashed(self) -> bool:
        return not _NULL.match(self.oid)


@dataclass(frozen=True)
class Change:
    """A path (from the top of the work tree) that differs between two versions."""

    path: str
    status: str  # A added, D deleted, M modified, T type changed, U unmerged
    old: Entry
    new: Entry


@dataclass(frozen=True)
class Object:
    """What `git cat-file` found for an object id: its kind (blob, tree, commit, tag; missing) and
    size, and a blob's bytes when they were read (None: not a blob, or over the limit)."""

    kind: str
    size: int
    data: bytes | None


# What points git at a repository other than a .git found above the folder it runs in
_GIT_DIR_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR")


def maybe_in_a_repository(folder: Path) -> bool:
    """False only where git would find no repository for folder: no .git (a folder, or the file of
    a linked work tree or submodule) in folder or any folder above it, as git looks for one from
    the folder it runs in (its real path), and none named in the environment. Asking git costs a
    process (5 ms) that outside a repository only says so; a registry outside git asked it twice a
    run (where its cache lives, which attributes its files have), and the tests' copies of the
    registry (3,000 runs a suite) all are. Git decides everywhere else."""
    if any(name in os.environ for name in _GIT_DIR_VARIABLES):
        return True
    try:
        real = folder.resolve(strict=True)
    except (OSError, RuntimeError):  # let git say what it makes of it
        return True
    return any(os.path.lexists(os.path.join(f, ".git")) for f in (real, *real.parents))


def _oid(oid: str) -> str:
    if not _OID.match(oid):
        raise ValueError(f"not an object id: {oid!r}")
    return oid


@dataclass(frozen=True)
class Merge:
    """What a merge of two commits holds: its tree, and the paths where the two conflict (none: a
    merge git makes on its own)."""

    tree: str
    conflicted: tuple[str, ...]


class Repository:
    """A git work tree, by its top folder. Every method runs a fixed number of git processes."""

    def __init__(self, top: Path) -> None:
        self.top = top

    @classmethod
    def containing(cls, folder: Path) -> Repository:
        """The repository whose work tree holds folder; GitError when it is in none."""
        out = _run(folder, "rev-parse", "--show-toplevel")
        return cls(Path(os.fsdecode(out.rstrip(b"\n"))))

    def run(
        self,
        *args: str,
        stdin: bytes | None = None,
        ok: tuple[int, ...] = (0,),
        index: str | None = None,
        config: tuple[str, ...] = (),
    ) -> bytes:
        """git ARGS in the top folder: its standard output. The arguments are the caller's to fix.
        index: an index file of the caller's own (GIT_INDEX_FILE) in place of the clone's; config:
        settings (`name=value`) for this process alone, over the clone's (`git -c`)."""
        return _run(self.top, *args, stdin=stdin, ok=ok, index=index, config=config)

    # --- revisions ------------------------------------------------------------------------------

    def commit(self, rev: str) -> str | None:
        """The id of the commit rev names (a branch, a tag, HEAD~1, an id), or None when it names
        none. rev is only ever read as a revision: `--output=x` is a name that resolves to nothing."""
        if "\0" in rev:
            return None
        out = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}", ok=(0, 1, 128))
        oid = out.decode("ascii", "replace").strip()
        return oid if _OID.match(oid) else None

    def short(self, oid: str) -> str:
        """The commit's id, abbreviated as git abbreviates it (unique in this repository)."""
        return self.run("rev-parse", "--short", _oid(oid)).decode("ascii").strip()

    def merge_bases(self, a: str, b: str) -> list[str]:
        """Every best common ancestor of two commits (more than one after a criss-cross merge)."""
        return self.run("merge-base", "--all", _oid(a), _oid(b), ok=(0, 1)).decode("ascii").split()

    def merged_tree(self, ours: str, theirs: str) -> str | None:
        """The tree a merge of two commits holds (merge()), or None where they share no history."""
        merge = self.merge(ours, theirs)
        return None if merge is None else merge.tree

    def merge(self, ours: str, theirs: str) -> Merge | None:
        """What a merge of two commits holds (`git merge-tree --write-tree`: git's ort merge, as GitHub
        merges a pull request): its tree, where they conflict with git's conflict markers in each file
        both changed (the paths of both sides are all there), and the paths that conflict; None where
        they share no history. Two processes (git 2.38 or later)."""
        if not self.merge_bases(ours, theirs):
            return None
        out = self.run(
            "merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", _oid(ours), _oid(theirs), ok=(0, 1)
        )
        tree, *conflicted = out.decode("utf-8", "surrogateescape").split("\0")
        if not _OID.match(tree):
            return None
        return Merge(tree, tuple(sorted({path for path in conflicted if path})))

    def tree_id(self, commit: str) -> str:
        """The id of a commit's top tree."""
        return self.run("rev-parse", "--verify", "--end-of-options", f"{_oid(commit)}^{{tree}}").decode("ascii").strip()

    def parents(self, commit: str) -> list[str]:
        """The commit's parents, first parent first."""
        return self.run("rev-list", "--parents", "-n", "1", _oid(commit)).decode("ascii").split()[1:]

    def git_dir(self) -> Path:
        """The repository's git directory (.git, or a worktree's own)."""
        return Path(os.fsdecode(self.run("rev-parse", "--absolute-git-dir").rstrip(b"\n")))

    # --- trees and changes ----------------------------------------------------------------------

    def tree(self, commit: str, paths: list[str]) -> dict[str, Entry]:
        """Every file (and submodule) under paths in a commit: path -> its entry. One `git ls-tree`."""
        return dict(self.tree_entries(commit, paths))

    def tree_entries(self, commit: str, paths: list[str]) -> list[tuple[str, Entry]]:
        """tree() as `git ls-tree` lists it, each line (path, entry): a crafted tree that lists one path
        twice shows it twice here (git/extract.py refuses such a tree)."""
        listing = self.run("ls-tree", "-r", "-z", "--full-tree", _oid(commit), "--", *paths)
        out: list[tuple[str, Entry]] = []
        for item in listing.split(b"\0"):
            if item:
                meta, path = item.split(b"\t", 1)
                mode, _kind, oid = meta.decode("ascii").split()
                out.append((os.fsdecode(path), Entry(mode, oid)))
        return out

    def changes(self, base: str, head: str | None, paths: list[str]) -> list[Change]:
        """What differs under paths between commit base and commit head, or (head None) the work
        tree as it is on disk, staged or not (a file git does not track is not listed). One
        `git diff-tree`, or one `git diff`."""
        if head is None:
            raw = self.run("diff", *_DIFF, _oid(base), "--", *paths)
        else:
            raw = self.run("diff-tree", *_DIFF, _oid(base), _oid(head), "--", *paths)
        return _parse_raw(raw)

    def patch(self, base: str, head: str, paths: list[str], *, context: int = 3, ignore_space: bool = False) -> bytes:
        """The diff of paths (every file, for none) from commit base to commit head as a review shows it:
        three lines of context (or context), no renames, no external diff or textconv; ignore_space: as
        GitHub's "Hide whitespace" shows it (`git diff -w`). One `git diff`."""
        args = ("--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", f"-U{context}")
        return self.run("diff", *args, *(("-w",) if ignore_space else ()), _oid(base), _oid(head), "--", *paths)

    # --- attributes -----------------------------------------------------------------------------

    def attributes(self, names: tuple[str, ...], paths: list[str]) -> dict[str, dict[str, str]]:
        """Each path's value of each attribute named (.gitattributes, info/attributes, the user's
        attributes file): "unspecified", "unset", "set" or the value. One `git check-attr`; the paths
        are read from its standard input, relative to the folder the repository was opened at."""
        if not paths:
            return {}
        out = self.run("check-attr", "-z", "--stdin", *names, stdin=b"".join(os.fsencode(p) + b"\0" for p in paths))
        return _attributes(out)

    def tree_attributes(
        self, commit: str, names: tuple[str, ...], paths: list[str], *, fold_case: bool = False
    ) -> dict[str, dict[str, str]]:
        """attributes() as commit's own .gitattributes files give them (with the clone's
        info/attributes and the user's attributes file), never the work tree's nor the clone's index:
        the commit is read into an index of its own in a temporary folder (`git read-tree`), which
        `git check-attr --cached` reads. Two processes. (`git check-attr --source` does it in one,
        from git 2.40.) fold_case: the patterns matched as a clone on a case-blind disk matches them
        (core.ignorecase=true, which git sets there: `SEEDS/** ident` gives seeds/x.txt `ident`),
        whatever this clone's setting; otherwise as this clone matches them."""
        if not paths:
            return {}
        config = ("core.ignorecase=true",) if fold_case else ()
        with tempfile.TemporaryDirectory(prefix="sle-trials-attributes-") as folder:
            index = os.path.join(folder, "index")
            self.run("read-tree", _oid(commit), index=index)
            stdin = b"".join(os.fsencode(p) + b"\0" for p in paths)
            out = self.run("check-attr", "--cached", "-z", "--stdin", *names, stdin=stdin, index=index, config=config)
        return _attributes(out)

    def line_ends(self) -> dict[str, str]:
        """The clone's core.autocrlf and core.eol, as set (lower case; the last value of each), which
        decide the line ends git writes a text file with where its attributes do not. One `git config`."""
        out = self.run("config", "-z", "--get-regexp", r"^core\.(autocrlf|eol)$", ok=(0, 1))
        found: dict[str, str] = {}
        for entry in out.split(b"\0"):
            if entry:
                key, equals, value = entry.decode("utf-8", "replace").partition("\n")
                # a key with no "=" is true; "autocrlf =", an empty value, is false to git
                found[key.lower()] = value.strip().lower() if equals else "true"
        return found

    # --- objects --------------------------------------------------------------------------------

    def objects(self, oids: set[str] | list[str], limit: int) -> dict[str, Object]:
        """Each object's kind and size, and the bytes of each blob of at most limit bytes, for any
        number of ids: two processes (`git cat-file --batch-check`, then `--batch` for the blobs to
        read), none for no ids. A larger blob is never read, only its size reported."""
        wanted = sorted({_oid(oid) for oid in oids})
        if not wanted:
            return {}
        found = _headers(self.run("cat-file", "--batch-check", stdin=_lines(wanted)), wanted)
        small = [oid for oid in wanted if found[oid].kind == "blob" and found[oid].size <= limit]
        if small:
            found.update(_contents(self.run("cat-file", "--batch", stdin=_lines(small)), small))
        return found


def merge_file(
    current: Path | str,
    base: Path | str,
    other: Path | str,
    *,
    labels: tuple[str, str, str] | None = None,
    in_place: bool = False,
) -> bytes | None:
    """`git merge-file`: the changes from base to other, applied to current. Its result when the
    merge is clean, None on a conflict; with in_place, the result (conflict markers and all) is left
    in current instead, under the labels given."""
    options = [*(arg for label in labels or () for arg in ("-L", label)), *(() if in_place else ("-p", "--quiet"))]
    done = _spawn(["git", "merge-file", *options, "--", str(current), str(base), str(other)], "merge-file")
    return done.stdout if done.returncode == 0 and not in_place else None


def _attributes(out: bytes) -> dict[str, dict[str, str]]:
    """`git check-attr -z` output: 'PATH\\0NAME\\0VALUE\\0' each, as path -> name -> value."""
    fields = out.split(b"\0")
    found: dict[str, dict[str, str]] = {}
    for path, name, value in zip(fields[0::3], fields[1::3], fields[2::3]):
        found.setdefault(os.fsdecode(path), {})[name.decode("utf-8", "replace")] = value.decode("utf-8", "replace")
    return found


def _run(
    where: Path,
    *args: str,
    stdin: bytes | None = None,
    ok: tuple[int, ...] = (0,),
    index: str | None = None,
    config: tuple[str, ...] = (),
) -> bytes:
    # Paths are names, never patterns; and reading takes no lock (`git diff` would otherwise write
    # the index it refreshed, racing an editor's `git add`).
    settings = [option for setting in config for option in ("-c", setting)]
    command = ["git", "--literal-pathspecs", "--no-optional-locks", *settings, "-C", str(where), *args]
    done = _spawn(command, args[0], stdin, None if index is None else {**os.environ, "GIT_INDEX_FILE": index})
    if done.returncode not in ok:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]}: {message[-1] if message else f'failed (exit status {done.returncode})'}")
    return done.stdout


def _spawn(
    command: list[str], name: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """The one place a git process starts: its output captured, never waited for forever."""
    try:
        return subprocess.run(command, check=False, input=stdin, capture_output=True, timeout=TIMEOUT, env=env)
    except FileNotFoundError:
        raise GitNotFound("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {name}: no answer within {TIMEOUT} seconds") from None


def _lines(oids: list[str]) -> bytes:
    return "".join(oid + "\n" for oid in oids).encode("ascii")


def _parse_raw(raw: bytes) -> list[Change]:
    """`git diff --raw -z --no-renames` output: ':OLDMODE NEWMODE OLDID NEWID STATUS\\0PATH\\0' each."""
    fields = raw.split(b"\0")
    out = []
    for meta, path in zip(fields[0::2], fields[1::2]):
        old_mode, new_mode, old_oid, new_oid, status = meta.decode("ascii").lstrip(":").split()
        out.append(Change(os.fsdecode(path), status[0], Entry(old_mode, old_oid), Entry(new_mode, new_oid)))
    return out


def _headers(out: bytes, wanted: list[str]) -> dict[str, Object]:
    """`git cat-file --batch-check` output: 'ID KIND SIZE' or 'ID missing', a line for each id asked;
    each object without its data."""
    lines = out.decode("ascii").splitlines()
    if len(lines) != len(wanted):
        raise GitError(f"git cat-file: {len(lines)} answers for {len(wanted)} objects")
    found = {}
    for oid, line in zip(wanted, lines):
        words = line.split()
        if words[:1] != [oid] or len(words) not in (2, 3):
            raise GitError(f"git cat-file: unexpected answer {line!r} for {oid}")
        found[oid] = Object(words[1], int(words[2]), None) if len(words) == 3 else Object("missing", 0, None)
    return found


def _contents(out: bytes, wanted: list[str]) -> dict[str, Object]:
    """`git cat-file --batch` output: 'ID KIND SIZE\\n' then SIZE bytes and '\\n', for each id asked."""
    found: dict[str, Object] = {}
    at = 0
    for oid in wanted:
        end = out.index(b"\n", at)
        words = out[at:end].decode("ascii", "replace").split()
        if words[:1] != [oid]:
            raise GitError(f"git cat-file: unexpected answer {out[at:end]!r} for {oid}")
        if len(words) != 3:  # gone since the --batch-check (a gc): as missing
            found[oid] = Object("missing", 0, None)
            at = end + 1
            continue
        size = int(words[2])
        found[oid] = Object(words[1], size, out[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return found
