"""Fields: walk a record together with the schema, so each value knows the schema that governs it.

The schema marks what kind of words a field holds: `x-verbatim` (copied from a source, checked
against it), `x-curator-words` (the curator's own, exempt), and `x-evidence: false` (bookkeeping that
no source states, e.g. which seed file a record cites). Everything else is a structured value that
can carry evidence. Beside each `enum`, `x-meanings` says what each of its codes means, in words: the
one place the site, the data package and the docs take a code's meaning from (meanings()).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any, NamedTuple

Path_ = tuple[Any, ...]


class Schema(dict):
    """The trial schema as a run loads it (paths.load_schema): the JSON Schema's own mapping, with
    what this module works out from it kept on the object (Memo), once a run rather than once a
    record. It lives and dies with the run that loaded it: no module keeps a memo of its own (one
    that did outlived its run and answered for the next, and made a test flaky). A plain dict works
    as well; what is worked out from it is worked out again on each call."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.memo = Memo()

    def __deepcopy__(self, memo: dict[int, Any]) -> Schema:
        return Schema(copy.deepcopy(dict(self), memo))  # a changed copy must not keep this one's memo


class Memo:
    """What is worked out from one schema: its resolved nodes, where verbatim text can be, the field
    names a record may declare absent, the x-applies-to rules."""

    __slots__ = (
        "resolved",
        "plan",
        "fields",
        "named",
        "beneath",
        "known",
        "applies",
        "names",
        "integers",
        "nodes",
        "vocabularies",
    )

    def __init__(self) -> None:
        # id(node) -> (node, merged node): the entry holds the node, so its id is never another's
        self.resolved: dict[int, tuple[dict, dict]] = {}
        self.plan: _Plan | None = None
        self.fields: tuple[Path_, ...] | None = None  # all_field_names
        self.named: tuple[tuple[Path_, str], ...] | None = None  # named_fields
        self.beneath: dict[str, list[Path_]] | None = None  # fields_beneath
        self.known: set[str] | None = None
        self.applies: dict[str, dict] | None = None
        # the fields a record accounts for (absent), each with the fields above it
        self.names: list[tuple[Path_, str, tuple[Path_, ...]]] | None = None
        self.integers: Integers | None = None  # integer_fields
        self.nodes: dict[Path_, dict] = {}  # path -> node_at(path)
        self.vocabularies: tuple[frozenset[str], ...] | None = None  # vocabularies


def memo(schema: dict) -> Memo:
    return schema.memo if isinstance(schema, Schema) else Memo()


def resolve(schema: dict, node: dict) -> dict:
    """Merge a node with the local $defs it refers to (one level of $ref, as the schema uses)."""
    ref = node.get("$ref")
    if not ref:
        return node
    resolved = memo(schema).resolved
    found = resolved.get(id(node))
    if found is None or found[0] is not node:
        target = schema
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        merged = dict(resolve(schema, target))
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        found = resolved[id(node)] = (node, merged)
    return found[1]


def leaves(data: Any, schema: dict, node: dict | None = None, path: Path_ = ()) -> list[tuple[Path_, Any, dict]]:
    """Every scalar in data with its path and its (resolved) schema node, in document order."""
    out: list[tuple[Path_, Any, dict]] = []
    _walk(data, schema, resolve(schema, schema if node is None else node), path, out)
    return out


def _walk(data: Any, schema: dict, node: dict, path: Path_, out: list) -> None:
    # Plain recursion into a list, not nested generators: a record has ~150 scalars, and every one
    # of them passed up through each enclosing generator cost most of the evidence check's time.
    # A scalar beneath is appended here, as the call for it would (most of a record's values are).
    if isinstance(data, dict):
        props = node.get("properties", _NONE)
        for key, value in data.items():
            child = props.get(key)
            if child is not None:
                child = resolve(schema, child) if child.get("$ref") else child  # resolve, inline
                if isinstance(value, (dict, list)):
                    _walk(value, schema, child, path + (key,), out)
                else:
                    out.append((path + (key,), value, child))
    elif isinstance(data, list):
        items = resolve(schema, node.get("items", _NONE))
        for i, value in enumerate(data):
            if isinstance(value, (dict, list)):
                _walk(value, schema, items, path + (i,), out)
            else:
                out.append((path + (i,), value, items))
    else:
        out.append((path, data, node))


_NONE: Any = MappingProxyType({})  # an empty node, never changed


class _Plan:
    """Where verbatim text can be, below one schema node: whether the node itself is verbatim, and
    the plans of its properties and items that lead to any (the rest of the record is not walked)."""

    __slots__ = ("verbatim", "props", "items", "leaf")

    def __init__(self, verbatim: bool) -> None:
        self.verbatim = verbatim
        self.props: dict[str, _Plan] = {}
        self.items: _Plan | None = None
        self.leaf = False


