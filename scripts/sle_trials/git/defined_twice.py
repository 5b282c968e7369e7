"""A definition a tool keeps the later of, where a reviewer reads the first: a Python name bound twice in its
scope, a makefile's variable or recipe, a shell function, a YAML or JSON key given twice (git/extract.py reads
each file that runs or configures the check through them)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator, Mapping

from sle_trials import files
from sle_trials.git import settings
from sle_trials.git.bound_elsewhere import (
    every_node,
    no_builtin_rebound,
    no_global_rebound,
    no_name_bound_from_elsewhere,
)
from sle_trials.git.ci_decided import no_ci_variable_written, no_failure_decided_by_ci
from sle_trials.git.class_hooks import no_class_or_module_hook, no_decorator_discarding
from sle_trials.git.code_text import python_tree
from sle_trials.git.dict_keys import no_dict_key_twice
from sle_trials.git.ended_early import no_test_ended_where_ci_runs
from sle_trials.git.examples_drawn import no_property_test_left_undrawn
from sle_trials.git.excused import no_test_excused_for_every_test
from sle_trials.git.exit_status import no_exit_status_forced
from sle_trials.git.installed import no_pip_run_by_python
from sle_trials.git.never_run import no_assert_its_guard_makes_hold, no_assert_never_run
from sle_trials.git.overwritten import no_value_overwritten
from sle_trials.git.patched_by_the_tests import no_package_patched_for_every_test
from sle_trials.git.refusal import Refused, refused_at
from sle_trials.git.run_from_text import no_code_run_from_a_string
from sle_trials.git.shell_lines import logical_line
from sle_trials.git.swallowed import no_code_after_the_end, no_failure_swallowed
from sle_trials.git.vacuous_asserts import no_assert_true_by_its_form, no_optimisation_set
from sle_trials.patterns import lazy

_MAKE_CONDITIONAL = lazy(r"(?:ifeq|ifneq|ifdef|ifndef)\b")


_MAKE_ELSE = lazy(r"else\b")


_MAKE_ENDIF = lazy(r"endif\b")


_MAKE_DEFINE = lazy(r"(?:(?:override|export|private)\s+)*define\s+([^\s:#=+?!]+)")


_MAKE_ASSIGNMENT = lazy(r"(?:(?:override|export|private)\s+)*([^\s:#=+?!]+)\s*(?:::?=|:::=|!=|=)")


# a variable's default (`MODE ?= strict`), which make gives it only where nothing gave it one before
_MAKE_DEFAULT = lazy(r"(?:(?:override|export|private)\s+)*([^\s:#=+?!]+)\s*\?=")


_MAKE_RULE = lazy(r"([^\s:#=][^:#=]*?)\s*:(?![:=])([^=;]*)(;.*)?\Z")


# a target-specific variable (`test: MODE := lax`), which holds for that target's recipe (and what it makes)
_MAKE_TARGET_VARIABLE = lazy(
    r"[^\s:#=][^:#=]*?\s*:(?![:=])\s*(?:(?:override|export|private)\s+)*([^\s:#=+?!]+)\s*(?:::?=|:::=|!=|=)"
)


_MAKE_INCLUDE = lazy(r"(?:-|s)?include[ \t]+([^#]*)")
_MAKE_BUILT = "$*?["  # what makes an include's name one make builds (a variable, a function, a pattern)


# a variable taken away (`undefine MODE`), which leaves it empty where it was given a value: a value given too
_MAKE_UNDEFINE = lazy(r"(?:(?:override|export)\s+)*undefine\s+([^\s:#=+?!]+)")


# make's own runner of text as makefile lines: `$(eval MODE := lax)`, `${eval ...}`, in a line or a recipe
_MAKE_EVAL = lazy(r"\$[({]\s*eval\s")


def _make_lines(
    path: str, data: bytes, included: Mapping[str, bytes | None], expanded: set[str]
) -> tuple[list[str], list[tuple[str, bytes, int]]]:
    """A makefile's lines as make reads them, each file it includes by a literal path (from the top, where make
    runs) in its include's place, in include order: the lines, and each one's file, its bytes and its line's
    byte offset there. An include by a name built from parts (`$(DIR)/x.mk`, a pattern: refused by
    no_make_definition_twice) is not followed, nor
    one of a file read already (expanded: whose lines are read once, which a loop or a file included many
    times over would otherwise multiply)."""
    expanded.add(path)
    lines = data.decode("utf-8", "replace").split("\n")
    out: list[str] = []
    origins: list[tuple[str, bytes, int]] = []
    offset = 0
    for line in lines:
        out.append(line)
        origins.append((path, data, offset))
        offset += len(line.encode()) + 1
        found = _MAKE_INCLUDE.match(line)
        if found is None or line.startswith("\t"):
            continue
        for word in found.group(1).split():
            name = word.removeprefix("./")
            if any(c in name for c in "$*?[%") or name in expanded:
                continue
            other = included.get(name)
            if other is not None:
                more, whence = _make_lines(name, other, included, expanded)
                out.extend(more)
                origins.extend(whence)
    return out, origins


def included_by_make(makefiles: list[str], texts: Mapping[str, bytes | None]) -> set[str]:
    """The files the makefiles (paths, their bytes in texts) include by a literal path, and those include in
    turn: read as makefiles whatever their names (`include mk/rules`, `include docs/rules.md`), which a rule of
    makefiles' lines (no_line_led_by_a_space) read by their names alone (hunt 194 left `mk/rules`; hunt 208)."""
    found: set[str] = set()
    for path in makefiles:
        data = texts.get(path)
        if data is not None:
            found.update(origin for origin, _, _ in _make_lines(path, data, texts, set())[1])
    return found - set(makefiles)


