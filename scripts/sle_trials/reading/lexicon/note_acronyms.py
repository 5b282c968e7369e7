"""Acronyms a curation note defines beside their words: "a history of MI (myocardial infarction)", "the three PIs
(Principal Investigators)", "myocardial infarction (MI)", "chronic HBV (hepatitis B virus) infection". A note's
acronym of two letters was refused (E501) where its source spells the words out and never writes the letters (hunt
212's leftover): nearly every pair of letters is the initials of two words in a row on a page, so an acronym alone
is looked for as written. Defined beside its words, the acronym's letters are their initials and its words are a
source's to find (remark_names), and the note says which words it stands for.

The words may leave out one member of a pair the source writes ("hepatitis B virus" of "hepatitis B or C virus"):
see expansion_pattern."""

from __future__ import annotations

import re
from typing import NamedTuple

from sle_trials.patterns import lazy

# small words that may stand between an acronym's words without a letter of their own ("upper limit of normal")
_SMALL = frozenset({"of", "and", "the", "for", "in", "on", "to"})
# (capitals, or capitals with a small letter between: "IgA (immunoglobulin A)" was read by nothing, hunt 222; its
# letters are its capitals, the small ones being of its first word)
_ACRONYM = r"(?P<acronym>[A-Z]{2,6}|[A-Z](?:[a-z]?[A-Z]){1,4})(?P<plural>s)?"
# "MI (myocardial infarction)": the letters, then their words in a bracket
_DEFINED_AFTER = lazy(rf"(?<![\w-]){_ACRONYM}[ \t]*\((?P<words>[A-Za-z][A-Za-z \t'-]{{1,80}}?)\)")
# "myocardial infarction (MI)": the words before the bracket, as many as its letters (read back from it)
_DEFINED_BEFORE = lazy(rf"\((?:i\.e\.[ \t]+)?{_ACRONYM}\)")
_WORD = lazy(r"[A-Za-z][A-Za-z'-]*")


class Defined(NamedTuple):
    """An acronym a note defines: where its letters are, and the words they stand for."""

    start: int
    end: int
    words: tuple[str, ...]


def defined(text: str) -> list[Defined]:
    """The acronyms text defines beside their words, the letters being the initials of the words but small ones."""
    out = []
    for m in _DEFINED_AFTER.finditer(text):
        words = tuple(_WORD.findall(m.group("words")))
        if _initials(words) == _letters(m.group("acronym")):
            out.append(Defined(m.start("acronym"), m.end("plural") if m.group("plural") else m.end("acronym"), words))
    for m in _DEFINED_BEFORE.finditer(text):
        letters = _letters(m.group("acronym"))
        before = _WORD.findall(re.split(r"[.;:,()\[\]\"]", text[max(0, m.start() - 120) : m.start()])[-1])
        words = _last_words(before, len(letters))
        if words and _initials(words) == letters:
            out.append(Defined(m.start("acronym"), m.end("plural") if m.group("plural") else m.end("acronym"), words))
    return out


def glossed(text: str) -> list[Defined]:
    """The acronyms text glosses beside words that open with the acronym's first letter, the letters not being the
    words' initials (defined() reads those): "ALT (alanine transaminase)", "aspartate transferase (AST)". Where a
    source defines the letters in words of its own ("alanine aminotransferase (ALT)"), the note's are the words it
    says the letters stand for, its initials aside (remark_names holds them to a source's)."""
    out = []
    for m in _DEFINED_AFTER.finditer(text):
        words = tuple(_WORD.findall(m.group("words")))
        if (shared := _shared(text, m)) is not None:
            out += shared
            continue
        if _opens_with(words, m.group("acronym")) and _initials(words) != _letters(m.group("acronym")):
            out.append(Defined(m.start("acronym"), m.end("plural") if m.group("plural") else m.end("acronym"), words))
    for m in _DEFINED_BEFORE.finditer(text):
        letters = m.group("acronym")
        before = _WORD.findall(re.split(r"[.;:,()\[\]\"]", text[max(0, m.start() - 120) : m.start()])[-1])
        # (back to the nearest word opening with the first letter, as many words as its letters and one more at most)
        opening = [
            k for k in range(len(before)) if len(before) - k <= len(letters) + 1 and _opens_with(before[k:], letters)
        ]
        words = tuple(before[opening[-1] :]) if opening else ()
        if words and _initials(words) != _letters(letters):
            out.append(Defined(m.start("acronym"), m.end("plural") if m.group("plural") else m.end("acronym"), words))
    return out


