"""A count a curation note gives of what it lists after it, or of the items of the record's list it is on ("The
source lists one location"): "two unlabelled dates (2024-07-30, 2027-12-31)", "two
hospitals, "Union Hospital ..." and "Renji Hospital ..."". The count was read by nothing: IM19's note rewritten to
"three unlabelled dates (2024-07-30, 2027-12-31)" and Relma-cel's to "name three hospitals, "..." and "..."" passed
(mutation hunt 208). A list is read where each of its items is a date or a run in double quotes, and only where it
ends there (at its bracket, or at the clause's or the sentence's end): "three dates (2024-07-30, 2027-12-31 and one
unreadable)" lists no whole list."""

from __future__ import annotations

import re
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon import date_mentions
from sle_trials.reading.lexicon.quantities import CARDINALS, CARDINALS_TO_20, unit_at

# (a count of a dozen at most, in words or digits; a noun of one to three words; the list's opening mark)
_SMALL = {word: value for word, value in CARDINALS.items() if value <= 12}
SMALL_WORDS = _SMALL  # (the counts in words a note's count of a list is read in)
# words that count many, of no number ("several entries"), and one ("a single site"): a note's one or many of a list
# is held to it too (hunt 218: Relma-cel's "kept as one entry" made "kept as several entries" passed)
MANY = -1
ONE_OR_MANY = {"a single": 1, "single": 1, "multiple": MANY, "several": MANY, "many": MANY, "various": MANY}
_READ = {**_SMALL, **ONE_OR_MANY}
_WORDS = "|".join(sorted(_READ, key=len, reverse=True))


def value(word: str) -> int:
    """The number a count's word or digits are (MANY of "several")."""
    return int(word) if word.isdigit() else _READ[" ".join(word.lower().split())]


def agrees(said: int, given: int) -> bool:
    """Whether a count said is one given: the same number, or many of a number above one (a number said of words
    giving many is no number they give: "two locations" of "multiple locations")."""
    return said == given or (said == MANY and given > 1)


_COUNTED = lazy(
    r"(?i)(?<![\w.,-])(?P<count>" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r"|\d{1,2})"
    r"(?P<noun>(?:[ \t]+[A-Za-z][\w'\u2019-]*){1,3}?)[ \t]*(?P<opens>\(|,|:)[ \t]*"
)
_QUOTED = lazy(r'"[^"]+"|\u201c[^\u201c\u201d]+\u201d')
_BETWEEN = lazy(r"[ \t]*(?:,|;)?[ \t]*(?:(?:and|or)[ \t]+)?")
# (where a list not in brackets ends: a stop, a semicolon, a bracket's close or the text's end)
_ENDS = lazy(r"[ \t]*(?:[.;)]|\Z)")


class CountedList(NamedTuple):
    """A count a note gives (given), the words it counts (noun) and how many items it then lists (listed)."""

    given: int
    noun: str
    listed: int


def counted_lists(text: str) -> list[CountedList]:
    """Each count text gives of a list it writes whole after it (the module's docstring)."""
    out: list[CountedList] = []
    for m in _COUNTED.finditer(text):
        if unit_at(text, m.end("count")) is not None:
            continue  # a quantity, no count of items: "recorded as < 6 months ("within 6 months")" (E501, hunt 211)
        items, end = _list_after(text, m.end())
        if not items:
            continue
        ended = text[end:].lstrip(" \t").startswith(")") if m.group("opens") == "(" else _ENDS.match(text, end)
        if ended:
            word = m.group("count").lower()
            count = int(word) if word.isdigit() else _SMALL[word]
            out.append(CountedList(count, m.group("noun").strip(), items))
    return out


def _list_after(text: str, at: int) -> tuple[int, int]:
    """How many items (dates or quoted runs) text lists from `at` on, one after another, and where the last ends."""
    items, end = 0, at
    while (item_end := _item_end(text, at)) is not None:
        items, end = items + 1, item_end
        between = _BETWEEN.match(text, end)
        if between is None or between.end() == end:
            break
        at = between.end()
    return items, end


def _item_end(text: str, at: int) -> int | None:
    """Where an item (a date or a quoted run) that starts at `at` ends, or None."""
    quoted = _QUOTED.match(text, at)
    if quoted:
        return quoted.end()
    dates = date_mentions.dates(text[at : at + 40])
    if dates and dates[0].start == 0:
        return at + dates[0].end
    return None


