"""Mistakes in the curated records that the mutation harness did not make and the checks let pass (helper-16).

A hunt over IM19's (NCT06513429, a registry copy) and Relma-cel's (NCT05765006, a trial finder's page)
records with kinds of mistake beside the harness's: one field of a list's item swapped with, copied from
or moved to another item's (thresholds, criteria, cohorts, officials, related trials, sources, notes,
incomplete entries), a condition or a measure cut to any shorter run of its words, look-alike characters
and other spellings of a unit or a number (⩾ for ≥, x for ×, wks, mg/d, 10⁶), a source's kind,
publisher, as-of label or date changed, notes, silent fields and incomplete entries moved between those
lists or to other fields, an entry added under curation.incomplete, an evidence quote taken from another
place of the source holding the value's words, a list's numbering shifted with the thresholds' pointers,
a limit's value and unit converted together, a comparator turned with its value one off.

What passed and makes the record say what its source does not:

An incomplete entry on a field declared silent, or under one (E503, evidence.check_remarks): incomplete
says the sources state the field in part and the record holds that part; silent says they state none of
it. Relma-cel's note on its enrollment ("The source gives no enrollment count. ...") moved under
curation.incomplete, an entry "The source lists only some of them." on IM19's outcomes or officials, or
on Relma-cel's arms or related trials, passed: trials.csv and the site read the field as stated in part
and left out, beside its "not stated".
"""

from __future__ import annotations

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data

CHECKS = mutations.Checks(DATA_ROOT)
SOME = "The source lists only some of them."


def _with_entry(shown: str, field: str, text: str = SOME) -> dict:
    data = record_data(DATA_ROOT / shown, shown)
    data["curation"].setdefault("incomplete", []).append({"field": field, "text": text})
    return data


@pytest.mark.parametrize(
    ("shown", "field"),
    [
        (IM19_PATH, "outcomes"),
        (IM19_PATH, "officials"),
        (IM19_PATH, "references"),
        (IM19_PATH, "responsible_party.type"),  # a part of a field, declared silent itself
        (IM19_PATH, "arms.0.cohorts.1.label"),  # under arms.cohorts.label, by an item's index
        (RELMA_PATH, "arms"),
        (RELMA_PATH, "related_trials"),
        (RELMA_PATH, "responsible_party.name"),  # under responsible_party, declared silent whole
        (RELMA_PATH, "locations.0.facility"),  # under locations.facility
    ],
)
def test_an_incomplete_entry_on_a_field_declared_silent_is_refused(shown: str, field: str) -> None:
    assert CHECKS.codes(shown, _with_entry(shown, field)) == {"E503"}


def test_a_note_that_the_source_lacks_a_field_moved_under_incomplete_is_refused() -> None:
    """Relma-cel's note on its enrollment, declared silent, moved from curation.notes to curation.incomplete."""
    data = record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH)
    notes = data["curation"]["notes"]
    (note,) = [n for n in notes if n["field"] == "enrollment"]
    notes.remove(note)
    data["curation"]["incomplete"] = [note]
    assert CHECKS.codes(RELMA_PATH, data) == {"E503"}


@pytest.mark.parametrize("shown", [IM19_PATH, RELMA_PATH])
def test_the_curated_records_pass(shown: str) -> None:
    assert CHECKS.codes(shown, record_data(DATA_ROOT / shown, shown)) == set()


def test_an_incomplete_entry_on_a_field_held_in_part_passes() -> None:
    """Relma-cel's interventions hold the product's name, their type, route and description declared
    silent: an entry saying the source gives the interventions only in part is no contradiction."""
    text = "The source names the treatment Relma-cel but gives no intervention type or description."
    assert CHECKS.codes(RELMA_PATH, _with_entry(RELMA_PATH, "interventions", text)) == set()


def test_the_entries_on_the_criteria_lists_pass_on_eligibility_too() -> None:
    """IM19's entries on its criteria lists, which start at 2, given on eligibility, a field the record holds."""
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    data["curation"]["incomplete"][0]["field"] = "eligibility"
    assert CHECKS.codes(IM19_PATH, data) == set()