def no_make_definition_twice(path: str, data: bytes | None, included: Mapping[str, bytes | None] | None = None) -> None:
    """Refused: a makefile that gives a variable its value twice (`=`, `:=`, `!=`; not `+=` or `?=`) or a
    target its recipe twice, but in two branches of one conditional. make keeps the later (it warns of a
    recipe, "overriding recipe for target"), a reviewer reads the first: `check:` and its steps, then
    far below `check:` again with `@echo skipped`, ran the second (tested), and `MODE := strict` read
    as the mode while a later `MODE := lax` set it; both passed (exit 0). A definition in a conditional
    counts as one outside it (`ifeq (1,1)` is always true). included: the code's files by path, whose
    makefiles an `include` names by a literal path are read in its place (`include mk/local.mk` at the
    Makefile's end, giving `check:` a recipe again, overrode the Makefile's; hunt 194's review). A target's
    own value of a variable (`test: MODE := lax`, which make runs test's recipe with) is a value given the
    variable too (hunt 206), but beside another target's own (`quick: ROUNDS := 1` and `full: ROUNDS := 10`,
    which make keeps both of, each for its target). A pattern rule is given again by one of the same target and
    prerequisites alone (`%.html: %.md` and `%.html: %.rst` are two rules, make picking by the file there is).
    A default (`MODE ?= strict`) is a value given too, where a definition follows it: make keeps the later
    (`test: MODE := lax` below it ran test with lax, and passed, the review of hunt 206 found); one after a
    definition, or alone, gives nothing make keeps in place of another."""
    if data is None:
        return
    lines, origins = _make_lines(path, data, included or {}, set())
    # each name's places, with the targets whose own value it is (None: every target's, as a global value is)
    seen: dict[str, list[tuple[tuple[tuple[int, int], ...], frozenset[str] | None]]] = {}
    branch: list[tuple[int, int]] = []  # the conditionals a line is in: (which, its branch)
    opened = 0
    number = 0
    while number < len(lines):
        start = number
        number, line = logical_line(lines, number)
        if _MAKE_EVAL.search(line) and not line.lstrip().startswith("#"):
            # the makefile's exec (hunt 207's Python): `$(eval MODE := lax)` far below `MODE := strict` gave it
            # again, and `$(eval $(call SET,lax))` from parts, read by no rule here (hunt 208)
            where, held, at = origins[start]
            raise refused_at(
                where,
                held,
                at,
                "make's $(eval ...), which reads a text as lines of the makefile, definitions given again among "
                "them; write the lines themselves",
            )
        if line.startswith("\t") and _SHELL_EVAL.match(line.lstrip("\t@-+ ").encode()):
            # a recipe's step is a shell's line: `eval "$$RULES"` runs a text as the script's (hunt 208)
            where, held, at = origins[start]
            raise refused_at(where, held, at, "eval in a recipe's step, which runs a text as lines of the shell's")
        if line.startswith("\t") and (shadowing := _shadowing(line.lstrip("\t@-+ ").encode())):
            # a recipe's step is a shell's line: `test() { return 0; }; test -f x` is true there (hunt 210)
            where, held, at = origins[start]
            raise refused_at(where, held, at, f"{shadowing[1]} (in a recipe's step)")
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
        if (include := _MAKE_INCLUDE.match(words)) and any(c in include.group(1) for c in _MAKE_BUILT):
            # `include docs/rules$(EXT)`: make reads a file as makefile lines that no rule here reads as one, and
            # that no file of the code names (a document so included was read as documentation, its NUL byte and
            # lines led by spaces unread, and passed: hunt 210)
            where, held, at = origins[start]
            raise refused_at(
                where,
                held,
                at,
                f"an include of a name built from parts or a pattern ({files.printable(include.group(1).strip())}), "
                "whose file make reads as lines of the makefile that no review reads as such; include each by its path",
            )
        names = []
        targets: frozenset[str] | None = None
        if default := _MAKE_DEFAULT.match(words):
            # a variable's first value where nothing gave it one before: one a later definition then replaces
            name = f"the variable {default.group(1)}"
            if name not in seen:
                seen[name] = [(tuple(branch), None)]
            continue
        if defined := _MAKE_DEFINE.match(words):
            names = [f"the variable {defined.group(1)}"]
            while number < len(lines) and not lines[number].strip().startswith("endef"):
                number += 1  # its value's lines
        elif found := _MAKE_UNDEFINE.match(words):
            # `undefine MODE` far below `MODE := strict` left it empty, and passed (hunt 208)
            names = [f"the variable {found.group(1)}"]
        elif found := _MAKE_ASSIGNMENT.match(words):
            names = [f"the variable {found.group(1)}"]
        elif found := _MAKE_TARGET_VARIABLE.match(words):
            # `test: MODE := lax` far below `MODE := strict`: make runs test's recipe with lax (tested)
            names = [f"the variable {found.group(1)}"]
            targets = frozenset(words.split(":", 1)[0].split())  # two targets' own values are each its own
        elif (rule := _MAKE_RULE.match(words)) and (rule.group(3) or _recipe_follows(lines, number)):
            # a pattern rule is replaced by one of the same target and prerequisites alone: `%.html: %.md` and
            # `%.html: %.rst` are two rules, make picking by the file there is
            given = " ".join(rule.group(2).split())
            names = [f"the recipe of {t}" + (f" from {given}" if "%" in t else "") for t in rule.group(1).split()]
        place = tuple(branch)
        for name in names:
            if name.startswith("the variable ") and "$" in name:
                # `M$(EMPTY)ODE := lax` is MODE given again, its name built as make reads the line (hunt 208)
                where, held, at = origins[start]
                raise refused_at(
                    where,
                    held,
                    at,
                    f"{files.printable(name)}: a name built from parts as make reads it, which may be one given "
                    "elsewhere; write the name itself",
                )
            for other, theirs in seen.get(name, []):
                if targets is not None and theirs is not None and not targets & theirs:
                    continue
                apart = next((n for n, (a, b) in enumerate(zip(place, other, strict=False)) if a != b), None)
                if apart is None or place[apart][0] != other[apart][0]:
                    where, held, at = origins[start]
                    raise refused_at(
                        where,
                        held,
                        at,
                        f"{files.printable(name)} given again, which make keeps in place of the first a reviewer "
                        "reads; give it once",
                    )
            seen.setdefault(name, []).append((place, targets))


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