# A count of things of one kind a source or the record is said to list: "lists one location", "gives two recruiting
# sites", "names 3 officials", "kept as one entry" (a word between, not "of": "lists two of the three locations"
# counts no locations; and only after a verb of listing: "Two sites withdrew" counts those of the sites that withdrew)
# (and "sets", "contains", "carries", "keeps", "states": IM19's "Exclusion criterion 10 sets four limits." passed of
# its two, hunt 230)
_COUNT_OF = lazy(
    r"(?i)\b(?:lists?|listing|gives?|giving|names?|naming|shows?|showing|has|have|holds?|holding|records?|recording|"
    r"includes?|including|sets?|setting|contains?|containing|carr(?:y|ies)|carrying|keeps?|keeping|states?|stating|"
    r"(?:kept|recorded|entered|stored|split)[ \t]+(?:as|into|in))[ \t]+(?:only[ \t]+|just[ \t]+)?"
    r"(?P<count>" + _WORDS + r"|\d{1,2})"
    r"[ \t]+(?P<first>[a-z][\w-]*)(?:[ \t]+(?P<second>[a-z][\w-]*))?"
)
_NOT_BETWEEN = frozenset({"of", "more", "other", "further", "additional", "extra", "and", "or"})
# ... and a count of them with no verb of listing, where the words still count them all (hunt 211: "It runs at two
# sites", "Two cohorts are dosed" of IM19's one site and two cohorts passed): the trial run at them ("runs at two
# sites", "is conducted in 3 centres", "recruits across four sites"), their being ("There are two cohorts"), or a
# count opening its clause with a verb that holds of each of them ("Two cohorts are dosed", "Three sites are
# listed"). Not "Two sites withdrew" nor "two sites are open": those count some of them.
_COUNTED_WORDS = (
    r"(?P<count>" + _WORDS + r"|\d{1,2})"
    r"[ \t]+(?P<first>[a-z][\w-]*)(?:[ \t]+(?P<second>[a-z][\w-]*))?"
)
_COUNT_WITHOUT_LISTING = lazy(
    r"(?i)(?:\b(?:runs?|running|operates?|recruits?|recruiting|enrol+s?|enrol+ing|(?:is|are|was|were|being)[ \t]+"
    r"(?:being[ \t]+)?(?:run|conducted|held|carried[ \t]+out|done|performed)|takes?[ \t]+place|taking[ \t]+place)"
    r"[ \t]+(?:at|in|across|from|over)|\bthere[ \t]+(?:are|is|were|was|will[ \t]+be))[ \t]+"
    r"(?:only[ \t]+|just[ \t]+)?" + _COUNTED_WORDS
)
# ... or the trial placed "at" or "across" them, no verb before: "# IM19 CAR-T cells in refractory SLE (Peking
# University Third Hospital), at two sites" passed of its one site (hunt 220)
_COUNT_AT = lazy(r"(?i)\b(?:at|across)[ \t]+(?:only[ \t]+|just[ \t]+)?" + _COUNTED_WORDS)
_COUNT_OPENING = lazy(
    r"(?i)(?:^|(?<=[.;:!?(])[ \t]*|\n)[ \t]*(?:(?:the|its|all|only|just)[ \t]+)?" + _COUNTED_WORDS + r"[ \t]+"
    r"(?:are|were|is|was|will[ \t]+be)[ \t]+(?:dosed|given|listed|named|planned|defined|recorded|included|"
    r"described|treated[ \t]+in[ \t]+turn)\b"
)


# ... or a count and its noun that are a clause alone, after a comma or in brackets: "IM19 in refractory SLE, two
# sites", "(one site)" (a comment's first line so given passed, hunt 211)
_COUNT_ALONE = lazy(
    r"(?i)(?:[,(;:]|\A)[ \t]*(?:(?:only|just)[ \t]+)?"
    r"(?P<count>" + _WORDS + r"|\d{1,2})"
    # (its noun the clause's last word: "Two sites withdrew," counts no sites; "two dose cohorts)" counts cohorts)
    r"[ \t]+(?:[a-z][\w-]*[ \t]+)?(?P<first>[a-z][\w-]*)(?P<second>(?!))?[ \t]*(?=[,.;:)]|\Z)"
)


