"""Attacks of a pull request on the trusted check, hunt 216: a failing check's status or test made to pass by a
step around it.

- **A check's status zeroed by arithmetic.** After `set +e`, `make test`, `status=$?`: `exit $((0 * status))`,
  `exit $((status & 0))`, `exit $((status * 256))` (bash exits with the status's low byte), or `: $((status=0))`,
  `((status *= 0))`, `let status=0`, `unset status` before `exit "$status"`: each script exited 0 over a failing
  `make test` (tested), and passed the extraction (exit 0): hunt 215's rule took any arithmetic reading the variable
  for the status kept. Now arithmetic given to `exit` (or making a variable) is worked out on failing statuses, and
  a status changed otherwise than by `=` is refused (git/status_kept.py); .ci/trusted-check's `$((checked >
  received ? checked : received))` passes.
- **A condition that lets some failing statuses through.** `if [ "$status" -gt 1 ]; then exit "$status"; fi`, `[ $?
  -le 1 ] || exit 1`, `case $? in 0 | 1) ;; *) exit 1 ;; esac`, `(( status > 1 ))` after pytest: a failing suite
  (status 1) went on to exit 0 (tested), and passed (exit 0). Now a test or a `case` of a check's status must part
  the passing statuses from every failing one alike; `trials drift`'s 1 is a report (drift.yml's way passes).
- **(our own) An exit of the status no failing check reaches.** `if false; then exit "$status"; fi`, `[ "$status"
  -eq 0 ] && exit "$status"`, an exit in a function no line calls, `( exit "$status" )`, and `[ $? -eq 0 ] && exit
  1` each read as the status kept; the script exited 0 (tested), and passed (exit 0). Now an exit counts only where
  a failing check reaches it (git/status_reached.py). And `make test && echo ok` (or a function running it, so
  called) then another line under `set -e` exited 0 over the failure (tested): a check before `&&` is refused in a
  script (git/status_dropped.py), as is a check in a script with no `set -e` before it (tested: exit 0) but as its
  last command; a makefile's recipe line, whose shell ends with the list's status, passes.
- **A helper's failure expected whatever it is.** `with pytest.raises(Exception):` (BaseException, AssertionError,
  a tuple holding one, `expected_exception=`, `match='.*'`) around a call of a helper that asserts passed whatever
  failed in it (tested), and passed (exit 0). Now such a raises() around a call needs a `match=` no empty message
  matches (git/swallowed.py), as tests/test_consumers.py's has. (our own) A handler that raises pytest's skip over a
  caught failure (`raise pytest.skip.Exception(...)`) is no re-raise: the test was skipped (tested).
- **A test ended (or skipped) where CI runs it.** `if os.environ.get("CI"): return` (or `if shutil.which("git"):`,
  `if sys.platform.startswith("linux"):`, `if True:`, a module's `CI = os.environ.get("CI")`) before a test's failing
  assert, and `pytest.skip` (or a `skipif` mark) under such a condition: each passed under pytest with CI set
  (tested), and the extraction (exit 0). Now such a condition, true where CI runs, is refused (git/ended_early.py);
  the repository's returns and skips on a parameter, a result or a missing program pass.
- **An assert of a module's function uncalled.** `assert refs.check`, `assert os.path.isfile`, an imported
  function's `assert check` and `assert refs.check is not None` are true whatever the code does (tested), and passed
  (exit 0): hunt 215 read a module's own functions only. Now an assert of an imported name (or an attribute of one)
  not a CONSTANT's is refused (git/vacuous_asserts.py), and (our own) one of constants that is true (`assert not 0`)
  or of a value compared with itself; `assert done.stdout` of a test's own object passes.
- **hypothesis's settings changed for every test by a profile or its internals.** `settings.register_profile(
  "quick", max_examples=1)` and `load_profile("quick")` in a test module, `hypothesis._settings.default_variable.value
  = ...`, `getattr(settings, "load_" + "profile")` each had a property test failing past its first example pass
  (tested), and passed (exit 0). Now a profile may not draw fewer examples than hypothesis's 100 (nor take a parent,
  by argument or `parent=`, or a mapping), and the settings' private names, setattr() of them and attributes got by
  a built name are refused in the tests (git/examples_drawn.py); tests/conftest.py's `repeatable` profile passes.
- **A stub fixture dressed as the conftest's.** `def problems(): refs.check({}); return []` calls the package and
  returns a constant: a test asking for `problems` passed over a record with problems (hunt 215's stub, tested
  there), and passed (exit 0). Now each value such a fixture returns or yields must be made of the conftest's
  fixtures or of a call of the package or the conftest (git/shadowed_fixtures.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

RULES = "tests/test_h216_rules.py"
CONFTEST = "tests/conftest.py"
BASH = "#!/usr/bin/env bash\n"
CHECKED = f"{BASH}set +e\nmake test\nstatus=$?\n"
ZEROED = {
    "exit $((0 * status))": CHECKED + "exit $((0 * status))\n",
    "exit $((status & 0))": CHECKED + 'exit "$((status & 0))"\n',
    "exit $((status * 256))": CHECKED + "exit $((status * 256))\n",
    "a variable made by it": CHECKED + "code=$((status > 9))\nexit $code\n",
}
REASSIGNED = {
    ": $((status=0))": CHECKED + ': $((status=0))\nexit "$status"\n',
    "((status *= 0))": CHECKED + '((status *= 0))\nexit "$status"\n',
    "let status=0": CHECKED + 'let "status = 0"\nexit "$status"\n',
    "unset status": CHECKED + "unset status\nexit $status\n",
}
PYTESTED = f"{BASH}set +e\n.venv/bin/python -m pytest\nstatus=$?\n"
NARROWED = {
    "[ $status -gt 1 ]": PYTESTED + 'if [ "$status" -gt 1 ]; then exit "$status"; fi\n',
    "[ $? -le 1 ]": f"{BASH}set +e\n.venv/bin/python -m pytest\n[ $? -le 1 ] || exit 1\n",
    "case $?": f"{BASH}set +e\n.venv/bin/python -m pytest\ncase $? in 0 | 1) ;; *) exit 1 ;; esac\n",
    "(( status > 1 ))": PYTESTED + '(( status > 1 )) && exit "$status"\nexit 0\n',
}
# (hunt 216's own) an exit of the status that a failing check never reaches
UNREACHED = {
    "if false": CHECKED + 'if false; then exit "$status"; fi\ntrue\n',
    "&& when passing": CHECKED + '[ "$status" -eq 0 ] && exit "$status"\ntrue\n',
    "a function": CHECKED + 'finish() { exit "$status"; }\ntrue\n',
    "a subshell": CHECKED + '( exit "$status" )\ntrue\n',
    "$? when passing": f"{BASH}set +e\n.venv/bin/python -m pytest\n[ $? -eq 0 ] && exit 1\ntrue\n",
}
# (hunt 216's own) a check before `&&`, whose failure `set -e` goes past, or in a script with no `set -e`
LISTED = {
    "a check": f"{BASH}set -euo pipefail\nmake test && echo ok\necho after\n",
    "a function": f"{BASH}set -euo pipefail\nrun() {{\n    make test\n    echo done\n}}\n\nrun && echo ok\n"
    "echo after\n",
    "no set -e": f"{BASH}make test\necho after\n",
}
HELPER = "import pytest\n\n\ndef check(found):\n    assert found == []\n\n\ndef test_rules():\n"
EXPECTED = {
    "Exception": HELPER + "    with pytest.raises(Exception):\n        check([1])\n",
    "BaseException": HELPER + "    with pytest.raises((ValueError, BaseException)):\n        check([1])\n",
    "expected_exception": HELPER + "    with pytest.raises(expected_exception=AssertionError):\n        check([1])\n",
    "match everything": HELPER + "    with pytest.raises(AssertionError, match='.*'):\n        check([1])\n",
    "an ExitStack": HELPER + "    import contextlib\n\n    with contextlib.ExitStack() as stack:\n"
    "        stack.enter_context(pytest.raises(Exception))\n        check([1])\n",
}
ENDED = {
    "os.environ": "import os\n\n\ndef test_rules():\n    if os.environ.get('CI'):\n        return\n    assert 1 == 2\n",
    "which": "import shutil\n\n\ndef test_rules():\n    if shutil.which('git'):\n        return\n    assert 1 == 2\n",
    "skip": "import sys\n\nimport pytest\n\n\ndef test_rules():\n    if sys.platform.startswith('linux'):\n"
    "        pytest.skip('slow')\n    assert 1 == 2\n",
    "skipif": "import os\n\nimport pytest\n\n\n@pytest.mark.skipif('CI' in os.environ, reason='slow')\n"
    "def test_rules():\n    assert 1 == 2\n",
    "True": "def test_rules():\n    for n in [1]:\n        if True:\n            return\n    assert n == 2\n",
    "a module's name": "import os\n\nCI = os.environ.get('CI')\n\n\ndef test_rules():\n    if CI:\n        return\n"
    "    assert 1 == 2\n",
}
# (hunt 216's own) a test's failure caught and turned into a skip
SKIPPED = {
    "raised": HELPER + "    try:\n        check([1])\n    except AssertionError:\n"
    "        raise pytest.skip.Exception('flaky')\n",
}
UNCALLED = [  # (what the refusal says of it, the test)
    ("refs.check uncalled", "from sle_trials.checks import refs\n\n\ndef test_rules():\n    assert refs.check\n"),
    ("os.path.isfile uncalled", "import os.path\n\n\ndef test_rules():\n    assert os.path.isfile\n"),
    ("check uncalled", "from sle_trials.checks.refs import check\n\n\ndef test_rules():\n    assert check\n"),
    (
        "refs.check uncalled, compared with None",
        "from sle_trials.checks import refs\n\n\ndef test_rules():\n    assert refs.check is not None\n",
    ),
]
# (hunt 216's own) an assert true by its constants, or of a value compared with itself
CONSTANT = [
    ("an expression of constants (or builtins of them)", "def test_rules():\n    assert not 0\n"),
    ("a value compared with itself", "def test_rules():\n    found = [1]\n    assert found == found\n"),
]
PROPERTY = "\n\n@given(strategies.integers(min_value=0))\ndef test_rules(n):\n    assert n < 3\n"
FEWER = {
    "a profile": "from hypothesis import given, settings, strategies\n\n"
    "settings.register_profile('quick', max_examples=1)\nsettings.load_profile('quick')\n" + PROPERTY,
    "hypothesis's private settings": "import hypothesis._settings\nfrom hypothesis import given, settings, "
    "strategies\n\nhypothesis._settings.default_variable.value = settings(max_examples=1)\n" + PROPERTY,
    "a built name": "from hypothesis import given, settings, strategies\n\nsettings.register_profile('fast', "
    "deadline=None)\ngetattr(settings, 'load_' + 'profile')('fast')\n" + PROPERTY,
}
STUB = "import pytest\nfrom sle_trials.checks import refs\n\n\n@pytest.fixture\ndef problems():\n"
PROBLEMS = STUB + "    return refs.check({})\n"


def _bash(tmp_path: Path, script: str) -> subprocess.CompletedProcess:
    (tmp_path / "Makefile").write_text("test:\n\texit 1\n")
    (tmp_path / "run").write_text(script.replace("make test", "make -s test").replace(".venv/bin/python -m ", ""))
    (tmp_path / "pytest").write_text(f"{BASH}exit 1\n")  # pytest's status where a test failed
    (tmp_path / "pytest").chmod(0o755)
    path = f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        ["bash", "run"], cwd=tmp_path, capture_output=True, text=True, timeout=60, env={**os.environ, "PATH": path}
    )


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
@pytest.mark.parametrize(
    "script", [*ZEROED.values(), *REASSIGNED.values(), *NARROWED.values(), *UNREACHED.values(), *LISTED.values()]
)
def test_a_script_exits_0_over_a_failing_check(tmp_path: Path, script: str) -> None:
    assert _bash(tmp_path, script).returncode == 0


def test_pytest_passes_each_test_made_to_pass_around_its_failure(tmp_path: Path) -> None:
    modules = {
        **{f"test_expected_{n}.py": test for n, test in enumerate(EXPECTED.values())},
        **{f"test_ended_{n}.py": test for n, test in enumerate(ENDED.values())},
        **{f"test_uncalled_{n}.py": test for n, (_, test) in enumerate([*UNCALLED, *CONSTANT])},
        **{f"test_skipped_{n}.py": test for n, test in enumerate(SKIPPED.values())},
        **{f"test_fewer_{n}.py": test for n, test in enumerate(FEWER.values())},
    }
    for name, text in modules.items():
        (tmp_path / name).write_text(text.replace("test_rules", name[:-3]))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:anyio", "-p", "no:xdist", "-rs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "CI": "true", "PYTHONPATH": str(REPO / "scripts")},
    )
    skipped = 2 + len(SKIPPED)  # ENDED's skips, and SKIPPED's
    assert done.returncode == 0 and f"{len(modules) - skipped} passed, {skipped} skipped" in done.stdout, done.stdout


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        # --- a check's status zeroed by arithmetic (git/status_kept.py)
        *(
            ({".ci/run": script}, ".ci/run line 4: the check's status read into `status` after `set +e` is not")
            for script in ZEROED.values()
        ),
        *(
            ({".ci/run": script}, ".ci/run line 5: the check's status (`status`) changed otherwise than by `=`")
            for script in REASSIGNED.values()
        ),
        (
            {
                "Makefile": ".ONESHELL:\ntest:\n\tset +e\n\t.venv/bin/python -m pytest\n\tstatus=$$?\n"
                "\texit $$((status & 0))\n"
            },
            "Makefile line 5: the check's status read into `status` after `set +e` is not",
        ),
        # --- a condition letting some failing statuses through
        *(
            (
                {".ci/run": script},
                f".ci/run line {5 if 'status=$?' in script else 4}: a condition on the check's status",
            )
            for script in NARROWED.values()
        ),
        # --- an exit of the status that a failing check never reaches (git/status_reached.py)
        *(
            ({".ci/run": script}, ".ci/run line 4: the check's status read into `status` after `set +e` is not")
            for script in list(UNREACHED.values())[:4]
        ),
        (
            {".ci/run": UNREACHED["$? when passing"]},
            ".ci/run line 4: a check's status (`$?`) read after `set +e` neither",
        ),
        ({".ci/run": LISTED["a check"]}, ".ci/run line 3: a check run before `&&` on its line: under `set -e` bash"),
        ({".ci/run": LISTED["a function"]}, ".ci/run line 8: a check run before `&&` on its line: under `set -e` bash"),
        ({".ci/run": LISTED["no set -e"]}, ".ci/run line 2: a check run with no `set -e` before it"),
        # --- a helper's failure expected whatever it is (git/swallowed.py)
        *(
            (
                {RULES: test},
                f"{RULES} line {12 if 'ExitStack' in test else 10}: raises() of AssertionError (or an exception above "
                "it) with no `match=`",
            )
            for test in EXPECTED.values()
        ),
        # --- a test ended or skipped where CI runs it (git/ended_early.py)
        ({RULES: ENDED["os.environ"]}, f"{RULES} line 6: a `return` under a condition true where CI runs the tests"),
        ({RULES: ENDED["which"]}, f"{RULES} line 6: a `return` under a condition true where CI runs the tests"),
        ({RULES: ENDED["skip"]}, f"{RULES} line 8: a skip under a condition true where CI runs the tests"),
        ({RULES: ENDED["skipif"]}, f"{RULES} line 6: a skip under a condition true where CI runs the tests"),
        ({RULES: ENDED["True"]}, f"{RULES} line 4: a `return` under a condition true where CI runs the tests"),
        ({RULES: ENDED["a module's name"]}, f"{RULES} line 8: a `return` under a condition true where CI runs"),
        (
            {RULES: SKIPPED["raised"]},
            f"{RULES} line 11: an `except` of AssertionError (or one above it, doing nothing: `pass`) that raises "
            "nothing",
        ),
        # --- an assert of a module's function uncalled (git/vacuous_asserts.py)
        *(
            ({RULES: test}, f"{RULES} line 5: an assert of the imported {said}, true whatever it holds")
            for said, test in UNCALLED
        ),
        *(
            ({RULES: test}, f"{RULES} line {test.count(chr(10))}: an assert of {said}, true whatever it holds")
            for said, test in CONSTANT
        ),
        # --- hypothesis's settings changed for every test (git/examples_drawn.py)
        ({RULES: FEWER["a profile"]}, f"{RULES} line 3: a hypothesis profile setting `max_examples`"),
        ({RULES: FEWER["hypothesis's private settings"]}, f"{RULES} line 1: hypothesis's private `_settings`"),
        ({RULES: FEWER["a built name"]}, f"{RULES} line 4: an attribute of hypothesis's `settings` got by a name"),
        (
            {RULES: "from hypothesis import settings\n\nsettings.register_profile('fast', settings(max_examples=1))\n"},
            f"{RULES} line 3: a hypothesis profile given a parent's settings",
        ),
        (
            {RULES: "from hypothesis import settings\n\nsettings.register_profile('q', parent=settings())\n"},
            f"{RULES} line 3: a hypothesis profile given a parent's settings",
        ),
        (
            {RULES: "from hypothesis import settings\n\nsetattr(settings, 'default', settings())\n"},
            f"{RULES} line 3: hypothesis's `settings` given to setattr()",
        ),
        # --- a stub fixture dressed as the conftest's (git/shadowed_fixtures.py)
        (
            {CONFTEST: PROBLEMS, RULES: STUB + "    refs.check({})\n    return []\n"},
            f"{RULES} line 8: the fixture `problems`, named as the conftest's, returns a value made of none of",
        ),
        (
            {CONFTEST: PROBLEMS, RULES: STUB + "    assert refs.check([]) is not None\n    yield []\n"},
            f"{RULES} line 8: the fixture `problems`, named as the conftest's, returns a value made of none of",
        ),
    ],
)
def test_what_makes_a_failure_pass_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {  # the repository's scripts: statuses kept through arithmetic, drift's report status let through
            ".ci/trusted-check": (REPO / ".ci" / "trusted-check").read_text("utf-8"),
            ".github/workflows/drift.yml": (REPO / ".github" / "workflows" / "drift.yml").read_text("utf-8"),
            ".github/workflows/review.yml": (REPO / ".github" / "workflows" / "review.yml").read_text("utf-8"),
            ".ci/run": CHECKED + 'case "$status" in 0) ;; *) exit "$status" ;; esac\n'
            '.venv/bin/trials check\n[ $? -eq 0 ] || exit 1\n.venv/bin/mypy\nrc=$?\n(( rc != 0 )) && exit "$rc"\n'
            'if [ "$rc" -ne 0 ]; then exit $((rc | 1)); fi\nexit 0\n',
            # a recipe line, whose shell ends with the list's status
            "Makefile": "test:\n\t.venv/bin/python -m pytest && echo ok\n",
            # a script's last command, whose status is the script's
            ".ci/steps.sh": f'{BASH}cd "$(dirname "$0")/.."\nmake test\n',
        },
        {  # a helper's failure pinned by its message; another exception expected; a test's own early ends
            RULES: HELPER + "    with pytest.raises(AssertionError, match='found'):\n        check([1])\n"
            "    with pytest.raises(ValueError):\n        int('x')\n\n\n"
            "import shutil\nimport sys\n\n\n@pytest.mark.skipif(sys.platform == 'win32', reason='POSIX')\n"
            "def test_own(n=1):\n    if not shutil.which('make'):\n        pytest.skip('needs make')\n"
            "    if n == 1:\n        return\n    assert n == 2\n",
        },
        {  # a local object's attribute, a constant of a module, a function called
            RULES: "import subprocess\n\nfrom conftest import REPO\nfrom sle_trials.checks import refs\n\n\n"
            "def test_rules():\n    done = subprocess.run(['echo'], capture_output=True, text=True)\n"
            "    assert done.stdout\n    assert REPO\n    assert refs.check({}) == []\n",
        },
        {  # the conftest's profile; a test's own settings
            CONFTEST: (REPO / "tests" / "conftest.py").read_text("utf-8"),
            RULES: "from hypothesis import given, settings, strategies\n\n\n@settings(max_examples=10, deadline=None)"
            + PROPERTY,
        },
        {  # fixtures made of the package's call, kept through names
            CONFTEST: PROBLEMS,
            RULES: STUB + "    found = refs.check({})\n    shown = sorted(found)\n    yield shown\n",
        },
    ],
)
def test_honest_neighbours_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)
