"""Whom a curation note says plays a part in the trial: its sponsor ("The sponsor is Acme Hospital", "sponsored by
Acme Hospital", "Acme Hospital sponsors the trial", "Acme Hospital is its sponsor"), its site ("The only site is
Peking University Third Hospital", "Beijing is its site") and its responsible party. A name a note writes is held to
being written by a source (remark_names); where the note gives it a part, the record must hold it in that part
(remark_parts.check_remark_parts): mutation hunt 207 rewrote Relma-cel's note to "The sponsor is Renji Hospital
Shanghai Jiaotong University School of Medical", an official's affiliation its source writes, and it passed beside
the record's sponsor, Shanghai Ming Ju Biotechnology.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import sentences
from sle_trials.reading.lexicon import note_names

# each part a note may say someone plays, and the words that name it
PARTS = {
    "sponsor": r"(?:lead[ \t]+)?sponsor",
    "site": r"(?:only[ \t]+|one[ \t]+|single[ \t]+)?(?:site|facility|centre|center)",
    "responsible party": r"responsible[ \t]+party",
}
_PART = "(?P<part>" + "|".join(PARTS.values()) + ")"
# a person's title before a name, no part of it ("Dr Mu Rong" names "Mu Rong")
_TITLE = "(?:(?:" + "|".join(sentences.TITLES) + r")\.?[ \t]+)?"
# a name: capitalised words, a few small words or marks within ("Peking University Third Hospital", "Shanghai Ming Ju
# Biotechnology Co.", "Renji Hospital of Shanghai"), in quotation marks or not
_NAME = (
    r"[\"“‘']?"
    + _TITLE
    + r"(?P<name>[A-Z0-9][\w.&'’-]*(?:[ \t]+(?:(?:of|and|&|de|du|for|the)[ \t]+)?[A-Z0-9][\w.&'’-]*)*)"
)
_THE = r"(?:(?:the|its|this|the[ \t]+trial's|the[ \t]+study's)[ \t]+)"
_GIVING = [
    # the part, then its name: "The sponsor is X", "Its site was X", "its sponsor, X"
    lazy(rf"(?<![\w-])(?i:{_THE}?{_PART}(?:['’]s[ \t]+name)?[ \t]+(?:is|was)[ \t]+(?:the[ \t]+)?){_NAME}"),
    lazy(rf"(?<![\w-])(?i:{_THE}{_PART},[ \t]+(?:the[ \t]+)?){_NAME}"),
    # a verb, then the name: "sponsored by X", "hosted by X" ("run by" names no part: it may be the sponsor's or
    # another's, as reading/prose.py reads it in a source)
    lazy(rf"(?<![\w-])(?i:(?P<verb>sponsored|hosted)[ \t]+by[ \t]+(?:the[ \t]+)?){_NAME}"),
    # the name, then its part: "X is the sponsor", "X is its only site", "X sponsors the trial"; not a thing of the
    # part's ("IM19SLE01 is the sponsor's org study id" gave IM19's id as its sponsor: E501, hunt 211), but its name
    lazy(rf"{_NAME}[\"”’']?[ \t]+(?i:(?:is|was)[ \t]+{_THE}{_PART})(?![\w-]|['’]s[ \t]+(?!name\b))"),
    lazy(rf"{_NAME}[\"”’']?[ \t]+(?i:(?P<verb>sponsors|hosts)[ \t]+(?:the|this|it)\b)"),
]
_VERB_PARTS = {"sponsored": "sponsor", "sponsors": "sponsor", "hosted": "site", "hosts": "site"}


class Given(NamedTuple):
    part: str  # a key of PARTS
    name: str  # as the note writes it, a leading "The" left out


def given(text: str) -> list[Given]:
    """Each name text (a note, normalised) gives a part in the trial, read in its sentences (no name runs across a
    stop: "recorded as PHASE1. Shanghai is its only site." gives the site "Shanghai"), in the order of the ways it
    is given."""
    found = []
    for pattern, sentence in itertools.product(_GIVING, note_names.sentences_of(text)):
        for m in pattern.finditer(sentence):
            verb = m.groupdict().get("verb")
            part = _VERB_PARTS[verb.lower()] if verb else _part(m.group("part"))
            found.append(Given(part, re.sub(r"^(?i:the)[ \t]+", "", m.group("name"))))
    return found


def _part(words: str) -> str:
    """The part words name (a key of PARTS)."""
    return next(part for part, pattern in PARTS.items() if re.fullmatch(pattern, words, re.IGNORECASE))
