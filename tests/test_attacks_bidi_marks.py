"""Pull-request attacks by a right-to-left context that outlives its control: numbers shown in another order.

Words between a bidirectional embedding, override or isolate and its closer are read as none
(invisible.unreordered, tests/test_attacks_bidi.py). The invisible right-to-left marks (RLM, U+200F;
ALM, U+061C) were only dropped, and an embedding's closer ended what was read as reordered. But a
mark, or a right-to-left embedding, sets a context that lays numbers out right to left up to the next
left-to-right letter (Unicode's bidirectional algorithm, rules W2 and W7; fribidi agrees):
"Enrollment: <RLM>1<RLM>2 participants" shows "Enrollment: 21 participants", and read as "12" it
bound an enrollment of 12; "E: <RLE>א<PDF>1<RLE>א<PDF>2 x" shows "E: 2א1א x" and was read "E: 1 2 x".
On a page, `<bdo dir=rtl>06</bdo>` shows 60, and bound 6 as "06".

Now what follows such a mark or opener, up to the next left-to-right letter outside an opener, is read
as none, and a page's element laid out in a direction other than left to right is hidden.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source_bytes, enrollment_draft
from sle_trials.reading import invisible, layouts

TITLE = IM19_TITLE_LINE


def _draft(registry: Path, name: str, text: str, count: int, quote: str) -> None:
    raw = text.encode()
    add_source_bytes(registry, f"seeds/{name}", raw)
    enrollment_draft(registry, f"seeds/{name}", count, quote)


def _plain(line: str) -> str:
    return f"{TITLE}\nLast Updated: 2025-08-17\n{line}\n"


def _page(body: str) -> str:
    return f"<html><body><p>{TITLE}</p><p>Last Updated: 2025-08-17</p>{body}</body></html>\n"


@pytest.mark.parametrize(
    ("name", "text", "count", "quote"),
    [
        ("963_rlm.txt", _plain("Enrollment: \u200f1\u200f2 participants"), 12, "Enrollment: 12 participants"),
        ("963_alm.txt", _plain("Enrollment: \u061c1\u061c2 participants"), 12, "Enrollment: 12 participants"),
        ("963_rle.txt", _plain("Enrollment: \u202b\u05d0\u202c1\u202b\u05d0\u202c2 participants"), 1, "Enrollment: 1"),
        (
            "963_bdo.html",
            _page("<p>Enrollment: <bdo dir=rtl>06</bdo> participants</p>"),
            6,
            "Enrollment: 06 participants",
        ),
    ],
)
def test_numbers_laid_out_right_to_left_state_nothing(
    registry: Path, trials: Trials, name: str, text: str, count: int, quote: str
) -> None:
    _draft(registry, name, text, count, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("963_lrm.txt", _plain("Enrollment: \u200e12\u200e participants")),
        ("963_mark.txt", _plain("Enrollment: 12 participants\u200f")),
        ("963_ltr.html", _page("<p dir=ltr>Enrollment: <bdo dir=ltr>12</bdo> participants</p>")),
    ],
)
def test_numbers_laid_out_left_to_right_bind(registry: Path, trials: Trials, name: str, text: str) -> None:
    _draft(registry, name, text, 12, "Enrollment: 12 participants")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Enrollment: \u200f1\u200f2 participants", "Enrollment: participants"),
        ("lu\u200fpus", "lupus"),  # a letter after the mark: nothing laid out otherwise
        ("a \u202b\u202c1 2 b\n3 4", "a b 3 4"),  # the context ends with the paragraph
        ("Age \u2066≥\u2069 18 years", "Age 18 years"),  # a left-to-right isolate sets none
    ],
)
def test_what_a_right_to_left_context_leaves(text: str, read: str) -> None:
    assert layouts.normalise(text) == read
    assert len(invisible.unreordered(text)) == len(text)
