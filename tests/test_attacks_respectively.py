"""Lymphodepleting agents paired with their doses by "respectively".

"Lymphodepletion with fludarabine and cyclophosphamide at 30 and 300 mg/m²/day, respectively" gives
fludarabine 30 mg/m²/day and cyclophosphamide 300 mg/m²/day, but an agent's dose was read only as a
number with its unit right after it, and an agent only from a quote that names no other: the honest
record was refused (E507: the quote names both agents; E508: no unit right after 30; E512: the dose's
quote names another agent), whatever it quoted. dosing.respectively reads the class ("A and B at X
and Y unit, respectively", "A, B and C ... X, Y and Z unit respectively", "A and B were, respectively,
X and Y unit"), pairing items and numbers in order, each number's unit its own or the one after the
last; binding, the item's naming (E512) and the checks of a dose left out (E520, E523) read it so.

Still refused: the doses swapped (30 for cyclophosphamide), the pairing without "respectively", and
enumerations that do not count alike.
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import AS_OF_LINE, IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put, record_data
from sle_trials.reading import vocabulary
from sle_trials.reading.lexicon import dosing
from test_attacks_hunt31 import _complete_codes
from test_attacks_lymphodepletion_silence import _agents_without_doses

LINE = (
    "Lymphodepletion with fludarabine and cyclophosphamide at 30 and 300 mg/m²/day, respectively, on days -5 to -3.\n"
)
QUOTE = "fludarabine and cyclophosphamide at 30 and 300 mg/m²/day, respectively"
THREE = (
    "Lymphodepletion with fludarabine, cyclophosphamide and bendamustine at 30, 300 and 70 mg/m²/day respectively.\n"
)
THREE_QUOTE = "fludarabine, cyclophosphamide and bendamustine at 30, 300 and 70 mg/m²/day respectively"
FLU_CY = [("FLUDARABINE", 30), ("CYCLOPHOSPHAMIDE", 300)]


def _codes(registry: Path, text: str, agents: list[tuple[str, int]], evidence: str) -> set[str]:
    """The codes of an IM19 draft citing a source of text and holding agents (each with its dose in
    mg/m²/day), its evidence the lines given ("{i}" an agent's index, each line given for each agent)."""
    source = add_source(registry, "seeds/983_respectively.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}{text}")
    held = "".join(f"    - agent: {a}\n      dose: {d}\n      unit: mg/m²/day\n" for a, d in agents)
    lines = "".join(evidence.format(i=i) for i in range(len(agents))) if "{i}" in evidence else evidence
    put(registry, IM19_PATH, joined(im19_draft(source), f"lymphodepletion:\n  agents:\n{held}evidence:\n{lines}"))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


EACH = '  lymphodepletion.agents.{i}: "' + QUOTE + '"\n'
FIELDS = "".join(f'  lymphodepletion.agents.{{i}}.{key}: "{QUOTE}"\n' for key in ("agent", "dose", "unit"))
WHOLE = f'  lymphodepletion.agents: "{QUOTE}"\n'


@pytest.mark.parametrize("evidence", [EACH, FIELDS, WHOLE], ids=["each agent", "each field", "the list"])
def test_agents_paired_with_their_doses_respectively_bind(registry: Path, evidence: str) -> None:
    assert _codes(registry, LINE, FLU_CY, evidence) == set()


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (THREE, THREE_QUOTE),
        (THREE.replace("cyclophosphamide and", "cyclophosphamide, and").replace("300 and", "300, and"), None),
        (LINE.replace("mg/m²/day, respectively", "mg/m²/day respectively"), None),
        (LINE.replace("30 and 300", "30 mg/m²/day and 300"), None),
        (
            "Lymphodepletion: fludarabine and cyclophosphamide were given at, respectively, 30 and 300 mg/m²/day.\n",
            "fludarabine and cyclophosphamide were given at, respectively, 30 and 300 mg/m²/day",
        ),
        (LINE.replace("fludarabine and cyclophosphamide", "fludarabine (Flu) and cyclophosphamide (Cy)"), None),
    ],
)
def test_the_forms_of_respectively_bind(registry: Path, text: str, quote: str | None) -> None:
    quote = quote or text.removeprefix("Lymphodepletion with ").split(", on days")[0].rstrip(".\n")
    agents = FLU_CY + ([("BENDAMUSTINE", 70)] if "bendamustine" in text else [])
    assert _codes(registry, text, agents, '  lymphodepletion.agents.{i}: "' + quote + '"\n') == set()


