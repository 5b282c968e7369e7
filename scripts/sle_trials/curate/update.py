"""Update: `trials import ctgov FILE.json --update`, a three-way merge of a curated record.

Curators edit imported records: they drop a keyword, shorten a summary, add comments, cohorts and
notes. A newer registry JSON must bring in what the registry changed and nothing else, so each field
the importer owns (UNITS) is merged three ways:

  base   what the record was last imported from: its newest REGISTRY_JSON source (under seeds/),
         imported again (none for a record curated from other sources alone);
  theirs what the new JSON imports;
  ours   the record as it is now.

Where the registry did not change a field (base = theirs), the record's value stands, whatever the
curator made of it. Where it did and the record still has the base's value, the registry's new value
is taken, with its evidence. Where both changed it differently, it is a conflict: reported, nothing
written, unless the curator decides it (`--theirs FIELD`, `--ours FIELD`, FIELD `all` for every
conflict). The record is edited as a round-trip YAML tree, so comments and layout stay; a field
taken from the registry is written anew. The record then cites the new JSON too (the next update's
base), and the change is described as `trials diff` describes one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ruamel.yaml.comments import CommentedMap

from sle_trials import command, fields, files
from sle_trials.checks import load
from sle_trials.curate import ctgov, fmt
from sle_trials.curate.changes import SHORT, describe, excerpts, phrases
from sle_trials.curate.ctgov import BadInput, Draft
from sle_trials.reading import in_scope

ALL = "all"  # --theirs all, --ours all: every conflicting field

# Fields the importer owns, compared one by one. Lists of objects are merged item by item (matched by
# the key given) so that what a curator added inside an item (an arm's cohorts, a route) is kept.
UNITS: list[tuple] = [
    ("acronym",),
    ("brief_title",),
    ("official_title",),
    ("overall_status",),
    ("last_known_status",),
    ("why_stopped",),
    ("dates", "start"),
    ("dates", "primary_completion"),
    ("dates", "completion"),
    ("dates", "first_submitted"),
    ("dates", "first_posted"),
    ("dates", "last_updated"),
    ("results_posted",),
    ("phases",),
    ("study_type",),
    ("design", "allocation"),
    ("design", "intervention_model"),
    ("design", "primary_purpose"),
    ("design", "masking"),
    ("design", "observational_model"),
    ("design", "time_perspective"),
    ("enrollment",),
    ("conditions",),
    ("keywords",),
    ("brief_summary",),
    ("detailed_description",),
    ("arms",),
    ("interventions",),
    ("eligibility", "sex"),
    ("eligibility", "minimum_age"),
    ("eligibility", "maximum_age"),
    ("eligibility", "healthy_volunteers"),
    ("eligibility", "inclusion_criteria"),
    ("eligibility", "exclusion_criteria"),
    ("sponsor", "name"),
    ("sponsor", "class"),
    ("responsible_party", "type"),
    ("responsible_party", "name"),
    ("responsible_party", "title"),
    ("responsible_party", "affiliation"),
    ("officials",),
    ("locations",),
    ("identifiers", "org_study_id"),
    ("identifiers", "secondary_ids"),
    ("references",),
]


class ItemKeys(NamedTuple):
    """How the items of a list unit are merged."""

    ident: tuple[str, ...]  # what identifies an item (matched case- and space-insensitively)
    owned: tuple[str, ...]  # the item keys the importer owns; the others are the curator's


ITEM_KEYS = {
    "arms": ItemKeys(("label",), ("label", "type", "description", "intervention_names")),
    "interventions": ItemKeys(("name",), ("name", "type", "description", "other_names")),
    "officials": ItemKeys(("name",), ("name", "role", "affiliation")),
    "locations": ItemKeys(("facility", "city", "country"), ("facility", "city", "region", "country")),
    "references": ItemKeys(("pmid", "citation"), ("pmid", "type", "citation")),
}


def field_names() -> list[str]:
    """The fields an update merges, as conflicts name them and --theirs/--ours take them."""
    return [fields.dotted(u) for u in UNITS]


@dataclass
class Conflict:
    """A field the registry and the curator both changed, differently."""

    field: str
    base: Any
    theirs: Any
    ours: Any
    based: bool = True  # False: the record cites no registry JSON, so there is no base to compare with

    def __str__(self) -> str:
        if not self.based:
            theirs, ours = _briefs(self.theirs, self.ours)
            return f"{self.field}: the registry's JSON gives {theirs}, the record (from its other sources) {ours}"
        base, theirs = _briefs(self.base, self.theirs)
        ours = _briefs(self.base, self.ours)[1]  # the record cut to where the curator changed the base
        return f"{self.field}: the registry changed it ({base} → {theirs}), the record has {ours}"


@dataclass
class Merged:
    text: str | None  # the new file text; None when nothing changes (or on a conflict)
    changes: list[str]
    warnings: list[str]
    conflicts: list[Conflict]
    decided: set[str] = field(default_factory=set)  # the fields a --theirs/--ours decided


def _brief(value: Any) -> str:
    if value is None:
        return "absent"
    text = json.dumps(value, ensure_ascii=False)  # text quoted, lists and objects as JSON
    if len(text) <= SHORT:
        return text
    if isinstance(value, str):  # cut inside its quotes
        return json.dumps(" ".join(value.split())[: SHORT - 3] + "…", ensure_ascii=False)
    return text[: SHORT - 1] + "…"


def _briefs(a: Any, b: Any) -> tuple[str, str]:
    """Two values of a conflict, each as _brief gives it; when either is too long to give whole, both
    cut to where they differ. Cut at the start alone, a summary changed in its last sentence showed
    the same words on both sides of the conflict, and a text lost its closing quote."""
    if a is None or b is None or all(len(json.dumps(v, ensure_ascii=False)) <= SHORT for v in (a, b)):
        return _brief(a), _brief(b)
    if isinstance(a, str) and isinstance(b, str):
        cut_a, cut_b = excerpts(a, b)
        return json.dumps(cut_a, ensure_ascii=False), json.dumps(cut_b, ensure_ascii=False)
    return excerpts(json.dumps(a, ensure_ascii=False), json.dumps(b, ensure_ascii=False))


def base_draft(root: Path, record: dict, schema: dict) -> Draft | None:
    """What the record's newest REGISTRY_JSON source imports: the base of the merge. None for a
    record that cites none (every field the JSON states is then new to it)."""
    cited = [
        (str(s.get("as_of", "")), i, s["file"])
        for i, s in enumerate(record["curation"]["sources"])
        if s.get("kind") == ctgov.KIND
    ]
    if not cited:
        return None
    source = max(cited)[2]  # the newest; of two as old, the one listed last
    if not files.SOURCE_PATH.match(source):  # never read outside seeds/
        raise BadInput(f"the record's source {source!r} is not a file under seeds/")
    try:
        raw = files.read_bytes(root / source, files.MAX_SOURCE_BYTES)
    except files.Refused as exc:
        raise BadInput(
            f"{source}, the JSON the record was last imported from (the base of the update), cannot be read: {exc}"
        ) from None
    for study in ctgov.read_studies(raw, source):
        if ctgov.nct_id(study) == record["nct_id"]:
            return ctgov.fitted(study, source, schema)  # what it imported: long fields left out as they were
    raise BadInput(f"{source}, the JSON the record was last imported from, holds no study {record['nct_id']}")


def _value(data: dict, unit: tuple) -> Any:
    """A unit's value as compared: the part the importer owns, plain; None when absent."""
    has, value = fields.get(data, unit)
    return _owned(unit, _plain(value)) if has else None


