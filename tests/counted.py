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
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from sle_trials.patterns import Lazy


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


class Looks:
    """A compiled pattern whose matches count how often they are looked at (`looked`): each call of
    their start, end, span or group. A reading that held each of n things against every match the
    pattern found counts n times their number; one that finds the match it needs, a few a thing."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.looked = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[_Looked]:
        return (_Looked(self, found) for found in self.pattern.finditer(string, pos, endpos))


class _Looked:
    """A match of a Looks pattern, counting each look at it."""

    def __init__(self, pattern: Looks, found: re.Match[str]) -> None:
        self._pattern = pattern
        self._found = found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._found, name)

    def start(self, group: int | str = 0) -> int:
        self._pattern.looked += 1
        return self._found.start(group)

    def end(self, group: int | str = 0) -> int:
        self._pattern.looked += 1
        return self._found.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        self._pattern.looked += 1
        return self._found.span(group)

    def group(self, *groups: int | str) -> Any:
        self._pattern.looked += 1
        return self._found.group(*groups)


def _pattern(value: object) -> bool:
    """A compiled pattern, or one that compiles on first use (patterns.lazy: a module's patterns)."""
    return isinstance(value, (re.Pattern, Lazy))


def scan_all(monkeypatch: pytest.MonkeyPatch, module: ModuleType, *, leave: tuple[str, ...] = ()) -> list[Scans]:
    """Put a Scans in place of each pattern of module's (and in its tuples of them), but those named in
    leave; the Scans put."""
    put: dict[int, Scans] = {}
    for name, value in vars(module).items():
        if _pattern(value) and name not in leave:
            put[id(value)] = Scans(value)
            monkeypatch.setattr(module, name, put[id(value)])
    for name, value in vars(module).items():
        if isinstance(value, tuple) and value and all(_pattern(v) for v in value):
            monkeypatch.setattr(module, name, tuple(put.get(id(v), v) for v in value))
    return list(put.values())


def characters_read(scans: list[Scans], run: Callable[..., object], *args: Any, **kwargs: Any) -> int:
    """The characters the scans read while run(*args, **kwargs) runs."""
    for scan in scans:
        scan.read = 0
    run(*args, **kwargs)
    return sum(scan.read for scan in scans)
