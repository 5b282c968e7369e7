"""A fixture of the conftest's name stubbed in a module of the tests (git/extract.py reads each Python source of the
tests through it, with tests/conftest.py's fixtures).

pytest gives a test the fixture of its parameter's name nearest to it: a module's own fixture before the
conftest's. A test that reads `def test_rules(trials): assert trials("check").status == 0` reads as a run of the
tool by the conftest's `trials`; `@pytest.fixture\\ndef trials(): return lambda *words: Done(0)` in its module (or
in a conftest of a folder below, or a helper module the test imports it from) had it run nothing and pass
(tested: the conftest's `problems` fixture running a check that finds one, stubbed by a module's `return []`), and
passed the extraction (exit 0, hunt 215).

Which of the conftest's fixtures "run the tool" is no line's to say: `registry` copies the registry with the
verdicts a check left, `trials` runs the command on it, `imported` imports a study, `_cache_home` keeps the tests'
cache from the user's; a pull request may change the conftest too. So every fixture of tests/conftest.py is held
to this: a fixture of its name elsewhere in the tests is refused unless it is built on the conftest's machinery,
asking for a fixture of the conftest (test_drift.py's `imported(trials, api)`) or calling a name it imports from
the conftest or the package (test_attacks_prose_hunt211.py's `registry`, by conftest's `shared_registry`), as the
repository's two such fixtures are. A stub of a constant, or of the module's own making, is not; nor a value of the
machinery's made another by the fixture: `return refs.check([])[:0]`, `refs.check({}) and []`, `* 0`, a
comprehension dropping its items, `type(...)()`, each had the tests given `[]` (a namesake of `problems`; hunt 217,
exit 0). So the value returned is the machinery's as it is: a name made of it, a call of the package or the
conftest, its attribute, item or method's call, a builtin keeping what it is given (`sorted(found)`), `/` or `+`
with it; never a slice, `and`, `or`, arithmetic but `+`, a comprehension or a dunder of it, nor a name the fixture
empties in place (`found.pop()`).

pytest's direct parametrization overrides a fixture too: `pytestmark = pytest.mark.parametrize("problems", [[]])`
at the top of a module gave every test of it `[]` for the conftest's `problems` (tested). A test's own
`@pytest.mark.parametrize` stands over it and passes; one of a class or a module's `pytestmark` naming a fixture
of the conftest is refused.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.code_text import python_tree
from sle_trials.git.refusal import Refused

CONFTEST = "tests/conftest.py"
_TESTS = "tests/"
_FIXTURE = "fixture"
_MACHINERY = ("conftest", "sle_trials")
# the builtins that give what they are given, in another container (a module binding the name binds another)
_KEEPING = frozenset(("sorted", "list", "tuple", "set", "frozenset", "dict", "str", "Path"))
# a builtin container's or a string's methods, which give another value than the one they are called on (`count`,
# `index`, `clear`'s None), but those giving it (or its items) as it is; a method of the machinery's own objects is not
# among them and keeps it (its run's value)
_GIVING_IT = frozenset(("copy", "items", "values", "keys"))
_GIVING_ANOTHER = (
    frozenset(
        name
        for kind in (list, dict, set, frozenset, tuple, str, bytes, int, float)
        for name in dir(kind)
        if not name.startswith("_")
    )
    - _GIVING_IT
)
# a container's methods that take items out of it in place
_TAKING_OUT = frozenset(("clear", "pop", "popitem", "remove", "discard"))


def _fixture_name(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The name pytest knows a function by where a decorator makes it a fixture (`name=` given, or its own)."""
    for decorator in node.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        made = call.func if call is not None else decorator
        named = made.attr if isinstance(made, ast.Attribute) else made.id if isinstance(made, ast.Name) else ""
        if named != _FIXTURE:
            continue
        for keyword in call.keywords if call is not None else []:
            value = keyword.value
            if keyword.arg == "name" and isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
        return node.name
    return None


def _fixtures(tree: ast.Module) -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    return [
        (name, node)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and (name := _fixture_name(node)) is not None
    ]


def conftest_fixtures(data: bytes | None) -> frozenset[str]:
    """The names of tests/conftest.py's fixtures."""
    tree = python_tree(data) if data else None
    return frozenset(name for name, _ in _fixtures(tree)) if tree is not None else frozenset()


