"""Attacks on the prior-therapy reading (fix28): a requirement's cue taken by its kind over an earlier
one of another kind (prior_therapy.requirement, _earliest), and a permission of a failure after the
cue's sentence skipped whole.
"""

from __future__ import annotations

import pytest
from sle_trials.reading import prior_therapy

# --- the first cue of a criterion, of any kind ------------------------------------------------------

# Several words of a requirement in one criterion, an earlier one of a kind read after a later one's
# (FAILED's "failure of", "refractory to" taken over STAYED_ACTIVE's "failed", "despite", or RECEIVED's
# "previously treated"): the therapies are read from the cue on, and those before it were lost, the
# requirement read as its alternative alone
EARLIER_CUE_OF_ANOTHER_KIND = [
    (
        "Must have failed mycophenolate; failure of cyclophosphamide is also acceptable.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    (
        "Must have failed mycophenolate. Failure of cyclophosphamide is also acceptable.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    (
        "Must have failed rituximab and may continue the study if refractory to belimumab.",
        ("rituximab", "belimumab"),
    ),
    ("Have failed mycophenolate, or be refractory to cyclophosphamide.", ("mycophenolate", "cyclophosphamide")),
    ("Have failed rituximab, or have an inadequate response to belimumab.", ("rituximab", "belimumab")),
    ("Relapsed after rituximab or refractory to belimumab.", ("rituximab", "belimumab")),
    (
        "Active disease despite hydroxychloroquine and inadequate response to mycophenolate.",
        ("hydroxychloroquine", "mycophenolate"),
    ),
    (
        "Have not responded to mycophenolate, or intolerant of cyclophosphamide.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    (
        "Inadequately controlled with glucocorticoids and refractory to mycophenolate.",
        ("glucocorticoids", "mycophenolate"),
    ),
    (
        "Disease flared despite mycophenolate; failure of cyclophosphamide also qualifies.",
        ("mycophenolate", "cyclophosphamide"),
    ),
    # ... a treatment had before, before a failure
    ("Previously treated with rituximab and refractory to belimumab.", ("rituximab", "belimumab")),
    (
        "Previously treated with rituximab; disease remained active despite belimumab.",
        ("rituximab", "belimumab"),
    ),
]


@pytest.mark.parametrize(("text", "therapies"), EARLIER_CUE_OF_ANOTHER_KIND)
def test_the_first_cue_of_any_kind_is_the_requirements(text: str, therapies: tuple) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


# ... while a cue of one kind, or an earlier one denied (negated, a permission of a treatment had
# before, in words of whatever lets patients in), reads as it did
FIRST_CUE_READ_AS_BEFORE = [
    ("Failure of mycophenolate.", "Failure of", ("mycophenolate",)),
    ("Refractory to mycophenolate and failed rituximab.", "Refractory to", ("mycophenolate", "rituximab")),
    # (a cue of FAILED and STAYED_ACTIVE's at one place: FAILED's words)
    ("Failure of rituximab or belimumab.", "Failure of", ("rituximab", "belimumab")),
    ("Failure of rituximab; failure of belimumab is not required.", "Failure of", ("rituximab",)),
    ("Not previously treated with rituximab; refractory to mycophenolate.", "refractory to", ("mycophenolate",)),
    (
        "Patients previously treated with belimumab are eligible; must be refractory to mycophenolate.",
        "refractory to",
        ("mycophenolate",),
    ),
    ("Did not fail hydroxychloroquine but refractory to mycophenolate.", "refractory to", ("mycophenolate",)),
    ("Regardless of prior belimumab, refractory to mycophenolate.", "refractory to", ("mycophenolate",)),
    (
        "Must have failed rituximab, and concomitant hydroxychloroquine is OK.",
        "failed",
        ("rituximab",),
    ),
]


@pytest.mark.parametrize(("text", "words", "therapies"), FIRST_CUE_READ_AS_BEFORE)
def test_a_single_or_denied_cue_reads_as_before(text: str, words: str, therapies: tuple) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and (found.words, found.therapies) == (words, therapies)
