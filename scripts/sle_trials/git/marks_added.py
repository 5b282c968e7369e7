"""A test the base branch runs, skipped or excused by the pull request (git/extract.py reads the tests' changes from
where the pull request branched through it).

A test's own marks read as what they are (hunt 211's ruling): a new test marked `@pytest.mark.xfail(reason="flaky")`
shows its reviewer that it is not held to pass. But the same mark added to a test the base branch holds turns a test
that checks the code into one whose failure passes: `@pytest.mark.xfail(reason="flaky")`, `@pytest.mark.skip`, a
`pytest.skip()` as it starts, or a module's `pytestmark = pytest.mark.xfail` over a failing test of main's each passed
under pytest (tested), and passed the extraction (exit 0, hunt 217), a one-line change beside the change of the code
that makes the test fail. So a test (a module's, a class's or a function's scope) that the base branch holds, in the
module of its path or in one the pull request deletes (a module renamed), may not be given more unconditional skips
or xfails than it had there: a skip or xfail mark (but `skipif` and an xfail with a condition, which
git/ended_early.py works out as CI's run has them), a mark bound to a name of the module and given by it, or a call
of `pytest.skip` or `pytest.xfail` that no condition, loop or handler stands around. A mark given by a name another
module of the tests binds to one (`from conftest import FLAKY`, then `@FLAKY`) counts, and so does a name the base
binds that the pull request makes one (`def pinned(test): return pytest.mark.xfail(...)(test)` in the conftest,
which every test it decorates then is): each passed (exit 0, hunt 217). A new test's own marks pass.

pytest skips a test parametrized by no case (`parametrize("case", [])`, or cases a change of the code filters
away): a failing test so emptied passed (tested), and the extraction (exit 0, hunt 217). pyproject.toml has it fail
as pytest collects (`empty_parameter_set_mark = "fail_at_collect"`, which the repository's 15,371 tests meet), and a
pull request may not drop that setting of the base's (another value is git/uncollected.py's to refuse).
"""

from __future__ import annotations

import ast
import tomllib

from sle_trials import files
from sle_trials.git import plumbing
from sle_trials.git.code_files import PYTHON_LIMIT
from sle_trials.git.code_text import python_tree
from sle_trials.git.refusal import Refused
from sle_trials.git.uncollected import EMPTY_CASES, FAILING_EMPTY

_TESTS = "tests/"
_EXCUSING = frozenset(("skip", "xfail"))
_CONDITIONAL = (ast.If, ast.IfExp, ast.ExceptHandler, ast.While, ast.For, ast.AsyncFor, ast.Match, ast.BoolOp)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_MODULE = "the module"
_PYPROJECT = "pyproject.toml"


def _excusing(node: ast.AST, aliases: set[str]) -> bool:
    """Whether a node is an unconditional skip or xfail: `pytest.mark.skip` (called or not), `pytest.mark.xfail`
    with no condition, `pytest.skip(...)`, `pytest.xfail(...)`, or a name of the module bound to such a mark."""
    if isinstance(node, ast.Name):
        return node.id in aliases
    called = node.func if isinstance(node, ast.Call) else node
    if not isinstance(called, ast.Attribute) or called.attr not in _EXCUSING:
        return False
    marked = isinstance(called.value, ast.Attribute) and called.value.attr == "mark"
    if marked and called.attr == "xfail" and isinstance(node, ast.Call):
        return not node.args and not any(keyword.arg == "condition" for keyword in node.keywords)
    return marked or isinstance(node, ast.Call)


def _count(nodes: list[ast.AST], aliases: set[str]) -> int:
    """The unconditional skips and xfails among nodes and theirs (not a nested scope's, nor under a condition)."""
    found = 0
    pending = [node for node in nodes if not isinstance(node, _CONDITIONAL)]
    while pending:
        node = pending.pop()
        if _excusing(node, aliases):
            found += 1
            continue
        for child in ast.iter_child_nodes(node):
            if isinstance(node, ast.Call) and child is node.func and isinstance(child, ast.Attribute):
                continue  # (an xfail's condition given: `pytest.mark.xfail(...)` is no mark unless the call is one)
            if not isinstance(child, (*_SCOPES, *_CONDITIONAL)):
                pending.append(child)
    return found


