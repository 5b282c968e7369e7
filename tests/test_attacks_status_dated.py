"""An open status the words right after it end or begin at a date, read against the source's as-of date.

A source as of 2025-08-17 saying "Recruiting until March 2024", "Recruiting (ended 2024)" or
"Recruiting (2019-2023)" bound the status RECRUITING, which it says ended before the source was
written; "Recruiting from 2026" bound it too, a status that had not begun. The words right after an
open status (recruiting, enrolling by invitation, available) that end it at a date take it back unless
the source's as-of date falls wholly before that date, as a party's role ended at a date is read
(date_mentions.held_before); those that begin it at a date take it back where the as-of date falls wholly
before it (retracted.status_out_of_time). "Recruiting until December 2026" and "Recruiting since
2024" state the status as of 2025-08-17.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out, term_fields

REFUSED = [
    ("Recruiting until 2024.", "RECRUITING", "Recruiting"),
    ("Status: Recruiting until March 2024; now Completed.", "RECRUITING", "Recruiting"),
    ("Recruiting (ended 2024).", "RECRUITING", "Recruiting"),
    ("Recruiting (2019-2023).", "RECRUITING", "Recruiting"),
    ("Recruiting until August 2025.", "RECRUITING", "Recruiting"),  # (the month of the as-of date: may have ended)
    ("Recruiting from 2026.", "RECRUITING", "Recruiting"),
    ("Recruiting, to start in March 2026.", "RECRUITING", "Recruiting"),
    ("Enrolling by invitation until 2024.", "ENROLLING_BY_INVITATION", "Enrolling by invitation"),
]


@pytest.mark.parametrize(("line", "value", "quote"), REFUSED, ids=[line for line, _, _ in REFUSED])
def test_an_open_status_ended_or_not_begun_at_the_as_of_date_is_refused(
    trials: Trials, line: str, value: str, quote: str
) -> None:
    out = im19_out(trials, line, term_fields("overall_status", value, quote))
    assert "E507" in out, out or "passed"


HELD = [
    "Recruiting until December 2026.",
    "Recruiting through 2027.",
    "Recruiting since 2024.",
    "Recruiting (from 2024).",
    "Recruiting from January 2025 to 2027.",
    "Recruiting; enrollment expected to end in 2026.",
]


@pytest.mark.parametrize("line", HELD)
def test_an_open_status_the_as_of_date_shows_open_passes(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, term_fields("overall_status", "RECRUITING", "Recruiting")) == ""


def test_a_closed_status_with_its_dates_passes(trials: Trials) -> None:
    """The dates after a status that is not open say when it came about, which agrees with it."""
    assert im19_out(trials, "Completed (2019-2023).", term_fields("overall_status", "COMPLETED", "Completed")) == ""
