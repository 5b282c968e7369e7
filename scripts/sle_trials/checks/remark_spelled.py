"""E501: a spelling a curation note or an incomplete entry says its source gives one of the trial's parties or places
("The source spells the facility "Peking Universitiy Third Hospital"; kept as written. The sponsor is spelled "Peking
University Third Hospital" in the same source.") that the record's field for it does not hold. Hunt 214 swapped the
note's roles ("The source spells the sponsor ...", "The facility is spelled ..."), and each passed: both runs are
the source's, and which field a note says each spells was read by nothing. A reader takes the sponsor for misspelt.

The role is named right before the quote ("spells the facility "..."", "the sponsor is spelled "...""), and its
field (a site's facility, the sponsor's name, an official's, the responsible party's, the title) holds the quote as
written, in one of its items, or a run of its whole words; a sentence saying the record corrects or normalises it is
left to the reading of what is kept (remarks._NOT_KEPT).

And the case a source is said to write a role's name in ("writes the sponsor in lower case"): held to the name the
role's field holds as a cited source writes it anywhere, one of its writings in that case (hunt 221).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_remarks, strings
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_names

# each role's words and its field (the items of a list each read)
ROLES = {
    "facility": (r"facility|site", "locations.facility"),
    # a hospital may be the site, the sponsor or an official's or the responsible party's affiliation (hunt 215: IM19's
    # 'The source spells the hospital "Peking University Third Hospital" in Sponsors' was refused as its facility)
    "hospital": (r"hospital", "locations.facility sponsor.name officials.affiliation responsible_party.affiliation"),
    "sponsor": (r"sponsor", "sponsor.name"),
    "official": (r"(?:principal[ \t]+)?investigator|official", "officials.name"),
    "responsible party": (r"responsible[ \t]+party", "responsible_party.name"),
    "brief title": (r"brief[ \t]+title", "brief_title"),
    # a title may be the trial's or a person's (hunt 215: IM19's 'The source writes the title "Chief of Department of
    # Rheumatology and Immunology" for the responsible party.' was refused as its brief_title)
    "title": (r"title", "brief_title official_title responsible_party.title"),
}
_ROLE = "|".join(f"(?P<r{i}>{words})" for i, (words, _) in enumerate(ROLES.values()))
# a role said to be spelled as the quote right after: 'spells the facility "..."', 'The sponsor is spelled "..."'
_SPELLED = lazy(
    rf"(?i)\b(?:(?:spells?|spelling|writes?)[ \t]+(?:the|its)[ \t]+(?:{_ROLE})[ \t]+|"
    rf"\bthe[ \t]+(?:{_ROLE.replace('(?P<r', '(?P<s')})[ \t]+(?:is|was)[ \t]+(?:spelled|spelt|written)[ \t]+)\Z"
)
# ... or as the run a sentence before quoted, or otherwise: "The sponsor is spelled the same way in the same source."
_LIKENED = lazy(
    rf"(?i)\b(?:the|its)[ \t]+(?:{_ROLE.replace('(?P<r', '(?P<t')})[ \t]+(?:is|was)[ \t]+"
    r"(?:spelled|spelt|written)[ \t]+(?:(?P<same>the[ \t]+same(?:[ \t]+way)?|alike|likewise|identically|so)|"
    r"(?P<other>differently|otherwise|another[ \t]+way))\b"
)
_CORRECTED = lazy(r"(?i)\b(?:correct\w*|normali[sz]\w*|fix\w*|amend\w*|standardi[sz]\w*)\b")

RULE = "a remark says a source spells a party or a place as a run its field holds"


def check_remark_spelled(record: Record) -> Iterator[Problem]:
    """E501: each run a remark says its source spells a role as that the role's field does not hold."""
    return said_by_remarks(
        record, "E501", lambda text: [*_unheld(record.data, text), *_likened(record.data, text)], RULE
    )


def _unheld(data: dict[str, Any], text: str) -> Iterator[str]:
    """What text says a source spells a role as that the role's field does not hold."""
    for sentence in note_names.sentences_of(normalise(text)):
        if _CORRECTED.search(sentence):
            continue
        for m in QUOTED.finditer(sentence):
            said = _SPELLED.search(sentence, 0, m.start())
            if said is None:
                continue
            i = next(k for k in range(len(ROLES)) if said.group(f"r{k}") or said.group(f"s{k}"))
            role, (_, field) = list(ROLES.items())[i]
            run = " ".join((m.group(1) or m.group(2) or "").split())
            held = [" ".join(s.split()) for one in field.split() for s in strings(_values(data, one))]
            if held and run and not any(_within(run, value) for value in held):
                fields_of = " or ".join(field.split())
                yield f"says its source spells the {role} {run!r}, which the record's {fields_of} does not hold"


