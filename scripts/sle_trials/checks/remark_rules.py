"""E501: a rule a curation note says the record's values follow, "Where a criterion says "within N weeks" or "within N
months", the limit is recorded as "< N"", held to the values it names. Such a note's run after "recorded as" is the
record's own writing with N for any number, so nothing read it (check_remark_quotes skips a pattern's N, and a run
with no number states no fact): mutation hunt 208 rewrote IM19's note to "recorded as "<= N"" beside its thresholds
of "< 24 weeks" and "< 6 months" read from "within 24 weeks" and "within 6 months", and it passed. Each threshold
whose quote writes one of the note's patterns with the threshold's number ("within 24 weeks") is to hold the
comparator the note's rule records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, remark_problem, remarks_of
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import quantities, stated_limits

# (the record's own writing: a run quoted after these words; a letter N standing for any number)
_RECORDED = lazy(r"(?i)\b(?:recorded|entered|written|rendered|normali[sz]ed)\s+as\s*$")
_PLACEHOLDER = lazy(r"\bN\b")
_SENTENCE_END = lazy(r"(?<=[.!?])\s+(?=[A-Z(\"\u201c])|\n")


def check_remark_rules(record: Record) -> Iterator[Problem]:
    """E501: a threshold whose quote writes a pattern a remark's rule names with the threshold's number, whose
    comparator is not the one the rule says such a limit is recorded with (the module's docstring)."""
    thresholds = (record.data.get("eligibility") or {}).get("thresholds") or []
    evidence = record.data.get("evidence") or {}
    for kind, i, text, _ in remarks_of(record):
        for sentence in _SENTENCE_END.split(normalise(text)):
            runs = [(m, m.group(1) or m.group(2)) for m in QUOTED.finditer(sentence)]
            rules = [run for m, run in runs if _RECORDED.search(sentence, 0, m.start()) and _PLACEHOLDER.search(run)]
            patterns = [run for m, run in runs if run not in rules and _PLACEHOLDER.search(run)]
            for rule in rules:
                recorded = _comparator(rule)
                if recorded is None:
                    continue
                for k, threshold in enumerate(thresholds):
                    if not isinstance(threshold, dict) or threshold.get("comparator") == recorded:
                        continue
                    quotes = evidence.get(f"eligibility.thresholds.{k}")
                    said = " ".join(quotes) if isinstance(quotes, list) else str(quotes or "")
                    if any(_writes(normalise(said), pattern, threshold.get("value")) for pattern in patterns):
                        message = (
                            f"says a limit its sources write as {patterns[0]!r} is "
                            f"recorded as {rule!r}, but eligibility.thresholds.{k} is "
                            f"{threshold.get('comparator')} {threshold.get('value')}: a remark's rule is the one the "
                            "record's values follow"
                        )
                        yield remark_problem(record, kind, i, "E501", message)


def _comparator(rule: str) -> str | None:
    """The comparator a rule's run records ("< N": "<"), its N read as a number."""
    found = stated_limits.statements(_PLACEHOLDER.sub("1", rule))
    return found[0].comparator if len(found) == 1 else None


def _writes(quote: str, pattern: str, value: object) -> bool:
    """Whether quote writes pattern ("within N weeks") with value for its N."""
    if not isinstance(value, int | float):
        return False
    parts = [r"\s+".join(re.escape(word) for word in part.split(" ")) for part in _PLACEHOLDER.split(pattern)]
    found = re.finditer(r"(\d+(?:\.\d+)?)".join(parts), quote, re.IGNORECASE)
    return any(quantities.same_number(float(m.group(1)), float(value)) for m in found)
