"""A hostile mutation hunt on the remark checks (helper-100's, hunt 224) on the curated records' notes: what honest
hunt 218 left passing, reproduced on main and read as classes, each with a true twin of the same shape that passes
still. A sentence is added to a note (or a note rewritten) in memory and the record checked as `trials validate`
checks a file (mutations.Checks), on the registry copy of the module's tests.

Found and fixed (E501):

- the order of two quotations a criterion is said to write: IM19's 'Exclusion criterion 4 writes "after enrollment"
  before "prior to screening".' and Relma-cel's 'Exclusion criterion 1 writes "mg/d" before "within 8 weeks prior to
  screening".' passed, each criterion writing them the other way round: an order claim's sides were read with their
  quotations blanked (remark_order.check_remark_order now reads them as written:
  remarks.sentences_naming_criteria_quoting).
- a count of related clinical trials: IM19's "Six related clinical trials are listed." (and "Six Related Clinical
  Trials ...", "Six related trials ...") passed of its five, on any note: "related clinical trials" was no noun a
  count was read of, and "related trials" only on the related_trials' note. A note on any field counts them by the
  phrase (remark_lists._COUNTED_BY_PHRASE, _CLINICAL; note_lists.counts_of reads a noun of two words).
- a cohort's dose said in prose: IM19's "Patients 1 to 3 are dosed flat." passed (they are dosed per kilogram), a
  basis being read only of the cohort a note is on (note_cohorts.bases_given, remarks._bases_of_other_cohorts); and
  "Each cohort receives 1×10^8 CAR-T cells." passed, a dose said of every cohort placed on none
  (remarks._doses_of_every_cohort). "Patients 4 to 6 are dosed flat." and "Each cohort receives CAR-T cells:
  1×10^6/kg for patients 1 to 3, ..." pass.
- a count of what people are put in: IM19's "The trial plans to enrol six patients in three cohorts." passed of its
  two (note_lists._COUNT_IN); "in one cohort" may place some of them, and is not read.
- a count of the thresholds a criterion holds: IM19's "Inclusion criterion 5 is long: it holds seven thresholds, three
  of them conditioned on steroids." passed of its six (remark_lists._limits_counted); "two thresholds on steroids'
  dose" counts some of them (note_lists._QUALIFIED).
- a count of people put in two or more parts: IM19's comment "# Seven participants in two cohorts." passed of its six
  (and so would a note): head_counts reads "N participants in ... cohort" as a part's count, so a fact read nothing
  of it; in two or more parts it is all of them (remarks._PEOPLE_IN_PARTS).

Found by this hunt's own mutations and fixed (E501):

- a section named by its first word: IM19's 'under "key timeline milestones" in Basic Information' rewritten to "in
  Eligibility" passed, its source writing them in Basic Information: a section after a quotation was named whole or by
  its last word only. A capitalised name is also read by its first word where one heading alone starts with it
  (remark_sections._unwritten, heading_named's first_word); "in Study" (three headings) is not read.
- an age of no unit whose bound is named before it, or after it: IM19's "The upper age limit is 70." (65) and
  Relma-cel's "The trial accepts patients aged 16 and over." (18) passed: an age of no unit was read only after
  "aged", "up to", "over" and the like (note_numbers._NAMED_BOUND_AGES; "and over", "or younger" in
  _UNITLESS_AGES).
- whether results are posted, in prose: IM19's "The trial has results posted." passed beside its results_posted
  false, the field read in a note by nothing (coded_words' results_posted, read by remark_prose); "No results are
  posted." passes, and on Relma-cel, which declares the field silent, either is refused.
- each condition a listed run joins: IM19's "Inclusion criterion 5 names belizumab and Rituximab." (criterion 4
  writes Rituximab) and "Exclusion criterion 9 lists deep vein thrombosis and unstable angina." passed, only a
  listed run's first words being read (remark_categories._items_listed). "... deep vein thrombosis and pulmonary
  embolism." passes.
- a count of the record's thresholds as a whole: IM19's "The record holds 25 thresholds." (22) passed: a sentence
  naming no criterion but the record ("record", "in all", "in total") counts them all (remark_lists._limits_counted);
  a count with a word before its noun ("two age limits") counts some of them.
- a coded value at the end of a file's title comment: IM19's "# IM19 CAR-T cells in refractory SLE (Peking University
  Third Hospital), completed." and "..., randomised." passed beside its RECRUITING and its single group, only a phase
  there being read as said of the trial; any clause after a comma or a dash is (remark_prose._TITLES_CLAUSE).
  "..., recruiting." and "..., single group." pass.
- a count of prior therapies: IM19's "Inclusion criterion 4 names four prior therapies." passed of the three its prior
  therapy holds (remark_lists._therapies_counted); "two prior therapies of the immune system" counts some of them.

Left (false, passing; reproduce with codes_with_a_sentence_added on the fixture registry, IM19 or Relma-cel as named):
- counts of what a criterion lists in its words: IM19's "Exclusion criterion 11 lists four hematological
  abnormalities." (a. to e.), "Exclusion criterion 8 lists seven heart conditions.", "Exclusion criterion 4 holds three
  windows of 24 weeks." (two);
  Relma-cel's "Inclusion criterion 4's sub-list has four items." (1 to 3).
- IM19's "The weight floor is in inclusion criterion 4." (a threshold placed by its measure, not its value, in a
  criterion holding none of it), "The inclusion list's last criterion is 10.", "Its inclusion list has eight criteria
  and its exclusion list thirteen." (a second count whose noun is left out), "The trial plans to enrol six patients in
  one cohort." ("in one cohort" may place some of them, and is not read).
- Relma-cel's "The sponsor is a university." (sponsor.class declared silent, a sponsor's class held only to a value
  held) and its note rewritten to "applies to all patients, not only those on oral corticosteroids" (the scope of a
  limit's condition); IM19's 'in Basic Information' rewritten to "in Study" (three headings start so: not read).
- comments: a count of related trials in a comment ("# ..., six related trials." on IM19) is not read, an invalid
  fixture's header counting its source's (tests/fixtures/invalid/E519-related-trial-left-out.yaml); IM19's title
  ending ", dosed flat.", ", results posted." or ", subcutaneous." (no coded words read in that form); a stub's
  "listed there last." (NCT06886919 is listed first).
- the strict xfails of hunts 207 to 211 and test_attacks_note_names_review stand, their reasons unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials, codes_with_a_note_rewritten, codes_with_a_sentence_added


# --- The order of two quotations a criterion writes (remark_order, remarks.sentences_naming_criteria_quoting): IM19's
# exclusion criterion 4 writes "prior to screening", then "after enrollment"; Relma-cel's exclusion criterion 1
# "within 8 weeks prior to screening", then "mg/d"
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, 'Exclusion criterion 4 writes "after enrollment" before "prior to screening".', {"E501"}),
        (RELMA_PATH, 'Exclusion criterion 1 writes "mg/d" before "within 8 weeks prior to screening".', {"E501"}),
        (IM19_PATH, 'Exclusion criterion 4 writes "prior to screening" after "after enrollment".', {"E501"}),
        (IM19_PATH, 'Exclusion criterion 4 writes "prior to screening" before "after enrollment".', set()),
        (RELMA_PATH, 'Exclusion criterion 1 writes "within 8 weeks prior to screening" before "mg/d".', set()),
        (IM19_PATH, 'Exclusion criterion 4 writes "after enrollment" after "prior to screening".', set()),
    ],
)
def test_two_quotations_are_held_to_the_order_the_criterion_writes_them(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A count of related clinical trials on any note (remark_lists._CLINICAL, _COUNTED_BY_PHRASE): IM19 lists five
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Six related clinical trials are listed.", {"E501"}),
        ("Six Related Clinical Trials are listed.", {"E501"}),
        ("Six related trials are listed.", {"E501"}),
        ("The page lists four related clinical trials.", {"E501"}),
        ("Five related clinical trials are listed.", set()),
        ("Five Related Clinical Trials are listed.", set()),
        ("The page lists five related trials.", set()),
    ],
)
def test_a_count_of_related_clinical_trials_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A count of what people are put in (note_lists._COUNT_IN): IM19 holds two cohorts
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The trial plans to enrol six patients in three cohorts.", {"E501"}),
        ("The six patients are split into three cohorts.", {"E501"}),
        ("The trial plans to enrol six patients in two cohorts.", set()),
        ("The six patients are split into two cohorts.", set()),
        ("Three patients in one cohort are dosed per kilogram.", set()),
    ],
)
def test_a_count_of_cohorts_people_are_put_in_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A count of the thresholds a criterion holds (remark_lists._limits_counted, note_lists._QUALIFIED): IM19 reads
# six from inclusion criterion 5, six from exclusion criterion 11
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 5 is long: it holds seven thresholds, three of them conditioned on steroids.", {"E501"}),
        ("Exclusion criterion 11 gives five limits.", {"E501"}),
        ("Inclusion criterion 5 is long: it holds six thresholds, three of them conditioned on steroids.", set()),
        ("Exclusion criterion 11 gives six limits.", set()),
        ("Inclusion criterion 5 holds two thresholds on steroids' dose.", set()),
    ],
)
def test_a_count_of_a_criterions_thresholds_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A dose's basis said of a cohort, and a dose said of every cohort (note_cohorts.bases_given,
# remarks._bases_of_other_cohorts, _doses_of_every_cohort): IM19 doses patients 1 to 3 1×10^6/kg (per kilogram),
# patients 4 to 6 1×10^8 CAR-T cells (flat)
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Patients 1 to 3 are dosed flat.", {"E501"}),
        ("The second cohort receives a weight-based dose.", {"E501"}),
        ("Each cohort is dosed per kilogram.", {"E501"}),
        ("Each cohort receives 1×10^8 CAR-T cells.", {"E501"}),
        ("Each cohort receives 1×10^6/kg CAR-T cells.", {"E501"}),
        ("Patients 4 to 6 are dosed flat.", set()),
        ("Patients 1 to 3 are dosed per kilogram.", set()),
        ("The second cohort receives a fixed dose.", set()),
        ("Patients 4 to 6 are not dosed per kilogram.", set()),
        ("Each cohort receives CAR-T cells: 1×10^6/kg for patients 1 to 3, and 1×10^8 for patients 4 to 6.", set()),
        ("Each cohort receives 1×10^6/kg or 1×10^8 CAR-T cells.", set()),
    ],
)
def test_a_dose_said_of_a_cohort_is_the_one_it_receives(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A count of people put in two or more parts, in a comment (remarks._PEOPLE_IN_PARTS): IM19 enrols six in two
# cohorts
def codes_with_a_comment_added(trials: Trials, shown: str, comment: str) -> set[str]:
    """The codes of `trials validate` of the record at shown with comment added as its file's second line."""
    path = trials.root / shown
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0] + comment + "\n" + "".join(lines[1:]), encoding="utf-8")
    return trials.json("validate", shown).codes()


