"""Attacks of a pull request on the trusted check, hunt 238: the leftovers of hunt 233. Each passed the extraction
(exit 0, on main).

- **A check held in a make variable and run as `$(NAME)` in a recipe.** `GATE := perl -e 'system("make test")'`
  then `gate:` `\\t$(GATE)`, and `RUFFX := .venv/bin/ruff check --exit-zero .` then `\\t$(RUFFX)`: the rules that
  read a recipe's commands read the word `$(GATE)`. Now git/shell_lines.py's recipes_expanded puts a makefile's own
  variables (`=`, `:=`, `?=`, `+=`, a target's own; `$(NAME)` and `${NAME}`) in its recipe lines before
  git/lint_commands.py, git/status_in_text.py and git/program_writes.py read them; a variable given two values is
  put in as both; `define`'s lines, `$G`, `$(value G)`, `$(G:a=b)` too. The repository's Makefile (`$(BIN)/ruff
  check .`) passes.
- **Another language's code in a here-document.** `perl <<'EOF'` over `open(my $f, '>',
  '/usr/local/bin/python3.12');` then `make PYTHON=python3.12 test` in .ci/run: only `-e`'s code was read for
  writes. Now a here-document given to perl, ruby, node, ... is read as its `-e` is (git/program_writes.py); one
  writing under /tmp, or writing nothing, passes.
- **A Python source's destination built from a literal start and a value of no constant.** `shutil.copy('tools/fake',
  '/usr/local/' + sys.argv[0][:0] + 'bin/python3.12')` in tools/w.py, which .ci/run ran: only a whole literal
  destination was read. Now a destination whose start constants give (`+`, an f-string, `%`, `.format`,
  os.path.join, Path's `/` and joinpath) is outside the tree but under /tmp is refused, whatever is joined after
  (git/python_writes.py); `'/tmp/' + x`, `f'build/{x}'`, a folder the script is told pass.
- **A test writing through a path built from its own location.** `Path(__file__).resolve().parents[1]
  .joinpath('.venv/bin/ruff').write_text('exit 0')` in tests/test_setup.py. Now a source's path built from
  `__file__` (`.parent`, `.parents[k]`, `resolve()`, os.path's dirname and abspath, a name bound once to one) is
  read as the tree's path it names, and held to code_of_the_tree; a test writing its tmp_path, or `build/` of the
  tree, passes.

Left (each passes the extraction, exit 0): `perl tools/w.pl` with `open(my $f, '>', '/usr/local/bin/python3.12');`
in tools/w.pl (another language's script file is not read for writes); a literal destination sliced by a value
(`'/usr/local/bin/python3.12x'[:-1 - len(x)]`); a test's location by `inspect.getfile(test_x)` or
`Path(__file__).with_name('conftest.py')` (the repository's scripts/sle_trials/reading/lookalike.py writes its
confusables.py so: reading it refused HEAD); a destination whose start is `/tmp/` and whose rest is built (`'/tmp/'
+ x`, x = `../usr/local/bin/...`), as does `os.path.join(known, x)` whose x may be absolute; a makefile's variable
defined by `$(eval ...)`, `!=` or a function (`$(shell ...)`, `$(call ...)`) is not put in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, passed_by_the_extraction, refused_by_the_trusted_check

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

HEAD = "#!/usr/bin/env bash\nset -euo pipefail\n"
T = "/usr/local/bin/python3.12"
THEN = "\nmake PYTHON=python3.12 test\n"
FAKE = "#!/bin/sh\nexit 0\n"


def _makefile() -> str:
    return (REPO / "Makefile").read_text(encoding="utf-8")


# --- A check held in a make variable, run as `$(NAME)` in a recipe (git/shell_lines.py's recipes_expanded)
@pytest.mark.parametrize(
    ("added", "said"),
    [
        (
            "GATE := perl -e 'system(\"make test\")'\n\ngate:\n\t$(GATE)\n",
            "a check run in the text `perl` runs",
        ),
        ("RUFFX := .venv/bin/ruff check --exit-zero .\n\nlintx:\n\t$(RUFFX)\n", "ruff run with `--exit-zero`"),
        ("R = ruff\nRX = $(R) check\nRX += --exit-zero .\n\nlintx:\n\t@.venv/bin/${RX}\n", "ruff run with"),
        (
            "W ?= cp tools/fake\nTO := /usr/local/bin\n\ninstall:\n\t$(W) $(TO)/python3.12\n",
            "a file written outside the tree",
        ),
        (
            "G := true # a comment\n\ngate: G := perl -e 'system(\"make test\")'\ngate:\n\t$(G)\n",
            "a check run in the text `perl` runs",
        ),
        ("G := perl -e 'system(\"make test\")'\n\ngate:\n\t$G\n", "a check run in the text `perl` runs"),
        (
            "define GATE\necho gate\nperl -e 'system(\"make test\")'\nendef\n\ngate:\n\t$(GATE)\n",
            "a check run in the text `perl` runs",
        ),
        ("R := .venv/bin/ruff check --exit-zero .\n\nlintx:\n\t$(value R) $(R:x=y)\n", "ruff run with `--exit-zero`"),
    ],
    ids=["perl", "ruff", "nested-appended", "write", "target's-own", "one-letter", "define", "value-subst"],
)
def test_a_check_held_in_a_make_variable_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, added: str, said: str
) -> None:
    makefile = _makefile() + "\n" + added
    last = makefile.rstrip("\n").count("\n") + 1  # (each case's recipe line is its last)
    changes: dict[str, str | bytes] = {"Makefile": makefile, "tools/fake": FAKE}
    refused_by_the_trusted_check(request, tmp_path, changes, f"Makefile line {last}: {said}")


def test_a_makefiles_own_variables_in_honest_recipes_pass(tmp_path: Path) -> None:
    """Twin: variables naming the tree's programs and paths, `$$` read by the shell, an undefined one left."""
    added = (
        "RUFF := $(BIN)/ruff\nOUT = build\nOUT += notes\n\nlint2:\n\t$(RUFF) check .\n\t${RUFF} format --check .\n"
        "\tmkdir -p $(OUT) && for d in $(OUT); do echo $$d; done\n\techo $$(date) $(UNSET)\n"
    )
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile() + "\n" + added})


