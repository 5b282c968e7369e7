"""Where items of a list nest under the item above them though written at its indent: a run of items bulleted as the
item ending in a colon above them (block_under, TightRuns), or bulleted otherwise (bulleted_alike), and the kinds
of mark that nest under another (MARKED_UNDER: letters under a number, roman numerals under a letter, ...)."""

from __future__ import annotations

import re
from typing import Any

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text.lines import CONJUNCTION, GROUP, next_item
from sle_trials.reading.criteria_text.marks import is_marked, list_item, mark_kind, mark_letters


def _bullet(m: re.Match | None) -> tuple[str, str] | None:
    """The bullet an item is marked with and its indent, None for a line with no bullet (numbered, lettered, none)."""
    if m is None or not is_marked(m) or mark_kind(m) != "bullet":
        return None
    return m.group("bullet"), m.group("indent")


def _under_a_colon(lines: list[str], at: int) -> tuple[str, str] | None:
    """The bullet (and its indent) of the line at index at, where the line above it ends in a colon: the
    first of a run that may be its sub-criteria; None where either is not so."""
    if not at or not lines[at - 1].rstrip().endswith((":", "：")):
        return None
    return _bullet(list_item(lines[at]))


def block_under(lines: list[str], at: int) -> bool:
    """Whether the bulleted line at index at, right under a bulleted item ending in a colon, starts a run of
    items bulleted with the same mark at the same indent, the item and the run set apart by blank lines (or
    the list's start, above the item) from the items around them, the list going on after the run ("* Adequate
    organ function:" / "* Hemoglobin ≥ 8 g/dL" / "* Platelets ≥ 50,000/mm3" / "" / "* Signed consent"): the run
    the item's sub-criteria. Before, they were read as criteria of their own, each required, though the item
    above them says they are its parts ("one of:"). A run with no blank line after it says nothing of where it
    ends (a tight list, or one whose last item ends in a colon): read as it is written, items of the list, but
    where the items' punctuation or case shows it (TightRuns)."""
    mark = _under_a_colon(lines, at)
    if mark is None:
        return False
    above = at - 1
    while above >= 0 and lines[above].strip() and not is_marked(list_item(lines[above])):
        above -= 1  # (the item's wrapped lines)
    if above < 0 or _bullet(list_item(lines[above])) != mark:
        return False
    if above and lines[above - 1].strip() and not lines[above - 1].startswith(GROUP):
        return False  # the item is not set apart from the one above it
    end = at
    while end < len(lines) and lines[end].strip():
        if is_marked(x := list_item(lines[end])) and _bullet(x) != mark:
            return False
        end += 1
    following = next_item(lines, end)
    return following is not None and len(following.group("indent")) <= len(mark[1])


# the bullets a word processor's outline marks its levels with, each level's: "•" the first, "◦" or "o" the second
# (an unindented "o" as marks.shared_marks writes it, "\uf8f0"), "▪" the third, as a list pasted with its indents lost
# still shows them
_OUTLINE_LEVEL = {"•": 1, "●": 1, "◦": 2, "○": 2, "o": 2, "\uf8f0": 2, "▪": 3, "■": 3}


def outline_level_under(above: str | None, bullet: str | None) -> bool:
    """Whether bullet marks the outline level right under the one above's ("◦" under "•", "▪" under "◦"). Before,
    "• SLE" / "◦ ANA positive" / "◦ anti-dsDNA" / "• Consent", its indents lost, read the parts of "SLE" as criteria
    of their own, each required."""
    level, over = _OUTLINE_LEVEL.get(bullet or ""), _OUTLINE_LEVEL.get(above or "")
    return level is not None and over is not None and level == over + 1


