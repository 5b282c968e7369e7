"""A hunt on the remark checks (helper-104's, hunt 226) on the curated records' notes: what hunts 224 and 225 left,
false notes that passed and true notes refused, reproduced on main and read as classes, each with a twin of the same
shape (true where the case is false, false where it is true) that the check still judges right. A sentence is added
to a note (or a note rewritten) in memory and the record checked as `trials validate` checks a file
(mutations.Checks), on the registry copy of the module's tests.

Found and fixed (E501):

- passing, false: a count of the limits of one kind, of a length or not: IM19's "The study has three washouts." (two)
  and "Exclusion criterion 4 holds three windows of 24 weeks." (two) passed, read by nothing
  (remark_lists._KINDS_COUNTED: the record's WASHOUT thresholds, or its windows, "<" a length of time, of the
  criterion a sentence names or of the record where it names none: "trial" and "study" now name the record's
  thresholds too, remark_lists._OF_THE_RECORD). "The study has two washouts." and "... holds two 24-week windows."
  pass; "one window before screening" counts some of them, and is not read.
- passing, false: a ratio of two criteria's lengths: IM19's "Exclusion criterion 8's window is twice exclusion
  criterion 4's." (6 months to 24 weeks) passed, only "shorter" and "longer" being read
  (remark_windows._COMPARED's ratio and same: "twice", "half", "N times", "the same as", held to some pair of the
  lengths within a twentieth). "Exclusion criterion 2's window is six times inclusion criterion 5's washout." (24
  weeks to 4 weeks) and "... 8's window is the same as exclusion criterion 9's." pass.
- passing, false: an age bound's number set apart after its word: IM19's "The maximum age, 75, matches the source."
  (65) passed, a bound's number read only after a verb (note_numbers._NAMED_BOUND: after a comma or a bracket too).
  "The maximum age, 65, ..." and "The minimum age, as criterion 2 writes, is 18." pass.
- refused, true (honest hunt 218's leftover): a run a note says its sources lack: IM19's 'The page has no "Official
  Title" row.' and 'No "Acronym" is given.' were refused as quotations no source writes. A run after a denial ("no",
  "lacks", "without", "does not write/give", or "is not written", "appears nowhere" after it) is no quotation; where
  the source is the subject and the words themselves are denied (a verb of writing, a heading's noun after the run),
  it is held to no source writing it (remark_quotes.denied_in_sources): 'The page has no "Brief Summary" row.' is
  refused. 'No "Detailed Description" is given.' (its section is empty) and '... does not write "Brief Summary" in
  Study Design.' (a place of the page: remark_sections') pass.
- refused, true (honest hunt 218's leftover): a run quoted as a field of the record's thresholds: IM19's '"≥ 40 kg"
  is recorded with the comparator ">=".' was refused as quoting '>=' no source writes. A run after "the comparator"
  (or "recorded with the unit/measure/kind") is the record's own writing, held to that field of the thresholds whose
  evidence writes the runs the sentence quotes before it (remarks._FIELD_SAID): '... with the comparator "<=".' is
  refused.
- refused, true (hunt 225's leftover): IM19's "Three of the five related trials name CD19." was refused as naming
  CD19 of IM19 (remark_names), only "in their titles" after it making it the titles'. A verb of naming right before
  it, the related trials its subject, does too (remark_names._NAMING_RIGHT_BEFORE), and the count is held to the
  titles (remark_lists._TITLES_NAMING): "Four of ... name CD19." and "..., as IM19 does." are refused.
- passing, false: a list's first or last criterion said by its number: IM19's "The inclusion list's last criterion is
  10." (9) passed, only "starts at" and "ends at" being read (remark_numbering._FIRST_OR_LAST: "the list's last
  criterion is N", "the first exclusion criterion is numbered N", "criterion N is the last"). "Exclusion criterion 13
  is its list's last." and "Inclusion criterion 8 is the last to name a window." pass.
- passing, false: the other criteria list's count after the first's, its verb and noun left out: IM19's "Its
  inclusion list has eight criteria and its exclusion list thirteen." (twelve) passed (note_lists._ELIDED_LIST); so
  did "The exclusion list has thirteen criteria.", a list's count read in words to twelve only (to twenty now).
- passing, false: the criterion a limit named by its measure is said to be in: IM19's "The weight floor is in
  inclusion criterion 4." (3) passed, where a limit stands read by nothing (remark_thresholds._PLACED: the thresholds
  whose measure or kind a word before the limit's noun names must include one of that criterion; "not" turns it).
  "The steroid cap is in inclusion criterion 4." is refused (its steroids' limits are criterion 5's); "The lab limits
  are in exclusion criterion 11." (no measure or kind says "lab") is not read.
- passing, false: the whole enrolment said to be in one cohort: IM19's "The trial plans to enrol six patients in one
  cohort." passed of its two cohorts (hunt 224's leftover: "in one cohort" may place some of them, and was read of
  none). Where the count of people is the enrolment the record holds, it places them all (remark_lists._ALL_IN_ONE);
  "three patients in one cohort and three in another" passes.
- passing, false: a count of the items of a criterion's numbered sub-list: Relma-cel's "Inclusion criterion 4's
  sub-list has four items." (1 to 3) passed, only a count of "sub-criteria" being read
  (remark_numbering._SUB_LIST_COUNTED: the size of one of the numbered lists beneath it). "... has three items."
  passes.
- passing, false: a clause ending the file's title comment in the words its field is read in: IM19's "..., dosed
  flat.", "..., results posted." and "..., subcutaneous." passed (hunt 224's leftovers), the clause read only as "The
  trial is ...". It is read as "The trial has ..." where it says results, "Its route is ..." where it names a route
  (remark_prose._titled), and a basis it doses on is every cohort's (remark_prose._title_bases_unheld). "..., dosed
  per kilogram and flat." and "..., no results posted." pass.
- passing, false: the kind of body a note says the sponsor is: Relma-cel's "The sponsor is a university." passed
  (hunt 224's leftover: its sponsor.class is declared silent, and a class is held only to a value held). The kind
  ("university", "hospital", "company") is held to the words of the sponsor's name, or for a company its about text
  (remark_parts._KIND_SAID); "not" turns it. "The sponsor is a biotechnology company." and IM19's "The sponsor is a
  university hospital." pass.
- passing, false: where a stub's comment says its source lists the trial: NCT06886919's "..., listed there last."
  passed (IM19's page lists it first of five, hunt 224's leftover), only what it is listed as being read
  (remark_sections._LISTED_AT: its place among the trial ids of a section writing its id, first, last or by ordinal).
  "listed there first." passes.
- passing, false: a limit said to apply to everyone where the record conditions it: Relma-cel's note rewritten to
  "Inclusion criterion 4's floor of 7.5 mg/day prednisone applies to all patients, not only those on oral
  corticosteroids" passed (hunt 224's leftover). The thresholds of the criterion named before "applies to all
  patients", "is unconditional" (those of a number the sentence gives, where it gives one) must hold one with no
  conditions (remark_thresholds._UNCONDITIONED). Its history of 6 months, and IM19's weight floor, pass.
- passing, false: a count of what a criterion lettering no items lists, past what its words can hold: IM19's
  "Exclusion criterion 8 lists seven heart conditions." passed (hunt 225's leftover). A count above the most items
  any run of its commas holds (each piece's inner "or"/"and" parting one more; its sub-criteria's too) is refused
  (remark_numbering._series_overcounted); "five" and "six heart conditions" pass.

Left (reproduce with codes_with_a_sentence_added on the fixture registry, IM19 or Relma-cel as named; each passes):
- IM19's "Exclusion criterion 10 lists four liver enzymes." (three, bilirubin none): a count within its run of
  commas is not judged, which of the items a noun counts being unsure.
- IM19's "The trial is dosed flat." (a basis said of the trial in a note's prose, not of "every cohort") and
  Relma-cel's title ending ", dosed flat." (arms declared silent; "dosed flat" is no coded words of a basis).
- IM19's "The related trials name CD19." (three of five: no count, read as the titles').
- a sponsor's kind other than a university, a hospital or a company ("The sponsor is a government agency.").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials, codes_with_a_note_rewritten, codes_with_a_sentence_added
from test_attacks_mut_hunt224 import IM19_TITLE, codes_with_a_title


# --- A count of the limits of one kind (remark_lists._KINDS_COUNTED): IM19's washouts are inclusion criterion 5's 4
# weeks and exclusion criterion 12's 6 months; its windows exclusion criteria 2's and 4's two of 24 weeks, and 8's, 9's
# and 12's of 6 months
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The study has three washouts.", {"E501"}),
        ("Exclusion criterion 4 holds three windows of 24 weeks.", {"E501"}),
        ("Inclusion criterion 5 has two washouts.", {"E501"}),
        ("The study has two washouts.", set()),
        ("The trial has three windows of 6 months.", set()),
        ("Exclusion criterion 4 holds two 24-week windows.", set()),
        ("Exclusion criterion 4 holds one window before screening.", set()),
        ("Inclusion criterion 5 has one washout of 4 weeks.", set()),
    ],
)
def test_a_count_of_the_limits_of_a_kind_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A ratio of two criteria's lengths (remark_windows._COMPARED): IM19's exclusion criteria 2 and 4 write 24 weeks,
# 8 and 9 6 months, inclusion criterion 5's washout 4 weeks
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 8's window is twice exclusion criterion 4's.", {"E501"}),
        ("Exclusion criterion 8's window is the same as exclusion criterion 4's.", {"E501"}),
        ("Exclusion criterion 2's window is not the same as exclusion criterion 4's.", {"E501"}),
        ("Exclusion criterion 8's window is the same as exclusion criterion 9's.", set()),
        ("Exclusion criterion 2's window is six times inclusion criterion 5's washout.", set()),
        ("Exclusion criterion 2's window is not twice exclusion criterion 4's.", set()),
    ],
)
def test_a_ratio_of_two_criterias_lengths_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- An age bound's number set apart after its word (note_numbers._NAMED_BOUND): IM19's ages are 18 to 65
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The maximum age, 75, matches the source.", {"E501"}),
        ("The maximum age, 65, matches the source.", set()),
        ("The minimum age, 18 years, is the source's.", set()),
        ("The minimum age, as criterion 2 writes, is 18.", set()),
    ],
)
def test_an_age_bound_set_apart_after_its_word_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A run a note says its sources lack (remark_quotes.denied_in_sources): IM19's page writes no "Official Title" nor
# "Acronym", and writes "Brief Summary" and "Conditions" as headings (their sections empty)
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('The page has no "Brief Summary" row.', {"E501"}),
        ('"Brief Summary" appears nowhere on the page.', {"E501"}),
        ('Exclusion criterion 4 does not write "within 24 weeks".', {"E501"}),
        ('The source does not write "Brief Summary" on the page.', {"E501"}),
        ('The page has no "Official Title" row.', set()),
        ('No "Acronym" is given.', set()),
        ('The source lacks an "Acronym" heading.', set()),
        ('No "Detailed Description" is given.', set()),
        ('Exclusion criterion 3 does not write "within 24 weeks".', set()),
        ('The source does not write "Brief Summary" in Study Design.', set()),
    ],
)
def test_a_run_a_note_says_its_sources_lack_is_none_they_write(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A run quoted as a field of the record's thresholds (remarks._FIELD_SAID): IM19's weight floor is ">=" 40 "kg"
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('"≥ 40 kg" is recorded with the comparator "<=".', {"E501"}),
        ('"≥ 40 kg" is recorded with the unit "mg".', {"E501"}),
        ('"≥ 40 kg" is recorded with the comparator ">=".', set()),
        ('"Platelets <25,000/mm³" is recorded with the comparator "<".', set()),
        ('Its comparator ">=" stands for "≥".', set()),
    ],
)
def test_a_run_quoted_as_a_thresholds_field_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- How many related trials a note says name a word, "in their titles" left out (remark_names._NAMING_RIGHT_BEFORE,
# remark_lists._TITLES_NAMING): three of IM19's five related trials' titles write CD19, one IC19, none CD20
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Four of the five related trials name CD19.", {"E501"}),
        ("Three of the five related trials name CD20.", {"E501"}),
        ("Three of the five related trials name CD19, as IM19 does.", {"E501"}),
        ("Three of the five related trials name CD19.", set()),
        ("One of the related trials names IC19.", set()),
    ],
)
def test_related_trials_said_to_name_a_word_are_those_whose_titles_do(
    registry: Path, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A list's first or last criterion said by its number (remark_numbering._FIRST_OR_LAST): IM19's inclusion list
# runs from 2 to 9, its exclusion list from 2 to 13
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The inclusion list's last criterion is 10.", {"E501"}),
        ("The last inclusion criterion is 10.", {"E501"}),
        ("Inclusion criterion 8 is the last.", {"E501"}),
        ("The inclusion list's last criterion is 9.", set()),
        ("The first exclusion criterion is numbered 2.", set()),
        ("Exclusion criterion 13 is its list's last.", set()),
        ("The last inclusion criterion is not 10.", set()),
        ("Inclusion criterion 8 is the last to name a window.", set()),
    ],
)
def test_a_lists_first_or_last_criterion_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- The other criteria list's count, its verb and noun left out (note_lists._ELIDED_LIST): IM19's lists hold eight
# and twelve criteria
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Its inclusion list has eight criteria and its exclusion list thirteen.", {"E501"}),
        ("The exclusion list has thirteen criteria.", {"E501"}),
        ("Its inclusion list has eight criteria and its exclusion list twelve.", set()),
        ("The inclusion list has eight criteria and the exclusion list twelve, numbered 2 to 13.", set()),
    ],
)
def test_the_other_lists_count_its_noun_left_out_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- The criterion a limit named by its measure is said to be in (remark_thresholds._PLACED): IM19 reads its weight
# floor from inclusion criterion 3, its SLEDAI-2K floor from 6, its steroids' limits from 5, its bilirubin ceiling
# from exclusion criterion 10, its platelets from 11, its surgery windows from 4; Relma-cel its prednisone floor from
# inclusion criterion 4 (and a prednisone limit from exclusion criterion 1)
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The weight floor is in inclusion criterion 4.", {"E501"}),
        (IM19_PATH, "The platelet limit is set in exclusion criterion 10.", {"E501"}),
        (IM19_PATH, "The surgery window is in exclusion criterion 2.", {"E501"}),
        (RELMA_PATH, "The prednisone floor is in inclusion criterion 3.", {"E501"}),
        (IM19_PATH, "The steroid cap is in inclusion criterion 4.", {"E501"}),
        (IM19_PATH, "The weight floor is in inclusion criterion 3.", set()),
        (IM19_PATH, "Its surgery windows are in exclusion criterion 4.", set()),
        (IM19_PATH, "The weight floor is not in inclusion criterion 4.", set()),
        (IM19_PATH, "The steroid cap is in inclusion criterion 5.", set()),
        (IM19_PATH, "The lab limits are in exclusion criterion 11.", set()),
        (RELMA_PATH, "The prednisone floor is in inclusion criterion 4.", set()),
    ],
)
def test_the_criterion_a_limit_is_said_to_be_in_is_the_records(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- The whole enrolment said to be in one cohort (remark_lists._ALL_IN_ONE): IM19 enrols six in two cohorts
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The trial plans to enrol six patients in one cohort.", {"E501"}),
        ("All six patients are treated in one cohort.", {"E501"}),
        ("The trial plans to enrol six patients in two cohorts.", set()),
        ("The trial plans to enrol three patients in one cohort and three in another.", set()),
        ("Three patients in one cohort are dosed flat.", set()),
    ],
)
def test_the_whole_enrolment_said_in_one_cohort_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A count of the items of a criterion's numbered sub-list (remark_numbering._SUB_LIST_COUNTED): Relma-cel's
# inclusion criterion 4 nests a sub-list numbered 1 to 3
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 4's sub-list has four items.", {"E501"}),
        ("Inclusion criterion 4's numbered sub-list has 5 entries.", {"E501"}),
        ("Inclusion criterion 4's sub-list has three items.", set()),
    ],
)
def test_a_count_of_a_criterions_sub_list_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


# --- A clause ending the file's title comment, in the words its field is read in (remark_prose._titled,
# _title_bases_unheld): IM19 has no results posted, is given intravenously, and doses its first cohort per kilogram
# and its second flat
@pytest.mark.parametrize(
    ("end", "found"),
    [
        (", dosed flat.", {"E501"}),
        (", results posted.", {"E501"}),
        (", subcutaneous.", {"E501"}),
        (" - subcutaneous infusion.", {"E501"}),
        (", dosed per kilogram and flat.", set()),
        (", no results posted.", set()),
        (", intravenous.", set()),
    ],
)
def test_a_clause_ending_the_title_comment_in_its_fields_words(trials: Trials, end: str, found: set[str]) -> None:
    assert codes_with_a_title(trials, IM19_PATH, IM19_TITLE + end) == found


# --- The kind of body a note says the sponsor is (remark_parts._KIND_SAID): Relma-cel's sponsor is "SHANGHAI MING JU
# BIOTECHNOLOGY CO., LTD.", its class declared silent; IM19's "Peking University Third Hospital", class OTHER
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "The sponsor is a university.", {"E501"}),
        (IM19_PATH, "The sponsor is not a hospital.", {"E501"}),
        (RELMA_PATH, "The sponsor is a biotechnology company.", set()),
        (RELMA_PATH, "The sponsor is not a university.", set()),
        (IM19_PATH, "The sponsor is a university hospital.", set()),
        (IM19_PATH, "The sponsor is not a company.", set()),
    ],
)
def test_the_kind_of_body_the_sponsor_is_said_to_be_is_its_names(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- Where a stub's comment says its source lists the trial among the related ones (remark_sections._LISTED_AT):
# IM19's page lists NCT06886919 first of its five related trials, NCT03030976 last
STUB = "# Stub: only what the IM19 record's source (NCT06513429) says of this trial, listed there "


@pytest.mark.parametrize(
    ("shown", "end", "found"),
    [
        ("trials/NCT06886919.yaml", "last.", {"E501"}),
        ("trials/NCT03030976.yaml", "first.", {"E501"}),
        ("trials/NCT06886919.yaml", "first.", set()),
        ("trials/NCT03030976.yaml", "last.", set()),
        ("trials/NCT06886919.yaml", "as related.", set()),
    ],
)
def test_where_a_stub_is_said_listed_is_where_its_source_lists_it(
    trials: Trials, shown: str, end: str, found: set[str]
) -> None:
    assert codes_with_a_title(trials, shown, STUB + end) == found


# --- A limit said to apply to everyone (remark_thresholds._UNCONDITIONED): Relma-cel's prednisone floor and ceiling
# (inclusion criterion 4) are conditioned on oral corticosteroids, its 6 months' history is not; IM19's weight floor
# is not conditioned, its steroid ceiling (inclusion criterion 5) is
RELMA_SCOPE = (
    "applies to patients on oral corticosteroids and, by its sub-item 2, not to those also taking immunosuppressants"
)


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("applies to all patients, not only those on oral corticosteroids", {"E501"}),
        ("is unconditional", {"E501"}),
        ("applies to patients on oral corticosteroids", set()),
    ],
)
def test_a_conditioned_limit_said_to_apply_to_everyone(registry: Path, new: str, found: set[str]) -> None:
    assert codes_with_a_note_rewritten(registry, RELMA_PATH, RELMA_SCOPE, new) == found


@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "Inclusion criterion 4's ceiling of 30 mg/day applies to all patients.", {"E501"}),
        (IM19_PATH, "Inclusion criterion 5's steroid ceiling of 30 mg/day applies to all patients.", {"E501"}),
        (RELMA_PATH, "Inclusion criterion 4's history of 6 months applies to all patients.", set()),
        (IM19_PATH, "Inclusion criterion 3's weight floor applies to all patients.", set()),
    ],
)
def test_a_limit_said_to_apply_to_everyone_is_one_held_so(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A count of what a criterion lettering none lists, past its runs of commas (remark_numbering._series_overcounted):
# IM19's exclusion criterion 8 lists five heart conditions (one of them two joined by "or"), its criterion 6 five
# infections and a deficiency; Relma-cel's inclusion criterion 4 runs eleven therapies at most
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "Exclusion criterion 8 lists seven heart conditions.", {"E501"}),
        (RELMA_PATH, "Inclusion criterion 4 lists twelve immunosuppressants.", {"E501"}),
        (IM19_PATH, "Exclusion criterion 8 lists five heart conditions.", set()),
        (IM19_PATH, "Exclusion criterion 10 lists three liver enzymes.", set()),
        (IM19_PATH, "Inclusion criterion 5 lists three therapies.", set()),
        (RELMA_PATH, "Inclusion criterion 4 lists seven immunosuppressants.", set()),
    ],
)
def test_a_count_past_a_criterions_runs_of_commas(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found
