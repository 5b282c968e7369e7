"""Attacks of a pull request on the trusted check and what its review shows, hunt 212.

- **A module given by a function one module deeper.** Hunt 211 read an imported function's module for whether the
  function returns a module, and left one returning another module's giver's call: `def pick2(): return pick()` in
  `outputs/choose.py` (pick, of `outputs/helpers.py`, returning strict), then `checks = pick2()` and `checks.check =
  list` in `outputs/report.py`, passed (exit 0), as did `chosen = pick()` then `return chosen`, `return
  helpers.pick()` of a module imported by its name, and `pick` imported from `choose.py`, which imports it from
  helpers (given on). Now the modules a giver's module imports from are read the same way, as deep as the imports go
  (git/givers.py, each module once, a cycle closing on none); an object made one module deeper passes.
- **pytest's counts and a test's arguments written by a hook.** Hunts 210 and 211 refused the hooks that report
  another verdict by the names they write (`outcome`, `exitstatus`). pytest makes its exit status from the session's
  counts: `session.testsfailed = 0` in a `pytest_runtest_logreport` run after the session's own (`trylast`, the
  session kept by `pytest_sessionstart`) had pytest print "1 failed" and exit 0, under xdist too (tested); `del
  session.items[1:]` in `pytest_collection_finish` (the repository's own hook) ran one test of two, "1 passed";
  `pytest_fixture_setup` setting the fixture's `cached_result` and returning `[]` gave a test of `problems` []
  in place of the fixture's ["E1"] (the lead hunt 211 left); `pytest_generate_tests` parametrizing `problems` with
  `[[]]` did the same (and with `[]` skipped the test); `pytest_collection` returning True with `testscollected = 1`
  ran none; `report.__dict__["outcome"] = "passed"` and `setattr(report, "out" + "come", ...)` wrote a verdict by a
  name the rule did not read; and `def pytest_cmdline_main(config): return 0` in tests/conftest.py (read before the
  run) had pytest run no test, print nothing and exit 0. Each passed (exit 0; the mechanisms tested under xdist's
  workers, as `make test` runs). Now `pytest_fixture_setup`, `pytest_generate_tests` and `pytest_cmdline_main` are
  among the hooks by which pytest runs a test otherwise, `pytest_collection` among those that collect, any hook's
  change of `session.items` but their order is refused as pytest_collection_modifyitems' was, and a hook writes no
  name through a namespace (`vars()`, `__dict__`) or by a name built as it runs (git/uncollected.py); the session's
  counts and a report's names, reached from what pytest hands a hook, are the next class's (git/hook_writes.py).
- **A plugin registered as the tests run.** Every rule of hooks reads the tests' functions named `pytest_...`; a
  class's are no such function: `class Lax:` with `def pytest_pyfunc_call(self, pyfuncitem): return True`,
  registered by `config.pluginmanager.register(Lax())` in `pytest_configure`, had a failing test pass (tested), and
  passed (exit 0), as did `getattr(config, "pluginmanager")` and `getattr(config, "plugin" + "manager")`. Now the
  tests reach pytest's plugin manager only to ask whether a plugin is there (git/uncollected.py), and the code that
  runs around every test reaches no name built as it runs (git/hook_writes.py).
- **What a test runs, rewritten around it.** A hook is handed the items pytest runs: `item.obj = lambda **kwargs:
  None` for each item of `pytest_collection_modifyitems`, `item.runtest = lambda: None` in `pytest_itemcollected`,
  `item.funcargs["problems"] = []` after a test's set-up, an autouse fixture's `request.node.obj = ...`, and a
  module's list of the items given `setattr(item, "runtest", print)` in another hook (or an item handed to a function
  of the module's that the hook calls), each had a failing test pass
  (tested: "1 passed", with xdist too), and passed (exit 0), as did such a function imported from tests/helpers.py.
  Now a hook or an autouse fixture of the conftest binds no attribute of, nor an item in, what pytest hands it or
  what it reaches from there, and no code of the tests binds pytest's names of a test's run (`obj`, `runtest`,
  `funcargs`, the session's counts, a fixture's `cached_result`) of any object (git/hook_writes.py); the
  repository's hooks (ordering the items, the worker's output, a module's own table) and a hook filling what it
  made pass.
- **pytest's own names rebound.** `pytest.Function.runtest = lambda self: None` at the top of tests/conftest.py (or
  of a test module, which pytest imports as it collects, before any test runs; `setattr(Function, ...)`, a dotted
  name given to monkeypatch, an alias of the class) had every test run nothing and pass (tested), and passed (exit
  0). Now the tests bind no name of pytest's, pluggy's or xdist's (git/hook_writes.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

CONFTEST = "tests/conftest.py"
FAILING = "def test_the_rules_hold():\n    assert False\n"
PROBLEMS = "import pytest\n\n\n@pytest.fixture\ndef problems():\n    return ['E1']\n\n\n"
OF_PROBLEMS = "def test_no_problem(problems):\n    assert problems == []\n"


def _pytest_run(tmp_path: Path, conftest: str, tests: str, *options: str) -> subprocess.CompletedProcess:
    """pytest run on a module of tests beside a conftest, in a folder of their own (no plugin of the machine's but
    those options name): its exit status and what it printed."""
    (tmp_path / "test_h212_rules.py").write_text(tests)
    (tmp_path / "conftest.py").write_text(conftest)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:anyio", *options],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )


# --- A module given by a function one module deeper (git/givers.py)
HELPERS = "scripts/sle_trials/outputs/helpers.py"
CHOOSE = "scripts/sle_trials/outputs/choose.py"
REPORT = "scripts/sle_trials/outputs/report.py"
PICK = "from sle_trials.checks import strict\n\n\ndef pick():\n    return strict\n"
BINDS = "binds a name of an imported module or class from here"
PICK2_BOUND = "from sle_trials.outputs.choose import pick2\n\nchecks = pick2()\nchecks.check = list\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs.helpers import pick\n\n\ndef pick2():\n    return pick()\n",
                REPORT: PICK2_BOUND,
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: PICK,
                CHOOSE: "from .helpers import pick\n\n\ndef pick2():\n    chosen = pick()\n    return chosen\n",
                REPORT: PICK2_BOUND,
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs import helpers\n\n\ndef pick2():\n    return helpers.pick()\n",
                REPORT: PICK2_BOUND,
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs.helpers import pick\n",
                REPORT: "from sle_trials.outputs.choose import pick\n\n\ndef report():\n    checks = pick()\n"
                "    setattr(checks, 'check', list)\n",
            },
            f"{REPORT} line 6: setattr() on an imported module",
        ),
        (  # three modules deep
            {
                HELPERS: PICK,
                CHOOSE: "from sle_trials.outputs.helpers import pick\n\n\ndef pick2():\n    return pick()\n",
                "scripts/sle_trials/outputs/deeper.py": "from .choose import pick2\n\n\ndef pick3():\n"
                "    return pick2()\n",
                REPORT: "from sle_trials.outputs.deeper import pick3\n\nchecks = pick3()\nchecks.check = list\n",
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
    ],
)
def test_a_module_given_one_module_deeper_bound_from_elsewhere_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {  # an object made one module deeper
            HELPERS: "class Page:\n    title = ''\n\n\ndef page():\n    return Page()\n",
            CHOOSE: "from sle_trials.outputs.helpers import page\n\n\ndef page2():\n    return page()\n",
            REPORT: "from sle_trials.outputs.choose import page2\n\nmade = page2()\nmade.title = 'x'\n",
        },
        {  # a module given one module deeper, and only read
            HELPERS: PICK,
            CHOOSE: "from sle_trials.outputs.helpers import pick\n\n\ndef pick2():\n    return pick()\n",
            REPORT: "from sle_trials.outputs.choose import pick2\n\nchecks = pick2()\nCHECK = checks.check\n",
        },
        {  # modules importing each other: read once each
            CHOOSE: "from sle_trials.outputs import report\n\n\ndef made():\n    return report.made()\n",
            REPORT: "from sle_trials.outputs import choose\n\n\nclass Page:\n    title = ''\n\n\n"
            "def made():\n    return Page()\n\n\ndef show():\n    page = choose.made()\n    page.title = 'x'\n",
        },
    ],
)
def test_an_object_given_one_module_deeper_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


# --- pytest's counts and a test's arguments written by a hook (git/uncollected.py)
COUNTS_RESET = (
    "import pytest\n\nSESSIONS = []\n\n\ndef pytest_sessionstart(session):\n    SESSIONS.append(session)\n\n\n"
    "@pytest.hookimpl(trylast=True)\ndef pytest_runtest_logreport(report):\n    for session in SESSIONS:\n"
    "        session.testsfailed = 0\n"
)
FIXTURE_SET_UP = (
    "def pytest_fixture_setup(fixturedef, request):\n    if fixturedef.argname == 'problems':\n"
    "        fixturedef.cached_result = ([], fixturedef.cache_key(request), None)\n        return []\n"
)
PARAMETRIZED = (
    "def pytest_generate_tests(metafunc):\n    if 'problems' in metafunc.fixturenames:\n"
    "        metafunc.parametrize('problems', [[]])\n"
)
# (tryfirst: run after xdist's own hook, which sends the worker's collection to the controller first, the deletion left
# the controller scheduling a test the worker no longer held, INTERNALERROR, in about a third of runs)
ONE_KEPT = "import pytest\n\n\n@pytest.hookimpl(tryfirst=True)\n" + (
    "def pytest_collection_finish(session):\n    del session.items[1:]\n"
)
RUN_ENDED = "def pytest_cmdline_main(config):\n    return 0\n"
OTHERWISE = "by which pytest runs a test otherwise (or not at all) and reports what the hook says of it"
THROUGH = "writing an object's names through its namespace or by a name built as it runs"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({CONFTEST: COUNTS_RESET}, f"{CONFTEST} line 13: pytest_runtest_logreport binding an attribute of session"),
        ({CONFTEST: ONE_KEPT}, f"{CONFTEST} line 6: pytest_collection_finish changing session.items otherwise"),
        (
            {CONFTEST: "def pytest_sessionstart(session):\n    session.items.clear()\n"},
            f"{CONFTEST} line 2: pytest_sessionstart changing session.items otherwise than by their order",
        ),
        (
            {CONFTEST: "def pytest_fixture_setup(fixturedef, request):\n    return []\n"},
            f"{CONFTEST} line 1: the hook pytest_fixture_setup, {OTHERWISE}",
        ),
        ({CONFTEST: PARAMETRIZED}, f"{CONFTEST} line 1: the hook pytest_generate_tests, {OTHERWISE}"),
        ({CONFTEST: RUN_ENDED}, f"{CONFTEST} line 1: the hook pytest_cmdline_main, {OTHERWISE}"),
        (
            {CONFTEST: "def pytest_collection(session):\n    return True\n"},
            f"{CONFTEST} line 1: the hook pytest_collection, by which pytest collects what it returns",
        ),
        (
            {
                CONFTEST: "import pytest\n\n\n@pytest.hookimpl(tryfirst=True)\ndef pytest_runtest_logreport(report):\n"
                "    if report.failed:\n        vars(report).update(outcome='passed')\n"
            },
            f"{CONFTEST} line 7: pytest_runtest_logreport {THROUGH}",
        ),
        (
            {CONFTEST: "def pytest_runtest_logreport(report):\n    setattr(report, 'out' + 'come', 'passed')\n"},
            f"{CONFTEST} line 2: pytest_runtest_logreport {THROUGH}",
        ),
    ],
)
def test_a_hook_writing_pytests_counts_or_a_tests_arguments_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_pytest_runs_no_test_and_exits_0_past_the_main_hook(tmp_path: Path) -> None:
    """The mechanism: the conftest of the folder pytest is given (tests/, pyproject.toml's testpaths) is read before
    the run, whose hook returns 0: pytest prints nothing, runs no test and exits 0."""
    done = _pytest_run(tmp_path, RUN_ENDED, FAILING, "-n", "2")
    assert done.returncode == 0 and "passed" not in done.stdout and "failed" not in done.stdout, done.stdout


@pytest.mark.parametrize(
    ("conftest", "tests", "ran"),
    [
        (COUNTS_RESET, FAILING, "1 failed"),
        (ONE_KEPT, "def test_first():\n    pass\n\n\n" + FAILING, "1 passed"),
        (PROBLEMS + FIXTURE_SET_UP, OF_PROBLEMS, "1 passed"),
        (PROBLEMS + PARAMETRIZED, OF_PROBLEMS, "1 passed"),
        (PROBLEMS + PARAMETRIZED.replace("[[]]", "[]"), OF_PROBLEMS, "1 skipped"),
        (
            "import pytest\n\n\n@pytest.hookimpl(tryfirst=True)\ndef pytest_runtest_logreport(report):\n"
            "    if report.failed:\n        vars(report).update(outcome='passed')\n",
            FAILING,
            "1 passed",
        ),
    ],
)
def test_pytest_exits_0_over_a_failing_test_a_hook_rewrote(tmp_path: Path, conftest: str, tests: str, ran: str) -> None:
    """The mechanism: the module's test fails (the fixture gives ["E1"]), and pytest, on xdist's two workers as `make
    test` runs the suite, exits 0, as its summary says what the hook made of the run."""
    done = _pytest_run(tmp_path, conftest, tests, "-n", "2")
    assert done.returncode == 0 and ran in done.stdout, done.stdout


# --- A plugin registered as the tests run (git/uncollected.py)
REGISTERED = (
    "class Lax:\n    def pytest_pyfunc_call(self, pyfuncitem):\n        return True\n\n\n"
    "def pytest_configure(config):\n    config.pluginmanager.register(Lax())\n"
)


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({CONFTEST: REGISTERED}, f"{CONFTEST} line 7: pytest's plugin manager reached for more than whether a plugin"),
        (
            {
                CONFTEST: "import pytest\n\n\n@pytest.fixture(autouse=True, scope='session')\ndef lax(request):\n"
                "    manager = request.config.pluginmanager\n    manager.import_plugin('helpers')\n"
            },
            f"{CONFTEST} line 6: pytest's plugin manager reached",
        ),
        (
            {CONFTEST: REGISTERED.replace("config.pluginmanager", "getattr(config, 'pluginmanager')")},
            f"{CONFTEST} line 7: pytest's plugin manager reached",
        ),
        (
            {CONFTEST: REGISTERED.replace("config.pluginmanager", "getattr(config, 'plugin' + 'manager')")},
            f"{CONFTEST} line 7: pytest_configure reaching a name built as it runs (getattr(config, 'plugin' + ",
        ),
    ],
)
def test_a_plugin_registered_as_the_tests_run_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_asking_whether_a_plugin_is_there_passes(tmp_path: Path) -> None:
    changes: dict[str, str | bytes] = {
        CONFTEST: "def pytest_configure(config):\n    if config.pluginmanager.hasplugin('xdist'):\n        pass\n"
    }
    passed_by_the_extraction(tmp_path, changes)


def test_a_registered_plugins_hook_has_a_failing_test_pass(tmp_path: Path) -> None:
    """The mechanism: the plugin's pytest_pyfunc_call returns True, and pytest takes the failing test as run."""
    done = _pytest_run(tmp_path, REGISTERED, FAILING, "-p", "no:xdist")
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


# --- What a test runs, rewritten around it (git/hook_writes.py)
OBJ_REPLACED = (
    "def pytest_collection_modifyitems(items):\n    for item in items:\n        item.obj = lambda **kwargs: None\n"
)
AROUND = "reached from what pytest hands it, which runs around every test"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: OBJ_REPLACED},
            f"{CONFTEST} line 3: pytest_collection_modifyitems binding an attribute of item, {AROUND}",
        ),
        (
            {CONFTEST: "def pytest_itemcollected(item):\n    item.runtest = lambda: None\n"},
            f"{CONFTEST} line 2: pytest_itemcollected binding an attribute of item",
        ),
        (
            {
                CONFTEST: "import pytest\n\n\n@pytest.hookimpl(wrapper=True)\ndef pytest_runtest_setup(item):\n"
                "    yield\n    item.funcargs['problems'] = []\n"
            },
            f"{CONFTEST} line 7: pytest_runtest_setup binding an item in item.funcargs",
        ),
        (
            {
                CONFTEST: "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef fast(request, monkeypatch):\n"
                "    monkeypatch.setattr(request.node, 'obj', lambda **kwargs: None)\n"
            },
            f"{CONFTEST} line 6: fast binding an attribute of request.node",
        ),
        (
            {
                CONFTEST: "ITEMS = []\n\n\ndef pytest_collection_modifyitems(items):\n    ITEMS.extend(items)\n\n\n"
                "def pytest_sessionstart(session):\n    for item in ITEMS:\n        setattr(item, 'runtest', print)\n"
            },
            f"{CONFTEST} line 10: pytest_sessionstart binding an attribute of item",
        ),
        (
            {
                CONFTEST: "def pytest_itemcollected(item):\n    fast(item)\n\n\ndef fast(test):\n"
                "    test.runtest = print\n"
            },
            f"{CONFTEST} line 6: fast binding an attribute of test",
        ),
        (
            {
                CONFTEST: "from helpers import fast\n\n\ndef pytest_itemcollected(item):\n    fast(item)\n",
                "tests/helpers.py": "def fast(test):\n    test.runtest = print\n",
            },
            # (the conftest is read first: its hook reaches a helper of another module, hunt 213)
            f"{CONFTEST} line 5: pytest_itemcollected, which runs around every test, reaching fast",
        ),
    ],
)
def test_a_hook_rewriting_what_a_test_runs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "conftest",
    [
        # the repository's kind: the items ordered, the worker's output, a module's table, a hook's own object
        "def pytest_collection_modifyitems(items):\n    sizes = {}\n    for item in items:\n"
        "        sizes[item.nodeid] = sizes.get(item.nodeid, 0) + 1\n"
        "    items.sort(key=lambda item: -sizes[item.nodeid])\n",
        "import json\n\n\ndef pytest_sessionfinish(session):\n"
        "    output = getattr(session.config, 'workeroutput', None)\n    if output is not None:\n"
        "        output['scores'] = json.dumps({})\n",
        "GATHERED = {}\n\n\ndef pytest_testnodedown(node, error):\n    for kind, n in node.workeroutput.items():\n"
        "        GATHERED[kind] = n\n",
        "import types\n\n\ndef pytest_report_header(config):\n    made = types.SimpleNamespace()\n"
        "    made.title = 'rules'\n    return made.title\n",
        # a fixture a test asks for may set what it gives up
        "import pytest\n\n\n@pytest.fixture\ndef node(request):\n    request.node.user_properties = []\n",
    ],
)
def test_hooks_leaving_pytests_objects_as_they_are_pass(tmp_path: Path, conftest: str) -> None:
    passed_by_the_extraction(tmp_path, {CONFTEST: conftest})


