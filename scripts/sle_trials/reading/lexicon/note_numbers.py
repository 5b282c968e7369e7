"""The numbers a curation note may state in its own words that no unit names: a dose written as a power of ten
("a flat dose of 1×10^9 CAR-T cells"), a score ("a SLEDAI-2K score of 12", "SELENA-SLEDAI ≥ 10") and a count of
those a verb enrols without a word for people ("the trial enrols 12", "12 were screened"). Read in a note and in
its sources alike (remarks.check_remark_facts): mutation hunt 206 rewrote IM19's and Relma-cel's notes to
each, and they passed, a note's facts being only dates, quantities with a unit, counts of people and ranges of
patients."""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon.age_bounds import keeps_out
from sle_trials.reading.lexicon.instruments import INSTRUMENTS
from sle_trials.reading.lexicon.quantities import (
    WORDS_NUMBER,
    Unit,
    comparator_after,
    comparator_before,
    numbers,
    unit_at,
)
from sle_trials.reading.lexicon.stated_limits import Statement, clause_around

# a number written with a power of ten ("1×10^8", "10^6", "2e6") or scaled by a word of one ("2 million", "one
# billion": quantities.SCALES, which numbers() reads a number's value by): a cell dose, which no unit of quantities
# names. A note's "the first cohort gets 2 million CAR-T cells per kg" (the source's 1×10^6/kg) and "200 million
# CAR-T cells" passed, a dose being read only in a power's digits (mutation hunt 210)
_POWER = lazy(r"(?i)10\s*\^|\d[eE][-+]?\d|(?<![\w-])(?:million|billion|trillion)(?![\w-])")


def writes_a_power(text: str) -> bool:
    """Whether text writes a number with a power of ten anywhere (what powers() reads, before reading numbers)."""
    return _POWER.search(text) is not None


def powers(text: str) -> list[float]:
    """The numbers text writes with a power of ten, or scaled by a million or more."""
    return [n.value for n in numbers(text) if _POWER.search(text, n.start, n.end)]


# A number a label names before it: a criterion's, an attachment's, a visit's, a week's, a version's, a patient's
# or a part's number ("inclusion criterion 6", "Attachment 3", "at week 12", "patients 4 to 6", "Cohort 2"), or the
# last of a range of them. It is no score and no count: read as either, an honest note's "The SLEDAI-2K floor of
# inclusion criterion 6", "SLEDAI-2K at week 12" (a score of 6, of 12) or "patient 5 was dosed" (5 enrolled) was
# refused E501 beside sources that write no such score or count (review 206). (No comma joins a range: "At week
# 4, 12 were treated" counts 12.)
_LABELLED = lazy(
    r"(?i)(?<![\w-])(?:criteri(?:on|a)|sub-?criteri(?:on|a)|attachments?|appendi(?:x|ces)|annex(?:es)?|tables?|"
    r"figures?|sections?|(?:sub-?)?items?|versions?|visits?|weeks?|days?|months?|years?|cycles?|steps?|parts?|"
    r"cohorts?|arms?|groups?|(?:dose[ \t]+)?levels?|patients?|participants?|subjects?|numbers?|nos?\.|#)"
    r"[ \t]*\(?[ \t]*(?:\d+[ \t]*(?:to|-|\u2013|and|or|&)[ \t]*)?\Z"
)


def labelled(text: str, start: int) -> bool:
    """Whether the number at text[start] is one a label names before it (_LABELLED)."""
    return _LABELLED.search(text, max(0, start - 40), start) is not None


# a score: its scale's or the word's name, then (past a few words of no digit and no stop) its number, of three
# digits at most (no scale's runs higher: "SLEDAI-2K (2000 version)" gives none)
_SCALE = rf"(?:scores?|{INSTRUMENTS})"
_SCORE = lazy(rf"(?i)(?<![\w-]){_SCALE}(?![\w-])[^.;:\d\n]{{0,30}}?(?<![\w.-])(\d{{1,3}}(?:\.\d+)?)(?!\w|\.\d)")


# ... or in words, right after a word that gives a score its value ("a SELENA-SLEDAI of ten or more", "SLEDAI-2K
# score at least six"; Relma-cel's "of ten or more" passed, hunt 211), and not a count of the scales themselves ("is
# one of the scores", "two scales")
_SCORE_IN_WORDS = lazy(
    rf"(?i)(?<![\w-]){_SCALE}(?![\w-])[^.;:\d\n]{{0,30}}?(?<![\w-])(?:of|is|was|at[ \t]+least|at[ \t]+most|above|"
    rf"below|over|under|than|≥|≤|>|<|=)[ \t]+(?P<n>{WORDS_NUMBER})(?![\w-])"
    r"(?![ \t]+(?:of|scores?|scales?|instruments?|measures?|items?|tools?|indices|domains?)\b)"
)


