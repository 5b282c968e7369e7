"""A test a reviewer reads that pytest never runs: a test module or class pytest is told to leave uncollected, or a
test class it cannot collect, or a test where pytest collects none (git/extract.py reads each Python source through
it, and pyproject.toml's settings of pytest's collection)."""

from __future__ import annotations

import ast
import fnmatch
import shlex

from sle_trials import files
from sle_trials.git.code_text import python_tree
from sle_trials.git.hook_writes import no_test_rewritten_around_it
from sle_trials.git.refusal import Refused
from sle_trials.git.settings import pyproject
from sle_trials.git.shell_lines import numbered_lines
from sle_trials.git.verdicts_anywhere import FORCING, VERDICTS

# what pytest collects by its name (its defaults, which pyproject.toml keeps): modules, classes, functions
_TEST_MODULE_PREFIX, _TEST_MODULE_SUFFIX, _TEST_CLASS, _TEST_FUNCTION = "test_", "_test.py", "Test", "test"
_TESTS = "tests/"  # pyproject.toml's testpaths: where `python -m pytest` looks
# the folders pytest does not go into (its norecursedirs default), and the files by which it takes a folder for a
# virtual environment's, which it skips too
_NOT_RECURSED = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")
_ENVIRONMENT_MARKS = ("pyvenv.cfg", "conda-meta/history")
# the attribute by which pytest leaves a module, a class or a function uncollected when it is false
_COLLECTED = "__test__"
# a class's own constructors, for which pytest collects none of its tests (a warning in the summary alone)
_CONSTRUCTORS = frozenset(("__init__", "__new__"))
_BINDS = (ast.AnnAssign, ast.AugAssign)
# what a test class may be decorated with and derived from while pytest still collects it: its marks, and no
# constructor (unittest's TestCase, which its own collector makes)
_MARKS = ("pytest.mark.", "mark.")
_PLAIN_BASES = frozenset(("object", "TestCase", "IsolatedAsyncioTestCase"))
# what a conftest (or a plugin it names) leaves uncollected by, saying nothing: names pytest reads, and the hooks
# that decide what is collected (pytest_collection_modifyitems may order the tests: the repository's sorts them)
_LEFT_OUT_BY = frozenset(("collect_ignore", "collect_ignore_glob", "pytest_plugins"))
_COLLECTING_HOOKS = frozenset(
    (
        "pytest_ignore_collect",
        "pytest_collect_file",
        "pytest_collect_directory",
        "pytest_pycollect_makemodule",
        "pytest_pycollect_makeitem",
        "pytest_make_collect_report",
        # the collection itself: returning True, pytest takes the hook's items (none) as collected (hunt 212)
        "pytest_collection",
    )
)
# the hooks by which pytest decides whether a test runs and what its outcome is: `pytest_pyfunc_call` returning True
# has pytest take the test as called, and a failing test passed (tested); `pytest_runtest_protocol` runs none,
# `pytest_runtest_makereport` may rewrite a report (`report.outcome = "passed"`, tested)
_OUTCOME_HOOKS = frozenset(
    (
        "pytest_pyfunc_call",
        "pytest_runtest_protocol",
        "pytest_runtest_call",
        "pytest_runtest_makereport",
        # the loop that runs every test: returning True, pytest runs none and exits 0 (tested: hunt 211)
        "pytest_runtestloop",
        # a fixture's set-up: what it returns (and caches) is the fixture's value, the fixture's own code unrun, so a
        # test of `problems` given [] passed over a checker that found one (tested: hunt 212)
        "pytest_fixture_setup",
        # the tests' parameters: `metafunc.parametrize("problems", [[]])` for each test asking for the fixture gives
        # it [] in the fixture's place, and an empty list of them skips the test (both tested: hunt 212)
        "pytest_generate_tests",
        # the run itself: tests/conftest.py is read before it, and `return 0` ends pytest with 0, no test run and
        # nothing printed (tested: hunt 212)
        "pytest_cmdline_main",
    )
)
# what any hook may write to make a failed run pass (`session.exitstatus = 0` in pytest_sessionfinish: tested), and
# a hook wrapper's forced result (git/hook_writes.py refuses any binding of what pytest hands a hook: hunt 212)
_VERDICTS = VERDICTS
# the names by which code writes an object's attributes from a mapping or a string, which the rule cannot read as
# a name (`vars(report).update(outcome="passed")`, a call binding no target: hunt 212)
_BY_ANY_NAME = frozenset(("__dict__", "vars", "__setattr__"))
# what the tests may ask of pytest's plugin manager: whether a plugin is there (registering one adds hooks no rule
# here reads: a class's `pytest_pyfunc_call` returning True, registered in pytest_configure, passed: hunt 212)
_PLUGIN_LOOKUPS = frozenset(("hasplugin", "has_plugin", "getplugin", "get_plugin", "is_registered", "get_plugins"))
_PLUGIN_MANAGER = "pluginmanager"
_FORCING = FORCING
# pytest's options and settings as a hook may rewrite them (`config.option.ignore = [...]`, `config.option.keyword =
# "not rules"`, `config.addinivalue_line("norecursedirs", ...)`), which narrow collection as addopts does (tested)
_SETTINGS = frozenset(("option", "args", "inicfg", "known_args_namespace"))
_SETTING_WRITERS = frozenset(("addinivalue_line",))
_HOOK_PREFIX = "pytest_"
_ORDERS = "pytest_collection_modifyitems"
_KEEPS_ALL = frozenset(("sort", "reverse"))  # what that hook may do to its items
# pytest's settings of what it collects, which the rules here read as its defaults; and the options by which it
# collects less than the tests (a test's folder given on the command line aside)
_COLLECTION_SETTINGS = frozenset(
    ("python_files", "python_classes", "python_functions", "norecursedirs", "collect_imported_tests", "confcutdir")
)
# pytest's setting of a test parametrized by no case: the repository's fails it as pytest collects (hunt 217)
EMPTY_CASES = "empty_parameter_set_mark"
FAILING_EMPTY = "fail_at_collect"
_NARROWING_OPTIONS = (
    "--ignore",
    "--ignore-glob",
    "--deselect",
    "-k",
    "-m",
    "--co",
    "--collect-only",
    "--confcutdir",
    "--noconftest",
    "-o",
    "--override-ini",
    "-c",
    "--config-file",
    "--rootdir",
    # pytest's modes that set tests up, or list what there is, and run none, exiting 0 (hunt 211)
    "--setup-only",
    "--setup-plan",
    "--fixtures",
    "--funcargs",
    "--fixtures-per-test",
    "--markers",
    "--version",
    "-V",
    "--help",
    "-h",
    # the cache's: `--cache-show` shows it and runs no test, exiting 0; `--lf` runs only the tests the cache lists
    # as failed last, and `--sw` none before the one it lists, where a committed `.pytest_cache` (or one at a
    # `cache_dir` of the tree) lists a passing test: "1 passed", the failing test unrun, exit 0 (hunt 214)
    "--cache-show",
    "--lf",
    "--last-failed",
    "--lfnf",
    "--last-failed-no-failures",
    "--sw",
    "--stepwise",
    "--sw-skip",
    "--stepwise-skip",
)
# the environment by which pytest reads more options, or loads plugins, in every run
_PYTEST_ENVIRONMENT = ("PYTEST_ADDOPTS", "PYTEST_PLUGINS")
# pytest's setting of the fixtures every test uses: a fixture of the conftest applying an xfail mark, named there,
# had a failing test's run exit 0 (tested), no rule of autouse fixtures reading it (hunt 213)
_EVERY_TEST_USES = "usefixtures"
# the entry points' group pytest loads as plugins as it starts (`[project.entry-points.pytest11]` naming a module of
# the package whose `pytest_pyfunc_call` returns True: every test passed once `make test` installed the project)
_PLUGIN_GROUP = "pytest11"
# entry points setuptools reads from elsewhere when pyproject.toml leaves them dynamic: `dynamic = ["entry-points",
# "scripts"]` and setup.cfg's `[options.entry_points]` naming `pytest11 = lax = sle_trials.lax` installed the plugin
# (`pip install -e`, tested), and passed the rule above (the lead's review, after hunt 213)
_DYNAMIC_POINTS = frozenset(("entry-points", "scripts", "gui-scripts"))
_NARROWING_PLUGINS = frozenset(("python", "unittest", "python_path", "conftest"))


