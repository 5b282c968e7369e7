"""Refs: checks across records, from a small index of what each record claims."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sle_trials.problem import Check, Problem

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E301", "unknown-related-trial", "a related trial has no record under trials/"),
    Check("E302", "self-reference", "a record lists itself as related"),
    Check("E303", "duplicate-reference", "the same related trial twice in one record"),
    Check("E304", "related-title-mismatch", "the title given to a related trial is not that trial's title"),
    Check("E305", "duplicate-nct-id", "two files claim the same nct_id"),
    Check("E306", "uncited-source", "a document under seeds/ that no record cites"),
)


if TYPE_CHECKING:  # load pulls in the YAML parser; a warm check builds entries from the cache instead
    from sle_trials.checks.load import Record


NOWHERE = (0, 0)  # the place of a problem whose file has not been read for places (line 0: none)


class Entry:
    """What the cross-checks need from one record, and where it says it (pipeline.Summary is one too,
    without places: (0, 0) until a precise load gives them)."""

    __slots__ = ("path", "nct_id", "titles", "nct_id_at", "related", "related_at")

    def __init__(
        self,
        path: str,
        nct_id: str,
        titles: tuple[str, ...],
        nct_id_at: tuple[int, int] = NOWHERE,
        related: Sequence[tuple[str, str]] = (),
        related_at: Sequence[tuple[tuple[int, int], tuple[int, int]]] | None = None,
    ) -> None:
        self.path, self.nct_id, self.titles, self.nct_id_at = path, nct_id, titles, nct_id_at
        self.related = related  # (nct_id, title) pairs
        self.related_at = related_at  # (where the id is, where the title is) of each, or None


def entry(record: Record) -> Entry:
    data = record.data
    titles = tuple(data[k] for k in ("brief_title", "official_title") if isinstance(data.get(k), str))
    related = [(rel["nct_id"], rel["title"]) for rel in data.get("related_trials", [])]
    places = [
        (record.where(("related_trials", i, "nct_id")), record.where(("related_trials", i, "title")))
        for i in range(len(related))
    ]
    return Entry(record.path, data["nct_id"], titles, record.where(("nct_id",)), related, places)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def check(entries: Iterable[Entry], known_ids: Iterable[str] = (), uncited: Iterable[str] = ()) -> list[Problem]:
    """known_ids: ids of trial files that exist but could not be indexed (they have problems of their own);
    uncited: source documents under seeds/ that no record cites."""
    problems = [
        Problem(path, 0, 0, "E306", f"{path} is cited by no record; cite it under curation.sources or remove it")
        for path in uncited
    ]
    by_id: dict[str, Entry] = {}
    entries = sorted(entries, key=lambda e: e.path)
    for item in entries:
        if item.nct_id in by_id:
            problems.append(
                Problem(
                    item.path,
                    *item.nct_id_at,
                    "E305",
                    f"nct_id {item.nct_id} is also claimed by {by_id[item.nct_id].path}",
                )
            )
        else:
            by_id[item.nct_id] = item
    exists = set(by_id) | set(known_ids)
    folded: dict[str, set[str]] = {}  # each record's titles, folded once, however often it is referred to
    for item in entries:
        if not item.related:
            continue  # most records: nothing to look up (this loop runs for each of 250,000 at scale)
        seen: set[str] = set()
        places = item.related_at or [(NOWHERE, NOWHERE)] * len(item.related)
        for (nct_id, title), (id_at, title_at) in zip(item.related, places):
            if nct_id == item.nct_id:
                problems.append(Problem(item.path, *id_at, "E302", f"{nct_id} lists itself as a related trial"))
                continue
            if nct_id in seen:
                problems.append(Problem(item.path, *id_at, "E303", f"related trial {nct_id} is listed twice"))
                continue
            seen.add(nct_id)
            if nct_id not in exists:
                close = difflib.get_close_matches(nct_id, sorted(exists), n=1, cutoff=0.8)
                hint = (
                    f"; did you mean {close[0]}? (a record has that id)"
                    if close
                    else f"; add trials/{nct_id}.yaml (a stub will do) if its source names it"
                )
                problems.append(Problem(item.path, *id_at, "E301", f"related trial {nct_id} has no record{hint}"))
                continue
            target = by_id.get(nct_id)
            if target is None or not target.titles or title in target.titles:  # the common case: exactly as written
                continue
            if nct_id not in folded:
                folded[nct_id] = {_folded(t) for t in target.titles}
            if _folded(title) not in folded[nct_id]:
                problems.append(
                    Problem(
                        item.path,
                        *title_at,
                        "E304",
                        f"title given to {nct_id} differs from its record's title {target.titles[0]!r} ({target.path})",
                    )
                )
    return problems
