"""The numbers a curation note may state in its own words that no unit names: a dose written as a power of ten
("a flat dose of 1×10^9 CAR-T cells"), a score ("a SLEDAI-2K score of 12", "SELENA-SLEDAI ≥ 10") and a count of
those a verb enrols without a word for people ("the trial enrols 12", "12 were screened"). Read in a note and in
its sources alike (remarks.check_remark_facts): mutation hunt 206 rewrote IM19's and Relma-cel's notes to
each, and they passed, a note's facts being only dates, quantities with a unit, counts of people and ranges of
patients."""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon.quantities import WORDS_NUMBER, numbers, unit_at

# a number written with a power of ten ("1×10^8", "10^6", "2e6"): a cell dose, which no unit of quantities names
_POWER = lazy(r"10\s*\^|\d[eE][-+]?\d")


def powers(text: str) -> list[float]:
    """The numbers text writes with a power of ten."""
    return [n.value for n in numbers(text) if _POWER.search(text, n.start, n.end)]


# a score: its scale's or the word's name, then (past a few words of no digit and no stop) its number
_SCALE = r"(?:scores?|SLEDAI(?:-2K)?|SELENA-SLEDAI|BILAG(?:-2004)?|PGA|CLASI|SRI(?:-\d+)?)"
_SCORE = lazy(rf"(?i)(?<![\w-]){_SCALE}(?![\w-])[^.;:\d\n]{{0,30}}?(?<![\w.-])(\d+(?:\.\d+)?)(?!\w|\.\d)")


def scores(text: str) -> list[float]:
    """The numbers text gives as a score ("a score of 10 or above", "SLEDAI-2K ≥ 12"); not one a unit follows
    ("scored at 12 weeks")."""
    return [float(m.group(1)) for m in _SCORE.finditer(text) if unit_at(text, m.end(1)) is None]


# a count a verb of enrolling gives, with no word for people: "enrols 12", "plans to enrol 24", "12 were
# screened", "enrollment is 12"
_VERB = (
    r"(?:enrol+(?:s|ed|ing)?|recruit(?:s|ed|ing)?|screen(?:s|ed|ing)?|treat(?:s|ed|ing)?|"
    r"randomi[sz](?:es|ed|ing)|dos(?:es|ed|ing))"
)
_COUNTED = lazy(
    rf"(?i)(?<![\w-])(?:{_VERB}|plans?|planned|enrol+ment(?:\s+(?:is|was|of))?)\s+(?:(?:only|just|about|"
    rf"approximately|up\s+to|a\s+total\s+of)\s+)?(?P<after>\d+|{WORDS_NUMBER})(?![\w,-]*\s*(?:%|[a-z×x^])|\.\d)"
    rf"|(?<![\w.,-])(?P<before>\d+|{WORDS_NUMBER})\s+(?:(?:were|was|are|have\s+been|has\s+been|had\s+been)\s+)"
    rf"(?:{_VERB})\b"
)


def counted(text: str) -> list[float]:
    """The counts text gives with a verb of enrolling and no word for people ("the trial enrols 12")."""
    out = []
    for m in _COUNTED.finditer(text):
        group = "after" if m.group("after") is not None else "before"
        read = numbers(m.group(group))
        if read:
            out.append(read[0].value)
    return out