def test_module(path: str) -> bool:
    folder, _, name = path.rpartition("/")
    name = files.folded(name)
    return (folder + "/").startswith(_TESTS) and (
        (name.startswith(_TEST_MODULE_PREFIX) and name.endswith(".py")) or name.endswith(_TEST_MODULE_SUFFIX)
    )


def collected(path: str) -> bool:
    """Whether `python -m pytest` collects the module path: under tests/, named test_*.py or *_test.py (matched
    as CI's Linux matches it, case and all), in no folder pytest does not go into."""
    folder, _, name = path.rpartition("/")
    named = fnmatch.fnmatchcase(name, f"{_TEST_MODULE_PREFIX}*.py") or fnmatch.fnmatchcase(
        name, f"*{_TEST_MODULE_SUFFIX}"
    )
    skipped = any(fnmatch.fnmatchcase(part, p) for part in folder.split("/")[1:] for p in _NOT_RECURSED)
    return named and (folder + "/").startswith(_TESTS) and not skipped


def _holds_tests(node: ast.ClassDef | ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions of a module's or a class's own body that pytest takes for tests by their name."""
    return [
        statement
        for statement in node.body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name.startswith(_TEST_FUNCTION)
    ]


def no_test_left_uncollected(path: str, data: bytes | None) -> None:
    """Refused: a test module that binds `__test__` (pytest collects no test of a module, a class or a function whose
    `__test__` is false, and says nothing), or a test class (`Test...`) with its own `__init__` or `__new__` (pytest
    collects none of its tests, a warning in the summary alone). A pull request adding `__test__ = False` at the end
    of a test module of the checker's passed (exit 0), its review one line: pytest ran none of the module's tests,
    and reported no failure of a test that fails (tested), so CI's `make test` vouched for code no test then read.
    The repository binds no `__test__` and its tests are functions.

    Nor tests where pytest collects none (hunt 210): a module of test functions (`def test_...`, or a class of
    them) that pytest does not collect by its name or its folder (`tests/tests_rules.py`, `tests/rules.py`,
    `tests/Test_rules.py` on Linux, `tests/build/test_rules.py`, `benchmarks/test_rules.py`, outside testpaths),
    a class of tests in a test module that pytest does not collect by its name (`class RulesTest:`, with no base
    and no `Test...` class deriving from it), nor a name or a hook by which a conftest leaves tests uncollected
    (`collect_ignore`, `pytest_ignore_collect`, a plugin named by `pytest_plugins`, a
    pytest_collection_modifyitems that takes items out rather than orders them). Each passed (exit 0), and pytest
    ran none of the tests a reviewer read, saying nothing."""
    if data is None or not files.folded(path).endswith(".py"):
        return
    name = files.folded(path.rpartition("/")[2])
    if (
        not path.startswith(_TESTS)
        and not name.startswith(_TEST_MODULE_PREFIX)
        and not name.endswith(_TEST_MODULE_SUFFIX)
    ):
        return
    tree = python_tree(data)
    if tree is None:
        return  # left to fail where it runs
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    tests = _holds_tests(tree) + [test for node in classes for test in _holds_tests(node)]
    if tests and not collected(path):
        raise Refused(
            f"{files.shown(path)} line {tests[0].lineno}: the test {tests[0].name} in a module pytest never collects "
            f"(by its name or its folder: it collects {_TESTS}test_*.py and *_test.py, in no folder named as "
            f"{', '.join(_NOT_RECURSED)}), so no test of it runs and pytest says nothing; move it into a test module"
        )
    if path.startswith(_TESTS):
        _no_collection_hook(path, tree)
        no_test_rewritten_around_it(path, data, tree)  # (after the hooks' rules above, which say more)
    if not test_module(path):
        return
    bases = {base.id for node in classes for base in node.bases if isinstance(base, ast.Name)}
    for cls in classes:
        if _holds_tests(cls) and not cls.name.startswith(_TEST_CLASS) and not cls.bases and cls.name not in bases:
            raise Refused(
                f"{files.shown(path)} line {cls.lineno}: the class {cls.name} of tests, which pytest never collects "
                f"by its name (it collects {_TEST_CLASS}...), so none of its tests runs; name it {_TEST_CLASS}..."
            )
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, _BINDS) else []
        named = {
            t.id if isinstance(t, ast.Name) else t.attr
            for target in targets
            for t in ast.walk(target)
            if isinstance(t, (ast.Name, ast.Attribute)) and isinstance(t.ctx, ast.Store)
        }
        setter = isinstance(node, ast.Call) and any(
            isinstance(arg, ast.Constant) and arg.value == _COLLECTED for arg in node.args
        )
        if _COLLECTED in named or setter:
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 0)}: `{_COLLECTED}` bound in a test module, by "
                "which pytest collects none of the tests it is false for, and says nothing; remove it"
            )
        if isinstance(node, ast.ClassDef) and node.name.startswith(_TEST_CLASS):
            for statement in node.body:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name in _CONSTRUCTORS:
                    raise Refused(
                        f"{files.shown(path)} line {statement.lineno}: the test class {node.name} with its own "
                        f"{statement.name}, of which pytest collects no test (a warning alone); name it otherwise, "
                        "or set its tests up in a fixture"
                    )
            _no_constructor_given(path, node, {cls.name: cls for cls in classes})


def _no_constructor_given(path: str, cls: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> None:
    """Refused: a test class that may have an `__init__` it does not define, of which pytest collects no test either
    (a warning alone, tested): one a decorator may give one (`@dataclass`; but pytest's marks), one made by a
    metaclass, or one derived from a class of the module with one, or from any other but `object` and unittest's
    TestCase (`dict`, `Exception`, a class imported), whose constructor the rule cannot see (hunt 210)."""
    said = _constructor_given(cls, classes, set())
    if said is not None:
        raise Refused(
            f"{files.shown(path)} line {cls.lineno}: the test class {cls.name} {said}, of which pytest collects no "
            "test (a warning alone); derive it from no class, or set its tests up in a fixture"
        )


def _constructor_given(cls: ast.ClassDef, classes: dict[str, ast.ClassDef], seen: set[str]) -> str | None:
    """How a class may have an `__init__` it does not define (_no_constructor_given), or None."""
    seen.add(cls.name)
    for decorator in cls.decorator_list:
        shown = ast.unparse(decorator)
        if not shown.startswith(_MARKS):
            return f"decorated by @{shown[:40]}, which may give it an __init__"
    if any(keyword.arg == "metaclass" for keyword in cls.keywords):
        return "made by a metaclass, which may give it an __init__"
    for base in cls.bases:
        named = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else ""
        own = classes.get(named) if isinstance(base, ast.Name) else None
        if named in _PLAIN_BASES or (own is not None and named in seen):
            continue
        if own is None:
            return f"derived from {ast.unparse(base)[:40]}, whose __init__ pytest may find"
        if any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name in _CONSTRUCTORS for s in own.body):
            return f"derived from {named}, whose __init__ it has"
        if (inherited := _constructor_given(own, classes, seen)) is not None:
            return f"derived from {named}, {inherited}"
    return None


def _no_collection_hook(path: str, tree: ast.Module) -> None:
    """Refused: a name or a hook of the tests' Python by which pytest collects fewer tests than the modules hold."""
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, _BINDS) else []
        for target in targets:
            if isinstance(target, ast.Name) and target.id in _LEFT_OUT_BY:
                raise Refused(
                    f"{files.shown(path)} line {node.lineno}: `{target.id}`, by which pytest leaves tests uncollected "
                    "(or loads a plugin that may), saying nothing; remove it"
                )
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in _COLLECTING_HOOKS:
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: the hook {node.name}, by which pytest collects what it "
                "returns in place of the tests, and says nothing of those it leaves out; remove it"
            )
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(_HOOK_PREFIX):
            _items_kept(path, node)
            _verdict_kept(path, node)
    _no_plugin_registered(path, tree)


