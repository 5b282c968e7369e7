"""Binding: every structured value under `evidence` is *stated* by its quote, not merely near it.

evidence.py has found each quote in a cited source, where that source states the field. Here each
value beneath the evidence path is bound to the quote's words. The schema says how (`x-bind` on an
object; otherwise the leaf's type):

- an enum or yes/no field is bound when the quote renders this value and no other of its vocabulary
  (vocabulary.py), and renders it there in its source too, with the words the quote leaves out ("not
  allogeneic" and "Recruiting was completed" quoted as "allogeneic" and "Recruiting"); else E507.
- a threshold (`x-bind: threshold`) is bound when its quotes lie in the criterion it names (a
  leading "3)" label must be that number); its measure is in them and its conditions in the
  criterion; one statement gives its comparator, value and unit together, with no other threshold's
  measure between the measure and it, nor the measure another limit's own ("≥3×ULN, or bilirubin
  >1.5×ULN" states no bilirubin ≥ 3×ULN) (a measure quoted apart from the statement is the heading of
  the sub-list whose item states it), a whole phrase there, not cut out of the words that name it
  (phrases.py: "neutrophil count" of "Absolute neutrophil count", E529); the words nearest it say
  its kind (lexicon.py); else E513, E508. A threshold with conditions holds the one that governs its
  limit: the nearest before it of those the record gives the criterion's thresholds, in its own item
  or one above it, with no other "if" between; else E518. Each condition it holds can govern the
  limit where the two stand (scopes.py): not another item's, not one a later condition ends, not one
  after the limit outside its sentence unless an exception naming its side, not the words that state
  the limit itself ("Weight ≥ 40 kg" for Weight ≥ 40 kg); else E518. An exception
  after the limit that lifts its side ("There is no minimum daily dose requirement ... when ...") is
  one of its conditions; else E524.
- an age (`x-bind: age`) is bound when the number stands as that bound (minimum or maximum) with
  that unit, not in a sentence that keeps people out nor in an exclusion criterion (where a strict
  comparator leaves the other bound: "Age > 75 years" a maximum of 75), nor naming those another
  requirement is for, whether the quote says so or the words of its sentence it leaves out ("Patients
  under 70 years" of "... are excluded"); else E508.
- a cohort (`x-bind: cohort`) is bound when the dose's value, unit and basis stand together; the
  patients range is named in the dose's clause (where that clause names patients) of a text that
  states the dose, and its label is the one those words give its dose ("Dose level 1: 1×10^6 ...
  Dose level 2: 3×10^6"), not another cohort's; else E508. A number the words give as a cap
  ("maximum total dose 1×10^8") or as an end of a range ("0.5-1×10^6") is the dose only as a
  reading (E510).
- a criterion's statement (`x-bind: criterion`: lupus nephritis scope, classification criteria,
  autoantibodies, prior therapy) is bound when its quotes lie in the criterion it names (an inclusion
  criterion, for the last three: what patients must have, or an exclusion of those who lack it); its texts
  are in that criterion (E513) and written in its quotes (E505); its terms are what the quotes render
  (vocabulary.py), antibodies and
  criteria sets not only in an exception of the criterion ("except for ... anti-DS-DNA antibodies"), a lupus nephritis
  phrase read by the criterion's list (inclusion: REQUIRED; exclusion: EXCLUDED, SEVERE_EXCLUDED);
  else E513, E507. A list of them (therapies, antibodies, criteria sets) is the whole enumeration the
  criterion gives, read in the criterion's words and not only the quotes': else E525.
- a lymphodepleting agent's dose (`x-bind: agent_dose`) is bound when its number is in the quote with
  its unit written right after it ("fludarabine 30 mg/m2/day for 3 days" is no dose of 3, nor of 30
  days); else E508.
- an enrollment (`x-bind: count`) is bound when the number is a number of participants (or labelled
  Enrollment), in the quote and in the words of its sentence the quote leaves out ("3 patients" of
  "3 patients at each dose level" is a part's); else E508.
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
covers the field (its `field` is the value's path or a path above it): E510 otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.problem import Check, Problem
from sle_trials.reading import edges, lexicon, phrases, scopes, sentences, vocabulary
from sle_trials.reading.layouts import Passage, SourceDoc, normalise

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E505", "value-not-in-quote", "a number, date or text that its evidence quote does not write"),
    Check(
        "E507",
        "term-not-stated",
        "a status, phase, sex, yes/no or other vocabulary value its quote does not render, or renders with another",
    ),
    Check(
        "E508",
        "quantity-not-stated",
        (
            "a threshold, age, dose or count whose comparator, value, unit, basis or kind its quote "
            "does not state together"
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
            "an unlabelled date) with no curation note (a note above an unlabelled date's field naming "
            "another milestone)"
        ),
    ),
    Check(
        "E513",
        "threshold-not-in-criterion",
        "a threshold whose quote, measure or condition is not in the criterion it names",
    ),
    Check(
        "E518",
        "condition-of-another-limit",
        "a threshold whose conditions are not the ones its criterion states for its limit, but another limit's",
    ),
    Check(
        "E524",
        "condition-left-out",
        "a threshold without a condition its criterion states for its limit: one before it that the "
        "criterion's other limits are given, an 'if' in its own sentence, the heading of the sub-list it stands "
        "in, words joining it to another requirement ('<500/mm³ with a neutrophil count <1000/mm³'), or an "
        "exception after it that lifts its side ('There is no minimum daily dose requirement ... when ...')",
    ),
    Check(
        "E528",
        "condition-cut-short",
        "a threshold's condition that stops inside its clause of the criterion ('if low complement ... score is', "
        "'when used in combination with'): the words left out say when the limit applies; or starts inside it, "
        "or inside a parenthesis ('is no minimum ...', 'antibodies) if low complement ...')",
    ),
    Check(
        "E529",
        "measure-cut-short",
        "a threshold's measure that is not the whole phrase its criterion names what is measured with beside "
        "its limit: a part ('neutrophil count' of 'Absolute neutrophil count <500/mm³', 'SELENA-SLEDAI' of "
        "'SELENA-SLEDAI clinical symptoms'), one item of an enumeration its limit is said of whole "
        "('myocardial infarction' of 'myocardial infarction, ..., or other clinically significant heart "
        "disease within 6 months', or that list's last item alone), examples of it ('belizumab' of "
        "'biological agents (such as belizumab ...)'), one without the words between its limit's number and "
        "unit that say what it counts ('SLEDAI-2K' of 'SLEDAI-2K and ≥ 4 clinical points'), one a parenthesis "
        "crosses an end of ('SELENA-SLEDAI clinical symptoms (except'), one holding another limit of its own "
        "('serum creatinine > 2.5 mg/dL' for 'or 221 μmol/L'), one running over a sentence's end, who has "
        "what is measured ('The research subject' of '... has a history of alcohol or drug abuse'), a pronoun "
        "or only what is done ('used, they need to be discontinued', 'performed'), an opening phrase's end "
        "('period, the maximum dose of steroids'), the limit "
        "or its unit ('40 kg'), the point a time limit is counted from ('screening initiation'), a phrase "
        "with a word that names nothing at an end ('if biological agents'), or one without the limit it holds "
        "that says which ('prednisone' of 'prednisone ≥100 within 8 weeks')",
    ),
    Check(
        "E525",
        "enumeration-not-whole",
        "a list read from a criterion (prior therapies, autoantibodies, classification criteria) that is not the "
        "whole enumeration the criterion gives, whatever part of it the quotes give: an item left out between two "
        "of its items, before the first or after the last, items of two enumerations, or an item cut inside its "
        "words or run into the words before the enumeration (a parenthesis left open or alone, a conjunction or "
        "a separator at its end, a separator outside its parentheses)",
    ),
)


Path_ = fields.Path_
_LABEL = re.compile(r"^\(?(?P<number>[0-9]{1,3})[.)]\s+")  # a criterion's own label at the start of a quote
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
    _notes: list[Path_] = field(default_factory=list)
    # where a document states the field at a path for this record (documents.Sources.passages; None:
    # anywhere will do), which is where a list of quotes read as one must stand (together)
    passages: Callable[[SourceDoc, Path_], list[Passage] | None] | None = None
    places_read: int = 0  # the places of quotes in the sources read around so far (occurrences)
    exhausted: bool = False  # more places than PLACES_READ: the readings stopped short

    def __post_init__(self) -> None:
        self._notes = [
            fields.parse_dotted(n["field"]) for n in self.record.data["curation"].get("notes", []) if "field" in n
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

    def noted(self, path: Path_) -> bool:
        """Whether a curation note covers the value at path."""
        return any(path[: len(n)] == n for n in self._notes)

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

    def problem(self, path: Path_, code: str, message: str) -> Problem:
        line, col = self.record.where(path)
        return Problem(self.record.path, line, col, code, message)


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
            lexicon.same_number(n.value, value) and not _is_label(q, n) for q in quotes for n in lexicon.numbers(q)
        ):
            yield ctx.problem(
                path, "E505", f"{fields.dotted(path)}: {value!r} is not written in its quote {_cut(quotes)}"
            )
    elif isinstance(value, str) and not any(normalise(value) in q for q in quotes):
        yield ctx.problem(path, "E505", f"{fields.dotted(path)}: {value!r} is not written in its quote {_cut(quotes)}")


def _is_label(quote: str, number: lexicon.Number) -> bool:
    """A criterion label ("3)", "6.") at the start of a quote is not a value."""
    return number.start == 0 and bool(_LABEL.match(quote))


def _cut(quotes: list[str], width: int = 90) -> str:
    text = " / ".join(quotes)
    return repr(text if len(text) <= width else text[: width - 1] + "…")


# --- categorical values ---------------------------------------------------------------------------


def _term(
    ctx: Context, path: Path_, value: Any, node: dict, quotes: list[str], side: str | None = None
) -> Iterator[Problem]:
    name = fields.dotted(fields.unindexed(path))
    vocab = vocabulary.for_boolean(name) if isinstance(value, bool) else vocabulary.for_enum(tuple(node["enum"]))
    wanted = set(value) if isinstance(value, list) else {value}
    if vocab is None:  # a vocabulary the tables do not cover (tests/test_vocabulary.py keeps this from happening)
        if not all(str(v) in q for v in wanted for q in quotes[:1]):
            yield ctx.problem(path, "E507", f"{name}: {value!r} is not written in its quote {_cut(quotes)}")
        return
    found: set = set()
    for quote in quotes:
        for rendering in vocab.places(quote):
            if _rendered_there(ctx, path, vocab, quote, rendering):
                found |= rendering.values
    sides = vocabulary.SIDES.get(vocab.name)
    if sides is not None and side is not None:  # the criterion's list decides between a phrase's values
        found = {v for v in found if side in sides.get(v, ())}
    if found == wanted:
        return
    said = "renders no " + vocab.name if not found else "says " + ", ".join(sorted(map(_shown, found)))
    missing = sorted(wanted - found, key=str) or sorted(wanted, key=str)
    yield ctx.problem(
        path,
        "E507",
        f"{fields.dotted(path)}: {_shown(value)} is not what the quote states: it {said} "
        f"({_cut(quotes)}); {_stating(vocab, missing[0], side)}",
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


# How far before a quote a word that denies its first rendering can stand ("without-CD28")
_DENIAL_REACH = 12


def _rendered_there(
    ctx: Context, path: Path_, vocab: vocabulary.Vocabulary, quote: str, rendering: vocabulary.Rendering
) -> bool:
    """Whether some place the cited sources give the quote, where they state the field, renders there
    what the quote renders at rendering, with the words the quote leaves out around it: "allogeneic
    CAR-T cells" cut from "not allogeneic CAR-T cells", "CD28 costimulatory domain" from "no CD28 ...",
    "Recruiting" from "Recruiting was completed in 2024" each rendered a value their source denies or
    takes back. Before the quote, the few characters a denial takes; after it, its sentence, no further
    than where the text likely broke a line. True where the sources give the quote nowhere."""
    seen = False
    for text, at, _, hi in _quoted_sentences(ctx, path, quote):
        seen = True
        lo = max(0, at - _DENIAL_REACH)
        start = at - lo + rendering.start
        if any(r.start == start and r.values == rendering.values for r in vocab.places(text[lo:hi])):
            return True
    return not seen


def _quoted_sentences(ctx: Context, place: Path_, quote: str) -> Iterator[tuple[str, int, int, int]]:
    """Each place the cited sources give the quote, where they state the field at place (anywhere in a
    source that places it nowhere): (the passage's text, where the quote stands in it, and the start
    and end of its sentence there, sentences.around), for the words the quote leaves out."""
    for doc in ctx.docs:
        for text in ctx.texts(doc, place):
            for at in ctx.occurrences(text, quote):
                lo, hi = sentences.around(text, at, at + len(quote))
                yield text, at, lo, hi


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(_shown, value)) + "]"
    return str(value)


# --- thresholds -----------------------------------------------------------------------------------


def _threshold(ctx: Context, path: Path_, t: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    ref = t["criterion"]
    found = ctx.criterion(ref)
    if found is None:
        return  # E109: rules report a threshold naming a criterion the list does not have
    corpus = found[1]
    named = fields.criterion_name(ref)
    bare: list[str] = []
    misplaced = _placed(ctx, path, ref, found, quotes, bare)
    if misplaced is not None:
        yield misplaced
        return
    measure = normalise(t["measure"])
    if not any(measure in q for q in bare):
        yield ctx.problem(
            path + ("measure",),
            "E513",
            f"{fields.dotted(path)}.measure: {t['measure']!r} is not in its quote {_cut(bare)}",
        )
        return
    for i, condition in enumerate(t.get("conditions", [])):
        written = normalise(condition)
        if written not in corpus:
            yield ctx.problem(path + ("conditions", i), "E513", f"{fields.dotted(path)}.conditions.{i}: not in {named}")
        elif not scopes.whole_clause(corpus, written):
            end = corpus.find(written) + len(written)
            yield ctx.problem(
                path + ("conditions", i),
                "E528",
                f"{fields.dotted(path)}.conditions.{i}: stops inside its clause of {named}, before "
                f"{_cut([corpus[end:]], 40)}: give the condition up to the clause's end",
            )
        elif not any(scopes.clause_start(text, written) for text in _texts_of(ctx, found[0])):
            yield ctx.problem(
                path + ("conditions", i),
                "E528",
                f"{fields.dotted(path)}.conditions.{i}: starts inside its clause of {named}: give the condition "
                "from the clause's start",
            )
        elif _parenthesis_torn(written) is not None:
            # cut inside a parenthesis: "antibodies) if low complement ..." of "(except for ... antibodies)
            # if low complement ..."
            yield ctx.problem(
                path + ("conditions", i),
                "E528",
                f"{fields.dotted(path)}.conditions.{i}: holds {_parenthesis_torn(written)} of {named}: "
                "give the condition whole",
            )
    unit = lexicon.unit_named(t["unit"])
    said = [(q, s) for q in bare for s in ctx.reader.statements(q)]

    def unit_ok(q: str, s: lexicon.Statement) -> bool:
        if unit is None:
            return s.unit is None and _whole_unit(q, s.end, t["unit"])
        if s.unit is not None:
            return s.unit.key == unit.key
        lo, hi = lexicon.clause(q, s.start, s.end)
        return unit.key == "points" and bool(lexicon.SCORE_WORDS.search(q, lo, hi))

    def cmp_ok(s: lexicon.Statement) -> bool:
        return s.comparator == t["comparator"] or (
            t["comparator"] == "=" and s.comparator is None and s.unit is not None
        )

    value = t["value"]
    exact = [(q, s) for q, s in said if lexicon.same_number(s.value, value) and cmp_ok(s) and unit_ok(q, s)]
    if not exact:
        yield _threshold_miss(ctx, path, t, said, cmp_ok, unit_ok)
        return
    others = [o for o in ctx.measures if o not in measure and measure not in o]
    longer = [o for o in ctx.measures if measure in o and o != measure]  # "SELENA-SLEDAI clinical symptoms"
    # the measure next to the statement, where they share a quote; a quote list may give the measure
    # apart only from the heading of the sub-list whose item states the limit ("Oral corticosteroids
    # must meet the following requirements:"), not from beside another measure's limit in one item
    headings = [q for q in bare if measure in q]
    item = fields.get(ctx.record.data, found[0])[1]
    beside = {
        (q, s.start): _measure_next_to(q, s, measure, others, longer, ctx.reader.statements(q), t.get("conditions", []))
        for q, s in exact
        if measure in q
    }
    near = [(q, s) for q, s in exact if beside.get((q, s.start)) or (measure not in q and _heads(item, headings, q))]
    if not near and all(measure not in q for q, _ in exact):
        yield ctx.problem(
            path + ("measure",),
            "E513",
            f"{fields.dotted(path)}.measure: {t['measure']!r} is quoted apart from {exact[0][1].says()}, "
            f"and not from the heading of a sub-list whose item states it ({named})",
        )
        return
    if not near:
        yield ctx.problem(
            path + ("measure",),
            "E513",
            f"{fields.dotted(path)}.measure: in its quote, {exact[0][1].says()} "
            f"is said of another measure, not of {t['measure']!r}",
        )
        return
    cut = _measure_cut(ctx, measure, near, headings, corpus, beside)
    if cut is not None:
        yield ctx.problem(
            path + ("measure",),
            "E529",
            f"{fields.dotted(path)}.measure: {t['measure']!r} is not the whole phrase {named} names what is "
            f"measured with beside its limit: {cut}; give the measure that phrase",
        )
        return
    quote, statement = near[0]
    kind, why = ctx.reader.kind_of(quote, statement)
    if kind != t["kind"]:
        said_kind = f"{kind}, from {why}" if kind else why
        yield ctx.problem(
            path + ("kind",), "E508", f"{fields.dotted(path)}.kind: {t['kind']} is not what the words say ({said_kind})"
        )
    at = corpus.find(quote) + statement.start
    layout = ctx.layout(found[0], corpus)  # where each nested item's own text stands: what a condition can govern
    if t.get("conditions"):
        conditioned = list(_own_condition(ctx, path, t, corpus, at, layout))
    else:
        conditioned = list(_condition_left_out(ctx, path, t, corpus, bare, (quote, statement), layout))
    if not conditioned and (t.get("conditions") or ctx.conditional(found[0], corpus)):
        yield from _conditions_in_scope(ctx, path, t, (corpus, layout), at, bare)
    yield from conditioned
    if statement.reading and not ctx.noted(path):
        yield ctx.problem(
            path + ("comparator",),
            "E510",
            f"{fields.dotted(path)}: {statement.reading}; say so in a curation "
            f"note (field: {fields.dotted(path)} or a field above it)",
        )


def _measure_cut(
    ctx: Context,
    measure: str,
    near: list[tuple[str, lexicon.Statement]],
    headings: list[str],
    corpus: str,
    beside: dict[tuple[str, int], list[int]],
) -> str | None:
    """Why the measure is no whole phrase that names what is measured where binding reads it beside its
    limit (in a quote that states the limit, or in the sub-list heading quoted for it), else None:
    a word at an end that names nothing of it, the limit's own words in it, nothing named but a limit
    or its unit, the point a limit after it is counted from, another limit between it and its limit
    that says which of what it names the limit counts ("prednisone ≥100 within 8 weeks"), or a word
    past an end that goes on naming it (phrases.py). One place where it stands
    whole is enough; another place of the criterion does not count: "SELENA-SLEDAI" stands whole in
    "SELENA-SLEDAI score ≥8", not beside the limit of its clinical symptoms' score. Nor does another
    place of the quote than one where the measure is the limit's (beside: _measure_next_to's places):
    the whole item 6 quoted for that score still holds "SELENA-SLEDAI score ≥8"."""
    loose = phrases.loose_word(measure)
    if loose is not None:
        return f"{loose!r}, at an end of it, names nothing of what is measured"
    unclosed = phrases.unbalanced(measure)
    if unclosed is not None:
        return f"it {unclosed}: a phrase ends inside it, or begins"
    ended = _ENDED_INSIDE.search(measure)
    if ended is not None:  # "weeks before screening. Maintain a stable dose of medication"
        return f"it runs over the end of a sentence ({measure[max(0, ended.start() - 20) : ended.end() + 20]!r})"
    opened = _CLAUSE_THEN_ARTICLE.search(measure)
    if opened is not None and not re.search(r"\b(?:and/or|and|or)\b", measure[opened.end() :]):
        # an opening phrase's end, then the phrase of what is measured ("During the screening period, the
        # maximum dose of steroids"); an enumeration's items may open with an article ("the A, the B or ...")
        return f"{opened.group(1)!r} ends a clause before the phrase of what is measured"
    pronoun = phrases.pronoun_in(measure)
    if pronoun is not None:
        return f"{pronoun!r} in it stands for a thing named elsewhere"
    if phrases.only_done(measure):
        return "it names only what is done, not to what"
    had = _HAVING.search(measure)
    if had is not None and phrases.names_something(measure[: had.start()]):
        return f"{measure[: had.end()]!r} in it names who has what is measured"
    why = None
    for quote, statement in near:
        counted = _unit_words(quote, statement)
        if counted is not None and counted not in measure:
            why = why or f"{counted!r}, between its limit's number and unit, says what the number counts"
            continue
        stated: tuple[lexicon.Statement, ...] = ()
        if measure not in quote:
            texts = headings
        else:
            texts, stated = [quote], ctx.reader.statements(quote)
        for text in texts:
            at = corpus.find(text)
            for m in re.finditer(re.escape(measure), text):
                if text == quote and m.start() not in beside.get((quote, statement.start), [m.start()]):
                    continue  # the measure stands there as another limit's
                if m.start() < statement.end and statement.start < m.end() and text == quote:
                    why = why or "it holds the limit's own words"
                    continue
                # the measure's words outside the quote's statements (most measures hold none)
                outside, last = [], m.start()
                for s in stated:
                    if s.start < m.end() and m.start() < s.end:
                        outside.append(text[last : max(last, s.start)])
                        last = max(last, s.end)
                outside.append(text[last : m.end()])
                if not phrases.names_something(" ".join(outside)):
                    why = why or "it names nothing but a limit, its unit or words that name no thing"
                    continue
                after_a_limit = any(s.end <= m.start() for s in stated)
                if phrases.reference_point(corpus, at + m.start(), after_a_limit):
                    why = why or "it stands where a time limit's starting point does ('prior to screening')"
                    continue
                # a limit it holds, set apart from its limit by a mark or a conjunction: another limit of its own
                # ("Prednisone (or equivalent) ≥7.5 mg/ day" for the ceiling of "..., and ≤30 mg/ day"; "serum
                # creatinine > 2.5 mg/dL" for "or 221 μmol/L"), not one that says which ("prednisone ≥100")
                held = [o for o in stated if text == quote and m.start() <= o.start and o.end <= m.end()]
                if (
                    held
                    and held[-1].end <= statement.start
                    and _LIMITS_APART.search(text, held[-1].end, statement.start)
                ):
                    why = (
                        why or f"it holds {text[held[-1].start : held[-1].end]!r}, another limit set apart from its own"
                    )
                    continue
                # another limit right between it and its limit, joined to that limit by nothing ("prednisone
                # ≥100 within 8 weeks"): it says which of what the measure names the limit counts, and is
                # the measure's ("prednisone ≥100"); "serum creatinine > 2.5 mg/dL or 221 μmol/L" is two
                # ways to write one limit. Without it, any prednisone within 8 weeks read as excluded
                between = [o for o in stated if text == quote and m.end() <= o.start and o.end <= statement.start]
                if between and not _LIMITS_APART.search(text, between[-1].end, statement.start):
                    why = why or f"{text[between[-1].start : between[-1].end]!r} between it and its limit says which"
                    continue
                # a verb of having between it and its limit, what it has named after it ("The research subject
                # has a history of alcohol or drug abuse within the past 24 weeks"): the limit is of what is
                # had, and the measure is who has it ("has been" is no having)
                gap = text[m.end() : statement.start] if text == quote and m.end() <= statement.start else ""
                having = _HAVING.search(gap)
                if having is not None and phrases.names_something(gap[having.end() :]):
                    why = why or f"{gap[having.start() :].strip()!r} between it and its limit names what it has"
                    continue
                word = phrases.continues(corpus, at + m.start(), at + m.end(), measure)
                if word is not None:
                    why = why or f"{word!r} goes on naming it"
                    continue
                listed = (
                    _item_of_a_list(corpus, at + m.start(), at + m.end(), statement, at + statement.start)
                    if text == quote and m.end() <= statement.start
                    else None
                )
                if listed is None:
                    return None
                why = why or listed
    return why


def _unit_words(quote: str, statement: lexicon.Statement) -> str | None:
    """The words between a limit's number and the unit written away from it, where they are only a few
    words that name something ("clinical" of "≥ 4 clinical points"): they say what the number counts,
    and a measure without them is another thing ("SLEDAI-2K" of "SLEDAI-2K and ≥ 4 clinical points",
    whose 4 points are its clinical items' only). None where no such words stand there."""
    if statement.unit is None or not (statement.reading or "").startswith("the unit"):
        return None
    spellings = "|".join(map(re.escape, sorted(statement.unit.spellings, key=len, reverse=True)))
    m = re.match(r"\s+((?:[^\W\d][\w-]*\s+){1,3}?)(?:" + spellings + r")(?!\w)", quote[statement.end :])
    if m is None or not all(phrases.names_something(w) for w in m.group(1).split()):
        return None
    return m.group(1).strip()


def _item_of_a_list(corpus: str, start: int, end: int, statement: lexicon.Statement, limit: int) -> str | None:
    """Why the measure at corpus[start:end] is one item of an enumeration its limit (statement, at
    corpus[limit:]) is said of whole, else None: more items follow it before the limit ("myocardial
    infarction" of "myocardial infarction, cardiac angioplasty ..., or other clinically significant
    heart disease within 6 months"), or it is the last item and the limit a time window right after
    it that the items before it, holding no limit of their own in its sentence, share ("other
    clinically significant heart disease" of the same list: a window over a history of each). An
    item holding a limit of its own is set apart by it ("hemodialysis, or prednisone ≥100 within 8
    weeks"); a quantity after the last item may be that item's alone ("pregnancy, or eGFR < 30")."""
    word = phrases.item_follows(corpus, end, limit)
    if word is not None:
        return f"{word!r} goes on the enumeration it is an item of, and the limit after it is said of the whole"
    # the last item with a plural word for values ("ALT, AST, or ALP levels are ≥ 3×ULN"): the values are
    # each item's, and the limit is said of them all
    plural = corpus[start:end].split()[-1].lower()
    if plural in _PLURAL_VALUES and (words := phrases.item_before(corpus, start)) is not None:
        return f"{words!r} goes on naming it: {plural!r} are the values of each item, and the limit is theirs"
    if statement.unit is None or phrases.names_something(corpus[end:limit]):
        return None
    # a time window after an enumeration is said of each item; so is a laboratory limit after an
    # enumeration of laboratory tests ("ALP" of "ALT, AST, or ALP ≥ 3 mg/dL"), but for the last item
    # after items that are no tests ("pregnancy, lactation, or eGFR < 30": the eGFR's alone)
    tests = statement.unit.dimension in lexicon.LAB_DIMENSIONS and _lab_test(corpus[start:end])
    if statement.unit.dimension != "time" and not tests:
        return None
    words = phrases.item_before(corpus, start) or _test_before(corpus, start)
    if words is None or (tests and not _lab_test(words)):
        return None
    opened = max((m.end() for m in _SENTENCE_END.finditer(corpus, 0, start)), default=0)
    if any(s.comparator is not None for s in lexicon.written_statements(corpus[opened:end])):
        return None  # an item before it, or the measure itself, holds a limit of its own
    # the item before it, up to the comma that closes it, holding a finding of its own ("Positive ANA, or C3 <
    # 0.9 g/L"; "Abnormal ALT or AST, or total bilirubin > 2 mg/dL", whose "ALT or AST" is an enumeration of its
    # own): it is closed by its finding, and the limit is the measure's. A test without one after a finding
    # that opens the list ("AST" of "Elevated ALT, AST, or ALP ≥ 3") shares the list's limit.
    items = [item for item in _LIST_ITEM_SEPARATOR.split(corpus[opened:start]) if item.strip()]
    if tests and items and lexicon.FINDING.search(items[-1]):
        return None
    said = "the laboratory limit after the tests" if tests else "the time limit after the enumeration"
    return f"{words!r} goes on naming it: {said} is said of each item"


def _lab_test(words: str) -> bool:
    """Whether words end in a laboratory test's name ("AST, or", "(ALT),", "serum creatinine")."""
    parts = re.sub(r"(?:\s+(?:and/or|and|or))+\s*$", "", words).split()
    return bool(parts) and parts[-1].strip("(),;:.").lower() in lexicon.LAB_TESTS


def _test_before(corpus: str, start: int) -> str | None:
    """The words ending the item before a measure that is a laboratory test ("AST, or" of "ALT, AST, or
    ALP"), where the item is a test too: item_before reads only words that name something, and an
    abbreviation ("AST") is none of them."""
    m = re.search(r"(\S+,(?:\s+(?:and/or|and|or))?)\s*$", corpus[max(0, start - 60) : start])
    return m.group(1) if m is not None and _lab_test(m.group(1)) else None


def _placed(
    ctx: Context, path: Path_, ref: dict, found: tuple[Path_, str], quotes: list[str], bare: list[str]
) -> Problem | None:
    """E513 when a quote does not lie in the criterion ref names (a leading "3)" label must be its
    number); else None, with the quotes, their labels taken off, put in bare."""
    where, corpus = found
    named = fields.criterion_name(ref)
    for quote in quotes:
        label = _LABEL.match(quote)
        if label and int(label.group("number")) != ref["number"]:
            return ctx.problem(
                path + ("criterion", "number"),
                "E513",
                f"{fields.dotted(path)}: its quote is labelled {label.group(0).strip()} but names {named}",
            )
        text = quote[label.end() :] if label else quote
        if text not in corpus:
            return ctx.problem(
                path + ("criterion",),
                "E513",
                f"{fields.dotted(path)}: the quote {_cut([quote])} is not in {named} ({fields.dotted(where)})",
            )
        bare.append(text)
    return None


def _own_condition(
    ctx: Context, path: Path_, t: dict, corpus: str, at: int, layout: tuple[scopes.Span, ...]
) -> Iterator[Problem]:
    """E518 when the threshold's conditions are not the ones that govern its limit. A condition
    governs the limits that follow it until the next condition ("If the subject is receiving
    steroids: ... 30mg/day ... If ... antimalarial drugs: ... 12 weeks"), so one copied from the
    neighbouring threshold's says when another limit applies: the condition the record gives the
    criterion's thresholds nearest before the limit must be among its own, and no other condition
    ("if ...") may start between its own nearest one and the limit. A condition after the limit (an
    exception: "There is no minimum daily dose ... when ...") may be held as well."""
    own = {normalise(c) for c in t["conditions"]}
    before = _before(ctx, t, corpus, at, layout)
    if not before:
        return
    named = fields.criterion_name(t["criterion"])
    nearest = before[-1][1]
    if nearest not in own:
        yield ctx.problem(
            path + ("conditions",),
            "E518",
            f"{fields.dotted(path)}.conditions: {named} states {_cut([nearest], 70)} nearest before this "
            "limit; the threshold's conditions leave it out (a condition governs the limits after it)",
        )
        return
    later = scopes.CONDITION_START.search(corpus, before[-1][0] + len(nearest), at)
    if later is not None:
        yield ctx.problem(
            path + ("conditions",),
            "E518",
            f"{fields.dotted(path)}.conditions: another condition starts between the threshold's own and "
            f"its limit in {named} ({_cut([corpus[later.start() :]], 61)})",
        )


def _before(ctx: Context, t: dict, corpus: str, at: int, layout: tuple[scopes.Span, ...]) -> list[tuple[int, str]]:
    """(where, condition) of the conditions the record gives the criterion's thresholds that stand
    before the limit at position at, in its own item or an item above it (one in an item beside it
    is that item's), in order."""
    limits = _limits(ctx, corpus)
    return sorted(
        (start, c)
        for c in ctx.conditions(t["criterion"])
        if 0 <= (start := corpus.find(c)) < at
        and scopes.above(layout, start, at)
        and not scopes.of_another_limit(corpus, start, start + len(c), at, limits)
    )


def _limits(ctx: Context, corpus: str) -> tuple[tuple[int, int], ...]:
    """Where the criterion's text states a limit (a comparator and a number): what a condition in its
    sentence belongs to (scopes.of_another_limit)."""
    return tuple((s.start, s.end) for s in ctx.reader.statements(corpus) if s.comparator is not None)


def _holds(corpus: str, condition: str, at: int) -> bool:
    """Whether the limit stated at `at` stands inside the condition wherever the criterion writes it."""
    starts = [m.start() for m in re.finditer(re.escape(condition), corpus)] if condition else []
    return bool(starts) and all(start <= at < start + len(condition) for start in starts)


def _conditions_in_scope(
    ctx: Context, path: Path_, t: dict, read: tuple[str, tuple[scopes.Span, ...]], at: int, bare: list[str]
) -> Iterator[Problem]:
    """E518 when the threshold holds a condition that cannot govern its limit where the two stand in
    the criterion (scopes.py: one a later condition ends, one of another item, one after the limit
    that is neither its sentence's trailing clause nor an exception naming its side); E524 when it
    leaves out what of the criterion governs its limit whatever the record's other thresholds hold
    (scopes.required: an "if" of its sentence, the heading of its sub-list unless quoted for its
    measure, an exception after it that lifts its side, "There is no minimum daily dose requirement
    ... when used in combination with immunosuppressants"): without it the limit reads as applying
    to all."""
    given = ctx.conditions(t["criterion"])
    corpus, layout = read
    named = fields.criterion_name(t["criterion"])
    own = [normalise(c) for c in t.get("conditions", [])]
    limits = _limits(ctx, corpus)
    for i, condition in enumerate(own):
        if _holds(corpus, condition, at):
            # the limit's own words are no condition of it ("Weight ≥ 40 kg" for Weight ≥ 40 kg): they
            # read as a condition no patient is asked to meet first
            yield ctx.problem(
                path + ("conditions", i),
                "E518",
                f"{fields.dotted(path)}.conditions.{i}: {_cut([condition], 61)} holds this limit itself; "
                "a condition says when the limit applies, in words before it or an exception after it",
            )
            return
        others = [c for c in given if c != condition]
        if not scopes.governs(layout, corpus, condition, at, t["comparator"], others, limits):
            yield ctx.problem(
                path + ("conditions", i),
                "E518",
                f"{fields.dotted(path)}.conditions.{i}: {_cut([condition], 61)} cannot govern this limit where "
                f"{named} states it (it is another item's, another condition starts between, or it follows "
                "the limit's sentence without naming its side): it is another limit's condition",
            )
            return
    spans = [(p, p + len(c)) for c in own if (p := corpus.find(c)) >= 0]
    for need in scopes.required(layout, corpus, at, t["comparator"]):
        if any(start < need.end and need.start < end for start, end in spans):
            continue
        passage = corpus[need.start : need.end]
        if need.kind == "heading" and any(passage in q for q in bare):
            continue  # its measure is read from the heading it quotes ("Oral corticosteroids")
        said = {
            "clause": f"a condition in this limit's sentence ({_cut([corpus[need.start :]], 61)})",
            "heading": f"this limit under the heading {_cut([passage], 61)}",
            "exception": f"{_cut([passage], 61)} after this limit, as an exception to it",
        }[need.kind]
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: {named} states {said}; the threshold's conditions leave it out "
            "(the limit would read as applying to all)",
        )
        return


