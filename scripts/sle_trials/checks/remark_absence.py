"""E501: a field a curation note or an incomplete entry says its source, or a named section of it, gives none of
("The source gives no dates", "Its Keywords section lists no keywords") where it gives it, and a section a note
says gives dates that writes none ("Its Timeline section gives two dates"). Relma-cel's note "Its Timeline section
gives no dates." rewritten to "The source gives no dates." (its header writes "Feb 28, 2023", the record's launch
date) or to "Its Keywords section gives no keywords.", and to "Its Timeline section gives two dates." (a Timeline of
labels and "Not reported"), passed (hunt 214): what a note said a source lacks was read by nothing, only what it
said a source gives of a field declared silent (remark_silence). A reader who trusts the note looks no further.

The whole source is said to give none of a field the record holds (read from it: a record citing one source); a
section, of dates, none where its words write a date, and of a field its own heading names (Keywords, Conditions,
Locations), none where it writes more than its heading's blurb. A section no heading of a known layout has is left
unread. The sections of a source are read once a run, kept with the document (remark_sections.sections_of).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_sections import HEADINGS, heading_named, sections_of
from sle_trials.checks.remark_silence import FIELD_WORDS
from sle_trials.checks.remarks import QUOTED, said_by_remarks, strings
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import TEXT, SourceDoc, normalise
from sle_trials.reading.lexicon import age_bounds, date_mentions, note_names

# the fields an absence may name: remark_silence's, and the whole of the dates, the sites, the interventions and the
# sponsor
# (remark_silence's "intervention type" read before "intervention": "gives no intervention name" of a record naming
# its treatment, "lists no location" of one holding a site, hunt 214)
_WORDS = {
    **FIELD_WORDS,
    r"dates?": "dates",
    r"locations?|sites?": "locations",
    r"interventions?(?:[ \t]+names?)?|treatments?": "interventions",
    r"sponsor": "sponsor",
    r"(?:overall[ \t]+|recruitment[ \t]+)?status": "overall_status",
    r"sex|gender": "eligibility.sex",
    # the ages who may enrol (hunt 216: "Its Eligibility criteria section gives no ages" of Relma-cel's, which states
    # "between 18 and 70 years old", passed)
    # (one bound named is that bound: the importer's "gives maximumAge 'N/A' ...: a limit it gives no age for" of a
    # record holding its minimum; an age "for" something is that thing's, left)
    r"(?:minimum|lower|youngest)[ \t]+ages?(?:[ \t]+(?:limits?|bounds?))?": "eligibility.minimum_age",
    r"(?:maximum|upper|oldest)[ \t]+ages?(?:[ \t]+(?:limits?|bounds?))?": "eligibility.maximum_age",
    r"(?:participants['\u2019]?[ \t]+)?ages?(?:[ \t]+(?:limits?|range|bounds?|criteria))?(?![ \t]+(?:for|of|at)\b)": (
        "ages"
    ),
}
_FIELDS = "|".join(f"(?P<f{i}>{words})" for i, words in enumerate(_WORDS))
_NAMED = list(_WORDS.values())
_VERB = r"(?:gives?|lists?|states?|names?|reports?|provides?|shows?|writes?|has|have)"
_BARE_VERB = r"(?:give|list|state|name|report|provide|show|write|have)"
# a field said to be given none of: "gives no dates", "does not list any keywords", "has no start date"
_NONE_GIVEN = lazy(
    rf"(?i)\b(?:{_VERB}[ \t]+no|(?:does|do)[ \t]+not[ \t]+{_BARE_VERB}|(?:doesn|don)['\u2019]t[ \t]+{_BARE_VERB}|"
    rf"never[ \t]+{_VERB})[ \t]+(?:(?:an?|the|its|any)[ \t]+)?(?:[\w-]+[ \t]+)??(?:{_FIELDS})\b"
)
# another field denied in the same list, with no verb of its own: "gives no enrollment count and no keywords", "lists
# no sponsor or status" (hunt 216: the second passed, Relma-cel's keywords being its source's)
_ALSO_NONE = lazy(
    r"(?i)(?:,?[ \t]+(?:or|nor)[ \t]+(?:no[ \t]+)?|,?[ \t]+and[ \t]+no[ \t]+|,[ \t]*no[ \t]+)"
    rf"(?:(?:an?|the|its|any)[ \t]+)?(?:[\w-]+[ \t]+)??(?:{_FIELDS})\b"
)
# dates said to be given, plural: "gives two dates", "lists dates" (a section's, read of its words); one date named
# ("gives the launch date alone", hunt 212's honest twin of a Timeline labelling it) is left unread
_DATES_GIVEN = lazy(rf"(?i)\b{_VERB}[ \t]+(?:(?:the|its|two|three|four|some|several)[ \t]+)?(?:[\w-]+[ \t]+)??dates\b")
# who is said to lack it, right before the verb: the source ("The source", "It") or a section of it ("Its Timeline
# section", "The source's Keywords section")
_SECTION = lazy(
    r"(?i)(?:\bthe[ \t]+source['\u2019]s|\bits)[ \t]+(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3}?)"
    r"[ \t]+section[ \t]+(?:(?:also|only|itself)[ \t]+)?\Z"
)
_SOURCE = lazy(
    r"(?i)(?:\bthe[ \t]+source|\bit|\bthis[ \t]+(?:page|copy|source|document))[ \t]+(?:(?:also|itself)[ \t]+)?\Z"
)
# a clause of no subject of its own ("... (in its title and summary) but gives no intervention name"): its sentence's
# first clause's, where that is the source
_OPENS_WITH_THE_SOURCE = lazy(
    r"(?i)[ \t]*(?:the[ \t]+source|it|this[ \t]+(?:page|copy|source|document))\b(?!['\u2019])"
)
_ELIDED = lazy(r"[ \t]*(?:and[ \t]+|also[ \t]+)*\Z")
# a question or a supposition before it in its clause ("does not say whether it gives no dates")
_UNSAID = lazy(r"(?i)\b(?:whether|if|unless|would|could|might)\b")
_CLAUSE_STOPS = lazy(r"[;:()\[\]]|,(?=[ \t]+(?:and|but|while|whereas|which|although|though)\b)|[ \t]+(?:but|while)\b")
# the words any claim read here holds
_ANY = lazy(r"(?i)\b(?:no|not|never|dates)\b|n['\u2019]t\b")
# a part of the field named right after it ("gives no enrollment type", "does not give the dates' type", "lists no
# site names", "gives no sponsor class"): the part is said lacking, not the field (hunt 215: IM19's true "The source
# does not give the enrollment type." was refused as saying it gives no enrollment), and the word for it in the record
_PART = lazy(
    r"(?i)(?:['\u2019]s?)?[ \t]+(?P<part>types?|class(?:es)?|routes?|descriptions?|names?|facilit(?:y|ies)|"
    r"cit(?:y|ies))\b"
)
_PARTS = {
    "type": "type",
    "class": "class",
    "route": "route",
    "description": "description",
    "name": "name",
    "facilit": "name",
    "cit": "city",
}
# ... or another noun the field's word qualifies ("gives no site contact details", "no sponsor website", "no
# enrollment date"): a part the record has no field for, unless the noun is the field's whole ("no site details",
# "no sponsor information"); an adverb or a participle after the field ("no dates whatsoever", "no dates listed") is
# none
_ANOTHER_NOUN = lazy(
    r"(?i)[ \t]+(?!(?:and|or|nor|but|yet|for|in|on|of|from|to|at|by|with|as|than|other|beyond|besides|except|apart|"
    r"is|are|was|were|has|have|the|a|an|its|their|this|that|which|who|where|when|whose|only|either|neither|nowhere|"
    r"any|all|here|there|itself|though|although|while|whereas|because|since|so|not|no|whatsoever|whatever|anywhere|"
    r"everywhere|somewhere|elsewhere|again|now|today|too|also|then|yet|either|before|after|outside|inside|within|"
    r"until|during|between|under|over|above|below|near|about|around|per|via|into|through|without|save|apart)\b)"
    r"(?![a-z-]+(?:ed|ly|en)\b)(?P<noun>[a-z][a-z-]+)\b"
)
_WHOLE = frozenset(
    "list lists listing listings information info details detail data entry entries record records section sections "
    "field fields count counts number numbers figure figures value values".split()
)
# a field said lacking beyond what the note names of it ("lists no location other than Shanghai, China"): each value
# the record holds of it is named there (a date as written or in other words), else the absence stands ("no dates
# other than the last update date" of IM19, which gives two more)
# ... "but" too, which ends the clause ("Its Locations section lists no sites but Shanghai, China": the words after
# it are read in the sentence)
_BEYOND = lazy(r"(?i)[ \t]+(?:other[ \t]+than|beyond|besides|except|apart[ \t]+from|but)\b")
# the ages a section may be said to give none of, and the bound each is of (None: either)
_AGE_BOUNDS = {"ages": None, "eligibility.minimum_age": "min", "eligibility.maximum_age": "max"}
# the fields whose values a section of their own heading holds
_OWN_HEADINGS = {"keywords": "Keywords", "conditions": "Conditions", "locations": "Locations"}

RULE = "a remark says a source, or a section of it, lacks a field only where it writes none of it"


def check_remark_absence(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each field a remark says a source or a section of it gives none of, that it gives."""
    docs = [doc for doc in sources.docs if doc.unread is None and doc.form == TEXT]
    return said_by_remarks(record, "E501", lambda text: _given(record, text, docs), RULE)


