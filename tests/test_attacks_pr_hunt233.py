"""Attacks of a pull request on the trusted check, hunt 233: what a check's name runs, written or run by code no rule
read (the leftovers of hunts 221 and 229, and what the hunt found beside them). Each passed the extraction (exit 0,
on main) in .ci/run under `set -euo pipefail`.

- **(fixed) An honest line refused.** `python3 -c 'import pytest, sys; print(sys.version_info[1])'` was refused as
  "a check run with ';'": a module imported in Python's code is no check run (git/status_dropped.py).
- **A Python file that starts a check and drops its status.** `.venv/bin/python .ci/run.py`, with .ci/run.py holding
  `import subprocess; subprocess.run(['make', 'test'])`, ran the check and ended with Python's status 0; so did
  `os.system('make test')`, `call([sys.executable, '-m', 'pytest'])`, a result whose `returncode` is only printed, and
  `check=True` in a `try` whose handler passes. Now a Python source of the code but the tests' starts a process that
  may be a check only with its status kept (git/python_processes.py); the benchmark's `Popen` whose returncode it
  returns, `check=True`, `sys.exit(call(...))`, `git` run without check pass.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

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


# --- A Python file that starts a check and drops its status (git/python_processes.py)
STARTED = "a process started that may be a check (`{}`), whose status the code drops"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                ".ci/run": HEAD + ".venv/bin/python .ci/run.py\n",
                ".ci/run.py": "import subprocess; subprocess.run(['make', 'test'])\n",
            },
            ".ci/run.py line 1: " + STARTED.format("subprocess.run"),
        ),
        (
            {".ci/run": HEAD + "python3 tools/runner.py\n", "tools/runner.py": "import os\n\nos.system('make test')\n"},
            "tools/runner.py line 3: " + STARTED.format("os.system"),
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/runner.py\n",
                "tools/runner.py": "import sys\nfrom subprocess import call\n\n"
                "call([sys.executable, '-m', 'pytest'])\n",
            },
            "tools/runner.py line 4: " + STARTED.format("call"),
        ),
        (
            {
                ".ci/run": HEAD + ".ci/steps\n",
                ".ci/steps": "#!/usr/bin/env python3\nimport subprocess as sp\n\np = sp.run(['ma' + 'ke', 'test'])\n"
                "print(p.returncode)\n",
            },
            ".ci/steps line 4: " + STARTED.format("sp.run"),
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/runner.py\n",
                "tools/runner.py": "import subprocess\n\ntry:\n    subprocess.run(['make', 'test'], check=True)\n"
                "except subprocess.CalledProcessError:\n    pass\n",
            },
            "tools/runner.py line 4: " + STARTED.format("subprocess.run"),
        ),
    ],
)
def test_a_python_file_that_drops_a_checks_status_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_python_that_keeps_a_processs_status_passes(tmp_path: Path) -> None:
    """Honest twins: the benchmark (its Popen's returncode returned), `check=True`, an exit of `call`'s status, a
    returncode compared, `with Popen` then asserted, `os.execvp`, and git run for its output alone."""
    runner = (
        "import os\nimport subprocess\nimport sys\n\nsubprocess.run(['make', 'test'], check=True)\n"
        "p = subprocess.run([sys.executable, '-m', 'pytest'])\n"
        "if p.returncode != 0:\n    raise SystemExit(p.returncode)\n"
        "with subprocess.Popen(['make', 'test']) as proc:\n    pass\nassert proc.returncode == 0\n"
        "head = subprocess.run(['git', 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout\n"
        "if os.system('make test') != 0:\n    sys.exit(1)\nsys.exit(subprocess.call(['make', 'test']))\n"
    )
    changes: dict[str, str | bytes] = {
        ".ci/run": (REPO / ".ci/run").read_text(encoding="utf-8") + "python3 tools/runner.py\n",
        "tools/runner.py": runner,
        "tools/last.py": "import os\n\nos.execvp('make', ['make', 'test'])\n",
        "benchmarks/bench.py": (REPO / "benchmarks/bench.py").read_text(encoding="utf-8"),
    }
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), **changes})
