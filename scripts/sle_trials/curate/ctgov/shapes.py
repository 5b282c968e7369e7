"""What a study gives in a form the API v2 never does: a text field holding a number, an object, a
list or true/false ("briefSummary": 42; "overallStatus": 0, a value of a vocabulary being text too),
a list given as one text ("interventionNames": "Drug: X"), an item of a list of texts that is not
text, a module or a list of objects of another kind. The modules read such a value as absent; here
each is left out with a note naming the source file and the field, and the record's field left for
the curator (not_yet_curated), never declared silent: the source states something there, which the
check reads (E523). A null is no value (the API leaves out what a study does not state).
"""

from __future__ import annotations

import json
from typing import Any

from sle_trials.curate.ctgov.builder import Builder, shown

TEXT, TEXTS, OBJECT, OBJECTS = "text", "a list of texts", "an object", "a list of objects"

# module of protocolSection -> the record's fields read from it
MODULES = {
    "sponsorCollaboratorsModule": ("sponsor", "responsible_party"),
    "conditionsModule": ("conditions", "keywords"),
    "descriptionModule": ("brief_summary", "detailed_description"),
    "designModule": ("phases", "study_type", "design", "enrollment"),
    "armsInterventionsModule": ("arms", "interventions"),
    "outcomesModule": ("outcomes",),
    "eligibilityModule": ("eligibility",),
    "contactsLocationsModule": ("officials", "locations"),
    "referencesModule": ("references",),
}
# (the path in protocolSection, "*" for each item of a list; what the API gives there; the record's
# fields read from it). A list item's naming key (an arm's label, an official's name) is not here:
# an item without one is noted where it is read (Builder.unnamed).
SHAPES: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = (
    (("identificationModule", "acronym"), TEXT, ("acronym",)),
    (("identificationModule", "officialTitle"), TEXT, ("official_title",)),
    (("identificationModule", "orgStudyIdInfo"), OBJECT, ("identifiers.org_study_id",)),
    (("identificationModule", "orgStudyIdInfo", "id"), TEXT, ("identifiers.org_study_id",)),
    (("identificationModule", "secondaryIdInfos"), OBJECTS, ("identifiers.secondary_ids",)),
    (("identificationModule", "secondaryIdInfos", "*", "type"), TEXT, ("identifiers.secondary_ids.type",)),
    (("identificationModule", "secondaryIdInfos", "*", "domain"), TEXT, ("identifiers.secondary_ids.domain",)),
    (("statusModule", "whyStopped"), TEXT, ("why_stopped",)),
    # a value of the registry's vocabulary (a status, a type, a class, a role) given as no text: before, it was read as
    # absent, unremarked, and declared silent (overallStatus 0, leadSponsor.class true), or an arm's type so left out
    # with no note, where a text outside the vocabulary is left out with one (Builder.allowed)
    (("statusModule", "overallStatus"), TEXT, ("overall_status",)),
    (("statusModule", "lastKnownStatus"), TEXT, ("last_known_status",)),
    *(
        (("statusModule", key, "type"), TEXT, (f"dates.{name}.type",))
        for key, name in (
            ("startDateStruct", "start"),
            ("primaryCompletionDateStruct", "primary_completion"),
            ("completionDateStruct", "completion"),
            ("studyFirstPostDateStruct", "first_posted"),
            ("lastUpdatePostDateStruct", "last_updated"),
        )
    ),
    (("sponsorCollaboratorsModule", "leadSponsor"), OBJECT, ("sponsor",)),
    (("sponsorCollaboratorsModule", "leadSponsor", "name"), TEXT, ("sponsor",)),
    (("sponsorCollaboratorsModule", "leadSponsor", "class"), TEXT, ("sponsor.class",)),
    (("sponsorCollaboratorsModule", "responsibleParty"), OBJECT, ("responsible_party",)),
    (("sponsorCollaboratorsModule", "responsibleParty", "type"), TEXT, ("responsible_party.type",)),
    (("sponsorCollaboratorsModule", "responsibleParty", "investigatorFullName"), TEXT, ("responsible_party.name",)),
    (("sponsorCollaboratorsModule", "responsibleParty", "investigatorTitle"), TEXT, ("responsible_party.title",)),
    (
        ("sponsorCollaboratorsModule", "responsibleParty", "investigatorAffiliation"),
        TEXT,
        ("responsible_party.affiliation",),
    ),
    (("conditionsModule", "conditions"), TEXTS, ("conditions",)),
    (("conditionsModule", "keywords"), TEXTS, ("keywords",)),
    (("descriptionModule", "briefSummary"), TEXT, ("brief_summary",)),
    (("descriptionModule", "detailedDescription"), TEXT, ("detailed_description",)),
    (("designModule", "phases"), TEXTS, ("phases",)),
    (("designModule", "studyType"), TEXT, ("study_type",)),
    (("designModule", "designInfo"), OBJECT, ("design",)),
    *(
        (("designModule", "designInfo", key), TEXT, (f"design.{name}",))
        for key, name in (
            ("allocation", "allocation"),
            ("interventionModel", "intervention_model"),
            ("primaryPurpose", "primary_purpose"),
            ("observationalModel", "observational_model"),
            ("timePerspective", "time_perspective"),
        )
    ),
    (("designModule", "designInfo", "maskingInfo"), OBJECT, ("design.masking",)),
    (("designModule", "designInfo", "maskingInfo", "masking"), TEXT, ("design.masking",)),
    (("designModule", "enrollmentInfo"), OBJECT, ("enrollment",)),
    (("designModule", "enrollmentInfo", "type"), TEXT, ("enrollment.type",)),
    (("armsInterventionsModule", "armGroups"), OBJECTS, ("arms",)),
    (("armsInterventionsModule", "armGroups", "*", "type"), TEXT, ("arms.type",)),
    (("armsInterventionsModule", "armGroups", "*", "description"), TEXT, ("arms.description",)),
    (("armsInterventionsModule", "armGroups", "*", "interventionNames"), TEXTS, ("arms.intervention_names",)),
    (("armsInterventionsModule", "interventions"), OBJECTS, ("interventions",)),
    (("armsInterventionsModule", "interventions", "*", "type"), TEXT, ("interventions.type",)),
    (("armsInterventionsModule", "interventions", "*", "description"), TEXT, ("interventions.description",)),
    (("armsInterventionsModule", "interventions", "*", "otherNames"), TEXTS, ("interventions.other_names",)),
    (("outcomesModule", "primaryOutcomes"), OBJECTS, ("outcomes.primary",)),
    (("outcomesModule", "primaryOutcomes", "*", "timeFrame"), TEXT, ("outcomes.primary.time_frame",)),
    (("outcomesModule", "primaryOutcomes", "*", "description"), TEXT, ("outcomes.primary.description",)),
    (("outcomesModule", "secondaryOutcomes"), OBJECTS, ("outcomes.secondary",)),
    (("outcomesModule", "secondaryOutcomes", "*", "timeFrame"), TEXT, ("outcomes.secondary.time_frame",)),
    (("outcomesModule", "secondaryOutcomes", "*", "description"), TEXT, ("outcomes.secondary.description",)),
    (
        ("eligibilityModule", "eligibilityCriteria"),
        TEXT,
        ("eligibility.inclusion_criteria", "eligibility.exclusion_criteria"),
    ),
    (("eligibilityModule", "sex"), TEXT, ("eligibility.sex",)),
    (("eligibilityModule", "stdAges"), TEXTS, ("eligibility.minimum_age", "eligibility.maximum_age")),
    (("contactsLocationsModule", "overallOfficials"), OBJECTS, ("officials",)),
    (("contactsLocationsModule", "overallOfficials", "*", "role"), TEXT, ("officials.role",)),
    (("contactsLocationsModule", "overallOfficials", "*", "affiliation"), TEXT, ("officials.affiliation",)),
    (("contactsLocationsModule", "locations"), OBJECTS, ("locations",)),
    *(
        (("contactsLocationsModule", "locations", "*", key), TEXT, (f"locations.{name}",))
        for key, name in (("facility", "facility"), ("city", "city"), ("state", "region"), ("country", "country"))
    ),
    (("referencesModule", "references"), OBJECTS, ("references",)),
    (("referencesModule", "references", "*", "pmid"), TEXT, ("references.pmid",)),
    (("referencesModule", "references", "*", "type"), TEXT, ("references.type",)),
)


