"""Pull-request attacks by numbers a right-to-left letter lays out in another order.

A bidirectional control or an invisible right-to-left mark sets a context that lays the numbers after
it out right to left, up to the next left-to-right letter: what it reorders is read as none
(invisible.unreordered; tests/test_attacks_bidi.py, test_attacks_bidi_marks.py). A Hebrew or an
Arabic letter sets the same context, visibly, and was read past: "Age: ש 18 - 65 years" shows "Age:
65 - 18 ש years" (Unicode's bidirectional algorithm, rules W7 and N1; fribidi agrees), and bound a
minimum age of 18 and a maximum of 65 to words a reader sees in the other order; Arabic-Indic digits
(which the algorithm lays out as Arabic numbers) do so with no letter at all: "١٨ - ٦٥" shows
"٦٥ - ١٨". What such a context reorders (its numbers and what stands between them) is now read as
none, as a mark's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TEXT_HEAD, Trials, add_source, age_fields, im19_draft, joined, put
from sle_trials.reading import invisible

HEAD = IM19_TEXT_HEAD
HEBREW, ARABIC = "\u05e9", "\u0639"

REORDERED = {
    "after a Hebrew letter": (f"Age: {HEBREW} 18 - 65 years", "minimum_age", 18),
    "after a Hebrew letter, the maximum": (f"Age: {HEBREW} 18 - 65 years", "maximum_age", 65),
    "after an Arabic letter": (f"Age: {ARABIC} 18-65 years", "minimum_age", 18),
    "after a Hebrew word and a colon": (f"Age {HEBREW}{HEBREW}: 18 ~ 65 years", "minimum_age", 18),
    "in Arabic-Indic digits": ("Age: \u0661\u0668 - \u0666\u0665 years", "minimum_age", 18),
}


@pytest.mark.parametrize("how", REORDERED)
def test_numbers_a_right_to_left_letter_reorders_bind_nothing(registry: Path, trials: Trials, how: str) -> None:
    line, bound, value = REORDERED[how]
    source = add_source(registry, "seeds/950_rtl.txt", f"{HEAD}{line}\n")
    put(registry, IM19_PATH, joined(im19_draft(source), age_fields(bound, value, line)))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


def test_numbers_after_a_left_to_right_letter_bind(registry: Path, trials: Trials) -> None:
    line = f"Age ({HEBREW}): from 18 - 65 years"  # "from" ends the context: shown as written
    source = add_source(registry, "seeds/950_rtl.txt", f"{HEAD}{line}\n")
    put(registry, IM19_PATH, joined(im19_draft(source), age_fields("minimum_age", 18, "from 18 - 65 years")))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (f"Age: {HEBREW} 18 - 65 years", f"Age: {HEBREW}         years"),
        (f"{HEBREW}{HEBREW} 6 x 7", f"{HEBREW}{HEBREW}   x 7"),  # its own letters kept
        ("\u0661\u0668 - \u0666\u0665 y", "\u0661\u0668      y"),  # a lone Arabic number is shown as written
        ("Age 18-65 \u05e9", "Age 18-65 \u05e9"),
        ("\u0661,\u0660\u0660\u0660 x", "\u0661,\u0660\u0660\u0660 x"),
    ],
)
def test_what_a_right_to_left_context_reorders_is_read_as_none(text: str, read: str) -> None:
    assert invisible.unreordered(text) == read
