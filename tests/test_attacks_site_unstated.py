"""Attacks on what the site says of an empty value: "not stated" for what is not yet curated.

trials.csv tells an empty cell the sources do not state from one not yet curated (its not_curated
column). The site's index did not: a draft whose product was not yet curated (its study naming the
antigen) was counted under "not stated" in the chart by target antigen, matched the filter's "not
stated", and the table's caption said of its empty cell that the sources do not state it. Such a
cell now says "not yet curated", in the table, the filters and the chart alike.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import IM19_PATH, record_data
from sle_trials.outputs.site import landscape, trialpage


def _index(data: dict) -> dict[str, landscape.Cell]:
    row = landscape.row(data)
    return {c.name: cell for c, cell in zip(landscape.columns(), row.cells)}


@pytest.fixture
def im19(registry: Path) -> dict:
    return record_data(registry / IM19_PATH)


def _pending(data: dict) -> dict:
    out = copy.deepcopy(data)
    out["curation"]["silent"].remove("cell_product.target_antigens")
    out["curation"]["not_yet_curated"] = ["cell_product.target_antigens"]
    return out


def test_a_value_not_yet_curated_is_not_shown_as_not_stated(im19: dict) -> None:
    pending = _pending(im19)
    cell = _index(pending)["target_antigens"]
    assert cell.text == landscape.NOT_CURATED and cell.items == (landscape.NOT_CURATED,)
    rows = [landscape.row(pending), landscape.row(im19)]
    options = next(f.options for f in landscape.filters(rows) if f.name == "target_antigens")
    assert landscape.NOT_CURATED in options and landscape.NOT_STATED in options  # IM19's is silent


def test_a_value_declared_silent_is_shown_as_not_stated(im19: dict) -> None:
    cell = _index(im19)["target_antigens"]
    assert cell.text == "" and cell.items == ()


def test_the_chart_counts_it_as_not_yet_curated(im19: dict) -> None:
    pending = _pending(im19)
    pending["nct_id"] = "NCT09000001"
    summary = landscape.chart([pending, im19]).summary
    assert "Trials by target antigen: not stated: 1; not yet curated: 1." in summary


def test_a_trial_page_names_what_it_lacks_in_the_index_words() -> None:
    """A field the index shows "not yet curated" or "not stated" is listed under those words on its
    trial page: one text of each, the index's."""
    headings = dict(trialpage.LACKS)
    assert headings["not_yet_curated"].lower() == landscape.NOT_CURATED
    assert headings["unexplained"].lower().startswith(landscape.NOT_CURATED + ":")
    assert headings["silent"].lower().startswith(landscape.NOT_STATED + " ")
