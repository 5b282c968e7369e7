"""A therapy the trial forbids is no intervention of it.

A plain document's "Drug: rituximab (prohibited)", "Prohibited - Drug: rituximab", "Drug: rituximab
is not allowed" and "(not permitted within 6 months)" each let a record list rituximab as an
intervention: the words that name a therapy the trial does not give (prose._NOT_GIVEN: had before,
compared against) did not name one it forbids, before or after its name (prose._PROHIBITED).
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, im19_out

INTERVENTION = "Intervention: Biological: IM19 CAR-T cells. "
NOT_STATED = " E512 interventions.0.name: not where the source states it"


def intervention(name: str, kind: str, quote: str) -> str:
    return (
        f"interventions:\n  - name: {name}\n    type: {kind}\n"
        f"evidence:\n  interventions.0.name: {json.dumps(name)}\n  interventions.0.type: {json.dumps(quote)}\n"
    )


RITUXIMAB = intervention("rituximab", "DRUG", "Drug: rituximab")


@pytest.mark.parametrize(
    "line",
    [
        "Drug: rituximab (prohibited)",
        "Prohibited - Drug: rituximab",
        "Drug: rituximab is not allowed",
        "Drug: rituximab (not permitted within 6 months)",
        "Forbidden: Drug: rituximab",
    ],
)
def test_a_therapy_the_trial_forbids_is_no_intervention(trials: Trials, line: str) -> None:
    assert NOT_STATED in im19_out(trials, INTERVENTION + line, RITUXIMAB)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Comparator - Drug: rituximab", RITUXIMAB),
        ("Drug: rituximab (as permitted by the protocol)", RITUXIMAB),
        (
            "Intervention: Biological: IM19 cells (other CAR-T products not allowed)",
            intervention("IM19 cells", "BIOLOGICAL", "Biological: IM19 cells"),
        ),
    ],
)
def test_an_intervention_beside_a_prohibition_of_another_binds(trials: Trials, line: str, fields: str) -> None:
    text = line if line.startswith("Intervention:") else INTERVENTION + line
    assert im19_out(trials, text, fields) == ""
