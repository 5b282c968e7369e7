"""Files written outside the tree by CI's scripts, the Makefile's recipes and the workflows (git/extract.py reads
each file a shell runs through it; hunt 229).

The rules of a check's command (built_commands, make_run, status_dropped) read the name a script runs a check by;
what that name finds was never read. `cp tools/fake /usr/local/bin/make` then `make test`, `ln -sf /bin/true
/usr/local/bin/make`, `install -m 755 /bin/true /usr/local/bin/make`, `tee /usr/bin/pytest` and `printf ... >
/usr/local/bin/python3.12` then `make PYTHON=python3.12 test` each passed the extraction (exit 0): the check's
name, read as make's or python's, runs the program the pull request wrote in its place. So a command a shell runs
may not write a file outside the tree: a copy, move, link or install (its destination: the last word, or `-t`'s),
`tee`'s files, `dd`'s `of=`, and a redirection's target. The tree's own paths, a temporary folder (`/tmp`, which
no check's name is looked up in: make_run refuses a default given a path) and the process's own streams
(`/dev/null`, `/dev/stderr` ...) may be written. A destination the script builds as it runs (`"$HOME/bin/make"`) is
read by the rules of built names, not here: GITHUB_PATH's and GITHUB_ENV's files (environment rules) are written so."""

from __future__ import annotations

import re

from sle_trials import files
from sle_trials.git.built_commands import command_words, plain_lines, shown_word
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import workflow_script
from sle_trials.patterns import lazy

# the commands whose last word (or `-t`'s, `--target-directory=`'s) is where they write
_COPIERS = frozenset(("cp", "mv", "ln", "install", "rsync", "scp"))
# a redirection's target: `>`, `>>`, `>|`, `&>`, `&>>`, `1>` ... (`<>` opens it for writing too); not `>&2`
_REDIRECTED = lazy(r"(?:\d*|&)(?:>>?|>\||<>)[ \t]*(?!&)([^ \t;&|<>()]+)")
_STREAMS = ("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty")


def _outside(word: str) -> bool:
    """Whether a word names a file outside the tree: an absolute path but a temporary folder's or the process's own
    streams, one of the home folder (`~`), or one going up out of the tree (`../`)."""
    word = word.replace("\x04", "")
    if word.startswith("~"):
        return True
    if word.startswith("/"):
        if word in _STREAMS or word.startswith(("/dev/fd/", "/tmp/", "/proc/self/fd/")) or word == "/tmp":
            return False
        return True
    return word == ".." or word.startswith("../") or "/../" in word


def _written(program: str, words: list[str]) -> list[str]:
    """The files a command writes by its words (not its redirections)."""
    if program in _COPIERS:
        for n, word in enumerate(words):
            if word in ("-t", "--target-directory") and n + 1 < len(words):
                return [words[n + 1]]
            if word.startswith("--target-directory="):
                return [word.partition("=")[2]]
        plain = [word for word in words if not word.startswith("-")]
        return plain[-1:] if len(plain) >= 2 else []  # (`ln -s FILE`: a link in the folder it runs in)
    if program == "tee":
        return [word for word in words if not word.startswith("-")]
    if program == "dd":
        return [word[3:] for word in words if word.startswith("of=")]
    return []


def no_program_written_outside_the_tree(path: str, data: bytes | None, recipes: bool) -> None:
    """Refused: a file a shell runs (a script, a makefile's recipes, a workflow) writing a file outside the tree,
    where a check's name may find it (the module's docstring says why)."""
    if data is None:
        return
    text = data.decode("utf-8", "replace")
    workflow = path.endswith((".yml", ".yaml"))
    for number, line in plain_lines(text):
        script = workflow_script(line)[1] if workflow else line
        if script is None or script.lstrip().startswith("#"):
            continue
        if recipes:
            if not script.startswith("\t"):
                continue  # (a rule's line or a variable's: no shell runs it)
            script = re.sub(r"^\t[ \t@+-]*", "", script)
        targets = [found.group(1) for found in _REDIRECTED.finditer(script)]
        for command in command_words(script):
            program = shown_word(command.word).rsplit("/", 1)[-1]
            targets += _written(program, [shown_word(word) for word in command.words])
        for target in targets:
            if _outside(target):
                raise Refused(
                    f"{files.shown(path)} line {number}: a file written outside the tree "
                    f"(`{files.printable(target.replace(chr(4), ''))}`), where a check's name may find the program "
                    "written in place of the one a reviewer reads; write in the tree or under /tmp"
                )
