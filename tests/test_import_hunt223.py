"""Eligibility texts that hunt 222 left misread or this hunt found (hunt 223, helper-109), read with criteria_text.split
(the importer and the check read a source's criteria with it alike) or imported whole, each beside a text of its shape
already read right, which must read as it did. The texts are test inputs: no fact of any study. Every text the tests
and fixtures held (string constants of tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an
inclusion heading: 51,112 splits) was split before and after each fix to the reader: only the texts said in each commit
read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text)):
- a run of items bulleted on one line whose item ends in a number before the next star ("Inclusion Criteria: * Age
  18 to 65 * SLE per ACR * Consent Exclusion Criteria: * Pregnancy") read "Age 18 to 65 * SLE per ACR" as one
  criterion, with no remark (a star after a number read as multiplying, "ALT ≤ 2.5 * ULN"); now a star (or "·")
  after a number before a capitalised word is the next item's bullet, said, unless that word is one a number is
  multiplied by (a limit of normal, a baseline, a spread: "2.5 * ULN", "1.5 * Baseline") or stands in a formula
  ("175 * Scr^-1.154", "(140 - age) * Weight / 72"), read as before (run_in.bullets_doubted).
- a run so bulleted with hyphens or dashes ("- Age 18 to 65 - SLE per ACR - Consent", "– ...") was one criterion,
  with no remark (a dash being a range's, a minus's and a sentence's too); now a line whose bullet stands between
  spaces before a capitalised word twice at least, out of brackets, is a run of items, said; once ("- Lupus nephritis
  - Class III"), one criterion as before, said: the curator's to split where it runs two items.
- a run of items wrapped after a mark ("1. SLE, one of: (1) ANA ≥ 1:80; (2)" / "   anti-dsDNA; or (3) low C3")
  read the item whole, "SLE, one of: (1) ANA ≥ 1:80; (2) anti-dsDNA; or (3) low C3", where on one line it is cut into
  three sub-criteria, with no remark; wrapped after its last mark ("...; or (3)" / "   low C3") it read "anti-dsDNA;
  or (3) low C3" as one sub-criterion, two merged; and a run of top-level numbers so ("1. Age 18; 2." / "   SLE; 3.
  Consent") one criterion. Now a line ending in a run's next mark is read joined to the line of words under it, where
  the two read as one line cut the run at that mark: as the line unwrapped reads (run_in.marks_ending_joined).
- a run of two items on one line, its next number after a space alone ("1) Age 18 to 65 2) SLE per ACR"), or a star
  between them before a word in lower case ("* Age 18 to 65 * willing to consent"), was one criterion with no remark;
  it still is (a run of two is not told apart from a sentence's number, nor the star from multiplying), now said:
  the curator's to split (run_in.runs_doubted). A number within brackets ("(1) Age 18-65 (see (2) below)"), after a
  word it belongs to ("CTCAE grade 2. Age"), or a star before a multiple or in a formula ("2.5 * upper limit of
  normal"), no remark, as before.
- a run of items numbered with enclosed numerals on one line ("① Age 18 to 65 ② SLE per ACR ③ Consent",
  "①年龄18-65岁；②确诊SLE", "⑴ Age ⑵ SLE") was one criterion with no remark; an enclosed numeral marks an item and
  nothing else, so now each next one of the first's kind starts an item (run_in._run_in_enclosed).
- a run numbered with a spaced hyphen ("1- Age 18 to 65 2- SLE per ACR 3- Consent", "1- Age 18-65; 2- SLE") was one
  criterion with no remark, where "1) ..." so is three: the run's first number read with the marks "1.", "1)", "1:"
  only; now "1- " too, each next number with a space after its hyphen ("2-fold rise" no item's mark).
- a run numbered with enclosed numerals after an item's words ("1. Organ function: ① Hb ≥ 9 ② ANC ≥ 1.5",
  "1. 器官功能：①...；②...") was one criterion, with no remark; now the words and the items under them, as a run
  lettered or numbered in brackets after words is (run_in._enclosed_after_words). A numeral of 1 alone ("(see ①)",
  "Organ function: ① Hb ≥ 9") reads as before.
- a run numbered with Chinese numerals on one line ("一、年龄 二、确诊SLE 三、同意", "一、年龄18-65岁；二、确诊SLE") was
  one criterion with no remark; now each next numeral in order with its "、", after a space or a stop, starts an item
  (run_in._run_in_han); "十二、" is no "二、", and "一、二线治疗失败" (first- and second-line) reads as before.
- a Chinese heading numbered ("二、排除标准：") run into a line after a space or a stop ("一、入选标准：1、年龄；
  2、确诊SLE 二、排除标准：1、妊娠") read the exclusion list as words of inclusion criterion 2 ("确诊SLE 二、排除标准：
  1、妊娠"), no exclusion criteria, with no remark, where "... 确诊SLE 排除标准：1、妊娠" is cut before its heading;
  now it is too (run_in._HAN_RUN_IN, after a numeral and "、" as well).

Found and left (each reproduced with criteria_text.split(text), no remark):
- a run's next item opening with a number ("1) Age 18 to 65 2) 2019 EULAR/ACR SLE 3) Consent", "* Age 18 to 65 *
  2019 EULAR/ACR SLE"): one criterion, as a run by spaces is cut only before a word.
- a bullet glued to its item's words mid-run ("• Age 18 to 65 •SLE per ACR • Consent"): "Age 18 to 65 •SLE per ACR".
- a dash before a word in lower case ("- Age 18 to 65 - willing to consent"): one criterion, as a sentence's dash is.
- an "o" bulleting a run ("o Age 18 to 65 o SLE per ACR o Consent"): one criterion, its "o" in its words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials, criteria_texts, criteria_tree, imported_draft, inclusion, real_study, with_criteria
from sle_trials.reading import criteria_text

# --- a run of bullets on one line, an item ending in a number ---------------------------------------------------------

AS_BULLET = "not as multiplying"
AS_RUN = "read as a run of items onto one line"
AS_ONE = "the curator's to split where it runs two items"
RUN = "Inclusion Criteria: {b} Age 18 to 65 {b} SLE per ACR {b} Consent Exclusion Criteria: {b} Pregnancy"


def _one_line(bullet: str) -> criteria_text.Split:
    found = criteria_text.split(RUN.format(b=bullet))
    assert criteria_texts(found.exclusion) == ["Pregnancy"]
    return found


@pytest.mark.parametrize(("bullet", "said"), [("*", AS_BULLET), ("·", AS_BULLET), ("-", AS_RUN), ("–", AS_RUN)])
def test_a_run_bulleted_on_one_line_after_a_number_is_cut_and_said(bullet: str, said: str) -> None:
    """Before: "Age 18 to 65 * SLE per ACR" (and "Age 18 to 65 - SLE per ACR - Consent") one criterion, no remark."""
    found = _one_line(bullet)
    assert criteria_texts(found.inclusion) == ["Age 18 to 65", "SLE per ACR", "Consent"]
    assert [r for r in found.remarks if said in r and f"'65 {bullet} SLE'" in r], found.remarks


@pytest.mark.parametrize("bullet", ["•", "▪"])
def test_a_run_bulleted_otherwise_on_one_line_is_cut_as_before(bullet: str) -> None:
    found = _one_line(bullet)
    assert criteria_texts(found.inclusion) == ["Age 18 to 65", "SLE per ACR", "Consent"] and not found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* ALT ≤ 2.5 * ULN * SLE per ACR", ["ALT ≤ 2.5 * ULN", "SLE per ACR"]),
        ("* Creatinine ≤ 1.5 * LLN * Consent", ["Creatinine ≤ 1.5 * LLN", "Consent"]),
        ("* Creatinine > 1.5 * Baseline", ["Creatinine > 1.5 * Baseline"]),
        ("* ALT ≤ 3 * Upper limit of normal", ["ALT ≤ 3 * Upper limit of normal"]),
        ("* ANC ≥ 1.5 * 10^9/L * Consent", ["ANC ≥ 1.5 * 10^9/L", "Consent"]),
        ("* eGFR = 175 * Scr^-1.154 * Age^-0.203", ["eGFR = 175 * Scr^-1.154 * Age^-0.203"]),
        ("* CrCl = (140 - age) * Weight / 72", ["CrCl = (140 - age) * Weight / 72"]),
        ("* Dose (2 * Weight) in mg", ["Dose (2 * Weight) in mg"]),
        ("* Age ≥ 18 years * SLE per ACR", ["Age ≥ 18 years", "SLE per ACR"]),  # after a word: a bullet, as before
        ("· ANC ≥ 1.5 · 10^9/L", ["ANC ≥ 1.5 · 10^9/L"]),
    ],
)
def test_a_star_multiplying_reads_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- Age 18 - 65 years", ["Age 18 - 65 years"]),  # a range
        ("- CrCl = (140 - Age) - Weight", ["CrCl = (140 - Age) - Weight"]),  # a minus; once before a capital: said
        ("- SLE - Active disease", ["SLE - Active disease"]),  # once: a sentence's dash, said
        ("- Lupus nephritis - biopsy proven - within 6 months", ["Lupus nephritis - biopsy proven - within 6 months"]),
        ("+ Age ≥ 18 + SLE", ["Age ≥ 18 + SLE"]),
    ],
)
def test_a_dash_once_before_a_capital_or_never_is_the_items_own(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read
    capital = any(f" {lines[0]} {c}" in lines[2:] for c in "ACSW")
    assert bool([r for r in found.remarks if AS_ONE in r]) == capital, found.remarks


def test_a_dash_run_of_three_items_within_a_list_is_cut_and_said() -> None:
    found = inclusion("- Age 18 to 65 - SLE per ACR - Consent\n- Negative pregnancy test")
    assert criteria_texts(found.inclusion) == ["Age 18 to 65", "SLE per ACR", "Consent", "Negative pregnancy test"]
    assert [r for r in found.remarks if AS_RUN in r and "twice" in r], found.remarks


def test_a_study_run_onto_one_line_imports_its_items_with_the_remark(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before: the draft's first criterion "Age 18 to 65 * SLE per ACR", with no note."""
    data = imported_draft(trials, registry, with_criteria(RUN.format(b="*")), tmp_path)
    assert [c["text"] for c in data["eligibility"]["inclusion_criteria"]] == ["Age 18 to 65", "SLE per ACR", "Consent"]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert [n for n in notes if AS_BULLET in n], notes