# --- Another language's code in a here-document (git/program_writes.py)
@pytest.mark.parametrize(
    ("run", "said"),
    [
        (
            "perl <<'EOF'\nopen(my $f, '>', '/usr/local/bin/python3.12');\nprint $f \"#!/bin/sh\\nexit 0\\n\";\nEOF\n",
            "a file written outside the tree",
        ),
        ('ruby - <<EOF\nFile.write("/usr/local/bin/python3.12", "exit 0")\nEOF\n', "a file written outside the tree"),
        (
            "node <<EOF\nrequire('fs').copyFileSync('tools/fake', process.env.HOME + '/bin/python3.12')\nEOF\n",
            "a file written where an expansion built as the script runs says",
        ),
    ],
    ids=["perl", "ruby", "node-env"],
)
def test_another_languages_here_document_writing_outside_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, run: str, said: str
) -> None:
    changes: dict[str, str | bytes] = {"Makefile": _makefile(), "tools/fake": FAKE, ".ci/run": HEAD + run + THEN}
    refused_by_the_trusted_check(request, tmp_path, changes, f".ci/run line 3: {said}")


def test_another_languages_here_document_writing_the_tree_or_tmp_passes(tmp_path: Path) -> None:
    run = (
        HEAD + "perl <<'EOF'\nopen(my $f, '>', '/tmp/notes.txt');\nprint $f \"x\\n\";\nEOF\n"
        "ruby <<EOF\nputs 'hello'\nEOF\nmake test\n"
    )
    passed_by_the_extraction(tmp_path, {"Makefile": _makefile(), ".ci/run": run})


