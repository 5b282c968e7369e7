"""Attacks of a pull request on what its review shows of the code and settings, hunt 192.

- **Code outside the folders read as code.** The extraction read the files that run or configure the
  check for what no reviewer is shown (a NUL byte, an invisible character, a lone carriage return,
  a look-alike word, an attribute that hides or rewrites them, a file GitHub folds as generated) by a
  list: Python anywhere, `.ci/`, `.github/`, `schema/`, `scripts/` and the files at the top. Whatever
  those files run from elsewhere was read for nothing. A pull request whose Makefile gained `include
  mk/rules.mk`, with `mk/rules.mk` holding a NUL byte (git and GitHub take it for binary and show
  none of its lines; make warns and runs the rest, tested), passed (exit 0); so did `mk/rules.mk`
  marked `-diff`, given `ident`, or holding a zero-width space or a lone carriage return, a workflow's
  `uses: ./actions/check` whose `action.yml` GitHub folds as `linguist-generated`, a test input a
  test runs marked `-diff`, and `tests/.gitattributes` with a line of 2,048 bytes that git 2.35 and
  later skip and older gits apply to the tests' Python (`working-tree-encoding=ASCII//TRANSLIT`).
  Now every file but the data, documentation (Markdown, a licence) and the tests' inputs
  (`tests/fixtures/`, `tests/hostile/`, kept byte for byte) is read as one that runs, every
  `.gitattributes` too, and the attributes that hide or rewrite a file count for the tests' inputs as
  well (git/code_files.py: runs; git/extract.py: code_rewritten).
- **A space that is none.** `.ci/trusted-check` changed from `set -euo pipefail` to the same line
  with a no-break space after `set` passed (exit 0): GitHub, `git diff` and an editor show the line
  as it was, and bash runs a command `set<U+00A0>-euo`, not found, and the script on past every
  failure. Merged, the base branch's trusted check no longer stopped at the extraction's refusal:
  a later pull request whose attributes rewrite a source on checkout (refused, exit 2, after its
  data is written) passed the check (exit 0, tested). Now a space separator other than the ASCII
  space (U+00A0, U+2000 to U+200A, U+202F, U+3000 ...) in a file that runs or configures the check
  stops the extraction (no_other_spaces): the repository writes each as an escape.
- **A sign or a word in look-alike characters.** Look-alike letters were refused within a word that
  mixes them with ASCII letters. `set \u2010euo pipefail` (a hyphen U+2010 before `euo`: bash's
  `set` then sets the arguments and leaves `-e` off, tested) and `[ "$ok" = "\u0443\u0435\u0455" ]`
  (`yes` in Cyrillic letters alone) passed (exit 0). Now a file that runs the check but Python holds
  no character beyond ASCII that shows a reviewer one ASCII letter, sign or space
  (look_alike_character: after NFKC, a minus sign, a full-width semicolon, a Cyrillic "у"); the
  typographic signs the repository's settings use ("…", "×", "²", curly quotes) show themselves, and a
  Python source's strings, which hold the English the checks read as sources write it, keep the rule
  of words.
- **A tab a reviewer's view lays out otherwise than Python.** Python reads a tab in a line's
  indentation as up to the next multiple of 8 columns (and refuses a line that a width of 1 orders
  otherwise); GitHub lays it out at the reviewer's tab size (a preference, or the repository's
  `.editorconfig`), an editor at its own. With spaces before a tab the two widths Python compares can
  agree where another does not: a module whose `return found` shows at a width of 2 after its `for`
  loop, at the loop's level, returns inside the loop to Python (on the first name, tested), and
  passed (exit 0). Now a tab in a Python source's line's leading white space stops the extraction
  (no_tab_in_indentation); the repository indents with spaces.
- **Settings a tool reads in place of the ones reviewed.** A package beside a module of its name was
  refused (Python imports it in the module's place), a settings file beside the one its tool would
  otherwise read not. `GNUmakefile` added beside the Makefile passed (exit 0), its review a new file:
  GNU make reads `GNUmakefile`, then `makefile`, then `Makefile`, and runs the first (tested), so the
  Makefile, which every later review reads as what `make check` and `make test` run in CI and on a
  reviewer's machine, runs no more. So does an empty `pytest.ini` for pyproject.toml's pytest
  settings (pytest then ignores them), `mypy.ini` for mypy's and `ruff.toml` for ruff's. Now such a
  pair in one folder stops the extraction (no_settings_shadowed).
- **A change of the code past what GitHub's review shows.** GitHub shows no more of a pull request's
  diff than 300 files, 20,000 lines and 1 MB in all, and 500 KB of one file's; anything past them is
  not shown (its documentation, "Repository limits"). A pull request that changed a checker module
  beside 301 files of documentation, or beside a megabyte of it, or 20,000 lines of it, passed
  (exit 0), and so did a module whose own diff was 570 KB: `trials diff` names the module on its
  checker line, and the review never shows its lines. Now a pull request that changes the code (a
  file neither the data nor documentation) and whose diff from where it branched is past one of
  those limits stops the extraction (code_shown_in_full): the code's change belongs in a pull
  request of its own. A pull request of data or documentation alone is as large as it needs.
- **A module imported before the library's.** `python -m` puts the folder it runs in first on
  sys.path: review.yml runs `python -m venv .venv` at the top of the base branch's checkout, the
  Makefile `python -m pip` and `python -m pytest`; pytest puts a test's folder first (tests/), and
  Python a script's (benchmarks/). A pull request adding `logging.py` at the top passed (exit 0), its
  review a file nothing imports; merged, `python -m venv` imported it (tested), first in every review
  job (and setuptools runs a `setup.py` at the top at review.yml's `pip install -e .`). Now a Python
  module or package at the top, or one named as a standard library module outside
  scripts/ (where modules are imported as `sle_trials.x`), stops the extraction
  (no_module_before_the_library).
- **A makefile's line led by spaces.** make runs a line that starts with a tab as a step of the rule
  above it, and reads one that starts with eight spaces (shown alike by GitHub, `git diff` and an
  editor at a width of 8) as a line of the makefile: `        CHECKED=yes $(BIN)/trials csv` as the
  last line of `check:` is a variable set to the words after it, and `trials csv` never runs (make
  exits 0, tested). It passed (exit 0). Now a line of a makefile (`Makefile`, `GNUmakefile`,
  `makefile`, `*.mk`, `*.mak`, `*.make`) that starts with spaces stops the extraction
  (no_line_led_by_a_space).
- **White space at a line's end.** GitHub's review shows none (`git diff` colours it, in a terminal
  with colours), and bash ends a here-document only at a line that is its word alone: after `cat
  >/dev/null <<EOF` and a note, the line `EOF ` ends nothing, every line after it is the document's,
  and the script runs none of them and exits 0 (tested). `.ci/trusted-check` so changed passed
  (exit 0); merged, it would check nothing and pass every pull request. So did `MODE = strict ` in a
  makefile (no `strict` to make). Now a space or a tab at a line's end in a file that runs or
  configures the check stops the extraction (no_white_space_at_a_line_end); the repository holds
  none (the pre-commit hook trims them), and Markdown (documentation, an agent's instructions, where
  two spaces break a line) is not read for it. Nor does bash end a here-document that `<<-` opens at
  an `EOF` led by eight spaces, which a reviewer's view shows where a tab would stand (it ends one
  at its word after tabs alone): the script after it ran nothing and exited 0 (tested). Now `<<-` in
  a file that runs the check but Python stops the extraction (no_here_document_ended_after_tabs).
- **A byte-order mark before a script's first word.** A file that runs or configures the check could
  start with one (Python reads it as the mark it is); bash reads it as the first word's first
  character, and GitHub shows none: a script whose first line is `set -euo pipefail` so marked runs
  a command `<U+FEFF>set`, not found, and every line on past each failure (tested). Now a byte-order
  mark at the start of such a file but a Python source stops the extraction (no_byte_order_mark).
- **An option's dash that is none, in the checker's Python.** A string of the checker's was read for
  words in look-alike letters, and a dash is no letter: `if "\\u2010\\u2010strict" in argv:` written
  with its hyphens U+2010 as characters shows a reviewer `--strict`, is never true, and passed
  (exit 0). Now a character that shows "-" before an ASCII letter in such a string stops the
  extraction as a look-alike word does (look_alike_word); an en dash between digits ("18\u201365") or
  a curly apostrophe ("trial\u2019s"), which the checks read in sources, is none.
- **A file that runs the check in another encoding than UTF-8.** The extraction read such files as
  UTF-8, each byte that is not UTF-8 a replacement character; GitHub shows the file in the encoding
  it makes out, bash reads its bytes. `.ci/trusted-check` with `set<0xA0>-euo pipefail` (a no-break
  space in windows-1252, no UTF-8 at all) passed (exit 0), and bash runs a command not found and the
  script on past each failure (tested). Now a byte that is not UTF-8 in a file that runs or
  configures the check stops the extraction (no_bytes_beyond_utf8).
- **A word wholly in look-alike letters, in the checker's Python.** The rule of words asked for an
  ASCII letter among the look-alike ones: `if answer == "\\u0443\\u0435\\u0455":` written in its
  Cyrillic letters shows `yes`, is never true, and passed (exit 0). Now a word of two or more
  letters that each show an ASCII letter counts as well; a letter alone (the look-alike tables'
  examples) and a word in another script a reader tells apart ("\u0441\u0442\u043e\u043b") do not.
- **Code pushed past the screen by blanks.** GitHub's view of a file scrolls a long line sideways, and
  an editor that does not wrap lines (VS Code's default) shows its start: `STRICT = True` followed by
  200 spaces and `; STRICT = False` reads as the strict check turned on, Python turns it off (tested),
  and it passed (exit 0). Now 60 or more spaces or tabs within a line of a file that runs or
  configures the check, before more of it, stop the extraction (no_words_pushed_aside); the
  repository's longest such run is 34 characters, a comment aligned.

Tried, and held (the check refused them, or what runs is what the review shows):
- `makefile` beside `Makefile` (make reads `makefile` first): a disk folding case takes the two for
  one, refused as twins (paths.twins);
- a form feed in a Python module's indentation (CPython starts counting again after it): an
  invisible character, refused (invisible.INVISIBLE holds the controls);
- YAML's line breaks beyond ASCII in a workflow (NEL U+0085, U+2028, U+2029, which YAML 1.1 ends a
  line at and a reviewer's view does not): refused as invisible characters;
- `.gitattributes` patterns quoted with C escapes (`"a\\056py" -diff`) or after a byte-order mark:
  this git (2.39) applies them as written (tried), and the extraction asks it, so such an attribute
  on code is refused as any other; a vertical tab or a form feed between a pattern and its
  attributes is an invisible character, and every `.gitattributes` is read now;
- a module's `.pyi` stub beside it (passes): Python never imports a stub (mypy reads it in the
  module's place, in the pull request's own CI), and it is named on the checker's line;
- an `.editorconfig` giving tabs a width (passes): GitHub lays tabs out by it, and with a tab in a
  Python source's indentation, a makefile's line led by spaces and `<<-` refused, no tool here
  reads a tab by its width.

Left (not refused): GitHub folds a file's diff of over 400 lines or 20 KB behind "Load diff" (honest
refactors pass it; the fold says the diff is large); a long line of visible characters that pushes code
past a reviewer's screen (a string of 300 letters, then `; STRICT = False`); a key given
twice in YAML (PyYAML, which pre-commit reads its settings with, takes the last) is shown twice as
written; an action used by a tag (`actions/checkout@v4`) and build requirements by a range run what
the tag or the index names when they run (the repository's own workflows do so); a `ruff.toml` in a
subfolder configures ruff there in place of pyproject.toml's (lint, in the pull request's own CI);
a makefile included under another name (`include mk/rules`) is not read for lines led by spaces;
`export-ignore` on code leaves it out of GitHub's ZIP of the branch; a file the code runs from the
tests' inputs (`include tests/fixtures/rules.mk`) is not read for its bytes (the inputs hold NUL
bytes, carriage returns and invisible characters on purpose), though the line that runs it is shown
and attributes that hide its diff are refused.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    MAKEFILE,
    committed_registry,
    extraction,
    git_run,
    pull_request_beside_a_makefile,
    pull_request_made,
    trusted_check,
    trusted_check_once,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

NBSP, HYPHEN, YES = "\u00a0", "\u2010", "\u0443\u0435\u0455"  # `yes` in Cyrillic letters
STRICT = "set -euo pipefail\n"


def _bash(tmp_path: Path, script: str) -> subprocess.CompletedProcess:
    """bash running script (written to a file, as CI runs .ci/trusted-check): its exit status and output."""
    (tmp_path / "script").write_text(script, encoding="utf-8")
    return subprocess.run(["bash", str(tmp_path / "script")], capture_output=True, text=True, timeout=60)


def _verdict(checked: subprocess.CompletedProcess, passes: bool, *said: str) -> None:
    """The trusted check passed an honest neighbour (exit 0), or stopped (exit 2) saying each of said."""
    if passes:
        assert checked.returncode == 0, checked.stdout + checked.stderr
    else:
        assert checked.returncode == 2, checked.stdout + checked.stderr
        assert all(words in checked.stderr for words in said), checked.stderr


INCLUDED = {"Makefile": "include mk/rules.mk\n" + MAKEFILE}
WORKFLOW = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./actions/check\n"
ACTION = "runs:\n  using: composite\n  steps:\n    - run: make test\n      shell: bash\n"

# What a file of the checker's runs from outside the folders that were read, hidden from its review
OUTSIDE = [
    ({**INCLUDED, "mk/rules.mk": b"check:\n\techo unreviewed\n\0\n"}, "mk/rules.mk line 3: a NUL byte"),
    ({**INCLUDED, "mk/rules.mk": "check:\n\techo ok\n", ".gitattributes": "mk/* -diff\n"}, "mk/rules.mk: the pull"),
    ({**INCLUDED, "mk/rules.mk": "V = $Id$\n", ".gitattributes": "*.mk ident\n"}, "mk/rules.mk: the pull"),
    ({**INCLUDED, "mk/rules.mk": "MODE = strict\u200b\n"}, "mk/rules.mk line 1: an invisible character"),
    ({**INCLUDED, "mk/rules.mk": "# a note\rMODE = lax\n"}, "mk/rules.mk line 1: a carriage return"),
    (
        {
            ".github/workflows/ci.yml": WORKFLOW,
            "actions/check/action.yml": ACTION,
            ".gitattributes": "actions/** linguist-generated\n",
        },
        "actions/check/action.yml: the pull",
    ),
    (
        {"tests/fixtures/run.sh": "echo unreviewed\n", ".gitattributes": "tests/fixtures/*.sh -diff\n"},
        "tests/fixtures/run.sh: the pull",
    ),
    (
        {"tests/.gitattributes": "*.py working-tree-encoding=ASCII//TRANSLIT" + " " * 2100 + "\n"},
        "tests/.gitattributes line 1: 2,142 bytes",
    ),
    ({"tests/.gitattributes": b"# settings\0\n*.py -text\n"}, "tests/.gitattributes line 1: a NUL byte"),
]


@pytest.mark.parametrize(("changes", "said"), OUTSIDE)
def test_what_the_checkers_files_run_from_elsewhere_is_read_as_code(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {said}" in checked.stderr, checked.stderr


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_runs_an_included_file_whose_diff_git_shows_as_binary(tmp_path: Path) -> None:
    """The mechanism: git shows no line of `mk/rules.mk`, and make runs its rule."""
    root = pull_request_beside_a_makefile(tmp_path, {**INCLUDED, "mk/rules.mk": b"check:\n\t@echo unreviewed\n\0\n"})
    shown = git_run(root, "diff", "main", "pr", "--", "mk/rules.mk")
    assert "Binary files /dev/null and b/mk/rules.mk differ" in shown and "unreviewed" not in shown, shown
    git_run(root, "checkout", "-q", "pr")
    ran = subprocess.run(["make", "-s", "check"], cwd=root, capture_output=True, text=True, timeout=60)
    assert ran.stdout == "unreviewed\n", ran


# A character that shows a reviewer an ASCII one it is not, in a file that runs the check
TRUSTED = ".ci/trusted-check"
SHOWN_OTHERWISE = [
    ({TRUSTED: f"#!/usr/bin/env bash\nset{NBSP}-euo pipefail\n"}, f"{TRUSTED} line 2: U+00A0, a space"),
    (
        {TRUSTED: f"#!/usr/bin/env bash\nset {HYPHEN}euo pipefail\n"},
        f"{TRUSTED} line 2: '\\u2010euo' shows a reviewer the ASCII word '-euo'",
    ),
    (
        {TRUSTED: f'[ "$ok" = "{YES}" ] && exit 0\n'},
        f"{TRUSTED} line 1: '\\u0443\\u0435\\u0455' shows a reviewer the ASCII word 'yes'",
    ),
    (
        {"Makefile": "test:\n\t.venv/bin/python -m pytest \u2212\u2212strict\n"},
        "Makefile line 2: '\\u2212strict' shows",
    ),
    ({".github/workflows/ci.yml": "on: push\njobs: {}\nenv:\n  MODE: lax\uff1b strict\n"}, "ci.yml line 4: '\\uff1b'"),
    ({"mk/rules.mk": "MODE\u3000= lax\n"}, "mk/rules.mk line 1: U+3000, a space"),
    ({TRUSTED: '[ "$answer" = "\u0443" ] && exit 0\n'}, f"{TRUSTED} line 1: '\\u0443' shows a reviewer 'y'"),
    ({"scripts/sle_trials/checks/strict.py": f'MODE = "strict{NBSP}"\n'}, "strict.py line 1: U+00A0, a space"),
    ({"tests/test_x.py": f"# a note{NBSP}\n"}, "tests/test_x.py line 1: U+00A0, a space"),
]


@pytest.mark.parametrize(("changes", "said"), SHOWN_OTHERWISE)
def test_a_character_shown_as_an_ascii_one_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert said in checked.stderr, checked.stderr


@pytest.mark.parametrize("line", [f"set{NBSP}-euo pipefail", f"set {HYPHEN}euo pipefail"])
def test_bash_runs_past_a_failure_under_a_set_line_a_reviewer_reads_as_strict(tmp_path: Path, line: str) -> None:
    ran = _bash(tmp_path, f"{line}\nfalse\necho went on\n")
    assert (ran.returncode, ran.stdout) == (0, "went on\n"), ran


def test_a_trusted_check_merged_with_a_no_break_space_passes_what_its_extraction_refuses(tmp_path: Path) -> None:
    """The mechanism end to end: main took the pull request whose `.ci/trusted-check` reads `set
    -euo pipefail` with a no-break space; a later pull request whose attributes rewrite a source on
    checkout (`ident`), refused by the extraction after the data is written, passes main's check (the
    line itself, in the merge, is refused after the data is written too)."""
    root = committed_registry(tmp_path)
    git_run(root, "branch", "later")  # branched before main took the line
    script = root / TRUSTED
    script.write_text(script.read_text("utf-8").replace(STRICT, f"set{NBSP}-euo pipefail\n", 1), "utf-8")
    git_run(root, "commit", "-q", "--no-verify", "-am", "a line that reads as it was")
    shown = git_run(root, "show", "HEAD")
    assert "-set -euo pipefail" in shown and f"+set{NBSP}-euo pipefail" in shown, shown
    git_run(root, "checkout", "-q", "later")
    (root / ".gitattributes").write_text("seeds/** ident\n", encoding="utf-8")
    pull_request_made(root)
    assert extraction(root, "later", tmp_path / "extracted").returncode == 2
    checked = trusted_check(root, "later", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # the extraction said why it refused (exit 2), and the script went on to check the data it wrote
    assert "command not found" in checked.stderr and "\ntrusted-check: " in checked.stderr, checked.stderr


HONEST = [
    {**INCLUDED, "mk/rules.mk": "check:\n\t.venv/bin/trials check\n"},
    {".github/workflows/ci.yml": WORKFLOW, "actions/check/action.yml": ACTION},
    {"tests/fixtures/broken.txt": b"a NUL\0, a lone CR\r and a zero-width\xe2\x80\x8bspace, kept as is\n"},
    {"tests/.gitattributes": "tests/fixtures/** -text\n"},
    {"docs/notes.md": f"A no-break{NBSP}space, a hyphen{HYPHEN}and {YES} in prose.\n"},
    {"LICENSE": f"Copyright{NBSP}(c) the authors\n", "docs/x/LICENSE.txt": f"{HYPHEN}\n"},
    {
        ".github/workflows/ci.yml": "# 3 \u00d7 faster \u2026 mg/m\u00b2, \u201cquoted\u201d \u2014 a note\n"
        "on: push\njobs: {}\n"
    },
    {
        "scripts/sle_trials/reading/dashes.py": 'DASHES = ("\u2013", "\u2212", "\u2019s")'
        "  # a range, a minus, a possessive\n"
    },
    {"scripts/sle_trials/reading/spaces.py": 'SPACES = ("\\u00a0", "\\u3000")\n'},
]


@pytest.mark.parametrize("changes", HONEST)
def test_honest_neighbours_pass(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes]
) -> None:
    """Plain files run from elsewhere, the tests' inputs as they are, documentation in any characters,
    the typographic signs of the settings' comments, and the checker's strings of English text."""
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_repositorys_own_tree_passes() -> None:
    """The rules' own honest neighbour: this checkout's HEAD, read as the extraction reads a pull
    request's tree (every file that runs, its attributes), as ci.yml reads it on every push."""
    from sle_trials.git import extract, plumbing

    repository = plumbing.Repository(Path(__file__).resolve().parents[1])
    head = repository.commit("HEAD") or ""
    extract.code_held(repository, head, set())
    assert extract.code_rewritten(repository, head) == []


