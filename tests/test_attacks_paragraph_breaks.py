"""Pull-request attacks by a quote read across a paragraph break of a document of no layout.

"Status: Not yet" ending one paragraph (a plain text's blank line, a page's <p>, a table's cell) and
"recruiting" starting the next vouched for a quote "Status: Not yet recruiting" (NOT_YET_RECRUITING),
where a reader sees two separate texts: the normalised text joined every line with a space. A
document of no layout is now read with a SEPARATOR between two paragraphs a reader sees apart
(layouts.set_apart; a page's blocks as markup.read(blocks=True) writes them), which no record holds,
unless the paragraph before ends in a label ("Enrollment:", "Gender", "Overall Status"), whose value
a reader reads in the next one. A line break inside a paragraph (a plain text's single newline, a
page's <br>) joins its lines as before. A layout's page (a ClinConnect page, a registry copy) is read
by its places, whose labels and values stand in blocks of their own, and is not read so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, enrollment_draft, im19_draft, joined, put

HEAD = f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\n"
PAGE_HEAD = f"<p>{IM19_TITLE_LINE}</p><p>Last Updated: 2025-08-17</p>"
STATUS = 'overall_status: NOT_YET_RECRUITING\nevidence:\n  overall_status: "{quote}"\n'

ACROSS = {
    # a quote running across a blank line (two paragraphs of a plain text)
    "plain paragraphs": ("x.txt", HEAD + "Status: Not yet\n\n\nrecruiting patients elsewhere\n"),
    # a blank line of white space and invisible characters is one too
    "plain paragraphs, a line of spaces": ("x.txt", HEAD + "Status: Not yet\n \t\u200b\nrecruiting patients\n"),
    # across two <p> paragraphs, and across two cells of a table's row, two items of a list, two <div>s
    "page paragraphs": ("x.html", f"{PAGE_HEAD}<p>Status: Not yet</p><p>recruiting patients elsewhere</p>"),
    "table cells": (
        "x.html",
        f"{PAGE_HEAD}<table><tr><td>Status: Not yet</td><td>recruiting elsewhere</td></tr></table>",
    ),
    "list items": ("x.html", f"{PAGE_HEAD}<ul><li>Status: Not yet</li><li>recruiting elsewhere</li></ul>"),
    "divisions": ("x.html", f"{PAGE_HEAD}<div>Status: Not yet</div><div>recruiting elsewhere</div>"),
}


@pytest.mark.parametrize("case", ACROSS)
def test_a_status_read_across_a_paragraph_break(registry: Path, trials: Trials, case: str) -> None:
    name, text = ACROSS[case]
    source = add_source(registry, f"seeds/990_{name}", text)
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS.format(quote="Status: Not yet recruiting")))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E502" in result.out, result.out


WITHIN = {
    # one paragraph's lines: a plain text's single line break, a page's <br>
    "plain lines": ("x.txt", HEAD + "Status: Not yet\nrecruiting patients elsewhere\n", "Status: Not yet recruiting"),
    "page lines": ("x.html", f"{PAGE_HEAD}<p>Status: Not yet<br>recruiting</p>", "Status: Not yet recruiting"),
    # a label, and its value in the paragraph after it
    "plain label": ("x.txt", HEAD + "Overall Status:\n\nNot yet recruiting\n", "Overall Status: Not yet recruiting"),
    "plain label, no colon": (
        "x.txt",
        HEAD + "Overall Status\n\nNot yet recruiting\n",
        "Overall Status Not yet recruiting",
    ),
    "page label": ("x.html", f"{PAGE_HEAD}<p>Status:</p><p>Not yet recruiting</p>", "Status: Not yet recruiting"),
    "cell label": (
        "x.html",
        f"{PAGE_HEAD}<table><tr><td>Status</td><td>Not yet recruiting</td></tr></table>",
        "Status Not yet recruiting",
    ),
    "term label": (
        "x.html",
        f"{PAGE_HEAD}<dl><dt>Status:</dt><dd>Not yet recruiting</dd></dl>",
        "Status: Not yet recruiting",
    ),
    "heading label": (
        "x.html",
        f"{PAGE_HEAD}<h3>Overall Status</h3><p>Not yet recruiting</p>",
        "Overall Status Not yet recruiting",
    ),
}


@pytest.mark.parametrize("case", WITHIN)
def test_a_status_read_within_a_paragraph_or_after_its_label_binds(registry: Path, trials: Trials, case: str) -> None:
    name, text, quote = WITHIN[case]
    source = add_source(registry, f"seeds/990_{name}", text)
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS.format(quote=quote)))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("x.txt", HEAD + "Enrollment:\n\n60 participants\n"),
        ("x.html", f"{PAGE_HEAD}<table><tr><td>Enrollment:</td><td>60 participants</td></tr></table>"),
    ],
)
def test_an_enrollment_after_its_label_binds(registry: Path, trials: Trials, name: str, text: str) -> None:
    source = add_source(registry, f"seeds/990_{name}", text)
    enrollment_draft(registry, source, 60, "Enrollment: 60 participants")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