def _given(record: Record, text: str, docs: list[SourceDoc]) -> Iterator[str]:
    """What text says a source or a section lacks that it gives."""
    read = QUOTED.sub(" | ", normalise(text))
    quoted = " ".join(q.group(1) or q.group(2) or "" for q in QUOTED.finditer(normalise(text)))
    if not _ANY.search(read):
        return  # (most remarks say nothing lacking and no section's dates: read no further)
    for sentence in note_names.sentences_of(read):
        clauses = _CLAUSE_STOPS.split(sentence)
        sourced = bool(_OPENS_WITH_THE_SOURCE.match(clauses[0]))
        at = 0
        for clause in clauses:
            at = sentence.find(clause, at)
            for m, said_at in _listed_too(clause, _NONE_GIVEN.finditer(clause)):
                if _UNSAID.search(clause, 0, said_at):
                    continue
                field = next(_NAMED[i] for i in range(len(_NAMED)) if m.group(f"f{i}"))
                rest = sentence[at + m.end() :]
                if _BEYOND.match(rest) and _all_named(record, field, f"{rest} {quoted}"):
                    continue
                if part := _PART.match(clause, m.end()):
                    field = _part_of(field, part.group("part"))
                elif (noun := _ANOTHER_NOUN.match(clause, m.end())) and noun.group("noun").casefold() not in _WHOLE:
                    field = f"{field}.{noun.group('noun').casefold()}"
                section = _SECTION.search(clause, 0, said_at)
                if section is not None:
                    yield from _in_section(section.group("name"), field, docs, given=True)
                elif (_SOURCE.search(clause, 0, said_at) or sourced and _ELIDED.match(clause[:said_at])) and _held(
                    record, field
                ):
                    yield f"says its source gives no {field}, which the record holds from it"
            for m in _DATES_GIVEN.finditer(clause):
                if _UNSAID.search(clause, 0, m.start()) or _NONE_GIVEN.match(clause, m.start()):
                    continue
                if (section := _SECTION.search(clause, 0, m.start())) is not None:
                    yield from _in_section(section.group("name"), "dates", docs, given=False)


