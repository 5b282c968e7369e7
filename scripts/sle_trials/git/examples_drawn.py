"""Property tests told to draw no example for every test (git/defined_twice.py reads each Python source of the tests
through it).

hypothesis runs a property test (`@given(...)`) on the examples it draws in its phase `generate`; with `phases`
that leave it out (`[Phase.explicit]`, or none), the test runs only its `@example`s, and with none of them pytest
reports it "skipped" and exits 0. tests/conftest.py's `settings.register_profile("quick",
phases=[Phase.explicit])` and `settings.load_profile("quick")` (loaded for every test, as the repository's
`repeatable` profile is) had a property test asserting `n != n` skipped (tested), and passed (exit 0, hunt 214);
so would `phases` in tests/record_strategies.py's `SETTINGS`, which every property test of the repository is given.
So the tests name hypothesis's `Phase`, or give `phases` to its settings or to a mapping of a module that uses
hypothesis, only in a test's own decorators (a test's own `@settings(phases=...)` is read over it, as its marks
are). The repository gives none: its `phases` are trials'.

A mapping carries its keys across modules: `BASE = {'phases': ()}` in tests/helpers.py, which imports no
hypothesis, and `SETTINGS = dict(deadline=None, **BASE)` in tests/record_strategies.py had every property test
given SETTINGS draw nothing, and passed (exit 0, hunt 215). So in every module of the tests, whatever it imports,
`phases` given as a mapping's key (built from parts too, bound by a subscript or paired in a tuple) or to
`settings`, `register_profile` or `dict` outside a test's body is refused unless it holds a trial's data: strings,
or displays of them (`["PHASE1"]`), which no hypothesis setting is.

How many examples are drawn is set as the phases are: `settings.register_profile("quick", max_examples=1)` and
`settings.load_profile("quick")` in a test module, `hypothesis._settings.default_variable.value = settings(
max_examples=1)`, `settings._profiles[...]`, `getattr(settings, "load_" + "profile")` each had a property test
failing past its first example pass (tested), and passed (exit 0, hunt 216). So in the tests a profile may not set
`max_examples` below hypothesis's own 100 (nor take a parent's settings or a mapping, which may), and hypothesis's
private names, its names given to setattr() or bound, or an attribute of them got by a name built as it runs, are
refused; tests/conftest.py's `repeatable` profile (derandomized, no database) and a test's own `@settings(
max_examples=10)` pass.
"""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.built_names import constants_of, text_of
from sle_trials.git.refusal import Refused

_TESTS = "tests/"
_HYPOTHESIS = "hypothesis"
_PHASE, _PHASES = "Phase", "phases"
# hypothesis's calls that take `phases`, and the mapping a test's settings may be given (`**SETTINGS`)
_SETTINGS_CALLS = frozenset(("settings", "register_profile", "dict"))
# the settings of how many examples a profile has each test draw, and hypothesis's own number of them
_DRAWING = frozenset(("max_examples", "stateful_step_count"))
_DEFAULT_EXAMPLES = 100
_SETTINGS = "settings"
# hypothesis's private module of its settings and the names in it that hold every test's (hypothesis 6.x)
_PRIVATE_SETTINGS = frozenset(("_settings", "default_variable", "_current_profile", "_profiles"))


def _tests(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The tests' functions (`test...`, a method's too)."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")
    ]


def _within(nodes: list[ast.AST]) -> set[int]:
    return {id(inner) for node in nodes for inner in ast.walk(node)}


def _uses_hypothesis(tree: ast.Module) -> bool:
    return any(
        (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == _HYPOTHESIS)
        or (isinstance(node, ast.Import) and any(alias.name.split(".")[0] == _HYPOTHESIS for alias in node.names))
        for node in ast.walk(tree)
    )


def _trials_phases(value: ast.expr) -> bool:
    """Whether a value is a trial's data (a string, or a display of data: `["PHASE1"]`, a sentence's fields), which
    no hypothesis setting is: not an empty display, nor a name, an attribute or a call (`()`, `Phase.explicit`,
    `tuple()`, `NONE`), in it or as it."""
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return bool(value.elts) and all(_trials_phases(item) for item in value.elts)
    if isinstance(value, ast.Dict):
        return all(_trials_phases(item) for item in value.values)
    return False


