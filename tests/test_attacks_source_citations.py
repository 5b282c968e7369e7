"""A record cites no source about another trial that does not name it (E516).

A source is a value of the record too: trials.csv lists each record's sources. IM19's record citing
Relma-cel's ClinConnect page besides its own, Relma-cel's citing IM19's registry copy (whose related
trials do not include it), or a stub citing a page that does not list it, all passed: E515 asks only
that some cited source names the trial.
"""

from __future__ import annotations

import json

import mutations
import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, record_data

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
