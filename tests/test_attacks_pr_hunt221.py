"""Attacks of a pull request on the trusted check, hunt 221: a check's command whose program or makefile is not
the one its words name.

- **(left by hunt 220) A program's name written before an expansion.** `v=$(printf '3/../../bin/m%sake' '')` then
  `/usr/lib/python$v test || true` in .ci/run ran `/usr/bin/make test` (the folder `/usr/lib/python3` made the
  path make's) and dropped its status, and passed the extraction (exit 0, on main too): a built word whose written
  start was no check's was read as that program. So was `python3$v` with v=` -m pytest`, which bash splits into
  words. Now a word holding an expansion that may hold a `/` or a space is held as a check whatever is written
  before it; only an expansion of digits or of a set of letters, digits and dots (arithmetic, `$?`, `${#v}`,
  `${v%%[!0-9.]*}`) leaves the program's written start its name (git/built_commands.py), and the Makefile cuts the
  version it builds the system's Python's path of so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

HEAD = "#!/usr/bin/env bash\nset -euo pipefail\n"
WORKFLOW = ".github/workflows/ci.yml"
STEPS = "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n{}    steps:\n      - name: tests\n"
BUILT = "a command whose name the script builds as it runs"


def _run(line: int, said: str = BUILT) -> str:
    return f".ci/run line {line}: {said}"


# --- A path built as the script runs, whose program cannot be known (git/built_commands.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {".ci/run": HEAD + "v=$(printf '3/../../bin/m%sake' '')\n/usr/lib/python$v test || true\n"},
            _run(4) + " (`/usr/lib/python$v`)",
        ),
        ({".ci/run": HEAD + "v=$(printf ' -m pytest')\npython3$v || true\n"}, _run(4) + " (`python3$v`)"),
        (
            {".ci/run": HEAD + 'version=$(cat .python-version)\nif "python3.$version" test; then :; fi\n'},
            _run(4) + " (`python3.$version`)",
        ),
        (
            {".ci/run": HEAD + 'v=$(cat v)\nif "python3.${v%[!0-9.]*}" test; then :; fi\n'},
            _run(4) + " (`python3.${v%[!0-9.]*}`)",
        ),
        (
            {"Makefile": "test:\n\tv=$$(printf '3/../../bin/m%sake' ''); /usr/lib/python$$v test || true\n"},
            f"Makefile line 2: {BUILT} (`/usr/lib/python$$v`)",
        ),
        (
            {WORKFLOW: STEPS.format("") + "        run: /usr/lib/python${{ env.V }} test || true\n"},
            f"{WORKFLOW} line 8: {BUILT}",
        ),
    ],
)
def test_a_path_built_as_the_script_runs_is_held_as_a_check(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_path_cut_to_a_set_of_characters_passes(tmp_path: Path) -> None:
    run = (
        HEAD
        + "version=$(python3 -c 'import sys; print(sys.version_info[1])')\n"
        + 'if "python3.${version%%[!0-9.]*}" -m venv /tmp/v; then echo made; fi\n'
        + 'if /usr/bin/python3."${version##*[!0-9]}" -m venv /tmp/w; then :; fi\n'
        + "if python3.$((10 + 1)) -m venv /tmp/x; then :; fi\n"
    )
    passed_by_the_extraction(tmp_path, {".ci/run": run, "Makefile": (REPO / "Makefile").read_text(encoding="utf-8")})
