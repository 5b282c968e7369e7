"""A hostile mutation hunt on `trials check` (helper-56's, after hunt 209).

Held against every mutation tried on the curated records' values (mutations.Checks): a condition, an acronym, an
official title, another name, a secondary id or an official filled from elsewhere on IM19's page; a cohort given a
label of the other cohort's patients or of a dose; a dose's unit made per kilogram with its basis FLAT, or the word
before "cells" changed; a criterion reference given a group its list has no heading for (E109); a threshold's kind
swapped for a neighbour's (TIME_SINCE_EVENT and WASHOUT, TIME_SINCE and TIME_UNTIL, TREATMENT_DURATION and
STABLE_DOSE_DURATION, DISEASE_DURATION and ACTIVE_DISEASE_DURATION, a dose and a dose change); a condition of
another limit or of the criterion's time frame; a measure cut to one drug of its list; Relma-cel's phase given as
EARLY_PHASE1, its autoantibodies' match ALL_OF, its classification system or lupus nephritis scope another, its
third party summary's author, its sponsor's about or its source's publisher changed; and every field of both records
left out and declared silent. What passed was in the curation notes.

Found and fixed (E501):

- a cell dose a note gives with a word that scales it: IM19's "The first cohort gets 2 million CAR-T cells per kg"
  (the source's 1×10^6/kg), "The second cohort gets 200 million CAR-T cells" (1×10^8) passed, a dose being read
  only in a power of ten's digits (note_numbers.powers reads "million", "billion", "trillion" too; note_cohorts
  with it: "the first cohort gets 100 million CAR-T cells", the second's dose, is refused).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH
from mutations import Checks


def codes_with_a_note(root: Path, shown: str, field: str, text: str) -> set[str]:
    """The codes of the curated record at shown given one more curation note, on field."""

    def noted(data: dict) -> None:
        data["curation"].setdefault("notes", []).append({"field": field, "text": text})

    return Checks(root).after(shown, noted)


# --- a cell dose a note gives with a word that scales it ----------------------------------------------------------

COHORT = "arms.0.cohorts.1"


@pytest.mark.parametrize(
    "text",
    [
        "The first cohort gets 2 million CAR-T cells per kg.",
        "The first cohort gets two million CAR-T cells per kg.",
        "The second cohort gets 200 million CAR-T cells.",
        "The second cohort gets 1 billion CAR-T cells.",
        "The first cohort gets 100 million CAR-T cells.",
    ],
)
def test_a_dose_a_note_scales_by_a_word_that_no_source_gives_is_refused(registry: Path, text: str) -> None:
    """Each passed: "2 million" is no power of ten's digits, so no dose (note_numbers.powers, E501); the last is the
    second cohort's dose given to the first (note_cohorts, remarks._doses_of_other_cohorts)."""
    assert "E501" in codes_with_a_note(registry, IM19_PATH, COHORT, text)


@pytest.mark.parametrize(
    "text",
    [
        "The first cohort gets one million CAR-T cells per kg.",
        "The second cohort gets 100 million CAR-T cells.",
        "Patients 4 to 6 get a hundred million CAR-T cells.",
        "Millions of cells are given in one infusion.",
    ],
)
def test_a_dose_a_note_scales_by_a_word_as_the_source_gives_it_passes(registry: Path, text: str) -> None:
    assert codes_with_a_note(registry, IM19_PATH, COHORT, text) == set()
