"""Honest work the readings refuse (false positives), hunt 218 (helper-99): notes and comments true of the IM19 and
Relma-cel records and their sources under tests/fixtures/registry/, each beside its false twin (the same sentence made
untrue), which stays refused.

Found and fixed:
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_sentence_added


# --- A count opening a sentence (note_names.OPENERS): Relma-cel's page lists three Principal Investigators, IM19's
# five Related Clinical Trials
@pytest.mark.parametrize(
    ("shown", "added", "found"),
    [
        (RELMA_PATH, "Three Principal Investigators are listed.", set()),
        (IM19_PATH, "Five Related Clinical Trials are listed.", set()),
        (RELMA_PATH, "Three Chief Investigators are listed.", {"E501"}),
        (RELMA_PATH, "Four Principal Investigators are listed.", {"E501"}),
        (RELMA_PATH, "Three Principal Investigators work at Beijing Hospital.", {"E501"}),
    ],
)
def test_a_count_opening_a_sentence_is_no_part_of_a_name(
    registry: Path, shown: str, added: str, found: set[str]
) -> None:
    assert codes_with_a_sentence_added(registry, shown, added) == found
