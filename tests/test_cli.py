"""The command line's parser: a run builds only the parser of the command it names (cli._Only), and
that parser must be the one built with every command: the same help, the same usage errors and the
same arguments parsed."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from conftest import DATA_ROOT, Trials
from sle_trials import cli

# A command line of each command, with its arguments and options.
LINES = [
    ["validate", "--root", "r", "--format", "json", "--no-cache", "a.yaml", "b.yaml"],
    ["refs", "--format", "github"],
    ["csv", "--check"],
    ["check", "--root", "r"],
    ["coverage", "--format", "json"],
    ["export", "sqlite", "-o", "x.db"],
    ["site", "--output", "out"],
    ["merge-csv", "O", "A", "B", "trials.csv"],
    ["merge-manifest", "O", "A", "B"],
    ["new", "NCT09000001", "--source", "seeds/x.txt", "--as-of", "2025-01-01", "--kind", "OTHER"],
    ["import", "ctgov", "NCT09000001", "s.json", "--update", "--theirs", "all", "--dry-run"],
    ["drift", "--apply", "--format", "markdown", "NCT09000001"],
    ["fmt", "--check", "a.yaml"],
    ["diff", "main", "HEAD", "--format", "json"],
]


def _said(argv: list[str], only: str | None) -> tuple[int | str | None, str, str]:
    """What parsing argv prints and how it ends (help and usage errors exit)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as ended:
        cli.parser(only).parse_args(argv)
    return ended.value.code, out.getvalue(), err.getvalue()


def test_every_command_is_in_the_lines() -> None:
    assert sorted(line[0] for line in LINES) == sorted(cli.COMMANDS)


@pytest.mark.parametrize("line", LINES, ids=[line[0] for line in LINES])
def test_a_command_parsed_alone_is_parsed_as_with_all(line: list[str]) -> None:
    command = line[0]
    assert vars(cli.parser(command).parse_args(line)) == vars(cli.parser().parse_args(line))
    assert _said([command, "--help"], command) == _said([command, "--help"], None)
    assert _said([command, "--no-such-option"], command) == _said([command, "--no-such-option"], None)


def test_a_line_that_names_no_command_gets_them_all(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    listed = capsys.readouterr().out
    assert all(command in listed for command in cli.COMMANDS)
    with pytest.raises(SystemExit) as ended:
        cli.main(["chekc"])
    assert ended.value.code == 2 and "invalid choice: 'chekc'" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["validate"], ["fmt"], ["fmt", "--check"]])
def test_a_file_that_is_not_there_is_a_usage_error(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`trials validate trials/NCT0999999.yaml` (a typo) said "E001 ... a trial file must be a plain
    file", "1 file checked", exit 1: a path that names nothing is a mistake of the command, exit 2;
    one that names a folder (a link, a pipe) is still the data's E001."""
    trials = Trials(DATA_ROOT, capsys)
    missing = trials.raw([*command, "--root", str(DATA_ROOT), "trials/NCT0999999.yaml"])
    assert (missing.status, missing.out, missing.err) == (2, "", "trials: no such file: trials/NCT0999999.yaml\n")
    (tmp_path / "NCT09999999.yaml").mkdir()
    folder = trials.raw([*command, "--root", str(DATA_ROOT), str(tmp_path / "NCT09999999.yaml")])
    assert folder.status == 1 and " E001 " in folder.out, folder


def test_a_command_that_checks_no_source_reads_none_of_the_source_checks() -> None:
    """`trials fmt` (a pre-commit hook), `merge-manifest` and `--help` read no source: the readers of
    sources and the evidence checks (documents.py, evidence.py, layouts.py and what they import) are
    imported only where a file is checked (pipeline.Checker). Imported by the pipeline's top, they
    made every command load the whole reading stack, 0.5 s more a `trials fmt`."""
    import subprocess
    import sys

    code = (
        "import sys; from sle_trials.cli import main; status = main(['fmt', '--check', 'trials/NCT06513429.yaml']); "
        "print(sorted(m for m in sys.modules if m.startswith('sle_trials.')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=DATA_ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    loaded = set(run.stdout.splitlines()[-1].strip("[]").replace("'", "").split(", "))
    stack = {"sle_trials.checks.documents", "sle_trials.checks.evidence", "sle_trials.reading.layouts"}
    assert "sle_trials.checks.load" in loaded and not loaded & stack, sorted(loaded & stack)
