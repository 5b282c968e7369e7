"""Attacks of a pull request on the trusted check and what its review shows, hunt 214.

- **The tests run optimised.** Python run with `-O` (or PYTHONOPTIMIZE in its environment) compiles no `assert`:
  pytest rewrites the test modules' asserts, not those of the helpers they import, and with `--assert=plain` none.
  `os.environ["PYTHONOPTIMIZE"] = "1"` at the top of tests/conftest.py, which runs before xdist starts its workers,
  had a test whose helper asserts `1 == 2` pass under `make test`'s workers, and with `--assert=plain` a test's own
  `assert False` too (tested); so did the name built from parts, `os.putenv`, a hook re-running pytest with `-O`,
  `.venv/bin/python -O -m pytest` (or `-BO`, or `FLAGS := -OO`) in the Makefile, `export PYTHONOPTIMIZE` there or in
  .ci/run: each passed (exit 0). Now no file of the code names the variable outside a comment or gives Python `-O`,
  no Python source sets it (or writes into `os.environ` a variable named as it runs) outside a test's own body
  (git/vacuous_asserts.py); a test's own process run optimised, and the conftest's TMPDIR, pass.
- **An assert true by its form.** `assert (check(record) == [], "message")` is a tuple, true whatever it holds, and
  reads as an assert with its message; ruff's F631 says so, and a pull request may drop it from `select` or exempt
  the line. pytest passed such a failing test (tested), and the extraction passed it (exit 0). Now an assert of a
  display, an f-string, a lambda or a generator is refused wherever it stands
  (git/vacuous_asserts.py); `assert (a, b) == (1, 2)` passes.
- **A module's own autouse fixture.** The rules of what runs around every test read the hooks and the conftest's
  autouse fixtures: an autouse fixture at the top of a module of failing tests (or of a class of them) applying an
  xfail mark had each "xfailed" and pytest exit 0 (tested), and passed (exit 0), as did one calling
  `pytest.skip()`, one patching the checker (`monkeypatch.setattr(strict, "check", lambda record: [])`, or the module
  got by `importlib.import_module("sle_trials.checks.strict")`, which the conftest's rule missed too), one defined
  in tests/helpers.py and imported by the module, and one made by `pytest.fixture(autouse=True)(mark)` or
  `@pytest.fixture(**OPTS)`. Now every autouse fixture of the tests is read as the conftest's (git/excused.py,
  git/patched_by_the_tests.py, git/around_elsewhere.py); one that sets a test's folder and environment up passes.
- **Property tests told to draw no example.** hypothesis draws a property test's examples in its phase `generate`;
  `settings.register_profile("quick", phases=[Phase.explicit])` and its `load_profile` in tests/conftest.py had a
  property test asserting `n != n` "skipped" and pytest exit 0 (tested), and passed (exit 0), as did `phases=()` in
  the `SETTINGS` of tests/record_strategies.py that every property test is given. Now the tests name hypothesis's
  `Phase`, or give `phases` to its settings or a mapping, only in a test's own decorators
  (git/examples_drawn.py); a test's own `@settings(phases=...)` and a trial's `phases` pass.
- **A distribution no review reads.** `make test` installs the project's extras, and pytest loads every installed
  distribution's `pytest11` entry point as a plugin (hunt 207's mechanism), Python its `.pth` at every start.
  `"pytest-lax>=1"` added to the test extra, `lax @ file:tests/fixtures/lax-1.0-py3-none-any.whl`, the dependencies
  left dynamic, `pip install -f tests/fixtures/wheels` or `pip install pytest-lax` in the Makefile, PIP_FIND_LINKS
  in CI's environment and the conftest running `pip install` each passed (exit 0), the review one line. Now
  pyproject.toml requires no distribution the base branch's does not (nor by a direct reference it does not give),
  and no code runs pip otherwise than on the project and its extras (git/installed.py); a changed version range, a
  dependency removed and the repository's Makefile pass.
- **pytest's cache choosing the tests.** `--cache-show` shows pytest's cache and runs no test, exiting 0, as
  `--collect-only` (hunt 211) does; `--lf` runs only the tests the cache lists as failed last, so a committed
  `.pytest_cache/v/cache/lastfailed` listing a passing test had a failing one left unrun and pytest exit 0
  (tested), and `--sw` runs none before the test its cache lists. Each in addopts (or the Makefile's pytest line)
  passed (exit 0). Now they are refused with pytest's other narrowing options (git/uncollected.py); `--ff` and
  `--nf`, which only order the tests, pass.
- **pytest run on a part of the tests.** pytest collects the paths it is given in place of testpaths:
  `.venv/bin/python -m pytest tests/test_docs.py` in the Makefile's `test` recipe (or a test's `::` id, or the path
  in addopts) ran one module of the suite, and passed (exit 0), as `--ignore` did before hunt 210. Now a path
  narrower than tests/ is refused as those options are (git/uncollected.py); `pytest tests/` passes.
- **A check's status dropped by the shell.** git/exit_status.py refused make's ways past a failing step (a
  recipe's `-`, `make -i`); the shell's passed: `.venv/bin/python -m pytest || true` in the Makefile had a failing
  suite's `make test` exit 0 (tested), and so did `| tee log` (a pipe's status is its last command's), `true ||`
  before the check, `make test || true` in .ci/run, a workflow's `run: make test | tee log` and `set +e` at the top
  of .ci/run, each also by a make variable or a shell function holding the check, or `bash -c 'make test'` (exit 0
  each). Now a line running a
  check (or a name holding one) holds no `||`, pipe, `;`, lone `&`, `!` or condition, and after
  `set +e` the next line reads its status (git/status_dropped.py); `&&`, a redirection, .ci/trusted-check's
  `checked=$?` and a workflow step's name pass.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    REPO,
    committed_with_code,
    extraction,
    git_run,
    passed_by_the_extraction,
    pull_request_made,
    put,
    refused_by_the_trusted_check,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

CONFTEST = "tests/conftest.py"
RULES = "tests/test_h214_rules.py"
DROP = "on its line, by which the line ends with another status than the check's"
BASH = "#!/usr/bin/env bash\nset -euo pipefail\n"
STRIPS = "by which Python strips every `assert` of the code it runs"
AROUND = "which runs around every test of its module (or class): pytest reports the tests it skips or excuses"
PATCHED = "patching a name of the package for every test of its module (or class)"
MADE = "by which the module holds a fixture (one used by every test of it)"
XFAIL = "@pytest.fixture(autouse=True)\ndef lax(request):\n    request.applymarker(pytest.mark.xfail)\n"
STRICT = "import pytest\nfrom sle_trials.checks import strict\n\n\n"
STUB = "\n\n\ndef test_rules():\n    assert strict.check({}) == []\n"
STRATEGIES = "tests/record_strategies.py"
PROFILE = (
    "from hypothesis import Phase, settings\n\nsettings.register_profile('quick', phases=[Phase.explicit])\n"
    "settings.load_profile('quick')\n"
)
FAILING = "\n\n\ndef test_rules():\n    assert 1 == 2\n"


def _makefile(recipe: str, before: str = "") -> str:
    return f"{before}test:\n\t{recipe}\n"


def _addopts(options: str) -> str:
    """The repository's pyproject.toml with options added to pytest's addopts."""
    text = (REPO / "pyproject.toml").read_text("utf-8")
    assert '-p no:platformdirs"\n' in text
    return text.replace('-p no:platformdirs"\n', f'-p no:platformdirs {options}"\n', 1)


def _pytest_run(
    tmp_path: Path, modules: dict[str, str], *options: str, cache: bool = False
) -> subprocess.CompletedProcess:
    """pytest run on a folder of modules, no plugin of the machine's but those options name (its cache's, where
    cache): its exit status and what it printed."""
    for name, text in modules.items():
        (tmp_path / name).write_text(text)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            *([] if cache else ["-p", "no:cacheprovider"]),
            "-p",
            "no:anyio",
            *options,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        # --- the tests run optimised (git/vacuous_asserts.py)
        (
            {CONFTEST: "import os\n\nos.environ['PYTHONOPTIMIZE'] = '1'\n"},
            f"{CONFTEST} line 3: `PYTHONOPTIMIZE` set, {STRIPS}",
        ),
        (
            {CONFTEST: "import os\n\nos.environ['PYTHON' + 'OPTIMIZE'] = '1'\n"},
            f"{CONFTEST} line 3: `PYTHONOPTIMIZE` set, {STRIPS}",
        ),
        ({CONFTEST: "import os\n\nos.putenv('PYTHONOPTIMIZE', '1')\n"}, f"{CONFTEST} line 3: `PYTHONOPTIMIZE` set"),
        ({CONFTEST: "import os\n\nos.environ.update(PYTHONOPTIMIZE='2')\n"}, f"{CONFTEST} line 3: `PYTHONOPTIMIZE`"),
        (
            {CONFTEST: "import json\nimport os\n\nNAME = json.loads('\"PYTHONOPTIMIZE\"')\nos.environ[NAME] = '1'\n"},
            f"{CONFTEST} line 5: a variable of the process's environment named as it runs",
        ),
        (
            {CONFTEST: "import os\n\nfrom helpers import ENV\n\nos.environ.update(ENV)\n"},
            f"{CONFTEST} line 5: a variable of the process's environment named as it runs",
        ),
        (
            {
                CONFTEST: "import os\nimport sys\n\n\ndef pytest_configure(config):\n"
                "    os.execv(sys.executable, [sys.executable, '-O', '-m', 'pytest'])\n"
            },
            f"{CONFTEST} line 6: Python's option -O handed to a process outside a test's own body, {STRIPS}",
        ),
        ({"Makefile": _makefile(".venv/bin/python -O -m pytest")}, f"Makefile line 2: Python's option -O, {STRIPS}"),
        ({"Makefile": _makefile(".venv/bin/python -BO -m pytest")}, "Makefile line 2: Python's option -BO"),
        ({"Makefile": _makefile(".venv/bin/python $(FLAGS) -m pytest", "FLAGS := -OO\n")}, "Makefile line 1: "),
        (
            {"Makefile": _makefile(".venv/bin/python -m pytest", "export PYTHONOPTIMIZE = 1\n")},
            f"Makefile line 1: `PYTHONOPTIMIZE`, {STRIPS}",
        ),
        (
            {".ci/run": "#!/usr/bin/env bash\nset -euo pipefail\nexport PYTHONOPTIMIZE=2\nmake test\n"},
            ".ci/run line 3: `PYTHONOPTIMIZE`",
        ),
        (
            {"tests/h214_tool.py": "#!/usr/bin/env -S python3 -O\nprint('ran')\n"},
            "tests/h214_tool.py line 1: Python's option -O",
        ),
        # --- an assert true by its form (git/vacuous_asserts.py)
        (
            {RULES: "def test_rules():\n    assert (1 == 2, 'one is two')\n"},
            f"{RULES} line 2: an assert of a tuple display, true whatever it holds",
        ),
        ({RULES: "def test_rules():\n    assert f'{1 == 2}'\n"}, f"{RULES} line 2: an assert of an f-string"),
        ({RULES: "def test_rules():\n    assert (n == 2 for n in [1])\n"}, f"{RULES} line 2: an assert of a generator"),
        # --- a module's own autouse fixture (git/excused.py, git/patched_by_the_tests.py, git/around_elsewhere.py)
        (
            {RULES: f"import pytest\n\n\n{XFAIL}{FAILING}"},
            f"{RULES} line 6: applymarker() of a mark xfail in lax, {AROUND}",
        ),
        (
            {RULES: f"import pytest\n\n\n@pytest.fixture(autouse=True)\ndef lax():\n    pytest.skip('later'){FAILING}"},
            f"{RULES} line 6: pytest.skip() in lax, {AROUND}",
        ),
        (
            {
                RULES: "import pytest\n\n\nclass TestRules:\n    @pytest.fixture(autouse=True)\n"
                "    def lax(self, request):\n        request.applymarker(pytest.mark.xfail)\n\n"
                "    def test_rules(self):\n        assert 1 == 2\n"
            },
            f"{RULES} line 7: applymarker() of a mark xfail in lax, {AROUND}",
        ),
        (
            {"tests/helpers.py": f"import pytest\n\n\n{XFAIL}", RULES: f"from helpers import lax  # noqa{FAILING}"},
            f"tests/helpers.py line 6: applymarker() of a mark xfail in lax, {AROUND}",
        ),
        (
            {
                RULES: f"{STRICT}@pytest.fixture(autouse=True)\ndef lax(monkeypatch):\n"
                f"    monkeypatch.setattr(strict, 'check', lambda record: []){STUB}"
            },
            f"{RULES} line 7: an autouse fixture (lax) {PATCHED}",
        ),
        (
            {
                RULES: "import importlib\n\nimport pytest\n\n\n@pytest.fixture(autouse=True)\ndef lax(monkeypatch):\n"
                "    module = importlib.import_module('sle_trials.checks.strict')\n"
                "    monkeypatch.setattr(module, 'check', lambda record: [])\n"
            },
            f"{RULES} line 9: an autouse fixture (lax) {PATCHED}",
        ),
        (
            {
                RULES: "import pytest\n\n\ndef mark(request):\n    request.applymarker(pytest.mark.xfail)\n\n\n"
                f"lax = pytest.fixture(autouse=True)(mark){FAILING}"
            },
            f"{RULES} line 8: pytest's `fixture` named but as a `def`'s decorator, {MADE}",
        ),
        (
            {RULES: f"import pytest\n\nOPTS = {{'autouse': True}}\n\n\n{XFAIL.replace('(autouse=True)', '(**OPTS)')}"},
            f"{RULES} line 6: a decorator given its options from a mapping, {MADE}",
        ),
        # --- property tests told to draw no example (git/examples_drawn.py)
        (
            {CONFTEST: PROFILE},
            f"{CONFTEST} line 3: hypothesis's `phases` set for more than a test's own decorators",
        ),
        (
            {STRATEGIES: "from hypothesis import HealthCheck\n\nSETTINGS = dict(deadline=None, phases=())\n"},
            f"{STRATEGIES} line 3: hypothesis's `phases`",
        ),
        (
            {STRATEGIES: "import hypothesis\n\nSETTINGS = {'deadline': None, 'phases': []}\n"},
            f"{STRATEGIES} line 3: hypothesis's `phases`",
        ),
        (
            {STRATEGIES: "import hypothesis\n\nQUICK = (hypothesis.Phase.explicit,)\n"},
            f"{STRATEGIES} line 3: hypothesis's `Phase`",
        ),
        # --- a distribution no review reads (git/installed.py), from the code that runs pip
        (
            {"Makefile": _makefile(".venv/bin/python -m pip install -e '.[test]' -f tests/fixtures/wheels")},
            "Makefile line 2: pip's option -f, by which pip installs what no review of pyproject.toml's requirements",
        ),
        (
            {"Makefile": _makefile(".venv/bin/pip install --quiet pytest-lax")},
            "Makefile line 2: the distribution pytest-lax named on pip's line",
        ),
        (
            {".ci/run": "#!/usr/bin/env bash\nexport PIP_FIND_LINKS=wheels\nmake test\n"},
            ".ci/run line 2: pip's settings",
        ),
        (
            {
                CONFTEST: "import subprocess\nimport sys\n\n"
                "subprocess.run([sys.executable, '-m', 'pip', 'install', 'lax'])\n"
            },
            f"{CONFTEST} line 4: pip's `install` run by Python",
        ),
        # --- pytest's cache choosing the tests (git/uncollected.py)
        ({"pyproject.toml": _addopts("--lf")}, "pyproject.toml: pytest's option --lf in addopts"),
        ({"pyproject.toml": _addopts("--sw-skip")}, "pyproject.toml: pytest's option --sw-skip in addopts"),
        (
            {"Makefile": _makefile(".venv/bin/python -m pytest --cache-show")},
            "Makefile line 2: pytest run with --cache",
        ),
        # --- pytest run on a part of the tests (git/uncollected.py)
        ({"Makefile": _makefile(".venv/bin/python -m pytest tests/test_docs.py")}, "Makefile line 2: pytest run with"),
        ({"pyproject.toml": _addopts("tests/test_docs.py::test_x")}, "pyproject.toml: pytest's option tests/test_docs"),
        # --- a check's status dropped by the shell (git/status_dropped.py)
        (
            {"Makefile": _makefile(".venv/bin/python -m pytest || true")},
            f"Makefile line 2: a check run with '||' {DROP}",
        ),
        ({"Makefile": _makefile(".venv/bin/python -m pytest | tee log")}, "Makefile line 2: a check run with '|'"),
        ({"Makefile": _makefile("true || .venv/bin/python -m pytest")}, "Makefile line 2: a check run with '||'"),
        ({"Makefile": _makefile(".venv/bin/python -m pytest \\\n\t\t|| true")}, "Makefile line 2: a check run with"),
        ({".ci/run": f"{BASH}make test || true\n"}, ".ci/run line 3: a check run with '||'"),
        ({".ci/run": f"{BASH}bash -c 'make test' || true\n"}, ".ci/run line 3: a check run with '||'"),
        (  # by a name that holds the check: a make variable, a shell function
            {"Makefile": _makefile("$(TEST) || true", "TEST := .venv/bin/python -m pytest\n")},
            "Makefile line 3: a check run with '||'",
        ),
        ({".ci/run": f"{BASH}gate() {{\n    make test\n}}\ngate || true\n"}, ".ci/run line 6: a check run with '||'"),
        (
            {".ci/run": "#!/usr/bin/env bash\nset +e\nmake test\n.venv/bin/python benchmarks/bench.py --n 200\n"},
            ".ci/run line 3: a check run after `set +e` whose status the next line does not read",
        ),
        (
            {
                ".github/workflows/ci.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - run: make test | tee log\n"
            },
            ".github/workflows/ci.yml line 6: a check run with '|'",
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
        {  # the conftest's kind: a variable of the environment named as it is
            CONFTEST: "import os\n\nos.environ['TMPDIR'] = '/tmp'\nos.environ.update({'TZ': 'UTC'})\n"
        },
        {  # a test's own process, run optimised, and an assert of a comparison of tuples
            RULES: "import os\nimport subprocess\nimport sys\n\n\ndef test_optimised():\n"
            "    env = {**os.environ, 'PYTHONOPTIMIZE': '1'}\n"
            "    done = subprocess.run([sys.executable, '-O', '-c', 'assert False'], env=env)\n"
            "    assert (done.returncode, 1) == (0, 1)\n"
        },
        {"Makefile": "# never with -O or PYTHONOPTIMIZE\n" + _makefile(".venv/bin/python -W error -X dev -m pytest")},
        {  # a module's autouse fixture setting its tests' folder and environment up; a test's input named `fixture`
            RULES: f"{STRICT}@pytest.fixture(autouse=True)\ndef fresh(monkeypatch, tmp_path):\n"
            "    monkeypatch.chdir(tmp_path)\n    monkeypatch.setenv('TZ', 'UTC')\n\n\n"
            "def test_rules():\n    fixture = {'id': 1}\n    assert strict is not None and fixture\n"
        },
        {  # a test's own settings, over its own example; a trial's phases in a module using hypothesis
            RULES: "from hypothesis import Phase, example, given, settings, strategies\n\n\n"
            "@settings(phases=[Phase.explicit])\n@example(1)\n@given(strategies.integers())\ndef test_rules(n):\n"
            "    record = {'phases': []}\n    record.update(phases=['PHASE1'])\n    assert record and n == 1\n"
        },
        {CONFTEST: "from hypothesis import settings\n\nsettings.register_profile('repeatable', derandomize=True)\n"},
        {  # the repository's installs
            "Makefile": _makefile(
                ".venv/bin/python -m pip install --quiet -e '.[hooks,fetch,test]'",
                "stamp:\n\t.venv/bin/python -m pip install --quiet --upgrade pip\n\n",
            )
        },
        {  # the failed tests first, then the new: every test runs; the tests' folder itself
            "pyproject.toml": _addopts("--ff --nf"),
            "Makefile": _makefile(".venv/bin/python -m pytest -n 2 tests/"),
        },
        {  # a redirection, `&&` before a check (hunt 216: not after it), a status read after `set +e` and exited
            # with, another command's `||`
            ".ci/run": f"{BASH}set -euo pipefail\nmake test 2>&1\ncd . && .venv/bin/trials check > out.txt\nset +e\n"
            ".venv/bin/trials check --root x\nchecked=$?\nset -e\ngit diff --exit-code || { echo stale; exit 1; }\n"
            'git config merge.x.driver "$(BIN)/trials merge-csv %O %A %B %P" || exit 1\nexit "$checked"\n'
        },
    ],
)
def test_honest_neighbours_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


HELPER = "def check():\n    assert 1 == 2\n"
HELPED = "from h214_helper import check\n\n\ndef test_rules():\n    check()\n"
OPTIMISED = "import os\n\nos.environ['PYTHONOPTIMIZE'] = '1'\n"


def test_pytest_passes_a_failing_helper_under_workers_the_conftest_optimised(tmp_path: Path) -> None:
    """The mechanism: the conftest's variable reaches xdist's workers, which strip the helper's assert; alone (the
    first process, started before the conftest ran) the test fails."""
    modules = {"conftest.py": OPTIMISED, "h214_helper.py": HELPER, "test_h214_rules.py": HELPED}
    done = _pytest_run(tmp_path, modules, "-n", "2")
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout
    alone = _pytest_run(tmp_path, modules, "-p", "no:xdist")
    assert alone.returncode == 1, alone.stdout


def test_pytest_passes_a_failing_test_optimised_with_plain_asserts(tmp_path: Path) -> None:
    """The mechanism: with `--assert=plain` the test module's own assert is stripped too."""
    modules = {"conftest.py": OPTIMISED, "test_h214_rules.py": "def test_rules():\n    assert 1 == 2\n"}
    done = _pytest_run(tmp_path, modules, "-n", "2", "--assert=plain")
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


