"""trials import ctgov on eligibility texts written as sponsors write them (hunt 215, helper-81): each case a real study
of tests/fixtures/ctgov/real/ with its criteria text given in a shape the registry holds for other studies, imported
into a registry copy shared by the module (each variant under an NCT id of its own, held with --out-of-scope), that
misread what the text lists. Beside each, a text of that shape already read right, which must read as it did. The
texts are test inputs: no fact of any study.

Found and fixed (the importer and the check read a source's criteria with the one criteria_text.split):
- HTML line breaks ("Inclusion Criteria:<br>1. SLE<br/>2. Age ...") ran both lists into one criterion
  (run_in.html_breaks);
- "1° SLE" / "2° Age", "1º", "Step 1." / "Criterion 1:" kept their marks in their words, and a task list's "[ ]" / "[x]"
  its box, "[x]" read as a roman numeral's mark (marks._NUMBERED_OTHERWISE, _ITEM; E504 reads the marks alike);
- a whole decimal outside a run lost its value ("1.0 ULN or less" imported "ULN or less"), and a list's one "1.0
  Pregnancy" imported unnumbered (marks._ITEM, _led_in);
- roman numerals from "i", or numbers from 1, right after a letter were read beside the letters, not as its parts
  (reader.parts_of_letter), numbers between two letters of a list lettered at its top as criteria of their own;
- "[Note: ...]" was imported as a criterion where "(Note: ...)" is a note (notes.NOTE);
- a wrapped line "criteria" / "criteria:" was read as a general heading, cutting its item short and dropping the rest
  of its list (sections._wrapped_words);
- "• SLE" / "◦ ANA positive" / "▪ titre ≥ 1:80" at one indent (a word processor's outline, its indents lost) read the
  lower levels as criteria of their own (nesting.outline_level_under);
- "Exclusion Criteria: 1. Pregnancy 2. HIV", a list of two run onto its heading's line in a text that runs its other
  list in so, was one criterion (run_in.RUN_IN_TEXT);
- "2. SLE" / "2.1 ANA positive" / "2.2 dsDNA positive" read "2.2 dsDNA positive" as a criterion of its own beside
  item 2, its number in its words (a decimal before a lower-case word is no mark: reader.next_decimal);
- "1 Age 18-65" / "2 SLE" (a number and a space alone) kept each number in its words (marks._NUMBERED_OTHERWISE).

Found and left (each reproduced with criteria_text.split(text)):
- a footnote in a paragraph of its own whose mark a criterion carries ("1. Age ≥ 18 (≥ 12 in Part B\\*)" / "" /
  "\\*Part B opens after DSMB review", or "SLE†" / "" / "† per the 2019 criteria") is imported as a criterion of its
  own, with no remark (indented under an item, as its sub-criterion): a footnote may state a requirement (a real
  study's "\\*Temperature < 38°C, ..." under "vital signs\\*"), so dropping it as a note would lose one;
- "Step 1: Screening" / "1. Age" / "Step 2: Treatment" / "1. Hb" reads "Step 1: Screening" as a criterion and "Step 2:
  Treatment" as a criterion holding the items under it, not as sub-headings;
- "Ia. Age" / "Ib. SLE" (a code and a letter) and "A1. Age" / "A2. SLE" (codes lettered otherwise than a list's side)
  keep their codes in their words;
- an indented capitalised line under an item ("2. SLE" / "   Subjects with LN must have:" / "   a. biopsy") is read as
  the item's words ("SLE Subjects with LN must have:"), and a capitalised wrapped line ("... within 2 weeks" / "Prior
  to screening") as a criterion of its own (said in a remark);
- numbers after letters going on to a list's end ("a. Age 18-65" / "1. SLE") are siblings, with no remark;
- "Participants must meet the following criteria to be enrolled:" / ... / "Participants meeting any of the following
  will not be enrolled:" heads no list: the whole text is left to the curator;
- an entity encoded twice ("&amp;nbsp;") is decoded once, "&nbsp;" kept in the words (layouts.html_entities, as
  decided before).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_registry, criteria_texts, import_study, importer_hunt, main, notes_on, with_criteria
from sle_trials.reading import criteria_text

shared, run_import, draft = importer_hunt("hunt215", 92150001)


def inclusion(lines: str) -> list:
    """The inclusion criteria's texts read from lines under the heading, beside an exclusion list of one."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.exclusion == [{"text": "Pregnancy"}]
    return criteria_texts(found.inclusion)


