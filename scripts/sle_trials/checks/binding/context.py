"""What binding one record needs besides a value and its quotes (Context), and the places its quotes
stand in its sources, read around: each quote's sentence where a source states the field, and whether
the words there take a value back. Every reading of the package reads them; a record whose quotes stand
in more places than PLACES_READ is refused unchecked (E530, declared in evidence.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.problem import Problem
from sle_trials.reading import edges, retracted, scopes, sentence_case, sentences
from sle_trials.reading.layouts import Passage, SourceDoc, normalise
from sle_trials.reading.lexicon import dosing, run_memory

Path_ = fields.Path_
# The walk of a value's parts (binding.walk), handed to each reading that reads only some parts of its
# value (binding.BINDERS) to bind the others as any value: the readings stand below the walk, which
# calls them, and are given it rather than importing it (data flows one way)
Walk = Callable[..., Iterator[Problem]]


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
    reader: run_memory.Reader  # the run's remembered readings of quotes
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
        thresholds = self.record.data.get("eligibility", {}).get("thresholds", [])
        # the conditions the record gives the thresholds of each criterion, normalised once
        self._conditions: dict[tuple[str, tuple[int, ...]], list[str]] = {}
        self._criteria: dict[tuple[str, int], str] = {}  # (list, position) -> criterion(): its text, normalised
        # every threshold's measure, normalised once and as its criterion writes it (a first letter a curator
        # recased read as the criterion's: sentence_case): a threshold's own must stand nearest its statement
        self.measures = [self._as_written(t) for t in thresholds]
        self._layouts: dict[Path_, tuple[scopes.Span, ...]] = {}  # criterion path -> layout(): its items' spans
        self._conditional: dict[Path_, bool] = {}  # criterion path -> conditional()
        for t in thresholds:
            held = self._conditions.setdefault(self._criterion_key(t["criterion"]), [])
            held += [c for c in self.conditions_as_written(t) if c not in held]

    def _as_written(self, t: dict) -> str:
        """t's measure, normalised, as its criterion writes it (sentence_case.as_written)."""
        measure = normalise(t["measure"])
        found = self.criterion(t["criterion"]) if isinstance(t.get("criterion"), dict) else None
        return measure if found is None else sentence_case.as_written(measure, [found[1]])

    def conditions_as_written(self, t: dict) -> list[str]:
        """t's conditions, normalised, each as its criterion writes it (sentence_case.as_written): "if biological
        agents ... are used" given as "If biological agents ...", a condition's opening word in sentence case."""
        conditions = [normalise(c) for c in t.get("conditions", [])]
        found = self.criterion(t["criterion"]) if isinstance(t.get("criterion"), dict) else None
        return conditions if found is None else [sentence_case.as_written(c, [found[1]]) for c in conditions]

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
        (dosing.named_in_note): a note on the field about something else excuses no reading."""
        return any(path[: len(n)] == n and dosing.named_in_note(reading, text) for n, text in self._notes)

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


def quoted_sentences(ctx: Context, place: Path_, quote: str) -> Iterator[tuple[str, int, int, int]]:
    """Each place the cited sources give the quote, where they state the field at place (anywhere in a
    source that places it nowhere): (the passage's text, where the quote stands in it, and the start
    and end of its sentence there, sentences.around), for the words the quote leaves out."""
    for _, text, at, lo, hi in quoted_sentences_of(ctx, place, quote):
        yield text, at, lo, hi


def quoted_sentences_of(ctx: Context, place: Path_, quote: str) -> Iterator[tuple[SourceDoc, str, int, int, int]]:
    """quoted_sentences, each with the document it is in."""
    for doc in ctx.docs:
        for text in ctx.texts(doc, place):
            for at in ctx.occurrences(text, quote):
                # a reading the document keeps: the sentence is looked for from the passage's start
                end = at + len(quote)
                lo, hi = doc.reading(
                    ("sentence around", text, at, end), functools.partial(sentences.around, text, at, end)
                )
                yield doc, text, at, lo, hi


def next_clause_end(text: str, hi: int, stops: tuple[str, ...] = (";",)) -> int:
    """Where the clause after a semicolon (or another of stops) at text[hi] ends, else hi: a sentence's
    words past a semicolon."""
    return sentences.around(text, hi + 1, hi + 1)[1] if text.startswith(stops, hi) else hi


def taken_back_where_stated(
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
    the value none, as date_mentions.date_bound), or with whole the statement the quote is; the quote alone
    where no source states it there."""
    seen = False
    for text, at, _, _ in quoted_sentences(ctx, path, quote):
        seen = True
        if not (reading(text, at + start, at + end) or (whole and reading(text, at, at + len(quote)))):
            return False
    return seen or reading(quote, start, end)
