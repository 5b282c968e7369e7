"""A failing assertion caught by the code around it (git/defined_twice.py reads each Python source through it).

A test fails by the exception its `assert` raises; code that catches that exception and goes on makes the test
one that cannot fail by its own body, and still reads as a test of what it asserts. `with
contextlib.suppress(AssertionError): assert 1 == 2`, `try: assert 1 == 2` with `except AssertionError: pass` (or
`except Exception`, `except BaseException`, a bare `except`), `with pytest.raises(AssertionError): assert 1 == 2`
(which passes where the assert fails), `finally: return` after it (which drops the exception), and a context
manager of the module's own catching it around a `yield`, given the test as its decorator: each such test passed
under pytest (tested), and passed the extraction (exit 0, hunt 215). ruff flags none of them.

So, in any Python source: an `assert` (or a `yield`, through which a context manager runs the code it wraps)
inside a `try` whose handler catches AssertionError and raises nothing (nor calls `fail()`) is refused, as is a
`return`, `break` or `continue` of a `finally` (it drops whatever was raised), `suppress()` of AssertionError, and
an `assert` within `pytest.raises()` of it. A handler that re-raises (`except AssertionError as e: raise
AssertionError(context) from e`) passes. The repository holds none of the refused.

A helper's assert is caught the same way: `try: check(record)` with `except AssertionError: pass` passed
(tested). So a handler naming AssertionError (or a bare one, or an alias) that raises nothing is refused whatever
its `try` holds, as is, in the tests, `except Exception` (or `BaseException`) around a call doing nothing
(`pass`, `...`, `continue`, a bare `return`); one recording the failure the repository's way
(tests/hostile_batch.py sets the job's status) passes. And an assert after a test's `return` (or `raise`,
`break`, `continue` of its block) never runs: `def test_rules(): return` then `assert 1 == 2` passed (tested).
So a statement after one of those in the same block is refused in any Python source: code no run reaches reads as
code that runs.

And a helper's assert is expected whatever it is: `with pytest.raises(Exception):` (BaseException, AssertionError,
a tuple holding one, given as `expected_exception=` too, `raises(Exception, check, [1])`, or entered by an
ExitStack) around a call of a
helper that asserts passed whatever failed in it (tested, hunt 216): a test of a record's check so written passes
over every problem. So such a raises() around a call names what it expects by a `match=` that no empty message
matches (tests/test_consumers.py's `raises(AssertionError, match="other than tests/doc_snippets.py")`); one of
another exception (`raises(ValueError)`) passes. A handler that raises pytest's skip (`raise
pytest.skip.Exception("flaky")`, SkipTest, an xfail's) re-raises nothing: the test so caught was reported skipped and
pytest exited 0 (tested, hunt 216).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.patterns import lazy

# the exceptions of which AssertionError is one (a handler of any of them catches a failing assert)
_CATCHING = frozenset(("AssertionError", "Exception", "BaseException"))
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_FAILING = frozenset(("fail",))
# an exception by which pytest reports a test skipped or an expected failure, not failed (`pytest.skip.Exception`,
# `Skipped`, unittest's `SkipTest`, `xfail.Exception`): raised from a handler, it passes the failure it caught
_SKIPPING = lazy(r"(?i)skip|xfail")  # pytest.fail(): a handler that fails the test passes
_TESTS = "tests/"  # (the package's code may drop what a cleanup raises: engine/cache.py's ROLLBACK)
_RAISES_UNPINNED = (
    "raises() of AssertionError (or an exception above it) with no `match=` of the message it expects, around a "
    "call: whatever assert fails in the code it calls (a helper's check of the record), the test passes"
)
_SAID = (
    "by which a failing assertion passes: the test cannot fail by its own body, and reads as a test of what it asserts"
)


def _module_names(tree: ast.Module) -> set[str]:
    """The names the module binds by an assignment (an alias of an exception: `E = AssertionError`)."""
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr))
        for target in ([node.target] if not isinstance(node, ast.Assign) else node.targets)
        if isinstance(target, ast.Name)
    }


def _catches_assertions(kind: ast.expr | None, aliases: set[str]) -> bool:
    """Whether an exception's expression (a handler's type, an argument of suppress() or raises()) may be
    AssertionError or one above it: a bare `except`, those names, an alias the module binds, or an expression
    no name shows (`getattr(builtins, name)`, `*KINDS`)."""
    if kind is None:
        return True
    if isinstance(kind, ast.Tuple):
        return any(_catches_assertions(item, aliases) for item in kind.elts)
    if isinstance(kind, ast.Name):
        return kind.id in _CATCHING or kind.id in aliases
    if isinstance(kind, ast.Attribute):
        return kind.attr in _CATCHING
    return True


def _names_assertions(kind: ast.expr | None, aliases: set[str]) -> bool:
    """Whether a handler's type is AssertionError itself (or a bare `except`, an alias, an expression no name
    shows), not only a class above it."""
    if isinstance(kind, ast.Tuple):
        return any(_names_assertions(item, aliases) for item in kind.elts)
    if isinstance(kind, (ast.Name, ast.Attribute)):
        named = kind.id if isinstance(kind, ast.Name) else kind.attr
        return named == "AssertionError" or (isinstance(kind, ast.Name) and named in aliases)
    return True


def _does_nothing(handler: ast.ExceptHandler) -> bool:
    """Whether a handler's body records nothing of what it caught: `pass`, `...`, `continue`, a bare `return`."""
    return all(
        isinstance(statement, (ast.Pass, ast.Continue))
        or (isinstance(statement, ast.Return) and statement.value is None)
        or (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
        for statement in handler.body
    )


def no_code_after_the_end(path: str, nodes: list[ast.AST]) -> None:
    """Refused, in a Python source: a statement after a `return`, `raise`, `break` or `continue` of its block,
    which never runs (the module's docstring says why)."""
    for node in nodes:
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            for statement, after in zip(block, block[1:]):
                if isinstance(statement, (ast.Return, ast.Raise, ast.Break, ast.Continue)):
                    raise Refused(
                        f"{files.shown(path)} line {after.lineno}: a statement after the "
                        f"`{type(statement).__name__.lower()}` on line {statement.lineno}, which never runs: an "
                        "assert there checks nothing, and reads as a check; remove it (or the early end)"
                    )


def _own(statements: list[ast.stmt]) -> Iterator[ast.AST]:
    """The nodes of statements that run with them: not a nested function's, class's or lambda's."""
    pending: list[ast.AST] = list(statements)
    while pending:
        node = pending.pop()
        yield node
        pending.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, _SCOPES))


