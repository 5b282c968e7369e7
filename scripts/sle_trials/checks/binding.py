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
writes "within", "flat", the unit's words, the date's milestone: lexicon.named_in_note): E510
otherwise.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sle_trials import fields, patterns
from sle_trials.checks import thresholds
from sle_trials.checks.load import Record, as_of_dates
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading import (
    criteria_text,
    ctgov_study,
    edges,
    kept_out,
    lexicon,
    not_dosed,
    phrases,
    prior_therapy,
    product_names,
    prose,
    retracted,
    scopes,
    sentences,
    vocabulary,
)
from sle_trials.reading.layouts import PLAIN, Passage, SourceDoc, normalise
from sle_trials.units import AGE_UNIT_DAYS, age_days

T = TypeVar("T")

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E505", "value-not-in-quote", "a number, date or text that its evidence quote does not write"),
    Check(
        "E507",
        "term-not-stated",
        "a status, phase, sex, yes/no or other vocabulary value its quote does not render, or renders with "
        "another, or a list of them in another order than its quote gives, or a secondary id's type its quote "
        "renders away from that id or as another id's label",
    ),
    Check(
        "E508",
        "quantity-not-stated",
        (
            "a threshold, age, dose or count whose comparator, value, unit, basis or kind its quote "
            "does not state together, or a threshold its criterion does not ask patients to meet (its clause "
            "says it is not required, a wish, taken back, or, of an exclusion, allowed)"
        ),
    ),
    Check(
        "E509",
        "date-under-other-label",
        "a date its quote gives under another label (or its source, just before a quote cut after the label, or "
        "in brackets right after the date), "
        "an unlabelled date out of the quote's order, one the source writes once read as two fields, a "
        "date's type quoted with neither its date nor its label, or an as_of_label that is not the whole label "
        "its as-of quote gives the date",
    ),
    Check(
        "E510",
        "reading-without-note",
        (
            "a reading beyond the quote's words (within as <, a flat dose, a dose's cap or an end of its range, "
            "an unlabelled date) with no curation note on the field that speaks of it (a note about something "
            "else, a note above an unlabelled date's field naming another milestone)"
        ),
    ),
    Check(
        "E513",
        "threshold-not-in-criterion",
        "a threshold whose quote, measure or condition is not in the criterion it names",
    ),
    Check(
        "E525",
        "enumeration-not-whole",
        "a list read from a criterion (prior therapies, autoantibodies, classification criteria) that is not the "
        "whole enumeration the criterion gives, whatever part of it the quotes give: an item left out between two "
        "of its items, before the first or after the last, items of two enumerations, or an item cut inside its "
        "words or run into the words before the enumeration (a parenthesis left open or alone, a conjunction or "
        "a separator at its end, a separator outside its parentheses), an item cut out of longer words with no "
        "separator to show the cut ('other' of 'other immunosuppressants'), a prior therapy naming no treatment "
        "('the', 'SLE', 'standard SLE regimen') or holding words of its clause or of the enumeration's lead-in "
        "('corticosteroids when used', 'any of the following : corticosteroids'), a prior therapy's list opening "
        "after the first therapy its requirement names, in other words of the criterion (a sub-list's heading, "
        "another rule's sentence, examples 'such as' or 'including' give of an item) or standing inside one "
        "item's aside (a parenthesis, or examples a comma closes) where the requirement's enumeration goes on "
        "after it ('belimumab, rituximab' of "
        "'despite biologic therapy (belimumab or rituximab) or immunosuppressants'), or among examples no mark "
        "closes before a conjunction that joins another therapy or kind of treatment ('targeted therapy such as "
        "belimumab or rituximab and immunosuppressants'), or opening after a kind of treatment the requirement "
        "names first in other words than what that kind is spelled out or given examples by, or is a treatment "
        "with ('prednisone' of 'refractory to at least two standard therapies, with prednisone at a stable "
        "dose'), or opening at a therapy the requirement does not name as one patients had ('prednisone' of "
        "'refractory to standard therapy (prednisone is allowed)'), or its items in another order than the "
        "criterion's",
    ),
)


Path_ = fields.Path_
DATE_ORDER = (
    "start",
    "primary_completion",
    "completion",
    "first_submitted",
    "first_posted",
    "last_updated",
    "launched",
)


# The places a record's quotes stand in its sources that its readings read around (a date's label
# before it, a denial before it, its sentence), all together: each is read by regular expressions
# over a few hundred characters. A source of 30 MiB writing "2024-07-30 " three million times, after
# one "Start date: 2024-07-30", made a date quoted "2024-07-30" cost three million readings of the
# 300 characters before it (116 s). No genuine record's quotes stand in more than a few thousand
# places; a record whose would is refused (E530), never passed on the places read before.
PLACES_READ = 20_000


@dataclass
class Context:
    """What binding one record needs besides a value and its quotes."""

    record: Record
    schema: dict
    docs: list[SourceDoc]
    reader: lexicon.Reader  # the run's remembered readings of quotes
    _notes: list[tuple[Path_, str]] = field(default_factory=list)  # each note's field and its text
    # where a document states the field at a path for this record (documents.Sources.passages; None:
    # anywhere will do), which is where a list of quotes read as one must stand (together)
    passages: Callable[[SourceDoc, Path_], list[Passage] | None] | None = None
    # what each place of a quote in a document of no layout stands under (documents.Sources.under_headings:
    # a criteria list's side, by the list's heading as list_sides reads it; None: no such reading)
    under_headings: Callable[[SourceDoc, Path_, str], list[tuple[str | None, Any]]] | None = None
    places_read: int = 0  # the places of quotes in the sources read around so far (occurrences)
    exhausted: bool = False  # more places than PLACES_READ: the readings stopped short
    # each threshold bound so far (its path) -> where its criterion's text states its limit: the order
    # its criteria state the thresholds in (thresholds.out_of_order)
    stated: dict[Path_, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._notes = [
            (fields.parse_dotted(n["field"]), normalise(str(n.get("text", ""))))
            for n in self.record.data["curation"].get("notes", [])
            if "field" in n
        ]
        self._evidence = {
            fields.parse_dotted(k): [normalise(q) for q in ([v] if isinstance(v, str) else v)]
            for k, v in self.record.data.get("evidence", {}).items()
        }
        # every threshold's measure, normalised once: a threshold's own must stand nearest its statement
        thresholds = self.record.data.get("eligibility", {}).get("thresholds", [])
        self.measures = [normalise(t["measure"]) for t in thresholds]
        # the conditions the record gives the thresholds of each criterion, normalised once
        self._conditions: dict[tuple[str, tuple[int, ...]], list[str]] = {}
        self._criteria: dict[tuple[str, int], str] = {}  # (list, position) -> criterion(): its text, normalised
        self._layouts: dict[Path_, tuple[scopes.Span, ...]] = {}  # criterion path -> layout(): its items' spans
        self._conditional: dict[Path_, bool] = {}  # criterion path -> conditional()
        for t in thresholds:
            held = self._conditions.setdefault(self._criterion_key(t["criterion"]), [])
            held += [c for c in map(normalise, t.get("conditions", [])) if c not in held]

    def _criterion_key(self, ref: dict) -> tuple[str, tuple[int, ...]]:
        """The criteria a reference names, by their list and positions: two references to one criterion
        (one with its group, one without) have one key."""
        return ref["list"], tuple(fields.criteria_named(self.record.data.get("eligibility", {}), ref))

    def conditions(self, ref: dict) -> list[str]:
        """The conditions (normalised) the record gives any threshold of the criterion ref names."""
        return self._conditions.get(self._criterion_key(ref), [])

    def occurrences(self, text: str, quote: str) -> Iterator[int]:
        """Where quote stands in text (edges.occurrences), each place counted into the record's PLACES_READ:
        past it, none (and exhausted is set: the record is refused, E530, whatever its readings found)."""
        for at in edges.occurrences(text, quote):
            if self.places_read >= PLACES_READ:
                self.exhausted = True
                return
            self.places_read += 1
            yield at

    def together(self, path: Path_, quotes: list[str]) -> list[str]:
        """The quotes, and their text read as one where a cited source gives them one after the other
        where it states the field at path, as each quote must stand: read as one wherever a source gave
        them so, "older than" and "65 years", each in IM19's criteria ("older than 18 years and younger
        than 65 years"), bound a minimum age of 65 from the next trial's "older than 65 years"."""
        if len(quotes) < 2:
            return quotes
        joined = " ".join(quotes)
        placed = any(joined in text for doc in self.docs for text in self.texts(doc, path))
        return quotes + [joined] if placed else quotes

    def texts(self, doc: SourceDoc, path: Path_) -> list[str]:
        """The texts of doc where it states the field at path for this record (its whole text where
        anywhere will do)."""
        placed = doc.place(path) if self.passages is None else self.passages(doc, path)
        return [doc.text] if placed is None else [p.text for p in placed]

    def noted(self, path: Path_, reading: str) -> bool:
        """Whether a curation note covers the value at path and speaks of the reading made of it
        (lexicon.named_in_note): a note on the field about something else excuses no reading."""
        return any(path[: len(n)] == n and lexicon.named_in_note(reading, text) for n, text in self._notes)

    def quotes_for(self, path: Path_) -> list[str] | None:
        """The quotes of the evidence entry that covers path (the nearest ancestor key)."""
        for depth in range(len(path), 0, -1):
            found = self._evidence.get(path[:depth])
            if found is not None:
                return found
        return None

    def criterion(self, ref: dict) -> tuple[Path_, str] | None:
        """(path, normalised text with its nested items) of the numbered criterion a threshold names."""
        eligibility = self.record.data.get("eligibility", {})
        named = fields.criteria_named(eligibility, ref)
        if len(named) != 1:
            return None  # none, or several a number names under sub-headings: rules report it (E109)
        name = f"{ref['list'].lower()}_criteria"
        text = self._criteria.get((name, named[0]))
        if text is None:  # several thresholds and terms name one criterion: its text is read once
            item = eligibility[name][named[0]]
            text = self._criteria[name, named[0]] = normalise(" ".join(fields.criterion_texts(item)))
        return ("eligibility", name, named[0]), text

    def next_criterion(self, where: Path_) -> tuple[Path_, str] | None:
        """(path, normalised own text) of the criterion right after the one at where in its list, under the
        same sub-heading; None at the list's end."""
        items = self.record.data.get("eligibility", {}).get(where[1], [])
        k = where[2] + 1
        if k >= len(items) or items[k].get("group") != items[where[2]].get("group"):
            return None
        return (*where[:2], k), normalise(items[k]["text"])

    def layout(self, where: Path_, text: str) -> tuple[scopes.Span, ...]:
        """scopes.spans of the criterion at where (text: its normalised text), read once a record."""
        found = self._layouts.get(where)
        if found is None:
            found = self._layouts[where] = scopes.spans(fields.get(self.record.data, where)[1], text)
        return found

    def conditional(self, where: Path_, text: str) -> bool:
        """scopes.conditional of the criterion at where, read once a record."""
        found = self._conditional.get(where)
        if found is None:
            found = self._conditional[where] = scopes.conditional(self.layout(where, text), text)
        return found

    def criterion_texts(self, path: Path_) -> list[str]:
        """The criterion at path's texts (its own and each nested item's), normalised, and all of them joined."""
        texts = [normalise(t) for t in fields.criterion_texts(fields.get(self.record.data, path)[1])]
        return [*texts, " ".join(texts)]

    def problem(self, path: Path_, code: str, message: str) -> Problem:
        return self.record.problem(path, code, message)


def bind(ctx: Context, path: Path_, value: Any, quotes: list[str]) -> Iterator[Problem]:
    """The problems of binding the value at path (and everything beneath it) to its quotes. A value
    that is a part of one a reading reads whole (READS) is bound by that reading: a quote pinned to
    `eligibility.minimum_age.value` states a minimum age, not any number it holds."""
    reading = _reading_above(ctx, path)
    if reading is not None:
        above, node, whole = reading
        yield from BINDERS[node["x-bind"]](ctx, above, whole, node, quotes)
        return
    yield from _walk(ctx, path, value, fields.node_at(ctx.schema, path), quotes)


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


def _walk(ctx: Context, path: Path_, value: Any, node: dict, quotes: list[str], skip: tuple = ()) -> Iterator[Problem]:
    binder = BINDERS.get(node.get("x-bind", "")) if not skip else None
    if binder is not None:
        yield from binder(ctx, path, value, node, quotes)
        return
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key, child in value.items():
            if key in props and key not in skip:
                yield from _walk(ctx, path + (key,), child, fields.resolve(ctx.schema, props[key]), quotes)
        return
    if isinstance(value, list):
        items = fields.resolve(ctx.schema, node.get("items", {}))
        if "enum" in items:
            if fields.needs_evidence(path, items):
                yield from _term(ctx, path, value, items, quotes)
            return
        for i, child in enumerate(value):
            yield from _walk(ctx, path + (i,), child, items, quotes)
        return
    if not fields.needs_evidence(path, node):
        return
    if "enum" in node or isinstance(value, bool):
        term = list(_term(ctx, path, value, node, quotes))
        if len(path) == 3 and path[0] == "dates" and path[2] == "type":
            typed = list(_date_type(ctx, path, quotes))
            if not term and not typed:  # the type its own words render, not another date's label's
                term = list(_term(ctx, path, value, node, _without_other_labels(ctx, str(path[1]), quotes)))
            term += typed
        yield from term
    elif fields.is_date(node):
        yield from _date(ctx, path, value, quotes)
    elif isinstance(value, (int, float)):
        if not any(
            lexicon.same_number(n.value, value) and not lexicon.is_label(q, n)
            for q in quotes
            for n in lexicon.numbers(q)
        ):
            yield ctx.problem(
                path, "E505", f"{fields.dotted(path)}: {value!r} is not written in its quote {quoted(quotes)}"
            )
    elif isinstance(value, str) and not any(normalise(value) in q for q in quotes):
        yield ctx.problem(
            path, "E505", f"{fields.dotted(path)}: {value!r} is not written in its quote {quoted(quotes)}"
        )


# --- categorical values ---------------------------------------------------------------------------


def _term(
    ctx: Context, path: Path_, value: Any, node: dict, quotes: list[str], side: str | None = None
) -> Iterator[Problem]:
    name = fields.dotted(fields.unindexed(path))
    vocab = vocabulary.for_boolean(name) if isinstance(value, bool) else vocabulary.for_enum(tuple(node["enum"]))
    wanted = set(value) if isinstance(value, list) else {value}
    if vocab is None:  # a vocabulary the tables do not cover (tests/test_vocabulary.py keeps this from happening)
        if not all(str(v) in q for v in wanted for q in quotes[:1]):
            yield ctx.problem(path, "E507", f"{name}: {value!r} is not written in its quote {quoted(quotes)}")
        return
    found: set = set()
    first: dict[Any, tuple[int, int, int]] = {}  # each value -> where its quotes first render it
    for k, quote in enumerate(quotes):
        # (an agent one of an enumeration "respectively" pairs with its dose, "fludarabine and
        # cyclophosphamide at 30 and 300 mg/m2/day, respectively": the other agents are the other items')
        others = (
            {(r.start, r.end) for values, r in lexicon.respective_terms(quote, vocab.places(quote)) if values != wanted}
            if path[-1] == "agent" and path[:2] == ("lymphodepletion", "agents") and len(wanted) == 1
            else set()
        )
        own = ctgov_study.own_values(path, quote)  # (a list item's JSON lines: its name's words are no type)
        for rendering in vocab.places(quote):
            if (rendering.start, rendering.end) in others:
                continue
            if own is not None and not any(lo <= rendering.start and rendering.end <= hi for lo, hi in own):
                continue
            if _rendered_there(ctx, path, vocab, quote, rendering, side):
                found |= rendering.values
                order = node.get("enum", [])
                for v in rendering.values:  # (a rendering of several values, "Phase 1/2": in the schema's order)
                    first.setdefault(v, (k, rendering.start, order.index(v) if v in order else 0))
    sides = vocabulary.SIDES.get(vocab.name)
    if sides is not None and side is not None:  # the criterion's list decides between a phrase's values
        found = {v for v in found if side in sides.get(v, ())}
    if found == wanted:
        if isinstance(value, list) and _misordered(value, lambda v: first.get(v, (0, 0, 0))) is not None:
            # trials.csv gives a list in source order: "Phase 1/Phase 2" is PHASE1|PHASE2, not PHASE2|PHASE1
            yield ctx.problem(
                path,
                "E507",
                f"{fields.dotted(path)}: {_shown(value)} is not in the order its quote gives them "
                f"({quoted(quotes)}); list them in that order",
            )
        elif isinstance(value, list) and not _quotes_in_order(ctx, [quotes[first[v][0]] for v in value if v in first]):
            # each value quoted apart ("BCMA", "CD19"): the quotes' order is the record's own, and the
            # list in another order than its sources give it passed with its quotes listed alike
            yield ctx.problem(
                path,
                "E507",
                f"{fields.dotted(path)}: {_shown(value)} is not in the order its quotes stand in its sources "
                f"({quoted(quotes)}); list them in the sources' order",
            )
        return
    said = "renders no " + vocab.name if not found else "says " + ", ".join(sorted(map(_shown, found)))
    missing = sorted(wanted - found, key=str) or sorted(wanted, key=str)
    yield ctx.problem(
        path,
        "E507",
        f"{fields.dotted(path)}: {_shown(value)} is not what the quote states: it {said} "
        f"({quoted(quotes)}); {_stating(vocab, missing[0], side)}",
    )


def _stating(vocab: vocabulary.Vocabulary, value: Any, side: str | None) -> str:
    """What a quote stating value says: only renderings that, read as a quote is read here, state
    value alone ("Phase 2" for PHASE2, never "Phase 1/2"), else the criteria that can state it."""
    hints = vocab.hints(value, side)[:4]
    if hints:
        return f"a quote stating {_shown(value)} says " + " or ".join(map(repr, hints))
    lists = vocabulary.SIDES.get(vocab.name, {}).get(value, ())
    return (
        f"{_shown(value)} is stated by an {' or '.join(lists)} criterion only"
        if lists
        else f"no words state {_shown(value)} alone"
    )


# The statuses open to enrolment: a source may end or begin one at a date right after it (retracted.
# status_out_of_time, read against the source's as-of date)
_OPEN_STATUSES = frozenset({"RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"})
# A status's word as a label, of a date or a number or of words in lower case after it ("Completed:
# 2026-06-30 (Estimated)", "Withdrawn participants: 0", "Completed screening: 40 patients", "Recruiting
# sites: 3"), names what the label gives, not the trial's status: each bound its status under a page's
# "Status: Recruiting". A label of its own after it ("Recruiting Completed: 2026-06") leaves it one.
_STATUS_AS_LABEL = lazy(r"[ \t]*:[ \t]*[0-9]|[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2}[ \t]*:")


def _rendered_there(
    ctx: Context,
    path: Path_,
    vocab: vocabulary.Vocabulary,
    quote: str,
    rendering: vocabulary.Rendering,
    side: str | None = None,
) -> bool:
    """Whether some place the cited sources give the quote, where they state the field, renders there
    what the quote renders at rendering, with the words the quote leaves out around it: "allogeneic
    CAR-T cells" cut from "not allogeneic CAR-T cells", "CD28 costimulatory domain" from "no CD28 ...",
    "Recruiting" from "Recruiting was completed in 2024" each rendered a value their source denies or
    takes back. Before the quote, the few characters a denial takes; after it, its sentence, no further
    than where the text likely broke a line. True where the sources give the quote nowhere."""
    seen = False
    bare = quote[rendering.start : rendering.end].lower() in vocabulary.BARE_ANSWERS
    for doc, text, at, _, hi in _quoted_sentences_of(ctx, path, quote):
        seen = True
        if bare and _answer_unlabelled(ctx, vocab, text, at + rendering.start):
            continue  # a "Yes" of another question: "CD28 domain? Yes." is no healthy volunteers' answer
        if vocab.name == "phase" and prose.no_trials_phase(text, at + rendering.start, at + rendering.end):
            continue  # a dose's phase or studies' in general ("the recommended Phase 2 dose"): no trial's
        if vocab.name == "overall status" and _STATUS_AS_LABEL.match(text, at + rendering.end) is not None:
            continue
        # ("Recruiting until March 2024" in a source as of 2025, "Recruiting from 2026": not open then)
        if (
            path == ("overall_status",)
            and rendering.values & _OPEN_STATUSES
            and retracted.status_out_of_time(
                text, at + rendering.end, lexicon.held_before(as_of_dates(ctx.record.data).get(doc.file, ""))
            )
        ):
            continue
        # ("Randomized (planned)": a design not yet the trial's)
        if vocabulary.term_taken_back(vocab, text, at + rendering.start, at + rendering.end):
            continue  # "Recruiting (cancelled)", "formerly Recruiting", "Phase 2: N/A", "~~Female~~"
        if side == "INCLUSION" and vocab.name == "autoantibody" and vocabulary.negative_for(text, at + rendering.start):
            continue  # "Negative for anti-dsDNA": no antibody patients must be positive for
        if vocab.name in vocabulary.ASKED_OF_PATIENTS and kept_out.of_a_part(text, at + rendering.start):
            continue  # "Cohort B: active lupus nephritis": that part's, not the trial's
        if (
            side == "INCLUSION"
            and vocab.name in vocabulary.ASKED_ALONE
            and scopes.among_alternatives(text, at + rendering.start, at + rendering.end, vocab.places)
        ):
            continue  # "SLEDAI-2K ≥ 6 or active lupus nephritis": a patient is let in without it
        lo = max(0, at - vocabulary.DENIAL_REACH)  # (the words that deny a rendering)
        start = at - lo + rendering.start
        # (with a question mark that ends its sentence: "Recruiting? Not yet." asks, and renders nothing)
        hi += text.startswith("?", hi)
        # (and a status's next clause or sentence: "Suspended; enrollment resumed in 2025", "Suspended.
        # The suspension was lifted in 2025." lift it)
        if vocab.name == "overall status" and text.startswith((";", ". "), hi):
            hi = sentences.around(text, hi + 1, hi + 1)[1]
        # (and a sex's or a healthy volunteers' answer's next clause or sentence: "Sex: Female; males with
        # lupus nephritis may also enrol", "Sex: Female. Male patients ... are also eligible." let the other
        # sex in: vocabulary._widening)
        elif vocab.name in vocabulary.WIDENED:
            hi = _next_clause_end(text, hi, (";", ". "))
        if any(r.start == start and r.values == rendering.values for r in vocab.places(text[lo:hi])):
            return True
    return not seen


def _answer_unlabelled(ctx: Context, vocab: vocabulary.Vocabulary, text: str, at: int) -> bool:
    """Whether a yes/no field's bare answer at text[at:] ("Yes", "No") stands in a document's whole text
    (a document that places no such field) with no label of its field before it on its line
    (vocabulary.ANSWER_LABELS): a page's field, where its layout places it ("18 Years 65 Years ALL
    No"), is its answer there."""
    label = vocabulary.ANSWER_LABELS.get(vocab.name)
    if label is None or not any(text is doc.text for doc in ctx.docs):
        return False
    return label.search(text, text.rfind("\n", 0, at) + 1, at) is None


def _quoted_sentences(ctx: Context, place: Path_, quote: str) -> Iterator[tuple[str, int, int, int]]:
    """Each place the cited sources give the quote, where they state the field at place (anywhere in a
    source that places it nowhere): (the passage's text, where the quote stands in it, and the start
    and end of its sentence there, sentences.around), for the words the quote leaves out."""
    for _, text, at, lo, hi in _quoted_sentences_of(ctx, place, quote):
        yield text, at, lo, hi


def _quoted_sentences_of(ctx: Context, place: Path_, quote: str) -> Iterator[tuple[SourceDoc, str, int, int, int]]:
    """_quoted_sentences, each with the document it is in."""
    for doc in ctx.docs:
        for text in ctx.texts(doc, place):
            for at in ctx.occurrences(text, quote):
                # a reading the document keeps: the sentence is looked for from the passage's start
                end = at + len(quote)
                lo, hi = doc.reading(
                    ("sentence around", text, at, end), functools.partial(sentences.around, text, at, end)
                )
                yield doc, text, at, lo, hi


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(_shown, value)) + "]"
    return str(value)


