"""Attacks of a pull request on what its review shows of the code and settings, hunt 206.

- **GitHub's own actions by a tag.** Hunt 194 refused another party's action, workflow or image by a tag or
  a branch, and let `actions/` and `github/` through by theirs, as the repository's workflows used them: a
  workflow's `uses: actions/checkout@v4` runs what the tag `v4` names when the job runs, and whoever can
  move that tag (GitHub, or whoever takes over its account or its release process) runs code in every job
  that uses it, review.yml's with its token among them; a review read the tag, not the code. A pull
  request adding `uses: actions/checkout@v4` (or `github/codeql-action/init@v3`, `Actions/setup-python@v5`,
  an `actions/` reusable workflow by `@main`) passed (exit 0). Now GitHub's actions are held as every other
  party's (no_name_that_moves): by a full commit id, which the repository's workflows now use, each with
  its tag in a comment.
- **A key given twice in an INI file.** Hunt 194 refused a key given twice in YAML and JSON; INI files were
  not read. Their readers disagree: setuptools reads `tag-build` and `tag_build` as one option and keeps
  the later (tested), while Python's configparser, strict, takes them for two keys and refuses neither; git
  (and git-lfs, which reads a committed `.lfsconfig`) keeps the later of a key given twice (tested), and
  iniconfig (pytest's) refuses it. A reviewer reads the first. `setup.cfg` with `[egg_info]` saying
  `tag-build = .dev` and, lines below, `tag_build = .evil` passed (exit 0), and so did a `tox.ini` whose
  `[pytest]` section came back, and a `.lfsconfig` giving `url` twice. Now an INI file that runs or
  configures the check (`*.ini`, `*.cfg`, `*.conf`, `.editorconfig`, `.flake8`, git's `.gitmodules` and
  `.lfsconfig` ...) giving a key twice in a section (case-blind, a dash as an underscore) or a section
  twice stops the extraction (no_key_twice, settings.ini_key_twice); a value continued on indented lines,
  and the same key in two sections, pass.
- **A function's name bound again before its value is read.** Hunt 194 refused a name a module or a class
  binds twice, and let a function's own names be bound again. Python keeps the later, a reviewer reads the
  first: a checker's `problems = rules(record)` and, lines below, `problems = []` before `return
  problems` returned no problem (tested) and passed (exit 0), and so did a nested `def rule()` given twice
  and the first binding in an `if` that the second follows. Now a function that binds a name again (an
  assignment, a def, a class, an import) where its block runs that after every run of the earlier binding,
  with no read of the name between, stops the extraction (no_name_bound_twice, git/overwritten.py): the
  first value is no step of the code. A binding in one branch of an `if`, a `try` or a loop may overwrite
  one (`found = None`, then `found = item` in a loop), and so may one after a `return`, `continue` or
  `yield` that may leave the block first, or of a name a nested scope reads. A `with`'s target, a
  statement `(name := ...)` and an attribute of `self` (read where it is loaded, or by any call, which may
  read it through the instance) are bindings too: `self.problems = self.rules(record)` then `self.problems
  = []` passed before. Of the repository's 461 Python
  files one held such a binding: a test's `st = file.stat()` whose value the next `st = file.stat()`
  replaced unread, now removed.
- **Code merged by another driver.** Hunt 182 and 194 refused the attributes that rewrite the code on
  checkout, hide its diff or leave it out of an archive; `merge` was not read, and hunt 182 passed `*.py
  merge=union` on purpose. Once the attribute is the base branch's (git reads it from the checkout), git's
  merge of two changes to one line of a module holds both lines and says no conflict (tested: `git
  merge-tree`, as the extraction merges a pull request, and `git merge` alike): code neither review showed,
  `return 20` and `return 5` one under the other. `*.py merge=union`, `Makefile merge=union` and
  `scripts/** merge=ours` (which drops the pull request's side where a clone configures the common
  `merge.ours.driver true`) passed (exit 0). Now a `merge` driver but git's `text` and `binary` (`-merge`,
  a conflict kept as one) and the registry's own (trials-csv and trials-manifest, which leave what they do
  not generate or read a conflict: hunt 187) on a file that runs or configures the check stops the
  extraction (code_rewritten, checkout.merged); hunt 182's passing `merge=union` is now `merge=text`.
- **A package beside the library.** Hunt 192 refused a module at the top and one named as the standard
  library's outside scripts/. pytest puts a test's folder first on sys.path (its default import mode), and
  a package there is imported in place of an installed one of its name: `tests/sle_trials/__init__.py` was
  imported by conftest.py and every test in place of the library (tested), and passed (exit 0), its review
  a new folder of the tests' helpers; merged, the suite tests that copy and vouches for a checker it never
  ran. So did `tests/sle_trials.py` and a package `benchmarks/yaml/` (a script's folder is first too). Now a
  package outside scripts/, or a module there named as one of the library's packages, stops the extraction
  (no_package_beside_the_library); the tests' and benchmarks' helpers are plain modules.
- **A name bound from another module.** The rules of names bound twice read each module alone. `def
  check(record):` with its rules, then `from sle_trials.checks.lax import *` at the module's end (lax's
  `check` returning nothing, which Python then binds in its place, tested), passed (exit 0), and so did a
  module of the package's outputs setting `strict.check = list` (or `setattr(strict, "check", ...)`, `del
  strict.check`) as it imported it, and `globals()["check"] = list` or `globals().update(check=list)`.
  Now a star import, a binding of an attribute of a name an import binds, and a write through globals(),
  vars() or locals(), in a Python source of the code but the tests (which patch modules on purpose),
  stop the extraction (git/bound_elsewhere.py); an item of an imported mapping (`os.environ["TZ"]`), an
  attribute of `self` and a read of vars() pass. The repository's code does none of them.
- **A dict's key given twice.** Hunt 194 refused a key given twice in YAML and JSON; a Python dict display
  was read for none. Python keeps the later value where the first stands: a table of limits with
  `"enrollment": 1000` and, lines below, `"enrollment": 10**9` (tested) passed (exit 0); ruff's F601 says so
  only in the pull request's own CI, whose settings the pull request writes. Now a constant key given twice
  in one dict display (as Python compares keys: `1` and `True` are one) stops the extraction
  (git/dict_keys.py); `**other`, and one key in each of two dicts, pass.
- **A builtin's name bound by a module.** A module that binds a builtin's name in its own scope (`def
  sorted(items): return []` at a checker module's end, `len = repr`, `import check as all`) has every line of
  it call its own in place of Python's, which a reviewer reads: the checker's `return sorted([...])` then
  returned nothing (tested), and passed (exit 0). Now such a binding stops the extraction
  (no_builtin_rebound); a method named as a builtin (read as `self.format`) and a function's own local
  pass.
- **A module's value bound again through `global`.** `STRICT = True` at a module's top, and a function
  `_setup()` saying `global STRICT` and `STRICT = False`, called as the module is imported, passed (exit
  0): the module-level rule reads the module's statements, not what a function binds in its scope. Now a
  function that binds through `global` a name the module binds to a value stops the extraction
  (no_global_rebound); a placeholder (`_worker = None`, which the repository's worker process fills so)
  passes.
- **A target's own value of a variable.** Hunt 194 refused a makefile's variable given its value twice; a
  target-specific value was read as neither a variable nor a rule: `MODE := strict` and, far below, `test:
  MODE := lax` ran test's recipe with lax (tested), and passed (exit 0). Now a target's own value counts
  as a value given the variable (no_make_definition_twice); different variables of different targets pass.
- **A line ended by a carriage return.** Hunt 165 refused a carriage return Python ends a line at; CR LF
  was left, as Python reads it as a line's end. bash and make do not: bash reads the CR as the line's last
  character, and GitHub's review shows none. `.ci/trusted-check` whose `set -euo pipefail` was split into
  `set -eu<CR>` and `set -o pipefail` (the same options to a reviewer) passed (exit 0); merged, bash said
  "set: -: invalid option" and ran on without -e, past the extraction's refusal of the next pull request
  to the check of its data, and exited 0 (tested). Now a line ended by CR LF in a file that runs or
  configures the check but a Python source stops the extraction (no_line_ended_by_a_carriage_return).

Left (not refused): a module of tests/ or benchmarks/ named as an installed distribution's (`tests/yaml.py`
in place of PyYAML for every test that imports yaml): which names those are depends on what is installed,
and review.yml installs the runtime dependencies alone; GitHub's own merge, which runs in a bare repository,
may read no `merge` attribute at all (not tried), where git's and the extraction's do; a full commit id
names one tree, but GitHub resolves an id of a fork's commit under the parent's name too (an "impostor
commit"), which no rule here can tell from the parent's own without the network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    REPO,
    git_run,
    passed_by_the_extraction,
    pull_request_beside_a_makefile,
    pull_request_made,
    put,
    refused_by_the_trusted_check,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

SHA = "0123456789abcdef0123456789abcdef01234567"
CI = ".github/workflows/ci.yml"
STEP = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: {uses}\n"


STRICT = "scripts/sle_trials/checks/strict.py"
RULES = '''def rules(record):
    """Every problem of a record."""
    return [key for key in record if key.startswith("bad")]


def check(record):
    """The problems of a record, for the report."""
    problems = rules(record)
{between}    problems = []
    return problems
'''
OVERWRITTEN = RULES.format(between="")
NESTED_TWICE = """def check(record):
    def rule(value):
        return value < 0

    def rule(value):
        return False

    return [key for key, value in record.items() if rule(value)]
