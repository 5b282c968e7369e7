"""A command whose name the shell builds as the script runs, for git/status_dropped.py (hunt 220).

git/status_dropped.py reads a check by its name on a line (`make`, `pytest`, `trials`, ...). A name the shell forms
from expansions hid it: in .ci/run under `set -euo pipefail`, `M=ma; ${M}ke test || true`, `set -- make test` then
`"$@" || true`, and `shopt -s expand_aliases`, `alias m=make`, `m test || true` each ran `make test`, dropped its
status, and passed the extraction (exit 0, left by hunt 219). So each command word of a line (the first word of a
command, after `;`, `&&`, `||`, `|`, `&`, `(`, `{`, `!`, a keyword, an assignment or a redirection, in a command
substitution too, and the word a wrapper runs: `command`, `builtin`, `exec`, `env`, `xargs`, `find -exec`, `nice`,
`time`, ...) is read here: a make variable the makefile defines and a shell variable the file assigns one value are
put in, and a word still holding an expansion (`$@`, `$1`, `$(...)`, a variable of no one value, `${{ ... }}`) is
built as the script runs. Such a word is read as a check (its status held as a check's), unless its program's name
is written out before an expansion that holds no `/` nor space (`"$$system"`, which the Makefile makes
`$(SYSTEM_BIN)/python$${version%%[!0-9.]*}`, is `python`), that name being no check's nor a prefix of one, and no
shell's or wrapper's. An expansion of another kind may hold `/..` or words: `/usr/lib/python$v test || true`, v=
`3/../../bin/make`, ran make, and `python3$v` with v=` -m pytest` ran pytest (hunt 221: read as python, passed). An
alias, and a function or `hash` entry named as a check (`make() { :; }`), make a command otherwise than its name
reads: refused outright."""

from __future__ import annotations

import re
from typing import NamedTuple

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import numbered_lines
from sle_trials.patterns import lazy

# a Python interpreter as a command names it (`python3.12`, `pypy3`), and a check named as a word in a text a
# program is given (`os.system("make test")`, `perl -e 'system("pytest")'`): shared by the rules that read those texts
PYTHON = lazy(r"python[0-9.]*|pypy[0-9.]*")
CHECK_NAMED = r"(?<![\w.-])(?:make|gmake|pytest|py\.test|trials|ruff|mypy)(?![\w.-])"

