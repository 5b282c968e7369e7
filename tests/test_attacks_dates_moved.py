"""A date its source moves to another.

"Study start: 2024-03-01, later postponed to 2024-09-01" bound a start of 2024-03-01 that the source
moves: retracted read a value "revised", "amended" or "changed" to another, and a date "(postponed)",
but not the verbs a date is moved by ("postponed to", "delayed to", "pushed back to", "rescheduled
to", "brought forward to"), nor "delayed from 2024-01-15" as the old date. The words are one list now
(retracted._CHANGED), read after a value, in a bracket after it and before an old one. The date a
source moves a date to stays the source's, and so does a value before the one it was changed from:
"2024-09-01 (delayed from 2024-03-01)" and "60 participants (revised from 40)" were refused as taken
back, "from" read as "to"; and, by this reading's first form, "24 participants (updated)" or "(revised)",
which say the value is the new one.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, enrollment_fields, im19_out


def start(date: str, quote: str) -> str:
    return f'dates:\n  start:\n    date: "{date}"\nevidence:\n  dates.start.date: {json.dumps(quote)}\n'


MOVED = [
    ("Study start: 2024-03-01, later postponed to 2024-09-01.", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01; delayed to 2024-09-01.", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01, pushed back to 2024-09-01.", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01, since rescheduled to 2024-09-01.", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01, brought forward to 2024-02-01.", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01 (moved to 2024-05-01).", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-09-01 (delayed from 2024-03-01).", "2024-03-01", "2024-03-01"),
    ("Study start: 2024-09-01 (postponed from 2024-03-01).", "2024-03-01", "2024-03-01"),
    ("Study start: 2024-03-01 (delayed).", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01 (rescheduled).", "2024-03-01", "Study start: 2024-03-01"),
]


@pytest.mark.parametrize(("line", "date", "quote"), MOVED, ids=[line for line, _, _ in MOVED])
def test_a_date_its_source_moves_is_taken_back(trials: Trials, line: str, date: str, quote: str) -> None:
    assert "is taken back by the words its source writes around it" in im19_out(trials, line, start(date, quote))


KEPT = [
    ("Study start: 2024-09-01 (delayed from 2024-03-01).", "2024-09-01", "Study start: 2024-09-01"),
    ("Study start: 2024-09-01 (postponed from 2024-03-01).", "2024-09-01", "Study start: 2024-09-01"),
    # (a bracket saying the value is the new one)
    ("Study start: 2024-03-01 (corrected).", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01 (updated).", "2024-03-01", "Study start: 2024-03-01"),
    ("Study start: 2024-03-01 (moved forward by the sponsor's decision).", "2024-03-01", "Study start: 2024-03-01"),
]


@pytest.mark.parametrize(("line", "date", "quote"), KEPT, ids=[line for line, _, _ in KEPT])
def test_the_date_a_source_gives_passes(trials: Trials, line: str, date: str, quote: str) -> None:
    assert im19_out(trials, line, start(date, quote)) == ""


@pytest.mark.parametrize("bracket", ["(revised)", "(updated)", "(amended)"])
def test_a_count_a_bracket_says_is_the_new_one_passes(trials: Trials, bracket: str) -> None:
    line = f"Enrollment: 24 participants {bracket}."
    assert im19_out(trials, line, enrollment_fields(24, "24 participants")) == ""


@pytest.mark.parametrize(("count", "refused"), [(60, False), (40, True)])
def test_a_count_revised_from_another_is_the_new_one(trials: Trials, count: int, refused: bool) -> None:
    line = "Enrollment: 60 participants (revised from 40 participants)."
    quote = "60 participants" if count == 60 else "40 participants"
    assert bool(im19_out(trials, line, enrollment_fields(count, quote))) is refused
