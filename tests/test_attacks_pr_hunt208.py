"""Attacks of a pull request on the trusted check and what its review shows, hunt 208.

- **Documentation that runs.** The extraction reads every file that runs or configures the check for what no
  reviewer is shown (a NUL byte, an invisible character, an attribute that hides its diff, a definition given
  twice), but documentation (Markdown, a licence) for nothing, as nothing runs it. A tool runs a file by its
  path whatever its name: a Makefile's `include docs/rules.md`, with `docs/rules.md` holding a NUL byte (git
  and GitHub show none of its lines, make runs them: tested), passed (exit 0), and so did the document
  marked `-diff` or holding a zero-width space, `include LICENSE.txt` giving the Makefile's `test` its own
  recipe (make keeps the later), and `.ci/run` sourcing `docs/env.md`. Now a document a file of the code
  (but Python, `.gitattributes`, JSON and TOML) names by its path on a line that is no comment, or one
  executable or led by `#!`, is read as code (git/documentation_run.py); documents named in comments, by the
  tests' Python, a schema's description or pyproject.toml's `readme` are still documentation, and `trials
  diff` names a document that runs, on either side, on its checker line. A document a test's input that runs
  names (the Makefile's `include tests/fixtures/rules.mk`, which says `include docs/more.md`) runs too.
- **Blanks counted by characters, shown by columns.** Hunt 192 refused 60 or more blanks within a line, and
  hunt 194 code past the 120th column, each counting a tab as one character; GitHub shows a tab up to the next
  multiple of 8 columns (its default tab size). `problems = rules(record)`, 59 tabs, `; return []` in a
  checker's function (Python returns nothing: tested) was 59 blanks and its `return` at column 84, and passed
  (exit 0), while the review showed it at column 497; so did runs of 7 tabs between short words in Python
  and JSON, 40 tabs before `; set +e` in `.ci/trusted-check` and 30 before `|| true` in the Makefile. Now a
  tab counts as the columns it is shown at (code_text.shown_column) in both rules; a tab that leads a line
  (a makefile's recipe) or one between two words passes. So does a wide letter (CJK, full-width), which a
  monospaced view shows in two columns: `note = "`, 55 of them, `"; return []` put the `;` at column 124,
  and passed, counted at 69. And a tab counts at the width the tree's `.editorconfig` gives it where that
  is wider (GitHub lays tabs out by its `tab_width` or `indent_size`): at `tab_width = 16`, 7 tabs before `;
  set +e` were 56 columns counted at 8, shown at 112, and passed.
- **A blank that is no space.** Hunt 192 refused Unicode's space separators but the ASCII space, and the
  invisible characters refused default-ignorable ones; U+2800, the braille pattern blank, is neither (a
  symbol whose glyph is a cell of no dots) and shows as a space. `set<U+2800>-euo pipefail` in
  `.ci/trusted-check` passed (exit 0), and bash runs a command not found and the script on past each
  failure (tested). Now it is refused as the other spaces are (code_text.no_other_spaces); a braille letter
  with dots, and the blank written as its escape, pass.
- **A makefile's variable given again by other means.** Hunt 194 refused a variable given its value twice
  (`=`, `:=`, `!=`, `define`, and hunt 206 a target's own value); `$(eval MODE := lax)` far below `MODE :=
  strict` gives it again as make reads the text (tested), as does `$(eval $(call SET,lax))` built from parts
  and one in a recipe; `undefine MODE` takes it away (tested: empty), and `M$(EMPTY)ODE := lax` is MODE to
  make (tested). Each passed (exit 0). Now `$(eval ...)` in a makefile (make's exec, as hunt 207 refused
  Python's), `undefine` of a variable given a value, and a variable's name built from parts stop the
  extraction (defined_twice.no_make_definition_twice); `undefine` of one given nothing, and an `eval` in a
  comment, pass.
- **A shell script's text run by eval.** Hunt 194 refused a shell function defined twice, read by the
  script's lines; `RULES="check() { :; }"` far above and `eval "$RULES"` before the call define it again as
  bash reads the text (tested: the check ran nothing), and passed (exit 0), as did `eval` of a base64 text.
  Now `eval` as a command in a shell script stops the extraction (no_shell_function_twice), as hunt 207
  refused Python's exec; the word in a comment, a string or a name passes. A makefile's recipe step is a
  shell's line: `eval "$$RULES"` there passed too, and is refused alike.
- **A shell function named as a builtin or a path.** bash (but in POSIX mode) runs a function before the
  builtin or the command of its name: `set() { :; }` above `set -euo pipefail` left `-e` off (tested: the
  script ran on past `false`), `exit() { :; }` ends nothing, and `.venv/bin/python() { :; }` in
  `.ci/trusted-check` runs no extraction at its call (tested). Each passed (exit 0), as hunt 206 found of a
  Python module binding a builtin's name. Now a shell script's function named as one of bash's builtins, or
  holding a `/`, stops the extraction (no_shell_function_twice); `check()` and `log()` pass. So does an
  alias of a builtin's or a keyword's name (`shopt -s expand_aliases`, then `alias set=:`: tested), which
  passed too; `alias ll="ls -l"` passes. A workflow's or an action's steps are bash's scripts too: `run: eval
  "$RULES"`, `set() { :; }` or `alias exit=:` in one passed as well, and are refused alike (a function
  defined in two steps, each its own shell, passes).
- **A makefile included under another name.** Hunt 192 refused a makefile's line led by spaces (make reads
  `        CHECKED=yes echo b` below a recipe as a variable set, never a step), reading the files named as
  makefiles; hunt 194 left one included under another name: `include mk/rules` whose line was led by spaces
  passed (exit 0; tested: make never ran it), as did `include docs/rules.md` and `include
  tests/fixtures/rules.txt`. Now every file a makefile includes by a literal path, and those it includes, is
  read as a makefile for it (defined_twice.included_by_make).

Left (not refused): a comma left out between two strings of a collection, on lines of their own (`"E502"` then
`"E503",` in a tuple of the codes a check requires), which Python reads as one item `"E502E503"` and a reviewer as
two (a strict xfail below): the repository itself writes a long string as parts on lines of their own in 113
collections (9 under scripts/), so a rule would first need them parenthesised, as ruff's ISC004 asks; ruff runs
in the pull request's own CI, under settings it writes. The data is checked
as the pull request's head holds it, not as its merge with the base branch does (its code and attributes are):
records changed on both sides and merged line by line are read by main's own CI after the merge (and by none
before it where branches need not be up to date before merging).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    MAKEFILE,
    committed_with_code,
    extraction,
    git_run,
    passed_by_the_extraction,
    pull_request_beside_a_makefile,
    pull_request_made,
    put,
    refused_by_the_trusted_check,
)

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="needs git")

# --- Documentation that runs (git/documentation_run.py)
INCLUDED = {"Makefile": "include docs/rules.md\n" + MAKEFILE}
NUL_RULES = b"check:\n\t@echo unreviewed\n\0\n"
SOURCING = "#!/usr/bin/env bash\nset -euo pipefail\nsource {path}\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({**INCLUDED, "docs/rules.md": NUL_RULES}, "docs/rules.md line 3: a NUL byte"),
        (
            {**INCLUDED, "docs/rules.md": "check:\n\techo ok\n", ".gitattributes": "docs/*.md -diff\n"},
            "docs/rules.md: the pull request's attributes have git or GitHub show none of its changed lines",
        ),
        ({**INCLUDED, "docs/rules.md": "MODE = strict\u200b\n"}, "docs/rules.md line 1: an invisible character"),
        (
            {"Makefile": MAKEFILE + "include LICENSE.txt\n", "LICENSE.txt": "test:\n\t@echo skipped\n"},
            "LICENSE.txt line 1: the recipe of test given again",
        ),
        (
            {".ci/run": SOURCING.format(path="docs/env.md"), "docs/env.md": b"MODE=strict\0\n"},
            "docs/env.md line 1: a NUL byte",
        ),
        (
            {".ci/run": SOURCING.format(path="../docs/env.md"), "docs/env.md": "MODE=strict\r\n"},
            "docs/env.md line 1",  # from the script's folder; CR LF, which bash reads as the value's
        ),
        (
            {**INCLUDED, "docs/rules.md": "include docs/more.md\n", "docs/more.md": "MODE = lax\u00a0\n"},
            "docs/more.md line 1: U+00A0, a space",  # a document a document that runs names
        ),
        (
            {
                "Makefile": "include tests/fixtures/rules.mk\n" + MAKEFILE,
                "tests/fixtures/rules.mk": "include docs/more.md\n",
                "docs/more.md": b"check:\n\t@echo unreviewed\n\0\n",
            },
            "docs/more.md line 3: a NUL byte",  # a document a test's input that runs names
        ),
        (
            {"Makefile": "include docs/rules.md\n" + MAKEFILE, "docs/rules.md": "include tests/fixtures/env.txt\n"}
            | {"tests/fixtures/env.txt": "MODE = lax\u200b\n"},
            "tests/fixtures/env.txt line 1: an invisible character",  # a test's input a document that runs names
        ),
        (
            {"docs/run.md": "#!/bin/sh\nmake check\u200b\n"},
            "docs/run.md line 2: an invisible character",  # led by `#!`: what runs it is its first line
        ),
        (
            {**INCLUDED, "docs/rules.md": "check:\n\techo ok\n", ".gitattributes": "*.md merge=union\n"},
            "docs/rules.md: the pull request's attributes have git merge it by another driver",
        ),
    ],
)
def test_documentation_a_file_of_the_code_runs_is_read_as_code(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": "# see docs/rules.md\n" + MAKEFILE, "docs/rules.md": b"a NUL\0 in prose\n"},  # a comment
        {"tests/test_docs.py": 'DOC = "docs/rules.md"\n', "docs/rules.md": "a zero-width\u200bspace\n"},  # a test
        {"pyproject.toml": '[project]\nname = "x"\nreadme = "README.md"\n', "README.md": "A line.  \nNext.\n"},
        {"schema/extra.json": '{"description": "see docs/checks.md"}\n', "docs/checks.md": b"a NUL\0\n"},
        {"docs/rules.md": "check:\n\techo ok\n", ".gitattributes": "*.md merge=union\n"},  # named by nothing
        {"docs/guide.md": "# A guide\n\nRun `make check`.\n", "Makefile": MAKEFILE + "# docs/guide.md says why\n"},
    ],
)
def test_documentation_nothing_runs_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_runs_an_included_document_whose_diff_git_shows_as_binary(tmp_path: Path) -> None:
    """The mechanism: git shows no line of `docs/rules.md`, and make runs its rule."""
    root = pull_request_beside_a_makefile(tmp_path, {**INCLUDED, "docs/rules.md": NUL_RULES})
    shown = git_run(root, "diff", "main", "pr", "--", "docs/rules.md")
    assert "Binary files /dev/null and b/docs/rules.md differ" in shown and "unreviewed" not in shown, shown
    git_run(root, "checkout", "-q", "pr")
    ran = subprocess.run(["make", "-s", "check"], cwd=root, capture_output=True, text=True, timeout=60)
    assert ran.stdout == "unreviewed\n", ran


def diff_of_a_pull_request(tmp_path: Path, base: dict[str, str], changes: dict[str, str]) -> list[str]:
    """`trials diff main pr` (the base branch's code, as review.yml runs it) of a pull request of changes on a
    main that holds base beside the registry: the summary's lines."""
    root = committed_with_code(tmp_path, "Makefile", MAKEFILE)
    for path, text in base.items():
        put(root, path, text)
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "--allow-empty", "-m", "base")
    git_run(root, "checkout", "-q", "-b", "pr")
    for path, text in changes.items():
        put(root, path, text)
    pull_request_made(root)
    ran = subprocess.run(
        [sys.executable, "-m", "sle_trials", "diff", "main", "pr", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode in (0, 1), ran.stderr
    return ran.stdout.splitlines()


CHECKER = "the code and settings that check every record"


@pytest.mark.parametrize(
    ("base", "changes", "said"),
    [
        (  # the include on main, the document changed alone
            {"Makefile": "include docs/rules.md\n" + MAKEFILE, "docs/rules.md": "MODE = strict\n"},
            {"docs/rules.md": "MODE = lax\n"},
            f"checker: changed docs/rules.md: {CHECKER}",
        ),
        (  # the include added with the document
            {},
            {"Makefile": "include docs/rules.md\n" + MAKEFILE, "docs/rules.md": "MODE = lax\n"},
            f"checker: changed Makefile, docs/rules.md: {CHECKER}",
        ),
        (  # a note beside it is documentation
            {"Makefile": "include docs/rules.md\n" + MAKEFILE, "docs/rules.md": "MODE = strict\n"},
            {"docs/notes.md": "A note.\n"},
            "files: changed docs/notes.md: documentation",
        ),
    ],
)
def test_trials_diff_names_documentation_that_runs_as_the_checkers(
    tmp_path: Path, base: dict[str, str], changes: dict[str, str], said: str
) -> None:
    lines = diff_of_a_pull_request(tmp_path, base, changes)
    assert said in lines, lines


# --- Blanks counted by characters, shown by columns (code_text.shown_column)
STRICT = "scripts/sle_trials/checks/strict.py"
TAB = "\t"
RUNS = (TAB * 7 + ";") * 3 + TAB * 7  # runs of 7 tabs, 56 columns each, between short words
SCHEMA = "schema/extra.json"
TRUSTED = ".ci/trusted-check"
WIDE = "\u6f22"  # a CJK letter, two columns wide
# (its hidden `return` last of an `if`'s block: a statement after it there is refused as never run, hunt 215)
RETURNS_EARLY = (
    "def check(record):\n    if record is not None:\n        problems = rules(record)" + TAB * 59 + "; return []\n"
    "    return problems\n"
)


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({STRICT: RETURNS_EARLY}, f"{STRICT} line 3: ';' at column 505, past the 120 columns"),
        (
            {STRICT: "def check(record):\n    problems = rules(record)" + RUNS + "return []\n"},
            f"{STRICT} line 2: ';' at column 137",  # each run under 60 columns, the code past 120
        ),
        (
            {STRICT: 'def check(record):\n    problems = rules(record)\n    note = "' + WIDE * 55 + '"; return []\n'},
            f"{STRICT} line 3: ';' at column 124",  # 55 wide letters, 110 columns
        ),
        ({SCHEMA: '{"description": "' + WIDE * 55 + '", "minimum": -1000}\n'}, f"{SCHEMA} line 1: '\"minimum\"'"),
        (
            {".ci/trusted-check": "#!/usr/bin/env bash\nset -euo pipefail" + TAB * 40 + "; set +e\n"},
            ".ci/trusted-check line 2: 319 columns of blanks (a tab to a multiple of 8) within the line",
        ),
        (
            {"Makefile": "test:\n\t.venv/bin/python -m pytest" + TAB * 30 + "|| true\n"},
            "Makefile line 2: 238 columns of blanks",
        ),
        ({SCHEMA: '{"a": "b",' + TAB * 30 + '"minimum": -1000}\n'}, f"{SCHEMA} line 1: '\"minimum\"' at column 249"),
        (
            {SCHEMA: '{"a": "b",' + TAB * 7 + '"c": 1,' + TAB * 7 + '"d": 2,' + TAB * 7 + '"minimum": -1}\n'},
            f"{SCHEMA} line 1: '\"d\"' at column 121",
        ),
    ],
)  # fmt: skip
def test_tabs_that_push_code_past_the_screen_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {"Makefile": "MODE :=\tstrict\ntest:\n\t.venv/bin/python -m pytest\n"},  # a tab between words, one leading
        {STRICT: 'SEPARATOR = "\\t"  # a tab, written as its escape\n'},
        {STRICT: 'NAMES = ("' + WIDE * 40 + '",)  # 80 columns\n'},
        {".ci/run": "#!/usr/bin/env bash\ncase $1 in\n  a)\techo a ;;\nesac\n"},
        {"tests/fixtures/table.tsv": "a" + TAB * 80 + "b\n"},  # a test's input, kept as is
    ],
)
def test_tabs_within_reach_pass(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


def test_python_runs_what_tabs_push_past_the_screen(tmp_path: Path) -> None:
    """The mechanism: the checker's function returns nothing, its `return []` 59 tabs along its line."""
    put(tmp_path, "strict.py", "def rules(record):\n    return ['E502']\n\n\n" + RETURNS_EARLY)
    spec = importlib.util.spec_from_file_location("strict_pushed", tmp_path / "strict.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.rules({}) == ["E502"] and module.check({}) == []


WIDE_RUNS = (TAB * 3 + ";") * 3  # 48 columns each at 16, 24 at 8
SEVEN_TABS = "#!/usr/bin/env bash\nset -euo pipefail" + TAB * 7 + "; set +e\n"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({".editorconfig": "root = true\n\n[*]\ntab_width = 16\n", ".ci/run": SEVEN_TABS}, "111 columns of blanks"),
        ({".editorconfig": "[*]\nindent_style = tab\nindent_size = 12\n", ".ci/run": SEVEN_TABS}, "79 columns"),
        (
            {".editorconfig": "[*]\ntab_width = 16\n", STRICT: "def check(r):\n    x = 1" + WIDE_RUNS + "return\n"},
            f"{STRICT} line 2: ';' at column 145",
        ),
    ],
    ids=["tab-width", "indent-size", "python"],
)  # fmt: skip
def test_tabs_as_wide_as_an_editorconfig_gives_them_stop_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    said = said if said.startswith(STRICT) else f".ci/run line 2: {said}"
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_seven_tabs_pass_at_the_default_width(tmp_path: Path) -> None:
    passed_by_the_extraction(tmp_path, {".editorconfig": "[*]\nindent_size = 4\n", ".ci/run": SEVEN_TABS})


