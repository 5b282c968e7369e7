"""Attacks of a pull request on what runs at test or check time beside the code a review reads, hunt 207.

- **A distribution's metadata.** importlib.metadata finds a distribution in every folder on sys.path, and pytest
  loads each `pytest11` entry point as a plugin before it collects a test: `q-1.0.dist-info/entry_points.txt`
  at the top naming a helper of the tests' had pytest import it at its start (tested), and passed (exit 0), as
  did one under tests/ and an `.egg-info` under scripts/ (on every start's path through the editable install).
  Now a `*.dist-info` or `*.egg-info` folder (or an `.egg-link`) anywhere stops the extraction
  (code_files.no_distribution_metadata).
- **The registry's files merged by another driver.** Hunt 206 refused a `merge` driver but git's own on a file
  of the code; the registry's were left out. `trials/*.yaml merge=union` passed (exit 0), and git's merge of two
  changes to one line of a record then held both lines with no conflict (tested): a record no check read,
  since the check reads the pull request's head. Now a record, a source, the manifest or a generated file
  given another driver than git's `text`, `binary` and the registry's own stops the extraction
  (extract.code_rewritten).
- **A value emptied in place.** Hunt 206 refused a function's name bound again before its value was read
  (`problems = []` below `problems = rules(record)`); `problems.clear()`, `del problems[:]` and `problems[:] =
  []` replace the value as the assignment does, and passed (exit 0), in the package and in tests/conftest.py
  alike. Now each is read as a binding of the name (git/overwritten.py); a filter that reads the value
  (`problems[:] = [p for p in problems if ...]`), and a parameter or a loop's item emptied, pass.
- **Code in a string.** The extraction's rules read a source's statements; `def check(record): return []` in a
  triple-quoted string, then `exec(RULES)` at a checker module's end, bound `check` anew past them (tested),
  and passed (exit 0), as did `eval(compile(...))` and `builtins.exec`. Now exec(), eval() and compile(), the
  builtins module used but to list its names, the modules that run text or bytes as code (runpy, code, codeop,
  marshal, pickle, shelve), a function's code object, a string naming a runner or the builtins
  (`sys.modules["builtins"]`), a function's globals, and `[sys.executable, "-c", ...]`, in the code but the
  tests (and in tests/conftest.py), stop the extraction (git/run_from_text.py).
- **A module named as an installed one.** Hunt 192 refused a module at the top and one named as the standard
  library's outside scripts/, hunt 206 a package outside scripts/, and left a module named as an installed
  distribution's: which names those are depends on what is installed. pytest puts a test's folder first on
  sys.path, and `tests/yaml.py` was imported for every `import yaml` in place of PyYAML (tested), and passed
  (exit 0); so did `tests/jsonschema.py`, a folder `ruamel/` at the top holding `yaml.py` (ruamel is a namespace
  package, whose modules Python takes from the first folder of its name: `python -m pytest` runs at the top,
  and the checker would read every record through that `ruamel.yaml`, tested), `tests/ruamel/yaml.py`, and
  `scripts/json.py` or `scripts/yaml.py` beside the library (scripts/ is on the path, first under
  PYTHONPATH=scripts). Now a module (or a package) in a folder that comes first on the path (the top, scripts/,
  the folder of any Python source outside scripts/) named as the standard library's, or as a top-level module
  of a distribution installed where the check runs or that `make test` installs (import_roots.
  DEPENDENCY_MODULES, held here to this environment), and a folder of Python named as an installed namespace
  package, stop the extraction (git/import_roots.py).

Left (not refused): code that filters the check's problems by their code (`problems = [p for p in found if
p.code != "E502"]`) reads them, as checks/evidence.py does on purpose: a step a reviewer reads, which no rule
can tell from an honest one (a strict xfail below); and so does a runner reached by a name built from parts
(`getattr(importlib.import_module("built" + "ins"), "ex" + "ec")`): the repository imports modules and looks up
attributes by computed names (checks/__init__.py), and the words that build one are the code's, shown in its
review (a strict xfail below; closed by hunt 210, which reads a name built from constants alone as built). A
distribution installed where the check runs is read
from its environment: one `make test` installs that the list does not hold (a new dependency of a new
dependency's) is known to a check run there alone, and the list's test names it.
"""

