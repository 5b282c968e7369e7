"""Assertions that check nothing: Python's optimisation set for the tests, or an `assert` true by its form (git/
extract.py reads each file of the code through it, git/defined_twice.py each Python source's tree).

Python run optimised (`python -O`, or the variable PYTHONOPTIMIZE set in its environment) compiles no `assert`
statement: pytest still rewrites the asserts of the test modules and the conftest, but the helpers' (tests/
mutations.py's, a module a test imports its checks from) are gone, and with pytest's `--assert=plain` every one of
them is. `os.environ["PYTHONOPTIMIZE"] = "1"` at the top of tests/conftest.py, which runs before xdist starts its
workers, had `make test`'s workers run optimised: a test whose helper asserts `1 == 2` passed (tested), and so did
the test modules' own asserts with `--assert=plain` in addopts (tested); `.venv/bin/python -O -m pytest` in the
Makefile the same. Each passed the extraction (exit 0, hunt 214), its review one line of settings. So no file of
the code names PYTHONOPTIMIZE outside a comment nor gives Python its option `-O`, no Python source sets that
variable (a key written, given or displayed) outside a test's own body (a test may run a process of its own so),
nor writes into `os.environ` a variable named as it runs, which no rule can read.

An `assert` of a tuple (`assert (check(record) == [], "says nothing")`) is true whatever it holds, and reads as an
assert with its message; ruff's F631 says so, and a pull request may drop F631 from its `select` (ruff's settings
for every module alike pass: git/lint_settings.py) or exempt the line (`# noqa: F631`). So an `assert` of a display
(a tuple, a list, a set, a dict that holds something), an f-string, a lambda or a generator is refused wherever it
stands: it checks nothing, and reads as a check. `assert True` reads as what it is, and passes (the tests' own
stand-ins for a test of another rule hold it). The repository asserts none of those.

So is an assert of a string (`assert "found == []"`), of an `or` one of whose operands is true by its form
(`assert found == [] or True`), and of a function of the module left uncalled (`assert check`, a name bound only
to a `def` or a lambda): each such test of `1 == 2` passed under pytest, and the extraction (exit 0, hunt 215).
And so is an assert of an imported name, or an attribute of one, left uncalled (`assert strict.check`, `assert
os.path.isfile`, `from ... import check` then `assert check`): a module, a function and a class are true whatever
the code does; each passed under pytest and the extraction (exit 0, hunt 216). A CONSTANT of a module may be false,
and passes; so does an attribute of a test's own object (`assert report.valid`). So is an assert of constants
alone that is true (`assert 1 == 1`, `assert not 0`, `assert all([])`), worked out here on small values (never
run), and of a value compared with itself (`assert found == found`): each passed under pytest and the extraction
(exit 0, hunt 216). `assert True` reads as what it is, and one of constants that is false (`assert 1 == 2`) fails.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

from sle_trials import files
from sle_trials.git.built_names import constants_of, text_of
from sle_trials.git.refusal import Refused
from sle_trials.patterns import lazy

_OPTIMISE = "PYTHONOPTIMIZE"
_TESTS = "tests/"
# a program that is Python (`python`, `python3.11`, `$(BIN)/python`), whose options stand before its script
_PYTHON = lazy(r"python[0-9.]*")
# what a word of a line is parted from the next by, in a makefile, a shell script, a workflow or TOML
_BETWEEN_WORDS = lazy(r"[\s'\"`;|&(){}\[\],=]+")
# what a file must hold for a line of it to be read (most hold none)
_MAY_OPTIMISE = lazy(rb"-[A-Za-z]*O|OPTIMIZE|python")
# Python's short options that take what follows as their value (`-W error`, `-Xdev`), or end its options
_WITH_VALUE, _ENDING = frozenset("WX"), frozenset("cm")
# the letters of Python's short options that take no value: a word of them alone with O (`-O`, `-OO`, `-BO`), wherever
# it stands, is read as Python's (a makefile's variable may hold it for a later `$(BIN)/python $(FLAGS)`)
_FLAGS = frozenset("bBdEiIOPqsSuv")
# the calls that write a variable of the environment (os.environ's methods, os.putenv, pytest's monkeypatch)
_ENVIRON_SETTERS = frozenset(("update", "setdefault", "__setitem__", "putenv", "setenv", "__ior__"))
_ENVIRON = "environ"
# the builtins whose value is made of their arguments alone (an assert of them on constants is constant), and the
# comparisons every value but NaN holds of itself
_PURE_BUILTINS: dict[str, Callable[[tuple], object]] = {"all": all, "any": any, "len": len, "bool": bool}
_COMPARING: dict[type, Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.Gt: operator.gt, ast.LtE: operator.le,
    ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not,
}  # fmt: skip
_REFLEXIVE = (ast.Eq, ast.Is, ast.LtE, ast.GtE)
_SAID = (
    "by which Python strips every `assert` of the code it runs (pytest's rewriting of the test modules aside, and "
    "with `--assert=plain` those too): a failing assertion passes, and CI's `make test` with it"
)


def _optimising_option(word: str) -> bool:
    """Whether a word of Python's options asks for its optimisation (`-O`, `-OO`, `-BO`; not `-Wonce`'s O)."""
    if not word.startswith("-") or word.startswith("--"):
        return False
    for letter in word[1:]:
        if letter == "O":
            return True
        if letter in _WITH_VALUE or letter in _ENDING:
            return False
    return False


def _optimising(line: str) -> str | None:
    """What on a line of a file of the code but Python has Python run optimised, or None."""
    if _OPTIMISE in line:
        return f"`{_OPTIMISE}`"
    words = [word for word in _BETWEEN_WORDS.split(line) if word]
    for n, word in enumerate(words):
        if word.startswith("-") and "O" in word and set(word[1:]) <= _FLAGS:  # `PYFLAGS = -BO` too
            return f"Python's option {files.printable(word)}"
        if _PYTHON.fullmatch(word.rpartition("/")[2]):
            for option in words[n + 1 :]:
                if not option.startswith("-") or option == "--":
                    break
                if _optimising_option(option):
                    return f"Python's option {files.printable(option)}"
    return None


def no_optimisation_in_a_command(path: str, data: bytes | None, python: bool = False) -> None:
    """Refused: a line of a file of the code (a makefile, a shell script, a workflow, pyproject.toml; of a Python
    source, its `#!` line alone) that names PYTHONOPTIMIZE or gives Python its option `-O` (the module's
    docstring says why). A comment passes; a `#!` line is none."""
    if data is None or not _MAY_OPTIMISE.search(data):
        return
    lines = data.decode("utf-8", "replace").split("\n")
    for number, line in enumerate(lines[:1] if python else lines, 1):
        stripped = line.lstrip()
        if stripped.startswith("#") and not (number == 1 and stripped.startswith("#!")):
            continue
        if python and not stripped.startswith("#!"):
            return
        said = _optimising(line)
        if said is not None:
            raise Refused(
                f"{files.shown(path)} line {number}: {said}, {_SAID}; run Python unoptimised (no `-O`, no {_OPTIMISE})"
            )


def _in_tests_bodies(path: str, tree: ast.Module) -> set[int]:
    """The ids of the nodes within a test's own body (a `test...` function of a module under tests/), where a test
    may start a process of its own optimised: what it runs is its own, not the suite's."""
    if not path.startswith(_TESTS):
        return set()
    return {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")
        for inner in ast.walk(node)
        if inner is not node
    }


