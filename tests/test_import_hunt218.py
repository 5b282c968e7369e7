"""Eligibility texts that hunt 217 left misread, and more layouts of their classes (hunt 218, helper-89), read with
criteria_text.split (the importer and the check read a source's criteria with it alike), each beside a text of its
shape already read right, which must read as it did. The texts are test inputs: no fact of any study.

Found and fixed (each reproduced before with criteria_text.split(text)):
- after a footnote to a bulleted list's items ("* SLE¹" / "" / "¹ EULAR/ACR 2019" / "" / "* Consent"), the list's
  items were all left to the curator with it: a footnote is a paragraph, and the list now goes on at its next line
  bulleted as its last item is (unless the footnote leads into items of its own, "† Including:"), as a numbered list
  went on at its next number (notes.last_bullet, goes_on_after_footnote);
- a footnote right under the item carrying its mark, with no blank line ("2. SLE†" / "† per the 2019 criteria" /
  "3. Consent") was read as the item's words ("SLE† † per the 2019 criteria"), with no remark, and under bullets
  ("* SLE¹" / "¹ EULAR/ACR 2019") as a criterion of its own: now a footnote, as one in a paragraph of its own is
  (notes.footnote), the list going on after it;
- a footnote marked by a letter ("2. SLE (a)" / "" / "a) per the 2019 criteria", "SLE^a", "SLE[a]", "SLE\u1d43") was
  imported as a criterion of its own ("per the 2019 criteria", its letter lost) with no remark, or under "SLE^a" as
  its sub-criterion: now a footnote where an item carries the letter as a footnote's mark and the list is lettered
  neither at its top nor under a colon (notes._lettered_footnote);
- roman numerals over numbered items ("I. General" / "1. Age" / "II. Disease" / "1. SLE" / "III. Labs" / "1. Hb")
  read "1. Age" beside "I." (its numeral's words a criterion of their own) and "III. Labs" as a part of "II.": the
  numbers are now the numeral's parts where the numerals go on after them or one holds parts so, as letters over
  numbers were read (Reader.parts_of_letter, nesting.letters_resume);
- letters from "a" right after a numbered item at its indent, going on to the list's end ("2. Meets (a) or (b)" /
  "a) biopsy" / "b) serology"), were read beside the numbers, each required, with no remark though they may be the
  item's alternatives: as written still, now said (Reader.letters_beside), as hunt 216 said numbers after letters;
- decimal sub-numbers before a word in lower case with a stop ("2) SLE" / "   2.1) ANA" / "   2.2) dsDNA") read "2.2)
  dsDNA" as a line with no list mark, its number in its words, and a run's first ("2. Labs:" / "   2.1 eGFR > 60" /
  "   2.2 hemoglobin > 9") as words of the item ("Labs: 2.1 eGFR > 60 2.2 hemoglobin > 9"), with no remark: now the
  item's parts, a run's first where "N.2" follows it (Reader.next_decimal; "2. Creatinine:" / "2.1 mg/dL or less" is a
  value, as before);
- a footnote or a reference marked as a numbered item ("2. SLE per criteria [1]" / "" / "[1] Aringer M, et al.",
  "SLE (1)" / "(1) ...", "SLE¹" / "1. ...") was read as a sub-criterion of the item numbered 1, or a criterion with
  its number dropped; one marked by an asterisk glued to its word ("2. SLE*" / "" / "*ACR: American College of
  Rheumatology") as a bulleted sub-criterion: now footnotes, a numbered one in a paragraph of its own, never the
  list's next number and never a power ("1.73 m²" / "" / "2. SLE"), a glued one where the list's bullets are no
  asterisks (notes._marked_footnote, _glued_star);
- an annex's heading run into its matter on one line after a list's items ("Abbreviations: ACR, American College of
  Rheumatology", "References: ...", "Glossary: ...") was imported as a criterion, and over the list's next item as
  the sub-heading of its group ("Glossary: ..." / "" / "3. Consent"): now an annex, left to the curator with a remark,
  the list going on at its next number (notes._ANNEX_RUN_IN);
- a markdown heading's line within a list ("### Disease" / "" / "1. SLE" / "" / "### General" / "" / "1. Consent")
  was imported as a criterion "### Disease", its marks in its words, the next one holding "Consent" as its part: now
  a sub-heading, as a line bold whole is (bold.headings_in_bold);
- a label bold whole right under an item of a group ("**Disease**" / "1. SLE" / "**General**" / "1. Consent", or the
  markdown heading's "### General") read "General" as a criterion of the group "Disease" holding "Consent" (said
  only as a line with no list mark): now the sub-heading of a group of its own, as hunt 217 read a label ending in a
  colon there (groups.SHORT_LABEL, Reader.sibling_label);
- a footnote's asterisk alone in brackets, twice on a line ("1. Age (*) and SLE (*)"), was read as italics around
  ") and SLE (", the criterion imported as "Age () and SLE ()", its marks lost: a mark alone in brackets now opens or
  closes no emphasis (bold._ITALIC, _BOLD, _BOTH);
- a footnote marked by an asterisk in brackets ("1. Age (*)" / "" / "(*) Applies to Part B only") was imported as a
  criterion of its own, its mark in its words, with no remark: now a footnote (notes._FOOTNOTE);
- after a footnote, the list's items under its next sub-heading ("† per the 2019 criteria" / "" / "**General**" / "" /
  "1. Consent", or "### General") were left to the curator with the footnote (numbered again, no next number): a
  sub-heading bold whole over items now heads the list again after a footnote, a paragraph, as not after an annex,
  whose own sub-headings it may be (notes.bold_over_items);
- "A1: Age" / "A2: SLE", a capital and a number before a colon (hunt 216's leftover), kept their codes in their words,
  the second line said as one with no list mark: now a list's codes where the run starts at "A1", as "A1." was read;
  "T1: hypointense" / "T2: hyperintense" and "C3:" / "C4:" (a measure's names) read as before (marks._LETTER_CODE);
- a footnote after the last list to a mark an item of an earlier list carries ("2. SLE†" / "Exclusion Criteria:" /
  "1. HIV" / "" / "† per protocol", footnotes gathered at a text's end) was imported as an exclusion criterion, with
  no remark: the lists above now count as carrying its mark (notes.footnote's before);
- a letter before the ideographic comma ("2）SLE：" / "  a、ANA阳性" / "  b、dsDNA阳性", as Chinese texts letter a
  list's parts) was no list mark: the parts were read as the item's words ("SLE： a、ANA阳性 b、dsDNA阳性"), with no
  remark; now lettered items (marks._ITEM);
- a numbered table's heading after a list's items ("2. Prohibited medications (Table 1)" / "" / "Table 1:" / "" / "-
  Rituximab" / "" / "3. Consent", "Table 1. Prohibited medications") was read as a sub-heading: the table's rows
  imported as the list's criteria, and the list's next item grouped under "Table 1". Now an annex's heading, as an
  appendix's is, the list going on at its next number (notes.ANNEX_HEADING);
- examples' heading after an item ("2. Prohibited medications" / "" / "Examples include:" / "" / "- Rituximab" / "" /
  "3. Consent", "Examples of prohibited medications:") was read as a sub-heading: the examples imported as criteria
  of their own, the list's next item grouped under it too. Now an annex's heading alike (notes.ANNEX_HEADING);
- a paragraph closing a list that points to whom to ask ("- HIV" / "" / "For more information, contact the study
  team.", "Please contact the study site with questions.") was imported as an exclusion criterion, with no remark:
  now a remark closing the list, as one about the criteria is (notes.about_the_criteria, _CONTACT);
- a markdown heading's line right under an item over no list item ("2. Consent" / "# Applies to Part B only", "###
  Notes") was read as the item's words ("Consent # Applies to Part B only"), with no remark: now a line of its own
  (lines.runs_on), said, or an annex's heading (the list's end);

Found and left (each reproduced with criteria_text.split(text)):
- a line opening with a footnote's mark that no item carries ("• Age" / "• SLE" / "" / "¹ per ACR") is a criterion of
  its own, with no remark (hunt 217 kept "† SLE" so: nothing ties it to an item);
- after an annex in a bulleted list, the list's later bullets are left to the curator with it, said ("- SLE" / "" /
  "Appendix A:" / "" / "- TB" / "" / "- Consent"): the annex's bullets and the list's are written alike;
- a note at the indent of a sub-list's items goes with its last item ("2. SLE, one of:" / "   - ANA" / "   - dsDNA" /
  "   Note: per central lab" reads "dsDNA Note: per central lab"), with no remark, though it may be the whole item's;
  a note labelled in Chinese ("（注）以2019年标准为准") right under an item is read as the item's words alike;
- katakana and hangul ordinals ("ア. 年齢" / "イ. SLE", "가." / "나.") are no list marks: their codes stay in the
  criteria's words, said as lines with no list mark;
- an indented line naming no one ("1. Active lupus nephritis" / "   Class III or IV:" / "   a. biopsy") is read as
  the item's words, as hunt 216 left it.
"""

