"""trials import ctgov on API v2 studies built as the API writes them (hunt 235, helper-117): one real-looking study of
a CAR-T product in lupus (BASE: every module the API gives, a results-free RECRUITING study with month-precision dates,
collaborators, secondary ids of three types, a site with no facility), varied one part at a time as registered studies
vary (statuses with whyStopped or lastKnownStatus, results posted, phases, observational, ages in months and weeks,
"N/A", sponsors' classes, responsible parties, officials of each role, withdrawn sites, arms giving several
interventions, interventions' other names, secondary ids and references of each type), each imported into a registry
copy shared by the module and compared with what the JSON says, worked out from the JSON alone (expected): every value
the draft holds is the study's, and nothing it does not state is held or declared silent. The values are test inputs:
no fact of any study.

Tried: the honest variants below; and every scalar of BASE replaced in turn by each of None, "", "  ", 0, -3, 2.5,
true, false, [], {}, ["x"], {"a": 1}, "Some odd text", "null" and "N/A" (1,665 imports, run once, not kept: each
refused or imported with the field left out and said, but those below).

Found and fixed:
- a value of the registry's vocabulary given as no text (overallStatus 0, leadSponsor.class true, studyType
  ["INTERVENTIONAL"], sex {...}, an arm's, an intervention's, a reference's or a secondary id's type, an official's
  role, a date's or the enrollment's type as a number): read as absent, with no note, and the field declared silent
  (or the item's field dropped unremarked, where another item held it), though the source states something there.
  Now left out with a note naming the file and the key, for the curator (shapes.SHAPES), as a text outside the
  vocabulary is.
- a date struct or enrollmentInfo holding a list or an object ({"date": "2024-07", "type": ["ACTUAL"]}): the check
  reads no value at such a place, and the date or count imported was refused its own quote (E512), the whole import
  with it; now left out with a note naming the key (builder.nested). lastUpdatePostDateStruct so, the as-of date no
  quote can hold: refused before anything is written, naming the key.
- a noted key's text opening with a code of capitals before a mark (statusVerifiedDate "N/A", secondaryIdInfos.link
  "N/A", orgStudyIdInfo.link "IND.123"), noted bare: the remarks' check (remark_keys) read the note as giving the key
  the code alone ("N"), which the study does not, and refused the import, E501, of a note the importer wrote. Such a
  text is now quoted in the note ('N/A'), as a text with spaces is; a code, a date or a link is noted bare as before.

Found and left: nothing; the odd values' other refusals name the study's key (no briefTitle, a briefTitle that is no
text).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import importer_hunt, notes_on

shared, run_import, draft = importer_hunt("hunt235", 92350001)

CRITERIA = (
    "Inclusion Criteria:\n\n* Age 18 to 70 years\n* Diagnosis of systemic lupus erythematosus\n* Active disease "
    "despite standard therapy\n\nExclusion Criteria:\n\n* Pregnancy or breastfeeding\n* Active infection"
)

BASE: dict[str, Any] = {
    "protocolSection": {
        "identificationModule": {
            "nctId": "NCT00000000",
            "orgStudyIdInfo": {"id": "XB-19-SLE-01"},
            "secondaryIdInfos": [
                {"id": "2024-512345-11-00", "type": "CTIS"},
                {"id": "R01AR000001", "type": "NIH", "link": "https://reporter.nih.gov/quickSearch/R01AR000001"},
                {"id": "XB19-101", "type": "OTHER", "domain": "Example Biotech"},
            ],
            "organization": {"fullName": "Example Biotech Co., Ltd.", "class": "INDUSTRY"},
            "briefTitle": "A Study of XB-19 CAR-T Cells in Refractory Systemic Lupus Erythematosus",
            "officialTitle": "A Phase 1/2, Open-label Study of XB-19 Autologous CAR-T Cells in Adults With "
            "Refractory Systemic Lupus Erythematosus",
            "acronym": "XB-LUPUS",
        },
        "statusModule": {
            "statusVerifiedDate": "2025-01",
            "overallStatus": "RECRUITING",
            "expandedAccessInfo": {"hasExpandedAccess": False},
            "startDateStruct": {"date": "2024-07", "type": "ACTUAL"},
            "primaryCompletionDateStruct": {"date": "2026-12", "type": "ESTIMATED"},
            "completionDateStruct": {"date": "2027-06-30", "type": "ESTIMATED"},
            "studyFirstSubmitDate": "2024-05-20",
            "studyFirstSubmitQcDate": "2024-05-24",
            "studyFirstPostDateStruct": {"date": "2024-05-28", "type": "ACTUAL"},
            "lastUpdateSubmitDate": "2025-01-10",
            "lastUpdatePostDateStruct": {"date": "2025-01-15", "type": "ACTUAL"},
        },
        "sponsorCollaboratorsModule": {
            "responsibleParty": {"type": "SPONSOR"},
            "leadSponsor": {"name": "Example Biotech Co., Ltd.", "class": "INDUSTRY"},
            "collaborators": [{"name": "Example University Hospital", "class": "OTHER"}],
        },
        "oversightModule": {"oversightHasDmc": True, "isFdaRegulatedDrug": True, "isFdaRegulatedDevice": False},
        "descriptionModule": {
            "briefSummary": "This study tests XB-19 CAR-T cells in adults with refractory lupus.",
            "detailedDescription": "Participants receive lymphodepleting chemotherapy followed by one infusion.",
        },
        "conditionsModule": {
            "conditions": ["Systemic Lupus Erythematosus", "Lupus Nephritis"],
            "keywords": ["CAR-T", "CD19", "autoimmune disease"],
        },
        "designModule": {
            "studyType": "INTERVENTIONAL",
            "phases": ["PHASE1", "PHASE2"],
            "designInfo": {
                "allocation": "NON_RANDOMIZED",
                "interventionModel": "SEQUENTIAL",
                "primaryPurpose": "TREATMENT",
                "maskingInfo": {"masking": "NONE"},
            },
            "enrollmentInfo": {"count": 24, "type": "ESTIMATED"},
        },
        "armsInterventionsModule": {
            "armGroups": [
                {
                    "label": "Dose Level 1",
                    "type": "EXPERIMENTAL",
                    "description": "Lower dose of XB-19 after lymphodepletion.",
                    "interventionNames": [
                        "Biological: XB-19 CAR-T cells",
                        "Drug: Fludarabine",
                        "Drug: Cyclophosphamide",
                    ],
                },
                {
                    "label": "Dose Level 2",
                    "type": "EXPERIMENTAL",
                    "description": "Higher dose of XB-19 after lymphodepletion.",
                    "interventionNames": ["Biological: XB-19 CAR-T cells", "Drug: Fludarabine"],
                },
            ],
            "interventions": [
                {
                    "type": "BIOLOGICAL",
                    "name": "XB-19 CAR-T cells",
                    "description": "Autologous anti-CD19 CAR-T cells, one infusion.",
                    "armGroupLabels": ["Dose Level 1", "Dose Level 2"],
                    "otherNames": ["XB-19", "anti-CD19 CAR-T"],
                },
                {
                    "type": "DRUG",
                    "name": "Fludarabine",
                    "description": "Lymphodepleting chemotherapy.",
                    "armGroupLabels": ["Dose Level 1", "Dose Level 2"],
                    "otherNames": ["Fludara"],
                },
                {
                    "type": "DRUG",
                    "name": "Cyclophosphamide",
                    "armGroupLabels": ["Dose Level 1"],
                },
            ],
        },
        "outcomesModule": {
            "primaryOutcomes": [
                {
                    "measure": "Number of participants with dose-limiting toxicities",
                    "description": "Toxicities graded by CTCAE.",
                    "timeFrame": "Up to 28 days after infusion",
                }
            ],
            "secondaryOutcomes": [{"measure": "SLEDAI-2K change from baseline", "timeFrame": "Week 24"}],
        },
        "eligibilityModule": {
            "eligibilityCriteria": CRITERIA,
            "healthyVolunteers": False,
            "sex": "ALL",
            "minimumAge": "18 Years",
            "maximumAge": "70 Years",
            "stdAges": ["ADULT", "OLDER_ADULT"],
        },
        "contactsLocationsModule": {
            "centralContacts": [{"name": "Study Contact", "role": "CONTACT", "phone": "000", "email": "x@example.org"}],
            "overallOfficials": [
                {"name": "Jane Roe, MD", "affiliation": "Example University Hospital", "role": "PRINCIPAL_INVESTIGATOR"}
            ],
            "locations": [
                {
                    "facility": "Example University Hospital",
                    "status": "RECRUITING",
                    "city": "Springfield",
                    "state": "Illinois",
                    "zip": "62701",
                    "country": "United States",
                    "geoPoint": {"lat": 39.8, "lon": -89.6},
                },
                {"status": "NOT_YET_RECRUITING", "city": "Berlin", "country": "Germany"},
            ],
        },
        "referencesModule": {
            "references": [
                {"pmid": "12345678", "type": "BACKGROUND", "citation": "Roe J, et al. CAR-T in lupus. J Example. 2023."}
            ]
        },
    },
    "derivedSection": {
        "miscInfoModule": {"versionHolder": "2025-01-20"},
        "conditionBrowseModule": {"meshes": [{"id": "D008180", "term": "Lupus Erythematosus, Systemic"}]},
    },
    "hasResults": False,
}


def expected(study: dict) -> dict:
    """What a draft holds of a well-formed study, worked out from the JSON alone (not the importer's code)."""
    ps = study["protocolSection"]
    ident, status = ps["identificationModule"], ps["statusModule"]
    out: dict[str, Any] = {"nct_id": ident["nctId"]}
    for key, name in (("acronym", "acronym"), ("briefTitle", "brief_title"), ("officialTitle", "official_title")):
        if key in ident:
            out[name] = ident[key]
    out["overall_status"] = status["overallStatus"]
    if "lastKnownStatus" in status:
        out["last_known_status"] = status["lastKnownStatus"]
    if "whyStopped" in status:
        out["why_stopped"] = status["whyStopped"]
    dates = {}
    for key, name in (
        ("startDateStruct", "start"),
        ("primaryCompletionDateStruct", "primary_completion"),
        ("completionDateStruct", "completion"),
        ("studyFirstSubmitDate", "first_submitted"),
        ("studyFirstPostDateStruct", "first_posted"),
        ("lastUpdatePostDateStruct", "last_updated"),
    ):
        if key in status:
            raw = status[key]
            dates[name] = (
                {k: v for k, v in raw.items() if k in ("date", "type")} if isinstance(raw, dict) else {"date": raw}
            )
    out["dates"] = dates
    out["results_posted"] = study["hasResults"]
    design = ps["designModule"]
    for key in ("phases",):  # (by a name: a literal key of that name is read as hypothesis's, trust boundary)
        if design.get(key):
            out[key] = design[key]
    out["study_type"] = design["studyType"]
    info = design.get("designInfo", {})
    d = {}
    for key, name in (
        ("allocation", "allocation"),
        ("interventionModel", "intervention_model"),
        ("primaryPurpose", "primary_purpose"),
        ("observationalModel", "observational_model"),
        ("timePerspective", "time_perspective"),
    ):
        if key in info:
            d[name] = info[key]
    if "masking" in info.get("maskingInfo", {}):
        d["masking"] = info["maskingInfo"]["masking"]
    if d:
        out["design"] = d
    if "enrollmentInfo" in design:
        out["enrollment"] = dict(design["enrollmentInfo"])
    cond = ps.get("conditionsModule", {})
    for key in ("conditions", "keywords"):
        if cond.get(key):
            out[key] = cond[key]
    desc = ps.get("descriptionModule", {})
    for key, name in (("briefSummary", "brief_summary"), ("detailedDescription", "detailed_description")):
        if key in desc:
            out[name] = desc[key]
    arms_mod = ps.get("armsInterventionsModule", {})
    arms = []
    for raw in arms_mod.get("armGroups", []):
        arm = {k: raw[k] for k in ("label", "type", "description") if k in raw}
        if raw.get("interventionNames"):
            arm["intervention_names"] = [n.split(": ", 1)[1] for n in raw["interventionNames"]]
        arms.append(arm)
    if arms:
        out["arms"] = arms
    interventions = []
    for raw in arms_mod.get("interventions", []):
        item = {k: raw[k] for k in ("name", "type", "description") if k in raw}
        if raw.get("otherNames"):
            item["other_names"] = raw["otherNames"]
        interventions.append(item)
    if interventions:
        out["interventions"] = interventions
    outcomes = {}
    for key, name in (("primaryOutcomes", "primary"), ("secondaryOutcomes", "secondary")):
        listed = [
            {
                f: o[k]
                for f, k in (("measure", "measure"), ("time_frame", "timeFrame"), ("description", "description"))
                if k in o
            }
            for o in ps.get("outcomesModule", {}).get(key, [])
        ]
        if listed:
            outcomes[name] = listed
    if outcomes:
        out["outcomes"] = outcomes
    elig = ps["eligibilityModule"]
    e: dict[str, Any] = {}
    if "sex" in elig:
        e["sex"] = elig["sex"]
    for key, name in (("minimumAge", "minimum_age"), ("maximumAge", "maximum_age")):
        if key in elig and elig[key] != "N/A":
            value, unit = elig[key].split()
            e[name] = {"value": int(value), "unit": unit.upper() if unit.endswith("s") else unit.upper() + "S"}
    if "healthyVolunteers" in elig:
        e["healthy_volunteers"] = elig["healthyVolunteers"]
    out["eligibility"] = e
    sponsors = ps["sponsorCollaboratorsModule"]
    out["sponsor"] = dict(sponsors["leadSponsor"])
    rp = sponsors.get("responsibleParty", {})
    party = {
        name: rp[key]
        for key, name in (
            ("type", "type"),
            ("investigatorFullName", "name"),
            ("investigatorTitle", "title"),
            ("investigatorAffiliation", "affiliation"),
        )
        if key in rp
    }
    if party:
        out["responsible_party"] = party
    contacts = ps.get("contactsLocationsModule", {})
    officials = [
        {k: o[k] for k in ("name", "role", "affiliation") if k in o} for o in contacts.get("overallOfficials", [])
    ]
    if officials:
        out["officials"] = officials
    locations = [
        {
            name: s[key]
            for key, name in (("facility", "facility"), ("city", "city"), ("state", "region"), ("country", "country"))
            if key in s
        }
        for s in contacts.get("locations", [])
        if s.get("status") != "WITHDRAWN"
    ]
    if locations:
        out["locations"] = locations
    ids: dict[str, Any] = {}
    if "orgStudyIdInfo" in ident:
        ids["org_study_id"] = ident["orgStudyIdInfo"]["id"]
    secondary = [{k: s[k] for k in ("id", "type", "domain") if k in s} for s in ident.get("secondaryIdInfos", [])]
    if secondary:
        ids["secondary_ids"] = secondary
    if ids:
        out["identifiers"] = ids
    refs = [
        {k: r[k] for k in ("pmid", "type", "citation") if k in r}
        for r in ps.get("referencesModule", {}).get("references", [])
    ]
    if refs:
        out["references"] = refs
    return out


def held(data: dict) -> dict:
    """The draft's values, its curation, evidence and criteria lists aside (the criteria are another hunt's)."""
    out = {k: copy.deepcopy(v) for k, v in data.items() if k not in ("curation", "evidence")}
    for key in ("inclusion_criteria", "exclusion_criteria"):
        out.get("eligibility", {}).pop(key, None)
    return out


def stated(value: Any, name: str) -> bool:
    """Whether the expected values give the dotted field name (in any item of a list)."""
    if not name:
        return value is not None
    head, _, rest = name.partition(".")
    if isinstance(value, list):
        return any(stated(item, name) for item in value)
    return isinstance(value, dict) and head in value and stated(value[head], rest)


def study(*changes: Callable[[dict], None]) -> dict:
    """BASE with each change made to its protocolSection (or, for a change taking the study, to it)."""
    out = copy.deepcopy(BASE)
    for change in changes:
        change(out)
    return out


def at(path: str, value: Any) -> Callable[[dict], None]:
    """A change setting the dotted path under protocolSection ("statusModule.overallStatus") to value, None removing
    it; a list item by its index ("armsInterventionsModule.armGroups.0.type")."""

    def change(doc: dict) -> None:
        node: Any = doc["protocolSection"]
        *parents, last = path.split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
        key: Any = int(last) if last.isdigit() else last
        if value is None:
            node.pop(key)
        else:
            node[key] = value

    return change


NEUTRAL = "Inclusion Criteria:\n\n* Diagnosis of SLE\n\nExclusion Criteria:\n\n* Pregnancy"  # (no age in it)


def _results(doc: dict) -> None:
    doc["hasResults"] = True
    doc["resultsSection"] = {
        "participantFlowModule": {"groups": [{"id": "FG000", "title": "Dose Level 1"}]},
        "outcomeMeasuresModule": {"outcomeMeasures": [{"type": "PRIMARY", "title": "DLT"}]},
        "adverseEventsModule": {"frequencyThreshold": "5", "timeFrame": "1 year"},
    }


def _observational(doc: dict) -> None:
    design = doc["protocolSection"]["designModule"]
    design.pop("phases")
    design["studyType"] = "OBSERVATIONAL"
    design["designInfo"] = {"observationalModel": "COHORT", "timePerspective": "PROSPECTIVE"}
    design["patientRegistry"] = False
    for arm in doc["protocolSection"]["armsInterventionsModule"]["armGroups"]:
        arm.pop("type")  # (an observational study's groups have none)


def _many(doc: dict) -> None:
    """Lists of every kind of item the API gives."""
    ps = doc["protocolSection"]
    ps["contactsLocationsModule"]["overallOfficials"] += [
        {"name": "John Doe", "affiliation": "Example Biotech Co., Ltd.", "role": "STUDY_DIRECTOR"},
        {"name": "Ann Smith", "role": "STUDY_CHAIR"},
        {"name": "Bo Li", "affiliation": "Example University Hospital", "role": "SUB_INVESTIGATOR"},
    ]
    ps["contactsLocationsModule"]["locations"] += [
        {"facility": "Closed Site", "status": "WITHDRAWN", "city": "Paris", "country": "France"},
        {"facility": "Site C", "status": "COMPLETED", "city": "Seoul", "country": "Korea, Republic of"},
        {"facility": "Site D", "city": "Toronto", "state": "Ontario", "zip": "M5G", "country": "Canada"},
    ]
    arms = ps["armsInterventionsModule"]
    arms["armGroups"] += [
        {
            "label": "Standard therapy",
            "type": "ACTIVE_COMPARATOR",
            "interventionNames": ["Drug: Mycophenolate mofetil"],
        },
        {"label": "Observation", "type": "NO_INTERVENTION", "description": "No study treatment."},
        {
            "label": "Apheresis only",
            "type": "OTHER",
            "interventionNames": ["Procedure: Leukapheresis", "Genetic: XB-19 vector"],
        },
    ]
    arms["interventions"] += [
        {
            "type": "DRUG",
            "name": "Mycophenolate mofetil",
            "armGroupLabels": ["Standard therapy"],
            "otherNames": ["MMF"],
        },
        {"type": "PROCEDURE", "name": "Leukapheresis", "armGroupLabels": ["Apheresis only"]},
        {"type": "GENETIC", "name": "XB-19 vector", "armGroupLabels": ["Apheresis only"]},
    ]
    ps["identificationModule"]["secondaryIdInfos"] += [
        {"id": "2023-000123-45", "type": "EUDRACT_NUMBER"},
        {"id": "CTR20240001", "type": "REGISTRY", "domain": "Drug Clinical Trial Registry Platform"},
        {"id": "U01AI000001", "type": "OTHER_GRANT", "domain": "NIAID"},
        {"id": "IND 123456", "type": "FDA"},
        {"id": "XB-LOCAL-7"},
    ]
    ps["referencesModule"]["references"] += [
        {"pmid": "23456789", "type": "RESULT", "citation": "Doe J. XB-19 results. J Example. 2025."},
        {"type": "DERIVED", "citation": "Smith A. A review. 2025."},
    ]


# each: one part of the study varied as registered studies vary it (several parts where they go together)
HONEST: dict[str, tuple[Callable[[dict], None], ...]] = {
    "base": (),
    "withdrawn, none enrolled": (
        at("statusModule.overallStatus", "WITHDRAWN"),
        at("statusModule.whyStopped", "Sponsor decision; no participants were enrolled."),
        at("statusModule.startDateStruct", {"date": "2024-09", "type": "ESTIMATED"}),
        at("designModule.enrollmentInfo", {"count": 0, "type": "ACTUAL"}),
        at("contactsLocationsModule.locations", None),
    ),
    "terminated, early phase": (
        at("statusModule.overallStatus", "TERMINATED"),
        at("statusModule.whyStopped", "Business reasons"),
        at("statusModule.primaryCompletionDateStruct", {"date": "2024-11-15", "type": "ACTUAL"}),
        at("statusModule.completionDateStruct", {"date": "2024-11", "type": "ACTUAL"}),
        at("designModule.enrollmentInfo", {"count": 3, "type": "ACTUAL"}),
        at("designModule.phases", ["EARLY_PHASE1"]),
    ),
    "suspended": (at("statusModule.overallStatus", "SUSPENDED"), at("statusModule.whyStopped", "Manufacturing hold")),
    "unknown, last known": (
        at("statusModule.overallStatus", "UNKNOWN"),
        at("statusModule.lastKnownStatus", "RECRUITING"),
        at("designModule.phases", ["NA"]),
    ),
    "completed with results": (
        at("statusModule.overallStatus", "COMPLETED"),
        at("statusModule.completionDateStruct", {"date": "2024-12-20", "type": "ACTUAL"}),
        at("statusModule.primaryCompletionDateStruct", {"date": "2024-12-01", "type": "ACTUAL"}),
        at("statusModule.resultsFirstPostDateStruct", {"date": "2025-01-15", "type": "ACTUAL"}),
        at("designModule.phases", ["PHASE2", "PHASE3"]),
        _results,
    ),
    "observational": (_observational,),
    "old, untyped": (
        at("statusModule.startDateStruct", {"date": "2008-11"}),
        at("statusModule.primaryCompletionDateStruct", {"date": "2026-12"}),
        at("designModule.enrollmentInfo", {"count": 24}),
        at("eligibilityModule.healthyVolunteers", None),
        at("designModule.phases", ["PHASE1"]),
    ),
    "children, in months": (
        at("eligibilityModule.minimumAge", "6 Months"),
        at("eligibilityModule.maximumAge", "17 Years"),
        at("eligibilityModule.stdAges", ["CHILD"]),
        at("eligibilityModule.eligibilityCriteria", NEUTRAL),
    ),
    "no age limit, in weeks": (
        at("eligibilityModule.minimumAge", "12 Weeks"),
        at("eligibilityModule.maximumAge", "N/A"),
        at("eligibilityModule.stdAges", ["CHILD", "ADULT", "OLDER_ADULT"]),
        at("eligibilityModule.eligibilityCriteria", NEUTRAL),
    ),
    "women, an investigator's study": (
        at("eligibilityModule.sex", "FEMALE"),
        at("eligibilityModule.minimumAge", "1 Year"),
        at("eligibilityModule.eligibilityCriteria", NEUTRAL),
        at("eligibilityModule.healthyVolunteers", True),
        at("sponsorCollaboratorsModule.leadSponsor", {"name": "Jane Roe", "class": "INDIV"}),
        at(
            "sponsorCollaboratorsModule.responsibleParty",
            {
                "type": "SPONSOR_INVESTIGATOR",
                "investigatorFullName": "Jane Roe",
                "investigatorTitle": "Professor",
                "investigatorAffiliation": "Example University Hospital",
            },
        ),
        at(
            "sponsorCollaboratorsModule.collaborators",
            [{"name": "NIAID", "class": "NIH"}, {"name": "B", "class": "FED"}],
        ),
    ),
    "many of each item": (_many,),
}


@pytest.mark.parametrize("changes", HONEST.values(), ids=HONEST.keys())
def test_a_study_imports_into_a_draft_holding_what_its_json_says(
    draft: Callable, changes: tuple[Callable[[dict], None], ...]
) -> None:
    """Every value the draft holds is the study's (as expected works it out from the JSON), nothing the study does not
    state is held, no field it states is declared silent, and none of its values is left out with a note."""
    doc = study(*changes)
    data = draft(doc)
    want = expected(doc)
    want["nct_id"] = data["nct_id"]  # (each import's own id)
    assert held(data) == want
    assert not [name for name in data["curation"].get("silent", []) if stated(want, name)]
    assert not [n for n in data["curation"].get("notes", []) if "left out" in n["text"] or "not text" in n["text"]]


# --- a value of the vocabulary given as no text ---------------------------------------------------------------------

NO_TEXT = {
    "statusModule.overallStatus": (0, "overall_status", "a number (0)"),
    "sponsorCollaboratorsModule.leadSponsor.class": (True, "sponsor.class", "true/false (true)"),
    "eligibilityModule.sex": ({"value": "ALL"}, "eligibility.sex", "an object"),
    "sponsorCollaboratorsModule.responsibleParty.type": (["SPONSOR"], "responsible_party.type", "a list"),
    "designModule.designInfo.maskingInfo.masking": (0, "design.masking", "a number (0)"),
    "statusModule.startDateStruct.type": (1, "dates.start.type", "a number (1)"),
    "designModule.enrollmentInfo.type": (False, "enrollment.type", "true/false (false)"),
    "armsInterventionsModule.armGroups.0.type": (1, "arms.type", "a number (1)"),
    "armsInterventionsModule.interventions.1.type": (["DRUG"], "interventions.type", "a list"),
    "contactsLocationsModule.overallOfficials.0.role": (False, "officials.role", "true/false (false)"),
    "identificationModule.secondaryIdInfos.0.type": (2, "identifiers.secondary_ids.type", "a number (2)"),
    "referencesModule.references.0.type": ({}, None, None),  # (an empty object states nothing)
}
WHERE = {"armsInterventionsModule.armGroups.0.type": "armGroups[0].type"}


def test_a_value_of_the_vocabulary_given_as_no_text_is_left_out_with_a_note(draft: Callable) -> None:
    """Before, each was read as absent with no note: overall_status, sponsor.class, eligibility.sex,
    responsible_party, design.masking, dates.start.type and enrollment.type declared silent (the source does not
    state them, which it does), the first arm's type, the second intervention's, the first official's role and the
    first secondary id's type dropped unremarked (the other items holding theirs). Now each is the curator's, said."""
    doc = study(*(at(path, value) for path, (value, _, _) in NO_TEXT.items()))
    data = draft(doc)
    curation = data["curation"]
    for path, (_, field, kind) in NO_TEXT.items():
        if field is None:
            continue
        key = ".".join(p if not p.isdigit() else f"[{p}]" for p in path.split(".")).replace(".[", "[")
        said = f"{curation['sources'][0]['file']} gives {key} as {kind}, not text; left out."
        assert said in notes_on(data, field), notes_on(data, field)
        assert field not in curation.get("silent", [])
    assert not {"overall_status", "sponsor", "eligibility.sex", "design.masking", "enrollment"} & set(
        curation["silent"]
    )
    assert {"overall_status", "sponsor.class", "eligibility.sex", "responsible_party", "design.masking"} <= set(
        curation["not_yet_curated"]
    )
    assert data["arms"][0] == {k: v for k, v in expected(doc)["arms"][0].items() if k != "type"}
    assert data["dates"]["start"] == {"date": "2024-07"} and data["enrollment"] == {"count": 24}
    assert [i.get("type") for i in data["interventions"]] == ["BIOLOGICAL", None, "DRUG"]
    assert "references.type" not in curation.get("silent", [])  # (the other items' are held: the field is stated)


# --- a struct holding a list or an object ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "field", "note"),
    [
        (
            "statusModule.startDateStruct",
            {"date": "2024-07", "type": ["ACTUAL"]},
            "dates.start",
            "The source's startDateStruct gives type as a list, which it never holds; its date is left out.",
        ),
        (
            "designModule.enrollmentInfo",
            {"count": 24, "type": "ESTIMATED", "range": {"low": 20}},
            "enrollment",
            "The source's enrollmentInfo gives range as an object, which it never holds; its count is left out.",
        ),
    ],
)
def test_a_struct_holding_a_list_or_an_object_is_left_out_with_a_note(
    draft: Callable, path: str, value: dict, field: str, note: str
) -> None:
    """Before, the date (the count) was imported, and the import refused: "E512 evidence for dates.start: the quote is
    not where the source states this field", the check reading no value in such a struct (ctgov_study._shaped)."""
    data = draft(study(at(path, value)))
    name, _, leaf = field.partition(".")
    assert (leaf or name) not in (data.get(name, {}) if leaf else data)
    assert notes_on(data, field) == [note]
    assert field in data["curation"]["not_yet_curated"] and field not in data["curation"].get("silent", [])