# a function defined where a command starts: at a line's start (a workflow's one-line step's too), or after what ends
# or starts one on the line (`;`, `&&`, `||`, `|`, `(`, `{`, a keyword): `cd x; test() { :; }` is a definition
# too, and a makefile's recipe step is such a line (hunt 210); read on the lines that are no comment (_functions)
_SHELL_FUNCTION = lazy(
    rb"(?m)(?:^[ \t]*(?:(?:-[ \t]+)?run:[ \t]*)?|[;&|({][ \t]*|\b(?:then|do|else)[ \t]+)"
    rb"(?:function[ \t]+([^\s(){}|&;<>]+)(?:[ \t]*\(\))?|([^\s(){}|&;<>=$\x22\x27]+)[ \t]*\(\))"
)


# `eval` as a command: at a line's start or after what ends or starts one (`;`, `&&`, `||`, `|`, `(`, `{`, a
# keyword), not in a comment
_SHELL_EVAL = lazy(
    rb"(?m)^(?![ \t]*#)(?:[^\n#]*?(?:[;&|({]|\b(?:then|do|else|time|command|builtin|exec)[ \t]|\brun:))?[ \t]*(eval)\b"
)


# bash's builtins (`compgen -b`), each of which a function of its name replaces at every call
_SHELL_BUILTINS = frozenset(
    b". : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown "
    b"echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile "
    b"popd printf pushd pwd read readarray readonly return set shift shopt source suspend test times trap true "
    b"type typeset ulimit umask unalias unset wait".split()
)


