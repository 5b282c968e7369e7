"""A test ended, skipped or excused under a condition true where CI runs it (git/defined_twice.py reads each Python
source of the tests through it).

A test may end early (`if kind == "BODY_WEIGHT": return`, a parameter's case) or skip where what it needs is
missing (`if not shutil.which("make"): pytest.skip(...)`): the repository does both. But the same statements under a
condition that holds where CI runs make the test one that checks nothing there, and reads as one that checks where
it runs: `if os.environ.get("CI"): return` before a failing assert, `if shutil.which("git"): return`, `if
sys.platform.startswith("linux"): pytest.skip(...)`, `@pytest.mark.skipif("CI" in os.environ, ...)`, `if True:
return` in a loop before the test's assert: each passed under pytest with CI set (tested), and the extraction (exit
0, hunt 216).

So a condition is worked out as it stands where CI runs (never run: it is the pull request's code): CI's variables
set (CI, GITHUB_*, RUNNER_*, HOME, PATH), the platform Linux, a program looked up found (its absence is what an
honest test skips on), a module's attribute there (`hasattr(os, "mkfifo")`), a constant as it is; `not`, `and`, `or`,
`is None` and comparisons of those. A `return` (before an assert of the test) or a skip or xfail (`pytest.skip`,
`pytest.xfail`, a `skipif` or `xfail` mark, its condition given as a string too) under a condition so true is
refused; one the reader cannot work out (a parameter, a result) is the test's own, and passes. So is a name of the
module bound to such a value (`CI = os.environ.get("CI")`, then `if CI: return`). A test's skip with no condition
(`@pytest.mark.skip`, `pytest.skip()` as it starts) reads as what it is, and passes (hunt 211's ruling).

The interpreter's own values are worked out too, as the Python running the check (CI's) has them, compared by order as
well: `if sys.version_info >= (3, 8): return` and `@pytest.mark.skipif(sys.version_info > (3,), ...)` passed (exit 0,
hunt 217); `skipif(sys.version_info < (3, 11), ...)` is false there, and passes. And a condition on what the reader
cannot work out of the run's surroundings (a variable CI's runner may or may not set: `os.environ.get("USER")`, the
user, the host, the processors, a module's name bound to one) is CI's to decide either way: `if
os.environ.get("USER"): return` passed under pytest where USER is set, as on GitHub's runner (tested), and the
extraction (exit 0, hunt 217). A skip or a `return` under either branch of one is refused; `pytest.fail` under
`os.environ.get("CI") == "true"` (test_consumers.py's) is no skip, and a skip as root (test_hostile.py's) is CI's
runner's user's, not root's. So are the time (`if time.time() > 1.7e9: return` holds on every run after 2023), the
terminal, the command's arguments and a library's version; `__debug__` and a module's flag of an import (`try: import
hypothesis; HAVE = True` `except ImportError: HAVE = False`) are worked out as CI has them, and a `return` before the
asserts of a helper a test calls is held as a test's own (each passed, exit 0, hunt 217). A skip raised (`raise
pytest.skip.Exception(...)`, `unittest.SkipTest`), a mark's `condition=` keyword, and a `while` or a `match` on such a
condition are held alike (hunt 217). A mark's condition is read as pytest collects the test, where no parameter
or result of it stands: one the reader cannot work out (`@pytest.mark.xfail(bool(len("a")), ...)` added to a failing
test passed, exit 0) is refused, and `importlib.util.find_spec(...) is None` (false: git/skipped.py refuses a
module no environment holds) and a program's path not found (`not (Path(sys.executable).parent / "ruff").exists()`)
are worked out, as the tests' are.
"""

from __future__ import annotations

import ast
import operator
import platform
import sys
from collections.abc import Callable
from typing import Any

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.git.skipped import environment_holds