def scores(text: str) -> list[tuple[float, str | None]]:
    """The numbers text gives as a score ("a score of 10 or above", "SLEDAI-2K ≥ 12", "a score of ten or more"), each
    with the comparator its words give it, if any; not one a unit follows ("scored at 12 weeks", "a score of ten weeks
    ago"), nor one a label names ("SLEDAI-2K at week 12", "score of criterion 6": labelled). (Read without its bound,
    a note's "A SLEDAI-2K under 10 is required." of IM19's "a score of 10 or above" passed: hunt 211.)"""
    out = []
    for m in _SCORE.finditer(text):
        if unit_at(text, m.end(1)) is None and not labelled(text, m.start(1)):
            before = comparator_before(text, m.start(1))
            out.append((float(m.group(1)), before[0] if before else comparator_after(text, m.end(1))))
    for m in _SCORE_IN_WORDS.finditer(text):
        read = numbers(m.group("n"))
        if len(read) == 1 and unit_at(text, m.end("n")) is None:
            before = comparator_before(text, m.start("n"))
            out.append((read[0].value, before[0] if before else comparator_after(text, m.end("n"))))
    return out


# a count a verb of enrolling gives, with no word for people: "enrols 12", "plans to enrol 24", "12 were
# screened", "enrollment is 12"
_VERB = (
    r"(?:enrol+(?:s|ed|ing)?|recruit(?:s|ed|ing)?|screen(?:s|ed|ing)?|treat(?:s|ed|ing)?|"
    r"randomi[sz](?:es|ed|ing)|dos(?:es|ed|ing))"
)
_COUNTED = lazy(
    rf"(?i)(?<![\w-])(?:{_VERB}|plans?|planned|enrol+ment(?:\s+(?:is|was|of))?)\s+(?:(?:only|just|about|"
    rf"approximately|up\s+to|a\s+total\s+of)\s+)?(?P<after>\d+|{WORDS_NUMBER})(?![\w,-]*\s*(?:%|[a-z×x^])|\.\d|\s*:\s*\d)"
    rf"|(?<![\w.,-])(?P<before>\d+|{WORDS_NUMBER})\s+(?:(?:were|was|are|have\s+been|has\s+been|had\s+been)\s+)"
    rf"(?:{_VERB})\b"
)


# (a year opening a date or a range of years: "2027-12-31", "2024-2027", "2024/25")
_YEAR_OF_A_DATE = lazy(r"(?:19|20)\d\d[-\u2013/.]\d")


def counted(text: str) -> list[float]:
    """The counts text gives with a verb of enrolling and no word for people ("the trial enrols 12"); not a ratio
    ("randomised 2:1"), a number a label names ("patient 5 was dosed": labelled) nor a date's year ("completion is
    planned 2027-12-31", "recruitment planned 2024-2027": each read as 2027 or 2024 enrolled, review 206)."""
    out = []
    ages = age_spans(text)
    # (a range of patients numbered in words ends at a number, no count: IM19's "Patients one to three are dosed per
    # kilogram." was refused as 3 enrolled, honest hunt 218)
    ranges = [(m.start(), m.end()) for m in _PATIENTS_IN_WORDS.finditer(text)]
    for m in _COUNTED.finditer(text):
        group = "after" if m.group("after") is not None else "before"
        if labelled(text, m.start(group)) or _YEAR_OF_A_DATE.match(text, m.start(group)):
            continue
        if any(start <= m.start(group) < end for start, end in ranges):
            continue
        if any(start <= m.start(group) < end for start, end in ages):
            continue  # an age's number ("Adults aged 18 to 70 are enrolled": no 70 enrolled, hunt 213's leftover)
        read = numbers(m.group(group))
        if read:
            out.append(read[0].value)
    return out


# Patients numbered in words: "patients four to six", "patient five" (head_counts.patient_ranges reads digits)
_PATIENTS_IN_WORDS = lazy(
    rf"(?i)\b(?:patients?|participants?|subjects?)[ \t]+(?P<first>{WORDS_NUMBER})"
    rf"(?:[ \t]*(?:to|through|-|\u2013)[ \t]*(?P<last>{WORDS_NUMBER}))?(?![\w-])"
    r"(?![ \t]*(?:years?|months?|weeks?|days?|hours?|kg|%|percent|of|or|more|times?)\b)"
)


