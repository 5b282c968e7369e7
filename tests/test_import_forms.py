"""trials import ctgov on the forms real API v2 studies take: each case a small study JSON under
tests/fixtures/ctgov/ that once imported into a record saying what its source does not."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, Trials, record_data
from sle_trials import paths
from sle_trials.checks import load
from sle_trials.curate.ctgov import eligibility, record
from sle_trials.reading import criteria_text, layouts
from sle_trials.reading.criteria_text import headings
from sle_trials.reading.lexicon import age_bounds

CTGOV = FIXTURES / "ctgov"
NEPHRITIS = "Biopsy-proven lupus nephritis class III or IV within 6 months before screening"


def imported(trials: Trials, registry: Path, name: str, nct_id: str) -> dict:
    """The record the study JSON tests/fixtures/ctgov/<name> imports into; the registry still passes check."""
    result = trials("import", "ctgov", CTGOV / name)
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    return record_data(registry / "trials" / f"{nct_id}.yaml")


def _own(notes: list[dict]) -> list[dict]:
    """The notes other than a module's keys the record has no place for (ctgov/accounting.py), which
    tests/test_import_accounting.py holds to the source."""
    return [n for n in notes if "gives what the record has no place for, not imported:" not in n["text"]]


def test_a_heading_naming_a_part_before_or_after_its_kind_heads_that_kind(trials: Trials, registry: Path) -> None:
    """Before, "Part B Inclusion Criteria:" and "Inclusion Criteria (Part C):" were read as sub-headings of
    the list above them, the exclusion criteria: an adolescent's age and a lupus nephritis requirement
    were imported as exclusion criteria."""
    elig = imported(trials, registry, "criteria_part_headings.json", "NCT09010001")["eligibility"]
    assert [(c.get("group"), c["text"]) for c in elig["inclusion_criteria"]] == [
        (None, "Meets the 2019 EULAR/ACR classification criteria for SLE"),
        (None, "SLEDAI-2K ≥ 8 at screening"),
        ("Part B Inclusion Criteria", "Aged 12 to 17 years at the time of assent"),
        ("Inclusion Criteria (Part C)", NEPHRITIS),
    ]
    assert [c["text"] for c in elig["exclusion_criteria"]] == ["Pregnancy or breastfeeding", "Prior CAR-T cell therapy"]


def test_a_heading_written_as_a_list_item_heads_its_list(trials: Trials, registry: Path) -> None:
    """Before, "* Exclusion Criteria:" (a heading the text marks as a list item) was read as an
    inclusion criterion, and the exclusion criteria indented under it as its sub-criteria: a
    pregnancy and an infection recorded as conditions of inclusion."""
    elig = imported(trials, registry, "criteria_bulleted_heading.json", "NCT09010006")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18 to 70 years"},
        {"text": "Active SLE despite at least two standard therapies"},
    ]
    assert elig["exclusion_criteria"] == [
        {"text": "Pregnancy or breastfeeding"},
        {"text": "Active hepatitis B or C, or HIV infection"},
    ]


def test_non_inclusion_criteria_are_the_exclusion_criteria(trials: Trials, registry: Path) -> None:
    """Before, "Non-inclusion criteria:" (a French protocol's critères de non-inclusion) was read as a
    sub-heading of the inclusion list: pregnancy and guardianship imported as inclusion criteria."""
    elig = imported(trials, registry, "criteria_non_inclusion.json", "NCT09010009")["eligibility"]
    assert [c["text"] for c in elig["inclusion_criteria"]] == [
        "Age ≥ 18 years",
        "SLE according to the 2019 EULAR/ACR criteria",
        "Affiliation to a social security scheme",
    ]
    assert elig["exclusion_criteria"] == [
        {"text": "Pregnant or breastfeeding women"},
        {"text": "Person under guardianship or curatorship"},
    ]


def test_a_lead_in_to_the_exclusion_criteria_is_not_a_sub_heading_of_the_inclusion_list(
    trials: Trials, registry: Path
) -> None:
    """Before, a list of exclusion criteria led in by words other than a heading's ("Participants are
    excluded if they have any of the following:", "Exclusions:") was read as a sub-heading of the
    inclusion list: an infection, a pregnancy and a low eGFR imported as inclusion criteria."""
    elig = imported(trials, registry, "criteria_exclusion_lead_in.json", "NCT09010010")["eligibility"]
    assert [c["number"] for c in elig["inclusion_criteria"]] == [1, 2, 3]
    assert not any("group" in c for c in elig["inclusion_criteria"])
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Active infection requiring intravenous antibiotics"},
        {"number": 2, "text": "Pregnancy or breastfeeding"},
        {"number": 3, "text": "eGFR below 30 mL/min/1.73 m²"},
    ]


def test_an_exclusion_heading_in_another_language_heads_the_exclusion_list(trials: Trials, registry: Path) -> None:
    """Before, "Criterios de exclusión:" after an English inclusion list was read as a sub-heading of
    it (its accented word was not read as "exclusion"): a pregnancy and an HIV infection imported as
    inclusion criteria."""
    elig = imported(trials, registry, "criteria_spanish_exclusion.json", "NCT09010011")["eligibility"]
    assert [c["text"] for c in elig["inclusion_criteria"]] == [
        "Adults aged 18 to 70 years",
        "SLE refractory to at least two immunosuppressants",
    ]
    assert [c["text"] for c in elig["exclusion_criteria"]] == [
        "Embarazo o lactancia",
        "Infección activa por VIH, VHB o VHC",
    ]


def test_criteria_written_as_one_paragraph_are_two_lists(trials: Trials, registry: Path) -> None:
    """Before, "Inclusion Criteria: ... refractory to cyclophosphamide. Exclusion Criteria: Pregnancy;
    ..." on one line was one inclusion criterion holding the exclusion criteria, and the exclusion
    criteria were declared silent, "not stated by the source"."""
    data = imported(trials, registry, "criteria_one_paragraph.json", "NCT09010012")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Adults aged 18 to 60 years with systemic lupus erythematosus refractory to cyclophosphamide."}
    ]
    assert elig["exclusion_criteria"] == [{"text": "Pregnancy; active infection; prior gene therapy."}]
    assert "eligibility.exclusion_criteria" not in data["curation"].get("silent", [])


@pytest.mark.parametrize(
    "lead_in, group",
    [
        ("Participants included in the PK substudy:", "Participants included in the PK substudy"),  # its own kind
        ("Patients with lupus nephritis are not excluded:", "Patients with lupus nephritis are not excluded"),
        ("Key criteria include:", "Key criteria include"),  # "include" names no kind
        (
            "Patients excluded from the parent study for these reasons are eligible:",  # both kinds
            "Patients excluded from the parent study for these reasons are eligible",
        ),
    ],
)
def test_a_sub_heading_of_the_inclusion_list_stays_one(lead_in: str, group: str) -> None:
    inclusion, exclusion, _ = criteria_text.split_criteria(
        f"Inclusion Criteria:\n\n* Adults\n\n{lead_in}\n\n* Weight 40 kg or more\n"
    )
    assert inclusion == [{"text": "Adults"}, {"group": group, "text": "Weight 40 kg or more"}] and exclusion == []


@pytest.mark.parametrize(
    "line",
    [
        "Inclusion and Exclusion Criteria:",  # both kinds: no list of one
        "Does Not Meet Inclusion Criteria:",  # a denial, not a part
        "Non-Inclusion and Exclusion Criteria:",  # both kinds again
        "Patients who meet inclusion criteria:",  # a sentence, not capitalised as a heading
        "Part B Inclusion Criteria are given in the protocol",  # not set off as a heading
        "* Inclusion criteria of the parent study met",  # a list item naming criteria, not a heading
        "* Exclusion criteria: none of the following",  # an item with words after its colon
    ],
)
def test_a_line_that_mentions_criteria_is_not_taken_for_a_heading_of_a_part(line: str) -> None:
    inclusion, exclusion, _ = criteria_text.split_criteria(
        f"Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Pregnancy\n\n{line}\n\n* HIV\n"
    )
    assert [c["text"] for c in inclusion] == ["Adults"]
    assert "HIV" in [c["text"] for c in exclusion]  # still under the exclusion heading


def test_a_numbered_criterion_ending_in_a_colon_is_a_criterion_not_a_sub_heading(
    trials: Trials, registry: Path
) -> None:
    """Before, in a numbered list with blank lines between its items (as the API writes many), a
    criterion ending in a colon ("3. Positive for at least one of the following autoantibodies at
    screening:") was read as a sub-heading: the criterion was lost, its items became criteria of
    their own, and every later criterion was filed under "3. Positive for ..." as its group."""
    elig = imported(trials, registry, "criteria_loose_numbered.json", "NCT09010002")["eligibility"]
    inclusion, exclusion = elig["inclusion_criteria"], elig["exclusion_criteria"]
    assert [(c.get("number"), c.get("group")) for c in inclusion] == [(1, None), (2, None), (3, None), (4, None)]
    assert inclusion[2]["text"] == "Positive for at least one of the following autoantibodies at screening:"
    assert [s["text"] for s in inclusion[2]["sub_criteria"]] == [
        "ANA ≥ 1:80",
        "anti-dsDNA antibodies",
        "anti-Smith antibodies",
    ]
    assert [(c.get("number"), c.get("group")) for c in exclusion] == [(1, None), (2, None), (3, None)]
    assert [s["text"] for s in exclusion[1]["sub_criteria"]] == ["hepatitis B or C", "HIV"]


def test_a_value_the_record_cannot_hold_is_left_to_the_curator_not_declared_silent(
    trials: Trials, registry: Path
) -> None:
    """Before, the importer left out what a record cannot hold (an official with no name, the only
    primary outcome with a '|' in its measure, a secondary id with no id) and then declared the
    field silent, "not stated by the source": the check refused the import (E523), so a study
    listing its official by affiliation alone could not be imported at all."""
    data = imported(trials, registry, "unheld_items.json", "NCT09010003")
    curation = data["curation"]
    left = {"officials", "outcomes", "identifiers.secondary_ids"}
    assert left <= set(curation["not_yet_curated"])
    assert not left & set(curation.get("silent", []))
    noted = {n["field"]: n["text"] for n in _own(curation["notes"])}
    assert "with no name (it gives affiliation, role)" in noted["officials"]
    assert "'Dose-limiting toxicity | DLT'" in noted["outcomes.primary"]
    assert "with no id (it gives type, domain)" in noted["identifiers.secondary_ids"]
    # a site given only as a point on the map: noted, its contacts never copied
    assert data["locations"] == [
        {"facility": "Eastbay University Renji Hospital", "city": "Shanghai", "region": "Shanghai", "country": "China"}
    ]
    assert "it gives geoPoint, contacts" in noted["locations"]
    text = (registry / "trials" / "NCT09010003.yaml").read_text(encoding="utf-8")
    assert "example.org" not in text and "Site Desk" not in text and "+86" not in text
    # "N/A" states no limit: silent, not left to the curator, and never an age of 0
    assert "maximum_age" not in data["eligibility"] and "eligibility.maximum_age" in curation["silent"]
    assert "states no limit" in noted["eligibility.maximum_age"]


def test_a_name_holding_the_list_separator_is_left_out_with_a_note(trials: Trials, registry: Path) -> None:
    """Before, a condition, an intervention's name or a site's city holding '|' (the CSV's list
    separator, which no list item may hold: E205) was copied into the record, and the whole import
    failed its check; the importer already left such an outcome or country out with a note."""
    data = imported(trials, registry, "separator_in_names.json", "NCT09010004")
    assert data["conditions"] == ["Systemic Lupus Erythematosus"]
    assert [i["name"] for i in data["interventions"]] == ["CD19 CAR-T cells"]
    assert data["arms"][0]["intervention_names"] == ["CD19 CAR-T cells"]
    assert [site.get("city") for site in data["locations"]] == [None, "Halle (Saale)"]
    noted = [(n["field"], n["text"]) for n in data["curation"]["notes"]]
    assert ("conditions", "The condition 'Lupus Nephritis|LN' holds '|', the CSV list separator; left out.") in noted
    assert any(f == "arms.0.intervention_names" and "'Fludarabine | Cyclophosphamide' holds '|'" in t for f, t in noted)
    assert any(f == "locations.city" and "'Mainz|Wiesbaden'" in t for f, t in noted)


def test_an_arm_the_interventions_name_is_not_declared_without_interventions(trials: Trials, registry: Path) -> None:
    """Before, a registry's groups listed without interventionNames, their interventions naming them
    instead (armGroupLabels, as many observational studies do), were declared silent on
    arms.intervention_names: "the source does not state it", though it does, the other way round."""
    data = imported(trials, registry, "arms_named_by_interventions.json", "NCT09010005")
    assert [arm["label"] for arm in data["arms"]] == ["CD19 CAR-T", "BCMA CAR-T"]
    assert not any("intervention_names" in arm for arm in data["arms"])  # nothing read the other way round
    curation = data["curation"]
    assert "arms.intervention_names" in curation["not_yet_curated"]
    assert "arms.intervention_names" not in curation.get("silent", [])
    noted = {n["field"]: n["text"] for n in curation["notes"]}
    assert "gives it CD19-directed CAR-T cells (armGroupLabels)" in noted["arms.0.intervention_names"]
    assert "gives it BCMA-directed CAR-T cells (armGroupLabels)" in noted["arms.1.intervention_names"]


def test_a_closing_remark_about_the_criteria_is_not_an_exclusion_criterion(trials: Trials, registry: Path) -> None:
    """Before, "Other protocol-defined inclusion/exclusion criteria may apply.", the paragraph many
    industry studies close their criteria with, was imported as the last exclusion criterion: a
    remark about both lists recorded as a reason to exclude."""
    data = imported(trials, registry, "withdrawn_enrollment_0.json", "NCT09000022")
    assert [c["text"] for c in data["eligibility"]["exclusion_criteria"]] == [
        "Active infection requiring systemic treatment",
        "Prior treatment with any CAR-T product",
    ]
    assert any(
        n["field"] == "eligibility" and "'Other protocol-defined inclusion/exclusion criteria may apply.'" in n["text"]
        for n in data["curation"]["notes"]
    )


def test_an_update_leaves_to_the_curator_what_the_new_json_states_in_a_form_left_out(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, when a newer JSON listed the study's only official by affiliation alone, --update
    removed the official and declared nothing: the record lacked officials with no word why, and
    the importer's note saying what it left out was not carried into the record."""
    imported(trials, registry, "criteria_loose_numbered.json", "NCT09010002")
    doc = json.loads((CTGOV / "criteria_loose_numbered.json").read_text(encoding="utf-8"))
    doc["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-01-20"
    doc["protocolSection"]["contactsLocationsModule"]["overallOfficials"] = [
        {"affiliation": "Riverside Medical College Hospital", "role": "PRINCIPAL_INVESTIGATOR"}
    ]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    result = trials("import", "ctgov", newer, "--update")
    assert result.status == 0, result.out + result.err
    assert "officials removed (was [Wen Zhao])" in result.out
    assert trials("check").status == 0
    curation = record_data(registry / "trials" / "NCT09010002.yaml")["curation"]
    assert "officials" in curation["not_yet_curated"] and "officials" not in curation.get("silent", [])
    assert _own(curation["notes"]) == [
        {"field": "officials", "text": "The source lists an item with no name (it gives affiliation, role); left out."}
    ]


def test_a_study_with_no_brief_title_is_refused_saying_so(trials: Trials, registry: Path) -> None:
    """Before, the official title stood in for a missing brief title, which the check then refused
    (E512: not where the source states a brief title), so the import failed with a problem in a
    record it had not written, over a value the source never gave."""
    result = trials("import", "ctgov", CTGOV / "no_brief_title.json")
    assert result.status == 1
    assert "no_brief_title.json: NCT09010007: the study has no briefTitle, only an officialTitle" in result.err
    assert "E512" not in result.out and "nothing written" in result.err
    assert not (registry / "trials" / "NCT09010007.yaml").exists()


def test_a_refused_import_names_the_file_it_refuses(
    trials: Trials, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, a study the check refused was reported against trials/NCT....yaml, a record the import
    had not written, with no word of the file being imported. (Inverted ages are left to the curator,
    test_contradictory_dates_and_ages_are_left_to_the_curator; with that switched off, the draft is
    one the check refuses.)"""
    monkeypatch.setattr(eligibility, "_inverted", lambda b, elig, mod: None)
    doc = json.loads((CTGOV / "criteria_bulleted_heading.json").read_text(encoding="utf-8"))
    doc["protocolSection"]["eligibilityModule"].update(minimumAge="70 Years", maximumAge="18 Years")
    inverted = tmp_path / "inverted_ages.json"
    inverted.write_text(json.dumps(doc), encoding="utf-8")
    result = trials("import", "ctgov", inverted)
    assert result.status == 1 and "E104" in result.out
    assert (
        "trials import: inverted_ages.json: with this import the registry would have the problems above" in result.err
    )


def test_a_count_written_as_a_float_is_the_whole_number_it_states(trials: Trials, registry: Path) -> None:
    """Before, a saved response whose counts a tool re-wrote as 15.0 lost its enrollment, declared
    silent though the source states 15 participants: the check refused the import (E523)."""
    data = imported(trials, registry, "enrollment_count_as_float.json", "NCT09010008")
    assert data["enrollment"] == {"count": 15, "type": "ESTIMATED"}
    assert data["evidence"]["enrollment"] == "enrollmentInfo.count: 15.0 enrollmentInfo.type: ESTIMATED"


def test_the_index_says_which_counts_and_dates_are_estimated(trials: Trials, registry: Path) -> None:
    """Before, the website's table showed an ESTIMATED enrollment and completion date bare ("48",
    "2028-12") beside ACTUAL ones, so a target read as the number enrolled, and an anticipated date as
    the day the trial ended."""
    from sle_trials.outputs import export
    from sle_trials.outputs.site import landscape

    data = imported(trials, registry, "criteria_part_headings.json", "NCT09010001")
    shown = dict(zip((c.name for c in landscape.columns()), landscape.row(data).cells))
    assert shown["enrollment"].text == "48 (estimated)" and shown["enrollment"].items == ("48",)
    assert shown["start_date"].text == "2025-02-03"  # ACTUAL: as it is
    assert shown["completion_date"].text == "2028-12 (estimated)" and shown["completion_date"].items == ("2028-12",)
    # the CSV says it in a column of its own, beside the count or the date
    row = dict(zip((c.name for c in export.COLUMNS), export.row(data)))
    assert (row["enrollment"], row["enrollment_type"]) == ("48", "ESTIMATED")
    assert (row["start_date"], row["start_date_type"]) == ("2025-02-03", "ACTUAL")
    assert (row["completion_date"], row["completion_date_type"]) == ("2028-12", "ESTIMATED")


def test_a_responsible_party_in_the_old_form_is_not_declared_silent(trials: Trials, registry: Path) -> None:
    """Before, an old record's responsible party (oldNameTitle, oldOrganization: no type, no
    investigatorFullName) was left out and declared silent, "the source does not state it", though
    the source names Dr. Arun Mehta of Riverside Medical College."""
    data = imported(trials, registry, "old_partial_dates.json", "NCT09000044")
    assert "responsible_party" not in data
    assert "responsible_party" in data["curation"]["not_yet_curated"]
    assert "responsible_party" not in data["curation"].get("silent", [])
    noted = {n["field"]: n["text"] for n in data["curation"]["notes"]}
    assert "oldNameTitle 'Dr. Arun Mehta', oldOrganization 'Riverside Medical College'" in noted["responsible_party"]


def test_a_closing_criterion_that_names_the_criteria_stays_a_criterion() -> None:
    """A closing paragraph that speaks of the eligibility criteria without pointing elsewhere for
    more of them is a criterion, not a remark (before, it was dropped from the list as one)."""
    closing = "Patients who met the eligibility criteria of the parent study but withdrew consent."
    _, exclusion, remarks = criteria_text.split_criteria(
        f"Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Pregnancy\n\n{closing}\n"
    )
    assert [c["text"] for c in exclusion] == ["Pregnancy", closing] and remarks == []


@pytest.mark.parametrize(
    "text, kept",
    [
        # the last item of the exclusion list
        (
            "Inclusion Criteria:\n\n* Adults with SLE\n\nExclusion Criteria:\n\n* Pregnancy\n"
            "* Other protocol-defined Inclusion/Exclusion criteria apply",
            (["Adults with SLE"], ["Pregnancy"]),
        ),
        # inside the inclusion list, the items after it still inclusion criteria
        (
            "Inclusion Criteria:\n* Patients must have MSS disease\n"
            "* Other protocol-defined inclusion/exclusion criteria apply\n* Patients must have measurable disease",
            (["Patients must have MSS disease", "Patients must have measurable disease"], []),
        ),
        (
            "Inclusion Criteria:\n\n1. Adults\n2. Additional eligibility criteria may apply per protocol.",
            (["Adults"], []),
        ),
    ],
)
def test_a_remark_that_more_criteria_apply_marked_as_an_item_is_no_criterion(
    text: str, kept: tuple[list[str], list[str]]
) -> None:
    """Many studies write the remark "Other protocol-defined Inclusion/Exclusion criteria apply" as an
    item of a list ("* ..."), at its end or inside it (another public project's tests count thousands of
    such lines in the registry's texts). Before, it was imported as a criterion of that list, a reason to
    exclude (or include) that the study does not state; it was known as a remark only as an unmarked
    closing paragraph. The check reads the source the same way."""
    inclusion, exclusion, remarks = criteria_text.split_criteria(text)
    assert ([c["text"] for c in inclusion], [c["text"] for c in exclusion]) == kept
    assert len(remarks) == 1 and "as an item, a remark about the criteria, not a criterion" in remarks[0]


@pytest.mark.parametrize(
    "item",
    [
        "Other criteria as listed in appendix 3 must be met",
        "Other malignancy within 5 years",
        "Patients who do not meet the other eligibility criteria of the parent study",
    ],
)
def test_an_item_that_names_other_criteria_without_saying_they_apply_stays_a_criterion(item: str) -> None:
    _, exclusion, remarks = criteria_text.split_criteria(
        f"Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Pregnancy\n* {item}"
    )
    assert [c["text"] for c in exclusion] == ["Pregnancy", item] and remarks == []


def test_a_pmid_written_as_text_is_left_to_the_curator(trials: Trials, registry: Path) -> None:
    """Before, a reference's PMID written "PMID: 36109639" was dropped and references.pmid declared
    silent though the source states it: the check refused the import (E523)."""
    data = imported(trials, registry, "reference_pmid_as_text.json", "NCT09010013")
    assert "pmid" not in data["references"][0] and data["references"][0]["type"] == "BACKGROUND"
    assert "references.pmid" in data["curation"]["not_yet_curated"]
    assert any(n["field"] == "references.0.pmid" and "'PMID: 36109639'" in n["text"] for n in data["curation"]["notes"])


def test_a_second_arm_of_the_same_label_is_left_to_the_curator(trials: Trials, registry: Path) -> None:
    """Before, two arms labelled alike were both imported, and the check refused the import (E112: an
    arm is known by its label)."""
    data = imported(trials, registry, "arms_same_label.json", "NCT09010014")
    assert [(arm["label"], arm["description"]) for arm in data["arms"]] == [("LX-19", "Part A: adults.")]
    assert any(n["field"] == "arms" and "second arm labelled 'LX-19'" in n["text"] for n in data["curation"]["notes"])


# A draft's criterion filed otherwise than its source lists it: (fixture, id, the YAML as imported,
# as the mistake writes it, what the message says). A ClinicalTrials.gov study places both lists in
# one text, and each of these passed as word for word in a draft (E511 holds only a complete record's).
FILED_OTHERWISE = [
    (  # an inclusion criterion moved to the exclusion list
        "criteria_part_headings.json",
        "NCT09010001",
        "    - text: SLEDAI-2K ≥ 8 at screening\n    - group: Part B",
        "    - group: Part B",
        "an inclusion criterion in the source, not an exclusion one",
    ),
    (  # a Part B criterion shown as everyone's
        "criteria_part_headings.json",
        "NCT09010001",
        "    - group: Part B Inclusion Criteria\n      text: Aged",
        "    - text: Aged",
        "under the sub-heading 'Part B Inclusion Criteria'",
    ),
    (  # an exclusion criterion cut before its "or HIV infection"
        "criteria_bulleted_heading.json",
        "NCT09010006",
        "    - text: Active hepatitis B or C, or HIV infection",
        "    - text: Active hepatitis B or C",
        "only part of the source's exclusion criterion",
    ),
    (  # a proteinuria requirement moved under the therapies that must have failed
        "completed_phase2_randomised.json",
        "NCT09000011",
        "        - text: urine protein-to-creatinine ratio ≥ 1.0 g/g, and\n",
        "",
        "nested otherwise",
    ),
]


@pytest.mark.parametrize(("fixture", "nct_id", "old", "new", "said"), FILED_OTHERWISE)
def test_a_drafts_criterion_is_an_item_of_its_list_as_the_source_lists_it(
    trials: Trials, registry: Path, fixture: str, nct_id: str, old: str, new: str, said: str
) -> None:
    imported(trials, registry, fixture, nct_id)
    file = registry / "trials" / f"{nct_id}.yaml"
    text = file.read_text(encoding="utf-8")
    assert "  status: draft\n" in text and old in text
    text = text.replace(old, new, 1)
    if "an inclusion criterion" in said:  # filed under the exclusion list instead
        text = text.replace(
            "    - text: Pregnancy or breastfeeding\n",
            "    - text: Pregnancy or breastfeeding\n    - text: SLEDAI-2K ≥ 8 at screening\n",
            1,
        )
    if "nested" in said:  # under criterion 4, after its two therapies
        text = text.replace(
            "          text: intravenous cyclophosphamide (Euro-Lupus or NIH regimen)\n",
            "          text: intravenous cyclophosphamide (Euro-Lupus or NIH regimen)\n"
            "        - text: urine protein-to-creatinine ratio ≥ 1.0 g/g, and\n",
            1,
        )
    file.write_text(text, encoding="utf-8")
    result = trials("validate", file)
    assert result.status == 1
    assert [line for line in result.lines if "E512" in line and said in line], result.out


def test_an_arms_intervention_the_study_also_lists_as_a_keyword_is_imported(trials: Trials, registry: Path) -> None:
    """Before, an arm's intervention ("Genetic: ZC-19") whose name the study also gave as a keyword
    ("ZC-19", as industry studies list their product) was refused (E512, "not where the source
    states it"): the arm's entries were read as prose, and a name the source gives whole as another
    field may not be taken from prose. Each entry is one value: X or "Drug: X", whole."""
    data = imported(trials, registry, "arms_product_also_a_keyword.json", "NCT09010101")
    assert [arm["intervention_names"] for arm in data["arms"]] == [["ZC-19", "Fludarabine"]] * 2
    assert data["keywords"] == ["CAR T", "ZC-19", "Fludarabine"]


def test_numbered_lettered_and_cjk_items_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, items marked otherwise than by a bullet, "3." or "3)" were read as wrapped lines of
    the item above: "1、Aged 18-65 years; 2、Diagnosed with SLE; 3、Active disease ..." was one inclusion
    criterion, "a. SLEDAI-2K ≥ 8 b. BILAG A ..." one alternative, and a word processor's "o"
    bullets were words of their criterion. Each now is a criterion, numbered as the source numbers it."""
    elig = imported(trials, registry, "criteria_cjk_and_lettered_items.json", "NCT09010102")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Aged 18-65 years;"},
        {"number": 2, "text": "Diagnosed with SLE;"},
        {
            "number": 3,
            "text": "Active disease with at least one of:",
            "sub_criteria": [{"text": "SLEDAI-2K ≥ 8"}, {"text": "BILAG A in one organ system"}],
        },
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy or lactation;"},
        {
            "number": 2,
            "text": "Prior treatment with:",
            "sub_criteria": [{"text": "rituximab within 6 months"}, {"text": "any CAR-T cell therapy"}],
        },
    ]


def test_a_criterion_worded_as_a_keyword_or_an_intervention_is_imported(trials: Trials, registry: Path) -> None:
    """Before, a criterion whose whole text the study also gives whole as another field (an
    inclusion criterion "SLE", also a keyword; a sub-criterion "Cyclophosphamide", also an
    intervention's name) was refused (E512, "not where the source states it"), as a name read from
    prose would be: the import of such a study failed. A criterion the source lists as one item is
    no words of prose; which list holds it is still checked."""
    elig = imported(trials, registry, "criteria_item_named_as_another_field.json", "NCT09010103")["eligibility"]
    assert elig["inclusion_criteria"] == [{"text": "Age 18 to 65 years"}, {"text": "SLE"}]
    assert elig["exclusion_criteria"][1] == {
        "text": "Known allergy to any of:",
        "sub_criteria": [{"text": "Cyclophosphamide"}, {"text": "Fludarabine"}],
    }


def test_a_criterion_worded_as_a_keyword_still_belongs_to_its_own_list(trials: Trials, registry: Path) -> None:
    """The inclusion criterion "SLE" filed as an exclusion criterion is still refused (E512)."""
    imported(trials, registry, "criteria_item_named_as_another_field.json", "NCT09010103")
    path = registry / "trials" / "NCT09010103.yaml"
    text = path.read_text(encoding="utf-8")
    moved = text.replace("    - text: SLE\n", "", 1).replace(
        "  exclusion_criteria:\n", "  exclusion_criteria:\n    - text: SLE\n", 1
    )
    assert moved != text
    path.write_text(moved, encoding="utf-8")
    result = trials("check")
    assert result.status == 1
    assert "E512 eligibility.exclusion_criteria.0: an inclusion criterion in the source" in result.out


def test_dash_numbered_decimal_and_capital_lettered_items_are_criteria_of_their_own(
    trials: Trials, registry: Path
) -> None:
    """Before, "1- Age above 18 years", "2.1 ISN/RPS class III or IV" and "A. Pregnancy" were read as
    wrapped lines of the item above: the whole inclusion list one criterion, both class and
    proteinuria requirements words of it. A decimal number nests under the item it numbers; one
    before a word in lower case ("2.5 mg/dL"), like "E. coli", stays the wrapped line it is."""
    elig = imported(trials, registry, "criteria_dash_decimal_and_capital_items.json", "NCT09010104")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age above 18 years"},
        {
            "number": 2,
            "text": "Biopsy-proven lupus nephritis:",
            "sub_criteria": [{"text": "ISN/RPS class III or IV"}, {"text": "Proteinuria above 1 g/day"}],
        },
        {"number": 3, "text": "Failure of induction therapy"},
    ]
    assert elig["exclusion_criteria"] == [
        {"text": "Pregnancy"},
        {"text": "Serum creatinine above 2.5 mg/dL"},
        {"text": "Infection with E. coli or other bacteria"},
    ]


def test_items_numbered_without_a_space_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, "1.Age 18-65 years;", "1)Pregnancy" and "3．Prior ..." (no space after the number, as
    many sponsors write, or a full-width period) were read as wrapped lines: each list one criterion
    of all its items. Splitting them was
    not enough, since the check read "Age" as cut out of the word "1.Age" (E521), as it reads "5" of
    "1.5": a period between a digit and a letter joins nothing."""
    elig = imported(trials, registry, "criteria_numbered_without_space.json", "NCT09010105")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years;"},
        {"number": 2, "text": "Diagnosed with SLE (2019 EULAR/ACR);"},
        {"number": 3, "text": "SLEDAI-2K≥8 at screening."},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy or lactation;"},
        {"number": 2, "text": "Serum creatinine > 3.5mg/dL;"},
        {"number": 3, "text": "Prior CAR-T therapy."},
    ]


def test_other_outcome_measures_the_record_cannot_hold_are_noted(trials: Trials, registry: Path) -> None:
    """Before, a study's other outcome measures (otherOutcomes, beside the primary and secondary
    ones) were dropped with no word: the record read as if the study measured nothing more."""
    data = imported(trials, registry, "outcomes_other_measures.json", "NCT09010106")
    assert list(data["outcomes"]) == ["primary", "secondary"]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "outcomes"]
    assert notes == [
        "The source lists 2 other outcome measures (otherOutcomes, besides the primary and secondary ones), "
        "which the record has no place for; not imported."
    ]


def test_a_name_an_arm_or_intervention_lists_twice_is_kept_once_with_a_note(trials: Trials, registry: Path) -> None:
    """Before, an intervention's other name or an arm's intervention that the source lists twice was
    kept once with no word, where a repeated condition, keyword or criterion is said in a note: the
    curator could not tell the record from its source."""
    data = imported(trials, registry, "interventions_named_twice.json", "NCT09010107")
    assert data["arms"][0]["intervention_names"] == ["Relmacabtagene autoleucel", "Fludarabine"]
    assert data["interventions"][0]["other_names"] == ["relma-cel", "JWCAR029"]
    notes = {n["field"]: n["text"] for n in data["curation"]["notes"]}
    assert notes["arms.0.intervention_names"] == (
        "The source lists some interventions of the arm 'Relma-cel' twice; each is kept once."
    )
    assert notes["interventions.0.other_names"] == (
        "The source lists some other names of 'Relmacabtagene autoleucel' twice; each is kept once."
    )


def test_a_page_refused_for_a_study_out_of_scope_is_named(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, a page of studies refused because one of them is out of the registry's scope ended
    "the registry is for CAR-T and related cell therapies in lupus; ... nothing written" with no word
    of the file refused, as every other refusal names it."""
    lupus = json.loads((CTGOV / "criteria_bulleted_heading.json").read_text(encoding="utf-8"))
    other = json.loads((CTGOV / "criteria_bulleted_heading.json").read_text(encoding="utf-8"))
    ident = other["protocolSection"]["identificationModule"]
    ident.update(
        nctId="NCT09010108", briefTitle="Paclitaxel in Breast Cancer", officialTitle="Paclitaxel in Breast Cancer"
    )
    ident.pop("acronym", None)  # (the titles are read too: the lupus study's would show lupus)
    other["protocolSection"]["conditionsModule"] = {"conditions": ["Breast Cancer"]}
    other["protocolSection"]["armsInterventionsModule"] = {"interventions": [{"type": "DRUG", "name": "Paclitaxel"}]}
    page = tmp_path / "search_page_2.json"
    page.write_text(json.dumps({"studies": [lupus, other]}), encoding="utf-8")
    result = trials("import", "ctgov", page)
    assert result.status == 1
    assert "trials import: NCT09010108: its conditions (Breast Cancer)" in result.err
    assert "trials import: search_page_2.json: the registry is for CAR-T and related cell therapies" in result.err
    assert not (registry / "trials" / "NCT09010108.yaml").exists()


def test_a_dash_after_a_heading_is_no_criterion(trials: Trials, registry: Path) -> None:
    """Before, "Inclusion Criteria:-" (a heading as many registrations write it) gave each list a
    first criterion "-": a criterion the source never states, which its check read the same way."""
    elig = imported(trials, registry, "criteria_heading_with_dash.json", "NCT09010109")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 60 years"},
        {"number": 2, "text": "Biopsy-proven lupus nephritis"},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Active tuberculosis"},
    ]


