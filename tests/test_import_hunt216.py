"""trials import ctgov on eligibility texts that hunt 215 left misread (hunt 216, helper-83): each case a real study of
tests/fixtures/ctgov/real/ with its criteria text given in a shape the registry holds for other studies, or the text
read with criteria_text.split (the importer and the check read a source's criteria with it alike), that misread what
the text lists. Beside each, a text of that shape already read right, which must read as it did. The texts are test
inputs: no fact of any study.

Found and fixed (each reproduced before with criteria_text.split(text)):
- "Exclusion Criteria:" / "1. Pregnancy" / "2. Uncontrolled infection (see Appendix A)" / "" / "Appendix A:" / "" / "-
  Active TB" / "- HBV" imported "Active TB" and "HBV" as exclusion criteria grouped "Appendix A": a heading of matter
  that is no list (an appendix, definitions, notes, footnotes, references, abbreviations, guidance on contraception)
  after a list's items now ends it, its lines left to the curator with a remark, up to the next heading or the list's
  next number (notes.annex_heading, next_number);
- "Step 1: Screening" / "1. Age" / "Step 2: Treatment" / "1. Hb" (and "Part A: Adults" over items) read the labels as
  criteria, the second holding the items under it: now sub-headings (headings.STAGE_LABEL, groups.subheading_of);
- "2. SLE" / "   Subjects with LN must have:" / "   a. biopsy" joined the indented sentence to item 2's words: now a
  part of item 2 leading into its own items (lead_ins.own_lead_in);
- "a. Age 18-65" / "1. SLE", numbers after letters going on to the list's end, were read beside the letters with no
  remark: as written, now said (Reader.numbers_beside);
- "Ia. Age" / "Ib. SLE" and "A1. Age" / "A2. SLE" kept their codes in their words: a run of such codes from "Ia" or
  "A1" is now read as a list's codes (marks._codes_otherwise).

Found and left (each reproduced with criteria_text.split(text)):
- "1. Age" / "Notes:" / "- a titre of 1:80 suffices", a note's heading right under an item (no blank line), reads
  "Age Notes:" with the note's line its sub-criterion (a note's label goes on with the item above: lines.runs_on);
- "Screening:" / "1. Age" / "Treatment:" / "1. Hb", labels naming no step or part, right under an item, read
  "Treatment:" as a criterion of the group "Screening" holding "Hb" (said as a line with no list mark);
- an indented line naming no one and requiring nothing ("1. Active lupus nephritis" / "   Class III or IV:" / "   a.
  biopsy") is read as the item's words, as before: it may be the item's sentence going on;
- "A1: Age" / "A2: SLE", a capital and a number before a colon, keep their codes in their words ("T1: hypointense" /
  "T2: hyperintense" are a measure's names, written alike).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import (
    criteria_texts,
    import_study,
    importer_hunt,
    inclusion,
    main,
    notes_on,
    put_back,
    snapshot,
    with_criteria,
)

shared, run_import, draft = importer_hunt("hunt216", 92160001)


# --- a heading of no list of criteria after a list --------------------------------------------------------------------

APPENDIX = (
    "Inclusion Criteria:\n\n1. Age 18 to 65\n2. Active SLE\n\n"
    "Exclusion Criteria:\n\n1. Pregnancy\n2. Uncontrolled infection (see Appendix A)\n\n"
    "Appendix A:\n\n- Active TB\n- HBV"
)


def test_an_appendix_after_a_list_is_no_part_of_it(draft: Callable) -> None:
    """Before: "Active TB" and "HBV" imported as exclusion criteria grouped "Appendix A", with no remark (a sub-heading
    of the list above). The appendix's lines are now left to the curator, said in a remark."""
    data = draft(with_criteria(APPENDIX))
    elig = data["eligibility"]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Uncontrolled infection (see Appendix A)"},
    ]
    assert criteria_texts(elig["inclusion_criteria"]) == ["Age 18 to 65", "Active SLE"]
    assert any("'Appendix A:'" in n and "not imported as criteria" in n for n in notes_on(data, "eligibility"))


