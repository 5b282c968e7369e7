"""Attacks of a pull request on what its review shows and what its merge publishes, hunt 187.

- **A summary from one of two merge bases.** review.yml wrote `trials diff` from `git merge-base HEAD
  refs/review/head`, and after a criss-cross merge a pull request and the base branch have two best
  common ancestors, of which git prints one. The pull request chooses its parents: a merge of two
  commits of main's history where neither is the other's ancestor (a commit of a feature branch main
  merged, and main's own commit beside it) makes both of them merge bases. A pull request made of such
  a merge, whose tree kept the checker's module as the older of the two had it (before a fix main took
  in the other), showed no `checker:` line in the summary from that older one (tested), passed the
  trusted check (its data is honest, and the base branch's code checked it), and its merge (git's and
  GitHub's `ort`, which merges the two bases into one) put the old module back on main (tested): the
  next pull request is checked by the code no summary named. Now `.ci/merge-base` prints the one merge
  base or fails the review (merge the base branch's tip into the pull request, which leaves one), and
  `trials diff` without BASE refuses two merge bases with origin/main likewise.
- **A pair half on main, half in the pull request.** The trusted check read the pull request's head
  alone, and GitHub merges it with the base branch as that is by then. Where main took a module of
  the checker's (`checks/newcheck.py`) or a source after the pull request branched, a package
  `checks/newcheck/__init__.py` (which Python imports in the module's place), the module's twin
  `ſcripts/sle_trials/checks/newcheck.py`, or a `.gitattributes` line naming that module alone
  (`working-tree-encoding=ASCII//TRANSLIT`) or the source (`ident`) passed (exit 0): the head holds
  no module or source there. Their merge holds both, and runs other code than main's module (or
  holds other bytes than its source). Now the tree `git merge-tree` writes for the merge (with its
  conflict markers, where it conflicts) is held to what the head is (git/extract.py: merged_code).

Tried, and held (the check refused them, or the merge and the summary show what was checked):
- a record citing its source by a path that normalises otherwise (`seeds/./x`, `seeds//x`,
  `seeds/../seeds/x`, a trailing space or slash: E205, the schema's pattern) or names another file on
  a disk folding case or dots (`x.txt.`, `X.TXT`: E108, no such source); citing `seeds/SHA256SUMS`
  (E108);
- a manifest line with CR, a BOM, a conflict marker or a name twice (E307, sources.parse); trials.csv
  or datapackage.json differing from what the records generate in any byte (E401 compares bytes);
- a pull request that merged main's tip with `-s ours`, keeping an older checker: one merge base (main's
  tip), and the summary from it names the checker's files (the honest neighbour below is that shape);
- `git diff-tree` rename detection (a record or source renamed and changed shown as a copy): the
  diff runs with --no-renames, each side named;
- the merge drivers given to other files by the pull request's attributes (`trials/*.yaml
  merge=trials-csv` or `merge=trials-manifest`): merge-csv regenerates only a file `trials csv`
  writes and leaves any other a conflict; merge-manifest reads only manifest lines (run in a clone with
  both drivers configured: a record changed on both sides, and a source, were each left a conflict);
  both refuse criss-cross and octopus merges (git/merge.py).

Left: a base branch that moves on after the review is merged with what no review read; the docs ask
for the branch protection "require branches to be up to date", which makes the pull request a new
push, checked again, and ci.yml's extraction of main's own tree on its push finds a pair so made
after the merge (loud, not before it). GitHub's rebase merge replays each commit, which need not give the merge's tree
(not tried).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    GIT_ENV,
    REPO,
    committed_registry,
    extraction,
    git_run,
    main,
    put,
    trusted_check,
    trusted_check_once,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

MODULE = "scripts/sle_trials/git/received.py"
OLD = "def changed(listed, held):\n    return []  # nothing is looked at\n"
FIXED = "def changed(listed, held):\n    return [name for name in listed if listed[name] != held.get(name)]\n"


def _commit(root: Path, message: str, day: int) -> str:
    """Everything in the work tree committed on the branch checked out, on 2026-01-DAY (git prints
    the later of two merge bases): its id."""
    date = f"2026-01-{day:02d}T12:00:00+0000"
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(root), "add", "-A"], env=env, check=True, timeout=60)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "--no-verify", "-m", message], env=env, check=True)
    return git_run(root, "rev-parse", "HEAD").strip()


def _write(root: Path, path: str, text: str) -> None:
    put(root, path, text)


def _history(tmp_path: Path) -> tuple[Path, str, str]:
    """main: the registry with the checker's OLD module, then main's fix (B2) beside a feature
    branch's documentation commit (B1, later), merged. Returns the root (on main), B1 and B2."""
    root = committed_registry(tmp_path)
    shutil.copy2(REPO / ".ci" / "merge-base", root / ".ci" / "merge-base")
    _write(root, MODULE, OLD)
    _commit(root, "the checker", 2)
    git_run(root, "checkout", "-q", "-b", "feature")
    git_run(root, "checkout", "-q", "main")
    _write(root, MODULE, FIXED)
    fixed = _commit(root, "fix the checker", 3)
    git_run(root, "checkout", "-q", "feature")
    _write(root, "docs/notes.md", "Notes.\n")
    feature = _commit(root, "notes", 4)
    git_run(root, "checkout", "-q", "main")
    git_run(root, "merge", "-q", "--no-ff", "--no-edit", "feature")
    return root, feature, fixed


