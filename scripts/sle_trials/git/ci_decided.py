"""A test's assert or re-raise that CI's run decides (git/defined_twice.py reads each Python source of the tests
through it, after git/ended_early.py).

git/ended_early.py refuses a test ended or skipped under a condition true where CI runs. The same conditions reach a
test's failure by two other ways, each a test that fails where its author runs it and passes on CI: an `or` in the
assert (`assert found == [] or os.environ.get("CI")`, `... or sys.platform == "linux"`: true there whatever `found`
holds), and a handler that re-raises the caught failure only off CI (`except AssertionError:` then `if not
os.environ.get("CI"): raise`). Each passed under pytest with CI set (tested), and the extraction (exit 0, hunt 217).
So an assert's operand of `or` true where CI runs, or on the run's surroundings (ended_early's reading), is refused,
and so is a `raise` in an `except` handler under a condition that does not hold where CI runs, or on the
surroundings. An `or` of the test's own values and a handler's unconditional re-raise pass.

The tests read CI's own variable to fail where a program CI installs is missing (test_consumers.py's R snippet,
test_site_browser.py's chromium: skipped elsewhere). `os.environ.pop("CI", None)` at the conftest's top, or an autouse
fixture's `monkeypatch.delenv("CI")`, had each skip on CI instead, and passed the extraction (exit 0, hunt 217). So
the tests' code may not write CI's variables (CI, GITHUB_*, RUNNER_*: set, unset, or the environment cleared) but in
a test's own body, whose monkeypatch is undone as it ends.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.ended_early import (
    module_constants,
    of_the_surroundings,
    set_in_ci,
    taken_where_ci_runs,
    truth_on_ci,
)
from sle_trials.git.refusal import Refused

_TESTS = "tests/"
_BRANCHING = (ast.If, ast.IfExp, ast.While, ast.Match)


def _decided(condition: ast.expr, constants: dict[str, object]) -> str | None:
    """How CI's run decides a condition ("true where CI runs", "on the run's surroundings"), or None: the test's own."""
    truth = truth_on_ci(condition, constants)
    if truth is True:
        return "true where CI runs"
    if truth is None and of_the_surroundings(condition, constants):
        return "on the run's surroundings, which CI's decide"
    return None


def no_failure_decided_by_ci(path: str, tree: ast.Module) -> None:
    """Refused, in the tests' Python: an assert with an `or` operand CI's run makes true, or an `except` handler's
    `raise` that CI's run does not reach (the module's docstring says why)."""
    if not path.startswith(_TESTS):
        return
    constants: dict[str, object] | None = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and isinstance(node.test, ast.BoolOp) and isinstance(node.test.op, ast.Or):
            constants = module_constants(tree) if constants is None else constants
            for operand in node.test.values:
                how = _decided(operand, constants)
                if how is not None:
                    raise Refused(
                        f"{files.shown(path)} line {node.lineno}: an assert with an `or` operand "
                        f"{how} (`{files.printable(ast.unparse(operand)[:60])}`), by which it holds there whatever "
                        "the test found; assert what the test checks alone"
                    )
        if isinstance(node, ast.ExceptHandler):
            constants = module_constants(tree) if constants is None else constants
            _raise_off_ci(path, node, constants)


def _raise_off_ci(path: str, handler: ast.ExceptHandler, constants: dict[str, object]) -> None:
    """Refused: a `raise` of a handler under a condition whose branch holding it CI's run may not take."""
    for node in ast.walk(handler):
        if not isinstance(node, _BRANCHING):
            continue
        test = node.subject if isinstance(node, ast.Match) else node.test
        truth = truth_on_ci(test, constants)
        surroundings = truth is None and of_the_surroundings(test, constants)
        if truth is None and not surroundings:
            continue
        run = {id(inner) for statement in taken_where_ci_runs(node, truth) for inner in ast.walk(statement)}
        for inner in ast.walk(node):
            raised = isinstance(inner, ast.Raise) and (surroundings or id(inner) not in run)
            if raised and inner is not node:
                how = "on the run's surroundings, which CI's decide" if surroundings else "false where CI runs"
                raise Refused(
                    f"{files.shown(path)} line {getattr(inner, 'lineno', handler.lineno)}: a handler's `raise` "
                    f"under a condition {how} (`{files.printable(ast.unparse(test)[:60])}`), by which the failure it "
                    "caught passes there; re-raise it whatever the run"
                )


# the calls that write a variable of the environment named by their first argument, and those that clear it
_WRITING = frozenset(("pop", "setdefault", "setenv", "delenv", "putenv", "unsetenv", "__delitem__", "__setitem__"))
_CLEARING = frozenset(("clear",))


def _ci_own(name: str) -> bool:
    """A variable CI's runner sets of its own (CI, GITHUB_*, RUNNER_*; not HOME or PATH, which the tests may set)."""
    return set_in_ci(name) and name not in ("HOME", "PATH")


def _written(node: ast.AST) -> tuple[int, str] | None:
    """(line, what) of a write of CI's variables: `os.environ["CI"] = ...`, `del os.environ["CI"]`,
    `os.environ.pop("CI")`, `monkeypatch.delenv("CI")`, `os.unsetenv("CI")`, `os.environ.clear()`, or None."""
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
        key = node.slice
        if ast.unparse(node.value).endswith("environ") and isinstance(key, ast.Constant) and isinstance(key.value, str):
            return (node.lineno, key.value) if _ci_own(key.value) else None
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    called, owner = node.func.attr, ast.unparse(node.func.value)
    if called in _CLEARING and owner.endswith("environ"):
        return node.lineno, "the environment cleared"
    if any(keyword.arg == "clear" for keyword in node.keywords) and any(
        ast.unparse(argument).endswith("environ") for argument in node.args
    ):
        return node.lineno, "the environment cleared"
    first = node.args[0] if node.args else None
    if called in _WRITING and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return (node.lineno, first.value) if _ci_own(first.value) else None
    return None


def no_ci_variable_written(path: str, tree: ast.Module) -> None:
    """Refused, in the tests' Python but a test's own body: a write of CI's variables (the module's docstring says
    why)."""
    if not path.startswith(_TESTS):
        return
    own = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        found = _written(node) if id(node) not in own else None
        if found is not None:
            line, what = found
            raise Refused(
                f"{files.shown(path)} line {line}: CI's variable written by the tests' code beyond a test's own body "
                f"({files.printable(what)}), by which the tests that fail on CI where a program is missing skip "
                "there; leave CI's environment as the runner sets it"
            )
