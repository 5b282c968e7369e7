"""Which criteria list a plain text's words stand under: the stretches of a source of no layout that
follow its "Inclusion criteria:" or its "Exclusion criteria:" heading.

A layout lists a source's criteria as items of its inclusion and exclusion lists (layouts.Item), and a
record's criterion is held to its own list there (criteria_lists.check_criteria_items, completeness: E512,
E511). A source of no layout (a press release, a paper, a plain page) lists no items, and a record's
criterion was looked for in its words alone: "Weight ≥ 40 kg" written under its "Inclusion criteria:"
heading passed as an exclusion criterion, and both lists swapped whole passed. A heading is read here:

- at a line's start, after a list's or a markdown mark ("## Inclusion Criteria", "**Key exclusion
  criteria:**", "4.1 Inclusion criteria"), or run into a line after a sentence's stop ("... 40 kg. Key
  exclusion criteria: 1. ..."); in any case ("INCLUSION CRITERIA", "Inclusion:", "Exclusions -");
- as the list's heading: its words ended by a colon, a dash, the line's end, or a list's first mark
  ("Inclusion Criteria * 1) ...", a page's lines run into one), with at most a qualifier before it
  ("Key", "Main", "Criteria for": "Criteria for exclusion:") and an aside or "are as follows" after;
  "Non-inclusion criteria" (a French protocol's) heads the exclusions. Words naming a list in a sentence are none
  ("patients meeting the inclusion criteria below", a heading quoted or negated: '"Exclusion
  criteria:"', "No exclusion criteria:"), and end whatever list stood above them: what follows is under
  no one list's heading as far as the check can tell;
- or as a sentence of a list's words, to its end ("Inclusion criteria were age ≥ 18 years and ...",
  "Exclusion criteria included pregnancy;"), not one saying they were not met or were changed.

A list under its heading runs until the next list's heading, or until what ends it: any other heading
(a label, "Outcome measures:", a line in capitals or a headline, a line ending in a colon), a line of
its own naming a trial (another trial's section of the page, layouts.trial_sections), a line naming an
inclusion, an exclusion or eligibility otherwise, a paragraph after a blank line that is no item of a
list, a line of no mark opening a block after the list's marked items ("Who cannot take part"; not a
line its item wraps into, nor a sub-item under an item ending in a colon), or a line the document's text
does not hold as read (a reading that parts from the text's). A note between items ("Note: ...") is
under no heading, and the list goes on after it, as it does after a clause inside it that speaks of the
other list ("... SLEDAI-2K ≥ 6. Patients with pregnancy were excluded.", "(... were not eligible)"). The
text before any heading, and after a list ends, is under none: a criterion standing there may be
either list's. Each reading that cannot tell ends the list rather than extend it: a list read past its
end would refuse an honest criterion standing after it.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import sentences
from sle_trials.reading.criteria_text import LINE_HEADING, RUN_IN_HEADING, SIDE_WORD, side_named
from sle_trials.reading.layouts import named_trials

INCLUSION, EXCLUSION = "inclusion", "exclusion"


class Stretch(NamedTuple):
    """A run of a document's text (start and end in its normalised text) under one list's heading."""

    start: int
    end: int
    side: str  # INCLUSION or EXCLUSION
    heading: str  # the heading as the source writes it ("Key exclusion criteria:"), for a message
    at: int  # where the heading begins in the text (start is where it ends)
    # the clauses inside it that speak of the other list ("... ≥ 6. Patients with pregnancy were excluded."), in
    # order and apart: under no one list's heading (_holes)
    holes: tuple[tuple[int, int], ...] = ()


# What a run of the text across a list's heading is under: no one list's (side_of)
ACROSS = "across"


def side_of(stretches: tuple[Stretch, ...], starts: list[int], at: int, end: int) -> tuple[str | None, Stretch | None]:
    """What the run of a document's text from at to end stands under (stretches: the document's, in
    order; starts: their starts), and the stretch it is of: a list's side where it stands in that
    list's stretch whole, its heading's words at most before it ("Exclusion criteria included
    pregnancy"); ACROSS where it runs into a heading from words before it, or across two ("SLEDAI-2K ≥ 6
    Exclusion criteria: 1. Pregnancy": words of two lists, or of none and a list); None where it stands
    under no one list's heading."""
    k = bisect.bisect_right(starts, at) - 1
    # the headings whose words the run holds: of the stretches starting after at (past a heading's
    # words), those whose heading begins before end
    touched = [s for s in stretches[k + 1 : bisect.bisect_left(starts, end) + 1] if s.at < end]
    if not touched:
        if k >= 0 and end <= stretches[k].end and not _in_a_hole(stretches[k], at, end):
            return stretches[k].side, stretches[k]
        return None, None
    first = touched[0]
    if len(touched) == 1 and at >= first.at and end <= first.end:
        return (None, None) if _in_a_hole(first, at, end) else (first.side, first)
    return ACROSS, first


def _in_a_hole(stretch: Stretch, at: int, end: int) -> bool:
    """Whether the run from at to end stands whole in a clause of the stretch that speaks of the other list."""
    k = bisect.bisect_right(stretch.holes, at, key=lambda hole: hole[0]) - 1
    return k >= 0 and stretch.holes[k][0] <= at and end <= stretch.holes[k][1]


# A sentence of a list's words ("Inclusion criteria were age ≥ 18 years and SLEDAI-2K ≥ 6. Exclusion
# criteria included pregnancy."): its words to its end are that list's, at a line's start or after a stop
_SENTENCE_HEADING = lazy(
    r"(?i)(?:\A|(?<=[.;!?])\s+)[*_]{0,3}(?P<words>(?:(?:key|main|major|principal)\s+)?"
    rf"(?P<side>{SIDE_WORD})"
    r"\s+criteri(?:a|on)\s+(?:were|are|was|is|included|include[sd]?|comprised|consisted\s+of))"
    r"(?!\s+(?:not|no|never|met|applied|amended|changed|revised|as\s+follows)\b)(?=\s+\w)"
)
# ... which ends at a stop or a semicolon before a space, or at its line's end (sentences.ANY_END: not at an
# abbreviation's stop, "Exclusion criteria included active infection, e.g. hepatitis B, and pregnancy.")
_SENTENCE_END = sentences.ANY_END
# Words that name a list otherwise: in a sentence, quoted, negated, both lists at once ("Inclusion/
# Exclusion Criteria"), another list ("eligibility criteria"): under no one list's heading after them
_NAMED_OTHERWISE = lazy(
    r"(?i)\b(?:inclusion|exclusion|eligibility|entry|enrol?ment|selection)s?\s+criteri(?:a|on)\b"
    r"|\b(?:inclusion|exclusion)s?\s*[:\u2013\u2014]"
)
# ... and, on a line of no list's mark, any word of including, excluding or being eligible ("Patients were
# excluded if they had", "Exclusionary criteria", "Ineligible patients"): a list's heading the check does
# not read as one
_OF_ELIGIBILITY = lazy(r"(?i)\b(?:in|ex)clu[ds]|\b(?:in|un)?eligib")
# A list's mark at a line's start: a bullet, a number or letter and its mark ("1.", "(a)", "2)", "3、"),
# an enclosed number ("①", "⑴")
_MARK = lazy(
    r"(?:[-*+\u2022\u00b7\u2013\u25aa\u25e6]\s|\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})[.)\u3001]"
    r"|\d{1,3}-\s|[\u2460-\u2487])"
)
# A note's label at a line's start ("Note:", "*NOTE -", "N.B.")
_NOTE = lazy(
    r"(?i)[*_(\[]{0,3}\s*(?:(?:notes?|nb|please note)\s*[*_]{0,2}\s*(?::|[-\u2013\u2014](?=\s)|[)\]])|n\.\s?b\.)"
)
# Another heading run into a line after a sentence's stop ("... 40 kg. Outcome measures: SRI-4")
_RUN_IN_LABEL = lazy(r"(?<=[.;!?])\s+(?=" + sentences.LABEL.pattern + ")")
# ... not a list's mark's: an ordinal at the line's start, or after a colon, a stop or a bullet
_MARK_BEFORE = lazy(r"(?:^|[:.;!?]\s|[-*\u2022]\s)\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})\Z")
# Any word of a list's side, looked for first: a text naming none has no heading to read
_ANY_SIDE = lazy(r"(?i)inclusion|exclusion")
# Where a source's spaced text (spacing.source_text) breaks its lines: a line break, or where two JSON values meet
_LINE_BREAKS = lazy(r"[\n\r\x00]")
# How far past where the line before ends a line may stand in the normalised text: a paragraph's
# separator (layouts.set_apart) stands between two lines there
_SLACK = 8
# The words a line ends on that go on in the next: an item wrapped there
_JOINING = sentences.SMALL_WORDS | frozenset("with without than or and nor not no if when who whose which that".split())
# A section's number before a heading ("5 ", "4.2 ")
_SECTION_NUMBER = lazy(r"\A\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+")


def stretches(spaced: str, text: str) -> tuple[Stretch, ...]:
    """The stretches of a plain document's text (its normalised text; spaced: the same text with its
    lines, spacing.source_text) under each list's heading, in order."""
    if not _ANY_SIDE.search(text):
        return ()
    out: list[Stretch] = []
    side: str | None = None
    start, heading, opened = 0, "", 0
    held = False  # whether the list has a line of its own under its heading yet
    marked = False  # ... and a line opening with a list's mark
    colon = False  # whether the list's last marked item ends in a colon, its unmarked lines after it its own
    worded = False  # whether the list's words began on its heading's line ("Inclusion criteria: adults with SLE.")
    blank = False  # whether a blank line came before this one
    last = ""  # the line before
    at = 0  # where the line before ends in text
    clauses: list[tuple[int, int, int, str]] = []  # the clauses speaking of a list (_speaking), in the text

    def close(end: int) -> None:
        if side is not None and end > start:
            out.append(Stretch(start, end, side, heading, opened))

    for raw in _LINE_BREAKS.split(spaced):
        line = " ".join(raw.split())
        if not line:
            blank = True
            continue
        found = text.find(line, at, at + len(line) + _SLACK)
        if found < 0:  # a line the text does not hold where the one before ends: under no heading
            close(at)
            side, blank = None, False
            continue
        clauses += [(found + w, found + lo, found + hi, said) for w, lo, hi, said in _speaking(line)]
        item = _MARK.match(line) is not None
        # a note inside a list ("Note: ...", "NB: ...") may be of either list's items: its words are under
        # no heading, and the list goes on after it
        note = side is not None and not item and _NOTE.match(line) is not None
        # a line of no mark after a blank line, or opening a block of its own after a list's marked items,
        # is no line of that list (a paragraph, a heading the check does not read as one); but the
        # unmarked lines under an item ending in a colon are its sub-items ("... at least one of:", "ANA")
        apart = held and not item and (blank or marked and not colon and _opens_a_block(raw, line, last))
        # ... and, after a heading run into its words, a line opening a sentence after the one before has ended
        # is a paragraph of its own: a page's paragraphs, one a line with no blank between ("Key inclusion
        # criteria: adults with SLE." / "Of 12 patients, none had active tuberculosis.")
        apart = apart or worded and not item and not marked and last[-1:] in ".!?" and _opens_a_block(raw, line, last)
        events = _events(line, apart, own=note or (colon and not blank))
        for where, begins, now, words in events:
            close(found + where)
            side, start, heading, opened = now, found + begins, words, found + where
            held, marked, colon = False, False, False
        if any(now is not None for _, _, now, _ in events):
            worded = side is not None and start < found + len(line)
        if note and not events:
            close(found)
            start = opened = found + len(line)  # (the list goes on after the note, with no words of its heading)
        held = held or side is not None and start < found + len(line)
        marked = marked or side is not None and item
        colon = (colon or item) and side is not None and (not item or line.endswith(":"))
        at, blank, last = found + len(line), False, line
    close(len(text))
    return _with_holes(out, clauses)


# Words of a list's side said in a list's words ("Patients with pregnancy were excluded", "... were not
# eligible", "... cannot take part"; "Patients aged 18-65 were included"): of the exclusions', or of the inclusions'
_SPEAKS = lazy(
    r"(?i)(?P<ex>\bexclu\w*|\bnon-?inclu\w*|\b(?:in|non-?)eligib\w*|\bnot\s+(?:be\s+)?eligib\w*"
    r"|\b(?:cannot|can\s+not|can[’']t|may\s+not|must\s+not|will\s+not|not\s+be\s+able\s+to)\s+"
    r"(?:take\s+part|join|participate|enrol|enroll|be\s+(?:enrolled|enroled|included|recruited))\b)"
    r"|(?P<in>\binclu\w*|\beligib\w*)"
)
# ... and where the clause they are said in ends: a stop, a semicolon, a parenthesis
_CLAUSE_END = lazy(sentences.ANY_END.pattern + r"|[()]")


def _speaking(line: str) -> list[tuple[int, int, int, str]]:
    """The clauses of a line (normalised) that speak of a list's side: (where the word is, where its clause
    begins and ends, the side), in order and apart. A clause is bounded by a stop, a semicolon, a parenthesis
    or the line's ends."""
    if not _SPEAKS.search(line):
        return []
    ends = [m.start() for m in _CLAUSE_END.finditer(line)]
    out: dict[tuple[int, int, str], int] = {}
    for m in _SPEAKS.finditer(line):
        k = bisect.bisect_left(ends, m.start())
        lo, hi = ends[k - 1] + 1 if k else 0, ends[k] if k < len(ends) else len(line)
        out.setdefault((lo, hi, EXCLUSION if m.group("ex") else INCLUSION), m.start())
    return [(w, lo, hi, said) for (lo, hi, said), w in out.items()]


def _with_holes(out: list[Stretch], clauses: list[tuple[int, int, int, str]]) -> tuple[Stretch, ...]:
    """The stretches, each with the clauses inside it that speak of the other list as its holes: "Inclusion
    criteria: adults with SLE. Patients with pregnancy or active infection were excluded." holds exclusions
    after the inclusions' heading, and its "active infection" as an exclusion criterion was refused (E512).
    Such a clause is under no one list's heading; the list goes on after it ("2. SLEDAI-2K ≥ 6 (patients with
    pregnancy were excluded) 3. Weight ≥ 40 kg")."""
    starts = [s.start for s in out]
    holes: dict[int, list[tuple[int, int]]] = {}
    for where, lo, hi, said in clauses:
        k = bisect.bisect_right(starts, where) - 1
        if k < 0 or where >= out[k].end or said == out[k].side:
            continue
        hole = (max(lo, out[k].start), min(hi, out[k].end))
        if not holes.get(k) or holes[k][-1] != hole:
            holes.setdefault(k, []).append(hole)
    return tuple(Stretch(*s[:5], tuple(holes[k])) if k in holes else s for k, s in enumerate(out))


def _opens_a_block(raw: str, line: str, last: str) -> bool:
    """Whether a line of no list's mark (line: normalised; raw: as written) opens a block of its own
    after a list's line (last), rather than going on with its item: not indented, opening with a capital,
    after a sentence's stop or short and ending in none ("Who cannot take part")."""
    if raw[:1].isspace() or not line[:1].isupper():
        return False
    if last[-1:] in ",;:(-/" or last.rsplit(" ", 1)[-1].lower() in _JOINING:
        return False  # (an item wrapped after a word that goes on: "1. Body weight of", "Weight ≥ 40 kg")
    return last[-1:] in ".!?" or (len(line.split()) <= 8 and line[-1] not in ".;,")


def _events(line: str, apart: bool, own: bool = False) -> list[tuple[int, int, str | None, str]]:
    """Where a line (normalised) ends the list above it, and what starts there: (where the list above
    ends, where the next starts, its side or None, its heading's words), in order. apart: the line
    is none of the list's above, by where it stands (_opens_a_block, a paragraph); own: it is (a note,
    an item's sub-item), however it is worded."""
    events: list[tuple[int, int, str | None, str]] = []
    opening = LINE_HEADING.match(line)
    if opening is not None:
        events.append(_heading(opening, line))
    elif _MARK.match(line) is None and not own and (apart or _ends_a_list(line)):
        events.append((0, 0, None, ""))
    events += [_heading(m, line) for m in RUN_IN_HEADING.finditer(line) if _a_stop(line, m.start())]
    listed = {lo for lo, _, side, _ in events if side is not None}
    for m in _SENTENCE_HEADING.finditer(line):
        if m.start("words") not in listed and (m.start() == 0 or _a_stop(line, m.start())):
            stop = _SENTENCE_END.search(line, m.end())
            end = len(line) if stop is None else stop.end()
            events += [_heading(m, line), (end, end, None, "")]
    # the headings' spans, in order and apart: words naming a list inside one are the heading's own
    spans = [(lo, hi) for lo, hi, side, _ in events if side is not None]
    starts = [lo for lo, _ in spans]
    run_in = (m for m in _RUN_IN_LABEL.finditer(line) if _a_stop(line, m.start()))
    for m in (*_NAMED_OTHERWISE.finditer(line), *run_in):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= spans[k][1]:
            events.append((m.start(), m.start(), None, ""))
    return sorted(events, key=lambda event: event[:2])


def _a_stop(line: str, after: int) -> bool:
    """Whether the stop before position after (its space's) ends a sentence, not a list's mark ("1." of
    "criteria: 1. Weight Key ...", which read as a label's stop ended the list at its first item)."""
    return _MARK_BEFORE.search(line, max(0, after - 12), after - 1) is None


def _heading(match: re.Match[str], line: str) -> tuple[int, int, str | None, str]:
    lo = match.start("words")
    # ("Non-inclusion criteria", a French protocol's critères de non-inclusion, heads the exclusion list)
    return lo, match.end(), side_named(match.group("side")), line[lo : match.end()].strip(" *_")


def _ends_a_list(line: str) -> bool:
    """Whether a line of no list's mark is a heading of something else, or names an inclusion, an
    exclusion or eligibility otherwise than as a list's heading: a label ("Outcome measures:", "Age:
    18 years"), a line ending in a colon, a line in capitals, a headline ("Study Design"), or a line
    naming a trial."""
    if sentences.LABEL.match(line) or line.endswith(":") or _OF_ELIGIBILITY.search(line):
        return True
    if line.upper() == line and any(c.isalpha() for c in line):
        return True
    return _headline(line) or bool(named_trials(line))


def _headline(line: str) -> bool:
    """A headline's line, after a section's number at most ("5 Study Treatment"): short, no digit and no
    stop, every word capitalised but the small ones, two at least in more than capitals ("Outcome
    Measures"; "Adults with SLE" is an item's words)."""
    line = _SECTION_NUMBER.sub("", line)
    words = line.split()
    if not words:
        return False
    if len(words) > 8 or any(c.isdigit() for c in line) or line[-1] in ".;,":
        return False
    lettered = [w for w in words if w[:1].isalpha()]
    titled = [w for w in lettered if w[0].isupper() and not w.isupper()]
    return len(titled) >= 2 and all(w[0].isupper() or w.lower() in sentences.SMALL_WORDS for w in lettered)
