"""Doses: every number that could be a dose and its basis (per kilogram or flat), the numbers that are
no dose (a bound from below, a part of another), a number read as the dose beyond its words (a cap, an
end of a range, a total, one of alternative doses) and the words a curation note names each reading by
(named_in_note), a dose's unit read whole, and the items "respectively" pairs in order with numbers (a
lymphodepleting agent's, an arm's or a cohort's)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out
from sle_trials.reading.lexicon.quantities import (
    WITHIN_READING,
    Number,
    comparator_before,
    nfkc,
    numbers,
)

# --- doses and cohorts ----------------------------------------------------------------------------

_PER_KG_WORDS = r"(?:/\s*kg|per\s+kg|per\s+kilogram|/kilogram)"  # the ways a source writes per kilogram
_PER_KG = lazy(r"\s*" + _PER_KG_WORDS + r"(?:\s+(?:of\s+)?body\s*weight)?", re.I)
# A dose's unit words (at most four), then per kilogram.
_UNIT_PER_KG = lazy(r"\s*[^\s/,;.]+(?:\s+[^\s/,;.]+){0,3}\s*" + _PER_KG_WORDS + r"\b", re.I)
FLAT_WORDS = lazy(r"(?i)\b(?:flat|fixed|total)\b")
FLAT_READING = "the source gives no per-kilogram basis; read as a flat dose"


# A number the source gives as a cap on the dose, not the dose: "(maximum total dose 1×10^8 CAR-T
# cells)", "not exceeding 1×10^8", "up to 1×10^8", "≤ 1×10^8" (the words end just before the number;
# a maximum tolerated dose is a dose found, no cap).
_CAP_BEFORE = lazy(
    r"(?i)(?:\b(?:max(?:imum|imal)?(?!\s+tolerated)|up\s+to|not\s+(?:to\s+)?exceed(?:ing)?|"
    r"no\s+(?:more|greater|higher)\s+than|at\s+most|capped\s+at|cap\s+of|limit(?:ed)?\s+(?:of|to))\b"
    r"[^.;:,()\d]{0,30}|[≤<]\s*)\Z"
)
# A number that ends a range of doses, after its other end: "0.5-1×10^6" (a dash with no space, or after
# a power of ten), "2×10^6 to 5×10^6" (the first number's unit words may stand between), "between
# 2×10^6 and 5×10^6"; and one that starts a range, before its other end ("2×10^6 CAR-T cells/kg to
# 5×10^6"). A cohort's label before its dose ("Dose level 1 – 1×10^6") is no range, nor two doses
# ("1×10^6 and 3×10^6 cells/kg in two cohorts").
_POWER = r"\s*[×xX*]\s*10\s*\^\s*[-−+]?\d+"
_UNIT_WORDS = r"(?:\s*[^\s\d,;.()]+){0,4}?"
# (a tilde joins a range's ends as a dash does, "1×10^6 ~ 3×10^6", as sources from East Asia write it; a
# range's ends with their unit written after each, "25 mg/m2/day - 30 mg/m2/day", spaced; "up to" after
# a dose ends the range it starts, "1×10^6 CAR-T cells/kg up to 3×10^6")
_DOSE_UNIT_WORDS = r"\s*(?:mg|g|µg|μg|mcg|cells?|CAR[-\s]?T\s+cells?)(?:/[^\s\d,;.()]*\S*)?(?:\s+[^\s\d,;.()]+){0,3}?"
_RANGE_BEFORE = lazy(
    rf"(?i)(?:\d[-–—~]|\d{_POWER}{_UNIT_WORDS}\s*[-–—~]\s*|\d(?:{_POWER})?{_UNIT_WORDS}\s+(?:up\s+)?(?:to|through)\s+|"
    rf"\d{_DOSE_UNIT_WORDS}\s+[-–—~]\s+|"
    r"\bbetween\s+(?:\S+(?:\s+\S+){0,4}?\s+and\s+)?)\Z"
)
_RANGE_AFTER = lazy(
    rf"(?i)(?:[-–—~]\d|{_UNIT_WORDS}\s*[-–—]\s*\d+{_POWER}|{_UNIT_WORDS}\s*~\s*\d|"
    rf"{_UNIT_WORDS}\s+(?:up\s+)?(?:to|through)\s+\d)"
)
# A cap written after the number and its unit words: "1×10^6 CAR-T cells/kg or less", "30 mg/m2/day
# maximum" (at its clause's end: "..., maximum total dose 1×10^8" caps another number), "at most"
_CAP_AFTER = lazy(
    r"(?i)(?:\s*[^\s\d,;.()][^\s,;()]*){0,4}?\s*,?\s*(?:(?:or|and)\s+(?:less|lower|fewer|below|under)\b|"
    r"[(\[]?\s*(?:at\s+(?:the\s+)?most\b|max(?:imum|\.)?(?=\s*(?:[.;)\]]|\Z|\n))))"
)
# A number that is a part of another ("half of 2×10^6 CAR-T cells/kg", "one third of", "10% of the
# 2×10^6 dose") or a tolerance of another ("1.0×10^6 ± 0.5×10^6"): no dose
_PART_OF_BEFORE = lazy(
    r"(?i)(?:(?<![\w-])(?:half|(?:one|two|a)[- ](?:thirds?|quarters?|fourths?|fifths?|tenths?)|(?:a\s+)?fraction)"
    r"|\d(?:\.\d+)?\s*(?:%|percent))\s+of\s+(?:(?:the|a)\s+)?\Z"
    r"|(?:±|\+\s*/\s*[-−])\s*\Z"
)
CAP_READING = "the source gives the number as a maximum; read as the dose"
RANGE_READING = "the source gives a range of doses; one end of it read as the dose"


@dataclass(frozen=True)
class Dose:
    value: float
    basis: str  # PER_KG or FLAT
    unit_at: int  # where the words after the number (and a /kg before them) start
    start: int
    end: int
    reading: str | None  # the basis read beyond the words (FLAT_READING)
    limit: str | None = None  # the number read as the dose beyond the words: a cap or a range's end


# A number the source gives as a total over the days of a course ("(total 90 mg/m2)", "a cumulative dose
# of 90 mg/m2"), not the dose given each time: a lymphodepleting agent's dose only as a reading
_TOTAL_BEFORE = lazy(r"(?i)\b(?:total|cumulative|overall)\b[^.;:,()\d]{0,20}\Z")
# ... or after it and its unit words ("90 mg/m2 in total", "90 mg/m2 cumulative", "90 mg/m2 total.")
_TOTAL_AFTER = lazy(
    r"(?i)(?:\s*[^\s\d,;.()][^\s,;()]*){0,3}?\s*,?\s*(?:in\s+total|cumulative(?:ly)?|"
    r"total(?=\s*(?:[.;)\]]|\Z|\n)))(?![\w-])"
)
TOTAL_READING = "the source gives the number as a total of the course; read as the dose"
# A number the source gives as one of alternative doses ("25 or 30 mg/m2/day", "25 mg/m2/day or 30
# mg/m2/day", "either 25 or 30"): no dose of the regimen's alone, which one the patients receive is not
# said. Only a number with no comma or bracket between it and the other ("30 mg/m2/day, or 20 mg/m2/day
# if CrCl ..." gives 30 as the dose and 20 on a condition: not_dosed.not_given), nor a word of a number
# of days ("for 3 or 4 days": no dose's words)
_ALTERNATIVE_UNIT = r"\s*(?:mg|g|µg|μg|mcg|cells?|CAR[-\s]?T\s+cells?)(?:/[^\s,;.()]*)?(?:\s+[^\s\d,;.()]+){0,3}?"
_ALTERNATIVE_BEFORE = lazy(rf"(?i)\d(?:{_POWER})?(?:{_ALTERNATIVE_UNIT})?\s+or\s+\Z")
_ALTERNATIVE_AFTER = lazy(rf"(?i)(?:{_ALTERNATIVE_UNIT})?\s+or\s+\d")
ALTERNATIVE_READING = "the source gives the number as one of alternative doses; read as the dose"


# The words a curation note must write to speak of each reading (named_in_note): what the source says
# that is read beyond its words ("within"), or what the words are read as (a flat dose, a maximum, a
# range, a total). A reading not named here quotes the source's words it reads ("the unit 'mg/d' is
# written away from the number"): a note must write those words.
# Each in the words curators write for it, not one word alone ("Time windows are read as strictly less
# than the stated period", "recorded as a fixed dose", "an absolute cell count (no /kg)", "'not
# exceeding' read as the dose", "the higher end is recorded" were refused).
_NOTE_WORDS = {
    # "<" as what the words are read as ('recorded as "<"'), not a limit's own ("<500/mm³")
    WITHIN_READING: lazy(r"(?i)\b(?:within|less than|fewer than|strictly|windows?)\b|\bas\s+[\"'“]?<"),
    FLAT_READING: lazy(
        r"(?i)\b(?:flat|fixed|absolute|per[- ]?(?:kg|kilogram)|weight[- ]based)\b|/\s*kg\b|per-kilogram"
    ),
    CAP_READING: lazy(
        r"(?i)\b(?:max(?:imum|imal)?|caps?|capped|at most|up to|no more than|limit|ceiling|"
        r"exceed(?:s|ing)?)\b|≤|<="
    ),
    RANGE_READING: lazy(r"(?i)\b(?:ranges?|between|(?:higher|lower|upper|top|bottom) end|either end)\b"),
    ALTERNATIVE_READING: lazy(r"(?i)\b(?:alternatives?|alternatively|either|one of|options?|choice)\b"),
    TOTAL_READING: lazy(r"(?i)\b(?:total|cumulative|course)\b"),
}
_QUOTED_WORDS = lazy(r"'([^']+)'|\"([^\"]+)\"")


def named_in_note(reading: str, note: str) -> bool:
    """Whether a curation note's text speaks of the reading: writes the words _NOTE_WORDS gives it, or
    the source's words the reading quotes. Any note on the field excused any reading: a note on a
    cohort saying which source it copies let a dose read as flat pass, IM19's note on the related
    trials given to its flat second cohort passed."""
    words = _NOTE_WORDS.get(reading)
    if words is not None:
        return words.search(note) is not None
    quoted = [a or b for a, b in _QUOTED_WORDS.findall(reading)]
    return bool(quoted) and any(q.casefold() in note.casefold() for q in quoted)


def agent_dose_limit(quote: str, start: int, end: int) -> str | None:
    """TOTAL_READING, CAP_READING, RANGE_READING or ALTERNATIVE_READING when the number at start:end is
    a lymphodepleting agent's total, a cap on its dose, an end of a range of doses or one of alternative
    doses ("25 or 30 mg/m2/day"), else None."""
    if _TOTAL_BEFORE.search(quote, max(0, start - 40), start) or _TOTAL_AFTER.match(quote, end):
        return TOTAL_READING
    limit = dose_limit(quote, start, end)
    if limit is None and (
        _ALTERNATIVE_BEFORE.search(quote, max(0, start - 80), start)
        or _ALTERNATIVE_AFTER.match(quote, end, min(len(quote), end + 80))
    ):
        return ALTERNATIVE_READING
    return limit


# --- "respectively": items paired in order with numbers -------------------------------------------


@dataclass(frozen=True)
class Respective:
    """One item of an enumeration a quote pairs, by "respectively", with one of an enumeration of
    numbers: the item's words (where its term stands), its number, and where the number's unit stands
    (right after it, or after the last of the numbers that share it: "30 and 300 mg/m2/day")."""

    start: int
    end: int
    number: Number
    unit_at: int


_RESPECTIVELY = lazy(r"(?i)(?<![\w-])respectively(?![\w-])")
# What joins two items of an enumeration: a comma, "and", "&", ", and" (not "or": "30 or 300" is a choice)
_JOIN = r"\s*(?:,\s*(?:(?:and(?!\w)|&)\s*)?|and(?!\w)\s*|&\s*)"
_JOINED = lazy(rf"(?i){_JOIN}")
# ... after a number, with its own unit before it ("30 mg/m2/day and 300 mg/m2/day")
_UNIT_BEFORE_JOIN = r"[^\s\d,;:.()\[\]][^,;:()\[\]]{0,30}?"
_UNIT_JOINED = lazy(rf"(?i)\s*{_UNIT_BEFORE_JOIN}{_JOIN}")
# The words from the last number to "respectively": its unit, a comma or a bracket ("300 mg/m2/day,
# respectively", "300 mg/m2 (respectively")
_TO_RESPECTIVELY = lazy(rf"(?i)(?:\s*{_UNIT_BEFORE_JOIN})?\s*[,(]?\s*")
# ... and from "respectively" before the numbers to the first of them: a few words, no stop ("were,
# respectively, 30 and 300 mg/m2", "respectively at doses of 30 and 300 mg/m2")
_FROM_RESPECTIVELY = lazy(r"(?i)\s*[,:]?\s*(?:[^\W\d]+\s+){0,4}")
# A parenthesis right after an item, its abbreviation or its dose ("fludarabine (Flu) and
# cyclophosphamide (Cy)"): an aside, no item of the enumeration
_ASIDE = lazy(r"\s*\([^()]{0,40}\)")
# Where a sentence stops: no enumeration runs across it
_STOP = lazy(r"[;!?]|\.(?=\s|\Z)")


def respectively(quote: str, terms: list[tuple[int, int]]) -> list[Respective]:
    """The items of the quote's enumerations that "respectively" pairs in order with numbers:
    "fludarabine and cyclophosphamide at 30 and 300 mg/m2/day, respectively", "A, B and C at X, Y and Z
    mg/m2 respectively", "A and B were, respectively, X and Y mg/m2"; terms are where the quote writes
    the items (a vocabulary's renderings). An enumeration of items and one of numbers that do not count
    alike pair none, nor do words that pair items and numbers without "respectively"."""
    out: list[Respective] = []
    if not terms or _RESPECTIVELY.search(quote) is None:
        return out
    asides = [(m.start(), m.end()) for t in terms if (m := _ASIDE.match(quote, t[1])) is not None]
    items = sorted(t for t in terms if not any(a <= t[0] and t[1] <= b for a, b in asides))
    found = numbers(quote)
    for r in _RESPECTIVELY.finditer(quote):
        stops = [m.start() for m in _STOP.finditer(quote)]
        lo = max((s + 1 for s in stops if s < r.start()), default=0)
        hi = min((s for s in stops if s >= r.end()), default=len(quote))
        chain = _numbers_before(quote, found, lo, r.start())
        if len(chain) >= 2:
            first = chain[0].start
        else:
            # (a number alone before it is no enumeration's: "... 2025-08-17 Arm A and Arm B receive,
            # respectively, 3×10^6 and 1×10^6 ..." paired none, its numbers after it unread)
            chain = _numbers_after(quote, found, r.end(), hi)
            first = r.start()
        named = _items_before(quote, items, lo, first)
        if len(chain) < 2 or len(named) != len(chain):
            continue
        units = [n.end for n in chain]
        for i in range(len(chain) - 2, -1, -1):  # a number with no unit of its own: the next one's
            if _JOINED.fullmatch(quote, chain[i].end, chain[i + 1].start):
                units[i] = units[i + 1]
        out.extend(Respective(s, e, n, u) for (s, e), n, u in zip(named, chain, units))
    return out


def respective_terms(quote: str, places: Sequence[tuple[int, int, frozenset]]) -> list[tuple[frozenset, Respective]]:
    """respectively() of the terms a vocabulary finds in the quote (its renderings: start, end and
    values), each with its values: "fludarabine and cyclophosphamide at 30 and 300 mg/m2/day,
    respectively" gives FLUDARABINE 30 and CYCLOPHOSPHAMIDE 300, each with the unit after 300."""
    values = {(start, end): v for start, end, v in places}
    out = []
    for r in respectively(quote, list(values)):
        out.append((values[(r.start, r.end)], r))
        # (and its abbreviation in the aside after it, the same item's: "fludarabine (Flu) and ...")
        aside = _ASIDE.match(quote, r.end)
        out.extend(
            (v, Respective(start, end, r.number, r.unit_at))
            for (start, end), v in values.items()
            if aside is not None and aside.start() <= start and end <= aside.end() and v == values[(r.start, r.end)]
        )
    return out


# A label of an arm or a cohort as sources write one: a part's noun and its designator ("Arm B", "Cohort 2",
# "Dose level 3", "Group II", "DL1")
_PART_LABEL = lazy(
    rf"(?i)(?<![\w-])(?:{kept_out.PART}|groups?|(?:dose[ \t]+)?levels?|DL)"
    r"(?:[ \t]*[0-9]{1,2}[a-z]?|[ \t]+(?:[A-Z]|[IVX]{1,4}))(?![\w-])"
)


def respective_labels(quote: str, labels: Sequence[str]) -> list[tuple[str, Respective]]:
    """respectively() of the arms' or cohorts' labels the quote writes, each with its label: labels (the
    record's, written whole) and any part's noun with its designator (_PART_LABEL: "Arm B", "Cohort 2").
    "Arm A and Arm B receive 1×10^6 and 3×10^6 CAR-T cells/kg, respectively" gives "Arm A" 1×10^6 and
    "Arm B" 3×10^6."""
    folded = quote.casefold()
    places: dict[tuple[int, int], str] = {}
    for label in labels:
        if not label:
            continue
        at = folded.find(label.casefold())
        while at >= 0:
            places[(at, at + len(label))] = label
            at = folded.find(label.casefold(), at + 1)
    for m in _PART_LABEL.finditer(quote):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in places):
            places[(m.start(), m.end())] = m.group(0)
    # (of two labels at one place, the longer: "Arm A" in "Arm A1")
    terms = [t for t in places if not any(s <= t[0] and t[1] <= e and e - s > t[1] - t[0] for s, e in places)]
    return [(places[(r.start, r.end)], r) for r in respectively(quote, terms)]