# words that join a limit to what it holds only together with: "CD4+ T lymphocytes <500/mm³ with a
# neutrophil count <1000/mm³" is no CD4 limit on its own
_JOINERS = r"(?:with|when|while|if|unless|provided|in combination with|combined with)"
_JOINED = re.compile(r"\s*,?\s*" + _JOINERS + r"\b", re.I)  # right after the quote
_JOINED_BEFORE = re.compile(r"\b" + _JOINERS + r"(?:\s+(?:a|an|the))?\s*\Z", re.I)  # right before it
_LIMIT_END = re.compile(r"[0-9%³²)]\s*,?\s*\Z")  # a limit's number or unit, right before a joiner


def _condition_left_out(
    ctx: Context,
    path: Path_,
    t: dict,
    corpus: str,
    bare: list[str],
    stated: tuple[str, lexicon.Statement],
    layout: tuple[scopes.Span, ...],
) -> Iterator[Problem]:
    """E524 when a threshold holds no condition but its criterion states one for its limit: a
    condition the record gives the criterion's other thresholds stands before the limit (it governs
    the limits after it, _own_condition) and the threshold's quotes hold none of those (a quoted
    sub-list heading, "Oral corticosteroids must meet the following requirements:", is where its
    measure is read from: it is held), or its own quote says "if" (the limit applies only then;
    looked at first, as the nearer and more telling), or its criterion goes on right after the quote
    or its limit with words that join the limit to another requirement ("with a neutrophil count
    <1000/mm³"; a quote that goes on through that requirement holds it, and the limit holds only with it).
    Without it the limit reads as applying to everyone: "CD20 antibodies < 6 months" for a limit
    stated only "if biological agents are used"."""
    quote, statement = stated
    start = corpus.find(quote)
    at = start + statement.start
    named = fields.criterion_name(t["criterion"])
    said = scopes.CONDITION_START.search(quote)
    if said is not None:
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: its quote states a condition ({_cut([quote[said.start() :]], 61)}); "
            "the threshold has no conditions (give it the words that say when the limit applies)",
        )
        return
    # right after the quote or its limit, right before the quote or, where another limit stands just
    # before that, its measure: a quote that goes on past the joined requirement ("<500/mm³ with a
    # neutrophil count <1000/mm³") holds it, and the limit holds only with it all the same
    measure = corpus.rfind(normalise(t["measure"]), start, at)
    lead = _JOINED_BEFORE.search(corpus, max(0, measure - 40), measure) if measure > start else None
    joined = (
        _JOINED.match(corpus, start + len(quote))
        or _JOINED.match(corpus, start + statement.end)
        or _JOINED_BEFORE.search(corpus, max(0, start - 40), start)
        or (lead if lead and _LIMIT_END.search(corpus, 0, lead.start()) else None)
    )
    if joined is not None:
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: {named} joins its quote to another requirement "
            f"({_cut([corpus[min(joined.start(), start) :]], 61)}): the limit holds only with that; "
            "the threshold has no conditions (give it those words)",
        )
        return
    before = _before(ctx, t, corpus, at, layout)
    if before and not any(c in q for _, c in before for q in bare):
        yield ctx.problem(
            path + ("conditions",),
            "E524",
            f"{fields.dotted(path)}: {named} states {_cut([before[-1][1]], 70)} before this limit, and it "
            "governs the limits after it; the threshold has no conditions (give it the one that governs it)",
        )


