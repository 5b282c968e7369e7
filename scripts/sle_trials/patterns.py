"""Pieces of regular expressions that match the same on every Python the package runs on.

Python 3.11 brought possessive quantifiers (`x*+`) and atomic groups (`(?>x)`), but before 3.11.5
it matched them wrongly where what they hold can backtrack (CPython gh-106052, gh-100061). Debian
12's python3 is 3.11.2: there, a dose's pattern written `(?:...)*+` found no word after "3 doses",
and a record leaving out "3 doses iguratimod" passed its check. So the package writes no
possessive quantifier and no atomic group (tests/test_patterns.py holds every pattern it compiles
to that), and gets the same, a run nothing can backtrack into, from a lookahead, which the regex
engine of every Python leaves as found.
"""

from __future__ import annotations


def atomic(body: str, name: str) -> str:
    """A pattern that matches what body matches first, and gives none of it back: `(?>body)`.

    name: the name of the group that holds the match, unique in the pattern it goes into (a
    lookahead keeps only its first match; the backreference then steps over it)."""
    return f"(?=(?P<{name}>{body}))(?P={name})"
