"""What a trial page calls a field: words for a clinician, worked out from the schema, not a table.

The schema's properties carry no titles, only descriptions (sentences, too long for a label), so a
field's label is its path in words: each key with its underscores as spaces ("lupus_nephritis":
"Lupus nephritis"), each list index counted from 1 after its list ("Arms 1 › Cohorts 2 › Dose ›
Value"), the first key the section it belongs to. Its schema description is the label's hover text,
and the dotted path (what a curator writes under `evidence`, `silent`, `not_yet_curated`) stays
beside it in small type.

A code (an enum value such as SEVERE_EXCLUDED) is explained in the words the schema gives it beside
its enum (`x-meanings`: fields.meanings), the same words the data package gives its column.
"""

from __future__ import annotations

from typing import NamedTuple

from sle_trials import fields

# Words a field name abbreviates, written as a reader writes them.
_SPELLED = {"nct": "NCT", "id": "ID", "ids": "IDs", "car": "CAR", "url": "URL"}
_BETWEEN = " › "


class Label(NamedTuple):
    section: str  # the top-level field, in words: "Eligibility"
    text: str  # the rest of the path in words ("Lupus nephritis › Scope"), or the section's own
    path: str  # the dotted path: eligibility.lupus_nephritis.scope
    description: str  # the schema's description of the field


def words(key: str) -> str:
    spelled = [_SPELLED.get(w, w) for w in key.split("_")]
    first = spelled[0]
    return " ".join([first[:1].upper() + first[1:], *spelled[1:]])


def _parts(path: fields.Path_) -> list[str]:
    out: list[str] = []
    for part in path:
        if isinstance(part, int) and out:
            out[-1] = f"{out[-1]} {part + 1}"
        else:
            out.append(words(str(part)))
    return out


def of(path: fields.Path_, schema: dict) -> Label:
    parts = _parts(path)
    within = parts if len(path) > 1 and isinstance(path[1], int) else parts[1:]  # "Arms 1 › ..."
    return Label(
        words(str(path[0])),
        _BETWEEN.join(within) or parts[0],
        fields.dotted(path),
        str(fields.node_at(schema, path).get("description", "")),
    )


def meaning(path: fields.Path_, code: str, schema: dict) -> str:
    """What the schema says a code of the field at path means, "" for a value that is no code of it."""
    return fields.meanings(fields.node_at(schema, path)).get(code, "")
