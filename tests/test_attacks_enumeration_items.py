"""The items of a criterion's enumeration, read as a reader reads them (E525).

E525 split a criterion's list of therapies at every comma and "or": a therapy named without the dose
or duration the criterion gives it ("mycophenolate mofetil" of "mycophenolate mofetil ≥ 2 g/day for
≥ 6 months, or intravenous cyclophosphamide (Euro-Lupus or NIH regimen)") was refused, the item
said to be missing a fragment ("'≥ 2 g/day for ≥ 6 months, or' stands among them"); an item whose
dose holds a comma could not be written whole either (its comma read as a separator between two
items). A dose or a duration is its item's; the item a message names is one a reader sees. What an
item names stays its own: "steroids" of "steroids (sufficient or shock therapy)" is still refused.
"""

from __future__ import annotations

import copy
import json

import mutations
import pytest
from conftest import (
    DATA_ROOT,
    FIXTURES,
    IM19_PATH,
    IMPORTED,
    RELMA_PATH,
    checked_registry,
    copy_registry,
    import_complete,
    record_data,
)
from sle_trials.checks import evidence, load
from sle_trials.reading import layouts

STUDY = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
FAILED = (
    "4. Failure of at least two standard induction regimens, including:\n\n"
    "   1. mycophenolate mofetil ≥ 2 g/day for ≥ 6 months, or\n"
    "   2. intravenous cyclophosphamide (Euro-Lupus or NIH regimen)\n"
)
# a dose with a comma in it, an item by its name alone, and a count that is an item, no dose
OWN = (
    "4. Failure of mycophenolate mofetil ≥ 2 g/day, for ≥ 6 months, or equivalent, NSAIDs, or ≥ 2 immunosuppressants.\n"
)
# the same with the numbers in words: "for six months" is the dose's, "two immunosuppressants" an item
WORDS = "4. Failure of mycophenolate mofetil ≥ 2 g/day, for six months, NSAIDs, or two immunosuppressants.\n"
# a parenthesis that offers another treatment (a brand no pattern knows) beside its item's regimen word
ADDED = "4. Failure of mycophenolate mofetil, intravenous cyclophosphamide (or Benlysta regimen), or NSAIDs.\n"


@pytest.fixture(scope="module")
def studies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """The fixture study imported with its criterion 4 as written (FAILED) and as OWN: checker, data."""
    out = {}
    for name, criterion in (("failed", FAILED), ("own", OWN), ("words", WORDS), ("added", ADDED)):
        doc = json.loads(STUDY.read_text("utf-8"))
        module = doc["protocolSection"]["eligibilityModule"]
        module["eligibilityCriteria"] = module["eligibilityCriteria"].replace(FAILED, criterion)
        folder = tmp_path_factory.mktemp(name)
        (folder / "study.json").write_text(json.dumps(doc), "utf-8")
        out[name] = import_complete(
            copy_registry(folder / "registry"), folder / "study.json", checked_registry(tmp_path_factory)
        )
    return out


def _problems(study: tuple, therapies: list[str]) -> list[tuple[str, str]]:
    """The E525 problems of the study's data holding these therapies from its criterion 4, quoted whole."""
    checker, data = study[0], copy.deepcopy(study[1])
    criterion = next(c for c in data["eligibility"]["inclusion_criteria"] if c["number"] == 4)
    data["curation"]["not_yet_curated"].remove("eligibility.prior_therapy")
    data["eligibility"]["prior_therapy"] = {
        "refractory": False,
        "therapies": therapies,
        "criterion": {"list": "INCLUSION", "number": 4},
    }
    data["evidence"]["eligibility.prior_therapy"] = [criterion["text"]] + [
        c["text"] for c in criterion.get("sub_criteria", [])
    ]
    record = load.Record(IMPORTED, data)
    found = evidence.check(record, checker.schema, checker.root, checker.memory)
    return [(p.code, p.message) for p in found if p.code == "E525"]


@pytest.mark.parametrize(
    "therapies",
    [
        ["mycophenolate mofetil ≥ 2 g/day for ≥ 6 months", "intravenous cyclophosphamide (Euro-Lupus or NIH regimen)"],
        ["mycophenolate mofetil", "intravenous cyclophosphamide (Euro-Lupus or NIH regimen)"],
        ["mycophenolate mofetil", "intravenous cyclophosphamide"],
    ],
)
def test_a_therapy_without_its_dose_or_regimen_is_its_item(studies: dict, therapies: list[str]) -> None:
    assert _problems(studies["failed"], therapies) == []


