"""Pull-request attacks by a list item read from part of a criterion's word.

A prior therapy is written in its criterion's words (binding/criterion.py, enumeration.py: E513,
E505, E525), looked for as a run of characters in the criterion and in its quotes. A run inside a
longer word was found: "Failure of mycophenolate or mother therapies" gave the therapies
"mycophenolate" and "other" (of "mother"), "hydroxychloroquine" gave "chloroquine", and
"anti-rituximab" "rituximab", none of which a reader sees named there. An item now stands whole in
its criterion, its ends between two of its words (edges.cut_at: not inside a word, nor a number or a
name joined by a hyphen).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put

PLAIN = "seeds/950_cut_items.txt"
RECORD = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: {criterion}
  prior_therapy:
    therapies:
{items}    criterion: {{list: INCLUSION, number: 1}}
evidence:
  eligibility.inclusion_criteria.0: {criterion}
  eligibility.prior_therapy: {quote}
"""


def _draft(registry: Path, criterion: str, items: list[str], quote: str) -> None:
    add_source(registry, PLAIN, f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\nInclusion criteria:\n1. {criterion}\n")
    listed = "".join(f"      - {item}\n" for item in items)
    put(registry, IM19_PATH, joined(im19_draft(PLAIN), RECORD.format(criterion=criterion, items=listed, quote=quote)))


CUT = {
    "a word's end": (
        "Failure of mycophenolate or mother therapies.",
        ["mycophenolate", "other"],
        "mycophenolate or mother",
    ),
    "a word's start": ("Failure of rituximab or belimumabs.", ["rituximab", "belimumab"], "rituximab or belimumabs"),
    "a name's part": (
        "Failure of rituximab or hydroxychloroquine.",
        ["rituximab", "chloroquine"],
        "rituximab or hydroxychloroquine",
    ),
    # the first item, cut from a word the source writes whole elsewhere
    "the first item": (
        "Failure of smother or mycophenolate, not other therapies.",
        ["other", "mycophenolate"],
        "smother or mycophenolate",
    ),
    "the first item, a hyphen": (
        "Failure of anti-rituximab or mycophenolate, not rituximab.",
        ["rituximab", "mycophenolate"],
        "anti-rituximab or mycophenolate",
    ),
    "across a hyphen": (
        "Failure of rituximab or anti-belimumab.",
        ["rituximab", "belimumab"],
        "rituximab or anti-belimumab",
    ),
}


@pytest.mark.parametrize("how", CUT)
def test_an_item_cut_out_of_a_word_is_refused(registry: Path, trials: Trials, how: str) -> None:
    criterion, items, quote = CUT[how]
    _draft(registry, criterion, items, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


def test_items_whole_pass(registry: Path, trials: Trials) -> None:
    _draft(registry, "Failure of rituximab or belimumab.", ["rituximab", "belimumab"], "rituximab or belimumab")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
