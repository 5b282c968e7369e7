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
(`/dev/null`, `/dev/stderr` ...) may be written.

Hunt 233: a destination the script builds as it runs (`cp tools/fake "$HOME/bin/python3.12"`, `"$(dirname "$(command -v
make)")/make"`, `${PREFIX}/bin/make`), a program's option or script that writes (`curl -o`, `wget -O`, `sort -o`, `cc
-o`, `tar -C`, `unzip -d`, `python3 -m venv /usr/local`, sed's `w`, awk's `print >`), a copy run by `busybox`, by `find
-exec cp {} FILE \\;` (its `;` read as the destination) or by `xargs` (the destination its input's), and Python's or
another language's code given on the line (git/python_writes.py) each wrote /usr/local/bin/python3.12 and passed. So a
destination holding an expansion is put in with what the file gives its variables, and refused unless that is a path of
the tree or a temporary one: `mktemp`'s, the runner's temporary folder and step files (RUNNER_TEMP, GITHUB_OUTPUT, ...;
GITHUB_PATH's and GITHUB_ENV's are the environment rules'), and the script's arguments (its caller's words, read where
the caller runs it).

Nor may a script write, remove, move or edit in place a file of the tree's code (git/python_writes.py's
code_of_the_tree), nor run git to change the work tree: `printf 'test:\\n\\t@true\\n' > Makefile`, `rm
tests/test_failing.py`, `mv` of it, `printf '[pytest]\\naddopts = -k nothing\\n' > pytest.ini`, `cp /bin/true
.venv/bin/ruff` and `git checkout HEAD~1 -- tests`, each before the check it changes, passed (exit 0, hunt 233).
`python -m venv .venv` may make .venv itself, and `rm -rf .venv` remove it (the Makefile's own recipes)."""

from __future__ import annotations

import posixpath
import textwrap

from sle_trials import files
from sle_trials.git.built_commands import HOLE, PYTHON, Command, Names, command_words, plain_lines, shown_word
from sle_trials.git.python_writes import code_of_the_tree, outside, written_outside
from sle_trials.git.refusal import Refused
from sle_trials.git.shell_lines import recipes_expanded, shell_scripts
from sle_trials.patterns import lazy

# the commands whose last word (or `-t`'s, `--target-directory=`'s) is where they write
_COPIERS = frozenset(("cp", "mv", "ln", "install", "rsync", "scp"))
# a redirection's target: `>`, `>>`, `>|`, `&>`, `&>>`, `1>` ... (`<>` opens it for writing too); not `>&2`
_REDIRECTED = lazy(r"(?:\d*|&)(?:>>?|>\||<>)[ \t]*(?!&)([^ \t;&|<>()]+)")


# the options by which a program writes a file their value names (`curl -o`, `wget -O`, `sort -o`, `cc -o`, `tar -C`,
# `unzip -d`, pip's `--target`), by program, a short option by its letter (hunt 233: each wrote
# /usr/local/bin/python3.12, and passed)
_OUTPUT_OPTIONS: dict[str, tuple[str, ...]] = {
    "curl": ("o", "--output", "--output-dir"),
    "wget": ("O", "--output-document", "P", "--directory-prefix"),
    "sort": ("o", "--output"),
    "patch": ("o", "--output"),
    "tar": ("C", "--directory"),
    "unzip": ("d",),
    "pip": ("t", "--target", "--prefix", "--root", "--src"),
    "cc": ("o",), "gcc": ("o",), "clang": ("o",), "go": ("o",), "rustc": ("o",),
    # g++ and c++, spelled so: the literal "g++" reads as a pattern with a possessive quantifier, which
    # test_patterns refuses in any literal of the package
    **{compiler + "++": ("o",) for compiler in ("g", "c")},
}  # fmt: skip
_APPLETS = frozenset(("busybox", "toybox"))
# a sed script's `w` command (or the `w` flag of its `s`), which writes the file it names
_SED_WRITE = lazy(r"(?:^|[;{}\s0-9$/!])[wW][ \t]+([^;}\n]+)")
# an awk print's redirection, to a string or to a name's value (an expression built as it runs)
_AWK_WRITE = lazy(r"\bprintf?\b[^;{}]*?>>?[ \t]*(?:\"([^\"]*)\"|([A-Za-z_$][\w$]*))")


# another language's code given on a line (`perl -e`, `ruby -e`, `node -e`), which writes a file: each path it names
# as a string must be the tree's or a temporary one's, and none built from the environment or where programs are found
_OTHER_LANGUAGES = lazy(r"perl[0-9.]*|ruby[0-9.]*|node(?:js)?|php[0-9.]*|lua[0-9.]*|Rscript|tclsh[0-9.]*|osascript")
_OTHER_WRITES = lazy(
    r"\bopen\b|\bsysopen\b|write|\bcopy|\bmove\b|\brename|\bsymlink|\blink\b|FileUtils|\bcp\b|\bmv\b|\bln_s\b"
    r"|\binstall\b|\bputs\b|file_put_contents|fopen|sink\(|\bcat\("
)
_OTHER_FOUND = lazy(r"\bENV\b|%ENV|\$ENV|process\.env|getenv|\bHOME\b|homedir|\bwhich\b|Sys\.getenv|path\.expand")
_STRING = lazy(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'")


def _other_language_writes(program: str, words: list[str]) -> list[str]:
    """The paths another language's code given on the line (`-e`, `-E`, `-r`, its first word for Rscript's `-e`)
    names where it writes a file: its strings (a mode's `>` left out), and a hole where it builds a path from the
    environment or where programs are found."""
    code = " ".join(words[n + 1] for n, word in enumerate(words[:-1]) if word in ("-e", "-E", "-r", "--eval", "-p"))
    return _other_code_writes(code)


def _other_code_writes(code: str) -> list[str]:
    """The paths another language's code names where it writes a file (_other_language_writes): given on its line,
    or by a here-document (`perl <<'EOF'` over `open(my $f, '>', '/usr/local/bin/python3.12');` passed: hunt 238)."""
    if not code or not _OTHER_WRITES.search(code):
        return []
    out = [HOLE] if _OTHER_FOUND.search(code) else []
    for found in _STRING.finditer(code):
        text = (found.group(1) if found.group(1) is not None else found.group(2)).lstrip("+<> \t")
        if text.startswith(("/", "~", "..")):
            out.append(text.split()[0])
    return out


def _output_option(options: tuple[str, ...], words: list[str]) -> list[str]:
    """The values of a program's output options among its words (`-o FILE`, `-oFILE`, `-sSo FILE`, `--output=FILE`)."""
    out = []
    for n, word in enumerate(words):
        after = [words[n + 1]] if n + 1 < len(words) else []
        for option in options:
            if word == option or (option.startswith("--") and word.startswith(option + "=")):
                out += after if word == option else [word.partition("=")[2]]
            elif len(option) == 1 and word.startswith("-") and not word.startswith("--") and option in word[1:]:
                at = word.index(option, 1)
                out += after if at == len(word) - 1 else [word[at + 1 :]]
    return out


def _script_of(words: list[str]) -> str:
    """The script a sed or awk is given (`-e`'s values, else its first word not an option)."""
    given = [words[n + 1] for n, word in enumerate(words[:-1]) if word in ("-e", "--expression")]
    given += [word.partition("=")[2] for word in words if word.startswith("--expression=")]
    return "\n".join(given) if given else next((word for word in words if not word.startswith("-")), "")


_VENV_MAKERS = frozenset(("venv", "virtualenv", "pyvenv"))


def _venv_made(program: str, words: list[str]) -> list[str]:
    """The folder a virtual environment is made in (`python -m venv DEST`, `virtualenv DEST`): .venv itself may be
    made so, as the Makefile makes it, though no other write of .venv/ may be made (code_of_the_tree)."""
    if PYTHON.fullmatch(program) and "-m" in words[:-1]:
        program, words = words[words.index("-m") + 1], words[words.index("-m") + 2 :]
    return [word for word in words if not word.startswith("-")][-1:] if program in _VENV_MAKERS else []


def _written(program: str, words: list[str]) -> list[str]:
    """The files a command writes by its words (not its redirections); a hole (built_commands' `\x00`) where they
    are given by its input."""
    if program in _APPLETS and words:
        program, words = words[0].rsplit("/", 1)[-1], words[1:]
    while words and words[-1] in (";", "+"):  # (`find -exec cp {} DEST \;`)
        words = words[:-1]
    if program in _COPIERS:
        for n, word in enumerate(words):
            if word in ("-t", "--target-directory") and n + 1 < len(words):
                return [words[n + 1]]
            if word.startswith("--target-directory="):
                return [word.partition("=")[2]]
        plain = [word for word in words if not word.startswith("-")]
        return plain[-1:] if len(plain) >= 2 else []  # (`ln -s FILE`: a link in the folder it runs in)
    if program == "xargs":  # (its input's words after the command's: a copier's last, tee's files)
        run = next((n for n, word in enumerate(words) if not word.startswith("-")), None)
        inner = words[run].rsplit("/", 1)[-1] if run is not None else ""
        if inner == "tee" or (inner in _COPIERS and not any(w.startswith(("-t", "--target")) for w in words)):
            return [HOLE]
        return []
    if program == "tee":
        return [word for word in words if not word.startswith("-")]
    if program == "dd":
        return [word[3:] for word in words if word.startswith("of=")]
    if program in ("sed", "gsed"):
        return [found.group(1).strip() for found in _SED_WRITE.finditer(_script_of(words))]
    if program in ("awk", "gawk", "mawk", "nawk"):
        return [f.group(1) if f.group(2) is None else HOLE for f in _AWK_WRITE.finditer(_script_of(words))]
    if PYTHON.fullmatch(program) and "-m" in words[:-1]:  # (`python -m venv DEST`, `python -m pip --target DIR`)
        program, words = words[words.index("-m") + 1], words[words.index("-m") + 2 :]
    if program in _VENV_MAKERS:
        return _venv_made(program, words)
    if _OTHER_LANGUAGES.fullmatch(program):
        return _other_language_writes(program, words)
    options = _OUTPUT_OPTIONS.get(program.rstrip("0123456789."), ())
    return _output_option(options, words)


# what a destination built as the script runs may start with: a folder or a file the runner gives for the script's
# own writing (its temporary folder, a step's outputs), `mktemp`'s, and the script's arguments (the caller's words,
# read where it runs the script): put in as a temporary path; any other expansion (`$HOME`, `${PREFIX}`, `$(dirname
# "$(command -v make)")`) may name where a check's name finds its program (hunt 233)
_GIVEN_FOR_WRITING = frozenset(("RUNNER_TEMP", "TMPDIR", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_STATE",
                                "GITHUB_ENV", "GITHUB_PATH"))  # fmt: skip
_TEMPORARY = lazy(r"\$\((?:[ \t]*mktemp\b[^()]*)\)|\$\{?[1-9]\}?")
_PUT_IN = "/tmp/built"
_HERE_DOCUMENT = lazy(r"<<(-?)[ \t]*\x04?([A-Za-z_][A-Za-z0-9_]*)\x04?")


def _names(masked: str, recipes: bool, workflow: bool) -> Names:
    """The values the file gives its variables (Names), with the runner's and mktemp's temporary paths put in."""
    names = Names(masked, recipes, workflow)
    for name, value in names.shell.items():
        if value is not None:
            names.shell[name] = _TEMPORARY.sub(_PUT_IN, value)
    for name in _GIVEN_FOR_WRITING:
        if name not in names.shell:
            names.shell[name] = _PUT_IN
    return names


def _python_code(command: Command, script: str, later: list[str], workflow: bool) -> str | None:
    """The code a Python command is given on its line (`-c`'s word) or by a here-document (the raw lines after its
    line, to its end), or None."""
    words = [shown_word(word) for word in command.words]
    for n, word in enumerate(words):
        if word == "-c" or (word.startswith("-") and not word.startswith("--") and word.endswith("c")):
            return words[n + 1] if n + 1 < len(words) else None
        if not word.startswith("-"):
            break
    return _here_document(command, script, later, workflow)


def _here_document(command: Command, script: str, later: list[str], workflow: bool) -> str | None:
    """The text a command is given by a here-document on its line (the raw lines after its line, to its end), or
    None."""
    here = _HERE_DOCUMENT.search(script, command.at)
    if here is None:
        return None
    body: list[str] = []
    for line in later:
        if (line.strip() if workflow or here.group(1) else line) == here.group(2):
            break
        body.append(line)
    return textwrap.dedent("\n".join(body))


# the commands that remove, move or edit in place the files they name, and git's that change the work tree: a test
# removed (`rm tests/test_x.py`), a makefile edited (`sed -i 's/-m pytest/-c pass/' Makefile`), the tests of another
# commit checked out (`git checkout HEAD~1 -- tests`), a diff applied by `patch`, before `make test`: each passed
# (hunt 233)
_REMOVERS = frozenset(("rm", "unlink", "shred", "truncate", "mv"))
_IN_PLACE = frozenset(("sed", "gsed", "perl", "ruby"))
_GIT_CHANGING = frozenset(
    ("checkout", "restore", "reset", "stash", "apply", "am", "clean", "rm", "mv", "switch", "pull", "merge",
     "cherry-pick", "revert", "rebase", "read-tree", "checkout-index", "update-index", "worktree", "sparse-checkout")
)  # fmt: skip


def _changed(program: str, words: list[str]) -> list[str]:
    """The files a command removes, moves or edits in place (`rm`, `mv`'s sources, `sed -i`'s files), and a hole for
    git run to change the work tree (its paths, or all of it)."""
    plain = [word for word in words if not word.startswith("-")]
    if program in _REMOVERS:
        return plain[1:] if program == "truncate" and "-s" in words else plain
    if program in _IN_PLACE and any(w.startswith("--in-place") or (w[:1] == "-" != w[1:2] and "i" in w) for w in words):
        given = any(word in ("-e", "-E", "--expression") or word.startswith("--expression=") for word in words)
        return plain if given else plain[1:]  # (the script its first word but `-e`'s)
    if program == "git":
        subcommand = next((word for word in words if not word.startswith("-")), "")
        return [HOLE] if subcommand in _GIT_CHANGING else []
    if program == "patch" and "--dry-run" not in words:
        return [HOLE]  # (the files its diff names)
    return []


_SCRIPT_RUNNERS = frozenset(("bash", "sh", "dash", "zsh", "ksh", "source", "."))


def _script_arguments(program: str, command: Command) -> list[str]:
    """The words a command gives a script of the tree it runs (`bash .ci/x ARGS`, `.ci/x ARGS`, `python3 tools/x.py
    ARGS`), whose `$1` ... are put in as a temporary path where it writes: none for another command."""
    words = [shown_word(word) for word in command.words]
    named = shown_word(command.word)
    if program in _SCRIPT_RUNNERS or PYTHON.fullmatch(program):
        n = 0
        while n < len(words) and words[n].startswith("-"):
            if words[n] in ("-c", "-m", "-s") or words[n][-1:] in ("c", "m"):
                return []  # (a text or a module run, or the input read: no script of the tree by its path)
            n += 2 if words[n] in ("-X", "-W", "-o", "+o") else 1
        return words[n + 1 :] if n < len(words) and not words[n].startswith("/") else []
    if "/" in named and not named.startswith(("/", ".venv/", "$", "~")):
        return words
    return []


def _no_path_outside_given_to_a_script(path: str, number: int, program: str, command: Command, names: Names) -> None:
    """Refused: a path outside the tree, or one built as the script runs, given a script of the tree, which may write
    where its arguments say (`bash .ci/install.sh /usr/local/bin`, with `cp tools/fake "$1/make"` in it)."""
    for word in _script_arguments(program, command):
        value = word.partition("=")[2] if word.startswith("-") else word
        resolved = names.resolved(_TEMPORARY.sub(_PUT_IN, value))
        if outside(value) or HOLE in resolved or outside(resolved.replace(chr(4), "")):
            raise Refused(
                f"{files.shown(path)} line {number}: a path outside the tree, or one built as the script runs, given "
                f"to a script of the tree (`{files.printable(word)}`), which may write where its arguments say, where "
                "a check's name may find its program; give it a path of the tree or under /tmp"
            )


def no_program_written_outside_the_tree(path: str, data: bytes | None, recipes: bool) -> None:
    """Refused: a file a shell runs (a script, a makefile's recipes, a workflow) writing a file outside the tree,
    where a check's name may find it, or where an expansion built as it runs says (the module's docstring says why);
    and Python's code given on a line writing so (git/python_writes.py)."""
    if data is None:
        return
    text = data.decode("utf-8", "replace")
    text = recipes_expanded(text) if recipes else text
    workflow = path.endswith((".yml", ".yaml"))
    plain = plain_lines(text)
    names = _names("\n".join(masked for _, masked in plain), recipes, workflow)
    raw = text.split("\n")
    for number, script in shell_scripts(plain, recipes, workflow):
        targets = [found.group(1) for found in _REDIRECTED.finditer(script)]
        changed: list[str] = []
        made: list[str] = []
        for command in command_words(script):
            program = shown_word(command.word).rsplit("/", 1)[-1]
            targets += _written(program, [shown_word(word) for word in command.words])
            if _OTHER_LANGUAGES.fullmatch(program):
                targets += _other_code_writes(_here_document(command, script, raw[number:], workflow) or "")
            made += _venv_made(program, [shown_word(word) for word in command.words])
            changed += _changed(program, [shown_word(word) for word in command.words])
            _no_path_outside_given_to_a_script(path, number, program, command, names)
            code = _python_code(command, script, raw[number:], workflow) if PYTHON.fullmatch(program) else None
            written = written_outside(code, built=True) if code is not None else None
            if written is not None and code_of_the_tree(written[1]):
                _code_changed(path, number, files.printable(written[1]), "written by Python's code")
            if written is not None:
                raise Refused(
                    f"{files.shown(path)} line {number}: a file written by Python's code outside the tree, or where "
                    f"it builds as it runs (`{files.printable(written[1])}`), where a check's name may find the "
                    "program written in place of the one a reviewer reads; write a path of the tree or under /tmp"
                )
        for target in targets:
            shown = files.printable(target.replace(chr(4), "").replace(HOLE, "<its input's or environment's>"))
            if outside(target):
                raise Refused(
                    f"{files.shown(path)} line {number}: a file written outside the tree (`{shown}`), where a check's "
                    "name may find the program written in place of the one a reviewer reads; write in the tree or "
                    "under /tmp"
                )
            resolved = names.resolved(_TEMPORARY.sub(_PUT_IN, target))
            if HOLE in resolved or outside(resolved):
                raise Refused(
                    f"{files.shown(path)} line {number}: a file written where an expansion built as the script runs "
                    f"says (`{shown}`), which may be where a check's name finds its program; write a path of the tree "
                    "or under /tmp, or a variable the script gives one"
                )
            if code_of_the_tree(resolved) and not (target in made and posixpath.normpath(resolved) == ".venv"):
                _code_changed(path, number, shown, "written")
        for target in changed:
            resolved = names.resolved(_TEMPORARY.sub(_PUT_IN, target)).replace(chr(4), "")
            shown = files.printable(target.replace(chr(4), "").replace(HOLE, "the work tree, by git or patch"))
            if HOLE in resolved or (code_of_the_tree(resolved) and not (resolved + "/").startswith(".venv/")):
                _code_changed(path, number, shown, "removed, moved or changed")


def _code_changed(path: str, number: int, shown: str, how: str) -> None:
    raise Refused(
        f"{files.shown(path)} line {number}: a file of the tree's code {how} as the script runs (`{shown}`): the "
        "checks after it run or read what no review showed (a makefile, a test, a setting, a program of .venv/); "
        "change the code in the pull request itself"
    )
