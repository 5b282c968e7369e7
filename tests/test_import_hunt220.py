"""Eligibility texts that hunt 219 left misread (hunt 220, helper-97), read with criteria_text.split (the importer and
the check read a source's criteria with it alike), each beside a text of its shape already read right, which must
read as it did. The texts are test inputs: no fact of any study. Every text the tests and fixtures held (string
constants of tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an inclusion heading: 50,067
splits) was split before and after each fix: only the texts said in each commit read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text)):
- katakana and hangul ordinals ("ア. 年齢" / "イ. SLE", "가. 나이" / "나. SLE", "(ア)", "（가）") were no list marks:
  "イ. SLE" a line with no list mark, a criterion of its own with its ordinal in its words, and under "2. SLE：" each
  a line of its own; now letters, as "a." / "b." are (marks.KANA_ORDINALS; "アスピリン. ..." is words, as before), where
  each goes on with the one before it right above (Reader.owned_mark: "... 자이어야 한" / "다. 동의서에 ...", a Korean
  sentence's end wrapped, "한다.", is words, said as a line with no list mark);
- a footnote right under an item, no blank line between ("- SLE" / "¹ As defined by the 2019 criteria", "1. SLE*" /
  "* Patients on dialysis are excluded"): a superscript mark was read as a criterion of its own, said only as a line
  with no list mark, and a star before a space as a bullet, the footnote a sub-criterion of the item carrying its mark,
  with no remark; now footnotes left to the curator, said, the list going on after them (notes.stray_footnote, where
  the mark is no power wrapped under its base, "× 10" / "⁹/L"; notes._glued_star, where the item right above carries
  the star and leads into no items, in a list bulleted with no star);
- a bulleted list's next item after an annex ("- SLE" / "" / "Appendix A:" / "" / "- TB" / "" / "- Consent") was left
  to the curator with the annex, as the annex's bullets are: now, in a list written tight, the annex's lines are its
  first run under its heading (on over a blank line after a colon, "Prohibited:" / "" / "- RTX"), and the first item
  bulleted as the list's after the blank line closing it goes on with the list, said (sections' annex_run; a list
  spaced throughout shows no such end, notes.spaced_items: its annex keeps every line, as before);
- a note labelled in Chinese with a number, or "注意：" ("注1：...", "注①：...",
  "（注1）..."), was no note where "Note 1: ..." is one: right under an item a criterion of its own,
  said as a line with no list mark, after a blank line a criterion with no remark; now a note as
  "Note 1:" is, words of the item above (said after a blank line), as "注：" is since hunt 219
  (lines.NOTE_LABEL; "注意事项：..." and "注射..." are words, as before). A note right under an
  item, English or Chinese, is read as the item's words with no remark, as a wrapped line is: both
  alike, as before. Found by this hunt: a note opened by the reference mark "※", as Japanese texts
  open one, after a blank line a criterion with no remark, now a note too.
- an indented line naming no one, ending in a colon right under an item, over items at its indent ("1. Active lupus
  nephritis" / "   Class III or IV:" / "   a. biopsy"), was read as the item's words ("Active lupus nephritis Class
  III or IV:"), the items under it the item's parts: now, as a line naming whom it is for is ("   Subjects with LN
  must have:"), the item's part leading into those items, the words kept as written, said, as it may be the item's
  sentence going on (lead_ins.own_lead_in's "label"; a line the item's words run on to reads as before).

Found by this hunt and fixed:
- a second indented lead-in under an item, right after the first one's items, at its indent ("2. Organ function" / "
  Hepatic:" / "   - ALT ≤ 3 ULN" / "   Renal:" / "   - eGFR ≥ 30", or "Subjects with LN must have:" then "Subjects with
  CNS lupus must have:") was read among the first one's items ("Renal:" a part of "Hepatic:", said as a line with no
  list mark, or with no remark after a blank line), and the items under it as the first one's ("eGFR ≥ 30" a hepatic
  value): now beside the first, leading into its own items (Reader.label_beside).

Found and left (each reproduced with criteria_text.split(text)):
- after an annex, a tight bulleted list whose annex spaces its own bullets ("- Age" / "- Drugs (see Appendix A)" / ""
  / "Appendix A:" / "- rituximab" / "" / "- belimumab") imports "belimumab" as the list's criterion, said in a remark
  (the annex taken to end at the blank line after its first run): the layout shows no other end;
- a superscript footnote right under a wrapped line of an item ("- SLE per the" / "  2019 criteria" / "¹ As defined
  by ACR") is a criterion of its own, said as a line with no list mark (only right under an item's first line is it a
  footnote);
- "Kriterien für den Einschluss:" / "1. Alter 18-65" / ... / "Ausschlusskriterien:" reads no inclusion heading: the
  list is words before the first heading, not imported, said.
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts, inclusion
from sle_trials.reading import criteria_text

# --- katakana and hangul ordinals -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("ア. 年齢\nイ. SLE", ["年齢", "SLE"]),
        ("ア．年齢18歳以上\nイ．SLEと診断された患者", ["年齢18歳以上", "SLEと診断された患者"]),
        ("가. 나이\n나. SLE", ["나이", "SLE"]),
        (
            "1. 年齢\n2. SLE：\n(ア) 抗ds-DNA抗体陽性\n(イ) 低補体\n3. 同意",
            ["年齢", "SLE：", ["抗ds-DNA抗体陽性", "低補体"], "同意"],
        ),
        (
            "1) 나이\n2) 다음 중 하나:\n가. 항 dsDNA 양성\n나. 저보체혈증\n3) 동의",
            ["나이", "다음 중 하나:", ["항 dsDNA 양성", "저보체혈증"], "동의"],
        ),
    ],
)
def test_katakana_and_hangul_ordinals_mark_items(lines: str, read: list) -> None:
    """Before: "イ. SLE" a criterion of its own with its ordinal in its words, said as a line with no list mark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        (
            "1. 환자로서 SLE로 진단받은 자이어야 한\n다. 동의서에 서명한 자",
            ["환자로서 SLE로 진단받은 자이어야 한", "다. 동의서에 서명한 자"],
        ),
        ("1. 年齢\n2. SLE\nイ. 抗ds-DNA抗体陽性", ["年齢", "SLE", "イ. 抗ds-DNA抗体陽性"]),
    ],
)
def test_a_kana_ordinal_going_on_with_none_before_it_is_no_list_mark(lines: str, read: list) -> None:
    """A Korean sentence's end wrapped ("한" / "다."), no ordinal: kept in its words, said as a line with no mark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and [r for r in found.remarks if "no list mark" in r]


def test_a_kana_ordinal_after_its_sub_list_goes_on_with_its_own() -> None:
    found = inclusion("가. 나이\n  a. 18세 이상\n  b. 65세 이하\n나. SLE")
    assert criteria_texts(found.inclusion) == ["나이", ["18세 이상", "65세 이하"], "SLE"] and not found.remarks


def test_a_katakana_word_opening_a_line_is_words_as_before() -> None:
    found = inclusion("- アスピリン. 服用中\n- カ月")
    assert criteria_texts(found.inclusion) == ["アスピリン. 服用中", "カ月"] and not found.remarks


# --- a footnote right under an item -----------------------------------------------------------------------------------


def footnotes(found: criteria_text.Split) -> list:
    return [r for r in found.remarks if "has a footnote" in r]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- SLE\n¹ As defined by the 2019 criteria\n- Consent", ["SLE", "Consent"]),
        ("1. SLE\n2. Age\n\u1d43 per protocol", ["SLE", "Age"]),
        ("1. SLE*\n* Patients on dialysis are excluded\n2. Consent", ["SLE*", "Consent"]),
        ("1. eGFR ≥ 60*\n\n* Patients on dialysis are excluded\n\n2. Consent", ["eGFR ≥ 60*", "Consent"]),
        ("1. SLE*\n*Patients on dialysis are excluded\n2. Consent", ["SLE*", "Consent"]),
    ],
)
def test_a_footnote_right_under_an_item_is_left_to_the_curator(lines: str, read: list) -> None:
    """Before: "¹ As defined ..." a criterion of its own, said as a line with no list mark; "* Patients on dialysis are
    excluded" a sub-criterion of the item above, with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced
    assert len(footnotes(found)) == 1, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- Platelets ≥ 100 × 10\n⁹/L\n- Consent", ["Platelets ≥ 100 × 10 ⁹/L", "Consent"]),  # a power, wrapped
        ("- eGFR ≥ 60 mL/min/1.73 m\n² at screening", ["eGFR ≥ 60 mL/min/1.73 m ² at screening"]),
        ("1. SLE\n* Patients on dialysis", ["SLE", "Patients on dialysis"]),  # no star carried: a bullet, as before
        ("1. Organ function*:\n* Hb ≥ 9 g/dL", ["Organ function*:", ["Hb ≥ 9 g/dL"]]),  # its items, under its colon
        ("1. Age\n2. WOCBP*\n3. SLE\n\n* Pregnancy", ["Age", "WOCBP*", "SLE", "Pregnancy"]),  # carried further up
        ("1. ANA ≥ 1:80*\n*Or anti-dsDNA", ["ANA ≥ 1:80*", ["Or anti-dsDNA"]]),  # its words going on
    ],
)
def test_a_line_under_an_item_that_is_no_footnote_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not footnotes(found)