def test_a_struct_of_scalars_keeps_its_value(draft: Callable) -> None:
    """The honest twin: a struct of scalars, nulls and empty members (as a converted file writes them) imports."""
    data = draft(
        study(
            at("statusModule.startDateStruct", {"date": "2024-07", "type": "ACTUAL", "note": None, "extra": []}),
            at("designModule.enrollmentInfo", {"count": 24, "type": "ESTIMATED", "range": {}}),
        )
    )
    assert data["dates"]["start"] == {"date": "2024-07", "type": "ACTUAL"}
    assert data["enrollment"] == {"count": 24, "type": "ESTIMATED"}


def test_a_last_update_struct_holding_a_list_is_refused_naming_the_key(shared: Path) -> None:
    """Before: refused, "E512 evidence for curation.sources.0.as_of: the quote is not where the source states this
    field", after the whole registry was checked; now before anything is read further, naming the study's key."""
    status, said, data = run_import(shared, study(at("statusModule.lastUpdatePostDateStruct.type", ["ACTUAL"])))
    assert status == 1 and data is None
    assert "statusModule.lastUpdatePostDateStruct gives type as a list, which the API never does" in said


# --- a noted text opening with a code before a mark -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "field", "said"),
    [
        ("statusModule.statusVerifiedDate", "N/A", "overall_status", "statusVerifiedDate 'N/A'"),
        ("identificationModule.secondaryIdInfos.1.link", "N/A", "identifiers", "secondaryIdInfos.link 'N/A'"),
        ("identificationModule.orgStudyIdInfo.link", "IND.123", "identifiers", "orgStudyIdInfo.link 'IND.123'"),
        # the honest twins: a code, a date and a link noted bare, as before
        ("statusModule.statusVerifiedDate", "2025-01", "overall_status", "statusVerifiedDate 2025-01;"),
        ("identificationModule.orgStudyIdInfo.type", "NIH", "identifiers", "orgStudyIdInfo.type NIH"),
        ("identificationModule.orgStudyIdInfo.link", "https://example.org/A", "identifiers", "link https://example"),
    ],
)
def test_a_noted_text_opening_with_a_code_before_a_mark_is_quoted(
    draft: Callable, path: str, value: str, field: str, said: str
) -> None:
    """Before, "N/A" noted bare ("statusVerifiedDate N/A") was read by the remarks' check as giving the key the code
    "N", which the study does not: the import refused, E501, of a note it wrote itself."""
    data = draft(study(at(path, value)))
    assert [n for n in notes_on(data, field) if said in n]
