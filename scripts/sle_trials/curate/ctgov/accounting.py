"""Every key of a study, accounted for: read into a record field (MAPPED), said in a note (NOTED: by
notes() here, a note per module; BY_MODULE: by the module that reads the keys beside it, where it
applies), or left out on purpose, for the reason given (IGNORED). A key in none of them (one the API
added since) is said in a note too, as unknown (notes()): nothing the registry states is dropped
unremarked. Paths are dotted from the study's top, a list's items unmarked
("protocolSection.contactsLocationsModule.locations.status"); a path accounts for all beneath it
unless a longer one of the tables names a key there. A note never copies a person's contact
details: it counts them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sle_trials.curate.ctgov.builder import Builder
from sle_trials.curate.ctgov.study import obj
from sle_trials.patterns import lazy
from sle_trials.reading import layouts
from sle_trials.reading.shown import cut, shown

P = "protocolSection."
_ID, _STATUS, _SPONSORS = P + "identificationModule.", P + "statusModule.", P + "sponsorCollaboratorsModule."
_DESIGN, _ARMS, _ELIG = P + "designModule.", P + "armsInterventionsModule.", P + "eligibilityModule."
_CONTACTS, _REFS = P + "contactsLocationsModule.", P + "referencesModule."

MAPPED = {
    "hasResults": "results_posted",
    _ID + "nctId": "nct_id",
    _ID + "briefTitle": "brief_title",
    _ID + "officialTitle": "official_title",
    _ID + "acronym": "acronym",
    _ID + "orgStudyIdInfo.id": "identifiers.org_study_id",
    **{_ID + f"secondaryIdInfos.{k}": "identifiers.secondary_ids" for k in ("id", "type", "domain")},
    _STATUS + "overallStatus": "overall_status",
    _STATUS + "lastKnownStatus": "last_known_status",
    _STATUS + "whyStopped": "why_stopped",
    _STATUS + "startDateStruct": "dates.start",
    _STATUS + "primaryCompletionDateStruct": "dates.primary_completion",
    _STATUS + "completionDateStruct": "dates.completion",
    _STATUS + "studyFirstSubmitDate": "dates.first_submitted",
    _STATUS + "studyFirstPostDateStruct": "dates.first_posted",
    _STATUS + "lastUpdatePostDateStruct": "dates.last_updated",
    _SPONSORS + "leadSponsor": "sponsor",
    **{
        _SPONSORS + f"responsibleParty.{k}": "responsible_party"
        for k in ("type", "investigatorFullName", "investigatorTitle", "investigatorAffiliation")
    },
    P + "descriptionModule.briefSummary": "brief_summary",
    P + "descriptionModule.detailedDescription": "detailed_description",
    P + "conditionsModule.conditions": "conditions",
    P + "conditionsModule.keywords": "keywords",
    _DESIGN + "studyType": "study_type",
    _DESIGN + "phases": "phases",
    **{
        _DESIGN + f"designInfo.{k}": "design"
        for k in ("allocation", "interventionModel", "primaryPurpose", "observationalModel", "timePerspective")
    },
    _DESIGN + "designInfo.maskingInfo.masking": "design.masking",
    _DESIGN + "enrollmentInfo": "enrollment",
    **{_ARMS + f"armGroups.{k}": "arms" for k in ("label", "type", "description", "interventionNames")},
    **{_ARMS + f"interventions.{k}": "interventions" for k in ("name", "type", "description", "otherNames")},
    _ARMS + "interventions.armGroupLabels": "arms.intervention_names",  # the other way round: arms.py notes a gap
    P + "outcomesModule.primaryOutcomes": "outcomes.primary",
    P + "outcomesModule.secondaryOutcomes": "outcomes.secondary",
    **{
        _ELIG + k: "eligibility"
        for k in ("eligibilityCriteria", "healthyVolunteers", "sex", "minimumAge", "maximumAge")
    },
    _CONTACTS + "overallOfficials": "officials",
    **{_CONTACTS + f"locations.{k}": "locations" for k in ("facility", "city", "state", "country")},
    **{_REFS + f"references.{k}": "references" for k in ("pmid", "type", "citation")},
}

# said by the module named, where it applies (its own tests say so)
BY_MODULE = {
    _ID + "organization": "accounting.py (_organization), where it is not the lead sponsor",
    _STATUS + "expandedAccessInfo.nctId": "status.py",
    _SPONSORS + "collaborators": "people.py",
    _SPONSORS + "responsibleParty.oldNameTitle": "people.py, where no investigator is named",
    _SPONSORS + "responsibleParty.oldOrganization": "people.py, where no investigator is named",
    _DESIGN + "designInfo.interventionModelDescription": "design.py",
    _DESIGN + "designInfo.maskingInfo.maskingDescription": "design.py",
    _DESIGN + "designInfo.maskingInfo.whoMasked": "design.py",
    P + "outcomesModule.otherOutcomes": "outcomes.py",
    **{_ELIG + k: "eligibility.py" for k in ("genderBased", "genderDescription", "studyPopulation", "samplingMethod")},
    # the registry's age groups, worked out from minimumAge and maximumAge, which are read
    _ELIG + "stdAges": "eligibility.py (_grouped), where they bound an age the source gives no limit for",
}

# said by notes() below: how each is shown (VALUE: its values; TALLY: each value with how many items give it;
# COUNT: how many items give it, and their keys, not their values; KEYS: the keys it gives)
VALUE, TALLY, COUNT, KEYS = "value", "tally", "count", "keys"
NOTED = {
    _ID + "nctIdAliases": VALUE,
    _ID + "orgStudyIdInfo.type": VALUE,
    _ID + "orgStudyIdInfo.link": VALUE,
    _ID + "secondaryIdInfos.link": VALUE,
    _STATUS + "statusVerifiedDate": VALUE,
    _STATUS + "delayedPosting": VALUE,
    _STATUS + "resultsWaived": VALUE,
    _STATUS + "expandedAccessInfo.hasExpandedAccess": VALUE,
    _STATUS + "expandedAccessInfo.statusForNctId": VALUE,
    _STATUS + "resultsFirstSubmitDate": VALUE,
    _STATUS + "resultsFirstPostDateStruct": VALUE,
    _STATUS + "dispFirstSubmitDate": VALUE,
    _STATUS + "dispFirstPostDateStruct": VALUE,
    P + "oversightModule": VALUE,
    _DESIGN + "nPtrsToThisExpAccNctId": VALUE,
    _DESIGN + "expandedAccessTypes": VALUE,
    _DESIGN + "patientRegistry": VALUE,
    _DESIGN + "targetDuration": VALUE,
    _DESIGN + "bioSpec": VALUE,
    _CONTACTS + "centralContacts": COUNT,
    _CONTACTS + "locations.status": TALLY,
    _CONTACTS + "locations.zip": COUNT,
    _CONTACTS + "locations.contacts": COUNT,
    _REFS + "references.retractions": VALUE,
    _REFS + "seeAlsoLinks": VALUE,
    _REFS + "availIpds": VALUE,
    P + "ipdSharingStatementModule": VALUE,
    **{
        f"resultsSection.{module}": KEYS  # the results themselves: named, not copied
        for module in ("participantFlowModule", "baselineCharacteristicsModule", "outcomeMeasuresModule")
    },
    "resultsSection.adverseEventsModule": KEYS,
    "resultsSection.moreInfoModule.limitationsAndCaveats": VALUE,
    "resultsSection.moreInfoModule.certainAgreement": VALUE,
    "resultsSection.moreInfoModule.pointOfContact": COUNT,
    "annotationSection": VALUE,
    "documentSection.largeDocumentModule.noSap": VALUE,
    "documentSection.largeDocumentModule.largeDocs": COUNT,
    "derivedSection.miscInfoModule.removedCountries": VALUE,
}

IGNORED = {
    _STATUS + "studyFirstSubmitQcDate": "the registry's own processing: when its review of the first submission "
    "ended; the record keeps the dates it submitted and posted",
    _STATUS + "resultsFirstSubmitQcDate": "the registry's review of the results, as studyFirstSubmitQcDate",
    _STATUS + "dispFirstSubmitQcDate": "the registry's review of a delay request, as studyFirstSubmitQcDate",
    _STATUS + "lastUpdateSubmitDate": "when the last update was sent; the record keeps when it was posted "
    "(lastUpdatePostDateStruct), the source's as-of date",
    _CONTACTS + "locations.geoPoint": "a site's place as the registry geocodes it from the city and country, which "
    "are read",
    "derivedSection.miscInfoModule.versionHolder": "the date of the registry's data release, not the study's",
    "derivedSection.miscInfoModule.submissionTracking": "the registry's log of the results' submissions and "
    "their review",
    "derivedSection.miscInfoModule.modelPredictions": "the registry's own predictions, not the study's words",
    "derivedSection.conditionBrowseModule": "the registry's MeSH indexing of the conditions, worked out from "
    "their words, which are read",
    "derivedSection.interventionBrowseModule": "the registry's MeSH indexing of the interventions, worked out "
    "from their names, which are read",
}

_TABLES = (MAPPED, BY_MODULE, NOTED, IGNORED)

# the record's field a module's note is on: the one nearest what it says, and none whose note excuses a
# reading or a silence of what the note names (checks/binding/, silence.py: doses, thresholds, dates)
ON_FIELD = {
    "identificationModule": "identifiers",
    "statusModule": "overall_status",
    "sponsorCollaboratorsModule": "sponsor",
    "oversightModule": "sponsor",
    "descriptionModule": "brief_summary",
    "conditionsModule": "conditions",
    "designModule": "design",
    "armsInterventionsModule": "interventions",
    "outcomesModule": "outcomes",
    "eligibilityModule": "eligibility",
    "contactsLocationsModule": "locations",
    "referencesModule": "references",
    "ipdSharingStatementModule": "results_posted",
    "resultsSection": "results_posted",
    "annotationSection": "results_posted",
    "documentSection": "results_posted",
    "derivedSection": "locations",
}


def _known(path: str) -> bool:
    return any(path in table for table in _TABLES)


def _beneath(path: str) -> bool:
    """Whether a table names a key beneath path (its keys are accounted for one by one)."""
    return any(key.startswith(path + ".") for table in _TABLES for key in table)


def _given(value: Any) -> bool:
    return value not in (None, "", [], {})


def walk(study: dict) -> list[tuple[str, Any]]:
    """(path, value) of every key the study gives a value at, down to the paths the tables account for
    (each list item's own); a key no table names, nor any above it, is given with its value too."""
    found: list[tuple[str, Any]] = []

    def visit(node: Any, path: str) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, path)
            return
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            here = f"{path}.{key}" if path else key
            if not _given(value):
                continue
            if _beneath(here):
                visit(value, here)
            else:
                found.append((here, value))

    visit(study, "")
    return found