TABBED = (
    "def changed(listed):\n"
    "  \tfound = []\n"
    "  \tfor name in listed:\n"
    "  \t\tif name:\n"
    "  \t\t found.append(name)\n"
    " \t \treturn found\n"
)


def test_python_returns_inside_the_loop_a_reviewer_at_a_width_of_2_sees_it_end() -> None:
    """The mechanism: at a width of 2 `return found` starts where `for` does; Python runs it in the loop."""
    shown = TABBED.expandtabs(2).splitlines()
    assert shown[2].index("for") == shown[5].index("return") == 4, shown
    space: dict[str, object] = {}
    exec(TABBED, space)  # the module's text, as Python reads it
    changed = space["changed"]
    assert callable(changed) and changed(["a", "b", "c"]) == ["a"]


@pytest.mark.parametrize(
    ("path", "text", "passes"),
    [
        ("scripts/sle_trials/git/changed.py", TABBED, False),
        ("tests/test_changed.py", "if True:\n\tx = 1\n", False),  # a tab alone too: a width over 8 differs
        (".ci/helper", "#!/usr/bin/env python3\nif True:\n \tx = 1\n", False),
        ("scripts/sle_trials/git/changed.py", 'TABLE = "a\tb"  # a tab within a line\n', True),
        ("mk/rules.mk", "check:\n\t.venv/bin/trials check\n", True),  # make's recipes start with one
    ],
)
def test_a_tab_in_a_python_sources_indentation_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, passes: bool
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: text})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    line = text[: text.find("\t")].count("\n") + 1  # (a neighbour may hold none)
    _verdict(checked, passes, f"trusted-check: {path} line {line}: a tab in its indentation")


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"GNUmakefile": "test:\n\techo unreviewed\n"},
            "GNUmakefile: a settings file its tool reads in place of Makefile",
        ),
        ({"GNUMAKEFILE": "test:\n"}, "GNUMAKEFILE: a settings file its tool reads in place of Makefile"),
        ({"pyproject.toml": "[tool.pytest.ini_options]\n", "pytest.ini": ""}, "pytest.ini: a settings file"),
        ({"pyproject.toml": "[tool.mypy]\n", ".mypy.ini": "[mypy]\n"}, ".mypy.ini: a settings file"),
        ({"pyproject.toml": "[tool.ruff]\n", "ruff.toml": "line-length = 400\n"}, "ruff.toml: a settings file"),
        ({"mk/Makefile": "check:\n", "mk/GNUmakefile": "check:\n"}, "mk/GNUmakefile: a settings file"),
    ],
)
def test_settings_a_tool_reads_in_place_of_those_beside_them_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {said}" in checked.stderr, checked.stderr


