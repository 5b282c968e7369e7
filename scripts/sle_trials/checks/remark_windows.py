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
from collections.abc import Iterator

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


def check_remark_windows(record: Record) -> Iterator[Problem]:
    """E501: each window a remark puts on a side of its event that the criterion it speaks of writes on the other
    side only."""
    eligibility = record.data.get("eligibility") or {}
    texts = {
        (name, c.get("number")): " ".join(normalise(t) for t in strings(c))
        for name, key in LISTS.items()
        for c in eligibility.get(key) or []
        if isinstance(c, dict)
    }
    if not texts:
        return iter(())
    return said_by_remarks(record, "E501", lambda text: _turned(text, texts), RULE)


def _side(m: re.Match[str]) -> str | None:
    """The side of its event a match of _WINDOW puts the window on, or None where it says none."""
    if m.group("before") or m.group("past"):
        return "before"
    return "after" if m.group("after") else None


def _turned(text: str, texts: dict[tuple[str, object], str]) -> Iterator[str]:
    """What text says of each window's side that the criterion it speaks of does not write."""
    read = QUOTED.sub(" | ", normalise(text))
    for sentence in note_names.sentences_of(read):
        for m in _WINDOW.finditer(sentence):
            side = _side(m)
            if side is None:
                continue
            named = list(_NAMED.finditer(sentence, 0, m.start()))
            key = (named[-1].group("list").lower(), int(named[-1].group("n"))) if named else None
            spoken = [texts.get(key, "")] if key else [*texts.values()]
            written = [w for t in spoken for w in _WINDOW.finditer(t) if _same_length(w, m)]
            # (the windows on the same event where a criterion writes one: IM19's exclusion criterion 4 writes 24
            # weeks before screening and 24 after enrolment)
            written = [w for w in written if _event(w) == _event(m)] or written
            sides = {_side(w) for w in written}
            if sides - {None} and side not in sides:
                yield f"puts {' '.join(m.group().split())!r} {side} its event, which the criterion it speaks of doesn't"


def _event(m: re.Match[str]) -> str:
    """The event a window is on, as far as its first letters tell ("enrollment", "enrolment": "enrol")."""
    return (m.group("event") or "").lower().replace("ll", "l")[:5]


def _same_length(one: re.Match[str], other: re.Match[str]) -> bool:
    return float(one.group("n")) == float(other.group("n")) and _unit(one) == _unit(other)


def _unit(m: re.Match[str]) -> str:
    return m.group("unit").lower().removesuffix("s")
