"""Attacks of a pull request on the trusted check, hunt 233: what a check's name runs, written or run by code no rule
read (the leftovers of hunts 221 and 229, and what the hunt found beside them). Each passed the extraction (exit 0,
on main) in .ci/run under `set -euo pipefail`.

- **(fixed) An honest line refused.** `python3 -c 'import pytest, sys; print(sys.version_info[1])'` was refused as
  "a check run with ';'": a module imported in Python's code is no check run (git/status_dropped.py).
- **A Python file that starts a check and drops its status.** `.venv/bin/python .ci/run.py`, with .ci/run.py holding
  `import subprocess; subprocess.run(['make', 'test'])`, ran the check and ended with Python's status 0; so did
  `os.system('make test')`, `call([sys.executable, '-m', 'pytest'])`, a result whose `returncode` is only printed, and
  `check=True` in a `try` whose handler passes, and `pytest.main(['-q'])` or mypy's `api.run` with their value
  unread, or given to `sys.exit` in a `try` whose `except SystemExit:` passes. Now a Python source of the code but
  the tests' starts a process that may be a check only with its status kept (git/python_processes.py); the
  benchmark's `Popen` whose returncode it returns, `check=True`, `sys.exit(call(...))`, `git` run without check
  pass.
- **A destination the script builds as it runs.** `cp tools/fake "$HOME/bin/python3.12"`, `"$(dirname "$(command -v
  python3.12)")/python3.12"`, `${PREFIX}/bin/...`, a variable of `command -v`, then `make PYTHON=python3.12 test`.
  Now a destination holding an expansion is refused unless the file gives it a path of the tree or a temporary one
  (`mktemp`'s, the runner's temporary folder and step files, the script's arguments), and a script of the tree may be
  given no path outside it (`bash .ci/install.sh /usr/local/bin`, its `cp tools/fake "$1/python3.12"`) (git/
  program_writes.py); the repository's .ci/trusted-check (`cp -R schema "$dest/schema"`) and review.yml pass.
- **(our own) Programs that write by an option or a script of their own.** `sed -n 'w FILE'`, awk's `print >
  "FILE"`, `tar -C`, `curl -o`, `wget -O`, `sort -o`, `cc -o`, `unzip -d`, `python3 -m venv /usr/local`, `busybox
  cp`, `find -exec cp {} FILE \\;` (its `;` read as the destination) and `xargs cp tools/fake` (the destination
  its input's), each writing /usr/local/bin/python3.12 (git/program_writes.py).
- **A program written by another language's code.** `python3 -c "open('/usr/local/bin/python3.12', 'w')..."`, a
  here-document's `shutil.copy('tools/fake', shutil.which('python3.12'))`, a script CI runs doing so, `perl -e`,
  `ruby -e`, `node -e` (git/python_writes.py, git/program_writes.py).
- **(our own) The tree's code changed as the script runs.** `printf 'test:\\n\\t@true\\n' > Makefile`, `cp /bin/true
  .venv/bin/ruff` before `.venv/bin/ruff check .`, `rm` or `mv` of a failing test, a `pytest.ini` written, `git
  checkout HEAD~1 -- tests`, `patch -p1 < tools/x.diff`, `perl -pi -e ... Makefile`, and Python's `open('Makefile',
  'w')`, each before the check it changes: every rule read the files the review showed, and the checks ran others.
  Now a script may not write, remove, move or edit in place a file of the tree's code, nor run git or patch to change
  the work tree (git/program_writes.py, git/python_writes.py); `python3 -m venv .venv`, `rm -rf .venv`, `sed -i` of a
  text, a build folder's files pass.
- **(our own) A program's name behind make's recipe prefix.** A Makefile recipe `@perl -e 'system("make test")'`,
  `@python3 -c "...subprocess.run(['ma' + 'ke', 'test'])"` or `@awk 'BEGIN { system("make test") }'` passed (exit
  0): git/status_in_text.py read the command's name as `@perl`. Now git/lint_commands.py, git/status_in_text.py and
  git/program_writes.py read a file's shell lines by one reader (git/shell_lines.py's shell_scripts), which makes
  make's prefix spaces.

Left (each passes the extraction, exit 0): a check's command held in a make variable and run by `$(NAME)` in a
recipe (`GATE := perl -e 'system("make test")'` then `gate:` `\t$(GATE)`; `RUFFX := .venv/bin/ruff check --exit-zero
.` then `\t$(RUFFX)`), read as the word `$(GATE)`; another language's code in a here-document (`perl <<'EOF'` over
`open(my $f, '>', '/usr/local/bin/python3.12');`), read for writes on its `-e` alone; a Python source's destination
built from a literal and a value of no constant (`shutil.copy('tools/fake', '/usr/local/' + sys.argv[0][:0] +
'bin/python3.12')` in a script CI runs), and a test's built from its own path (`Path(__file__).resolve().parents[1]
.joinpath('.venv/bin/ruff').write_text(...)`): a source's whole literal destinations alone are read. make_run keeps a
reader of its own (it resets its folder at each rule line and workflow step).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

HEAD = "#!/usr/bin/env bash\nset -euo pipefail\n"
WORKFLOW = ".github/workflows/ci.yml"
STEPS = "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - name: tests\n"
T = "/usr/local/bin/python3.12"
THEN = "\nmake PYTHON=python3.12 test\n"
FAKE = "#!/bin/sh\nexit 0\n"


def _makefile() -> str:
    return (REPO / "Makefile").read_text(encoding="utf-8")


# --- A module Python's code imports, read as a check run (git/status_dropped.py)
def test_a_module_pythons_code_imports_is_no_check_run(tmp_path: Path) -> None:
    """Refused before as "a check run with ';'" (hunt 221's twin of a version read by Python)."""
    run = HEAD + "python3 -c 'import pytest, sys; print(sys.version_info[1])'\npython3 -c 'from mypy import api'\n"
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), ".ci/run": run + "make test\n"})


