"""A function's name bound again before its first value is read: the reviewer reads the first binding as what
the function works with, and the code runs with the second (git/defined_twice.py's no_name_bound_twice reads
each function of a Python source through it)."""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.refusal import Refused

# What a function cannot be read for by its statements alone: these see or set its names by other ways
_DYNAMIC = frozenset(("locals", "vars", "exec", "eval"))
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# the scopes inside a function that read a name when they run, not where they stand (a list's, a set's or a
# dictionary's comprehension runs where it stands, a generator when it is iterated)
_INNER = (*_DEFS, ast.Lambda, ast.GeneratorExp)
_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")
# What may leave a block before a later binding runs (and a generator's yield, where a `finally` may read the
# name as the generator closes): the later one then does not run after every run of the earlier
_JUMPS = (ast.Return, ast.Raise, ast.Continue, ast.Break, ast.Yield, ast.YieldFrom, ast.Await)
# The decorators by which a def binds its name again on purpose (defined_twice.py's _def_kind reads them so)
_AGAIN = frozenset(("overload", "setter", "getter", "deleter", "register"))

Position = tuple[int, int]


def _start(node: ast.AST) -> Position:
    return (getattr(node, "lineno", 0) or 0, getattr(node, "col_offset", 0) or 0)


def _end(node: ast.AST) -> Position:
    return (getattr(node, "end_lineno", 0) or 0, getattr(node, "end_col_offset", 0) or 0)


def _binds(statement: ast.stmt) -> list[str]:
    """The names a statement binds outright, each anew whatever it held (an assignment to a name, a `with`'s
    target, a def, a class, an import, a statement that is `(name := ...)`); an augmented assignment reads the
    name first, and a loop's target is bound only where the loop runs."""
    if isinstance(statement, ast.Assign):
        return [name for target in statement.targets if (name := _bound_name(target))]
    if isinstance(statement, (ast.With, ast.AsyncWith)):
        return [item.optional_vars.id for item in statement.items if isinstance(item.optional_vars, ast.Name)]
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.NamedExpr):
        return [statement.value.target.id]
    if isinstance(statement, ast.AnnAssign) and statement.value is not None and isinstance(statement.target, ast.Name):
        return [statement.target.id]
    if isinstance(statement, _DEFS):
        return [statement.name]
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return [(alias.asname or alias.name).split(".")[0] for alias in statement.names]
    return []


def _emptied(statement: ast.stmt) -> list[tuple[str, Position]]:
    """The names whose whole value a statement replaces in place, each with where the statement names it (that
    naming is no read of the value): `name.clear()`, `del name[:]`, `name[:] = ...`, `name *= 0`. A list (a
    dict, a set) emptied so before its value is read is a value bound again as an assignment binds one:
    `problems = rules(record)`, then `problems.clear()` before `return problems`, returned nothing found (hunt
    207)."""
    targets: list[ast.expr] = []
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        call = statement.value
        if isinstance(call.func, ast.Attribute) and call.func.attr == "clear" and not call.args and not call.keywords:
            targets = [call.func.value]
    elif isinstance(statement, (ast.Delete, ast.Assign)):
        whole = [t for t in statement.targets if isinstance(t, ast.Subscript) and _whole(t.slice)]
        targets = [t.value for t in whole]
    elif isinstance(statement, ast.AugAssign) and isinstance(statement.op, ast.Mult) and _zero(statement.value):
        targets = [statement.target]  # a list (a string, a tuple) times 0
    return [(name, _start(target)) for target in targets if (name := _bound_name(target))]


def _whole(index: ast.expr) -> bool:
    """`[:]` (or `[::]`, `[0:]`): every item."""
    return (
        isinstance(index, ast.Slice)
        and (index.lower is None or _zero(index.lower))
        and index.upper is None
        and index.step is None
    )