def _verbatim_plan(schema: dict) -> _Plan:
    plans: dict[int, _Plan] = {}  # by resolved node; the criterion definition refers to itself

    def build(node: dict) -> _Plan:
        plan = plans.get(id(node))
        if plan is None:
            plan = plans[id(node)] = _Plan(is_verbatim(node))
            for key, child in node.get("properties", _NONE).items():
                plan.props[key] = build(resolve(schema, child))
            plan.items = build(resolve(schema, node.get("items", _NONE)))
        return plan

    top = build(resolve(schema, schema))
    parents: dict[int, list[_Plan]] = {}
    for plan in plans.values():
        for child in (*plan.props.values(), plan.items):
            parents.setdefault(id(child), []).append(plan)
    useful: set[int] = set()
    todo = [p for p in plans.values() if p.verbatim]
    while todo:  # a node leads to verbatim text when any of its children does: up from each verbatim one
        plan = todo.pop()
        if id(plan) not in useful:
            useful.add(id(plan))
            todo += parents.get(id(plan), [])
    for plan in plans.values():
        plan.props = {k: c for k, c in plan.props.items() if id(c) in useful}
        plan.items = plan.items if id(plan.items) in useful else None
    for plan in plans.values():  # verbatim text with nothing below: most fields, taken without a call
        plan.leaf = plan.verbatim and not plan.props and plan.items is None
    return top


def verbatim_texts(data: Any, schema: dict) -> list[tuple[Path_, str, Any]]:
    """(path, text, the container holding it) of every text in a verbatim field, in document order:
    the verbatim leaves() would give, without walking the fields that cannot hold any."""
    out: list[tuple[Path_, str, Any]] = []
    held = memo(schema)
    if held.plan is None:
        held.plan = _verbatim_plan(schema)
    _walk_verbatim(data, held.plan, (), None, out)
    return out


def _walk_verbatim(data: Any, plan: _Plan, path: Path_, holder: Any, out: list) -> None:
    if isinstance(data, dict):
        props = plan.props
        if props:
            for key, value in data.items():
                child = props.get(key)
                if child is None:
                    continue
                if child.leaf:  # what the call below would do for a leaf
                    if isinstance(value, str):
                        out.append((path + (key,), value, data))
                else:
                    _walk_verbatim(value, child, path + (key,), data, out)
    elif isinstance(data, list):
        items = plan.items
        if items is not None:
            if items.leaf:
                out.extend((path + (i,), value, data) for i, value in enumerate(data) if isinstance(value, str))
            else:
                for i, value in enumerate(data):
                    _walk_verbatim(value, items, path + (i,), data, out)
    elif plan.verbatim and isinstance(data, str):
        out.append((path, data, holder))


def vocabularies(schema: dict) -> tuple[frozenset[str], ...]:
    """The words of each vocabulary (an enum) of the schema, worked out once a run (Memo): a walk of the whole
    schema cost a benchmark record's check 2 ms when the remark checks walked it for each record."""
    kept = memo(schema)
    if kept.vocabularies is None:
        kept.vocabularies = tuple(frozenset(v for v in node["enum"] if isinstance(v, str)) for node in _enums(schema))
    return kept.vocabularies


def _enums(node: Any) -> Iterator[dict]:
    """Every node of a schema giving a vocabulary (an enum)."""
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            yield node
        for item in node.values():
            yield from _enums(item)
    elif isinstance(node, list):
        for item in node:
            yield from _enums(item)


MEANINGS = "x-meanings"


def meanings(node: dict) -> dict[str, str]:
    """What each code of a node's enum means, in words ({} for a node without an enum)."""
    found = node.get(MEANINGS)
    return found if isinstance(found, dict) else {}


def is_verbatim(node: dict) -> bool:
    return bool(node.get("x-verbatim"))


def needs_evidence(path: Path_, node: dict) -> bool:
    if path and path[0] == "evidence":
        return False
    return not (node.get("x-verbatim") or node.get("x-curator-words") or node.get("x-evidence") is False)


def dotted(path: Path_) -> str:
    """A field path as curators write it: eligibility.inclusion_criteria.0.text."""
    return ".".join(str(p) for p in path) or "(top level)"


def unindexed(path: Path_) -> Path_:
    """A field path without its list indexes: the field whatever item of its lists (arms.cohorts.dose)."""
    return tuple(p for p in path if isinstance(p, str))


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