def _criss_cross(tmp_path: Path) -> tuple[Path, str, str]:
    """A pull request `pr` made of a merge of B1 and B2 whose tree keeps the OLD module, then an honest
    change of documentation."""
    root, feature, fixed = _history(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr", feature)
    git_run(root, "merge", "-q", "--no-commit", "--no-ff", fixed)
    _write(root, MODULE, OLD)
    _commit(root, "merge main", 5)
    _write(root, "docs/more.md", "More notes.\n")
    _commit(root, "more notes", 6)
    git_run(root, "checkout", "-q", "main")
    return root, feature, fixed


def test_a_summary_from_one_merge_base_hides_what_the_merge_takes_from_the_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The mechanism: two merge bases; `trials diff` from the one git prints names no checker's change,
    and the merge puts the OLD module back on main."""
    root, feature, fixed = _criss_cross(tmp_path)
    assert set(git_run(root, "merge-base", "--all", "main", "pr").split()) == {feature, fixed}
    assert git_run(root, "merge-base", "main", "pr").strip() == feature  # what review.yml started from
    capsys.readouterr()
    assert main(["diff", feature, "pr", "--root", str(root)]) == 0
    summary = capsys.readouterr().out
    assert "docs/more.md" in summary and "checker" not in summary and MODULE not in summary, summary
    merged = git_run(root, "merge-tree", "--write-tree", "main", "pr").split()[0]
    assert git_run(root, "cat-file", "blob", f"{merged}:{MODULE}") == OLD


def _merge_base(root: Path, rev: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(root / ".ci" / "merge-base"), rev],
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_two_merge_bases_stop_the_review(tmp_path: Path) -> None:
    root, feature, fixed = _criss_cross(tmp_path)
    found = _merge_base(root, "pr")
    assert found.returncode == 1 and found.stdout == "", found
    assert found.stderr.startswith("::error::pr and the base branch have 2 best common ancestors"), found.stderr
    assert feature in found.stderr and fixed in found.stderr


def test_two_merge_bases_stop_trials_diff_without_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, feature, fixed = _criss_cross(tmp_path)
    git_run(root, "update-ref", "refs/remotes/origin/main", "main")
    git_run(root, "checkout", "-q", "pr")
    capsys.readouterr()
    assert main(["diff", "--root", str(root)]) == 2
    said = capsys.readouterr().err
    assert "2 best common ancestors" in said and feature in said and fixed in said, said


def test_one_merge_base_is_the_summarys_start(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Honest neighbours: a pull request branched from main, and one that merged main's tip into itself
    (the remedy) have one merge base, and the summary from it names the checker's change."""
    root, _, _ = _history(tmp_path)
    tip = git_run(root, "rev-parse", "main").strip()
    git_run(root, "checkout", "-q", "-b", "branched")
    _write(root, "docs/more.md", "More notes.\n")
    _commit(root, "more notes", 6)
    git_run(root, "checkout", "-q", "main")
    found = _merge_base(root, "branched")
    assert (found.returncode, found.stdout) == (0, f"{tip}\n"), found
    (tmp_path / "again").mkdir()
    root, _, _ = _criss_cross(tmp_path / "again")
    tip = git_run(root, "rev-parse", "main").strip()
    git_run(root, "checkout", "-q", "pr")
    git_run(root, "merge", "-q", "--no-edit", "main")
    git_run(root, "checkout", "-q", "main")
    found = _merge_base(root, "pr")
    assert (found.returncode, found.stdout) == (0, f"{tip}\n"), found
    capsys.readouterr()
    assert main(["diff", tip, "pr", "--root", str(root)]) == 0
    assert "checker" in capsys.readouterr().out


def test_review_yml_starts_the_summary_from_the_one_merge_base() -> None:
    workflow = (REPO / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8")
    assert "base=$(bash .ci/merge-base refs/review/head)" in workflow
    assert "git merge-base HEAD" not in workflow


# --- what the merge holds, not the pull request's head alone -------------------------------------------

NEW = "scripts/sle_trials/checks/newcheck.py"
SOURCE = "seeds/a_new_source.txt"


def _main_moved_on(
    tmp_path: Path, change: dict[str, str], main_also: dict[str, str] | None = None, source: bool = True
) -> Path:
    """A pull request `pr` branched from main with change (path -> text) and nothing else, and main
    taking a new module of the checker's (NEW) and, where source, a new source (SOURCE, which no record
    cites: the merge's data, checked too, fails for it) after it branched: what review.yml checks then."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    for path, text in change.items():
        _write(root, path, text)
    _commit(root, "pr", 2)
    git_run(root, "checkout", "-q", "main")
    _write(root, NEW, "def check(record):\n    return ['E999 refused']\n")
    if source:
        _write(root, SOURCE, "Enrollment: $Id$ participants\n")
    for path, text in (main_also or {}).items():
        _write(root, path, text)
    _commit(root, "a new check", 3)
    return root


SHADOWS = {
    "a package in place of main's new module": {
        "scripts/sle_trials/checks/newcheck/__init__.py": "def check(record):\n    return []\n"
    },
    "a twin of main's new module": {
        "\u017fcripts/sle_trials/checks/newcheck.py": "def check(record):\n    return []\n"
    },
    "an attribute that rewrites main's new module": {
        ".gitattributes": "scripts/sle_trials/checks/newcheck.py working-tree-encoding=ASCII//TRANSLIT\n"
    },
    "an attribute that rewrites main's new source": {".gitattributes": f"{SOURCE} ident\n"},
}


@pytest.mark.parametrize("change", SHADOWS.values(), ids=SHADOWS.keys())
def test_the_merge_of_the_pull_request_is_held_to_what_its_head_is(
    request: pytest.FixtureRequest, tmp_path: Path, change: dict[str, str]
) -> None:
    """The attack: each pair is half on main (a module it took after the pull request branched) and
    half in the pull request, so its head alone holds none and passed (exit 0); their merge holds the
    pair, and runs other code than main's module, which no review of the pull request showed."""
    root = _main_moved_on(tmp_path, change)
    merged = git_run(root, "merge-tree", "--write-tree", "main", "pr").split()[0]
    assert NEW in git_run(root, "ls-tree", "-r", "--name-only", merged).split("\n")
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "in the merge with the base branch" in checked.stderr, checked.stderr


def test_a_merge_that_conflicts_is_held_to_it_too(tmp_path: Path) -> None:
    """A conflict elsewhere (in a page both sides wrote) does not hide the pair: main may take the
    conflict away by itself (its page removed), and GitHub then merges the pull request with no new
    push, and no review of it."""
    change = {**SHADOWS["a package in place of main's new module"], "docs/notes.md": "Ours.\n"}
    root = _main_moved_on(tmp_path, change, {"docs/notes.md": "Theirs.\n"})
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "in the merge with the base branch: " in checked.stderr, checked.stderr


def test_a_pull_request_beside_main_s_new_module_passes(tmp_path: Path) -> None:
    """Honest neighbours: main moved on, and the pull request adds a module of another name, and a
    documentation page; and a pull request whose new module conflicts with main's (its merge held
    with git's conflict markers)."""
    code = {"scripts/sle_trials/checks/other.py": "OTHER = 1\n", "docs/notes.md": "Notes.\n"}
    root = _main_moved_on(tmp_path, code, source=False)
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (tmp_path / "again").mkdir()  # its data as the first's: the extraction tells it from the attacks
    root = _main_moved_on(tmp_path / "again", {NEW: "CONFLICTING = 1\n"})
    checked = extraction(root, "pr", tmp_path / "again" / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_pair_made_by_a_later_merge_stops_the_extraction_of_main(tmp_path: Path) -> None:
    """A base branch that moved on after the review (newcheck.py merged after the package's pull
    request was checked) merges the pair unchecked; ci.yml's extraction of main's own tree on its push
    finds it (loud after the merge, where nothing found it at all)."""
    root = _main_moved_on(tmp_path, SHADOWS["a package in place of main's new module"])
    git_run(root, "merge", "-q", "--no-edit", "pr")
    extracted = subprocess.run(
        [sys.executable, "-P", "-m", "sle_trials.git.extract", "HEAD", str(tmp_path / "extracted")],
        cwd=root,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert extracted.returncode == 2, extracted
    assert "a package Python imports in place of the module" in extracted.stderr, extracted.stderr
    workflow = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert '.venv/bin/python -P -m sle_trials.git.extract HEAD "$RUNNER_TEMP/extracted"' in workflow
