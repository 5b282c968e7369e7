"""Eligibility texts that hunt 222 left misread or this hunt found (hunt 223, helper-109), read with criteria_text.split
(the importer and the check read a source's criteria with it alike) or imported whole, each beside a text of its shape
already read right, which must read as it did. The texts are test inputs: no fact of any study. Every text the tests
and fixtures held (string constants of tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an
inclusion heading: 51,112 splits) was split before and after each fix to the reader: only the texts said in each commit
read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text)):
- a run of items bulleted on one line whose item ends in a number before the next star ("Inclusion Criteria: * Age
  18 to 65 * SLE per ACR * Consent Exclusion Criteria: * Pregnancy") read "Age 18 to 65 * SLE per ACR" as one
  criterion, with no remark (a star after a number read as multiplying, "ALT ≤ 2.5 * ULN"); now a star (or "·")
  after a number before a capitalised word is the next item's bullet, said, unless that word is one a number is
  multiplied by (a limit of normal, a baseline, a spread: "2.5 * ULN", "1.5 * Baseline") or stands in a formula
  ("175 * Scr^-1.154", "(140 - age) * Weight / 72"), read as before (run_in.bullets_doubted).
- a run so bulleted with hyphens or dashes ("- Age 18 to 65 - SLE per ACR - Consent", "– ...") was one criterion,
  with no remark (a dash being a range's, a minus's and a sentence's too); now a line whose bullet stands between
  spaces before a capitalised word twice at least, out of brackets, is a run of items, said; once ("- Lupus nephritis
  - Class III"), one criterion as before, said: the curator's to split where it runs two items.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials, criteria_texts, imported_draft, inclusion, with_criteria
from sle_trials.reading import criteria_text

# --- a run of bullets on one line, an item ending in a number ---------------------------------------------------------

AS_BULLET = "not as multiplying"
AS_RUN = "read as a run of items onto one line"
AS_ONE = "the curator's to split where it runs two items"
RUN = "Inclusion Criteria: {b} Age 18 to 65 {b} SLE per ACR {b} Consent Exclusion Criteria: {b} Pregnancy"


def _one_line(bullet: str) -> criteria_text.Split:
    found = criteria_text.split(RUN.format(b=bullet))
    assert criteria_texts(found.exclusion) == ["Pregnancy"]
    return found


@pytest.mark.parametrize(("bullet", "said"), [("*", AS_BULLET), ("·", AS_BULLET), ("-", AS_RUN), ("–", AS_RUN)])
def test_a_run_bulleted_on_one_line_after_a_number_is_cut_and_said(bullet: str, said: str) -> None:
    """Before: "Age 18 to 65 * SLE per ACR" (and "Age 18 to 65 - SLE per ACR - Consent") one criterion, no remark."""
    found = _one_line(bullet)
    assert criteria_texts(found.inclusion) == ["Age 18 to 65", "SLE per ACR", "Consent"]
    assert [r for r in found.remarks if said in r and f"'65 {bullet} SLE'" in r], found.remarks


@pytest.mark.parametrize("bullet", ["•", "▪"])
def test_a_run_bulleted_otherwise_on_one_line_is_cut_as_before(bullet: str) -> None:
    found = _one_line(bullet)
    assert criteria_texts(found.inclusion) == ["Age 18 to 65", "SLE per ACR", "Consent"] and not found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* ALT ≤ 2.5 * ULN * SLE per ACR", ["ALT ≤ 2.5 * ULN", "SLE per ACR"]),
        ("* Creatinine ≤ 1.5 * LLN * Consent", ["Creatinine ≤ 1.5 * LLN", "Consent"]),
        ("* Creatinine > 1.5 * Baseline", ["Creatinine > 1.5 * Baseline"]),
        ("* ALT ≤ 3 * Upper limit of normal", ["ALT ≤ 3 * Upper limit of normal"]),
        ("* ANC ≥ 1.5 * 10^9/L * Consent", ["ANC ≥ 1.5 * 10^9/L", "Consent"]),
        ("* eGFR = 175 * Scr^-1.154 * Age^-0.203", ["eGFR = 175 * Scr^-1.154 * Age^-0.203"]),
        ("* CrCl = (140 - age) * Weight / 72", ["CrCl = (140 - age) * Weight / 72"]),
        ("* Dose (2 * Weight) in mg", ["Dose (2 * Weight) in mg"]),
        ("* Age ≥ 18 years * SLE per ACR", ["Age ≥ 18 years", "SLE per ACR"]),  # after a word: a bullet, as before
        ("· ANC ≥ 1.5 · 10^9/L", ["ANC ≥ 1.5 · 10^9/L"]),
    ],
)
def test_a_star_multiplying_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- Age 18 - 65 years", ["Age 18 - 65 years"]),  # a range
        ("- CrCl = (140 - Age) - Weight", ["CrCl = (140 - Age) - Weight"]),  # a minus; once before a capital: said
        ("- SLE - Active disease", ["SLE - Active disease"]),  # once: a sentence's dash, said
        ("- Lupus nephritis - biopsy proven - within 6 months", ["Lupus nephritis - biopsy proven - within 6 months"]),
        ("+ Age ≥ 18 + SLE", ["Age ≥ 18 + SLE"]),
    ],
)
def test_a_dash_once_before_a_capital_or_never_is_the_items_own(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    capital = any(f" {lines[0]} {c}" in lines[2:] for c in "ACSW")
    assert bool([r for r in found.remarks if AS_ONE in r]) == capital, found.remarks


def test_a_dash_run_of_three_items_within_a_list_is_cut_and_said() -> None:
    found = inclusion("- Age 18 to 65 - SLE per ACR - Consent\n- Negative pregnancy test")
    assert criteria_texts(found.inclusion) == ["Age 18 to 65", "SLE per ACR", "Consent", "Negative pregnancy test"]
    assert [r for r in found.remarks if AS_RUN in r and "twice" in r], found.remarks


def test_a_study_run_onto_one_line_imports_its_items_with_the_remark(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before: the draft's first criterion "Age 18 to 65 * SLE per ACR", with no note."""
    data = imported_draft(trials, registry, with_criteria(RUN.format(b="*")), tmp_path)
    assert [c["text"] for c in data["eligibility"]["inclusion_criteria"]] == ["Age 18 to 65", "SLE per ACR", "Consent"]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert [n for n in notes if AS_BULLET in n], notes
