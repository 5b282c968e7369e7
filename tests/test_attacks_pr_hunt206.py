"""Attacks of a pull request on what its review shows of the code and settings, hunt 206.

- **GitHub's own actions by a tag.** Hunt 194 refused another party's action, workflow or image by a tag or
  a branch, and let `actions/` and `github/` through by theirs, as the repository's workflows used them: a
  workflow's `uses: actions/checkout@v4` runs what the tag `v4` names when the job runs, and whoever can
  move that tag (GitHub, or whoever takes over its account or its release process) runs code in every job
  that uses it, review.yml's with its token among them; a review read the tag, not the code. A pull
  request adding `uses: actions/checkout@v4` (or `github/codeql-action/init@v3`, `Actions/setup-python@v5`,
  an `actions/` reusable workflow by `@main`) passed (exit 0). Now GitHub's actions are held as every other
  party's (no_name_that_moves): by a full commit id, which the repository's workflows now use, each with
  its tag in a comment.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, committed_with_code, extraction, git_run, pull_request_made, put, trusted_check_once

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

MAKEFILE = "test:\n\t.venv/bin/python -m pytest\n"
SHA = "0123456789abcdef0123456789abcdef01234567"
CI = ".github/workflows/ci.yml"
STEP = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: {uses}\n"


def _pull_request(tmp_path: Path, changes: dict[str, str | bytes]) -> Path:
    """A branch `pr` of a registry whose main holds a Makefile, with changes (path -> text or bytes)."""
    root = committed_with_code(tmp_path, "Makefile", MAKEFILE)
    git_run(root, "checkout", "-q", "-b", "pr")
    for path, content in changes.items():
        put(root, path, content)
    pull_request_made(root)
    return root


def _refused(request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str) -> None:
    root = _pull_request(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {said}" in checked.stderr, checked.stderr


def _passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    root = _pull_request(tmp_path, changes)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


REFUSED = [
    ({CI: STEP.format(uses="actions/checkout@v4")}, f"{CI} line 6: `uses: actions/checkout@v4` runs"),
    ({CI: STEP.format(uses="github/codeql-action/init@v3")}, f"{CI} line 6: `uses: github/codeql-action/init@v3`"),
    ({CI: STEP.format(uses="Actions/setup-python@v5")}, f"{CI} line 6: `uses: Actions/setup-python@v5`"),
    (
        {CI: "on: push\njobs:\n  call:\n    uses: actions/reusable/.github/workflows/x.yml@main\n"},
        f"{CI} line 4: `uses: actions/reusable/.github/workflows/x.yml@main`",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "said"), REFUSED)
def test_what_its_review_reads_otherwise_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    _refused(request, tmp_path, changes, said)


PASSING = [
    {CI: STEP.format(uses=f"actions/checkout@{SHA}  # v4")},  # a full commit id: one tree
]  # fmt: skip


@pytest.mark.parametrize("changes", PASSING)
def test_what_reads_as_it_runs_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    _passes(tmp_path, changes)


def test_the_repositorys_workflows_pin_every_action() -> None:
    """The repository's own workflows hold to the rule: each action by a full commit id."""
    from sle_trials.git import settings

    for workflow in sorted((REPO / ".github" / "workflows").glob("*.yml")):
        path = workflow.relative_to(REPO).as_posix()
        assert settings.by_a_name_that_moves(path, workflow.read_text("utf-8")) is None, path
