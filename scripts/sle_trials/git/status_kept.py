"""What a script does to a check's status between reading it and its `exit`: arithmetic worked out, conditions read
(git/status_dropped.py reads each status a script keeps after `set +e` through it).

hunt 215 took an `exit` of any arithmetic reading the status for the status kept: `exit $((0 * status))`, `exit
$((status & 0))`, `exit $((status * 256))` (bash exits with the low byte of its number) exited 0 over a failing
`make test` (tested), as did `: $((status=0))`, `((status *= 0))`, `let status=0` and `unset status` (after which a
bare `exit $status` is `exit`, the last command's status) before `exit "$status"`; each passed the extraction (exit 0,
hunt 216). So the arithmetic given to `exit`, or making a variable of the status, is worked out here (never by a
shell: bash's arithmetic runs the commands of an array's index) on each failing status a check gives, the other
variables it reads at 0, 1, -1 and 255: the status is kept where no failing status ever comes out 0 (.ci/trusted-
check's `$((checked > received ? checked : received))`). What the reader cannot work out (an assignment, `++`, a
base, a function) is no status kept. A status changed by anything but `NAME=VALUE` is refused (changed_otherwise).

A condition may let some failing statuses through as 0 is: `[ "$status" -gt 1 ]`, `[ $? -le 1 ]`, `(( status > 1
))`, `case $? in 0 | 1) ;; *) exit 1 ;; esac` after pytest had a failing suite (status 1) go on to exit 0 (tested),
and passed (exit 0, hunt 216). So a test or a `case` of a check's status must part 0 from every failing status
alike (narrowing): `[ "$status" -ne 0 ]`, `case "$status" in 0) ;; *) exit "$status" ;; esac`. But `trials drift`'s:
its 1 is the report of a drift (drift.yml opens an issue of it), and only a status above is a failure. `true` and
`:` hold on every status (`if true; then exit "$status"; fi` keeps it), `false` on none (hunt 219).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from typing import NamedTuple

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.patterns import lazy

# the failing statuses of the checks a script runs (pytest's 1 to 5, make's 2, trials', ruff's and mypy's 1 and 2),
# and the values another variable of the arithmetic is tried at
_FAILING = (1, 2, 3, 4, 5)
_OTHERS = (0, 1, -1, 255)
# the checks whose status 1 is a verdict of their own and no failure (drift.yml): `trials drift` reports a drift
_REPORTING = lazy(r"\btrials[ \t]+drift\b")
_TOKEN = lazy(
    r"\s*(?:(0[xX][0-9a-fA-F]+|[0-9]+)|\$\$?\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\$?([A-Za-z_][A-Za-z0-9_]*|\?)"
    r"|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%<>&|^!~?:()]))"
)
_BINARY = {
    "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6, "<": 7, ">": 7, "<=": 7, ">=": 7, "<<": 8, ">>": 8,
    "+": 9, "-": 9, "*": 10, "/": 10, "%": 10, "**": 11,
}  # fmt: skip
_WIDTH = 1 << 64
_TEST_OPERATORS = {
    "-eq": "==", "-ne": "!=", "-gt": ">", "-ge": ">=", "-lt": "<", "-le": "<=", "=": "==", "==": "==", "!=": "!=",
}  # fmt: skip
# a test (`[ ... ]`, `[[ ... ]]`, `test ...`), an arithmetic command `(( ... ))` (not an expansion), a `case`
_TEST = lazy(r"(?:^|[\s;&|(!])(?:\[\[|\[|test)[ \t]+(.*?)(?:[ \t]+(?:\]\]|\])|(?=[ \t]*(?:;|&&|\|\||$)))")
_ARITHMETIC_COMMAND = lazy(r"(?:^|[^$(])\(\((.*?)\)\)")
_CASE = lazy(r"(?:^|[\s;&|(])case[ \t]+(\S+)[ \t]+in\b(.*?)(?:\besac\b|$)")
_PATTERN = lazy(r"\(?[ \t]*([^()\s;][^()]*?)[ \t]*\)")
_ARITHMETIC_ANY = lazy(r"\(\((.*?)\)\)")
_ARITHMETIC_ASSIGNING = r"(?:\b{0}\s*(?:<<|>>|[-+*/%&|^])?=(?!=)|(?:\+\+|--)\s*\$?\{{?{0}\b|\b{0}\s*(?:\+\+|--))"
_COMMANDS_BINDING = lazy(
    r"(?:^|[\s;&|(])(?:unset|read|printf|mapfile|readarray|getopts|eval|let|(?:declare|typeset|local)[ \t]+-[a-z]*[in])"
    r"\b([^;&|]*)"
)


class Statuses(NamedTuple):
    """The statuses a check passes with and those it fails with (statuses_of); and where a script is followed on one
    failing status (followed) with the other checks' kept statuses at given values (pinned: their names and values),
    those."""

    passing: tuple[int, ...]
    failing: tuple[int, ...]
    pinned: tuple[tuple[str, int], ...] = ()
    followed: bool = False


class Unread(Exception):
    """Arithmetic (or a condition) the reader cannot work out."""


class Narrowing(Exception):
    """A condition that takes some failing status as a passing one, or apart from another failing one."""


def _number(text: str) -> int:
    if text[:2] in ("0x", "0X"):
        return int(text, 16)
    if len(text) > 1 and text.startswith("0"):
        if set(text) - set("01234567"):
            raise Unread(text)
        return int(text, 8)
    return int(text)


def _tokens(text: str) -> list[tuple[str, str]]:
    """The expression's tokens: ("n", number), ("v", variable's name, `?` for `$?`), ("o", operator)."""
    if "++" in text or "--" in text:
        raise Unread(text)  # an increment, which changes its variable
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(text.rstrip()):
        found = _TOKEN.match(text, at)
        if found is None or found.end() == at:
            raise Unread(text)  # an assignment, a base (`2#1`), a comma, a function
        number, braced, dollar, bare, operator = found.groups()
        name = braced or dollar or bare
        out.append(("n", number) if number else ("v", name) if name else ("o", operator))
        at = found.end()
    return out


def _wrapped(value: int) -> int:
    """A value as bash's 64-bit signed arithmetic holds it."""
    return (value + _WIDTH // 2) % _WIDTH - _WIDTH // 2


def _divided(a: int, b: int, remainder: bool) -> int:
    if b == 0:
        raise Unread("division by zero")  # bash stops the script there
    quotient = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)  # C's, toward zero
    return a - b * quotient if remainder else quotient


