"""Hooks by which Python binds a class's or a module's names where no reader of them looks: a class's
`__init_subclass__`, a descriptor's `__set_name__`, a metaclass, and a module's `__getattr__` (git/defined_twice.py's
no_name_bound_twice reads each Python source through it).

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
