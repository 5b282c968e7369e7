"""Attacks of a pull request on the trusted check and what its review shows, hunt 211.

- **Code in a branch mypy decides by its settings.** Hunt 209 refused code under TYPE_CHECKING or MYPY, and left a
  branch on `sys.version_info` or `sys.platform` as honest code (hunt 210: a strict xfail). mypy reads them as its
  settings give them (python_version 3.11, the platform it runs on) and `PY2`/`PY3` as Python 2 and 3, and checks
  no line of the branch it so takes as never run (tested: "Success" of defs returning a string where they declare a
  list under `sys.platform == 'darwin'` and under `PY2` with `PY2 = True`). CI's Python 3.11 on Linux runs the
  other branch; a reviewer's Python 3.12 (requires-python allows it), a Mac, or CI's next Python runs this one:
  `if sys.version_info >= (3, 12):` over such a def, `sys.version_info[1] >= 12`, `sys.platform.startswith('win')`,
  an `else:` after `sys.version_info < (3, 12)`, a function's own `if sys.platform == 'win32': return []`, and an
  `assert sys.version_info >= (3, 12)` (after which mypy checks nothing of the block), in a module of the checker,
  each passed (exit 0). Now a branch mypy takes as never run, at the version and platform of the tree's own
  pyproject.toml (or the running ones), may hold imports and values alone (git/version_branches.py:
  no_code_mypy_skips_by_its_settings, mypy's reachability rules mirrored); hunts 194's and 209's honest cases
  (`MODE = 'new'` / `MODE = 'old'`, a platform's separator in a conditional expression, which mypy checks both
  ways), a compat import, the branch mypy reads and a condition mypy cannot decide pass, and so do the tests.
- **pyproject.toml's settings exempting some of the code.** Hunt 209 refused a comment setting ruff or mypy for a
  whole module; hunt 210 left the same exemption written in pyproject.toml as "settings a review shows as
  settings". The review shows one line of settings and the module no sign of it: `[[tool.mypy.overrides]] module =
  ["sle_trials.checks.strict"] ignore_errors = true` had mypy say "Success" of the module's def returning a string
  where it declares a list, and ruff's per-file-ignores held a module with an unused import and name to no rule
  (both tested); each passed (exit 0), as did an override's `disable_error_code`, `follow_imports = "skip"` or
  `strict_optional = false`, mypy's `exclude`, `always_false` (`if STRICT:` read as never run), a plugin (Python
  mypy runs, whose hooks type what they like), `files` without the tests, and ruff's `extend-exclude`, `exclude`
  or `include` leaving out code and `extend` (its settings read from another file). Now refused
  (git/lint_settings.py: no_code_checks_narrowed); the repository's own settings (what ruff leaves out is the data
  and the tests' inputs, an override of a library's missing imports), an override making mypy stricter and settings
  for all code alike pass.
- **A committed module an ignore file names.** ruff walks the folders CI gives it (`ruff check .`, `ruff format
  --check .`) and leaves out what a `.gitignore` or an `.ignore` names, committed or not (tested): a pull request
  naming `scripts/sle_trials/checks/strict.py` in `.gitignore` (or `strict.py` in a `.gitignore` beside it,
  `checks/` in `.ignore`, `/scripts/**/s*.py`, a folder whose module `!` cannot take back), its module committed
  all the same and shown by git and the review as any other, passed (exit 0), and ruff held the module to no rule
  from then on, as `# ruff: noqa` in it would. Now a committed Python source that the tree's ignore files name, as
  gitignore(5) reads them, stops the extraction (git/ignored.py: no_code_ruff_ignores); the repository's own lines,
  a pattern taken back, a line at another folder's, a comment and the tests' inputs pass.
- **A test skipping on a program never found.** Hunt 210 refused a skip on a module no environment holds and left
  one on an executable's name one letter off, "the machine's": `pytestmark = pytest.mark.skipif(not
  shutil.which("gti"), reason="needs git")` over a module of failing tests skipped them in every run and pytest
  exited 0 (tested), and it passed (exit 0), as did `which("mak") is None` and a name built from constants. The
  review's job runs on CI's runner, whose programs the tests find: now a test's `shutil.which` of a program not
  found where the check runs stops the extraction, but the programs the tests do without outside CI (R, a browser:
  git/skipped.py, no_test_skipped_on_no_module); `git`, `make`, `Rscript`, a name given at run time and the
  package's own lookups pass.
- **The package patched for every test.** git/bound_elsewhere.py leaves the tests to patch the package, which they
  do on purpose, each test for itself; hunt 210 left an autouse fixture of the conftest patching the checker. But
  pytest imports every test module as it collects them, before any test runs: `strict.check = lambda record: []` at
  the top of `tests/test_notes.py` (or `setattr(strict, ...)`, `pytest.MonkeyPatch().setattr(...)`, by a dotted
  name too, or in a test class's body) had every test of the session check with it (tested: a test of a checker
  that finds nothing passed), and so did an autouse fixture of tests/conftest.py patching it; each passed (exit
  0). Now the tests' module-level code binds no name of the package, and a conftest's autouse fixture patches one
  only with a def of its own calling the original, as the repository's memo of the fingerprint does
  (git/patched_by_the_tests.py: no_package_patched_for_every_test); a test's own monkeypatch, a fixture a test asks
  for, a module reading the package and the conftest's settings of sys and tempfile pass.
- **The exit status set past what ran.** CI reads one number of each step. `atexit.register(os._exit, 0)` in
  tests/conftest.py had pytest print "1 failed" and exit 0, `pytest.exit("x", returncode=0)` in a hook ended the run
  with 0 before any test ran, `sys.exit(0)` in `pytest_sessionfinish` replaced a failed run's status, and bash's
  `trap 'exit 0' EXIT` after `set -e` stopped a script exited 0 (each tested); each passed (exit 0), as did
  `from os import _exit` in the package (once merged, `trials check` in the trusted check would exit 0 over every
  problem it prints), a trap calling a function that exits, a recipe's and a workflow step's trap. Now refused
  (git/exit_status.py: no_exit_status_forced, no_exit_in_a_trap); `raise SystemExit(main())`, an `atexit` that
  removes a folder, a trap that cleans up, a test's own `sys.exit` (pytest reports it as the test's failure) and a
  context manager's `__exit__` pass.
- **A failing step make or GitHub passes.** make goes on past a recipe line led by `-`, every line once `.IGNORE:`
  stands anywhere in the Makefile, and every line under `-i` (`make -si`, `MAKEFLAGS += -i`, MAKEFLAGS' first word
  of letters holding `i`), and exits 0 (tested); GitHub counts a step's `continue-on-error: true` failure a
  success. `-.venv/bin/python -m pytest` in the `test` recipe (one character), `.IGNORE:` at the Makefile's end,
  `make -si test` in .ci/run and such a step each passed (exit 0). Now refused (exit_status.no_failure_passed);
  a continued line's `-x`, `-include`, `+$(MAKE) -C docs -j2`, `make -s` and `continue-on-error: false` pass.
- **Tests excused around every test.** Hunt 210 refused the hooks that report another verdict than the run's;
  a hook that gives the verdict itself was left: `def pytest_runtest_setup(item): pytest.skip("slow")`,
  `item.add_marker(pytest.mark.xfail(...))` for each item of `pytest_collection_modifyitems` (or in
  `pytest_itemcollected`, by the mark's name too) and an autouse fixture's `pytest.xfail(...)` had a failing suite
  exit 0 ("1 xfailed", tested), and each passed (exit 0). Now a pytest hook of the tests, or an autouse fixture of
  tests/conftest.py, that skips or excuses a test stops the extraction (git/excused.py:
  no_test_excused_for_every_test); a hook adding another mark (the repository's `long`), a test's own marks and
  skip, and a fixture a test asks for pass.
- **A module given by a function imported from another module.** Hunt 210 read a source's own functions that
  return a module, and left one imported: `from sle_trials.outputs.helpers import pick` (helpers' `pick` returning
  strict), then `checks = pick()` and `checks.check = list` in `outputs/report.py`, passed (exit 0), as did a
  relative import in a function with `setattr(checks, ...)`, `helpers.pick()` and a helper returning
  `importlib.import_module(name)` given a built name. Now a source that binds an attribute of a name given the call
  of a function imported from the package has the function's module read for whether it returns a module
  (git/givers.py, once a module a tree; 13 look-ups in 10 modules for the repository's tree), and
  bound_elsewhere refuses the binding as one of the module's; an object a helper makes and a module only read
  pass. Left: a function that returns another module's giver's call (read one module deep).
- **pytest given an option by which it runs no test.** Hunt 210 refused the options by which pytest collects
  fewer tests (`--collect-only` among them), in addopts and in the commands of CI's files; `--setup-only`,
  `--setup-plan`, `--fixtures` (and `--markers`, `--version`, `--help`) have it run no test and exit 0 over a
  failing suite (tested), and in addopts, a recipe's `pytest --setup-plan` or `.ci/run`'s `pytest -V` each passed
  (exit 0). Now among the narrowing options (git/uncollected.py).
- **The loop hook.** Hunt 210 refused the hooks by which pytest runs a test otherwise (`pytest_pyfunc_call`, ...);
  `def pytest_runtestloop(session): return True` in the conftest has pytest run no test and exit 0 over a failing
  suite ("no tests ran", tested), and passed (exit 0). Now one of those hooks (git/uncollected.py).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    committed_with_code,
    extraction,
    git_run,
    passed_by_the_extraction,
    put,
    refused_by_the_trusted_check,
    trusted_check_once,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

STRICT = "scripts/sle_trials/checks/strict.py"

# --- Code in a branch mypy decides by its settings (git/version_branches.py; hunt 210's strict xfail)
RETURNS_A_STRING = "def check(record: dict) -> list[str]:\n    return 'E'\n"


def _under(condition: str, body: str = RETURNS_A_STRING, head: str = "import sys\n\n") -> str:
    return head + f"if {condition}:\n\n" + "".join(f"    {line}\n" if line else "\n" for line in body.splitlines())


NEVER_RUN = "code in a branch mypy takes as never run (at Python 3.11 on linux"
MYPY_311 = "[project]\nname = 'x'\n\n[tool.mypy]\npython_version = '3.11'\nplatform = 'linux'\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: _under("sys.version_info >= (3, 12)")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.version_info[:2] > (3, 11)")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.version_info[1] >= 12")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("(3, 12) <= sys.version_info")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("not sys.version_info < (3, 12)")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.version_info >= (3, 12) and True")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.platform == 'darwin'")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.platform.startswith('win')")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("sys.platform in ('darwin', 'win32')")}, f"{STRICT} line 5: {NEVER_RUN}"),
        ({STRICT: _under("PY2", head="PY2 = True\n")}, f"{STRICT} line 4: {NEVER_RUN}"),
        (
            {STRICT: _under("sys.version_info < (3, 12)", "MODE = 'old'") + "else:\n    MODE = sorted('new')\n"},
            f"{STRICT} line 7: {NEVER_RUN}",
        ),
        (
            {
                STRICT: _under("sys.version_info < (3, 11)", "MODE = 1")
                + "elif sys.platform == 'linux':\n    pass\n"
                + "else:\n    for x in []:\n        pass\n"
            },
            f"{STRICT} line 9: {NEVER_RUN}",
        ),
        (
            {STRICT: "import sys\n\n\ndef check(record):\n    if sys.platform == 'win32':\n        return []\n"},
            f"{STRICT} line 6: {NEVER_RUN}",
        ),
        (
            {STRICT: "import sys\n\nassert sys.version_info >= (3, 12)\nMODE = 1\n"},
            f"{STRICT} line 3: an assert mypy takes as always failing",
        ),
        # the settings are the tree's: python_version 3.12 has mypy skip what CI's 3.11 runs
        (
            {"pyproject.toml": MYPY_311.replace("3.11", "3.12"), STRICT: _under("sys.version_info < (3, 12)")},
            f"{STRICT} line 5: code in a branch mypy takes as never run (at Python 3.12 on linux",
        ),
    ],
)
def test_code_in_a_branch_mypy_decides_by_its_settings_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    changes = {"pyproject.toml": MYPY_311, **changes}
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        # hunts 194's and 209's honest cases: values and imports in either branch
        {STRICT: "import sys\n\nif sys.version_info >= (3, 12):\n    MODE = 'new'\nelse:\n    MODE = 'old'\n"},
        {STRICT: "import sys\n\nSEP = 'x' if sys.platform == 'win32' else '/'\n"},
        {STRICT: _under("sys.version_info >= (3, 12)", "from itertools import batched\nLIMITS: tuple = (1, -2)")},
        # the branch mypy reads may hold anything
        {STRICT: _under("sys.version_info < (3, 12)") + "else:\n    from itertools import batched\n"},
        {STRICT: _under("sys.platform == 'linux'")},
        {STRICT: _under("sys.version_info >= (3, 11)")},
        # what mypy cannot decide it reads both ways
        {STRICT: _under("sys.version_info >= (3, 12) or len(sys.argv) > 1")},
        {STRICT: _under("sys.version_info == (3, 12, 1)")},
        {STRICT: "def check(record):\n    if record.platform == 'web' and record.version_info:\n        return []\n"},
        {"tests/test_x.py": "import sys\n\nif sys.platform == 'win32':\n    def test_x():\n        pass\n"},
    ],
)
def test_code_in_a_branch_mypy_reads_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, {"pyproject.toml": MYPY_311, **changes})


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs mypy")
def test_mypy_reads_no_line_of_a_branch_it_decides_by_its_settings(tmp_path: Path) -> None:
    """The mechanism: at Python 3.11 on Linux, mypy says "Success" of defs returning a string where they declare a
    list, under a newer version, another platform and PY2 (a reviewer's Python 3.12 or macOS runs the first two,
    every Python the third)."""
    text = _under("sys.platform == 'darwin'") + _under("PY2", head="\nPY2 = True\n")
    (tmp_path / "h211_branches.py").write_text(text)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "/dev/null", "--python-version", "3.11"]
        + ["--platform", "linux", "h211_branches.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0 and "Success" in checked.stdout, checked.stdout


# --- pyproject.toml's settings by which ruff or mypy read less of some code (git/lint_settings.py)
PROJECT = "[project]\nname = 'x'\n\n"
OVERRIDE = "[[tool.mypy.overrides]]\nmodule = ['sle_trials.checks.strict']\n"
MODULE = "scripts/sle_trials/checks/strict.py"
CHECKS_LESS = "by which it checks less of some code than of the rest"


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        (
            OVERRIDE + "ignore_errors = true\n",
            f"mypy's `ignore_errors = True` in [[tool.mypy.overrides]] number 1, {CHECKS_LESS}",
        ),
        (OVERRIDE + "disable_error_code = ['return-value']\n", "mypy's `disable_error_code = ['return-value']`"),
        (OVERRIDE + "follow_imports = 'skip'\n", "mypy's `follow_imports = skip` in [[tool.mypy.overrides]]"),
        (OVERRIDE + "check_untyped_defs = false\n", "mypy's `check_untyped_defs = False`"),
        (OVERRIDE + "strict_optional = false\n", "mypy's `strict_optional = False`"),
        ("[tool.mypy]\nexclude = ['checks/strict']\n", "mypy's `exclude = ['checks/strict']` in [tool.mypy]"),
        ("[tool.mypy]\nalways_false = ['STRICT']\n", "mypy's `always_false = ['STRICT']` in [tool.mypy]"),
        ("[tool.mypy]\nplugins = ['tests/typing_plugin.py']\n", "mypy's `plugins = ['tests/typing_plugin.py']`"),
        ("[tool.mypy]\ndisable_error_code = 'return-value'\n", "mypy's `disable_error_code = return-value`"),
        ("[tool.mypy]\nfiles = ['scripts/sle_trials', 'benchmarks']\n", "mypy's `files` without tests/"),
        (
            "[tool.mypy]\nfiles = ['scripts/sle_trials/git', 'tests', 'benchmarks']\n",
            "mypy's `files` without scripts/sle_trials/",
        ),
        (
            f"[tool.ruff.lint.per-file-ignores]\n'{MODULE}' = ['F']\n",
            f"ruff's `lint.per-file-ignores` leaving out '{MODULE}'",
        ),
        ("[tool.ruff]\nextend-exclude = ['seeds', 'scripts/sle_trials/checks']\n", "ruff's `extend-exclude` leaving"),
        ("[tool.ruff.format]\nexclude = ['scripts/*']\n", "ruff's `format.exclude` leaving out 'scripts/*'"),
        ("[tool.ruff.lint]\nexclude = ['tests/fixtures/../../scripts']\n", "ruff's `lint.exclude` leaving out"),
        ("[tool.ruff]\ninclude = ['scripts/**/*.py']\n", "ruff's `include` leaving out 'scripts/**/*.py'"),
        ("[tool.ruff]\nextend = 'docs/ruff.toml'\n", "ruff's `extend = 'docs/ruff.toml'`, by which it reads"),
    ],
)
def test_settings_by_which_ruff_or_mypy_read_less_of_some_code_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, settings: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {"pyproject.toml": PROJECT + settings}, f"pyproject.toml: {said}")


@pytest.mark.parametrize(
    "settings",
    [
        # the repository's own: what ruff leaves out is no code, an override reads a library's missing types
        "[tool.ruff]\nline-length = 120\nextend-exclude = ['seeds', 'tests/hostile', 'tests/fixtures']\n\n"
        "[tool.ruff.lint]\nselect = ['E', 'F']\nignore = ['B905']\n\n"
        "[tool.mypy]\nfiles = ['scripts/sle_trials', 'tests', 'benchmarks']\npython_version = '3.11'\n"
        "check_untyped_defs = true\n\n[[tool.mypy.overrides]]\nmodule = ['pandas.*']\nignore_missing_imports = true\n",
        "[tool.mypy]\nfiles = ['.']\nfollow_imports = 'normal'\n\n" + OVERRIDE + "disallow_untyped_defs = true\n",
        "[tool.ruff.lint.per-file-ignores]\n'tests/fixtures/*.py' = ['F401']\n",
        "[tool.ruff]\nextend-include = ['*.pyw']\n",
    ],
)
def test_settings_for_all_code_alike_pass(tmp_path: Path, settings: str) -> None:
    passed_by_the_extraction(tmp_path, {"pyproject.toml": PROJECT + settings})


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs mypy")
def test_mypy_checks_nothing_of_a_module_an_override_exempts(tmp_path: Path) -> None:
    """The mechanism: one override in pyproject.toml, and mypy says "Success" of a def returning a string where it
    declares a list (as `# mypy: ignore-errors` in the module, which hunt 209 refused)."""
    (tmp_path / "h211_strict.py").write_text(RETURNS_A_STRING)
    (tmp_path / "pyproject.toml").write_text(
        "[tool.mypy]\nfiles = ['h211_strict.py']\n\n[[tool.mypy.overrides]]\nmodule = ['h211_strict']\n"
        "ignore_errors = true\n"
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0 and "Success" in checked.stdout, checked.stdout


@pytest.mark.skipif(not (Path(sys.executable).parent / "ruff").exists(), reason="needs ruff")
def test_ruff_holds_a_module_per_file_ignores_name_to_no_rule(tmp_path: Path) -> None:
    """The mechanism: a module's unused import and unused name are found, until pyproject.toml's per-file-ignores
    names the module (as `# ruff: noqa` in it would, which hunt 209 refused)."""
    (tmp_path / "h211_strict.py").write_text("import os\n\n\ndef check(record):\n    found = record\n    return []\n")
    settings = "[tool.ruff.lint]\nselect = ['F']\n"
    ruff = [str(Path(sys.executable).parent / "ruff"), "check", "--no-cache", "."]
    for exempt, status in (("", 1), ("\n[tool.ruff.lint.per-file-ignores]\n'h211_strict.py' = ['F']\n", 0)):
        (tmp_path / "pyproject.toml").write_text(settings + exempt)
        checked = subprocess.run(ruff, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert checked.returncode == status, checked.stdout


# --- A committed module an ignore file names, which ruff's walk leaves out (git/ignored.py)
IGNORED = f"{MODULE}: a committed Python source that an ignore file of the tree names"
CHECK_DEF = "def check(record):\n    return []\n"


def _ignoring(tmp_path: Path, ignores: dict[str, str], module: str = MODULE) -> Path:
    """A branch `pr` (as conftest's pull_request_beside_a_makefile) committing module, then ignore files naming it
    (`git add -A` leaves out what they name: a module committed before, or added with `-f`)."""
    root = committed_with_code(tmp_path, "Makefile", "test:\n\t.venv/bin/python -m pytest\n")
    git_run(root, "checkout", "-q", "-b", "pr")
    put(root, module, CHECK_DEF)
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "module")
    for path, text in ignores.items():
        put(root, path, (".venv\n" if path == ".gitignore" else "") + text)
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "ignored")
    git_run(root, "checkout", "-q", "main")
    return root


@pytest.mark.parametrize(
    ("ignores", "module"),
    [
        ({".gitignore": f"{MODULE}\n"}, MODULE),
        ({"scripts/sle_trials/checks/.gitignore": "strict.py\n"}, MODULE),
        ({".ignore": "checks/\n"}, MODULE),
        ({".gitignore": "/scripts/**/s*.py\n"}, MODULE),
        ({".gitignore": "scripts/sle_trials/checks/\n!scripts/sle_trials/checks/strict.py\n"}, MODULE),
        ({".gitignore": "str[a-z]ct.py  \n"}, MODULE),
        ({"tests/.gitignore": "test_*\n"}, "tests/test_rules.py"),
    ],
)
def test_a_committed_module_an_ignore_file_names_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, ignores: dict[str, str], module: str
) -> None:
    checked = trusted_check_once(request, _ignoring(tmp_path, ignores, module), "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    said = f"trusted-check: {module}: a committed Python source that an ignore file of the tree names"
    assert said in checked.stderr, checked.stderr


@pytest.mark.parametrize(
    "ignores",
    [
        # the repository's own lines: nothing committed matches them
        {".gitignore": "__pycache__/\n*.egg-info/\nbuild/\n/trials.json\n.*.tmp\n/.trials-import-*/\n"},
        {".gitignore": "*.py\n!*.py\n"},  # taken back
        {".gitignore": "/strict.py\n# scripts/sle_trials/checks/strict.py\n"},  # at the top alone, and a comment
        {"docs/.gitignore": "*.py\n"},  # another folder's
        {".gitignore": "tests/fixtures/\n"},  # what ruff leaves out anyway
        {".gitignore": "!\n/\n"},  # lines that match nothing (pathspec refuses a lone "!": skipped, as git does)
    ],
)
def test_an_ignore_file_naming_no_committed_module_passes(tmp_path: Path, ignores: dict[str, str]) -> None:
    checked = extraction(_ignoring(tmp_path, ignores), "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.skipif(not (Path(sys.executable).parent / "ruff").exists(), reason="needs ruff")
def test_ruff_never_reads_a_committed_module_an_ignore_file_names(tmp_path: Path) -> None:
    """The mechanism: in a git work tree, ruff finds the committed module's unused import and its format, and once
    `.gitignore` names it (committed all the same), reads it no more, neither to lint nor to check its format."""
    (tmp_path / "h211_strict.py").write_text("import os\n\n\n\n\nx=1\n")
    (tmp_path / "pyproject.toml").write_text("[tool.ruff.lint]\nselect = ['F']\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True, timeout=60)
    ruff = str(Path(sys.executable).parent / "ruff")
    for ignore, status in (("", 1), ("h211_strict.py\n", 0)):
        (tmp_path / ".gitignore").write_text(ignore)
        subprocess.run([*git, "add", "-f", "."], cwd=tmp_path, check=True, timeout=60)
        for command in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
            checked = subprocess.run([ruff, *command], cwd=tmp_path, capture_output=True, text=True, timeout=120)
            assert checked.returncode == status, (command, checked.stdout)


# --- A test skipping on a program not found where the check runs (git/skipped.py)
GTI = (
    "import shutil\n\nimport pytest\n\npytestmark = pytest.mark.skipif(not shutil.which('gti'), reason='needs git')"
    "\n\n\n"
)
FAILING = "def test_the_rules_hold():\n    assert False\n"
LOOKING_UP = "a test looking up the program"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"tests/test_rules.py": GTI + FAILING}, f"tests/test_rules.py line 5: {LOOKING_UP} 'gti', which is not found"),
        (
            {
                "tests/test_rules.py": "from shutil import which\n\n\ndef test_made():\n    if which('mak') is None:\n"
                "        return\n    assert False\n"
            },
            f"tests/test_rules.py line 5: {LOOKING_UP} 'mak'",
        ),
        (
            {"tests/helpers.py": "import shutil\n\nGIT = 'g' + 'it-h211'\nFOUND = shutil.which(GIT)\n"},
            f"tests/helpers.py line 4: {LOOKING_UP} 'git-h211'",
        ),
    ],
)
def test_a_test_skipping_on_a_program_never_found_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"tests/test_rules.py": GTI.replace("'gti'", "'git'") + FAILING},
        {"tests/test_rules.py": "import shutil\n\nR = shutil.which('Rscript') or shutil.which('make')\n"},
        {"tests/test_rules.py": "import shutil\n\n\ndef found(program):\n    return shutil.which(program)\n"},
        {STRICT: "import shutil\n\nEDITOR = shutil.which('an-editor-h211')\n"},  # the package's, not a test's skip
    ],
)
def test_a_test_skipping_on_a_program_found_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_skips_a_test_on_a_program_never_found_and_passes(tmp_path: Path) -> None:
    """The mechanism: the module's failing test is skipped, and pytest exits 0."""
    (tmp_path / "test_h211_rules.py").write_text(GTI + FAILING)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"]
        + ["test_h211_rules.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "1 skipped" in done.stdout, done.stdout


# --- The package patched by the tests' code that runs for every test (git/patched_by_the_tests.py)
IMPORT_STRICT = "import pytest\n\nfrom sle_trials.checks import strict\n\n"
AS_COLLECTED = "in a test module's code run as pytest collects it, for every test"
FIXTURE = "@pytest.fixture(autouse=True)\ndef lax(monkeypatch):\n"
NOTES = "tests/test_notes.py"
CONFTEST = "tests/conftest.py"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({NOTES: IMPORT_STRICT + "strict.check = lambda record: []\n"}, f"{NOTES} line 5: `strict.check` binds"),
        ({NOTES: IMPORT_STRICT + "setattr(strict, 'check', list)\n"}, f"{NOTES} line 5: setattr() on an imported"),
        ({NOTES: IMPORT_STRICT + "class TestNotes:\n    strict.check = list\n"}, f"{NOTES} line 6: `strict.check`"),
        (
            {NOTES: IMPORT_STRICT + "pytest.MonkeyPatch().setattr(strict, 'check', list)\n"},
            f"{NOTES} line 5: a name of the package patched as pytest collects the tests, for every test",
        ),
        (
            {NOTES: "import pytest\n\npytest.MonkeyPatch().setattr('sle_trials.checks.strict.check', list)\n"},
            f"{NOTES} line 3: a name of the package patched as pytest collects",
        ),
        (
            {CONFTEST: IMPORT_STRICT + FIXTURE + "    monkeypatch.setattr(strict, 'check', lambda record: [])\n"},
            f"{CONFTEST} line 7: an autouse fixture (lax) patching a name of the package for every test",
        ),
        (
            {
                CONFTEST: "import pytest\n\n" + FIXTURE + "    from sle_trials.checks import strict\n\n"
                "    monkeypatch.setattr(strict, 'check', list)\n"
            },
            f"{CONFTEST} line 7: an autouse fixture (lax)",
        ),
        (
            {CONFTEST: IMPORT_STRICT + FIXTURE + "    strict.check = list\n"},
            f"{CONFTEST} line 7: `strict.check` binds a name of an imported module",
        ),
    ],
)
def test_the_package_patched_for_every_test_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


