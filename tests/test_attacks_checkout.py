"""Pull-request attacks through .gitattributes: the checks read the work tree, a commit is its blobs,
and the attributes a pull request gives a path decide how git writes one into the other.

The attack that worked: a source given `ident` in .gitattributes, its manifest line the sha256 of
the bytes a checkout writes (`$Id: <blob id> $` where the blob says `$Id$`). `trials check` passed in
every fresh clone and in CI, while the blob committed, what GitHub, `git show` and `trials diff`
read, was not the document the manifest vouched for. Any attribute by which git rewrites a file
between commit and work tree is now refused on the registry's files (E308, checks/checkout.py).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import GIT_ENV, REPO, Trials, copy_registry, with_cache_of
from sle_trials.checks import checkout

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

SOURCE = "seeds/000_84a0f0163f21158e.txt"


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def clone(tmp_path: Path, _checked_registry: Path) -> Path:
    """The registry committed in a git repository with this repository's own .gitattributes, and the
    check cache of the session's checked registry (with_cache_of): what these tests ask of git's
    attributes does not hang on the records' checks, which their runs then take from the cache."""
    root = copy_registry(tmp_path / "clone")
    shutil.copy2(REPO / ".gitattributes", root / ".gitattributes")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "registry")
    with_cache_of(_checked_registry, root)
    return root


def test_the_repositorys_own_attributes_rewrite_nothing(clone: Path, trials: Trials) -> None:
    """text eol=lf (records, code) and -text (sources) write each blob as it is."""
    result = trials("check", root=clone)
    assert result.status == 0, result.out


def test_a_source_expanded_on_checkout_is_refused(clone: Path, trials: Trials) -> None:
    with (clone / ".gitattributes").open("a", encoding="utf-8") as out:
        out.write(f"{SOURCE} ident\n")
    source = clone / SOURCE
    source.write_bytes(source.read_bytes() + b"\nRevision $Id$\n")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "--no-verify", "-m", "a revision line")
    source.unlink()
    git(clone, "checkout", "--", SOURCE)  # what every clone and CI get: the expanded bytes
    blob = git(clone, "show", f"HEAD:{SOURCE}").encode("utf-8")
    checked_out = source.read_bytes()
    assert checked_out != blob and b"$Id: " in checked_out
    manifest = clone / "seeds" / "SHA256SUMS"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    name = SOURCE.split("/", 1)[1]
    digest = hashlib.sha256(checked_out).hexdigest()
    manifest.write_text(
        "".join(f"{digest}  {name}\n" if line.endswith(f"  {name}") else line + "\n" for line in lines),
        encoding="utf-8",
    )
    result = trials("check", fmt="json", root=clone)
    assert result.status == 1 and result.codes() == {"E308"}, result.out
    assert result.where("E308") == [(SOURCE, None, None)]
    assert hashlib.sha256(blob).hexdigest() != digest  # what the manifest vouched for is not what was committed


@pytest.mark.parametrize(
    "attribute, said",
    [
        ("ident", "ident"),
        ("filter=lfs", "filter=lfs"),
        ("working-tree-encoding=UTF-7", "working-tree-encoding=UTF-7"),
        ("text eol=crlf", "eol=crlf"),
    ],
)
@pytest.mark.parametrize(
    "path", ["trials/NCT06513429.yaml", SOURCE, "seeds/SHA256SUMS", "schema/trial.schema.json", "trials.csv"]
)
def test_every_rewriting_attribute_on_every_registry_file_is_refused(
    clone: Path, trials: Trials, attribute: str, said: str, path: str
) -> None:
    (clone / ".gitattributes").write_text(f"{path} {attribute}\n", encoding="utf-8")
    result = trials("refs", fmt="json", root=clone)
    assert result.status == 1 and result.where("E308") == [(path, None, None)], result.out
    assert f"({said}, from .gitattributes" in result.out