def bulleted_alike(lines: list[str], at: int) -> bool:
    """Whether the bulleted line at index at starts a run of two items or more bulleted with its bullet at its indent,
    up to an item bulleted otherwise there (or no more deeply) or a group of the list: a list of its own within the
    list ("* Organ function:" / "- Hb ≥ 9" / "- ANC ≥ 1.5" / "* Consent"), where one item bulleted otherwise may be
    a slip of the list's own bullet ("* Organ function:" / "- hb ≥ 8" / "* Consent", read as written)."""
    m = list_item(lines[at])
    if m is None or _bullet(m) is None:
        return False
    bullet, indent = m.group("bullet").strip()[:1], len(m.group("indent"))
    alike = 0
    for k in range(at, len(lines)):
        if lines[k].startswith(GROUP):
            break
        x = list_item(lines[k])
        if not is_marked(x) or x is None or len(x.group("indent")) > indent:
            continue  # (a wrapped line, a blank one, an item nested deeper)
        if len(x.group("indent")) < indent or _bullet(x) is None or x.group("bullet").strip()[:1] != bullet:
            break
        alike += 1
        if alike == 2:
            return True
    return False


# the end of an item that goes on in the next one, as a run of a sentence's parts does ("Hb ≥ 8 g/dL;", "ANA
# positive, or", "Platelets ≥ 50; and")
_PART_OF_A_SENTENCE = lazy(r"(?i)(?:[;,]|[;,]?\s+(?:or|and))\s*$")


