"""Pull-request attacks by a picture or a control standing between a line's words.

A page is read as the text a browser shows (reading/markup.py), and an image, a form control, a frame,
a player, a drawing or a gauge is none of it. A browser draws each as a box in its line, between the
words either side: "Enrollment: 6<img src='five.png'>0 participants", which shows 6, a picture of a
5 and 0, was read "Enrollment: 60 participants" and bound an enrollment of 60; so did "6<input
value=5>0". A line holding such a box is now not read (as one holding words shown otherwise).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PAGE_HEAD, Trials
from sle_trials.reading import markup

HEAD = IM19_PAGE_HEAD


@pytest.mark.parametrize(
    "box",
    ["<img src='five.png' alt=''>", "<input value='5'>", "<svg width='8'><text>5</text></svg>", "<meter>5</meter>"],
)
def test_a_box_between_a_numbers_digits_binds_no_number(trials: Trials, box: str) -> None:
    line = f"<p>Enrollment: 6{box}0 participants</p>"
    result = trials.enrollment(
        "seeds/950_boxes.html", f"{HEAD}{line}\n</body></html>\n", 60, "Enrollment: 60 participants"
    )
    assert result.status == 1, result.out


def test_a_box_on_a_line_of_its_own_leaves_the_others_read() -> None:
    assert markup.shown("<p>a</p><img src='x.png'><p>b</p><div hidden><input></div><p>c</p>") == "a\nb\nc\n"


# Controls and boxes with text of their own, drawn in their line: a button, a text field, a marquee.
# Read as words of their line, "6<button>0</button>" (a 6 and a button labelled 0) and
# "6<textarea>0</textarea>" (a 6 and a text field holding 0) were read as 60: their text is now read as
# lines of their own, which no quote runs across (markup._APART).
@pytest.mark.parametrize(
    "box",
    [
        "<button>0</button>",
        "<textarea>0</textarea>",
        "<marquee>0</marquee>",
    ],
)
def test_a_control_holding_a_digit_binds_no_number(trials: Trials, box: str) -> None:
    line = f"<p>Enrollment: 6{box} participants</p>"
    result = trials.enrollment(
        "seeds/950_boxes.html", f"{HEAD}{line}\n</body></html>\n", 60, "Enrollment: 60 participants"
    )
    assert result.status == 1, result.out


def test_a_controls_text_is_read_apart_from_its_line() -> None:
    assert (
        markup.shown("<p>a <button>b</button> c</p><textarea>d</textarea>")
        == "a\n\uffff\nb\n\uffff\nc\n\uffff\nd\n\uffff\n"
    )
