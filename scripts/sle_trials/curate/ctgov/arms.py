"""What is given to whom: interventions and arms (armsInterventionsModule: interventions, armGroups).
An arm names its interventions as the interventions list names them; a name the list lacks is
left out, with a note."""

from __future__ import annotations

from typing import Any

from sle_trials.curate.ctgov.builder import Builder, put, shown, unique
from sle_trials.curate.ctgov.study import clean, items, markup
from sle_trials.reading import ctgov_study


def read(b: Builder, mod: dict) -> None:
    interventions = _interventions(b, mod)
    arms = _arms(b, mod, {i["name"]: i.get("type") for i in interventions}, _separated(mod))
    _linked_otherwise(b, mod, arms, interventions)
    put(b.data, "arms", arms)
    put(b.data, "interventions", interventions)


def _interventions(b: Builder, mod: dict) -> list[dict]:
    interventions: list[dict] = []
    first: dict[str, dict] = {}  # each name's first item, as the source gives it
    for raw in items(mod, "interventions"):
        name = clean(raw.get("name")) if isinstance(raw, dict) else None
        if not name:
            b.unnamed("interventions", raw, "name")
            continue
        if b.separated("interventions", name, "The intervention's name"):
            continue
        if name in first:
            b.note("interventions", _again(name, first[name], raw))
            continue
        first[name] = raw
        item: dict[str, Any] = {"name": name}
        path = ("interventions", len(interventions), "type")
        if b.vocabulary(path, raw.get("type")):
            item["type"] = raw["type"]
            b.quote(path, raw, "interventions", ("name", "type"))
        put(item, "description", markup(raw.get("description")))
        _once(
            b,
            item,
            "other_names",
            [clean(v) for v in items(raw, "otherNames")],
            f"other names of {shown(name)}",
            f"interventions.{len(interventions)}.other_names",
        )
        interventions.append(item)
    return interventions


def _again(name: str, earlier: dict, raw: dict) -> str:
    """The note on a second intervention of a name: the same item again, or another (a type, a
    description the first has not), which "twice; kept once" said was the first again."""
    keys = [k for k in sorted({*earlier, *raw}) if k != "name" and earlier.get(k) != raw.get(k)]
    if not keys:  # (its name written otherwise, as clean reads it alike: " X" and "X")
        return f"The source lists the intervention {shown(name)} twice; kept once."
    return (
        f"The source lists a second intervention named {shown(name)}, not the same as the first (it gives "
        f"{', '.join(keys)[:200]} otherwise); only the first is imported: the curator's to decide."
    )


def _once(b: Builder, item: dict, key: str, values: list, what: str, field: str) -> None:
    """item[key]: the values each once, in their order (a list holds no item twice); a value the
    source repeats is said in a note, as a repeated condition or criterion is, not dropped unremarked."""
    once = unique(values)
    put(item, key, once)
    if len(once) < len([v for v in values if v is not None]):
        b.note(field, f"The source lists some {what} twice; each is kept once.")


def _separated(mod: dict) -> set[str]:
    """The intervention names holding '|', left out of the interventions (Builder.separated)."""
    names = (clean(raw.get("name")) for raw in items(mod, "interventions") if isinstance(raw, dict))
    return {name for name in names if name and "|" in name}


def _arms(b: Builder, mod: dict, names: dict[str, str | None], separated: set[str]) -> list[dict]:
    """The arms; names: each imported intervention's name -> its type."""
    arms: list[dict] = []
    for raw in items(mod, "armGroups"):
        label = clean(raw.get("label")) if isinstance(raw, dict) else None
        if not label:
            b.unnamed("arms", raw, "label")
            continue
        if any(arm["label"] == label for arm in arms):  # an arm is known by its label (E112)
            b.leave_out("arms", f"The source lists a second arm labelled {shown(label)}; it is left out.")
            continue
        item = {"label": label}
        a = len(arms)
        if b.vocabulary(("arms", a, "type"), raw.get("type")):
            item["type"] = raw["type"]
            b.quote(("arms", a, "type"), raw, "armGroups", ("label", "type"))
        put(item, "description", markup(raw.get("description")))
        _once(
            b,
            item,
            "intervention_names",
            [_named(b, entry, names, separated, a) for entry in items(raw, "interventionNames")],
            f"interventions of the arm {shown(label)}",
            f"arms.{a}.intervention_names",
        )
        if "intervention_names" not in item and raw.get("interventionNames") in (None, []):
            _given_to(b, mod, label, a)
        arms.append(item)
    return arms


