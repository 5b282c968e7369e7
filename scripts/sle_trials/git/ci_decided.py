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
a test's own body, whose monkeypatch is undone as it ends. A variable's name is read as the strings written for it
(joined: `"C" + "I"`; a name bound so in the function or the module, or looped over a literal or a module's dict of
them, as the conftest's GIT_ENV); one named as the code runs may be CI's, and is refused: an autouse fixture's
`monkeypatch.delenv(request.param)` over `params=["CI"]` unset CI for every test, and passed (exit 0, hunt 218).
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


def _named(key: ast.expr) -> str | None:
    """The name of a variable as written: a string, or strings joined by `+` or an f-string (`"C" + "I"`), or
    None where it is named at run time (a variable, a call)."""
    if isinstance(key, ast.Constant):
        return key.value if isinstance(key.value, str) else None
    if isinstance(key, ast.BinOp) and isinstance(key.op, ast.Add):
        left, right = _named(key.left), _named(key.right)
        return left + right if left is not None and right is not None else None
    if isinstance(key, ast.JoinedStr):
        parts = [_named(value) for value in key.values]
        return "".join(part for part in parts if part is not None) if None not in parts else None
    if isinstance(key, ast.FormattedValue):
        return _named(key.value) if key.conversion == -1 and key.format_spec is None else None
    return None


def _strings(node: ast.expr, bound: dict[str, set[str] | None]) -> set[str] | None:
    """The strings a name is bound to, or that a loop over node gives (a literal of strings, a dict's keys, a name
    bound so, `.items()` or `.keys()` of one), or None where one is not written out."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("items", "keys"):
        node = node.func.value
    if isinstance(node, ast.Name):
        return bound.get(node.id)
    items = node.keys if isinstance(node, ast.Dict) else node.elts if isinstance(node, (ast.List, ast.Tuple)) else None
    if items is None:
        name = _named(node)
        return {name} if name is not None else None
    names = [_named(item) if item is not None else None for item in items]
    return {name for name in names if name is not None} if None not in names else None


def _bindings(scope: ast.AST, base: dict[str, set[str] | None]) -> dict[str, set[str] | None]:
    """The strings each name of a scope (a module's own statements, or a function's) may hold as a variable's name,
    where every binding of it writes them out (`name = "C" + "I"`, `GIT_ENV = {...}` then `for name, value in
    GIT_ENV.items()`), or None; a function's names over base, its module's."""
    bound: dict[str, set[str] | None] = {}
    pending: list[ast.AST] = [scope]
    nodes: list[ast.AST] = []
    while pending:  # (breadth first, in order: a name bound of another bound before it)
        node = pending.pop(0)
        nodes.append(node)
        if node is scope or not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            pending.extend(ast.iter_child_nodes(node))
    for argument in ast.walk(scope.args) if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)) else []:
        if isinstance(argument, ast.arg):
            bound[argument.arg] = None
    for node in nodes:
        pairs: list[tuple[ast.expr, set[str] | None]] = []
        seen = {**base, **bound} if isinstance(node, (ast.Assign, ast.For, ast.AsyncFor, ast.comprehension)) else {}
        if isinstance(node, ast.Assign):
            pairs = [(target, _strings(node.value, seen)) for target in node.targets]
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            target = node.target.elts[0] if isinstance(node.target, ast.Tuple) and node.target.elts else node.target
            pairs = [(target, _strings(node.iter, seen))]
        for target, strings in pairs:
            if isinstance(target, ast.Name):
                known = bound.get(target.id, set()) if target.id in bound else set()
                bound[target.id] = known | strings if known is not None and strings is not None else None
    return {**base, **bound}


def _ci_written(line: int, key: ast.expr, bound: dict[str, set[str] | None]) -> tuple[int, str] | None:
    """(line, what) where a variable written is CI's, or named at run time (it may be: `os.environ[name] = ""` with
    `name = "C" + "I"` unset CI for every test, hunt 218), or None."""
    name = _named(key)
    names = {name} if name is not None else _strings(key, bound) if isinstance(key, ast.Name) else None
    if names is None:
        return line, f"a variable named at run time, `{files.printable(ast.unparse(key)[:40])}`"
    return next(((line, name) for name in sorted(names) if _ci_own(name)), None)


def _may_write(node: ast.AST) -> bool:
    """Whether a node is of a form _written reads (its variables' names are worked out for these alone)."""
    if isinstance(node, ast.Subscript):
        return isinstance(node.ctx, (ast.Store, ast.Del))
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    return node.func.attr in _WRITING | _CLEARING or any(keyword.arg == "clear" for keyword in node.keywords)


def _written(node: ast.AST, bound: dict[str, set[str] | None]) -> tuple[int, str] | None:
    """(line, what) of a write of CI's variables: `os.environ["CI"] = ...`, `del os.environ["CI"]`,
    `os.environ.pop("CI")`, `monkeypatch.delenv("CI")`, `os.unsetenv("CI")`, `os.environ.clear()`, or one named
    at run time, or None."""
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
        if ast.unparse(node.value).endswith("environ"):
            return _ci_written(node.lineno, node.slice, bound)
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
    if called not in _WRITING or first is None:
        return None
    if _named(first) is None and not owner.endswith("environ") and not called.endswith("env"):
        return None  # (`found.pop(i)`: a container's, not the environment's)
    return _ci_written(node.lineno, first, bound)


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
    module = _bindings(tree, {})
    scopes: dict[int, ast.AST] = {}
    for node in ast.walk(tree):  # (each node's innermost function: a nested one is walked after its own)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            scopes.update((id(inner), node) for inner in ast.walk(node))
    bound_in: dict[int, dict[str, set[str] | None]] = {}
    for node in ast.walk(tree):
        if id(node) in own or not _may_write(node):
            continue
        scope = scopes.get(id(node))
        if scope is not None and id(scope) not in bound_in:
            bound_in[id(scope)] = _bindings(scope, module)
        found = _written(node, bound_in[id(scope)] if scope is not None else module)
        if found is not None:
            line, what = found
            raise Refused(
                f"{files.shown(path)} line {line}: CI's variable written by the tests' code beyond a test's own body "
                f"({files.printable(what)}), by which the tests that fail on CI where a program is missing skip "
                "there; leave CI's environment as the runner sets it"
            )
