"""Sentence case: a threshold's measure whose first letter a curator recased, and the source's own.

A measure is copied from the middle of a criterion's sentence, and a curator gives it as a label
("Serum creatinine" of "... or serum creatinine >2.5 mg/dL"), or takes one that opens a sentence or an
item into running words ("weight" of "Weight ≥ 40 kg"). Its first letter is then the only one not the
source's, and it was refused as text no source writes (E501) and a measure not in its quote (E513).
The case of a first letter says nothing of what is measured where the rest of its word is lower case
(a common word); in an acronym or a name written in mixed case ("IgA", "CD4+", "eGFR") the case is the
name's, and it is held to the source's.
"""

from __future__ import annotations


def recased_first(text: str) -> str | None:
    """text with its first letter in the other case, where that letter opens a word the rest of whose
    letters are lower case ("Serum" <-> "serum", "Weight" <-> "weight"); None for any other text (an
    acronym, a word in mixed case, a text opening with no letter)."""
    if not text or not text[0].isalpha() or text[0].lower() == text[0].upper():
        return None
    word = text.split(" ", 1)[0]
    rest = [c for c in word[1:] if c.isalpha()]
    if not rest or any(not c.islower() for c in rest):
        return None
    return text[0].swapcase() + text[1:]


def as_written(measure: str, texts: list[str]) -> str:
    """measure as one of texts writes it: itself where any of them holds it, else with its first letter
    recased (recased_first) where only that stands in one of them."""
    if any(measure in t for t in texts):
        return measure
    other = recased_first(measure)
    return other if other is not None and any(other in t for t in texts) else measure