from __future__ import annotations

import importlib.machinery
import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    git_run,
    passed_by_the_extraction,
    pull_request_beside_a_makefile,
    pull_request_made,
    put,
    refused_by_the_trusted_check,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

STRICT = "scripts/sle_trials/checks/strict.py"
CONFTEST = "tests/conftest.py"


def run_pytest(root: Path) -> subprocess.CompletedProcess:
    """`python -m pytest tests` at root, as the Makefile runs it (its own settings, no plugin of xdist's)."""
    put(root, "pytest.ini", "[pytest]\n")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-c", "pytest.ini", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- A distribution's metadata (code_files.no_distribution_metadata)
PLUGIN = "[pytest11]\nquiet = tests.counted\n"
METADATA = "an installed distribution's metadata, whose entry points"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"q-1.0.dist-info/entry_points.txt": PLUGIN}, f"q-1.0.dist-info/entry_points.txt: {METADATA}"),
        ({"tests/q-1.0.dist-info/METADATA": "Name: q\n"}, f"tests/q-1.0.dist-info/METADATA: {METADATA}"),
        ({"scripts/q.egg-info/entry_points.txt": PLUGIN}, f"scripts/q.egg-info/entry_points.txt: {METADATA}"),
        ({"Q.DIST-INFO/entry_points.txt": PLUGIN}, f"Q.DIST-INFO/entry_points.txt: {METADATA}"),
    ],
)
def test_a_distributions_metadata_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_entry_points_in_no_distributions_folder_pass(tmp_path: Path) -> None:
    passed_by_the_extraction(tmp_path, {"tests/fixtures/entry_points.txt": PLUGIN})  # a test's input


def test_pytest_loads_a_plugin_a_committed_distribution_names(tmp_path: Path) -> None:
    """The mechanism: pytest imports a pytest11 entry point of a `*.dist-info` at the top as it starts."""
    put(tmp_path, "q-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: q\nVersion: 1.0\n")
    put(tmp_path, "q-1.0.dist-info/entry_points.txt", "[pytest11]\nq = tests.helper\n")
    put(tmp_path, "tests/helper.py", "def pytest_configure(config):\n    print('PLUGIN RAN')\n")
    put(tmp_path, "tests/test_x.py", "def test_x():\n    pass\n")
    ran = run_pytest(tmp_path)
    assert ran.returncode == 0 and "PLUGIN RAN" in ran.stdout, ran.stdout + ran.stderr


# --- The registry's files merged by another driver (extract.code_rewritten)
RECORD = "trials/NCT03030976.yaml"
MERGED = "the pull request's attributes have git merge it by another driver"


@pytest.mark.parametrize(
    ("attributes", "said"),
    [
        ("trials/*.yaml merge=union\n", f"{RECORD}: {MERGED}"),
        ("seeds/** -text merge=union\n", f"seeds/SHA256SUMS: {MERGED}"),
        ("TRIALS/** merge=ours\n", f"{RECORD}: {MERGED}"),  # as a disk folding case matches it
        ("trials.csv merge=union\n", f"trials.csv: {MERGED}"),
    ],
)
def test_the_registrys_files_merged_by_another_driver_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, attributes: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {".gitattributes": attributes}, said)


@pytest.mark.parametrize(
    "attributes",
    [
        "seeds/SHA256SUMS merge=trials-manifest\ntrials.csv merge=trials-csv\ntrials/** -merge\n",  # the registry's
        "*.md merge=union\n",  # documentation
    ],
)
def test_the_registrys_own_drivers_pass(tmp_path: Path, attributes: str) -> None:
    passed_by_the_extraction(tmp_path, {".gitattributes": attributes})


