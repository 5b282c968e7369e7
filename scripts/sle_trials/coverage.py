"""Coverage: how completely each record is curated and backed by evidence.

Per record: curation status, the share of structured values pinned to a source quote, and the
fields it lacks, split by why: the sources are silent (curation.silent), not yet curated
(curation.not_yet_curated), or not said. Stubs are listed as work waiting.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from . import evidence, fields
from .load import Record


def of_record(record: Record, schema: dict) -> dict[str, Any]:
    data = record.data
    with_evidence, without = evidence.covered(record, schema)
    total = len(with_evidence) + len(without)
    silent = set(data["curation"].get("silent", []))
    todo = set(data["curation"].get("not_yet_curated", []))
    stub = data["curation"]["status"] == "stub"  # everything a stub lacks is waiting to be curated
    absent = []
    for path in fields.field_names(schema):
        name = fields.dotted(path)
        parent_absent = len(path) > 1 and not fields.get(data, path[:1])[0]
        if not fields.get(data, path)[0] and not parent_absent and path[0] not in ("evidence",):
            absent.append(name)
    return {
        "nct_id": data["nct_id"],
        "path": record.path,
        "curation_status": data["curation"]["status"],
        "structured_values": total,
        "with_evidence": len(with_evidence),
        "evidence_share": round(len(with_evidence) / total, 4) if total else 1.0,
        "without_evidence": [fields.dotted(p) for p in without],
        "absent_silent": [a for a in absent if a in silent],
        "absent_not_yet_curated": [a for a in absent if a in todo or (stub and a not in silent)],
        "absent_unexplained": [a for a in absent if a not in silent and a not in todo and not stub],
    }


def render(rows: list[dict[str, Any]], invalid: list[str], fmt: str, out: TextIO) -> None:
    rows = sorted(rows, key=lambda r: r["nct_id"])
    stubs = [r["nct_id"] for r in rows if r["curation_status"] == "stub"]
    if fmt == "json":
        json.dump({"records": rows, "stubs_waiting": stubs, "invalid": sorted(invalid)}, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    for r in rows:
        share = f"{100 * r['evidence_share']:.1f}%"
        out.write(f"{r['nct_id']}  {r['curation_status']:<8}  evidence {share} ({r['with_evidence']}/{r['structured_values']})\n")
        if r["without_evidence"]:
            out.write(f"  no evidence: {', '.join(r['without_evidence'])}\n")
        for key, label in (("absent_silent", "absent, sources silent"), ("absent_not_yet_curated", "absent, not yet curated"),
                           ("absent_unexplained", "absent, reason not given")):
            if r[key]:
                out.write(f"  {label}: {', '.join(r[key])}\n")
    out.write(f"stubs waiting for curation ({len(stubs)}): {', '.join(stubs) or 'none'}\n")
    if invalid:
        out.write(f"not covered, invalid (run trials validate): {', '.join(sorted(invalid))}\n")
