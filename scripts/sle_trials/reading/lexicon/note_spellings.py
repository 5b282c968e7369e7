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
from sle_trials.reading.lexicon.note_numbers import writes_a_power
from sle_trials.reading.lexicon.quantities import WORDS_NUMBER, Unit, nfkc, numbers, unit_at, unit_named


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
    # (numbers read only where such a unit follows a digit: read at every number, a source's took 30 ms)
    if any(_unknown(m.group("unit")) for m in _AFTER_A_DIGIT.finditer(text)):
        for n in numbers(text):
            if writes_a_power(text[n.start : n.end]):
                continue  # (a cell dose, note_numbers.powers's: "1×10^6 cells/kg" of "1×10^6/kg CAR-T cells")
            run = _COMPOUND.match(text, n.end)
            if run and _unknown(run.group("unit")) and not _denied(text, n.start):
                key = "".join(nfkc(run.group("unit")).split()).casefold()
                out.append(Spelled(((f"as written {key}", n.value),), text[n.start : run.end()]))
    return out


# a unit of parts a slash joins that the lexicon does not know, as a whole ("mL/min/1.72m²"): no unit of the
# lexicon's is read where a slash goes on after it, so a note's "eGFR < 99 mL/min/1.72m²" passed beside IM19's "<30
# mL/min/1.73 m²" (found by hunt 214 beside the honest "1.73m²"): such a quantity is a fact of its number and its
# unit as written, spacing and case aside, which a source writes so or not
_COMPOUND = lazy(
    r"[ \t]?(?P<unit>[A-Za-z\u03bc\u00b5][A-Za-z\u03bc\u00b5]*(?:[ \t]*/[ \t]*(?:\d+(?:\.\d+)?[ \t]*)?"
    r"[A-Za-z\u03bc\u00b5][A-Za-z0-9\u03bc\u00b5\u00b2\u00b3^]*)+)(?![\w/])"
)
# a denial before a number in its clause: "Patients 4 to 6 get 1×10^8 cells, not 2000 cells or 1000 mg/m²" (hunt
# 210's honest note) says no such dose, and "The limit is not <99 mL/min/1.72m²" is true
_DENIED_BEFORE = lazy(r"(?i)(?:\b(?:not|never|no|nor|neither|without)\b|n't\b)(?:(?!\bbut\b)[^.;:!?])*\Z")


def _denied(text: str, start: int) -> bool:
    return _DENIED_BEFORE.search(text, max(0, start - 80), start) is not None


def _unknown(unit: str) -> bool:
    """Whether the lexicon knows no unit spelled so (in any of its spellings, superscripts as digits: "mg/m²")."""
    return unit_named(unit) is None


_AFTER_A_DIGIT = lazy(r"\d(?=" + _COMPOUND.pattern + ")")


def _value(words: str) -> float:
    """The value of a number in digits or words ("a", "an": one)."""
    if words.lower() in ("a", "an"):
        return 1.0
    read = numbers(words)
    return read[0].value if len(read) == 1 else float("nan")
