"""Mistakes in the curated records that the mutation harness did not make and the checks let pass (helper-9).

A hunt over the seven records with kinds of mistake beside the harness's (numbers a factor off, units
swapped for a near one, comparators turned in the criteria's words, dates moved, values from another
record, items of a list swapped, copied, repeated or dropped, words of a text turned, dropped or
reordered, look-alike characters, quotes cut, moved or swapped, citations pointed elsewhere, fields
emptied) found four kinds of wrong value that passed:

A unit written with characters or spacing no source writes it with: a no-break or a thin space, a
double space, a space at either end, a full-width "／", a micro sign "µ" for the source's Greek "μ".
A unit is read by the lexicon's spellings in NFKC with its white space folded, so "CAR-T\\u00a0cells",
"mL/min/1.73  m²" and "µmol/L" bound as the source's units, and trials.csv carried them; the texts of
the other fields were held to the source's own characters (Sources.miswritten, spacing.loose_end),
the units were not. evidence.check_units holds them so now (E501).

A complete record's source entry with its publisher or its as-of label left out, where its document
says them (ClinConnect's page names its site, a registry copy labels its date "Last Updated"):
trials.csv named the page no one's and the date no one's words, while a wrong publisher or label was
refused. curation._left_unsaid says so now (E516); a draft may lack them yet, and a document cited
twice needs them in one of its entries.

A curation note or incomplete entry put on a field no record has ("nonexistent.field") or on an item
the record does not hold (IM19's note on its one site's facility as "locations.1.facility"): nothing
read a remark's field, while an evidence key so misnamed was refused (E503). remarks.check_remarks
says so now (E503); a remark on a field the record lacks (Relma-cel's enrollment, which its source
does not give) is still one.

A dose's unit in another case than its source writes ("car-t cells", "CAR-T CELLS" of "CAR-T cells"):
dosing.unit_follows, whose reading leaves aside the case of a unit's first letter, compared the whole
unit case-folded. It holds the other letters to the quote's now (E508).
"""

from __future__ import annotations

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data

CHECKS = mutations.Checks(DATA_ROOT)
IM19_DOSE = ("arms", 0, "cohorts", 0, "dose", "unit")  # CAR-T cells
IM19_EGFR = ("eligibility", "thresholds", 15, "unit")  # mL/min/1.73 m²
RELMA_CREATININE = ("eligibility", "thresholds", 10, "unit")  # μmol/L (Greek mu)
RELMA_PREDNISONE = ("eligibility", "thresholds", 2, "unit")  # mg/day, of the source's "mg/ day"


def _codes(shown: str, path: tuple, value: object) -> set[str]:
    data = record_data(DATA_ROOT / shown, shown)
    node = data
    for part in path[:-1]:
        node = node[part]
    if value is None:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return CHECKS.codes(shown, data)


@pytest.mark.parametrize(
    ("shown", "path", "unit"),
    [
        (IM19_PATH, IM19_DOSE, "CAR-T\u00a0cells"),  # a no-break space
        (IM19_PATH, IM19_DOSE, "CAR-T cells "),  # a trailing space
        (IM19_PATH, IM19_EGFR, "mL/min/1.73  m²"),  # a double space
        (IM19_PATH, IM19_EGFR, "mL/min/1.73\u2009m²"),  # a thin space
        (RELMA_PATH, RELMA_CREATININE, "µmol/L"),  # the micro sign for the source's Greek mu
        (RELMA_PATH, RELMA_PREDNISONE, "mg／day"),  # a full-width solidus
        (RELMA_PATH, RELMA_PREDNISONE, " mg/day"),  # a leading space
    ],
)
def test_a_unit_written_with_characters_no_source_writes_is_refused(shown: str, path: tuple, unit: str) -> None:
    assert "E501" in _codes(shown, path, unit)


@pytest.mark.parametrize(
    ("shown", "path", "unit"),
    [
        (RELMA_PATH, RELMA_PREDNISONE, "mg/ day"),  # as the source writes it, its space kept
        (RELMA_PATH, RELMA_PREDNISONE, "mg/day"),  # the lexicon's spelling, as curated
        (IM19_PATH, IM19_EGFR, "mL/min/1.73 m²"),  # the source's own superscript, as curated
    ],
)
def test_a_unit_as_the_source_or_the_lexicon_writes_it_passes(shown: str, path: tuple, unit: str) -> None:
    assert _codes(shown, path, unit) == set()


@pytest.mark.parametrize(
    ("shown", "key"),
    [(RELMA_PATH, "publisher"), (RELMA_PATH, "as_of_label"), (IM19_PATH, "as_of_label")],
)
def test_a_complete_records_source_entry_left_without_what_its_document_says_is_refused(shown: str, key: str) -> None:
    assert "E516" in _codes(shown, ("curation", "sources", 0, key), None)


def test_a_drafts_source_entry_may_lack_its_as_of_label_yet() -> None:
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    data["curation"]["status"] = "draft"
    del data["curation"]["sources"][0]["as_of_label"]
    assert CHECKS.codes(IM19_PATH, data) == set()


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("notes", "locations.1.facility"),  # IM19 has one site
        ("notes", "eligibility.thresholds.22"),  # and 22 thresholds, 0 to 21
        ("notes", "nonexistent.field"),
        ("notes", "locations.0.facilities"),
        ("incomplete", "eligibility.exclusion_criteria.12"),  # 12 items, 0 to 11
    ],
)
def test_a_remark_on_no_field_the_record_holds_is_refused(kind: str, field: str) -> None:
    assert "E503" in _codes(IM19_PATH, ("curation", kind, 0, "field"), field)


@pytest.mark.parametrize(
    ("shown", "i", "field"),
    [
        (RELMA_PATH, 5, "locations.0"),  # the note on its list of sites, on its one site
        (IM19_PATH, 6, "arms.0.cohorts.1"),  # as curated: the second cohort
        (IM19_PATH, 0, "locations.0.facility"),  # as curated: the one site's facility
        (RELMA_PATH, 0, "enrollment"),  # as curated: a field the record lacks, the note saying why
    ],
)
def test_a_remark_on_a_field_the_record_holds_or_lacks_passes(shown: str, i: int, field: str) -> None:
    assert _codes(shown, ("curation", "notes", i, "field"), field) == set()


@pytest.mark.parametrize("unit", ["car-t cells", "CAR-T CELLS", "Car-T Cells", "CAR-t cells"])
def test_a_dose_unit_in_another_case_is_refused(unit: str) -> None:
    assert "E508" in _codes(IM19_PATH, IM19_DOSE, unit)
