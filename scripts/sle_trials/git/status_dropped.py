"""A check whose exit status the shell drops (git/extract.py reads each file of the code but Python through it).

CI reads one number of each step, and make one of each recipe line: the status of the command that ran last. A
line that runs a check (pytest, `make test`, `trials`, ruff, mypy, the package's modules) and then `|| true`, `; true`,
`| tee log` (a pipe's status is its last command's where pipefail is not set, as in make's shell), `&` (run in the
background), `!` before it, or `true ||` before it (which never runs it) ends with another status than the
check's: `.venv/bin/python -m pytest || true` in the Makefile's `test` recipe had a failing suite's `make test` exit
0, as did `make test || true` in .ci/run and a workflow's `run: make test | tee log`, and each passed the extraction
(exit 0, hunt 214; git/exit_status.py refused make's own ways, a recipe's `-` and `-i`, hunt 211). So did `set +e`
at the top of .ci/run, after which a failing `make test` went on to the benchmark's status. So a line of a file of
the code that runs a check holds none of these operators outside its quoted words (`&&` stops at a failure, and a
redirection keeps the status), nor stands in an `if`, `while` or `until` condition; and after `set +e` a check's
status is read on the line after it (`checked=$?`, as .ci/trusted-check reads each), until `set -e` again.

`&&` stops a list at a failure, but not a script: bash's `set -e` goes past a failing command of a `&&` list but its
last (and past every command of a function called so). `make test && echo ok` then `echo after` in .ci/run under
`set -euo pipefail` exited 0 over a failing `make test` (tested), as did a function running `make test` called as
`run && echo ok`, and each passed (exit 0, hunt 216). So in a script or a workflow a check stands last in its list;
a makefile's recipe line, which a shell of its own runs and ends with the list's status, may go on with `&&` (but
under `.ONESHELL:`). A script with no `set -e` at all went past a failing `make test` the same way (tested, hunt
216): so a check in a script (a makefile under `.ONESHELL:`, a workflow step of a shell of its own, `shell: bash
{0}`) stands after `set -e` (or `-e` in its shell's options), but as its last command, whose status is the script's.

A function's check runs where the function is called, under the `set -e` the call stands after, not the one its
definition does: `set -euo pipefail`, `run() { make test; echo done; }`, then `set +e`, `run`, `status=$?`, `exit
"$status"` exited 0 over a failing `make test` (tested), and passed (exit 0, hunt 217). So a function running a check
before another command is refused where it is called with `set -e` off; and a check in a function defined before
`set -e` (called after it) passes, as bash runs it under errexit.

A workflow's steps are scripts of their own: `shell: bash {0}` over a lone `make test` was refused as a check not
last in the whole workflow (hunt 218). So each step's `run:` is read under its own shell (or a `defaults:` one), its
check last where nothing of its own script follows. And two statuses kept, then compared (`if [ "$a" -gt "$b" ];
then exit "$a"; else exit "$b"; fi`, the greater a failure wherever either is), were refused, the comparison parting
no failing status from 0: now a status the script keeps beside others' (each bound once) is also followed on each
failing status and each value of the others (0 to 5, 126 to 143, 255; unknown where their reading may not run), and
passes where every such run comes to an `exit` of a failure; `-lt` (the lesser, 0 where the other passed) is refused
(hunt 219).

A word's quotes are bash's, not the command's: `'make' test || true`, `"make"`, `\\make`, `m'ake'` and `python -m
'pytest'` in .ci/run, and a workflow's `run: "make test || true"` (a quoted scalar), each ran the check and dropped
its status (tested), and passed (exit 0, hunt 219): the reader emptied every quoted word as an argument's. Now a
quoted word of no space, and a character after a backslash, are read as bash reads them, and a workflow's quoted
scalar as what it holds; a quoted text of several words (`"$(BIN)/trials merge-csv %O"`) is still an argument.

A name the shell builds hid a check too: `M=ma; ${M}ke test || true`, `set -- make test` then `"$@" || true` (tested,
hunt 220). So a command whose name is built as the script runs is held as a check is (git/built_commands.py reads
which), and a text another language runs (`python -c`, `perl -e`) is read as a shell's `-c` is.
"""

from __future__ import annotations

import itertools
import re

from sle_trials import files
from sle_trials.git.built_commands import (
    Names,
    built_command,
    no_command_found_otherwise,
    no_command_made_unseen,
    plain_lines,
    shown_word,
)
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import numbered_lines
from sle_trials.git.status_kept import (
    Statuses,
    changed_otherwise,
    keeps_failure,
    known_value,
    narrowing,
    statuses_of,
)
from sle_trials.git.status_reached import Reach
from sle_trials.patterns import lazy

