"""Attacks of a pull request on the trusted check, hunt 233: what a check's name runs, written or run by code no rule
read (the leftovers of hunts 221 and 229, and what the hunt found beside them). Each passed the extraction (exit 0,
on main) in .ci/run under `set -euo pipefail`.

- **(fixed) An honest line refused.** `python3 -c 'import pytest, sys; print(sys.version_info[1])'` was refused as
  "a check run with ';'": a module imported in Python's code is no check run (git/status_dropped.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

HEAD = "#!/usr/bin/env bash\nset -euo pipefail\n"
WORKFLOW = ".github/workflows/ci.yml"
STEPS = "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - name: tests\n"
T = "/usr/local/bin/python3.12"
THEN = "\nmake PYTHON=python3.12 test\n"
FAKE = "#!/bin/sh\nexit 0\n"


def _makefile() -> str:
    return (REPO / "Makefile").read_text(encoding="utf-8")


# --- A module Python's code imports, read as a check run (git/status_dropped.py)
def test_a_module_pythons_code_imports_is_no_check_run(tmp_path: Path) -> None:
    """Refused before as "a check run with ';'" (hunt 221's twin of a version read by Python)."""
    run = HEAD + "python3 -c 'import pytest, sys; print(sys.version_info[1])'\npython3 -c 'from mypy import api'\n"
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), ".ci/run": run + "make test\n"})
