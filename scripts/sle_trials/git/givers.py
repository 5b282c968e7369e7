"""Which functions of the package's other modules return a module (git/bound_elsewhere.py asks, for a source that
binds an attribute of what an imported function gave it; git/extract.py makes one for each tree it reads).

Hunt 210 read a source's own functions that return a module (`def pick(): return strict`, then `checks = pick()`
and `checks.check = list`) as giving a module, and left one imported from another module: `from
sle_trials.outputs.helpers import pick`, then `checks = pick()` and `checks.check = list` in `outputs/report.py`,
bound strict's `check` from there, and passed (exit 0, hunt 211). The defining module is read for it, when a source
binds an attribute of a name given such a call (a few of the package's modules do, of the objects their functions
make), once a tree.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from sle_trials.git import plumbing

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
        self, repository: plumbing.Repository, files_of: dict[str, str], returning: Callable[[list[ast.AST]], set[str]]
    ) -> None:
        self.repository = repository
        self.files_of = files_of  # path -> blob id, the tree's files
        self.returning = returning  # a source's nodes -> its functions that return a module
        self.read: dict[str, set[str]] = {}

    def __call__(self, module: str, name: str) -> bool:
        if module not in self.read:
            self.read[module] = self._givers(module)
        return name in self.read[module]

    def _givers(self, module: str) -> set[str]:
        base = _SCRIPTS + module.replace(".", "/")
        path = next((p for p in (base + ".py", base + "/__init__.py") if p in self.files_of), None)
        if path is None:
            return set()
        blob = self.repository.objects({self.files_of[path]}, 1 << 22).get(self.files_of[path])
        if blob is None or blob.data is None:
            return set()
        try:
            tree = ast.parse(blob.data)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return set()
        return self.returning(list(ast.walk(tree)))