def test_a_heading_with_a_full_width_colon_heads_its_list(trials: Trials, registry: Path) -> None:
    """Before, "Inclusion Criteria：" (a CJK text's full-width colon) was no heading: the text had none
    to split at, and both lists were left for the curator though the source states them."""
    data = imported(trials, registry, "criteria_fullwidth_colon.json", "NCT09010110")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {"number": 2, "text": "SLEDAI-2K ≥ 8"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "Active infection"}]
    assert "eligibility.inclusion_criteria" not in data["curation"]["not_yet_curated"]


def test_items_nested_deeper_than_a_record_holds_are_noted(trials: Trials, registry: Path) -> None:
    """Before, items nested three levels under a criterion ("not counting: serology, fever") were
    listed beside the item they stand under, as the schema nests two levels, with no word: the
    record read "serology" and "fever" as alternatives beside "or BILAG A in one organ"."""
    data = imported(trials, registry, "criteria_nested_three_deep.json", "NCT09010111")
    deepest = data["eligibility"]["inclusion_criteria"][0]["sub_criteria"][0]["sub_criteria"]
    assert [c["text"] for c in deepest] == [
        "clinical SLEDAI-2K ≥ 4, not counting:",
        "serology",
        "fever",
        "or BILAG A in one organ",
    ]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert notes == [
        "Inclusion criteria: the source nests 2 items ('serology', …) deeper than a record's two levels of "
        "sub-criteria; each is listed beside the item it stands under."
    ]


