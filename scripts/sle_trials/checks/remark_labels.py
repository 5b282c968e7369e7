"""E501: values a curation note or an incomplete entry says its source gives labelled, or unlabelled, that the source
writes otherwise ("The source lists two unlabelled dates (2024-07-30, 2027-12-31)"). IM19's note was rewritten to
"two labelled dates" (mutation hunt 212, again in 214), and it passed: its source writes each date on a line of its
own, with no word naming it, and whether it does was read by nothing. A reader takes the record's start and
completion for dates the source names as such, where the curator read them from their order.

A value is labelled where a line of the source writing it writes more than it ("Last Updated: 2025-08-17"); a value
the source does not write as the note gives it is left to the checks of its facts. The source's lines are read once a
run, kept with the document (SourceDoc.reading).

And a quote a note says has, or has no, per-kilogram wording that writes otherwise (_misworded).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_sections import HEADINGS
from sle_trials.checks.remarks import said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import TEXT, SourceDoc, normalise

# values said (un)labelled, listed in a bracket right after: "two unlabelled dates (2024-07-30, 2027-12-31)"
_SAID = lazy(
    r"(?i)\b(?P<un>un|not[ \t]+|non-?)?label(?:l?ed)[ \t]+(?:[\w-]+[ \t]+)?"
    r"(?:dates?|values?|numbers?|counts?|figures?|entries|items?)[ \t]*\((?P<values>[^()]+)\)"
)
_LISTED = lazy(r"[ \t]*(?:,|;|\band\b)[ \t]*")
_WITH_ITS_LABEL = lazy(r"[A-Za-z][\w \t-]*:[ \t]*\S")
# a line's marks that label nothing: a list's bullet, its spacing and a sentence's stop
_BARE = lazy(r"^[\s*\u2022\-]*|[\s.]*$")

RULE = "a remark says a source labels a value only where a line of the source writing it names it"


def check_remark_labels(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each value a remark says its source gives labelled (or unlabelled) that it writes otherwise, and each
    quote it says has (or has no) per-kilogram wording that writes otherwise."""
    docs = [doc for doc in sources.docs if doc.unread is None and doc.form == TEXT]
    yield from said_by_remarks(record, "E501", lambda text: _mislabelled(text, docs), RULE)
    yield from said_by_remarks(record, "E501", _misworded, _RULE_OF_WORDING)


# A quote a note says has, or has no, per-kilogram wording: IM19's 'as "1×10^8 CAR-T cells", with no per-kilogram
# wording' made "with per-kilogram wording" passed (hunt 214): what the note says the quote writes was read by nothing
_WORDED = lazy(
    r'(?i)(?:"(?P<q1>[^"]+)"|\u201c(?P<q2>[^\u201c\u201d]+)\u201d)[ \t]*,?[ \t]+with(?P<out>out)?[ \t]+'
    r"(?P<no>no[ \t]+)?(?:any[ \t]+)?(?:the[ \t]+)?(?:same[ \t]+)?per[ \t-]?(?:kilogram|kg)[ \t]+"
    r"(?:wording|unit|basis)\b"
)
# the quote of several the wording is said of, right after ("..., with per-kilogram wording only in the first":
# hunt 215's honest IM19 note, refused as said of the last quote), and "only" saying the others differ
_OF_WHICH = lazy(
    r"(?i)[ \t]+(?P<only>only[ \t]+)?(?:in|for|of)[ \t]+the[ \t]+(?P<which>first|former|second|latter|last)"
    r"(?:[ \t]+one)?(?P<only_after>[ \t]+only)?\b"
)
_QUOTES = lazy(r'"([^"]+)"|\u201c([^\u201c\u201d]+)\u201d')
_PER_KG = lazy(r"(?i)/[ \t]*kg\b|\bper[ \t-]?(?:kilogram|kg)\b|\bkilogram")
_RULE_OF_WORDING = "a remark says a quote has per-kilogram wording only where it writes one"