def _zero(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and not isinstance(node.value, bool) and node.value == 0


# An attribute of the instance a method is given is bound as a name is (`self.problems`), read where it is loaded
# or by any call (which may read it through the instance)
SELF = "self"


def _bound_name(target: ast.expr) -> str | None:
    """The name an assignment's target binds: a name, or an attribute of `self` (as `self.attr`)."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == SELF:
        return f"{SELF}.{target.attr}"
    return None


def _blocks_of(statement: ast.stmt | ast.excepthandler | ast.match_case) -> list[list[ast.stmt]]:
    """The lists of statements a statement holds in the same scope (none for a def or a class)."""
    if isinstance(statement, _DEFS):
        return []
    out: list[list[ast.stmt]] = []
    for field in _BLOCKS:
        items = getattr(statement, field, None) or []
        out.extend(item.body for item in items if isinstance(item, (ast.ExceptHandler, ast.match_case)))
        block = [item for item in items if isinstance(item, ast.stmt)]
        if block:
            out.append(block)
    return out


def _nested(statement: ast.stmt) -> list[ast.stmt]:
    """The statements a statement holds in its blocks at any depth, in its scope (not a def's or a class's)."""
    out: list[ast.stmt] = []
    stack = [statement]
    while stack:
        for block in _blocks_of(stack.pop()):
            out.extend(block)
            stack.extend(block)
    return out


class _Scope:
    """A function's own scope as one walk reads it: where each name is read; the names it cannot be read for
    (declared `global` or `nonlocal`, deleted, or read by a scope inside it: a nested def, a lambda, a
    generator); where it may leave a block (_JUMPS); and whether it calls locals(), exec() or kin."""

    def __init__(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.reads: dict[str, list[Position]] = {}
        self.skipped: set[str] = set()
        self.jumps: list[Position] = []
        self.calls: list[Position] = []
        self.dynamic = False
        stack: list[tuple[ast.AST, bool]] = [(child, False) for child in ast.iter_child_nodes(function)]
        while stack:
            node, inner = stack.pop()
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                self.skipped.update(node.names)
            elif isinstance(node, ast.Name):
                self.dynamic = self.dynamic or node.id in _DYNAMIC
                if isinstance(node.ctx, ast.Del) or (inner and isinstance(node.ctx, ast.Load)):
                    self.skipped.add(node.id)
                elif isinstance(node.ctx, ast.Load):
                    self.reads.setdefault(node.id, []).append(_start(node))
            elif isinstance(node, _JUMPS) and not inner:
                self.jumps.append(_start(node))
            elif isinstance(node, ast.Call) and not inner:
                self.calls.append(_start(node))
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Load)
                and isinstance(node.value, ast.Name)
                and node.value.id == SELF
            ):
                self.reads.setdefault(f"{SELF}.{node.attr}", []).append(_start(node))
            deeper = inner or isinstance(node, _INNER)
            for field in node._fields:  # (ast.iter_child_nodes, a generator, was most of the time)
                value = getattr(node, field, None)
                if isinstance(value, list):
                    stack.extend((item, deeper) for item in value if isinstance(item, ast.AST))
                elif isinstance(value, ast.AST):
                    stack.append((value, deeper))

    def read_between(self, name: str, start: Position, end: Position, naming: Position | None = None) -> bool:
        """Whether name is read from start to end (by any call, for an attribute of self), but where naming is
        (the statement emptying it names it there, and its call: _emptied)."""
        calls = self.calls if name.startswith(f"{SELF}.") else []
        return any(start <= at <= end and at != naming for at in [*self.reads.get(name, []), *calls])


def no_value_overwritten(path: str, tree: ast.Module) -> None:
    """Refused: a function (a method, a nested def) that binds a name again (an assignment, a def, a class, an
    import) where its block runs that binding after every run of an earlier one, with no read of the name
    between. Python keeps the later, a reviewer reads the first: `problems = rules(record)` and, lines
    below, `problems = []` before `return problems` returned nothing found and passed (exit 0), as did a
    second `def rule(...)` inside the function and the first binding inside an `if` or a loop the later one
    follows. The first value is never read, so it is no step of the code: bind the name once, or read it. A
    binding in one branch of an `if`, a `try` or a loop (`found = None`, then `found = item` in a loop) may
    be overwritten, and one a `return`, a `continue` or a `yield` may leave before the later runs, and so may
    a name read by a scope inside the function, or any in a function calling locals(), exec() or kin. A value
    emptied in place (`problems.clear()`, `del problems[:]`, `problems[:] = []`) is bound again so (_emptied):
    each passed as the assignment did (hunt 207)."""
    statements: list[ast.stmt] = list(tree.body)
    while statements:  # statements alone (a def is one): a walk of every node was most of the time
        statement = statements.pop()
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _overwritten_in(path, statement)
        for field in _BLOCKS:
            for item in getattr(statement, field, None) or []:
                statements.extend([item] if isinstance(item, ast.stmt) else item.body)


def _overwritten_in(path: str, function: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    own = [s for top in function.body for s in (top, *_nested(top))]
    names = [name for statement in own for name in _binds(statement)]
    names += [name for statement in own for name, _ in _emptied(statement)]
    if len(set(names)) == len(names):
        return  # no name bound twice in its scope: the walk below is the cost
    scope = _Scope(function)
    if scope.dynamic:
        return
    blocks = [function.body, *(block for statement in own for block in _blocks_of(statement))]
    for block in blocks:
        bound: list[tuple[list[ast.stmt], ast.stmt, list[str]]] = []  # (what holds it in block, it, its names)
        for later in block:
            for name, naming in [*((name, None) for name in _binds(later)), *_emptied(later)]:
                if name in scope.skipped or name == "_" or name.split(".")[0] in scope.skipped:
                    continue
                for held, earlier, was in bound:
                    if name not in was or scope.read_between(name, _end(earlier), _end(later), naming):
                        continue  # read between, or by the later binding itself
                    if any(_end(earlier) <= at <= _start(later) for at in scope.jumps) or _again(earlier, later):
                        continue
                    said = _imported_as(earlier).get(name)
                    if said is not None and said == _imported_as(later).get(name):
                        continue  # `import os` then `import os.path`: the same module bound again
                    loops = [s for s in held if isinstance(s, _LOOPS) and _start(s) <= _start(earlier) <= _end(s)]
                    if any(scope.read_between(name, _start(loop), _end(loop)) for loop in loops):
                        continue  # read on the loop's next pass
                    raise Refused(
                        f"{files.shown(path)} line {later.lineno}: the name {name!r} "
                        f"{'bound again' if naming is None else 'emptied'} in "
                        f"{function.name}() before the value bound at line {earlier.lineno} is read, "
                        "which Python keeps in place of the first a reviewer reads; bind it once"
                    )
            held = [later, *_nested(later)]
            bound.extend((held, s, _binds(s)) for s in held if _binds(s))


def _imported_as(statement: ast.stmt) -> dict[str, str]:
    """What an import binds each of its names to (`import importlib.util` binds `importlib` to the module
    importlib), which the same import again binds to the same object (git/defined_twice.py's _names_bound
    reads them so): a name to "import X" or "from X import Y"."""
    if isinstance(statement, ast.Import):
        out: dict[str, str] = {}
        for alias in statement.names:
            top = alias.name.split(".")[0]
            out[alias.asname or top] = f"import {alias.name if alias.asname else top}"
        return out
    if isinstance(statement, ast.ImportFrom):
        source = "." * statement.level + (statement.module or "")
        return {alias.asname or alias.name: f"from {source} import {alias.name}" for alias in statement.names}
    return {}


def _again(earlier: ast.stmt, later: ast.stmt) -> bool:
    """Whether later is a def its decorators bind again on purpose (an overload, a property's accessor, a
    singledispatch's registration), or earlier an overload, as at a module's level."""
    for decorator in [*getattr(later, "decorator_list", []), *getattr(earlier, "decorator_list", [])]:
        named = decorator.func if isinstance(decorator, ast.Call) else decorator
        if (named.attr if isinstance(named, ast.Attribute) else getattr(named, "id", "")) in _AGAIN:
            return True
    return False
