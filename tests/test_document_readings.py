"""What a source document keeps of its readings (SourceDoc.reading) is what a fresh reading gives.

A run's documents are shared by the records that cite them, and the mutation tests check a record a
thousand times over with one run's documents: a reading kept under a key that leaves out something
it reads (the trial's id, the passages a field is read from, an outcome's kind) would give one
record another's sentences. Each reading is made with a document that has kept every other reading
first, in both orders, and compared with the same reading of a document read afresh.
"""

from __future__ import annotations

import functools

import pytest
from conftest import AS_OF_LINE
from sle_trials.reading import layouts, prose

# A press release naming two trials of one sponsor, and one naming no trial: each trial's sentences,
# products, diseases and phases are its own (prose.own_names, of_this_trial)
TWO_TRIALS = AS_OF_LINE + (
    "Northbridge Doses First Patient in Phase 1 Trial of NB-301 in Lupus\n"
    "The Phase 1 trial of NB-301 (NCT09000001) in refractory systemic lupus erythematosus will enroll 24 "
    "patients. The primary endpoint is safety at month 6. Secondary endpoints include SLEDAI at month 12.\n"
    "A Phase 2 trial of NB-201 (NCT09000002) in multiple myeloma enrolled 120 participants. Its primary "
    "endpoint is response at month 3.\n"
    "Northbridge also develops NB-301 for myositis.\n"
)
NO_TRIAL = AS_OF_LINE + (
    "NB-301 is given once to 24 patients with lupus. The primary endpoint is safety at month 6. Secondary "
    "endpoints include SLEDAI at month 12. An earlier study of NB-201 in myeloma enrolled 120.\n"
)
TRIALS = ["NCT09000001", "NCT09000002", "NCT09000003"]
FIELDS = [("enrollment",), ("conditions", 0), ("outcomes", "primary", 0, "measure"), ("outcomes", "secondary", 0)]


def _readings(doc: layouts.SourceDoc, asked: list[tuple[str, tuple, bool]]) -> list:
    """Each (trial, field, whether read from the trial's sections) of asked, read from doc by a trial's
    rules made for it (as each record's check makes them), with what it names of its own."""
    out = []
    for nct_id, path, in_sections in asked:
        trial = prose.Trial(nct_id, "NB-301")
        found = doc.about(nct_id) if in_sections else None
        stated = trial.stating_in(doc, path, found)
        out.append((trial.own(doc), None if stated is None else [(p.text, p.whole, p.value) for p in stated]))
    return out


@pytest.mark.parametrize("text", [TWO_TRIALS, NO_TRIAL], ids=["two trials", "no trial"])
def test_a_kept_reading_is_a_fresh_one(text: str) -> None:
    asked = [(t, f, s) for t in TRIALS for f in FIELDS for s in (False, True)]
    fresh = [_readings(layouts.read("seeds/release.txt", text.encode()), [one])[0] for one in asked]
    assert len({repr(r) for r in fresh}) > 2, "the trials and fields must read the document differently"
    for order in (asked, asked[::-1]):
        shared = layouts.read("seeds/release.txt", text.encode())
        kept = dict(zip(order, _readings(shared, order), strict=True))
        assert [kept[one] for one in asked] == fresh
        assert shared.readings, "the readings are kept with the document"


def test_a_document_keeps_at_most_so_many_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of many records citing one large page must not fill memory: past READINGS_HELD a
    reading is worked out and given, not kept."""
    monkeypatch.setattr(layouts, "READINGS_HELD", 2)
    doc = layouts.read("seeds/release.txt", TWO_TRIALS.encode())
    made: list[int] = []

    def make(n: int) -> int:
        made.append(n)
        return n

    for n in range(4):
        assert doc.reading(("n", n), functools.partial(make, n)) == n
    assert len(doc.readings) == 2 and made == [0, 1, 2, 3]
    assert doc.reading(("n", 3), lambda: make(3)) == 3 and made == [0, 1, 2, 3, 3]  # made again
    assert doc.reading(("n", 0), lambda: make(0)) == 0 and made == [0, 1, 2, 3, 3]  # kept
