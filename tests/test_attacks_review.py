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
from conftest import DATA_ROOT, GIT_ENV, REPO
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
    said = "files: changed seeds/SHA256SUMS, seeds/deeper/x.txt, trials/sub/conftest.py: in the registry's folders"
    assert said in out.getvalue(), out.getvalue()


@pytest.mark.skipif(not shutil.which("git") or not shutil.which("tar"), reason="needs git and tar")
def test_the_base_branchs_check_refuses_what_the_pull_requests_schema_lets_through(tmp_path: Path) -> None:
    """A pull request that marks enrollment.count as needing no evidence in the schema, then sets
    IM19's enrollment to 60 and drops its quote: its own `trials check` (its CI) passes, since the
    checker reads the schema of its own tree. review.yml runs .ci/trusted-check, the base branch's
    code and schema on the pull request's data (taken with git archive, nothing of it run): E517."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("schema", "seeds", "trials"):
        shutil.copytree(DATA_ROOT / name, root / name)
    for name in ("trials.csv", "datapackage.json", ".ci/trusted-check"):
        (root / name).parent.mkdir(exist_ok=True)
        shutil.copy2((REPO if name.startswith(".ci") else DATA_ROOT) / name, root / name)
    (root / ".venv").symlink_to(REPO / ".venv")
    (root / ".gitignore").write_text(".venv\n.cache/\n", encoding="utf-8")
    env = {**os.environ, **GIT_ENV}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)

    def trials(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(REPO / ".venv" / "bin" / "trials"), *args, "--root", str(root), "--no-cache"],
            env=env,
            capture_output=True,
            text=True,
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "--no-verify", "-m", "base")
    git("checkout", "-q", "-b", "pr")
    schema = root / "schema" / "trial.schema.json"
    text = schema.read_text(encoding="utf-8")
    count = '"count": {'
    assert text.count(count) == 1
    schema.write_text(text.replace(count, count + '"x-evidence": false, '), encoding="utf-8")
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
    checked = subprocess.run(
        ["bash", str(root / ".ci" / "trusted-check"), "refs/review/head", str(tmp_path / "review")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert (
        "trials/NCT06513429.yaml:" in checked.stdout and "E517 enrollment.count: 60 has no evidence" in checked.stdout
    )
    assert not (tmp_path / "review" / "scripts").exists() and not (tmp_path / "review" / "tests").exists()
