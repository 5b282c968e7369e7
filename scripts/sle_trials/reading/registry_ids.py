"""A trial's id in another registry than ClinicalTrials.gov: what names a trial to a reader as an NCT
id does.

A plain document speaks of a trial from a line naming it to the next line naming any
(layouts.trial_sections). Read by NCT ids alone, a trial named by the id another registry gave it
(ChiCTR, EudraCT, ISRCTN, ...) began no section: "IM19 enrolled 6 participants. The
ChiCTR2400081234 trial enrolled 60 participants." lent IM19's draft the other trial's enrollment of
60, which the same sentence naming NCT09999999 did not. Such an id names a trial besides any NCT id
its line names: which trial it is, the text does not say (a trial registered twice is one trial,
which only a reader can tell), and a line naming several trials is no one trial's.

The ids are those of the WHO's primary registries, as their registries write them; matched where
no letter or digit goes on from them, in any case, with a space or a hyphen after the registry's
letters. Matched generously: an id matched where none was meant ends no more than a section.
"""

from __future__ import annotations

import re

from sle_trials.patterns import lazy

# (the registry's letters, then its number: each alternative as the registry writes it)
_IDS = (
    r"ChiCTR[ -]?(?:[A-Z]{2,5}-)?[0-9]{8,10}",  # Chinese Clinical Trial Registry: ChiCTR2400081234, ChiCTR-IOR-17012345
    r"ISRCTN[ -]?[0-9]{8}",
    r"ACTRN[ -]?[0-9]{14}",  # Australian New Zealand: ACTRN12620000123456
    r"(?:EudraCT|EUCT)(?:\s+(?:number|no\.?|id))?[ :#-]*[0-9]{4}-[0-9]{6}-[0-9]{2}(?:-[0-9]{2})?",
    r"[0-9]{4}-[0-9]{6}-[0-9]{2}(?:-[0-9]{2})?",  # EudraCT's number, EU CT's (2023-500123-45-00), bare
    r"CTRI[ /-]?[0-9]{4}/[0-9]{2,3}/[0-9]{5,6}",  # Clinical Trials Registry - India: CTRI/2020/05/025123
    r"jRCTs?[ -]?[0-9]{9,10}",  # Japan: jRCT2031210123, jRCTs031180123
    r"(?:JPRN-)?UMIN[ -]?[0-9]{9}",
    r"DRKS[ -]?[0-9]{8}",
    r"KCT[ -]?[0-9]{7}",  # Korea's CRiS
    r"IRCT[ -]?[0-9]+N[0-9]+",  # Iran: IRCT20180101038123N1
    r"PACTR[ -]?[0-9]{15}",
    r"TCTR[ -]?[0-9]{11}",
    r"LBCTR[ -]?[0-9]{10}",
    r"SLCTR/[0-9]{4}/[0-9]{3}",
    r"RPCEC[ -]?[0-9]{8}",
    r"RBR-[0-9a-z]{6,8}",  # Brazil's ReBEC
    r"ITMCTR[ -]?[0-9]{10}",
    r"NL-OMON[0-9]+|NTR[ -]?[0-9]{3,5}",  # the Netherlands
)
_OTHER_ID = lazy(r"(?i)(?<![A-Za-z0-9])(?:" + "|".join(_IDS) + r")(?![A-Za-z0-9])")
# what a line written in ASCII must hold to name one (a look-alike letter makes a line not ASCII):
# the start of a registry's letters, or a number of EudraCT's shape; looked for in the line in lower
# case, which for ASCII is what a case-blind pattern matches: case-blind, the pattern tried each of its
# alternatives at every character, and every line of every plain source took twice as long to read
_HINT = lazy(
    r"chictr|isrctn|actrn|eudract|euct|ctri|jrct|umin|drks|kct|irct|pactr|tctr|lbctr|slctr|rpcec|rbr-|itmctr"
    r"|nl-omon|ntr[ -]?[0-9]|[0-9]{4}-[0-9]{6}-[0-9]{2}"
)


def may_name(line: str) -> bool:
    """Whether a line (as written) may name a trial by another registry's id: named() reads it as shown."""
    return not line.isascii() or _HINT.search(line.lower()) is not None


# what may be another registry's id in part of a line (markup's text a reader is shown and the check
# does not read, which may hold half of an id): a registry's letters at the start of a word, or a
# number of EudraCT's shape
_PART = lazy(
    r"(?i)(?<![A-Za-z])(?:chictr|isrctn|actrn|eudract|euct|ctri|jrct|umin|drks|kct|irct|pactr|tctr|lbctr|slctr"
    r"|rpcec|rbr-|itmctr|nl-omon|ntr[ -]?[0-9])|[0-9]{4}-[0-9]{6}"
)


def hinted(text: str) -> bool:
    """Whether text (as shown a reader) may hold part of another registry's id: generously."""
    return _PART.search(text) is not None


def named(shown: str) -> set[str]:
    """The ids of trials another registry gave that a line (as shown a reader: NFKC, look-alike
    letters folded) names, each as written there without its spaces."""
    return {re.sub(r"\s+", "", m.group(0)) for m in _OTHER_ID.finditer(shown)}