"""
IN_A_BRANCH = """def check(record, strict):
    if strict:
        problems = [key for key in record if key.startswith("bad")]
    else:
        problems = []
    problems = []
    return problems
"""

REFUSED = [
    ({CI: STEP.format(uses="actions/checkout@v4")}, f"{CI} line 6: `uses: actions/checkout@v4` runs"),
    ({CI: STEP.format(uses="github/codeql-action/init@v3")}, f"{CI} line 6: `uses: github/codeql-action/init@v3`"),
    ({CI: STEP.format(uses="Actions/setup-python@v5")}, f"{CI} line 6: `uses: Actions/setup-python@v5`"),
    (
        {CI: "on: push\njobs:\n  call:\n    uses: actions/reusable/.github/workflows/x.yml@main\n"},
        f"{CI} line 4: `uses: actions/reusable/.github/workflows/x.yml@main`",
    ),
    (
        {"setup.cfg": "[egg_info]\ntag-build = .dev\n\n[metadata]\nname = x\n\n[egg_info]\ntag_build = .evil\n"},
        "setup.cfg line 7: the section [egg_info] given twice",
    ),
    ({"setup.cfg": "[egg_info]\ntag-build = .dev\ntag_build = .evil\n"}, "setup.cfg line 3: the key 'tag_build'"),
    ({"tox.ini": "[pytest]\naddopts = -ra\nAddOpts: -p no:x\n"}, "tox.ini line 3: the key 'AddOpts'"),
    ({".lfsconfig": '[lfs]\n\turl = https://a.example/\n\turl = https://b.example/\n'}, ".lfsconfig line 3: the key"),
    ({".editorconfig": "[*.py]\nindent_size = 4\n[*.PY]\nindent_size = 2\n"}, ".editorconfig line 3: the section"),
    ({STRICT: OVERWRITTEN}, f"{STRICT} line 9: the name 'problems' bound again in check() before the value"),
    ({STRICT: NESTED_TWICE}, f"{STRICT} line 5: the name 'rule' bound again in check()"),
    ({STRICT: IN_A_BRANCH}, f"{STRICT} line 6: the name 'problems' bound again in check()"),
    (
        {STRICT: "class C:\n    def check(self, record):\n        found = self.rules(record)\n        found = ()\n"
         "        return found\n"},
        f"{STRICT} line 4: the name 'found' bound again in check()",
    ),
    (
        {STRICT: "def check(record):\n    problems = rules(record)\n    with nullcontext([]) as problems:\n"
         "        pass\n    return problems\n"},
        f"{STRICT} line 3: the name 'problems' bound again in check()",
    ),
    (
        {STRICT: "def check(record):\n    problems = rules(record)\n    (problems := [])\n    return problems\n"},
        f"{STRICT} line 3: the name 'problems' bound again in check()",
    ),
    (
        {STRICT: "class C:\n    def check(self, record):\n        self.problems = self.rules(record)\n"
         "        self.problems = []\n        return self.problems\n"},
        f"{STRICT} line 4: the name 'self.problems' bound again in check()",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "said"), REFUSED)
def test_what_its_review_reads_otherwise_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


READ_BETWEEN = RULES.format(between="    if problems:\n        return problems\n")
PASSING = [
    {CI: STEP.format(uses=f"actions/checkout@{SHA}  # v4")},  # a full commit id: one tree
    {"setup.cfg": "[tool:pytest]\naddopts =\n    -ra\n    -q\n\n[egg_info]\ntag_build =\n"},  # a value continued
    {"tox.ini": "[testenv]\ndeps = a\n\n[testenv:lint]\ndeps = b\n"},  # the same key in two sections
    {"tests/fixtures/twice.cfg": "[a]\nx = 1\nx = 2\n"},  # a test's input, kept as it is
    {STRICT: READ_BETWEEN},  # the first value read before the second binding
    {STRICT: "def first(items):\n    found = None\n    for item in items:\n        if item:\n            found = item\n"
     "    return found\n"},
    {STRICT: "def parsed(text):\n    try:\n        value = int(text)\n    except ValueError:\n        value = None\n"
     "    return value\n"},
    {STRICT: "def total(items):\n    count = 0\n    count = count + len(items)\n    return count\n"},
    {STRICT: "def kept(items):\n    out = []\n    for item in items:\n        if item:\n            out = [item]\n"
     "            continue\n        out = []\n    return out\n"},
    {STRICT: "def later():\n    seen = 1\n    def show():\n        return seen\n    seen = 2\n    return show\n"},
    {STRICT: "class C:\n    def check(self, record):\n        self.problems = []\n        self.fill(record)\n"
     "        self.problems = sorted(self.problems)\n"},  # a call may read it through self
]  # fmt: skip


@pytest.mark.parametrize("changes", PASSING)
def test_what_reads_as_it_runs_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


MERGE_REFUSED = [
    ("*.py merge=union\n", STRICT, "merge=union"),
    ("scripts/** merge=ours\n", STRICT, "merge=ours"),  # a driver a clone configures (`merge.ours.driver true`)
    ("SCHEMA/** merge=union\n", "schema/trial.schema.json", "merge=union"),  # as a case-blind disk matches it
    ("Makefile merge=union\n", "Makefile", "merge=union"),
]


@pytest.mark.parametrize(("attributes", "path", "said"), MERGE_REFUSED)
def test_code_merged_by_another_driver_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, attributes: str, path: str, said: str
) -> None:
    changes: dict[str, str | bytes] = {STRICT: "LIMIT = 10\n", ".gitattributes": attributes}
    refused_by_the_trusted_check(
        request, tmp_path, changes, f"{path}: the pull request's attributes have git merge it by another driver"
    )
    assert said in attributes


@pytest.mark.parametrize(
    "attributes",
    ["*.py merge=text\n", "*.py -merge\n", "*.py merge\n", "docs/*.md merge=union\n", "*.csv merge=trials-csv\n"],
)
def test_code_merged_line_by_line_passes(tmp_path: Path, attributes: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT: "LIMIT = 10\n", ".gitattributes": attributes})


def test_a_union_merge_holds_both_sides_lines_with_no_conflict(tmp_path: Path) -> None:
    """The mechanism: once the attribute is the base branch's (its checkout holds it, whose attributes git
    reads), git's merge of two changes to one line of a module given `merge=union` holds both lines, and says
    no conflict (`git merge-tree`, as the extraction merges a pull request, and `git merge`)."""
    root = pull_request_beside_a_makefile(
        tmp_path, {".gitattributes": "*.py merge=union\n", STRICT: "def limit():\n    return 10\n"}
    )
    git_run(root, "checkout", "-q", "-b", "change", "pr")
    put(root, STRICT, "def limit():\n    return 5\n")
    pull_request_made(root)
    git_run(root, "checkout", "-q", "pr")
    put(root, STRICT, "def limit():\n    return 20\n")
    pull_request_made(root)
    git_run(root, "checkout", "-q", "pr")
    merged = subprocess.run(
        ["git", "-C", str(root), "merge-tree", "--write-tree", "pr", "change"], capture_output=True, text=True
    )
    assert merged.returncode == 0, merged.stdout  # no conflict
    tree = merged.stdout.split()[0]
    held = subprocess.run(["git", "-C", str(root), "show", f"{tree}:{STRICT}"], capture_output=True, text=True)
    assert held.stdout == "def limit():\n    return 20\n    return 5\n"


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("tests/sle_trials/__init__.py", "tests/sle_trials/__init__.py: a Python package outside scripts/"),
        ("tests/sle_trials.py", "tests/sle_trials.py: a Python module named as the library's package 'sle_trials'"),
        ("benchmarks/yaml/__init__.py", "benchmarks/yaml/__init__.py: a Python package outside scripts/"),
        ("tests/helpers/__init__.py", "tests/helpers/__init__.py: a Python package outside scripts/"),
    ],
)
def test_a_package_beside_the_library_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, said: str
) -> None:
    library = {"scripts/sle_trials/__init__.py": "", "scripts/sle_trials/cli.py": "X = 1\n"}
    refused_by_the_trusted_check(request, tmp_path, {**library, path: "SHADOW = True\n"}, said)


@pytest.mark.parametrize("path", ["tests/sle_trials_helpers.py", "tests/sle_trials/notes.py", "benchmarks/timing.py"])
def test_modules_beside_the_library_named_as_none_of_it_pass(tmp_path: Path, path: str) -> None:
    passed_by_the_extraction(tmp_path, {"scripts/sle_trials/__init__.py": "", path: "X = 1\n"})


def test_pytest_imports_a_package_of_the_tests_folder_in_place_of_the_library(tmp_path: Path) -> None:
    """The mechanism: pytest (its default import mode) puts the tests' folder first on sys.path, and a test
    importing the library imports the package there, whatever is installed."""
    put(tmp_path, "pytest.ini", "[pytest]\n")
    put(tmp_path, "tests/sle_trials/__init__.py", "SHADOW = True\n")
    put(tmp_path, "tests/test_shadow.py", "import sle_trials\n\n\ndef test_shadow():\n    assert sle_trials.SHADOW\n")
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-c", "pytest.ini", "tests"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0 and "1 passed" in ran.stdout, ran.stdout + ran.stderr


CHECK = 'def check(record):\n    """The problems of a record."""\n    return [key for key in record if "bad" in key]\n'
LAX = "scripts/sle_trials/checks/lax.py"
DOCS = "scripts/sle_trials/outputs/docs.py"
USES_STRICT = "from sle_trials.checks import strict\n\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                LAX: "def check(record):\n    return []\n",
                STRICT: CHECK + "\n\nfrom sle_trials.checks.lax import *  # noqa\n",
            },
            f"{STRICT} line 6: `from sle_trials.checks.lax import *` binds every public name",
        ),
        ({DOCS: USES_STRICT + "strict.check = list\n"}, f"{DOCS} line 3: `strict.check` binds a name of an imported"),
        ({DOCS: USES_STRICT + "setattr(strict, 'check', list)\n"}, f"{DOCS} line 3: setattr() on an imported module"),
        ({DOCS: USES_STRICT + "del strict.check\n"}, f"{DOCS} line 3: `strict.check` binds a name"),
        ({STRICT: CHECK + "\n\nglobals()['check'] = list\n"}, f"{STRICT} line 6: a name bound through globals()"),
        ({STRICT: CHECK + "\n\nglobals().update(check=list)\n"}, f"{STRICT} line 6: names bound through globals()"),
    ],
)
def test_a_name_bound_from_another_module_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"tests/conftest.py": "import sys\n\nsys.dont_write_bytecode = True\n"},  # the tests patch on purpose
        {DOCS: "import os\n\nos.environ['TZ'] = 'UTC'\n"},  # an item of an imported mapping, no name
        {DOCS: "class Page:\n    def __init__(self, title):\n        self.title = title\n"},
        {DOCS: USES_STRICT + "CHECKED = vars(strict)\n"},  # read
    ],
)
def test_a_module_binding_its_own_names_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_a_star_import_binds_the_other_modules_name_in_place_of_the_def(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mechanism: the module's `check` is lax's, whose def a reviewer of the module never reads."""
    import importlib

    put(tmp_path, "h206_lax.py", "def check(record):\n    return []\n")
    put(tmp_path, "h206_strict.py", CHECK + "\n\nfrom h206_lax import *  # noqa\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    strict = importlib.import_module("h206_strict")
    assert strict.check({"bad_count": 1}) == []


MODE_MAKEFILE = "MODE := strict\n\ntest:\n\t@echo mode $(MODE)\n"
TARGET_MODE = "\n# the slow machines\ntest: MODE := lax\n"


def test_a_targets_own_value_of_a_variable_stops_the_extraction(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    changes: dict[str, str | bytes] = {"Makefile": MODE_MAKEFILE + TARGET_MODE}
    refused_by_the_trusted_check(request, tmp_path, changes, "Makefile line 7: the variable MODE given again")


def test_targets_values_of_variables_given_once_pass(tmp_path: Path) -> None:
    passed_by_the_extraction(
        tmp_path, {"Makefile": "test: MODE := lax\ncheck: OTHER = 1\n\ntest check:\n\t@echo $(MODE)\n"}
    )


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_runs_a_targets_recipe_with_its_own_value(tmp_path: Path) -> None:
    """The mechanism: `test: MODE := lax` far below `MODE := strict` is what test's recipe reads."""
    put(tmp_path, "Makefile", MODE_MAKEFILE + TARGET_MODE)
    ran = subprocess.run(["make", "-s", "-C", str(tmp_path), "test"], capture_output=True, text=True, timeout=60)
    assert ran.stdout.strip() == "mode lax", ran.stdout + ran.stderr


TRUSTED_CHECK = (REPO / ".ci" / "trusted-check").read_text("utf-8")
SPLIT = TRUSTED_CHECK.replace("set -euo pipefail\n", "set -eu\r\nset -o pipefail\n", 1)
SET_LINE = TRUSTED_CHECK[: TRUSTED_CHECK.index("set -euo pipefail")].count("\n") + 1


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".ci/trusted-check": SPLIT}, f".ci/trusted-check line {SET_LINE}: a line ended by a carriage return"),
        ({"Makefile": "test:\r\n\t.venv/bin/python -m pytest\r\n"}, "Makefile line 1: a line ended by a carriage"),
        ({CI: STEP.format(uses=f"actions/checkout@{SHA}").replace("\n", "\r\n")}, f"{CI} line 1: a line ended by"),
    ],
)
def test_a_line_ended_by_a_carriage_return_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_python_source_ended_by_carriage_returns_passes(tmp_path: Path) -> None:
    passed_by_the_extraction(tmp_path, {STRICT: "STRICT = True\r\n"})  # Python reads CR LF as a line's end


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_bash_runs_on_without_e_where_its_set_line_ends_by_a_carriage_return(tmp_path: Path) -> None:
    """The mechanism: `set -eu<CR>` is an invalid option to bash, which leaves -e off and runs on past a
    failing command to exit 0 (the trusted check so split ran past the extraction's refusal of a pull
    request, `-diff` on its code, to the check of its data, and exited 0: run against the code before)."""
    script = put(tmp_path, "check", "set -eu\r\nset -o pipefail\nfalse\necho reached\n")
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout == "reached\n" and "invalid option" in ran.stderr, ran.stderr


