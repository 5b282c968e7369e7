"""A curation note excuses a reading beyond a quote's words (E510) only where it speaks of that reading,
and a curation.incomplete entry a list's lost items (E514) only where it names them.

Any note on the field, or on a field above it, excused any reading: IM19's note on its flat second
cohort given the text of its note on the related trials, its note reading "within N" as "< N" given
"Checked.", or its note on the unlabelled dates given the facility's spelling, all passed. A note is
there to say what was read beyond the words; one about something else says nothing of it.
"""

from __future__ import annotations

import json

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data
from sle_trials.reading.lexicon import dosing, quantities

CURATED = [IM19_PATH, RELMA_PATH]


def _with_note_text(data: dict, field: str, text: str) -> dict:
    out = json.loads(json.dumps(data))
    for note in out["curation"]["notes"]:
        if note["field"] == field:
            note["text"] = text
    return out


@pytest.mark.parametrize(
    ("shown", "field", "other"),
    [
        (IM19_PATH, "arms.0.cohorts.1", "related_trials"),  # the flat dose
        (IM19_PATH, "eligibility.thresholds", "arms.0.cohorts.1"),  # "within N" as "< N"
        (IM19_PATH, "dates", "locations.0.facility"),  # the unlabelled dates
        (RELMA_PATH, "eligibility.thresholds", "enrollment"),  # "within 8 weeks", a unit written away
    ],
)
def test_a_note_about_something_else_excuses_no_reading(shown: str, field: str, other: str) -> None:
    data = record_data(DATA_ROOT / shown, shown)
    checks = mutations.Checks(DATA_ROOT)
    assert checks.codes(shown, data) == set()
    texts = {n["field"]: n["text"] for n in data["curation"]["notes"]}
    assert "E510" in checks.codes(shown, _with_note_text(data, field, texts[other]))
    assert "E510" in checks.codes(shown, _with_note_text(data, field, "Checked."))


def test_every_note_a_reading_needs_must_speak_of_it() -> None:
    """The class: each note of a curated record that a reading needs (without it, E510) given the text
    of each other note of the record, or a text about nothing, is refused."""
    checks = mutations.Checks(DATA_ROOT)
    needed = 0
    for shown in CURATED:
        data = record_data(DATA_ROOT / shown, shown)
        notes = data["curation"]["notes"]
        for i, note in enumerate(notes):
            without = json.loads(json.dumps(data))
            del without["curation"]["notes"][i]
            if "E510" not in checks.codes(shown, without):
                continue
            needed += 1
            for text in {n["text"] for n in notes if n["text"] != note["text"]} | {"Checked."}:
                wrong = json.loads(json.dumps(data))
                wrong["curation"]["notes"][i]["text"] = text
                assert "E510" in checks.codes(shown, wrong), f"{shown} {note['field']}: {text[:60]!r}"
    assert needed >= 4  # IM19's dates, cohort and thresholds notes; Relma-cel's thresholds note


def test_a_note_on_an_unlabelled_date_itself_must_speak_of_it() -> None:
    """A note on the date's own field says which date it is by its milestone, its date or its lack of
    a label ("The second unlabelled date."), not by any words."""
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    data["curation"]["notes"] = [n for n in data["curation"]["notes"] if n["field"] != "dates"]
    checks = mutations.Checks(DATA_ROOT)
    for text, codes in (("Checked.", {"E510"}), ("The first unlabelled date.", set())):
        noted = json.loads(json.dumps(data))
        noted["curation"]["notes"] += [
            {"field": "dates.start", "text": text},
            {"field": "dates.completion", "text": "The second date, 2027-12-31."},
        ]
        assert checks.codes(IM19_PATH, noted) == codes


