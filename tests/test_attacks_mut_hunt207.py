"""A hostile mutation hunt on `trials check` (helper-45's, after hunt 206 and review 206).

Wrong values a curator could put in a record that `trials validate` accepted, each made by hand on IM19's draft
citing a plain document (conftest.im19_out) or on a curated record's notes (mutations.Checks), and the honest
neighbour of each.

Found and fixed:

- a part's status with white space alone between: "Part A<TAB>Completed<NEWLINE>Part B<TAB>Recruiting" and "Part A
  Completed. Part B Recruiting." bound the trial's overall_status COMPLETED (kept_out._PART_NAMED_ENDS read a
  colon, a dash, a bar after a part's name, and a table's cell break is read as a space). E507.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out

# --- a part's status with white space alone between -----------------------------------------------------------


def status_fields(code: str, quote: str) -> str:
    return f"overall_status: {code}\nevidence:\n  overall_status: {quote}\n"


@pytest.mark.parametrize(
    "line",
    [
        "Part A\tCompleted\nPart B\tRecruiting",
        "Part A Completed. Part B Recruiting.",
        "Cohort 1\tCompleted\nCohort 2\tRecruiting",
        "Part A  Completed\nPart B  Recruiting",
    ],
)
def test_a_status_a_part_names_with_white_space_is_that_parts(trials: Trials, line: str) -> None:
    """A part's status bound the trial's COMPLETED beside another part recruiting: only a mark after the part's
    name (a colon, a dash, a bar) made the status the part's (kept_out._PART_NAMED_ENDS, E507)."""
    assert "E507" in im19_out(trials, line, status_fields("COMPLETED", "Completed"))


@pytest.mark.parametrize(
    "line",
    [
        "Part A and Part B\tCompleted",
        "Overall status\tCompleted\nPart A\tenrols 12 patients",
        "Status Completed. Part A enrolled 12 patients.",
    ],
)
def test_a_status_of_the_whole_trial_beside_white_space_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, status_fields("COMPLETED", "Completed")) == ""