# --- A blank that is no space (code_text.no_other_spaces)
BLANK = "\u2800"
WORKFLOW = ".github/workflows/ci.yml"
SHOWN_AS_A_SPACE = "a space that GitHub and an editor show as the ASCII space"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({TRUSTED: f"#!/usr/bin/env bash\nset{BLANK}-euo pipefail\n"}, f"{TRUSTED} line 2: U+2800, {SHOWN_AS_A_SPACE}"),
        ({"Makefile": f"MODE{BLANK}= lax\n" + MAKEFILE}, f"Makefile line 1: U+2800, {SHOWN_AS_A_SPACE}"),
        ({STRICT: f'WORDS = "strict{BLANK}mode".split()\n'}, f"{STRICT} line 1: U+2800, {SHOWN_AS_A_SPACE}"),
        ({WORKFLOW: f"on: push\njobs:\n  a:\n    steps:\n      - run: make{BLANK}test\n"}, f"{WORKFLOW} line 5"),
    ],
)  # fmt: skip
def test_a_blank_that_is_no_space_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


@pytest.mark.parametrize(
    "changes",
    [
        {STRICT: 'BRAILLE_A = "\u2801"  # a braille letter, its dot shown\n'},
        {STRICT: 'BLANK = "\\u2800"  # written as its escape\n'},
    ],
)
def test_braille_shown_as_itself_passes(tmp_path: Path, changes: dict[str, str | bytes]) -> None:
    passed_by_the_extraction(tmp_path, changes)


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_bash_runs_on_past_a_failure_after_set_with_a_braille_blank(tmp_path: Path) -> None:
    """The mechanism: `set<U+2800>-euo pipefail` is a command not found, and `false` stops nothing."""
    script = put(tmp_path, "run", f"set{BLANK}-euo pipefail\nfalse\necho ran on\n")
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout == "ran on\n" and "command not found" in ran.stderr, ran


