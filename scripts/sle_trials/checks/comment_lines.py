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

from sle_trials import fields
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
    line, counted = 1, 0  # the line of offset counted: lines are counted on from the last comment, not from the
    # start (counting from the start for each comment took 8 of a 1 MiB file's 16 s of CPU: quadratic)
    for m in _HASH.finditer(text):
        at = m.start()
        i = bisect_right(starts, at) - 1
        if at < end or (i >= 0 and spans[i][0] <= at < spans[i][1]):
            continue  # (in a comment, or inside a scalar: no comment)
        line_start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        end = len(text) if end < 0 else end
        line, counted = line + text.count("\n", counted, at), at
        found.append(Comment(line, at - line_start + 1, text[at + 1 : end]))
    return found


def remarks(found: list[Comment], schema: dict) -> list[tuple[Comment, str]]:
    """The comments that are remarks on the trial, each with its words as a remark's are read (remark_names,
    remark_parts): a commented-out field (`# phases:`, the skeleton `trials new` writes) is a value left out, not a
    remark; so is a comment of no word; a file's path ("trials/NCT05765006.yaml") is blanked, no name."""
    worded = [comment for comment in found if _WORD.search(comment.text)]
    if not worded:
        return []
    keys = {part for path in fields.all_field_names(schema) for part in path} | {"evidence", "field.path"}
    return [(comment, _PATH.sub(" | ", comment.text)) for comment in worded if not _commented_out(comment.text, keys)]


# a letter, a digit or an underscore, in any script: a comment with none ("# ----", "#") says nothing to read, and
# each of a remark's readers read such a line anyway (a 1 MiB file of "#" lines took 10 s of CPU to check)
_WORD = lazy(r"\w")


# a file's path, which a comment cites ("Curated from seeds/000_84a0f0163f21158e.txt"), or a folder's ("seeds/"):
# its last part a file's name with its extension, or none; not any word with a slash, which names no file
# ("CD19/BCMA CAR-T", "1×10^6/kg": Relma-cel's "(CD19-CART)" made "(CD19/BCMA CAR-T)" passed, blanked, hunt 214)
_PATH = lazy(r"[^\s()\[\]]*/(?:[^\s()\[\]/]*\.[A-Za-z][A-Za-z0-9]*)?(?=\.?(?:[\s()\[\],;:]|\Z))")
# a line the skeleton writes for a field, or a field's line commented out: a key and its colon ("  # phases:",
# "# - name: ...", "#   field.path: quote"), or a list item's placeholder ("- ...", '- "YYYY-MM-DD"', "- 0")
_FIELD_LINE = lazy(r"[ ]*(?:-[ ]+)?([a-z_][a-z0-9_.]*):(?:[ ]|\Z)")
_PLACEHOLDER = lazy(r'[ ]*-(?:[ ]+(?:\.\.\.|"YYYY-MM-DD"|0|false))?[ ]*\Z')


def _commented_out(text: str, keys: set[str]) -> bool:
    """Whether a comment's words are a field's line commented out: one of keys (the schema's at any depth, and the
    skeleton's evidence placeholder) and its colon; or a list item's placeholder."""
    if _PLACEHOLDER.match(text):
        return True
    line = _FIELD_LINE.match(text)
    return line is not None and line.group(1) in keys