def _verdict_kept(path: str, hook: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    """Refused: a hook by which pytest runs a test otherwise (_OUTCOME_HOOKS), or one writing a test's or the run's
    verdict (_VERDICTS) or forcing a wrapper's result: a failing test reported as passed, or a failed run's exit
    status 0, which CI reads as every test passing (hunt 210)."""
    if hook.name in _OUTCOME_HOOKS:
        raise Refused(
            f"{files.shown(path)} line {hook.lineno}: the hook {hook.name}, by which pytest runs a test otherwise "
            "(or not at all) and reports what the hook says of it; remove it"
        )
    for node in ast.walk(hook):
        _no_write_by_any_name(path, hook, node)
        written = [
            t.attr
            for target in (
                node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, _BINDS) else []
            )
            for t in ast.walk(target)
            if isinstance(t, ast.Attribute) and isinstance(t.ctx, ast.Store)
        ]
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, _BINDS) else []
        changed = list(targets)
        if isinstance(node, ast.Call):
            func = node.func
            written.append(func.attr if isinstance(func, ast.Attribute) else "")
            changed.append(func)
            if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) > 1:
                written.append(getattr(node.args[1], "value", ""))
                changed.append(node.args[0])
        for name in written:
            if name in _SETTING_WRITERS:
                written.append(f"{name}()")
        settings = [
            t.attr for c in changed for t in ast.walk(c) if isinstance(t, ast.Attribute) and t.attr in _SETTINGS
        ]
        if settings or any(name.endswith("()") for name in written):
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', hook.lineno)}: {hook.name} changing pytest's "
                f"{'options' if settings else 'settings'}, by which it collects or runs otherwise than pyproject.toml "
                "says, in every run; keep the settings in pyproject.toml"
            )
        for name in written:
            if name in _VERDICTS or name in _FORCING:
                raise Refused(
                    f"{files.shown(path)} line {getattr(node, 'lineno', hook.lineno)}: {hook.name} writing "
                    f"`{name}`, a test's or the run's verdict, which pytest reports in place of what ran; remove it"
                )


