"""Merge: a git merge driver that resolves a conflict in a generated file by regenerating it.

trials.csv (and datapackage.json, which `trials csv` writes with it) is generated from the
records, so a conflict in it only says "both branches changed trials". The driver ignores
the three versions git hands it, works out the records the merge produces, and writes to %A exactly
what `trials csv` would write from them. It exits 0 when the merged records are valid; otherwise it
leaves git's usual conflict markers in the file and exits 1, so git reports a conflict (resolve the
records, run `trials csv`, `git add` the file).

Git runs a merge driver before it writes the merge into the work tree (merge-ort merges in memory),
so the work tree still holds our side's records and cannot be used. The driver merges the
registry's inputs (schema/, seeds/, trials/) itself from three commits: ours is HEAD; theirs is the
commit being merged (`git merge` and `git pull` name it in a GITHEAD_<id> variable) or picked
(`git rebase` lists it last in .git/rebase-merge/done); the base is their merge base, or the picked
commit's parent. A file changed on one side takes that side; a file changed on both goes through
`git merge-file`. Whatever it cannot decide for certain (a conflict in a record, a cherry-pick or a
revert, an octopus merge, a criss-cross merge with several bases) makes it fail, never guess.

Wired by `make check`:  git config merge.trials-csv.driver '.venv/bin/trials merge-csv %O %A %B %P'
and .gitattributes:     trials.csv merge=trials-csv, datapackage.json merge=trials-csv

It regenerates only those two committed files. The JSON export (`trials export json`) is not
committed, so git never merges it.

The inputs come from commits that anyone may have pushed, so the driver trusts nothing in them: a
symbolic link among the merged inputs (`trials` turned into a link to a folder outside the
repository, say) is never made, nor read or written through; the driver reports it and fails,
leaving git's conflict (the loader refuses links anyway). The merged inputs are written into a fresh
folder in the git directory, each file created anew (O_EXCL, O_NOFOLLOW), and %A is written only
when it is the regular file git made at the top of the work tree.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from sle_trials import command, files
from sle_trials.checks import sources
from sle_trials.git import plumbing
from sle_trials.outputs import generate, report
from sle_trials.paths import CSV_PATH
from sle_trials.patterns import lazy

INPUTS = ("schema", "seeds", "trials")  # what the generated files are made from
DRIVER = "trials-csv"
_PICKS = {"pick", "p", "reword", "r", "edit", "e", "squash", "s", "fixup", "f"}
_OID = lazy(r"[0-9a-f]{40}(?:[0-9a-f]{24})?\Z")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DONE_LIMIT = 1 << 20  # .git/rebase-merge/done: a line per commit picked
_INPUT_LIMIT = max(
    files.MAX_SOURCE_BYTES, sources.MANIFEST_LIMIT
)  # the largest input any check reads; a larger blob is never read


class MergeError(Exception):
    """The driver cannot regenerate the file; git must report a conflict."""


class Sides(NamedTuple):
    """The merge git is running, besides our HEAD."""

    theirs: str  # the commit merged or picked
    base: str | None  # the picked commit's parent ("" for a root commit); None: the merge base of ours and theirs


class File(NamedTuple):
    """An input file after the merge."""

    mode: str  # 100644 or 100755
    content: bytes


def _commit(repo: plumbing.Repository, name: str) -> str:
    oid = repo.commit(name)
    if oid is None:
        raise MergeError(f"{files.shown(name)} is not a commit")
    return oid


def _sides(repo: plumbing.Repository, git_dir: Path) -> Sides:
    """Their commit and the base of the merge git is running."""
    heads = [name[len("GITHEAD_") :] for name in os.environ if name.startswith("GITHEAD_")]
    if len(heads) > 1:
        raise MergeError("an octopus merge (more than one branch at once)")
    if heads and _OID.match(heads[0]):
        return Sides(_commit(repo, heads[0]), None)
    done = git_dir / "rebase-merge" / "done"
    if done.is_file():
        text = files.read_bytes(done, _DONE_LIMIT).decode("utf-8", errors="replace")
        steps = [line.split() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if steps and steps[-1][0] in _PICKS:
            words = [w for w in steps[-1][1:] if not w.startswith("-")]
            if words:
                commit = _commit(repo, words[0])
                parents = repo.parents(commit)
                if len(parents) > 1:
                    raise MergeError("a rebase that picks a merge commit")
                return Sides(commit, parents[0] if parents else "")
    raise MergeError("this is not a `git merge`, `git pull` or `git rebase` (a cherry-pick, revert or stash?)")


def _base(repo: plumbing.Repository, ours: str, theirs: str) -> str:
    bases = repo.merge_bases(ours, theirs)
    if len(bases) > 1:
        raise MergeError("a criss-cross merge (several merge bases)")
    return bases[0] if bases else ""  # "": unrelated histories, an empty base


def _entries(repo: plumbing.Repository, commit: str, prefix: str) -> dict[str, plumbing.Entry]:
    """The input files of one commit: path (from the repository's top) -> its entry (mode, blob id)."""
    if not commit:
        return {}
    listing = repo.tree(commit, [prefix + d for d in INPUTS])
    return {
        path: entry for path, entry in listing.items() if entry.mode != plumbing.GITLINK_MODE
    }  # a submodule is no input


def _merge_manifest(ours: bytes, base: bytes, theirs: bytes) -> bytes | None:
    try:
        return sources.merge_manifests(base, ours, theirs)
    except sources.ManifestConflict:
        return None


def _merge_file(ours: bytes, base: bytes, theirs: bytes) -> bytes | None:
    """git merge-file's result, or None when both sides changed the same lines."""
    with tempfile.TemporaryDirectory(prefix="trials-merge-file-") as tmp:
        names = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            (Path(tmp) / name).write_bytes(data)
            names.append(Path(tmp) / name)
        return plumbing.merge_file(*names)


class _Blobs:
    """The blobs of the three sides' inputs, read in one batch; a blob too large to be an input is
    never read, and is a MergeError once the merge needs it."""

    def __init__(self, repo: plumbing.Repository, sides: list[dict[str, plumbing.Entry]]) -> None:
        self.found = repo.objects({entry.oid for side in sides for entry in side.values()}, _INPUT_LIMIT)

    def content(self, path: str, entry: plumbing.Entry | None) -> bytes:
        if entry is None:
            return b""
        obj = self.found[entry.oid]
        if obj.data is None:
            why = (
                f"{obj.size:,} bytes, more than any input of the registry may be"
                if obj.kind == "blob"
                else f"not a blob ({obj.kind})"
            )
            raise MergeError(f"{files.shown(path)} is {why}")
        return obj.data


def _both_changed(
    path: str, prefix: str, blobs: _Blobs, b: plumbing.Entry | None, o: plumbing.Entry, t: plumbing.Entry
) -> bytes | None:
    """The three-way merge of a file both sides changed (None: a conflict): the manifest as the
    trials-manifest driver merges it (a set of lines), any other file by `git merge-file`."""
    merge = _merge_manifest if path == prefix + sources.MANIFEST_PATH else _merge_file
    return merge(blobs.content(path, o), blobs.content(path, b), blobs.content(path, t))


def merged_inputs(top: Path, prefix: str, base: str, ours: str, theirs: str) -> dict[str, File]:
    """Path -> its mode and content, for every input file after a three-way merge; MergeError on a conflict."""
    repo = plumbing.Repository(top)
    sides = [_entries(repo, commit, prefix) for commit in (base, ours, theirs)]
    blobs = _Blobs(repo, sides)
    out: dict[str, File] = {}
    conflicts = []
    for path in sorted(set().union(*sides)):
        b, o, t = (side.get(path) for side in sides)
        if o == t or t == b:
            pick = o
        elif o == b:
            pick = t
        elif o and t and o.mode == t.mode in plumbing.FILE_MODES and (b is None or b.mode == o.mode):
            content = _both_changed(path, prefix, blobs, b, o, t)
            if content is None:
                conflicts.append(path)
            else:
                out[path] = File(o.mode, content)
            continue
        else:  # deleted on one side and changed on the other, or a file turned into a link
            conflicts.append(path)
            continue
        if pick is not None:
            out[path] = File(pick.mode, blobs.content(path, pick))
    if conflicts:
        more = f" and {len(conflicts) - 3} more" if len(conflicts) > 3 else ""
        raise MergeError(
            f"both sides changed {', '.join(map(files.shown, conflicts[:3]))}{more}; "
            "the records do not merge by themselves"
        )
    links = [path for path, file in out.items() if file.mode not in plumbing.FILE_MODES]
    if links:  # a link could point anywhere (outside the repository); the loader would refuse it anyway
        raise MergeError(
            f"{files.shown(links[0])} is a symbolic link in the merged inputs; the registry holds regular files only"
        )
    return out


def _write_tree(inputs: dict[str, File], prefix: str, dest: Path) -> None:
    """The merged inputs as files under dest, a fresh folder: folders made one by one, each file
    created anew; nothing existing is followed or overwritten."""
    for path, file in inputs.items():
        relative = PurePosixPath(path[len(prefix) :])
        if relative.is_absolute() or any(part in ("", ".", "..") for part in relative.parts):
            raise MergeError(
                f"unsafe path in the tree: {files.shown(path)}"
            )  # git refuses such trees; never follow one
        if file.mode not in plumbing.FILE_MODES:  # merged_inputs refuses them; never make a link
            raise MergeError(f"{files.shown(path)} is not a regular file")
        folder = dest
        for part in relative.parts[:-1]:
            folder = folder / part
            try:
                os.mkdir(folder, 0o700)
            except FileExistsError:
                if not stat.S_ISDIR(os.lstat(folder).st_mode):
                    raise MergeError(f"{files.shown(path)}: {files.shown(part)} is both a file and a folder") from None
        fd = os.open(folder / relative.parts[-1], os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(file.content)


def regenerate(root: Path, name: PurePosixPath) -> bytes:
    """What `trials csv` writes to name (relative to root), from the registry at root."""
    state = generate.build(root, use_cache=False)
    if state.outputs is None:
        report.render(state.problems, "text", sys.stderr, files=state.result.files)
        raise MergeError("the merged records have the problems above")
    data = state.outputs.get(Path(name))
    if data is None:
        raise MergeError(f"{name} is not a file that `trials csv` generates")
    return data


def _own_file(top: Path, file: str) -> bool:
    """Whether file is a regular file (not a link) directly in the top of the work tree: where git
    puts the temporary files it hands a merge driver (%O %A %B)."""
    try:
        st = os.lstat(file)
        return (
            stat.S_ISREG(st.st_mode)
            and st.st_nlink == 1
            and os.path.samefile(os.path.dirname(os.path.abspath(file)), top)
        )
    except OSError:
        return False


def _write_ours(top: Path, ours_file: str, data: bytes) -> None:
    """Replace %A's content, only if it is git's own temporary file; never through a link."""
    if not _own_file(top, ours_file):
        raise MergeError(f"{files.shown(ours_file)} is not a regular file at the top of the work tree; not written")
    before = os.lstat(ours_file)
    fd = os.open(ours_file, os.O_WRONLY | _NOFOLLOW)
    with os.fdopen(fd, "wb") as out:
        st = os.fstat(out.fileno())
        if (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):  # swapped since the lstat
            raise MergeError(f"{files.shown(ours_file)} changed while it was written")
        out.truncate(0)
        out.write(data)


def _textual_merge(top: Path | None, ours_file: str, base_file: str, theirs_file: str, name: str) -> None:
    """Leave git's usual result in %A (conflict markers where both sides changed a row), when the
    three files are git's own; otherwise leave %A as git made it (git reports the conflict)."""
    if top is None or not all(_own_file(top, f) for f in (ours_file, base_file, theirs_file)):
        return
    plumbing.merge_file(
        ours_file,
        base_file,
        theirs_file,
        labels=(f"{name} (ours)", f"{name} (base)", f"{name} (theirs)"),
        in_place=True,
    )


def run(base_file: str, ours_file: str, theirs_file: str, pathname: str | None, root: Path | None) -> int:
    """The merge driver: %O %A %B %P. Exit status 0 resolved, 1 conflict."""
    shown = files.shown(pathname or CSV_PATH.as_posix())
    top: Path | None = None
    try:
        repo = plumbing.Repository.containing(Path.cwd())
        top, git_dir = repo.top, repo.git_dir()
        if pathname:
            where = PurePosixPath(pathname)
            prefix, name = ("" if where.parent == PurePosixPath(".") else f"{where.parent}/"), PurePosixPath(where.name)
        else:
            found = (root or Path.cwd()).resolve().relative_to(top.resolve()).as_posix()
            prefix, name = ("" if found == "." else f"{found}/"), PurePosixPath(CSV_PATH.as_posix())
        theirs, base = _sides(repo, git_dir)
        ours = _commit(repo, "HEAD")
        if base is None:
            base = _base(repo, ours, theirs)
        merged = merged_inputs(top, prefix, base, ours, theirs)
        with tempfile.TemporaryDirectory(prefix="trials-merge-", dir=git_dir) as tmp:
            _write_tree(merged, prefix, Path(tmp))
            data = regenerate(Path(tmp), name)
        _write_ours(top, ours_file, data)
    except (MergeError, plumbing.GitError, OSError, ValueError, files.Refused) as exc:
        print(
            f"trials merge-csv: {shown} not regenerated: {exc}.\n"
            f"  Resolve the records, then run `{command.run('csv')}` and `git add {shown}`.",
            file=sys.stderr,
        )
        _textual_merge(top, ours_file, base_file, theirs_file, shown)
        return 1
    print(f"trials merge-csv: {shown} regenerated from the merged records", file=sys.stderr)
    return 0


def run_manifest(base_file: str, ours_file: str, theirs_file: str, pathname: str | None) -> int:
    """The merge driver of seeds/SHA256SUMS: %O %A %B %P, merged as sets of lines (sources.merge_manifests).
    Exit status 0 merged, 1 conflict (git's usual markers left in %A, which `trials check` reports)."""
    shown = files.shown(pathname or sources.MANIFEST_PATH)
    top: Path | None = None
    try:
        top = plumbing.Repository.containing(Path.cwd()).top
        sides = []
        for file in (base_file, ours_file, theirs_file):
            if not _own_file(top, file):
                raise MergeError(f"{files.shown(file)} is not a regular file at the top of the work tree")
            sides.append(files.read_bytes(file, sources.MANIFEST_LIMIT))
        _write_ours(top, ours_file, sources.merge_manifests(*sides))
    except (MergeError, plumbing.GitError, sources.ManifestConflict, OSError, files.Refused) as exc:
        print(
            f"trials merge-manifest: {shown} not merged: {exc}.\n"
            "  Keep one line per document under seeds/ (sha256sum writes them), "
            f"then `{command.run('check')}` and `git add {shown}`.",
            file=sys.stderr,
        )
        _textual_merge(top, ours_file, base_file, theirs_file, shown)
        return 1
    print(f"trials merge-manifest: {shown} merged as a set of lines", file=sys.stderr)
    return 0