MEMO = (
    "    check = strict.check\n\n    def remembered(record):\n        return list(check(record))\n\n"
    "    monkeypatch.setattr(strict, 'check', remembered)\n"
)


@pytest.mark.parametrize(
    "changes",
    [
        # a test's own patch, undone as it ends, and a fixture a test asks for
        {NOTES: IMPORT_STRICT + "def test_notes(monkeypatch):\n    monkeypatch.setattr(strict, 'check', list)\n"},
        {CONFTEST: IMPORT_STRICT + "@pytest.fixture\ndef lax(monkeypatch):\n    strict.check = list\n"},
        # the repository's conftest: a memo of the original, in an autouse fixture
        {CONFTEST: IMPORT_STRICT + FIXTURE + MEMO},
        # what a module reads of the package, and its settings of the standard library's
        {NOTES: IMPORT_STRICT + "CHECK = strict.check\nNAMES = [strict.__name__]\n"},
        {CONFTEST: "import sys\nimport tempfile\n\nsys.setrecursionlimit(5000)\ntempfile.tempdir = '/tmp'\n"},
    ],
)
def test_the_package_patched_within_a_test_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_a_modules_patch_as_collected_holds_for_every_test(tmp_path: Path) -> None:
    """The mechanism: a checker that finds nothing fails its test, until another test module, as pytest collects
    it, binds its `check` to one that finds what the test asks."""
    (tmp_path / "h211_rules.py").write_text("def check(record):\n    return []\n")
    (tmp_path / "test_h211_rules.py").write_text(
        "import h211_rules\n\n\ndef test_a_bad_record_is_found():\n    assert h211_rules.check('bad') == ['E1']\n"
    )
    pytest_run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"]
    for notes, verdict in (("", "1 failed"), ("h211_rules.check = lambda record: ['E1']\n", "1 passed")):
        (tmp_path / "test_h211_notes.py").write_text("import h211_rules\n\n" + notes)
        done = subprocess.run(pytest_run, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert verdict in done.stdout, done.stdout


# --- Code that sets the process's exit status past what ran (git/exit_status.py)
PAST = "CI reads that status as the step's verdict"
SCRIPT = "#!/usr/bin/env bash\nset -euo pipefail\n"
ENDED = "import pytest\n\n\ndef pytest_collection_finish(session):\n    pytest.exit('x', returncode=0)\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: "import atexit\nimport os\n\natexit.register(os._exit, 0)\n"},
            f"{CONFTEST} line 4: os._exit(), which ends the process with the status it is given",
        ),
        (
            {"scripts/sle_trials/__init__.py": "from os import _exit\n"},
            "scripts/sle_trials/__init__.py line 1: os._exit",
        ),
        ({MODULE: "import posix\n\n\ndef done():\n    posix._exit(0)\n"}, f"{MODULE} line 5: os._exit()"),
        (
            {CONFTEST: ENDED},
            f"{CONFTEST} line 5: pytest.exit(), which ends the run with the status it is given",
        ),
        (
            {CONFTEST: "import sys\n\n\ndef pytest_sessionfinish(session, exitstatus):\n    sys.exit(0)\n"},
            f"{CONFTEST} line 5: exit() in a pytest hook",
        ),
        (
            {"tests/helpers.py": "def pytest_unconfigure(config):\n    raise SystemExit(0)\n"},
            "tests/helpers.py line 2: SystemExit raised in a pytest hook",
        ),
        ({".ci/run": SCRIPT + "trap 'exit 0' EXIT\nmake test\n"}, ".ci/run line 3: a trap whose action exits"),
        (
            {".ci/run": SCRIPT + "passed() {\n  exit 0\n}\ntrap passed ERR EXIT\nmake test\n"},
            ".ci/run line 6: a trap whose action exits (`trap passed ERR EXIT`)",
        ),
        ({"Makefile": "test:\n\ttrap 'exit 0' EXIT; .venv/bin/python -m pytest\n"}, "Makefile line 2: a trap whose"),
        (
            {".github/workflows/x.yml": "jobs:\n  a:\n    steps:\n      - run: trap 'exit 0' EXIT; make test\n"},
            ".github/workflows/x.yml line 4: a trap whose action exits",
        ),
    ],
)
def test_code_setting_the_exit_status_past_what_ran_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        # the repository's: a script's end, a folder removed at exit, a cleanup trap
        {MODULE: "def main():\n    return 0\n\n\nif __name__ == '__main__':\n    raise SystemExit(main())\n"},
        {"tests/helpers.py": "import atexit\nimport shutil\n\natexit.register(shutil.rmtree, '/tmp/x', True)\n"},
        {".ci/run": SCRIPT + "tmp=$(mktemp -d)\ntrap 'rm -rf \"$tmp\"' EXIT\nmake test\n"},
        {".ci/run": SCRIPT + "# trap 'exit 0' EXIT would hide a failure\nmake test\n"},
        # a test's own exit, which pytest reports as its failure, and a context manager's __exit__
        {"tests/test_cli.py": "import sys\n\n\ndef test_exits():\n    sys.exit(3)\n"},
        {MODULE: "class Held:\n    def __exit__(self, *exc):\n        return None\n"},
    ],
)
def test_code_ending_with_its_own_status_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.parametrize(
    ("conftest", "ran"),
    [
        ("import atexit\nimport os\n\natexit.register(os._exit, 0)\n", "1 failed"),
        ("import sys\n\n\ndef pytest_sessionfinish(session, exitstatus):\n    sys.exit(0)\n", "F"),  # no summary
        (
            "import pytest\n\n\ndef pytest_collection_finish(session):\n    pytest.exit('x', returncode=0)\n",
            "no tests ran",
        ),
    ],
)
def test_pytest_exits_0_over_a_failing_test(tmp_path: Path, conftest: str, ran: str) -> None:
    """The mechanism: the suite's one test fails (or never runs), and pytest's process exits 0."""
    (tmp_path / "test_h211_fails.py").write_text(FAILING)
    (tmp_path / "conftest.py").write_text(conftest)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and ran in done.stdout, done.stdout


