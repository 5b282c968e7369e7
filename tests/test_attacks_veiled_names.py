"""Pull-request attacks by a trial's id in text shown to a reader but not read: its lines read as another trial's.

A plain page naming several trials speaks of one only in its lines, from a line naming it to the next
line naming any (layouts.trial_sections). A web page's element that a style may hide (a colour may be
its background's), or that a browser shows otherwise than written (struck through, in another
direction), is not read, and a line beside such an inline element is not read at all. When that text
named a trial, its section did not begin: "<span style='color: #c00'>NCT06886919</span> Another
trial", red to every reader, was read as "Another trial", and the enrollment in NCT06886919's lines
below bound IM19's record. Such text, where it may name a trial, now stands as a line no one's
(markup.BARRIER): the lines after it are about no trial until a line names one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source_bytes, enrollment_draft
from sle_trials.reading import markup

TITLE = IM19_TITLE_LINE
SOURCE = "seeds/965_page.html"


def _draft(registry: Path, other: str, quote: str, **fields: int) -> None:
    raw = (
        f"<html><body><p>{TITLE}</p><p>Last Updated: 2025-08-17</p><p>Enrollment: 6 participants</p>"
        f"{other}<p>Enrollment: 60 participants</p></body></html>\n"
    ).encode()
    add_source_bytes(registry, SOURCE, raw)
    enrollment_draft(registry, SOURCE, fields["count"], quote)


OTHERS = {
    "coloured id": "<p><span style='color: #c00'>NCT06886919</span> Another trial</p>",
    "coloured line": "<p style='color: #c00'>NCT06886919 Another trial</p>",
    # (a dark red is read as shown since colours are read by their contrast: the lines after it are the
    # trial's it names; a faint colour may hide its id, and the lines after it are no one's)
    "faint id": "<p><span style='color: #eee'>NCT06886919</span> Another trial</p>",
    "faint line": "<p style='color: #f0f0f0'>NCT06886919 Another trial</p>",
    "struck beside the id": "<p>NCT06886919 <s>old</s> Another trial</p>",
    "id in another direction": "<p><bdo dir=rtl>NCT06886919</bdo> Another trial</p>",
    "look-alike letters": "<p><span style='color: #c00'>\u039d\u0421\u042206886919</span> Another trial</p>",
}


@pytest.mark.parametrize("other", sorted(OTHERS))
def test_the_lines_after_a_trial_named_in_unread_text_are_no_ones(registry: Path, trials: Trials, other: str) -> None:
    _draft(registry, OTHERS[other], "Enrollment: 60 participants", count=60)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


@pytest.mark.parametrize("other", sorted(OTHERS))
def test_the_lines_before_it_are_read(registry: Path, trials: Trials, other: str) -> None:
    _draft(registry, OTHERS[other], "Enrollment: 6 participants", count=6)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_unread_text_naming_no_trial_leaves_no_barrier() -> None:
    page = markup.read("<p>a</p><p>b <s>c</s> d</p><p style='color: red'>e</p><p>f</p>")
    assert page == markup.Page("a\nf\n")
    page = markup.read("<p>a</p><p>b <s>NCT</s> d</p><p style='color: red'>e nct</p><p>f</p>")
    assert page == markup.Page(f"a\n{markup.BARRIER}\n{markup.BARRIER}\nf\n")
