"""Pull-request attacks by a popover and an open dialog, which a browser does not show in the page's flow.

An element with a `popover` attribute is shown by no browser until a script or a button opens it
(HTML's `[popover]:not(:popover-open) { display: none }`), and `<div popover>Enrollment: 60
participants</div>` was read as shown. An open `<dialog>` is drawn by a browser's own style as a box
laid over the page (`position: absolute`, its own background), covering the words that follow it in
the flow: "<dialog open>Note</dialog><p>Status: Recruiting</p>" was read as it stands, where a
reader sees the dialog over the status. A popover is now hidden as a `hidden` element is, and a page
with an open dialog is not read, as one with a style laying an element over others' text.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TITLE_LINE, Trials
from sle_trials.reading import markup

SAID = "Enrollment: 60 participants"
HEAD = f"<!DOCTYPE html><html><body><p>{IM19_TITLE_LINE}</p><p>Last Updated: 2025-08-17</p>"


@pytest.mark.parametrize(
    "said",
    [
        f"<div popover>{SAID}</div>",
        f"<div popover=manual><p>{SAID}</p></div>",
        f"<dialog open>Note</dialog><p>{SAID}</p>",
    ],
)
def test_words_a_browser_does_not_show_in_the_flow_bind_nothing(trials: Trials, said: str) -> None:
    result = trials.enrollment("seeds/950_popups.html", f"{HEAD}{said}</body></html>", 60, SAID)
    assert result.status == 1, result.out


def test_a_popover_is_hidden_and_an_open_dialog_leaves_the_page_unread() -> None:
    assert markup.shown("<p>a</p><div popover>b</div><p>c</p>") == "a\nc\n"
    page = markup.read("<p>a</p><dialog open>b</dialog><p>c</p>")
    assert page.unread is not None and "dialog" in page.unread
    assert markup.shown("<p>a</p><dialog>b</dialog><p>c</p>") == "a\nc\n"
