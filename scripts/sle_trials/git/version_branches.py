"""Code under a condition mypy decides by its settings, not by the Python that runs it (git/extract.py reads each
Python source through it, with the tree's settings of mypy).

mypy reads `sys.version_info` and `sys.platform` as its settings give them (pyproject.toml's python_version 3.11,
the platform it runs on), and `PY2`/`PY3` as Python 2 and 3: a branch it so takes as never run it checks no line
of (mypy's reachability.py). CI's Python 3.11 runs the branch mypy reads; a reviewer's Python 3.12 (which
requires-python allows), a macOS clone, or CI once it moves to a newer Python, runs the other: `if
sys.version_info >= (3, 12):` over a `def check(...) -> list[str]` returning a string had mypy say "Success"
(tests/test_attacks_pr_hunt210.py), and passed (exit 0). `PY2 = True` then `if PY2:` over a def ran it in every
Python. Hunts 194 and 209 pass such a branch of imports or values (`MODE = 'new'` / `MODE = 'old'`, a
platform's separator): a compat import brings a module mypy checks in its own file, a value has no line to
check. So the branch mypy skips may hold those, and nothing else (a def, a class, a call, a loop).
"""

from __future__ import annotations

import ast
import sys
import tomllib
from typing import NamedTuple

from sle_trials import files
from sle_trials.git.code_text import python_tree
from sle_trials.git.refusal import Refused


class MypySees(NamedTuple):
    """The Python version and platform mypy takes a tree's code to run on (its settings, or the running ones)."""

    version: tuple[int, int]
    platform: str


def mypy_sees(pyproject: bytes | None) -> MypySees:
    """What pyproject.toml's [tool.mypy] says mypy checks the code as (python_version, platform); where it says
    nothing, mypy takes the Python and platform it runs on."""
    running = MypySees((sys.version_info[0], sys.version_info[1]), sys.platform)
    try:
        settings = tomllib.loads((pyproject or b"").decode("utf-8")).get("tool", {}).get("mypy", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, AttributeError):
        return running
    if not isinstance(settings, dict):
        return running
    version, platform = settings.get("python_version"), settings.get("platform")
    major, _, minor = str(version).partition(".")
    return MypySees(
        (int(major), int(minor)) if major.isdigit() and minor.isdigit() else running.version,
        platform if isinstance(platform, str) else running.platform,
    )


def _sys(node: ast.expr, name: str) -> bool:
    """`sys.<name>`, as mypy reads it (an attribute of a name `sys`, never `from sys import ...`)."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == name
        and isinstance(node.value, ast.Name)
        and (node.value.id == "sys")
    )


def _ints(node: ast.expr) -> int | tuple[int, ...] | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if not isinstance(node, ast.Tuple):
        return None
    items = [item.value for item in node.elts if isinstance(item, ast.Constant) and type(item.value) is int]
    return tuple(items) if len(items) == len(node.elts) else None


def _version_part(node: ast.expr) -> int | tuple[int, int] | None:
    """Which part of sys.version_info node reads: an index, or a slice (lo, hi); None: no such read."""
    if _sys(node, "version_info"):
        return (0, 2)
    if not isinstance(node, ast.Subscript) or not _sys(node.value, "version_info"):
        return None
    index = node.slice
    if isinstance(index, ast.Constant) and type(index.value) is int:
        return index.value
    if isinstance(index, ast.Slice) and (index.step is None or _ints(index.step) == 1):
        lo, hi = (_ints(index.lower) if index.lower else 0), (_ints(index.upper) if index.upper else 2)
        return (lo, hi) if isinstance(lo, int) and isinstance(hi, int) else None
    return None


_COMPARED = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
}
_REVERSED = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE, ast.Eq: ast.Eq, ast.NotEq: ast.NotEq}


def _version(test: ast.Compare, sees: MypySees) -> bool | None:
    op, left, right = type(test.ops[0]), test.left, test.comparators[0]
    part, value = _version_part(left), _ints(right)
    if part is None or value is None:
        part, value, op = _version_part(right), _ints(left), _REVERSED.get(op, op)
    if op not in _COMPARED or part is None or value is None:
        return None
    if isinstance(part, int) and isinstance(value, int):
        return bool(_COMPARED[op](sees.version[part], value)) if 0 <= part <= 1 else None
    if isinstance(part, tuple) and isinstance(value, tuple) and 0 <= part[0] < part[1] <= 2:
        seen = sees.version[part[0] : part[1]]
        if len(seen) == len(value) or (len(seen) > len(value) and op not in (ast.Eq, ast.NotEq)):
            return bool(_COMPARED[op](seen, value))
    return None


def _platform(test: ast.expr, sees: MypySees) -> bool | None:
    if isinstance(test, ast.Compare) and _sys(test.left, "platform"):
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, (ast.Eq, ast.NotEq)) and isinstance(right, ast.Constant) and isinstance(right.value, str):
            return (sees.platform == right.value) == isinstance(op, ast.Eq)
        if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (ast.Tuple, ast.Set, ast.List)):
            items = [item.value for item in right.elts if isinstance(item, ast.Constant)]
            if len(items) == len(right.elts) and all(isinstance(item, str) for item in items):
                return (sees.platform in items) == isinstance(op, ast.In)
        return None
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Attribute)
        and test.func.attr == "startswith"
        and _sys(test.func.value, "platform")
        and len(test.args) == 1
        and not test.keywords
        and isinstance(test.args[0], ast.Constant)
        and isinstance(test.args[0].value, str)
    ):
        return sees.platform.startswith(test.args[0].value)
    return None


def decided(test: ast.expr, sees: MypySees) -> bool | None:
    """Whether mypy takes test as always true or always false at its settings (mypy's infer_condition_value for
    the version, the platform and PY2/PY3; `and`/`or` as it combines them); None: it reads both branches."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = decided(test.operand, sees)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        values = [decided(value, sees) for value in test.values]
        if isinstance(test.op, ast.And):
            return False if False in values else True if all(v is True for v in values) else None
        return True if True in values else False if all(v is False for v in values) else None
    if isinstance(test, (ast.Name, ast.Attribute)):
        name = test.id if isinstance(test, ast.Name) else test.attr
        return {"PY2": False, "PY3": True}.get(name)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        found = _version(test, sees)
        return found if found is not None else _platform(test, sees)
    return _platform(test, sees)


