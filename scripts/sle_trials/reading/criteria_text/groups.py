"""The groups of a list: a sub-heading within it ("For adolescent participants:", subheading_of), a template's labels
of categories between numbered criteria (category_labels), and the group a top-level criterion is listed under
(grouped)."""

from __future__ import annotations

import re

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.headings import PART_LABEL, STAGE_LABEL
from sle_trials.reading.criteria_text.lines import (
    GROUP,
    RUNS_ON,
    indent_of,
    next_item,
    said_after,
    unmarked_at_margin,
)
from sle_trials.reading.criteria_text.marks import is_marked, item_number, lettering_style, list_item, mark_kind
from sle_trials.reading.criteria_text.notes import NOTE
from sle_trials.reading.criteria_text.numbering import Numbering

# a sub-heading within a list ("For adolescent participants:", "**Part B**"): on its own line after a
# blank one (not a wrapped line of the item above), ending in a colon (a CJK text's full-width one too, as a heading's
# may: "For adolescents：" was read as a criterion, the adolescents' criteria each required of all) or wholly bold,
# items after it ("NOTE: for adolescents only:" too)
_SUBHEADING = lazy(
    r"^(?:(?:\*\*|__)(?P<bold>[^*_:：][^*_]{0,98}?)[:：]?(?:\*\*|__)[:：]?"
    r"|(?P<plain>(?:(?i:note|nb)\s*[:：]\s*)?[^*•·+\-\s][^:：]{0,98}?)\s*[:：])\s*$"
)


# a sub-heading saying whom the items under it are for: "For adolescents:", "For participants aged 12 to 17 years:"
FOR_WHOM = lazy(
    r"(?i)(?:\*\*|__)?for\s+(?:\w+\s+){0,3}?(?:adults?|adolescents?|child(?:ren)?|p(?:a)?ediatric|"
    r"participants?|patients?|subjects?|women|men|males?|females?)\b"
)


# a short label of a group, ending in its colon ("Disease-specific:", "Renal function:", "Other:"): three words at most,
# capitalised, as the sub-heading above it is written ("General:")
# (or bold whole, with no colon, "**General**", as a markdown heading's line is read: bold.headings_in_bold)
SHORT_LABEL = lazy(
    r"^(?:(?:\*\*|__)?[A-Z][^\s:：*_]*(?:[ \t]+[^\s:：*_]+){0,2}[ \t]*[:：](?:\*\*|__)?"
    r"|(?:\*\*|__)[A-Z][^\s:：*_]*(?:[ \t]+[^\s:：*_]+){0,2}(?:\*\*|__))$"
)


def subheading_of(lines: list[str], at: int, after_gap: bool, margin: int = 0) -> str | None:
    """The sub-heading the line at index at is, if it is one: on its own line after a blank one (or
    first), ending in a colon or wholly bold or naming a part of the study alone (PART_LABEL), not indented, and
    followed by a list item. A line marked
    as an item (numbered, lettered, bulleted) is an item of the list, never a sub-heading: "3. Positive
    for one of the following:" or "c. Adequate organ function, defined as:" with blank lines around it
    is a criterion, the items below it its sub-criteria. Read as a sub-heading, the lettered one was
    lost as a criterion, and every criterion after it (its sibling "d. Willing to use contraception.")
    was listed under it as its group."""
    line = unmarked_at_margin(lines, at, margin) if after_gap else None
    if line is None:
        return None
    m = _SUBHEADING.match(line)
    said = (m.group("bold") or m.group("plain")) if m else line.strip().strip("*_").strip()
    # ... or a line naming a part of the study alone ("Part A" / "1. Age 18-65" / "Part B" / "1. Age 12-17", with no
    # colon or bold): before, "Part A" was a criterion and the items under "Part B", numbered again, its parts
    staged = STAGE_LABEL.fullmatch(said) is not None
    if staged:
        # ("Step 1: Screening" / "1. Age": over items at its indent or less, as marks.coded_marks reads it)
        below = next_item(lines, at + 1)
        return " ".join(said.split()).rstrip(":：").strip() if below and indent_of(below.string) <= margin else None
    if not m and not (said[:1].isupper() and PART_LABEL.fullmatch(said)):
        return None
    if next_item(lines, at + 1) is None and not _over_subheadings(lines, at, margin):
        return None
    return " ".join(said.split()).rstrip(":：").strip() or None