# --- A makefile's variable given again by other means (defined_twice.no_make_definition_twice)
STRICT_MODE = "MODE := strict\n" + MAKEFILE + "\n# notes\n"
EVAL_SAID = "make's $(eval ...), which reads a text as lines of the makefile"


@pytest.mark.parametrize(
    ("makefile", "said"),
    [
        (STRICT_MODE + "$(eval MODE := lax)\n", f"Makefile line 6: {EVAL_SAID}"),
        (STRICT_MODE + "SET = MODE := $(1)\n$(eval $(call SET,lax))\n", f"Makefile line 7: {EVAL_SAID}"),
        (STRICT_MODE + "$(foreach v,MODE,${eval $(v) := lax})\n", f"Makefile line 6: {EVAL_SAID}"),
        ("MODE := strict\ntest:\n\t$(eval MODE := lax)\n\techo $(MODE)\n", f"Makefile line 3: {EVAL_SAID}"),
        (STRICT_MODE + "undefine MODE\n", "Makefile line 6: the variable MODE given again"),
        (STRICT_MODE + "override undefine MODE\n", "Makefile line 6: the variable MODE given again"),
        ("MODE := strict\n" + MAKEFILE + "M$(EMPTY)ODE := lax\n", "Makefile line 4: the variable M$(EMPTY)ODE: a name"),
    ],
    ids=["eval", "eval-call", "eval-foreach", "eval-in-a-recipe", "undefine", "override-undefine", "name-from-parts"],
)
def test_a_makefiles_variable_given_again_by_other_means_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, makefile: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": makefile}, said)