def test_pytest_passes_a_failing_assert_of_a_tuple(tmp_path: Path) -> None:
    done = _pytest_run(tmp_path, {"test_h214_rules.py": "def test_rules():\n    assert (1 == 2, 'one is two')\n"})
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout


def test_pytest_exits_0_over_failing_tests_their_modules_fixture_marked(tmp_path: Path) -> None:
    done = _pytest_run(tmp_path, {"test_h214_rules.py": f"import pytest\n\n\n{XFAIL}{FAILING}"}, "-p", "no:xdist")
    assert done.returncode == 0 and "1 xfailed" in done.stdout, done.stdout


def test_pytest_skips_a_failing_property_test_the_profile_draws_nothing_for(tmp_path: Path) -> None:
    test = "from hypothesis import given, strategies\n\n\n@given(strategies.integers())\ndef test_rules(n):\n"
    done = _pytest_run(tmp_path, {"conftest.py": PROFILE, "test_h214_rules.py": test + "    assert n != n\n"})
    assert done.returncode == 0 and "1 skipped" in done.stdout, done.stdout


# --- a distribution no review reads, required by pyproject.toml (git/installed.py: against the base branch's)
PYPROJECT = (REPO / "pyproject.toml").read_text("utf-8")
PYTEST = '    "pytest>=8,<10",\n'


