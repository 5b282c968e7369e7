"""Attacks of a pull request on the trusted check and what its review shows, hunt 213.

- **A verdict written by a helper of another module.** Hunt 212 refused a hook writing a report's verdict, and the
  tests binding the names by which pytest runs a test anywhere, and left a report's `outcome` to the rule of hooks,
  which reads one module: `from helpers import passed` and `def pytest_runtest_logreport(report): passed(report)`
  in tests/conftest.py, `def passed(report): report.outcome = "passed"` in tests/helpers.py, passed (exit 0), as did
  `helpers.passed(report)`, `setattr(report, "out" + "come", ...)` or `vars(report)["outcome"] = ...` in the helper,
  and a hook that is no `def` of its name (`pytest_runtest_logreport = functools.partial(passed, word="passed")`).
  Now no code of the tests but a test module's (whose own objects may have an `outcome`, hunt 210) binds a verdict's
  name (`outcome`, `exitstatus`, `longrepr`, `wasxfail`) or forces a
  wrapper's result, nor writes an object's names through its namespace or by a name built as it runs
  (git/verdicts_anywhere.py); a cached property cleared by `doc.__dict__.pop("whole_fields", None)` and
  monkeypatch's names held in a loop's variable pass.
- **A hook bound by a name it is not defined under.** The rules of hooks read the `def`s named `pytest_...`:
  `pytest_pyfunc_call = ran` (ran returning True), `from helpers import ran as pytest_pyfunc_call`, a class's static
  method given the name, `@pytest.hookimpl(specname="pytest_pyfunc_call")` over `def pytest_lax(...)`, and
  `globals()["pytest_" + "pyfunc_call"] = ran` each had pytest take every test as called (a failing test passed,
  tested for specname and the alias), and passed (exit 0). Now the tests bind no `pytest_...` name of a module
  otherwise than by its `def` (a function's own variable is none), name no hook by `specname`, and call no
  `globals()` (git/verdicts_anywhere.py).
- **What runs around every test, written in another module.** The rules of what a hook may do (marks that excuse a
  test, exits, verdicts) read the hook and its own module's functions: a hook or an autouse fixture of the conftest
  calling a function of tests/helpers.py that gives each item `pytest.mark.xfail`, calls `pytest.skip()`, raises
  `pytest.skip.Exception` or calls `sys.exit(0)` passed (exit 0; the xfail mark had a failing test's run exit 0,
  tested), as did `importlib.import_module("helpers").lax(items)`, `__import__`'s or `sys.modules["helpers"]`'s, and
  `put(report, "outcome", "passed")`, put a function of the package's setting the attribute it is handed. Now the
  code that runs around every test names nothing imported from another module of the tests, calls no function of
  a module reached by a name as it runs, and hands no call a verdict's name (git/around_elsewhere.py); a hook
  calling the standard library's, pytest's or the package's functions, and a test module importing a helper, pass.
  The package's functions it may call: `report.outcome = "passed"` or
  `item.add_marker("xfail")` in scripts/sle_trials/outputs/passing.py, called by the conftest's hooks, passed (exit
  0); now the package imports nothing of pytest's, marks no test and binds no verdict (git/verdicts_anywhere.py), and
  a function of it reading an `outcome` passes.
- **A fixture of the conftest made otherwise.** pytest takes every fixture a conftest's names hold, and the rules of
  autouse fixtures read the conftest's `def`s: `from helpers import lax` (lax an autouse fixture of tests/helpers.py
  applying an xfail mark: a failing test's run exited 0, tested), `from helpers import *`, `lax =
  pytest.fixture(autouse=True)(mark)`, a decorator made by `functools.partial(pytest.fixture, autouse=True)` and
  `@pytest.fixture(**OPTS)` each passed (exit 0). Now the conftest imports nothing of another module of the tests at
  its top, names `fixture` only as a `def`'s decorator, and gives it no options from a mapping
  (git/around_elsewhere.py); the repository's kind of fixture passes.
- **An excuse a hook reaches in its own module.** The rule of excuses (git/excused.py) read the hooks and the
  conftest's autouse fixtures alone, the rule of what they bind the module's functions they call by name: a hook
  calling a method of the conftest's class that marks each item xfail (`Lax().go(items)`, `Lax.go`, `Lax()(items)`
  by `__call__`), a lambda given a name (`GO = lambda items: ...`), or a function handed on (`map(go, ...)`) passed
  (exit 0; a failing test's run exited 0 by the method, tested). Now what runs around every test is read through
  every function of its module it names, by a name or an attribute, a class's methods and a named lambda
  (git/hook_writes.py: around, which git/excused.py reads too); a method that orders the items passes.
- **A plugin by an entry point of the project.** `make test` installs the project (`pip install -e`), and pytest
  loads each entry point of the group `pytest11` as a plugin before it collects: `[project.entry-points.pytest11]`
  naming a module of the package whose `pytest_pyfunc_call` returns True passed (exit 0), its hooks read by no rule
  of the tests'. Now pyproject.toml declares no entry point of that group (git/uncollected.py); another group passes.
- **The fixtures every test uses, named in pytest's settings.** `usefixtures = ["lax"]` in pyproject.toml's pytest
  settings has every test ask for the conftest's `lax`, which the rules of autouse fixtures never read: `lax`
  applying an xfail mark had a failing test's run exit 0 (tested), and passed (exit 0). Now pytest's settings name
  no `usefixtures` (git/uncollected.py); the fixture a test asks for passes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

CONFTEST = "tests/conftest.py"
HELPERS = "tests/helpers.py"
FAILING = "def test_the_rules_hold():\n    assert False\n"
PASSED = "def passed(report):\n    report.outcome = 'passed'\n"
# tried first, before the session counts a failure from the report (as pytest's own hooks run, it counts first)
LOGREPORT = "import pytest\n\n\n@pytest.hookimpl(tryfirst=True)\ndef pytest_runtest_logreport(report):\n"
VERDICT = "the tests binding `outcome`, a test's or the run's verdict"
NAMESPACE = "the tests writing an object's names through its namespace"
RAN = "def ran(pyfuncitem):\n    return True\n\n\n"
# pytest reads a hook's options of a function named `pytest_...` only
LAX = "def pytest_lax(pyfuncitem):\n    return True\n"
OTHERWISE = "bound otherwise than by a `def` of it"
ELSEWHERE = "which runs around every test, reaching lax: code of another module of the tests"


def _pytest_run(tmp_path: Path, modules: dict[str, str], *options: str) -> subprocess.CompletedProcess:
    """pytest run on a folder of modules (a conftest, a helper, a module of tests), no plugin of the machine's but
    those options name (xdist left out where none do): its exit status and what it printed."""
    for name, text in modules.items():
        (tmp_path / name).write_text(text)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:anyio",
            *(options or ("-p", "no:xdist")),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )


# --- A verdict written by a helper of another module (git/verdicts_anywhere.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: f"from helpers import passed\n{LOGREPORT}    passed(report)\n", HELPERS: PASSED},
            f"{CONFTEST} line 7: pytest_runtest_logreport, which runs around every test, reaching passed",
        ),
        (
            {CONFTEST: f"import helpers\n{LOGREPORT}    helpers.passed(report)\n", HELPERS: PASSED},
            f"{CONFTEST} line 7: pytest_runtest_logreport, which runs around every test, reaching helpers",
        ),
        (
            {HELPERS: "def passed(report):\n    setattr(report, 'out' + 'come', 'passed')\n"},
            f"{HELPERS} line 2: the tests setattr() of a name built as it runs",
        ),
        (
            {HELPERS: "def passed(report):\n    vars(report)['outcome'] = 'passed'\n"},
            f"{HELPERS} line 2: the tests binding",
        ),
        ({HELPERS: "def passed(report):\n    vars(report)[KEY] = 'passed'\n"}, f"{HELPERS} line 2: {NAMESPACE}"),
        (
            {HELPERS: "def passed(report):\n    report.__dict__.update(outcome='passed')\n"},
            f"{HELPERS} line 2: the tests binding `outcome`",
        ),
        (
            {HELPERS: "def passed(report, **given):\n    report.__dict__.update(given)\n"},
            f"{HELPERS} line 2: {NAMESPACE}",
        ),
        (
            {HELPERS: "def ended(session):\n    object.__setattr__(session, 'exitstatus', 0)\n"},
            f"{HELPERS} line 2: the tests binding `exitstatus`",
        ),
        ({HELPERS: "def forced(result):\n    result.force_result(None)\n"}, f"{HELPERS} line 2: the tests calling"),
        (
            {
                CONFTEST: "import functools\n\n\ndef passed(report, word):\n    report.outcome = word\n\n\n"
                "pytest_runtest_logreport = functools.partial(passed, word='passed')\n"
            },
            f"{CONFTEST} line 5: {VERDICT}",
        ),
    ],
)
def test_a_verdict_written_by_any_code_of_the_tests_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {  # a cached property cleared, as tests/test_attacks_names.py does
            "tests/test_h213_cached.py": "def test_cleared():\n    class Doc:\n        pass\n\n    doc = Doc()\n"
            "    doc.__dict__.pop('whole_fields', None)\n"
        },
        {  # the package's names patched by a loop, as tests/counted.py does
            "tests/test_h213_patched.py": "from sle_trials.checks import strict\n\n\ndef test_patched(monkeypatch):\n"
            "    for name in ('LIMIT',):\n        monkeypatch.setattr(strict, name, 3, raising=False)\n"
        },
        {  # a test's own object with an outcome of its own, read
            "tests/test_h213_read.py": "def test_read():\n    class Run:\n        outcome = 'x'\n\n"
            "    assert Run().outcome == 'x'\n"
        },
    ],
)
def test_names_written_as_they_read_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_passes_a_failing_test_whose_report_a_helper_rewrote(tmp_path: Path) -> None:
    """The mechanism: the conftest's hook hands the report to tests/helpers.py, and the failing test passes under
    xdist's workers, as `make test` runs (alone, pytest says "1 passed" and exits 1)."""
    conftest = f"from helpers import passed\n{LOGREPORT}    passed(report)\n"
    modules = {"conftest.py": conftest, "helpers.py": PASSED, "test_h213_rules.py": FAILING}
    done = _pytest_run(tmp_path, modules, "-n", "2")
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


