"""E501: the record's dates a curation note says its sources' dates were read as ("The source lists two unlabelled
dates (2024-07-30, 2027-12-31) ...; read as study start and study completion"), held to the dates the record holds.
A note's dates were read only as dates a source writes or the record holds, whichever of the record's dates it said
they are: mutation hunt 208 rewrote IM19's note to "read as study start and primary completion" (the record holds a
completion and declares its primary completion silent) and to "read as study completion and study start" (the two
dates the other way round), and both passed. A date the note names as read as one of the record's dates is that date
of the record, in order where the note lists as many dates as it names, and a date of the record it names is one the
record holds. The evidence stage runs it beside the other remark checks (evidence.stages).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import remark_problem, remarks_of
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import date_mentions

# The words of each of the record's dates (the schema's dates.*), a longer name before the one it ends in
# ("primary completion" before "completion")
_KIND_WORDS = {
    "primary_completion": r"primary[ \t]+completion",
    "first_submitted": r"first[ \t]+submi(?:tted|ssion)",
    "first_posted": r"first[ \t]+post(?:ed|ing)",
    "last_updated": r"last[ \t]+updated?",
    "completion": r"(?:study[ \t]+|trial[ \t]+)?completion",
    "start": r"(?:study[ \t]+|trial[ \t]+)?start",
    "launched": r"launch(?:ed)?",
}
# (a date's name, "the study's start date", and not the start of something else: "the start of screening")
_ONE = (
    r"(?:(?:the|its)[ \t]+)?(?:(?:study|trial)['\u2019]s[ \t]+)?(?:"
    + "|".join(_KIND_WORDS.values())
    + r")(?:[ \t]+dates?)?(?![\w-])(?![ \t]+(?:of|for)\b)"
)
# A note's words that read a source's dates as the record's: "read as study start and study completion", "recorded
# as the study's start and its completion" (not "not read as the completion", "never taken as the start")
_READ_AS = lazy(
    r"(?i)(?<!\bnot )(?<!\bnever )\b(?:read|recorded|entered|taken|kept)[ \t]+(?:here[ \t]+)?as[ \t]+"
    rf"(?P<run>{_ONE}(?:[ \t]*(?:,|and|&|,[ \t]*and)[ \t]*{_ONE})*)"
)
# (a clause whose subject denies any date is read so: IM19's "Neither 2024-07-30 nor 2027-12-31 is read as the primary
# completion date." was refused as reading a date as one the record does not hold, honest hunt 218)
_CLAUSE_BREAK = lazy(r"[,;:()]")
_DENYING_SUBJECT = lazy(r"(?i)[ \t]*(?:neither|none|no|nothing)\b")
_KINDS = [(key, lazy(rf"(?i)(?<![\w-]){words}(?![\w-])")) for key, words in _KIND_WORDS.items()]
_SENTENCE_END = lazy(r"(?<=[.!?])\s+(?=[A-Z(\"\u201c])|\n")


# two of the record's dates a note says fall one before the other, in time: "The study completion date, 2027-12-31,
# comes before the start date", "The study starts after it completes" (IM19's, each false, passed, hunt 223: an
# order of the record's dates was read by nothing); not where they stand on a page ("The source lists the completion
# date before the start date": a verb of writing before the order, remark_order's to judge)
_ORDER_WORDS = r"(?P<order>before|after|earlier[ \t]+than|later[ \t]+than|ahead[ \t]+of|prior[ \t]+to)"
_DATES_ORDERED = lazy(
    rf"(?i)(?<![\w-])(?P<a>{_ONE})(?:[ \t]*,?[ \t]*\(?\d{{4}}-\d{{2}}(?:-\d{{2}})?\)?,?)?[ \t]+(?:(?:is|was|comes|came|"
    r"falls|fell|lies|stands)[ \t]+)?(?P<denied>(?:not|never)[ \t]+)?(?:(?:well|long|shortly|just|only)[ \t]+)?"
    rf"{_ORDER_WORDS}[ \t]+(?P<b>{_ONE})"
)
_STARTING = r"starts?|started|begins?|began|opens?|opened"
_ENDING = r"completes?|completed|ends?|ended|closes?|closed|finish(?:es)?|finished"
_EVENTS_ORDERED = lazy(
    rf"(?i)(?<![\w-])(?:study|trial)[ \t]+(?:(?P<a_start>{_STARTING})|(?P<a_end>{_ENDING}))(?:[ \t]+on[ \t]+\S+?)?,?"
    rf"[ \t]+{_ORDER_WORDS}[ \t]+(?:it|the[ \t]+(?:study|trial))[ \t]+(?:(?P<b_start>{_STARTING})|"
    rf"(?P<b_end>{_ENDING}))(?![\w-])"
)
_OF_THE_PAGE = lazy(
    r"(?i)(?<![\w-])(?:lists?|listed|writes?|written|gives?|given|shows?|shown|prints?|printed|places?|placed|"
    r"puts?|sets?[ \t]+out|source|page)(?![\w-])"
)
_EARLIER = frozenset({"before", "earlier than", "ahead of", "prior to"})


def _misordered(sentence: str, held: dict[str, str]) -> Iterator[str]:
    """Each order in time sentence gives two of the record's dates that the dates it holds are not in."""
    said = [
        (kinds_named(m.group("a")), kinds_named(m.group("b")), m)
        for m in _DATES_ORDERED.finditer(sentence)
        if not _OF_THE_PAGE.search(sentence, 0, m.start("order"))
    ]
    said += [
        (["start" if m.group("a_start") else "completion"], ["start" if m.group("b_start") else "completion"], m)
        for m in _EVENTS_ORDERED.finditer(sentence)
    ]
    for a, b, m in said:
        if len(a) != 1 or len(b) != 1 or a[0] not in held or b[0] not in held or a == b:
            continue
        first, second = held[a[0]], held[b[0]]
        n = min(len(first), len(second))
        if first[:n] == second[:n]:
            continue
        earlier = " ".join(m.group("order").casefold().split()) in _EARLIER
        if m.groupdict().get("denied"):
            earlier = not earlier
        if (first[:n] < second[:n]) != earlier:
            yield (
                f"says the {_name(a[0])} date falls {' '.join(m.group('order').split())} the {_name(b[0])} date, "
                f"which the record holds as {first} and {second}"
            )


