"""Honest work the readings of hunts 219 and 220 refuse (false positives), hunt 217 (helper-92): notes true of the
IM19 and Relma-cel records and their sources under tests/fixtures/registry/, each beside its false twin (the same
sentence made untrue), which stays refused.

Found and fixed:
- **A field named as an event in time.** IM19's "The start date, 2024-07-30, falls before the enrolment closes." and
  "The start date 2024-07-30 is before the status was last updated." were refused (E501
  remark_order.check_source_order) as placing the dates above the enrolment's or the status's line of its page. The
  field's words with a verb of their own after them ("closes", "was last updated") name the field as an event, and a
  date before or after it is a time, not a place on the page (remark_order._AN_EVENT). "The source lists the dates
  (...) before the enrolment.", "... before the enrolment count." and "... before the enrolment is given." are still
  refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, codes_with_a_sentence_added


# --- A field named as an event in time (remark_order._AN_EVENT): IM19's page writes RECRUITING, "6 participants"
# and then its dates 2024-07-30 and 2027-12-31
@pytest.mark.parametrize(
    ("added", "found"),
    [
        ("The start date, 2024-07-30, falls before the enrolment closes.", set()),
        ("The start date 2024-07-30 is before the status was last updated.", set()),
        ("The source lists the dates (2024-07-30, 2027-12-31) before the enrolment.", {"E501"}),
        ("The source lists the dates (2024-07-30, 2027-12-31) before the enrolment is given.", {"E501"}),
    ],
)
def test_a_field_named_as_an_event_is_a_time_not_a_place(registry: Path, added: str, found: set[str]) -> None:
    assert codes_with_a_sentence_added(registry, IM19_PATH, added) == found