# the case a source is said to write a role's name in: "writes the sponsor in lower case" passed of Relma-cel's, whose
# page writes its sponsor in capitals and in its About section's title case (hunt 219's leftover)
_CASED = lazy(
    rf"(?i)\b(?:(?:spells?|spelling|writes?|writing|gives?|prints?)[ \t]+(?:the|its)[ \t]+"
    rf"(?:{_ROLE.replace('(?P<r', '(?P<c')})(?:['\u2019]s[ \t]+names?)?|"
    rf"\bthe[ \t]+(?:{_ROLE.replace('(?P<r', '(?P<d')})(?:['\u2019]s[ \t]+names?)?[ \t]+(?:is|was)[ \t]+"
    r"(?:spelled|spelt|written|given|printed))[ \t]+(?:all[ \t]+|entirely[ \t]+|wholly[ \t]+)?in[ \t]+"
    r"(?:(?P<lower>lower[ \t-]?case|small[ \t]+letters)|(?P<upper>upper[ \t-]?case|(?:block[ \t]+)?capitals|"
    r"capital[ \t]+letters|all[ \t]+caps|caps))\b"
)
_CASE_DENIED = lazy(r"(?i)(?:\b(?:not|never|nor)|n't)[ \t]+(?:[\w-]+[ \t]+)?\Z")
CASE_RULE = "a remark says a source writes a party's name in a case only where a cited source writes it so"


def check_remark_case(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each case a remark says its source writes a role's name in that no cited source writes the name the
    role's field holds in."""
    return said_by_remarks(record, "E501", lambda text: _miscased(record.data, text, sources), CASE_RULE)


def _miscased(data: dict[str, Any], text: str, sources: Sources) -> Iterator[str]:
    read = normalise(text)
    for m in _CASED.finditer(read):
        if _CASE_DENIED.search(read, 0, m.start()):
            continue
        texts = [normalise(sources.text_of(doc)) for doc in sources.docs if doc.unread is None]  # (few remarks say)
        i = next(k for k in range(len(ROLES)) if m.group(f"c{k}") or m.group(f"d{k}"))
        role, (_, field) = list(ROLES.items())[i]
        held = [" ".join(s.split()) for one in field.split() for s in strings(_values(data, one))]
        written = [
            found.group()
            for value in held
            if any(c.isalpha() for c in value)
            for source in texts
            for found in re.finditer(r"[ \t]+".join(map(re.escape, value.split())), source, re.IGNORECASE)
        ]
        lower = bool(m.group("lower"))
        if written and not any(w == (w.lower() if lower else w.upper()) for w in written):
            case = "lower case" if lower else "capitals"
            yield f"says its source writes the {role} in {case}, which it writes {written[0]!r}"


def _likened(data: dict[str, Any], text: str) -> Iterator[str]:
    """What text says of a role's spelling by the run it quoted before ("spelled the same way", "otherwise") that
    the role's field does not bear out: IM19's "The sponsor is spelled the same way in the same source.", after its
    facility's "Peking Universitiy Third Hospital", passed (hunt 216), the sponsor's field holding "University"."""
    said = normalise(text)
    for m in _LIKENED.finditer(said):
        before = [" ".join((q.group(1) or q.group(2) or "").split()) for q in QUOTED.finditer(said, 0, m.start())]
        if not before or not before[-1] or _CORRECTED.search(said, m.start(), m.end() + 80):
            continue
        i = next(k for k in range(len(ROLES)) if m.group(f"t{k}"))
        role, (_, field) = list(ROLES.items())[i]
        held = [" ".join(s.split()) for one in field.split() for s in strings(_values(data, one))]
        same = any(_within(before[-1], value) for value in held)
        if held and same != bool(m.group("same")):
            how = "as" if m.group("same") else "otherwise than"
            yield f"says its source spells the {role} {how} {before[-1]!r}, which its field {field} does not bear out"


def _within(run: str, value: str) -> bool:
    """Whether run is value or a run of its whole words: a note may quote the part of a name it speaks of ("spells
    the facility "Peking Universitiy"", of "Peking Universitiy Third Hospital": test_attacks_helper16_mutations).
    Case aside: a source may write a name in capitals in one place and not in another (Relma-cel's sponsor, in its
    header and its About section: hunt 215's 'spells the sponsor "Shanghai Ming Ju Biotechnology Co., Ltd." in its
    About section' was refused); that the source writes the run as quoted is the quote reading's to hold."""
    run, value = run.casefold(), value.casefold()
    at = value.find(run)
    while at >= 0:
        end = at + len(run)
        if (at == 0 or not value[at - 1].isalnum()) and (end == len(value) or not value[end].isalnum()):
            return True
        at = value.find(run, at + 1)
    return False


def _values(data: dict[str, Any], field: str) -> list[Any]:
    """The values at a field, each item of a list on the way read."""
    head, _, rest = field.partition(".")
    found, value = fields.get(data, (head,))
    if not found:
        return []
    if not rest:
        return [value]
    items = value if isinstance(value, list) else [value]
    return [v for item in items if isinstance(item, dict) for v in _values(item, rest)]
