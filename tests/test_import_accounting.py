"""Every key of a real ClinicalTrials.gov study (tests/fixtures/ctgov/real/, README.md there says which)
is accounted for by the importer (ctgov/accounting.py): read into a field, said in a note, or left out
on purpose for a reason written down. Before, the draft dropped with no word the study's oversight (a
data monitoring committee, an FDA-regulated drug), its IPD sharing statement, its central contacts,
its sites' recruitment status, its see-also links, its posted results and documents, its biospecimens
and the rest, and a key the API adds would have been dropped the same way."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from conftest import FIXTURES, REPO
from sle_trials import paths
from sle_trials.curate.ctgov import accounting, record

REAL = FIXTURES / "ctgov" / "real"
WEBSITE = "NCT03690141_website.json"  # the website's own answer, not the API's: refused (test_import_real.py)
FILES = sorted(p.name for p in REAL.glob("*.json") if p.name != WEBSITE)
IMPORTED = sorted(set(FILES) - {"NCT03453554.json", "search_melanoma_recruiting_limit3.json"})  # parts: refused


def studies(name: str) -> list[dict[str, Any]]:
    doc = json.loads((REAL / name).read_bytes())
    return doc["studies"] if "studies" in doc else [doc]


def draft(study: dict) -> dict[str, Any]:
    return record.to_record(study, "seeds/x.json", paths.load_schema(REPO)).data


@pytest.mark.parametrize("name", FILES)
def test_every_key_a_real_study_gives_is_read_noted_or_left_out_for_a_reason(name: str) -> None:
    for study in studies(name):
        assert accounting.unaccounted(study) == []


@pytest.mark.parametrize("name", IMPORTED)
def test_each_key_of_a_real_study_the_record_has_no_place_for_is_named_in_a_note(name: str) -> None:
    study = studies(name)[0]
    data = draft(study)
    notes = [n["text"] for n in data["curation"].get("notes", [])]
    given = {path for path, _ in accounting.walk(study)}
    for path in given & set(accounting.NOTED):
        module, key = path.split(".")[1 if path.startswith("protocolSection.") else 0], path.split(".")[-1]
        assert any(module in text and key in text for text in notes), path
    for path in given & set(accounting.MAPPED):  # a key read into a field: the field holds it, or is left out
        name_ = accounting.MAPPED[path]
        curation = data["curation"]
        assert _holds(data, name_) or name_ in curation.get("not_yet_curated", []), path


def _holds(node: Any, dotted: str) -> bool:
    """Whether the record holds a value at the dotted field, in any item of a list on the way."""
    if not dotted:
        return node not in (None, [], {})
    if isinstance(node, list):
        return any(_holds(item, dotted) for item in node)
    head, _, rest = dotted.partition(".")
    return isinstance(node, dict) and head in node and _holds(node[head], rest)


def test_a_persons_contact_details_are_counted_never_copied() -> None:
    """NCT06171568 (aact's) gives two central contacts and a site's contacts, with phones and e-mails:
    the note counts them and names their keys, and no phone or e-mail is in the draft (a contact's
    name may be there: the study lists the same person among its officials)."""
    study = studies("NCT06171568.json")[0]
    data = draft(study)
    said = json.dumps(data, ensure_ascii=False)
    contacts = study["protocolSection"]["contactsLocationsModule"]
    people = [*contacts["centralContacts"], *(c for site in contacts["locations"] for c in site.get("contacts", []))]
    for person in people:
        for key in ("phone", "email"):
            if person.get(key):
                assert person[key] not in said
    assert any(
        "centralContacts (2 given: name, role, phone, phoneExt, email)" in n["text"] for n in data["curation"]["notes"]
    )


def test_what_the_record_has_no_place_for_is_said_with_its_values() -> None:
    """NCT04207047 (aact's): a device study whose oversight says it studies an unapproved, FDA-regulated
    device; NCT06323538 (cyanheads'): eight sites, six recruiting and two not yet, and its biospecimens."""
    notes = {n["text"] for n in draft(studies("NCT04207047.json")[0])["curation"]["notes"]}
    assert (
        "The source's oversightModule gives what the record has no place for, not imported: oversightHasDmc false; "
        "isFdaRegulatedDrug false; isFdaRegulatedDevice true; isUnapprovedDevice true; isUsExport false."
    ) in notes
    notes = {n["text"] for n in draft(studies("NCT06323538.json")[0])["curation"]["notes"]}
    assert any("locations.status RECRUITING ×6, NOT_YET_RECRUITING ×2" in text for text in notes)
    assert any("bioSpec {retention SAMPLES_WITH_DNA, description 'fasting blood samples" in text for text in notes)


def test_a_key_the_api_adds_is_said_in_a_note_not_dropped() -> None:
    """A key no table of the importer names (one the API gives after the importer was written): said in
    a note naming it, on the field nearest its module, and the import still made."""
    study = copy.deepcopy(studies("NCT02576665.json")[0])
    study["protocolSection"]["statusModule"]["recruitmentPausedDate"] = "2019-01"
    study["protocolSection"]["sitesModule"] = {"count": 3}
    assert accounting.unaccounted(study) == [
        "protocolSection.statusModule.recruitmentPausedDate",
        "protocolSection.sitesModule",
    ]
    notes = draft(study)["curation"]["notes"]
    assert {"field": "overall_status", "text": _unknown("protocolSection.statusModule.recruitmentPausedDate")} in notes
    assert {"field": "nct_id", "text": _unknown("protocolSection.sitesModule")} in notes


def _unknown(path: str) -> str:
    return (
        f"The source gives {path}, which this import does not know (a key of the API v2 that the importer's "
        "accounting, ctgov/accounting.py, lacks); not imported: read it in the source."
    )


def test_a_key_is_accounted_for_once_and_each_left_out_for_a_reason() -> None:
    tables = (accounting.MAPPED, accounting.BY_MODULE, accounting.NOTED, accounting.IGNORED)
    keys = [key for table in tables for key in table]
    assert len(keys) == len(set(keys))
    assert all(len(why) > 20 for why in accounting.IGNORED.values())


def test_an_organization_other_than_the_lead_sponsor_is_said_in_a_note() -> None:
    """Every real study here is registered under its lead sponsor (identificationModule.organization), which
    the record names; one registered under another organization says so in a note."""
    study = copy.deepcopy(studies("NCT02576665.json")[0])
    assert not any("organization" in n["text"] for n in draft(study)["curation"].get("notes", []))
    study["protocolSection"]["identificationModule"]["organization"]["fullName"] = "Another Registrant"
    assert {
        "field": "sponsor",
        "text": "The source's identificationModule gives what the record has no place for, not imported: "
        "organization 'Another Registrant' (not its lead sponsor).",
    } in draft(study)["curation"]["notes"]


def test_an_intervention_given_to_an_arm_that_does_not_name_it_is_said_in_a_note() -> None:
    """NCT02576665 (biomcp's) links its arm and its two interventions both ways (the arm's interventionNames,
    each intervention's armGroupLabels). The record holds the links as the arms name them; before, where
    the two disagreed (here, the arm edited to name Toca 511 alone, and Toca FC edited to name an arm the
    list lacks too), what armGroupLabels said was dropped with no word."""
    study = copy.deepcopy(studies("NCT02576665.json")[0])
    assert not any("armGroupLabels" in n["text"] for n in draft(study)["curation"].get("notes", []))
    mod = study["protocolSection"]["armsInterventionsModule"]
    mod["armGroups"][0]["interventionNames"] = ["Biological: Toca 511"]
    mod["interventions"][1]["armGroupLabels"] = ["Toca 511/Toca FC", "Toca FC alone"]
    notes = draft(study)["curation"]["notes"]
    assert {
        "field": "arms.0.intervention_names",
        "text": "The interventions list gives 'Toca FC' to this arm (armGroupLabels), which the arm's "
        "interventionNames do not name; not imported: the curator's to decide.",
    } in notes
    assert {
        "field": "interventions.1",
        "text": "The interventions list gives 'Toca FC' to the arm 'Toca FC alone' (armGroupLabels), which the arms "
        "list does not have; not imported.",
    } in notes


def test_the_results_agreement_is_said_and_their_point_of_contact_counted() -> None:
    """NCT00791778 (biomcp's) posts results whose moreInfoModule says the investigators' agreement with the
    sponsor restricts what they may publish (restrictiveAgreement, LTE60) and names a point of contact.
    Before, the note named the results' modules alone, so the agreement went unsaid; the contact is
    counted, never copied."""
    study = studies("NCT00791778.json")[0]
    [said] = [n["text"] for n in draft(study)["curation"]["notes"] if "resultsSection" in n["text"]]
    assert (
        "moreInfoModule.certainAgreement {piSponsorEmployee false, restrictionType LTE60, restrictiveAgreement true}"
        in said
    )
    assert "moreInfoModule.pointOfContact (1 given: title, organization, email)" in said
    contact = study["resultsSection"]["moreInfoModule"]["pointOfContact"]
    assert contact["email"] not in said


# Every key of a study in the API v2's own model (its OpenAPI description, ctg-oas-v2.yaml, as
# mcode/clinical-trial-matching-service keeps it at cbe3c475ae2e3eeb0bbfeb3fb2291cb793cfa607; with
# statusModule.resultsWaived, which a later copy of the description adds, stored code index file id
# 58671013475), to the depth the importer's accounting may take a key whole: each protocolSection key
# to its leaves, each other section's module with its keys.
API_MODEL = {
    "identificationModule": "nctId nctIdAliases orgStudyIdInfo.id orgStudyIdInfo.type orgStudyIdInfo.link "
    "secondaryIdInfos.id secondaryIdInfos.type secondaryIdInfos.domain secondaryIdInfos.link briefTitle "
    "officialTitle acronym organization.fullName organization.class",
    "statusModule": "statusVerifiedDate overallStatus lastKnownStatus delayedPosting whyStopped "
    "expandedAccessInfo.hasExpandedAccess expandedAccessInfo.nctId expandedAccessInfo.statusForNctId "
    "startDateStruct.date startDateStruct.type primaryCompletionDateStruct.date completionDateStruct.date "
    "studyFirstSubmitDate studyFirstSubmitQcDate studyFirstPostDateStruct.date resultsWaived "
    "resultsFirstSubmitDate resultsFirstSubmitQcDate resultsFirstPostDateStruct.date dispFirstSubmitDate "
    "dispFirstSubmitQcDate dispFirstPostDateStruct.date lastUpdateSubmitDate lastUpdatePostDateStruct.date",
    "sponsorCollaboratorsModule": "responsibleParty.type responsibleParty.investigatorFullName "
    "responsibleParty.investigatorTitle responsibleParty.investigatorAffiliation responsibleParty.oldNameTitle "
    "responsibleParty.oldOrganization leadSponsor.name leadSponsor.class collaborators.name collaborators.class",
    "oversightModule": "oversightHasDmc isFdaRegulatedDrug isFdaRegulatedDevice isUnapprovedDevice isPpsd "
    "isUsExport fdaaa801Violation",
    "descriptionModule": "briefSummary detailedDescription",
    "conditionsModule": "conditions keywords",
    "designModule": "studyType nPtrsToThisExpAccNctId expandedAccessTypes.individual "
    "expandedAccessTypes.intermediate expandedAccessTypes.treatment patientRegistry targetDuration phases "
    "designInfo.allocation designInfo.interventionModel designInfo.interventionModelDescription "
    "designInfo.primaryPurpose designInfo.observationalModel designInfo.timePerspective "
    "designInfo.maskingInfo.masking designInfo.maskingInfo.maskingDescription designInfo.maskingInfo.whoMasked "
    "bioSpec.retention bioSpec.description enrollmentInfo.count enrollmentInfo.type",
    "armsInterventionsModule": "armGroups.label armGroups.type armGroups.description armGroups.interventionNames "
    "interventions.type interventions.name interventions.description interventions.armGroupLabels "
    "interventions.otherNames",
    "outcomesModule": "primaryOutcomes.measure primaryOutcomes.description primaryOutcomes.timeFrame "
    "secondaryOutcomes.measure otherOutcomes.measure",
    "eligibilityModule": "eligibilityCriteria healthyVolunteers sex genderBased genderDescription minimumAge "
    "maximumAge stdAges studyPopulation samplingMethod",
    "contactsLocationsModule": "centralContacts.name centralContacts.role centralContacts.phone "
    "centralContacts.phoneExt centralContacts.email overallOfficials.name overallOfficials.affiliation "
    "overallOfficials.role locations.facility locations.status locations.city locations.state locations.zip "
    "locations.country locations.contacts.name locations.contacts.email locations.geoPoint.lat",
    "referencesModule": "references.pmid references.type references.citation references.retractions.pmid "
    "references.retractions.source seeAlsoLinks.label seeAlsoLinks.url availIpds.id availIpds.type "
    "availIpds.url availIpds.comment",
    "ipdSharingStatementModule": "ipdSharing description infoTypes timeFrame accessCriteria url",
}
OTHER_SECTIONS = (
    "resultsSection.participantFlowModule.groups resultsSection.baselineCharacteristicsModule.measures "
    "resultsSection.outcomeMeasuresModule.outcomeMeasures resultsSection.adverseEventsModule.seriousEvents "
    "resultsSection.moreInfoModule.limitationsAndCaveats.description resultsSection.moreInfoModule.certainAgreement"
    ".otherDetails resultsSection.moreInfoModule.pointOfContact.email "
    "annotationSection.annotationModule.unpostedAnnotation.unpostedEvents "
    "annotationSection.annotationModule.violationAnnotation.violationEvents documentSection.largeDocumentModule.noSap "
    "documentSection.largeDocumentModule.largeDocs.label derivedSection.miscInfoModule.versionHolder "
    "derivedSection.miscInfoModule.removedCountries derivedSection.miscInfoModule.submissionTracking"
    ".submissionInfos derivedSection.miscInfoModule.modelPredictions.bmiLimits.minBmi "
    "derivedSection.conditionBrowseModule.meshes derivedSection.interventionBrowseModule.browseLeaves hasResults"
)


def test_every_key_of_the_api_model_is_read_noted_or_left_out_for_a_reason() -> None:
    """Not only the keys the real fixtures happen to give: every key of the API v2's study model, so
    that a study giving one none of them gives (an FDAAA 801 violation, results waived, a retraction
    of a cited paper) meets no key the accounting lacks."""
    study: dict[str, Any] = {}
    paths_ = [f"protocolSection.{module}.{key}" for module, keys in API_MODEL.items() for key in keys.split()]
    for path in [*paths_, *OTHER_SECTIONS.split()]:
        *parents, last = path.split(".")
        node = study
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = "x"
    assert accounting.unaccounted(study) == []
