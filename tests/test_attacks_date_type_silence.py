"""Pull-request attacks on a date's type declared silent while the date's own place gives it.

The silence check (E523) read no part of a date from a parent's place, since a page's dates section
holds other dates' words ("Estimated completion" is no type of a launch date). A date's own place
holds that date and its type alone, and was not read either: the fixture study's import, marked
complete, with dates.primary_completion.type (ACTUAL) dropped and declared silent, passed while its
source reads "primaryCompletionDateStruct.date: 2023-11-30 primaryCompletionDateStruct.type: ACTUAL",
and trials.csv showed the type as not stated.
"""

from __future__ import annotations

import copy

import pytest
from conftest import imported_codes

DATES = ["start", "primary_completion", "completion", "first_posted", "last_updated"]


def _typeless(data: dict, date: str) -> dict:
    """data with the date's type dropped and declared silent."""
    data = copy.deepcopy(data)
    del data["dates"][date]["type"]
    data["curation"]["silent"] = [*data["curation"]["silent"], f"dates.{date}.type"]
    return data


@pytest.mark.parametrize("date", DATES)
def test_a_date_type_its_date_states_declared_silent_is_refused(imported: tuple, date: str) -> None:
    checker, data = imported
    assert imported_codes(checker, data) == set()
    assert "E523" in imported_codes(checker, _typeless(data, date))


def test_a_date_with_no_type_keeps_its_type_silent(imported: tuple) -> None:
    """The study's first submission date has no type: the import declares it silent, rightly."""
    checker, data = imported
    assert "dates.first_submitted.type" in data["curation"]["silent"]
    assert imported_codes(checker, data) == set()


def test_a_whole_date_declared_silent_is_read_as_before(imported: tuple) -> None:
    """A date dropped whole is held to its own place as it was (its label and date), not twice."""
    checker, data = imported
    data = copy.deepcopy(data)
    del data["dates"]["completion"]
    data["curation"]["silent"] = [*data["curation"]["silent"], "dates.completion"]
    for key in [k for k in data["evidence"] if k.startswith("dates.completion")]:
        del data["evidence"][key]
    assert "E523" in imported_codes(checker, data)
