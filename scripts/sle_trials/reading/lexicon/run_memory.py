"""The readings of quotes that binding asks for again and again, remembered for one run (Reader)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from sle_trials.reading.lexicon import age_bounds, date_mentions, dosing, stated_limits

T = TypeVar("T")


class Reader:
    """The readings of quotes that binding asks for again and again, remembered for one run: a quote
    often binds several values of a record (a threshold's number, unit and comparator), and records
    quote the same passages. Remembering saved ~15% of a cold check's time on the benchmark's
    canonical records (docs/speed.md). One Reader per run (pipeline.Checker holds it and passes it to
    evidence.check), never one per module: nothing a run remembers outlives it. Each reading keeps
    at most `size` quotes, and a quote over 2,000 characters is read each time, so that a registry of
    megabyte-long quotes cannot fill memory."""

    def __init__(self, size: int = 4096) -> None:
        self.statements = _remembered(stated_limits.statements, size)
        self.written_statements = _remembered(stated_limits.written_statements, size)
        self.kind_of = _remembered(stated_limits.kind_of, size)
        self.ages = _remembered(age_bounds.ages, size)
        self.doses = _remembered(dosing.doses, size)
        self.dates = _remembered(date_mentions.dates, size)
        # a few sets a run: LABEL_TEXTS, as-of labels
        self.label_pattern = lru_cache(maxsize=64)(date_mentions.label_pattern)
        self._label_spans = _remembered(date_mentions.label_spans, size)

    def label_spans(self, quote: str, labels: frozenset[str]) -> tuple[tuple[int, int], ...]:
        """label_spans() of the labels' pattern, both remembered."""
        return self._label_spans(quote, self.label_pattern(labels))

    def label_of(
        self, quote: str, mention: date_mentions.DateMention, labels: tuple[tuple[int, int], ...]
    ) -> str | None:
        """label_of(), with the quote's dates remembered."""
        return date_mentions.label_of(quote, mention, labels, self.dates(quote))


def _remembered(function: Callable[..., T], size: int) -> Callable[..., T]:
    remembered = lru_cache(maxsize=size)(function)

    def call(quote: str, *args: Any) -> T:
        return remembered(quote, *args) if len(quote) <= 2000 else function(quote, *args)

    return call