def _machinery_names(tree: ast.Module) -> set[str]:
    """The names a module imports from the conftest or the package (and the modules it so imports)."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _MACHINERY:
            out |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            out |= {
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if alias.name.split(".")[0] in _MACHINERY
            }
    return out


def _holds(expression: ast.AST, made: set[str], machinery: set[str]) -> bool:
    """Whether an expression (or a statement) reads a name made of the machinery, or calls a name of it."""
    for inner in ast.walk(expression):
        if isinstance(inner, ast.Name) and inner.id in made:
            return True
        if isinstance(inner, ast.Call) and _called_on(inner, machinery):
            return True
    return False


def _called_on(call: ast.Call, names: set[str]) -> bool:
    """Whether a call's function is one of names, or an attribute of one (`refs.check(...)`)."""
    root = call.func
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and root.id in names


def _bound_names(node: ast.AST) -> list[str]:
    """The names an assignment, a loop, a `with` or a nested def of a fixture binds."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return [node.name]
    targets: list[ast.AST] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor, ast.NamedExpr)):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    return [inner.id for target in targets for inner in ast.walk(target) if isinstance(inner, ast.Name)]


def _built_on_the_conftest(
    node: ast.FunctionDef | ast.AsyncFunctionDef, fixtures: frozenset[str], machinery: set[str]
) -> bool:
    """Whether a fixture asks for one of the conftest's, or calls a name imported from the conftest or the package."""
    arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
    return any(argument.arg in fixtures for argument in arguments) or _holds(node, set(), machinery)


def _stub_returned(
    node: ast.FunctionDef | ast.AsyncFunctionDef, fixtures: frozenset[str], machinery: set[str]
) -> int | None:
    """The line of a value a fixture returns or yields that is not the value of the conftest's fixtures it asks for,
    nor of a call of a name imported from the conftest or the package, carried as it is (_carried: through the names
    it binds, as deep as one is made of another), or None."""
    arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
    made = {argument.arg for argument in arguments if argument.arg in fixtures}
    inner_nodes = [inner for statement in node.body for inner in ast.walk(statement)]
    bindings: dict[str, list[ast.AST]] = {}
    for inner in inner_nodes:
        for name in _bound_names(inner):
            bindings.setdefault(name, []).append(inner)
    emptied = _emptied(inner_nodes)
    while True:
        more = {
            name
            for name, binding in bindings.items()
            if name not in made
            and name not in emptied
            and all(_binds_carried(b, name, made, machinery) for b in binding)
        }
        if not more:
            break
        made |= more
    for inner in inner_nodes:
        if isinstance(inner, (ast.Return, ast.Yield, ast.YieldFrom)) and inner.value is not None:
            if not _carried(inner.value, made - emptied, machinery):
                return inner.lineno
    return None


