"""Attacks of a pull request on the trusted check, hunt 217: a test made to pass by what its review reads as honest.

- **A namesake fixture giving the machinery's value made another.** Hunt 216 held a fixture named as the
  conftest's to return a value "made of" the package's call; `return refs.check(...)[:0]`, `refs.check(...) and
  []`, `* 0`, `[p for p in refs.check(...) if False]`, `type(refs.check(...))()` each read it and gave the tests
  `[]` (tested: the conftest's `problems` finding one, its namesake's test passing), and passed (exit 0). Now the
  value returned is the machinery's as it is (git/shadowed_fixtures.py: a name made of it, its call, attribute, item
  or method's call, a builtin keeping it, `+` or `/`), and a name the fixture empties in place (`found.pop()` in a
  loop) is no longer made of it; `sorted(found)`, `found += more` and `found.copy()` pass.
- **A test ended or skipped on the interpreter or the surroundings.** `if sys.version_info >= (3, 8): return`,
  `@pytest.mark.skipif(sys.version_info > (3,), ...)` and `if os.environ.get("USER"): return` (a variable GitHub's
  runner sets, as most shells do) before a failing assert passed under pytest (tested), and passed (exit 0): hunt
  216 worked out CI's own variables and the platform only. Now the interpreter's values are worked out as the
  Python running the check has them, compared by order too, and a condition on what the reader cannot work out of
  the run's surroundings (another variable, the user, the host) is refused whichever way it goes
  (git/ended_early.py); `skipif(sys.version_info < (3, 11))`, `pytest.fail` under `os.environ.get("CI") == "true"`
  and test_hostile.py's skip as root pass. (our own) So is the time (`if time.time() > 1.7e9: return`, true on
  every run after 2023), the terminal, the command's arguments and a library's version; `if __debug__: return` and a
  module's flag of an import (`try: import hypothesis; HAVE = True`, `except ImportError: HAVE = False`, then `if
  HAVE: return`) are worked out as CI has them; and a `return` before the asserts of a helper a test calls (`def
  check(found): if os.environ.get("USER"): return`) as a test's own: each passed (tested), and passed (exit 0).
- **A skip or an xfail added to a test the base branch runs.** Hunt 211 ruled a test's own visible marks honest:
  `@pytest.mark.xfail(reason="flaky")` added to a test main holds, `@pytest.mark.skip`, `pytest.skip()` as it starts,
  a module's `pytestmark = pytest.mark.xfail`, a mark bound to a name (`flaky = pytest.mark.xfail(...)`), or the
  module renamed with the mark added each had a failing test of main's pass (tested: xfailed, exit 0), and passed
  (exit 0). Now a scope of the tests the base holds may not be given more unconditional skips or xfails than it had
  (git/marks_added.py), nor by a mark of another module of the tests given by its name (`from conftest import
  FLAKY`), nor a helper the base binds made one (`def pinned(test): return pytest.mark.xfail(...)(test)`); a new
  test's own xfail, a `skipif` on a program and an xfail with a condition pass. Three
  commits of main's history did this honestly, a fix reverted and its test marked `xfail(strict=True)` as open
  (1258f14d, f06febcc, 2048a3d3): as pull requests they are now refused, and such a case goes in a test of its own.
  (our own) So is a test of no case: `@pytest.mark.parametrize("n", [])` over a failing test was skipped (tested),
  and passed (exit 0). pyproject.toml now has pytest fail it as it collects (`empty_parameter_set_mark`), which a
  pull request may neither set otherwise nor drop.
- **(our own) A function's check run with `set -e` off at its call.** `set -euo pipefail`, `run() { make test; echo
  done; }`, then `set +e`, `run`, `status=$?`, `exit "$status"` exited 0 over a failing `make test` (tested), and
  passed (exit 0): the function's lines were read under the `set -e` before its definition. Now a function running a
  check before another command may not be called where `set -e` is off (git/status_dropped.py); and a check in a
  function defined before `set -e` and called after it, which hunt 216 refused, passes.
- **(our own) The same conditions reached otherwise.** Under `os.environ.get("CI")`, `raise pytest.skip.Exception(...)`
  (or `unittest.SkipTest`) was no skip to hunt 216's rule, nor a `match` or `while` a condition, nor an xfail's
  `condition=` given by keyword; `assert found == [] or sys.platform == "linux"` held on CI whatever was found, and
  `except AssertionError:` with `if not os.environ.get("CI"): raise` re-raised off CI only; and
  `pytest.importorskip("hypothesis", minversion="999")` skipped a module in every run: each passed under pytest with
  CI set (tested), and the extraction (exit 0). Now each is refused (git/ended_early.py, git/ci_decided.py,
  git/skipped.py); an `or` of the test's own values, a handler's re-raise and a version installed pass. And a mark's
  condition the reader cannot work out (`xfail(bool(len('a')))`) is refused: read as pytest collects, it holds no
  parameter of the test; `find_spec(...) is None` and a program's path not found (`.exists()`) are worked out.
  An assert where nothing runs it, in a function nested in the test that it never calls nor names or in a loop over
  `range(0)`, passed under pytest (tested) and the extraction (exit 0): now refused (git/never_run.py). And CI's own
  variable unset for every test (`os.environ.pop("CI", None)` at the conftest's top, an autouse fixture's
  `monkeypatch.delenv("CI")`) had a test that fails on CI where a program is missing skip there (tested), and
  passed (exit 0): CI's variables may be written in a test's own body alone (git/ci_decided.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    MAKEFILE,
    REPO,
    committed_with_code,
    extraction,
    git_run,
    passed_by_the_extraction,
    pull_request_made,
    put,
    refused_by_the_trusted_check,
    trusted_check_once,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

RULES = "tests/test_h217_rules.py"
CONFTEST = "tests/conftest.py"
FOUND = "refs.check([], uncited=['seeds/x.html'])"  # one problem (E306), as a check of a record with one finds
STUB = "import pytest\nfrom sle_trials.checks import refs\n\n\n@pytest.fixture\ndef problems():\n"
PROBLEMS = STUB + f"    return {FOUND}\n"
ASKED = "\n\ndef test_rules(problems):\n    assert problems == []\n"
MADE_ANOTHER = {
    "a slice": f"    return {FOUND}[:0]\n",
    "and": f"    return {FOUND} and []\n",
    "* 0": f"    return {FOUND} * 0\n",
    "a comprehension": f"    return [p for p in {FOUND} if False]\n",
    "type()()": f"    return type({FOUND})()\n",
    "emptied": f"    found = {FOUND}\n    while found:\n        found.pop()\n    return found\n",
}
FAILING = "\n\ndef test_rules():\n    assert len('ab') == 3\n"
ENDED = {
    "sys.version_info": "import sys\n\n\ndef test_rules():\n    if sys.version_info >= (3, 8):\n        return\n"
    "    assert len('ab') == 3\n",
    "skipif": "import sys\n\nimport pytest\n\n\n@pytest.mark.skipif(sys.version_info > (3,), reason='old')\n"
    "def test_rules():\n    assert len('ab') == 3\n",
    "USER": "import os\n\n\ndef test_rules():\n    if os.environ.get('USER'):\n        return\n"
    "    assert len('ab') == 3\n",
    "a module's name": "import getpass\n\nWHO = getpass.getuser()\n\n\ndef test_rules():\n    if WHO:\n"
    "        return\n    assert len('ab') == 3\n",
    "the time": "import time\n\n\ndef test_rules():\n    if time.time() > 1.7e9:\n        return\n"
    "    assert len('ab') == 3\n",
    "a helper": "import os\n\n\ndef check(found):\n    if os.environ.get('USER'):\n        return\n"
    "    assert found == []\n\n\ndef test_rules():\n    check([1])\n",
    "an import's flag": "try:\n    import hypothesis\n\n    HAVE = True\nexcept ImportError:\n    HAVE = False\n\n\n"
    "def test_rules():\n    if HAVE:\n        return\n    assert len('ab') == 3\n",
}
# (our own) the same conditions reached otherwise: a skip raised, a mark's `condition=`, a `while` or a `match`, an
# assert's `or`, a handler's re-raise off CI, a version no environment holds
OTHERWISE = {
    "a skip raised": "import os\n\nimport pytest\n\n\ndef test_rules():\n    if os.environ.get('CI'):\n"
    "        raise pytest.skip.Exception('slow')\n    assert len('ab') == 3\n",
    "condition=": "import sys\n\nimport pytest\n\n\n@pytest.mark.xfail(condition=sys.platform == 'linux', reason='x')\n"
    "def test_rules():\n    assert len('ab') == 3\n",
    "match": "import os\n\n\ndef test_rules():\n    match os.environ.get('CI'):\n        case 'true':\n"
    "            return\n    assert len('ab') == 3\n",
    "an assert's or": "import sys\n\n\ndef test_rules():\n    assert len('ab') == 3 or sys.platform == 'linux'\n",
    "a re-raise off CI": "import os\n\n\ndef test_rules():\n    try:\n        assert len('ab') == 3\n"
    "    except AssertionError:\n        if not os.environ.get('CI'):\n            raise\n",
    "a mark's condition unknown": "import pytest\n\n\n@pytest.mark.xfail(bool(len('a')), reason='x')\n"
    "def test_rules():\n    assert len('ab') == 3\n",
    "a nested function": "def test_rules():\n    def inner():\n        assert len('ab') == 3\n",
    "a loop over nothing": "def test_rules():\n    for n in range(0):\n        assert n == 3\n",
    "minversion": "import pytest\n\npytest.importorskip('hypothesis', minversion='999')\n\n\ndef test_rules():\n"
    "    assert len('ab') == 3\n",
}
# (our own) CI's variable unset for every test: a test that fails on CI where a program is missing skips there
UNSET_CI = "import os\n\nimport pytest\n\nos.environ.pop('CI', None)\n"
QUIETED = (
    "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef quiet(monkeypatch):\n"
    "    monkeypatch.delenv('CI', raising=False)\n"
)
NEEDED_ON_CI = (
    "import os\n\nimport pytest\n\n\ndef test_needed():\n    if os.environ.get('CI') == 'true':\n"
    "        pytest.fail('CI installs it')\n    pytest.skip('not installed')\n"
)
BASH = "#!/usr/bin/env bash\n"
RUN = "run() {\n    make test\n    echo done\n}\n\n"
# (our own) a function running a check before another command, called with `set -e` off
CALLED_UNDER_SET_E_OFF = f'{BASH}set -euo pipefail\n{RUN}set +e\nrun\nstatus=$?\nexit "$status"\n'
HELPER = "import pytest\n\n\ndef pinned(test):\n    return test\n"  # a helper of the base's conftest
BASE_TEST = "tests/test_h217_kept.py"  # a test main holds (passing there: the pull request's change fails it)
KEPT = (
    "import pytest\n\n\ndef test_rules():\n    assert len('ab') == 2\n\n\nclass TestKept:\n    def test_kept(self):\n"
)
KEPT += "        assert len('a') == 1\n"
MARKED = {
    "xfail": KEPT.replace("def test_rules", "@pytest.mark.xfail(reason='flaky')\ndef test_rules"),
    "skip": KEPT.replace("def test_rules", "@pytest.mark.skip\ndef test_rules"),
    "a skip as it starts": KEPT.replace("    assert len('ab')", "    pytest.skip('later')\n    assert len('ab')"),
    "a named mark": KEPT.replace(
        "\n\n\ndef test_rules", "\n\nflaky = pytest.mark.xfail(reason='x')\n\n\n@flaky\ndef test_rules"
    ),
    "a method": KEPT.replace("    def test_kept", "    @pytest.mark.skip\n    def test_kept"),
}


def _failing(name: str, marked: str) -> str:
    """A module of MARKED with its marked test made to fail, as the pull request's change of the code would."""
    return (
        marked.replace("'a') == 1", "'a') == 2") if name == "a method" else marked.replace("'ab') == 2", "'ab') == 3")
    )