def _environ(node: ast.expr) -> bool:
    """Whether an expression is the process's environment (`os.environ`, `environ` imported from os)."""
    return (isinstance(node, ast.Attribute) and node.attr == _ENVIRON) or (
        isinstance(node, ast.Name) and node.id == _ENVIRON
    )


def _keys_set(node: ast.AST, constants: dict[str, str]) -> list[tuple[ast.AST, str | None]]:
    """The variables' names a node writes into an environment or gives as one (None: a name built as it runs, where
    it writes into `os.environ`): a subscript bound, a setter's first argument, a keyword, a dict display's key, a
    pair's first item."""
    found: list[tuple[ast.AST, str | None]] = []
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
        named = text_of(node.slice, constants)
        if named is not None or _environ(node.value):
            found.append((node, named))
    elif isinstance(node, ast.Call):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        to_environ = (isinstance(func, ast.Attribute) and _environ(func.value)) or called == "putenv"
        # `dict(os.environ, PYTHONOPTIMIZE="1")`, `os.environ.update(**given)`
        found += [(node, k.arg) for k in node.keywords if k.arg == _OPTIMISE or (to_environ and k.arg is None)]
        if called in _ENVIRON_SETTERS and node.args:
            first = node.args[0]
            if called not in ("update", "__ior__"):
                named = text_of(first, constants)
                if named is not None or to_environ:
                    found.append((node, named))
            elif to_environ and isinstance(first, (ast.List, ast.Tuple)):  # pairs: each read as a tuple too
                pairs = [item for item in first.elts if isinstance(item, ast.Tuple) and len(item.elts) == 2]
                if len(pairs) != len(first.elts) or any(text_of(p.elts[0], constants) is None for p in pairs):
                    found.append((node, None))
            elif to_environ and not isinstance(first, ast.Dict):  # a mapping made elsewhere: its names unread
                found.append((node, None))
            elif to_environ and isinstance(first, ast.Dict):  # `os.environ.update({name: "1"})`, `{**given}`
                if any(key is None or text_of(key, constants) is None for key in first.keys):
                    found.append((node, None))
    elif isinstance(node, ast.Dict):
        found += [(node, text_of(key, constants)) for key in node.keys if key is not None]
        found = [(n, named) for n, named in found if named is not None]
    elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
        named = text_of(node.elts[0], constants)
        if named == _OPTIMISE:
            found.append((node, named))
    elif isinstance(node, ast.AugAssign) and _environ(node.target) and not isinstance(node.value, ast.Dict):
        found.append((node, None))
    return found