@pytest.mark.parametrize(
    "makefile",
    [
        MAKEFILE + "undefine NOTHING\n",  # given nothing before
        MAKEFILE + "# $(eval X := 1) is not used\n",  # a comment
        "MODE := strict\n" + MAKEFILE + "FLAGS = --mode=$(MODE)\n",  # a value read, not a name built
    ],
    ids=["undefine-nothing", "eval-in-a-comment", "value-read"],
)
def test_a_makefiles_variables_given_once_pass(tmp_path: Path, makefile: str) -> None:
    passed_by_the_extraction(tmp_path, {"Makefile": makefile})


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
@pytest.mark.parametrize(
    ("after", "shown"),
    [("$(eval MODE := lax)\n", "lax"), ("undefine MODE\n", ""), ("M$(EMPTY)ODE := lax\n", "lax")],
)
def test_make_gives_a_variable_again_by_other_means(tmp_path: Path, after: str, shown: str) -> None:
    """The mechanism: each line below `MODE := strict` has make run the recipe with another MODE."""
    put(tmp_path, "Makefile", "MODE := strict\nshow:\n\t@echo [$(MODE)]\n" + after)
    ran = subprocess.run(["make", "-s", "show"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert ran.stdout == f"[{shown}]\n", ran


# --- A shell script's text run by eval (defined_twice.no_shell_function_twice)
SCRIPT = "#!/usr/bin/env bash\nset -euo pipefail\n"
CHECK = 'check() { .venv/bin/trials check; }\nRULES="check() { :; }"\n'
EVAL_RUN = "eval, which runs a text as lines of the script"


@pytest.mark.parametrize(
    ("path", "script", "said"),
    [
        (".ci/run", SCRIPT + CHECK + 'eval "$RULES"\ncheck\n', f".ci/run line 5: {EVAL_RUN}"),
        (".ci/run", SCRIPT + 'true; eval "$X"\n', f".ci/run line 3: {EVAL_RUN}"),
        (".ci/run", SCRIPT + 'if true; then eval "$X"; fi\n', f".ci/run line 3: {EVAL_RUN}"),
        (".ci/run", SCRIPT + '[ -n "$X" ] && eval "$X"\n', f".ci/run line 3: {EVAL_RUN}"),
        ("tools/setup.sh", 'eval "$(echo c2V0ICtl | base64 -d)"\n', f"tools/setup.sh line 1: {EVAL_RUN}"),
    ],
    ids=["a-function-again", "after-a-command", "in-an-if", "after-and", "base64"],
)
def test_a_shell_scripts_text_run_by_eval_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, script: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {path: script}, said)


@pytest.mark.parametrize(
    "script",
    [
        SCRIPT + "# nothing here is eval'd\n",
        SCRIPT + 'echo "evaluation done"\n',
        SCRIPT + "evaluated=1\necho $evaluated\n",
    ],
    ids=["a-comment", "a-string", "a-name"],
)
def test_a_shell_script_with_the_word_passes(tmp_path: Path, script: str) -> None:
    passed_by_the_extraction(tmp_path, {".ci/run": script})


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_bash_defines_a_function_again_from_an_evald_text(tmp_path: Path) -> None:
    """The mechanism: the check called after `eval "$RULES"` is the one the string defines, which does nothing."""
    script = put(tmp_path, "run", CHECK.replace(".venv/bin/trials check", "echo checked") + 'eval "$RULES"\ncheck\n')
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout == "", ran


@pytest.mark.parametrize(
    "recipe",
    ['\teval "$$RULES"\n', '\t@eval "$$RULES"\n', '\ttrue; eval "$$RULES"\n'],
    ids=["a-step", "a-silent-step", "after-a-command"],
)
def test_eval_in_a_recipes_step_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, recipe: str
) -> None:
    said = "Makefile line 2: eval in a recipe"
    refused_by_the_trusted_check(request, tmp_path, {"Makefile": "check:\n" + recipe}, said)