# --- a run wrapped after a mark ---------------------------------------------------------------------------------------

ONE_LINE = "1. SLE, one of: (1) ANA ≥ 1:80; (2) anti-dsDNA; or (3) low C3\n2. Age"


@pytest.mark.parametrize(
    ("wrapped", "one_line"),
    [
        ("1. SLE, one of: (1) ANA ≥ 1:80; (2)\n   anti-dsDNA; or (3) low C3\n2. Age", ONE_LINE),
        ("1. SLE, one of: (1)\n   ANA ≥ 1:80; (2) anti-dsDNA; or (3) low C3\n2. Age", ONE_LINE),
        ("1. SLE, one of: (1) ANA ≥ 1:80; (2) anti-dsDNA; or (3)\n   low C3\n2. Age", ONE_LINE),
        ("1. SLE, one of: (1) ANA ≥ 1:80; (2)\n   anti-dsDNA; or (3)\n   low C3\n2. Age", ONE_LINE),
        (
            "1. Contraception: a) IUD; b)\n   pill; c) abstinence\n2. Age",
            "1. Contraception: a) IUD; b) pill; c) abstinence\n2. Age",
        ),
        ("1. Age 18; 2.\n   SLE; 3. Consent", "1. Age 18; 2. SLE; 3. Consent"),
        ("1) Age 18 2)\n   SLE 3) Consent", "1) Age 18 2) SLE 3) Consent"),
    ],
)
def test_a_run_wrapped_after_a_mark_reads_as_on_one_line(wrapped: str, one_line: str) -> None:
    """Before: item 1 whole ("SLE, one of: (1) ANA ≥ 1:80; (2) anti-dsDNA; or (3) low C3"), or its items (2) and (3)
    one sub-criterion, or "Age 18; 2. SLE; 3. Consent" one criterion; no remark."""
    found, unwrapped = inclusion(wrapped), inclusion(one_line)
    assert len(criteria_texts(unwrapped.inclusion)) > 1 or "sub_criteria" in unwrapped.inclusion[0]
    assert found.inclusion == unwrapped.inclusion and found.remarks == unwrapped.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. ALT ≤ 2.5 x ULN, grade (2)\n   or higher\n2. Age", ["ALT ≤ 2.5 x ULN, grade (2) or higher", "Age"]),
        ("1. Age ≥ 18 (see Table 1)\n   and SLE\n2. Age", ["Age ≥ 18 (see Table 1) and SLE", "Age"]),
        ("1. Hb ≥ 9; platelets ≥ 100 (1)\n   per ACR\n2. Age", ["Hb ≥ 9; platelets ≥ 100 (1) per ACR", "Age"]),
        ("1. SLE, one of: (1) ANA; (2)\n2. Age", ["SLE, one of: (1) ANA; (2)", "Age"]),  # no words under the mark
        (
            "1. Therapy, one of: (1) RTX; (2) MMF;\n   (3) CYC\n2. Age",
            ["Therapy, one of:", ["RTX;", "MMF;", "CYC"], "Age"],
        ),
    ],
)
def test_a_line_ending_in_a_number_of_no_run_reads_as_before(lines: str, read: list) -> None:
    assert criteria_texts(inclusion(lines).inclusion) == read


