"""Pull-request attacks on the evidence: a field of one list item bound by a quote about another.

A quote for one field of a list item must name the item (an official's role, a site's city: its
name is in the quote, else E512). The lymphodepleting agents are named by a term of the vocabulary,
not a text, and were not held to it: "fludarabine 30 mg/m2 and cyclophosphamide 500 mg/m2" gave
fludarabine 500 and cyclophosphamide 30, each dose quoted from the other agent's words. A quote for
a field of an agent must render that agent and no other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, im19_draft, joined

SOURCE = "seeds/920_lymphodepletion.txt"
TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
    "Lymphodepletion: fludarabine 30 mg/m2 and cyclophosphamide 500 mg/m2 on days -5 to -3.\n"
)
RECORD = joined(
    im19_draft(SOURCE),
    """\
lymphodepletion:
  agents:
    - agent: FLUDARABINE
      dose: {fludarabine}
      unit: mg/m2
    - agent: CYCLOPHOSPHAMIDE
      dose: {cyclophosphamide}
      unit: mg/m2
evidence:
  lymphodepletion.agents.0.agent: fludarabine 30 mg/m2
  lymphodepletion.agents.0.dose: {first}
  lymphodepletion.agents.1.agent: cyclophosphamide 500 mg/m2
  lymphodepletion.agents.1.dose: {second}
  lymphodepletion.agents.0.unit: fludarabine 30 mg/m2
  lymphodepletion.agents.1.unit: cyclophosphamide 500 mg/m2
""",
)


def put(root: Path, **values: str) -> None:
    add_source(root, SOURCE, TEXT)
    (root / IM19_PATH).write_text(RECORD.format(**values), encoding="utf-8")


def test_doses_quoted_from_the_other_agent_are_refused(registry: Path, trials: Trials) -> None:
    put(
        registry,
        fludarabine="500",
        cyclophosphamide="30",
        first="cyclophosphamide 500 mg/m2",
        second="fludarabine 30 mg/m2",
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    assert (
        f"{IM19_PATH}:20:3: E512 evidence for lymphodepletion.agents.0.dose: "
        "the quote does not name the item it is about ('FLUDARABINE')"
    ) in result.out
    assert f"{IM19_PATH}:22:3: E512 evidence for lymphodepletion.agents.1.dose:" in result.out


@pytest.mark.parametrize("first", ["fludarabine 30 mg/m2", '"Lymphodepletion: fludarabine 30 mg/m2"'])
def test_doses_quoted_with_their_agent_bind(registry: Path, trials: Trials, first: str) -> None:
    put(registry, fludarabine="30", cyclophosphamide="500", first=first, second="cyclophosphamide 500 mg/m2")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def _one_agent(root: Path, words: str, dose: str, unit: str) -> str:
    """IM19 as a draft whose source gives fludarabine in words, with one agent of that dose and unit
    quoted as those words; the record's text (written too)."""
    add_source(root, SOURCE, TEXT.replace("fludarabine 30 mg/m2 and", f"{words} and"))
    record = joined(
        im19_draft(SOURCE),
        f"""\
lymphodepletion:
  agents:
    - agent: FLUDARABINE
      dose: {dose}
      unit: {unit}
evidence:
  lymphodepletion.agents.0: {words}
""",
    )
    (root / IM19_PATH).write_text(record, encoding="utf-8")
    return record


@pytest.mark.parametrize(
    ("fludarabine", "unit"),
    # the days' number as the dose; the dose with the days as its unit; the unit cut before its /day
    [("3", "mg/m2/day"), ("30", "days"), ("30", "mg/m2")],
)
def test_a_dose_is_the_number_its_unit_follows_not_any_number_of_its_quote(
    registry: Path, trials: Trials, fludarabine: str, unit: str
) -> None:
    """An agent's dose was bound as any number its quote holds, and its unit as any words of it:
    "fludarabine 30 mg/m2/day for 3 days" bound a dose of 3 mg/m2/day, and one of 30 days, in a draft
    as in a complete record, and trials.csv published it."""
    record = _one_agent(registry, "fludarabine 30 mg/m2/day for 3 days", fludarabine, unit)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E508 lymphodepletion.agents.0.dose: the quote " in result.out, result.out
    (registry / IM19_PATH).write_text(
        record.replace(f"dose: {fludarabine}", "dose: 30").replace(f"unit: {unit}", "unit: mg/m2/day"), encoding="utf-8"
    )
    assert trials("validate", registry / IM19_PATH).status == 0


@pytest.mark.parametrize(
    ("words", "dose", "unit", "codes"),
    [
        ("fludarabine 30 mg/m2/day for 3 days (total 90 mg/m2)", 90, "mg/m2", {"E510"}),
        ("fludarabine 30 mg/m2/day, a cumulative dose of 90 mg/m2", 90, "mg/m2", {"E510"}),
        ("fludarabine up to 30 mg/m2/day", 30, "mg/m2/day", {"E510"}),
        ("fludarabine 25-30 mg/m2/day", 30, "mg/m2/day", {"E510"}),
        ("fludarabine 30 mg/m2/day for 3 days (total 90 mg/m2)", 30, "mg/m2/day", set()),
    ],
)
def test_a_total_a_maximum_or_a_range_end_is_no_agents_dose_without_a_note(
    registry: Path, trials: Trials, words: str, dose: int, unit: str, codes: set[str]
) -> None:
    """Before: "fludarabine 30 mg/m2/day for 3 days (total 90 mg/m2)" bound a fludarabine dose of 90
    mg/m2 with no note: the total over the days read as the dose given, and a maximum or an end of a
    range as one dose. Each is a dose only as a reading a curation note says (E510), as for a cohort."""
    _one_agent(registry, words, str(dose), unit)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.codes() == codes, result.out
