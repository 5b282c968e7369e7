"""The comments of a trial file: each "#" YAML reads as a comment's start (at a line's start, or after a blank,
outside every scalar) to its line's end. Read by load.parse from the scalars' spans it has parsed, so a "#" inside
a text ("Cohort #2" in quotes, a line of a folded text) is none; checked by remark_names.check_comment_names (E501):
the Relma-cel record's first line said "Relma-cel (relmacabtagene autoleucel, CD19 CAR-T)", a name from the
curator's knowledge that its ClinConnect page never writes, above "every value below is stated there", and passed,
the checks reading no comment.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from sle_trials.patterns import lazy

# a comment's start: a "#" opening a line or after a blank (each one found, the ones inside a scalar skipped)
_HASH = lazy(r"(?:^|(?<=[ ]))#", re.MULTILINE)


class Comment(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based, of its "#"
    text: str  # its words after the "#"


def comments(text: str, spans: list[tuple[int, int]]) -> list[Comment]:
    """Each comment of text, spans: the (start, end) offsets of every scalar parsed, in order of their starts."""
    starts = [start for start, _ in spans]
    found: list[Comment] = []
    end = 0  # where the last comment found ends: a "#" before it is a word of that comment
    for m in _HASH.finditer(text):
        at = m.start()
        i = bisect_right(starts, at) - 1
        if at < end or (i >= 0 and spans[i][0] <= at < spans[i][1]):
            continue  # (in a comment, or inside a scalar: no comment)
        line_start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        end = len(text) if end < 0 else end
        found.append(Comment(text.count("\n", 0, at) + 1, at - line_start + 1, text[at + 1 : end]))
    return found
