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
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_sentence_added


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
