"""Import: a ClinicalTrials.gov API v2 study (JSON) becomes a draft trial record.

    trials import ctgov FILE.json [--update] [--dry-run]

FILE.json is a study as the public API returns it (`protocolSection`, `hasResults`, ...) or a page
of studies (`{"studies": [...]}`, one record per study). The file is kept byte-for-byte as the
records' source under seeds/ (listed in seeds/SHA256SUMS), kind REGISTRY_JSON, as of the study's
last update posted (lastUpdatePostDateStruct.date), so every imported text is checked against it.

What the JSON states is imported, word for word; what it lacks stays absent and is listed under
curation.silent. Each structured value gets an evidence quote: the raw JSON value it was read from
("RECRUITING", "2024-07-30 ACTUAL", "18 Years"). The curator's part is left for the curator and
listed under curation.not_yet_curated: the cell product and the numeric thresholds in the criteria.

This module turns JSON into records. update.py applies a newer JSON to a curated record (--update,
a three-way merge); importing.py places the seed, its manifest line and the records, all or
nothing, once the registry with them passes the check.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from sle_trials.outputs import coverage
from sle_trials.reading import criteria_text, layouts
from sle_trials import fields

KIND = "REGISTRY_JSON"
# What a curator reads from the text, not the registry's fields: left for the curator, not silent.
NOT_YET_CURATED = ("cell_product", "eligibility.thresholds", "arms.cohorts", "interventions.route")
_NCT = re.compile(r"NCT[0-9]{8}\Z")
_AGE = re.compile(r"^\s*([0-9]+)\s+(Year|Month|Week|Day|Hour|Minute)s?\s*$", re.I)

class BadInput(Exception):
    """A file that is not a ClinicalTrials.gov study: exit 1, nothing written."""


# --- reading the JSON -----------------------------------------------------------------------------


def read_studies(raw: bytes, name: str) -> list[dict]:
    """The studies in a saved API response: one study, a {"studies": [...]} page, or a list."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{name}: not UTF-8 text (byte 0x{raw[exc.start]:02X} at offset {exc.start}); expected a JSON file") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise BadInput(f"{name}: JSON nested too deeply") from None
    if isinstance(doc, dict) and "protocolSection" in doc:
        studies = [doc]
    elif isinstance(doc, dict) and isinstance(doc.get("studies"), list):
        studies = doc["studies"]
        if not studies:
            raise BadInput(f"{name}: the page holds no studies")
    elif isinstance(doc, list) and doc and all(isinstance(s, dict) and "protocolSection" in s for s in doc):
        studies = doc
    else:
        raise BadInput(f"{name}: not a ClinicalTrials.gov study: no protocolSection (expected a study from the API v2, "
                       f"https://clinicaltrials.gov/api/v2/studies/NCT..., or a page {{\"studies\": [...]}})")
    ids = []
    for i, study in enumerate(studies):
        where = f"{name}: study {i + 1}" if len(studies) > 1 else name
        if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
            raise BadInput(f"{where}: not a study (no protocolSection)")
        nct = study["protocolSection"].get("identificationModule", {}).get("nctId") if isinstance(
            study["protocolSection"].get("identificationModule"), dict) else None
        if not isinstance(nct, str) or not _NCT.match(nct):
            raise BadInput(f"{where}: identificationModule.nctId is {nct!r}, not an NCT id (NCT followed by 8 digits)")
        ids.append(nct)
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise BadInput(f"{name}: the same study twice: {', '.join(twice)}")
    return studies


def nct_id(study: dict) -> str:
    return study["protocolSection"]["identificationModule"]["nctId"]


def as_of(study: dict) -> str | None:
    status = _obj(study["protocolSection"], "statusModule")
    date = _obj(status, "lastUpdatePostDateStruct").get("date")
    return date if isinstance(date, str) and _date_ok(date) else None


