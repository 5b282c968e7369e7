"""The items of a criterion a curation note names by their marks: its sub-items by number ("by its sub-item 2", "a
sub-list numbered 1 to 3", "sub-criteria 1 and 2") and its lettered items ("abnormalities a. to e.", "(d. CD4+ T
lymphocytes ...)"). A sub-list's numbering restarts at 1 and lettered items carry no criterion number, so nothing read
which items a note named: Relma-cel's note rewritten to "by its sub-item 5" or "a sub-list numbered 1 to 4", a note
naming that sub-list under inclusion criterion 3 (which has none), and IM19's "(d. CD4+ ...)" rewritten to "(c.
CD4+ ...)" each passed (mutation hunt 207). remarks holds each to the criterion the note's sentence names."""

from __future__ import annotations

from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon.quantities import CARDINALS

# (a letter after a slash ends a unit, "≥100 mg/d.", no item's mark: Relma-cel's true "... covers only the prednisone
# ≥100 mg/d." was refused as naming an item d. opening the next sentence's word, hunt 217)
_LETTER = r"(?<![\w./])(?P<{name}>[a-h])\.(?!\w)"
# (sub-items by number: one, several joined, or a range)
_SUB_ITEMS = lazy(
    r"(?i)(?<![\w-])sub-?(?:items?|criteri(?:on|a)|lists?)(?:[ \t]+numbered)?[ \t]+(?:(?:no|nos|#)\.?[ \t]*)?"
    r"(?P<first>\d{1,2})(?:[ \t]*(?P<join>to|through|-|\u2013|and|&|or|,)[ \t]*(?P<last>\d{1,2}))?(?![\w.,]\d)"
)
# (lettered items: a range of them, "a. to e.", or one with the words it opens, "d. CD4+ T lymphocytes")
_LETTERED = lazy(
    _LETTER.format(name="first") + r"[ \t]+(?:(?:to|through|-|\u2013)[ \t]+" + _LETTER.format(name="last") + ")?"
)
_WORD = lazy(r"[^\s.,;:()]+")
# (a lettered mark the note names as an item, "item e.", "items b. and d.": a word in lower case after it is the
# note's own, "Exclusion criterion 11's item e. sets platelets below 25,000/mm³" was refused as naming an item
# opening "sets", hunt 216; the facts of its words are still the item's)
_AN_ITEM = lazy(r"(?i)\bitems?[ \t]+(?:[a-h]\.[ \t]*(?:,|and|or|&)?[ \t]*)*\Z")


class ItemNamed(NamedTuple):
    """An item a note names: a sub-item by number (number) or a lettered item (letter), and, for a lettered one,
    the first word the note gives after its mark (opens), or None, and the words it gives the item (says: to the
    bracket, the clause or the sentence that ends them, or the next lettered mark; "" where none)."""

    number: int | None
    letter: str | None
    opens: str | None
    says: str = ""


def items_named(text: str) -> list[ItemNamed]:
    """The sub-items and lettered items text names by their marks, each of a range one by one."""
    out: list[ItemNamed] = []
    for m in _SUB_ITEMS.finditer(text):
        first = int(m.group("first"))
        last = int(m.group("last")) if m.group("last") else first
        ranged = m.group("join") in ("to", "through", "-", "\u2013")
        numbers = range(first, last + 1) if ranged and 0 <= last - first <= 20 else {first, last}
        out += [ItemNamed(n, None, None) for n in numbers]
    for m in _LETTERED.finditer(text):
        letter, until = m.group("first"), m.group("last")
        if until is not None:
            out += [ItemNamed(None, chr(c), None) for c in range(ord(letter), ord(until) + 1)]
            continue
        word = _WORD.match(text, m.end())
        end = _SAYS_END.search(text, m.end())
        says = text[m.end() : end.start() if end else len(text)]
        if word is not None and word.group().islower() and _AN_ITEM.search(text, 0, m.start()):
            word = None  # (the note's own words after "item e.": no opening of the item's it quotes)
        out.append(ItemNamed(None, letter, word.group().lower() if word else None, says))
    # (a letter after "item" needs no stop: a sentence's last, "as does item f.", reaches the reader without it)
    for m in _ITEM_LETTER.finditer(text):
        if not any(named.letter == m.group("letter") for named in out):
            out.append(ItemNamed(None, m.group("letter"), None))
    return out


