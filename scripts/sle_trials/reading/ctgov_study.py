"""A ClinicalTrials.gov API v2 study (JSON), read as a source: its text is one "key: value" line per
scalar, the key being the last two object keys of its path ("statusModule.overallStatus: RECRUITING",
"startDateStruct.date: 2024-07-30"), so a quote names what it quotes; its places are where the study
states each field (CTGOV_PLACES), its rows the items of its lists (CTGOV_LISTS), and a page of studies
(the API's {"studies": [...]}) is one document per study (SourceDoc.parts). layouts.py decides a
source is one (source_json) and reads it with read_study.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import repeat
from typing import Any, NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.criteria_text import split
from sle_trials.reading.invisible import DROPPED
from sle_trials.reading.layouts import (
    PLAIN,
    Item,
    Passage,
    Products,
    SourceDoc,
    json_key,
    json_line,
    json_string,
    json_text,
    normalise,
    page_of_studies,
    scalar_text,
    shown,
)

# field path -> where the study states it: (path from the study's top, the key its text is read
# under, whether each value is one whole value a field must equal)
_P = "protocolSection"


# an armGroups interventionNames entry is "Type: name"; the type as the registry's web pages spell it, its colon
# followed by a space or none, as older entries write it ("Drug:Toca FC": before, no intervention of the list, the
# arm's link to "Toca FC" was left out), and after a space or none ("Drug : Toca FC", typed so: before, said to
# name no intervention, the link left out)
TYPE_PREFIX = lazy(
    r"^(Behavioral|Biological|Combination Product|Device|Diagnostic Test|Dietary Supplement|Drug|"
    r"Genetic|Procedure|Radiation|Other)[ \t\u00a0]*:[ \t\u00a0]*",
    re.I,
)


CTGOV_PLACES: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {
    "nct_id": [((_P, "identificationModule", "nctId"), "identificationModule.nctId", True)],
    "brief_title": [((_P, "identificationModule", "briefTitle"), "identificationModule.briefTitle", True)],
    "official_title": [((_P, "identificationModule", "officialTitle"), "identificationModule.officialTitle", True)],
    "acronym": [((_P, "identificationModule", "acronym"), "identificationModule.acronym", True)],
    "curation.sources.as_of": [((_P, "statusModule", "lastUpdatePostDateStruct"), "lastUpdatePostDateStruct", False)],
    "overall_status": [((_P, "statusModule", "overallStatus"), "statusModule.overallStatus", False)],
    "last_known_status": [((_P, "statusModule", "lastKnownStatus"), "statusModule.lastKnownStatus", False)],
    "why_stopped": [((_P, "statusModule", "whyStopped"), "statusModule.whyStopped", True)],
    "dates.start": [((_P, "statusModule", "startDateStruct"), "startDateStruct", False)],
    "dates.primary_completion": [
        ((_P, "statusModule", "primaryCompletionDateStruct"), "primaryCompletionDateStruct", False)
    ],
    "dates.completion": [((_P, "statusModule", "completionDateStruct"), "completionDateStruct", False)],
    "dates.first_submitted": [
        ((_P, "statusModule", "studyFirstSubmitDate"), "statusModule.studyFirstSubmitDate", False)
    ],
    "dates.first_posted": [((_P, "statusModule", "studyFirstPostDateStruct"), "studyFirstPostDateStruct", False)],
    "dates.last_updated": [((_P, "statusModule", "lastUpdatePostDateStruct"), "lastUpdatePostDateStruct", False)],
    "results_posted": [(("hasResults",), "hasResults", False)],
    # the one trial a study lists as related to it: its expanded access record (a silent related_trials
    # said it lists none, and passed)
    "related_trials": [((_P, "statusModule", "expandedAccessInfo", "nctId"), "expandedAccessInfo.nctId", True)],
    "phases": [((_P, "designModule", "phases"), "designModule.phases", False)],
    "study_type": [((_P, "designModule", "studyType"), "designModule.studyType", False)],
    "design.allocation": [((_P, "designModule", "designInfo", "allocation"), "designInfo.allocation", False)],
    "design.intervention_model": [
        ((_P, "designModule", "designInfo", "interventionModel"), "designInfo.interventionModel", False)
    ],
    "design.primary_purpose": [
        ((_P, "designModule", "designInfo", "primaryPurpose"), "designInfo.primaryPurpose", False)
    ],
    "design.masking": [((_P, "designModule", "designInfo", "maskingInfo", "masking"), "maskingInfo.masking", False)],
    "design.observational_model": [
        ((_P, "designModule", "designInfo", "observationalModel"), "designInfo.observationalModel", False)
    ],
    "design.time_perspective": [
        ((_P, "designModule", "designInfo", "timePerspective"), "designInfo.timePerspective", False)
    ],
    "enrollment": [((_P, "designModule", "enrollmentInfo"), "enrollmentInfo", False)],
    "conditions": [((_P, "conditionsModule", "conditions"), "conditionsModule.conditions", True)],
    "keywords": [((_P, "conditionsModule", "keywords"), "conditionsModule.keywords", True)],
    "brief_summary": [((_P, "descriptionModule", "briefSummary"), "descriptionModule.briefSummary", True)],
    "detailed_description": [
        ((_P, "descriptionModule", "detailedDescription"), "descriptionModule.detailedDescription", True)
    ],
    "eligibility.sex": [((_P, "eligibilityModule", "sex"), "eligibilityModule.sex", False)],
    "eligibility.minimum_age": [((_P, "eligibilityModule", "minimumAge"), "eligibilityModule.minimumAge", False)],
    "eligibility.maximum_age": [((_P, "eligibilityModule", "maximumAge"), "eligibilityModule.maximumAge", False)],
    "eligibility.healthy_volunteers": [
        ((_P, "eligibilityModule", "healthyVolunteers"), "eligibilityModule.healthyVolunteers", False)
    ],
    "eligibility": [((_P, "eligibilityModule", "eligibilityCriteria"), "eligibilityModule.eligibilityCriteria", False)],
    "sponsor.name": [((_P, "sponsorCollaboratorsModule", "leadSponsor", "name"), "leadSponsor.name", True)],
    "sponsor.class": [((_P, "sponsorCollaboratorsModule", "leadSponsor", "class"), "leadSponsor.class", False)],
    "responsible_party.type": [
        ((_P, "sponsorCollaboratorsModule", "responsibleParty", "type"), "responsibleParty.type", False)
    ],
    "responsible_party.name": [
        (
            (_P, "sponsorCollaboratorsModule", "responsibleParty", "investigatorFullName"),
            "responsibleParty.investigatorFullName",
            True,
        )
    ],
    "responsible_party.title": [
        (
            (_P, "sponsorCollaboratorsModule", "responsibleParty", "investigatorTitle"),
            "responsibleParty.investigatorTitle",
            True,
        )
    ],
    "responsible_party.affiliation": [
        (
            (_P, "sponsorCollaboratorsModule", "responsibleParty", "investigatorAffiliation"),
            "responsibleParty.investigatorAffiliation",
            True,
        )
    ],
    "identifiers.org_study_id": [((_P, "identificationModule", "orgStudyIdInfo", "id"), "orgStudyIdInfo.id", True)],
}


# Where a study states its product (the cell_product place): its titles, and its arms and
# interventions but a comparator's (_product_items).
PRODUCT_PLACES: tuple[tuple[tuple[str, ...], str], ...] = (
    ((_P, "identificationModule", "briefTitle"), "identificationModule.briefTitle"),
    ((_P, "identificationModule", "officialTitle"), "identificationModule.officialTitle"),
    ((_P, "identificationModule", "acronym"), "identificationModule.acronym"),
)


# The arms whose words are no product's: what the trial compares its product with
COMPARATOR_ARMS = frozenset(("ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"))


def _product_items(study: dict) -> tuple[list[dict], list[dict]]:
    """The arms and the interventions a study's product may be read from: every arm but a
    comparator's, and every intervention but one given in comparator arms alone (an active
    comparator's "rituximab, an anti-CD20 antibody" bound a CAR-T product's target antigen CD20)."""
    module = _at(study, (_P, "armsInterventionsModule"))
    if not isinstance(module, dict):
        return [], []
    groups, given = module.get("armGroups"), module.get("interventions")
    arms = [a for a in groups if isinstance(a, dict)] if isinstance(groups, list) else []
    interventions = [i for i in given if isinstance(i, dict)] if isinstance(given, list) else []
    compared = {a["label"] for a in arms if _comparator(a) and isinstance(a.get("label"), str)}
    return (
        [a for a in arms if not _comparator(a)],
        [i for i in interventions if not (labels := set(_strings(i.get("armGroupLabels")))) or not labels <= compared],
    )


def _comparator(arm: dict) -> bool:
    """Whether an arm is a comparator by its type: one given as no text (an array, an object, in a
    study no registry wrote) names no type, and stopped every check as unhashable."""
    kind = arm.get("type")
    return isinstance(kind, str) and kind in COMPARATOR_ARMS


def _ctgov_products(titles: list[Passage], arms: list[dict], interventions: list[dict], lines: Lines) -> Products:
    """For a study of several arms that are no comparator's (an arm typed OTHER may be one: "Standard
    of care", giving rituximab): each intervention's name and other names (normalised) -> the
    titles, the arms that give it and the interventions those arms give (SourceDoc.product_place)."""
    labelled = {label for a in arms if isinstance(label := a.get("label"), str)}
    out: dict[str, Callable[[], list[Passage]]] = {}
    for given in interventions:
        if labelled.isdisjoint(_strings(given.get("armGroupLabels"))):
            continue  # no arm of the product's gives it
        make = functools.partial(_ctgov_product, titles, arms, interventions, given, lines)
        for name in [given.get("name"), *_strings(given.get("otherNames"))]:
            if isinstance(name, str):
                out.setdefault(shown(name), make)  # (as product_place looks it up, in either reading)
    return Products(out)


def _ctgov_product(
    titles: list[Passage], arms: list[dict], interventions: list[dict], given: dict, lines: Lines
) -> list[Passage]:
    """The titles, the arms that give the intervention given and the interventions those arms give."""
    labels = set(_strings(given.get("armGroupLabels")))
    mine = [a for a in arms if a.get("label") in labels]
    theirs = {a.get("label") for a in mine}
    return [
        *titles,
        *(Passage(lines.text_of(a, "armGroups")) for a in mine),
        *(
            Passage(lines.text_of(i, "interventions"))
            for i in interventions
            if not theirs.isdisjoint(_strings(i.get("armGroupLabels")))
        ),
    ]


def _at(doc: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        doc = doc.get(part) if isinstance(doc, dict) else None
    return doc


class _Span(NamedTuple):
    """The lines of one object or array of a JSON source (Lines), and the key a scalar directly in it
    is read under ("armGroups.label" in an armGroups item; "conditionsModule.conditions" in that list)."""

    start: int
    end: int
    last: str | None  # the object key it sits under (None at the top): an object's own keys are read after it
    key: str


class Lines:
    """A JSON document read once (json_lines), each line normalised on its own, and the lines each
    object and array holds: a field's passage is then its lines joined, not a second walk and a
    second normalisation of its part of the document. normalise(a + "\n" + b) is normalise(a) + " " +
    normalise(b) for lines not empty after normalising: NFKC composes nothing across a line break, the
    escapes are two characters within a line, and white space runs are collapsed alike. A line can
    read as nothing though it holds a colon (normalise reads a line with a bidirectional control, "\u202a:
    false", as none): _joined leaves it out, as normalise does (tests/test_layouts.py holds the two to
    each other)."""

    def __init__(self, doc: Any) -> None:
        self.spans: dict[int, _Span] = {}  # id of an object or array of doc -> its lines
        self.doc = doc  # holds doc alive while the ids of its objects are keys
        self._keys: list[str] = []  # each line's key and its value as read (scalar_text), in document order
        self._texts: list[str] = []
        if isinstance(doc, (dict, list)):
            self._walk(doc, None, "")
        elif doc is not None:
            self._scalar(doc, "")
        self.lines: list[str] = _lines(self._keys, self._texts)  # normalised "key: value" lines, in document order

    def _walk(self, item: Any, last: str | None, key: str) -> None:
        """item: an object or an array; last: the object key it sits under (None at the top, which
        is not the key ""); key: what a scalar directly in it is read under. A scalar's line is
        normalised after the walk (_lines), all of the document's together."""
        keys, texts = self._keys, self._texts
        start = len(texts)
        is_object = isinstance(item, dict)
        value_last, value_key = last, key  # an array's items: read as the array is
        for name, value in item.items() if is_object else zip(repeat(""), item):
            if is_object:  # an object's value: read under the key it sits under and its own
                value_last = json_key(name)
                value_key = value_last if last is None else f"{last}.{value_last}"
            if isinstance(value, (dict, list)):
                self._walk(value, value_last, value_key)
            elif value is not None:
                # a printable string with no "&" is its own text (json_string), as most are: no call for it
                text = value if type(value) is str and value.isprintable() and "&" not in value else scalar_text(value)
                keys.append(value_key)
                texts.append(text)
        # tuple.__new__: the same _Span without its __new__, a Python function, called for each object
        self.spans[id(item)] = tuple.__new__(_Span, (start, len(texts), last, key))

    def _scalar(self, value: Any, key: str) -> None:
        text = scalar_text(value)
        self._keys.append(key)
        self._texts.append(text)

    @property
    def text(self) -> str:
        return _joined(self.lines)

    def text_of(self, value: Any, key: str) -> str:
        """json_text(value, key) for a part of the document: its lines where it reads them under the
        same keys, else read again."""
        span = self.spans.get(id(value))
        if span is not None and _same_keys(value, key, span):
            return _joined(self.lines[span.start : span.end])
        return json_text(value, key)


