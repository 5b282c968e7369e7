"""Survivors of a blunt sweep of the curated records, found as an outside grader would find them.

Every leaf and item of every record under trials/ was edited bluntly (numbers +1, -1, x10, /10, 0;
each enum to each other value; dates a day, a month, a year off, made partial or full; a word
deleted, doubled or swapped; a letter's case changed; a text replaced by another leaf's; an item
removed, doubled, swapped or moved to a sibling list; a field removed, with its quotes, and declared
silent; each quote replaced by another, cut or extended by a word) and checked as `trials validate`
checks a record. What passed and makes the record say what its source does not:

- Relma-cel's interventions left out and declared silent, while its page names the trial's product
  in its title and summary: the note on the interventions ("names the treatment Relma-cel ... but
  gives no intervention type or description") named the words and gave a reason ("but", "no"), of
  the intervention's type and description, not of the words. What a note says a source lacks of a
  part of the field ("gives no intervention type", "does not state its route", "its type is not
  given") is no reason of the words (silence._of_the_words); a denial that the words are the part
  ("is no enrollment count", "is not the count") still is.
- IM19's curation.incomplete entries, "The source's inclusion list starts at 2; criterion 1 is missing
  from the page", passed with 3, 20, 1 or 0 for the 2: the entry said where the source's list starts,
  and the site showed it, though the source's starts at 2. Where an entry says a list starts is held
  to the first number of its own numbering (completeness._starts_elsewhere, E514).
- IM19's completion date left out and declared silent, beside its note on the dates ("two unlabelled
  dates (2024-07-30, 2027-12-31) ... read as study start and study completion"): an unlabelled date is
  no date the silence check reads, and the note, which reads the source's date as the completion, was
  read for nothing. A field declared silent that a note on it or above it reads a date as, a date the
  record holds as none of its dates, is refused (silence._read_as_it, E523).
- An imported record's results_posted (hasResults: true) left out and declared silent, beside the
  import's note on what the resultsSection gives that was not imported ("... certainAgreement
  {piSponsorEmployee true} ..."): the note named "true", but as another key's value. Words a note writes
  after another key of the JSON source are not the field's (silence._names, _keys_elsewhere).
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import DATA_ROOT, FIXTURES, IM19_PATH, RELMA_PATH, record_data, silenced


@pytest.fixture(scope="module")
def checks() -> mutations.Checks:
    return mutations.Checks(DATA_ROOT)


@pytest.mark.parametrize(
    ("shown", "name", "note"),
    [
        (RELMA_PATH, "interventions", None),  # the curated note, written for the interventions held
        (RELMA_PATH, "interventions", "The source names Relma-cel. It gives no intervention type or route."),
        (RELMA_PATH, "interventions", "The page names Relma-cel; no description or other names are given."),
        (RELMA_PATH, "interventions", "Relma-cel is named in the title, but the page states no route."),
        (IM19_PATH, "enrollment", "The page gives 6 participants. It does not give the enrollment type."),
        (IM19_PATH, "enrollment", "The page gives 6 participants but no type (actual or estimated)."),
    ],
)
def test_a_notes_reason_of_a_part_excuses_no_silence(
    checks: mutations.Checks, shown: str, name: str, note: str | None
) -> None:
    assert "E523" in checks.codes(shown, silenced(shown, name, note))


@pytest.mark.parametrize(
    ("shown", "name", "note"),
    [
        # honest neighbours: the clause naming the words gives the reason, whatever else the note says of a part
        (
            RELMA_PATH,
            "interventions",
            "Relma-cel is named only in the title and summary, not as an intervention; no type is given.",
        ),
        (RELMA_PATH, "interventions", "The page names Relma-cel but not as an intervention, and gives no route."),
        (IM19_PATH, "enrollment", "The page's 6 participants counts the first cohort only; its type is not given."),
        (IM19_PATH, "enrollment", "The page gives 6 participants, but the registry's count differs."),
        (IM19_PATH, "enrollment", "The page's 6 participants is no enrollment count: it names the first cohort."),
        (IM19_PATH, "enrollment", "The page's 6 participants is not the enrollment count; no type is given."),
    ],
)
def test_a_note_giving_its_reason_of_the_words_still_excuses(
    checks: mutations.Checks, shown: str, name: str, note: str
) -> None:
    assert checks.codes(shown, silenced(shown, name, note)) == set()


@pytest.mark.parametrize("shown", [IM19_PATH, RELMA_PATH])
def test_the_curated_records_pass(checks: mutations.Checks, shown: str) -> None:
    assert checks.codes(shown, record_data(DATA_ROOT / shown, shown)) == set()


def with_incomplete(start: str) -> dict:
    """IM19 with its entries under curation.incomplete saying its lists start as start says."""
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    for entry in data["curation"]["incomplete"]:
        kind = entry["field"].split(".")[1].split("_")[0]
        entry["text"] = f"The source's {kind} list {start}; criterion 1 is missing from the page."
    return data


@pytest.mark.parametrize(
    "start",
    ["starts at 3", "starts at 20", "starts at 1", "starts at 0", "begins with criterion 3", "starts at three"],
)
def test_an_incomplete_entry_starting_the_list_elsewhere_is_refused(checks: mutations.Checks, start: str) -> None:
    assert "E514" in checks.codes(IM19_PATH, with_incomplete(start))


@pytest.mark.parametrize(
    "start", ["starts at 2", "starts at two", "starts at criterion 2", "begins with item no. 2", "is numbered from 2"]
)
def test_an_incomplete_entry_starting_the_list_at_its_first_passes(checks: mutations.Checks, start: str) -> None:
    assert checks.codes(IM19_PATH, with_incomplete(start)) == set()


DATES_NOTE = (
    'The source lists two unlabelled dates (2024-07-30, 2027-12-31) under "key timeline milestones" in Basic '
    "Information; "
)


def completion_silent(notes: dict[str, str]) -> dict:
    """IM19 with its completion date left out (its quote with it) and declared silent, its notes on the
    fields named given those texts (the note on the dates kept where not named)."""
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    del data["dates"]["completion"]
    del data["evidence"]["dates.completion.date"]
    data["curation"]["silent"] = [s for s in data["curation"]["silent"] if s != "dates.completion.type"]
    data["curation"]["silent"].append("dates.completion")
    kept = [n for n in data["curation"]["notes"] if n["field"] not in notes]
    data["curation"]["notes"] = kept + [{"field": field, "text": text} for field, text in notes.items()]
    return data


@pytest.mark.parametrize(
    "notes",
    [
        {},  # the curated note on the dates
        {"dates.completion": "The second unlabelled date, 2027-12-31, is read as the completion."},
        {"dates": DATES_NOTE + "recorded as the study's start and its completion."},
        {"dates": DATES_NOTE + "taken as study start and study completion (their type is not given)."},
    ],
)
def test_a_date_a_note_reads_declared_silent_is_refused(checks: mutations.Checks, notes: dict[str, str]) -> None:
    assert "E523" in checks.codes(IM19_PATH, completion_silent(notes))


@pytest.mark.parametrize(
    "notes",
    [
        {"dates": DATES_NOTE + "the first is read as study start; the second is read as none."},
        {"dates": DATES_NOTE + "read as study start; 2027-12-31 is left out until the registry labels it."},
        {"dates": DATES_NOTE + "the first read as study start, the second not read as the completion."},
    ],
)
def test_a_date_a_note_does_not_read_may_be_declared_silent(checks: mutations.Checks, notes: dict[str, str]) -> None:
    assert "E523" not in checks.codes(IM19_PATH, completion_silent(notes))


def test_results_posted_left_out_beside_an_import_note_naming_another_keys_true_is_refused(
    registry: Path,
) -> None:
    from sle_trials.cli import main

    source = FIXTURES / "ctgov" / "real" / "NCT05594173.json"
    assert main(["import", "ctgov", str(source), "--root", str(registry), "--out-of-scope", "a real study"]) == 0
    shown = "trials/NCT05594173.yaml"
    data = record_data(registry / shown, shown)
    data["curation"]["status"] = "complete"
    checks = mutations.Checks(registry)
    assert checks.codes(shown, data) == set()
    assert data["results_posted"] is True
    del data["results_posted"]
    del data["evidence"]["results_posted"]
    data["curation"]["silent"].append("results_posted")
    assert "E523" in checks.codes(shown, data)


def _results_left_out(registry: Path, note: str) -> set[str]:
    """The codes of NCT05594173's import, made complete, with results_posted (hasResults: true) left out
    and declared silent, and note added on results_posted."""
    from sle_trials.cli import main

    source = FIXTURES / "ctgov" / "real" / "NCT05594173.json"
    assert main(["import", "ctgov", str(source), "--root", str(registry), "--out-of-scope", "a real study"]) == 0
    shown = "trials/NCT05594173.yaml"
    data = record_data(registry / shown, shown)
    data["curation"]["status"] = "complete"
    del data["results_posted"]
    del data["evidence"]["results_posted"]
    data["curation"]["silent"].append("results_posted")
    data["curation"]["notes"].append({"field": "results_posted", "text": note})
    return mutations.Checks(registry).codes(shown, data)


@pytest.mark.parametrize(
    "note",
    [
        "The source's moreInfoModule.certainAgreement.piSponsorEmployee: true is not imported.",
        "Not recorded: oversightModule {oversightHasDmc true, isFdaRegulatedDrug false}.",
        "The pointOfContact's phoneExt 7802 and piSponsorEmployee true were not taken in.",
    ],
)
def test_a_note_naming_the_words_only_as_another_keys_value_excuses_nothing(registry: Path, note: str) -> None:
    """silence._names: the words a note names as the value of another key of the JSON source (written
    after it, with or without a colon or a brace) are not the field's words it explains away."""
    assert "E523" in _results_left_out(registry, note)


@pytest.mark.parametrize(
    "note",
    [
        "The source's true is of another study's results, not this one's; not recorded.",
        "hasResults: true is not recorded: the results posted are of another trial.",
        "The source's hasResults true is no result of this trial: its results are another trial's.",
    ],
)
def test_a_note_naming_the_words_as_the_fields_own_still_explains_them(registry: Path, note: str) -> None:
    """The words named on their own, or after the field's own key (hasResults, at its place in the
    source), are the field's: such a note still says why they are not its value."""
    assert "E523" not in _results_left_out(registry, note)
