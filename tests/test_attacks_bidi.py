"""Pull-request attacks by bidirectional controls in a source: words a reader is shown in one order,
read by the checks in another.

A source's invisible characters are left out of the text the checks read (invisible.py): the
controls of "Enrollment: <RLO>06<PDF> participants" too, so the check read "06" where a browser, an
editor and GitHub show "60": a record holding an enrollment of 6 passed, quoting words no reader
sees. A passage an embedding, override or isolate reorders now states nothing (invisible.unreordered).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import invisible, layouts

TITLE = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17"
)


@pytest.mark.parametrize(
    ("shown", "count", "quote"),
    [
        ("Enrollment: \u202e06\u202c participants", 6, "Enrollment: 06 participants"),  # shown as 60
        ("Enrollment: \u202e06\u202c participants", 60, "Enrollment: 60 participants"),
        ("Enrollment: \u2067\u202e06\u202c\u2069 participants", 6, "Enrollment: 06 participants"),  # nested
        ("Enrollment: \u202b6 participants, 60\n", 6, "6 participants"),  # no closer: to the paragraph's end
    ],
)
def test_words_a_bidirectional_control_reorders_state_nothing(
    registry: Path, trials: Trials, shown: str, count: int, quote: str
) -> None:
    source = add_source(registry, "seeds/926_bidi.txt", f"{TITLE}\n{shown}\n")
    record = joined(im19_draft(source), f"enrollment:\n  count: {count}\nevidence:\n  enrollment: '{quote}'\n")
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E502"}, result.out


def test_the_words_around_a_reordered_passage_are_read_as_before() -> None:
    text = "Enrollment: 6 participants. \u202eon\u202c Age \u2066≥\u2069 18 years\nnext \u202a line"
    assert layouts.normalise(text) == "Enrollment: 6 participants. Age 18 years next"
    assert len(invisible.unreordered(text)) == len(text)  # positions kept for the site's map back
    assert layouts.normalise("Enrollment: 6 participants\u200f") == "Enrollment: 6 participants"  # a mark only
