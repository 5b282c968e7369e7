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
from conftest import GIT_ENV, REPO, Trials, copy_registry

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

SOURCE = "seeds/000_84a0f0163f21158e.txt"


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """The registry committed in a git repository with this repository's own .gitattributes."""
    root = copy_registry(tmp_path / "clone")
    shutil.copy2(REPO / ".gitattributes", root / ".gitattributes")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "registry")
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
