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
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

from sle_trials.outputs import export, generate, report
from sle_trials import files
from sle_trials.checks import sources

INPUTS = ("schema", "seeds", "trials")  # what the generated files are made from
DRIVER = "trials-csv"
_PICKS = {"pick", "p", "reword", "r", "edit", "e", "squash", "s", "fixup", "f"}
_OID = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?\Z")
_FILE_MODES = ("100644", "100755")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DONE_LIMIT = 1 << 20  # .git/rebase-merge/done: a line per commit picked

Entry = tuple[str, str]  # (mode, blob id)


class MergeError(Exception):
    """The driver cannot regenerate the file; git must report a conflict."""


def _git(top: Path, *args: str, stdin: bytes | None = None) -> bytes:
    proc = subprocess.run(["git", "-C", str(top), *args], input=stdin, capture_output=True)
    if proc.returncode != 0:
        raise MergeError(f"git {args[0]} failed: {proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout


def _commit(top: Path, name: str) -> str:
    return _git(top, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").decode().strip()


def _sides(top: Path, git_dir: Path) -> tuple[str, str | None]:
    """(their commit, the base) of the merge git is running; base None: the merge base of both."""
    heads = [name[len("GITHEAD_"):] for name in os.environ if name.startswith("GITHEAD_")]
    if len(heads) > 1:
        raise MergeError("an octopus merge (more than one branch at once)")
    if heads and _OID.match(heads[0]):
        return heads[0], None
    done = git_dir / "rebase-merge" / "done"
    if done.is_file():
        text = files.read_bytes(done, _DONE_LIMIT).decode("utf-8", errors="replace")
        steps = [line.split() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if steps and steps[-1][0] in _PICKS:
            words = [w for w in steps[-1][1:] if not w.startswith("-")]
            if words:
                commit = _commit(top, words[0])
                parents = _git(top, "rev-list", "--parents", "-n", "1", commit).decode().split()[1:]
                if len(parents) > 1:
                    raise MergeError("a rebase that picks a merge commit")
                return commit, parents[0] if parents else ""
    raise MergeError("this is not a `git merge`, `git pull` or `git rebase` (a cherry-pick, revert or stash?)")


def _base(top: Path, ours: str, theirs: str) -> str:
    proc = subprocess.run(["git", "-C", str(top), "merge-base", "--all", ours, theirs], capture_output=True)
    bases = proc.stdout.decode().split()
    if len(bases) > 1:
        raise MergeError("a criss-cross merge (several merge bases)")
    return bases[0] if bases else ""  # "": unrelated histories, an empty base


def _entries(top: Path, commit: str, prefix: str) -> dict[str, Entry]:
    """The input files of one commit: path (from the repository's top) -> (mode, blob id)."""
    if not commit:
        return {}
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *(prefix + d for d in INPUTS))
    out: dict[str, Entry] = {}
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, path = item.split(b"\t", 1)
        mode, kind, oid = meta.decode().split()
        if kind == "blob":  # submodules (commits) are not inputs
            out[os.fsdecode(path)] = (mode, oid)
    return out


def _blobs(top: Path, oids: set[str]) -> dict[str, bytes]:
    if not oids:
        return {}
    wanted = sorted(oids)
    out = _git(top, "cat-file", "--batch", stdin=("\n".join(wanted) + "\n").encode())
    blobs: dict[str, bytes] = {}
    at = 0
    for oid in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].decode().split()
        if len(header) != 3:
            raise MergeError(f"git cat-file: {out[at:end].decode('utf-8', 'replace')}")
        size = int(header[2])
        blobs[oid] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return blobs


def _merge_file(ours: bytes, base: bytes, theirs: bytes) -> bytes | None:
    """git merge-file's result, or None when both sides changed the same lines."""
    with tempfile.TemporaryDirectory(prefix="trials-merge-file-") as tmp:
        names = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            (Path(tmp) / name).write_bytes(data)
            names.append(str(Path(tmp) / name))
        proc = subprocess.run(["git", "merge-file", "-p", "--quiet", *names], capture_output=True)
    return proc.stdout if proc.returncode == 0 else None


def _merge_manifest(ours: bytes, base: bytes, theirs: bytes) -> bytes | None:
    try:
        return sources.merge_manifests(base, ours, theirs)
    except sources.ManifestConflict:
        return None


def merged_inputs(top: Path, prefix: str, base: str, ours: str, theirs: str) -> dict[str, tuple[str, bytes]]:
    """Path -> (mode, content) of every input file after a three-way merge; MergeError on a conflict."""
    sides = [_entries(top, commit, prefix) for commit in (base, ours, theirs)]
    blobs = _blobs(top, {oid for side in sides for _, oid in side.values()})
    out: dict[str, tuple[str, bytes]] = {}
    conflicts = []
    for path in sorted(set().union(*sides)):
        b, o, t = (side.get(path) for side in sides)
        if o == t or t == b:
            pick = o
        elif o == b:
            pick = t
        elif o and t and o[0] == t[0] in _FILE_MODES and (b is None or b[0] == o[0]):
            base_content = blobs[b[1]] if b else b""
            if path == prefix + sources.MANIFEST_PATH:  # as the trials-manifest driver merges it: a set of lines
                content = _merge_manifest(blobs[o[1]], base_content, blobs[t[1]])
            else:
                content = _merge_file(blobs[o[1]], base_content, blobs[t[1]])
            if content is None:
                conflicts.append(path)
            else:
                out[path] = (o[0], content)
            continue
        else:  # deleted on one side and changed on the other, or a file turned into a link
            conflicts.append(path)
            continue
        if pick is not None:
            out[path] = (pick[0], blobs[pick[1]])
    if conflicts:
        more = f" and {len(conflicts) - 3} more" if len(conflicts) > 3 else ""
        raise MergeError(f"both sides changed {', '.join(map(files.shown, conflicts[:3]))}{more}; the records do not merge by themselves")
    links = [path for path, (mode, _) in out.items() if mode not in _FILE_MODES]
    if links:  # a link could point anywhere (outside the repository); the loader would refuse it anyway
        raise MergeError(f"{files.shown(links[0])} is a symbolic link in the merged inputs; the registry holds regular files only")
    return out


def _write_tree(inputs: dict[str, tuple[str, bytes]], prefix: str, dest: Path) -> None:
    """The merged inputs as files under dest, a fresh folder: folders made one by one, each file
    created anew; nothing existing is followed or overwritten."""
    for path, (mode, content) in inputs.items():
        relative = PurePosixPath(path[len(prefix):])
        if relative.is_absolute() or any(part in ("", ".", "..") for part in relative.parts):
            raise MergeError(f"unsafe path in the tree: {files.shown(path)}")  # git refuses such trees; never follow one
        if mode not in _FILE_MODES:  # merged_inputs refuses them; never make a link
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
            out.write(content)


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
        return stat.S_ISREG(st.st_mode) and st.st_nlink == 1 and os.path.samefile(os.path.dirname(os.path.abspath(file)), top)
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
    subprocess.run(["git", "merge-file", "-L", f"{name} (ours)", "-L", f"{name} (base)", "-L", f"{name} (theirs)",
                    ours_file, base_file, theirs_file], capture_output=True)


def run(base_file: str, ours_file: str, theirs_file: str, pathname: str | None, root: Path | None) -> int:
    """The merge driver: %O %A %B %P. Exit status 0 resolved, 1 conflict."""
    shown = files.shown(pathname or export.CSV_PATH.as_posix())
    top: Path | None = None
    try:
        top = Path(_git(Path.cwd(), "rev-parse", "--show-toplevel").decode().strip())
        git_dir = Path(_git(top, "rev-parse", "--absolute-git-dir").decode().strip())
        if pathname:
            where = PurePosixPath(pathname)
            prefix, name = ("" if where.parent == PurePosixPath(".") else f"{where.parent}/"), PurePosixPath(where.name)
        else:
            found = (root or Path.cwd()).resolve().relative_to(top.resolve()).as_posix()
            prefix, name = ("" if found == "." else f"{found}/"), PurePosixPath(export.CSV_PATH.as_posix())
        theirs, base = _sides(top, git_dir)
        ours = _commit(top, "HEAD")
        if base is None:
            base = _base(top, ours, theirs)
        merged = merged_inputs(top, prefix, base, ours, theirs)
        with tempfile.TemporaryDirectory(prefix="trials-merge-", dir=git_dir) as tmp:
            _write_tree(merged, prefix, Path(tmp))
            data = regenerate(Path(tmp), name)
        _write_ours(top, ours_file, data)
    except (MergeError, OSError, ValueError, files.Refused) as exc:
        print(f"trials merge-csv: {shown} not regenerated: {exc}.\n"
              f"  Resolve the records, then run `trials csv` and `git add {shown}`.", file=sys.stderr)
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
        top = Path(_git(Path.cwd(), "rev-parse", "--show-toplevel").decode().strip())
        sides = []
        for file in (base_file, ours_file, theirs_file):
            if not _own_file(top, file):
                raise MergeError(f"{files.shown(file)} is not a regular file at the top of the work tree")
            sides.append(files.read_bytes(file, sources.MANIFEST_LIMIT))
        _write_ours(top, ours_file, sources.merge_manifests(*sides))
    except (MergeError, sources.ManifestConflict, OSError, files.Refused) as exc:
        print(f"trials merge-manifest: {shown} not merged: {exc}.\n"
              f"  Keep one line per document under seeds/ (sha256sum writes them), then `trials check` and `git add {shown}`.",
              file=sys.stderr)
        _textual_merge(top, ours_file, base_file, theirs_file, shown)
        return 1
    print(f"trials merge-manifest: {shown} merged as a set of lines", file=sys.stderr)
    return 0