@pytest.mark.parametrize(
    "conftest", [OBJ_REPLACED, "def pytest_itemcollected(item):\n    item.runtest = lambda: None\n"]
)
def test_pytest_passes_a_failing_test_whose_item_a_hook_rewrote(tmp_path: Path, conftest: str) -> None:
    """The mechanism: the item runs what the hook gave it, and the failing test passes, under xdist too."""
    for options in (("-p", "no:xdist"), ("-n", "2")):
        done = _pytest_run(tmp_path, conftest, FAILING, *options)
        assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


# --- pytest's own names rebound (git/hook_writes.py)
RUNTEST_GONE = "import pytest\n\npytest.Function.runtest = lambda self: None\n"
PYTESTS_OWN = "pytest's own, by which it runs every test otherwise than its code a reviewer reads"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({CONFTEST: RUNTEST_GONE}, f"{CONFTEST} line 3: the tests binding pytest.Function's names, {PYTESTS_OWN}"),
        (
            {"tests/test_notes.py": "from _pytest.python import Function\n\nsetattr(Function, 'runtest', print)\n"},
            "tests/test_notes.py line 3: the tests binding Function's names",
        ),
        (
            {
                "tests/test_notes.py": "import pytest\n\n"
                "pytest.MonkeyPatch().setattr('_pytest.python.Function.runtest', print)\n"
            },
            "tests/test_notes.py line 3: the tests binding _pytest.python.Function.runtest's names",
        ),
        (
            {CONFTEST: "import _pytest.python\n\nF = _pytest.python.Function\nF.runtest = print\n"},
            f"{CONFTEST} line 4: the tests binding F's names",
        ),
    ],
)
def test_pytests_own_names_rebound_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_pytests_names_read_pass(tmp_path: Path) -> None:
    changes: dict[str, str | bytes] = {
        "tests/test_notes.py": "import pytest\n\nRUN = pytest.Function.runtest\n\n\n"
        "def test_notes(monkeypatch):\n    monkeypatch.setattr('sle_trials.checks.strict.LIMIT', 3)\n"
    }
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_passes_every_test_once_runtest_is_rebound(tmp_path: Path) -> None:
    """The mechanism: one line of the conftest, and the failing test passes, under xdist too."""
    for options in (("-p", "no:xdist"), ("-n", "2")):
        done = _pytest_run(tmp_path, RUNTEST_GONE, FAILING, *options)
        assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout
