"""Attacks of a pull request on the trusted check and what its review shows, hunt 210.

- **Tests where pytest collects none.** Hunt 209 refused `__test__` bound in a test module and a test class with its
  own `__init__`, and left a test module named as no module pytest collects. pytest collects `tests/test_*.py` and
  `tests/*_test.py` (testpaths, matched case and all on Linux), in no folder its norecursedirs names (`build`,
  `dist`, `venv`, a dot folder, ...) or that holds a virtual environment's `pyvenv.cfg`, and in them the functions
  `test*` and the classes `Test*`: a module of failing tests at `tests/tests_rules.py`, `tests/rules.py`,
  `tests/build/test_rules.py`, `tests/.hidden/test_rules.py` or `benchmarks/test_rules.py`, and a class of failing
  tests `class RulesTest:`, passed (exit 0), and pytest ran none of them, saying nothing (tested). So did a
  conftest's `collect_ignore = ["test_rules.py"]` and its `pytest_ignore_collect` hook, and pyproject.toml's
  `addopts = "--ignore=tests/test_rules.py"` and `python_files = ["test_[a-q]*.py"]`. Now each is refused
  (git/uncollected.py: no_test_left_uncollected, no_test_folder_skipped, no_collection_narrowed): tests in a
  module or a class pytest does not collect, the names and hooks by which a conftest leaves tests out
  (`collect_ignore`, `collect_ignore_glob`, `pytest_plugins`, `pytest_ignore_collect` and the other collecting
  hooks, a `pytest_collection_modifyitems` that does more than order its items), pytest's collection settings
  but testpaths = tests/, and the options in addopts by which it collects or runs fewer tests (`--ignore`,
  `--deselect`, `-k`, `-m`, `-p no:python`). A helper module of no tests, a base class of tests a `Test...` class
  derives from, a `unittest` class, the repository's sorting hook and its addopts pass.
- **A shell function named as a builtin within a line.** Hunt 208 refused a shell script's function named as a
  builtin of bash's or a path, read where a line starts; a makefile's recipe step was read for `eval` alone. make
  runs each step with `/bin/sh` (dash on Debian and Ubuntu), which runs a function before a builtin but its
  special ones: `test() { return 0; }; test -f x && ...` and `false() { :; }; false && ...` in a recipe's step
  ran the functions (tested), and passed (exit 0); so did `cd .; set() { :; }` in `.ci/run` and `cd .; exit() {
  :; }` in a workflow's step, a definition after a `;`. Now a function defined where a command starts within a
  line (after `;`, `&&`, `||`, `|`, `(`, `{`, `then`, `do`, `else`), in a script, a workflow's steps and a
  recipe's step, named as a builtin or a path (or an alias of a builtin's name), stops the extraction
  (defined_twice.no_shell_function_twice, no_make_definition_twice); a function of its own name, a comment and a
  command substitution pass.
- **A makefile's include of a name built from parts.** Hunt 208 read every file a makefile includes by a literal
  path as a makefile, and a document a file of the code names by its path as code, and followed no include of a
  name built from parts ("the line that builds it is the code's"). But the file it reads is named nowhere: with
  `EXT := .md` and `include docs/rules$(EXT)`, `docs/rules.md` (make reads its lines, tested: its `check:` recipe
  ran in place of the Makefile's) stayed documentation, read for nothing, and its NUL byte passed (exit 0), as did
  `-include $(RULES).md`, `sinclude ${wildcard docs/*.md}`, `include mk/*.mk` and such an include in a file a
  makefile includes. Now an `include`, `-include` or `sinclude` whose name holds `$`, `*`, `?` or `[` stops the
  extraction (defined_twice.no_make_definition_twice); one by its path, the words in a comment or a recipe's
  step, and `$(wildcard ...)` in a variable pass.
- **A document Python runs by its path.** Hunt 208 read a document a file of the code names by its path as code,
  but not in Python, whose tests read the documents they compare with the code. Python runs a file of any name
  (tested: `python setup.md` runs its lines): a test calling `subprocess.run([sys.executable, "docs/setup.md"])`
  (or `["bash", "./docs/setup.md"]`, `"sh docs/setup.md", shell=True`, an argument list `[sys.executable,
  str(ROOT / "docs" / "setup.md")]`, `SourceFileLoader("setup", "docs/setup.md")`, and in the package
  `spec_from_file_location("notes", "LICENSE.txt")`), with the document holding a NUL byte, passed (exit 0): the
  document was documentation, read for nothing. Now a document Python names among the arguments of a runner
  (subprocess's, os's, asyncio's, importlib's loaders, runpy's) or in an argument list led by an interpreter is
  read as code (documentation_run._run_by_python), and `trials diff` names it with the checker; a test reading a
  document, and `git show HEAD:docs/setup.md`, pass.
- **A module's name bound through a built name or a function's value.** Hunt 209 refused a module's name bound
  through its namespace (`strict.__dict__["check"] = list`, `vars(strict)`, `object.__setattr__(strict, ...)`),
  and left a namespace reached by a name built from parts and a module reached through a call's value. Both are
  the same binding (tested): `getattr(strict, "__dict__")["check"] = list` (even by its literal name), `getattr
  (strict, "__di" + "ct__")`, a module's constant `NAME` so built, `"".join([...])`, a function's `getattr(strict,
  name)`, `strict.__getattribute__("__dict__")`, `operator.attrgetter("__dict__")(strict)`, `getattr(strict,
  "__set" + "attr__")("check", list)`, and `def pick(): return strict` then `pick().check = list`, `checks =
  pick()`, a function returning `pick()`, `setattr(pick(), ...)`, and an imported function's value
  (`fetch_extra("...").check = list`, or `checks = fetch_extra("sle_trials.checks.strict")` then `checks.check =
  list`), each in a module of the package's outputs, passed (exit 0). Now an
  attribute given by a name built from constants is read as written so (git/built_names.py), one by a name built
  otherwise as possibly the namespace where it is written, a source's functions that return a module as modules
  given by name (and any call given a module of the package's name first), and a chain's root through a call as
  the function called (git/bound_elsewhere.py); reading them,
  `getattr(strict, "rule_" + name)(...)` dispatch, an item of a mapping the module holds, and a local object's
  attributes pass.
- **A runner named by a string built from constants.** Hunt 207 refused a runner or the builtins named by a
  string (`__import__("builtins")`, `getattr(m, "exec")`) and left one built from parts as a strict xfail:
  `getattr(importlib.import_module("built" + "ins"), "ex" + "ec")`, `sys.modules["built" "ins"].__dict__["ex" +
  "ec"]`, `__import__(f"{PART}al")` and a `NAME = "".join(["built", "ins"])` passed (exit 0). A name built from
  constants alone is now read as built (built_names.text_of, run_from_text); one built from what runs (a module's
  name from a list) passes, as the repository's checks/__init__.py builds them; hunt 207's xfail is a test now.
- **A class's or a module's names bound by a hook.** Hunt 209 left the hooks Python calls to make a class or to
  look a module's name up, each read where it stands. A base class's `__init_subclass__` setting `cls.check =
  lambda self, record: []` replaces the `check` every derived class defines (tested), in modules whose review shows
  their own; so do a descriptor's `__set_name__` (`owner.check = list`) and a metaclass (`class Meta(type)`,
  `metaclass=Meta`), and a module's `__getattr__` answers every name it no longer defines. Each, in a module of the
  package, passed (exit 0). Now refused in the code but the tests (git/class_hooks.py); a class's own
  `__getattr__`, abc's ABCMeta, an Enum and the tests' classes pass. The repository's code uses none.
- **A hook that runs a test otherwise or writes its verdict.** A conftest's `def pytest_pyfunc_call(pyfuncitem):
  return True` has pytest take each test as called, a `pytest_runtest_makereport` wrapper setting `report.outcome =
  "passed"` rewrites its report, and `session.exitstatus = 0` in `pytest_sessionfinish` the run's status: with each,
  a failing test's suite exited 0 (tested), and each passed (exit 0), as did `pytest_runtest_protocol` and a plugin
  loaded by addopts' `-p helpers`, and `pytest_configure` setting `config.option.ignore = [...]` (tested),
  `config.option.keyword` or `config.addinivalue_line("norecursedirs", ...)`. Now the hooks that run a test
  otherwise (pytest_pyfunc_call,
  pytest_runtest_protocol, pytest_runtest_call, pytest_runtest_makereport), any hook writing `outcome`,
  `exitstatus`, `longrepr` or `wasxfail` (or forcing a wrapper's result), and `-p NAME` in addopts stop the
  extraction (uncollected.no_test_left_uncollected, no_collection_narrowed), and so does a hook changing pytest's
  options or settings; the repository's session and summary hooks, a hook reading `config.option`, and a test's own
  object's `outcome`, pass.
- **pytest run with options that narrow it.** The Makefile's `$(BIN)/python -m pytest --ignore=tests/test_rules.py`
  (or `-o python_files=...`, `-p helpers`), `export PYTEST_ADDOPTS := -k 'not rules'`, a workflow's `env:
  PYTEST_ADDOPTS: --deselect ...` and `.ci/run`'s `make test PYTEST_ADDOPTS=...` narrow every run of CI's `make
  test` as addopts does, and each passed (exit 0). Now a line of a file of the code but Python that runs pytest
  with an option no_collection_narrowed refuses (now also `-o`, `-c`, `--rootdir`, `--noconftest`), or sets
  PYTEST_ADDOPTS or PYTEST_PLUGINS, stops the extraction (uncollected.no_pytest_narrowed_by_its_command); the
  Makefile's own `-m pytest`, `-x -q -p no:cacheprovider tests` and the word in a comment pass.
- **A decorator that gives back something else.** Hunt 209 left a decorator returning another function, read where
  it stands: `def gone(function): return lambda record: []` far above `@gone` over a checker's `def check` had
  `check` return nothing (tested), and passed (exit 0), as did a decorator returning `list`, one returning nothing,
  a factory's (`@rule("E501")`) returning a lambda, and one returning a wrapper that never calls the def. Now a def
  or a class decorated by a function of the module's own that does not give back what it is given (or a call, a
  def or a lambda reading it) stops the extraction (class_hooks.no_decorator_discarding); a registry's decorator,
  `functools.wraps` wrappers, a factory setting an attribute, `functools.cache` and a method of the decorator's
  name pass. A decorator imported from another module is left (read where it is defined).
- **A file run by its path as a makefile or a shell script.** The rules of makefiles' lines read a file by its name
  or as one a makefile includes, those of shell scripts by its name or its `#!` line. `$(MAKE) -f mk/rules check`
  in a recipe, `mk/rules` holding a step led by spaces (make never runs it) or a variable given twice, `bash
  .ci/steps.txt` with a function defined twice, `source .ci/env` defining `set() { :; }` (bash then runs it for
  `set -e`: tested), `. ./env.txt` holding `eval`, and a workflow's `run: sh .ci/steps`, each passed (exit 0). Now
  a file the code runs by its path with `make -f` (`--file`, `--makefile`) is read as a makefile, and one it runs
  with bash, sh, dash, zsh, ksh, `source` or `.` as a shell script (git/run_by_path.py); a file only read (`cat`)
  or named in a comment passes.
- **A test class with an `__init__` it does not define.** Hunt 209 refused a test class with its own `__init__`
  (pytest collects none of its tests, a warning alone); pytest looks for any `__init__` but object's: a `class
  TestRules(Base)` whose base has one, `class TestRules(dict)`, and `@dataclass` over a test class had pytest run
  none of their failing tests (tested), and each passed (exit 0), as did a class derived from an imported one. Now
  a test class decorated but by pytest's marks, made by a metaclass, or derived from any class but `object`,
  unittest's TestCase and a class of the module with no constructor (at any depth) stops the extraction
  (uncollected.no_test_left_uncollected); a marked class, a mixin of tests and a TestCase pass.
- **A test skipped on a module no environment holds.** pytest reports a skipped test in its summary and exits 0:
  `yaml = pytest.importorskip("yamll")` at the top of a module of failing tests (or a `skipif` on
  `importlib.util.find_spec("mypyy") is None`, or a name built from constants) skipped them in every run, CI
  passing (tested), and passed (exit 0). Now a test naming, to skip on, a top-level module that neither the standard
  library, the package, an installed distribution nor one `make test` installs provides stops the extraction
  (git/skipped.py); the repository's importorskip of markdown_it and pre_commit, a name given at run time, and the
  package's own find_spec pass.

Left (not refused): a branch on `sys.version_info` that mypy (pyproject.toml's python_version 3.11) and CI's Python
3.11 never read, and a reviewer's Python 3.12 runs (`if sys.version_info >= (3, 12): def check(...) -> list[str]:
return 'E'`, a strict xfail here, refused since: tests/test_attacks_pr_hunt211.py). A module reached through
the value of a function imported from another module and given no name of the package (`checks = pick()`, `pick`
defined elsewhere to return strict, then `checks.check = list`), and a decorator imported from another module,
are read where they are defined. An autouse fixture of tests/conftest.py patching the checker
(`monkeypatch.setattr(strict, "check", ...)`): the repository's conftest patches the package in autouse fixtures
for speed, and the tests patch modules on purpose (refused since, but for a memo of the original:
tests/test_attacks_pr_hunt211.py). A skip on an executable's name one letter off
(`pytest.mark.skipif(not shutil.which("gti"), ...)`): which executables an environment holds is the machine's
(refused since, where the check runs: tests/test_attacks_pr_hunt211.py).
A tool's settings in pyproject.toml that read less of the code (`[[tool.mypy.overrides]] module =
["sle_trials.checks.*"] ignore_errors = true`, ruff's per-file-ignores, mypy's files): settings a review shows as
settings, on `trials diff`'s checker line (refused since: tests/test_attacks_pr_hunt211.py). Each passed the
extraction (exit 0).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

# --- Tests where pytest collects none (git/uncollected.py)
FAILING = "def test_the_rules_hold():\n    assert False\n"
RULES_TEST = "class RulesTest:\n    def test_hold(self):\n        assert False\n"
NEVER = "in a module pytest never collects"
CONFTEST = "tests/conftest.py"
TESTS = "tests/test_rules.py"
MODIFY = "def pytest_collection_modifyitems(items):\n"


def _pytest_settings(text: str) -> str:
    return f"[project]\nname = 'x'\n\n[tool.pytest.ini_options]\n{text}\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"tests/tests_rules.py": FAILING}, f"tests/tests_rules.py line 1: the test test_the_rules_hold {NEVER}"),
        ({"tests/rules.py": FAILING}, f"tests/rules.py line 1: the test test_the_rules_hold {NEVER}"),
        ({"tests/Test_rules.py": FAILING}, f"tests/Test_rules.py line 1: the test test_the_rules_hold {NEVER}"),
        (
            {"tests/build/test_rules.py": FAILING},
            f"tests/build/test_rules.py line 1: the test test_the_rules_hold {NEVER}",
        ),
        ({"tests/.hidden/test_rules.py": FAILING}, "tests/.hidden/test_rules.py line 1: the test test_the_rules_h"),
        ({"tests/venv/test_rules.py": FAILING}, "tests/venv/test_rules.py line 1: the test test_the_rules_hold"),
        (
            {"benchmarks/test_rules.py": FAILING},
            f"benchmarks/test_rules.py line 1: the test test_the_rules_hold {NEVER}",
        ),
        ({"tests/rules.py": RULES_TEST}, f"tests/rules.py line 2: the test test_hold {NEVER}"),
        ({TESTS: RULES_TEST}, f"{TESTS} line 1: the class RulesTest of tests, which pytest never collects"),
        (
            {"tests/env/pyvenv.cfg": "home = /usr/bin\n", "tests/env/test_rules.py": FAILING},
            "tests/env/pyvenv.cfg: a folder of the tests pytest takes for a virtual environment's",
        ),
        ({CONFTEST: "collect_ignore = ['test_rules.py']\n", TESTS: FAILING}, f"{CONFTEST} line 1: `collect_ignore`"),
        ({CONFTEST: "collect_ignore_glob: list = ['test_r*']\n"}, f"{CONFTEST} line 1: `collect_ignore_glob`"),
        ({CONFTEST: "pytest_plugins = ['helpers']\n"}, f"{CONFTEST} line 1: `pytest_plugins`"),
        (
            {CONFTEST: "def pytest_ignore_collect(collection_path, config):\n    return 'r' in str(collection_path)\n"},
            f"{CONFTEST} line 1: the hook pytest_ignore_collect, by which pytest collects what it returns",
        ),
        (
            {"tests/helpers.py": "def pytest_pycollect_makeitem(collector, name, obj):\n    return []\n"},
            "tests/helpers.py line 1: the hook pytest_pycollect_makeitem",
        ),
        (
            {CONFTEST: MODIFY + "    items[:] = [i for i in items if 'rule' not in i.name]\n"},
            f"{CONFTEST} line 2: pytest_collection_modifyitems changing its items otherwise than by their order",
        ),
        (
            {CONFTEST: MODIFY + "    for item in list(items):\n        items.remove(item)\n"},
            f"{CONFTEST} line 3: pytest_collection_modifyitems changing its items",
        ),
        (
            {"pyproject.toml": _pytest_settings("addopts = '-ra --ignore=tests/test_rules.py'"), TESTS: FAILING},
            "pyproject.toml: pytest's option --ignore=tests/test_rules.py in addopts",
        ),
        ({"pyproject.toml": _pytest_settings("addopts = ['-k', 'not rules']")}, "pyproject.toml: pytest's option -k"),
        (
            {"pyproject.toml": _pytest_settings("addopts = '-q -p no:python'")},
            "pyproject.toml: pytest's option no:python",
        ),
        (
            {"pyproject.toml": _pytest_settings("addopts = '--deselect tests/test_rules.py::test_the_rules_hold'")},
            "pyproject.toml: pytest's option --deselect",
        ),
        (
            {"pyproject.toml": _pytest_settings("python_files = ['test_[a-q]*.py']"), TESTS: FAILING},
            "pyproject.toml: pytest's `python_files`, by which it collects otherwise",
        ),
        (
            {"pyproject.toml": _pytest_settings("norecursedirs = ['rules*']")},
            "pyproject.toml: pytest's `norecursedirs`",
        ),
        (
            {"pyproject.toml": _pytest_settings("testpaths = ['tests/unit']")},
            "pyproject.toml: pytest's `testpaths` but",
        ),
    ],
)
def test_tests_where_pytest_collects_none_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"tests/rules.py": "def rule_holds(record):\n    return bool(record)\n", TESTS: FAILING},
        {"tests/test_rules_test.py": FAILING},
        {TESTS: "class Checks:\n    def test_hold(self):\n        pass\n\n\nclass TestStrict(Checks):\n    pass\n"},
        {TESTS: "import unittest\n\n\nclass RulesCase(unittest.TestCase):\n    def test_hold(self):\n        pass\n"},
        {"scripts/sle_trials/checks/strict.py": "def test_record(record):\n    return bool(record)\n"},
        {CONFTEST: MODIFY + "    items.sort(key=lambda item: item.name)\n"},
        {
            "pyproject.toml": _pytest_settings(
                "addopts = '-ra --strict-markers -n auto -p no:anyio'\ntestpaths = ['tests']"
            )
        },
        {"tests/fixtures/build/notes.txt": "a test's input in a folder named build\n"},
    ],
)
def test_tests_pytest_collects_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.parametrize(
    ("files", "ran"),
    [
        ({"tests/test_ok.py": "def test_ok():\n    pass\n", "tests/tests_rules.py": FAILING}, "1 passed"),
        ({"tests/test_ok.py": "def test_ok():\n    pass\n", "tests/build/test_rules.py": FAILING}, "1 passed"),
        (
            {
                "tests/test_ok.py": "def test_ok():\n    pass\n",
                "tests/env/pyvenv.cfg": "",
                "tests/env/test_r.py": FAILING,
            },
            "1 passed",
        ),
        ({"tests/test_ok.py": "def test_ok():\n    pass\n\n\n" + RULES_TEST}, "1 passed"),
        ({"tests/conftest.py": "collect_ignore = ['test_rules.py']\n", TESTS: FAILING}, "no tests ran"),
    ],
)
def test_pytest_runs_none_of_those_tests_and_says_nothing(tmp_path: Path, files: dict[str, str], ran: str) -> None:
    """The mechanism: each tree holds a failing test, and pytest reports no failure (nor a skip or a warning)."""
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-ra", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "failed" not in done.stdout and "skipped" not in done.stdout and ran in done.stdout, done.stdout


# --- A shell function named as a builtin, where a command starts within a line (git/defined_twice.py)
SCRIPT = "#!/usr/bin/env bash\nset -euo pipefail\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"Makefile": "test:\n\ttest() { return 0; }; test -f x && .venv/bin/python -m pytest\n"}, "Makefile line 2"),
        ({"Makefile": "check:\n\t@false() { :; }; false && echo checked\n"}, "Makefile line 2: the function false"),
        ({"Makefile": "check:\n\tcd tests && cd() { :; } && cd x\n"}, "Makefile line 2: the function cd, which bash"),
        (
            {"Makefile": "check:\n\techo a; \\\n\t  function true { false; }; true\n"},
            "Makefile line 2: the function true",
        ),
        ({".ci/run": SCRIPT + "cd .; set() { :; }\nset +e\n"}, ".ci/run line 3: the function set, which bash runs in"),
        ({".ci/run": SCRIPT + "log() { :; }; exit() { :; }\n"}, ".ci/run line 3: the function exit"),
        ({".ci/run": SCRIPT + "if true; then test() { :; }; fi\n"}, ".ci/run line 3: the function test"),
        (
            {".github/workflows/x.yml": "jobs:\n  a:\n    steps:\n      - run: cd .; exit() { :; }; make\n"},
            ".github/workflows/x.yml line 4: the function exit",
        ),
    ],
)
def test_a_function_named_as_a_builtin_within_a_line_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": 'check:\n\tlog() { echo "$$@"; }; log a && test -f x\n'},
        {"Makefile": "help:\n\t@sed -n 's/^## //p' $(firstword $(MAKEFILE_LIST))\n"},
        {".ci/run": SCRIPT + "# cd .; test() is bash's, not ours\nlog() { :; }; log a\n"},
        {".ci/run": SCRIPT + 'x=$(date); echo "$x" | (cat; echo)\n'},
    ],
)
def test_a_function_of_its_own_name_within_a_line_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_a_recipes_function_runs_in_place_of_the_builtin(tmp_path: Path) -> None:
    """The mechanism: make's shell (dash here, bash elsewhere) runs the recipe's `test` and `false`, no builtin."""
    (tmp_path / "Makefile").write_text(
        "check:\n\ttest() { return 0; }; test -f /nonexistent && echo shadowed\n\tfalse() { :; }; false && echo too\n"
    )
    done = subprocess.run(["make", "-s", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == "shadowed\ntoo\n", done


# --- A makefile's include of a name built from parts (git/defined_twice.py)
TEST_RULE = "test:\n\t.venv/bin/python -m pytest\n"
BUILT = "an include of a name built from parts or a pattern"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"Makefile": "EXT := .md\ninclude docs/rules$(EXT)\n" + TEST_RULE, "docs/rules.md": "x:\n\techo a\x00\n"},
            f"Makefile line 2: {BUILT} (docs/rules$(EXT))",
        ),
        ({"Makefile": "RULES := docs/rules\n-include $(RULES).md\n" + TEST_RULE}, f"Makefile line 2: {BUILT}"),
        ({"Makefile": TEST_RULE + "sinclude ${wildcard docs/*.md}\n"}, f"Makefile line 3: {BUILT}"),
        ({"Makefile": "include mk/*.mk\n" + TEST_RULE, "mk/a.mk": "A := 1\n"}, f"Makefile line 1: {BUILT} (mk/*.mk)"),
        (
            {"Makefile": "include mk/rules.mk\n" + TEST_RULE, "mk/rules.mk": "D := docs\ninclude $(D)/more.md\n"},
            f"mk/rules.mk line 2: {BUILT}",
        ),
    ],
)
def test_an_include_built_from_parts_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": "include mk/rules.mk\n" + TEST_RULE, "mk/rules.mk": "A := 1\n"},
        {"Makefile": "# include $(DOCS)/rules.md, never\n" + TEST_RULE},
        {"Makefile": TEST_RULE + "\t@echo 'include $(EXT)'\n"},
        {"Makefile": "INCLUDED := $(wildcard mk/*.mk)\n" + TEST_RULE},
    ],
)
def test_an_include_by_its_path_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_make_reads_a_document_included_by_a_built_name_as_its_lines(tmp_path: Path) -> None:
    """The mechanism: no file names `docs/rules.md`, and make runs its recipe in place of the Makefile's."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rules.md").write_text("check:\n\t@echo from the document\n")
    (tmp_path / "Makefile").write_text("EXT := .md\ncheck:\n\t@echo from the Makefile\ninclude docs/rules$(EXT)\n")
    done = subprocess.run(["make", "-s", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.stdout == "from the document\n", done


# --- A document Python runs by its path (git/documentation_run.py)
NUL_DOCUMENT = "print('set up')\n# \x00\n"
NUL = "docs/setup.md line 2: a NUL byte"
RUNS = "import subprocess\nimport sys\n\n\ndef test_setup():\n    subprocess.run({args}, check=True)\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                "tests/test_setup.py": RUNS.format(args="[sys.executable, 'docs/setup.md']"),
                "docs/setup.md": NUL_DOCUMENT,
            },
            NUL,
        ),
        ({"tests/test_setup.py": RUNS.format(args="['bash', './docs/setup.md']"), "docs/setup.md": NUL_DOCUMENT}, NUL),
        (
            {"tests/test_setup.py": RUNS.format(args="'sh docs/setup.md', shell=True"), "docs/setup.md": NUL_DOCUMENT},
            NUL,
        ),
        (
            {
                "tests/test_setup.py": "from pathlib import Path\nimport subprocess\nimport sys\n\n"
                "COMMAND = [sys.executable, str(Path(__file__).parent.parent / 'docs' / 'setup.md')]\n",
                "docs/setup.md": NUL_DOCUMENT,
            },
            NUL,
        ),
        (
            {
                "tests/test_setup.py": "from importlib.machinery import SourceFileLoader\n\n"
                "SETUP = SourceFileLoader('setup', 'docs/setup.md').load_module()\n",
                "docs/setup.md": NUL_DOCUMENT,
            },
            NUL,
        ),
        (
            {
                "scripts/sle_trials/outputs/docs.py": "import importlib.util\n\n"
                "SPEC = importlib.util.spec_from_file_location('notes', 'LICENSE.txt')\n",
                "LICENSE.txt": "x = 1\x00\n",
            },
            "LICENSE.txt line 1: a NUL byte",
        ),
    ],
)
def test_a_document_python_runs_is_read_as_code(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {
            "tests/test_docs.py": "from pathlib import Path\n\n\ndef test_setup_named():\n"
            "    assert 'make' in (Path('docs') / 'setup.md').read_text()\n",
            "docs/setup.md": "Run `make`.\n# \x00\n",
        },
        {
            "tests/test_docs.py": "import subprocess\n\n\ndef test_shown():\n"
            "    subprocess.run(['git', 'show', 'HEAD:docs/setup.md'], check=False)\n",
            "docs/setup.md": "Run `make`.\n",
        },
        {"docs/setup.md": "Run `python docs/setup.md`? No: run `make`.\n\x00"},
        {
            "tests/test_docs.py": "import os\nimport subprocess\n\n\ndef test_added():\n"
            "    subprocess.run(['git', 'add', 'docs/setup.md'], check=True)\n    os.system('diff docs/setup.md x')\n",
            "docs/setup.md": "Run `make`.\n\x00",
        },
    ],
)
def test_a_document_python_reads_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_python_runs_a_document_by_its_path(tmp_path: Path) -> None:
    """The mechanism: Python runs a `.md` file's lines as its source, whatever its name says."""
    (tmp_path / "setup.md").write_text("print('ran as Python')\n")
    done = subprocess.run([sys.executable, "setup.md"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.stdout == "ran as Python\n", done


# --- A module's name bound through a name built from parts, or a function's value (git/bound_elsewhere.py)
DOCS = "scripts/sle_trials/outputs/docs.py"
USES_STRICT = "from sle_trials.checks import strict\n\n"
BOUND = "binds a name of an imported module or class from here"
PICK = "def pick():\n    return strict\n\n\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({DOCS: USES_STRICT + "getattr(strict, '__dict__')['check'] = list\n"}, f"{DOCS} line 3: `getattr(strict,"),
        ({DOCS: USES_STRICT + "getattr(strict, '__di' + 'ct__')['check'] = list\n"}, f"{DOCS} line 3: `getattr("),
        ({DOCS: USES_STRICT + "NAME = '__di' 'ct__'\ngetattr(strict, NAME).update(check=list)\n"}, f"{DOCS} line 4"),
        ({DOCS: USES_STRICT + "getattr(strict, ''.join(['__', 'dict', '__']))['check'] = list\n"}, f"{DOCS} line 3"),
        (
            {DOCS: USES_STRICT + "def f(name):\n    getattr(strict, name)['check'] = list\n"},
            f"{DOCS} line 4: `getattr(",
        ),
        (
            {DOCS: USES_STRICT + "strict.__getattribute__('__dict__')['check'] = list\n"},
            f"{DOCS} line 3: `strict.__get",
        ),
        (
            {DOCS: "import operator\n\n" + USES_STRICT + "operator.attrgetter('__dict__')(strict)['check'] = list\n"},
            f"{DOCS} line 5: `operator.attrgetter('__dict__')(strict)['check']` {BOUND}",
        ),
        (
            {DOCS: USES_STRICT + "getattr(strict, '__set' + 'attr__')('check', list)\n"},
            f"{DOCS} line 3: `getattr(strict, '__set' + 'attr__')('check', list)` {BOUND}",
        ),
        ({DOCS: USES_STRICT + PICK + "pick().check = list\n"}, f"{DOCS} line 7: `pick().check` {BOUND}"),
        ({DOCS: USES_STRICT + PICK + "checks = pick()\nchecks.check = list\n"}, f"{DOCS} line 8: `checks.check`"),
        (
            {
                DOCS: USES_STRICT
                + PICK
                + "def again():\n    return pick()\n\n\ndef f():\n    m = again()\n    m.check = list\n"
            },
            f"{DOCS} line 13: `m.check` {BOUND}",
        ),
        ({DOCS: USES_STRICT + PICK + "setattr(pick(), 'check', list)\n"}, f"{DOCS} line 7: setattr() on an imported"),
        (
            {
                DOCS: "from sle_trials.curate.importing import fetch_extra\n\n"
                "fetch_extra('sle_trials.checks').check = list\n"
            },
            f"{DOCS} line 3: `fetch_extra('sle_trials.checks').check` {BOUND}",
        ),
        (
            {
                DOCS: "from sle_trials.curate.importing import fetch_extra\n\n"
                "checks = fetch_extra('sle_trials.checks.strict')\nchecks.check = list\n"
            },
            f"{DOCS} line 4: `checks.check` {BOUND}",
        ),
    ],
)
def test_a_name_bound_through_a_built_name_or_a_functions_value_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {DOCS: USES_STRICT + "CHECK = getattr(strict, 'check')\nNAMES = dict(getattr(strict, '__dict__'))\n"},
        {DOCS: USES_STRICT + "def rule(name):\n    return getattr(strict, 'rule_' + name)({})\n"},
        {DOCS: USES_STRICT + "getattr(strict, 'LIMITS')['age'] = 18\n"},  # an item of a mapping it holds, as hunt 206
        {DOCS: USES_STRICT + PICK + "CHECKED = pick().check({})\n"},
        {DOCS: "import logging\n\nLOG = logging.getLogger('sle_trials.outputs')\nLOG.info('x')\n"},
        {DOCS: "class Page:\n    pass\n\n\ndef made():\n    page = Page()\n    page.title = 'x'\n    return page\n"},
        {DOCS: "def table(found, path, name):\n    found.setdefault(path, {})[name] = 1\n"},
    ],
)
def test_a_module_read_by_a_built_name_or_a_functions_value_passes(
    tmp_path: Path, changes: dict[str, str | bytes]
) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_a_namespace_reached_by_a_built_name_is_the_modules() -> None:
    """The mechanism: the item of the namespace getattr gives, by a name built from parts, is the module's name."""
    import types

    strict = types.ModuleType("h210_strict")
    strict.check = lambda record: ["E501"]  # type: ignore[attr-defined]
    getattr(strict, "__di" + "ct__")["check"] = list
    assert strict.check() == []


