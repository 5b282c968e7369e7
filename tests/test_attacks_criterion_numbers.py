"""Pull-request attacks on a criterion's number: read out of another number.

A criterion's number must be the one its source gives it where it lists it (E504): "1. text",
"1) text", "(1) text", ... That was looked for as a run of characters anywhere in the source's
passages, so "21. Weight at least 40 kg" numbered a record's criterion 1 (its "1. Weight ..."), and
"(11) Weight ..." and "a1. Weight ..." too. The number now stands where it starts, not cut out of a
longer number or word; nor after an item's own number at its line's start: "5. 1. Weight ..." is item
5, whose text starts "1.", and numbered it 1 (the normalised text the check searched has no lines,
and a list's run-in items, "... of Toca 511. 3. Patient ...", read alike there; the lines are now
read from the text with its line breaks).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    IM19_PATH,
    IM19_TEXT_HEAD,
    WEIGHT,
    Trials,
    weight_draft,
)

TEXT = WEIGHT


def _draft(registry: Path, line: str, number: int) -> Path:
    text = f"{IM19_TEXT_HEAD}Inclusion criteria:\n{line}\n"
    return weight_draft(registry, "seeds/950_numbers.txt", text, number)


@pytest.mark.parametrize("line", [f"21. {TEXT}", f"(11) {TEXT}", f"a1. {TEXT}", f"\u06611. {TEXT}"])
def test_a_number_read_out_of_another_numbers_no_criterion(registry: Path, trials: Trials, line: str) -> None:
    _draft(registry, line, 1)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E504" in result.out


@pytest.mark.parametrize(
    "line", [f"1. {TEXT}", f"(1) {TEXT}", f"Criteria: 1) {TEXT}", f"  1.{TEXT}", f"x 511. 1. {TEXT}"]
)
def test_a_number_where_it_starts_numbers_the_criterion(registry: Path, trials: Trials, line: str) -> None:
    _draft(registry, line, 1)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    "line", [f"5. 1. {TEXT}", f"(5) 1) {TEXT}", f"- 5. 1. {TEXT}", f"b. 1. {TEXT}", f"5\u30011. {TEXT}"]
)
def test_a_number_after_an_items_own_number_numbers_no_criterion(registry: Path, trials: Trials, line: str) -> None:
    _draft(registry, line, 1)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E504" in result.out