# bash's reserved words, which an alias (unlike a function) replaces where a command starts
_SHELL_KEYWORDS = frozenset(
    b"! [[ ]] { } case coproc do done elif else esac fi for function if in select then time until while".split()
)


# an alias defined (`alias set=:`, `alias a=b c=d`), and each name it gives
_SHELL_ALIAS = lazy(rb"(?m)^[^\n#]*?(?:^|[;&|({]|\b(?:then|do|else)[ \t]|\brun:)[ \t]*alias[ \t]+([^\n#;&|]*)")


_ALIAS_NAME = lazy(rb"(?:^|[ \t])(?:-p[ \t]+)?['\x22]?([^\s='\x22]+)=")


def _runs_steps(path: str) -> bool:
    """Whether path is a workflow's or an action's YAML, whose steps' `run:` bash runs."""
    name = files.folded(path)
    return (name.startswith(".github/") and name.endswith((".yml", ".yaml"))) or name.rpartition("/")[2] in (
        "action.yml",
        "action.yaml",
    )


def _shell_script(path: str, data: bytes) -> bool:
    return files.folded(path).endswith((".sh", ".bash")) or _SHELL_FIRST_LINE.match(data) is not None


def no_shell_function_twice(path: str, data: bytes | None, script: bool = False) -> None:
    """Refused: a shell script (named `.sh` or `.bash`, or whose `#!` line names a shell) that defines a
    function twice. bash runs the later from where it stands, a reviewer reads the first: `check() {
    .venv/bin/trials check; }`, then below it `check() { :; }` before the call, checked nothing (tested)
    and passed (exit 0). A workflow's or an action's steps (`run:`) are scripts of bash's too, each its own: read
    for eval and for names of builtins (hunt 208), not for a function defined in two steps."""
    if data is None:
        return
    script = script or _shell_script(path, data)  # (or one a script runs by its path: git/run_by_path.py)
    if not script and not _runs_steps(path):
        return
    if evaluated := _SHELL_EVAL.search(data):
        # bash's exec (hunt 207's Python, make's $(eval)): `eval "$RULES"`, its text a string far above, defines
        # `check() { :; }` again past this rule, and passed (hunt 208)
        raise refused_at(
            path,
            data,
            evaluated.start(1),
            "eval, which runs a text as lines of the script, a function defined again among them; write the "
            "lines themselves",
        )
    if shadowing := _shadowing(data):
        raise refused_at(path, data, *shadowing)
    seen: set[bytes] = set()
    for found in _functions(data):
        name = found.group(1) or found.group(2)
        if name in seen and script:
            raise refused_at(
                path,
                data,
                found.start(),
                f"the function {files.printable(name.decode('utf-8', 'replace'))} defined again, which bash runs "
                "from there in place of the first a reviewer reads; define it once",
            )
        seen.add(name)


def _functions(data: bytes) -> Iterator[re.Match[bytes]]:
    """Each function a shell's text defines (_SHELL_FUNCTION's match, its name group 1 or 2), on its lines that are
    no comment."""
    start = 0
    while start <= len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if not data[start:end].lstrip().startswith(b"#"):
            yield from _SHELL_FUNCTION.finditer(data, start, end)
        start = end + 1


