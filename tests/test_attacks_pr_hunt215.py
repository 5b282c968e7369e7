"""Attacks of a pull request on the trusted check, hunt 215: tests made vacuous, exit statuses swallowed.

- **A failing assertion caught by the test's own code.** `with contextlib.suppress(AssertionError): assert 1 == 2`,
  `try: assert 1 == 2` with `except AssertionError: pass` (or `except Exception`), `with
  pytest.raises(AssertionError): assert 1 == 2`, `finally: return` after it, and a context manager of the module's
  own catching it around a `yield`, given the test as its decorator: each test passed under pytest (tested), and
  the extraction passed each (exit 0). Now each is refused in any Python source (git/swallowed.py); a handler that
  re-raises with context, and `pytest.raises(AssertionError)` around a helper's call (with a `match=` since hunt
  216), pass.
- **A check's status read, then dropped.** hunt 214 had a check run after `set +e` read its status on the next
  line; `make test`, `status=$?`, then `exit 0` (or `set -e` and the script going on to another command's status)
  read it and dropped it: .ci/run so exited 0 over a failing `make test` (tested), and passed (exit 0). Now the
  variable (or one made of it, `status=$((a > b ? a : b))`, `for code in "$a"`) is given to an `exit` before any
  other `exit` or the script's end (git/status_dropped.py); .ci/trusted-check's, drift.yml's (`if [ "$status" -gt
  1 ]; then exit "$status"; fi`) and review.yml's ways pass.
- **Property tests' phases carried by a mapping from a module without hypothesis.** `BASE = {'phases': ()}` in
  tests/helpers.py and `SETTINGS = dict(deadline=None, **BASE)` in tests/record_strategies.py had a property test
  asserting `n != n` given `@settings(**SETTINGS)` skipped, pytest exit 0 (tested), and passed (exit 0): hunt 214's
  rule read only modules importing hypothesis. Now `phases` given as a mapping's key (its name built from parts
  too) or to `settings`, `register_profile` or `dict` outside a test's body is refused in any module of the tests
  unless it holds a trial's data (git/examples_drawn.py); a trial's `{"phases": ["PHASE2"]}` passes.
- **A conftest's fixture stubbed by a module's own of its name.** A test asking for the conftest's `problems`
  (which runs the check) was given its module's `@pytest.fixture\\ndef problems(): return []` and passed (tested),
  and the extraction passed it (exit 0). Now a fixture named as one of tests/conftest.py's is refused elsewhere
  in the tests unless it asks for a fixture of the conftest or calls a name imported from it or the package
  (git/shadowed_fixtures.py), as test_drift.py's `imported` and test_attacks_prose_hunt211.py's `registry` do;
  so is a module's `pytestmark` (or a class's decorator) parametrizing a conftest fixture's name, by which pytest
  gives every test of it those values (tested); a test's own `@pytest.mark.parametrize` of it passes.
- **New in the family: a helper's failure caught, and asserts after the test's end.** `try: check([1])` with
  `except AssertionError: pass` (or `except Exception: pass`: the assert in the helper, not the `try`), and
  `return` before a test's assert,
  each passed under pytest (tested) and the extraction (exit 0). Now an `except` naming AssertionError that raises
  nothing, and a statement after a `return`, `raise`, `break` or `continue` of its block, are refused
  (git/swallowed.py); `except BaseException` recording a failure passes. So are asserts true by their form beyond
  hunt 214's displays: of a string, of an `or` with such an operand (`1 == 2 or True`), of a function of the
  module uncalled (`assert check`): each passed under pytest, now refused (git/vacuous_asserts.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

RULES = "tests/test_h215_rules.py"
CONFTEST = "tests/conftest.py"
BASH = "#!/usr/bin/env bash\n"
SWALLOWED = "by which a failing assertion passes: the test cannot fail by its own body"
SUPPRESSED = (
    "import contextlib\n\n\ndef test_rules():\n    with contextlib.suppress(AssertionError):\n        assert 1 == 2\n"
)
CAUGHT = "def test_rules():\n    try:\n        assert 1 == 2\n    except {}:\n        pass\n"
INVERTED = "import pytest\n\n\ndef test_rules():\n    with pytest.raises(AssertionError):\n        assert 1 == 2\n"
FINALLY = "def test_rules():\n    try:\n        assert 1 == 2\n    finally:\n        return\n"
LAX = (
    "import contextlib\n\n\n@contextlib.contextmanager\ndef lax():\n    try:\n        yield\n"
    "    except AssertionError:\n        pass\n\n\n@lax()\ndef test_rules():\n    assert 1 == 2\n"
)
HELPED = (
    "def check(found):\n    assert found == []\n\n\ndef test_rules():\n    try:\n        check([1])\n"
    "    except AssertionError:\n        pass\n"
)
ENDED = "def test_rules():\n    return\n    assert 1 == 2\n"
FORMS = {
    "a string": "def test_rules():\n    assert '1 == 2'\n",
    "an `or` one of whose operands is true by its form": "def test_rules():\n    assert 1 == 2 or True\n",
    "the function check uncalled": "def check():\n    return 1 == 2\n\n\ndef test_rules():\n    assert check\n",
    "the function same uncalled": "def test_rules():\n    same = lambda: 1 == 2  # noqa: E731\n    assert same\n",
}
DROPPED = f"{BASH}set +e\nmake test\nstatus=$?\nexit 0\n"
READ_INTO = "the check's status read into `status` after `set +e` is not given to `exit`"
HELPERS = "tests/helpers.py"
STRATEGIES = "tests/record_strategies.py"
CARRIED = "hypothesis's `phases` (or a mapping's key of that name holding no trial's phases) set outside a test's body"
PROPERTY = (
    "from hypothesis import given, settings, strategies\nfrom record_strategies import SETTINGS\n\n\n"
    "@settings(**SETTINGS)\n@given(strategies.integers())\ndef test_rules(n):\n    assert n != n\n"
)
PROBLEMS = (
    "import pytest\nfrom sle_trials.checks import strict\n\n\n"
    "@pytest.fixture\ndef problems():\n    return strict.check({})\n"
)
STUBBED = "import pytest\n\n\n@pytest.fixture\ndef problems():\n    return []\n\n\ndef test_rules(problems):\n"
STUBBED += "    assert problems == []\n"
PARAMETRIZED = (
    "import pytest\n\npytestmark = pytest.mark.parametrize('problems', [[]])\n\n\ndef test_rules(problems):\n"
    "    assert problems == []\n"
)
SHADOWED = "a fixture named `problems`, as the conftest's is, built on none of the conftest's machinery"


def _pytest_run(tmp_path: Path, modules: dict[str, str]) -> subprocess.CompletedProcess:
    """pytest run on a folder of modules, with no plugin of the machine's: its exit status and what it printed."""
    for name, text in modules.items():
        (tmp_path / name).write_text(text)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:anyio", "-p", "no:xdist"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.parametrize(
    "test",
    [
        SUPPRESSED,
        CAUGHT.format("AssertionError"),
        CAUGHT.format("Exception"),
        INVERTED,
        FINALLY,
        LAX,
        HELPED,
        ENDED,
        HELPED.replace("AssertionError", "Exception"),
    ],
)
def test_pytest_passes_a_test_whose_own_code_catches_its_failing_assert(tmp_path: Path, test: str) -> None:
    done = _pytest_run(tmp_path, {"test_h215_rules.py": test})
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