def _operate(operator: str, a: int, b: int) -> int:
    if operator in ("<<", ">>", "**") and not 0 <= b < 64:
        raise Unread(operator)
    results: dict[str, Callable[[], int]] = {
        "||": lambda: int(bool(a) or bool(b)), "&&": lambda: int(bool(a) and bool(b)), "|": lambda: a | b,
        "^": lambda: a ^ b, "&": lambda: a & b, "==": lambda: int(a == b), "!=": lambda: int(a != b),
        "<": lambda: int(a < b), ">": lambda: int(a > b), "<=": lambda: int(a <= b), ">=": lambda: int(a >= b),
        "<<": lambda: a << b, ">>": lambda: a >> b, "+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
        "/": lambda: _divided(a, b, False), "%": lambda: _divided(a, b, True), "**": lambda: a**b,
    }  # fmt: skip
    return _wrapped(results[operator]())


class _Reader:
    """A recursive reading of bash's arithmetic, worked out on one set of the variables' values."""

    def __init__(self, tokens: list[tuple[str, str]], values: dict[str, int]) -> None:
        self.tokens, self.values, self.at = tokens, values, 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("", "")

    def take(self, operator: str) -> None:
        if self.peek() != ("o", operator):
            raise Unread(operator)
        self.at += 1

    def whole(self) -> int:
        value = self.ternary()
        if self.at != len(self.tokens):
            raise Unread("more")
        return value

    def ternary(self) -> int:
        condition = self.binary(1)
        if self.peek() != ("o", "?"):
            return condition
        self.at += 1
        then = self.ternary()
        self.take(":")
        otherwise = self.ternary()
        return then if condition else otherwise

    def binary(self, level: int) -> int:
        value = self.unary()
        while (kind := self.peek())[0] == "o" and _BINARY.get(kind[1], 0) >= level:
            operator = kind[1]
            self.at += 1
            # `**` binds to its right, the others to their left
            right = self.binary(_BINARY[operator] + (0 if operator == "**" else 1))
            value = _operate(operator, value, right)
        return value

    def unary(self) -> int:
        kind, text = self.peek()
        self.at += 1
        if kind == "n":
            return _number(text)
        if kind == "v":
            return self.values[text]
        signs: dict[str, Callable[[int], int]] = {"-": lambda v: -v, "+": lambda v: v, "!": lambda v: int(not v)}
        signs["~"] = lambda v: ~v
        if kind == "o" and text in signs:
            return _wrapped(signs[text](self.unary()))
        if (kind, text) == ("o", "("):
            value = self.ternary()
            self.take(")")
            return value
        raise Unread(text)


