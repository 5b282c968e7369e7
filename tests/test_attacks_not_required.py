"""A requirement of prior therapy that its own criterion says is not one, and one it says is.

prior_therapy.requirement read "Failure of rituximab is not required." as a requirement of rituximab's
failure: a negation was looked for before a cue only, and "not required" after one was read as a
permission, which lets in a treatment had before but not a failure. A record giving that requirement
passed, and one declaring the prior therapy silent was refused E523. The other way, "optional" was a
permission even after "not": "Prior treatment with rituximab is not optional." stated no requirement,
and the record declaring it silent passed.
"""

from __future__ import annotations

import pytest
from sle_trials.reading import prior_therapy

NOT_REQUIRED = [
    "Failure of rituximab is not required.",
    "Failure of rituximab is optional.",
    "Failure of rituximab is not mandatory.",
    "Refractory to rituximab is not necessary, and belimumab is allowed.",
    "Prior treatment with rituximab is not required.",  # read so before
]
REQUIRED = [
    ("Prior treatment with rituximab is not optional.", ("rituximab",)),
    ("Prior treatment with rituximab isn't optional.", ("rituximab",)),
    ("Failure of rituximab is not optional.", ("rituximab",)),
    ("Failure of rituximab is required, not optional.", ("rituximab",)),
    # a requirement waived for some patients is still one
    ("Refractory to rituximab is not required for patients with nephritis.", ("rituximab",)),
    ("Failure of rituximab; failure of belimumab is not required.", ("rituximab",)),
    ("Failure of rituximab is not required; failure of belimumab is.", ("belimumab",)),
]


@pytest.mark.parametrize("text", NOT_REQUIRED)
def test_a_requirement_its_criterion_denies_is_none(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is None


@pytest.mark.parametrize(("text", "therapies"), REQUIRED)
def test_a_requirement_it_does_not_deny_is_read(text: str, therapies: tuple[str, ...]) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies
