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
  name through a namespace (`vars()`, `__dict__`) or by a name built as it runs (git/uncollected.py).
- **A plugin registered as the tests run.** Every rule of hooks reads the tests' functions named `pytest_...`; a
  class's are no such function: `class Lax:` with `def pytest_pyfunc_call(self, pyfuncitem): return True`,
  registered by `config.pluginmanager.register(Lax())` in `pytest_configure`, had a failing test pass (tested), and
  passed (exit 0). Now the tests reach pytest's plugin manager only to ask whether a plugin is there
  (git/uncollected.py).
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
ONE_KEPT = "def pytest_collection_finish(session):\n    del session.items[1:]\n"
RUN_ENDED = "def pytest_cmdline_main(config):\n    return 0\n"
OTHERWISE = "by which pytest runs a test otherwise (or not at all) and reports what the hook says of it"
THROUGH = "writing an object's names through its namespace or by a name built as it runs"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({CONFTEST: ONE_KEPT}, f"{CONFTEST} line 2: pytest_collection_finish changing session.items otherwise"),
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
