"""Eligibility texts that hunt 216 left misread (hunt 217, helper-86), read with criteria_text.split (the importer and
the check read a source's criteria with it alike), each beside a text of its shape already read right, which must
read as it did. The texts are test inputs: no fact of any study.

Found and fixed (each reproduced before with criteria_text.split(text)):
- "1. Age" / "Notes:" / "- a titre of 1:80 suffices", a note's heading right under an item, read "Age Notes:" with the
  note's line its sub-criterion: the heading now ends the list as one after a blank line does (notes.annex_heading).
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts
from sle_trials.reading import criteria_text


def inclusion(lines: str) -> criteria_text.Split:
    """The text read with lines under the inclusion heading, beside an exclusion list of one."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.exclusion == [{"text": "Pregnancy"}]
    return found


# --- a note's heading right under an item -----------------------------------------------------------------------------


def test_a_notes_heading_right_under_an_item_ends_the_list() -> None:
    """Before: "Age Notes:", the note's line its sub-criterion, with no remark."""
    found = inclusion("1. Age\nNotes:\n- a titre of 1:80 suffices\n2. SLE")
    assert criteria_texts(found.inclusion) == ["Age", "SLE"] and found.unplaced
    assert len(found.remarks) == 1 and "'Notes:' heading no list of criteria" in found.remarks[0]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\nNote: a titre of 1:80 suffices\n2. SLE", ["Age Note: a titre of 1:80 suffices", "SLE"]),  # a note
        ("1. Medications listed in the\nAppendix:\n2. SLE", ["Medications listed in the Appendix:", "SLE"]),  # wrapped
        ("1. Labs, as defined in the\nDefinitions:\n   a. Hb", ["Labs, as defined in the Definitions:", ["Hb"]]),
    ],
)
def test_a_line_going_on_with_its_item_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.unplaced
