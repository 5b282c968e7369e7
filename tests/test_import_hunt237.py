"""Eligibility texts that hunt 232 left misread (hunt 237, helper-119), read with criteria_text.split (the importer
and the check read a source's criteria with it alike), each beside a text of its shape already read right, which must
read as it did. The texts are test inputs: no fact of any study. Every text the tests and fixtures held (string
constants of tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an inclusion heading: 52,724
splits) was split before and after each fix to the reader: only the texts said in each commit read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text) under an inclusion heading, no remark):
- a first bullet that is a sentence's character glued to its word, the next between spaces ("・年龄18-65岁 ・ 确诊SLE",
  "→Age 18 to 65 → SLE", "*Age 18 to 65 * SLE", "-Age 18 to 65 - SLE per ACR - Consent"): one criterion; now read
  as the run its spaced twin is (run_in._first_glued), cut and said where that one is. A sentence's mark glued after
  a space to an uncased word ("・ 年龄18-65岁 ・确诊SLE"): one criterion; still, now said, as before a capital.
- a bullet glued on both sides before a word in lower case ("• Age 18 to 65•willing to consent"): one criterion;
  still, now said where the words on its sides are no unit's parts ("ng•h/mL", "kg•m2" as before, unsaid).
- a run's next number glued after "、" after a comma ("1、年龄，2、3周内，3、同意"): one criterion from item 1 on; now
  cut where the run's number after it stands later, said ("1、患者第1，2、3周用药": numbers listed, as before).
- a line opening with an unindented "o" (or "§", "Ø", "ü", "¨") no other line opens with ("o Patient over 18
  years"; "o Age 18-65" / "§ Active SLE"; "* Age 18 to 65" / "o Patient over 18"): read so; still, now said.
- a wrapped line opening with the number a bracket above closes on ("1. SLE per ACR (see Table" / "   1) criteria"
  / "2. Consent"): "criteria" a sub-criterion; now the item's words, "SLE per ACR (see Table 1) criteria".

Found and left (each reproduced with criteria_text.split(text) under an inclusion heading):
- "、" numbers after a comma in a run of two, no number before the comma ("1、年龄，2、3周内"): one criterion, no
  remark.
- a line opening with a number and a bracket under an unclosed bracket after a word no number belongs to ("1. SLE
  (ACR" / "   1) criteria" / "2. Consent"): "criteria" a sub-criterion, no remark.
- a bullet glued on both sides between words of four letters at most ("• Age ≥ 18 yrs•able to consent"): one
  criterion, no remark, read as a unit's.
- a first "+" glued to its word ("+Age 18 to 65 + SLE + Consent"): one criterion, "+" kept, no remark (marks.list_item
  reads "+Age" as no bullet).
- hunt 232's "- Lupus nephritis - biopsy proven" (a sentence's dash) and "1. CTCAE grade 2. Age 18-65" (a run of
  two after "grade"), as that hunt chose.
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts, inclusion

AS_ONE = "the curator's to split where it runs two items"

# --- a first bullet of a sentence's character glued to its word -------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read", "said"),
    [
        ("・年龄18-65岁 ・ 确诊SLE", ["年龄18-65岁", "确诊SLE"], ""),
        ("→Age 18 to 65 → SLE", ["Age 18 to 65", "SLE"], ""),
        ("*Age 18 to 65 * SLE", ["Age 18 to 65", "SLE"], "not as multiplying a number"),
        ("-Age 18 to 65 - SLE per ACR - Consent", ["Age 18 to 65", "SLE per ACR", "Consent"], "a run of items"),
        ("・年龄18-65岁 ・确诊SLE", ["年龄18-65岁 ・确诊SLE"], AS_ONE),
        ("・ 年龄18-65岁 ・确诊SLE", ["年龄18-65岁 ・确诊SLE"], AS_ONE),
    ],
)
def test_a_first_bullet_glued_reads_as_its_spaced_twin(lines: str, read: list, said: str) -> None:
    """Before: one criterion, no remark (the first bullet kept in the star's)."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert bool(found.remarks) == bool(said) and all(said in r for r in found.remarks), found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("*Age 18 to 65* SLE", ["Age 18 to 65 SLE"]),  # italics
        ("*ALT ≤ 2.5 * ULN", ["*ALT ≤ 2.5 * ULN"]),  # multiplying
        ("*Note: Age 18 to 65 * SLE", ["*Note: Age 18 to 65 * SLE"]),  # a note's star
        ("-Age 18 - 65", ["Age 18 - 65"]),  # a range
        ("・年龄18-65岁", ["年龄18-65岁"]),
        ("・ 年龄18-65岁 ・ 确诊SLE", ["年龄18-65岁", "确诊SLE"]),  # spaced: as before
    ],
)
def test_a_first_bullet_glued_otherwise_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


