"""Attacks of a pull request on what its review shows of the checker's code: attributes that hide a
file's changed lines.

- **`-diff` on the checker's code.** The trusted check refused an attribute by which git rewrites a
  file that runs or configures the check (`ident`, a `filter`, `working-tree-encoding`, ...: hunt 182),
  and a NUL byte, by which git and GitHub take a file for binary and show no diff of it. A pull request
  whose `.gitattributes` said `*.py -diff` (or `binary`, which sets `-diff`) and which changed the
  checker's module passed (exit 0): `git diff` showed "Binary files differ" where the module's changed
  lines were, and the review summary named a changed file of the checker's and none of its lines.
- **`linguist-generated` on it.** GitHub folds a generated file's diff away in a pull request's review
  ("Some generated files are not rendered by default"): `scripts/** linguist-generated` passed too,
  and so did the schema marked so.
Now an attribute by which a review shows none of the changed lines of a file that runs or configures
the check stops the extraction (checks/checkout.py: unshown), as the pull request's and as the merge
with the base branch holds it. The data's own are not the code's: a generated file (trials.csv,
datapackage.json) marked generated, a source `-diff`, pass, as `diff=python` on code does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import committed_registry, committed_with_code, extraction, git_run, pull_request_made, trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

MODULE = "scripts/sle_trials/checks/strict.py"


def _pull_request(tmp_path: Path, attributes: str, change: str = MODULE) -> Path:
    """main holding a module of the checker's, and a pull request `pr` that adds `attributes` as its
    .gitattributes and changes the file `change`."""
    root = committed_with_code(tmp_path, MODULE, "STRICT = True\n")
    git_run(root, "checkout", "-q", "-b", "pr")
    (root / ".gitattributes").write_text(attributes, encoding="utf-8")
    target = root / change
    text = target.read_text(encoding="utf-8")
    # the module's value changed in its line (a name bound twice is refused of itself: no_name_bound_twice)
    changed = text.replace("STRICT = True\n", "STRICT = False\n") if change == MODULE else text + "STRICT = False\n"
    target.write_text(changed, encoding="utf-8")
    pull_request_made(root)
    return root


HIDDEN = [
    ("*.py -diff\n", MODULE, "-diff"),
    ("scripts/** binary\n", MODULE, "-diff"),
    ("[attr]quiet -diff\n*.py quiet\n", MODULE, "-diff"),
    ("*.PY -diff\n", MODULE, "-diff"),  # as a clone on a case-blind disk matches it
    ("scripts/** linguist-generated\n", MODULE, "linguist-generated"),
    ("*.py linguist-generated=true\n", MODULE, "linguist-generated=true"),
    # Linguist takes any value but the exact "false" as set (its boolean_attribute)
    ("*.py linguist-generated=no\n", MODULE, "linguist-generated=no"),
    ("*.py linguist-generated=FALSE\n", MODULE, "linguist-generated=FALSE"),
    ("*.py linguist-generated=0\n", MODULE, "linguist-generated=0"),
    ("schema/*.json linguist-generated\n", "schema/columns.lock.json", "linguist-generated"),
    ("schema/** -diff\n", "schema/trial.schema.json", "-diff"),  # what every record is held to
    (".ci/* -diff\n", ".ci/trusted-check", "-diff"),
]


@pytest.mark.parametrize(("attributes", "path", "said"), HIDDEN)
def test_an_attribute_that_hides_the_checkers_changes_stops_the_extraction(
    tmp_path: Path, attributes: str, path: str, said: str
) -> None:
    root = _pull_request(tmp_path, attributes, change=path)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {path}: the pull request's attributes have git or GitHub show none of its" in (
        checked.stderr
    ), checked.stderr
    assert f"({said}" in checked.stderr, checked.stderr


def test_the_trusted_check_stops_at_a_hidden_module(tmp_path: Path) -> None:
    """The kind above through .ci/trusted-check itself, as review.yml runs it."""
    root = _pull_request(tmp_path, "*.py -diff\n")
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {MODULE}: the pull request's attributes have git or GitHub show none" in checked.stderr


def test_git_shows_no_line_of_a_module_marked_so(tmp_path: Path) -> None:
    """The mechanism: `git diff` of the pull request names the module and shows none of its lines."""
    root = _pull_request(tmp_path, "*.py -diff\n")
    git_run(root, "checkout", "-q", "pr")  # its attributes, as GitHub's review of it reads them
    shown = git_run(root, "diff", "main", "pr", "--", MODULE)
    assert "Binary files" in shown and "STRICT = False" not in shown, shown


def test_a_hiding_attribute_the_merge_holds_stops_the_extraction(tmp_path: Path) -> None:
    """A line naming a module main took after the pull request branched hides nothing in the pull
    request's own tree; the merge, which GitHub publishes, holds both."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    (root / ".gitattributes").write_text(f"{MODULE} -diff\n", encoding="utf-8")
    pull_request_made(root)
    (root / MODULE).parent.mkdir(parents=True)
    (root / MODULE).write_text("STRICT = True\n", encoding="utf-8")
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "main's new module")
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {MODULE}: in the merge with the base branch, the attributes have git or GitHub show" in (
        checked.stderr
    ), checked.stderr


@pytest.mark.parametrize(
    "attributes",
    [
        "*.py diff=python\n",
        "*.py -linguist-generated\n*.py linguist-generated=false\n",
        "trials.csv linguist-generated\ndatapackage.json linguist-generated=true\n",
        "seeds/** -diff -text\n",
    ],
)
def test_attributes_that_show_the_checkers_changes_pass(tmp_path: Path, attributes: str) -> None:
    root = _pull_request(tmp_path, attributes)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr
