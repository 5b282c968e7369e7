"""A hostile mutation hunt on the remark checks (helper-94's, hunt 222) on the curated records' notes: what hunts 217
and 221 left passing, reproduced on main and read as classes, each with a true twin of the same shape that passes
still. A sentence is added to a note (or a note rewritten) in memory and the record checked as `trials validate`
checks a file (mutations.Checks), on the registry copy of the module's tests.

Found and fixed (E501):

- two numbers said of the two criteria lists in turn: IM19's "The criteria lists end at 9 and 15." (its exclusion list
  ends at 13) passed: only "both ... start at N and end at M" was read (remark_numbering._PAIRED).
- a gloss held to words a source writes anywhere, not to the words it defines those letters by: IM19's "Exclusion
  criterion 10 lists ALT (aspartate aminotransferase)." passed, its page defining AST by those words and ALT by
  "alanine aminotransferase" (remark_names._words_defining).
- a mixed-case acronym glossed: Relma-cel's "Exclusion criterion 6 writes IgA (immunoglobulin A) without spelling it
  out." passed, no source writing those words: an acronym was read as capitals alone; its letters are now its
  capitals (note_acronyms._ACRONYM, _letters).
- criteria said to write a run a note quotes: IM19's 'Where a criterion says "within N weeks"' made 'Where a
  criterion, as criteria 2 and 3 do, says "within N weeks"' passed (neither list's criteria 2 and 3 write a window):
  a quotation was held to a source, never to the criteria its sentence says write it; N stands for any number
  (remark_quotes.criteria_not_writing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_note_rewritten, codes_with_a_sentence_added


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The criteria lists end at 9 and 15.", {"E501"}),
        ("The exclusion and inclusion lists start at 1 and 2.", {"E501"}),
        ("The criteria lists end at 9 and 13.", set()),
        ("The inclusion and exclusion lists start at 2 and 2.", set()),
    ],
)
def test_two_numbers_are_the_two_lists_in_turn(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 10 lists ALT (aspartate aminotransferase).", {"E501"}),
        ("Exclusion criterion 10 lists ALT (alanine aminotransferase).", set()),
    ],
)
def test_a_gloss_is_held_to_the_words_a_source_defines_its_letters_by(
    registry: Path, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("Exclusion criterion 6 writes IgA (immunoglobulin A) without spelling it out.", {"E501"}),
        ("Exclusion criterion 6 writes IgA (serum level) in mg/dL.", set()),
    ],
)
def test_a_mixed_case_acronym_is_glossed_as_any(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, RELMA_PATH, added) == found


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ('Where a criterion, as criteria 2 and 3 do, says "within N weeks"', {"E501"}),
        ('Where a criterion, as criterion 4 does, says "within N weeks"', set()),
    ],
)
def test_criteria_said_to_write_a_quotation_write_it(registry: Path, new: str, found: set[str]) -> None:
    assert codes_with_a_note_rewritten(registry, IM19_PATH, 'Where a criterion says "within N weeks"', new) == found
