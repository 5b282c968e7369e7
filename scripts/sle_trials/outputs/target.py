"""Output targets: where a command that writes a file or folder of its own may write it, and what it
may replace there (`trials export json|sqlite|xlsx --output`, `trials site --output`).

An output path is the user's to choose, and a new file may go anywhere but into the registry itself.
What is already at the path is another matter: `trials export json --output X` used to replace any X,
a record, the schema, a file outside the repository, a link (replaced by the export). A mature tool
does not destroy what it did not make, so:

- never into the registry's own places, whatever --force says: its folders (`trials/`, `seeds/`,
  `schema/`), the files generated from the records (`trials.csv`, `datapackage.json`), a git
  directory (`.git`, where the check cache lives too), or the registry's root or a folder above it.
  The path is compared by what it is on disk (each folder above it by device and inode), so that a
  link to `trials/`, a `../` or another case on a case-insensitive disk names the same place;
- a file already there is replaced only when it is one this command writes (`ours`: a JSON export,
  an SQLite database, a workbook, Datasette metadata), or with --force; a folder never;
- a link, a pipe or a device in the output's place is refused without --force, and with it the
  entry itself is replaced (never what it points at): outputs are written to a temporary file beside
  the path, then renamed over it (export.write_atomic), so a reader sees the old file or the new one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sle_trials import files, paths
from sle_trials.engine import pipeline

GIT_DIR = ".git"
# What a refusal suggests: the command's own option.
FORCE_HINT = "give a new file, or --force to replace it"


def _registry_places(root: Path) -> tuple[list[os.stat_result], list[os.stat_result]]:
    """The stats of the registry's folders (nothing may be written beneath them) and of its own files
    (neither may be replaced), those that exist."""

    def stats(names: list[Path]) -> list[os.stat_result]:
        found = []
        for name in names:
            try:
                found.append(os.stat(root / name))
            except OSError:
                continue
        return found

    folders = [*map(Path, paths.FOLDERS), Path(GIT_DIR)]
    return stats(folders), stats(list(paths.GENERATED_PATHS))


def registry_place(root: Path, target: Path) -> str | None:
    """Why target is one of the registry's own places (never an output), or None. target's folder exists."""
    # the folder resolved, the name as it is (a link there is replaced, not followed), but `..` is a folder
    where = target.resolve() if target.name in ("", "..") else target.parent.resolve() / target.name
    home = root.resolve()
    # a .git folder in the path, counted from the root for a path inside it (a registry may itself
    # lie beneath a folder of that name)
    inside = where.relative_to(home).parts if where.is_relative_to(home) else where.parts
    if any(part.casefold() == GIT_DIR for part in inside):
        return "it is inside a git directory"
    if where == home or home.is_relative_to(where):
        return "it is the registry's root or a folder holding it"
    folders, own = _registry_places(root)
    try:
        st = os.stat(where)
    except OSError:
        st = None
    if st is not None and any(os.path.samestat(st, other) for other in own):
        return "it is a file generated from the records (trials csv writes it)"
    for above in (where, *where.parents):
        try:
            st = os.stat(above)
        except OSError:
            continue
        if any(os.path.samestat(st, other) for other in folders):
            return "it is inside the registry's trials/, seeds/ or schema/ folder"
    return None


def _placed(root: Path, target: Path, kind: str) -> str:
    """target as messages show it, once its folder is seen to exist and target is none of the
    registry's own places (UsageError otherwise, suggesting kind outside them)."""
    shown = pipeline.display(root, target)
    if not target.parent.is_dir():
        raise pipeline.UsageError(f"cannot write {shown}: no folder {pipeline.display(root, target.parent)}")
    place = registry_place(root, target)
    if place:
        raise pipeline.UsageError(f"cannot write {shown}: {place}; give {kind} outside the registry's own files")
    return shown


def check_file(root: Path, target: Path, *, ours: Callable[[Path], bool], what: str, force: bool) -> None:
    """Refuse (UsageError) to write a file at target unless its folder exists, it is not one of the
    registry's own places, and whatever is there is a file `ours` recognises as `what` (the output
    this command writes), or force is given and it is not a folder."""
    shown = _placed(root, target, "a path")
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise pipeline.UsageError(f"cannot write {shown}: {exc.strerror}") from None
    kind = files.kind_of(mode)
    if kind == "a directory":
        raise pipeline.UsageError(f"cannot write {shown}: a folder is there")
    if force:
        return
    if kind:
        why = f"it is {kind}"
    else:
        try:
            if ours(target):
                return
            why = f"it is not {what}"
        except files.Refused as exc:
            why = str(exc)
    raise pipeline.UsageError(f"cannot write {shown}: {why}, so not a file this command wrote; {FORCE_HINT}")


def check_folder(root: Path, target: Path, *, marker: str, command: str) -> None:
    """Refuse (UsageError) to build a folder at target unless its parent exists, it is not one of the
    registry's own places, and it is new, empty, or one `command` built (it holds marker). No --force:
    replacing a folder deletes everything in it, which a mistyped path must never do."""
    shown = _placed(root, target, "a folder")
    if target.is_symlink() or (os.path.lexists(target) and not target.is_dir()):
        raise pipeline.UsageError(f"cannot write {shown}: not a folder")
    if target.is_dir() and any(target.iterdir()) and not files.is_regular(target / marker):
        raise pipeline.UsageError(
            f"{shown} is a folder `{command}` did not build; give an empty or new folder with --output"
        )