# --- thresholds -----------------------------------------------------------------------------------


# --- what one criterion states (lupus nephritis, classification, antibodies, prior therapy) -------


def _in_criterion(ctx: Context, path: Path_, value: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    """A value read from one criterion (`x-bind: criterion`): its quotes lie in that criterion, its
    texts are in it, and its terms are what the quotes render, read in that criterion's list."""
    ref = value["criterion"]
    found = ctx.criterion(ref)
    if found is None:
        return  # E109: rules report a criterion the list does not have
    if path[-1] in _REQUIREMENTS and ref["list"] != "INCLUSION" and not _lacking(found[1], quotes):
        # what patients must have (a prior therapy, autoantibodies, classification criteria) is no
        # criterion that keeps patients out: "Treatment with rituximab within 6 months" excludes it
        yield ctx.problem(
            path + ("criterion", "list"),
            "E513",
            f"{fields.dotted(path)}: a requirement patients must meet, read from {fields.criterion_name(ref)}, "
            "which keeps patients out; an inclusion criterion states it",
        )
        return
    if path[-1] == "prior_therapy" and ref["list"] == "INCLUSION" and prior_therapy.denied(found[1]):
        # the criterion names the therapies but asks no one to have had them (or failed them): "No prior
        # treatment with belimumab or rituximab", "Patients previously treated with belimumab are eligible"
        yield ctx.problem(
            path + ("criterion",),
            "E513",
            f"{fields.dotted(path)}: {fields.criterion_name(ref)} states no prior therapy patients must have "
            "had: its every word of a treatment had or failed is denied, or a part of the trial's only; quote "
            "one that requires it",
        )
        return
    bare: list[str] = []
    misplaced = thresholds.placed(ctx, path, ref, found, quotes, bare)
    if misplaced is not None:
        yield misplaced
        return
    props = node.get("properties", {})
    for key, child in value.items():
        if key == "criterion" or key not in props:
            continue
        here, child_node = path + (key,), fields.resolve(ctx.schema, props[key])
        items = fields.resolve(ctx.schema, child_node.get("items", {}))
        if fields.is_verbatim(items) or fields.is_verbatim(child_node):
            missing = False
            for i, text in enumerate(child if isinstance(child, list) else [child]):
                at = here + (i,) if isinstance(child, list) else here
                if normalise(text) not in found[1]:
                    missing = True
                    yield ctx.problem(
                        at,
                        "E513",
                        f"{fields.dotted(at)}: {text!r} is not in {fields.criterion_name(ref)}",
                    )
                elif not any(normalise(text) in quote for quote in bare):
                    # the words its criterion lists it in are its evidence, not another sentence of
                    # that criterion ("the disease remained active ..." for Relma-cel's therapies)
                    yield ctx.problem(
                        at,
                        "E505",
                        f"{fields.dotted(at)}: {text!r} is not written in its quotes; quote the words of "
                        f"{fields.criterion_name(ref)} that list it",
                    )
            if isinstance(child, list) and not missing:
                spread = list(_enumeration(ctx, here, child, (found[1], bare)))
                yield from spread
                if not spread and path[-1] == "prior_therapy" and key == "therapies":
                    yield from _of_the_requirement(ctx, here, child, ref, (found[1], bare))
        elif "enum" in child_node or "enum" in items:
            terms = items if "enum" in items else child_node
            misread = list(_term(ctx, here, child, terms, bare, side=ref["list"]))
            if not misread and path[-1] in _REQUIRED_TERMS:
                misread = list(_excepted(ctx, here, terms, found[1], bare))
            yield from misread
            vocab = vocabulary.for_enum(tuple(terms["enum"]))
            if isinstance(child, list) and not misread and vocab is not None:
                yield from _enumerated_terms(ctx, here, child, vocab, (found[1], bare))
        else:
            yield from _walk(ctx, here, child, child_node, bare)


# The fields whose terms a criterion requires (positive for the antibodies, meeting the criteria sets):
# a term it names only as an exception requires nothing. (A lupus nephritis scope's phrases may well
# stand in an exception: "excluding lupus nephritis" says it is excluded.)
_REQUIRED_TERMS = ("autoantibodies", "classification_criteria")
# The criterion statements that say what patients must have, which only an inclusion criterion states
# (a lupus nephritis scope is read from either list: vocabulary.SIDES)
_REQUIREMENTS = prior_therapy.REQUIREMENTS
# ... or an exclusion that keeps out those who lack it (prior_therapy.NOT_MET: "Patients who do not meet
# the 2019 EULAR/ACR criteria", "Failure to respond to at least two standard therapies", "Negative for
# anti-dsDNA antibodies")


def _lacking(text: str, quotes: list[str]) -> bool:
    """Whether an exclusion criterion's text keeps out those who lack what each quote names: words of
    not meeting it stand before the quote ("Failure to respond to rituximab"; not "Received rituximab
    and did not respond", which keeps out those who had it)."""
    ends = [m.end() for m in prior_therapy.NOT_MET.finditer(text)]
    return bool(quotes) and all((at := text.find(normalise(q))) >= 0 and any(end <= at for end in ends) for q in quotes)


# Words that open an exception: what follows them in their clause is what a requirement leaves out
_EXCEPTION = prior_therapy.EXCEPTION


def _excepted(ctx: Context, path: Path_, node: dict, corpus: str, quotes: list[str]) -> Iterator[Problem]:
    """E513 when every term a quote renders stands in an exception of its clause of the criterion:
    Relma-cel's autoantibodies given criterion 6's "(except for low complement and/or anti-DS-DNA
    antibodies)", which names the antibodies only as what a clinical score leaves out, passed as a
    requirement to be positive for them (its criterion 5 requires them)."""
    vocab = vocabulary.for_enum(tuple(node["enum"]))
    if vocab is None:
        return
    for quote in quotes:
        at = corpus.find(quote)
        terms = vocab.places(quote)
        if at < 0 or not terms:
            continue
        excepted = []
        for term in terms:
            lo, _ = lexicon.clause(corpus, at + term.start, at + term.end)
            if not _EXCEPTION.search(corpus, lo, at + term.start):
                break
            excepted.append(quote[term.start : term.end])
        else:
            yield ctx.problem(
                path,
                "E513",
                f"{fields.dotted(path)}: its criterion names {excepted[0]!r} only in an exception "
                f"({quoted([quote])}), which requires nothing of it; quote the criterion that requires it",
            )
            return


# The words that join an enumeration's items ("and/or" first: its "and" is not the word)
_AND_OR = r"(?:and/or|and|or)"
# An enumeration's separators: a comma or semicolon, "and", "or", "and/or" (with what stands between items).
_SEPARATOR = rf"(?:\s*[,;]\s*|\s+{_AND_OR}\s+|\s*,\s*{_AND_OR}\s+)"
# _SEPARATOR + r"+\Z", written so that each character can be read one way only: in _SEPARATOR
# repeated, the white space between two commas is either one's or the next one's, and a gap of 30
# commas and a word (", , , … x") took 2**30 tries (minutes of `trials check` for 60 bytes of a
# criterion; days for 80). Here white space is only ever read before a comma or a conjunction, or
# at the end; a conjunction stands after white space or a comma and before white space, as there
# (and one conjunction right after another takes more than one white space between them).
_ONLY_SEPARATORS = lazy(rf"\s*(?:(?:[,;]|(?<=[\s,])(?<!\band\s)(?<!\bor\s){_AND_OR}(?=\s))\s*)+\Z")
_ENDS_IN_SEPARATOR = lazy(r"\w\)?" + _SEPARATOR + r"\Z")
_STARTS_WITH_SEPARATOR = lazy(r"\A" + _SEPARATOR + r"\w")
_CONJUNCTION = lazy(rf"\b{_AND_OR}\b")  # the word before an enumeration's last item
# right after the last item, what is still its own even where the enumeration has closed ("A, B, and C
# (...)", "A, B, and C or D"): its parenthesis, or an alternative joined by "or" with no comma
_OWN_PART = lazy(r"\s*\(|\s+(?:and/or|or)\s+\w")
# between two terms of one enumeration: up to two words they share ("antinuclear antibodies, and/or
# anti-DS-DNA antibodies, and/or anti-Smith antibodies"), then a separator. A word is read whole
# (atomic, it gives none of it back): a separator never starts with a word character, so the gaps it
# matches are the same, and one long word is no longer tried split at each of its n places (n**2
# steps: a 4,000-letter word took 1.1 s, a criterion of 1 MiB would have taken hours)
_TERM_GAP = lazy(r"(?:\s*" + patterns.atomic(r"[\w-]+", "word") + "){0,2}" + _SEPARATOR + r"\Z")


# How an enumeration's items are read, as a reader reads them: split at its separators outside
# parentheses (_PARTS), but a part that is a dose or a duration of the item before it ("mycophenolate
# mofetil ≥ 2 g/day, for ≥ 6 months, or ...", "prednisone ≥ 0.5 mg/kg/day, or equivalent") is that
# item's, not one of its own. E525 split at every comma and "or": a therapy named without its dose
# was refused, the missing item a fragment ("'≥ 2 g/day for ≥ 6 months, or' stands among them"), and
# an item whose dose holds a comma could not be written whole (its comma read as two items').
_PARTS = lazy(rf"\s*[,;]\s*(?:{_AND_OR}\s+)?|\s+{_AND_OR}\s+")
# a dose or a duration: up to eight words of dosing or time, then a number (after a comparator) ...
_DOSE_LEAD = (
    "at up to least most more less greater than no not for over during within of a an the with total cumulative "
    "dose doses dosage daily given orally intravenously iv po minimum maximum max min last past previous preceding "
    "prior in any"
).split()
# (up to eight of them: "at a dose of at least 2 g/day" has six; the number in digits or in words,
# "for six months", which read as an item of its own made the honest list leave one out)
_DOSE_START = lazy(
    r"(?i)\A\s*(?:(?:"
    + "|".join(_DOSE_LEAD)
    + r")\s+){0,8}(?:[≤≥<>=~]\s*)?(?:[0-9]|"
    + lexicon.WORDS_NUMBER
    + r"(?![\w-]))"
)
# ... with a unit of dose or of time after it
_DOSE_UNIT = lazy(
    r"(?i)(?:[0-9]\s*(?:mg|µg|μg|mcg|ug|g|IU|%)(?![a-z])|/\s*(?:kg|m2|m²|d|day|week)\b|\b(?:units?|daily|weekly|"
    r"days?|weeks?|months?|years?|doses?|cycles?|courses?|infusions?|pulses?|times|half-li(?:fe|ves))\b)"
)
# ... and every word of it one a dose or a duration is written with: of its amount, unit, time, or
# how and how often it is given (_DOSE_VOCABULARY, _A_MANNER), or one that joins them or joins on a
# condition or an event ("for 6 months without response", "for ≥ 3 months preceding screening",
# "75 years of age"). Any other word names something given: a therapy THERAPIES does not know (a
# brand, a new name), after "of" ("6 cycles of Cytoxan", "3 doses of iguratimod"), capitalised ("1 g
# Benlysta", "for 6 months (or Benlysta)"), in lower case right after the unit ("3 doses iguratimod"),
# after words of how it is given ("3 doses iv iguratimod", "2 injections/week iguratimod") or further
# on ("3 doses then iguratimod", "6 cycles every month cytoxan", "for 6 months before iguratimod").
# Each was read as a dose of the item before it, and a record leaving that therapy out passed E525:
# words held one by one (the word after "of", a capitalised one, the word after the unit and its
# words of manner) left the next word unread.
# (the words of how or how often a dose is given, which a regimen's parenthesis reads as its own
# too, _OWN_DOSING_WORDS)
_MANNER_WORDS = "iv sc oral intravenous subcutaneous daily weekly monthly pulse pulsed high-dose low-dose".split()
_DOSE_VOCABULARY = (
    frozenset(_DOSE_LEAD)
    | frozenset(_MANNER_WORDS)
    | frozenset(
        # amounts and units of a dose
        "dosing dose-adjusted weight-based equivalent cycle cycles course courses infusion infusions injection "
        "injections pulses tablet tablets capsule capsules vial vials unit units mg µg μg mcg ug ng pg g iu u kg lb "
        "lbs m m2 m² mm mm3 cm bsa body weight surface area cell cells ml dl l µl μl ul mmol µmol μmol umol nmol "
        "mol meq min hpf level levels trough target range per "
        # units and words of time, and the events a time is counted from
        "years year months month weeks week days day hours hour d h hr hrs wk wks old age life inclusive "
        "duration long longer interval period time prior before after since until ago apart preceding following "
        "from between past last previous recent first screening baseline enrollment enrolment randomization "
        "randomisation visit study entry inclusion consent start onset diagnosis disease symptoms symptom "
        "treatment treatments therapy therapies use exposure administration induction maintenance follow-up "
        "drug medication investigational leukapheresis registration signing icf "
        # how and how often it is given, or kept
        "po im every each once twice thrice times "
        "consecutive continuous stable standard sustained divided tapered subcutaneously intramuscularly "
        "continuously consecutively therapeutic effective tolerable highest lowest higher lower minimal maximal "
        # words that join them, or join on a condition
        "and or to in on by as if when then without unless despite except due respectively response improvement "
        "efficacy benefit intolerance intolerant tolerance toxicity contraindication contraindications adverse side "
        "effects events adequate sufficient appropriate optimal full label investigator discretion judgment "
        "judgement opinion according local practice guidelines care other whichever is are was half lives starting "
        "started stopping".split()
    )
    # numbers in words, as many times or doses ("eleven times", "twenty-four doses"): the one table of
    # them, which listed here by hand had "one" to "twelve" but "eleven", read as a therapy's name
    | frozenset(lexicon.CARDINALS)
    | frozenset(lexicon.SCALES)
)
# ... or an abbreviation of how often it is given ("1 g BID", "q4w", "b.i.d.", "500 mg x 6"), or a
# word of how it is given or kept ("divided", "tapered", "sustained", "consecutively"): since 1b68f1f
# each made an honest dose an item of its own (no therapy's name ends in "-ed" or "-ly"; a capitalised
# word is a dose's only in _DOSE_VOCABULARY, "18 Years", "Prior to Screening")
_A_MANNER = lazy(r"(?i)[a-z]+(?:ed|ly)|q[0-9]*[a-z]{0,3}|bid|tid|qid|biw|tiw|prn|od|bd|[btx×][0-9]*")
# a word of a dose: a dotted abbreviation ("b.i.d.", "p.o.") read without its dots, a word with a hyphen
# in it either whole ("follow-up") or by its pieces ("twice-daily"), a possessive without its "'s"
# ("the investigator's judgement")
_DOSE_TOKEN = lazy(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w-]*(?:['’]s\b)?")
_TITLE_CASE = lazy(r"[A-Z][a-z]")
# ... the events of the trial's own treatment aside, which a time is counted to or from ("within 4 weeks
# before CAR-T infusion", "prior to lymphodepletion"): the trial's product and its conditioning are no
# therapy of the list, and since 8dbc4c1 read every word, such a duration was an item of its own and
# an honest record refused E525. Only after a word of time: "3 doses of CAR-T" names what is given.
_TRIALS_EVENT = lazy(
    r"(?i)\b(?:before|after|prior\s+to|until|since|preceding|following|(?P<time>(?:hours?|days?|weeks?|months?|years?)"
    r"\s+)(?:of|from))\s+(?:the\s+)?(?:start\s+of\s+)?"
    rf"(?:{lexicon.CAR_T}|lymphodeplet\w*|(?:leuk)?apheresis|conditioning)"
    r"(?:\s+(?:cell\s+)?(?:infusion|administration|therapy|treatment|chemotherapy))?(?![\w-])"
)
# ("within 12 weeks of CAR-T infusion": counted from it as well, after a unit of time, its unit kept)


def _a_doses_word(word: str) -> bool:
    """Whether a word is one a dose or a duration is written with (_DOSE_VOCABULARY, _A_MANNER)."""
    word = re.sub(r"['’]s\Z", "", word.replace(".", "")).strip("-")
    if word.lower() in _DOSE_VOCABULARY:
        return True
    if "-" in word:
        return all(_a_doses_word(piece) for piece in word.split("-") if piece)
    return not _TITLE_CASE.match(word) and bool(_A_MANNER.fullmatch(word))


# a part that only says which of two doses or times holds ("for 6 months, whichever is longer"): the
# item's, as "or equivalent" is, not one of its own
_WHICHEVER = lazy(
    r"(?i)\s*whichever\s+(?:is\s+|comes\s+|occurs\s+)?(?:the\s+)?(?:longer|shorter|greater|lesser|less|lower|higher|"
    r"earlier|later|first|last|sooner|longest|shortest|greatest|lowest|highest|earliest|latest)\s*"
)
_EQUIVALENT = lazy(r"(?i)\A\s*(?:or\s+)?(?:an?\s+)?equivalent(?:\s+(?:dose|dosage|amount))?\s*\Z")
# a parenthesis that gives an item's dose or regimen ("(Euro-Lupus or NIH regimen)", "(≥ 1 g/day)"):
# a therapy written without it is still that item; one that names therapies or what the item means
# ("biologics (belizumab or Rituximab)", "steroids (sufficient or shock therapy)") is the item's own
_REGIMEN = lazy(r"(?i)\b(?:regimens?|protocols?|dosing|doses?|dosage)\s*\Z")
# ... but one that opens with a word adding to the item offers another treatment beside it or in its
# place ("(or Benlysta regimen)", "(plus the NIH protocol)"): a name THERAPIES does not know (a brand)
# so written was read as the item's regimen, and a record leaving it out passed E525
# (such a word stands first, after a comma or a semicolon, "(for 6 months, or Benlysta regimen)", or
# after "alone", "(alone or with Benlysta regimen)"; a phrase that can only add one, "in combination
# with", "together with", "in addition to", "±", stands anywhere: read only first, these hid a brand
# as the item's regimen too)
_ADDING = rf"(?:{_AND_OR}|plus|with|without|vs\.?|versus|then|followed\s+by|combined\s+with|instead\s+of|[+&/])"
_ADDING_ANYWHERE = (
    r"(?:in\s+combination\s+with|together\s+with|along\s+with|alongside|in\s+addition\s+to|as\s+well\s+as"
    r"|added\s+to|add-on\s+to)"
)
_ADDED = lazy(
    rf"(?i)(?:\A|[,;])\s*(?:(?:either|alone|used|given)\s+)*{_ADDING}(?!\w)|\b{_ADDING_ANYWHERE}\b|±|\+\s*/\s*[-−]"
)
# ... unless its words, the adding ones aside, are only of a dose or a regimen of the item's own ("(or
# equivalent dosing)", "(or a higher dose)", "(with or without a loading dose)"): no treatment is
# named, and a record listing the item without them was refused E525. ("other", "alternative" and
# "different" are no such words: "(or an alternative regimen)" offers another treatment, unnamed.)
_OWN_DOSING_WORDS = frozenset(
    "and or with without plus then vs versus followed by combined instead of either alone used given a an the any "
    "same similar equivalent higher lower high low standard usual full reduced increased decreased adjusted "
    "dose-adjusted weight-based loading maintenance induction stable recommended approved labelled labeled "
    "mg g kg m m2 d day days week weeks month months per "
    "regimen regimens protocol protocols dosing dose doses dosage".split()
) | frozenset(_MANNER_WORDS)
_A_WORD = lazy(r"[^\W\d_][\w-]*")
_A_PARENTHESIS = lazy(r"\s*\(([^()]*)\)")
# words that lead into an enumeration, not an item of it ("regimen, including steroids (...)")
_LEAD_IN = lazy(r"(?i)\A(?:.*:\s*)?(?:(?:including|includes|include|such\s+as|e\.g\.,?|namely|like|either)\s+)?")


_ENUMERATION_END = lazy(r"[.:](?=\s|\Z)")


def _dose(part: str) -> bool:
    """Whether a part of an enumeration between two separators is a dose or a duration of the item
    before it, which names no therapy ("for ≥ 6 months", "or equivalent"; not "≥ 2 immunosuppressants")."""
    if _EQUIVALENT.match(part) or _WHICHEVER.fullmatch(part):
        return True
    start = _DOSE_START.match(part)
    if start is None or not _DOSE_UNIT.search(part) or prior_therapy.THERAPIES.search(part):
        return False
    read = _TRIALS_EVENT.sub(lambda event: f" {event.group('time') or ''} before ", part)
    return all(_a_doses_word(word) for word in _DOSE_TOKEN.findall(read))


# ... and one naming the regimen names one the field knows by that name ("Euro-Lupus", "NIH"): a
# capitalised word that is neither such a name nor a dose's ("(Benlysta or NIH regimen)", "(6 pulses
# or Benlysta regimen)") names another treatment beside the item's regimen, as "1 g Benlysta" does
# (a name this list lacks makes its parenthesis an item of its own: a refusal to look at, never a pass)
_NAMED_REGIMENS = frozenset("euro-lupus eurolupus euro lupus elnt nih ponticelli modified kdigo eular acr".split())


def _names_another(word: str) -> bool:
    """Whether a capitalised word in a regimen's parenthesis names something besides the regimen."""
    folded = word.lower()
    return (
        word[:1].isupper()
        and folded not in _NAMED_REGIMENS
        and folded not in _OWN_DOSING_WORDS
        and not _a_doses_word(word)
    )


# ... and one that gives the item with a regimen the field knows by its name, and nothing else ("(with the
# Euro-Lupus regimen)", "(with the modified NIH protocol)", "(with the NIH or Euro-Lupus regimen)"): "with" adds
# no treatment there, the regimen is the item's own; a capitalised word of no such name ("(with the Benlysta
# regimen)") still adds one
_WITH_A_NAMED_REGIMEN = lazy(
    r"(?i)\s*(?:(?:given|used|administered)\s+)?with\s+(?:(?:the|a|an)\s+)?(?P<names>[\w-]+(?:\s+[\w-]+){0,3}?)\s+"
    r"(?:regimens?|protocols?|dosing|schedules?)\s*"
)


def _with_a_named_regimen(inside: str) -> bool:
    """Whether a parenthesis (its words) gives its item with a regimen the field knows by its name alone
    (_WITH_A_NAMED_REGIMEN, _NAMED_REGIMENS)."""
    found = _WITH_A_NAMED_REGIMEN.fullmatch(inside)
    names = [w.lower() for w in re.split(r"\s+", found.group("names"))] if found is not None else []
    return any(w in _NAMED_REGIMENS for w in names) and all(w in _NAMED_REGIMENS or w in ("or", "and") for w in names)


def _regimen(inside: str) -> bool:
    """Whether a parenthesis (its words) gives only its item's dose or regimen."""
    words = _A_WORD.findall(inside)
    regimen = (
        bool(_REGIMEN.search(inside))
        and not any(_names_another(w) for w in words)
        and (
            not _ADDED.search(inside)
            or all(w.lower() in _OWN_DOSING_WORDS for w in words)
            or _with_a_named_regimen(inside)
        )
    )
    return (_dose(inside) or regimen) and not prior_therapy.THERAPIES.search(inside)


def _parts(text: str, lo: int, hi: int, first: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of each part of text[lo:hi] between its separators outside parentheses (with
    first, only the first: an item's dose is looked for after each item, never in the whole rest of
    its criterion each time)."""
    out: list[tuple[int, int]] = []
    depth, start, i = 0, lo, lo
    while i < hi and not (first and out):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (c in ",;" or c.isspace()):
            m = _PARTS.match(text, i, hi)
            if m is not None:
                out.append((start, i))
                start = i = m.end()
                continue
            if c.isspace():
                # no separator starts at any later white space of this run either (a separator's own
                # white space would have been read from here): each tried, a run of n spaces took n² steps
                while i < hi and text[i].isspace():
                    i += 1
                continue
        i += 1
    if not (first and out):
        out.append((start, hi))
    return out


def _items(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """text[lo:hi]'s items as a reader reads them: its parts (_parts), each dose or duration joined
    to the item before it."""
    out: list[tuple[int, int]] = []
    for start, end in _parts(text, lo, hi):
        if out and _dose(text[start:end]):
            out[-1] = (out[-1][0], end)
        elif text[start:end].strip():
            out.append((start, end))
    return out


def _tail(corpus: str, end: int) -> int:
    """Where the item that ends at `end` in the criterion ends with the dose, duration or regimen the
    criterion gives it after it (a therapy named without them is still that item): `end` where none."""
    while True:
        paren = _A_PARENTHESIS.match(corpus, end)
        if paren is not None:
            if not _regimen(paren.group(1)):
                return end
            end = paren.end()
            continue
        sep = _PARTS.match(corpus, end)
        start = sep.end() if sep is not None else end
        if start == end and not corpus[end : end + 1].isspace():
            return end
        part_end = _parts(corpus, start, len(corpus), first=True)[0][1]
        opened = corpus.find("(", start, part_end)  # a parenthesis after the dose: the next round's
        part_end = start + len(corpus[start : part_end if opened < 0 else opened].rstrip())
        if part_end <= start or not _dose(corpus[start:part_end]):
            return end
        end = part_end


def _past_separator(corpus: str, at: int) -> int:
    """Where the words after the separator at `at` (if one stands there) start."""
    found = _PARTS.match(corpus, at)
    return found.end() if found is not None else len(corpus) - len(corpus[at:].lstrip(" ,;"))


def _before_separator(corpus: str, at: int) -> int:
    """Where the words before the separator that ends at `at` (if one does) end."""
    words = corpus[:at].rstrip(" ,;")
    for conjunction in ("and/or", "and", "or"):
        if words.endswith(conjunction) and words[: -len(conjunction)][-1:] in (" ", ",", ";"):
            return len(words[: -len(conjunction)].rstrip(" ,;"))
    return len(words)


def _item_at(corpus: str, start: int) -> str:
    """The first item of the enumeration from start (its separators before it left out), as a reader reads it."""
    found = _items(corpus, start, len(corpus))
    if not found:
        return corpus[start:].strip(" ,;")
    lo, hi = found[0]
    end = _ENUMERATION_END.search(corpus, lo, hi)  # the sentence's end ends the enumeration
    return corpus[lo : end.start() if end is not None else hi].strip()


def _item_before(corpus: str, end: int) -> str:
    """The item of the enumeration that ends at end (its separator after it left out), its lead-in
    ("including") left out."""
    found = _items(corpus, 0, end)
    if not found:
        return corpus[:end].strip(" ,;")
    lo, hi = found[-1]
    item = corpus[lo:hi].strip()
    return item[_LEAD_IN.match(item).end() :] or item  # type: ignore[union-attr]


def _quotes_in_order(ctx: Context, said: list[str]) -> bool:
    """Whether some cited source writes the quotes said (the quote of each of a list's values, in the
    list's order) one after the other in that order: a quote standing in several places may be read
    at any of them, so only a list no source's text gives in its order is out of it."""
    said = [q for i, q in enumerate(said) if i == 0 or q != said[i - 1]]
    if len(set(said)) < 2:
        return True
    for doc in ctx.docs:
        last = -1
        for quote in said:
            last = doc.text.find(quote, last + 1)
            if last < 0:
                break
        else:
            return True
    return not any(all(q in doc.text for q in said) for doc in ctx.docs)  # (a quote no source writes: E502's)


def _misordered(items: list[T], key: Callable[[T], Any]) -> tuple[T, T] | None:
    """Where items first stand otherwise than in the order of their keys (a list trials.csv gives in
    source order): (the item standing there, the item the order puts there), or None where none does."""
    return next(((item, due) for item, due in zip(items, sorted(items, key=key)) if item != due), None)


def _enumeration(ctx: Context, path: Path_, texts: list[str], where: tuple[str, list[str]]) -> Iterator[Problem]:
    """E525 when list items read from a criterion's enumeration ("steroids (...), immunosuppressants
    (...), and biologics (...)") are not that enumeration whole. The items are placed in the criterion
    (where: its normalised text and the record's quotes of it; an item in a quote stands where the
    quote does), and read in its words, not only in the quotes' (a quote cut after the second item
    would hide the third): only separators stand between two items that follow each other (an item
    left out there, or items of two enumerations); no separator joins an item before the first; and
    none joins one after the last, unless the enumeration has closed with its "and" or "or" before
    it ("A, B, and C, and the disease ..."). A requirement of three kinds of treatment read as two
    misstates who is refractory."""
    corpus, quotes = where
    spans = []
    for text in map(normalise, texts):
        at, cut = _placed(text, corpus, quotes)
        if at < 0:
            return  # E513: not in the criterion
        if cut is not None:
            yield ctx.problem(
                path,
                "E525",
                f"{fields.dotted(path)}: {quoted([text], 50)} is part of {quoted([cut.words], 50)} in the "
                "criterion's enumeration, not an item of it: list each item whole",
            )
            return
        spans.append((at, _tail(corpus, at + len(text))))
        torn = _torn(text, corpus[:at])
        if torn is not None:
            yield ctx.problem(
                path,
                "E525",
                f"{fields.dotted(path)}: {quoted([text], 50)} is part of an item of the criterion's enumeration "
                f"({torn}): list each item whole",
            )
            return
    for text, (at, end) in zip(map(normalise, texts), spans):
        word = _runs_on(corpus, at, at + len(text), end)
        why = (
            f"{word!r} goes on naming it, with no separator between"
            if word is not None
            else _names_no_treatment(text)
            if path[-1] == "therapies"
            else None
        )
        if why is not None:
            yield ctx.problem(
                path,
                "E525",
                f"{fields.dotted(path)}: {quoted([text], 50)} is no item of an enumeration of the criterion "
                f"({why}): list each item of its enumeration whole",
            )
            return
    given = list(spans)
    spans.sort()
    # an item inside another (a part of it, or of its parenthesis): an item of two enumerations, which
    # stood for one left out ("cyclophosphamide or mycophenolate mofetil" of "immunosuppressants (...)"
    # in the place of "biologics (...)")
    inside = next(((one, two) for one, two in zip(spans, spans[1:]) if two[0] < one[1]), None)
    if inside is not None:
        (start, end), (part, part_end) = inside
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {quoted([corpus[part:part_end]], 50)} stands inside the item "
            f"{quoted([corpus[start:end]], 50)}: list the enumeration's own items, each once",
        )
        return
    misplaced = _misordered(list(range(len(spans))), lambda k: given[k])
    if misplaced is not None:
        first, ahead = misplaced
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {quoted([normalise(texts[ahead])], 50)} stands before "
            f"{quoted([normalise(texts[first])], 50)} in the criterion: list its items in the criterion's order",
        )
        return
    # what is left out is named as the item it is (_items), not the words between two items
    left_out: str | None = None
    part_of: tuple[int, int] | None = None  # an item the record holds only part of: its span
    for (start, end), (after_start, _) in zip(spans, spans[1:]):
        gap = corpus[end:after_start]
        if after_start > end and not _ONLY_SEPARATORS.match(gap):
            if _OWN_PART.match(gap):  # the item's own parenthesis or alternative: the item cut short
                part_of = (start, end)
            elif gap.rstrip().endswith("("):  # the next one is in a parenthesis of an item left out
                part_of = next(span for span in spans if span[0] == after_start)
            else:
                left_out = _item_at(corpus, _past_separator(corpus, end))
            break
    if left_out is None and part_of is None and _ENDS_IN_SEPARATOR.search(corpus, 0, spans[0][0]):
        left_out = _item_before(corpus, _before_separator(corpus, spans[0][0]))
    gaps = [corpus[end:start] for (_, end), (start, _) in zip(spans, spans[1:]) if start > end]
    closed = any(_CONJUNCTION.search(g) for g in gaps)
    after = corpus[spans[-1][1] :]
    if left_out is None and part_of is None:
        if _OWN_PART.match(after):
            part_of = spans[-1]
        elif not closed and _STARTS_WITH_SEPARATOR.match(after):
            left_out = _item_at(corpus, _past_separator(corpus, spans[-1][1]))
    if part_of is not None:
        start, end = part_of
        lo, hi = next(((lo, hi) for lo, hi in _items(corpus, 0, len(corpus)) if lo <= start < hi), (start, end))
        stop = _ENUMERATION_END.search(corpus, end, hi)  # the sentence's end ends the enumeration
        whole = corpus[lo : stop.start() if stop is not None else hi]
        whole = whole[_LEAD_IN.match(whole).end() :] or whole  # type: ignore[union-attr]
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {quoted([corpus[start:end]], 80)} is part of the item "
            f"{quoted([whole.strip()], 100)} of the criterion's enumeration, not an item of it: list each "
            "item whole (its dose may be left out, not what it names)",
        )
    elif left_out is not None:
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the criterion's enumeration has more than its items: "
            f"{quoted([left_out], 100)} stands among them; list it too (a quote of only part of the "
            "enumeration does not make the rest of it go away)",
        )


# the words that may stand right after an item without naming more of it: a closed word ("is", "for",
# "within"), a word of its dose or of how it is given (_a_doses_word), or one that says what it includes
# or how it is given ("other immunosuppressants or immunomodulators including azathioprine, ...")
_AFTER_AN_ITEM = frozenset(
    "including includes such like alone plus etc regimen regimens protocol protocols used given taken "
    "received administered".split()
)
# ... and right before one: a closed word ("of", "to", "with", "including"), a word of a dose or of how
# it is given ("oral", "high-dose"), or a word of a treatment had, failed or kept ("despite", "failed")
_BEFORE_AN_ITEM = frozenset(
    "despite failed fail fails failing received receiving tried trying taking using used following "
    "refractory resistant intolerant unresponsive respond responded responding including e.g. namely "
    "either both plus versus vs".split()
)
# ... but a word that says which of a kind the item is, its own ("other" of "other immunosuppressants or
# immunomodulators": the immunosuppressants besides those named before it), though a dose's word elsewhere
_OF_THE_ITEM = frozenset({"other", "another", "additional", "further"})
_WORD_AFTER = lazy(r" ([^\W\d_][\w'’-]*)")
_WORD_BEFORE = lazy(r"([^\W\d_][\w'’-]*) \Z")


def _runs_on(corpus: str, start: int, end: int, tail: int) -> str | None:
    """The word of the criterion that goes on naming the item at corpus[start:end] (with its dose or
    regimen up to tail) past one of its ends, with no separator, mark or closed word between: "other"
    of "other immunosuppressants or immunomodulators" ("immunosuppressants" goes on), "the" of "the
    current standard treatment regimen", "immunosuppressants or immunomodulators" of "other
    immunosuppressants ..." ("other" before it). A word cut out of a longer name stood as a whole item
    of a list of one, or as the last of a list, where no separator showed the cut; else None."""
    after = _WORD_AFTER.match(corpus, tail)
    if after is not None:
        word = after.group(1)
        if not (phrases.closed_word(word) or _a_doses_word(word) or word.lower() in _AFTER_AN_ITEM):
            return word
    before = _WORD_BEFORE.search(corpus, max(0, start - 80), start)
    if before is not None:
        word = before.group(1)
        if word.lower() in _OF_THE_ITEM or not (
            phrases.closed_word(word) or _a_doses_word(word) or word.lower() in _BEFORE_AN_ITEM
        ):
            return word
    return None


# the verbs of a clause an item would hold ("corticosteroids must meet", "regimen refers to"): it says
# something of a treatment, and names none
_A_CLAUSE_VERB = lazy(
    r"(?i)\b(?:is|are|was|were|be|been|being|will|shall|would|should|can|could|may|might|must|has|have|had|does|do|"
    r"did|refers?|meets?|remains?|remained|relaps\w*|progress(?:es|ed)?)\b"
)
# words that name no treatment though no closed word or word of a dose either: the disease, words of
# the criterion's own frame ("the current clinical standards", "standard SLE regimen", "requirements"), and
# words of how a treatment is taken ("using", "kept", "alone")
_NO_TREATMENT_WORDS = frozenset(
    "sle lupus systemic erythematosus disease diseases nephritis ln active activity refractory relapse relapsing "
    "regimen regimens requirement requirements standards criteria criterion clinical current currently following "
    "history meets meet combination steady using used kept alone there".split()
)
# ... of which these are never part of a treatment's name, beside a therapy's word ("requirement for
# corticosteroids" of "There is no minimum daily dose requirement for corticosteroids")
_FRAME_WORDS = frozenset(
    "requirement requirements standards criteria criterion history meets meet there used using kept combination "
    "following when whenever if unless while".split()
)


def _names_no_treatment(item: str) -> str | None:
    """Why a prior therapy's item names no treatment, else None: a closed word at its end
    ("corticosteroids when"), the colon of the enumeration's lead-in, a verb of a clause in it
    ("corticosteroids must meet"), a word of the criterion's frame or clause ("requirement for
    corticosteroids", "in combination with"), or neither a therapy's word (prior_therapy.THERAPIES) nor
    any word that could be a name the field does not know (a brand: "Benlysta") beside closed words,
    words of a dose, numbers, the disease or the criterion's frame ("the", "SLE", "standard SLE
    regimen", "use", "treatment", "mg/ day")."""
    last = phrases.bare_word(item.split()[-1]) if item.split() else ""
    if phrases.closed_word(last):
        # (at its start a closed word may lead a count of the item's own: "at least 2 immunosuppressive agents")
        return f"{last!r}, at its end, names nothing of a treatment"
    if re.search(r":\s", item):
        return "it runs back over the words that lead into the enumeration, to their colon"
    verb = _A_CLAUSE_VERB.search(item)
    if verb is not None:
        return f"{verb.group(0)!r} is a verb of its clause"
    words = _A_WORD.findall(re.sub(r"\([^()]*\)", " ", item))  # a parenthesis of its own says what it is
    frame = next((w for w in words if w.lower() in _FRAME_WORDS), None)
    if frame is not None:
        return f"{frame!r} is a word of the criterion's frame or clause, not of a treatment"
    words = _A_WORD.findall(item)
    if prior_therapy.THERAPIES.search(item):
        return None
    for word in words:
        if phrases.closed_word(word) or _a_doses_word(word) or word.lower() in _NO_TREATMENT_WORDS:
            continue
        if phrases.names_something(word):
            return None
    return "no word of it names a treatment"


def _of_the_requirement(
    ctx: Context, path: Path_, texts: list[str], ref: dict, where: tuple[str, list[str]]
) -> Iterator[Problem]:
    """E525 when a prior therapy's list, an enumeration whole, opens after the first therapy the
    criterion's requirement names (prior_therapy.requirement: from its cue of a failure, of the disease
    staying active after a treatment, or of one had before): it is another list of the criterion, not
    the requirement's. Relma-cel's requirement read as "Oral corticosteroids" (the heading of a sub-list
    of dose rules), as the "corticosteroids" of "There is no minimum daily dose requirement for
    corticosteroids", or as the examples "including azathioprine, ..., and cyclosporine" of one item
    passed: each is a list whole where it stands, and said that the disease stayed active after it alone."""
    corpus, quotes = where
    read = prior_therapy.requirement(corpus, inclusion=ref["list"] == "INCLUSION")
    if read is None:
        # no cue of a failure, of the disease staying active after a treatment or of one had before, or one of
        # a part of the trial's only: the therapies it names are no requirement the field holds ("Currently,
        # one or more of the following stable dose standard therapies are being used to treat SLE: steroids,
        # ..." read as IM19's prior therapies passed, its criterion 5 the background therapy patients are on)
        yield ctx.problem(
            path,
            "E513",
            f"{fields.dotted(path)}: {fields.criterion_name(ref)} names these therapies, but not as ones the "
            "disease stayed active after, failed or was had before (or of a part of the trial alone): quote the "
            "criterion that requires them, or declare the field silent",
        )
        return
    if not (read.starts or read.kinds):
        return
    spans = [(at, at + len(text)) for text in map(normalise, texts) if (at := _placed(text, corpus, quotes)[0]) >= 0]
    placed = [at for at, _ in spans]
    cue = corpus.find(read.words)
    aside = _one_items_aside(corpus, spans, read, cue + len(read.words) if cue >= 0 else 0)
    if aside is not None:
        owner, then, closed = aside
        where_ = (
            f"stands inside the parenthesis of {owner!r}, one item of the enumeration of the requirement "
            f"{read.words!r} of {fields.criterion_name(ref)}, which goes on after it with {then!r}"
            if closed
            else f"stands among the examples of {owner!r}, in the requirement {read.words!r} of "
            f"{fields.criterion_name(ref)}, and no mark closes them: {then!r}, joined after them, is another "
            "example or another item of the requirement, and the list holds neither whole"
        )
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the list given {where_}: list the enumeration of the therapies the requirement "
            "names, whole (the therapies of an item's aside are examples of that item)",
        )
        return
    if not placed:
        return
    named = prior_therapy.THERAPIES.match(corpus, min(placed))
    if named is not None and min(placed) not in read.starts and min(placed) > cue >= 0:
        # (a therapy after the cue the requirement's reading leaves out: "Refractory to standard therapy
        # (prednisone is allowed)" read as [prednisone] passed, the bracket read as the kind's own)
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the list given opens with {named.group(0)!r}, which the requirement "
            f"{read.words!r} of {fields.criterion_name(ref)} does not name as a therapy patients must have had "
            "(the criterion lets it in, excepts it, or says it of other patients): list the therapies the "
            "requirement names",
        )
        return
    if read.starts and min(placed) > read.starts[0]:
        if _SPELLED_OUT.match(corpus, read.starts[0], min(placed)):
            return
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the requirement {read.words!r} of {fields.criterion_name(ref)} names "
            f"{read.therapies[0]!r} first; the list given opens after it, in other words of the criterion: list "
            "the enumeration of the therapies the requirement names, whole",
        )
        return
    kinds = [(start, end) for start, end in read.kinds if end <= min(placed)]
    if not kinds or _A_KINDS_OWN.fullmatch(corpus, kinds[-1][1], min(placed)):
        return
    start, end = kinds[-1]
    between = corpus[end : min(placed)].strip()
    yield ctx.problem(
        path,
        "E525",
        f"{fields.dotted(path)}: the requirement {read.words!r} of {fields.criterion_name(ref)} names "
        f"{corpus[start:end]!r}, a kind of treatment, before the list given, which opens after it in other words "
        f"of the criterion ({between[:60]!r} between), not as what that kind is spelled out or given examples "
        "by, or is a treatment with: list the therapies the requirement names (none, where it names only a "
        "kind no word of which names one)",
    )