@pytest.mark.parametrize(
    "changes",
    [
        {"mk/GNUmakefile": "check:\n"},  # no Makefile beside it
        {"docs/example/pytest.ini": "[pytest]\n", "setup.cfg": "[tool:pytest]\n"},  # read after pyproject.toml
    ],
)
def test_settings_that_shadow_none_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_runs_a_gnumakefile_in_place_of_the_makefile(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text("test:\n\t@echo reviewed\n", encoding="utf-8")
    (tmp_path / "GNUmakefile").write_text("test:\n\t@echo unreviewed\n", encoding="utf-8")
    ran = subprocess.run(["make", "-s", "test"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert ran.stdout == "unreviewed\n", ran


STRICT_MODULE = {"scripts/sle_trials/checks/strict.py": "STRICT = False\n"}
DOCUMENTS = {f"docs/notes/{n:03d}.md": f"Note {n}.\n" for n in range(301)}


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({**DOCUMENTS, **STRICT_MODULE}, "with 302 files, and GitHub's review shows 300"),
        ({"docs/long.md": ("w" * 199 + "\n") * 5_200, **STRICT_MODULE}, "bytes in 5,2"),  # bytes, not lines
        ({"docs/long.md": "x\n" * 20_000, **STRICT_MODULE}, "lines, and GitHub's review shows 1,000,000 bytes"),
        ({"scripts/sle_trials/checks/table.py": ("# " + "z" * 100 + "\n") * 5_000}, "shows 500,000 of one file's"),
    ],
)
def test_a_change_of_the_code_past_what_githubs_review_shows_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "trusted-check: the pull request changes the code (" in checked.stderr, checked.stderr
    assert said in checked.stderr, checked.stderr


@pytest.mark.parametrize(
    "changes",
    [
        DOCUMENTS,  # no code: as large as it needs
        {"docs/long.md": "A line of words.\n" * 62_000},
        {**{f"docs/notes/{n:03d}.md": "Note.\n" for n in range(298)}, **STRICT_MODULE},  # 299 files
    ],
)
def test_a_large_pull_request_of_no_code_or_a_shown_one_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("logging.py", "logging.py: a Python module at the top"),
        ("pip.py", "pip.py: a Python module at the top"),
        ("setup.py", "setup.py: a Python module at the top"),  # setuptools runs it at `pip install -e .`
        ("pytest/__init__.py", "pytest/__init__.py: a Python module at the top"),
        ("tests/json.py", "tests/json.py: a Python module named as the standard library's 'json'"),
        (
            "benchmarks/shutil/__init__.py",
            "benchmarks/shutil/__init__.py: a Python module named as the standard library's 'shutil'",
        ),
    ],
)
def test_a_module_imported_before_the_librarys_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, said: str
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: "print('unreviewed')\n"})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {said}" in checked.stderr, checked.stderr


