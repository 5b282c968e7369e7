"""A hostile mutation hunt on the remark checks (helper-103's, hunt 225) on the curated records' notes: what hunt 223
left, reproduced on main and read as classes, each with a twin of the same shape (true where the case is false) that
the check still judges right. A sentence is added to a note in memory and the record checked as `trials validate`
checks a file (mutations.Checks), on the registry copy of the module's tests.

Found and fixed (E501):

- passing, false: an age bound after another, its verb left out: Relma-cel's "The minimum age is 18, the maximum 75."
  (its 18 to 70) passed, the second bound read by nothing (note_numbers._ELIDED_BOUND). "The minimum age is 18 and
  the maximum 70." and "The minimum age is 18, and the upper limit 3 sites." pass.
- passing, false: a length said in the plural of what it is, of criteria named together: IM19's "Exclusion criteria 3
  and 4 have windows of 24 weeks." passed (its criterion 3 has none), held to any of them; "windows of", "24-week
  windows" are each criterion's (remarks._PLURAL_NOUN). "... 2 and 4 have windows of 24 weeks." passes.
- passing, false: a count of the items a criterion letters in its text, said in words of what they are: IM19's
  "Exclusion criterion 11 lists four hematological abnormalities." passed (a. to e.), read by nothing
  (remark_numbering._ITEMS_COUNTED: its words "items", or written right before its "a."). "... lists five
  hematological abnormalities." and "... lists two kidney thresholds." pass.
- passing, false: a condition a criterion is said to list, named with its variant: IM19's "Exclusion criterion 6 lists
  hepatitis A." passed (it writes "hepatitis B or C"), an item's letter ending the name read and "hepatitis" written
  (remark_categories._VARIANT: a capital letter, or the number of a stage or type, must follow the name among the
  criterion's variants). "... lists hepatitis C." and "Exclusion criterion 11 lists stage 4 kidney failure." pass.
- passing, false: two lengths of the record's criteria set against each other: IM19's "Exclusion criterion 8's window
  is shorter than exclusion criterion 4's." (6 months to 24 weeks) and Relma-cel's "Exclusion criterion 1's window is
  shorter than its therapy's length." (8 weeks to 14 days) passed, read by nothing
  (remark_windows.check_remark_lengths_compared: the criteria's limits of time, "not" turning the order). The true
  twins pass.
- passing, false: the only limit of a kind a note gives a length: IM19's "The only washout is 4 weeks." passed (its
  washouts are 4 weeks and 6 months), read by nothing (remark_thresholds._ONLY_ONE: every threshold of the kind holds
  the length). Relma-cel's "The only window is 8 weeks." and IM19's "Its washouts are 4 weeks and 6 months." pass.
- passing, false: a cohort's dose basis said after "dose is": IM19's "The second cohort's dose is per kilogram." (and
  "... is weight-based", "The first cohort's dose is flat.") passed, the phrasing not among those read
  (coded_words._DOSE_IS). The true twins pass.
- both ways, a count a note says the summary gives: Relma-cel's "The summary says the trial runs in one location."
  passed (its summary says "multiple locations") and "... in multiple locations." was refused, held to the record's
  one location. What a summary is said to say ("the summary says", "according to the summary") is held to its
  summaries' counts (remark_lists._SUMMARY_SAYS); "The source lists two locations." is still refused.
- passing, false: how many of the related trials' titles a note says name a word: IM19's "Four of the related trials'
  titles name CD19." (three do) and "Three of the related trials' titles name CD20." (none does, its criterion 12
  writing CD20) passed, the count read by nothing (remark_lists._TITLES_NAMING). The true counts pass.
- refused, true (hunt 223's leftover): IM19's "Three of the five related trials name CD19 in their titles." was
  refused as naming 'CD19' of IM19 (remark_names): only "the related trials' titles name CD19" was read as the
  titles'. The related trials named before the molecule, "in their titles" right after it, are read so too
  (remark_names._RELATED_TRIALS, _IN_THEIR_TITLES); "..., as IM19 targets it." is still refused, and the false
  counts by _TITLES_NAMING.
- refused, true (found here): IM19's "Exclusion criterion 11 lists hematological abnormalities a. to e." was refused
  as counting 11 items of a range of 5, the criterion's number read as the count (note_items._RANGE_COUNTED: not
  after "criterion", "criteria", "item", "number"). "... lists four hematological abnormalities a. to e." is refused.
- passing, false (found here): the second age bound after a first written with its unit: IM19's "The minimum age is
  18 years, the maximum 75." passed (its 18 to 65), the elided bound read only after a first of no unit
  (note_numbers._YEARS_WRITTEN). "... 18 years, the maximum 65." passes.
- passing, false (found here): a condition and its variant said of a criterion that never names it, another writing
  it: IM19's "Inclusion criterion 5 lists hepatitis B." passed (its exclusion criterion 6 writes it), the letter
  ending the name read (remark_categories._variants_unwritten). "Exclusion criterion 10 lists SLE hepatitis." passes.
- passing, false (found here): a dose basis after "the dose for/of <cohort> is": IM19's "The dose for patients 4 to 6
  is given per kg." passed, "dose is" read with nothing between (coded_words._DOSE_IS). The true twins pass.
- passing, false (found here): a window set against a washout: IM19's "Exclusion criterion 9's window is shorter than
  inclusion criterion 5's washout." (6 months to 4 weeks) passed, a WASHOUT limit being no window of
  check_remark_lengths_compared's. It is one now; the true twins pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_sentence_added


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The minimum age is 18, the maximum 75.", {"E501"}),
        ("The minimum age is 18 and the maximum 65.", {"E501"}),
        ("The maximum age is 70, the minimum 21.", {"E501"}),
        ("The minimum age is 18, the maximum 70.", set()),
        ("The minimum age is 18 and the maximum 70.", set()),
        ("The minimum age is 18, and the upper limit 3 sites.", set()),
    ],
)
def test_a_second_age_bound_with_its_verb_left_out(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criteria 3 and 4 have windows of 24 weeks.", {"E501"}),
        ("Exclusion criteria 8 and 10 have windows of 6 months.", {"E501"}),
        ("Exclusion criteria 3 and 4 have 24-week windows.", {"E501"}),
        ("Exclusion criteria 2 and 4 have windows of 24 weeks.", set()),
        ("Of exclusion criteria 3 and 4, one has a window of 24 weeks.", set()),
    ],
)
def test_a_length_said_in_the_plural_is_each_criterions(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 11 lists four hematological abnormalities.", {"E501"}),
        ("Exclusion criterion 11 lists six abnormalities of the blood.", {"E501"}),
        ("Exclusion criterion 11 has four lettered items.", {"E501"}),
        ("Exclusion criterion 11 lists five hematological abnormalities.", set()),
        ("Exclusion criterion 11 has five lettered items.", set()),
        ("Exclusion criterion 11 lists two kidney thresholds.", set()),
    ],
)
def test_a_criterions_lettered_items_counted_by_what_they_are(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 6 lists hepatitis A.", {"E501"}),
        ("Exclusion criterion 6 lists hepatitis D virus infection.", {"E501"}),
        ("Exclusion criterion 11 lists stage 3 kidney failure.", {"E501"}),
        ("Exclusion criterion 6 lists hepatitis B.", set()),
        ("Exclusion criterion 6 lists chronic hepatitis B or C virus infection.", set()),
        ("Exclusion criterion 11 lists stage 4 kidney failure.", set()),
    ],
)
def test_a_condition_listed_with_its_variant(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "Exclusion criterion 8's window is shorter than exclusion criterion 4's.", {"E501"}),
        (IM19_PATH, "Exclusion criterion 8's window is not longer than criterion 4's.", {"E501"}),
        (IM19_PATH, "Exclusion criterion 9's window is longer than exclusion criterion 8's.", {"E501"}),
        (RELMA_PATH, "Exclusion criterion 1's window is shorter than its therapy's length.", {"E501"}),
        (RELMA_PATH, "Exclusion criterion 1's window is shorter than the length of its therapy.", {"E501"}),
        (IM19_PATH, "Exclusion criterion 8's window is longer than exclusion criterion 4's.", set()),
        (IM19_PATH, "Exclusion criterion 8's window is not shorter than criterion 4's.", set()),
        (RELMA_PATH, "Exclusion criterion 1's window is longer than its therapy's length.", set()),
    ],
)
def test_two_lengths_set_against_each_other(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The only washout is 4 weeks.", {"E501"}),
        (IM19_PATH, "4 weeks is the only washout.", {"E501"}),
        (RELMA_PATH, "The only window is 14 days.", {"E501"}),
        (RELMA_PATH, "The only window is 8 weeks.", set()),
        (IM19_PATH, "The only washout of biological agents is 4 weeks.", set()),
        (IM19_PATH, "Its washouts are 4 weeks and 6 months.", set()),
    ],
)
def test_the_only_limit_of_a_kind_is_every_one_of_it(registry: Path, shown: str, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The second cohort's dose is per kilogram.", {"E501"}),
        ("The second cohort's dose is weight-based.", {"E501"}),
        ("The first cohort's dose is flat.", {"E501"}),
        ("The first cohort's dose is per kilogram.", set()),
        ("The second cohort's dose is flat.", set()),
    ],
)
def test_a_dose_basis_said_after_dose_is(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The summary says the trial runs in one location.", {"E501"}),
        ("The summary says the trial runs in two locations.", {"E501"}),
        ("According to the summary, the trial is conducted in one location.", {"E501"}),
        ("The source lists two locations.", {"E501"}),
        ("The summary says the trial runs in multiple locations.", set()),
        ("The source lists one location.", set()),
    ],
)
def test_a_count_said_as_the_summarys_is_the_summarys(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Four of the related trials' titles name CD19.", {"E501"}),
        ("Three of the related trials' titles name CD20.", {"E501"}),
        ("Three of the related trials' titles name Anti-CD19.", {"E501"}),
        ("Three of the related trials' titles name CD19.", set()),
        ("Two of the related trials' titles name Anti-CD19.", set()),
    ],
)
def test_the_related_trials_titles_naming_a_word_are_counted(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Three of the five related trials name CD19 in their titles.", set()),
        ("Four of the five related trials name CD19 in their titles.", {"E501"}),
        ("Three of the five related trials name CD20 in their titles.", {"E501"}),
        ("Three of the five related trials name CD19 in their titles, as IM19 targets it.", {"E501"}),
    ],
)
def test_a_molecule_the_related_trials_name_in_their_titles(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 11 lists hematological abnormalities a. to e.", set()),
        ("Exclusion criterion 11 lists four hematological abnormalities a. to e.", {"E501"}),
    ],
)
def test_a_criterions_number_before_its_lettered_range_counts_nothing(
    registry: Path, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The minimum age is 18 years, the maximum 75.", {"E501"}),
        ("The minimum age is 21 years, the maximum 65.", {"E501"}),
        ("The minimum age is 18 years, the maximum 65.", set()),
        ("The minimum age is 18 years old, and the maximum 65.", set()),
    ],
)
def test_a_second_age_bound_after_a_first_with_its_unit(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 5 lists hepatitis B.", {"E501"}),
        ("Exclusion criterion 7 lists hepatitis C.", {"E501"}),
        ("Exclusion criterion 6 lists hepatitis B.", set()),
        ("Exclusion criterion 10 lists SLE hepatitis.", set()),
    ],
)
def test_a_condition_and_variant_another_criterion_writes(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The dose for patients 4 to 6 is given per kg.", {"E501"}),
        ("The dose of the second cohort is per kilogram.", {"E501"}),
        ("The dose for patients 1 to 3 is flat.", {"E501"}),
        ("The dose for patients 1 to 3 is given per kg.", set()),
        ("The dose for patients 4 to 6 is flat.", set()),
    ],
)
def test_a_dose_basis_said_of_the_cohort_the_dose_is_for(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 9's window is shorter than inclusion criterion 5's washout.", {"E501"}),
        ("Exclusion criterion 12's washout is shorter than exclusion criterion 2's window.", {"E501"}),
        ("Exclusion criterion 9's window is longer than inclusion criterion 5's washout.", set()),
        ("Exclusion criterion 12's washout is longer than exclusion criterion 2's window.", set()),
    ],
)
def test_a_washout_is_a_window_set_against_another(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found