def test_an_attribute_from_the_clones_own_attributes_file_counts_too(clone: Path, trials: Trials) -> None:
    (clone / ".git" / "info").mkdir(exist_ok=True)
    (clone / ".git" / "info" / "attributes").write_text("trials/* ident\n", encoding="utf-8")
    result = trials("check", fmt="json", root=clone)
    assert result.status == 1 and "E308" in result.codes(), result.out


def test_outside_git_nothing_is_rewritten(registry: Path, trials: Trials) -> None:
    (registry / ".gitattributes").write_text("* ident\n", encoding="utf-8")
    assert trials("check", root=registry).status == 0


# --- line ends the clone's configuration decides ---------------------------------------------------
# `text` (or `text=auto`, or the older `crlf`) without `eol` leaves a text file's line ends to the
# clone: core.autocrlf=true (Git for Windows' default) or core.eol=crlf writes CRLF on checkout, and
# core.autocrlf=true does so for a file with no such attribute at all. E308 looked at `eol=crlf`
# alone, so a pull request that gave a source `text` passed a Windows reviewer's `trials check` with
# its manifest line the hash of the CRLF bytes, which no commit holds (as `ident` did everywhere).


def _checked_out_again(clone: Path, path: str) -> bytes:
    (clone / path).unlink()
    git(clone, "checkout", "--", path)
    return (clone / path).read_bytes()


def test_a_source_given_text_in_a_clone_that_writes_crlf_is_refused(clone: Path, trials: Trials) -> None:
    with (clone / ".gitattributes").open("a", encoding="utf-8") as out:
        out.write(f"{SOURCE} text\n")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "--no-verify", "-m", "a source as text")
    git(clone, "config", "core.autocrlf", "true")
    checked_out = _checked_out_again(clone, SOURCE)
    blob = subprocess.run(
        ["git", "show", f"HEAD:{SOURCE}"], cwd=clone, capture_output=True, check=True, env={**os.environ, **GIT_ENV}
    ).stdout
    assert checked_out != blob and b"\r\n" in checked_out
    manifest = clone / "seeds" / "SHA256SUMS"
    name = SOURCE.split("/", 1)[1]
    digest = hashlib.sha256(checked_out).hexdigest()
    manifest.write_text(
        "".join(
            f"{digest}  {name}\n" if line.endswith(f"  {name}") else line + "\n"
            for line in manifest.read_text(encoding="utf-8").splitlines()
        ),
        encoding="utf-8",
    )
    result = trials("check", fmt="json", root=clone)
    assert result.status == 1 and result.codes() == {"E308"}, result.out
    assert result.where("E308") == [(SOURCE, None, None)]
    assert "(text with core.autocrlf=true, from .gitattributes" in result.out


@pytest.mark.parametrize(
    "attribute, config, said",
    [
        ("text", ("core.autocrlf", "true"), "text with core.autocrlf=true"),
        ("text=auto", ("core.autocrlf", "true"), "text=auto with core.autocrlf=true"),
        ("crlf", ("core.autocrlf", "true"), "crlf with core.autocrlf=true"),
        ("", ("core.autocrlf", "true"), "no text attribute with core.autocrlf=true"),
        ("text", ("core.eol", "crlf"), "text with core.eol=crlf"),
        ("text=auto", ("core.eol", "crlf"), "text=auto with core.eol=crlf"),
    ],
)
@pytest.mark.parametrize("path", ["trials/NCT06513429.yaml", SOURCE, "seeds/SHA256SUMS", "trials.csv"])
def test_line_ends_left_to_a_clone_that_writes_crlf_are_refused(
    clone: Path, trials: Trials, attribute: str, config: tuple[str, str], said: str, path: str
) -> None:
    (clone / ".gitattributes").write_text(f"{path} {attribute}\n" if attribute else "", encoding="utf-8")
    git(clone, "config", *config)
    result = trials("refs", fmt="json", root=clone)
    assert (path, None, None) in result.where("E308"), result.out
    assert f"({said}, from .gitattributes" in result.out


