"""Quantities a curation note may spell in ways quantities.numbers reads as no number, each read as every value it may
be (its readings): digits whose thousands a space, an apostrophe or a point sets apart ("50 000/mm³", "50.000/mm³"),
a decimal comma ("7,5 g/dL"), a unit of time an article counts or its half ("a window of a year", "half a year", "a
year and a half") and a multiple ("100-fold", "10 times"). A source may mean any of them ("1 500 mg" is 1500 mg, or
cohort 1's 500 mg), so numbers() reads none and binds no value to them; but a note's fact is held to its sources and
the record, and passed unread: mutation hunts 210 and 211 gave IM19's notes "Platelets below 50 000/mm³", "Hemoglobin
below 7,5 g/dL", "a window of half a year" and "100-fold the first's", and each passed. A note's such quantity is a
fact where a unit follows it (a multiple is its own unit), and one its sources or record give in any of its readings
accounts for it (remarks.check_remark_facts); a source's are read the same way, so that a note writing a source's
words passes.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon.quantities import WORDS_NUMBER, Unit, numbers, unit_at


class Spelled(NamedTuple):
    """A quantity a note spells: the values it may be, each with the unit's key it is in, and how it is written."""

    readings: tuple[tuple[str, float], ...]
    shown: str


# digits grouped in threes by spaces (a no-break or thin one too), apostrophes or points, or with a decimal comma
# (one or two digits after it, or four or more: three are a thousands group, which numbers() reads); a first group
# is no zero ("0.221 mmol/L" is a decimal, never 221: hunt 211's honest "Serum creatinine > 0.221 mmol/L" of Relma-
# cel's 221 μmol/L was refused, read as either and held to no bound)
_GROUPED = lazy(
    r"(?<![\w.,'\u2019])(?:(?P<spaced>[1-9]\d{0,2}(?:[ \u00a0\u202f'\u2019]\d{3})+)|"
    r"(?P<dotted>[1-9]\d{0,2}(?:\.\d{3})+)"
    r"|(?P<comma>\d+,(?:\d{1,2}|\d{4,})))(?![\d\w]|[.,]\d)"
)


def _grouped_readings(m: re.Match[str]) -> list[float]:
    """The values digits grouped so may be."""
    if m.group("spaced"):  # (all its digits, or its last group alone: "cohort 1 500 mg")
        groups = [g for g in _SPLIT.split(m.group("spaced")) if g]
        return [float("".join(groups)), float(groups[-1])]
    if m.group("dotted"):  # (a thousands group, or an English decimal)
        return [float(m.group("dotted").replace(".", "")), float(m.group("dotted"))]
    return [float(m.group("comma").replace(",", "."))]


_SPLIT = lazy(r"[ \u00a0\u202f'\u2019]")

# half of a unit of time, in the next smaller unit it is a whole number of: "half a year" (6 months), "a year and a
# half" (18 months), "one and a half weeks" (10.5 days: no whole number, so read as 1.5 weeks as well)
_SMALLER = {"year": ("months", 12), "week": ("days", 7), "day": ("hours", 24), "hour": ("minutes", 60)}
_HALF = lazy(
    r"(?i)(?<![\w-])(?:half[ \t-]+(?:an?|one)[ \t-]+(?P<of>year|month|week|day|hour)"
    r"|(?P<whole>an?|one|\d+|" + WORDS_NUMBER + r")[ \t-]+and[ \t-]+a[ \t-]+half[ \t-]+"
    r"(?P<unit>years?|months?|weeks?|days?|hours?)"
    r"|(?:an?|one)[ \t-]+(?P<unit2>year|month|week|day|hour)[ \t-]+and[ \t-]+a[ \t-]+half)(?![\w-])"
)

# one unit of time an article counts, after a word that makes it a length ("a window of a year", "within a week"; not
# "once a year", "mg a day", "a year later"), as each number of smaller units it is or is near ("a month", 4 weeks)
_ONE = lazy(
    r"(?i)(?<![\w-])(?:of|within|for|over|than|least|most|under|past|last|first|is|was)[ \t]+(?:an?|one)[ \t]+"
    r"(?P<unit>year|month|week|day)(?![\w-])"
)
_ONE_READINGS = {
    "year": (("years", 1.0), ("months", 12.0), ("weeks", 52.0)),
    "month": (("months", 1.0), ("weeks", 4.0), ("days", 30.0)),
    "week": (("weeks", 1.0), ("days", 7.0)),
    "day": (("days", 1.0), ("hours", 24.0)),
}

# a multiple: "100-fold", "a tenfold", "10 times the dose" (not "10 times ULN", a unit of a laboratory limit)
_FOLD = lazy(
    r"(?i)(?<![\w.,-])(?P<n>\d+(?:\.\d+)?|" + WORDS_NUMBER + r")(?:[ \t-]*fold\b|fold\b"
    r"|[ \t]+times[ \t]+(?:(?:as|more|less|higher|lower|greater|larger|smaller|bigger)\b|the[ \t]+(?!ULN\b|upper\b)))"
)


def spelled(text: str) -> list[Spelled]:
    """Each quantity text spells that numbers() reads as none (the module's docstring), with its readings."""
    out: list[Spelled] = []
    for m in _GROUPED.finditer(text):
        found = unit_at(text, m.end())
        if found is not None:
            unit: Unit = found[0]
            out.append(Spelled(tuple((unit.key, v) for v in _grouped_readings(m)), text[m.start() : found[1]]))
    for m in _HALF.finditer(text):
        name = (m.group("of") or m.group("unit") or m.group("unit2")).lower().rstrip("s")
        whole = 0.0 if m.group("of") else 1.0 if m.group("unit2") else _value(m.group("whole"))
        readings = [(f"{name}s", whole + 0.5)]
        if name in _SMALLER:
            smaller, times = _SMALLER[name]
            readings.append((smaller, (whole + 0.5) * times))
        out.append(Spelled(tuple(readings), m.group()))
    for m in _ONE.finditer(text):
        out.append(Spelled(_ONE_READINGS[m.group("unit").lower()], m.group().split(None, 1)[1]))
    for m in _FOLD.finditer(text):
        out.append(Spelled((("fold", _value(m.group("n"))),), m.group().strip()))
    return out


def _value(words: str) -> float:
    """The value of a number in digits or words ("a", "an": one)."""
    if words.lower() in ("a", "an"):
        return 1.0
    read = numbers(words)
    return read[0].value if len(read) == 1 else float("nan")
