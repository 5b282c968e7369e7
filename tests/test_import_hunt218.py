"""Eligibility texts that hunt 217 left misread, and more layouts of their classes (hunt 218, helper-89), read with
criteria_text.split (the importer and the check read a source's criteria with it alike), each beside a text of its
shape already read right, which must read as it did. The texts are test inputs: no fact of any study.

Found and fixed (each reproduced before with criteria_text.split(text)):
- after a footnote to a bulleted list's items ("* SLE¹" / "" / "¹ EULAR/ACR 2019" / "" / "* Consent"), the list's
  items were all left to the curator with it: a footnote is a paragraph, and the list now goes on at its next line
  bulleted as its last item is (unless the footnote leads into items of its own, "† Including:"), as a numbered list
  went on at its next number (notes.last_bullet, goes_on_after_footnote);
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts
from sle_trials.reading import criteria_text


def inclusion(lines: str) -> criteria_text.Split:
    """The text read with lines under the inclusion heading, beside an exclusion list of one."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.exclusion == [{"text": "Pregnancy"}]
    return found


FOOTNOTE = "a footnote"


def footnotes(found: criteria_text.Split) -> list[str]:
    return [r for r in found.remarks if FOOTNOTE in r]


# --- a bulleted list going on after a footnote ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    ["* Age\n* SLE¹\n\n¹ EULAR/ACR 2019\n\n* Consent", "- Age\n- SLE†\n\n† per the 2019 criteria\n- Consent"],
)
def test_a_bulleted_list_goes_on_after_a_footnote(lines: str) -> None:
    """Before: "Consent" left to the curator with the footnote, as an annex's lines are."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == ["Age", lines.split("\n")[1][2:], "Consent"] and found.unplaced
    assert len(footnotes(found)) == 1


@pytest.mark.parametrize(
    "lines",
    [
        "- Age\n- Medications†\n\n† Including:\n- rituximab\n- belimumab",  # the footnote's own list, under its colon
        "- Age\n- SLE†\n\n† per the 2019 criteria\n• biopsy",  # bulleted otherwise: the footnote's
        "- Age\n- SLE\n\nAppendix A:\n\n- TB",  # an annex's bullets stay its own
    ],
)
def test_items_after_a_footnote_or_an_annex_that_are_its_own_stay_the_curators(lines: str) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == ["Age", lines.split("\n")[1][2:]] and found.unplaced
