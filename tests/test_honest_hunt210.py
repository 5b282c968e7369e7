"""Honest work the checks refused (false positives), hunt 210.

- **A name's own number read as a limit.** The quantities reader read the digits an acronym carries after a hyphen
  as a number ("BILAG-2004", "SRI-4", "IL-6", "COVID-19"), so a threshold whose measure names its instrument or
  analyte that way, "Disease activity score (BILAG-2004) of at least 10 points", was refused as holding another
  limit of its own (E529: "it holds '2004'"). Such digits are now no number (quantities._NAME_GLUED_BEFORE)
  unless a unit or a comparator's words follow them ("SLEDAI-6 or more", "WEIGHT-40 kg" are limits still); a
  measure leaving the instrument out, a value bound to the name's digits and a limit glued to a name stay refused.
"""

from __future__ import annotations

import re

import pytest
from conftest import threshold_out
from sle_trials.reading.lexicon import quantities


def codes(out: str) -> set[str]:
    return set(re.findall(r"\bE\d{3}\b", out))


# --- A name's own number (reading/lexicon/quantities.py)
NAMED = [
    (
        "Disease activity score (BILAG-2004) of at least 10 points",
        ("DISEASE_ACTIVITY", "Disease activity score (BILAG-2004)", ">=", 10, "points"),
    ),
    (
        "Response index (SRI-4) of at least 6 points",
        ("DISEASE_ACTIVITY", "Response index (SRI-4)", ">=", 6, "points"),
    ),
    (
        "Serum interleukin level (IL-6) ≥ 40 pg/mL",
        ("LABORATORY", "Serum interleukin level (IL-6)", ">=", 40, "pg/mL"),
    ),
    (
        "Serum antibody level (COVID-19) ≥ 40 IU/mL",
        ("LABORATORY", "Serum antibody level (COVID-19)", ">=", 40, "IU/mL"),
    ),
]


@pytest.mark.parametrize(("text", "threshold"), NAMED, ids=[t for t, _ in NAMED])
def test_a_measure_naming_its_instrument_with_a_number_passes(trials, text: str, threshold: tuple) -> None:
    assert threshold_out(trials, text, threshold) == ""


@pytest.mark.parametrize(
    ("text", "threshold", "code"),
    [
        # the instrument left out of the measure (_instrument_left_out)
        (NAMED[0][0], ("DISEASE_ACTIVITY", "Disease activity score", ">=", 10, "points"), "E529"),
        # a value bound to the name's digits: no limit of 4, nor of 2004
        (NAMED[1][0], ("DISEASE_ACTIVITY", "Response index (SRI-4)", ">=", 4, "points"), "E508"),
        (NAMED[0][0], ("DISEASE_ACTIVITY", "Disease activity score (BILAG-2004)", ">=", 2004, "points"), "E508"),
    ],
)
def test_a_wrong_value_beside_a_named_instrument_is_refused(trials, text: str, threshold: tuple, code: str) -> None:
    assert code in codes(threshold_out(trials, text, threshold))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("SLEDAI-6 or more", [6.0]),  # a comparator's words after it: a limit
        ("WEIGHT-40 kg", [40.0]),  # a unit after it
        ("at week-12", [12.0]),  # a lower-case word: no acronym
        ("SLEDAI-2K ≥ 6 or BILAG-2004 A ≥ 1", [6.0, 1.0]),
        ("COVID-19 within 4 weeks, IL-6 > 40 pg/mL", [4.0, 40.0]),
    ],
)
def test_a_limit_glued_to_a_name_is_still_a_number(text: str, values: list[float]) -> None:
    assert [n.value for n in quantities.numbers(text)] == values
