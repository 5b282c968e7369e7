"""A hostile mutation hunt on the curated records (helper-2's, after helper-1's hunt 170).

Mistakes tests/mutations.py does not make, made by hand in the seven records and in the records the
importer makes of the fixture studies, each checked as `trials validate` checks it: values moved between
cohorts, arms, sites, officials and outcomes (cities and countries swapped, an outcome's time frame given
another's, a collaborator made the sponsor, an official's affiliation or role changed), eligibility
widened through another field (a sex from "Women of childbearing age", an age from the publisher's
summary), an enrollment or a date given a type, a date's precision raised or lowered, units converted
(mg as g, weeks as days or months, g/dL as g/L), criteria negated or reworded, a number changed in a
value and its quote together, look-alike and invisible characters (escapes in quoted YAML), YAML tricks
(duplicate keys, escaped keys, flow mappings, keep-chomping), a second source that is another trial's
page, quotes into the related trials' part of the IM19 page. What passed and makes the record say what
its source does not:

- a curation.incomplete entry declaring a loss the source's numbering does not show: "Criterion 7 is
  missing." of Relma-cel's inclusion list (numbered 1 to 6), "The page shows only part of the list." of
  its exclusion list, "criteria 1 and 14 are missing" of IM19's exclusion list (2 to 13). E514 refused
  an entry naming as lost a criterion the source lists, or a start other than the list's first, but
  read nothing else: the site told readers the source lacks items it shows whole. An entry on a
  numbered list names no item past its last number, and declares no loss where the numbering skips
  none (completeness._loss_not_shown).

An entry on eligibility as a whole is read so where it names one list's side and not the other's
("Inclusion criterion 7 is missing.": completeness._of_list). Left (no test): one on eligibility naming
neither list ("Criterion 7 is missing."), which may speak of either or of the thresholds; one on one
item of a list ("eligibility.inclusion_criteria.3": its sub-list's numbering is not read); one on a list
the source does not number, or on a list of rows (officials, sites), which no numbering bounds.

Judged honest (true to the source): a unit in another spelling of itself (µmol/L for μmol/L, /mm3 for
/mm³, mg/d for mg/day, g/day for g/24h), a value written as a float, a measure given as more of its
phrase, a quote shortened to the words that state the value ("Phase I", "Recruiting"), the sponsor's
name in the case its "About" heading writes it, the summary's paragraphs joined, a note whose text
speaks of its reading with a wrong reason (a note is read by review).
"""

from __future__ import annotations

import json

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data
from sle_trials.checks import completeness, documents, load


@pytest.fixture(scope="module")
def checks() -> mutations.Checks:
    return mutations.Checks(DATA_ROOT)


IM19_START = "The source's {} list starts at 2; criterion 1 is missing from the page."


def entries(shown: str, said: dict[str, str]) -> dict:
    """The record at shown with its incomplete entries replaced by one per list said names."""
    data = record_data(DATA_ROOT / shown, shown)
    data["curation"]["incomplete"] = [
        {"field": f"eligibility.{side}_criteria", "text": text} for side, text in said.items()
    ]
    return data


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        (RELMA_PATH, {"inclusion": "Criterion 7 is missing."}),  # the list runs 1 to 6
        (RELMA_PATH, {"exclusion": "The seventh and eighth criteria are lost."}),
        (RELMA_PATH, {"exclusion": "The page shows only part of the list."}),  # a list that skips nothing
        (RELMA_PATH, {"inclusion": "Criteria may be missing."}),
        # IM19's lists start at 2 (criterion 1 lost): an item past the last named lost as well
        (
            IM19_PATH,
            {
                "inclusion": "The source's inclusion list starts at 2; criteria 1 and 10 are missing from the page.",
                "exclusion": IM19_START.format("exclusion"),
            },
        ),
        (
            IM19_PATH,
            {
                "inclusion": IM19_START.format("inclusion"),
                "exclusion": "The source's exclusion list starts at 2; criteria 1 and 14 to 16 are lost.",
            },
        ),
    ],
)
def test_an_incomplete_entry_declaring_a_loss_the_numbering_does_not_show_is_refused(
    checks: mutations.Checks, shown: str, said: dict[str, str]
) -> None:
    assert checks.codes(shown, entries(shown, said)) == {"E514"}


@pytest.mark.parametrize(
    "said",
    [
        {"inclusion": IM19_START.format("inclusion"), "exclusion": IM19_START.format("exclusion")},  # as curated
        {"inclusion": "Criterion 1 is not on the page.", "exclusion": "Item 1 is lost; the list runs 2 to 13."},
        {
            "inclusion": IM19_START.format("inclusion"),
            "exclusion": "The first criterion is missing; criteria 2 to 13 are given.",
        },
    ],
)
def test_an_entry_naming_the_numberings_own_gap_passes(checks: mutations.Checks, said: dict[str, str]) -> None:
    assert checks.codes(IM19_PATH, entries(IM19_PATH, said)) == set()


def test_a_loss_past_the_end_is_reported_on_the_entry() -> None:
    data = entries(RELMA_PATH, {"inclusion": "Criterion 7 is missing."})
    record = load.Record(RELMA_PATH, data)
    doc = documents.source_doc(DATA_ROOT, data["curation"]["sources"][0]["file"])
    assert doc is not None
    messages = [p.message for p in completeness.check(record, [doc]) if p.code == "E514"]
    assert messages == [
        "eligibility.inclusion_criteria: an entry under curation.incomplete names criterion 7 as lost, but the "
        "source's list numbers its items 1 to 6 and shows no item lost there; say only what the source lacks"
    ], json.dumps(messages)


@pytest.mark.parametrize(
    ("said", "codes"),
    [
        ("Inclusion criterion 7 is missing.", {"E514"}),
        ("The seventh exclusion criterion is lost.", {"E514"}),
        # naming both lists, or neither, the entry may speak of either, or of the thresholds: not read
        ("Inclusion or exclusion criterion 7 may be missing.", set()),
        ("Criterion 7 is missing.", set()),
    ],
)
def test_a_loss_past_the_end_declared_on_eligibility_naming_its_list_is_refused(
    checks: mutations.Checks, said: str, codes: set[str]
) -> None:
    data = record_data(DATA_ROOT / RELMA_PATH, RELMA_PATH)
    data["curation"]["incomplete"] = [{"field": "eligibility", "text": said}]
    assert checks.codes(RELMA_PATH, data) == codes


def test_an_entry_on_eligibility_naming_the_lists_gap_passes(checks: mutations.Checks) -> None:
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    data["curation"]["incomplete"] = [
        {"field": "eligibility", "text": "The source's inclusion and exclusion lists start at 2; criterion 1 is lost."}
    ]
    assert checks.codes(IM19_PATH, data) == set()
