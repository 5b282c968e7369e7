"""A shell's or make's logical lines: a line ended by a backslash joined to the next, as bash and make read them.

One reader for each rule that reads a script's, a makefile's or a workflow's lines as commands (git/built_commands.py,
git/status_dropped.py, git/defined_twice.py, git/exit_status.py, which each joined them on its own before, and
git/uncollected.py, git/installed.py, git/run_by_path.py, which read a line at a time, and missed a command's words
on its next line: hunt 221); and the part of a workflow's line a shell runs (git/make_run.py, git/lint_commands.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sle_trials.patterns import lazy

_RUN_KEY = lazy(r"^([ \t]*(?:-[ \t]+)?)run[ \t]*:[ \t]*(.*)$")
_YAML_KEY = lazy(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")


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


def workflow_script(line: str) -> tuple[bool, str | None]:
    """Of a workflow's logical line: whether it is a `run:` key's, and what of it a shell runs (the key's value, the
    key itself in spaces; a line of a block scalar whole), or None (another key's line, whose words run nothing)."""
    key = _RUN_KEY.match(line)
    if key is not None:
        return True, " " * (len(line) - len(key.group(2))) + key.group(2)
    return False, None if _YAML_KEY.match(line) else line


_RECIPE_PREFIX = lazy(r"^\t[ \t@+-]*")
# a makefile's definition of a variable, global or a target's own (`gate: GATE := ...`), by `=`, `:=`, `::=`, `?=`,
# `+=` or `!=`; and a reference to one (`$(NAME)`, `${NAME}`), or make's `$$` (a `$` the shell reads)
_DEFINITION = lazy(
    r"^(?:[^\t:=#][^:=#]*:[ \t]*)?(?:(?:export|override)[ \t]+)*([A-Za-z_][A-Za-z0-9_.]*)[ \t]*"
    r"(\+=|\?=|!=|:{0,3}=)[ \t]*(.*)$"
)
_COMMENT = lazy(r"(?<!\\)#.*$")  # (make cuts a definition's comment off its value)
# (`$(value NAME)`, a substitution reference `$(NAME:a=b)`, and a one-letter name `$G` name it too)
_REFERENCE = lazy(
    r"\$\$|\$\((?:value[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)(?::[^()]*)?\)"
    r"|\$\{(?:value[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)(?::[^{}]*)?\}|\$([A-Za-z_])"
)
_DEFINE = lazy(r"^(?:(?:export|override)[ \t]+)*define[ \t]+([A-Za-z_][A-Za-z0-9_.]*)")


def recipes_expanded(text: str) -> str:
    """A makefile's text with the variables it defines put in its recipe lines, as make puts them in before a shell
    runs the line: a check held in a variable and run as `$(GATE)` (`GATE := perl -e 'system("make test")'`,
    `RUFFX := .venv/bin/ruff check --exit-zero .`) was read as the word `$(GATE)` and passed (hunt 238). A variable
    given two values (defined again, or a target's own) is put in as both, joined by ` ; `, so each is read; one
    the file does not define (the environment's, `$(MAKE)`, a function's `$(shell ...)`) is left as written;
    `define`'s lines are put in joined by ` ; `, `$G`, `$(value G)` and `$(G:a=b)` as `$(G)`."""
    lines = text.split("\n")
    values: dict[str, list[str]] = {}
    defining: list[str] | None = None
    for _, line in logical_lines(lines):
        if defining is not None:  # (`define NAME` to `endef`: its lines, each a command of a recipe it is put in)
            if line.strip() == "endef":
                defining = None
            else:
                defining.append(line.strip())
            continue
        if line.startswith("\t"):
            continue
        begun = _DEFINE.match(line)
        if begun is not None:
            defining = values.setdefault(begun.group(1), [])
            continue
        found = _DEFINITION.match(line)
        if found is None or found.group(2) == "!=":
            continue
        name, how, value = found.group(1), found.group(2), _COMMENT.sub("", found.group(3)).strip()
        had = values.setdefault(name, [])
        if how == "+=" and had:
            had[:] = [f"{old} {value}" for old in had]
        elif value not in had:
            had.append(value)

    def expanded(line: str, depth: int = 0) -> str:
        def put(found: re.Match[str]) -> str:
            name = found.group(1) or found.group(2) or found.group(3)
            if name is None or name not in values or depth > 8:
                return found.group(0)
            return " ; ".join(expanded(value, depth + 1) for value in values[name])

        return _REFERENCE.sub(put, line)

    out: list[str] = []
    recipe = False
    for line in lines:
        continued = recipe and bool(out) and out[-1].endswith("\\")
        recipe = line.startswith("\t") or continued
        out.append(expanded(line) if recipe and "$" in line else line)
    return "\n".join(out)


def shell_scripts(lines: Sequence[tuple[int, str]], recipes: bool, workflow: bool) -> list[tuple[int, str]]:
    """Of a file's logical lines (numbered, as read: built_commands.plain_lines), each a shell runs, with its number
    and what of it the shell runs: a workflow's `run:` value or a line of its block (workflow_script), a makefile's
    recipe line with its tab and make's prefix (`@`, `-`, `+`) made spaces, so each word keeps its place; none of a
    comment's, a rule's or a variable's line. The one reader of them for git/lint_commands.py, git/status_in_text.py
    and git/program_writes.py, which each read them on their own before, and missed a program's name behind make's
    prefix (`@perl -e 'system("make test")'` in a recipe passed: hunt 233)."""
    out: list[tuple[int, str]] = []
    for number, line in lines:
        script = workflow_script(line)[1] if workflow else line
        if script is None or script.lstrip().startswith("#"):
            continue
        if recipes:
            if not script.startswith("\t"):
                continue  # (a rule's line or a variable's: no shell runs it)
            script = _RECIPE_PREFIX.sub(lambda found: " " * len(found.group(0)), script)
        out.append((number, script))
    return out
