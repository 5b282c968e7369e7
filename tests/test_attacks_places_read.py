"""Pull-request attacks on the time a check takes: a quote that stands in millions of places.

Some readings of a quote read its source around each place it stands: a date's label before it
(dates._labels_around), a denial before it, its sentence. A plain source writing "2024-07-30 " to
30 MiB after one "Start date: 2024-07-30", cited by a draft whose dates.start is quoted "2024-07-30",
took 116 s to check: three million readings of the 300 characters before the date. The places a
record's readings read around are now counted (context.PLACES_READ), and a record whose quotes stand
in more places than that is refused unchecked (E530). The tests lower the bound and count the work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, im19_draft, joined, put
from sle_trials.checks.binding import context
from sle_trials.reading.lexicon import date_mentions

SOURCE = "seeds/950_dates.txt"
HEAD = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
START = 'dates:\n  start:\n    date: "2024-07-30"\nevidence:\n  dates.start.date: "2024-07-30"\n'
BOUND = 50  # PLACES_READ, lowered: the readings the test lets a record cost


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a date's label is read around a place of its quote."""
    monkeypatch.setattr(context, "PLACES_READ", BOUND)
    calls = [0]
    real = date_mentions.label_of

    def label_of(*args: object, **kwargs: object) -> str | None:
        calls[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(date_mentions, "label_of", label_of)
    return calls


def _draft(registry: Path, repeats: int) -> Path:
    text = HEAD + "Last Updated: 2025-08-17\nStart date: 2024-07-30\n" + "2024-07-30 " * repeats + "\n"
    add_source(registry, SOURCE, text)
    return put(registry, IM19_PATH, joined(im19_draft(SOURCE), START))


def test_a_date_written_in_more_places_than_may_be_read_is_refused(
    registry: Path, trials: Trials, counted: list[int]
) -> None:
    result = trials("validate", _draft(registry, BOUND * 40))
    assert result.status == 1, result.out
    assert f"E530 the record's quotes stand in more than {BOUND:,} places of its sources" in result.out
    assert counted[0] <= BOUND + 10  # the source's labels read around its 2,000 places: at most the bound


def test_a_date_written_in_few_places_is_read_under_its_label(
    registry: Path, trials: Trials, counted: list[int]
) -> None:
    result = trials("validate", _draft(registry, BOUND // 2))
    assert result.status == 0, result.out
