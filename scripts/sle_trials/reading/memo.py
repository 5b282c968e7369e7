"""Memo: a dict from text (or a key made of text) to what it gives, bounded by the characters it holds.

Checking repeats itself across records (the same lines, the same quoted sentences), so a worker
remembers what it worked out. A bound on the number of entries is not enough: a hostile registry of
megabyte-long lines would fill memory, so the keys' total length is bounded instead.
"""

from __future__ import annotations

from typing import Any


class TextMemo(dict):
    """Remembers until its keys hold `chars` characters in all, then only answers."""

    __slots__ = ("room",)

    def __init__(self, chars: int) -> None:
        super().__init__()
        self.room = chars

    def remember(self, key: Any, value: Any, chars: int | None = None) -> Any:
        """value, kept under key while there is room; a key that is not text says how many characters it holds."""
        size = len(key) if chars is None else chars
        if size <= self.room:
            self.room -= size
            self[key] = value
        return value