# --- A hook bound by a name it is not defined under (git/verdicts_anywhere.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: f"{RAN}pytest_pyfunc_call = ran\n"},
            f"{CONFTEST} line 5: the tests `pytest_pyfunc_call` {OTHERWISE}",
        ),
        (
            {CONFTEST: "from helpers import ran as pytest_pyfunc_call\n", HELPERS: RAN},
            f"{CONFTEST} line 1: the tests `pytest_pyfunc_call` {OTHERWISE}",
        ),
        (
            {
                CONFTEST: "class Lax:\n    @staticmethod\n    def ran(pyfuncitem):\n        return True\n\n\n"
                "pytest_pyfunc_call = Lax.ran\n"
            },
            f"{CONFTEST} line 7: the tests `pytest_pyfunc_call` {OTHERWISE}",
        ),
        (
            {CONFTEST: "def install():\n    global pytest_pyfunc_call\n    pytest_pyfunc_call = len\n"},
            f"{CONFTEST} line 2: the tests `pytest_pyfunc_call` {OTHERWISE}",
        ),
        (
            {CONFTEST: f"import pytest\n\n\n@pytest.hookimpl(specname='pytest_pyfunc_call')\n{LAX}"},
            f"{CONFTEST} line 4: the tests a hook named by `specname`",
        ),
        (
            {CONFTEST: f"{RAN}globals()['pytest_' + 'pyfunc_call'] = ran\n"},
            f"{CONFTEST} line 5: the tests `globals()`",
        ),
    ],
)
def test_a_hook_bound_otherwise_than_by_its_def_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_functions_own_pytest_name_passes(tmp_path: Path) -> None:
    """A variable of a function named `pytest_...` is no hook (tests/test_attacks_pr_hunt211.py's `pytest_run`)."""
    changes: dict[str, str | bytes] = {
        "tests/test_h213_run.py": "import sys\n\n\ndef test_run():\n    pytest_run = [sys.executable, '-m', 'pytest']\n"
        "    assert pytest_run\n"
    }
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.parametrize(
    "conftest",
    [
        f"{RAN}pytest_pyfunc_call = ran\n",
        f"import pytest\n\n\n@pytest.hookimpl(specname='pytest_pyfunc_call')\n{LAX}",
    ],
)
def test_pytest_passes_a_failing_test_through_a_hook_by_another_name(tmp_path: Path, conftest: str) -> None:
    """The mechanism: pluggy runs the function a hook's name is bound to, or the one `specname` names."""
    done = _pytest_run(tmp_path, {"conftest.py": conftest, "test_h213_rules.py": FAILING})
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


