"""E501: a source file a curation note, an incomplete entry or a comment of the record's file names (a path under
seeds/) that the record does not cite. IM19's first lines say "# Curated from seeds/000_84a0f0163f21158e.txt; every
value below is stated there."; rewritten to name Relma-cel's page, seeds/004_2ad16b9ce66a0787.txt, it passed (mutation
hunt 211): a comment's path is blanked before its names are read (comment_lines.remarks), and a note's was read by
nothing. A reader takes the path for the source the values were read from; the record's sources are its
curation.sources, each checked (E1xx), so a path a remark names is one of them. The evidence stage runs it beside the
other remark checks (evidence.stages).

And what a remark says a source is (its kind, and whose it is), held to the kinds of the sources the record cites:
hunt 212 rewrote Relma-cel's first comment's "(a ClinConnect trial page)" to "(a ClinicalTrials.gov record)", IM19's
note "The source is a third-party site's copy of the ClinicalTrials.gov record" to "the sponsor's copy", and each
passed, a remark's words of its source being read by nothing. A reader weighs a value by what its source is.
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks import comment_lines
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem

# a path under seeds/, as a remark writes one (to a space, a bracket, a quote or a clause's mark; a stop ending it is
# the sentence's)
_SEED_PATH = lazy(r"(?<![\w/.-])seeds/[^\s()\[\]\"'\u201c\u201d,;]+")


def check_remark_sources(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: each path under seeds/ a remark or a comment names that is none of the record's curation.sources, and
    each kind a remark or a comment says a source is that none of the sources it may mean is (_misdescribed)."""
    kinds = {
        s["file"]: s.get("kind")
        for s in record.data["curation"].get("sources") or []
        if isinstance(s, dict) and isinstance(s.get("file"), str)
    }
    yield from said_by_remarks(record, "E501", lambda text: _uncited(text, set(kinds)), _RULE)
    yield from said_by_remarks(record, "E501", lambda text: _misdescribed(text, kinds), _RULE_OF_KINDS)
    yield from said_by_remarks(record, "E501", lambda text: _uncited_speakers(text, kinds), _RULE_OF_SPEAKERS)
    for comment, _ in comment_lines.remarks(record.comments, schema):  # (its words as written: remarks() blanks paths)
        for claim in _uncited(comment.text, set(kinds)):
            yield Problem(record.path, comment.line, comment.column, "E501", f"the comment {claim}: {_RULE}")
        for claim in _misdescribed(comment.text, kinds):
            yield Problem(record.path, comment.line, comment.column, "E501", f"the comment {claim}: {_RULE_OF_KINDS}")
        for claim in _uncited_speakers(comment.text, kinds):
            yield Problem(
                record.path, comment.line, comment.column, "E501", f"the comment {claim}: {_RULE_OF_SPEAKERS}"
            )


def _uncited(text: str, cited: set) -> Iterator[str]:
    """What text says of each path under seeds/ it names that is not cited (its sentence's stop aside)."""
    for m in _SEED_PATH.finditer(text):
        path = m.group().rstrip(".:")
        if path not in cited:
            yield f"names {path}, which the record does not cite"


_RULE = "a remark names as sources only its curation.sources"
_RULE_OF_KINDS = "a remark says a source is what its curation.sources entry's kind says it is"

