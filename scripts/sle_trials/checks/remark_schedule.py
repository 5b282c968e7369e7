"""E501: how many times a curation note, an incomplete entry or a comment of the record's file says the trial's
product is given ("Patients receive two infusions", "infused twice", "a second dose") where no cited source writes
that count of it. Hunt 212 wrote "Patients receive two infusions." beside Relma-cel and IM19, whose sources never
say how often the cells are given, and it passed: no field of the record holds a schedule, and a count of no unit
was no fact a remark's reading knew. A reader takes it for the trial's treatment.

No field holds it, so a source holds it alone: the count and the word of what is given, within a few words of each
other, in words or in digits ("2 infusions", "two infusions of CAR-T cells", "infused twice"). A count of one is left
unread: "Millions of cells are given in one infusion" and "The single group gets one dose" say how a dose is given
(hunt 210's honest notes), and a product given once is what a record of one dose per cohort says. The source's text is
searched only for a remark that gives a count of two or more (few do).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_comments, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.hypotheses import hypothetical
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import quantities

# a count's words, each the number it is: the lexicon's number words, and those a count of times has of its own
_TIMES = {"single": 1, "a single": 1, "one single": 1, "once": 1, "twice": 2, "a second": 2, "thrice": 3}
_NUMBER = {word: str(n) for word, n in {**quantities.NUMBER_WORDS, **_TIMES}.items()}
_GIVEN = r"(?:infusions?|doses|dose|injections?|administrations?|re-?infusions?)"
_COUNT = r"(?P<count>a[ \t]+single|a[ \t]+second|one[ \t]+single|one|single|two|three|four|five|six|[1-9])"
# a count of the times the product is given: "two infusions", "a single dose of CAR-T cells", "infused twice",
# "given once"; not "one dose level" nor "two dose cohorts" (a level's, a cohort's count)
_SAID = lazy(
    rf"(?i)\b{_COUNT}[ \t]+(?:[\w-]+[ \t]+)?{_GIVEN}\b(?![ \t-]+(?:levels?|cohorts?|groups?|escalation))|"
    r"\b(?:infused|given|dosed|administered|injected)[ \t]+(?P<times>once|twice|thrice)\b"
)
_DENIED_BEFORE = lazy(r"(?i)\b(?:no|not|never|nor|whether|how[ \t]+many|unstated|unknown)\b[^.;]*\Z")

RULE = "a remark says how often the product is given only as a cited source writes it"


def check_remark_schedule(record: Record, sources: Sources, schema: dict) -> Iterator[Problem]:
    """E501: each count of the times the product is given that a remark or a comment gives and no cited source
    writes (of this trial)."""
    yield from said_by_remarks(record, "E501", lambda text: _unwritten(text, sources), RULE)
    yield from said_by_comments(record, schema, "E501", lambda text: _unwritten(text, sources), RULE)


def _unwritten(text: str, sources: Sources) -> Iterator[str]:
    """What text says of each count of the times the product is given that no cited source writes."""
    read = QUOTED.sub(" | ", normalise(text))
    for m in _SAID.finditer(read):
        if _DENIED_BEFORE.search(read, 0, m.start()) or hypothetical(read, m.start(), m.end()):
            continue  # (denied, asked, or supposed: "If patients received two infusions, the source would say so")
        count = _number(m.group("count") or m.group("times"))
        if count == "1":
            continue  # (a count of one: "given in one infusion" says how a dose is given, hunt 210's honest words)
        if not any(_written(count, sources.text_of(doc)) for doc in sources.docs if doc.unread is None):
            yield f"says the product is given {count} time(s) ({m.group().strip()!r}), {sources.unwritten()}"


def _number(word: str) -> str:
    """The number a count's word is ("a single": 1)."""
    said = " ".join(word.casefold().split())
    return _NUMBER.get(said, said)


def _written(count: str, text: str) -> bool:
    """Whether text writes a count of the times the product is given that is count."""
    return any(_number(m.group("count") or m.group("times")) == count for m in _SAID.finditer(text))
