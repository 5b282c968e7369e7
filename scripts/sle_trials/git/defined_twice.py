"""A definition a tool keeps the later of, where a reviewer reads the first: a Python name bound twice in its
scope, a makefile's variable or recipe, a shell function, a YAML or JSON key given twice (git/extract.py reads
each file that runs or configures the check through them)."""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git import settings
from sle_trials.git.refusal import Refused, refused_at
from sle_trials.patterns import lazy

_MAKE_CONDITIONAL = lazy(r"(?:ifeq|ifneq|ifdef|ifndef)\b")


_MAKE_ELSE = lazy(r"else\b")


_MAKE_ENDIF = lazy(r"endif\b")


_MAKE_DEFINE = lazy(r"(?:(?:override|export|private)\s+)*define\s+([^\s:#=+?!]+)")


_MAKE_ASSIGNMENT = lazy(r"(?:(?:override|export|private)\s+)*([^\s:#=+?!]+)\s*(?:::?=|:::=|!=|=)")


_MAKE_RULE = lazy(r"([^\s:#=][^:#=]*?)\s*:(?![:=])([^=;]*)(;.*)?\Z")


def no_make_definition_twice(path: str, data: bytes | None) -> None:
    """Refused: a makefile that gives a variable its value twice (`=`, `:=`, `!=`; not `+=` or `?=`) or a
    target its recipe twice, but in two branches of one conditional. make keeps the later (it warns of a
    recipe, "overriding recipe for target"), a reviewer reads the first: `check:` and its steps, then
    far below `check:` again with `@echo skipped`, ran the second (tested), and `MODE := strict` read
    as the mode while a later `MODE := lax` set it; both passed (exit 0). A definition in a conditional
    counts as one outside it (`ifeq (1,1)` is always true)."""
    if data is None:
        return
    lines = data.decode("utf-8", "replace").split("\n")
    seen: dict[str, list[tuple[tuple[int, int], ...]]] = {}
    branch: list[tuple[int, int]] = []  # the conditionals a line is in: (which, its branch)
    opened = 0
    number = 0
    while number < len(lines):
        start = number
        line = lines[number]
        while line.endswith("\\") and number + 1 < len(lines):
            number += 1
            line = line[:-1] + " " + lines[number]
        number += 1
        if line.startswith("\t") or not line.strip() or line.lstrip().startswith("#"):
            continue
        words = line.strip()
        if _MAKE_CONDITIONAL.match(words):
            opened += 1
            branch.append((opened, 0))
            continue
        if _MAKE_ELSE.match(words) and branch:
            branch[-1] = (branch[-1][0], branch[-1][1] + 1)
            continue
        if _MAKE_ENDIF.match(words) and branch:
            branch.pop()
            continue
        names = []
        if defined := _MAKE_DEFINE.match(words):
            names = [f"the variable {defined.group(1)}"]
            while number < len(lines) and not lines[number].strip().startswith("endef"):
                number += 1  # its value's lines
        elif found := _MAKE_ASSIGNMENT.match(words):
            names = [f"the variable {found.group(1)}"]
        elif (rule := _MAKE_RULE.match(words)) and (rule.group(3) or _recipe_follows(lines, number)):
            names = [f"the recipe of {target}" for target in rule.group(1).split()]
        place = tuple(branch)
        for name in names:
            for other in seen.get(name, []):
                apart = next((n for n, (a, b) in enumerate(zip(place, other, strict=False)) if a != b), None)
                if apart is None or place[apart][0] != other[apart][0]:
                    raise refused_at(
                        path,
                        data,
                        len("\n".join(lines[:start]).encode()) + (1 if start else 0),
                        f"{files.printable(name)} given again, which make keeps in place of the first a reviewer "
                        "reads; give it once",
                    )
            seen.setdefault(name, []).append(place)


def _recipe_follows(lines: list[str], at: int) -> bool:
    """Whether a makefile's rule whose line ends before lines[at] has a recipe: a line led by a tab after
    it, past blank lines and comments (make takes `@echo skipped` after a blank line and a comment as
    the recipe of the rule above them)."""
    for line in lines[at:]:
        if line.startswith("\t"):
            return True
        if line.strip() and not line.lstrip().startswith("#"):
            return False
    return False


_SHELL_FIRST_LINE = lazy(rb"#![^\n]*\b(?:ba|da|z|k)?sh\b")


_SHELL_FUNCTION = lazy(
    rb"(?m)^[ \t]*(?:function[ \t]+([^\s(){}|&;<>]+)(?:[ \t]*\(\))?|([^\s(){}|&;<>=$\x22\x27]+)[ \t]*\(\))"
)


