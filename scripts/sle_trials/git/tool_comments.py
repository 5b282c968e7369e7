"""What the checks of the code (ruff, mypy) read of a Python source otherwise than a reviewer: a comment they read as
the settings of the whole file, and a branch mypy takes as never run (git/extract.py reads each Python source through
them)."""

from __future__ import annotations

import ast
import io
import tokenize

from sle_trials import files
from sle_trials.git.code_text import python_tree
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
                    "as a comment; keep the settings in pyproject.toml, for all code alike, or exempt the one line"
                )
    except (tokenize.TokenError, SyntaxError):
        return  # left to fail where it runs


# What mypy takes as true where Python takes it as false (typing.TYPE_CHECKING, and a name MYPY), so that the branch
# Python runs is the one mypy reads none of. (sys.version_info and sys.platform mypy reads as its settings give them,
# which the Python that runs the check may match: a branch of each is honest code, tests/test_attacks_pr_hunt194.py.)
_TRUE_FOR_MYPY = frozenset(("TYPE_CHECKING", "MYPY"))
# the decorator under which mypy reads no line of a function or a class (typing's, and its _decorator)
_NO_TYPE_CHECK = "no_type_check"


def _fixed_for_mypy(test: ast.expr) -> bool:
    """Whether a condition reads TYPE_CHECKING or MYPY (negated or compared too)."""
    return any(
        (isinstance(node, ast.Name) and node.id in _TRUE_FOR_MYPY)
        or (isinstance(node, ast.Attribute) and node.attr in _TRUE_FOR_MYPY)
        for node in ast.walk(test)
    )


def no_code_mypy_skips(path: str, data: bytes | None) -> None:
    """Refused, in a Python source but the tests': code under a condition mypy takes as true and Python as false
    (TYPE_CHECKING, a name MYPY), but the imports of an `if TYPE_CHECKING:` block, and a def under
    `@no_type_check`. mypy checks no line of the branch it takes as never run, which is the one Python runs: `if
    TYPE_CHECKING:` over a typed stub of `check`, then `else:` over the `check` Python runs, returning a string
    where the stub declares a list, had mypy say "Success" (tested), and passed (exit 0); so did `if not
    TYPE_CHECKING:` and `if MYPY:`, and `@typing.no_type_check` over a def, whose lines mypy reads none of
    (tested). The repository's `if TYPE_CHECKING:` blocks import names for annotations alone, which pass."""
    if data is None or not any(word in data for word in (b"TYPE_CHECKING", b"MYPY", b"no_type_check")):
        return
    if path.startswith("tests/"):
        return  # (the tests are read by what runs them, where they are checked)
    tree = python_tree(data)
    if tree is None:
        return  # left to fail where it runs
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and any(
            _NO_TYPE_CHECK in ast.unparse(decorator) for decorator in node.decorator_list
        ):
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: @{_NO_TYPE_CHECK}, under which mypy checks no line of "
                f"{node.name}; remove it"
            )
        if not isinstance(node, (ast.If, ast.Assert, ast.IfExp, ast.While)) or not _fixed_for_mypy(node.test):
            continue
        imports_alone = (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name | ast.Attribute)
            and not node.orelse
            and all(isinstance(statement, (ast.Import, ast.ImportFrom)) for statement in node.body)
        )
        if not imports_alone:
            raise Refused(
                f"{files.shown(path)} line {node.lineno}: code under a condition mypy takes as true and Python as "
                "false (TYPE_CHECKING, MYPY), of whose branch Python runs mypy checks no line; keep `if "
                "TYPE_CHECKING:` to imports alone"
            )