def _listed_too(clause: str, found: Iterator[re.Match[str]]) -> Iterator[tuple[re.Match[str], int]]:
    """Each field found said given none of, and each denied after it in its list (_ALSO_NONE), with where the verb
    saying so stands (its subject is read before it)."""
    for m in found:
        said_at = m.start()
        yield m, said_at
        while (also := _ALSO_NONE.match(clause, m.end())) is not None:
            yield also, said_at
            m = also


def _all_named(record: Record, field: str, words: str) -> bool:
    """Whether words name each value the record holds of the field (a date as written, or as a date they write)."""
    written = {d.value for d in date_mentions.dates(words)}
    folded = words.casefold()
    held = fields.get(record.data, fields.parse_dotted(field))[1]
    if field == "dates" and isinstance(held, dict):
        named = [kind for kind, pattern in _DATE_KINDS.items() if pattern.search(words)]
        if any(not (isinstance(held.get(kind), dict) and strings(held[kind])) for kind in named):
            return False
        held = {kind: date for kind, date in held.items() if kind not in named}
        if named and not held:
            return True
    values = [v for v in strings(held) if v.strip()]
    return bool(values) and all(v.casefold() in folded or v in written for v in values)


# ... or a date of the record's named by its kind, as a note names it ("the launch date", "the last update date"):
# Relma-cel's "no dates but the launch date and its as-of date" was refused (hunt 215's leftover); a kind the record
# holds no date of, named there, leaves the absence standing ("but the launch date and the start date")
_DATE_KINDS = {
    kind: lazy(rf"(?i)\b{words}[ \t]+date\b")
    for kind, words in {
        "start": r"(?:study[ \t]+)?start",
        "primary_completion": r"primary[ \t]+completion",
        "completion": r"(?<!primary[ \t])completion",
        "first_submitted": r"first[ \t]+submi(?:tted|ssion|t)",
        "first_posted": r"first[ \t]+post(?:ed|ing)?",
        "last_updated": r"last[ \t]+update[ds]?",
        "launched": r"launch(?:ed)?",
    }.items()
}