def _optimise_flag_given(node: ast.AST, constants: dict[str, str]) -> bool:
    """Whether a node hands Python its option `-O` as an argument of a process (an item of a list or a tuple, an
    argument of a call: `os.execv(sys.executable, [sys.executable, "-O", ...])`)."""
    items = node.elts if isinstance(node, (ast.List, ast.Tuple)) else node.args if isinstance(node, ast.Call) else []
    for item in items:
        word = text_of(item, constants)
        if word is not None and word.startswith("-") and "O" in word and set(word[1:]) <= _FLAGS:
            return True
    return False


def no_optimisation_set(path: str, data: bytes, tree: ast.Module, nodes: list[ast.AST]) -> None:
    """Refused, in a Python source: PYTHONOPTIMIZE written into an environment or given as one's variable, or
    Python's `-O` handed to a process, outside a test's own body; a variable of `os.environ` named as it runs (the
    module's docstring says why)."""
    if _ENVIRON.encode() not in data and b"OPTIMIZE" not in data and b"-O" not in data and b"OPTIM" not in data:
        return  # (read first: few sources write an environment)
    own = _in_tests_bodies(path, tree)
    constants = constants_of(nodes)
    for node in nodes:
        if id(node) in own:
            continue
        for where, named in _keys_set(node, constants):
            if named is None or named == _OPTIMISE or named.startswith(_OPTIMISE + "="):
                line = getattr(where, "lineno", 1)
                if named is None:
                    raise Refused(
                        f"{files.shown(path)} line {line}: a variable of the process's environment named as it runs "
                        f"(or given by a mapping made elsewhere), which may be {_OPTIMISE}, {_SAID}; name it as it is"
                    )
                raise Refused(f"{files.shown(path)} line {line}: `{_OPTIMISE}` set, {_SAID}; remove it")
        if _optimise_flag_given(node, constants):
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 1)}: Python's option -O handed to a process "
                f"outside a test's own body, {_SAID}; run Python unoptimised"
            )