from __future__ import annotations

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
from sle_trials.reading import criteria_text
from sle_trials.reading.criteria_text import unemphasised

shared, run_import, draft = importer_hunt("hunt218", 92180001)


SOURCE = (
    "Inclusion Criteria:\n\n### Disease\n\n1. Age 18 to 65\n2. Active SLE†\n† per the 2019 EULAR/ACR criteria\n\n"
    "### General\n\n1. Signed consent\n\nGlossary: ACR, American College of Rheumatology\n\n"
    "Exclusion Criteria:\n\n1. Pregnancy"
)


def test_a_draft_holds_the_lists_and_is_refused_as_imported_before(shared: Path) -> None:
    """The importer on a text of this hunt's layouts: before, "### Disease" and "### General" were criteria (the
    second holding "Signed consent"), the footnote words of "Active SLE†" and the glossary a criterion. The check
    reads the source with the same split: a draft holding the footnote in the item's words, as imported before, is
    refused."""
    before = snapshot(shared)
    try:
        status, said, data = import_study(shared, with_criteria(SOURCE), "NCT92189999")
        assert status == 0 and data is not None, said
        elig = data["eligibility"]
        assert [(c.get("group"), c["text"]) for c in elig["inclusion_criteria"]] == [
            ("Disease", "Age 18 to 65"),
            ("Disease", "Active SLE†"),
            ("General", "Signed consent"),
        ]
        notes = notes_on(data, "eligibility")
        assert any("footnote '† per the 2019" in n for n in notes) and any("'Glossary: ACR" in n for n in notes)
        record = shared / "trials" / "NCT92189999.yaml"
        written = record.read_text(encoding="utf-8")
        assert written.count("text: Active SLE†\n") == 1
        assert main(["check", "--root", str(shared)]) == 0
        record.write_text(
            written.replace("text: Active SLE†\n", "text: Active SLE† † per the 2019 EULAR/ACR criteria\n"), "utf-8"
        )
        assert main(["check", "--root", str(shared)]) == 1
    finally:
        put_back(shared, before)


