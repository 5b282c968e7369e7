"""Dates as sources write them ("July 30, 2024", "30 July 2024", "2024-07"): whether a source of an
as-of date falls before one, the words that make a date a bound set on another, and the label a date
stands under (DATE_LABELS: the nearest before it, or one in brackets after it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon.quantities import folded, unit_at

# --- dates ----------------------------------------------------------------------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "(?:" + "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS) + r")\.?"
_DATE = lazy(
    rf"(?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}}))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))"
    rf"|(?P<my>(?P<m3>{_MONTH}),?\s+(?P<y3>\d{{4}}))"
    r"|(?P<iso>(?<![\d-])\d{4}(?:-\d{2}(?:-\d{2})?)?(?![\d-]))"
)


def _month(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(name.rstrip(".").lower()[:3]))


# A date written in digits with its day and month as numbers: "30/07/2024", "07/30/2024", "30.07.2024", "2024/07/30",
# and with dashes, "30-07-2024", "2024-8-30" (a month or a day of one digit: an ISO date unpadded, which _DATE does not
# read; IM19's note rewritten to "(2024-8-30, 2027-12-31)" passed, mutation hunt 210)
_NUMERIC = lazy(
    r"(?<![\w./-])(?:(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"|(?P<y2>\d{4})(?P<sep2>[/.-])(?P<m2>\d{1,2})(?P=sep2)(?P<d2>\d{1,2}))(?![\w/-]|\.\d)"
)


def numeric_dates(text: str) -> list[tuple[frozenset[str], int, int]]:
    """Each date text writes in digits alone ("30/07/2024", "03.07.2024", "2024/07/30"), with the days it may be
    (YYYY-MM-DD) and where it stands: a day and a month both 12 or less may be either ("03/07/2024": 3 July or 7
    March), as writers put them either way round. A note's "(30.07.2024, 30.12.2027)" of IM19's 2027-12-31 passed,
    a date in digits being read as no date (mutation hunt 208)."""
    out: list[tuple[frozenset[str], int, int]] = []
    for m in _NUMERIC.finditer(text):
        if m.group("y"):
            a, b, year = int(m.group("a")), int(m.group("b")), m.group("y")
            pairs = {(b, a), (a, b)}  # (month, day): day first, or month first
        else:
            year, pairs = m.group("y2"), {(int(m.group("m2")), int(m.group("d2")))}
        days = frozenset(f"{year}-{month:02d}-{day:02d}" for month, day in pairs if 1 <= month <= 12 and 1 <= day <= 31)
        if days:
            out.append((days, m.start(), m.end()))
    return out


# A year written alone ("launched in 2022", "the 1982 revised ACR criteria"): of 1900 to 2099, standing apart (not a
# date's part, a decimal's, a code's, nor a limit's number after a comparator: "<1000/mm³"), and counting nothing
# after it: no unit (a dose's "1000 mg/m²"), no people, cells or items ("2000 patients")
_YEAR = lazy(
    r"(?<![\w.,/:<>=≤≥×^+±#-])(?P<year>(?:19|20)\d\d)(?![\w/%×^-]|[.,]\d|[ \t]*(?:[-\u2013][ \t]*\d|/))"
    r"(?![ \t]+(?:patients?|participants?|subjects?|people|persons?|cells?|items?|entries|criteria|sites?|cases?)\b)"
)


def years(text: str) -> list[tuple[str, int, int]]:
    """Each year text writes alone, and where it stands: a date to its year. A note's "The trial was launched in
    2022." of Relma-cel's "Feb 28, 2023", or "the 1982 revised ACR criteria" of a source writing 1997, passed, a year
    alone being read as no date (mutation hunt 210)."""
    return [
        (m.group("year"), m.start(), m.end())
        for m in _YEAR.finditer(text)
        if unit_at(text, m.end("year")) is None and not _VERSION_BEFORE.search(text, 0, m.start())
    ]


# a version's label right before a year, which names the version and dates nothing ("No SLEDAI-2K version (2000) is
# named": review 206's honest note, refused again by the years read since hunt 210)
_VERSION_BEFORE = lazy(r"(?i)\b(?:version|revision|edition|release)s?[ \t]*(?:of[ \t]+)?\(?[ \t]*\Z")


@dataclass(frozen=True)
class DateMention:
    value: str  # as a partial date: YYYY, YYYY-MM or YYYY-MM-DD
    start: int
    end: int


def dates(quote: str) -> tuple[DateMention, ...]:
    out = []
    for m in _DATE.finditer(quote):
        if m.group("mdy"):
            value = f"{m.group('y1')}-{_month(m.group('m1')):02d}-{int(m.group('d1')):02d}"
        elif m.group("dmy"):
            value = f"{m.group('y2')}-{_month(m.group('m2')):02d}-{int(m.group('d2')):02d}"
        elif m.group("my"):
            value = f"{m.group('y3')}-{_month(m.group('m3')):02d}"
        else:
            value = m.group("iso")
        out.append(DateMention(value, m.start(), m.end()))
    return tuple(out)


def held_before(as_of: str) -> Callable[[str], bool]:
    """Whether a source of as_of (a partial date: YYYY, YYYY-MM or YYYY-MM-DD; "" where none is known)
    falls wholly before a date its words give, as written: only then does it show a party's role still
    held at an end date ("(PI until 2026)"), a status still open at one ("Recruiting until 2027") or one
    not yet begun at a start date ("Recruiting from 2026": retracted.status_out_of_time). "(PI until
    August 2025)" in a source as of 2025-08-17 may have ended by then, and no as-of date shows nothing."""

    def held(end: str) -> bool:
        found = dates(end)
        if not as_of or not found:
            return False
        last = as_of + {4: "-12-31", 7: "-31"}.get(len(as_of), "")
        first = found[-1].value + {4: "-01-01", 7: "-01"}.get(len(found[-1].value), "")
        return last < first

    return held