@pytest.mark.parametrize("path", ["scripts/sle_trials/reading/tokenize.py", "tests/helpers.py", "benchmarks/timing.py"])
def test_modules_imported_by_their_packages_names_or_named_as_none_of_the_librarys_pass(
    tmp_path: Path, path: str
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: "X = 1\n"})
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_python_m_venv_imports_a_logging_module_at_the_top(tmp_path: Path) -> None:
    """The mechanism: review.yml's first command, run where a merged `logging.py` stands."""
    (tmp_path / "logging.py").write_text("print('unreviewed')\nraise SystemExit(3)\n", encoding="utf-8")
    ran = subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "venv")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (ran.returncode, ran.stdout) == (3, "unreviewed\n"), ran


SPACED = "check:\n\t@echo validate\n        CHECKED=yes echo csv\n"


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_reads_a_line_led_by_spaces_as_no_step(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text(SPACED, encoding="utf-8")
    ran = subprocess.run(["make", "-s", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert (ran.returncode, ran.stdout) == (0, "validate\n"), ran
    assert SPACED.expandtabs(8).splitlines()[1].index("@") == SPACED.expandtabs(8).splitlines()[2].index("C") == 8


@pytest.mark.parametrize(
    ("path", "text", "passes"),
    [
        ("Makefile", SPACED, False),
        ("mk/rules.mk", "ifeq ($(CI),true)\n  MODE = strict\nendif\n", False),
        ("mk/GNUmakefile", "check:\n \t@echo validate\n", False),  # a space before the tab: no step either
        ("mk/rules.mk", "check:\n\t@echo validate \\\n\t\t  and more\n\n", True),
        ("docs/make.md", "    make check\n", True),  # documentation
        (".github/workflows/ci.yml", "on: push\njobs:\n  check: {}\n", True),  # YAML is indented with spaces
    ],
)
def test_a_makefiles_line_led_by_spaces_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, passes: bool
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: text})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    _verdict(checked, passes, f"trusted-check: {path} line ", "a makefile's line that starts with spaces")


SWALLOWED = "#!/usr/bin/env bash\nset -euo pipefail\ncat >/dev/null <<EOF\na note\nEOF \necho checked\nexit 1\n"


def test_bash_runs_nothing_after_a_here_document_whose_end_has_a_space(tmp_path: Path) -> None:
    ran = _bash(tmp_path, SWALLOWED)
    assert (ran.returncode, ran.stdout) == (0, ""), ran
    assert "delimited by end-of-file" in ran.stderr, ran.stderr


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({TRUSTED: SWALLOWED}, f"{TRUSTED} line 5: white space at the end of the line"),
        ({"mk/rules.mk": "MODE = strict \n"}, "mk/rules.mk line 1: white space"),
        ({".github/workflows/ci.yml": "on: push\t\njobs: {}\n"}, ".github/workflows/ci.yml line 1: white space"),
        (
            {"scripts/sle_trials/checks/strict.py": 'MODE = """strict \r\n"""\n'},
            "scripts/sle_trials/checks/strict.py line 1: white space",
        ),
    ],
)
def test_white_space_at_a_line_end_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert f"trusted-check: {said}" in checked.stderr, checked.stderr