def read(b: Builder, section: dict, source: str) -> None:
    """A note for each value of protocolSection (section) in a form the API never gives it, its
    fields left for the curator; source: the file the record cites, which the note names."""
    for module, names in MODULES.items():
        if section.get(module) is not None and not isinstance(section[module], dict):
            said = f"{kind(section[module])}, not {OBJECT}"
            _left(b, names, f"{source} gives {module} as {said}; nothing is read from it.")
    for path, shape, names in SHAPES:
        for where, value in _at(section, path, path[0]):
            how = _misshapen(value, shape)
            if how:
                _left(b, names, f"{source} gives {where} as {how}; left out.")


def kind(value: Any) -> str:
    """What a JSON value is, in words, with a short sight of it: "a number (42)", "an object"."""
    if isinstance(value, bool):
        return f"true/false ({json.dumps(value)})"
    if isinstance(value, (int, float)):
        return f"a number ({json.dumps(value)[:20]})"
    if isinstance(value, str):
        return f"text ({shown(value, 40)})"
    return "a list" if isinstance(value, list) else OBJECT


def _misshapen(value: Any, shape: str) -> str | None:
    """How value is not of shape, in words; None when it is."""
    if shape == TEXT and not isinstance(value, str):
        return f"{kind(value)}, not {TEXT}"
    if shape == OBJECT and not isinstance(value, dict):
        return f"{kind(value)}, not {OBJECT}"
    if shape in (TEXTS, OBJECTS) and not isinstance(value, list):
        return f"{kind(value)}, not {shape}"
    wanted = str if shape == TEXTS else dict if shape == OBJECTS else None
    odd = [v for v in value if v is not None and not isinstance(v, wanted)] if wanted is not None else []
    if odd:
        return f"a list holding {kind(odd[0])}{' and more' if len(odd) > 1 else ''}, not {shape}"
    return None


def _at(node: Any, path: tuple[str, ...], where: str) -> list[tuple[str, Any]]:
    """(where, value) of each value at path under node ("*": each item of a list), nulls and what
    is missing left out; where names it as the source does ("armGroups[0].interventionNames")."""
    if not path:
        return [] if node is None else [(where, node)]
    head, rest = path[0], path[1:]
    if head == "*":
        if not isinstance(node, list):
            return []
        return [found for i, item in enumerate(node) for found in _at(item, rest, f"{where}[{i}]")]
    if not isinstance(node, dict) or node.get(head) is None:
        return []
    return _at(node[head], rest, head if where == head else f"{where}.{head}")


def _left(b: Builder, names: tuple[str, ...], text: str) -> None:
    b.leave_out(names[0], text)
    b.left += [name for name in names[1:] if name not in b.left]