# --- HTML line breaks -------------------------------------------------------------------------------------------------

BROKEN = (
    "Inclusion Criteria:<br>1. Active SLE <br/> 2. Age&nbsp;18 to 65 years<br />3. Signed consent<BR><br>"
    "Exclusion Criteria:<br>1. Pregnancy &amp; lactation<br>2. HIV"
)


def test_html_line_breaks_part_the_lists_items(draft: Callable) -> None:
    """Before: one inclusion criterion holding both lists, "<br>" tags and all, and no exclusion criteria."""
    data = draft(with_criteria(BROKEN))
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Active SLE"},
        {"number": 2, "text": "Age\u00a018 to 65 years"},
        {"number": 3, "text": "Signed consent"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy & lactation"}, {"number": 2, "text": "HIV"}]


def test_angle_brackets_that_break_no_line_are_read_as_before() -> None:
    assert inclusion("* eGFR <60 mL/min and ALT <2 x ULN\n* <brief> intervals, p<0.05 <i>in vitro</i>") == [
        "eGFR <60 mL/min and ALT <2 x ULN",
        "<brief> intervals, p<0.05 <i>in vitro</i>",
    ]


# --- marks of other kinds: a degree sign, a word before the number, a task list's box ---------------------------------

OTHER_MARKS = (
    "Inclusion Criteria:\n\n1° Active SLE\n2° Age 18 to 65 years\n\n- [x] Able to comply\n- [ ] Weight ≥ 40 kg\n\n"
    "Exclusion Criteria:\n\nCriterion 1: Pregnancy\nCriterion 2: HIV"
)
ORDINALS = (
    "Inclusion Criteria:\n\n1º Active SLE\n2º Age 18 to 65 years\n\n"
    "Exclusion Criteria:\n\nStep 1. Pregnancy\nStep 2. HIV"
)


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            OTHER_MARKS,
            [
                {"number": 1, "text": "Active SLE"},
                {"number": 2, "text": "Age 18 to 65 years"},
                {"text": "Able to comply"},
                {"text": "Weight ≥ 40 kg"},
            ],
            [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "HIV"}],
        ),
        (
            ORDINALS,
            [{"number": 1, "text": "Active SLE"}, {"number": 2, "text": "Age 18 to 65 years"}],
            [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "HIV"}],
        ),
    ],
    ids=["degree-criterion-task", "ordinal-step"],
)
def test_items_marked_otherwise_keep_no_mark_in_their_words(
    draft: Callable, text: str, inclusion: list, exclusion: list
) -> None:
    """Before: "1° Active SLE", "1º Active SLE", "Step 1. Pregnancy", "Criterion 1: Pregnancy" and "[ ] Weight ≥ 40
    kg" imported so, marks in the criteria's words (the second line of each run a criterion with no list mark, said in
    a remark), and "[x]" read as a roman numeral's mark. The check numbers them alike (E504 reads the marks)."""
    data = draft(with_criteria(text))
    assert data["eligibility"]["inclusion_criteria"] == inclusion
    assert data["eligibility"]["exclusion_criteria"] == exclusion
    assert notes_on(data, "eligibility") == []


def test_a_record_numbering_a_lone_degree_mark_is_refused(tmp_path: Path) -> None:
    """The check reads a degree sign as coded_marks does, in a run in order only: "2° hyperparathyroidism" alone is
    words, and a record numbering its criterion 2 is refused (E504)."""
    root = copy_registry(tmp_path / "registry")
    text = "Inclusion Criteria:\n\n* Active SLE\n\nExclusion Criteria:\n\n* Pregnancy\n* 2° hyperparathyroidism"
    status, said, data = import_study(root, with_criteria(text), "NCT92159999")
    assert status == 0, said
    assert data is not None and data["eligibility"]["exclusion_criteria"][-1] == {"text": "2° hyperparathyroidism"}
    record = root / "trials" / "NCT92159999.yaml"
    written = record.read_text(encoding="utf-8")
    assert written.count("    - text: 2° hyperparathyroidism\n") == 1
    record.write_text(
        written.replace("    - text: 2° hyperparathyroidism\n", "    - number: 2\n      text: hyperparathyroidism\n"),
        encoding="utf-8",
    )
    assert main(["check", "--root", str(root)]) == 1