def test_a_record_given_merge_union_merges_two_changes_of_one_line_with_no_conflict(tmp_path: Path) -> None:
    """The mechanism: git's merge of two changes to one line of a record holds both, and says no conflict."""
    root = pull_request_beside_a_makefile(tmp_path, {".gitattributes": "trials/*.yaml merge=union\n"})
    text = (root / RECORD).read_text("utf-8")
    line = next(x for x in text.splitlines() if x.startswith("brief_title:"))
    for branch, value in (("change", "brief_title: A"), ("pr", "brief_title: B")):
        git_run(root, "checkout", "-q", *(["-b", branch, "pr"] if branch == "change" else [branch]))
        put(root, RECORD, text.replace(line, value))
        pull_request_made(root)
    git_run(root, "checkout", "-q", "pr")  # the attribute the base branch's, read from its checkout
    merged = subprocess.run(
        ["git", "-C", str(root), "merge-tree", "--write-tree", "pr", "change"], capture_output=True, text=True
    )
    assert merged.returncode == 0, merged.stdout  # no conflict
    held = git_run(root, "show", f"{merged.stdout.split()[0]}:{RECORD}")
    assert "brief_title: B\nbrief_title: A\n" in held


# --- A value emptied in place (git/overwritten.py)
CLEARED = "def check(record):\n    problems = rules(record)\n    {how}\n    return problems\n"
FIXTURE = "import pytest\n\n\n@pytest.fixture\ndef found():\n    problems = run()\n    {how}\n    return problems\n"
EMPTIED = f"{STRICT} line 3: the name 'problems' emptied in check()"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: CLEARED.format(how="problems.clear()")}, EMPTIED),
        ({STRICT: CLEARED.format(how="del problems[:]")}, EMPTIED),
        ({STRICT: CLEARED.format(how="problems[:] = []")}, EMPTIED),
        (
            {STRICT: "class C:\n    def check(self, record):\n        self.problems = self.rules(record)\n"
             "        self.problems.clear()\n        return self.problems\n"},
            f"{STRICT} line 4: the name 'self.problems' emptied in check()",
        ),
        ({CONFTEST: FIXTURE.format(how="problems.clear()")}, f"{CONFTEST} line 7: the name 'problems' emptied"),
        ({STRICT: CLEARED.format(how="problems *= 0")}, EMPTIED),
        ({STRICT: CLEARED.format(how="del problems[0:]")}, EMPTIED),
    ],
)  # fmt: skip
def test_a_value_emptied_before_it_is_read_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "text",
    [
        "def drain(queue):\n    items = list(queue)\n    queue.clear()\n    return items\n",  # a parameter
        "def check(record):\n    problems = rules(record)\n    problems[:] = [p for p in problems if p]\n"
        "    return problems\n",  # a filter reads them
        "def check(groups):\n    for items in groups:\n        items.clear()\n",  # a loop's item
        "def check(record):\n    problems = rules(record)\n    problems *= 2\n    return problems\n",  # no emptying
        "def check(record):\n    problems = rules(record)\n    del problems[1:]\n    return problems\n",  # one kept
        "class C:\n    def flush(self):\n        self.buffer = list(self.read())\n        self.write()\n"
        "        self.buffer.clear()\n",  # read by the call between
    ],
)
def test_a_value_emptied_after_it_is_read_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT: text})


