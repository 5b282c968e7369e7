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
refused; a `break` under a condition (`if ok(x): break`, then `else: assert False, "none found"`) passes. A `break`
in a block that always runs it breaks at once as well: in a `try`'s body or its `finally`, a `with`'s body, an `if
True:` (or both branches of an `if`); each such test passed over a problem found, and the extraction (exit 0, hunt
219), and each is refused.

An assert under a guard that makes it hold runs only where it holds: `if not found: assert found == []`, `if x == 3:
assert x == 3`, `elif not problems: assert not problems`, `while not found: assert not found`, a `case []:` of
`found`, the `else:` of `if found:`, or an assert of an `or` true either way (`assert found == [] or found`): each
test passed over a problem found (tested), and the extraction (exit 0, hunt 219). So an assert that the guards around
it imply (their conditions read as an emptiness, a comparison, a value pinned by `==`; an `and`'s operands each) is
refused, until a statement reads a name of the guard's (it may have changed the value) or calls anything but a
builtin that reads its arguments; `if found: assert found[0].code == "E501"` passes. What follows a guard whose
block leaves without failing (`if found: return`, `if p: continue`, `if found: pytest.skip()`) runs under the
guard's negation, and after a loop that leaves on its first pass (`for _ in found: return`) what it loops over is
empty: an assert of `found == []` after either passed over a problem found (tested), and the extraction (exit 0, hunt
219); a `raise` or `pytest.fail` fails the test, and passes. So does an `else:` that leaves (`if not found: pass`,
`else: return`), and a guard within a `with` or a `try` without handlers, whose facts hold after it. An assert of a
comprehension over an empty constant (`assert all(p == 0 for p in [])`) reads nothing, and is refused.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.git.vacuous_asserts import constant_truth

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


def _breaks(statements: list[ast.stmt]) -> bool:
    """Whether statements break their loop whenever they run: a `break` among them, or in a block of them that always
    runs it (a `try`'s body or `finally`, a `with`'s body, an `if` of a constant's branch or of both branches)."""
    for statement in statements:
        if isinstance(statement, ast.Break):
            return True
        if isinstance(statement, (ast.With, ast.AsyncWith)) and _breaks(statement.body):
            return True
        if isinstance(statement, (ast.Try, ast.TryStar)) and (_breaks(statement.body) or _breaks(statement.finalbody)):
            return True
        if isinstance(statement, ast.If):
            truth = constant_truth(statement.test)
            taken = [statement.body] if truth is True else [statement.orelse] if truth is False else []
            if any(_breaks(branch) for branch in taken) or (_breaks(statement.body) and _breaks(statement.orelse)):
                return True
    return False


def _broken_at_once(loop: ast.For | ast.AsyncFor | ast.While) -> bool:
    """Whether a loop's body breaks on its first pass: a `break` under no condition (_breaks)."""
    return _breaks(loop.body)


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
        if isinstance(node, ast.Assert):  # `assert all(p == 0 for p in [])`: a comprehension over nothing
            empty = next(
                (c.iter for c in ast.walk(node.test) if isinstance(c, ast.comprehension) and _empty(c.iter)), None
            )
            if empty is not None:
                raise Refused(
                    f"{files.shown(path)} line {node.lineno}: an assert of a comprehension over "
                    f"`{files.printable(ast.unparse(empty)[:40])}`, which reads nothing: `all` of it is true, `any` "
                    "false, whatever the test would find; loop over what the test checks"
                )
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


# the displays and calls an emptiness is written against (`found == []`, `len(found) == 0`), and the comparisons of a
# length with a number that say it is empty or not
_READING = frozenset(
    ("print", "len", "repr", "str", "sorted", "isinstance", "type", "min", "max", "sum", "any", "all", "bool", "int")
)
_EMPTY_VALUES = (ast.List, ast.Tuple, ast.Dict, ast.Set)
_NEGATED: dict[type, type] = {
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn,
    ast.NotIn: ast.In, ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt,
}  # fmt: skip


class _Fact(NamedTuple):
    """What a guard makes hold where its block runs: a key (`empty found`, `full found`, `holds x == 3`, `fails ...`),
    the names it reads, and a value the guard pins an expression to (`x == 3`: `x`, 3)."""

    key: str
    names: frozenset[str]
    pinned: tuple[str, ast.expr] | None = None


def _names(node: ast.AST) -> frozenset[str]:
    return frozenset(inner.id for inner in ast.walk(node) if isinstance(inner, ast.Name))


def _plain(node: ast.expr) -> ast.expr:
    """An expression as what it names: `(found := check())` as `found`."""
    return node.target if isinstance(node, ast.NamedExpr) else node


def _emptiness(node: ast.expr) -> tuple[str, ast.expr] | None:
    """Of a test of whether a value is empty (`not found`, `found == []`, `len(found) == 0`, `found`, `bool(found)`,
    `len(found) > 0`): "empty" or "full", and the value; None where it is no such test."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _emptiness(node.operand)
        if inner is not None:
            return ("full" if inner[0] == "empty" else "empty", inner[1])
        return "empty", _plain(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("len", "bool"):
        if len(node.args) == 1 and not node.keywords:
            return "full", _plain(node.args[0])
    if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.NamedExpr)):
        return "full", _plain(node)
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right, op = node.left, node.comparators[0], node.ops[0]
        length = left
        if (
            isinstance(length, ast.Call)
            and isinstance(length.func, ast.Name)
            and length.func.id == "len"
            and len(length.args) == 1
            and isinstance(right, ast.Constant)
            and type(right.value) is int
            and type(op) in (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
        ):
            said = {
                (ast.Eq, 0): "empty", (ast.NotEq, 0): "full", (ast.Lt, 1): "empty", (ast.LtE, 0): "empty",
                (ast.Gt, 0): "full", (ast.GtE, 1): "full",
            }.get((type(op), right.value))  # fmt: skip
            if said is not None:
                return said, _plain(length.args[0])
        for value, other in ((left, right), (right, left)):
            empty = (isinstance(other, _EMPTY_VALUES) and not getattr(other, "elts", getattr(other, "keys", [1]))) or (
                isinstance(other, ast.Constant)
                and (other.value in ("", b"") or type(other.value) is int and not other.value)
            )
            if empty and isinstance(op, (ast.Eq, ast.NotEq)):
                return ("empty" if isinstance(op, ast.Eq) else "full"), _plain(value)
    return None


def _facts(test: ast.expr, holds: bool = True) -> list[_Fact]:
    """What holds where a condition does (holds) or does not: an `and`'s operands each (an `or`'s, negated), an
    emptiness, a comparison (its negation), a value pinned by `==`."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And if holds else ast.Or):
        return [fact for value in test.values for fact in _facts(value, holds)]
    if isinstance(test, ast.BoolOp):
        return []
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and _emptiness(test) is None:
        return _facts(test.operand, not holds)
    emptiness = _emptiness(test)
    if emptiness is not None:
        said, value = emptiness
        if not holds:
            said = "full" if said == "empty" else "empty"
        return [_Fact(f"{said} {ast.unparse(value)}", _names(value))]
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op = type(test.ops[0]) if holds else _NEGATED.get(type(test.ops[0]))
        if op is None:
            return []
        shown = ast.unparse(ast.Compare(_plain(test.left), [op()], [_plain(test.comparators[0])]))
        pinned = None
        if op is ast.Eq and isinstance(test.comparators[0], ast.Constant):
            pinned = (ast.unparse(_plain(test.left)), test.comparators[0])
        return [_Fact(f"holds {shown}", _names(test), pinned)]
    return [_Fact(f"{'holds' if holds else 'fails'} {ast.unparse(_plain(test))}", _names(test))]