def _numbers_before(quote: str, found: list[Number], lo: int, at: int) -> list[Number]:
    """The enumeration of numbers that ends right before "respectively" at quote[at:], within lo."""
    chain: list[Number] = []
    for n in reversed([n for n in found if lo <= n.start and n.end <= at]):
        gap_end = chain[0].start if chain else at
        fits = _TO_RESPECTIVELY if not chain else None
        if fits is not None:
            if fits.fullmatch(quote, n.end, gap_end) is None:
                break
        elif _JOINED.fullmatch(quote, n.end, gap_end) is None and _UNIT_JOINED.fullmatch(quote, n.end, gap_end) is None:
            break
        chain.insert(0, n)
    return chain


def _numbers_after(quote: str, found: list[Number], at: int, hi: int) -> list[Number]:
    """The enumeration of numbers a few words after "respectively" ending at quote[:at], within hi."""
    chain: list[Number] = []
    for n in [n for n in found if at <= n.start and n.end <= hi]:
        if not chain:
            if _FROM_RESPECTIVELY.fullmatch(quote, at, n.start) is None:
                break
        elif (
            _JOINED.fullmatch(quote, chain[-1].end, n.start) is None
            and _UNIT_JOINED.fullmatch(quote, chain[-1].end, n.start) is None
        ):
            break
        chain.append(n)
    return chain


