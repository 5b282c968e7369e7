"""Edges: where a quote stands whole in its source, neither beginning nor ending inside its words.

A quote is found in its source by its characters, then bound by the words it holds (checks/binding/). A
quote cut out of a longer word, number or term would be read as something the source does not say:
"8 Years 65 Years" occurs inside "18 Years 65 Years" and states a minimum age of 8; "lupus
nephritis" occurs inside "Severe lupus nephritis"; "Results Posted" inside "No Results Posted";
"Phase 1" inside "Phase 1/Phase 2". So each end of a quote must fall between two words of its source:

- not inside a word or a number: between two letters or digits, or at a mark that joins them into
  one ("1.5", "25,000", "10^6", "1×10^8", "mg/day", "2024-07-30", "Non-Randomized");
- not inside a term of the vocabulary (vocabulary.py) whose part in the quote reads as another
  value: "Recruiting" of "Not Yet Recruiting", "lupus nephritis" of "Severe lupus nephritis". A
  longer term of the same value cuts nothing that matters ("Single Group" of "Single Group
  Assignment").

cut() looks at a quote's occurrences in a text: one that stands whole is enough.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import criteria_text, digits, vocabulary
from sle_trials.reading.lexicon import quantities

# Marks that join the letters or digits on their two sides into one word or number, and those that
# join digits only (a comma between words ends a clause; between digits it groups thousands), as
# do the points and commas other scripts and styles write inside a number (digits.POINTS): read as
# no joiners, "Enrollment: 6" of "Enrollment: 6٬000 participants" was an enrollment of 6.
# A hyphen is one however it is written (U+2010, the figure dash, the en dash of a range "40–60", the
# minus sign), as is a range's dash or tilde between digits ("40—60", "40~60", "40〜60"): "60
# participants" of "40–60 participants" was an enrollment of 60, where "40-60" was refused as a cut.
_HYPHENS = "-\u2010\u2012\u2013\u2212\ufe63"
JOINERS = frozenset("/.^×'’_" + _HYPHENS)
DIGIT_JOINERS = frozenset(",:~\u2014\u2015\u301c\u30fc" + digits.POINTS + digits.GLUES)
# Signs that end a number they stand right after: a quote ending before one ("Enrollment: 60" of
# "Enrollment: 60% ...", "60+", "60°") reads a count the source states as a share, a floor or an
# angle. And signs that begin one right before its digits ("−60", "-60", a negative number).
_SIGNS_AFTER = frozenset("%‰‱°+")
_SIGNS_BEFORE = frozenset("+±" + _HYPHENS)
# Occurrences of a quote looked at before giving up: each costs a few regular-expression matches, and
# a one-letter quote in a 32 MiB page of that letter has millions. Past it the quote is refused as cut.
MAX_OCCURRENCES = 1000
SHOWN = 40  # characters of a cut word shown either side of the cut, at most
_WORD_CHAR = lazy(r"[A-Za-z0-9_]")  # what vocabulary renderings may not be preceded by
_RUN = lazy(r"[A-Za-z0-9_]+")  # a run of them
_PUNCTUATION_AROUND = lazy(r"^\W+|\W+$")  # "(18", "<25,000/mm3;" shown as 18, 25,000/mm3
_ENCLOSED = lazy(f"[{criteria_text.ENCLOSED}]")  # a number enclosed in one character: an item's mark


class Cut(NamedTuple):
    """What an occurrence of a quote cuts: the source's word, number or term, and at which end."""

    words: str
    end: str  # "begins" or "ends"


def occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> Iterator[int]:
    """Where needle stands in text (between lo and hi), each place, overlapping ones too; none for an
    empty needle. Its callers bound how many they take."""
    hi = len(text) if hi is None else hi
    at = text.find(needle, lo, hi) if needle else -1
    while at >= 0:
        yield at
        at = text.find(needle, at + 1, hi)


def cut(text: str, quote: str) -> Cut | None:
    """None when the quote stands whole somewhere in text (or nowhere: the caller finds it first),
    else what its first occurrence cuts."""
    return place(text, quote)[1]


def place(text: str, needle: str, lo: int = 0, hi: int | None = None) -> tuple[int, Cut | None]:
    """Where needle first stands whole in text[lo:hi], with None; where it stands only cut, its first
    place and what it cuts there; (-1, None) where it stands nowhere."""
    first: tuple[int, Cut | None] = (-1, None)
    for start in itertools.islice(occurrences(text, needle, lo, hi), MAX_OCCURRENCES):
        found = cut_at(text, start, start + len(needle))
        if found is None:
            return start, None
        first = first if first[0] >= 0 else (start, found)
    return first