class TightRuns:
    """Where each tight run of one section's lines ends (end), each tight block of the list read once, when first
    asked of. Read again for each of its items, a block of n items ending in colons took time in n² ("* Item 1
    holds:" / "* Item 2 holds:" ...: 4,000 of them 31 s of CPU, so a source holding such a list held an import, and
    a pull request's check, for minutes)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.starts: list[int] = []  # each line's index -> the first line of the tight block above it (end)
        self.ends: list[int] = []  # ... -> the last line of its block of lines with words
        self.blocks: dict[tuple[int, int], _TightBlock] = {}

    def end(self, at: int) -> int | None:
        """In a list with no blank line to set it apart, the index of the last line of the run of items bulleted as
        the item ending in a colon right above them (at: the run's first), where the list's layout shows where the
        run ends: its items end as a sentence's parts do (";", ", or") and its last one in a stop ("* Adequate organ
        function:" / "* Hb ≥ 8 g/dL;" / "* Platelets ≥ 50/mm3." / "* Signed consent"), or they open in lower case
        ("* Organ function, defined as:" / "* hemoglobin ≥ 8 g/dL" / "* platelets ≥ 50" / "* Signed consent"), and
        the list's other items, one at least, neither go on nor open in lower case. None where it does not: a tight
        run says nothing else of where it ends (the list's own items may follow the colon). Before, every such run
        was read as criteria of their own, each required."""
        mark = _under_a_colon(self.lines, at)
        if mark is None:
            return None
        if not self.starts:
            self.starts, self.ends = _tight_blocks(self.lines)
        # the tight block of the list around the run: from the line above it up to a blank line or a group's line,
        # and down to a blank line
        where = (self.starts[at - 1], self.ends[at])
        if where not in self.blocks:
            self.blocks[where] = _TightBlock(self.lines, *where)
        block = self.blocks[where]
        if block.bullets != {mark}:
            return None  # (another mark in the block: its layout is another's)
        first = block.index.get(at)
        if first is None or first == 0 or not block.texts[first - 1].endswith((":", "：")):
            return None
        end = block.run_by_parts(first) or block.run_in_lower_case(first)
        if end is None:
            return None
        others = len(block.texts) - end - 1  # the items but the one leading in and the run
        if not others or block.going_on[first - 1] + block.going_on[-1] - block.going_on[first + end]:
            return None  # (the list's own items end or open so: no run's end shown)
        return block.last_lines[first + end - 1]


def _tight_blocks(lines: list[str]) -> tuple[list[int], list[int]]:
    """For each line's index, the first line of the lines with words down to it, from a blank line or a group's line
    (the line itself if the one above is such), and the last line of the lines with words from it."""
    starts, ends = [0] * len(lines), list(range(len(lines)))
    for k in range(1, len(lines)):
        above = lines[k - 1]
        starts[k] = starts[k - 1] if above.strip() and not above.startswith(GROUP) else k
    for k in range(len(lines) - 2, -1, -1):
        if lines[k + 1].strip():
            ends[k] = ends[k + 1]
    return starts, ends


class _TightBlock:
    """The items of a tight block of a list (its lines lo to hi), as TightRuns.end reads them: each one's first and
    last line and its text (its wrapped lines joined), the bullets they are marked with, and from each item how many
    in a row go on as a sentence's parts do or open in lower case."""

    def __init__(self, lines: list[str], lo: int, hi: int) -> None:
        self.index: dict[int, int] = {}  # an item's first line -> its place among the items
        self.last_lines: list[int] = []
        self.texts: list[str] = []
        self.bullets: set[tuple[str, str] | None] = set()
        for k in range(lo, hi + 1):
            m = list_item(lines[k])
            if is_marked(m):
                assert m is not None
                self.bullets.add(_bullet(m))
                self.index[k] = len(self.texts)
                self.last_lines.append(k)
                self.texts.append(m.group("text").strip())
            elif self.texts:
                self.last_lines[-1], self.texts[-1] = k, f"{self.texts[-1]} {lines[k].strip()}"
        parts = [bool(_PART_OF_A_SENTENCE.search(text)) for text in self.texts]
        lower = [text[:1].islower() for text in self.texts]
        self.parts, self.lower = _in_a_row(parts), _in_a_row(lower)
        # how many items before each place go on or open in lower case: of the list's own, those show no run's end
        self.going_on = [0]
        for part, low in zip(parts, lower):
            self.going_on.append(self.going_on[-1] + (part or low))

    def run_by_parts(self, first: int) -> int | None:
        """How many items from the one at first make a sentence's parts: each but the last going on
        (_PART_OF_A_SENTENCE), the last ending in a stop; None if they do not."""
        n = self.parts[first]
        if first + n == len(self.texts):
            return None
        return n + 1 if n and self.texts[first + n].endswith(".") else None

    def run_in_lower_case(self, first: int) -> int | None:
        """How many items from the one at first open in lower case, the first at least; None if it does not."""
        return self.lower[first] or None


def _in_a_row(flags: list[bool]) -> list[int]:
    """For each place, how many flags in a row from it are set."""
    out = [0] * (len(flags) + 1)
    for n in range(len(flags) - 1, -1, -1):
        out[n] = out[n + 1] + 1 if flags[n] else 0
    return out[:-1]


# the most items of a spaced run read to find its end: a list of many items each leading into the next, set apart,
# was read whole from each of them (4,000 such items cost 20 s, where 0.3 s before spaced_run)
_SPACED_MOST = 30


def spaced_run(lines: list[str], at: int) -> tuple[int, str, tuple[int, ...]] | None:
    """Where a run of items set apart each by blank lines, marked alike at one indent (at: the first's index), ends
    under an item or a paragraph leading into it: (the index of its last line, how it is read). "shown" where its
    items end as a sentence's parts do but the last ("SLEDAI ≥ 6; or" / "" / "BILAG A" / "" / "Consent": two), or open
    in lower case, and the items after them do not; else "two" where the items are two, "unshown" where they are more
    (the first two are a choice's least). None where the run is not so spaced (the item right under the first goes
    on with it: the run ends at a blank line, as before) or holds one item. A line of a conjunction alone between two
    items ("OR") is the first's going on in the second. Before, under a paragraph leading into alternatives, the run
    ended at the first blank line: one alternative, the others criteria each required. (And, third, the index of each
    item's first line in the run read: where "unshown", which of them are the run's the layout does not say.)"""
    first = list_item(lines[at])
    if first is None or not is_marked(first):
        return None
    kind, indent = mark_kind(first), len(first.group("indent"))
    items: list[list[Any]] = []  # [index of the item's first line, index of its last line, its text]
    k = at
    while k < len(lines) and len(items) < _SPACED_MOST:
        m = list_item(lines[k])
        if lines[k].startswith(GROUP) or m is None or not is_marked(m):
            break
        if len(m.group("indent")) != indent or mark_kind(m) != kind:
            break
        items.append([k, k, m.group("text").strip()])
        k += 1
        while k < len(lines) and lines[k].strip():
            x = list_item(lines[k])
            if is_marked(x) and x is not None and len(x.group("indent")) <= indent:
                return None  # (an item right under it: a tight run)
            if not is_marked(x):
                items[-1][1], items[-1][2] = k, f"{items[-1][2]} {lines[k].strip()}"
            k += 1
        while k < len(lines) and (not lines[k].strip() or CONJUNCTION.fullmatch(lines[k].strip())):
            if lines[k].strip():  # ("* SLEDAI ≥ 6" / "" / "OR" / "" / "* BILAG A": the item goes on in the next)
                items[-1][2] += " " + lines[k].strip()
            k += 1
    if len(items) < 2:
        return None
    parts = next((n for n, (_, _, text) in enumerate(items) if not _PART_OF_A_SENTENCE.search(text)), len(items))
    end = parts + 1 if 0 < parts < len(items) else _run_in_lower_case(items)
    starts = tuple(first for first, _, _ in items)
    if end is not None and not any(_PART_OF_A_SENTENCE.search(t) or t[:1].islower() for _, _, t in items[end:]):
        return items[end - 1][1], "shown", starts
    return items[1][1], "two" if len(items) == 2 else "unshown", starts


def _run_in_lower_case(run: list[list[Any]]) -> int | None:
    """How many items of a run open in lower case, the first at least; None if it does not."""
    n = next((n for n, (_, _, text) in enumerate(run) if not text[:1].islower()), len(run))
    return n or None


# (the parent's kind of mark, its items'): items marked so at the parent's indent are its sub-criteria
# (roman numerals under a letter, a number or a bullet: "b) agree to use either:" / "i. an IUD" / "ii. hormonal
# contraception", unindented, were read as siblings of "b)", the alternatives each a sub-criterion of the item above)
MARKED_UNDER = frozenset(
    {
        ("number", "letter"),
        ("number", "bullet"),
        ("bullet", "letter"),
        ("letter", "roman"),
        ("number", "roman"),
        ("bullet", "roman"),
        # (numbers under a letter or a roman numeral: "A. Lupus nephritis cohort:" / "1. Biopsy-proven LN" / "B.
        # Extrarenal cohort:" / "1. SLEDAI-2K ≥ 6" read the first cohort's criteria as the whole list's, each
        # required of everyone, and the second's, numbered again, as its own)
        ("letter", "number"),
        ("roman", "number"),
        ("bullet", "number"),  # ("* Adequate organ function:" / "1. Hb ≥ 9 g/dL" / "2. ANC ≥ 1.5" / "* Consent")
        ("letter", "bullet"),  # ("B. Organ function:" / "* Hb ≥ 9 g/dL" / "* ANC ≥ 1.5" / "C. Consent")
        ("roman", "bullet"),
        ("roman", "letter"),  # ("ii. Organ function:" / "a) Hb ≥ 9 g/dL" / "b) ANC ≥ 1.5" / "iii. Consent")
    }
)


def letters_resume(
    lines: list[str], at: int, indent: int, letter: str, run: str = "roman", outer: str = "letter"
) -> bool:
    """Whether the lettered list of the item above goes on with its next letter (letter) at indent after the run of
    roman numerals the line at index at opens, at that indent too ("(a) Hb > 9" / "(b) ANC" / "(i) absolute" / "(ii)
    relative" / "(c) Platelets"): the numerals stand between two letters of one list, and are the parts of the
    letter above, as an outline numbers them. Before, each was read as a part beside the letters, with no remark.
    A line marked otherwise, a sub-heading or one less indented ends the run: nothing then shows whose they are. run:
    the kind of mark of the run (mark_kind), roman numerals or numbers ("(b) ANC" / "1. absolute" / "(c) ..."); outer:
    the kind of the list above it, letters or roman numerals ("I. General" / "1. Age" / "II. Disease", letter "ii")."""
    before: str | None = None
    for line in lines[at + 1 :]:
        m = list_item(line)
        if line.startswith(GROUP):
            return False
        if m is None or not is_marked(m):
            continue  # (a wrapped line, a blank one)
        if len(m.group("indent")) != indent:
            if len(m.group("indent")) < indent:
                return False
            continue
        kind = mark_kind(m, before)
        if kind != run:
            return kind == outer and mark_letters(m) == letter
        before = mark_letters(m)
    return False
