"""A record's criteria held to the lists its sources give (E512): a draft's each criterion one item of its list as a
cited source lists it, under its sub-heading, nested as there, whole and in order (check_criteria_items; a complete
record's lists are held item for item by completeness.py, E511); and a criterion of any record none that the sources
of no layout write only under the other list's heading (check_list_sides, reading/list_sides.py).

Part of the verbatim stage (evidence.check_verbatim), which reads each criterion's text word for word first.
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks import completeness
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.problem import Problem
from sle_trials.reading import layouts, list_sides
from sle_trials.reading.layouts import normalise


def check_criteria_items(record: Record, sources: Sources) -> Iterator[Problem]:
    """E512: each criterion of a draft is one item of its list as a cited source lists it (the
    inclusion list, under its sub-heading, nested as there), whole, and in that list's order. A
    ClinicalTrials.gov study places both lists in one text, and a criterion's words occur there
    wherever the curator files them: a draft's inclusion criterion moved to the exclusion list, a
    Part B criterion shown as everyone's, or one cut before its "or HIV infection" or "unless ..."
    passed as word for word; a sub-item is one of the item it stands under there (a condition under
    another criterion applies to that one). A draft may leave items out, not hold them otherwise; a
    complete record's lists are held item for item by completeness.py (E511), which says the same of
    each."""
    data = record.data
    eligibility = data.get("eligibility", {})
    if data["curation"]["status"] == "complete" or not eligibility:
        return
    docs = [doc for doc in sources.docs if not sources.about_other(doc)]
    for name in completeness.LISTS:
        listing = [doc.criteria for doc in docs if doc.criteria.get(name)]
        if listing and name in eligibility:
            yield from _draft_list_items(record, sources, name, _SourceList(name, listing))


def check_list_sides(record: Record, sources: Sources) -> Iterator[Problem]:
    """E512: a criterion of a record of any status that the cited sources of no layout (which list no
    items: a press release, a paper, a plain page) write only under the other list's heading
    (list_sides.stretches): "Weight ≥ 40 kg" under "Inclusion criteria:" is no exclusion criterion, and
    passed as one, both lists swapped whole too, since the layouts' lists (check_criteria_items,
    completeness: E511) held no items to compare. A criterion standing anywhere else in them (under
    its own list's heading, before any heading, past a list's end) may be either list's; one that a
    cited layout lists in its own list is that layout's to say."""
    eligibility = record.data.get("eligibility") or {}
    plain = [doc for doc in sources.docs if doc.layout == layouts.PLAIN and not doc.criteria]
    plain = [doc for doc in plain if not sources.about_other(doc)]
    if not plain:
        return
    listed = [doc for doc in sources.docs if doc.criteria and not sources.about_other(doc)]
    for name in completeness.LISTS:
        kind = name.split("_")[0]
        for path, _, text, _ in completeness.criteria_items(eligibility.get(name, []), ("eligibility", name)):
            if any(text in item.text for doc in listed for item in doc.criteria.get(name, [])):
                continue
            under = [u for doc in plain for u in sources.under_headings(doc, path, text)]
            if not under or any(side is None or side == kind for side, _ in under):
                continue
            across = next((s for side, s in under if side == list_sides.ACROSS), None)
            if across is not None:
                said = f"across its {across.heading!r} heading only: words of two lists, or of none and a list"
            else:
                other = next(s for _, s in under if s is not None)
                said = f"under its {other.side} criteria heading only ({other.heading!r}): it is no {kind} criterion"
            yield record.problem(path + ("text",), "E512", f"{fields.dotted(path)}: the source writes this {said}")


