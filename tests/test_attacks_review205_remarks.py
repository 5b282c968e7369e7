"""Honest records refused by the checks mutation hunt 200 added (review 205), and the tallies it left.

- a curation note's date given to its month ("last updated in August 2025", "started in July 2024") was
  refused E501 beside a source writing 2025-08-17 and a record holding 2024-07-30: a date was matched only
  to one written as precisely (evidence.check_remark_facts). A note's date less precise than one written or
  held, of its year and month, is that date now; one more precise than any the source gives is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, edit

NOTE5 = "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions."


def _note_out(trials: Trials, registry: Path, note: str) -> str:
    """What `trials check` prints with note added to IM19's note on its thresholds; "" where it passes."""
    edit(registry, IM19_PATH, (NOTE5, f"{NOTE5} {note}"))
    result = trials("check")
    assert result.status in (0, 1), result.out + result.err
    return result.out if result.status else ""


# --- a date given to its month --------------------------------------------------------------------------------

MONTHS = [
    "The page was last updated in August 2025.",  # the source writes 2025-08-17
    "The study started in July 2024.",  # the record holds 2024-07-30
    "The page was last updated in 2025-08.",
]


@pytest.mark.parametrize("note", MONTHS)
def test_a_notes_date_to_its_month_is_the_date_written(trials: Trials, registry: Path, note: str) -> None:
    assert _note_out(trials, registry, note) == ""


@pytest.mark.parametrize(
    "note",
    [
        "The page was last updated in September 2025.",
        "The study started in June 2024.",
        # (more precise than the source writes it: a day of its month no source gives)
        "The page was last updated on 18 August 2025.",
        "The study started on 2024-07-31.",
    ],
)
def test_a_notes_date_no_source_writes_is_refused(trials: Trials, registry: Path, note: str) -> None:
    assert "E501" in _note_out(trials, registry, note)
