"""pyproject.toml's settings by which ruff or mypy read less of some of the code than of the rest (git/extract.py
reads the file through them).

Hunt 209 refused a comment that sets a tool for a whole module (`# ruff: noqa`, `# mypy: ignore-errors`), and hunt
210 left the same settings in pyproject.toml, "settings a review shows as settings". They are the same exemption,
written in another file: `[[tool.mypy.overrides]] module = ["sle_trials.checks.strict"] ignore_errors = true` had
mypy say "Success" of the module's def returning a string where it declares a list (tested), and passed (exit 0),
as did ruff's `per-file-ignores`, an `extend-exclude` naming the module, mypy's `exclude`, `files` leaving out
the tests, `disable_error_code`, `follow_imports = "skip"`, `always_false = ["STRICT"]` (mypy then reads `if
STRICT:` as never run, as TYPE_CHECKING), a mypy plugin (Python that mypy runs, and whose hooks type what they
like) and ruff's `extend` (its settings taken from another file). The review shows one line of settings; the
module it exempts shows no sign of it, and every later change to it is held to nothing. So each is refused: ruff
may leave out only what is no code (the sources, the tests' inputs), mypy reads every module it reads of the
package, the tests and the benchmark alike, and an override may only say how an installed library's missing
types are read (the repository's `ignore_missing_imports`). Settings for every module alike (ruff's `select`,
`ignore`) are the project's rules, and pass.
"""

from __future__ import annotations

import posixpath
from typing import Any

from sle_trials import files
from sle_trials.git.refusal import Refused
from sle_trials.git.settings import pyproject

# what ruff may leave out: the data and the tests' inputs (code_files.DATA, TEST_INPUTS), which are no code
_NOT_CODE = ("seeds", "trials", "tests/hostile", "tests/fixtures")
# ruff's settings that leave files (or some files' rules) out, at the top of [tool.ruff] and in its sections
_RUFF_LEAVING_OUT = ("exclude", "extend-exclude", "per-file-ignores", "extend-per-file-ignores", "include")
# the folders mypy's `files` must read (pyproject.toml's: the package, the tests, the benchmark)
_MYPY_FILES = ("scripts/sle_trials", "tests", "benchmarks")
# mypy's settings by which it reads less of a module: each refused wherever it stands but its harmless value
_MYPY_LESS: dict[str, tuple[Any, ...]] = {
    "ignore_errors": (False,),
    "follow_imports": ("normal", "error"),
    "disable_error_code": ([],),
    "check_untyped_defs": (True,),
    "always_true": ([],),
    "always_false": ([],),
    "exclude": ([], ""),
    "exclude_gitignore": (False,),
    "plugins": ([],),
}
# what an override of some modules may turn off: how the missing types of an installed library are read
_OVERRIDE_KEYS = frozenset(("module", "ignore_missing_imports", "follow_untyped_imports"))


def _table(node: Any, *keys: str) -> dict[str, Any]:
    for key in keys:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return node if isinstance(node, dict) else {}


def _not_code(pattern: Any) -> bool:
    """Whether a ruff path pattern names what is no code alone (a folder of _NOT_CODE or a file below one)."""
    text = posixpath.normpath(str(pattern).strip("/"))  # `tests/fixtures/../../scripts` is scripts/
    return any(text == folder or text.startswith(folder + "/") for folder in _NOT_CODE)


def _ruff(settings: dict[str, Any]) -> None:
    ruff = _table(settings, "tool", "ruff")
    if "extend" in ruff:
        raise Refused(
            f"pyproject.toml: ruff's `extend = {files.printable(str(ruff['extend'])[:60])!r}`, by which it reads its "
            "settings from another file; keep them in pyproject.toml"
        )
    for section, table in (("", ruff), ("lint.", _table(ruff, "lint")), ("format.", _table(ruff, "format"))):
        for key in _RUFF_LEAVING_OUT:
            given = table.get(key)
            if given is None:
                continue
            patterns = list(given) if isinstance(given, (list, dict)) else [given]
            left = [pattern for pattern in patterns if key == "include" or not _not_code(pattern)]
            if left:
                raise Refused(
                    f"pyproject.toml: ruff's `{section}{key}` leaving out {files.printable(str(left[0])[:80])!r}, "
                    "code whose lines ruff then holds to fewer rules than the rest (a reviewer reads the module, "
                    "not this line); exempt a line where it stands (`# noqa: CODE`), or leave out no code"
                )


def _mypy(settings: dict[str, Any]) -> None:
    mypy = _table(settings, "tool", "mypy")
    listed = mypy.get("files")
    if listed is not None:
        names = [str(name).strip("/").removeprefix("./") for name in (listed if isinstance(listed, list) else [listed])]
        for folder in _MYPY_FILES:
            if not any(name in (".", "") or folder == name or folder.startswith(name + "/") for name in names):
                raise Refused(
                    f"pyproject.toml: mypy's `files` without {folder}/, whose modules `mypy` then checks no more; "
                    "list it"
                )
    overrides = mypy.get("overrides", [])
    for n, table in enumerate([mypy, *(overrides if isinstance(overrides, list) else [overrides])]):
        if not isinstance(table, dict):
            continue
        where = "[tool.mypy]" if n == 0 else f"[[tool.mypy.overrides]] number {n}"
        for key, value in table.items():
            name = key.replace("-", "_")
            less = value not in _MYPY_LESS[name] if name in _MYPY_LESS else n > 0 and value is False
            if not less or name in _OVERRIDE_KEYS:
                continue
            raise Refused(
                f"pyproject.toml: mypy's `{files.printable(key)} = {files.printable(str(value)[:60])}` in {where}, "
                "by which it checks less of some code than of the rest (a reviewer reads the module, not this "
                "line); an override may only make mypy stricter or say how an installed library's missing types "
                "are read"
            )


def no_code_checks_narrowed(path: str, data: bytes | None) -> None:
    """Refused: pyproject.toml's settings by which ruff or mypy read less of some code (the module's docstring)."""
    settings = pyproject(path, data)
    if settings is None:
        return
    _ruff(settings)
    _mypy(settings)
