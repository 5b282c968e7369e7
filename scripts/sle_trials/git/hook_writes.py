"""What a test runs, rewritten by the tests' code that runs around every test (git/uncollected.py reads each of the
tests' Python sources through it, after its rules of hooks).

pytest runs a test as its item says: `item.obj` is the function it calls, `item.runtest` the call, `item.funcargs`
the arguments it gives it. A pytest hook is handed those objects (an item, the items, the session), and an autouse
fixture of tests/conftest.py reaches them (`request.node`); whatever it binds of them is what runs in the test's
place. `item.obj = lambda **kwargs: None` for each item of the repository's own `pytest_collection_modifyitems`,
`item.runtest = lambda: None` in `pytest_itemcollected`, and an autouse fixture's `request.node.obj = ...` had a
failing test pass and pytest exit 0 (tested: "1 passed"), with or without xdist, and each passed (exit 0, hunt
212). Hunts 210 and 211 refused the hooks that report another verdict and those that excuse a test, by the names
they write (`outcome`, `exitstatus`) or call (`skip`); these bind another name, and report the verdict of what
they put in the test's place.

So a hook, or an autouse fixture of the conftest, binds no attribute of, nor an item in, what pytest hands it or
what it reaches from there or from the module's names (a loop over them, a name given one); what it makes itself
it may fill. xdist's `workeroutput`, by which a worker hands the controller its data, and a module's own table
(`_GATHERED[kind] = ...`, the repository's mutation scores) may be given items; the package's names are
git/patched_by_the_tests.py's to read. The repository's hooks order the tests, read the run and report it.

Nor may any code of the tests bind a name of pytest's own (of `pytest`, `_pytest`, `pluggy`, xdist): the line
`pytest.Function.runtest = lambda self: None` at the top of tests/conftest.py, or of a test module (which pytest
imports as it collects, before any test runs), had every test run nothing and pass, and pytest exit 0 (tested), and
passed (exit 0, hunt 212). The tests need none of it.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.around_elsewhere import no_fixture_made_otherwise, no_other_test_module_reached
from sle_trials.git.patched_by_the_tests import autouse
from sle_trials.git.refusal import Refused
from sle_trials.git.verdicts_anywhere import VERDICTS, no_hook_bound_otherwise, no_verdict_written

_TESTS = "tests/"
_CONFTEST = "tests/conftest.py"
_HOOK_PREFIX = "pytest_"
_WORKER_OUTPUT = "workeroutput"  # xdist's channel from a worker to the controller, a dict the hook fills
_SETTERS = frozenset(("setattr", "delattr", "__setattr__", "__delattr__"))
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# the names by which pytest runs a test and counts what ran (an item's function, its call and its arguments, the
# session's counts, a fixture's cached value): bound anywhere in the tests, by a helper a hook imports from another
# module of them too (`fast(item)`, `def fast(test): test.runtest = print` in tests/helpers.py, which the rule of
# hooks, reading one module, does not follow: hunt 212). A report's `outcome` is no such name: a test's own object
# may have one (hunt 210), and a hook writing a report's is refused by git/uncollected.py.
_RUN_STATE = frozenset(("obj", "runtest", "funcargs", "testsfailed", "testscollected", "cached_result"))
# the package, whose names the tests patch (git/patched_by_the_tests.py holds them to that)
_PACKAGE = "sle_trials"
# pytest and what it runs a test through: the plugin system, xdist's workers
_PYTEST = frozenset(("pytest", "_pytest", "pluggy", "xdist"))


def _imported_from(tree: ast.AST, tops: frozenset[str] | None) -> set[str]:
    """The names a source's imports (anywhere in it) bind to a module of tops (None: of any) or a name of one, and
    the names given one of those (`F = pytest.Function`)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {
                a.asname or a.name.split(".")[0] for a in node.names if tops is None or a.name.split(".")[0] in tops
            }
        elif isinstance(node, ast.ImportFrom) and (tops is None or (node.module or "").split(".")[0] in tops):
            if tops is None or not node.level:
                names |= {alias.asname or alias.name for alias in node.names}
    assigned = [
        (node.targets if isinstance(node, ast.Assign) else [node.target], node.value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and node.value is not None
    ]
    while more := {
        name
        for targets, value in assigned
        if _root(value) in names
        for target in targets
        for name in _bound_names(target) - names
    }:
        names |= more
    return names


def _root(node: ast.expr) -> str | None:
    """The name an attribute's chain starts from (`a` of `a.b.c`, `a.b[0]`, `a.b().c`), or None."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _bound_names(target: ast.expr) -> set[str]:
    """The names a binding's target binds (`a`, `a, *b`; not those of `a[k]` or `a.b`, which bind none)."""
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, ast.Starred):
        return _bound_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return {name for element in target.elts for name in _bound_names(element)}
    return set()