def merge(
    root: Path,
    text: str,
    shown: str,
    theirs: Draft,
    schema: dict,
    decide: dict[str, str],
    out_of_scope: str | None = None,
) -> Merged:
    """The record (its file text) with what the registry changed between the record's base JSON and
    theirs; decide: field (or ALL) -> "theirs" or "ours", for conflicts. out_of_scope: the curator's
    reason to hold the trial, for a record the update leaves showing neither lupus nor a cell therapy
    (E114; _scope)."""
    record, problems = load.parse(text, shown)
    if record is None:
        raise BadInput(f"{shown}: cannot be read ({problems[0].code} {problems[0].message}); fix it first")
    ours = record.data
    if record.citations() is None:
        raise BadInput(
            f"{shown}: its curation.sources are not a list of sources; fix it first (`{command.run('check')}` says how)"
        )
    base = base_draft(root, ours, schema)
    tree = fmt.yaml_rt().load(text)
    warnings: list[str] = []
    conflicts: list[Conflict] = []
    decided: set[str] = set()
    ev_old = dict(ours.get("evidence", {}))
    ev = dict(ev_old)  # the evidence the record will have, built up unit by unit
    rewrite = False
    kept: set[str] = set()  # the fields a --ours kept as the record has them
    for unit in UNITS:
        name = fields.dotted(unit)
        b, t, o = _value(base.data, unit) if base else None, _value(theirs.data, unit), _value(ours, unit)
        if b == t or o == t:  # the registry did not change it, or the record already says what it now says
            continue
        if o != b:  # the curator changed it too
            side = decide.get(name) or decide.get(ALL)
            if side is None:
                conflicts.append(Conflict(name, b, t, o, based=base is not None))
                continue
            decided.add(name)
            if side == "ours":
                kept.add(name)
                rewrite = True  # the record cites the new JSON: the next update does not ask again
                continue
        _take(tree, unit, ours, theirs, ev, ev_old, warnings)
        rewrite = True
    if conflicts:
        return Merged(None, [], warnings, conflicts, decided)
    if not rewrite:
        return Merged(None, [], warnings, [], decided)
    source = theirs.data["curation"]["sources"][0]
    cited = [s["file"] for s in ours["curation"]["sources"]]
    if source["file"] not in cited:
        listed = tree["curation"]["sources"]
        listed.append(fmt.subtree(source, ("curation", "sources", len(listed))))
        ev[f"curation.sources.{len(listed) - 1}.as_of"] = theirs.evidence["curation.sources.0.as_of"]
    left = _absent_lists(tree, ours, theirs.data, schema)
    _left_notes(tree, ours, theirs.notes, left)
    if base is not None:
        _stale_notes(tree, base.notes, theirs.notes, kept)
    _apply_evidence(tree, ev, schema)
    result = fmt.dump(fmt.canonicalise(tree, schema))
    after, problems = load.parse(result, shown)
    if after is None:
        raise BadInput(f"{shown}: the update produced unreadable YAML ({problems[0].message}); please report this")
    scope = _scope(shown, tree, after.data, out_of_scope)
    if scope is not None:
        result = fmt.dump(fmt.canonicalise(tree, schema))
        after, problems = load.parse(result, shown)
        if after is None:
            raise BadInput(f"{shown}: the update produced unreadable YAML ({problems[0].message}); please report this")
    said = phrases(describe(_data_only(ours), _data_only(after.data)))
    if scope is not None:
        said.append(scope)
    if source["file"] not in cited:
        said.append(f"source added: {source['file']} (as of {source['as_of']})")
    return Merged(result, said, warnings, [], decided)


