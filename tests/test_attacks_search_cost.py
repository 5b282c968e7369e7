"""Pull-request attacks on the cost of a check: many texts searched for through a large source.

Each of a record's texts is searched for through each cited source: a record of 20,000 short texts
citing a plain source of 31 MiB kept `trials validate` busy for many minutes (some 27 ms a text). A
record's texts times its sources' characters is now bounded (evidence.MAX_SEARCHED): past it the
record is refused (E530) before any text is searched for, never passed unchecked; every record of
the registry costs a small part of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import IM19_PATH, PLAIN_TEXT, Trials, add_source, put
from sle_trials.checks import documents, evidence, load

FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n"


def _large(registry: Path, criteria: int) -> None:
    source = add_source(registry, "seeds/960_large.txt", PLAIN_TEXT + FILLER * (4 * 1024 * 1024 // len(FILLER)))
    items = "".join(f"    - number: {i}\n      text: Criterion {i} of the record\n" for i in range(1, criteria + 1))
    put(
        registry,
        IM19_PATH,
        "nct_id: NCT06513429\n"
        "brief_title: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        "curation:\n  status: draft\n  sources:\n"
        f'    - file: {source}\n      kind: OTHER\n      as_of: "2025-08-17"\n'
        f"eligibility:\n  inclusion_criteria:\n{items}"
        'evidence:\n  curation.sources.0.as_of: "Last Updated: 2025-08-17"\n',
    )


def test_a_record_too_costly_to_search_for_is_refused_before_any_search(
    registry: Path, trials: Trials, monkeypatch: pytest.MonkeyPatch
) -> None:
    _large(registry, 2000)
    searched = 0
    verdict = documents.Sources.verdict

    def counted(self: documents.Sources, *args: Any, **kwargs: Any) -> documents.Verdict:
        nonlocal searched
        searched += 1
        return verdict(self, *args, **kwargs)

    monkeypatch.setattr(documents.Sources, "verdict", counted)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    assert " E530 " in result.out
    assert searched == 0


def test_a_few_texts_in_that_source_are_searched_for(registry: Path, trials: Trials) -> None:
    _large(registry, 3)  # "Criterion 1 of the record" is in no source: checked, and refused for it
    result = trials("validate", registry / IM19_PATH)
    assert " E530 " not in result.out and " E501 " in result.out


def test_every_record_of_the_registry_costs_a_small_part_of_the_bound(registry: Path) -> None:
    read = documents.Documents(64 * 1024 * 1024)
    for file in sorted((registry / "trials").glob("*.yaml")):
        record, _ = load.load(file, f"trials/{file.name}")
        assert record is not None
        sources = documents.Sources(record, registry, read)
        cost = evidence._texts(record.data) * sum(len(doc.text) for doc in sources.docs)
        assert cost * 100 < evidence.MAX_SEARCHED, file.name


class _Counted(str):
    """A source's text that counts the searches made through it."""

    searches = 0

    def __contains__(self, needle: object) -> bool:
        type(self).searches += 1
        return str.__contains__(self, needle)  # type: ignore[operator]


def test_a_text_written_many_times_is_searched_for_once(registry: Path) -> None:
    # 20,000 sites alike, each missing from a large source, cost one search, not 20,000: the bound
    # counts a record's distinct texts, which is what is searched for
    _large(registry, 1)
    text = (registry / IM19_PATH).read_text("utf-8")
    put(
        registry,
        IM19_PATH,
        text.replace("eligibility:\n", "locations:\n" + "  - facility: Hospitalx\n" * 20_000 + "eligibility:\n"),
    )
    record, _ = load.load(registry / IM19_PATH, IM19_PATH)
    assert record is not None
    assert evidence._texts(record.data) < 20
    sources = documents.Sources(record, registry, documents.Documents(64 * 1024 * 1024))
    sources.docs[0].text = _Counted(sources.docs[0].text)
    for i in range(20_000):
        assert sources.verdict(("locations", i, "facility"), "Hospitalx", whole=True).found == "missing"
    assert _Counted.searches == 1
