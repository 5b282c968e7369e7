"""Pull-request attacks by a page's heading, read as words of the text below it.

A browser shows a heading (<h1> to <h6>) as a line of its own, set apart from the text below it, in
larger type. The reader read it as a line, and a page's lines run into each other as its words do:
"<h2>Status: Not yet</h2><p>recruiting patients elsewhere</p>" vouched for a quote "Status: Not yet
recruiting" (NOT_YET_RECRUITING) that no reader reads, a heading lending its words to the text below
it. A heading's line now has a SEPARATOR either side, which no quote runs across.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, enrollment_draft, im19_draft, joined, put
from sle_trials.reading import criteria_text, markup
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


def test_an_enrollment_run_from_the_text_into_a_heading_is_refused(registry: Path, trials: Trials) -> None:
    page = f"<html><body>{HEAD}<p>Enrollment:</p><h3>60 participants enrolled elsewhere</h3></body></html>"
    source = add_source(registry, "seeds/950_heading.html", page)
    enrollment_draft(registry, source, 60, "Enrollment: 60 participants")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


def test_a_heading_is_a_line_apart() -> None:
    assert markup.shown("<p>a</p><h2>b</h2><p>c</p>") == f"a\n{SEPARATOR}\nb\n{SEPARATOR}\nc\n"


def test_a_list_under_a_heading_is_still_read_as_its_criteria(registry: Path, trials: Trials) -> None:
    """The SEPARATOR after a heading is no criterion: a blank line to the criteria's reader."""
    text = "Weight at least 40 kg"
    page = f"<html><body>{HEAD}<h3>Inclusion Criteria</h3><ol><li>{text}</li></ol>"
    page += "<h3>Exclusion Criteria</h3></body></html>"
    source = add_source(registry, "seeds/950_heading.html", page)
    criteria = f"eligibility:\n  inclusion_criteria:\n    - number: 1\n      text: {text}\nevidence:\n"
    criteria += f"  eligibility.inclusion_criteria.0: {text}\n"
    put(registry, IM19_PATH, joined(im19_draft(source), criteria))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_a_separator_line_is_no_criterion() -> None:
    """Read as words, a heading's SEPARATOR was a criterion of its own, and ran into the item above it."""
    lines = f"Inclusion Criteria:\n{SEPARATOR}\n1. Weight\n2. Age\n{SEPARATOR}\n"
    lines += f"Exclusion Criteria\n{SEPARATOR}\n1. Pregnancy\n"
    inclusion, exclusion, _ = criteria_text.split_criteria(lines)
    assert inclusion == [{"number": 1, "text": "Weight"}, {"number": 2, "text": "Age"}]
    assert exclusion == [{"number": 1, "text": "Pregnancy"}]
