"""A label whose answer gives nothing, or denies it after another mark than a colon.

vocabulary._ANSWERED_NO read a label's answer only after a colon and only as a denial ("Randomized:
No"). "Randomized: Unknown", "Randomized: TBD", "Randomized: to be determined", "Randomized: -",
"Has Results: N/A", and "Randomized? No" or "Randomized (no)" each bound the label's value
(RANDOMIZED, results posted) with a quote of the label alone.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out

RANDOMIZED = 'design:\n  allocation: RANDOMIZED\nevidence:\n  design.allocation: "Randomized"\n'
HAS_RESULTS = 'results_posted: true\nevidence:\n  results_posted: "Has Results"\n'

NO_ANSWER = [
    ("Randomized: Unknown", RANDOMIZED),
    ("Randomized: TBD", RANDOMIZED),
    ("Randomized: unclear", RANDOMIZED),
    ("Randomized: to be determined", RANDOMIZED),
    ("Randomized: -", RANDOMIZED),
    ("Randomized: not stated", RANDOMIZED),
    ("Randomized? No", RANDOMIZED),
    ("Randomized (no)", RANDOMIZED),
    ("Randomized = none", RANDOMIZED),
    ("Has Results: N/A", HAS_RESULTS),
    ("Has Results: Unknown", HAS_RESULTS),
    ("Has Results? No", HAS_RESULTS),
]


@pytest.mark.parametrize(("line", "fields"), NO_ANSWER)
def test_a_label_answered_with_nothing_renders_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Randomized: Yes", RANDOMIZED),
        ("Randomized (not blinded)", RANDOMIZED),  # the bracket's words are about another thing
        ("Randomized (N=60)", RANDOMIZED),
        ("Randomized:\nYes", RANDOMIZED),
        ("Has Results: Yes", HAS_RESULTS),
    ],
)
def test_a_label_answered_yes_or_qualified_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""
