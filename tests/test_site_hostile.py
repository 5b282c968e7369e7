"""`trials site` and the exports against a hostile pull request: one that controls the records, the
source documents and their manifest lines, the file names and the schema, and tries to make the
outputs show a file outside the repository, mark a passage the checks did not read the value from,
or leave an output half-written. tests/test_site.py covers the site's ordinary behaviour.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_PLAIN, Trials, put

SECRET = "TOPSECRET-7f3a"


def only_records(registry: Path, records: dict[str, str], seeds: dict[str, str]) -> None:
    """The registry holding just these records and these sources (listed in the manifest)."""
    for old in [*(registry / "trials").glob("*.yaml"), *(registry / "seeds").glob("*.*")]:
        old.unlink()
    manifest = []
    for name, text in seeds.items():
        put(registry, f"seeds/{name}", text)
        manifest.append(f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}  {name}\n")
    put(registry, "seeds/SHA256SUMS", "".join(manifest))
    for path, text in records.items():
        put(registry, path, text)


# --- nothing outside the repository ---------------------------------------------------------------


@pytest.mark.parametrize("cited", ["seeds/../../outside.txt", "seeds/./../../outside.txt",
                                   "seeds/sub/../../../outside.txt"])
def test_a_schema_that_lets_a_source_leave_seeds_reads_nothing_outside(trials: Trials, registry: Path, tmp_path: Path,
                                                                       cited: str) -> None:
    # The schema's pattern for curation.sources.file is the PR's to change: the tool's own rule
    # (files.SOURCE_PATH) must keep a cited source under seeds/ whatever the schema allows.
    (tmp_path / "outside.txt").write_text(f"{SECRET} Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic "
                                          "Lupus Erythematosus (SLE)\n", encoding="utf-8")
    schema = registry / "schema" / "trial.schema.json"
    loose = schema.read_text(encoding="utf-8").replace('"^seeds/[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"', '"^seeds/"')
    assert loose != schema.read_text(encoding="utf-8")
    schema.write_text(loose, encoding="utf-8")
    only_records(registry, {IM19_PATH: IM19_PLAIN.replace("seeds/900_plain.txt", cited)}, {})
    for command in (("site", "--output", tmp_path / "site"), ("export", "sqlite", "--output", tmp_path / "t.db"),
                    ("export", "json", "--output", tmp_path / "t.json"), ("check",)):
        result = trials.json(*command)
        assert result.status == 1, (command, result.err)
        assert result.where("E108") == [(IM19_PATH, 6, 13)], result.out
        assert SECRET not in result.out + result.err
    assert not (tmp_path / "site").exists() and not (tmp_path / "t.db").exists() and not (tmp_path / "t.json").exists()
