"""A run a remark gives only as a hypothesis or a question, asserting nothing of the trial: in an if-clause whose
sentence goes on, past the clause's comma, to what would follow ("If patients received two infusions, the source would
say so"; "If IM19 targeted CD19, the source would say so"), or after "whether" in its clause ("The source does not
say whether IM19 targets CD19"). Hunt 213 found each refused as a count or a molecule the trial's sources do not
write of it. An if-clause stating what does follow is no hypothesis ("If eligible, patients receive two infusions":
the run is past the clause's comma), nor one whose sentence says no would ("If eligible they receive two infusions").
"""

from __future__ import annotations

from sle_trials.patterns import lazy

# "if" or "unless" before the run, no clause's break between ("If patients received two infusions")
_IN_AN_IF_CLAUSE = lazy(r"(?i)\b(?:if|unless)\b[^,.;:!?]*\Z")
# past the if-clause's comma, the main clause's would ("..., the source would say so")
_WOULD_FOLLOWS = lazy(r"(?i)[^,.;:!?]*,[^.;:!?]*\b(?:would|could|might)\b")
# "whether" before the run, no clause's break between ("does not say whether IM19 targets CD19")
_ASKED = lazy(r"(?i)\bwhether\b[^,.;:!?]*\Z")


def hypothetical(text: str, start: int, end: int) -> bool:
    """Whether the run of text from start to end is said only as a hypothesis or a question."""
    if _ASKED.search(text, 0, start):
        return True
    return bool(_IN_AN_IF_CLAUSE.search(text, 0, start) and _WOULD_FOLLOWS.match(text, end))
