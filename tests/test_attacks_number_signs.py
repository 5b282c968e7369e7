"""Pull-request attacks on a quote's ends: a number cut from its range's dash or from its sign.

Each end of a quote must fall between two words of its source (reading/edges.py, E521), and a
hyphen between digits joins them into one ("40-60"): "60 participants" of "Enrollment: 40-60
participants" was refused. The same range written with a Unicode hyphen (U+2010, U+2011), a figure
dash, an en dash (the typographer's range), a minus sign, an em dash or a tilde (CJK's "40～60",
"40〜60") was no number to the edge, and the quote bound an enrollment of 60. So did a quote ending
before a sign that makes the number another quantity ("Enrollment: 60" of "Enrollment: 60% ...",
"60+", "60°") or beginning after one that makes it negative ("60 participants" of "−60
participants"). Each is now a cut of the number; a name's sign ("CD4+") is none.
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading import edges

HEAD = IM19_TEXT_HEAD
CUTS = {
    "unicode hyphen": ("Enrollment: 40\u201060 participants", "60 participants"),
    "non-breaking hyphen": ("Enrollment: 40\u201160 participants", "60 participants"),
    "en dash": ("Enrollment: 40\u201360 participants", "60 participants"),
    "minus sign": ("Enrollment: 40\u221260 participants", "60 participants"),
    "em dash": ("Enrollment: 40\u201460 participants", "60 participants"),
    "tilde": ("Enrollment: 40~60 participants", "60 participants"),
    "full-width tilde": ("Enrollment: 40\uff5e60 participants", "60 participants"),
    "wave dash": ("Enrollment: 40\u301c60 participants", "60 participants"),
    "percent": ("Enrollment: 60% of participants", "Enrollment: 60"),
    "plus": ("Enrollment: 60+ participants", "Enrollment: 60"),
    "degree": ("Enrollment: 60\u00b0 participants", "Enrollment: 60"),
    "negative": ("Enrollment: \u221260 participants", "60 participants"),
}


@pytest.mark.parametrize("how", CUTS)
def test_a_quote_cutting_a_number_from_its_dash_or_sign_binds_nothing(trials: Trials, how: str) -> None:
    line, quote = CUTS[how]
    result = trials.enrollment("seeds/950_signs.txt", f"{HEAD}{line}\n", 60, quote)
    assert result.status == 1, result.out
    assert "E521" in result.out


def test_a_number_beside_spaced_dashes_stands_whole(trials: Trials) -> None:
    result = trials.enrollment(
        "seeds/951_signs.txt", f"{HEAD}Enrollment \u2013 60 participants\n", 60, "60 participants"
    )
    assert result.status == 0, result.out


def test_a_names_sign_cuts_no_number() -> None:
    assert edges.cut("CD4+ T lymphocytes <500/mm3", "CD4") is None
    assert edges.cut("CD4+ T lymphocytes <500/mm3", "500/mm3") is None
    assert edges.cut("aged 18\u201365 years", "65 years") is not None
