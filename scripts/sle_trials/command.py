"""The command a fix-it line tells the curator to run (`run: trials csv`), named as they can run it.

One rule, for every message that names a command of the tool or of its environment (`trials`,
`datasette`): after `make check` the tool is at `.venv/bin/trials` and on no PATH, so a
message that says `trials csv` names a command the shell does not find.

- Run as a program found on the PATH (an activated environment, an install on the PATH): the bare
  name, `trials csv`, as typed.
- Run from a clone's environment, `<clone>/.venv/bin/trials`, not on the PATH: the README's own
  form, `.venv/bin/trials csv` (the command as a curator at the clone's root types it).
- Anything else (`python -m sle_trials`, the tests, an install elsewhere): the bare name.

Never a path of the machine (an absolute path would make the output differ from one clone to the
next): the README's relative form or the name alone.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from sle_trials import files

VENV_BIN = ".venv/bin"  # where `make check` installs the tool, as the README writes it
TOOL = "trials"


def run(*words: str) -> str:
    """The tool's command line with these arguments, as the user can run it ("trials csv",
    ".venv/bin/trials fmt trials/NCT01.yaml"); the arguments as given (a caller quotes a file name)."""
    return named(TOOL, *words)


def named(program: str, *words: str) -> str:
    """The command line of a program installed beside the tool (datasette), as run() names it. Not
    pip: an install is always into the clone's environment, .venv/bin/pip, whatever pip is on PATH."""
    return " ".join((_program(program, sys.argv[0], os.environ.get("PATH", "")), *words))


def _program(program: str, script: str, search: str) -> str:
    """How to name program, for a run whose script is sys.argv[0] and whose PATH is search (looked up
    each time a message is made: a few stats, and no memo that would outlive the run)."""
    here = Path(script)
    if here.name != TOOL:  # not run as the tool's program: a module, a test
        return program
    beside = here.parent / program
    found = shutil.which(program, path=search)
    try:
        if found is not None and os.path.samefile(found, beside):
            return program  # the shell finds this very program by its name
    except OSError:
        pass  # not installed beside the tool (an extra not installed): named as the environment's
    if here.parent.name == "bin" and here.parent.parent.name == ".venv":
        return f"{VENV_BIN}/{program}"
    return program


def staged(root: Path, *paths: str) -> str:
    """The git command that stages the files a command has written (`git add trials.csv`), their
    names relative to the registry's root as the messages give them: the pre-commit hooks that
    write a file stop the commit ("files were modified by this hook"), and the curator's next step
    is to add what was written to the commit. Run from a folder other than the root (the root is
    found from a sub-folder, or given with --root), `git add trials/X.yaml` named no file, so the
    command then says where the root is (`git -C .. add trials.csv`)."""
    names = " ".join(shlex.quote(path) for path in paths)
    here = os.path.abspath(os.getcwd())
    there = os.path.abspath(root)
    if here == there:
        return f"git add {names}"
    try:
        where = os.path.relpath(there, here)
    except ValueError:  # another drive
        where = there
    return f"git -C {shlex.quote(files.shown(where))} add {names}"