def _a_value(node: ast.expr | None) -> bool:
    """A value of no line to check: a literal, or a display or a negation of literals."""
    if node is None or isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_a_value(item) for item in node.elts)
    if isinstance(node, ast.Dict):
        return all(_a_value(item) for item in (*node.keys, *node.values))
    return isinstance(node, ast.UnaryOp) and _a_value(node.operand)


def _imports_or_values(statement: ast.stmt) -> bool:
    if isinstance(statement, (ast.Import, ast.ImportFrom, ast.Pass)):
        return True
    if isinstance(statement, ast.Expr):
        return isinstance(statement.value, ast.Constant)  # a docstring, an Ellipsis
    if isinstance(statement, ast.Assign):
        return all(isinstance(target, ast.Name) for target in statement.targets) and _a_value(statement.value)
    if isinstance(statement, ast.AnnAssign):
        return isinstance(statement.target, ast.Name) and _a_value(statement.value)
    return False


def _skipped_blocks(node: ast.If, sees: MypySees) -> list[list[ast.stmt]]:
    """The blocks of an if (its elif chain too) mypy takes as never run."""
    skipped: list[list[ast.stmt]] = []
    at: ast.If | None = node
    while at is not None:
        verdict = decided(at.test, sees)
        if verdict is False:
            skipped.append(at.body)
        elif verdict is True:
            skipped.append(at.orelse)  # every elif and the else after it
            break
        at = at.orelse[0] if len(at.orelse) == 1 and isinstance(at.orelse[0], ast.If) else None
    return skipped


# the bytes without which a source holds no such condition (read first: most sources hold none)
_WORDS = (b"version_info", b"platform", b"PY2", b"PY3")


def no_code_mypy_skips_by_its_settings(path: str, data: bytes | None, sees: MypySees) -> None:
    """Refused, in a Python source but the tests': a def, a class or any statement but an import or a value's
    binding in a branch mypy takes as never run by the version or the platform its settings give, or by PY2/PY3
    (the module's docstring says why), and an assert mypy takes as always failing, after which it checks no
    line. The tests are read by what runs them, as code_mypy_skips leaves them."""
    if data is None or path.startswith("tests/") or not any(word in data for word in _WORDS):
        return
    tree = python_tree(data)
    if tree is None:
        return  # left to fail where it runs
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and decided(node.test, sees) is False:
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: an assert mypy takes as always failing (at Python "
                f"{sees.version[0]}.{sees.version[1]} on {sees.platform}), after which it checks no line of the "
                "block, and another Python runs past; remove it"
            )
        if not isinstance(node, ast.If):
            continue
        for block in _skipped_blocks(node, sees):
            for statement in block:
                if not _imports_or_values(statement):
                    raise Refused(
                        f"{files.shown(path)} line {statement.lineno}: code in a branch mypy takes as never run (at "
                        f"Python {sees.version[0]}.{sees.version[1]} on {files.printable(sees.platform)}, pyproject."
                        "toml's settings) and another Python or platform runs, of which mypy checks no line; keep "
                        "such a branch to imports and values"
                    )
