"""A record cites no source about another trial that does not name it (E516).

A source is a value of the record too: trials.csv lists each record's sources. IM19's record citing
Relma-cel's ClinConnect page besides its own, Relma-cel's citing IM19's registry copy (whose related
trials do not include it), or a stub citing a page that does not list it, all passed: E515 asks only
that some cited source names the trial.
"""

from __future__ import annotations

import json
from pathlib import Path

import mutations
import pytest
from conftest import DATA_ROOT, FIXTURES, IM19_PATH, RELMA_PATH, add_source, record_data
from sle_trials.checks import evidence, load
from sle_trials.reading import layouts

IM19_PAGE = {"file": "seeds/000_84a0f0163f21158e.txt", "kind": "REGISTRY_COPY", "as_of": "2025-08-17"}
RELMA_PAGE = {
    "file": "seeds/004_2ad16b9ce66a0787.txt",
    "kind": "TRIAL_FINDER_PAGE",
    "publisher": "ClinConnect",
    "as_of": "2025-11-14",
}
QUOTES = {IM19_PAGE["file"]: "Last Updated: 2025-08-17", RELMA_PAGE["file"]: "Current as of November 14, 2025"}


@pytest.mark.parametrize(
    ("shown", "other"),
    [(IM19_PATH, RELMA_PAGE), (RELMA_PATH, IM19_PAGE), ("trials/NCT03030976.yaml", RELMA_PAGE)],
)
def test_a_source_about_another_trial_that_does_not_name_it_is_refused(shown: str, other: dict) -> None:
    data = record_data(DATA_ROOT / shown, shown)
    checks = mutations.Checks(DATA_ROOT)
    assert checks.codes(shown, data) == set()
    cited = json.loads(json.dumps(data))
    cited["curation"]["sources"].append(dict(other))
    cited["evidence"]["curation.sources.1.as_of"] = QUOTES[other["file"]]
    assert checks.codes(shown, cited) == {"E516"}


def test_a_page_about_another_trial_that_lists_it_is_a_stubs_source() -> None:
    """The stubs cite IM19's page, which lists them among its related trials: that stands."""
    for shown in ("trials/NCT03030976.yaml", "trials/NCT06900764.yaml"):
        data = record_data(DATA_ROOT / shown, shown)
        assert data["curation"]["sources"][0]["file"] == IM19_PAGE["file"]
        assert mutations.Checks(DATA_ROOT).codes(shown, data) == set()


def test_a_page_naming_the_trial_only_outside_its_related_trials_is_said_so(registry: Path) -> None:
    """E516 said the page "does not name" the trial where the page names it, in its text but not
    among its related trials: the message says that, not that the id is nowhere."""
    copy = (registry / IM19_PAGE["file"]).read_text(encoding="utf-8")
    blurb = "procedures in greater depth.\n"
    assert copy.count(blurb) == 1
    named = add_source(registry, "seeds/901_copy.txt", copy.replace(blurb, blurb + "It follows NCT05765006.\n"))
    data = record_data(registry / RELMA_PATH, RELMA_PATH)
    data["curation"]["sources"].append({**IM19_PAGE, "file": named})
    data["evidence"]["curation.sources.1.as_of"] = QUOTES[IM19_PAGE["file"]]
    checks = mutations.Checks(registry)
    record = load.Record(RELMA_PATH, data)
    with layouts.remembering(checks.checker.memory.shown):
        said = [p for p in evidence.problems(record, checks.checker.schema, registry, checks.checker.memory)]
    assert {p.code for p in said} == {"E516"}, [p.message for p in said]
    (message,) = [p.message for p in said]
    assert "does not name" not in message
    assert f"{named} is about NCT06513429 and names NCT05765006, but not as one of its related trials" in message


def test_a_related_trial_listed_without_a_title_is_said_so(registry: Path) -> None:
    """A study JSON lists its expanded access record by its id alone: E516 said the JSON names no
    related trial, where it lists this one, only with no title."""
    named, stub = _expanded_access_stub(registry)
    said = _messages(registry, "trials/NCT09170299.yaml", stub, "E516")
    assert said == [
        f"curation.sources.0.file: {named} is about NCT09170201 and lists NCT09170299 as a related trial, but "
        "gives it no title (a related trial is an id with its title): it is no source of this trial"
    ], said


def _expanded_access_stub(registry: Path) -> tuple[str, dict]:
    """A study JSON listing its expanded-access record NCT09170299 by its id alone, added as a source,
    and a stub of that record citing it: (the source's path, the stub's data)."""
    study = json.loads((FIXTURES / "ctgov" / "expanded_access_available.json").read_text(encoding="utf-8"))
    study["protocolSection"]["statusModule"]["expandedAccessInfo"] = {"hasExpandedAccess": True, "nctId": "NCT09170299"}
    named = add_source(registry, "seeds/902_study.json", json.dumps(study, indent=2))
    stub = {
        "nct_id": "NCT09170299",
        "brief_title": "CD19 CAR-T cells",
        "curation": {
            "status": "stub",
            "sources": [{"file": named, "kind": "REGISTRY_JSON", "as_of": "2025-04-14"}],
        },
        "evidence": {
            "nct_id": "NCT09170299",
            "curation.sources.0.as_of": "lastUpdatePostDateStruct.date: 2025-04-14",
        },
    }
    return named, stub


def _messages(root: Path, shown: str, data: dict, code: str) -> list[str]:
    checks = mutations.Checks(root)
    record = load.Record(shown, data)
    with layouts.remembering(checks.checker.memory.shown):
        found = evidence.problems(record, checks.checker.schema, root, checks.checker.memory)
        return [p.message for p in found if p.code == code]


def test_where_a_stubs_field_is_read_says_what_the_page_lacks(registry: Path) -> None:
    """E512 said a page about another trial names the stub's trial "nowhere as a trial" where the page
    lists it as a related trial with no title: it says what E516 says the page lacks."""
    named, stub = _expanded_access_stub(registry)
    said = _messages(registry, "trials/NCT09170299.yaml", stub, "E512")
    assert said and all("nowhere" not in m for m in said), said
    assert any(
        f"{named} is about NCT09170201: it lists NCT09170299 as a related trial, but gives it no title" in m
        for m in said
    ), said