def _requiring(old: str, new: str) -> str:
    assert old in PYPROJECT
    return PYPROJECT.replace(old, new, 1)


def _extracted_beside_the_settings(tmp_path: Path, pyproject: str) -> subprocess.CompletedProcess:
    """The extraction of a pull request changing pyproject.toml on a base branch that holds the repository's."""
    root = committed_with_code(tmp_path, "pyproject.toml", PYPROJECT)
    git_run(root, "checkout", "-q", "-b", "pr")
    put(root, "pyproject.toml", pyproject)
    pull_request_made(root)
    return extraction(root, "pr", tmp_path / "review")


@pytest.mark.parametrize(
    ("pyproject", "said"),
    [
        (_requiring(PYTEST, PYTEST + '    "pytest-lax>=1",\n'), "the requirement 'pytest-lax>=1', a distribution that"),
        (
            _requiring(PYTEST, PYTEST + '    "lax @ file:tests/fixtures/lax-1.0-py3-none-any.whl",\n'),
            "the requirement 'lax @ file:tests/fixtures/lax-1.0-py3-none-any.whl'",
        ),
        (
            _requiring(PYTEST, '    "pytest @ https://example.org/pytest-9.0-py3-none-any.whl",\n'),
            "a distribution by a direct reference the base does not give",
        ),
        (
            _requiring("[project]\n", '[project]\ndynamic = ["optional-dependencies"]\n'),
            "the project's optional-dependencies left dynamic",
        ),
    ],
)
def test_a_requirement_the_base_does_not_install_stops_the_extraction(
    tmp_path: Path, pyproject: str, said: str
) -> None:
    checked = _extracted_beside_the_settings(tmp_path, pyproject)
    assert checked.returncode == 2 and "trusted-check: pyproject.toml: " in checked.stderr, checked.stderr
    assert said in checked.stderr, checked.stderr


