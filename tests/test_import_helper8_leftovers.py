"""trials import ctgov on the criteria layouts the last stop left as import leftovers (closing38): a line holding
only "OR" between two items, a tight run of items bulleted as their parent, a heading's dash before a capitalised
criterion, a note glued to its asterisk; and the cost of reading many conjunction lines, held by a count of the
work rather than a timing. Beside each, the layouts that must read as they did."""

from __future__ import annotations

import builtins
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from sle_trials.reading import criteria_text


def _inclusion(text: str) -> list[dict]:
    return criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy").inclusion


# --- the cost of many conjunction lines, counted -----------------------------------------------------------


class _Walked(list):
    """A text's lines, counting each line a reading walks over (iterated, indexed or sliced); walked: the count."""

    walked = 0

    def __iter__(self) -> Iterator[Any]:
        for x in list.__iter__(self):
            _Walked.walked += 1
            yield x

    def __getitem__(self, key: Any) -> Any:
        got = list.__getitem__(self, key)
        _Walked.walked += len(got) if isinstance(key, slice) else 1
        return got


def _walking(f: Callable[..., Any]) -> Callable[..., Any]:
    """f (a builtin walking an iterable whole: min, max, sorted, islice), counting each element it may walk over."""

    def counted(iterable: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
        items = list(iterable)
        _Walked.walked += len(items)
        return f(items, *args, **kwargs)

    return counted


def _counting_the_lines_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count the lines (or items of them) criteria_text.split walks over (_Walked.walked): in the helpers given the
    text's lines, and in the builtins of the module that walk a list in C, where no call count sees the work."""
    for name in ("min", "max", "sorted", "islice"):
        walk = getattr(builtins, name, None) or getattr(itertools, name)
        monkeypatch.setattr(criteria_text, name, _walking(walk), raising=False)
    for name in ("_lead_in", "_doubtful_heading", "_subheading", "_block_under", "_next_said"):
        if hasattr(criteria_text, name):  # (_next_said: since 953444f)
            monkeypatch.setattr(criteria_text, name, _on_walked_lines(getattr(criteria_text, name)))


def _lines_walked(text: str) -> int:
    _Walked.walked = 0
    criteria_text.split(text)
    return _Walked.walked


def _on_walked_lines(f: Callable[..., Any]) -> Callable[..., Any]:
    made: dict[tuple[int, int], tuple[list[str], _Walked]] = {}  # (each list made once: the making is no work)

    def counted(lines: list[str], *args: Any, **kwargs: Any) -> Any:
        key = (id(lines), len(lines))
        if key not in made:
            made[key] = (lines, _Walked(lines))
        return f(made[key][1], *args, **kwargs)

    return counted


def test_many_conjunction_lines_cost_the_texts_length_in_lines_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """953444f: each "OR" line (unmarked, after a blank line) took the least indent of all items again, and the
    next line with words was found by passing over every line above (an islice, a copy of the list's tail): 8
    times the lines cost 22 times as long. Counted, not timed: 8 times the lines walk 8 times the lines (62
    times with 953444f reverted)."""

    def text(n: int) -> str:
        return "Inclusion Criteria:\n\n" + "".join(f"* item {i}\n\nOR\n\n" for i in range(n))

    _counting_the_lines_walked(monkeypatch)
    small, large = _lines_walked(text(200)), _lines_walked(text(1600))
    assert large <= 10 * small, (small, large)


# --- a note glued to its asterisk ----------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["*Note: patients on belimumab are eligible.", "*NOTE: see appendix", "*NB: none"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_note_glued_to_its_asterisk_is_a_note_not_a_bullet(note: str, gap: str) -> None:
    """Before, "*Note: ..." read as a bulleted item (as "*Adults" is, 31a2446): a criterion "Note: ...". It reads
    as the note "Note: ..." does, words of the item above, its asterisk a footnote's mark as written."""
    assert _inclusion(f"* Age 18 to 65 years{gap}{note}{gap}* SLE") == [
        {"text": f"Age 18 to 65 years {note}"},
        {"text": "SLE"},
    ]
    # (before the first item: a note about the list, as "Note:" is)
    assert _inclusion(f"{note}\n\n* Age 18 to 65 years\n* SLE") == [{"text": "Age 18 to 65 years"}, {"text": "SLE"}]


def test_a_word_beginning_as_a_note_does_glued_to_its_asterisk_is_still_a_bullet() -> None:
    assert _inclusion("*Notable rash\n*Nephritis\n*NBT test") == [
        {"text": "Notable rash"},
        {"text": "Nephritis"},
        {"text": "NBT test"},
    ]
