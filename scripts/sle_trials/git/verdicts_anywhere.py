"""A test's or the run's verdict written by any code of the tests, and a hook bound by a name it is not defined
under (git/hook_writes.py reads each of the tests' Python sources through it).

The rules of hooks (git/uncollected.py) read the functions named `pytest_...` of one module, and what they call by
name in it: a hook handing its report to a function imported from another module of the tests (`from helpers import
passed`, `def pytest_runtest_logreport(report): passed(report)` in tests/conftest.py, `def passed(report):
report.outcome = "passed"` in tests/helpers.py), by `helpers.passed(report)`, or a hook that is no `def` of its name
(`pytest_runtest_logreport = functools.partial(passed, word="passed")`, `pytest_pyfunc_call = ran`, `from helpers
import ran as pytest_pyfunc_call`, `@pytest.hookimpl(specname="pytest_pyfunc_call")`, `globals()["pytest_..."] =
ran`) had its verdict written by code no rule of hooks read, and passed (exit 0, hunt 213). The tests need none of
it, so the class is closed where it is written, in any module of the tests and whatever calls it:

- no code of the tests but a test module's (whose own objects may have an `outcome`: hunt 210; pytest runs no hook
  of a test module, and the code around every test reaches none, git/around_elsewhere.py) binds a verdict's name
  (`outcome`, `exitstatus`, `longrepr`, `wasxfail`) of any object, nor
  forces a hook wrapper's result, nor writes an object's names through its namespace (`vars(report)[...]`,
  `report.__dict__.update(...)`, `__setattr__`) or by a name built as it runs (`setattr(report, "out" + "come",
  ...)`; monkeypatch's by a name held in a variable, as the tests patch the package's modules by a loop, is left to
  git/patched_by_the_tests.py);
- nor does the package, whose functions the code around every test may call (`report.outcome = "passed"` in
  scripts/sle_trials/outputs/passing.py, called by the conftest's hook, passed: hunt 213), nor does it import
  pytest's modules or mark a test;
- a hook is a `def` of its own name: no module of the tests binds a `pytest_...` name otherwise (an assignment, an
  import's alias), names a hook by `specname`, or writes its own names through `globals()`.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.code_text import python_tree
from sle_trials.git.refusal import Refused

# a test's or the run's verdict, which pytest reports in place of what ran (hunt 210: `report.outcome = "passed"`
# in a hook; `session.exitstatus = 0` in pytest_sessionfinish)
VERDICTS = frozenset(("outcome", "exitstatus", "longrepr", "wasxfail"))
# a hook wrapper's result forced (pluggy's Result)
FORCING = frozenset(("force_result", "force_exception"))
_SETTERS = frozenset(("setattr", "delattr", "__setattr__", "__delattr__"))
_NAMESPACES = frozenset(("vars", "__dict__"))
# what writes a mapping's items: the namespace's, once it is one
_MAPPING_WRITERS = frozenset(("update", "setdefault", "__setitem__", "__delitem__", "pop", "popitem", "clear"))
_HOOK_PREFIX = "pytest_"
_TEST_MODULE_PREFIX = "test_"
_TEST_MODULE_SUFFIX = "_test.py"
_PACKAGE = "scripts/"
# what the package need not name of pytest's: its modules, a test's marks, and a test's or the run's verdict
_PYTEST = frozenset(("pytest", "_pytest", "pluggy", "xdist"))
_MARKING = frozenset(("add_marker", "applymarker"))
_SPECNAME = "specname"
_GLOBALS = "globals"
# the names the tests bind that pytest reads, not a hook's (git/uncollected.py refuses pytest_plugins by its rule)
_NOT_HOOKS = frozenset(("pytest_plugins",))


def no_verdict_written(path: str, tree: ast.Module, run_state: frozenset[str]) -> None:
    """Refused, in any code of the tests: a verdict's name (or one of run_state's, by which pytest runs a test)
    bound, a wrapper's result forced, or an object's names written through its namespace by a name built as it runs,
    or by a name built as it runs (the module's docstring says why)."""
    name = path.rpartition("/")[2]
    # a test module's own objects may have an outcome (hunt 210); nothing around every test reaches them
    # (git/around_elsewhere.py), and pytest runs no hook of a test module
    own = name.startswith(_TEST_MODULE_PREFIX) or name.endswith(_TEST_MODULE_SUFFIX)
    guarded = run_state if own else VERDICTS | run_state
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        names = _bound_attributes(node)
        if isinstance(node, ast.Call):
            called = _called(node.func)
            if called in FORCING:
                _refuse(path, line, f"calling `{called}`, which forces a hook's result in place of what ran; remove it")
            if called in _SETTERS and _built_name(node, called, node.func):
                _refuse(path, line, f"{called}() of {_BUILT}; write the attribute by its name")
            if isinstance(node.func, ast.Attribute) and called in _MAPPING_WRITERS and _namespace(node.func.value):
                names += _keys_written(path, line, node)
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                if isinstance(target, ast.Subscript) and _namespace(target.value):
                    names.append(_key(path, line, target.slice))
        for name in names:
            if name in guarded:
                _refuse(
                    path,
                    line,
                    f"binding `{name}`, a test's or the run's verdict or a name by which pytest runs a test or counts "
                    "what ran, which pytest reports in place of what ran; remove it",
                )


_BUILT = "a name built as it runs, which no rule reads as the name it writes (a test's verdict: `outcome`)"


def _keys_written(path: str, line: int, call: ast.Call) -> list[str]:
    """The names a namespace's method writes (`__dict__.pop("whole_fields", None)`: a cached property cleared), each
    a string as written."""
    method = _called(call.func)
    if method == "update":
        if call.args or any(keyword.arg is None for keyword in call.keywords):
            _refuse(path, line, f"writing an object's names through its namespace by {_BUILT}; write them by name")
        return [keyword.arg for keyword in call.keywords if keyword.arg]
    if not call.args:
        _refuse(path, line, f"writing an object's names through its namespace by {_BUILT}; write them by name")
    return [_key(path, line, call.args[0])]


def _key(path: str, line: int, key: ast.expr) -> str:
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return key.value
    _refuse(path, line, f"writing an object's names through its namespace by {_BUILT}; write them by name")
    return ""


def no_test_machinery_in_the_package(path: str, data: bytes | None) -> None:
    """Refused, in the package (whose functions the code around every test may call, git/around_elsewhere.py):
    importing pytest's modules, marking a test, binding a verdict's name, forcing a wrapper's result.
    `report.outcome = "passed"` in a function of scripts/sle_trials/outputs/, which the conftest's
    `pytest_runtest_logreport` called, passed (exit 0, hunt 213). The package does none of it."""
    if (
        data is None
        or not path.startswith(_PACKAGE)
        or not any(word.encode() in data for word in (*VERDICTS, *FORCING, *_MARKING, *_PYTEST))
    ):
        return
    tree = python_tree(data)
    if tree is None:
        return  # left to fail where it runs
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        said = ""
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in _PYTEST for a in node.names):
            said = "importing pytest's modules"
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _PYTEST and not node.level:
            said = "importing pytest's modules"
        elif isinstance(node, ast.Call) and _called(node.func) in FORCING | _MARKING:
            said = f"calling `{_called(node.func)}`, which marks a test or forces a hook's result"
        elif names := [name for name in _bound_attributes(node) if name in VERDICTS]:
            said = f"binding `{names[0]}`, a test's or the run's verdict"
        if said:
            raise Refused(
                f"{files.shown(path)} line {line}: the package {said}, which a hook of the tests may call to report "
                "another verdict than the run's, where no rule of hooks reads it; the package has no part in pytest's"
            )


