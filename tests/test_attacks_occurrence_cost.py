"""Pull-request attacks on the time a check takes: a quote that stands many times in its source.

An age quoted from a source of no criteria lists is read as an exclusion's (the other side of its
bound) when every occurrence of the quote stands after an "Exclusion criteria" heading
(ages._excluding). For each occurrence, every heading from the source's start up to it was read
again: a source of n occurrences after one "Exclusion criteria" cost n² steps. A draft of 400 bytes
giving IM19 a minimum age of 18, quoted "Age < 18 years", and a plain source of "Exclusion criteria"
and that sentence again and again held `trials validate` 1 s at 25 KB, 12 s at 100 KB, some twenty
minutes at 1 MiB and weeks at the 32 MiB a source may be (E530 bounds texts times characters, which
this was not). The headings are now read once, and each stretch they head searched once for the quote.
"""

from __future__ import annotations

import itertools
import re
from types import SimpleNamespace
from typing import Any

import pytest
from sle_trials.checks.binding import ages
from sle_trials.reading import criteria_text, layouts


class _Counted:
    """ages._LIST_NAMED, counting the characters its searches read."""

    def __init__(self) -> None:
        self.read = 0
        self.pattern = ages._LIST_NAMED

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.read += (len(text) if endpos is None else endpos) - pos
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)


def _ctx(*texts: str) -> Any:
    docs = [layouts.SourceDoc(f"seeds/{i}.txt", layouts.PLAIN, t) for i, t in enumerate(texts)]
    return SimpleNamespace(docs=docs, texts=lambda doc, path: [doc.text], under_headings=None)  # read whole


AGE = ("eligibility", "minimum_age")


def test_a_quote_standing_many_times_after_a_heading_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Exclusion criteria " + "Age < 18 years. " * 2_000  # 32 KB
    counted = _Counted()
    monkeypatch.setattr(ages, "_LIST_NAMED", counted)
    # (and the headings as the lists are read, once a text)
    read = criteria_text.list_headings
    calls: list[str] = []

    def counted_headings(line: str) -> list[re.Match[str]]:
        calls.append(line)
        return read(line)

    monkeypatch.setattr(criteria_text, "list_headings", counted_headings)
    assert ages._excluding(_ctx(text), AGE, "Age < 18 years")
    assert counted.read <= 2 * len(text), counted.read  # was some 1,000 times the source
    assert calls == [text]


def _before(ctx: Any, quote: str) -> bool:
    """_excluding as it was for a source of no lists: every heading up to each occurrence."""
    seen = False
    for doc in ctx.docs:
        at = doc.text.find(quote)
        while at >= 0:
            headings = list(ages._LIST_NAMED.finditer(doc.text, 0, at))
            if not headings or headings[-1].group(1).lower() == "inclusion":  # ("non-inclusion": an exclusion's)
                return False
            seen = True
            at = doc.text.find(quote, at + 1)
    return seen


def test_the_verdict_is_what_it_was() -> None:
    """Every short source of headings, ages and words, against the reading that read every heading again."""
    parts = ["Exclusion criteria ", "Inclusion criteria ", "Non-inclusion criteria ", "Age < 18 years. ", "Age "]
    quotes = ["Age < 18 years", "Age", "a", "criteria Age", "Exclusion criteria Age", "absent"]
    for n in range(5):
        for combo in itertools.product(parts, repeat=n):
            texts = ["".join(combo)]
            for quote in quotes:
                assert ages._excluding(_ctx(*texts), AGE, quote) == _before(_ctx(*texts), quote), (texts, quote)
    two = ("Exclusion criteria Age < 18 years.", "Inclusion criteria Age < 18 years.")
    for quote in quotes:
        assert ages._excluding(_ctx(*two), AGE, quote) == _before(_ctx(*two), quote)


def test_the_heading_pattern_is_one_a_stretch_can_be_cut_at() -> None:
    # the stretches are cut at each heading's end: a heading must be no longer than its own words
    # ("Non-inclusion criteria", a French protocol's exclusion heading, is its own words too); a heading as the
    # lists are read is cut at its list's word, the words after it ("(age > 75 years):") the list's own
    heading = re.compile(r"(?i)\b((?:non[-\s]?)?inclusion|exclusion) criteria\b")
    assert ages._LIST_NAMED.pattern == heading.pattern
    assert [(lo, hi) for lo, hi, _ in ages._criteria_headings("Exclusions (age > 75 years): none")] == [(0, 9)]
    assert [(lo, hi) for lo, hi, _ in ages._criteria_headings("Key exclusion criteria (age > 75): -")] == [(4, 22)]
