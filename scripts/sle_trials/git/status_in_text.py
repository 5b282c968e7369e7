"""A check run in the text another program runs, whose status that program does not end with (hunt 221).

git/status_dropped.py reads a check a shell runs, and where a shell's or another language's text is given on the
line (`bash -c`, `python -c`, `perl -e`), the check in it, whose status `|| true` after it drops. But the program
running the text drops it as well: `.venv/bin/python -c "import subprocess; subprocess.run(['make', 'test'])"`,
`perl -e 'system("make test")'`, `awk 'BEGIN { system("make test") }'`, `sed -n '1e make test'`, `expect -c 'spawn
make test; expect eof'`, `script -qc 'make test' /dev/null` (without `-e`, script's status is 0) and `python3 -
<<'EOF'` over `os.system('make test')`, each in .ci/run under `set -euo pipefail`, ran the check and exited 0 where
it failed (tested: each program's status 0 over `false`), and passed the extraction (exit 0). So a check named in
the text such a program runs (its code on the line, or a here-document it reads) is refused: a shell runs a check
(`bash -c 'make test'` ends with its status, as `script -e` does)."""

from __future__ import annotations

import re

from sle_trials import files
from sle_trials.git.built_commands import CHECK_NAMED, Names, command_words, plain_lines, shown_word
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import recipes_expanded, shell_scripts
from sle_trials.patterns import lazy

# the programs that run a text of their own language, whose status is theirs, not a command's they start
_LANGUAGES = lazy(
    r"python[0-9.]*|pypy[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node(?:js)?|deno|php[0-9.]*|lua[0-9.]*|Rscript|tclsh[0-9.]*"
    r"|expect|[gmn]?awk|busybox|g?sed|osascript"
)
# a check named in such a text, as a word (but a Python module's name imported: `import pytest`)
_CHECK_WORD = lazy(CHECK_NAMED)
_PYTHON_CODE = lazy(r"(?:^|\s)-[A-Za-z]*c[ \t]+(.*)")
_IMPORT = lazy(r"(?:^|[;\s'\"])(?:import|from)[ \t]+[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*")
# a process started in such a text, whose command may be built there (`['ma' + 'ke', 'test']`): held as a check's
_SPAWNING = lazy(
    r"subprocess|\bos\s*\.\s*(?:system|popen|exec|spawn|posix_spawn)|\bpty\b|child_process|\b(?:system|exec|spawn"
    r"|popen|qx|IO\.popen|Popen)\b|`|%x|\|\s*getline|\bprint\b[^;\n]*\|\s*\"|__import__|importlib"
    r"|\b(?:exec|eval|compile)\s*\("
)
# sed's `e` command and the `e` flag of its `s` command, which run a line as a shell's command
_SED_EXECUTING = lazy(r"(?:^|[;{}\s'])[0-9$,/!]*e(?:[ \t]|'|$)|(?<=/)[gpiImM0-9]*e[gpiImM0-9]*(?=[\s';]|$)")


def _named(text: str, program: str) -> re.Match[str] | None:
    """A check named in a language's text as a word (but a module imported: `import pytest`), or a process it
    starts, whose command it may build."""
    spawning = _SED_EXECUTING if program.endswith("sed") else _SPAWNING
    return _CHECK_WORD.search(_IMPORT.sub(" ", text)) or spawning.search(text)


_HERE_DOCUMENT = lazy(r"<<(-?)[ \t]*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?")
_QUOTE = "\x04"


def _text(words: tuple[str, ...]) -> str:
    """A command's words as written, each quote a `'`."""
    return " ".join(shown_word(word.replace(_QUOTE, "\x05")).replace("\x05", "'") for word in words)


def _script_keeps(words: tuple[str, ...]) -> bool:
    """Whether `script` is given `-e` (`--return`), by which it ends with its command's status."""
    for word in (shown_word(word) for word in words):
        if word == "--return" or (word.startswith("-") and not word.startswith("--") and "e" in word[1:]):
            return True
    return False