def _no_write_by_any_name(path: str, hook: ast.FunctionDef | ast.AsyncFunctionDef, node: ast.AST) -> None:
    """Refused, in a hook: an object's namespace (`__dict__`, `vars()`) or an attribute set by a name that is no
    string as written (`setattr(report, "out" + "come", ...)`), by which it writes a verdict _VERDICTS names."""
    named = node.attr if isinstance(node, ast.Attribute) else ""
    called = node.func.id if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else ""
    given = node.args if isinstance(node, ast.Call) else []
    built = (
        called == "setattr"
        and len(given) > 1
        and not (isinstance(given[1], ast.Constant) and isinstance(given[1].value, str))
    )
    if named in _BY_ANY_NAME or called in _BY_ANY_NAME or built:
        raise Refused(
            f"{files.shown(path)} line {getattr(node, 'lineno', hook.lineno)}: {hook.name} writing an object's "
            "names through its namespace or by a name built as it runs, which may be a test's or the run's verdict "
            "(`outcome`, `testsfailed`); write an attribute by its name"
        )


def _items_kept(path: str, hook: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    """Refused: a hook taking items out of those collected (a binding, a `del` or any method but an order's of
    pytest_collection_modifyitems' `items`, or of any hook's `session.items`): pytest runs the items the hook leaves,
    and names none it took out unless the hook says so. `del session.items[1:]` in pytest_collection_finish had
    pytest run one test of a failing module's two, "1 passed", and exit 0 (tested: hunt 212)."""
    names = {arg.arg for arg in hook.args.args if arg.arg == "items"}

    def items(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name) and node.id in names:
            return node.id
        return ast.unparse(node) if isinstance(node, ast.Attribute) and node.attr == "items" else None

    for node in ast.walk(hook):
        item = None
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            for target in node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]:
                item = items(target) or (items(target.value) if isinstance(target, ast.Subscript) else None) or item
                if isinstance(target, ast.Attribute) and items(target.value):
                    item = items(target.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr not in _KEEPS_ALL:
                item = items(node.func.value)
        if item is not None:
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', hook.lineno)}: {hook.name} changing "
                f"{'its ' if item in names else ''}{files.printable(item)} otherwise than by their order, by which "
                "pytest runs fewer tests than it collected and says nothing; order them only"
            )