def test_pytest_passes_each_test_made_to_pass(tmp_path: Path) -> None:
    modules = {
        "conftest.py": PROBLEMS,
        "ci/conftest.py": QUIETED,  # (a folder's own, whose autouse fixture runs around its tests alone)
        "ci/test_on_ci.py": NEEDED_ON_CI,
        **{f"test_made_{n}.py": STUB + body + ASKED for n, body in enumerate(MADE_ANOTHER.values())},
        **{f"test_ended_{n}.py": test for n, test in enumerate(ENDED.values())},
        **{f"test_otherwise_{n}.py": test for n, test in enumerate(OTHERWISE.values())},
        "test_marked.py": "import pytest\n\npytestmark = pytest.mark.xfail" + FAILING,
        "test_empty.py": "import pytest\n\n\n@pytest.mark.parametrize('n', [])\ndef test_rules(n):\n"
        "    assert n == 3\n",
        **{f"test_xfail_{n}.py": _failing(name, test) for n, (name, test) in enumerate(MARKED.items())},
        "test_honest.py": STUB.replace("problems", "found") + f"    return {FOUND}\n\n\ndef test_found(found):\n"
        "    assert found == []\n",  # the same call unsliced fails
    }
    (tmp_path / "ci").mkdir()
    for name, text in modules.items():
        (tmp_path / name).write_text(text.replace("test_rules", name[:-3].replace("/", "_")))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:anyio", "-p", "no:xdist", "-rs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "CI": "true", "USER": "runner", "PYTHONPATH": str(REPO / "scripts")},
    )
    assert done.returncode == 1 and "1 failed" in done.stdout and "test_honest.py" in done.stdout, done.stdout
    # MARKED's xfail and named mark, and the module's: xfailed; its skips and ENDED's skipif: skipped; each of
    # MARKED's modules' other test passes
    # OTHERWISE's: the skip raised and the version skipped, condition= and the unknown condition xfailed
    passed = len(MADE_ANOTHER) + len(ENDED) - 1 + len(MARKED) + len(OTHERWISE) - 4
    # (and test_empty.py's, and test_on_ci.py's with CI unset)
    assert f"{passed} passed, 8 skipped, 5 xfailed" in done.stdout, done.stdout


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_a_function_called_with_set_e_off_exits_0_over_its_failing_check(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text("test:\n\texit 1\n")
    (tmp_path / "run").write_text(CALLED_UNDER_SET_E_OFF.replace("make test", "make -s test"))
    done = subprocess.run(["bash", "run"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "done" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({RULES: OTHERWISE["a skip raised"]}, f"{RULES} line 8: a skip under a condition true where CI runs"),
        ({RULES: OTHERWISE["condition="]}, f"{RULES} line 6: a skip under a condition true where CI runs"),
        ({RULES: OTHERWISE["match"]}, f"{RULES} line 7: a `return` under a condition true where CI runs"),
        ({RULES: OTHERWISE["an assert's or"]}, f"{RULES} line 5: an assert with an `or` operand true where CI runs"),
        ({RULES: OTHERWISE["a re-raise off CI"]}, f"{RULES} line 9: a handler's `raise` under a condition false where"),
        (
            {RULES: OTHERWISE["a mark's condition unknown"]},
            f"{RULES} line 4: a skip or an xfail under a condition the reader cannot work out where CI runs",
        ),
        ({RULES: OTHERWISE["a nested function"]}, f"{RULES} line 3: an assert in `inner`, a function nested in"),
        ({RULES: OTHERWISE["a loop over nothing"]}, f"{RULES} line 3: an assert in a loop over `range(0)`"),
        ({CONFTEST: UNSET_CI}, f"{CONFTEST} line 5: CI's variable written by the tests' code beyond a test's own"),
        ({RULES: QUIETED}, f"{RULES} line 6: CI's variable written by the tests' code beyond a test's own"),
        ({RULES: OTHERWISE["minversion"]}, f"{RULES} line 3: a test skipping on the module 'hypothesis' below version"),
        (
            {".ci/run": CALLED_UNDER_SET_E_OFF},
            ".ci/run line 9: the function `run`, which runs a check before another command, called with `set -e` off",
        ),
        *(
            (
                {CONFTEST: PROBLEMS, RULES: STUB + body},
                f"{RULES} line {7 + body.count(chr(10)) - 1}: the fixture `problems`, named as the conftest's, returns "
                "a value made of none",
            )
            for body in MADE_ANOTHER.values()
        ),
        ({RULES: ENDED["sys.version_info"]}, f"{RULES} line 6: a `return` under a condition true where CI runs"),
        ({RULES: ENDED["skipif"]}, f"{RULES} line 6: a skip under a condition true where CI runs"),
        ({RULES: ENDED["USER"]}, f"{RULES} line 6: a `return` under a condition on the run's surroundings"),
        ({RULES: ENDED["a module's name"]}, f"{RULES} line 8: a `return` under a condition on the run's surroundings"),
        ({RULES: ENDED["the time"]}, f"{RULES} line 6: a `return` under a condition on the run's surroundings"),
        ({RULES: ENDED["a helper"]}, f"{RULES} line 6: a `return` under a condition on the run's surroundings"),
        ({RULES: ENDED["an import's flag"]}, f"{RULES} line 11: a `return` under a condition true where CI runs"),
        (
            {
                RULES: "import os\n\nimport pytest\n\n\n@pytest.mark.skipif(not os.environ.get('LANG'), reason='C')"
                + FAILING
            },
            f"{RULES} line 6: a skip under a condition on the run's surroundings",
        ),
    ],
)
def test_what_makes_a_test_pass_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def _pull_request_on_a_test(tmp_path: Path, changes: dict[str, str | None]) -> Path:
    """A registry whose main holds the Makefile and BASE_TEST, and a branch `pr` making changes (None: a
    removal), main checked out."""
    root = committed_with_code(tmp_path, "Makefile", MAKEFILE)
    put(root, BASE_TEST, KEPT)
    put(root, CONFTEST, HELPER)
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "a test")
    git_run(root, "checkout", "-q", "-b", "pr")
    for path, content in changes.items():
        if content is None:
            (root / path).unlink()
        else:
            put(root, path, content)
    pull_request_made(root)
    return root