class _SourceList:
    """A criteria list as the cited sources list it (listing: each source's lists, in order), for a
    draft's criteria to be found in."""

    def __init__(self, name: str, listing: list[dict[str, list[layouts.Item]]]) -> None:
        self.name = name
        self.kind = name.split("_")[0]  # inclusion or exclusion
        self.other = next(n for n in completeness.LISTS if n != name)
        self.single = len(listing) == 1  # one source lists it: its order is the one to keep
        self.items = [item for criteria in listing for item in criteria[name]]
        # the text of each item's parent, by the item's place: two items alike (text, group, depth) under two parents
        # ("Stage IB, grade 1 or 2" under "SUB-STUDY A: ..." and under "SUB-STUDY B: ...") are each under its own (held
        # by the item, the one parent was the last one's, and the import's draft of the first was refused, E512)
        self.parents = [parent for criteria in listing for _, parent in _parents(criteria[name])]
        # the index of each item's parent item (None at the top, or where the layout does not say how deep it is):
        # an item's place, where two items of one text hold each its own parts
        self.parent_at: list[int | None] = []
        for criteria in listing:
            self.parent_at += _parent_places(criteria[name], len(self.parent_at))
        self.elsewhere = {item.text for criteria in listing for item in criteria.get(self.other, [])}  # normalised
        # the source's items by their text, looked up, not searched (each of a record's criteria
        # against every source item made a draft of 12,000 criteria cost 30 s); a criterion that is
        # part of a source item is searched for while SCANNED allows
        self.at_text: dict[str, list[int]] = {}
        for k, item in enumerate(self.items):
            self.at_text.setdefault(item.text, []).append(k)
        self.scanned = 0  # source items searched so far for a part of one

    def held(self, text: str, group: str | None, depth: int, parent: str | None) -> list[int]:
        """Where the list holds a criterion as a draft has it: its text, under its sub-heading, nested
        as there (under an item of the text parent; at the top when depth is 0)."""
        return [
            k
            for k in self.at_text.get(text, [])
            if self.items[k].group == group
            and (self.items[k].depth is None or (self.items[k].depth == depth and self.parents[k] == parent))
        ]

    def may_stand_under(self, k: int, parent: int | None) -> bool:
        """Whether the source's item k may stand under its item parent (an index): it does, or the layout does not say
        how deep it is (criteria_text.Split.unsaid)."""
        return self.items[k].depth is None or self.parent_at[k] == parent

    def not_held(self, text: str, group: str | None) -> str:
        """Why a criterion of a draft that the sources contain is not an item of this list as held."""
        same = [self.items[k] for k in self.at_text.get(text, [])]
        kind = self.kind
        if any(item.group == group for item in same):
            return f"the source lists this {kind} criterion nested otherwise (an item of its own, or under another)"
        if same:
            heading = next(item.group for item in same)
            return f"the source lists this {kind} criterion " + (
                f"under the sub-heading {heading!r}" if heading else "under no sub-heading"
            )
        if text in self.elsewhere:
            return f"an {self.other.split('_')[0]} criterion in the source, not an {kind} one"
        if (scanned := self.scanned + len(self.items)) <= completeness.SCANNED and (
            whole := next((item.text for item in self.items if text in item.text), None)
        ):
            self.scanned = scanned
            return f"only part of the source's {kind} criterion {whole[:70]!r}{'…' if len(whole) > 70 else ''}"
        self.scanned = scanned
        return f"not one item of the source's {kind} list"


def _draft_list_items(record: Record, sources: Sources, name: str, theirs: _SourceList) -> Iterator[Problem]:
    """E512 for one criteria list of a draft: each criterion held as the sources list it, in order."""
    eligibility = record.data["eligibility"]
    # where the one source that lists them has each item held so far: a draft may leave items out,
    # not reorder them (the schema's "in source order": the site and the exports show them so, and
    # IM19 as a draft with its inclusion criteria 2 and 3 swapped passed)
    reached = -1 if theirs.single else None
    # the source's item the sub-criteria of each draft item stand under so far: one item's parts, where the source
    # lists two items of one text, each with its own ("* One of:" / "  * SLEDAI ≥ 6" / "* One of:" / "  * low C3": a
    # draft holding "low C3" under the first passed, its parent's text the same)
    under: dict[tuple, int | None] = {}
    for path, _, text, group in completeness.criteria_items(eligibility[name], ("eligibility", name)):
        depth = (len(path) - 3) // 2  # (eligibility, list, i, sub_criteria, j, ...)
        parent = normalise(fields.get(eligibility, path[1:-2])[1]["text"]) if depth else None
        held = theirs.held(text, group, depth, parent)
        if held and depth and reached is not None:
            mine = [k for k in held if k > reached] or held
            if path[:-2] in under and not any(theirs.may_stand_under(k, under[path[:-2]]) for k in mine):
                yield record.problem(
                    path + ("text",),
                    "E512",
                    f"{fields.dotted(path)}: the source lists this {theirs.kind} criterion under another item of "
                    "its parent's words than the criteria above it (each of the two with its own parts)",
                )
                continue
            held = [k for k in held if path[:-2] not in under or theirs.may_stand_under(k, under[path[:-2]])] or held
            if theirs.items[mine[0]].depth is not None:  # (an item at no depth says not which item it is under)
                under.setdefault(path[:-2], theirs.parent_at[mine[0]])
        if held:
            if reached is not None:
                after = [k for k in held if k > reached]
                if not after:
                    yield record.problem(
                        path + ("text",),
                        "E512",
                        f"{fields.dotted(path)}: out of the source's order (the source lists it before the "
                        f"{theirs.kind} criterion above it)",
                    )
                reached = after[0] if after else reached
            continue
        if sources.contains(text):  # else E501 says so
            yield record.problem(path + ("text",), "E512", f"{fields.dotted(path)}: {theirs.not_held(text, group)}")


def _parents(items: list[layouts.Item]) -> Iterator[tuple[layouts.Item, str | None]]:
    """Each criterion of a source's list and the text of the item it is nested under (None at the top
    of the list, or where the layout does not say how deep it is)."""
    above: list[layouts.Item] = []
    for item in items:
        if item.depth is None:
            yield item, None
            continue
        del above[item.depth :]
        yield item, above[-1].text if item.depth and above else None
        above.append(item)


def _parent_places(items: list[layouts.Item], start: int) -> list[int | None]:
    """The index (counted from start) of the item each criterion of a source's list is nested under, as _parents
    names its text; None at the top of the list, or where the layout does not say how deep it is."""
    places: list[int | None] = []
    above: list[int] = []
    for at, item in enumerate(items, start):
        if item.depth is None:
            places.append(None)
            continue
        del above[item.depth :]
        places.append(above[-1] if item.depth and above else None)
        above.append(at)
    return places
