"""Pull-request attacks by a comment a browser ends elsewhere than the check's parser did.

HTML's tokenizer ends a comment at its first "-->" or "--!>" ("<!-->" and "<!--->" are empty ones).
Python 3.11's parser (the one this tool runs on, html.parser's `commentclose`, r"--\\s*>") ended one
at "--" and white space before ">" too, so "<!-- -- > Enrollment: 60 participants -->", all of it a
comment to a browser, showed the check "Enrollment: 60 participants", and vouched for an enrollment
no reader sees. A comment now ends where a browser ends it (markup._Shown.parse_comment).
"""

from __future__ import annotations

import pytest
from conftest import IM19_TITLE_LINE, Trials
from sle_trials.reading import markup

SAID = "Enrollment: 60 participants"
HEAD = f"<!DOCTYPE html><html><body><p>{IM19_TITLE_LINE}</p><p>Last Updated: 2025-08-17</p>"


@pytest.mark.parametrize("close", ["-- >", "--\n>", "--\t >"])
def test_words_in_a_comment_a_browser_keeps_open_bind_nothing(trials: Trials, close: str) -> None:
    result = trials.enrollment(
        "seeds/950_comment.html", f"{HEAD}<p>x <!-- {close} {SAID} --> y</p></body></html>", 60, SAID
    )
    assert result.status == 1, result.out


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("a<!-- -- > b -->c", "ac\n"),
        ("a<!-- b --!>c", "ac\n"),  # "--!>" ends it
        ("a<!-->b", "ab\n"),  # an empty comment
        ("a<!--->b", "ab\n"),
        ("a<!-- b --->c", "ac\n"),
        ("a<!-- b", "a\n"),  # open to the page's end: none of it shown
    ],
)
def test_a_comment_ends_where_a_browser_ends_it(page: str, shown: str) -> None:
    assert markup.shown(page) == shown
