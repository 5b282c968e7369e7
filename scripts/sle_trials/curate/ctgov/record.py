"""A study becomes a draft record: each part of the record read by the module named after it, in
the record's order, then what is absent declared and the evidence put in the fields' order.

    identification.py  nct_id, acronym, titles; identifiers
    status.py          overall_status, dates, results_posted
    design.py          phases, study_type, design, enrollment
    description.py     conditions, keywords, brief_summary, detailed_description
    arms.py            interventions, arms
    eligibility.py     sex, ages, healthy volunteers, criteria
    people.py          sponsor, responsible_party, officials, locations
    outcomes.py        outcomes (primary and secondary measures)
    references.py      references
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sle_trials import command, fields
from sle_trials.checks import load
from sle_trials.curate.ctgov import (
    absent,
    accounting,
    arms,
    description,
    design,
    eligibility,
    identification,
    outcomes,
    people,
    references,
    shapes,
    status,
)
from sle_trials.curate.ctgov.builder import Builder
from sle_trials.curate.ctgov.order import rank
from sle_trials.curate.ctgov.study import V2_STUDY_URL, BadInput, as_of, obj

KIND = "REGISTRY_JSON"  # the kind of source the record cites: the JSON itself


@dataclass
class Draft:
    data: dict
    evidence: dict[str, str] = field(default_factory=dict)
    notes: list[dict] = field(default_factory=list)
    text: str = ""  # the record's file as fitted() wrote it to measure it: what an import writes


# the fields a study may state at length, which an import leaves out, the longest first, when with them
# the record would be over the most a trial file may hold (load.MAX_BYTES: E004); never one a record needs
LONG_FIELDS = (
    "detailed_description",
    "brief_summary",
    "eligibility.inclusion_criteria",
    "eligibility.exclusion_criteria",
    "outcomes",
    "locations",
    "references",
    "officials",
    "arms",
    "interventions",
    "keywords",
    "conditions",
    "official_title",
)


def to_record(study: dict, source: str, schema: dict, omit: tuple[str, ...] = ()) -> Draft:
    """The draft record for one study (as read_studies returns it), citing source (a path under seeds/);
    omit: fields of LONG_FIELDS left out for their length (longest), each with a note."""
    b = Builder(schema)
    ps = study["protocolSection"]
    ident = obj(ps, "identificationModule")
    identification.titles(b, ident)
    _source(b, study, source)
    shapes.read(b, ps, source)
    status.read(b, obj(ps, "statusModule"), study.get("hasResults"))
    design.read(b, obj(ps, "designModule"))
    description.read(b, obj(ps, "conditionsModule"), obj(ps, "descriptionModule"))
    arms.read(b, obj(ps, "armsInterventionsModule"))
    outcomes.read(b, obj(ps, "outcomesModule"))
    eligibility.read(b, obj(ps, "eligibilityModule"))
    people.read(b, obj(ps, "sponsorCollaboratorsModule"), obj(ps, "contactsLocationsModule"))
    identification.identifiers(b, ident)
    references.read(b, obj(ps, "referencesModule"))
    accounting.notes(b, study)
    for name in omit:
        _omit(b, name)
    absent.declare(b)
    rec = b.data
    if b.notes:
        rec["curation"]["notes"] = b.notes
    kept = [k for k in b.evidence if fields.get(rec, fields.parse_dotted(k))[0]]
    rec["evidence"] = {k: b.evidence[k] for k in sorted(kept, key=lambda k: rank(k, schema))}
    return Draft(rec, rec["evidence"], b.notes)


def _source(b: Builder, study: dict, source: str) -> None:
    """curation: draft (an import is the registry's word, not yet reviewed by a curator), citing the
    JSON as of the study's last update; BadInput without that date."""
    date = as_of(study)
    struct = obj(obj(study["protocolSection"], "statusModule"), "lastUpdatePostDateStruct")
    odd = next((k for k, v in struct.items() if isinstance(v, (dict, list)) and v), None)
    if date is not None and odd is not None:
        # the check reads no date in such a struct (ctgov_study._shaped), so no as-of date could be quoted: the whole
        # import was refused, E512 on curation.sources.0.as_of, naming no key of the file
        raise BadInput(
            f"{b.data['nct_id']}: statusModule.lastUpdatePostDateStruct gives {odd} as "
            f"{'a list' if isinstance(struct[odd], list) else 'an object'}, which the API never does, so the "
            "source's as-of date cannot be read from it: import the whole study as the API gives it "
            f"({command.run('import', 'ctgov', b.data['nct_id'])})"
        )
    if date is None:
        nct = b.data["nct_id"]
        # a file with no statusModule holds a part of the study (a `fields` query's answer, a copy cut
        # down): what to do is to import the whole study as the API gives it
        part = (
            ""
            if "statusModule" in study["protocolSection"]
            else " (the file has no statusModule: it holds a part of the study)"
        )
        raise BadInput(
            f"{nct}: statusModule.lastUpdatePostDateStruct.date is missing or not a date{part}; the source's "
            "as-of date must be known: import the whole study as the API gives it "
            f"({command.run('import', 'ctgov', nct)}, "
            f"or save {V2_STUDY_URL}{nct} and import that file)"
        )
    b.data["curation"] = {"status": "draft", "sources": [{"file": source, "kind": KIND, "as_of": date}]}
    b.quote(("curation", "sources", 0, "as_of"), date, "lastUpdatePostDateStruct.date")


def fitted(
    study: dict, source: str, schema: dict, out_of_scope: str | None = None, first: Draft | None = None
) -> Draft:
    """The draft record for one study (to_record), with the fields of LONG_FIELDS taking the most room
    left out, each with a note, until the record's file fits in load.MAX_BYTES (E004 otherwise): what
    a new import writes, an update takes in, and an update's base is, so that each leaves out the
    same fields. out_of_scope: the curator's reason to hold the study, kept in the draft; first: the
    study's draft with nothing left out, if made already. BadInput when it does not fit even with
    every long field left out."""
    from sle_trials.curate import fmt  # the record's file as written, to measure it

    omitted: tuple[str, ...] = ()
    while True:
        draft = first if first is not None and not omitted else to_record(study, source, schema, omitted)
        if out_of_scope is not None:
            draft.data["curation"]["out_of_scope"] = out_of_scope
        text = fmt.render(draft.data, schema, header(source))
        size = len(text.encode("utf-8"))
        if size <= load.MAX_BYTES:
            draft.text = text
            return draft
        name = longest(draft.data, omitted)
        if name is None:
            raise BadInput(
                f"{draft.data['nct_id']}: its record would be {size:,} bytes, over the {load.MAX_BYTES:,} (1 MiB) a "
                "trial file may hold, with every long field left out; "
                f"start the record with `{command.run('new')}` instead"
            )
        omitted += (name,)


def longest(data: dict, omitted: tuple[str, ...]) -> str | None:
    """The field of LONG_FIELDS that takes the most room in the record (not yet omitted), if any."""
    sizes = {}
    for name in LONG_FIELDS:
        found, value = fields.get(data, fields.parse_dotted(name))
        if found and name not in omitted:
            sizes[name] = len(json.dumps(value, ensure_ascii=False).encode("utf-8"))
    return max(sizes, key=lambda name: sizes[name]) if sizes else None


def _omit(b: Builder, name: str) -> None:
    """Leave out the field name (a field of LONG_FIELDS: at most two deep) for its length, with a
    note saying so and what to do."""
    *parent, last = name.split(".")
    holder = b.data.get(parent[0]) if parent else b.data
    if not isinstance(holder, dict) or last not in holder:
        return
    size = len(json.dumps(holder.pop(last), ensure_ascii=False).encode("utf-8"))
    if parent and not holder:
        del b.data[parent[0]]
    b.evidence = {k: v for k, v in b.evidence.items() if k != name and not k.startswith(name + ".")}
    # the notes on its items go with them (an intervention's type outside the vocabulary, a reference's PMID that is
    # none): they named items the record no longer held, and the import was refused (E503, a line for each); the
    # note below leaves the whole field to the curator (a note on a part of it that names no item stays)
    b.notes = [n for n in b.notes if not (n["field"].startswith(name + ".") and _names_an_item(n["field"]))]
    if name == "interventions" and any("intervention_names" in arm for arm in b.data.get("arms", [])):
        # an arm names its interventions as the list names them (E110): the list left out, so are the arms' names
        for arm in b.data["arms"]:
            arm.pop("intervention_names", None)
        b.notes = [n for n in b.notes if not n["field"].endswith(".intervention_names")]
        b.leave_out(
            "arms.intervention_names",
            "The arms' interventions are left out with the interventions list they name: curate them from the source.",
        )
    b.leave_out(
        name,
        f"The source's {name} takes {size:,} bytes; with it the record would be over the {load.MAX_BYTES:,} bytes "
        "(1 MiB) a trial file may hold, so it is left out: curate it from the source in shorter form.",
    )


def _names_an_item(field: str) -> bool:
    """Whether a note's field names an item of a list ("references.0.pmid", "arms.2"), not a field of it
    ("outcomes.primary")."""
    return any(part.isdigit() for part in field.split("."))


def header(source: str) -> str:
    """The comment at the top of an imported record's file."""
    return (
        f"Imported from {source} (ClinicalTrials.gov API v2 JSON) by `trials import ctgov`.\n"
        "Every value is the registry's; review it, then curate the fields curation.not_yet_curated lists."
    )
