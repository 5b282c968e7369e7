"""E501: a count a curation note gives of a list it writes after it that is not the number of items it lists
("three unlabelled dates (2024-07-30, 2027-12-31)": lexicon.note_lists). Mutation hunt 208 rewrote IM19's "two
unlabelled dates" to "three" and Relma-cel's "two hospitals, "..." and "..."" to "three hospitals", and both passed:
a note's dates and quotes were each held to its sources, and the count before them to nothing. The evidence stage
runs it beside the other remark checks (evidence.stages).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.load import Record
from sle_trials.checks.remarks import remarks_of
from sle_trials.problem import Problem
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_lists


def check_remark_lists(record: Record) -> Iterator[Problem]:
    """E501: each count a remark gives of a list it writes whole after it that differs from the items listed."""
    for kind, i, text, _ in remarks_of(record):
        for counted in note_lists.counted_lists(normalise(text)):
            if counted.given != counted.listed:
                yield record.problem(
                    ("curation", kind, i, "text"),
                    "E501",
                    f"curation.{kind}.{i}.text counts {counted.given} {counted.noun} and lists {counted.listed}: a "
                    "remark's count of what it lists is the number it lists",
                )
