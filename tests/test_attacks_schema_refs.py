"""Pull-request attack through the schema: a `$ref` to what is outside the schema file.

jsonschema-rs resolves a `$ref` it does not find in the document by fetching it: `file:///...` read
any file of the machine, `https://...` whatever a server answers at the time. A pull request that
changed one line of schema/trial.schema.json (`trials diff` says only "schema: changed") could so put
every rule of the schema in a file elsewhere: in docs/ (which a later pull request changes as
"documentation"), on a server that answers the reviewer strictly and CI permissively, or in a file
outside the repository, which the check would read although nothing outside it is ever read. The
check cache's fingerprint covered none of it. The schema is now compiled with a retriever that
refuses every resource: what it refers to must be in it, and a schema that refers elsewhere stops
the run (exit status 2).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Trials

SCHEMA = "schema/trial.schema.json"


def _refer(root: Path, ref: str) -> None:
    """The schema's rule for overall_status also held to the schema at ref (allOf): on main, the
    check read a file outside the repository, and served its cached verdicts when that file changed."""
    file = root / SCHEMA
    schema = json.loads(file.read_text(encoding="utf-8"))
    schema["properties"]["overall_status"]["allOf"] = [{"$ref": ref}]
    file.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize("where", ["file", "docs", "http"])
def test_a_schema_that_refers_outside_itself_stops_the_run(
    registry: Path, trials: Trials, tmp_path: Path, where: str
) -> None:
    permissive: dict[str, object] = {}  # anything goes: overall_status: COMPLETED, or a number, or a list
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(permissive), encoding="utf-8")
    (registry / "docs").mkdir()
    (registry / "docs" / "status.json").write_text(json.dumps(permissive), encoding="utf-8")
    ref = {
        "file": outside.as_uri(),
        "docs": (registry / "docs" / "status.json").as_uri(),
        "http": "http://127.0.0.1:9/status.json",
    }[where]
    _refer(registry, ref)
    result = trials("check", "--no-cache")
    assert result.status == 2, result.out + result.err
    assert "refers to" in result.err and ref in result.err
    assert "Traceback" not in result.err


def test_a_ref_within_the_schema_is_resolved(registry: Path, trials: Trials) -> None:
    file = registry / SCHEMA
    schema = json.loads(file.read_text(encoding="utf-8"))
    schema.setdefault("$defs", {})["status"] = schema["properties"]["overall_status"]
    schema["properties"]["overall_status"] = {"$ref": "#/$defs/status"}
    file.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert trials("check", "--no-cache").status == 0