# --- A Python file that starts a check and drops its status (git/python_processes.py)
STARTED = "a process started that may be a check (`{}`), whose status the code drops"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {
                ".ci/run": HEAD + ".venv/bin/python .ci/run.py\n",
                ".ci/run.py": "import subprocess; subprocess.run(['make', 'test'])\n",
            },
            ".ci/run.py line 1: " + STARTED.format("subprocess.run"),
        ),
        (
            {".ci/run": HEAD + "python3 tools/runner.py\n", "tools/runner.py": "import os\n\nos.system('make test')\n"},
            "tools/runner.py line 3: " + STARTED.format("os.system"),
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/runner.py\n",
                "tools/runner.py": "import sys\nfrom subprocess import call\n\n"
                "call([sys.executable, '-m', 'pytest'])\n",
            },
            "tools/runner.py line 4: " + STARTED.format("call"),
        ),
        (
            {
                ".ci/run": HEAD + ".ci/steps\n",
                ".ci/steps": "#!/usr/bin/env python3\nimport subprocess as sp\n\np = sp.run(['ma' + 'ke', 'test'])\n"
                "print(p.returncode)\n",
            },
            ".ci/steps line 4: " + STARTED.format("sp.run"),
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/runner.py\n",
                "tools/runner.py": "import subprocess\n\ntry:\n    subprocess.run(['make', 'test'], check=True)\n"
                "except subprocess.CalledProcessError:\n    pass\n",
            },
            "tools/runner.py line 4: " + STARTED.format("subprocess.run"),
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/runner.py\n",
                "tools/runner.py": "import pytest\n\npytest.main(['-q'])\n",
            },
            "tools/runner.py line 3: a check run in the process (`pytest.main`), whose status (the value it returns)",
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/runner.py\n",
                "tools/runner.py": "from mypy import api\n\napi.run(['.'])\n",
            },
            "tools/runner.py line 3: a check run in the process (`api.run`)",
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/runner.py\n",
                "tools/runner.py": "import sys\n\nimport pytest\n\ntry:\n    sys.exit(pytest.main(['-q']))\n"
                "except SystemExit:\n    pass\n",
            },
            "tools/runner.py line 6: a check run in the process (`pytest.main`)",
        ),
    ],
)
def test_a_python_file_that_drops_a_checks_status_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_python_that_keeps_a_processs_status_passes(tmp_path: Path) -> None:
    """Honest twins: the benchmark (its Popen's returncode returned), `check=True`, an exit of `call`'s status, a
    returncode compared, `with Popen` then asserted, `os.execvp`, and git run for its output alone."""
    runner = (
        "import os\nimport subprocess\nimport sys\n\nsubprocess.run(['make', 'test'], check=True)\n"
        "p = subprocess.run([sys.executable, '-m', 'pytest'])\n"
        "if p.returncode != 0:\n    raise SystemExit(p.returncode)\n"
        "with subprocess.Popen(['make', 'test']) as proc:\n    pass\nassert proc.returncode == 0\n"
        "head = subprocess.run(['git', 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout\n"
        "if os.system('make test') != 0:\n    sys.exit(1)\nsys.exit(subprocess.call(['make', 'test']))\n"
    )
    changes: dict[str, str | bytes] = {
        ".ci/run": (REPO / ".ci/run").read_text(encoding="utf-8") + "python3 tools/runner.py\n",
        "tools/runner.py": runner,
        "tools/last.py": "import os\n\nos.execvp('make', ['make', 'test'])\n",
        "tools/pytest_run.py": "import pytest\n\nraise SystemExit(pytest.main(['-q']))\n",
        "benchmarks/bench.py": (REPO / "benchmarks/bench.py").read_text(encoding="utf-8"),
    }
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), **changes})


