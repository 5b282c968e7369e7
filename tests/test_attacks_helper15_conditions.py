"""A limit's condition, the cases still read wrongly (helper-15).

DOCSTRING
"""

from __future__ import annotations

import re

import pytest
from conftest import Trials, threshold_out

BY_MEASURE = {
    "ALT": ("LABORATORY", "ALT", ">", 3, "×ULN"),
    "Total bilirubin": ("LABORATORY", "Total bilirubin", ">", 2, "mg/dL"),
    "Hemoglobin": ("LABORATORY", "Hemoglobin", "<", 8, "g/dL"),
    "INR": ("LABORATORY", "INR", ">", 1.5, "×ULN"),
    "HBV DNA": ("LABORATORY", "HBV DNA", ">", 2000, "IU/mL"),
    "eGFR": ("LABORATORY", "eGFR", "<", 30, "mL/min"),
    "SLEDAI-2K": ("DISEASE_ACTIVITY", "SLEDAI-2K", ">=", 6, "points"),
}


def _codes(trials: Trials, text: str, conditions: tuple[str, ...] = (), side: str = "exclusion") -> set[str]:
    """The codes `trials validate` reports of IM19's draft whose criterion 1 (side) is text, holding the threshold
    of the measure text names first, with conditions."""
    threshold = min(((text.find(m), t) for m, t in BY_MEASURE.items() if m in text), key=lambda p: p[0])[1]
    return set(re.findall(r"\bE\d{3}\b", threshold_out(trials, text, threshold, conditions, side)))


# 1. An absence or a negated cause joined to the limit by "and/or", as by "and": "ALT > 3 ×ULN and/or no evidence of
# hepatitis" passed with no condition (scopes._AND_NONE read "and", "but", "&"), and "and/or not due to hepatitis"
# too (the "or" before "not" read as "whether or not", which excepts nothing); a record holding either was refused
# (E528: "and/or" opened no clause)
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("ALT > 3 ×ULN and/or no evidence of hepatitis", "and/or no evidence of hepatitis"),
        ("ALT > 3 ×ULN and / or no evidence of hepatitis", "and / or no evidence of hepatitis"),
        ("ALT > 3 ×ULN and/or not due to hepatitis", "and/or not due to hepatitis"),
        ("INR > 1.5 ×ULN and/or not on anticoagulants", "and/or not on anticoagulants"),
    ],
)
def test_an_absence_after_and_or_is_the_limits_condition(trials: Trials, text: str, condition: str) -> None:
    assert _codes(trials, text) == {"E524"}, text
    assert _codes(trials, text, (condition,)) == set(), (text, condition)


@pytest.mark.parametrize(
    "text",
    [
        "ALT > 3 ×ULN and/or AST > 3 ×ULN",
        "ALT > 3 ×ULN, whether or not due to hepatitis",
        "INR > 1.5 ×ULN or not on anticoagulants",
    ],
)
def test_and_or_before_no_absence_asks_no_condition(trials: Trials, text: str) -> None:
    assert "E524" not in _codes(trials, text), text
