"""Where an output may go (outputs/target.py): `trials export json|sqlite|xlsx --output` and `trials
site --output` never write into the registry's own files, and never replace a file they did not
write without --force.

`trials export json --output trials/NCT06513429.yaml` replaced the record with the JSON export;
`--output schema/trial.schema.json` the schema; `--output ~/notes.txt` someone's notes; and a
link at the output was replaced by the export. Each command now refuses (exit status 2, the path
named, nothing written), and the registry is left as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, copy_registry
from sle_trials.engine import pipeline
from sle_trials.outputs import package, target

# Each export, the name its output is given here, and the first bytes of what it writes.
EXPORTS = {
    "json": ("out.json", package.JSON_SIGNATURE),
    "sqlite": ("out.db", b"SQLite format 3\x00"),
    "xlsx": ("out.xlsx", b"PK\x03\x04"),
}


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root and its bytes (links as their target's name)."""
    found = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder) / name
            if path.is_symlink():
                found[str(path.relative_to(root))] = os.readlink(path).encode()
            elif path.is_file():
                found[str(path.relative_to(root))] = path.read_bytes()
    return found


def export(trials: Trials, what: str, output: Path | str, *more: str):
    return trials("export", what, "--output", output, *more)


@pytest.mark.parametrize("what", sorted(EXPORTS))
@pytest.mark.parametrize(
    "place",
    [
        IM19_PATH,  # a record
        "schema/trial.schema.json",
        "trials.csv",
        "datapackage.json",
        "seeds/SHA256SUMS",
        "trials/new.json",  # a new file where every file is a trial file
        "seeds/new.json",  # or a source
        "schema/new.json",
        ".git/new.json",  # the git directory, where the check cache is too
    ],
)
def test_the_registrys_own_files_are_never_an_output(trials: Trials, registry: Path, what: str, place: str) -> None:
    (registry / ".git").mkdir(exist_ok=True)
    before = snapshot(registry)
    for force in ((), ("--force",)):
        result = export(trials, what, registry / place, *force)
        assert result.status == 2, result.err
        assert "cannot write" in result.err and place in result.err and "internal error" not in result.err
        assert snapshot(registry) == before


def test_a_git_directory_outside_the_registrys_root_is_never_an_output(tmp_path: Path) -> None:
    """A registry in a subfolder of its repository has its git directory (and its check cache) above
    its root, where none of its own folders is: the .git in the path is what refuses it. On
    target.check_file itself, which every export calls before it checks anything."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "registry" / "trials").mkdir(parents=True)
    with pytest.raises(pipeline.UsageError, match="inside a git directory"):
        target.check_file(tmp_path / "registry", tmp_path / ".git" / "new.json", ours=bool, what="x", force=True)


def test_a_folder_whose_site_marker_is_a_link_is_not_one_the_site_built(tmp_path: Path) -> None:
    """`trials site` replaces a folder it built, known by its marker file: a link of that name (to
    any file) does not make someone's folder one, and the folder is never replaced."""
    root = tmp_path / "registry"
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me", encoding="utf-8")
    (folder / ".trials-site").symlink_to(folder / "mine.txt")
    with pytest.raises(pipeline.UsageError, match="did not build"):
        target.check_folder(root, folder, marker=".trials-site", command="trials site")
    (folder / ".trials-site").unlink()
    (folder / ".trials-site").write_text("", encoding="utf-8")  # the marker a build leaves: a plain file
    target.check_folder(root, folder, marker=".trials-site", command="trials site")