@pytest.mark.xfail(
    strict=True,
    reason="a filter of the problems by their code reads them, a step a reviewer reads (checks/evidence.py keeps "
    "E530 alone so on purpose): no rule of the tree's text tells it from an honest one",
)
def test_problems_filtered_by_their_code_stop_the_extraction(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    text = "def check(record):\n    found = rules(record)\n    return [p for p in found if p.code != 'E502']\n"
    refused_by_the_trusted_check(request, tmp_path, {STRICT: text}, f"{STRICT} line 3")


# --- Code in a string (git/run_from_text.py)
HIDDEN = 'RULES = """\ndef check(record):\n    return []\n"""\n{how}\n'
RUNS_A_TEXT = "which runs a text as code"
BY_A_STRING = "a runner or the builtins named by a string"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: HIDDEN.format(how="exec(RULES)")}, f"{STRICT} line 5: exec(), {RUNS_A_TEXT}"),
        ({STRICT: HIDDEN.format(how="eval(compile(RULES, 'rules', 'exec'))")}, f"{STRICT} line 5: "),
        ({STRICT: "import builtins\n\n" + HIDDEN.format(how="builtins.exec(RULES)")}, f"{STRICT} line 7: the builtins"),
        ({STRICT: "import builtins\n\nrun = getattr(builtins, 'ex' + 'ec')\n"}, f"{STRICT} line 3: a runner or"),
        ({STRICT: "RUN = __builtins__.exec\n"}, f"{STRICT} line 1: __builtins__, {RUNS_A_TEXT}"),
        ({STRICT: "import runpy\n\nrunpy.run_path('docs/notes.txt')\n"}, f"{STRICT} line 1: an import of runpy"),
        ({STRICT: "from marshal import loads\n"}, f"{STRICT} line 1: an import from marshal"),
        (
            {STRICT: "def check(record):\n    return [1]\n\n\ncheck.__code__ = (lambda record: []).__code__\n"},
            f"{STRICT} line 5: `.__code__`",
        ),
        (
            {"benchmarks/run.py": "import subprocess\nimport sys\n\nsubprocess.run([sys.executable, '-c', 'pass'])\n"},
            "benchmarks/run.py line 4: a child Python given its code as an argument",
        ),
        ({CONFTEST: HIDDEN.format(how="exec(RULES)")}, f"{CONFTEST} line 5: exec(), {RUNS_A_TEXT}"),
        ({STRICT: "RUN = getattr(__import__('builtins'), 'exec')\n"}, f"{STRICT} line 1: {BY_A_STRING}"),
        ({STRICT: "import sys\n\nRUN = sys.modules['builtins']\n"}, f"{STRICT} line 3: {BY_A_STRING}"),
        ({STRICT: "RUN = __builtins__['exec']\n"}, f"{STRICT} line 1: {BY_A_STRING}"),
        ({STRICT: "def f():\n    pass\n\n\nRUN = f.__globals__\n"}, f"{STRICT} line 5: `.__globals__`"),
    ],
)  # fmt: skip
def test_code_run_from_a_string_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {STRICT: "import ast\nimport re\n\nWORD = re.compile('[a-z]+')\n\n\ndef value(text):\n"
         "    return ast.literal_eval(text)\n"},
        {STRICT: "import builtins\n\nNAMES = frozenset(dir(builtins))\n"},  # listed
        {STRICT: "import subprocess\n\nsubprocess.run(['git', '-c', 'core.quotepath=false', 'status'])\n"},
        {"tests/test_mechanism.py": "def test_exec():\n    scope = {}\n    exec('x = 1', scope)\n"},  # the tests
    ],
)  # fmt: skip
def test_code_written_as_statements_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_a_runner_reached_by_a_name_built_from_parts_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Left by this hunt (a strict xfail), closed by hunt 210: a name built from constants is read as built."""
    text = "import importlib\n\nRUN = getattr(importlib.import_module('built' + 'ins'), 'ex' + 'ec')\n"
    refused_by_the_trusted_check(request, tmp_path, {STRICT: text}, f"{STRICT} line 3")


def test_code_in_a_string_binds_a_name_past_the_rules_of_names_bound_twice() -> None:
    """The mechanism: the rules of names bound twice pass the text; run, its `check` is the string's."""
    from sle_trials.git.defined_twice import no_name_bound_twice

    text = "def check(record):\n    return [key for key in record if 'bad' in key]\n\n\n" + HIDDEN.format(how="")
    no_name_bound_twice(STRICT, text.encode())  # read without its exec(): passes
    scope: dict[str, object] = {}
    exec(text + "exec(RULES)\n", scope)
    assert scope["check"]({"bad_count": 1}) == []  # type: ignore[operator]


