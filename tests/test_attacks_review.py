"""Pull-request attacks on review: a change to what the checks hold records to, unseen in the
summary `trials diff` writes into every pull request (CI's job summary).

`trials check` checks one tree: a source document edited together with its line in seeds/SHA256SUMS,
or a schema that asks less of every record, passes it by construction. What shows such a change is
the review, and `trials diff` listed only sources added or removed: a source edited in place (to
state a value a record then quotes) and a changed schema went unmentioned, between commits and in
the work tree alike. Both are now named.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import GIT_ENV, Trials, copy_registry

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

IM19 = "trials/NCT06513429.yaml"
IM19_SEED = "seeds/000_84a0f0163f21158e.txt"
ENV = {**os.environ, **GIT_ENV}


def git(cwd: Path, *args: str) -> None:
    result = subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def commit(cwd: Path, message: str) -> None:
    git(cwd, "add", "-A")
    git(cwd, "commit", "-q", "--no-verify", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = copy_registry(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    commit(root, "initial")
    return root


def forge_enrollment(root: Path) -> None:
    """IM19's source edited to say 60 participants, its manifest line updated, the record to match."""
    seed = root / IM19_SEED
    old = seed.read_bytes()
    new = old.replace(b"6 participants", b"60 participants", 1)
    seed.write_bytes(new)
    manifest = root / "seeds" / "SHA256SUMS"
    manifest.write_text(
        manifest.read_text().replace(hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest()),
        encoding="utf-8",
    )
    record = root / IM19
    text = record.read_text(encoding="utf-8")
    text = text.replace("enrollment:\n  count: 6\n", "enrollment:\n  count: 60\n")
    text = text.replace("RECRUITING NA 6 participants", "RECRUITING NA 60 participants")
    record.write_text(text.replace("enrollment.count: 6 participants", "enrollment.count: 60 participants"), "utf-8")


def test_a_source_edited_in_place_passes_the_check_and_is_named_by_diff(trials: Trials, repo: Path) -> None:
    forge_enrollment(repo)
    assert trials("csv", root=repo).status == 0
    assert trials("check", root=repo).status == 0  # one tree cannot tell an edited source from a received one
    worktree = trials("diff", "HEAD", root=repo)
    changed = f"seeds: changed {IM19_SEED}: a source is kept as received (a new version is a new file)"
    assert changed in worktree.lines
    commit(repo, "the forged source")
    assert changed in trials("diff", "HEAD~1", "HEAD", root=repo).lines
    markdown = trials("diff", "HEAD~1", "HEAD", "--format", "markdown", root=repo).out
    assert "`seeds`: changed seeds/000\\_84a0f0163f21158e\\.txt\\: a source is kept as received" in markdown
    assert changed in trials("diff", "HEAD~1", "HEAD", "--format", "json", root=repo).json()["seeds"]


def test_a_weakened_schema_passes_the_check_and_is_named_by_diff(trials: Trials, repo: Path) -> None:
    """overall_status marked as needing no evidence: Relma-cel (complete, quoting "Recruiting") then
    passes as COMPLETED."""
    schema = repo / "schema" / "trial.schema.json"
    data = json.loads(schema.read_text(encoding="utf-8"))
    data["properties"]["overall_status"]["x-evidence"] = False
    schema.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    relma = repo / "trials" / "NCT05765006.yaml"
    relma.write_text(
        relma.read_text(encoding="utf-8").replace("overall_status: RECRUITING", "overall_status: COMPLETED")
    )
    assert trials("csv", root=repo).status == 0
    assert trials("check", root=repo).status == 0
    said = "schema: changed schema/trial.schema.json: what every record is held to"
    assert said in trials("diff", "HEAD", root=repo).lines
    commit(repo, "schema")
    assert said in trials("diff", "HEAD~1", "HEAD", root=repo).lines


def test_an_unchanged_source_is_not_named(trials: Trials, repo: Path) -> None:
    result = trials("diff", "HEAD", root=repo)
    assert not any(line.startswith(("seeds:", "schema:")) for line in result.lines)
