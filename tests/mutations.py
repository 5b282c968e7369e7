"""Plausible curation mistakes, generated systematically from a curated record.

Each Mutation is one mistake a careful reviewer could make and a schema cannot see: the record stays
well formed and schema-valid, and only a value changes to another it could plausibly be (another
value of its vocabulary, another number standing in its quote, another comparator or unit, a
criterion dropped, cut at a sentence or clause, or moved to the other list, a title taken from a
related trial, a threshold pointed at the other list, given another threshold's condition or none,
two cohorts' patients swapped, two items of a list given each other's text, a prior therapy of its
quote's list left out, a threshold left out, given a condition of another limit, one of its own
left out or cut short, a field its source states left out and declared silent, a date a month or a
year off, an age read from a length of time, a limit rewritten with the other comparator of its side,
a cohort given another's dose, ...). `expect` names the codes
that may report it; test_mutations.py asserts every mutation is caught with one of them.

The kinds are the issue's ("Every value bound to its words") and a few more: what is generated here
is the class of mistake, not the listed examples.
"""

from __future__ import annotations

import calendar
import itertools
import json
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sle_trials import fields
from sle_trials.checks import documents, evidence, load, rules, silence
from sle_trials.checks import schema as schema_mod
from sle_trials.engine import pipeline
from sle_trials.reading import layouts, prose, vocabulary
from sle_trials.reading.layouts import ROW_LABELS, SourceDoc, normalise
from sle_trials.reading.lexicon import date_mentions, quantities, stated_limits

Path_ = tuple


@dataclass
class Mutation:
    kind: str  # what kind of mistake (the score is reported per kind)
    path: str  # where, as a dotted path
    description: str
    data: dict  # the mutated record
    expect: frozenset[str]  # codes that may catch it


VALUE_CODES = frozenset({"E505", "E507", "E508", "E509", "E510", "E513"})
# E205/E207: the schema saw it; E114: the text was all that showed the trial in scope (a stub's title)
TEXT_CODES = frozenset({"E501", "E512", "E511", "E504", "E304", "E205", "E207", "E114"})
CRITERIA_CODES = frozenset({"E511", "E501", "E512", "E109", "E504", "E513"})


