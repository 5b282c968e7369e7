"""A third-party site's copy of a ClinicalTrials.gov record, read as a source: one value per line
under fixed headings (Basic Information, Study Design, Eligibility Criteria, Sponsors, ...). Its Study
Groups give no arm type: with several arms, the product is read from the title and the arms giving
the intervention a record names as its product (SourceDoc.product_place), whose name is one of a CAR
product where any intervention's name or description says so. layouts.py tries it on a page of no
other layout (read_copy)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import pages, vocabulary
from sle_trials.reading.layouts import (
    Passage,
    Products,
    SourceDoc,
    normalise,
    shown,
)

REGISTRY_COPY_HEADINGS = (
    "Study Results",
    "Basic Information",
    "Brief Summary",
    "Related Clinical Trials",
    "Detailed Description",
    "Conditions",
    "Study Design",
    "Study Groups",
    "Interventions",
    "Other Intervention Names",
    "Eligibility Criteria",
    "Sponsors",
    "Responsible Party",
    "Locations",
    "Countries",
    "Central Contacts",
    "Facility Contacts",
    "Other Identifiers",
    "More Related Trials",
)


# The site's own one-line blurb under a heading ("Get a concise snapshot of the trial, ..."): not the trial's words.
BLURB = lazy(
    r"^(?:Get|Review|Explore|Dive|See|Understand|Learn|Discover|Check|Meet|Identify|Reach|Find|"
    r"Additional) .*[.]$"
)


_NCT_LABEL = "NCT ID:"  # the line a registry copy names its trial on


class _CopySections(NamedTuple):
    """A registry copy's lines by its headings (REGISTRY_COPY_HEADINGS), each heading's blurb dropped."""

    top: list[str]  # the lines above the first heading: the title, "NCT ID: …", "Last Updated …"
    sections: dict[str, list[str]]

    def get(self, name: str) -> list[str]:
        return self.sections.get(name, [])

    @property
    def id_lines(self) -> list[str]:
        return pages.id_lines(self.top, _NCT_LABEL)

    @property
    def related(self) -> list[str]:
        return self.get("Related Clinical Trials") + self.get("More Related Trials")


def _copy_sections(lines: list[str]) -> _CopySections | None:
    """The copy's sections; None for a text with too few of its headings, or no Eligibility Criteria."""
    headings = set(REGISTRY_COPY_HEADINGS)
    if sum(1 for line in lines if line in headings) < 6 or "Eligibility Criteria" not in lines:
        return None
    sections: dict[str, list[str]] = {}
    top: list[str] = []
    for name, _, body in pages.sections(lines, lambda line: line if line in headings else None):
        if name and body and BLURB.match(body[0]) and name != "Study Results":
            body = body[1:]
        if name:
            sections.setdefault(name, []).extend(body)
        else:
            top = body
    return _CopySections(top, sections)


class _CopyGroups(NamedTuple):
    """A registry copy's Study Groups and Interventions: the arms and what each gives."""

    groups: list[str]  # the Study Groups section
    interventions: list[str]  # the Interventions section: each name with its description below it
    arms: list[dict[str, Any]]
    given: list[str]  # the intervention names every arm gives
    blocks: list[list[str]]  # each arm's lines

    @property
    def names(self) -> list[str]:
        return self.interventions[0::2]

    @property
    def described(self) -> dict[str, str]:
        return dict(zip(self.names, self.interventions[1::2]))


def _copy_groups(copy: _CopySections) -> _CopyGroups:
    groups, interventions = copy.get("Study Groups"), copy.get("Interventions")
    return _CopyGroups(groups, interventions, *_arms(groups, set(interventions[0::2])))


def read_copy(file: str, lines: list[str]) -> SourceDoc | None:
    copy = _copy_sections(lines)
    if copy is None:
        return None
    arms = _copy_groups(copy)
    places = _copy_study_places(copy)
    places.update(_copy_arm_places(copy, arms))
    eligibility = copy.get("Eligibility Criteria")
    inc, exc, tail = pages.criteria_blocks(eligibility, pages.INCLUSION, pages.EXCLUSION)
    criteria_places, criteria = pages.criteria_places(inc, exc)
    places.update(criteria_places)
    places["eligibility"] = pages.within(eligibility)
    for name in (
        "eligibility.sex",
        "eligibility.minimum_age",
        "eligibility.maximum_age",
        "eligibility.healthy_volunteers",
    ):
        places[name] = pages.within(tail)
    places.update(_copy_party_places(copy))
    subject = pages.subject(copy.id_lines, _NCT_LABEL)
    doc = SourceDoc(file, "registry_copy", "", places, criteria, subject, _copy_rows(copy, arms))
    doc.products = _copy_products(copy, arms) if len(arms.arms) > 1 else Products({})
    return doc