def test_criteria_split_into_lines_by_line_and_paragraph_separators(trials: Trials, registry: Path) -> None:
    """Before, a criteria text whose lines a word processor ended with U+2028 and U+2029 (line and
    paragraph separators, not LF) was read as one line: the whole text, the exclusion criteria and
    their heading too, one inclusion criterion, and the exclusion criteria declared silent."""
    data = imported(trials, registry, "criteria_line_separators.json", "NCT09010112")
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {"text": "Active SLE despite two standard therapies"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}, {"text": "Active hepatitis B or C"}]


def test_items_numbered_with_circled_numbers_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, items numbered "①", "②", "③" (or "⑴", "⑵"), as many CJK registrations number them,
    were read as wrapped lines of the item above: each list one criterion of all its items."""
    elig = imported(trials, registry, "criteria_circled_numbers.json", "NCT09010113")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Aged 18-65 years;"},
        {"number": 2, "text": "Diagnosed with SLE (2019 EULAR/ACR);"},
        {"number": 3, "text": "SLEDAI-2K ≥ 8."},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy or lactation;"},
        {"number": 2, "text": "Prior CAR-T therapy."},
    ]


def test_items_numbered_with_full_width_digits_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, items numbered "（１）", "（２）" in full-width digits, as Japanese and Chinese texts write
    them, were read as wrapped lines of the item above (a line opening with "（" runs on): each list
    was one criterion of all its items, with no note, and it passed its own check; "１．", "２．" were
    criteria without their numbers."""
    elig = imported(trials, registry, "criteria_fullwidth_digits.json", "NCT09010180")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "年齢18歳以上65歳以下の患者；"},
        {"number": 2, "text": "SLE分類基準（2019 EULAR/ACR）を満たす患者；"},
        {"number": 3, "text": "SLEDAI-2K ≥ 8。"},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "妊娠中又は授乳中の患者；"},
        {"number": 2, "text": "CAR-T療法の治療歴がある患者。"},
    ]


def test_lettered_or_bulleted_items_under_a_numbered_one_ending_in_a_colon_are_its_sub_criteria(
    trials: Trials, registry: Path
) -> None:
    """Before, "2. Positive for at least one of the following autoantibodies:" with "a. ANA ...", "b.
    Anti-dsDNA ...", "c. Anti-Smith ..." on the lines under it, not indented, was read as four
    criteria side by side, with no note: each antibody an inclusion criterion of its own, all three
    required where the source asks for one, and the record passed its own check; so were bullets "•"
    under "1. Any of the following infections at screening:"."""
    elig = imported(trials, registry, "criteria_lettered_under_numbered.json", "NCT09010181")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Diagnosis of SLE per the 2019 EULAR/ACR classification criteria."},
        {
            "number": 2,
            "text": "Positive for at least one of the following autoantibodies at screening:",
            "sub_criteria": [
                {"text": "ANA titer ≥ 1:80"},
                {"text": "Anti-dsDNA antibody"},
                {"text": "Anti-Smith antibody"},
            ],
        },
        {"number": 3, "text": "SLEDAI-2K ≥ 8."},
    ]
    assert elig["exclusion_criteria"] == [  # bulleted items under it, as well
        {
            "number": 1,
            "text": "Any of the following infections at screening:",
            "sub_criteria": [{"text": "HIV infection"}, {"text": "Active hepatitis B or C"}],
        },
        {"number": 2, "text": "Prior CAR-T therapy."},
    ]


