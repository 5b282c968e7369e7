"""Code that sets the exit status of the process it runs in past what ran (git/extract.py reads each file of the
code through it).

CI reads one number of each step: its exit status. Python's `os._exit(0)` ends the process at once with the status
it is given, past every `finally`, the run's own status and its report: `atexit.register(os._exit, 0)` in
tests/conftest.py had pytest print "1 failed" and exit 0 (tested), and the same in a module of the package, once
merged, would have `trials check` exit 0 over every problem it prints, in the trusted check too. pytest's own
`pytest.exit("...", returncode=0)` in a hook ended the run with status 0 before any test ran, and `sys.exit(0)` in
a `pytest_sessionfinish` or `pytest_unconfigure` hook replaced a failed run's status (tested); bash's `trap "exit
0" EXIT` in a CI script, after `set -e` stopped it at a failing command, exited 0 (tested). Each passed the
extraction (exit 0, hunt 211). The repository does none of this: its scripts end by `raise SystemExit(main())`, and
its tests' `atexit` removes a folder.
"""

from __future__ import annotations

import ast
import re

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import logical_lines, numbered_lines
from sle_trials.patterns import lazy

# the modules whose `_exit` ends the process (os's, and the platform's module it is taken from)
_EXITING_MODULES = frozenset(("os", "posix", "nt"))
# what ends the run from a pytest hook with a status of its own (sys.exit, the site builtins, SystemExit)
_EXITS = frozenset(("exit", "quit"))
_HOOK_PREFIX = "pytest_"
_TESTS = "tests/"


def _forced(node: ast.AST, in_hook: bool) -> str | None:
    """What node does to the exit status, or None."""
    if isinstance(node, ast.Attribute) and node.attr == "_exit":
        return "os._exit(), which ends the process with the status it is given, past the run's own"
    if isinstance(node, ast.ImportFrom) and any(alias.name == "_exit" for alias in node.names):
        return "os._exit imported, which ends the process with the status it is given, past the run's own"
    if isinstance(node, ast.Call):
        func = node.func
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if owner == "pytest" and name == "exit":
            return "pytest.exit(), which ends the run with the status it is given, whatever ran"
        if in_hook and name in _EXITS and owner in (None, "sys"):
            return f"{name}() in a pytest hook, which ends the run with its status in place of the run's"
    if in_hook and isinstance(node, ast.Raise) and node.exc is not None and "SystemExit" in ast.unparse(node.exc):
        return "SystemExit raised in a pytest hook, which ends the run with its status in place of the run's"
    return None


def no_exit_status_forced(path: str, data: bytes, tree: ast.Module) -> None:
    """Refused, in a Python source: `os._exit`, `pytest.exit()`, and in the tests a pytest hook calling `sys.exit`
    or raising SystemExit (the module's docstring says why)."""
    hooked = path.startswith(_TESTS) and b"def pytest_" in data
    named = b"_exit" in data or b"pytest.exit" in data
    exiting = b"exit" in data or b"Exit" in data
    if not named and not (exiting and (b"from pytest import" in data or hooked)):
        return  # (read first: few sources name an exit)
    hooks = [
        node
        for node in ast.walk(tree)
        if path.startswith(_TESTS)
        and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.name.startswith(_HOOK_PREFIX)
    ]
    in_hooks = {id(inner) for hook in hooks for inner in ast.walk(hook)}
    for node in ast.walk(tree):
        said = _forced(node, id(node) in in_hooks)
        if said is not None:
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 1)}: {said}: CI reads that status as the "
                "step's verdict; let the run end with its own"
            )


# a trap's command, where a command starts (a line's start, after `;`, `&&`, `||`, `|`, `(`, `{`, `then`, `do`,
# `else`, or a workflow's `run:`), with the rest of the line (its action and its signals)
_TRAP = lazy(r"(?m)(?:^|[;&|({:]|\b(?:then|do|else))[ \t]*trap[ \t]+(.*)$")
_EXIT_WORD = lazy(r"\bexit\b")
# a function's definition (its name put between these), with its body up to its first `}`
_FUNCTION = (r"(?m)(?:^|[;&|({][ \t]*)(?:function[ \t]+)?", r"[ \t]*(?:\(\)[ \t]*)?\{(?P<body>[^}]*)\}")


