"""A hunt on the remark checks (helper-118's, hunt 236) on the curated records' notes: what hunt 230 left, false notes
that passed and true notes refused, reproduced on main and read as classes, each with a twin of the same shape that
the check still judges right. A sentence is added to a note in memory and the record checked as `trials validate`
checks a file (mutations.Checks), on the registry copy of the module's tests.

Found and fixed (E501):

- passing, false: a count in a clause with no subject after one of the related trials: IM19's "Three of the five
  related trials name CD19; two name IC19." passed (one title writes IC19), "two" read as no one's; a count right
  before a verb of naming after a comma or a semicolon (and a joining word) in a sentence of the related trials is
  theirs (remark_lists._THEN_COUNT). "...; one names IC19." and "..., and one of them names IC19." pass (the latter
  refused on main too, as naming CD19 of IM19: remark_names._THEIRS_AFTER, a clause of some of the related trials
  again joining no other trial).
- refused, true: IM19's "One of the related trials names CD19." (three titles write it), read as exactly one: "one of"
  them says at least one (remark_lists._ONLY_BEFORE: "Only one of ...", "Exactly one of ..." stay refused, and so do
  "One of the related trials names CD20." and "One related trial names CD19.").
- passing, false: a word before the kind of body a note says sponsors the trial: IM19's "The sponsor is a government
  hospital." passed, the words before "hospital" read as none; each word of a kind before it is held as the kind is
  (remark_parts._QUALIFIERS, _qualified). "The sponsor is a university hospital.", "... a large hospital." and the
  denied "The sponsor is not a government hospital." (refused on main, its hospital held) pass.
- passing, false: a basis said of every dose level or infusion with no basis words of a dose, and of one patient named
  by its place: IM19's "Every dose level is flat.", "All infusions are flat." and "The first patient is dosed flat."
  passed of its first cohort (patients 1 to 3), dosed per kilogram. A dose level, a cohort, an infusion or a regimen
  "is flat" says a basis (note_cohorts._BASIS_WORDS); "the first (fourth, last) patient" is one patient
  (note_cohorts._ONE_PATIENT), of the cohort holding it (remarks._one_patient_of, and "the last patient" the one
  holding its arm's last). "The second dose level is flat.", "The fourth patient is dosed flat." and "The last
  patient is dosed flat." pass.
- passing, false: a count of what a criterion lists past the items of its runs: Relma-cel's "Exclusion criterion 5
  lists five organs." (its "(e.g., heart, lung, kidney, liver)"), "Exclusion criterion 2 lists ten lupus crises."
  (eight after "such as") and IM19's "Exclusion criterion 6 lists six infections." (five) passed, a run read across
  its brackets, its lead and "hepatitis B or C" as two. A bracket's words are a run of their own, examples' opening
  words ("e.g.", "such as") start a run, and a joint of two letters or numbers parts nothing
  (remark_numbering._runs, _EXAMPLES_OPENING, _joints). "... lists four organs.", "... lists five infections." and
  "Exclusion criterion 8 lists six heart conditions." pass (a count below the most a run holds is not judged: which
  of them it counts is unsure).
- passing, false: a count of limits with a word of their kind before the noun: IM19's "Exclusion criterion 11 lists
  four lab limits." passed of its six LABORATORY limits, a word before "limits" read as some of them; a lab, weight
  or disease-activity limit is a limit of that kind (remark_lists._KINDS_COUNTED, _LIMITS_OF). "... lists six lab
  limits." and "The record holds eight lab limits." pass.
- passing, false: a basis said of a cohort past the last: IM19's "The third dose level is flat." passed of its two
  cohorts, a basis of a cohort the record does not hold judged by nothing, where a dose of one is refused
  (remarks._bases_of_other_cohorts, _beyond_the_cohorts). "The second dose level is flat." passes.
- refused, true: a molecule named by a count of the related trials in a clause after theirs, with no subject: IM19's
  "The record holds five related trials; three name CD19." and "Five related trials are listed, and three name
  CD19." were refused as naming CD19 of IM19 (remark_names._THEIRS_BEFORE). "...; three name CD19, as IM19 does."
  and "The related trials are the site's picks; IM19 targets CD19." are refused.

Left (reproduce with conftest.codes_with_a_sentence_added on the fixture registry, the record named; each passes):
- IM19's "Three of the five related trials name CD19, two IC19." (one does): a clause with no verb is not read.
- IM19's "The sponsor is a public hospital.": "public" and "private" are not held (a name seldom says them).
- IM19's "Exclusion criterion 11 lists three kidney limits." (two) and "... five blood-count limits." (four): a kind
  of limit no threshold kind names is not counted.
- Relma-cel's "Exclusion criterion 5 lists three organs." (four) and IM19's "Exclusion criterion 6 lists three
  infections." (four or five): a count below the most a run holds is not judged.
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, IM19_WINDOW_NOTE, RELMA_ENROLLMENT_NOTE, RELMA_PATH, shared_registry
from mutations import Checks
from test_attacks_mut_hunt214 import rewritten


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Checks:
    """The one-record checks on one registry copy for the module (its sources read once)."""
    return Checks(shared_registry(tmp_path_factory, "hunt236"))


def with_sentence(checks: Checks, shown: str, sentence: str) -> set[str]:
    """The codes of IM19's or Relma-cel's record (shown) with a sentence added to one of its notes, as
    conftest.codes_with_a_sentence_added adds it."""
    old = IM19_WINDOW_NOTE if shown == IM19_PATH else RELMA_ENROLLMENT_NOTE
    return rewritten(checks, shown, old, f"{old} {sentence}")


# --- A count of the related trials in a clause with no subject, and "one of" them (remark_lists._THEN_COUNT,
# _ONLY_BEFORE; remark_names._THEIRS_AFTER): three of IM19's five related trials' titles write CD19, one IC19
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Three of the five related trials name CD19; two name IC19.", {"E501"}),
        ("Three of the five related trials name CD19, and two of them name IC19.", {"E501"}),
        ("Three of the five related trials name CD19; one names IC19; two name CD20.", {"E501"}),
        ("Only one of the related trials names CD19.", {"E501"}),
        ("Exactly one of the related trials names CD19.", {"E501"}),
        ("One of the related trials names CD20.", {"E501"}),
        ("One related trial names CD19.", {"E501"}),
        ("Three of the five related trials name CD19; one names IC19.", set()),
        ("Three of the five related trials name CD19, and one of them names IC19.", set()),
        ("Three of the five related trials name CD19; one names IC19; none name CD20.", set()),
        ("One of the related trials names CD19.", set()),
        ("One of the five related trials names IC19.", set()),
    ],
)
def test_a_count_of_the_related_trials_in_a_clause_after_them_is_theirs(
    checks: Checks, added: str, found: set[str]
) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


# --- A word of a kind before the kind of body said to sponsor the trial (remark_parts._QUALIFIERS): IM19's sponsor is
# Peking University Third Hospital, Relma-cel's a biotechnology company
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The sponsor is a government hospital.", {"E501"}),
        (IM19_PATH, "A government hospital sponsors the trial.", {"E501"}),
        (IM19_PATH, "The sponsor is a state hospital.", {"E501"}),
        (IM19_PATH, "The sponsor is a university company.", {"E501"}),
        (IM19_PATH, "The sponsor is not a university hospital.", {"E501"}),
        (RELMA_PATH, "The sponsor is a non-profit company.", {"E501"}),
        (IM19_PATH, "The sponsor is a university hospital.", set()),
        (IM19_PATH, "The sponsor is a large hospital.", set()),
        (IM19_PATH, "The trial is sponsored by a teaching hospital.", set()),
        (IM19_PATH, "The sponsor is not a government hospital.", set()),
        (RELMA_PATH, "The sponsor is a pharmaceutical company.", set()),
        (RELMA_PATH, "The sponsor is not a university hospital.", set()),
    ],
)
def test_a_word_of_a_kind_before_the_sponsors_kind_is_held(
    checks: Checks, shown: str, added: str, found: set[str]
) -> None:
    assert with_sentence(checks, shown, added) == found


# --- A basis said of every dose level or infusion, or of one patient named by its place (note_cohorts._BASIS_WORDS,
# _ONE_PATIENT; remarks._one_patient_of): IM19 doses its first cohort (patients 1 to 3) per kilogram, its second (4 to
# 6) flat
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Every dose level is flat.", {"E501"}),
        ("All infusions are flat.", {"E501"}),
        ("The first cohort is flat.", {"E501"}),
        ("The first patient is dosed flat.", {"E501"}),
        ("The fourth patient is dosed per kilogram.", {"E501"}),
        ("The last patient is dosed per kilogram.", {"E501"}),
        ("The fourth patient received a dose of 1×10^6/kg.", {"E501"}),
        ("The second dose level is flat.", set()),
        ("Every infusion is flat or per kilogram.", set()),
        ("Not every dose level is flat.", set()),
        ("The first patient is dosed per kilogram.", set()),
        ("The fourth patient is dosed flat.", set()),
        ("The last patient is dosed flat.", set()),
        ("The first patient received a dose of 1×10^6/kg.", set()),
    ],
)
def test_a_basis_said_of_dose_levels_or_one_patient_is_held(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


# --- A count of what a criterion lists, held to its runs (remark_numbering._runs, _joints): Relma-cel's exclusion
# criterion 5 brackets four organs, its criterion 2 lists eight crises after "such as"; IM19's criterion 6 five
# infections (one "chronic hepatitis B or C virus infection"), its criterion 8 five heart conditions (one "... or ...")
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "Exclusion criterion 5 lists five organs.", {"E501"}),
        (RELMA_PATH, "Exclusion criterion 2 lists ten lupus crises.", {"E501"}),
        (IM19_PATH, "Exclusion criterion 6 lists six infections.", {"E501"}),
        (IM19_PATH, "Exclusion criterion 8 lists seven heart conditions.", {"E501"}),
        (RELMA_PATH, "Exclusion criterion 5 lists four organs.", set()),
        (RELMA_PATH, "Exclusion criterion 2 lists eight lupus crises.", set()),
        (RELMA_PATH, "Exclusion criterion 3 lists twelve disorders.", set()),
        (IM19_PATH, "Exclusion criterion 6 lists five infections.", set()),
        (IM19_PATH, "Exclusion criterion 8 lists six heart conditions.", set()),
    ],
)
def test_a_count_of_what_a_criterion_lists_is_held_to_its_runs(
    checks: Checks, shown: str, added: str, found: set[str]
) -> None:
    assert with_sentence(checks, shown, added) == found


def test_the_runs_of_a_criterions_words_and_their_joints() -> None:
    from sle_trials.checks import remark_numbering

    runs = remark_numbering._runs("History of transplantation (e.g., heart, lung (left, right), liver) or other")
    assert [" ".join(r.split()) for r in runs] == [
        "left, right",
        "heart, lung \u2026, liver",
        "History of transplantation \u2026 or other",
    ]
    joined = ("hepatitis B or C virus", "HIV and/or syphilis", "1 or 2")
    assert [remark_numbering._joints(piece) for piece in joined] == [0, 1, 0]


# --- A count of limits of a kind said before their noun (remark_lists._KINDS_COUNTED, _LIMITS_OF): IM19's exclusion
# criterion 11 holds six LABORATORY limits, its criterion 10 two, its inclusion criterion 3 one of body weight
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 11 lists four lab limits.", {"E501"}),
        ("Exclusion criterion 10 sets three laboratory thresholds.", {"E501"}),
        ("Inclusion criterion 3 sets two weight limits.", {"E501"}),
        ("The record holds nine lab limits.", {"E501"}),
        ("Exclusion criterion 11 lists six lab limits.", set()),
        ("Exclusion criterion 10 sets two laboratory limits.", set()),
        ("Inclusion criterion 3 sets one weight limit.", set()),
        ("The record holds eight lab limits.", set()),
    ],
)
def test_a_count_of_limits_of_a_kind_is_held(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


# --- A basis said of a cohort past the last (remarks._beyond_the_cohorts): IM19 holds two cohorts
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The third dose level is flat.", {"E501"}),
        ("The third cohort is dosed per kilogram.", {"E501"}),
        ("The second dose level is flat.", set()),
    ],
)
def test_a_basis_of_a_cohort_past_the_last_is_refused(checks: Checks, added: str, found: set[str]) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found


# --- A molecule named by a count of the related trials after a clause of theirs (remark_names._THEIRS_BEFORE)
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The record holds five related trials; three name CD19.", set()),
        ("Five related trials are listed, and three name CD19.", set()),
        ("Five related trials are listed, and four name CD19.", {"E501"}),
        ("The record holds five related trials; three name CD19, as IM19 does.", {"E501"}),
        ("The related trials are the site's picks; IM19 targets CD19.", {"E501"}),
    ],
)
def test_a_molecule_named_by_a_count_of_the_related_trials_after_a_clause_is_theirs(
    checks: Checks, added: str, found: set[str]
) -> None:
    assert with_sentence(checks, IM19_PATH, added) == found
