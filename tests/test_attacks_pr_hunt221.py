"""Attacks of a pull request on the trusted check, hunt 221: a check's command whose program or makefile is not
the one its words name.

- **(left by hunt 220) A program's name written before an expansion.** `v=$(printf '3/../../bin/m%sake' '')` then
  `/usr/lib/python$v test || true` in .ci/run ran `/usr/bin/make test` (the folder `/usr/lib/python3` made the
  path make's) and dropped its status, and passed the extraction (exit 0, on main too): a built word whose written
  start was no check's was read as that program. So was `python3$v` with v=` -m pytest`, which bash splits into
  words. Now a word holding an expansion that may hold a `/` or a space is held as a check whatever is written
  before it; only an expansion of digits or of a set of letters, digits and dots (arithmetic, `$?`, `${#v}`,
  `${v%%[!0-9.]*}`) leaves the program's written start its name (git/built_commands.py), and the Makefile cuts the
  version it builds the system's Python's path of so.
- **(left by hunt 220) make run on another makefile.** `cd tools` then `make test` in .ci/run beside a committed
  `tools/Makefile` whose `test:` runs `true` ran that makefile's `test` over a failing suite; so did `make -C tools
  test`, `make -f tools/Makefile test`, `pushd tools`, `(cd tools && make test)`, `--directory=tools`, a recipe's
  `cd tools && $(MAKE) test`, a workflow step's `working-directory: tools`, and (our own) `env -C tools make test`
  and `cd tools` then `make` (its default target), and `source .ci/env` of `cd tools`: each passed the extraction
  (exit 0). Now make run in another
  folder or on another makefile may not be given a target of the top makefile, nor its default
  (git/make_run.py); another folder's own (`$(MAKE) -C docs html`) passes. An `include` of a makefile giving the
  top's `test` again, and `MAKEFILES=`, were refused already (pinned here).
- **(our own) make given options or variables by which its check runs otherwise.** `make -n test` (and `make test
  -n`, `--dry-run`, `-t`, `-q`, `--version`), `make --eval='override BIN := tools' test`, `make -e test`, `make test
  BIN=tools` beside a committed `tools/python` of `exit 0`, and `make SHELL=/bin/true test` each had `make test`
  exit 0 over a failing suite, and passed (exit 0). Now each is refused; a variable the Makefile gives a default
  alone (`?=`: `make PYTHON=python3.12 test`, `make bench N=200`) may still be given.
- **(our own) A last line ended by a backslash.** `make test || true \\` as .ci/run's last line, with no line feed
  after it, ran the check and dropped its status (bash and make read the backslash as the line's), and passed (exit
  0): the readers of logical lines held it for a next line that never came. Now the last line is read as one.
- **(our own) A command continued on the next line.** `.venv/bin/python -m pytest \\` then `tests/test_docs.py`
  (and `--deselect`, `--co`) narrowed the suite, `trap \\` then `'exit 0' EXIT` ended the script with 0, `$(MAKE)
  \\` then `-f mk/rules check` ran a file no rule read as a makefile (its step led by spaces), and `python -m pip
  \\` then `install other` installed a distribution no review reads: each passed (exit 0), its rule reading the
  file's lines one by one. Now each reads the logical lines git/shell_lines.py joins (one reader of them, which
  the rules of status_dropped, built_commands, defined_twice and exit_status now share too); a continued honest
  `pip install \\` then `-e '.[test]'`, refused as installing a distribution `\\`, passes.
- **(our own) ruff and mypy given what reads less or passes a finding.** `.venv/bin/ruff check --exit-zero .` in
  .ci/run (status 0 over every finding), `ruff check --fix .`, `ruff format .` (no `--check`: it formats in place),
  `--ignore ALL`, `--config 'lint.ignore=["ALL"]'`, `--isolated`, `ruff check scripts/sle_trials/cli.py`, `mypy
  --follow-imports=skip`, `mypy --config-file /dev/null scripts`, `mypy scripts/sle_trials/cli.py` and `python -m
  mypy -p sle_trials` each passed (exit 0). Now ruff's `check` and `format` and mypy are given only the options
  that keep what they read and their status, and no path but the top (git/lint_commands.py); the repository's
  .ci/run, ci.yml and pre-commit configuration pass.
- **(our own) A check run in the text another program runs.** `.venv/bin/python -c "import subprocess;
  subprocess.run(['make', 'test'])"`, `perl -e 'system("make test")'`, `awk 'BEGIN { system("make test") }'`, `sed
  -n '1e make test'`, `expect -c 'spawn make test; expect eof'`, `script -qc 'make test' /dev/null` and `python3 -
  <<'EOF'` over `os.system('make test')`, with no `|| true`, each ended with its program's status, 0 over a failing
  check (tested with `false`), and passed (exit 0). Now a check named in such a text is refused
  (git/status_in_text.py), and so is a process such a text starts, whose command it may build (`['ma' + 'ke',
  'test']`, awk's `system("ma" "ke test")`, sed's `s/^/ma/e`: held as a check's, as a built path is); `bash -c 'make
  test'`, `script -qec 'make test' /dev/null`, `python -m pytest` and a text starting nothing pass.
- **(our own) A default given a path of the tree.** `make PYTHON=tools/python3 test` and `make SYSTEM_BIN=tools
  test` (the Makefile's `?=` variables, which make's first commit let a command line give) beside a committed
  `tools/python3` or `tools/python3.11` had the tree's program make .venv, whose `python` then runs the suite, and
  passed (exit 0). Now such a variable is given a program's name or an absolute path, never a path of the tree
  nor one built as the script runs (git/make_run.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

HEAD = "#!/usr/bin/env bash\nset -euo pipefail\n"
WORKFLOW = ".github/workflows/ci.yml"
STEPS = "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n{}    steps:\n      - name: tests\n"
BUILT = "a command whose name the script builds as it runs"


def _run(line: int, said: str = BUILT) -> str:
    return f".ci/run line {line}: {said}"


# --- A path built as the script runs, whose program cannot be known (git/built_commands.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {".ci/run": HEAD + "v=$(printf '3/../../bin/m%sake' '')\n/usr/lib/python$v test || true\n"},
            _run(4) + " (`/usr/lib/python$v`)",
        ),
        ({".ci/run": HEAD + "v=$(printf ' -m pytest')\npython3$v || true\n"}, _run(4) + " (`python3$v`)"),
        (
            {".ci/run": HEAD + 'version=$(cat .python-version)\nif "python3.$version" test; then :; fi\n'},
            _run(4) + " (`python3.$version`)",
        ),
        (
            {".ci/run": HEAD + 'v=$(cat v)\nif "python3.${v%[!0-9.]*}" test; then :; fi\n'},
            _run(4) + " (`python3.${v%[!0-9.]*}`)",
        ),
        (
            {"Makefile": "test:\n\tv=$$(printf '3/../../bin/m%sake' ''); /usr/lib/python$$v test || true\n"},
            f"Makefile line 2: {BUILT} (`/usr/lib/python$$v`)",
        ),
        (
            {WORKFLOW: STEPS.format("") + "        run: /usr/lib/python${{ env.V }} test || true\n"},
            f"{WORKFLOW} line 8: {BUILT}",
        ),
    ],
)
def test_a_path_built_as_the_script_runs_is_held_as_a_check(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_path_cut_to_a_set_of_characters_passes(tmp_path: Path) -> None:
    run = (
        HEAD
        + "version=$(python3 -c 'import sys; print(sys.version_info[1])')\n"
        + 'if "python3.${version%%[!0-9.]*}" -m venv /tmp/v; then echo made; fi\n'
        + 'if /usr/bin/python3."${version##*[!0-9]}" -m venv /tmp/w; then :; fi\n'
        + "if python3.$((10 + 1)) -m venv /tmp/x; then :; fi\n"
    )
    passed_by_the_extraction(tmp_path, {".ci/run": run, "Makefile": (REPO / "Makefile").read_text(encoding="utf-8")})


# --- make run on another makefile, or given what makes it run otherwise (git/make_run.py)
TOOLS = {"tools/Makefile": "test:\n\ttrue\n"}
ELSEWHERE = "make run in another folder or on another makefile with `test`"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".ci/run": HEAD + "cd tools\nmake test\n", **TOOLS}, _run(4, ELSEWHERE)),
        ({".ci/run": HEAD + "make -C tools test\n", **TOOLS}, _run(3, ELSEWHERE)),
        ({".ci/run": HEAD + "make -f tools/Makefile test\n", **TOOLS}, _run(3, ELSEWHERE)),
        ({".ci/run": HEAD + "pushd tools\nmake test\n", **TOOLS}, _run(4, ELSEWHERE)),
        ({".ci/run": HEAD + "(cd tools && make test)\n", **TOOLS}, _run(3, ELSEWHERE)),
        ({".ci/run": HEAD + "make --directory=tools test\n", **TOOLS}, _run(3, ELSEWHERE)),
        ({".ci/run": HEAD + "env -C tools make test\n", **TOOLS}, _run(3, ELSEWHERE)),
        ({".ci/run": HEAD + 'D=tools\ncd "$D"; make test\n', **TOOLS}, _run(4, ELSEWHERE)),
        ({".ci/run": HEAD + "source .ci/env\nmake test\n", ".ci/env": "cd tools\n", **TOOLS}, _run(4, ELSEWHERE)),
        ({".ci/run": HEAD + ". ./env\nmake test\n", ".ci/env": "pushd tools\n", **TOOLS}, _run(4, ELSEWHERE)),
        (
            {".ci/run": HEAD + "cd tools\nmake\n", **TOOLS},
            _run(4, "make run in another folder or on another makefile with no target (its default)"),
        ),
        ({"Makefile": "test:\n\tcd tools && $(MAKE) test\n", **TOOLS}, f"Makefile line 2: {ELSEWHERE}"),
        (
            {WORKFLOW: STEPS.format("") + "        working-directory: tools\n        run: make test\n", **TOOLS},
            f"{WORKFLOW} line 9: {ELSEWHERE}",
        ),
        (
            {
                WORKFLOW: STEPS.format("    defaults:\n      run:\n        working-directory: tools\n")
                + "        run: make test\n",
                **TOOLS,
            },
            f"{WORKFLOW} line 11: {ELSEWHERE}",
        ),
        (
            {
                "Makefile": "test:\n\t.venv/bin/python -m pytest\n\ninclude tools/rules.mk\n",
                "tools/rules.mk": "test:\n\ttrue\n",
            },
            "tools/rules.mk line 1: the recipe of test given again",
        ),
        ({".ci/run": HEAD + "MAKEFILES=tools/Makefile make test\n", **TOOLS}, _run(3, "`MAKEFILES` set")),
    ],
)
def test_make_run_on_another_makefile_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".ci/run": HEAD + "make -n test\n"}, _run(3, "make run with `-n`, by which it runs no recipe")),
        ({".ci/run": HEAD + "make test -n\n"}, _run(3, "make run with `-n`, by which it runs no recipe")),
        ({".ci/run": HEAD + "make -st test\n"}, _run(3, "make run with `-t`, by which it runs no recipe")),
        ({".ci/run": HEAD + "make --dry-run test\n"}, _run(3, "make run with `--dry-run`")),
        ({".ci/run": HEAD + "make -q test\n"}, _run(3, "make run with `-q`")),
        ({".ci/run": HEAD + "make --version test\n"}, _run(3, "make run with `--version`")),
        ({".ci/run": HEAD + "make test -i\n"}, _run(3, "make run with `-i`, by which it passes a failing recipe")),
        (
            {".ci/run": HEAD + "make --eval='override BIN := tools' test\n"},
            _run(3, "make run with `--eval`, by which it reads makefile text no file holds"),
        ),
        ({".ci/run": HEAD + "BIN=tools make -e test\n"}, _run(3, "make run with `-e`")),
        (
            {".ci/run": HEAD + "make test BIN=tools\n", "tools/python": "#!/bin/sh\nexit 0\n"},
            _run(3, "make given `BIN` on its command line, which overrides what the Makefile gives it"),
        ),
        ({".ci/run": HEAD + "make SHELL=/bin/true test\n"}, _run(3, "make given `SHELL` on its command line")),
        ({"Makefile": "check:\n\t$(MAKE) -n test\ntest:\n\ttrue\n"}, "Makefile line 2: make run with `-n`"),
        ({WORKFLOW: STEPS.format("") + "        run: make test --just-print\n"}, f"{WORKFLOW} line 8: make run with"),
    ],
)
def test_make_given_what_runs_its_check_otherwise_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_make_run_from_the_top_or_on_another_folders_target_passes(tmp_path: Path) -> None:
    run = (
        HEAD
        + 'cd "$(dirname "$0")/.."\nmake test\n(cd docs && echo built)\nmake -s -j2 test\n'
        + "pushd docs\necho x\npopd\nmake test\ncd docs\ncd -\nmake PYTHON=python3.12 test\nmake bench N=200\n"
        + "make -C . test\nmake -f Makefile test\n"
    )
    makefile = (REPO / "Makefile").read_text(encoding="utf-8") + "\ndocs-html:\n\t$(MAKE) -C docs html\n"
    workflow = (
        STEPS.format("")
        + "        working-directory: docs\n        run: make html\n"
        + "      - name: t\n        run: make test\n"
        + "      - name: u\n        working-directory: ${{ github.workspace }}\n        run: make test\n"
    )
    top = HEAD + 'cd "$(dirname "$0")"\nmake test\n'  # (a script at the top: its own folder is the top)
    run += "source .ci/env\nmake test\n. /etc/os-release\nmake test\n"
    env = 'log() { echo "$@"; }\n(cd docs && echo built)\ncd "$(dirname "$0")/.."\n'
    passed_by_the_extraction(
        tmp_path,
        {
            ".ci/run": run,
            "Makefile": makefile,
            WORKFLOW: workflow,
            "docs/Makefile": "html:\n\ttrue\n",
            "run.sh": top,
            ".ci/env": env,
        },
    )


# --- A last line ended by a backslash, with no line after it (git/built_commands.py, git/status_dropped.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".ci/run": HEAD + "make test || true \\"}, _run(3, "a check run with '||'")),
        ({".ci/run": HEAD + "M=ma\n${M}ke test || true \\"}, _run(4, BUILT)),
        ({"Makefile": "test:\n\t.venv/bin/python -m pytest || true \\"}, "Makefile line 2: a check run with '||'"),
    ],
)
def test_a_last_line_ended_by_a_backslash_is_read(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_last_line_continued_honestly_passes(tmp_path: Path) -> None:
    passed_by_the_extraction(tmp_path, {".ci/run": HEAD + "make \\\n  test", "Makefile": "test:\n\ttrue \\"})


# --- A command continued on the next line, read as one (git/shell_lines.py)
NARROWED = "pytest run with {}, by which it collects or runs fewer tests than tests/ holds"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {".ci/run": HEAD + ".venv/bin/python -m pytest \\\n  tests/test_docs.py\n"},
            _run(3, NARROWED.format("tests/test_docs.py")),
        ),
        (
            {".ci/run": HEAD + ".venv/bin/python -m pytest -x \\\n  --deselect tests/test_docs.py::test_x\n"},
            _run(3, NARROWED.format("--deselect")),
        ),
        (
            {"Makefile": "test:\n\t.venv/bin/python -m pytest \\\n\t\t-p no:randomly --co\n"},
            "Makefile line 2: " + NARROWED.format("--co"),
        ),
        ({".ci/run": HEAD + "trap \\\n  'exit 0' EXIT\nmake test\n"}, _run(3, "a trap whose action exits")),
        (
            {
                "Makefile": "test:\n\t$(MAKE) \\\n\t\t-f mk/rules check\n",
                "mk/rules": "check:\n\techo a\n        CHECKED=yes echo b\n",
            },
            "mk/rules line 3: a makefile's line that starts with spaces",
        ),
        (
            {".ci/run": HEAD + ".venv/bin/python -m pip \\\n  install other\nmake test\n"},
            _run(3, "the distribution other named on pip's line"),
        ),
    ],
)
def test_a_command_continued_on_the_next_line_is_read_whole(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_an_honest_command_continued_on_the_next_line_passes(tmp_path: Path) -> None:
    run = (
        HEAD
        + ".venv/bin/python -m pip install \\\n  -e '.[test]'\n.venv/bin/python -m pytest \\\n  -x -q\n"
        + "trap \\\n  'rm -rf \"$tmp\"' EXIT\nmake \\\n  test\n"
    )
    makefile = "test:\n\t$(MAKE) \\\n\t\t-f mk/rules check\n"
    passed_by_the_extraction(tmp_path, {".ci/run": run, "Makefile": makefile, "mk/rules": "check:\n\techo a\n"})


# --- ruff and mypy given options or paths by which they read less (git/lint_commands.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".ci/run": HEAD + ".venv/bin/ruff check --exit-zero .\n"}, _run(3, "ruff run with `--exit-zero`")),
        ({".ci/run": HEAD + ".venv/bin/ruff check --fix .\n"}, _run(3, "ruff run with `--fix`")),
        ({".ci/run": HEAD + ".venv/bin/ruff format .\n"}, _run(3, "ruff run with `format` without `--check`")),
        ({".ci/run": HEAD + ".venv/bin/ruff check --ignore ALL .\n"}, _run(3, "ruff run with `--ignore`")),
        (
            {".ci/run": HEAD + ".venv/bin/ruff check --config 'lint.ignore=[\"ALL\"]' .\n"},
            _run(3, "ruff run with `--config`"),
        ),
        ({".ci/run": HEAD + ".venv/bin/ruff check --isolated .\n"}, _run(3, "ruff run with `--isolated`")),
        (
            {".ci/run": HEAD + ".venv/bin/ruff check scripts/sle_trials/cli.py\n"},
            _run(3, "ruff run with `scripts/sle_trials/cli.py`"),
        ),
        (
            {".ci/run": HEAD + ".venv/bin/mypy --follow-imports=skip\n"},
            _run(3, "mypy run with `--follow-imports=skip`"),
        ),
        (
            {".ci/run": HEAD + ".venv/bin/mypy --config-file /dev/null scripts\n"},
            _run(3, "mypy run with `--config-file`"),
        ),
        ({".ci/run": HEAD + ".venv/bin/mypy scripts/sle_trials/cli.py\n"}, _run(3, "mypy run with `scripts/")),
        ({".ci/run": HEAD + ".venv/bin/python -m mypy -p sle_trials\n"}, _run(3, "mypy run with `-p`")),
        (
            {"Makefile": "BIN := .venv/bin\nlint:\n\t$(BIN)/ruff check --exit-zero .\n"},
            "Makefile line 3: ruff run with",
        ),
        (
            {WORKFLOW: STEPS.format("") + "        run: .venv/bin/ruff check --fix .\n"},
            f"{WORKFLOW} line 8: ruff run with",
        ),
    ],
)
def test_ruff_or_mypy_given_what_reads_less_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_ruff_and_mypy_run_as_configured_pass(tmp_path: Path) -> None:
    changes: dict[str, str | bytes] = {
        path: (REPO / path).read_text(encoding="utf-8") for path in (".ci/run", ".pre-commit-config.yaml")
    }
    changes[WORKFLOW] = (REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    changes[".ci/lint.sh"] = (
        HEAD + ".venv/bin/ruff --version\n.venv/bin/ruff check --output-format=github --no-cache .\n"
        ".venv/bin/ruff format --check --diff .\n.venv/bin/python -m mypy --pretty --cache-dir /tmp/m\n"
    )
    passed_by_the_extraction(tmp_path, changes)


# --- A check run in the text another program runs, which ends with its own status (git/status_in_text.py)
IN_TEXT = "a check run in the text `{}` runs ('{}'"


@pytest.mark.parametrize(
    ("script", "said"),
    [
        (
            ".venv/bin/python -c \"import subprocess; subprocess.run(['make', 'test'])\"\n",
            _run(3, IN_TEXT.format("python", "make")),
        ),
        (
            ".venv/bin/python -Bc \"import subprocess; subprocess.run('true; make test', shell=True)\"\n",
            _run(3, IN_TEXT.format("python", "make")),
        ),
        ("perl -e 'system(\"make test\")'\n", _run(3, IN_TEXT.format("perl", "make"))),
        ("awk 'BEGIN { system(\"make test\") }'\n", _run(3, IN_TEXT.format("awk", "make"))),
        ("echo x | sed -n '1e make test'\n", _run(3, IN_TEXT.format("sed", "make"))),
        ("expect -c 'spawn make test; expect eof'\n", _run(3, IN_TEXT.format("expect", "make"))),
        ("script -qc 'make test' /dev/null\n", _run(3, IN_TEXT.format("script", "make"))),
        ("python3 - <<'EOF'\nimport os\nos.system('make test')\nEOF\n", _run(3, IN_TEXT.format("python3", "make"))),
        (
            ".venv/bin/python -c \"import subprocess; subprocess.run(['ma' + 'ke', 'test'])\"\n",
            _run(3, IN_TEXT.format("python", "subprocess")),
        ),
        ('awk \'BEGIN { system("ma" "ke test") }\'\n', _run(3, IN_TEXT.format("awk", "system"))),
        ("echo 'ke test' | sed 's/^/ma/e'\n", _run(3, IN_TEXT.format("sed", "e"))),
    ],
)
def test_a_check_run_in_another_programs_text_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, script: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {".ci/run": HEAD + script}, said)


def test_the_programs_that_keep_a_checks_status_pass(tmp_path: Path) -> None:
    run = (
        HEAD
        + "bash -c 'make test'\nscript -qec 'make test' /dev/null\n.venv/bin/python -m pytest\n"
        + "python3 -c 'import sys; print(sys.version_info[1])'\nsed -n 's/^## //p' Makefile\n"
        + "awk -F, '{print $1}' trials.csv\npython3 - <<'EOF'\nprint('made')\nEOF\n"
        + "sed -i 's/x/y/g' notes.txt\nsed -n '/^##/p' Makefile\n"
    )
    passed_by_the_extraction(tmp_path, {".ci/run": run, "Makefile": (REPO / "Makefile").read_text(encoding="utf-8")})


# --- A default given a path of the tree (git/make_run.py)
@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {".ci/run": HEAD + "make PYTHON=tools/python3 test\n", "tools/python3": "#!/bin/sh\nexit 0\n"},
            _run(3, "make given `PYTHON` a path of the tree or one built as it runs (`tools/python3`)"),
        ),
        (
            {".ci/run": HEAD + "make SYSTEM_BIN=tools test\n", "tools/python3.11": "#!/bin/sh\nexit 0\n"},
            _run(3, "make given `SYSTEM_BIN` a path of the tree or one built as it runs (`tools`)"),
        ),
        ({".ci/run": HEAD + 'make PYTHON="$P" test\n'}, _run(3, "make given `PYTHON` a path of the tree")),
    ],
)
def test_a_default_given_a_path_of_the_tree_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": makefile, **changes}, said)