def _one_items_aside(
    corpus: str, spans: list[tuple[int, int]], read: prior_therapy.Requirement, begin: int = 0
) -> tuple[str, str, bool] | None:
    """Where a prior therapy's items (spans: where each stands in the criterion) all stand in an aside of
    one item, after a word, and the requirement's enumeration goes on after the aside with another item, a
    therapy it names or a kind of treatment (read: where each stands; "or conventional therapy" too), after
    a separator or a conjunction: that item's words before the aside (from begin, the requirement's cue's
    end, on), the therapy after it, and whether a mark closes the aside; else None. An aside is a bracket
    ("biologic therapy (belimumab or rituximab) or immunosuppressants", "[...]"), or examples given ("such
    as", "e.g.", "including", ...) or words set off by dashes, that a comma or a dash closes ("targeted
    therapy, such as belimumab or rituximab, or immunosuppressants"). The list is one alternative's
    examples, and leaves the requirement's other items out: "Active disease despite biologic therapy (...)
    or immunosuppressants" read as [belimumab, rituximab] passed, since the reader knew no "biologic
    therapy" and the list opened at the first therapy it knew, whole inside its parenthesis. Examples no
    mark closes run on to a conjunction or a semicolon that joins a therapy or a kind of the requirement
    after them ("targeted therapy such as belimumab or rituximab and immunosuppressants"): that is another
    example or another item, and the list of those before it is the requirement's in neither reading
    (without the comma it passed)."""
    if not spans:
        return None
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    aside = _bracket_around(corpus, lo, hi)
    if aside is None:  # examples, or words between dashes, closed by a comma or a dash (or by none)
        opened = _EXAMPLES_OPEN.search(corpus, max(0, lo - 40), lo)
        if opened is None:
            return None
        tail = _tail(corpus, hi)
        shut = _EXAMPLES_SHUT.match(corpus, tail)
        if shut is None:  # none closes them: a conjunction after them joins another example or another item
            goes_on = _JOINS_ANOTHER.match(corpus, tail)
            then = _requirements_item(corpus, goes_on.end(), read) if goes_on is not None else None
            owner = _owner(corpus, opened.start(), begin)
            return (owner, then, False) if owner and then else None
        aside = (opened.start(), shut.end())
    goes_on = _ANOTHER_ITEM.match(corpus, aside[1])
    then = _requirements_item(corpus, goes_on.end(), read) if goes_on is not None else None
    owner = _owner(corpus, aside[0], begin)
    return (owner, then, True) if owner and then else None