def _heads(item: dict, headings: list[str], stated: str) -> bool:
    """Whether an item whose own text holds a heading quote has beneath it an item whose own text
    holds the stated quote (texts normalised)."""
    subs = item.get("sub_criteria", [])
    own = normalise(item["text"])
    beneath = (t for sub in subs for t in fields.criterion_texts(sub))
    if any(h in own for h in headings) and any(stated in normalise(t) for t in beneath):
        return True
    return any(_heads(sub, headings, stated) for sub in subs)


def _measure_next_to(
    quote: str,
    s: lexicon.Statement,
    measure: str,
    others: list[str],
    longer: list[str],
    stated: tuple[lexicon.Statement, ...] = (),
    conditions: list[str] | tuple[str, ...] = (),
) -> list[int]:
    """Where the measure stands in the quote as the statement's: each occurrence with no other threshold's
    measure between it and the statement (none: the measure is not next to it).
    An occurrence inside another threshold's longer measure, or the parenthesis right after it, is that
    measure's ("Score ≥6 for SELENA-SLEDAI clinical symptoms" states no SELENA-SLEDAI ≥ 6, "Major surgery
    (including joint surgery) was performed within 24 weeks prior" no surgery's limit), unless the
    statement lies inside it too ("prednisone ≥100" is the measure of a time limit and holds the dose
    limit of "prednisone").

    A measure is also no statement's but its own where the quote's other limits (stated: all of its
    statements) show whose it is, though the record holds no threshold of what stands between:
    one written after the statement with a limit of its own right after it, in a few words of its
    clause ("≥3×ULN, or bilirubin >1.5×ULN" states no bilirubin ≥ 3×ULN; "proteinuria > 6 g/24h or
    serum creatinine > 2.5 mg/dL" no serum creatinine > 6 g/24h; "... prior to screening, or surgery is
    planned within 24 weeks after enrollment" no surgery's limit before screening), and one written
    before it with another limit between, after which, in the same sentence, words name another thing
    ("CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³" states no CD4+ T lymphocytes <
    1000; "Prednisone ≥7.5 mg/day, and ≤30 mg/day" does state a prednisone ≤ 30).

    And a measure in another sentence than the limit is that limit's only where it stands in one of
    the threshold's own conditions ("If the subject is receiving treatment with antimalarial drugs
    ...: ... Maintain a stable dose of medication for at least 8 weeks"): a whole item quoted states no
    limit of a measure another of its sentences names ("... antimalarial drugs ... Before the screening
    period, if biological agents ... are used, they need to be discontinued for at least 4 weeks" no
    antimalarial drugs' washout)."""
    held = [(c.start(), c.end()) for text in map(normalise, conditions) for c in re.finditer(re.escape(text), quote)]
    inside = [
        (o.start(), o.end() + (len(p.group()) if (p := _PARENTHESIS.match(quote, o.end())) else 0))
        for name in longer
        for o in re.finditer(re.escape(name), quote)
        if not (o.start() <= s.start < o.end())
    ]
    out = []
    for m in re.finditer(re.escape(measure), quote):
        if any(start <= m.start() and m.end() <= end for start, end in inside):
            continue
        gap = quote[m.end() : s.start] if m.end() <= s.start else quote[s.end : m.start()] if m.start() >= s.end else ""
        if any(o in gap for o in others) or _owned_elsewhere(quote, s, m, stated):
            continue
        if _SENTENCE_END.search(gap) and not any(a <= m.start() and m.end() <= b for a, b in held):
            continue
        out.append(m.start())
    return out


