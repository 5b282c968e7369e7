"""Code run from a string: a Python source whose code hands a text (or bytes) to Python to run, so that what runs
is no statement any reader of the source reads as one (git/defined_twice.py's no_name_bound_twice reads each
Python source through it)."""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.bound_elsewhere import TESTS
from sle_trials.git.built_names import constants_of, text_of
from sle_trials.git.refusal import Refused

# The tests run code from strings on purpose (a mechanism's test execs the attack it shows); their conftest.py,
# whose hooks and fixtures run for every test, is held as the code that runs the check is
CONFTEST = "tests/conftest.py"
# The builtins that run a text as code, or make one runnable
RUNNERS = frozenset(("exec", "eval", "compile"))
# The modules that run a text, a file's text by its name, or bytes as code (a marshalled code object, a pickle's
# reduce), and the module of the builtins themselves reached as a mapping (`__builtins__["exec"]`)
RUNNING_MODULES = frozenset(("runpy", "code", "codeop", "marshal", "pickle", "shelve", "builtins"))
# The attributes that give a function's code object, which `replace(co_code=...)` makes any bytes' code, and
# those that reach the builtins past their names (a function's or a frame's globals, every class loaded)
CODE_ATTRIBUTES = frozenset(
    ("__code__", "co_code", "__builtins__", "__globals__", "__subclasses__", "f_globals", "f_builtins")
)
# The names by which a string reaches them (`__import__("builtins")`, `sys.modules["builtins"]`, `getattr(m,
# "exec")`)
NAMED = RUNNERS | {"builtins", "__builtins__"}
# the one use of the builtins module a reader of it reads as no code: the list of its names
_LISTERS = frozenset(("dir",))


def no_code_run_from_a_string(path: str, nodes: list[ast.AST]) -> None:
    """Refused, in a Python source of the code but the tests (and in tests/conftest.py): exec(), eval() or
    compile() (by its name, or from the builtins module reached otherwise: `builtins.exec`, `getattr(builtins,
    ...)`, `__builtins__`, a name given as a string, `sys.modules["builtins"]`, a function's `__globals__`), an
    import of a module that runs text or bytes as code (runpy, code, codeop, marshal, pickle, shelve), a
    function's code object (`__code__`, `co_code`), and a child Python given its code as an argument
    (`[sys.executable, "-c", TEXT]`). The rules of the extraction read a source's statements; code in a string
    is none of them: a checker module holding `def check(record): return []` in a triple-quoted string, then
    `exec(RULES)` at its end, bound `check` anew past every rule of names bound twice (tested), and passed (exit
    0), its review a docstring-like text and one call. The repository's code runs no string (ast.literal_eval
    reads a constant, and is no runner). A name built from constants alone is read as it is built
    (built_names.text_of: `getattr(importlib.import_module("built" + "ins"), "ex" + "ec")`, which hunt 207 left,
    hunt 210); one built from what runs (checks/__init__.py's modules by their names) is not followed: the words
    that build it are the code's, shown in its review."""
    if path.startswith(TESTS) and path != CONFTEST:
        return
    builtin_modules = {
        alias.asname or alias.name
        for node in nodes
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name == "builtins"
    }
    listed = {
        id(argument)
        for node in nodes
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _LISTERS
        for argument in node.args
    }
    constants = constants_of(nodes)
    for node in nodes:
        said = _runs_a_string(node, builtin_modules, listed, constants)
        if said is not None:
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 0)}: {said}, which runs a text as code that no "
                "rule (and no reviewer) reads as the source's statements; write the code as statements"
            )


def _runs_a_string(node: ast.AST, builtin_modules: set[str], listed: set[int], constants: dict[str, str]) -> str | None:
    """What node does that runs a text as code (no_code_run_from_a_string), or None."""
    if isinstance(node, ast.Name) and node.id in RUNNERS | {"__builtins__"}:
        return f"{node.id}()" if node.id in RUNNERS else "__builtins__"
    if isinstance(node, ast.Name) and node.id in builtin_modules and id(node) not in listed:
        return "the builtins module used but to list its names (`builtins.exec`, getattr(builtins, ...))"
    if isinstance(node, ast.Attribute) and node.attr in CODE_ATTRIBUTES:
        return f"`.{node.attr}`"
    if isinstance(node, ast.keyword) and node.arg in CODE_ATTRIBUTES:
        return f"`{node.arg}=`"
    if isinstance(node, ast.Import):
        running = [alias.name for alias in node.names if alias.name.split(".")[0] in RUNNING_MODULES - {"builtins"}]
        return f"an import of {running[0]}" if running else None
    if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] in RUNNING_MODULES:
        return f"an import from {node.module}"
    if isinstance(node, ast.Call) and any(_named(argument, constants) for argument in node.args):
        return "a runner or the builtins named by a string"
    if isinstance(node, ast.Subscript) and _named(node.slice, constants):
        return "a runner or the builtins named by a string"
    if isinstance(node, (ast.List, ast.Tuple)) and _child_python(node.elts):
        return "a child Python given its code as an argument (`-c`)"
    return None


def _named(node: ast.expr, constants: dict[str, str]) -> bool:
    """Whether node is a string (one built from constants too: `"ex" + "ec"`) naming a runner or the builtins."""
    return text_of(node, constants) in NAMED


def _child_python(items: list[ast.expr]) -> bool:
    """`sys.executable` and `"-c"` in one list: a Python run with a text as its code."""
    executable = any(isinstance(item, ast.Attribute) and item.attr == "executable" for item in items)
    return executable and any(isinstance(item, ast.Constant) and item.value == "-c" for item in items)
