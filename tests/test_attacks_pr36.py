"""Attacks of a pull request on the base branch's trusted check (.ci/trusted-check), hunt 36.

review.yml checks a pull request's data (its records, sources, manifest and generated files, written
from its commit's blobs: git/extract.py) with the base branch's code and schema. What each attack did:

- **The registry's folders in another repository.** A pull request that made `trials` and `seeds`
  submodules (a commit of any other repository) and committed the generated files of no records was
  checked as two empty folders, "0 files checked, no problems", exit 0; a clone made with
  `--recurse-submodules` then holds, in `trials/` and `seeds/`, records and sources no check read.
  A file in a folder's place (`trials` a YAML file of every record) was read as no folder at all,
  and passed the same. Both are refused now, a submodule there by the extraction and a file there by
  every command (`pipeline.check_folders`), exit status 2.
- **A source changed in place.** IM19's source edited to say "60 participants", its line in
  seeds/SHA256SUMS the new sha256, the record's enrollment 60: consistent in itself, it passed. Each
  source the base branch's manifest lists must now be, where the pull request holds it, the bytes
  listed there (git/received.py, E307).
- **export-subst.** `git archive` (GitHub's ZIP of a branch, a release's source archive) writes
  `$Format:%x36%x30$` in a registry file as "60", words the checks never read; E308 refused ident,
  filters, working-tree-encoding and CRLF line ends, not export-subst. It refuses it now.
- **Attributes that rewrite the data, unread.** The data is extracted as its blobs, through none of
  the pull request's attributes, and the check's folder is no work tree, where E308 runs: a pull
  request giving its sources `ident` (or its records `working-tree-encoding`, its CSV `eol=crlf`, a
  filter, export-subst) passed, and once merged every clone held other bytes than those checked.
  The extraction now reads the commit's own attributes (git/extract.py: rewritten) and stops.

Tried, and held (each refused, or nothing false passes):

- Case and spelling variants: `trials/nct06513429.yaml`, `trials/NCT06513429.yaml.` (E101), a folder
  named like a record (E001), a citation `seeds/004_2AD16B9CE66A0787.txt` of `004_2ad16b9ce66a0787.txt`
  (E108, and the source uncited, E306); `Trials/` beside `trials/` is not data, and `git ls-tree`
  matches `trials` case-sensitively even with core.ignorecase=true. On a case-insensitive disk two
  such names stop the extraction (each file is created new).
- A submodule inside `trials/` or `seeds/` (an empty folder, E101 or E307), `trials.csv` a submodule
  or a folder (stopped, or E401).
- A `.gitattributes` line over 2,048 bytes: git from 2.39 ignores it (CI's and the extraction's), an
  older git applies it; a clone that does then reads other bytes than the manifest's and refuses
  them (E307), and GitHub's archives are made by a current git.
- The pull request's head is checked, not its merge: two pull requests green alone (one removes a
  source no record cited at its base, the other, merged first, cites it) merge into a main whose own
  check fails (E108); a pull request that changes records changes trials.csv, which conflicts with
  any other such change and so is checked again once brought up to date.
- Many blobs of 1 to 64 MiB each (a few KiB packed) are written out in full: the disk fills, the
  extraction stops (exit status 2); a denial of the check, never a pass.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, committed_registry, git_run, pull_request_made, trusted_check, trusted_check_once

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

TRIALS = REPO / ".venv" / "bin" / "trials"


def _blob(root: Path, data: bytes) -> str:
    return git_run(root, "hash-object", "-w", "--stdin", stdin=data).strip()


def _commit_with_top(root: Path, replaced: dict[str, str]) -> str:
    """A commit of HEAD's tree with the top-level entries named in replaced given as written
    (`MODE TYPE OID`, or "" to leave the entry out)."""
    lines = [line for line in git_run(root, "ls-tree", "HEAD").splitlines() if line.split("\t", 1)[1] not in replaced]
    lines += [f"{entry}\t{name}" for name, entry in replaced.items() if entry]
    tree = git_run(root, "mktree", "--missing", stdin="".join(line + "\n" for line in lines).encode()).strip()
    return git_run(root, "commit-tree", tree, "-m", "pr").strip()


def _generated_for_no_records(root: Path, tmp_path: Path) -> dict[str, str]:
    """trials.csv and datapackage.json as the records of an empty registry generate them, as blobs."""
    empty = tmp_path / "empty"
    (empty / "trials").mkdir(parents=True)
    (empty / "seeds").mkdir()
    (empty / "seeds" / "SHA256SUMS").write_bytes(b"")
    shutil.copytree(root / "schema", empty / "schema")
    done = subprocess.run([str(TRIALS), "csv", "--root", str(empty), "--no-cache"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return {
        name: f"100644 blob {_blob(root, (empty / name).read_bytes())}" for name in ("trials.csv", "datapackage.json")
    }


# --- the registry's folders are folders of this repository ----------------------------------------


def test_a_submodule_in_a_registry_folders_place_is_refused(tmp_path: Path) -> None:
    """`trials` and `seeds` as submodules, with the generated files of no records: checked as two empty
    folders, the pull request passed (exit 0), while a clone with its submodules holds records there."""
    root = committed_registry(tmp_path)
    replaced = _generated_for_no_records(root, tmp_path)
    replaced["trials"] = f"160000 commit {'1' * 40}"
    replaced["seeds"] = f"160000 commit {'2' * 40}"
    commit = _commit_with_top(root, replaced)
    checked = trusted_check(root, commit, tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    said = "is a submodule: another repository's files, which no check reads"
    assert checked.stderr.startswith(("trusted-check: trials " + said, "trusted-check: seeds " + said)), checked.stderr
    assert "Traceback" not in checked.stderr


def test_a_submodule_inside_a_registry_folder_is_still_refused_by_its_name(tmp_path: Path) -> None:
    root = committed_registry(tmp_path)
    entries = git_run(root, "ls-tree", "HEAD:trials") + f"160000 commit {'1' * 40}\tsub\n"
    trials = git_run(root, "mktree", "--missing", stdin=entries.encode()).strip()
    commit = _commit_with_top(root, {"trials": f"040000 tree {trials}"})
    checked = trusted_check(root, commit, tmp_path / "review")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "trials/sub: E101" in checked.stdout, checked.stdout


def test_a_file_in_a_registry_folders_place_is_refused(tmp_path: Path) -> None:
    """`trials` a file holding every record, `seeds` a file holding the sources: read as no folders, no
    record and no source was checked, and the pull request passed (exit 0)."""
    root = committed_registry(tmp_path)
    replaced = _generated_for_no_records(root, tmp_path)
    records = b"".join((root / "trials" / name).read_bytes() for name in sorted(os.listdir(root / "trials")))
    replaced["trials"] = f"100644 blob {_blob(root, records)}"
    sources = _blob(root, b"Enrollment: 60 participants\n")
    replaced["seeds"] = f"100644 blob {sources}"
    commit = _commit_with_top(root, replaced)
    checked = trusted_check(root, commit, tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "trials: trials/ is not a folder" in checked.stderr, checked.stderr


# --- a source is the document the base branch received ----------------------------------------------

IM19 = "trials/NCT06513429.yaml"
IM19_SOURCE = "seeds/000_84a0f0163f21158e.txt"


def _edit_im19_in_place(root: Path) -> None:
    """IM19's source made to say 60 participants where it says 6, its manifest line the new sha256,
    its record's enrollment 60 with that quote, and the generated files made again: the pull
    request's own tree is consistent."""
    source = root / IM19_SOURCE
    text = source.read_bytes()
    assert text.count(b"\n6 participants\n") == 1
    source.write_bytes(text.replace(b"\n6 participants\n", b"\n60 participants\n"))
    manifest = root / "seeds" / "SHA256SUMS"
    old, new = hashlib.sha256(text).hexdigest(), hashlib.sha256(source.read_bytes()).hexdigest()
    assert manifest.read_text(encoding="utf-8").count(old) == 1
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    record = root / IM19
    text_record = record.read_text(encoding="utf-8")
    assert text_record.count("  count: 6\n") == 1
    text_record = text_record.replace("  count: 6\n", "  count: 60\n").replace(" 6 participants", " 60 participants")
    record.write_text(text_record, encoding="utf-8")
    done = subprocess.run([str(TRIALS), "csv", "--root", str(root), "--no-cache"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_source_changed_in_place_with_its_manifest_line_is_refused(tmp_path: Path) -> None:
    """IM19's source edited to state an enrollment of 60, its line in seeds/SHA256SUMS updated to the
    new bytes and the record set to 60: every file of the pull request agrees with every other, and
    the base branch's check passed it (exit 0), its code and schema reading a source the base branch
    never received. A source is kept as received (a new version is a new file): each one the base
    branch's manifest lists must be, where the pull request holds it, the bytes listed there."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    _edit_im19_in_place(root)
    own = subprocess.run([str(TRIALS), "check", "--root", str(root), "--no-cache"], capture_output=True, text=True)
    assert own.returncode == 0, own.stdout + own.stderr  # its own tree vouches for 60
    pull_request_made(root)
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    said = f"{IM19_SOURCE}: E307 {IM19_SOURCE} is not the document the base branch received"
    assert said in checked.stdout, checked.stdout


def test_a_source_kept_removed_or_added_as_a_new_file_passes(tmp_path: Path) -> None:
    """The base branch's sources the pull request keeps as they are, or removes, and a new version
    added under a new name: nothing is changed in place."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    manifest = root / "seeds" / "SHA256SUMS"
    text = (root / IM19_SOURCE).read_bytes() + b"\n"
    (root / "seeds" / "000_new.txt").write_bytes(text)
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + f"{hashlib.sha256(text).hexdigest()}  000_new.txt\n", encoding="utf-8"
    )
    for record in (root / "trials").iterdir():
        record.write_text(
            record.read_text(encoding="utf-8").replace(IM19_SOURCE, "seeds/000_new.txt"), encoding="utf-8"
        )
    (root / IM19_SOURCE).unlink()
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if "000_84a0f0163f21158e" not in line), encoding="utf-8")
    done = subprocess.run([str(TRIALS), "csv", "--root", str(root), "--no-cache"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    pull_request_made(root)
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


# --- what git writes of the data is the data checked -----------------------------------------------


@pytest.mark.parametrize(
    ("attributes", "path", "said"),
    [
        ("seeds/** ident\n", IM19_SOURCE, "ident"),
        ("trials/*.yaml working-tree-encoding=UTF-7\n", IM19, "working-tree-encoding=UTF-7"),
        ("*.csv eol=crlf\n", "trials.csv", "eol=crlf"),
        ("seeds/* filter=lfs\n", IM19_SOURCE, "filter=lfs"),
        ("seeds/*.txt export-subst\n", IM19_SOURCE, "export-subst"),
    ],
)
def test_the_pull_requests_attributes_that_rewrite_its_data_are_refused(
    request: pytest.FixtureRequest, tmp_path: Path, attributes: str, path: str, said: str
) -> None:
    """The base branch's check reads a pull request's data as its blobs (git/extract.py), through none
    of its attributes: so a .gitattributes that has git rewrite a record or a source between commit and
    checkout (ident, a filter, working-tree-encoding, eol=crlf: E308 refuses each in a work tree) was
    never read by it, and the pull request passed (exit 0); once merged, every clone's checkout holds
    other bytes than those checked. So does `git archive`, by which GitHub makes a branch's ZIP and a
    release's source archive: `export-subst` writes `$Format:%x36%x30$` in a source or a record as
    "60", words the check never read, and E308 did not refuse it either."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    (root / ".gitattributes").write_text(attributes, encoding="utf-8")
    pull_request_made(root)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {path}: the pull request's attributes have git rewrite it ({said}" in checked.stderr, (
        checked.stderr
    )


def test_export_subst_writes_a_value_into_an_archive_that_the_check_never_read(tmp_path: Path) -> None:
    """What `export-subst` does to a registry file: the archive GitHub offers of the branch holds words
    no blob holds. E308 refuses it in a work tree now, as it refuses ident."""
    root = committed_registry(tmp_path)
    (root / ".gitattributes").write_text("seeds/x.txt export-subst\n", encoding="utf-8")
    (root / "seeds" / "x.txt").write_bytes(b"Enrollment: $Format:%x36%x30$ participants\n")
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "x")
    archived = subprocess.run(
        ["git", "-C", str(root), "archive", "HEAD", "seeds/x.txt"], capture_output=True, check=True
    ).stdout
    assert b"Enrollment: 60 participants" in archived
    from sle_trials.checks import checkout

    problems = checkout.check(root)
    assert [(p.path, p.code) for p in problems] == [("seeds/x.txt", "E308")], problems
    assert "export-subst" in problems[0].message


def test_attributes_in_a_nested_file_of_the_pull_request_count_too(tmp_path: Path) -> None:
    root = committed_registry(tmp_path)
    (root / "seeds" / ".gitattributes").write_text("*.txt ident\n", encoding="utf-8")
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "pr")
    checked = trusted_check(root, "HEAD", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {IM19_SOURCE}: the pull request's attributes have git rewrite it (ident)" in checked.stderr


def test_the_repositorys_own_attributes_pass_the_trusted_check_in_a_clone_that_writes_crlf(tmp_path: Path) -> None:
    """`text eol=lf` and `-text`, which this repository gives its records and sources, write each blob
    as it is in every clone: the trusted check reads this clone's configuration, and passes them."""
    root = committed_registry(tmp_path)
    shutil.copy2(REPO / ".gitattributes", root / ".gitattributes")
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "pr")
    git_run(root, "config", "core.autocrlf", "true")
    checked = trusted_check(root, "HEAD", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (root / ".git" / "info" / "attributes").write_text("seeds/* text\n", encoding="utf-8")
    checked = trusted_check(root, "HEAD", tmp_path / "review2")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "(text with core.autocrlf=true)" in checked.stderr, checked.stderr


@pytest.mark.parametrize(
    ("old", "new", "path", "said"),
    [
        # the sources' `-text` removed, or made `text`: a Windows clone writes CRLF into them
        ("seeds/** -text\n", "", IM19_SOURCE, "no text attribute with core.autocrlf=true"),
        ("seeds/** -text\n", "seeds/** text\n", IM19_SOURCE, "text with core.autocrlf=true"),
        # the records' `eol=lf` taken away
        ("*.yaml text eol=lf\n", "*.yaml text\n", IM19, "text with core.autocrlf=true"),
        ("*.csv text eol=lf\n", "*.csv text=auto\n", "trials.csv", "text=auto with core.autocrlf=true"),
    ],
)
def test_the_pull_request_may_not_take_away_the_bases_line_ends(
    request: pytest.FixtureRequest, tmp_path: Path, old: str, new: str, path: str, said: str
) -> None:
    """A Linux clone (CI's) writes text as committed whatever its attributes say of line ends, so a pull
    request taking away the base's `-text` or `eol=lf` passed the trusted check, and once merged every
    clone of Git for Windows' default (core.autocrlf=true) wrote CRLF into the sources and records and
    refused the registry (E307, E308). A path the base keeps as committed in such a clone must stay so."""
    root = committed_registry(tmp_path)
    shutil.copy2(REPO / ".gitattributes", root / ".gitattributes")
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "the repository's attributes")
    git_run(root, "checkout", "-q", "-b", "pr")
    attributes = (root / ".gitattributes").read_text(encoding="utf-8")
    assert attributes.count(old) == 1
    (root / ".gitattributes").write_text(attributes.replace(old, new), encoding="utf-8")
    pull_request_made(root)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert (
        f"trusted-check: {path}: the pull request's attributes have git rewrite it ({said}, which the base keeps"
        in (checked.stderr)
    ), checked.stderr
    # ... and the same attributes kept, with any other change, pass
    git_run(root, "checkout", "-q", "-b", "pr2", "main")
    (root / "README.txt").write_text("a note\n", encoding="utf-8")
    pull_request_made(root)
    assert trusted_check_once(request, root, "pr2", tmp_path / "review2").returncode == 0


def test_an_attributes_value_is_printed_escaped(tmp_path: Path) -> None:
    """An attribute's value is the pull request's words: a terminal control in `filter=...` printed raw
    (ESC [2K erases the line, ESC [1A goes up one) would let a refusal show a reviewer's terminal
    whatever the pull request wants it to. A control character in .gitattributes, a file that configures
    the check, now stops the extraction before its attributes are read (code_text.no_invisible_characters,
    hunt 182), named escaped; a character that is no control but not printable either reaches the
    attribute's message, escaped there."""
    root = committed_registry(tmp_path)
    value = "x\x1b[2K\x1b[1Afiles"
    (root / ".gitattributes").write_bytes(f"seeds/** filter={value}\n".encode())
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "pr")
    checked = trusted_check(root, "HEAD", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "\x1b" not in checked.stderr, repr(checked.stderr)
    assert ".gitattributes line 1: an invisible character (U+001B)" in checked.stderr, checked.stderr
    (root / ".gitattributes").write_bytes("seeds/** filter=x\ue000files\n".encode())
    git_run(root, "commit", "-q", "--no-verify", "-am", "pr")
    checked = trusted_check(root, "HEAD", tmp_path / "review2")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "\ue000" not in checked.stderr, repr(checked.stderr)
    assert "(filter=x\\ue000files)" in checked.stderr, checked.stderr