def _no_plugin_registered(path: str, tree: ast.Module) -> None:
    """Refused: the tests' code reaching pytest's plugin manager for anything but whether a plugin is there
    (`config.pluginmanager.register(Lax())`): a plugin's hooks are a class's methods, which no rule of hooks here
    reads, and a `pytest_pyfunc_call` returning True so registered in pytest_configure passed (hunt 212)."""
    asked = {
        id(node.func.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _PLUGIN_LOOKUPS
    }
    for node in ast.walk(tree):
        named = isinstance(node, ast.Constant) and node.value == _PLUGIN_MANAGER  # `getattr(config, "pluginmanager")`
        if (isinstance(node, ast.Attribute) and node.attr == _PLUGIN_MANAGER and id(node) not in asked) or named:
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 0)}: pytest's plugin manager reached for more "
                "than whether a plugin is there: a plugin registered so runs its hooks for every test from a class no "
                "review reads as hooks; keep the hooks in tests/conftest.py"
            )


def no_test_folder_skipped(tree: list[str]) -> None:
    """Refused: a folder under tests/ that pytest takes for a virtual environment's (holding `pyvenv.cfg`, or
    `conda-meta/history`), and does not go into: none of its tests runs, and pytest says nothing."""
    for path in tree:
        if path.startswith(_TESTS) and any(files.folded(path).endswith("/" + mark) for mark in _ENVIRONMENT_MARKS):
            raise Refused(
                f"{files.shown(path)}: a folder of the tests pytest takes for a virtual environment's, and whose "
                "tests it never collects; remove it"
            )