def unaccounted(study: dict) -> list[str]:
    """The paths of the keys the study gives a value at that no table accounts for, each once."""
    return list(dict.fromkeys(path for path, _ in walk(study) if not _known(path)))


def notes(b: Builder, study: dict) -> None:
    """A note for each module of the study giving keys of NOTED (one note, naming each key and what it
    gives), and one naming the keys no table accounts for."""
    values: dict[str, list] = {}
    for path, value in walk(study):
        if path in NOTED:
            values.setdefault(path, []).append(value)
    modules: dict[str, list[str]] = {}
    unshown: set[str] = set()  # the modules a text or a date of which is not shown (_text)
    for path, found in values.items():
        module, key = _module(path)
        read = path.split(".")[0] in layouts.STUDY_READ
        if not read and NOTED[path] in (VALUE, TALLY) and any(not _CODE.fullmatch(t) for t in _texts(found)):
            unshown.add(module)
        if not key and NOTED[path] == VALUE and isinstance(found[0], dict):  # a module: each key with its value
            said = [f"{k} {_text(v, read)}" for k, v in found[0].items() if _given(v)]
        else:
            said = [f"{key} {_shown(NOTED[path], found, read)}".strip()]
        modules.setdefault(module, []).extend(said)
    for module, said in modules.items():
        text = cut("; ".join(said), 800)
        unread = " (its texts and dates not shown: the check reads only a study's protocol; read them in the source)"
        b.note(
            ON_FIELD.get(module, "nct_id"),
            f"The source's {module} gives what the record has no place for, not imported: {text}"
            f"{unread if module in unshown else ''}.",
        )
    _organization(b, study)
    unknown: dict[str, list[str]] = {}
    for path in unaccounted(study):
        unknown.setdefault(_module(path)[0], []).append(path)
    for module, paths in unknown.items():  # "nct_id": a part of the study the API has added since
        b.note(
            ON_FIELD.get(module, "nct_id"),
            f"The source gives {cut(', '.join(paths), 400)}, which this import does not know (a key of the API v2 "
            "that the importer's accounting, ctgov/accounting.py, lacks); not imported: read it in the source.",
        )