# --- a bulleted list going on after an annex --------------------------------------------------------------------------

ANNEX = "heading no list of criteria"
RESUMED = "goes on with its bulleted list"


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- SLE\n\nAppendix A:\n\n- TB\n\n- Consent", ["SLE", "Consent"]),
        ("- SLE\n- Age\n\nAppendix A:\n- TB test\n- HIV test\n\n- Consent", ["SLE", "Age", "Consent"]),
        (
            "- Age\n- Drugs (Appendix A)\n\nAppendix A:\n\nProhibited:\n\n- RTX\n- BEL\n\n- Consent",
            ["Age", "Drugs (Appendix A)", "Consent"],
        ),
        (
            "- Age\n- Drugs, one of:\n  - RTX\n  - BEL\n\nAppendix A:\n\n- TB\n  - latent\n\n- Consent",
            ["Age", "Drugs, one of:", ["RTX", "BEL"], "Consent"],
        ),
    ],
)
def test_a_bulleted_list_goes_on_after_an_annexs_first_run(lines: str, read: list) -> None:
    """Before: "Consent" left to the curator with the annex's lines, as the annex's bullets are."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced
    assert [r for r in found.remarks if ANNEX in r] and [r for r in found.remarks if RESUMED in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- Age\n- SLE\n\nAppendix A:\n\n- TB", ["Age", "SLE"]),  # the annex's bullets stay its own, as before
        ("- SLE\n\n- Age\n\nAppendix A:\n\n- TB\n\n- HBV", ["SLE", "Age"]),  # spaced throughout: no end shown
        (
            "- Age\n- Drugs, one of:\n  - RTX\n  - BEL\n\nAppendix A:\n\n- TB\n- HBV",
            ["Age", "Drugs, one of:", ["RTX", "BEL"]],
        ),
        ("- Age\n- SLE\n\nAppendix A:\n\nRituximab\n\n• Consent", ["Age", "SLE"]),  # bulleted otherwise: the annex's
        (
            "1. SLE\n2. Age\n\nAppendix A:\n- TB test\n\n- HIV test\n\n3. Consent",
            ["SLE", "Age", "Consent"],
        ),  # by number
    ],
)
def test_an_annexs_own_lines_stay_the_curators(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced
    assert not [r for r in found.remarks if RESUMED in r], found.remarks


# --- a note labelled in Chinese with a number -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note", ["注1：以中心实验室为准", "注①：以中心实验室为准", "注意：以中心实验室为准", "（注1）以中心实验室为准"]
)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_numbered_chinese_note_is_a_note_as_note_1_is(note: str, gap: str) -> None:
    """Before: a criterion of its own (said as a line with no list mark right under the item, with no remark after a
    blank line), where "Note 1: ..." is words of the item above."""
    found = inclusion(f"1. 年龄18-65岁{gap}{note}{gap}2. 知情同意")
    english = inclusion(f"1. 年龄18-65岁{gap}Note 1: per central lab{gap}2. 知情同意")
    assert criteria_texts(found.inclusion) == [f"年龄18-65岁 {note}", "知情同意"]
    assert len(found.remarks) == len(english.remarks) == (1 if gap == "\n\n" else 0), found.remarks


@pytest.mark.parametrize("note", ["※以中心実験室の値", "※ 中央検査室の値による"])
def test_a_note_opened_by_the_reference_mark_is_a_note(note: str) -> None:
    """Before: after a blank line, a criterion of its own, with no remark; under a sub-list, its last item's words."""
    found = inclusion(f"1. 年齢18歳以上\n\n{note}\n\n2. 同意")
    assert criteria_texts(found.inclusion) == [f"年齢18歳以上 {note}", "同意"]
    assert [r for r in found.remarks if f"note ('{note}')" in r], found.remarks
    found = inclusion(f"1. SLE、次のいずれか：\n   - ANA\n   - dsDNA\n{note}\n2. 同意")
    assert criteria_texts(found.inclusion) == ["SLE、次のいずれか：", ["ANA", "dsDNA"], "同意"]