# --- A destination the script builds as it runs (git/program_writes.py)
BUILT = "a file written where an expansion built as the script runs says (`{}`)"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {".ci/run": HEAD + 'cp tools/fake "$HOME/bin/python3.12"' + THEN},
            ".ci/run line 3: " + BUILT.format("$HOME/bin/python3.12"),
        ),
        (
            {".ci/run": HEAD + 'cp tools/fake "$(dirname "$(command -v python3.12)")/python3.12"' + THEN},
            ".ci/run line 3: " + BUILT.format('$(dirname "$(command -v python3.12)")/python3.12'),
        ),
        (
            {".ci/run": HEAD + "cp tools/fake ${PREFIX}/bin/python3.12" + THEN},
            ".ci/run line 3: " + BUILT.format("${PREFIX}/bin/python3.12"),
        ),
        (
            {".ci/run": HEAD + 'D=$(command -v python3.12)\ncat tools/fake > "$D"' + THEN},
            ".ci/run line 4: " + BUILT.format("$D"),
        ),
        (
            {".ci/run": HEAD + "D=/usr/local/bin\ncp tools/fake $D/python3.12" + THEN},
            ".ci/run line 4: " + BUILT.format("$D/python3.12"),
        ),
        (
            {WORKFLOW: STEPS + "        run: cp tools/fake ${{ env.BIN }}/python3.12\n"},
            f"{WORKFLOW} line 8: " + BUILT.format("${{ env.BIN }}/python3.12"),
        ),
    ],
)
def test_a_destination_built_as_the_script_runs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": _makefile(), "tools/fake": FAKE, **changes}, said)


def test_a_destination_of_the_tree_or_a_temporary_one_passes(tmp_path: Path) -> None:
    """Honest twins: the repository's .ci/trusted-check (`"$dest/schema"`, dest=$2; `"$merged/schema"` of mktemp's)
    and review.yml, which gives it `"$RUNNER_TEMP/review"`, a variable given a path of the tree, the runner's
    temporary folder and step files, a script's argument, and a script given paths of the tree or temporary ones."""
    run = (
        HEAD
        + 'tmp=$(mktemp -d)\ncp build/x "$tmp/y"\nout=build/logs\necho ok > "$out/log.txt"\ncp build/x "$1/y"\n'
        + 'bash .ci/trusted-check HEAD "$tmp/review"\npython3 tools/gen.py --out build /tmp/x\n.ci/merge-base main\n'
    )
    workflow = (
        STEPS + '        run: |\n          echo "status=0" >> "$GITHUB_OUTPUT"\n'
        '          cat x.md >> "$GITHUB_STEP_SUMMARY"\n'
        '          cp x "$RUNNER_TEMP/x"\n'
    )
    changes: dict[str, str | bytes] = {
        ".ci/trusted-check": (REPO / ".ci/trusted-check").read_text(encoding="utf-8"),
        ".github/workflows/review.yml": (REPO / ".github/workflows/review.yml").read_text(encoding="utf-8"),
        ".ci/run": run,
        WORKFLOW: workflow,
    }
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), **changes})


