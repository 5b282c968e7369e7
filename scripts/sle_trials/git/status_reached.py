"""Whether a line of a script is reached where a check it ran failed (git/status_dropped.py follows a check's status to
its `exit` through it).

An `exit "$status"` counts as the status kept only where a failing check reaches it: `if false; then exit "$status";
fi`, `[ "$status" -eq 0 ] && exit "$status"` (which exits only where the check passed) and an exit in a function no
line calls each read as the status kept, and the script went on to exit 0 over a failing check (hunt 216, tested);
so did `( exit "$status" )`, whose exit ends a subshell. So each `exit` (and each assignment of the status) is read
with the conditions it stands under: the `if`, `elif`, `else`, `case` branch, loop or function around it, and a `&&`
or `||` before it on its line. One under a condition on the status that holds for every failing status (`[ "$status"
-ne 0 ] && exit "$status"`, `case "$status" in 0) ;; *) exit "$status" ;; esac`) is reached; one under a condition
of something else, in a `while` or a function, is not known to be, and does not count as the status kept (an `exit
0` there still ends the reading: it may be reached). .ci/trusted-check's `if [ "$extracted" -ne 0 ]; then status=2`
keeps a failure. A `case` of another word than the status (`case "$x" in 0) ;; *) exit "$status" ;; esac`, `x=0`)
takes the branch its word does, whatever the check gave: it exited 0 over a failing `make test` (tested), and passed
(exit 0, hunt 219); its branches are now not known to be reached (but where the word's value is known).
"""

from __future__ import annotations

import dataclasses
import fnmatch

from sle_trials.git.status_kept import Statuses, branch_holds, condition_holds
from sle_trials.patterns import lazy

# the words that open, part or close a block, a function's opening, a group's braces
_KEYWORD = lazy(
    r"(?:^|(?<=[\s;&|(]))(if|then|elif|else|fi|case|esac|do|done|for|while|until|in)(?=$|[\s;&|)])"
    r"|(\(\)[ \t]*\{)|(?:^|(?<=[\s;&|]))(\{|\})(?=$|[\s;&|])|(;;)"
)
_PLAIN = lazy(r"\$\$?(?:\{([A-Za-z_][A-Za-z0-9_]*|\?)\}|([A-Za-z_][A-Za-z0-9_]*|\?))")
_PATTERN_END = lazy(r"(?<!\))\)(?!\))")
_QUOTED = lazy(r"'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\"")
_LIST = lazy(r"&&|\|\|")
_PIPED = lazy(r"(?<![|>])\|(?![|&])|(?<![&>])&(?![&>])")
# where a statement of a line starts: after `;`, `then`, `do`, `else`, `{`, a case pattern's `)`
_STATEMENT_START = lazy(r";|\bthen\b|\bdo\b|\belse\b|\{|(?<!\))\)(?!\))")


def _blanked(line: str) -> str:
    """The line with its quoted words' insides blanked, at the same places (no keyword is read in them)."""
    return _QUOTED.sub(lambda found: found.group(0)[0] + " " * (len(found.group(0)) - 2) + found.group(0)[-1], line)


@dataclasses.dataclass
class Block:
    """A block a reading of a script stands in: its kind (`if`, `elif`, `dead`: an `elif` after an `if` a failure
    enters, `for`, `while`, `case`, `function`, `group`), whether a failing check's run enters it (None: the reader
    cannot say), whether an `if`'s condition holds on a failure, where on the line its condition (or a `case`'s
    pattern) starts (-1: a `case` inside a branch), and a `case`'s patterns read so far."""

    kind: str
    entered: bool | None
    held: bool | None
    start: int
    patterns: list[str] = dataclasses.field(default_factory=list)
    opened: int = 0
    subject: str = ""


