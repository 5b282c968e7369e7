"""A hostile mutation hunt on `trials check` (helper-85's, hunt 218) on the curated records' notes: a count, or a one
or a many, of things a source or the record lists, said wrongly, that passed the remark checks. Each refused rewrite
passed before its fix; each has honest twins (the true count, a many of many) that pass still. Notes are rewritten
in memory and checked as `trials validate` checks a file (mutations.Checks), on one registry copy the module shares.

Found and fixed (E501):

- a count after "the" or "its" of things named whole, before their possessive or a clause's end: Relma-cel's "the
  officials' affiliations" made "the two officials' affiliations" (it holds three) (note_lists, remark_lists).
- a one or a many a section of the source is said to speak of: Relma-cel's "its summary speaks of multiple locations"
  made "of one location" passed, one being the number of locations its page lists; a count said of a section's words
  is now held to those words, "multiple" and "several" read as many (remark_mentions).
- a count of the trials a section quoted by its heading lists: IM19's 'its "Related Clinical Trials" are' made 'its
  six "Related Clinical Trials"' (it lists five ids), and of the labels a section is said to list: Relma-cel's "Its
  Timeline section gives no dates." given "; it lists five labels." (four, and "Not reported") (remark_layout).
- a field said given after a bracket, "with" what a source lists: Relma-cel's "The source lists one location
  (Shanghai, China)" given ", with its facility," (it declares its sources silent on the facility) (remark_silence).
- a count of the record's criteria lists: IM19's "Both criteria lists start at 2" made "The three criteria lists"
  (remark_lists).
- a count of a criterion's sub-lists: Relma-cel's "and a sub-list numbered 1 to 3" made "and two sub-lists"
  (remarks, note_items).
- a many, or a one, of a list's items the record holds: Relma-cel's "kept as one entry" made "kept as several
  entries", its "lists one location" "lists several locations" ("multiple", "several", "many" and "a single" read as
  counts) (note_lists, remark_lists).
- a count of the whole some of a list are picked out of: IM19's "(the first cohort's dose ...)" made "(the first of
  three cohorts' dose ...)" (it holds two), Relma-cel's "the officials' affiliations" made "the affiliations of the
  two officials" (note_lists, remark_lists).
- a further count a verb of listing's list goes on to, past a bracket: Relma-cel's "The source lists one location
  (Shanghai, China)" given " and two officials" (it holds three) (note_lists, remark_lists).

Left (each passes still): IM19's "are the site's similarity picks" made "the site's six similarity picks" (a count of
its five related trials by a noun no list is counted by); its "The source's Conditions, Brief Summary and Detailed
Description sections are empty." made "The source's two sections Conditions, Brief Summary and Detailed Description
are empty." (a count before the sections it names); Relma-cel's Timeline note given "; it lists four labels and six
lines." (only the first count after the verb is read of a section's lines).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, RELMA_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt218"))


RELMA_OFFICIALS = "the officials' affiliations name two hospitals"
RELMA_SUMMARY = "its summary speaks of multiple locations"
RELMA_TIMELINE = "Its Timeline section gives no dates."
IM19_RELATED = 'its "Related Clinical Trials" are'
RELMA_LOCATION = "one location (Shanghai, China)"
IM19_LISTS = "Both criteria lists start at 2"
RELMA_SUBLIST = "and a sub-list numbered 1 to 3"
RELMA_ENTRY = "kept as one entry"
IM19_FIRST = "(the first cohort's dose"


@pytest.mark.parametrize(
    ("shown", "old", "new", "found"),
    [
        (RELMA_PATH, RELMA_OFFICIALS, "the two officials' affiliations name two hospitals", {"E501"}),
        (RELMA_PATH, RELMA_OFFICIALS, "the three officials' affiliations name two hospitals", set()),
        (RELMA_PATH, RELMA_OFFICIALS, "the affiliations of the two officials name two hospitals", {"E501"}),
        (RELMA_PATH, RELMA_OFFICIALS, "the affiliations of the three officials name two hospitals", set()),
        (RELMA_PATH, RELMA_SUMMARY, "its summary speaks of one location", {"E501"}),
        (RELMA_PATH, RELMA_SUMMARY, "its summary speaks of a single location", {"E501"}),
        (RELMA_PATH, RELMA_SUMMARY, "its summary speaks of two locations", {"E501"}),
        (RELMA_PATH, RELMA_SUMMARY, "its summary speaks of several locations", set()),
        (IM19_PATH, IM19_RELATED, 'its six "Related Clinical Trials" are', {"E501"}),
        (IM19_PATH, IM19_RELATED, 'its one "Related Clinical Trials" are', {"E501"}),
        (IM19_PATH, IM19_RELATED, 'its five "Related Clinical Trials" are', set()),
        (IM19_PATH, IM19_RELATED, 'its several "Related Clinical Trials" are', set()),
        (RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE[:-1] + "; it lists five labels.", {"E501"}),
        (RELMA_PATH, RELMA_TIMELINE, "Its Timeline section lists one label and gives no dates.", {"E501"}),
        (RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE[:-1] + "; it lists four labels.", set()),
        (RELMA_PATH, RELMA_TIMELINE, RELMA_TIMELINE[:-1] + "; it lists several labels.", set()),
        (RELMA_PATH, RELMA_LOCATION, RELMA_LOCATION + ", with its facility,", {"E501"}),
        (RELMA_PATH, RELMA_LOCATION, RELMA_LOCATION + " with its facility", {"E501"}),
        (RELMA_PATH, RELMA_LOCATION, RELMA_LOCATION + ", with its city and no facility,", set()),
        (IM19_PATH, IM19_LISTS, "The three criteria lists start at 2", {"E501"}),
        (IM19_PATH, IM19_LISTS, "The two criteria lists start at 2", set()),
        (IM19_PATH, IM19_LISTS, "One of the criteria lists starts at 2", set()),
        (RELMA_PATH, RELMA_SUBLIST, "and two sub-lists numbered 1 to 3", {"E501"}),
        (RELMA_PATH, RELMA_SUBLIST, "and one sub-list numbered 1 to 3", set()),
        (RELMA_PATH, RELMA_ENTRY, "kept as several entries", {"E501"}),
        (RELMA_PATH, RELMA_ENTRY, "kept as a single entry", set()),
        (IM19_PATH, IM19_FIRST, "(the first of three cohorts' dose", {"E501"}),
        (IM19_PATH, IM19_FIRST, "(the first of two cohorts' dose", set()),
        (RELMA_PATH, RELMA_LOCATION, RELMA_LOCATION + " and two officials", {"E501"}),
        (RELMA_PATH, RELMA_LOCATION, RELMA_LOCATION + " and three officials", set()),
    ],
)
def test_a_count_a_note_gives_of_what_a_source_lists_is_what_it_lists(
    checks: Checks, shown: str, old: str, new: str, found: set[str]
) -> None:
    assert rewritten(checks, shown, old, new) == found