@pytest.mark.parametrize(
    ("run", "said"),
    [
        ("bash .ci/install.sh /usr/local/bin", "`/usr/local/bin`"),
        ('.ci/install.sh "$HOME/bin"', "`$HOME/bin`"),
        ("python3 tools/w.py --to=/usr/local/bin", "`--to=/usr/local/bin`"),
    ],
)
def test_a_path_outside_the_tree_given_to_a_script_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, run: str, said: str
) -> None:
    """A script's arguments are put in as a temporary path where it writes (`"$1/make"`): its caller may give it none
    outside the tree."""
    changes = {
        ".ci/run": HEAD + run + THEN,
        ".ci/install.sh": HEAD + 'cp tools/fake "$1/python3.12"\n',
        "tools/w.py": "import shutil\nimport sys\n\nshutil.copy('tools/fake', sys.argv[1].partition('=')[2])\n",
    }
    given = "a path outside the tree, or one built as the script runs, given to a script of the tree"
    refused_by_the_trusted_check(
        request, tmp_path, {"Makefile": _makefile(), **changes}, f".ci/run line 3: {given} ({said})"
    )


# --- Programs that write by an option or a script of their own (git/program_writes.py)
OUTSIDE = "a file written outside the tree (`{}`)"


@pytest.mark.parametrize(
    ("run", "said"),
    [
        (f"echo x | sed -n 'w {T}'", OUTSIDE.format(T)),
        (f"awk '{{print > \"{T}\"}}' tools/fake", OUTSIDE.format(T)),
        ("tar -xf tools/t.tar -C /usr/local/bin", OUTSIDE.format("/usr/local/bin")),
        (f"curl -sSo {T} https://example.org/x", OUTSIDE.format(T)),
        (f"wget --output-document={T} https://example.org/x", OUTSIDE.format(T)),
        (f"sort -o {T} tools/fake", OUTSIDE.format(T)),
        (f"cc -o {T} tools/fake.c", OUTSIDE.format(T)),
        (f"g++ -o {T} tools/fake.cc", OUTSIDE.format(T)),
        ("unzip -o tools/t.zip -d /usr/local/bin", OUTSIDE.format("/usr/local/bin")),
        ("python3 -m venv --clear /usr/local", OUTSIDE.format("/usr/local")),
        (f"busybox cp tools/fake {T}", OUTSIDE.format(T)),
        (f"find tools -name fake -exec cp {{}} {T} \\;", OUTSIDE.format(T)),
        (f"echo {T} | xargs cp tools/fake", BUILT.format("<its input's or environment's>")),
    ],
)
def test_a_program_that_writes_by_an_option_or_its_script_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, run: str, said: str
) -> None:
    changes = {".ci/run": HEAD + run + THEN, "tools/fake": FAKE}
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": _makefile(), **changes}, f".ci/run line 3: {said}")


def test_programs_that_write_the_tree_or_tmp_by_their_options_pass(tmp_path: Path) -> None:
    run = (
        HEAD
        + "curl -sSo build/x https://example.org/x\ntar -xf x.tar -C build\nsort -o /tmp/s x.txt\n"
        + "python3 -m venv .venv\n"
        + "sed -i 's/a/b/' notes.txt\nsed -n '/^##/p' Makefile\nawk '$1 > 3 {print}' x.txt\n"
        + "awk '{print > \"build/y\"}' x\n"
        + "find . -name '*.pyc' -exec rm {} +\nfind build -name x -exec cp {} /tmp/ \\;\nxargs -n1 echo < x.txt\n"
        + "wget -O- https://example.org/x | head\ncc -o build/x x.c\nunzip -d build x.zip\nset -o pipefail\nmake test\n"
    )
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), ".ci/run": run})