@pytest.mark.parametrize(
    "wrapped", ["; (2)\n   documented", "; or (3)\n   documented", "; (2)\n   documented|; or (3)\n   d"]
)
def test_a_real_study_with_its_run_wrapped_after_a_mark_imports_it_as_on_one_line(
    wrapped: str, trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before: NCT02576665's item 4 wrapped after "(2)" imported whole, its three sub-criteria one criterion; wrapped
    after "(3)", its sub-criteria (2) and (3) one."""
    text = real_study()["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    varied = text
    for new in wrapped.split("|"):
        old = new.replace("\n   ", " ")
        assert varied.count(old) == 1
        varied = varied.replace(old, new)
    data = imported_draft(trials, registry, with_criteria(varied), tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == criteria_tree(
        criteria_text.split(text).inclusion
    )


# --- a run of two on one line, told from a sentence by nothing ------------------------------------------------------

MAY_SPLIT = "the curator's to split where it runs two items onto one line"


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ("1) Age 18 to 65 2) SLE per ACR", "'65 2) SLE'"),
        ("1. Hb > 9 2. Age 18 to 65", "'9 2. Age'"),
        ("(1) Hb ≥ 9 g/dL (2) ANC ≥ 1.5", "'g/dL (2) ANC'"),
        ("* Age 18 to 65 * willing to consent", "'65 * willing'"),
        ("* Age ≥ 18 years * women of childbearing potential", "'years * women'"),
    ],
)
def test_a_run_of_two_left_whole_is_said(lines: str, said: str) -> None:
    """Before: one criterion, with no remark."""
    found = inclusion(lines)
    assert len(found.inclusion) == 1 and [r for r in found.remarks if MAY_SPLIT in r and said in r], found.remarks


@pytest.mark.parametrize(
    "lines",
    [
        "(1) Age 18-65 (see (2) below)",
        "1. CTCAE grade 2. Age 18-65",
        "1. Age 18; 2. SLE",
        "1) Age 2) SLE 3) Consent",
        "* ALT < 2.5 * upper limit of normal",
        "* Creatinine > 1.5 * baseline",
        "* CrCl = (140 - age) * weight / 72",
        "* eGFR ≥ 60 mL/min * 1.73 m2",
    ],
)
def test_a_number_or_star_of_no_run_is_not_said(lines: str) -> None:
    assert not inclusion(lines).remarks


# --- a run numbered with enclosed numerals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("① Age 18 to 65 ② SLE per ACR ③ Consent", [(1, "Age 18 to 65"), (2, "SLE per ACR"), (3, "Consent")]),
        ("①年龄18-65岁；②确诊SLE", [(1, "年龄18-65岁；"), (2, "确诊SLE")]),
        ("⑴ Age ⑵ SLE", [(1, "Age"), (2, "SLE")]),
        ("❶ Age ❷ SLE ❸ Consent", [(1, "Age"), (2, "SLE"), (3, "Consent")]),
    ],
)
def test_a_run_of_enclosed_numerals_on_one_line_is_cut(lines: str, read: list) -> None:
    """Before: one criterion holding them all ("Age 18 to 65 ② SLE per ACR ③ Consent"), with no remark."""
    found = inclusion(lines)
    assert criteria_tree(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("① Age 18 to 65\n② SLE per ACR", [(1, "Age 18 to 65"), (2, "SLE per ACR")]),
        ("① Age ⑫ SLE", [(1, "Age ⑫ SLE")]),  # no next numeral of its kind
        ("① Age ⑵ SLE", [(1, "Age ⑵ SLE")]),
    ],
)
def test_enclosed_numerals_of_no_run_read_as_before(lines: str, read: list) -> None:
    assert criteria_tree(inclusion(lines).inclusion) == read


# --- a run numbered with a spaced hyphen ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1- Age 18 to 65 2- SLE per ACR 3- Consent", [(1, "Age 18 to 65"), (2, "SLE per ACR"), (3, "Consent")]),
        ("1- Age 18-65; 2- SLE\n3- Consent", [(1, "Age 18-65;"), (2, "SLE"), (3, "Consent")]),
    ],
)
def test_a_run_numbered_with_a_spaced_hyphen_on_one_line_is_cut(lines: str, read: list) -> None:
    """Before: one criterion, "Age 18 to 65 2- SLE per ACR 3- Consent", with no remark."""
    found = inclusion(lines)
    assert criteria_tree(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1- ANA 1:80; 2-fold rise in dsDNA", [(1, "ANA 1:80; 2-fold rise in dsDNA")]),
        ("1- Age 18 - 65\n2- SLE", [(1, "Age 18 - 65"), (2, "SLE")]),
        ("1: Age 18 to 65 2: SLE per ACR 3: Consent", [(1, "Age 18 to 65"), (2, "SLE per ACR"), (3, "Consent")]),
    ],
)
def test_a_hyphen_of_no_run_reads_as_before(lines: str, read: list) -> None:
    assert criteria_tree(inclusion(lines).inclusion) == read


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        (
            "1. Organ function: ① Hb ≥ 9 ② ANC ≥ 1.5\n2. Age",
            [(1, "Organ function:"), [(1, "Hb ≥ 9"), (2, "ANC ≥ 1.5")]],
        ),
        (
            "1. 器官功能：①血红蛋白≥90g/L；②中性粒细胞≥1.5\n2. Age",
            [(1, "器官功能："), [(1, "血红蛋白≥90g/L；"), (2, "中性粒细胞≥1.5")]],
        ),
        ("* One of: ⑴ ANA ⑵ dsDNA ⑶ C3\n* Age", [(None, "One of:"), [(1, "ANA"), (2, "dsDNA"), (3, "C3")]]),
    ],
)
def test_a_run_of_enclosed_numerals_after_words_is_cut_under_them(lines: str, read: list) -> None:
    """Before: one criterion holding the run ("Organ function: ① Hb ≥ 9 ② ANC ≥ 1.5"), with no remark."""
    found = inclusion(lines)
    assert criteria_tree(found.inclusion)[:2] == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("1. Hb ≥ 9 (see ①)\n2. Age", [(1, "Hb ≥ 9 (see ①)"), (2, "Age")]),
        ("1. Organ function: ① Hb ≥ 9\n2. Age", [(1, "Organ function: ① Hb ≥ 9"), (2, "Age")]),
        ("1. Organ function: ② Hb ≥ 9 ③ ANC\n2. Age", [(1, "Organ function: ② Hb ≥ 9 ③ ANC"), (2, "Age")]),
    ],
)
def test_an_enclosed_numeral_after_words_of_no_run_reads_as_before(lines: str, read: list) -> None:
    assert criteria_tree(inclusion(lines).inclusion) == read


# --- a run numbered with Chinese numerals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("一、年龄 二、确诊SLE 三、同意", [(1, "年龄"), (2, "确诊SLE"), (3, "同意")]),
        ("一、年龄18-65岁；二、确诊SLE", [(1, "年龄18-65岁；"), (2, "确诊SLE")]),
        ("十一、年龄 十二、确诊SLE", [(11, "年龄"), (12, "确诊SLE")]),
    ],
)
def test_a_run_of_chinese_numerals_on_one_line_is_cut(lines: str, read: list) -> None:
    """Before: one criterion holding them all ("年龄 二、确诊SLE 三、同意"), with no remark."""
    found = inclusion(lines)
    assert criteria_tree(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("一、二线治疗失败", [(None, "一、二线治疗失败")]),
        ("一、年龄 十二、确诊SLE", [(1, "年龄 十二、确诊SLE")]),
        ("一、年龄\n二、确诊SLE", [(1, "年龄"), (2, "确诊SLE")]),
    ],
)
def test_chinese_numerals_of_no_run_read_as_before(lines: str, read: list) -> None:
    assert criteria_tree(inclusion(lines).inclusion) == read


# --- a Chinese heading numbered, run into a line ----------------------------------------------------------------------


@pytest.mark.parametrize("stop", [" ", "。"])
def test_a_chinese_heading_numbered_run_into_a_line_heads_its_list(stop: str) -> None:
    """Before: no exclusion criteria, "妊娠" and the heading words of inclusion criterion 2, with no remark."""
    found = criteria_text.split(f"一、入选标准：1、年龄；2、确诊SLE{stop}二、排除标准：1、妊娠")
    assert criteria_texts(found.inclusion) == ["年龄；", f"确诊SLE{stop.strip()}"]
    assert criteria_texts(found.exclusion) == ["妊娠"] and not found.remarks, found.remarks


@pytest.mark.parametrize(
    "text", ["一、入选标准：\n1、年龄\n二、排除标准：\n1、妊娠", "入选标准：1、年龄；2、确诊SLE 排除标准：1、妊娠"]
)
def test_a_chinese_heading_on_its_line_or_unnumbered_reads_as_before(text: str) -> None:
    found = criteria_text.split(text)
    assert criteria_texts(found.exclusion) == ["妊娠"] and criteria_texts(found.inclusion)[0] in ("年龄", "年龄；")
