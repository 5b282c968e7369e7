"""A name bound elsewhere than where a reader looks for it: a name of one module bound by another (a star
import, which binds names a reviewer of the module cannot see, and an assignment to a name an imported module
or class holds), and a builtin's name bound by a module, in place of the builtin every line of the module reads
by it (git/defined_twice.py's no_name_bound_twice reads each Python source through them)."""

from __future__ import annotations

import ast
import builtins
import dataclasses
from collections.abc import Callable

from sle_trials import files
from sle_trials.git.built_names import attribute_got, constants_of
from sle_trials.git.givers import module_of
from sle_trials.git.refusal import Refused

# The tests patch modules on purpose (pytest's monkeypatch, conftest.py's settings of sys and tempfile), and
# are read as what they test (but their code that runs for every test: git/patched_by_the_tests.py); the code that
# runs the check binds its own names alone
TESTS = "tests/"
# the calls that bind a name in an object given them, or in the module's own namespace
_SETTERS = frozenset(("setattr", "delattr"))
# an object's names as a mapping (`strict.__dict__`, `vars(strict)`), whose items are its names; the methods that
# bind or unbind a name of the object they are called on (`strict.__setattr__(...)`) or of the one given first
# (`object.__setattr__(strict, ...)`); and the calls that write a mapping's items
NAMESPACE_ATTRIBUTE = "__dict__"
_DUNDER_SETTERS = frozenset(("__setattr__", "__delattr__"))
_WRITERS = frozenset(("update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__", "__ior__"))
_ITEM_SETTERS = frozenset(("setitem", "delitem"))  # operator's
_NAMESPACES = frozenset(("globals", "vars", "locals"))


def every_node(tree: ast.AST) -> list[ast.AST]:
    """Every node of a tree, once: what ast.walk yields, in a list the readers of a source share (ast.walk, a
    generator over iter_child_nodes, was most of their time)."""
    out: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        out.append(node)
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                stack.extend(item for item in value if isinstance(item, ast.AST))
            elif isinstance(value, ast.AST):
                stack.append(value)
    return out


def _imported(nodes: list[ast.AST], givers: frozenset[str] = frozenset()) -> set[str]:
    """The names the module's imports bind (a module, or a name of one: a class, a function), and those bound to
    a module reached by no import statement (_a_module: `strict = importlib.import_module("...")`, or a call of
    one of givers, the source's functions that return a module: _module_functions)."""
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
            if _a_module(node.value, givers):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(t.id for target in targets for t in _spread(target) if isinstance(t, ast.Name))
    # a name given one of those (`checks = strict`, then `checks.check = list`): the same module by another name
    aliases = [
        (targets, node.value.id)
        for node in nodes
        if isinstance(node, (ast.Assign, ast.NamedExpr)) and isinstance(node.value, ast.Name)
        for targets in [node.targets if isinstance(node, ast.Assign) else [node.target]]
    ]
    while aliased := {
        t.id
        for targets, value in aliases
        if value in names
        for target in targets
        for t in _spread(target)
        if isinstance(t, ast.Name) and t.id not in names
    }:
        names |= aliased
    return names


# the calls that give a module by its name, as an import statement does (importlib.import_module, __import__,
# importlib.reload), and the table of every module imported, sys.modules
_MODULE_GIVERS = frozenset(("import_module", "__import__", "reload"))


def _a_module(node: ast.expr, givers: frozenset[str] = frozenset()) -> bool:
    """Whether an expression gives a module by its name, with no import statement a reviewer reads as one:
    `importlib.import_module("sle_trials.checks.strict")`, `__import__(...)`, `sys.modules["..."]`,
    `sys.modules.get("...")`, a call of one of givers (a function of the source that returns a module), or any call
    given the name of a module of the package first (`fetch_extra("sle_trials.checks.strict")`, whose function,
    imported from another module, returns the module it names: hunt 210)."""
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name in _MODULE_GIVERS or name in givers:
            return True
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and _names_the_package(first.value):
            return True
        return isinstance(func, ast.Attribute) and func.attr == "get" and _the_module_table(func.value)
    return isinstance(node, ast.Subscript) and _the_module_table(node.value)


def _names_the_package(text: str) -> bool:
    """Whether a string is the dotted name of the package or a module of it."""
    return text == _PACKAGE or text.startswith(_PACKAGE + ".")


_PACKAGE = "sle_trials"


