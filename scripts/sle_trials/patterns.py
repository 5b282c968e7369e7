"""Pieces of regular expressions that match the same on every Python the package runs on.

Python 3.11 brought possessive quantifiers (`x*+`) and atomic groups (`(?>x)`), but before 3.11.5
it matched them wrongly where what they hold can backtrack (CPython gh-106052, gh-100061). Debian
12's python3 is 3.11.2: there, a dose's pattern written `(?:...)*+` found no word after "3 doses",
and a record leaving out "3 doses iguratimod" passed its check. So the package writes no
possessive quantifier and no atomic group (tests/test_patterns.py holds every pattern it compiles
to that), and gets the same, a run nothing can backtrack into, from a lookahead, which the regex
engine of every Python leaves as found.

A module's patterns are `lazy`: compiled when first used. Compiling the package's 790 patterns took
278 of the 406 ms of a one-file check (`trials validate FILE`), and a record uses about 300 of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, AnyStr, cast

# what a compiled pattern answers; each is copied onto the Lazy when it compiles
_ANSWERS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")
_FACTS = ("flags", "groups", "groupindex")
# What compiles a Lazy while a check runs with its cache: the patterns earlier runs compiled, read
# back (engine/compiled_patterns.py); re.compile otherwise. Either gives the same compiled pattern.
_COMPILER: ContextVar[Callable[[Any, int], re.Pattern[Any]]] = ContextVar("compiler", default=re.compile)


@contextmanager
def compiled_by(compiler: Callable[[Any, int], re.Pattern[Any]]) -> Iterator[None]:
    """Within: a Lazy compiled for the first time is compiled by compiler(pattern, flags)."""
    token = _COMPILER.set(compiler)
    try:
        yield
    finally:
        _COMPILER.reset(token)


class Lazy:
    """A pattern that compiles itself the first time anything but its text is asked of it.

    Compiled, it holds the compiled pattern's bound methods as its own attributes and is no longer
    an _Uncompiled, whose `__getattr__` would stand in the way of every lookup: a use after the first
    costs about what a compiled pattern's use costs (about 1% more instructions a benchmark record;
    benchmarks/work.py, callgrind), and a pattern no record needs is never compiled. Its text is
    `pattern`, as a compiled pattern's is, without compiling it (patterns built from pieces read it).
    What it compiles to is a function of its text and flags alone: nothing a run does changes it."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self.given = flags

    def compiled(self) -> re.Pattern[Any]:
        compiled = _COMPILER.get()(self.pattern, self.given)
        for name in _ANSWERS + _FACTS:
            setattr(self, name, getattr(compiled, name))
        self.compiled = lambda: compiled  # type: ignore[method-assign]
        self.__class__ = Lazy
        return compiled

    # What else a compiled pattern answers, answered alike: it pickles as its text and flags (not as the
    # compiled pattern's methods and the closure compiled() holds, which pickle cannot send to a worker
    # process), a copy is itself, it equals and hashes as the pattern it compiles to, and shows as it.
    def __reduce__(self) -> tuple[Any, tuple[str | bytes, int]]:
        return lazy, (self.pattern, self.given)

    def __copy__(self) -> Lazy:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Lazy:
        return self

    def __eq__(self, other: object) -> bool:
        return self.compiled() == (other.compiled() if isinstance(other, Lazy) else other)

    def __hash__(self) -> int:
        return hash(self.compiled())

    def __repr__(self) -> str:
        return repr(self.compiled())


class _Uncompiled(Lazy):
    def __getattr__(self, name: str) -> Any:  # only for what is not yet an attribute: the first use
        if name.startswith("__"):  # copy's and pickle's questions of the type, not of a pattern
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def lazy(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """re.compile(pattern, flags), compiled when first used (a module's pattern; Lazy)."""
    return cast("re.Pattern[AnyStr]", _Uncompiled(pattern, flags))


def atomic(body: str, name: str) -> str:
    """A pattern that matches what body matches first, and gives none of it back: `(?>body)`.

    name: the name of the group that holds the match, unique in the pattern it goes into (a
    lookahead keeps only its first match; the backreference then steps over it)."""
    return f"(?=(?P<{name}>{body}))(?P={name})"