# ... or a count after "the" or "its" of things named whole, their possessor or a clause's end: "the two officials'
# affiliations", "its three officials." (hunt 218: Relma-cel's "the two officials' affiliations" beside its three
# passed). Not "the two sites in Shanghai" nor "the two sites that closed": those count some of them.
_COUNT_DEFINITE = lazy(r"(?i)\b(?:the|its|their|all)[ \t]+" + _COUNTED_WORDS + r"(?:['\u2019]|[ \t]*(?=[,.;:)]|\Z))")


# ... or the whole some of them are picked out of: "one of two sites", "the first of three cohorts", "each of the two
# arms", "the affiliations of the two officials" (hunt 218: IM19's comment "(Peking University Third Hospital, one of
# two sites)" of its one site passed)
_COUNT_OF_WHOLE = lazy(
    r"(?i)\b(?:(?:" + _WORDS + r"|each|all|any|none|some|both|either|neither|another|first|second|third|last|latter|"
    r"former)[ \t]+of[ \t]+(?:(?:the|its|their)[ \t]+)?|of[ \t]+(?:the|its|their)[ \t]+)" + _COUNTED_WORDS
)


# ... and each further count a verb of listing's list goes on to, past a bracket: "lists one location (Shanghai,
# China) and two officials" (hunt 218: its second count, of three officials, passed)
_ALSO_COUNTED = lazy(
    r"(?i)[ \t]*(?:\([^()]*\)[ \t]*)?(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|plus)[ \t]+)"
    r"(?:only[ \t]+|just[ \t]+)?" + _COUNTED_WORDS
)


# ... or the things people are put in, after the people: "six patients in three cohorts", "participants across two
# sites" (hunt 224: IM19's "The trial plans to enrol six patients in three cohorts." of its two passed). Not "in one
# cohort", which may place some of them: "Three patients in one cohort are dosed flat".
_COUNT_IN = lazy(
    r"(?i)\b(?:patients|participants|subjects|people)[ \t]+(?:(?:are|were|will[ \t]+be)[ \t]+)?(?:(?:split|divided|"
    r"enrol+ed|treated|dosed)[ \t]+)?(?:in|into|across|over)[ \t]+(?!(?:one|a[ \t]+single|single|1)\b)" + _COUNTED_WORDS
)


def _listed_on(text: str, first: re.Match[str]) -> list[re.Match[str]]:
    """The counts a verb of listing's list gives after its first."""
    out, at = [], first.end()
    while (m := _ALSO_COUNTED.match(text, at)) is not None:
        out.append(m)
        at = m.end()
    return out


def _counts(text: str) -> list[re.Match[str]]:
    """Each count text gives of things of one kind (_COUNT_OF, _COUNT_WITHOUT_LISTING, _COUNT_AT, _COUNT_OPENING,
    _COUNT_ALONE, _COUNT_DEFINITE, _COUNT_OF_WHOLE, _COUNT_IN)."""
    patterns = (
        _COUNT_OF,
        _COUNT_WITHOUT_LISTING,
        _COUNT_AT,
        _COUNT_OPENING,
        _COUNT_ALONE,
        _COUNT_DEFINITE,
        _COUNT_OF_WHOLE,
        _COUNT_IN,
    )
    found = [m for pattern in patterns for m in pattern.finditer(text)]
    return found + [also for m in _COUNT_OF.finditer(text) for also in _listed_on(text, m)]


# the words after a count's noun that pick some of them out: "two thresholds on steroids' dose", "two limits that
# the criterion conditions" (hunt 224: a count of some of a criterion's thresholds is no count of them all)
_QUALIFIED = lazy(
    r"(?i)[ \t]+(?:on|of|for|that|which|about|with|in(?![ \t]+(?:all|total)\b)|under|where|conditioned|set|given|read|"
    r"placed)(?![\w-])"
)