class Reach:
    """The blocks a reading of a script stands in, each with whether a failing check's run enters it: True where
    it does, False where it does not, None where the reader cannot say."""

    def __init__(self, statuses: Statuses) -> None:
        self.statuses = statuses
        self.stack: list[Block] = []

    def _events(self, line: str, bearing: set[str], until: int) -> list[Block]:
        """The stack after the line's keywords before index until, on a copy."""
        stack = [dataclasses.replace(block, patterns=list(block.patterns)) for block in self.stack]
        for block in stack:  # (a position is the line's: a `case` awaiting its pattern, an `if` its `then`, read here)
            block.start = 0 if block.start >= 0 else block.start
        text = _blanked(line)
        for found in _KEYWORD.finditer(text):
            if found.start() >= until:
                break
            word = found.group(1) or found.group(2) or found.group(3) or found.group(4)
            self._in_case_branch(stack, line, found.start(), bearing)
            top = stack[-1] if stack else None
            if word in ("if", "while", "until"):
                stack.append(Block(word, None, None, found.end()))
            elif word == "elif" and top is not None:
                # reached on a failure only where the `if` before it is not (and its own condition holds)
                top.kind, top.entered, top.start = "dead" if top.held is True else "elif", False, found.end()
            elif word == "then" and top is not None:
                held = condition_holds(line[top.start : found.start()], bearing, self.statuses)
                top.entered = False if top.kind == "dead" else held
                top.held = held if top.kind == "if" else True if top.kind == "dead" else None
            elif word == "do" and top is not None and top.kind != "for":
                top.entered = None  # a `while`'s or an `until`'s body
            elif word == "else" and top is not None:
                top.entered = None if top.held is None else not top.held
            elif word in ("fi", "done", "esac", "}") and stack:
                stack.pop()
            elif word == "for":
                stack.append(Block("for", True, None, found.end()))
            elif word == "case":
                stack.append(Block("case", False, None, -1, opened=found.end()))
            elif word == "in" and top is not None and top.kind == "case" and top.start < 0 and not top.patterns:
                top.start = found.end()
                top.subject = line[top.opened : found.start()].strip()
            elif word == ";;" and top is not None and top.kind == "case":
                top.entered, top.start = False, found.end()
            elif word.startswith("()"):
                stack.append(Block("function", None, None, found.end()))
            elif word == "{":
                stack.append(Block("group", True, None, found.end()))
        self._in_case_branch(stack, line, until, bearing)
        return stack

    def _in_case_branch(self, stack: list[Block], line: str, at: int, bearing: set[str]) -> None:
        """Where a `case` is read, the branch whose pattern stands before at on the line (`0 | 1)`)."""
        top = stack[-1] if stack else None
        if top is None or top.kind != "case" or top.start < 0:
            return
        start = top.start
        end = _PATTERN_END.search(_blanked(line), start, max(at, start))
        if end is not None:
            pattern = line[start : end.start()].lstrip(" \t(;")
            # a `case` of another word than the status: its branch is taken whatever the check gave (hunt 219)
            of_the_status = _PLAIN.fullmatch(top.subject.strip("\"'"))
            named = of_the_status and (of_the_status.group(1) or of_the_status.group(2))
            known = dict(self.statuses.pinned)
            if named in known:
                value = str(known[named])
                top.entered = _matched(value, pattern) and not any(_matched(value, old) for old in top.patterns)
            elif named in bearing:
                top.entered = branch_holds(pattern, top.patterns, self.statuses)
            else:
                top.entered = None
            top.patterns.append(pattern)
            top.start = -1  # in the branch, to its `;;`

    def at(self, line: str, position: int, bearing: set[str]) -> bool | None:
        """Whether what stands at position on the line is reached where the check failed: True, False (it is not),
        None (the reader cannot say)."""
        stack = self._events(line, bearing, position)
        text = _blanked(line)
        if _in_a_subshell(text[:position]):
            return False  # what a subshell's `exit` ends is the subshell: `( exit "$status" )`, `$(exit 1)`
        entered = [block.entered for block in stack]
        if False in entered:
            return False
        starts = [found.end() for found in _STATEMENT_START.finditer(text[:position])]
        start = starts[-1] if starts else 0
        operators = list(_LIST.finditer(text, start, position))
        own: bool | None = True
        if operators:
            last = operators[-1]
            lists = [found.end() for found in _LIST.finditer(text, start, last.start())]
            condition = line[lists[-1] if lists else start : last.start()]
            held = condition_holds(condition, bearing, self.statuses)
            wanted = last.group(0) == "&&"
            own = None if held is None else held == wanted
        if own is False:
            return False
        return None if None in entered or own is None else True

    def read(self, line: str, bearing: set[str]) -> None:
        """The blocks the line opens, parts and closes."""
        self.stack = self._events(line, bearing, len(line) + 1)


def _matched(value: str, pattern: str) -> bool:
    """Whether a `case` branch's patterns (`0 | 1`) take a value."""
    return any(fnmatch.fnmatchcase(value, part.strip().strip("\"'")) for part in pattern.split("|"))


def _in_a_subshell(before: str) -> bool:
    """Whether what follows a line's text before stands in a subshell: inside `(` or `$(` left open (not `((` of
    arithmetic), or after a pipe's `|` (each command of a pipeline runs in one) or a `&` that runs in the background."""
    plain = before.replace("((", "").replace("))", "")
    return plain.count("(") > plain.count(")") or _PIPED.search(before) is not None