def test_items_numbered_three_levels_deep_nest_as_their_numbers_say(trials: Trials, registry: Path) -> None:
    """Before, an item numbered "2.1.1" (a protocol's three-level numbering) was no item: it was
    read as a wrapped line, its words run into those of item 2.1 as if one criterion."""
    elig = imported(trials, registry, "criteria_three_level_numbers.json", "NCT09010114")["eligibility"]
    assert elig["inclusion_criteria"][1] == {
        "number": 2,
        "text": "Active lupus nephritis:",
        "sub_criteria": [
            {
                "text": "Biopsy-proven class III or IV",
                "sub_criteria": [
                    {"text": "Biopsy within 6 months before screening"},
                    {"text": "Class V allowed in combination"},
                ],
            },
            {"text": "Proteinuria above 1 g/day"},
        ],
    }
    assert [c["text"] for c in elig["inclusion_criteria"]] == [
        "Age 18 to 65 years",
        "Active lupus nephritis:",
        "Failure of standard therapy",
    ]


def test_a_line_with_no_list_mark_is_a_criterion_unless_the_line_above_runs_on(trials: Trials, registry: Path) -> None:
    """Before, a line with no list mark right under a criterion ("Signed informed consent" under
    "3. Active disease despite standard therapy", "Active hepatitis B or C" under "* Pregnancy or
    breastfeeding") was read as a wrapped line of it: two criteria merged into one, with no word. A
    line is now read as running on only where the line above ends mid-sentence ("according to") or
    it begins in lower case; a line read as a criterion of its own is said in a note."""
    data = imported(trials, registry, "criteria_unmarked_lines.json", "NCT09010115")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Diagnosis of SLE according to the 2019 EULAR/ACR classification criteria"},
        {"number": 3, "text": "Active disease despite standard therapy"},
        {"text": "Signed informed consent"},
    ]
    assert elig["exclusion_criteria"] == [
        {"text": "Pregnancy or breastfeeding"},
        {"text": "Active hepatitis B or C"},
        {"text": "Prior CAR-T therapy"},
    ]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert notes == [
        "Inclusion criteria: 1 line with no list mark ('Signed informed consent'), right under the line above, "
        "is read as a criterion of its own, not as words of the item above.",
        "Exclusion criteria: 1 line with no list mark ('Active hepatitis B or C'), right under the line above, "
        "is read as a criterion of its own, not as words of the item above.",
    ]


def test_a_number_the_line_above_runs_on_to_is_no_item(trials: Trials, registry: Path) -> None:
    """Before, a criterion wrapped before a number ("ALT ≤" / "2.5 ULN and bilirubin ≤" / "1.5 ULN")
    was read as ending at the comparator, and "2.5 ULN ..." as a sub-item numbered 2.5: the limit
    cut from its measure, and its number dropped from the record."""
    elig = imported(trials, registry, "criteria_wrapped_before_a_number.json", "NCT09010116")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Adequate liver function: ALT ≤ 2.5 ULN and bilirubin ≤ 1.5 ULN"},
        {"number": 3, "text": "Biopsy-proven lupus nephritis"},
    ]


def test_a_limit_in_the_criteria_is_no_age_the_study_leaves_unstated(trials: Trials, registry: Path) -> None:
    """Before, a study with no maximumAge (an adults' study, "18 Years and older", as most are) whose
    criteria hold any upper limit ("eGFR < 30 mL/min/1.73 m²") could not be imported: the check read
    "< 30" as a maximum age the criteria state, and refused the maximum age declared silent (E523),
    as it read "SLEDAI-2K ≥ 8" as a minimum age of 8 where minimumAge is 'N/A'."""
    data = imported(trials, registry, "age_no_maximum_criteria_limits.json", "NCT09010117")
    assert "maximum_age" not in data["eligibility"]
    assert "eligibility.maximum_age" in data["curation"]["silent"]
    assert age_bounds.criteria_ages("SLEDAI-2K ≥ 8, eGFR < 30 mL/min") == ()
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages("Aged ≥ 18 and ≤ 70, BMI < 35")] == [
        ("min", 18),
        ("max", 70),
    ]


def test_an_age_the_fields_leave_out_but_the_criteria_state_is_left_to_the_curator(
    trials: Trials, registry: Path
) -> None:
    """Before, a study whose minimumAge is 'N/A' and which gives no maximumAge, while its criterion
    says "Aged 18 to 65 years", could not be imported: both ages were declared silent ("N/A: it
    states no limit"), and the check refused them (E523), the criteria stating both."""
    data = imported(trials, registry, "age_na_stated_in_criteria.json", "NCT09010118")
    curation = data["curation"]
    assert "minimum_age" not in data["eligibility"] and "maximum_age" not in data["eligibility"]
    assert {"eligibility.minimum_age", "eligibility.maximum_age"} <= set(curation["not_yet_curated"])
    assert not {"eligibility.minimum_age", "eligibility.maximum_age"} & set(curation.get("silent", []))
    noted = {n["field"]: n["text"] for n in curation["notes"]}
    assert noted["eligibility.minimum_age"] == (
        "The source gives minimumAge 'N/A', but its criterion 'Aged 18 to 65 years' states an age at that bound; "
        "left for the curator."
    )
    assert noted["eligibility.maximum_age"].startswith("The source gives no maximumAge, but its criterion")


def test_an_enrollment_type_with_no_count_is_left_to_the_curator(trials: Trials, registry: Path) -> None:
    """Before, a study whose enrollmentInfo gives its type and no count ({"type": "ACTUAL"}, as a
    withdrawn or old study may) could not be imported: the enrollment was declared silent, and the
    check refused it (E523), the source stating 'ACTUAL'."""
    data = imported(trials, registry, "enrollment_type_without_count.json", "NCT09010119")
    assert "enrollment" not in data
    assert "enrollment" in data["curation"]["not_yet_curated"]
    assert {
        "field": "enrollment",
        "text": "The source gives enrollmentInfo.type 'ACTUAL' with no count; left for the curator.",
    } in data["curation"]["notes"]


def test_a_date_not_in_the_calendar_is_left_to_the_curator(trials: Trials, registry: Path) -> None:
    """Before, a date of no day of the calendar ("2026-02-30", a sponsor's slip the registry kept)
    was imported, and the import refused as a whole with a problem (E103) in the record it had not
    written; it is now left out with a note, as any other date the registry cannot hold."""
    data = imported(trials, registry, "date_not_in_the_calendar.json", "NCT09010120")
    assert "primary_completion" not in data["dates"]
    assert "dates.primary_completion" in data["curation"]["not_yet_curated"]
    assert {
        "field": "dates.primary_completion",
        "text": "The source's primaryCompletionDateStruct is not a date this registry can hold; left out.",
    } in data["curation"]["notes"]


def test_lists_repeated_for_each_cohort_are_grouped_by_the_cohorts_label(trials: Trials, registry: Path) -> None:
    """Before, a text that gives each cohort its own inclusion and exclusion lists under a label
    ("Cohort B (lupus nephritis):", then "Inclusion Criteria:" again) was read as one pair of lists:
    cohort B's nephritis requirement imported as everyone's, its "Age 18 to 65 years" dropped as a
    repeat, its label filed as a sub-heading of cohort A's exclusion criteria, and cohort A's
    exclusion of active lupus nephritis shown beside cohort B's requirement of it."""
    data = imported(trials, registry, "criteria_cohort_lists.json", "NCT09010121")
    elig = data["eligibility"]
    a, b = "Cohort A (extrarenal SLE)", "Cohort B (lupus nephritis)"
    assert [(c["group"], c["text"]) for c in elig["inclusion_criteria"]] == [
        (a, "Age 18 to 65 years"),
        (a, "SLEDAI-2K ≥ 8 despite standard therapy"),
        (b, "Age 18 to 65 years"),
        (b, "Biopsy-proven lupus nephritis class III or IV"),
    ]
    assert [(c["group"], c["text"]) for c in elig["exclusion_criteria"]] == [
        (a, "Pregnancy"),
        (a, "Active lupus nephritis"),
        (b, "Pregnancy"),
        (b, "eGFR < 30 mL/min/1.73 m²"),
    ]
    assert not [n for n in data["curation"].get("notes", []) if n["field"] == "eligibility"]


def test_lists_repeated_with_no_label_are_said_to_be_read_as_one() -> None:
    found = criteria_text.split(
        "Inclusion Criteria:\n\n* A\n\nExclusion Criteria:\n\n* B\n\nInclusion Criteria:\n\n* C\n"
    )
    assert [c["text"] for c in found.inclusion] == ["A", "C"]
    assert found.remarks == [
        "The criteria text heads more than one list 'inclusion criteria' with no words before the heading saying "
        "whom each is for; their criteria are listed as one list."
    ]


def test_items_bulleted_as_word_processors_bullet_them_are_criteria_of_their_own(
    trials: Trials, registry: Path
) -> None:
    """Before, items bulleted "➢", "■", "✓" or "—", or with a symbol font's bullet pasted as a
    private-use character (U+F0B7), as lists copied from a protocol's document are, were read as one
    criterion (the bullet no mark, each line running on from the one above), bullets and all."""
    elig = imported(trials, registry, "criteria_word_processor_bullets.json", "NCT09010122")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {"text": "Active SLE despite standard therapy"},
        {"text": "Weight ≥ 40 kg"},
    ]
    assert elig["exclusion_criteria"] == [
        {"text": "Pregnancy or breastfeeding"},
        {"text": "Active hepatitis B or C"},
        {"text": "Prior CAR-T therapy"},
    ]


