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
import itertools
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

from sle_trials.patterns import lazy
from sle_trials.reading import digits, edges, layouts, lookalike
from sle_trials.reading.criteria_text import ESCAPE
from sle_trials.reading.invisible import DROPPED, unreordered


def shown_text(file: str, raw: bytes) -> str:
    """The text a reader is shown of a source: as received (CR LF as LF), or for a JSON source the
    "key: value" lines the checks read it as (layouts.json_lines), since its quotes are of those."""
    text = raw.decode("utf-8", errors="replace")
    doc = layouts.source_json(file, text)  # what the checks read as JSON, whatever the name
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
    text = unreordered(text)  # as many characters as before: the map back is the same
    i = 0
    while i < len(text):
        script = None if text[i].isascii() else digits.PATTERN.match(text, i)  # "10⁶" is "10^6", as the checks read it
        j = script.end() if script else i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        normal = cluster if cluster.isascii() else lookalike.letters(digits.nfkc(cluster))
        chars.extend((c, i, j) for c in normal)
        i = j
    joined = "".join(c for c, _, _ in chars)
    if "\\" in joined:  # markdown escapes: drop the backslash, keep the character
        dropped = {m.start() for m in ESCAPE.finditer(joined)}
        chars = [c for k, c in enumerate(chars) if k not in dropped]
    out: list[tuple[str, int, int]] = []
    space = False
    for c, start, end in chars:
        if DROPPED.match(c):  # invisible: left out, as the checks leave it out
            continue
        if c.isspace():
            space = bool(out)
            continue
        if space:  # a run of white space is one space, standing where the next word starts
            out.append((" ", start, start))
            space = False
        out.append((c, start, end))
    return Normalised("".join(c for c, _, _ in out), tuple(s for _, s, _ in out), tuple(e for _, _, e in out))


def study_texts(file: str, raw: bytes) -> list[str]:
    """A page of studies (a JSON source of several studies): each study's lines as shown_text shows
    them, in the page's order, so that a trial's quotes are marked in its own study; [] for any other source."""
    doc = layouts.source_json(file, raw.decode("utf-8", errors="replace"))
    studies = doc.get("studies") if isinstance(doc, dict) else doc if isinstance(doc, list) else None
    if not isinstance(studies, list):
        return []
    parent = "studies" if isinstance(doc, dict) else ""  # the key the page's own lines carry (layouts.json_lines)
    return ["\n".join(layouts.json_line(k, v) for k, v in layouts.json_lines(study, parent)) for study in studies]


def find(text: str, needle: str, places: list[str] | None, scope: tuple[int, int]) -> int:
    """Where needle occurs in text[scope]: with places None (the source states the field nowhere in
    particular), its first occurrence there; else its first occurrence inside one of the places
    (passages where the checks read the field). A place made of pieces that do not stand together
    in the text (a layout may join a field's lines) is matched by the occurrence whose surrounding
    words agree with it longest. -1 when it is not there: a quote is never marked on words the
    checks did not read it from."""
    lo, hi = scope
    if places is None:
        return text.find(needle, lo, hi)
    for place in places:
        at = text.find(place, lo, hi)
        while at >= 0:
            hit = text.find(needle, at, at + len(place))
            if hit >= 0:
                return hit
            at = text.find(place, at + 1, hi)
    best, agreed = -1, -1
    hits = list(itertools.islice(edges.occurrences(text, needle, lo, hi), MAX_COMPARED))
    for place in places:
        for inside in itertools.islice(edges.occurrences(place, needle), MAX_COMPARED // 100):
            for hit in hits:
                context = _agreement(text, hit, place, inside, len(needle), scope)
                if context > agreed:
                    best, agreed = hit, context
    return best


# A joined place is compared with at most this many occurrences of a quote (and a hundredth as many
# of its occurrences in the place), each over at most MAX_AGREEMENT characters a side: a hostile
# source repeating a short quote a million times must not make the build quadratic.
MAX_COMPARED = 2000
MAX_AGREEMENT = 200


def _agreement(text: str, hit: int, place: str, inside: int, length: int, scope: tuple[int, int]) -> int:
    """How many characters around needle at text[hit] and at place[inside] are the same (at most
    MAX_AGREEMENT a side)."""
    left = 0
    while (
        left < MAX_AGREEMENT
        and hit - left > scope[0]
        and inside - left > 0
        and text[hit - left - 1] == place[inside - left - 1]
    ):
        left += 1
    right = 0
    while (
        right < MAX_AGREEMENT
        and hit + length + right < scope[1]
        and inside + length + right < len(place)
        and text[hit + length + right] == place[inside + length + right]
    ):
        right += 1
    return left + right


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


# Characters that reorder the text around them (Trojan Source, CVE-2021-42574): a source holding
# them would show a reader other words than the ones marked (a logical "81" displayed as "18").
# Records cannot hold them (E020); in a source's text they are shown as what they are.
BIDI_CONTROL = lazy("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(text: str) -> str:
    """Text escaped for HTML, each bidirectional control written out as [U+XXXX] so it reorders nothing."""
    return BIDI_CONTROL.sub(lambda m: f"[U+{ord(m.group()):04X}]", str(escape(text)))


def render(text: str, marks: list[Mark]) -> Markup:
    """The shown text as escaped HTML with the marks (nested by nest())."""
    out: list[str] = []
    pos = 0
    stack: list[Mark] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(_shown(text[pos : top.end]) + "</mark>")
            pos = top.end

    for mark in nest(marks):
        close_until(mark.start)
        out.append(_shown(text[pos : mark.start]) + _open(mark))
        pos = mark.start
        stack.append(mark)
    close_until(len(text))
    out.append(_shown(text[pos:]))
    return Markup("".join(out))
