"""The package patched by the tests' code that runs for every test (git/defined_twice.py reads each test module
through it).

The tests patch the package on purpose, each test for itself (pytest's monkeypatch, undone as the test ends), and
git/bound_elsewhere.py leaves them to do so. But pytest imports every test module as it collects them, before any
test runs, and runs tests/conftest.py's autouse fixtures around every test: a module's top-level
`strict.check = lambda record: []` (or `setattr(strict, "check", ...)`, `pytest.MonkeyPatch().setattr(...)`) in
`tests/test_notes.py` had every test of the session run against the checker it gives (tested: another module's
test of a checker that finds nothing passed), as does an autouse fixture of the conftest patching it; a module of
tests of the checker then passes whatever the checker does, and each passed (exit 0, hunt 211). So the tests'
module-level code (a class's body too, and a def's decorators and defaults) binds no name of the package, and an
autouse fixture of tests/conftest.py patches one only with a function of its own that calls the original (the
repository's: a memo of the fingerprint, the schema's validator and the installed modules, each the original's
answer, once).

A test module's own autouse fixture (or a class's) runs around each of its tests as the conftest's runs around every
test, far from the tests a reviewer reads: `monkeypatch.setattr(strict, "check", lambda record: [])` in one at the
top of a module of tests of the checker had each of them test the stub, and passed (exit 0, hunt 214). So every
autouse fixture of the tests is held to the conftest's rule.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from sle_trials import files
from sle_trials.git.bound_elsewhere import no_name_bound_in
from sle_trials.git.refusal import Refused

_TESTS = "tests/"
_CONFTEST = "tests/conftest.py"
_PACKAGE = "sle_trials"
# pytest's monkeypatch (and unittest.mock's patch.object) bind a name of the object given them first
_PATCHERS = frozenset(("setattr", "delattr", "object"))


def _package_names(nodes: list[ast.AST]) -> set[str]:
    """The names nodes' imports bind to the package or a module or a name of it."""
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(
                alias.asname or alias.name.split(".")[0] for alias in node.names if alias.name.split(".")[0] == _PACKAGE
            )
        elif isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] == _PACKAGE:
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _run_as_loaded(tree: ast.Module) -> list[ast.AST]:
    """The nodes a module runs as it is imported: its statements, a class's body, a def's decorators, defaults and
    annotations, not a def's or a lambda's body."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stack.extend(node.decorator_list)
            stack.extend(d for d in (*node.args.defaults, *node.args.kw_defaults) if d is not None)
        elif isinstance(node, ast.Lambda):
            stack.extend(d for d in (*node.args.defaults, *node.args.kw_defaults) if d is not None)
        else:
            stack.extend(ast.iter_child_nodes(node))
    return out


def _patched(call: ast.Call, held: set[str]) -> bool:
    """Whether a call patches a name of the package: `monkeypatch.setattr(strict, ...)`, `patch.object(strict,
    ...)`, or a target given by its dotted name, `monkeypatch.setattr("sle_trials.checks.strict.check", ...)`."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in _PATCHERS or not call.args:
        return False
    first = call.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value.split(".")[0] == _PACKAGE
    # the object by a name of the package's anywhere in it: `strict.rules`, `getattr(checks, "strict")`, or by its
    # module's dotted name, `sys.modules["sle_trials.checks.strict"]` (hunt 214)
    return any((isinstance(node, ast.Name) and node.id in held) or _names_the_package(node) for node in ast.walk(first))


def _names_the_package(node: ast.AST) -> bool:
    """Whether a node is a string naming a module of the package (`"sle_trials.checks.strict"`)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.split(".")[0] == _PACKAGE


def _given_the_package(nodes: Sequence[ast.AST]) -> set[str]:
    """The names nodes bind to what a module's dotted name of the package's gives (`target =
    importlib.import_module("sle_trials.checks.strict")`, `sys.modules[...]`), which a patch of them patches."""
    return {
        target.id
        for node in nodes
        if isinstance(node, ast.Assign) and any(_names_the_package(inner) for inner in ast.walk(node.value))
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def autouse(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a fixture is used by every test (`autouse=` anything but a false constant)."""
    return any(
        isinstance(decorator, ast.Call)
        and any(
            k.arg == "autouse" and not (isinstance(k.value, ast.Constant) and not k.value.value)
            for k in decorator.keywords
        )
        for decorator in function.decorator_list
    )


def _calls_the_original(function: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call) -> bool:
    """Whether a fixture's patch (call) gives a def of the fixture's own that calls the name it replaces, kept
    before: `fingerprint = cache.fingerprint`, a def calling `fingerprint(...)`, then `monkeypatch.setattr(cache,
    "fingerprint", remembered)`."""
    if len(call.args) < 3 or not isinstance(call.args[2], ast.Name) or not isinstance(call.args[1], ast.Constant):
        return False
    target, name, given = ast.unparse(call.args[0]), call.args[1].value, call.args[2].id
    kept: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            pairs = (
                zip(node.targets[0].elts, node.value.elts)
                if isinstance(node.targets[0], ast.Tuple) and isinstance(node.value, ast.Tuple)
                else [(node.targets[0], node.value)]
            )
            kept.update(
                t.id
                for t, v in pairs
                if isinstance(t, ast.Name)
                and isinstance(v, ast.Attribute)
                and v.attr == name
                and ast.unparse(v.value) == target
            )
    defs = [node for node in function.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    wrapper = next((node for node in defs if node.name == given), None)
    return wrapper is not None and any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in kept
        for node in ast.walk(wrapper)
    )


def no_package_patched_for_every_test(path: str, data: bytes, tree: ast.Module) -> None:
    """Refused: a test module's code run as pytest imports it binding a name of the package, and an autouse fixture
    of tests/conftest.py patching one otherwise than with a function of its own calling the original (the module's
    docstring says why)."""
    if not path.startswith(_TESTS):
        return
    loaded = _run_as_loaded(tree)
    held = _package_names(loaded)
    named = any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.startswith(_PACKAGE) for n in loaded
    )
    if held or named:  # (a module whose loading names no module of the package patches none: most of them)
        _none_bound_as_loaded(path, loaded, held)
    if b"autouse" in data:  # the conftest's, and a test module's own around its tests (hunt 214)
        _fixtures_patch_by_memo_alone(path, tree, held)


def _none_bound_as_loaded(path: str, loaded: list[ast.AST], held: set[str]) -> None:
    try:
        no_name_bound_in(path, loaded, held)
    except Refused as refused:
        raise Refused(f"{refused}; in a test module's code run as pytest collects it, for every test") from None
    for node in loaded:
        if isinstance(node, ast.Call) and _patched(node, held):
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: a name of the package patched as pytest collects the "
                "tests, for every test of the session; patch it within a test (monkeypatch)"
            )


def _fixtures_patch_by_memo_alone(path: str, tree: ast.Module, held: set[str]) -> None:
    for function in ast.walk(tree):  # a class's autouse fixtures too, around each of its tests
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not autouse(function):
            continue
        inner = list(ast.walk(function))
        own = held | _package_names(inner) | _given_the_package(inner) | _given_the_package(tree.body)
        no_name_bound_in(path, inner, own)
        for node in inner:
            if isinstance(node, ast.Call) and _patched(node, own) and not _calls_the_original(function, node):
                whose = "every test" if path == _CONFTEST else "every test of its module (or class)"
                raise Refused(
                    f"{files.shown(path)} line {node.lineno}: an autouse fixture ({function.name}) patching a name "
                    f"of the package for {whose}, with other than a function of its own calling the original; "
                    "patch it within the tests that need it"
                )
