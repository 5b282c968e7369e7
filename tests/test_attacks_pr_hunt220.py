"""Attacks of a pull request on the trusted check, hunt 220: a check's name built as the script runs.

- **(left by hunt 219) A command's name the shell builds.** In .ci/run under `set -euo pipefail`, `M=ma; ${M}ke test
  || true`, `set -- make test` then `"$@" || true`, and `shopt -s expand_aliases`, `alias m=make`, `m test || true`
  each ran `make test`, dropped its status, and passed the extraction (exit 0, on main too). So did `${M:-make}`,
  `"${M}ke"`, `$1`, a variable also set by `read`, a makefile's `$(M)ke` (`M := ma`) or `$${M}ke`, a workflow's
  `${{ ... }}` or a variable of its `env:`, `xargs -I{} {}`, a shell given its script by a variable or its input
  (`bash "$S"`, `bash <<EOF`), `bash -c '${M}ke test'`, `. "$F"`, and a function's `"$@" || true`. Now each command
  word of a line a shell runs (after a wrapper, `command`, `env`, `sudo`, `xargs`, `find -exec`, too) is read with
  the file's one-valued variables put in, and one still built as the script runs is read as a check
  (git/built_commands.py), unless its program's name is written before the expansion and is no check's nor a
  shell's (`"$$system"`, `$(SYSTEM_BIN)/python$$version`: python). An alias, a function named as a check
  (`make() { :; }`) and `hash -p` are refused outright.
- **(our own) A check run by another language's text.** `.venv/bin/python -c "import subprocess;
  subprocess.run(['make', 'test'])" || true` (and `perl -e 'system("make test")'`) ran the check and dropped its
  status, and passed (exit 0); their text is now read as a shell's `-c` is (git/status_dropped.py).
- **(our own) The environment that makes a command's name run another program.** `export PATH="$PWD/tools:$PATH"`
  beside a committed `tools/make` (`exit 0`), a workflow's `env:` giving `BASH_FUNC_make%%: "() { :; }"` (bash's
  exported function, run for `make test`) or `BASH_ENV` (a file bash runs first, defining `make`), a step writing
  `$GITHUB_PATH`, `MAKEFLAGS: -i` in a workflow's `env:` or `MAKEFLAGS += -n` in the Makefile (make prints the
  recipes and runs none), and a Makefile's `SHELL := /bin/true` or `.SHELLFLAGS := -c :` each had `make test` pass
  over a failing suite, and passed (exit 0). Now a file a shell runs may not set them (`PATH`, `BASH_ENV`, `ENV`,
  `BASH_FUNC_*`, `SHELLOPTS`, `MAKEFLAGS` but quiet flags, `LD_PRELOAD`, `PYTHONHOME`, `$GITHUB_ENV`,
  `$GITHUB_PATH`, ...), and make's `SHELL` is /bin/sh or /bin/bash, its `.SHELLFLAGS` flags ending in `-c`
  (git/built_commands.py); so is `export PYTHONPATH=tools` beside a `tools/pytest/__main__.py` of `raise
  SystemExit(0)`, which passed too.
- **(our own) A check's status dropped away from its line.** `{` or `(` on a line, `make test`, then `} || true` or
  `) || true`; `if` on a line of its own, then `make test`, then `then :; fi`; `coproc make test`; `cat <(make
  test)`; `local out=$(make test)` (`local`'s status, 0); and a function's body on its definition's line, `f() {
  make test || true; }`, each passed (exit 0). Now a block's closing line drops the status of the checks within it,
  a condition runs to its `then` or `do`, and `coproc`, a process substitution and `local`/`export`/`declare` of a
  substitution running a check drop its status (git/status_dropped.py).

Found and left: a check's name a built word's hole makes after a written program's name is read as that program:
`v=$(printf '3/../../bin/m%sake' '')` then `/usr/lib/python$v test || true` is read as python (a folder
`/usr/lib/python3` makes it `/usr/bin/make`). And `cd tools` then `make test` runs another makefile's `test` (a
committed `tools/Makefile` whose `test:` runs `true`): both pass the extraction (exit 0).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

HEAD = "#!/usr/bin/env bash\nset -euo pipefail\n"
WORKFLOW = ".github/workflows/ci.yml"
STEPS = "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n{}    steps:\n      - name: tests\n"
BUILT = "a command whose name the script builds as it runs"
OR = "a check run with '||'"


def _run(line: int, said: str = BUILT) -> str:
    return f".ci/run line {line}: {said}"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".ci/run": HEAD + "M=ma; ${M}ke test || true\n"}, _run(3) + " (`${M}ke`)"),
        ({".ci/run": HEAD + 'set -- make test\n"$@" || true\n'}, _run(4) + " (`$@`)"),
        (
            {".ci/run": HEAD + "shopt -s expand_aliases\nalias m=make\nm test || true\n"},
            _run(3, "an alias, by which a command runs otherwise"),
        ),
        ({".ci/run": HEAD + "alias m=make\n"}, _run(3, "an alias")),
        ({".ci/run": HEAD + "make() { :; }\nmake test\n"}, _run(3, "a function named as the check `make`")),
        ({".ci/run": HEAD + "function pytest { :; }\npytest\n"}, _run(3, "a function named as the check `pytest`")),
        ({".ci/run": HEAD + "hash -p /bin/true make\nmake test\n"}, _run(3, "`hash -p` or `enable`")),
        ({".ci/run": HEAD + "M=python\nread -r M <<< make\n$M test || true\n"}, _run(5) + " (`$M`)"),
        ({".ci/run": HEAD + "${M:-make} test || true\n"}, _run(3) + " (`${M:-make}`)"),
        ({".ci/run": HEAD + 'M=ma\n"${M}ke" test || true\n'}, _run(4) + " (`${M}ke`)"),
        ({".ci/run": "#!/usr/bin/env bash\n$1 test\necho done\n"}, _run(2) + " (`$1`), read as a check"),
        ({".ci/run": HEAD + "printf 'ma%s\\n' ke | xargs -I{} {} test || true\n"}, _run(3) + " (`{}`)"),
        ({".ci/run": HEAD + 'S=.ci/tests.sh\nbash "$S" || true\n'}, _run(4) + " (`bash`)"),
        ({".ci/run": HEAD + "bash <<'EOS' || true\nmake test\nEOS\n"}, _run(3) + " (`bash`)"),
        ({".ci/run": HEAD + "export M=ma\nenv bash -c '${M}ke test' || true\n"}, _run(4) + " (`bash`)"),
        ({".ci/run": HEAD + 'F=.ci/lib\n. "$F" || true\n'}, _run(4) + " (`.`)"),
        ({".ci/run": HEAD + "M=ma\nsudo -u root ${M}ke test || true\n"}, _run(4) + " (`${M}ke`)"),
        ({".ci/run": HEAD + 'retry() { "$@" || true; }\nretry make test\n'}, _run(3) + " (`$@`)"),
        ({"Makefile": "M := ma\ntest:\n\t$(M)ke test || true\n"}, f"Makefile line 3: {BUILT} (`$(M)ke`)"),
        ({"Makefile": "test:\n\tM=ma; $${M}ke test || true\n"}, f"Makefile line 2: {BUILT} (`$${{M}}ke`)"),
        (
            {"Makefile": ".ONESHELL:\ntest:\n\tM=ma\n\t$${M}ke test\n\techo done\n"},
            f"Makefile line 4: {BUILT}",
        ),
        (
            {WORKFLOW: STEPS.format("") + "        run: ${{ format('ma{0}', 'ke') }} test || true\n"},
            f"{WORKFLOW} line 8: {BUILT}",
        ),
        (
            {WORKFLOW: STEPS.format("    env:\n      M: ma\n") + "        run: |\n          ${M}ke test || true\n"},
            f"{WORKFLOW} line 11: {BUILT} (`${{M}}ke`)",
        ),
        (
            {".ci/run": HEAD + ".venv/bin/python -c \"import subprocess; subprocess.run(['make', 'test'])\" || true\n"},
            _run(3, OR),
        ),
        ({".ci/run": HEAD + "perl -e 'system(\"make test\")' || true\n"}, _run(3, OR)),
    ],
)
def test_a_command_built_as_the_script_runs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {".ci/run": HEAD + 'export PATH="$PWD/tools:$PATH"\nmake test\n', "tools/make": "#!/bin/sh\nexit 0\n"},
            _run(3, "`PATH` set"),
        ),
        (
            {WORKFLOW: STEPS.format('    env:\n      BASH_FUNC_make%%: "() { :; }"\n') + "        run: make test\n"},
            f"{WORKFLOW} line 7: `BASH_FUNC_make%%` set",
        ),
        (
            {WORKFLOW: STEPS.format("    env:\n      BASH_ENV: tools/env\n") + "        run: make test\n"},
            f"{WORKFLOW} line 7: `BASH_ENV` set",
        ),
        (
            {WORKFLOW: STEPS.format("    env:\n      MAKEFLAGS: -i\n") + "        run: make test\n"},
            f"{WORKFLOW} line 7: `MAKEFLAGS` set",
        ),
        (
            {WORKFLOW: STEPS.format("") + '        run: echo "$PWD/tools" >> "$GITHUB_PATH"\n'},
            f"{WORKFLOW} line 8: `GITHUB_PATH` set",
        ),
        (
            {
                ".ci/run": HEAD + "export PYTHONPATH=tools\n.venv/bin/python -m pytest\n",
                "tools/pytest/__main__.py": "raise SystemExit(0)\n",
            },
            _run(3, "`PYTHONPATH` set"),
        ),
        ({"Makefile": "MAKEFLAGS += -n\ntest:\n\t.venv/bin/python -m pytest\n"}, "Makefile line 1: `MAKEFLAGS` set"),
        (
            {"Makefile": "SHELL := /bin/true\ntest:\n\t.venv/bin/python -m pytest\n"},
            "Makefile line 1: make's `SHELL` given `/bin/true`",
        ),
        (
            {"Makefile": ".SHELLFLAGS := -c :\ntest:\n\t.venv/bin/python -m pytest\n"},
            "Makefile line 1: make's `.SHELLFLAGS` given `-c :`",
        ),
    ],
)
def test_the_environment_a_command_is_found_in_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    ("script", "said"),
    [
        ("{\n  make test\n} || true\n", _run(4, "a check run in a block whose status line 5 drops with '||'")),
        ("(\n  make test\n) || true\n", _run(4, "a check run in a block whose status line 5 drops with '||'")),
        ("(\n  make test\n) | tee log\n", _run(4, "a check run in a block whose status line 5 drops with '|'")),
        ("if\n  make test\nthen :; fi\n", _run(4, "a check run in the condition of the `if`")),
        ("while\n  make test\ndo break; done\n", _run(4, "a check run in the condition of the `if`")),
        ("coproc make test\n", _run(3, "a check run with 'coproc'")),
        ("cat <(make test)\n", _run(3, "a check run with '<(make'")),
        ('run() {\n  local out=$(make test)\n  echo "$out"\n}\nrun\n', _run(4, "a check run with 'local out=$(make'")),
        ("f() { make test || true; }\nf\n", _run(3, OR)),
    ],
)
def test_a_status_dropped_away_from_its_line_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, script: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {".ci/run": HEAD + script}, said)


def test_the_honest_forms_pass_the_extraction(tmp_path: Path) -> None:
    run = (
        HEAD
        + 'cd "$(dirname "$0")/.."\nBIN=.venv/bin\n"$BIN/python" -m pytest\n"$BIN/trials" check\n'
        + 'echo "no alias m=make here" > /dev/null\n'
        + "version=$(python3 -c 'import sys; print(sys.version_info[1])')\n"
        + 'if "python3.${version%%[!0-9.]*}" -m venv /tmp/v; then echo made; fi\n'
        + 'run() { make test; }\nrun\nretry() { "$@"; }\nretry make test\n'
        + "printf '%s\\n' \"$BIN\" | tee /dev/null\n"
        + "mapfile -t paths < <(git ls-tree --name-only HEAD -- trials seeds)\n{\n  make test\n}\n"
        + "(\n  make lint\n)\nf() { make test; }\nf\nout=$(make -s help)\nif\n  true\nthen\n  make test\nfi\n"
        + "exec make lint\n"
    )
    makefile = (
        "SHELL := /bin/bash\n.SHELLFLAGS := -eu -o pipefail -c\nMAKEFLAGS += --no-builtin-rules -s\n"
        'BIN := .venv/bin\nSYSTEM_BIN ?= /usr/bin\ntest:\n\t"$(BIN)/trials" check\n\t$(BIN)/python -m pytest\n'
        "\t$(MAKE) -C docs html\n"
        "venv:\n\t@version=$$(python3 -c 'import sys; print(sys.version_info[1])') && "
        'system=$(SYSTEM_BIN)/python3.$${version%%[!0-9.]*} && if "$$system" -m venv .venv; then echo made; fi\n'
        'merge-driver:\n\tgit config merge.x.driver "$(BIN)/trials merge-csv %O %A %B"\n'
    )
    workflow = (
        STEPS.format("    env:\n      BIN: .venv/bin\n")
        + "        run: make test\n      - name: summary\n"
        + '        run: echo "${{ github.sha }}" >> "$GITHUB_STEP_SUMMARY"\n'
        + '      - name: extract\n        run: .venv/bin/python -P -m sle_trials.git.extract HEAD "$RUNNER_TEMP/x"\n'
        + "      - name: script\n        run: bash .ci/merge-base refs/review/head\n"
    )
    passed_by_the_extraction(tmp_path, {".ci/run": run, "Makefile": makefile, WORKFLOW: workflow})
