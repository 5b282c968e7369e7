"""A limit's condition read where its criterion states none, and (below) worded in ways scopes.py did not read as
one (helper-7).

7. (an honest record refused) thresholds._condition_left_out read a word joining the limit to another requirement
   ("with", "unless", "if", ...) right after its quote in the next sub-item's first word, the criterion's text
   running on into it: "a. Total bilirubin > 2 mg/dL" "b. Unless surgically sterile, women not using
   contraception." asked the bilirubin limit for a condition (E524). It reads that word in the limit's own item
   (or one above it) now.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials
from test_attacks_helper3_absence import _items_codes


@pytest.mark.parametrize("nested", [False, True])
@pytest.mark.parametrize(
    "items",
    [
        ["Total bilirubin > 2 mg/dL", "Unless surgically sterile, women not using contraception."],
        ["Total bilirubin > 2 mg/dL", "With a history of hepatitis B, HBV DNA must be undetectable."],
    ],
)
def test_the_next_items_first_word_joins_the_limit_to_nothing(
    registry: Path, trials: Trials, items: list[str], nested: bool
) -> None:
    assert _items_codes(registry, trials, items, [], nested=nested) == set()


def test_a_joining_word_in_the_limits_own_item_still_asks_a_condition(registry: Path, trials: Trials) -> None:
    for nested in (False, True):
        items = ["Total bilirubin > 2 mg/dL unless due to Gilbert's syndrome", "Pregnancy."]
        assert _items_codes(registry, trials, items, [], nested=nested) == {"E524"}