def test_bash_exits_0_by_a_trap_after_set_e_stopped_it(tmp_path: Path) -> None:
    """The mechanism: `set -e` stops the script at `false`, and the EXIT trap's `exit 0` is its status."""
    (tmp_path / "run").write_text(SCRIPT + "trap 'exit 0' EXIT\nfalse\necho never\n")
    done = subprocess.run(["bash", str(tmp_path / "run")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "never" not in done.stdout, done


# --- A failing step make or GitHub goes past to a success (git/exit_status.py: no_failure_passed)
PYTEST_STEP = ".venv/bin/python -m pytest"
WORKFLOW = ".github/workflows/x.yml"
STEP = "jobs:\n  a:\n    steps:\n      - run: make test\n        continue-on-error: "


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"Makefile": f"test:\n\t-{PYTEST_STEP}\n"}, "Makefile line 2: a recipe line led by `-`, whose failure make"),
        ({"Makefile": f"test:\n\t@ -{PYTEST_STEP}\n"}, "Makefile line 2: a recipe line led by `-`"),
        ({"Makefile": f"test:\n\t{PYTEST_STEP}\n\n.IGNORE:\n"}, "Makefile line 4: the target .IGNORE"),
        ({"Makefile": f"MAKEFLAGS += -i\ntest:\n\t{PYTEST_STEP}\n"}, "Makefile line 1: MAKEFLAGS given -i"),
        ({"Makefile": f"MAKEFLAGS += ki\ntest:\n\t{PYTEST_STEP}\n"}, "Makefile line 1: MAKEFLAGS given -i"),
        ({".ci/run": SCRIPT + "make -si test\n"}, ".ci/run line 3: make run with -i"),
        ({".ci/run": SCRIPT + "MAKEFLAGS=--ignore-errors make test\n"}, ".ci/run line 3: MAKEFLAGS given -i"),
        (
            {WORKFLOW: STEP + "true\n"},
            ".github/workflows/x.yml line 5: `continue-on-error`",
        ),
    ],
)
def test_a_failing_step_passed_by_make_or_github_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": f"test:\n\t{PYTEST_STEP} \\\n\t\t-x -q\n\n-include local.mk\n"},  # an option, an optional include
        {"Makefile": f"test:\n\t@{PYTEST_STEP}\n\t+$(MAKE) -C docs -j2 html\n"},
        {".ci/run": SCRIPT + "make -s check test\n"},
        {WORKFLOW: STEP + "false\n"},
    ],
)
def test_every_failing_step_failing_the_run_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.parametrize(
    "makefile", ["test:\n\t-false\n", "test:\n\tfalse\n\n.IGNORE:\n", "MAKEFLAGS += -i\ntest:\n\tfalse\n"]
)
def test_make_exits_0_past_a_failing_step(tmp_path: Path, makefile: str) -> None:
    """The mechanism: the recipe's one step fails, and make exits 0."""
    (tmp_path / "Makefile").write_text(makefile)
    done = subprocess.run(["make", "-s", "test"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done


# --- Tests skipped or excused by the code that runs around every test (git/excused.py)
AROUND = "which runs around every test"
MODIFY_ITEMS = "import pytest\n\n\ndef pytest_collection_modifyitems(items):\n    for item in items:\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {CONFTEST: "import pytest\n\n\ndef pytest_runtest_setup(item):\n    pytest.skip('slow')\n"},
            f"{CONFTEST} line 5: pytest.skip() in pytest_runtest_setup, {AROUND}",
        ),
        (
            {CONFTEST: MODIFY_ITEMS + "        item.add_marker(pytest.mark.xfail(reason='flaky'))\n"},
            f"{CONFTEST} line 6: add_marker() of a mark xfail in pytest_collection_modifyitems",
        ),
        (
            {"tests/helpers.py": "def pytest_itemcollected(item):\n    item.add_marker('skip')\n"},
            "tests/helpers.py line 2: add_marker() of a mark skip in pytest_itemcollected",
        ),
        (
            {CONFTEST: "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef env():\n    pytest.xfail('needs env')\n"},
            f"{CONFTEST} line 6: pytest.xfail() in env, {AROUND}",
        ),
    ],
)
def test_tests_excused_around_every_test_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {CONFTEST: MODIFY_ITEMS + "        item.add_marker(pytest.mark.long)\n"},  # the repository's kind of mark
        {  # (a condition false where CI runs: hunt 216 refuses one true there, `skipif(True)` too)
            NOTES: "import sys\n\nimport pytest\n\n\n@pytest.mark.skipif(sys.platform == 'win32', reason='x')\n"
            "def test_x():\n    pytest.skip('y')\n"
        },
        {CONFTEST: "import pytest\n\n\n@pytest.fixture\ndef needs_r():\n    pytest.skip('no R')\n"},  # asked for
    ],
)
def test_tests_marked_themselves_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_exits_0_over_tests_a_hook_excuses(tmp_path: Path) -> None:
    """The mechanism: the suite's failing test is marked xfail by the hook, and pytest exits 0."""
    (tmp_path / "test_h211_fails.py").write_text(FAILING)
    (tmp_path / "conftest.py").write_text(MODIFY_ITEMS + "        item.add_marker(pytest.mark.xfail)\n")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "1 xfailed" in done.stdout, done.stdout


