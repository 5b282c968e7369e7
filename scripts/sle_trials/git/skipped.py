"""A test that skips itself on a module no environment of the project installs (git/extract.py reads each test
module through it).

pytest reports a skipped test in its summary and exits 0: CI's `make test` passes. `pytest.importorskip("yamll")`
at a test module's top (or `@pytest.mark.skipif(importlib.util.find_spec("mypyy") is None, ...)`) skips its tests
in every environment, the name one letter off a module the tests use where they may do without it (the
repository's importorskip of markdown_it, its skipif of mypy); a module of failing tests so marked passed (exit 0,
hunt 210), and pytest ran none of them (tested). A module the standard library, the package, an installed
distribution or one `make test` installs provides (import_roots.DEPENDENCY_MODULES) is one a test may skip on.

So is an executable: `pytestmark = pytest.mark.skipif(not shutil.which("gti"), reason="needs git")` over a module
of failing tests skipped them in every run (hunt 211), the name one letter off the `git` 32 tests skip without.
What a test looks up with `shutil.which` must be found where the check runs (CI's runner, the tests' too) or be
one of the programs the tests do without outside CI (_OPTIONAL_PROGRAMS).
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import shutil
import sys

from sle_trials import files
from sle_trials.git.built_names import constants_of, text_of
from sle_trials.git.code_text import python_tree
from sle_trials.git.import_roots import DEPENDENCY_MODULES, LIBRARY, installed_modules
from sle_trials.git.refusal import Refused

_TESTS = "tests/"
# the calls by which a test skips itself where a module cannot be imported (or found), or a program found
_SKIPPING_ON = frozenset(("importorskip", "find_spec", "find_loader"))
_LOOKING_UP = "which"
# the programs a test may do without where the check runs (a developer's machine, the review's job): R for
# data.md's snippet (ci.yml installs r-base-core), a browser for the site's layout (the runner's google-chrome)
_OPTIONAL_PROGRAMS = frozenset(("Rscript", "chromium", "chromium-browser", "google-chrome"))


def _numbers(version: str) -> tuple[int, ...]:
    """A version's leading numbers (`8.3.4` -> (8, 3, 4); `2.0rc1` -> (2, 0))."""
    out: list[int] = []
    for part in version.split("."):
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        out.append(int(digits.group()))
        if digits.group() != part:
            break
    return tuple(out)


def _no_version_beyond_the_installed(path: str, node: ast.Call, name: str, constants: dict[str, str]) -> None:
    """Refused: `pytest.importorskip(module, minversion=...)` asking for a version beyond the one installed where
    the check runs: `pytest.importorskip("hypothesis", minversion="999")` at a module's top skipped its tests in
    every run, a module the environment holds (tested), and passed (exit 0, hunt 217)."""
    given = [keyword.value for keyword in node.keywords if keyword.arg == "minversion"] + node.args[1:2]
    wanted = text_of(given[0], constants) if given else None
    if wanted is None:
        return
    owners = importlib.metadata.packages_distributions().get(name.partition(".")[0], [])
    versions = [_numbers(importlib.metadata.version(owner)) for owner in owners]
    if versions and all(version < _numbers(wanted) for version in versions):
        raise Refused(
            f"{files.shown(path)} line {node.lineno}: a test skipping on the module {files.printable(name)!r} below "
            f"version {files.printable(wanted)!r}, beyond the one installed where the check runs: pytest skips its "
            "tests in every run of this environment, and CI passes; ask for a version the environment holds"
        )


def environment_holds(module: str) -> bool:
    """Whether an environment of the project holds a module (a dotted name by its top), as the check reads it."""
    top = module.partition(".")[0]
    return top in sys.stdlib_module_names or top in DEPENDENCY_MODULES or top == LIBRARY or top in installed_modules()


def no_test_skipped_on_no_module(path: str, data: bytes | None) -> None:
    """Refused: a test's Python naming, to skip on (pytest.importorskip, importlib.util.find_spec), a top-level
    module that no environment of the project holds (the module's docstring says why)."""
    words = (*_SKIPPING_ON, _LOOKING_UP + "(")  # ("which" alone is a word of most modules' prose)
    if data is None or not path.startswith(_TESTS) or not any(word.encode() in data for word in words):
        return
    tree = python_tree(data)
    if tree is None:
        return  # left to fail where it runs
    known: set[str] | None = None
    constants = constants_of(list(ast.walk(tree)))
    for node in ast.walk(tree):
        func = node.func if isinstance(node, ast.Call) else None
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if called not in (*_SKIPPING_ON, _LOOKING_UP) or not isinstance(node, ast.Call) or not node.args:
            continue
        name = text_of(node.args[0], constants)
        if name is None or name.startswith("."):
            continue  # a name built from what runs, or a relative one: read as the code it is
        if called == _LOOKING_UP:
            if name not in _OPTIONAL_PROGRAMS and shutil.which(name) is None:
                raise Refused(
                    f"{files.shown(path)} line {node.lineno}: a test looking up the program "
                    f"{files.printable(name)!r}, which is not found where the check runs: a test skipping without "
                    "it is skipped in every run, and CI passes; name a program the tests' environment holds"
                )
            continue
        if known is None:
            known = set(sys.stdlib_module_names) | DEPENDENCY_MODULES | installed_modules() | {LIBRARY}
        _no_version_beyond_the_installed(path, node, name, constants)
        if name.partition(".")[0] not in known:
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: a test skipping on the module {files.printable(name)!r}, "
                "which no environment of the project holds: pytest skips its tests in every run, and CI passes; "
                "name a module the tests' environment installs"
            )