def present(data: Any, path: Path_) -> bool:
    """Whether any value stands at a path without list indexes (any item of a list counts)."""
    for depth, part in enumerate(path):  # down the mappings without a call each (most fields are in one)
        if isinstance(data, list):
            rest = path[depth:]
            return any(present(item, rest) for item in data)
        if not (isinstance(data, dict) and part in data):
            return False
        data = data[part]
    return data is not None


def covered(names: list[str], name: str) -> bool:
    """Whether a dotted field name is one of names, or under one of them."""
    return any(name == n or name.startswith(n + ".") for n in names)


# Top-level keys that are about the record, not fields of the trial: never absent, never stated.
BOOKKEEPING = ("curation", "evidence")
# How a source lays out its criteria (nesting, numbers, the sub-heading a criterion is listed under) is
# part of a criterion, not a field of its own.
_CRITERION_PARTS = ("sub_criteria", "number", "group")


def part_of_a_criterion(path: Path_) -> bool:
    """A criterion's nesting, number and sub-heading, and the sub-heading a reference to one names
    (criterion.group, where numbers repeat under sub-headings): parts of the criterion or of the
    reference, not fields a record accounts for on their own."""
    if len(path) > 2 and path[1].endswith("_criteria") and any(p in _CRITERION_PARTS for p in path[2:]):
        return True
    return path[-2:] == ("criterion", "group")


def absent(data: dict, schema: dict) -> list[str]:
    """Every field the record lacks, at every depth, a field under an absent one counted with it:
    the fields a record accounts for (curation.silent, not_yet_curated, or not applicable)."""
    held = memo(schema)
    if held.names is None:  # each field with the fields above it
        held.names = [
            (p, n, tuple(p[:depth] for depth in range(1, len(p))))
            for p, n in named_fields(schema)
            if p[0] not in BOOKKEEPING and not part_of_a_criterion(p)
        ]
    out: list[str] = []
    lacking: set[Path_] = set()
    for path, name, above in held.names:
        if not lacking.isdisjoint(above):
            continue  # under a field already counted as absent
        if not present(data, path):
            out.append(name)
            lacking.add(path)
    return out


def why_absent(data: dict, schema: dict) -> dict[str, str]:
    """Each absent field (absent()) -> why the record lacks it: "not_applicable" (x-applies-to),
    "silent" or "not_yet_curated" (as curation declares it, or a field above it), or "unexplained".
    The coverage report shows these; a complete record may have no unexplained one (E520)."""
    curation = data["curation"]
    silent, todo = curation.get("silent", []), curation.get("not_yet_curated", [])
    out: dict[str, str] = {}
    for name in absent(data, schema):
        if not applies(schema, name, data)[0]:
            out[name] = "not_applicable"
        elif covered(silent, name):
            out[name] = "silent"
        elif covered(todo, name):
            out[name] = "not_yet_curated"
        else:
            out[name] = "unexplained"
    return out


def unaccounted(data: dict, schema: dict) -> list[str]:
    """The absent fields the record gives no reason for: they apply to the study, and are neither
    declared silent nor not yet curated (nor under a field that is)."""
    return [name for name, why in why_absent(data, schema).items() if why == "unexplained"]


def criterion_texts(item: dict) -> Iterator[str]:
    """A criterion's text and its nested items' texts, in reading order."""
    yield item["text"]
    for sub in item.get("sub_criteria", []):
        yield from criterion_texts(sub)


def criteria_named(eligibility: dict, ref: dict) -> list[int]:
    """The positions, in its list, of the criteria a reference ({list, number} and, where numbers
    repeat under sub-headings, group) names: one when it names a criterion; none when the list has
    no such criterion; several when sub-headings share the number and the reference does not say
    which. Only one is a criterion a value can be read from (rules report the others, E109)."""
    group = ref.get("group")
    return [
        i
        for i, item in enumerate(eligibility.get(f"{ref['list'].lower()}_criteria", []))
        if item.get("number") == ref["number"] and (group is None or item.get("group") == group)
    ]


def criterion_name(ref: dict) -> str:
    """A reference as a message names it: inclusion criterion 3, or inclusion criterion 3 under 'Part B'."""
    group = f" under {ref['group']!r}" if "group" in ref else ""
    return f"{ref['list'].lower()} criterion {ref['number']}{group}"


def node_at(schema: dict, path: Path_) -> dict:
    """The resolved schema node governing the value at path (list indexes step into items). Kept a
    run by path: binding asks for the node above each evidence key's at every depth, for every record."""
    nodes = memo(schema).nodes
    found = nodes.get(path)
    if found is None:
        found = nodes[path] = _node_at(schema, path)
    return found


def _node_at(schema: dict, path: Path_) -> dict:
    node = resolve(schema, schema)
    for part in path:
        if isinstance(part, str) and node.get("type") == "array":  # a path without list indexes
            node = resolve(schema, node.get("items", _NONE))
        node = resolve(
            schema,
            node.get("items", _NONE) if isinstance(part, int) else node.get("properties", _NONE).get(part, _NONE),
        )
    return node


def is_date(node: dict) -> bool:
    """Whether a node holds a partial date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return node.get("pattern", "").startswith("^[0-9]{4}")


def all_field_names(schema: dict) -> tuple[Path_, ...]:
    """Every field the schema holds, at every depth, as paths without list indexes (document order).
    The evidence mapping's keys are not fields."""
    held = memo(schema)
    if held.fields is None:
        held.fields = tuple(_field_names(schema))
    return held.fields


class Integers(NamedTuple):
    """The schema's integer fields and the fields that hold one beneath them, as paths without list
    indexes: a walk looking for integers goes down only the second."""

    fields: frozenset[Path_]
    toward: frozenset[Path_]


def integer_fields(schema: dict) -> Integers:
    """The fields whose schema type is integer (a count, an age, a criterion's number), and every field
    above one of them, once a schema: all_field_names, read by their nodes."""
    held = memo(schema)
    if held.integers is None:
        found = [path for path in all_field_names(schema) if _integer(node_at(schema, path))]
        held.integers = Integers(
            frozenset(found), frozenset(p[:depth] for p in found for depth in range(1, len(p) + 1))
        )
    return held.integers


def _integer(node: dict) -> bool:
    kind = node.get("type")
    return kind == "integer" or (isinstance(kind, list) and "integer" in kind)


def named_fields(schema: dict) -> tuple[tuple[Path_, str], ...]:
    """all_field_names, each with its dotted name, worked out once a run as the list is."""
    held = memo(schema)
    if held.named is None:
        held.named = tuple((p, dotted(p)) for p in all_field_names(schema))
    return held.named


def fields_beneath(schema: dict, name: str) -> list[Path_]:
    """The fields whose dotted name starts with name + ".", at every depth, in document order. Kept
    a run by every prefix of a dotted name that ends before a ".": the silence check asks for each
    field a record declares silent, and a scan of every field's name for each took a tenth of the
    check of a mutated record."""
    held = memo(schema)
    if held.beneath is None:
        held.beneath = {}
        for path, name_ in named_fields(schema):
            dot = name_.find(".")
            while dot != -1:
                held.beneath.setdefault(name_[:dot], []).append(path)
                dot = name_.find(".", dot + 1)
    return held.beneath.get(name, [])


def _field_names(schema: dict) -> list[Path_]:
    out: list[Path_] = []
    seen: set[int] = set()

    def walk(node: dict, path: Path_) -> None:
        node = resolve(schema, node)
        if node.get("type") == "array":
            node = resolve(schema, node.get("items", _NONE))
        for key, child in node.get("properties", _NONE).items():
            if not path and key == "evidence":
                out.append((key,))
                continue
            out.append(path + (key,))
            marker = id(resolve(schema, child))
            if marker in seen:  # a definition that refers to itself (criteria nest)
                continue
            seen.add(marker)
            walk(child, path + (key,))
            seen.discard(marker)

    walk(schema, ())
    return out


def known_names(schema: dict) -> set[str]:
    """The dotted field names a record may declare silent, not yet curated or incomplete."""
    held = memo(schema)
    if held.known is None:
        held.known = {n for _, n in named_fields(schema)}
    return held.known


def applies_to(schema: dict) -> dict[str, dict]:
    """Dotted field name -> its x-applies-to rule ({field: allowed values}), for the fields that have one."""
    held = memo(schema)
    if held.applies is None:
        held.applies = {
            dotted(p): rule
            for p in all_field_names(schema)
            if isinstance(rule := node_at(schema, p).get("x-applies-to"), dict)
        }
    return held.applies


def applies(schema: dict, name: str, data: dict) -> tuple[bool, str]:
    """Whether the field (a dotted name) applies to this record, and why not: schema x-applies-to,
    e.g. an observational model does not apply to an interventional study."""
    for field_name, allowed in applies_to(schema).get(name, {}).items():
        value = get(data, parse_dotted(field_name))[1]
        if value is not None and value not in allowed:
            return False, f"{field_name} is {value}"
    return True, ""


def field_names(schema: dict) -> list[Path_]:
    """The fields coverage reports on: top-level properties and those of top-level objects."""
    out: list[Path_] = []
    for key, node in schema["properties"].items():
        out.append((key,))
        node = resolve(schema, node)
        if node.get("type") == "object" and key not in ("curation", "evidence"):
            out.extend((key, sub) for sub in node.get("properties", {}))
    return out
