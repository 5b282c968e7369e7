"""E501: a count a curation note or an incomplete entry says its source's words give ("its summary speaks of two
locations", "the source mentions three sites") where no cited source writes that count of that thing. Relma-cel's
note says "its summary speaks of multiple locations in China"; hunt 212 rewrote it to "speaks of two locations", and
it passed: a count is held to the record's list only after a verb of listing ("lists one location", remark_lists),
and "speaks of" is none. Held to the record's list, an honest note setting a summary's "two locations" beside a
source listing one would fail; what a note says the source's words say is held to those words.

The count and its noun are written so in a cited source (of this trial: Sources.text_of), in words or in digits,
with at most one word between ("two locations", "2 recruiting locations"), or, of the sites, arms or cohorts a
complete record holds as its source lists them, it is their number: Relma-cel's honest "The source mentions one
location" (a page listing one, writing no "one location") was refused (hunt 213), and "mentions two locations" is
still. The source's text is searched only for a remark that gives such a count (few do).

A count said of a named section's words ("its summary speaks of ...") is held to that section's words alone, where
they count the thing, and not excused by the list: hunt 218 made Relma-cel's "speaks of multiple locations" "of one
location", one being the number its page lists, and it passed. "Multiple" and "several" are read as a many.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials.checks import remark_lists
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_sections import HEADINGS, TITLE, heading_named, sections_of
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import TEXT, normalise
from sle_trials.reading.lexicon.note_lists import MANY, ONE_OR_MANY, agrees
from sle_trials.reading.lexicon.quantities import CARDINALS

_WORDS = {word: value for word, value in CARDINALS.items() if value <= 20}
# words that count many, of no number ("multiple locations"), and one ("a single site"): a note's one or many of what
# a section's words give is held to them too (hunt 218: "its summary speaks of one location", its "multiple")
_WORDS_READ = {**_WORDS, **ONE_OR_MANY}
COUNT = r"(?P<count>" + "|".join(sorted(_WORDS_READ, key=len, reverse=True)) + r"|\d{1,3})"
_NO_NOUN = r"(?:of|or|and|to|in|at|on|more|other|such|the|times)"  # ("mentions one of the hospitals": no count)
# a count the words of a source are said to give: "speaks of two locations", "mentions 3 sites", "refers to two
# hospitals"
_MENTIONED = lazy(
    r"(?i)\b(?:(?:speaks?|speaking|talks?|talking)[ \t]+(?:of|about)|"
    r"mentions?|mentioning|refers?[ \t]+to|referring[ \t]+to|alludes?[ \t]+to)[ \t]+"
    rf"(?:only[ \t]+|just[ \t]+)?{COUNT}[ \t]+(?!{_NO_NOUN}\b)(?P<noun>[a-z][\w-]*)(?:[ \t]+(?P<next>[a-z][\w-]*))?"
)
# the officials' affiliations as what a count is said of: "The officials' affiliations mention two hospitals" (the
# subject of the verb, in its clause)
_AFFILIATIONS_BEFORE = lazy(r"(?i)\b(?:officials['\u2019]?[ \t]+)?affiliations[ \t]+(?:(?:also|only)[ \t]+)?\Z")

# a count a party's affiliations are said to name: "the officials' affiliations name two hospitals"; whose they are
# read, the officials' (or the investigators') held to theirs: Relma-cel's made "the sponsor's affiliations name two
# hospitals", of which the record holds none, passed (hunt 214's leftover), and "name three hospitals" of the fixture
_AFFILIATIONS_NAME = lazy(
    r"(?i)(?:\b(?P<whose>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)?)(?:['\u2019]s?|s['\u2019])[ \t]+)?affiliations?[ \t]+"
    r"(?:(?:also|only|each)[ \t]+)?(?:names?|mentions?|lists?|gives?|cites?)[ \t]+"
    rf"(?:only[ \t]+|just[ \t]+)?{COUNT}[ \t]+(?!{_NO_NOUN}\b)(?P<noun>[a-z][\w-]*)"
)
_OFFICIALS = lazy(r"(?i)(?<![\w-])(?:officials?|investigators?|PIs?)\Z")  # (their last word: "two officials")

# a denial or a question before the verb in its clause ("The source never mentions two locations", "does not say
# whether it mentions two"): no count said (hunt 213's honest Relma-cel notes, refused before); not "not only"
_DENIED_BEFORE = lazy(r"(?i)(?:\b(?:never|not(?![ \t]+only)|whether)\b|n't\b)[^.;:,!?]*\Z")

RULE = "a remark gives a count its source's words give only as a cited source writes it"


def check_remark_mentions(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each count a remark says a source's words give that no cited source writes."""
    return said_by_remarks(record, "E501", lambda text: _unwritten(record, text, sources), RULE)