def test_a_word_numbered_item_leading_into_its_parts_goes_on_with_the_run() -> None:
    found = criteria_text.split(
        "Inclusion Criteria:\n\nCriterion 1: Age 18 to 65\nCriterion 2: SLE, one of:\n   a. ANA\n   b. anti-dsDNA\n"
        "Criterion 3: Consent\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    assert [c.get("number") for c in found.inclusion] == [1, 2, 3]
    assert criteria_texts(found.inclusion) == ["Age 18 to 65", "SLE, one of:", ["ANA", "anti-dsDNA"], "Consent"]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* SLE\n* 2° hyperparathyroidism", ["SLE", "2° hyperparathyroidism"]),  # one line: words
        ("1° Active SLE\n3° Age", ["1° Active SLE", "3° Age"]),  # out of order
        # a word's number leading into items, as a sub-heading does (numbering none: hunt 216 reads it as one)
        ("Step 1: Screening\n1. Age 18 to 65\nStep 2: Dosing\n1. Hb > 9", ["Age 18 to 65", "Hb > 9"]),
        ("* [a] SLE\n* [b] Age", ["SLE", "Age"]),  # a bracketed letter after a bullet: a letter, as before
    ],
)
def test_marks_otherwise_that_number_no_run_are_read_as_before(lines: str, read: list) -> None:
    assert inclusion(lines) == read


# --- whole decimals outside a run -------------------------------------------------------------------------------------

DECIMALS = (
    "Inclusion Criteria:\n\n1. Age 18 to 65\n2. Serum creatinine\n1.0 ULN or less\n3. Active SLE\n\n"
    "Exclusion Criteria:\n\n1.0 Pregnancy"
)


def test_a_whole_decimal_outside_a_run_keeps_its_value_or_numbers_a_list_of_one(draft: Callable) -> None:
    """Before: "1.0 ULN or less" imported as "ULN or less" (the value lost, with no remark) and a list's one item "1.0
    Pregnancy", right under its heading, unnumbered."""
    data = draft(with_criteria(DECIMALS))
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65"},
        {"number": 2, "text": "Serum creatinine"},
        {"text": "1.0 ULN or less"},
        {"number": 3, "text": "Active SLE"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}]
    assert any("('1.0 ULN or less')" in n for n in notes_on(data, "eligibility"))


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* Creatinine ≤\n1.0 ULN", [{"text": "Creatinine ≤ 1.0 ULN"}]),  # a wrapped line's value
        # under a line naming no criteria: no number, the value kept (before, "ULN or less")
        ("Serum creatinine:\n\n1.0 ULN or less", None),
        (
            "1.0 Age\n2.0 SLE\n2.1 Hb",
            [{"number": 1, "text": "Age"}, {"number": 2, "text": "SLE", "sub_criteria": [{"text": "Hb"}]}],
        ),
    ],
)
def test_whole_decimals_that_number_no_list_of_one(lines: str, read: list | None) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy").inclusion
    if read is None:
        assert "number" not in str(found) and "1.0 ULN or less" in str(found), found
    else:
        assert found == read


# --- numerals right after letters -------------------------------------------------------------------------------------

AFTER_LETTERS = (
    "Inclusion Criteria:\n\n1. Labs:\na. Hb > 9 g/dL\nb. ANC\n1. absolute > 1000/uL\n2. relative > 40%\n"
    "2. Active SLE\n\n"
    "Exclusion Criteria:\n\na. Pregnancy\nb. Infection\n(i) HIV\n(ii) hepatitis B\nc. Prior CAR-T"
)


