"""A name Python builds from parts, as the extraction's readers of a source see it: a string built from constants
alone (`"__di" + "ct__"`, an f-string of them, `"".join([...])`, a name bound once to one), and an object's
attribute given by such a name (`getattr(strict, "__dict__")`), which git/bound_elsewhere.py reads as the attribute
written so (hunt 210: hunt 209 left a namespace reached by a name built from parts)."""

from __future__ import annotations

import ast

# the calls that give an object's attribute by a name (`getattr(a, "__dict__")`, `a.__getattribute__("...")`,
# `object.__getattribute__(a, "...")`, `operator.attrgetter("...")(a)`)
_GETTERS = frozenset(("getattr", "__getattribute__"))
_ATTRGETTER = "attrgetter"


def attribute_got(node: ast.expr, constants: dict[str, str]) -> tuple[ast.expr, str | None] | None:
    """The object and the attribute's name (None: one built otherwise than from constants) of an attribute given
    by a name: `getattr(a, "x")`, `a.__getattribute__("x")`, `object.__getattribute__(a, "x")`,
    `operator.attrgetter("x")(a)`."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if called in _GETTERS and len(node.args) >= 2:
        return node.args[0], text_of(node.args[1], constants)
    if called == "__getattribute__" and isinstance(func, ast.Attribute) and len(node.args) == 1:
        return func.value, text_of(node.args[0], constants)
    if isinstance(func, ast.Call) and node.args:
        inner = func.func
        named = inner.id if isinstance(inner, ast.Name) else inner.attr if isinstance(inner, ast.Attribute) else None
        if named == _ATTRGETTER and len(func.args) == 1:
            return node.args[0], text_of(func.args[0], constants)
    return None


def text_of(node: ast.expr, constants: dict[str, str]) -> str | None:
    """A string an expression builds from constants alone (`"__di" + "ct__"`, an f-string of them, `"".join([...])`,
    a module's name bound once to one), or None."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = text_of(node.left, constants), text_of(node.right, constants)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.JoinedStr):
        parts = [text_of(v.value if isinstance(v, ast.FormattedValue) else v, constants) for v in node.values]
        return None if any(part is None for part in parts) else "".join(p or "" for p in parts)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "join"
        and len(node.args) == 1
        and isinstance(node.args[0], (ast.List, ast.Tuple))
    ):
        glue = text_of(node.func.value, constants)
        parts = [text_of(item, constants) for item in node.args[0].elts]
        return None if glue is None or any(part is None for part in parts) else glue.join(p or "" for p in parts)
    return None


def constants_of(nodes: list[ast.AST]) -> dict[str, str]:
    """The names the source binds once, to a string built from constants (_text of those before): a name of a
    namespace built from parts may be given one (`NAME = "__di" + "ct__"`)."""
    out: dict[str, str] = {}
    twice: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, text_of(node.value, out)
            if name in out or name in twice or value is None:
                twice.add(name)
                out.pop(name, None)
            else:
                out[name] = value
    return out
