"""Markdown bold in a criteria text ("**Inclusion Criteria:**", "1. **Age:** 18 to 65"), read as the words it bolds,
as the registry's page shows them."""

from __future__ import annotations

from sle_trials.patterns import lazy

# a pair of "**" (or "__") around words, opening after no word character and closing before none, as CommonMark
# reads a strong emphasis that stands at words' edges; never one within a word or a number ("10**9 and 10**6",
# read as bold by CommonMark, is a power's notation whose digits would run together: "109 and 106"), nor an
# escaped one ("\*\*", which the page shows as asterisks). Its words may wrap onto the next line, as a paragraph's
# do ("1. **Adequate organ" / "   function**"), but not over a blank line, which ends the paragraph.
_BOLD = lazy(
    r"(?<![\w\\*])(?P<mark>\*\*|__)(?=[^\s*_])(?P<words>(?:(?!(?P=mark))(?:.|\n(?![ \t]*\n)))+?)"
    r"(?<=[^\s\\*_])(?P=mark)(?![\w*])"
)


def unbolded(text: str) -> str:
    """A criteria text (or a line of one) with each pair of Markdown bold marks (_BOLD) left out, its words kept.
    Before, "1. **Age:** 18 to 65" was imported as the criterion "**Age:** 18 to 65", the marks in its words, and a
    bold item's mark ("**1.** Age") or a bold sub-heading over items was read as no list mark nor sub-heading."""
    if "**" not in text and "__" not in text:
        return text
    return _BOLD.sub(lambda m: m.group("words"), text)
