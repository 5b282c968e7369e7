"""Attacks of a pull request on the trusted check and what its review shows, hunt 211.

- **Code in a branch mypy decides by its settings.** Hunt 209 refused code under TYPE_CHECKING or MYPY, and left a
  branch on `sys.version_info` or `sys.platform` as honest code (hunt 210: a strict xfail). mypy reads them as its
  settings give them (python_version 3.11, the platform it runs on) and `PY2`/`PY3` as Python 2 and 3, and checks
  no line of the branch it so takes as never run (tested: "Success" of defs returning a string where they declare a
  list under `sys.platform == 'darwin'` and under `PY2` with `PY2 = True`). CI's Python 3.11 on Linux runs the
  other branch; a reviewer's Python 3.12 (requires-python allows it), a Mac, or CI's next Python runs this one:
  `if sys.version_info >= (3, 12):` over such a def, `sys.version_info[1] >= 12`, `sys.platform.startswith('win')`,
  an `else:` after `sys.version_info < (3, 12)`, a function's own `if sys.platform == 'win32': return []`, and an
  `assert sys.version_info >= (3, 12)` (after which mypy checks nothing of the block), in a module of the checker,
  each passed (exit 0). Now a branch mypy takes as never run, at the version and platform of the tree's own
  pyproject.toml (or the running ones), may hold imports and values alone (git/version_branches.py:
  no_code_mypy_skips_by_its_settings, mypy's reachability rules mirrored); hunts 194's and 209's honest cases
  (`MODE = 'new'` / `MODE = 'old'`, a platform's separator in a conditional expression, which mypy checks both
  ways), a compat import, the branch mypy reads and a condition mypy cannot decide pass, and so do the tests.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

STRICT = "scripts/sle_trials/checks/strict.py"

# --- Code in a branch mypy decides by its settings (git/version_branches.py; hunt 210's strict xfail)
RETURNS_A_STRING = "def check(record: dict) -> list[str]:\n    return 'E'\n"


def _under(condition: str, body: str = RETURNS_A_STRING, head: str = "import sys\n\n") -> str:
    return head + f"if {condition}:\n\n" + "".join(f"    {line}\n" if line else "\n" for line in body.splitlines())


NEVER_RUN = "code in a branch mypy takes as never run (at Python 3.11 on linux"
MYPY_311 = "[project]\nname = 'x'\n\n[tool.mypy]\npython_version = '3.11'\nplatform = 'linux'\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: _under("sys.version_info >= (3, 12)")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.version_info[:2] > (3, 11)")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.version_info[1] >= 12")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("(3, 12) <= sys.version_info")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("not sys.version_info < (3, 12)")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.version_info >= (3, 12) and True")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.platform == 'darwin'")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.platform.startswith('win')")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.platform in ('darwin', 'win32')")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("PY2", head="PY2 = True\n")}, f"{STRICT} line 4: {NEVER_RUN}"),
        (
            {STRICT: _under("sys.version_info < (3, 12)", "MODE = 'old'") + "else:\n    MODE = sorted('new')\n"},
            f"{STRICT} line 7: {NEVER_RUN}",
        ),
        (
            {
                STRICT: _under("sys.version_info < (3, 11)", "MODE = 1")
                + "elif sys.platform == 'linux':\n    pass\n"
                + "else:\n    for x in []:\n        pass\n"
            },
            f"{STRICT} line 9: {NEVER_RUN}",
        ),
        (
            {STRICT: "import sys\n\n\ndef check(record):\n    if sys.platform == 'win32':\n        return []\n"},
            f"{STRICT} line 6: {NEVER_RUN}",
        ),
        (
            {STRICT: "import sys\n\nassert sys.version_info >= (3, 12)\nMODE = 1\n"},
            f"{STRICT} line 3: an assert mypy takes as always failing",
        ),
        # the settings are the tree's: python_version 3.12 has mypy skip what CI's 3.11 runs
        (
            {"pyproject.toml": MYPY_311.replace("3.11", "3.12"), STRICT: _under("sys.version_info < (3, 12)")},
            f"{STRICT} line 5: code in a branch mypy takes as never run (at Python 3.12 on linux",
        ),
    ],
)
def test_code_in_a_branch_mypy_decides_by_its_settings_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    changes = {"pyproject.toml": MYPY_311, **changes}
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        # hunts 194's and 209's honest cases: values and imports in either branch
        {STRICT: "import sys\n\nif sys.version_info >= (3, 12):\n    MODE = 'new'\nelse:\n    MODE = 'old'\n"},
        {STRICT: "import sys\n\nSEP = 'x' if sys.platform == 'win32' else '/'\n"},
        {STRICT: _under("sys.version_info >= (3, 12)", "from itertools import batched\nLIMITS: tuple = (1, -2)")},
        # the branch mypy reads may hold anything
        {STRICT: _under("sys.version_info < (3, 12)") + "else:\n    from itertools import batched\n"},
        {STRICT: _under("sys.platform == 'linux'")},
        {STRICT: _under("sys.version_info >= (3, 11)")},
        # what mypy cannot decide it reads both ways
        {STRICT: _under("sys.version_info >= (3, 12) or len(sys.argv) > 1")},
        {STRICT: _under("sys.version_info == (3, 12, 1)")},
        {STRICT: "def check(record):\n    if record.platform == 'web' and record.version_info:\n        return []\n"},
        {"tests/test_x.py": "import sys\n\nif sys.platform == 'win32':\n    def test_x():\n        pass\n"},
    ],
)
def test_code_in_a_branch_mypy_reads_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, {"pyproject.toml": MYPY_311, **changes})


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs mypy")
def test_mypy_reads_no_line_of_a_branch_it_decides_by_its_settings(tmp_path: Path) -> None:
    """The mechanism: at Python 3.11 on Linux, mypy says "Success" of defs returning a string where they declare a
    list, under a newer version, another platform and PY2 (a reviewer's Python 3.12 or macOS runs the first two,
    every Python the third)."""
    text = _under("sys.platform == 'darwin'") + _under("PY2", head="\nPY2 = True\n")
    (tmp_path / "h211_branches.py").write_text(text)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "/dev/null", "--python-version", "3.11"]
        + ["--platform", "linux", "h211_branches.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0 and "Success" in checked.stdout, checked.stdout
