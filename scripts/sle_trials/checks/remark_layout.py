"""E501: how a curation note or an incomplete entry says its source lays a section out that the section does not bear
out: the lines it writes a section's items on ("The source runs the keywords together on one line"), and a section it
quotes by its heading and says lists something (IM19's 'its "Related Clinical Trials" are the site's similarity
picks'). Hunt 214 made Relma-cel's note "gives each keyword on its own line" (its Keywords section writes one line) and
IM19's quote "More Related Trials" (a heading of the copy's that lists nothing), and both passed: a section's lines
were read by nothing, and a heading quoted was only held to be written. A reader looks for items that are not there.

A section is named as remark_sections names one (heading_named); its lines are those below its heading, its blurb
aside, read once a run (SourceDoc.reading).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_sections import HEADINGS, TITLE, heading_named, sections_of
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import pages
from sle_trials.reading.layouts import TEXT, SourceDoc, normalise
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


def _lines_of(doc: SourceDoc, noun: str) -> int | None:
    """How many lines the section noun names writes below its heading (its blurb aside), or None where noun names
    none (or names the title)."""
    heading = heading_named(doc, noun) or heading_named(doc, noun + "s")  # ("each keyword": Keywords)
    if heading is None or heading == TITLE:
        return None
    return doc.reading(("lines by heading",), lambda: _count_lines(doc)).get(heading)


def _count_lines(doc: SourceDoc) -> dict[str, int]:
    lines = [normalise(line) for line in (doc.raw or b"").decode("utf-8", "replace").splitlines()]
    headings = set(HEADINGS[doc.layout])
    counted: dict[str, int] = {}
    for name, _, body in pages.sections(lines, lambda line: line if line in headings else None):
        if name:
            counted[name] = counted.get(name, 0) + len(body) - (1 if body and BLURB.match(body[0]) else 0)
    return counted
