"""Which functions of the package's other modules return a module (git/bound_elsewhere.py asks, for a source that
binds an attribute of what an imported function gave it; git/extract.py makes one for each tree it reads).

Hunt 210 read a source's own functions that return a module (`def pick(): return strict`, then `checks = pick()`
and `checks.check = list`) as giving a module, and left one imported from another module: `from
sle_trials.outputs.helpers import pick`, then `checks = pick()` and `checks.check = list` in `outputs/report.py`,
bound strict's `check` from there, and passed (exit 0, hunt 211). The defining module is read for it, when a source
binds an attribute of a name given such a call (a few of the package's modules do, of the objects their functions
make), once a tree.

Hunt 212: the defining module's functions were read alone, and one returning the call of a function it imports from
a third module (`def pick2(): return pick()`, pick returning strict) was no giver: `checks = pick2()` and
`checks.check = list` in `outputs/report.py` passed (exit 0), as did `chosen = pick()` then `return chosen`, and a
giver imported and given on by its name (`from .helpers import pick` in a module that report.py imports `pick`
from). Now the functions a module imports from the package are read the same way, as deep as the imports go (each
module once; a cycle of imports reads as giving none where it closes).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from sle_trials.git import plumbing
from sle_trials.git.code_text import python_tree

# where the package's modules stand in the tree, by their dotted name
_SCRIPTS = "scripts/"
_PACKAGE = "sle_trials"


def module_of(path: str, level: int, module: str | None) -> str | None:
    """The dotted name an import of a source at path names (`from .helpers import pick` in
    scripts/sle_trials/outputs/report.py: sle_trials.outputs.helpers), or None for one outside the package."""
    if not level:
        return module if module and (module == _PACKAGE or module.startswith(_PACKAGE + ".")) else None
    if not path.startswith(_SCRIPTS):
        return None
    parts = path[len(_SCRIPTS) :].removesuffix(".py").split("/")[:-1]  # the source's package
    if level > 1:
        parts = parts[: -(level - 1)] if level - 1 < len(parts) else []
    if not parts or parts[0] != _PACKAGE:
        return None
    return ".".join([*parts, *([module] if module else [])])


class ModuleGivers:
    """giver(module, name): whether the function `name` of the package's module `module` returns a module, read
    from the tree's blob of that module (each module read once)."""

    def __init__(
        self,
        repository: plumbing.Repository,
        files_of: dict[str, str],
        returning: Callable[[list[ast.AST], frozenset[str]], set[str]],
    ) -> None:
        self.repository = repository
        self.files_of = files_of  # path -> blob id, the tree's files
        # a source's nodes, and the functions it imports that return a module -> its functions that return one
        self.returning = returning
        self.read: dict[str, set[str]] = {}
        self.imports: dict[str, dict[str, tuple[str, str]]] = {}  # module -> its names imported from the package

    def __call__(self, module: str, name: str) -> bool:
        if name in self.givers_of(module):
            return True
        given_on = self.imports.get(module, {}).get(name)  # `from .helpers import pick`, imported from here again
        return given_on is not None and self(*given_on)

    def givers_of(self, module: str) -> set[str]:
        """The functions of module that return a module (none, for a module the tree does not hold)."""
        if module not in self.read:
            self.read[module] = set()  # while it is read: an import of it back from a module it imports gives none
            self.read[module] = self._givers(module)
        return self.read[module]

    def _givers(self, module: str) -> set[str]:
        base = _SCRIPTS + module.replace(".", "/")
        path = next((p for p in (base + ".py", base + "/__init__.py") if p in self.files_of), None)
        if path is None:
            return set()
        blob = self.repository.objects({self.files_of[path]}, 1 << 22).get(self.files_of[path])
        if blob is None or blob.data is None:
            return set()
        tree = python_tree(blob.data)
        if tree is None:
            return set()
        nodes = list(ast.walk(tree))
        return self.returning(nodes, self._passed_on(path, nodes))

    def _passed_on(self, path: str, nodes: list[ast.AST]) -> frozenset[str]:
        """The names a module's imports from the package bind to a function that returns a module (of those it
        calls; the others are read only if another module imports them from it): `pick` of `from .helpers import
        pick`, and `pick` again, as an attribute's, of `from sle_trials.outputs import helpers` (then
        `helpers.pick()`)."""
        module = path[len(_SCRIPTS) :].removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        imports = self.imports.setdefault(module, {})
        called = {
            name
            for node in nodes
            if isinstance(node, ast.Call)
            for name in [getattr(node.func, "id", None) or getattr(getattr(node.func, "value", None), "id", None)]
            if name
        }
        found: set[str] = set()
        for node in nodes:
            if not isinstance(node, ast.ImportFrom) or (base := module_of(path, node.level, node.module)) is None:
                continue
            for alias in node.names:
                local = alias.asname or alias.name
                imports[local] = (base, alias.name)
                if local not in called:
                    continue
                if self(base, alias.name):
                    found.add(local)
                # a module imported by its name: its givers, called as its attributes
                found |= self.givers_of(f"{base}.{alias.name}")
        return frozenset(found)
