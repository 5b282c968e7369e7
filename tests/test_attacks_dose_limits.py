"""Pull-request attacks on a cohort's dose: a number of the dose's words that is not the dose.

A source that gives an arm a dose per kilogram often caps it ("1×10^6 CAR-T cells/kg (maximum total
dose 1×10^8 CAR-T cells)") or gives a range ("0.5-1×10^6 CAR-T cells/kg"). The cap bound a cohort's
flat dose of 1×10^8 with no note (the word "total" stood for a flat basis), and either end of the
range bound a dose of its own: a reader saw one dose where the source gives a maximum or a range. A
number the source gives as a maximum, or as an end of a range, is a dose only as a reading, which a
curation note on the cohort says (E510).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AS_OF_LINE, IM19_PATH, Trials, add_source, im19_draft, joined, put
from sle_trials.reading.lexicon import dosing

SOURCE = "seeds/922_dose_limits.txt"
RECORD = joined(
    im19_draft(SOURCE),
    """\
arms:
  - label: CAR-T cell therapy group
    cohorts:
      - dose:
          value: {value}
          unit: CAR-T cells
          basis: {basis}
evidence:
  arms.0.cohorts.0: {quote}
""",
)
NOTE = """\
  notes:
    - field: arms.0.cohorts.0
      text: The source gives the dose as a maximum or a range; one number of it is recorded.
"""


def write_case(root: Path, words: str, value: int, basis: str, noted: bool = False) -> Path:
    title = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    add_source(root, SOURCE, title + AS_OF_LINE + f"CAR-T cell therapy group: patients receive {words}.\n")
    record = RECORD.format(value=value, basis=basis, quote=words)
    if noted:
        record = record.replace('      as_of: "2025-08-17"\n', '      as_of: "2025-08-17"\n' + NOTE, 1)
    return put(root, IM19_PATH, record)


CAP = "1×10^6 CAR-T cells/kg (maximum total dose 1×10^8 CAR-T cells)"


@pytest.mark.parametrize(
    ("words", "value", "basis"),
    [
        (CAP, 100_000_000, "FLAT"),  # the cap as a flat dose
        ("1×10^6 CAR-T cells/kg, not exceeding 1×10^8 CAR-T cells in total", 100_000_000, "FLAT"),
        ("0.5-1×10^6 CAR-T cells/kg", 1_000_000, "PER_KG"),  # the range's upper end as the dose
        ("2×10^6 to 5×10^6 CAR-T cells/kg", 5_000_000, "PER_KG"),
        ("between 2×10^6 and 5×10^6 CAR-T cells/kg", 5_000_000, "PER_KG"),
        ("2×10^6 CAR-T cells/kg to 5×10^6 CAR-T cells/kg", 2_000_000, "PER_KG"),  # and its lower end
    ],
)
def test_a_maximum_or_an_end_of_a_range_is_no_dose_without_a_note(
    registry: Path, trials: Trials, words: str, value: int, basis: str
) -> None:
    write_case(registry, words, value, basis)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E510"}, result.out
    assert result.where("E510")[0][0] == IM19_PATH
    assert any("arms.0.cohorts.0.dose" in p["message"] for p in result.problems())


@pytest.mark.parametrize(
    ("words", "value", "basis"),
    [(CAP, 1_000_000, "PER_KG"), ("a single dose of 1×10^6 CAR-T cells/kg", 1_000_000, "PER_KG")],
)
def test_the_dose_beside_its_cap_binds(registry: Path, trials: Trials, words: str, value: int, basis: str) -> None:
    write_case(registry, words, value, basis)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_a_noted_end_of_a_range_binds(registry: Path, trials: Trials) -> None:
    write_case(registry, "0.5-1×10^6 CAR-T cells/kg", 1_000_000, "PER_KG", noted=True)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_the_reading_names_the_limit() -> None:
    [dose] = [d for d in dosing.doses(CAP) if d.value == 100_000_000]
    assert dose.limit == dosing.CAP_READING
    [dose] = [d for d in dosing.doses(CAP) if d.value == 1_000_000]
    assert dose.limit is None and dose.reading is None