def test_a_draft_listing_an_appendixs_items_as_criteria_is_refused(shared: Path) -> None:
    """The check reads the source with the same split: a draft holding the appendix's "Active TB" as an exclusion
    criterion under "Appendix A" (as the import wrote it before) is refused (E512: no item of the source's list)."""
    before = snapshot(shared)
    try:
        status, said, _ = import_study(shared, with_criteria(APPENDIX), "NCT92169999")
        assert status == 0, said
        record = shared / "trials" / "NCT92169999.yaml"
        written = record.read_text(encoding="utf-8")
        last = "      text: Uncontrolled infection (see Appendix A)\n"
        assert written.count(last) == 1
        if "text: Active TB\n" not in written:  # (as the import wrote it before)
            written = written.replace(last, last + "    - group: Appendix A\n      text: Active TB\n")
            record.write_text(written, encoding="utf-8")
        assert main(["check", "--root", str(shared)]) == 1
    finally:
        put_back(shared, before)


@pytest.mark.parametrize(
    "lines",
    [
        "1. Age\n\nDefinitions:\n\n* WOCBP: a fertile woman",
        "Age\n\nAppendix A:\n\n- TB",  # after a list of paragraphs
        "1. Age\n\n**APPENDIX 1 - Prohibited Medications**\n\n1. RTX",
    ],
)
def test_definitions_or_an_appendix_between_the_lists_are_left_to_the_curator(lines: str) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == ["Age"] and found.unplaced
    assert len(found.remarks) == 1 and "heading no list of criteria" in found.remarks[0]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. WOCBP\n\nDefinitions:\n\n* WOCBP: a fertile woman\n\n3. Consent", ["Age", "WOCBP", "Consent"]),
        ("1. Age\n\nAppendix A:\n\n1. Rituximab\n2. HBV\n3. HIV", ["Age"]),  # the annex's own numbers
    ],
)
def test_a_list_goes_on_after_an_annex_at_its_next_number(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # a wrapped line's word, as before
        (
            "1. Age\n2. Medications listed in the\nAppendix\n3. Consent",
            ["Age", "Medications listed in the Appendix", "Consent"],
        ),
        # a sub-heading of the list, as before
        ("1. Age\n\nFor adolescents:\n\n1. Age 12-17", ["Age", "Age 12-17"]),
        # a heading of no list before the list's first item: as before (a note about the list)
        ("Notes:\n1. Age", ["Age"]),
    ],
)
def test_lines_in_an_annexs_words_read_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert not any("heading no list of criteria" in r for r in found.remarks), found.remarks


# --- a step's or a part's label over items ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        "Step 1: Screening\n1. Age 18 to 65\nStep 2: Treatment\n1. Hb > 9",
        "Part A: Adults\n\n1. Age 18 to 65\n\nPart B: Adolescents\n\n1. Hb > 9",
    ],
)
def test_a_steps_label_over_items_heads_them(lines: str) -> None:
    """Before: "Step 1: Screening" read as a criterion, and "Step 2: Treatment" as one holding "Hb > 9" (said as a line
    with no list mark); "Part A: Adults" likewise."""
    found = inclusion(lines)
    assert [(c.get("group"), c["text"], c.get("number")) for c in found.inclusion] == [
        (lines.split("\n")[0], "Age 18 to 65", 1),
        (lines.split("\n")[2 if "Step" in lines else 4], "Hb > 9", 1),
    ]
    assert found.remarks == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("Step 1. Age 18 to 65\nStep 2. SLE", ["Age 18 to 65", "SLE"]),  # a word numbering items in a run
        ("Step 1: Screening\n   1. Age\nStep 2: Dosing\n   1. Hb", ["Screening", ["Age"], "Dosing", ["Hb"]]),  # parts
        ("1. Age\nPart A: see protocol\n2. SLE", ["Age", "Part A: see protocol", "SLE"]),  # words, in lower case
    ],
)
def test_a_words_number_over_no_items_at_its_indent_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert not any("group" in c for c in found.inclusion)


# --- an indented sentence of its own under an item, leading into items ------------------------------------------------


