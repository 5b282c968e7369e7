"""Pull-request attacks by digits a multiplication sign or a colon joins: "6x10", "6:0".

"x" and ":" stay out of digits.GLUES, for "2x ULN" (a laboratory limit) and a titre "1:80" must still
read, and so "Enrollment: 6x10 participants" bound an enrollment of 6 (the "10" after a letter is no
number) and "Enrollment: 6:0 participants" one of 6 (by its label) or of 0 (by its noun). Now digits a
multiplication sign joins with no space are a product, neither of its numbers (quantities.numbers: a power
of ten, "2x10^6", is read whole before that); and digits a colon joins, read as before (a titre, a
ratio, a time), are no count of people and no age (head_counts.count_places, age_bounds.ages). Nor is either
factor of a product written with spaces ("6 x 10 participants") a count, though each is read as a number
("2 x 10 mg" is a dose of 10 mg).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, enrollment_draft
from sle_trials.reading.lexicon import age_bounds, head_counts, quantities, stated_limits

HEAD = f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\n"


@pytest.mark.parametrize("line", ["Enrollment: 6x10 participants", "Enrollment: 6:0 participants"])
def test_an_enrollment_read_out_of_a_product_or_a_ratio(registry: Path, trials: Trials, line: str) -> None:
    source = add_source(registry, "seeds/990_x.txt", HEAD + line + "\n")
    enrollment_draft(registry, source, 6, line)
    assert trials("validate", registry / IM19_PATH).status == 1


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("Enrollment: 6:0 participants", 0),
        ("Enrollment: 6×10 participants", 10),
        ("Enrollment: 3*4 participants", 3),
    ],
)
def test_an_enrollment_read_out_of_either_side_is_refused(
    registry: Path, trials: Trials, line: str, count: int
) -> None:
    source = add_source(registry, "seeds/990_x.txt", HEAD + line + "\n")
    enrollment_draft(registry, source, count, line)
    assert trials("validate", registry / IM19_PATH).status == 1


@pytest.mark.parametrize(
    "line",
    ["Enrollment: 60 participants, randomised 1:1", "Enrollment: 60 participants with ANA titre ≥ 1:80"],
)
def test_an_enrollment_beside_a_ratio_still_binds(registry: Path, trials: Trials, line: str) -> None:
    source = add_source(registry, "seeds/990_x.txt", HEAD + line + "\n")
    enrollment_draft(registry, source, 60, line)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("text", "statements"),
    [  # read as before
        ("ALT ≤ 2x ULN", [("<=", 2.0, "×ULN")]),
        ("ALT ≤ 2 x ULN", [("<=", 2.0, "×ULN")]),
        # a comparator before a titre: the limit of its dilution, no "≥ 1"; before another ratio, none
        ("ANA ≥ 1:80", [(">=", 80.0, None)]),
        ("ANA titre ≥1:160", [(">=", 160.0, None)]),
        ("ratio ≥ 2:1", [(None, 2.0, None), (None, 1.0, None)]),
        ("randomised 1:1", [(None, 1.0, None), (None, 1.0, None)]),
        ("2x10^6 cells/kg", [(None, 2e6, None)]),
        ("1.5 × 10^8 cells", [(None, 1.5e8, None)]),
        # a product of digits: neither number
        ("6x10", []),
        ("3×3 design", []),
    ],
)
def test_products_and_ratios_as_read(text: str, statements: list[tuple]) -> None:
    assert [(s.comparator, s.value, s.unit and s.unit.key) for s in stated_limits.statements(text)] == statements


@pytest.mark.parametrize(
    ("line", "count"),
    [("Enrollment: 6 x 10 participants", 6), ("Enrollment: 6 x 10 participants", 10), ("Enrollment: 2 × 30", 30)],
)
def test_an_enrollment_read_out_of_a_spaced_product_is_refused(
    registry: Path, trials: Trials, line: str, count: int
) -> None:
    source = add_source(registry, "seeds/990_x.txt", HEAD + line + "\n")
    enrollment_draft(registry, source, count, line)
    assert trials("validate", registry / IM19_PATH).status == 1


def test_a_spaced_product_is_still_read_as_its_factors() -> None:
    """Only as a count of people is neither factor read: a dose "2 x 10 mg" is read by its 10 mg."""
    assert [n.value for n in quantities.numbers("2 x 10 mg")] == [2.0, 10.0]
    assert head_counts.counts("Enrollment: 60 participants (2 x 30)") == [60.0]


@pytest.mark.parametrize("text", ["Age 18:65 years", "6:0 patients", "Enrollment: 6:0"])
def test_a_side_of_a_ratio_is_no_age_and_no_count(text: str) -> None:
    assert age_bounds.criteria_ages(text) == ()
    assert head_counts.counts(text) == []