LIMITS = 'LIMITS = {\n    "enrollment": 1000,\n    "age": 120,\n    "enrollment": 10**9,\n}\n'


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (LIMITS, f"{STRICT} line 4: the key 'enrollment' given twice in one dict"),
        ("KINDS = {1: 'one', True: 'yes'}\n", f"{STRICT} line 1: the key True given twice"),
        ("def f():\n    return {b'a': 1, b'a': 2}\n", f"{STRICT} line 2: the key b'a' given twice"),
        # (keys the source fixes that are no constant of Python's tree: a signed number, a tuple, an f-string of
        # no placeholder; each passed, the review of hunt 206 found)
        ("MODES = {-1: 'strict', -1.0: 'lax'}\n", f"{STRICT} line 1: the key -1.0 given twice"),
        ("PAIRS = {(1, 'a'): 1,\n    (1, 'a'): 2}\n", f"{STRICT} line 2: the key (1, 'a') given twice"),
        ("LIMITS = {'age': 65, f'age': 120}\n", f"{STRICT} line 1: the key 'age' given twice"),
    ],
)
def test_a_dict_key_given_twice_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {STRICT: text}, said)


@pytest.mark.parametrize(
    "text",
    [
        "A = {'a': 1, **OTHER, 'b': 2}\n",  # a key of OTHER's is no literal's
        "A = {'a': {'x': 1}, 'b': {'x': 2}}\n",  # one key in each dict
        "A = {1: 'one', '1': 'text', b'1': 'bytes'}\n",
        "A = {-1: 'below', 1: 'above', (1, 2): 'pair', (2, 1): 'other', f'{X}': 'x', f'{Y}': 'y'}\n",
    ],
)
def test_a_dict_giving_each_key_once_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT: text})


