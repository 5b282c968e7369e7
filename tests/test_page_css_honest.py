"""Honest pages whose common style was read as hiding their words, beside the hostile styles they resemble.

A page's style is read by over-approximation (reading/styles.py): what may hide text hides it, and a
style that may hide what the reader cannot bound leaves the page unread (E531). Some of what it took
to hide hides nothing, and a saved page styled as pages are was refused:

- `ul { list-style: none }` hid every item of every unordered list (a list's marker of no number was
  read as one that may write words), and each quote from one was refused as not found (E501), with
  no E531 to say why. On an unordered list it shows no number either way; on an ordered list it hides
  the numbers the reader writes: its own style (`<ol style="list-style: none">`) is read so, and a
  rule that may give it (or not: the reader over-approximates which elements a rule matches) leaves
  the page unread, naming the style.

The hostile variants of each are kept refused here: an ordered list whose numbers a
rule may hide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    IM19_PATH,
    IM19_TITLE_LINE,
    ONE_THRESHOLD,
    Trials,
    add_source,
    enrollment_draft,
    im19_draft,
    joined,
    put,
)
from sle_trials.reading import markup

SAID = "Enrollment: 60 participants"
TEXT = "Weight at least 40 kg"


def _page(head: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>x</title>{head}</head><body>\n"
        f"<p>{IM19_TITLE_LINE}</p>\n<p>Last Updated: 2025-08-17</p>\n{body}\n</body></html>\n"
    )


def _enrollment(registry: Path, trials: Trials, head: str, body: str = f"<p>{SAID}</p>") -> str:
    source = add_source(registry, "seeds/950_styled.html", _page(head, body))
    enrollment_draft(registry, source, 60, SAID)
    result = trials("validate", registry / IM19_PATH)
    return result.out if result.status else "passes"


def _criterion(registry: Path, trials: Trials, head: str, items: str, number: int = 1) -> str:
    page = _page(head, f"<p>Inclusion criteria:</p>\n{items}")
    source = add_source(registry, "seeds/950_list.html", page)
    threshold = ONE_THRESHOLD.format(
        text=TEXT, kind="BODY_WEIGHT", measure="Weight", comparator=">=", value=40, unit="kg"
    ).replace("number: 1", f"number: {number}")
    put(registry, IM19_PATH, joined(im19_draft(source), threshold))
    result = trials("validate", registry / IM19_PATH)
    return result.out if result.status else "passes"


# 1. A list's markers of no number


UNORDERED = {
    "a rule": ("ul { list-style: none; padding: 0 }", f"<ul><li>1. {TEXT}</li></ul>"),
    "a rule of the type": (".plain { list-style-type: none }", f"<ul class=plain><li>1. {TEXT}</li></ul>"),
    "an item's rule": ("ul li { list-style: none }", f"<ul><li>1. {TEXT}</li></ul>"),
    "its own style": ("", f"<ul style='list-style: none'><li>1. {TEXT}</li></ul>"),
    "a menu beside an ordered list": (
        ".nav { list-style: none }",
        f"<ul class=nav><li>Home</li></ul><ol><li>{TEXT}</li></ol>",
    ),
}


@pytest.mark.parametrize("how", UNORDERED)
def test_an_unordered_list_of_no_markers_is_read(registry: Path, trials: Trials, how: str) -> None:
    rules, items = UNORDERED[how]
    head = f"<style>{rules}</style>" if rules else ""
    page = markup.read(_page(head, items))
    assert page.unread is None and TEXT in page.text, page
    out = _criterion(registry, trials, head, items)
    assert out == "passes", out


def test_an_ordered_lists_own_style_of_no_markers_is_read_as_its_numbers_not_shown() -> None:
    page = "<ol style='list-style: none'><li>1. a</li><li type=A>b</li><li style='list-style-type: square'>c</li></ol>"
    assert markup.shown(page) == "1. a\nB. b\nc\n"  # (an item's own type is HTML's hint: it shows its number)
    assert markup.shown("<ol start=5><li style='list-style: none'>1. a</li><li>b</li></ol>") == "1. a\n6. b\n"


def test_a_criterion_an_ordered_lists_own_style_leaves_unnumbered_is_its_own_number(
    registry: Path, trials: Trials
) -> None:
    """`<ol start=5 style="list-style: none"><li>1. Weight ...` shows "1. Weight ...", no "5.": item 1."""
    out = _criterion(registry, trials, "", f"<ol start=5 style='list-style: none'><li>1. {TEXT}</li></ol>", 1)
    assert out == "passes", out


ORDERED = {
    "a rule for the list": ("<style>ol { list-style: none }</style>", f"<ol start=5><li>1. {TEXT}</li></ol>"),
    "a rule for its items": ("<style>li { list-style-type: none }</style>", f"<ol start=5><li>1. {TEXT}</li></ol>"),
    "a rule's bullet": (
        "<style>.c { list-style: square inside }</style>",
        f"<ol start=5 class=c><li>1. {TEXT}</li></ol>",
    ),
    "a rule for an element between": (
        "<style>.w { list-style: none }</style>",
        f"<ol start=5><div class=w><li>1. {TEXT}</li></div></ol>",
    ),
    "a style of an element between": ("", f"<ol start=5><div style='list-style: none'><li>1. {TEXT}</li></div></ol>"),
}


@pytest.mark.parametrize("how", ORDERED)
def test_an_ordered_list_whose_numbers_a_rule_may_hide_is_not_read_and_says_so(
    registry: Path, trials: Trials, how: str
) -> None:
    """A rule may hide the numbers ("1. Weight ...") or not ("5. 1. Weight ..."): which, only a browser's
    cascade tells. Read either way, a criterion's number was one a reader may not see."""
    head, items = ORDERED[how]
    page = markup.read(_page(head, items))
    assert page.unread is not None and "list-style" in page.unread and "numbers" in page.unread, page.unread
    out = _criterion(registry, trials, head, items, 1)
    assert "E531" in out and "list-style" in out, out
