"""Eligibility texts that hunt 223 left misread (hunt 224, helper-111), read with criteria_text.split (the importer and
the check read a source's criteria with it alike), each beside a text of its shape already read right, which must read
as it did. The texts are test inputs: no fact of any study. Every text the tests and fixtures held (string constants of
tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an inclusion heading: 52,050 splits) was split
before and after each fix to the reader: only the texts said in each commit read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text), one criterion with no remark):
- a star between spaces after a number before a number ("* Age 18 to 65 * 2019 EULAR/ACR SLE"), or a dash after a
  number before a word in lower case ("- Age 18 to 65 - willing to consent"), in a line bulleted so: still one
  criterion (a star multiplies, a dash stands between a sentence's words), now said: the curator's to split
  (run_in.runs_doubted). A star before a formula ("1.5 * 10^9/L") or a dash in a range ("18 - 65 years"): no remark.
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts, inclusion
from sle_trials.reading import criteria_text

AS_ONE = "the curator's to split where it runs two items"

# --- a star before a number, a dash before a word in lower case -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read", "around"),
    [
        (
            "Inclusion Criteria: * Age 18 to 65 * 2019 EULAR/ACR SLE Exclusion Criteria: * Pregnancy",
            ["Age 18 to 65 * 2019 EULAR/ACR SLE"],
            "'65 * 2019'",
        ),
        (
            "Inclusion Criteria: - Age 18 to 65 - willing to consent Exclusion Criteria: - Pregnancy",
            ["Age 18 to 65 - willing to consent"],
            "'65 - willing'",
        ),
    ],
)
def test_a_bullet_after_a_number_left_whole_is_said(text: str, read: list, around: str) -> None:
    """Before: one criterion, no remark."""
    found = criteria_text.split(text)
    assert criteria_texts(found.inclusion) == read and criteria_texts(found.exclusion) == ["Pregnancy"]
    assert [r for r in found.remarks if AS_ONE in r and around in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* ANC ≥ 1.5 * 10^9/L * Consent", ["ANC ≥ 1.5 * 10^9/L", "Consent"]),
        ("* Dose (2 * 3) mg", ["Dose (2 * 3) mg"]),
        ("- Age 18 - 65 years", ["Age 18 - 65 years"]),
        ("- Lupus nephritis - biopsy proven", ["Lupus nephritis - biopsy proven"]),
        ("- Weight (60 - kg) - SLE", ["Weight (60 - kg) - SLE"]),
    ],
)
def test_a_bullet_multiplying_or_a_range_is_not_said(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert not [r for r in found.remarks if "lower case or a number" in r], found.remarks
