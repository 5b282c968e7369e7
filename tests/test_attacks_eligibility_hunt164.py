"""Eligibility values drafted from criteria lines the project had not seen (helper-164's hunt).

A probe of criteria lines as CT.gov records of lupus CAR-T trials write them, each given plausible
wrong values (another comparator, a neighbouring clause's number, another measure's unit, an "or" read
as "and", an exception read as the rule, a cohort's limit given to all), found the thresholds, ages,
autoantibodies and classification criteria refused. It found passing:

- a prior-therapy requirement read from an inclusion criterion whose every word of a treatment had or
  failed is denied or lets patients in: "No prior treatment with belimumab or rituximab", "Must not have
  received rituximab", "Not refractory to mycophenolate", "Patients previously treated with belimumab are
  eligible" each passed as therapies the patients must have had. prior_therapy.denied reads them now
  (E513); a criterion with no such words at all (its treatment one THERAPIES does not name: "Active
  disease despite Benlysta") is not read.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, im19_out


def _prior_therapy_out(trials: Trials, text: str, therapies: list[str]) -> str:
    """What `trials validate` prints of IM19's draft whose inclusion criterion 1 is text, holding a prior
    therapy of the therapies read from it, quoted as the whole criterion."""
    said = json.dumps(text, ensure_ascii=False)
    fields = (
        f"eligibility:\n  inclusion_criteria:\n    - number: 1\n      text: {said}\n"
        f"  prior_therapy:\n    therapies: {json.dumps(therapies)}\n    criterion: {{list: INCLUSION, number: 1}}\n"
        f"evidence:\n  eligibility.prior_therapy: {said}\n"
    )
    return im19_out(trials, f"Inclusion criteria:\n1. {text}", fields)


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("No prior treatment with belimumab or rituximab", ["belimumab", "rituximab"]),
        ("Not previously treated with rituximab", ["rituximab"]),
        ("Must not have received belimumab or rituximab", ["belimumab", "rituximab"]),
        ("Not refractory to mycophenolate", ["mycophenolate"]),
        ("Patients previously treated with belimumab are eligible", ["belimumab"]),
        ("Excluding patients previously treated with rituximab", ["rituximab"]),
    ],
)
def test_a_prior_therapy_of_a_criterion_denying_it_is_refused(trials: Trials, text: str, therapies: list[str]) -> None:
    out = _prior_therapy_out(trials, text, therapies)
    assert " E513 eligibility.prior_therapy: " in out and "is denied" in out, out


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("Failed at least 2 standard therapies including belimumab or rituximab", ["belimumab", "rituximab"]),
        ("Previously treated with belimumab or rituximab", ["belimumab", "rituximab"]),
        ("Patients who have not responded to mycophenolate", ["mycophenolate"]),
        ("Did not respond to at least 2 immunosuppressants", ["immunosuppressants"]),
        ("Active disease despite Benlysta.", ["Benlysta"]),  # (no therapy word the reading knows)
        ("Inadequate response to belimumab or rituximab", ["belimumab", "rituximab"]),
    ],
)
def test_a_prior_therapy_of_a_criterion_requiring_it_passes(trials: Trials, text: str, therapies: list[str]) -> None:
    assert _prior_therapy_out(trials, text, therapies) == ""