def _scope(shown: str, tree: Any, data: dict, out_of_scope: str | None) -> str | None:
    """The record's curation.out_of_scope made to agree with its words after an update (E114): an
    update whose study now names lupus or a cell therapy drops the reason, and one whose study no
    longer does takes out_of_scope, the curator's reason. Without this an update that moved a record
    across the line could not be imported either way: E114 refused the record after it, and the
    registry before it once the curator had changed the reason first. What was done, said; None
    when nothing was; BadInput when a reason is needed and none was given."""
    sign, reason = in_scope.sign(data), data["curation"].get("out_of_scope")
    if sign is not None and reason is not None:
        del tree["curation"]["out_of_scope"]
        return f"curation.out_of_scope removed: the record's {sign[0]} now shows the trial in scope ({sign[1]!r})"
    if sign is None and reason is None:
        if out_of_scope is None:
            raise BadInput(
                f"{shown}: with this update the record's words show neither lupus nor a CAR-T or related cell "
                "therapy; to keep it, say why it belongs: --out-of-scope REASON (kept as curation.out_of_scope)"
            )
        tree["curation"]["out_of_scope"] = out_of_scope
        return f"curation.out_of_scope added: {out_of_scope!r}"
    return None


def _take(tree: Any, unit: tuple, ours: dict, theirs: Draft, ev: dict, ev_old: dict, warnings: list[str]) -> None:
    """Put the registry's new value of unit into the tree (a list's items keep what the curator
    added to them), with its evidence in place of the old."""
    had, was = fields.get(ours, unit)
    has, now = fields.get(theirs.data, unit)
    stale = [k for k in ev if _under(k, unit)]
    for k in stale:
        del ev[k]
    if not has:
        _delete(tree, unit)
        return
    if had and unit[0] in ITEM_KEYS and len(unit) == 1 and isinstance(was, list):
        merged, moved = _merge_items(unit[0], was, now, warnings)
        _set(tree, unit, merged)
        for k in stale:
            rest = fields.parse_dotted(k)[1:]
            if not rest:
                warnings.append(f"evidence for {k} dropped: the list changed")
            elif not isinstance(rest[0], int) or rest[0] not in moved:
                warnings.append(f"evidence for {k} dropped: its item is no longer in the source")
            elif not (len(rest) > 1 and rest[1] in ITEM_KEYS[unit[0]].owned):  # the curator's: follows its item
                ev[fields.dotted((unit[0], moved[rest[0]]) + tuple(rest[1:]))] = ev_old[k]
    else:
        _set(tree, unit, now)
    ev.update({k: v for k, v in theirs.evidence.items() if _under(k, unit)})
    for k in ev_old:
        p = fields.parse_dotted(k)
        if len(p) < len(unit) and unit[: len(p)] == p:
            warnings.append(f"evidence for {k} covers the changed {fields.dotted(unit)}; check its quote")


