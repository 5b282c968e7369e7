"""Ages: the ages a quote or a criterion states and which bound of who may enrol each is (by a label,
a comparator, a range, a birthday), and the words that make an age no bound: a sentence that keeps
people out, an event of the disease, the subgroup another requirement is for, another person, another
study, a part beside the trial's own, a bound widened or passed by a later age, a length of time."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out, retracted, sentences
from sle_trials.reading.lexicon.quantities import (
    BETWEEN,
    ORDINALS,
    TENS_JOIN,
    Number,
    comparator_before,
    folded,
    in_ratio,
    number_words,
    numbers,
)

# --- ages -----------------------------------------------------------------------------------------

# each unit as written in lower case, capitalised and in capitals ("18 YEARS", as a converted record or a
# criteria text in capitals writes it); the importer reads a registry's age field by the same spellings
AGE_UNITS = {
    "YEARS": ("years old", "year old", "YEARS OLD", "Years", "years", "YEARS", "Year", "year", "YEAR", "yrs", "y/o"),
    "MONTHS": ("Months", "months", "MONTHS", "Month", "month", "MONTH"),
    "WEEKS": ("Weeks", "weeks", "WEEKS", "Week", "week", "WEEK"),
    "DAYS": ("Days", "days", "DAYS", "Day", "day", "DAY"),
    "HOURS": ("Hours", "hours", "HOURS", "Hour", "hour", "HOUR"),
    "MINUTES": ("Minutes", "minutes", "MINUTES", "Minute", "minute", "MINUTE"),
}
_AGE_UNIT = lazy(
    r"\s?(?:"
    + "|".join(
        f"(?P<{unit}>" + "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True)) + ")"
        for unit, spellings in AGE_UNITS.items()
    )
    + r")(?![A-Za-z])"
)
# (an age's lower or upper end by that word, with "limit" or none: "the upper age is 70 years" was read as no maximum,
# an honest maximum refused and a note's "upper age" of another bound let pass, mutation hunt 207)
AGE_LABELS = {
    "min": r"(?:minimum ?age|minimumAge|min\.? age|(?:lower|youngest) age(?: (?:limit|bound))?"
    r"|aged? (?:at least|from))",
    "max": r"(?:maximum ?age|maximumAge|max\.? age|(?:upper|oldest) age(?: (?:limit|bound))?)",
}
# (the label and the age, a colon or a verb between: "Upper age limit: 70 years", "The lower age limit is 18 years")
_AGE_LABEL = {
    bound: lazy(r"(?i:" + pattern + r")\s*(?::|=|(?i:is|was|of|will\s+be)(?![\w-]))?\s*\Z")
    for bound, pattern in AGE_LABELS.items()
}
_AGE_RANGE = lazy(r"\s*(?:to|through|-|–|and)\s*")
# The word age right before a range's first end, which makes two bare numbers an age range ("aged between 18
# and 70", "Age 18-65"): no unit is written, but the word says what they count
_AGE_JUST_BEFORE = lazy(r"(?i)\bage[ds]?\s*(?::\s*|\s(?:between|from)\s+)?\Z")
# Between two bounds that share the second's unit: "and" (or a comma) and the second's comparator.
_AGE_AND = lazy(r"\s*(?:,\s*)?(?:and\s*)?(?:[<>]=?|[≤≥⩽⩾≦≧]|=<|=>)\s*")
# "aged from 18 to 65 years": a label's "from" that opens a range, whose "to" gives the other bound; so does
# "within" ("Age within 18 to 65 years"), read alone as "<" (COMPARATORS_BEFORE)
_FROM = lazy(r"(?i)\bfrom\s*\Z")
_WITHIN = lazy(r"(?i)\bwithin\s*\Z")
# "18 years ≤ age ≤ 65 years": a comparator and the word age after the number, which bound it reads
_BEFORE_AGE = lazy(r"(?i)\s*(?:(?P<min>≤|<=|=<|⩽|<)|(?P<max>≥|>=|=>|⩾|>))\s*(?:the\s+)?age\b")
_AGE_OLDER = lazy(r"\s*(?:\+|(?:or|and) (?:older|above|over|more))", re.I)
_AGE_YOUNGER = lazy(r"\s*(?:(?:or|and) (?:younger|below|under|less))", re.I)
# Words by which a sentence keeps people out: an age there is the other side of the bound its words
# say ("Patients over 65 years are excluded" is no minimum of 65, "No patients under 18 years" no
# maximum of 18), so an age in such a sentence is read as no bound at all.
# The words are kept_out's; a denial not after "be" only of the words that say who may enrol ("not
# eligible", "never allowed"): "Patients aged 18 to 65 years, not included in another trial" and "...
# who do not participate in other studies" keep no one out of this one.
_KEPT_OUT = lazy(
    rf"(?i)\b(?:exclude|excluding|exclusion|{kept_out.SHUT_OUT}|{kept_out.DENIED}\s+be\s+{kept_out.LET_IN}"
    rf"|{kept_out.DENIED}\s+(?:eligible|allowed|permitted|accepted)"
    r"|(?:(?:may|can|must|will|shall|should)\s+not|cannot)\s+(?:participate|take\s+part)"
    r"|no (?:patients?|participants?|subjects?|one|children|adults))\b"
)
# An age that names the patients another requirement is for, not who may enrol: the requirement's verb
# right after it ("Patients older than 60 years must have an ejection fraction ≥ 50%", "Participants ≥ 65
# years old will receive half the dose", "Women over 45 years need no contraception") or a "for"/"if"
# opening its clause ("for patients under 16 years, weight ≥ 40 kg"). Each bound a minimum (or maximum)
# age of the trial. Words that say who enrols or consents ("Patients aged ≥ 18 years must sign the
# informed consent", "... must be eligible") leave it a limit.
# (past the words that name the subgroup after the age too: "Women aged 18 to 50 years of childbearing
# potential must use contraception" bound a maximum age of 50)
# (and, of a range's first end, past its other end: the range names one subgroup, and its minimum of 18
# bound where its maximum did not; binding and age_bounds.ages, which silence reads, read both ends so)
# (having the trial's disease is who enrols, not a subgroup's requirement: "Patients aged 18 to 65 years
# must have active SLE", "... must be diagnosed with SLE" refused an honest maximum age of 65)
_RANGE_OTHER_END = (
    r"(?:\s*(?:to|through|-|–)\s*[0-9]+(?:\.[0-9]+)?(?:\s?(?:years?|yrs?|months?|weeks?|days?)(?![A-Za-z]))?)?"
)
# (in a relative clause too: "Women aged 18 to 45 years who are of childbearing potential must use
# contraception", "... who can become pregnant must ...")
_OF_CHILDBEARING_POTENTIAL = (
    r"(?:(?:\s+(?:who|that)\s+(?:are|is|could|can|may))?\s+(?:of\s+(?:child-?bearing|reproductive)\s+(?:potential|age)"
    r"|(?:able\s+to|capable\s+of)\s+(?:becom(?:e|ing)|get(?:ting)?)\s+pregnant|(?:becom(?:e|ing)|get(?:ting)?)\s+pregnant))?"
)
_FOR_A_SUBGROUP_AFTER = lazy(
    rf"(?i){_RANGE_OTHER_END}(?:\s+(?:old|of age))?{_OF_CHILDBEARING_POTENTIAL}"
    r"\s*,?\s+(?:"
    r"(?:must|should|shall|need(?:s)?(?:\s+to)?|(?:is|are)\s+required\s+to|ha(?:ve|s)\s+to)"
    r"(?!\s+(?:not\s+)?(?:be\s+)?(?:enrol|enroll|includ|eligible|recruit|participat|join|take\s+part|screened|"
    r"sign|provide|give|consent|able|willing|voluntar|agree|meet|fulfil|satisf)\w*)"
    r"(?!\s+(?:have|be)\s+(?:(?:a|an|been)\s+)?(?:(?:active|confirmed|established|documented|definite|clinically)\s+)?"
    r"(?:diagnos\w*|SLE\b|lupus\b|systemic\s+lupus))"
    r"|(?:will\s+)?receives?|needs?\s+no|requires?)\b"
)
_FOR_A_SUBGROUP_BEFORE = lazy(r"(?i)^\s*(?:for|if|when|where)\b")
# The trial's own product and its infusion as prose names them, one spelling for every reader of the
# trial's own events (an age at its treatment here, binding's durations counted from them, prose's
# sentences of the lymphodepletion): "CAR-T", "CAR T", "CART", "CAR-T cells", "CAR T-cell"; "the CAR-T
# cell infusion", "CAR T-cells infusion", "the cell infusion", "infusion". Spelled four ways before:
# one read "after CAR-T-cell infusion" as no time after the infusion, and the cyclophosphamide given
# then bound as the lymphodepletion's; another "18 years at onset of the CAR-T cell therapy" as an age
# at an event of the disease
CAR_T = r"CAR[-\s]?T(?:[-\s]cells?)?"
THE_INFUSION = rf"(?:the\s+)?(?:{CAR_T}\s+)?(?:cells?\s+)?infusion\b"
# after an age, the event of the disease it is the age at ("18 years at diagnosis of SLE", "... or older at
# the time of diagnosis", "at disease onset"): no participant's age; one at screening or consent is theirs
_AT_AN_EVENT = lazy(
    r"(?i)(?:\s+(?:old|of age|or (?:older|more|above|younger|less|below)))?\s+(?:at|when)\s+(?:the\s+time\s+of\s+)?"
    r"(?:(?:the\s+)?(?:first\s+)?(?:diagnos[ie]s|diagnosed|onset|disease onset|symptom onset)"
    r"|(?:[\w-]+\s+){1,2}(?:onset|diagnos[ie]s))\b"
    # the onset of the trial's own treatment is no event of the disease: the participant's age then
    rf"(?!\s+of\s+(?:the\s+)?(?:study\s+|{CAR_T}\s+|cells?\s+)?(?:treatment|therapy|dosing|infusion|"
    r"lymphodepletion|conditioning|study|trial)\b)"
)


# An age by the birthday that reaches it ("who have reached their eighteenth birthday", "before their
# 18th birthday"): read as no age, an honest minimum age of 18 was refused and one declared silent
# passed. Its bound is the words' before it: reached (and the like) a minimum, not yet reached or
# before a maximum, as "≥ 18 years" and "< 18 years" are.
_ORDINAL_WORDS = number_words(ORDINALS, TENS_JOIN)
_BIRTHDAY = lazy(r"(?i)\b(?:(?P<digits>[0-9]{1,3})(?:st|nd|rd|th)|(?P<words>" + _ORDINAL_WORDS + r"))\s+birthdays?\b")
# (a verb reaching it, negated in any form, is a maximum: "haven't reached", "did not reach", "yet to
# reach" were read as "reached", a minimum, and a minimum age of 18 passed where the source kept it a
# maximum; so was "not, at screening, have reached", a negation a phrase between commas parts from it)
# whose birthday: "their", "his or her", "his/her" (read only as "his" or "her", "who have reached his or
# her 18th birthday" stated no age, and an honest minimum of 18 was refused)
_WHOSE = r"(?:(?:their|his\s+or\s+her|her\s+or\s+his|his\s*/\s*her|her\s*/\s*his|his|her|the|a)\s+)?"
_REACHED = r"(?:reached|reach|reaching|attained|attain|attaining|passed|pass|had|celebrated|celebrate|turned|turn|past)"
_BEFORE_A_BIRTHDAY = lazy(
    rf"(?i)(?:(?:\bnot|\bnever|n['’]t)(?:\s+yet)?(?:\s*,[^,.;()]{{0,40}},|\s*\([^().;]{{0,40}}\))?"
    rf"\s+(?:yet\s+)?(?:have\s+|having\s+|be\s+|been\s+)?{_REACHED}"
    rf"|\byet\s+to\s+(?:have\s+)?{_REACHED}|\bwithout\s+(?:having\s+)?{_REACHED}"
    # (the end of a range of birthdays: "from their 18th birthday to their 65th birthday")
    r"|\b(?:on\s+or\s+)?before|\bprior\s+to|\buntil|\btill|\bup\s+to|\bbirthdays?\s+(?:to|through))\s+" + _WHOSE + r"\Z"
)
# ("since" is left out: what dates from a birthday, "had SLE since their 16th birthday", is no age of
# who may enrol)
# Two birthdays that bound a range ("between their 18th and 65th birthdays"): the first a minimum,
# the second a maximum, as "between 18 and 65 years" are; "from their 18th birthday to their 65th
# birthday" is one too, whose event before it bounds neither end ("received rituximab from their 10th
# birthday to their 16th birthday": read as a birthday after "birthday to", 16 was a maximum)
_ORDINAL = r"(?:[0-9]{1,3}(?:st|nd|rd|th)|" + _ORDINAL_WORDS + r")"
_BIRTHDAYS_BETWEEN = lazy(
    rf"(?i)\b(?:between|from)\s+{_WHOSE}(?P<first>{_ORDINAL})(?:\s+birthdays?)?\s+(?:and|to|through|until)\s+"
    rf"{_WHOSE}(?P<second>{_ORDINAL})\s+birthdays?\b"
)
_FROM_A_BIRTHDAY = lazy(rf"(?i)\b(?:{_REACHED}|(?:on\s+or\s+)?after|from)\s+" + _WHOSE + r"\Z")


@dataclass(frozen=True)
class Age:
    bound: str | None  # "min", "max", or None when the words do not say which
    value: float
    unit: str | None  # YEARS, MONTHS, ... (None: no unit written with it)
    start: int
    end: int


def ages(quote: str) -> tuple[Age, ...]:
    """The ages a quote states and which bound each is: by a label ("Minimum Age: 18 Years"), a
    comparator ("≥ 18 years", "18 years and older"), a range ("between 18 and 70 years", "18 to 65
    years"), or, for exactly two bare ages ("18 Years 65 Years", a registry page's two lines), their order."""
    nums = [n for n in numbers(quote) if not in_ratio(quote, n.start, n.end)]  # "6:0 years" is no age
    found: list[tuple[Number, str | None, int]] = []
    for n in nums:
        m = _AGE_UNIT.match(quote, n.end)
        found.append((n, m.lastgroup if m else None, m.end() if m else n.end))
    out: list[Age] = []
    bare: list[int] = []
    skip: set[int] = set()
    kept_out = _KeptOut(quote)
    unbound_at: set[int] = set()  # where an age is read as no bound, not only as none placed
    for i, (n, unit, end) in enumerate(found):
        if i in skip:
            continue
        if unbound_age(quote, n.start, end, unit, kept_out):
            if unit is not None:  # an age, but of those kept out, or the age the disease began or was found at
                out.append(Age(None, n.value, unit, n.start, end))
                unbound_at.add(n.start)
            continue
        head = quote[max(0, n.start - 40) : n.start]
        bound = next((b for b, p in _AGE_LABEL.items() if p.search(head)), None)
        cmp = comparator_before(quote, n.start)
        if bound is None and cmp:
            bound = "min" if cmp[0] in (">=", ">") else "max" if cmp[0] in ("<=", "<") else None
        nxt = found[i + 1] if i + 1 < len(found) else None
        rng = _AGE_RANGE.match(quote, end)
        opened = _FROM if bound == "min" else _WITHIN if bound == "max" else None
        ranged = bound is None or bool(opened and opened.search(head) and rng and rng.group(0).strip() != "and")
        if ranged and nxt and rng and rng.end() == nxt[0].start and (unit or nxt[1] or _AGE_JUST_BEFORE.search(head)):
            # "between 18 and 70 years", "18 to 65 years", "18-65 years", "aged from 18 to 65 years": both ends
            if (rng.group(0).strip() != "and") or BETWEEN.search(head):
                # (one statement: where the words around its other end make it no bound, neither end is
                # one, "Women aged 18 to 50 years of childbearing potential must use contraception")
                one = None if unbound_age(quote, nxt[0].start, nxt[2], nxt[1] or unit, kept_out) else "min"
                if one is None:
                    unbound_at.update((n.start, nxt[0].start))
                out.append(Age(one, n.value, unit or nxt[1], n.start, end))
                out.append(Age(one and "max", nxt[0].value, nxt[1] or unit, nxt[0].start, nxt[2]))
                skip.add(i + 1)
                continue
        if bound and unit is None and nxt and nxt[1] and _AGE_AND.fullmatch(quote, end, nxt[0].start):
            unit = nxt[1]  # "≥18 and ≤65 years": one unit after both bounds
        before_age = _BEFORE_AGE.match(quote, end) if bound is None else None
        if before_age:
            bound = "min" if before_age.group("min") else "max"  # "18 years ≤ age": a minimum
        elif bound is None and unit and _AGE_OLDER.match(quote, end):
            bound = "min"
        elif bound is None and unit and _AGE_YOUNGER.match(quote, end):
            bound = "max"
        if unit is None and bound is None:
            continue  # a number without an age unit or an age word is no age
        if bound is None:
            bare.append(len(out))
        out.append(Age(bound, n.value, unit, n.start, end))
    if len(bare) == 2:  # a registry page's "18 Years" and "65 Years": minimum first
        for which, index in zip(("min", "max"), bare):
            a = out[index]
            out[index] = Age(which, a.value, a.unit, a.start, a.end)
    # (after the bare ages are placed: bare holds their places in out, which a birthday read before
    # them and sorted in moved, so that "reached their 21st birthday. 18 Years 65 Years" read a
    # maximum of 18)
    ranges = list(_BIRTHDAYS_BETWEEN.finditer(quote))
    range_starts = [r.start() for r in ranges]
    for r in ranges:
        unbound = unbound_age(quote, r.start(), r.end(), "YEARS", kept_out) or _AN_EVENT_THEN.search(
            quote, max(0, r.start() - 80), r.start()
        )
        for bound, part in (("min", "first"), ("max", "second")):
            value = _ordinal_value(r.group(part))
            out.append(Age(None if unbound else bound, value, "YEARS", r.start(part), r.end(part)))
            if unbound:
                unbound_at.add(r.start(part))
    for m in _BIRTHDAY.finditer(quote):
        # (the range it may stand in found by bisection: each birthday against every range was n² steps,
        # 4 s for a text of 8,000 ranges)
        k = bisect.bisect_right(range_starts, m.start()) - 1
        if k >= 0 and m.start() < ranges[k].end():
            continue  # the second end of a range of birthdays, read with it
        value = _ordinal_value(m.group("digits") or m.group("words"))
        if unbound_age(quote, m.start(), m.end(), "YEARS", kept_out):
            out.append(Age(None, value, "YEARS", m.start(), m.end()))
            unbound_at.add(m.start())
            continue
        head = quote[max(0, m.start() - 90) : m.start()]
        bound = "max" if _BEFORE_A_BIRTHDAY.search(head) else "min" if _FROM_A_BIRTHDAY.search(head) else None
        out.append(Age(bound, value, "YEARS", m.start(), m.end()))
    out.sort(key=lambda a: a.start)
    passed = _passed_later(quote, out, unbound_at)
    return tuple(
        Age(None, a.value, a.unit, a.start, a.end) if a.start in passed or _lets_in_beyond(quote, a) else a for a in out
    )


# Where a sentence ends for an age a later one passes: a stop or a line's end, not a semicolon ("Age 18
# to 65 years; patients aged 66 to 70 years may be enrolled after review")
_SENTENCE_STOP = lazy(r"[.!?](?!\d)|\n")


def _passed_later(text: str, found: list[Age], unbound_at: set[int]) -> set[int]:
    """The starts of the age bounds of found (in text's order) that another age of their sentence
    (_SENTENCE_STOP) passes, in the same unit, one no reading makes no bound (unbound_at), no length of
    time, no bound of the other side: a lower age after a minimum ("Minimum age: 18 years (16 years
    with parental consent)", "Age ≥ 18 years (≥ 12 years in China)"), a higher one after a maximum
    ("Maximum age: 65 years (70 years at the investigator's discretion)", "Age 18 to 65 years, or up
    to 70 years with sponsor approval"): the trial lets in those the bound leaves out. So does one
    before it: a range of a part or a group inside the trial's ("Age 18 to 70 years (12 to 17 years in
    Part B)": 17 is no maximum of the trial, which takes patients of 70; "Adolescents 12 to 17 years in
    Part B; adults 18 to 70 years in Part A": 18 is no minimum). Read from each end, each age once."""
    stops = [m.start() for m in _SENTENCE_STOP.finditer(text)]
    passed: set[int] = set()
    for ordered in (list(reversed(found)), found):
        lowest: dict[str, float] = {}
        highest: dict[str, float] = {}
        sentence = -1
        for a in ordered:
            here = bisect.bisect_left(stops, a.start)
            if here != sentence:
                sentence, lowest, highest = here, {}, {}
            if a.unit is None:
                continue
            if (a.bound == "min" and lowest.get(a.unit, a.value) < a.value) or (
                a.bound == "max" and highest.get(a.unit, a.value) > a.value
            ):
                passed.add(a.start)
            if a.start not in unbound_at and not length_of_time(text, a):
                # (a bound of the other side passes none: "minimum age 60 years; maximum age 50 years" contradicts)
                if a.bound != "max":
                    lowest[a.unit] = min(lowest.get(a.unit, a.value), a.value)
                if a.bound != "min":
                    highest[a.unit] = max(highest.get(a.unit, a.value), a.value)
    return passed


def _ordinal_value(ordinal: str) -> float:
    """The number an ordinal (_ORDINAL: "18th", "eighteenth") names."""
    digits = ordinal.rstrip("stndrhSTNDRH")
    return float(digits) if digits.isdigit() else float(ORDINALS[re.sub(TENS_JOIN, "-", folded(ordinal))])


def unbound_age(
    text: str, start: int, end: int, unit: str | None, kept_out: Callable[[int, int], bool] | None = None
) -> bool:
    """Whether the words around the number at text[start:end] (an age with its unit, or a bare number)
    make it no bound of who may enrol: a sentence that keeps people out, the age the disease began or
    was found at, the patients another requirement is for, someone other than who enrols ("Partners
    aged 18 years or older"). Binding reads a quote's age in its
    source's words too: a quote cut before them ("Patients under 70 years" of "... are excluded")
    read the age as a bound. (kept_out: whether the sentence around start:end keeps people out, read
    once a sentence: _KeptOut)"""
    return bool(
        (kept_out(start, end) if kept_out is not None else _KEPT_OUT.search(sentences.in_quote(text, start, end)))
        or _AT_AN_EVENT.match(text, end)
        or _NOT_REQUIRED_AFTER.match(text, end)
        or _NOT_NOW_AFTER.match(text, end)
        or retracted.taken_back(text, start, end)
        or (unit is not None and _for_a_subgroup(text, start, end))
        or (
            _A_BIRTHDAY_END.search(text, start, end) is not None
            and _AN_EVENT_BEFORE.search(text, max(0, start - 80), start)
        )
        or _AN_EVENT_AT_AGE.search(text, max(0, start - 80), start) is not None
        or _of_another_person(text, start)
        or _EXCEPTED_OR_OF_A_PART.match(text, end) is not None
        or _of_another_study(text, start, end, kept_out)
    )


# The words that name a study besides this one ("an earlier study", "another trial", "a previous Phase
# 1 study"), read by prose's turns (prose._OTHER) and by an age's sentence here
ANOTHER = r"(?:earlier|previous|prior|preceding|former|another|other|separate|sister)"
# ... and those that name one only where the sentence speaks in the past ("In the pilot study, patients
# aged 12 years or older were treated"; "In the pilot study, patients aged 18 to 65 years will be
# enrolled" may be this trial's own)
_BEFORE_THIS = r"(?:pilot|parent|original|feasibility|first-in-human|dose-finding|predecessor)"
_STUDY = r"(?:trials?|stud(?:y|ies))(?![\w-])"
_PAST = lazy(
    r"(?i)\b(?:were|was|had)\b|(?<!\bbe\s)(?<!\bbeen\s)\b(?:enrol+ed|treated|included|recruited|received|dosed|infused"
    r"|studied)\b"
)
# An age in a sentence that opens on another study, as its setting or its subject ("In the pilot study,
# patients aged 12 years or older were treated.", "The earlier trial enrolled patients aged 12 years or
# older.", "In a prior trial of IM19, ..."), or that says its patients were treated in one ("Patients
# aged 12 years or older were enrolled in an earlier study"): that study's, no bound of this trial's.
# Each bound its age. Not another study the patients took part in, which a criterion names after the
# age or in a clause of its own ("Patients aged 18 to 65 years, not included in another trial",
# "Patients who have not participated in another trial, aged 18 to 65 years", "... who were treated in
# a prior study"): the words before the study's in the opening are no person's, preposition's or
# negation's.
_NOT_AN_OPENING_WORD = r"(?!(?:in|of|from|with|who|whom|that|which|not|no|never|patients?|participants?|subjects?)\b)"
_OPENS_ON_ANOTHER_STUDY = lazy(
    r"(?i)\s*(?:(?:in|during|from|within|across|throughout)\s+)?(?:(?:the|a|an|one|its|our|their)\s+)?"
    rf"(?:{_NOT_AN_OPENING_WORD}[\w()'’/-]+\s+){{0,2}}?(?:(?P<other>{ANOTHER})|{_BEFORE_THIS})\s+"
    rf"(?:[\w()'’/-]+\s+){{0,2}}?{_STUDY}"
    # (the study itself, a word of its own after it: "Other study requirements: age 18 to 65 years" names
    # this trial's)
    r"(?=\s*[,:;(]|\s+(?:of|in|on|with|for|by|at|from|enrol\w*|treat\w*|includ\w*|recruit\w*|dos\w*|evaluat\w*"
    r"|test\w*|report\w*|show\w*|had|has|have|was|were|is|are|that|which|NCT\d)\b)"
)
_TREATED_IN_ANOTHER_STUDY = lazy(
    r"(?i)[^.;!?\n]{0,60}?(?<!\bwho\s)(?<!\bthat\s)\b(?:were|was|had\s+been)\s+(?:(?:previously|already|first)\s+)?"
    r"(?:treated|enrol+ed|included|dosed|studied|recruited|infused)\s+(?:in|during|within)\s+"
    rf"(?:the|an?|its|our|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{ANOTHER}|{_BEFORE_THIS})\s+(?:[\w-]+\s+){{0,2}}?{_STUDY}"
)


def _of_another_study(text: str, start: int, end: int, kept_out: Callable[[int, int], bool] | None = None) -> bool:
    """Whether the age at text[start:end] is another study's by the words of its sentence
    (_OPENS_ON_ANOTHER_STUDY, _TREATED_IN_ANOTHER_STUDY); its sentence's bounds kept_out's where it
    read them (_KeptOut: each sentence's stops read once)."""
    if _TREATED_IN_ANOTHER_STUDY.match(text, end) is not None:
        return True
    lo, hi = kept_out.bounds(start, end) if isinstance(kept_out, _KeptOut) else sentences.around(text, start, end)
    if _OPENS_ON_A_PART_OR_THE_PAST.match(text, lo, start) is not None:
        return True
    opening = _OPENS_ON_ANOTHER_STUDY.match(text, lo, start)
    return opening is not None and bool(opening.group("other") or _PAST.search(text, lo, hi))


# A part beside the trial's own (an extension, a sub-study), whose ages are not the trial's
_BESIDE_THE_TRIAL = r"(?:extension|sub-?stud(?:y|ies)|substud(?:y|ies)|ancillary|optional|exploratory)"
# ... or on a part beside the trial's own, or on a time before the protocol now in force, as its setting
# ("In the open-label extension, patients aged 12 years or older may enrol.", "Previously, patients aged
# 12 years or older were eligible.", "Under the original protocol, ..."): each bound its age
_OPENS_ON_A_PART_OR_THE_PAST = lazy(
    # (with its comma: "Previously treated patients aged 18 to 65 years" are the trial's)
    r"(?i)\s*(?:(?:previously|formerly|originally|initially|until\s+(?:the\s+)?(?:protocol\s+)?amendment\b[^,]{0,20})\s*,"
    r"|(?:under|in)\s+(?:the\s+)?(?:original|previous|earlier|old|first)\s+(?:version\s+of\s+the\s+)?protocol\b"
    r"|before\s+(?:the\s+)?(?:protocol\s+)?amendment\b(?:\s+[\w.-]+)?\s*,"
    r"|(?:in|for|during|within)\s+(?:the|an?|its)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_BESIDE_THE_TRIAL}(?:\s+(?:cohorts?|parts?|phases?|stud(?:y|ies)|periods?|arms?|stages?))?\s*,)"
)


# An age the words after it in its sentence make an exception to, or give of a part beside the trial's
# own: "Age 18 to 65 years, except in the extension cohort", "Age ≥ 18 years (unless approved by the
# sponsor)", "Adolescents aged 12 to 17 years may enrol in the open-label extension", "Age 12 to 17
# years (sub-study only)". Each bound its age; "Age 18 to 65 years (all cohorts)" and "... unless
# pregnant" (a rule's exception) still do.
_EXCEPTED_OR_OF_A_PART = lazy(
    rf"(?i){kept_out.excepted()}"
    r"|[^.!?;\n]{0,60}?(?:(?<![\w-])(?:in|for|within|into|of)\s+(?:the|a|an|its|any)\s+(?:[\w-]+\s+){0,2}?"
    rf"|[(\[]\s*(?:only\s+)?(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,2}}?){_BESIDE_THE_TRIAL}(?![\w-])"
)
# An age bound the words after it in its sentence widen, letting in those beyond it (kept_out.let_in):
# older patients past a maximum ("Age 18 to 65 years; older patients may be enrolled at the
# investigator's discretion"), younger ones before a minimum ("Aged 18 years or older; adolescents aged
# 12 to 17 years may also enrol"). Each bound its age; the other bound stands, and those beyond it kept
# out or set a rule leave it standing ("Age 18 to 65 years; older patients are excluded"). (not_dosed reads
# a dose given to those beyond an age by them too: "in patients over 65 years: 20 mg/m2/day")
BEYOND_AN_AGE = {
    "max": r"(?:older|elderly|(?:over|above|older\s+than|>)\s*[0-9]+\s*(?:years?|yrs?))",
    "min": (
        r"(?:younger|adolescents?|children|child|minors?|paediatric|pediatric|juveniles?|teenagers?"
        r"|(?:under|below|younger\s+than|<)\s*[0-9]+\s*(?:years?|yrs?))"
    ),
}
_WIDENED = {bound: lazy(rf"(?i){kept_out.let_in(group)}") for bound, group in BEYOND_AN_AGE.items()}


def widened(text: str, a: Age) -> bool:
    """Whether the words after the age bound a in its sentence of text let in those beyond it (_WIDENED),
    or a later age of the sentence passes it (_passed_later), as age_bounds.ages reads them: binding's
    reading of an age a quote bounds, in its source's sentence."""
    if _lets_in_beyond(text, a):
        return True
    later = [
        b for b in ages(text[a.end :]) if b.bound is not None or not unbound_age(text[a.end :], b.start, b.end, b.unit)
    ]
    shifted = [Age(b.bound, b.value, b.unit, b.start + a.end, b.end + a.end) for b in later]
    return a.start in _passed_later(text, [a, *shifted], set())


def _lets_in_beyond(text: str, a: Age) -> bool:
    """Whether the words after the age bound a in its sentence of text let in those beyond it (_WIDENED)."""
    found = _WIDENED.get(a.bound or "")
    return found is not None and found.match(text, a.end) is not None


# An age the words right after it say is no requirement ("Aged 18 years or older is not required.", "Age
# 18 to 65 years is no longer a requirement."): no bound of who may enrol, which each bound
_NOT_REQUIRED_AFTER = lazy(
    r"(?i)(?:\s+(?:years?|months?|weeks?|days?))?(?:\s+(?:old|of\s+age))?"
    r"(?:\s+(?:or|and)\s+(?:older|younger|above|below|over|under|more|less|greater))?"
    r"(?:\s*(?:to|-|–)\s*[0-9]+(?:\s+(?:years?|months?|weeks?|days?))?(?:\s+(?:old|of\s+age))?)?\s*,?\s+"
    r"(?:is|are|was|were)\s+(?:not|no\s+longer)\s+(?:required|a\s+requirement|necessary|needed|mandatory|"
    r"an?\s+(?:inclusion\s+|eligibility\s+)?(?:criterion|requirement|limit))\b"
)


# An age the words after it in its clause say was a limit once or will be one in a later part ("Patients
# aged 12 years and older were previously eligible.", "Patients aged 12 years and older may enrol in a
# later cohort.", "Adolescents aged 12 to 17 years will be enrolled in a future amendment."): no bound of
# who may enrol now, which each bound
_NOT_NOW_AFTER = lazy(
    r"(?i)[^.;:\n]{0,60}?\b(?:(?:were|was|had[ \t]+been)[ \t]+(?:previously|formerly|originally|once)"
    r"|(?:previously|formerly|originally)[ \t]+(?:eligible|enrol+ed|included|allowed|admitted)"
    r"|(?:in|for|under|with)[ \t]+(?:a|the|any)[ \t]+(?:later|future|subsequent|follow-?up|planned)[ \t]+"
    r"(?:cohort|part|stage|phase|study|trial|version|protocol|amendment|extension))\b"
)


# A birthday the disease's event (or a treatment) came before or after ("diagnosed with SLE before their 18th birthday",
# "SLE onset prior to the 16th birthday", a childhood-onset lupus): no participant's age, as "18 years at
# diagnosis" is none (_AT_AN_EVENT); read as one, a maximum age of 18 passed on a trial of adults whose
# lupus began in childhood
_A_BIRTHDAY_END = lazy(r"(?i)\bbirthdays?\Z")
_AN_EVENT = (
    r"(?i)\b(?:diagnos(?:is|es|ed)|onset|began|begun|started|developed|presented|manifested|symptoms?"
    # ... or a treatment's: what was given, received or done then ("received rituximab before their 16th
    # birthday"), no age of a participant either
    r"|received|receiving|treated|treatment|administered|given|vaccinated|vaccination|immuni[sz]ed|exposed"
    r"|exposure|initiated|hospitali[sz]ed|transplanted|transplantation|infected|infection|occurred)\b"
    # (the words between hold no word of the participant's own age: "diagnosed with SLE aged under 65
    # years", "treated, and who are under 65", read as the event's age, bound no one)
    r"(?:\s+(?!(?:aged|who|whose|being)\b)[\w-]+){0,4}?\s+"
)
_AN_EVENT_THEN = lazy(_AN_EVENT + r"\Z")  # right before a range of birthdays: "diagnosed between ..."
_AN_EVENT_BEFORE = lazy(
    _AN_EVENT + r"(?:(?:on\s+or\s+)?(?:before|after)|prior\s+to|since|by|at|until)\s+" + _WHOSE + r"\Z"
)

# An age the disease's event (or a treatment) is written at before the number ("Diagnosis of SLE at
# < 18 years", "onset before the age of 16 years", "age at diagnosis < 18 years"): no participant's
# age, as "18 years at diagnosis" is none; read as one, a maximum age of 18 passed for a trial of
# those whose lupus began in childhood
_AN_EVENT_AT_AGE = lazy(
    _AN_EVENT + r"(?:at|before|prior\s+to|by|under|below)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?"
    r"(?:[<>≤≥]=?\s*)?\Z"
    # (the disease named before its event too, "Age at SLE onset: 16 years or older", "Age at lupus
    # diagnosis 16 years or older"; or the event before the word age, "Onset age: 16 years": each a
    # minimum age of 16)
    r"|(?i:\b(?:age\s+(?:at|of)\s+(?:the\s+)?(?:first\s+)?(?:(?!(?:and|or|patients?|participants?)\b)[\w-]+\s+){0,2}?"
    r"(?:diagnosis|onset)|(?:diagnosis|onset)\s+age)(?:\s+of\s+[\w-]+)?\s*[:]?\s*"
    r"(?:[<>≤≥]=?|(?:of\s+)?(?:under|below|before|less\s+than|over|above|more\s+than|at\s+(?:least|most)|"
    r"(?:no|not)\s+(?:less|more)\s+than|older\s+than|younger\s+than))?\s*\Z)"
    # ... or a comparator right after the event's noun and its words ("Age at SLE diagnosis < 18 years",
    # "Age at disease onset ≤ 16 years", "(onset < 18 years)", "Diagnosis of SLE < 18 years of age"):
    # each was a maximum age of 18, and a record's passed for a trial of adults whose lupus began young
    r"|(?i:\b(?:diagnos(?:is|es)|onset)\b(?:\s+(?!(?:aged?|who|whose|being|patients|participants|subjects"
    r"|adults|and|or)\b)[\w-]+){0,4}?\s*:?\s*(?:[<>≤≥]=?\s*|(?:under|below|less\s+than|over|above|more\s+than"
    r"|younger\s+than|older\s+than)\s+)\Z)"
)


def keeps_out(words: str) -> bool:
    """Whether words (a clause) keep people out (_KEPT_OUT): "Adults over 70 are not eligible", "Patients under 18
    years are excluded"."""
    return _KEPT_OUT.search(words) is not None


class _KeptOut:
    """Whether the sentence of a text around a span keeps people out (_KEPT_OUT), as unbound_age reads
    it (sentences.in_quote), each sentence read once: read for each age, a sentence of n ages was read
    n times, and "who reached their 18th birthday " 4,000 times (125 kB) took 87 s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stops = [m.start() for m in sentences.QUOTE_END.finditer(text)]  # each one character long
        self.read: dict[tuple[int, int], bool] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence around text[start:end]."""
        before = bisect.bisect_left(self.stops, start)
        after = bisect.bisect_left(self.stops, end)
        lo = self.stops[before - 1] + 1 if before else 0
        hi = self.stops[after] if after < len(self.stops) else len(self.text)
        return lo, hi

    def __call__(self, start: int, end: int) -> bool:
        lo, hi = self.bounds(start, end)
        if (lo, hi) not in self.read:
            self.read[lo, hi] = _KEPT_OUT.search(self.text[lo:hi]) is not None
        return self.read[lo, hi]


# An age of someone other than who enrols, by the last person its clause names before it: "Partners aged
# 18 years or older must consent", "Donors aged 18 to 40 years", "Children whose mothers are over 40
# years", "a caregiver at least 21 years old". Each bound a minimum (or maximum) age of the trial. The
# participants named after such a person make the age theirs again ("Partners of patients aged 18 years
# or older"); children are no other person (a trial may enrol them).
_OTHERS = (
    r"partners?|spouses?|husbands?|wi(?:fe|ves)|donors?|mothers?|fathers?|parents?|guardians?|care-?givers?|"
    r"carers?|siblings?|relatives?|family\s+members?|(?:legal(?:ly\s+authori[sz]ed)?\s+)?representatives?"
)
_A_PERSON = lazy(
    rf"(?i)\b(?:{_OTHERS}|patients?|participants?|subjects?|recipients?|volunteers?|individuals?|persons?|people|adults?|"
    r"adolescents?|children|child|women|men|males?|females?|girls?|boys?)\b"
)
_ANOTHER_PERSON = lazy(rf"(?i)(?:{_OTHERS})")


def _of_another_person(quote: str, start: int) -> bool:
    """Whether the last person the age's clause names before quote[start] is someone other than who
    enrols (_ANOTHER_PERSON); where its clause names none, the person its label is of, the clause opening
    after a colon ("Donors: aged 16 years or older" bound a minimum age of 16, mutation hunt 206): the first it
    names, not one it denies or one whose person it names ("Patients with a suitable donor:", "Autologous (no
    donor):", "Patients' donors:": _label_of; the last person named refused the first two, review 206)."""
    pieces = re.split(r"([;.:]\s|\n)", quote[max(0, start - 80) : start])
    named = list(_A_PERSON.finditer(pieces[-1]))
    if named:
        return _ANOTHER_PERSON.fullmatch(named[-1].group(0)) is not None
    if len(pieces) > 2 and pieces[-2].startswith(":"):
        head = _label_of(pieces[-3])
        return head is not None and _ANOTHER_PERSON.fullmatch(head) is not None
    return False


# (a person a label denies, "no donor", "not donors", "without a donor"; one it names as another's, "patients'")
_DENIED_PERSON = lazy(r"(?i)\b(?:no|not|non|without|excluding|except)\s+(?:(?:a|an|the|any)\s+)?\Z")
_POSSESSOR = lazy(r"['\u2019]s?(?!\w)")


def _label_of(label: str) -> str | None:
    """The person a label is of: the first it names that it does not deny nor name as another's (its possessor:
    "Patients' donors" are donors); None where it names none."""
    for found in _A_PERSON.finditer(label):
        if _DENIED_PERSON.search(label, max(0, found.start() - 20), found.start()):
            continue
        if _POSSESSOR.match(label, found.end()):
            continue
        return found.group(0)
    return None


def _for_a_subgroup(quote: str, start: int, end: int) -> bool:
    """Whether the age at quote[start:end] names those another requirement is for (_FOR_A_SUBGROUP_AFTER)."""
    head = re.split(r"[;,.:]\s", quote[max(0, start - 60) : start])[-1]
    return bool(_FOR_A_SUBGROUP_AFTER.match(quote, end) or _FOR_A_SUBGROUP_BEFORE.search(head))


# an age's words in its clause before the number: "Age ≥ 18", "aged at least 18"
_AGE_WORD = lazy(r"(?i)\bage[ds]?\b")
_CLAUSE_BREAK = lazy(r"[0-9;,]")
# what makes a number with a unit of time an age after all: "18 years old", "6 months of age"
_AGE_AFTER = lazy(r"(?i)\s*(?:old\b|of age\b)")
# A length of time, not an age: the words before it in its clause say it is one ("within 6 months",
# "for at least 4 weeks", "disease duration ≥ 6 months", "life expectancy > 12 weeks", "in the past 12
# months"), or the words after it tie it to an event ("6 months of receiving", "4 weeks prior to
# screening", "3 months after the last dose", "2 years since diagnosis", "1 year ago").
_SPAN_WORD = lazy(r"(?i)\b(?:duration|expectancy|interval|period|history|lasting)\b")
_SPAN_LEAD = lazy(
    r"(?i)\b(?:within|for|during|since|(?:in|over)\s+the\s+(?:past|last|previous|preceding))\s+"
    r"(?:(?:the\s+)?(?:past|last|previous|preceding)\s+)?"
    r"(?:(?:at least|at most|(?:more|less|longer|shorter|greater|fewer) than|up to|a (?:minimum|maximum|period) of|"
    r"(?:no|not) (?:less|more) than|about|approximately|[≥>≤<=~⩾⩽]+)\s*)*\Z"
)
_SPAN_AFTER = lazy(
    r"(?i)\s*(?:of(?!\s+age\b)|before|prior|preceding|after|following|since|ago|from|until|post|apart|"
    r"between|beforehand|earlier|later|previously)\b"
)


def criteria_ages(criterion: str) -> tuple[Age, ...]:
    """The ages a criterion states (ages()), leaving out a bound that is no age: ages() reads any
    comparator and number as a bound ("SLEDAI-2K ≥ 8", "eGFR < 30 mL/min"), and in a criterion only
    one written with an age unit ("≥ 18 years"), after the word age in its clause ("Age ≥ 18"), or
    joined to such an age ("aged ≥ 18 and ≤ 70") is an age; and of those with a unit of time and
    no word of age, not a length of time ("within 6 months of receiving", "for at least 4 weeks
    prior to screening", "disease duration ≥ 6 months"), which criteria state far more often than
    an age."""
    found: list[Age] = []
    for a in ages(criterion):
        joined = bool(found) and _AGE_AND.fullmatch(criterion, found[-1].end, a.start) is not None
        if _said_an_age(criterion, a) or joined:
            found.append(a)
        elif a.unit is not None and not _spans(criterion, a):
            found.append(a)
    return tuple(found)


def length_of_time(text: str, a: Age) -> bool:
    """Whether the age a of text, with a unit of time and no word of age, is a length of time by its
    words ("diagnosed at least 6 months before screening", "disease duration of at least 6 months"):
    no age of a participant (binding refuses it as an age limit, E508)."""
    return a.unit is not None and not _said_an_age(text, a) and _spans(text, a)


def _clause_head(text: str, a: Age, width: int = 40) -> str:
    """The words of a's clause before it, width characters back at most; for a range's second end,
    before its first ("within 2 to 3 years": a length of time, as its first end is)."""
    start = a.start
    first = _RANGE_START.search(text, max(0, start - 30), start) if a.bound == "max" else None
    if first is not None:
        start = first.start()
    return _CLAUSE_BREAK.split(text[max(0, start - width) : start])[-1]


# a range's first end, before its second ("18 to ", "18 years - ")
_RANGE_START = lazy(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:\s?[A-Za-z]+)?\s*(?:to|through|and|-|–)\s*\Z")


def _said_an_age(text: str, a: Age) -> bool:
    """A word of age in its clause before it ("Age ≥ 18"), in its unit or after it ("18 years old", "18
    years ≤ age"), or, for a range's first end, after its other end ("within 18 to 65 years old": one
    age range)."""
    if _AGE_WORD.search(_clause_head(text, a)) or _AGE_AFTER.match(text, a.end) or _BEFORE_AGE.match(text, a.end):
        return True
    if _OLD.search(text, a.start, a.end):  # its unit says so ("65 years old")
        return True
    other = _RANGE_END.match(text, a.end) if a.bound == "min" else None
    if other is None:
        return False
    unit = _AGE_UNIT.match(text, other.end())
    return bool(_AGE_AFTER.match(text, unit.end()) or _OLD.search(unit.group(0))) if unit else False


# a range's other end, after its first ("18 to 65", "18-65"); an age unit that says it is one ("years old")
_RANGE_END = lazy(r"\s*(?:to|through|-|–)\s*[0-9]+(?:\.[0-9]+)?")
_OLD = lazy(r"(?i)\bold\b|y/o|\bbirthdays?\b")


def _spans(text: str, a: Age) -> bool:
    # the word naming a length of time may open a long clause ("The history of SLE prior to screening
    # was at least 6 months": 44 characters before the number), which a minimum age of 6 months read
    head = _clause_head(text, a)
    return bool(
        _SPAN_WORD.search(_clause_head(text, a, 120)) or _SPAN_LEAD.search(head) or _SPAN_AFTER.match(text, a.end)
    )