def _joined(lines: list[str]) -> str:
    """Lines as normalise() reads them joined: one space between, none for a line it reads as nothing
    (a key that is a bidirectional control alone, "\u202a": its line is a passage shown in another order)."""
    return " ".join(line for line in lines if line)


def _same_keys(value: Any, key: str, span: _Span) -> bool:
    """Whether json_lines(value, key) gives the lines the whole document's walk gave value: an
    object's own keys are read after the key it sits under (span.last), an array's scalars under
    span.key; an array holding objects or arrays is read again."""
    if isinstance(value, dict):  # json_lines(value, "") reads its keys as the top's are
        return (key or None) == span.last
    return key == span.key and not any(isinstance(item, (dict, list)) for item in value)


def _passages(value: Any, key: str, whole: bool, lines: Lines | None = None) -> list[Passage]:
    """A value's passages: the value read under its key (a list's items together too), and for a
    whole value each item alone, which a field must equal. lines: the document's, when value is a
    part of it (its passage is then taken from them, not read again)."""
    if value is None:
        return []
    if isinstance(value, (dict, list)):
        out = [Passage(json_text(value, key) if lines is None else lines.text_of(value, key))]
        items = value if isinstance(value, list) else []
    elif isinstance(value, bool):
        return [Passage(line_text(key, scalar_text(value)))]
    else:  # one scalar: read under its key, it is its own item
        out, items = [], [value]
    for item in items:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            raw = scalar_text(item)
            text = normalise(raw)
            if not text:  # a text of white space or invisible characters alone states no value, as a null
                continue
            line = line_text(key, raw, normalised=text)
            if not out:
                out.append(Passage(line))
            out.append(Passage(line, whole, text))
    return out