def _linked_otherwise(b: Builder, mod: dict, arms: list[dict], interventions: list[dict]) -> None:
    """An intervention's armGroupLabels that the arms do not say back: an arm that names interventions,
    but not this one, or a label no arm of the list has. The record holds the links as the arms name
    them (arms.intervention_names); each the interventions list states otherwise is said in a note, for
    the curator to decide (an arm naming none is _given_to's)."""
    labels = {clean(raw.get("label")) for raw in items(mod, "armGroups") if isinstance(raw, dict)}
    kept = {item["name"]: i for i, item in enumerate(interventions)}
    for raw in items(mod, "interventions"):
        name = clean(raw.get("name")) if isinstance(raw, dict) else None
        if name not in kept:
            continue
        for label in unique([clean(v) for v in items(raw, "armGroupLabels")]):
            a = _arm_labelled(arms, label)
            if a is not None and arms[a].get("intervention_names") and name not in arms[a]["intervention_names"]:
                b.note(
                    f"arms.{a}.intervention_names",
                    f"The interventions list gives {shown(name)} to this arm (armGroupLabels), which the arm's "
                    "interventionNames do not name; not imported: the curator's to decide.",
                )
            elif a is None and label not in labels:
                # "COHORT 2: ..." for the arm "Cohort 2: ..." where two arms are written so: which it names is unsaid
                same = [o for o in labels if o and label and o.casefold() == label.casefold()]
                where = "has only in other letter case, for more than one arm" if same else "does not have"
                b.note(
                    f"interventions.{kept[name]}",
                    f"The interventions list gives {shown(name)} to the arm {shown(label, 80)} (armGroupLabels), "
                    f"which the arms list {where}; not imported.",
                )


def _arm_labelled(arms: list[dict], label: str | None) -> int | None:
    """The index of the arm label names: the one of that label, or else the one arm whose label is label in other letter
    case or white space ("COHORT 2: ..." of the arm "Cohort 2: ...", as a sponsor retyped it). Before, such a link was
    said in a note to be "not imported", of an arm whose interventionNames named the intervention all the same, and an
    arm naming none had its interventions declared silent, though the interventions list gives them."""
    exact = next((a for a, arm in enumerate(arms) if arm["label"] == label), None)
    if exact is not None or not label:
        return exact
    # (or with other white space: "Cohort  2", as the registry's page shows "Cohort 2")
    same = [a for a, arm in enumerate(arms) if _as_shown(arm["label"]) == _as_shown(label)]
    return same[0] if len(same) == 1 else None


def _as_shown(label: str) -> str:
    return " ".join(label.split()).casefold()


def _given_to(b: Builder, mod: dict, label: str, a: int) -> None:
    """An arm that names no interventions, though the interventions list names it (an
    intervention's armGroupLabels): the source states the arm's interventions the other way round,
    so they are left for the curator (never silent), with a note naming them."""
    given = [
        name
        for raw in items(mod, "interventions")
        if isinstance(raw, dict)
        and (name := clean(raw.get("name")))
        and label.casefold() in {said.casefold() for v in items(raw, "armGroupLabels") if (said := clean(v))}
    ]
    if given:
        b.leave_out(
            f"arms.{a}.intervention_names",
            f"The arm lists no interventionNames, but the interventions list gives it {', '.join(given)[:200]} "
            "(armGroupLabels); left for the curator.",
        )


def _named(b: Builder, entry: Any, names: dict[str, str | None], separated: set[str], a: int) -> str | None:
    """The intervention an arm's interventionNames entry names ("Drug: Fludarabine" or
    "Fludarabine"), as the interventions list names it; None (with a note) when it names none, or
    one whose name holds '|'. Named with another type than the intervention of that name has
    ("Biological: Pembrolizumab" of a DRUG), it is linked by its name, with a note: the source
    contradicts itself, or names an intervention of that name the list gives twice, whose first
    only is imported (_again)."""
    entry = clean(entry)
    if not entry:
        return None
    prefix = ctgov_study.TYPE_PREFIX.match(entry)
    bare = _spaced_as_named(ctgov_study.TYPE_PREFIX.sub("", entry), names)
    if bare in names:
        said = prefix.group(1).upper().replace(" ", "_") if prefix else None
        if said is not None and names[bare] is not None and said != names[bare]:
            b.note(
                f"arms.{a}.intervention_names",
                f"The arm names {shown(entry)}, but the source's intervention {shown(bare)} is of type {names[bare]}; "
                "linked by its name: the curator's to check.",
            )
        return bare
    if entry in names:
        return entry
    if bare in separated or entry in separated:
        b.separated(f"arms.{a}.intervention_names", bare if bare in separated else entry, "The intervention's name")
        return None
    b.leave_out(
        f"arms.{a}.intervention_names",
        f"The arm names {shown(entry)}, which is not among the source's interventions; left out.",
    )
    return None


def _spaced_as_named(name: str, names: dict[str, str | None]) -> str:
    """The one intervention's name that name is, written with other white space ("Toca  FC" with two spaces, "Toca
    FC" with a no-break space, as the registry's page shows both), as the interventions list writes it; name itself
    where it is a name of the list, or is none of them so (or two). Before, the arm's entry "Drug: Toca  FC" was said
    to name no intervention of the list and its link left out, though the list gives "Toca FC" to that arm."""
    if name in names:
        return name
    spaced = " ".join(name.split())
    same = [n for n in names if " ".join(n.split()) == spaced]
    return same[0] if len(same) == 1 else name