# a lettered item named by the word "item" ("as does item f", hunt 216: IM19's note naming an item f. its criterion 11
# lacks passed, the sentence's stop taken off before its items were read)
# (the letter ends its clause: "an item a criterion lists" names none)
_ITEM_LETTER = lazy(r"(?i)\bitems?[ \t]+\(?(?P<letter>[a-h])\)?(?=[.,;:)]|[ \t]*\Z)")


# (where the words a note gives a lettered item end: its bracket, its clause or sentence, the next item's mark)
_SAYS_END = lazy(r"[)\];]|[.!?](?=\s|\Z)|" + _LETTER.format(name="next"))


def lettered_texts(text: str) -> dict[str, str]:
    """The lettered items a criterion's text lists, each letter with its words: from its mark to the next item's
    mark, or the text's end."""
    marks = [m for m in _LETTERED.finditer(text) if m.group("last") is None]
    out: dict[str, str] = {}
    ends = [m.start() for m in marks[1:]] + [len(text)]
    for m, end in zip(marks, ends, strict=False):
        out.setdefault(m.group("first"), text[m.end() : end])
    return out


def lettered_items(text: str) -> dict[str, str | None]:
    """The lettered items a criterion's text lists ("a. Hemoglobin <7.0 g/dL b. ..."): each letter and the first
    word after its mark (lower case)."""
    out: dict[str, str | None] = {}
    for m in _LETTERED.finditer(text):
        if m.group("last") is None:
            word = _WORD.match(text, m.end())
            out.setdefault(m.group("first"), word.group().lower() if word else None)
    return out


# A range a note gives as a whole list of a criterion's items: "a sub-list numbered 1 to 3", "also lists
# hematological abnormalities a. to e." (IM19's "a. to e." rewritten to "a. to d.", Relma-cel's "numbered 1 to 3" to
# "1 to 2", passed, mutation hunt 211: each item named is one the criterion lists, and the list's end was read by
# nothing). Not a range named otherwise ("items a. to c. are laboratory limits"), which may be some of them.
_WHOLE_RANGE = lazy(
    r"(?i)(?:\bnumbered[ \t]+(?P<first>\d{1,2})[ \t]*(?:to|through|-|\u2013)[ \t]*(?P<last>\d{1,2})(?![\w.,]\d)"
    r"|\b(?:lists?|listing|gives?|has|holds?)[ \t]+(?:[a-z-]+[ \t]+){0,3}?"
    + _LETTER.format(name="from")
    + r"[ \t]+(?:to|through|-|\u2013)[ \t]+"
    + _LETTER.format(name="to")
    + r")"
)


def whole_ranges(text: str) -> list[tuple[str, str]]:
    """The last mark of each range text gives as a whole list of items (_WHOLE_RANGE), and its first: ("3", "1") of
    "numbered 1 to 3", ("e", "a") of "lists abnormalities a. to e."."""
    return [
        (m.group("last"), m.group("first")) if m.group("last") else (m.group("to"), m.group("from"))
        for m in _WHOLE_RANGE.finditer(text)
    ]


# the first or the last of a lettered range a note names by its words: "abnormalities a. to e., the first of them
# platelets" passed of IM19's criterion 11, whose a. is hemoglobin and e. platelets (hunt 219's leftover)
_END_NAMED = lazy(
    _LETTER.format(name="from")
    + r"[ \t]+(?:to|through|-|\u2013)[ \t]+"
    + _LETTER.format(name="to")
    + r"[^.;:()]*?\bthe[ \t]+(?P<which>first|last)(?:[ \t]+(?:of[ \t]+them|one|item))?[ \t]*,?[ \t]*"
    r"(?:(?:is|being|sets?|limits?|names?)[ \t]+)?(?P<word>[A-Za-z][\w+-]*)"
)


