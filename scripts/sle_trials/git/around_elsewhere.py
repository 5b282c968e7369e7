"""What runs around every test, reaching code of another module of the tests (git/hook_writes.py asks it of the
functions that run around every test: the hooks, the conftest's autouse fixtures, the module's functions they call).

Each rule of what a hook may do (git/uncollected.py, git/skipped.py's marks, git/exit_status.py, git/hook_writes.py)
reads the hook, and the functions of its own module it calls, one module at a time. A hook or an autouse fixture of
tests/conftest.py calling a function of tests/helpers.py (`from helpers import lax`) had that function do what the
rules refuse of a hook, and passed (exit 0, hunt 213): `item.add_marker(pytest.mark.xfail)` for each item of
pytest_collection_modifyitems (a failing test reported xfailed, pytest exiting 0), `pytest.skip()` or
`pytest.xfail()` in an autouse fixture, `raise pytest.skip.Exception` in pytest_runtest_setup, `sys.exit(0)` in
pytest_sessionfinish. So the code that runs around every test names nothing of another module of the tests (a
module no environment of the project installs: the standard library, the package, pytest and the distributions
installed are read as theirs); it is written where the rules of hooks read it. The repository's hooks reach
nothing of the tests' other modules.
"""

from __future__ import annotations

import ast
import sys

from sle_trials import files
from sle_trials.git.import_roots import DEPENDENCY_MODULES, LIBRARY, installed_modules
from sle_trials.git.refusal import Refused

_TESTS_PACKAGE = "tests"  # `from tests.helpers import lax`, where tests/ is a package
# what reaches a module by a name as it runs (`importlib.import_module("helpers")`, `__import__`, `sys.modules[...]`),
# whose functions the code around every test then calls: `importlib.import_module("helpers").lax(items)` passed (exit
# 0, hunt 213). The repository's hooks import the package's modules so to read their constants, and read a table of
# tests/mutations.py from `sys.modules`; they call none of their functions.
_IMPORTERS = frozenset(("import_module", "__import__"))
_MODULES = "modules"
_READS = frozenset(("getattr", "hasattr"))


def no_other_test_module_reached(
    path: str, tree: ast.Module, around: list[ast.FunctionDef | ast.AsyncFunctionDef], guarded: frozenset[str]
) -> None:
    """Refused: a function of around naming a name the module imports from another module of the tests (or a name
    given one), importing one itself, calling a function of a module reached as it runs, or handing a call one of
    guarded's names (a verdict's, `outcome`) as written: `put(report, "outcome", "passed")`, put a function of the
    package's that sets the attribute it is given, passed (exit 0, hunt 213); reading it (`getattr`) passes."""
    if not around:
        return
    elsewhere = _from_the_tests(tree)
    for function in around:
        reached = _reached_as_it_runs(function)
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and node.id in elsewhere:
                named = node.id
            elif isinstance(node, ast.Call) and (handed := _handed(node, guarded)):
                named = f"{ast.unparse(node.func)}() handed {handed!r}"
            elif (
                isinstance(node, ast.Call)
                and not _lookup(node)
                and (_dynamic(node.func) or _root(node.func) in reached)
            ):
                named = ast.unparse(node.func)
            elif isinstance(node, (ast.Import, ast.ImportFrom)) and _of_the_tests(node):
                named = ast.unparse(node)
            else:
                continue
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: {function.name}, which runs around every test, reaching "
                f"{files.printable(named[:60])}: code of another module of the tests, of a module reached by a name as "
                "it runs, or handed a verdict's name, where no rule of hooks reads what it does (a mark that excuses a "
                "test, a verdict, an exit); write it in this module"
            )


