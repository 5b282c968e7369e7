"""E501: how a curation note or an incomplete entry says its source lays a section out that the section does not bear
out: the lines it writes a section's items on ("The source runs the keywords together on one line"), and a section it
quotes by its heading and says lists something (IM19's 'its "Related Clinical Trials" are the site's similarity
picks'). Hunt 214 made Relma-cel's note "gives each keyword on its own line" (its Keywords section writes one line) and
IM19's quote "More Related Trials" (a heading of the copy's that lists nothing), and both passed: a section's lines
were read by nothing, and a heading quoted was only held to be written. A reader looks for items that are not there.

And how many items a section is said to list: trials counted before its heading quoted (IM19's 'its six "Related
Clinical Trials"', its five ids), labels or lines a named section is said to list (Relma-cel's "it lists five labels"
of its Timeline's four): each passed (hunt 218), the record holding none of them to count against.

A section is named as remark_sections names one (heading_named); its lines are those below its heading, its blurb
aside, read once a run (SourceDoc.reading).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_mentions import COUNT, count_value
from sle_trials.checks.remark_sections import HEADINGS, TITLE, heading_named, sections_of
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import pages
from sle_trials.reading.layouts import TEXT, SourceDoc, normalise
from sle_trials.reading.lexicon import date_mentions
from sle_trials.reading.lexicon.note_lists import agrees
from sle_trials.reading.registry_copy import BLURB

_NOUN = r"(?P<noun>[A-Za-z][\w-]*)"
# a section's items said to stand each on its own line: "gives each keyword on its own line", "lists the keywords on
# separate lines", "one keyword per line"
_APART = lazy(
    rf"(?i)\b(?:(?:each|every)[ \t]+{_NOUN}[ \t]+on[ \t]+(?:its|a)[ \t]+(?:own|separate|new)[ \t]+line|"
    rf"(?:the[ \t]+|its[ \t]+)?{_NOUN.replace('noun', 'noun2')}[ \t]+on[ \t]+"
    rf"(?:separate|different|their[ \t]+own)[ \t]+lines|one[ \t]+{_NOUN.replace('noun', 'noun3')}[ \t]+(?:per|a)[ \t]+"
    r"line)\b"
)
# ... or together on one: "runs the keywords together on one line", "gives its keywords on a single line"
_TOGETHER = lazy(
    rf"(?i)\b(?:the[ \t]+|its[ \t]+)?{_NOUN}[ \t]+(?:(?:all[ \t]+)?together[ \t]+)?on[ \t]+(?:one|a[ \t]+single|a)"
    r"[ \t]+line\b"
)
# a heading quoted, said to list something: 'its "Related Clinical Trials" are the site's picks', '"Similar Trials"
# lists three trials'; not said to be empty or to list nothing
_QUOTED_LISTS = lazy(
    r"[ \t]+(?:are|lists?|names?|gives?|holds?|shows?)\b(?![ \t]+(?:not|no|none|nothing|empty|blank)\b)"
)
_DENIED_BEFORE = lazy(r"(?i)(?:\b(?:not|never|nor|whether|if)\b|n't\b)[^.;:]*\Z")

RULE = "a remark says of a section of its source only how the section lays out what it writes"


def check_remark_layout(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each section a remark says writes its items on lines as it does not, or quotes by its heading as listing
    what it does not list."""
    docs = [doc for doc in sources.docs if doc.unread is None and doc.layout in HEADINGS and doc.form == TEXT]
    if not docs:
        return iter(())
    return said_by_remarks(record, "E501", lambda text: _mislaid(text, docs), RULE)


def _mislaid(text: str, docs: list[SourceDoc]) -> Iterator[str]:
    read = normalise(text)
    plain = QUOTED.sub(lambda m: " " * len(m.group()), read)
    for pattern, apart in ((_APART, True), (_TOGETHER, False)):
        for m in pattern.finditer(plain):
            if _DENIED_BEFORE.search(plain, 0, m.start()):
                continue
            noun = next(g for g in (m.groupdict().get(k) for k in ("noun", "noun2", "noun3")) if g)
            counted = [lines for doc in docs if (lines := _lines_of(doc, noun)) is not None]
            if counted and all((n > 1) != apart for n in counted):
                said = "each on its own line" if apart else "together on one line"
                yield f"says its source writes the {noun} {said}, which its section writes on {counted[0]} line(s)"
    yield from _lines_miscounted(plain, docs)
    for m in QUOTED.finditer(read):
        quote = " ".join((m.group(1) or m.group(2) or "").split())
        if not _QUOTED_LISTS.match(read, m.end()) or _DENIED_BEFORE.search(read, 0, m.start()):
            continue
        whole = [
            (doc, h)
            for doc in docs
            if (h := heading_named(doc, quote)) and h != TITLE and h.casefold() == quote.casefold()
        ]
        if whole and not any(sections_of(doc)[h][1] for doc, h in whole):
            yield f"says its source's {quote!r} lists something, which writes nothing under its heading"
        yield from _trials_miscounted(read, m.span(), quote, whole)


_NCT_ID = lazy(r"\bNCT\d{8}\b")
# a count right before a heading quoted: 'its six "Related Clinical Trials"', 'the several "Similar Trials"'
_COUNT_BEFORE = lazy(rf"(?i)(?<![\w-]){COUNT}[ \t]+\Z")

