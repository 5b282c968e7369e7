"""A comment that gives a tool's settings for a whole Python source: what the checks of the code (ruff, mypy) read
as the module's settings, and a reviewer as a comment (git/extract.py reads each Python source through it)."""

from __future__ import annotations

import io
import tokenize

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.patterns import lazy

# ruff's (and flake8's) exemption of a whole file from every rule or from those it names, on any line and anywhere in
# a comment (after other words too: tested); ruff's and isort's skip of a whole file's import order; mypy's settings
# of one module (ignore-errors, disable-error-code), on any line
_FILE_SETTING = lazy(r"(?i)#\s*(?:(?:ruff|flake8)\s*:\s*noqa\b|(?:ruff\s*:\s*)?isort\s*:\s*skip_file\b|mypy\s*:)")
# mypy's ignore of a whole module: `# type: ignore` on a line of its own before the module's first statement
_TYPE_IGNORE = lazy(r"(?i)#\s*type\s*:\s*ignore\b")
# the bytes without which a source holds none of them (read first: tokenizing every source was most of the time)
_ANY = lazy(rb"(?i)noqa|skip_file|mypy|type\s*:\s*ignore")
_BEFORE_CODE = frozenset((tokenize.ENCODING, tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE))


def no_settings_in_a_comment(path: str, data: bytes | None) -> None:
    """Refused: a Python source holding a comment that sets a tool for the whole file. ruff reads `# ruff: noqa`
    (or `# flake8: noqa`) on any line as the file exempt from every rule, mypy `# mypy: ignore-errors` as the module
    exempt from its checks, and `# type: ignore` on a line of its own above the first statement as the whole
    module unchecked (tested: "Success" of a module returning a string where it declares a list). A pull request
    adding one such line to a module of the checker's passed (exit 0), its review one comment; merged, every later
    change to the module was held to no rule of pyproject.toml's, as a `ruff.toml` below the top would hold it
    (code_files.no_settings_below). A comment exempting one line (`# noqa: E501`, `x = f()  # type: ignore[...]`)
    passes: its scope is the line a reviewer reads it on. The repository holds none."""
    if data is None or not _ANY.search(data):
        return
    code_seen = False
    try:
        for token in tokenize.tokenize(io.BytesIO(data).readline):
            code_seen = code_seen or token.type not in _BEFORE_CODE
            if token.type != tokenize.COMMENT:
                continue
            whole_module = not code_seen and _TYPE_IGNORE.match(token.string) is not None
            if _FILE_SETTING.search(token.string) or whole_module:
                raise Refused(
                    f"{files.shown(path)} line {token.start[0]}: `{files.printable(token.string[:60])}`, which "
                    "its tool reads as the settings of the whole file (its checks turned off there) and a reviewer "
                    "as a comment; keep the settings in pyproject.toml, or exempt the one line"
                )
    except (tokenize.TokenError, SyntaxError):
        return  # left to fail where it runs