def _worked_out(tokens: list[tuple[str, str]], values: dict[str, int]) -> int:
    return _Reader(tokens, values).whole()


def statuses_of(check: str) -> Statuses:
    """The statuses a check passes and fails with: (0,) and 1 to 5, but `trials drift`'s, whose 1 reports a drift."""
    return Statuses((0, 1), _FAILING[1:]) if _REPORTING.search(check) else Statuses((0,), _FAILING)


def _outcomes(
    tokens: list[tuple[str, str]], bearing: set[str], statuses: Statuses
) -> list[tuple[list[int], list[int]]] | None:
    """Of an expression: for each trial of the other variables' values, its values where a variable bearing the
    status is each passing status, and each failing one; None where it reads none of them."""
    names = {text for kind, text in tokens if kind == "v"}
    read = names & bearing
    pinned = {name: value for name, value in statuses.pinned if name in names}
    if not read and not pinned:
        return None
    out: list[tuple[list[int], list[int]]] = []
    for name in sorted(read) or [""]:  # (of pinned values alone: the same on either side)
        for other in _OTHERS:
            values = {**dict.fromkeys(names, other), **pinned}
            passing, failing = (
                [_worked_out(tokens, {**values, name: status} if name else values) for status in side]
                for side in statuses[:2]
            )
            out.append((passing, failing))
    return out


def keeps_failure(expression: str, bearing: set[str], statuses: Statuses) -> bool:
    """Whether arithmetic reading a variable that bears a check's status (`?`: `$?`) comes out a failing status (not
    0 in its low byte, which is what `exit` gives) wherever that status is one."""
    try:
        outcomes = _outcomes(_tokens(expression), bearing, statuses)
    except (Unread, KeyError):
        return False
    return outcomes is not None and all(value & 255 != 0 for _, failing in outcomes for value in failing)


def _holds(tokens: list[tuple[str, str]], bearing: set[str], statuses: Statuses) -> bool | None:
    """Whether a condition (as arithmetic: true where not 0) holds for every failing status and none passing (True),
    the other way about (False), or reads no status (None); Unread where it parts them otherwise."""
    outcomes = _outcomes(tokens, bearing, statuses)
    if outcomes is None:
        return None
    if statuses.followed:  # followed on one failing status: whether the condition holds there
        failing = {bool(value) for _, values in outcomes for value in values}
        if len(failing) == 1:
            return failing.pop()
        raise Narrowing(str(failing))
    truths = {(frozenset(map(bool, passing)), frozenset(map(bool, failing))) for passing, failing in outcomes}
    if truths == {(frozenset((False,)), frozenset((True,)))}:
        return True
    if truths == {(frozenset((True,)), frozenset((False,)))}:
        return False
    raise Narrowing(str(truths))


def _test_as_arithmetic(words: list[str]) -> str:
    """A test's words (`"$status" -gt 1`, `! $? -eq 0`) as arithmetic (`$status > 1`)."""
    negated = words[:1] == ["!"]
    words = words[1:] if negated else words
    if len(words) != 3 or words[1] not in _TEST_OPERATORS:
        raise Unread(" ".join(words))
    left, right = (word.strip("\"'") for word in (words[0], words[2]))
    compared = f"({left}) {_TEST_OPERATORS[words[1]]} ({right})"
    return f"!({compared})" if negated else compared


