"""Highlight: a source document's text as HTML, each quoted passage in a <mark> a value links to.

The checks compare quotes with a source's *normalised* text (layouts.normalise: Unicode NFKC,
markdown backslash escapes removed, white space collapsed). A reader wants the text as received, so
the text is normalised here with a map from every normalised character back to the characters of
the received text it came from: a quote found in the normalised text is marked on the received text.

Quotes overlap (one quote holds another, two share words), and HTML elements cannot overlap: the
marks are split where they cross, so they nest; the first piece of each mark carries its id. All
text is escaped: a source is data, never markup.
"""

from __future__ import annotations

import heapq
import json
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

from sle_trials.reading import layouts
from sle_trials.reading.criteria_text import ESCAPE


def shown_text(file: str, raw: bytes) -> str:
    """The text a reader is shown of a source: as received (CR LF as LF), or for a JSON source the
    "key: value" lines the checks read it as (layouts.json_lines), since its quotes are of those."""
    text = raw.decode("utf-8", errors="replace")
    if file.lower().endswith(".json"):
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            doc = None
        if doc is not None:
            return "\n".join(layouts.json_line(k, v) for k, v in layouts.json_lines(doc))
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Normalised:
    """A text normalised as the checks normalise it, each character mapped back to the shown text."""

    text: str
    starts: tuple[int, ...]  # per normalised character: where its characters begin in the shown text
    ends: tuple[int, ...]  # ... and end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The shown text's range behind the normalised range [start, end)."""
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> Normalised:
    """layouts.normalise with a map back. NFKC is applied to each character with its combining marks
    (what NFKC composes), so a rare sequence NFKC treats across characters may normalise apart; the
    quote is then not found and the page says so, rather than marking the wrong words."""
    chars: list[tuple[str, int, int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        chars.extend((c, i, j) for c in (cluster if cluster.isascii() else unicodedata.normalize("NFKC", cluster)))
        i = j
    joined = "".join(c for c, _, _ in chars)
    if "\\" in joined:  # markdown escapes: drop the backslash, keep the character
        dropped = {m.start() for m in ESCAPE.finditer(joined)}
        chars = [c for k, c in enumerate(chars) if k not in dropped]
    out: list[tuple[str, int, int]] = []
    space = False
    for c, start, end in chars:
        if c.isspace():
            space = bool(out)
            continue
        if space:  # a run of white space is one space, standing where the next word starts
            out.append((" ", start, start))
            space = False
        out.append((c, start, end))
    return Normalised("".join(c for c, _, _ in out), tuple(s for _, s, _ in out), tuple(e for _, _, e in out))


def find(text: str, needle: str, places: list[str] | None) -> int:
    """Where needle occurs in text: first inside one of the places (passages where the source states
    the field, as the checks read it), else its first occurrence anywhere; -1 when it does not occur."""
    first = text.find(needle)
    if first < 0 or not places:
        return first
    for place in places:
        if needle not in place:
            continue
        at = text.find(place)
        while at >= 0:
            hit = text.find(needle, at, at + len(place))
            if hit >= 0:
                return hit
            at = text.find(place, at + 1)
    return first


@dataclass(frozen=True)
class Mark:
    """A highlighted range of the shown text: a quote (or a verbatim value) some values link to."""

    start: int
    end: int
    id: str | None  # None on the pieces after the first of a mark split where another crosses it
    kind: str  # "quote" or "verbatim": a CSS class
    label: str = ""  # the fields it supports, as a tooltip


def nest(marks: list[Mark]) -> list[Mark]:
    """The marks as properly nested pieces: a mark crossing the end of one it starts inside is cut
    there and goes on after it (without the id). Sorted by start, longest first."""
    queue = [((m.start, -m.end, n), m) for n, m in enumerate(marks) if m.start < m.end]
    heapq.heapify(queue)
    pieces: list[Mark] = []
    open_ends: list[int] = []
    counter = len(queue)
    while queue:
        _, mark = heapq.heappop(queue)
        while open_ends and open_ends[-1] <= mark.start:
            open_ends.pop()
        if open_ends and mark.end > open_ends[-1]:
            cut = open_ends[-1]
            pieces.append(Mark(mark.start, cut, mark.id, mark.kind, mark.label))
            rest = Mark(cut, mark.end, None, mark.kind, mark.label)
            heapq.heappush(queue, ((rest.start, -rest.end, counter), rest))
            counter += 1
            open_ends.append(cut)
        else:
            pieces.append(mark)
            open_ends.append(mark.end)
    return pieces


def _open(mark: Mark) -> str:
    attrs = f' id="{escape(mark.id)}"' if mark.id else ""
    title = f' title="{escape(mark.label)}"' if mark.label else ""
    return f'<mark class="{escape(mark.kind)}"{attrs}{title}>'


def render(text: str, marks: list[Mark]) -> Markup:
    """The shown text as escaped HTML with the marks (nested by nest())."""
    out: list[str] = []
    pos = 0
    stack: list[Mark] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(str(escape(text[pos:top.end])) + "</mark>")
            pos = top.end

    for mark in nest(marks):
        close_until(mark.start)
        out.append(str(escape(text[pos:mark.start])) + _open(mark))
        pos = mark.start
        stack.append(mark)
    close_until(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