def _owned_elsewhere(quote: str, s: lexicon.Statement, m: re.Match[str], stated: tuple[lexicon.Statement, ...]) -> bool:
    """Whether another statement of the quote owns this occurrence of the measure (_measure_next_to)."""

    if m.start() >= s.end:  # the measure after the limit: one with a limit right after it is that limit's
        following = [o.start for o in stated if o.start >= m.end()]
        gap = quote[m.end() : min(following)] if following else ""
        near = len(gap.split()) <= 4 or not phrases.names_something(gap)
        return bool(following) and near and not _SENTENCE_END.search(gap) and not _CLAUSE_MARK.search(gap)
    if m.end() <= s.start:  # before it: a limit between, then another thing named, is that thing's
        # or a parenthesis opened after it and still open at the limit, naming another thing: "IgA
        # deficiency was present during screening (serum IgA level < 10 mg/dL)" states no IgA deficiency
        # < 10 mg/dL ("Prednisone (or equivalent) ≥7.5 mg/day" closes its parenthesis before the limit)
        # ("Hemoglobin (without transfusion within 14 days ≥ 8 g/dL)": a parenthesis whose last clause
        # opens with a word that qualifies says on what terms the measure outside is taken, naming no
        # other thing the limit is of, unless it names one as someone's ("in patients with proteinuria")
        between = quote[m.end() : s.start]
        opened = between.rfind("(")
        inner = between[opened + 1 :]
        if opened > between.rfind(")") and phrases.names_something(inner) and not _qualifies(inner):
            return True
        last = max((o.end for o in stated if o.start >= m.end() and o.end <= s.start), default=None)
        gap = quote[last : s.start] if last is not None else ""
        return last is not None and phrases.names_something(gap) and not _SENTENCE_END.search(gap)
    return False


