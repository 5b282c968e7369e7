"""git/plumbing.py: what a user or a commit names never becomes an option or a pattern, and blobs
are read in one batch, never beyond a limit."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import GIT_ENV
from sle_trials.git import plumbing

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

ENV = {**os.environ, **GIT_ENV}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


FOLDERS = (":!a", "a", "c")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two commits: a file under each of `:!a/trials/`, `a/trials/` and `c/trials/` (a folder named
    like a pathspec that excludes a/), then a change to each."""
    root = tmp_path / "repo"
    for folder in FOLDERS:
        (root / folder / "trials").mkdir(parents=True)
        (root / folder / "trials" / "one.yaml").write_text("one\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    for folder in FOLDERS:
        (root / folder / "trials" / "one.yaml").write_text("two\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "second")
    return root


def test_a_revision_is_only_ever_a_revision(repo: Path, tmp_path: Path) -> None:
    r = plumbing.Repository.containing(repo)
    assert r.commit("HEAD") == git(repo, "rev-parse", "HEAD") and r.commit("HEAD~1") == git(repo, "rev-parse", "HEAD~1")
    assert r.commit("main") == r.commit("HEAD")
    for rev in (
        "nope",
        "HEAD~5",
        f"--output={tmp_path / 'written'}",
        "--all",
        "-h",
        "HEAD\0",
        "HEAD:a/trials/one.yaml",
    ):
        assert r.commit(rev) is None, rev
    assert not (tmp_path / "written").exists()


def test_object_ids_are_checked_before_they_reach_git(repo: Path) -> None:
    r = plumbing.Repository.containing(repo)
    for oid in ("HEAD", "--batch-all-objects", "HEAD:a/trials/one.yaml", "0" * 39):
        with pytest.raises(ValueError):
            r.objects([oid], 100)
        with pytest.raises(ValueError):
            r.changes(oid, None, ["a/"])


def test_paths_are_names_not_patterns(repo: Path) -> None:
    r = plumbing.Repository.containing(repo)
    base, head = r.commit("HEAD~1"), r.commit("HEAD")
    assert base and head
    assert [c.path for c in r.changes(base, head, [":!a/trials/"])] == [":!a/trials/one.yaml"]
    assert list(r.tree(head, [":!a/"])) == [":!a/trials/one.yaml"]
    (repo / "c" / "trials" / "one.yaml").write_text("three\n", encoding="utf-8")
    assert [c.path for c in r.changes(head, None, [":!a/"])] == []  # as a pattern, it would be everything but a/
    assert [(c.path, c.status) for c in r.changes(head, None, ["c/"])] == [("c/trials/one.yaml", "M")]


def test_changes_between_commits_carry_both_sides(repo: Path) -> None:
    r = plumbing.Repository.containing(repo)
    base, head = r.commit("HEAD~1"), r.commit("HEAD")
    assert base and head
    (change,) = r.changes(base, head, ["a/"])
    assert change.status == "M" and change.old.mode == change.new.mode == "100644"
    found = r.objects([change.old.oid, change.new.oid], 100)
    assert found[change.old.oid].data == b"one\n" and found[change.new.oid].data == b"two\n"


def test_blobs_are_read_in_one_batch_and_never_beyond_the_limit(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = plumbing.Repository.containing(repo)
    (repo / "big").write_bytes(b"x" * 5000)
    big = git(repo, "hash-object", "-w", "big")
    small = [git(repo, "rev-parse", f"HEAD:{folder}/trials/one.yaml") for folder in ("a", "c")]
    tree = git(repo, "rev-parse", "HEAD^{tree}")
    missing = "f" * 40
    started: list[list[str]] = []
    real_run = subprocess.run

    def run(args, *a, **kw):  # noqa: ANN001
        started.append(args)
        return real_run(args, *a, **kw)

    monkeypatch.setattr(plumbing.subprocess, "run", run)
    found = r.objects(set(small) | {big, tree, missing}, 4999)
    assert [args[args.index("-C") + 2 :] for args in started] == [
        ["cat-file", "--batch-check"],
        ["cat-file", "--batch"],
    ]
    assert found[big] == plumbing.Object("blob", 5000, None)  # its size, not its bytes
    assert found[small[0]] == plumbing.Object("blob", 4, b"two\n")
    assert found[tree].kind == "tree" and found[tree].data is None
    assert found[missing] == plumbing.Object("missing", 0, None)
    started.clear()
    assert r.objects(set(), 10) == {} and started == []


def test_outside_a_repository_is_a_git_error(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-repo"
    folder.mkdir()
    try:
        plumbing.Repository.containing(folder)
    except plumbing.GitError as exc:
        assert str(exc).startswith("git rev-parse: ")
    else:
        pytest.skip("the temporary folder is inside a git work tree")


def test_no_git_is_its_own_error(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "nowhere"))
    with pytest.raises(plumbing.GitNotFound, match="git is not installed"):
        plumbing.Repository.containing(repo)


def test_a_commits_attributes_are_its_own_never_the_work_trees_or_the_index(repo: Path) -> None:
    """tree_attributes reads the .gitattributes files a commit holds: not those of the work tree or
    the clone's index (the reviewer's own branch), and it leaves the clone's index as it was."""
    (repo / ".gitattributes").write_text("*.yaml ident\n", encoding="utf-8")
    (repo / "a" / ".gitattributes").write_text("*.yaml eol=crlf\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "attributes")
    (repo / ".gitattributes").write_text("*.yaml filter=x\n", encoding="utf-8")
    git(repo, "add", ".gitattributes")
    index = (repo / ".git" / "index").read_bytes()
    r = plumbing.Repository.containing(repo)
    names = ("ident", "eol", "filter")
    paths = ["a/trials/one.yaml", "c/trials/one.yaml"]
    assert r.tree_attributes(r.commit("HEAD") or "", names, paths) == {
        "a/trials/one.yaml": {"ident": "set", "eol": "crlf", "filter": "unspecified"},
        "c/trials/one.yaml": {"ident": "set", "eol": "unspecified", "filter": "unspecified"},
    }
    first = r.tree_attributes(r.commit("HEAD~2") or "", names, paths)
    assert {value for found in first.values() for value in found.values()} == {"unspecified"}
    assert (repo / ".git" / "index").read_bytes() == index