def test_a_recipe_with_the_word_passes(tmp_path: Path) -> None:
    passed_by_the_extraction(tmp_path, {"Makefile": "check:\n\techo evaluate\n\tevaluated=1; echo $$evaluated\n"})


# --- A shell function named as a builtin or a path (defined_twice.no_shell_function_twice)
@pytest.mark.parametrize(
    ("script", "said"),
    [
        ("set() { :; }\nset -euo pipefail\n", "line 2: the function set, which bash runs in place of the builtin"),
        ("function set { :; }\nset -euo pipefail\n", "line 2: the function set"),
        ("exit() { :; }\nexit 1\n", "line 2: the function exit"),
        (".venv/bin/python() { :; }\n.venv/bin/python -P -m x\n", "line 2: the function .venv/bin/python, which"),
        ("function .venv/bin/trials { echo ok; }\n", "line 2: the function .venv/bin/trials"),
    ],
    ids=["set", "function-set", "exit", "a-path", "function-a-path"],
)
def test_a_shell_function_named_as_a_builtin_or_a_path_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, script: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {".ci/run": "#!/usr/bin/env bash\n" + script}, f".ci/run {said}")


def test_a_shell_function_of_its_own_name_passes(tmp_path: Path) -> None:
    # (with `set -e`: since hunt 220 a check in a function's body on one line is read as run, under the rule of any)
    script = (
        '#!/usr/bin/env bash\nset -euo pipefail\nlog() { echo "$@" >&2; }\ncheck() { .venv/bin/trials check; }\n'
        "log a; check\n"
    )
    passed_by_the_extraction(tmp_path, {".ci/run": script})


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
@pytest.mark.parametrize(
    ("script", "shown"),
    [
        ("set() { :; }\nset -euo pipefail\nfalse\necho ran on\n", "ran on\n"),
        ("./extract() { echo passed; }\n./extract HEAD\n", "passed\n"),
    ],
    ids=["set", "a-path"],
)
def test_bash_runs_a_function_in_place_of_a_builtin_or_a_path(tmp_path: Path, script: str, shown: str) -> None:
    """The mechanism: the function runs where a reviewer reads the builtin, or the command of that path."""
    ran = subprocess.run(["bash", str(put(tmp_path, "run", script))], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout == shown, ran


ALIASES = "#!/usr/bin/env bash\nshopt -s expand_aliases\n"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("alias set=:\nset -euo pipefail\n", "the alias set, which bash runs in place of the builtin or keyword"),
        ('alias ll="ls -l" exit=true\n', "the alias exit"),
        ("alias 'set=:'\n", "the alias set"),
        ("alias if='true ||'\n", "the alias if"),
        ("true; alias exit=:\n", "the alias exit"),
    ],
    ids=["set", "the-second-of-two", "quoted", "a-keyword", "after-a-command"],
)
def test_a_shell_alias_of_a_builtin_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, line: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {".ci/run": ALIASES + line}, f".ci/run line 3: {said}")


