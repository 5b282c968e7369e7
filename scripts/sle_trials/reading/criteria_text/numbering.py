"""Where a section's numbered items stand (Numbering), read once: a numbering started again under an item looks ahead
for the item's next number to tell a sub-list from a number typed twice."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from sle_trials.reading.criteria_text.lines import GROUP
from sle_trials.reading.criteria_text.marks import is_marked, item_number, list_item


@dataclass
class Numbering:
    """Where a section's numbered items stand: the indexes of its lines numbered n at an indent, the numbers at
    each indent in the order of their lines, and the indexes of its sub-headings, read once (a numbering started
    again looks ahead for its parent's next number: resumes)."""

    at: dict[tuple[int, int], list[int]]
    groups: list[int]
    ordered: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # indent: [(index, number), ...]

    @classmethod
    def of(cls, lines: list[str]) -> Numbering:
        at: dict[tuple[int, int], list[int]] = {}
        ordered: dict[int, list[tuple[int, int]]] = {}
        groups: list[int] = []
        for k, raw in enumerate(lines):
            if raw.startswith(GROUP):
                groups.append(k)
                continue
            m = list_item(raw)
            number = item_number(m) if m is not None and is_marked(m) else None
            if m is not None and number is not None:
                at.setdefault((len(m.group("indent")), number), []).append(k)
                ordered.setdefault(len(m.group("indent")), []).append((k, number))
        return cls(at, groups, ordered)

    def resumes(self, at: int, indent: int, number: int, restarted: bool = False) -> bool:
        """Whether the numbering of an item numbered number goes on (number + 1) at indent after the line at index
        at, before the list's next sub-heading: the items between, numbered again from 1, are that item's.
        restarted: the line at index at is numbered again; where it repeats the item's own number, the next
        number right after it is that line's numbering going on, not the item's: "1. Adults" / "1. SLE" / "2.
        Consent" and "2. Active SLE" / "2. Consent" / "3. Weight" are numbers typed twice, read so with a note,
        where before the line was read as a sub-list of one item under the one above it (each criterion then
        required only as a part of it) and the numbering as going on after it."""
        if restarted:
            at = self.repeated(at, indent, number)
        found = self.at.get((indent, number + 1), [])
        after = found[bisect.bisect_right(found, at)] if bisect.bisect_right(found, at) < len(found) else None
        if after is None:
            return False
        group = bisect.bisect_right(self.groups, at)
        return group == len(self.groups) or self.groups[group] > after

    def again(self, at: int, indent: int, number: int) -> bool:
        """Whether a line after the line at index at is numbered number at indent too, before the next sub-heading."""
        found = self.at.get((indent, number), [])
        k = bisect.bisect_right(found, at)
        if k == len(found):
            return False
        group = bisect.bisect_right(self.groups, at)
        return group == len(self.groups) or self.groups[group] > found[k]

    def repeated(self, at: int, indent: int, number: int) -> int:
        """The index of the line numbered number + 1 right after the line at index at (the next line numbered at
        indent), where the line at index at is numbered number too; else at."""
        ordered = self.ordered.get(indent, [])
        k = bisect.bisect_left(ordered, (at, 0))
        if k + 1 < len(ordered) and ordered[k] == (at, number) and ordered[k + 1][1] == number + 1:
            return ordered[k + 1][0]
        return at
