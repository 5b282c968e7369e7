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
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, codes_with_a_sentence_added


# --- A count of the limits of one kind (remark_lists._KINDS_COUNTED): IM19's washouts are inclusion criterion 5's 4
# weeks and exclusion criterion 12's 6 months; its windows exclusion criteria 2's and 4's two of 24 weeks, and 8's, 9's
# and 12's of 6 months
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The study has three washouts.", {"E501"}),
        ("The trial has one washout.", {"E501"}),
        ("The trial has five windows.", {"E501"}),
        ("The trial has two windows of 6 months.", {"E501"}),
        ("Exclusion criterion 4 holds three windows of 24 weeks.", {"E501"}),
        ("Exclusion criterion 4 holds one 24-week window.", {"E501"}),
        ("Inclusion criterion 5 has two washouts.", {"E501"}),
        ("The study has two washouts.", set()),
        ("The trial has six windows.", set()),
        ("The trial has three windows of 6 months.", set()),
        ("Exclusion criterion 4 holds two windows of 24 weeks.", set()),
        ("Exclusion criterion 4 holds two 24-week windows.", set()),
        ("Exclusion criterion 4 holds one window before screening.", set()),
        ("Inclusion criterion 5 has one washout of 4 weeks.", set()),
    ],
)
def test_a_count_of_the_limits_of_a_kind_is_the_records(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found
