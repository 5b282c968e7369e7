"""Pull-request attacks by a combining mark: a quote that ends between a character and its mark.

Each end of a quote must fall between two words of its source (reading/edges.py, E521). A combining
mark was no letter or digit, so an end beside one was taken for a word's end: "Enrollment: 6̶0
participants" (U+0336, a 6 struck through) bound an enrollment of 6 by "Enrollment: 6" (the quote
splits the struck 6 from its stroke), and of 0 by "0 participants" (cut from the one number a reader
sees); so did a 6 with U+0338's slash. A character and its marks are now one: a quote may neither end
between them nor begin right after them inside a word or number. An enclosing mark (a keycap "6⃣")
encloses a number as "⑥" does: an item's mark, standing alone, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source_bytes, enrollment_draft
from sle_trials.reading import edges

TITLE = IM19_TITLE_LINE
SOURCE = "seeds/964_marks.txt"


def _draft(registry: Path, line: str, count: int, quote: str) -> None:
    raw = f"{TITLE}\nLast Updated: 2025-08-17\n{line}\n".encode()
    add_source_bytes(registry, SOURCE, raw)
    enrollment_draft(registry, SOURCE, count, quote)


@pytest.mark.parametrize("mark", ["\u0336", "\u0338", "\u0335\u0336"])
@pytest.mark.parametrize(("count", "quote"), [(6, "Enrollment: 6"), (0, "0 participants")])
def test_a_quote_cut_at_a_combining_mark_binds_nothing(
    registry: Path, trials: Trials, mark: str, count: int, quote: str
) -> None:
    _draft(registry, f"Enrollment: 6{mark}0 participants", count, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1 and "E521" in result.out, result.out


def test_a_quote_beside_a_mark_on_another_word_binds(registry: Path, trials: Trials) -> None:
    _draft(registry, "Enrollment: 60 participants (cafe\u0301)", 60, "Enrollment: 60 participants")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("text", "at", "inside"),
    [
        ("6\u03360", 1, True),  # between the 6 and its stroke
        ("6\u03360", 2, True),  # between the struck 6 and the 0
        ("6\u0336 0", 2, False),
        ("6\u20e30", 2, False),  # a keycap: an item's mark, as ⑥ is
        ("a\u0301b", 2, True),
    ],
)
def test_where_a_mark_joins(text: str, at: int, inside: bool) -> None:
    assert edges._inside_word(text, at) is inside
