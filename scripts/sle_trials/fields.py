"""Fields: walk a record together with the schema, so each value knows the schema that governs it.

The schema marks what kind of words a field holds: `x-verbatim` (copied from a source, checked
against it), `x-curator-words` (the curator's own, exempt), and `x-evidence: false` (bookkeeping that
no source states, e.g. which seed file a record cites). Everything else is a structured value that
can carry evidence.
"""

from __future__ import annotations

from typing import Any

Path_ = tuple[Any, ...]


# (id(schema), id(node)) -> (schema, node, merged node). The entry holds the schema and the node
# themselves: while it lives their ids cannot be given to new objects, so a memo made for one schema
# can never answer for another (tests and long-lived callers load the schema many times).
_RESOLVED: dict[tuple[int, int], tuple[dict, dict, dict]] = {}


def resolve(schema: dict, node: dict) -> dict:
    """Merge a node with the local $defs it refers to (one level of $ref, as the schema uses)."""
    ref = node.get("$ref")
    if not ref:
        return node
    memo = (id(schema), id(node))
    found = _RESOLVED.get(memo)
    if found is None or found[0] is not schema or found[1] is not node:
        if len(_RESOLVED) > 50_000:
            _RESOLVED.clear()
        target = schema
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        merged = dict(resolve(schema, target))
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        found = _RESOLVED[memo] = (schema, node, merged)
    return found[2]


def leaves(data: Any, schema: dict, node: dict | None = None, path: Path_ = ()) -> list[tuple[Path_, Any, dict]]:
    """Every scalar in data with its path and its (resolved) schema node, in document order."""
    out: list[tuple[Path_, Any, dict]] = []
    _walk(data, schema, resolve(schema, schema if node is None else node), path, out)
    return out


def _walk(data: Any, schema: dict, node: dict, path: Path_, out: list) -> None:
    # Plain recursion into a list, not nested generators: a record has ~150 scalars, and every one
    # of them passed up through each enclosing generator cost most of the evidence check's time.
    if isinstance(data, dict):
        props = node.get("properties", _NONE)
        for key, value in data.items():
            child = props.get(key)
            if child is not None:
                _walk(value, schema, resolve(schema, child), path + (key,), out)
    elif isinstance(data, list):
        items = resolve(schema, node.get("items", _NONE))
        for i, value in enumerate(data):
            _walk(value, schema, items, path + (i,), out)
    else:
        out.append((path, data, node))


_NONE: dict = {}


def is_verbatim(node: dict) -> bool:
    return bool(node.get("x-verbatim"))


def needs_evidence(path: Path_, node: dict) -> bool:
    if path and path[0] == "evidence":
        return False
    return not (node.get("x-verbatim") or node.get("x-curator-words") or node.get("x-evidence") is False)


def dotted(path: Path_) -> str:
    """A field path as curators write it: eligibility.inclusion_criteria.0.text."""
    return ".".join(str(p) for p in path) or "(top level)"


def parse_dotted(text: str) -> Path_:
    return tuple(int(p) if p.isdigit() else p for p in text.split("."))


def get(data: Any, path: Path_) -> tuple[bool, Any]:
    """(found, value) at path."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return False, None
    return True, data


def field_names(schema: dict) -> list[Path_]:
    """The fields coverage reports on: top-level properties and those of top-level objects."""
    out: list[Path_] = []
    for key, node in schema["properties"].items():
        out.append((key,))
        node = resolve(schema, node)
        if node.get("type") == "object" and key not in ("curation", "evidence"):
            out.extend((key, sub) for sub in node.get("properties", {}))
    return out