_LIST = lazy(r"\s*(\|\||&&)\s*")
# the commands whose status is the same on every run: a condition of them holds on every failing status, or on none
_CONSTANT_CONDITIONS = {"true": True, ":": True, "false": False}


def condition_holds(condition: str, bearing: set[str], statuses: Statuses) -> bool | None:
    """Of a condition (`[ "$status" -ne 0 ]`, `test ...`, `(( status ))`, led by `!` or `if`): True where it holds
    for every failing status and no passing one (or `true`, on every status), False the other way about (or
    `false`), None where it reads no status or cannot be read (then git/status_reached.py counts what it guards as
    not reached on a failure)."""
    text = condition.strip().rstrip(";").strip()
    while text.startswith(("if ", "elif ", "while ", "until ")):
        text = text.split(None, 1)[1] if " " in text else ""
    if "[[" not in text and _LIST.search(text) is not None:
        return _list_holds(text, bearing, statuses)
    negated = False
    while text.startswith(("!", "if ", "elif ", "while ", "until ")):
        negated ^= text.startswith("!")
        text = text.split(None, 1)[1] if " " in text else ""
    if text in _CONSTANT_CONDITIONS:  # `if true; then exit "$status"; fi`: entered whatever the status
        return _CONSTANT_CONDITIONS[text] != negated
    test = _TEST.fullmatch(" " + text)
    arithmetic = _ARITHMETIC_COMMAND.fullmatch(" " + text)
    try:
        if test is not None:
            held = _holds(_tokens(_test_as_arithmetic(test.group(1).split())), bearing, statuses)
        elif arithmetic is not None:
            held = _holds(_tokens(arithmetic.group(1)), bearing, statuses)
        else:
            return None
    except (Unread, KeyError, Narrowing):
        return None
    return None if held is None else held != negated


def _list_holds(text: str, bearing: set[str], statuses: Statuses) -> bool | None:
    """Of tests joined by `||` and `&&` (bash's list, of equal precedence, read from the left): True where every
    failing status makes it hold and none passing does (`[ "$a" -ne 0 ] || [ "$b" -ne 0 ]` for `a`, whatever `b`:
    its then-branch is reached on every failure of `a`, its `else` on none), False the other way about, else None."""
    parts = _LIST.split(text)
    held = condition_holds(parts[0], bearing, statuses)
    for operator, operand in zip(parts[1::2], parts[2::2], strict=True):
        other = condition_holds(operand, bearing, statuses)
        if operator == "||":
            held = True if True in (held, other) else False if held is other is False else None
        else:
            held = False if False in (held, other) else True if held is other is True else None
    return held


def branch_holds(patterns: str, earlier: list[str], statuses: Statuses) -> bool | None:
    """Of a `case` branch's patterns (`0 | 1`, `*`) after earlier branches': True where every failing status and no
    passing one comes to it first, False where no failing status does, None otherwise."""

    def first(status: int) -> int:
        for n, pattern in enumerate([*earlier, patterns]):
            parts = [part.strip().strip("\"'") for part in pattern.split("|")]
            if any(fnmatch.fnmatchcase(str(status), part) for part in parts):
                return n
        return -1

    here = len(earlier)
    passing, failing = ({first(status) == here for status in side} for side in statuses[:2])
    if failing == {False}:
        return False
    return True if (passing, failing) == ({False}, {True}) else None


def _case_parts(word: str, body: str, bearing: set[str], statuses: Statuses) -> bool:
    """Whether a `case` of a status (word) takes every failing status to one branch, and the passing to another."""
    name = _tokens(word.strip("\"'"))
    if len(name) != 1 or name[0][0] != "v" or name[0][1] not in bearing:
        return True  # a case of something else
    patterns = [found.group(1) for found in _PATTERN.finditer(body)]

    def branch(status: int) -> int:
        for n, pattern in enumerate(patterns):
            if any(fnmatch.fnmatchcase(str(status), part.strip().strip("\"'")) for part in pattern.split("|")):
                return n
        return -1

    passing, failing = ({branch(status) for status in side} for side in statuses[:2])
    return len(failing) == 1 and len(passing) == 1 and not passing & failing


