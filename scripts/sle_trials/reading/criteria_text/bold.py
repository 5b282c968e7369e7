"""Markdown bold and italics in a criteria text ("**Inclusion Criteria:**", "1. **Age:** 18 to 65", "* Patients *not*
on dialysis"), read as the words they set off, as the registry's page shows them."""

from __future__ import annotations

import re

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.headings import heading_of
from sle_trials.reading.criteria_text.marks import is_marked, list_item

# a pair of "**" (or "__") around words, opening after no word character and closing before none, as CommonMark
# reads a strong emphasis that stands at words' edges; never one within a word or a number ("10**9 and 10**6",
# read as bold by CommonMark, is a power's notation whose digits would run together: "109 and 106"), nor an
# escaped one ("\*\*", which the page shows as asterisks). Its words may wrap onto the next line, as a paragraph's
# do ("1. **Adequate organ" / "   function**"), but not over a blank line, which ends the paragraph.
_BOLD = lazy(
    r"(?<![\w\\*])(?P<mark>\*\*|__)(?=[^\s*_)\]])(?P<words>(?:(?!(?P=mark))(?:.|\n(?![ \t]*\n)))+?)"
    r"(?<=[^\s\\*_(\[])(?P=mark)(?![\w*])"
)
# a pair of "***" (or "___") around words, bold and italics at once ("* ***Active*** SLE"), at words' edges as
# _BOLD's: read first, as its words, where the bold's marks would stand beside a third
_BOTH = lazy(
    r"(?<![\w\\*_])(?P<mark>\*\*\*|___)(?=[^\s*_)\]])(?P<words>(?:(?!(?P=mark))(?:.|\n(?![ \t]*\n)))+?)"
    r"(?<=[^\s\\*_(\[])(?P=mark)(?![\w*_])"
)
# (never a mark alone in brackets, "Age (*) and SLE (*)", a footnote's, which opens or closes none: before, the
# two read as italics around ") and SLE (", "Age () and SLE ()" imported, the marks lost)
# a pair of single "*" (or "_") around words, at words' edges as _BOLD's: italics ("* Patients *not* on dialysis",
# "* _Active_ SLE"), read after the bold. A list's bullet ("* Pregnancy") is followed by a space and opens none; a
# footnote's mark or a product's star ("ANA*", "2*ULN", "10*9/L") stands after a word and opens none; a run of
# underscores ("Name: ____") opens none; a mark whose words hold the mark ("*Hb > 9\n*ANC", a glued bullet's)
# closes none.
_ITALIC = lazy(
    r"(?<![\w\\*_])(?P<mark>[*_])(?=[^\s*_)\]])(?P<words>(?:(?!(?P=mark))(?:.|\n(?![ \t]*\n)))+?)"
    r"(?<=[^\s\\*_(\[])(?P=mark)(?![\w*_])"
)


# a markdown heading's line within a text ("### Disease criteria"): the page shows it as a heading, as a line bold whole
_ATX = lazy(r"(?m)^ {0,3}#{1,6}[ \t]+(?P<words>[^\s#*_][^*_\n]{0,98}?)[ \t]*#*[ \t]*$")


def headings_in_bold(text: str) -> str:
    """A criteria text with each markdown heading's line over a list item (blank lines aside) written as a line bold
    whole ("### General" / "1. Consent" as "**General**"), which the readers know as a list's heading or a sub-heading
    of it (headings, groups). Before, "### Disease" within a list was imported as the criterion "### Disease", its
    marks in its words, and right under an item as the item's words ("1. SLE" / "### General": "SLE ### General")."""
    if "#" not in text:
        return text
    lines = text.split("\n")
    for at, line in enumerate(lines):
        m = _ATX.fullmatch(line) if line.lstrip(" ").startswith("#") else None
        below = next((x for x in lines[at + 1 :] if x.strip()), None)
        if m is not None and below is not None and (is_marked(list_item(below)) or _ATX.fullmatch(below)):
            lines[at] = f"**{m.group('words')}**"
    return "\n".join(lines)