def _items_before(quote: str, items: list[tuple[int, int]], lo: int, at: int) -> list[tuple[int, int]]:
    """The enumeration of items whose last is the last item before quote[at:], within lo."""
    chain: list[tuple[int, int]] = []
    for s, e in reversed([t for t in items if lo <= t[0] and t[1] <= at]):
        if chain:
            aside = _ASIDE.match(quote, e)
            end = aside.end() if aside is not None and aside.end() <= chain[0][0] else e
            if _JOINED.fullmatch(quote, end, chain[0][0]) is None:
                break
        chain.insert(0, (s, e))
    return chain


# A number the words around it give as a bound on the dose from below, which states no dose: "more
# than 30 mg/m2/day", "at least 1×10^6 cells/kg", "≥ 1×10^6", "not less than 30", "30 mg/m2/day or
# more". Each bound a dose of the number (a cohort's or a lymphodepleting agent's) the source never
# gives. (A bound from above, "less than 30", "under 1×10^8", "not more than 30", is a cap, read as the
# dose only in a note, as "<" and "up to" are.)
_FLOOR_AFTER = lazy(
    r"(?i)(?:\s*[^\s\d,;.()][^\s,;()]*){0,4}?\s*,?\s*(?:or|and)\s+(?:more|higher|greater|above|over)\b|\+(?![\w\d\s])"
)