def _aliases(tree: ast.Module) -> set[str]:
    """The module's names bound at its top to a mark that skips or excuses (`flaky = pytest.mark.xfail`), or to a
    function giving one (`def flaky(test): return pytest.mark.xfail(reason="x")(test)`)."""
    bound = {
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign) and _count([statement.value], set())
        for target in statement.targets
        if isinstance(target, ast.Name) and target.id != "pytestmark"
    }
    return bound | {
        statement.name
        for statement in tree.body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and _count(list(statement.body), set())
        and not statement.name.startswith("test")
    }


def _bound(target: ast.expr) -> str:
    return target.id if isinstance(target, ast.Name) else ""


def excusals(tree: ast.Module, imported: frozenset[str] = frozenset()) -> dict[str, int]:
    """Of a module of the tests: each scope (the module, a class, a function, by qualified name) with the unconditional
    skips and xfails given to it: its decorators and its own statements (a module's and a class's `pytestmark`).
    imported: the names of another module of the tests that give one (`from conftest import FLAKY`)."""
    aliases = _aliases(tree) | {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name in imported
    }
    binding = {s for s in tree.body if isinstance(s, ast.Assign) and any(_bound(t) in aliases for t in s.targets)}
    out = {_MODULE: _count([s for s in tree.body if not isinstance(s, _SCOPES) and s not in binding], aliases)}
    pending: list[tuple[str, ast.stmt]] = [("", s) for s in tree.body if isinstance(s, _SCOPES)]
    while pending:
        prefix, scope = pending.pop()
        assert isinstance(scope, _SCOPES)
        name = prefix + scope.name
        own = [s for s in scope.body if not isinstance(s, _SCOPES)] if isinstance(scope, ast.ClassDef) else scope.body
        out[name] = _count([*scope.decorator_list, *own], aliases)
        if isinstance(scope, ast.ClassDef):
            pending.extend((name + ".", s) for s in scope.body if isinstance(s, _SCOPES))
    return out


