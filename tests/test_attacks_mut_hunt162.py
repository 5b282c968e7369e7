"""A field left out and declared silent whose reading note stays behind.

A field a source states may be declared silent where a note on it names the source's words and says
why they are not its value ("The page's 6 participants counts the first cohort only"). Relma-cel's
notes on its keywords ("runs the keywords together on one line (...); kept as one entry") and its
phase ("says "early phase (Phase I)"; recorded as PHASE1") name the words too, but say how they
were recorded: a reading of a value the record holds. With the value left out and the field declared
silent, the note still named the words, and the record passed (E523 excused). A note that says how
the words were recorded, kept or read as the value excuses no silence; one that says they are not
recorded as it ("not recorded as keywords") or read as none still does.
"""

from __future__ import annotations

from collections.abc import Callable

import mutations
import pytest
from conftest import DATA_ROOT, record_data

RELMA = "trials/NCT05765006.yaml"


def silent_with_note(name: str, note: str | None = None) -> Callable[[dict], None]:
    """The field at name (top level) left out, with its evidence, and declared silent; its note kept,
    or given the text note."""

    def change(data: dict) -> None:
        del data[name]
        data["evidence"].pop(name, None)
        data["curation"]["silent"].append(name)
        if note is not None:
            for n in data["curation"]["notes"]:
                if n.get("field") == name:
                    n["text"] = note

    return change


@pytest.fixture(scope="module")
def checks() -> mutations.Checks:
    return mutations.Checks(DATA_ROOT)


@pytest.mark.parametrize("name", ["keywords", "phases"])
def test_a_field_declared_silent_beside_its_reading_note_is_refused(checks: mutations.Checks, name: str) -> None:
    data = record_data(DATA_ROOT / RELMA, RELMA)
    silent_with_note(name)(data)
    assert "E523" in checks.codes(RELMA, data)


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("keywords", 'The source\'s line "Relma Cel Systemic Lupus Erythematosus Cd19 Cart"; recorded as one keyword.'),
        ("keywords", 'The source\'s "Relma Cel Systemic Lupus Erythematosus Cd19 Cart" is read as the keywords.'),
        ("phases", 'The summary\'s "early phase (Phase I)" taken as PHASE1.'),
    ],
)
def test_other_reading_notes_excuse_no_silence(checks: mutations.Checks, name: str, note: str) -> None:
    data = record_data(DATA_ROOT / RELMA, RELMA)
    silent_with_note(name, note)(data)
    assert "E523" in checks.codes(RELMA, data)


@pytest.mark.parametrize(
    ("name", "note"),
    [
        # honest neighbours: the note names the words and says why they are not the value
        (
            "keywords",
            'The line "Relma Cel Systemic Lupus Erythematosus Cd19 Cart" runs several keywords together; it is '
            "not recorded as keywords until the registry lists them apart.",
        ),
        ("keywords", "The page's \"Relma Cel Systemic Lupus Erythematosus Cd19 Cart\" is ClinConnect's tag line."),
        ("phases", "The summary's \"early phase (Phase I)\" is ClinConnect's, read as none until the registry."),
    ],
)
def test_a_note_saying_why_the_words_are_not_the_value_still_excuses(
    checks: mutations.Checks, name: str, note: str
) -> None:
    data = record_data(DATA_ROOT / RELMA, RELMA)
    silent_with_note(name, note)(data)
    assert checks.codes(RELMA, data) == set()
