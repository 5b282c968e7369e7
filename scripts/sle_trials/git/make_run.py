"""How a file of the code runs make: the makefile it reads, and the options and variables it gives (hunt 221).

A reviewer reads `make test` as the top Makefile's `test`. `cd tools` then `make test` in .ci/run, beside a committed
`tools/Makefile` whose `test:` ran `true`, ran another makefile's target; so did `make -C tools test`, `make -f
tools/Makefile test`, `pushd tools`, `(cd tools && make test)`, `--directory=tools`, `env -C tools make test`, a
recipe's `cd tools && $(MAKE) test` and a workflow step's `working-directory: tools`: each passed the extraction
(exit 0, left by hunt 220). And make given options by which it runs no recipe (`make -n test`, `-t`, `--dry-run`, `make
test -n` after its target), reads makefile text no file holds (`--eval`), lets the environment override the makefile
(`-e`), or a variable on its command line the makefile gives (`make test BIN=tools` beside a committed `tools/python`
of `exit 0`; `SHELL=/bin/true`) each had CI's `make test` pass over a failing suite, and passed. So a make a shell
runs (a script, a makefile's recipe, a workflow step) in another folder, or on another makefile, may not be given a
target the top makefile has, nor its default one (another folder's own, `$(MAKE) -C docs html`, passes); and no make
is given those options, nor a variable on its command line but one the top makefile gives only a default (`?=`:
`make PYTHON=python3.12 test`). A folder is the top where the file starts (a workflow step but under a
`working-directory`, a recipe line, a script), and where a script goes back to it (`cd "$(dirname "$0")/.."`)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from sle_trials import files
from sle_trials.git.built_commands import Command, Names, built_check, command_words, plain_lines, shown_word
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import workflow_script
from sle_trials.patterns import lazy

# make's options that take an argument (short: the rest of the word or the next one; long: `=` or the next word)
_SHORT_ARGUMENT = frozenset("CfIoWE")
_SHORT_OPTIONAL = frozenset("jlO")  # (an optional argument: the rest of the word alone)
_LONG_ARGUMENT = frozenset(
    ("directory", "file", "makefile", "include-dir", "old-file", "assume-old", "new-file", "what-if", "assume-new",
     "eval")
)  # fmt: skip
_ELSEWHERE = {"C": "directory", "f": "file", "I": "include-dir"}
_ELSEWHERE_LONG = frozenset(("directory", "file", "makefile", "include-dir"))
# the options by which make runs no recipe, passes a failing one, or reads what no makefile holds
_NO_RUN = {
    "n": "runs no recipe",
    "t": "runs no recipe",
    "q": "runs no recipe",
    "i": "passes a failing recipe",
    "e": "lets the environment override the makefile",
    "E": "reads makefile text no file holds",
    "v": "runs no recipe",
    "h": "runs no recipe",
}
_NO_RUN_LONG = {
    "just-print": "runs no recipe",
    "dry-run": "runs no recipe",
    "recon": "runs no recipe",
    "touch": "runs no recipe",
    "question": "runs no recipe",
    "ignore-errors": "passes a failing recipe",
    "environment-overrides": "lets the environment override the makefile",
    "eval": "reads makefile text no file holds",
    "version": "runs no recipe",
    "help": "runs no recipe",
}
_ASSIGNMENT = lazy(r"([A-Za-z_.][A-Za-z0-9_.-]*)[ \t]*(?:[:+?!]?=|::=)")
_MAKE_PROGRAMS = frozenset(("make", "gmake"))
_TOP_MAKEFILES = ("GNUmakefile", "makefile", "Makefile")
_RULE = lazy(r"(?m)^(?!\t)([^\s#:=][^:=#\n]*?)[ \t]*::?(?![=:])")
_DEFAULT = lazy(r"(?m)^[ \t]*(?:export[ \t]+|override[ \t]+)*([A-Za-z_.][A-Za-z0-9_.-]*)[ \t]*\?=")
_GIVEN = lazy(r"(?m)^[ \t]*(?:export[ \t]+|override[ \t]+)*([A-Za-z_.][A-Za-z0-9_.-]*)[ \t]*(?:[:+!]?=|::=)")
# a folder a script goes to that is the top: its own folder and as many `..` as it is deep, the workspace
_TOP_FORMS = ("$GITHUB_WORKSPACE", "${GITHUB_WORKSPACE}", "${{ github.workspace }}", "$(git rev-parse --show-toplevel)")
_GOES = frozenset(("cd", "pushd", "popd"))
_CHDIR = lazy(r"-C|--chdir(?:=.*)?|-[A-Za-z]*C.*")
_WORKING_DIRECTORY = lazy(r"^([ \t]*)(?:-[ \t]+)?working-directory[ \t]*:[ \t]*(.*?)[ \t]*$")
_ITEM = lazy(r"^([ \t]*)-(?:[ \t]|$)")


class TopMakefile:
    """What the top makefile (with the files it includes: texts) gives: its targets, and the variables it gives a
    default alone (`?=`), which a command line may set."""

    def __init__(
        self, texts: list[str], tree: list[str] | None = None, code: dict[str, bytes | None] | None = None
    ) -> None:
        self.code = code or {}  # (the code's files, a script sources: `source .ci/env`, whose `cd` moves it)
        # the tree's paths and their folders, of which a variable given on make's command line names none
        self.paths = {"/".join(path.split("/")[: n + 1]) for path in tree or [] for n in range(path.count("/") + 1)}
        self.targets: set[str] = set()
        given: set[str] = set()
        defaults: set[str] = set()
        for text in texts:
            for found in _RULE.finditer(text):
                self.targets.update(found.group(1).split())
            defaults.update(_DEFAULT.findall(text))
            given.update(_GIVEN.findall(text))
        self.defaults = defaults - given

    @classmethod
    def of(cls, texts: dict[str, bytes | None], included: set[str], tree: list[str]) -> TopMakefile:
        """The top makefile make reads (GNUmakefile, makefile, Makefile: the first there is) of the code's files
        (path -> bytes), with those a makefile includes; tree: the commit's paths."""
        top = next((name for name in _TOP_MAKEFILES if texts.get(name) is not None), None)
        paths = ([top] if top else []) + sorted(included)
        return cls([(texts.get(path) or b"").decode("utf-8", "replace") for path in paths], tree, dict(texts))


