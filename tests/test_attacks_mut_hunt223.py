"""A hostile mutation hunt on the remark checks (helper-96's, hunt 223) on the curated records' notes: what hunts 217
and 222 left, reproduced on main and read as classes, each with a twin of the same shape (true where the case is
false, false where it is true) that the check still judges right. A sentence is added to a note (or a note rewritten)
in memory and the record checked as `trials validate` checks a file (mutations.Checks).

Found and fixed:

- refused, true (hunt 217's leftover): IM19's "The study started on 2024-07-30, before the enrolment of its 6
  participants ends." was read as a place on the page (E501 remark_order.check_source_order): the field's event verb
  was read only right after its words; it is read after what they are of ("of its 6 participants"), in their clause
  (remark_order._AN_EVENT). "... lists the dates (...) before the enrolment of its 6 participants." is still refused.
- passing, false (hunt 222's leftover): the numbers the two criteria lists start and end at, said otherwise than
  right after "start/end at": IM19's "The criteria lists start at 2 and 2 and end at 9 and 15.", "The lists run from 1
  to 9 and from 1 to 15.", "The inclusion list runs from 1 to 9." and "The inclusion list ends at 9, the exclusion
  list at 15." (its lists run from 2 to 9 and from 2 to 13) passed (remark_numbering._PAIRED's second pair, _RUNS,
  _GAPPED).
- refused, true: IM19's 'Unlike exclusion criterion 3, exclusion criterion 4 writes "within N weeks".' was refused
  (E501 remark_quotes.criteria_not_writing): the criteria named first in the sentence were taken as the writer. The
  last named are, unless set against it ("unlike", "not", "other than"): 'Exclusion criterion 3, unlike criterion 4,
  writes "within N weeks".' is still refused.
- passing, false (hunt 222's leftover): criteria said to write a quotation, named otherwise than by number: IM19's
  'Where a criterion, as the first two criteria do, says "within N weeks"' (and "the first two exclusion criteria",
  "the last criterion", "the second inclusion criterion", "both exclusion criteria on hepatitis") passed. Criteria are
  read by their place in their list ("the first two", "the second and third", "the last": of each list read where
  none is named, any standing) and by what they are on (each criterion read writing those words)
  (remark_quotes._BY_PLACE, _BY_TOPIC). "the third exclusion criterion", "the exclusion criterion on surgery" (its
  criterion 4) and true quotes of the others pass.
- both ways, a quotation criteria are said not to write: IM19's 'Exclusion criterion 4 does not write "within N
  weeks".' passed (it does) and criterion 3's, true, was refused, as was 'Neither exclusion criterion 3 nor 5 writes
  ...': a denial was read as the claim it denies. A denial after the criteria ("not", "never", "n't"; not "not only",
  nor a criterion set against the writer), "neither ... nor" and "no" before them, turn the claim round
  (remark_quotes._DENIED, _NEITHER).
- passing, false: an age bound named by its word, with no unit: Relma-cel's "The maximum age is 75." and "The minimum
  age is 21." (its 18 to 70) passed: an age of no unit was read only after "ages", "aged" or "adults"
  (note_numbers._NAMED_BOUND). "The maximum age is 70." and "The upper age limit is seventy." pass.
- passing, false: a count of the related trials in a note on another field: IM19's "The source lists six related
  trials." on its thresholds (five) passed, the phrase read only on a note on the related trials
  (remark_lists._PHRASES). "... five related trials." and "two related conditions" pass.
- passing, false: a cohort's dose basis said of a cohort the sentence names, in a note on another field: IM19's "The
  second cohort is given a per-kilogram dose." and "Patients 1 to 3 receive a flat dose." passed, held to every
  cohort's bases (remark_prose._COHORT_NAMED). "The second cohort is given a flat dose." passes, as does a cohort set
  against the clause's ("Unlike the first cohort, the second is given a flat dose.").
- passing, false: a count of a criterion's sub-criteria said with a verb: Relma-cel's "Inclusion criterion 4 holds
  three sub-criteria." (two its own, five in all) passed, only "its" or "criterion 4's" before the count being read
  (remark_numbering._SUBS_COUNTED). "... holds two sub-criteria." and "... has five sub-criteria in all." pass.
- passing, false: a count of the record's thresholds, or of a criterion's: IM19's "The record holds 30 thresholds."
  (22), "Exclusion criterion 10 holds three thresholds." (two) and "Inclusion criterion 5 holds seven thresholds."
  (six) passed, such a count read by nothing (remark_thresholds._COUNTED). The true counts pass.
- passing, false: two of the record's dates said one before the other in time: IM19's "The study completion date,
  2027-12-31, comes before the start date.", "The study starts after it completes." and "The last updated date falls
  later than the completion date." passed, such an order read by nothing (remark_dates._misordered). Their true twins,
  and "The source lists the completion date before the start date." (a place on the page), pass.
- passing, false: a length said of each of several criteria named together: IM19's "Exclusion criteria 8, 9 and 11
  share a window of 6 months." and "Exclusion criteria 2 and 3 both write windows of 24 weeks." passed, the fact held
  to any one of them (remarks._EACH_OF_THEM: "each", "both", "all", "share", every one must write it). "... 8, 9 and
  12 share ..." and "... 2 and 4 both ..." pass.
- passing, false: a criterion said to be the only one of its list writing a length: IM19's "Only exclusion criterion
  12 writes a window of 6 months.", "Exclusion criterion 9 alone writes ..." and "Exclusion criterion 4 is the only
  criterion with a 24-week window." passed (its criteria 8 and 9, and 2, write them too): what a note says no other
  criterion writes was read by nothing (remarks._facts_said_only_of). "Only exclusion criterion 10 sets a limit of
  3×ULN." and "Inclusion criterion 5 alone sets a limit of 30 mg/day." pass.
- passing, false: the side an inclusion criterion's limit is said to bound: IM19's "Inclusion criterion 3's weight is a
  ceiling." (its "≥ 40 kg") and "Inclusion criterion 6's score is a ceiling." passed, a limit's side in words read by
  nothing (remark_thresholds._SIDE_SAID: floor, minimum, lower bound; ceiling, cap, maximum, upper bound; "not"
  turning it round), held to the criterion's thresholds its words name, or all of them. The true twins pass.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, IM19_WINDOW_NOTE, RELMA_ENROLLMENT_NOTE, RELMA_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt223"))


def added_to_im19(checks: Checks, sentence: str) -> set[str]:
    """The codes of IM19's record with a sentence added after its note's sentence on exclusion criterion 8."""
    return rewritten(checks, IM19_PATH, IM19_WINDOW_NOTE, f"{IM19_WINDOW_NOTE} {sentence}")


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The study started on 2024-07-30, before the enrolment of its 6 participants ends.", set()),
        ("The study started on 2024-07-30, before the enrolment of its 6 participants has ended.", set()),
        ("The source lists the dates (2024-07-30, 2027-12-31) before the enrolment of its 6 participants.", {"E501"}),
        (
            "The source lists the dates (2024-07-30, 2027-12-31) before the enrolment of its 6 participants, which "
            "ends the line.",
            {"E501"},
        ),
    ],
)
def test_a_fields_event_verb_after_what_it_is_of_is_a_time(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The criteria lists start at 2 and 2 and end at 9 and 15.", {"E501"}),
        ("The lists run from 1 to 9 and from 1 to 15.", {"E501"}),
        ("The inclusion and exclusion lists run from 2 to 9 and 2 to 15.", {"E501"}),
        ("The inclusion list runs from 1 to 9.", {"E501"}),
        ("The inclusion list ends at 9, the exclusion list at 15.", {"E501"}),
        ("The inclusion list starts at 2, and the exclusion list at 1.", {"E501"}),
        ("The inclusion list starts at 2 and ends at 9, the exclusion list at 15.", {"E501"}),
        ("The criteria lists start at 2 and 2 and end at 9 and 13.", set()),
        ("The lists run from 2 to 9 and from 2 to 13.", set()),
        ("The exclusion list runs from 2 to 13.", set()),
        ("The inclusion list ends at 9, the exclusion list at 13.", set()),
        ("The inclusion list starts at 2 and ends at 9, the exclusion list at 13.", set()),
    ],
)
def test_the_lists_numbers_are_read_however_paired(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('Unlike exclusion criterion 3, exclusion criterion 4 writes "within N weeks".', set()),
        ('Exclusion criterion 4, unlike criterion 3, writes "within N weeks".', set()),
        ('Unlike exclusion criterion 4, exclusion criterion 3 writes "within N weeks".', {"E501"}),
        ('Exclusion criterion 3, unlike criterion 4, writes "within N weeks".', {"E501"}),
    ],
)
def test_the_writer_is_the_last_criterion_named_not_set_against_it(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


IM19_WITHIN = 'Where a criterion says "within N weeks"'


@pytest.mark.parametrize(
    ("writer", "found"),
    [
        ("as the first two criteria do", {"E501"}),
        ("as the first two exclusion criteria do", {"E501"}),
        ("as the last criterion does", {"E501"}),
        ("as the second inclusion criterion does", {"E501"}),
        ("as both exclusion criteria on hepatitis do", {"E501"}),
        ("as the third exclusion criterion does", set()),
        ("as the exclusion criterion on surgery does", set()),
    ],
)
def test_criteria_named_by_place_or_topic_write_the_quotation(checks: Checks, writer: str, found: set[str]) -> None:
    new = IM19_WITHIN.replace("criterion says", f"criterion, {writer}, says")
    assert rewritten(checks, IM19_PATH, IM19_WITHIN, new) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('The first exclusion criterion says "within the past N weeks".', set()),
        ('The last criterion writes "unsuitable for inclusion".', set()),
        ('The first and second exclusion criteria write "The research subject has".', set()),
        ('Both exclusion criteria on hepatitis say "The research subject".', set()),
        ('The second and third exclusion criteria write "The research subject has".', {"E501"}),
        ('Both exclusion criteria on hepatitis say "The research subject has".', {"E501"}),
        ('The last two exclusion criteria write "within the past N months".', {"E501"}),
    ],
)
def test_a_quotation_said_of_criteria_by_place_or_topic(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('Exclusion criterion 4 does not write "within N weeks".', {"E501"}),
        ('Neither exclusion criterion 3 nor 4 writes "within N weeks".', {"E501"}),
        ('No exclusion criterion on surgery writes "within N weeks".', {"E501"}),
        ('Exclusion criterion 3, not criterion 4, writes "within N weeks".', {"E501"}),
        ('Exclusion criterion 3 does not write "within N weeks".', set()),
        ('Neither exclusion criterion 3 nor 5 writes "within N weeks".', set()),
        ('No exclusion criterion on hepatitis writes "within N weeks".', set()),
        ('Exclusion criterion 4, not criterion 3, writes "within N weeks".', set()),
        ('The second exclusion criterion doesn\'t say "within N weeks".', set()),
    ],
)
def test_a_quotation_criteria_are_said_not_to_write(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The maximum age is 75.", {"E501"}),
        ("The minimum age is 21.", {"E501"}),
        ("The upper age limit is 65.", {"E501"}),
        ("The maximum age is 70.", set()),
        ("The minimum age is 18.", set()),
        ("The upper age limit is seventy.", set()),
    ],
)
def test_an_age_bound_named_by_its_word_has_no_unit(checks: Checks, added: str, found: set[str]) -> None:
    new = f"{RELMA_ENROLLMENT_NOTE} {added}"
    assert rewritten(checks, RELMA_PATH, RELMA_ENROLLMENT_NOTE, new) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The source lists six related trials.", {"E501"}),
        ("The page shows four related studies.", {"E501"}),
        ("The source lists five related trials.", set()),
        ("The page shows five related studies.", set()),
        ("The source lists two related conditions.", set()),
    ],
)
def test_the_related_trials_are_counted_in_any_note(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The second cohort is given a per-kilogram dose.", {"E501"}),
        ("Patients 4 to 6 receive a per-kilogram dose.", {"E501"}),
        ("Patients 1 to 3 receive a flat dose.", {"E501"}),
        ("The second cohort is given a flat dose.", set()),
        ("Patients 1 to 3 receive a per-kilogram dose.", set()),
        ("Cohort 2 is given a flat dose.", set()),
        ("Unlike the first cohort, the second is given a flat dose.", set()),
        ("The second cohort, unlike the first cohort, is given a per-kilogram dose.", {"E501"}),
    ],
)
def test_a_cohorts_basis_is_the_named_cohorts(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 4 holds three sub-criteria.", {"E501"}),
        ("Inclusion criterion 4 has four sub-items.", {"E501"}),
        ("Inclusion criterion 4 holds two sub-criteria.", set()),
        ("Inclusion criterion 4 has five sub-criteria in all.", set()),
    ],
)
def test_a_criterions_sub_criteria_counted_after_a_verb(checks: Checks, added: str, found: set[str]) -> None:
    new = f"{RELMA_ENROLLMENT_NOTE} {added}"
    assert rewritten(checks, RELMA_PATH, RELMA_ENROLLMENT_NOTE, new) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The record holds 30 thresholds.", {"E501"}),
        ("Exclusion criterion 10 holds three thresholds.", {"E501"}),
        ("Inclusion criterion 5 holds seven thresholds.", {"E501"}),
        ("The record holds 22 thresholds.", set()),
        ("Exclusion criterion 10 holds two thresholds.", set()),
        ("Inclusion criterion 5's six thresholds share its conditions.", set()),
    ],
)
def test_the_thresholds_are_counted_as_held(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The study completion date, 2027-12-31, comes before the start date.", {"E501"}),
        ("The study starts after it completes.", {"E501"}),
        ("The start date is not before the completion date.", {"E501"}),
        ("The last updated date falls later than the completion date.", {"E501"}),
        ("The study completion date, 2027-12-31, comes after the start date.", set()),
        ("The study starts before it completes.", set()),
        ("The start date is not after the completion date.", set()),
        ("The last updated date falls earlier than the completion date.", set()),
        ("The source lists the completion date before the start date.", set()),
    ],
)
def test_the_record_dates_said_in_order_are_so(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criteria 8, 9 and 11 share a window of 6 months.", {"E501"}),
        ("Exclusion criteria 8 and 11 each set a window of 6 months.", {"E501"}),
        ("Exclusion criteria 2 and 3 both write windows of 24 weeks.", {"E501"}),
        ("Exclusion criteria 8, 9 and 12 share a window of 6 months.", set()),
        ("Exclusion criteria 8 and 9 each set a window of 6 months.", set()),
        ("Exclusion criteria 2 and 4 both write windows of 24 weeks.", set()),
    ],
)
def test_a_length_said_of_each_criterion_named_is_each_ones(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Only exclusion criterion 12 writes a window of 6 months.", {"E501"}),
        ("Exclusion criterion 9 alone writes a window of 6 months.", {"E501"}),
        ("Exclusion criterion 4 is the only criterion with a 24-week window.", {"E501"}),
        ("Only exclusion criterion 10 sets a limit of 3×ULN.", set()),
        ("Inclusion criterion 5 alone sets a limit of 30 mg/day.", set()),
    ],
)
def test_a_length_said_of_one_criterion_only_is_no_others(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 3's weight is a ceiling.", {"E501"}),
        ("Inclusion criterion 6's score is a ceiling.", {"E501"}),
        ("Inclusion criterion 3's weight is not a floor.", {"E501"}),
        ("Inclusion criterion 3's weight is a floor.", set()),
        ("Inclusion criterion 6's score is a floor.", set()),
        ("Inclusion criterion 3's weight is not a ceiling.", set()),
    ],
)
def test_the_side_a_limit_is_said_to_bound_is_its_comparators(checks: Checks, added: str, found: set[str]) -> None:
    assert added_to_im19(checks, added) == found