def _over_subheadings(lines: list[str], at: int, margin: int) -> bool:
    """Whether the next line with words after the line at index at is a sub-heading itself (subheading_of), as the
    old NCI layout heads its sub-headings ("PATIENT CHARACTERISTICS:" / "Age:" / "* 18 and over" / "Performance
    status:" / ...): the line heads no criterion of its own. Before, "PATIENT CHARACTERISTICS:" was imported as a
    criterion of the group above it, with no remark."""
    k = said_after(lines, at + 1)
    return k is not None and k > at + 1 and subheading_of(lines, k, True, margin) is not None


def category_labels(lines: list[str], margin: int, numbering: Numbering) -> dict[int, str]:
    """{index: label} of the lines of a section that label categories of its numbered criteria: each after a blank
    line (or first), unmarked, unindented, of eight words at most, capitalised, ending in no stop, colon or word
    left unfinished, the next line with words a numbered item going on with the list's numbering (its next number,
    or 1 first); where one such line at least stands before a number past 1 (a numbering that goes on across
    labels: else "Adults" / "1. ..." / "Adolescents" / "1. ..." read as before, a numbering started again)."""
    found: dict[int, tuple[str, int]] = {}
    for at, line in enumerate(lines):
        label = text = unescaped(line).strip().strip("*_").strip()
        marked = list_item(line[margin:])
        lettered = marked is not None and _lettered(marked)
        if (at and lines[at - 1].strip() and not lettered) or line.startswith(GROUP):
            continue
        if indent_of(line) > margin or not text:
            continue
        if marked is not None and lettered:
            text = marked.group("text").strip().strip("*_").strip()
        elif is_marked(marked):
            continue
        if len(text) > 80 or len(text.split()) > 8 or text[-1] in ".;:,!?：；。" or not text[0].isupper():
            continue
        if RUNS_ON.search(text) or NOTE.match(text):
            continue
        item = next_item(lines, at + 1)
        number = item_number(item) if item is not None else None
        if item is None or number is None or len(item.group("indent")) > margin:
            continue
        before = [n for j, n in numbering.ordered.get(len(item.group("indent")), []) if j < at]
        if number == (before[-1] + 1 if before else 1):
            found[at] = (" ".join(label.split()), number)
    letters = sorted(at for at in found if is_marked(list_item(lines[at][margin:])))
    if letters and found[letters[0]][1] != 1:
        # (lettered labels open the list, "A." before its first number: "2. Labs" / "A. Hb" / "B. ANC" / "3. Consent"
        # letters the parts of item 2, "B. ANC" no label of "3.")
        found = {at: said for at, said in found.items() if at not in letters}
    return {at: text for at, (text, _) in found.items()} if any(n > 1 for _, n in found.values()) else {}


def _lettered(m: re.Match) -> bool:
    """Whether a line (m, its list_item) is marked with a capital letter ("A. General", "B) Disease"), as a template
    letters the categories of its numbered criteria: such a line labels a category as an unmarked one does
    (category_labels), where the numbering goes on across the labels, with or without a blank line above it. Before,
    "A. General" was a criterion, and "B. Disease" a sub-criterion of the numbered item above it (whose numbering goes
    on after it), each category's criteria the list's."""
    return is_marked(m) and mark_kind(m) == "letter" and lettering_style(m) in ("A.", "A)")


def grouped(item: dict, group: str | None) -> dict:
    """A top-level criterion with the sub-heading it is listed under (the record's key order)."""
    if group is None:
        return item
    out = {"number": item["number"]} if "number" in item else {}
    out["group"] = group
    out.update((k, v) for k, v in item.items() if k != "number")
    return out