# --- A runner named by a string built from constants (git/run_from_text.py; hunt 207's xfail, closed above it)
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("import sys\n\nRUN = sys.modules['built' 'ins'].__dict__['ex' + 'ec']\n", "line 3: a runner or the builtins"),
        ("PART = 'ev'\nRUN = __import__(f'{PART}al')\n", "line 2: a runner or the builtins named by a string"),
        (
            "import importlib\n\nNAME = ''.join(['built', 'ins'])\nM = importlib.import_module(NAME)\n",
            "line 4: a runner",
        ),
    ],
)
def test_a_runner_named_by_a_string_built_from_constants_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, said: str
) -> None:
    strict = "scripts/sle_trials/checks/strict.py"
    refused_by_the_trusted_check(request, tmp_path, {strict: text}, f"{strict} {said}")


def test_a_module_imported_by_a_name_built_from_what_runs_passes(tmp_path: Path) -> None:
    text = "import importlib\n\n\ndef checks(names):\n    return [importlib.import_module('x.' + n) for n in names]\n"
    passed_by_the_extraction(tmp_path, {"scripts/sle_trials/checks/strict.py": text})


# --- A class's or a module's names bound by a hook Python calls (git/class_hooks.py)
BASE = "scripts/sle_trials/checks/base.py"
WHERE = "where a reader of those classes or names does not look"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {BASE: "class Check:\n    def __init_subclass__(cls):\n        cls.check = lambda self, record: []\n"},
            f"{BASE} line 2: Check.__init_subclass__, which Python runs as each class derived from",
        ),
        (
            {BASE: "class Quiet:\n    def __set_name__(self, owner, name):\n        owner.check = list\n"},
            f"{BASE} line 2: Quiet.__set_name__",
        ),
        ({BASE: "class Meta(type):\n    pass\n"}, f"{BASE} line 1: the metaclass Meta, which binds the names"),
        ({BASE: "import enum\n\n\nclass Meta(enum.EnumMeta):\n    pass\n"}, f"{BASE} line 4: the metaclass Meta"),
        ({BASE: "from x import Meta\n\n\nclass Check(metaclass=Meta):\n    pass\n"}, f"{BASE} line 4: the class Check"),
        (
            {BASE: "def __getattr__(name):\n    return list\n"},
            f"{BASE} line 1: the module's __getattr__, which answers",
        ),
    ],
)
def test_a_hook_binding_a_class_or_a_modules_names_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {BASE: "class Page:\n    def __getattr__(self, name):\n        return self.fields[name]\n"},
        {BASE: "import abc\n\n\nclass C(metaclass=abc.ABCMeta):\n    @abc.abstractmethod\n    def run(self): ...\n"},
        {BASE: "import enum\n\n\nclass Status(enum.Enum):\n    DRAFT = 'draft'\n"},
        {"tests/test_base.py": "def test_made():\n    class Meta(type):\n        pass\n"},  # the tests' own classes
    ],
)
def test_a_class_without_such_hooks_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_init_subclass_replaces_the_method_a_derived_class_defines() -> None:
    """The mechanism: the derived class's own `check`, which its review shows, is never the one it has."""

    class Check:
        def __init_subclass__(cls, **kw: object) -> None:
            cls.check = lambda self, record: []  # type: ignore[attr-defined]

    class Strict(Check):
        def check(self, record: dict) -> list[str]:
            return ["E501"]

    assert Strict().check({}) == []


