"""Not dosed: the words by which a source says a number of cells is no dose the trial's patients receive.

"at least 1×10^6 CAR-T cells/kg must be manufactured", "a minimum of 1×10^6 CAR-T cells/kg is
required for release", "1×10^6 CAR-T cells/kg were collected by apheresis", "the manufacturing
target is 1×10^6 CAR-T cells/kg": what the product must hold or what was collected; "1×10^6 CAR-T
cells/kg in the previous study", "... was the dose in mice": another study's. Each bound a cohort's
dose. Read by binding (a cohort's dose, with the words that take a dose back; of a lymphodepleting
agent's, another study's only) and by
completeness.cell_doses (the doses an arm's description gives, which a complete record holds and
which silence reads), so that the three read a number of cells alike.

Only words in the dose's own clause count, and only those that say so of the number: a product
"manufactured at the site" and "infused at 1×10^6 CAR-T cells/kg" is dosed, and "a target dose of
1×10^6 CAR-T cells/kg" is the dose the patients are meant to receive.
"""

from __future__ import annotations

import re

# The words of the clause after the number that say it is made, collected or required, not given
# ("must be manufactured", "were collected by apheresis", "is required for release", "for product
# release"), within the clause (no stop, semicolon, colon or bracket between)
_AFTER = re.compile(
    r"(?i)[^.;:()\[\]\n]{0,40}?(?<![\w-])(?:"
    r"(?:(?:must|should|shall|will|are|is|were|was|be|been|being|to)\s+){1,3}"
    r"(?:manufactured|produced|generated|expanded|collected|harvested|obtained|isolated|required|needed)"
    r"|(?:(?:for|before)\s+(?:(?:the|product|lot|batch)\s+){0,2}release|by\s+(?:leuk)?apheresis)"
    r")(?![\w-])"
)
# ... or before it, right before the number: the words of a specification or a making of cells
# ("manufacturing target: 1×10^6", "release criterion of at least 1×10^6", "release requires 1×10^6",
# "collect >= 1×10^9")
_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:"
    r"(?:manufacturing|production|release|expansion|harvest|collection)\s+"
    r"(?:(?:target|specification|requirement|criteri(?:on|a)|yield|goal)s?(?:\s+(?:is|are|was|were|of))?"
    r"|requires?|required|needs?)\s*[:=]?"
    r"|(?:collect|harvest|expand|manufactur|produc)(?:e|es|ed|ing|t)?"
    r")\s*(?:(?:at\s+least|a\s+minimum\s+of|no\s+(?:fewer|less)\s+than|more\s+than|over|up\s+to|about|approximately)"
    r"\s+|[≥>]=?\s*)?\Z"
)
# The words after the number, in its clause, that say it is another study's: "in the previous study",
# "in an earlier trial", "in mice", "in preclinical studies", "in non-human primates" (not a likeness:
# "as in the previous study", "than in an earlier trial" give the dose to this trial too)
_ELSEWHERE = (
    r"(?<!\bas\s)(?<!\blike\s)(?<!\bthan\s)in\s+(?:(?:the|a|an|our|its|their|other|several)\s+)?"
    r"(?:(?:previous|prior|earlier|another|other|separate|preclinical|pre-clinical|animal|murine|parent)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials?|models?|experiments?)"
    r"|mice|rats|animals|(?:non-?human\s+)?primates|vitro|xenografts?)(?![\w-])"
)
_ELSEWHERE_AFTER = re.compile(rf"(?i)[^.;:()\[\]\n]{{0,40}}?(?<![\w-]){_ELSEWHERE}")
# ... or before it in its clause ("In preclinical studies, 1×10^6 CAR-T cells/kg was safe")
_ELSEWHERE_BEFORE = re.compile(rf"(?i)(?<![\w-]){_ELSEWHERE}[^.;:()\[\]\n]{{0,40}}\Z")
# How far before a number its clause's words are looked for
_REACH = 80


def not_dosed(text: str, start: int, end: int) -> bool:
    """Whether the words around a number of cells at text[start:end] (its number to its unit's end)
    say it is no dose the trial's patients receive: made, collected or required (made), or another
    study's (elsewhere)."""
    return made(text, start, end) or elsewhere(text, start, end)


def made(text: str, start: int, end: int) -> bool:
    """Whether the words around a number of cells say it is made, collected or required, not given
    (_AFTER, _BEFORE). Of cells only: "fludarabine 30 mg/m2/day is required" is a regimen's dose."""
    return _AFTER.match(text, end) is not None or _BEFORE.search(text, max(0, start - _REACH), start) is not None


def elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the words of its clause say a dose at text[start:end] is another study's ("in the
    previous study", "in mice", "in preclinical studies"): of any dose, an agent's too."""
    return (
        _ELSEWHERE_AFTER.match(text, end) is not None
        or _ELSEWHERE_BEFORE.search(text, max(0, start - _REACH), start) is not None
    )
