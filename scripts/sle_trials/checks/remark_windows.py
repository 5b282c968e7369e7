"""E501: the side of an event a curation note or an incomplete entry puts a window of time on ("within the 8 weeks
before screening") that the criterion it speaks of writes on the other side only. Relma-cel's note reads its garbled
exclusion criterion 1 ("prednisone ≥100 within 8 weeks prior to screening mg/d") as "within the 8 weeks before
screening"; hunt 214 made it "after screening", and it passed: the order word of a window was read by nothing. A
reader takes the trial to exclude what happens after screening, where its criterion excludes what came before.

And what a criterion's window is said to reach alone ("Exclusion criterion 8's window covers only the myocardial
infarction"): IM19's window of 6 months is on its whole list of heart conditions, and the rewrite passed (hunt 216).
A window said to cover only some of the items of the measure the record gives its limit of time (its commas and "or"
parting them) is refused (check_remark_window_reach).

A window is a number and its unit of time with an order word right after (before, prior to, preceding; after,
following), or "the past"/"the last" before it. It is held to the criterion the sentence names (the nearest before it),
or to all the record's criteria where it names none: one of them writes the same number and unit, and none of them
on the side the note says, is a side the record's words do not give. An order word after a window where the note
says where the criterion writes it among its own things ("writes its window of 6 months after its heart
conditions") puts it on no event's side: remark_order judges that order (hunt 217's honest note).

And two lengths of the record's criteria a note sets against each other ("Exclusion criterion 8's window is shorter
than exclusion criterion 4's", hunt 223's leftover): check_remark_lengths_compared.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import NamedTuple

from sle_trials.checks.load import Record
from sle_trials.checks.remark_order import WRITTEN
from sle_trials.checks.remarks import QUOTED, said_by_remarks, strings
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names
from sle_trials.reading.lexicon.quantities import CARDINALS

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
            if said.side is None or _placed_in_the_text(sentence, m):
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


# a word after a window's order word naming a thing of the criterion's text ("after its heart conditions")
_ITS = frozenset({"its", "their"})
_CLAUSE = lazy(r"[,;:()\[\]]")


def _placed_in_the_text(sentence: str, m: re.Match[str]) -> bool:
    """Whether the order word after a window says where the criterion writes it among its words ("Exclusion criterion
    8 writes its window of 6 months after its heart conditions"), a verb of writing before it in its clause and a
    thing of the criterion's own after it: remark_order judges that order, and its event is none."""
    if (m.group("event") or "").lower() not in _ITS:
        return False
    start = max((c.end() for c in _CLAUSE.finditer(sentence, 0, m.start())), default=0)
    return WRITTEN.search(sentence, start, m.start()) is not None


# a window said to reach some things alone: "covers only the myocardial infarction", "applies to MI alone"
_REACH = r"(?:covers?|appl(?:y|ies)[ \t]+to|reach(?:es)?|spans?|bounds?)"
_ONLY = lazy(
    rf"(?i)\bwindows?\b[^.;]*?\b{_REACH}[ \t]+"
    r"(?:only[ \t]+(?P<only>[^.;()]+)|(?P<alone>[^.;()]+?)[ \t]+(?:alone|only)\b)"
)
_DENIED = lazy(r"(?i)\b(?:not|never|nor|whether|if)\b|n't\b")
_ITEMS = lazy(r"(?i),[ \t]*(?:or|and)?[ \t]*|[ \t]+(?:or|and)[ \t]+")
_CONTENT = lazy(r"[^\W\d_]{4,}")
_TIME_UNITS = frozenset({"days", "weeks", "months", "years", "hours"})


def check_remark_window_reach(record: Record) -> Iterator[Problem]:
    """E501: each criterion's window a remark says covers only some items of the measure the record gives its limit
    of time, the criterion named before it in its sentence."""
    eligibility = record.data.get("eligibility") or {}
    measures: dict[tuple[str, object], list[str]] = {}
    for t in eligibility.get("thresholds") or []:
        ref = t.get("criterion") if isinstance(t, dict) else None
        if (
            isinstance(ref, dict)
            and str(t.get("unit", "")).casefold() in _TIME_UNITS
            and isinstance(t.get("measure"), str)
        ):
            measures.setdefault((str(ref.get("list", "")).lower(), ref.get("number")), []).append(
                normalise(t["measure"])
            )
    if not measures:
        return iter(())
    rule = "a remark says a window covers only what the measure of its criterion's limit of time holds"
    return said_by_remarks(record, "E501", lambda text: _reached(text, measures), rule)


def _reached(text: str, measures: dict[tuple[str, object], list[str]]) -> Iterator[str]:
    """What text says a window covers alone that the measure of its criterion's limit of time holds more than."""
    read = QUOTED.sub(" | ", normalise(text))
    for sentence in note_names.sentences_of(read):
        named = [(m.start(), (m.group("list").lower(), int(m.group("n")))) for m in _NAMED.finditer(sentence)]
        for m in _ONLY.finditer(sentence):
            k = bisect_left(named, m.start(), key=lambda pair: pair[0])
            phrase = "only" if m.group("only") else "alone"
            if not k or _DENIED.search(sentence, named[k - 1][0], m.start(phrase)):
                continue
            said = {w.casefold() for w in _CONTENT.findall(m.group(phrase))}
            for measure in measures.get(named[k - 1][1], []):
                items = [{w.casefold() for w in _CONTENT.findall(item)} for item in _ITEMS.split(measure)]
                covered = [item for item in items if item and item <= said]
                if covered and len(covered) < len([item for item in items if item]):
                    shown = " ".join(m.group(phrase).split())
                    yield f"says the criterion's window covers only {shown!r}, where its limit's measure holds more"


# a criterion's window said shorter or longer than another criterion's, or than its therapy's length: IM19's "Exclusion
# criterion 8's window is shorter than exclusion criterion 4's." (6 months to 24 weeks) and Relma-cel's "Exclusion
# criterion 1's window is shorter than its therapy's length." (8 weeks to 14 days) passed (hunt 223's leftovers): two
# lengths set against each other were read by nothing. A length is the record's limit of that kind of the criterion
_LENGTH_OF = r"(?:window|washout)|(?P<therapy>(?:therapy|treatment)(?:['\u2019]s)?[ \t]+(?:length|duration))"
_COMPARED = lazy(
    rf"(?i)\b(?:(?P<list>inclusion|exclusion)[ \t]+)?criterion[ \t]+(?P<n>\d+)['\u2019]s[ \t]+(?:{_LENGTH_OF})[ \t]+"
    r"(?:is|was)[ \t]+(?P<not>not[ \t]+)?(?:(?:a[ \t]+little|much|far|slightly|even)[ \t]+)?"
    r"(?:(?:(?P<shorter>shorter|briefer)|longer)[ \t]+than|(?P<ratio>twice|double|half|(?P<times>"
    + "|".join(w for w, v in CARDINALS.items() if 2 <= v <= 10)
    + r"|\d+(?:\.\d+)?)[ \t]+times)(?:[ \t]+(?:as[ \t]+long[ \t]+as|the[ \t]+length[ \t]+of))?"
    r"|(?P<same>the[ \t]+same[ \t]+as|as[ \t]+long[ \t]+as|equal[ \t]+to))[ \t]+(?:"
    r"(?:(?P<list2>inclusion|exclusion)[ \t]+)?criterion[ \t]+(?P<m>\d+)['\u2019]s(?:[ \t]+(?:window|washout))?"
    r"|(?:its|the)[ \t]+(?P<own>(?:therapy|treatment)(?:['\u2019]s)?[ \t]+(?:length|duration))"
    r"|the[ \t]+(?:length|duration)[ \t]+of[ \t]+its[ \t]+(?P<own2>therapy|treatment))(?![\w-])"
)
_DAYS = {"day": 1.0, "d": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_KIND = {False: "TIME_SINCE_EVENT", True: "TREATMENT_DURATION"}
COMPARED_RULE = "a remark sets two lengths of the record's criteria against each other as they stand"


def check_remark_lengths_compared(record: Record) -> Iterator[Problem]:
    """E501: each length of a criterion a remark says is shorter (or longer) than another's that the record's limits
    give the other way round (every one of the first against every one of the second), and each it says is a ratio
    of another's ("twice", "half", "three times", "the same as") that no pair of them is (hunt 226)."""
    eligibility = record.data.get("eligibility") or {}
    lengths: dict[tuple[str, str, object], list[float]] = {}
    for t in eligibility.get("thresholds") or []:
        ref = t.get("criterion") if isinstance(t, dict) else None
        per = _DAYS.get(str(t.get("unit", "")).lower().removesuffix("s")) if isinstance(ref, dict) else None
        if (
            isinstance(ref, dict)
            and per
            and isinstance(t.get("value"), int | float)
            and t.get("kind") in (*_KIND.values(), "WASHOUT")
        ):
            # (a washout is a window of time too: "criterion 9's window is shorter than inclusion criterion 5's
            # washout" of IM19's 6 months and 4 weeks passed, hunt 225)
            kind = _KIND[False] if t["kind"] == "WASHOUT" else str(t["kind"])
            key = (kind, str(ref.get("list", "")).lower(), ref.get("number"))
            lengths.setdefault(key, []).append(float(t["value"]) * per)
    if not lengths:
        return iter(())
    return said_by_remarks(record, "E501", lambda text: _misordered(text, lengths), COMPARED_RULE)


def _misordered(text: str, lengths: dict[tuple[str, str, object], list[float]]) -> Iterator[str]:
    """What text sets against each other of two criteria's lengths that the record gives the other way round."""
    read = QUOTED.sub(" | ", normalise(text))
    for sentence in note_names.sentences_of(read):
        for m in _COMPARED.finditer(sentence):
            side = (m.group("list") or next(reversed(_A_LIST.findall(sentence, 0, m.start())), "")).lower()
            first = lengths.get((_KIND[bool(m.group("therapy"))], side, int(m.group("n"))), [])
            if m.group("m"):
                other = (m.group("list2") or side).lower()
                second = lengths.get((_KIND[bool(m.group("therapy"))], other, int(m.group("m"))), [])
            else:
                second = lengths.get((_KIND[True], side, int(m.group("n"))), [])
            if not first or not second:
                continue
            pairs = [(a, b) for a in first for b in second]
            if m.group("ratio") or m.group("same"):
                # (a ratio, or the same length: held to some pair within a twentieth of it, a month being no whole
                # number of weeks; hunt 226: IM19's "Exclusion criterion 8's window is twice exclusion criterion
                # 4's." of its 6 months and 24 weeks passed)
                ratio = _ratio(m.group("ratio") or "", m.group("times"))
                holds = any(abs(a / b - ratio) <= ratio / 20 for a, b in pairs if b)
                if holds == bool(m.group("not")):
                    yield f"says {' '.join(m.group().split())!r}, which the record's limits do not give"
                continue
            if m.group("not"):  # ("is not shorter than": the first is the shorter of them)
                turned = all(a < b if m.group("shorter") else a > b for a, b in pairs)
            else:
                turned = all(a >= b if m.group("shorter") else a <= b for a, b in pairs)
            if turned:
                yield f"says {' '.join(m.group().split())!r}, which the record's limits give the other way round"


_A_LIST = lazy(r"(?i)\b(inclusion|exclusion)\b")


def _ratio(said: str, times: str | None) -> float:
    """The ratio of two lengths a note's words give ("twice": 2, "half": 0.5, "three times": 3; none: 1)."""
    if times:
        return float(times) if times[0].isdigit() else float(CARDINALS[times.lower()])
    return {"twice": 2.0, "double": 2.0, "half": 0.5}.get(said.lower(), 1.0)