def _always_true(
    test: ast.expr, functions: frozenset[str] = frozenset(), imported: frozenset[str] = frozenset()
) -> str | None:
    """What an assert's test is when it is true by its form alone, or None: a display, a string, an `or` one of
    whose operands is, a function of the module's uncalled (functions: the names bound only to a `def` or a
    lambda), an imported name or an attribute of one uncalled (imported: the names bound only by an import), but a
    CONSTANT's."""
    dotted = ast.unparse(test) if isinstance(test, (ast.Name, ast.Attribute)) else ""
    root = test
    while isinstance(root, ast.Attribute):
        root = root.value
    last = dotted.rpartition(".")[2]
    if isinstance(root, ast.Name) and root.id in imported and not last.isupper():
        return f"the imported {dotted} uncalled"
    if isinstance(test, ast.Constant) and isinstance(test.value, (str, bytes)) and test.value:
        return "a string"
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        truthy = [
            operand
            for operand in test.values
            if _always_true(operand, functions, imported) or (isinstance(operand, ast.Constant) and bool(operand.value))
        ]
        if truthy:
            return "an `or` one of whose operands is true by its form"
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.IsNot, ast.NotEq))
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
        and (said := _always_true(test.left, functions, imported)) is not None
        and said.endswith("uncalled")
    ):
        return f"{said}, compared with None"
    if (
        isinstance(test, ast.Compare)
        and all(isinstance(operator, _REFLEXIVE) for operator in test.ops)
        and len({ast.unparse(side) for side in (test.left, *test.comparators)}) == 1
        and all(isinstance(side, (ast.Name, ast.Attribute)) for side in (test.left, *test.comparators))
    ):
        return "a value compared with itself"
    if isinstance(test, ast.Name) and test.id in functions:
        return f"the function {test.id} uncalled"
    if isinstance(test, (ast.Tuple, ast.List, ast.Set)) and test.elts:
        return f"a {type(test).__name__.lower()} display"
    if isinstance(test, ast.Dict) and test.keys:
        return "a dict display"
    if isinstance(test, ast.JoinedStr) and test.values:
        return "an f-string"
    if isinstance(test, (ast.Lambda, ast.GeneratorExp)):
        return f"a {'lambda' if isinstance(test, ast.Lambda) else 'generator'}"
    if not isinstance(test, ast.Constant) and constant_truth(test) is True:
        return "an expression of constants (or builtins of them)"
    return None


def _constant_value(node: ast.expr) -> object:
    """The value of an expression of constants, displays and builtins of them (`1 == 1`, `not 0`, `all([])`),
    worked out on small values alone (never run); ValueError where it reads anything else."""
    if isinstance(node, ast.Constant) and (not isinstance(node.value, (int, str)) or len(str(node.value)) < 100):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return tuple(_constant_value(item) for item in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _constant_value(node.operand)
    if isinstance(node, ast.BoolOp):
        values = [bool(_constant_value(value)) for value in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare):
        sides = [_constant_value(side) for side in (node.left, *node.comparators)]
        if not all(type(op) in _COMPARING for op in node.ops):
            raise ValueError("a comparison")
        try:
            return all(_COMPARING[type(op)](a, b) for op, a, b in zip(node.ops, sides, sides[1:]))
        except TypeError as unordered:
            raise ValueError("unordered") from unordered
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _PURE_BUILTINS:
        if len(node.args) == 1 and not node.keywords:
            argument = _constant_value(node.args[0])
            if isinstance(argument, tuple):
                return _PURE_BUILTINS[node.func.id](argument)
    raise ValueError("not constant")


def constant_truth(test: ast.expr) -> bool | None:
    """Whether an expression of constants is true (None where it reads anything else): true, its assert checks
    nothing; false, its test fails whatever the code does, as `assert False` reads."""
    try:
        return bool(_constant_value(test))
    except ValueError:
        return None


def _functions_only(nodes: list[ast.AST]) -> frozenset[str]:
    """The names a source binds only to a function (a `def`, or a lambda assigned), wherever it binds them."""
    functions: set[str] = set()
    others: set[str] = set()
    for node in nodes:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.add(node.name)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            functions |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            others.add(node.id)
        elif isinstance(node, ast.arg):
            others.add(node.arg)
    lambdas = {
        target.id
        for node in nodes
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    return frozenset(functions - (others - lambdas))


def _imported_only(nodes: list[ast.AST]) -> frozenset[str]:
    """The names a source binds only by an import (a module, or a function, a class or a constant of one)."""
    imported = {
        (alias.asname or alias.name).split(".")[0] if isinstance(node, ast.Import) else alias.asname or alias.name
        for node in nodes
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    others = {node.id for node in nodes if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    others |= {node.arg for node in nodes if isinstance(node, ast.arg)}
    return frozenset(imported - others)


def no_assert_true_by_its_form(path: str, nodes: list[ast.AST]) -> None:
    """Refused, in a Python source: an `assert` true whatever it holds (`assert (found == [], "message")`: the
    module's docstring says why)."""
    functions = _functions_only(nodes)
    imported = _imported_only(nodes)
    for node in nodes:
        if isinstance(node, ast.Assert) and (said := _always_true(node.test, functions, imported)) is not None:
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: an assert of {said}, true whatever it holds, which checks "
                "nothing (`assert (x == y, 'message')` reads as an assert with its message); write `assert x == y, "
                "'message'`"
            )