_PLAIN_KEY = lazy(r"[A-Za-z0-9_.]*")


def _lines(keys: list[str], texts: list[str]) -> list[str]:
    """[line_text(key, text) for each key and text], in one loop: a JSON source has hundreds of lines,
    most of them ASCII with no escape and no control character, whose normalise() is their words
    joined by one space (what normalise does to such a text, without a call for each line)."""
    plain: dict[str, bool] = {}
    out: list[str] = []
    for key, text in zip(keys, texts):
        is_plain = plain.get(key)
        if is_plain is None:
            is_plain = plain[key] = _PLAIN_KEY.fullmatch(key) is not None
        if not is_plain:
            out.append(normalise(json_line(key, text)))
            continue
        if (
            text.isascii()
            and "\\" not in text
            and "*" not in text  # (Markdown bold and italics, which normalise reads as their words)
            and "_" not in text
            and (text.isprintable() or DROPPED.search(text) is None)
        ):
            value = " ".join(text.split())
        else:
            value = normalise(text)
        out.append(f"{key}: {value}" if value else f"{key}:")
    return out


def line_text(key: str, value: str, *, normalised: str | None = None) -> str:
    """normalise(json_line(key, value)); with a plain key (letters, digits, "_" and "."), from value
    normalised (normalised: normalise(value), where the caller has it): NFKC, the escapes and the
    white space of "key: value" are those of value alone after a plain key and ": ". Another key's
    line is normalised whole, from value as written: normalise is no fold to read twice (an escaped
    backslash, "\\\\<", reads "\\<", which read again is "<")."""
    if not _PLAIN_KEY.fullmatch(key):
        return normalise(json_line(key, value))
    value = normalise(value) if normalised is None else normalised
    return f"{key}: {value}" if value else f"{key}:"