@pytest.mark.parametrize("evidence", [EACH, FIELDS, WHOLE], ids=["each agent", "each field", "the list"])
def test_agents_in_another_order_than_respectively_gives_them_are_refused(registry: Path, evidence: str) -> None:
    assert "E533" in _codes(registry, LINE, FLU_CY[::-1], evidence)


@pytest.mark.parametrize("evidence", [EACH, FIELDS, WHOLE], ids=["each agent", "each field", "the list"])
def test_doses_swapped_are_refused(registry: Path, evidence: str) -> None:
    assert "E508" in _codes(registry, LINE, [("FLUDARABINE", 300), ("CYCLOPHOSPHAMIDE", 30)], evidence)


@pytest.mark.parametrize(
    ("text", "quote", "agents"),
    [
        # paired without "respectively": which dose is whose, the words do not say
        (LINE.replace(", respectively", ""), QUOTE.replace(", respectively", ""), FLU_CY),
        # three agents, two doses; two agents, three doses
        (
            THREE.replace("30, 300 and 70", "30 and 300"),
            THREE_QUOTE.replace("30, 300 and 70", "30 and 300"),
            [*FLU_CY, ("BENDAMUSTINE", 70)],
        ),
        (LINE.replace("30 and 300", "30, 300 and 70"), QUOTE.replace("30 and 300", "30, 300 and 70"), FLU_CY),
        # "respectively" of another sentence
        (
            "Lymphodepletion with fludarabine and cyclophosphamide at 30 and 300 mg/m²/day. "
            "Doses were lowered by 10 and 20 percent respectively.\n",
            "fludarabine and cyclophosphamide at 30 and 300 mg/m²/day",
            FLU_CY,
        ),
    ],
)
def test_doses_paired_without_respectively_are_refused(
    registry: Path, text: str, quote: str, agents: list[tuple[str, int]]
) -> None:
    assert _codes(registry, text, agents, '  lymphodepletion.agents.{i}: "' + quote + '"\n') & {"E507", "E508", "E512"}


def test_a_complete_record_leaving_out_a_respective_dose_is_refused(registry: Path) -> None:
    """E520: the dose "respectively" gives an agent is one its source writes for it."""
    held = [("FLUDARABINE", None, QUOTE), ("CYCLOPHOSPHAMIDE", 300, QUOTE)]
    assert _complete_codes(registry, LINE, held) == {"E520"}
    assert _complete_codes(registry, LINE, [("FLUDARABINE", 30, QUOTE), ("CYCLOPHOSPHAMIDE", 300, QUOTE)]) == set()


def test_doses_respectively_gives_declared_silent_are_refused(registry: Path, trials: Trials) -> None:
    """E523: the doses "respectively" gives the agents are doses their source states."""
    _agents_without_doses(registry, "Lymphodepletion: " + QUOTE + ".\n", "lymphodepletion.agents.dose")
    assert trials.json("validate", registry / IM19_PATH).codes() == {"E523"}


def test_the_reader_pairs_in_order() -> None:
    vocab = vocabulary.for_enum(("FLUDARABINE", "CYCLOPHOSPHAMIDE", "BENDAMUSTINE"))
    assert vocab is not None
    quote = "fludarabine, cyclophosphamide, and bendamustine at 30, 300, and 70 mg/m2, respectively"
    pairs = dosing.respective_terms(quote, vocab.places(quote))
    assert [(set(v), r.number.value, quote[r.unit_at :].split()[0]) for v, r in pairs] == [
        ({"FLUDARABINE"}, 30, "mg/m2,"),
        ({"CYCLOPHOSPHAMIDE"}, 300, "mg/m2,"),
        ({"BENDAMUSTINE"}, 70, "mg/m2,"),
    ]
    assert dosing.respective_terms(quote.replace(", respectively", ""), vocab.places(quote)) == []