def no_collection_narrowed(path: str, data: bytes | None) -> None:
    """Refused: pyproject.toml setting what pytest collects by (python_files, norecursedirs, ...: the rules here
    read its defaults) or testpaths but tests/, or options in addopts by which it collects or runs fewer tests than
    tests/ holds (`--ignore`, `--deselect`, `-k`, `-m`, `-p no:python`). `addopts = "--ignore=tests/test_rules.py"`
    and `python_files = ["test_[a-q]*.py"]` passed (exit 0), and pytest never read the module (hunt 210)."""
    settings = pyproject(path, data)
    if settings is None:
        return
    project = settings.get("project")
    points = project.get("entry-points") if isinstance(project, dict) else None
    if isinstance(points, dict) and _PLUGIN_GROUP in points:
        raise Refused(
            f"pyproject.toml: an entry point of the group {_PLUGIN_GROUP}, a plugin pytest loads in every run once "
            "`make test` installs the project, whose hooks run for every test from a module no rule of hooks reads "
            "(hunt 213); keep the hooks in tests/conftest.py"
        )
    dynamic = project.get("dynamic") if isinstance(project, dict) else None
    if isinstance(dynamic, list) and _DYNAMIC_POINTS & {str(d) for d in dynamic}:
        raise Refused(
            "pyproject.toml: the project's entry points left dynamic, which setuptools then reads from setup.cfg, "
            f"setup.py or a file [tool.setuptools.dynamic] names, where an entry point of the group {_PLUGIN_GROUP} "
            "is a plugin pytest loads in every run that no rule reads; declare them in pyproject.toml"
        )
    tool = settings.get("tool", {}).get("pytest", {}) if isinstance(settings.get("tool"), dict) else {}
    tables = [tool, tool.get("ini_options", {})] if isinstance(tool, dict) else []
    for table in (t for t in tables if isinstance(t, dict)):
        for key in sorted(_COLLECTION_SETTINGS & set(table)):
            raise Refused(
                f"pyproject.toml: pytest's `{key}`, by which it collects otherwise than the rules of uncollected "
                "tests read (its default); remove it"
            )
        if _EVERY_TEST_USES in table:
            raise Refused(
                f"pyproject.toml: pytest's `{_EVERY_TEST_USES}`, by which every test asks for the fixtures it names, "
                "each run around every test as an autouse fixture whose rules read the conftest's `autouse=True` only "
                "(hunt 213); mark the fixture autouse in tests/conftest.py"
            )
        if table.get(EMPTY_CASES, FAILING_EMPTY) != FAILING_EMPTY:
            raise Refused(
                f"pyproject.toml: pytest's `{EMPTY_CASES}` other than {FAILING_EMPTY!r}, by which a test parametrized "
                "by no case is skipped (or excused), and a failing suite passes; keep it failing at collection"
            )
        if "testpaths" in table and table["testpaths"] not in (["tests"], "tests"):
            raise Refused("pyproject.toml: pytest's `testpaths` but tests/, whose tests it would not collect")
        options = table.get("addopts", [])
        words = shlex.split(options) if isinstance(options, str) else [str(word) for word in options]
        for n, word in enumerate(words):
            given = words[n + 1] if n + 1 < len(words) else ""
            plugin = (word[2:] if word != "-p" else given) if word.startswith("-p") else ""
            if _narrowing(word) or plugin.startswith("no:") and plugin[3:] in _NARROWING_PLUGINS:
                raise Refused(
                    f"pyproject.toml: pytest's option {files.printable(word if _narrowing(word) else plugin)} in "
                    "addopts, by which it collects or runs fewer tests than tests/ holds, in every run; remove it"
                )
            if plugin and not plugin.startswith("no:"):
                # `-p helpers` loads tests/helpers.py as a plugin, whose hooks run for every test (hunt 210)
                raise Refused(
                    f"pyproject.toml: pytest's option -p {files.printable(plugin)} in addopts, a plugin whose hooks "
                    "run for every test from a module no review reads as one; keep the hooks in tests/conftest.py"
                )


