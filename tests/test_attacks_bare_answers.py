"""A bare "Yes" or "No" answers its own field's question only.

A plain source's "CD28 domain? Yes." let a record hold healthy_volunteers true quoted "Yes", and "Any
questions? No." false quoted "No": a yes/no field's bare answers ("Yes", "No", "true", "false") were
read wherever they stood. In a document that places no such field, an answer is now its field's only
after its label on its line (vocabulary.Reading.answer_label, categorical._answer_unlabelled); where a layout
places the field (a registry copy's row, "18 Years 65 Years ALL No"), its place is its label.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out, term_fields


def volunteers(value: str, quote: str) -> str:
    return term_fields("eligibility.healthy_volunteers", value, quote)


@pytest.mark.parametrize(
    ("line", "value", "quote"),
    [
        ("CD28 domain? Yes.", "true", "Yes"),
        ("Any questions? No.", "false", "No"),
        ("Randomized: No", "false", "No"),
        ("Results posted: No\nHealthy volunteers accepted in Part B.", "false", "No"),
    ],
)
def test_another_questions_answer_is_none(trials: Trials, line: str, value: str, quote: str) -> None:
    assert " E507 eligibility.healthy_volunteers: " in im19_out(trials, line, volunteers(value, quote))


@pytest.mark.parametrize(
    ("line", "value", "quote"),
    [
        ("Healthy volunteers: Yes", "true", "Yes"),
        ("Healthy volunteers: No", "false", "Healthy volunteers: No"),
        ("Accepts healthy volunteers: Yes", "true", "Accepts healthy volunteers: Yes"),
        ("Healthy participants accepted? No", "false", "No"),
    ],
)
def test_its_own_answer_binds(trials: Trials, line: str, value: str, quote: str) -> None:
    assert im19_out(trials, line, volunteers(value, quote)) == ""
