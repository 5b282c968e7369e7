"""A ClinConnect trial page, read as a source (Trial Information, Keywords, ClinConnect Summary,
Eligibility criteria, Locations, Trial Officials, Timeline, ...). layouts.py tries it on a page of no
other layout (read_page)."""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading import pages
from sle_trials.reading.layouts import (
    Passage,
    SourceDoc,
    normalise,
)

CLINCONNECT_HEADINGS = (
    "Trial Information",
    "Keywords",
    "ClinConnect Summary",
    "Gender",
    "Eligibility criteria",
    "Locations",
    "Patients applied",
    "Trial Officials",
    "Timeline",
    "Similar Trials",
)


# An official's role as the page writes it, and the value it is (a row's role, which an item holds: a
# role left out of one official of several passed, the others holding the field)
OFFICIAL_ROLES = {
    "Principal Investigator": "PRINCIPAL_INVESTIGATOR",
    "Study Chair": "STUDY_CHAIR",
    "Study Director": "STUDY_DIRECTOR",
    "Sub-Investigator": "SUB_INVESTIGATOR",
    "Sub Investigator": "SUB_INVESTIGATOR",
}


_SEARCH = "Search / Trial"  # the line a ClinConnect page names its trial on


_LAUNCHED = lazy(r"^Launched by (?P<sponsor>.+?) · (?P<date>.+)$")
# A title's words from what it studies its product in or for on ("... for Moderate to Severe ...", "... in
# Subjects With ..."), and before what it studies ("A Study of ", "... Efficacy of ")
_STUDIED = lazy(r"(?i)\s+(?:for|in|with|versus|vs\.?)\s.*$")
_OF = lazy(r"(?i)^.*\s+of\s+(?=\S)")
# What a summary calls the product: the words after "called", "named" or "known as", to the clause's end
_CALLED = lazy(
    r"(?i)\b(?:called|named|known\s+as)\s+([^,.;:()]+?)(?=\s+(?:for|in|to|with|which|that|who)\b|[,.;:()]|$)"
)


def read_page(file: str, lines: list[str]) -> SourceDoc | None:
    content = [line for line in lines if line]
    if not content or not content[0].startswith("ClinConnect"):
        return None
    headings = set(CLINCONNECT_HEADINGS)
    # "About <sponsor>" heads the sponsor's description, which starts with the sponsor's name again
    following = {
        i: next((x for x in lines[i + 1 :] if x), "") for i, line in enumerate(lines) if line.startswith("About ")
    }
    about = {lines[i] for i, nxt in following.items() if nxt.casefold().startswith(lines[i][6:].casefold())}

    def heading(line: str) -> str | None:
        return line if line in headings else "About" if line in about else None

    sections: dict[str, list[str]] = {}
    about_names: list[str] = []
    top: list[str] = []
    for name, at, body in pages.sections(lines, heading):
        if name == "About":
            about_names.append(lines[at][len("About ") :])
        if name:
            sections.setdefault(name, []).extend(body)
        else:
            top = body
    get = sections.get
    places: dict[str, list[Passage]] = {}
    search = pages.id_lines(top, _SEARCH)
    rest = [line for line in top if not line.startswith("ClinConnect") and line not in search]
    launched = [line for line in rest if _LAUNCHED.match(line)]
    title = [line for line in rest if line not in launched][:1]
    places["nct_id"] = pages.within(search)
    places["brief_title"] = pages.whole(title)
    sponsors = [_LAUNCHED.match(line).group("sponsor") for line in launched] + about_names  # type: ignore[union-attr]
    places["sponsor"] = pages.within(launched + ["About " + n for n in about_names])
    places["sponsor.name"] = pages.whole(sponsors)
    places["sponsor.about"] = pages.one(get("About", []))
    info = get("Trial Information", [])
    as_of = [line for line in info if line.startswith("Current as of")]
    places["curation.sources.as_of"] = places["curation.sources.as_of_label"] = pages.within(as_of)
    places["overall_status"] = pages.within(info)
    places["dates"] = pages.within(launched + get("Timeline", []))
    places["keywords"] = pages.whole(get("Keywords", []))
    summary = get("ClinConnect Summary", [])
    places["third_party_summary"] = pages.within(["ClinConnect Summary", *summary])
    # the site's name, whole, where the page writes it: the words beside it are no part of it
    # ("ClinConnect Summary" heads the summary; "ClinConnect ClinConnect Logo" is the logo's line)
    site = [Passage(normalise(line), True, "ClinConnect") for line in [*content[:1], "ClinConnect Summary"]]
    places["third_party_summary.author"] = site[1:]
    places["curation.sources.publisher"] = site
    places["third_party_summary.text"] = pages.one(summary)
    places["phases"] = pages.within(summary)
    places["eligibility.sex"] = pages.within(["Gender", *get("Gender", [])])
    eligibility = get("Eligibility criteria", [])
    inc, exc, after = pages.criteria_blocks(eligibility, pages.INCLUSION, pages.EXCLUSION)
    criteria_places, criteria = pages.criteria_places(inc, exc + after)
    places.update(criteria_places)
    places["eligibility"] = pages.within(eligibility)
    locations = pages.in_trial(get("Locations", []))
    places["locations"] = pages.within(locations)
    places.update(pages.address_parts(locations))
    places["locations.facility"] = []
    officials = get("Trial Officials", [])
    roles = [i for i, line in enumerate(officials) if line in OFFICIAL_ROLES]
    places["officials"] = pages.within(["Trial Officials", *officials])
    places["officials.name"] = pages.whole([officials[i - 1] for i in roles if i > 0])
    places["officials.affiliation"] = pages.whole([officials[i + 1] for i in roles if i + 1 < len(officials)])
    places["related_trials"] = pages.within(get("Similar Trials", []))
    places["related_trials.title"] = pages.whole(
        [line for line in get("Similar Trials", []) if not pages.NCT_LINE.match(line)]
    )
    rows = {
        "related_trials": pages.related(get("Similar Trials", [])),
        "locations": [pages.address(line) for line in locations if pages.address(line)],
        "officials": [
            {
                "name": normalise(officials[i - 1]),
                "role": OFFICIAL_ROLES[officials[i]],
                "affiliation": normalise(officials[i + 1]),
            }
            for i in roles
            if 0 < i < len(officials) - 1
        ],
    }
    title_and_summary = pages.within(title + summary)
    places["cell_product"] = pages.within(title + summary + get("Keywords", []))
    places["interventions"] = title_and_summary
    # the product's names: what the title studies, before what it is studied for ("CD19-CART(Relma-cel)"
    # of "... for Moderate to Severe Active Systemic Lupus Erythematosus", "CAR-T Cells" of "A Study of
    # CAR-T Cells in Subjects With ..."), and what the summary calls it ("a new treatment called
    # Relma-cel for people with ..."). Any whole words of the title and summary were a name: Relma-cel's
    # product or intervention named "70 years old", "consent form" or "Moderate to Severe" passed
    names = [_OF.sub("", _STUDIED.sub("", line)) for line in title]
    names += [m.group(1) for line in summary for m in _CALLED.finditer(line)]
    places["cell_product.name"] = places["interventions.name"] = places["interventions.other_names"] = [
        Passage(normalise(name)) for name in names if name.strip()
    ]
    # the page describes no intervention: its summary is the site's own words (third_party_summary), and
    # a sentence of it ("a new treatment called Relma-cel") given as the sponsor's description passed
    places["interventions.description"] = []
    return SourceDoc(file, "clinconnect", "", places, criteria, pages.subject(search, _SEARCH), rows)
