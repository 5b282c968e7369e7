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
"""

from __future__ import annotations

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.patterns import lazy

# the files whose lines a shell runs (besides makefiles and scripts run by their path, which git/extract.py names)
_SHELL_RUN = (".sh", ".bash", ".yml", ".yaml")
_SHELL_FOLDERS = (".ci/", ".github/")
# a command that runs a check: its program's name as a word (after a path, `$(BIN)/trials`), or a module of it
_CHECK = lazy(
    r"(?:^|[\s;&|(!`/{=\"'])(?:pytest|py\.test|trials|ruff|mypy|make|\$\(MAKE\)|\$\{MAKE\})(?=$|[\s;&|)`}\"'])"
    r"|-m[ \t]+(?:pytest|mypy|ruff|sle_trials)\b"
)
# what drops a command's status wherever it stands on its line: `||` (`true || pytest` never runs it), `!`, a
# condition's keyword, a command substitution of it (`$(BIN)/trials` is make's variable; `$(pytest)` runs it)
_DROPPING = lazy(
    r"\|\||(?:^|[\s(])!(?=\s)|(?:^|[\s;(])(?:if|while|until|elif)\s"
    r"|\$\([^)\s]*(?:pytest|trials|ruff|mypy|make)|`"
)
# and after it: a pipe, `;`, a lone `&` (not `&&`, `2>&1`, `&>`), the line's status then another command's
_DROPPING_AFTER = lazy(r"(?<![|>])\|(?![|&])|;|(?<![&>])&(?![&>])")
_QUOTED = lazy(r"'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\"")
_NO_ERREXIT = lazy(r"(?:^|[\s;])set[ \t]+\+[a-zA-Z]*e|set[ \t]+\+o[ \t]+errexit")
_ERREXIT = lazy(r"(?:^|[\s;])set[ \t]+-[a-zA-Z]*e|set[ \t]+-o[ \t]+errexit")
_STATUS_READ = "$?"
# what runs a text as a command (a shell's `-c`, eval)
_RUNS_TEXT = lazy(r"(?:^|[\s;&|(/])(?:sh|bash|dash|zsh|ksh)[ \t]+(?:-[a-z]+[ \t]+)*-[a-z]*c\b|(?:^|[\s;&|(])eval\b")
# a name a makefile or a script defines (`TEST := $(BIN)/python -m pytest`, `TEST=make`, `check() {`), whose
# every use runs what it holds
_DEFINED = lazy(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:[:+?!]?=|::=|\(\)[ \t]*\{?)(.*)$")
_TOKEN = lazy(r"\$[({]?[A-Za-z_][A-Za-z0-9_]*[)}]?|[^\s;&|()!`{}$]+")


def _lines(text: str, quoted: bool = False) -> list[tuple[int, str]]:
    """The file's logical lines (a line ended by `\\` joined to the next), each with the number it starts on, its
    quoted words emptied (`"$(BIN)/trials merge-csv %O"` is an argument, not a command; where quoted, kept: `exit
    "$status"` reads a variable) and its comment left out."""
    out: list[tuple[int, str]] = []
    held, start = "", 0
    for number, line in enumerate(text.split("\n"), 1):
        if not held:
            start = number
        held += line[:-1] + " " if line.endswith("\\") else line
        if line.endswith("\\"):
            continue
        # but a text a shell runs (`bash -c "make test" || true`, `eval "$(BIN)/pytest"`): its quotes kept
        unquoted = held if quoted or _RUNS_TEXT.search(_QUOTED.sub("''", held)) else _QUOTED.sub("''", held)
        hashed = unquoted.find(" #")
        out.append((start, unquoted[:hashed] if hashed >= 0 else unquoted))
        held = ""
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


def _check_at(line: str, held: set[str]) -> int | None:
    """Where on a line a check (or a name holding one: `$(TEST)`, `${TEST}`, `$TEST`, a function's name) first
    stands, or None."""
    found = _CHECK.search(line)
    at = [found.start()] if found else []
    for token in _TOKEN.finditer(line):
        word = token.group(0)
        named = word[2:-1] if word[:2] in ("$(", "${") else word[1:] if word.startswith("$") else word
        if named.rstrip(")}") in held:
            at.append(token.start())
    return min(at) if at else None


def _runs_a_check(line: str, held: set[str]) -> bool:
    return _check_at(line, held) is not None


def no_check_status_dropped(path: str, data: bytes | None) -> None:
    """Refused: a line of a file a shell runs (a makefile, a script, a workflow) running a check whose status the
    shell drops, or, after `set +e`, a check whose status the next line does not read (the module's docstring says
    why)."""
    if data is None or not _CHECK.search(data.decode("utf-8", "replace")):
        return
    lines = _lines(data.decode("utf-8", "replace"))
    raw = _lines(data.decode("utf-8", "replace"), quoted=True)
    held = _holding_a_check(lines)
    errexit_off = False
    for n, (number, line) in enumerate(lines):
        if line.lstrip().startswith("#"):
            continue
        if _NO_ERREXIT.search(line):
            errexit_off = True
        elif _ERREXIT.search(line):
            errexit_off = False
        at = _check_at(line, held) if _DEFINED.match(line) is None else None  # (a definition runs nothing there)
        if at is None:
            continue
        dropping = _DROPPING.search(line) or _DROPPING_AFTER.search(line, at)
        if dropping is not None:
            raise Refused(
                f"{files.shown(path)} line {number}: a check run with {files.printable(dropping.group(0).strip())!r} "
                f"on its line, by which the line ends with another status than the check's (a failing check "
                "passes); run it alone on its line, or with `&&`"
            )
        following = lines[n + 1][1] if n + 1 < len(lines) else ""
        if errexit_off and _STATUS_READ not in following:
            raise Refused(
                f"{files.shown(path)} line {number}: a check run after `set +e` whose status the next line does not "
                "read (`status=$?`), so the script goes on past its failure to another command's status; read it, "
                "or keep `set -e`"
            )
        if errexit_off:
            no_status_read_and_dropped(path, raw, n + 1)


def _reads(line: str, names: set[str]) -> bool:
    """Whether a line reads one of the variables (`$status`, `"${status}"`, make's `$$status`, or a bare name of an
    arithmetic expansion: `$((checked > received ? checked : received))`)."""
    for found in _VARIABLE.finditer(line):
        if found.group(1) in names:
            return True
    return any(word in names for arithmetic in _ARITHMETIC.findall(line) for word in _WORD.findall(arithmetic))


def _exit_kept(argument: str, bearing: set[str]) -> bool | None:
    """Of an `exit`'s argument: True where it gives the check's status (a variable bearing it, `$?` read at once),
    or a failure's (a number but 0); False where another (none, 0, another variable)."""
    word = argument.strip().strip("\"'")
    if word.isdigit():
        return word.lstrip("0") != ""
    return _reads(argument, bearing)


def no_status_read_and_dropped(path: str, lines: list[tuple[int, str]], at: int) -> None:
    """Refused: a check's status read after `set +e` (on lines[at], as `status=$?`) into a variable no later `exit`
    is given before another `exit` (through the variables made of it: `status=$((checked > received ? checked :
    received))`, `for code in "$checked"`): `make test` then `status=$?` then `exit 0` reads the status and drops
    it, and the script exits 0 over a failing check (tested, hunt 215). A line that exits on it at once (`[ $? -eq
    0 ] || exit 1`) passes."""
    if at >= len(lines):
        return
    number, line = lines[at]
    read = _STATUS_INTO.search(line)
    if read is None:
        given = _EXITS.search(line)
        if given is not None and _exit_kept(given.group(1) or "", {"?"}):
            return
        raise Refused(
            f"{files.shown(path)} line {number}: a check's status (`$?`) read after `set +e` neither kept in a "
            "variable nor exited on, so the script goes on past its failure to another command's status; write "
            '`status=$?` and `exit "$status"`'
        )
    bearing = {read.group(1)}
    for _, later in lines[at + 1 :]:
        if later.lstrip().startswith("#"):
            continue
        given = _EXITS.search(later)
        if given is not None:
            if _exit_kept(given.group(1) or "", bearing):
                if _reads(given.group(1) or "", bearing):
                    return
            else:
                break  # an exit of another status first
        made = _ASSIGNED.search(later)
        if made is not None:
            value = made.group(2).strip().strip("\"'")
            if _reads(made.group(2), bearing) or (value.isdigit() and value.lstrip("0") != ""):
                bearing.add(made.group(1))  # (a failure's number kept: .ci/trusted-check's `status=2`)
            else:
                bearing.discard(made.group(1))
        loop = _LOOP.search(later)
        if loop is not None and _reads(loop.group(2), bearing):
            bearing.add(loop.group(1))
    raise Refused(
        f"{files.shown(path)} line {number}: the check's status read into `{read.group(1)}` after `set +e` is not "
        "given to `exit` (nor a variable made of it) before the script ends or exits otherwise, so its status is "
        f'another\'s and a failing check passes; end with `exit "${read.group(1)}"`'
    )


# `status=$?` (make's `$$?` too), and what a later line reads: a variable, an arithmetic expansion's words, an
# assignment, a loop's variable, an `exit` and its argument
_STATUS_INTO = lazy(r"(?:^|[\s;])([A-Za-z_][A-Za-z0-9_]*)=[\"']?\$\$?\?")
_VARIABLE = lazy(r"\$\$?\{?([A-Za-z_][A-Za-z0-9_]*|\?)")
_ARITHMETIC = lazy(r"\$\$?\(\((.*?)\)\)")
_WORD = lazy(r"[A-Za-z_][A-Za-z0-9_]*")
_ASSIGNED = lazy(r"(?:^|[\s;])(?:local[ \t]+|export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
_LOOP = lazy(r"(?:^|[\s;])for[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]+in[ \t]+([^;]*)")
_EXITS = lazy(r"(?:^|[\s;&|({])exit(?:[ \t]+(\"?\$\$?\(\(.*?\)\)\"?|[^\s;&|)}]+))?")