def _copy_study_places(copy: _CopySections) -> dict[str, list[Passage]]:
    """Where a registry copy states the study itself: its title, id and dates above the first heading,
    its status, phases and dates under Basic Information, its summaries, conditions, related trials
    and design."""
    get = copy.get
    places: dict[str, list[Passage]] = {}
    updated = [line for line in copy.top if line.startswith("Last Updated")]
    basic = get("Basic Information")
    places["brief_title"] = pages.whole(copy.top[:1])
    places["nct_id"] = pages.within(copy.id_lines)
    places["curation.sources.as_of"] = places["curation.sources.as_of_label"] = pages.within(updated)
    places["curation.sources.publisher"] = []  # the copy does not say whose site it is
    places["dates.last_updated"] = pages.within(updated)
    places["dates"] = pages.within(updated + basic)
    for name in (
        "overall_status",
        "phases",
        "study_type",
        "enrollment",
        "dates.start",
        "dates.primary_completion",
        "dates.completion",
    ):
        places[name] = pages.within(basic)
    places["results_posted"] = pages.within(get("Study Results"))
    places["brief_summary"] = pages.one(get("Brief Summary"))
    places["detailed_description"] = pages.one(get("Detailed Description"))
    places["conditions"] = pages.whole(get("Conditions"))
    places["related_trials"] = pages.within(copy.related)
    places["related_trials.title"] = pages.whole([line for line in copy.related if not pages.NCT_LINE.match(line)])
    places["design"] = pages.within(get("Study Design"))
    return places


def _copy_arm_places(copy: _CopySections, arms: _CopyGroups) -> dict[str, list[Passage]]:
    """Where a registry copy states its arms, interventions and cell product."""
    groups, interventions, names = arms.groups, arms.interventions, arms.names
    places: dict[str, list[Passage]] = {}
    places["arms"] = pages.within(groups)
    places["arms.label"] = pages.whole([a["label"] for a in arms.arms])
    places["arms.description"] = pages.whole([a["description"] for a in arms.arms if "description" in a])
    places["arms.intervention_names"] = pages.whole(arms.given)
    places["interventions"] = pages.within(interventions + groups)
    places["interventions.name"] = places["cell_product.name"] = pages.whole(names)  # but with several arms (below)
    if len(arms.arms) > 1:  # the product's place: see _copy_products
        places["cell_product"] = pages.within(copy.top[:1])
        # and its name is one of a CAR product, by its name or description, where any is ("Rituximab",
        # a comparator arm's, named as the product, made that arm the product's)
        cars = [
            n for n in names if vocabulary.CAR_WORDS.search(n) or vocabulary.CAR_WORDS.search(arms.described.get(n, ""))
        ]
        places["cell_product.name"] = pages.whole(cars or names)
    elif arms.arms and arms.arms[0]["intervention_names"]:
        places["cell_product"] = _product_lines(copy.top[:1], arms.blocks, arms.arms, [0], arms.described)
    else:
        places["cell_product"] = pages.within([*copy.top[:1], *groups, *interventions])
    places["interventions.description"] = pages.whole(interventions[1::2])
    places["interventions.other_names"] = pages.whole(copy.get("Other Intervention Names"))
    return places


def _copy_products(copy: _CopySections, arms: _CopyGroups) -> Products:
    """The product's place by the intervention a record names as its product, for a copy of several
    arms. Its groups give no arm type, so one may be a comparator ("Standard therapy group",
    "Rituximab, an anti-CD20 antibody, ...", which bound an anti-CD19 CAR-T product's target antigen
    CD20): the product is read from the title and the arms that give the intervention a record names
    as its product, with the interventions they give; a record naming none reads it from the title
    alone (_copy_arm_places). With one arm, that arm and what it gives."""
    makers: dict[str, Callable[[], list[Passage]]] = {}
    for name in arms.names:
        makers.setdefault(
            shown(name),  # (as product_place looks it up, in either reading)
            functools.partial(_named_product, copy.top[:1], arms.blocks, arms.arms, name, arms.described),
        )
    return Products(makers)


def _copy_party_places(copy: _CopySections) -> dict[str, list[Passage]]:
    """Where a registry copy states who runs the trial and where: its sponsor, responsible party,
    locations and other identifiers."""
    places: dict[str, list[Passage]] = {}
    # each sponsor's name with its class on the line below it ("OTHER"): a class is no sponsor's name,
    # and the lead sponsor, the record's, is the first listed (a collaborator listed after it lent the
    # lead its class, INDUSTRY for a hospital, or its own name as the lead's)
    sponsors = copy.get("Sponsors")
    starts = [i for i, line in enumerate(sponsors) if line not in AGENCY_CLASSES]
    lead = sponsors[starts[0] : starts[1] if len(starts) > 1 else None] if starts else []
    places["sponsor"] = pages.within(["Sponsors", *lead])
    places["sponsor.name"] = pages.whole(lead[:1])
    # the registry describes no sponsor: its name, its class and the heading are no description of it
    places["sponsor.about"] = []
    party = copy.get("Responsible Party")  # the investigator's name, title and affiliation, a line each
    places["responsible_party"] = pages.within(party)
    for i, name in enumerate(("responsible_party.name", "responsible_party.title", "responsible_party.affiliation")):
        places[name] = pages.whole(party[i : i + 1])
    locations = pages.in_trial(copy.get("Locations"), per=2)  # (a site's facility and address, a line each)
    places["locations"] = pages.within(locations)
    places["locations.facility"] = pages.whole(locations[0::2])
    places.update(pages.address_parts(locations[1::2]))
    places["locations.country"] = places["locations.country"] + pages.whole(copy.get("Countries"))
    identifiers = copy.get("Other Identifiers")
    places["identifiers"] = pages.within(identifiers)
    places.update(_identifier_places(identifiers))
    return places