# --- What runs around every test, written in another module (git/around_elsewhere.py)
XFAILED = "import pytest\n\n\ndef lax(items):\n    for item in items:\n        item.add_marker(pytest.mark.xfail)\n"
HOOKED = "def pytest_collection_modifyitems(items):\n"
MODIFIED = f"from helpers import lax\n\n\n{HOOKED}    lax(items)\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({CONFTEST: MODIFIED, HELPERS: XFAILED}, f"{CONFTEST} line 5: pytest_collection_modifyitems, {ELSEWHERE}"),
        (
            {
                CONFTEST: "import pytest\nfrom helpers import lax\n\n\n@pytest.fixture(autouse=True)\ndef around():\n"
                "    lax()\n",
                HELPERS: "import pytest\n\n\ndef lax():\n    pytest.skip('later')\n",
            },
            f"{CONFTEST} line 7: around, {ELSEWHERE}",
        ),
        (
            {
                CONFTEST: "import helpers\n\n\ndef pytest_runtest_setup(item):\n    helpers.lax()\n",
                HELPERS: "import pytest\n\n\ndef lax():\n    raise pytest.skip.Exception('x')\n",
            },
            f"{CONFTEST} line 5: pytest_runtest_setup, which runs around every test, reaching helpers",
        ),
        (
            {
                CONFTEST: "from helpers import lax\n\nended = lax\n\n\ndef pytest_sessionfinish(session):\n"
                "    ended()\n",
                HELPERS: "import sys\n\n\ndef lax():\n    sys.exit(0)\n",
            },
            f"{CONFTEST} line 7: pytest_sessionfinish, which runs around every test, reaching ended",
        ),
        (
            {
                CONFTEST: "def pytest_runtest_setup(item):\n    from helpers import lax\n\n    lax()\n",
                HELPERS: "import sys\n\n\ndef lax():\n    sys.exit(0)\n",
            },
            f"{CONFTEST} line 2: pytest_runtest_setup, which runs around every test, reaching from helpers",
        ),
        (  # a module reached by a name as it runs
            {
                CONFTEST: f"import importlib\n\n\n{HOOKED}    importlib.import_module('helpers').lax(items)\n",
                HELPERS: XFAILED,
            },
            f"{CONFTEST} line 5: pytest_collection_modifyitems, which runs around every test, reaching importlib",
        ),
        (
            {CONFTEST: f"{HOOKED}    module = __import__('helpers')\n    module.lax(items)\n", HELPERS: XFAILED},
            f"{CONFTEST} line 3: pytest_collection_modifyitems, which runs around every test, reaching module.lax",
        ),
        (
            {CONFTEST: f"import sys\n\n\n{HOOKED}    sys.modules['helpers'].lax(items)\n", HELPERS: XFAILED},
            f"{CONFTEST} line 5: pytest_collection_modifyitems, which runs around every test, reaching sys.modules",
        ),
        (  # a verdict's name handed to the package's function that sets what it is given
            {
                CONFTEST: f"from sle_trials.outputs.put import put\n{LOGREPORT}    put(report, 'outcome', 'passed')\n",
                "scripts/sle_trials/outputs/put.py": "def put(made, name, value):\n    setattr(made, name, value)\n",
            },
            f"{CONFTEST} line 7: pytest_runtest_logreport, which runs around every test, reaching put() handed",
        ),
    ],
)
def test_what_runs_around_every_test_written_elsewhere_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_what_runs_around_every_test_reaching_libraries_passes(tmp_path: Path) -> None:
    """A hook calling the standard library's and the package's functions, reading a module's table from sys.modules
    and an attribute by a verdict's name (as the repository's do), and a test importing a helper."""
    changes: dict[str, str | bytes] = {
        CONFTEST: "import json\nimport sys\n\nfrom sle_trials import files\n\n\ndef pytest_report_header(config):\n"
        "    scores = getattr(sys.modules.get('mutations'), 'SCORES', None)\n"
        "    return json.dumps([files.shown('a'), scores, getattr(config, 'outcome', None)])\n",
        HELPERS: "def doubled(n):\n    return 2 * n\n",
        "tests/test_h213_helped.py": "from helpers import doubled\n\n\ndef test_doubled():\n"
        "    assert doubled(2) == 4\n",
    }
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_exits_0_over_a_failing_test_a_helper_marked(tmp_path: Path) -> None:
    """The mechanism: the helper's xfail mark on each item, and a failing test's run exits 0."""
    done = _pytest_run(tmp_path, {"conftest.py": MODIFIED, "helpers.py": XFAILED, "test_h213_rules.py": FAILING})
    assert done.returncode == 0 and "1 xfailed" in done.stdout, done.stdout


