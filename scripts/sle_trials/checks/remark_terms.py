"""The terms of the registry's vocabularies a curation note writes in words ("Early Phase 1", "Not Applicable",
"Single Group Assignment"): read by the names check (remark_names, E501) as the codes they render, not as names.

A note naming a phase or a design in the words registries print was refused as naming what no source writes ("An
Early Phase 1 label is absent." on IM19, whose source writes no phase but "NA"), where the same note writing the
code, EARLY_PHASE1, passed: the codes were read as the schema's words, their renderings as names. A rendering now
stands for its values ("Phase II/III" for PHASE2 and PHASE3), and is accounted for where each is the record's or a
cited source states it (in any of its renderings: a source's "EARLY_PHASE1" for a note's "Early Phase 1"), or the
note's words right around it deny it ("no Early Phase I label", "not an Early Phase 1 study", "An Early Phase 1
label is absent"). Any other ("It is in Phase II." of a Phase I trial) is read as a name still, and refused where
no source writes it.

Only the vocabularies of the study's kinds are read so (TERMS): a lymphodepleting agent, a molecule, a route, an
agency or a registry of identifiers is a thing a note names, and a name no source writes is refused as before. A
rendering inside a longer name ("Experimental Hospital", "Phase I/III") is the name's, and left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from types import MappingProxyType

from sle_trials.patterns import lazy
from sle_trials.reading import vocabulary

# the vocabularies whose values are kinds of a study, its arms and its people, not things it names
TERMS = (
    "overall status",
    "phase",
    "study type",
    "allocation",
    "intervention model",
    "primary purpose",
    "masking",
    "observational model",
    "time perspective",
    "actual or estimated",
    "arm type",
    "intervention type",
    "sex",
    "responsible party type",
    "official role",
)

# a denial right before a rendering, an article between ("not an Early Phase 1 study", "no Early Phase I label"),
# or right after it and a word or two ("An Early Phase 1 label is absent", "the Early Phase 1 value was not given")
_DENIED_BEFORE = lazy(
    r"(?i:\b(?:not|no|never|nor|neither|without|rather\s+than|instead\s+of|other\s+than)\s+(?:(?:an?|the|any)\s+)?)\Z"
)
_DENIED_AFTER = lazy(r"(?:\s+[a-z]+){0,2}\s+(?:is|was|are|were)\s+(?:absent|missing|not|never)\b")
# a word that goes on a name: a capitalised word beside the rendering, or a mark joining it to more ("Phase I/III")
_NAME_BEFORE = lazy(r"(?:[A-Z][\w'-]*\s+|[/\-|][\w]*)\Z")
_NAME_AFTER = lazy(r"\s+[A-Z0-9]|[/\-|]\w")


def _renderings() -> dict[str, frozenset[str]]:
    """Each rendering of TERMS' values (a label, its capitals, the code) and the values it stands for."""
    out: dict[str, frozenset[str]] = {}
    for name in TERMS:
        vocab = vocabulary.for_enum(tuple(vocabulary.TABLES[name]))
        for rendering, values in vocab.values.items() if vocab is not None else ():
            out[rendering] = out.get(rendering, frozenset()) | values
    return out


_RENDERINGS = MappingProxyType(_renderings())
_RENDERING = lazy(
    r"(?<![A-Za-z0-9_])(?:"
    + "|".join(map(re.escape, sorted(_RENDERINGS, key=lambda r: (-len(r), r))))
    + r")(?![A-Za-z0-9_])"
)


def stated(text: str) -> frozenset[str]:
    """The values of TERMS a source's text renders, as the binders read them (a denied rendering is none)."""
    return frozenset(
        value
        for name in TERMS
        if (vocab := vocabulary.for_enum(tuple(vocabulary.TABLES[name]))) is not None
        for _, values in vocab.find(text)
        for value in values
    )


def blanked(text: str, held: Iterable[str], sources_state: Callable[[], frozenset[str]]) -> str:
    """text with each rendering of TERMS accounted for (see the module docstring) blanked to " | ", as a
    quotation is before the names are read. held: the record's strings; sources_state: the values its sources
    state (stated() of each), asked only where a rendering is neither held nor denied."""
    kept = frozenset(held)
    spans: list[tuple[int, int]] = []
    for m in _RENDERING.finditer(text):
        if _goes_on(text, m.start(), m.end()):
            continue
        values = _RENDERINGS[m.group()]
        denied = _DENIED_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _DENIED_AFTER.match(text, m.end())
        if denied or values <= kept or values <= kept | sources_state():
            spans.append(m.span())
    for start, end in reversed(spans):
        text = text[:start] + " | " + text[end:]
    return text


def _goes_on(text: str, start: int, end: int) -> bool:
    """Whether the rendering is a part of a longer name: a capitalised word before it (not one opening its sentence)
    or after it, or a mark joining it to more."""
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and not re.fullmatch(r"[A-Z][a-z]*\s+", before.group()):
        return True
    if before is not None and before.group().strip().lower() not in _OPENING:
        return True
    return _NAME_AFTER.match(text, end) is not None


# the capitalised words that open a sentence before a term, no part of it ("An Early Phase 1 label", "No Expanded
# Access")
_OPENING = frozenset({"a", "an", "the", "its", "no", "not", "this", "that", "each", "every", "any", "it"})