def _part_of(field: str, word: str) -> str:
    """The field of the part word names of field: a site's name is its facility, another's name its name."""
    part = next(name for stem, name in _PARTS.items() if word.casefold().startswith(stem))
    if part == "name":
        return f"{field}.facility" if field == "locations" else f"{field}.name"
    return f"{field}.{part}"


def _held(record: Record, field: str) -> bool:
    """Whether the record holds the field, read from its one source (any item of a list, and of the dates any
    date's part: "dates.type")."""
    if len(record.data["curation"].get("sources") or []) != 1:
        return False
    if field == "ages":
        return any(fields.present(record.data, ("eligibility", bound)) for bound in ("minimum_age", "maximum_age"))
    head, _, part = field.partition(".")
    if head == "dates" and part and "." not in part and part not in (record.data.get("dates") or {}):
        return any(fields.present(date, (part,)) for date in (record.data.get("dates") or {}).values())
    found, value = fields.get(record.data, fields.parse_dotted(field))
    if found:
        return value not in (None, "", [], {})
    return fields.present(record.data, tuple(field.split(".")))


def _in_section(name: str, field: str, docs: list[SourceDoc], given: bool) -> Iterator[str]:
    """That the section name names gives the field (given: said to give none) or gives no date (said to give
    dates), as each source laying it out writes it."""
    placed = [(doc, heading) for doc in docs if doc.layout in HEADINGS and (heading := heading_named(doc, name))]
    if not placed:
        return
    if field.startswith("dates"):
        written = [any(date_mentions.dates(sections_of(doc)[heading][0])) for doc, heading in placed]
        if given and any(written):
            yield f"says its source's {placed[0][1]} section gives no dates, which writes one"
        elif not given and not any(written):
            yield f"says its source's {placed[0][1]} section gives dates, which writes none"
    elif field in _AGE_BOUNDS:
        bound = _AGE_BOUNDS[field]
        stated = [a for doc, heading in placed for a in age_bounds.ages(sections_of(doc)[heading][0])]
        if given and any(bound is None or a.bound == bound for a in stated):
            yield f"says its source's {placed[0][1]} section gives no {field}, which states one"
    elif given and all(heading == _OWN_HEADINGS.get(field) and sections_of(doc)[heading][1] for doc, heading in placed):
        yield f"says its source's {placed[0][1]} section gives no {field}, which writes them"
