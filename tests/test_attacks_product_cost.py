"""Pull-request attacks on the time and memory a check takes: a page of many arms, each giving every
intervention.

A source of several arms tells where the product of each intervention name is stated (the arms that
give it, with what they give: SourceDoc.products), and that was worked out for every name as the
source was read: n arms each giving the same n interventions cost n passages of n arms each, n cubed.
A registry copy of 400 such arms (1 MB) held `trials validate` 38 s of CPU for one stub citing it,
and a ClinicalTrials.gov study of 400 (5 MB of the 32 MiB a source may be) took 33 s and 6 GB of
memory; twice as many would have taken more memory than CI's machine has. A product's place is now
worked out when a record asks for it (layouts.Products), and a record asks for the one it names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import FIXTURES
from sle_trials.reading import ctgov_study, layouts, registry_copy

N = 60  # arms and interventions: before, reading either page took N**3 steps
COPY = (FIXTURES / "registry" / "seeds" / "000_84a0f0163f21158e.txt").read_text("utf-8")


def _copy_page(n: int) -> bytes:
    """IM19's registry copy with n arms, each giving the same n interventions."""
    names = [f"I{i}" for i in range(n)]
    given = [line for name in names for line in (name, f"{name} by intravenous infusion.")]
    groups = [line for arm in range(n) for line in (f"Arm {arm}", "Cells.", *given)]
    head, rest = COPY.split("Study Groups\n", 1)
    tail = rest.split("Other Intervention Names\n", 1)[1]
    body = "\n".join(["Study Groups", *groups, "Interventions", *given, "Other Intervention Names"])
    return f"{head}{body}\n{tail}".encode()


def _study(n: int) -> bytes:
    doc: dict[str, Any] = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    labels = [f"Arm {arm}" for arm in range(n)]
    doc["protocolSection"]["armsInterventionsModule"] = {
        "armGroups": [
            {"label": label, "type": "EXPERIMENTAL", "interventionNames": [f"Biological: I{i}" for i in range(n)]}
            for label in labels
        ],
        "interventions": [{"type": "BIOLOGICAL", "name": f"I{i}", "armGroupLabels": labels} for i in range(n)],
    }
    return json.dumps(doc).encode()


def counted(calls: list[int], function: Callable[..., Any]) -> Callable[..., Any]:
    """function, counting its calls in calls."""

    def call(*args: Any) -> Any:
        calls.append(1)
        return function(*args)

    return call


@pytest.mark.parametrize(
    ("name", "page", "layout"), [("x.txt", _copy_page, "registry_copy"), ("x.json", _study, "ctgov_json")]
)
def test_no_products_place_is_worked_out_before_a_record_asks(
    monkeypatch: pytest.MonkeyPatch, name: str, page: Any, layout: str
) -> None:
    texts: list[int] = []
    lines: list[int] = []
    monkeypatch.setattr(ctgov_study.Lines, "text_of", counted(texts, ctgov_study.Lines.text_of))
    monkeypatch.setattr(registry_copy, "_product_lines", counted(lines, registry_copy._product_lines))
    doc = layouts.read(name, page(N))
    assert doc.layout == layout and len(doc.products) == N
    assert not lines and len(texts) < 10 * N  # before: N product passages of N arms each
    passages = doc.product_place("I7")
    assert passages is not None and any("Arm 59" in p.text for p in passages)  # every arm gives I7
    assert len(lines) <= 1 and len(texts) < 20 * N


def test_a_product_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = layouts.read("x.txt", _copy_page(3))
    made: list[int] = []
    monkeypatch.setattr(registry_copy, "_product_lines", counted(made, registry_copy._product_lines))
    assert doc.product_place("I1") == doc.product_place("I1") and made == [1]