def patient_ranges_in_words(text: str) -> list[tuple[int, int]]:
    """The patients text numbers in words ("patients four to six": (4, 6)): IM19's note rewritten to "the dose for
    patients four to seven" passed, a range being read in digits only (mutation hunt 208)."""
    out: list[tuple[int, int]] = []
    for m in _PATIENTS_IN_WORDS.finditer(text):
        first = numbers(m.group("first"))
        last = numbers(m.group("last")) if m.group("last") else first
        if len(first) == 1 and len(last) == 1:
            out.append((int(first[0].value), int(last[0].value)))
    return out


# What joins the ends of a range or two alternatives whose unit is written once, after the last: "12 to 70 years",
# "7.5–30 mg/day", "6 or 12 months"; and what may not stand right before its first end (a date's or a decimal's
# part: the 30 of "2024-07-30 to 6 months" is no number of months)
_RANGE_JOIN = lazy(r"(?i)[ \t]*(?:to|through|-|\u2013|or)[ \t]*")
_PART_OF_A_NUMBER = lazy(r"[\w.,/^×-]")


def range_starts(text: str, said: tuple[Statement, ...]) -> list[tuple[Statement, Unit]]:
    """The first end of each range (or pair of alternatives) said (stated_limits.statements of text) gives without
    its unit, which the last end writes, with that unit: "aged 12 to 70 years" states 12 years as well as 70. A
    note's "Patients of 12 to 70 years may enrol" (the source's 18 to 70) or "a window of 12 to 24 weeks" passed, the
    first end being read as a number of no unit (mutation hunt 210)."""
    out = []
    for lo, hi in zip(said, said[1:]):
        if lo.unit is not None or hi.unit is None or labelled(text, lo.start):
            continue
        if lo.start and _PART_OF_A_NUMBER.match(text, lo.start - 1):
            continue
        if _RANGE_JOIN.fullmatch(text, lo.end, hi.start):
            out.append((lo, hi.unit))
    return out


# An age a note gives with no unit, an age's word right before it: "Ages 18 to 75", "aged 18-65", "Adults up to 75
# may enrol", "adults from 18". age_bounds reads such an age with no unit, and a note's age is read with its unit
# only (a number of no unit after "aged 18" is anything: "up to 3 sites"), so Relma-cel's "Ages 18 to 75." and
# "Adults up to 75 may enrol" (its maximum 70) passed (hunts 210, 211). An age of no unit is one of years.
_AGE_NUMBER = rf"(?:\d{{1,3}}|{WORDS_NUMBER})"
_UNITLESS_AGES = lazy(
    r"(?i)(?<![\w-])(?:ages?|aged|adults?)(?:[ \t]+(?:aged|of|from|between))?[ \t]+"
    rf"(?:(?P<lo>{_AGE_NUMBER})[ \t]*(?:to|through|-|\u2013|and)[ \t]*(?P<hi>{_AGE_NUMBER})"
    rf"|(?P<max>up[ \t]+to|under|below|at[ \t]+most)[ \t]+(?P<upper>{_AGE_NUMBER})"
    rf"|(?P<min>over|above|at[ \t]+least|from)[ \t]+(?P<lower>{_AGE_NUMBER})"
    # (or its bound after it: "aged 16 and over", "adults 18 or older", "ages 75 and under": hunt 224, Relma-cel's
    # "The trial accepts patients aged 16 and over." passed of its minimum 18)
    rf"|(?P<from>{_AGE_NUMBER})[ \t]+(?:and|or)[ \t]+(?:over|older|above|up|upwards|more)"
    rf"|(?P<to>{_AGE_NUMBER})[ \t]+(?:and|or)[ \t]+(?:under|younger|below|less))(?![\w-]|[.,]\d)"
)
# ... and a bound named by its word, an age of no unit after it: Relma-cel's "The maximum age is 75." and "The minimum
# age is 21." passed (its 18 to 70, hunt 223): an age of no unit was read only after "ages", "aged" or "adults"; so
# did IM19's "The upper age limit is 70." (its maximum 65, hunt 224); and one set apart after it, "The maximum age,
# 75, matches the source." (IM19's 65, hunt 226)
_NAMED_BOUND = lazy(
    r"(?i)(?<![\w-])(?:(?P<max>maximum|max|upper|highest|oldest|top)|(?P<min>minimum|min|lower|lowest|youngest))"
    r"[ \t]+(?:eligible[ \t]+|enrol(?:l?ment)?[ \t]+)?age(?:[ \t]+(?:limit|bound|cap|cut-?off))?[ \t]*"
    rf"(?:(?:is|was|of|at|:|=|,|\(|reads|set[ \t]+at|given[ \t]+as)[ \t]*)+(?P<n>{_AGE_NUMBER})(?![\w-]|[.,]\d)"
)
# ... and the other bound after it, its verb left out: Relma-cel's "The minimum age is 18, the maximum 75." passed
# (its 70, hunt 223's leftover), the second bound read by nothing
_ELIDED_BOUND = lazy(
    r"(?i)[ \t]*(?:,|;|and\b)[ \t]*(?:(?:and|the|its|a)[ \t]+)*(?:(?P<max>maximum|upper|highest|oldest|top)"
    r"|(?P<min>minimum|lower|lowest|youngest))(?:[ \t]+(?:age|one|bound|limit))?[ \t]*(?:(?:is|was|of|at|:|=)[ \t]*)*"
    rf"(?P<n>{_AGE_NUMBER})(?=[ \t]*(?:[.,;:)]|\Z))(?![.,]\d)"
)


