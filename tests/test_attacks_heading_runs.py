"""A page's heading read as words of the text below it, and a saved page's headings.

A browser shows a heading (<h1> to <h6>) as a line of its own, set apart from the text below it, in
larger type: "<h2>Status: Not yet</h2><p>recruiting patients elsewhere</p>" vouched for a quote "Status:
Not yet recruiting" (NOT_YET_RECRUITING) that no reader reads. Setting every heading apart (a SEPARATOR
either side) refused honest records: a saved ClinConnect page, whose "Gender" is a heading above its
"ALL", no longer stated "Gender ALL", and its keywords and related trials read the SEPARATOR as a
value. A page of no layout is now read by its blocks (layouts.set_apart, markup.read(blocks=True)): a
heading is set apart from the text above it, and from the text below it unless it is a label ("Gender",
"Enrollment:"); a layout's page is read by its places, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put
from sle_trials.reading import criteria_text
from sle_trials.reading.invisible import SEPARATOR

HEAD = f"<p>{IM19_TITLE_LINE}</p><p>Last Updated: 2025-08-17</p>"
STATUS = 'overall_status: NOT_YET_RECRUITING\nevidence:\n  overall_status: "Status: Not yet recruiting"\n'


@pytest.mark.parametrize("heading", ["h1", "h2", "h6"])
def test_a_status_run_from_a_heading_into_the_text_below_is_refused(
    registry: Path, trials: Trials, heading: str
) -> None:
    page = f"<html><body>{HEAD}<{heading}>Status: Not yet</{heading}><p>recruiting elsewhere</p></body></html>"
    source = add_source(registry, "seeds/950_heading.html", page)
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E502" in result.out, result.out


def test_an_enrollment_run_from_the_text_into_a_heading_is_refused(registry: Path, trials: Trials) -> None:
    page = f"<html><body>{HEAD}<p>Enrollment:</p><h3>60 participants enrolled elsewhere</h3></body></html>"
    result = trials.enrollment("seeds/950_heading.html", page, 60, "Enrollment: 60 participants")
    assert result.status == 1, result.out
    assert "E502" in result.out, result.out


def test_a_label_in_a_heading_states_the_value_below_it(registry: Path, trials: Trials) -> None:
    """A saved page's "<h2>Gender</h2><p>ALL</p>" states "Gender ALL", as its text copy does."""
    page = f"<html><body>{HEAD}<h2>Gender</h2><p>ALL</p></body></html>"
    source = add_source(registry, "seeds/950_heading.html", page)
    sex = "eligibility:\n  sex: ALL\nevidence:\n  eligibility.sex: Gender ALL\n"
    put(registry, IM19_PATH, joined(im19_draft(source), sex))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_a_label_heading_states_the_enrollment_below_it(registry: Path, trials: Trials) -> None:
    page = f"<html><body>{HEAD}<h3>Enrollment:</h3><p>60 participants</p></body></html>"
    result = trials.enrollment("seeds/950_heading.html", page, 60, "Enrollment: 60 participants")
    assert result.status == 0, result.out


def test_a_separator_line_is_no_criterion() -> None:
    """A page's SEPARATOR (between a table's rows, around a control's text) is a blank line to the
    criteria's reader: read as words, it was a criterion of its own, and ran into the item above it."""
    lines = f"Inclusion Criteria:\n{SEPARATOR}\n1. Weight\n2. Age\n{SEPARATOR}\n"
    lines += f"Exclusion Criteria\n{SEPARATOR}\n1. Pregnancy\n"
    inclusion, exclusion, _ = criteria_text.split_criteria(lines)
    assert inclusion == [{"number": 1, "text": "Weight"}, {"number": 2, "text": "Age"}]
    assert exclusion == [{"number": 1, "text": "Pregnancy"}]
