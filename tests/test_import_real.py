"""trials import ctgov on real API v2 studies: each file under tests/fixtures/ctgov/real/ as a public
repository holds it (README.md there says which), imported into a registry copy. None is in the
registry's scope (lupus, CAR-T), so each is imported with --out-of-scope, as a curator would import it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Trials, record_data, snapshot
from sle_trials.curate.ctgov import saved
from sle_trials.reading import criteria_text

REAL = FIXTURES / "ctgov" / "real"
PARTS = {"NCT03453554.json", "search_melanoma_recruiting_limit3.json"}  # parts of studies, refused (tests below)
WEBSITE = "NCT03690141_website.json"  # the website's own answer, in HTML: refused (tests below)
STUDIES = sorted(path.name for path in REAL.glob("*.json") if path.name not in PARTS | {WEBSITE})
REASON = "a real API v2 study, imported by the tests"


def study(name: str) -> dict[str, Any]:
    """The study the file holds: the file itself, or the one study of a page of studies."""
    doc = json.loads((REAL / name).read_bytes())
    return doc["studies"][0] if "studies" in doc else doc


def imported(trials: Trials, registry: Path, name: str) -> dict[str, Any]:
    """The draft tests/fixtures/ctgov/real/<name> imports into; the registry still passes check and the
    draft is in canonical form."""
    result = trials("import", "ctgov", REAL / name, "--out-of-scope", REASON)
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    draft = registry / "trials" / f"{Path(name).stem}.yaml"
    assert trials("fmt", "--check", draft).status == 0  # (the records it was imported beside: test_fmt.py)
    return record_data(draft)


def _refused(trials: Trials, registry: Path, file: Path) -> str:
    """What `trials import ctgov FILE` says as it refuses the file (status 1), having written nothing."""
    before = snapshot(registry)
    result = trials("import", "ctgov", file, "--out-of-scope", REASON)
    assert result.status == 1
    assert snapshot(registry) == before
    return result.err


@pytest.mark.parametrize("name", STUDIES)
def test_a_real_study_imports_into_a_draft_holding_what_it_says(trials: Trials, registry: Path, name: str) -> None:
    data = imported(trials, registry, name)
    source = study(name)["protocolSection"]
    seed = registry / data["curation"]["sources"][0]["file"]
    assert seed.read_bytes() == (REAL / name).read_bytes()  # kept as received
    assert data["brief_title"] == source["identificationModule"]["briefTitle"]
    assert data["overall_status"] == source["statusModule"]["overallStatus"]
    assert data["enrollment"]["count"] == source["designModule"]["enrollmentInfo"]["count"]
    assert data["conditions"] == source["conditionsModule"]["conditions"]
    sites = source.get("contactsLocationsModule", {}).get("locations", [])
    # a site may be given by its city alone, no facility (NCT00791778's 59 sites)
    assert [(s.get("facility"), s["city"], s["country"]) for s in data.get("locations", [])] == [
        (s.get("facility"), s["city"], s["country"]) for s in sites
    ]


def test_a_line_of_list_marks_and_no_words_is_no_criterion(trials: Trials, registry: Path) -> None:
    """Before, the "       -" closing NCT04207047's exclusion criteria (an empty item a word processor
    left) was imported as a sub-criterion "-" of the criterion above: a criterion the study never states."""
    elig = imported(trials, registry, "NCT04207047.json")["eligibility"]
    medications = elig["exclusion_criteria"][18]
    assert medications["text"] == "History or current use of the following medications:"
    assert [c["number"] for c in medications["sub_criteria"]] == [1, 2, 3]
    assert "sub_criteria" not in medications["sub_criteria"][2]


def test_a_markdown_escape_of_any_punctuation_is_read_as_the_character_it_escapes(
    trials: Trials, registry: Path
) -> None:
    """Before, the API's Markdown "soft \\& bite-sized" (NCT05594173's detailed description) was
    imported as "soft \\& bite-sized": the escapes read were a list of some punctuation, without "&",
    while Markdown escapes any ASCII punctuation. The check reads the source the same way."""
    data = imported(trials, registry, "NCT05594173.json")
    assert "minced and moist, soft & bite-sized, regular" in data["detailed_description"]
    assert "\\" not in data["detailed_description"]


def test_a_real_study_cut_short_is_refused_at_its_line_and_column(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """A download cut off inside a text (NCT06171568's first 5,000 bytes, CRLF line ends): refused
    naming the file, the line and column where the unfinished text starts, and nothing written.
    Before, the decoder's words ran on to a place they did not give: "Unterminated string starting
    at; nothing written"."""
    cut = tmp_path / "NCT06171568.json"
    cut.write_bytes((REAL / "NCT06171568.json").read_bytes()[:5000])
    err = _refused(trials, registry, cut)
    assert err == (
        "trials import: NCT06171568.json:152:26: not valid JSON: Unterminated string starting here; nothing written\n"
    )


def test_a_real_study_holding_a_part_of_the_study_is_refused_saying_what_to_do(trials: Trials, registry: Path) -> None:
    """NCT03453554 as ctti-clinicaltrials/aact keeps it: the identification module and annotations,
    no statusModule. Before, it was refused as "the source's as-of date must be known", which says
    what is wrong but not what to do: import the whole study as the API gives it."""
    err = _refused(trials, registry, REAL / "NCT03453554.json")
    assert err.startswith(
        "trials import: NCT03453554.json: NCT03453554: statusModule.lastUpdatePostDateStruct.date is missing "
        "or not a date (the file has no statusModule: it holds a part of the study); the source's as-of date "
        "must be known: import the whole study as the API gives it (trials import ctgov NCT03453554, or save "
        "https://clinicaltrials.gov/api/v2/studies/NCT03453554 and import that file); nothing written"
    )


def test_a_note_after_an_items_sub_criteria_is_no_words_of_the_last_one(trials: Trials, registry: Path) -> None:
    """NCT06131398 (biomcp's capture) ends an inclusion item "willing to undergo 1 or more biopsies as
    follows:" with two bulleted sub-criteria, then, unindented after a blank line, "Note: Where slides are
    accepted, samples must consist of ...": a note on the biopsies of the item. Before, it was joined to the
    last sub-criterion, the cycle 2 biopsy alone, and the check read the source the same way; it is now
    joined to none (the sub-criteria part it from the item's words) and said in a note."""
    data = imported(trials, registry, "NCT06131398.json")
    biopsies = data["eligibility"]["inclusion_criteria"][5]
    assert biopsies["text"] == "Participants must be willing to undergo 1 or more biopsies as follows:"
    assert biopsies["sub_criteria"][1]["text"] == (
        "Mandatory fresh biopsy during cycle 2 (before the restaging of CT-scan) of treatment with AMG 355 "
        "(± pembrolizumab)."
    )
    assert any(
        "'Note: Where slides are accepted, samples must consist of a…') after a criterion's sub-criteria"
        in note["text"]
        for note in data["curation"]["notes"]
    )


def test_a_page_of_parts_of_studies_is_refused_naming_every_one(trials: Trials, registry: Path) -> None:
    """A real page of a `fields` query (biomcp's search capture): three studies, none with its last
    update posted. Before, the refusal named the first study alone, so a curator who fetched it whole
    met the next one, then the third; every one is now named, with what to do."""
    err = _refused(trials, registry, REAL / "search_melanoma_recruiting_limit3.json")
    assert err == (
        "trials import: search_melanoma_recruiting_limit3.json: 3 of its 3 studies (NCT06970236, NCT04114136, "
        "NCT04318717) have no statusModule.lastUpdatePostDateStruct.date: parts of studies, as a `fields` query "
        "gives them; the source's as-of date must be known: import each whole study as the API gives it (trials "
        "import ctgov NCT…); nothing written\n"
    )


def test_a_real_classic_xml_record_is_refused_saying_how_to_get_the_v2_json(trials: Trials, registry: Path) -> None:
    """NCT00001177 as ctti-clinicaltrials/aact keeps it: the retired classic API's XML record. Before, it
    was refused as "NCT00001177.xml:1:1: not valid JSON: Expecting value", which says neither what the
    file is nor what to do; now it is named for what it is, with the command that fetches the study."""
    err = _refused(trials, registry, REAL / "NCT00001177.xml")
    assert err == (
        "trials import: NCT00001177.xml: a study record in the classic XML format (clinical_study), retired in "
        "2024; this import reads a study as the API v2 gives it, in JSON: `trials import ctgov NCT00001177` "
        "fetches it, or save https://clinicaltrials.gov/api/v2/studies/NCT00001177 and import that file; "
        "nothing written\n"
    )


def test_a_note_indented_under_an_items_footnote_is_no_sub_criterion(trials: Trials, registry: Path) -> None:
    """NCT03722472 (cyanheads' capture) writes under inclusion criterion 2 ("... vital signs\\*, and screening
    laboratories ...") an indented footnote ("\\*Temperature \\<38°C, ...") and then an indented "NOTE:
    Athletically trained subjects with a pulse ≥40 may be enrolled ...". Before, the note was imported as a
    second sub-criterion of item 2, a criterion the study does not state; it is now said in a note, not
    imported, and the check reads the source the same way."""
    data = imported(trials, registry, "NCT03722472.json")
    health = data["eligibility"]["inclusion_criteria"][1]
    assert [c["text"][:20] for c in health["sub_criteria"]] == ["*Temperature <38°C, "]
    assert [c["number"] for c in data["eligibility"]["inclusion_criteria"]] == list(range(1, 10))
    assert any(
        "1 note ('NOTE: Athletically trained subjects with a pulse ≥40 may be…') after a criterion's sub-criteria"
        in note["text"]
        for note in data["curation"]["notes"]
    )


def test_sites_given_by_their_city_alone_are_imported_with_no_facility(trials: Trials, registry: Path) -> None:
    """NCT00791778 (biomcp's capture, one line of JSON, 91 KB with results) gives its 59 sites by city,
    region and country, none with a facility: each is imported as the source gives it, the facility
    declared silent, and no facility written that the source does not state."""
    data = imported(trials, registry, "NCT00791778.json")
    assert len(data["locations"]) == 59
    assert not any("facility" in site for site in data["locations"])
    assert data["locations"][7] == {"city": "La Louvière", "country": "Belgium"}
    assert "locations.facility" in data["curation"]["silent"]


def test_items_indented_under_a_paragraph_ending_in_a_colon_are_its_sub_criteria() -> None:
    """NCT00001177's criteria as the classic XML (and the API's legacy markup) lays them out: paragraphs at
    8 spaces, items at 10. "The criteria for recurrent brief depression include the following:" is followed
    by five items that define a comparison group; before, they were read as five inclusion criteria of
    their own, beside the paragraph, so that the record said every woman must have had "duration less than
    two weeks" of dysphoric mood, which the study does not state. Items indented beyond a top-level
    paragraph ending in a colon now nest under it, as under an item above them."""
    xml = (REAL / "NCT00001177.xml").read_text(encoding="utf-8")
    found = re.search(r"<criteria>\s*<textblock>\r?\n(.*?)\s*</textblock>", xml, re.S)
    assert found is not None
    inclusion, exclusion, _ = criteria_text.split_criteria(found.group(1))
    assert [c["text"][:40] for c in inclusion] == [
        "The subjects of this study will be women",
        "Subjects who do not meet the criteria li",
        "Age-matched women without mood and behav",
    ]
    assert [len(c.get("sub_criteria", [])) for c in inclusion] == [5, 5, 0]
    assert inclusion[1]["sub_criteria"][1]["text"] == "duration less than two weeks;"
    assert len(exclusion) == 2


def test_the_websites_own_answer_for_a_study_is_refused_saying_what_it_is(trials: Trials, registry: Path) -> None:
    """NCT03690141 as the ClinicalTrials.gov website's study page reads it (/api/int/studies/NCT03690141,
    saved in a public repository's notes): the study under "study", its texts in HTML ("<p>", "<ul><li>",
    "&#x2F;"), the search's term marked in its title and conditions ("(<mark class="hl-term">CRPC</mark>)").
    Before, it was refused as "not a ClinicalTrials.gov study: no protocolSection", which it has, one
    level down; now it is named for what it is, with the command that fetches the study's v2 JSON."""
    err = _refused(trials, registry, REAL / WEBSITE)
    assert err == (
        f"trials import: {WEBSITE}: the ClinicalTrials.gov website's own answer (/api/int/studies/NCT…): the study "
        'under "study", its texts in HTML, a search\'s terms marked in them (<mark>); this import reads a study as '
        "the API v2 gives it, in JSON: `trials import ctgov NCT03690141` fetches it, or save "
        "https://clinicaltrials.gov/api/v2/studies/NCT03690141 and import that file; nothing written\n"
    )


def test_a_study_whose_texts_are_html_is_refused_naming_the_first_tag(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """The same study taken out of its "study" (as a curator unwraps it to fit the API v2's form). Before,
    it was imported, and `trials check` passed a draft whose brief_title and conditions held the search's
    markup ("Prostate Cancer (<mark class="hl-term">CRPC</mark>)"), a title the registry does not give,
    whose summary held "<p>" tags, and whose criteria (one line of "<ul><li>") were left unsplit. Now it
    is refused, naming the study, the first text holding a tag and the tag, and nothing is written."""
    unwrapped = tmp_path / "NCT03690141.json"
    inner = json.loads((REAL / WEBSITE).read_bytes())["study"]
    unwrapped.write_text(json.dumps(inner, ensure_ascii=False, indent=2), encoding="utf-8")
    err = _refused(trials, registry, unwrapped)
    assert err.startswith(
        "trials import: NCT03690141.json: NCT03690141: protocolSection.identificationModule.briefTitle holds the "
        "HTML tag '<mark class=\"hl-term\">': texts in HTML, as the ClinicalTrials.gov website's own answer "
        "(/api/int/studies/NCT…) writes them, not in the API v2's Markdown; "
    )
    assert err.endswith("import that file; nothing written\n")


@pytest.mark.parametrize(
    "text, tag",
    [
        # NCT04431453's arm label (ctti-clinicaltrials/aact spec/support/json_data/NCT04431453.json): a label is
        # no Markdown, its "<" unescaped
        ("Remdesivir (RDV), Cohort 1: Age 12 to <18 Years and Weight ≥40 kg", None),
        ("RDV, Cohort 5: Age ≥14 - <28 Days of Age, Gestational Age >37 Weeks", None),
        ("a<b and c>d", None),
        ("Temperature \\<38°C \\<p>", None),  # the API v2's Markdown escapes a "<"
        ("<p>Inclusion Criteria:</p>", "<p>"),
        ('Prostate Cancer (<mark class="hl-term">CRPC</mark>)', '<mark class="hl-term">'),
        ("<ul><li>Men ≥18 years.</li></ul>", "<ul>"),
        ("Effect of <i>Lactobacillus rhamnosus</i> GG in Adults", None),  # a citation's italics, as PubMed writes
        ("CD4<sup>+</sup> T cells<br/>", None),
    ],
)
def test_a_text_is_html_only_where_it_holds_a_tag(text: str, tag: str | None) -> None:
    study = {"protocolSection": {"identificationModule": {"nctId": "NCT04431453", "briefTitle": text}}}
    said = saved.html_text(study)
    if tag is None:
        assert said is None
    else:
        assert said is not None and f"briefTitle holds the HTML tag {tag!r}" in said


def test_a_closing_remark_that_the_list_is_incomplete_is_no_exclusion_criterion(trials: Trials, registry: Path) -> None:
    """NCT02210780 (a trimmed copy of ctti-clinicaltrials/aact's) ends its "Key Exclusion Criteria:" with
    the paragraph "The information listed above is not intended to contain all considerations ... and
    not all inclusion/ exclusion criteria are listed.", as many sponsors' studies do. Before, it was
    imported as an eighth exclusion criterion, one the study does not state (a remark was known only
    where it pointed elsewhere: "other", "protocol", "may apply"); it is now a remark about the lists,
    said in a note, and the check reads the source the same way."""
    data = imported(trials, registry, "NCT02210780.json")
    elig = data["eligibility"]
    assert [c["number"] for c in elig["exclusion_criteria"]] == list(range(1, 8))
    assert elig["exclusion_criteria"][-1]["text"].startswith("Chronic or acute infection requiring treatment")
    assert [c["number"] for c in elig["inclusion_criteria"]] == list(range(1, 6))
    assert any(
        "The exclusion criteria end with a remark about the criteria, not a criterion: 'The information listed "
        "above is not intended" in note["text"]
        for note in data["curation"]["notes"]
    )


def test_a_closing_remark_on_the_information_above_is_no_criterion() -> None:
    """NCT01082549's exclusion criteria end, as a public data set quotes them (stored code index file id
    60238707106), with "The above information is not intended to contain all considerations relevant to a
    patient's potential participation in a clinical trial.": no criterion, though it names none of the
    criteria's words ("inclusion/exclusion criteria", "eligibility criteria"). Before, it was read as an
    exclusion criterion."""
    remark = (
        "The above information is not intended to contain all considerations relevant to a patient's potential "
        "participation in a clinical trial."
    )
    inclusion, exclusion, remarks = criteria_text.split_criteria(
        "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n"
        "11. Known or suspected allergy/hypersensitivity to any agent given in the course of this trial.\n\n"
        f"{remark}"
    )
    assert [c["text"] for c in exclusion] == [
        "Known or suspected allergy/hypersensitivity to any agent given in the course of this trial."
    ]
    assert remarks == [
        "The exclusion criteria end with a remark about the criteria, not a criterion: "
        "'The above information is not intended to contain all considerations relevant to a patient's…'; it is not "
        "imported as one."
    ]


def test_who_may_take_part_beyond_the_records_fields_is_said_in_notes(trials: Trials, registry: Path) -> None:
    """NCT06323538 (cyanheads' capture) gives sex ALL with genderBased and the genderDescription "We plan to
    include proportions of women and men (ratio 1:1), whereby a proportion of women of up to 60 % is
    accepted.", and a studyPopulation defining its vegans and vegetarians; NCT06171568 (aact's) its
    population of "Patients hospitalized at Lariboisière hospital...". The record has no field for them;
    before, the draft dropped them with no word (as it does not the collaborators), so a curator reading
    eligibility.sex ALL was not told the study balances women and men. Each is now said in a note."""
    notes = imported(trials, registry, "NCT06323538.json")["curation"]["notes"]
    said = {n["field"]: n["text"] for n in notes}
    assert said["eligibility.sex"].startswith(
        "The source says that eligibility is based on gender (genderBased) and how: 'We plan to include "
        "proportions of women and men (ratio 1:1), whereby a proportion of women of up to 60 % is accepted.'"
    )
    assert "its study population, 'Vegans - no consumption of animal products" in said["eligibility"]
    assert "how it is sampled, NON_PROBABILITY_SAMPLE (samplingMethod)" in said["eligibility"]
    notes = imported(trials, registry, "NCT06171568.json")["curation"]["notes"]
    assert any(
        n["field"] == "eligibility"
        and "'Patients hospitalized at Lariboisière hospital...' (studyPopulation)" in n["text"]
        for n in notes
    )


def test_how_the_design_is_described_beyond_its_values_is_said_in_notes(trials: Trials, registry: Path) -> None:
    """NCT03722472 (cyanheads' capture) gives QUADRUPLE masking with the maskingDescription "All clinical staff
    and the participants are blinded to treatment, with the exception of the clinical pharmacist who prepares
    the vaccines and syringes." and whom it masks; the record holds the masking alone. Before, the draft
    dropped the rest with no word (as it does not the collaborators); each is now said in a note."""
    notes = imported(trials, registry, "NCT03722472.json")["curation"]["notes"]
    said = [n["text"] for n in notes if n["field"] == "design.masking"]
    assert said == [
        "The source gives maskingInfo.maskingDescription 'All clinical staff and the participants are blinded to "
        "treatment, with the exception of the clinical pharmacist who…', which the record "
        "has no place for; not imported.",
        "The source gives maskingInfo.whoMasked 'PARTICIPANT, CARE_PROVIDER, INVESTIGATOR, OUTCOMES_ASSESSOR', "
        "which the record has no place for; not imported.",
    ]


def test_a_text_field_keeps_its_backslash_and_a_markup_fields_escape_is_read(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """The API v2 gives its markup fields (summaries, descriptions, criteria) in Markdown, escaping what
    Markdown would read as markup (NCT02576665's brief summary "recurrent high grade glioma \\\\[rHGG\\\\]"),
    and its text fields as the sponsor typed them, no Markdown (NCT02210780's outcome measure "the Adacel
    [Tdap] Vaccine", unescaped). Before, the importer read a backslash before punctuation in any field as
    an escape, so a text field whose sponsor typed one (the measure here, edited to "\\\\[Tdap\\\\]", as pasted
    from a Markdown page) lost it: the record did not say what the registry's page shows."""
    data = imported(trials, registry, "NCT02576665.json")
    assert "(including recurrent high grade glioma [rHGG]) or lymphoma." in data["brief_summary"]
    measure = study("NCT02210780.json")["protocolSection"]["outcomesModule"]["primaryOutcomes"][0]["measure"]
    assert "the Adacel [Tdap] Vaccine" in measure
    doc = json.loads((REAL / "NCT02210780.json").read_bytes())
    doc["protocolSection"]["outcomesModule"]["primaryOutcomes"][0]["measure"] = measure.replace("[Tdap]", "\\[Tdap\\]")
    edited = tmp_path / "NCT02210780.json"
    edited.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    assert trials("import", "ctgov", edited, "--out-of-scope", REASON).status == 0
    assert trials("check").status == 0
    outcomes = record_data(registry / "trials" / "NCT02210780.yaml")["outcomes"]
    assert "the Adacel \\[Tdap\\] Vaccine" in outcomes["primary"][0]["measure"]


def test_results_first_posted_without_has_results_is_left_to_the_curator(trials: Trials, registry: Path) -> None:
    """NCT02210780 (a trimmed copy of ctti-clinicaltrials/aact's) gives no hasResults, but its statusModule says
    its results were first posted on 2020-05-07 (resultsFirstPostDateStruct). Before, results_posted was
    declared silent, "not stated by the source", which states it; now it is left for the curator, with a note."""
    curation = imported(trials, registry, "NCT02210780.json")["curation"]
    assert "results_posted" not in curation.get("silent", [])
    assert "results_posted" in curation["not_yet_curated"]
    assert {
        "field": "results_posted",
        "text": "The source gives no hasResults, but its results were first posted 2020-05-07 "
        "(statusModule.resultsFirstPostDateStruct); left for the curator.",
    } in curation["notes"]


def test_an_update_brings_in_the_note_on_what_the_registry_changed_where_the_record_has_no_place(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """NCT02576665 (biomcp's) imported, its notes on what the record has no place for taken off (as a
    record imported before the importer wrote them lacks them); then the registry says the study has a
    data monitoring committee after all. Before, --update applied the new last-update date and left the
    change in the oversight unsaid: it added an importer's note only in place of one it took off."""
    imported(trials, registry, "NCT02576665.json")
    file = registry / "trials" / "NCT02576665.yaml"
    lines = file.read_text(encoding="utf-8").split("\n")
    kept, skipping = [], False
    for at, line in enumerate(lines):
        if line.startswith("    - field: "):
            skipping = "gives what the record has no place for" in " ".join(lines[at : at + 4])
        elif not line.startswith("      "):
            skipping = False
        if not skipping:
            kept.append(line)
    if kept[kept.index("  notes:") + 1].startswith("  ") and not kept[kept.index("  notes:") + 1].startswith("    "):
        kept.remove("  notes:")  # none left
    file.write_text("\n".join(kept), encoding="utf-8")
    assert "no place for" not in file.read_text(encoding="utf-8")
    assert trials("check").status == 0
    doc = json.loads((REAL / "NCT02576665.json").read_bytes())
    doc["protocolSection"]["oversightModule"]["oversightHasDmc"] = True
    doc["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2020-03-02"
    newer = tmp_path / "NCT02576665.json"
    newer.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    result = trials("import", "ctgov", newer, "--update")
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    notes = record_data(file)["curation"]["notes"]
    assert {
        "field": "sponsor",
        "text": "The source's oversightModule gives what the record has no place for, not imported: "
        "oversightHasDmc true.",
    } in notes


@pytest.mark.parametrize(
    ("name", "items", "column", "value", "other"),
    [
        # "External Beam Radiation Therapy" given the type PROCEDURE, "Bayer Study Director" the role STUDY_CHAIR
        ("NCT06388018.json", ("armsInterventionsModule", "interventions"), "type", "PROCEDURE", "RADIATION"),
        ("NCT00791778.json", ("contactsLocationsModule", "overallOfficials"), "role", "STUDY_CHAIR", "STUDY_DIRECTOR"),
    ],
)
def test_a_list_items_type_is_read_under_its_key_not_in_its_name(
    trials: Trials,
    registry: Path,
    tmp_path: Path,
    name: str,
    items: tuple[str, str],
    column: str,
    value: str,
    other: str,
) -> None:
    """Before, an intervention named "External Beam Radiation Therapy" of the type PROCEDURE, or an official
    named "Bayer Study Director" of the role STUDY_CHAIR, was refused on import (E507: the quote "says
    PROCEDURE, RADIATION"): a vocabulary value is quoted with its item's name, and the name's words were
    read as a value too. The value is read under its own key (ctgov_study.own_values); the name's words
    vouch for no other value."""
    doc = json.loads((REAL / name).read_bytes())
    each = (doc["studies"][0] if "studies" in doc else doc)["protocolSection"][items[0]][items[1]]
    for item in each:
        item[column] = value
    file = tmp_path / name
    file.write_text(json.dumps(doc), encoding="utf-8")
    assert trials("import", "ctgov", file, "--out-of-scope", REASON).status == 0
    draft = registry / "trials" / name.replace(".json", ".yaml")
    key = {"interventions": "interventions", "overallOfficials": "officials"}[items[1]]
    index = 2 if key == "interventions" else 0  # the item whose name holds the other value's words
    assert record_data(draft)[key][index][column] == value
    # ... and the other value, which only the name's words say, is refused
    text = draft.read_text(encoding="utf-8")
    at = text.index(f"  - name: {record_data(draft)[key][index]['name']}\n")
    wrong = text[:at] + text[at:].replace(f"\n    {column}: {value}\n", f"\n    {column}: {other}\n", 1)
    draft.write_text(wrong, encoding="utf-8")
    assert f" E507 {key}.{index}.{column}: {other} is not what the quote states: it says {value} " in (
        trials("validate", draft).out
    )