# what a remark says a source is: "The source is a third-party site's copy of ...", "the source, a ClinConnect trial
# page, ...", and a comment's bracket right after the path it names ("seeds/004_....txt (a ClinConnect trial page)");
# "is not a ..." says nothing of what it is
_DESCRIBED = lazy(
    r"(?i)\b(?:the|its|this|each|one)[ \t]+source(?:[ \t]+(?:is|was)[ \t]+|,[ \t]+)"
    r"(?P<what>(?:an?|the)[ \t]+(?:[^.;:()]|\.(?=\w))+)|"  # (a point inside a word, "ClinicalTrials.gov", is no stop)
    r"(?P<path>(?<![\w/.-])seeds/[^\s()\[\]\"'\u201c\u201d,;]+?)[.:]?[ \t]*\((?P<bracketed>(?:an?|the)[ \t]+[^()]+)\)"
)
# the kinds each description's words give (curation.sources.kind), the first the description writes; a copy of
# anything is a copy ("a third-party site's copy of the ClinicalTrials.gov record")
_COPY = (lazy(r"(?i)\b(?:copy|copies|mirror)\b"), frozenset({"REGISTRY_COPY", "OTHER"}))
_KINDS = (
    (lazy(r"(?i)\btrial[\s-]+(?:finder|page|listing)s?\b"), frozenset({"TRIAL_FINDER_PAGE", "OTHER"})),
    (lazy(r"(?i)\bpress[ \t]+release\b"), frozenset({"PRESS_RELEASE"})),
    (lazy(r"(?i)\b(?:publication|article|abstract|paper)\b"), frozenset({"PUBLICATION"})),
    (lazy(r"(?i)\b(?:JSON|API)\b"), frozenset({"REGISTRY_JSON"})),
    (
        lazy(
            r"(?i)(?:\bClinicalTrials\.gov|\bregistry(?:['\u2019]s)?)[ \t]+(?:own[ \t]+)?(?:record|page|entry|study)\b"
        ),
        frozenset({"REGISTRY_PAGE", "REGISTRY_JSON"}),
    ),
)
# a source said to be the sponsor's own ("the sponsor's copy"): a copy or a trial finder's page is a third party's,
# a registry's page the registry's (the schema's meanings of the kinds)
_THE_SPONSORS = lazy(
    r"(?i)\bsponsor(?:['\u2019]s|s['\u2019])?[ \t]+(?:own[ \t]+)?(?:\w+[ \t]+)?(?:copy|page|record|site)"
)
_NOT_THE_SPONSORS = frozenset({"REGISTRY_COPY", "TRIAL_FINDER_PAGE", "REGISTRY_PAGE", "REGISTRY_JSON"})

# where a description of the source ends: at its clause's break, or where a relative or a denied clause goes on to what
# the source is not or does ("The source, a ClinConnect page, is not the registry's record", "a ClinConnect listing,
# not a publication", "a page that cites the ClinicalTrials.gov record"): hunt 213 found each refused as a kind said
# A relative clause that only says again what the source is goes on describing it: "a page that is the
# ClinicalTrials.gov record" passed on Relma-cel's ClinConnect page once the description ended at "that" (the lead's
# review of helper-70's change)
_DESCRIPTION_ENDS = lazy(
    r"(?i)[,;]|\b(?:that|which|who)\b(?![ \t]+(?:is|are|was|were|remains|becomes)\b)|"
    r"\b(?:whose|not|but|rather[ \t]+than|instead[ \t]+of|though|although|while|whereas)\b"
)


def _misdescribed(text: str, kinds: dict[str, object]) -> Iterator[str]:
    """What text says a source is (_DESCRIBED) that none of the cited sources it may mean is: the one whose path a
    bracket follows, else any the record cites."""
    for m in _DESCRIBED.finditer(text):
        what = _DESCRIPTION_ENDS.split(m.group("what") or m.group("bracketed"), maxsplit=1)[0]
        meant = {kinds[m.group("path")]} if m.group("path") in kinds else set(kinds.values())
        said = _COPY[1] if _COPY[0].search(what) else _first_kinds(what)
        if said and not said & meant:
            yield f"says a source is {what.strip()!r} ({' or '.join(sorted(said))}), which no source it cites is"
        elif _THE_SPONSORS.search(what) and meant <= _NOT_THE_SPONSORS:
            yield f"says a source is {what.strip()!r}, the sponsor's, which no source it cites is (a third party's)"


def _first_kinds(what: str) -> frozenset[str]:
    """The kinds the first of _KINDS' words what writes gives, or none."""
    found = [(m.start(), said) for words, said in _KINDS if (m := words.search(what))]
    return min(found, key=lambda item: item[0])[1] if found else frozenset()


_RULE_OF_SPEAKERS = "a remark says what a source writes only of the sources its curation.sources cites"

