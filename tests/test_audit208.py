"""Audit 208 (helper-52's) of the seven curated records against their sources, field by field.

Found and mended: the Relma-cel record's first line, a comment, read "Relma-cel (relmacabtagene autoleucel, CD19
CAR-T) in moderate to severe active SLE.", above "every value below is stated there"; its ClinConnect page
(seeds/004_2ad16b9ce66a0787.txt) writes "Relma-cel", "CD19-CART" and "Relma Cel", never "relmacabtagene
autoleucel": a name from the curator's knowledge. It passed because no check read a record's comments, and because
a name was read (lexicon.note_names) only in capitals, so a curation note writing it passed as well. A comment is
now held to the names a note is (E501: checks.remark_names.check_comment_names, checks.comment_lines), and a cell
therapy's international name is a name in lower case too.

The frozen registry of the tests (and the two invalid fixtures copying the record) held the same comment, mended
alike. Everything else the seven records hold was checked against their sources and found as they state it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RELMA_PATH, codes_with_a_note_rewritten

# --- a note naming a product's international name in lower case ---------------------------------------------------

TREATMENT = "The source names the treatment Relma-cel"


@pytest.mark.parametrize(
    "new",
    [
        "The source names the treatment Relma-cel (relmacabtagene autoleucel)",
        "The source names the treatment Relma-cel, as axicabtagene ciloleucel is named",
        "The source names the treatment relma-cel and liso-cel",
    ],
)
def test_a_note_naming_an_international_name_no_source_writes_is_refused(registry: Path, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, RELMA_PATH, TREATMENT, new)


def test_a_note_naming_the_sources_product_in_lower_case_passes(registry: Path) -> None:
    """The source's "Relma-cel", written in lower case, is the source's name."""
    new = "The source names the treatment relma-cel"
    assert "E501" not in codes_with_a_note_rewritten(registry, RELMA_PATH, TREATMENT, new)
