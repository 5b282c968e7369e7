"""Pull-request attacks by a page's style that lays an element out as the other kind than its tag's.

A page is read a line for each block (reading/markup.py), by its tags: a `<div>` starts a line, a
`<span>` runs in its line. A style's `display` (read as a declaration that cannot hide text) lays an
element out otherwise: "Enrollment: 6<span style='display: block'>0</span> participants" shows
"Enrollment: 6" over "0 participants", and read as one line it bound an enrollment of 60; "<div
style='display: inline'>Enrollment: 6</div>0 participants" shows "Enrollment: 60 participants", and
read as two lines it bound 6. An element laid out otherwise than its tag (by its own style, or by a
rule that may match it) is now hidden, and the lines it stands in are not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PAGE_HEAD, IM19_PATH, Trials, add_source, enrollment_draft
from sle_trials.reading import markup

HEAD = IM19_PAGE_HEAD
LAID_OUT = {
    "an inline element as a block": ("<p>Enrollment: 6<span style='display: block'>0</span> participants</p>", 60),
    "a block in its line": ("<div style='display: inline'>Enrollment: 6</div>0 participants", 6),
    "a rule's block": ("<style>.n { display: list-item }</style><p>Enrollment: 6<b class=n>0</b> participants</p>", 60),
    "a rule's run of a line": ("<style>div { display: inline-block }</style><div>Enrollment: 6</div>0 participants", 6),
}


@pytest.mark.parametrize("how", LAID_OUT)
def test_a_number_across_an_element_laid_out_otherwise_binds_nothing(registry: Path, trials: Trials, how: str) -> None:
    line, count = LAID_OUT[how]
    source = add_source(registry, "seeds/950_layout.html", f"{HEAD}{line}\n</body></html>\n")
    quote = "Enrollment: 60 participants" if count == 60 else "Enrollment: 6"
    enrollment_draft(registry, source, count, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


def test_an_element_laid_out_as_its_tag_is_read() -> None:
    page = "<style>section, body { display: block }</style><section>a</section><div style='display: block'>b</div>"
    assert markup.shown(page + "<p>c <span style='display: inline-block'>d</span></p>") == "a\nb\nc d\n"