def narrowing(path: str, number: int, line: str, bearing: set[str], statuses: Statuses, rest: str) -> None:
    """Refused: a test or a `case` of a check's status (a variable bearing it, or `$?`: `?`) on a line that takes
    some failing status as it takes a passing one, or apart from another failing status (the module's docstring says
    why); `trials drift`'s 1 is a passing status. rest: the line and those after it, joined (where a `case` begun on
    the line finds its branches)."""
    conditions = [(f"[ {found.group(1).strip()} ]", found.group(1), True) for found in _TEST.finditer(line)]
    conditions += [
        (f"(( {found.group(1).strip()} ))", found.group(1), False) for found in _ARITHMETIC_COMMAND.finditer(line)
    ]
    for shown, inside, test in conditions:
        try:
            tokens = _tokens(_test_as_arithmetic(inside.split()) if test else inside)
            _holds(tokens, bearing, statuses)
            parts = True
        except Narrowing:
            parts = False
        except (Unread, KeyError):
            parts = not any(kind == "v" and text in bearing for kind, text in _loose_tokens(inside))
        if not parts:
            _refuse_narrowing(path, number, shown)
    for found in _CASE.finditer(rest if _CASE.search(line) else ""):
        try:
            parts = _case_parts(found.group(1), found.group(2), bearing, statuses)
        except Unread:
            parts = False
        if not parts:
            _refuse_narrowing(path, number, f"case {found.group(1)} in ...")


def _loose_tokens(text: str) -> list[tuple[str, str]]:
    """The variables a text reads, however it is written (for a condition the reader could not work out)."""
    return [
        ("v", found.group(2) or found.group(3) or found.group(4) or "")
        for found in _TOKEN.finditer(text)
        if found.group(2) or found.group(3) or found.group(4)
    ]


def _refuse_narrowing(path: str, number: int, shown: str) -> None:
    raise Refused(
        f"{files.shown(path)} line {number}: a condition on the check's status (`{files.printable(shown[:60])}`) that "
        "takes some failing status as it takes 0 (or apart from the other failing statuses), so a failing check may go "
        'on to exit 0; test it against 0 alone (`[ "$status" -ne 0 ]`)'
    )


def changed_otherwise(path: str, number: int, line: str, bearing: set[str]) -> None:
    """Refused: a variable bearing a check's status changed by arithmetic (`: $((status=0))`, `((status *= 0))`,
    `let`) or a command that binds it (`unset`, `read`, `printf -v`, a nameref), whose value at `exit` the reader
    cannot follow (the module's docstring)."""
    for name in sorted(bearing - {"?"}):
        assigning = re.compile(_ARITHMETIC_ASSIGNING.format(name))
        arithmetic = any(assigning.search(body) for body in _ARITHMETIC_ANY.findall(line))
        bare = re.compile(rf"(?<![$\w{{]){name}\b")
        bound = any(bare.search(words) for words in _COMMANDS_BINDING.findall(line))
        if arithmetic or bound:
            raise Refused(
                f"{files.shown(path)} line {number}: the check's status (`{name}`) changed otherwise than by `=` "
                f"(`{files.printable(line.strip()[:60])}`), so what reaches `exit` is no longer worked out from it; "
                "keep it, or make another variable of it with `=`"
            )


def known_value(word: str, known: dict[str, int]) -> int | None:
    """A word's value (unquoted: a number, `$name`, `${name}`, `$((...))`) where each variable it reads is known,
    worked out as bash would; None otherwise (`$?`, another variable, what the reader cannot work out)."""
    text = word.strip().strip("\"'")
    arithmetic = re.fullmatch(r"\$\$?\(\((.*)\)\)", text)
    if arithmetic is None and not re.fullmatch(r"[0-9]+|\$\$?\{?[A-Za-z_][A-Za-z0-9_]*\}?", text):
        return None
    try:
        tokens = _tokens(arithmetic.group(1) if arithmetic is not None else text.replace("{", "").replace("}", ""))
        if any(kind == "v" and name not in known for kind, name in tokens):
            return None
        return _worked_out(tokens, known)
    except (Unread, KeyError):
        return None