def no_exit_in_a_trap(path: str, data: bytes | None) -> None:
    """Refused, in a file of the code but Python: a shell `trap` whose action exits, or calls a function of the
    file that does (`trap "exit 0" EXIT`, `trap done EXIT` with `done() { exit 0; }`): bash runs it as the script
    ends, after `set -e` stopped it at a failing command too, and exits with the trap's status (the module's
    docstring). A trap that cleans up (`trap 'rm -rf "$tmp"' EXIT`) keeps the script's status, and passes."""
    if data is None or b"trap" not in data:
        return
    text = data.decode("utf-8", "replace")
    # each logical line (`trap \\` then `'exit 0' EXIT` is one: hunt 221)
    for line, logical in numbered_lines(text):
        match = _TRAP.search(logical)
        if match is None or logical[: match.start()].lstrip().startswith("#"):
            continue  # (none, or a comment)
        action = match.group(1)
        words = re.findall(r"[A-Za-z_][\w-]*", action)
        bodies = [found.group("body") for word in words for found in re.finditer(re.escape(word).join(_FUNCTION), text)]
        if _EXIT_WORD.search(action) or any(_EXIT_WORD.search(body) for body in bodies):
            raise Refused(
                f"{files.shown(path)} line {line}: a trap whose action exits (`trap "
                f"{files.printable(action[:60])}`), by which bash ends the script with the trap's status in place "
                "of the failing command's; let the script end with its own"
            )


# make's ways to go on past a failing step and exit 0: a recipe line's `-` prefix, the `.IGNORE` target, the `-i`
# option (`--ignore-errors`, a letter of MAKEFLAGS' first word, `make -si`); and a workflow's step or job whose
# failure GitHub counts as a success
_IGNORE_TARGET = lazy(r"(?m)^\.IGNORE[ \t]*:")
_MAKE_OPTIONS = lazy(r"(?:\bmake|\$[({]MAKE[)}])((?:[ \t]+-[^\s;|&]*)+)")
_MAKE_FLAGS = lazy(r"\b(?:GNU)?MAKEFLAGS[ \t]*[:+?!]?=[ \t]*[\"']?([^\n\"']*)")
_CONTINUE_ON_ERROR = lazy(r"(?m)^[ \t-]*continue-on-error[ \t]*:[ \t]*(?![ \t]*(?:false\b|#|$))")
_WORKFLOW_FILES = (".yml", ".yaml")


def _ignoring(options: list[str], letters_first: bool) -> bool:
    """Whether make's options (words) hold -i: `-i`, `-si`, `--ignore-errors`, or a first word of letters alone
    (MAKEFLAGS' way of writing single-letter options)."""
    for n, word in enumerate(options):
        if word == "--ignore-errors" or (word.startswith("-") and not word.startswith("--") and "i" in word[1:]):
            return True
        if n == 0 and letters_first and word.isalpha() and "i" in word:
            return True
    return False


def _failure_passed(path: str, text: str, makefile: bool) -> tuple[int, str] | None:
    """Where a file of the code has make or GitHub pass a failing step, with how, or None."""
    lines = text.splitlines()
    for n, _ in logical_lines(lines):
        line = lines[n]  # (a recipe line's prefix is on its first line: git/shell_lines.py)
        if makefile and line.startswith("\t"):
            prefix = re.match(r"[@+\- \t]*", line[1:])
            if prefix is not None and "-" in prefix.group(0):
                return n + 1, "a recipe line led by `-`, whose failure make ignores, going on to exit 0"
    if makefile and (found := _IGNORE_TARGET.search(text)) is not None:
        return text.count("\n", 0, found.start()) + 1, "the target .IGNORE, by which make ignores failing steps"
    for found in _MAKE_OPTIONS.finditer(text):
        if _ignoring(found.group(1).split(), letters_first=False):
            return text.count("\n", 0, found.start()) + 1, "make run with -i, which ignores failing steps"
    for found in _MAKE_FLAGS.finditer(text):
        if _ignoring(found.group(1).split(), letters_first=True):
            return text.count("\n", 0, found.start()) + 1, "MAKEFLAGS given -i, by which make ignores failing steps"
    if path.endswith(_WORKFLOW_FILES) and (found := _CONTINUE_ON_ERROR.search(text)) is not None:
        return text.count("\n", 0, found.start()) + 1, "`continue-on-error`, by which GitHub counts a failure a success"
    return None


def no_failure_passed(path: str, data: bytes | None, makefile: bool) -> None:
    """Refused, in a file of the code but Python: a failing step make or GitHub goes past to a success (a
    recipe's `-`, `.IGNORE`, `make -i`, MAKEFLAGS' `i`, `continue-on-error`). `-.venv/bin/python -m pytest` in the
    Makefile's `test` recipe, `.IGNORE:` at its end, `MAKEFLAGS += -i`, `make -i test` in .ci/run and a step's
    `continue-on-error: true` each had a failing suite's job pass (make: tested), and passed (exit 0, hunt 211).
    The repository's make runs every step to its status, and its workflows count each."""
    if data is None or not any(word in data for word in (b"\t", b"IGNORE", b"make", b"MAKE", b"continue-on-error")):
        return
    found = _failure_passed(path, data.decode("utf-8", "replace"), makefile)
    if found is not None:
        raise Refused(f"{files.shown(path)} line {found[0]}: {found[1]}; let a failing step fail the run")