def _the_module_table(node: ast.expr) -> bool:
    """`sys.modules`."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "modules"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def _root(node: ast.expr) -> str | None:
    """The name an attribute's chain starts from (`a` of `a.b.c`, of `a.b[0].c`, of `vars(a)["c"]`, of `(b :=
    a).c`, of `getattr(a, "__dict__")["c"]`), or the function's whose call gives it (`a` of `a().c`, `a.b().c`:
    hunt 210), or None."""
    while True:
        if isinstance(node, (ast.Attribute, ast.Subscript, ast.NamedExpr)):
            node = node.value
        elif (namespace := _namespace_of(node)) is not None:
            node = namespace
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return node.id if isinstance(node, ast.Name) else None


def _namespace_of(node: ast.expr, constants: dict[str, str] | None = None) -> ast.expr | None:
    """The object whose names node holds as a mapping's items: `a` of `a.__dict__` and of `vars(a)`, and of an
    attribute given by a name that is `__dict__` or may be (attribute_got: `getattr(a, "__di" + "ct__")`, `getattr(a,
    NAME)`), which hunt 209 left."""
    if isinstance(node, ast.Attribute) and node.attr == NAMESPACE_ATTRIBUTE:
        return node.value
    vars_of = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars"
    if isinstance(node, ast.Call) and vars_of and len(node.args) == 1:
        return node.args[0]
    got = attribute_got(node, constants or {})
    if got is not None and got[1] in (None, NAMESPACE_ATTRIBUTE):
        return got[0]
    return None


def _module_functions(
    nodes: list[ast.AST], imported: set[str], passed_on: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The source's functions that return a module (or an imported name): a name an import binds, a module given by
    its name (_a_module), or another such function's call. `def pick(): return strict`, then `pick().check = list`
    or `checks = pick()` and `checks.check = list`, bound strict's `check` from here, and passed (hunt 210)."""
    functions = [node for node in nodes if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    found: set[str] = set(passed_on)
    while True:
        more = set()
        for function in functions:
            inner = list(ast.walk(function))
            own = imported | _imported(inner, frozenset(found))
            for node in inner:
                value = node.value if isinstance(node, ast.Return) else None
                if value is not None and function.name not in found:
                    if (isinstance(value, ast.Name) and value.id in own) or _a_module(value, frozenset(found)):
                        more.add(function.name)
        if not more - found:
            return frozenset(found)
        found |= more


def _of_a_module(node: ast.expr, givers: frozenset[str] = frozenset()) -> bool:
    """Whether an attribute's chain starts from a module given by its name (_a_module):
    `importlib.import_module("...").check`, `sys.modules["..."].check`."""
    while isinstance(node, ast.Attribute):
        if _a_module(node.value, givers):
            return True
        node = node.value
    return _a_module(node, givers)


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return [t for target in node.targets for t in _spread(target)]
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return _spread(node.target)
    if isinstance(node, ast.Delete):
        return [t for target in node.targets for t in _spread(target)]
    if isinstance(node, (ast.For, ast.AsyncFor)):
        return _spread(node.target)
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return [t for item in node.items if item.optional_vars is not None for t in _spread(item.optional_vars)]
    return []


def _spread(target: ast.expr) -> list[ast.expr]:
    if isinstance(target, (ast.Tuple, ast.List)):
        return [t for item in target.elts for t in _spread(item)]
    if isinstance(target, ast.Starred):
        return _spread(target.value)
    return [target]


def module_functions(nodes: list[ast.AST], passed_on: frozenset[str] = frozenset()) -> set[str]:
    """A source's functions that return a module (_module_functions), for another source's import of them.
    passed_on: the functions it imports that return one (their module read for it), which it may return the call of
    (`def pick2(): return pick()`) or give on by their name."""
    return set(_module_functions(nodes, _imported(nodes), passed_on))


def _binding(call: ast.Call) -> bool:
    """Whether a call may bind a name of the object given it first (setattr, operator's setitem, vars)."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    return name in _SETTERS or name in _ITEM_SETTERS or name in _DUNDER_SETTERS or name == "vars"


def _imported_givers(path: str, nodes: list[ast.AST], giver: Callable[[str, str], bool]) -> frozenset[str]:
    """The functions imported from the package's other modules that return a module (giver says, reading their
    module), of those whose call's value is given a name an attribute of which this source binds: `checks =
    pick()`, then `checks.check = list` (hunt 211). Only those are looked up: most such calls give an object."""
    names: dict[str, tuple[str, str]] = {}  # a function imported by its name: local name -> (module, name)
    modules: dict[str, str] = {}  # a module imported: local name -> its dotted name
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and (base := module_of(path, node.level, node.module)) is not None:
            for alias in node.names:
                names[alias.asname or alias.name] = (base, alias.name)
                modules[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, ast.Import):
            modules.update(
                {alias.asname: alias.name for alias in node.names if alias.asname and module_of(path, 0, alias.name)}
            )
    bound = {
        _root(t)
        for node in nodes
        if isinstance(node, _BINDINGS)
        for t in _targets(node)
        if isinstance(t, (ast.Attribute, ast.Subscript))
    }
    bound |= {_root(node.args[0]) for node in nodes if isinstance(node, ast.Call) and node.args and _binding(node)}
    found: set[str] = set()
    for node in nodes:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) else None
        targets = _targets(node) if isinstance(node, (ast.Assign, ast.AnnAssign)) else [getattr(node, "target", None)]
        if not isinstance(value, ast.Call) or not any(isinstance(t, ast.Name) and t.id in bound for t in targets):
            continue
        func = value.func
        if isinstance(func, ast.Name) and func.id in names and giver(*names[func.id]):
            found.add(func.id)
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules:
            if giver(modules[func.value.id], func.attr):
                found.add(func.attr)
    return frozenset(found)


def no_name_bound_from_elsewhere(
    path: str, nodes: list[ast.AST], giver: Callable[[str, str], bool] | None = None
) -> None:
    """Refused, in a Python source of the code but the tests: a star import (`from x import *`), which binds
    every public name of x in the module, after the defs a reviewer reads as the module's; an assignment (or
    `del`, `setattr`) to an attribute of a name an import binds (`strict.check = lambda record: []` in another
    module of the package); and a write to the module's namespace (`globals()["check"] = ...`). Python runs
    the later binding, a reviewer of the module reads its own: `def check(record):` with its rules, then
    `from sle_trials.checks.lax import *` at the module's end (lax defining `check` to return nothing), and
    a module of the package's outputs setting `strict.check` as it was imported, each passed (exit 0)."""
    if path.startswith(TESTS):
        return
    imported = _imported(nodes)
    givers = _module_functions(nodes, imported)
    if giver is not None:  # one of another module's (giver: the tree's, read for it)
        givers |= _imported_givers(path, nodes, giver)
    # a function returning a module is read as one an import binds: `pick().check` binds the module's name
    source = _Source(nodes, _imported(nodes, givers) | imported | givers, givers, constants_of(nodes))
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: `from {'.' * node.level}{node.module or ''} import *` "
                "binds every public name of that module here, in place of what a reviewer reads as this "
                "module's; import the names it uses"
            )
        if isinstance(node, _BINDINGS):
            _bound_here(path, node, source)
        elif isinstance(node, ast.Call):
            _called_here(path, node, source)


def no_name_bound_in(path: str, nodes: list[ast.AST], held: set[str]) -> None:
    """Refused, as no_name_bound_from_elsewhere reads the code: a statement or a call among nodes binding a name of
    a module that one of held names (or of one given by its name), or writing a namespace. For the tests' code that
    runs for every test (git/patched_by_the_tests.py), which the rule above leaves to them."""
    source = _Source(nodes, held, frozenset(), constants_of(nodes))
    for node in nodes:
        if isinstance(node, _BINDINGS):
            _bound_here(path, node, source)
        elif isinstance(node, ast.Call):
            _called_here(path, node, source)


@dataclasses.dataclass
class _Source:
    """What no_name_bound_from_elsewhere reads of a source once: its nodes, the names its imports bind (and its
    functions that return a module, givers), its names of constant strings, and (local, filled on first use) the
    ids of the bindings of a function's own names (_own_objects)."""

    nodes: list[ast.AST]
    imported: set[str]
    givers: frozenset[str]
    constants: dict[str, str]
    local: list[set[int]] = dataclasses.field(default_factory=list)


# the statements that bind (or unbind) their targets
_BINDINGS = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)


def _own_objects(nodes: list[ast.AST], givers: frozenset[str]) -> set[int]:
    """The ids of the attribute targets and setattr() calls, in a function, whose name is the function's own (a
    parameter, or a name it binds but by an import): `def mark(record): record.seen = True` binds an attribute
    of the object given, whatever module the name `record` is imported as elsewhere in the source."""
    out: set[int] = set()
    for function in nodes:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        own: list[ast.AST] = []
        stack: list[ast.AST] = [*function.body]
        while stack:  # its own scope's nodes: not a nested def's, lambda's or class's
            node = stack.pop()
            own.append(node)
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                stack.extend(ast.iter_child_nodes(node))
        given = function.args
        names = {a.arg for a in [*given.posonlyargs, *given.args, *given.kwonlyargs, given.vararg, given.kwarg] if a}
        # (a comprehension's variable is its own scope's: `[0 for strict in ()]` leaves `strict` the module's)
        looped = {id(n) for c in own if isinstance(c, ast.comprehension) for n in ast.walk(c.target)}
        names.update(
            n.id for n in own if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and id(n) not in looped
        )
        names.difference_update(_imported(own, givers))  # `import strict` in the function is the module still
        names.difference_update(n for node in own if isinstance(node, (ast.Global, ast.Nonlocal)) for n in node.names)
        for node in own:
            targets = _targets(node) if isinstance(node, _BINDINGS) else []
            out.update(id(t) for t in targets if isinstance(t, (ast.Attribute, ast.Subscript)) and _root(t) in names)
            if isinstance(node, ast.Call) and (
                (node.args and _root(node.args[0]) in names)
                or (isinstance(node.func, ast.Attribute) and _root(node.func) in names)
            ):
                out.add(id(node))
    return out


def _held_by_a_function(node: ast.AST, source: _Source) -> bool:
    """Whether node binds an attribute of a function's own name (_own_objects, read once into source.local)."""
    if not source.local:
        source.local.append(_own_objects(source.nodes, source.givers))
    return id(node) in source.local[0]


def _foreign(held: ast.expr, node: ast.AST, source: _Source) -> bool:
    """Whether held (an object whose name node binds) is a module given by its name, or one an import binds (but a
    function's own name, of the same name)."""
    return _of_a_module(held, source.givers) or (
        _root(held) in source.imported and not _held_by_a_function(node, source)
    )


def _bound_here(path: str, node: ast.stmt, source: _Source) -> None:
    """Refused (no_name_bound_from_elsewhere): a statement binding an imported name's attribute (but a
    function's own name's, of the same name), directly or as an item of its namespace (`strict.__dict__["check"]`,
    `vars(strict)["check"]`), a module in the table of those imported, or a name through the module's
    namespace."""
    for target in _targets(node):
        if isinstance(target, ast.Subscript) and _the_module_table(target.value):
            _module_replaced(path, target.lineno)
        namespace = _namespace_of(target.value, source.constants) if isinstance(target, ast.Subscript) else None
        if (isinstance(target, ast.Attribute) or namespace is not None) and _foreign(
            namespace or target, target, source
        ):
            shown = ast.unparse(target)
            raise Refused(
                f"{files.shown(path)} line {target.lineno}: `{files.printable(shown[:80])}` binds a name of an "
                "imported module or class from here, which a reviewer of that module does not read; "
                "bind it where it is defined"
            )
        if _writes_namespace(target):
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: a name bound through globals(), vars() or "
                "locals(), which a reviewer does not read as a binding; bind it by its name"
            )


def _called_here(path: str, node: ast.Call, source: _Source) -> None:
    """Refused (no_name_bound_from_elsewhere): setattr() or delattr() on an imported name (but a function's own
    name's, of the same name), or names bound in bulk through the module's namespace."""
    if (
        isinstance(node.func, ast.Name)
        and node.func.id in _SETTERS
        and node.args
        and (
            _of_a_module(node.args[0], source.givers)
            or (_root(node.args[0]) in source.imported and not _held_by_a_function(node, source))
        )
    ):
        raise Refused(
            f"{files.shown(path)} line {node.lineno}: {node.func.id}() on an imported module or class binds its "
            "name from here, which a reviewer of that module does not read; bind it where it is defined"
        )
    if _namespace_update(node):
        raise Refused(
            f"{files.shown(path)} line {node.lineno}: names bound through globals(), vars() or locals(), "
            "which a reviewer does not read as bindings; bind each by its name"
        )
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    written = (
        node.args[0]
        if name in _ITEM_SETTERS and node.args
        else func.value
        if name in _WRITERS and isinstance(func, ast.Attribute)
        else None
    )
    if written is not None and _the_module_table(written):
        _module_replaced(path, node.lineno)
    held = [] if written is None or (namespace := _namespace_of(written, source.constants)) is None else [namespace]
    if name in _DUNDER_SETTERS and isinstance(func, ast.Attribute):
        held = [func.value, *node.args[:1]]
    got = attribute_got(func, source.constants)  # `getattr(strict, "__set" + "attr__")("check", list)`
    if got is not None and got[1] in _DUNDER_SETTERS:
        held = [got[0], *node.args[:1]]
    if any(_foreign(one, node, source) for one in held):
        raise Refused(
            f"{files.shown(path)} line {node.lineno}: `{files.printable(ast.unparse(node)[:80])}` binds a name of "
            "an imported module or class from here, through its namespace, which a reviewer of that module does "
            "not read; bind it where it is defined"
        )


def _module_replaced(path: str, line: int) -> None:
    raise Refused(
        f"{files.shown(path)} line {line}: a module put in (or taken out of) sys.modules, which every later import "
        "of its name then gives in place of the module a reviewer reads; import the module itself"
    )


def _namespace_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _NAMESPACES
        and (node.func.id != "vars" or not node.args)
    )


def _writes_namespace(target: ast.expr) -> bool:
    """`globals()[...]` (or a no-argument vars() or locals()) as a target."""
    return isinstance(target, ast.Subscript) and _namespace_call(target.value)


def _namespace_update(call: ast.Call) -> bool:
    """`globals().update(...)`, `.setdefault(...)`, `.pop(...)`: names bound or unbound in bulk."""
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in ("update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__")
        and _namespace_call(func.value)
    )


# The site module's helpers of an interactive session, which print a text and which no code calls: a module may
# bind their names (Sphinx reads a docs/conf.py's `copyright`). `exit` and `quit`, which end a script, are
# builtins to it, whether or not site has run (`python -S` has neither).
_SESSION_HELPERS = frozenset(("copyright", "credits", "license", "help"))
BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_")) - _SESSION_HELPERS | {"exit", "quit"}
_MODULE_BLOCKS = ("body", "orelse", "finalbody", "handlers")


def _module_bindings(tree: ast.Module) -> list[tuple[str, int]]:
    """Each name the module's own scope binds (its statements, and those of its `if`, `try`, `for` and `with`
    blocks, not a def's or a class's body), with its line."""
    out: list[tuple[str, int]] = []
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.append((node.name, node.lineno))
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out.extend(((alias.asname or alias.name).split(".")[0], node.lineno) for alias in node.names)
        out.extend((target.id, target.lineno) for target in _targets(node) if isinstance(target, ast.Name))
        if isinstance(node, ast.ExceptHandler) and node.name:
            out.append((node.name, node.lineno))
        for field in _MODULE_BLOCKS:
            stack.extend(getattr(node, field, None) or [])
    return out


def no_builtin_rebound(path: str, tree: ast.Module) -> None:
    """Refused: a module that binds a builtin's name in its own scope (`def sorted(items):`, `len = ...`, `from x
    import check as all`). Every line of the module that calls the builtin calls the module's in its place, and a
    reviewer reads `sorted(problems)` as Python's: a checker module whose last lines defined `def sorted(items):
    return []` reported no problem (tested) and passed (exit 0). A method or a function's own name may be a
    builtin's (read by `self.format`, or within the function alone), and a module may bind the names of site's
    helpers of an interactive session (`copyright = "2026, ..."`, which Sphinx reads in docs/conf.py). The
    repository binds none."""
    for name, line in _module_bindings(tree):
        if name in BUILTINS:
            raise Refused(
                f"{files.shown(path)} line {line}: the builtin {name!r} bound by the module, which every line of it "
                "then calls in place of Python's a reviewer reads; name it otherwise"
            )


def _placeholder(node: ast.stmt) -> bool:
    """Whether a module-level binding is a placeholder a function fills (`_worker = None`, `x: T | None = None`,
    or an annotation alone)."""
    value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else ast.Pass()
    return isinstance(node, (ast.Assign, ast.AnnAssign)) and (
        value is None or (isinstance(value, ast.Constant) and value.value is None)
    )


def no_global_rebound(path: str, tree: ast.Module) -> None:
    """Refused: a function that binds, through `global`, a name the module binds to a value (not a placeholder,
    None, which a function fills: the repository's worker process keeps its checker so). A reviewer reads the
    module's `STRICT = True` as what it holds; `def _setup(): global STRICT; STRICT = False`, called as the
    module is imported, set it again, and passed (exit 0)."""
    valued: dict[str, int] = {}
    for node in tree.body:
        for name in [t.id for t in _targets(node) if isinstance(t, ast.Name)] if not _placeholder(node) else []:
            valued.setdefault(name, node.lineno)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            valued.setdefault(node.name, node.lineno)
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        declared = {name for part in ast.walk(function) if isinstance(part, ast.Global) for name in part.names}
        for part in ast.walk(function) if declared else []:
            for target in _targets(part):
                if isinstance(target, ast.Name) and target.id in declared and target.id in valued:
                    raise Refused(
                        f"{files.shown(path)} line {target.lineno}: the module's {target.id!r} (line "
                        f"{valued[target.id]}) bound again by {function.name}() through `global`, in place of the "
                        "value a reviewer reads; bind it once, or to None where a function fills it"
                    )
