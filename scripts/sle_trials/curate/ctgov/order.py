"""Where an evidence key sorts: the record's evidence mapping lists its quotes in the order of the
fields they are about (the schema's order, then list order), on import and on --update."""

from __future__ import annotations

from typing import Any

from sle_trials import fields


def rank(key: str, schema: dict) -> tuple:
    """The sort key of an evidence path ("eligibility.minimum_age", "arms.0.type"): each part's
    place among its object's properties in the schema (unknown ones last), or its list index."""
    out: list[Any] = []
    node = fields.resolve(schema, schema)
    for part in fields.parse_dotted(key):
        if isinstance(part, int):
            out.append(part)
            node = fields.resolve(schema, node.get("items", {}))
        else:
            props = list(node.get("properties", {}))
            out.append(props.index(part) if part in props else len(props))
            node = fields.resolve(schema, node.get("properties", {}).get(part, {}))
    return tuple(out)