FOOTNOTE = "a footnote"


def footnotes(found: criteria_text.Split) -> list[str]:
    return [r for r in found.remarks if FOOTNOTE in r]


# --- a bulleted list going on after a footnote ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    ["* Age\n* SLE¹\n\n¹ EULAR/ACR 2019\n\n* Consent", "- Age\n- SLE†\n\n† per the 2019 criteria\n- Consent"],
)
def test_a_bulleted_list_goes_on_after_a_footnote(lines: str) -> None:
    """Before: "Consent" left to the curator with the footnote, as an annex's lines are."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == ["Age", lines.split("\n")[1][2:], "Consent"] and found.unplaced
    assert len(footnotes(found)) == 1


@pytest.mark.parametrize(
    "lines",
    [
        "- Age\n- Medications†\n\n† Including:\n- rituximab\n- belimumab",  # the footnote's own list, under its colon
        "- Age\n- SLE†\n\n† per the 2019 criteria\n• biopsy",  # bulleted otherwise: the footnote's
        "- Age\n- SLE\n\nAppendix A:\n\n- TB",  # an annex's bullets stay its own
    ],
)
def test_items_after_a_footnote_or_an_annex_that_are_its_own_stay_the_curators(lines: str) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == ["Age", lines.split("\n")[1][2:]] and found.unplaced


# --- a footnote right under its item ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read", "note"),
    [
        ("1. Age 18 to 65\n2. SLE†\n† per the 2019 criteria\n3. Consent", ["Age 18 to 65", "SLE†", "Consent"], "†"),
        ("* Age\n* SLE¹\n¹ EULAR/ACR 2019\n* Consent", ["Age", "SLE¹", "Consent"], "¹ EUL"),
        ("- Positive ANA\\*\n\\*titre ≥ 1:80 at screening", ["Positive ANA*"], "*titre"),
    ],
)
def test_a_footnote_right_under_its_item_is_no_part_of_it(lines: str, read: list, note: str) -> None:
    """Before: "SLE† † per the 2019 criteria" (the footnote read as the item's words) with no remark; under bullets,
    "¹ EULAR/ACR 2019" a criterion of its own."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced
    assert len(footnotes(found)) == 1 and f"'{note}" in footnotes(found)[0].replace("\\", ""), found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # indented under the item carrying its mark: the item's words, as before
        ("1. Vital signs\\*\n   \\*Temperature < 38°C\n2. SLE", ["Vital signs* *Temperature < 38°C", "SLE"]),
        # a bullet glued to its word: an item
        ("1. ANA ≥ 1:80*\n*Or anti-dsDNA\n2. SLE", ["ANA ≥ 1:80*", ["Or anti-dsDNA"], "SLE"]),
        # a mark no item carries
        ("1. Age\n† SLE\n2. Consent", ["Age † SLE", "Consent"]),
        # the item's words going on after the mark ("or", "and", "unless", a note's label)
        (
            "1. Creatinine ≤ 1.5 mg/dL*\n*or clearance ≥ 60\n2. SLE",
            ["Creatinine ≤ 1.5 mg/dL* *or clearance ≥ 60", "SLE"],
        ),
    ],
)
def test_lines_right_under_an_item_read_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not footnotes(found)


