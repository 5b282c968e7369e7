"""Eligibility texts that hunt 216 left misread (hunt 217, helper-86), read with criteria_text.split (the importer and
the check read a source's criteria with it alike), each beside a text of its shape already read right, which must
read as it did. The texts are test inputs: no fact of any study.

Found and fixed (each reproduced before with criteria_text.split(text)):
- a footnote in a paragraph of its own whose mark an item above carries ("1. Age ≥18 (≥12 in Part B\\*)" / "" /
  "\\*Part B opens after DSMB review", "2. SLE†" / "" / "† per the 2019 criteria") was imported as a criterion of its
  own, with no remark. It may state a requirement (a real study's "\\*Temperature < 38°C ..." under "vital signs\\*"),
  so it is not dropped either: it is left to the curator with a remark, as an annex is (notes.footnote), and the
  check, reading the source alike, refuses a draft listing it as a criterion (E512). One indented under the item
  carrying its mark (that real study's) is still that item's sub-criterion;
- "1. Age" / "Notes:" / "- a titre of 1:80 suffices", a note's heading right under an item, read "Age Notes:" with the
  note's line its sub-criterion: the heading now ends the list as one after a blank line does (notes.annex_heading);
- "Screening:" / "1. Age" / "Treatment:" / "1. Hb", a short label right under an item of a group over a numbering
  started again, read "Treatment:" as a criterion of the group "Screening" holding "Hb": now the sub-heading of a
  group of its own, said in a remark (it may still be a criterion leading into its own list: Reader.sibling_label).
  Hunt 210 had kept "General:" / ... / "Disease-specific:" / "1. SLE" as before; it is of this class.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import criteria_texts, import_study, importer_hunt, inclusion, main, put_back, snapshot, with_criteria

shared, run_import, draft = importer_hunt("hunt217", 92170001)


# --- a footnote in a paragraph of its own -----------------------------------------------------------------------------

FOOTNOTE = "a footnote"


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age ≥18 (≥12 in Part B\\*)\n2. SLE\n\n\\*Part B after DSMB review", ["Age ≥18 (≥12 in Part B*)", "SLE"]),
        ("1. Age 18 to 65\n2. SLE†\n\n† per the 2019 criteria", ["Age 18 to 65", "SLE†"]),
        ("* Age\n* SLE¹\n\n¹ EULAR/ACR 2019\n\n* Consent", ["Age", "SLE¹", "Consent"]),  # (the list goes on: hunt 218)
    ],
)
def test_a_footnote_is_no_criterion_and_is_said(lines: str, read: list) -> None:
    """Before: the footnote imported as a criterion of its own ("*Part B opens after DSMB review"), with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced
    said = [r for r in found.remarks if FOOTNOTE in r]
    assert len(said) == 1 and lines.split("\n\n")[1].split("\n")[0][:6] in said[0], found.remarks


def test_a_draft_listing_a_footnote_as_a_criterion_is_refused(shared: Path) -> None:
    """The check reads the source with the same split: a draft holding the footnote as an inclusion criterion (as the
    import wrote it before) is refused."""
    text = (
        "Inclusion Criteria:\n\n1. Age 18 to 65\n2. Active SLE†\n\n† per the 2019 EULAR/ACR criteria\n\n"
        "Exclusion Criteria:\n\n1. Pregnancy"
    )
    before = snapshot(shared)
    try:
        status, said, _ = import_study(shared, with_criteria(text), "NCT92179999")
        assert status == 0, said
        record = shared / "trials" / "NCT92179999.yaml"
        written = record.read_text(encoding="utf-8")
        last = "      text: Active SLE†\n"
        assert written.count(last) == 1 and "text: † per the 2019" not in written
        assert main(["check", "--root", str(shared)]) == 0
        record.write_text(written.replace(last, last + "    - text: † per the 2019 EULAR/ACR criteria\n"), "utf-8")
        assert main(["check", "--root", str(shared)]) == 1
    finally:
        put_back(shared, before)


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # indented under the item carrying its mark (a real study's layout): its sub-criterion, as before
        ("1. Vital signs\\*\n\n   \\*Temperature < 38°C\n2. SLE", ["Vital signs*", ["*Temperature < 38°C"], "SLE"]),
        # a mark no item carries: an item in italics, a bullet glued to its word
        ("* Age\n\n*Active* lupus nephritis", ["Age", "Active lupus nephritis"]),
        ("*Note: all must be met*\n\n* Age 18", ["Age 18"]),
        ("1. ALT ≤ 2.5 × ULN\n\n† SLE", ["ALT ≤ 2.5 × ULN", "† SLE"]),
    ],
)
def test_lines_opening_with_a_mark_no_item_carries_read_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert not any(FOOTNOTE in r for r in found.remarks), found.remarks


# --- a note's heading right under an item -----------------------------------------------------------------------------


def test_a_notes_heading_right_under_an_item_ends_the_list() -> None:
    """Before: "Age Notes:", the note's line its sub-criterion, with no remark."""
    found = inclusion("1. Age\nNotes:\n- a titre of 1:80 suffices\n2. SLE")
    assert criteria_texts(found.inclusion) == ["Age", "SLE"] and found.unplaced
    assert len(found.remarks) == 1 and "'Notes:' heading no list of criteria" in found.remarks[0]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\nNote: a titre of 1:80 suffices\n2. SLE", ["Age Note: a titre of 1:80 suffices", "SLE"]),  # a note
        ("1. Medications listed in the\nAppendix:\n2. SLE", ["Medications listed in the Appendix:", "SLE"]),  # wrapped
        ("1. Labs, as defined in the\nDefinitions:\n   a. Hb", ["Labs, as defined in the Definitions:", ["Hb"]]),
    ],
)
def test_a_line_going_on_with_its_item_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.unplaced


# --- a group's label right under an item, over a numbering started again ----------------------------------------------


@pytest.mark.parametrize(
    "lines",
    ["Screening:\n1. Age\nTreatment:\n1. Hb", "General:\n1. Age\n2. Consent\nDisease-specific:\n1. Hb"],
)
def test_a_label_over_a_numbering_started_again_heads_a_group(lines: str) -> None:
    """Before: the second label read as a criterion of the first group, holding "Hb" (said as a line with no list
    mark): the second group's criteria each required of the first's."""
    found = inclusion(lines)
    first, second = lines.split("\n")[0], lines.split("\n")[-2]
    assert [(c.get("group"), c["text"], c["number"]) for c in found.inclusion][-1] == (second[:-1], "Hb", 1)
    assert found.inclusion[0]["group"] == first[:-1]
    assert len(found.remarks) == 1 and f"('{second}')" in found.remarks[0] and "numbered again" in found.remarks[0]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. Consent\nRenal function:\n1. eGFR > 60", ["Age", "Consent", "Renal function:", ["eGFR > 60"]]),
        ("Screening:\n1. Age\n2. Labs:\nHematology:\n1. Hb", ["Age", "Labs:", ["Hematology:", "Hb"]]),
        ("Screening:\n* Age\nOrgan function:\n* Hb", ["Age", "Organ function:", "Hb"]),
    ],
)
def test_a_label_with_no_group_above_or_under_a_colon_reads_as_before(lines: str, read: list) -> None:
    """No group above (the label may lead into its own list), under an item ending in a colon, or over bullets."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert not any("numbered again" in r for r in found.remarks)