# record list -> (its module and key in protocolSection, record field -> JSON key): a list item's
# fields are read from one item of the JSON list (rows), and an item is quoted as its lines together
CTGOV_LISTS: dict[str, tuple[str, str, dict[str, str]]] = {
    "arms": ("armsInterventionsModule", "armGroups", {"label": "label", "type": "type", "description": "description"}),
    "interventions": (
        "armsInterventionsModule",
        "interventions",
        {"name": "name", "type": "type", "description": "description"},
    ),
    "officials": (
        "contactsLocationsModule",
        "overallOfficials",
        {"name": "name", "role": "role", "affiliation": "affiliation"},
    ),
    "locations": (
        "contactsLocationsModule",
        "locations",
        {"facility": "facility", "city": "city", "region": "state", "country": "country"},
    ),
    "identifiers.secondary_ids": (
        "identificationModule",
        "secondaryIdInfos",
        {"id": "id", "type": "type", "domain": "domain"},
    ),
    "references": ("referencesModule", "references", {"pmid": "pmid", "type": "type", "citation": "citation"}),
    "outcomes.primary": (
        "outcomesModule",
        "primaryOutcomes",
        {"measure": "measure", "time_frame": "timeFrame", "description": "description"},
    ),
    "outcomes.secondary": (
        "outcomesModule",
        "secondaryOutcomes",
        {"measure": "measure", "time_frame": "timeFrame", "description": "description"},
    ),
}