# the programs that read a text to run from their input when given none on their line (hunt 229): `echo "import os;
# os.system('make test')" | python3`, `echo 'make test || true' | bash`, `python3 < tools/run.txt` each passed the
# extraction (exit 0): no rule reads a text a pipe or a redirection gives
_READERS = lazy(r"python[0-9.]*|pypy[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node(?:js)?|php[0-9.]*|lua[0-9.]*|(?:ba|da|z|k|)sh")
_VALUED = frozenset(("-W", "-X", "-o", "+o", "--require", "--rcfile", "--init-file"))  # (an option and its value)
_GIVEN_TEXT = frozenset(("-c", "-e", "-E", "-m", "-p", "-n", "-r", "--eval", "--print", "-f"))
_INPUT_REDIRECTED = lazy(r"(?<![<\d])(?:0?<(?![<(&])|<<<)")


def _reads_its_input(program: str, words: tuple[str, ...]) -> bool:
    """Whether a reader (_READERS) is given no text to run on its line: no script's path, no `-c` or `-e` (but
    `-` or `-s`, the input itself)."""
    shown = [shown_word(word) for word in words]
    n = 0
    while n < len(shown):
        word = shown[n]
        if word in ("-", "-s"):
            return True
        if word in _GIVEN_TEXT or (word.startswith("-") and not word.startswith("--") and word[-1:] in "cem"):
            return False
        if not word.startswith(("-", "+")):
            return False  # (a script's path: its text is the tree's, read as code where it runs)
        n += 2 if word in _VALUED else 1
    return True


def no_check_in_a_text_run_elsewhere(path: str, data: bytes | None, recipes: bool) -> None:
    """Refused: a file a shell runs (a script, a makefile's recipes, a workflow) giving another program a text that
    names a check (the module's docstring says why)."""
    if data is None:
        return
    text = data.decode("utf-8", "replace")
    text = recipes_expanded(text) if recipes else text
    if not (_LANGUAGES.search(text) or _READERS.search(text) or "script" in text):
        return
    workflow = path.endswith((".yml", ".yaml"))
    names = Names(text, recipes, workflow)
    lines = plain_lines(text)
    index = {number: n for n, (number, _) in enumerate(lines)}
    for number, script in shell_scripts(lines, recipes, workflow):
        n = index[number]
        for command in command_words(script):
            program = names.resolved(command.word).replace(_QUOTE, "").rsplit("/", 1)[-1]
            given = _text(command.words)
            fed = script[: command.at].rstrip().endswith("|") or _INPUT_REDIRECTED.search(script, command.at)
            if fed and _READERS.fullmatch(program) and _reads_its_input(program, command.words):
                raise Refused(
                    f"{files.shown(path)} line {number}: `{files.printable(program)}` given the text it runs by a pipe "
                    "or a redirection, which no rule reads (a check in it, or its status dropped, passes); run the "
                    "check by the shell, alone on its line"
                )
            if program == "script" and not _script_keeps(command.words):
                named = _CHECK_WORD.search(given)
            elif _LANGUAGES.fullmatch(program):
                if program.startswith(("python", "pypy")):  # (its code is `-c`'s: `python -m pytest` is pytest's)
                    code = _PYTHON_CODE.search(given)
                    given = code.group(1) if code is not None else ""
                named = _named(given, program)
                here = _HERE_DOCUMENT.search(_text((script[command.at :],)))  # (a redirection: no word of its)
                if named is None and here is not None:
                    body = []
                    for _, later in lines[n + 1 :]:
                        if (later.strip() if here.group(1) else later) == here.group(2):
                            break
                        body.append(shown_word(later.replace(_QUOTE, "\x05")).replace("\x05", "'"))
                    named = _named("\n".join(body), program)
            else:
                continue
            if named is not None:
                raise Refused(
                    f"{files.shown(path)} line {number}: a check run in the text `{files.printable(program)}` runs "
                    f"({files.printable(named.group(0).strip())!r}: a check's name, or a process started, whose "
                    "command it may build), which ends with its own status, not the check's (a failing check "
                    "passes); run the check by the shell, alone on its line"
                )
