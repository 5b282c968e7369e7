"""A limit's exception of the patients a condition lets in: "Total bilirubin > 2 mg/dL (except Gilbert's
syndrome)" keeps out no patient with Gilbert's syndrome, so a threshold without that condition says more
than its source (every patient over the limit kept out). The mutation hunt of this stop found it passing
(E524 read an exception of a cause, "due to SLE hepatitis", and of a part, a group or a sponsor's say, not
of a named condition); scopes._CONDITION_EXCEPTION reads it now, and a bracket letting them in ("(Gilbert's
syndrome allowed)"). A permission in a clause of its own ("; patients with Gilbert's syndrome are
eligible") is read too, as scopes.lets_in_after reads it (tests/test_attacks_helper1_eligibility.py).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PATH, Trials, one_threshold_draft

BILIRUBIN = {"kind": "LABORATORY", "measure": "Total bilirubin", "comparator": ">", "value": 2, "unit": "mg/dL"}


def _status(registry, trials: Trials, text: str, condition: str | None) -> tuple[int, str]:
    path = one_threshold_draft(registry, "seeds/970_exception.txt", text, side="exclusion", **BILIRUBIN)
    if condition is not None:
        record = path.read_text(encoding="utf-8")
        path.write_text(
            record.replace("      unit: mg/dL\n", f'      unit: mg/dL\n      conditions:\n        - "{condition}"\n')
        )
    result = trials("validate", registry / IM19_PATH)
    return result.status, result.out


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Total bilirubin > 2 mg/dL (except Gilbert's syndrome).", "except Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL, excluding Gilbert's syndrome.", "excluding Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL other than in known Gilbert's disease.", "other than in known Gilbert's disease"),
        (
            "Total bilirubin > 2 mg/dL, excepting hereditary spherocytosis or other haemolysis.",
            "excepting hereditary spherocytosis or other haemolysis",
        ),
        ("Total bilirubin > 2 mg/dL (excluding Gilbert's syndrome).", "excluding Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (other than Gilbert's syndrome).", "other than Gilbert's syndrome"),
        # (an exception in brackets was read as an aside of the limit's words, E518, with "excepting")
        ("Total bilirubin > 2 mg/dL (excepting Gilbert's syndrome).", "excepting Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (save for Gilbert's syndrome).", "save for Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (apart from Gilbert's syndrome).", "apart from Gilbert's syndrome"),
        ("Total bilirubin > 2 mg/dL (not including Gilbert's syndrome).", "not including Gilbert's syndrome"),
        # a bracket letting them in was read as an aside of the limit's words (E518): no record could give it
        ("Total bilirubin > 2 mg/dL (Gilbert's syndrome allowed).", "Gilbert's syndrome allowed"),
        ("Total bilirubin > 2 mg/dL (known Gilbert's disease is permitted).", "known Gilbert's disease is permitted"),
    ],
)
def test_a_limit_excepting_a_condition_needs_it_as_a_condition(
    registry, trials: Trials, text: str, condition: str
) -> None:
    status, out = _status(registry, trials, text, None)
    assert status == 1 and "E524" in out, out
    status, out = _status(registry, trials, text, condition)
    assert status == 0, out


@pytest.mark.parametrize(
    "text",
    [
        "Total bilirubin > 2 mg/dL (except as noted in the protocol).",  # no condition named
        "Total bilirubin > 2 mg/dL. Patients with Gilbert's syndrome are excluded.",  # another sentence
    ],
)
def test_words_excepting_no_condition_of_the_limit_ask_none(registry, trials: Trials, text: str) -> None:
    status, out = _status(registry, trials, text, None)
    assert status == 0, out
