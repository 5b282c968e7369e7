"""Pull-request attacks on a list of quotes read as one text.

A value's list of quotes is read one by one, and as one text where a source gives them one after the
other ("18 Years", "65 Years": two lines of an age's place). Each quote must stand where the source
states the field, but their text read as one was taken from anywhere in the source
(context.Context.together): "older than" and "65 years", each in IM19's criteria ("older than 18
years and younger than 65 years"), bound a minimum age of 65 read from the next trial's "older than
65 years" on the same page. The text read as one is now held to the field's place too.
"""

from __future__ import annotations

from pathlib import Path

from conftest import IM19_PATH, Trials, add_source, im19_draft, joined, put

SOURCE = "seeds/950_ages.txt"
TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
    "Inclusion criteria: participants older than 18 years and younger than 65 years.\n"
    "Trial NCT06900764: A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus\n"
    "Inclusion criteria: participants older than 65 years.\n"
)


def _minimum_age(value: int, quotes: list[str]) -> str:
    shown = ", ".join(f'"{q}"' for q in quotes)
    return (
        f"eligibility:\n  minimum_age:\n    value: {value}\n    unit: YEARS\n"
        f"evidence:\n  eligibility.minimum_age: [{shown}]\n"
    )


def test_quotes_read_as_one_only_where_the_source_states_the_field(registry: Path, trials: Trials) -> None:
    add_source(registry, SOURCE, TEXT)
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), _minimum_age(65, ["older than", "65 years"])))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E508 eligibility.minimum_age: 65 YEARS is not the minimum age the quote states" in result.out
    # read as one where IM19's lines give them one after the other, they state its minimum
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), _minimum_age(18, ["older than", "18 years"])))
    assert trials("validate", registry / IM19_PATH).status == 0