def _copy_rows(copy: _CopySections, arms: _CopyGroups) -> dict[str, list[dict[str, Any]]]:
    """The lists a registry copy states as rows: related trials, locations, arms and interventions."""
    locations = pages.in_trial(copy.get("Locations"), per=2)
    return {
        "related_trials": pages.related(copy.related),
        "locations": [{"facility": normalise(f), **pages.address(a)} for f, a in zip(locations[0::2], locations[1::2])],
        "arms": [
            {k: [normalise(n) for n in v] if isinstance(v, list) else normalise(v) for k, v in arm.items()}
            for arm in arms.arms
        ],
        "interventions": [
            {"name": normalise(n), "description": normalise(d)} for n, d in zip(arms.names, arms.interventions[1::2])
        ],
    }


def _named_product(
    title: list[str], blocks: list[list[str]], arms: list[dict[str, Any]], name: str, described: dict[str, str]
) -> list[Passage]:
    """_product_lines of the arms that give the intervention of this name."""
    mine = [i for i, arm in enumerate(arms) if name in arm["intervention_names"]]
    return _product_lines(title, blocks, arms, mine, described)


def _product_lines(
    title: list[str], blocks: list[list[str]], arms: list[dict[str, Any]], mine: list[int], described: dict[str, str]
) -> list[Passage]:
    """The title, the lines of the arms numbered mine, and the name and description of each
    intervention those arms give, as one passage."""
    given = [n for i in mine for n in arms[i]["intervention_names"]]
    return pages.within(
        [*title, *(line for i in mine for line in blocks[i]), *(x for n in given for x in (n, described.get(n, "")))]
    )


# A sponsor's class as a registry copy writes it, on the line below the sponsor's name (the schema's
# sponsor.class vocabulary, which tests/test_attacks_section_lines.py holds this to)
AGENCY_CLASSES = frozenset(("NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK", "AMBIG", "OTHER", "UNKNOWN"))


_IDENTIFIER_LABEL = lazy(r"^Identifier (?P<label>Type|Source|Domain): ?(?P<value>.*)$")


def _identifier_places(lines: list[str]) -> dict[str, list[Passage]]:
    """A registry copy's Other Identifiers: each identifier on a line of its own, its labels on the
    lines below it ("Identifier Type: -", "Identifier Source: org_study_id"). The organisation's own
    id is the one its source label calls org_study_id, the others are secondary ids; a label line is
    no identifier ("Identifier Source: org_study_id" passed as the study's id). Where no identifier
    has a source label, any of them may be the organisation's id."""
    found: list[tuple[str, list[str], dict[str, str]]] = []  # each identifier, its lines, its labels
    for line in lines:
        label = _IDENTIFIER_LABEL.match(line)
        if label is None:
            found.append((line, [line], {}))
        elif found:
            found[-1][1].append(line)
            found[-1][2][label.group("label")] = label.group("value").strip()
    if not any("Source" in labels for _, _, labels in found):
        return {"identifiers.org_study_id": pages.whole([ident for ident, _, _ in found])}
    own = [ident for ident, _, labels in found if labels.get("Source") == "org_study_id"]
    others = [item for item in found if item[2].get("Source") != "org_study_id"]
    return {
        "identifiers.org_study_id": pages.whole(own),
        "identifiers.secondary_ids": [p for _, block, _ in others for p in pages.within(block)],
        "identifiers.secondary_ids.id": pages.whole([ident for ident, _, _ in others]),
    }


def _arms(lines: list[str], interventions: set[str]) -> tuple[list[dict[str, Any]], list[str], list[list[str]]]:
    """A registry copy's Study Groups: each arm's label and description, then the name and
    description of each intervention it gives (a name the Interventions section lists); the
    names every arm gives (each arm's under "intervention_names" of its row); and each arm's lines."""
    arms: list[dict[str, Any]] = []
    blocks: list[list[str]] = []
    every: list[str] = []
    given: list[str] = []
    skip = False
    for line in lines:
        if skip:
            skip = False
            if blocks:
                blocks[-1].append(line)
        elif line in interventions:
            given.append(line)
            every.append(line)
            skip = True  # its description follows
            if blocks:
                blocks[-1].append(line)
        elif arms and "description" not in arms[-1] and not given:
            arms[-1]["description"] = line
            blocks[-1].append(line)
        else:
            given = []
            arms.append({"label": line, "intervention_names": given})
            blocks.append([line])
    return arms, every, blocks
