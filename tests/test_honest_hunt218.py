"""Honest work the readings refuse (false positives), hunt 218 (helper-99): notes and comments true of the IM19 and
Relma-cel records and their sources under tests/fixtures/registry/, each beside its false twin (the same sentence made
untrue), which stays refused.

Found and fixed:
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_note_rewritten, codes_with_a_sentence_added


# --- A count opening a sentence (note_names.OPENERS): Relma-cel's page lists three Principal Investigators, IM19's
# five Related Clinical Trials
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "Three Principal Investigators are listed.", set()),
        (IM19_PATH, "Five Related Clinical Trials are listed.", set()),
        (RELMA_PATH, "Three Chief Investigators are listed.", {"E501"}),
        (RELMA_PATH, "Four Principal Investigators are listed.", {"E501"}),
        (RELMA_PATH, "Three Principal Investigators work at Beijing Hospital.", {"E501"}),
    ],
)
def test_a_count_opening_a_sentence_is_no_part_of_a_name(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- An identifier's label before it (remark_names._labelled_apart): IM19's page writes "IM19SLE01" under "Other
# Identifiers" ("Identifier Source: org_study_id"), Relma-cel's "Search / Trial NCT05765006"
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The org study ID IM19SLE01 is given under Other Identifiers.", set()),
        (IM19_PATH, 'Identifier IM19SLE01 is of type "-".', set()),
        (RELMA_PATH, "Trial ID NCT05765006 is the only identifier given.", set()),
        (IM19_PATH, "The org study ID IM19SLE02 is given under Other Identifiers.", {"E501"}),
        (RELMA_PATH, "Trial ID NCT05765007 is the only identifier given.", {"E501"}),
        (IM19_PATH, "Beijing Hospital ID IM19SLE01 is given.", {"E501"}),
    ],
)
def test_an_identifiers_label_is_no_part_of_its_name(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A clause denying that anything is kept (remarks._said_kept): IM19's "Other Intervention Names" and Relma-cel's
# "Similar Trials" sections list nothing, and neither record holds anything of them
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, 'The "Other Intervention Names" section is empty, so no other names are recorded.', set()),
        (IM19_PATH, 'The "Other Intervention Names" section is empty; nothing is recorded.', set()),
        (RELMA_PATH, 'The "Similar Trials" section is empty, and none are recorded.', set()),
        (IM19_PATH, 'The "Other Intervention Names" section is empty, so its names are recorded.', {"E501"}),
        (RELMA_PATH, 'The "Similar Trials" section is empty, so its trials are recorded.', {"E501"}),
    ],
)
def test_a_clause_denying_anything_is_kept_says_no_run_is_kept(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- Two quotations a criterion is said to write, in their order (remark_categories._NO_OBJECT, remarks._QUOTE_JOINT):
# IM19's exclusion criterion 4 writes "prior to screening", then "after enrollment"; its criterion 9 only the first
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('Exclusion criterion 4 writes "prior to screening" before "after enrollment".', set()),
        (
            'Exclusion criterion 4 writes "within 24 weeks" twice, with "prior to screening" and "after enrollment".',
            set(),
        ),
        ('Exclusion criterion 9 writes "prior to screening" before "after enrollment".', {"E501"}),
        ('Exclusion criterion 9 writes "prior to screening" and "after enrollment".', {"E501"}),
        ("Exclusion criterion 2 lists pulmonary embolism.", {"E501"}),
    ],
)
def test_two_quotations_a_criterion_writes_in_order_are_no_condition(
    registry: Path, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A criterion past the last said to be none (remarks._DENIED_BEFORE): Relma-cel's lists end at 6, IM19's at 9 and 13
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "Inclusion criterion 4's sub-items are numbered 1, 2 and 3; they are not criteria 5 to 7.", set()),
        (RELMA_PATH, "The exclusion list has no criterion 7.", set()),
        (IM19_PATH, "Neither list has a criterion 14.", set()),
        (RELMA_PATH, "Inclusion criterion 4's sub-items are numbered 1, 2 and 3; they are criteria 5 to 7.", {"E501"}),
        (RELMA_PATH, "The exclusion list has a criterion 7.", {"E501"}),
        (IM19_PATH, "Neither list has a criterion 14, and the exclusion list runs to criterion 14.", {"E501"}),
    ],
)
def test_a_criterion_past_the_last_said_to_be_none_is_named_by_no_one(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A count said of each of some things (note_lists._RATE_BEFORE, _RATE_AFTER): IM19 holds two cohorts of three
# patients, Relma-cel three officials, one a row
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The trial plans to enrol six patients, three per cohort.", set()),
        (RELMA_PATH, "The page lists one official per row: yu Hu, heng Mei, liangjing Lv.", set()),
        (IM19_PATH, "The trial plans to enrol six patients, three per cohort, and has three cohorts.", {"E501"}),
        (RELMA_PATH, "The page lists one official: yu Hu, heng Mei, liangjing Lv.", {"E501"}),
        (RELMA_PATH, "The page lists one official, per the source's Trial Officials section.", {"E501"}),
    ],
)
def test_a_count_said_of_each_is_no_count_of_them_all(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- The size of every cohort (note_cohorts._EVERY, remarks._sizes_of_cohorts_named): IM19's two cohorts hold
# patients 1 to 3 and 4 to 6
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Each of the two cohorts has three patients.", set()),
        ("Both cohorts have three patients.", set()),
        ("Each of the two cohorts has four patients.", {"E501"}),
        ("Both cohorts have two patients.", {"E501"}),
    ],
)
def test_the_size_of_every_cohort_is_each_ones(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A range of patients in words ending at a number (note_numbers.counted): IM19's cohorts hold patients 1 to 3 and
# 4 to 6, the first dosed per kilogram
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Patients one to three are dosed per kilogram.", set()),
        ("Patients one to four are dosed per kilogram.", {"E501"}),
        ("Patients one to three are dosed per kilogram; four are dosed flat.", {"E501"}),
    ],
)
def test_a_range_of_patients_in_words_counts_no_one(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A date said read as none of the record's (remark_dates._DENYING_SUBJECT): IM19 declares its primary completion
# date silent
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Neither 2024-07-30 nor 2027-12-31 is read as the primary completion date.", set()),
        ("None of the dates is read as the primary completion date; 2024-07-30 is read as the start date.", set()),
        ("Either 2024-07-30 or 2027-12-31 is read as the primary completion date.", {"E501"}),
        ("The dates, neither labelled, are read as study start and primary completion.", {"E501"}),
    ],
)
def test_a_date_said_read_as_none_of_the_records_is_read_as_none(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A place kept in its item's fields, said kept as its source writes it on one line (remarks._items_joined):
# Relma-cel's page writes "Shanghai, China", its record's site holds city Shanghai and country China
RELMA_LOCATIONS_NOTE = "the officials' affiliations name two hospitals."


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('The location is given as "Shanghai, China"; kept as written.', set()),
        ('The location is given as "Union Hospital"; kept as written.', {"E501"}),
        ('The location is given as "China, Shanghai"; kept as written.', {"E501"}),
    ],
)
def test_a_place_kept_in_its_items_fields_is_kept_as_written(registry: Path, added: str, found: set[str]) -> None:
    new = f"{RELMA_LOCATIONS_NOTE} {added}"
    assert codes_with_a_note_rewritten(registry, RELMA_PATH, RELMA_LOCATIONS_NOTE, new) == found


# --- A count of times after the heading a run is written under (remark_quotes._TIMES_AFTER, _A_PLACE_BEFORE):
# Relma-cel's page writes "Principal Investigator" three times, "Trial Officials" once
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('"Principal Investigator" is written under "Trial Officials" three times.', set()),
        ('The page writes "Principal Investigator" under "Trial Officials" three times.', set()),
        ('"Principal Investigator" is written under "Trial Officials" twice.', {"E501"}),
        ('The page writes "Principal Investigator" under "Trial Officials" four times.', {"E501"}),
    ],
)
def test_a_count_of_times_after_a_heading_is_the_runs_under_it(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found