def test_items_numbered_in_a_run_on_one_line_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, a list that numbers its items in a run on one line ("1. Age 18 to 65 years; 2.
    SLEDAI-2K ≥ 8 ...; 3. Signed consent.") was imported as one criterion numbered 1 holding the
    others, numbers and all. A number goes on the list's own numbering after the punctuation that
    ends an item; "2.5 years" is no item 2."""
    elig = imported(trials, registry, "criteria_numbered_in_a_run.json", "NCT09010123")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years;"},
        {"number": 2, "text": "SLEDAI-2K ≥ 8, despite at least 2.5 years of therapy;"},
        {"number": 3, "text": "Signed consent."},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy;"},
        {"number": 2, "text": "Active infection."},
    ]


def test_an_outcome_with_no_measure_is_left_to_the_curator(trials: Trials, registry: Path) -> None:
    """Before, a primary outcome with a time frame and a description but no measure was dropped with
    no word, and its time frame declared silent: the check refused the import (E523), the source
    stating '24 weeks'."""
    data = imported(trials, registry, "outcome_without_measure.json", "NCT09010124")
    assert data["outcomes"]["primary"] == [{"measure": "Dose-limiting toxicities", "time_frame": "28 days"}]
    assert "outcomes.primary.description" in data["curation"]["not_yet_curated"]  # the left-out one's
    assert not any(f.startswith("outcomes.primary") for f in data["curation"]["silent"])
    assert {
        "field": "outcomes.primary",
        "text": "The source lists an item with no measure (it gives description, timeFrame); left out.",
    } in data["curation"]["notes"]


@pytest.mark.parametrize(
    "label, group",
    [
        ("Cohort 2 (lupus nephritis):", "Cohort 2 (lupus nephritis)"),
        ("**Cohort 2**", "Cohort 2"),
        ("### Cohort 2", "Cohort 2"),
        ("Cohort 2 (lupus nephritis)", "Cohort 2 (lupus nephritis)"),  # set off by the part it names alone
        ("Dose Expansion", "Dose Expansion"),
    ],
)
def test_a_cohorts_label_groups_the_lists_after_it(label: str, group: str) -> None:
    """Before, a label with no colon, bold or markdown ("Cohort 2 (lupus nephritis)" on its own
    line) was no label: cohort 2's lists were read as cohort 1's, and the label itself as cohort 1's
    last exclusion criterion."""
    found = criteria_text.split(
        "Inclusion Criteria:\n\n* Age 18 to 65 years\n\nExclusion Criteria:\n\n* Pregnancy\n\n"
        f"{label}\n\nInclusion Criteria:\n\n* Biopsy-proven nephritis\n\nExclusion Criteria:\n\n* HIV\n"
    )
    assert [(c.get("group"), c["text"]) for c in found.inclusion] == [
        (None, "Age 18 to 65 years"),
        (group, "Biopsy-proven nephritis"),
    ]
    assert [(c.get("group"), c["text"]) for c in found.exclusion] == [(None, "Pregnancy"), (group, "HIV")]
    assert found.remarks == []


def test_a_last_criterion_before_a_repeated_heading_is_no_label() -> None:
    found = criteria_text.split(
        "Inclusion Criteria:\n\nAdults\n\nExclusion Criteria:\n\nPregnancy\n\nInclusion Criteria:\n\nConsent\n"
    )
    assert [c["text"] for c in found.exclusion] == ["Pregnancy"] and "group" not in found.exclusion[0]
    assert [c["text"] for c in found.inclusion] == ["Adults", "Consent"]


@pytest.mark.parametrize(
    "heading",
    [
        "Inclusion Criteria (all must be met):",
        "Inclusion Criteria (must meet all of the following):",
        "Inclusion criteria for all participants:",
    ],
)
def test_a_heading_saying_how_its_list_applies_names_no_part_of_the_study(heading: str) -> None:
    """Before, "Inclusion Criteria (all must be met):" was read as the heading of a part of the study,
    and every inclusion criterion recorded under it as a group, as if it applied to that part alone;
    a heading that names a part ("Inclusion Criteria (Cohort 2):") still heads a group."""
    found = criteria_text.split(f"{heading}\n\n* Adults\n\nExclusion Criteria (any of the following):\n\n* Pregnancy\n")
    assert found.inclusion == [{"text": "Adults"}] and found.exclusion == [{"text": "Pregnancy"}]
    found = criteria_text.split("Inclusion Criteria for Part A (all must be met):\n\n* Adults\n")
    assert found.inclusion == [{"group": "Inclusion Criteria for Part A (all must be met)", "text": "Adults"}]


def test_lines_with_no_mark_under_an_item_ending_in_a_colon_are_its_sub_criteria(
    trials: Trials, registry: Path
) -> None:
    """Lines with no list mark right under "2. Positive for at least one of the following at
    screening:" are what it lists: its sub-criteria (alternatives of it), not criteria everyone must
    meet, nor words run into it."""
    data = imported(trials, registry, "criteria_unmarked_under_a_colon.json", "NCT09010125")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"][1] == {
        "number": 2,
        "text": "Positive for at least one of the following at screening:",
        "sub_criteria": [{"text": "ANA ≥ 1:80"}, {"text": "Anti-dsDNA antibodies"}],
    }
    assert [c.get("number") for c in elig["inclusion_criteria"]] == [1, 2, 3]
    assert elig["exclusion_criteria"][1]["sub_criteria"] == [
        {"text": "Rituximab within 6 months"},
        {"text": "Any CAR-T cell therapy"},
    ]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert notes[0] == (
        "Inclusion criteria: 2 lines with no list mark ('ANA ≥ 1:80', …), right under an item ending in a colon, "
        "are read as its sub-criteria."
    )


def test_a_study_saved_with_a_byte_order_mark_is_read_as_json(trials: Trials, registry: Path) -> None:
    """Before, a study saved with a UTF-8 byte-order mark (as Windows tools save JSON) was imported,
    but the check read its source as plain text, not JSON: every quote of the record was "not found
    in the cited source" (E502), and the import was refused."""
    assert (CTGOV / "byte_order_mark.json").read_bytes().startswith(b"\xef\xbb\xbf")
    data = imported(trials, registry, "byte_order_mark.json", "NCT09010126")
    assert data["overall_status"] == "RECRUITING"


def test_healthy_volunteers_written_as_text_is_the_yes_or_no_it_says(trials: Trials, registry: Path) -> None:
    """Before, healthyVolunteers written "No" (as a record converted from the classic API or a
    spreadsheet writes it, not the v2 API's false) was dropped and declared silent: the check
    refused the import (E523), the source stating 'No'."""
    data = imported(trials, registry, "healthy_volunteers_as_text.json", "NCT09010127")
    assert data["eligibility"]["healthy_volunteers"] is False
    assert data["evidence"]["eligibility.healthy_volunteers"] == "eligibilityModule.healthyVolunteers: No"


def test_a_line_that_goes_on_with_the_criterion_above_is_no_criterion_of_its_own() -> None:
    """A line with no list mark that begins with words going on with the criterion above ("Note:
    ...", "Or ...", "Unless ...") is words of it, however capitalised: read as a criterion of its
    own, a note on an inclusion criterion became a requirement, an alternative a second one."""
    found = criteria_text.split(
        "Inclusion Criteria:\n\n1. Positive ANA\nNote: a titre of 1:80 suffices\n2. SLEDAI-2K ≥ 6\n"
        "Or BILAG A in one organ system\n3. Adults\nOrgan transplant recipients are eligible\n"
    )
    assert [c["text"] for c in found.inclusion] == [
        "Positive ANA Note: a titre of 1:80 suffices",
        "SLEDAI-2K ≥ 6 Or BILAG A in one organ system",
        "Adults",
        "Organ transplant recipients are eligible",
    ]


def test_items_bulleted_with_no_space_after_the_bullet_are_criteria_of_their_own(
    trials: Trials, registry: Path
) -> None:
    """Before, "•Age 18 to 65 years" and "-Pregnancy or breastfeeding" (a bullet with no space after
    it, as lists pasted from a document write them) were no items: each list was read as one
    criterion, bullets and all. A dash marks an item so before a capital letter only ("-depleting"
    runs on)."""
    elig = imported(trials, registry, "criteria_bullets_without_space.json", "NCT09010128")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {"text": "Active SLE despite standard therapy"},
    ]
    assert elig["exclusion_criteria"] == [
        {"text": "Pregnancy or breastfeeding"},
        {"text": "Active hepatitis B or C"},
        {"text": "Prior CAR-T therapy"},
    ]
    found = criteria_text.split("Inclusion Criteria:\n\n* Prior B cell\n-depleting therapy\n")
    assert found.inclusion == [{"text": "Prior B cell -depleting therapy"}]


def test_a_date_struct_given_as_a_bare_date_is_quoted_where_the_source_states_it(
    trials: Trials, registry: Path
) -> None:
    """Before, a start date given bare where the API gives a struct ("startDateStruct": "2024-01-15",
    as a hand-made or converted file writes it) was quoted as "statusModule.startDateStruct: ...",
    which the check does not read there (E512): the import was refused."""
    data = imported(trials, registry, "date_struct_given_bare.json", "NCT09010129")
    assert data["dates"]["start"] == {"date": "2024-01-15"} and data["dates"]["completion"] == {"date": "2027-12"}
    assert data["evidence"]["dates.start"] == "startDateStruct: 2024-01-15"


def test_items_marked_before_a_no_break_space_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, "1.\\u00a0Age 18 to 65 years" (a no-break space after the number, as a word processor's
    numbered list pastes) was no item: each line a criterion with its number in its text (or, for
    "•\\u00a0", one criterion of the whole list), the source's numbering lost."""
    elig = imported(trials, registry, "criteria_no_break_spaces.json", "NCT09010130")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE despite standard therapy"},
    ]
    assert elig["exclusion_criteria"] == [{"text": "Pregnancy or breastfeeding"}, {"text": "Active hepatitis B or C"}]


def test_headings_with_no_criteria_under_them_state_no_criteria(trials: Trials, registry: Path) -> None:
    """Before, a criteria text of its two headings alone ("Inclusion Criteria:", "Exclusion
    Criteria:", nothing under either) was said to have "no 'Inclusion Criteria' or 'Exclusion
    Criteria' heading to split it at", and both lists were left for the curator to split: the
    source states no criterion, so both are silent, and the note says what the text holds."""
    data = imported(trials, registry, "criteria_headings_only.json", "NCT09010131")
    curation = data["curation"]
    assert {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"} <= set(curation["silent"])
    assert [n["text"] for n in curation["notes"] if n["field"] == "eligibility"] == [
        "The criteria text heads its lists but lists no criterion under either heading."
    ]


def test_items_and_headings_in_chinese_numerals_and_words_are_read_as_lists(trials: Trials, registry: Path) -> None:
    """Before, a Chinese text's headings "入选标准" and "排除标准" were no headings, and its items numbered
    "一、", "（二）" no items: the import only noted that the text had no heading, and left both lists to the
    curator. A line whose numeral runs into another ("一、二线治疗失败": first- and second-line treatment
    failed) is words, not item 1."""
    data = imported(trials, registry, "criteria_chinese_numerals.json", "NCT09010200")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "年龄18-65岁；"},
        {"number": 2, "text": "符合2019 EULAR/ACR SLE分类标准，且：", "sub_criteria": [{"text": "一、二线治疗失败；"}]},
        {"number": 3, "text": "SLEDAI-2K ≥ 8分。"},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "妊娠或哺乳期妇女；"},
        {"number": 2, "text": "活动性感染。"},
    ]
    assert "eligibility.inclusion_criteria" not in data["curation"].get("not_yet_curated", [])


@pytest.mark.parametrize(
    "numeral, number", [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("九十九", 99)]
)
def test_a_chinese_numeral_reads_as_its_number_and_back(numeral: str, number: int) -> None:
    assert criteria_text.han_number(numeral) == number and criteria_text.han_numeral(number) == numeral


@pytest.mark.parametrize("numeral", ["十十", "一二", "零", "百", ""])
def test_what_is_no_chinese_numeral_of_1_to_99_has_no_number(numeral: str) -> None:
    assert criteria_text.han_number(numeral) is None


def test_html_character_references_are_read_as_the_characters_they_write(trials: Trials, registry: Path) -> None:
    """Before, "&gt;=", "&amp;", "&lt;" (as ClinicalTrials.gov serves some texts entered in its old system)
    were copied into the record as written: a criterion "Age &gt;= 18 years" that no reader takes for an
    age, a title with "&amp;" in it. Now a JSON source's text reads them as their characters, for the
    import and the check alike: the record holds "Age >= 18 years", bound to the source, and "&sup2;"
    is a "²" the source writes (not one only NFKC reads)."""
    data = imported(trials, registry, "html_entities.json", "NCT09010201")
    assert data["brief_title"] == "CD19 CAR-T Cells & Rituximab in Refractory SLE"
    assert data["brief_summary"] == "Patients aged ≥ 18 years, R&D site; &nosuch; stays."
    assert data["arms"][0]["intervention_names"] == ["CD19 CAR-T cells", "Fludarabine & Cyclophosphamide"]
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age >= 18 years"},
        {"text": "SLEDAI-2K > 8 & anti-dsDNA positive"},
    ]
    assert elig["exclusion_criteria"] == [{"text": "eGFR < 30 mL/min/1.73 m²"}]


@pytest.mark.parametrize(
    "text, read",
    [
        ("a &gt;= b", "a >= b"),
        ("&#8805;&#x2265;", "≥≥"),
        ("&amp;gt;", "&gt;"),  # decoded once, as written
        ("R&D &lt &nosuch; &#0; &#10;", "R&D &lt &nosuch; &#0; &#10;"),  # no semicolon, no character, unprintable
    ],
)
def test_a_json_text_decodes_each_character_reference_once(text: str, read: str) -> None:
    from sle_trials.reading.layouts import json_string

    assert json_string(text) == read


def test_a_value_of_another_type_than_the_api_gives_is_left_out_with_a_note(trials: Trials, registry: Path) -> None:
    """Before, interventionNames or otherNames given as a number stopped the import with an internal
    error (a traceback's last line), a list given as one text ("interventionNames": "Biological: X",
    "conditions": "SLE") or a text field holding a number was read as absent and declared silent, and
    the import was refused by its own check (E523), and a lead sponsor with no name but a class the
    same. Now each is left out with a note naming the source file and the field, for the curator."""
    data = imported(trials, registry, "values_of_other_types.json", "NCT09010202")
    seed = data["curation"]["sources"][0]["file"]
    notes = {n["field"]: n["text"] for n in _own(data["curation"]["notes"])}
    said = {field: " ".join(text.split()) for field, text in notes.items()}
    assert said["arms.intervention_names"] == (
        f"{seed} gives armsInterventionsModule.armGroups[0].interventionNames as text "
        "('Biological: CD19 CAR-T cells'), not a list of texts; left out."
    )
    assert said["detailed_description"] == (
        f"{seed} gives descriptionModule.detailedDescription as a number (42), not text; left out."
    )
    assert "conditionsModule.conditions as text" in said["conditions"]
    assert "conditionsModule.keywords as a list holding a number (7)" in said["keywords"]
    assert "interventions[0].otherNames as a number (19)" in said["interventions.other_names"]
    assert said["sponsor"] == "The source's leadSponsor has no name (it gives class); left out."
    assert data["keywords"] == ["CAR-T"]
    for name in ("arms.intervention_names", "detailed_description", "conditions", "interventions.other_names"):
        assert name in data["curation"]["not_yet_curated"] and name not in data["curation"].get("silent", [])