# --- A module given by a function imported from another module of the package (git/givers.py)
HELPERS = "scripts/sle_trials/outputs/helpers.py"
REPORT = "scripts/sle_trials/outputs/report.py"
PICK = "from sle_trials.checks import strict\n\n\ndef pick():\n    return strict\n"
BINDS = "binds a name of an imported module or class from here"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                HELPERS: PICK,
                REPORT: "from sle_trials.outputs.helpers import pick\n\nchecks = pick()\nchecks.check = list\n",
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: PICK,
                REPORT: "from .helpers import pick\n\n\ndef report():\n    checks = pick()\n"
                "    setattr(checks, 'check', list)\n",
            },
            f"{REPORT} line 6: setattr() on an imported module",
        ),
        (
            {
                HELPERS: PICK,
                REPORT: "from sle_trials.outputs import helpers\n\nchecks = helpers.pick()\nchecks.check = list\n",
            },
            f"{REPORT} line 4: `checks.check` {BINDS}",
        ),
        (
            {
                HELPERS: "import importlib\n\n\ndef fetch(name):\n    return importlib.import_module(name)\n",
                REPORT: "from ..outputs.helpers import fetch\n\nNAME = 'sle_trials.checks.' + 'strict'\n"
                "checks = fetch(NAME)\nchecks.check = list\n",
            },
            f"{REPORT} line 5: `checks.check` {BINDS}",
        ),
    ],
)
def test_a_module_given_by_an_imported_function_bound_from_elsewhere_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {
            HELPERS: "class Page:\n    title = ''\n\n\ndef page():\n    return Page()\n",
            REPORT: "from sle_trials.outputs.helpers import page\n\nmade = page()\nmade.title = 'x'\n",
        },
        {
            HELPERS: PICK,
            REPORT: "from sle_trials.outputs.helpers import pick\n\nchecks = pick()\nCHECK = checks.check\n",
        },
        {REPORT: "from sle_trials.outputs.missing import pick\n\nmade = pick()\nmade.title = 'x'\n"},  # no such module
    ],
)
def test_an_object_given_by_an_imported_function_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