def cut_at(text: str, start: int, end: int) -> Cut | None:
    """What the span text[start:end] cuts at its ends: a term first (it says more), then a word."""
    term = vocabulary.any_term()
    for edge, which in ((start, "begins"), (end, "ends")):
        # _may_cross here, not in a call of _term_across: at most ends of most quotes no term can cross
        if _may_cross(text, edge, term):
            found = _term_across(text, start, end, edge, term)
            if found is not None:
                return Cut(found, which)
    for edge, which in ((start, "begins"), (end, "ends")):
        if _inside_word(text, edge):
            return Cut(_word_around(text, edge), which)
    return None


def _joins(mark: str, left: str, right: str) -> bool:
    if mark == "." and left.isdigit() and right.isalpha():  # "3.Age": an item's number, or a sentence's end
        return False
    if mark == "." and left.isascii() and left.isalpha() and "\u3400" <= right <= "\u9fff":
        return False  # "a.抗体阳性": an item's letter before a CJK word (criteria_text.marks._ITEM)
    if mark in JOINERS:
        return left.isalnum() and right.isalnum()
    return mark in DIGIT_JOINERS and left.isdigit() and right.isdigit()


# Digits grouped in threes by spaces ("1 000", SI's thousands once normalised): one run, which states
# no number (quantities.numbers); a quote of a part of it ("000 participants", an enrollment of 0) is a cut.
_SPACED_DIGITS = lazy(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")


def _inside_word(text: str, at: int) -> bool:
    """Whether position at (between text[at - 1] and text[at]) lies inside one word or number. An
    enclosed number ("①", "⑴") stands alone, an item's mark: "①Aged" is the mark and the word."""
    if at <= 0 or at >= len(text):
        return False
    left, right = text[at - 1], text[at]
    if unicodedata.category(right)[0] == "M":
        return True  # a character split from its mark ("6" of "6̶0", a 6 struck through): one to a reader
    if unicodedata.category(left)[0] == "M":
        # the character the marks are on, beside the right one: "0" of "6̶0" is cut from one number
        # (an enclosing mark, a keycap "6⃣", encloses a number as "⑥" does: an item's mark, alone)
        base = at - 1
        while base > 0 and unicodedata.category(text[base])[0] == "M":
            if unicodedata.category(text[base]) == "Me":
                return False
            base -= 1
        left = text[base]
    if left.isalnum() and right.isalnum():
        return not (_ENCLOSED.match(left) or _ENCLOSED.match(right))
    if at + 1 < len(text) and _joins(right, left, text[at + 1]):  # "30mg|/day", "2024-07|-30"
        return True
    if at >= 2 and _joins(left, text[at - 2], right):  # "7.|0", "1×|10^8"
        return True
    if left.isdigit() and right in _SIGNS_AFTER and _is_number_end(text, at):  # "60|%"
        return True
    if right.isdigit() and left in _SIGNS_BEFORE and (at < 2 or not text[at - 2].isalnum()):  # "−|60"
        return True
    if left.isalnum() != right.isalnum() and _number_words_across(text, at):  # "sixty| five", "one |hundred"
        return True
    if " " in (left, right) and (left.isdigit() or right.isdigit()):  # "1| 000", "1 |000"
        lo = max(0, at - 40)
        return any(m.start() < at < m.end() for m in _SPACED_DIGITS.finditer(text, lo, min(len(text), at + 40)))
    return False


# (two words of a number a space parts, or a hyphen or a dash with spaces around it: "sixty - five")
_WORD_HYPHENS = "-\u2010\u2011\u2013"
_JOIN = rf"(?:[ \t]*[{_WORD_HYPHENS}][ \t]*| )"
_WORD_BEFORE = lazy(rf"[A-Za-z0-9]+{_JOIN}\Z")
_WORD_AFTER = lazy(rf"{_JOIN}?[A-Za-z0-9]+")
_JOINING = " \t" + _WORD_HYPHENS
_WORD_REACH = 20  # characters looked at either side: longer than any word of a number


def _number_words_across(text: str, at: int) -> bool:
    """Whether position at, beside the space between two words, parts two words of one number written
    in words (quantities.words_go_on: "sixty five", "one hundred"): a quote of one of them reads another."""
    if text[at - 1] == " ":  # at starts a word: the word before the space, and this one
        before = _WORD_BEFORE.search(text, max(0, at - _WORD_REACH), at)
        after = _WORD_AFTER.match(text, at)
    elif text[at] == " ":  # at ends a word: this one, and the word after the space
        before = _WORD_BEFORE.search(text, max(0, at - _WORD_REACH), at + 1)
        after = _WORD_AFTER.match(text, at)
    else:
        return False
    if before is None or after is None or (at > 0 and before.start() > 0 and text[before.start() - 1].isalnum()):
        return False
    return quantities.words_go_on(before.group().strip(_JOINING), after.group().strip(_JOINING))


def _is_number_end(text: str, at: int) -> bool:
    """Whether the run of digits (and their marks, "1.5", "25,000") ending at position at is a number
    of its own, not the end of a word ("CD4" of "CD4+" is a name, its "+" no sign of a number)."""
    lo = at - 1
    while lo > 0 and (text[lo - 1].isdigit() or text[lo - 1] in ".," and lo > 1 and text[lo - 2].isdigit()):
        lo -= 1
    return lo == 0 or not text[lo - 1].isalpha()


def _word_around(text: str, at: int) -> str:
    """The source's word or number that position at falls in, for a message ("18", "25,000/mm3")."""
    lo = text.rfind(" ", max(0, at - SHOWN), at) + 1 or max(0, at - SHOWN)
    hi = text.find(" ", at, at + SHOWN)
    return _PUNCTUATION_AROUND.sub("", text[lo : hi if hi != -1 else at + SHOWN])


def _term_across(text: str, start: int, end: int, edge: int, term: vocabulary.AnyTerm) -> str | None:
    """A rendering of the source that runs across edge (an end of the span) and whose part inside
    the span reads as another value of its vocabulary ("Recruiting" of "Not Yet Recruiting"). Asked
    only where _may_cross(text, edge, term) (cut_at): a term starts where no letter, digit or "_"
    comes before it and ends where none comes after, so a term across edge holds whole the run of
    them on either side of edge; when such a run is in no term, no term runs across (most ends of
    most quotes), and the positions need not be tried."""
    pattern, longest = term.pattern, term.longest
    lo = max(0, edge - longest) if edge == start else max(start, edge - longest)
    # where a rendering may start: after no letter, digit or "_", and, when every rendering begins with
    # a letter or digit (AnyTerm.word_first), only where a run of them begins: a few places, not each
    starts = (m.start() for m in _RUN.finditer(text, lo, edge)) if term.word_first else range(lo, edge)
    for at in starts:
        if at and _WORD_CHAR.match(text[at - 1]):
            continue
        m = pattern.match(text, at)
        if m is None or m.end() <= edge:
            continue
        for vocab in vocabulary.every():  # which vocabulary's term, and does its cut part say otherwise?
            whole = vocab.match(text, at)
            if whole is None or whole.end() <= edge:
                continue
            part = text[max(at, start) : min(whole.end(), end)]
            said = {v for _, values in vocab.find(part) for v in values}
            if said and said != vocab.values[whole.group(0)]:
                return whole.group(0)
    return None


def _may_cross(text: str, at: int, term: vocabulary.AnyTerm) -> bool:
    """Whether a rendering could run across position at (between text[at - 1] and text[at]): it
    starts where no letter, digit or "_" comes before it and ends where none comes after, so it holds
    whole each run of them beside at, and goes on past a run that at ends (or comes before a run at
    starts). A necessary condition, read in a window of the longest run and one character either
    side of at (a run that reaches an end of the window is longer than any rendering's)."""
    if at <= 0 or at >= len(text):
        return False
    lo, hi = max(0, at - term.longest_run - 1), min(len(text), at + term.longest_run + 1)
    window, k = text[lo:hi], at - lo
    # the one run that holds text[at - 1] or text[at], if any (two runs cannot meet at at): its part
    # before at and its part from at on
    before = _RUN.match(window[k - 1 :: -1]) if k else None  # read backwards from text[at - 1]
    start = k if before is None else k - before.end()
    after = _RUN.match(window, k)
    end = k if after is None else after.end()
    if start == end:
        return True  # no run beside at
    if (start == 0 and lo > 0) or (end == len(window) and hi < len(text)):
        return False
    held = term.before_more if end == k else term.after_more if start == k else term.runs
    return window[start:end] in held