def test_python_keeps_the_later_value_of_a_dict_key_given_twice() -> None:
    """The mechanism: the table's limit is the second, where a reviewer reads the first."""
    scope: dict[str, dict[str, int]] = {}
    exec(LIMITS, scope)
    assert scope["LIMITS"]["enrollment"] == 10**9


SORTED_AWAY = CHECK.replace("return [", "return sorted([").replace("]\n", "])\n") + (
    "\n\ndef sorted(items):\n    return []\n"
)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (SORTED_AWAY, f"{STRICT} line 6: the builtin 'sorted' bound by the module"),
        ("len = repr\n", f"{STRICT} line 1: the builtin 'len' bound"),
        ("from sle_trials.checks.lax import check as all\n", f"{STRICT} line 1: the builtin 'all' bound"),
    ],
)
def test_a_builtins_name_bound_by_a_module_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {STRICT: text}, said)


@pytest.mark.parametrize(
    "text",
    [
        "class Page:\n    def format(self):\n        return 'page'\n",  # read as self.format
        "def count(items):\n    sum = 0\n    for item in items:\n        sum += item\n    return sum\n",
        "TABLE = {}\nTABLE[str] = 'text'\n",  # an item keyed by the builtin
    ],
)
def test_a_builtins_name_bound_within_a_method_or_function_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT: text})