def ends_named(text: str) -> list[tuple[str, str]]:
    """The first or last item of each lettered range text names by its words: its letter and the first word given,
    ("a", "platelets") of "a. to e., the first of them platelets"."""
    return [
        (m.group("from") if m.group("which").lower() == "first" else m.group("to"), m.group("word"))
        for m in _END_NAMED.finditer(text)
    ]


# A count of a criterion's unnumbered items a note gives: "followed in the source by two unnumbered paragraphs"
# (Relma-cel's, rewritten to "three" in hunt 212, passed: only a sub-list's numbers were read)
_ITEMS_COUNT = (
    r"(?i)\b(?P<count>"
    + "|".join(sorted((word for word, value in CARDINALS.items() if value <= 12), key=len, reverse=True))
    + r"|\d{1,2})[ \t]+"
)
_ITEMS = r"[ \t]+(?:paragraphs?|items?|sub-?items?|passages?|lines?|sub-?criteria|criteri(?:on|a))\b"
_UNNUMBERED = lazy(_ITEMS_COUNT + "unnumbered" + _ITEMS)


def unnumbered_counted(text: str) -> list[int]:
    """Each count text gives of a criterion's unnumbered items ("two unnumbered paragraphs": 2)."""
    return [
        int(word) if word.isdigit() else CARDINALS[word.lower()]
        for word in (m.group("count") for m in _UNNUMBERED.finditer(text))
    ]


# ... and of its sub-lists: "a sub-list numbered 1 to 3" (Relma-cel's, made "two sub-lists" in hunt 218, passed)
_SUBLISTS = lazy(_ITEMS_COUNT.replace("(?P<count>", "(?P<count>an?|") + r"(?:numbered[ \t]+)?sub-?lists?\b")


def sublists_counted(text: str) -> list[int]:
    """Each count text gives of a criterion's sub-lists ("a sub-list numbered 1 to 3": 1)."""
    words = (m.group("count").lower() for m in _SUBLISTS.finditer(text))
    return [1 if word in ("a", "an") else int(word) if word.isdigit() else CARDINALS[word] for word in words]


# ... and of its numbered ones ("followed by two numbered paragraphs": hunt 214 dropped the "un" of Relma-cel's note,
# and it passed), "unnumbered" aside
_NUMBERED = lazy(_ITEMS_COUNT + "numbered" + _ITEMS)


def numbered_counted(text: str) -> list[int]:
    """Each count text gives of a criterion's numbered items ("three numbered sub-items": 3)."""
    return [
        int(word) if word.isdigit() else CARDINALS[word.lower()]
        for word in (m.group("count") for m in _NUMBERED.finditer(text))
    ]


# A count a note gives of the items of a range it names: "lists five hematological abnormalities a. to e." (IM19's note,
# given "four" in hunt 216, passed: the range was held to the criterion's items, the count before it to nothing)
# (not a criterion's number: IM19's true "Exclusion criterion 11 lists hematological abnormalities a. to e." was
# refused as counting eleven of them, hunt 225)
_RANGE_COUNTED = lazy(
    r"(?i)(?<!criterion\s)(?<!criteria\s)(?<!item\s)(?<!number\s)"
    + _ITEMS_COUNT.removeprefix("(?i)")
    + r"(?:[A-Za-z][\w-]*[ \t]+){0,3}?\(?(?P<first>[a-z])[.)]\)?[ \t]+(?:to|through|-|\u2013)[ \t]+"
    r"\(?(?P<last>[a-z])[.)]"
)


def ranges_counted(text: str) -> list[tuple[int, int]]:
    """Each count text gives of a lettered range's items, with the range's size: (4, 5) of "four abnormalities a. to
    e."."""
    return [
        (
            int(m.group("count")) if m.group("count").isdigit() else CARDINALS[m.group("count").lower()],
            ord(m.group("last")) - ord(m.group("first")) + 1,
        )
        for m in _RANGE_COUNTED.finditer(text)
    ]