# the words that open a parenthesis's clause saying on what terms a measure is taken ("without transfusion",
# "at screening", "by ELISA", "calculated by the CKD-EPI formula", "excluding serological items"), and
# those after which its words name another thing, someone's ("in patients with proteinuria") or an
# analyte's value ("at screening serum IgA level")
_QUALIFYING = frozenset(
    "without at in during within after before since by per on off under from excluding except calculated "
    "measured assessed estimated determined tested using according".split()
)
# a parenthesis that opens by naming the measure outside in other terms ("Prednisone (or equivalent dose ≤
# 20 mg/day)"), not another measure ("C3 (or C4 < 10 mg/dL)")
_EQUIVALENT = re.compile(r"(?i)or\s+(?:an?\s+|the\s+)?equivalent\b")
# the qualifying words that say when the measure is taken, and the words for a time their object may hold
_WHEN = frozenset("at during within after before since on off from until".split())
_TIME_WORDS = frozenset(
    "visit visits period periods time times point points phase phases stage biopsy biopsies".split()
)
_NAMING_ANOTHER = re.compile(
    r"(?i)\b(?:with|having|whose|who|showing|defined|i\.e\.|e\.g\.|or|and|and/or|"
    r"levels?|counts?|titers?|titres?|values?|scores?|concentrations?)\b"
)