def _organization(b: Builder, study: dict) -> None:
    """The organization the study is registered under (identificationModule.organization), said in a
    note where it is not the lead sponsor the record names (where it is, the sponsor says it). The two are compared as
    the registry shows them, white space as one space: before, "Tocagen Inc. " (a space typed after it) or
    "Tocagen\u2028Inc." as the lead sponsor drew a note that the organization "Tocagen Inc." is not the lead
    sponsor, of one name."""
    section = obj(study, "protocolSection")
    name = obj(obj(section, "identificationModule"), "organization").get("fullName")
    lead = obj(obj(section, "sponsorCollaboratorsModule"), "leadSponsor").get("name")
    if isinstance(name, str) and name.strip() and (not isinstance(lead, str) or _as_shown(name) != _as_shown(lead)):
        b.note(
            "sponsor",
            "The source's identificationModule gives what the record has no place for, not imported: organization "
            f"{_text(name)} (not its lead sponsor).",
        )


def _as_shown(name: str) -> str:
    """A name as the registry's page shows it: decoded as the source's text (layouts.json_string), its runs of white
    space (a line separator too) one space, trimmed."""
    return " ".join(layouts.json_string(name).split())


def _module(path: str) -> tuple[str, str]:
    """The module a path is in ("oversightModule", "resultsSection") and the path within it ("" for the
    module itself)."""
    parts = path.split(".")
    head = 2 if parts[0] == "protocolSection" else 1
    return parts[head - 1], ".".join(parts[head:])