def _absent_lists(tree: Any, ours: dict, theirs: dict, schema: dict) -> list[str]:
    """curation.silent and not_yet_curated after an update: entries now present go; a field the new
    JSON does not state (theirs lists it silent) that the record now lacks, and neither list names,
    is declared silent; one the new JSON states in a form the importer left out for the curator
    (theirs lists it not yet curated) is declared not yet curated. A field the curator removed while
    the JSON states it is neither. Returns the fields newly declared not yet curated."""
    data = _plain(tree)
    order = [fields.dotted(p) for p in fields.all_field_names(schema)]
    curation = tree["curation"]

    def absent(name: str) -> bool:
        return not fields.get(data, fields.parse_dotted(name))[0]

    todo = [n for n in ours["curation"].get("not_yet_curated", []) if absent(n)]
    silent = [n for n in ours["curation"].get("silent", []) if absent(n)]
    owned = {fields.dotted(u) for u in UNITS} | {u[0] for u in UNITS}

    def importers(name: str) -> bool:  # a field the importer fills, at any depth
        return any(name == o or name.startswith(o + ".") for o in owned)

    # a field the record declared silent that the new JSON states, in a form left out for the curator
    # (a description too long for a record): no longer silent (E523), but not yet curated, below
    left_out = set(theirs["curation"].get("not_yet_curated", []))
    silent = [n for n in silent if not (importers(n) and n in left_out)]
    for name in theirs["curation"].get("silent", []):
        if importers(name) and absent(name) and name not in silent and name not in todo:
            silent.append(name)
    left = []
    for name in theirs["curation"].get("not_yet_curated", []):
        lacking = not fields.present(data, fields.parse_dotted(name))  # in no item of a list (arms.cohorts)
        if importers(name) and lacking and name not in silent and name not in todo:
            todo.append(name)
            left.append(name)
    for kind, names in (("silent", silent), ("not_yet_curated", todo)):
        listed = ours["curation"].get(kind, [])
        added = sorted(
            (n for n in names if n not in listed), key=lambda n: order.index(n) if n in order else len(order)
        )
        names = [n for n in names if n in listed] + added  # the curator's order kept, new ones after
        if names == listed:
            continue
        if names:
            curation[kind] = fmt.subtree(names, ("curation", kind))
        elif kind in curation:
            del curation[kind]
    return left


def _left_notes(tree: Any, ours: dict, notes: list[dict], left: list[str]) -> None:
    """The importer's notes on the fields an update newly left for the curator (what it left out, and
    why), added to the record's notes unless it has them already."""

    def about(field: str) -> bool:
        name = ".".join(part for part in field.split(".") if not part.isdigit())
        return any(name == n or name.startswith(n + ".") or n.startswith(name + ".") for n in left)

    had = ours["curation"].get("notes", [])
    new = [n for n in notes if about(n["field"]) and n not in had]
    if not new:
        return
    curation = tree["curation"]
    if "notes" not in curation:
        curation["notes"] = fmt.subtree(new, ("curation", "notes"))
        return
    for note in new:
        curation["notes"].append(fmt.subtree(note, ("curation", "notes", len(curation["notes"]))))


def _stale_notes(tree: Any, before: list[dict], now: list[dict], kept: set[str]) -> None:
    """The importer's notes on the base JSON (before) that the new JSON no longer gives rise to (now),
    taken off the record: "detailed_description takes 1,369,798 bytes; ... left out" once the new JSON's
    description fits and is in the record; in their place, the new JSON's notes on the same fields
    (its description's size, when that too is left out), and each note the new JSON gives rise to and
    the base did not (what the registry changed, said where the record has no place for it: the
    oversight now with a DMC), which the record lacks. A note the curator wrote is none of the
    importer's and stays, as does one on a field the curator kept as it is (--ours), where no new
    note is added either."""
    notes = tree["curation"].get("notes")
    dropped: set[str] = set()

    def kept_field(field: str) -> bool:
        name = ".".join(part for part in field.split(".") if not part.isdigit())
        return any(name == k or name.startswith(k + ".") or k.startswith(name + ".") for k in kept)

    def stale(note: Any) -> bool:
        plain = _plain(note)
        field = str(plain.get("field", "")) if isinstance(plain, dict) else ""
        return not kept_field(field) and plain in before and plain not in now

    for at in reversed(range(len(notes or []))):
        if stale(notes[at]):
            dropped.add(str(notes[at]["field"]))
            del notes[at]
    had = [_plain(note) for note in notes or []]
    added = [
        note
        for note in now
        if note not in had and (note["field"] in dropped or (note not in before and not kept_field(note["field"])))
    ]
    if added and notes is None:
        tree["curation"]["notes"] = notes = fmt.subtree([], ("curation", "notes"))
    for note in added:
        notes.append(fmt.subtree(note, ("curation", "notes", len(notes))))
    if notes is not None and not notes:
        del tree["curation"]["notes"]


