"""Pull-request attacks on a product's facts read from a plain document: any sentence of it.

A press release or a publication has no layout that places the product: its facts were read from
any sentence of the trial's sections. "Allogeneic transplantation is excluded." gave a CAR-T
product the origin ALLOGENEIC, and "Prior anti-BCMA therapy is excluded." the target antigen BCMA.
A product's facts (all but its name) are now read from the sentences that name it: its name, or a
word for a CAR ("CAR", "CAR-T", "chimeric antigen receptor").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, im19_draft, joined, put

SOURCE = "seeds/925_plain_product.txt"
TITLE = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"


def _draft(registry: Path, sentences: str, product: dict, evidence: dict) -> Path:
    add_source(registry, SOURCE, f"{TITLE}\nLast Updated: 2025-08-17\n{sentences}\n")
    lines = "cell_product:\n" + "".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in product.items())
    lines += "evidence:\n" + "".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in evidence.items())
    return put(registry, IM19_PATH, joined(im19_draft(SOURCE), lines))


@pytest.mark.parametrize(
    ("sentences", "product", "evidence", "codes"),
    [
        (  # a transplant the criteria exclude is no product's origin
            "IM19 is a CD19 CAR-T therapy. Allogeneic transplantation is excluded.",
            {"origin": "ALLOGENEIC"},
            {"cell_product.origin": "Allogeneic transplantation"},
            {"E512"},
        ),
        (  # a prior therapy's target is no product's target
            "IM19 is a CAR-T therapy. Prior anti-BCMA therapy is excluded.",
            {"target_antigens": ["BCMA"]},
            {"cell_product.target_antigens": "anti-BCMA"},
            {"E512"},
        ),
        (  # a sentence naming the product: its facts
            "IM19 is an autologous CD19 CAR-T therapy. Allogeneic transplantation is excluded.",
            {"origin": "AUTOLOGOUS", "target_antigens": ["CD19"]},
            {"cell_product.origin": "autologous", "cell_product.target_antigens": "CD19 CAR-T"},
            set(),
        ),
        (  # a sentence naming a chimeric antigen receptor: the product's facts too
            "Patients receive autologous T cells that express a chimeric antigen receptor against CD19.",
            {"origin": "AUTOLOGOUS", "target_antigens": ["CD19"]},
            {"cell_product.origin": "autologous T cells", "cell_product.target_antigens": "against CD19"},
            set(),
        ),
        (  # a sentence naming the product by its name's own word, not its whole name (a false refusal before)
            "IM19 CAR-T cells are infused once. IM19, an autologous therapy targeting CD19, is studied in SLE.",
            {"name": "IM19 CAR-T cells", "origin": "AUTOLOGOUS", "target_antigens": ["CD19"]},
            {
                "cell_product.name": "IM19 CAR-T cells",
                "cell_product.origin": "IM19, an autologous therapy",
                "cell_product.target_antigens": "targeting CD19",
            },
            set(),
        ),
    ],
)
def test_a_plain_documents_product_facts_come_from_sentences_naming_it(
    registry: Path, trials: Trials, sentences: str, product: dict, evidence: dict, codes: set[str]
) -> None:
    file = _draft(registry, sentences, product, evidence)
    result = trials("validate", file, fmt="json")
    assert result.codes() == codes, result.out