def part_of(quote: str, start: int) -> bool:
    """Whether the number at start is given as a part of another dose ("half of", "10% of") or as its
    tolerance ("± 0.5×10^6"): no dose (_PART_OF_BEFORE)."""
    return _PART_OF_BEFORE.search(quote, max(0, start - 40), start) is not None


def dose_floor(quote: str, start: int, end: int) -> bool:
    """Whether the number at start:end is a bound on a dose from below: a comparator of "greater" before
    it ("more than", "at least", "≥", "not below") or "or more" after its unit words."""
    before = comparator_before(quote, start)
    if before is not None and before[1] is None and before[0] in (">", ">="):
        return True
    return _FLOOR_AFTER.match(quote, end, min(len(quote), end + 80)) is not None


def dose_limit(quote: str, start: int, end: int) -> str | None:
    """CAP_READING or RANGE_READING when the number at start:end is a cap on the dose or an end of a
    range of doses, else None."""
    before = quote[max(0, start - 80) : start]
    if _CAP_BEFORE.search(before) or _CAP_AFTER.match(quote, end, min(len(quote), end + 80)):
        return CAP_READING
    bound = comparator_before(quote, start)
    if bound is not None and bound[1] is None and bound[0] in ("<", "<="):
        return CAP_READING  # "less than 30", "under 1×10^8", "not more than 30": a cap, as "<" is
    if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(quote, end, min(len(quote), end + 80)):
        return RANGE_READING
    return None


