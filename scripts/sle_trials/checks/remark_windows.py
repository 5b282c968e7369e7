"""E501: the side of an event a curation note or an incomplete entry puts a window of time on ("within the 8 weeks
before screening") that the criterion it speaks of writes on the other side only. Relma-cel's note reads its garbled
exclusion criterion 1 ("prednisone ≥100 within 8 weeks prior to screening mg/d") as "within the 8 weeks before
screening"; hunt 214 made it "after screening", and it passed: the order word of a window was read by nothing. A
reader takes the trial to exclude what happens after screening, where its criterion excludes what came before.

A window is a number and its unit of time with an order word right after (before, prior to, preceding; after,
following), or "the past"/"the last" before it. It is held to the criterion the sentence names (the nearest before it),
or to all the record's criteria where it names none: one of them writes the same number and unit, and none of them
on the side the note says, is a side the record's words do not give.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import NamedTuple

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_remarks, strings
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names

_UNIT = r"(?P<unit>days?|weeks?|months?|years?)"
_BEFORE = r"before|prior[ \t]+to|preceding"
_AFTER = r"after|following"
# a window and its side: "8 weeks before screening", "the past 24 weeks", "24 weeks after enrollment"
_WINDOW = lazy(
    rf"(?i)(?:\b(?P<past>past|last|preceding|previous)[ \t]+)?(?<![\w.])(?P<n>\d+(?:\.\d+)?)[ \t]*{_UNIT}\b"
    rf"(?:[ \t]+(?:(?P<before>{_BEFORE})|(?P<after>{_AFTER}))\b(?:[ \t]+(?:the[ \t]+)?(?P<event>[a-z]+))?)?"
)
_NAMED = lazy(r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)\b")
LISTS = {"inclusion": "inclusion_criteria", "exclusion": "exclusion_criteria"}

RULE = "a remark puts a window of time on the side of its event that the criterion it speaks of writes"


class Window(NamedTuple):
    length: tuple[float, str]  # its number and unit ("week")
    side: str | None  # "before", "after", or None where it says none
    event: str  # the first letters of the event it is on ("scree"), or ""


def check_remark_windows(record: Record) -> Iterator[Problem]:
    """E501: each window a remark puts on a side of its event that the criterion it speaks of writes on the other
    side only. The criteria's windows are read once, where a remark puts a window on a side."""
    eligibility = record.data.get("eligibility") or {}
    criteria = [
        ((name, c.get("number")), c)
        for name, key in LISTS.items()
        for c in eligibility.get(key) or []
        if isinstance(c, dict)
    ]
    if not criteria:
        return iter(())
    written: dict[tuple[str, object], list[Window]] = {}

    def windows() -> dict[tuple[str, object], list[Window]]:
        if not written:
            for key, c in criteria:
                text = " ".join(normalise(t) for t in strings(c))
                written.setdefault(key, []).extend(_window(w) for w in _WINDOW.finditer(text))
        return written

    return said_by_remarks(record, "E501", lambda text: _turned(text, windows), RULE)


def _window(m: re.Match[str]) -> Window:
    side = "before" if m.group("before") or m.group("past") else "after" if m.group("after") else None
    unit = m.group("unit").lower().removesuffix("s")
    return Window((float(m.group("n")), unit), side, (m.group("event") or "").lower().replace("ll", "l")[:5])


def _turned(text: str, windows: Callable[[], dict[tuple[str, object], list[Window]]]) -> Iterator[str]:
    """What text says of each window's side that the criterion it speaks of does not write (the nearest criterion
    the sentence names before it, or all of them)."""
    read = QUOTED.sub(" | ", normalise(text))
    for sentence in note_names.sentences_of(read):
        named = [(m.start(), (m.group("list").lower(), int(m.group("n")))) for m in _NAMED.finditer(sentence)]
        for m in _WINDOW.finditer(sentence):
            said = _window(m)
            if said.side is None:
                continue
            k = bisect_left(named, m.start(), key=lambda pair: pair[0])
            spoken = [windows().get(named[k - 1][1], [])] if k else list(windows().values())
            same = [w for ws in spoken for w in ws if w.length == said.length]
            # (the windows on the same event where a criterion writes one: IM19's exclusion criterion 4 writes 24
            # weeks before screening and 24 after enrolment)
            same = [w for w in same if w.event == said.event] or same
            sides = {w.side for w in same}
            if sides - {None} and said.side not in sides:
                shown = " ".join(m.group().split())
                yield f"puts {shown!r} {said.side} its event, which the criterion it speaks of does not"