def test_numerals_started_right_after_a_letter_are_its_parts(draft: Callable) -> None:
    """Before: "1. absolute" / "2. relative" read beside the letters as parts of "1. Labs:", with no remark, and "(i)
    HIV" / "(ii) hepatitis B" as exclusion criteria of their own, each beside "b. Infection" (numbers after letters
    at the top of a list, and romans there, alike). Where nothing but the change of mark shows it (no colon, no letter
    after them), a remark says so."""
    data = draft(with_criteria(AFTER_LETTERS))
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {
            "number": 1,
            "text": "Labs:",
            "sub_criteria": [
                {"text": "Hb > 9 g/dL"},
                {
                    "text": "ANC",
                    "sub_criteria": [
                        {"number": 1, "text": "absolute > 1000/uL"},
                        {"number": 2, "text": "relative > 40%"},
                    ],
                },
            ],
        },
        {"number": 2, "text": "Active SLE"},
    ]
    assert criteria_texts(elig["exclusion_criteria"]) == [
        "Pregnancy",
        "Infection",
        ["HIV", "hepatitis B"],
        "Prior CAR-T",
    ]
    said = [n for n in notes_on(data, "eligibility") if "as an outline nests them" in n]
    assert len(said) == 1 and "('absolute > 1000/uL')" in said[0], said  # (the romans: "c." after them shows it)


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # between two letters of a list lettered at its top
        ("A. Age 18-65\nB. SLE\n1. ANA\n2. dsDNA\nC. Consent", ["Age 18-65", "SLE", ["ANA", "dsDNA"], "Consent"]),
        # under each letter, as under the one before ("A. General" / "1. Adults" was read beside, "1. SLE" under B)
        ("A. General\n1. Adults\nB. Disease\n1. SLE", ["General", ["Adults"], "Disease", ["SLE"]]),
    ],
)
def test_numbers_between_or_under_each_of_a_lists_letters_are_their_parts(lines: str, read: list) -> None:
    """Before: "1. ANA" / "2. dsDNA" between "B. SLE" and "C. Consent" read as criteria of their own, each required."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert criteria_texts(found.inclusion) == read
    assert not any("as an outline nests them" in r for r in found.remarks), found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # numbers after letters going on to the list's end, and a number after letters going on with the list above
        ("A. Age 18-65\nB. SLE\n1. ANA\n2. dsDNA", ["Age 18-65", "SLE", "ANA", "dsDNA"]),
        ("1. Labs:\na. Hb\nb. ANC\n2. SLE", ["Labs:", ["Hb", "ANC"], "SLE"]),
        # under a letter's colon, as before
        ("a. Hb\nb. ANC:\n1. absolute\n2. relative", ["Hb", "ANC:", ["absolute", "relative"]]),
        # "i." after "h." is the letter i; "ii." not after "i.", beside the letters with a remark, as before
        ("g. Hb\nh. ANC\ni. Platelets", ["Hb", "ANC", "Platelets"]),
        ("a. Hb\nb. ANC\nii. relative\n1. SLE", None),
    ],
)
def test_marks_after_letters_that_start_no_run_are_read_as_before(lines: str, read: list | None) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    if read is not None:
        assert criteria_texts(found.inclusion) == read
        assert not any("as an outline nests them" in r for r in found.remarks), found.remarks
    else:
        assert criteria_texts(found.inclusion)[:3] == ["Hb", "ANC", "relative"]


# --- notes in square brackets -----------------------------------------------------------------------------------------

BRACKETED = (
    "Inclusion Criteria:\n\n[Note: all of the following must be met]\n1. Age 18 to 65\n2. Active SLE\n\n"
    "[Note: Part A participants must also be anti-dsDNA positive]\n\nExclusion Criteria:\n\n1. Pregnancy"
)


def test_a_note_in_square_brackets_is_read_as_a_note(draft: Callable) -> None:
    """Before: "[Note: all of the following must be met]" and "[Note: Part A participants ...]" each imported as an
    inclusion criterion of its own, where "(Note: ...)" and "Note: ..." are read as notes (the first about the list,
    not imported; the second words of the item above, said in a remark)."""
    data = draft(with_criteria(BRACKETED))
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65"},
        {"number": 2, "text": "Active SLE [Note: Part A participants must also be anti-dsDNA positive]"},
    ]
    said = notes_on(data, "eligibility")
    assert any("'[Note: all of the following must be met]'" in n and "before the first item" in n for n in said)
    assert any("'[Note: Part A participants" in n and "words of the item above" in n for n in said), said


def test_a_bracketed_paragraph_with_no_note_label_is_read_as_before() -> None:
    assert inclusion("1. Age 18 to 65\n\n[Participants in Part A only]") == [
        "Age 18 to 65",
        "[Participants in Part A only]",
    ]


# --- a wrapped line in a general heading's words ----------------------------------------------------------------------


def test_a_wrapped_line_in_a_headings_words_goes_on_with_its_item() -> None:
    """Before: "   criteria" (the last words of item 2) read as a list headed neither inclusion nor exclusion: item 2
    cut short ("... per 2019 EULAR/ACR"), "3. Consent" not imported, and the check, reading the source alike, passed
    it."""
    found = criteria_text.split(
        "Inclusion Criteria:\n\n1. Age 18 to 65\n2. Diagnosis of SLE per\n   2019 EULAR/ACR\n   criteria\n"
        "3. Consent\n\nExclusion Criteria:\n\n1. Pregnancy"
    )
    assert criteria_texts(found.inclusion) == [
        "Age 18 to 65",
        "Diagnosis of SLE per 2019 EULAR/ACR criteria",
        "Consent",
    ]
    assert not found.unplaced and found.remarks == []
    found = criteria_text.split(
        "Inclusion Criteria:\n\n1. Meets classification\n   criteria:\n   a. ACR 1997\n   b. SLICC 2012\n\n"
        "Exclusion Criteria:\n\n1. Pregnancy"
    )
    assert criteria_texts(found.inclusion) == ["Meets classification criteria:", ["ACR 1997", "SLICC 2012"]]


@pytest.mark.parametrize(
    "text",
    [
        "Inclusion Criteria:\n\n1. Age 18 to 65\nexclusion criteria\n1. Pregnancy",  # a list's heading, in lower case
        "Inclusion Criteria:\n\n1. Age 18 to 65\n\nEligibility criteria\n\n1. Pregnancy",  # capitalised, set apart
    ],
)
def test_a_heading_under_an_item_heads_as_before(text: str) -> None:
    found = criteria_text.split(text)
    assert criteria_texts(found.inclusion) == ["Age 18 to 65"]


# --- a word processor's outline bullets at one indent -----------------------------------------------------------------

OUTLINE = (
    "Inclusion Criteria:\n\n• Age 18 to 65\n• Active SLE\n◦ ANA positive\n▪ titre ≥ 1:80\n"
    "◦ anti-dsDNA positive\n• Signed consent\n\nExclusion Criteria:\n\n• Pregnancy"
)


def test_outline_bullets_at_one_indent_nest_by_their_level(draft: Callable) -> None:
    """Before: "◦ ANA positive", "▪ titre ≥ 1:80" and "◦ anti-dsDNA positive" imported as inclusion criteria of their
    own, each required, beside "Active SLE" whose parts the outline's bullets make them."""
    data = draft(with_criteria(OUTLINE))
    assert criteria_texts(data["eligibility"]["inclusion_criteria"]) == [
        "Age 18 to 65",
        "Active SLE",
        ["ANA positive", ["titre ≥ 1:80"], "anti-dsDNA positive"],
        "Signed consent",
    ]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("◦ Age 18 to 65\n◦ SLE", ["Age 18 to 65", "SLE"]),  # a list bulleted with one level's bullet
        ("• SLE\n- ANA positive\n• Consent", ["SLE", "ANA positive", "Consent"]),  # a dash: no outline's level
        ("◦ SLE\n• Age", ["SLE", "Age"]),  # a higher level's bullet after a lower one's
    ],
)
def test_bullets_of_no_lower_level_are_read_as_before(lines: str, read: list) -> None:
    assert inclusion(lines) == read


