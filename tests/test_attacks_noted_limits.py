"""Pull-request attacks on a limit a note leaves in its criterion's text.

A complete record holds each limit its criteria state as a threshold, or names the one it leaves out,
in the criterion's words, in a curation note on the list (E527): the compound "CD4+ T lymphocytes
<500/mm³ with a neutrophil count <1000/mm³" stays in IM19's text so. The same note dropped IM19's
entry threshold "SLEDAI-2K with a score of 10 or above": the record passed as complete, and
trials.csv's disease-activity columns came out empty, which reads as "not stated" while the source
states it. A limit of a kind trials.csv shows in columns of its own is held by a threshold.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import IM19_PATH, Trials

DROPPED = """    - kind: DISEASE_ACTIVITY
      criterion: {list: INCLUSION, number: 6}
      measure: SLEDAI-2K
      comparator: ">="
      value: 10
      unit: points
"""
QUOTE = "  eligibility.thresholds.1: 6) Disease activity score (SLEDAI-2K) with a score of 10 or above\n"
NOTE = """    - field: eligibility.inclusion_criteria
      text: Inclusion criterion 6's "score of 10 or above" stays in its text.
"""


def _renumbered(text: str) -> str:
    """The evidence of the thresholds after the second, one place up."""
    return re.sub(
        r"  eligibility\.thresholds\.([0-9]+):",
        lambda m: f"  eligibility.thresholds.{int(m.group(1)) - (int(m.group(1)) > 1)}:",
        text,
    )


def test_a_disease_activity_threshold_left_in_the_text_by_a_note_is_refused(registry: Path, trials: Trials) -> None:
    file = registry / IM19_PATH
    text = file.read_text("utf-8")
    assert DROPPED in text and QUOTE in text
    text = _renumbered(text.replace(DROPPED, "").replace(QUOTE, ""))
    text = text.replace("  notes:\n", "  notes:\n" + NOTE, 1)
    file.write_text(text, "utf-8")
    result = trials("validate", file)
    assert result.status == 1, result.out
    assert " E527 " in result.out and "trials.csv shows it" in result.out


def test_a_laboratory_limit_left_in_the_text_by_a_note_still_passes(registry: Path, trials: Trials) -> None:
    assert trials("validate", registry / IM19_PATH).status == 0  # IM19's compound CD4+ limit, noted
