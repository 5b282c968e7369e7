"""Pull-request attacks by a page's style that writes a quotation's marks as words.

A browser writes quotation marks around a `<q>`, and a page is read with them (reading/markup.py):
"<q>6</q>0" shows “6”0, no 60. The marks are the style's `quotes` property, which was read as one that
cannot change a word: with `q { quotes: "Not yet " "" }`, "Status: <q>Recruiting</q>" shows "Status:
Not yet Recruiting", and a record quoting "Recruiting" passed as RECRUITING. A `quotes` that writes a
letter or a digit now may hide its element, as a list marker written as words does (styles._WRITES).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import markup

STATUS = 'overall_status: RECRUITING\nevidence:\n  overall_status: "Recruiting"\n'


def _page(style: str, q: str = "<q>Recruiting</q>") -> str:
    head = f"<!DOCTYPE html><html><head>{style}</head><body>\n<p>{IM19_TITLE_LINE}</p>\n"
    return f"{head}<p>Last Updated: 2025-08-17</p>\n<p>Status: {q}</p>\n</body></html>\n"


WORDS = {
    "a rule": _page('<style>q { quotes: "Not yet " "" }</style>'),
    "its own style": _page("", '<q style=\'quotes: "Not yet " ""\'>Recruiting</q>'),
}


@pytest.mark.parametrize("how", WORDS)
def test_quotation_marks_written_as_words_bind_no_status(registry: Path, trials: Trials, how: str) -> None:
    source = add_source(registry, "seeds/950_quotes.html", WORDS[how])
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


def test_quotation_marks_of_punctuation_hide_nothing() -> None:
    page = '<style>q { quotes: "\u00ab" "\u00bb" "\u2039" "\u203a" }</style><p>Status: <q>Recruiting</q></p>'
    assert markup.shown(page) == "Status: \u201cRecruiting\u201d\n"
