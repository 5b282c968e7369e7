"""Attacks of a pull request on the trusted check and what its review shows, hunt 209.

- **A module's names bound through its namespace.** Hunt 206 refused a name of an imported module bound from
  another module (`strict.check = list`, `setattr(strict, "check", list)`, `del strict.check`), reading an
  attribute as the target; the same name bound as an item of the module's namespace is the same binding (tested:
  the module's `check` is then `list`): `strict.__dict__["check"] = list`, `vars(strict)["check"] = list`,
  `strict.__dict__.update(check=list)`, `operator.setitem(vars(strict), "check", list)`, and `object.__setattr__
  (strict, "check", list)` or `strict.__setattr__(...)`, each in a module of the package's outputs, passed (exit 0).
  So did the module bound to another name first (`checks = strict`, then `checks.check = list`, or `(checks :=
  strict).check = list`), and a module put in sys.modules in place of the checker's (`sys.modules["sle_trials.
  checks.strict"] = SimpleNamespace(check=list)`, `.update`, `.setdefault`, `del`), which every later import of
  that name gives (tested). Each is refused now (git/bound_elsewhere.py); a method's `self.__dict__["x"]`, a
  frozen dataclass's `object.__setattr__(self, ...)`, `vars(strict)` read or copied, and `sys.modules[__name__]`
  read pass.
- **A type stub beside a module.** mypy reads `strict.pyi` in place of `strict.py` beside it (or a stub of the
  module's name anywhere on its mypy_path) and checks the module's source no more: a stub of one line beside a
  module returning a string where it declares a list had mypy say "Success" (tested), and passed (exit 0), so
  every later change to the module was held to no type. A stub anywhere is refused now
  (code_files.no_type_stub); the repository holds none.
- **A tool's settings in a comment.** Hunt 192 refused a `ruff.toml` below the top, which holds the Python beside
  it to other rules than pyproject.toml's; a comment does the same for one file: ruff reads `# ruff: noqa` (or
  `# flake8: noqa`) on any line as the file exempt from every rule (tested), mypy `# mypy: ignore-errors`, and
  `# type: ignore` on a line of its own above the first statement, as the module unchecked (tested: "Success" of
  a module returning a string where it declares a list). Each, one comment added to a module of the checker's,
  passed (exit 0). Now refused (git/tool_comments.py); a comment exempting one line (`# noqa: E501`, `x = f()  #
  type: ignore[misc]`), `# type: ignore` below the first statement and the words in a string pass.
- **A branch mypy takes as never run.** mypy reads `TYPE_CHECKING` (and a name `MYPY`) as true, where Python
  reads it as false, and checks no line of the branch Python runs: `if TYPE_CHECKING:` over a typed stub of
  `check`, `else:` over the `check` Python runs (returning a string where a list is declared) had mypy say
  "Success" (tested), and passed (exit 0), as did `if not TYPE_CHECKING:`, an `assert` of it, `if MYPY:` and
  `@no_type_check` over a def (tested: mypy reads none of its lines). A branch on `sys.version_info` or
  `sys.platform`, which mypy reads as its settings say and the Python that runs the check may match, is honest
  code (hunt 194) and passes. Now refused in the code but the tests
  (tool_comments.no_code_mypy_skips); an `if TYPE_CHECKING:` of imports alone, as the repository writes, passes.
- **A test pytest never runs.** pytest collects no test of a module, a class or a function whose `__test__` is
  false, and says nothing; nor any of a test class with its own `__init__` (a warning in the summary alone).
  `__test__ = False` at the end of a test module of failing tests passed (exit 0), and pytest reported no failure
  (tested). Now refused in a test module (git/uncollected.py); a helper class with `__init__`, a test class
  without one and the word in a string pass.

Left (not refused): code that changes what a reviewer reads elsewhere but in the lines it is written on, and
shown there: a decorator that returns another function (`@gone` over `def check`), a class's `__init_subclass__`
or metaclass rebinding its subclasses' methods, a module's `__getattr__`; each is read where it stands, as hunt 207
left a runner reached by a name built from parts. So is a module reached through a call's value the rules do not
follow (`checks = pick(); checks.check = list`, where `pick` returns the module), and a name of a module's
namespace built from parts (`getattr(strict, "__di" + "ct__")`). A test module named as no module pytest collects
(`tests/tests_rules.py`) reads as a helper, as the repository's own helpers (`tests/counted.py`) are named.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check
from sle_trials.git.defined_twice import no_name_bound_twice
from sle_trials.git.refusal import Refused

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

# --- A module's names bound through its namespace (git/bound_elsewhere.py)
DOCS = "scripts/sle_trials/outputs/docs.py"
USES_STRICT = "from sle_trials.checks import strict\n\n"
BOUND = "binds a name of an imported module or class from here"
REPLACED = "a module put in (or taken out of) sys.modules"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({DOCS: USES_STRICT + "strict.__dict__['check'] = list\n"}, f"{DOCS} line 3: `strict.__dict__['check']`"),
        ({DOCS: USES_STRICT + "vars(strict)['check'] = list\n"}, f"{DOCS} line 3: `vars(strict)['check']` {BOUND}"),
        ({DOCS: USES_STRICT + "del vars(strict)['check']\n"}, f"{DOCS} line 3: `vars(strict)['check']` {BOUND}"),
        ({DOCS: USES_STRICT + "strict.__dict__.update(check=list)\n"}, f"{DOCS} line 3: `strict.__dict__.update"),
        ({DOCS: USES_STRICT + "vars(strict).setdefault('strict', False)\n"}, f"{DOCS} line 3: `vars(strict).setdef"),
        (
            {DOCS: "import operator\n\n" + USES_STRICT + "operator.setitem(vars(strict), 'check', list)\n"},
            f"{DOCS} line 5: `operator.setitem(vars(strict), 'check', list)` {BOUND}",
        ),
        (
            {DOCS: USES_STRICT + "object.__setattr__(strict, 'check', list)\n"},
            f"{DOCS} line 3: `object.__setattr__(strict, 'check', list)` {BOUND}",
        ),
        ({DOCS: USES_STRICT + "strict.__setattr__('check', list)\n"}, f"{DOCS} line 3: `strict.__setattr__("),
        ({DOCS: USES_STRICT + "checks = strict\nchecks.check = list\n"}, f"{DOCS} line 4: `checks.check` {BOUND}"),
        ({DOCS: USES_STRICT + "(checks := strict).check = list\n"}, f"{DOCS} line 3: `(checks := strict).check`"),
        (
            {DOCS: "import sys\nimport types\n\nsys.modules['sle_trials.checks.strict'] = types.SimpleNamespace()\n"},
            f"{DOCS} line 4: {REPLACED}",
        ),
        ({DOCS: "import sys\n\nsys.modules.update({'sle_trials.checks': None})\n"}, f"{DOCS} line 3: {REPLACED}"),
        ({DOCS: "import sys\n\nsys.modules.setdefault('sle_trials.checks.lax', sys)\n"}, f"{DOCS} line 3: {REPLACED}"),
        ({DOCS: "import sys\n\ndel sys.modules['sle_trials.checks.strict']\n"}, f"{DOCS} line 3: {REPLACED}"),
    ],
)
def test_a_name_bound_through_another_modules_namespace_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {DOCS: "class Page:\n    def __init__(self, title):\n        self.__dict__['title'] = title\n"},
        {
            DOCS: "from dataclasses import dataclass\n\n\n@dataclass(frozen=True)\nclass Page:\n    title: str\n\n"
            "    def __post_init__(self):\n        object.__setattr__(self, 'title', self.title.strip())\n"
        },
        {DOCS: USES_STRICT + "NAMES = dict(vars(strict))\nNAMES['check'] = list\nCHECK = strict.__dict__['check']\n"},
        {DOCS: "import sys\n\nTHIS = sys.modules[__name__]\nYAML = sys.modules.get('yaml')\n"},
        {DOCS: USES_STRICT + "checker = strict\nRESULT = checker.check\n"},
        {DOCS: "def fill(page):\n    page.__dict__.update(title='x')\n    vars(page)['body'] = ''\n"},
        {"tests/test_x.py": "import sys\n\n\ndef test_x(monkeypatch):\n    sys.modules['yaml'] = None\n"},
    ],
)
def test_a_module_binding_its_own_names_through_a_namespace_passes(
    tmp_path: Path, changes: dict[str, str | bytes]
) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.parametrize(
    "text",
    [
        USES_STRICT + "def f():\n    strict.__dict__['check'] = list\n",
        USES_STRICT + "def f():\n    type(strict).__setattr__(strict, 'check', list)\n",
        'import importlib\n\nvars(importlib.import_module("sle_trials.checks.strict"))["check"] = list\n',
        "import sys\n\n\ndef f():\n    sys.modules.__setitem__('sle_trials.checks.strict', None)\n",
    ],
)
def test_a_namespace_written_in_a_function_or_by_a_modules_name_is_refused(text: str) -> None:
    with pytest.raises(Refused, match="binds a name|sys.modules"):
        no_name_bound_twice(DOCS, text.encode())


def test_a_name_bound_in_a_modules_namespace_is_the_one_it_runs() -> None:
    """The mechanism: an item of a module's __dict__ is its name, and sys.modules gives what it holds."""
    strict = types.ModuleType("h209_strict")
    strict.check = lambda record: ["E501"]  # type: ignore[attr-defined]
    vars(strict)["check"] = list
    assert strict.check() == []
    sys.modules["h209_strict"] = types.SimpleNamespace(check=list)  # type: ignore[assignment]
    try:
        import h209_strict  # type: ignore[import-not-found]

        assert h209_strict.check() == []
    finally:
        del sys.modules["h209_strict"]


