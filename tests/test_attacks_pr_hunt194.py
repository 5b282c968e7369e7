"""Attacks of a pull request on what its review shows of the code and settings, hunt 194.

- **A key given twice.** YAML and JSON take a mapping's key once; a file that gives one twice is read
  by its tool with the last value (PyYAML, which pre-commit reads `.pre-commit-config.yaml` with;
  Python's json, which reads the schema), while a reviewer reads the first and has no cause to read
  on. A `.pre-commit-config.yaml` whose hook says `entry: .venv/bin/trials validate` and, lines
  later, `entry: "true"`, runs `true` (PyYAML keeps the later, tested), and passed (exit 0); so did a
  workflow's step given `run:` twice and a schema whose `"minimum": 0` came back as `"minimum":
  -1000`. Now a key given twice in a mapping of a YAML or JSON file that runs or configures the check
  stops the extraction (no_key_twice, git/settings.py), read as YAML 1.2 and as 1.1 (`yes:` and
  `true:` are one key to PyYAML).
- **A makefile's definition given twice.** The same class in make: a target given its recipe twice
  runs the later (make warns "overriding recipe for target", tested), a variable given its value twice
  holds the later, while a reviewer reads the first. `check:` and its steps, then far below `check:`
  again with `@echo skipped` (after a blank line and a comment, which make passes over), passed (exit
  0), and so did `MODE := strict` set again to `lax` after the rule that uses it, in an `ifeq (1,1)`
  too. Now a makefile that gives a variable (`=`, `:=`, `!=`, `define`) or a target's recipe twice,
  but in two branches of one conditional, stops the extraction (no_make_definition_twice); `?=`,
  `+=`, prerequisites added and double-colon rules pass. Each makefile was read alone (hunt 194's
  review): `include mk/local.mk` at the Makefile's end, with `check:` and a recipe there, overrode the
  Makefile's `check` recipe (tested) and passed; now a makefile is read with the files it includes by a
  literal path (from the top, as make runs there), in include order, each file's lines once.
- **A Python name bound twice.** The same class in Python: a module or a class that binds a name twice
  keeps the later (tested), while a reviewer reads the first. `def check(record):` with its rules,
  then far below `def check(record): return []`, passed (exit 0), and so did the second in an `if
  True:` block, `STRICT = True` set again at the module's end, a method given twice, and a test given
  twice (the first never runs). Now a name a module or a class binds twice (a def, a class, an
  assignment), but in two branches of one `if` or a `try` and its handler, or a def its decorator
  binds again (an overload, a property's setter), stops the extraction (no_name_bound_twice); a
  function's own names may be bound again. None of 1,431 versions of the repository's Python over its
  last 600 commits is refused.
- **A name bound again by another binding.** The rule read defs, classes and plain assignments alone:
  after `STRICT = True`, `STRICT, _unused = False, None` (a tuple's, a list's or a starred target),
  `STRICT &= False`, `for check in [...]`, `with ... as STRICT`, `STRICT := False` (in a comprehension
  too, which binds it in the module), `from x import lax as check`, `import builtins as STRICT`, a
  `case _:` block binding it and a `for`'s `else:` passed (exit 0). Now every way a module or a class
  binds a name counts (the `case`s of a `match` as the branches of an `if`); `+=` and `|=` add to a name
  bound to a list, a tuple, a set or a string (`__all__ += [...]`, as the repository's tree does) and
  pass, and the same import again (`import os`, `import os.path`) binds the same module. A def whose
  decorator was named `overload`, `setter` or `register` was not read at all: `@check.register def
  check` (singledispatch's `register` returns the def, tested) rebound `check` and passed. Now an
  overload may be bound again only by an overload or the def after it, an accessor (`@x.setter def
  x`) only after `x`'s def, and a def registered (`@f.register def _`) only as `_` after another.
- **A shell function defined twice.** bash runs a function's later definition from where it stands: a
  script's `check() { .venv/bin/trials check; }`, then `check() { :; }` before the call, checked
  nothing (tested) and passed (exit 0). Now a shell script (`.sh`, `.bash`, or a `#!` line naming a
  shell) that defines a function twice stops the extraction (no_shell_function_twice).
- **What runs by a name that moves.** A workflow's `uses: someone/lint@v1` runs what the tag `v1` of
  that repository names when the job runs: the review read the action as it was, and its owner can
  move the tag (a branch moves by itself) after the merge. It passed (exit 0), and so did a reusable
  workflow by a tag, a composite action's step, an image `docker://alpine:3.19` and a
  `.pre-commit-config.yaml` whose remote repository's hooks run at `rev: v1.2.0`. Now another party's
  action, workflow or image named by anything but a full commit id (an image's sha256 digest) stops
  the extraction (no_name_that_moves); GitHub's own (`actions/`, `github/`), which the repository's
  workflows use by tags, run on its runners as the runner itself does and pass. Images named otherwise
  than by `uses:` passed (hunt 194's review): a job's `container: someone/image:latest` (or its
  `image:`), a service's `image: someone/cache:v1` and a Docker action's `runs: image:
  docker://someone/lint:v1`; now each is refused but by its sha256 digest (an expression too, whose
  image the review cannot read), and a Docker action's own Dockerfile passes.
- **Code an archive leaves out.** `export-subst` on code was refused (an archive rewrites it),
  `export-ignore` not: `scripts/sle_trials/checks/strict.py export-ignore` in `.gitattributes` passed
  (exit 0), and `git archive` of the branch, by which GitHub makes its ZIP and a release's source
  archive, holds no such module (tested): the archive's checker runs without what a reviewer read as
  part of it. Now `export-ignore` on any file that runs or configures the check, the schema too, stops
  the extraction as an attribute that rewrites it does (code_rewritten, checkout.omitted);
  documentation may be left out.
- **Settings below the top.** A settings file beside the one its tool would read was refused, one in a
  folder below not. ruff reads the closest settings file above each Python file, in place of
  pyproject.toml's (it merges none; tested), and pytest the first it finds going up from what it is
  given to run (`pytest tests/test_refs.py`, as docs/development.md says to run the files one
  touches): `scripts/sle_trials/checks/ruff.toml` saying `lint.ignore = ["ALL"]`, an empty
  `tests/pytest.ini`, `tests/setup.cfg` or `tests/tox.ini` passed (exit 0), and so did a `conftest.py`
  in `tests/sub/`, `tests/fixtures/` or `scripts/`, whose hooks pytest runs for the tests below it
  (clearing the items it collected, or passing every failure). Now a tool's settings file (ruff's,
  pytest's, mypy's, setuptools') in a folder below the top that holds Python, or a `conftest.py` but
  `tests/conftest.py`, stops the extraction (no_settings_below); a folder of no Python (an example
  under docs/, a test's input) may hold one.
- **pytest 9's own settings file.** pytest 9 reads `pytest.toml` (or `.pytest.toml`) before every other
  settings file, an empty one too, and leaves pyproject.toml's unread (tested: it says so only in its
  own output). The files a tool reads in place of pyproject.toml beside it named `pytest.ini` and not
  these: `pytest.toml` added at the top passed (exit 0). Now it is one of them (no_settings_shadowed),
  and of the settings refused below the top.
- **A test's input that runs.** The tests' inputs (`tests/fixtures/`, `tests/hostile/`) are kept byte
  for byte and not read as code: they hold NUL bytes, lone carriage returns and invisible characters
  on purpose. Hunt 192 refused the attributes that hide or rewrite them; their bytes were not read. A
  Makefile's `include tests/fixtures/rules.txt` (or `-include ./tests/fixtures/rules`), whose file held
  a NUL byte (git and GitHub show no line of it, make runs its rules), passed (exit 0), and so did
  `.ci/check` sourcing `tests/fixtures/env.txt` with a zero-width space, a workflow's `uses:
  ./tests/fixtures/act`, and inputs that run by what they are (`rules.mk`, `run.sh`, a `#!` script, an
  executable). Now such an input is read as code (inputs_that_run: executable, `#!`, named as a
  makefile, a shell script or an action, or named by its path in a file of the code but Python and
  `.gitattributes`), and a Python source among the inputs stops the extraction
  (no_python_among_the_inputs): pytest collects `tests/` with its inputs' folders and imports a
  `test_*.py` there, and ruff leaves them unread. An input named by a test (read as data), by
  `.gitattributes` or by the pre-commit settings' `exclude` is kept as it is.
- **Code after a long visible line.** Hunt 192 refused blanks that push code aside; a long string does
  it as well. `MODE = "` and 300 letters, then `"; STRICT = False`, shows a reviewer a string (a view
  of the file scrolls the line sideways, an editor that does not wrap shows its start), and Python
  turns the strict check off (tested); so does an f-string's field past the screen, a list of short
  items run on past it, and a schema's description of 300 characters followed by `, "minimum": -1000`.
  Each passed (exit 0). Now a token that starts past the 120th column (the repository's line length)
  in a Python source or a JSON file that runs or configures the check, but a comment, a closing
  bracket or a comma, stops the extraction (no_code_past_the_screen; Python read by its tokens, JSON
  by its own); a long string or comment may run on with nothing after it.
- **A change "Hide whitespace" shows as none.** GitHub's review offers to hide white space changes
  (`?w=1`, `git diff -w`), as reviewers do for a block wrapped in a new `with`. A line whose change is
  white space alone is then no change at all: a checker module whose one change indented `return
  found` into its loop (Python then returns on the first name, tested; `git diff -w` shows no hunk)
  passed (exit 0), and so did `MODE = "strict"` made `"str ict"`, `return not failed` made `return
  notfailed`, a step's `continue-on-error` moved to its job, `run: make test` made `run:make test` (a
  string, no key) and a here-document's `EOF` indented (bash then ends it nowhere). Now such a line of a
  file that runs or configures the check stops the extraction (code_shown_with_white_space, from where
  the pull request branched): white space within the line, but a Python line read as the same tokens
  (`X=1` made `X = 1`); its indentation, but where the line moves with its block under a line the view
  shows added or removed (a block wrapped in a new `with`, left by an `if` taken away, a method moved
  into a new class); and a line among the 3 lines of context the view shows around a change is shown
  as it reads (if not as changed). Of the repository's 2,105 commits one is refused: two lines moved
  into an `else:` block, which the view never showed.

Tried, and held (the check refused them, or what runs is what the review shows):
- a workflow's `'on':` beside `on:` (one key to YAML 1.2 and GitHub, two to PyYAML's 1.1): read as both;
- `Actions/checkout@v4` (GitHub's names are case-blind): GitHub's own; `actions-rs/toolchain@v1` is
  another party's and refused;
- a second `check:` recipe after a blank line and a comment (make passes over both): read as its rule's;
- a module-level name bound again in a `try`'s `finally` (which runs whichever branch ran): refused;
- the repository's history: the white space rule refuses one of its 2,105 commits (two lines moved
  into an `else:` the view never showed), the rule of names bound twice none of 1,431 versions of its
  Python over the last 600 commits, the makefile's rule none of the Makefile's 13 versions, the
  shell's none of `.ci/`'s 15; its tree passes every rule.

Left (not refused): GitHub's "Load diff" fold (an xfail test); code past the screen in a shell
script, a workflow, a makefile or a template (an xfail test: their honest lines run past 120 columns);
under "Hide whitespace", a line changed in white space alone among the 3 lines of context around a
shown change (shown as it reads, not as changed), a line of a multi-line Python string whose amount
of white space changed (read alone, it is the same tokens), and lines GitHub's diff may align
otherwise than git's; GitHub's own actions by tags, and build requirements and pre-commit's
`additional_dependencies` by ranges; `export-ignore` on the registry's files (an archive without a
record or a source fails `trials check` of it: E108, E401); a test's input run by a path built from
parts (`include $(INPUTS)/rules.txt`, a glob) or by a test's Python (`exec(open(...).read())`, a line
its review shows); a makefile's include by a name built from parts (`include $(DIR)/local.mk`), a
pattern or a folder make is given (`-I`), for definitions given twice; a key given twice in an INI
file (setup.cfg, tox.ini; TOML refuses one itself); a name bound twice in a function, or through
`setattr`, `globals()` or a function's `global` statement; a shell function defined twice in a
workflow's `run:`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    MAKEFILE,
    committed_with_code,
    extraction,
    git_bytes,
    git_run,
    passed_by_the_extraction,
    pull_request_beside_a_makefile,
    pull_request_made,
    put,
    refused_by_the_trusted_check,
    trusted_check_once,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")


HOOKS = (
    "repos:\n  - repo: local\n    hooks:\n      - id: trials-validate\n        name: validate\n"
    "        entry: .venv/bin/trials validate\n        language: system\n        files: ^trials/\n"
)
CI, TABLE = ".github/workflows/ci.yml", "scripts/sle_trials/table.json"
STEP = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"

TWICE = [
    ({".pre-commit-config.yaml": HOOKS + '        entry: "true"\n'}, ".pre-commit-config.yaml line 9: the key 'entry'"),
    ({".github/workflows/ci.yml": STEP + "        run: exit 0\n"}, ".github/workflows/ci.yml line 7: the key 'run'"),
    ({CI: "on: push\njobs: {}\n'on': pull_request\n"}, f"{CI} line 3: the key 'on'"),
    ({".pre-commit-config.yaml": "yes: 1\nrepos: []\ntrue: 2\n"}, ".pre-commit-config.yaml line 3: the key"),
    (
        {"schema/extra.schema.json": '{\n  "minimum": 0,\n  "type": "integer",\n  "minimum": -1000\n}\n'},
        "schema/extra.schema.json line 4: the key 'minimum'",
    ),
    ({TABLE: '{"a": {"b": 1, "\\u0062": 2}}\n'}, f"{TABLE} line 1: the key 'b'"),
]


@pytest.mark.parametrize(("changes", "said"), TWICE)
def test_a_key_given_twice_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_pyyaml_takes_the_last_of_a_key_given_twice() -> None:
    """The mechanism: pre-commit reads its settings with PyYAML, which keeps the later `entry`."""
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load(HOOKS + '        entry: "true"\n')
    assert hooks["repos"][0]["hooks"][0]["entry"] == "true"


@pytest.mark.parametrize(
    "changes",
    [
        {".pre-commit-config.yaml": HOOKS + "      - id: trials-refs\n        entry: .venv/bin/trials refs\n"},
        {".github/workflows/ci.yml": STEP + "      - run: make check\n"},  # the same key in two mappings
        {"schema/extra.schema.json": '{"a": {"minimum": 0}, "b": {"minimum": 0}}\n'},
        {"tests/fixtures/twice.yaml": "nct_id: NCT00000001\nnct_id: NCT00000002\n"},  # a test's input
        {".github/workflows/ci.yml": "on: push\njobs: {}\n# on: pull_request\n"},
    ],
)
def test_a_key_once_in_each_mapping_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


SHA = "0123456789abcdef0123456789abcdef01234567"
DIGEST = "0123456789abcdef" * 4
ACTION_YML = "runs:\n  using: composite\n  steps:\n    - uses: someone/setup@v2\n"
REMOTE = "repos:\n  - repo: https://github.com/someone/hooks\n    rev: v1.2.0\n    hooks:\n      - id: lint\n"


JOB_OF = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n"


def _step(uses: str) -> dict[str, str | bytes]:
    return {CI: STEP.replace("      - run: make test\n", f"      - uses: {uses}\n")}


MOVED = [
    (_step("someone/lint@v1"), f"{CI} line 6: `uses: someone/lint@v1` runs another party's action"),
    (_step("someone/lint@main"), f"{CI} line 6: `uses: someone/lint@main`"),
    (_step(f"someone/lint@{SHA[:7]}"), f"{CI} line 6: `uses: someone/lint@0123456`"),
    (_step("docker://alpine:3.19"), f"{CI} line 6: `uses: docker://alpine:3.19`"),
    (
        {CI: "on: push\njobs:\n  call:\n    uses: someone/flows/.github/workflows/check.yml@v3\n"},
        f"{CI} line 4: `uses: someone/flows/.github/workflows/check.yml@v3`",
    ),
    ({"actions/setup/action.yml": ACTION_YML}, "actions/setup/action.yml line 4: `uses: someone/setup@v2`"),
    (
        {".pre-commit-config.yaml": REMOTE},
        ".pre-commit-config.yaml line 3: the hooks of https://github.com/someone/hooks",
    ),
    ({CI: JOB_OF + "    container: someone/image:latest\n"}, f"{CI} line 5: the image someone/image:latest"),
    ({CI: JOB_OF + "    container:\n      image: someone/image:3\n"}, f"{CI} line 6: the image someone/image:3"),
    ({CI: JOB_OF + "    services:\n      cache:\n        image: someone/cache:v1\n"}, f"{CI} line 7: the image"),
    ({CI: JOB_OF + "    container: ${{ matrix.image }}\n"}, f"{CI} line 5: the image ${{{{ matrix.image }}}}"),
    (
        {"lint/action.yml": "runs:\n  using: docker\n  image: docker://someone/lint:v1\n"},
        "lint/action.yml line 3: the image docker://someone/lint:v1",
    ),
]


@pytest.mark.parametrize(("changes", "said"), MOVED)
def test_what_runs_by_a_name_that_moves_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        _step(f"someone/lint@{SHA}"),  # a full commit id: one tree
        _step(f"actions/checkout@{SHA}"),  # GitHub's own, by a commit id (by a tag: hunt 206)
        _step("./actions/check"),  # this tree's own, read as code
        _step(f"docker://alpine@sha256:{DIGEST}"),
        {".pre-commit-config.yaml": REMOTE.replace("v1.2.0", SHA)},
        {".pre-commit-config.yaml": HOOKS},  # a local repository: the hooks are the tree's
        {"docs/example.yml": "uses: someone/lint@v1\n"},  # neither a workflow nor an action
        {CI: JOB_OF + f"    container: someone/image@sha256:{DIGEST}\n"},  # an image by its digest
        {CI: JOB_OF + f"    services:\n      cache:\n        image: someone/cache@sha256:{DIGEST}\n"},
        {"lint/action.yml": "runs:\n  using: docker\n  image: Dockerfile\n"},  # this tree's own, read as code
        {CI: STEP + "        with:\n          container: someone/image:latest\n"},  # an action's input, no job's
    ],
)
def test_what_runs_by_a_commit_id_or_from_this_tree_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


STRICT_MODULE = "scripts/sle_trials/checks/strict.py"
OPTIONAL = {STRICT_MODULE: "STRICT = True\n", "scripts/sle_trials/checks/rules.py": "STRICT = False\n"}


@pytest.mark.parametrize(
    ("attributes", "path"),
    [
        (f"{STRICT_MODULE} export-ignore\n", STRICT_MODULE),
        ("*.toml export-ignore\n", "pyproject.toml"),
        ("/.github/** export-ignore\n", CI),
        ("SCRIPTS/** export-ignore\n", STRICT_MODULE),  # as a clone on a disk folding case matches it
        ("schema/** export-ignore\n", "schema/trial.schema.json"),
    ],
)
def test_code_left_out_of_an_archive_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, attributes: str, path: str
) -> None:
    changes: dict[str, str | bytes] = {
        **OPTIONAL,
        "pyproject.toml": "[project]\n",
        CI: STEP,
        ".gitattributes": attributes,
    }
    refused_by_the_trusted_check(
        request, tmp_path, changes, f"{path}: the pull request's attributes have git leave it out of an archive"
    )


def test_git_archive_leaves_out_a_module_marked_export_ignore(tmp_path: Path) -> None:
    """The mechanism: the branch's archive (GitHub's ZIP) holds no module the review showed."""
    root = pull_request_beside_a_makefile(tmp_path, {**OPTIONAL, ".gitattributes": f"{STRICT_MODULE} export-ignore\n"})
    archived = git_bytes(root, "archive", "--format=zip", "pr")
    assert b"scripts/sle_trials/checks/rules.py" in archived and STRICT_MODULE.encode() not in archived


@pytest.mark.parametrize(
    "attributes", ["docs/** export-ignore\n", "*.md export-ignore\n", f"{STRICT_MODULE} -export-ignore\n"]
)
def test_documentation_left_out_of_an_archive_passes(tmp_path: Path, attributes: str) -> None:
    passed_by_the_extraction(tmp_path, {**OPTIONAL, "docs/notes.md": "Notes.\n", ".gitattributes": attributes})


A_TEST = {"tests/test_x.py": "def test_x() -> None:\n    assert True\n", STRICT_MODULE: "STRICT = True\n"}


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        (
            {**A_TEST, "scripts/sle_trials/checks/ruff.toml": '[lint]\nignore = ["ALL"]\n'},
            "scripts/sle_trials/checks/ruff.toml",
        ),
        ({**A_TEST, "scripts/.ruff.toml": "line-length = 400\n"}, "scripts/.ruff.toml"),
        ({**A_TEST, "tests/pytest.ini": ""}, "tests/pytest.ini"),  # an empty one: pytest reads none of pyproject's
        ({**A_TEST, "tests/setup.cfg": "[tool:pytest]\naddopts = -p no:warnings\n"}, "tests/setup.cfg"),
        ({**A_TEST, "tests/tox.ini": "[pytest]\n"}, "tests/tox.ini"),
        ({**A_TEST, "scripts/sle_trials/pyproject.toml": "[tool.ruff]\n"}, "scripts/sle_trials/pyproject.toml"),
        ({"benchmarks/MYPY.INI": "[mypy]\n", "benchmarks/bench.py": "X = 1\n"}, "benchmarks/MYPY.INI"),
    ],
)
def test_settings_below_the_top_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], path: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, f"{path}: a tool's settings below the top")


@pytest.mark.parametrize(
    "path", ["tests/sub/conftest.py", "scripts/conftest.py", "tests/fixtures/conftest.py", "benchmarks/conftest.py"]
)
def test_a_conftest_but_the_tests_one_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str
) -> None:
    hook = "def pytest_collection_modifyitems(items):\n    items.clear()\n"
    refused_by_the_trusted_check(
        request, tmp_path, {**A_TEST, path: hook}, f"{path}: a conftest.py, whose hooks pytest runs"
    )


@pytest.mark.skipif(not (Path(sys.executable).parent / "ruff").exists(), reason="needs ruff beside Python")
def test_ruff_reads_a_subfolders_settings_in_place_of_the_tops(tmp_path: Path) -> None:
    """The mechanism: pyproject.toml holds every line to 20 characters; ruff.toml below it lets them be."""
    put(tmp_path, "pyproject.toml", '[tool.ruff]\nline-length = 20\n[tool.ruff.lint]\nselect = ["E501"]\n')
    put(tmp_path, "pkg/module.py", "LONG = " + '"' + "x" * 40 + '"\n')
    ruff = [str(Path(sys.executable).parent / "ruff"), "check", "--no-cache", "--quiet", "."]
    assert subprocess.run(ruff, cwd=tmp_path, capture_output=True, timeout=60).returncode == 1
    put(tmp_path, "pkg/ruff.toml", '[lint]\nignore = ["ALL"]\n')
    assert subprocess.run(ruff, cwd=tmp_path, capture_output=True, timeout=60).returncode == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"docs/example/pytest.ini": "[pytest]\n", "docs/example/ruff.toml": "line-length = 99\n"},  # no Python below
        {"tests/fixtures/pyproject/pyproject.toml": "[project]\nname = 'x'\n"},  # a test's input, no Python
        {**A_TEST, "tests/conftest.py": "import pytest\n"},
        {"pyproject.toml": "[tool.ruff]\nline-length = 120\n", "setup.cfg": "[metadata]\n"},  # the top's own
    ],
)
def test_settings_at_the_top_or_beside_no_python_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


NUL_RULES = b"check:\n\techo unreviewed\n\0\n"
SOURCED = "#!/usr/bin/env bash\nset -euo pipefail\nsource tests/fixtures/env.txt\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"Makefile": "include tests/fixtures/rules.txt\n" + MAKEFILE, "tests/fixtures/rules.txt": NUL_RULES},
            "line 3",
        ),
        ({"Makefile": "-include ./tests/fixtures/rules\n" + MAKEFILE, "tests/fixtures/rules": NUL_RULES}, "line 3"),
        ({".ci/check": SOURCED, "tests/fixtures/env.txt": "MODE=lax\u200b\n"}, "line 1: an invisible"),
        ({"tests/fixtures/rules.mk": NUL_RULES}, "line 3: a NUL byte"),  # a makefile by its name
        ({"tests/hostile/run.sh": "echo ok\rexit 0\n"}, "line 1: a carriage return"),
        ({"tests/fixtures/run": b"#!/bin/sh\necho ok \n"}, "line 2: white space at the end"),
        (
            {CI: STEP + "      - uses: ./tests/fixtures/act\n", "tests/fixtures/act/action.yml": ACTION_YML},
            "line 4: `uses",
        ),
    ],
)
def test_a_tests_input_that_runs_is_read_as_code(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    path = next(path for path in changes if path.startswith("tests/"))
    refused_by_the_trusted_check(request, tmp_path, changes, f"{path} {said}")


def test_an_executable_input_is_read_as_code(tmp_path: Path) -> None:
    root = committed_with_code(tmp_path, "Makefile", MAKEFILE)
    git_run(root, "checkout", "-q", "-b", "pr")
    put(root, "tests/fixtures/tool", "echo ok \n").chmod(0o755)
    pull_request_made(root)
    assert "100755" in git_run(root, "ls-tree", "pr", "tests/fixtures/tool")
    checked = extraction(root, "pr", tmp_path / "review")
    assert "trusted-check: tests/fixtures/tool line 1: white space at the end" in checked.stderr, checked.stderr


@pytest.mark.parametrize("path", ["tests/fixtures/test_setup.py", "tests/hostile/helper.py", "tests/fixtures/x/y.pyw"])
def test_python_among_the_tests_inputs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str
) -> None:
    refused_by_the_trusted_check(
        request, tmp_path, {path: "X = 1\n"}, f"{path}: a Python source among the tests' inputs"
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"tests/fixtures/broken.yaml": b"a NUL\0 and a lone CR\r, kept as they are\n"},  # named by no code
        {  # named by a test, which reads it as data, and by .gitattributes
            "tests/test_x.py": 'TEXT = "tests/fixtures/broken.txt"\n',
            "tests/fixtures/broken.txt": b"\0\r\n",
            ".gitattributes": "tests/fixtures/broken.txt -text\n",
        },
        {
            ".pre-commit-config.yaml": "exclude: ^(tests/fixtures/|tests/hostile/)\nrepos: []\n",
            "tests/fixtures/x.txt": b"\0",
        },
        {"Makefile": "include tests/fixtures/rules.mk\n" + MAKEFILE, "tests/fixtures/rules.mk": "check:\n\techo ok\n"},
    ],
)
def test_inputs_no_code_runs_or_that_hide_nothing_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


LONG = "x" * 300
HIDDEN_OFF = f'MODE = "{LONG}"; STRICT = False\n'


def test_python_reads_code_after_a_long_string() -> None:
    """The mechanism: a reviewer's view shows the line's start, a string; Python runs what follows it."""
    space: dict[str, object] = {"STRICT": True}
    exec(HIDDEN_OFF, space)  # the module's text, as Python reads it
    assert space["STRICT"] is False and HIDDEN_OFF[:120] == 'MODE = "' + "x" * 112


@pytest.mark.parametrize(
    ("path", "text", "said"),
    [
        (STRICT_MODULE, HIDDEN_OFF, "line 1: ';' at column 310"),
        (STRICT_MODULE, "import os\nNOTE = f'" + "x" * 200 + '{os.system("id")}\'\n', "line 2: '{os.system"),
        (STRICT_MODULE, "CHECKS = [" + "'a', " * 40 + "off()]\n", "line 1: \"'a'\" at column 121"),
        (STRICT_MODULE, 'TEXT = """a\n' + "x" * 150 + ' """ + str(STRICT := False)\n', "line 2: '+' at column 156"),
        ("schema/extra.schema.json", f'{{"description": "{LONG}", "minimum": -1000}}\n', "line 1: '\"minimum\"'"),
    ],
)
def test_code_past_the_screen_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {path: text}, f"{path} {said}")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (STRICT_MODULE, f'PATTERN = (\n    r"{LONG}"\n)\n'),  # a long string, closed after
        (STRICT_MODULE, f'TABLE = {{"a": "{LONG}", "b": 1}}\n'.replace(', "b": 1', ",")),
        (STRICT_MODULE, f"STRICT = True  # {LONG}\n"),  # a comment runs on
        (STRICT_MODULE, f'NOTE = f"{{STRICT}} {LONG}"\n'),  # an f-string's field on the screen
        ("schema/extra.schema.json", f'{{\n  "description": "{LONG}",\n  "minimum": 0\n}}\n'),
        ("docs/notes.md", f"{LONG} `STRICT = False`\n"),  # documentation
    ],
)
def test_a_long_string_or_comment_with_nothing_after_passes(tmp_path: Path, path: str, text: str) -> None:
    passed_by_the_extraction(tmp_path, {path: text})


@pytest.mark.xfail(
    strict=True,
    reason="code past the screen in a shell script, a workflow, a makefile or a template: no tokenizer of theirs is "
    "read here, and the repository's honest lines put code past 120 columns (.ci/run, the Makefile, drift.yml, the "
    "site's templates), so a length alone would refuse them",
)
def test_code_past_the_screen_in_a_script_stops_the_extraction(tmp_path: Path) -> None:
    root = pull_request_beside_a_makefile(
        tmp_path, {".ci/check": f'#!/usr/bin/env bash\nset -euo pipefail\necho "{LONG}"; exit 0\n'}
    )
    assert extraction(root, "pr", tmp_path / "review").returncode == 2


LOOP = (
    "def changed(listed):\n    found = []\n    for name in listed:\n        if name:\n            found.append(name)\n"
)
RETURNED = LOOP + "    return found\n"
RETURNED_IN_THE_LOOP = LOOP + "        return found\n"
HEREDOC = "#!/usr/bin/env bash\nset -euo pipefail\ncat >/dev/null <<EOF\na note\nEOF\n.venv/bin/trials check\n"
JOB = STEP + "        continue-on-error: false\n"


def _changed(tmp_path: Path, path: str, before: str, after: str) -> Path:
    """A registry whose main holds path as before, and a branch `pr` that changes it to after."""
    root = committed_with_code(tmp_path, path, before)
    git_run(root, "checkout", "-q", "-b", "pr")
    put(root, path, after)
    pull_request_made(root)
    return root


def test_hide_whitespace_shows_no_change_of_a_return_moved_into_the_loop(tmp_path: Path) -> None:
    """The mechanism: `git diff -w` (GitHub's "Hide whitespace") shows no line of the change, and Python
    returns on the first name."""
    root = _changed(tmp_path, STRICT_MODULE, RETURNED, RETURNED_IN_THE_LOOP)
    assert "return found" in git_run(root, "diff", "main", "pr")
    assert "@@" not in git_run(root, "diff", "-w", "main", "pr")
    space: dict[str, object] = {}
    exec(RETURNED_IN_THE_LOOP, space)  # the module's text, as Python reads it
    changed = space["changed"]
    assert callable(changed) and changed(["a", "b"]) == ["a"]


@pytest.mark.parametrize(
    ("path", "before", "after", "said"),
    [
        (STRICT_MODULE, RETURNED, RETURNED_IN_THE_LOOP, "line 6: its indentation changed alone"),
        (
            STRICT_MODULE,
            RETURNED + "\n\ndef other():\n    return 1\n",
            RETURNED_IN_THE_LOOP + "\n\ndef other():\n    return 1\n",
            "line 6: its indentation",
        ),
        (STRICT_MODULE, 'MODE = "strict"\n', 'MODE = "str ict"\n', "line 1: a change of white space alone within"),
        (
            STRICT_MODULE,
            "def ok():\n    return not failed\n",
            "def ok():\n    return notfailed\n",
            "line 2: a change of white space alone",
        ),
        (
            CI,
            JOB,
            JOB.replace("        continue-on-error", "    continue-on-error"),
            "line 7: its indentation changed alone",
        ),
        (CI, STEP, STEP.replace("run: make test", "run:make test"), "line 6: a change of white space alone"),
        (".ci/check", HEREDOC, HEREDOC.replace("\nEOF\n", "\n  EOF\n"), "line 5: its indentation changed alone"),
    ],
)
def test_a_change_hide_whitespace_shows_as_none_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, before: str, after: str, said: str
) -> None:
    root = _changed(tmp_path, path, before, after)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {path} {said}" in checked.stderr, checked.stderr


SETUP = STEP.replace("run: make test", f'uses: actions/setup-python@{SHA}\n        python-version: "3.11"')
METHOD = 'def check(record):\n    """Check a record."""\n    return record\n'
TWO_CALLS = "def run():\n    first()\n    second()\n"


@pytest.mark.parametrize(
    ("path", "before", "after"),
    [
        (STRICT_MODULE, TWO_CALLS, "def run():\n    with opened():\n        first()\n        second()\n"),
        (STRICT_MODULE, "def run():\n    if ready:\n        first()\n        second()\n", TWO_CALLS),
        (STRICT_MODULE, METHOD, "class Checker:\n    " + METHOD.replace("\n    ", "\n        ").rstrip(" ")),
        (STRICT_MODULE, "X=1\nY = {'a':1}  # a note\n", "X = 1\nY = {'a': 1}  #  a note\n"),  # the same tokens
        (CI, SETUP, SETUP.replace('        python-version: "3.11"', '        with:\n          python-version: "3.11"')),
        (
            ".ci/check",
            HEREDOC,
            HEREDOC.replace(".venv/bin/trials check\n", "if true; then\n    .venv/bin/trials check\nfi\n"),
        ),
        (STRICT_MODULE, RETURNED, RETURNED.replace("found.append(name)", "found.append(name.strip())")),
        # shown as it reads, among the lines of context around a change the view shows
        (STRICT_MODULE, RETURNED, RETURNED_IN_THE_LOOP.replace("found.append(name)", "found.append(name.strip())")),
    ],
)
def test_a_change_hide_whitespace_shows_passes(tmp_path: Path, path: str, before: str, after: str) -> None:
    """A block moved under a line the view shows added or removed, a line that reads as the same tokens,
    and every change of the words."""
    root = _changed(tmp_path, path, before, after)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.xfail(
    strict=True,
    reason="GitHub folds a large file's diff behind 'Load diff' (hunt 192 reads it at 400 lines or 20 KB): one click "
    "shows it, the fold says the diff is large, and a limit there refuses every honest new module or table of that "
    "size (the repository's own hunts add test modules of 700 lines)",
)
def test_a_change_of_the_code_folded_behind_load_diff_stops_the_extraction(tmp_path: Path) -> None:
    table = "".join(f"ROW_{n} = {n}\n" for n in range(500))
    root = _changed(tmp_path, STRICT_MODULE, "STRICT = True\n", table + "STRICT = False\n")
    assert extraction(root, "pr", tmp_path / "review").returncode == 2


RECIPE_AGAIN = "check:\n\t@echo validate\n\nother:\n\t@echo other\n\ncheck:\n\n# a note\n\t@echo skipped\n"


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_runs_the_later_of_a_recipe_given_twice(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text(RECIPE_AGAIN, encoding="utf-8")
    ran = subprocess.run(["make", "-s", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert ran.stdout == "skipped\n" and "overriding recipe for target" in ran.stderr, ran


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (RECIPE_AGAIN, "line 7: the recipe of check given again"),
        ("MODE := strict\ncheck:\n\t@echo $(MODE)\nMODE := lax\n", "line 4: the variable MODE given again"),
        ("MODE = strict\nifeq (1,1)\nMODE = lax\nendif\n", "line 3: the variable MODE given again"),
        ("define MODE\nstrict\nendef\nexport MODE = lax\n", "line 4: the variable MODE given again"),
        ("test check:\n\t@echo both\ncheck: ; @echo skipped\n", "line 3: the recipe of check given again"),
    ],
)
def test_a_makefile_definition_given_twice_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {"mk/rules.mk": text}, f"mk/rules.mk {said}")


@pytest.mark.parametrize(
    "text",
    [
        "ifeq ($(CI),true)\nMODE = strict\nelse\nMODE = lax\nendif\n",  # one of two branches
        "MODE ?= strict\nMODE += verbose\nMODE ?= lax\n",  # a default, and an addition
        ".PHONY: check\ncheck:\n\t@echo validate\n.PHONY: test\ncheck: pyproject.toml\n",  # prerequisites added
        "all:: one\n\t@echo one\nall:: two\n\t@echo two\n",  # double-colon rules: each recipe runs
    ],
)
def test_a_makefile_definition_once_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {"mk/rules.mk": text})


CHECKED = "check:\n\t@echo validate\n"
LOCAL = "check:\n\t@echo skipped\n"


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_runs_an_included_files_recipe_in_place_of_the_makefiles(tmp_path: Path) -> None:
    put(tmp_path, "Makefile", CHECKED + "include mk/local.mk\n")
    put(tmp_path, "mk/local.mk", LOCAL)
    ran = subprocess.run(["make", "-s", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert ran.stdout == "skipped\n" and "overriding recipe for target" in ran.stderr, ran


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"Makefile": CHECKED + "include mk/local.mk\n", "mk/local.mk": LOCAL},
            "mk/local.mk line 1: the recipe of check",
        ),
        (
            {"Makefile": "-include ./mk/local.mk\n" + CHECKED, "mk/local.mk": LOCAL},
            "Makefile line 2: the recipe of check",
        ),
        (
            {"Makefile": CHECKED + "ifeq (1,1)\ninclude mk/a.mk\nendif\n", "mk/a.mk": "include mk/b\n", "mk/b": LOCAL},
            "mk/b line 1: the recipe of check",
        ),
        (
            {"Makefile": "MODE := strict\n" + CHECKED + "include mk/x.mk\n", "mk/x.mk": "MODE := lax\n"},
            "mk/x.mk line 1",
        ),
    ],
)
def test_a_makefile_definition_given_again_in_an_included_file_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, f"{said}")


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": CHECKED + "include mk/other.mk\n", "mk/other.mk": "report:\n\t@echo report\n"},
        {  # one of two branches
            "Makefile": "ifeq ($(CI),true)\ninclude mk/ci.mk\nelse\ninclude mk/local.mk\nendif\n",
            "mk/ci.mk": CHECKED,
            "mk/local.mk": LOCAL,
        },
        {"Makefile": CHECKED + "include mk/x.mk\n", "mk/x.mk": "check: pyproject.toml\nMODE ?= lax\n"},  # no recipe
    ],
)
def test_an_included_makefile_defining_its_own_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


CHECK = "def check(record):\n    return [rule(record) for rule in RULES]\n"
LATER = "\n\ndef check(record):\n    return []\n"


def test_python_runs_the_later_of_a_def_given_twice() -> None:
    space: dict[str, object] = {"RULES": [len]}
    exec(CHECK + LATER, space)  # the module's text, as Python reads it
    check = space["check"]
    assert callable(check) and check("x") == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (CHECK + LATER, "line 5: the name 'check' bound again"),
        (CHECK + "\n\nif True:\n\n    def check(record):\n        return []\n", "line 7: the name 'check'"),
        ("STRICT = True\n" + CHECK + "\n\nSTRICT: bool = False\n", "line 6: the name 'STRICT'"),
        (
            "class Rules:\n    def strict(self):\n        return True\n\n    def strict(self):\n        return False\n",
            "line 5",
        ),
        ("try:\n    STRICT = True\nfinally:\n    STRICT = False\n", "line 4: the name 'STRICT'"),
        ("def test_refused():\n    assert False\n\n\ndef test_refused():\n    assert True\n", "line 5"),
    ],
)
def test_a_name_bound_twice_in_its_scope_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {STRICT_MODULE: text}, f"{STRICT_MODULE} {said}")


@pytest.mark.parametrize(
    "text",
    [
        "try:\n    import tomllib\nexcept ImportError:\n    tomllib = None\n",  # a handler's
        "import sys\nif sys.version_info >= (3, 12):\n    MODE = 'new'\nelse:\n    MODE = 'old'\n",  # two branches
        "from typing import overload\n\n\n@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\n"
        "def f(x):\n    return x\n",
        "class C:\n    @property\n    def x(self):\n        return 1\n\n"
        "    @x.setter\n    def x(self, value):\n        pass\n",
        "class A:\n    def __init__(self):\n        pass\n\n\nclass B:\n    def __init__(self):\n        self.x = 1\n",
        # a function's own names, bound again once read (bound again unread: hunt 206)
        "def f():\n    x = 1\n    x = x + 2\n    return x\n",
    ],
)
def test_a_name_bound_once_in_its_scope_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT_MODULE: text})


BOUND = "STRICT = True\n"


def test_python_keeps_the_later_of_a_name_bound_by_a_tuple_or_an_import() -> None:
    """The mechanism: a tuple's target and an import's alias bind a name a reviewer read bound already."""
    space: dict[str, object] = {}
    exec(BOUND + "STRICT, _unused = False, None\n", space)  # the module's text, as Python reads it
    assert space["STRICT"] is False
    exec(CHECK + "from os.path import basename as check\n", space)
    assert space["check"] is __import__("os").path.basename


def test_singledispatch_register_rebinds_the_name_it_decorates() -> None:
    """The mechanism: `@check.register def check` binds `check` to the registered def."""
    space: dict[str, object] = {"RULES": [len]}
    exec(
        "from functools import singledispatch\n@singledispatch\n" + CHECK + "@check.register\n"
        "def check(record: str):\n    return []\n",
        space,
    )  # the module's text, as Python reads it
    check = space["check"]
    assert callable(check) and check("x") == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (BOUND + "STRICT, _unused = False, None\n", "line 2: the name 'STRICT'"),
        (BOUND + "[_first, *STRICT] = [0]\n", "line 2: the name 'STRICT'"),
        (BOUND + "STRICT &= False\n", "line 2: the name 'STRICT'"),
        ("LIMIT = 0\nLIMIT += 1000\n", "line 2: the name 'LIMIT'"),  # `+=` to a number: another value
        (CHECK + "for check in [len]:\n    pass\n", "line 3: the name 'check'"),
        (BOUND + "with open(__file__) as STRICT:\n    pass\n", "line 2: the name 'STRICT'"),
        (BOUND + "MODES = [STRICT := False]\n", "line 2: the name 'STRICT'"),
        (BOUND + "MODES = [(STRICT := False) for _ in [1]]\n", "line 2: the name 'STRICT'"),  # the module's scope
        (CHECK + "from os.path import basename as check\n", "line 3: the name 'check'"),
        (BOUND + "import builtins as STRICT\n", "line 2: the name 'STRICT'"),
        (BOUND + "match 1:\n    case _:\n        STRICT = False\n", "line 4: the name 'STRICT'"),
        (BOUND + "match False:\n    case STRICT:\n        pass\n", "line 3: the name 'STRICT'"),  # a capture
        (BOUND + "for _ in []:\n    pass\nelse:\n    STRICT = False\n", "line 5: the name 'STRICT'"),
        ("class Rules:\n    strict = True\n    strict, lax = False, True\n", "line 3: the name 'strict'"),
        (  # singledispatch's register returns the function it is given: `check` is the later
            "from functools import singledispatch\n\n\n@singledispatch\n" + CHECK + "\n\n@check.register\n"
            "def check(record: str):\n    return []\n",
            "line 10: the name 'check'",
        ),
        (CHECK + "\n\n@overload\ndef check(record):\n    return []\n", "line 6: the name 'check'"),  # any `overload`
        (CHECK + "\n\n@other.setter\ndef check(record):\n    return []\n", "line 6: the name 'check'"),
    ],
)
def test_a_name_bound_again_by_any_binding_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {STRICT_MODULE: text}, f"{STRICT_MODULE} {said}")


@pytest.mark.parametrize(
    "text",
    [
        "__all__ = ['a']\n__all__ += ['b']\n",  # added to a list
        "MACHINE = {'.git'}\nMACHINE |= {'_site'}\nTEXT = 'a'\nTEXT += 'b'\n",  # a set, a string
        "import os\nimport os.path\n",  # the same module
        "match 1:\n    case 1:\n        MODE = 'a'\n    case _:\n        MODE = 'b'\n",  # two branches
        "ROWS = [name for name in 'ab']\nname = 'c'\nADD = lambda: (x := 1)\nx = 2\n",  # scopes of their own
        "try:\n    pass\nexcept ValueError as error:\n    pass\ntry:\n    pass\nexcept KeyError as error:\n    pass\n",
        "for name in 'ab':\n    pass\n",  # a loop binds its target again and again
        "from functools import singledispatch\n\n\n@singledispatch\ndef f(x):\n    return x\n\n\n@f.register\n"
        "def _(x: int):\n    return x\n\n\n@f.register\ndef _(x: str):\n    return x\n",
    ],
)
def test_a_name_bound_once_or_added_to_passes(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {STRICT_MODULE: text})


def test_pytest_reads_a_pytest_toml_in_place_of_pyproject_toml(tmp_path: Path) -> None:
    """The mechanism: pytest 9 reads an empty pytest.toml, and none of pyproject.toml's settings."""
    put(tmp_path, "pyproject.toml", '[tool.pytest.ini_options]\naddopts = "-x"\n')
    put(tmp_path, "pytest.toml", "")
    put(tmp_path, "test_x.py", "def test_x() -> None:\n    pass\n")
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "--co", "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "configfile: pyproject.toml" in ran.stdout:
        pytest.skip("a pytest before 9 reads no pytest.toml")
    assert "configfile: pytest.toml" in ran.stdout, ran.stdout


@pytest.mark.parametrize("name", ["pytest.toml", ".pytest.toml", "tests/pytest.toml"])
def test_a_pytest_toml_stops_the_extraction(request: pytest.FixtureRequest, tmp_path: Path, name: str) -> None:
    said = (
        "a settings file its tool reads in place of pyproject.toml"
        if "/" not in name
        else "a tool's settings below the top"
    )
    refused_by_the_trusted_check(
        request, tmp_path, {**A_TEST, "pyproject.toml": "[project]\n", name: ""}, f"{name}: {said}"
    )


TWICE_DEFINED = (
    "#!/usr/bin/env bash\nset -euo pipefail\ncheck() {\n    .venv/bin/trials check\n}\ncheck() { :; }\ncheck\n"
)


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_bash_runs_the_later_of_a_function_defined_twice(tmp_path: Path) -> None:
    put(tmp_path, "script", TWICE_DEFINED.replace(".venv/bin/trials check", "echo checked"))
    ran = subprocess.run(["bash", str(tmp_path / "script")], capture_output=True, text=True, timeout=60)
    assert (ran.returncode, ran.stdout) == (0, ""), ran


@pytest.mark.parametrize(
    ("path", "text", "said"),
    [
        (".ci/check", TWICE_DEFINED, "line 6: the function check defined again"),
        ("scripts/run.sh", "check() { echo a; }\nfunction check { echo b; }\n", "line 2: the function check"),
        (".ci/check", "#!/bin/sh\nfunction check() { :; }\n  check ()\n{ :; }\n", "line 3: the function check"),
    ],
)
def test_a_shell_function_defined_twice_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {path: text}, f"{path} {said}")


@pytest.mark.parametrize(
    "text",
    [
        "#!/usr/bin/env bash\ncheck() { :; }\nreport() { :; }\ncheck\ncheck\n",  # two functions, one called twice
        "#!/usr/bin/env python3\ndef check():\n    pass\n",  # no shell
    ],
)
def test_shell_functions_defined_once_pass(tmp_path: Path, text: str) -> None:
    passed_by_the_extraction(tmp_path, {".ci/check": text})