@pytest.mark.parametrize("line", ['alias ll="ls -l"\n', "# alias set=:\n", 'echo "an alias set=: here"\n'])
def test_a_script_turning_aliases_on_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, line: str
) -> None:
    """Hunt 208 let an alias of its own name pass; since hunt 220 (git/built_commands) a script that turns aliases on
    is refused whatever it aliases: `alias m=make` then `m test || true` dropped a check's status under a name no rule
    read as a check's."""
    refused_by_the_trusted_check(request, tmp_path, {".ci/run": ALIASES + line}, ".ci/run line 2: an alias, by which")


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_bash_runs_an_alias_in_place_of_a_builtin(tmp_path: Path) -> None:
    """The mechanism: `set -euo pipefail` after `alias set=:` sets nothing, and `false` stops nothing."""
    script = put(tmp_path, "run", ALIASES + "alias set=:\nset -euo pipefail\nfalse\necho ran on\n")
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout == "ran on\n", ran


STEPS = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
BLOCK = "      - run: |\n          set -eu\n"
ACTION = "actions/a/action.yml"


@pytest.mark.parametrize(
    ("path", "text", "said"),
    [
        (WORKFLOW, STEPS + '      - run: eval "$RULES"\n', f"{WORKFLOW} line 6: {EVAL_RUN}"),
        (WORKFLOW, STEPS + BLOCK + '          eval "$X"\n', f"{WORKFLOW} line 8: {EVAL_RUN}"),
        (WORKFLOW, STEPS + "      - run: |\n          set() { :; }\n", f"{WORKFLOW} line 7: the function set"),
        (WORKFLOW, STEPS + "      - run: set() { :; }; set -e\n", f"{WORKFLOW} line 6: the function set"),
        (WORKFLOW, STEPS + "      - run: alias exit=:\n", f"{WORKFLOW} line 6: the alias exit"),
        (ACTION, 'runs:\n  using: composite\n  steps:\n    - run: eval "$X"\n', f"{ACTION} line 4: {EVAL_RUN}"),
    ],
    ids=["eval", "eval-in-a-block", "a-builtins-function", "one-line", "alias", "an-action"],
)  # fmt: skip
def test_a_steps_text_run_or_builtin_replaced_stops_the_extraction(
    request: pytest.FixtureRequest, tmp_path: Path, path: str, text: str, said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, {path: text}, said)


