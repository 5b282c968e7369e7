"""A hunt on the remark checks (helper-110's, hunt 228) on the curated records' notes: what hunt 226 left, false notes
that passed, reproduced on main and read as classes, each with a twin of the same shape that the check still judges
right. A sentence is added to a note in memory and the record checked as `trials validate` checks a file
(mutations.Checks), on the registry copy of the module's tests.

Found and fixed (E501):

- passing, false: the kind of body a note says the sponsor is, other than a university, a hospital or a company:
  IM19's and Relma-cel's "The sponsor is a government agency." (and "a non-profit", "a foundation", "an institute",
  "a cooperative group") passed, only three kinds being read (remark_parts._KIND_SAID). Each kind is held to its
  words in the sponsor's name or about text; "not" turns it, of the name. "The sponsor is not a foundation." passes.
- passing, false: a basis said of the trial as a whole: IM19's "The trial is dosed flat." passed of its first cohort,
  dosed per kilogram, a basis held only where said of "every cohort". The trial or the study said dosed on a basis
  (in a sentence naming no part of it and one basis) is every cohort's (note_cohorts._the_trials). "The trial is
  dosed per kilogram, then flat." and "The trial is dosed flat in its second cohort." pass.
- refused, true: IM19's "Every cohort is dosed per kilogram or flat." was refused, only "dosed per kilogram" read as a
  basis; a piece naming every cohort and a word of each basis says each of some of them (note_cohorts.bases_given).
- passing, false: the related trials said to name a word with no count: IM19's "The related trials name CD19." (three
  of five do) passed, only a count "of" them read (remark_lists._ALL_TITLES_NAMING: said of the related trials, or
  their titles, with no count "of", every title must write it). "The related trials name Lupus." and "Not all the
  related trials name CD19." pass.

Left (reproduce with codes_with_a_sentence_added on the fixture registry, the record named; each passes):
- IM19's "Its cohorts are dosed flat.", "All patients are dosed flat." and "The trial doses its patients flat.": a
  basis of every cohort is read after "each/every/both/all cohort(s)" or the trial as the subject of "is dosed" with
  no part named; "The study was dosed per kilogram at first." (a word of time or part keeps the trial reading off).
- Relma-cel's title comment ending ", dosed flat." (hunt 226's leftover: its arms declared silent).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_sentence_added


# --- The kind of body a note says the sponsor is (remark_parts._KIND_SAID): Relma-cel's sponsor is "SHANGHAI MING JU
# BIOTECHNOLOGY CO., LTD.", its about text a "biopharmaceutical company"; IM19's "Peking University Third Hospital"
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (IM19_PATH, "The sponsor is a government agency.", {"E501"}),
        (RELMA_PATH, "The sponsor is a non-profit.", {"E501"}),
        (IM19_PATH, "The sponsor is a foundation.", {"E501"}),
        (RELMA_PATH, "The sponsor is a research institute.", {"E501"}),
        (IM19_PATH, "The sponsor is a cooperative group.", {"E501"}),
        (IM19_PATH, "The sponsor is a governmental body.", {"E501"}),
        (RELMA_PATH, "The sponsor is a charity.", {"E501"}),
        (IM19_PATH, "The sponsor is not a government agency.", set()),
        (RELMA_PATH, "The sponsor is not a non-profit.", set()),
        (IM19_PATH, "The sponsor is not a foundation.", set()),
        (RELMA_PATH, "The sponsor is not an institute.", set()),
        (IM19_PATH, "The sponsor is not a cooperative group.", set()),
        (RELMA_PATH, "The sponsor is a biopharmaceutical company.", set()),
        (RELMA_PATH, "The sponsor is an academic institution.", {"E501"}),
        (RELMA_PATH, "The sponsor is a research institution.", {"E501"}),
        (IM19_PATH, "The sponsor is an academic institution.", set()),
        (IM19_PATH, "The sponsor is a medical institution.", set()),
        (RELMA_PATH, "The sponsor is not an academic institution.", set()),
    ],
)
def test_the_kind_of_body_the_sponsor_is_said_to_be_is_its_names(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found


# --- A basis said of the trial as a whole (note_cohorts._the_trials): IM19 doses its first cohort per kilogram and
# its second flat
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The trial is dosed flat.", {"E501"}),
        ("The study is dosed per kilogram.", {"E501"}),
        ("This trial is dosed by weight.", {"E501"}),
        ("The study uses a fixed dose.", {"E501"}),
        ("The trial's dosing is weight-based.", {"E501"}),
        ("The trial is dosed per kilogram and flat.", set()),
        ("The trial is dosed per kilogram, then flat.", set()),
        ("The trial is dosed flat in its second cohort.", set()),
        ("The study is dosed per kilogram for patients 1 to 3.", set()),
        ("The trial is not dosed flat throughout.", set()),
        ("The trial is dosed flat or per kilogram.", set()),
        ("Every cohort is dosed per kilogram or flat.", set()),
        ("Every cohort is dosed flat.", {"E501"}),
    ],
)
def test_a_basis_said_of_the_trial_is_every_cohorts(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- The related trials said to name a word, no count given (remark_lists._ALL_TITLES_NAMING): three of IM19's five
# related trials' titles write CD19, all five "Lupus"
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The related trials name CD19.", {"E501"}),
        ("All the related trials name CD19.", {"E501"}),
        ("The related trials' titles name CD19.", {"E501"}),
        ("Its five related trials name CD19 in their titles.", {"E501"}),
        ("The related trials name Lupus.", set()),
        ("All of the related trials' titles name Erythematosus.", set()),
        ("Three of the five related trials name CD19.", set()),
        ("Three of its related trials name CD19.", set()),
        ("Not all the related trials name CD19.", set()),
    ],
)
def test_the_related_trials_said_to_name_a_word_all_name_it(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


# --- ... and where the name or the about text says the kind (remark_parts._kinds_unheld, on a sponsor of its own): the
# reasons a sentence is refused
@pytest.mark.parametrize(
    ("name", "about", "added", "refused"),
    [
        ("Lupus Research Foundation", "", "The sponsor is a government agency.", True),
        ("Lupus Research Foundation", "", "The sponsor is not a foundation.", True),
        ("Acme", "Acme is a non-profit organisation.", "The sponsor is a company.", True),
        ("Lupus Research Foundation", "", "The sponsor is a foundation.", False),
        ("Acme", "Acme is a non-profit organisation.", "The sponsor is a non-profit.", False),
        ("National Institutes of Health", "", "The sponsor is a government agency.", False),
        ("Shanghai Institute of Immunology", "", "The sponsor is a research institute.", False),
        ("Lupus Trials Consortium", "", "The sponsor is a cooperative group.", False),
    ],
)
def test_the_kind_of_body_the_sponsor_is_said_to_be_is_its_words(
    name: str, about: str, added: str, refused: bool
) -> None:
    from sle_trials.checks import remark_parts
    from sle_trials.checks.load import Record

    record = cast(Record, SimpleNamespace(data={"sponsor": {"name": name, "about": about}}))
    assert bool(list(remark_parts._kinds_unheld(record, added))) is refused