# two acronyms before one gloss of them both, its words of their own first and the words they share after: "ALT and AST
# (alanine and aspartate aminotransferase)" was read as AST's gloss alone, refused (hunt 217, honest)
_PAIR_BEFORE = lazy(r"(?<![\w-])(?P<acronym>[A-Z]{2,6})[ \t]+(?:and|or)[ \t]+\Z")
_SHARED_GLOSS = lazy(r"(?P<a>[A-Za-z'-]+)[ \t]+(?:and|or)[ \t]+(?P<b>[A-Za-z'-]+)(?P<head>(?:[ \t]+[A-Za-z'-]+)+)")


def _shared(text: str, m: re.Match[str]) -> list[Defined] | None:
    """Each of two acronyms a gloss after the second spells out in words of its own and words they share ("ALT and
    AST (alanine and aspartate aminotransferase)": "alanine aminotransferase", "aspartate aminotransferase"), each
    glossed where its letters are not those words' initials; None where the gloss is of one acronym."""
    pair = _PAIR_BEFORE.search(text, 0, m.start())
    gloss = _SHARED_GLOSS.fullmatch(m.group("words").strip())
    if pair is None or gloss is None or m.group("plural"):
        return None
    head = tuple(_WORD.findall(gloss.group("head")))
    each = ((pair, "acronym", gloss.group("a")), (m, "acronym", gloss.group("b")))
    return [
        Defined(at.start(group), at.end(group), (own, *head))
        for at, group, own in each
        if _initials((own, *head)) != _letters(at.group(group))
    ]


def _opens_with(words: tuple[str, ...] | list[str], letters: str) -> bool:
    """Whether words open with a word of three letters or more whose first is the acronym's, and hold no more words
    than its letters and two (an acronym's gloss, not a clause)."""
    return (
        bool(words)
        and len(words[0]) >= 3
        and words[0][0].casefold() == letters[0].casefold()
        and len(words) <= len(letters) + 2
    )


def _letters(acronym: str) -> str:
    """The letters of an acronym that are its words' initials, in one case: its capitals ("IgA": "ia")."""
    return "".join(c for c in acronym if c.isupper()).casefold()


def _initials(words: tuple[str, ...]) -> str:
    """The first letters of words but small ones between them (none at either end)."""
    if not words or words[0].casefold() in _SMALL or words[-1].casefold() in _SMALL:
        return ""
    return "".join(w[0] for w in words if w.casefold() not in _SMALL).casefold()


def _last_words(words: list[str], letters: int) -> tuple[str, ...]:
    """The last words of a run that hold letters words other than small ones (empty where it holds fewer)."""
    for k in range(len(words) - 1, -1, -1):
        if sum(1 for w in words[k:] if w.casefold() not in _SMALL) == letters:
            return tuple(words[k:])
    return ()


# between two words of a definition, as a source may write them: anything but letters and digits, or one member of
# a pair the note leaves out ("hepatitis B or C virus" for "hepatitis B virus", or "... C virus")
_BETWEEN = r"[\W_]+(?:[^\W_]{1,12}[\W_]+(?:or|and)[\W_]+|(?:or|and)[\W_]+[^\W_]{1,12}[\W_]+)?"


def expansion_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words of a definition as a source may write them, in any case (to search casefolded text): each whole,
    the last in the singular or the plural ("Principal Investigators" of "Principal Investigator")."""
    parts = [re.escape(w.casefold()) for w in words]
    parts[-1] = parts[-1].removesuffix("s") + "s?" if len(words[-1]) > 3 else parts[-1]
    return re.compile(r"(?<![^\W_])" + _BETWEEN.join(parts) + r"(?![^\W_])")