def test_a_brief_title_of_another_type_is_refused_saying_so(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, a briefTitle given as a number was refused as "the study has neither briefTitle nor
    officialTitle", which it has."""
    study = json.loads((CTGOV / "values_of_other_types.json").read_text(encoding="utf-8"))
    study["protocolSection"]["identificationModule"]["briefTitle"] = 12345
    (tmp_path / "study.json").write_text(json.dumps(study), encoding="utf-8")
    result = trials("import", "ctgov", tmp_path / "study.json")
    assert result.status == 1
    assert "NCT09010202: identificationModule.briefTitle is a number (12345), not text; nothing written" in result.err


def test_a_date_of_year_0000_is_left_to_the_curator_at_any_precision(trials: Trials, registry: Path) -> None:
    """Before, the importer took "0000" and "0000-05" for dates (only a full date was tried against the
    calendar), while the check refuses year 0 at every precision (E103): the import was refused by its
    own check, though "0000-12-31" was left out with a note. One rule now (dates.in_calendar) for both."""
    data = imported(trials, registry, "date_year_0000.json", "NCT09010203")
    for name, key in (
        ("start", "startDateStruct"),
        ("primary_completion", "primaryCompletionDateStruct"),
        ("completion", "completionDateStruct"),
    ):
        assert name not in data["dates"] and f"dates.{name}" in data["curation"]["not_yet_curated"]
        assert {
            "field": f"dates.{name}",
            "text": f"The source's {key} is not a date this registry can hold; left out.",
        } in data["curation"]["notes"]


@pytest.mark.parametrize(
    "value, held",
    [("0000", False), ("0000-05", False), ("0000-05-01", False), ("2024-02-30", False), ("2024-13", False)]
    + [("0001", True), ("2024-02", True), ("2024-02-29", True), ("2023-02-29", False), ("24-02-01", False)],
)
def test_the_importer_takes_a_date_as_the_check_does(value: str, held: bool) -> None:
    from sle_trials.curate.ctgov.study import date_ok

    assert date_ok(value) is held


def test_a_description_too_long_for_a_record_is_left_out_saying_what_to_do(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, a study whose detailedDescription alone runs past 1 MiB was refused with "E306 seeds/…
    is cited by no record" and "E004 file is over 1,048,576 bytes", which said neither which field
    nor what to do. Now the longest fields are left out until the record fits, each with a note
    saying so and what to do, and the rest is imported."""
    study = json.loads((CTGOV / "criteria_cjk_and_lettered_items.json").read_text(encoding="utf-8"))
    study["protocolSection"]["identificationModule"]["nctId"] = "NCT09010204"
    paragraph = "The study treats refractory lupus with CD19 CAR-T cells. " * 40
    study["protocolSection"]["descriptionModule"] = {
        "briefSummary": "A study of CD19 CAR-T cells in refractory SLE.",
        "detailedDescription": "\n\n".join([paragraph] * 600),
    }
    (tmp_path / "long.json").write_text(json.dumps(study), encoding="utf-8")
    result = trials("import", "ctgov", tmp_path / "long.json")
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    data = record_data(registry / "trials" / "NCT09010204.yaml")
    assert "detailed_description" not in data and "detailed_description" in data["curation"]["not_yet_curated"]
    assert data["brief_summary"] == "A study of CD19 CAR-T cells in refractory SLE."
    (note,) = [n["text"] for n in data["curation"]["notes"] if n["field"] == "detailed_description"]
    assert " ".join(note.split()) == (
        "The source's detailed_description takes 1,369,798 bytes; with it the record would be over the "
        "1,048,576 bytes (1 MiB) a trial file may hold, so it is left out: curate it from the source in shorter form."
    )


def test_notes_between_items_are_words_of_the_item_above_or_a_sub_heading(trials: Trials, registry: Path) -> None:
    """Before, a note standing between items was split off as a criterion of its own: "Note: patients
    previously treated with belimumab are eligible." after a blank line (an eligibility statement
    imported as a condition of inclusion), "*Note: a negative test is required*" in emphasis right under
    an item (with a remark, where "**Note:**" ran on), and "NOTE: the following apply to adolescents
    only:" became a criterion, with the adolescents' criteria after it required of everyone. Now a
    note goes on with the item above (said in a remark after a blank line), and a note ending in a
    colon with items under it is their sub-heading."""
    data = imported(trials, registry, "criteria_notes_between_items.json", "NCT09010205")
    elig = data["eligibility"]
    adolescents = "NOTE: the following apply to adolescents only"
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {
            "number": 2,
            "text": "SLE per the 2019 EULAR/ACR classification criteria Note: patients previously treated with "
            "belimumab are eligible.",
        },
        {"number": 3, "text": "SLEDAI-2K >= 8"},
        {"group": adolescents, "text": "Weight >= 40 kg"},
        {"group": adolescents, "text": "Tanner stage 3 or more"},
    ]
    assert [c["text"] for c in elig["exclusion_criteria"]] == [
        "Pregnancy",
        "Active infection Note: a negative test is required",  # (its italics read as the words, hunt 214)
        "Prior CAR-T cell therapy",
    ]
    assert any("read as words of the item above" in n["text"] for n in data["curation"]["notes"])


def test_has_results_written_as_text_is_read_as_true_or_false(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, hasResults written "false" (as a study converted by another tool writes it, and
    healthyVolunteers "Yes") was read as absent and declared silent, and the import was refused by its
    own check (E523: the source states it). Now it is read as false, quoted as the source's line; a
    text that says neither is left out with a note."""
    data = imported(trials, registry, "has_results_as_text.json", "NCT09010206")
    assert data["results_posted"] is False
    assert data["evidence"]["results_posted"] == "hasResults: false"
    study = json.loads((CTGOV / "has_results_as_text.json").read_text(encoding="utf-8"))
    study["protocolSection"]["identificationModule"]["nctId"] = "NCT09010207"
    study["hasResults"] = "pending"
    (tmp_path / "pending.json").write_text(json.dumps(study), encoding="utf-8")
    assert trials("import", "ctgov", tmp_path / "pending.json").status == 0
    data = record_data(registry / "trials" / "NCT09010207.yaml")
    assert "results_posted" in data["curation"]["not_yet_curated"]
    assert {
        "field": "results_posted",
        "text": "The source's hasResults 'pending' is not true or false; left out.",
    } in data["curation"]["notes"]


def test_numbered_headings_head_their_lists_with_nothing_left_of_their_numbers(trials: Trials, registry: Path) -> None:
    """Before, "1. Inclusion Criteria:" and "2. Exclusion Criteria:" (headings numbered as parts of the
    text) were cut after their numbers, as a heading run into a sentence is: "2." was imported as an
    inclusion criterion, and "1." noted as words before the first heading."""
    data = imported(trials, registry, "criteria_numbered_headings.json", "NCT09010208")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {"number": 2, "text": "Diagnosis of SLE per the 2019 EULAR/ACR criteria"},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy or breastfeeding"},
        {"number": 2, "text": "Active HIV infection"},
    ]
    assert not any(n["field"] == "eligibility" for n in data["curation"].get("notes", []))


def test_chinese_headings_in_brackets_or_two_languages_head_their_lists(trials: Trials, registry: Path) -> None:
    """Before, "Exclusion Criteria 排除标准:" (a heading in two languages) right under an item was read as
    an inclusion criterion, the exclusion criteria under it as its sub-criteria; "【排除标准】" in the
    brackets Chinese texts set headings in was no heading either."""
    elig = imported(trials, registry, "criteria_chinese_headings_bracketed_and_bilingual.json", "NCT09010209")[
        "eligibility"
    ]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {"number": 2, "text": "Diagnosis of SLE"},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "妊娠或哺乳期；"},
        {"number": 2, "text": "活动性感染。"},
    ]


@pytest.mark.parametrize(
    "heading, kinds",
    [
        ("【入选标准】", {"inclusion"}),
        ("[排除标准]：", {"exclusion"}),
        ("入选标准（Inclusion Criteria）：", {"inclusion"}),
        ("Exclusion Criteria 排除标准:", {"exclusion"}),
        ("Inclusion Criteria 排除标准:", {None}),  # the two languages disagree: no heading
    ],
)
def test_a_chinese_heading_says_its_kind_in_either_language(heading: str, kinds: set) -> None:
    found = headings.heading_of(heading)
    assert (found[0] if found else None) in kinds


def test_nb_uvb_phototherapy_is_a_criterion_not_a_note(trials: Trials, registry: Path) -> None:
    """Before, a line "NB-UVB phototherapy within 4 weeks" (narrowband UVB, an exclusion) right under an
    item was read as a note on it ("NB", nota bene) and run into "Pregnancy or breastfeeding". "NB" is a
    note only as "NB:" or "NB."; after a blank line too."""
    elig = imported(trials, registry, "criteria_nb_uvb_is_no_note.json", "NCT09010210")["eligibility"]
    assert [c["text"] for c in elig["exclusion_criteria"]] == [
        "Pregnancy or breastfeeding",
        "NB-UVB phototherapy within 4 weeks",
        "Active infection",
        "NB-UVA1 phototherapy within 4 weeks",
        "Prior CAR-T cell therapy NB: a negative pregnancy test is required",
    ]


def test_a_note_never_goes_on_with_an_item_over_a_heading(trials: Trials, registry: Path) -> None:
    """Before, a note paragraph right after a repeated "Inclusion Criteria:" heading was run into the
    last item above the heading ("Diagnosis of SLE Note: ..."), words the source does not write
    together, and the import was refused by its own check (E501). Found by importing 400 criteria texts
    drawn from the fixtures' lines."""
    elig = imported(trials, registry, "criteria_note_after_a_repeated_heading.json", "NCT09010211")["eligibility"]
    assert [c["text"] for c in elig["inclusion_criteria"]] == [
        "Age 18-65 years",
        "Diagnosis of SLE",
        "Note: patients previously treated with belimumab are eligible.",
        "SLEDAI-2K >= 8",
    ]


@pytest.mark.parametrize(
    "value, read",
    [(True, True), (False, False), ("Yes", True), (" no ", False), ("TRUE", True), ("false", False)]
    + [("Accepts Healthy Volunteers", None), (1, None), (None, None), ([True], None)],
)
def test_hasresults_and_healthyvolunteers_are_read_by_one_rule(value: object, read: bool | None) -> None:
    """The importer read hasResults and healthyVolunteers by two copies of one table (status.py,
    eligibility.py); one rule now, study.yes_no."""
    from sle_trials.curate.ctgov.study import yes_no

    assert yes_no(value) is read


# The update tests hold a record's limit at 128 KiB, and their descriptions at 137 KB: the importer
# reads the limit where it decides (load.MAX_BYTES), and the test above holds the real one. At 1.37 MB
# each of the three took 1 to 3 s, reading the description again at each step.
SMALL_LIMIT = 128 * 1024


def _long_description(nct_id: str, updated: str | None = None) -> dict:
    """The CJK fixture as study nct_id with a 137 KB detailedDescription, over SMALL_LIMIT (and,
    given, a later update, whose description differs)."""
    study = json.loads((CTGOV / "criteria_cjk_and_lettered_items.json").read_text(encoding="utf-8"))
    study["protocolSection"]["identificationModule"]["nctId"] = nct_id
    if updated is not None:
        study["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = updated
    paragraph = "The study treats refractory lupus with CD19 CAR-T cells. " * 40
    study["protocolSection"]["descriptionModule"] = {
        "briefSummary": "A study of CD19 CAR-T cells in refractory SLE.",
        "detailedDescription": "\n\n".join([paragraph] * 60) + (f" Updated {updated}." if updated else ""),
    }
    return study


@pytest.mark.parametrize("first_long", [False, True])
def test_an_update_leaves_out_a_field_too_long_for_a_record_as_an_import_does(
    trials: Trials, registry: Path, tmp_path: Path, first_long: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, `--update` with a newer JSON whose detailedDescription runs past 1 MiB was refused with
    E306 and E004 (the merged record too large to read), though a new import of it leaves the field
    out with a note. Now the update leaves it out the same way (the base too, when the record was
    imported from such a JSON: no conflict over a field neither side holds)."""
    monkeypatch.setattr(load, "MAX_BYTES", SMALL_LIMIT)
    first = _long_description("NCT09010999") if first_long else None
    if first is None:
        first = json.loads((CTGOV / "criteria_cjk_and_lettered_items.json").read_text(encoding="utf-8"))
        first["protocolSection"]["identificationModule"]["nctId"] = "NCT09010999"
    (tmp_path / "first.json").write_text(json.dumps(first), encoding="utf-8")
    assert trials("import", "ctgov", tmp_path / "first.json").status == 0
    (tmp_path / "later.json").write_text(json.dumps(_long_description("NCT09010999", "2025-07-01")), encoding="utf-8")
    result = trials("import", "ctgov", "--update", tmp_path / "later.json")
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    data = record_data(registry / "trials" / "NCT09010999.yaml")
    assert "detailed_description" not in data and "detailed_description" in data["curation"]["not_yet_curated"]
    assert data["brief_summary"] == "A study of CD19 CAR-T cells in refractory SLE."
    (note,) = [n["text"] for n in data["curation"]["notes"] if n["field"] == "detailed_description"]
    assert "curate it from the source in shorter form" in note


def test_a_note_before_the_first_item_is_no_criterion(trials: Trials, registry: Path) -> None:
    """Before, "Note: all criteria must be met." between the heading and item 1 was read as an
    inclusion criterion of its own (a remark about the list required of each participant). Now a
    note before a list's first item, one line or wrapped, is left out with a remark saying so."""
    data = imported(trials, registry, "criteria_note_before_the_first_item.json", "NCT09010212")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {"number": 2, "text": "SLE per the 2019 EULAR/ACR classification criteria"},
    ]
    assert [c["text"] for c in elig["exclusion_criteria"]] == ["Pregnancy", "Active infection"]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert (
        "Inclusion criteria: 1 note ('Note: all criteria must be met.') before the first item is about the list, "
        "not a criterion; not imported as one." in notes
    )
    assert any("'NOTE: subjects meeting any of the following are excluded.'" in n for n in notes)


def test_items_bulleted_in_a_run_on_one_line_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, "* Age ≥ 18 years * SLE diagnosis * SLEDAI ≥ 8" (a list run together onto one line) was
    one criterion requiring all three as one. Now the bullet the line begins with starts an item
    again where it stands between spaces; a "*" only after a word and before a capital, so "ALT ≤
    2.5 * ULN" (a multiplication) stays one."""
    elig = imported(trials, registry, "criteria_bulleted_in_a_run.json", "NCT09010213")["eligibility"]
    assert [c["text"] for c in elig["inclusion_criteria"]] == [
        "Age ≥ 18 years",
        "SLE diagnosis",
        "SLEDAI ≥ 8",
        "ALT ≤ 2.5 * ULN",
    ]
    assert [c["text"] for c in elig["exclusion_criteria"]] == ["Pregnancy", "Active infection"]


@pytest.mark.parametrize(
    "line",
    ["* ANC ≥ 1.5 * 10^9/L", "* eGFR ≥ 60 mL/min * 1.73 m2", "* CrCl = (140 - age) * Weight / 72", "* x * y"],
)
def test_a_multiplication_in_a_bulleted_line_is_no_run_of_items(line: str) -> None:
    (item,) = criteria_text.split("Inclusion Criteria:\n\n" + line).inclusion
    assert item["text"] == line[2:]


def test_an_item_bulleted_twice_is_read_without_its_second_bullet(trials: Trials, registry: Path) -> None:
    """Before, "* • Pregnancy" (and "* &#x2022; Pregnancy" once its reference is read), as a page
    converted twice bullets its items, kept the second bullet in the criterion's text: "• Pregnancy".
    Now the second bullet is read as part of the item's mark."""
    elig = imported(trials, registry, "criteria_doubled_bullets.json", "NCT09010214")["eligibility"]
    assert [c["text"] for c in elig["inclusion_criteria"]] == [
        "Age 18-65 years",
        "SLE per the 2019 EULAR/ACR classification criteria",
    ]
    assert [c["text"] for c in elig["exclusion_criteria"]] == ["Pregnancy", "Active infection"]


def test_items_numbered_with_a_colon_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, "1: Age 18-65 years" / "2: SLE" (numbers written with a colon) were read as criteria
    with no number and "1: " kept in their text. Now "N: " before a word marks item N; a ratio
    wrapped onto a line ("ANA titre of" / "1: 80 or more") stays words of the item above."""
    elig = imported(trials, registry, "criteria_numbered_with_colons.json", "NCT09010215")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {"number": 2, "text": "SLE per the 2019 EULAR/ACR classification criteria"},
        {"number": 3, "text": "ANA titre of 1: 80 or more"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "Active infection"}]


def test_the_rows_of_a_table_in_the_criteria_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, a markdown table in the criteria ("| Test | Limit |", "|---|---|", a row a criterion)
    was one criterion, its header, rule and every row run together ("| Test | Limit | |:-----|…").
    Now each row below the header is a criterion (its cells as the row writes them), under an item
    ending in a colon its sub-criterion, and a remark names the table's header."""
    data = imported(trials, registry, "criteria_table.json", "NCT09010216")
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {
            "number": 2,
            "text": "Adequate organ function:",
            "sub_criteria": [{"text": "Hemoglobin | >= 9 g/dL"}, {"text": "ANC | >= 1.5 x 10^9/L"}],
        },
        {"number": 3, "text": "SLEDAI-2K >= 8"},
    ]
    assert [c["text"] for c in elig["exclusion_criteria"]] == [
        "Pregnancy | any time",
        "Active infection | within 4 weeks",
    ]
    notes = [n["text"] for n in data["curation"]["notes"]]
    assert any("a table (its header 'Test | Limit')" in n for n in notes)


