"""Eligibility records that said more than their source (helper-1's hunt of known false passes).

- A permission in a clause of its own after an exclusion limit: "Total bilirubin > 2 mg/dL; patients with
  Gilbert's syndrome are eligible" keeps out no patient with Gilbert's syndrome, like "(except Gilbert's
  syndrome)", yet a threshold without it passed, and one holding it was refused (E518: the
  condition check held that nothing after the semicolon could be the limit's). The clause right after the
  limit's semicolon is read now, for a permission of a group ("patients with ... are eligible", "...
  may be enrolled", "... are not excluded") and for an exception of a condition or of a cause ("; except
  in Gilbert's syndrome", "; unless due to Gilbert's syndrome"): its threshold must hold it (E524), and may.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, one_threshold_draft

SOURCE = "seeds/971_helper1.txt"
BILIRUBIN = {"kind": "LABORATORY", "measure": "Total bilirubin", "comparator": ">", "value": 2, "unit": "mg/dL"}
BILIRUBIN_ULN = {"kind": "LABORATORY", "measure": "Total bilirubin", "comparator": ">", "value": 2, "unit": "×ULN"}
ALT = {"kind": "LABORATORY", "measure": "ALT", "comparator": ">", "value": 3, "unit": "×ULN"}


def _codes(registry: Path, trials: Trials, text: str, threshold: dict, condition: str | None) -> set[str]:
    """The codes `trials validate` reports of IM19's draft holding the one exclusion criterion text and one
    threshold of it, given condition (None: no conditions)."""
    path = one_threshold_draft(registry, SOURCE, text, side="exclusion", **threshold)
    if condition is not None:
        record = path.read_text(encoding="utf-8")
        unit = f"      unit: {threshold['unit']}\n"
        assert unit in record
        path.write_text(record.replace(unit, f"{unit}      conditions:\n        - {json.dumps(condition)}\n"))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status in (0, 1), result.out + result.err
    return result.codes()


# 1. A permission (or an exception) in the clause after the limit's semicolon
@pytest.mark.parametrize(
    ("text", "condition", "threshold"),
    [
        (
            "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are eligible.",
            "patients with Gilbert's syndrome are eligible",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 ×ULN; patients with Gilbert's syndrome are eligible",
            "patients with Gilbert's syndrome are eligible",
            BILIRUBIN_ULN,
        ),
        ("Total bilirubin > 2 mg/dL; Gilbert's syndrome is allowed.", "Gilbert's syndrome is allowed", BILIRUBIN),
        (
            "Total bilirubin > 2 mg/dL; subjects with known Gilbert's disease may be enrolled.",
            "subjects with known Gilbert's disease may be enrolled",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; participants with Gilbert's syndrome can also be included.",
            "participants with Gilbert's syndrome can also be included",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are not excluded.",
            "patients with Gilbert's syndrome are not excluded",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; however, patients with Gilbert's syndrome may participate.",
            "however, patients with Gilbert's syndrome may participate",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; patients with hemolysis due to SLE are permitted.",
            "patients with hemolysis due to SLE are permitted",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; except in patients with Gilbert's syndrome.",
            "except in patients with Gilbert's syndrome",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; unless due to Gilbert's syndrome.",
            "unless due to Gilbert's syndrome",
            BILIRUBIN,
        ),
        (
            "Total bilirubin > 2 mg/dL; this does not apply to patients with Gilbert's syndrome.",
            "this does not apply to patients with Gilbert's syndrome",
            BILIRUBIN,
        ),
    ],
)
def test_a_permission_after_the_limits_semicolon_is_its_condition(
    registry: Path, trials: Trials, text: str, condition: str, threshold: dict
) -> None:
    assert _codes(registry, trials, text, threshold, None) == {"E524"}
    assert _codes(registry, trials, text, threshold, condition) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a rule keeping the group out, not letting it in
        "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are excluded.",
        "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are not eligible.",
        "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome cannot be enrolled.",
        # what patients must be, no permission
        "Total bilirubin > 2 mg/dL; patients must be eligible for lymphodepletion.",
        # another limit after the semicolon, and the permission in another sentence
        "Total bilirubin > 2 mg/dL; ALT > 3 ×ULN.",
        "Total bilirubin > 2 mg/dL. Patients with Gilbert's syndrome are excluded.",
    ],
)
def test_a_clause_after_the_semicolon_that_lets_no_one_in_asks_no_condition(
    registry: Path, trials: Trials, text: str
) -> None:
    assert _codes(registry, trials, text, BILIRUBIN, None) == set()


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # not a permission: the clause keeps them out, and the threshold given it says the limit applies only then
        (
            "Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are excluded.",
            "patients with Gilbert's syndrome are excluded",
        ),
        (
            "Total bilirubin > 2 mg/dL; patients must be eligible for lymphodepletion.",
            "patients must be eligible for lymphodepletion",
        ),
    ],
)
def test_a_clause_after_the_semicolon_that_lets_no_one_in_is_no_condition(
    registry: Path, trials: Trials, text: str, condition: str
) -> None:
    assert _codes(registry, trials, text, BILIRUBIN, condition) == {"E518"}


def test_a_permission_after_another_limits_clause_is_not_this_ones(registry: Path, trials: Trials) -> None:
    text = "ALT > 3 ×ULN; Total bilirubin > 2 mg/dL; patients with Gilbert's syndrome are eligible."
    assert _codes(registry, trials, text, ALT, None) == set()
    assert _codes(registry, trials, text, ALT, "patients with Gilbert's syndrome are eligible") == {"E518"}