def test_a_link_to_a_folder_is_never_where_the_site_is_built(tmp_path: Path) -> None:
    """An empty folder may take a site; a link to one is not a folder, and the site is never built
    through it (where it points may be anywhere)."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "site").symlink_to(tmp_path / "empty")
    with pytest.raises(pipeline.UsageError, match="not a folder"):
        target.check_folder(tmp_path / "registry", tmp_path / "site", marker=".trials-site", command="trials site")
    target.check_folder(tmp_path / "registry", tmp_path / "empty", marker=".trials-site", command="trials site")


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_a_folder_of_the_registry_reached_another_way_is_refused(
    trials: Trials, registry: Path, tmp_path: Path, what: str
) -> None:
    # through a link to trials/, and through `..` from a folder inside it
    (tmp_path / "records").symlink_to(registry / "trials")
    before = snapshot(registry)
    for output in (tmp_path / "records" / "x.out", registry / "trials" / ".." / "trials" / "x.out"):
        result = export(trials, what, output, "--force")
        assert result.status == 2 and "registry's trials/, seeds/ or schema/" in result.err, result.err
    assert snapshot(registry) == before


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_a_file_it_did_not_write_is_replaced_only_with_force(
    trials: Trials, registry: Path, tmp_path: Path, what: str
) -> None:
    name, signature = EXPORTS[what]
    notes = tmp_path / name  # outside the registry: someone's file of that name
    notes.write_text("my notes", encoding="utf-8")
    refused = export(trials, what, notes)
    assert refused.status == 2 and f"cannot write {notes}: it is not" in refused.err and "--force" in refused.err
    assert notes.read_text(encoding="utf-8") == "my notes"
    forced = export(trials, what, notes, "--force")
    assert forced.status == 0, forced.out + forced.err
    assert notes.read_bytes().startswith(signature)
    again = export(trials, what, notes)  # now it is one the command wrote: replaced without --force
    assert again.status == 0, again.err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_a_link_in_the_outputs_place_is_refused_and_never_written_through(
    trials: Trials, tmp_path: Path, what: str
) -> None:
    name, signature = EXPORTS[what]
    secret = tmp_path / "secret.txt"
    secret.write_text("keep me", encoding="utf-8")
    link = tmp_path / name
    link.symlink_to(secret)
    refused = export(trials, what, link)
    assert refused.status == 2 and "a symbolic link" in refused.err
    assert link.is_symlink() and secret.read_text(encoding="utf-8") == "keep me"
    forced = export(trials, what, link, "--force")
    assert forced.status == 0, forced.err
    assert not link.is_symlink() and link.read_bytes().startswith(signature)  # the link replaced, not followed
    assert secret.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_a_folder_in_the_outputs_place_is_refused_even_with_force(trials: Trials, tmp_path: Path, what: str) -> None:
    folder = tmp_path / EXPORTS[what][0]
    folder.mkdir()
    (folder / "kept").write_text("x", encoding="utf-8")
    result = export(trials, what, folder, "--force")
    assert result.status == 2 and "a folder is there" in result.err
    assert [p.name for p in folder.iterdir()] == ["kept"]


def test_a_json_export_starts_with_its_signature(trials: Trials, registry: Path) -> None:
    assert trials("export", "json").status == 0
    assert (registry / package.JSON_PATH).read_bytes().startswith(package.JSON_SIGNATURE)
    assert package.render_json([]).encode("utf-8").startswith(package.JSON_SIGNATURE)


def test_a_file_that_only_looks_like_a_workbook_is_not_one(trials: Trials, tmp_path: Path) -> None:
    import zipfile

    other = tmp_path / "report.xlsx"  # a spreadsheet of someone's, with sheets of its own
    with zipfile.ZipFile(other, "w") as book:
        book.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="budget" sheetId="1"/></sheets></workbook>')
    before = other.read_bytes()
    result = export(trials, "xlsx", other)
    assert result.status == 2 and "not a workbook" in result.err
    assert other.read_bytes() == before


@pytest.mark.parametrize("place", ["trials", "seeds", "schema", "trials/site", ".git/site", ".", ".."])
def test_the_site_is_never_built_in_the_registrys_own_folders(trials: Trials, registry: Path, place: str) -> None:
    (registry / ".git").mkdir(exist_ok=True)
    (registry / "trials" / ".trials-site").write_text("planted", encoding="utf-8")  # a marker does not make it ours
    before = snapshot(registry)
    result = trials("site", "--output", registry / place)
    assert result.status == 2 and "cannot write" in result.err, result.err
    assert snapshot(registry) == before


def test_a_registry_beneath_a_folder_named_git_writes_its_outputs(trials: Trials, tmp_path: Path) -> None:
    # only a .git folder at or under the root is the registry's git directory; one above it is not
    root = copy_registry(tmp_path / ".git" / "registry")
    assert trials("export", "json", root=root).status == 0
    assert (root / package.JSON_PATH).read_bytes().startswith(package.JSON_SIGNATURE)