def unbolded(text: str) -> str:
    """A criteria text (or a line of one) with each pair of Markdown bold marks (_BOLD) left out, its words kept.
    Before, "1. **Age:** 18 to 65" was imported as the criterion "**Age:** 18 to 65", the marks in its words, and a
    bold item's mark ("**1.** Age") or a bold sub-heading over items was read as no list mark nor sub-heading."""
    if "**" not in text and "__" not in text:
        return text
    if "***" in text or "___" in text:
        text = _BOTH.sub(lambda m: m.group("words"), text)
    return _BOLD.sub(lambda m: m.group("words"), text)


def unemphasised(text: str) -> str:
    """A criteria text (or a line of one) with its bold (unbolded) and then its italics (_ITALIC) read as their words.
    Before, "* Patients *not* on dialysis" was imported as the criterion "Patients *not* on dialysis", and the check,
    reading the source alike, passed it."""
    text = unbolded(text)
    if "*" not in text and "_" not in text:
        return text
    return _ITALIC.sub(lambda m: m.group("words"), text)


def italicised(text: str) -> bool:
    """Whether text holds a pair of italics marks at words' edges (_ITALIC): a record keeping them ("Patients *not*
    on dialysis") is refused, as one keeping bold is."""
    return ("*" in text or "_" in text) and _ITALIC.search(text) is not None


def unbolded_within(text: str) -> tuple[str, frozenset[str]]:
    """A criteria text with each pair of bold marks left out (unbolded) but a pair that bolds a whole line, its colon
    aside ("**Adults**", "**Inclusion Criteria:**"): a line set in bold over items is a sub-heading of the list or
    its heading (groups, headings), which the reader knows by its marks; and the bold so kept ({"**Adults**"}), whose
    words an item read from such a line shows (shown_words)."""
    if "*" not in text and "_" not in text:
        return text, frozenset()
    kept: set[str] = set()

    def read(m: re.Match[str]) -> str:
        if _whole_line(m) and not _an_item(m.group("words")):
            kept.add(m.group(0))
            return m.group(0)
        return m.group("words")

    if "***" in text or "___" in text:
        text = _BOTH.sub(read, text)
    text = _BOLD.sub(read, text) if "**" in text or "__" in text else text
    # then italics, but for a line in italics whole ("*Inclusion Criteria:*", "*Note: ...*", "*Adults*"), which is
    # read as the heading, the note or the sub-heading it is, its marks known (headings, notes, groups)
    return _ITALIC.sub(read, text), frozenset(kept)


def shown_words(text: str, kept: frozenset[str]) -> str:
    """An item's text with each bold line unbolded_within kept read as its words ("Pregnancy **or** breastfeeding"
    over three lines is "Pregnancy or breastfeeding"); never marks the source escapes ("\\*\\*Footnoted\\*\\*"),
    which no kept bold is."""
    for bold in kept:
        if bold in text:
            mark = len(bold) - len(bold.lstrip(bold[0]))  # (bold, italics, or both: "***Note***")
            text = text.replace(bold, bold[mark:-mark])
    return text


def _an_item(words: str) -> bool:
    """Whether bold words are a list item's, its mark and all ("**1. Age 18 to 65 years**"), or a list's heading
    numbered so ("**2. Exclusion Criteria:**"), not a label ending in its colon ("**A. Disease:**", a sub-heading):
    read as the item, where kept as a line of words "**2. Active SLE**" went on with the item above, two criteria
    imported as one with no remark, and "**2. Exclusion Criteria:**" was no heading, "**2." imported as an inclusion
    criterion."""
    if not is_marked(list_item(words)):
        return False
    return not words.rstrip().endswith((":", "：")) or heading_of(words) is not None


def _whole_line(m: re.Match[str]) -> bool:
    """Whether the bold (or italics) of m is all the line's words, but for its indent and a colon after it."""
    text = m.string
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return not text[start : m.start()].strip() and not text[m.end() : len(text) if end < 0 else end].strip(" \t:：")
