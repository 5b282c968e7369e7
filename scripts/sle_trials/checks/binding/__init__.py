"""Binding: every structured value under `evidence` is *stated* by its quote, not merely near it.

evidence.py has found each quote in a cited source, where that source states the field. Here each
value beneath the evidence path is bound to the quote's words. The schema says how (`x-bind` on an
object; otherwise the leaf's type):

- an enum or yes/no field is bound when the quote renders this value and no other of its vocabulary
  (vocabulary.py), and renders it there in its source too, with the words the quote leaves out ("not
  allogeneic" and "Recruiting was completed" quoted as "allogeneic" and "Recruiting"); else E507.
- a threshold (`x-bind: threshold`) is bound by thresholds.py: in the criterion it names, its measure,
  its statement, its kind and its conditions where its criterion states them (E513, E508, E518, E524,
  E528, E529).
- an age (`x-bind: age`) is bound when the number stands as that bound (minimum or maximum) with
  that unit, not in a sentence that keeps people out nor in an exclusion criterion (where a strict
  comparator leaves the other bound: "Age > 75 years" a maximum of 75), nor naming those another
  requirement is for, whether the quote says so or the words of its sentence it leaves out ("Patients
  under 70 years" of "... are excluded"); else E508.
- a cohort (`x-bind: cohort`) is bound when the dose's value, unit and basis stand together; the patients range is
  named in the dose's clause (where that clause names patients) of a text that states the dose, and its label is the
  one those words give its dose ("Dose level 1: 1×10^6 ... Dose level 2: 3×10^6"), not another cohort's; else E508. A
  number the words give as a cap ("maximum total dose 1×10^8") or as an end of a range ("0.5-1×10^6") is the dose only
  as a reading (E510), and one they bound from below ("at least"), give as a part of another ("half of") or take back
  (after its unit: "... CAR-T cells/kg is not used"; on a condition, replaced, denied: not_dosed.not_given) is none,
  whether the quote holds those words or leaves them out of its sentence (and one they give another trial by its name,
  "in the CARTITUDE trial", not by the record's own: not_dosed.named_elsewhere; and one they give another product, a
  name the record does not give its trial dosed in its clause, "Yescarta is dosed at 1×10^6 CAR-T cells/kg":
  not_dosed.of_another_product); so is one "respectively" pairs with another arm's or cohort's label ("Arm A and Arm B
  receive 1×10^6 and 3×10^6 CAR-T cells/kg, respectively": 3×10^6 is arm B's); in a plain source, the arm whose label
  heads its words, or "respectively" pairs with them, is its arm (E512).
- a criterion's statement (`x-bind: criterion`: lupus nephritis scope, classification criteria,
  autoantibodies, prior therapy) is bound when its quotes lie in the criterion it names (an inclusion
  criterion, for the last three: what patients must have, or an exclusion of those who lack it); its texts
  are in that criterion (E513) and written in its quotes (E505); its terms are what the quotes render
  (vocabulary.py), antibodies and
  criteria sets not only in an exception of the criterion ("except for ... anti-DS-DNA antibodies"), a lupus nephritis
  phrase read by the criterion's list (inclusion: REQUIRED; exclusion: EXCLUDED, SEVERE_EXCLUDED);
  else E513, E507. A list of them (therapies, antibodies, criteria sets) is the whole enumeration the
  criterion gives, read in the criterion's words and not only the quotes', and a prior therapy's the
  one its requirement names, from the first therapy after its cue (a class a colon spells out may be
  listed by its items, not by examples of it), not an aside of one of its items alone (its parenthesis,
  its examples, closed by a mark or by none) where the enumeration goes on after it, and, after a kind of
  treatment named first that no therapy's word reads ("at least two standard therapies"), only what that
  kind is spelled out or given examples by, or is a treatment with, and never at a therapy the requirement
  lets in, excepts or says of other patients ("(prednisone is allowed)"): else E525.
- a lymphodepleting agent's dose (`x-bind: agent_dose`) is bound when its number is in the quote with
  its unit written right after it ("fludarabine 30 mg/m2/day for 3 days" is no dose of 3, nor of 30
  days), or is the number "respectively" pairs with that agent, in order, with the unit after the
  last of the numbers ("fludarabine and cyclophosphamide at 30 and 300 mg/m2/day, respectively": 30
  is fludarabine's only), and the unit a mass ("to -3" of "days -5 to -3" is none); else E508. A
  number the words give as a total, a cap, an end of a range or one of alternatives ("25 or 30
  mg/m2/day") is the dose only as a reading (E510); one they give a subgroup of the patients (those
  beyond an age some of the trial's are not, or with an impairment: "(in patients over 65 years: 20
  mg/m2/day)", not_dosed.for_a_subgroup) is none.
- an enrollment (`x-bind: count`) is bound when the number is a number of participants (or labelled
  Enrollment), in the quote and in the words of its sentence the quote leaves out ("3 patients" of
  "3 patients at each dose level" is a part's), and no words around it leave it open on a condition,
  undecided or as an old plan ("60 patients (if funding allows)", ", to be confirmed", "originally
  planned; 20 enrolled"); else E508.
- a date is bound when written in the quote under its own label ("Last Updated: 2025-08-17"), or
  with it in brackets right after it ("2024-07-30 (completion)");
  unlabelled dates are read in the order of the record's dates that share the quote; else E505,
  E509.
- any other number or text is bound when written in the quote; else E505.

A quote pinned to a part of a value that a reading reads whole (READS: an age's value or unit, a
cohort's dose, a threshold's value, an enrollment's count) is read by that reading, as a quote
pinned to the value: `eligibility.minimum_age.value: 18 Years 65 Years` states no minimum age of 65,
though 65 is written in it.

A list of quotes is read one by one, and as one text only where a cited source gives them one after
the other: pieces of a source put side by side can state what none of its passages does ("65 Years",
"18 Years" is no minimum age of 65; "1×10^8 CAR-T cells", "patients 1 to 3" no dose of the first
cohort).

A reading beyond the literal words ("within N" read as "< N", a dose with no per-kilogram words read
as flat, a unit written away from its number, an unlabelled date) binds only when a curation note
covers the field (its `field` is the value's path or a path above it) and speaks of that reading (it
writes "within", "flat", the unit's words, the date's milestone: dosing.named_in_note): E510
otherwise.

Each reading lives in a module of its own, named for what it reads; bind and walk, here, hand each
value to its reading (BINDERS) and bind a number or a text no reading reads (E505):
- categorical.py: an enum or yes/no value (E507);
- thresholds.py, beside this package: a threshold (E513, E508, E518, E524, E528, E529);
- ages.py: an age (E508);
- doses.py: a cohort's dose and a lymphodepleting agent's (E508, E510, E512);
- criterion.py: what one criterion states (E513, E505), with enumeration.py, a list read from it whole
  (E525), and requirement.py, a prior therapy's list the one its requirement names (E525, E513);
- counts.py: an enrollment (E508);
- dates.py: a date, a date's type and a source's as-of label (E505, E509, E510);
- context.py: Context, what binding one record needs, and the places a quote stands in its sources,
  read around, which every reading reads.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks import thresholds
from sle_trials.checks.binding import ages, categorical, counts, criterion, dates, doses
from sle_trials.checks.binding.context import Context, Path_
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import quantities

# The checks the walk makes (sle_trials/checks/__init__.py builds the table of codes from them; each reading's
# module declares its own)
CHECKS = (Check("E505", "value-not-in-quote", "a number, date or text that its evidence quote does not write"),)


def bind(ctx: Context, path: Path_, value: Any, quotes: list[str]) -> Iterator[Problem]:
    """The problems of binding the value at path (and everything beneath it) to its quotes. A value
    that is a part of one a reading reads whole (READS) is bound by that reading: a quote pinned to
    `eligibility.minimum_age.value` states a minimum age, not any number it holds."""
    reading = _reading_above(ctx, path)
    if reading is not None:
        above, node, whole = reading
        yield from BINDERS[node["x-bind"]](ctx, above, whole, node, quotes)
        return
    yield from walk(ctx, path, value, fields.node_at(ctx.schema, path), quotes)


def _reading_above(ctx: Context, path: Path_) -> tuple[Path_, dict, Any] | None:
    """The nearest value above path that a reading reads (its path, schema node, and the parts of it
    the reading reads), when path is one of those parts or beneath one; else None."""
    for depth in range(len(path) - 1, 0, -1):
        node = fields.node_at(ctx.schema, path[:depth])
        kind = node.get("x-bind")
        if kind not in BINDERS:
            continue
        found, whole = fields.get(ctx.record.data, path[:depth])
        parts = READS[kind]
        if not found or not isinstance(whole, dict) or (parts is not None and path[depth] not in parts):
            return None  # a part the reading does not read: bound as any value (a date's type, an enrollment's)
        return path[:depth], node, whole if parts is None else {k: whole[k] for k in parts if k in whole}
    return None


def walk(ctx: Context, path: Path_, value: Any, node: dict, quotes: list[str], skip: tuple = ()) -> Iterator[Problem]:
    binder = BINDERS.get(node.get("x-bind", "")) if not skip else None
    if binder is not None:
        yield from binder(ctx, path, value, node, quotes)
        return
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key, child in value.items():
            if key in props and key not in skip:
                yield from walk(ctx, path + (key,), child, fields.resolve(ctx.schema, props[key]), quotes)
        return
    if isinstance(value, list):
        items = fields.resolve(ctx.schema, node.get("items", {}))
        if "enum" in items:
            if fields.needs_evidence(path, items):
                yield from categorical.term(ctx, path, value, items, quotes)
            return
        for i, child in enumerate(value):
            yield from walk(ctx, path + (i,), child, items, quotes)
        return
    if not fields.needs_evidence(path, node):
        return
    if "enum" in node or isinstance(value, bool):
        term = list(categorical.term(ctx, path, value, node, quotes))
        if len(path) == 3 and path[0] == "dates" and path[2] == "type":
            typed = list(dates.date_type(ctx, path, quotes))
            if not term and not typed:  # the type its own words render, not another date's label's
                term = list(
                    categorical.term(ctx, path, value, node, dates.without_other_labels(ctx, str(path[1]), quotes))
                )
            term += typed
        yield from term
    elif fields.is_date(node):
        yield from dates.date(ctx, path, value, quotes)
    elif isinstance(value, (int, float)):
        if not any(
            quantities.same_number(n.value, value) and not quantities.is_label(q, n)
            for q in quotes
            for n in quantities.numbers(q)
        ):
            yield ctx.problem(
                path, "E505", f"{fields.dotted(path)}: {value!r} is not written in its quote {quoted(quotes)}"
            )
    elif isinstance(value, str) and not any(normalise(value) in q for q in quotes):
        yield ctx.problem(
            path, "E505", f"{fields.dotted(path)}: {value!r} is not written in its quote {quoted(quotes)}"
        )


BINDERS: dict[str, Callable[..., Iterator[Problem]]] = {
    "threshold": thresholds.bind_threshold,
    "age": ages.bind_age,
    # (a reading that reads some parts of its value is given the walk, for the others)
    "cohort": functools.partial(doses.bind_cohort, walk=walk),
    "agent_dose": functools.partial(doses.bind_agent_dose, walk=walk),
    "count": functools.partial(counts.bind_count, walk=walk),
    "date": functools.partial(dates.bind_date, walk=walk),
    "criterion": functools.partial(criterion.bind_criterion, walk=walk),
}
# The parts of a value each reading reads (None: all of it, as one statement). A quote pinned to one of
# them is read by the reading; one pinned to another part is read as that part alone.
READS: dict[str, tuple[str, ...] | None] = {
    "threshold": None,
    "age": None,
    "cohort": None,
    "agent_dose": ("dose", "unit"),
    "count": ("count",),
    "date": ("date",),
    "criterion": None,
}