def _qualifies(words: str) -> bool:
    """Whether the last clause of words (a parenthesis's, before a limit) qualifies the measure before
    the parenthesis: it opens with "or equivalent" and names nothing after it but a dose ("or equivalent
    dose of methylprednisolone ≤ 16 mg/day" is methylprednisolone's), or it
    opens with a word of _QUALIFYING, names nothing as another's, and the words
    naming something right before the limit are the object of a qualifying or closed word, two at
    most ("the CKD-EPI formula", "serological items"): "at screening serum IgA" names serum IgA."""
    clause = re.split(r"[,;:]", words)[-1].split()
    equivalent = _EQUIVALENT.match(" ".join(clause))
    if equivalent is not None:  # the measure outside in other terms: its limit is the measure's too
        rest = " ".join(clause)[equivalent.end() :].split()
        return all(w.lower() in ("dose", "doses", "dosage") or not phrases.names_something(w) for w in rest)
    if not clause or clause[0].lower() not in _QUALIFYING or _NAMING_ANOTHER.search(" ".join(clause)):
        return False
    run: list[str] = []
    k = len(clause)
    for k in range(len(clause) - 1, -1, -1):
        token = clause[k]
        if token.lower() in _QUALIFYING or not phrases.names_something(token):
            if token.lower() in _QUALIFYING or phrases.closed_word(token):
                break
            continue  # a number or a unit ("14 days")
        run.append(token.lower())
    # the word the run is the object of, past closed words ("at the screening visit"): after one that
    # says when, the object is one word saying when, besides words for a time ("visit", "period"); a
    # word after it names the thing measured then ("at biopsy proteinuria": proteinuria)
    governing = next(
        (t.lower() for t in reversed(clause[: k + 1]) if not phrases.closed_word(t) or t.lower() in _WHEN), ""
    )
    if governing in _WHEN:
        # the words for a time end its object ("at renal biopsy"); one before another word does not ("at
        # biopsy proteinuria": proteinuria is measured then)
        timed = next((k for k, word in enumerate(run) if word.strip("()") not in _TIME_WORDS), len(run))
        return len(run) <= 1 + timed
    return len(run) <= 2


# between two limits: a mark or a conjunction that makes the second one a limit of its own, not of the first
_LIMITS_APART = re.compile(r"[.,;:()]|\b(?:and/or|and|or)\b")
_SENTENCE_END = sentences.END  # and a list label's ("a. Hemoglobin"): the words go on elsewhere
_ENDED_INSIDE = re.compile(r"[.;]\s+(?=\S)")  # a sentence's end inside a measure, words of the next after it
_CLAUSE_THEN_ARTICLE = re.compile(r"(?i)(\S+,)\s+(?:the|a|an)\s")  # a clause's end, then a phrase's start
# The commas that close an enumeration's items, with the conjunction after the last ("ALT or AST, or"): an
# item may be an enumeration of its own, joined within by a conjunction alone.
_LIST_ITEM_SEPARATOR = re.compile(r"(?i)\s*,\s*(?:(?:and/or|and|or)\b\s*)?")
_PLURAL_VALUES = frozenset("levels values counts titers titres concentrations".split())
_HAVING = re.compile(r"(?i)\b(?:has|have|had|having)\b(?!\s+(?:been|be|to)\b)")  # what is had after it
_CLAUSE_MARK = re.compile(r"[,;:()]")  # a mark between a measure and a limit after it: the limit is another's
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")  # right after a measure: its own words ("Major surgery (including ...)")


def _threshold_miss(ctx: Context, path: Path_, t: dict, said: list, cmp_ok: Callable, unit_ok: Callable) -> Problem:
    """Which part of the threshold the quote does not state, and what it does state."""
    value = t["value"]
    same = [(q, s) for q, s in said if lexicon.same_number(s.value, value)]
    stated = "; ".join(s.says() for _, s in said if s.comparator or s.unit) or "no comparator, number and unit together"
    if any(unit_ok(q, s) for q, s in same):
        part = "comparator"
    elif any(cmp_ok(s) for _, s in same):
        part = "unit"
    else:
        part = "value"
    wanted = f"{t['comparator']} {lexicon.number_text(value)} {t['unit']}"
    return ctx.problem(
        path + (part,),
        "E508",
        f"{fields.dotted(path)}: the quote does not state {wanted} (its {part} differs); it states {stated}",
    )


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
    bare: list[str] = []
    misplaced = _placed(ctx, path, ref, found, quotes, bare)
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
                yield from _enumeration(ctx, here, child, (found[1], bare))
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
_REQUIREMENTS = ("prior_therapy", "autoantibodies", "classification_criteria")
# ... or an exclusion that keeps out those who lack it ("Patients who do not meet the 2019 EULAR/ACR
# criteria", "Failure to respond to at least two standard therapies", "Negative for anti-dsDNA antibodies")
_NOT_MET = re.compile(
    r"(?i)\b(?:(?:do|does|did|have|has)\s+not|not|never|fail(?:s|ed|ure)?\s+to|unable\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:meet|meeting|met|fulfil\w*|satisf\w*|receiv\w*|respond\w*|been\s+treated|tried)\b|\bnegative\s+for\b"
)