@pytest.mark.parametrize(
    "pyproject",
    [
        _requiring(PYTEST, '    "pytest>=8,<11",\n'),  # a version range changed
        _requiring(PYTEST, ""),  # a dependency removed
        _requiring("xlsx = [", 'sheets = ["openpyxl>=3.1,<4"]\nxlsx = ['),  # an extra of a distribution it has
    ],
)
def test_requirements_the_base_installs_pass(tmp_path: Path, pyproject: str) -> None:
    checked = _extracted_beside_the_settings(tmp_path, pyproject)
    assert checked.returncode == 0, checked.stderr


def test_pytest_runs_only_what_a_committed_cache_lists_as_failed(tmp_path: Path) -> None:
    """The mechanism: `--lf` and a committed cache naming the passing test deselect the failing one."""
    (tmp_path / ".pytest_cache" / "v" / "cache").mkdir(parents=True)
    (tmp_path / ".pytest_cache" / "v" / "cache" / "lastfailed").write_text('{"test_h214_rules.py::test_ok": true}')
    test = "def test_ok():\n    assert True\n\n\ndef test_rules():\n    assert 1 == 2\n"
    done = _pytest_run(tmp_path, {"test_h214_rules.py": test}, "-p", "no:xdist", "--lf", cache=True)
    assert done.returncode == 0 and "1 passed" in done.stdout and "failed" not in done.stdout, done.stdout


def test_pytest_shows_its_cache_and_runs_no_test(tmp_path: Path) -> None:
    done = _pytest_run(tmp_path, {"test_h214_rules.py": FAILING.lstrip()}, "-p", "no:xdist", "--cache-show", cache=True)
    assert done.returncode == 0 and "no tests ran" in done.stdout, done.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_passes_a_failing_suite_whose_status_the_recipe_drops(tmp_path: Path) -> None:
    (tmp_path / "test_h214_rules.py").write_text(FAILING.lstrip())
    recipe = f"{sys.executable} -m pytest -q -p no:cacheprovider -p no:xdist -p no:anyio || true"
    (tmp_path / "Makefile").write_text(_makefile(recipe))
    done = subprocess.run(["make", "-s", "test"], cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0 and "1 failed" in done.stdout, done.stdout