def _dynamic(node: ast.expr) -> bool:
    """Whether an expression reaches a module by a name as it runs (_IMPORTERS' calls, `sys.modules`)."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            func = inner.func
            if (func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "") in (
                _IMPORTERS
            ):
                return True
        if isinstance(inner, ast.Attribute) and inner.attr == _MODULES:
            return True
    return False


def _handed(call: ast.Call, guarded: frozenset[str]) -> str:
    """The first of guarded's names a call is handed as written (but a read's: `getattr(report, "outcome")`)."""
    if isinstance(call.func, ast.Name) and call.func.id in _READS:
        return ""
    for given in [*call.args, *(keyword.value for keyword in call.keywords)]:
        if isinstance(given, ast.Constant) and isinstance(given.value, str) and given.value in guarded:
            return given.value
    return ""


def _lookup(call: ast.Call) -> bool:
    """`sys.modules.get(name)`: the module looked up, none of its functions called."""
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "get"
        and isinstance(func.value, ast.Attribute)
        and (func.value.attr == _MODULES)
    )


def _root(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _reached_as_it_runs(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The names a function gives a module reached as it runs (`module = importlib.import_module(name)`)."""
    return {
        target.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and _dynamic(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _known_roots() -> set[str]:
    return set(sys.stdlib_module_names) | DEPENDENCY_MODULES | installed_modules() | {LIBRARY}


def _of_the_tests(node: ast.Import | ast.ImportFrom, known: set[str] | None = None) -> bool:
    """Whether an import names a module of the tests: a relative one, `tests.`..., or one no environment installs."""
    if isinstance(node, ast.ImportFrom) and node.level:
        return True
    roots = {alias.name.split(".")[0] for alias in node.names} if isinstance(node, ast.Import) else set()
    if isinstance(node, ast.ImportFrom):
        roots = {(node.module or "").split(".")[0]}
    known = _known_roots() if known is None else known
    return any(root == _TESTS_PACKAGE or root not in known for root in roots)


def _from_the_tests(tree: ast.Module) -> set[str]:
    """The names the module's imports of the tests' other modules bind, and the names given one of those (`lax =
    helpers.lax`), as deep as the assignments go."""
    known = _known_roots()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and _of_the_tests(node, known):
            if isinstance(node, ast.Import):
                names |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
            else:
                names |= {alias.asname or alias.name for alias in node.names}
    assigned = [
        (node.targets if isinstance(node, ast.Assign) else [node.target], node.value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and node.value is not None
    ]
    while more := {
        t.id
        for targets, value in assigned
        if {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} & names
        for target in targets
        for t in ast.walk(target)
        if isinstance(t, ast.Name) and t.id not in names
    }:
        names |= more
    return names


_FIXTURE = "fixture"


def no_fixture_made_otherwise(path: str, tree: ast.Module, conftest: bool = True) -> None:
    """Refused, in the conftest: importing from another module of the tests at its top, naming pytest's `fixture`
    but as a `def`'s decorator, or giving that decorator its options from a mapping. pytest takes every fixture a
    conftest's names hold: `from helpers import lax` (lax an autouse fixture of tests/helpers.py applying an xfail
    mark), `lax = pytest.fixture(autouse=True)(mark)`, a decorator `functools.partial(pytest.fixture,
    autouse=True)` and `@pytest.fixture(**OPTS)` each ran around every test where no rule of autouse fixtures read
    it, and passed (exit 0, hunt 213). Not conftest: another module of the tests, whose autouse fixtures run around
    each of its tests (hunt 214), where pytest's `fixture` (by that name: `fixture` may name a test's input there)
    named but as a def's decorator, or given its options from a mapping, is refused alike; its imports are its
    tests' helpers, and a fixture it imports is read where it is defined."""
    known = _known_roots()
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "pytest"
        for alias in node.names
        if alias.name == _FIXTURE
    }

    def pytests(node: ast.AST) -> bool:  # pytest's `fixture` itself (in the conftest, any name `fixture`)
        if isinstance(node, ast.Attribute):
            of_pytest = isinstance(node.value, ast.Name) and node.value.id == "pytest"
            return node.attr == _FIXTURE and (conftest or of_pytest)
        return isinstance(node, ast.Name) and (node.id == _FIXTURE if conftest else node.id in imported)

    decorating: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                made = decorator.func if isinstance(decorator, ast.Call) else decorator
                decorating.add(id(made))
                mapped = isinstance(decorator, ast.Call) and any(k.arg is None for k in decorator.keywords)
                if mapped and (conftest or pytests(made)):
                    _refuse_made(path, decorator.lineno, "a decorator given its options from a mapping", conftest)
    for node in tree.body if conftest else []:
        if isinstance(node, (ast.Import, ast.ImportFrom)) and _of_the_tests(node, known):
            _refuse_made(
                path, node.lineno, f"`{ast.unparse(node)[:60]}`, importing from another module of the tests", conftest
            )
    for node in ast.walk(tree):
        if pytests(node) and id(node) not in decorating:
            _refuse_made(
                path, getattr(node, "lineno", 0), "pytest's `fixture` named but as a `def`'s decorator", conftest
            )


def _refuse_made(path: str, line: int, said: str, conftest: bool = True) -> None:
    whose = (
        "the conftest holds a fixture (one used by every test)"
        if conftest
        else ("the module holds a fixture (one used by every test of it)")
    )
    raise Refused(
        f"{files.shown(path)} line {line}: {files.printable(said)}, by which {whose} that no rule of its autouse "
        "fixtures reads; define each fixture here, by a `def` under `@pytest.fixture(...)`"
    )