def _top_folder(path: str, word: str) -> bool | None:
    """Whether a folder a script goes to (a word, unquoted) is the top: True (its own folder and a `..` for each
    folder it is deep, the workspace), None (`.`: where it is), else False."""
    word = word.replace('"', "").replace("'", "")
    if word in (".", "./"):
        return None
    deep = path.count("/")
    own = ("$(dirname $0)", "$(dirname -- $0)", "${0%/*}")
    return word in _TOP_FORMS or word in {form + "/.." * deep for form in own}


class _Where:
    """Where a shell is, the top or elsewhere, along a file's lines: each `(` a subshell of its own."""

    def __init__(self, top: bool) -> None:
        self.stack = [top]
        self.previous = top
        self.pushed: list[bool] = []

    @property
    def top(self) -> bool:
        return self.stack[-1]

    def go(self, path: str, command: Command, names: Names) -> None:
        """A `cd`, `pushd` or `popd` run here."""
        program = shown_word(command.word)
        words = [shown_word(word) for word in command.words if not word.startswith("-") or word == "-"]
        if program == "popd":
            self.stack[-1] = self.pushed.pop() if self.pushed else False
            return
        if words[:1] == ["-"]:
            self.stack[-1], self.previous = self.previous, self.stack[-1]
            return
        top = _top_folder(path, words[0]) if words else False
        if program == "pushd":
            self.pushed.append(self.stack[-1])
        self.previous = self.stack[-1]
        if top is not None:
            self.stack[-1] = top

    def opened(self) -> None:
        self.stack.append(self.stack[-1])

    def closed(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()


def _make_words(command: Command, names: Names) -> tuple[bool, list[str]] | None:
    """Of a command: (whether make surely runs it, its words unquoted) where it is make or may be (a name built as
    the script runs), else None."""
    program = names.resolved(command.word).replace("\x04", "").rsplit("/", 1)[-1]
    words = [shown_word(word) for word in command.words]
    if program in _MAKE_PROGRAMS:
        return True, words
    if built_check(command.word, names) is not None:
        return False, words
    return None


def _read(words: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """make's words: its options (each by its letter or long name, with its argument), its assignments (each name
    with its value), and its targets."""
    options: list[tuple[str, str]] = []
    assignments: list[tuple[str, str]] = []
    targets: list[str] = []
    n = 0
    while n < len(words):
        word = words[n]
        if word == "--":
            targets.extend(words[n + 1 :])
            break
        if word.startswith("--"):
            name, equals, value = word[2:].partition("=")
            if name in _LONG_ARGUMENT and not equals and n + 1 < len(words):
                value = words[n + 1]
                n += 1
            options.append((name, value))
        elif word.startswith("-") and len(word) > 1:
            for at, letter in enumerate(word[1:], 2):
                if letter in _SHORT_ARGUMENT:
                    value = word[at:]
                    if not value and n + 1 < len(words):
                        value = words[n + 1]
                        n += 1
                    options.append((letter, value))
                    break
                options.append((letter, ""))
                if letter in _SHORT_OPTIONAL:
                    break
        elif (assigned := _ASSIGNMENT.match(word)) is not None:
            assignments.append((assigned.group(1), word[assigned.end() :]))
        else:
            targets.append(word)
        n += 1
    return options, assignments, targets


def _refuse(path: str, number: int, said: str) -> Refused:
    return Refused(f"{files.shown(path)} line {number}: {said}")


def _make_checked(
    path: str, number: int, command: Command, names: Names, top: TopMakefile, here: bool, chdir: bool
) -> None:
    """Refused: a make (command) on a line with its options, assignments and targets read (module docstring)."""
    made = _make_words(command, names)
    if made is None:
        return
    surely, words = made
    options, assignments, targets = _read(words)
    if not surely and not any(target in top.targets for target in targets):
        return  # (a name built as it runs: make where it names a target of the top makefile)
    for name, _ in options:
        how = _NO_RUN.get(name) if len(name) == 1 else _NO_RUN_LONG.get(name)
        if how is not None:
            raise _refuse(
                path,
                number,
                f"make run with `{files.printable(('--' if len(name) > 1 else '-') + name)}`, by which it {how} (a "
                "reviewer reads the check it names run); run make as the Makefile reads",
            )
    elsewhere = not here or chdir
    for name, value in options:
        if (name in _ELSEWHERE or name in _ELSEWHERE_LONG) and value not in (".", "./", "Makefile", "./Makefile"):
            elsewhere = True
    built = any("$" in target or "`" in target for target in targets)
    if elsewhere and (not targets or built or any(target in top.targets for target in targets)):
        named = f"`{files.printable(' '.join(targets))}`" if targets else "no target (its default)"
        raise _refuse(
            path,
            number,
            f"make run in another folder or on another makefile with {named}, which a reviewer reads as the top "
            "Makefile's while another recipe runs in its place; run the top Makefile's targets from the top",
        )
    if not elsewhere:
        for name, value in assignments:
            if name not in top.defaults:
                raise _refuse(
                    path,
                    number,
                    f"make given `{files.printable(name)}` on its command line, which overrides what the Makefile "
                    "gives it (a reviewer reads its recipes as written); give only a variable the Makefile gives a "
                    "default (`?=`)",
                )
            relative = value.strip("\"'").removeprefix("./").rstrip("/")
            built = "$" in value or "`" in value
            if relative in top.paths or "/" in relative and not relative.startswith("/") or built:
                # `make PYTHON=tools/python3 test`, `SYSTEM_BIN=tools`: the venv made by a program of the tree
                raise _refuse(
                    path,
                    number,
                    f"make given `{files.printable(name)}` a path of the tree or one built as it runs "
                    f"(`{files.printable(value)}`), by which its recipes run a program no review reads as the one "
                    "named; give a program's name",
                )
            if "/" in relative or relative.startswith("~"):
                # `make PYTHON=/tmp/fake test` after the script wrote /tmp/fake (hunt 229): a path outside the tree
                # names a program no review reads either; a name is looked up where no script may write
                # (git/program_writes.py)
                raise _refuse(
                    path,
                    number,
                    f"make given `{files.printable(name)}` a path outside the tree (`{files.printable(value)}`), "
                    "a program a script may have written in place of the one named; give a program's name",
                )


def _step_starts(lines: list[str]) -> tuple[set[int], bool]:
    """Of a workflow's lines: those of a step (a list item) given another `working-directory` than the top, and
    whether every step is (a `defaults:` one)."""
    elsewhere: set[int] = set()
    everywhere = False
    for n, line in enumerate(lines):
        found = _WORKING_DIRECTORY.match(line)
        if found is None or found.group(2).strip("\"'") in (".", "./", "${{ github.workspace }}"):
            continue
        deep = len(found.group(1))
        start = next(
            (m for m in range(n, -1, -1) if (item := _ITEM.match(lines[m])) and len(item.group(1)) <= deep), None
        )
        if start is None:
            everywhere = True
            continue
        indent = len(_ITEM.match(lines[start]).group(1))  # type: ignore[union-attr]
        end = next(
            (
                m
                for m in range(start + 1, len(lines))
                if lines[m].strip() and len(lines[m]) - len(lines[m].lstrip()) <= indent
            ),
            len(lines),
        )
        elsewhere.update(range(start, end))
    return elsewhere, everywhere


def _after_sourcing(path: str, named: str, top: TopMakefile, here: bool, names: Names) -> bool:
    """Whether a script is at the top after sourcing the file named (from the top, or from its own folder), whose
    `cd` moves the script itself (`source .ci/env` of `cd tools`, then `make test`: hunt 221); a file built as the
    script runs (`. "$F"`) may move it anywhere; one not of the tree (`/etc/os-release`) is taken to move it none."""
    if "$" in named or "`" in named:
        return False
    found = next(
        (
            top.code[spelled]
            for spelled in (
                posixpath.normpath(named),
                posixpath.normpath(posixpath.join(posixpath.dirname(path), named)),
            )
            if top.code.get(spelled) is not None
        ),
        None,
    )
    if found is None:
        return here
    where = _Where(here)
    for _, line in plain_lines(found.decode("utf-8", "replace")):
        if line.lstrip().startswith("#"):
            continue
        for _, command in _commands_in_order(line, where):
            if shown_word(command.word) in _GOES:
                where.go(path, command, names)
    return where.stack[0]


def _commands_in_order(line: str, where: _Where) -> Iterator[tuple[int, Command]]:
    """Each command of a line with where it starts, where (the subshells opened and closed) kept up to it: a command
    is read in the folder its subshell has gone to."""
    commands = {command.at: command for command in command_words(line)}
    for at, character in enumerate(line):
        if character == "(":
            where.opened()
        elif character == ")":
            where.closed()
        if at in commands:
            yield at, commands[at]


def no_make_run_otherwise(path: str, data: bytes | None, recipes: bool, top: TopMakefile) -> None:
    """Refused: a file a shell runs (a makefile's recipes, a script, a workflow) running make in another folder or
    on another makefile with a target of the top makefile, with options by which it runs no recipe, or a variable
    of the makefile's set on its command line (the module's docstring says why)."""
    if data is None or not re.search(rb"make|MAKE|\$", data):
        return
    text = data.decode("utf-8", "replace")
    workflow = path.endswith((".yml", ".yaml"))
    names = Names(text, recipes, workflow)
    raw = text.split("\n")
    steps, everywhere = _step_starts(raw) if workflow else (set(), False)
    one_shell = recipes and re.search(r"(?m)^\.ONESHELL[ \t]*:", text) is not None
    where = _Where(True)
    for number, line in plain_lines(text):
        if line.lstrip().startswith("#"):
            continue
        if recipes:
            if not line.startswith("\t"):
                where = _Where(True)  # (a rule's line: its recipe's shell starts at the top)
                continue
            line = re.sub(r"^\t[ \t@+-]*", lambda found: " " * len(found.group(0)), line)
            where = where if one_shell else _Where(True)  # (each recipe line a shell of its own, but .ONESHELL's)
        if workflow:
            keyed, script = workflow_script(line)
            if script is None:
                continue
            if keyed:
                where = _Where(not everywhere and number - 1 not in steps)
            line = script
        chdir_at: int | None = None
        for at, command in _commands_in_order(line, where):
            program = shown_word(command.word)
            if program in _GOES:
                where.go(path, command, names)
            elif program in ("source", ".") and command.words:
                where.stack[-1] = _after_sourcing(path, shown_word(command.words[0]), top, where.top, names)
            elif program.rsplit("/", 1)[-1] == "env" and any(_CHDIR.fullmatch(word) for word in command.words):
                chdir_at = at
            else:
                _make_checked(path, number, command, names, top, where.top, chdir_at is not None)
