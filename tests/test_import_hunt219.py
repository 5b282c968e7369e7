"""Eligibility texts that hunt 218 left misread (hunt 219, helper-93), read with criteria_text.split (the importer and
the check read a source's criteria with it alike), each beside a text of its shape already read right, which must
read as it did. The texts are test inputs: no fact of any study. Every text the tests and fixtures held (string
constants of tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an inclusion heading) was split
before and after each fix: none read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text)):
- a footnote whose mark no item carries, opening with a superscript number or letter in a paragraph of its own after
  a list's items ("• Age" / "• SLE" / "" / "¹ per ACR") was imported as the criterion "¹ per ACR", with no remark:
  now left to the curator, said, as a footnote to a carried mark is, the list going on after it (notes.stray_footnote;
  a dagger or an asterisk, which may be a bullet, "† SLE", reads as before);
- a note right under a sub-list's last item, at the indent of its marks or less ("2. SLE, one of:" / "   - ANA" / "
  - dsDNA" / "   Note: per central lab"), was read as that item's words ("dsDNA Note: per central lab"), with no
  remark, though it may be the whole item's: now kept apart and said, as after a blank line
  (Reader.noted_after_sub_list; indented to the item's words, "     Note: ...", it is the item's, as before);
- a note labelled in Chinese ("注：", "（注）", "备注：") was no note: in a paragraph of its own after an item, imported
  as a criterion, with no remark; now a note as "Note:" is, words of the item above, said (lines.NOTE_LABEL; right
  under the item, words of it as "Note:" is; "注射..." (an injection) reads as before);
- a power wrapped onto a line of its own under its base ("- Platelets ≥ 100 × 10" / "⁹/L", "1.73 m" / "² at
  screening") was read as a criterion of its own, said as a line with no list mark, the threshold cut short
  ("Platelets ≥ 100 × 10"): a superscript number is no digit that opens a criterion (str.isdigit reads it so); now
  the line goes on with its base (lines._WRAPPED_POWER; a footnote's mark under a number, "Age ≥ 18" / "¹ per ACR",
  reads as before);

Found and left (each reproduced with criteria_text.split(text)):
- a footnote whose mark no item carries right under the list's last item ("• SLE" / "¹ per ACR") is a criterion of
  its own, said as a line with no list mark: a superscript number there may be a wrapped power (as above);
- after an annex in a bulleted list, the list's later bullets are left to the curator with it, said ("- SLE" / "" /
  "Appendix A:" / "" / "- TB" / "" / "- Consent"): the annex's bullets and the list's are written alike;
- an indented line naming no one ("1. Active lupus nephritis" / "   Class III or IV:" / "   a. biopsy") is read as
  the item's words ("Active lupus nephritis Class III or IV:", its letters the item's parts), as hunt 216 left it;
- katakana and hangul ordinals ("ア. 年齢" / "イ. SLE", "가." / "나.") are no list marks, as hunt 218 left them.
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts, inclusion

# --- a footnote whose mark no item carries ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("• Age\n• SLE\n\n¹ per ACR", ["Age", "SLE"]),
        ("1. Age\n2. SLE\n\n\u1d43 per the 2019 criteria\n\n3. Consent", ["Age", "SLE", "Consent"]),
    ],
)
def test_a_footnote_no_item_carries_the_mark_of_is_no_criterion(lines: str, read: list) -> None:
    """Before: "¹ per ACR" a criterion of its own, with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and found.unplaced
    assert [r for r in found.remarks if "to a mark no item carries" in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- Age\n- SLE\n\n† per protocol", ["Age", "SLE", "† per protocol"]),  # a dagger may be a bullet: as before
        ("- eGFR ≥ 60 mL/min/1.73\nm² at screening", ["eGFR ≥ 60 mL/min/1.73 m² at screening"]),  # a power, wrapped
    ],
)
def test_a_line_opening_with_a_mark_that_may_be_words_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.unplaced and not found.remarks


# --- a note under a sub-list ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["   Note: per central lab", "Note: per central lab"])
def test_a_note_at_a_sub_lists_indent_is_no_words_of_its_last_item(note: str) -> None:
    """Before: "dsDNA Note: per central lab", with no remark."""
    found = inclusion(f"2. SLE, one of:\n   - ANA\n   - dsDNA\n{note}\n3. Consent")
    assert found.inclusion[0]["sub_criteria"] == [{"text": "ANA"}, {"text": "dsDNA"}]
    assert [c["text"] for c in found.inclusion] == ["SLE, one of:", "Consent"]
    assert [r for r in found.remarks if "'Note: per central lab'" in r], found.remarks


def test_a_note_indented_to_a_sub_criterions_words_is_its_as_before() -> None:
    found = inclusion("2. SLE, one of:\n   - ANA\n   - dsDNA\n     Note: per central lab")
    assert found.inclusion[0]["sub_criteria"] == [{"text": "ANA"}, {"text": "dsDNA Note: per central lab"}]


# --- a note labelled in Chinese ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["（注）以2019年标准为准", "注：以2019年标准为准"])
def test_a_note_labelled_in_chinese_is_no_criterion(note: str) -> None:
    """Before: a criterion of its own, with no remark."""
    found = inclusion(f"1. 年龄18-65岁\n2. 诊断为SLE\n\n{note}\n\n3. 知情同意")
    assert criteria_texts(found.inclusion) == ["年龄18-65岁", f"诊断为SLE {note}", "知情同意"]
    assert [r for r in found.remarks if f"note ('{note}')" in r], found.remarks


def test_a_paragraph_opening_with_an_injection_is_a_criterion_as_before() -> None:
    found = inclusion("1. 年龄18-65岁\n\n注射用环磷酰胺治疗史")
    assert criteria_texts(found.inclusion) == ["年龄18-65岁", "注射用环磷酰胺治疗史"] and not found.remarks


# --- a power wrapped onto a line of its own ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read", "said"),
    [
        ("- Platelets ≥ 100 × 10\n⁹/L\n- Consent", ["Platelets ≥ 100 × 10 ⁹/L", "Consent"], False),
        ("- eGFR ≥ 60 mL/min/1.73 m\n² at screening", ["eGFR ≥ 60 mL/min/1.73 m ² at screening"], False),
        ("- Age ≥ 18\n¹ per ACR\n- Consent", ["Age ≥ 18", "Consent"], True),  # a footnote's mark: hunt 220's
    ],
)
def test_a_power_wrapped_under_its_base_goes_on_with_it(lines: str, read: list, said: bool) -> None:
    """Before: "⁹/L" and "² at screening" criteria of their own, the thresholds cut short."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and bool(found.remarks) == said, found.remarks
