"""Pull-request attacks on a JSON source: a key given twice in one object.

A JSON object may give a key twice; which value a reader takes is the reader's choice (Python's
json, jq and a browser's viewer keep the last, others the first). A study giving "overallStatus"
as RECRUITING, then as COMPLETED, was read as COMPLETED alone: a record quoting that passed as
the registry's JSON, while the source states both, and `trials import` imported the last. Such a
document is now no JSON to the checks and the site (its text is read as plain text) and refused by
an import.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials, add_source, edit
from sle_trials.reading import layouts

STUB = "trials/NCT03030976.yaml"
STUDY = (FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8")


def _twice(key: str = "overallStatus") -> str:
    """The fixture study with its status given twice, COMPLETED last (under key)."""
    text = json.dumps(json.loads(STUDY))
    twice = text.replace('"overallStatus": "COMPLETED"', f'"overallStatus": "RECRUITING", "{key}": "COMPLETED"')
    assert twice != text
    return twice


# the key as a reader sees it: written with a look-alike letter, or an invisible character, it is the
# key twice (it used to be another key: the study read as RECRUITING, the COMPLETED a reader sees unread)
SHOWN_ALIKE = ["overallStatus", "\u043everallStatus", "overall\u200bStatus", "\uff4fverallStatus"]


@pytest.mark.parametrize("key", SHOWN_ALIKE)
def test_a_study_giving_a_key_twice_is_no_json(key: str) -> None:
    assert layouts.json_document(_twice(key)) is None
    assert layouts.read("seeds/x.json", _twice(key).encode()).layout == layouts.PLAIN
    assert layouts.read("seeds/x.json", STUDY.encode()).layout == "ctgov_json"


@pytest.mark.parametrize("key", SHOWN_ALIKE[1:])
def test_a_key_written_with_look_alikes_is_the_key(key: str) -> None:
    alone = STUDY.replace('"overallStatus"', f'"{key}"')
    assert alone != STUDY
    assert layouts.read("seeds/x.json", alone.encode()).places == layouts.read("seeds/x.json", STUDY.encode()).places


def test_a_key_in_two_objects_is_no_key_twice() -> None:
    assert layouts.json_loads('{"a": {"k": 1}, "b": {"k": 2}}') == {"a": {"k": 1}, "b": {"k": 2}}
    with pytest.raises(layouts.KeyTwice, match="'k'"):
        layouts.json_loads('{"a": {"k": 1, "j": 0, "k": 2}}')


def test_a_study_giving_a_key_twice_is_not_the_registrys_json(registry: Path, trials: Trials) -> None:
    source = add_source(registry, "seeds/946_twice.json", _twice())
    edit(
        registry,
        STUB,
        (
            "file: seeds/000_84a0f0163f21158e.txt\n      kind: REGISTRY_COPY",
            f"file: {source}\n      kind: REGISTRY_JSON",
        ),
    )
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert "E516" in result.out


def test_an_import_refuses_it(registry: Path, trials: Trials, tmp_path: Path) -> None:
    (tmp_path / "study.json").write_text(_twice(), "utf-8")
    result = trials("import", "ctgov", tmp_path / "study.json", "--no-cache")
    assert result.status != 0
    assert "the key 'overallStatus' is given twice in one object" in result.out + result.err
