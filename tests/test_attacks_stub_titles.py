"""A stub holds what its title, as the source listing it gives it, says of its product (E532).

A stub is what another trial's source says of this trial: its id, its title, and what that title
says of its product (a target antigen, autologous cells). NCT06310811's stub without the CD19 of its
"Anti-CD19 CAR-T Cell Therapy ..." passed: trials.csv read its target antigen as not yet curated. A
field so left out must be declared not yet curated (declared silent, E523 refuses it).
"""

from __future__ import annotations

import json

import mutations
import pytest
from conftest import DATA_ROOT, record_data


@pytest.mark.parametrize(
    ("shown", "name"),
    [
        ("trials/NCT06310811.yaml", "cell_product.target_antigens"),
        ("trials/NCT03030976.yaml", "cell_product.origin"),
        ("trials/NCT03030976.yaml", "cell_product.target_antigens"),
    ],
)
def test_a_stub_without_what_its_title_says_is_refused(shown: str, name: str) -> None:
    data = record_data(DATA_ROOT / shown, shown)
    checks = mutations.Checks(DATA_ROOT)
    dropped = mutations._without_field(data, name)
    if dropped.get("cell_product") == {}:
        del dropped["cell_product"]
    assert checks.codes(shown, dropped) == {"E532"}
    declared = json.loads(json.dumps(dropped))
    declared["curation"]["not_yet_curated"] = [name]
    assert checks.codes(shown, declared) == set()


def test_a_stub_whose_title_says_nothing_of_its_product_needs_none() -> None:
    """NCT06900764's "A Study of CAR-T Cells in Subjects With ..." names no antigen: nothing is lacking."""
    shown = "trials/NCT06900764.yaml"
    data = record_data(DATA_ROOT / shown, shown)
    assert "cell_product" not in data
    assert mutations.Checks(DATA_ROOT).codes(shown, data) == set()
