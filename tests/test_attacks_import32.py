"""Attacks found by a hunt (import32) on `trials import ctgov` with variants of the real API v2 studies
under tests/fixtures/ctgov/real/: each is imported into a registry copy, and either gives a draft
holding what the study says or is refused naming the file, having written nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials, record_data, snapshot

REAL = FIXTURES / "ctgov" / "real"
REASON = "a real API v2 study, imported by the tests"


def _refused(trials: Trials, registry: Path, file: Path) -> str:
    """What `trials import ctgov FILE` says as it refuses the file (status 1), having written nothing."""
    before = snapshot(registry)
    result = trials("import", "ctgov", file, "--out-of-scope", REASON)
    assert result.status == 1, result.out + result.err
    assert snapshot(registry) == before
    assert "Traceback" not in result.err
    return result.err


# --- an integer longer than Python reads -------------------------------------------------------------

# json.loads reads an integer of at most 4,300 digits (sys.get_int_max_str_digits()) and raises a
# ValueError past it, which the importer did not catch: the import stopped with an internal error
# naming neither the file nor the place (a corrupted or hostile enrollment count)


def test_a_number_longer_than_python_reads_is_refused_at_its_place(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    text = (REAL / "NCT06131398.json").read_text(encoding="utf-8")
    # digits in a string before it are no number: the place said is the count's
    text = text.replace('"zip": "91010"', '"zip": "' + "1" * 5000 + '"', 1)
    text = text.replace('"count": 77,', '"count": ' + "9" * 5000 + ",", 1)
    file = tmp_path / "NCT06131398.json"
    file.write_text(text, encoding="utf-8")
    line = text[: text.index("9" * 5000)].count("\n") + 1
    err = _refused(trials, registry, file)
    assert f"NCT06131398.json:{line}:18: a number of 5,000 digits" in err
    assert "nothing written" in err


# --- a text of white space or invisible characters alone ---------------------------------------------

# The importer reads such a text as no value (study.clean) and declares the field silent; the check read
# the line "identificationModule.acronym:" as the field's value (a passage whose value was "" read as its
# whole text, the key), so the import of an honest study was refused (E523: "declared silent, but ...
# states it ('identificationModule.acronym:')"), naming a fault of no file


def _blanked(tmp_path: Path, module: str, key: str, value: object) -> Path:
    doc = json.loads((REAL / "NCT06131398.json").read_bytes())
    doc["protocolSection"][module][key] = value
    file = tmp_path / "NCT06131398.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    return file


@pytest.mark.parametrize(
    ("module", "key", "value", "field"),
    [
        ("identificationModule", "acronym", " ", "acronym"),
        ("descriptionModule", "briefSummary", "\u200b ", "brief_summary"),
        ("conditionsModule", "keywords", ["\u00a0"], "keywords"),
    ],
)
def test_a_blank_text_is_imported_as_no_value(
    trials: Trials, registry: Path, tmp_path: Path, module: str, key: str, value: object, field: str
) -> None:
    result = trials("import", "ctgov", _blanked(tmp_path, module, key, value), "--out-of-scope", REASON)
    assert result.status == 0, result.out + result.err
    data = record_data(registry / "trials" / "NCT06131398.yaml")
    assert field not in data and field in data["curation"]["silent"]
    assert trials("validate", registry / "trials" / "NCT06131398.yaml").status == 0


# A lead sponsor whose name is a text of white space alone (beside its class) was not noted as unnamed,
# as one without a name is, but declared silent, and the import refused (E523: the class is stated); an
# item's note listed the blank name among the keys it gives ("no name (it gives name, role)")


def test_a_lead_sponsor_of_a_blank_name_is_noted_as_unnamed(trials: Trials, registry: Path, tmp_path: Path) -> None:
    file = _blanked(tmp_path, "sponsorCollaboratorsModule", "leadSponsor", {"name": " ", "class": "INDUSTRY"})
    result = trials("import", "ctgov", file, "--out-of-scope", REASON)
    assert result.status == 0, result.out + result.err
    data = record_data(registry / "trials" / "NCT06131398.yaml")
    assert "sponsor" not in data and "sponsor" in data["curation"]["not_yet_curated"]
    assert "The source's leadSponsor has no name (it gives class); left out." in [
        n["text"] for n in data["curation"]["notes"]
    ]


def test_an_items_blank_name_is_not_among_the_keys_it_gives(trials: Trials, registry: Path, tmp_path: Path) -> None:
    doc = json.loads((REAL / "NCT06131398.json").read_bytes())
    doc["protocolSection"]["outcomesModule"]["primaryOutcomes"][0]["measure"] = "\u200b"
    file = tmp_path / "NCT06131398.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    assert trials("import", "ctgov", file, "--out-of-scope", REASON).status == 0
    notes = [n["text"] for n in record_data(registry / "trials" / "NCT06131398.yaml")["curation"]["notes"]]
    assert "The source lists an item with no measure (it gives timeFrame); left out." in notes


# --- a yes/no written as a text ----------------------------------------------------------------------

# The importer read a yes/no text in any case ("yes", "No" for hasResults) as true or false, while the
# check reads a quote by the field's own renderings ("Yes", "true"; hasResults has no "No"): the import
# of such a study was refused (E507, "renders no eligibility.healthy_volunteers"). A text is now read
# only as the check reads it; any other is left out, with a note, for the curator


def _yes_no_import(trials: Trials, registry: Path, tmp_path: Path, key: str, value: str) -> dict:
    doc = json.loads((REAL / "NCT06131398.json").read_bytes())
    if key == "hasResults":
        doc["hasResults"] = value
    else:
        doc["protocolSection"]["eligibilityModule"][key] = value
    file = tmp_path / "NCT06131398.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    result = trials("import", "ctgov", file, "--out-of-scope", REASON)
    assert result.status == 0, result.out + result.err
    assert trials("validate", registry / "trials" / "NCT06131398.yaml").status == 0
    return record_data(registry / "trials" / "NCT06131398.yaml")


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [("healthyVolunteers", "yes", "eligibility.healthy_volunteers"), ("hasResults", "No", "results_posted")],
)
def test_a_yes_no_text_the_check_does_not_read_is_left_for_the_curator(
    trials: Trials, registry: Path, tmp_path: Path, key: str, value: str, field: str
) -> None:
    data = _yes_no_import(trials, registry, tmp_path, key, value)
    assert field in data["curation"]["not_yet_curated"]
    assert "results_posted" not in data if key == "hasResults" else "healthy_volunteers" not in data["eligibility"]


def test_a_yes_no_text_the_check_reads_is_imported(trials: Trials, registry: Path, tmp_path: Path) -> None:
    data = _yes_no_import(trials, registry, tmp_path, "healthyVolunteers", "Accepts Healthy Volunteers")
    assert data["eligibility"]["healthy_volunteers"] is True


# --- a second intervention of a name, not the same as the first ---------------------------------------

# Interventions are known by their name: a second one of a name was dropped with the note "The source
# lists the intervention 'Pembrolizumab' twice; kept once", though it was another (a BIOLOGICAL beside
# the DRUG, another description, another arm): the note said the source repeats what it does not


def test_a_second_intervention_of_a_name_is_noted_as_another(trials: Trials, registry: Path, tmp_path: Path) -> None:
    doc = json.loads((REAL / "NCT06131398.json").read_bytes())
    listed = doc["protocolSection"]["armsInterventionsModule"]["interventions"]
    listed.append(
        {"name": "Pembrolizumab", "type": "BIOLOGICAL", "armGroupLabels": ["Group B: AMG 355 and pembrolizumab"]}
    )
    listed.append(dict(listed[0]))  # the first again, word for word
    file = tmp_path / "NCT06131398.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    assert trials("import", "ctgov", file, "--out-of-scope", REASON).status == 0
    data = record_data(registry / "trials" / "NCT06131398.yaml")
    assert [(i["name"], i["type"]) for i in data["interventions"]] == [("AMG 355", "DRUG"), ("Pembrolizumab", "DRUG")]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "interventions"]
    assert notes == [
        "The source lists a second intervention named 'Pembrolizumab', not the same as the first (it gives "
        "description, otherNames, type otherwise); only the first is imported: the curator's to decide.",
        "The source lists the intervention 'AMG 355' twice; kept once.",
    ]