# the names of the checks, and of what runs a command or a text as one: a built name whose written start is (a
# prefix of) one of them may be it
_CHECKS = ("make", "pytest", "py.test", "trials", "ruff", "mypy")
_RUNNERS = (
    "sh", "bash", "dash", "zsh", "ksh", "env", "exec", "command", "builtin", "eval", "xargs", "find", "source",
    "time", "nice", "nohup", "sudo", "timeout", "stdbuf", "setsid", "chronic", "unbuffer", "busybox", "watch",
)  # fmt: skip
# the words after which the next word is a command's name again (options, and `timeout`'s duration, left out)
_WRAPPERS = frozenset(
    ("command", "builtin", "exec", "env", "xargs", "nice", "nohup", "time", "timeout", "sudo", "stdbuf", "setsid")
)
_SHELLS = frozenset(("sh", "bash", "dash", "zsh", "ksh", "busybox"))
# a Python given no script, module or code (but the input's) in its words: `python`, `python -`, `python -u - x`
_STDIN_SCRIPT = lazy(r"(?:-[A-Za-z]*[ \t]*)*(?:-(?:[ \t].*)?)?")
_REPLACING = lazy(r"-(?:I|i|-replace)")
_KEYWORDS = frozenset(("if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "in"))
_ASSIGNMENT = lazy(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
_REDIRECTION = lazy(r"[0-9]*(?:[<>]|&>)")
_REDIRECTION_ALONE = lazy(r"[0-9]*(?:>>?|<<?<?|&>>?|<>|>\|)")
_OPERATORS = "&|;()"
# a make variable (`$(BIN)`, `${BIN}`), and a shell variable (`$NAME`, `${NAME}`, make's `$$NAME`)
_MAKE_VARIABLE = lazy(r"(?<!\$)\$[({]([A-Za-z_][A-Za-z0-9_.]*)[)}]")
_SHELL_VARIABLE = lazy(r"\$\$?(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_MAKE_DEFINITION = lazy(r"(?m)^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*(?:[:?+!]?=|::=)[ \t]*(.*)$")
_SHELL_ASSIGNED = lazy(r"(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)=")
_HOLE = "\x00"
HOLE = _HOLE  # (what an expansion no file gives one value is put in as: git/program_writes.py reads it too)
_CONFINED = "\x01"
# an expansion of digits (arithmetic, `$?`, `$#`, `$$`, `$!`, `${#NAME}`), or of a set of letters, digits, `.`, `_`
# and `-` alone: what is left of a value cut at its first other character (`${v%%[!0-9.]*}`, `${v##*[!0-9.]}`)
# (a `#` in double quotes is masked: _masked)
_KEPT_SET = r"\[[!^](?:0-9|a-z|A-Z|[A-Za-z0-9._])+\]"
_HASH = "[#\U000f0023]"
_CONFINED_EXPANSION = lazy(
    rf"\$\$?(?:\(\([^()]*\)\)|[?!]|{_HASH}|\$(?![({{A-Za-z_])|\{{{_HASH}[A-Za-z_][A-Za-z0-9_]*\}}"
    rf"|\{{[A-Za-z_][A-Za-z0-9_]*(?:%%{_KEPT_SET}\*|{_HASH}{_HASH}\*{_KEPT_SET})\}})"
)
_NAME = lazy(r"[A-Za-z_][A-Za-z0-9_]*")
_SET_OTHERWISE = lazy(
    r"(?:^|[\s;&|(])(?:read|mapfile|readarray|getopts|declare|typeset|local|export|readonly|let|for|select|unset"
    r"|printf[ \t]+-v)\b[^;&|\n]*|\$\{[A-Za-z_][A-Za-z0-9_]*:?[=?]|\(\([^)]*"
)
_YAML_NAME = lazy(r"(?m)^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*:")


# a quoted character that is no shell syntax there (a `$` or a backquote in single quotes, a space or an operator),
# masked as a character of Unicode's private use (shown_word puts it back)
_SYNTAX = "$`;&|()#{}<> \t"
_MASK = {c: chr(0xF0000 + ord(c)) for c in _SYNTAX}
_UNMASK = {v: k for k, v in _MASK.items()}
_QUOTE = "\x04"


def _masked(line: str) -> str:
    """A line as long as it is, each quote and backslash made a quote mark of no meaning, and each quoted character
    a shell reads as none of its syntax masked (a single-quoted `$`, a double-quoted space or `;`), its comment cut:
    a word's expansions are then its `$` and backquotes, and its operators those the line has."""
    out: list[str] = []
    quote, depth, n = "", 0, 0
    while n < len(line):
        c = line[n]
        if quote == "'":
            quote = "" if c == "'" else quote
            out.append(_QUOTE if c == "'" else _MASK.get(c, c))
        elif c == "\\" and n + 1 < len(line) and not depth:
            out.extend((_QUOTE, _MASK.get(line[n + 1], line[n + 1])))
            n += 2
            continue
        elif quote == '"' and depth:  # a command substitution within double quotes: its text as written
            depth += {"(": 1, ")": -1}.get(c, 0)
            out.append(c)
        elif quote == '"':
            quote = "" if c == '"' else quote
            depth = 1 if c == "(" and line[n - 1 : n] == "$" else 0
            out.append(_QUOTE if c == '"' else c if c in "$`{}" or depth else _MASK.get(c, c))
        elif c in "'\"":
            quote = c
            out.append(_QUOTE)
        elif c == "#" and (n == 0 or line[n - 1].isspace()):
            break
        else:
            out.append(c)
        n += 1
    return "".join(out)


def shown_word(word: str) -> str:
    """A masked word (_masked) as it is written, but its quotes."""
    return "".join(_UNMASK.get(c, c) for c in word if c != _QUOTE)


def plain_lines(text: str) -> list[tuple[int, str]]:
    """The file's logical lines (git/shell_lines.py), each with the number it starts on, masked (_masked): their
    quotes as bash reads them."""
    return [(number, _masked(line)) for number, line in numbered_lines(text)]


def _word_end(line: str, at: int) -> int:
    """Where a word starting at at ends: at a space or an operator, a `$(...)`, `${...}` or backquoted part whole."""
    depth, n = 0, at
    while n < len(line):
        c = line[n]
        if c == "\\":
            n += 2
            continue
        if c == "$" and line[n + 1 : n + 2] in ("(", "{"):
            depth += 1
            n += 2
            continue
        if c == "`":
            close = line.find("`", n + 1)
            n = len(line) if close < 0 else close + 1
            continue
        if depth and c in ")}":
            depth -= 1
        elif depth and c in "({":
            depth += 1
        elif not depth and (c.isspace() or c in _OPERATORS) and not _redirecting(line, n):
            break
        n += 1
    return max(n, at + 1)


def _redirecting(line: str, n: int) -> bool:
    """Whether the `&` at n is a redirection's (`2>&1`, `&>log`), no operator."""
    return line[n] == "&" and (line[n - 1 : n] in ("<", ">") or line[n + 1 : n + 2] == ">")


class Command(NamedTuple):
    """A command's name as a line writes it (masked: _masked), where it stands, the words after it (to the command's
    end), and whether what it runs is given otherwise than by the word (`xargs -I{} {}`, `find -exec {}`)."""

    at: int
    word: str
    words: tuple[str, ...]
    given: bool


def command_words(line: str) -> list[Command]:
    """Each word of a (logical, masked) line a shell runs as a command's name, with where it stands: the first of
    each command, the word a wrapper runs (`env make`, `xargs make`, `find . -exec make`), and those of each command
    substitution in a word."""
    out: list[Command] = []
    expect, wrapped, replacing, n = True, False, False, 0
    current: list[list[str]] = []
    commands: list[tuple[int, str, list[str], bool]] = []
    while n < len(line):
        c = line[n]
        if c.isspace():
            n += 1
            continue
        if c in _OPERATORS and not _redirecting(line, n):
            expect = c != ")"
            wrapped = replacing = False
            current = []
            n += 1
            continue
        end = _word_end(line, n)
        word = line[n:end]
        for inner in re.finditer(r"\$\(|`", word):  # a command substitution's commands
            if not word.startswith("$((", inner.start()):
                body_end = _word_end(word, inner.start()) if inner.group(0) == "$(" else len(word)
                out.extend(
                    found._replace(at=n + inner.end() + found.at)
                    for found in command_words(word[inner.end() : body_end])
                )
        if _REDIRECTION.match(word):
            if _REDIRECTION_ALONE.fullmatch(word):  # (its target the next word)
                target = len(line) - len(line[end:].lstrip())
                end = _word_end(line, target) if target < len(line) else end
        elif expect and (word in _KEYWORDS or _ASSIGNMENT.match(word) and not wrapped):
            pass
        elif expect and wrapped and (word.startswith("-") or _ASSIGNMENT.match(word) or word[:1].isdigit()):
            replacing = replacing or bool(_REPLACING.match(word))  # `xargs -I{}`: the input gives the command
            for words in current:
                words.append(word)
        elif expect:
            for words in current:  # (under a wrapper, each later word may be the command it runs: `sudo -u x $M`)
                words.append(word)
            current.append([])
            commands.append((n, word, current[-1], replacing or word == "{}"))
            wrapped = wrapped or shown_word(word).rsplit("/", 1)[-1] in _WRAPPERS
            expect = wrapped
        elif word in ("-exec", "-execdir", "-ok", "-okdir", "{"):  # (and a function's body: `f() { "$@"; }`)
            expect, wrapped = True, False
        else:
            for words in current:
                words.append(word)
        n = end
    out.extend(Command(at, word, tuple(words), given) for at, word, words, given in commands)
    return sorted(out)


def built_command(line: str, names: Names) -> Command | None:
    """The first command of a masked line whose name the shell builds as the script runs and may be a check's, or
    whose text a shell or `eval` runs is so built (`eval "$CMD"`, `bash -c '${M}ke test'`)."""
    for command in command_words(line):
        if command.given or built_check(command.word, names) is not None:
            return command
        program = shown_word(command.word).rsplit("/", 1)[-1]
        text = command.words
        if program in _SHELLS:
            options = [word for word in text[:2] if word.startswith("-")]
            text = text[len(options) :][:1]
            if not any("c" in option for option in options):
                # a script by its path (`bash "$SCRIPT"`), or read from the input (`bash <<EOF`, `| bash`, `bash -s`)
                if not text or any("s" in option for option in options) or "$" in text[0] or "`" in text[0]:
                    return command
                continue
        elif program.startswith("python") and _STDIN_SCRIPT.fullmatch(" ".join(text)):
            return command  # `python - <<EOF`, `| python`: its code read from the input
        elif program in ("source", "."):
            if any("$" in word or "`" in word for word in text[:1]):
                return command
            continue
        elif program != "eval":
            continue
        if any("$" in word or "`" in word for word in text):
            return command
        inner = built_command(_masked(" ".join(shown_word(word) for word in text)), names)
        if inner is not None:
            return command
    return None


class Names:
    """The values a file gives its variables, by which a command word's expansions are put in: make's definitions
    (of a makefile) and the shell variables the file assigns one value (a variable assigned two is unknown)."""

    def __init__(self, text: str, recipes: bool, workflow: bool = False) -> None:
        self.make: dict[str, str] = {"MAKE": "make"}
        defined: dict[str, set[str]] = {}
        if recipes:
            for found in _MAKE_DEFINITION.finditer(text):
                defined.setdefault(found.group(1), set()).add(found.group(2).strip())
        for name, values in defined.items():
            # (one definition only: a target's own, `test: M := ma`, or `define`, `$(eval ...)`, give it another)
            if len(values) == 1 and len(re.findall(rf"(?<![\w.]){re.escape(name)}[ \t]*(?:[:?+!]?=|::=)", text)) == 1:
                self.make[name] = values.pop()
        self.shell: dict[str, str | None] = {}
        for found in _SHELL_ASSIGNED.finditer(text):
            start = found.end()
            value = text[start : _word_end(text, start)] if start < len(text) and not text[start].isspace() else ""
            name = found.group(1)
            self.shell[name] = value if self.shell.get(name, value) == value else None
        # a variable set otherwise (`read`, `for`, `declare`, `export`, `printf -v`, `${M:=...}`, `((M=...))`), the
        # environment's (make's, a workflow's `env:`), is unknown: its value is not the one assignment read
        for found in _SET_OTHERWISE.finditer(text):
            for name in _NAME.findall(found.group(0)):
                self.shell[name] = None
        for name in defined:
            self.shell[name] = None
        if workflow:
            for found in _YAML_NAME.finditer(text):
                self.shell[found.group(1)] = None

    def resolved(self, word: str, depth: int = 0) -> str:
        """The word with what the file gives its variables put in, and each expansion it cannot put in a hole."""
        if depth > 8:
            return _HOLE
        word = _MAKE_VARIABLE.sub(
            lambda found: (
                self.resolved(self.make[found.group(1)], depth + 1) if found.group(1) in self.make else found.group(0)
            ),
            word,
        )

        def shell(found: re.Match[str]) -> str:
            value = self.shell.get(found.group(1) or found.group(2))
            return _HOLE if value is None else self.resolved(value, depth + 1)

        word = _SHELL_VARIABLE.sub(shell, word)
        # an expansion whose characters are digits or a set of its own, never a `/` nor a space (arithmetic, `$?`,
        # `${#NAME}`, `${NAME%%[!0-9.]*}`): a hole of its own, within the program's name
        word = _CONFINED_EXPANSION.sub(_CONFINED, word)
        # what is left of an expansion: `$@`, `$1`, `$(...)`, `${...}` of another form, a backquote, `${{ ... }}`
        return re.sub(r"\$\$?(?:\([^)]*\)+|\{[^}]*\}+|.)?|`[^`]*`?", _HOLE, word)


def built_check(word: str, names: Names) -> str | None:
    """Of a command word a shell builds as the script runs: the word (as written) where it may be a check's name,
    else None (a word written out; one whose program's name is written before an expansion that holds no `/` nor
    space, and is no check's)."""
    if "$" not in word and "`" not in word:
        return None
    resolved = names.resolved(word).replace(_QUOTE, "")
    if _HOLE in resolved:
        # an expansion may hold a `/` and `..` (`/usr/lib/python$v`, v=`3/../../bin/make`, is make) or spaces (v=`
        # -m pytest`): the program it ends in cannot be known, written start or not (hunt 221)
        return word
    program = resolved.rsplit("/", 1)[-1]
    if _CONFINED not in program:
        return word if program in _CHECKS or program in _RUNNERS else None
    written = program.split(_CONFINED, 1)[0]
    if written and not any(name.startswith(written) for name in _CHECKS + _RUNNERS):
        return None  # `python${version%%[!0-9.]*}`: python
    return word


_ALIAS = lazy(r"(?:^|[\s;&|(])(?:alias[ \t]+[^\s=;]+=|shopt[ \t]+-s[ \t]+expand_aliases\b)")
_FUNCTION = lazy(r"(?:^|[\s;&|(])(?:function[ \t]+)?([A-Za-z_.][\w.-]*)[ \t]*\(\)")
_FUNCTION_KEYWORD = lazy(r"(?:^|[\s;&|(])function[ \t]+([A-Za-z_.][\w.-]*)")
_HASHED = lazy(r"(?:^|[\s;&|(])(?:hash[ \t]+-p|enable[ \t]+-[a-z]*[fn])\b")


def no_command_made_unseen(path: str, lines: list[tuple[int, str]]) -> None:
    """Refused: a line of a file a shell runs that makes a command otherwise than its name reads: an alias (`alias
    m=make`, `shopt -s expand_aliases`), a function named as a check (`make() { :; }`), `hash -p` or `enable`."""
    for number, line in lines:
        if line.lstrip().startswith("#"):
            continue
        said = None
        if _ALIAS.search(line):
            said = "an alias, by which a command runs otherwise than its name reads"
        elif _HASHED.search(line):
            said = "`hash -p` or `enable`, by which a command's name runs another program"
        else:
            for found in (*_FUNCTION.finditer(line), *_FUNCTION_KEYWORD.finditer(line)):
                if found.group(1) in _CHECKS:
                    said = f"a function named as the check `{found.group(1)}`, which runs in its place"
        if said is not None:
            raise Refused(
                f"{files.shown(path)} line {number}: {said} (a reviewer reads a check, or none, where another "
                "command runs); name each command as it runs"
            )


# the environment by which a command's name finds another program, a shell runs more than its script (a function
# given as `BASH_FUNC_make%%`, a file `BASH_ENV` names), make ignores a failure (`MAKEFLAGS=-i`) or reads other
# makefiles, or a program loads other code; set by a script, a makefile, a workflow's `env:` or a step's
# `$GITHUB_ENV` and `$GITHUB_PATH` (hunt 220: each had CI's `make test` pass over a failing suite, and passed)
_ENVIRONMENT_SET = lazy(
    r"(?:^|[\s;&|(])(?:export[ \t]+|override[ \t]+|declare[ \t]+-[a-zA-Z]+[ \t]+|typeset[ \t]+-[a-zA-Z]+[ \t]+)?"
    r"(BASH_ENV|ENV|SHELLOPTS|BASHOPTS|MAKEFLAGS|MFLAGS|GNUMAKEFLAGS|MAKEFILES|LD_PRELOAD|LD_LIBRARY_PATH|LD_AUDIT"
    r"|PYTHONHOME|PYTHONPATH|PYTHONSTARTUP|PYTHONUSERBASE|PATH|BASH_FUNC_[^\s=:]*)[ \t]*(?:[:?+!]?=|:(?=[ \t]|$))"
    r"|(?:^|[\s;&|(])export[ \t]+(PATH|BASH_ENV|ENV|MAKEFLAGS)\b|\$\{?(GITHUB_PATH|GITHUB_ENV)\b"
)
_MAKE_FLAGS = frozenset(("MAKEFLAGS", "MFLAGS", "GNUMAKEFLAGS"))
_QUIET_FLAG = lazy(
    r"-[rRs]+|--(?:silent|quiet|no-builtin-rules|no-builtin-variables|no-print-directory|warn-undefined-variables)"
    r"|-j[0-9]*|--jobs(?:=[0-9]+)?|[0-9]+|--output-sync(?:=[a-z]+)?|-O[a-z]*"
)
# a makefile's shell, and its flags: `SHELL := /bin/true` ran no recipe and failed none; `.SHELLFLAGS := -c :`
# gave each recipe to `:` as its $0
_MAKE_SHELL = lazy(r"(?m)^[ \t]*(?:override[ \t]+|export[ \t]+)?(SHELL|\.SHELLFLAGS)[ \t]*(?:[:?+!]?=|::=)[ \t]*(.*)$")
_SHELLS_OF_MAKE = frozenset(("/bin/sh", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash"))
_SHELL_FLAGS = lazy(r"(?:(?:-[a-zA-Z]+|-o[ \t]+[a-z]+|\+o[ \t]+[a-z]+)[ \t]+)*-[a-zA-Z]*c")


def no_command_found_otherwise(path: str, text: str, recipes: bool) -> None:
    """Refused: a file a shell runs (a script, a makefile, a workflow) setting the environment by which a command's
    name runs another program or a shell more than its script (`PATH`, `BASH_ENV`, `BASH_FUNC_make%%`, `MAKEFLAGS`,
    `$GITHUB_ENV`, ...), or a makefile's shell not a shell (`SHELL := /bin/true`) or its flags not flags."""
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("#"):
            continue
        found = _ENVIRONMENT_SET.search(line)
        if found is None:
            continue
        named = found.group(1) or found.group(2) or found.group(3)
        given = line[found.end() :].strip().strip("\"'").split()
        if named in _MAKE_FLAGS and all(_QUIET_FLAG.fullmatch(word) for word in given):
            continue  # (`MAKEFLAGS += --no-builtin-rules`, `-s`, `-j4`: no recipe runs otherwise)
        raise Refused(
            f"{files.shown(path)} line {number}: `{files.printable(named)}` set, by which a command's name may run "
            "another program, a shell more than its script, or make pass a failing recipe (a reviewer reads the "
            "check it names); leave the environment as CI gives it"
        )
    if not recipes:
        return
    for found in _MAKE_SHELL.finditer(text):
        value = found.group(2).split("#", 1)[0].strip()
        fine = value in _SHELLS_OF_MAKE if found.group(1) == "SHELL" else _SHELL_FLAGS.fullmatch(value) is not None
        if not fine:
            raise Refused(
                f"{files.shown(path)} line {text.count(chr(10), 0, found.start()) + 1}: make's "
                f"`{found.group(1)}` given `{files.printable(value)}`, by which a recipe runs otherwise than it reads "
                "(`SHELL := /bin/true` fails none); give it /bin/sh or /bin/bash, and flags ending in -c"
            )