def _lacking(text: str, quotes: list[str]) -> bool:
    """Whether an exclusion criterion's text keeps out those who lack what each quote names: words of
    not meeting it stand before the quote ("Failure to respond to rituximab"; not "Received rituximab
    and did not respond", which keeps out those who had it)."""
    ends = [m.end() for m in _NOT_MET.finditer(text)]
    return bool(quotes) and all((at := text.find(normalise(q))) >= 0 and any(end <= at for end in ends) for q in quotes)


# Words that open an exception: what follows them in their clause is what a requirement leaves out
_EXCEPTION = re.compile(r"\b(?:except|excepting|excluding|other than|apart from|not counting)\b", re.IGNORECASE)


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
                f"({_cut([quote])}), which requires nothing of it; quote the criterion that requires it",
            )
            return


# An enumeration's separators: a comma or semicolon, "and", "or", "and/or" (with what stands between items).
_SEPARATOR = r"(?:\s*[,;]\s*|\s+(?:and/or|and|or)\s+|\s*,\s*(?:and/or|and|or)\s+)"
# _SEPARATOR + r"+\Z", written so that each character can be read one way only: in _SEPARATOR
# repeated, the white space between two commas is either one's or the next one's, and a gap of 30
# commas and a word (", , , … x") took 2**30 tries (minutes of `trials check` for 60 bytes of a
# criterion; days for 80). Here white space is only ever read before a comma or a conjunction, or
# at the end; a conjunction stands after white space or a comma and before white space, as there
# (and one conjunction right after another takes more than one white space between them).
_ONLY_SEPARATORS = re.compile(r"\s*(?:(?:[,;]|(?<=[\s,])(?<!\band\s)(?<!\bor\s)(?:and/or|and|or)(?=\s))\s*)+\Z")
_ENDS_IN_SEPARATOR = re.compile(r"\w\)?" + _SEPARATOR + r"\Z")
_STARTS_WITH_SEPARATOR = re.compile(r"\A" + _SEPARATOR + r"\w")
_CONJUNCTION = re.compile(r"\b(?:and/or|and|or)\b")  # the word before an enumeration's last item
# right after the last item, what is still its own even where the enumeration has closed ("A, B, and C
# (...)", "A, B, and C or D"): its parenthesis, or an alternative joined by "or" with no comma
_OWN_PART = re.compile(r"\s*\(|\s+(?:and/or|or)\s+\w")
# between two terms of one enumeration: up to two words they share ("antinuclear antibodies, and/or
# anti-DS-DNA antibodies, and/or anti-Smith antibodies"), then a separator. A word is read whole
# ([\w-]++ gives none of it back): a separator never starts with a word character, so the gaps it
# matches are the same, and one long word is no longer tried split at each of its n places (n**2
# steps: a 4,000-letter word took 1.1 s, a criterion of 1 MiB would have taken hours)
_TERM_GAP = re.compile(r"(?:\s*[\w-]++){0,2}" + _SEPARATOR + r"\Z")


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
        placed = [
            at + found for quote in quotes if (found := quote.find(text)) >= 0 and (at := corpus.find(quote)) >= 0
        ]
        at = placed[0] if placed else corpus.find(text)
        if at < 0:
            return  # E513: not in the criterion
        spans.append((at, at + len(text)))
        torn = _torn(text, corpus[:at])
        if torn is not None:
            yield ctx.problem(
                path,
                "E525",
                f"{fields.dotted(path)}: {_cut([text], 50)} is part of an item of the criterion's enumeration "
                f"({torn}): list each item whole",
            )
            return
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
            f"{fields.dotted(path)}: {_cut([corpus[part:part_end]], 50)} stands inside the item "
            f"{_cut([corpus[start:end]], 50)}: list the enumeration's own items, each once",
        )
        return
    gaps = [corpus[end:start] for (_, end), (start, _) in zip(spans, spans[1:]) if start > end]
    left_out = next((g.strip(" ,;") for g in gaps if not _ONLY_SEPARATORS.match(g)), None)
    if left_out is None and _ENDS_IN_SEPARATOR.search(corpus, 0, spans[0][0]):
        left_out = corpus[: spans[0][0]].rstrip(" ,;")[-40:]
    closed = any(_CONJUNCTION.search(g) for g in gaps)
    after = corpus[spans[-1][1] :]
    if left_out is None and (_OWN_PART.match(after) or not closed and _STARTS_WITH_SEPARATOR.match(after)):
        left_out = after.lstrip(" ,;")[:40]
    if left_out is not None:
        yield ctx.problem(
            path,
            "E525",
            f"{fields.dotted(path)}: the criterion's enumeration has more than its items: "
            f"{_cut([left_out], 50)} stands among them; list it too (a quote of only part of the "
            "enumeration does not make the rest of it go away)",
        )


def _torn(item: str, before: str) -> str | None:
    """Why an item read from an enumeration is not one of its items whole, or None: a parenthesis it
    opens or closes and does not hold whole ("biologics (belizumab or" of "biologics (belizumab or
    Rituximab)"), a conjunction or a separator at either end ("other immunosuppressants or", ":
    corticosteroids"), a separator outside its parentheses (the enumeration's lead-in run into its
    first item: "regimen, including steroids (...)"), or a parenthesis alone that belongs to the word
    before it ("(sufficient or shock therapy)" of "steroids (...)")."""
    torn = _parenthesis_torn(item)
    if torn is not None:
        return torn
    if _CONJUNCTION.match(item) or re.search(r"\b(?:and/or|and|or)\Z", item):
        return "a conjunction at its end"
    if re.match(r"[,;:]", item) or re.search(r"[,;:]\Z", item):
        return "a separator at its end"
    if re.search(r"[,;]", re.sub(r"\([^()]*\)", "", item)):
        return "a separator outside its parentheses, between two items or before the enumeration"
    if item.startswith("(") and re.search(r"\w\s*\Z", before):
        return "a parenthesis of the word before it"
    return None


def _texts_of(ctx: Context, path: Path_) -> list[str]:
    """The criterion at path's texts (its own and each nested item's), normalised, and all of them joined."""
    texts = [normalise(t) for t in fields.criterion_texts(fields.get(ctx.record.data, path)[1])]
    return [*texts, " ".join(texts)]


def _parenthesis_torn(text: str) -> str | None:
    """'a parenthesis it does not open' or 'does not close' where text holds one part of a parenthesis
    and not the other ("biologics (belizumab or", "antibodies) if low complement ..."); else None."""
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return "a parenthesis it does not open"
    return "a parenthesis it does not close" if depth else None


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
    as no bound (lexicon.unbound_age): "Patients under 70 years", cut from "Patients under 70 years
    with heart failure are excluded", or from "... must have a normal ECG", bound a maximum age of 70."""
    seen = False
    for text, at, lo, hi in _quoted_sentences(ctx, path[:2], quote):
        seen = True
        if not lexicon.unbound_age(text[lo:hi], at - lo + a.start, at - lo + a.end, a.unit):
            return False
    return seen


def _left_bound(quote: str, a: lexicon.Age) -> str | None:
    """The bound an exclusion criterion's age a leaves to those enrolled: the maximum past ">" (those
    older are kept out), the minimum past "<"; none past any other comparator or none."""
    if a.bound is None:
        return None
    cmp = lexicon.comparator_before(quote, a.start)
    return {">": "max", "<": "min"}.get(cmp[0]) if cmp is not None and cmp[1] is None else None


_CRITERIA_HEADING = re.compile(r"(?i)\b(inclusion|exclusion) criteria\b")


def _excluding(ctx: Context, path: Path_, quote: str) -> bool:
    """Whether the cited sources give the quote only in their exclusion criteria: in an item of a
    layout's exclusion list and of no inclusion list, or, in a source whose layout gives no lists,
    after an "Exclusion criteria" heading with no "Inclusion criteria" heading between, wherever it
    stands where the source states the field at path (a plain page's lines of this trial: read
    anywhere, IM19's exclusion "Age > 75 years" was a minimum age of 75 by the same words in the next
    trial's inclusion criteria)."""
    seen = False
    for doc in ctx.docs:
        if doc.criteria:
            sides = {name for name, items in doc.criteria.items() for item in items if quote in item.text}
            if sides - {"exclusion_criteria"}:
                return False
            seen = seen or bool(sides)
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
            for heading in [*_CRITERIA_HEADING.finditer(text), None]:
                end = len(text) + 1 if heading is None else heading.end()
                if last != "exclusion" and text.find(quote, start, end - 1 + len(quote)) >= 0:
                    return False
                if heading is not None:
                    last, start = heading.group(1).lower(), end
    return seen