# the files whose lines a shell runs (besides makefiles and scripts run by their path, which git/extract.py names)
_SHELL_RUN = (".sh", ".bash", ".yml", ".yaml")
_SHELL_FOLDERS = (".ci/", ".github/")
# a command that runs a check: its program's name as a word (after a path, `$(BIN)/trials`), or a module of it
_CHECK = lazy(
    r"(?:^|[\s;&|(!`/{=\"'\[,])(?:pytest|py\.test|trials|ruff|mypy|make|\$\(MAKE\)|\$\{MAKE\})(?=$|[\s;&|)`}\"',\]])"
    r"|-m[ \t]+(?:pytest|mypy|ruff|sle_trials)\b"
)
# what drops a command's status wherever it stands on its line: `||` (`true || pytest` never runs it), `!`, a
# condition's keyword, a command substitution of it (`$(BIN)/trials` is make's variable; `$(pytest)` runs it)
_DROPPING = lazy(
    r"\|\||(?:^|[\s(])!(?=\s)|(?:^|[\s;(])(?:if|while|until|elif)\s"
    r"|\$\([^)\s]*(?:pytest|trials|ruff|mypy|make)|`"
    # (hunt 220: `coproc make test` runs it in the background, `cat <(make test)` in a process substitution, and
    # `local out=$(make test)` ends with `local`'s status; each passed)
    r"|(?:^|[\s;&|(])coproc\s|(?:[<>]|(?:^|[\s;&|(])(?:local|export|declare|typeset|readonly)\s[^;&|]*=[\"']?\$)"
    r"\(\s*(?:[^\s)]*/)?(?:(?:pytest|py\.test|trials|ruff|mypy|make)\b|[^\s)]*python\S*\s+-m\s+(?:pytest|mypy|ruff))"
)
# and after it: a pipe, `;`, a lone `&` (not `&&`, `2>&1`, `&>`), the line's status then another command's
_DROPPING_AFTER = lazy(r"(?<![|>])\|(?![|&])|;|(?<![&>])&(?![&>])")
# and after it in a script (bash -e, a workflow's step, a makefile under .ONESHELL): a `&&`, by which it is a command
# of a list but the last, whose failure `set -e` goes past (bash ends the list there, and runs the script's next line)
_LISTED_AFTER = lazy(r"&&")
_ONE_SHELL = lazy(r"(?m)^\.ONESHELL[ \t]*:")
# where a shell starts with errexit: a script's `#!` line giving bash -e, make's .SHELLFLAGS, a workflow's shell
_SHEBANG_ERREXIT = lazy(r"#![^\n]*[ \t]-[a-z]*e")
_SHELL_FLAGS_ERREXIT = lazy(r"(?m)^\.SHELLFLAGS[ \t]*[:+?]?=[^\n]*-[a-z]*e")
_CUSTOM_SHELL = lazy(r"(?m)^[ \t-]*shell[ \t]*:[^\n#]*\{0\}[^\n]*")
_WORKFLOWS = (".yml", ".yaml")
_QUOTED = lazy(r"'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\"")
_NO_ERREXIT = lazy(r"(?:^|[\s;])set[ \t]+\+[a-zA-Z]*e|set[ \t]+\+o[ \t]+errexit")
_ERREXIT = lazy(r"(?:^|[\s;])set[ \t]+-[a-zA-Z]*e|set[ \t]+-o[ \t]+errexit")
_STATUS_READ = "$?"
# what runs a text as a command (a shell's `-c`, eval)
# (and another language's: `python -c "import subprocess; subprocess.run(['make', 'test'])" || true` ran the check and
# dropped its status, and passed: hunt 220)
_RUNS_TEXT = lazy(
    r"(?:^|[\s;&|(/])(?:sh|bash|dash|zsh|ksh)[ \t]+(?:-[a-z]+[ \t]+)*-[a-z]*c\b|(?:^|[\s;&|(])eval\b"
    r"|(?:^|[\s;&|(/])python[0-9.]*[ \t]+(?:-[A-Za-z]+[ \t]+)*-[A-Za-z]*c\b"
    r"|(?:^|[\s;&|(/])(?:perl|ruby|node|Rscript)[ \t]+(?:-[A-Za-z]+[ \t]+)*-[A-Za-z]*e\b"
)
# a name a makefile or a script defines (`TEST := $(BIN)/python -m pytest`, `TEST=make`, `check() {`), whose
# every use runs what it holds
_DEFINED = lazy(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:[:+?!]?=|::=|\(\)[ \t]*\{?)(.*)$")
_TOKEN = lazy(r"\$[({]?[A-Za-z_][A-Za-z0-9_]*[)}]?|[^\s;&|()!`{}$]+")


# (a makefile's `"$(BIN)/trials merge-csv %O"` is make's variable, no command substitution)
_ONE_WORD_QUOTED = lazy(r"\$?'[^'\s]*'|\"[^\"\\\s]*\"|\"[^\"\n]*(?:\$\((?![A-Za-z_][A-Za-z0-9_]*\))|`)[^\"\n]*\"")
_ESCAPED = lazy(r"\\([A-Za-z0-9_./-])")
# a workflow's key given a quoted scalar (`run: "make test || true"`): bash runs what it holds
_YAML_QUOTED = lazy(
    r"(?m)^([ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*[ \t]*:[ \t]*)(\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*')[ \t]*$"
)


# what may build a command's name as the script runs (git/built_commands.py), or make one run otherwise
_BUILDING = lazy(r"[$`]|\b(?:alias|hash|enable|function|xargs|bash|sh|python[0-9.]*)\b|\(\)|-exec|-ok\b")
_BODY_END = lazy(r";([ \t]*\})")
# a workflow's key, whose words run nothing (but `run:`'s, read after it)
_YAML_KEY = lazy(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")

_SHELL_BLOCK = lazy(r"^([ \t]*(?:-[ \t]+)?shell[ \t]*:[ \t]*)[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _yaml_unquoted(text: str) -> str:
    """A workflow's text with each key's quoted scalar given as what it holds (a double-quoted one's escapes read,
    its lines joined by `;`), as the shell a `run:` of it is given reads it; a `shell:` block scalar on its line."""

    def unquoted(found: re.Match[str]) -> str:
        value = found.group(2)
        if value.startswith("'"):
            inner = value[1:-1].replace("''", "'")
        else:
            inner = re.sub(
                r"\\(.)", lambda escape: {"n": " ; ", "t": " "}.get(escape.group(1), escape.group(1)), value[1:-1]
            )
        return found.group(1) + inner

    lines = _YAML_QUOTED.sub(unquoted, text).split("\n")
    # a `shell:` given as a block scalar (`shell: >-`, then `bash {0}`): its lines on the key's (hunt 219)
    for n, line in enumerate(lines):
        key = _SHELL_BLOCK.match(line)
        if key is None:
            continue
        deep = len(line) - len(line.lstrip())
        held = []
        for m in range(n + 1, len(lines)):
            if lines[m].strip() and len(lines[m]) - len(lines[m].lstrip()) <= deep:
                break
            held.append(lines[m].strip())
            lines[m] = ""
        lines[n] = key.group(1) + " ".join(part for part in held if part)
    return "\n".join(lines)


def _lines(text: str, quoted: bool = False) -> list[tuple[int, str]]:
    """The file's logical lines (git/shell_lines.py), each with the number it starts on, its quoted words emptied
    (`"$(BIN)/trials merge-csv %O"` is an argument, not a command; where quoted, kept: `exit "$status"` reads a
    variable) and its comment left out."""
    out: list[tuple[int, str]] = []
    for start, held in numbered_lines(text):
        # but a text a shell runs (`bash -c "make test" || true`, `eval "$(BIN)/pytest"`): its quotes kept
        # a quoted word of no space is the word bash reads (`'make' test`, `python -m "pytest"`, `$'make'`, `ma""ke`), a
        # command substitution quoted runs its text (`"$(echo make)" test`), and a backslash before a character is that
        # character (`\make`): each is read unquoted (hunt 219)
        held = _ESCAPED.sub(r"\1", _ONE_WORD_QUOTED.sub(lambda found: found.group(0).lstrip("$")[1:-1], held))
        unquoted = held if quoted or _RUNS_TEXT.search(_QUOTED.sub("''", held)) else _QUOTED.sub("''", held)
        hashed = unquoted.find(" #")
        out.append((start, unquoted[:hashed] if hashed >= 0 else unquoted))
    return out


def shell_run(path: str, data: bytes | None) -> bool:
    """Whether a file of the code but Python is one a shell runs the lines of (CI's scripts and workflows, a shell
    script, one led by `#!`); makefiles and the files run by their path are named by git/extract.py."""
    return path.endswith(_SHELL_RUN) or path.startswith(_SHELL_FOLDERS) or (data or b"").startswith(b"#!")


def _holding_a_check(lines: list[tuple[int, str]]) -> set[str]:
    """The names the file defines to hold a check, a variable or a function (its body read to its closing line), as
    deep as one names another: `$(TEST) || true` runs the check `TEST` holds (hunt 214)."""
    bodies: dict[str, str] = {}
    for n, (_, line) in enumerate(lines):
        defined = _DEFINED.match(line)
        if defined is None:
            continue
        body = defined.group(2)
        if line.rstrip().endswith("{") or defined.group(0).rstrip().endswith("{"):  # a function: to its `}`
            body += " " + " ".join(text for _, text in lines[n + 1 : n + 40])
        bodies[defined.group(1)] = bodies.get(defined.group(1), "") + " " + body
    held: set[str] = set()
    while True:
        more = {name for name, body in bodies.items() if name not in held and _runs_a_check(body, held)}
        if not more:
            return held
        held |= more


# a module imported in the code a Python's `-c` runs (`python3 -c 'import pytest, sys; print(...)'`), which is no check
# run: it was read as `pytest` run with `;` after it (hunt 233)
_PYTHON_CODE = lazy(r"(?:^|[\s;&|(/])python[0-9.]*[ \t]+(?:-[A-Za-z]+[ \t]+)*-[A-Za-z]*c\b")
_IMPORTED = lazy(r"(?<![\w.])(?:import|from)[ \t]+[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*")


def _imports_blanked(line: str) -> str:
    """A line with the modules a Python's `-c` code imports blanked (as long as they were)."""
    code = _PYTHON_CODE.search(line)
    if code is None:
        return line
    rest = _IMPORTED.sub(lambda found: " " * len(found.group(0)), line[code.end() :])
    return line[: code.end()] + rest


def _check_at(line: str, held: set[str]) -> int | None:
    """Where on a line a check (or a name holding one: `$(TEST)`, `${TEST}`, `$TEST`, a function's name) first
    stands, or None."""
    found = _CHECK.search(_imports_blanked(line))
    at = [found.start()] if found else []
    for token in _TOKEN.finditer(line):
        word = token.group(0)
        named = word[2:-1] if word[:2] in ("$(", "${") else word[1:] if word.startswith("$") else word
        if named.rstrip(")}") in held:
            at.append(token.start())
    return min(at) if at else None


def _runs_a_check(line: str, held: set[str]) -> bool:
    return _check_at(line, held) is not None


def no_check_status_dropped(path: str, data: bytes | None, recipes: bool = False) -> None:
    """Refused: a line of a file a shell runs (a makefile, a script, a workflow) running a check whose status the
    shell drops, or, after `set +e`, a check whose status the next line does not read (the module's docstring says
    why). recipes: a makefile, each of whose lines a shell of its own runs (but under `.ONESHELL:`), where a `&&`
    list ends the line with its status."""
    if data is None:
        return
    text = data.decode("utf-8", "replace")
    no_command_found_otherwise(path, text, recipes)
    if not _CHECK.search(re.sub(r"\$?['\"\\]", "", text)) and not _BUILDING.search(text):
        return  # (read as bash reads its words: `\make`, `m'ake'`, `$'make'`; a name built, hunt 220)
    if path.endswith(_WORKFLOWS):
        text = _yaml_unquoted(text)
    one_shell = recipes and _ONE_SHELL.search(text) is not None
    lines = _lines(text)
    raw = _lines(text, quoted=True)
    held = _holding_a_check(lines)
    no_command_made_unseen(path, lines)
    no_check_in_a_block_dropped(path, lines, held)
    plain = plain_lines(text)
    names = Names("\n".join(masked for _, masked in plain), recipes, path.endswith(_WORKFLOWS))
    errexit_off = never_set = at_first = _no_errexit_at_first(path, text, recipes, one_shell)
    bodies = _function_bodies(lines)
    not_last = _checks_not_last(lines, bodies, held)
    # a workflow's steps: each `run:` a script of its own, under its own shell (hunt 219)
    steps, unset = _workflow_steps(text) if path.endswith(_WORKFLOWS) else ({}, {})
    step: int | None = None
    for n, (number, line) in enumerate(lines):
        if steps.get(number) != step:
            step = steps.get(number)
            errexit_off = never_set = at_first if step is None else unset[step]
        if line.lstrip().startswith("#"):
            continue
        if _NO_ERREXIT.search(line):
            errexit_off, never_set = True, False
        elif _ERREXIT.search(line):
            errexit_off = never_set = False
        at = _check_at(line, held) if _DEFINED.match(line) is None else None  # (a definition runs nothing there)
        opened = line.find("{") if "()" in line and _DEFINED.match(line) is not None else -1
        if opened >= 0 and (inline := _check_at(line[opened:], held)) is not None:
            # a function's body on its definition's line (`f() { make test || true; }`) runs where it is called, but
            # drops the check's status there as it reads (hunt 220: it passed)
            at, line = opened + inline, _BODY_END.sub(r" \1", line)
        if at is not None:
            _held_as_a_check(
                path, line, lines, raw, n, at, recipes, one_shell, steps, step, errexit_off, never_set, bodies, not_last
            )
        # and a command whose name is built as the script runs, read as a check (git/built_commands.py, hunt 220)
        built = _built_at(plain[n][1], names, recipes, path.endswith(_WORKFLOWS))
        if built is None:
            continue
        try:
            _held_as_a_check(
                path,
                _BODY_END.sub(r" \1", plain[n][1]),  # (`f() { "$@"; }`: the `;` ends the body, whose status is it)
                lines,
                raw,
                n,
                built[0],
                recipes,
                one_shell,
                steps,
                step,
                errexit_off,
                never_set,
                bodies,
                not_last,
            )
        except Refused as refused:
            raise Refused(
                f"{files.shown(path)} line {number}: a command whose name the script builds as it runs "
                f"(`{files.printable(shown_word(built[1]))}`), read as a check since a reviewer cannot read which "
                "it runs: " + str(refused).split(": ", 1)[-1]
            ) from None


_OPENS_A_CONDITION = lazy(r"(?:^|[;&|]\s*)(?:if|elif|while|until)$")
_ENDS_A_CONDITION = lazy(r"(?:^|[\s;])(?:then|do)(?:$|\s)")
_CLOSES = lazy(r"^[ \t]*([})])(.*)$")


def no_check_in_a_block_dropped(path: str, lines: list[tuple[int, str]], held: set[str]) -> None:
    """Refused: a check on a line of its own within a block whose status the shell drops on another line: a `{`
    group or a `(` subshell closed by `} || true` or `) | tee log`, and an `if`, `while` or `until` whose condition
    runs on the lines after the keyword (`if` then `make test` then `then`): each passed (hunt 220)."""
    condition: int | None = None
    blocks: list[list[int]] = []
    for n, (number, line) in enumerate(lines):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        closing = _CLOSES.match(line)
        if closing is not None and blocks:
            inside = blocks.pop()
            rest = closing.group(2)
            dropping = _DROPPING.search(rest) or _DROPPING_AFTER.search(rest) or _LISTED_AFTER.search(rest)
            if inside and dropping is not None:
                raise Refused(
                    f"{files.shown(path)} line {lines[inside[0]][0]}: a check run in a block whose status line "
                    f"{number} drops with {files.printable(dropping.group(0).strip())!r} (a failing check passes); run "
                    "it outside the block, alone on its line"
                )
            if blocks:
                blocks[-1].extend(inside)
            continue
        if condition is not None and _ENDS_A_CONDITION.search(text):
            condition = None
        runs = _DEFINED.match(line) is None and _check_at(line, held) is not None
        if runs and condition is not None:
            raise Refused(
                f"{files.shown(path)} line {number}: a check run in the condition of the `if`, `while` or `until` "
                f"of line {condition}, which reads its status as the condition's (a failing check passes); run it "
                "alone on its line"
            )
        if runs and blocks:
            blocks[-1].append(n)
        if _OPENS_A_CONDITION.search(text):
            condition = number
        if (text in ("{", "(") or text.endswith((" {", " (", ";{", ";("))) and "()" not in text:
            blocks.append([])


def _built_at(line: str, names: Names, recipes: bool, workflow: bool) -> tuple[int, str] | None:
    """Where on a line a command whose name is built as the script runs, and may be a check, first stands, and its
    word (git/built_commands.py): a makefile's recipe lines, a workflow's `run:` after its key."""
    if recipes and not line.startswith("\t"):
        return None
    if recipes:  # (make's own prefixes, `@` and `+`, are no part of the command: `@version=$$(...)` assigns)
        line = re.sub(r"^\t[ \t@+-]*", lambda found: " " * len(found.group(0)), line)
    if workflow:
        key = _RUN_KEY.match(line)
        if key is None and _YAML_KEY.match(line):
            return None
        if key is not None:  # (the key's words in spaces: the script starts after it)
            line = " " * (len(line) - len(key.group(2))) + key.group(2)
    built = built_command(line, names)
    return None if built is None else (built.at, built.word)


def _held_as_a_check(
    path: str,
    line: str,
    lines: list[tuple[int, str]],
    raw: list[tuple[int, str]],
    n: int,
    at: int,
    recipes: bool,
    one_shell: bool,
    steps: dict[int, int],
    step: int | None,
    errexit_off: bool,
    never_set: bool,
    bodies: dict[int, str],
    not_last: set[str],
) -> None:
    """Refused: the check standing at at on line (lines[n], or its masked form: git/built_commands.py) with its
    status dropped (no_check_status_dropped)."""
    number = lines[n][0]
    dropping = _DROPPING.search(line) or _DROPPING_AFTER.search(line, at)
    if dropping is None and (not recipes or one_shell):
        dropping = _LISTED_AFTER.search(line, at)  # `make test && echo ok`, then the script's next line
    if dropping is not None and dropping.group(0) == "&&":
        raise Refused(
            f"{files.shown(path)} line {number}: a check run before `&&` on its line: under `set -e` bash goes on "
            "past a failing command of a `&&` list but its last (and past every check of a function called so), "
            "to the script's next line; run the check alone on its line"
        )
    if dropping is not None:
        raise Refused(
            f"{files.shown(path)} line {number}: a check run with {files.printable(dropping.group(0).strip())!r} "
            f"on its line, by which the line ends with another status than the check's (a failing check "
            "passes); run it alone on its line"
        )
    following = lines[n + 1][1] if n + 1 < len(lines) else ""
    last = not any(
        text.strip() and not text.lstrip().startswith("#") and (step is None or steps.get(later) == step)
        for later, text in lines[n + 1 :]
    )
    called = [word for word in _WORD.findall(line) if word in not_last]
    if called and (never_set or errexit_off):
        raise Refused(
            f"{files.shown(path)} line {number}: the function `{called[0]}`, which runs a check before another "
            "command, called with `set -e` off: bash goes on past the check's failure, and the function's status "
            "is its last command's; call it under `set -e`, or run the check last in it"
        )
    # a function's check runs where the function is called (above, and as a line running a check), under the
    # `set -e` it stands after: `run() { make test; }`, `set -euo pipefail`, `run` runs it under errexit (hunt 217)
    if never_set and not last and n not in bodies:
        raise Refused(
            f"{files.shown(path)} line {number}: a check run with no `set -e` before it (nor `-e` in the shell's "
            "options), so the script goes on past its failure to another command's status; begin the script "
            "with `set -euo pipefail`"
        )
    if errexit_off and not never_set and _STATUS_READ not in following:
        raise Refused(
            f"{files.shown(path)} line {number}: a check run after `set +e` whose status the next line does not "
            "read (`status=$?`), so the script goes on past its failure to another command's status; read it, "
            "or keep `set -e`"
        )
    if errexit_off and not never_set:
        no_status_read_and_dropped(path, raw, n + 1)


_STEP = lazy(
    r"^([ \t]*)-[ \t]+(?:name|uses|run|shell|id|if|with|env|working-directory|continue-on-error|timeout-minutes)"
    r"[ \t]*:"
)
_RUN_KEY = lazy(r"^([ \t]*(?:-[ \t]+)?)run[ \t]*:[ \t]*(.*)$")
_SHELL_KEY = lazy(r"^[ \t]*(?:-[ \t]+)?shell[ \t]*:")
_BLOCK_SCALAR = lazy(r"[|>][-+0-9]*[ \t]*(?:#.*)?")


def _workflow_steps(text: str) -> tuple[dict[int, int], dict[int, bool]]:
    """Of a workflow: the number of each line of a step's `run:` script, to the step's index, and whether each step's
    shell starts without errexit (its own `shell:` of a command `{0}` without -e; with none, a `defaults:` one, as
    the file's); a line of no step's script is none of them, and read with the file as a whole."""
    raw = text.split("\n")
    starts = [(n, len(found.group(1))) for n, line in enumerate(raw) if (found := _STEP.match(line))]
    inside: set[int] = set()
    steps: dict[int, int] = {}
    unset: dict[int, bool] = {}
    shells: dict[int, bool] = {}
    for index, (start, indent) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(raw)
        for n in range(start + 1, end):  # (a line as deep as the dash or less ends the step)
            if raw[n].strip() and len(raw[n]) - len(raw[n].lstrip()) <= indent and not raw[n].lstrip().startswith("#"):
                end = n
                break
        inside.update(range(start, end))
        for n in range(start, end):
            run = _RUN_KEY.match(raw[n])
            if run is not None and n not in steps:
                deep = len(run.group(1))
                block = [n]
                if _BLOCK_SCALAR.fullmatch(run.group(2).strip()) or not run.group(2).strip():
                    block = []
                    for m in range(n + 1, end):
                        if raw[m].strip() and len(raw[m]) - len(raw[m].lstrip()) <= deep:
                            break
                        block.append(m)
                steps.update((m + 1, index) for m in block)
            if _SHELL_KEY.match(raw[n]) and n + 1 not in steps:
                shells[index] = _CUSTOM_SHELL.match(raw[n]) is not None and "-e" not in raw[n]
    defaults = any(
        "-e" not in found.group(0)
        for found in _CUSTOM_SHELL.finditer(text)
        if text.count("\n", 0, found.start()) not in inside
    )
    for index in range(len(starts)):
        unset[index] = shells.get(index, defaults)
    return steps, unset


def _function_bodies(lines: list[tuple[int, str]]) -> dict[int, str]:
    """The indices of the lines a shell function's body holds (`run() {` to its closing `}`), each with its name."""
    out: dict[int, str] = {}
    depth, name = 0, ""
    for n, (_, line) in enumerate(lines):
        defined = _DEFINED.match(line)
        opening = depth == 0 and defined is not None and "()" in defined.group(0)
        if opening and defined is not None:
            name = defined.group(1)
        if depth > 0 or opening:
            depth += line.count("{") - line.count("}")
            if depth > 0 and not opening:
                out[n] = name
            depth = max(depth, 0)
    return out


def _checks_not_last(lines: list[tuple[int, str]], bodies: dict[int, str], held: set[str]) -> set[str]:
    """The functions whose body runs a check before another command: called where `set -e` is off, the function's
    status is its last command's."""
    out: set[str] = set()
    for n, name in bodies.items():
        if _check_at(lines[n][1], held) is None:
            continue
        later = [m for m in bodies if m > n and bodies[m] == name]
        if any(lines[m][1].strip() and not lines[m][1].lstrip().startswith("#") for m in later):
            out.add(name)
    return out


def _no_errexit_at_first(path: str, text: str, recipes: bool, one_shell: bool) -> bool:
    """Whether a file's shell starts without errexit: a script (but one led by `#!... -e`), a makefile under
    `.ONESHELL:` (but with `-e` in .SHELLFLAGS), a workflow step of a shell command of its own (`shell: bash {0}`;
    GitHub runs `bash` and `sh` with -e); not a makefile's recipe line, whose status is the recipe's."""
    if path.endswith(_WORKFLOWS):
        return any("-e" not in found.group(0) for found in _CUSTOM_SHELL.finditer(text))
    if recipes:
        return one_shell and _SHELL_FLAGS_ERREXIT.search(text) is None
    return _SHEBANG_ERREXIT.match(text) is None


def _reads(line: str, names: set[str]) -> bool:
    """Whether a line reads one of the variables (`$status`, `"${status}"`, make's `$$status`, or a bare name of an
    arithmetic expansion: `$((checked > received ? checked : received))`)."""
    for found in _VARIABLE.finditer(line):
        if found.group(1) in names:
            return True
    return any(word in names for arithmetic in _ARITHMETIC.findall(line) for word in _WORD.findall(arithmetic))


def _exit_kept(argument: str, bearing: set[str], statuses: Statuses) -> bool | None:
    """Of an `exit`'s argument: True where it gives the check's status (a variable bearing it, `$?` read at once),
    or a failure's (a number but 0); False where another (none, 0, another variable)."""
    word = argument.strip().strip("\"'")
    if word.isdigit():
        return word.lstrip("0") != ""
    return _bearing_value(word, bearing, statuses)


def _failure_number(argument: str) -> bool:
    """Whether an `exit`'s argument is a failure's number (not 0): reached where the check failed, it keeps that."""
    word = argument.strip().strip("\"'")
    return word.isdigit() and word.lstrip("0") != ""


def _joined(lines: list[tuple[int, str]]) -> str:
    """Lines' texts as one (up to a `case`'s end, which a case begun on the first finds its branches in)."""
    return " ; ".join(text for _, text in lines[:40])


def _bearing_value(word: str, bearing: set[str], statuses: Statuses) -> bool:
    """Whether a word (unquoted) is a status kept: a variable bearing it alone (`$status`, `${status}`; not
    `${status/1/0}`), or arithmetic that comes out a failure wherever it is one (git/status_kept.py)."""
    plain = _PLAIN.fullmatch(word)
    if plain is not None:
        return (plain.group(1) or plain.group(2)) in bearing
    arithmetic = _ARITHMETIC.fullmatch(word)
    return arithmetic is not None and keeps_failure(arithmetic.group(1), bearing, statuses)


def no_status_read_and_dropped(path: str, lines: list[tuple[int, str]], at: int) -> None:
    """Refused: a check's status read after `set +e` (on lines[at], as `status=$?`) into a variable no later `exit`
    a failing check reaches is given before another `exit` (through the variables made of it: `status=$((checked >
    received ? checked : received))`, `for code in "$checked"`): `make test` then `status=$?` then `exit 0` reads
    the status and drops it, and the script exits 0 over a failing check (tested, hunt 215). A line that exits on it
    at once (`[ $? -eq 0 ] || exit 1`) passes. What the script does to the status on the way (arithmetic, a
    condition) is read by git/status_kept.py, and where its exits stand by git/status_reached.py (hunt 216)."""
    if at >= len(lines):
        return
    number, line = lines[at]
    statuses = statuses_of(lines[at - 1][1])
    read = _STATUS_INTO.search(line)
    narrowing(path, number, line, {"?"}, statuses, _joined(lines[at:]))
    if read is None:
        reach = Reach(statuses)
        if any(
            _exit_kept(given.group(1) or "", {"?"}, statuses) and reach.at(line, _word_at(given), {"?"}) is True
            for given in _EXITS.finditer(line)
        ):
            return
        raise Refused(
            f"{files.shown(path)} line {number}: a check's status (`$?`) read after `set +e` neither kept in a "
            "variable nor exited on where it fails, so the script goes on past its failure to another command's "
            'status; write `status=$?` and `exit "$status"`'
        )
    bearing = {read.group(1)}
    refusal = Refused(
        f"{files.shown(path)} line {number}: the check's status read into `{read.group(1)}` after `set +e` is not "
        "given to `exit` (nor a variable made of it) before the script ends or exits otherwise, so its status is "
        f'another\'s and a failing check passes; end with `exit "${read.group(1)}"`'
    )
    try:
        if _followed_to_an_exit(path, lines, at, bearing, statuses):
            return
    except Refused as refused:
        refusal = refused
    if not _kept_beside_the_others(path, lines, at, read.group(1), statuses):
        raise refusal


# the values another check's kept status is tried at, where a script compares two (hunt 219)
# (and a command not found, or killed by a signal: 126 to 143)
_OTHERS_TRIED = (0, 1, 2, 3, 4, 5, 126, 127, 130, 137, 143, 255)


def _kept_beside_the_others(path: str, lines: list[tuple[int, str]], at: int, name: str, statuses: Statuses) -> bool:
    """Whether a check's status read into name (on lines[at]) comes to an `exit` of a failure wherever the check
    failed, the script followed on each failing status and each value of the statuses the script keeps of its other
    checks (`if [ "$a" -gt "$b" ]; then exit "$a"; else exit "$b"; fi`: where `a` fails, the greater is a failure)."""
    reads: dict[str, int] = {}
    for n, (_, text) in enumerate(lines):
        for found in _STATUS_INTO.finditer(text):
            reads.setdefault(found.group(1), n) if n != at else None
    everything = " ; ".join(text for _, text in lines)
    others = sorted(
        other
        for other in reads
        if other != name
        and len(re.findall(rf"(?:^|[\s;&|(]){other}=", everything)) == 1
        and _reads(" ; ".join(text for _, text in lines[at + 1 :]), {other})
    )
    if not others or len(others) > 3:
        return False
    try:
        return all(
            _followed_at(path, lines, at, {name: failing}, dict(zip(others, values, strict=True)), reads, statuses)
            for failing in statuses.failing
            for values in itertools.product(_OTHERS_TRIED, repeat=len(others))
        )
    except Refused:
        return False


def _followed_at(
    path: str,
    lines: list[tuple[int, str]],
    at: int,
    known: dict[str, int],
    pending: dict[str, int],
    reads: dict[str, int],
    statuses: Statuses,
) -> bool:
    """Whether a script, followed from lines[at] with the variables' values known (the failing status kept), and
    each pending one known from its read on, comes to an `exit` of a failing number before an exit of 0, of what the
    reader cannot work out, or its end."""
    known = {**known, **{other: value for other, value in pending.items() if reads[other] < at}}
    world = Statuses(statuses.passing, statuses.failing[:1], followed=True)
    reach = Reach(world._replace(pinned=tuple(known.items())))
    reach.read(lines[at][1], set())
    for n, (at_line, later) in enumerate(lines[at + 1 :], at + 1):
        if later.lstrip().startswith("#"):
            continue
        changed_otherwise(path, at_line, later, set(known))
        for given in _EXITS.finditer(later):
            value = known_value(given.group(1) or "$?", known)
            reached = reach.at(later, _word_at(given), set())
            if value is not None and value & 255 != 0:
                if reached is True:
                    return True
            elif reached is not False:
                return False
        made = _ASSIGNED.search(later)
        if made is not None:
            value = known_value(_value_of(made.group(2)), known)
            reached = reach.at(later, made.start(1), set())
            if value is not None and reached is True:
                known[made.group(1)] = value
            elif reached is not False and known.get(made.group(1)) != value:
                known.pop(made.group(1), None)
        for other, value in pending.items():
            if reads[other] == n and reach.at(later, 0, set()) is True:
                known[other] = value  # (read where it may not run: unknown)
            elif reads[other] == n:
                known.pop(other, None)
        loop = _LOOP.search(later)
        if loop is not None:
            known.pop(loop.group(1), None)
        reach.statuses = world._replace(pinned=tuple(known.items()))
        reach.read(later, set())
    return False


def _followed_to_an_exit(
    path: str, lines: list[tuple[int, str]], at: int, bearing: set[str], statuses: Statuses
) -> bool:
    """Whether the variables bearing a check's status reach an `exit` a failing check comes to, before an exit of
    another status it may come to (refused on the way: the status changed otherwise than by `=`, a condition
    letting some failing status through)."""
    reach = Reach(statuses)
    reach.read(lines[at][1], bearing)
    for n, (at_line, later) in enumerate(lines[at + 1 :], at + 1):
        if later.lstrip().startswith("#"):
            continue
        changed_otherwise(path, at_line, later, bearing)
        narrowing(path, at_line, later, bearing, statuses, _joined(lines[n:]))
        for given in _EXITS.finditer(later):
            argument = given.group(1) or ""
            reached = reach.at(later, _word_at(given), bearing)
            if _exit_kept(argument, bearing, statuses):
                if (_reads(argument, bearing) or _failure_number(argument)) and reached is True:
                    return True  # (`if [ "$a" -ne 0 ] || [ "$b" -ne 0 ]; then exit 1; fi`: where it failed)
            elif reached is not False:
                return False  # an exit of another status first, which a failing check may come to
        made = _ASSIGNED.search(later)
        if made is not None:
            value = _value_of(made.group(2))
            reached = reach.at(later, made.start(1), bearing)
            bears = _bearing_value(value, bearing, statuses) or (value.isdigit() and value.lstrip("0") != "")
            if bears and (reached is True or made.group(1) in bearing):
                bearing.add(made.group(1))  # (a failure's number kept: .ci/trusted-check's `status=2`)
            elif not bears:
                bearing.discard(made.group(1))
        loop = _LOOP.search(later)
        if loop is not None and _reads(loop.group(2), bearing):
            bearing.add(loop.group(1))
        reach.read(later, bearing)
    return False


def _word_at(given: re.Match[str]) -> int:
    """Where an `exit` a match found stands on its line (after the character before it: `(`, `;`)."""
    return given.start() + given.group(0).index("exit")


def _value_of(assigned: str) -> str:
    """An assignment's value (unquoted), to the end of its word: `$((...))` whole, else up to a space or `;`."""
    arithmetic = _ARITHMETIC.match(assigned.strip().strip("\"'"))
    if arithmetic is not None:
        return arithmetic.group(0)
    return re.split(r"[\s;&|)]", assigned.strip(), maxsplit=1)[0].strip("\"'")


# `status=$?` (make's `$$?` too), and what a later line reads: a variable, an arithmetic expansion's words, an
# assignment, a loop's variable, an `exit` and its argument
_STATUS_INTO = lazy(r"(?:^|[\s;])([A-Za-z_][A-Za-z0-9_]*)=[\"']?\$\$?\?")
_VARIABLE = lazy(r"\$\$?\{?([A-Za-z_][A-Za-z0-9_]*|\?)")
_ARITHMETIC = lazy(r"\$\$?\(\((.*?)\)\)")
_PLAIN = lazy(r"\$\$?(?:\{([A-Za-z_][A-Za-z0-9_]*|\?)\}|([A-Za-z_][A-Za-z0-9_]*|\?))")
_WORD = lazy(r"[A-Za-z_][A-Za-z0-9_]*")
_ASSIGNED = lazy(r"(?:^|[\s;])(?:local[ \t]+|export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
_LOOP = lazy(r"(?:^|[\s;])for[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]+in[ \t]+([^;]*)")
_EXITS = lazy(r"(?:^|[\s;&|({])exit(?:[ \t]+(\"?\$\$?\(\(.*?\)\)\"?|[^\s;&|)}]+))?")
