"""Criteria text: a registry's free-text eligibility criteria split into inclusion and exclusion items.

ClinicalTrials.gov keeps eligibility criteria as one text ("Inclusion Criteria:", then bullets or
numbered lines, then "Exclusion Criteria:", ...). split_criteria turns it into the record's criteria
lists, keeping the source's own numbering: wrapped lines are joined, indented items and paragraphs
nest under the item above (two levels, as the schema allows), and a numbered list that starts again
at 1 nests under the item before it. The importer builds records with it, and the source layouts
(layouts.py) read a JSON source's criteria with it, so both read a text the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~^])")  # markdown backslash escapes: a scraped page's "2\)" is "2)"


# "Inclusion Criteria:", "**Key Exclusion Criteria**", "Inclusion criteria for Part B:", "Exclusion Criteria: Pregnancy"
_HEADING = re.compile(r"^[#\s]*(?:\*\*|__)?\s*(?:key\s+|main\s+|major\s+|general\s+)?(inclusion|exclusion)\s+criteria"
                      r"(?:\s+(?:for|of|in)\b[^:]{0,60})?\s*(?:\*\*|__)?\s*(?::\s*(?:\*\*|__)?\s*(?P<rest>.*))?$", re.I)
_ITEM = re.compile(r"^(?P<indent> *)(?:(?P<bullet>[*+•·-]) +)?(?:(?P<num>[0-9]{1,3})(?P<mark>[.)]) +)?(?P<text>\S.*)$")
MAX_DEPTH = 2  # criterion > sub_criteria > sub_criteria, as the schema nests them


@dataclass
class _Level:
    indent: int
    items: list
    depth: int
    last_number: int | None = None
    restarted: bool = False  # a numbered sub-list that restarted at 1 under the item above


def split_criteria(text: str) -> tuple[list[dict], list[dict], list[str]]:
    """(inclusion, exclusion, remarks) from the registry's criteria text, keeping its numbering."""
    sections: dict[str, list[str]] = {"inclusion": [], "exclusion": []}
    current: str | None = None
    preamble = False
    for line in text.split("\n"):
        heading = _HEADING.match(ESCAPE.sub(r"\1", line)) if len(line) < 120 else None
        bulleted = _ITEM.match(line)
        if heading and not (bulleted and bulleted.group("bullet")):
            current = heading.group(1).lower()
            if any(x.strip() for x in sections[current]):
                # a second heading of the same kind ("... for Part B:"): kept as a criterion of its own,
                # under which its list then nests (its numbering starts again)
                sections[current] += ["", line.strip()]
            elif heading.group("rest"):
                sections[current].append(heading.group("rest"))  # "Exclusion Criteria: Pregnancy"
            continue
        if current is None:
            preamble = preamble or bool(line.strip())
            continue
        sections[current].append(line)
    remarks = []
    if preamble and (sections["inclusion"] or sections["exclusion"]):
        remarks.append("The criteria text has words before its first heading; they are not imported as criteria.")
    inclusion, r1 = _items(sections["inclusion"])
    exclusion, r2 = _items(sections["exclusion"])
    remarks += [f"Inclusion criteria: {m}" for m in r1] + [f"Exclusion criteria: {m}" for m in r2]
    return inclusion, exclusion, remarks


def _items(lines: list[str]) -> tuple[list[dict], list[str]]:
    """Criteria from the lines of one section: list items by their markers and indentation."""
    top: list[dict] = []
    stack: list[_Level] = []
    last: dict | None = None  # the item the next continuation line belongs to
    last_depth = 0
    gap = False
    remarks: list[str] = []
    for raw in lines:
        line = ESCAPE.sub(r"\1", raw.rstrip())
        if not line.strip():
            gap = True
            continue
        m = _ITEM.match(line)
        is_item = bool(m and (m.group("bullet") or m.group("num")))
        indent = len(m.group("indent")) if m else 0
        text = m.group("text").strip() if m else line.strip()
        if not is_item:
            if last is not None and not gap:
                last["text"] += " " + line.strip()  # a wrapped line of the same item
                continue
            # a paragraph of its own: under the item above when indented beyond it, else a criterion
            paragraph: dict[str, Any] = {"text": line.strip()}
            if last is not None and stack and indent > stack[-1].indent and last_depth < MAX_DEPTH:
                last.setdefault("sub_criteria", []).append(paragraph)
                last_depth += 1
            else:
                while len(stack) > 1 and indent < stack[-1].indent:
                    stack.pop()
                (stack[-1].items if stack else top).append(paragraph)
                last_depth = stack[-1].depth if stack else 0
            last, gap = paragraph, False
            continue
        assert m is not None  # is_item
        number = int(m.group("num")) if m.group("num") else None
        item: dict[str, Any] = {"number": number, "text": text} if number is not None else {"text": text}
        if not stack:
            stack.append(_Level(indent, top, 0))
        while len(stack) > 1 and indent < stack[-1].indent:
            stack.pop()
        level = stack[-1]
        if level.restarted and number is not None and len(stack) > 1 and stack[-2].last_number is not None \
                and number == stack[-2].last_number + 1 and number != (level.last_number or 0) + 1:
            stack.pop()  # the outer numbering resumes
            level = stack[-1]
        parent = level.items[-1] if level.items else None
        deeper = indent > level.indent and parent is not None
        restart = (not deeper and number is not None and level.last_number is not None and number <= level.last_number
                   and parent is not None)
        if (deeper or restart) and level.depth < MAX_DEPTH:
            assert parent is not None  # both deeper and restart ask for it
            level = _Level(indent, parent.setdefault("sub_criteria", []), level.depth + 1, restarted=restart)
            stack.append(level)
        level.items.append(item)
        if number is not None:
            level.last_number = number
        last, last_depth, gap = item, level.depth, False
    _dedupe(top, remarks)
    return top, remarks


def _dedupe(items: list[dict], messages: list[str]) -> None:
    """A list may not hold the same text or number twice (E106): drop repeated texts, unnumber repeats."""
    texts: set[str] = set()
    numbers: set[int] = set()
    keep = []
    for item in items:
        key = " ".join(item["text"].split()).casefold()
        if key in texts:
            messages.append(f"the source repeats {item['text'][:60]!r}; kept once.")
            continue
        texts.add(key)
        if item.get("number") is not None:
            if item["number"] in numbers:
                messages.append(f"the number {item['number']} is used twice in one list; the second is kept without its number.")
                del item["number"]
            else:
                numbers.add(item["number"])
        if "sub_criteria" in item:
            _dedupe(item["sub_criteria"], messages)
        keep.append(item)
    items[:] = keep
