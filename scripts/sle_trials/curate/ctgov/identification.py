"""The study's names: nct_id, acronym, brief_title and official_title, and its other identifiers
(identificationModule: nctId, acronym, briefTitle, officialTitle, orgStudyIdInfo, secondaryIdInfos)."""

from __future__ import annotations

from typing import Any

from sle_trials import command
from sle_trials.curate.ctgov import shapes
from sle_trials.curate.ctgov.builder import Builder, put
from sle_trials.curate.ctgov.study import BadInput, clean, items, obj


def titles(b: Builder, ident: dict) -> None:
    """nct_id, acronym and the titles; BadInput for a study with no brief title (brief_title is
    required, and is the registry's brief title: the official title is not one, and the check
    refuses it as one, E512)."""
    rec = b.data
    nct = ident["nctId"]
    rec["nct_id"] = nct
    b.quote(("nct_id",), nct, "identificationModule.nctId")
    put(rec, "acronym", clean(ident.get("acronym")))
    put(rec, "brief_title", clean(ident.get("briefTitle")))
    put(rec, "official_title", clean(ident.get("officialTitle")))
    given = ident.get("briefTitle")
    if given is not None and not isinstance(given, str):
        raise BadInput(f"{nct}: identificationModule.briefTitle is {shapes.kind(given)}, not text")
    if "brief_title" not in rec:
        if "official_title" not in rec:
            raise BadInput(f"{nct}: the study has neither briefTitle nor officialTitle")
        raise BadInput(
            f"{nct}: the study has no briefTitle, only an officialTitle; a record's brief_title is the "
            "registry's brief title, which the official title is not: start the record with "
            f"`{command.run('new', '--title')}` from a source that gives one"
        )


def identifiers(b: Builder, ident: dict) -> None:
    """identifiers: the sponsor's own id (org_study_id) and the secondary ids, each with its type."""
    ids: dict[str, Any] = {}
    put(ids, "org_study_id", clean(obj(ident, "orgStudyIdInfo").get("id")))
    secondary: list[dict] = []
    for raw in items(ident, "secondaryIdInfos"):
        value = clean(raw.get("id")) if isinstance(raw, dict) else None
        if not value:
            b.unnamed("identifiers.secondary_ids", raw, "id")
            continue
        item: dict[str, Any] = {"id": value}
        path = ("identifiers", "secondary_ids", len(secondary), "type")
        if b.vocabulary(path, raw.get("type")):
            item["type"] = raw["type"]
            b.quote(path, raw, "secondaryIdInfos", ("id", "type"))
        put(item, "domain", clean(raw.get("domain")))
        secondary.append(item)
    put(ids, "secondary_ids", secondary)
    put(b.data, "identifiers", ids)