def _failed_at(statements: list[ast.stmt]) -> ast.AST | None:
    """The first `assert` (or `yield`) the statements run, or None."""
    found = [node for node in _own(statements) if isinstance(node, (ast.Assert, ast.Yield, ast.YieldFrom))]
    return min(found, key=lambda node: (node.lineno, node.col_offset)) if found else None


def _raises(handler: ast.ExceptHandler) -> bool:
    """Whether a handler raises (or fails the test by pytest.fail())."""
    for node in _own(handler.body):
        if isinstance(node, ast.Raise) and not _SKIPPING.search(ast.unparse(node.exc) if node.exc else ""):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in _FAILING:
                return True
    return False


def _called(node: ast.expr) -> str:
    if not isinstance(node, ast.Call):
        return ""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _refuse(path: str, line: int, what: str) -> None:
    raise Refused(f"{files.shown(path)} line {line}: {what}, {_SAID}; let it fail (or re-raise it)")


def _dropping_finally(statements: list[ast.stmt]) -> ast.stmt | None:
    """A `return` of a `finally` (or a `break` or `continue` of it outside a loop of its own), or None."""
    pending: list[ast.stmt] = list(statements)
    while pending:
        statement = pending.pop()
        if isinstance(statement, (ast.Return, ast.Break, ast.Continue)):
            return statement
        if isinstance(statement, _SCOPES):
            continue
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            for inner in getattr(statement, field, None) or []:
                inner_loop = isinstance(statement, (ast.For, ast.AsyncFor, ast.While)) and field == "body"
                if inner_loop and isinstance(inner, (ast.Break, ast.Continue)):
                    continue  # the loop's own
                pending.append(inner)
    return None