# --- a footnote marked by a letter --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. SLE (a)\n\na) per the 2019 criteria", ["Age", "SLE (a)"]),
        ("1. Age\n2. SLE^a\n\na) per the 2019 criteria", ["Age", "SLE^a"]),
        (
            "- Age\n- SLE[a]\n- Hb[b]\n\n[a] per the 2019 criteria\n[b] at screening\n- Consent",
            ["Age", "SLE[a]", "Hb[b]", "Consent"],
        ),
        ("1. Age\n2. SLE\u1d43\n\u1d43 per the 2019 criteria\n3. Consent", ["Age", "SLE\u1d43", "Consent"]),
    ],
)
def test_a_footnote_marked_by_a_letter_is_no_criterion(lines: str, read: list) -> None:
    """Before: "per the 2019 criteria" a criterion of its own with no remark (under "SLE^a", its sub-criterion)."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced
    assert len(footnotes(found)) == 1 and "per the 2019 criteria'" in footnotes(found)[0], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        (
            "1. Meets (a) or (b)\na) biopsy\nb) serology\n2. Consent",
            ["Meets (a) or (b)", ["biopsy", "serology"], "Consent"],
        ),  # in its words
        ("1. Age\n2. Active SLE (a):\na) biopsy", ["Age", "Active SLE (a):", ["biopsy"]]),  # under a colon
        ("a) Age\nb) SLE (a)\nc) Consent", ["Age", "SLE (a)", "Consent"]),  # the list's own letters
    ],
)
def test_lettered_lines_under_a_letter_in_an_items_words_read_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not footnotes(found)


# --- roman numerals over numbered items ---------------------------------------------------------------------------


def test_numbers_under_roman_numerals_are_their_parts() -> None:
    """Before: "Age" beside "General", and "Labs" (with "Hb") a part of "Disease", two levels deep."""
    found = inclusion("I. General\n1. Age\nII. Disease\n1. SLE\nIII. Labs\n1. Hb")
    assert criteria_texts(found.inclusion) == ["General", ["Age"], "Disease", ["SLE"], "Labs", ["Hb"]]
    assert found.remarks == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("I. Age\n1. SLE\n2. Consent", ["Age", "SLE", "Consent"]),  # no numeral after them: as written
        ("i. Age\nii. SLE\n1. Consent", ["Age", "SLE", "Consent"]),
        ("A. General\n1. Age\nB. Disease\n1. SLE", ["General", ["Age"], "Disease", ["SLE"]]),  # letters, as before
    ],
)
def test_numbers_after_numerals_that_stop_read_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read


# --- letters after a number going on to the list's end ------------------------------------------------------------

LETTERS_BESIDE = "lettered from 'a' right after numbered items"


def test_letters_after_a_number_to_the_lists_end_are_said_beside_it() -> None:
    """Before: "biopsy" and "serology" each a criterion (each required), with no remark."""
    found = inclusion("1. Age\n2. Meets (a) or (b)\na) biopsy\nb) serology")
    assert criteria_texts(found.inclusion) == ["Age", "Meets (a) or (b)", "biopsy", "serology"]
    said = [r for r in found.remarks if LETTERS_BESIDE in r]
    assert len(said) == 1 and "('biopsy')" in said[0], found.remarks


@pytest.mark.parametrize(
    "lines",
    [
        "1. Meets one of:\na) biopsy\nb) serology",  # a colon: its parts
        "1. SLE\na) ANA\nb) dsDNA\n2. Consent",  # the numbering goes on after them: its parts
        "1. SLE\n   a) ANA\n   b) dsDNA",  # indented: its parts
    ],
)
def test_letters_whose_place_the_layout_shows_read_with_no_remark(lines: str) -> None:
    found = inclusion(lines)
    assert "sub_criteria" in found.inclusion[0] and not any(LETTERS_BESIDE in r for r in found.remarks)


# --- decimal sub-numbers before a word in lower case --------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        "1) Age\n2) SLE\n   2.1) ANA\n   2.2) dsDNA",
        "1. Age\n2. Labs:\n   2.1 eGFR > 60\n   2.2 hemoglobin > 9",
        "1. Age\n2. Labs:\n2.1. eGFR > 60\n2.2. hemoglobin > 9",
    ],
)
def test_decimal_sub_numbers_before_lower_case_are_the_items_parts(lines: str) -> None:
    """Before: "2.2) dsDNA" a line with no list mark; "Labs: 2.1 eGFR > 60 2.2 hemoglobin > 9" one criterion."""
    found = inclusion(lines)
    subs = [c["text"] for c in found.inclusion[1]["sub_criteria"]]
    assert len(found.inclusion) == 2 and subs == [line.split(None, 1)[1] for line in lines.split("\n")[2:]]
    assert found.remarks == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("2. Creatinine:\n2.1 mg/dL or less", ["Creatinine:", ["2.1 mg/dL or less"]]),  # a value, with no run
        ("1. Creatinine ≤\n1.5 mg/dL", ["Creatinine ≤ 1.5 mg/dL"]),  # a wrapped value
    ],
)
def test_a_decimal_value_opening_a_line_reads_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read


# --- a footnote marked as a numbered item, or by an asterisk glued to its word -------------------------------------


@pytest.mark.parametrize(
    ("lines", "note"),
    [
        ("1. Age\n2. SLE per criteria [1]\n\n[1] Aringer M, et al. 2019\n\n3. Consent", "[1] Aringer"),
        ("1. Age\n2. SLE¹\n\n1. Aringer M, et al. 2019\n\n3. Consent", "1. Aringer"),
        ("1. Age\n2. SLE\\*\n\n*ACR: American College of Rheumatology\n\n3. Consent", "*ACR"),
    ],
)
def test_a_footnote_marked_as_an_item_is_no_criterion(lines: str, note: str) -> None:
    """Before: "Aringer M, et al. 2019" a sub-criterion of item 2 numbered 1 (after "¹", a criterion of its own, its
    number dropped); "ACR: American College of Rheumatology" a sub-criterion of item 2."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == ["Age", lines.split("\n")[1][3:].replace("\\", ""), "Consent"]
    assert len(footnotes(found)) == 1 and f"'{note}" in footnotes(found)[0] and found.unplaced, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. eGFR ≥ 60 mL/min/1.73 m²\n\n2. SLE", ["eGFR ≥ 60 mL/min/1.73 m²", "SLE"]),  # a power, the next number
        ("1. Platelets ≥ 100 × 10⁹/L\n\n9. SLE", ["Platelets ≥ 100 × 10⁹/L", "SLE"]),
        ("1. Age\n2. SLE (3)\n\n3. Consent", ["Age", "SLE (3)", "Consent"]),  # the list's next number
        ("*Age\n*SLE\n\n*Consent", ["Age", "SLE", "Consent"]),  # bullets glued to their words, no mark carried
    ],
)
def test_numbered_and_glued_items_carrying_no_footnote_read_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not footnotes(found)