def _unwritten(record: Record, text: str, sources: Sources) -> Iterator[str]:
    """What text says a source gives of each count that no cited source writes and the record's list of the noun
    does not hold."""
    read = QUOTED.sub(" | ", normalise(text))
    yield from _affiliations_miscounted(record, read)
    for m in _MENTIONED.finditer(read):
        if _DENIED_BEFORE.search(read, 0, m.start()):
            continue
        count, noun = count_value(m.group("count")), m.group("noun").lower()
        stem = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
        written = re.compile(rf"(?i)\b{COUNT}[ \t]+(?:[\w-]+[ \t]+)?{re.escape(stem)}s?\b")
        section = _SECTION_SAYS.search(read, 0, m.start())
        if section is not None and (texts := _section_texts(section.group("name"), sources, record)):
            # (a count said of a section's words is theirs, not the list's: the summary's "multiple locations" of
            # a page listing one)
            given = [count_value(w.group("count")) for text in texts for w in written.finditer(text)]
            name = section.group("name")
            if given and not any(agrees(count, g) for g in given):
                yield f"says its source's {name} gives {m.group('count')} {noun}, which its words give otherwise"
            elif not any(re.search(rf"(?i)(?<![\w-]){re.escape(stem)}", text) for text in texts):
                # (words that never name the thing count none of it: Relma-cel's "its title speaks of multiple
                # locations" passed, hunt 220, its title naming no place)
                yield f"says its source's {name} speaks of {m.group('count')} {noun}, which its words never name"
            place = _PLACED.match(read, m.end("noun"))
            if place and not any(re.search(rf"(?i)(?<![\w-]){re.escape(place['place'])}(?![\w-])", t) for t in texts):
                yield f"says its source's {name} places its {noun} in {place['place']}, which its words do not"
            continue
        if count == MANY:
            continue  # (a many the words of no section named: left to the list's checks)
        phrase = f"{noun} {m.group('next').lower()}" if m.group("next") else noun
        if count in (remark_lists.items_counted(record, noun), remark_lists.items_counted(record, phrase)):
            continue  # (the number of the sites, arms, cohorts or related trials its source lists)
        if _AFFILIATIONS_BEFORE.search(read, 0, m.start()) and remark_lists.affiliations_naming(record, noun) == count:
            continue  # (the officials' affiliations that name it, which a complete record holds as its source lists)
        if not any(
            count_value(w.group("count")) == count
            for doc in sources.docs
            if doc.unread is None
            for w in written.finditer(sources.text_of(doc))
        ):
            yield f"says a source gives {count} {noun}, {sources.unwritten()}"


def _affiliations_miscounted(record: Record, read: str) -> Iterator[str]:
    """What read says a party's affiliations name that the record's affiliations of that party do not: the officials'
    of a complete record (remark_lists.affiliations_naming), or another's, which the record holds none of."""
    for m in _AFFILIATIONS_NAME.finditer(read):
        if _DENIED_BEFORE.search(read, 0, m.start()):
            continue
        whose = " ".join((m.group("whose") or "officials").split())
        count, noun = count_value(m.group("count")), m.group("noun").lower()
        if _OFFICIALS.search(whose):
            held = remark_lists.affiliations_naming(record, noun)
            if held is not None and held != count:
                yield f"says the officials' affiliations name {count} {noun}, which name {held}"
        elif whose.casefold() not in ("its", "their", "whose") and _held_naming(record, whose, noun) != count:
            yield f"says the {whose}'s affiliations name {count} {noun}, which the record's of it do not"


def _held_naming(record: Record, whose: str, noun: str) -> int:
    """How many different affiliations the record holds of the party whose names ("responsible party": its
    responsible_party's) that name noun; none of a party holding no affiliation (the sponsor)."""
    party = record.data.get("_".join(whose.casefold().removeprefix("the ").split()))
    parties = party if isinstance(party, list) else [party]
    held = {p["affiliation"] for p in parties if isinstance(p, dict) and isinstance(p.get("affiliation"), str)}
    stem = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
    return sum(1 for a in held if re.search(rf"(?i)(?<![\w-]){re.escape(stem)}s?(?![\w-])", a))


def count_value(word: str) -> int:
    """The number a count's word or digits are (MANY of "multiple")."""
    return int(word) if word.isdigit() else _WORDS_READ[" ".join(word.lower().split())]


# the place a section's count is said to be in, right after its noun: "speaks of multiple locations in China" (made "in
# Shanghai", the page's one site's city, it passed, hunt 220: the summary's words place them in China)
_PLACED = lazy(r"[ \t]+(?:in|across|throughout)[ \t]+(?P<place>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*)")
# a section of the source the subject of the verb: "its summary speaks of", "The source's Timeline section mentions"
_SECTION_SAYS = lazy(
    r"(?i)(?:\bthe[ \t]+source['\u2019]s|\bits)[ \t]+(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3}?)"
    r"(?:[ \t]+section)?[ \t]+(?:(?:also|only)[ \t]+)?\Z"
)


def _section_texts(name: str, sources: Sources, record: Record) -> list[str]:
    """The words of the sections of the cited sources of a known layout that name names (remark_sections): of the
    page's title, the record's brief title, which it holds as the page writes it."""
    docs = [doc for doc in sources.docs if doc.unread is None and doc.layout in HEADINGS and doc.form == TEXT]
    title = record.data.get("brief_title")
    return [
        (title if isinstance(title, str) else "") if heading == TITLE else sections_of(doc)[heading][0]
        for doc in docs
        if (heading := heading_named(doc, name)) is not None
    ]