# --- A plugin by an entry point of the project (git/uncollected.py)
def _pyproject_with(table: str) -> str:
    text = (REPO / "pyproject.toml").read_text()
    assert "[project.scripts]\n" in text and tomllib.loads(text)
    return text.replace("[project.scripts]\n", table + "\n[project.scripts]\n", 1)


def test_an_entry_point_of_pytests_plugins_stops_the_extraction(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    changes: dict[str, str | bytes] = {
        "pyproject.toml": _pyproject_with('[project.entry-points.pytest11]\nlax = "sle_trials.lax"\n'),
        "scripts/sle_trials/lax.py": "def pytest_pyfunc_call(pyfuncitem):\n    return True\n",
    }
    refused_by_the_trusted_check(request, tmp_path, changes, "pyproject.toml: an entry point of the group pytest11")


def test_an_entry_point_of_another_group_passes(tmp_path: Path) -> None:
    changes: dict[str, str | bytes] = {
        "pyproject.toml": _pyproject_with('[project.entry-points."sle_trials.outputs"]\nsite = "sle_trials.cli:main"\n')
    }
    passed_by_the_extraction(tmp_path, changes)


def _entry_points_elsewhere() -> str:
    """pyproject.toml with its console scripts moved out and its entry points left for setuptools to read elsewhere."""
    text = (REPO / "pyproject.toml").read_text()
    start = text.index("[project.scripts]\n")
    end = text.index("\n[", start + 1) + 1
    moved = text[:start] + text[end:]
    return moved.replace("[project]\n", '[project]\ndynamic = ["entry-points", "scripts"]\n', 1)


SETUP_CFG = "[options.entry_points]\nconsole_scripts =\n    trials = sle_trials.cli:main\n" + (
    "pytest11 =\n    lax = sle_trials.lax\n"
)


@pytest.mark.parametrize(
    "elsewhere",
    [
        {"setup.cfg": SETUP_CFG},  # setuptools reads setup.cfg's entry points once pyproject.toml leaves them dynamic
        {"entry_points.txt": "[pytest11]\nlax = sle_trials.lax\n"},  # or a file it names
    ],
)
def test_entry_points_left_for_setuptools_to_read_elsewhere_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, elsewhere: dict[str, str]
) -> None:
    """The lead's review after hunt 213: `dynamic = ["entry-points", "scripts"]` and setup.cfg's
    `[options.entry_points]` naming a pytest11 plugin passed (exit 0); `pip install -e` installs the plugin."""
    pyproject = _entry_points_elsewhere()
    if "entry_points.txt" in elsewhere:
        pyproject += '\n[tool.setuptools.dynamic]\nentry-points = {file = ["entry_points.txt"]}\n'
    changes: dict[str, str | bytes] = {
        "pyproject.toml": pyproject,
        "scripts/sle_trials/lax.py": "def pytest_pyfunc_call(pyfuncitem):\n    return True\n",
        **elsewhere,
    }
    refused_by_the_trusted_check(request, tmp_path, changes, "pyproject.toml: the project's entry points left dynamic")


