"""Pull-request attacks on the time a check takes: a record of thousands of criteria.

A record's criteria lists are compared item for item with its source's (E511 for a complete record,
E512 for a draft). Each criterion was searched for among every item of the source, and each source
item among the record's: a complete record of 24,000 criteria listed in the reverse of its source's
order cost 38 s of CPU, and 8,000 criteria each cut short of its source item 11 s in the comparison
alone, growing with the square of the count (a record may be 1 MiB, a source 32). Items are now
looked up by their text, and the search for a criterion cut short, which only words a message, is
bounded (completeness.SCANNED): past it, such an item and the source item it falls short of are
reported as dropped, a problem still.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from sle_trials.checks import completeness, criteria_lists, documents, load
from sle_trials.reading.layouts import Item, SourceDoc

# The criteria of a list. What a comparison costs is counted (_Text), not timed: a list this short
# tells a comparison linear in its items (a few comparisons an item) from one that searched each among
# all the other side's (N² of them), where a timing needed 20,000 items and a quiet machine
N = 500
# (record item, source item) pairs searched for a criterion cut short, at most: completeness.SCANNED
# made smaller than N², so that it bounds these lists as the real one bounds a list of 20,000 items
SCANNED = 1_000


class _Text(str):
    """A criterion's text that counts how often it is compared with another or searched in."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _Text.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__

    def __contains__(self, part: object) -> bool:
        _Text.compared += 1
        return str.__contains__(self, part)  # type: ignore[operator]


def _at(path: tuple, code: str, message: str) -> tuple:
    return path, code, message


Criterion = tuple[tuple, Any, str, str | None]


def _compare(record_texts: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], int]:
    """completeness._compare's problems for a record of record_texts against a source of N items,
    and the comparisons of their texts it made."""
    monkeypatch.setattr(completeness, "SCANNED", SCANNED)
    source = [Item(i + 1, _Text(f"criterion {i} holds")) for i in range(N)]
    record: list[Criterion] = [
        (("eligibility", "inclusion_criteria", k), None, _Text(text), None) for k, text in enumerate(record_texts)
    ]
    _Text.compared = 0
    found: list[Any] = list(completeness._compare(_at, "inclusion_criteria", record, source, set()))
    return found, _Text.compared


def test_a_complete_record_in_the_reverse_order_is_compared_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    found, compared = _compare([f"criterion {i} holds" for i in reversed(range(N))], monkeypatch)
    assert compared <= 4 * N, compared
    assert sum(message.endswith("out of the source's order") for _, _, message in found) == N - 1


def test_a_complete_record_of_items_cut_short_is_refused_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    found, compared = _compare([f"criterion {i}" for i in range(N)], monkeypatch)
    assert compared <= 4 * N + SCANNED, compared
    assert len(found) == N and all(code == "E511" for _, code, _ in found)  # each source item dropped


def test_a_few_items_cut_short_are_still_named_so() -> None:
    source = [Item(1, "Age 18 to 65 years"), Item(2, "Weight over 40 kg")]
    record: list[Criterion] = [(("eligibility", "inclusion_criteria", 0), 1, "Age 18 to 65", None)]
    found: list[Any] = list(completeness._compare(_at, "inclusion_criteria", record, source, set()))
    assert [m for _, _, m in found] == [
        "eligibility.inclusion_criteria.0: cut short: the source's item runs on: … years…",
        "eligibility.inclusion_criteria: the source's inclusion criterion 2) 'Weight over 40 kg' is not in the record "
        "(dropped)",
    ]


def test_a_draft_in_the_reverse_order_is_compared_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(completeness, "SCANNED", SCANNED)
    doc = SourceDoc("seeds/x.json", "ctgov_json", "")
    doc.criteria = {
        "inclusion_criteria": [Item(i + 1, _Text(f"criterion {i} holds"), None, 0) for i in range(N)],
        "exclusion_criteria": [],
    }
    sources = SimpleNamespace(docs=[doc], about_other=lambda d: False, contains=lambda text: True)
    data = {
        "nct_id": "NCT09000011",
        "curation": {"status": "draft"},
        "eligibility": {"inclusion_criteria": [{"text": f"criterion {i} holds"} for i in reversed(range(N))]},
    }
    record = load.Record("trials/NCT09000011.yaml", data)
    _Text.compared = 0
    found = list(criteria_lists.check_criteria_items(record, sources))  # type: ignore[arg-type]
    assert _Text.compared <= 4 * N, _Text.compared
    assert len(found) == N - 1 and all(p.code == "E512" and "out of the source's order" in p.message for p in found)
    # (the source's last item: one searched for item by item is found only after all the others)
    _Text.compared = 0
    last = f"criterion {N - 1} holds"
    assert all(documents._listed_criterion(doc, ("eligibility", "inclusion_criteria", k), last) for k in range(N))
    assert _Text.compared <= 4 * N, _Text.compared
