"""Eligibility texts that hunt 224 left misread or this hunt found (hunt 232, helper-114), read with criteria_text.split
(the importer and the check read a source's criteria with it alike), each beside a text of its shape already read
right, which must read as it did. The texts are test inputs: no fact of any study. Every text the tests and fixtures
held (string constants of tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an inclusion heading:
52,352 splits) was split before and after each fix to the reader: only the texts said in each commit read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text) under an inclusion heading, no remark):
- a run numbered on one line whose next mark is glued to a number or stands before a bracket ("1) Age 18 to 65
  2)2019 SLE 3) Consent", "1) Age 18 to 65 2) (SLE) 3) Consent", "1、年龄；2、2019年SLE；3、同意"): one criterion
  from the second item on; now cut before a bracket too, and glued to a number or a bracket after a mark that closes
  as a bracket does ("2)", "(2)", "2）", or "、"), never after a stop or a colon ("2.5", "2:30"), never after a comma
  glued to a number by "、" ("1，2、3周": numbers listed), never where the number closes a bracket the line opened
  before it ("(onset before age 2) (rare)": run_in._Depth).
- a mark that is a sentence's character glued after a space to a capitalised word ("→ Age 18 to 65 →SLE", "* Age 18
  to 65 *SLE", "- Age 18 to 65 -SLE per ACR -Consent"): one criterion; still, now said. A bullet that is none glued
  on both sides ("• Age 18 to 65•SLE"): one criterion; now cut before a capitalised word, said ("ng•h/mL" as before).
- an arrow, a tick or the like bulleting a line between spaces before a word in lower case or a number ("→ Dose →
  escalation per protocol"): cut into two criteria; now kept in the item's words, said. An "o" so ("o anemia o
  neutropenia o rash"): one criterion; still, now said ("o" may be the bullet or "or").
- a bullet that is no sentence's character after a space on a line no such bullet opens ("Age 18 to 65 • SLE •
  Consent", "Age 18 to 65 ▪SLE ▪Consent", "• Labs: ▪ Hb ≥ 9 ▪ ANC ≥ 1.5"): one criterion; still (a bullet sets a
  sentence's words apart too), now said.
- a run ending at its next number after a word a number may belong to, cut so twice already or its number after
  standing later ("1. Age 18 to 65 2. SLE 3. Biologics within 4 months of baseline visit 4. Chronic infection",
  NCT02210780's exclusion list run onto one line; "1. CRS grade 3 or ICANS grade 2. Prior CAR-T 3. Pregnancy"): one
  criterion from that item on; still, now said (run_in._belonging).
- an item whose words run sub-items numbered after words wrapped over lines ("1. Histologically confirmed (1)
  colorectal cancer, triple negative" / "   breast cancer; (2) ...; or (3) documented" / "   glioblastoma.",
  NCT02576665's item 4 wrapped at a width): one criterion holding the three; now read as its lines joined, three
  sub-criteria (run_in.wrapped_runs_joined). Found varying tests/fixtures/ctgov/real/'s studies: items wrapped at 40,
  60 and 80 characters, indented or not; bullets and numbers written otherwise; lists run onto one line.

Found and left (each reproduced with criteria_text.split(text) under an inclusion heading):
- a first bullet glued to its words that is a sentence's character, the next spaced ("・年龄18-65岁 ・ 确诊SLE", "*Age
  18 to 65 * SLE"): one criterion, no remark (the line opens with no bullet a run is read by).
- a bullet glued on both sides before a word in lower case ("• Age 18 to 65•willing to consent"): one criterion, no
  remark, as a unit's "ng•h/mL" is.
- a dash after a word before a word in lower case ("- Lupus nephritis - biopsy proven"): a sentence's dash, as before.
- a run's next number glued after "、" after a comma ("1、年龄，2、3周内，3、同意"): one criterion, no remark, as
  "1，2、3" lists numbers.
- a wrapped line opening with a number and a bracket ("1. SLE per ACR (see Table" / "   1) criteria"): "criteria" a
  sub-criterion of "SLE per ACR (see Table", no remark.
- a list of one line bulleted "o" ("o Patient over 18 years"): the criterion "o Patient over 18 years", no remark
  (an "o" is read as a bullet where lines share it).
- a number after a word it may belong to in a run of two ("1. CTCAE grade 2. Age 18-65"): one criterion, no remark,
  as earlier hunts chose (a sentence's number).
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts, inclusion

AS_ONE = "the curator's to split where it runs two items"

# --- a run's next number glued to a number, or before a bracket -------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1) Age 18 to 65 2)2019 SLE 3) Consent", ["Age 18 to 65", "2019 SLE", "Consent"]),
        ("1) Age 18 to 65 2) (SLE) 3) Consent", ["Age 18 to 65", "(SLE)", "Consent"]),
        ("(1) Age 18 to 65 (2)(SLE) (3) Consent", ["Age 18 to 65", "(SLE)", "Consent"]),
        ("1. Age 18 to 65 2. (SLE) 3. Consent", ["Age 18 to 65", "(SLE)", "Consent"]),
        ("1、年龄；2、2019年SLE；3、同意", ["年龄；", "2019年SLE；", "同意"]),
    ],
)
def test_a_run_whose_next_number_is_glued_or_bracketed_is_cut(lines: str, read: list) -> None:
    """Before: the line from its second item on one criterion, no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ("1. ALT 2.5 x ULN 3. Consent", False),  # a decimal
        ("1: Age 18 to 65 2:30 pm 3: Consent", False),  # a time
        ("1) SLE (onset before age 2) (rare) 3) Consent", False),  # a bracket's number
        ("1、患者第1，2、3周用药", False),  # numbers listed
        ("1) Age 18 to 65 2) (SLE)", True),  # a run of two: said, as before a word
    ],
)
def test_a_number_glued_or_bracketed_of_no_run_reads_as_one(lines: str, said: bool) -> None:
    found = inclusion(lines)
    assert len(found.inclusion) == 1 and found.inclusion[0]["text"] in lines
    assert bool([r for r in found.remarks if AS_ONE in r]) == said, found.remarks


