"""E501: a criterion a curation note or an incomplete entry says its source writes whole and clear ("Exclusion criterion
1 is complete in the source") whose limit the record had to read with its unit written away from its value. Relma-cel's
note says its exclusion criterion 1 "is garbled in the source ("prednisone ≥100 within 8 weeks prior to screening
mg/d")"; hunt 214 made it "is complete in the source", and it passed: what a note says of a criterion's wording was
read by nothing. A reader takes the record's "≥ 100 mg/d" for the source's plain words, not the curator's reading.

A limit's value and unit are written apart where its evidence writes the value and, more than two words later, the
unit: the record joined them, and the note says they needed no joining.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise

# a criterion said to be written whole and clear: "Exclusion criterion 1 is complete in the source", "... reads clearly"
_WHOLE = lazy(
    r"(?i)\b(?P<list>inclusion|exclusion)[ \t]+criterion[ \t]+(?P<n>\d+)[ \t]+(?:is|was|stands)[ \t]+"
    r"(?:(?:quite|fully|perfectly|entirely)[ \t]+)?(?:complete|intact|whole|clear|well-formed|unambiguous|"
    r"not[ \t]+garbled|ungarbled|correct|coherent)\b"
)
_APART = 2  # (words between a value and its unit beyond which they are written apart)

RULE = "a remark says a criterion is written whole and clear only where the record reads its limits as written"


def check_remark_garbled(record: Record) -> Iterator[Problem]:
    """E501: each criterion a remark says is written whole and clear whose limit the record reads with its unit
    written away from its value."""
    data = record.data
    thresholds = (data.get("eligibility") or {}).get("thresholds") or []
    evidence = data.get("evidence") if isinstance(data.get("evidence"), dict) else {}
    if not thresholds or not evidence:
        return iter(())
    return said_by_remarks(record, "E501", lambda text: _joined(text, thresholds, evidence), RULE)


def _joined(text: str, thresholds: list, evidence: dict) -> Iterator[str]:
    for m in _WHOLE.finditer(QUOTED.sub(" | ", normalise(text))):
        ref = {"list": m.group("list").upper(), "number": int(m.group("n"))}
        for i, threshold in enumerate(thresholds):
            if isinstance(threshold, dict) and threshold.get("criterion") == ref:
                quoted = evidence.get(f"eligibility.thresholds.{i}")
                quotes = quoted if isinstance(quoted, list) else [quoted]
                if any(isinstance(q, str) and _apart(normalise(q), threshold) for q in quotes):
                    name = f"{m.group('list').lower()} criterion {m.group('n')}"
                    yield f"says {name} is written whole and clear, whose limit's unit its source writes apart"
                    break


def _apart(quote: str, threshold: dict) -> bool:
    """Whether quote writes the threshold's value and, more than _APART words later, its unit."""
    value, unit = threshold.get("value"), threshold.get("unit")
    if not isinstance(value, int | float) or not isinstance(unit, str) or not unit.strip():
        return False
    number = str(int(value)) if float(value).is_integer() else str(value)
    for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d.,]\d)", quote):
        after = quote[m.end() :].split()
        for k, word in enumerate(after):
            if word.startswith(unit.split()[0]):
                if k > _APART:
                    return True
                break
    return False
