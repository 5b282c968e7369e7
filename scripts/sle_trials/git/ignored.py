"""A committed Python source that an ignore file of the tree names (git/extract.py reads the tree through it).

ruff finds the files it checks by walking the folders it is given (CI's `ruff check .` and `ruff format --check
.`), and leaves out every file a `.gitignore` or an `.ignore` names, whether git tracks it or not (tested): a
committed module that `.gitignore` names is one git and GitHub's review show as any other, and ruff never reads.
A pull request adding `scripts/sle_trials/checks/strict.py` to `.gitignore` (or a `.gitignore` of one line,
`strict.py`, beside the module, or `.ignore` at the top) passed (exit 0), and every later change to the module was
held to no rule of ruff's, as a `# ruff: noqa` in it would hold it (hunt 209). Nothing committed is ignored in
the repository; what ruff leaves out by pyproject.toml (the sources, the tests' inputs) may be.

The ignore files are read as git reads them (gitignore(5)), by pathspec's GitIgnoreSpec (the library mypy reads
them with): each file's patterns for the paths below its folder, a deeper file deciding over a shallower one, and
nothing inside a folder that is ignored taken back.
"""

from __future__ import annotations

import pathspec

from sle_trials import files
from sle_trials.git.code_files import TEST_INPUTS, python_source
from sle_trials.git.refusal import Refused

# the files ruff's walker reads as lists of what to leave out (git's, and the `ignore` crate's own)
IGNORE_FILES = (".gitignore", ".ignore")
# what ruff leaves out by pyproject.toml in any case (lint_settings: the data and the tests' inputs)
_NOT_LINTED = ("seeds/", "trials/", *TEST_INPUTS)


def _specs(texts: dict[str, bytes]) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
    """Each ignore file of the tree as (its folder, from the top: "" or ending in "/"; its patterns), the top's
    first, a folder's before its subfolders'."""
    found = []
    for path in sorted((p for p in texts if p.rpartition("/")[2] in IGNORE_FILES), key=lambda p: (p.count("/"), p)):
        folder = path.rpartition("/")[0] + "/" if "/" in path else ""
        lines = [line for line in texts[path].decode("utf-8", "replace").splitlines() if _pattern(line)]
        found.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))
    return found


def _pattern(line: str) -> bool:
    """Whether line is a pattern pathspec reads: one it refuses (a lone "!") matches nothing to git either, and a
    pull request's ignore file stops no extraction by it."""
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True


def _ignored(path: str, specs: list[tuple[str, pathspec.GitIgnoreSpec]]) -> bool:
    """Whether path, or a folder on its way, is ignored: the last file whose patterns say either way decides."""
    parts = path.split("/")
    for n in range(1, len(parts) + 1):
        below = "/".join(parts[:n]) + ("/" if n < len(parts) else "")
        verdict = None
        for folder, spec in specs:
            if below.startswith(folder):
                said = spec.check_file(below[len(folder) :]).include
                verdict = said if said is not None else verdict
        if verdict:
            return True  # a folder ignored: nothing in it is taken back
    return False


def no_code_ruff_ignores(tree: list[str], texts: dict[str, bytes]) -> None:
    """Refused: a committed Python source (outside what ruff leaves out by its settings) that an ignore file of the
    tree names, which ruff's walk leaves out (the module's docstring says why). texts: the tree's ignore files."""
    specs = _specs(texts)
    if not specs:
        return
    for path in tree:
        if python_source(path) and not path.startswith(_NOT_LINTED) and _ignored(path, specs):
            raise Refused(
                f"{files.shown(path)}: a committed Python source that an ignore file of the tree names ("
                f"{', '.join(IGNORE_FILES)}), which git and its review show and ruff's walk never reads; take it "
                "out of the ignore file"
            )