def _phases_carried(node: ast.AST, constants: dict[str, str]) -> bool:
    """Whether a node of a module of the tests (one that imports no hypothesis too) gives `phases` other than a
    trial's: a mapping's key (`{'phases': ()}`, its name built from parts) or a keyword of `settings`,
    `register_profile` or `dict`."""
    if isinstance(node, ast.Dict):
        return any(
            key is not None and text_of(key, constants) == _PHASES and not _trials_phases(value)
            for key, value in zip(node.keys, node.values)
        )
    if isinstance(node, ast.Call):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return called in _SETTINGS_CALLS and any(
            keyword.arg == _PHASES and not _trials_phases(keyword.value) for keyword in node.keywords
        )
    # `BASE["phases"] = ()`, a pair `("phases", ())` of `dict([...])`
    if isinstance(node, ast.Assign):
        return not _trials_phases(node.value) and any(
            isinstance(target, ast.Subscript) and text_of(target.slice, constants) == _PHASES for target in node.targets
        )
    if isinstance(node, ast.Tuple) and len(node.elts) == 2:
        return text_of(node.elts[0], constants) == _PHASES and not _trials_phases(node.elts[1])
    return False


def _phases_given(node: ast.AST, in_a_test: bool) -> bool:
    """Whether a node gives hypothesis's settings their phases: `settings(phases=...)`, `register_profile(...,
    phases=...)`, `dict(phases=...)`, or a dict display's key `"phases"` whose value is a list, a tuple or a set;
    in_a_test, a test's body, whose mappings are its own (a trial's `phases`), and which loads a profile of every
    test's by hypothesis's calls alone."""
    if isinstance(node, ast.Call):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        settings = called in _SETTINGS_CALLS and not (in_a_test and called == "dict")
        return settings and any(keyword.arg == _PHASES for keyword in node.keywords)
    if isinstance(node, ast.Dict) and not in_a_test:
        return any(
            isinstance(key, ast.Constant) and key.value == _PHASES and isinstance(value, (ast.List, ast.Tuple, ast.Set))
            for key, value in zip(node.keys, node.values)
        )
    return False


def no_property_test_left_undrawn(path: str, data: bytes, tree: ast.Module) -> None:
    """Refused, in the tests' Python that uses hypothesis: its `Phase` named, or `phases` given its settings, but in
    a test's own decorators (the module's docstring says why)."""
    if not path.startswith(_TESTS):
        return
    if _HYPOTHESIS.encode() in data and _uses_hypothesis(tree):
        _no_phases_named(path, tree)
        _no_profile_drawing_fewer(path, tree)
    _no_phases_carried(path, tree)  # (every module, whatever it imports: the name may be built from any parts)


def _no_phases_named(path: str, tree: ast.Module) -> None:
    tests = _tests(tree)
    own = _within([decorator for test in tests for decorator in test.decorator_list])
    bodies = _within([statement for test in tests for statement in test.body])
    for node in ast.walk(tree):
        if id(node) in own:
            continue
        # (its import aside: a test's own decorator may name it)
        named = (isinstance(node, ast.Attribute) and node.attr == _PHASE) or (
            isinstance(node, ast.Name) and node.id == _PHASE
        )
        if named or _phases_given(node, id(node) in bodies):
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 1)}: hypothesis's "
                f"{'`Phase`' if named else '`phases`'} set for more than a test's own decorators: phases without "
                "`generate` have each property test they reach draw no example, and pytest reports it skipped and "
                "exits 0; set phases on a test itself, with its `@settings`"
            )


def _no_phases_carried(path: str, tree: ast.Module) -> None:
    """Refused, in a module of the tests (whether or not it imports hypothesis): `phases` other than a trial's given
    outside a test's body (the module's docstring says why)."""
    tests = _tests(tree)
    own = _within([node for test in tests for node in (*test.body, *test.decorator_list)])
    nodes = list(ast.walk(tree))
    constants = constants_of(nodes)
    for node in nodes:
        if id(node) not in own and _phases_carried(node, constants):
            raise Refused(
                f"{files.shown(path)} line {getattr(node, 'lineno', 1)}: hypothesis's `phases` (or a mapping's key "
                "of that name holding no trial's phases) set outside a test's body: a mapping carries it to the "
                "settings of every property test given it (`dict(deadline=None, **BASE)`), which then draw no "
                "example and pass; set phases on a test itself, with its `@settings`"
            )