def kinds_named(run: str) -> list[str]:
    """The record's dates (keys of dates) a run of names names, in the run's order."""
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for key, words in _KINDS:
        for m in words.finditer(run):
            if not any(m.start() in r for r in taken):
                found.append((m.start(), key))
                taken.append(range(m.start(), m.end()))
    return [key for _, key in sorted(found)]


def check_remark_dates(record: Record) -> Iterator[Problem]:
    """E501: a note that says a source's date was read as one of the record's dates the record does not hold, or
    as one the record holds with another date (the module's docstring)."""
    dates = record.data.get("dates")
    held = {
        key: value["date"]
        for key, value in (dates.items() if isinstance(dates, dict) else [])
        if isinstance(value, dict) and isinstance(value.get("date"), str)
    }
    for kind, i, text, _ in remarks_of(record):
        for sentence in _SENTENCE_END.split(normalise(text)):
            for said in _misordered(sentence, held):
                yield _problem(record, kind, i, said)
            since = 0
            for m in _READ_AS.finditer(sentence):
                clause = sentence[since : m.start()]
                named = kinds_named(m.group("run"))
                listed = [d.value for d in date_mentions.dates(clause) if "-" in d.value]
                since = m.end()
                if _DENYING_SUBJECT.match(_CLAUSE_BREAK.split(clause)[-1]):
                    continue  # ("Neither 2024-07-30 nor 2027-12-31 is read as the primary completion date")
                paired = zip(named, listed, strict=True) if len(listed) == len(named) else []
                for key in named:
                    if key not in held:
                        yield _problem(
                            record,
                            kind,
                            i,
                            f"reads a date as the record's {_name(key)} date, which the record does not hold",
                        )
                for key, date in paired:
                    if key in held and held[key] != date and not held[key].startswith(date + "-"):
                        yield _problem(
                            record,
                            kind,
                            i,
                            f"reads {date} as the record's {_name(key)} date, which the record holds as {held[key]}",
                        )


def _name(key: str) -> str:
    return key.replace("_", " ")


def _problem(record: Record, kind: str, i: int, said: str) -> Problem:
    message = f"{said}: a remark says of the record's dates only what it holds"
    return remark_problem(record, kind, i, "E501", message)