def _copied(value: Any) -> Any:
    """A record's data (dicts, lists and scalars, as a record loads) copied to any depth: what
    copy.deepcopy does for it, at a third of the cost (deepcopy was 6% of the harness's time)."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


def _set(data: dict, path: Path_, value: Any) -> dict:
    out = _copied(data)
    node: Any = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out


def _delete(data: dict, path: Path_) -> dict:
    out = _copied(data)
    node: Any = out
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return out


def _without_item(data: dict, name: str, i: int) -> dict:
    """data with item i of the list at name left out as a curator would leave it out: its evidence and
    the notes on it gone, a quote of the whole list that is its label gone, the later items' keys one
    down; the list itself gone when it held only that item (the schema wants none empty)."""
    path = fields.parse_dotted(name)
    items = fields.get(data, path)[1]
    out = _delete(data, path if len(items) == 1 else path + (i,))
    label = items[i].get(ROW_LABELS.get(name, ""))

    def moved(key: str) -> str | None:
        """A field name after the item is left out ("locations.3.city" -> "locations.2.city"); None for its own."""
        head, _, rest = key.removeprefix(name + ".").partition(".")
        if not key.startswith(name + ".") or not head.isdigit():
            return key
        j = int(head)
        return None if j == i else f"{name}.{j - (j > i)}" + (f".{rest}" if rest else "")

    if "evidence" in out:
        evidence = {}
        for key, quotes in out["evidence"].items():
            if key == name and isinstance(quotes, list):
                quotes = [q for q in quotes if q != label]
            if moved(key) is not None and quotes:
                evidence[moved(key)] = quotes
        out["evidence"] = evidence
    notes = out["curation"].get("notes", [])
    out["curation"]["notes"] = [
        {**n, "field": moved(n["field"])} if "field" in n else n for n in notes if "field" not in n or moved(n["field"])
    ]
    if not out["curation"]["notes"]:
        del out["curation"]["notes"]
    return out


def _without_field(data: dict, name: str) -> dict:
    """data without the field at name (a dotted name), its evidence and the notes on it."""
    out = _delete(data, fields.parse_dotted(name))
    if "evidence" in out:
        out["evidence"] = {k: v for k, v in out["evidence"].items() if not fields.covered([name], k)}
    notes = [n for n in out["curation"].get("notes", []) if not fields.covered([name], n.get("field", ""))]
    out["curation"].pop("notes", None)
    if notes:
        out["curation"]["notes"] = notes
    return out


def _drop_everywhere(data: Any, path: Path_) -> None:
    """The field at path (a path without list indexes) deleted from data in place, from every item of
    each list on the way."""
    if isinstance(data, list):
        for item in data:
            _drop_everywhere(item, path)
    elif isinstance(data, dict) and path and path[0] in data:
        if len(path) == 1:
            del data[path[0]]
        else:
            _drop_everywhere(data[path[0]], path[1:])


def _quotes(data: dict, path: Path_) -> list[str]:
    for depth in range(len(path), 0, -1):
        key = fields.dotted(path[:depth])
        if key in data.get("evidence", {}):
            value = data["evidence"][key]
            return [normalise(q) for q in ([value] if isinstance(value, str) else value)]
    return []


def _numbers_in(quotes: list[str]) -> list[float]:
    return sorted({n.value for q in quotes for n in quantities.numbers(q)})


def _other_numbers(value: float, quotes: list[str]) -> list[float]:
    """Other numbers a curator could take from the quote, and a few near misses."""
    found = [n for n in _numbers_in(quotes) if not quantities.same_number(n, value)]
    near = [value + 1, value * 10] if value else [1.0]
    out: list[float] = []
    for n in found + near:
        if all(not quantities.same_number(n, o) for o in out):
            out.append(int(n) if float(n).is_integer() else n)
    return out


def _sentences(text: str) -> list[str]:
    """The text cut at each sentence or clause boundary (what is left still occurs in the source)."""
    cuts = []
    for m in re.finditer(r"[.;:](?=\s)|,(?=\s)", text):
        piece = text[: m.start() + (1 if text[m.start()] in ".:" else 0)].strip()
        if len(piece) >= 12 and piece != text.strip():
            cuts.append(piece)
    return cuts


def _enum_leaves(data: dict, schema: dict) -> Iterator[tuple[Path_, Any, dict]]:
    for path, value, node in fields.leaves(data, schema):
        if path[0] == "evidence":
            continue
        if "enum" in node or isinstance(value, bool):
            yield path, value, node
    for path, value, node in _lists_of_enums(data, schema):
        yield path, value, node


def _lists_of_enums(data: dict, schema: dict) -> Iterator[tuple[Path_, Any, dict]]:
    """Every list of vocabulary values (phases, target antigens, classification criteria, autoantibodies, ...)."""

    def walk(value: Any, node: dict, path: Path_) -> Iterator[tuple[Path_, Any, dict]]:
        node = fields.resolve(schema, node)
        if isinstance(value, dict):
            for key, child in value.items():
                if key != "evidence" and key in node.get("properties", {}):
                    yield from walk(child, node["properties"][key], path + (key,))
        elif isinstance(value, list):
            items = fields.resolve(schema, node.get("items", {}))
            if "enum" in items:
                yield path, value, items
            else:
                for i, child in enumerate(value):
                    yield from walk(child, items, path + (i,))

    yield from walk(data, schema, ())


# The study's own milestones (a registry's or a page's record of it aside: rules.RECORDED)
MILESTONES = ("start", "primary_completion", "completion")

# The eligibility fields read from one criterion they name (besides thresholds).
CRITERION_PLACED = ("lupus_nephritis", "classification_criteria", "autoantibodies", "prior_therapy")


def generate(data: dict, schema: dict, source_text: str, places: frozenset[str] = frozenset()) -> list[Mutation]:
    """Every mutation of one record (data as loaded); source_text: its source's normalised text;
    places: the fields its source states as values of their own (stated_places)."""
    out: list[Mutation] = []

    def add(kind: str, path: Path_, description: str, mutated: dict, expect: frozenset[str]) -> None:
        out.append(Mutation(kind, fields.dotted(path), description, mutated, expect))

    # every enum and yes/no value to every other value of its field. A field of the items of a list
    # (a threshold's kind) is checked against the item's own words by equality (binding: "kind !=
    # t['kind']"), whichever the wrong value is: the first item holding each value takes every other
    # value, and each further one another value, in turn (IM19's 22 thresholds made 242 kind mutants)
    seen: Counter[tuple] = Counter()
    for path, value, node in _enum_leaves(data, schema):
        if path[:2] == ("curation", "status"):
            continue  # the status is the next block's
        if isinstance(value, list):  # phases: each item to each other value
            # and a value next to its last added (PHASE1 as PHASE1 and PHASE2, CD19 as CD19 and CD20)
            order = node["enum"]
            added = [v for v in order[order.index(value[-1]) + 1 :] + order[::-1] if v not in value][:1]
            for other in added:
                add("value added to its list", path, f"+ {other}", _set(data, path, [*value, other]), VALUE_CODES)
            for i, item in enumerate(value):
                for other in node["enum"]:
                    if other not in value:
                        add(
                            "enum",
                            path,
                            f"{item} -> {other}",
                            _set(data, path, value[:i] + [other] + value[i + 1 :]),
                            VALUE_CODES | {"E516", "E207"},
                        )
            continue
        others = [not value] if isinstance(value, bool) else [v for v in node["enum"] if v != value]
        if isinstance(path[-1], int):  # an item of a list: its other values are the list-level mutations below
            continue
        expect = VALUE_CODES | {"E516", "E109", "E104"}
        if path[-1] == "list":  # a threshold pointed at the other list
            expect = expect | {"E513"}
        same = (tuple(p for p in path if isinstance(p, str)), json.dumps(value))  # the field and value
        if len(same[0]) < len(path) and seen[same]:  # each further item its next other value in turn
            others = [others[(seen[same] - 1) % len(others)]]
        seen[same] += 1
        for other in others:
            add("enum", path, f"{value!r} -> {other!r}", _set(data, path, other), expect)

    # a whole number written as a decimal (a count of 6.0, a criterion number 4.0): JSON Schema's integer
    # takes it, and the exports would print what the source does not write. One value a field: the check
    # reads every value alike, and each mutant costs a record's check
    done: set[Path_] = set()
    for path, value, node in fields.leaves(data, schema):
        field = tuple(p for p in path if isinstance(p, str))
        if node.get("type") == "integer" and type(value) is int and field not in done:
            done.add(field)
            add(
                "whole number as decimal",
                path,
                f"{value} -> {float(value)}",
                _set(data, path, float(value)),
                frozenset({"E209"}),
            )

    # the curation status: a stub that is not one (a draft or complete record), a complete record that is
    # a stub. (A complete record called a draft claims less than it holds: not a mistake a reader is misled by.)
    status = data["curation"]["status"]
    for other in ("complete", "stub", "draft"):
        # (a draft that holds its sources whole called complete claims no more than it holds either: the
        # checks of a complete record say whether it does)
        if other != status and (other, status) not in (("draft", "complete"), ("complete", "draft")):
            add(
                "status",
                ("curation", "status"),
                f"{status} -> {other}",
                _set(data, ("curation", "status"), other),
                frozenset({"E516", "E201", "E204", "E511", "E514"}),
            )

    eligibility = data.get("eligibility", {})
    # thresholds: comparators, values, units, criterion numbers
    for i, t in enumerate(eligibility.get("thresholds", [])):
        base: tuple[str | int, ...] = ("eligibility", "thresholds", i)
        quotes = _quotes(data, base)
        for cmp in (">=", "<=", ">", "<", "="):
            if cmp != t["comparator"]:
                add(
                    "comparator",
                    base + ("comparator",),
                    f"{t['comparator']} -> {cmp}",
                    _set(data, base + ("comparator",), cmp),
                    VALUE_CODES,
                )
        for n in _other_numbers(t["value"], quotes):
            add("number", base + ("value",), f"{t['value']} -> {n}", _set(data, base + ("value",), n), VALUE_CODES)
        for unit in _other_units(t["unit"])[:4]:
            add("unit", base + ("unit",), f"{t['unit']} -> {unit}", _set(data, base + ("unit",), unit), VALUE_CODES)
        listed = [c.get("number") for c in eligibility.get(t["criterion"]["list"].lower() + "_criteria", [])]
        near = sorted((n for n in listed if n is not None), key=lambda n: abs(n - t["criterion"]["number"]))
        for n in near[:4]:
            if n is not None and n != t["criterion"]["number"]:
                add(
                    "criterion",
                    base + ("criterion", "number"),
                    f"{t['criterion']['number']} -> {n}",
                    _set(data, base + ("criterion", "number"), n),
                    VALUE_CODES | {"E109"},
                )
        # a condition copied from another threshold of the same criterion (one that governs another limit)
        held = set(t.get("conditions", []))
        neighbours = [
            c
            for o in eligibility["thresholds"]
            if o["criterion"] == t["criterion"]
            for c in o.get("conditions", [])
            if c not in held
        ]
        for k, condition in enumerate(t.get("conditions", [])):
            for other in dict.fromkeys(neighbours):
                add(
                    "condition",
                    base + ("conditions", k),
                    f"{condition[:30]!r} -> {other[:30]!r}",
                    _set(data, base + ("conditions", k), other),
                    VALUE_CODES | {"E518"},
                )
        # another limit of the same kind moved here with its quote, where that quote names this
        # threshold's measure too ("Score ≥6 for SELENA-SLEDAI clinical symptoms" for SELENA-SLEDAI)
        for j, o in enumerate(eligibility["thresholds"]):
            limit = {k: o[k] for k in ("comparator", "value", "unit")}
            if j == i or o["kind"] != t["kind"] or limit == {k: t[k] for k in limit}:
                continue
            if any(normalise(t["measure"]) in q for q in _quotes(data, ("eligibility", "thresholds", j))):
                moved = _set(data, base, {**t, **limit, "criterion": o["criterion"]})
                moved["evidence"][fields.dotted(base)] = _copied(data["evidence"][fields.dotted(base[:2] + (j,))])
                # E113: with the same measure, the threshold is then the other one written twice
                add("limit moved", base, f"limit of threshold {j} with its quote", moved, VALUE_CODES | {"E113"})
        # another limit copied over this one with its quote and criterion, this one's measure and conditions
        # kept (IM19's "steroids" stable for >= 7 days given the steroid ceiling's <= 30 mg/day): the
        # ceiling is held twice, in two wordings, and the stable dose is lost from a complete record
        # The pairs that pay: a limit of the same criterion (its quote may stand where this one's
        # does, and only E527 tells them apart), and one of another criterion (E513: that quote is
        # not this criterion's); IM19's other 430 pairs each repeated the second (E513 and E527)
        if data["curation"]["status"] == "complete":
            elsewhere = 0
            for j, o in enumerate(eligibility["thresholds"]):
                limit = {k: o[k] for k in ("comparator", "value", "unit", "kind", "criterion")}
                if j == i or limit == {k: t[k] for k in limit}:
                    continue
                if o["criterion"] != t["criterion"]:
                    elsewhere += 1
                    if elsewhere > 1:
                        continue
                copied = _set(data, base, {**t, **_copied(limit)})
                copied["evidence"][fields.dotted(base)] = _copied(data["evidence"][fields.dotted(base[:2] + (j,))])
                add(
                    "limit copied",
                    base,
                    f"limit and quote of threshold {j}",
                    copied,
                    VALUE_CODES | {"E113", "E527", "E518", "E524", "E528", "E529"},
                )
        # another limit of its criterion given to it, its quote the clause that states that limit and
        # names this threshold's measure beside another's ("≥3×ULN, or bilirubin >1.5×ULN" for bilirubin,
        # "CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³" for CD4+ T lymphocytes)
        for limit, quote in _limits_of_its_criterion(eligibility, t):
            given = _set(data, base, {**t, **limit})
            given["evidence"][fields.dotted(base)] = quote
            add(
                "limit of another measure",
                base,
                f"{limit['comparator']} {limit['value']} {limit['unit']} by {quote[-40:]!r}",
                given,
                VALUE_CODES | {"E113", "E527", "E518", "E524", "E528", "E529"},
            )
        # the kind of another limit of its criterion, quoted by the whole item that states both ("Major
        # surgery ... within 24 weeks prior to screening, or surgery is planned within 24 weeks after
        # enrollment": the planned surgery's limit read as one since the surgery)
        for kind, quote in _kinds_of_its_criterion(data, eligibility, i):
            given = _set(data, base + ("kind",), kind)
            given["evidence"][fields.dotted(base)] = quote
            add(
                "kind of another limit",
                base + ("kind",),
                f"{t['kind']} -> {kind} by its item",
                given,
                VALUE_CODES | {"E113", "E527", "E518", "E524", "E528", "E529"},
            )
        # another threshold's measure of its criterion, quoted by the whole item that names it (a measure
        # its own quote holds too is only another wording of it: "steroids" of "the maximum dose of steroids
        # is 30mg/day prednisone")
        for named, quote in _measures_of_its_criterion(eligibility, t, quotes):
            given = _set(data, base + ("measure",), named)
            given["evidence"][fields.dotted(base)] = quote
            add(
                "measure of another limit",
                base + ("measure",),
                f"{t['measure'][:30]!r} -> {named[:30]!r} by its item",
                given,
                VALUE_CODES | {"E501", "E512", "E113", "E518", "E524", "E527", "E528", "E529"},
            )
        # words of another limit's sentence before this one in its text given to it as a condition: the
        # clause after that limit ("during the screening period" of "SELENA-SLEDAI score ≥8 during the
        # screening period. Score ≥6 ..."), or that sentence whole (IM19's inline item "d. CD4+ T
        # lymphocytes <500/mm³ with a neutrophil count <1000/mm³" before "e. Platelets <25,000/mm³")
        for condition in _sentences_of_other_limits(eligibility, t, quotes)[:2]:
            add(
                "condition from another limit's sentence",
                base + ("conditions",),
                f"+ {condition[:40]!r}",
                _set(data, base + ("conditions",), t.get("conditions", []) + [condition]),
                VALUE_CODES | {"E518", "E528"},
            )
        # a whole-number limit written with the other comparator of its side ("≥ 18" as "> 17", "< 30" as
        # "≤ 29"): the same patients for whole numbers, but not what the criterion writes (and not for a
        # measure that takes fractions)
        strict = {">=": (">", -1), ">": (">=", 1), "<=": ("<", 1), "<": ("<=", -1)}.get(t["comparator"])
        if strict is not None and float(t["value"]).is_integer():
            rewritten = _set(data, base + ("comparator",), strict[0])
            rewritten["eligibility"]["thresholds"][i]["value"] = type(t["value"])(t["value"] + strict[1])
            add(
                "limit rewritten",
                base,
                f"{t['comparator']} {t['value']} -> {strict[0]} {t['value'] + strict[1]}",
                rewritten,
                VALUE_CODES,
            )
        # the threshold written twice (a limit copied over another, whose own is then lost)
        repeated = _copied(data)
        repeated["eligibility"]["thresholds"].append(_copied(t))
        add("threshold repeated", base, "twice", repeated, frozenset({"E113"}))
        # the threshold left out of a complete record, its quote with it: every value left still binds,
        # and the criterion's limit is gone from trials.csv (its disease-activity cell reads "not stated")
        if data["curation"]["status"] == "complete":
            add(
                "threshold dropped",
                base,
                f"{t['measure'][:30]!r} {t['comparator']} {t['value']} left out",
                _without_item(data, "eligibility.thresholds", i),
                frozenset({"E527"}),
            )
        # its conditions left out: the limit then reads as applying to everyone
        if t.get("conditions"):
            add(
                "conditions dropped",
                base + ("conditions",),
                f"{len(t['conditions'])} left out",
                _delete(data, base + ("conditions",)),
                VALUE_CODES | {"E518", "E524"},
            )
        # a condition cut short of its clause's last words ("if biological agents (...) are" without "used";
        # one cut after a punctuation mark keeps a whole phrase: "if biological agents (such as ...)")
        for k, condition in enumerate(t.get("conditions", [])):
            words = condition.split()
            for drop in (1, 2):
                if len(words) > drop + 2 and words[-drop - 1][-1] not in ",.;:)":
                    add(
                        "condition cut",
                        base + ("conditions", k),
                        f"last {drop} word(s) of {condition[:30]!r} left out",
                        _set(data, base + ("conditions", k), " ".join(words[:-drop])),
                        VALUE_CODES | {"E528", "E513"},
                    )
        # its own quote given as a condition of it ("Weight ≥ 40 kg" for Weight ≥ 40 kg): words of its
        # criterion, but the limit itself, no condition of it
        for quote in quotes:  # (a sub-list's heading quoted for its measure states no limit: it may be one)
            unlabelled = re.sub(r"^\(?[0-9]{1,3}[.)]\s+", "", quote)
            limits = any(quantities.same_number(s.value, t["value"]) for s in stated_limits.statements(unlabelled))
            if limits and unlabelled not in t.get("conditions", []):
                add(
                    "condition its own limit",
                    base + ("conditions",),
                    f"+ {unlabelled[:30]!r}",
                    _set(data, base + ("conditions",), t.get("conditions", []) + [unlabelled]),
                    VALUE_CODES | {"E518", "E524", "E528"},
                )
        # a condition cut at its start, its first word left out ("is no minimum daily dose requirement ..."
        # of "There is no ...")
        for k, condition in enumerate(t.get("conditions", [])):
            if len(condition.split(" ")) > 2:
                add(
                    "condition cut at its start",
                    base + ("conditions", k),
                    f"{condition[:30]!r} without its first word",
                    _set(data, base + ("conditions", k), condition.split(" ", 1)[1]),
                    VALUE_CODES | {"E518", "E524", "E528"},
                )
        # a condition run back into the word before it in its criterion, which may close a parenthesis it
        # does not open ("antibodies) if low complement ..." of "(except for ... antibodies) if low ...")
        for k, condition in enumerate(t.get("conditions", [])):
            for run in _run_back(eligibility, t["criterion"], condition, (1,)):
                add(
                    "text run back into its criterion",
                    base + ("conditions", k),
                    f"-> {run[:40]!r}",
                    _set(data, base + ("conditions", k), run),
                    VALUE_CODES | {"E518", "E528"},
                )
        # one of its conditions left out (an exception after its limit: "There is no minimum daily dose
        # requirement ... when used in combination with immunosuppressants")
        if len(t.get("conditions", [])) > 1:
            for k, condition in enumerate(t["conditions"]):
                add(
                    "condition dropped",
                    base + ("conditions", k),
                    f"{condition[:30]!r} left out",
                    _set(data, base + ("conditions",), t["conditions"][:k] + t["conditions"][k + 1 :]),
                    VALUE_CODES | {"E518", "E524"},
                )
        # another threshold's condition of the same criterion added to its own (a sub-list heading its
        # quote holds is its own: "Oral corticosteroids must meet the following requirements:")
        for condition in dict.fromkeys(neighbours):
            if not any(normalise(condition) in q for q in quotes):
                add(
                    "condition added",
                    base + ("conditions",),
                    f"+ {condition[:30]!r}",
                    _set(data, base + ("conditions",), t.get("conditions", []) + [condition]),
                    VALUE_CODES | {"E518"},
                )
        # a measure that lists several things cut to the items after its first, or before its last
        # ("drug abuse" of "alcohol or drug abuse", ALT left out of "ALT, AST, or ALP")
        seps = list(re.finditer(r",\s+(?:(?:and/or|and|or)\s+)?|\s+(?:and/or|and|or)\s+", t["measure"]))
        for cut in dict.fromkeys([t["measure"][seps[0].end() :], t["measure"][: seps[-1].start()]] if seps else []):
            add(
                "measure cut from its list",
                base + ("measure",),
                f"{t['measure'][:30]!r} -> {cut!r}",
                _set(data, base + ("measure",), cut),
                VALUE_CODES | {"E529"},
            )
        # one item alone of a measure that lists three or more, the first or the last: the limit after the
        # list is said of each ("other clinically significant heart disease" of "myocardial infarction, ...,
        # or other clinically significant heart disease within 6 months")
        alone = re.split(r",\s+(?:(?:and/or|and|or)\s+)?|\s+(?:and/or|and|or)\s+", t["measure"])
        for one in dict.fromkeys([alone[0], alone[-1]] if len(alone) > 2 else []):
            add(
                "measure one item of its list",
                base + ("measure",),
                f"{t['measure'][:30]!r} -> {one!r}",
                _set(data, base + ("measure",), one),
                VALUE_CODES | {"E529"},
            )
        # one item of a measure that lists items closed by their parentheses, the first or the last
        # ("alanine aminotransferase (ALT)", "alkaline phosphatase (ALP)" of "ALT, AST, or ALP" written out)
        listed = re.split(r"(?<=\)),\s+(?:(?:and/or|and|or)\s+)?", t["measure"])
        for one in dict.fromkeys([listed[0], listed[-1]] if len(listed) > 1 else []):
            add(
                "measure cut from its list",
                base + ("measure",),
                f"{t['measure'][:30]!r} -> {one!r}",
                _set(data, base + ("measure",), one),
                VALUE_CODES | {"E529"},
            )
        # a measure that holds a limit of its own cut before it ("prednisone" of "prednisone ≥100" for the
        # 8 weeks of "prednisone ≥100 within 8 weeks prior to screening": any prednisone then excluded)
        for s in stated_limits.statements(normalise(t["measure"])):
            cut = normalise(t["measure"])[: s.start].rstrip(" ≥≤<>=")
            if s.comparator is not None and cut and cut != t["measure"]:
                add(
                    "measure cut before its own limit",
                    base + ("measure",),
                    f"{t['measure'][:30]!r} -> {cut!r}",
                    _set(data, base + ("measure",), cut),
                    VALUE_CODES | {"E529"},
                )
        # the measure given the examples its quote names of it ("belizumab or Telitacicept" of "biological
        # agents (such as belizumab or Telitacicept)"), or one of them
        for quote in quotes:
            for m in re.finditer(r"\((?:such as|e\.g\.,?|including) ([^()]+)\)", quote):
                for example in dict.fromkeys([m.group(1), *re.split(r",\s+|\s+or\s+|\s+and\s+", m.group(1))]):
                    add(
                        "measure of its examples",
                        base + ("measure",),
                        f"{t['measure'][:30]!r} -> {example!r}",
                        _set(data, base + ("measure",), example),
                        VALUE_CODES | {"E529", "E501", "E512"},
                    )
        # the measure run on into a parenthesis after it, which it leaves open ("SELENA-SLEDAI clinical
        # symptoms (except", "IgA deficiency was present during screening (serum IgA level")
        for quote in quotes:
            for m in re.finditer(
                re.escape(normalise(t["measure"])) + r"[^()≥≤<>]{0,60}?\((?:\s*[^\s()≥≤<>0-9]+){1,3}", quote
            ):
                add(
                    "measure into a parenthesis",
                    base + ("measure",),
                    f"{t['measure'][:30]!r} -> {m.group(0)[-30:]!r}",
                    _set(data, base + ("measure",), m.group(0).rstrip(",;:")),
                    VALUE_CODES | {"E529"},
                )
        # the measure run on through another limit its quote states before this one ("Prednisone (or
        # equivalent) ≥7.5 mg/ day" for the ceiling of "..., and ≤30 mg/ day", "serum creatinine > 2.5
        # mg/dL" for "or 221 μmol/L")
        for quote in quotes:
            at = quote.find(normalise(t["measure"]))
            stated = stated_limits.statements(quote) if at >= 0 else ()
            own = [s for s in stated if quantities.same_number(s.value, t["value"]) and s.start >= at]
            for o in stated:
                if own and at + len(normalise(t["measure"])) <= o.start and o.end <= own[0].start:
                    add(
                        "measure through another limit",
                        base + ("measure",),
                        f"{t['measure'][:30]!r} -> {quote[at : o.end][-30:]!r}",
                        _set(data, base + ("measure",), quote[at : o.end]),
                        VALUE_CODES | {"E529"},
                    )
        # the measure copied with its limit's sign after it ("Weight ≥" of "Weight ≥ 40 kg")
        for quote in quotes:
            for m in re.finditer(re.escape(normalise(t["measure"])) + r"(\s*[≥≤<>=]+)\s*[0-9]", quote):
                add(
                    "measure with its sign",
                    base + ("measure",),
                    f"{t['measure'][:30]!r} + {m.group(1).strip()!r}",
                    _set(data, base + ("measure",), t["measure"] + m.group(1)),
                    VALUE_CODES | {"E529"},
                )
        # another threshold's measure (one that is only a shorter or longer wording of this one is
        # not a mistake: "steroids" for "the maximum dose of steroids is 30mg/day prednisone")
        others = [
            o["measure"]
            for o in eligibility["thresholds"]
            if not any(normalise(o["measure"]) in q for q in quotes) and o["measure"] != t["measure"]
        ]
        for measure in list(dict.fromkeys(others))[:3]:
            add(
                "measure",
                base + ("measure",),
                f"{t['measure']!r} -> {measure!r}",
                _set(data, base + ("measure",), measure),
                VALUE_CODES | {"E501", "E512"},
            )

    # a condition left out of every threshold that holds it: no other threshold's conditions then say
    # where it stands in the criterion ("If the subject is receiving steroids, ...", a sub-list's heading)
    thresholds = eligibility.get("thresholds", [])
    for condition in dict.fromkeys(c for t in thresholds for c in t.get("conditions", [])):
        left = _copied(data)
        for t in left["eligibility"]["thresholds"]:
            if condition in t.get("conditions", []):
                t["conditions"].remove(condition)
                if not t["conditions"]:
                    del t["conditions"]
        add(
            "condition never held",
            ("eligibility", "thresholds"),
            f"{condition[:30]!r}",
            left,
            frozenset({"E524"}),
        )

    # the fields read from one criterion: pointed at a neighbouring criterion, a text from another criterion
    for name in CRITERION_PLACED:
        item = eligibility.get(name)
        if not item:
            continue
        base = ("eligibility", name)
        ref = item["criterion"]
        listed = [c.get("number") for c in eligibility.get(ref["list"].lower() + "_criteria", [])]
        for n in sorted(
            (n for n in listed if n is not None and n != ref["number"]), key=lambda n: abs(n - ref["number"])
        )[:4]:
            add(
                "criterion",
                base + ("criterion", "number"),
                f"{ref['number']} -> {n}",
                _set(data, base + ("criterion", "number"), n),
                VALUE_CODES | {"E109"},
            )
        for i, therapy in enumerate(item.get("therapies", [])):
            if len(item["therapies"]) > 1:  # one of the kinds of treatment its quote lists left out
                add(
                    "therapy dropped",
                    base + ("therapies", i),
                    f"drop {therapy[:30]!r}",
                    _delete(data, base + ("therapies", i)),
                    VALUE_CODES | {"E525"},
                )
            # the item cut short before its parenthesis or one of its alternatives ("biologics" of "biologics
            # (belizumab or Rituximab)", "other immunosuppressants" of "... or immunomodulators")
            for m in re.finditer(r" \(| or | and ", therapy):
                if therapy[: m.start()] not in item["therapies"]:
                    add(
                        "therapy cut",
                        base + ("therapies", i),
                        f"{therapy[:30]!r} cut to {therapy[: m.start()][-30:]!r}",
                        _set(data, base + ("therapies", i), therapy[: m.start()]),
                        VALUE_CODES | {"E525"},
                    )
            # the first item run back into the words before the enumeration (": corticosteroids",
            # "regimen, including steroids (...)")
            for run in _run_back(eligibility, ref, therapy, (1, 2) if i == 0 else ()):
                add(
                    "text run back into its criterion",
                    base + ("therapies", i),
                    f"-> {run[:40]!r}",
                    _set(data, base + ("therapies", i), run),
                    VALUE_CODES | {"E525"},
                )
            # the item cut inside its words, its first or its last word left out: a parenthesis alone
            # ("(sufficient or shock therapy)" of "steroids (...)"), one left open ("biologics (belizumab
            # or"), a conjunction left hanging ("other immunosuppressants or")
            words = therapy.split(" ")
            for cut in dict.fromkeys([" ".join(words[1:]), " ".join(words[:-1])] if len(words) > 1 else []):
                if cut not in item["therapies"]:
                    add(
                        "therapy cut inside its words",
                        base + ("therapies", i),
                        f"{therapy[:30]!r} cut to {cut[-30:]!r}",
                        _set(data, base + ("therapies", i), cut),
                        VALUE_CODES | {"E525"},
                    )
            # a part of another item (the words of its parenthesis, one of its alternatives) in this one's
            # place, or added: an item of two enumerations
            for j, whole in enumerate(item.get("therapies", [])):
                parts = re.findall(r"\(([^()]+)\)", whole) + [
                    p for p in re.split(r" or |\s*\(", whole)[1:] if ")" not in p
                ]
                for part in dict.fromkeys(p.strip() for p in parts):
                    if part and part not in item["therapies"]:
                        therapies = item["therapies"]
                        add(
                            "therapy from another's words",
                            base + ("therapies", i),
                            f"{therapy[:30]!r} -> {part!r} (of item {j})",
                            _set(data, base + ("therapies",), therapies[:i] + [part] + therapies[i + 1 :]),
                            VALUE_CODES | {"E525", "E501", "E512"},
                        )
                        if i == 0:
                            add(
                                "therapy from another's words",
                                base + ("therapies",),
                                f"+ {part!r} (of item {j})",
                                _set(data, base + ("therapies",), [*therapies, part]),
                                VALUE_CODES | {"E525", "E501", "E512"},
                            )
            for other in ("hydroxychloroquine", "belimumab", "plasma exchange"):
                add(
                    "text swapped",
                    base + ("therapies", i),
                    f"{therapy!r} -> {other!r}",
                    _set(data, base + ("therapies", i), other),
                    VALUE_CODES | {"E501", "E512"},
                )
        # its quotes cut to those of its criterion that write none of its therapies (Relma-cel's "the
        # disease remained active ..." without the sentence that lists them): the values stand right in
        # the criterion, but their evidence is another sentence of it
        if item.get("therapies"):
            listed_items = eligibility[ref["list"].lower() + "_criteria"]
            words = [
                normalise(w)
                for k in fields.criteria_named(eligibility, ref)
                for w in fields.criterion_texts(listed_items[k])
            ]
            sentences = [s for w in words for s in re.split(r"(?<=[.:])\s+", w)]
            for quote in dict.fromkeys(_quotes(data, base) + sentences):
                if not any(normalise(therapy) in quote for therapy in item["therapies"]):
                    apart = _copied(data)
                    apart["evidence"][fields.dotted(base)] = quote
                    add(
                        "therapies quoted apart",
                        base,
                        f"by {quote[:40]!r}",
                        apart,
                        VALUE_CODES | {"E525"},
                    )

    # a field of terms a criterion requires pointed at another criterion that only names one of its terms,
    # quoted by the clause that names it (Relma-cel's criterion 6: "(except for low complement and/or
    # anti-DS-DNA antibodies)" read as a requirement to be positive for anti-dsDNA)
    for name, key in (("autoantibodies", "antibodies"), ("classification_criteria", "systems")):
        item = eligibility.get(name)
        if not item:
            continue
        node = fields.resolve(schema, fields.node_at(schema, ("eligibility", name, key)).get("items", {}))
        words = vocabulary.for_enum(tuple(node["enum"]))
        assert words is not None
        for list_name in ("inclusion_criteria", "exclusion_criteria"):
            for criterion in eligibility.get(list_name, []):
                ref = {"list": list_name.split("_")[0].upper(), "number": criterion.get("number")}
                if ref["number"] is None or ref == item["criterion"]:
                    continue
                text = normalise(" ".join(fields.criterion_texts(criterion)))
                for term in words.places(text):
                    lo, _ = stated_limits.clause(text, term.start, term.end)
                    clause = text[lo : term.end].strip()
                    pointed = _copied(data)
                    kept = {k: v for k, v in item.items() if k not in (key, "criterion")}  # its match
                    pointed["eligibility"][name] = {key: sorted(term.values), **kept, "criterion": ref}
                    pointed["evidence"][f"eligibility.{name}"] = clause
                    add(
                        "term only named by another criterion",
                        ("eligibility", name),
                        f"-> {ref['list']} {ref['number']} by {clause[-40:]!r}",
                        pointed,
                        VALUE_CODES | {"E507", "E521", "E525"},
                    )

    # ages: the other bound's number, other units; an age read from a length of time a criterion states,
    # quoted by its clause (Relma-cel's "The history of SLE prior to screening was at least 6 months" as
    # a minimum age of 6 months)
    lengths = _lengths_of_time(eligibility)
    for name in ("minimum_age", "maximum_age"):
        age = eligibility.get(name)
        if not age:
            continue
        base = ("eligibility", name)
        for unit in ("YEARS", "MONTHS", "WEEKS", "DAYS"):
            if unit != age["unit"]:
                add(
                    "unit",
                    base + ("unit",),
                    f"{age['unit']} -> {unit}",
                    _set(data, base + ("unit",), unit),
                    VALUE_CODES | {"E104", "E111"},
                )
        for (value, unit), clause in lengths.items():
            if (value, unit) != (age["value"], age["unit"]):
                read = _set(data, base, {"value": value, "unit": unit})
                read["evidence"][fields.dotted(base)] = clause
                add(
                    "age from a length of time",
                    base,
                    f"{value} {unit} by {clause[:40]!r}",
                    read,
                    VALUE_CODES | {"E104", "E527", "E512"},  # E512: a registry page states ages elsewhere
                )
        for n in _other_numbers(age["value"], _quotes(data, base)):
            add(
                "number",
                base + ("value",),
                f"{age['value']} -> {n}",
                _set(data, base + ("value",), int(n)),
                VALUE_CODES | {"E104", "E206", "E111"},
            )

    # cohorts: dose numbers, units, patients
    for a, arm in enumerate(data.get("arms", [])):
        for c, cohort in enumerate(arm.get("cohorts", [])):
            base = ("arms", a, "cohorts", c)
            quotes = _quotes(data, base)
            dose = cohort["dose"]
            for n in _other_numbers(dose["value"], quotes):
                add(
                    "number",
                    base + ("dose", "value"),
                    f"{dose['value']} -> {n}",
                    _set(data, base + ("dose", "value"), n),
                    VALUE_CODES,
                )
            for unit in ("mg", "CAR-T", "cells", "T cells"):
                add(
                    "unit",
                    base + ("dose", "unit"),
                    f"{dose['unit']} -> {unit}",
                    _set(data, base + ("dose", "unit"), unit),
                    VALUE_CODES,
                )
            if "patients" in cohort:
                for end in ("first", "last"):
                    for n in _other_numbers(cohort["patients"][end], quotes):
                        n = int(n)
                        if n >= 1:
                            patients = dict(cohort["patients"], **{end: n})
                            add(
                                "number",
                                base + ("patients", end),
                                f"{cohort['patients'][end]} -> {n}",
                                _set(data, base + ("patients",), patients),
                                VALUE_CODES | {"E107"},
                            )

        # a cohort given another cohort's dose (of its arm or another), its own quote kept; and its basis
        # turned while the unit says it ("CAR-T cells/kg" as a flat dose, "/kg" left out of a per-kilogram one)
        doses = [co["dose"] for other in data["arms"] for co in other.get("cohorts", [])]
        for c, cohort in enumerate(arm.get("cohorts", [])):
            base = ("arms", a, "cohorts", c, "dose")
            for dose in list(dict.fromkeys(json.dumps(d, sort_keys=True) for d in doses if d != cohort["dose"]))[:2]:
                add("dose of another cohort", base, f"-> {dose[:50]}", _set(data, base, json.loads(dose)), VALUE_CODES)
            turned = {"PER_KG": "FLAT", "FLAT": "PER_KG"}.get(cohort["dose"].get("basis", ""))
            if turned is not None:
                unit = cohort["dose"]["unit"] + ("/kg" if turned == "FLAT" else "")
                add(
                    "dose basis in its unit",
                    base,
                    f"{cohort['dose']['basis']} -> {turned}, unit {unit!r}",
                    _set(data, base, {**cohort["dose"], "basis": turned, "unit": unit}),
                    VALUE_CODES,
                )

        # a cohort left out of a complete record, its quote and notes with it: the arm's description
        # still gives its patients a dose
        if data["curation"]["status"] == "complete":
            for c in range(len(arm.get("cohorts", []))):
                add(
                    "cohort dropped",
                    ("arms", a, "cohorts", c),
                    "left out",
                    _without_item(data, f"arms.{a}.cohorts", c),
                    frozenset({"E526", "E520"}),
                )

        # a cohort given to another arm too, with its quote (a dose one arm's description gives, read as
        # the comparator arm's as well)
        for b in range(len(data.get("arms", []))):
            if b == a or "cohorts" not in arm:
                continue
            for c, cohort in enumerate(arm["cohorts"]):
                given = _copied(data)
                given["arms"][b].setdefault("cohorts", []).append(_copied(cohort))
                k = len(given["arms"][b]["cohorts"]) - 1
                given["evidence"][f"arms.{b}.cohorts.{k}"] = _copied(data["evidence"][f"arms.{a}.cohorts.{c}"])
                add(
                    "cohort given to another arm",
                    ("arms", b, "cohorts", k),
                    f"cohort {c} of arm {a}",
                    given,
                    VALUE_CODES | {"E512", "E107"},
                )
        # two cohorts' patients (or doses) swapped, where each cohort quotes all of the arm's cohorts
        # (one sentence gives every dose: each dose must go with the patients named beside it)
        cohorts = arm.get("cohorts", [])
        pooled = [q for c in range(len(cohorts)) for q in _quotes(data, ("arms", a, "cohorts", c))]
        if len(cohorts) < 2 or not pooled:
            continue
        shared = _copied(data)
        for c in range(len(cohorts)):
            shared["evidence"][fields.dotted(("arms", a, "cohorts", c))] = list(dict.fromkeys(pooled))
        for (c, one), (d, two) in itertools.combinations(enumerate(cohorts), 2):
            for key in ("patients", "dose"):
                if key in one and key in two and one[key] != two[key]:
                    base = ("arms", a, "cohorts")
                    add(
                        "cohorts swapped",
                        base + (c, key),
                        f"{key} of cohorts {c} and {d} swapped, one quote for both",
                        _set(_set(shared, base + (c, key), two[key]), base + (d, key), one[key]),
                        VALUE_CODES | {"E107"},
                    )

    # enrollment
    if "enrollment" in data:
        for n in _other_numbers(data["enrollment"]["count"], _quotes(data, ("enrollment",))):
            add("number", ("enrollment", "count"), f"-> {n}", _set(data, ("enrollment", "count"), int(n)), VALUE_CODES)

    # dates: every other date the source gives, a day, a month or a year off
    mentioned = sorted({m.value for m in date_mentions.dates(source_text)})
    for name, struct in data.get("dates", {}).items():
        base = ("dates", name, "date")
        for other in mentioned + [_day_off(struct["date"]), *_month_and_year_off(struct["date"])]:
            if other and other != struct["date"]:
                add(
                    "date",
                    base,
                    f"{struct['date']} -> {other}",
                    _set(data, base, other),
                    VALUE_CODES | {"E105", "E103"},
                )
    # two dates given each other's date, each its own quote kept (the start and the completion read off
    # a page's table in the wrong order)
    for one, two in itertools.combinations(sorted(data.get("dates", {})), 2):
        first, second = data["dates"][one]["date"], data["dates"][two]["date"]
        if first != second:
            swapped = _set(_set(data, ("dates", one, "date"), second), ("dates", two, "date"), first)
            add("dates swapped", ("dates", one, "date"), f"{one} and {two}", swapped, VALUE_CODES | {"E105"})
    # a date read as another field too, from its quote or from the date alone: one date the source
    # writes once given to two fields (the start's date as the completion, a primary completion the
    # source does not give)
    for name, struct in data.get("dates", {}).items():
        quotes = _quotes(data, ("dates", name, "date"))
        for other in ("start", "primary_completion", "completion", "first_submitted", "first_posted", "last_updated"):
            if other == name or data["dates"].get(other, {}).get("date") == struct["date"]:
                continue
            for quote in dict.fromkeys([*quotes[:1], struct["date"]]):
                read = _copied(data)
                read["dates"][other] = {"date": struct["date"]}
                read["evidence"][f"dates.{other}.date"] = quote
                silent = [s for s in read["curation"].get("silent", []) if not fields.covered([f"dates.{other}"], s)]
                read["curation"]["silent"] = silent + ([f"dates.{other}.type"] if "type" not in struct else [])
                add(
                    "date read twice",
                    ("dates", other, "date"),
                    f"{name}'s {struct['date']} by {quote[:30]!r}",
                    read,
                    VALUE_CODES | {"E105", "E502", "E512"},  # a quote from elsewhere: E502, E512
                )
    # a date moved, with its quote and notes, to a field of what a registry or a page has recorded (the
    # completion an unlabelled line gives, 2027-12-31, read as the first posting of a copy read in 2025),
    # or to another milestone of the study (that completion read as the primary completion, under a
    # note on `dates` that reads the two unlabelled dates as the start and the completion)
    for name, struct in data.get("dates", {}).items():
        for other in rules.RECORDED + MILESTONES:
            if other in data["dates"]:
                continue
            moved = _copied(data)
            moved["dates"][other] = moved["dates"].pop(name)
            moved["evidence"] = {
                re.sub(rf"^dates\.{name}(?=\.|$)", f"dates.{other}", k): v for k, v in moved["evidence"].items()
            }
            for note in moved["curation"].get("notes", []):
                note["field"] = re.sub(rf"^dates\.{name}(?=\.|$)", f"dates.{other}", note.get("field", ""))
            silent = [s for s in moved["curation"].get("silent", []) if not fields.covered([f"dates.{other}"], s)]
            silent = [s for s in silent if not fields.covered([f"dates.{name}"], s)] + [f"dates.{name}"]
            moved["curation"]["silent"] = silent + ([f"dates.{other}.type"] if "type" not in struct else [])
            add(
                "date moved to another milestone" if other in MILESTONES else "date moved to a recorded one",
                ("dates", other, "date"),
                f"{name}'s {struct['date']}",
                moved,
                VALUE_CODES | {"E105", "E502", "E512", "E523"},
            )
    # a date's type read from words of the source about another date ("Estimated" of a page's "Estimated
    # completion" given to its launch date), each rendering of a type with the words after it
    types = vocabulary.for_enum(("ACTUAL", "ESTIMATED"))
    assert types is not None
    for name, struct in data.get("dates", {}).items():
        for term in types.places(source_text):
            words = source_text[term.start :].split(" ")
            for value in term.values:
                for quote in dict.fromkeys([source_text[term.start : term.end], " ".join(words[:2])]):
                    if struct.get("type") == value and quote in (_quotes(data, ("dates", name)) or [""])[0]:
                        continue
                    typed = _set(data, ("dates", name, "type"), value)
                    typed["evidence"][f"dates.{name}.type"] = quote
                    silent = typed["curation"].get("silent", [])
                    typed["curation"]["silent"] = [s for s in silent if s != f"dates.{name}.type"]
                    add(
                        "date type from elsewhere",
                        ("dates", name, "type"),
                        f"{struct.get('type')} -> {value} by {quote[:30]!r}",
                        typed,
                        VALUE_CODES | {"E502", "E512", "E521"},
                    )
    # a source's as-of label cut to a part of its words ("Last" or "Updated" of "Last Updated", "as of" of
    # "Current as of"): still words of the source, and one of them an as-of label of its own
    for i, source in enumerate(data["curation"]["sources"]):
        words = str(source.get("as_of_label", "")).split(" ")
        for cut in dict.fromkeys([" ".join(words[1:]), " ".join(words[:-1])] if len(words) > 1 else []):
            add(
                "as-of label cut",
                ("curation", "sources", i, "as_of_label"),
                f"{source['as_of_label']!r} -> {cut!r}",
                _set(data, ("curation", "sources", i, "as_of_label"), cut),
                TEXT_CODES | {"E509"},
            )
    for i, source in enumerate(data["curation"]["sources"]):
        base = ("curation", "sources", i, "as_of")
        for other in mentioned + [_day_off(source["as_of"])]:
            if other and other != source["as_of"]:
                # E105: an as-of date moved before a date of what the source has recorded
                add("date", base, f"{source['as_of']} -> {other}", _set(data, base, other), VALUE_CODES | {"E105"})

    # criteria: each dropped, cut at each sentence or clause, moved to the other list, renumbered
    complete = data["curation"]["status"] == "complete"
    for name in ("inclusion_criteria", "exclusion_criteria"):
        items = eligibility.get(name, [])
        other = "exclusion_criteria" if name == "inclusion_criteria" else "inclusion_criteria"
        for i, item in enumerate(items):
            base = ("eligibility", name, i)
            if len(items) > 1 and complete:  # a draft may leave items out, not hold them otherwise
                add("criterion dropped", base, f"drop {item.get('number')}", _delete(data, base), CRITERIA_CODES)
            for cut in _sentences(item["text"]):
                add(
                    "criterion cut",
                    base + ("text",),
                    f"cut to {cut[-30:]!r}",
                    _set(data, base + ("text",), cut),
                    CRITERIA_CODES,
                )
            if other in eligibility and len(items) > 1:
                moved = _delete(data, base)
                moved["eligibility"][other].append({k: v for k, v in item.items() if k != "number"})
                add("criterion moved", base, "to the other list", moved, CRITERIA_CODES)
            if item.get("number") is not None and complete:
                add(
                    "criterion renumbered",
                    base + ("number",),
                    "number dropped",
                    _delete(data, base + ("number",)),
                    CRITERIA_CODES,
                )

    out.extend(_criteria_filed_otherwise(data))
    import mutations_more  # (it imports this module: at the call, not at the top)

    out.extend(mutations_more.generate(data))
    out.extend(_values_read_elsewhere(data, schema, source_text))
    # a title, a name or a description cut before a clause that still leaves words of the source ("...
    # in Adults" of "... in Adults (Part A) and Adolescents (Part B)"): a value the source gives whole
    for path, text, _ in fields.verbatim_texts(data, schema):
        if _criterion(path):
            continue
        for m in re.finditer(r"(?<=[,:])\s+", text):  # and its words before a comma or colon cut off
            if len(text[m.end() :].split()) >= 2:
                add(
                    "text cut before a clause",
                    path,
                    f"to {text[m.end() :][:30]!r}",
                    _set(data, path, text[m.end() :]),
                    TEXT_CODES | {"E521"},
                )
        for m in list(_CLAUSE.finditer(text)) + list(re.finditer(r",\s", text)):
            cut = text[: m.start()].rstrip(" ,;")
            if len(cut.split()) >= 2:
                add(
                    "text cut before a clause",
                    path,
                    f"before {text[m.start() :][:30]!r}",
                    _set(data, path, cut),
                    TEXT_CODES | {"E521"},
                )

    # a name or title run on by a word its source writes before or after it ("ClinConnect Summary" of the
    # summary's heading for the site's name, "Relma-cel for" or "CD19-CART(Relma-cel" of the page's title
    # for the product's name): words of the source, but no longer the value alone
    for path, text, _ in fields.verbatim_texts(data, schema):
        if _criterion(path):
            continue
        written = normalise(text)
        runs: dict[str, None] = {}
        for m in re.finditer(re.escape(written), source_text):
            after = re.match(r"\s+\S*[^\W_]\S*", source_text[m.end() :])
            before = re.search(r"\S*[^\W_]\S*\s+$", source_text[max(0, m.start() - 80) : m.start()])
            runs.update(dict.fromkeys([written + after.group(0)] if after else []))
            runs.update(dict.fromkeys([before.group(0) + written] if before else []))
        for run in runs:
            # E110: an intervention's name then differs from its arm's; E510: a source's label read on
            # into its date ("Current as of November")
            add("text run on", path, f"-> {run[:40]!r}", _set(data, path, run), TEXT_CODES | {"E521", "E110", "E510"})

    # a text spaced as its source does not write it: a double space, a line break for a space, a space
    # at either end (normalise reads every run as one space, so only Sources.miswritten and
    # spacing.loose_end see them). Two texts a record (the first title or name, one criterion) and
    # one quote: each spacing is read alike wherever it stands
    spaceable = [(p, v) for p, v, _ in fields.verbatim_texts(data, schema) if " " in v.strip()]
    spaced = [t for t in spaceable if not _criterion(t[0])][:1] + [t for t in spaceable if _criterion(t[0])][:1]
    for path, text in spaced:
        for how, wrong in (
            ("double space", text.replace(" ", "  ", 1)),
            ("line break", text.replace(" ", "\n", 1)),
            ("leading space", " " + text),
            ("trailing space", text + " "),
        ):
            add("text spaced otherwise", path, how, _set(data, path, wrong), frozenset({"E501"}))
    quoted = [(k, q) for k, q in (data.get("evidence") or {}).items() if isinstance(q, str) and " " in q.strip()]
    for key, quote in quoted[:1]:
        add(
            "quote spaced otherwise",
            ("evidence", key),
            "double space",
            _set(data, ("evidence", key), quote.replace(" ", "  ", 1)),
            frozenset({"E502"}),
        )

    # an item of a list the source states as rows left out (a site, an official, an outcome, a related
    # trial), its evidence and notes with it: a complete record holds its source's rows whole
    if data["curation"]["status"] == "complete":
        for name, label in ROW_LABELS.items():
            found, items = fields.get(data, fields.parse_dotted(name))
            for i, item in enumerate(items if found and isinstance(items, list) else []):
                add(
                    "row dropped",
                    fields.parse_dotted(name) + (i,),
                    f"drop {str(item.get(label, ''))[:30]!r}",
                    _without_item(data, name, i),
                    # E110: an arm still names a dropped intervention; E208: a list the schema wants left empty
                    frozenset({"E519", "E520", "E110", "E208"}),
                )

    # a value of one item of such a list left out, its quote and notes with it, the other items keeping
    # theirs (Relma-cel's third official with no affiliation): the field is held by the list, and only
    # that item's row says it lacks one
    if data["curation"]["status"] == "complete":
        for name, label in ROW_LABELS.items():
            found, items = fields.get(data, fields.parse_dotted(name))
            for i, item in enumerate(items if found and isinstance(items, list) else []):
                for key, value in item.items():
                    if key == label or not isinstance(value, (str, list)):
                        continue
                    dropped = _without_field(data, f"{name}.{i}.{key}")
                    add(
                        "row value dropped",
                        fields.parse_dotted(name) + (i, key),
                        f"{key} of {str(item.get(label, ''))[:30]!r} left out",
                        dropped,
                        # E520: the list's only item; E208: a list the schema wants left empty
                        frozenset({"E519", "E520", "E208", "E110", "E201"}),  # E201: a required part
                    )

    # an item of a list the source states as rows written twice (a site, an arm, an outcome): it would
    # count twice in trials.csv. (A related trial twice is refs' E303, across records: its own fixture.)
    for name, label in ROW_LABELS.items():
        if name == "related_trials":
            continue
        found, items = fields.get(data, fields.parse_dotted(name))
        for i, item in enumerate(items if found and isinstance(items, list) else []):
            repeated = _copied(data)
            fields.get(repeated, fields.parse_dotted(name))[1].append(_copied(item))
            add(
                "row repeated",
                fields.parse_dotted(name) + (i,),
                f"{str(item.get(label, ''))[:30]!r} twice",
                repeated,
                frozenset({"E522", "E112"}),  # E112: an intervention's name or an arm's label twice
            )

    # a whole field left out (its evidence and notes with it), no reason given: a complete record says
    # why it lacks each field (E520); a field other fields point at is missed by the rules first
    if data["curation"]["status"] == "complete":
        for path in fields.field_names(schema):
            parent = fields.node_at(schema, path[:-1]) if len(path) > 1 else schema
            if path[0] in fields.BOOKKEEPING or path[-1] in parent.get("required", []):
                continue
            if fields.get(data, path)[0]:
                add(
                    "field dropped",
                    path,
                    "left out",
                    _without_field(data, fields.dotted(path)),
                    frozenset({"E520", "E109", "E110", "E201", "E208"}),  # E201/E208: the schema saw it
                )

    # a whole field left out and declared silent (the sources do not state it) where its source states
    # it at the field's own place (places: the source layout's place names): trials.csv would read "not
    # stated". Dates are a curator's reading where a page leaves them unlabelled, and are left out.
    for path in fields.field_names(schema):
        name = fields.dotted(path)
        parent = fields.node_at(schema, path[:-1]) if len(path) > 1 else schema
        if path[0] in fields.BOOKKEEPING + ("dates",) or path[-1] in parent.get("required", []):
            continue
        if fields.get(data, path)[0] and any(p == name or p.startswith(name + ".") for p in places):
            silenced = _without_field(data, name)
            silent = [s for s in silenced["curation"].get("silent", []) if not fields.covered([name], s)]
            silenced["curation"]["silent"] = silent + [name]
            # E201/E208/E109/E110/E511: a required part, or a field others point at, is missed first
            expect = frozenset({"E523", "E201", "E208", "E109", "E110", "E511"})
            add("field declared silent", path, "left out, declared silent", silenced, expect)
            # ... and its value moved into a note on it: the source's words (its quote, or the value as
            # written) with no reason they are not its value
            quote = data.get("evidence", {}).get(name)
            value = fields.get(data, path)[1]
            words = quote if isinstance(quote, str) else value if isinstance(value, str) else None
            if words is not None:
                noted = _copied(silenced)
                noted["curation"].setdefault("notes", []).append({"field": name, "text": words})
                add("value moved into its note", path, f"into a note: {words[:30]!r}", noted, expect)

    # a vocabulary field left out of every item and declared silent where its source's layout places only
    # its parent, whose place renders a term of it (IM19's route of "... by intravenous infusion.", its
    # sponsor's class "OTHER", its masking "NONE" of "NA SINGLE_GROUP TREATMENT NONE"): the block above
    # makes only fields a place of their own holds. Dates aside (a page's "Estimated completion" is no
    # type of its launch date), and the criteria's (the next block's)
    for path in fields.all_field_names(schema):
        name = fields.dotted(path)
        node = fields.resolve(schema, fields.node_at(schema, path))
        if node.get("type") == "array":
            node = fields.resolve(schema, node.get("items", {}))
        if path[0] in fields.BOOKKEEPING + ("dates", "eligibility") or len(path) < 2 or name in places:
            continue
        if ("enum" not in node and node.get("type") != "boolean") or path[-1] == "unit":
            continue
        # a place of its parent, or of another part of it (an intervention's name: the layout places the
        # interventions section, whose words stated_places does not count for a list of records)
        if not any(p.split(".")[0] == path[0] for p in places) or not fields.present(data, path):
            continue
        silenced = _copied(data)
        _drop_everywhere(silenced, path)
        silenced["evidence"] = {
            k: v
            for k, v in silenced["evidence"].items()
            if not fields.covered([name], re.sub(r"\.[0-9]+(?=\.|$)", "", k))
        }
        silenced["curation"]["silent"] = silenced["curation"].get("silent", []) + [name]
        add(
            "part declared silent",
            path,
            "left out of every item, declared silent",
            silenced,
            frozenset({"E523", "E201", "E208", "E109", "E110"}),
        )

    # a field read from the criteria left out and declared silent where its source's criteria state it
    # (a term of its vocabulary, an age, a limit): trials.csv would read "not stated" for a lupus
    # nephritis scope, classification criteria, autoantibodies or a disease-activity threshold
    # (a prior therapy the criterion does not call refractory names therapies in words of no vocabulary:
    # nothing tells a criterion that states one from one that does not)
    for name in silence.CRITERIA_READ:
        found, value = fields.get(data, fields.parse_dotted(name))
        if found and (name != "eligibility.prior_therapy" or "refractory" in value):
            silenced = _without_field(data, name)
            silent = [s for s in silenced["curation"].get("silent", []) if not fields.covered([name], s)]
            silenced["curation"]["silent"] = silent + [name]
            add(
                "criteria field declared silent",
                fields.parse_dotted(name),
                "left out, declared silent",
                silenced,
                frozenset({"E523", "E527"}),
            )
            # its first limit named by a note, as if that excused the others
            criteria_texts = [
                normalise(t)
                for n in ("inclusion", "exclusion")
                for c in eligibility.get(f"{n}_criteria", [])
                for t in fields.criterion_texts(c)
            ]
            first = silence._limit_in(criteria_texts, []) if name == "eligibility.thresholds" else None
            if first is not None:
                noted = _copied(silenced)
                noted["curation"].setdefault("notes", []).append(
                    {"field": name, "text": f"The source's {first.words} is no threshold."}
                )
                add(
                    "criteria field declared silent",
                    fields.parse_dotted(name),
                    f"left out, declared silent, {first.words!r} noted",
                    noted,
                    frozenset({"E523", "E527"}),
                )

    # what the trial's own title says of its product left out and declared silent ("CD19-CART(Relma-cel)
    # ...": CD19), as what a related trial's title says of a stub's is
    for name in silence.TITLE_FIELDS:
        if fields.get(data, fields.parse_dotted(name))[0]:
            silenced = _without_field(data, name)
            silenced["curation"]["silent"] = silenced["curation"].get("silent", []) + [name]
            add(
                "title field declared silent",
                fields.parse_dotted(name),
                "left out, declared silent",
                silenced,
                frozenset({"E523", "E208"}),  # E208: a stub's cell product then empty, which the schema sees
            )

    # an incomplete entry on a criteria list that names as lost, besides those lost, a criterion the
    # list holds (IM19's "criterion 1 is missing" given "Criterion 2 is missing too."): E514, of a
    # complete record (a draft's lists, as its gaps, are not held whole)
    incomplete = data["curation"].get("incomplete", []) if data["curation"]["status"] == "complete" else []
    for k, entry in enumerate(incomplete):
        held = eligibility.get(str(entry.get("field", "")).removeprefix("eligibility."), [])
        numbered = (
            [c["number"] for c in held if isinstance(c, dict) and "number" in c] if isinstance(held, list) else []
        )
        if numbered:
            path = ("curation", "incomplete", k, "text")
            said = f"{entry['text']} Criterion {numbered[0]} is missing too."
            add(
                "listed criterion said lost",
                path,
                f"names {numbered[0]} lost",
                _set(data, path, said),
                frozenset({"E514"}),
            )
    # an incomplete entry declaring a loss the list's numbering does not show: an item past its last
    # number ("Criterion 7 is missing." of a list numbered 1 to 6), or any loss of a list numbered from 1
    # with none skipped (the held list of a complete record is its source's, numbers and all)
    for side in ("inclusion_criteria", "exclusion_criteria") if data["curation"]["status"] == "complete" else ():
        numbers = [c["number"] for c in eligibility.get(side, []) if "number" in c]
        if not numbers:
            continue
        losses = [f"Criterion {max(numbers) + 1} is missing from the page."]
        if numbers == list(range(1, len(numbers) + 1)):
            losses.append("The page shows only part of the list.")
        for text in losses:
            entry = {"field": f"eligibility.{side}", "text": text}
            declared = _set(data, ("curation", "incomplete"), [*incomplete, entry])
            add("loss the numbering lacks", ("curation", "incomplete"), text, declared, frozenset({"E514"}))

    # a list given in another order than its source's (trials.csv joins each list in source order): its
    # items reversed, each keeping its own values and quotes (IM19's related trials, the page's picks in
    # its order; Relma-cel's antibodies and prior therapies, as its criteria enumerate them)
    for name in ROW_LABELS:
        found, items = fields.get(data, fields.parse_dotted(name))
        if found and isinstance(items, list) and items[::-1] != items:
            reordered = _set(data, fields.parse_dotted(name), _copied(items[::-1]))
            add("list reordered", fields.parse_dotted(name), "reversed", reordered, frozenset({"E533", "E512"}))
    for path, value, _ in _lists_of_enums(data, schema):
        if value[::-1] != value:
            add("list reordered", path, "reversed", _set(data, path, value[::-1]), frozenset({"E507", "E525"}))
    # ... and a list of texts: the conditions or keywords a source places one a place, an arm's
    # interventions or an intervention's other names its row lists (E533: each text was held to its
    # place or its row, in any order)
    ranked: list[tuple[Path_, list]] = [((name,), data[name]) for name in ("conditions", "keywords") if name in data]
    for name in ROW_LABELS:
        found, items = fields.get(data, fields.parse_dotted(name))
        for i, item in enumerate(items if found and isinstance(items, list) else []):
            ranked += [
                (fields.parse_dotted(name) + (i, k), v)
                for k, v in item.items()
                if isinstance(v, list) and all(isinstance(x, str) for x in v)  # (not an arm's cohorts)
            ]
    for path, listed in ranked:
        if listed[::-1] != listed:
            add("texts reordered", path, "reversed", _set(data, path, listed[::-1]), frozenset({"E533"}))
    therapies = eligibility.get("prior_therapy", {}).get("therapies", [])
    if therapies[::-1] != therapies:
        path = ("eligibility", "prior_therapy", "therapies")
        add("list reordered", path, "reversed", _set(data, path, therapies[::-1]), frozenset({"E525"}))

    # the product or an intervention named by the disease its title names beside it ("Moderate to Severe
    # Active Systemic Lupus Erythematosus" of "CD19-CART(Relma-cel) for ...", or "SLE", as the title or a
    # summary abbreviates it): words of the place a ClinConnect page names its product in, but no name of it
    title = data.get("brief_title", "")
    studied = re.search(r"\s(?:for|in|with)\s+((?:[^()]|\([^()]*\))+)$", title)
    disease = [studied.group(1)] if studied else []
    disease += re.findall(r"\(([A-Z]{2,6})\)", title + " " + data.get("third_party_summary", {}).get("text", ""))
    for words in dict.fromkeys(w for w in disease if prose.diseases(w) and normalise(w) in source_text):
        names: list[Path_] = [("cell_product", "name")] if "name" in data.get("cell_product", {}) else []
        names += [("interventions", i, "name") for i in range(len(data.get("interventions", [])))]
        for path in names:
            add(
                "name of the trial's disease",
                path,
                f"-> {words[:40]!r}",
                _set(data, path, words),
                TEXT_CODES | {"E110"},  # E110: an arm still names the intervention by its own name
            )

    # the product or an intervention named by other words of the summary that names it: what the summary
    # calls it before its name ("new treatment" of "a new treatment called Relma-cel"), or the ages it
    # gives ("18 and 70 years"): words of the title and summary a ClinConnect page names its product in
    text = normalise(data.get("third_party_summary", {}).get("text", ""))
    its_name = normalise(data.get("cell_product", {}).get("name", ""))
    others = re.findall(r"\b(?:a|an|the)\s+((?:\w+\s+){0,2}?\w+)\s+(?:called|named)\s+" + re.escape(its_name), text)
    others += re.findall(r"\b\d+\s+and\s+\d+\s+years\b", text)
    for words in dict.fromkeys(others if its_name else []):
        for path in [("cell_product", "name")] + [
            ("interventions", i, "name") for i in range(len(data.get("interventions", [])))
        ]:
            add(
                "name from other words of its place",
                path,
                f"-> {words[:40]!r}",
                _set(data, path, words),
                TEXT_CODES | {"E110"},
            )

    # an intervention the sponsor's words describe nowhere given the words of the page's own summary that
    # name it, up to its name or its clause's end (Relma-cel's "a new treatment called Relma-cel", of the
    # ClinConnect summary's "This clinical trial is looking at a new treatment called Relma-cel for people
    # with ..."): the site's words, which the record holds as its third_party_summary
    summary = normalise(data.get("third_party_summary", {}).get("text", ""))
    for i, intervention in enumerate(data.get("interventions", [])):
        name = normalise(intervention["name"])
        if "description" in intervention or name not in summary:
            continue
        for m in re.finditer(r"\b(?:an?|the)\s(?=[^.]{0,80}?" + re.escape(name) + ")", summary, re.IGNORECASE):
            named_at = summary.index(name, m.start()) + len(name)
            after = re.search(r"[,.;]|$", summary[named_at:])
            assert after is not None
            upto = [named_at, named_at + after.start()]
            for phrase in dict.fromkeys(summary[m.start() : k] for k in upto):
                described = _set(data, ("interventions", i, "description"), phrase)
                silent = [s for s in described["curation"].get("silent", []) if s != "interventions.description"]
                described["curation"]["silent"] = silent
                add(
                    "description from the publisher's summary",
                    ("interventions", i, "description"),
                    f"-> {phrase[:40]!r}",
                    described,
                    TEXT_CODES,
                )

    # what a stub's title says of its product left out, declared nowhere: a stub is what another trial's
    # source says of it, and trials.csv read its target antigen as not yet curated
    if data["curation"]["status"] == "stub":
        for name in silence.TITLE_FIELDS:
            if fields.get(data, fields.parse_dotted(name))[0]:
                dropped = _without_field(data, name)
                if dropped.get("cell_product") == {}:
                    del dropped["cell_product"]
                add("stub title field dropped", fields.parse_dotted(name), "left out", dropped, frozenset({"E532"}))

    # single-place text: the title from a related trial; a text field given another field's words
    for rel in data.get("related_trials", []):
        add(
            "title",
            ("brief_title",),
            f"-> {rel['title'][:40]!r}",
            _set(data, ("brief_title",), rel["title"]),
            TEXT_CODES,
        )
    related = data.get("related_trials", [])
    if len(related) > 1:
        swapped = _copied(data)
        swapped["related_trials"][0]["title"], swapped["related_trials"][1]["title"] = (
            related[1]["title"],
            related[0]["title"],
        )
        add("title", ("related_trials",), "two related titles swapped", swapped, TEXT_CODES)
    # each short text given the words of up to four other fields (the same source, another place)
    texts: list[tuple[Any, str]] = [
        (p, v) for p, v, _ in fields.verbatim_texts(data, schema) if len(v) < 120 and not _criterion(p)
    ]
    for k, (path, text) in enumerate(texts):
        words = [o for _, o in texts[k + 1 :] + texts[:k] if o != text and normalise(o) in source_text]
        for swap in list(dict.fromkeys(words))[:4]:
            add(
                "text swapped",
                path,
                f"{text[:30]!r} -> {swap[:30]!r}",
                _set(data, path, swap),
                TEXT_CODES | {"E110", "E201"},
            )
    # a name read from a page's prose given another field's whole value, which the prose also writes
    # (Relma-cel's intervention named "China", the site's country, of "... in multiple locations in China")
    product = ("cell_product", "interventions", "arms")
    for path, text in texts:
        if path[0] not in product:
            continue
        for other in dict.fromkeys(o for p, o in texts if p[0] not in product and o != text):
            if normalise(other) in source_text:
                add(
                    "name from another field",
                    path,
                    f"{text[:30]!r} -> {other[:30]!r}",
                    _set(data, path, other),
                    TEXT_CODES | {"E110", "E201"},
                )
    # two items of a list given each other's text in one field (an outcome's time frame, a site's
    # city, an intervention's other names: each occurs in the source, in another row)
    for (where, key), items in _item_texts(data, schema).items():
        for (i, a), (j, b) in itertools.combinations(items, 2):
            if a != b:
                swapped = _set(_set(data, where + (i, key), b), where + (j, key), a)
                add(
                    "row texts swapped",
                    where + (i, key),
                    f"{key} of items {i} and {j} swapped",
                    swapped,
                    TEXT_CODES | {"E110"},
                )
    # an item given a field its row leaves empty, in another item's words (a site with no state given
    # the other site's, an intervention the source describes nowhere given another's description)
    for (where, key), items in _item_texts(data, schema).items():
        holders = dict(items)
        for i, item in enumerate(fields.get(data, where)[1]):
            if key in item:
                continue
            for j, text in dict(items).items():
                if text not in [holders[k] for k in holders if k < j]:
                    add(
                        "row field filled",
                        where + (i, key),
                        f"{key} of item {j} given to item {i}",
                        _set(data, where + (i, key), _copied(text)),
                        TEXT_CODES | {"E110"},
                    )
    return out


def _values_read_elsewhere(data: dict, schema: dict, source_text: str) -> list[Mutation]:
    """A value given with its quote from other words of the same source that state another value: an
    item's (an arm's type, a site's status or country, an official's role) from another item's row, a
    date's from another date's, and a categorical value (an enrollment ACTUAL for ESTIMATED, a phase, a
    masking, an allocation) from wherever its source renders another value of that field, the quote
    that words, alone or with the word before it (a draft's or a stub's value as a complete one's)."""
    out: list[Mutation] = []
    evidence = data.get("evidence", {})

    def shape(key: str) -> str:
        return re.sub(r"\.[0-9]+(?=\.|$)", ".#", key)

    for key in evidence:
        found, value = fields.get(data, fields.parse_dotted(key))
        if not found or key == "nct_id" or key.startswith("curation."):
            continue
        whole = 0
        for other, other_quote in evidence.items():
            if other == key or not (
                shape(other) == shape(key) or (key.startswith("dates.") and other.startswith("dates."))
            ):
                continue
            had, given = fields.get(data, fields.parse_dotted(other))
            if not had or given == value or key.count(".") != other.count("."):
                continue
            # A whole item (a threshold, a cohort) given another's is that item written twice (E113,
            # E107) whichever it is: one other a key; IM19's 22 thresholds made 462 pairs of one check
            whole += isinstance(value, dict)
            if whole > 1:
                continue
            taken = _set(data, fields.parse_dotted(key), _copied(given))
            taken["evidence"][key] = _copied(other_quote)
            out.append(
                Mutation(
                    "value and quote of another item",
                    key,
                    f"{other}'s",
                    taken,
                    # E107, E113: an item's whole value then twice (a cohort, a threshold); E105: dates out of order
                    VALUE_CODES | {"E502", "E512", "E521", "E522", "E109", "E107", "E113", "E105"},
                )
            )
    for path, value, node in _enum_leaves(data, schema):
        if path[0] == "curation" or isinstance(value, (list, bool)) or isinstance(path[-1], int):
            continue
        words = vocabulary.for_enum(tuple(node["enum"]))
        if words is None:
            continue
        name = fields.dotted(path)
        held = next(
            (fields.dotted(path[:d]) for d in range(len(path), 0, -1) if fields.dotted(path[:d]) in evidence), name
        )
        made: set[tuple[str, str]] = set()
        for term in words.places(source_text):
            before = source_text[: term.start].split(" ")[-2:]
            for other in term.values:
                if other == value or other not in node["enum"]:
                    continue
                for quote in (
                    source_text[term.start : term.end],
                    " ".join(before[-1:]) + " " + source_text[term.start : term.end],
                ):
                    quote = quote.strip()
                    if (other, quote) in made or len(made) >= 8:
                        continue
                    made.add((other, quote))
                    for key in dict.fromkeys([held, name]):  # the quote in place of its field's, or one of its own
                        taken = _set(data, path, other)
                        taken["evidence"][key] = quote
                        out.append(
                            Mutation(
                                "value from other words",
                                name,
                                f"{value} -> {other} by {quote[:30]!r} under {key}",
                                taken,
                                VALUE_CODES | {"E502", "E512", "E521", "E109", "E104"},
                            )
                        )
    return out


# Words before which a criterion's clause may be cut off, still leaving words of the source: the
# clause after them often lifts or narrows the rest ("Prior rituximab unless ...", "... or HIV infection")
_CLAUSE = re.compile(r"\s(?:unless|except|not|if|without|other than|or|and|with|but|within)\b|\s\(")


def _criteria_filed_otherwise(data: dict) -> list[Mutation]:
    """A criterion filed otherwise than its source lists it, in a record of any status: moved to the
    other list where it stood (its number kept), two items merged into one or one split in two, its
    clause after "unless", "or", "(" ... cut off, its sub-heading dropped or another's given, a
    sub-item under another item or lifted to the top of the list, an item nested under the one
    before. A draft may leave items out, not hold them otherwise."""
    out: list[Mutation] = []
    eligibility = data.get("eligibility", {})

    def add(kind: str, path: Path_, description: str, mutated: dict) -> None:
        # E106: its number then stands twice in the other list
        out.append(Mutation(kind, fields.dotted(path), description, mutated, CRITERIA_CODES | {"E106"}))

    for name in ("inclusion_criteria", "exclusion_criteria"):
        items = eligibility.get(name, [])
        other = "exclusion_criteria" if name == "inclusion_criteria" else "inclusion_criteria"
        groups = list(dict.fromkeys(c["group"] for c in items + eligibility.get(other, []) if "group" in c))
        for i, item in enumerate(items):
            base = ("eligibility", name, i)
            if other in eligibility and len(items) > 1:
                moved = _delete(data, base)
                moved["eligibility"][other].insert(i, _copied(item))
                add("criterion moved in place", base, "to the other list, its number kept", moved)
            if i + 1 < len(items) and items[i + 1] != item:  # two items swapped, each whole: out of order
                swapped = _copied(data)
                held = swapped["eligibility"][name]
                held[i], held[i + 1] = held[i + 1], held[i]
                add("criteria swapped", base, f"with item {i + 1}", swapped)
            if i + 1 < len(items) and "sub_criteria" not in item:
                merged = _delete(data, base[:2] + (i + 1,))
                merged["eligibility"][name][i]["text"] = f"{item['text']} {items[i + 1]['text']}"
                add("criteria merged", base, f"with item {i + 1}", merged)
            for m in re.finditer(r"(?<=[.;,])\s+(?=\S{3})", item["text"]):
                split = _copied(data)
                split["eligibility"][name][i]["text"] = item["text"][: m.start()]
                split["eligibility"][name].insert(i + 1, {"text": item["text"][m.end() :]})
                add("criterion split", base, f"after {item['text'][: m.start()][-30:]!r}", split)
            texts = [(base, item["text"])] + [
                (base + ("sub_criteria", k), s["text"]) for k, s in enumerate(item.get("sub_criteria", []))
            ]
            for where, text in texts:
                # its leading clause cut off ("Except for ..., any prior biologic" to "any prior biologic")
                for m in re.finditer(r"(?<=[,;:])\s+", text):
                    if len(text[m.end() :].split()) >= 2:
                        add(
                            "criterion front cut",
                            where + ("text",),
                            f"to {text[m.end() :][:30]!r}",
                            _set(data, where + ("text",), text[m.end() :]),
                        )
                for m in _CLAUSE.finditer(text):
                    cut = text[: m.start()].rstrip(" ,;")
                    if len(cut.split()) >= 2 and cut not in _sentences(text):
                        add(
                            "criterion clause cut",
                            where + ("text",),
                            f"before {text[m.start() :][:30]!r}",
                            _set(data, where + ("text",), cut),
                        )
            if "group" in item:
                add(
                    "sub-heading dropped", base + ("group",), repr(item["group"][:30]), _delete(data, base + ("group",))
                )
            for group in groups:
                if group != item.get("group"):
                    add(
                        "sub-heading changed",
                        base + ("group",),
                        f"-> {group[:30]!r}",
                        _set(data, base + ("group",), group),
                    )
            for k, sub in enumerate(item.get("sub_criteria", [])):
                lifted = _copied(data)
                subs = lifted["eligibility"][name][i]["sub_criteria"]
                subs.pop(k)
                if not subs:
                    del lifted["eligibility"][name][i]["sub_criteria"]
                lifted["eligibility"][name].insert(i + 1, {key: v for key, v in sub.items() if key != "sub_criteria"})
                add("sub-criterion lifted", base + ("sub_criteria", k), "to the top of its list", lifted)
                for j in range(len(items)):
                    if j != i:
                        moved = _copied(data)
                        subs = moved["eligibility"][name][i]["sub_criteria"]
                        subs.pop(k)
                        if not subs:
                            del moved["eligibility"][name][i]["sub_criteria"]
                        target = moved["eligibility"][name][j]
                        target.setdefault("sub_criteria", []).append(
                            {key: v for key, v in sub.items() if key != "sub_criteria"}
                        )
                        add("sub-criterion under another", base + ("sub_criteria", k), f"under item {j}", moved)
            if i and "sub_criteria" not in item:
                nested = _copied(data)
                under = nested["eligibility"][name][i - 1]
                under.setdefault("sub_criteria", []).append({k: v for k, v in item.items() if k != "group"})
                del nested["eligibility"][name][i]
                add("criterion nested under the one before", base, "", nested)
    return out


def stated_places(doc: SourceDoc, schema: dict) -> frozenset[str]:
    """The fields doc places as values of their own: a place holding a whole value, or one holding
    words about a field of a vocabulary or a number of participants or an age (a place that only
    holds a field's words somewhere, such as a page's title and summary for a product's name, is
    not one: the curator reads the value there)."""

    def valued(name: str) -> bool:
        node = fields.node_at(schema, fields.parse_dotted(name))
        if node.get("type") == "array":  # a list of values (phases), not of records (interventions)
            node = fields.resolve(schema, node.get("items", {}))
            parts = []
        else:  # an object's own fields (design: allocation, masking, ...)
            names = fields.all_field_names(schema)
            parts = [fields.node_at(schema, p) for p in names if fields.dotted(p).startswith(name + ".")]
        return name in ("enrollment", "eligibility.minimum_age", "eligibility.maximum_age") or any(
            "enum" in n or n.get("type") == "boolean" for n in [node, *parts]
        )

    return frozenset(
        name for name, passages in doc.places.items() if any(p.whole for p in passages) or (passages and valued(name))
    )


def _item_texts(data: dict, schema: dict) -> dict[tuple[Path_, str], list[tuple[int, Any]]]:
    """(the list's path, a field) -> (index, value) of each item of a list of records holding that
    field as copied text (a text, or a list of texts); criteria and what is read from them aside."""
    out: dict[tuple[Path_, str], dict[int, Any]] = {}
    for path, _, _ in fields.verbatim_texts(data, schema):
        at = next((k for k in range(len(path) - 2, 0, -1) if isinstance(path[k], int)), None)
        if at is None or _criterion(path) or not isinstance(path[at + 1], str):
            continue
        where, index, key = path[:at], path[at], path[at + 1]
        out.setdefault((where, key), {})[index] = fields.get(data, path[: at + 2])[1]
    return {k: sorted(v.items()) for k, v in out.items()}


def _criterion(path: Path_) -> bool:
    """Text of a criterion, or read from one (a threshold's measure, a prior therapy)."""
    return any(
        p in ("inclusion_criteria", "exclusion_criteria", "thresholds", *CRITERION_PLACED)
        for p in path
        if isinstance(p, str)
    )


def _measures_of_its_criterion(eligibility: dict, t: dict, quotes: list[str]) -> Iterator[tuple[str, str]]:
    """Each other measure of t's criterion's thresholds that t's own quotes do not hold, with the text of
    each item of the criterion that holds it and t's limit."""
    at = fields.criteria_named(eligibility, t["criterion"])
    if len(at) != 1:
        return
    texts = list(
        map(normalise, fields.criterion_texts(eligibility[t["criterion"]["list"].lower() + "_criteria"][at[0]]))
    )
    for measure in dict.fromkeys(o["measure"] for o in eligibility["thresholds"] if o["criterion"] == t["criterion"]):
        if normalise(measure) in normalise(t["measure"]) or any(normalise(measure) in q for q in quotes):
            continue
        for text in texts:
            if normalise(measure) in text and any(q.split(" ", 1)[-1] in text for q in quotes):
                yield measure, text


def _kinds_of_its_criterion(data: dict, eligibility: dict, i: int) -> Iterator[tuple[str, str]]:
    """Each kind another threshold of threshold i's criterion has, with the text of the item that holds
    both thresholds' quotes."""
    t = eligibility["thresholds"][i]
    at = fields.criteria_named(eligibility, t["criterion"])
    if len(at) != 1:
        return
    texts = list(
        map(normalise, fields.criterion_texts(eligibility[t["criterion"]["list"].lower() + "_criteria"][at[0]]))
    )
    own = _quotes(data, ("eligibility", "thresholds", i))
    kinds: set[str] = set()
    for j, o in enumerate(eligibility["thresholds"]):
        if o["criterion"] != t["criterion"] or o["kind"] == t["kind"] or o["kind"] in kinds:
            continue
        theirs = _quotes(data, ("eligibility", "thresholds", j))
        item = next((x for x in texts if all(q in x or q.split(" ", 1)[-1] in x for q in own + theirs)), None)
        if item is not None:
            kinds.add(o["kind"])
            yield o["kind"], item


def _limits_of_its_criterion(eligibility: dict, t: dict) -> Iterator[tuple[dict, str]]:
    """Each other limit (comparator, value, unit) its criterion states with a unit, and the quotes that
    state it and name t's measure: the limit's clause, and that clause up to the limit."""
    at = fields.criteria_named(eligibility, t["criterion"])
    if len(at) != 1:
        return
    item = eligibility[t["criterion"]["list"].lower() + "_criteria"][at[0]]
    own = quantities.unit_named(t["unit"])
    for text in map(normalise, fields.criterion_texts(item)):  # each item's own text: a quote lies in one
        for s in stated_limits.statements(text):
            if s.comparator is None or s.unit is None:
                continue
            if s.comparator == t["comparator"] and quantities.same_number(s.value, t["value"]) and s.unit == own:
                continue
            lo, hi = stated_limits.clause(text, s.start, s.end)
            value = int(s.value) if float(s.value).is_integer() else s.value
            limit = {"comparator": s.comparator, "value": value, "unit": s.unit.spellings[0]}
            for quote in dict.fromkeys([text[lo:hi].strip(), text[lo : s.end].strip()]):
                if normalise(t["measure"]) in quote:
                    yield limit, quote


def _other_units(unit: str) -> list[str]:
    own = quantities.unit_named(unit)
    seen = {own.key if own else unit}
    out = []
    for candidate in quantities.UNITS:
        if candidate.key not in seen and (
            own is None or candidate.dimension == own.dimension or candidate.key in ("mg", "kg", "weeks")
        ):
            seen.add(candidate.key)
            out.append(candidate.spellings[0])
    return out


def _sentences_of_other_limits(eligibility: dict, t: dict, quotes: list[str]) -> list[str]:
    """The words of each sentence before threshold t's quote, in the same text of its criterion, that
    states a limit of its own: the clause after that limit, and the sentence whole (its label taken off)."""
    listed = eligibility.get(t["criterion"]["list"].lower() + "_criteria", [])
    out: list[str] = []
    for k in fields.criteria_named(eligibility, t["criterion"]):
        for text in map(normalise, fields.criterion_texts(listed[k])):
            at = min((text.find(q) for q in quotes if q in text), default=-1)
            if at <= 0:
                continue
            for sentence in re.split(r"(?<=[.;])\s+", text[:at]):
                sentence = re.sub(r"^\(?[0-9a-z]{1,3}[.)]\s+", "", sentence).strip()
                stated = [s for s in stated_limits.statements(sentence) if s.comparator is not None]
                if not stated or len(sentence) < 12:
                    continue
                trailing = sentence[stated[-1].end :].strip(" ,;.")
                out += [w for w in (trailing, sentence) if len(w.split()) >= 3 and w not in out]
    return out


def _run_back(eligibility: dict, ref: dict, text: str, counts: tuple[int, ...]) -> list[str]:
    """text run back by each count of the words before it in the text of the criterion ref names (its
    own or a nested item's) that holds it, as they stand there."""
    at = fields.criteria_named(eligibility, ref)
    if len(at) != 1:
        return []
    item = eligibility[ref["list"].lower() + "_criteria"][at[0]]
    for corpus in map(normalise, fields.criterion_texts(item)):  # each item's own text: a run lies in one
        start = corpus.find(normalise(text))
        words = corpus[:start].split(" ")[:-1] if start > 0 else []
        if start >= 0:
            return [" ".join(words[-n:]) + " " + normalise(text) for n in counts if len(words) >= n]
    return []


def _lengths_of_time(eligibility: dict) -> dict[tuple[int, str], str]:
    """Each length of time in whole units the criteria state ("at least 6 months", "≥ 12 weeks"), once,
    with its clause: what a curator may misread as an age limit."""
    units = {"days": "DAYS", "weeks": "WEEKS", "months": "MONTHS", "years": "YEARS"}
    out: dict[tuple[int, str], str] = {}
    for list_name in ("inclusion_criteria", "exclusion_criteria"):
        for criterion in eligibility.get(list_name, []):
            for text in map(normalise, fields.criterion_texts(criterion)):
                for s in stated_limits.statements(text):
                    lo, hi = stated_limits.clause(text, s.start, s.end)
                    # (a clause with a word of age states an age, not a length of time: read by its words,
                    # not by the lexicon the checks read with, whose misreading is what is looked for)
                    if s.unit is not None and s.unit.key in units and float(s.value).is_integer():
                        if not re.search(r"(?i)\b(?:age[ds]?|old)\b", text[lo:hi]):
                            out.setdefault((int(s.value), units[s.unit.key]), text[lo:hi].strip(" ,;."))
    return out


def _month_and_year_off(date: str) -> list[str]:
    """The date a month and a year later (its day kept where the month has it): a slip of one part."""
    year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 0
    if not month:
        return [str(year + 1)]
    later = [(year + month // 12, month % 12 + 1), (year + 1, month)]
    day = int(date[8:]) if len(date) == 10 else 0
    return [f"{y:04d}-{m:02d}" + (f"-{min(day, calendar.monthrange(y, m)[1]):02d}" if day else "") for y, m in later]


def _day_off(date: str) -> str | None:
    if len(date) != 10:
        return None
    day = int(date[8:])
    return f"{date[:8]}{day + 1 if day < 28 else day - 1:02d}"


def score(results: list[tuple[Mutation, set[str]]]) -> dict[str, tuple[int, int]]:
    """(caught, generated) per kind of mistake."""
    out: dict[str, tuple[int, int]] = {}
    for mutation, codes in results:
        caught, total = out.get(mutation.kind, (0, 0))
        out[mutation.kind] = (caught + bool(codes & mutation.expect), total + 1)
    return out


# --- running them: the one-record checks on each mutant, scored by kind -------------------------------

# kind -> (caught, generated), of every run in this process: printed by conftest, summed over workers
SCORES: dict[str, tuple[int, int]] = {}


class Checks:
    """The one-record checks as `trials validate` runs them, on data (no YAML round trip needed)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.checker = pipeline.Checker(root)
        self.caught_by: dict[str, str] = {}  # a kind of mistake -> the evidence stage that caught the last one

    def codes(
        self, shown: str, data: dict, wanted: frozenset[str] = frozenset(), kind: str = "", path: str = ""
    ) -> set[str]:
        """The codes of data's problems; with wanted, those up to the first of them that is wanted:
        the checks after it are not run (a mutant is caught by any one of its codes, and which
        problems a check finds does not hang on the checks run before it). The evidence stages run
        first that caught the last mistake of the same kind (evidence.Stage): a kind of mistake is
        mostly caught by one stage, and the stages before it in check()'s order took a third of the
        harness's time. Within them, the evidence keys of the mistake's path (path: the field it
        changed), of the fields above it and beneath it are read first: the binding of the keys
        before them in the record took half of what was left. A record's verdict does not depend on
        the order of its stages or its evidence keys (tests/test_evidence_stages.py). A mistake not
        caught runs every stage: its codes are the whole check's."""
        if path and isinstance(data.get("evidence"), dict):
            data = {**data, "evidence": _near_first(data["evidence"], path)}
        record = load.Record(shown, data)
        schema_problems = schema_mod.check(record, self.checker.validator)  # E209 too, where the validator passes
        if schema_problems:
            return {p.code for p in schema_problems}
        problems = rules.check(record, self.root, Path(shown).stem)
        if problems:
            return {p.code for p in problems}
        # with the checker's memory, as `trials validate` checks each file of a run: the source read
        # once, and the readings of its quotes (pure functions of the quote) remembered
        codes: set[str] = set()
        with layouts.remembering(self.checker.memory.shown):  # as evidence.check reads them
            stages = list(evidence.stages(record, self.checker.schema, self.root, self.checker.memory))
            caught = self.caught_by.get(kind, "")
            for stage in sorted(stages, key=lambda stage: stage.name != caught):  # (a stable sort)
                for problem in stage.found():  # (one by one: the first wanted ends the mutant's check)
                    codes.add(problem.code)
                    if problem.code in wanted:
                        self.caught_by[kind] = stage.name
                        return codes
        return codes

    def after(self, shown: str, change: Callable[[dict], None]) -> set[str]:
        """The codes of the curated record at shown (under root) once change has made its mistake."""
        record, problems = load.load(self.root / shown, shown)
        assert record is not None, problems
        change(record.data)
        return self.codes(shown, record.data)


def _near_first(evidence: dict, path: str) -> dict:
    """The evidence mapping with the keys of path, above it and beneath it first."""

    def near(key: str) -> bool:
        return key == path or key.startswith(path + ".") or path.startswith(key + ".")

    return {**{k: v for k, v in evidence.items() if near(k)}, **evidence}


def run(checks: Checks, shown: str, data: dict, made: Callable[[Mutation], bool] = lambda mutation: True) -> list[str]:
    """The mistakes of data that its checks let pass; made: which of the mistakes to make (a run may
    leave out what another run holds the checks to)."""
    doc = documents.source_doc(checks.root, data["curation"]["sources"][0]["file"])
    assert doc is not None
    source, places = doc.text, stated_places(doc, checks.checker.schema)
    assert checks.codes(shown, data) == set(), f"{shown} as curated must pass"
    missed = []
    # Two kinds of mistake may make the same record (a unit swapped, a measure taken from another
    # line): checked once, scored for each kind (60 of IM19's 1,656 mutants are repeats). A record's
    # check stops at the first code its mutation expects, so what is remembered of it serves another
    # mutation only if it holds a code that one expects too; else the record is checked whole.
    found: dict[bytes, set[str]] = {}
    for mutation in generate(data, checks.checker.schema, source, places):
        if not made(mutation):
            continue
        # (pickle's bytes give back the data they were made from, so no two records share a key; a
        # record whose keys are in another order may get a key of its own, checked once more. A
        # fifth of json.dumps's cost with sorted keys, which was 3% of the harness's time)
        key = pickle.dumps(mutation.data, pickle.HIGHEST_PROTOCOL)
        codes = found.get(key, set())
        if not codes & mutation.expect:
            codes = found[key] = checks.codes(shown, mutation.data, mutation.expect, mutation.kind, mutation.path)
        caught = bool(codes & mutation.expect)
        done, total = SCORES.get(mutation.kind, (0, 0))
        SCORES[mutation.kind] = (done + caught, total + 1)
        if not caught:
            missed.append(f"{mutation.kind} {mutation.path}: {mutation.description} -> {sorted(codes) or 'passed'}")
    return missed


def imported(root: Path, source: Path, nct_id: str, status: str) -> load.Record:
    """The study at source imported into the registry at root (a draft, as `trials import ctgov`
    writes it), marked status (complete: as a curator who has reviewed it would), and loaded."""
    from sle_trials.cli import main

    assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0, f"{source.name} does not import"
    shown = f"trials/{nct_id}.yaml"
    file = root / shown
    file.write_text(
        file.read_text(encoding="utf-8").replace("  status: draft\n", f"  status: {status}\n", 1), encoding="utf-8"
    )
    record, problems = load.load(file, shown)
    assert record is not None, problems
    assert record.data["curation"]["status"] == status
    return record