def test_items_numbered_with_roman_numeral_characters_are_criteria_of_their_own(trials: Trials, registry: Path) -> None:
    """Before, "Ⅰ. Age 18-65 years" / "Ⅱ. SLE ..." (roman numerals written as one character each, as
    CJK texts write them) were one criterion, "Ⅰ. Age 18-65 years Ⅱ. SLE ...". Now such a numeral is
    an item's mark, read as "ii." is: a mark with no number."""
    elig = imported(trials, registry, "criteria_roman_numeral_characters.json", "NCT09010217")["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18-65 years"},
        {"text": "SLE per the 2019 EULAR/ACR classification criteria"},
    ]
    assert elig["exclusion_criteria"] == [{"text": "Pregnancy"}, {"text": "Active infection"}]


def test_an_age_is_imported_as_the_check_reads_its_unit(trials: Trials, registry: Path) -> None:
    """Before, maximumAge "65 YEARS" (in capitals, as a converted record writes it) was imported as 65
    years, which the check read as 65 with no unit (E508), so the import was refused by its own
    check; "18 yEARS" was imported too. Now the importer and the check read a unit by the same
    spellings (age_bounds.AGE_UNITS, capitals among them); one neither reads is left out with a note."""
    data = imported(trials, registry, "age_in_capitals.json", "NCT09010218")
    assert data["eligibility"]["maximum_age"] == {"value": 65, "unit": "YEARS"}
    assert "minimum_age" not in data["eligibility"]
    assert "eligibility.minimum_age" in data["curation"]["not_yet_curated"]
    assert {
        "field": "eligibility.minimum_age",
        "text": "The source's minimumAge '18 yEARS' is not an age this registry can hold; left out.",
    } in data["curation"]["notes"]


def test_an_update_takes_off_the_importers_note_the_new_json_no_longer_warrants(
    trials: Trials, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, a record imported with its 1.37 MB description left out kept the note "The source's
    detailed_description takes 1,369,798 bytes; ... left out" after an update whose JSON's description
    fits and was taken in: the note said the opposite of the record. Now the importer's notes on the
    old JSON that the new one no longer gives rise to go; a curator's note stays."""
    monkeypatch.setattr(load, "MAX_BYTES", SMALL_LIMIT)
    (tmp_path / "first.json").write_text(json.dumps(_long_description("NCT09010998")), encoding="utf-8")
    assert trials("import", "ctgov", tmp_path / "first.json").status == 0
    file = registry / "trials" / "NCT09010998.yaml"
    text = file.read_text(encoding="utf-8")
    curator = "    - field: brief_summary\n      text: The summary is the sponsor's, checked against the protocol.\n"
    file.write_text(text.replace("  notes:\n", "  notes:\n" + curator, 1), encoding="utf-8")
    assert trials("check").status == 0
    later = _long_description("NCT09010998", "2025-07-01")
    later["protocolSection"]["descriptionModule"]["detailedDescription"] = "A short description now."
    (tmp_path / "later.json").write_text(json.dumps(later), encoding="utf-8")
    result = trials("import", "ctgov", "--update", tmp_path / "later.json")
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    data = record_data(file)
    assert data["detailed_description"] == "A short description now."
    assert _own(data["curation"]["notes"]) == [
        {"field": "brief_summary", "text": "The summary is the sponsor's, checked against the protocol."},
        # (the fixture's maximumAge 70 beside its criterion "Aged 18-65 years;": two ages at one bound, hunt 213)
        {
            "field": "eligibility.maximum_age",
            "text": "The source's maximumAge is '70 Years', but its criterion 'Aged 18-65 years;' states another age "
            "at that bound; left for the curator.",
        },
    ]


def test_a_list_saying_none_is_no_criterion(trials: Trials, registry: Path) -> None:
    """Before, "Exclusion Criteria:\\n\\n* None" was imported as one exclusion criterion, "None": a
    criterion no participant could be excluded by, read by every consumer as one. Now a list that is
    only "None" (or "N/A", "Not applicable", ...) is left out with a note, for the curator."""
    data = imported(trials, registry, "criteria_exclusion_none.json", "NCT09010219")
    assert "exclusion_criteria" not in data["eligibility"]
    assert len(data["eligibility"]["inclusion_criteria"]) == 2
    assert "eligibility.exclusion_criteria" in data["curation"]["not_yet_curated"]
    assert {
        "field": "eligibility.exclusion_criteria",
        "text": "The source lists only 'None' under its exclusion heading: no criterion; none imported, left for "
        "the curator.",
    } in data["curation"]["notes"]


def test_a_length_of_time_in_the_criteria_is_no_age(trials: Trials, registry: Path) -> None:
    """Before, a length of time with a unit of time ("within 6 months of receiving belimumab", "for at
    least 4 weeks prior to screening", as in NCT05894239's "Disease progression within 6 months of
    receiving any HER2-targeted therapy") was read as an age at its bound: a study with no maximumAge
    imported with a note that its criteria state a maximum age, the maximum age left for the curator,
    and a curated record declaring it silent refused (E523)."""
    data = imported(trials, registry, "criteria_lengths_of_time.json", "NCT09014001")
    assert "eligibility.maximum_age" in data["curation"]["silent"]
    assert not [n for n in data["curation"].get("notes", []) if n["field"] == "eligibility.maximum_age"]
    assert data["eligibility"]["minimum_age"] == {"value": 18, "unit": "YEARS"}
    assert age_bounds.criteria_ages("Life expectancy > 12 weeks; within the past 12 months") == ()
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages("Patients over 65 years")] == [("min", 65)]
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages("infants < 6 months of age")] == [("max", 6)]


def test_a_note_marked_as_an_item_under_a_criterion_is_no_sub_criterion(trials: Trials, registry: Path) -> None:
    """Before, a note written as a bulleted item under a criterion (as NCT04267848 writes "  * Note:
    Patients with pathologic N2 disease, completely resected, are eligible. However, ...") was imported
    as a sub-criterion of it: a remark on eligibility read by every consumer as a further condition.
    Now it is left out of the lists, with a note for the curator saying so."""
    data = imported(trials, registry, "criteria_notes_marked_under_an_item.json", "NCT09014002")
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Biopsy-proven lupus nephritis class III or IV"},
        {"text": "Age 18 years or older", "sub_criteria": [{"text": "Weight >= 40 kg"}]},
        {"text": "Positive for at least one of:", "sub_criteria": [{"text": "ANA"}, {"text": "anti-dsDNA"}]},
    ]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert [" ".join(t.split()) for t in notes] == [
        "Inclusion criteria: 3 notes ('Note: class V in combination with class III or IV is…', …) marked "
        "as items under a criterion are about that criterion, not sub-criteria; not imported as sub-criteria."
    ]


def test_an_age_written_younger_than_is_a_maximum_the_criteria_state(trials: Trials, registry: Path) -> None:
    """Before, "younger than" and "older than" were no comparators: a study with no maximumAge whose
    criterion says "Patients younger than 70 years" imported with its maximum age declared silent,
    though its criteria state one, and the check let that pass."""
    data = imported(trials, registry, "age_older_and_younger_than.json", "NCT09014003")
    assert "eligibility.maximum_age" not in data["curation"]["silent"]
    assert "eligibility.maximum_age" in data["curation"]["not_yet_curated"]
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages("not older than 65 years")] == [("max", 65)]
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages("Older than 18 years")] == [("min", 18)]


def test_indented_paragraphs_under_an_item_are_siblings_and_a_colon_heads_the_items(
    trials: Trials, registry: Path
) -> None:
    """Before, two indented paragraphs under a numbered criterion (as NCT05765006 writes under its
    criterion 4: "Standard treatment regimen refers to ..." and "Oral corticosteroids must meet the
    following requirements:", then "1. Prednisone ... ≤30 mg/ day") were nested one in the other, and
    the requirements listed after the second went beside them: the glucocorticoid limits read as
    conditions of criterion 4 of their own, the sentence that heads them read as part of the first."""
    elig = imported(trials, registry, "criteria_paragraphs_under_an_item.json", "NCT09014004")["eligibility"]
    assert elig["inclusion_criteria"][1] == {
        "number": 2,
        "text": "Active SLE despite a stable standard regimen for at least 2 months.",
        "sub_criteria": [
            {"text": "A standard regimen is any of: glucocorticoids, antimalarials or immunosuppressants."},
            {
                "text": "Oral glucocorticoids must meet the following requirements:",
                "sub_criteria": [
                    {"number": 1, "text": "Prednisone (or equivalent) ≤ 30 mg/day."},
                    {"number": 2, "text": "Dose stable for at least 2 weeks."},
                ],
            },
        ],
    }
    assert [c["number"] for c in elig["inclusion_criteria"]] == [1, 2, 3]


def test_an_age_range_written_from_to_or_around_the_word_age_states_both_bounds(trials: Trials, registry: Path) -> None:
    """Before, "aged from 18 to 65 years" was read as a minimum of 18 with no unit and a 65 of no bound,
    and "18 years ≤ age ≤ 65 years" as a maximum alone: a study giving neither minimumAge nor
    maximumAge imported with its maximum age declared silent, though its criterion states it."""
    data = imported(trials, registry, "age_from_to_in_criteria.json", "NCT09014005")
    curation = data["curation"]
    assert {"eligibility.minimum_age", "eligibility.maximum_age"} <= set(curation["not_yet_curated"])
    assert not {"eligibility.minimum_age", "eligibility.maximum_age"} & set(curation.get("silent", []))
    both = [("min", 18), ("max", 65)]
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages("18 years ≤ age ≤ 65 years")] == both
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages("18 ≤ Age ≤ 65")] == both


DEFINED = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Women of childbearing potential must use contraception\n\n"
    "A female of childbearing potential is a sexually mature female who:\n\n"
    "* has not undergone a hysterectomy or bilateral oophorectomy; or\n"
    "* has not been naturally postmenopausal for at least 12 consecutive months.\n\n"
    "Exclusion Criteria:\n\n* Pregnancy\n\n"
    "Postmenopausal is defined as no menses for 12 months without an alternative medical cause.\n"
)