# --- pytest given an option by which it runs no test (git/uncollected.py's narrowing options)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"pyproject.toml": PROJECT + "[tool.pytest.ini_options]\naddopts = '-ra --setup-only'\n"},
            "pyproject.toml: pytest's option --setup-only in addopts",
        ),
        (
            {"pyproject.toml": PROJECT + "[tool.pytest.ini_options]\naddopts = ['--fixtures']\n"},
            "pyproject.toml: pytest's option --fixtures",
        ),
        ({"Makefile": f"test:\n\t{PYTEST_STEP} --setup-plan tests\n"}, "Makefile line 2"),
        ({".ci/run": SCRIPT + "PYTEST='-q --markers' make test\n.venv/bin/python -m pytest -V\n"}, ".ci/run line 4"),
    ],
)
def test_pytest_given_an_option_that_runs_no_test_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize("option", ["--setup-only", "--setup-plan", "--fixtures"])
def test_pytest_exits_0_running_no_test_under_such_an_option(tmp_path: Path, option: str) -> None:
    """The mechanism: the suite's one test fails, and pytest, given the option, runs it not and exits 0."""
    (tmp_path / "test_h211_fails.py").write_text(FAILING)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio", option],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "failed" not in done.stdout, done.stdout


# --- A hook that runs no test (git/uncollected.py's outcome hooks)
def test_a_hook_that_runs_no_test_stops_the_extraction(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    said = f"{CONFTEST} line 1: the hook pytest_runtestloop, by which pytest runs a test otherwise"
    changes: dict[str, str | bytes] = {CONFTEST: "def pytest_runtestloop(session):\n    return True\n"}
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_pytest_runs_no_test_past_the_loop_hook(tmp_path: Path) -> None:
    """The mechanism: a failing suite, of which the loop hook returning True has pytest run none, exiting 0."""
    (tmp_path / "test_h211_hooked.py").write_text(FAILING)
    (tmp_path / "conftest.py").write_text("def pytest_runtestloop(session):\n    return True\n")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:anyio"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "no tests ran" in done.stdout, done.stdout
