"""A test's assert that never runs (git/defined_twice.py reads each Python source of the tests through it).

A test checks by its asserts, and a reviewer reads the asserts of a test's body as run with it. Two forms hold them
where nothing runs them: a function nested in the test that nothing calls or names (`def test_rules(): def inner():
assert found == []`), and a loop over nothing (`for problem in []:`, `range(0)`, `""`). Each test passed under pytest
whatever it asserted (tested), and passed the extraction (exit 0, hunt 217). So an assert in a function nested in
another that neither names it nor has it decorated (a decorator may register it: `@given`, a fixture's), or in a loop
over an empty constant, is refused; a loop over the test's own values, and a helper the test calls or hands on, pass.

A loop's `else:` runs where the loop ends without a `break`; under a loop whose body breaks on its first pass
(`while found: break`, `for _ in found: break`), it runs only where the body never ran, the value it checks empty:
`else: assert found == []` held whenever it ran, and the test passed over the problems found (tested), and the
extraction (exit 0, hunt 218). So an assert in the `else:` of a loop whose body's own statements hold a `break` is
refused; a `break` under a condition (`if ok(x): break`, then `else: assert False, "none found"`) passes.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.refusal import Refused

_TESTS = "tests/"
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_EMPTY_CALLS = frozenset(("range", "list", "tuple", "set", "dict", "frozenset", "str"))


def _asserts(node: ast.AST) -> ast.Assert | None:
    return next((inner for inner in ast.walk(node) if isinstance(inner, ast.Assert)), None)


def _empty(node: ast.expr) -> bool:
    """Whether an iterable is empty by its form: `[]`, `()`, `{}`, `""`, `range(0)`, `list()`."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return not node.elts
    if isinstance(node, ast.Dict):
        return not node.keys
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, bytes)) and not node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _EMPTY_CALLS:
        arguments = node.args
        if not arguments and not node.keywords:
            return True
        zero = len(arguments) == 1 and isinstance(arguments[0], ast.Constant) and arguments[0].value == 0
        return node.func.id == "range" and zero
    return False


def _broken_at_once(loop: ast.For | ast.AsyncFor | ast.While) -> bool:
    """Whether a loop's body breaks on its first pass: a `break` among its own statements, under no condition."""
    return any(isinstance(statement, ast.Break) for statement in loop.body)


def _nested(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions defined in a function's own statements (not a class's methods, nor those of a nested one)."""
    out: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, _FUNCTIONS):
            out.append(node)
        elif not isinstance(node, (ast.ClassDef, ast.Lambda)):
            pending.extend(ast.iter_child_nodes(node))
    return out


def no_assert_never_run(path: str, tree: ast.Module) -> None:
    """Refused, in the tests' Python: an assert in a nested function its enclosing one never names, or in a loop over
    an empty constant (the module's docstring says why)."""
    if not path.startswith(_TESTS):
        return
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.AsyncFor)) and _empty(node.iter):
            held = _asserts(node)
            if held is not None:
                raise Refused(
                    f"{files.shown(path)} line {held.lineno}: an assert in a loop over "
                    f"`{files.printable(ast.unparse(node.iter)[:40])}`, which runs it never: the test passes whatever "
                    "it would find; loop over what the test checks"
                )
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)) and node.orelse and _broken_at_once(node):
            held = next(filter(None, map(_asserts, node.orelse)), None)
            if held is not None:
                raise Refused(
                    f"{files.shown(path)} line {held.lineno}: an assert in the `else:` of a loop that breaks on its "
                    "first pass, which runs it only where the loop's body never ran (the value it checks empty): the "
                    "test passes whatever it would find; assert after the loop"
                )
        if not isinstance(node, _FUNCTIONS):
            continue
        named = {
            inner.id for inner in ast.walk(node) if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Load)
        }
        for statement in _nested(node):
            if statement.decorator_list:
                continue
            held = _asserts(statement)
            if held is not None and statement.name not in named:
                raise Refused(
                    f"{files.shown(path)} line {held.lineno}: an assert in `{statement.name}`, a function nested in "
                    f"`{node.name}` that it never calls nor names, so the assert never runs and the test passes "
                    "whatever it would find; assert in the test, or call the function"
                )