# --- A type stub beside a module (git/code_files.py)
STRICT = "scripts/sle_trials/checks/strict.py"
CHECK = "def check(record: dict) -> list[str]:\n    return 'E501'\n"
STUB = "def check(record: dict) -> list[str]: ...\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: CHECK, "scripts/sle_trials/checks/strict.pyi": STUB}, "scripts/sle_trials/checks/strict.pyi: a type"),
        ({"scripts/sle_trials/checks/STRICT.PYI": STUB}, "scripts/sle_trials/checks/STRICT.PYI: a type stub"),
        ({"tests/ruamel/yaml/__init__.pyi": "def load(text: str) -> dict: ...\n"}, "tests/ruamel/yaml/__init__.pyi"),
        ({"benchmarks/sle_trials/checks/strict.pyi": STUB}, "benchmarks/sle_trials/checks/strict.pyi: a type stub"),
    ],
)
def test_a_type_stub_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {STRICT: "def check(record: dict) -> list[str]:\n    return []\n"},
        {"docs/typing.md": "The package ships no `.pyi` stub.\n"},
        {"scripts/sle_trials/py.typed": ""},
    ],
)
def test_a_module_with_no_stub_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs mypy")
def test_mypy_checks_a_module_no_more_beside_its_stub(tmp_path: Path) -> None:
    """The mechanism: mypy finds the module's error, then, with a stub beside it, says "Success"."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "strict.py").write_text(CHECK)

    def mypy() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "/dev/null", "pkg"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert mypy().returncode == 1
    (tmp_path / "pkg" / "strict.pyi").write_text(STUB)
    checked = mypy()
    assert checked.returncode == 0 and "Success" in checked.stdout, checked.stdout


# --- A tool's settings in a comment (git/tool_comments.py)
RETURNS_A_STRING = 'def check(record: dict) -> list[str]:\n    return "E501"\n'
SAID = "which its tool reads as the settings of the whole file"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: "import os\n\n# ruff: noqa\n"}, f"{STRICT} line 3: `# ruff: noqa`, {SAID}"),
        ({STRICT: "# ruff: noqa: F401, E501\nimport os\n"}, f"{STRICT} line 1: `# ruff: noqa: F401, E501`"),
        ({STRICT: "import os\n\n#flake8:NOQA\n"}, f"{STRICT} line 3: `#flake8:NOQA`, {SAID}"),
        ({STRICT: "import os\n# unused, see # ruff: noqa\n"}, f"{STRICT} line 2: `# unused, see # ruff: noqa`"),
        ({STRICT: '"""Rules."""\n\n# mypy: ignore-errors\n' + RETURNS_A_STRING}, f"{STRICT} line 3: `# mypy: ignore"),
        ({STRICT: '# mypy: disable-error-code="return-value"\n' + RETURNS_A_STRING}, f"{STRICT} line 1: `# mypy:"),
        ({STRICT: '# type: ignore\n"""Rules."""\n' + RETURNS_A_STRING}, f"{STRICT} line 1: `# type: ignore`, {SAID}"),
        ({"tests/test_x.py": "# isort: skip_file\nimport sys\nimport os\n"}, "tests/test_x.py line 1: `# isort: skip"),
        ({".ci/tool": "#!/usr/bin/env python3\n# type: ignore\nprint(1)\n"}, ".ci/tool line 2: `# type: ignore`"),
    ],
)
def test_a_tools_settings_in_a_comment_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {STRICT: "import os  # noqa: F401\n\nX = os.sep  # type: ignore[misc]\n"},
        {STRICT: '"""Rules."""\n\n# type: ignore\nX = 1\n'},  # below the first statement: no module's
        {STRICT: 'NOTE = "# ruff: noqa is never written"\n# the noqa comments exempt one line each\n'},
        {"docs/style.md": "Never write `# ruff: noqa` or `# mypy: ignore-errors`.\n"},
    ],
)
def test_a_comment_exempting_one_line_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs mypy")
@pytest.mark.parametrize("comment", ["# type: ignore\n", "# mypy: ignore-errors\n"])
def test_mypy_checks_a_module_no_more_under_a_comment(tmp_path: Path, comment: str) -> None:
    """The mechanism: one comment at the top and mypy says "Success" of a module it finds wrong without it."""
    (tmp_path / "strict.py").write_text(comment + RETURNS_A_STRING)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "/dev/null", "strict.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0 and "Success" in checked.stdout, checked.stdout
    (tmp_path / "strict.py").write_text(RETURNS_A_STRING)
    assert (
        subprocess.run(
            [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "/dev/null", "strict.py"],
            cwd=tmp_path,
            capture_output=True,
            timeout=300,
        ).returncode
        == 1
    )


# --- A branch mypy takes as never run (git/tool_comments.py)
TYPED = "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n\n    def check(record: dict) -> list[str]: ...\n\n"
SKIPPED = "code under a condition mypy takes as true and Python as false"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: TYPED + "else:\n\n" + "    " + RETURNS_A_STRING.replace("\n    ", "\n        ")}, f"{STRICT} line 3"),
        ({STRICT: "import typing\n\nif not typing.TYPE_CHECKING:\n    MODE = 'lax'\n"}, f"{STRICT} line 3: {SKIPPED}"),
        (
            {STRICT: "from typing import TYPE_CHECKING\n\nMODE = 'strict' if TYPE_CHECKING else 'lax'\n"},
            f"{STRICT} line 3",
        ),
        ({STRICT: "import typing\n\nassert not typing.TYPE_CHECKING\nMODE = 1\n"}, f"{STRICT} line 3: {SKIPPED}"),
        ({STRICT: TYPED}, f"{STRICT} line 3: {SKIPPED}"),  # a def under TYPE_CHECKING: mypy's alone
        ({STRICT: "MYPY = False\nif MYPY:\n    X = 1\nelse:\n    X = 'x'\n"}, f"{STRICT} line 2: {SKIPPED}"),
        (
            {STRICT: "import typing\n\n\n@typing.no_type_check\n" + RETURNS_A_STRING},
            f"{STRICT} line 5: @no_type_check, under which mypy checks no line of check",
        ),
    ],
)
def test_a_branch_mypy_takes_as_never_run_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {STRICT: "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from sle_trials import load\n"},
        {STRICT: "import typing\n\nif typing.TYPE_CHECKING:\n    import sqlite3\n"},
        # mypy reads these as its settings say, which the Python that runs the check may match (hunt 194's honest case)
        {STRICT: "import sys\n\nif sys.version_info >= (3, 12):\n    MODE = 'new'\nelse:\n    MODE = 'old'\n"},
        {STRICT: "import sys\n\nSEP = 'x' if sys.platform == 'win32' else '/'\n"},
        {"tests/test_x.py": "import sys\n\nif sys.platform == 'win32':\n    NAMES = []\n"},  # the tests' cases
        {STRICT: "def check(record):\n    return [] if record.get('platform') else ['E1']\n"},
        {STRICT: "def check(record):\n    if record.platform == 'web' and record.version_info:\n        return []\n"},
    ],
)
def test_an_import_for_annotations_alone_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="needs mypy")
def test_mypy_checks_no_line_of_the_branch_it_takes_as_never_run(tmp_path: Path) -> None:
    """The mechanism: the `else:` of `if TYPE_CHECKING:` is what Python runs, and mypy reads none of it."""
    text = TYPED + "else:\n\n" + "    " + RETURNS_A_STRING.replace("\n    ", "\n        ")
    (tmp_path / "h209_typed.py").write_text(text)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "/dev/null", "h209_typed.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0 and "Success" in checked.stdout, checked.stdout
    ran = subprocess.run(
        [sys.executable, "-c", "from h209_typed import check; print(check({}))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.stdout == "E501\n", ran


# --- A test pytest never runs (git/uncollected.py)
FAILING = "def test_the_rules_hold():\n    assert False\n"
HELD = "    def test_hold(self):\n        pass\n"
TESTS = "tests/test_rules.py"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({TESTS: FAILING + "\n\n__test__ = False\n"}, f"{TESTS} line 5: `__test__` bound in a test module"),
        ({TESTS: FAILING + "\n\ntest_the_rules_hold.__test__ = False\n"}, f"{TESTS} line 5: `__test__` bound"),
        (
            {"tests/rules_test.py": "import sys\n\nsetattr(sys.modules[__name__], '__test__', 0)\n"},
            "tests/rules_test.py line 3",
        ),
        (
            {TESTS: "class TestRules:\n    __test__: bool = False\n\n    def test_hold(self):\n        assert False\n"},
            f"{TESTS} line 2: `__test__` bound",
        ),
        (
            {TESTS: "class TestRules:\n    def __init__(self):\n        pass\n\n" + HELD},
            f"{TESTS} line 2: the test class TestRules with its own __init__",
        ),
    ],
)
def test_a_test_pytest_never_runs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {TESTS: "class Page:\n    def __init__(self, text):\n        self.text = text\n\n\n" + FAILING},
        {TESTS: "class TestRules:\n    def test_hold(self):\n        assert True\n"},
        {TESTS: 'NOTE = "pytest skips a module whose __test__ is false"\n'},
        {"scripts/sle_trials/outputs/site/page.py": "class TestPage:\n    def __init__(self):\n        self.x = 1\n"},
    ],
)
def test_a_test_pytest_collects_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_pytest_runs_no_test_of_a_module_whose_test_attribute_is_false(tmp_path: Path) -> None:
    """The mechanism: the module's failing test is never run, and pytest reports nothing."""
    (tmp_path / "test_h209.py").write_text(FAILING + "\n\n__test__ = False\n")
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-c", "/dev/null", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 5 and "failed" not in ran.stdout, ran.stdout  # 5: no test collected