_A_KEY_LABEL = lazy(r"(?<!\S)[A-Za-z]\w*(?:\.[A-Za-z]\w*)+: ")


def own_values(path: tuple, quote: str) -> list[tuple[int, int]] | None:
    """Where, in a quote of a list item's lines ("interventions.type: PROCEDURE interventions.name: External
    Beam Radiation Therapy"), the value under the JSON key of the field at path stands (interventions.N.type:
    after "interventions.type: ", to the next key's label): a vocabulary value is quoted with its item's
    name (builder.quote), whose words are no value of the field ("Radiation" of the name is no type
    RADIATION). None where path is no list item's field of CTGOV_LISTS or the quote holds no such label."""
    if len(path) != 3 or not isinstance(path[1], int) or path[0] not in CTGOV_LISTS:
        return None
    _, key, columns = CTGOV_LISTS[path[0]]
    own = columns.get(path[2])
    if own is None:
        return None
    label = f"{key}.{own}: "
    labels = [(m.start(), m.end()) for m in _A_KEY_LABEL.finditer(quote)]
    spans = [
        (end, next((s for s, _ in labels if s > start), len(quote)))
        for start, end in labels
        if quote[start:end] == label
    ]
    return spans or None


def _strings(value: Any) -> list[str]:
    """The strings of a JSON array: none when the value is no array (a number or a string there, in
    a study no registry wrote, stopped every check with an internal error, or read a name's letters as
    names)."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def withdrawn(site: Any) -> bool:
    """Whether a study's location is one the registry gives the status WITHDRAWN: a site that withdrew
    before it enrolled anyone, which the study states as no site of the trial (a record listing it
    passed; the importer imported it)."""
    status = site.get("status") if isinstance(site, dict) else None
    return isinstance(status, str) and status.strip().upper() == "WITHDRAWN"


def _ctgov_rows(study: dict, lines: Lines) -> tuple[dict[str, list[Passage]], dict[str, list[dict[str, Any]]]]:
    places: dict[str, list[Passage]] = {}
    # text fields, and two lists: an arm's intervention_names, an intervention's other_names
    rows: dict[str, list[dict[str, Any]]] = {}
    section = study.get(_P) or {}
    for name, (module, key, columns) in CTGOV_LISTS.items():
        items = (section.get(module) or {}).get(key) if isinstance(section.get(module), dict) else None
        if not isinstance(items, list):
            continue
        items = [item for item in items if isinstance(item, dict) and not (name == "locations" and withdrawn(item))]
        places[name] = [Passage(lines.text_of(item, key)) for item in items]
        rows[name] = [
            {column: normalise(json_string(item[k])) for column, k in columns.items() if isinstance(item.get(k), str)}
            for item in items
        ]
        if name == "arms":  # an arm's interventions, named as the Interventions list names them ("Drug: X" is X)
            for row, item in zip(rows[name], items):
                row["intervention_names"] = [
                    normalise(TYPE_PREFIX.sub("", json_string(n))) for n in _strings(item.get("interventionNames"))
                ]
        if name == "interventions":  # an intervention's other names are its own, not the next row's
            for row, item in zip(rows[name], items):
                row["other_names"] = [normalise(json_string(n)) for n in _strings(item.get("otherNames"))]
        for column, k in columns.items():
            if column not in ("type", "role"):  # a vocabulary value is quoted with its item, which names it
                places[f"{name}.{column}"] = [  # a row's text, as its row reads it: one string
                    p
                    for item in items
                    if isinstance(item.get(k), str)
                    for p in _passages(item.get(k), f"{key}.{k}", True, lines)
                ]
    # an arm's intervention is named "Drug: X" there and X in the record (its row binds it to its arm):
    # each entry is one value, X or "Drug: X" whole, not words of prose (which a name the study also
    # gives whole as another field, a keyword, could not be)
    for name, key, column in (
        ("arms.intervention_names", "armGroups", "interventionNames"),
        ("interventions.other_names", "interventions", "otherNames"),
    ):
        module, list_key, _ = CTGOV_LISTS[name.split(".")[0]]
        items = _at(study, (_P, module, list_key))
        places[name] = (
            [
                p
                for item in items
                if isinstance(item, dict)
                for p in _passages(item.get(column), f"{key}.{column}", True, lines)
            ]
            if isinstance(items, list)
            else []
        )
    places["arms.intervention_names"] += [
        Passage(p.text, True, bare)
        for p in places["arms.intervention_names"]
        if p.whole and (bare := TYPE_PREFIX.sub("", p.value)) != p.value
    ]
    return places, rows


_NCT_PATH = (_P, "identificationModule", "nctId")


_CRITERIA_PATH = (_P, "eligibilityModule", "eligibilityCriteria")


# The places whose value the API gives as a list of values, or as an object of values; every other
# place holds one value (a string, a number, a boolean)
_LIST_PLACES = frozenset(("phases", "conditions", "keywords"))


_OBJECT_PLACES = frozenset(("enrollmentInfo",))


def _shaped(value: Any, where: tuple[str, ...]) -> Any:
    """The value at a study's place where it has the shape the API gives that place, else None: a
    study no registry wrote may give one value as a list of several ("nctId": [NCT1, NCT2], a status
    as two), each of which a record could then take for the field, or an object of values nested
    deeper. A list or an object holds one value a member; one value may stand for either (a date
    struct given as its bare date, as a converted file writes it). A member that is null states nothing, as a
    key left out does ({"date": "2016-07", "type": null}, [null, "Lupus"]; so does an empty list or object, which
    json_lines reads no line of): the value's place held none, and
    the import, which reads a null as nothing given, was refused its own quote (E512)."""
    if isinstance(value, (str, int, float)):  # (a bool is an int)
        return value
    name = where[-1]
    shape = list if name in _LIST_PLACES else dict if name in _OBJECT_PLACES or name.endswith("Struct") else None
    if shape is None or not isinstance(value, shape):
        return None
    members = value.values() if isinstance(value, dict) else value
    return value if all(m in (None, [], {}) or isinstance(m, (str, int, float)) for m in members) else None


def study_id(doc: Any) -> str | None:
    """A study's own NCT id, at protocolSection.identificationModule.nctId, when it is one (as the
    importer requires): the trial the study is about. The id was taken from every key of the document
    read as identificationModule.nctId, and a study naming two was about no one trial: given as
    [NCT1, NCT2], one trial's study was the other's too, every value of it a record of NCT2 could cite."""
    nct = _at(doc, _NCT_PATH)
    return nct if isinstance(nct, str) and _STUDY_ID.fullmatch(nct) else None


_STUDY_ID = lazy(r"NCT[0-9]{8}")


def read_study(file: str, doc: Any) -> SourceDoc:
    lines = Lines(doc)
    text = lines.text
    studies = page_of_studies(doc)
    if studies is not None:
        return SourceDoc(file, PLAIN, text, parts=[read_study(file, study) for study in studies])
    subject = study_id(doc)
    if not (isinstance(doc, dict) and isinstance(doc.get("protocolSection"), dict)) or subject is None:
        return SourceDoc(file, PLAIN, text)  # no study: a study is about the trial its own id names
    places: dict[str, list[Passage]] = {}
    for name, spots in CTGOV_PLACES.items():
        places[name] = [
            p for where, key, whole in spots for p in _passages(_shaped(_at(doc, where), where), key, whole, lines)
        ]
    for name in ("eligibility.inclusion_criteria", "eligibility.exclusion_criteria", "eligibility.thresholds"):
        places[name] = places["eligibility"]
    product = _product_places(doc, lines)
    places.update(product.places)
    item_places, rows = _ctgov_rows(doc, lines)
    places.update(item_places)
    doc_out = SourceDoc(file, "ctgov_json", text, places, subject=subject, rows=rows)
    doc_out.products = product.by_name
    # the study's own criteria: the first text read under eligibilityModule.eligibilityCriteria was
    # any key's of that name, one an object before protocolSection held too
    criteria = _at(doc, _CRITERIA_PATH)
    if isinstance(criteria, str) and criteria:
        found = split(scalar_text(criteria))
        unsaid = {id(item) for item in found.unsaid}  # (items whose depth the layout does not say: at none)
        doc_out.criteria = {
            "inclusion_criteria": _flat(found.inclusion, unsaid=unsaid),
            "exclusion_criteria": _flat(found.exclusion, unsaid=unsaid),
        }
    return doc_out


class _ProductPlaces(NamedTuple):
    """Where a study states its product: the places of cell_product and cell_product.name, and, for a
    study of several such arms, where it states each named product (SourceDoc.products)."""

    places: dict[str, list[Passage]]
    by_name: Products


def _product_places(doc: dict, lines: Lines) -> _ProductPlaces:
    """Where a study states its product: cell_product and cell_product.name (_product_items); and,
    for a study of several such arms, where it states each named product (_ctgov_products)."""
    # A curator reads the product from the titles, the arms and the interventions (as a registry
    # copy's title line, groups and interventions), and from nowhere else in the study: its criteria,
    # references and descriptions name other products too ("Prior allogeneic stem cell
    # transplantation", a background paper on BCMA CAR-T cells), which bound an autologous anti-CD19
    # trial's cell_product.origin ALLOGENEIC and its target antigen BCMA when the whole study was its place
    arms, interventions = _product_items(doc)
    titles = [p for where, key in PRODUCT_PLACES for p in _passages(_shaped(_at(doc, where), where), key, False, lines)]
    product = [
        *titles,
        *(Passage(lines.text_of(arm, "armGroups")) for arm in arms),
        *(Passage(lines.text_of(given, "interventions")) for given in interventions),
    ]
    # the product's name is such an intervention's, whole (its name or one of its other names)
    names = [
        p
        for given in interventions
        for p in _passages(given.get("name"), "interventions.name", True, lines)
        + _passages(given.get("otherNames"), "interventions.otherNames", True, lines)
        if p.whole
    ]
    products = _ctgov_products(titles, arms, interventions, lines) if len(arms) > 1 else Products({})
    return _ProductPlaces({"cell_product": product, "cell_product.name": names}, products)


def _flat(
    items: list[dict], group: str | None = None, depth: int | None = 0, unsaid: frozenset[int] | set[int] = frozenset()
) -> list[Item]:
    """A list's criteria as Items, each at its depth; an item whose depth the layout does not say (unsaid: the ids of
    the items of a spaced run whose end it does not show, criteria_text.Split.unsaid), and its own parts, at none."""
    out = []
    for item in items:
        within = normalise(item["group"]) if "group" in item else group
        at = None if depth is None or id(item) in unsaid else depth
        out.append(Item(item.get("number"), normalise(item["text"]), within, at))
        out.extend(_flat(item.get("sub_criteria", []), within, None if at is None else at + 1, unsaid))
    return out