# ... or in what the heading is said to be or to list, by whatever noun: 'its "Related Clinical Trials" are the
# site's six similarity picks', '"Related Clinical Trials" lists six trials' (hunt 218's leftover: a count by a noun
# no list is counted by passed)
_COUNT_AFTER = lazy(
    r"(?i)[ \t]+(?:are|lists?|names?|gives?|holds?|shows?)[ \t]+(?:(?:only|just|all)[ \t]+)?"
    r"(?:(?:the|its|their)[ \t]+)?(?:[\w-]+['\u2019]s[ \t]+)?(?:(?:only|just)[ \t]+)?"
    rf"{COUNT}[ \t]+(?:(?!(?:of|or|and|to|in|more|other|further)\b)[a-z]|"
    # ... or a count of what the heading is said to be some of: 'are all six of the site's similarity picks' passed
    # (hunt 220's leftover), "six of" counting the section's trials as much as "six"
    r"of[ \t]+(?:the|its|their)\b)"
)


def _trials_miscounted(read: str, at: tuple[int, int], quote: str, whole: list[tuple[SourceDoc, str]]) -> Iterator[str]:
    """A count given right before a heading quoted (at: its span; one of sections listing trials), or right after it in
    what it is said to be or list, that is not the number of trials (their ids) its section lists: IM19's 'its six
    "Related Clinical Trials"' of five passed (hunt 218)."""
    counts = [_COUNT_BEFORE.search(read, max(0, at[0] - 24), at[0]), _COUNT_AFTER.match(read, at[1])]
    listed = {len(set(_NCT_ID.findall(sections_of(doc)[h][0]))) for doc, h in whole if h.casefold().endswith(" trials")}
    for count in counts:
        if count is not None and listed and not any(agrees(count_value(count.group("count")), n) for n in listed):
            yield f"counts {count.group('count')} of its source's {quote!r}, which lists {min(listed)} trial(s)"


def _lines_of(doc: SourceDoc, noun: str) -> int | None:
    """How many lines the section noun names writes below its heading (its blurb aside), or None where noun names
    none (or names the title)."""
    heading = heading_named(doc, noun) or heading_named(doc, noun + "s")  # ("each keyword": Keywords)
    if heading is None or heading == TITLE:
        return None
    return doc.reading(("lines by heading",), lambda: _count_lines(doc)).get(heading)


def _count_lines(doc: SourceDoc) -> dict[str, int]:
    return {name: len(body) for name, body in _bodies(doc).items()}


def _bodies(doc: SourceDoc) -> dict[str, list[str]]:
    """Each heading of doc's layout -> the lines below it (its blurb aside), read once a run."""
    return doc.reading(("lines below heading",), lambda: _read_bodies(doc))


def _read_bodies(doc: SourceDoc) -> dict[str, list[str]]:
    lines = [normalise(line) for line in (doc.raw or b"").decode("utf-8", "replace").splitlines()]
    headings = set(HEADINGS[doc.layout])
    bodies: dict[str, list[str]] = {}
    for name, _, body in pages.sections(lines, lambda line: line if line in headings else None):
        if name:
            bodies.setdefault(name, []).extend(body[1 if body and BLURB.match(body[0]) else 0 :])
    return bodies


# a count of the labels or lines a section is said to list: "Its Timeline section lists four labels", "...; it
# writes four labels" ("it" the section named last before it in its sentence)
_SECTION_COUNTS = lazy(
    r"(?i)(?:(?:\bthe[ \t]+source['\u2019]s|\bits)[ \t]+(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3}?)"
    r"[ \t]+section|\b(?P<it>it))[ \t]+(?:(?:also|only)[ \t]+)?(?:lists|gives|writes|has|shows|holds)[ \t]+"
    r"(?P<objects>[^.;:]*)"
)
# ... each count of its objects, the first or one after another ("gives no dates but one label", "lists four labels
# and six lines": hunt 218 read the first object alone, and both passed of Relma-cel's Timeline, hunt 219)
_COUNTED = lazy(rf"(?i)(?<![\w-])(?:only[ \t]+|just[ \t]+)?{COUNT}[ \t]+(?P<noun>labels?|lines?)\b")
_SECTION_NAMED = lazy(
    r"(?i)(?:\bthe[ \t]+source['\u2019]s|\bits)[ \t]+(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3}?)"
    r"[ \t]+section\b[^.]*\Z"
)
# a line that gives no label but a value, or the lack of one: a date, "Not reported"
_NO_LABEL = lazy(r"(?i)^(?:not[ \t]+(?:reported|available|provided|given)|n/?a|none|unknown|tbd|-+)$")


def _lines_miscounted(plain: str, docs: list[SourceDoc]) -> Iterator[str]:
    """The labels or lines a section is said to list where the count is not those its lines give: Relma-cel's
    "Its Timeline section gives no dates; it lists five labels" (it writes four, and "Not reported") passed (hunt
    218), a section's lines being counted by nothing."""
    for m in _SECTION_COUNTS.finditer(plain):
        named = _SECTION_NAMED.search(plain, 0, m.start()) if m.group("it") else m
        if named is None or _DENIED_BEFORE.search(plain, 0, m.start()):
            continue
        bodies = [
            _bodies(doc).get(heading, [])
            for doc in docs
            if (heading := heading_named(doc, named.group("name"))) is not None and heading != TITLE
        ]
        for c in _COUNTED.finditer(m.group("objects")):
            noun = c.group("noun").lower()
            counted = {len(_labels(body) if noun.startswith("label") else body) for body in bodies}
            if counted and not any(agrees(count_value(c.group("count")), n) for n in counted):
                said = f"{c.group('count')} {noun}"
                yield f"says its source's {named.group('name')} section lists {said}, which has {min(counted)}"


def _labels(body: list[str]) -> list[str]:
    """The lines of a section's body that give a label: not a date, nor the lack of a value ("Not reported")."""
    return [line for line in body if not (_NO_LABEL.match(line) or date_mentions.dates(line))]
