"""Attacks of a pull request on what runs at test or check time beside the code a review reads, hunt 207.

- **A distribution's metadata.** importlib.metadata finds a distribution in every folder on sys.path, and pytest
  loads each `pytest11` entry point as a plugin before it collects a test: `q-1.0.dist-info/entry_points.txt`
  at the top naming a helper of the tests' had pytest import it at its start (tested), and passed (exit 0), as
  did one under tests/ and an `.egg-info` under scripts/ (on every start's path through the editable install).
  Now a `*.dist-info` or `*.egg-info` folder (or an `.egg-link`) anywhere stops the extraction
  (code_files.no_distribution_metadata).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    passed_by_the_extraction,
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
