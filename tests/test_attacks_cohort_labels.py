"""Pull-request attacks on a cohort's label: the name of another cohort given to this one's dose.

A cohort's label was held only to occur in the source (a verbatim text), not to name the cohort whose
dose it stands with: "Dose level 1: 1×10^6 CAR-T cells/kg. Dose level 2: 3×10^6 CAR-T cells/kg."
passed with the labels swapped, each cohort quoted with its own dose, so a reader saw dose level 2
at the lower dose. A cohort's label is now the one its dose's words give it (E508).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AS_OF_LINE, IM19_PATH, Trials, add_source, im19_draft, joined, put

SOURCE = "seeds/923_cohort_labels.txt"
RECORD = joined(
    im19_draft(SOURCE),
    """\
arms:
  - label: CAR-T cell therapy group
    cohorts:
      - label: {first}
        dose: {{value: 1000000, unit: CAR-T cells, basis: PER_KG}}
      - label: {second}
        dose: {{value: 3000000, unit: CAR-T cells, basis: PER_KG}}
evidence:
  arms.0.cohorts.0: {one}
  arms.0.cohorts.1: {two}
""",
)
BEFORE = "Dose level 1: 1×10^6 CAR-T cells/kg. Dose level 2: 3×10^6 CAR-T cells/kg."
AFTER = "1×10^6 CAR-T cells/kg (Dose level 1), 3×10^6 CAR-T cells/kg (Dose level 2)"


def write_case(root: Path, words: str, first: str, second: str, one: str, two: str) -> Path:
    title = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    add_source(root, SOURCE, title + AS_OF_LINE + f"CAR-T cell therapy group: {words}\n")
    return put(root, IM19_PATH, RECORD.format(first=first, second=second, one=one, two=two))


@pytest.mark.parametrize(
    ("words", "one", "two"),
    [
        (BEFORE, "'Dose level 1: 1×10^6 CAR-T cells/kg'", "'Dose level 2: 3×10^6 CAR-T cells/kg'"),
        (BEFORE, "'1×10^6 CAR-T cells/kg'", "'3×10^6 CAR-T cells/kg'"),  # no label in the quotes
        (BEFORE, f"'{BEFORE}'", f"'{BEFORE}'"),  # both cohorts quoted with the whole sentence
        (AFTER, f"'{AFTER}'", f"'{AFTER}'"),  # labels written after their doses
    ],
)
def test_a_label_of_another_cohorts_dose_is_refused(
    registry: Path, trials: Trials, words: str, one: str, two: str
) -> None:
    write_case(registry, words, "Dose level 2", "Dose level 1", one, two)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E508"}, result.out
    assert {p["message"].split(":")[0] for p in result.problems()} == {
        "arms.0.cohorts.0.label",
        "arms.0.cohorts.1.label",
    }


@pytest.mark.parametrize(
    ("words", "one", "two"),
    [
        (BEFORE, "'Dose level 1: 1×10^6 CAR-T cells/kg'", "'Dose level 2: 3×10^6 CAR-T cells/kg'"),
        (BEFORE, f"'{BEFORE}'", f"'{BEFORE}'"),
        (AFTER, f"'{AFTER}'", f"'{AFTER}'"),
    ],
)
def test_each_label_with_its_own_dose_binds(registry: Path, trials: Trials, words: str, one: str, two: str) -> None:
    write_case(registry, words, "Dose level 1", "Dose level 2", one, two)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