# The words that make a date a bound the source sets on the date it speaks of, not that date: "Start
# date: before 2024-07-30", "no later than 2024-07-30", "after ...", "2024-07-30 or later", "... at
# the earliest", "between 2024-07-30 and 2024-09-30" each bound a start date of 2024-07-30 the
# source never gives. Right before the date, or right after it. A range's ends stay dates ("Study
# period: 2024-07-30 to 2025-12-31" gives the start and the completion), and so does "from
# 2024-07-30 onwards".
_DATE_BOUND_BEFORE = lazy(
    r"(?i)\b(?:before|after|by|prior\s+to|(?:no|not)\s+(?:later|earlier|sooner)\s+than|(?:later|earlier)\s+than"
    r"|not\s+(?:before|after)|between(?:\b[^.;\n]{0,25}\band)?)\s*\Z"
)
_DATE_BOUND_AFTER = lazy(r"(?i)\s*,?\s*(?:or\s+(?:later|earlier|before|after|sooner)|at\s+the\s+(?:earliest|latest))\b")


def date_bound(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is a bound set on the date the text speaks of ("before
    2024-07-30", "2024-07-30 or later"), not that date."""
    return bool(_DATE_BOUND_BEFORE.search(text, max(0, start - 40), start) or _DATE_BOUND_AFTER.match(text, end))


# The words a source labels each registry date with (dates.<name>); the labels of the source's own
# as-of date are its as_of_label and AS_OF_LABELS.
DATE_LABELS: dict[str, tuple[str, ...]] = {
    "start": (
        "Study Start",
        "Study start",
        "Start Date",
        "Start date",
        "Actual Study Start",
        "Estimated Study Start",
        "startDateStruct",
        "Start",
    ),
    "primary_completion": (
        "Primary Completion",
        "Primary completion",
        "Primary Completion Date",
        "primaryCompletionDateStruct",
    ),
    "completion": (
        "Study Completion",
        "Study completion",
        "Completion Date",
        "Completion date",
        "Estimated completion",
        "Estimated Completion",
        "completionDateStruct",
        "Completion",
    ),
    "first_submitted": (
        "First Submitted",
        "First submitted",
        "First submit",
        "studyFirstSubmitDate",
    ),
    "first_posted": ("First Posted", "First posted", "studyFirstPostDateStruct"),
    "last_updated": (
        "Last Update Posted",
        "Last Updated",
        "Last updated",
        "Last Update",
        "Trial updated",
        "lastUpdatePostDateStruct",
    ),
    "launched": ("Trial launched", "Launched by", "Launched"),
}
AS_OF_LABELS = (
    "Current as of",
    "as of",
    "As of",
    "Last Updated",
    "Last Update Posted",
    "lastUpdatePostDateStruct",
    "Last updated",
    "Updated",
)


# Labels of the registry's other dates, which the record has no field for, that hold a label of one
# it has ("Last Update" of "Last Update Submitted", "First Submitted" of "First Submitted that Met QC
# Criteria", "First Posted" of "Results First Posted"): read as that label, the date the registry
# received an update bound dates.last_updated, the date its review of the first submission ended
# dates.first_submitted (a label DATE_LABELS listed as the first submission's own). Each is a label of
# its own, the longest first (label_pattern), of a date no field is.
OTHER_DATE_LABELS = frozenset(
    {
        "First Submitted that Met QC Criteria",
        "Last Update Submitted",
        "Last Update Submitted that Met QC Criteria",
        "Results First Submitted",
        "Results First Submitted that Met QC Criteria",
        "Results First Posted",
        "Certification/Extension First Submitted",
        "Certification/Extension First Submitted that Met QC Criteria",
        "Certification/Extension First Posted",
    }
)
# Every label of a registry date (DATE_LABELS, OTHER_DATE_LABELS); an as-of date adds its own (binding/dates.py: date).
LABEL_TEXTS = frozenset(text for texts in DATE_LABELS.values() for text in texts) | OTHER_DATE_LABELS
# A label prose writes after its date, in brackets, in any case: "2024-07-30 (completion)", "July 30,
# 2024 [study start]", "2024-07-30 (estimated primary completion date)"; each as the label text it is
_AFTER_LABELS = {text.lower(): text for text in sorted(LABEL_TEXTS, reverse=True) if " " in text or text.isalpha()}
_LABEL_AFTER = lazy(
    r"\s*[(\[]\s*(?:(?:actual|anticipated|estimated|expected|planned)\s+)?("
    + "|".join(map(re.escape, sorted(_AFTER_LABELS, key=lambda text: (-len(text), text))))
    + r")(?:\s+dates?)?\s*[)\]]",
    re.IGNORECASE,
)


def _label_after(text: str, end: int) -> str | None:
    """The label written in brackets right after a date ending at end ("2024-07-30 (completion)":
    "Completion"), as DATE_LABELS writes it; None for none. A label after a date in prose is the
    date's: read as unlabelled, "2024-07-30 (completion)" passed as a start date."""
    found = _LABEL_AFTER.match(text, end)
    return _AFTER_LABELS[folded(found.group(1))] if found is not None else None


def label_pattern(labels: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a set of labels, each a whole phrase (no letter, digit or "_" on either
    side), the longest first: "Start Date" is one label, not "Start" before " Date"."""
    ordered = sorted(labels, key=lambda text: (-len(text), text))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def label_spans(quote: str, pattern: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each label a label_pattern finds in the quote."""
    return tuple(m.span() for m in pattern.finditer(quote))


def label_of(
    quote: str,
    mention: DateMention,
    labels: tuple[tuple[int, int], ...],
    mentions: tuple[DateMention, ...] | None = None,
) -> str | None:
    """The label a date stands under, as written: the nearest label before it (labels: their
    label_spans) with no other date between (mentions: the quote's dates, when the caller has them),
    or else the label written in brackets right after it (_label_after, as DATE_LABELS writes it);
    None for neither. Every reader of a date's label reads both: binding did, and silence read
    "2024-07-30 (completion)" in a plain source as no completion date."""
    before = [label for label in labels if label[1] <= mention.start]
    if before:
        start, end = max(before, key=lambda label: label[1])
        if not any(end <= d.start < mention.start for d in (dates(quote) if mentions is None else mentions)):
            return quote[start:end]
    return _label_after(quote, mention.end)