@pytest.mark.parametrize(
    ("changes", "excused"),
    [
        *(({BASE_TEST: text}, "the test `test_rules` is") for name, text in MARKED.items() if name != "a method"),
        ({BASE_TEST: MARKED["a method"]}, "the test `TestKept.test_kept` is"),
        (
            {BASE_TEST: KEPT.replace("import pytest\n", "import pytest\n\npytestmark = pytest.mark.xfail\n")},
            "its tests are",
        ),
        ({BASE_TEST: None, "tests/test_h217_moved.py": MARKED["xfail"]}, "the test `test_rules` is"),
        (  # a mark of the conftest's given by its name
            {
                CONFTEST: HELPER + "\n\nFLAKY = pytest.mark.xfail(reason='x')\n",
                BASE_TEST: KEPT.replace(
                    "\n\n\ndef test_rules", "\nfrom conftest import FLAKY\n\n\n@FLAKY\ndef test_rules"
                ),
            },
            "the test `test_rules` is",
        ),
        ({CONFTEST: HELPER.replace("return test", "return pytest.mark.xfail(reason='x')(test)")}, "`pinned`, bound"),
    ],
)
def test_a_skip_added_to_a_test_of_the_base_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | None], excused: str
) -> None:
    root = _pull_request_on_a_test(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert excused in checked.stderr and "a skip or an xfail" in checked.stderr, checked.stderr


PYPROJECT = '[project]\nname = "x"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
FAILING_EMPTY = PYPROJECT + 'empty_parameter_set_mark = "fail_at_collect"\n'


@pytest.mark.parametrize(
    ("base", "changed", "said"),
    [
        (
            PYPROJECT,
            PYPROJECT + 'empty_parameter_set_mark = "skip"\n',
            "pytest's `empty_parameter_set_mark` other than",
        ),
        (
            FAILING_EMPTY,
            PYPROJECT,
            "pytest's `empty_parameter_set_mark = 'fail_at_collect'` of the base branch dropped",
        ),
    ],
)
def test_a_test_of_no_case_skipped_stops_the_extraction(tmp_path: Path, base: str, changed: str, said: str) -> None:
    root = committed_with_code(tmp_path, "pyproject.toml", base)
    git_run(root, "checkout", "-q", "-b", "pr")
    put(root, "pyproject.toml", changed)
    pull_request_made(root)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 2 and said in checked.stderr, checked.stderr


def test_a_new_tests_marks_and_conditions_pass(tmp_path: Path) -> None:
    root = _pull_request_on_a_test(
        tmp_path,
        {
            # main's test given a skip on a program and an xfail on a condition, which ended_early works out
            BASE_TEST: "import shutil\nimport sys\n\n"
            + KEPT.replace(
                "def test_rules",
                "@pytest.mark.skipif(not shutil.which('make'), reason='make')\n"
                "@pytest.mark.xfail(sys.platform == 'win32', reason='POSIX')\ndef test_rules",
            )
            + "\n\n@pytest.mark.xfail(strict=True, reason='open')\ndef test_new():\n    assert len('ab') == 3\n",
            "tests/test_h217_new.py": "import pytest\n\npytestmark = pytest.mark.skip" + FAILING,
        },
    )
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    "changes",
    [
        {  # fixtures returning the machinery's value as it is, through names, builtins and methods
            CONFTEST: PROBLEMS,
            RULES: STUB + f"    found = {FOUND}\n    found += refs.check([])\n    shown = sorted(found)\n"
            "    yield shown.copy()\n",
        },
        {  # a test's own CI unset, undone as it ends; PATH set for every test
            CONFTEST: "import os\n\nos.environ['PATH'] = os.defpath\n",
            RULES: "def test_rules(monkeypatch):\n    monkeypatch.delenv('CI', raising=False)\n"
            "    assert monkeypatch is not None\n",
        },
        {  # a check in a function defined before `set -e`, called after it (bash runs it under errexit)
            ".ci/run": f"{BASH}{RUN}set -euo pipefail\nrun\necho after\n",
        },
        {  # the interpreter's values false where CI runs; CI's own variable failing the test
            RULES: "import importlib.util\nimport os\nimport sys\nfrom pathlib import Path\n\nimport pytest\n\n"
            "try:\n    import hypothesis\n\n    HAVE = True\n"
            "except ImportError:\n    HAVE = False\n\n\n@pytest.mark.skipif(sys.version_info < (3, 11), "
            "reason='tomllib')\n@pytest.mark.skipif(importlib.util.find_spec('mypy') is None, reason='mypy')\n"
            "@pytest.mark.skipif(not (Path(sys.executable).parent / 'ruff').exists(), reason='ruff')\n"
            "def test_rules():\n    if os.environ.get('CI') == 'true':\n        pytest.fail('x')\n"
            "    if sys.version_info[:2] < (3, 9) or os.geteuid() == 0 or not HAVE:\n        return\n"
            "    found = os.path.join('a', 'b')\n    assert os.sep in found or found is None\n    try:\n"
            "        assert found\n    except AssertionError:\n        if found is not None:\n            raise\n"
            "        raise\n    for part in found.split(os.sep):\n        assert part\n\n    def check(value):\n"
            "        assert value\n\n    check(found)\n\n\ndrawn = pytest.importorskip('hypothesis', minversion='1')\n",
        },
    ],
)
def test_honest_neighbours_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)