def _implied(test: ast.expr, facts: list[_Fact]) -> bool:
    """Whether an assert's test holds wherever the facts do: one of them, an `and` of such, an `or` with one, a
    comparison of a value they pin, a conditional expression each of whose branches is, an `or` true either way."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return all(_implied(value, facts) for value in test.values)
    if isinstance(test, ast.BoolOp):
        if any(_implied(value, facts) for value in test.values):
            return True
        # `found == [] or found`: where one operand fails, another holds
        return any(
            _implied(other, facts + _facts(value, False))
            for n, value in enumerate(test.values)
            for other in test.values[n + 1 :] + test.values[:n]
        )
    if isinstance(test, ast.IfExp):
        return _branch_implied(test.body, facts + _facts(test.test)) and _branch_implied(
            test.orelse, facts + _facts(test.test, False)
        )
    keys = {fact.key for fact in facts}
    if any(fact.key in keys for fact in _facts(test)) and len(_facts(test)) == 1:
        return True
    pinned = dict(fact.pinned for fact in facts if fact.pinned is not None)
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and ast.unparse(_plain(test.left)) in pinned:
        given = ast.Compare(pinned[ast.unparse(_plain(test.left))], test.ops, test.comparators)
        return constant_truth(given) is True
    return False


def _branch_implied(test: ast.expr, facts: list[_Fact]) -> bool:
    return constant_truth(test) is True or _implied(test, facts)


def _guarded(path: str, statements: list[ast.stmt], facts: list[_Fact]) -> list[_Fact]:
    """Refused: an assert of statements run under facts (what the guards around them make hold) that they imply.
    What a statement before it reads, it may have changed: the facts on those names are dropped after it. Returns
    the facts that hold after the statements."""
    for statement in statements:
        if isinstance(statement, ast.Assert):
            if _implied(statement.test, facts):
                raise Refused(
                    f"{files.shown(path)} line {statement.lineno}: an assert of "
                    f"`{files.printable(ast.unparse(statement.test)[:60])}` under a guard that makes it hold (or an "
                    "`or` true either way), which runs only where it holds: the test passes whatever it would find; "
                    "assert outside the guard"
                )
            continue
        if isinstance(statement, _FUNCTIONS + (ast.ClassDef,)):
            continue
        # what follows a guard one of whose blocks leaves the test (or the loop's pass) passing runs where the other
        # ran: `if found: return`, `if p: continue`, `if found: pytest.skip()`, its `else:` too, and within a `with`
        # or a `try` without handlers (hunt 219)
        if isinstance(statement, ast.If):
            facts = _after_reading(statement.test, facts)
            body = _guarded(path, statement.body, facts + _facts(statement.test))
            orelse = _guarded(path, statement.orelse, facts + _facts(statement.test, False))
            if _leaves(statement.body) != _leaves(statement.orelse):
                facts = orelse if _leaves(statement.body) else body
                continue
        elif isinstance(statement, (ast.With, ast.AsyncWith)):
            facts = _guarded(path, statement.body, _after_reading(statement.items, facts))
            continue
        elif isinstance(statement, (ast.Try, ast.TryStar)) and not statement.handlers and not statement.orelse:
            facts = _guarded(path, statement.finalbody, _guarded(path, statement.body, facts))
            continue
        elif isinstance(statement, ast.While):
            _guarded(path, statement.body, facts + _facts(statement.test))
            _guarded(path, statement.orelse, facts)
        elif isinstance(statement, (ast.For, ast.AsyncFor)):
            bound = _names(statement.target)
            kept = [fact for fact in facts if not fact.names & bound]
            # a loop's body runs where what it loops over holds something
            _guarded(path, statement.body, kept + _facts(statement.iter))
            _guarded(path, statement.orelse, kept)
        elif isinstance(statement, ast.Match):
            for case in statement.cases:
                _guarded(path, case.body, facts + _case_facts(statement.subject, case.pattern))
        else:
            for field in ("body", "handlers", "orelse", "finalbody"):
                for inner in getattr(statement, field, None) or []:
                    _guarded(path, inner.body if isinstance(inner, ast.ExceptHandler) else [inner], facts)
        facts = _after_reading(statement, facts)
        # after a loop that leaves on its first pass, what it loops over is empty (hunt 219)
        if isinstance(statement, (ast.For, ast.AsyncFor)) and not statement.orelse and _leaves(statement.body):
            facts = facts + _facts(statement.iter, False)
    return facts


def _after_reading(node: ast.AST | list[ast.withitem], facts: list[_Fact]) -> list[_Fact]:
    """The facts that still hold after code runs: none after a call that may change a value, else those on no name
    it reads or binds."""
    nodes: list[ast.AST] = list(node) if isinstance(node, list) else [node]
    if any(_may_change(inner) for inner in nodes):
        return []
    read = frozenset().union(*(_names_changeable(inner) for inner in nodes))
    return [fact for fact in facts if not fact.names & read]


# what ends a test (or a loop's pass) without failing it: pytest's skip and xfail, and their module's exit
_PASSING_ENDS = frozenset(("skip", "xfail", "importorskip", "exit"))


def _leaves(statements: list[ast.stmt]) -> bool:
    """Whether statements always leave where they stand without failing: their last a `return`, `continue`, `break`
    or a call of pytest's skip or xfail (not a `raise`, nor `pytest.fail`, which fail the test)."""
    if not statements:
        return False
    last = statements[-1]
    if isinstance(last, (ast.Return, ast.Continue, ast.Break)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        func = last.value.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in _PASSING_ENDS
    if isinstance(last, ast.If):
        return _leaves(last.body) and _leaves(last.orelse)
    return False


def _names_changeable(statement: ast.AST) -> frozenset[str]:
    """The names a statement reads or binds, but as an argument of a builtin that only reads them (`print(found)`)."""
    reading = {
        id(inner)
        for node in ast.walk(statement)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _READING
        for argument in (*node.args, *(keyword.value for keyword in node.keywords))
        for inner in ast.walk(argument)
        if isinstance(argument, ast.Name) and inner is argument
    }
    return frozenset(node.id for node in ast.walk(statement) if isinstance(node, ast.Name) and id(node) not in reading)


def _may_change(statement: ast.AST) -> bool:
    """Whether a statement calls what may change a value a fact is of (a method, a function of the code; not a
    builtin that only reads its arguments: `print`, `len`, `sorted`)."""
    return any(
        isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in _READING)
        for node in ast.walk(statement)
    )


def _case_facts(subject: ast.expr, pattern: ast.pattern) -> list[_Fact]:
    """What a `case` makes hold of its subject: `case []` empty, `case 3` equal to 3."""
    shown = ast.unparse(_plain(subject))
    if isinstance(pattern, ast.MatchSequence) and not pattern.patterns:
        return [_Fact(f"empty {shown}", _names(subject))]
    if isinstance(pattern, ast.MatchValue):
        return _facts(ast.Compare(_plain(subject), [ast.Eq()], [pattern.value]))
    if isinstance(pattern, ast.MatchSingleton):
        return _facts(ast.Compare(_plain(subject), [ast.Is()], [ast.Constant(pattern.value)]))
    return []


def no_assert_its_guard_makes_hold(path: str, tree: ast.Module) -> None:
    """Refused, in the tests' Python: an assert under an `if`, `elif`, `else`, `while`, loop or `case` whose condition
    makes it hold (`if not found: assert found == []`), or of an `or` true either way (`assert not found or found`)
    (the module's docstring says why)."""
    if not path.startswith(_TESTS):
        return
    for node in ast.walk(tree):
        if isinstance(node, _FUNCTIONS):
            _guarded(path, node.body, [])
