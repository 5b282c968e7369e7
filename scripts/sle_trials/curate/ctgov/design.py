"""How the study is designed: phases, study_type, design, enrollment (designModule: phases,
studyType, designInfo, maskingInfo.masking, enrollmentInfo). What designInfo states that the record
has no place for (interventionModelDescription, maskingInfo.maskingDescription, whoMasked) is said in
a note."""

from __future__ import annotations

from typing import Any

from sle_trials.checks import load
from sle_trials.curate.ctgov.builder import Builder, nested, put, shown, unique
from sle_trials.curate.ctgov.study import markup, obj, values

DESIGN = (
    ("allocation", "allocation"),
    ("interventionModel", "intervention_model"),
    ("primaryPurpose", "primary_purpose"),
    ("masking", "masking"),
    ("observationalModel", "observational_model"),
    ("timePerspective", "time_perspective"),
)  # designInfo's key (masking: maskingInfo's), the record's design.<name>


def read(b: Builder, mod: dict) -> None:
    rec = b.data
    # a phase outside the vocabulary ("phase1", "Phase 1/Phase 2" of a converted record) is noted on the list, not on
    # an item of it: a note on "phases.0" named an item the record did not hold (the import was refused, E503), or
    # the first phase imported, which was not the one left out
    given = [p for p in values(mod, "phases") if b.vocabulary(("phases", 0), p, "phases")]
    phases = unique(given)
    if len(phases) < len(given):  # (["PHASE1", "PHASE1"]: kept once, as a repeated condition is, and said so)
        b.note("phases", "The source lists some phases twice; each is kept once.")
    if phases:
        rec["phases"] = phases
        b.quote(("phases",), phases, "designModule.phases")
    if b.vocabulary(("study_type",), mod.get("studyType")):
        rec["study_type"] = mod["studyType"]
        b.quote(("study_type",), mod["studyType"], "designModule.studyType")
    _design(b, obj(mod, "designInfo"))
    _enrollment(b, obj(mod, "enrollmentInfo"))


def _design(b: Builder, info: dict) -> None:
    """design: each value of designInfo the record's vocabulary has, where it applies to the study's type. One
    given for another type of study (an allocation of an observational study, an observational model of an
    interventional one: fields.applies, E506) is left out with a note, as a lastKnownStatus of a study whose status
    is known is (status.py): before, the import was refused, telling the curator to remove it from a record that
    was never written."""
    design: dict[str, Any] = {}
    for key, name in DESIGN:
        value = obj(info, "maskingInfo").get("masking") if key == "masking" else info.get(key)
        where = f"maskingInfo.{key}" if key == "masking" else f"designInfo.{key}"
        if not b.vocabulary(("design", name), value) or not b.applies(f"design.{name}", where, value):
            continue
        design[name] = value
        b.quote(("design", name), value, where)
    put(b.data, "design", design)
    _unplaced(b, info)


# designInfo's words the record has no place for: (where, the record's field a note on them is on)
UNPLACED = (
    (("interventionModelDescription",), "design.intervention_model"),
    (("maskingInfo", "maskingDescription"), "design.masking"),
    (("maskingInfo", "whoMasked"), "design.masking"),
)


def _unplaced(b: Builder, info: dict) -> None:
    """A note on each description of the design the source gives beside its values (how its model
    assigns participants, how it masks and whom), as on its collaborators (people.py): never dropped
    unremarked. A list (whoMasked) is quoted joined, a text on one line, cut at 120 characters."""
    for path, field in UNPLACED:
        value = obj(info, path[0]).get(path[1]) if len(path) > 1 else info.get(path[0])
        if isinstance(value, list):
            value = ", ".join(v for v in value if isinstance(v, str) and v.strip())
        said = " ".join((markup(value) or "").split())  # markup fields: their escapes read
        if said:
            b.note(
                field,
                f"The source gives {'.'.join(path)} {shown(said, 120)}, which the record has no place for; "
                "not imported.",
            )


def _enrollment(b: Builder, enrol: dict) -> None:
    """enrollment: the count (a whole number; JSON writes 12 and 12.0 alike) with its type. A count
    that is no number of participants is left out for the curator, never declared silent: one below
    zero, or beyond the largest whole number a record holds (load.MAX_INT, E021), which before failed
    the whole import with a problem of the record it did not write."""
    if nested(b, enrol, "enrollmentInfo", "enrollment", "count"):
        return
    count = enrol.get("count")
    if isinstance(count, float) and count.is_integer():
        count = int(count)
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= load.MAX_INT:
        if count is not None:
            b.leave_out(
                "enrollment",
                f"The source's enrollmentInfo.count {shown(count)} is not a number of participants; left out.",
            )
        elif isinstance(enrol.get("type"), str) and enrol["type"].strip():  # the type alone: no count to hold it by
            b.leave_out(
                "enrollment",
                f"The source gives enrollmentInfo.type {shown(enrol['type'], 40)} with no count; left for the curator.",
            )
        return
    b.data["enrollment"] = {"count": count}
    if b.vocabulary(("enrollment", "type"), enrol.get("type")):
        b.data["enrollment"]["type"] = enrol["type"]
    b.quote(("enrollment",), enrol, "enrollmentInfo")
