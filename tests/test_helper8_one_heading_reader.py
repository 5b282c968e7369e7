"""One reader of a criteria list's heading (criteria_text.HEADING), for the three that read one.

A registry's criteria text (criteria_text.headings._HEADING, the importer's and a JSON source's reading), a plain page's
lists (list_sides) and an age's side in a source of no lists (ages._excluding) each wrote their own pattern of
a list's heading. Only list_sides read "EXCLUSION", "Exclusion Criterion", "CRITERIA FOR EXCLUSION" or a heading
with a long aside as a heading (the importer read some others, "Exclusions:", as a lead-in, only above a
paragraph's marked items): the importer read "Inclusion criteria: ... / Exclusions: / 1. Age > 75 years" as one
inclusion list, "Exclusions:" an inclusion criterion, and binding read an "Age > 75 years" after "Adults with SLE.
Exclusions:" in a plain source as a minimum age of 75. The three now read the words of one
pattern; each frames it as its text is laid out (a line of a registry's text; a page's line or a sentence's run-in).

Compared on every criteria text of the tests, the fixtures, the seeds and the pinned examples (1,272 texts):
each reading that changed is a heading read now that was missed before, as below.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from sle_trials.checks.binding import ages
from sle_trials.reading import criteria_text, layouts, list_sides
from sle_trials.reading.criteria_text import headings

# the forms list_sides read and the others did not
HEADINGS = [
    "Exclusions:",
    "Exclusion:",
    "EXCLUSION",
    "## Exclusion",
    "Exclusion Criterion",
    "Criteria for exclusion:",
    "CRITERIA FOR EXCLUSION",
    "Key exclusion criteria include:",
    "Exclusion criteria are as follows:",
    # a list the registry gives in part (hunt 206 found both lists left to the curator)
    "Exclusion Criteria include, but are not limited to:",
    "Key exclusion criteria include, but are not limited to, the following:",
    "Exclusion criteria include the following:",
    "Exclusion criteria were:",
    "Exclusion criteria for adult participants:",
    "Exclusion Criteria (participants meeting any of the following will not be enrolled in the study):",
    "additional exclusion criteria:",
    "Other exclusion criteria:",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_the_importer_reads_a_heading_list_sides_reads(heading: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n* Adults with SLE\n\n{heading}\n\n* Pregnancy\n* HIV")
    assert found.inclusion == [{"text": "Adults with SLE"}], heading
    assert [c["text"] for c in found.exclusion] == ["Pregnancy", "HIV"] and not found.unplaced, heading


@pytest.mark.parametrize("heading", HEADINGS)
def test_every_reader_reads_the_same_side(heading: str) -> None:
    text = f"Inclusion criteria:\n1. Adults with SLE\n{heading}\n1. Pregnancy"
    sides = [s.side for s in list_sides.stretches(text, layouts.normalise(text))]
    assert sides == ["inclusion", "exclusion"], heading
    # (binding reads a document's text run into one line: a heading at its start, or after a sentence's stop)
    assert [side for _, _, side in ages._criteria_headings(f"{heading} 1. Pregnancy")] == ["exclusion"], heading


def test_a_tight_list_of_exclusions_is_no_inclusion_criterion() -> None:
    """Before, "Exclusions:" was read as an inclusion criterion, and "1. Age > 75 years" as its sub-criterion."""
    found = criteria_text.split("Inclusion criteria:\n1. SLEDAI-2K ≥ 6\nExclusions:\n1. Age > 75 years")
    assert found.inclusion == [{"number": 1, "text": "SLEDAI-2K ≥ 6"}]
    assert found.exclusion == [{"number": 1, "text": "Age > 75 years"}] and not found.remarks


@pytest.mark.parametrize(
    ("line", "group"),
    [
        ("Additional Inclusion Criteria:", "Additional Inclusion Criteria"),  # a group of the list, as before
        ("Principal inclusion criteria:", None),  # the list's own, as "Key" (hunt 210; a group before)
        ("Part B Inclusion Criteria:", "Part B Inclusion Criteria"),
        ("Inclusion Criteria for Part B:", "Inclusion Criteria for Part B"),
        ("Inclusion Criteria - Dose Expansion", "Inclusion Criteria - Dose Expansion"),
        ("Key Inclusion Criteria:", None),
        ("Inclusion Criteria (all must be met):", None),
        ("additional inclusion criteria:", None),  # a heading now, of no part
    ],
)
def test_a_heading_names_the_part_it_named_before(line: str, group: str | None) -> None:
    assert headings.heading_of(line) == ("inclusion", group, None)


def test_a_part_in_lower_case_is_still_no_heading_of_the_importer() -> None:
    # (a part's words are a heading's as written: capitalised, and the line set off; kept as it was)
    assert headings.heading_of("part b inclusion criteria met") is None


def _ctx(text: str) -> Any:
    docs = [layouts.SourceDoc("seeds/0.txt", layouts.PLAIN, layouts.normalise(text))]
    return SimpleNamespace(docs=docs, texts=lambda doc, path: [doc.text], under_headings=None)


AGE = ("eligibility", "minimum_age")


@pytest.mark.parametrize(
    "text",
    [
        "Inclusion criteria: adults with SLE. Exclusions: Age > 75 years.",
        "Inclusion criteria: adults with SLE. Criteria for exclusion: Age > 75 years.",
        "Inclusion criteria: adults with SLE. Key exclusion criteria include: Age > 75 years.",
    ],
)
def test_an_age_under_an_exclusion_heading_is_read_as_an_exclusions(text: str) -> None:
    """Before, binding read "Inclusion criteria" as the last heading before the age, and "Age > 75 years" was
    a minimum age of 75 where list_sides' reading did not decide it."""
    assert ages._excluding(_ctx(text), AGE, "Age > 75 years")


def test_an_inclusion_heading_ends_the_exclusions_for_an_age() -> None:
    text = "Exclusion criteria: pregnancy. Inclusions: Age > 18 years."
    assert not ages._excluding(_ctx(text), AGE, "Age > 18 years")


def test_prose_naming_the_exclusion_list_still_heads_it_for_an_age() -> None:
    # (ages._LIST_NAMED, kept on its own: no heading as the lists are read, but the reading an age's side had)
    text = "Patients meeting any of the exclusion criteria below were not enrolled, e.g. Age > 75 years."
    assert ages._excluding(_ctx(text), AGE, "Age > 75 years")