_TESTS = "tests/"
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
# what CI's runner holds (GitHub's variables; a program and a module's attribute the tests look up are there)
_CI_VARIABLES = frozenset(("CI", "HOME", "PATH"))
_CI_PREFIXES = ("GITHUB_", "RUNNER_")
_PLATFORM = {"sys.platform": "linux", "os.name": "posix", "platform.system()": "Linux", "sys.byteorder": "little"}
_IMPORTED = "import:"
_SKIPPING = frozenset(("skip", "xfail"))
_MARKS = frozenset(("skipif", "xfail"))
_STRING_METHODS = frozenset(("startswith", "endswith", "lower", "upper", "strip"))
# the interpreter's own values, as they stand where the check runs (review.yml's runner, CI's Python): worked out
_INTERPRETER = {
    "sys.version_info": lambda: tuple(sys.version_info),
    "sys.version": lambda: sys.version,
    "sys.hexversion": lambda: sys.hexversion,
    "sys.implementation.name": lambda: sys.implementation.name,
    "sys.maxsize": lambda: sys.maxsize,
    "os.sep": lambda: "/",
    "platform.python_version()": platform.python_version,
    "platform.python_implementation()": platform.python_implementation,
}
_VERSION_PARTS = {"major": 0, "minor": 1, "micro": 2}
# the run's surroundings a condition may read and the reader cannot work out (who runs it, where, what its
# environment holds): a run on CI is one of them, whichever way such a condition goes there
_SURROUNDINGS = frozenset(
    (
        *("getuser", "getlogin", "gethostname", "cpu_count", "home", "expanduser", "node", "release"),
        # the run itself: its terminal, its folder, its process, the time (a date passed holds on every run after it)
        *("isatty", "getcwd", "cwd", "getpid", "time", "time_ns", "monotonic", "today", "now", "utcnow"),
        *("random", "randint", "choice", "version"),  # (importlib.metadata's version: what is installed)
    )
)
# and the attributes of the run: its command, its interpreter's flags, its modules, a library's version (not
# sys.executable, by which the tests find a program of the environment, whose absence they may skip on)
_SURROUNDING_ATTRIBUTES = frozenset(("argv", "flags", "modules", "__version__"))
_FROM_SURROUNDINGS = "surroundings:"
_FOUND = frozenset(("exists", "is_file", "is_dir", "isfile", "isdir"))
_ORDERED: dict[type, Callable[[Any, Any], Any]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}


def _environment(node: ast.expr) -> str | None:
    """The variable's name a read of the environment names (`os.environ.get("CI")`, `os.getenv("CI")`,
    `os.environ["CI"]`), or None."""
    if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("environ"):
        key = node.slice
    elif isinstance(node, ast.Call) and ast.unparse(node.func).endswith(("environ.get", "getenv")) and node.args:
        key = node.args[0]
    else:
        return None
    return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else ""


def set_in_ci(name: str) -> bool:
    return name in _CI_VARIABLES or name.startswith(_CI_PREFIXES)


