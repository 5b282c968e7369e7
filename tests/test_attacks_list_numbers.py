"""Pull-request attacks by a list's numbers: a number a reader sees before another, read as the item's.

A browser writes an ordered list's number before each of its items: from 1, from its `start`, an
item's own `value`, in letters or roman numerals by its (or the item's) `type`. A page was read as
its items' words alone (reading/markup.py), so "<ol start=5><li>1. Weight at least 40 kg</li></ol>",
which shows "5. 1. Weight at least 40 kg", numbered the criterion 1, and "<ol><li>2. Weight ...</li>
</ol>" ("1. 2. Weight ...") 2. The numbers are now read as a browser writes them; a list counted down
(`reversed`, counted from its items), or after an element read as none that may be an item a browser
counts (`<li style="color: #eee">`), is read as none from there, and a style giving a list other
markers (`decimal`, ...) may hide it, as one written as words did; markers of no number
(`list-style-type: none`) an ordered list's own style gives it are read as its items' numbers not
shown, and a rule that may give them leaves the page unread (E531: tests/test_page_css_honest.py).
So shown, "5. 1. Weight ..." is item 5 (E504: tests/test_attacks_criterion_numbers.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    IM19_PATH,
    IM19_TITLE_LINE,
    WEIGHT,
    Trials,
    weight_draft,
)
from sle_trials.reading import markup

TEXT = WEIGHT


def _draft(registry: Path, items: str, number: int) -> Path:
    head = f"<!DOCTYPE html><html><body>\n<p>{IM19_TITLE_LINE}</p>\n<p>Last Updated: 2025-08-17</p>\n"
    page = f"{head}<p>Inclusion criteria:</p>\n{items}\n</body></html>\n"
    return weight_draft(registry, "seeds/950_list.html", page, number)


NUMBERED_TWICE = {
    "a start": (f"<ol start=5><li>1. {TEXT}</li></ol>", 1),
    "from one": (f"<ol><li>2. {TEXT}</li></ol>", 2),
    "a start HTML reads as a number": (f"<ol start='2x'><li>{TEXT}</li></ol>", 1),
    "a start, the text in a paragraph": (f"<ol start=5><li><p>1. {TEXT}</p></li></ol>", 1),
    "from one, the text in a division": (f"<ol><li><div>2. {TEXT}</div></li></ol>", 2),
    "an item's bullet": (f"<ol><li type=disc>{TEXT}</li></ol>", 1),
    "an item's type of none": (f"<ol><li type=NONE>{TEXT}</li></ol>", 1),
    "a list's markers set by its style": (f"<style>ol {{ list-style-type: none }}</style><ol><li>{TEXT}</li></ol>", 1),
}


@pytest.mark.parametrize("how", NUMBERED_TWICE)
def test_a_criterion_numbered_otherwise_than_a_browser_shows_is_refused(
    registry: Path, trials: Trials, how: str
) -> None:
    items, number = NUMBERED_TWICE[how]
    _draft(registry, items, number)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


@pytest.mark.parametrize("item", [f"<li>{TEXT}</li>", f"<li><p>{TEXT}</p></li>", f"<li>\n<div> {TEXT}</div></li>"])
def test_a_criterion_numbered_as_a_browser_shows_passes(registry: Path, trials: Trials, item: str) -> None:
    _draft(registry, f"<ol start=4><li>x</li>{item}</ol>", 5)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_an_ordered_lists_numbers_are_read_as_a_browser_writes_them() -> None:
    page = "<ol start=3><li>a<ol type=a><li>b</li><li value=4>c</li></ol></li><li>d</li></ol><ul><li>e</li></ul>"
    assert markup.shown(page) == "3. a\na. b\nd. c\n4. d\ne\n"
    assert markup.shown("<ol type=I start=4><li>a</li></ol><ol reversed><li>b</li></ol>") == "IV. a\n"
    # the numbers as HTML parses them ("2x" is 2), and an item's own type
    assert markup.shown("<ol start=' 2x'><li>a</li><li type=A>b</li><li value=-1>c</li></ol>") == "2. a\nC. b\n-1. c\n"
    # a number stands on its item's first line, whatever block holds it; an empty item's on none
    assert markup.shown("<ol><li><p>a</p><p>b</p></li><li></li><li><div><p>c</p></div></li></ol>") == "1. a\nb\n3. c\n"
    # a type as written ("a " is none: numbers), an item's bullet (counted, not shown)
    assert markup.shown("<ol type='a '><li>a</li><li type=square>b</li><li type=x>c</li></ol>") == "1. a\nb\n3. c\n"


UNCOUNTED = {
    "an item a style may hide": f"<ol><li style='color: #eee'>x</li><li>{TEXT}</li></ol>",
    "an item a rule may hide": f"<style>.a {{ color: #eee }}</style><ol><li class=a>x</li><li>{TEXT}</li></ol>",
    "an item in an element a style may hide": f"<ol><div style='color: #eee'><li>x</li></div><li>{TEXT}</li></ol>",
    "an item laid out as a block": f"<ol><li style='display: block'>x</li><li>{TEXT}</li></ol>",
}


@pytest.mark.parametrize("how", UNCOUNTED)
def test_an_item_after_one_a_browser_may_count_is_numbered_by_none(registry: Path, trials: Trials, how: str) -> None:
    _draft(registry, UNCOUNTED[how], 1)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