# --- A program written by another language's code (git/python_writes.py, git/program_writes.py)
BY_PYTHON = "a file written by Python's code outside the tree, or where it builds as it runs (`{}`)"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {".ci/run": HEAD + f"python3 -c \"open('{T}', 'w').write('exit 0')\"" + THEN},
            ".ci/run line 3: " + BY_PYTHON.format(T),
        ),
        (
            {
                ".ci/run": HEAD
                + "python3 - <<'EOF'\nimport shutil\nshutil.copy('tools/fake', shutil.which('python3.12'))\nEOF"
                + THEN
            },
            ".ci/run line 3: " + BY_PYTHON.format("shutil.which('python3.12')"),
        ),
        (
            {".ci/run": HEAD + "python3 -c \"import pathlib; pathlib.Path.home().joinpath('bin/x').write_text('')\"\n"},
            ".ci/run line 3: " + BY_PYTHON.format("pathlib.Path.home().joinpath('bin/x')"),
        ),
        (
            {
                ".ci/run": HEAD + ".venv/bin/python tools/w.py" + THEN,
                "tools/w.py": "import shutil\n\nshutil.copy('tools/fake', shutil.which('python3.12'))\n",
            },
            "tools/w.py line 3: a file written outside the tree, or where programs are found",
        ),
        (
            {
                ".ci/run": HEAD + "python3 tools/w.py" + THEN,
                "tools/w.py": f"from pathlib import Path\n\nPath('{T}').write_text('')\n",
            },
            f"tools/w.py line 3: a file written outside the tree, or where programs are found (`{T}`)",
        ),
        (
            {".ci/run": HEAD + f'perl -e \'open(my $f, ">", "{T}"); print $f "exit 0"\'' + THEN},
            ".ci/run line 3: " + OUTSIDE.format(T),
        ),
        ({".ci/run": HEAD + f'ruby -e \'File.write("{T}", "exit 0")\'' + THEN}, ".ci/run line 3: " + OUTSIDE.format(T)),
        (
            {".ci/run": HEAD + f'node -e \'require("fs").writeFileSync("{T}", "exit 0")\'' + THEN},
            ".ci/run line 3: " + OUTSIDE.format(T),
        ),
    ],
)
def test_a_program_written_by_another_languages_code_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": _makefile(), "tools/fake": FAKE, **changes}, said)


def test_code_that_writes_in_the_tree_or_under_tmp_passes(tmp_path: Path) -> None:
    """Honest twins: Python's code writing a path of the tree or /tmp, reading what it likes, a script writing where
    it is told, and Perl writing the tree's file."""
    run = (
        HEAD
        + "python3 -c \"open('build/x.txt', 'w').write('1')\"\n"
        + "python3 -c \"import pathlib; pathlib.Path('/tmp/x').write_text('')\"\n"
        + "python3 -c \"print(open('/etc/os-release').read())\"\npython3 tools/gen.py --out build\n"
        + 'perl -e \'open(my $f, ">", "build/x")\'\n'
        + "python3 - <<'EOF'\nimport shutil\nshutil.copy('build/x', '/tmp/y')\nEOF\nmake test\n"
    )
    gen = (
        "import sys\nfrom pathlib import Path\n\nPath(sys.argv[-1], 'x.txt').write_text('made')\n"
        "open('build/y', 'w').close()\n"
    )
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), ".ci/run": run, "tools/gen.py": gen})


# --- The tree's code changed as the script runs (git/program_writes.py, git/python_writes.py)
CHANGED = "a file of the tree's code {} as the script runs (`{}`)"