@pytest.mark.parametrize(
    "therapies",
    [
        ["mycophenolate mofetil ≥ 2 g/day, for ≥ 6 months, or equivalent", "NSAIDs", "≥ 2 immunosuppressants"],
        ["mycophenolate mofetil ≥ 2 g/day, for ≥ 6 months", "NSAIDs", "≥ 2 immunosuppressants"],
        ["mycophenolate mofetil", "NSAIDs", "≥ 2 immunosuppressants"],
    ],
)
def test_a_comma_in_an_items_dose_starts_no_item(studies: dict, therapies: list[str]) -> None:
    assert _problems(studies["own"], therapies) == []


@pytest.mark.parametrize(
    "therapies",
    [
        ["mycophenolate mofetil ≥ 2 g/day, for six months", "NSAIDs", "two immunosuppressants"],
        ["mycophenolate mofetil", "NSAIDs", "two immunosuppressants"],
    ],
)
def test_a_duration_in_words_starts_no_item(studies: dict, therapies: list[str]) -> None:
    """A dose or a duration whose number is written in words is its item's, as one in digits is:
    "for six months" was read as an item of its own, and the honest list refused for leaving it out."""
    assert _problems(studies["words"], therapies) == []


def test_a_count_in_words_is_still_an_item(studies: dict) -> None:
    found = _problems(studies["words"], ["mycophenolate mofetil", "NSAIDs"])
    assert len(found) == 1 and "two immunosuppressants" in found[0][1], found


def test_a_treatment_a_parenthesis_adds_is_not_left_out(studies: dict) -> None:
    """ "(or Benlysta regimen)" names another treatment than its item's regimen: a record listing
    "intravenous cyclophosphamide" alone leaves it out; the item written whole passes."""
    found = _problems(studies["added"], ["mycophenolate mofetil", "intravenous cyclophosphamide", "NSAIDs"])
    assert len(found) == 1 and "(or Benlysta regimen)" in found[0][1], found
    whole = ["mycophenolate mofetil", "intravenous cyclophosphamide (or Benlysta regimen)", "NSAIDs"]
    assert _problems(studies["added"], whole) == []


@pytest.mark.parametrize(
    ("study", "therapies", "named"),
    [
        ("failed", ["mycophenolate mofetil"], "'intravenous cyclophosphamide (Euro-Lupus or NIH regimen)' stands"),
        ("failed", ["intravenous cyclophosphamide"], "'mycophenolate mofetil ≥ 2 g/day for ≥ 6 months' stands"),
        # a count of therapies is an item, no dose of the one before it
        ("own", ["mycophenolate mofetil", "NSAIDs"], "'≥ 2 immunosuppressants' stands"),
        ("own", ["mycophenolate mofetil", "≥ 2 immunosuppressants"], "'NSAIDs' stands"),
    ],
)
def test_an_item_left_out_is_named_whole(studies: dict, study: str, therapies: list[str], named: str) -> None:
    found = _problems(studies[study], therapies)
    assert len(found) == 1 and named in found[0][1], found


def _messages(shown: str, data: dict) -> list[str]:
    checks = mutations.Checks(DATA_ROOT)
    record = load.Record(shown, data)
    with layouts.remembering(checks.checker.memory.shown):
        found = evidence.problems(record, checks.checker.schema, DATA_ROOT, checks.checker.memory)
        return [p.message for p in found if p.code == "E525"]


@pytest.mark.parametrize(
    ("shown", "therapies", "named"),
    [
        # what the item names is its own, not a dose: still refused, the item named
        (IM19_PATH, ["steroids", "immunosuppressants", "biologics"], "'steroids' is part of the item 'steroids "),
        (
            RELMA_PATH,
            ["corticosteroids", "antimalarials", "NSAIDs", "other immunosuppressants or immunomodulators"],
            "'NSAIDs' is part of the item 'non-steroidal anti-inflammatory drugs (NSAIDs)'",
        ),
        (
            RELMA_PATH,
            ["corticosteroids", "antimalarials", "other immunosuppressants or immunomodulators"],
            "'non-steroidal anti-inflammatory drugs (NSAIDs)' stands among them",
        ),
        (
            IM19_PATH,
            ["steroids (sufficient or shock therapy)", "biologics (belizumab or Rituximab)"],
            "'immunosuppressants (cyclophosphamide or mycophenolate mofetil)' stands among them",
        ),
        (
            IM19_PATH,
            [
                "steroids (sufficient or shock therapy)",
                "immunosuppressants (cyclophosphamide or mycophenolate mofetil)",
            ],
            "'biologics (belizumab or Rituximab)' stands among them",
        ),
    ],
)
def test_the_curated_records_items_are_named_whole(shown: str, therapies: list[str], named: str) -> None:
    data = record_data(DATA_ROOT / shown, shown)
    data["eligibility"]["prior_therapy"]["therapies"] = therapies
    found = _messages(shown, data)
    assert len(found) == 1 and named in found[0], found
