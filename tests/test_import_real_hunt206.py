"""trials import ctgov on real API v2 studies varied as registry entries vary (hunt 206, helper-42): each case a real
study of tests/fixtures/ctgov/real/ with one part changed as a study the registry holds may have it, imported into a
registry copy shared by the module (each variant under an NCT id of its own, held with --out-of-scope), that once
imported into a draft saying what its source does not, or was refused for no fault a curator could mend; beside
each, the honest study that must import as it did. The values changed are test inputs: no fact of any study.

Found and left (each reproduced with criteria_text.split(layouts.json_string(text)), or by importing a varied study):
- "Principal Inclusion Criteria:" or "Selected Inclusion Criteria:" alone over its list is read as a group of the
  list (its label on every criterion), where "Key", "Main" and "Major" are read as the list's own heading;
- (mended since: "Inclusion Criteria include, but are not limited to:" headed no list, and both lists were left to the
  curator; tests/test_helper8_one_heading_reader.py reads it as every reader does)
- an arm's "Drug:Toca FC" (no space after the type's colon, which the API never writes) names no intervention: left
  out with a note;
- a study's phase, status or type in another case or with spaces ("phase1", "RECRUITING ") is left out with a
  note, never read as the vocabulary's value (as the check reads it too).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import importer_hunt, notes_on
from conftest import real_study as real

shared, run_import, draft = importer_hunt("hunt206", 92060001)


# --- a design value given for another type of study ---------------------------------------------------------------


def test_an_interventional_design_of_an_observational_study_is_left_out_with_a_note(draft: Callable) -> None:
    """Before, NCT06171568 (observational) giving designInfo.allocation NA and maskingInfo.masking NONE, as an
    interventional study's form does, was refused: "E506 design.allocation does not apply (study_type is
    OBSERVATIONAL); remove it", of a record that was never written. Now each is left out with a note, as a
    lastKnownStatus of a study whose status is known is, and the study's own design is imported."""
    study = real("NCT06171568.json")
    info = study["protocolSection"]["designModule"]["designInfo"]
    info["allocation"], info["maskingInfo"] = "NA", {"masking": "NONE"}
    data = draft(study)
    assert data["design"] == {"observational_model": "COHORT", "time_perspective": "PROSPECTIVE"}
    assert notes_on(data, "design.allocation") == [
        "The source gives designInfo.allocation NA though study_type is OBSERVATIONAL; it does not apply, left out."
    ]
    assert notes_on(data, "design.masking") == [
        "The source gives maskingInfo.masking NONE though study_type is OBSERVATIONAL; it does not apply, left out."
    ]
    assert not {"design.allocation", "design.masking"} & set(data["curation"].get("silent", []))


def test_an_observational_model_of_an_interventional_study_is_left_out_with_a_note(draft: Callable) -> None:
    study = real("NCT02576665.json")
    study["protocolSection"]["designModule"]["designInfo"]["observationalModel"] = "COHORT"
    data = draft(study)
    assert data["design"] == {
        "allocation": "NA",
        "intervention_model": "SINGLE_GROUP",
        "primary_purpose": "TREATMENT",
        "masking": "NONE",
    }
    assert notes_on(data, "design.observational_model") == [
        "The source gives designInfo.observationalModel COHORT though study_type is INTERVENTIONAL; it does not "
        "apply, left out."
    ]


@pytest.mark.parametrize(
    ("name", "design"),
    [
        ("NCT06171568.json", {"observational_model": "COHORT", "time_perspective": "PROSPECTIVE"}),
        ("NCT03722472.json", None),  # (read below: its own, whole)
    ],
)
def test_a_design_of_the_studys_own_type_imports_whole(draft: Callable, name: str, design: dict | None) -> None:
    study = real(name)
    info = study["protocolSection"]["designModule"]["designInfo"]
    data = draft(study)
    expected = design or {
        "allocation": info["allocation"],
        "intervention_model": info["interventionModel"],
        "primary_purpose": info["primaryPurpose"],
        "masking": info["maskingInfo"]["masking"],
    }
    assert data["design"] == expected
    assert not any("does not apply" in n["text"] for n in data["curation"].get("notes", []))


def test_a_design_with_no_study_type_keeps_what_it_gives(draft: Callable) -> None:
    """With no studyType, every design field may apply: the design is imported as given, the type silent."""
    study = real("NCT02576665.json")
    del study["protocolSection"]["designModule"]["studyType"]
    data = draft(study)
    assert data["design"]["allocation"] == "NA"
    assert "study_type" in data["curation"]["silent"]


# --- a phase outside the vocabulary ------------------------------------------------------------------------------


def test_a_phase_outside_the_vocabulary_is_left_out_with_a_note_on_the_list(draft: Callable) -> None:
    """Before, NCT02576665 giving its phase as a converted record writes it ("Phase 1", "phase1") was refused: the note
    leaving it out was on "phases.0", an item the record did not hold (E503), no fault of the file a curator could
    mend. Now the note is on the list, which is left for the curator."""
    study = real("NCT02576665.json")
    study["protocolSection"]["designModule"]["phases"] = ["Phase 1"]
    data = draft(study)
    assert "phases" not in data
    assert notes_on(data, "phases") == [
        "The source gives 'Phase 1', which is not in the registry's vocabulary; left out."
    ]
    assert "phases" in data["curation"]["not_yet_curated"]