def test_a_setup_cfg_whose_entry_points_setuptools_ignores_passes(tmp_path: Path) -> None:
    """With the entry points declared in pyproject.toml, setuptools ignores setup.cfg's (tested: `pip install -e`
    installs none of them)."""
    passed_by_the_extraction(tmp_path, {"setup.cfg": SETUP_CFG})


# --- What runs around every test, written in the package (git/verdicts_anywhere.py)
PASSING = "scripts/sle_trials/outputs/passing.py"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                CONFTEST: f"from sle_trials.outputs.passing import passed\n{LOGREPORT}    passed(report)\n",
                PASSING: PASSED,
            },
            f"{PASSING} line 2: the package binding `outcome`",
        ),
        (
            {
                CONFTEST: "from sle_trials.outputs.passing import lax\n\n\n"
                "def pytest_collection_modifyitems(items):\n    lax(items)\n",
                PASSING: "def lax(items):\n    for item in items:\n        item.add_marker('xfail')\n",
            },
            f"{PASSING} line 3: the package calling `add_marker`",
        ),
        (
            {PASSING: "import pytest\n\n\ndef lax():\n    pytest.skip('later')\n"},
            f"{PASSING} line 1: the package importing",
        ),
    ],
)
def test_what_runs_around_every_test_written_in_the_package_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_the_package_reading_an_outcome_passes(tmp_path: Path) -> None:
    """A function of the package reading an object's `outcome`, and naming pytest in its prose."""
    changes: dict[str, str | bytes] = {
        PASSING: '"""Read as pytest reads a report."""\n\n\ndef outcome_of(row):\n    return row.outcome\n'
    }
    passed_by_the_extraction(tmp_path, changes)


