"""Which Python the Makefile makes .venv with: the system's own build of python3's version where it
can make a virtual environment (an optimised build: the suite ran in 2 min 7 s to 2 min 10 s on
Debian's 3.11.2 against 2 min 24 s on pyenv's 3.11.7), else python3; PYTHON, when given, alone.

The interpreters are stand-ins (shell scripts) that say which of them made the environment, so the
rule is run as written, by make, without making a real one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _interpreter(file: Path, version: str, *, venv_fails: bool = False) -> None:
    """A stand-in Python of version: `-c` prints the version, `-m venv DIR` makes DIR/bin/python
    and writes into DIR/made-by which interpreter made it (or, with venv_fails, leaves DIR half made
    and fails, as Debian's Python does without its python3-venv package)."""
    venv = (
        'mkdir -p "$3/bin"; touch "$3/half-made"; exit 1'
        if venv_fails
        else ('mkdir -p "$3/bin"; touch "$3/bin/python"; echo "$0" > "$3/made-by"; exit 0')
    )
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = -c ]; then echo {version}; exit 0; fi\n'
        f'if [ "$1" = -m ] && [ "$2" = venv ]; then {venv}; fi\n'
        "exit 2\n",
        encoding="utf-8",
    )
    file.chmod(0o755)


def _make(tmp_path: Path, *assignments: str) -> str:
    """make's rule for .venv/bin/python run in tmp_path (a copy of the Makefile); which interpreter
    made the environment."""
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    run = subprocess.run(
        ["make", "--no-print-directory", ".venv/bin/python", f"SYSTEM_BIN={tmp_path / 'system'}", *assignments],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / ".venv" / "bin" / "python").exists()
    return (tmp_path / ".venv" / "made-by").read_text(encoding="utf-8").strip()


@pytest.fixture
def on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A python3 of version 3.11 first on PATH (pyenv's, say): returns its file."""
    python3 = tmp_path / "path" / "python3"
    _interpreter(python3, "3.11")
    monkeypatch.setenv("PATH", f"{python3.parent}:{Path('/usr/bin')}:{Path('/bin')}")
    return python3


def test_the_systems_build_of_the_same_version_makes_the_venv(tmp_path: Path, on_path: Path) -> None:
    _interpreter(tmp_path / "system" / "python3.11", "3.11")
    _interpreter(tmp_path / "system" / "python3.12", "3.12")  # another version: never taken
    assert _make(tmp_path) == str(tmp_path / "system" / "python3.11")


def test_python3_makes_it_where_the_system_has_no_build_of_its_version(tmp_path: Path, on_path: Path) -> None:
    _interpreter(tmp_path / "system" / "python3.12", "3.12")
    assert _make(tmp_path) == str(on_path)


def test_python3_makes_it_where_the_systems_build_cannot(tmp_path: Path, on_path: Path) -> None:
    """What the system's build left half made is removed, and python3 makes the environment."""
    _interpreter(tmp_path / "system" / "python3.11", "3.11", venv_fails=True)
    assert _make(tmp_path) == str(on_path)
    assert not (tmp_path / ".venv" / "half-made").exists()


def test_a_python_given_alone_makes_it(tmp_path: Path, on_path: Path) -> None:
    _interpreter(tmp_path / "system" / "python3.11", "3.11")
    chosen = tmp_path / "chosen" / "python3.11"
    _interpreter(chosen, "3.11")
    assert _make(tmp_path, f"PYTHON={chosen}") == str(chosen)


def test_every_phony_target_has_a_rule() -> None:
    """`.PHONY` named a `csv` target the Makefile never had: `make csv` said "Nothing to be done for
    'csv'" and exited 0, as if trials.csv were current, where a target with no rule should be an
    error (`trials csv`, or `make check`, regenerates it)."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", text, re.M)
    assert phony is not None
    assert [t for t in phony[1].split() if not re.search(rf"^{re.escape(t)}:", text, re.M)] == []
