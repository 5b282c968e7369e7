"""Data flows one way through the package: nothing imports the command line (cli.py parses the
arguments and dispatches), and no module reaches another module's private names (issue 15)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import sle_trials

PACKAGE = Path(sle_trials.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, here: str) -> dict[str, str]:
    """Each name an import binds to something of the package: local name -> what it names ("sle_trials.cli.main")."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sle_trials"):
                    names[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else "sle_trials"
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package
                base = ".".join(here.split(".")[: -node.level] + ([base] if base else []))
            if base.startswith("sle_trials"):
                for alias in node.names:
                    names[alias.asname or alias.name] = f"{base}.{alias.name}"
    return names


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))  # __version__ is public


def violations(source: str, here: str) -> list[str]:
    """The cli imports and the private names of other modules in one module's source."""
    tree = ast.parse(source)
    names = imported(tree, here)
    found = [
        f"imports {target}"
        for target in names.values()
        if target == "sle_trials.cli" or target.startswith("sle_trials.cli.")
    ]
    found += [f"imports {target}" for target in names.values() if _private(target.rsplit(".", 1)[-1])]
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            if isinstance(node.value, ast.Name) and node.value.id in names:
                found.append(f"uses {names[node.value.id]}.{node.attr} (line {node.lineno})")
    return found


def sources() -> list[tuple[str, Path]]:
    return [(module_name(path), path) for path in sorted(PACKAGE.rglob("*.py"))]


def test_the_check_finds_what_it_forbids() -> None:
    source = (
        "from sle_trials import cli\nfrom sle_trials.curate import ctgov\nfrom sle_trials.curate.ctgov import _rank\n"
        "import sle_trials.engine.pipeline as pipeline\nctgov._rank('x', {})\npipeline._NOWHERE\nself._own\n"
    )
    assert sorted(violations(source, "sle_trials.curate.update")) == [
        "imports sle_trials.cli",
        "imports sle_trials.curate.ctgov._rank",
        "uses sle_trials.curate.ctgov._rank (line 5)",
        "uses sle_trials.engine.pipeline._NOWHERE (line 6)",
    ]
    assert violations("from . import _helper\n", "sle_trials.git.merge") == ["imports sle_trials.git._helper"]


@pytest.mark.parametrize("name, path", sources(), ids=lambda v: v if isinstance(v, str) else "")
def test_nothing_imports_the_command_line(name: str, path: Path) -> None:
    if name in ("sle_trials.cli", "sle_trials.__main__"):  # the command itself, and `python -m sle_trials`
        return
    found = [v for v in violations(path.read_text(encoding="utf-8"), name) if "sle_trials.cli" in v]
    assert not found, f"{name}: {found}; what commands share belongs in a module of its own (outputs/generate.py)"


def test_no_private_names_cross_modules() -> None:
    checked = sources()
    assert len(checked) >= 60  # every module of the package, in every room
    found = {
        name: v
        for name, path in checked
        if (v := [f for f in violations(path.read_text(encoding="utf-8"), name) if "sle_trials.cli" not in f])
    }
    assert not found, found  # (the cli imports are the test above's)


def test_no_module_keeps_a_memo_of_its_own() -> None:
    """What a run remembers belongs to the run (pipeline.Checker holds it, issue 15): a memo kept by
    a module outlives the run and answers for the next one (one such memo made a test flaky). The
    code table is an exception: built once from the declarations, then read-only; so are the tables of
    look-alike characters, built once from Unicode's confusables (a package's data) and the layouts'
    headings, and the labels a paragraph of a page of no layout may end in, which no run changes; and the
    modules of the distributions installed on a sys.path, which no run installs (kept by the path)."""
    allowed = {
        "sle_trials.git.import_roots._installed_on",
        "sle_trials.checks.table",
        "sle_trials.reading.lookalike._table",
        "sle_trials.reading.lookalike._letter_table",
        "sle_trials.reading.layouts._marker_skeletons",
        "sle_trials.reading.layouts._labels",
    }
    found = []
    for file in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        here = module_name(file)
        for node in tree.body:  # module level only: a memo an object makes for itself is per run
            calls = [d for d in getattr(node, "decorator_list", [])]
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call):
                calls.append(node.value.func)
            for call in calls:
                target = call.func if isinstance(call, ast.Call) else call
                name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                if name in ("lru_cache", "cache") and f"{here}.{getattr(node, 'name', '')}" not in allowed:
                    found.append(f"{here}: line {node.lineno}")
            # an empty dict, list or set made at module level is there to be filled as the run goes
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and _empty_container(node.value):
                found.append(f"{here}: line {node.lineno}: {ast.unparse(node)}")
    assert found == []


def _empty_container(value: ast.expr | None) -> bool:
    if isinstance(value, (ast.Dict, ast.List, ast.Set)):
        return not (value.keys if isinstance(value, ast.Dict) else value.elts)
    if isinstance(value, ast.Call) and not value.args and not value.keywords:
        name = value.func.attr if isinstance(value.func, ast.Attribute) else getattr(value.func, "id", "")
        return name in ("dict", "list", "set", "OrderedDict", "defaultdict", "WeakValueDictionary")
    return False


def names_bound_twice(source: str) -> list[str]:
    """The names a module's top level binds more than once (an assignment, a function or a class)."""
    lines: dict[str, list[int]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound = [node.name]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        else:
            continue
        for name in bound:
            lines.setdefault(name, []).append(node.lineno)
    return [f"{name} (lines {', '.join(map(str, at))})" for name, at in lines.items() if len(at) > 1]


def test_no_module_binds_a_name_twice() -> None:
    """A module-level name bound again shadows the first binding for every use after the module is
    read: prior_therapy.py's second _KEPT_OUT (a clause's words) left its first (a later sentence's
    "must not participate") read by no rule, and an inclusion criterion keeping patients out
    required their therapy (tests/test_attacks_kept_out.py). Each list of words has a name of its own;
    the tests' and the benchmarks' modules too (a test's table bound again is read by no test before it)."""
    assert names_bound_twice("A = 1\ndef f(): pass\nA = 2\nclass f: pass\nB: int = 3\n") == [
        "A (lines 1, 3)",
        "f (lines 2, 4)",
    ]
    tests = Path(__file__).parent
    checked = [path for _, path in sources()] + sorted(
        [*tests.glob("*.py"), *(tests.parent / "benchmarks").glob("*.py")]
    )
    found = {str(path): twice for path in checked if (twice := names_bound_twice(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_lexicons_modules_read_only_those_above_them() -> None:
    """reading/lexicon/ is one module a concern, listed in its docstring in the order its data flows: a
    module imports those above it in the list, never one below it, so no two read each other (issue 15)."""
    package = PACKAGE / "reading" / "lexicon"
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    order = re.findall(r"^- (\w+):", docstring, re.MULTILINE)
    assert sorted(order) == sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__")
    found = []
    for name in order:
        here = f"sle_trials.reading.lexicon.{name}"
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        for target in imported(tree, here).values():
            parts = target.split(".")
            if parts[:3] == ["sle_trials", "reading", "lexicon"] and len(parts) > 3:
                if parts[3] not in order or order.index(parts[3]) >= order.index(name):
                    found.append(f"{name} imports {target}")
    assert found == []
