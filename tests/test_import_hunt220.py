"""Eligibility texts that hunt 219 left misread (hunt 220, helper-97), read with criteria_text.split (the importer and
the check read a source's criteria with it alike), each beside a text of its shape already read right, which must
read as it did. The texts are test inputs: no fact of any study. Every text the tests and fixtures held (string
constants of tests/, eligibilityCriteria of tests/ and seeds/ JSON, each also under an inclusion heading: 50,067
splits) was split before and after each fix: only the texts said in each commit read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text)):
- katakana and hangul ordinals ("ア. 年齢" / "イ. SLE", "가. 나이" / "나. SLE", "(ア)", "（가）") were no list marks:
  "イ. SLE" a line with no list mark, a criterion of its own with its ordinal in its words, and under "2. SLE：" each
  a line of its own; now letters, as "a." / "b." are (marks.KANA_ORDINALS; "アスピリン. ..." is words, as before);
"""

from __future__ import annotations

import pytest
from conftest import criteria_texts
from sle_trials.reading import criteria_text


def inclusion(lines: str) -> criteria_text.Split:
    """The text read with lines under the inclusion heading, beside an exclusion list of one."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.exclusion == [{"text": "Pregnancy"}]
    return found


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


def test_a_katakana_word_opening_a_line_is_words_as_before() -> None:
    found = inclusion("- アスピリン. 服用中\n- カ月")
    assert criteria_texts(found.inclusion) == ["アスピリン. 服用中", "カ月"] and not found.remarks