def _requirements_item(corpus: str, at: int, read: prior_therapy.Requirement) -> str | None:
    """The item of the enumeration from `at`, where it is one of the requirement's: a therapy it names
    starts there, the item holds a kind of treatment it names ("conventional therapy",
    prior_therapy.KINDS), or it opens with a proper name that names no disease (a drug by its brand, "or
    Benlysta": product_names.opens_with_a_name; the criterion's enumeration names it beside therapies, which
    no list of drugs need say); else None."""
    item = _item_at(corpus, at)
    if at in read.starts:
        return item
    hi = corpus.find(item, at) + len(item) if item else at
    if any(at <= start and end <= hi for start, end in read.kinds):
        return item
    name = product_names.opens_with_a_name(item)
    return item if name is not None and not prose.diseases(name) else None


def _owner(corpus: str, at: int, begin: int) -> str:
    """The words of the item whose aside opens at `at` (from begin, the requirement's cue's end, on):
    "" where no word stands right before the aside."""
    before = corpus[:at].rstrip(" ,")
    if not before or not before[-1].isalnum():
        return ""
    return scopes.owner_words(before, begin if begin <= len(before) else 0) or before[-40:].strip()


def _bracket_around(corpus: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the innermost bracket ("(" or "[") open at position lo opens, and where it closes (past its
    mark), where it holds corpus[lo:hi] whole; else None."""
    for brackets in ("()", "[]"):
        opened = scopes.open_before(corpus, lo, brackets)
        if opened is None:
            continue
        closed = scopes.closing(corpus, opened, brackets)
        return (opened, closed) if closed is not None and closed >= hi else None
    return None


# right before an item, the words that open examples of the word before them, or a dash that sets words off
# ("targeted therapy, such as belimumab", "targeted therapy - belimumab"); and right after the last, the
# comma or dash that closes them ("..., or immunosuppressants"), its own words left to _ANOTHER_ITEM
_EXAMPLES_OPEN = lazy(
    r"(?i)(?:,?\s*(?:such\s+as|e\.g\.,?|for\s+(?:example|instance),?|including|like|namely|i\.e\.,?)|\s[-–—])\s+\Z"
)
_EXAMPLES_SHUT = lazy(r"\s*(?:,|\s[-–—](?=\s))")


# right after an item's aside, what joins another item of the enumeration to it: a separator or a
# conjunction, then closed words ("), or to mycophenolate", ") and at least one immunosuppressant"); not a
# clause of other words (", with prednisone at a stable dose"); after a comma or a dash that closed examples,
# the conjunction alone, or nothing
_ITEMS_LEAD = (
    r"(?:(?:to|of|the|an?|other|another|any|prior|previous|despite|after|following|at\s+least\s+(?:one|two|\d+))"
    r"\s+)*"
)
# (the words that join another item: a conjunction, or words of one, "in addition to", "combined with",
# "followed by"; or "&" or "+")
_JOINING = (
    r"(?:and/or|or|and|nor|plus|as\s+well\s+as|in\s+addition\s+to|(?:combined|together|along)\s+with"
    r"|followed\s+by)"
)
_ANOTHER_ITEM = lazy(
    r"(?i)(?:(?:(?<=[,–—-])\s*|\s*[,;/&+]\s*)(?:" + _JOINING + r"\s+)?|\s*" + _JOINING + r"\s+)" + _ITEMS_LEAD
)
# ... and right after examples that no comma or dash closes ("targeted therapy such as belimumab or rituximab
# and immunosuppressants"), a conjunction (or words of one: "in addition to", "followed by"), a semicolon, a
# slash, "&" or "+": what it joins is another of the examples or
# another item of the requirement (a reader cannot tell which), and the list of the examples before it is
# the requirement's in neither reading
_JOINS_ANOTHER = lazy(r"(?i)(?:\s*[;/&+]\s*(?:" + _JOINING + r"\s+)?|\s+" + _JOINING + r"\s+)" + _ITEMS_LEAD)


# From the words of a kind of treatment a requirement names before any therapy (prior_therapy.KINDS: "at
# least two standard therapies") to a list after it that is its own: what the kind is spelled out by
# ("standard treatment regimen refers to ... any of the following (alone or in combination) : ..."), its
# examples ("standard therapy, including ...", "targeted therapy (belimumab or rituximab)", "e.g."), or what
# it is a treatment with or of ("treatment with at least one of ..."), its own parenthesis, a duration or
# closed words between; not another clause of the criterion (", with prednisone at a stable dose", "while
# on prednisone", "with or without hydroxychloroquine", ". Hydroxychloroquine is recommended.")
_EXAMPLES_WORDS = (
    r"(?:(?:such\s+as|for\s+(?:example|instance)|including|includes|like|namely|notably|especially|particularly"
    r"|in\s+particular|specifically)\b|e\.g\.|i\.e\.)"
)
_A_KINDS_OWN = lazy(
    # (each piece starts past the white space before it, read by the one \s* there, and each mark is one
    # piece's: a comma after examples' words only where no more such words follow, a colon or a bracket its own)
    r"(?i)(?:\s*(?:\([^()]*\)"
    r"|(?:,\s*)?" + _EXAMPLES_WORDS + r"(?:,(?!\s*" + _EXAMPLES_WORDS + r"))?"
    r"|[(\[:]|(?<=\s)[-–—](?=\s)"
    r"|(?:with|of|using|containing|comprising|consisting\s+of|based\s+on)\b"
    # (what it is defined as or made of, or the items it is drawn from: "conventional therapy, defined as
    # ...", "standard therapy, which included ...", "at least two therapies selected from ...")
    r"|(?:,\s*)?(?:(?:which|that)\s+(?:is|are|was|were)\s+(?:defined\s+as|one\s+of)|defined\s+as"
    r"|in\s+the\s+form\s+of|(?:comprised|composed|made\s+up)\s+of|(?:selected|chosen|drawn)\s+(?:from|among)"
    r"|(?:which|that)\s+(?:(?:has|have|had)\s+)?(?:includ(?:ed?|es)|contain(?:ed|s)?|compris(?:ed|es)"
    r"|consist(?:ed|s)\s+of))\b"
    r"|(?:for|over)\s+(?:at\s+least\s+|more\s+than\s+|[≥>]\s*)?\d+\s*(?:days?|weeks?|months?|years?)\b"
    r"|for\s+(?:(?:the|active|systemic)\s+)*(?:SLE|lupus(?:\s+nephritis)?|LN|nephritis|disease)\b"
    r"|(?:adequate|sufficient|full|stable|optimal|appropriate|therapeutic|maximum\s+tolerated)"
    r"\s+(?:doses?|dosage|dosing|duration)\b"
    r"|(?:at\s+least|at\s+most|at|one|two|three|four|\d+|or\s+more|the|an?|any|either|both|prior|previous)\b"
    r"))*\s*"
)


# From a requirement's first therapy to a list after it that spells that therapy out: a class named,
# then a colon ("at least one immunosuppressive agent: mycophenolate mofetil, azathioprine or
# cyclophosphamide"), no separator, sentence end, bracket or conjunction between (a conjunction joins
# another item: "glucocorticoids and to at least one of: ..."); not examples of it ("such as",
# "including", "e.g."), which narrow the requirement to the treatments they happen to name
_SPELLED_OUT = lazy(
    r"(?i)(?:(?!\b(?:including|includes|such\s+as|e\.g|for\s+example|like|and|or|nor|plus)\b)[^.;,()/&+])*"
    r":\s*\Z"
)


def _placed(text: str, corpus: str, quotes: list[str]) -> tuple[int, edges.Cut | None]:
    """Where an item stands in its criterion (corpus): in a quote of it where one holds it, else in
    the criterion (-1: nowhere), and what it cuts there where it stands whole in none of them:
    "other" of "Failure of smother or mycophenolate, not other therapies" stood in the quote "smother
    or mycophenolate" only inside a word, and was read as the enumeration's first item."""
    first: tuple[int, edges.Cut | None] = (-1, None)
    for within in (quotes, [corpus]):
        for quote in within:
            base = corpus.find(quote)
            if base < 0:
                continue
            at, cut = edges.place(corpus, text, base, base + len(quote))  # what it cuts of the criterion
            if at >= 0 and cut is None:
                return at, None
            first = first if first[0] >= 0 or at < 0 else (at, cut)
        if first[0] >= 0:
            return first  # a quote holds it, cut: the criterion's words beyond the quotes say no more
    return first


def _torn(item: str, before: str) -> str | None:
    """Why an item read from an enumeration is not one of its items whole, or None: a parenthesis it
    opens or closes and does not hold whole ("biologics (belizumab or" of "biologics (belizumab or
    Rituximab)"), a conjunction or a separator at either end ("other immunosuppressants or", ":
    corticosteroids"), a separator outside its parentheses (the enumeration's lead-in run into its
    first item: "regimen, including steroids (...)"), or a parenthesis alone that belongs to the word
    before it ("(sufficient or shock therapy)" of "steroids (...)")."""
    torn = phrases.torn(item)
    if torn is not None:
        return torn
    if _CONJUNCTION.match(item) or re.search(r"\b(?:and/or|and|or)\Z", item):
        return "a conjunction at its end"
    if re.match(r"[,;:]", item) or re.search(r"[,;:]\Z", item):
        return "a separator at its end"
    if len(_items(item, 0, len(item))) > 1 and re.search(r"[,;]", re.sub(r"\([^()]*\)", "", item)):
        # (a separator before the item's dose or duration is the item's: "prednisone ≥ 0.5 mg/kg/day, for ≥ 4 weeks")
        return "a separator outside its parentheses, between two items or before the enumeration"
    if item.startswith("(") and re.search(r"\w\s*\Z", before):
        return "a parenthesis of the word before it"
    return None


def _enumerated_terms(
    ctx: Context, path: Path_, values: list, vocab: vocabulary.Vocabulary, where: tuple[str, list[str]]
) -> Iterator[Problem]:
    """E525 when a list of terms read from a criterion (autoantibodies, classification criteria)
    leaves out a term of its vocabulary that the criterion enumerates with the quoted ones: a term
    joined to the first or last quoted term by a separator (and the words they share). Its quotes
    render exactly its values (E507), so only a quote cut short of the enumeration hides one:
    "antinuclear antibodies, and/or anti-DS-DNA antibodies" of a criterion that goes on "and/or
    anti-Smith antibodies"."""
    corpus, quotes = where
    found = vocab.places(corpus)
    wanted = set(values)
    # the terms in the order the criterion first writes them (trials.csv gives each list in source order)
    written_at = {v: next((t.start for t in found if v in t.values), -1) for v in values}
    placed = [v for v in values if written_at[v] >= 0]
    misplaced = _misordered(placed, lambda v: written_at[v])
    if misplaced is not None:
        ahead = misplaced[0]
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: {ahead} is listed before a term the criterion writes ahead of it: list "
            "its terms in the criterion's order",
        )
        return
    for quote in quotes:
        at = corpus.find(quote)
        inside = [k for k, term in enumerate(found) if at <= term.start and term.end <= at + len(quote)]
        if at < 0 or not inside:
            continue
        first, last = inside[0], inside[-1]
        beside = []
        if first > 0 and _TERM_GAP.match(corpus[found[first - 1].end : found[first].start]):
            beside.append(found[first - 1])
        if last + 1 < len(found) and _TERM_GAP.match(corpus[found[last].end : found[last + 1].start]):
            beside.append(found[last + 1])
        for term in beside:
            if not term.values & wanted:
                yield ctx.problem(
                    path,
                    "E525",
                    f"{fields.dotted(path)}: the criterion enumerates {corpus[term.start : term.end]!r} with the "
                    f"quoted terms ({', '.join(sorted(term.values))}); list it too (a quote of only part of the "
                    "enumeration does not make the rest of it go away)",
                )
                return