def _shell_script(path: str, data: bytes) -> bool:
    return files.folded(path).endswith((".sh", ".bash")) or _SHELL_FIRST_LINE.match(data) is not None


def no_shell_function_twice(path: str, data: bytes | None) -> None:
    """Refused: a shell script (named `.sh` or `.bash`, or whose `#!` line names a shell) that defines a
    function twice. bash runs the later from where it stands, a reviewer reads the first: `check() {
    .venv/bin/trials check; }`, then below it `check() { :; }` before the call, checked nothing (tested)
    and passed (exit 0)."""
    if data is None or not _shell_script(path, data):
        return
    seen: set[bytes] = set()
    for found in _SHELL_FUNCTION.finditer(data):
        name = found.group(1) or found.group(2)
        if name in seen:
            raise refused_at(
                path,
                data,
                found.start(),
                f"the function {files.printable(name.decode('utf-8', 'replace'))} defined again, which bash runs "
                "from there in place of the first a reviewer reads; define it once",
            )
        seen.add(name)


# The decorators by which a def binds its name again on purpose (typing.overload, a property's setter ...)
_REBINDING = frozenset(("overload", "setter", "getter", "deleter", "register"))


def no_name_bound_twice(path: str, data: bytes | None) -> None:
    """Refused: a Python source whose module or class binds a name twice (a def, a class, an assignment),
    but in two branches of one `if` (or a `try` and its handler), or a def its decorator binds again (an
    overload, a property's setter). Python keeps the later, a reviewer reads the first: `def check(record):`
    and its rules, then far below `def check(record): return []`, ran the second, and so did one in an `if
    True:` block; `STRICT = True` set again to False at the module's end; each passed (exit 0). The
    repository binds no such name twice."""
    if data is None:
        return
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return  # left to fail where it runs
    _bound_once(path, tree.body, {}, ())
    statements: list[ast.AST] = list(tree.body)
    while statements:  # (statements alone: a walk of every node was most of the time)
        statement = statements.pop()
        if isinstance(statement, ast.ClassDef):
            _bound_once(path, statement.body, {}, ())
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            statements.extend(getattr(statement, field, None) or [])


def _bound_once(
    path: str, body: list[ast.stmt], seen: dict[str, tuple[tuple[int, int], ...]], place: tuple[tuple[int, int], ...]
) -> None:
    """Refused (no_name_bound_twice): a name bound twice in body and the blocks it runs in the same scope;
    place: the branches of the `if` and `try` statements body is in (which, its branch)."""
    for statement in body:
        names: list[str] = []
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            decorators = {d.func if isinstance(d, ast.Call) else d for d in statement.decorator_list}
            said = {d.attr if isinstance(d, ast.Attribute) else getattr(d, "id", "") for d in decorators}
            names = [] if said & _REBINDING else [statement.name]
        elif isinstance(statement, ast.Assign):
            names = [target.id for target in statement.targets if isinstance(target, ast.Name)]
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            names = [statement.target.id] if isinstance(statement.target, ast.Name) else []
        for name in names:
            other = seen.get(name)
            if other is not None:
                apart = next((n for n, (a, b) in enumerate(zip(place, other, strict=False)) if a != b), None)
                if apart is None or place[apart][0] != other[apart][0]:
                    raise Refused(
                        f"{files.shown(path)} line {statement.lineno}: the name {name!r} bound again in its scope, "
                        "which Python keeps in place of the first a reviewer reads; bind it once"
                    )
            seen[name] = place
        branches: list[list[ast.stmt]] = []
        after: list[ast.stmt] = []  # what runs after the branches, whichever ran
        if isinstance(statement, ast.If):
            branches = [statement.body, statement.orelse]
        elif isinstance(statement, ast.Try):
            branches = [statement.body, *(handler.body for handler in statement.handlers)]
            after = statement.orelse + statement.finalbody
        elif isinstance(statement, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
            after = statement.body
        for n, branch in enumerate(branches):
            _bound_once(path, branch, seen, (*place, (id(statement), n)))
        _bound_once(path, after, seen, place)


def no_key_twice(path: str, data: bytes | None) -> None:
    """Refused: a YAML or JSON file that runs or configures the check giving a mapping's key twice
    (settings.key_twice). Its tool reads the later value, a reviewer the first: a hook of
    `.pre-commit-config.yaml` saying `entry: .venv/bin/trials validate` and, lines below, `entry: "true"`
    ran `true` (PyYAML keeps the later), and passed (exit 0); so did a schema's `"minimum": 0` given again
    as `-1000`."""
    if data is None:
        return
    found = settings.key_twice(files.folded(path.rpartition("/")[2]), data.decode("utf-8", "replace"))
    if found is not None:
        raise Refused(f"{files.shown(path)} line {found.line}: {found.said}")