def doses(quote: str) -> tuple[Dose, ...]:
    """Every number that could be a dose, with its basis: "1×10^6/kg" (or "... cells/kg", "per kg")
    is per kilogram; a number with "flat", "fixed" or "total" in the quote is flat; any other is read
    as flat (a reading). A number the words give as a maximum or as an end of a range is the dose
    only as a reading too (limit)."""
    out = []
    for n in numbers(quote):
        if dose_floor(quote, n.start, n.end) or part_of(quote, n.start):
            continue  # a bound from below ("more than 1×10^6 cells/kg"), a part of another dose: no dose
        limit = dose_limit(quote, n.start, n.end)
        per_kg = _PER_KG.match(quote, n.end)
        if per_kg:
            out.append(Dose(n.value, "PER_KG", per_kg.end(), n.start, per_kg.end(), None, limit))
            continue
        # "1×10^6 CAR-T cells/kg" or "... cells per kilogram": the unit's words, then per kilogram
        tail = _UNIT_PER_KG.match(quote[n.end : n.end + 80])
        basis = "PER_KG" if tail else "FLAT"
        reading = None if basis == "PER_KG" or FLAT_WORDS.search(quote) else FLAT_READING
        out.append(Dose(n.value, basis, n.end, n.start, n.end, reading, limit))
    return tuple(out)