def _value(node: ast.expr, constants: dict[str, object]) -> tuple[bool, object]:
    """(known, value) of an expression where CI runs: known False where the reader cannot say."""
    shown = ast.unparse(node)
    if shown in _PLATFORM:
        return True, _PLATFORM[shown]
    interpreter = _interpreter(node)
    if interpreter is not None:
        return True, interpreter
    if isinstance(node, ast.Constant):
        return True, node.value
    if isinstance(node, ast.Tuple):  # (`(3, 12)`, a version compared with)
        items = [_value(item, constants) for item in node.elts]
        return (True, tuple(value for _, value in items)) if all(known for known, _ in items) else (False, None)
    if isinstance(node, ast.Name) and node.id in constants:
        return True, constants[node.id]
    if isinstance(node, ast.Name) and node.id == "__debug__":
        return True, True  # (Python run without -O, which git/vacuous_asserts.py refuses for the tests)
    named = _environment(node)
    if named is not None:
        return (True, "true") if named and set_in_ci(named) else (False, None)
    if isinstance(node, ast.Call):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if called == "which":
            return True, "/usr/bin/program"  # found: what the tests look up, CI installs
        if called in ("getuid", "geteuid"):
            return True, 1001  # GitHub's runner's user, not root (test_hostile.py skips a case as root)
        if called in _FOUND:
            return True, True  # a file the tests look for (a program of the environment): there, as CI installs it
        spec = node.args[0] if called == "find_spec" and node.args else None
        if isinstance(spec, ast.Constant) and isinstance(spec.value, str):
            return True, "spec"  # found: a module no environment holds is git/skipped.py's to refuse, by its name
        owner = node.args[0] if called == "hasattr" and len(node.args) == 2 else None
        if isinstance(owner, ast.Name) and constants.get(_IMPORTED + owner.id) is True:
            return True, True  # an attribute of a module the test imports, of the platform CI runs on
        if called in _STRING_METHODS and isinstance(func, ast.Attribute):
            known, text = _value(func.value, constants)
            arguments = [_value(argument, constants) for argument in node.args]
            if known and isinstance(text, str) and all(ok and isinstance(value, str) for ok, value in arguments):
                return True, getattr(text, called)(*(value for _, value in arguments))
        return False, None
    if not isinstance(node, (ast.UnaryOp, ast.BoolOp, ast.Compare)):
        return False, None
    truth = truth_on_ci(node, constants)
    return (truth is not None), truth


def _interpreter(node: ast.expr) -> object | None:
    """An interpreter's value (`sys.version_info`, its `[:2]`, `.minor`, `platform.python_version()`) as it is in the
    Python running the check, which is CI's: or None."""
    made = _INTERPRETER.get(ast.unparse(node))
    if made is not None:
        return made()
    if isinstance(node, ast.Attribute) and node.attr in _VERSION_PARTS:
        version = _interpreter(node.value)
        return version[_VERSION_PARTS[node.attr]] if isinstance(version, tuple) else None
    if not isinstance(node, ast.Subscript):
        return None
    whole = _interpreter(node.value)
    index = node.slice
    if not isinstance(whole, (tuple, str)):
        return None
    if isinstance(index, ast.Constant) and isinstance(index.value, int) and -len(whole) <= index.value < len(whole):
        return whole[index.value]
    if isinstance(index, ast.Slice) and index.step is None:
        ends = [end.value if isinstance(end, ast.Constant) else end for end in (index.lower, index.upper)]
        lower, upper = (end if isinstance(end, int) else None for end in ends)
        if all(end is None or isinstance(end, int) for end in ends):
            return whole[lower:upper]
    return None


def of_the_surroundings(node: ast.expr, constants: dict[str, object]) -> bool:
    """Whether a condition reads what the reader cannot work out of the run's surroundings: the environment (a
    variable CI's runner may set or not: `USER`, `LANG`), the user, the host, a module's name bound to one."""
    for inner in ast.walk(node):
        named = _environment(inner) if isinstance(inner, (ast.Subscript, ast.Call)) else None
        if named is not None and not (named and set_in_ci(named)):
            return True
        if isinstance(inner, ast.Compare) and any(
            ast.unparse(right).endswith("environ") for right in inner.comparators
        ):
            return True
        if _called(inner) in _SURROUNDINGS or (
            isinstance(inner, ast.Name) and _FROM_SURROUNDINGS + inner.id in constants
        ):
            return True
        if isinstance(inner, ast.Attribute) and inner.attr in _SURROUNDING_ATTRIBUTES:
            return True
    return False


