"""Coverage: how much of each record is curated, and how strongly its values are tied to its sources.

For each record, every structured value (what is not verbatim text nor the curator's own words) is
counted by what holds it to its source; each is under an evidence quote (E517 refuses a record with
one that is not, whatever its status, and a record with problems is not covered):
- bound: under a quote that states it, as checks/binding/ reads it (a vocabulary value by its
  rendering, a threshold, age, dose or count by its phrase, a date by its label);
- written: under a quote that only has to write it (a related trial's id, any value no binder reads).
Verbatim texts are counted apart: each is checked word for word where its source states it.

And every field the schema holds, at every depth (a field under an absent one is counted with it),
is accounted for as stated, silent (curation.silent), not applicable (x-applies-to: an
observational model of an interventional study), not yet curated (curation.not_yet_curated; for a
stub, everything it lacks) or unexplained. A stub therefore shows how little it holds.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sle_trials import command, fields
from sle_trials.checks.load import Record

BOUND_OBJECTS = ("threshold", "age", "cohort", "count", "date", "criterion", "agent_dose")
_NCT_PATTERN = "^NCT[0-9]{8}$"


def _binding(path: fields.Path_, node: dict, schema: dict) -> str:
    """How a structured value at path is held to its quote when it has one: bound or written."""
    for depth in range(len(path) - 1, 0, -1):
        if fields.node_at(schema, path[:depth]).get("x-bind") in BOUND_OBJECTS:
            return "bound"
    if "enum" in node or node.get("type") == "boolean" or fields.is_date(node) or node.get("pattern") == _NCT_PATTERN:
        return "bound"  # an NCT id is bound by its place: the trial a source is about, or a related trial's row
    return "written"


def _values(record: Record, schema: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"bound": [], "written": [], "verbatim": []}
    for path, _value, node in fields.leaves(record.data, schema):
        if path[0] == "evidence":
            continue
        if fields.is_verbatim(node):
            out["verbatim"].append(fields.dotted(path))
            continue
        if fields.needs_evidence(path, node):  # under a quote: the record passed E517
            out[_binding(path, node, schema)].append(fields.dotted(path))
    return out


def _fields(record: Record, schema: dict) -> dict[str, list[str]]:
    data = record.data
    stub = data["curation"]["status"] == "stub"
    out: dict[str, list[str]] = {
        k: [] for k in ("stated", "silent", "not_applicable", "not_yet_curated", "unexplained")
    }
    absent = fields.why_absent(data, schema)
    for path in fields.all_field_names(schema):
        name = fields.dotted(path)
        if name in absent:
            why = absent[name]
            out["not_yet_curated" if why == "unexplained" and stub else why].append(name)  # a stub: all to do
        elif (
            path[0] not in fields.BOOKKEEPING
            and fields.present(data, path)
            and not any(name.startswith(a + ".") for a in absent)
        ):
            if not fields.part_of_a_criterion(path):
                out["stated"].append(name)
    return out


def of_record(record: Record, schema: dict) -> dict[str, Any]:
    values = _values(record, schema)
    found = _fields(record, schema)
    structured = len(values["bound"]) + len(values["written"])
    total = sum(len(v) for v in found.values())
    accounted = len(found["stated"]) + len(found["silent"]) + len(found["not_applicable"])
    return {
        "nct_id": record.data["nct_id"],
        "path": record.path,
        "curation_status": record.data["curation"]["status"],
        "values": {
            "structured": structured,
            "bound": len(values["bound"]),
            "written": len(values["written"]),
            "verbatim": len(values["verbatim"]),
            "written_only": values["written"],
        },
        "bound_share": round(len(values["bound"]) / structured, 4) if structured else 0.0,
        "fields": {"total": total, **{k: v for k, v in found.items()}},
        "fields_accounted_share": round(accounted / total, 4) if total else 0.0,
    }


def render(rows: list[dict[str, Any]], invalid: list[str], fmt: str, out: TextIO) -> None:
    rows = sorted(rows, key=lambda r: r["nct_id"])
    stubs = [r["nct_id"] for r in rows if r["curation_status"] == "stub"]
    if fmt == "json":
        json.dump(
            {"records": rows, "stubs_waiting": stubs, "invalid": sorted(invalid)}, out, indent=2, ensure_ascii=False
        )
        out.write("\n")
        return
    for r in rows:
        v, f = r["values"], r["fields"]
        out.write(
            f"{r['nct_id']}  {r['curation_status']:<8}  values bound {v['bound']}/{v['structured']} "
            f"({100 * r['bound_share']:.1f}%), written only {v['written']}; "
            f"verbatim texts {v['verbatim']}\n"
        )
        out.write(
            f"  fields {len(f['stated']) + len(f['silent']) + len(f['not_applicable'])}/{f['total']} accounted for "
            f"({100 * r['fields_accounted_share']:.1f}%): stated {len(f['stated'])}, silent {len(f['silent'])}, "
            f"not applicable {len(f['not_applicable'])}; not yet curated {len(f['not_yet_curated'])}, "
            f"unexplained {len(f['unexplained'])}\n"
        )
        if v["written_only"]:
            out.write(f"  written only (no binder reads them): {', '.join(v['written_only'])}\n")
        if f["unexplained"]:
            out.write(f"  absent, reason not given: {', '.join(f['unexplained'])}\n")
    out.write(f"stubs waiting for curation ({len(stubs)}): {', '.join(stubs) or 'none'}\n")
    if invalid:
        out.write(f"not covered, invalid (run {command.run('validate')}): {', '.join(sorted(invalid))}\n")
