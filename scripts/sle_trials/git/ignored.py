"""A committed Python source that an ignore file of the tree names (git/extract.py reads the tree through it).

ruff finds the files it checks by walking the folders it is given (CI's `ruff check .` and `ruff format --check
.`), and leaves out every file a `.gitignore` or an `.ignore` names, whether git tracks it or not (tested): a
committed module that `.gitignore` names is one git and GitHub's review show as any other, and ruff never reads.
A pull request adding `scripts/sle_trials/checks/strict.py` to `.gitignore` (or a `.gitignore` of one line,
`strict.py`, beside the module, or `.ignore` at the top) passed (exit 0), and every later change to the module was
held to no rule of ruff's, as a `# ruff: noqa` in it would hold it (hunt 209). Nothing committed is ignored in
the repository; what ruff leaves out by pyproject.toml (the sources, the tests' inputs) may be.

The ignore files are read as git reads them (gitignore(5)): a pattern without a slash but at its end matches a
name at any depth below its file's folder, one with a slash matches from that folder; `*`, `?`, `[...]` and `**`
as globs; a pattern ending in `/` matches folders alone; `!` takes a path back, but for one inside a folder that
is ignored; a later line, and a deeper file, decides over an earlier one.
"""

from __future__ import annotations

import re

from sle_trials import files
from sle_trials.git.code_files import TEST_INPUTS, python_source
from sle_trials.git.refusal import Refused

# the files ruff's walker reads as lists of what to leave out (git's, and the `ignore` crate's own)
IGNORE_FILES = (".gitignore", ".ignore")
# what ruff leaves out by pyproject.toml in any case (lint_settings: the data and the tests' inputs)
_NOT_LINTED = ("seeds/", "trials/", *TEST_INPUTS)


class _Pattern:
    """One line of an ignore file: its folder (from the top, "" or ending in "/"), a regular expression of the
    path below it, whether it takes a path back (`!`) and whether it matches folders alone."""

    def __init__(self, folder: str, line: str) -> None:
        self.folder = folder
        self.back = line.startswith("!")
        line = line[1:] if self.back else line
        self.folders_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        line = line.lstrip("/")
        body = _glob(line)
        self.regex = re.compile(("" if anchored else "(?:.*/)?") + body + r"\Z", re.DOTALL)

    def matches(self, path: str, folder: bool) -> bool:
        if (self.folders_only and not folder) or not path.startswith(self.folder):
            return False
        return self.regex.match(path[len(self.folder) :]) is not None


def _glob(pattern: str) -> str:
    """A gitignore glob as a regular expression (`**/` any folders, `/**` anything below, `*` within a name)."""
    out: list[str] = []
    n = 0
    while n < len(pattern):
        if pattern.startswith("**/", n) and (n == 0 or pattern[n - 1] == "/"):
            out.append("(?:.*/)?")
            n += 3
        elif pattern.startswith("**", n) and n + 2 == len(pattern) and (n == 0 or pattern[n - 1] == "/"):
            out.append(".*")
            n += 2
        elif pattern[n] == "*":
            out.append("[^/]*")
            n += 1
        elif pattern[n] == "?":
            out.append("[^/]")
            n += 1
        elif pattern[n] == "[" and "]" in pattern[n + 2 :]:
            end = pattern.index("]", n + 2)
            inside = pattern[n + 1 : end]
            negated = inside[:1] in ("!", "^")
            inside = inside[1:] if negated else inside
            out.append("[" + ("^" if negated else "") + inside.replace("\\", "\\\\").replace("[", r"\[") + "]")
            n = end + 1
        elif pattern[n] == "\\" and n + 1 < len(pattern):
            out.append(re.escape(pattern[n + 1]))
            n += 2
        else:
            out.append(re.escape(pattern[n]))
            n += 1
    return "".join(out)


def _patterns(texts: dict[str, bytes]) -> list[_Pattern]:
    """Every line of the tree's ignore files, the top's first, a folder's before its subfolders'."""
    found: list[_Pattern] = []
    for path in sorted((p for p in texts if p.rpartition("/")[2] in IGNORE_FILES), key=lambda p: (p.count("/"), p)):
        folder = path.rpartition("/")[0] + "/" if "/" in path else ""
        for raw in texts[path].decode("utf-8", "replace").splitlines():
            line = re.sub(r"(?<!\\) +\Z", "", raw)
            if not line or line.startswith("#"):
                continue
            line = "#" + line[2:] if line.startswith("\\#") else "!" + line[2:] if line.startswith("\\!") else line
            if line.strip("/!"):
                found.append(_Pattern(folder, line))
    return found


def _ignored(path: str, patterns: list[_Pattern]) -> bool:
    parts = path.split("/")
    for n in range(1, len(parts) + 1):
        below = "/".join(parts[:n])
        folder = n < len(parts)
        verdict = False
        for pattern in patterns:
            if pattern.matches(below, folder):
                verdict = not pattern.back
        if verdict:
            return True  # a folder ignored: nothing in it is taken back
    return False


def no_code_ruff_ignores(tree: list[str], texts: dict[str, bytes]) -> None:
    """Refused: a committed Python source (outside what ruff leaves out by its settings) that an ignore file of the
    tree names, which ruff's walk leaves out (the module's docstring says why). texts: the tree's ignore files."""
    patterns = _patterns(texts)
    if not patterns:
        return
    for path in tree:
        if python_source(path) and not path.startswith(_NOT_LINTED) and _ignored(path, patterns):
            raise Refused(
                f"{files.shown(path)}: a committed Python source that an ignore file of the tree names ("
                f"{', '.join(IGNORE_FILES)}), which git and its review show and ruff's walk never reads; take it "
                "out of the ignore file"
            )
