"""Pull-request attacks on the evidence: a quote pinned to a parent field, to bind a child of it
from a place where the source states another field.

An evidence key covers every value beneath it, and its quote is looked for where the source states
the key's field. A source that places the children apart (a registry copy's eligibility section
holds the criteria and, on its own line, the sex) would so let a quote from the criteria bind the
sex: `eligibility: 8) Male participants whose partners have fertility` bound `eligibility.sex: MALE`,
where the source says ALL, while the same quote under `eligibility.sex` was refused (E512). A quote
must lie where the source states each value it binds.
"""

from __future__ import annotations

from pathlib import Path

from conftest import IM19_MINIMAL, IM19_PATH, Trials, joined


def test_a_parent_key_does_not_carry_a_quote_into_a_childs_place(registry: Path, trials: Trials) -> None:
    (registry / IM19_PATH).write_text(
        joined(
            IM19_MINIMAL,
            "eligibility:\n  sex: MALE\nevidence:\n  eligibility: 8) Male participants whose partners have fertility\n",
        ),
        encoding="utf-8",
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    assert (
        f"{IM19_PATH}:15:16: E512 evidence for eligibility: the quote is not where the source states "
        "eligibility.sex: seeds/000_84a0f0163f21158e.txt states eligibility.sex elsewhere in it "
        "(a copy of a registry record)"
    ) in result.out
    assert " E507" not in result.out  # a misplaced quote binds nothing


def test_the_same_quote_under_the_childs_key_is_refused_too(registry: Path, trials: Trials) -> None:
    (registry / IM19_PATH).write_text(
        joined(
            IM19_MINIMAL,
            "eligibility:\n  sex: MALE\nevidence:\n"
            "  eligibility.sex: 8) Male participants whose partners have fertility\n",
        ),
        encoding="utf-8",
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    assert f"{IM19_PATH}:15:20: E512 evidence for eligibility.sex: the quote is not where" in result.out


def test_a_parent_key_quoting_the_childrens_place_binds(registry: Path, trials: Trials) -> None:
    (registry / IM19_PATH).write_text(
        joined(
            IM19_MINIMAL,
            "eligibility:\n  sex: ALL\n  minimum_age:\n    value: 18\n    unit: YEARS\n"
            "evidence:\n  eligibility: 18 Years 65 Years ALL No\n",
        ),
        encoding="utf-8",
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
