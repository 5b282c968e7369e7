"""Who runs the study, and where: sponsor and responsible_party (sponsorCollaboratorsModule:
leadSponsor, responsibleParty), officials and locations (contactsLocationsModule: overallOfficials,
locations). Its collaborators, which the record has no place for, are counted in a note."""

from __future__ import annotations

from typing import Any

from sle_trials.curate.ctgov.builder import Builder, put, shown
from sle_trials.curate.ctgov.study import clean, items, obj
from sle_trials.reading import ctgov_study

LOCATION = (
    ("facility", "facility"),
    ("city", "city"),
    ("state", "region"),
    ("country", "country"),
)  # the JSON's key, the record's


def read(b: Builder, sponsors: dict, contacts: dict) -> None:
    _sponsor(b, obj(sponsors, "leadSponsor"))
    named = [raw for raw in items(sponsors, "collaborators") if isinstance(raw, dict) and clean(raw.get("name"))]
    if named:  # the record has no place for them: said, not left out unremarked (a note on sponsor binds nothing)
        b.note(
            "sponsor",
            f"The source lists {len(named)} collaborator{'s' if len(named) > 1 else ''} (collaborators, besides "
            "the lead sponsor), which the record has no place for; not imported.",
        )
    _responsible_party(b, obj(sponsors, "responsibleParty"))
    put(b.data, "officials", _officials(b, contacts))
    put(b.data, "locations", _locations(b, contacts))


def _sponsor(b: Builder, lead: dict) -> None:
    sponsor: dict[str, Any] = {}
    put(sponsor, "name", clean(lead.get("name")))
    if "name" not in sponsor:
        # a name of another kind than text is noted as such (shapes.py); a text of white space alone is none
        if lead.get("name") is None or isinstance(lead.get("name"), str):
            b.unnamed("sponsor", lead, "name", "leadSponsor")
        return
    if b.vocabulary(("sponsor", "class"), lead.get("class")):
        sponsor["class"] = lead["class"]
        b.quote(("sponsor", "class"), lead["class"], "leadSponsor.class")
    b.data["sponsor"] = sponsor


def _responsible_party(b: Builder, party: dict) -> None:
    rp: dict[str, Any] = {}
    if b.vocabulary(("responsible_party", "type"), party.get("type")):
        rp["type"] = party["type"]
        b.quote(("responsible_party", "type"), party["type"], "responsibleParty.type")
    put(rp, "name", clean(party.get("investigatorFullName")))
    put(rp, "title", clean(party.get("investigatorTitle")))
    put(rp, "affiliation", clean(party.get("investigatorAffiliation")))
    put(b.data, "responsible_party", rp)
    old = [f"{key} {shown(text)}" for key in ("oldNameTitle", "oldOrganization") if (text := clean(party.get(key)))]
    if old and "name" not in rp:  # a record of before 2007 names its party so, with no type
        b.leave_out(
            "responsible_party",
            f"The source names the responsible party in the registry's old form ({', '.join(old)}), "
            "which says neither its type nor whether it is the investigator; left for the curator.",
        )


def _officials(b: Builder, contacts: dict) -> list[dict]:
    officials: list[dict] = []
    for raw in items(contacts, "overallOfficials"):
        name = clean(raw.get("name")) if isinstance(raw, dict) else None
        if not name:
            b.unnamed("officials", raw, "name")
            continue
        item: dict[str, Any] = {"name": name}
        path = ("officials", len(officials), "role")
        if b.vocabulary(path, raw.get("role")):
            item["role"] = raw["role"]
            b.quote(path, raw, "overallOfficials", ("name", "role"))
        put(item, "affiliation", clean(raw.get("affiliation")))
        officials.append(item)
    return officials


def _locations(b: Builder, contacts: dict) -> list[dict]:
    """Each site's facility, city, region and country; a city or country holding '|' ("A|B") is left
    out, and so is a site with none of the four (its place only as a geoPoint), each with a note."""
    locations = []
    for raw in items(contacts, "locations"):
        if not isinstance(raw, dict):
            continue
        if ctgov_study.withdrawn(raw):
            named = ", ".join(v for k, _ in LOCATION if isinstance(v := clean(raw.get(k)), str) and v)
            b.note(
                "locations",
                f"The source gives the site {shown(named or '(unnamed)')} the status WITHDRAWN: it withdrew "
                "before enrolling anyone, and is no site of the trial; not imported.",
            )
            continue
        item: dict[str, str] = {}
        for key, name in LOCATION:
            put(item, name, clean(raw.get(key)))
        for name, what in (("city", "A site's city"), ("country", "A site's country")):
            if b.separated(f"locations.{name}", item.get(name), what):
                del item[name]
        if item:
            locations.append(item)
        else:
            b.unnamed("locations", raw, "facility, city, region or country")
    return locations
