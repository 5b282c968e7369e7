"""Pull-request attacks on the product's name declared silent while a source names it.

E523 held cell_product.name to the passages of its place that are one whole value; a page that
names its product only in running words (a ClinConnect page's title and summary, "CD19-CART(Relma-cel)
for ...", "a new treatment called Relma-cel") has none. The Relma-cel record with cell_product.name
dropped and declared silent, Relma-cel still among its interventions, passed, and trials.csv's
product read "not stated". An intervention the record holds, named whole where a source states the
product's name, states that name.
"""

from __future__ import annotations

from pathlib import Path

from conftest import IM19_PATH, RELMA_PATH, Trials, add_source, edit, im19_draft, joined


def test_the_page_product_name_dropped_and_declared_silent_is_refused(registry: Path, trials: Trials) -> None:
    edit(
        registry,
        RELMA_PATH,
        ("cell_product:\n  name: Relma-cel\n", "cell_product:\n"),
        ("  silent:\n", "  silent:\n    - cell_product.name\n"),
    )
    result = trials.json("validate", registry / RELMA_PATH)
    assert result.codes() == {"E523"}, result.out


def test_the_product_name_kept_passes(registry: Path, trials: Trials) -> None:
    assert trials("validate", registry / RELMA_PATH).status == 0


SOURCE = "seeds/922_product_name.txt"
TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
    "Patients receive a single infusion of {name}.\n"
)
RECORD = """\
interventions:
  - name: IM19 CAR-T cells
"""


def _plain(root: Path, name: str) -> None:
    add_source(root, SOURCE, TEXT.format(name=name))
    record = joined(im19_draft(SOURCE), RECORD)
    record = record.replace("curation:\n", "curation:\n  silent:\n    - cell_product.name\n", 1)
    (root / IM19_PATH).write_text(record, encoding="utf-8")


def test_a_plain_page_naming_the_intervention_refuses_its_name_silent(registry: Path, trials: Trials) -> None:
    _plain(registry, "IM19 CAR-T cells")
    assert "E523" in trials.json("validate", registry / IM19_PATH).codes()


def test_a_plain_page_naming_no_intervention_leaves_it_silent(registry: Path, trials: Trials) -> None:
    """The record's intervention named nowhere (nor a word of it cut from another: "IM19 CAR-T cellsX")."""
    _plain(registry, "CAR-T cells")
    assert "E523" not in trials.json("validate", registry / IM19_PATH).codes()