@pytest.mark.parametrize("attribute", ["text", "text=auto", "crlf", "", "-text", "text eol=lf", "crlf=input"])
def test_line_ends_a_clone_writes_as_committed_are_fine(clone: Path, trials: Trials, attribute: str) -> None:
    """Without core.autocrlf or core.eol=crlf (Linux and macOS by default) text is written as it is;
    `-text`, `eol=lf` and `crlf=input` write it as committed whatever the clone says."""
    (clone / ".gitattributes").write_text(f"{SOURCE} {attribute}\n" if attribute else "", encoding="utf-8")
    assert "E308" not in trials("refs", fmt="json", root=clone).codes()
    if attribute in ("-text", "text eol=lf", "crlf=input"):
        git(clone, "config", "core.autocrlf", "true")
        git(clone, "config", "core.eol", "crlf")
        assert (SOURCE, None, None) not in trials("refs", fmt="json", root=clone).where("E308")


def test_the_repositorys_own_attributes_rewrite_nothing_where_the_clone_writes_crlf(
    clone: Path, trials: Trials
) -> None:
    git(clone, "config", "core.autocrlf", "true")
    for path in ("trials/NCT06513429.yaml", SOURCE, "seeds/SHA256SUMS", "trials.csv", "schema/trial.schema.json"):
        _checked_out_again(clone, path)
    result = trials("check", root=clone)
    assert result.status == 0, result.out


def test_a_clone_whose_autocrlf_is_set_empty_writes_as_committed(clone: Path, trials: Trials) -> None:
    """`autocrlf =` with no value is false to git, which then writes LF; a key with no `=` at all is
    true. line_ends read both as true, and E308 refused every file of a clone that writes them as
    committed."""
    (clone / ".gitattributes").write_text("", encoding="utf-8")  # no attribute: the clone decides
    with (clone / ".git" / "config").open("a", encoding="utf-8") as out:
        out.write("[core]\n\tautocrlf =\n")
    assert git(clone, "config", "--type=bool", "core.autocrlf").strip() == "false"
    assert b"\r\n" not in _checked_out_again(clone, "trials.csv")
    assert "E308" not in trials("refs", fmt="json", root=clone).codes()
    with (clone / ".git" / "config").open("a", encoding="utf-8") as out:
        out.write("\tautocrlf\n")  # the key alone, the last value: true
    assert git(clone, "config", "--type=bool", "core.autocrlf").strip() == "true"
    assert ("trials.csv", None, None) in trials("refs", fmt="json", root=clone).where("E308")


@pytest.mark.parametrize("value", ["true", "yes", "on", "1", "false", "no", "off", "0", "", "input"])
def test_core_autocrlf_is_true_in_each_spelling_git_takes_for_true(value: str) -> None:
    """git reads a boolean's true as true, yes, on or 1 (any case; line_ends gives it in lower case):
    each writes CRLF. The clone above is set with `true` only, so the other spellings are shown on
    the rule itself (no repository: a git process per spelling would cost more than the rest)."""
    rewrites = checkout.rewrites({}, {"core.autocrlf": value})
    assert rewrites == (["no text attribute with core.autocrlf=true"] if value in ("true", "yes", "on", "1") else [])


def test_core_eol_is_ignored_where_core_autocrlf_is_input() -> None:
    """git: core.eol "is ignored if core.autocrlf is set to true or input"; input writes a text file
    as committed, so such a clone rewrites nothing and E308 has nothing to refuse."""
    assert checkout.rewrites({"text": "set"}, {"core.autocrlf": "input", "core.eol": "crlf"}) == []
    assert checkout.rewrites({"text": "set"}, {"core.autocrlf": "false", "core.eol": "crlf"}) == [
        "text with core.eol=crlf"
    ]