@pytest.mark.parametrize("test", FORMS.values())
def test_pytest_passes_an_assert_true_by_its_form(tmp_path: Path, test: str) -> None:
    done = _pytest_run(tmp_path, {"test_h215_rules.py": test})
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


def test_a_script_exits_0_over_a_failing_check_whose_status_it_read(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text("test:\n\texit 1\n")
    (tmp_path / "run").write_text(DROPPED)
    done = subprocess.run(["bash", "run"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Error 1" in done.stderr  # make's word of the failing recipe


def test_pytest_skips_a_failing_property_test_its_settings_mapping_draws_nothing_for(tmp_path: Path) -> None:
    modules = {
        "helpers.py": "BASE = {'phases': ()}\n",
        "record_strategies.py": "from helpers import BASE\n\nSETTINGS = dict(deadline=None, **BASE)\n",
        "test_h215_rules.py": PROPERTY,
    }
    done = _pytest_run(tmp_path, modules)
    assert done.returncode == 0 and "1 skipped" in done.stdout, done.stdout


def test_pytest_gives_a_test_its_modules_stub_over_the_conftests_fixture(tmp_path: Path) -> None:
    conftest = "import pytest\n\n\n@pytest.fixture\ndef problems():\n    return ['E101']\n"
    asking = "def test_rules(problems):\n    assert problems == []\n"
    assert _pytest_run(tmp_path, {"conftest.py": conftest, "test_h215_rules.py": asking}).returncode == 1
    done = _pytest_run(tmp_path, {"conftest.py": conftest, "test_h215_rules.py": STUBBED})
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout
    done = _pytest_run(tmp_path, {"conftest.py": conftest, "test_h215_rules.py": PARAMETRIZED})
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        # --- a failing assertion caught by the test's own code (git/swallowed.py)
        (
            {RULES: SUPPRESSED},
            f"{RULES} line 5: suppress() of AssertionError (or an exception above it), {SWALLOWED}",
        ),
        (
            {RULES: CAUGHT.format("AssertionError")},
            f"{RULES} line 3: an `assert` within a `try` whose `except` on line 4 catches AssertionError and raises "
            f"nothing, {SWALLOWED}",
        ),
        ({RULES: CAUGHT.format("Exception")}, f"{RULES} line 3: an `assert` within a `try` whose `except` on line 4"),
        ({RULES: CAUGHT.format("(ValueError, BaseException)")}, f"{RULES} line 3: an `assert` within a `try`"),
        ({RULES: CAUGHT.replace(" {}", "")}, f"{RULES} line 3: an `assert` within a `try`"),
        ({RULES: "E = AssertionError\n\n\n" + CAUGHT.format("E")}, f"{RULES} line 6: an `assert` within a `try`"),
        (
            {RULES: INVERTED},
            f"{RULES} line 6: an `assert` within raises() of AssertionError, which passes it, {SWALLOWED}",
        ),
        ({RULES: FINALLY}, f"{RULES} line 5: a `return` of a `finally`, which drops the exception raised before it"),
        ({RULES: LAX}, f"{RULES} line 7: an `yield` within a `try` whose `except` on line 8 catches AssertionError"),
        (
            {
                "tests/h215_helper.py": "def check(found):\n    try:\n        assert found == []\n"
                "    except AssertionError:\n        return\n"
            },
            "tests/h215_helper.py line 3: an `assert` within a `try`",
        ),
        (
            {
                RULES: "import contextlib\n\nLAX = contextlib.ExitStack()\n"
                "LAX.enter_context(contextlib.suppress(Exception))\n"
            },
            f"{RULES} line 4: suppress() of AssertionError",
        ),
        (
            {RULES: HELPED},
            f"{RULES} line 8: an `except` of AssertionError (or one above it, doing nothing: `pass`) that raises "
            f"nothing, {SWALLOWED}",
        ),
        (
            {RULES: HELPED.replace("AssertionError", "Exception")},
            f"{RULES} line 8: an `except` of AssertionError (or one above it, doing nothing: `pass`) that raises",
        ),
        (
            {RULES: ENDED},
            f"{RULES} line 3: a statement after the `return` on line 2, which never runs: an assert there checks "
            "nothing",
        ),
        ({RULES: "def test_rules():\n    for n in [1]:\n        continue\n        assert n == 2\n"}, f"{RULES} line 4"),
        # --- an assert true by its form (git/vacuous_asserts.py)
        *(
            ({RULES: test}, f"{RULES} line {test.count(chr(10))}: an assert of {said}, true whatever it holds")
            for said, test in FORMS.items()
        ),
        # --- a check's status read, then dropped (git/status_dropped.py)
        ({".ci/run": DROPPED}, f".ci/run line 4: {READ_INTO}"),
        (
            {".ci/run": f"{BASH}set +e\nmake test\nstatus=$?\nset -e\n.venv/bin/ruff check .\n"},
            f".ci/run line 4: {READ_INTO}",
        ),
        (
            {".ci/run": f'{BASH}set +e\nmake test\nstatus=$?\nstatus=0\nexit "$status"\n'},
            f".ci/run line 4: {READ_INTO}",
        ),
        ({".ci/run": f'{BASH}set +e\nmake test\nstatus=$?\nexit 0\nexit "$status"\n'}, f".ci/run line 4: {READ_INTO}"),
        (
            {".ci/run": f"{BASH}set +e\nmake test\necho $?\nexit 0\n"},
            ".ci/run line 4: a check's status (`$?`) read after `set +e` neither kept in a variable nor exited on",
        ),
        (
            {"Makefile": ".ONESHELL:\ntest:\n\tset +e\n\t.venv/bin/python -m pytest\n\tstatus=$$?\n\texit 0\n"},
            f"Makefile line 5: {READ_INTO}",
        ),
        # --- property tests' phases carried by a mapping (git/examples_drawn.py)
        (
            {
                HELPERS: "BASE = {'phases': ()}\n",
                STRATEGIES: "from helpers import BASE\n\nSETTINGS = dict(deadline=None, **BASE)\n",
            },
            f"{HELPERS} line 1: {CARRIED}",
        ),
        ({HELPERS: "BASE = dict(phases=[])\n"}, f"{HELPERS} line 1: {CARRIED}"),
        ({HELPERS: "NAME = 'pha' + 'ses'\nBASE = {NAME: ()}\n"}, f"{HELPERS} line 2: {CARRIED}"),
        ({HELPERS: "import hypothesis\n\nBASE = {'pha' 'ses': tuple()}\n"}, f"{HELPERS} line 3: {CARRIED}"),
        ({HELPERS: "BASE = dict([('phases', ())])\n"}, f"{HELPERS} line 1: {CARRIED}"),
        ({HELPERS: "BASE = {}\nBASE['phases'] = []\n"}, f"{HELPERS} line 2: {CARRIED}"),
        # --- a conftest's fixture stubbed by a module's own (git/shadowed_fixtures.py)
        (
            {CONFTEST: PROBLEMS, RULES: PARAMETRIZED},
            f"{RULES} line 3: the conftest's fixture `problems` parametrized for more than a test's own decorators",
        ),
        (
            {
                CONFTEST: PROBLEMS,
                RULES: "import pytest\n\n\n@pytest.mark.parametrize(('problems', 'n'), [([], 1)])\nclass TestRules:\n"
                "    def test_rules(self, problems, n):\n        assert problems == []\n",
            },
            f"{RULES} line 4: the conftest's fixture `problems` parametrized for more than",
        ),
        ({CONFTEST: PROBLEMS, RULES: STUBBED}, f"{RULES} line 5: {SHADOWED}"),
        (
            {
                CONFTEST: PROBLEMS,
                RULES: "import pytest\n\n\n@pytest.fixture(name='problems')\ndef stub():\n    return []\n",
            },
            f"{RULES} line 5: {SHADOWED}",
        ),
        (
            {CONFTEST: PROBLEMS, "tests/h215_helper.py": STUBBED.split("\n\n\ndef test_rules")[0] + "\n"},
            f"tests/h215_helper.py line 5: {SHADOWED}",
        ),
        (
            {CONFTEST: PROBLEMS, "tests/sub/conftest.py": STUBBED.split("\n\n\ndef test_rules")[0] + "\n"},
            "tests/sub/conftest.py: a conftest.py, whose hooks pytest runs for the tests beside and below it",
        ),
    ],
)
def test_what_leaves_a_test_checking_nothing_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {  # a handler that re-raises with context; a helper's failure expected by the test of it
            RULES: "import pytest\n\n\ndef check(found):\n    try:\n        assert found == []\n"
            "    except AssertionError as failed:\n        raise AssertionError(f'found {found}') from failed\n\n\n"
            "def test_rules():\n    with pytest.raises(AssertionError, match='found'):\n        check([1])\n"
            "    with pytest.raises(ValueError):\n        int('x')\n"
        },
        {  # a helper's run whose any failure is recorded (tests/hostile_batch.py's way); a raise ending a block
            RULES: "def run(job):\n    try:\n        status = job()\n    except BaseException:\n        status = 1\n"
            "    return status\n\n\ndef test_rules():\n    if run(int) != 0:\n        raise AssertionError('failed')\n"
            "    assert run(int) == 0\n"
        },
        {  # a function called in an assert; an `or` of two checks; a parameter named as a module's function
            RULES: "def check(n):\n    return n == 1\n\n\ndef test_rules(check=check):\n    assert check(1)\n"
            "    assert check(1) or check(2)\n    assert check\n"
        },
        {  # another exception caught around an assert; a `finally` cleaning up; a loop's own `break` in it
            RULES: "def test_rules():\n    try:\n        assert int('1') == 1\n    except ValueError:\n        pass\n"
            "    try:\n        assert True\n    finally:\n        for n in range(2):\n            break\n"
        },
        {  # the repository's scripts: each status read reaches an exit
            ".ci/run": f"{BASH}set +e\nmake test\na=$?\n.venv/bin/trials check\nb=$?\nexit $((a > b ? a : b))\n",
            ".ci/trusted-check": (REPO / ".ci" / "trusted-check").read_text("utf-8"),
            ".github/workflows/drift.yml": (REPO / ".github" / "workflows" / "drift.yml").read_text("utf-8"),
        },
        {".ci/run": f"{BASH}set +e\nmake test\n[ $? -eq 0 ] || exit 1\n"},
        {  # trials' phases in the tests' data
            STRATEGIES: "PAIRS = [('phases', ['PHASE1'])]\nRECORD = {}\nRECORD['phases'] = ['PHASE3']\n",
            HELPERS: "RECORD = {'phases': ['PHASE2']}\nOTHERS = {'phases': ({'phases': ['PHASE1']}, {'phases': 'a"
            " Phase 2 trial'})}\n",
        },
        {  # a module's fixture built on the conftest's (asking for it, or calling a name imported from it)
            CONFTEST: PROBLEMS + "\n\ndef found():\n    return []\n",
            RULES: "import pytest\nfrom conftest import found\n\n\n@pytest.fixture\ndef problems():\n"
            "    return found()\n",
            "tests/test_h215_other.py": "import pytest\n\n\n@pytest.fixture\ndef problems(problems):\n"
            "    return sorted(problems)\n\n\n@pytest.fixture\ndef own():\n    return []\n\n\n"
            "@pytest.mark.parametrize('problems', [[]])\ndef test_own(problems):\n    assert problems == []\n",
        },
    ],
)
def test_honest_neighbours_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)