def _binds_carried(binding: ast.AST, name: str, made: set[str], machinery: set[str]) -> bool:
    """Whether a statement binds name to a value carried from the machinery (_carried)."""
    if isinstance(binding, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return _holds(binding, made, machinery)  # a function of the fixture's, run by the tests: its calls
    if isinstance(binding, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
        return binding.value is not None and _carried(binding.value, made, machinery)
    if isinstance(binding, ast.AugAssign):  # (`found += more` adds to it; `found *= 0` empties it)
        return isinstance(binding.op, ast.Add)
    if isinstance(binding, (ast.For, ast.AsyncFor)):
        return _carried(binding.iter, made, machinery)
    if isinstance(binding, (ast.With, ast.AsyncWith)):
        return all(_carried(item.context_expr, made, machinery) for item in binding.items)
    return False


def _emptied(nodes: list[ast.AST]) -> set[str]:
    """The names a fixture takes items out of in place: `del found[:]`, `found[:] = []`, `found.clear()`."""
    out: set[str] = set()
    for inner in nodes:
        if isinstance(inner, ast.Subscript) and isinstance(inner.ctx, (ast.Store, ast.Del)):
            target = inner.value
        elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in _TAKING_OUT:
            target = inner.func.value
        else:
            continue
        if isinstance(target, ast.Name):
            out.add(target.id)
    return out


def _carried(node: ast.expr, made: set[str], machinery: set[str]) -> bool:
    """Whether an expression is the machinery's value as it is: a name made of it, a call of the package or the
    conftest, an attribute or a method's call or an item of such a value, a builtin that keeps what it is given
    (`sorted(found)`), a `/` or `+` with it. Not an expression that reads it and gives another value: a slice of it
    (`refs.check({})[:0]`), `and`, `* 0`, a comprehension, a dunder (`found.__class__()`): each had a namesake of
    the conftest's `problems` give the tests `[]` over a record with problems (hunt 217)."""
    if isinstance(node, ast.Name):
        return node.id in made
    if isinstance(node, ast.Attribute):
        return not node.attr.startswith("__") and _carried(node.value, made, machinery)
    if isinstance(node, ast.Await):
        return _carried(node.value, made, machinery)
    if isinstance(node, ast.Call):
        if _called_on(node, machinery):
            return True
        first = node.args[0] if node.args else None
        if isinstance(node.func, ast.Name) and node.func.id in _KEEPING and first is not None:
            return node.func.id not in made and _carried(first, made, machinery)
        if isinstance(node.func, ast.Attribute) and node.func.attr in _GIVING_ANOTHER:
            return False  # (`found.count(None)`: 0, over the problems found; hunt 218)
        return _carried(node.func, made, machinery)
    if isinstance(node, ast.Subscript):
        return not isinstance(node.slice, (ast.Slice, ast.Call)) and _carried(node.value, made, machinery)
    if isinstance(node, ast.BinOp):
        sides = (node.left, node.right)
        return isinstance(node.op, (ast.Add, ast.Div)) and any(_carried(side, made, machinery) for side in sides)
    if isinstance(node, ast.IfExp):
        return _carried(node.body, made, machinery) and _carried(node.orelse, made, machinery)
    if isinstance(node, (ast.Tuple, ast.List)):
        return any(_carried(item, made, machinery) for item in node.elts)
    return False


def _parametrized(mark: ast.expr) -> list[str]:
    """The names a `parametrize` mark (or a list or tuple of marks) gives values for."""
    if isinstance(mark, (ast.List, ast.Tuple)):
        return [name for item in mark.elts for name in _parametrized(item)]
    if not isinstance(mark, ast.Call) or not isinstance(mark.func, ast.Attribute):
        return []
    if mark.func.attr != "parametrize" or not mark.args:
        return []
    first = mark.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return [name.strip() for name in first.value.split(",")]
    if isinstance(first, (ast.List, ast.Tuple)):
        return [item.value for item in first.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)]
    return ["?"]  # names not written out: any may be a fixture's


def _marks_beyond_a_test(tree: ast.Module) -> list[tuple[int, str]]:
    """The names parametrized by a module's or a class's `pytestmark`, or a class's decorator, with their lines."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            found += [(node.lineno, name) for name in _parametrized(node.value)]
        elif isinstance(node, ast.ClassDef):
            found += [(mark.lineno, name) for mark in node.decorator_list for name in _parametrized(mark)]
    return found


def no_conftest_fixture_stubbed(path: str, data: bytes, fixtures: frozenset[str]) -> None:
    """Refused, in a Python source of the tests but the conftest: a fixture of a name of the conftest's fixtures
    not built on the conftest's machinery (the module's docstring says why)."""
    if path == CONFTEST or not path.startswith(_TESTS) or not fixtures:
        return
    if _FIXTURE.encode() not in data and b"parametrize" not in data:
        return
    tree = python_tree(data)
    if tree is None:
        return
    if b"parametrize" in data:
        for line, name in _marks_beyond_a_test(tree):
            if name in fixtures or name == "?":
                raise Refused(
                    f"{files.shown(path)} line {line}: the conftest's fixture "
                    f"{'`' + name + '`' if name != '?' else '(a name not written out)'} parametrized for more than a "
                    "test's own decorators, by which every test of the module (or class) asking for it is given "
                    "these values in place of the conftest's; parametrize it on a test itself"
                )
    machinery: set[str] | None = None
    for name, node in _fixtures(tree):
        if name not in fixtures:
            continue
        if machinery is None:
            machinery = _machinery_names(tree)
        if not _built_on_the_conftest(node, fixtures, machinery):
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: a fixture named `{name}`, as the conftest's is, built on "
                "none of the conftest's machinery: the tests asking for it read as given the conftest's (which runs "
                "the tool) and are given this one; ask for the conftest's fixtures in it, or name it otherwise"
            )
        stub = _stub_returned(node, fixtures, machinery)
        if stub is not None:
            raise Refused(
                f"{files.shown(path)} line {stub}: the fixture `{name}`, named as the conftest's, returns a value made "
                "of none of the conftest's fixtures nor of a call of the package or the conftest, as it is (a call "
                "whose value it drops, slices or empties reads as one it returns); return what the machinery gives"
            )