# --- a list of two run onto its heading's line ------------------------------------------------------------------------

RUN_IN = "Inclusion Criteria: 1. Age 18 to 65 2. Active SLE 3. Signed consent Exclusion Criteria: 1. Pregnancy 2. HIV"


def test_a_list_of_two_run_in_as_the_text_runs_its_other_list_is_two_items(draft: Callable) -> None:
    """Before: "Pregnancy 2. HIV" imported as one exclusion criterion (a run of two numbered by spaces alone is read
    as written, "1. CTCAE grade 2. Age" a sentence's number), where the text runs its inclusion list in so."""
    data = draft(with_criteria(RUN_IN))
    elig = data["eligibility"]
    assert [c["number"] for c in elig["inclusion_criteria"]] == [1, 2, 3]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "HIV"}]


def test_a_run_of_two_in_a_text_running_no_list_in_is_read_as_before() -> None:
    assert inclusion("1. Toxicity of CTCAE grade 2. Age 18 to 65") == ["Toxicity of CTCAE grade 2. Age 18 to 65"]


# --- a decimal sub-number before a word in lower case -----------------------------------------------------------------

LOWER_DECIMAL = (
    "Inclusion Criteria:\n\n1. Age 18 to 65\n2. Positive serology:\n   2.1 ANA ≥ 1:80\n   2.2 anti-dsDNA positive\n"
    "   2.3 low C3\n3. Signed consent\n\nExclusion Criteria:\n\n1. Pregnancy"
)