# --- A Python source's destination built from a literal start and a value of no constant (git/python_writes.py)
WRITTEN = "a file written outside the tree, or where programs are found"


@pytest.mark.parametrize(
    "write",
    [
        "shutil.copy('tools/fake', '/usr/local/' + sys.argv[0][:0] + 'bin/python3.12')",
        "shutil.copy('tools/fake', f'/usr/local/bin/python3.{sys.argv[0][:0]}12')",
        "shutil.copy('tools/fake', os.path.join('/usr/local/bin', sys.argv[0][:0] + 'python3.12'))",
        "(Path('/usr/local/bin') / (sys.argv[0][:0] + 'python3.12')).write_text('exit 0')",
        "shutil.copy('tools/fake', '/usr/local/bin/%spython3.12' % sys.argv[0][:0])",
        "shutil.copy('tools/fake', str(Path('/usr/local')) + sys.argv[0][:0] + '/bin/python3.12')",
    ],
    ids=["plus", "f-string", "os.path.join", "path-div", "percent", "str-of-path"],
)
def test_a_destination_with_a_literal_start_outside_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, write: str
) -> None:
    changes: dict[str, str | bytes] = {
        "Makefile": _makefile(),
        "tools/fake": FAKE,
        ".ci/run": HEAD + "python3 tools/w.py" + THEN,
        "tools/w.py": f"import os\nimport shutil\nimport sys\nfrom pathlib import Path\n\n{write}\n",
    }
    refused_by_the_trusted_check(request, tmp_path, changes, f"tools/w.py line 6: {WRITTEN}")


# --- A test writing through a path built from its own location (git/python_writes.py)
@pytest.mark.parametrize(
    "write",
    [
        "Path(__file__).resolve().parents[1].joinpath('.venv/bin/ruff').write_text('exit 0')",
        "REPO = Path(__file__).resolve().parent.parent\n    (REPO / '.venv' / 'bin' / 'ruff').write_text('exit 0')",
        "open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Makefile'), 'w').write('test:')",
    ],
    ids=["parents-joinpath", "bound-parent-div", "os.path-dirname"],
)
def test_a_test_writing_code_by_its_own_location_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, write: str
) -> None:
    test = f"import os\nfrom pathlib import Path\n\n\ndef test_setup() -> None:\n    {write}\n"
    changes: dict[str, str | bytes] = {"Makefile": _makefile(), "tests/test_setup.py": test}
    refused_by_the_trusted_check(request, tmp_path, changes, "tests/test_setup.py line ")


def test_writes_built_in_the_tree_or_tmp_pass(tmp_path: Path) -> None:
    """Twins: a start under /tmp, one of the tree, a script told where, a test writing its own tmp_path or a data
    file of the tree beside it (no code)."""
    tool = (
        "import os\nimport sys\nimport tempfile\nfrom pathlib import Path\n\n"
        "Path('/tmp/' + sys.argv[1]).write_text('x')\nopen(f'build/{sys.argv[1]}.txt', 'w').close()\n"
        "Path(os.path.join(sys.argv[2], 'out.txt')).write_text('x')\n"
        "Path(tempfile.mkdtemp(), 'x').write_text('x')\n"
    )
    test = (
        "from pathlib import Path\n\nREPO = Path(__file__).resolve().parents[1]\n\n\n"
        "def test_writes(tmp_path: Path) -> None:\n    (tmp_path / 'x.py').write_text('x = 1')\n"
        "    (REPO / 'build' / 'notes.txt').write_text('x')\n    assert (REPO / 'Makefile').read_text()\n"
    )
    run = HEAD + "python3 tools/w.py a /tmp/out\nmake test\n"
    changes: dict[str, str | bytes] = {
        "Makefile": _makefile(),
        ".ci/run": run,
        "tools/w.py": tool,
        "tests/test_notes.py": test,
    }
    passed_by_the_extraction(tmp_path, changes)