@pytest.mark.parametrize(
    "text", ["Checked.", "The source's numbering is kept.", "Criterion 12 is missing.", "1,000 items", "1.5"]
)
def test_an_incomplete_entry_must_name_what_the_list_lost(text: str) -> None:
    """The same of curation.incomplete (E514): an entry under the list whose text names none of the
    items its source lost excused the gap as any note did a reading. IM19's lists lack their item 1."""
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    checks = mutations.Checks(DATA_ROOT)
    for k in range(len(data["curation"]["incomplete"])):
        wrong = json.loads(json.dumps(data))
        wrong["curation"]["incomplete"][k]["text"] = text
        assert checks.codes(IM19_PATH, wrong) == {"E514"}
    # (naming a criterion the page lists as lost too, "Criteria 1,2 are missing", is E514's as well:
    # test_attacks_mut27.py)
    for said in ("Item 1 is not on the page.", "Criteria 1 and 0 are missing from the page."):
        named = json.loads(json.dumps(data))
        named["curation"]["incomplete"][0]["text"] = said
        assert checks.codes(IM19_PATH, named) == set(), said


@pytest.mark.parametrize(
    ("reading", "note"),
    [
        (quantities.WITHIN_READING, "Time windows are read as strictly less than the stated period."),
        (quantities.WITHIN_READING, 'Each "in the past N weeks" is recorded as "<".'),
        (dosing.FLAT_READING, "The second cohort's dose has no per-kilogram wording; recorded as a fixed dose."),
        (dosing.FLAT_READING, "An absolute cell count (no /kg)."),
        (dosing.CAP_READING, "'not exceeding' read as the dose"),
        (dosing.CAP_READING, "The source gives the dose as an upper limit; recorded as the dose."),
        (dosing.RANGE_READING, "The source gives 0.5-1×10^6/kg; the higher end is recorded."),
        (dosing.TOTAL_READING, "The course's cumulative dose, read as the dose."),
        (dosing.ALTERNATIVE_READING, "The source gives 25 or 30 mg/m2/day; either is recorded."),
    ],
)
def test_a_note_in_a_curators_words_speaks_of_its_reading(reading: str, note: str) -> None:
    """A note speaks of a reading in the words curators write for it, not one word alone: a review
    for false positives had each of these refused (E510) with a message that named no word."""
    assert dosing.named_in_note(reading, note)


@pytest.mark.parametrize(
    ("reading", "note"),
    [
        (quantities.WITHIN_READING, "The compound one (CD4+ T lymphocytes <500/mm³) stays in the text only."),
        (dosing.FLAT_READING, "The related trials are those the page lists."),
        (dosing.CAP_READING, "Checked."),
        (dosing.RANGE_READING, "The cohorts follow the arm's description."),
        (dosing.ALTERNATIVE_READING, "The dose of 30 mg/m2/day is recorded."),
    ],
)
def test_a_note_about_something_else_speaks_of_no_reading(reading: str, note: str) -> None:
    assert not dosing.named_in_note(reading, note)


@pytest.mark.parametrize(
    "said",
    [
        "The first criterion is not on the page.",
        "Criterion one is missing from the page.",
        "Item number one is missing.",
        "The source's first inclusion criterion is lost.",
        "The 1st criterion is missing.",
    ],
)
def test_an_incomplete_entry_may_name_the_items_in_words(said: str) -> None:
    """E514 read only digits: an entry naming IM19's lost item 1 as "the first criterion" or
    "criteria one and two" was refused as naming none of them."""
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    named = json.loads(json.dumps(data))
    named["curation"]["incomplete"][0]["text"] = said
    assert mutations.Checks(DATA_ROOT).codes(IM19_PATH, named) == set(), said


@pytest.mark.parametrize(
    "said",
    [
        "The source lost one item.",  # a count, not an item's number
        "Two criteria are lost.",
        "First seen in the second version of the page.",  # an ordinal of no item
        "The second criterion is missing.",  # another item than the lost one
    ],
)
def test_a_number_word_that_names_no_lost_item_excuses_nothing(said: str) -> None:
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    wrong = json.loads(json.dumps(data))
    wrong["curation"]["incomplete"][0]["text"] = said
    assert mutations.Checks(DATA_ROOT).codes(IM19_PATH, wrong) == {"E514"}, said