# --- a bullet glued to a capitalised word after a space, or glued on both sides ---------------------------------------


@pytest.mark.parametrize(
    ("lines", "around"),
    [
        ("→ Age 18 to 65 →SLE", "'65 →SLE'"),
        ("* Age 18 to 65 *SLE", "'65 *SLE'"),
        ("- Age 18 to 65 -SLE per ACR -Consent", "'65 -SLE', 'ACR -Consent'"),
    ],
)
def test_a_sentence_mark_glued_to_a_capital_is_said(lines: str, around: str) -> None:
    """Before: one criterion, no remark. Still one (a footnote's star, a minus, an arrow are written so)."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == [lines[2:]]
    assert [r for r in found.remarks if AS_ONE in r and f"({around})" in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("• Age 18 to 65•SLE", ["Age 18 to 65", "SLE"]),
        ("▪ Age 18 to 65▪SLE▪Consent", ["Age 18 to 65", "SLE", "Consent"]),
    ],
)
def test_a_bullet_glued_on_both_sides_is_cut_and_said(lines: str, read: list) -> None:
    """Before: one criterion, no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert [r for r in found.remarks if "glued to the words on both sides" in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* Age 18 to 65 *SLE* per ACR", ["Age 18 to 65 SLE per ACR"]),  # italics
        ("- Anti-dsDNA positive -or- low C3", ["Anti-dsDNA positive -or- low C3"]),  # hyphened, in lower case
        ("- Age 18 -65", ["Age 18 -65"]),  # a range
        ("* ALT ≤ 2.5 *ULN", ["ALT ≤ 2.5 *ULN"]),  # multiplying
        ("• AUC 5 ng•h/mL • SLE", ["AUC 5 ng•h/mL", "SLE"]),  # a unit's
        ("✓ Rating ★★★ or more", ["Rating ★★★ or more"]),  # a rating
    ],
)
def test_a_mark_glued_in_words_is_not_said(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


# --- a bullet of a sentence's character before a word in lower case ---------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read", "around"),
    [
        ("→ Dose → escalation per protocol", ["Dose → escalation per protocol"], "'Dose → escalation'"),
        ("✓ Age 18 to 65 ✓ 2019 EULAR/ACR SLE", ["Age 18 to 65 ✓ 2019 EULAR/ACR SLE"], "'65 ✓ 2019'"),
        ("o anemia o neutropenia o rash", ["o anemia o neutropenia o rash"], "'anemia o neutropenia'"),
        ("o anemia o neutropenia o rash\no HIV", ["anemia o neutropenia o rash", "HIV"], "'anemia o neutropenia'"),
    ],
)
def test_a_sentence_mark_before_lower_case_is_kept_and_said(lines: str, read: list, around: str) -> None:
    """Before: the arrow's and tick's line cut into two criteria ("Dose", "escalation per protocol"), the "o"s' one
    criterion, with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert [r for r in found.remarks if AS_ONE in r and around in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("→ Age 18 to 65 → SLE per ACR", ["Age 18 to 65", "SLE per ACR"]),  # before a capital: as before
        ("・ 年龄18-65岁 ・ 确诊SLE", ["年龄18-65岁", "确诊SLE"]),  # no case: as before
        ("o Age 18 to 65\no SLE per ACR", ["Age 18 to 65", "SLE per ACR"]),  # a line each
        ("- Lupus nephritis - biopsy proven", ["Lupus nephritis - biopsy proven"]),  # a sentence's dash
        ("Lupus o nefritis activa", ["Lupus o nefritis activa"]),  # "o", "or", in a sentence no "o" opens
    ],
)
def test_a_sentence_mark_otherwise_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not [r for r in found.remarks if AS_ONE in r], found.remarks


# --- a bullet between spaces on a line no such bullet opens -----------------------------------------------------------

WITHIN = "holding a bullet after a space after its words"


@pytest.mark.parametrize(
    ("lines", "around"),
    [
        ("Age 18 to 65 • SLE • Consent", "'65 • SLE', 'SLE • Consent'"),
        ("1. Age 18 to 65 ▪ SLE ▪ Consent", "'65 ▪ SLE', 'SLE ▪ Consent'"),
        ("• Labs: ▪ Hb ≥ 9 ▪ ANC ≥ 1.5", "'Labs: ▪ Hb', '9 ▪ ANC'"),
        ("Age 18 to 65 ▪SLE ▪Consent", "'65 ▪SLE', 'SLE ▪Consent'"),
    ],
)
def test_a_bullet_within_a_line_it_does_not_open_is_said(lines: str, around: str) -> None:
    """Before: one criterion, no remark. Still one (a bullet sets a sentence's words apart too: "Hb • ANC • PLT")."""
    found = inclusion(lines)
    assert len(found.inclusion) == 1
    assert [r for r in found.remarks if WITHIN in r and f"({around})" in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- • Age 18 to 65\n- • SLE", ["Age 18 to 65", "SLE"]),  # a doubled mark
        ("• Age 18 to 65 • SLE", ["Age 18 to 65", "SLE"]),  # the line's own bullet: a run, as before
        ("* Hb (• ANC •) ≥ 9", ["Hb (• ANC •) ≥ 9"]),  # within brackets
        ("* Score 3 ■4", ["Score 3 ■4"]),  # glued to a number
    ],
)
def test_a_bullet_of_the_line_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not [r for r in found.remarks if WITHIN in r], found.remarks


