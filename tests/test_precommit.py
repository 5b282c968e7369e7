"""The hooks as a curator meets them: real git, real pre-commit, in a temporary clone."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GIT_ENV, copy_registry

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or not shutil.which("git"), reason="needs git and pre-commit in the venv"
)


def _git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home")}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check, timeout=120)


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    work = copy_registry(tmp_path / "registry")
    for name in (".pre-commit-config.yaml", "pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, work / name)
    (work / ".venv").symlink_to(REPO / ".venv")  # the hooks call .venv/bin/...
    (work / ".gitignore").write_text(".venv\n.cache/\n")
    _git(work, "init", "-q", "-b", "main")
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "--no-verify", "-m", "initial")
    subprocess.run(
        [str(PRE_COMMIT), "install"],
        cwd=work,
        check=True,
        capture_output=True,
        env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
    )
    return work


def test_commit_with_broken_trial_is_refused(clone: Path) -> None:
    trial = clone / "trials" / "NCT06513429.yaml"
    text = trial.read_text(encoding="utf-8")
    trial.write_text(text.replace("  minimum_age:\n    value: 18", "  minimum_age:\n    value: 70"), encoding="utf-8")
    csv_before = (clone / "trials.csv").read_bytes()
    _git(clone, "add", "trials/NCT06513429.yaml")
    result = _git(clone, "commit", "-m", "raise minimum age", check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "trials/NCT06513429.yaml:" in output and "E104 minimum age 70 years is above maximum age 65 years" in output
    assert len(_git(clone, "log", "--oneline").stdout.splitlines()) == 1  # nothing was committed
    assert (clone / "trials.csv").read_bytes() == csv_before  # invalid data never regenerates the CSV


def test_commit_changing_a_record_updates_the_csv(clone: Path) -> None:
    trial = clone / "trials" / "NCT05765006.yaml"
    # the record's one site, dropped and declared not yet curated (a complete record says why it lacks
    # a field: E520), so the record stays valid and its row changes
    site = "locations:\n  - city: Shanghai\n    country: China\n"
    text = trial.read_text(encoding="utf-8")
    assert site in text and text.count("\n  silent:\n") == 1
    text = text.replace(site, "").replace("\n  silent:\n", "\n  not_yet_curated:\n    - locations\n  silent:\n")
    trial.write_text(text, encoding="utf-8")
    before = _relma_row(clone)
    _git(clone, "add", "trials/NCT05765006.yaml")
    first = _git(clone, "commit", "-m", "drop the site", check=False)
    assert first.returncode != 0, "the hook regenerated trials.csv, so the commit must stop until it is staged"
    assert "files were modified by this hook" in first.stdout + first.stderr
    assert before["countries"] == "China" and _relma_row(clone)["countries"] == ""
    # each hook that wrote a file says how to add it to the commit, and doing just that lets it through
    said = re.findall(r"^to commit .+: git add (.+)$", first.stdout + first.stderr, re.M)
    assert said == ["trials/NCT05765006.yaml", "trials.csv"], first.stdout + first.stderr
    for names in said:
        _git(clone, "add", *names.split())
    second = _git(clone, "commit", "-m", "drop the site", check=False)
    assert second.returncode == 0, second.stdout + second.stderr
    assert _git(clone, "show", "HEAD:trials.csv").stdout == (clone / "trials.csv").read_text(encoding="utf-8")


def test_a_manifest_line_left_unstaged_is_staged_as_the_hook_says(clone: Path) -> None:
    """pre-commit sets unstaged changes aside, so the hooks read a manifest line added but not staged as
    missing (E307 "not listed"). Its fix alone, appending the line, listed the source twice and the next
    commit stopped on E307 "listed twice"; the message now says to stage the manifest, and that works."""
    study = REPO / "tests" / "fixtures" / "ctgov" / "completed_phase2_randomised.json"
    imported = subprocess.run(
        [str(BIN / "trials"), "import", "ctgov", str(study)], cwd=clone, capture_output=True, text=True, timeout=120
    )
    assert imported.returncode == 0, imported.stderr
    source = "seeds/ctgov_NCT09000011_2025-03-06.json"
    _git(clone, "add", "trials/NCT09000011.yaml", source, "trials.csv", "datapackage.json")
    first = _git(clone, "commit", "-m", "add NCT09000011", check=False)
    output = first.stdout + first.stderr
    assert first.returncode != 0 and f"E307 {source} is not listed in seeds/SHA256SUMS" in output, output
    assert "if you added it and a commit hook says this, stage it instead: git add seeds/SHA256SUMS" in output
    _git(clone, "add", "seeds/SHA256SUMS")
    second = _git(clone, "commit", "-m", "add NCT09000011", check=False)
    assert second.returncode == 0, second.stdout + second.stderr


def _relma_row(clone: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO((clone / "trials.csv").read_text(encoding="utf-8"), newline=""))
    return next(r for r in rows if r["nct_id"] == "NCT05765006")


def test_the_repositorys_gitignore_ignores_a_linked_venv(tmp_path: Path) -> None:
    """A worktree sharing a virtualenv links .venv to it; `.venv/` in .gitignore matches a folder
    only, so `git add -A` committed the link, and merging that commit replaced the main checkout's
    virtualenv with a link to itself."""
    work = tmp_path / "repo"
    work.mkdir()
    shutil.copy2(REPO / ".gitignore", work / ".gitignore")
    _git(work, "init", "-q", "-b", "main")
    (work / ".venv").symlink_to(tmp_path)
    assert _git(work, "check-ignore", "-q", ".venv", check=False).returncode == 0