@pytest.mark.parametrize(
    "changes",
    [
        {"docs/notes.md": "A line broken  \nby two spaces.\n"},
        {"AGENTS.md": "Run `trials check`.  \nThen commit.\n"},
        {"tests/fixtures/padded.txt": "a line \n"},
    ],
)
def test_white_space_at_a_line_end_of_markdown_or_a_test_input_passes(
    tmp_path: Path, changes: dict[str, str | bytes]
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, changes)
    checked = extraction(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr


TAB_STRIPPED = "set -euo pipefail\ncat >/dev/null <<-EOF\n\ta note\n        EOF\necho checked\nexit 1\n"


def test_bash_ends_no_here_document_at_its_word_after_spaces(tmp_path: Path) -> None:
    ran = _bash(tmp_path, TAB_STRIPPED)
    assert (ran.returncode, ran.stdout) == (0, ""), ran
    shown = TAB_STRIPPED.expandtabs(8).splitlines()
    assert shown[2].index("a note") == shown[3].index("EOF") == 8


@pytest.mark.parametrize(
    ("path", "text", "passes"),
    [
        (TRUSTED, TAB_STRIPPED, False),
        (".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    steps:\n      - run: cat <<-EOF\n", False),
        ("tests/test_shell.py", 'SCRIPT = "cat <<-EOF"\n', True),  # Python's strings run no shell
        (TRUSTED, "cat >/dev/null <<EOF\na note\nEOF\n", True),
    ],
)
def test_a_here_document_ended_after_tabs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, passes: bool
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: text})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    _verdict(checked, passes, f"trusted-check: {path} line ", "a here-document `<<-`")