def _shadowing(data: bytes) -> tuple[int, str] | None:
    """Where a shell's text (a script, a workflow's steps, a makefile's recipe step) defines a function named as a
    builtin or a path, or an alias of a builtin's or a keyword's name, which the shell runs in their place at each
    use: the offset, and what it is."""
    for found in _SHELL_ALIAS.finditer(data):
        for name in _ALIAS_NAME.findall(found.group(1)):
            if name in _SHELL_BUILTINS or name in _SHELL_KEYWORDS:
                # with `shopt -s expand_aliases`, `alias set=:` above `set -euo pipefail` left -e off (hunt 208)
                return found.start(), (
                    f"the alias {files.printable(name.decode('utf-8', 'replace'))}, which bash runs in place of the "
                    "builtin or keyword of that name a reviewer reads at each use; name it otherwise"
                )
    for found in _functions(data):
        name = found.group(1) or found.group(2)
        if name in _SHELL_BUILTINS or b"/" in name:
            # bash (but in POSIX mode) runs a function before a builtin or a command of its name: `set() { :; }`
            # above `set -euo pipefail` left -e off, and `.venv/bin/python() { :; }` ran no extraction (hunt 208);
            # dash (make's /bin/sh) too, but for its special builtins: `test() { return 0; }; test -f x` in a
            # recipe's step was true (hunt 210)
            return found.start(), (
                f"the function {files.printable(name.decode('utf-8', 'replace'))}, which bash runs in place of "
                + ("the command of that path" if b"/" in name else "the builtin of that name")
                + " a reviewer reads at each call; name it otherwise"
            )
    return None


# The decorators by which a def binds its name again on purpose: typing.overload (each overload, then the
# def that runs), a property's setter (`@x.setter def x`, after `@property def x`), a singledispatch's
# `@f.register def _`; what each binds, to be bound again only after what it binds again
_OVERLOAD, _DEF, _PROPERTY, _REGISTERED = "an overload", "a def", "a property's", "registered"
_ACCESSORS = frozenset(("setter", "getter", "deleter"))
_AFTER = {_OVERLOAD: (_OVERLOAD,), _DEF: (_OVERLOAD,), _PROPERTY: (_DEF, _PROPERTY), _REGISTERED: (_REGISTERED,)}


def no_name_bound_twice(path: str, data: bytes | None, giver: Callable[[str, str], bool] | None = None) -> None:
    """Refused: a Python source whose module or class binds a name twice (a def, a class, an assignment),
    but in two branches of one `if` (or a `try` and its handler), or a def its decorator binds again (an
    overload, a property's setter). Python keeps the later, a reviewer reads the first: `def check(record):`
    and its rules, then far below `def check(record): return []`, ran the second, and so did one in an `if
    True:` block; `STRICT = True` set again to False at the module's end; each passed (exit 0). Every way a
    module or a class binds a name counts (hunt 194's review): a tuple's, a list's or a starred target, an
    augmented assignment (`STRICT &= False`; `+=` and `|=` add to a name bound to a list, a tuple, a set or
    a string, and pass), a `for`'s or a `with`'s target, `:=`, an import's name or alias (the same import
    again binds the same module), a `case` pattern's names (each `case` read as a branch of an `if`), and an
    `except` clause's `as` name (which unbinds it after). The repository binds no such name twice. A function's
    names are read by git/overwritten.py: one bound again before its value is read; and a name bound from
    another module (a star import, `strict.check = ...`) by git/bound_elsewhere.py, a dict display's key given
    twice by git/dict_keys.py (hunt 206), and code run from a string by git/run_from_text.py (hunt 207)."""
    if data is None:
        return
    tree = python_tree(data)
    if tree is None:
        return  # left to fail where it runs
    _bound_once(path, tree.body, {}, ())
    statements: list[ast.AST] = list(tree.body)
    while statements:  # (statements alone: a walk of every node was most of the time)
        statement = statements.pop()
        if isinstance(statement, ast.ClassDef):
            _bound_once(path, statement.body, {}, ())
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            statements.extend(getattr(statement, field, None) or [])
    no_value_overwritten(path, tree)
    nodes = every_node(tree)
    no_name_bound_from_elsewhere(path, nodes, giver)
    no_dict_key_twice(path, nodes)
    no_code_run_from_a_string(path, nodes)
    no_builtin_rebound(path, tree)
    no_class_or_module_hook(path, tree)
    no_decorator_discarding(path, tree)
    no_package_patched_for_every_test(path, data, tree)
    no_exit_status_forced(path, data, tree)
    no_test_excused_for_every_test(path, data, tree)
    no_property_test_left_undrawn(path, data, tree)
    no_optimisation_set(path, data, tree, nodes)
    no_assert_true_by_its_form(path, nodes)
    no_failure_swallowed(path, tree, nodes)
    no_code_after_the_end(path, nodes)
    no_test_ended_where_ci_runs(path, tree)
    no_failure_decided_by_ci(path, tree)
    if b"environ" in data or b"env(" in data:  # (few sources write the environment)
        no_ci_variable_written(path, tree)
    no_assert_never_run(path, tree)
    no_assert_its_guard_makes_hold(path, tree)
    if b"pip" in data:  # (few sources name it)
        no_pip_run_by_python(path, nodes)
    if b"global" in data:  # (a walk of each function, for a statement few modules hold)
        no_global_rebound(path, tree)


