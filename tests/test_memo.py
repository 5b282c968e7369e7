"""The checkers' memos hold a bounded amount of text, however long or many the lines they see."""

from __future__ import annotations

from sle_trials.reading import blockload
from sle_trials.reading.memo import TextMemo


def test_remembers_until_its_keys_fill_the_room() -> None:
    memo = TextMemo(10)
    assert memo.remember("abcd", 1) == 1 and memo.remember("efgh", 2) == 2
    assert memo.remember("ijk", 3) == 3, "an answer is given even when it is not kept"
    assert dict(memo) == {"abcd": 1, "efgh": 2} and memo.room == 2
    assert memo.remember("xy", 4) == 4 and "xy" in memo and memo.room == 0


def test_the_line_reader_keeps_no_more_than_its_room(monkeypatch) -> None:
    """A registry of megabyte-long unique lines must not fill a worker's memory."""
    monkeypatch.setattr(blockload, "_TOKENS", TextMemo(1_000_000))
    for i in range(30):
        line = f"k{i}: " + "x" * 100_000
        assert blockload.parse(line + "\n") == {f"k{i}": "x" * 100_000}
    kept = sum(len(line) for line in blockload._TOKENS)
    assert kept <= 1_000_000 and len(blockload._TOKENS) < 30
