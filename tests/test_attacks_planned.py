"""A phase or a status the source says is only planned, read from one list of words.

prose.no_trials_phase and vocabulary's status lookaheads each listed the words that say a value is
only planned: the phase's had "proposed" and "intended", the status's neither, and neither had
"tentative". "Recruiting is proposed for 2026." bound the status RECRUITING of a trial that has not
begun, and so did "Recruiting (tentative)"; "Phase 2 is tentative." bound PHASE2. The words are one
list now, reading/planned.py, each reader keeping its own grammar.
"""

from __future__ import annotations

import pytest
import test_attacks_pr31 as pr31
from conftest import Trials, im19_out
from sle_trials.reading import prose

PLANNED_STATUS = [
    "Recruiting is proposed for 2026.",
    "Recruiting is intended to start in 2026.",
    "Recruiting (tentative)",
    "Recruiting: anticipated",
    "Recruiting: proposed",
]


@pytest.mark.parametrize("line", PLANNED_STATUS)
def test_a_status_only_planned_renders_none(trials: Trials, line: str) -> None:
    assert " E507 overall_status: RECRUITING is not what the quote states" in pr31._status(trials, line)


@pytest.mark.parametrize("line", ["Recruiting; planned enrollment 60", "Recruiting as planned since 2024."])
def test_a_status_going_on_as_planned_still_binds(trials: Trials, line: str) -> None:
    assert pr31._status(trials, line) == ""


@pytest.mark.parametrize("words", ["is tentative", "is proposed for 2027", "is intended to follow"])
def test_a_phase_only_planned_is_no_phase_of_the_trial(trials: Trials, words: str) -> None:
    line = f"This is a Phase 1 trial. Phase 2 {words}."
    assert prose.phases(line) == {"1"}
    assert " E507 " in im19_out(trials, line, pr31.PHASE2)