# --- A fixture of the conftest made otherwise than by a def under its decorator (git/around_elsewhere.py)
MARKING = (
    "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef lax(request):\n    request.applymarker(pytest.mark.xfail)\n"
)
MADE = "by which the conftest holds a fixture (one used by every test) that no rule of its autouse fixtures reads"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({CONFTEST: "from helpers import lax\n", HELPERS: MARKING}, f"{CONFTEST} line 1: `from helpers import lax`"),
        ({CONFTEST: "from helpers import *\n", HELPERS: MARKING}, f"{CONFTEST} line 1: `from helpers import *`"),
        (
            {
                CONFTEST: "import pytest\n\n\ndef mark(request):\n    request.applymarker(pytest.mark.xfail)\n\n\n"
                "lax = pytest.fixture(autouse=True)(mark)\n"
            },
            f"{CONFTEST} line 8: pytest's `fixture` named but as a `def`'s decorator, {MADE}",
        ),
        (
            {
                CONFTEST: "import functools\n\nimport pytest\n\nauto = functools.partial(pytest.fixture, autouse=True)"
                "\n\n\n@auto()\ndef lax(request):\n    request.applymarker(pytest.mark.xfail)\n"
            },
            f"{CONFTEST} line 5: pytest's `fixture` named but as a `def`'s decorator",
        ),
        (
            {
                CONFTEST: MARKING.replace("(autouse=True)", "(**OPTS)").replace(
                    "import pytest\n", "import pytest\n\nOPTS = {'autouse': True}\n"
                )
            },
            f"{CONFTEST} line 6: a decorator given its options from a mapping, {MADE}",
        ),
    ],
)
def test_a_fixture_of_the_conftest_made_otherwise_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_fixture_defined_in_the_conftest_passes(tmp_path: Path) -> None:
    """The repository's kind: a fixture a test asks for, defined under `@pytest.fixture`, and pytest imported."""
    changes: dict[str, str | bytes] = {
        CONFTEST: "import pytest\nfrom pytest import fixture\n\n\n@fixture\ndef made():\n    return 1\n\n\n"
        "@pytest.fixture(scope='session')\ndef problems():\n    return []\n"
    }
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_exits_0_over_a_failing_test_an_imported_fixture_marked(tmp_path: Path) -> None:
    """The mechanism: the conftest's import of tests/helpers.py's autouse fixture, and a failing test xfails."""
    modules = {"conftest.py": "from helpers import lax\n", "helpers.py": MARKING, "test_h213_rules.py": FAILING}
    done = _pytest_run(tmp_path, modules)
    assert done.returncode == 0 and "1 xfailed" in done.stdout, done.stdout


# --- The fixtures every test uses, named in pytest's settings (git/uncollected.py)
ASKED = "import pytest\n\n\n@pytest.fixture\ndef lax(request):\n    request.applymarker(pytest.mark.xfail)\n"


