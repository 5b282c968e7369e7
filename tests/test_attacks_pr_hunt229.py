"""Attacks of a pull request on the programs a check's name finds, hunt 229 (the lead's, after hunt 221).

- **A program written where a check's name finds it.** The rules of a check's command read the name a script runs
  it by (`make test`), never what that name finds. `cp tools/fake /usr/local/bin/make`, `ln -sf /bin/true
  /usr/local/bin/make`, `install -m 755 /bin/true /usr/local/bin/make`, `tee` or a redirection into
  `/usr/local/bin/python3.12`, then the check by its name, each passed the extraction (exit 0). Now a command a
  shell runs may not write a file outside the tree (git/program_writes.py): the tree, `/tmp` and the process's own
  streams may be written.
- **A make default given a path outside the tree.** Hunt 221 refused a path of the tree as a `?=` default on make's
  command line, and let an absolute one through: `make PYTHON=/tmp/fake test`, after the script wrote `/tmp/fake`,
  passed. A default is now given a program's name or nothing (git/make_run.py).

Left: a destination the script builds as it runs (`"$HOME/bin/make"`, read by the rules of built names where it is
run), and a program a script writes by another program's code (`python3 -c "open('/usr/bin/make', 'w')"`, which
git/status_in_text.py reads only for processes started)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

HEAD = "#!/usr/bin/env bash\nset -euo pipefail\n"
WORKFLOW = ".github/workflows/ci.yml"
STEPS = "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - name: tests\n"
WRITTEN = "a file written outside the tree"
FAKE = "#!/bin/sh\nexit 0\n"


BIN_MAKE = "/usr/local/bin/make"


def _run(line: int, target: str) -> str:
    return f".ci/run line {line}: {WRITTEN} (`{target}`)"


def _makefile() -> str:
    return (REPO / "Makefile").read_text(encoding="utf-8")


# a recipe of its own, last in the Makefile (its line: the Makefile's count of lines)
RECIPE = _makefile() + "\nfake:\n\t@cp /bin/true /usr/local/bin/pytest\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".ci/run": HEAD + "cp tools/fake /usr/local/bin/make\nmake test\n", "tools/fake": FAKE}, _run(3, BIN_MAKE)),
        ({".ci/run": HEAD + "ln -sf /bin/true /usr/local/bin/make\nmake test\n"}, _run(3, BIN_MAKE)),
        ({".ci/run": HEAD + "sudo install -m 755 /bin/true /usr/local/bin/make\nmake test\n"}, _run(3, BIN_MAKE)),
        (
            {".ci/run": HEAD + "mv tools/fake ~/.local/bin/make\nmake test\n", "tools/fake": FAKE},
            _run(3, "~/.local/bin/make"),
        ),
        (
            {".ci/run": HEAD + "cp -t /usr/local/bin tools/make\nmake test\n", "tools/make": FAKE},
            _run(3, "/usr/local/bin"),
        ),
        (
            {".ci/run": HEAD + f"printf {FAKE!r} > /usr/local/bin/python3.12\nmake PYTHON=python3.12 test\n"},
            _run(3, "/usr/local/bin/python3.12"),
        ),
        (
            {".ci/run": HEAD + "echo 'exit 0' | tee -a /usr/bin/pytest >/dev/null\nmake test\n"},
            _run(3, "/usr/bin/pytest"),
        ),
        ({".ci/run": HEAD + "cat tools/fake >> ../bin/make\nmake test\n", "tools/fake": FAKE}, _run(3, "../bin/make")),
        (
            {".ci/run": HEAD + "dd if=tools/fake of=/usr/bin/make\nmake test\n", "tools/fake": FAKE},
            _run(3, "/usr/bin/make"),
        ),
        ({".ci/run": HEAD + "cat > /usr/local/bin/make <<'EOF'\nexit 0\nEOF\nmake test\n"}, _run(3, BIN_MAKE)),
        ({"Makefile": RECIPE}, f"Makefile line {RECIPE.count(chr(10))}: {WRITTEN} (`/usr/local/bin/pytest`)"),
        (
            {WORKFLOW: STEPS + "        run: |\n          ln -s /bin/true /usr/local/bin/make\n          make test\n"},
            f"{WORKFLOW} line 9: {WRITTEN} (`/usr/local/bin/make`)",
        ),
        (
            {".ci/run": HEAD + f"printf {FAKE!r} > /tmp/fake\nchmod +x /tmp/fake\nmake PYTHON=/tmp/fake test\n"},
            ".ci/run line 5: make given `PYTHON` a path outside the tree (`/tmp/fake`)",
        ),
        (
            {".ci/run": HEAD + "mkdir -p /tmp/bin\nmake SYSTEM_BIN=/tmp/bin test\n"},
            ".ci/run line 4: make given `SYSTEM_BIN` a path outside the tree (`/tmp/bin`)",
        ),
        (
            {".ci/run": HEAD + "make PYTHON=~/python test\n"},
            ".ci/run line 3: make given `PYTHON` a path of the tree or",
        ),
    ],
)
def test_a_program_written_where_a_checks_name_finds_it_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": _makefile(), **changes}, said)


def test_files_written_in_the_tree_under_tmp_or_to_the_streams_pass(tmp_path: Path) -> None:
    """Honest twins: writing in the tree, under /tmp, to /dev/null or stderr, a link made where the script runs,
    copies from outside the tree into it, and a comparison's `>`."""
    run = (
        HEAD
        + "mkdir -p build /tmp/work\ncp /etc/os-release build/os.txt\necho ok > build/log.txt 2>/dev/null\n"
        + "echo note >&2\ncp build/log.txt /tmp/work/\nln -s /usr/bin/python3\nrm -f python3\n"
        + "ls -l >> /tmp/work/listing.txt\necho done | tee build/tee.txt /dev/stderr\n"
        + "if [ 2 -gt 1 ] && [[ b > a ]]; then :; fi\nmake PYTHON=python3.12 test\n"
    )
    passed_by_the_extraction(tmp_path, {".ci/run": run, "Makefile": _makefile()})