def test_a_function_defined_in_two_steps_passes(tmp_path: Path) -> None:
    steps = "      - run: |\n          check() { make test; }\n          check\n"
    named = "      - name: evaluate\n        run: make\n"
    passed_by_the_extraction(tmp_path, {WORKFLOW: STEPS + steps + steps + named})


# --- A makefile included under another name (defined_twice.included_by_make)
SPACED = "check:\n\t@echo a\n        CHECKED=yes echo b\n"
LED_BY_SPACES = "line 3: a makefile's line that starts with spaces"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"Makefile": "include mk/rules\n" + MAKEFILE, "mk/rules": SPACED}, f"mk/rules {LED_BY_SPACES}"),
        ({"Makefile": "include docs/rules.md\n" + MAKEFILE, "docs/rules.md": SPACED}, f"docs/rules.md {LED_BY_SPACES}"),
        (
            {"Makefile": "include tests/fixtures/rules.txt\n" + MAKEFILE, "tests/fixtures/rules.txt": SPACED},
            f"tests/fixtures/rules.txt {LED_BY_SPACES}",
        ),
        (
            {"Makefile": "include mk/a.mk\n" + MAKEFILE, "mk/a.mk": "include mk/b\n", "mk/b": SPACED},
            f"mk/b {LED_BY_SPACES}",
        ),
    ],
    ids=["no-suffix", "a-document", "a-tests-input", "included-by-an-include"],
)  # fmt: skip
def test_a_makefile_included_under_another_name_is_read_as_one(
    request: pytest.FixtureRequest, tmp_path: Path, changes: dict[str, str | bytes], said: str
) -> None:
    refused_by_the_trusted_check(request, tmp_path, changes, said)


