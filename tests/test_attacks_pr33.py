"""Attacks of a pull request on what vouches for its data (docs/trust-boundary.md), hunt 33.

A reviewer looks at a pull request with the code they trust by the commands docs/trust-boundary.md
shows ("On a reviewer's machine"). They checked a checkout of the pull request with `trials check
--root ../pr-123`: the code was the reviewer's, the schema the pull request's. A pull request that
marks `enrollment.count` as needing no evidence and sets IM19's enrollment to 60 passed it
(tests/test_attacks_review.py shows its own check passing, by the same code, and .ci/trusted-check
refusing it: E517). The procedure now runs .ci/trusted-check, which checks the pull request's blobs
against the reviewer's own schema.
"""

from __future__ import annotations

import re
import shlex

from conftest import REPO

_FENCE = re.compile(r"```sh\n(.*?)```", re.S)


def _reviewer_commands() -> list[list[str]]:
    """The commands of the shell block under "On a reviewer's machine", comments left out."""
    text = (REPO / "docs" / "trust-boundary.md").read_text(encoding="utf-8")
    start = text.index("**On a reviewer's machine**")
    block = _FENCE.search(text, start)
    assert block is not None, "the reviewer's procedure shows no ```sh block"
    return [shlex.split(line, comments=True) for line in block[1].splitlines() if line.strip()]


def test_the_reviewers_procedure_checks_the_data_against_the_reviewers_schema() -> None:
    commands = _reviewer_commands()
    programs = [words[0] for words in commands if words]
    # `trials check --root DIR` reads DIR's schema: run on a checkout of the pull request, it asks of
    # the records what the pull request's schema asks, however trusted the code
    checks = [words for words in commands if words[:2] == [".venv/bin/trials", "check"]]
    assert not checks, f"the reviewer's procedure checks a tree with its own schema: {checks}"
    assert ".ci/trusted-check" in programs, programs
    # and nothing of the pull request is checked out: its .gitattributes and submodules would write it
    assert not [words for words in commands if words[:2] in (["git", "worktree"], ["git", "checkout"])]
