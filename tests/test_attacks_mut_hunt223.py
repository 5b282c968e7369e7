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
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, codes_with_a_sentence_added


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
def test_a_fields_event_verb_after_what_it_is_of_is_a_time(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


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
def test_the_lists_numbers_are_read_however_paired(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found


@pytest.mark.parametrize(
    ("added", "found"),
    [
        ('Unlike exclusion criterion 3, exclusion criterion 4 writes "within N weeks".', set()),
        ('Exclusion criterion 4, unlike criterion 3, writes "within N weeks".', set()),
        ('Unlike exclusion criterion 4, exclusion criterion 3 writes "within N weeks".', {"E501"}),
        ('Exclusion criterion 3, unlike criterion 4, writes "within N weeks".', {"E501"}),
    ],
)
def test_the_writer_is_the_last_criterion_named_not_set_against_it(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found