def test_a_makefile_included_under_another_name_passes_with_its_steps_led_by_tabs(tmp_path: Path) -> None:
    passed_by_the_extraction(tmp_path, {"Makefile": "include mk/rules\n" + MAKEFILE, "mk/rules": "check:\n\t@echo a\n"})


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_reads_a_line_led_by_spaces_in_an_included_file_as_no_step(tmp_path: Path) -> None:
    """The mechanism: the line led by spaces is a variable set, and `echo b` never runs."""
    put(tmp_path, "Makefile", "include mk/rules\n")
    put(tmp_path, "mk/rules", SPACED)
    ran = subprocess.run(["make", "-s", "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout == "a\n", ran


# --- Left: a comma left out between two strings of a collection
REQUIRED = 'REQUIRED = (\n    "E501",\n    "E502"\n    "E503",\n)\n'


@pytest.mark.xfail(
    strict=True,
    reason="two strings of a collection with no comma between them, on lines of their own, read as one item: the "
    "repository writes long strings as parts on lines of their own in 113 collections, which a rule would refuse",
)
def test_a_comma_left_out_between_two_strings_stops_the_extraction(tmp_path: Path) -> None:
    root = pull_request_beside_a_makefile(tmp_path, {STRICT: REQUIRED})
    assert extraction(root, "pr", tmp_path / "review").returncode == 2


def test_python_reads_two_strings_with_no_comma_as_one_item() -> None:
    """The mechanism: the tuple a reviewer reads as three codes holds two, E502 and E503 neither of them."""
    scope: dict[str, object] = {}
    exec(compile(REQUIRED, "strict.py", "exec"), scope)  # the attack's text, run as the module would be
    assert scope["REQUIRED"] == ("E501", "E502E503")