@pytest.mark.parametrize("line", ["注意事项：签署知情同意", "注射1次以上生物制剂"])
def test_words_opening_with_the_note_character_are_a_criterion_as_before(line: str) -> None:
    found = inclusion(f"1. 年龄18-65岁\n\n{line}")
    assert criteria_texts(found.inclusion) == ["年龄18-65岁", line] and not found.remarks


# --- an indented label naming no one ----------------------------------------------------------------------------------

LABELLED = "read as a part of the item leading into those items"


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        (
            "1. Active lupus nephritis\n   Class III or IV:\n   a. biopsy\n   b. proteinuria\n2. Consent",
            ["Active lupus nephritis", ["Class III or IV:", ["biopsy", "proteinuria"]], "Consent"],
        ),
        (
            "- Adequate organ function\n  Laboratory values:\n  - Hb ≥ 9 g/dL\n  - ANC ≥ 1.5\n- Consent",
            ["Adequate organ function", ["Laboratory values:", ["Hb ≥ 9 g/dL", "ANC ≥ 1.5"]], "Consent"],
        ),
    ],
)
def test_an_indented_label_over_items_is_the_items_label(lines: str, read: list) -> None:
    """Before: "Active lupus nephritis Class III or IV:", the label glued to the item's words, with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert [r for r in found.remarks if LABELLED in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Meets classification\n   criteria:\n   a. ACR 1997", ["Meets classification criteria:", ["ACR 1997"]]),
        (
            "1. SLE, confirmed in\n   Patients over 12 by:\n   a. biopsy",
            ["SLE, confirmed in Patients over 12 by:", ["biopsy"]],
        ),
        (
            "1. Age\n2. SLE\n   Subjects with LN must have:\n   a. biopsy",
            ["Age", "SLE", ["Subjects with LN must have:", ["biopsy"]]],
        ),
        (
            "1. Active lupus nephritis\n   Class III or IV\n2. Consent",
            ["Active lupus nephritis Class III or IV", "Consent"],
        ),
    ],
)
def test_an_indented_line_the_item_goes_on_to_or_naming_whom_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not [r for r in found.remarks if LABELLED in r]


# --- a second indented lead-in beside the first -----------------------------------------------------------------------


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize(
    ("first", "second"),
    [("Hepatic:", "Renal:"), ("Subjects with LN must have:", "Subjects with CNS lupus must have:")],
)
def test_a_second_indented_lead_in_goes_beside_the_first(first: str, second: str, gap: str) -> None:
    """Before: the second a part of the first among its items, the items under it the first one's."""
    found = inclusion(
        f"1. Age\n2. Organ function\n   {first}\n   - ALT ≤ 3 ULN{gap}   {second}\n   - eGFR ≥ 30\n3. Consent"
    )
    assert criteria_texts(found.inclusion) == [
        "Age",
        "Organ function",
        [first, ["ALT ≤ 3 ULN"], second, ["eGFR ≥ 30"]],
        "Consent",
    ]
    assert not [r for r in found.remarks if "no list mark" in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        (  # a line the item's words run on to: its words, as before
            "1. Labs:\n   Hepatic:\n   - ALT ≤ 3 ULN\n   - AST ≤ 3 ULN, and\n   Bilirubin:\n   - ≤ 1.5 ULN",
            ["Labs:", ["Hepatic:", ["ALT ≤ 3 ULN", "AST ≤ 3 ULN, and Bilirubin:", "≤ 1.5 ULN"]]],
        ),
        (  # a line naming no lead-in under its items: a paragraph, as before
            "1. Organ function\n   Hepatic:\n   - ALT ≤ 3 ULN\n   Renal function normal",
            ["Organ function", ["Hepatic:", ["ALT ≤ 3 ULN", "Renal function normal"]]],
        ),
    ],
)
def test_a_line_after_a_lead_ins_items_that_leads_into_none_reads_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read
