"""The tests read a registry of their own (tests/fixtures/registry/, conftest.DATA_ROOT), never the
repository's trials/ and seeds/: a curator's pull request that adds or changes a record made 63 tests
fail (counts of 7 records, the CD19 trials' ids, the committed CSV), and so failed CI for a change of
data alone. CI's `trials check` holds the repository's data; the tests hold the code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA_ROOT, FIXTURES, REPO, copy_registry
from sle_trials import cli

# How a test would read the repository's own data rather than the tests' registry.
_READS_THE_DATA = re.compile(
    r'REPO / "(trials|seeds|trials\.csv|datapackage\.json)"'
    r"|REPO / (IM19_PATH|RELMA_PATH|CSV|KEPT|ORIGINAL|shown|SHOWN|rel)\b"
    r"|Checker\(REPO\)|Checks\(REPO\)|\"--root\", str\(REPO\)|source_(text|doc)\(REPO,|trial_files\(REPO\)"
)


@pytest.mark.parametrize("module", sorted((REPO / "tests").glob("*.py")), ids=lambda p: p.name)
def test_no_test_reads_the_repositorys_data(module: Path) -> None:
    if module.name == Path(__file__).name:
        return
    found = [m.group(0) for m in _READS_THE_DATA.finditer(module.read_text(encoding="utf-8"))]
    assert found == [], f"{module.name} reads the repository's data ({found[0]}): use conftest.DATA_ROOT"


def test_the_tests_registry_is_the_frozen_one(tmp_path: Path) -> None:
    copied = copy_registry(tmp_path / "registry")
    frozen = FIXTURES / "registry"
    for folder in ("trials", "seeds"):
        names = sorted(p.name for p in (copied / folder).iterdir())
        assert names == sorted(p.name for p in (frozen / folder).iterdir())
        for name in names:
            assert (copied / folder / name).read_bytes() == (frozen / folder / name).read_bytes()
    assert (copied / "schema").is_dir() and (copied / "schema" / "trial.schema.json").read_bytes() == (
        REPO / "schema" / "trial.schema.json"
    ).read_bytes()


def test_the_tests_registry_passes_the_checks_of_this_code_and_schema() -> None:
    """When the schema or a check changes, the tests' registry is fitted to it as the repository's
    data is (docs/development.md): a stale copy fails here, not in a hundred tests at once."""
    assert cli.main(["check", "--root", str(DATA_ROOT), "--no-cache"]) == 0