# --- A hook that runs a test otherwise or writes its verdict (git/uncollected.py)
WRAPPER = "import pytest\n\n\n@pytest.hookimpl(wrapper=True)\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: "def pytest_pyfunc_call(pyfuncitem):\n    return True\n", TESTS: FAILING},
            f"{CONFTEST} line 1: the hook pytest_pyfunc_call, by which pytest runs a test otherwise",
        ),
        ({CONFTEST: "def pytest_runtest_protocol(item, nextitem):\n    return True\n"}, f"{CONFTEST} line 1: the hook"),
        (
            {CONFTEST: WRAPPER + "def pytest_runtest_makereport(item, call):\n    report = yield\n    return report\n"},
            f"{CONFTEST} line 5: the hook pytest_runtest_makereport",
        ),
        (
            {CONFTEST: "def pytest_sessionfinish(session):\n    session.exitstatus = 0\n"},
            f"{CONFTEST} line 2: pytest_sessionfinish writing `exitstatus`, a test's or the run's verdict",
        ),
        (
            {CONFTEST: "def pytest_sessionfinish(session):\n    setattr(session, 'exitstatus', 0)\n"},
            f"{CONFTEST} line 2: pytest_sessionfinish writing `exitstatus`",
        ),
        (
            {CONFTEST: WRAPPER + "def pytest_report_teststatus(report):\n    (report.outcome, x) = ('passed', 1)\n"},
            f"{CONFTEST} line 6: pytest_report_teststatus writing `outcome`",
        ),
        (
            {
                CONFTEST: "def pytest_configure(config):\n    config.option.ignore = ['tests/test_rules.py']\n",
                TESTS: FAILING,
            },
            f"{CONFTEST} line 2: pytest_configure changing pytest's options, by which it collects or runs otherwise",
        ),
        ({CONFTEST: "def pytest_configure(config):\n    config.option.keyword = 'not rules'\n"}, f"{CONFTEST} line 2"),
        ({CONFTEST: "def pytest_configure(config):\n    config.option.deselect.append('x')\n"}, f"{CONFTEST} line 2"),
        (
            {CONFTEST: "def pytest_configure(config):\n    config.addinivalue_line('norecursedirs', 'r*')\n"},
            f"{CONFTEST} line 2: pytest_configure changing pytest's settings",
        ),
        (
            {"pyproject.toml": _pytest_settings("addopts = '-ra -p helpers'"), "tests/helpers.py": "X = 1\n"},
            "pyproject.toml: pytest's option -p helpers in addopts, a plugin whose hooks run for every test",
        ),
    ],
)
def test_a_hook_writing_a_tests_verdict_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {CONFTEST: "import json\n\n\ndef pytest_sessionfinish(session):\n    out = {}\n    out['s'] = json.dumps(1)\n"},
        {CONFTEST: "def pytest_terminal_summary(terminalreporter):\n    terminalreporter.write_line('score')\n"},
        {CONFTEST: "def pytest_configure(config):\n    if config.option.verbose:\n        print(config.option.x)\n"},
        {"tests/test_t.py": "def test_outcome():\n    class R:\n        pass\n\n    r = R()\n    r.outcome = 'x'\n"},
    ],
)
def test_a_hook_reporting_beside_the_verdicts_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.parametrize(
    "conftest",
    [
        "def pytest_pyfunc_call(pyfuncitem):\n    return True\n",
        "def pytest_sessionfinish(session):\n    session.exitstatus = 0\n",
        WRAPPER + "def pytest_runtest_makereport(item, call):\n    report = yield\n    report.outcome = 'passed'\n"
        "    return report\n",
        "def pytest_configure(config):\n    config.option.ignore = ['tests/test_a.py']\n",
    ],
)
def test_a_hook_has_a_failing_test_pass(tmp_path: Path, conftest: str) -> None:
    """The mechanism: the suite's one test fails (beside one that passes), and pytest exits 0."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_b.py").write_text("def test_b():\n    pass\n")
    (tmp_path / "tests" / "test_a.py").write_text(FAILING)
    (tmp_path / "tests" / "conftest.py").write_text(conftest)
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout


# --- pytest run with options that narrow it (git/uncollected.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"Makefile": "test:\n\t.venv/bin/python -m pytest --ignore=tests/test_rules.py\n", TESTS: FAILING},
            "Makefile line 2: pytest run with --ignore=tests/test_rules.py, by which it collects or runs fewer tests",
        ),
        (
            {"Makefile": "test:\n\t.venv/bin/python -m pytest -o python_files=x_*.py\n"},
            "Makefile line 2: pytest run with -o",
        ),
        (
            {"Makefile": "export PYTEST_ADDOPTS := -k 'not rules'\n" + TEST_RULE},
            "Makefile line 1: pytest run with PYTEST_",
        ),
        ({"Makefile": "test:\n\t.venv/bin/pytest -p helpers\n"}, "Makefile line 2: pytest run with helpers"),
        (
            {".github/workflows/t.yml": "jobs:\n  t:\n    env:\n      PYTEST_ADDOPTS: --deselect tests/test_r.py\n"},
            ".github/workflows/t.yml line 4: pytest run with PYTEST_ADDOPTS",
        ),
        ({".ci/run": SCRIPT + "make test PYTEST_ADDOPTS='-m not long'\n"}, ".ci/run line 3: pytest run with PYTEST_A"),
    ],
)
def test_pytest_run_with_narrowing_options_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": "test:\n\t.venv/bin/python -m pytest\n\trm -rf .pytest_cache\n"},
        {"Makefile": "test:\n\t.venv/bin/python -m pytest -x -q -p no:cacheprovider tests\n"},
        {"Makefile": "# PYTEST_ADDOPTS is never set here\n" + TEST_RULE},
    ],
)
def test_pytest_run_as_configured_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


# --- A branch on sys.version_info that mypy, at pyproject.toml's python_version, takes as never run (its xfail here is
# hunt 211's test now: tests/test_attacks_pr_hunt211.py)
NEWER = (
    "import sys\n\nif sys.version_info >= (3, 12):\n\n    def check(record: dict) -> list[str]:\n        return 'E'\n"
)


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs mypy")
def test_mypy_reads_no_line_of_a_branch_for_newer_pythons(tmp_path: Path) -> None:
    """The mechanism: at python_version 3.11 mypy says "Success" of a def returning a string where it declares a
    list, which Python 3.12 and later run."""
    (tmp_path / "h210_newer.py").write_text(NEWER)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "/dev/null", "--python-version", "3.11"]
        + ["h210_newer.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0 and "Success" in checked.stdout, checked.stdout


# --- A decorator that gives back something else than what it decorates (git/class_hooks.py)
CHECK_DEF = "def check(record):\n    return ['E501'] if record else []\n"
GONE = "the decorator gone of check, which gives back something other than it"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {BASE: "def gone(function):\n    return lambda record: []\n\n\n@gone\n" + CHECK_DEF},
            f"{BASE} line 5: {GONE}",
        ),
        ({BASE: "def gone(f):\n    f.seen = True\n    return list\n\n\n@gone\n" + CHECK_DEF}, f"{BASE} line 6: {GONE}"),
        ({BASE: "def gone(function):\n    pass\n\n\n@gone\n" + CHECK_DEF}, f"{BASE} line 5: {GONE}"),
        (
            {
                BASE: "def rule(code):\n    def wrap(function):\n        return lambda record: []\n\n"
                "    return wrap\n\n\n@rule('E501')\n" + CHECK_DEF
            },
            f"{BASE} line 8: the decorator rule('E501') of check",
        ),
        (
            {
                BASE: "def gone(function):\n    def inner(record):\n        return []\n\n    return inner\n\n\n@gone\n"
                + CHECK_DEF
            },
            f"{BASE} line 8: {GONE}",
        ),
    ],
)
def test_a_decorator_discarding_what_it_decorates_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {
            BASE: "RULES = []\n\n\ndef rule(function):\n    RULES.append(function)\n    return function\n\n\n@rule\n"
            + CHECK_DEF
        },
        {
            BASE: "import functools\n\n\ndef logged(function):\n    @functools.wraps(function)\n"
            "    def inner(record):\n        return function(record)\n\n    return inner\n\n\n@logged\n" + CHECK_DEF
        },
        {
            BASE: "def rule(code):\n    def wrap(function):\n        function.code = code\n        return function\n\n"
            "    return wrap\n\n\n@rule('E501')\n" + CHECK_DEF
        },
        {BASE: "import functools\n\n\n@functools.cache\n" + CHECK_DEF},
        {
            BASE: "from functools import cache\n\n\nclass Rules:\n    def cache(self):\n        pass\n\n\n@cache\n"
            + CHECK_DEF
        },
    ],
)
def test_a_decorator_giving_back_what_it_decorates_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_a_decorator_runs_in_place_of_the_def() -> None:
    """The mechanism: the def a reviewer reads is not what its name runs."""

    def gone(function: object) -> object:
        return lambda record: []

    @gone
    def check(record: dict) -> list[str]:
        return ["E501"]

    assert check({"x": 1}) == []  # type: ignore[operator]


# --- A file run by its path as a makefile or a shell script (git/run_by_path.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                "Makefile": "test:\n\t$(MAKE) -f mk/rules check\n",
                "mk/rules": "check:\n\techo a\n        CHECKED=yes echo b\n",
            },
            "mk/rules line 3: a makefile's line that starts with spaces",
        ),
        (
            {"Makefile": "test:\n\tmake --file=mk/rules check\n", "mk/rules": "A := 1\nA := 2\ncheck:\n\techo $(A)\n"},
            "mk/rules line 2: the variable A given again",
        ),
        (
            {".ci/run": SCRIPT + "bash .ci/steps.txt\n", ".ci/steps.txt": "check() { :; }\ncheck() { echo; }\n"},
            ".ci/steps.txt line 2: the function check defined again",
        ),
        ({".ci/run": SCRIPT + "source .ci/env\n", ".ci/env": "set() { :; }\n"}, ".ci/env line 1: the function set"),
        ({".ci/run": SCRIPT + ". ./env.txt\n", ".ci/env.txt": 'eval "$X"\n'}, ".ci/env.txt line 1: eval"),
        (
            {
                ".github/workflows/t.yml": "jobs:\n  t:\n    steps:\n      - run: sh .ci/steps\n",
                ".ci/steps": "exit() { :; }\n",
            },
            ".ci/steps line 1: the function exit",
        ),
    ],
)
def test_a_file_run_by_its_path_is_read_as_its_runner_reads_it(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": "test:\n\t$(MAKE) -f mk/rules check\n", "mk/rules": "check:\n\techo a\n"},
        {".ci/run": SCRIPT + "source .ci/env\n", ".ci/env": 'log() { echo "$@"; }\n'},
        {".ci/run": SCRIPT + "# bash .ci/steps.txt is gone\n", ".ci/steps.txt": "check() { :; }\ncheck() { :; }\n"},
        {".ci/run": SCRIPT + "cat .ci/notes.txt\n", ".ci/notes.txt": "eval is a word here\n"},
    ],
)
def test_a_file_run_by_its_path_as_written_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_a_sourced_file_defines_the_scripts_builtin(tmp_path: Path) -> None:
    """The mechanism: `source .ci/env` defines `set`, and the script's `set -e` then runs it: bash runs on past
    `false`."""
    (tmp_path / "env").write_text("set() { :; }\n")
    (tmp_path / "run").write_text("source ./env\nset -e\nfalse\necho ran on\n")
    done = subprocess.run(["bash", "run"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.stdout == "ran on\n", done


# --- A test class with an __init__ it does not define (git/uncollected.py)
HOLDS = ":\n    def test_hold(self):\n        assert False\n"
NO_TEST = "of which pytest collects no test"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {TESTS: "class Base:\n    def __init__(self):\n        pass\n\n\nclass TestRules(Base)" + HOLDS},
            f"{TESTS} line 6: the test class TestRules derived from Base, whose __init__ it has, {NO_TEST}",
        ),
        ({TESTS: "class TestRules(dict)" + HOLDS}, f"{TESTS} line 1: the test class TestRules derived from dict"),
        (
            {TESTS: "from dataclasses import dataclass\n\n\n@dataclass\nclass TestRules" + HOLDS},
            f"{TESTS} line 5: the test class TestRules decorated by @dataclass, which may give it an __init__",
        ),
        (
            {
                TESTS: "class A:\n    def __init__(self):\n        pass\n\n\nclass B(A):\n    pass\n\n\nclass TestR(B)"
                + HOLDS
            },
            f"{TESTS} line 10: the test class TestR derived from B, derived from A, whose __init__ it has",
        ),
        ({TESTS: "from helpers import Checks\n\n\nclass TestRules(Checks)" + HOLDS}, f"{TESTS} line 4: the test class"),
    ],
)
def test_a_test_class_with_an_init_it_does_not_define_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {TESTS: "import pytest\n\n\n@pytest.mark.slow\nclass TestRules" + HOLDS},
        {TESTS: "class Checks:\n    def test_a(self):\n        pass\n\n\nclass TestStrict(Checks, object)" + HOLDS},
        {TESTS: "import unittest\n\n\nclass TestRules(unittest.TestCase)" + HOLDS},
    ],
)
def test_a_test_class_pytest_collects_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_collects_no_test_of_a_class_with_an_inherited_init(tmp_path: Path) -> None:
    """The mechanism: the classes' failing tests are never run, a warning in the summary alone."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_a.py").write_text(
        "from dataclasses import dataclass\n\n\nclass Base:\n    def __init__(self):\n        pass\n\n\n"
        "class TestInherited(Base)"
        + HOLDS
        + "\n\nclass TestDict(dict)"
        + HOLDS
        + "\n\n@dataclass\nclass TestData"
        + HOLDS
        + "\n\ndef test_ok():\n    pass\n"
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "1 passed, 3 warnings" in done.stdout, done.stdout