def _pytest_settings_with(line: str) -> str:
    text = (REPO / "pyproject.toml").read_text()
    kept = 'tmp_path_retention_policy = "failed"\n'
    assert kept in text
    return text.replace(kept, kept + line + "\n", 1)


def test_the_fixtures_every_test_uses_named_in_the_settings_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    changes: dict[str, str | bytes] = {
        "pyproject.toml": _pytest_settings_with('usefixtures = ["lax"]'),
        CONFTEST: ASKED,
    }
    refused_by_the_trusted_check(request, tmp_path, changes, "pyproject.toml: pytest's `usefixtures`")


def test_a_fixture_a_test_asks_for_passes(tmp_path: Path) -> None:
    """The fixture alone, which a test asks for by its name (a test's own marks pass: hunt 211)."""
    passed_by_the_extraction(tmp_path, {CONFTEST: ASKED})


def test_pytest_exits_0_over_a_failing_test_by_the_fixtures_it_uses(tmp_path: Path) -> None:
    """The mechanism: pytest's `usefixtures` setting runs the fixture for every test, and a failing test xfails."""
    modules = {"pytest.ini": "[pytest]\nusefixtures = lax\n", "conftest.py": ASKED, "test_h213_rules.py": FAILING}
    done = _pytest_run(tmp_path, modules)
    assert done.returncode == 0 and "1 xfailed" in done.stdout, done.stdout


# --- What a hook calls of its own module, by a name, an attribute or a lambda (git/hook_writes.py: around)
GO = "    def go(self, items):\n        for item in items:\n            item.add_marker(pytest.mark.xfail)\n"
EXCUSED = "which runs around every test: pytest reports the tests it skips or excuses"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: f"import pytest\n\n\nclass Lax:\n{GO}\n\n{HOOKED}    Lax().go(items)\n"},
            f"{CONFTEST} line 7: add_marker() of a mark xfail in go, {EXCUSED}",
        ),
        (
            {CONFTEST: f"import pytest\n\n\nclass Lax:\n{GO}\n\n{HOOKED}    Lax.go(None, items)\n"},
            f"{CONFTEST} line 7: add_marker() of a mark xfail in go, {EXCUSED}",
        ),
        (
            {
                CONFTEST: "import pytest\n\n\nclass Lax:\n    def __call__(self, items):\n        for item in items:\n"
                f"            item.add_marker(pytest.mark.xfail)\n\n\n{HOOKED}    Lax()(items)\n"
            },
            f"{CONFTEST} line 7: add_marker() of a mark xfail in __call__, {EXCUSED}",
        ),
        (
            {
                CONFTEST: "import pytest\n\nGO = lambda items: [item.add_marker(pytest.mark.xfail) for item in items]"
                f"\n\n\n{HOOKED}    GO(items)\n"
            },
            f"{CONFTEST} line 3: add_marker() of a mark xfail in GO, {EXCUSED}",
        ),
        (
            {
                CONFTEST: "import pytest\n\n\ndef go(items):\n    for item in items:\n"
                f"        item.add_marker(pytest.mark.xfail)\n\n\n{HOOKED}    list(map(go, [items]))\n"
            },
            f"{CONFTEST} line 6: add_marker() of a mark xfail in go, {EXCUSED}",
        ),
    ],
)
def test_an_excuse_a_hook_reaches_in_its_module_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_hook_calling_its_modules_reading_method_passes(tmp_path: Path) -> None:
    """A method the hook calls that orders the items, and a lambda as a key."""
    changes: dict[str, str | bytes] = {
        CONFTEST: "class Order:\n    def by_name(self, items):\n        items.sort(key=lambda item: item.nodeid)\n\n\n"
        f"{HOOKED}    Order().by_name(items)\n"
    }
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_exits_0_over_a_failing_test_a_hooks_method_marked(tmp_path: Path) -> None:
    """The mechanism: the hook's call of a method of its module's class, and a failing test xfails."""
    conftest = f"import pytest\n\n\nclass Lax:\n{GO}\n\n{HOOKED}    Lax().go(items)\n"
    done = _pytest_run(tmp_path, {"conftest.py": conftest, "test_h213_rules.py": FAILING})
    assert done.returncode == 0 and "1 xfailed" in done.stdout, done.stdout
