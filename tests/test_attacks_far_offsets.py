"""Pull-request attacks by a space so wide it moves a page's text off the screen.

A page's style is read by over-approximation (reading/styles.py): a margin, a padding or a border
cannot hide text, so their lengths were read as harmless at any size, where only one below zero may
lay an element over others. But `<p style="margin-left: 100000px">Enrollment: 60 participants</p>`
shows its words 100,000 pixels to the right of the page a reader sees, and `margin-top` as far below
it; read as shown, they vouched for an enrollment no reader sees. A length of them beyond a few
inches (styles._NEAR) now may hide what is in the page, as a negative one does: none of it is read.

Each element's move is small, but they add up as elements nest: inside 60 <blockquote>s (a browser's
own style moves each 40 pixels in from either side), or 20 <div>s each with `margin-left: 150px`, a
text stands thousands of pixels right of the screen. An element whose open elements, with the rules
for the page's <body>, may move its text further than markup.FAR is now hidden with all in it.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TITLE_LINE, Trials
from sle_trials.reading import markup

SAID = "Enrollment: 60 participants"


def _page(style: str, said: str = "") -> str:
    said = said or f'<p style="{style}">{SAID}</p>'
    return f"<!DOCTYPE html><html><body><p>{IM19_TITLE_LINE}</p><p>Last Updated: 2025-08-17</p>{said}</body></html>"


FAR = {
    "a margin": "margin-left: 100000px",
    "a margin's shorthand": "margin: 0 0 0 5000em",
    "a margin down the page": "margin-top: 900in",
    "a padding": "padding-left: 99999pt",
    "a percentage": "padding-left: 5000%",
    "the window's widths": "margin-left: 400vw",
    "a border": "border-left: 100000px solid transparent",
    "a number, as a page of no doctype reads it": "margin-left: 100000",
}


@pytest.mark.parametrize("how", FAR)
def test_a_page_spaced_off_the_screen_is_not_read(trials: Trials, how: str) -> None:
    result = trials.enrollment("seeds/950_far.html", _page(FAR[how]), 60, SAID)
    assert result.status == 1, result.out


@pytest.mark.parametrize("style", ["margin: 0 auto", "margin-left: 2em", "padding: 1em 10%", "border: 1px solid"])
def test_a_page_spaced_as_pages_are_is_read(style: str) -> None:
    page = markup.read(_page(style))
    assert page.unread is None, page.unread
    assert SAID in page.text


NESTED = {
    "quotations": "<blockquote>" * 60 + SAID + "</blockquote>" * 60,
    "lists": "<ul><li>" * 20 + SAID + "</li></ul>" * 20,
    "styled divisions": "<div style='margin-left: 150px'>" * 20 + SAID + "</div>" * 20,
    "divisions a rule spaces": "<style>.i { padding-left: 150px }</style>"
    + "<div class=i>" * 20
    + SAID
    + "</div>" * 20,
    "a body a rule spaces": "<style>body { margin-left: 190px } .i { margin-left: 190px }</style>"
    + "<div class=i>" * 3
    + SAID
    + "</div>" * 3,
}


@pytest.mark.parametrize("how", NESTED)
def test_a_text_nested_off_the_screen_is_not_read(trials: Trials, how: str) -> None:
    result = trials.enrollment("seeds/950_far.html", _page("", NESTED[how]), 60, SAID)
    assert result.status == 1, result.out


def test_a_text_nested_as_pages_nest_is_read() -> None:
    said = "<style>body { padding: 1em } .c { padding: 1em 2em }</style><ul><li><blockquote>"
    said += "<div class=c>" * 5 + SAID + "</div>" * 5 + "</blockquote></li></ul><p>after</p>"
    page = markup.read(_page("", said))
    assert page.unread is None, page.unread
    assert f"{SAID}\nafter\n" in page.text


# HTML's own lengths (presentational attributes, a browser's hints of style): a cell, a column or a table
# wider than the screen, or spaced so, lays its row's other cells off it.
WIDE = {
    "a cell's width": f"<table><tr><td width=100000>x</td><td>{SAID}</td></tr></table>",
    "a column's width": f"<table><col width='99999'><tr><td>x</td><td>{SAID}</td></tr></table>",
    "a table's cell padding": f"<table cellpadding=5000><tr><td>{SAID}</td></tr></table>",
    "a table's border": f"<table border=5000><tr><td>{SAID}</td></tr></table>",
    "a body's margin": f"<body leftmargin=100000><p>{SAID}</p>",
    "a body's margin width": f"<body marginwidth='5000'><p>{SAID}</p>",
    "a cell's height, its row below": f"<table><tr><td height=100000>x</td></tr><tr><td>{SAID}</td></tr></table>",
}


@pytest.mark.parametrize("how", WIDE)
def test_a_page_laid_off_the_screen_by_its_html_lengths_is_not_read(trials: Trials, how: str) -> None:
    result = trials.enrollment("seeds/950_far.html", _page("", WIDE[how]), 60, SAID)
    assert result.status == 1, result.out


def test_a_table_of_html_lengths_as_pages_give_them_is_read() -> None:
    said = f"<table width=960 border=1 cellpadding=4><col width=120><tr><td width=50%>{SAID}</td></tr></table>"
    page = markup.read(_page("", said))
    assert page.unread is None, page.unread
    assert SAID in page.text