def counts_of(text: str, nouns: frozenset[str], whole: bool = False) -> list[tuple[int, str]]:
    """Each count text gives of one of nouns (lower case, each in the singular and the plural; a noun may be two
    words), with the noun as written: "The source lists one location" of {"location", "locations"}; where whole, not
    a count of nouns words after them qualify (_QUALIFIED), or a word before them."""
    out: list[tuple[int, str]] = []
    for m in _counts(text):
        first, second = m.group("first").lower(), (m.group("second") or "").lower()
        pair = f"{first} {second}"  # (a noun of two words: "related trials", hunt 224)
        noun = (
            pair
            if second and pair in nouns
            else first
            if first in nouns
            else second
            if second in nouns and first not in _NOT_BETWEEN
            else None
        )
        if noun is None:
            continue
        group = "first" if noun == first else "second"
        if _RATE_BEFORE.search(text, m.end("count"), m.start(group)) or _RATE_AFTER.match(text, m.end(group)):
            continue  # (a rate, no count of them all: "three per cohort", "one official per row")
        if whole and (_QUALIFIED.match(text, m.end(group)) or (group == "second" and noun != pair)):
            continue  # (some of them, where a count is read only of them all: "two thresholds on steroids", "two
            # age limits")
        out.append((value(m.group("count")), noun))
    return out


# A count said of each of some things, not of them all: "six patients, three per cohort" counted three cohorts of
# IM19's two, "The page lists one official per row" one official of Relma-cel's three (honest hunt 218). Not "per the
# source", which says by whose word.
_RATE_BEFORE = lazy(r"(?i)\b(?:per|each|every)\b")
_RATE_AFTER = lazy(
    r"(?i)[ \t]+(?:(?:per|each|every)[ \t]+(?!the\b|its\b|their\b|this\b)[a-z]|apiece\b|(?:for|in|to|at)[ \t]+"
    r"(?:each|every)\b)"
)


_CRITERIA = frozenset({"criterion", "criteria"})
_LISTS = frozenset({"inclusion", "exclusion"})


# A count of a named criteria list's items, the list its subject: "The source's inclusion list has 9 items", "the
# exclusion criteria list holds 12 entries" (IM19's "inclusion list has 9 items", its 8, passed: "items" may be a
# criterion's sub-items, and a count of them was read of criteria only, hunt 210). Not "2 items of the inclusion
# list", some of them.
_LIST_HOLDS = lazy(
    r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+(?:criteria[ \t]+)?list(?:['\u2019]s)?[ \t]+(?:(?:has|holds|gives|"
    r"lists|counts|numbers|contains|runs[ \t]+to)[ \t]+)(?:only[ \t]+|just[ \t]+)?"
    r"(?P<count>" + CARDINALS_TO_20 + r"|\d{1,2})"
    r"[ \t]+(?:(?:numbered|top-level)[ \t]+)?(?:items|entries|criteria)\b"
)


# ... and the other list's count after it, its verb and noun left out: "Its inclusion list has eight criteria and its
# exclusion list thirteen." (IM19's twelve, hunt 225's leftover: the second count was read by nothing)
_ELIDED_LIST = lazy(
    r"(?i)[ \t]*(?:,|;|,?[ \t]+and)[ \t]+(?:and[ \t]+)?(?:(?:the|its)[ \t]+)?(?P<list>inclusion|exclusion)[ \t]+"
    r"(?:criteria[ \t]+)?(?:list|one)[ \t]+(?P<count>" + CARDINALS_TO_20 + r"|\d{1,2})"
    r"(?=[ \t]*(?:[.;,)]|\Z))"
)


def criteria_counted(text: str) -> list[tuple[int, str | None]]:
    """Each count text gives of criteria, with the list it names ("lists 8 inclusion criteria": (8, "inclusion"),
    "the inclusion list has 8 items") or None ("gives 8 criteria": the list is the one the note is on)."""
    out: list[tuple[int, str | None]] = []
    for m in _LIST_HOLDS.finditer(text):
        word = m.group("count").lower()
        out.append((int(word) if word.isdigit() else CARDINALS[word], m.group("list").lower()))
        elided = _ELIDED_LIST.match(text, m.end())
        if elided is not None and elided.group("list").lower() != m.group("list").lower():
            word = elided.group("count").lower()
            out.append((int(word) if word.isdigit() else CARDINALS[word], elided.group("list").lower()))
    for m in _counts(text):
        first, second = m.group("first").lower(), (m.group("second") or "").lower()
        named = None if first in _CRITERIA else first if first in _LISTS and second in _CRITERIA else ""
        if named != "":
            out.append((value(m.group("count")), named))
    return out