# --- an annex's heading run into its matter --------------------------------------------------------------------------

ANNEX = "heading no list of criteria"


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. SLE\n\nAbbreviations: ACR, American College of Rheumatology", ["Age", "SLE"]),
        ("1. Age\n2. SLE\n\nGlossary: ACR, American College of Rheumatology\n\n3. Consent", ["Age", "SLE", "Consent"]),
        ("* Age\n* SLE\nReferences: Aringer M, et al. Arthritis Rheumatol 2019", ["Age", "SLE"]),
    ],
)
def test_an_annex_run_into_its_heading_is_no_criterion(lines: str, read: list) -> None:
    """Before: "Abbreviations: ACR, ..." a criterion; "Consent" grouped under "Glossary: ACR, ..."."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and "group" not in str(found.inclusion) and found.unplaced
    assert len(found.remarks) == 1 and ANNEX in found.remarks[0]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. SLE\n\nNote: class V is eligible", ["Age", "SLE Note: class V is eligible"]),  # a note, as before
        ("1. Drugs listed in the\nReferences: section 5", ["Drugs listed in the References: section 5"]),  # wrapped
        ("1. Age\n\nAppendix A: Prohibited medications\n\n- RTX", ["Age"]),  # an appendix's title, as before
    ],
)
def test_lines_like_a_run_in_annex_read_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert sum(ANNEX in r for r in found.remarks) == (1 if "Appendix" in lines else 0)


# --- a markdown heading's line within a list -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    ["### Disease\n\n1. SLE\n\n### General\n\n1. Consent", "**Disease**\n\n1. SLE\n\n**General**\n\n1. Consent"],
)
def test_a_markdown_headings_line_heads_a_group(lines: str) -> None:
    """Before: "### Disease" a criterion, "### General" one holding "Consent" (the bold layout read right already)."""
    found = inclusion(lines)
    assert [(c.get("group"), c["text"]) for c in found.inclusion] == [("Disease", "SLE"), ("General", "Consent")]
    assert found.remarks == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. Consent\n\n# Applies to Part B only", ["Age", "Consent", "# Applies to Part B only"]),  # no items
        ("#1 Age\n#2 SLE", ["Age", "SLE"]),  # numbers after a hash
    ],
)
def test_hashes_heading_no_items_read_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read


@pytest.mark.parametrize(
    ("lines", "numbers"),
    [
        ("**Disease**\n1. SLE\n**General**\n1. Consent", (1, 1)),
        ("### Disease\n1. SLE\n### General\n2. Consent", (1, 2)),
    ],
)
def test_a_bold_label_right_under_an_item_heads_the_next_group(lines: str, numbers: tuple) -> None:
    """Before: "General" a criterion of the group "Disease", holding "Consent" (said as a line with no list mark)."""
    found = inclusion(lines)
    assert [(c.get("group"), c["text"], c["number"]) for c in found.inclusion] == [
        ("Disease", "SLE", numbers[0]),
        ("General", "Consent", numbers[1]),
    ]
    assert len(found.remarks) == (1 if numbers[1] == 1 else 0), found.remarks


def test_a_bold_line_under_an_item_of_no_group_reads_as_before() -> None:
    found = inclusion("1. SLE\n**Active disease**\n2. Consent")
    assert criteria_texts(found.inclusion) == ["SLE", "Active disease", "Consent"]


# --- a footnote's asterisk alone in brackets ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Age (*) and SLE (*)", "Age (*) and SLE (*)"),
        ("Hb (**) or ANC (**)", "Hb (**) or ANC (**)"),
        ("Hb (*see note*) or [*ANC*]", "Hb (see note) or [ANC]"),  # italics within brackets, as before
    ],
)
def test_an_asterisk_alone_in_brackets_is_no_emphasis(text: str, read: str) -> None:
    """Before: "Age () and SLE ()", the footnote's marks read as italics around ") and SLE (" and lost."""
    assert unemphasised(text) == read
    assert criteria_texts(inclusion(f"1. {text}\n2. Consent").inclusion) == [read, "Consent"]


