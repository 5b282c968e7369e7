"""A shell's or make's logical lines: a line ended by a backslash joined to the next, as bash and make read them.

One reader for each rule that reads a script's, a makefile's or a workflow's lines as commands (git/built_commands.py,
git/status_dropped.py, git/defined_twice.py, git/exit_status.py), which each joined them on its own before."""

from __future__ import annotations

from collections.abc import Sequence


def logical_line(lines: Sequence[str], start: int) -> tuple[int, str]:
    """The logical line that starts at lines[start]: the index of the line after it, and its text (a line ended by
    `\\` joined to the next by a space, its backslash left out; a last line so ended one of its own, as bash and make
    run it: hunt 221)."""
    parts: list[str] = []
    index = start
    while lines[index].endswith("\\") and index + 1 < len(lines):
        parts.append(lines[index][:-1] + " ")
        index += 1
    last = lines[index]
    parts.append(last[:-1] + " " if last.endswith("\\") else last)
    return index + 1, "".join(parts)


def logical_lines(lines: Sequence[str]) -> list[tuple[int, str]]:
    """A file's logical lines (logical_line), each with the index of the line it starts on."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        after, text = logical_line(lines, index)
        out.append((index, text))
        index = after
    return out


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """A text's logical lines (logical_lines, its lines split at each line feed), each with the number (from 1) of
    the line it starts on."""
    return [(index + 1, line) for index, line in logical_lines(text.split("\n"))]