MARKED = "\ufeffset -euo pipefail\nfalse\necho went on\n"


def test_bash_reads_a_byte_order_mark_as_the_first_words(tmp_path: Path) -> None:
    ran = _bash(tmp_path, MARKED)
    assert (ran.returncode, ran.stdout) == (0, "went on\n"), ran


@pytest.mark.parametrize(
    ("path", "text", "passes"),
    [
        (TRUSTED, MARKED, False),
        ("Makefile", "\ufeffPYTHON ?= python3\n", False),
        ("scripts/sle_trials/checks/strict.py", "\ufeffSTRICT = True\n", True),  # Python reads the mark
        ("docs/notes.md", "\ufeffNotes.\n", True),
    ],
)
def test_a_byte_order_mark_before_a_scripts_first_word_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, passes: bool
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: text})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    _verdict(checked, passes, f"trusted-check: {path} line 1: a byte-order mark")


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        ('import sys\nSTRICT = "\u2010\u2010strict" in sys.argv\n', False),
        ('FLAGS = ("-v", "\uff0dq")\n', False),
        ('RANGE = "18\u201365"  # an en dash between digits\nOWN = "the trial\u2019s"\n', True),
        ('"""A docstring: \u2010\u2010strict is how a dash may look."""\n', True),
    ],
)
def test_an_options_dash_that_is_none_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, passes: bool
) -> None:
    path = "scripts/sle_trials/checks/strict.py"
    root = pull_request_beside_a_makefile(tmp_path, {path: text})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    _verdict(checked, passes, f"trusted-check: {path} line ", "shows a reviewer the ASCII word '-")


LATIN = b"#!/usr/bin/env bash\nset\xa0-euo pipefail\nfalse\necho went on\n"


def test_bash_reads_a_byte_beyond_utf8_as_part_of_a_word(tmp_path: Path) -> None:
    script = tmp_path / "script"
    script.write_bytes(LATIN)
    ran = subprocess.run(["bash", str(script)], capture_output=True, timeout=60)
    assert (ran.returncode, ran.stdout) == (0, b"went on\n"), ran


@pytest.mark.parametrize(
    ("path", "content", "passes"),
    [
        (TRUSTED, LATIN, False),
        ("Makefile", b"# caf\xe9\ntest:\n\techo ok\n", False),
        ("tests/fixtures/latin.txt", b"caf\xe9\n", True),  # a test's input, kept as it is
        ("docs/latin.md", b"caf\xe9\n", True),  # documentation
    ],
)
def test_a_byte_beyond_utf8_in_a_file_that_runs_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, content: bytes, passes: bool
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: content})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    _verdict(checked, passes, f"trusted-check: {path} line ", "a byte that is not UTF-8")


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        ('ANSWER = "yes"\nAGREED = ANSWER == "\u0443\u0435\u0455"\n', False),
        ('CYRILLIC_ES = "\u0421"  # a letter alone: a look-alike table\'s example\n', True),
        ('TABLE = "\u0441\u0442\u043e\u043b"  # a Russian word, which shows no ASCII one\n', True),
    ],
)
def test_a_word_wholly_in_look_alike_letters_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, text: str, passes: bool
) -> None:
    path = "scripts/sle_trials/checks/answers.py"
    root = pull_request_beside_a_makefile(tmp_path, {path: text})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    _verdict(checked, passes, f"trusted-check: {path} line 2: ", "the ASCII word 'yes'")


PUSHED = "STRICT = True" + " " * 200 + "; STRICT = False\n"


def test_python_reads_what_blanks_push_past_the_screen() -> None:
    space: dict[str, object] = {}
    exec(PUSHED, space)  # the module's text, as Python reads it
    assert space["STRICT"] is False and PUSHED[:80].rstrip() == "STRICT = True"


@pytest.mark.parametrize(
    ("path", "text", "passes"),
    [
        ("scripts/sle_trials/checks/strict.py", PUSHED, False),
        (".github/workflows/ci.yml", "on: push" + "\t" * 60 + "# a note\njobs: {}\n", False),
        ("scripts/sle_trials/checks/strict.py", "STRICT = True" + " " * 34 + "# aligned\n", True),
        ("scripts/sle_trials/checks/strict.py", "if True:\n" + " " * 64 + "STRICT = True\n", True),  # indentation
    ],
)
def test_blanks_that_push_code_past_the_screen_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, passes: bool
) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {path: text})
    checked = trusted_check_once(request, root, "pr", tmp_path / "review")
    _verdict(checked, passes, f"trusted-check: {path} line ")