# --- a bullet glued on both sides before a word in lower case ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "around"),
    [
        ("• Age 18 to 65•willing to consent", "'65•willing'"),
        ("▪ SLE per ACR▪lupus nephritis excluded", "'ACR▪lupus'"),
    ],
)
def test_a_bullet_glued_on_both_sides_before_lower_case_is_said(lines: str, around: str) -> None:
    """Before: one criterion, no remark. Still one (a unit's mark is written so)."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == [lines[2:]]
    assert [r for r in found.remarks if AS_ONE in r and f"({around})" in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("• AUC 5 ng•h/mL • SLE", ["AUC 5 ng•h/mL", "SLE"]),  # a unit's
        ("• AUC 5 μg•h/mL", ["AUC 5 μg•h/mL"]),
        ("• BMI 18 kg•m2 or more", ["BMI 18 kg•m2 or more"]),
    ],
)
def test_a_unit_glued_on_both_sides_is_not_said(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


# --- a run's next number glued after "、" after a comma --------------------------------------------------------------


def test_a_run_going_on_after_numbers_listed_is_cut_and_said() -> None:
    """Before: "年龄，2、3周内，3、同意" one criterion, no remark ("2、3" read as numbers listed)."""
    found = inclusion("1、年龄，2、3周内，3、同意")
    assert criteria_texts(found.inclusion) == ["年龄，", "3周内，", "同意"]
    assert [r for r in found.remarks if "'2、3' after a comma" in r and "the curator's to confirm" in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1、患者第1，2、3周用药", ["患者第1，2、3周用药"]),  # numbers listed, no run after them
        ("1、年龄；2、2019年SLE；3、同意", ["年龄；", "2019年SLE；", "同意"]),
    ],
)
def test_numbers_listed_of_no_run_read_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


# --- a wrapped line opening with the number a bracket above closes on -------------------------------------------------


def test_a_number_closing_a_bracket_above_is_its_words() -> None:
    """Before: "criteria" a sub-criterion of "SLE per ACR (see Table", no remark."""
    found = inclusion("1. SLE per ACR (see Table\n   1) criteria\n2. Consent")
    assert criteria_texts(found.inclusion) == ["SLE per ACR (see Table 1) criteria", "Consent"] and not found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        (
            "1. SLE per ACR criteria, one of:\n   1) ANA\n   2) dsDNA\n2. Consent",
            ["SLE per ACR criteria, one of:", ["ANA", "dsDNA"], "Consent"],
        ),
        (
            "1. SLE per ACR (see Table 1)\n   1) criteria\n2. Consent",
            ["SLE per ACR (see Table 1)", ["criteria"], "Consent"],
        ),
    ],
)
def test_a_sub_item_under_a_closed_bracket_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


# --- a line opening with a word processor's mark no other line opens with ---------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read", "marks"),
    [
        ("o Patient over 18 years", ["o Patient over 18 years"], "o"),
        ("o Age 18-65\n§ Active SLE", ["o Age 18-65 § Active SLE"], "o§"),
        ("* Age 18 to 65\no Patient over 18", ["Age 18 to 65 o Patient over 18"], "o"),
    ],
)
def test_a_lone_word_processor_mark_is_said(lines: str, read: list, marks: str) -> None:
    """Before: read so, with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert sorted(m for m in marks for r in found.remarks if f"opening with '{m}' before its words" in r) == sorted(
        marks
    )


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("o Age 18 to 65\no SLE per ACR", ["Age 18 to 65", "SLE per ACR"]),  # a line each: the bullet
        ("Lupus o nefritis activa", ["Lupus o nefritis activa"]),  # a word within a line
        ("Ø 5 mm lesion", ["Ø 5 mm lesion"]),  # a diameter
        ("1. SLE\n o lupus nephritis", ["SLE", ["lupus nephritis"]]),  # indented: a bullet
    ],
)
def test_a_word_processor_mark_otherwise_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks
