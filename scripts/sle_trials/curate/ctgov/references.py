"""Publications: references (referencesModule: references, each a citation with its PMID and type).
Only when the schema has the field."""

from __future__ import annotations

from typing import Any

from sle_trials.curate.ctgov.builder import Builder, put, shown
from sle_trials.curate.ctgov.study import clean, items


def read(b: Builder, mod: dict) -> None:
    if "references" not in b.schema["properties"]:
        return
    refs: list[dict] = []
    for raw in items(mod, "references"):
        citation = clean(raw.get("citation")) if isinstance(raw, dict) else None
        if not citation:
            b.unnamed("references", raw, "citation")
            continue
        item: dict[str, Any] = {}
        pmid = clean(raw.get("pmid"))
        if pmid and pmid.isdigit():
            item["pmid"] = pmid
        elif pmid:
            said = f"The source's PMID {shown(pmid, 40)} is not a PubMed id; left out."
            b.leave_out(f"references.{len(refs)}.pmid", said)
        path = ("references", len(refs), "type")
        if b.vocabulary(path, raw.get("type")):
            item["type"] = raw["type"]
            b.quote(path, raw, "references", ("citation", "type"))
        item["citation"] = citation
        refs.append(item)
    put(b.data, "references", refs)