def test_a_module_calls_its_own_sorted_in_place_of_pythons() -> None:
    """The mechanism: the module's check returns what its own `sorted` makes of the problems, nothing."""
    scope: dict[str, object] = {}
    exec(SORTED_AWAY, scope)
    assert scope["check"]({"bad_count": 1}) == []  # type: ignore[operator]


SET_UP = "STRICT = True\n\n\ndef _setup():\n    global STRICT\n    STRICT = False\n\n\n_setup()\n"


def test_a_modules_value_bound_again_through_global_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    refused_by_the_trusted_check(
        request, tmp_path, {STRICT: SET_UP}, f"{STRICT} line 6: the module's 'STRICT' (line 1) bound again"
    )


@pytest.mark.parametrize(
    "text",
    [
        "_worker = None\n\n\ndef init(root):\n    global _worker\n    _worker = root\n",  # a placeholder filled
        "_worker: str | None = None\n\n\ndef init(root):\n    global _worker\n    _worker = root\n",
    ],
)
def test_a_placeholder_a_function_fills_through_global_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT: text})


def test_the_repositorys_workflows_pin_every_action() -> None:
    """The repository's own workflows hold to the rule: each action by a full commit id."""
    from sle_trials.git import settings

    for workflow in sorted((REPO / ".github" / "workflows").glob("*.yml")):
        path = workflow.relative_to(REPO).as_posix()
        assert settings.by_a_name_that_moves(path, workflow.read_text("utf-8")) is None, path


