"""A hunt on the remark checks (helper-112's, hunt 230) on the curated records' notes: what hunt 228 left, false notes
that passed and true notes refused, reproduced on main and read as classes, each with a twin of the same shape that
the check still judges right. A sentence is added to a note in memory and the record checked as `trials validate`
checks a file (mutations.Checks), on the registry copy of the module's tests.

Found and fixed (E501):

- passing, false: a basis said of a whole of the trial other than "the trial" or "every cohort": IM19's "Its cohorts
  are dosed flat.", "All patients are dosed flat.", "The trial doses its patients flat.", "The doses are flat." and
  "Dosing is flat throughout." passed of its first cohort, dosed per kilogram (hunt 228's leftovers), "patients" read
  as a part of the trial (note_cohorts._A_WHOLE: its patients, cohorts, doses, dosing or cells named as a whole, no
  count, number or clause after them, are every cohort's; "doses its patients flat" and "dosing is flat" say a basis).
  "All patients are dosed per kilogram or flat." and "The trial doses its first three patients per kilogram." pass.
- passing, false: a basis said of the trial at first, or later: "The study was dosed flat at first." and "The trial
  was later dosed per kilogram." passed (a word of time turned the trial's reading off): at first is its arm's first
  cohort, later those after it (note_cohorts._AT_FIRST, _LATER; CohortNamed.later). "The study was dosed per
  kilogram at first." (the brief's example, true of IM19) and "The trial was later dosed flat." pass.
- passing, false: a basis said of the product: IM19's "IM19 is dosed flat." and "IM19 CAR-T cells are given at a
  flat dose." passed; the product's names (its cell product's, interventions' and arms', and a name's first word
  holding a digit or a hyphen) are read as "the cells", a whole of the trial (remarks._products_as_cells). "IM19 is
  dosed per kilogram at first." passes.
- passing, false: a basis said of none of the trial's patients or cohorts, and a count of its first patients after
  the trial's name: IM19's "No patient is dosed per kilogram.", "Neither cohort is dosed flat." and "The study's
  first three patients get a flat dose." passed, a piece denying anything read as no basis (note_cohorts._NONE_OF_THEM,
  CohortNamed.none: held by no cohort; _BY_COUNT after "the study's"). "No cohort is dosed both flat and per
  kilogram." passes; so does the true "No patient in the first cohort gets a flat dose." (refused on main as giving
  FLAT of its first cohort: remark_prose._NONE_OF_THEM denies coded words a clause says of none of them).
- passing, false: a cohort named as its arm's last: IM19's "The last cohort is dosed per kilogram." passed
  (note_cohorts._LAST, place -1, its dose held too). "The last cohort is dosed flat." passes.
- passing, false: a basis said of a trial whose record declares its sources silent on its arms: Relma-cel's "The trial
  is dosed flat.", "All patients receive a fixed dose." and its title comment ending ", dosed flat." passed (hunts
  226's and 228's leftovers: a basis held only to the cohorts the record holds; remarks.bases_silenced), and so did
  "Relma-cel is dosed flat." ("dosed flat" now coded words of FLAT, as "dosed per kg" are of PER_KG). "The source
  does not say how the cells are dosed." passes.
- refused, true: IM19's "Three of the five related trials target CD19." (hunt 228's leftover), only verbs of naming
  making a molecule the related trials' titles'; and passing, false: "One of the related trials targets CD20." (no
  title writes it) and "Four related trials name CD19." (a count with no "of"). A verb of what a trial is about
  ("target", "test", "study", "evaluate" ...) is read as "name" is, and a count right before "related trials" too
  (remark_lists._ABOUT, _TITLES_NAMING; remark_names._NAMING_RIGHT_BEFORE). So is a name (a capital or a digit) with
  words after it ("Four of the five related trials target CD19 CAR-T cells." passed) and "are (about) X (trials)"
  (the true "Three of the five related trials are CD19 trials." was refused; remark_lists._BARE, _ARE). "None of the
  related trials target CD20.", "Three related trials name CD19." and "Two of the related trials are anti-CD19
  trials." pass.
- refused, true: IM19's "The record holds five related trials, three naming CD19." and "Three of the five related
  trials name CD19; one names IC19." (on main too): the molecule was the related trials' only with no comma between
  them, and no clause after it (remark_names._RELATED_TRIALS takes ", N (of them)", _JOINED_AFTER a clause joined by
  a word, "as", "and", "it" ..., not by a comma alone; "-ing" verbs name), the count after the comma held
  (remark_lists._TITLES_NAMING_AFTER): "..., four naming CD19." and "..., as IM19 does." are refused.
- refused, true: IM19's "Exclusion criterion 10's limits apply to every patient." (hunt 228's leftover), its limits
  held "excluding laboratory test abnormalities due to SLE hepatitis": a condition excepting a cause and naming no one
  is no condition on whom a limit applies to (remark_thresholds._on_whom). "Exclusion criterion 10 has no
  conditions." and inclusion criterion 5's cap said to apply to all patients are refused still.
- passing, false: a count of the enzymes a criterion lists: IM19's "Exclusion criterion 10 lists four liver enzymes."
  (three, and bilirubin) passed (hunts 226's and 228's leftover), a count within a run of commas not judged. The
  enzymes are its "-ase" names (the word before them telling two apart) and enzymes' abbreviations not bracketed
  beside a name (remark_numbering._enzymes_miscounted). "... lists three liver enzymes and bilirubin." and "... lists
  four liver tests." pass.
- passing, false: the kind of body a note says sponsors the trial, in other words of the sponsor or of the kind:
  Relma-cel's "The trial is sponsored by a hospital.", "A hospital sponsors the trial." and "The sponsor is an
  academic centre.", IM19's "The sponsor, a company, ...", "The sponsor is industry." and "Its sponsor is a biotech."
  passed (remark_parts._KIND_SAID, _KIND_SPONSORS: "sponsored by", "sponsors the trial", an apposition; a clinic, an
  academic or medical centre, a school, a biotech, a drug maker, pharma, industry). "The trial is not sponsored by a
  hospital." (Relma-cel) and "The sponsor is not industry." (IM19) pass.
- passing, false: a count of a record's list said in other words than those a note on the list uses: Relma-cel's
  "The trial has two interventions." and "The trial has three keywords." (one each; counted only on a note on the
  list), "The keywords list has two entries.", IM19's "The prior therapies list has four entries." (three), "Its arm
  holds three dose levels." (two cohorts) and "Six trials are listed as related." (five) passed. A sentence saying the
  trial holds them, naming no criterion, counts those lists (remark_lists._COUNTED_OF_THE_TRIAL, whole counts only);
  "the X list has N entries" counts list X (_LIST_ENTRIES); dose levels are cohorts; "N trials are listed as related"
  counts the related trials. "The trial requires two prior interventions." and "Inclusion criterion 4 names two
  interventions." are not read.
- passing, false: a count of what a part of a criterion lists: Relma-cel's "Inclusion criterion 4's first
  sub-criterion lists twenty drugs." passed (remark_numbering._ITEMS_COUNTED: "criterion N's ... sub-criterion",
  "paragraph" or "standard regimen", held to the most any run of the criterion's words holds); "... eleven drugs."
  passes.
- passing, false: the kind of body a comment says sponsors the trial, and a count of the related trials with no
  article: Relma-cel's title ending ", sponsored by a hospital." and IM19's ending "; four of five related trials
  target CD19." passed, a comment's kinds read by nothing (remark_parts.check_comment_parts now reads them, a title's
  last clause "sponsored by ..." said of the trial) and "of five" read only after "the" or "its". ", sponsored by a
  biotechnology company." and "; three of its five related trials target CD19." pass.
- passing, false: a count after other verbs than "has", "holds", "lists" ...: IM19's "Exclusion criterion 10 sets
  four limits." (two) and "The record keeps three cohorts." (two) passed (note_lists._COUNT_OF: "sets", "contains",
  "carries", "keeps", "states"). "... sets two limits." passes.

Left (reproduce with conftest.codes_with_a_sentence_added on the fixture registry, the record named; each passes):
- IM19's "Three of the five related trials name CD19; two name IC19." (one does): a count in a clause with no subject
  is not read.
- Relma-cel's "Exclusion criterion 5 lists five organs." (four) and IM19's "Exclusion criterion 6 lists six
  infections." (five): a count within a run of commas is judged only of enzymes; IM19's "Exclusion criterion 11 lists
  four lab limits." (six): a count with a word before its noun is not read.
- IM19's "The sponsor is a government hospital.": a word before the kind is not held.
- IM19's "Every dose level is flat.", "All infusions are flat." (no basis words) and "The first patient is dosed
  flat." (a patient named by an ordinal).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, IM19_WINDOW_NOTE, RELMA_ENROLLMENT_NOTE, RELMA_PATH, Trials, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten
from test_attacks_mut_hunt224 import codes_with_a_title


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt230"))


def with_sentence(checks: Checks, shown: str, sentence: str) -> set[str]:
    """The codes of IM19's or Relma-cel's record (shown) with a sentence added to one of its notes, as
    conftest.codes_with_a_sentence_added adds it."""
    old = IM19_WINDOW_NOTE if shown == IM19_PATH else RELMA_ENROLLMENT_NOTE
    return rewritten(checks, shown, old, f"{old} {sentence}")


# --- A basis said of a whole of the trial, or of it at first or later (note_cohorts._A_WHOLE, _AT_FIRST, _LATER,
# _LAST): IM19 doses its first cohort (patients 1 to 3) per kilogram, its second (4 to 6) flat
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Its cohorts are dosed flat.", {"E501"}),
        ("All patients are dosed flat.", {"E501"}),
        ("The trial doses its patients flat.", {"E501"}),
        ("The study doses all participants per kilogram.", {"E501"}),
        ("Both doses are flat.", {"E501"}),
        ("Dosing is flat throughout.", {"E501"}),
        ("The study was dosed flat at first.", {"E501"}),
        ("The trial was later dosed per kilogram.", {"E501"}),
        ("The last cohort is dosed per kilogram.", {"E501"}),
        ("IM19 is dosed flat.", {"E501"}),
        ("IM19 is dosed per kilogram at first.", set()),
        ("No patient is dosed per kilogram.", {"E501"}),
        ("Neither cohort is dosed flat.", {"E501"}),
        ("The study's first three patients get a flat dose.", {"E501"}),
        ("No cohort is dosed both flat and per kilogram.", set()),
        ("No patient in the first cohort gets a flat dose.", set()),
        ("The study's first three patients get a per-kilogram dose.", set()),
        ("All patients are dosed per kilogram or flat.", set()),
        ("Its two cohorts are dosed per kilogram and flat respectively.", set()),
        ("The trial doses its first three patients per kilogram.", set()),
        ("Not all patients are dosed flat.", set()),
        ("The study was dosed per kilogram at first.", set()),
        ("The trial was later dosed flat.", set()),
        ("The trial was first dosed per kilogram, later flat.", set()),
        ("The last cohort is dosed flat.", set()),
    ],
)
def test_a_basis_said_of_a_whole_of_the_trial_is_its_cohorts(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("All patients are dosed flat.", "every"),
        ("The trial was initially dosed flat.", "first"),
        ("All patients get fludarabine at a fixed dose.", None),  # (another drug's dose)
        ("All patients who weigh 40 kg or more are dosed flat.", None),  # (a clause after them: some of them)
        ("Dosing is flat for patients 4 to 6.", "patients"),
    ],
)
def test_what_a_whole_of_the_trial_names(text: str, read: str | None) -> None:
    from sle_trials.reading.lexicon import note_cohorts

    said = note_cohorts.bases_given(text)
    cohort = said[0].cohort if said else None
    shown = (
        None
        if cohort is None
        else "every"
        if cohort.every
        else "first"
        if cohort.place == 0
        else "patients"
        if cohort.patients
        else "?"
    )
    assert shown == read


# --- A basis said where the record declares its sources silent on its arms (remarks.bases_silenced): Relma-cel's arms
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The trial is dosed flat.", {"E501"}),
        ("All patients receive a fixed dose.", {"E501"}),
        ("Relma-cel is dosed flat.", {"E501"}),
        ("The trial is not dosed flat.", {"E501"}),  # (as "not dosed per kilogram" was: the other basis)
        ("The source does not say how the cells are dosed.", set()),
        ("The source gives no dose, flat or per kilogram.", set()),
    ],
)
def test_a_basis_said_of_silent_arms_is_refused(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, RELMA_PATH, added) == found


RELMA_TITLE = "# Relma-cel (CD19-CART) in moderate to severe active SLE"


@pytest.mark.parametrize(("end", "found"), [(", dosed flat.", {"E501"}), (", phase 1.", set())])
def test_a_title_saying_a_basis_of_silent_arms_is_refused(trials: Trials, end: str, found: set[str]) -> None:
    assert codes_with_a_title(trials, RELMA_PATH, RELMA_TITLE + end) == found


# --- The related trials said to be about a word (remark_lists._ABOUT, remark_names._NAMING_RIGHT_BEFORE), or counted
# with no "of" ("Four related trials name CD19."): three of IM19's five related trials' titles write CD19, none CD20
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Three of the five related trials target CD19.", set()),
        ("Three related trials name CD19.", set()),
        ("Three of the related trials evaluate CD19.", set()),
        ("None of the related trials target CD20.", set()),
        ("All five related trials study Lupus.", set()),
        ("Four of the five related trials target CD19.", {"E501"}),
        ("One of the related trials targets CD20.", {"E501"}),
        ("Four related trials name CD19.", {"E501"}),
        ("The related trials target CD19.", {"E501"}),
        ("Four of the five related trials target CD19 CAR-T cells.", {"E501"}),
        ("Three of the related trials are anti-CD19 trials.", {"E501"}),
        ("Three of the five related trials are CD19 trials.", set()),
        ("Two of the related trials are anti-CD19 trials.", set()),
        ("The record holds five related trials, three naming CD19.", set()),
        ("Three of the five related trials name CD19; one names IC19.", set()),
        ("The record holds five related trials, four naming CD19.", {"E501"}),
        ("Three of the five related trials name CD19, as IM19 does.", {"E501"}),
    ],
)
def test_the_related_trials_said_to_be_about_a_word_are_its_titles(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


# --- A limit said to apply to every patient, where its condition is an exception of a cause naming no one
# (remark_thresholds._on_whom): IM19's exclusion criterion 10 holds its limits "excluding laboratory test abnormalities
# due to SLE hepatitis", inclusion criterion 5's "If the subject is receiving steroids"
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 10's limits apply to every patient.", set()),
        ("Exclusion criterion 10's limit of 1.5 applies to all patients.", set()),
        ("Exclusion criterion 10 has no conditions.", {"E501"}),
        ("Inclusion criterion 5's cap of 30 mg/day applies to all patients.", {"E501"}),
    ],
)
def test_a_limit_excepting_a_cause_applies_to_every_patient(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


# --- A count of the enzymes a criterion lists (remark_numbering._enzymes_miscounted): IM19's exclusion criterion 10
# names ALT, AST and ALP ("-ase"), and bilirubin
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 10 lists four liver enzymes.", {"E501"}),
        ("Exclusion criterion 10 lists two liver enzymes.", {"E501"}),
        ("Exclusion criterion 11 lists two enzymes.", {"E501"}),
        ("Exclusion criterion 10 lists three liver enzymes and bilirubin.", set()),
        ("Exclusion criterion 10 lists four liver tests.", set()),
        ("Exclusion criterion 8 lists five heart conditions.", set()),
    ],
)
def test_a_count_of_the_enzymes_a_criterion_lists_is_its_names(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Serum lipase or lipase >3×ULN, or ALT (alanine aminotransferase) ≥ 2×ULN", 2),
        ("History of cardiac disease, or a phase 3 increase", 0),
        ("ALT, AST or GGT ≥ 3×ULN", 3),
    ],
)
def test_the_enzymes_a_criterion_names(text: str, count: int) -> None:
    from sle_trials.checks import remark_numbering

    m = remark_numbering._ITEMS_COUNTED.search(f"criterion 1 lists {count} enzymes")
    assert m is not None
    assert list(remark_numbering._enzymes_miscounted(m, {"text": text})) == []


# --- The kind of body a note says the sponsor is, in other words of the sponsor or of the kind
# (remark_parts._KIND_SAID, _KIND_SPONSORS): Relma-cel's sponsor is a company, IM19's a university hospital
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "The trial is sponsored by a hospital.", {"E501"}),
        (RELMA_PATH, "A hospital sponsors the trial.", {"E501"}),
        (RELMA_PATH, "The sponsor is an academic centre.", {"E501"}),
        (IM19_PATH, "The sponsor, a company, is in Beijing.", {"E501"}),
        (IM19_PATH, "The sponsor is industry.", {"E501"}),
        (IM19_PATH, "Its sponsor is a biotech.", {"E501"}),
        (IM19_PATH, "A hospital does not sponsor the trial.", {"E501"}),
        (RELMA_PATH, "The trial is not sponsored by a hospital.", set()),
        (RELMA_PATH, "A company sponsors the trial.", set()),
        (IM19_PATH, "The sponsor, a hospital, is in Beijing.", set()),
        (IM19_PATH, "The sponsor is not industry.", set()),
        (RELMA_PATH, "The sponsor is a biotech.", set()),
    ],
)
def test_the_kind_of_body_said_to_sponsor_the_trial_is_its_names(
    checks: Checks, shown: str, added: str, found: set[str]
) -> None:
    assert with_sentence(checks, shown, added) == found


# --- A count of a record's list said in other words (remark_lists._COUNTED_OF_THE_TRIAL, _LIST_ENTRIES, _DOSE_LEVELS,
# _RELATED_AFTER): Relma-cel holds one intervention and one keyword; IM19 three prior therapies, two cohorts in one
# arm, five related trials
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "The trial has two interventions.", {"E501"}),
        (RELMA_PATH, "The trial has three keywords.", {"E501"}),
        (RELMA_PATH, "The keywords list has two entries.", {"E501"}),
        (IM19_PATH, "The prior therapies list has four entries.", {"E501"}),
        (IM19_PATH, "Its arm holds three dose levels.", {"E501"}),
        (IM19_PATH, "Six trials are listed as related.", {"E501"}),
        (RELMA_PATH, "The trial has one intervention.", set()),
        (RELMA_PATH, "The trial requires two prior interventions.", set()),
        (RELMA_PATH, "Inclusion criterion 4 names two interventions.", set()),
        (IM19_PATH, "The prior therapies list has three entries.", set()),
        (IM19_PATH, "Its arm holds two dose levels.", set()),
        (IM19_PATH, "Five trials are listed as related.", set()),
    ],
)
def test_a_count_of_a_records_list_in_other_words_is_its_items(
    checks: Checks, shown: str, added: str, found: set[str]
) -> None:
    assert with_sentence(checks, shown, added) == found


# --- A count of what a part of a criterion lists (remark_numbering._ITEMS_COUNTED): Relma-cel's inclusion criterion 4's
# first paragraph runs eleven pieces at most
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Inclusion criterion 4's first sub-criterion lists twenty drugs.", {"E501"}),
        ("Inclusion criterion 4's first sub-criterion lists eleven drugs.", set()),
    ],
)
def test_a_count_of_what_a_part_of_a_criterion_lists_is_held(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, RELMA_PATH, added) == found


# --- The kind of body, and the related trials' count, said in a comment (remark_parts.check_comment_parts,
# remark_lists._TITLES_NAMING with no article before the related trials' count)
IM19_TITLE = "# IM19 CAR-T cells in refractory SLE (Peking University Third Hospital)"


@pytest.mark.parametrize(
    ("shown", "comment", "found"),
    [
        (RELMA_PATH, RELMA_TITLE + ", sponsored by a hospital.", {"E501"}),
        (RELMA_PATH, RELMA_TITLE + ", sponsored by a biotechnology company.", set()),
        (IM19_PATH, IM19_TITLE + "; four of five related trials target CD19.", {"E501"}),
        (IM19_PATH, IM19_TITLE + "; three of its five related trials target CD19.", set()),
    ],
)
def test_a_comment_saying_the_sponsors_kind_or_the_related_trials_is_held(
    trials: Trials, shown: str, comment: str, found: set[str]
) -> None:
    assert codes_with_a_title(trials, shown, comment) == found


# --- A count after other verbs (note_lists._COUNT_OF: "sets", "contains", "keeps", "states" ...): IM19's exclusion
# criterion 10 holds two limits, its arm two cohorts
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 10 sets four limits.", {"E501"}),
        ("The record keeps three cohorts.", {"E501"}),
        ("Exclusion criterion 10 sets two limits.", set()),
        ("The record keeps two cohorts.", set()),
    ],
)
def test_a_count_after_other_verbs_is_held(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found
