"""Pull-request attacks on a number written with another script's or style's point or comma.

A number is read whole, and no quote may end inside one (reading/edges.py, E521): "Enrollment: 6" of
"Enrollment: 6,000 participants" or of "6.5" is a cut. The points and commas other scripts and styles
write inside a number were no part of it: the middle dot of a decimal ("38·5", as The Lancet writes
it), the dot operator, the bullet and the hyphenation point, Arabic's decimal and thousands separators
("6٫5", "6٬000"), and the low quotation mark a comma is set as ("6‚000"). "Enrollment: 6" of
"Enrollment: 6٬000 participants" bound an enrollment of 6, and the whole quote bound 6 or 0 (two
numbers). Such a number is now one run, of no reading (digits.POINTS): no number is cut out of it.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading.lexicon import quantities

HEAD = IM19_TEXT_HEAD
# a middle dot, a dot operator, a bullet, a hyphenation point, Arabic's separators, a low quote mark
POINTS = "\u00b7\u22c5\u2219\u2027\u066b\u066c\u201a"


@pytest.mark.parametrize("point", list(POINTS))
@pytest.mark.parametrize("quote", ["Enrollment: 6", "Enrollment: 6{}000 participants"])
def test_a_number_written_with_another_point_binds_no_part_of_it(trials: Trials, point: str, quote: str) -> None:
    result = trials.enrollment(
        "seeds/950_points.txt", f"{HEAD}Enrollment: 6{point}000 participants\n", 6, quote.format(point)
    )
    assert result.status == 1, result.out


def test_no_number_is_read_out_of_another_points_digits() -> None:
    assert [n.value for n in quantities.numbers("38\u00b75 years and 6\u066c000 participants")] == []
    assert [n.value for n in quantities.numbers("38.5 years and 6,000 participants")] == [38.5, 6000]
