"""A test a reviewer reads that pytest never runs: a test module or class pytest is told to leave uncollected, or a
test class it cannot collect (git/extract.py reads each test module through it)."""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.refusal import Refused

# what pytest collects by its name (its defaults, which pyproject.toml keeps): modules, classes
_TEST_MODULE_PREFIX, _TEST_MODULE_SUFFIX, _TEST_CLASS = "test_", "_test.py", "Test"
# the attribute by which pytest leaves a module, a class or a function uncollected when it is false
_COLLECTED = "__test__"
# a class's own constructors, for which pytest collects none of its tests (a warning in the summary alone)
_CONSTRUCTORS = frozenset(("__init__", "__new__"))
_BINDS = (ast.AnnAssign, ast.AugAssign)


def test_module(path: str) -> bool:
    folder, _, name = path.rpartition("/")
    name = files.folded(name)
    return (folder + "/").startswith("tests/") and (
        (name.startswith(_TEST_MODULE_PREFIX) and name.endswith(".py")) or name.endswith(_TEST_MODULE_SUFFIX)
    )


def no_test_left_uncollected(path: str, data: bytes | None) -> None:
    """Refused: a test module that binds `__test__` (pytest collects no test of a module, a class or a function whose
    `__test__` is false, and says nothing), or a test class (`Test...`) with its own `__init__` or `__new__` (pytest
    collects none of its tests, a warning in the summary alone). A pull request adding `__test__ = False` at the end
    of a test module of the checker's passed (exit 0), its review one line: pytest ran none of the module's tests,
    and reported no failure of a test that fails (tested), so CI's `make test` vouched for code no test then read.
    The repository binds no `__test__` and its tests are functions."""
    if data is None or not test_module(path) or (_COLLECTED.encode() not in data and b"class " not in data):
        return
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return  # left to fail where it runs
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, _BINDS) else []
        named = {
            t.id if isinstance(t, ast.Name) else t.attr
            for target in targets
            for t in ast.walk(target)
            if isinstance(t, (ast.Name, ast.Attribute)) and isinstance(t.ctx, ast.Store)
        }
        setter = isinstance(node, ast.Call) and any(
            isinstance(arg, ast.Constant) and arg.value == _COLLECTED for arg in node.args
        )
        if _COLLECTED in named or setter:
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 0)}: `{_COLLECTED}` bound in a test module, by "
                "which pytest collects none of the tests it is false for, and says nothing; remove it"
            )
        if isinstance(node, ast.ClassDef) and node.name.startswith(_TEST_CLASS):
            for statement in node.body:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name in _CONSTRUCTORS:
                    raise Refused(
                        f"{files.shown(path)} line {statement.lineno}: the test class {node.name} with its own "
                        f"{statement.name}, of which pytest collects no test (a warning alone); name it otherwise, "
                        "or set its tests up in a fixture"
                    )
