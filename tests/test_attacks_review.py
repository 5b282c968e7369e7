"""Attacks on what a reviewer is shown of a pull request (docs/trust-boundary.md, "What one tree cannot
show"): review.yml writes `trials diff --format markdown` into the job summary, and GitHub drops a
step's whole summary over 1 MiB, so a summary that can grow past it hides every line of it.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import GIT_ENV, REPO, committed_registry, git_bytes, trusted_check, trusted_check_once
from sle_trials.curate import diff

GITHUBS_LIMIT = 1024 * 1024  # bytes of one step's job summary; over it GitHub shows none of it


def _summary(changes: diff.Changes) -> str:
    out = io.StringIO()
    diff.render(diff.compare(changes, "main (0000000)", "refs/review/head (1111111)"), "markdown", out)
    return out.getvalue()


def test_many_sources_added_cannot_push_the_checker_line_out_of_the_summary() -> None:
    """5,500 sources with names of 196 characters, added beside a changed conftest.py: the sources'
    line alone was 1.1 MB, so GitHub showed no summary and the checker line went with it."""
    seeds = [f"seeds/{'a' * 190}{n:06}.txt" for n in range(5500)]
    changes = diff.Changes(diff.Version(), diff.Version(), seeds, seeds, seeds, checker_changed=["tests/conftest.py"])
    out = _summary(changes)
    assert len(out.encode("utf-8")) < 100_000, len(out)
    assert "- `checker`: changed tests/conftest\\.py\\:" in out
    assert out.count(" and 5404 more in seeds/ \\(git diff \\-\\-stat lists them\\)") == 3, out[:2000]


def test_no_list_of_paths_can_make_the_summary_too_large_for_github() -> None:
    """The worst every list can do at once: more paths than a line names, each of 4 KiB (git's limit)
    and made of the character the Markdown escaping lengthens most (`&` becomes `&amp;`). What one
    tree cannot show still fits, and the checker line is in it."""
    long = [f"x/{'&' * 4000}{n}" for n in range(2_000)]
    seeds = [f"seeds/{'a' * 190}{n:06}.txt" for n in range(2_000)]
    changes = diff.Changes(
        diff.Version(),
        diff.Version(),
        seeds,
        seeds,
        seeds,
        schema_changed=True,
        checker_changed=long,
        others_changed=long,
        modes_changed=long,
    )
    out = _summary(changes)
    assert len(out.encode("utf-8")) < GITHUBS_LIMIT - 100_000, len(out)
    assert "- `checker`: changed x/&amp;&amp;" in out


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_a_file_in_the_registrys_folders_that_is_no_record_or_source_is_named(tmp_path: Path) -> None:
    """A file in a subfolder of trials/ or seeds/, a changed manifest: data by where they are, yet no
    record or source, so the summary named them nowhere (`no changes`)."""
    root = tmp_path / "repo"
    (root / "schema").mkdir(parents=True)
    shutil.copy(REPO / "schema" / "trial.schema.json", root / "schema")
    git = ["git", "-C", str(root)]
    env = {**os.environ, **GIT_ENV}
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--no-verify", "-m", "base"], check=True, env=env)
    for path in ("trials/sub/conftest.py", "seeds/SHA256SUMS", "seeds/deeper/x.txt"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--no-verify", "-m", "pr"], check=True, env=env)
    out = io.StringIO()
    diff.render(diff.diff_report(root, "HEAD~1", "HEAD"), "text", out)
    said = "files: changed seeds/deeper/x.txt, trials/sub/conftest.py: in the registry's folders"
    assert said in out.getvalue(), out.getvalue()
    said = "seeds: changed seeds/SHA256SUMS, not as the sources changed: not read as a manifest after the change"
    assert said in out.getvalue(), out.getvalue()


@pytest.mark.skipif(not shutil.which("git") or not shutil.which("tar"), reason="needs git and tar")
def test_the_base_branchs_check_refuses_what_the_pull_requests_schema_lets_through(tmp_path: Path) -> None:
    """A pull request that marks enrollment.count as needing no evidence in the schema, then sets
    IM19's enrollment to 60 and drops its quote: its own `trials check` (its CI) passes, since the
    checker reads the schema of its own tree. review.yml runs .ci/trusted-check, the base branch's
    code and schema on the pull request's data (its blobs, nothing of it run): E517."""
    root = committed_registry(tmp_path)
    env = {**os.environ, **GIT_ENV}

    def git(*args: str) -> None:
        git_bytes(root, *args)

    def trials(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(REPO / ".venv" / "bin" / "trials"), *args, "--root", str(root), "--no-cache"],
            env=env,
            capture_output=True,
            text=True,
        )

    git("checkout", "-q", "-b", "pr")
    schema = root / "schema" / "trial.schema.json"
    text = schema.read_text(encoding="utf-8")
    count = '"count": {'
    assert text.count(count) == 1
    schema.write_text(text.replace(count, count + '"x-evidence": false,'), encoding="utf-8")  # no space at the end
    record = root / "trials" / "NCT06513429.yaml"
    text = record.read_text(encoding="utf-8")
    for old, new in (
        ("enrollment:\n  count: 6\n", "enrollment:\n  count: 60\n"),
        ("  enrollment.count: 6 participants\n", ""),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    record.write_text(text, encoding="utf-8")
    assert trials("csv").returncode == 0
    assert trials("check").returncode == 0  # the pull request's own check vouches for 60
    git("add", "-A")
    git("commit", "-q", "--no-verify", "-m", "pr")
    git("update-ref", "refs/review/head", "pr")
    git("checkout", "-q", "main")
    checked = trusted_check(root, "refs/review/head", tmp_path / "review")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert (
        "trials/NCT06513429.yaml:" in checked.stdout and "E517 enrollment.count: 60 has no evidence" in checked.stdout
    )
    assert not (tmp_path / "review" / "scripts").exists() and not (tmp_path / "review" / "tests").exists()


# --- .ci/trusted-check takes the pull request's data as its commit's blobs, through no attribute -------


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_the_pull_requests_attributes_cannot_hide_a_record_from_the_base_branchs_check(tmp_path: Path) -> None:
    """A pull request adds a record the base branch's check refuses, and `export-ignore` for it in its
    .gitattributes: `git archive` (which writes through the attributes of the tree it archives) left
    the record out of the folder checked, and the check passed a pull request that holds it."""
    root = committed_registry(tmp_path)
    git_bytes(root, "checkout", "-q", "-b", "pr")
    record = (root / "trials" / "NCT06513429.yaml").read_text(encoding="utf-8")
    assert record.count("NCT06513429") >= 1 and "  count: 6\n" in record
    bad = record.replace("NCT06513429", "NCT09999999").replace("  count: 6\n", "  count: 60\n")
    (root / "trials" / "NCT09999999.yaml").write_text(bad, encoding="utf-8")
    (root / ".gitattributes").write_text("trials/NCT09999999.yaml export-ignore\n", encoding="utf-8")
    git_bytes(root, "add", "-A")
    git_bytes(root, "commit", "-q", "--no-verify", "-m", "pr")
    git_bytes(root, "checkout", "-q", "main")
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "trials/NCT09999999.yaml:" in checked.stdout, checked.stdout


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_the_data_checked_is_the_commits_blobs_byte_for_byte(tmp_path: Path) -> None:
    """Whatever the pull request's attributes say (export-subst, ident, eol=crlf, in
    .gitattributes and in trials/.gitattributes), each file written is its blob: `git archive` wrote a
    source's `$Format:%an$` as the author's name, words the check then read and no commit holds."""
    from sle_trials.git import code_files, extract, plumbing

    root = committed_registry(tmp_path)
    source = root / "seeds" / "extra.txt"
    source.write_bytes(b"Recruiting $Format:%an$ $Id$\nline two\n")
    (root / ".gitattributes").write_text("* export-subst ident text eol=crlf\n", encoding="utf-8")
    (root / "trials" / ".gitattributes").write_text("*.yaml export-ignore\n", encoding="utf-8")
    git_bytes(root, "add", "-A")
    git_bytes(root, "commit", "-q", "--no-verify", "-m", "pr")
    dest = tmp_path / "out"
    written = extract.extract(plumbing.Repository(root), "HEAD", dest)
    listed = git_bytes(root, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", *code_files.DATA).split(b"\0")
    assert written == sorted(os.fsdecode(p) for p in listed if p)
    for path in written:
        assert (dest / path).read_bytes() == git_bytes(root, "cat-file", "blob", f"HEAD:{path}"), path
    assert (dest / "trials" / ".gitattributes").is_file()


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_a_second_check_into_the_same_folder_says_what_to_do(tmp_path: Path) -> None:
    """A reviewer who checks a pull request again after a push, as docs/trust-boundary.md shows
    (`.ci/trusted-check pr-123 ../pr-123`), met "../pr-123 is not an empty folder" (exit 2) and no
    word in the docs of it (a new user's review): the message says to remove the earlier folder, and
    nothing of it is read or replaced."""
    root = committed_registry(tmp_path)
    dest = tmp_path / "review"
    assert trusted_check(root, "main", dest).returncode == 0
    again = trusted_check(root, "main", dest)
    assert again.returncode == 2, again.stdout + again.stderr
    assert "is not an empty folder" in again.stderr and "remove an earlier check's folder first" in again.stderr
    assert (dest / "trials").is_dir()


def _tree(root: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree object written as given (mode, name, object id), even one git fsck refuses."""
    raw = b"".join(mode.encode() + b" " + name.encode() + b"\0" + bytes.fromhex(oid) for mode, name, oid in entries)
    return git_bytes(root, "hash-object", "-t", "tree", "--literally", "-w", "--stdin", stdin=raw).decode().strip()


def _commit(root: Path, tree: str) -> str:
    return git_bytes(root, "commit-tree", tree, "-m", "pr").decode().strip()


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
@pytest.mark.parametrize("shape", ["dotdot", "dotgit", "twice", "through_a_link", "too_long"])
def test_a_crafted_tree_writes_nothing_outside_the_folder(
    request: pytest.FixtureRequest, tmp_path: Path, shape: str
) -> None:
    """Trees no checkout writes (a name `..` or `.git`, a path given twice, a file beneath a link
    that points outside): the extraction stops with exit status 2 and writes nothing outside."""
    root = committed_registry(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    blob = git_bytes(root, "hash-object", "-w", "--stdin", stdin=b"x\n").decode().strip()
    link = git_bytes(root, "hash-object", "-w", "--stdin", stdin=str(outside).encode()).decode().strip()
    inner = _tree(root, [("100644", "x", blob)])
    trials = {
        "dotdot": [("40000", "..", inner)],
        "dotgit": [("40000", ".git", inner)],
        "twice": [("100644", "NCT06513429.yaml", blob), ("100644", "NCT06513429.yaml", blob)],
        "through_a_link": [("120000", "a", link), ("40000", "a", inner)],
        "too_long": [("100644", "a" * 300, blob)],  # longer than a file system's name: no traceback
    }[shape]
    top = _tree(root, [("40000", "trials", _tree(root, trials))])
    commit = _commit(root, top)
    dest = tmp_path / "review"
    checked = trusted_check_once(request, root, commit, dest)
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "trusted-check:" in checked.stderr and "Traceback" not in checked.stderr, checked.stderr
    assert list(outside.iterdir()) == [] and not (tmp_path / "x").exists()


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_links_submodules_and_huge_files_are_refused_by_the_check_unread(tmp_path: Path) -> None:
    """A link to a file outside, a submodule and a blob of 100 MiB of zeros (a few KiB in a pack):
    written as a checkout would write them (a link, never followed; an empty folder; a sparse file of
    its size), so the base branch's check refuses each by what it is, reading none of them."""
    root = committed_registry(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("a secret\n", encoding="utf-8")
    (root / "seeds" / "linked.txt").symlink_to(secret)
    git_bytes(root, "add", "-A")
    git_bytes(root, "commit", "-q", "--no-verify", "-m", "pr")
    huge = (
        subprocess.run(
            f"head -c {100 << 20} /dev/zero | git -C {root} hash-object -w --stdin",
            shell=True,
            check=True,
            capture_output=True,
            env={**os.environ, **GIT_ENV},
        )
        .stdout.decode()
        .strip()
    )
    listing = git_bytes(root, "ls-tree", "HEAD:seeds").decode()
    lines = listing + f"100644 blob {huge}\thuge.txt\n160000 commit {'1' * 40}\tsub\n"
    seeds = git_bytes(root, "mktree", "--missing", stdin=lines.encode()).decode().strip()
    top = git_bytes(root, "ls-tree", "HEAD").decode()
    top = "".join(
        f"040000 tree {seeds}\tseeds\n" if line.endswith("\tseeds") else line + "\n" for line in top.splitlines()
    )
    commit = _commit(root, git_bytes(root, "mktree", stdin=top.encode()).decode().strip())
    dest = tmp_path / "review"
    checked = trusted_check(root, commit, dest)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert (dest / "seeds" / "linked.txt").is_symlink()
    assert (dest / "seeds" / "huge.txt").stat().st_size == 100 << 20
    assert (dest / "seeds" / "huge.txt").stat().st_blocks * 512 < 1 << 20
    for name in ("linked.txt", "huge.txt", "sub"):
        assert f"seeds/{name}: E307" in checked.stdout, checked.stdout
    assert "a secret" not in checked.stdout + checked.stderr