# --- a run ending at its next number after a word a number may belong to ----------------------------------------------

BELONGS = "after a word a number may belong to"


@pytest.mark.parametrize(
    ("lines", "read", "around"),
    [
        # the run cut twice already: its next number after "visit" (a real list run onto one line, NCT02210780's)
        (
            "1. Age 18 to 65 2. SLE 3. Biologics within 4 months of baseline visit 4. Chronic infection",
            ["Age 18 to 65", "SLE", "Biologics within 4 months of baseline visit 4. Chronic infection"],
            "'baseline visit 4. Chronic'",
        ),
        # the number after it standing later as the next one's
        (
            "1. CRS grade 3 or ICANS grade 2. Prior CAR-T cell therapy 3. Pregnancy",
            ["CRS grade 3 or ICANS grade 2. Prior CAR-T cell therapy 3. Pregnancy"],
            "'ICANS grade 2. Prior'",
        ),
    ],
)
def test_a_run_ending_at_a_number_after_its_word_is_said(lines: str, read: list, around: str) -> None:
    """Before: the same reading, with no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    assert [r for r in found.remarks if BELONGS in r and AS_ONE in r and f"({around})" in r], found.remarks


@pytest.mark.parametrize(
    "lines",
    [
        "1. CTCAE grade 2. Age 18-65",  # a run of two, no number after it: a sentence's number
        "1. Age 18-65 2. NYHA class 2. heart failure 3. Consent",  # the run's "2." found before it
        "1. CTCAE grade 2; 2. Prior CAR-T; 3. Pregnancy",  # after a stop: the run's
    ],
)
def test_a_number_after_its_word_of_no_run_is_not_said(lines: str) -> None:
    assert not [r for r in inclusion(lines).remarks if BELONGS in r]


# --- a run of sub-items within an item wrapped over lines -------------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        # (NCT02576665's item 4 wrapped at a width, its continuation indented)
        "1. Histologically confirmed (1) colorectal cancer, triple negative\n   breast cancer; (2) documented IDH1 "
        "mutated solid tumor; or (3) documented\n   glioblastoma.\n2. Life expectancy of at least 6 months",
        "1. Histologically confirmed (1) colorectal cancer, triple negative\nbreast cancer; (2) documented IDH1 "
        "mutated solid tumor; or (3) documented\nglioblastoma.\n2. Life expectancy of at least 6 months",
    ],
)
def test_a_run_of_sub_items_wrapped_over_lines_is_cut(lines: str) -> None:
    """Before: item 1 one criterion holding its three alternatives, no remark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == [
        "Histologically confirmed",
        [
            "colorectal cancer, triple negative breast cancer;",
            "documented IDH1 mutated solid tumor; or",
            "documented glioblastoma.",
        ],
        "Life expectancy of at least 6 months",
    ], found.inclusion


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # a wrap holding one next number of the list's own: words of the item (hunt 211's), as before
        (
            "1. Age 18-65\n2. Organ function with ALT < 3 x ULN and\n   creatinine < 1.5; 3. months washout\n"
            "3. Consent",
            ["Age 18-65", "Organ function with ALT < 3 x ULN and creatinine < 1.5; 3. months washout", "Consent"],
        ),
        # one number in brackets: no run
        (
            "1. SLE per ACR (see Table 1) and the\n   2019 criteria\n2. Consent",
            ["SLE per ACR (see Table 1) and the 2019 criteria", "Consent"],
        ),
    ],
)
def test_a_wrapped_item_of_no_run_reads_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read
