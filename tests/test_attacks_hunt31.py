"""Attacks found by a mutation hunt (hunt31) on the checks' reading of curated records: the
lymphodepleting agents held in another order than the source names them (rows._agents_out_of_order,
E533).
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import AS_OF_LINE, IM19_PATH, IM19_TITLE_LINE, add_source, im19_draft, joined, put, record_data

# --- the lymphodepleting agents in another order than the source's --------------------------------

# Each agent with its own quote was held to it, the list to no order: the schema's "in source order"
# (trials.csv joins them so) was read nowhere, and cyclophosphamide listed before fludarabine passed
FLU_THEN_CY = "Lymphodepletion with fludarabine 30 mg/m²/day and cyclophosphamide 300 mg/m²/day before the infusion.\n"
CY_THEN_FLU = "Lymphodepletion with cyclophosphamide 300 mg/m²/day and fludarabine 30 mg/m²/day before the infusion.\n"
FLU = ("FLUDARABINE", 30, "fludarabine 30 mg/m²/day")
CY = ("CYCLOPHOSPHAMIDE", 300, "cyclophosphamide 300 mg/m²/day")


def _agents_codes(registry: Path, text: str, agents: list[tuple[str, int, str]]) -> set[str]:
    """The codes of an IM19 draft citing a source of text and holding agents (each quoted alone)."""
    source = add_source(registry, "seeds/981_hunt31_agents.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}{text}")
    held = "".join(f"    - agent: {a}\n      dose: {d}\n      unit: mg/m²/day\n" for a, d, _ in agents)
    quoted = "".join(f'  lymphodepletion.agents.{i}: "{q}"\n' for i, (_, _, q) in enumerate(agents))
    put(registry, IM19_PATH, joined(im19_draft(source), f"lymphodepletion:\n  agents:\n{held}evidence:\n{quoted}"))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(
    ("text", "agents", "codes"),
    [
        (FLU_THEN_CY, [CY, FLU], {"E533"}),
        (FLU_THEN_CY, [FLU, CY], set()),
        (CY_THEN_FLU, [FLU, CY], {"E533"}),
        (CY_THEN_FLU, [CY, FLU], set()),
        # an agent the words name twice may stand where either naming is
        (CY_THEN_FLU + "Lymphodepletion: fludarabine and cyclophosphamide.\n", [FLU, CY], set()),
    ],
)
def test_agents_in_another_order_than_the_sources_are_refused(
    registry: Path, text: str, agents: list[tuple[str, int, str]], codes: set[str]
) -> None:
    assert _agents_codes(registry, text, agents) == codes