def test_a_decimal_sub_number_after_the_last_one_marks_an_item_before_a_lower_case_word(draft: Callable) -> None:
    """Before: "2.2 anti-dsDNA positive" and "2.3 low C3" imported as inclusion criteria of their own beside item 2
    (lines with no list mark, their numbers in their words), where "2.1 ANA ≥ 1:80" is item 2's part."""
    data = draft(with_criteria(LOWER_DECIMAL))
    assert criteria_texts(data["eligibility"]["inclusion_criteria"]) == [
        "Age 18 to 65",
        "Positive serology:",
        ["ANA ≥ 1:80", "anti-dsDNA positive", "low C3"],
        "Signed consent",
    ]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* ALT ≤\n2.5 mg/dL", ["ALT ≤ 2.5 mg/dL"]),  # a wrapped line's value
        ("2. SLE\n2.1 ANA\n2.3 dsDNA", ["SLE", ["ANA"], "2.3 dsDNA"]),  # not the next sub-number: as written
    ],
)
def test_a_decimal_before_a_lower_case_word_elsewhere_is_read_as_before(lines: str, read: list) -> None:
    assert inclusion(lines) == read


# --- numbers and a space alone ----------------------------------------------------------------------------------------

BARE = (
    "Inclusion Criteria:\n\n1 Age 18 to 65\n2 Active SLE\n3 Signed consent\n\nExclusion Criteria:\n\n1 Pregnancy\n2 HIV"
)


def test_items_numbered_with_a_number_and_a_space_alone_keep_their_numbers(draft: Callable) -> None:
    """Before: "1 Age 18 to 65", "2 Active SLE", ... imported so, each number in its words (from the second on, lines
    with no list mark, said in a remark). The check numbers them alike (E504 reads the run as coded_marks does)."""
    data = draft(with_criteria(BARE))
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65"},
        {"number": 2, "text": "Active SLE"},
        {"number": 3, "text": "Signed consent"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "HIV"}]
    assert notes_on(data, "eligibility") == []


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* Washout of at least\n2 Weeks", ["Washout of at least 2 Weeks"]),  # a wrapped line's number
        ("1 Age 18 to 65\n3 SLE", ["1 Age 18 to 65", "3 SLE"]),  # out of order
        ("* Prednisone\n10 mg daily\n11 mg", ["Prednisone", "10 mg daily", "11 mg"]),  # before lower case
    ],
)
def test_numbers_and_a_space_in_no_run_are_read_as_before(lines: str, read: list) -> None:
    assert inclusion(lines) == read
