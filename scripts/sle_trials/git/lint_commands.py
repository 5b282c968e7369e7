"""ruff's and mypy's command lines in CI's scripts, the Makefile and the workflows (git/extract.py reads each file a
shell runs through them; hunt 221).

git/lint_settings.py holds pyproject.toml's settings of ruff and mypy to reading every module alike; their command
lines said as much. `.venv/bin/ruff check --exit-zero .` in .ci/run (ruff's status 0 over every finding), `ruff
check --fix .` (it fixes what it can in CI's checkout and passes), `ruff format .` (it formats in place, where
`--check` fails), `ruff check --ignore ALL .`, `--config 'lint.ignore=["ALL"]'`, `--isolated` (no settings),
`ruff check scripts/sle_trials/cli.py` (one file), `mypy --follow-imports=skip`, `mypy --ignore-errors`, `mypy
--config-file /dev/null scripts` and `mypy scripts/sle_trials/cli.py` each passed the extraction (exit 0), and CI
with it over code that fails the check its line names. So a command running ruff's `check` or `format`, or mypy,
in a file a shell runs is given only the options by which it reads as pyproject.toml configures it and says what
it found (an output's format, the cache, `--check` for `format`, mypy's `--strict`, ...), and no path but the top
(ruff's `.`; mypy's `files` setting, none on its line). pre-commit's configuration, whose hooks run on the files
they are given and fail where they change one, is no CI's."""

from __future__ import annotations

from sle_trials import files
from sle_trials.git.built_commands import Names, command_words, plain_lines, shown_word
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import recipes_expanded, shell_scripts

# the options that change nothing of what the check reads or of its status (with their argument's, where taken)
_RUFF_KEPT = frozenset(
    ("--force-exclude", "--no-cache", "-n", "-q", "--quiet", "--show-fixes", "--no-fix", "--preview", "--no-preview",
     "--exit-non-zero-on-fix", "--statistics", "-v", "--verbose", "--no-unsafe-fixes", "--respect-gitignore")
)  # fmt: skip
_RUFF_FORMAT_KEPT = frozenset(
    ("--check", "--diff", "--force-exclude", "--no-cache", "-n", "-q", "--quiet", "--preview")
)
_RUFF_VALUED = frozenset(("--output-format", "--cache-dir"))
_MYPY_KEPT = frozenset(
    ("--pretty", "--show-error-codes", "--show-column-numbers", "--show-error-context", "--show-error-code-links",
     "--no-incremental", "--strict", "--sqlite-cache", "--color-output", "--no-color-output", "--error-summary",
     "--no-error-summary", "-v", "--verbose", "--warn-unused-ignores", "--show-traceback", "--tb",
     "--show-absolute-path")
)  # fmt: skip
_MYPY_VALUED = frozenset(("--cache-dir", "--junit-xml"))
_TOP = (".", "./")
_NOT_CI = (".pre-commit-config.yaml", ".pre-commit-hooks.yaml")


def _tool(command: list[str], names: Names, word: str) -> tuple[str, list[str]] | None:
    """Which of ruff and mypy a command runs (by its name or `python -m`), with its words after the tool's name."""
    program = names.resolved(word).replace("\x04", "").rsplit("/", 1)[-1]
    if program in ("ruff", "mypy"):
        return program, command
    if program.startswith("python") and command[:1] == ["-m"] and command[1:2] in (["ruff"], ["mypy"]):
        return command[1], command[2:]
    return None


def _narrowing(tool: str, words: list[str]) -> str | None:
    """The first word of a ruff or mypy command by which it reads less, changes the code, or passes a finding."""
    if tool == "ruff":
        if not words or words[0] not in ("check", "format"):
            return None  # (another of its commands, `ruff --version`: no check)
        kept, valued = (_RUFF_KEPT, _RUFF_VALUED) if words[0] == "check" else (_RUFF_FORMAT_KEPT, _RUFF_VALUED)
        words = words[1:]
        if kept is _RUFF_FORMAT_KEPT and not ({"--check", "--diff"} & set(words)):
            return "`format` without `--check`"
    else:
        kept, valued = _MYPY_KEPT, _MYPY_VALUED
    n = 0
    while n < len(words):
        word = words[n]
        option = word.partition("=")[0]
        if option in valued:
            n += 1 if "=" in word else 2
            continue
        if word in kept or (tool == "ruff" and word in _TOP):
            n += 1
            continue
        return f"`{word}`"
    return None


def no_lint_narrowed_by_its_command(path: str, data: bytes | None, recipes: bool) -> None:
    """Refused: a file a shell runs (a script, a makefile's recipes, a workflow) running ruff's `check` or `format`,
    or mypy, with an option or a path by which it reads less than pyproject.toml configures, changes the code it
    checks, or exits 0 over a finding (the module's docstring says why)."""
    if data is None or path.rpartition("/")[2] in _NOT_CI or (b"ruff" not in data and b"mypy" not in data):
        return
    text = data.decode("utf-8", "replace")
    text = recipes_expanded(text) if recipes else text
    workflow = path.endswith((".yml", ".yaml"))
    names = Names(text, recipes, workflow)
    for number, line in shell_scripts(plain_lines(text), recipes, workflow):
        for command in command_words(line):
            found = _tool([shown_word(word) for word in command.words], names, command.word)
            if found is None:
                continue
            said = _narrowing(*found)
            if said is not None:
                raise Refused(
                    f"{files.shown(path)} line {number}: {found[0]} run with {files.printable(said)}, by which it "
                    "reads less of the code than pyproject.toml configures, changes it, or passes a finding (a "
                    "reviewer reads the check as run); run it as .ci/run does (`ruff check .`, `ruff format --check "
                    ".`, `mypy`)"
                )
