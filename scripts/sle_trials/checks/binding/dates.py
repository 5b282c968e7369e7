"""A date bound to its quote (E505, E509, E510): written in the quote under its own label, or with it
in brackets right after it; unlabelled dates read in the order of the record's dates that share the
quote, and named by a curation note; a date's type (actual, estimated) stated for that date; a source's
as_of_label the whole label its as-of quote gives the date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.binding import context
from sle_trials.checks.binding.context import Context, Path_, Walk
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem, quoted
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import date_mentions

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
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
)


DATE_ORDER = (
    "start",
    "primary_completion",
    "completion",
    "first_submitted",
    "first_posted",
    "last_updated",
    "launched",
)


def bind_date(ctx: Context, path: Path_, struct: dict, node: dict, quotes: list[str], walk: Walk) -> Iterator[Problem]:
    yield from date(ctx, path + ("date",), struct["date"], quotes)
    # its type (actual, estimated) stated for that date: in a quote giving the date or its field's label.
    # Read in any quote of the list, "Actual" of "Actual Enrollment: 6 participants" made the start
    # date a page gives as "2024-07-30 (Estimated)" an actual one
    own = frozenset(date_mentions.DATE_LABELS.get(str(path[-1]), ()))
    dated = [
        q
        for q in quotes
        if any(m.value == struct["date"] for m in ctx.reader.dates(q)) or ctx.reader.label_spans(q, own)
    ]
    yield from walk(ctx, path, struct, node, dated or quotes, skip=("date",))


def date_type(ctx: Context, path: Path_, quotes: list[str]) -> Iterator[Problem]:
    """A date's type (actual, estimated) is stated for that date: a quote of it gives the date or a
    label of its field. "Estimated" of a page's "Estimated completion" is the completion's, not the
    launch date's: an estimate the source never says of the launch date."""
    name = str(path[1])
    struct = ctx.record.data.get("dates", {}).get(name)
    date = struct.get("date") if isinstance(struct, dict) else None
    own = frozenset(date_mentions.DATE_LABELS.get(name, ()))
    for quote in quotes:
        if any(m.value == date for m in ctx.reader.dates(quote)) or ctx.reader.label_spans(quote, own):
            return
    others = [quote[a:b] for quote in quotes for a, b in ctx.reader.label_spans(quote, date_mentions.LABEL_TEXTS)]
    yield ctx.problem(
        path,
        "E509",
        f"{fields.dotted(path)}: the quote {quoted(quotes)} gives neither dates.{name}'s date nor its label"
        + (f" (it labels {others[0]!r}, another date)" if others else "")
        + "; quote the type with its date",
    )


def without_other_labels(ctx: Context, name: str, quotes: list[str]) -> list[str]:
    """The quotes with the words of another date's label marked out, as the cited source labels it
    (a quote cut inside such a label is read with the source's words after it): "Estimated" of "Start
    date: 2024-07-30 Estimated completion: 2027-12-31" is the completion's type, not the start's."""
    others = date_mentions.LABEL_TEXTS - frozenset(date_mentions.DATE_LABELS.get(name, ()))
    pattern = ctx.reader.label_pattern(others)
    out = []
    for quote in quotes:
        spans = list(date_mentions.label_spans(quote, pattern))
        for doc in ctx.docs:
            for at in ctx.occurrences(doc.text, quote):
                text = doc.text[at : at + len(quote) + _LABEL_RUN]
                spans += [
                    (a, min(b, len(quote))) for a, b in date_mentions.label_spans(text, pattern) if a < len(quote)
                ]
        for a, b in sorted(set(spans), reverse=True):
            quote = quote[:a] + "[another date's label]" + quote[b:]
        out.append(quote)
    return out


_LABEL_RUN = 60  # how far past a quote's end the source's words are read for a label the quote is cut inside


# The labels of the registry's dates but its last update, which is what a source's as-of date may be.
_OTHER_THAN_UPDATED = date_mentions.LABEL_TEXTS - frozenset(date_mentions.DATE_LABELS["last_updated"])


def _date_field(path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "dates":
        return str(path[1])
    if path[:2] == ("curation", "sources") and path[-1] == "as_of":
        return "as_of"
    return None


def date(ctx: Context, path: Path_, value: str, quotes: list[str]) -> Iterator[Problem]:
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
    if all(
        context.taken_back_where_stated(ctx, path[:2], q, m.start, m.end, reading=date_mentions.date_bound)
        for q, m in same
    ):
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
    own = set(date_mentions.DATE_LABELS.get(name, ()))
    labels = date_mentions.LABEL_TEXTS
    if name == "as_of":
        label = ctx.record.data["curation"]["sources"][path[2]].get("as_of_label")
        own |= set(date_mentions.AS_OF_LABELS)
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
        fields_named = [n for n, texts in date_mentions.DATE_LABELS.items() if other in texts]
        yield ctx.problem(
            path,
            "E509",
            f"{fields.dotted(path)}: the quote gives {value} as {other!r} "
            f"({', '.join('dates.' + n for n in fields_named) or 'another date'}), not as {name}",
        )
        return
    yield from _unlabelled(ctx, path, name, value, quotes)


def _date_taken_back(ctx: Context, path: Path_, quote: str, mention: date_mentions.DateMention) -> bool:
    """Whether the sources take back the date the quote writes at mention: "Start date: 2024-07-30
    (cancelled)", "... (to be confirmed)", "formerly 2024-07-30, now 2025-01-01" each bound a start date
    the source withdraws."""
    return context.taken_back_where_stated(ctx, path[:2], quote, mention.start, mention.end)


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
    ctx: Context, path: Path_, quote: str, mention: date_mentions.DateMention, labels: frozenset[str]
) -> list[str | None]:
    """The label each occurrence of the quote in the cited sources, where they state the date at path,
    gives a date the quote writes with no label before it: the nearest label of the source's text
    before the quote (within LABEL_REACH characters of its passage), with no other date between, or
    else the label written in brackets right after the date (date_mentions.label_of reads both); None for
    an occurrence with neither. Read anywhere in the source, "2024-07-30" of IM19's "Completion date:
    2024-07-30" was a start date by the next trial's "Start date: 2024-07-30" on the same page."""
    out: list[str | None] = []
    for text_of in (text for doc in ctx.docs for text in ctx.texts(doc, path)):
        for at in ctx.occurrences(text_of, quote):
            # the source's words around the quote: a label before it, or one in brackets after the date
            lo = max(0, at - LABEL_REACH)
            text = text_of[lo : at + len(quote) + LABEL_REACH]
            moved = date_mentions.DateMention(mention.value, mention.start + at - lo, mention.end + at - lo)
            out.append(
                date_mentions.label_of(text, moved, date_mentions.label_spans(text, ctx.reader.label_pattern(labels)))
            )
    return out


def _bare_places(ctx: Context, value: str, quotes: list[str]) -> frozenset[tuple[int, int, int]]:
    """Where in the cited sources (a source's index, a passage's where it states the dates, an offset
    in it) the quotes give value as an unlabelled date: each place every occurrence of a quote puts it.
    (Read in the whole source, the same date on another trial's lines made two places of IM19's one
    unlabelled date, which then passed as both its start and its completion.)"""
    out: set[tuple[int, int, int]] = set()
    for quote in quotes:
        spans = ctx.reader.label_spans(quote, date_mentions.LABEL_TEXTS)
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
        if ctx.reader.label_of(quotes[0], m, ctx.reader.label_spans(quotes[0], date_mentions.LABEL_TEXTS)) is None
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