FED = "given the text it runs by a pipe or a redirection"


@pytest.mark.parametrize(
    ("run", "said"),
    [
        ("echo \"import os; os.system('make test')\" | python3\n", f".ci/run line 3: `python3` {FED}"),
        ("printf '%s' \"import os; os.system('make test')\" | python3 -\n", f".ci/run line 3: `python3` {FED}"),
        ("echo 'make test || true' | bash\n", f".ci/run line 3: `bash` {FED}"),
        ("echo 'make test || true' | sh -s\n", f".ci/run line 3: `sh` {FED}"),
        ("python3 < tools/run.txt\n", f".ci/run line 3: `python3` {FED}"),
        ("python3 -X dev <<< \"import os; os.system('make test')\"\n", f".ci/run line 3: `python3` {FED}"),
        ("cat tools/run.txt | perl\n", f".ci/run line 3: `perl` {FED}"),
    ],
)
def test_a_text_a_pipe_or_a_redirection_gives_a_reader_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, run: str, said: str
) -> None:
    """The left leftover of hunt 221: a program's text given by its input, which no rule reads."""
    changes = {".ci/run": HEAD + run, "tools/run.txt": "import os\nos.system('make test')\n"}
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": _makefile(), **changes}, said)


def test_a_reader_given_its_text_on_its_line_or_a_script_passes(tmp_path: Path) -> None:
    """Honest twins: a pipe into programs that run no text of their input, `python -c`, `-m`, a script's path, a
    here-document (read by git/status_in_text.py), and the Makefile's order-only prerequisite `| $(BIN)/python`."""
    run = (
        HEAD
        + "make test\necho done | tee build.log\npython3 -c 'print(1)' | cat\npython3 -m json.tool < data.json\n"
        + "python3 benchmarks/bench.py --n 200 < /dev/null\ncat data.json | python3 -m json.tool\n"
        + "python3 - <<'EOF'\nprint('made')\nEOF\ngit log --oneline | sh -c 'wc -l'\n"
    )
    passed_by_the_extraction(tmp_path, {".ci/run": run, "Makefile": _makefile()})