# --- values and the round-trip tree ---------------------------------------------------------------


def _owned(unit: tuple, value: Any) -> Any:
    """The part of a unit's value the importer owns (what is compared)."""
    if unit[0] in ITEM_KEYS and len(unit) == 1 and isinstance(value, list):
        owned = ITEM_KEYS[unit[0]].owned
        return [{k: v for k, v in item.items() if k in owned} for item in value]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _under(key: str, unit: tuple) -> bool:
    path = fields.parse_dotted(key)
    return path[: len(unit)] == unit


def _container(tree: Any, path: tuple, create: bool) -> Any:
    node = tree
    for part in path:
        if isinstance(node, dict):
            if part not in node:
                if not create:
                    return None
                node[part] = CommentedMap()
            node = node[part]
        else:
            node = node[part]
    return node


def _set(tree: Any, path: tuple, value: Any) -> None:
    parent = _container(tree, path[:-1], True)
    parent[path[-1]] = fmt.subtree(value, path)


def _delete(tree: Any, path: tuple) -> None:
    parent = _container(tree, path[:-1], False)
    if isinstance(parent, dict) and path[-1] in parent:
        del parent[path[-1]]
        # an object left empty by the deletion goes too (the schema has no empty objects)
        for depth in range(len(path) - 1, 0, -1):
            holder = _container(tree, path[: depth - 1], False)
            key = path[depth - 1]
            if isinstance(holder, dict) and isinstance(holder.get(key), dict) and not holder[key]:
                del holder[key]
            else:
                break


def _match_items(unit: str, old: list, new: list) -> dict[int, int]:
    """new index -> old index, matching items by their identifying keys, then by position."""
    ident = ITEM_KEYS[unit].ident
    key = lambda item: tuple(" ".join(str(item.get(k, "")).split()).casefold() for k in ident)  # noqa: E731
    used: set[int] = set()
    mapping: dict[int, int] = {}
    for j, item in enumerate(new):
        for i, candidate in enumerate(old):
            if i not in used and key(candidate) == key(item):
                mapping[j] = i
                used.add(i)
                break
    return mapping


def _apply_evidence(tree: Any, ev: dict[str, Any], schema: dict) -> None:
    """Bring the record's evidence mapping to ev in place, so comments on unchanged quotes stay."""
    if not ev:
        tree.pop("evidence", None)
        return
    if not isinstance(tree.get("evidence"), dict):
        tree["evidence"] = CommentedMap()
    mapping = tree["evidence"]
    for key in [k for k in mapping if k not in ev]:
        del mapping[key]
    for key, value in ev.items():
        if key in mapping:
            if _plain(mapping[key]) != _plain(value):
                mapping[key] = fmt.subtree(_plain(value), ("evidence", key))
            continue
        rank = ctgov.rank(key, schema)
        at = next((i for i, k in enumerate(mapping) if ctgov.rank(k, schema) > rank), len(mapping))
        mapping.insert(at, key, fmt.subtree(_plain(value), ("evidence", key)))


def _data_only(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in ("curation", "evidence")}


class MergedItems(NamedTuple):
    items: list  # the new list, each item keeping what the curator added to its old match
    moved: dict[int, int]  # old index -> new index, for the items matched


def _merge_items(unit: str, old: list, new: list, warnings: list[str]) -> MergedItems:
    """The new list, each item keeping what the curator added to its old match; old index -> new index."""
    owned = ITEM_KEYS[unit].owned
    mapping = _match_items(unit, old, new)
    merged = []
    for j, item in enumerate(new):
        out = dict(item)
        if j in mapping:
            for k, v in old[mapping[j]].items():
                if k not in owned:
                    out[k] = _plain(v)
        merged.append(out)
    moved = {i: j for j, i in mapping.items()}
    for i, item in enumerate(old):
        if i not in moved:
            extra = [k for k in item if k not in owned]
            if extra:
                label = next((str(item[k]) for k in ITEM_KEYS[unit].ident if k in item), f"#{i}")
                warnings.append(
                    f"{unit}.{i} ({label}) is no longer in the source; its curated {', '.join(extra)} went with it"
                )
    return MergedItems(merged, moved)
