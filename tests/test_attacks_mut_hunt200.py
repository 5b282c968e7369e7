"""A hostile mutation hunt on `trials check` (helper-33's, after hunts 162 to 194).

Kinds of mistake tests/mutations.py does not make, made by hand on each of the seven records in trials/ (a
value swapped with another record's, a unit changed with its number kept, a value moved between cohorts or
between a trial's dates, a subgroup's count, a criterion's limit given without its compound condition, a
sponsor, investigator or responsible party swapped or given another role, a silent field filled from another
part of the page, a list shortened or re-ordered, a quote re-pointed at other words stating the same term, a
note stating what the source does not) and checked as `trials validate` checks one record (mutations.Checks).

Found and fixed:

- a target antigen read from words that give it as a marker of cells, patients or a disease, or as what an
  antibody binds, not as what the CAR targets. The stub of NCT03030976 passed with its CD19 quoted from its
  title's disease, "CD19 Positive Systemic Lupus Erythematosus" (its value true only because "CD19
  Redirected" stands before it); so, in a source placing no product, did "A Study of BCMA CAR-T Cells for
  CD19 Positive SLE" bound to [BCMA, CD19], "CD20+ B cells", "CD22-positive lupus" and "an anti-CD20
  antibody" each binding a second antigen. Such a rendering is none now (vocabulary._NOT_A_TARGET_AFTER,
  E507); a "+" joining two antigens ("CD19+BCMA") and a CAR directed at one stay targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials, im19_out, record_data
from mutations import Checks
from test_attacks_terms_hedged import targets

# --- a target antigen read from a marker or an antibody's target ----------------------------------------------

MARKERS = [
    ("[BCMA, CD19]", "IM19 BCMA CAR-T Cells for CD19 Positive Systemic Lupus Erythematosus"),
    ("[CD19, CD20]", "IM19 CAR-T cells target CD19 in patients with CD20+ B cells."),
    ("[CD19, CD22]", "IM19 anti-CD19 CAR-T cells for CD22-positive lupus."),
    ("[CD19, CD22]", "IM19 anti-CD19 CAR-T cells for patients with CD22 negative disease."),
    ("[CD19, BCMA]", "IM19 anti-CD19 CAR-T cells deplete BCMA-expressing plasma cells."),
    ("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after failure of an anti-CD20 antibody."),
    ("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after CD20 monoclonal antibodies (rituximab)."),
    ("[CD19, CD20]", "IM19 anti-CD19 CAR-T cells after CD20-targeted mAb therapy."),
]


@pytest.mark.parametrize(("values", "line"), MARKERS, ids=[line for _, line in MARKERS])
def test_a_marker_or_an_antibodys_target_is_no_cars_target(trials: Trials, values: str, line: str) -> None:
    assert "E507" in im19_out(trials, line, targets(values, line))


TARGETS = [
    ("[CD19]", "IM19 CD19 Redirected Autologous T Cells for CD19 Positive Systemic Lupus Erythematosus"),
    ("[CD19, BCMA]", "IM19 CD19+BCMA CAR-T cells for refractory lupus."),
    ("[CD19, BCMA]", "IM19 CAR-T cells target CD19 + BCMA."),
    ("[CD19]", "IM19 CAR-T cells target CD19 if patients have CD19-positive B cells."),
    ("[CD19]", "IM19 CD19-directed CAR-T cells."),
    ("[CD19]", "IM19 anti-CD19 CAR-T cells."),
    ("[CD20]", "IM19 CAR-T cells specific for CD20."),
]


@pytest.mark.parametrize(("values", "line"), TARGETS, ids=[line for _, line in TARGETS])
def test_an_antigen_a_car_targets_binds(trials: Trials, values: str, line: str) -> None:
    assert im19_out(trials, line, targets(values, line)) == ""


def test_a_stubs_antigen_is_not_quoted_from_its_titles_disease(registry: Path) -> None:
    """The stub of NCT03030976, its CD19 quoted from "CD19 Positive Systemic Lupus Erythematosus" (the
    disease its title names), not from "CD19 Redirected Autologous T Cells"."""
    shown = "trials/NCT03030976.yaml"
    data = record_data(registry / shown, shown)
    data["evidence"]["cell_product.target_antigens"] = "CD19 Positive Systemic Lupus Erythematosus"
    assert "E507" in Checks(registry).codes(shown, data)
