"""A date the source gives as a bound on the date it speaks of is no date of the trial.

binding read a date under its label as the field's, whatever words stood right before or after
it: "Start date: before 2024-07-30", "no later than 2024-07-30", "after 2024-07-30", "not before
2024-07-30", "by 2024-07-30", "2024-07-30 or later", "2024-07-30 at the earliest" and "between
2024-07-30 and 2024-09-30" each bound a start date of 2024-07-30 that the source never gives.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out
from sle_trials.reading.lexicon import date_mentions


def _start(quote: str) -> str:
    return f'dates:\n  start:\n    date: "2024-07-30"\nevidence:\n  dates.start.date: "{quote}"\n'


BOUNDED = [
    ("Start date: before 2024-07-30", "Start date: before 2024-07-30"),
    ("Start date: no later than 2024-07-30", "Start date: no later than 2024-07-30"),
    ("Start date: after 2024-07-30", "Start date: after 2024-07-30"),
    ("Start date: not before 2024-07-30", "Start date: not before 2024-07-30"),
    ("Start date: by 2024-07-30", "Start date: by 2024-07-30"),
    ("Start date: prior to July 30, 2024", "Start date: prior to July 30, 2024"),
    # the bound's words left out of the quote are read where the source writes them
    ("Start date: 2024-07-30 or later", "Start date: 2024-07-30"),
    ("Start date: 2024-07-30 at the earliest", "Start date: 2024-07-30"),
    ("Start date: between 2024-07-30 and 2024-09-30", "Start date: between 2024-07-30"),
]


@pytest.mark.parametrize(("line", "quote"), BOUNDED)
def test_a_date_given_as_a_bound_is_refused(trials: Trials, line: str, quote: str) -> None:
    assert " E505 dates.start.date: 2024-07-30 is a bound its source sets on the date" in im19_out(
        trials, line, _start(quote)
    )


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("Start date: 2024-07-30", "Start date: 2024-07-30"),
        ("Start date: 2024-07-30 (Actual)", "Start date: 2024-07-30"),
        ("Study period: 2024-07-30 to 2025-12-31. Start date: 2024-07-30", "Start date: 2024-07-30"),
    ],
)
def test_a_date_given_as_itself_binds(trials: Trials, line: str, quote: str) -> None:
    assert im19_out(trials, line, _start(quote)) == ""


@pytest.mark.parametrize(
    "text",
    ["Study period: 2024-07-30 to 2025-12-31", "Recruiting from 2024-07-30 onwards", "Launched by Acme · Feb 28, 2023"],
)
def test_a_ranges_end_or_a_start_from_a_date_is_no_bound(text: str) -> None:
    mention = date_mentions.dates(text)[0]
    assert not date_mentions.date_bound(text, mention.start, mention.end)