@pytest.mark.parametrize(
    "lines",
    [
        "1. Age (*)\n2. SLE\n\n(*) Applies to Part B only",
        "- Edad ≥ 18 años (*)\n- LES (**)\n(*) Parte B: 12 años\n(**) Criterios ACR 2019\n- Consentimiento",
    ],
)
def test_a_footnote_marked_by_an_asterisk_in_brackets_is_no_criterion(lines: str) -> None:
    """Before: "(*) Applies to Part B only" a criterion of its own (the Spanish footnotes read into "LES")."""
    found = inclusion(lines)
    assert not any(c["text"].startswith("(*") or "Parte B" in c["text"] for c in found.inclusion) and found.unplaced
    assert len(footnotes(found)) == 1 and "'(*) " in footnotes(found)[0]


def test_an_asterisk_in_brackets_no_item_carries_reads_as_before() -> None:
    found = inclusion("1. Age\n2. SLE\n\n(*) Applies to Part B only")
    assert criteria_texts(found.inclusion)[-1] == "(*) Applies to Part B only" and not footnotes(found)


# --- the list's sub-heading after a footnote ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("**Disease**\n1. SLE†\n\n† per the 2019 criteria\n\n**General**\n\n1. Consent", ["SLE†", "Consent"]),
        ("1. Age\n2. SLE\n\nAppendix A:\n\n**Prohibited medications**\n\n1. Rituximab", ["Age", "SLE"]),  # annex's
    ],
)
def test_a_sub_heading_after_a_footnote_heads_the_list_again(lines: str, read: list) -> None:
    """Before: "Consent" left to the curator with the footnote."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced and len(found.remarks) == 1


# --- a list's codes before a colon --------------------------------------------------------------------------------


def test_codes_before_a_colon_from_a1_are_the_lists_codes() -> None:
    """Before: "A1: Age" kept its code in its words, "A2: SLE" and "B1: Nephritis" said as lines with no list mark."""
    found = inclusion("A1: Age\nA2: SLE\nB1: Nephritis")
    assert criteria_texts(found.inclusion) == ["Age", "SLE", "Nephritis"] and found.remarks == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("T1: hypointense\nT2: hyperintense", ["T1: hypointense", "T2: hyperintense"]),
        ("1. Low complement\nC3: below LLN\nC4: below LLN", ["Low complement", "C3: below LLN", "C4: below LLN"]),
    ],
)
def test_a_measures_names_before_a_colon_read_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read


# --- a footnote after the last list, to an earlier list's item ----------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "read"),
    [
        ("2. SLE†", [{"number": 1, "text": "HIV"}]),
        ("2. SLE", [{"number": 1, "text": "HIV"}, {"text": "† per protocol"}]),
    ],
)
def test_a_footnote_at_the_texts_end_may_be_to_the_inclusion_lists_mark(marked: str, read: list) -> None:
    """Before: "† per protocol" an exclusion criterion, with no remark, under "2. SLE†" too."""
    found = criteria_text.split(
        f"Inclusion Criteria:\n\n1. Age\n{marked}\n\nExclusion Criteria:\n\n1. HIV\n\n† per protocol"
    )
    assert found.exclusion == read and len(footnotes(found)) == ("†" in marked)


# --- a letter before the ideographic comma -------------------------------------------------------------------------


def test_a_letter_before_the_ideographic_comma_marks_an_item() -> None:
    """Before: "SLE： a、ANA阳性 b、dsDNA阳性", one criterion, with no remark."""
    found = inclusion("1）年龄\n2）SLE：\n  a、ANA阳性\n  b、dsDNA阳性")
    assert criteria_texts(found.inclusion) == ["年龄", "SLE：", ["ANA阳性", "dsDNA阳性"]] and found.remarks == []


# --- a markdown heading's line right under an item, over no item ----------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. Consent\n# Applies to Part B only", ["Age", "Consent", "# Applies to Part B only"]),
        ("1. Age\n2. Consent\n### Notes", ["Age", "Consent"]),
    ],
)
def test_a_headings_line_right_under_an_item_is_none_of_its_words(lines: str, read: list) -> None:
    """Before: "Consent # Applies to Part B only" and "Consent ### Notes", with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and len(found.remarks) == 1