@pytest.mark.parametrize(
    ("run", "said"),
    [
        ("printf 'test:\\n\\t@true\\n' > Makefile\nmake test\n", CHANGED.format("written", "Makefile")),
        ("cp /bin/true .venv/bin/ruff\n.venv/bin/ruff check .\n", CHANGED.format("written", ".venv/bin/ruff")),
        ("rm tests/test_failing.py\nmake test\n", CHANGED.format("removed, moved or changed", "tests/test_failing.py")),
        (
            "mv tests/test_failing.py failing.txt\nmake test\n",
            CHANGED.format("removed, moved or changed", "tests/test_failing.py"),
        ),
        (
            "printf '[pytest]\\naddopts = -k nothing\\n' > pytest.ini\nmake test\n",
            CHANGED.format("written", "pytest.ini"),
        ),
        (
            "git checkout HEAD~1 -- tests\nmake test\n",
            CHANGED.format("removed, moved or changed", "the work tree, by git or patch"),
        ),
        (
            "patch -p1 < tools/x.diff\nmake test\n",
            CHANGED.format("removed, moved or changed", "the work tree, by git or patch"),
        ),
        ("perl -pi -e 's/x/y/' Makefile\nmake test\n", CHANGED.format("removed, moved or changed", "Makefile")),
        ("echo 'exit 0' | tee tests/conftest.py\nmake test\n", CHANGED.format("written", "tests/conftest.py")),
        (
            "python3 -c \"open('Makefile', 'w').write('test:')\"\nmake test\n",
            CHANGED.format("written by Python's code", "Makefile"),
        ),
    ],
)
def test_the_trees_code_changed_as_the_script_runs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, run: str, said: str
) -> None:
    changes = {".ci/run": HEAD + run, "tests/test_failing.py": "def test_fails() -> None:\n    assert 1 == 2\n"}
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": _makefile(), **changes}, f".ci/run line 3: {said}")


def test_a_venv_made_and_files_of_no_code_written_pass(tmp_path: Path) -> None:
    """Honest twins: .venv made and removed as the Makefile does, a text edited in place, a build folder's files,
    `touch` of a stamp, git reading the tree; and the repository's Makefile, .ci/run and workflows."""
    run = (
        HEAD
        + "rm -rf .venv\npython3 -m venv .venv\nsed -i 's/a/b/' notes.txt\nrm -rf build\nmkdir -p build\n"
        + "echo ok > build/log.txt\nmv build/log.txt build/old.txt\ntouch .venv/.stamp\ngit diff --exit-code\n"
        + "git rev-parse HEAD\nmake test\n"
    )
    changes: dict[str, str | bytes] = {
        path: (REPO / path).read_text(encoding="utf-8") for path in (".ci/run", ".pre-commit-config.yaml")
    }
    for name in ("ci", "review", "drift", "pages"):
        changes[f".github/workflows/{name}.yml"] = (REPO / f".github/workflows/{name}.yml").read_text(encoding="utf-8")
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), **changes, ".ci/steps.sh": run})


def test_a_test_that_writes_the_trees_code_stops_the_extraction(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """A test module writing a program of .venv/ (which CI's ruff then is) is held as any Python source."""
    test = "from pathlib import Path\n\n\ndef test_setup() -> None:\n    Path('.venv/bin/ruff').write_text('exit 0')\n"
    said = "tests/test_setup.py line 5: a file of the tree's code written (`.venv/bin/ruff`)"
    refused_by_the_trusted_check(request, tmp_path, {"tests/test_setup.py": test}, said)


# --- A program's name behind make's recipe prefix (git/shell_lines.py's shell_scripts)
@pytest.mark.parametrize(
    ("recipe", "said"),
    [
        ("\t@perl -e 'system(\"make test\")'\n", "a check run in the text `perl` runs"),
        (
            "\t@python3 -c \"import subprocess; subprocess.run(['ma' + 'ke', 'test'])\"\n",
            "a check run in the text `python3`",
        ),
        ("\t+awk 'BEGIN { system(\"make test\") }'\n", "a check run in the text `awk` runs"),
    ],
)
def test_a_program_behind_makes_recipe_prefix_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, recipe: str, said: str
) -> None:
    makefile = _makefile() + "\ngate:\n" + recipe
    refused_by_the_trusted_check(
        request, tmp_path, {"Makefile": makefile}, f"Makefile line {makefile.count(chr(10))}: {said}"
    )