def no_hook_bound_otherwise(path: str, tree: ast.Module) -> None:
    """Refused, in the tests: a hook's name bound otherwise than by a `def` of it, a hook named by `specname`, and
    a module's names written through `globals()` (the module's docstring says why). A function's own names are no
    hook's (pluggy reads a module's), but those it declares `global`."""
    module_level = {id(node) for node in _module_level(tree)}
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        bound: list[str] = [name for name in node.names] if isinstance(node, ast.Global) else []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.NamedExpr)) and id(node) in module_level:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = [t.id for target in targets for t in ast.walk(target) if isinstance(t, ast.Name)]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound = [alias.asname for alias in node.names if alias.asname and alias.asname != alias.name]
        elif isinstance(node, ast.ClassDef) and node.name.startswith(_HOOK_PREFIX):
            bound = [node.name]
        for name in bound:
            if name.startswith(_HOOK_PREFIX) and name not in _NOT_HOOKS:
                _refuse(
                    path,
                    line,
                    f"`{name}` bound otherwise than by a `def` of it, a hook pytest runs whose code "
                    "is another function's, which no rule of hooks reads as the hook; define the hook by its name",
                )
        if isinstance(node, ast.keyword) and node.arg == _SPECNAME:
            _refuse(
                path,
                getattr(node, "lineno", 0),
                "a hook named by `specname`, which pytest runs as the hook it names, a function no rule "
                "of hooks reads as one; define the hook by its name",
            )
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == _GLOBALS:
            _refuse(
                path,
                line,
                "`globals()`, by which a module binds names (a hook's) no rule reads as bound; bind "
                "them by a statement",
            )


def _module_level(tree: ast.Module) -> list[ast.AST]:
    """The module's nodes outside its functions and classes."""
    found: list[ast.AST] = []
    waiting: list[ast.AST] = [tree]
    while waiting:
        node = waiting.pop()
        found.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            waiting += ast.iter_child_nodes(node)
    return found


def _bound_attributes(node: ast.AST) -> list[str]:
    """The attribute names a statement binds or deletes, and those a setter call names as written."""
    names: list[str] = []
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        names = [
            t.attr
            for target in targets
            for t in ast.walk(target)
            if isinstance(t, ast.Attribute) and isinstance(t.ctx, (ast.Store, ast.Del))
        ]
    elif isinstance(node, ast.Call) and _called(node.func) in _SETTERS and node.args:
        # (obj, "name", value), or monkeypatch's ("module.name", value)
        named = node.args[1] if len(node.args) > 2 or not _dotted(node.args[0]) and len(node.args) > 1 else node.args[0]
        if isinstance(named, ast.Constant) and isinstance(named.value, str):
            names = [named.value.rpartition(".")[2]]
    return names


def _called(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _built_name(call: ast.Call, called: str, func: ast.expr) -> bool:
    """Whether a setter's name is built as it runs: any but a string as written for a bare `setattr(obj, name)`
    (the tests have none), an expression (`"out" + "come"`, an f-string, a call) for monkeypatch's."""
    if len(call.args) < 2:
        return False
    name = call.args[1]
    if isinstance(name, ast.Constant):
        return False
    bare = isinstance(func, ast.Name) or called.startswith("__")
    return bare or not isinstance(name, ast.Name) and not (len(call.args) == 2 and _dotted(call.args[0]))


def _dotted(node: ast.expr) -> bool:
    """monkeypatch.setattr("package.module.NAME", value): a dotted name as written, then the value."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _namespace(node: ast.expr) -> bool:
    """`vars(obj)`, `obj.__dict__`."""
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id in _NAMESPACES
    return isinstance(node, ast.Attribute) and node.attr in _NAMESPACES


def _refuse(path: str, line: int, said: str) -> None:
    raise Refused(f"{files.shown(path)} line {line}: the tests {files.printable(said)}")