def unitless_ages(text: str) -> list[tuple[str, float]]:
    """Each age text gives with no unit after it, an age's word right before (_UNITLESS_AGES), with its bound ("min"
    or "max"). In a clause that keeps people out (_clause), an age is the other side of the bound its words give: "Older
    adults over 70 are not eligible" states a maximum age of 70 (read as a minimum, Relma-cel's honest note was
    refused, hunt 213's leftover), and "Adults over 65 are not eligible" of its 70 is refused as a maximum of 65. So
    does a clause "nor" opens ("children are not, nor are adults over 65": _NOR_BEFORE)."""
    out: list[tuple[str, float]] = []
    for m in _UNITLESS_AGES.finditer(text):
        if unit_at(text, m.end()) is not None or _YEARS_AFTER.match(text, m.end()):
            continue
        flipped = keeps_out(clause_around(text, m.start(), m.end(), _CLAUSE_BREAK)) or _NOR_BEFORE.search(
            text, max(0, m.start() - 40), m.start()
        )
        for bound, group in (
            ("min", "lo"),
            ("max", "hi"),
            ("max", "upper"),
            ("min", "lower"),
            ("min", "from"),
            ("max", "to"),
        ):
            read = numbers(m.group(group)) if m.group(group) else []
            if len(read) == 1:
                out.append((_OTHER_BOUND[bound] if flipped else bound, read[0].value))
    for m in _NAMED_BOUND.finditer(text):
        read = numbers(m.group("n"))
        # (the first bound with its unit is read with it; the second, its verb and unit left out, is read here: IM19's
        # "The minimum age is 18 years, the maximum 75." passed, hunt 225)
        years = _YEARS_WRITTEN.match(text, m.end())
        if len(read) == 1 and (years or (unit_at(text, m.end()) is None and not _YEARS_AFTER.match(text, m.end()))):
            if not years:
                out.append(("max" if m.group("max") else "min", read[0].value))
            elided = _ELIDED_BOUND.match(text, years.end() if years else m.end())
            other = numbers(elided.group("n")) if elided else []
            if elided and len(other) == 1 and unit_at(text, elided.end()) is None:
                out.append(("max" if elided.group("max") else "min", other[0].value))
    return out


_OTHER_BOUND = {"min": "max", "max": "min"}
# where the clause of an age ends: a stop, a comma, or a word joining another clause ("Adults aged 18 to 70 are
# eligible, and those with severe lupus nephritis are excluded" keeps no adult of 18 to 70 out)
_CLAUSE_BREAK = lazy(r"(?i)[.;:,!?()]|\b(?:and|but|unless|while|whereas|although|though|if|except)\b")


# "... children are not, nor are adults over 65": a clause "nor" opens keeps its people out as well
_NOR_BEFORE = lazy(r"(?i)(?<![\w-])nor[ \t]+(?:are|is|were|was)[ \t]+(?:(?:the|any|older|younger)[ \t]+)?\Z")


def age_spans(text: str) -> list[tuple[int, int]]:
    """Where text gives ages with no unit, an age's word right before (_UNITLESS_AGES): "aged 18 to 70"."""
    return [m.span() for m in _UNITLESS_AGES.finditer(text)]


_YEARS_WRITTEN = lazy(r"(?i)[ \t]*(?:years?|yrs?)(?:[ \t]+(?:old|of[ \t]+age))?(?![\w-])")
_YEARS_AFTER = lazy(r"(?i)[ \t]*(?:y\b|yo\b|y\.o\.|%)")