# --- A module named as an installed one (git/import_roots.py)
SHADOW = "SHADOW = True\n"
INSTALLED = "the standard library's or an installed distribution's"
NAMESPACE = "a folder of Python named as the installed namespace package"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"tests/yaml.py": SHADOW}, f"tests/yaml.py: a Python module named as 'yaml', {INSTALLED}"),
        ({"tests/jsonschema.py": SHADOW}, f"tests/jsonschema.py: a Python module named as 'jsonschema', {INSTALLED}"),
        ({"tests/hypothesis.py": SHADOW}, "tests/hypothesis.py: a Python module named as 'hypothesis'"),
        ({"benchmarks/_pytest.py": SHADOW}, "benchmarks/_pytest.py: a Python module named as '_pytest'"),
        ({"ruamel/yaml.py": SHADOW}, f"ruamel/yaml.py: {NAMESPACE} 'ruamel'"),
        ({"tests/ruamel/yaml.py": SHADOW}, "tests/ruamel/yaml.py: a Python module named as 'yaml'"),
        ({"tests/ruamel/yaml.py": SHADOW, "tests/test_x.py": ""}, f"tests/ruamel/yaml.py: {NAMESPACE} 'ruamel'"),
        ({"scripts/json.py": SHADOW}, f"scripts/json.py: a Python module named as 'json', {INSTALLED}"),
        ({"scripts/yaml.py": SHADOW}, "scripts/yaml.py: a Python module named as 'yaml'"),
        ({"scripts/tinycss2/__init__.py": SHADOW}, "scripts/tinycss2/__init__.py: a Python module named as 'tinycss2'"),
    ],
)  # fmt: skip
def test_a_module_named_as_an_installed_one_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"tests/yaml_helpers.py": SHADOW, "tests/test_yaml_helpers.py": "import yaml_helpers\n"},
        {"benchmarks/timing.py": SHADOW},
        {"scripts/sle_trials/__init__.py": "", "scripts/sle_trials/checks/json.py": SHADOW},  # by its dotted name
        {"docs/ruamel.md": "# Reading YAML\n"},  # no Python
    ],
)
def test_modules_named_as_nothing_installed_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.parametrize(
    ("path", "imported"),
    [("tests/yaml.py", "yaml"), ("ruamel/yaml.py", "ruamel.yaml"), ("tests/ruamel/yaml.py", "ruamel.yaml")],
)
def test_pytest_imports_a_module_of_the_tree_in_place_of_an_installed_one(
    tmp_path: Path, path: str, imported: str
) -> None:
    """The mechanism: a test importing an installed module imports the tree's of its name (a namespace
    package's from the first folder of its name)."""
    pytest.importorskip(imported)
    put(tmp_path, path, SHADOW)
    put(tmp_path, "tests/test_shadow.py", f"import {imported}\n\n\ndef test_shadow():\n    assert {imported}.SHADOW\n")
    ran = run_pytest(tmp_path)
    assert ran.returncode == 0 and "1 passed" in ran.stdout, ran.stdout + ran.stderr


def _distributions_make_test_installs() -> set[str]:
    """The names (normalised) of the distributions the project requires with every extra, and theirs, installed
    here."""
    from packaging.requirements import Requirement

    installed = {_normalised(d.metadata["Name"]): d for d in importlib.metadata.distributions()}
    extras = ("hooks", "fetch", "test", "site", "xlsx")
    seen: set[str] = set()
    todo: list[tuple[importlib.metadata.Distribution, tuple[str, ...]]] = [(installed["sle-car-t-trials"], extras)]
    while todo:
        distribution, wanted = todo.pop()
        for line in distribution.requires or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker and not any(marker.evaluate({"extra": extra}) for extra in (*wanted, "")):
                continue
            name = _normalised(requirement.name)
            if name in installed and name not in seen:
                seen.add(name)
                todo.append((installed[name], tuple(requirement.extras)))
    return seen


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_list_of_dependency_modules_holds_what_make_test_installs() -> None:
    """DEPENDENCY_MODULES holds each top-level module of the distributions `make test` installs (as installed
    here), and NAMESPACE_PACKAGES those of them that are namespace packages: the review job installs the
    runtime dependencies alone, and reads the others' names from the list."""
    from sle_trials.git import import_roots

    pytest.importorskip("packaging")
    wanted = _distributions_make_test_installs()
    modules = {
        name
        for name, owners in importlib.metadata.packages_distributions().items()
        if name.isidentifier()
        and not name.endswith("__mypyc")  # (mypyc's compiled runtime, named by a hash per release)
        and any(_normalised(owner) in wanted for owner in owners)
    }
    assert modules - import_roots.DEPENDENCY_MODULES == set()
    namespaces = set()
    for name in modules:
        spec = importlib.machinery.PathFinder.find_spec(name)
        if spec is not None and spec.origin is None and spec.submodule_search_locations is not None:
            namespaces.add(name)
    assert namespaces == import_roots.NAMESPACE_PACKAGES