def test_an_indented_sentence_leading_into_items_is_no_wrapped_line() -> None:
    """Before: "Subjects with LN must have:" read as words of item 2 ("SLE Subjects with LN must have:"), the biopsy
    asked of every participant as a part of "SLE"; now it is item 2's part, leading into its own."""
    found = inclusion("1. Age\n2. SLE\n   Subjects with LN must have:\n   a. biopsy\n3. Consent")
    assert criteria_texts(found.inclusion) == ["Age", "SLE", ["Subjects with LN must have:", ["biopsy"]], "Consent"]
    assert found.remarks == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # a wrapped line in lower case, one naming no one and requiring nothing, and one the line above goes on to
        ("1. Meets classification\n   criteria:\n   a. ACR 1997", ["Meets classification criteria:", ["ACR 1997"]]),
        (  # (a label naming no one: since hunt 220, the item's part leading into its items, said)
            "1. Active lupus nephritis\n   Class III or IV:\n   a. biopsy",
            ["Active lupus nephritis", ["Class III or IV:", ["biopsy"]]],
        ),
        (
            "1. SLE, confirmed in\n   Patients over 12 by:\n   a. biopsy",
            ["SLE, confirmed in Patients over 12 by:", ["biopsy"]],
        ),
    ],
)
def test_an_indented_line_going_on_with_its_item_reads_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read


# --- numbers after letters going on to the list's end -----------------------------------------------------------------

BESIDE = "numbered from 1 right after lettered items"


def test_numbers_after_letters_to_the_lists_end_are_said_beside_them() -> None:
    """Before: "1. SLE" read beside "a. Age 18-65" with no remark, though nothing shows it is no part of "a."."""
    found = inclusion("a. Age 18-65\n1. SLE\n2. Consent")
    assert criteria_texts(found.inclusion) == ["Age 18-65", "SLE", "Consent"]
    said = [r for r in found.remarks if BESIDE in r]
    assert len(said) == 1 and "('SLE')" in said[0], found.remarks


@pytest.mark.parametrize(
    "lines",
    [
        "A. Age 18-65\nB. SLE\n1. ANA\n2. dsDNA\nC. Consent",  # the letters go on: their parts
        "a. Hb\nb. ANC:\n1. absolute\n2. relative",  # under a colon: its parts
        "1. Labs:\na. Hb\nb. ANC\n2. SLE",  # the numbering above goes on
    ],
)
def test_numbers_whose_place_the_layout_shows_are_read_with_no_remark(lines: str) -> None:
    assert not any(BESIDE in r for r in inclusion(lines).remarks)


# --- a list's codes lettered otherwise --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("Ia. Age 18 to 65\nIb. Active SLE", ["Age 18 to 65", "Active SLE"]),
        (
            "A1. Age 18 to 65\nA2. Active SLE\nB1. Nephritis\nB2. Hb > 9",
            ["Age 18 to 65", "Active SLE", "Nephritis", "Hb > 9"],
        ),
        ("I. General\nIa. Age\nIb. SLE\nII. Renal\nIIa. LN", ["General", ["Age", "SLE"], "Renal", ["LN"]]),
    ],
)
def test_codes_lettered_otherwise_keep_no_code_in_their_words(lines: str, read: list) -> None:
    """Before: "Ia. Age 18 to 65" / "A1. Age 18 to 65" imported so, codes in the criteria's words, the second line of
    each run a criterion "with no list mark", said in a remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert "number" not in str(found.inclusion) and found.remarks == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Low complement\nC3. below LLN\nC4. below LLN", ["Low complement", "C3. below LLN", "C4. below LLN"]),
        ("* T1. lesions on MRI", ["T1. lesions on MRI"]),  # a bullet's words
        ("1. MRI:\nT1: hypointense\nT2: hyperintense", ["MRI:", ["T1: hypointense", "T2: hyperintense"]]),  # names
        ("I1. Age\nI2. SLE", ["Age", "SLE"]),  # a list's own codes, as before
    ],
)
def test_codes_in_no_run_from_one_read_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read