# --- ages, cohorts, counts ------------------------------------------------------------------------


def _age(ctx: Context, path: Path_, age: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    bound = "min" if path[-1] == "minimum_age" else "max"
    # a list of quotes is read one by one, and together in its order ("18 Years", "65 Years": two
    # lines) where the source gives them one after the other: "65 Years", "18 Years" is no minimum of 65
    read = [(q, a) for q in ctx.together(path, quotes) for a in ctx.reader.ages(q)]
    # a length of time ("diagnosed at least 6 months before screening") is an age of no bound
    read = [
        (q, lexicon.Age(None, a.value, a.unit, a.start, a.end) if lexicon.length_of_time(q, a) else a) for q, a in read
    ]
    # an age the quote's words bound, which the words of its sentence the quote leaves out unbind
    read = [
        (q, lexicon.Age(None, a.value, a.unit, a.start, a.end) if a.bound and _unbound_there(ctx, path, q, a) else a)
        for q, a in read
    ]
    if all(_excluding(ctx, path, q) for q in quotes):
        # an exclusion criterion's age is the other side of the bound its words say, as an age in a
        # sentence that keeps people out is ("Exclusion criteria: Age > 75 years" is no minimum of 75):
        # past a strict comparator, the bound it leaves ("Age > 75 years" keeps out the older than 75:
        # a maximum of 75; "Age < 18 years" a minimum of 18); past any other, none
        read = [(q, lexicon.Age(_left_bound(q, a), a.value, a.unit, a.start, a.end)) for q, a in read]
    found = [a for _, a in read]
    if any(a.bound == bound and lexicon.same_number(a.value, age["value"]) and a.unit == age["unit"] for a in found):
        return
    same = [a for a in found if lexicon.same_number(a.value, age["value"])]
    word = {"min": "minimum", "max": "maximum"}
    stated = "; ".join(
        f"{word.get(a.bound or '', 'an unplaced')} {lexicon.number_text(a.value)} {a.unit or '(no unit)'}"
        for a in found
    )
    if any(a.bound == bound for a in same):
        part, why = "unit", f"it gives {lexicon.number_text(age['value'])} in another unit"
    elif same:
        part, why = (
            "value",
            f"{lexicon.number_text(age['value'])} stands there as the "
            f"{word.get(same[0].bound or '', 'unplaced')} age, not the {word[bound]}",
        )
    else:
        part, why = "value", "it does not state this age"
    yield ctx.problem(
        path + (part,),
        "E508",
        f"{fields.dotted(path)}: {lexicon.number_text(age['value'])} {age['unit']} is not the "
        f"{word[bound]} age the quote states: {why} ({stated or 'no age'})",
    )


def _unbound_there(ctx: Context, path: Path_, quote: str, a: lexicon.Age) -> bool:
    """Whether every place the cited sources give the quote, where they state the field, reads its age a
    as no bound (lexicon.unbound_age) or as a length of time (lexicon.length_of_time): "Patients under
    70 years", cut from "Patients under 70 years with heart failure are excluded", or from "... must
    have a normal ECG", bound a maximum age of 70, and "at least 6 years" of "SLE for at least 6 years"
    a minimum age of 6."""
    seen = False
    for text, at, lo, hi in _quoted_sentences(ctx, path[:2], quote):
        seen = True
        here = lexicon.Age(a.bound, a.value, a.unit, at - lo + a.start, at - lo + a.end)
        if not (
            lexicon.unbound_age(text[lo:hi], here.start, here.end, a.unit)
            # a length of time by the words the quote leaves out ("at least 6 years" of "SLE for at least
            # 6 years", "Disease duration of at least 6 years") bound a minimum age of 6
            or lexicon.length_of_time(text[lo:hi], here)
            # (read to its line's end, as a count is; and the quote's whole statement: "Age: 18-65 years
            # (cancelled)" takes back its minimum of 18 as much as its maximum; an age limit has no
            # estimate of its own, and "Minimum age: 18 years (proposed)" is none yet)
            or retracted.taken_back(text, at + a.start, at + a.end, planned=True)
            or retracted.taken_back(text, at, at + len(quote), planned=True)
            # (and those beyond the bound its sentence lets in, past a semicolon: "Aged 18 years or older;
            # adolescents aged 12 to 17 years may also enrol")
            or lexicon.widened(text[lo : _next_clause_end(text, hi)], here)
        ):
            return False
    return seen


def _next_clause_end(text: str, hi: int, stops: tuple[str, ...] = (";",)) -> int:
    """Where the clause after a semicolon (or another of stops) at text[hi] ends, else hi: a sentence's
    words past a semicolon."""
    return sentences.around(text, hi + 1, hi + 1)[1] if text.startswith(stops, hi) else hi


def _left_bound(quote: str, a: lexicon.Age) -> str | None:
    """The bound an exclusion criterion's age a leaves to those enrolled: the maximum past ">" (those
    older are kept out), the minimum past "<"; none past any other comparator or none."""
    if a.bound is None:
        return None
    cmp = lexicon.comparator_before(quote, a.start)
    return {">": "max", "<": "min"}.get(cmp[0]) if cmp is not None and cmp[1] is None else None


# The words naming a list wherever they stand, in prose too ("patients meeting the exclusion criteria below",
# "Key exclusion criteria included"), besides its headings as every reader reads them (criteria_text.list_headings):
# the reading an age's side had before list_sides, kept on its own. Read as no heading, prose naming the
# exclusion list above an "Age > 75 years" would make it a minimum of 75 again wherever list_sides reads that
# place under no heading ("Non-inclusion criteria", a French protocol's, names the exclusion list here too)
_LIST_NAMED = lazy(rf"(?i)\b({criteria_text.SIDE_WORD}) criteria\b")


def _criteria_headings(text: str) -> list[tuple[int, int, str]]:
    """The places in text (normalised) that head a criteria list, in order: (start, end, the list's side). The
    words naming a list anywhere (_LIST_NAMED), and its headings as the lists are read (criteria_text.list_headings:
    "Exclusions:", "Criteria for exclusion:" too, which the words alone missed) but those words: such a heading
    ends here at its list's word, the words after it ("(age > 75 years):", for whom) the list's own."""
    named = [(m.start(), m.end(), criteria_text.side_named(m.group(1))) for m in _LIST_NAMED.finditer(text)]
    at = {start for start, _, _ in named}
    listed = [
        (m.start("words"), m.end("side"), criteria_text.side_named(m.group("side")))
        for m in criteria_text.list_headings(text)
        if m.start("side") not in at
    ]
    return sorted([*listed, *named])


def _excluding(ctx: Context, path: Path_, quote: str) -> bool:
    """Whether the cited sources give the quote only in their exclusion criteria: in an item of a
    layout's exclusion list and of no inclusion list, or, in a source whose layout gives no lists,
    under its exclusion list's heading as the criteria lists are read (list_sides, Context.under_headings:
    "Exclusions:", "EXCLUSION" too, which the words "exclusion criteria" alone missed, and an "Age > 75 years"
    under it was a minimum age of 75) or after an exclusion list's heading (_criteria_headings) with no
    inclusion list's heading between, wherever it stands where the source states the field at path (a plain
    page's lines of this trial: read anywhere, IM19's exclusion "Age > 75 years" was a minimum age of 75 by
    the same words in the next trial's inclusion criteria)."""
    seen = False
    for doc in ctx.docs:
        if doc.criteria:
            sides = {name for name, items in doc.criteria.items() for item in items if quote in item.text}
            if sides - {"exclusion_criteria"}:
                return False
            seen = seen or bool(sides)
            continue
        # the source's headings as the criteria lists are read by (list_sides): every place under an
        # exclusion heading ("Exclusions:" too, which the pattern below does not read)
        under = [] if ctx.under_headings is None else ctx.under_headings(doc, path, quote)
        if under and all(side == "exclusion" for side, _ in under):
            seen = True
            continue
        for text in ctx.texts(doc, path):
            if quote not in text:
                continue
            seen = True
            # each stretch from the end of one heading to the end of the next has that heading last
            # before it: the quote must stand in no stretch but an exclusion heading's. (Each occurrence
            # used to read every heading from the source's start up to it: a source of n occurrences
            # after "Exclusion criteria" cost n² steps, a 1 MiB one some twenty minutes.)
            last, start = None, 0
            for heading in [*_criteria_headings(text), None]:
                end = len(text) + 1 if heading is None else heading[1]
                if last != "exclusion" and text.find(quote, start, end - 1 + len(quote)) >= 0:
                    return False
                if heading is not None:
                    last, start = heading[2], end
    return seen


# A per-kilogram basis written in a dose's unit ("CAR-T cells/kg", "cells per kg"): the unit is what is
# counted, and the basis says per kilogram
_PER_KG_IN_UNIT = lazy(r"(?i)(?:/\s*kg|\bper\s+(?:kg|kilogram)|\bkg\s*[-−]\s*1)(?![^\W_])")


def _of_another_arm(ctx: Context, path: Path_, quotes: list[str]) -> Iterator[Problem]:
    """E512: a cohort's quote that a plain document (which gives no arm its row) writes only in
    sentences naming another of the record's arms and not this one: "Arm B (high dose): patients
    receive 5×10^6 CAR-T cells/kg" bound arm A's dose, and "5×10^6 CAR-T cells/kg" cut from it too.
    A layout holds the quote to the arm's own row; a sentence naming no arm, or this one, may give it."""
    arms = ctx.record.data.get("arms", [])
    labels = [normalise(a.get("label", "")) if isinstance(a, dict) else "" for a in arms]
    own = labels[path[1]]
    others = [label for i, label in enumerate(labels) if i != path[1] and label and label not in own]
    if not own or not others:
        return
    named: str | None = None
    for doc in ctx.docs:
        if doc.layout != PLAIN:
            continue
        for quote in quotes:
            for m in re.finditer(re.escape(quote), doc.text):
                lo, hi = sentences.around(doc.text, m.start(), m.end())
                # (the arm whose label heads the words of the dose, nearest before it in its sentence: "- Arm
                # A: 3×10^6 CAR-T cells/kg - Arm B: 1×10^6 CAR-T cells/kg", a list's items read as one line, or
                # "Arm A receives 3×10^6 ... and Arm B receives 1×10^6 ..." gave arm A either dose)
                heading = _arm_heading(doc.text, lo, m.start(), [own, *others])
                # (or the arm "respectively" pairs its number with, in order: "Arm A and Arm B receive 1×10^6
                # CAR-T cells/kg and 3×10^6 CAR-T cells/kg, respectively" gives arm A 1×10^6, though "Arm B
                # receive" heads it)
                paired = {
                    label
                    for label, r in lexicon.respective_labels(doc.text[lo:hi], [own, *others])
                    if m.start() <= lo + r.number.start < m.end()
                }
                if own in paired or (heading == own and not paired):
                    return
                if paired:
                    named = named or min(paired)
                    continue
                sentence = doc.text[lo:hi]
                other = heading or next((label for label in others if label in sentence), None)
                if (heading is None and own in sentence) or other is None:
                    return
                named = named or other
    if named is not None:
        yield ctx.problem(
            path,
            "E512",
            f"{fields.dotted(path)}: its quote stands only in words on another arm ({named!r}), not on "
            f"{arms[path[1]]['label']!r} {quoted(quotes)}; quote this arm's dose",
        )


# The words after an arm's label that make it the heading of the dose after it: a colon, a bar, a dash or
# a bracket ("Arm A: ...", "Arm A | ...", "Arm A (low dose) - ..."), or a verb of receiving ("Arm A
# receives ...", "Arm A patients receive ...", "Arm A is given ..."); not a likeness ("like Arm B,")
_HEADS_A_DOSE = lazy(
    r"(?i)\s*(?:[:|\t(\u2013\u2014]|-\s|(?:(?:patients|participants|subjects)\s+)?(?:receives?|will\s+receive|"
    r"(?:is|are)\s+given|gets?|get)\b)"
)


def _arm_heading(text: str, lo: int, at: int, labels: list[str]) -> str | None:
    """The label of the arm that heads the words before text[at] in text[lo:at] (_HEADS_A_DOSE): of the
    labels written there so, the last; None where none is."""
    best: tuple[int, str] | None = None
    for label in labels:
        for m in re.finditer(re.escape(label), text[lo:at]):
            start = lo + m.start()
            if _HEADS_A_DOSE.match(text, lo + m.end()) and (best is None or start > best[0]):
                best = (start, label)
    return best[1] if best else None


def _cohort(ctx: Context, path: Path_, cohort: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    dose = cohort["dose"]
    yield from _of_another_arm(ctx, path, quotes)
    texts = ctx.together(path, quotes)
    others = _others_respectively(ctx, path)  # (a number "respectively" gives another arm or cohort)
    found = [
        (q, _limited_where_stated(ctx, path, q, d))
        for q in texts
        for d in ctx.reader.doses(q)
        if lexicon.same_number(d.value, dose["value"])
        and not _cohort_dose_taken_back(ctx, path, q, d.start, _dose_words_end(q, d, dose["unit"]))
        and not _taken_back_where_stated(ctx, path, q, d.start, d.end, reading=_no_dose_there)
        and not _taken_back_where_stated(ctx, path, q, d.start, d.end, reading=others)
    ]
    with_unit = [(q, d) for q, d in found if lexicon.unit_follows(q, d.unit_at, dose["unit"])]
    basis = [(q, d) for q, d in with_unit if d.basis == dose["basis"]]
    here = path + ("dose",)
    if dose.get("basis") == "PER_KG" and _PER_KG_IN_UNIT.search(dose["unit"]):
        # its words' "/kg" bound the basis and stood in the unit too: trials.csv read the dose per kilogram
        # twice ("1×10^6 CAR-T cells/kg/kg")
        yield ctx.problem(
            here + ("unit",),
            "E508",
            f"{fields.dotted(here)}.unit: {dose['unit']!r} writes the per-kilogram basis the basis PER_KG holds; "
            'the unit is what is counted ("CAR-T cells")',
        )
    if not found:
        yield ctx.problem(
            here + ("value",),
            "E508",
            f"{fields.dotted(here)}: the quote states no dose of {lexicon.number_text(dose['value'])} {quoted(quotes)}",
        )
    elif not with_unit:
        yield ctx.problem(
            here + ("unit",),
            "E508",
            f"{fields.dotted(here)}: the quote does not write {dose['unit']!r} with the dose {quoted(quotes)}",
        )
    else:
        if not basis:
            yield ctx.problem(
                here + ("basis",),
                "E508",
                f"{fields.dotted(here)}.basis: the quote gives the dose {with_unit[0][1].basis}, "
                f"not {dose['basis']} {quoted(quotes)}",
            )
        else:
            # a dose its words state only by a reading: a flat basis no word gives, or a number they
            # give as a cap or as an end of a range ("maximum total dose 1×10^8", "0.5-1×10^6")
            unnoted = [
                [
                    (key, why)
                    for key, why in (("value", d.limit), ("basis", d.reading))
                    if why and not ctx.noted(here + (key,), why)
                ]
                for _, d in basis
            ]
            if all(unnoted):
                key, why = unnoted[0][0]
                yield ctx.problem(
                    here + (key,),
                    "E510",
                    f"{fields.dotted(here)}{'.basis' if key == 'basis' else ''}: {why}; say so in a curation "
                    f"note (field: {fields.dotted(path)} or a field above it)",
                )
    if "patients" in cohort:
        # the patients the dose is given to: those named in the clause of its words ("1×10^6/kg for
        # patients 1 to 3, and 1×10^8 for patient 4 to 6") where that clause names any, else by a
        # text that states the dose (a quote, or quotes the source gives one after the other), never
        # by a quote of another cohort's patients beside it
        dosed = {q for q, _ in with_unit or found} or set(texts)
        wanted = (cohort["patients"]["first"], cohort["patients"]["last"])
        ranges = [
            r
            for q, d in basis or with_unit or found
            for r in lexicon.patient_ranges(q, *lexicon.clause(q, d.start, d.end))
        ] or [r for q in texts if q in dosed for r in lexicon.patient_ranges(q)]
        if wanted not in ranges:
            named = ", ".join(f"patients {a}-{b}" for a, b in ranges) or "no patients"
            yield ctx.problem(
                path + ("patients",),
                "E508",
                f"{fields.dotted(path)}.patients: the quote that states its dose names {named}, "
                f"not patients {wanted[0]}-{wanted[1]} {quoted(quotes)}",
            )
    if "label" in cohort:
        yield from _cohort_label(ctx, path, cohort, basis or with_unit or found)
    yield from _walk(ctx, path, cohort, node, quotes, skip=("dose", "patients"))


def _others_respectively(ctx: Context, path: Path_) -> Callable[[str, int, int], bool]:
    """A reading of whether "respectively" pairs the number at text[start:end] with another arm's or
    cohort's label than the cohort's at path (its arm's or its own), in order (lexicon.respective_labels):
    "Arm A and Arm B receive 1×10^6 and 3×10^6 CAR-T cells/kg, respectively" bound arm A's dose of 3×10^6.
    Another label is the record's other arms' and cohorts', or any (a part's noun and its designator, "Arm
    B") where the sentence pairs one of this cohort's labels too."""
    arms = ctx.record.data.get("arms", [])
    labels = [
        normalise(str(item["label"]))
        for arm in arms
        if isinstance(arm, dict)
        for item in (arm, *(c for c in arm.get("cohorts", []) if isinstance(c, dict)))
        if item.get("label")
    ]
    arm = arms[path[1]]
    cohort = arm.get("cohorts", [])[path[3]]
    own = {normalise(str(x["label"])).casefold() for x in (arm, cohort) if isinstance(x, dict) and x.get("label")}
    others = {label.casefold() for label in labels} - own

    def reading(text: str, start: int, end: int) -> bool:
        pairs = [(label.casefold(), r) for label, r in lexicon.respective_labels(text, labels)]
        paired = next((label for label, r in pairs if r.number.start == start), None)
        if paired is None or paired in own:
            return False
        return paired in others or any(label in own for label, _ in pairs)

    return reading


def _taken_back_where_stated(
    ctx: Context,
    path: Path_,
    quote: str,
    start: int,
    end: int,
    whole: bool = False,
    reading: Callable[[str, int, int], bool] = retracted.taken_back,
) -> bool:
    """Whether every place the cited sources give the quote, where they state the field at path, takes
    back the value at quote[start:end] (reading: retracted.taken_back, or another reading that makes
    the value none, as lexicon.date_bound), or with whole the statement the quote is; the quote alone
    where no source states it there."""
    seen = False
    for text, at, _, _ in _quoted_sentences(ctx, path, quote):
        seen = True
        if not (reading(text, at + start, at + end) or (whole and reading(text, at, at + len(quote)))):
            return False
    return seen or reading(quote, start, end)


def _dose_words_end(quote: str, dose: lexicon.Dose, unit: str) -> int:
    """Where the words of a cohort's dose end in the quote: past its unit, where the quote writes the
    record's unit after the number, and a per-kilogram basis after it ("1×10^6 CAR-T cells/kg"); else
    at the number's (or its "/kg"'s) end. The words a source takes a dose back by follow its unit:
    "1×10^6 CAR-T cells/kg is not used" was read from "CAR-T cells/kg is not used", and the dose bound."""
    if not lexicon.unit_follows(quote, dose.unit_at, unit):
        return dose.end
    at = dose.unit_at + len(quote[dose.unit_at :]) - len(quote[dose.unit_at :].lstrip()) + len(lexicon.nfkc(unit))
    per_kg = _PER_KG_AFTER.match(quote, at)
    return per_kg.end() if per_kg else at


_PER_KG_AFTER = lazy(r"(?i)\s*(?:/\s*kg|per\s+kg|per\s+kilogram|/kilogram)(?![^\W_])(?:\s+(?:of\s+)?body\s*weight)?")


def _no_dose_there(text: str, start: int, end: int) -> bool:
    """Whether the words around the number at text[start:end] make it no dose: a bound from below ("at
    least 1×10^6"), a part or a tolerance of another dose ("half of", "± 0.5×10^6")."""
    return lexicon.dose_floor(text, start, end) or lexicon.part_of(text, start)


def _limited_where_stated(ctx: Context, path: Path_, quote: str, dose: lexicon.Dose) -> lexicon.Dose:
    """The dose, its limit read in the words of its sentence the quote leaves out too: "1×10^6 CAR-T
    cells/kg" cut from "no more than 1×10^6 CAR-T cells/kg", or from "1×10^5 to 1×10^6 ...", is a cap
    or an end of a range where every place the sources give the quote reads it so, as the quote with
    those words is (lexicon.dose_limit)."""
    if dose.limit is not None:
        return dose
    limit = _reading_where_stated(ctx, path, quote, dose.start, dose.end, lexicon.dose_limit)
    return dataclasses.replace(dose, limit=limit) if limit else dose


def _reading_where_stated(
    ctx: Context, path: Path_, quote: str, start: int, end: int, reading: Callable[[str, int, int], str | None]
) -> str | None:
    """What reading makes of the value at quote[start:end] at every place the cited sources give the
    quote, where they state the field at path (its first, if all read it so; None if one does not);
    of the quote alone where no source states it there."""
    first: str | None = None
    seen = False
    for text, at, _, _ in _quoted_sentences(ctx, path, quote):
        seen = True
        said = reading(text, at + start, at + end)
        if said is None:
            return None
        first = first or said
    return first if seen else reading(quote, start, end)


def _dose_taken_back(ctx: Context, path: Path_, quote: str, start: int, end: int) -> bool:
    """Whether the sources take back the cohort's or the agent's dose at quote[start:end], or the whole
    statement the quote is: "1×10^6 CAR-T cells/kg for patients 1 to 3 (cancelled)", "Cohort 1
    (cancelled): ...", "formerly 1×10^6 ...", a struck-out "~~...~~", "fludarabine 30 mg/m²/day
    (withdrawn)" each bound a dose the source withdraws."""
    own = _names_of_the_trial(ctx.record.data)

    def reading(text: str, start: int, end: int) -> bool:
        return _planned_or_taken_back(text, start, end) or not_dosed.named_elsewhere(text, start, end, own)

    return _taken_back_where_stated(ctx, path, quote, start, end, whole=True, reading=reading)


def _names_of_the_trial(data: dict) -> frozenset[str]:
    """The names (upper case, not_dosed.names_in) the record's trial goes by: the words of its id, its
    titles, its acronym and its product's name ("in the IM19 trial" is IM19's)."""
    product = data.get("cell_product")
    said = [data.get(k) for k in ("nct_id", "brief_title", "official_title", "acronym")]
    said.append(product.get("name") if isinstance(product, dict) else None)
    return not_dosed.names_in(" ".join(s for s in said if isinstance(s, str)))


def _planned_or_taken_back(text: str, start: int, end: int) -> bool:
    """retracted.taken_back of a value that has no estimate of its own: a dose the words after it say is
    only planned ("1×10^6 CAR-T cells/kg (proposed)") is taken back as one withdrawn is; and so is
    one its clause gives another study ("... in the previous study", not_dosed.elsewhere; one it names,
    "in the CARTITUDE trial", _dose_taken_back reads by the trial's names)."""
    return (
        retracted.taken_back(text, start, end, planned=True)
        or not_dosed.elsewhere(text, start, end)
        or not_dosed.not_given(text, start, end)
    )


def _cohort_dose_taken_back(ctx: Context, path: Path_, quote: str, start: int, end: int) -> bool:
    """_dose_taken_back of a cohort's dose, and a number of cells the words around it say no patient
    receives, made, collected or required ("must be manufactured", "for release": not_dosed.made), or
    give another product they name ("Yescarta is dosed at 1×10^6 CAR-T cells/kg": not_dosed.of_another_product,
    by the names of the trial's product, interventions, arms and cohorts)."""
    own = _names_of_the_trial(ctx.record.data) | _names_of_the_trials_parts(ctx.record.data)

    def another_product(text: str, start: int, end: int) -> bool:
        return not_dosed.of_another_product(text, start, end, own)

    return (
        _dose_taken_back(ctx, path, quote, start, end)
        or _taken_back_where_stated(ctx, path, quote, start, end, reading=not_dosed.made)
        or _taken_back_where_stated(ctx, path, quote, start, end, reading=another_product)
    )


def _names_of_the_trials_parts(data: dict) -> frozenset[str]:
    """The names (upper case, not_dosed.names_in) the record gives what its trial gives and its parts: its
    interventions' names, its lymphodepleting agents, its arms' and their cohorts' labels ("Arm A is dosed at ..."
    is the trial's)."""
    said: list[object] = [i.get("name") for i in data.get("interventions") or [] if isinstance(i, dict)]
    lymphodepletion = data.get("lymphodepletion")
    if isinstance(lymphodepletion, dict):  # (its agents: "Fludarabine 30 mg/m2/day" names the trial's own)
        said += [a.get("agent") for a in lymphodepletion.get("agents") or [] if isinstance(a, dict)]
    for arm in data.get("arms") or []:
        if isinstance(arm, dict):
            said.append(arm.get("label"))
            said += [c.get("label") for c in arm.get("cohorts") or [] if isinstance(c, dict)]
    return not_dosed.names_in(" ".join(s for s in said if isinstance(s, str)))


def _cohort_label(ctx: Context, path: Path_, cohort: dict, dosed: list[tuple[str, lexicon.Dose]]) -> Iterator[Problem]:
    """A cohort's label is the one the words of its dose give it: of the arm's cohorts' labels written
    in a text that states the dose, the nearest before the dose where that text writes its labels
    before their doses ("Dose level 1: 1×10^6 ... Dose level 2: 3×10^6"), else the nearest after it
    ("1×10^6 ... (Dose level 1), 3×10^6 ... (Dose level 2)"), with no other cohort's dose between."""
    if not dosed:
        return  # no text states the dose (E508 above)
    arm = ctx.record.data["arms"][path[1]]
    own = normalise(cohort["label"])
    unit = normalise(cohort["dose"]["unit"])
    labels = {normalise(c["label"]) for c in arm.get("cohorts", []) if "label" in c} | {own}
    doses = [c["dose"]["value"] for i, c in enumerate(arm.get("cohorts", [])) if i != path[3] and "dose" in c]
    named: list[str] = []
    for quote, dose in dosed:
        # the labels and the doses the text writes, in its order: a label (its text), another
        # cohort's dose (None), this dose ("")
        marks: list[tuple[int, str | None]] = sorted(
            # (a label running on into this dose's words, "Dose level 2: 3×10^6 CAR-T cells/kg", or back
            # from them, "CAR-T cells/kg (Dose level 1)", is no label written beside it: the dose's own
            # words, not the label the source gives them)
            [
                (at, label)
                for at, label in _labels_written(quote, labels)
                if not (at < max(dose.end, dose.unit_at + len(unit)) and dose.start < at + len(label or ""))
            ]
            + [
                (d.start, None)
                for d in ctx.reader.doses(quote)
                if d.start != dose.start and any(lexicon.same_number(d.value, v) for v in doses)
            ]
            + [(dose.start, "")],
            key=lambda m: m[0],
        )
        here = marks.index((dose.start, ""))
        labels_first = bool(marks[0][1])  # the text names a cohort before it doses one
        side = reversed(marks[:here]) if labels_first else iter(marks[here + 1 :])
        given = next((label for _, label in side), None)  # the nearest mark: a label, or another dose
        if given == own:
            return
        if given:
            named.append(given)
    shown = ", ".join(repr(n) for n in dict.fromkeys(named)) or "no label"
    yield ctx.problem(
        path + ("label",),
        "E508",
        f"{fields.dotted(path)}.label: the words that state its dose give it {shown}, not {cohort['label']!r} "
        f"{quoted([q for q, _ in dosed])}",
    )


# A cohort's designator right after a label's words ("Dose level 2:", "Cohort A (", "Part II,"): the label
# the source writes there is the longer one, and the words before the designator stand there cut short
_DESIGNATOR_AFTER = lazy(r"\s+(?:[0-9]+[a-z]?|[A-Z]|[IVX]+)(?![^\W_])(?=\s*(?:[:;,)\](\u2013-]|$))")


def _labels_written(quote: str, labels: set[str]) -> list[tuple[int, str | None]]:
    """Where the quote writes each of labels, as (start, label): only where it stands whole (not "Dose
    level 1" in "Dose level 10", nor "Cohort A" in "Cohort AB"), not cut before a designator of its own
    ("Dose level" of "Dose level 2:", which passed as cohort 2's label) and inside no longer label's place
    ("Dose level 1" of "Dose level 1 (low)"), so no two labels stand at one place. Both stood there,
    in the order of the set of labels, the hash seed's: the nearest label before a dose was either,
    and a record whose labels were right failed E508 under one seed and passed under another."""
    found = [
        (m.start(), m.end(), label)
        for label in labels
        for m in re.finditer(re.escape(label), quote)
        if edges.cut_at(quote, m.start(), m.end()) is None and not _DESIGNATOR_AFTER.match(quote, m.end())
    ]
    return [
        (start, label)
        for start, end, label in found
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in found)
    ]


# What a lymphodepleting agent's dose unit opens with: a mass ("mg/m2/day", "g/m²", "µg/kg", "milligrams")
_MASS_UNIT = lazy(r"(?i)(?:mg|g|µg|μg|mcg|ug|milligrams?|grams?|micrograms?)(?![a-z])")
# The lexicon's units that measure no dose, by their dimension: what an agent's unit of them is
_NO_DOSE = {"time": "a length of time", "score": "a score"}


def _agent_dose(ctx: Context, path: Path_, agent: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    """A lymphodepleting agent's dose: a number of the quote with the unit written right after it, whole,
    not any number the quote holds ("fludarabine 30 mg/m2/day for 3 days" states no dose of 3
    mg/m2/day, nor one of 30 days, nor one of 30 mg/m2)."""
    if "dose" in agent:
        here = path + ("dose",)
        texts = ctx.together(path, quotes)
        vocab = _agents_vocabulary(ctx, node)
        held = fields.get(ctx.record.data, path)[1]  # (the whole item: a quote of its dose reads its dose alone)
        term = held.get("agent") if isinstance(held, dict) else None
        ages = _ages_in_years(ctx.record.data.get("eligibility", {}))

        def subgroup(text: str, start: int, end: int) -> bool:
            return not_dosed.for_a_subgroup(text, start, end, ages)

        own = _names_of_the_trial(ctx.record.data) | _names_of_the_trials_parts(ctx.record.data)

        def another_regimen(text: str, start: int, end: int) -> bool:
            return not_dosed.regimen_of_another_product(text, start, end, own)

        found = [
            (q, n, unit_at)
            for q in texts
            for n, unit_at in _doses_of(vocab, q, term)
            if lexicon.same_number(n.value, agent["dose"])
            and not lexicon.is_label(q, n)
            and not _taken_back_where_stated(ctx, path, q, n.start, n.end, reading=_no_dose_there)
            and not _dose_taken_back(ctx, path, q, n.start, _agent_words_end(q, unit_at, agent.get("unit")))
            # (another product's regimen: "Yescarta's conditioning uses fludarabine 25 mg/m2/day")
            and not _taken_back_where_stated(
                ctx, path, q, n.start, _agent_words_end(q, unit_at, agent.get("unit")), reading=another_regimen
            )
            # (a subgroup's: "(in patients over 65 years: 20 mg/m2/day)" bound the regimen's dose of 20)
            and not _taken_back_where_stated(
                ctx, path, q, n.start, _agent_words_end(q, unit_at, agent.get("unit")), reading=subgroup
            )
        ]
        if not found:
            yield ctx.problem(
                here,
                "E508",
                f"{fields.dotted(here)}: the quote states no dose of "
                f"{lexicon.number_text(agent['dose'])} {quoted(quotes)}",
            )
        elif "unit" in agent and not any(lexicon.whole_unit(q, at, agent["unit"]) for q, _, at in found):
            yield ctx.problem(
                path + ("unit",),
                "E508",
                f"{fields.dotted(here)}: the quote does not write {agent['unit']!r} with the dose {quoted(quotes)}",
            )
        elif (named := lexicon.unit_named(agent.get("unit", ""))) is not None and named.dimension in _NO_DOSE:
            # "cyclophosphamide 500 mg/m²/day for 3 days" given a dose of 3 days: the number with its unit
            # written right after it, and so bound, though a length of time (or a score) is no dose
            yield ctx.problem(
                path + ("unit",),
                "E508",
                f"{fields.dotted(path)}.unit: {agent['unit']!r} is {_NO_DOSE[named.dimension]}, no dose "
                f"{quoted(quotes)}",
            )
        elif "unit" in agent and not _MASS_UNIT.match(lexicon.nfkc(agent["unit"])):
            # "fludarabine 30 mg/m2/day on days -5 to -3" given a dose of 5 "to -3", "on day -3 at 30
            # mg/m2/day" one of 3 "at 30 mg/m2/day": the number with the words after it, and so bound,
            # though no unit of a dose
            yield ctx.problem(
                path + ("unit",),
                "E508",
                f"{fields.dotted(path)}.unit: {agent['unit']!r} is no unit of a dose: a lymphodepleting agent's "
                f'dose is a mass ("mg/m2/day", "mg/kg") {quoted(quotes)}',
            )
        else:
            # a number the words give as the course's total, a maximum or an end of a range ("(total 90
            # mg/m2)", "up to 30 mg/m2/day", "25-30 mg/m2/day"): the dose only as a reading, as a cohort's
            whole = [(q, n) for q, n, at in found if "unit" not in agent or lexicon.whole_unit(q, at, agent["unit"])]
            readings = [_reading_where_stated(ctx, path, q, n.start, n.end, lexicon.agent_dose_limit) for q, n in whole]
            if all(readings) and not any(ctx.noted(here, why) for why in readings if why):
                yield ctx.problem(
                    here,
                    "E510",
                    f"{fields.dotted(here)}: {readings[0]}; say so in a curation note "
                    f"(field: {fields.dotted(here)} or a field above it)",
                )
    yield from _walk(ctx, path, agent, node, quotes, skip=("dose", "unit"))


def _ages_in_years(eligibility: Any) -> tuple[float, float]:
    """The ages (in years) of the patients a record's eligibility enrols: its minimum age (0 where none)
    and its maximum (infinite where none)."""
    ages = eligibility if isinstance(eligibility, dict) else {}
    low, high = ages.get("minimum_age"), ages.get("maximum_age")
    years = AGE_UNIT_DAYS["YEARS"]
    return (
        age_days(low) / years if isinstance(low, dict) and low.get("unit") in AGE_UNIT_DAYS else 0.0,
        age_days(high) / years if isinstance(high, dict) and high.get("unit") in AGE_UNIT_DAYS else math.inf,
    )


def _agent_words_end(quote: str, unit_at: int, unit: str | None) -> int:
    """Where the words of an agent's dose end in the quote: past its unit, where the quote writes the
    record's unit there whole ("fludarabine 30 mg/m2/day is not used"), else at the unit's start."""
    if unit is None or not lexicon.whole_unit(quote, unit_at, unit):
        return unit_at
    rest = quote[unit_at:]
    return unit_at + len(rest) - len(rest.lstrip()) + len(lexicon.nfkc(unit))


def _agents_vocabulary(ctx: Context, node: dict) -> vocabulary.Vocabulary | None:
    """The vocabulary an agent of the lymphodepletion is named by (the item's schema node's)."""
    agent = fields.resolve(ctx.schema, node.get("properties", {}).get("agent", {}))
    return vocabulary.for_enum(tuple(agent["enum"])) if "enum" in agent else None


def _doses_of(vocab: vocabulary.Vocabulary | None, quote: str, agent: Any) -> list[tuple[lexicon.Number, int]]:
    """The numbers of the quote that may be the agent's dose, each with where its unit stands: any
    number, its unit right after it, but a number the quote pairs by "respectively" with an agent is
    that agent's only, its unit after the last of the numbers that share it ("fludarabine and
    cyclophosphamide at 30 and 300 mg/m2/day, respectively" gives cyclophosphamide no dose of 30)."""
    pairs = lexicon.respective_terms(quote, vocab.places(quote)) if vocab is not None else []
    paired = {r.number.start: (values, r.unit_at) for values, r in pairs}
    out = []
    for n in lexicon.numbers(quote):
        values, unit_at = paired.get(n.start, (None, n.end))
        if values is None or values == {agent}:
            out.append((n, unit_at))
    return out


def _count(ctx: Context, path: Path_, enrollment: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    # a count the quote states, unless the words of its sentence the quote leaves out make it a part's or
    # another group's ("3 patients" of "3 patients at each dose level", "40 patients" of "... were assessed")
    counted = [(q, c) for q in quotes for c, at in lexicon.count_places(q) if _counted_there(ctx, path, q, at)]
    holding = [q for q in quotes if any(lexicon.same_number(c, enrollment["count"]) for h, c in counted if h is q)]
    if not holding:
        said = ", ".join(lexicon.number_text(c) for _, c in counted) or "no number of participants"
        yield ctx.problem(
            path + ("count",),
            "E508",
            f"{fields.dotted(path)}.count: {enrollment['count']} is not the number of "
            f"participants the quote states ({said}) {quoted(quotes)}",
        )
    # its type (actual, estimated) stated with the count: in a quote of the count. Read in any quote of
    # the list, "Actual" of "Actual numbers will be reported later." made a count of 60 an actual one
    yield from _walk(ctx, path, enrollment, node, holding or quotes, skip=("count",))


def _counted_there(ctx: Context, path: Path_, quote: str, start: int) -> bool:
    """Whether some place the cited sources give the quote, where they state the field, reads the number
    at quote[start:] as a count in its sentence there too (sentences.around); True where they
    give it nowhere."""
    seen = False
    for text, at, lo, hi in _quoted_sentences(ctx, path[:1], quote):
        seen = True
        # (with the clause after a semicolon: "40 participants; 20 more in China" adds to the count)
        if text.startswith(";", hi):
            hi = sentences.around(text, hi + 1, hi + 1)[1]
        # (with the next sentence where it opens with a count enrolled: "Planned enrollment: 60 patients. 20
        # patients were enrolled." supersedes the plan)
        if lexicon.enrolled_next(text, hi):
            hi = sentences.around(text, hi + 2, hi + 2)[1]
        # (the words right after the count read to its line's end: "(cancelled)", "N/A", "; amended to
        # 6" past where a sentence is guessed or a semicolon ends it)
        if not retracted.taken_back(text, at, at + len(quote)) and any(
            c == at - lo + start
            and not retracted.taken_back(text, lo + c, lo + e)
            and not retracted.count_left_open(text, lo + c, lo + e)
            for _, c, e in lexicon.count_spans(text[lo:hi])
        ):
            return True
    return not seen


# --- dates ----------------------------------------------------------------------------------------


def _date_struct(ctx: Context, path: Path_, struct: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    yield from _date(ctx, path + ("date",), struct["date"], quotes)
    # its type (actual, estimated) stated for that date: in a quote giving the date or its field's label.
    # Read in any quote of the list, "Actual" of "Actual Enrollment: 6 participants" made the start
    # date a page gives as "2024-07-30 (Estimated)" an actual one
    own = frozenset(lexicon.DATE_LABELS.get(str(path[-1]), ()))
    dated = [
        q
        for q in quotes
        if any(m.value == struct["date"] for m in ctx.reader.dates(q)) or ctx.reader.label_spans(q, own)
    ]
    yield from _walk(ctx, path, struct, node, dated or quotes, skip=("date",))


def _date_type(ctx: Context, path: Path_, quotes: list[str]) -> Iterator[Problem]:
    """A date's type (actual, estimated) is stated for that date: a quote of it gives the date or a
    label of its field. "Estimated" of a page's "Estimated completion" is the completion's, not the
    launch date's: an estimate the source never says of the launch date."""
    name = str(path[1])
    struct = ctx.record.data.get("dates", {}).get(name)
    date = struct.get("date") if isinstance(struct, dict) else None
    own = frozenset(lexicon.DATE_LABELS.get(name, ()))
    for quote in quotes:
        if any(m.value == date for m in ctx.reader.dates(quote)) or ctx.reader.label_spans(quote, own):
            return
    others = [quote[a:b] for quote in quotes for a, b in ctx.reader.label_spans(quote, lexicon.LABEL_TEXTS)]
    yield ctx.problem(
        path,
        "E509",
        f"{fields.dotted(path)}: the quote {quoted(quotes)} gives neither dates.{name}'s date nor its label"
        + (f" (it labels {others[0]!r}, another date)" if others else "")
        + "; quote the type with its date",
    )


def _without_other_labels(ctx: Context, name: str, quotes: list[str]) -> list[str]:
    """The quotes with the words of another date's label marked out, as the cited source labels it
    (a quote cut inside such a label is read with the source's words after it): "Estimated" of "Start
    date: 2024-07-30 Estimated completion: 2027-12-31" is the completion's type, not the start's."""
    others = lexicon.LABEL_TEXTS - frozenset(lexicon.DATE_LABELS.get(name, ()))
    pattern = ctx.reader.label_pattern(others)
    out = []
    for quote in quotes:
        spans = list(lexicon.label_spans(quote, pattern))
        for doc in ctx.docs:
            for at in ctx.occurrences(doc.text, quote):
                text = doc.text[at : at + len(quote) + _LABEL_RUN]
                spans += [(a, min(b, len(quote))) for a, b in lexicon.label_spans(text, pattern) if a < len(quote)]
        for a, b in sorted(set(spans), reverse=True):
            quote = quote[:a] + "[another date's label]" + quote[b:]
        out.append(quote)
    return out


_LABEL_RUN = 60  # how far past a quote's end the source's words are read for a label the quote is cut inside


# The labels of the registry's dates but its last update, which is what a source's as-of date may be.
_OTHER_THAN_UPDATED = lexicon.LABEL_TEXTS - frozenset(lexicon.DATE_LABELS["last_updated"])


def _date_field(path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "dates":
        return str(path[1])
    if path[:2] == ("curation", "sources") and path[-1] == "as_of":
        return "as_of"
    return None


def _date(ctx: Context, path: Path_, value: str, quotes: list[str]) -> Iterator[Problem]:
    mentions = [(q, m) for q in quotes for m in ctx.reader.dates(q)]
    same = [(q, m) for q, m in mentions if m.value == value]
    if not same:
        written = ", ".join(m.value for _, m in mentions)
        yield ctx.problem(
            path,
            "E505",
            f"{fields.dotted(path)}: {value} is not written in its quote {quoted(quotes)}"
            + (f" (it gives {written})" if written else ""),
        )
        return
    if all(_date_taken_back(ctx, path, quote, mention) for quote, mention in same):
        yield ctx.problem(
            path,
            "E505",
            f"{fields.dotted(path)}: {value} is taken back by the words its source writes around it "
            f"{quoted(quotes)} (cancelled, not applicable, to be confirmed, replaced); it is no date of the trial",
        )
        return
    if all(_taken_back_where_stated(ctx, path[:2], q, m.start, m.end, reading=lexicon.date_bound) for q, m in same):
        yield ctx.problem(
            path,
            "E505",
            f"{fields.dotted(path)}: {value} is a bound its source sets on the date {quoted(quotes)} "
            '("before", "no later than", "or later"), not the date',
        )
        return
    name = _date_field(path)
    if name is None:
        return
    own = set(lexicon.DATE_LABELS.get(name, ()))
    labels = lexicon.LABEL_TEXTS
    if name == "as_of":
        label = ctx.record.data["curation"]["sources"][path[2]].get("as_of_label")
        own |= set(lexicon.AS_OF_LABELS)
        # the record's own words for it, unless they label another date ("Study Start"): the source's
        # as-of date is never the study's start, nor the day it was first posted
        if label and not ctx.reader.label_spans(normalise(label), _OTHER_THAN_UPDATED):
            own.add(normalise(label))
        labels = labels | own
    other = None
    for quote, mention in same:
        text = ctx.reader.label_of(quote, mention, ctx.reader.label_spans(quote, labels))
        if text is None:
            continue
        if text in own:
            yield from _as_of_label(ctx, path, name, text)
            return
        other = text
    # a quote cut after the label its source gives the date ("2025-08-17" of "Last Updated: 2025-08-17"),
    # or before the one its source writes after it ("2024-07-30" of "2024-07-30 (completion)")
    if other is None:
        around = [label for quote, mention in same for label in _labels_around(ctx, path, quote, mention, labels)]
        if any(label in own for label in around):
            return
        if around and None not in around:
            other = next(label for label in around if label is not None)
    if other is not None:
        fields_named = [n for n, texts in lexicon.DATE_LABELS.items() if other in texts]
        yield ctx.problem(
            path,
            "E509",
            f"{fields.dotted(path)}: the quote gives {value} as {other!r} "
            f"({', '.join('dates.' + n for n in fields_named) or 'another date'}), not as {name}",
        )
        return
    yield from _unlabelled(ctx, path, name, value, quotes)


def _date_taken_back(ctx: Context, path: Path_, quote: str, mention: lexicon.DateMention) -> bool:
    """Whether the sources take back the date the quote writes at mention: "Start date: 2024-07-30
    (cancelled)", "... (to be confirmed)", "formerly 2024-07-30, now 2025-01-01" each bound a start date
    the source withdraws."""
    return _taken_back_where_stated(ctx, path[:2], quote, mention.start, mention.end)


def _as_of_label(ctx: Context, path: Path_, name: str, given: str) -> Iterator[Problem]:
    """E509 when a source's as_of_label is not the whole label its as-of quote gives the date: a part
    of it ("Last" or "Updated" of "Last Updated: 2025-08-17", "as of" of "Current as of November 14,
    2025") passed as the source's words for its date, and datapackage.json titled the source so."""
    label = ctx.record.data["curation"]["sources"][path[2]].get("as_of_label") if name == "as_of" else None
    if isinstance(label, str) and normalise(label) != given:
        yield ctx.problem(
            path[:-1] + ("as_of_label",),
            "E509",
            f"{fields.dotted(path[:-1])}.as_of_label: the quote gives the as-of date under {given!r}, "
            f"not {label!r}; give the label whole",
        )


LABEL_REACH = 300  # how far before a quote its source's label for a date the quote leaves unlabelled is looked for


def _labels_around(
    ctx: Context, path: Path_, quote: str, mention: lexicon.DateMention, labels: frozenset[str]
) -> list[str | None]:
    """The label each occurrence of the quote in the cited sources, where they state the date at path,
    gives a date the quote writes with no label before it: the nearest label of the source's text
    before the quote (within LABEL_REACH characters of its passage), with no other date between, or
    else the label written in brackets right after the date (lexicon.label_of reads both); None for
    an occurrence with neither. Read anywhere in the source, "2024-07-30" of IM19's "Completion date:
    2024-07-30" was a start date by the next trial's "Start date: 2024-07-30" on the same page."""
    out: list[str | None] = []
    for text_of in (text for doc in ctx.docs for text in ctx.texts(doc, path)):
        for at in ctx.occurrences(text_of, quote):
            # the source's words around the quote: a label before it, or one in brackets after the date
            lo = max(0, at - LABEL_REACH)
            text = text_of[lo : at + len(quote) + LABEL_REACH]
            moved = lexicon.DateMention(mention.value, mention.start + at - lo, mention.end + at - lo)
            out.append(lexicon.label_of(text, moved, lexicon.label_spans(text, ctx.reader.label_pattern(labels))))
    return out


def _bare_places(ctx: Context, value: str, quotes: list[str]) -> frozenset[tuple[int, int, int]]:
    """Where in the cited sources (a source's index, a passage's where it states the dates, an offset
    in it) the quotes give value as an unlabelled date: each place every occurrence of a quote puts it.
    (Read in the whole source, the same date on another trial's lines made two places of IM19's one
    unlabelled date, which then passed as both its start and its completion.)"""
    out: set[tuple[int, int, int]] = set()
    for quote in quotes:
        spans = ctx.reader.label_spans(quote, lexicon.LABEL_TEXTS)
        bare = [
            m.start
            for m in ctx.reader.dates(quote)
            if m.value == value and ctx.reader.label_of(quote, m, spans) is None
        ]
        for d, doc in enumerate(ctx.docs if bare else ()):
            for p, text in enumerate(ctx.texts(doc, ("dates",))):
                for at in ctx.occurrences(text, quote):
                    out.update((d, p, at + start) for start in bare)
    return frozenset(out)


def _unlabelled(ctx: Context, path: Path_, name: str, value: str, quotes: list[str]) -> Iterator[Problem]:
    """An unlabelled date: the record's dates that share this quote take its bare dates in order."""
    sharing = [
        n
        for n in DATE_ORDER
        if n in ctx.record.data.get("dates", {}) and ctx.quotes_for(("dates", n, "date")) == quotes
    ]
    bare = [
        m
        for m in ctx.reader.dates(quotes[0])
        if ctx.reader.label_of(quotes[0], m, ctx.reader.label_spans(quotes[0], lexicon.LABEL_TEXTS)) is None
    ]
    here = _bare_places(ctx, value, quotes)
    for other in DATE_ORDER:
        struct = ctx.record.data.get("dates", {}).get(other)
        if other == name or not isinstance(struct, dict) or not isinstance(struct.get("date"), str):
            continue
        there = _bare_places(ctx, struct["date"], ctx.quotes_for(("dates", other, "date")) or [])
        if len(here) == 1 and here == there:
            yield ctx.problem(
                path,
                "E509",
                f"{fields.dotted(path)}: {value} is the one unlabelled date dates.{other} is read from "
                f"there: a date the source writes once, with no label, is one field's",
            )
            return
    if name in sharing and len(bare) >= len(sharing):
        expected = bare[sharing.index(name)].value
        if expected != value:
            order = ", ".join(f"dates.{n}" for n in sharing)
            yield ctx.problem(
                path,
                "E509",
                f"{fields.dotted(path)}: the quote's unlabelled dates are read in the order of the "
                f"record's dates that share it ({order}): this one is {expected}, not {value}",
            )
            return
    if not _noted_as(ctx, path, name, value):
        yield ctx.problem(
            path,
            "E510",
            f"{fields.dotted(path)}: the quote does not label {value}; say in a curation note "
            f"(field: {fields.dotted(path[:2])}, or a field above it naming the {name.replace('_', ' ')} "
            f"date) which date it is",
        )


def _noted_as(ctx: Context, path: Path_, name: str, value: str) -> bool:
    """Whether a curation note says an unlabelled date is dates.name: a note on that date that speaks
    of it (its date, its milestone, or its lack of a label: "The second unlabelled date."), or one on
    a field above it (`dates`) that names it ("read as study start and study completion" names no
    primary completion: IM19's completion moved to dates.primary_completion passed under it). A note
    on the date about anything else ("Checked.") used to say it too."""
    for note in ctx.record.data["curation"].get("notes", []):
        if "field" not in note or path[: len(fields.parse_dotted(note["field"]))] != fields.parse_dotted(note["field"]):
            continue
        text = str(note.get("text", ""))
        if name in _milestones_named(text):
            return True
        if len(fields.parse_dotted(note["field"])) >= 2 and (value in text or _UNLABELLED.search(text)):
            return True
    return False


_UNLABELLED = lazy(r"(?i)\b(?:unlabell?ed|no label|label)")


def _milestones_named(text: str) -> set[str]:
    """The date fields a note's text names by their words ("start", "primary completion",
    "first_posted"), a name inside a longer one's ("completion" of "primary completion") not counted."""
    text = text.replace("_", " ")
    spans = {
        name: [m.span() for m in re.finditer(rf"(?i)(?<!\w){name.replace('_', ' ')}(?!\w)", text)]
        for name in DATE_ORDER
    }
    longer = [span for name in spans for span in spans[name] if " " in name]
    return {
        name
        for name, found in spans.items()
        if any(not any(a <= lo and hi <= b and (a, b) != (lo, hi) for a, b in longer) for lo, hi in found)
    }


BINDERS: dict[str, Callable[..., Iterator[Problem]]] = {
    "threshold": thresholds.bind_threshold,
    "age": _age,
    "cohort": _cohort,
    "agent_dose": _agent_dose,
    "count": _count,
    "date": _date_struct,
    "criterion": _in_criterion,
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
