"""Lists headed more than once: each heading's label naming whom the lists after it are for (cohort_labels), the kinds
a text heads more than once (several_headed), and a heading no line stands under (heads_nothing)."""

from __future__ import annotations

from sle_trials.reading.criteria_text.escapes import unescaped
from sle_trials.reading.criteria_text.headings import PART_WORD, heading_of, says_something
from sle_trials.reading.criteria_text.lines import margin_of, said_after, said_before, unmarked_at_margin


def heads_nothing(lines: list[str], at: int, several: frozenset[str]) -> bool:
    """Whether no line with words stands under the heading at lines[at] before the next heading or the text's end."""
    k = said_after(lines, at + 1)
    return k is None or heading_of(lines[k], several) is not None


def several_headed(lines: list[str]) -> frozenset[str]:
    """The kinds of list (inclusion, exclusion) the text heads more than once: a heading's capitalised words after
    its dash name a part of the study there (headings._run_in_after_dash)."""
    kinds = [h[0] for line in lines if (h := heading_of(line)) is not None]
    return frozenset(kind for kind in ("inclusion", "exclusion") if kinds.count(kind) > 1)


def cohort_labels(lines: list[str], several: frozenset[str] = frozenset()) -> tuple[dict[int, int], str | None]:
    """Where the text lists criteria of one kind more than once, under headings that say no part of
    the study ("Inclusion Criteria:" for cohort A, again for cohort B), each heading's label: the
    line that stands before it on its own (after a blank line, unmarked, set off as a label is:
    "Cohort B (lupus nephritis):", "**Cohort B**", "### Cohort B"), which names whom the lists after
    it are for, their group. ({index of a heading: index of its label}, the kind of a heading
    repeated with no label, if any.)"""
    plain = [
        (at, h[0])
        for at, line in enumerate(lines)
        if (h := heading_of(line, several)) and h[0] != "general" and not h[1]
    ]
    kinds = [kind for _, kind in plain]
    if not any(kinds.count(kind) > 1 for kind in ("inclusion", "exclusion")):
        return {}, None
    labels: dict[int, int] = {}
    margin = margin_of(lines)
    for at, _ in plain:
        before = said_before(lines, at)
        if before is not None and _is_label(lines, before, margin):
            labels[at] = before
    seen: set[str] = set()
    unlabelled = None
    labelled = False
    for at, kind in plain:
        labelled = labelled or at in labels
        if kind in seen and not labelled:
            unlabelled = unlabelled or f"{kind} criteria"
        seen.add(kind)
    return labels, unlabelled


def _is_label(lines: list[str], at: int, margin: int = 0) -> bool:
    """Whether the line at index at is set off as a label: first or after a blank line, unindented,
    unmarked, short, no heading of criteria, and ending in a colon, wholly bold, a markdown heading,
    or naming a part of the study ("Cohort B", not ending a sentence)."""
    line = None if at and lines[at - 1].strip() else unmarked_at_margin(lines, at, margin)
    if line is None or heading_of(line) is not None or not says_something(line):
        return False
    return (
        line.endswith((":", "："))
        or line.startswith("#")
        or (line.startswith(("**", "__")) and line.endswith(("**", "__")))
        or (bool(PART_WORD.search(line)) and not line.endswith((".", ";")))  # "Cohort B (lupus nephritis)"
    )


def label_text(line: str) -> str:
    """A label's words, as a group holds them: without its markdown and its colon."""
    return " ".join(unescaped(line).strip().lstrip("#").strip().strip("*_").rstrip(":：").strip("*_ ").split())
