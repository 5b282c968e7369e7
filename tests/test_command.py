"""The command a fix-it line names (sle_trials/command.py): as the user can run it. After `make check`
the tool is at .venv/bin/trials and on no PATH, so "run: trials csv" named a command the shell did
not find; every fix-it line now names it by one rule, and never by a path of the machine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sle_trials import command


def install(folder: Path) -> Path:
    """A `trials` and a `datasette` program in folder (a venv's bin): the script the run is of."""
    folder.mkdir(parents=True)
    for name in ("trials", "datasette"):
        (folder / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder / "trials"


@pytest.mark.parametrize(
    "where, on_path, expected",
    [
        ("clone/.venv/bin", False, ".venv/bin/trials csv"),  # `make check`, then .venv/bin/trials
        ("clone/.venv/bin", True, "trials csv"),  # an activated environment
        ("elsewhere/bin", False, "trials csv"),  # no machine's path, ever
        ("elsewhere/bin", True, "trials csv"),
    ],
)
def test_the_command_is_named_as_the_user_can_run_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, on_path: bool, expected: str
) -> None:
    script = install(tmp_path / where)
    monkeypatch.setattr("sys.argv", [str(script), "csv"])
    monkeypatch.setenv("PATH", str(script.parent) if on_path else str(tmp_path / "none"))
    assert command.run("csv") == expected
    assert command.named("datasette", "x.db") == expected.replace("trials csv", "datasette x.db")
    assert str(tmp_path) not in command.run("csv")


def test_a_run_not_as_the_program_names_it_by_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["/somewhere/sle_trials/cli.py"])  # python -m sle_trials.cli
    assert command.run("fmt", "a.yaml") == "trials fmt a.yaml"


# A string literal of the package that names a command to run in its own words, not by command.run
# (on one line, after its opening quote: docstrings and comments that name commands are not fix-its)
_NAMED = re.compile(
    r"""(?<!["'])["'](?!["'])[^"'\n]*"""  # a string opening on the line (no docstring's triple quote)
    r"(?:\brun:? `?trials [a-z]|`trials [a-z][^`]*` (?:and|says|fetches)|browse them: datasette)"
)


def test_every_fix_it_line_names_the_command_through_the_one_rule() -> None:
    """Every fix-it line names the command by command.run (or .named): "run: trials csv" written
    out again in a message would name, once more, a command the shell may not find."""
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(Path(command.__file__).parent.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _NAMED.search(line) and not line.lstrip().startswith("#") and "help=" not in line  # --help: what it does
    ]
    assert found == [], found