def test_a_hash_going_on_with_the_line_above_reads_as_before() -> None:
    found = inclusion("1. Age ≥ 18 years, or patients\n# 12 to 17")
    assert criteria_texts(found.inclusion) == ["Age ≥ 18 years, or patients # 12 to 17"]


# --- a numbered table's heading after a list's items ----------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        "1. Age\n2. Prohibited medications (Table 1)\n\nTable 1:\n\n- Rituximab\n- Belimumab\n\n3. Consent",
        "1. Age\n2. Prohibited medications\n\nTable 1. Prohibited medications\n\n- Rituximab\n\n3. Consent",
        "1. Age\n2. Prohibited medications\n\nExamples include:\n\n- Rituximab\n\n3. Consent",
    ],
)
def test_a_tables_heading_after_the_items_is_an_annex(lines: str) -> None:
    """Before: "Rituximab" a criterion grouped "Table 1" ("Examples include"), and "Consent" grouped under it too."""
    found = inclusion(lines)
    assert [(c.get("group"), c["text"]) for c in found.inclusion][-1] == (None, "Consent") and found.unplaced
    assert len(found.inclusion) == 3 and len(found.remarks) == 1 and lines.split("\n\n")[1] in found.remarks[0]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Age\n2. Labs as listed in\nTable 1\n3. SLE", ["Age", "Labs as listed in Table 1", "SLE"]),  # wrapped
        ("1. Age\nTable 1 lists the labs\n2. SLE", ["Age", "Table 1 lists the labs", "SLE"]),  # a sentence
        ("1. Drugs, for\nexample:\n- RTX", ["Drugs, for example:", ["RTX"]]),  # the item's words
    ],
)
def test_lines_naming_a_table_read_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read


# --- a closing paragraph pointing to whom to ask --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "read"),
    [
        ("\n\nFor more information, contact the study team.", ["HIV"]),
        ("\nPlease contact the study site with questions.", ["HIV"]),
        ("\n\nContact with a person with active TB", ["HIV", "Contact with a person with active TB"]),  # a criterion
    ],
)
def test_a_closing_paragraph_pointing_to_whom_to_ask_is_no_criterion(tail: str, read: list) -> None:
    """Before: "For more information, contact the study team." an exclusion criterion, with no remark."""
    found = criteria_text.split(f"Inclusion Criteria:\n- Age\nExclusion Criteria:\n- HIV{tail}")
    assert criteria_texts(found.exclusion) == read and len(found.remarks) == (len(read) == 1)