def _targets(node: ast.AST) -> list[str]:
    """The names an assignment's, a loop's or a `with`'s target binds: through tuples, lists and starred
    targets (an attribute or a subscript binds no name of the scope)."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Starred):
        return _targets(node.value)
    if isinstance(node, (ast.Tuple, ast.List)):
        return [name for item in node.elts for name in _targets(item)]
    return []


def _walrus_names(nodes: list[ast.AST]) -> list[str]:
    """The names `:=` binds in the scope of the statement nodes are parts of (a comprehension's too, which
    binds its target in the scope around it; a lambda's body is a scope of its own)."""
    names: list[str] = []
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        if isinstance(node, ast.Lambda):
            stack.extend(node.args.defaults + [d for d in node.args.kw_defaults if d is not None])
            continue
        stack.extend(ast.iter_child_nodes(node))
    return names


def _pattern_names(pattern: ast.AST) -> list[str]:
    """The names a `case` pattern binds (a capture, `*rest`, `**rest`, `as NAME`)."""
    names = []
    for node in ast.walk(pattern):
        if isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name is not None:
            names.append(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest is not None:
            names.append(node.rest)
    return names


def _own_expressions(statement: ast.stmt) -> list[ast.AST]:
    """The parts of a statement that run in its scope, but the blocks of statements it holds (read as
    statements themselves) and a def's or a class's body (a scope of its own)."""
    blocks = ("body", "orelse", "finalbody", "handlers", "cases")
    parts: list[ast.AST] = []
    for field, value in ast.iter_fields(statement):
        if field in blocks:
            continue
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and field == "args":
            parts.extend(statement.args.defaults + [d for d in statement.args.kw_defaults if d is not None])
            continue
        parts.extend(item for item in (value if isinstance(value, list) else [value]) if isinstance(item, ast.AST))
    return parts


# What an augmented assignment `+=` or `|=` adds to and cannot take from (a list, a tuple, a set, a string)
_ITEMS = (ast.List, ast.Tuple, ast.Set, ast.ListComp, ast.SetComp, ast.JoinedStr)
_ADDED, _ADDED_TO = "added to", "items"


def _kind(value: ast.expr | None) -> str | None:
    """_ADDED_TO for an assignment's value an augmented `+=` or `|=` can only add to, else None."""
    if isinstance(value, _ITEMS) or (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return _ADDED_TO
    return None


def _def_kind(statement: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> str | None:
    """What a def binds its name as, by its decorators (_AFTER: what it may bind again), or None (a class)."""
    if isinstance(statement, ast.ClassDef):
        return None
    for decorator in statement.decorator_list:
        named = decorator.func if isinstance(decorator, ast.Call) else decorator
        said = named.attr if isinstance(named, ast.Attribute) else getattr(named, "id", "")
        owner = named.value if isinstance(named, ast.Attribute) else None
        if said == "overload":
            return _OVERLOAD
        if said in _ACCESSORS and isinstance(owner, ast.Name) and owner.id == statement.name:
            return _PROPERTY
        if said == "register" and statement.name == "_":
            return _REGISTERED
    return _DEF


def _names_bound(statement: ast.stmt) -> list[tuple[str, str | None]]:
    """Each name a statement binds in its scope, with what an import binds it to (a second import of the same
    is the same object, `import os` and `import os.path` too), None for any other binding."""
    names: list[tuple[str, str | None]] = [(name, None) for name in _walrus_names(_own_expressions(statement))]
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        names.append((statement.name, _def_kind(statement)))
    elif isinstance(statement, ast.Assign):
        kind = _kind(statement.value) if len(statement.targets) == 1 else None
        names.extend((name, kind) for target in statement.targets for name in _targets(target))
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        names.extend((name, _kind(statement.value)) for name in _targets(statement.target))
    elif isinstance(statement, ast.AugAssign):  # `__all__ += [...]` adds to a list, `STRICT &= False` binds anew
        kind = _ADDED if isinstance(statement.op, (ast.Add, ast.BitOr)) else None
        names.extend((name, kind) for name in _targets(statement.target))
    elif isinstance(statement, (ast.For, ast.AsyncFor)):
        names.extend((name, None) for name in _targets(statement.target))
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        names.extend((name, None) for item in statement.items for name in _targets(item.optional_vars or ast.Pass()))
    elif isinstance(statement, ast.Import):
        for alias in statement.names:
            if alias.asname is None:
                top = alias.name.split(".")[0]
                names.append((top, f"import {top}"))
            else:
                names.append((alias.asname, f"import {alias.name}"))
    elif isinstance(statement, ast.ImportFrom):
        source = "." * statement.level + (statement.module or "")
        names.extend((alias.asname or alias.name, f"from {source} import {alias.name}") for alias in statement.names)
    elif type(statement).__name__ == "TypeAlias":  # `type X = ...` (Python 3.12)
        names.extend((name, None) for name in _targets(getattr(statement, "name", ast.Pass())))
    return names


def _bound_once(
    path: str,
    body: list[ast.stmt],
    seen: dict[str, tuple[tuple[tuple[int, int], ...], str | None]],
    place: tuple[tuple[int, int], ...],
) -> None:
    """Refused (no_name_bound_twice): a name bound twice in body and the blocks it runs in the same scope;
    place: the branches of the `if`, `try` and `match` statements body is in (which, its branch)."""
    for statement in body:
        _bind(path, statement, _names_bound(statement), seen, place)
        branches: list[list[ast.stmt]] = []
        after: list[ast.stmt] = []  # what runs after the branches, whichever ran
        if isinstance(statement, ast.If):
            branches = [statement.body, statement.orelse]
        elif isinstance(statement, (ast.Try, ast.TryStar)):
            branches = [statement.body, *(handler.body for handler in statement.handlers)]
            after = statement.orelse + statement.finalbody
            for n, handler in enumerate(statement.handlers, start=1):
                if handler.name is not None:  # `except E as NAME` binds NAME, and unbinds it after
                    _bind(path, handler, [(handler.name, None)], dict(seen), (*place, (id(statement), n)))
        elif isinstance(statement, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
            after = statement.body + getattr(statement, "orelse", [])
        elif isinstance(statement, ast.Match):
            for n, case in enumerate(statement.cases):
                case_place = (*place, (id(statement), n))
                bound = _pattern_names(case.pattern) + (_walrus_names([case.guard]) if case.guard else [])
                _bind(path, case, [(name, None) for name in bound], seen, case_place)
            branches = [case.body for case in statement.cases]
        for n, branch in enumerate(branches):
            _bound_once(path, branch, seen, (*place, (id(statement), n)))
        _bound_once(path, after, seen, place)


def _bind(
    path: str,
    at: ast.stmt | ast.excepthandler | ast.match_case,
    names: list[tuple[str, str | None]],
    seen: dict[str, tuple[tuple[tuple[int, int], ...], str | None]],
    place: tuple[tuple[int, int], ...],
) -> None:
    """Refused: one of names (with what an import binds it to) bound already in seen, but in another branch of
    one statement, by the same import, added to (`+=`, `|=`) where bound to a list, a tuple, a set or a
    string, or by a def after what its decorator binds again (_AFTER); else each is seen at place."""
    added = (_ADDED, _ADDED_TO)
    for name, imported in names:
        if name in seen:
            other, was = seen[name]
            apart = next((n for n, (a, b) in enumerate(zip(place, other, strict=False)) if a != b), None)
            again = imported is not None and imported == was and imported.startswith(("import ", "from "))
            again = again or (imported, was) == added or was in _AFTER.get(imported or "", ())
            if (apart is None or place[apart][0] != other[apart][0]) and not again:
                line = getattr(at, "lineno", None) or getattr(getattr(at, "pattern", None), "lineno", 0)
                raise Refused(
                    f"{files.shown(path)} line {line}: the name {name!r} bound again in its scope, "
                    "which Python keeps in place of the first a reviewer reads; bind it once"
                )
        seen[name] = (place, _ADDED_TO if imported == _ADDED else imported)


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
