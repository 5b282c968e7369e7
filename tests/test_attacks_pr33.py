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

import io
import re
import shlex

import pytest
from conftest import REPO
from sle_trials.checks import load
from sle_trials.curate import fmt

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


# --- a value YAML 1.1 readers read as true or false --------------------------------------------------
#
# E023 holds a record's scalars to one reading by every YAML reader: a number in plain digits, and text
# that YAML 1.1 readers (PyYAML, what many analysts load a record with) read as a number in base 60
# ("1:30") in quotes. Text they read as true or false passed plain: `acronym: No`, `keywords: [On]` or a
# criterion whose text is "Yes" were that text to the checks, which held it to the source, and false or
# true to PyYAML (yaml.safe_load("acronym: No") is {"acronym": False}).


@pytest.mark.parametrize("written", ["No", "no", "NO", "Yes", "yes", "YES", "On", "on", "OFF", "Off"])
def test_text_yaml_1_1_reads_as_true_or_false_is_refused_unquoted(written: str) -> None:
    text = f"acronym: {written}\nkeywords:\n  - {written}\n"
    record, problems = load.parse(text, "x.yaml")
    assert record is None
    assert [(p.code, p.line, p.column) for p in problems] == [("E023", 1, 10), ("E023", 3, 5)], problems
    assert f'write it in double quotes: "{written}"' in problems[0].message
    reading = "true" if written.lower() in ("yes", "on") else "false"
    assert f"{reading} to YAML 1.1 ones" in problems[0].message
    quoted = f"acronym: \"{written}\"\nkeywords:\n  - '{written}'\n"
    record, problems = load.parse(quoted, "x.yaml")
    assert problems == [] and record is not None and record.data == {"acronym": written, "keywords": [written]}
    out = io.StringIO()
    fmt.yaml_rt().dump({"acronym": written}, out)
    assert out.getvalue() == f'acronym: "{written}"\n'


@pytest.mark.parametrize("written", ["yEs", "oN", "Nope", "Yess", "ON-1", "y", "n", "true", "False"])
def test_words_every_reader_reads_alike_stay_plain(written: str) -> None:
    record, problems = load.parse(f"acronym: {written}\n", "x.yaml")
    assert problems == [] and record is not None


# ... and "=", YAML 1.1's value key, which PyYAML cannot read at all (yaml.safe_load("acronym: =")
# raises): left by helper-135's hunt, refused plain since


def test_text_yaml_1_1_cannot_read_is_refused_unquoted() -> None:
    record, problems = load.parse("acronym: =\n", "x.yaml")
    assert record is None and [p.code for p in problems] == ["E023"], problems
    assert "YAML 1.1 ones (PyYAML) cannot read it at all; write it in double quotes" in problems[0].message
    record, problems = load.parse('acronym: "="\n', "x.yaml")
    assert problems == [] and record is not None and record.data == {"acronym": "="}
    out = io.StringIO()
    fmt.yaml_rt().dump({"acronym": "="}, out)
    assert out.getvalue() == 'acronym: "="\n'


@pytest.mark.parametrize("written", ["a=b", "==", "2025-08-17"])
def test_text_with_an_equals_sign_or_a_date_stays_plain(written: str) -> None:
    record, problems = load.parse(f"acronym: {written}\n", "x.yaml")
    assert problems == [] and record is not None


# --- review.yml's verdict is on the pull request's head, against its base, as they are now -----------
#
# review.yml ran on pull_request_target's default events (opened, synchronize, reopened). A pull request
# moved to another base branch fires `edited` alone, so the verdict of the base it was opened against
# (an older branch, whose checker passes what main's refuses) stood once it was moved to main. And each
# run fetched refs/pull/N/head as it was when the run started: a run for an earlier push that finished
# after the run for a later one left the earlier commit's verdict as the last word on the later head.


def _review_workflow() -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((REPO / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8"))


def test_the_review_runs_again_when_the_base_branch_changes() -> None:
    workflow = _review_workflow()
    trigger = workflow["on"]["pull_request_target"]
    assert {"opened", "synchronize", "reopened", "edited"} <= set(trigger["types"])
    # never skipped on an edit: a skipped run is a passing check, and would stand for the failing one
    for job in workflow["jobs"].values():
        assert "if" not in job and all("if" not in step for step in job["steps"])


def test_the_review_checks_the_commit_its_event_names_and_only_its_newest_run_stands() -> None:
    workflow = _review_workflow()
    assert workflow["concurrency"] == {
        "group": "review-${{ github.event.pull_request.number }}",
        "cancel-in-progress": True,
    }
    (job,) = workflow["jobs"].values()
    (fetch,) = [step for step in job["steps"] if "refs/review/head" in step.get("run", "") and "fetch" in step["run"]]
    assert fetch["env"]["EVENT_HEAD"] == "${{ github.event.pull_request.head.sha }}"
    assert '"$(git rev-parse refs/review/head)" != "$EVENT_HEAD"' in fetch["run"] and "exit 1" in fetch["run"]
    steps = [step.get("name", "") for step in job["steps"]]
    assert steps.index(fetch["name"]) < min(i for i, step in enumerate(job["steps"]) if "trials" in step.get("run", ""))