def _empty_cases_setting(repository: plumbing.Repository, tree_ish: str) -> object:
    """pyproject.toml's pytest `empty_parameter_set_mark` in a tree (None: unset, or no such file)."""
    entries = dict(repository.tree_entries(tree_ish, [_PYPROJECT]))
    data = repository.objects({entries[_PYPROJECT].oid}, PYTHON_LIMIT) if _PYPROJECT in entries else {}
    blob = data[entries[_PYPROJECT].oid].data if data else None
    try:
        settings = tomllib.loads(blob.decode("utf-8")) if blob else {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    table = settings.get("tool", {}).get("pytest", {}).get("ini_options", {})
    return table.get(EMPTY_CASES) if isinstance(table, dict) else None


def no_empty_cases_excused_anew(repository: plumbing.Repository, base: str, commit: str) -> None:
    """Refused: pytest's `empty_parameter_set_mark = "fail_at_collect"` of the base's pyproject.toml dropped by
    commit, by which a test parametrized by no case (its cases emptied by a change of the code, or
    `parametrize("case", [])`) is skipped, and a failing suite passes (hunt 217; git/uncollected.py refuses
    another value)."""
    if _empty_cases_setting(repository, base) == FAILING_EMPTY != _empty_cases_setting(repository, commit):
        raise Refused(
            f"pyproject.toml: pytest's `{EMPTY_CASES} = {FAILING_EMPTY!r}` of the base branch dropped, by which a "
            "test parametrized by no case is skipped and a failing suite passes; keep it"
        )


def _imported_aliases(
    repository: plumbing.Repository, trees: list[ast.Module], helpers: dict[str, str]
) -> frozenset[str]:
    """The names that modules of the tests import from another of them (tests/conftest.py, tests/helpers.py) which
    that module binds to a skip or an xfail (_aliases)."""
    wanted = {
        f"{_TESTS}{node.module.replace('.', '/')}.py"
        for tree in trees
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module and not node.level
    } & set(helpers)
    blobs = repository.objects({helpers[path] for path in wanted}, PYTHON_LIMIT) if wanted else {}
    out: set[str] = set()
    for blob in blobs.values():
        tree = python_tree(blob.data or b"")
        out |= _aliases(tree) if tree is not None else set()
    return frozenset(out)


def _no_helper_made_an_excuse(changes: list[plumbing.Change], trees: dict[str, ast.Module | None]) -> None:
    """Refused: a name a module of the tests binds on the base, which the pull request has give a skip or an xfail
    (`def pinned(test): return pytest.mark.xfail(...)(test)`): every test of the base it decorates is excused."""
    for change in changes:
        old, new = trees.get(change.old.oid), trees.get(change.new.oid)
        if change.status != "M" or old is None or new is None:
            continue
        bound = {name for node in old.body for name in _names(node)}
        turned = sorted((_aliases(new) - _aliases(old)) & bound)
        if turned:
            raise Refused(
                f"{files.shown(change.path)}: `{files.printable(turned[0])}`, bound on the base branch, made a skip "
                "or an xfail: every test of the base it decorates is excused, and a failing one passes; give a new "
                "test its own mark"
            )


def _names(node: ast.stmt) -> list[str]:
    """The names a statement at a module's top binds (a function's, a class's, an assignment's)."""
    if isinstance(node, (*_SCOPES,)):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [_bound(target) for target in node.targets]
    return []


def no_test_excused_anew(repository: plumbing.Repository, base: str, commit: str) -> None:
    """Refused: a scope of a test module the base (where the pull request branched) holds, given more unconditional
    skips or xfails by commit (the module's docstring says why)."""
    changes = [
        change
        for change in repository.changes(base, commit, ["tests"])
        if change.path.startswith(_TESTS) and change.path.endswith(".py") and change.status in ("M", "A", "D")
    ]
    if not any(change.status == "M" or change.status == "A" for change in changes):
        return
    wanted = {change.old.oid for change in changes if change.status != "A"}
    wanted |= {change.new.oid for change in changes if change.status != "D"}
    helpers = {path: entry.oid for path, entry in repository.tree_entries(commit, ["tests"]) if path.endswith(".py")}
    blobs = repository.objects(wanted, PYTHON_LIMIT)
    trees = {oid: python_tree(blobs[oid].data or b"") for oid in wanted}
    imported = _imported_aliases(repository, [tree for tree in trees.values() if tree is not None], helpers)
    _no_helper_made_an_excuse(changes, trees)

    def read(oid: str) -> dict[str, int]:
        tree = trees[oid]
        return excusals(tree, imported) if tree is not None else {}

    deleted = [read(change.old.oid) for change in changes if change.status == "D"]
    for change in changes:
        if change.status == "D":
            continue
        # a module of the base's path, or one the pull request deletes (renamed): its functions and classes
        before = [read(change.old.oid)] if change.status == "M" else deleted
        for scope, count in read(change.new.oid).items():
            had = [held[scope] for held in before if scope in held and (scope != _MODULE or change.status == "M")]
            if had and count > max(had):
                whose = "its tests are" if scope == _MODULE else f"the test `{files.printable(scope)}` is"
                raise Refused(
                    f"{files.shown(change.path)}: {whose} given a skip or an xfail that no condition decides, where "
                    "the base branch runs it unexcused: a failing test of the base's so marked passes, and CI with "
                    "it; fix the test or the code, or remove the test (a new test's own mark passes)"
                )
