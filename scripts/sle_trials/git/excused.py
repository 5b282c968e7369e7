"""Tests skipped or excused by the tests' code that runs around every test (git/defined_twice.py reads each test
module through it).

pytest reports a skipped or an expected-to-fail test in its summary and exits 0. A test skips itself where what it
needs is missing (git/skipped.py holds that to a module or a program the environment holds); but a pytest hook or
an autouse fixture of tests/conftest.py runs around every test, and what it skips or excuses is every test, whatever
the test says: `def pytest_runtest_setup(item): pytest.skip("slow")`, an autouse fixture's `pytest.xfail(...)`, and
`item.add_marker(pytest.mark.xfail)` for each item of `pytest_collection_modifyitems` (or of
`pytest_itemcollected`) had a suite of failing tests exit 0 (tested: "1 xfailed"), and each passed (exit 0, hunt
211). Hunt 210 refused the hooks that report another verdict than the run's; these report the verdict they give.
The repository's hooks order the tests and report the run; its marks stand on the tests they mark.

A test module's own autouse fixture runs around each of its tests (a class's, around each of the class's) as the
conftest's runs around every test, far from the tests a reviewer reads: `@pytest.fixture(autouse=True) def
lax(request): request.applymarker(pytest.mark.xfail)` at the top of a module of failing tests had each of them
"xfailed" and pytest exit 0 (tested), and passed (exit 0, hunt 214). So every autouse fixture of the tests is read
so; a module's `pytestmark` is its own mark, read at its top as a test's decorator is read over it.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.hook_writes import around
from sle_trials.git.refusal import Refused

_TESTS = "tests/"
_CONFTEST = "tests/conftest.py"
_HOOK_PREFIX = "pytest_"
# pytest's calls that end a test as skipped or expected to fail, and the marks that make it so
_EXCUSING_CALLS = frozenset(("skip", "xfail", "importorskip"))
_EXCUSING_MARKS = frozenset(("skip", "skipif", "xfail"))
_MARKING = frozenset(("add_marker", "applymarker"))


def _excusing(node: ast.AST) -> str | None:
    """What a call does to the test it runs around, or None."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None
    if name in _EXCUSING_CALLS and owner in ("pytest", None):
        return f"pytest.{name}()"
    if name in _MARKING and node.args:
        marked = node.args[0]
        words = {n.attr for n in ast.walk(marked) if isinstance(n, ast.Attribute)} | {
            n.value for n in ast.walk(marked) if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
        if words & _EXCUSING_MARKS:
            return f"{name}() of a mark {sorted(words & _EXCUSING_MARKS)[0]}"
    return None


def no_test_excused_for_every_test(path: str, data: bytes, tree: ast.Module) -> None:
    """Refused, in the tests: a pytest hook (of any module of them, which a plugin or the conftest runs) or an
    autouse fixture (of tests/conftest.py, or of a test module or class, around each of its tests) that skips or
    excuses a test (the module's docstring says why)."""
    if not path.startswith(_TESTS) or (b"def pytest_" not in data and b"autouse" not in data):
        return  # (read first: most test modules hold neither)
    hooked = {(function.name, function.lineno) for function in around(path, tree)}  # (a lambda's made anew each call)
    # and what they call of the module's (hunt 213); a module's autouse fixtures too (hunt 214)
    for function in around(path, tree, every_autouse=True):
        whose = "every test" if (function.name, function.lineno) in hooked else "every test of its module (or class)"
        for node in ast.walk(function):
            said = _excusing(node)
            if said is not None and isinstance(node, ast.Call):
                raise Refused(
                    f"{files.shown(path)} line {node.lineno}: {said} in {function.name}, which runs around {whose}: "
                    "pytest reports the tests it skips or excuses and exits 0, whatever they do; mark the tests "
                    "themselves"
                )
