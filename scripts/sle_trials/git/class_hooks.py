"""Hooks by which Python binds a class's or a module's names where no reader of them looks: a class's
`__init_subclass__`, a descriptor's `__set_name__`, a metaclass, a module's `__getattr__`, and a decorator that gives
back something else than what it decorates (git/defined_twice.py's no_name_bound_twice reads each Python source
through them).

Hunt 209 refused a module's name bound from another module, and left the hooks Python calls to make a class or to
look a module's name up: each runs code a reader of the class or the module does not read as its own. A base class's
`__init_subclass__` setting `cls.check = lambda self, record: []` replaced the `check` of every class derived from
it (tested), in modules whose review shows their own `check`; so does a metaclass's `__new__` or `__init__`, and a
descriptor's `__set_name__` (`owner.check = ...`), which Python calls as the class holding it is made; and a
module's `__getattr__` answers every name the module no longer defines (`from strict import check_age` gives what it
returns once the def is gone). Each, in a module of the package, passed (exit 0). The tests (which make classes to
test them) are read as what they test; the repository's code uses none of these hooks.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.bound_elsewhere import TESTS
from sle_trials.git.refusal import Refused

# the methods Python calls on a class (or a class's attribute) as a class derived from it, or holding it, is made
_CLASS_HOOKS = frozenset(("__init_subclass__", "__set_name__"))
_METACLASS = "metaclass"
_TYPE = frozenset(("type", "ABCMeta", "EnumMeta", "EnumType"))  # the classes of classes, derived from by a metaclass
_MODULE_HOOKS = frozenset(("__getattr__",))


def no_class_or_module_hook(path: str, tree: ast.Module) -> None:
    """Refused, in a Python source of the code but the tests: a class's `__init_subclass__` or `__set_name__`, a
    class made by a metaclass (`metaclass=...`, but abc's ABCMeta) or one deriving from `type`, and a module's own
    `__getattr__` (the module's docstring says why). A class's `__getattr__` (read by its instances alone) passes."""
    if path.startswith(TESTS):
        return
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in _MODULE_HOOKS:
            _refuse(path, node.lineno, f"the module's {node.name}, which answers every name it does not define")
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        for statement in cls.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name in _CLASS_HOOKS:
                _refuse(
                    path,
                    statement.lineno,
                    f"{cls.name}.{statement.name}, which Python runs as each class derived from (or holding) it is "
                    "made, binding its names",
                )
        if any(keyword.arg == _METACLASS and not _abstract(keyword.value) for keyword in cls.keywords):
            _refuse(path, cls.lineno, f"the class {cls.name} made by a metaclass, which binds its names as it makes it")
        for base in cls.bases:
            named = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else None
            if named in _TYPE:
                _refuse(path, cls.lineno, f"the metaclass {cls.name}, which binds the names of each class it makes")


def no_decorator_discarding(path: str, tree: ast.Module) -> None:
    """Refused, in a Python source of the code but the tests: a def or a class decorated by a function of the same
    source that gives back something other than what it decorates, or a wrapper that calls it (_keeps). Python binds
    the name to what the decorator returns: `def gone(function): return lambda record: []` far above, and `@gone` over
    `def check(record):` with its rules, had `check` return nothing (tested), and passed (exit 0, hunt 210); a
    reviewer reads the def. A decorator imported from another module is read where it is defined (left)."""
    if path.startswith(TESTS):
        return
    # the module's own functions (a method of the name, or an import, is another object)
    functions = {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for decorator in node.decorator_list:
            maker = decorator.func if isinstance(decorator, ast.Call) else decorator
            function = functions.get(maker.id) if isinstance(maker, ast.Name) else None
            if function is not None and isinstance(decorator, ast.Call):
                function = _returned_def(function)  # a factory's decorator: the def it returns
            if function is not None and not _keeps(function):
                _refuse(
                    path,
                    decorator.lineno,
                    f"the decorator {ast.unparse(decorator)[:60]} of {node.name}, which gives back something other "
                    "than it or a wrapper calling it, so the def a reviewer reads is not what the name runs",
                )


def _returned_def(factory: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The def a decorator factory defines and returns (`def route(path): def wrap(function): ...; return wrap`)."""
    inner = {node.name: node for node in factory.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in ast.walk(factory):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Name) and node.value.id in inner:
            return inner[node.value.id]
    return None


def _keeps(decorator: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a decorator gives back what it is given: every `return` is of its first parameter, of a call given it
    (`functools.wraps(function)(inner)`, `cache(function)`), or of a def or a lambda of its own that reads it."""
    given = [*decorator.args.posonlyargs, *decorator.args.args]
    if not given:
        return False
    name = given[0].arg
    nested = {node.name: node for node in decorator.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}

    def reads(node: ast.AST) -> bool:
        return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))

    returns = [node for node in ast.walk(decorator) if isinstance(node, ast.Return)]
    if not returns:
        return False
    for found in returns:
        value = found.value
        if value is None:
            return False
        if isinstance(value, ast.Name) and value.id in nested:
            if not reads(nested[value.id]):
                return False
        elif not reads(value):
            return False
    return True


def _abstract(node: ast.expr) -> bool:
    """Whether a metaclass is abc's ABCMeta, which binds no name (it marks the abstract methods a class must give)."""
    return (
        node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    ) == "ABCMeta"


def _refuse(path: str, line: int, said: str) -> None:
    raise Refused(
        f"{files.shown(path)} line {line}: {said}, where a reader of those classes or names does not look; write the "
        "names where they are defined"
    )
