"""Attacks of a pull request on the trusted check: an attributes line that one git reads and another
skips.

git 2.35 and later skip a `.gitattributes` line of 2,048 bytes or more (with a warning); older gits
read it. A pull request whose `.gitattributes` line `*.py working-tree-encoding=ASCII//TRANSLIT`
was padded past that passed the extraction (exit 0): this machine's git, which the trusted check and
CI run, skips it, so no attribute rewrote anything. A reviewer's clone by an older git (Ubuntu
20.04's 2.25, Debian 11's 2.30) applies it, and runs every module with its characters beyond ASCII
transliterated, the code docs/trust-boundary.md has a reviewer run on the next pull request. Now a
`.gitattributes` line that long stops the extraction; a comment line of any length is a comment to
every git, and passes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import committed_with_code, extraction, git_run, pull_request_made, put, trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

LINE = "*.py working-tree-encoding=ASCII//TRANSLIT"
MODULE = "scripts/sle_trials/reading/table.py"


def _pull_request(tmp_path: Path, attributes: str, where: str = ".gitattributes") -> Path:
    root = committed_with_code(tmp_path, MODULE, 'CROSS = "\\u00d7"\n')
    git_run(root, "checkout", "-q", "-b", "pr")
    put(root, where, attributes)
    pull_request_made(root)
    return root


def _padded(line: str, size: int) -> str:
    return line + " " * (size - len(line))


def test_this_git_skips_the_long_line_an_older_one_reads(tmp_path: Path) -> None:
    """The mechanism: the line padded to 2,048 bytes gives the module no attribute here."""
    root = _pull_request(tmp_path, _padded(LINE, 2048) + "\n")
    git_run(root, "checkout", "-q", "pr")
    said = git_run(root, "check-attr", "working-tree-encoding", "--", MODULE)
    assert said.endswith(": unspecified\n"), said


@pytest.mark.parametrize(
    ("attributes", "where", "line"),
    [
        (_padded(LINE, 2048) + "\n", ".gitattributes", 1),
        ("# settings\n" + _padded(LINE, 5000) + "\n", ".gitattributes", 2),
        (_padded(LINE, 2047) + "\r\n", ".gitattributes", 1),  # a CR the older reader keeps
        (_padded("*.py ident", 3000) + "\n", "scripts/.gitattributes", 1),
    ],
)
def test_an_attributes_line_some_gits_skip_stops_the_extraction(
    tmp_path: Path, attributes: str, where: str, line: int
) -> None:
    root = _pull_request(tmp_path, attributes, where)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {where} line {line}: " in checked.stderr, checked.stderr
    assert "which git 2.35 and later skip and older gits read as attributes" in checked.stderr


def test_the_trusted_check_stops_at_a_long_attributes_line(tmp_path: Path) -> None:
    root = _pull_request(tmp_path, _padded(LINE, 2048) + "\n")
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "trusted-check: .gitattributes line 1: " in checked.stderr, checked.stderr


def test_long_comments_and_lines_every_git_reads_pass(tmp_path: Path) -> None:
    # long by its pattern: white space at a line's end, or a run of blanks within it, is refused (hunt 192)
    padded = "x" * (2046 - len("*.py text eol=lf")) + "*.py text eol=lf"
    attributes = "# " + ("a long note " * 300).rstrip() + "\n" + padded + "\n"
    root = _pull_request(tmp_path, attributes)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr
