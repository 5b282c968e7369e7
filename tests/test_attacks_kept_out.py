"""Words that keep patients out, read alike wherever a prior therapy's requirement reads them.

prior_therapy.py defined _KEPT_OUT twice: the words of a sentence after the requirement's that keeps
out those it speaks of, then, under the same name, the words after a cue in its clause that make an
inclusion criterion an exclusion. The second shadowed the first, whose modal negations ("must not
participate", "may not be randomised", "shall not participate") no rule read any more: an inclusion
criterion "Failure of rituximab; patients who failed belimumab must not participate." required
belimumab, and "Patients previously treated with rituximab must not participate." required rituximab,
so a record holding either requirement passed.
"""

from __future__ import annotations

import pytest
from sle_trials.reading import prior_therapy

KEPT_OUT = [
    "must not participate",
    "may not be randomised",
    "shall not participate",
    "cannot be enrolled",
    "are excluded",
    "were excluded",
    "are not eligible",
    "are never eligible",
    "will not be included",
    "are no longer eligible",
]


@pytest.mark.parametrize("words", KEPT_OUT)
def test_a_later_sentence_keeping_its_patients_out_requires_nothing(words: str) -> None:
    for text in (
        f"Failure of rituximab; patients who failed belimumab {words}.",
        f"Failure of rituximab. Patients refractory to belimumab {words}.",
    ):
        found = prior_therapy.requirement(text, inclusion=True)
        assert found is not None and found.therapies == ("rituximab",), text


@pytest.mark.parametrize("words", KEPT_OUT)
def test_a_clause_keeping_its_patients_out_is_no_requirement(words: str) -> None:
    for text in (
        f"Patients previously treated with rituximab {words}.",
        f"Patients refractory to rituximab {words}.",
    ):
        assert prior_therapy.requirement(text, inclusion=True) is None, text


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("Failure of rituximab; patients must have failed belimumab too.", ("rituximab", "belimumab")),
        ("Failure of rituximab and belimumab.", ("rituximab", "belimumab")),
        # words of another event than taking part ("must not be pregnant") keep no one out
        ("Failure of rituximab; patients must not be pregnant.", ("rituximab",)),
        ("Patients previously treated with rituximab must not have received it within 6 months.", ("rituximab",)),
    ],
)
def test_a_requirement_not_kept_out_is_read(text: str, therapies: tuple[str, ...]) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies
