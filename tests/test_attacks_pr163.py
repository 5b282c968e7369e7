"""Attacks of a pull request on the base branch's trusted check (.ci/trusted-check), hunt 163.

- **Attributes a case-blind clone matches.** git matches `.gitattributes` patterns as the clone's
  core.ignorecase says, and git sets it true in every clone on a case-blind disk (macOS, Windows).
  A pull request whose `.gitattributes` said `SEEDS/** ident` gave CI's clone (Linux, case-sensitive)
  nothing, so the trusted check, asking git as that clone matches, passed it (exit 0); once merged,
  every macOS and Windows clone wrote `$Id: <blob id> $` into the sources (and `Seeds/*.TXT
  export-subst` had a release archived there hold words no blob holds). The patterns are now matched
  both ways (git/extract.py: rewritten).
- **An attributes file by another name.** Where the index holds no `.gitattributes` for a folder,
  git reads the work tree's file of that name (attr.c: on checkout, after the index; on every other
  command, `git check-attr` and so E308 among them, first), and a case-blind disk opens
  `.GITATTRIBUTES` for it. A pull request adding `.GITATTRIBUTES` that said `seeds/** ident` was
  no attributes file to the trusted check (which reads the commit's own, `.gitattributes` exactly),
  and passed; in every macOS or Windows clone its lines rewrite the registry's files. A name a
  folding disk opens as `.gitattributes` that is not spelled so now stops the extraction.
- **A source edited under its own name in another case.** IM19's source renamed
  `000_84A0F0163F21158E.txt` and made to say 60 participants, its manifest line and citations moved
  with it, the record 60: a source removed and a new one added to the trusted check, which passed
  it (exit 0), and a rename to a reader of `trials diff`; on macOS or Windows the same file, edited in
  place. A source the base branch lists is now held to its bytes under any name a folding disk takes
  as its own (git/received.py).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import committed_registry, git_run, main, pull_request_made, trusted_check, trusted_check_once

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

IM19 = "trials/NCT06513429.yaml"
IM19_SOURCE = "seeds/000_84a0f0163f21158e.txt"


def _pull_request(tmp_path: Path, attributes: str) -> Path:
    """The registry on main, and a branch `pr` whose .gitattributes is attributes (the clone matching
    patterns case-sensitively, as CI's Linux clone does); main checked out."""
    root = committed_registry(tmp_path)
    git_run(root, "config", "core.ignorecase", "false")
    git_run(root, "checkout", "-q", "-b", "pr")
    (root / ".gitattributes").write_text(attributes, encoding="utf-8")
    pull_request_made(root)
    return root


def test_a_case_blind_clone_writes_what_a_pattern_in_other_case_gives(tmp_path: Path) -> None:
    """The mechanism: the same commit, checked out by a clone that matches patterns case-blind (as git
    sets every clone on macOS or Windows) and by one that does not, holds two sources."""
    root = _pull_request(tmp_path, "SEEDS/** ident\n")
    git_run(root, "checkout", "-q", "pr")
    source = root / IM19_SOURCE
    source.write_bytes(b"$Id$\n" + source.read_bytes())
    git_run(root, "commit", "-q", "--no-verify", "-am", "id")
    blob = git_run(root, "rev-parse", f"HEAD:{IM19_SOURCE}").strip()
    written = {}
    for ignorecase in ("false", "true"):
        source.unlink()
        git_run(root, "-c", f"core.ignorecase={ignorecase}", "checkout", "--", IM19_SOURCE)
        written[ignorecase] = source.read_bytes().split(b"\n", 1)[0]
    assert written == {"false": b"$Id$", "true": f"$Id: {blob} $".encode()}


@pytest.mark.parametrize(
    ("attributes", "path", "said"),
    [
        ("SEEDS/** ident\n", IM19_SOURCE, "ident"),
        ("Seeds/*.TXT export-subst\n", IM19_SOURCE, "export-subst"),
        ("TRIALS/*.YAML working-tree-encoding=UTF-7\n", IM19, "working-tree-encoding=UTF-7"),
        ("Trials.CSV eol=crlf\n", "trials.csv", "eol=crlf"),
    ],
)
def test_attributes_in_a_case_only_a_case_blind_clone_matches_are_refused(
    request: pytest.FixtureRequest, tmp_path: Path, attributes: str, path: str, said: str
) -> None:
    """A pattern in another case than the registry's paths gives them nothing where CI asks git, and
    rewrites them in every macOS and Windows clone of the merged branch: the trusted check stops."""
    root = _pull_request(tmp_path, attributes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {path}: the pull request's attributes have git rewrite it ({said}" in checked.stderr, (
        checked.stderr
    )


def test_harmless_attributes_in_another_case_pass(tmp_path: Path) -> None:
    """The honest neighbour: patterns in another case that write every blob as it is (`-text`, `text
    eol=lf`, a diff setting) rewrite nothing in any clone, and pass."""
    attributes = "SEEDS/** -text\nTRIALS/*.YAML text eol=lf\n*.CSV text eol=lf linguist-generated\n*.JSON text eol=lf\n"
    root = _pull_request(tmp_path, attributes)
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_git_reads_the_work_trees_attributes_file_where_the_index_holds_none(tmp_path: Path) -> None:
    """The mechanism: a commit with no .gitattributes, and a file of that name in the work tree that
    no commit holds (what a case-blind disk shows git for a committed `.GITATTRIBUTES`), whose lines
    git applies to the next checkout of a source."""
    root = committed_registry(tmp_path)
    source = root / IM19_SOURCE
    source.write_bytes(b"$Id$\n" + source.read_bytes())
    git_run(root, "commit", "-q", "--no-verify", "-am", "id")
    (root / ".gitattributes").write_text("seeds/** ident\n", encoding="utf-8")
    assert git_run(root, "ls-files", ".gitattributes") == ""
    source.unlink()
    git_run(root, "checkout", "--", IM19_SOURCE)
    assert source.read_bytes().startswith(b"$Id: ")


@pytest.mark.parametrize(
    "name", [".GITATTRIBUTES", ".GitAttributes", "trials/.gitAttributes", ".gitattributes.", ".gitattributeſ"]
)
def test_an_attributes_file_under_a_name_a_folding_disk_opens_is_refused(
    request: pytest.FixtureRequest, tmp_path: Path, name: str
) -> None:
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    (root / name).write_text("seeds/** ident\n* ident\n", encoding="utf-8")
    pull_request_made(root)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "opens it as .gitattributes" in checked.stderr, checked.stderr


@pytest.mark.parametrize("name", [".gitattributes", "docs/gitattributes.md", ".gitattributes-example"])
def test_an_attributes_file_spelled_so_or_another_name_passes(
    request: pytest.FixtureRequest, tmp_path: Path, name: str
) -> None:
    """The honest neighbours: `.gitattributes` itself, writing every blob as it is, and names no disk
    opens as it."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    (root / name).parent.mkdir(exist_ok=True)
    (root / name).write_text("seeds/** -text\n", encoding="utf-8")
    pull_request_made(root)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    "attributes",
    ["[attr]quiet ident\nseeds/** quiet\n", "[attr]plain export-subst -text\nSEEDS/*.txt plain\n"],
)
def test_an_attribute_set_through_a_macro_is_refused(
    request: pytest.FixtureRequest, tmp_path: Path, attributes: str
) -> None:
    """A macro of the top-level .gitattributes that sets a rewriting attribute, given to the sources under
    a harmless-looking name (in either case): git expands it on checkout and in an archive, and the
    trusted check asks git for the attribute it sets, not the macro's name."""
    root = _pull_request(tmp_path, attributes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {IM19_SOURCE}: the pull request's attributes have git rewrite it (" in checked.stderr


# --- a source renamed to a name a folding disk takes as its own is the same document ---------------


def _source_renamed_and_edited(root: Path, new: str, *, edit: bool) -> None:
    """IM19's source moved to seeds/NEW (its manifest line and every citation with it), and with edit
    made to say 60 participants where it says 6, the record's enrollment 60; the generated files made
    again: the pull request's own tree is consistent."""
    source = root / IM19_SOURCE
    text = source.read_bytes()
    source.unlink()
    if edit:
        assert text.count(b"\n6 participants\n") == 1
        changed = text.replace(b"\n6 participants\n", b"\n60 participants\n")
    else:
        changed = text
    (root / "seeds" / new).write_bytes(changed)
    manifest = root / "seeds" / "SHA256SUMS"
    old_line = f"{hashlib.sha256(text).hexdigest()}  {IM19_SOURCE.split('/')[1]}\n"
    listed = manifest.read_text(encoding="utf-8")
    assert listed.count(old_line) == 1
    manifest.write_text(listed.replace(old_line, f"{hashlib.sha256(changed).hexdigest()}  {new}\n"), encoding="utf-8")
    for record in (root / "trials").iterdir():
        words = record.read_text(encoding="utf-8").replace(IM19_SOURCE, f"seeds/{new}")
        if edit and record.name == "NCT06513429.yaml":
            assert words.count("  count: 6\n") == 1
            words = words.replace("  count: 6\n", "  count: 60\n").replace(" 6 participants", " 60 participants")
        record.write_text(words, encoding="utf-8")
    assert main(["csv", "--root", str(root), "--no-cache"]) == 0


@pytest.mark.parametrize("new", ["000_84A0F0163F21158E.txt", "000_84a0f0163f21158e.TXT"])
def test_a_source_edited_under_a_name_a_folding_disk_takes_as_its_own_is_refused(tmp_path: Path, new: str) -> None:
    """IM19's source renamed only in case and edited to say 60, the record 60: to the trusted check a
    source removed and a new one added, and it passed (exit 0); on macOS or Windows the new name is the
    old file's, edited in place. (A trailing dot, which Windows drops, is refused already: E531.)"""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    _source_renamed_and_edited(root, new, edit=True)
    assert main(["check", "--root", str(root), "--no-cache"]) == 0  # its own tree vouches for 60
    pull_request_made(root)
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert f"seeds/{new}: E307 seeds/{new} is not the document the base branch received" in checked.stdout, (
        checked.stdout
    )


def test_a_source_renamed_in_case_as_received_passes(tmp_path: Path) -> None:
    """The honest neighbour: the same bytes under a name in another case, the citations and the
    manifest moved with them; the base branch's other sources as received."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    _source_renamed_and_edited(root, "000_84A0F0163F21158E.txt", edit=False)
    pull_request_made(root)
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr
