"""Attacks of a pull request on what runs at test or check time beside the code a review reads, hunt 207.

- **A distribution's metadata.** importlib.metadata finds a distribution in every folder on sys.path, and pytest
  loads each `pytest11` entry point as a plugin before it collects a test: `q-1.0.dist-info/entry_points.txt`
  at the top naming a helper of the tests' had pytest import it at its start (tested), and passed (exit 0), as
  did one under tests/ and an `.egg-info` under scripts/ (on every start's path through the editable install).
  Now a `*.dist-info` or `*.egg-info` folder (or an `.egg-link`) anywhere stops the extraction
  (code_files.no_distribution_metadata).
- **The registry's files merged by another driver.** Hunt 206 refused a `merge` driver but git's own on a file
  of the code; the registry's were left out. `trials/*.yaml merge=union` passed (exit 0), and git's merge of two
  changes to one line of a record then held both lines with no conflict (tested): a record no check read,
  since the check reads the pull request's head. Now a record, a source, the manifest or a generated file
  given another driver than git's `text`, `binary` and the registry's own stops the extraction
  (extract.code_rewritten).
- **A value emptied in place.** Hunt 206 refused a function's name bound again before its value was read
  (`problems = []` below `problems = rules(record)`); `problems.clear()`, `del problems[:]` and `problems[:] =
  []` replace the value as the assignment does, and passed (exit 0), in the package and in tests/conftest.py
  alike. Now each is read as a binding of the name (git/overwritten.py); a filter that reads the value
  (`problems[:] = [p for p in problems if ...]`), and a parameter or a loop's item emptied, pass.

Left (not refused): code that filters the check's problems by their code (`problems = [p for p in found if
p.code != "E502"]`) reads them, as checks/evidence.py does on purpose: a step a reviewer reads, which no rule
can tell from an honest one (the strict xfail below).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    git_run,
    passed_by_the_extraction,
    pull_request_beside_a_makefile,
    pull_request_made,
    put,
    refused_by_the_trusted_check,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

STRICT = "scripts/sle_trials/checks/strict.py"
CONFTEST = "tests/conftest.py"


def run_pytest(root: Path) -> subprocess.CompletedProcess:
    """`python -m pytest tests` at root, as the Makefile runs it (its own settings, no plugin of xdist's)."""
    put(root, "pytest.ini", "[pytest]\n")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-c", "pytest.ini", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- A distribution's metadata (code_files.no_distribution_metadata)
PLUGIN = "[pytest11]\nquiet = tests.counted\n"
METADATA = "an installed distribution's metadata, whose entry points"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"q-1.0.dist-info/entry_points.txt": PLUGIN}, f"q-1.0.dist-info/entry_points.txt: {METADATA}"),
        ({"tests/q-1.0.dist-info/METADATA": "Name: q\n"}, f"tests/q-1.0.dist-info/METADATA: {METADATA}"),
        ({"scripts/q.egg-info/entry_points.txt": PLUGIN}, f"scripts/q.egg-info/entry_points.txt: {METADATA}"),
        ({"Q.DIST-INFO/entry_points.txt": PLUGIN}, f"Q.DIST-INFO/entry_points.txt: {METADATA}"),
    ],
)
def test_a_distributions_metadata_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_entry_points_in_no_distributions_folder_pass(tmp_path: Path) -> None:
    passed_by_the_extraction(tmp_path, {"tests/fixtures/entry_points.txt": PLUGIN})  # a test's input


def test_pytest_loads_a_plugin_a_committed_distribution_names(tmp_path: Path) -> None:
    """The mechanism: pytest imports a pytest11 entry point of a `*.dist-info` at the top as it starts."""
    put(tmp_path, "q-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: q\nVersion: 1.0\n")
    put(tmp_path, "q-1.0.dist-info/entry_points.txt", "[pytest11]\nq = tests.helper\n")
    put(tmp_path, "tests/helper.py", "def pytest_configure(config):\n    print('PLUGIN RAN')\n")
    put(tmp_path, "tests/test_x.py", "def test_x():\n    pass\n")
    ran = run_pytest(tmp_path)
    assert ran.returncode == 0 and "PLUGIN RAN" in ran.stdout, ran.stdout + ran.stderr


# --- The registry's files merged by another driver (extract.code_rewritten)
RECORD = "trials/NCT03030976.yaml"
MERGED = "the pull request's attributes have git merge it by another driver"


@pytest.mark.parametrize(
    ("attributes", "said"),
    [
        ("trials/*.yaml merge=union\n", f"{RECORD}: {MERGED}"),
        ("seeds/** -text merge=union\n", f"seeds/SHA256SUMS: {MERGED}"),
        ("TRIALS/** merge=ours\n", f"{RECORD}: {MERGED}"),  # as a disk folding case matches it
        ("trials.csv merge=union\n", f"trials.csv: {MERGED}"),
    ],
)
def test_the_registrys_files_merged_by_another_driver_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, attributes: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {".gitattributes": attributes}, said)


@pytest.mark.parametrize(
    "attributes",
    [
        "seeds/SHA256SUMS merge=trials-manifest\ntrials.csv merge=trials-csv\ntrials/** -merge\n",  # the registry's
        "*.md merge=union\n",  # documentation
    ],
)
def test_the_registrys_own_drivers_pass(tmp_path: Path, attributes: str) -> None:
    passed_by_the_extraction(tmp_path, {".gitattributes": attributes})


def test_a_record_given_merge_union_merges_two_changes_of_one_line_with_no_conflict(tmp_path: Path) -> None:
    """The mechanism: git's merge of two changes to one line of a record holds both, and says no conflict."""
    root = pull_request_beside_a_makefile(tmp_path, {".gitattributes": "trials/*.yaml merge=union\n"})
    text = (root / RECORD).read_text("utf-8")
    line = next(x for x in text.splitlines() if x.startswith("brief_title:"))
    for branch, value in (("change", "brief_title: A"), ("pr", "brief_title: B")):
        git_run(root, "checkout", "-q", *(["-b", branch, "pr"] if branch == "change" else [branch]))
        put(root, RECORD, text.replace(line, value))
        pull_request_made(root)
    git_run(root, "checkout", "-q", "pr")  # the attribute the base branch's, read from its checkout
    merged = subprocess.run(
        ["git", "-C", str(root), "merge-tree", "--write-tree", "pr", "change"], capture_output=True, text=True
    )
    assert merged.returncode == 0, merged.stdout  # no conflict
    held = git_run(root, "show", f"{merged.stdout.split()[0]}:{RECORD}")
    assert "brief_title: B\nbrief_title: A\n" in held


# --- A value emptied in place (git/overwritten.py)
CLEARED = "def check(record):\n    problems = rules(record)\n    {how}\n    return problems\n"
FIXTURE = "import pytest\n\n\n@pytest.fixture\ndef found():\n    problems = run()\n    {how}\n    return problems\n"
EMPTIED = f"{STRICT} line 3: the name 'problems' emptied in check()"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: CLEARED.format(how="problems.clear()")}, EMPTIED),
        ({STRICT: CLEARED.format(how="del problems[:]")}, EMPTIED),
        ({STRICT: CLEARED.format(how="problems[:] = []")}, EMPTIED),
        (
            {STRICT: "class C:\n    def check(self, record):\n        self.problems = self.rules(record)\n"
             "        self.problems.clear()\n        return self.problems\n"},
            f"{STRICT} line 4: the name 'self.problems' emptied in check()",
        ),
        ({CONFTEST: FIXTURE.format(how="problems.clear()")}, f"{CONFTEST} line 7: the name 'problems' emptied"),
    ],
)  # fmt: skip
def test_a_value_emptied_before_it_is_read_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "text",
    [
        "def drain(queue):\n    items = list(queue)\n    queue.clear()\n    return items\n",  # a parameter
        "def check(record):\n    problems = rules(record)\n    problems[:] = [p for p in problems if p]\n"
        "    return problems\n",  # a filter reads them
        "def check(groups):\n    for items in groups:\n        items.clear()\n",  # a loop's item
        "class C:\n    def flush(self):\n        self.buffer = list(self.read())\n        self.write()\n"
        "        self.buffer.clear()\n",  # read by the call between
    ],
)
def test_a_value_emptied_after_it_is_read_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT: text})


@pytest.mark.xfail(
    strict=True,
    reason="a filter of the problems by their code reads them, a step a reviewer reads (checks/evidence.py keeps "
    "E530 alone so on purpose): no rule of the tree's text tells it from an honest one",
)
def test_problems_filtered_by_their_code_stop_the_extraction(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    text = "def check(record):\n    found = rules(record)\n    return [p for p in found if p.code != 'E502']\n"
    refused_by_the_trusted_check(request, tmp_path, {STRICT: text}, f"{STRICT} line 3")