def _cohort(ctx: Context, path: Path_, cohort: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    dose = cohort["dose"]
    texts = ctx.together(path, quotes)
    found = [(q, d) for q in texts for d in ctx.reader.doses(q) if lexicon.same_number(d.value, dose["value"])]
    with_unit = [(q, d) for q, d in found if lexicon.unit_follows(q, d.unit_at, dose["unit"])]
    basis = [(q, d) for q, d in with_unit if d.basis == dose["basis"]]
    here = path + ("dose",)
    if not found:
        yield ctx.problem(
            here + ("value",),
            "E508",
            f"{fields.dotted(here)}: the quote states no dose of {lexicon.number_text(dose['value'])} {_cut(quotes)}",
        )
    elif not with_unit:
        yield ctx.problem(
            here + ("unit",),
            "E508",
            f"{fields.dotted(here)}: the quote does not write {dose['unit']!r} with the dose {_cut(quotes)}",
        )
    else:
        if not basis:
            yield ctx.problem(
                here + ("basis",),
                "E508",
                f"{fields.dotted(here)}.basis: the quote gives the dose {with_unit[0][1].basis}, "
                f"not {dose['basis']} {_cut(quotes)}",
            )
        else:
            # a dose its words state only by a reading: a flat basis no word gives, or a number they
            # give as a cap or as an end of a range ("maximum total dose 1×10^8", "0.5-1×10^6")
            unnoted = [
                [
                    (key, why)
                    for key, why in (("value", d.limit), ("basis", d.reading))
                    if why and not ctx.noted(here + (key,))
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
                f"not patients {wanted[0]}-{wanted[1]} {_cut(quotes)}",
            )
    if "label" in cohort:
        yield from _cohort_label(ctx, path, cohort, basis or with_unit or found)
    yield from _walk(ctx, path, cohort, node, quotes, skip=("dose", "patients"))


def _cohort_label(ctx: Context, path: Path_, cohort: dict, dosed: list[tuple[str, lexicon.Dose]]) -> Iterator[Problem]:
    """A cohort's label is the one the words of its dose give it: of the arm's cohorts' labels written
    in a text that states the dose, the nearest before the dose where that text writes its labels
    before their doses ("Dose level 1: 1×10^6 ... Dose level 2: 3×10^6"), else the nearest after it
    ("1×10^6 ... (Dose level 1), 3×10^6 ... (Dose level 2)"), with no other cohort's dose between."""
    if not dosed:
        return  # no text states the dose (E508 above)
    arm = ctx.record.data["arms"][path[1]]
    own = normalise(cohort["label"])
    labels = {normalise(c["label"]) for c in arm.get("cohorts", []) if "label" in c} | {own}
    doses = [c["dose"]["value"] for i, c in enumerate(arm.get("cohorts", [])) if i != path[3] and "dose" in c]
    named: list[str] = []
    for quote, dose in dosed:
        # the labels and the doses the text writes, in its order: a label (its text), another
        # cohort's dose (None), this dose ("")
        marks: list[tuple[int, str | None]] = sorted(
            [(m.start(), label) for label in labels for m in re.finditer(re.escape(label), quote)]
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
        f"{_cut([q for q, _ in dosed])}",
    )


def _agent_dose(ctx: Context, path: Path_, agent: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    """A lymphodepleting agent's dose: a number of the quote with the unit written right after it, whole,
    not any number the quote holds ("fludarabine 30 mg/m2/day for 3 days" states no dose of 3
    mg/m2/day, nor one of 30 days, nor one of 30 mg/m2)."""
    if "dose" in agent:
        here = path + ("dose",)
        texts = ctx.together(path, quotes)
        found = [
            (q, n)
            for q in texts
            for n in lexicon.numbers(q)
            if lexicon.same_number(n.value, agent["dose"]) and not _is_label(q, n)
        ]
        if not found:
            yield ctx.problem(
                here,
                "E508",
                f"{fields.dotted(here)}: the quote states no dose of "
                f"{lexicon.number_text(agent['dose'])} {_cut(quotes)}",
            )
        elif "unit" in agent and not any(_whole_unit(q, n.end, agent["unit"]) for q, n in found):
            yield ctx.problem(
                path + ("unit",),
                "E508",
                f"{fields.dotted(here)}: the quote does not write {agent['unit']!r} with the dose {_cut(quotes)}",
            )
        else:
            # a number the words give as the course's total, a maximum or an end of a range ("(total 90
            # mg/m2)", "up to 30 mg/m2/day", "25-30 mg/m2/day"): the dose only as a reading, as a cohort's
            whole = [(q, n) for q, n in found if "unit" not in agent or _whole_unit(q, n.end, agent["unit"])]
            readings = [lexicon.agent_dose_limit(q, n.start, n.end) for q, n in whole]
            if all(readings) and not ctx.noted(here):
                yield ctx.problem(
                    here,
                    "E510",
                    f"{fields.dotted(here)}: {readings[0]}; say so in a curation note "
                    f"(field: {fields.dotted(here)} or a field above it)",
                )
    yield from _walk(ctx, path, agent, node, quotes, skip=("dose", "unit"))


_UNIT_GOES_ON = re.compile(r"\s*(?:/|per\b)", re.I)  # "mg/m2" of "mg/m2/day" or "mg/m2 per day"


def _whole_unit(quote: str, at: int, unit: str) -> bool:
    """Whether the words from at are the unit whole: not a unit cut before the "/day" or "per day"
    that goes on with it ("30 mg/m2/day" is no dose of 30 mg/m2)."""
    if not lexicon.unit_follows(quote, at, unit):
        return False
    return not _UNIT_GOES_ON.match(quote[at:].lstrip(), len(lexicon.nfkc(unit)))


def _count(ctx: Context, path: Path_, enrollment: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    # a count the quote states, unless the words of its sentence the quote leaves out make it a part's or
    # another group's ("3 patients" of "3 patients at each dose level", "40 patients" of "... were assessed")
    counted = [c for q in quotes for c, at in lexicon.count_places(q) if _counted_there(ctx, path, q, at)]
    if not any(lexicon.same_number(c, enrollment["count"]) for c in counted):
        said = ", ".join(lexicon.number_text(c) for c in counted) or "no number of participants"
        yield ctx.problem(
            path + ("count",),
            "E508",
            f"{fields.dotted(path)}.count: {enrollment['count']} is not the number of "
            f"participants the quote states ({said}) {_cut(quotes)}",
        )
    yield from _walk(ctx, path, enrollment, node, quotes, skip=("count",))


def _counted_there(ctx: Context, path: Path_, quote: str, start: int) -> bool:
    """Whether some place the cited sources give the quote, where they state the field, reads the number
    at quote[start:] as a count in its sentence there too (sentences.around); True where they
    give it nowhere."""
    seen = False
    for text, at, lo, hi in _quoted_sentences(ctx, path[:1], quote):
        seen = True
        if any(c == at - lo + start for _, c in lexicon.count_places(text[lo:hi])):
            return True
    return not seen


# --- dates ----------------------------------------------------------------------------------------


def _date_struct(ctx: Context, path: Path_, struct: dict, node: dict, quotes: list[str]) -> Iterator[Problem]:
    yield from _date(ctx, path + ("date",), struct["date"], quotes)
    yield from _walk(ctx, path, struct, node, quotes, skip=("date",))


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
        f"{fields.dotted(path)}: the quote {_cut(quotes)} gives neither dates.{name}'s date nor its label"
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
            f"{fields.dotted(path)}: {value} is not written in its quote {_cut(quotes)}"
            + (f" (it gives {written})" if written else ""),
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
    if not _noted_as(ctx, path, name):
        yield ctx.problem(
            path,
            "E510",
            f"{fields.dotted(path)}: the quote does not label {value}; say in a curation note "
            f"(field: {fields.dotted(path[:2])}, or a field above it naming the {name.replace('_', ' ')} "
            f"date) which date it is",
        )


def _noted_as(ctx: Context, path: Path_, name: str) -> bool:
    """Whether a curation note says an unlabelled date is dates.name: a note on that date, or one on a
    field above it (`dates`) that names it ("read as study start and study completion" names no
    primary completion: IM19's completion moved to dates.primary_completion passed under it)."""
    for note in ctx.record.data["curation"].get("notes", []):
        if "field" not in note or path[: len(fields.parse_dotted(note["field"]))] != fields.parse_dotted(note["field"]):
            continue
        if len(fields.parse_dotted(note["field"])) >= 2 or name in _milestones_named(note.get("text", "")):
            return True
    return False


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
    "threshold": _threshold,
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