# What may follow a dose's unit: the end, punctuation, or a word that starts a new phrase ("... CAR-T
# cells for patients 1 to 3"); anything else means the unit runs on ("CAR-T" is not "CAR-T cells").
_AFTER_UNIT = lazy(
    r"(?:$|[\s]*[,.;:()\[\]/]|\s+(?:for|per|in|to|at|on|and|or|via|by|each|daily|once|twice|respectively|"
    r"administered|given|infused|intravenously|IV|i\.v\.)\b)",
    re.I,
)


def unit_follows(quote: str, at: int, unit: str) -> bool:
    """Whether the words from at are the unit, whole: the unit (case of the first letter aside), then
    the end of the unit's phrase."""
    rest = quote[at:].lstrip()
    wanted = nfkc(unit)
    written = rest[: len(wanted)]
    # (the rest of its letters as the quote writes them: "car-t cells" of "CAR-T cells" passed)
    if written[:1].lower() != wanted[:1].lower() or written[1:] != wanted[1:]:
        return False
    return bool(_AFTER_UNIT.match(rest, len(wanted)))


_UNIT_GOES_ON = lazy(r"\s*(?:/|per\b)", re.I)  # "mg/m2" of "mg/m2/day" or "mg/m2 per day"


def whole_unit(quote: str, at: int, unit: str) -> bool:
    """Whether the words from at are the unit whole: not a unit cut before the "/day" or "per day"
    that goes on with it ("30 mg/m2/day" is no dose of 30 mg/m2)."""
    if not unit_follows(quote, at, unit):
        return False
    return not _UNIT_GOES_ON.match(quote[at:].lstrip(), len(nfkc(unit)))


# The routes a drug is given by, in words ("intravenous infusion", "subcutaneously", "by mouth"), each with its code
# of the schema's: what a remark's prose gives the trial's route by (checks/remark_prose) and a route a remark says of
# a criterion is held to its words by (checks/remarks). ("IV" is left out: a phase's or a class's numeral too.)
ROUTES = {
    "INTRAVENOUS": r"intravenous(?:ly)?|i\.v\.",
    "SUBCUTANEOUS": r"subcutaneous(?:ly)?|s\.c\.",
    "ORAL": r"orally|oral|by[ \t]+mouth",
    "INTRAMUSCULAR": r"intramuscular(?:ly)?|i\.m\.",
    "INTRATHECAL": r"intrathecal(?:ly)?|into[ \t]+the[ \t]+(?:spinal[ \t]+canal|cerebrospinal[ \t]+fluid)",
    "INTRA_ARTERIAL": r"intra-?arterial(?:ly)?",
}
