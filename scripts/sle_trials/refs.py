"""Refs: checks across records, from a small index of what each record claims."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .problem import Problem

if TYPE_CHECKING:  # load pulls in the YAML parser; a warm check builds entries from the cache instead
    from .load import Record


@dataclass
class Entry:
    """What the cross-checks need from one record, and where it says it."""

    path: str
    nct_id: str
    titles: tuple[str, ...]
    nct_id_at: tuple[int, int]
    related: list[tuple[str, str, tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # id, title, id at, title at


def entry(record: "Record") -> Entry:
    data = record.data
    titles = tuple(data[k] for k in ("brief_title", "official_title") if isinstance(data.get(k), str))
    item = Entry(record.path, data["nct_id"], titles, record.where(("nct_id",)))
    for i, rel in enumerate(data.get("related_trials", [])):
        item.related.append((rel["nct_id"], rel["title"], record.where(("related_trials", i, "nct_id")),
                             record.where(("related_trials", i, "title"))))
    return item


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def check(entries: Iterable[Entry], known_ids: Iterable[str] = (), uncited: Iterable[str] = ()) -> list[Problem]:
    """known_ids: ids of trial files that exist but could not be indexed (they have problems of their own);
    uncited: source documents under seeds/ that no record cites."""
    problems = [Problem(path, 0, 0, "E306", f"{path} is cited by no record; cite it under curation.sources or remove it")
                for path in uncited]
    by_id: dict[str, Entry] = {}
    entries = sorted(entries, key=lambda e: e.path)
    for item in entries:
        if item.nct_id in by_id:
            problems.append(Problem(item.path, *item.nct_id_at, "E305", f"nct_id {item.nct_id} is also claimed by {by_id[item.nct_id].path}"))
        else:
            by_id[item.nct_id] = item
    exists = set(by_id) | set(known_ids)
    folded: dict[str, set[str]] = {}  # each record's titles, folded once, however often it is referred to
    for item in entries:
        seen: set[str] = set()
        for nct_id, title, id_at, title_at in item.related:
            if nct_id == item.nct_id:
                problems.append(Problem(item.path, *id_at, "E302", f"{nct_id} lists itself as a related trial"))
                continue
            if nct_id in seen:
                problems.append(Problem(item.path, *id_at, "E303", f"related trial {nct_id} is listed twice"))
                continue
            seen.add(nct_id)
            if nct_id not in exists:
                problems.append(Problem(item.path, *id_at, "E301", f"related trial {nct_id} has no record; add trials/{nct_id}.yaml (a stub will do)"))
                continue
            target = by_id.get(nct_id)
            if target and target.titles and nct_id not in folded:
                folded[nct_id] = {_folded(t) for t in target.titles}
            if target and target.titles and _folded(title) not in folded[nct_id]:
                problems.append(Problem(item.path, *title_at, "E304", f"title given to {nct_id} differs from its record's title {target.titles[0]!r} ({target.path})"))
    return problems