def _obj(node: Any, key: str) -> dict:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def _list(node: Any, key: str) -> list:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def _date_ok(value: str) -> bool:
    return bool(re.match(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z", value))


def clean(value: Any) -> str | None:
    """Text as records hold it: decoded like the source text, markdown escapes removed, trimmed."""
    if not isinstance(value, str):
        return None
    text = criteria_text.ESCAPE.sub(r"\1", layouts.json_string(value))
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text or None




# --- building the record --------------------------------------------------------------------------


@dataclass
class Draft:
    data: dict
    evidence: dict[str, str] = field(default_factory=dict)
    notes: list[dict] = field(default_factory=list)


class _Builder:
    def __init__(self, schema: dict) -> None:
        self.schema = schema
        self.data: dict[str, Any] = {}
        self.evidence: dict[str, str] = {}
        self.notes: list[dict] = []
        self.not_yet: list[str] = list(NOT_YET_CURATED)

    def node(self, path: tuple) -> dict:
        node = fields.resolve(self.schema, self.schema)
        for part in path:
            node = fields.resolve(self.schema, node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {}))
        return node

    def allowed(self, path: tuple, value: Any) -> bool:
        enum = self.node(tuple(0 if isinstance(p, int) else p for p in path)).get("enum")
        if enum is None or value in enum:
            return True
        self.notes.append({"field": fields.dotted(path), "text": f"The source gives {value!r}, which is not in the registry's vocabulary; left out."})
        return False

    def quote(self, path: tuple, value: Any, key: str, between: tuple[str, str] | None = None) -> None:
        """Evidence for the value at path: the JSON value as the source's text reads it, under its
        key ("statusModule.overallStatus: RECRUITING"). For a field of a list item, between names the
        item's naming key and the field's key: the quote runs from one line to the other, so that it
        names the item it is about ("overallOfficials.name: …  … overallOfficials.role: …")."""
        if between is not None:
            lines = layouts.json_lines(value, key)
            ends = [i for i, (k, _) in enumerate(lines) if k in {f"{key}.{between[0]}", f"{key}.{between[1]}"}]
            value = lines[min(ends): max(ends) + 1] if ends else lines
            said = layouts.normalise(" ".join(layouts.json_line(k, v) for k, v in value))
        else:
            said = layouts.json_text(value, key)
        if said:
            self.evidence[fields.dotted(path)] = said


def _put(target: dict, key: str, value: Any) -> None:
    if value is not None and value != [] and value != {}:
        target[key] = value


def _unique(values: list) -> list:
    return list(dict.fromkeys(v for v in values if v is not None))


def _age(text: Any) -> dict | None:
    m = _AGE.match(text) if isinstance(text, str) else None
    if not m or int(m.group(1)) > 150:
        return None
    return {"value": int(m.group(1)), "unit": m.group(2).upper() + "S"}


def to_record(study: dict, source: str, schema: dict) -> Draft:
    """The draft record for one study, citing source (a path under seeds/)."""
    b = _Builder(schema)
    ps = study["protocolSection"]
    ident, status = _obj(ps, "identificationModule"), _obj(ps, "statusModule")
    nct = ident["nctId"]
    rec = b.data
    rec["nct_id"] = nct
    b.quote(("nct_id",), nct, "identificationModule.nctId")
    _put(rec, "acronym", clean(ident.get("acronym")))
    _put(rec, "brief_title", clean(ident.get("briefTitle")))
    _put(rec, "official_title", clean(ident.get("officialTitle")))
    if "brief_title" not in rec:  # required: fall back on the official title, which the source states
        if "official_title" not in rec:
            raise BadInput(f"{nct}: the study has neither briefTitle nor officialTitle")
        rec["brief_title"] = rec["official_title"]
        b.notes.append({"field": "brief_title", "text": "The source gives no brief title; the official title is used."})
    date = as_of(study)
    if date is None:
        raise BadInput(f"{nct}: statusModule.lastUpdatePostDateStruct.date is missing or not a date; the source's as-of date must be known")
    rec["curation"] = {"status": "complete", "sources": [{"file": source, "kind": KIND, "as_of": date}]}
    b.quote(("curation", "sources", 0, "as_of"), date, "lastUpdatePostDateStruct.date")

    overall = status.get("overallStatus")
    if isinstance(overall, str) and b.allowed(("overall_status",), overall):
        rec["overall_status"] = overall
        b.quote(("overall_status",), overall, "statusModule.overallStatus")
    dates: dict[str, Any] = {}
    for key, name in (("startDateStruct", "start"), ("primaryCompletionDateStruct", "primary_completion"),
                      ("completionDateStruct", "completion"), ("studyFirstSubmitDate", "first_submitted"),
                      ("lastUpdatePostDateStruct", "last_updated")):
        raw = status.get(key)
        struct = raw if isinstance(raw, dict) else {"date": raw}
        if not isinstance(struct.get("date"), str) or not _date_ok(struct["date"]):
            if raw is not None:
                b.notes.append({"field": f"dates.{name}", "text": f"The source's {key} is not a date this registry can hold; left out."})
            continue
        item = {"date": struct["date"]}
        if isinstance(struct.get("type"), str) and b.allowed(("dates", name, "type"), struct["type"]):
            item["type"] = struct["type"]
        dates[name] = item
        b.quote(("dates", name), raw, key if isinstance(raw, dict) else f"statusModule.{key}")
    _put(rec, "dates", dates)
    if isinstance(study.get("hasResults"), bool):
        rec["results_posted"] = study["hasResults"]
        b.quote(("results_posted",), study["hasResults"], "hasResults")

    design_mod = _obj(ps, "designModule")
    phases = _unique([p for p in _list(design_mod, "phases") if isinstance(p, str) and b.allowed(("phases", 0), p)])
    if phases:
        rec["phases"] = phases
        b.quote(("phases",), phases, "designModule.phases")
    if isinstance(design_mod.get("studyType"), str) and b.allowed(("study_type",), design_mod["studyType"]):
        rec["study_type"] = design_mod["studyType"]
        b.quote(("study_type",), design_mod["studyType"], "designModule.studyType")
    info = _obj(design_mod, "designInfo")
    design: dict[str, Any] = {}
    for key, name, value in (("allocation", "allocation", info.get("allocation")),
                             ("interventionModel", "intervention_model", info.get("interventionModel")),
                             ("primaryPurpose", "primary_purpose", info.get("primaryPurpose")),
                             ("masking", "masking", _obj(info, "maskingInfo").get("masking")),
                             ("observationalModel", "observational_model", info.get("observationalModel")),
                             ("timePerspective", "time_perspective", info.get("timePerspective"))):
        if isinstance(value, str) and b.allowed(("design", name), value):
            design[name] = value
            b.quote(("design", name), value, f"maskingInfo.{key}" if key == "masking" else f"designInfo.{key}")
    _put(rec, "design", design)
    enrol = _obj(design_mod, "enrollmentInfo")
    if isinstance(enrol.get("count"), int) and not isinstance(enrol.get("count"), bool) and enrol["count"] >= 0:
        rec["enrollment"] = {"count": enrol["count"]}
        if isinstance(enrol.get("type"), str) and b.allowed(("enrollment", "type"), enrol["type"]):
            rec["enrollment"]["type"] = enrol["type"]
        b.quote(("enrollment",), enrol, "enrollmentInfo")

    cond = _obj(ps, "conditionsModule")
    for key, name in (("conditions", "conditions"), ("keywords", "keywords")):
        values = [clean(v) for v in _list(cond, key)]
        unique = _unique(values)
        if len(unique) < len([v for v in values if v]):
            b.notes.append({"field": name, "text": f"The source lists some {name} twice; each is kept once."})
        _put(rec, name, unique)
    desc = _obj(ps, "descriptionModule")
    _put(rec, "brief_summary", clean(desc.get("briefSummary")))
    _put(rec, "detailed_description", clean(desc.get("detailedDescription")))

    _arms_and_interventions(b, _obj(ps, "armsInterventionsModule"))
    _eligibility(b, _obj(ps, "eligibilityModule"))
    _people(b, _obj(ps, "sponsorCollaboratorsModule"), _obj(ps, "contactsLocationsModule"))
    _identifiers(b, ident)
    _references(b, _obj(ps, "referencesModule"))

    _absent(b)
    if b.notes:
        rec["curation"]["notes"] = b.notes
    kept = [k for k in b.evidence if fields.get(rec, fields.parse_dotted(k))[0]]
    rec["evidence"] = {k: b.evidence[k] for k in sorted(kept, key=lambda k: _rank(k, schema))}
    return Draft(rec, rec["evidence"], b.notes)


def _arms_and_interventions(b: _Builder, mod: dict) -> None:
    rec = b.data
    interventions = []
    for raw in _list(mod, "interventions"):
        name = clean(raw.get("name")) if isinstance(raw, dict) else None
        if not name:
            continue
        if any(i["name"] == name for i in interventions):
            b.notes.append({"field": "interventions", "text": f"The source lists the intervention {name!r} twice; kept once."})
            continue
        item: dict[str, Any] = {"name": name}
        i = len(interventions)
        if isinstance(raw.get("type"), str) and b.allowed(("interventions", i, "type"), raw["type"]):
            item["type"] = raw["type"]
            b.quote(("interventions", i, "type"), raw, "interventions", ("name", "type"))
        _put(item, "description", clean(raw.get("description")))
        _put(item, "other_names", _unique([clean(v) for v in _list(raw, "otherNames")]))
        interventions.append(item)
    names = {i["name"] for i in interventions}
    arms = []
    for raw in _list(mod, "armGroups"):
        label = clean(raw.get("label")) if isinstance(raw, dict) else None
        if not label:
            continue
        item = {"label": label}
        a = len(arms)
        if isinstance(raw.get("type"), str) and b.allowed(("arms", a, "type"), raw["type"]):
            item["type"] = raw["type"]
            b.quote(("arms", a, "type"), raw, "armGroups", ("label", "type"))
        _put(item, "description", clean(raw.get("description")))
        given = []
        for entry in _list(raw, "interventionNames"):
            entry = clean(entry)
            if not entry:
                continue
            bare = layouts.TYPE_PREFIX.sub("", entry)
            if bare in names:
                given.append(bare)
            elif entry in names:
                given.append(entry)
            else:
                b.notes.append({"field": f"arms.{a}.intervention_names",
                                "text": f"The arm names {entry!r}, which is not among the source's interventions; left out."})
        _put(item, "intervention_names", _unique(given))
        arms.append(item)
    _put(rec, "arms", arms)
    _put(rec, "interventions", interventions)


def _eligibility(b: _Builder, mod: dict) -> None:
    elig: dict[str, Any] = {}
    if isinstance(mod.get("sex"), str) and b.allowed(("eligibility", "sex"), mod["sex"]):
        elig["sex"] = mod["sex"]
        b.quote(("eligibility", "sex"), mod["sex"], "eligibilityModule.sex")
    for key, name in (("minimumAge", "minimum_age"), ("maximumAge", "maximum_age")):
        if mod.get(key) is None:
            continue
        age = _age(mod[key])
        if age is None:
            b.notes.append({"field": f"eligibility.{name}", "text": f"The source's {key} {mod[key]!r} is not an age this registry can hold; left out."})
            continue
        elig[name] = age
        b.quote(("eligibility", name), mod[key], f"eligibilityModule.{key}")
    if isinstance(mod.get("healthyVolunteers"), bool):
        elig["healthy_volunteers"] = mod["healthyVolunteers"]
        b.quote(("eligibility", "healthy_volunteers"), mod["healthyVolunteers"], "eligibilityModule.healthyVolunteers")
    text = mod.get("eligibilityCriteria")
    if isinstance(text, str) and text.strip():
        inclusion, exclusion, remarks = criteria_text.split_criteria(layouts.json_string(text))
        _put(elig, "inclusion_criteria", inclusion)
        _put(elig, "exclusion_criteria", exclusion)
        for remark in remarks:
            b.notes.append({"field": "eligibility", "text": remark})
        if not inclusion and not exclusion:
            b.notes.append({"field": "eligibility", "text": "The criteria text has no 'Inclusion Criteria' or 'Exclusion Criteria' "
                            "heading; the criteria are left for the curator to split."})
            b.not_yet += ["eligibility.inclusion_criteria", "eligibility.exclusion_criteria"]
    _put(b.data, "eligibility", elig)


def _people(b: _Builder, sponsors: dict, contacts: dict) -> None:
    rec = b.data
    lead = _obj(sponsors, "leadSponsor")
    sponsor: dict[str, Any] = {}
    _put(sponsor, "name", clean(lead.get("name")))
    if "name" in sponsor and isinstance(lead.get("class"), str) and b.allowed(("sponsor", "class"), lead["class"]):
        sponsor["class"] = lead["class"]
        b.quote(("sponsor", "class"), lead["class"], "leadSponsor.class")
    if "name" in sponsor:
        rec["sponsor"] = sponsor
    party = _obj(sponsors, "responsibleParty")
    rp: dict[str, Any] = {}
    if isinstance(party.get("type"), str) and b.allowed(("responsible_party", "type"), party["type"]):
        rp["type"] = party["type"]
        b.quote(("responsible_party", "type"), party["type"], "responsibleParty.type")
    _put(rp, "name", clean(party.get("investigatorFullName")))
    _put(rp, "title", clean(party.get("investigatorTitle")))
    _put(rp, "affiliation", clean(party.get("investigatorAffiliation")))
    _put(rec, "responsible_party", rp)
    officials = []
    for raw in _list(contacts, "overallOfficials"):
        name = clean(raw.get("name")) if isinstance(raw, dict) else None
        if not name:
            continue
        item: dict[str, Any] = {"name": name}
        o = len(officials)
        if isinstance(raw.get("role"), str) and b.allowed(("officials", o, "role"), raw["role"]):
            item["role"] = raw["role"]
            b.quote(("officials", o, "role"), raw, "overallOfficials", ("name", "role"))
        _put(item, "affiliation", clean(raw.get("affiliation")))
        officials.append(item)
    _put(rec, "officials", officials)
    locations = []
    for raw in _list(contacts, "locations"):
        if not isinstance(raw, dict):
            continue
        item = {}
        for key, name in (("facility", "facility"), ("city", "city"), ("state", "region"), ("country", "country")):
            _put(item, name, clean(raw.get(key)))
        if "|" in item.get("country", ""):
            del item["country"]
        if item:
            locations.append(item)
    _put(rec, "locations", locations)


def _identifiers(b: _Builder, ident: dict) -> None:
    ids: dict[str, Any] = {}
    _put(ids, "org_study_id", clean(_obj(ident, "orgStudyIdInfo").get("id")))
    secondary = []
    for raw in _list(ident, "secondaryIdInfos"):
        value = clean(raw.get("id")) if isinstance(raw, dict) else None
        if not value:
            continue
        item: dict[str, Any] = {"id": value}
        s = len(secondary)
        if isinstance(raw.get("type"), str) and b.allowed(("identifiers", "secondary_ids", s, "type"), raw["type"]):
            item["type"] = raw["type"]
            b.quote(("identifiers", "secondary_ids", s, "type"), raw, "secondaryIdInfos", ("id", "type"))
        _put(item, "domain", clean(raw.get("domain")))
        secondary.append(item)
    _put(ids, "secondary_ids", secondary)
    _put(b.data, "identifiers", ids)


def _references(b: _Builder, mod: dict) -> None:
    if "references" not in b.schema["properties"]:
        return
    refs = []
    for raw in _list(mod, "references"):
        citation = clean(raw.get("citation")) if isinstance(raw, dict) else None
        if not citation:
            continue
        item: dict[str, Any] = {}
        pmid = clean(raw.get("pmid"))
        if pmid and pmid.isdigit():
            item["pmid"] = pmid
        r = len(refs)
        if isinstance(raw.get("type"), str) and b.allowed(("references", r, "type"), raw["type"]):
            item["type"] = raw["type"]
            b.quote(("references", r, "type"), raw, "references", ("citation", "type"))
        item["citation"] = citation
        refs.append(item)
    _put(b.data, "references", refs)


def absent_fields(data: dict, schema: dict) -> list[str]:
    """The fields the record lacks (coverage.absent_fields), leaving out those that do not apply
    to the study (an observational model of an interventional study is not silent: it does not apply)."""
    return [name for name in coverage.absent_fields(data, schema) if fields.applies(schema, name, data)[0]]


def _absent(b: _Builder) -> None:
    todo = b.not_yet
    missing = absent_fields(b.data, b.schema)
    not_yet = [n for n in missing if any(n == t or n.startswith(t + ".") for t in todo)]
    silent = [n for n in missing if n not in not_yet]
    if silent:
        b.data["curation"]["silent"] = silent
    if not_yet:
        b.data["curation"]["not_yet_curated"] = not_yet


def _rank(key: str, schema: dict) -> tuple:
    """Where an evidence path sorts among the record's fields (schema order, then list order)."""
    out: list[Any] = []
    node = fields.resolve(schema, schema)
    for part in fields.parse_dotted(key):
        if isinstance(part, int):
            out.append(part)
            node = fields.resolve(schema, node.get("items", {}))
        else:
            props = list(node.get("properties", {}))
            out.append(props.index(part) if part in props else len(props))
            node = fields.resolve(schema, node.get("properties", {}).get(part, {}))
    return tuple(out)


def header(source: str) -> str:
    return (f"Imported from {source} (ClinicalTrials.gov API v2 JSON) by `trials import ctgov`.\n"
            "Every value is the registry's; review it, then curate cell_product and eligibility.thresholds.")
