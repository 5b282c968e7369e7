"""Pull-request attacks on the words around a quote: read from another trial's lines.

A date quoted without its label ("2024-07-30") is read under the label its source gives it just before
the quote (dates._labels_around). Each place the quote stood anywhere in the source was read, not
only where the source states the record's dates: on a page of two trials, IM19's "Completion date:
2024-07-30" passed as IM19's start date by the next trial's "Start date: 2024-07-30". The label is now
read only where the source states the field for this record, as the quote itself must stand; so are
the words around a quote that deny it, unbind an age or make a number a count, and the criteria list
an age stands in (Context.texts).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, age_fields, im19_draft, joined, put

SOURCE = "seeds/950_dates.txt"
TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
    "Completion date: 2024-07-30\n"
    "Trial NCT06900764: A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus\n"
    "Start date: 2024-07-30\n"
)


def _date(name: str) -> str:
    return f'dates:\n  {name}:\n    date: "2024-07-30"\nevidence:\n  dates.{name}.date: "2024-07-30"\n'


def test_a_dates_label_is_read_where_the_source_states_this_trials_dates(registry: Path, trials: Trials) -> None:
    add_source(registry, SOURCE, TEXT)
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), _date("start")))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E509 dates.start.date: the quote gives 2024-07-30 as 'Completion date'" in result.out
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), _date("completion")))
    assert trials("validate", registry / IM19_PATH).status == 0


def test_a_status_taken_back_is_not_given_by_another_trials_lines(registry: Path, trials: Trials) -> None:
    """So were the words around a quote that take back or deny what it renders (categorical._rendered_there):
    IM19's "Recruiting was completed in 2024" passed as RECRUITING by the next trial's "Status:
    Recruiting." on the same page."""
    text = TEXT.replace("Completion date: 2024-07-30", "Recruiting was completed in 2024.").replace(
        "Start date: 2024-07-30", "Status: Recruiting."
    )
    add_source(registry, SOURCE, text)
    status = 'overall_status: RECRUITING\nevidence:\n  overall_status: "Recruiting"\n'
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), status))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E507 overall_status: RECRUITING is not what the quote states" in result.out


def test_an_exclusions_age_is_not_read_as_another_trials_inclusion(registry: Path, trials: Trials) -> None:
    """So was the list an age stands in (ages._excluding): IM19's exclusion "Age > 75 years" (no one
    older than 75) passed as a minimum age of 75 by the same words in the next trial's inclusion criteria."""
    text = TEXT.replace("Completion date: 2024-07-30", "Exclusion criteria:\n1. Age > 75 years").replace(
        "Start date: 2024-07-30", "Inclusion criteria:\n1. Age > 75 years"
    )
    add_source(registry, SOURCE, text)
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), age_fields("minimum_age", 75, "Age > 75 years")))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E508 eligibility.minimum_age: 75 YEARS is not the minimum age the quote states" in result.out


@pytest.mark.parametrize("other", ["", "2024-07-30\n"])  # the next trial's lines: no date, the date
def test_one_unlabelled_date_is_one_fields_whatever_another_trial_writes(
    registry: Path, trials: Trials, other: str
) -> None:
    """So were the places of an unlabelled date (dates._bare_places): IM19's one "2024-07-30", given
    as both its start and its completion, passed when the next trial's lines wrote that date too."""
    text = TEXT.replace("Completion date: 2024-07-30", "Key dates:\n2024-07-30").replace(
        "Start date: 2024-07-30\n", other
    )
    add_source(registry, SOURCE, text)
    both = (
        'dates:\n  start:\n    date: "2024-07-30"\n  completion:\n    date: "2024-07-30"\n'
        'evidence:\n  dates.start.date: "2024-07-30"\n  dates.completion.date: "2024-07-30"\n'
    )
    note = "curation:\n  notes:\n    - field: dates\n      text: The page lists its dates unlabelled.\n"
    put(registry, IM19_PATH, joined(im19_draft(SOURCE).replace("curation:\n", note, 1), both))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E509 dates.completion.date: 2024-07-30 is the one unlabelled date dates.start is read from" in result.out