def _misworded(text: str) -> Iterator[str]:
    """What text says of a quote's per-kilogram wording that the quote does not bear out: the quote right before,
    or the one of those before it in its sentence it names ("the first"), the others the other way with "only"."""
    read = normalise(text)
    for m in _WORDED.finditer(read):
        quote = m.group("q1") or m.group("q2") or ""
        denied = m.group("out") is not None or m.group("no") is not None
        said = "no per-kilogram wording" if denied else "per-kilogram wording"
        if (of := _OF_WHICH.match(read, m.end())) is not None:
            start = max(read.rfind(stop, 0, m.start()) for stop in (". ", "; "))
            quotes = [q.group(1) or q.group(2) for q in _QUOTES.finditer(read, start + 1, m.end())]
            at = 0 if of.group("which").casefold() in ("first", "former") else min(1, len(quotes) - 1)
            if of.group("which").casefold() == "last":
                at = len(quotes) - 1
            others = quotes[:at] + quotes[at + 1 :] if of.group("only") or of.group("only_after") else []
            for one, no in [(quotes[at], denied), *((other, not denied) for other in others)]:
                if bool(_PER_KG.search(one)) == no:
                    yield f"says {one!r} has {'no ' if no else ''}per-kilogram wording, which it does not bear out"
            continue
        if bool(_PER_KG.search(quote)) == denied:
            yield f"says {quote!r} has {said}, which it does not bear out"


def _mislabelled(text: str, docs: list[SourceDoc]) -> Iterator[str]:
    """What text says of each value it lists as (un)labelled that no source's line writing it bears out."""
    for m in _SAID.finditer(normalise(text)):
        unlabelled = m.group("un") is not None
        for value in filter(None, _LISTED.split(m.group("values").strip())):
            if not unlabelled and (given := _GIVEN_LABEL.fullmatch(value)) is not None:
                label, bare = given.group("label").strip(), given.group("value").strip()
                if any(bare in line for doc in docs for line in _lines(doc)) and not any(
                    _under(label, bare, _lines(doc)) for doc in docs
                ):
                    yield f"says its source labels {bare} {label!r}, which it does not write it under"
                continue
            found = [_labelled(line, value) for doc in docs for line in _lines(doc) if value in line]
            found = [True] * len(found) if any(_headed(doc, value) for doc in docs) else found
            if found and all(labelled == unlabelled for labelled in found):
                said, written = ("unlabelled", "labelled") if unlabelled else ("labelled", "unlabelled")
                yield f"says its source gives {value} {said}, which it writes {written}"


# a value a note gives with its label ("(Gender: ALL)"): the label is the source's own, on the value's line or on the
# line before it (a ClinConnect page's "Gender" over "ALL"). Hunt 216 gave IM19's unlabelled "ALL" and Relma-cel's
# "Gender" a "Sex:", and each passed: the pair was looked for whole, found nowhere, and left to the facts
_GIVEN_LABEL = lazy(r"(?P<label>[A-Za-z][\w \t-]*):[ \t]*(?P<value>\S.*)")


def _under(label: str, value: str, lines: list[str]) -> bool:
    """Whether lines write value under label: "Label: value" (or "Label value") on one line, or the label alone on the
    written line before the value's."""
    written = [_BARE.sub("", line) for line in lines if _BARE.sub("", line)]
    own = re.compile(rf"(?i){re.escape(label)}[ \t]*:?")
    for i, line in enumerate(written):
        if own.fullmatch(line) and i + 1 < len(written) and written[i + 1] == value:
            return True
        if (m := own.match(line)) is not None and line[m.end() :].strip() == value:
            return True
    return False


def _lines(doc: SourceDoc) -> list[str]:
    """The lines of doc's words, normalised, read once."""
    return doc.reading(("lines",), lambda: [normalise(line) for line in _raw(doc).splitlines()])


def _raw(doc: SourceDoc) -> str:
    return doc.raw.decode("utf-8", "replace") if doc.raw is not None else doc.text


def _labelled(line: str, value: str) -> bool:
    """Whether the line writes words besides the value: a value alone on its line (a bullet aside) names nothing; a
    value a note gives with its label ("Last Updated: 2025-08-17", hunt 215) is labelled in itself."""
    return bool(_BARE.sub("", line.replace(value, " ", 1)).strip()) or bool(_WITH_ITS_LABEL.match(value))


def _headed(doc: SourceDoc, value: str) -> bool:
    """Whether doc writes the value alone on a line under a heading of its layout that the value names: Relma-cel's
    "0 patients applied" under "Patients applied" ("one labelled count (0 patients applied)" was refused, hunt 215's
    leftover). A value under a line of another value, or under a heading it does not name, is unlabelled."""
    headings = HEADINGS.get(doc.layout or "", ())
    lines = _lines(doc)
    for k, line in enumerate(lines):
        if value in line and not _labelled(line, value):
            before = next((x for x in reversed(lines[:k]) if x.strip()), "").strip()
            if before in headings and before.casefold() in value.casefold():
                return True
    return False
