"""An open status the words right after it say has ended renders no status.

vocabulary._STATUS_ENDED knew "Recruiting completed / closed / ended / finished / stopped / halted /
over", and _STATUS_CLOSED_AFTER a next clause naming the enrolment ("Recruiting; recruitment
paused"). "Recruiting concluded in 2024.", "Recruiting complete.", "Recruiting has ceased.",
"Recruiting terminated", "Recruiting wound down", and "Recruiting (closed)", "Recruiting - closed",
"Recruiting, now completed" each bound the status RECRUITING of a trial that no longer recruits.
"""

from __future__ import annotations

import pytest
import test_attacks_pr31 as pr31
from conftest import Trials

ENDED = [
    "Recruiting concluded in 2024.",
    "Recruiting complete.",
    "Recruiting has ceased.",
    "Recruiting terminated early.",
    "Recruiting wound down in 2025.",
    "Recruiting (closed)",
    "Recruiting - closed",
    "Recruiting, now completed.",
    "Recruiting (over)",
]


@pytest.mark.parametrize("line", ENDED)
def test_an_open_status_said_to_have_ended_renders_none(trials: Trials, line: str) -> None:
    assert " E507 overall_status: RECRUITING is not what the quote states" in pr31._status(trials, line)


@pytest.mark.parametrize(
    "line",
    [
        "Recruiting",
        "Recruiting, complete list of sites below.",
        "Recruiting (complete the form to apply).",
        "Recruiting (over 18 years).",
        "Recruiting, over 100 sites.",
        "Recruiting (completion expected 2026).",
    ],
)
def test_an_open_status_and_other_words_still_binds(trials: Trials, line: str) -> None:
    assert pr31._status(trials, line) == ""