@pytest.mark.parametrize(
    ("comment", "found"),
    [
        ("# Seven participants in two cohorts.", {"E501"}),
        ("# 7 patients split into two cohorts.", {"E501"}),
        ("# Six participants in two cohorts.", set()),
        ("# 6 patients split into two cohorts.", set()),
    ],
)
def test_a_count_of_people_in_parts_is_all_of_them(trials: Trials, comment: str, found: set[str]) -> None:
    assert codes_with_a_comment_added(trials, IM19_PATH, comment) == found


# --- A section named by its first word (remark_sections._unwritten): IM19's source writes "key timeline milestones"
# in Basic Information, "Weight ≥ 40 kg" in Eligibility Criteria; Relma-cel's "0 patients applied" in Patients applied
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, 'The source writes "Weight ≥ 40 kg" in Basic.', {"E501"}),
        (RELMA_PATH, 'The page writes "0 patients applied" in Similar.', {"E501"}),
        (IM19_PATH, 'The source writes "Weight ≥ 40 kg" in Eligibility.', set()),
        (RELMA_PATH, 'The page writes "0 patients applied" in Patients.', set()),
    ],
)
def test_a_section_named_by_its_first_word_holds_the_quotation(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


@pytest.mark.parametrize(("new", "found"), [("in Eligibility", {"E501"}), ("in Basic", set())])
def test_a_note_placing_its_dates_in_a_section_by_its_first_word(registry: Path, new: str, found: set[str]) -> None:
    assert codes_with_a_note_rewritten(registry, IM19_PATH, "in Basic Information", new) == found


# --- An age of no unit, its bound named before or after it (note_numbers._NAMED_BOUND_AGES, _UNITLESS_AGES): IM19
# takes ages 18 to 65, Relma-cel 18 to 70
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The upper age limit is 70.", {"E501"}),
        (IM19_PATH, "The minimum age is 16.", {"E501"}),
        (RELMA_PATH, "The trial accepts patients aged 16 and over.", {"E501"}),
        (RELMA_PATH, "Adults 75 or younger may enrol.", {"E501"}),
        (IM19_PATH, "The upper age limit is 65.", set()),
        (IM19_PATH, "The minimum age is 18.", set()),
        (RELMA_PATH, "The trial accepts patients aged 18 and over.", set()),
        (RELMA_PATH, "Adults 70 or younger may enrol.", set()),
    ],
)
def test_an_age_its_bound_names_is_the_records(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- Whether results are posted (coded_words._RESULTS_POSTED): IM19 holds results_posted false, Relma-cel declares it
# silent
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The trial has results posted.", {"E501"}),
        (IM19_PATH, "Results have been posted.", {"E501"}),
        (RELMA_PATH, "The trial has results posted.", {"E501"}),
        (IM19_PATH, "The trial has no results posted.", set()),
        (IM19_PATH, "Results have not yet been posted.", set()),
        (RELMA_PATH, "The source does not say whether results are posted.", set()),
    ],
)
def test_results_said_posted_are_as_the_record_holds(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- Each condition a listed run joins (remark_categories._items_listed): IM19's inclusion criterion 5 names belizumab
# and Telitacicept, criterion 4 belizumab and Rituximab; exclusion criterion 9 DVT and pulmonary embolism
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 5 names belizumab and Rituximab.", {"E501"}),
        ("Exclusion criterion 9 lists deep vein thrombosis and unstable angina.", {"E501"}),
        ("Exclusion criterion 10 lists ALT and eGFR.", {"E501"}),
        ("Inclusion criterion 5 names belizumab and Telitacicept.", set()),
        ("Inclusion criterion 4 names belizumab or Rituximab.", set()),
        ("Exclusion criterion 9 lists deep vein thrombosis and pulmonary embolism.", set()),
        ("Exclusion criterion 10 lists ALT (alanine aminotransferase) and bilirubin.", set()),
    ],
)
def test_each_condition_a_listed_run_joins_is_the_criterions(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- A count of the record's thresholds in all (remark_lists._limits_counted): IM19 holds 22, Relma-cel 15
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The record holds 25 thresholds.", {"E501"}),
        (IM19_PATH, "There are 20 thresholds in all.", {"E501"}),
        (RELMA_PATH, "The record holds nine thresholds.", {"E501"}),
        (IM19_PATH, "The record holds 22 thresholds.", set()),
        (IM19_PATH, "There are 22 thresholds in all.", set()),
        (RELMA_PATH, "The record holds 15 thresholds.", set()),
        (IM19_PATH, "The two age limits are 18 and 65.", set()),
        (IM19_PATH, "It holds five limits.", set()),
    ],
)
def test_a_count_of_the_records_thresholds_is_all_it_holds(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A coded value at the end of the file's title comment (remark_prose._TITLES_CLAUSE): IM19 is RECRUITING, of a
# single group, not randomised
def codes_with_a_title(trials: Trials, shown: str, comment: str) -> set[str]:
    """The codes of `trials validate` of the record at shown with its first line (a comment) replaced by comment."""
    path = trials.root / shown
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(comment + "\n" + "".join(lines[1:]), encoding="utf-8")
    return trials.json("validate", shown).codes()


IM19_TITLE = "# IM19 CAR-T cells in refractory SLE (Peking University Third Hospital)"


@pytest.mark.parametrize(
    ("end", "found"),
    [
        (", completed.", {"E501"}),
        (", randomised.", {"E501"}),
        (" - completed.", {"E501"}),
        (", recruiting.", set()),
        (", single group.", set()),
        (".", set()),
    ],
)
def test_a_coded_value_ending_the_title_comment_is_the_trials(trials: Trials, end: str, found: set[str]) -> None:
    assert codes_with_a_title(trials, IM19_PATH, IM19_TITLE + end) == found


# --- A count of prior therapies (remark_lists._therapies_counted): IM19's prior therapy holds three
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 4 names four prior therapies.", {"E501"}),
        ("Inclusion criterion 4 names two prior therapies.", {"E501"}),
        ("Inclusion criterion 4 names three prior therapies.", set()),
        ("Inclusion criterion 4 names two prior therapies of the immune system.", set()),
    ],
)
def test_a_count_of_prior_therapies_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found
