"""A plain text that a comment cuts short: YAML ends a plain text at " #" on its line, so
`brief_title: CD19-CART(Relma-cel) #for Moderate ...` is the text "CD19-CART(Relma-cel)". The checks
refused it (E512: "not where the source states it"), and a quote cut so (E505, E507: the quote
shown without its end), without a word of the comment that did it (a new user's review). The
problem now says so, at the text, and at a value whose quote under evidence was cut.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials, position, put
from sle_trials.checks import load

RELMA = "trials/NCT05765006.yaml"


def _edited(registry: Path, old: str, new: str) -> str:
    text = (registry / RELMA).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    put(registry, RELMA, text)
    return text


def test_a_verbatim_text_cut_by_a_comment_says_so(trials: Trials, registry: Path) -> None:
    title = "brief_title: CD19-CART(Relma-cel) for Moderate"
    text = _edited(registry, title, "brief_title: CD19-CART(Relma-cel) #for Moderate")
    result = trials.json("validate", RELMA)
    assert [p["code"] for p in result.problems()] == ["E512"], result.problems()
    assert result.where("E512") == [(RELMA, *position(text, "CD19-CART(Relma-cel) #"))]
    assert "this text ends at the ' #' on its line, where YAML starts a comment" in result.problems()[0]["message"]


@pytest.mark.parametrize(
    ("quote", "code"),
    [
        ("  overall_status: Current as of November 14, 2025 Recruiting", "E507"),
        ("  nct_id: Search / Trial NCT05765006", "E505"),
    ],
)
def test_a_value_whose_quote_a_comment_cut_says_so(trials: Trials, registry: Path, quote: str, code: str) -> None:
    head, last = quote.rsplit(" ", 1)
    text = _edited(registry, quote + "\n", f"{head} #{last}\n")
    result = trials.json("validate", RELMA)
    assert [p["code"] for p in result.problems()] == [code], result.problems()
    line = position(text, f"{head} #{last}")[0]
    assert f"its quote under evidence (line {line}) ends at the ' #'" in result.problems()[0]["message"]


def test_a_comment_after_a_value_that_passes_changes_nothing(trials: Trials, registry: Path) -> None:
    """`trials new` writes its hints as comments after the values ("count: 12  # Number of
    participants."): a comment on a value's line is no problem, and one after a sound quote none."""
    quote = "  overall_status: Current as of November 14, 2025 Recruiting\n"
    _edited(registry, quote, quote[:-1] + "  # the page's own words\n")
    assert trials.json("validate", RELMA).problems() == []


def test_only_plain_texts_are_noted() -> None:
    """A quoted text or a block keeps its comment apart; a # with no space before it is the text's."""
    text = 'a: "x" # c\nb: >- # c\n  y\nc: z#1\nd: w  # c\ne:\n  - v #c\n'
    record, problems = load.parse(text, "trials/NCT00000000.yaml")
    assert record is not None and problems == []
    assert record.commented == {("d",), ("e", 0)}
