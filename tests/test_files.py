"""files.py: the one file-name pattern, held to the schema, and how names are shown."""

from __future__ import annotations

import json

import pytest
from conftest import REPO
from sle_trials import files


def _schema_source_pattern() -> str:
    schema = json.loads((REPO / "schema" / "trial.schema.json").read_text(encoding="utf-8"))
    curation = schema["properties"]["curation"]
    if "$ref" in curation:
        curation = schema["$defs"][curation["$ref"].rsplit("/", 1)[-1]]
    return curation["properties"]["sources"]["items"]["properties"]["file"]["pattern"]


def test_the_schema_cites_sources_by_exactly_files_source_path() -> None:
    """One pattern for a source's name: what the schema lets a record cite is what the manifest,
    the cache fingerprint and `trials new --source` accept."""
    assert _schema_source_pattern() == "^" + files.SOURCE_PATH.pattern.removesuffix("\\Z") + "$"
    assert files.SOURCE_PATH.pattern == "seeds/" + files.NAME.pattern


@pytest.mark.parametrize("name", ["000_84a0f0163f21158e.txt", "ctgov_NCT06513429_2025-01-01.json", "A", "a" * 200])
def test_names_accepted(name: str) -> None:
    assert files.NAME.match(name) and files.SOURCE_PATH.match("seeds/" + name)


@pytest.mark.parametrize(
    "name",
    [".unlisted.txt", "-x.txt", "a b.txt", "a\nb.txt", "é.txt", "a/b.txt", "", "a" * 201, "x.txt\n", "\udcff.txt"],
)
def test_names_refused(name: str) -> None:
    assert not files.NAME.match(name) and not files.SOURCE_PATH.match("seeds/" + name)


@pytest.mark.parametrize(
    "name,shown",
    [
        ("NCT06513429.yaml", "NCT06513429.yaml"),
        ("a\nb", "a\\nb"),
        ("::error file=x::y\r", "::error file=x::y\\r"),
        ("\udcff.txt", "\\xff.txt"),
        ("back\\slash", "back\\\\slash"),
        ("rtl\u202eevil", "rtl\\u202eevil"),
    ],
)
def test_shown_escapes_what_is_not_printable(name: str, shown: str) -> None:
    assert files.shown(name) == shown
    assert files.shown(name).isprintable() and files.shown(name).encode("utf-8")