def _shown(how: str, found: list, read: bool = True) -> str:
    """What the values found at one path give (one for each list item giving it), as NOTED says (read: as
    _text shows them)."""
    if how == COUNT:
        items = [item for value in found for item in (value if isinstance(value, list) else [value])]
        keys = list(dict.fromkeys(k for item in items if isinstance(item, dict) for k in item))
        return f"({len(items)} given{': ' + ', '.join(keys) if keys else ''})"
    if how == KEYS:
        return ", ".join(k for value in found if isinstance(value, dict) for k in value)
    if how == TALLY and len(found) > 1:
        tally = Counter(_text(value, read) for value in found)
        return ", ".join(f"{value} ×{n}" for value, n in tally.most_common())
    return "; ".join(_text(value, read) for value in found)


# A value of the API's vocabularies ("RESET", "LTE60"), which states no fact a check reads (E501)
_CODE = lazy(r"[A-Z][A-Z0-9_]*")
# a text opening with a code of capitals before a mark ("N/A", "IND.1"), whose code alone a remark's key would be read
# to give (remark_keys: "statusVerifiedDate N/A" read as giving "N", which the study does not, E501): quoted
_CODE_BEFORE_A_MARK = lazy(r"[A-Z][A-Z0-9_]*[^\w\s-]")
_DATE = lazy(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")


def _text(value: Any, read: bool = True) -> str:
    """A JSON value in a note: a text on one line (cut at 120 characters, quoted where it has spaces),
    true/false and numbers as JSON writes them, a date with its type, a list's items and an object's
    keys with their values. Of a part of the study the check does not read (read False: not one of
    layouts.STUDY_READ, the protocol; its results, annotations, documents, derived data), a text or a date
    is named, not shown, a code of the API's shown: a remark's dates, quantities, counts and quotations
    are held to what the check reads of its sources (E501), and an unposted event's date, a limitation's
    "24 weeks" or an agreement's "60 days" refused the honest import; a list of texts alone is counted."""
    if not read and isinstance(value, str) and not _CODE.fullmatch(value):
        return "(a date)" if _DATE.fullmatch(value) else "(a text)"
    if not read and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        if any(not _CODE.fullmatch(v) for v in value):
            return f"({len(value)} given)"
    if isinstance(value, dict) and set(value) <= {"date", "type"} and "date" in value:
        kind = f" ({_text(value['type'], read)})" if _given(value.get("type")) else ""
        return f"{_text(value['date'], read)}{kind}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} {_text(v, read)}" for k, v in value.items() if _given(v)) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_text(v, read) for v in value) + "]"
    if isinstance(value, str):
        said = " ".join(layouts.json_string(value).split())
        quoted = " " in said or (_CODE_BEFORE_A_MARK.match(said) is not None and not _CODE.fullmatch(said))
        return shown(said, 120) if quoted else cut(said, 120)
    return layouts.scalar_text(value)


def _texts(value: Any) -> list[str]:
    """Every string value held in value, at any depth."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _texts(item)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return []