def test_setuptools_and_git_keep_the_later_of_a_key_given_twice(tmp_path: Path) -> None:
    """The mechanism: setuptools reads `tag-build` and `tag_build` as one option, the later; Python's strict
    configparser takes them for two and refuses neither; git keeps the later of a key given twice."""
    import configparser
    import warnings

    dist = pytest.importorskip("setuptools.dist")
    cfg = put(tmp_path, "setup.cfg", "[egg_info]\ntag-build = .dev\ntag_build = .evil\n")
    parser = configparser.ConfigParser()
    parser.read(cfg)
    assert dict(parser["egg_info"]) == {"tag-build": ".dev", "tag_build": ".evil"}
    distribution = dist.Distribution()
    with warnings.catch_warnings():  # setuptools warns of the dash, and keeps the later all the same
        warnings.simplefilter("ignore")
        distribution.parse_config_files([str(cfg)])
    assert distribution.command_options["egg_info"]["tag_build"][1] == ".evil"
    lfs = put(tmp_path, ".lfsconfig", "[lfs]\n\turl = https://a.example/\n\turl = https://b.example/\n")
    said = subprocess.run(["git", "config", "-f", str(lfs), "--get", "lfs.url"], capture_output=True, text=True)
    assert said.stdout.strip() == "https://b.example/"


def test_python_runs_the_later_binding_of_a_function() -> None:
    """The mechanism: the checker's `check` as the pull request wrote it reports nothing."""
    scope: dict[str, object] = {}
    exec(compile(OVERWRITTEN, STRICT, "exec"), scope)
    assert scope["check"]({"bad_count": 1}) == []  # type: ignore[operator]