def _worker_output(value: ast.expr) -> bool:
    """`session.config.workeroutput`, `getattr(config, "workeroutput", None)`."""
    if isinstance(value, ast.Attribute):
        return value.attr == _WORKER_OUTPUT
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "getattr"
        and len(value.args) > 1
        and isinstance(value.args[1], ast.Constant)
        and value.args[1].value == _WORKER_OUTPUT
    )


def _handed(function: ast.FunctionDef | ast.AsyncFunctionDef, imported: set[str]) -> tuple[set[str], set[str]]:
    """(the names of a function that may hold what pytest handed it: its parameters, the names it does not bind
    itself (the module's, but those imported: imported, the names no import of pytest's binds), and those given a
    value reached from them; the names given the worker's output)."""
    arguments = function.args
    given = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
    given |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
    bound: list[tuple[ast.expr, ast.expr]] = []  # (target, the value it is given)
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            bound += [(target, node.value) for target in node.targets]
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
            bound.append((node.target, node.value))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            bound.append((node.target, node.iter))
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            bound += [(item.optional_vars, item.context_expr) for item in node.items if item.optional_vars]
    local = {name for target, _ in bound for name in _bound_names(target)} | imported
    outputs = {target.id for target, value in bound if isinstance(target, ast.Name) and _worker_output(value)}
    used = _names(function) - {function.name}
    handed = given | (used - local)
    while more := {
        name
        for target, value in bound
        if _names(value) & handed and not _worker_output(value)
        for name in _bound_names(target) - handed
    }:
        handed |= more
    return handed - outputs, outputs


def _written(node: ast.AST) -> list[tuple[ast.expr, bool]]:
    """What a statement or a call binds an attribute or an item of: (the object, whether an item)."""
    if isinstance(node, (ast.Assign, ast.Delete)):
        targets = node.targets
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        targets = [node.target]
    elif isinstance(node, ast.Call) and node.args:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return [(node.args[0], False)] if name in _SETTERS else []
    else:
        return []
    spread = [t for target in targets for t in ast.walk(target) if isinstance(t, (ast.Attribute, ast.Subscript))]
    return [(t.value, isinstance(t, ast.Subscript)) for t in spread if isinstance(t.ctx, (ast.Store, ast.Del))]


def no_test_rewritten_around_it(path: str, data: bytes, tree: ast.Module) -> None:
    """Refused, in the tests: a pytest hook (of any module of them) or an autouse fixture of tests/conftest.py that
    binds an attribute of, or an item in, an object pytest handed it; and any code binding a name of pytest's own
    (the module's docstring says why)."""
    if not path.startswith(_TESTS):
        return
    _no_pytest_rebound(path, tree)
    if b"def pytest_" in data or (path == _CONFTEST and b"autouse" in data):  # (most test modules hold neither)
        _no_hook_rewriting(path, tree)
        # (code whose work no rule of hooks reads: hunt 213)
        no_other_test_module_reached(path, tree, around(path, tree), VERDICTS | _RUN_STATE)
    _no_run_state_bound(path, tree)  # (after the hooks' rule, which says more of a hook)
    no_verdict_written(path, tree, _RUN_STATE)  # by a helper of another module too (hunt 213)
    no_hook_bound_otherwise(path, tree)
    if path == _CONFTEST:  # (after the rules of what its hooks do, which say more)
        no_fixture_made_otherwise(path, tree)  # (the autouse fixtures' rules read its defs: hunt 213)
    elif b"fixture" in data:  # a module's own fixtures, around each of its tests (hunt 214)
        no_fixture_made_otherwise(path, tree, conftest=False)


def _no_hook_rewriting(path: str, tree: ast.Module) -> None:
    """Refused: a hook, an autouse fixture of the conftest or a function of the module they call binding what pytest
    handed it (no_test_rewritten_around_it), or reaching a name built as it runs."""
    package = _imported_from(tree, frozenset((_PACKAGE,)))
    imported = _imported_from(tree, None) - _imported_from(tree, _PYTEST)
    module = package | {
        t.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        for t in [target]
        if isinstance(t, ast.Name)
    }
    for function in around(path, tree):
        handed, outputs = _handed(function, imported)
        for node in ast.walk(function):
            _no_name_built(path, function, node)
            for owner, item in _written(node):
                if not _names(owner) & handed or _root(owner) in package:
                    continue
                if item and isinstance(owner, ast.Name) and (owner.id in module or owner.id in outputs):
                    continue  # a table of the module's own, or the worker's output
                if item and _worker_output(owner):
                    continue
                raise Refused(
                    f"{files.shown(path)} line {getattr(node, 'lineno', function.lineno)}: {function.name} binding "
                    f"{'an item in' if item else 'an attribute of'} {files.printable(ast.unparse(owner)[:60])}, "
                    "reached from what pytest hands it, which runs around every test: what it binds there (an "
                    "item's `obj`, `runtest`, `funcargs`) runs in a test's place; leave pytest's objects as they are"
                )