def no_failure_swallowed(path: str, tree: ast.Module, nodes: list[ast.AST]) -> None:
    """Refused, in a Python source: a failing `assert` caught by the code around it (the module's docstring says
    why and how)."""
    aliases: set[str] | None = None
    contexts = {
        id(item.context_expr) for node in nodes if isinstance(node, (ast.With, ast.AsyncWith)) for item in node.items
    }
    for node in nodes:
        if isinstance(node, (ast.Try, ast.TryStar)):
            if aliases is None:
                aliases = _module_names(tree)
            dropping = _dropping_finally(node.finalbody)
            if dropping is not None:
                kind = type(dropping).__name__.lower()
                _refuse(path, dropping.lineno, f"a `{kind}` of a `finally`, which drops the exception raised before it")
            failed = _failed_at(node.body)
            catching = [
                handler
                for handler in node.handlers
                if _catches_assertions(handler.type, aliases) and not _raises(handler)
            ]
            named = [
                handler
                for handler in catching
                if _names_assertions(handler.type, aliases) or (path.startswith(_TESTS) and _does_nothing(handler))
            ]
            if named and failed is None:
                _refuse(
                    path,
                    named[0].lineno,
                    "an `except` of AssertionError (or one above it, doing nothing: `pass`) that raises nothing",
                )
            if failed is not None and catching:
                _refuse(
                    path,
                    getattr(failed, "lineno", node.lineno),
                    f"an `{'assert' if isinstance(failed, ast.Assert) else 'yield'}` within a `try` whose `except` "
                    f"on line {catching[0].lineno} catches AssertionError and raises nothing",
                )
        elif isinstance(node, ast.Call) and _called(node) == "suppress":
            if aliases is None:
                aliases = _module_names(tree)
            if any(_catches_assertions(arg, aliases) for arg in node.args):
                _refuse(path, node.lineno, "suppress() of AssertionError (or an exception above it)")
        elif isinstance(node, ast.Call) and _called(node) == "raises" and id(node) not in contexts:
            # `raises(Exception, check, [1])`, or one entered otherwise than by `with` (an ExitStack's enter_context)
            expected = _expected(node)
            if aliases is None:
                aliases = _module_names(tree)
            if expected is not None and _catches_assertions(expected, aliases) and not _pinned(node):
                _refuse(path, node.lineno, _RAISES_UNPINNED)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                call = item.context_expr
                expected = _expected(call)
                if expected is not None and isinstance(call, ast.Call):
                    if aliases is None:
                        aliases = _module_names(tree)
                    failed = _failed_at(node.body)
                    if _catches_assertions(expected, aliases) and isinstance(failed, ast.Assert):
                        _refuse(path, failed.lineno, "an `assert` within raises() of AssertionError, which passes it")
                    called = _first_call(node.body)
                    if _catches_assertions(expected, aliases) and called is not None and not _pinned(call):
                        _refuse(path, called.lineno, _RAISES_UNPINNED)


def _expected(call: ast.expr) -> ast.expr | None:
    """The exception a `pytest.raises()` expects (its first argument, or `expected_exception=`), or None."""
    if _called(call) != "raises" or not isinstance(call, ast.Call):
        return None
    if call.args:
        return call.args[0]
    return next((keyword.value for keyword in call.keywords if keyword.arg == "expected_exception"), None)


def _first_call(statements: list[ast.stmt]) -> ast.Call | None:
    calls = [node for node in _own(statements) if isinstance(node, ast.Call)]
    return min(calls, key=lambda node: (node.lineno, node.col_offset)) if calls else None


def _pinned(call: ast.Call) -> bool:
    """Whether a raises() names the failure it expects by a `match=` that is no match of every message (not `.*`,
    nor one matching the empty message): tests/test_consumers.py's `match="other than tests/doc_snippets.py"`."""
    for keyword in call.keywords:
        if keyword.arg == "match" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
            try:
                return re.search(keyword.value.value, "") is None
            except re.error:
                return False
    return False