def test_a_phase_left_out_beside_one_imported_is_noted_on_the_list_not_on_the_other(draft: Callable) -> None:
    """Before, ["PHASE1", "phase2"] imported PHASE1 with the note on "phase2" on "phases.0": on PHASE1's item."""
    study = real("NCT02576665.json")
    study["protocolSection"]["designModule"]["phases"] = ["PHASE1", "phase2"]
    data = draft(study)
    assert data["phases"] == ["PHASE1"]
    assert notes_on(data, "phases") == [
        "The source gives 'phase2', which is not in the registry's vocabulary; left out."
    ]
    assert not notes_on(data, "phases.0")


def test_phases_of_the_vocabulary_import_with_no_note(draft: Callable) -> None:
    study = real("NCT02576665.json")
    study["protocolSection"]["designModule"]["phases"] = ["PHASE1", "PHASE2"]
    data = draft(study)
    assert data["phases"] == ["PHASE1", "PHASE2"]
    assert data["evidence"]["phases"] == "designModule.phases: PHASE1 designModule.phases: PHASE2"
    assert not [n for n in data["curation"].get("notes", []) if n["field"].startswith("phases")]


# --- a long field left out with notes on its items ----------------------------------------------------------------

SMALL_LIMIT = 128 * 1024  # a record's limit in these tests (load.MAX_BYTES), as test_import_forms.py holds it


def test_a_field_left_out_for_its_length_takes_the_notes_on_its_items_with_it(
    draft: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, NCT02576665 with references too long for a record, one giving "PMID: 29735994" for its PMID, was
    refused: the references were left out for their length, but the note on references.0.pmid stayed, naming an
    item the record did not hold (E503, a line for each such note: 3,000 of them for a study so long). Now the notes
    on a field's items go with it, the field left for the curator."""
    from sle_trials.checks import load

    monkeypatch.setattr(load, "MAX_BYTES", SMALL_LIMIT)
    study = real("NCT02576665.json")
    refs = study["protocolSection"]["referencesModule"]["references"]
    study["protocolSection"]["referencesModule"]["references"] = [
        dict(ref, pmid=f"PMID: {ref['pmid']}", citation=" ".join([ref["citation"]] * 300)) for ref in refs
    ]
    data = draft(study)
    assert "references" not in data and "references" in data["curation"]["not_yet_curated"]
    assert [n["field"] for n in data["curation"]["notes"] if n["field"].startswith("references")] == ["references"]


def test_interventions_left_out_for_their_length_take_the_arms_names_of_them_along(
    draft: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, NCT02576665 with interventions too long for a record (their descriptions) was refused: the list was
    left out, but its arm still named "Toca 511" and "Toca FC", interventions the record did not list (E110), and
    the notes on their types (outside the vocabulary here) named items it did not hold (E503). Now the arms' names
    of them are left out with the list, for the curator; the arm's label, type and description stay."""
    from sle_trials.checks import load

    monkeypatch.setattr(load, "MAX_BYTES", SMALL_LIMIT)
    study = real("NCT02576665.json")
    for item in study["protocolSection"]["armsInterventionsModule"]["interventions"]:
        item["type"], item["description"] = "CELL_THERAPY", " ".join([item["description"]] * 300)
    data = draft(study)
    assert "interventions" not in data
    (arm,) = data["arms"]
    assert arm["label"] == "Toca 511/Toca FC" and arm["type"] == "EXPERIMENTAL" and "intervention_names" not in arm
    assert {"interventions", "arms.intervention_names"} <= set(data["curation"]["not_yet_curated"])
    assert not [n for n in data["curation"]["notes"] if n["field"].startswith("interventions.")]


def test_a_record_that_fits_keeps_its_references_and_interventions_with_their_notes(draft: Callable) -> None:
    study = real("NCT02576665.json")
    study["protocolSection"]["referencesModule"]["references"][0]["pmid"] = "PMID: 29735994"
    study["protocolSection"]["armsInterventionsModule"]["interventions"][0]["type"] = "CELL_THERAPY"
    data = draft(study)
    assert len(data["references"]) == 2 and "pmid" not in data["references"][0]
    assert notes_on(data, "references.0.pmid") and notes_on(data, "interventions.0.type")
    assert data["arms"][0]["intervention_names"] == ["Toca 511", "Toca FC"]


def test_a_note_on_a_part_of_a_long_field_naming_no_item_stays(
    draft: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outcomes left out for their length, the note that an outcome's measure holds '|' (on outcomes.primary, no
    item) stays beside the note leaving the outcomes out."""
    from sle_trials.checks import load

    monkeypatch.setattr(load, "MAX_BYTES", SMALL_LIMIT)
    study = real("NCT02576665.json")
    (outcome,) = study["protocolSection"]["outcomesModule"]["primaryOutcomes"]
    outcome["description"] = " ".join(["Immune activity in tumor and peripheral blood."] * 3000)
    study["protocolSection"]["outcomesModule"]["primaryOutcomes"].append({"measure": "AEs | SAEs", "timeFrame": "1 y"})
    data = draft(study)
    assert "outcomes" not in data
    assert len(notes_on(data, "outcomes.primary")) == 1 and len(notes_on(data, "outcomes")) == 1
