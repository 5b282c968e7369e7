"""Counts of the work a reading does, for the tests of cost: a count has no noise, where a timing on a
shared machine has, so a test of cost holds a count to the size of its text, never a clock.

Scans stands in for a compiled pattern and counts the characters its searches are given to read: a
search from where it starts to its match's end (or to where it was to stop, none found), a finditer
to the end of the last match taken from it (or to where it was to stop, read to its end), a match or
a fullmatch one. A reading that searched a sentence again for each of its words counts the square of
the sentence's length; one that reads it once, its length.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any


class Scans:
    """A compiled pattern that counts the characters it is asked to read (`read`)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self.pattern.search(string, pos, endpos)
        self.read += (found.end() if found else min(endpos, len(string))) - pos
        return found

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        at = pos
        try:
            for found in self.pattern.finditer(string, pos, endpos):
                at = found.end()
                yield found
            at = min(endpos, len(string))
        finally:
            self.read += max(0, at - pos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        self.read += max(0, min(endpos, len(string)) - pos)
        return self.pattern.findall(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self.read += 1
        return self.pattern.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self.read += 1
        return self.pattern.fullmatch(string, pos, endpos)