def _settings_names(tree: ast.Module) -> set[str]:
    """The names a module binds to hypothesis itself or its `settings` (`hypothesis`, `settings`, `s`): the roots
    of its settings for every test (hypothesis's other names, its internals' too, are not: tests/conftest.py sets
    one of those to draw the package's constants)."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == _HYPOTHESIS:
            out |= {alias.asname or alias.name for alias in node.names if alias.name == _SETTINGS}
        elif isinstance(node, ast.Import):
            out |= {alias.asname or _HYPOTHESIS for alias in node.names if alias.name.split(".")[0] == _HYPOTHESIS}
    return out


def _private_import(node: ast.AST) -> str | None:
    """The private module or name of hypothesis's settings an import names (`hypothesis._settings`), or None."""
    if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == _HYPOTHESIS:
        named = [*(node.module or "").split("."), *(alias.name for alias in node.names)]
    elif isinstance(node, ast.Import):
        named = [part for alias in node.names if alias.name.startswith(_HYPOTHESIS) for part in alias.name.split(".")]
    else:
        return None
    return next((part for part in named if part in _PRIVATE_SETTINGS), None)


def _profile_drawing_fewer(node: ast.Call) -> str | None:
    """What a `register_profile()` call sets of how many examples are drawn, or None: `max_examples` below
    hypothesis's own 100 (or not a number), a parent's settings (its second argument), a mapping (`**FAST`)."""
    if len(node.args) > 1 or any(keyword.arg == "parent" for keyword in node.keywords):
        return "given a parent's settings, whose examples and phases every test it is loaded for takes"
    for keyword in node.keywords:
        if keyword.arg is None:
            return "given a mapping's keywords, which may set how many examples are drawn"
        value = keyword.value
        number = value.value if isinstance(value, ast.Constant) and isinstance(value.value, int) else None
        if keyword.arg in _DRAWING and (number is None or number < _DEFAULT_EXAMPLES):
            return f"setting `{keyword.arg}` below hypothesis's {_DEFAULT_EXAMPLES}"
    return None


def _no_profile_drawing_fewer(path: str, tree: ast.Module) -> None:
    """Refused, in the tests' Python that uses hypothesis: a profile drawing fewer examples than hypothesis's own,
    a private name of hypothesis (`hypothesis._settings.default_variable`, `settings._profiles`), hypothesis's names
    given to setattr() or delattr(), an attribute of them got by a name built as it runs or bound (the module's
    docstring says why)."""
    names = _settings_names(tree)
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 1)
        private = _private_import(node)
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            owner = ast.unparse(node.value)
            reaching = (
                owner in names or owner.endswith((f".{_SETTINGS}", "._settings")) or node.attr in _PRIVATE_SETTINGS
            )
            private = node.attr if isinstance(root, ast.Name) and root.id in names and reaching else private
        if private is not None:
            _refuse_fewer(path, line, f"hypothesis's private `{private}`, through which its settings for every test")
        if not isinstance(node, (ast.Call, ast.Assign, ast.AugAssign)):
            continue
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = [target for target in targets if isinstance(target, ast.Attribute)]
            if any(ast.unparse(target).split(".")[0] in names for target in bound):
                _refuse_fewer(path, line, "an attribute of hypothesis's names bound, by which its settings")
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        first = node.args[0] if node.args else None
        given = ast.unparse(first).split(".")[0] if first is not None else ""
        if called in ("setattr", "delattr") and given in names:
            _refuse_fewer(path, line, f"hypothesis's `{given}` given to {called}(), by which its settings")
        if (
            called == "getattr"
            and given in names
            and not (
                len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and not str(node.args[1].value)[:1] == "_"
            )
        ):
            _refuse_fewer(
                path,
                line,
                f"an attribute of hypothesis's `{given}` got by a name built as it runs, by which its settings",
            )
        if called == "register_profile" and (said := _profile_drawing_fewer(node)) is not None:
            _refuse_fewer(path, line, f"a hypothesis profile {said}: loaded, its settings")


def _refuse_fewer(path: str, line: int, what: str) -> None:
    raise Refused(
        f"{files.shown(path)} line {line}: {what} may be changed for every property test (fewer examples drawn, or "
        "none: `settings.register_profile('quick', max_examples=1)` loaded had a test failing past its first "
        "example pass); set how many examples a test draws on the test itself, with its `@settings`"
    )