def test_a_definition_and_its_items_are_no_criteria_to_import_or_check() -> None:
    """Before, "A female of childbearing potential is a sexually mature female who:" was read as a
    sub-heading, and the items under it as inclusion criteria ("has not undergone a hysterectomy"
    required of every participant); a definition in a paragraph of its own was an exclusion criterion.
    A definition of a term the criteria use is no criterion, nor are its items: the importer leaves
    them out with a note on eligibility, and the check reads the JSON's lists as the importer does."""
    study = json.loads((CTGOV / "age_from_to_in_criteria.json").read_text(encoding="utf-8"))
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = DEFINED
    draft = record.to_record(study, "seeds/x.json", paths.load_schema(REPO)).data
    elig = draft["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {"text": "Women of childbearing potential must use contraception"},
    ]
    assert elig["exclusion_criteria"] == [{"text": "Pregnancy"}]
    notes = [n["text"] for n in draft["curation"]["notes"] if n["field"] == "eligibility"]
    assert any("1 definition ('A female of childbearing potential is" in n for n in notes), notes
    assert any("1 definition ('Postmenopausal is defined as" in n for n in notes), notes
    # a clause that is a criterion, and a lead into criteria, are no definitions
    kept = criteria_text.split(
        "Inclusion Criteria:\n\nSubjects are considered eligible if they meet all of the following:\n\n* Age 18+\n\n"
        "Exclusion Criteria:\n\nPregnancy\n\nPatients who are considered unsuitable by the investigator.\n"
    )
    assert [c["text"] for c in kept.exclusion] == [
        "Pregnancy",
        "Patients who are considered unsuitable by the investigator.",
    ]
    # (the lead into criteria, as a sub-heading, no group of them: tests/test_import_helper31_layouts.py)
    assert [c["text"] for c in kept.inclusion] == ["Age 18+"] and kept.remarks == [
        "The inclusion criteria list, under a sub-heading, a lead-in to the list ('Subjects are considered eligible if "
        "they meet all of the following'), not a group of its criteria; the items under it are read as the list's "
        "criteria."
    ]
    checked = layouts.read("seeds/x.json", json.dumps(study).encode()).criteria
    assert {name: [item.text for item in items] for name, items in checked.items()} == {
        name: [layouts.normalise(c["text"]) for c in elig[name]] for name in checked
    }


def test_collaborators_the_record_cannot_hold_are_noted() -> None:
    """Before, a study's collaborators (sponsorCollaboratorsModule.collaborators) were dropped with no
    word, while its other outcome measures were counted in a note: the schema has no place for either.
    A collaborator without a name is none to count."""
    study = json.loads((CTGOV / "completed_phase2_randomised.json").read_text(encoding="utf-8"))
    sponsors = study["protocolSection"]["sponsorCollaboratorsModule"]
    schema = paths.load_schema(REPO)
    said = (
        "The source lists {} (collaborators, besides the lead sponsor), which the record has no place for; "
        "not imported."
    )
    for collaborators, notes in (
        (sponsors["collaborators"], [said.format("1 collaborator")]),
        (
            [*sponsors["collaborators"], {"name": "Acme Cell Therapies"}, {"class": "NIH"}],
            [said.format("2 collaborators")],
        ),
        ([{"name": " "}], []),
    ):
        sponsors["collaborators"] = collaborators
        draft = record.to_record(study, "seeds/x.json", schema).data
        assert [n["text"] for n in _own(draft["curation"].get("notes", [])) if n["field"] == "sponsor"] == notes
        assert draft["sponsor"] == {"name": "Northbridge University Hospital", "class": "OTHER"}


# Shapes of real API v2 studies no other fixture takes: an expanded-access record (no arms, phases,
# design, enrollment or outcomes; status AVAILABLE; women only; an age in months), and a study with
# its results, documents and derived data posted (EARLY_PHASE1, a sham and a no-intervention arm,
# ages in weeks, healthy volunteers, an individual sponsor-investigator, a site with no facility, a
# reference with no PMID). Each value is the study's own, read from its own module; trials.csv says so.
REAL_SHAPES: dict[str, tuple[str, dict[str, object], set[str], dict[str, str]]] = {
    "expanded_access_available.json": (
        "NCT09170201",
        {
            "overall_status": "AVAILABLE",
            "study_type": "EXPANDED_ACCESS",
            "interventions": [{"name": "CD19 CAR-T cells", "type": "BIOLOGICAL", "other_names": ["WUH-19"]}],
            "eligibility.sex": "FEMALE",
            "eligibility.minimum_age": {"value": 6, "unit": "MONTHS"},
            "responsible_party": {"type": "SPONSOR"},
        },
        {"phases", "design", "enrollment", "arms", "outcomes", "locations", "eligibility.maximum_age"},
        {"study_type": "EXPANDED_ACCESS", "sex": "FEMALE", "minimum_age_years": "0.5", "site_count": "", "phases": ""},
    ),
    "results_and_documents_posted.json": (
        "NCT09170202",
        {
            "results_posted": True,
            "phases": ["EARLY_PHASE1"],
            "dates.start": {"date": "2022-02", "type": "ACTUAL"},
            "dates.completion": {"date": "2024", "type": "ACTUAL"},
            "arms": [
                {"label": "CAR-T", "type": "EXPERIMENTAL", "intervention_names": ["CD19 CAR-T cells"]},
                {
                    "label": "Sham",
                    "type": "SHAM_COMPARATOR",
                    "description": "Sham leukapheresis",
                    "intervention_names": ["Sham leukapheresis"],
                },
                {"label": "Standard care", "type": "NO_INTERVENTION", "description": "Standard immunosuppression"},
            ],
            "eligibility.minimum_age": {"value": 2, "unit": "WEEKS"},
            "eligibility.healthy_volunteers": True,
            "sponsor": {"name": "Mara Lind", "class": "INDIV"},
            # (Leeds, a site the study gives the status WITHDRAWN, is no site of the trial:
            # test_attacks_withdrawn_sites.py)
            "locations": [
                {"facility": "Westmere University Hospital", "city": "Westmere", "country": "New Zealand"},
            ],
            "references": [
                {
                    "type": "RESULT",
                    "citation": "Lind M, et al. CD19 CAR-T cells in childhood-onset SLE. Example J. 2025.",
                },
            ],
            "identifiers.secondary_ids": [{"id": "2023-500123-45-00", "type": "CTIS"}],
        },
        {"outcomes.secondary", "references.pmid", "locations.region"},
        {
            "phases": "EARLY_PHASE1",
            "completion_date": "2024",
            "interventions": "CD19 CAR-T cells|Sham leukapheresis",
            "cities": "Westmere",
            "site_count": "1",
            "minimum_age_years": "0.038",
            "maximum_age_years": "17",
            "healthy_volunteers": "true",
            "primary_outcomes": "Dose-limiting toxicities (time frame: 28 days)",
            "secondary_outcomes": "",
        },
    ),
}


def test_real_study_shapes_import_as_their_study_says(trials: Trials, registry: Path) -> None:
    """Both studies imported in one run (one registry, one check): the import passes the check (it
    refuses what it would leave failing), every value is the study's, what it lacks is silent, and
    the trials.csv row says what the record does."""
    result = trials("import", "ctgov", *(CTGOV / name for name in REAL_SHAPES))
    assert result.status == 0, result.out + result.err
    with (registry / "trials.csv").open(encoding="utf-8", newline="") as f:
        rows = {row["nct_id"]: row for row in csv.DictReader(f)}
    for nct_id, values, silent, cells in REAL_SHAPES.values():
        data = record_data(registry / "trials" / f"{nct_id}.yaml")
        for dotted, value in values.items():
            node: object = data
            for part in dotted.split("."):
                assert isinstance(node, dict), (nct_id, dotted)
                node = node[part]
            assert node == value, (nct_id, dotted)
        assert silent <= set(data["curation"]["silent"]), nct_id
        assert {k: rows[nct_id][k] for k in cells} == cells


# NCT03722472's inclusion criteria 2 and 3 as cyanheads/clinicaltrialsgov-mcp-server keeps the study
# (tests/fixtures/nct03722472.json): a footnote, then a note, each in an indented paragraph of its own
_FOOTNOTED = (
    "Inclusion Criteria:\n\n"
    "1. Males and females 18 to 55 years of age.\n"
    "2. In good general health as confirmed by a medical history and physical exam, vital signs\\*, and screening "
    "laboratories conducted no more than 30 days prior to study injection administration.\n\n"
    "   \\*Temperature \\<38°C, respiratory rate \\< 17 breaths pm, heart rate ≤100 bpm and \\>54 bpm.\n\n"
    "   NOTE: Athletically trained subjects with a pulse ≥40 may be enrolled at the discretion of the principal "
    "investigator or designated licensed clinical investigator.\n"
    "3. Screening laboratory values within normal limits.\n\n"
    "Exclusion Criteria:\n\n1. Previous exposure to ID93 vaccines.\n"
)


def test_a_note_in_an_indented_paragraph_under_an_item_is_no_sub_criterion() -> None:
    """Before, NCT03722472's "   NOTE: Athletically trained subjects with a pulse ≥40 may be enrolled ..."
    was imported as a sub-criterion of inclusion criterion 2, a criterion the study does not state; a note
    marked as an item under an item, or unindented after it, was never one. Here the footnote above it parts
    it from item 2's words: it is kept for a remark, not imported."""
    inclusion, _, remarks = criteria_text.split_criteria(_FOOTNOTED)
    health = inclusion[1]
    assert [c["text"] for c in health["sub_criteria"]] == [
        "*Temperature <38°C, respiratory rate < 17 breaths pm, heart rate ≤100 bpm and >54 bpm."
    ]
    assert inclusion[2] == {"number": 3, "text": "Screening laboratory values within normal limits."}
    assert any("1 note ('NOTE: Athletically trained subjects with a pulse ≥40 may be…')" in r for r in remarks)


def test_a_note_in_an_indented_paragraph_right_under_an_item_is_words_of_it() -> None:
    """With nothing between them, the indented note is words of the item, as an unindented one is."""
    text = _FOOTNOTED.replace(
        "   \\*Temperature \\<38°C, respiratory rate \\< 17 breaths pm, heart rate ≤100 bpm and \\>54 bpm.\n\n", ""
    )
    inclusion, _, remarks = criteria_text.split_criteria(text)
    assert "sub_criteria" not in inclusion[1]
    assert inclusion[1]["text"].endswith(
        "administration. NOTE: Athletically trained subjects with a pulse ≥40 may be enrolled at the discretion of "
        "the principal investigator or designated licensed clinical investigator."
    )
    assert any("read as words of the item above" in r for r in remarks)


def test_contradictory_dates_and_ages_are_left_to_the_curator(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """A study whose registry entry contradicts itself (a completion before its start, a minimum age
    above its maximum) was refused whole (E105, E104), and the curator had no draft to mend: each
    such value is left out now, with a note naming what it contradicts, and the draft imports."""
    doc = json.loads((CTGOV / "criteria_bulleted_heading.json").read_text(encoding="utf-8"))
    doc["protocolSection"]["eligibilityModule"].update(minimumAge="70 Years", maximumAge="18 Years")
    dates = doc["protocolSection"]["statusModule"]
    dates["startDateStruct"] = {"date": "2026-05", "type": "ESTIMATED"}
    dates["completionDateStruct"] = {"date": "2025-01-31", "type": "ACTUAL"}
    dates.pop("primaryCompletionDateStruct", None)
    path = tmp_path / "contradictory.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    data = imported(trials, registry, str(path), "NCT09010006")  # (an absolute path: CTGOV / it is itself)
    assert "start" not in data["dates"] and "completion" not in data["dates"]
    assert "minimum_age" not in data["eligibility"] and "maximum_age" not in data["eligibility"]
    left = ["dates.start", "dates.completion", "eligibility.minimum_age", "eligibility.maximum_age"]
    assert set(left) <= set(data["curation"]["not_yet_curated"])
    notes = {n["field"]: " ".join(n["text"].split()) for n in data["curation"]["notes"]}
    assert "startDateStruct 2026-05 is out of order with its completionDateStruct 2025-01-31" in notes["dates.start"]
    assert (
        "completionDateStruct 2025-01-31 is out of order with its startDateStruct 2026-05" in notes["dates.completion"]
    )
    assert "minimumAge '70 Years' is above its maximumAge '18 Years'" in notes["eligibility.maximum_age"]
    assert not set(left) & set(data["curation"].get("silent", [])), "left for the curator, never declared silent"
    # the dates in order, and the ages, are imported as before
    assert data["dates"]["last_updated"]["date"] == dates["lastUpdatePostDateStruct"]["date"]


def test_an_arm_naming_an_intervention_with_another_type_is_linked_with_a_note(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """ "Biological: Fludarabine" names the DRUG Fludarabine by its name: linked as before, and now said
    in a note, since the source contradicts itself or names a second intervention of that name whose
    first only is imported; an arm naming each with its own type gets no such note."""
    doc = json.loads((CTGOV / "completed_phase2_randomised.json").read_text(encoding="utf-8"))
    arm = doc["protocolSection"]["armsInterventionsModule"]["armGroups"][0]
    arm["interventionNames"][1] = "Biological: Fludarabine"
    path = tmp_path / "typed_otherwise.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    data = imported(trials, registry, str(path), "NCT09000011")
    assert data["arms"][0]["intervention_names"] == ["Anti-CD19 CAR-T cells", "Fludarabine", "Cyclophosphamide"]
    notes = [" ".join(n["text"].split()) for n in data["curation"]["notes"] if n["field"].startswith("arms.")]
    assert notes == [
        "The arm names 'Biological: Fludarabine', but the source's intervention 'Fludarabine' is of type DRUG; "
        "linked by its name: the curator's to check."
    ]
