"""Pull-request attack on a JSON source: a key written as a line of another field.

A study's key of other characters than a name's was read bare into its line: {"enrollmentInfo":
{"count: 60 type": 24}} read "enrollmentInfo.count: 60 type: 24", a line of a field the study does
not have, and a record of 60 participants quoting "enrollmentInfo.count: 60" passed (found by a hostile
hunt, helper-151). A key that is no name is read as JSON writes it, in quotes (layouts.json_key), so no
key reads as a line of another; a registry's keys, names all, read as before.
"""

from __future__ import annotations

import copy
import hashlib
import json

import pytest
from conftest import FIXTURES, imported_codes, study_imported
from sle_trials.reading import layouts

STUDY = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("count: 60 type", '"count: 60 type": 24'),
        ("count:\u00a060", '"count:\\u00a060": 24'),
        ("co unt", '"co unt": 24'),
        ('count": 60, "x', '"count\\": 60, \\"x": 24'),
    ],
)
def test_a_key_no_name_is_read_in_quotes(key: str, line: str) -> None:
    assert layouts.json_text({"enrollmentInfo": {key: 24}}) == layouts.normalise(f"enrollmentInfo.{line}")


def test_a_registrys_keys_read_as_written() -> None:
    text = layouts.json_text(STUDY)
    assert "enrollmentInfo.count: 24" in text and '"' not in text.split("enrollmentInfo.count")[0][-20:]


def test_a_count_written_in_a_key_is_no_count(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The imported study's source rewritten (its manifest line too) with its enrollment under a key
    that reads as a line of 60 participants, and the record given 60 with that line as its quote."""
    from sle_trials.engine import pipeline

    checker, data = study_imported(tmp_path_factory, copy.deepcopy(STUDY))
    root = checker.root
    source = data["curation"]["sources"][0]["file"]
    doc = copy.deepcopy(STUDY)
    doc["protocolSection"]["designModule"]["enrollmentInfo"] = {"count: 60 type": 24}
    raw = json.dumps(doc).encode()
    old = (root / source).read_bytes()
    (root / source).chmod(0o644)
    (root / source).write_bytes(raw)
    manifest = root / "seeds" / "SHA256SUMS"
    manifest.write_text(
        manifest.read_text("utf-8").replace(hashlib.sha256(old).hexdigest(), hashlib.sha256(raw).hexdigest()), "utf-8"
    )
    forged = copy.deepcopy(data)
    forged["enrollment"] = {"count": 60}
    forged["evidence"]["enrollment"] = "enrollmentInfo.count: 60"
    forged["curation"]["silent"] = sorted({*forged["curation"].get("silent", []), "enrollment.type"})
    codes = imported_codes(pipeline.Checker(root), forged)
    assert codes == {"E502"}, codes  # the quote is not in the source: its line reads the key in quotes