# --- A test that skips itself on a module no environment holds (git/skipped.py)
SKIPS = "a test skipping on the module"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {TESTS: "import pytest\n\nyaml = pytest.importorskip('yamll')\n\n\n" + FAILING},
            f"{TESTS} line 3: {SKIPS} 'yamll'",
        ),
        (
            {
                TESTS: "import importlib.util\n\nimport pytest\n\n\n"
                "@pytest.mark.skipif(importlib.util.find_spec('mypyy') is None, reason='needs mypy')\n" + FAILING
            },
            f"{TESTS} line 6: {SKIPS} 'mypyy', which no environment of the project holds",
        ),
        (
            {TESTS: "import pytest\n\nNAME = 'markdown' + '_itt'\nmd = pytest.importorskip(NAME)\n"},
            f"{TESTS} line 4: {SKIPS} 'markdown_itt'",
        ),
    ],
)
def test_a_test_skipped_on_no_module_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {TESTS: "import pytest\n\nm = pytest.importorskip('markdown_it')\nc = pytest.importorskip('pre_commit.x')\n"},
        {TESTS: "import importlib.util\n\nimport pytest\n\nHAS = importlib.util.find_spec('sqlite3') is not None\n"},
        {TESTS: "import pytest\n\n\ndef test_x(name='yaml'):\n    pytest.importorskip(name)\n"},
        {"scripts/sle_trials/outputs/site/x.py": "import importlib.util\n\nHAS = importlib.util.find_spec('nope')\n"},
    ],
)
def test_a_test_skipped_on_a_module_the_project_installs_passes(
    tmp_path: Path, changes: dict[str, str | bytes]
) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_skips_a_module_on_a_module_no_environment_holds_and_exits_0(tmp_path: Path) -> None:
    """The mechanism: the module's failing test is skipped, a line of the summary, and the run passes."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_a.py").write_text(
        "import pytest\n\nyaml = pytest.importorskip('yamll')\n\n\n" + FAILING
    )
    (tmp_path / "tests" / "test_b.py").write_text("def test_b():\n    pass\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "1 passed, 1 skipped" in done.stdout, done.stdout