# a source a remark says writes something, by what it is: the subject of a verb of writing ("ClinicalTrials.gov
# lists") or after "in", "from" or "on" ("spelled ... in another source", "missing from the registry record"); and
# the words that name it only as such a subject (the registry, its record unnamed: this project is a registry too,
# and "not in the registry's vocabulary" or "a stub in the registry" speak of it). Hunt 214 rewrote IM19's "in the
# same source" to "in another source" and "The source spells the facility" to "The registry spells", and each passed
# beside a record citing one third-party copy: the words were read as no source at all.
_SPEAKERS = (
    (r"another[ \t]+source|a[ \t]+second[ \t]+source|(?:the[ \t]+)?other[ \t]+sources?|both[ \t]+sources", "", None),
    (
        r"(?:the[ \t]+)?ClinicalTrials\.gov(?:(?:['\u2019]s)?[ \t]+(?:own[ \t]+)?(?:record|page|entry))?|"
        r"(?:the[ \t]+)?registry(?:['\u2019]s)?[ \t]+(?:own[ \t]+)?(?:record|page|entry)",
        r"the[ \t]+registry",
        frozenset({"REGISTRY_PAGE", "REGISTRY_JSON"}),
    ),
    (
        r"(?:the[ \t]+)?sponsor(?:['\u2019]s)?[ \t]+(?:own[ \t]+)?(?:record|page|site|website|copy|release)",
        "",
        frozenset({"PRESS_RELEASE", "OTHER"}),
    ),
    # (the sponsor as the subject: IM19's "kept as written" made "kept as the sponsor writes it" passed beside its
    # third-party copy, hunt 214's leftover; a registry's record is the sponsor's own words too)
    (r"(?!)", r"the[ \t]+sponsor", frozenset({"PRESS_RELEASE", "OTHER", "REGISTRY_PAGE", "REGISTRY_JSON"})),
    (r"(?:the|a)[ \t]+press[ \t]+release", "", frozenset({"PRESS_RELEASE"})),
    (r"(?:the|a)[ \t]+(?:publication|journal[ \t]+article|paper|abstract)", "", frozenset({"PUBLICATION"})),
)
_WRITES = r"(?:spells?|writes?|lists?|gives?|says?|reads?|names?|states?|shows?|reports?|numbers?)\b"
_SPOKEN = [
    (
        lazy(
            rf"(?i)(?:(?<![\w'\u2019-])(?P<who>{words}{'|' + subject if subject else ''})[ \t]+"
            rf"(?:also[ \t]+|only[ \t]+)?{_WRITES}|"
            rf"\b(?:in|from|on|by)[ \t]+(?P<place>{words})\b(?![ \t]*['\u2019]s\b)(?![ \t]+(?:of|copy)\b))"
        ),
        kinds,
    )
    for words, subject, kinds in _SPEAKERS
]
# a denial, a question or a time to come before it in its clause ("not in the registry", "unlike the registry
# record", "left out until the registry says which count it is": hunt 162's and 210's honest notes)
_NOT_SAID = lazy(
    r"(?i)(?:\b(?:not|never|nor|unlike|without|whether|if|unless|until|till|once|when|rather[ \t]+than|"
    r"instead[ \t]+of)\b|n't\b)[^.;:]*\Z"
)


# the registry's record as what a copy the record cites is a copy of ("The site's copy of the ClinicalTrials.gov record
# numbers both lists from 2", "copied from the ClinicalTrials.gov record"): the copy writes it (hunt 215: IM19's
# honest notes so, beside its REGISTRY_COPY, were refused)
_COPIED = lazy(r"(?i)(?:\bcop(?:y|ies)[ \t]+of|\b(?:copied|mirrored|taken))[ \t]+\Z")
# ... or said copied after it ("..., from the ClinicalTrials.gov record copied there", hunt 215's leftover): the
# record copied where the copy is, or the one the copy copies
_COPIED_AFTER = lazy(
    r"(?i)[ \t]+(?:(?:as[ \t]+)?(?:copied|mirrored|reproduced)[ \t]+"
    r"(?:there|here|on[ \t]+(?:the|that|this|its)[ \t]+(?:site|page|copy))|"
    r"(?:that|which)[ \t]+(?:the[ \t]+(?:source|site|page|copy)|it)[ \t]+(?:copies|mirrors|reproduces))\b"
)
_REGISTRYS = frozenset({"REGISTRY_PAGE", "REGISTRY_JSON"})


def _uncited_speakers(text: str, kinds: dict[str, object]) -> Iterator[str]:
    """What text says a source of a kind the record cites none of writes (or, "another source", where it cites one)."""
    cited = set(kinds.values())
    for words, said in _SPOKEN:
        for m in words.finditer(text):
            if _NOT_SAID.search(text, 0, m.start()):
                continue
            if (
                said == _REGISTRYS
                and "REGISTRY_COPY" in cited
                and (_COPIED.search(text, 0, m.start()) or m.group("place") and _COPIED_AFTER.match(text, m.end()))
            ):
                continue
            who = " ".join((m.group("who") or m.group("place")).split())
            if said is None and len(kinds) < 2 or said is not None and not said & cited:
                yield f"says {who!r} writes what it quotes, which is no source it cites"