def _narrowing(word: str) -> bool:
    """Whether a word of pytest's options is one of _NARROWING_OPTIONS (`-k EXPR`, `-kEXPR`, `--ignore=PATH`), or a
    path narrower than the tests' folder: `pytest tests/test_docs.py` (or `tests/unit/`, a test's `::` id) collects
    that alone in place of testpaths, and passed in the Makefile's `test` recipe and in addopts (hunt 214)."""
    if not word.startswith("-") and (
        "::" in word or word.endswith(".py") or (word.startswith(_TESTS) and word.strip("/") != _TESTS.strip("/"))
    ):
        return True
    return any(
        word == option or word.startswith(option + "=") or (not option.startswith("--") and word.startswith(option))
        for option in _NARROWING_OPTIONS
    )


def no_pytest_narrowed_by_its_command(path: str, data: bytes | None) -> None:
    """Refused: a file of the code but Python (the Makefile, CI's scripts and workflows) that runs pytest with the
    options no_collection_narrowed refuses in addopts (`$(BIN)/python -m pytest --ignore=tests/test_rules.py`, `-o
    python_files=...`, `-p helpers`), or sets its environment (`PYTEST_ADDOPTS`, `PYTEST_PLUGINS`): `make test`
    (CI's gate) then runs fewer tests than tests/ holds, or other hooks, in every run (hunt 210)."""
    if data is None:
        return
    text = data.decode("utf-8", "replace")
    if "pytest" not in text.lower():
        return
    for number, line in numbered_lines(text):  # (a continued line's words are its command's: hunt 221)
        if line.lstrip().startswith("#"):
            continue
        named = next((word for word in _PYTEST_ENVIRONMENT if word in line), None)
        words = line.split() if named is None else []
        after = next((n for n, word in enumerate(words) if word.rpartition("/")[2] in ("pytest", "py.test")), None)
        options = words[after + 1 :] if after is not None else []
        plugins = [given for word, given in zip(options, [*options[1:], ""]) if word == "-p"]
        plugins += [word[2:] for word in options if word.startswith("-p") and len(word) > 2]
        loaded = next((plugin for plugin in plugins if not plugin.startswith("no:")), None)
        narrowing = next((word for word in options if _narrowing(word)), None) or loaded
        if named or narrowing:
            raise Refused(
                f"{files.shown(path)} line {number}: pytest run with "
                f"{files.printable(named or narrowing or '')}, by which it collects or runs fewer tests than tests/ "
                "holds (or other hooks) in every run; run it as pyproject.toml configures it"
            )