def truth_on_ci(node: ast.expr, constants: dict[str, object]) -> bool | None:
    """Whether a condition holds where CI runs: True, False, or None where the reader cannot say."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = truth_on_ci(node.operand, constants)
        return None if inner is None else not inner
    if isinstance(node, ast.BoolOp):
        truths = [truth_on_ci(value, constants) for value in node.values]
        wanted = isinstance(node.op, ast.Or)
        if wanted in truths:
            return wanted
        return None if None in truths else not wanted
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        return _compared(node, constants)
    if isinstance(node, (ast.UnaryOp, ast.BoolOp, ast.Compare)):
        return None
    known, value = _value(node, constants)
    return bool(value) if known else None


def _compared(node: ast.Compare, constants: dict[str, object]) -> bool | None:
    comparing, right = node.ops[0], node.comparators[0]
    if isinstance(comparing, (ast.In, ast.NotIn)) and ast.unparse(right).endswith("environ"):
        if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str) and set_in_ci(node.left.value):
            return isinstance(comparing, ast.In)
        return None
    left_known, left = _value(node.left, constants)
    right_known, value = _value(right, constants)
    if not (left_known and right_known):
        return None
    if isinstance(comparing, (ast.Is, ast.IsNot)) and value is None:
        return (left is None) == isinstance(comparing, ast.Is)
    if isinstance(comparing, (ast.Eq, ast.NotEq)):
        return (left == value) == isinstance(comparing, ast.Eq)
    ordered = _ORDERED.get(type(comparing))
    try:
        return bool(ordered(left, value)) if ordered is not None else None
    except TypeError:
        return None


def module_constants(tree: ast.Module) -> dict[str, object]:
    """The module's names bound once, at its top, to a value known where CI runs (`SLOW = True`, `CI =
    os.environ.get("CI")`), and those it imports (under a key of their own: `import:os`)."""
    bound: dict[str, list[object]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.setdefault(node.id, []).append(None)
    out: dict[str, object] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            known, value = _value(statement.value, out)  # (`CI = os.environ.get("CI")` too)
            for target in statement.targets:
                if known and isinstance(target, ast.Name) and len(bound.get(target.id, [])) == 1:
                    out[target.id] = value
                elif isinstance(target, ast.Name) and of_the_surroundings(statement.value, out):
                    out[_FROM_SURROUNDINGS + target.id] = True  # (`USER = os.environ.get("USER")`)
        elif isinstance(statement, ast.Try):
            out |= _import_flags(statement, bound)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= {_IMPORTED + (alias.asname or alias.name).split(".")[0]: True for alias in node.names}
    return out


def _import_flags(statement: ast.Try, bound: dict[str, list[object]]) -> dict[str, object]:
    """A module's flags of an import (`try: import yaml; HAVE = True` `except ImportError: HAVE = False`), each
    the value it has where CI runs: the body's where the environment of the project holds every module imported
    there (git/skipped.py's reading), the handler's where not. `if HAVE: return` before a failing assert passed
    (exit 0, hunt 217); `if not HAVE: pytest.skip(...)` skips where the module is missing, and passes."""
    names = [
        alias.name
        for node in statement.body
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or ".")])
    ]
    catching = [
        handler
        for handler in statement.handlers
        if handler.type is None or ast.unparse(handler.type) in ("ImportError", "ModuleNotFoundError")
    ]
    if not names or not catching:
        return {}
    branch = statement.body if all(environment_holds(name) for name in names) else catching[0].body
    out: dict[str, object] = {}
    for node in branch:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and len(bound.get(target.id, [])) == 2:
                    out[target.id] = node.value.value
    return out


def _own(statements: list[ast.stmt] | list[ast.expr] | list[ast.AST]) -> list[ast.AST]:
    """The nodes of statements that run with them: not a nested function's, class's or lambda's."""
    pending: list[ast.AST] = list(statements)
    out: list[ast.AST] = []
    while pending:
        node = pending.pop()
        out.append(node)
        pending.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, _SCOPES))
    return out


def _called(node: ast.AST) -> str:
    if not isinstance(node, ast.Call):
        return ""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _refuse(path: str, line: int, what: str, condition: ast.expr, surroundings: bool = False) -> None:
    where = "on the run's surroundings, which CI's decide" if surroundings else "true where CI runs the tests"
    raise Refused(
        f"{files.shown(path)} line {line}: {what} under a condition {where} "
        f"(`{files.printable(ast.unparse(condition)[:60])}`), by which the test checks nothing there and passes; "
        "end or skip a test on what its run lacks (`if not shutil.which(...)`), or on its own parameters"
    )


def _mark_condition(mark: ast.expr) -> ast.expr | None:
    """The condition of a `skipif` or `xfail` mark (a string's expression, as pytest evaluates it), or None."""
    if not isinstance(mark, ast.Call) or _called(mark) not in _MARKS:
        return None
    given = [keyword.value for keyword in mark.keywords if keyword.arg == "condition"]  # (`condition=`: hunt 217)
    if not mark.args and not given:
        return None
    condition = mark.args[0] if mark.args else given[0]
    if isinstance(condition, ast.Constant) and isinstance(condition.value, str):
        try:
            return ast.parse(condition.value, mode="eval").body
        except SyntaxError:
            return None
    return condition


def taken_where_ci_runs(node: ast.If | ast.IfExp | ast.While | ast.Match, truth: bool | None) -> list[ast.AST]:
    """The statements (or the expression) of a branch that may run where CI runs, of a condition whose truth there is
    truth (None: a condition on the surroundings, either way CI's; a `match`'s subject known or not, every case)."""
    if isinstance(node, ast.Match):
        return [statement for case in node.cases for statement in case.body]
    if truth is None:
        branches = [node.body, node.orelse]
    else:
        branches = [node.body if truth else node.orelse]
    return [item for branch in branches for item in (branch if isinstance(branch, list) else [branch])]


def _skipping(node: ast.AST) -> bool:
    """A skip or an xfail: pytest's call, or an exception of one raised (`raise pytest.skip.Exception(...)`,
    `raise unittest.SkipTest(...)`: hunt 217)."""
    if _called(node) in _SKIPPING:
        return True
    if not isinstance(node, ast.Raise) or node.exc is None:
        return False
    shown = ast.unparse(node.exc).lower()
    return "skip" in shown or "xfail" in shown


def no_test_ended_where_ci_runs(path: str, tree: ast.Module) -> None:
    """Refused, in the tests' Python: a test's `return` before an assert of it, a skip or an xfail (a call, or a
    mark's condition) under a condition true where CI runs (the module's docstring says why)."""
    if not path.startswith(_TESTS):
        return
    constants = module_constants(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.Match)):
            test = node.subject if isinstance(node, ast.Match) else node.test
            truth = truth_on_ci(test, constants)
            surroundings = truth is None and of_the_surroundings(test, constants)
            if truth is None and not surroundings:
                continue
            for inner in _own(taken_where_ci_runs(node, truth)):
                if _skipping(inner):
                    _refuse(path, getattr(inner, "lineno", node.lineno), "a skip", test, surroundings)
                if isinstance(inner, ast.Return) and _assert_after(tree, inner):
                    _refuse(path, inner.lineno, "a `return`", test, surroundings)
        condition = _mark_condition(node) if isinstance(node, ast.Call) else None
        if isinstance(node, ast.Call) and condition is not None:
            truth = truth_on_ci(condition, constants)
            if truth is True or (truth is None and of_the_surroundings(condition, constants)):
                _refuse(path, node.lineno, "a skip", condition, truth is None)
            if truth is None:  # (a mark's condition is read as pytest collects: no parameter, no result of the test)
                raise Refused(
                    f"{files.shown(path)} line {node.lineno}: a skip or an xfail under a condition the reader cannot "
                    f"work out where CI runs (`{files.printable(ast.unparse(condition)[:60])}`), which may hold "
                    "there and excuse the test; skip on what the run lacks (`not shutil.which(...)`, a module's "
                    "`find_spec(...) is None`, the platform)"
                )


def _assert_after(tree: ast.Module, ended: ast.Return) -> bool:
    """Whether the function a `return` stands in (a test, or a helper a test calls to assert: `def check(found): if
    os.environ.get("USER"): return` before its assert passed as a test's did, hunt 217) asserts after it."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            own = _own(node.body)
            if any(inner is ended for inner in own):
                return any(isinstance(inner, ast.Assert) and inner.lineno > ended.lineno for inner in own)
    return False
