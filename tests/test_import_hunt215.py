"""trials import ctgov on eligibility texts written as sponsors write them (hunt 215, helper-81): each case a real study
of tests/fixtures/ctgov/real/ with its criteria text given in a shape the registry holds for other studies, imported
into a registry copy shared by the module (each variant under an NCT id of its own, held with --out-of-scope), that
misread what the text lists. Beside each, a text of that shape already read right, which must read as it did. The
texts are test inputs: no fact of any study.
"""

from __future__ import annotations

from collections.abc import Callable

from conftest import importer_hunt, with_criteria
from sle_trials.reading import criteria_text

shared, run_import, draft = importer_hunt("hunt215", 92150001)


def texts(items: list[dict]) -> list:
    """Each criterion's text, with its sub-criteria's texts after it where it has some."""
    out: list = []
    for c in items:
        out.append(c["text"])
        if "sub_criteria" in c:
            out.append(texts(c["sub_criteria"]))
    return out


def inclusion(lines: str) -> list:
    """The inclusion criteria's texts read from lines under the heading, beside an exclusion list of one."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.exclusion == [{"text": "Pregnancy"}]
    return texts(found.inclusion)


# --- HTML line breaks -------------------------------------------------------------------------------------------------

BROKEN = (
    "Inclusion Criteria:<br>1. Active SLE <br/> 2. Age&nbsp;18 to 65 years<br />3. Signed consent<BR><br>"
    "Exclusion Criteria:<br>1. Pregnancy &amp; lactation<br>2. HIV"
)


def test_html_line_breaks_part_the_lists_items(draft: Callable) -> None:
    """Before: one inclusion criterion holding both lists, "<br>" tags and all, and no exclusion criteria."""
    data = draft(with_criteria(BROKEN))
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Active SLE"},
        {"number": 2, "text": "Age\u00a018 to 65 years"},
        {"number": 3, "text": "Signed consent"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy & lactation"}, {"number": 2, "text": "HIV"}]


def test_angle_brackets_that_break_no_line_are_read_as_before() -> None:
    assert inclusion("* eGFR <60 mL/min and ALT <2 x ULN\n* <brief> intervals, p<0.05 <i>in vitro</i>") == [
        "eGFR <60 mL/min and ALT <2 x ULN",
        "<brief> intervals, p<0.05 <i>in vitro</i>",
    ]