def _no_name_built(path: str, function: ast.FunctionDef | ast.AsyncFunctionDef, node: ast.AST) -> None:
    """Refused, around every test: `getattr` of a name built as it runs (`getattr(config, "plugin" + "manager")`),
    by which it reaches what no rule here reads by its name."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"):
        return
    if len(node.args) > 1 and not (isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
        raise Refused(
            f"{files.shown(path)} line {node.lineno}: {function.name} reaching a name built as it runs "
            f"({files.printable(ast.unparse(node)[:60])}), which runs around every test: no rule of what it does "
            "there reads the name; write it as it is"
        )


def around(path: str, tree: ast.Module, every_autouse: bool = False) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions that run around every test: the hooks, the conftest's autouse fixtures, and the module's
    functions they name, as deep as the names go (`def pytest_itemcollected(item): fast(item)` hands the item to
    `fast`, which a rule of hooks alone never read), by an attribute too (a method: `Lax().go(items)`, `Lax.go`), the
    methods of a class they name (`Lax()(items)`), and a lambda given a name they name (`GO = lambda items: ...`),
    read as a function of that name: a hook calling any of them to mark each item xfail passed (exit 0, hunt 213).
    every_autouse: every module's autouse fixtures too (a class's as well), which run around every test of their
    module or class (git/excused.py: hunt 214)."""
    functions = [node for node in ast.walk(tree) if isinstance(node, _FUNCTIONS)]
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    body: list[ast.stmt] = [ast.copy_location(ast.Return(node.value.body), node.value)]
                    made = ast.FunctionDef(name=target.id, args=node.value.args, body=body, decorator_list=[])
                    functions.append(ast.copy_location(made, node))
    found = [
        f for f in functions if f.name.startswith(_HOOK_PREFIX) or ((path == _CONFTEST or every_autouse) and autouse(f))
    ]
    while True:
        named = {
            node.id if isinstance(node, ast.Name) else node.attr
            for function in found
            for node in ast.walk(function)
            if isinstance(node, (ast.Name, ast.Attribute))
        }
        methods = [m for c in classes if c.name in named for m in c.body if isinstance(m, _FUNCTIONS)]
        more = [f for f in functions if (f.name in named or f in methods) and f not in found]
        if not more:
            return found
        found += more


def _no_pytest_rebound(path: str, tree: ast.Module) -> None:
    """Refused: the tests' code binding an attribute of pytest's modules or of a name imported from them (setattr,
    monkeypatch's too, and by a dotted name: `monkeypatch.setattr("_pytest.python.Function.runtest", ...)`)."""
    if not any(isinstance(node, (ast.Import, ast.ImportFrom)) for node in ast.walk(tree)):
        return
    names = _imported_from(tree, _PYTEST)
    for node in ast.walk(tree):
        owners = [owner for owner, _ in _written(node)]
        if isinstance(node, ast.Call) and node.args and _setter(node.func):
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value.split(".")[0] in _PYTEST:
                    names = names | {first.value}
                    owners.append(ast.Name(first.value))
        for owner in owners:
            if _root(owner) in names:
                raise Refused(
                    f"{files.shown(path)} line {getattr(node, 'lineno', 0)}: the tests binding "
                    f"{files.printable(ast.unparse(owner)[:60])}'s names, pytest's own, by which it runs every test "
                    "otherwise than its code a reviewer reads (`Function.runtest`); leave pytest as it is"
                )


def _setter(func: ast.expr) -> bool:
    return (func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "") in _SETTERS


def _no_run_state_bound(path: str, tree: ast.Module) -> None:
    """Refused: the tests' code binding one of _RUN_STATE's names of any object (`test.runtest = print`,
    `setattr(test, "obj", ...)`)."""
    for node in ast.walk(tree):
        names = [
            t.attr
            for target in (
                node.targets
                if isinstance(node, (ast.Assign, ast.Delete))
                else [node.target]
                if isinstance(node, (ast.AugAssign, ast.AnnAssign))
                else []
            )
            for t in ast.walk(target)
            if isinstance(t, ast.Attribute) and isinstance(t.ctx, (ast.Store, ast.Del))
        ]
        if isinstance(node, ast.Call) and _setter(node.func) and len(node.args) > 1:
            given = node.args[1]
            names += [given.value] if isinstance(given, ast.Constant) and isinstance(given.value, str) else []
        for name in names:
            if name in _RUN_STATE:
                raise Refused(
                    f"{files.shown(path)} line {getattr(node, 'lineno', 0)}: the tests binding `{name}`, by which "
                    "pytest runs a test or counts what ran (an item's function, call or arguments, the session's "
                    "counts, a fixture's cached value): what is bound there runs or counts in a test's place; remove it"
                )
