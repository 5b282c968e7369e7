"""What the page layouts read alike (registry_copy.py, clinconnect.py): a page's criteria lists as
items, its sections under their headings, a site's address, the ids and titles of related trials."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from sle_trials.patterns import lazy
from sle_trials.reading import lookalike, retracted
from sle_trials.reading.layouts import (
    Item,
    Passage,
    normalise,
)

NCT_LINE = lazy(r"^NCT[0-9]{8}$")


_BULLET = lazy(r"^(?:[*•·+-]\s+)?(?:(?P<num>[0-9]{1,3})[.)]\s+)?(?P<text>\S.*)$")


_IS_ITEM = lazy(r"^(?:[*•·+-]\s+|[0-9]{1,3}[.)]\s+)")


def items(lines: list[str]) -> list[Item]:
    """The criteria of a page's list: each line with a bullet or a number starts an item; any other
    line continues the item above. A page's list shows no depth (its bullets stand alike), except
    where its numbers do: an item whose number goes on from the list's own numbering (2, 3, 4, 5,
    after a run of 1, 2, 3 that started again under 4) is an item of the list itself (depth 0); any
    other item may stand under another (depth None: the curator reads how deep)."""
    out: list[tuple[int | None, list[str]]] = []
    for line in lines:
        if not line:
            continue
        m = _BULLET.match(line)
        if _IS_ITEM.match(line) and m:
            out.append((int(m.group("num")) if m.group("num") else None, [m.group("text")]))
        elif out:
            out[-1][1].append(line)
    return [Item(number, normalise(" ".join(parts)), depth=depth) for (number, parts), depth in zip(out, _depths(out))]


def _depths(out: list[tuple[int | None, list[str]]]) -> Iterator[int | None]:
    """0 for each item its number shows to be an item of the list itself, None for any other."""
    top = 0  # the list's own last number
    run: int | None = None  # the last number of a numbering that started again, under an item
    for number, _ in out:
        if number is None:
            yield None
        elif number > top and (run is None or (number != run + 1 and number == top + 1)):
            top, run = number, None
            yield 0
        else:  # a numbering started again (or one that may go on either)
            run = number if number <= top or run is not None else run
            yield None


def sections(lines: list[str], is_heading: Callable[[str], str | None]) -> Iterator[tuple[str, int, list[str]]]:
    """(heading, its line number, the non-empty lines below it) of each section."""
    heading, at, body = "", -1, list[str]()
    for number, line in enumerate(lines):
        name = is_heading(line)
        if name is not None:
            yield heading, at, body
            heading, at, body = name, number, []
        elif line:
            body.append(line)
    yield heading, at, body


def whole(lines: list[str]) -> list[Passage]:
    return [Passage(normalise(line), True) for line in lines]


def within(lines: list[str]) -> list[Passage]:
    return [Passage(normalise(" ".join(lines)))] if lines else []


def one(lines: list[str]) -> list[Passage]:
    """A section that is one value (a summary, a description)."""
    return [Passage(normalise(" ".join(lines)), True)] if lines else []


def related(lines: list[str]) -> list[dict[str, str]]:
    """Related trials as rows: an id with the title on the line above it (how both page layouts list them)."""
    return [
        {"nct_id": line, "title": normalise(before)}
        for before, line in zip(["", *lines], lines)
        if NCT_LINE.match(line) and before and not NCT_LINE.match(before)
    ]


# A bracket at the end of a site's line: a note on the site ("Shanghai, China (Recruiting)", "(Active,
# not recruiting)", "(lead site)"), no part of its country, and split at its commas it made the
# country "China (Recruiting)", so an honest record listing Shanghai, China was refused. A site the
# bracket takes out of the trial ("(withdrawn)") is left out before (in_trial).
_SITE_NOTE = lazy(r"\s*\([^()]*\)\s*\Z")


def _without_note(line: str) -> str:
    return _SITE_NOTE.sub("", line)


def address(line: str) -> dict[str, str]:
    """City, region and country of a "City, Region, Country" line (the first part, the middle ones, the
    last), without a note on the site in a bracket at its end."""
    parts = [normalise(p) for p in _without_note(line).split(",") if p.strip()]
    if len(parts) < 2:
        return {}
    row = {"city": parts[0], "country": parts[-1]}
    if len(parts) > 2:
        row["region"] = ", ".join(parts[1:-1])
    return row


# The subject of a page of a layout whose id lines name no one trial plainly: no trial a record may
# claim (it is about another trial to every record; a subject of None is a plain document's, whose
# passages are any trial's it names).
UNNAMED = "no one trial its id line names"


_OWN_ID = lazy(r"(?P<label>.*?)\s*(?P<id>NCT[0-9]{8})")


def id_lines(lines: list[str], label: str) -> list[str]:
    """The lines that show a reader the page's id line: label ("NCT ID:", "Search / Trial") first,
    its look-alikes folded (reading/lookalike.py), as a heading is read."""
    shown = _unspaced(label)
    return [line for line in lines if _unspaced(line[: len(label) * 4]).startswith(shown)]


def _unspaced(text: str) -> str:
    """text's skeleton without its spaces: "NCT  ID :" is "NCT ID:" to a reader too."""
    return "".join(lookalike.skeleton(text).split())


def subject(lines: list[str], label: str) -> str:
    """The trial a page's id lines (id_lines) name: its one id, each line label and an id written
    plainly (NCT and 8 ASCII digits), else UNNAMED. A page whose id line was read by its stored
    characters ("NСT ID:" with a Cyrillic С, an id with one) had no subject, and a page of no subject
    was about every trial: IM19's copy so written vouched for another trial's draft holding IM19's values."""
    found = set()
    for line in lines:
        m = _OWN_ID.fullmatch(line)
        if m is None or _unspaced(m["label"]) != _unspaced(label):
            return UNNAMED
        found.add(m["id"])
    return found.pop() if len(found) == 1 else UNNAMED


def in_trial(lines: list[str], per: int = 1) -> list[str]:
    """The lines of a page's Locations that list sites of the trial, per lines a site (a registry copy's
    facility and address, a trial finder's address): none of a site its words put out of the trial
    ("Shanghai, China (site closed)", "(withdrawn)": retracted.taken_back of a site), as a study's
    location WITHDRAWN is none (ctgov_study.withdrawn). Read as sites, such a line was a row a complete
    record had to list (E519), and the record leaving the site out was refused."""
    kept: list[str] = []
    for at in range(0, len(lines), per):
        site = lines[at : at + per]
        if not any(_out_of_trial(line) for line in site):
            kept.extend(site)
    return kept


def _out_of_trial(line: str) -> bool:
    """Whether the words of a site's line take back its first part ("Shanghai" of "Shanghai, China (site
    closed)", "Ruijin Hospital" of "Ruijin Hospital (withdrawn)") as a site's."""
    start = len(line) - len(line.lstrip())
    end = len(line.split(",", 1)[0].rstrip())
    return end > start and retracted.taken_back(line, start, end, entry=True, site=True, planned=True)


def address_parts(lines: list[str]) -> dict[str, list[Passage]]:
    """City, region and country of "City, Region, Country" lines (the first part, the middle ones, the last)."""
    city, region, country = [], [], []
    for line in lines:
        parts = [p.strip() for p in _without_note(line).split(",") if p.strip()]
        if len(parts) >= 2:
            city.append(parts[0])
            region.extend(parts[1:-1])
            country.append(parts[-1])
    return {"locations.city": whole(city), "locations.region": whole(region), "locations.country": whole(country)}


def criteria_blocks(
    body: list[str], inclusion: re.Pattern[str], exclusion: re.Pattern[str]
) -> tuple[list[str], list[str], list[str]]:
    """(inclusion lines, exclusion lines, the lines after the exclusion list) of an eligibility section."""
    inc: list[str] = []
    exc: list[str] = []
    tail: list[str] = []
    current: list[str] | None = None
    for line in body:
        bare = _IS_ITEM.sub("", line).strip()
        if inclusion.match(bare):
            current = inc
            continue
        if exclusion.match(bare):
            current = exc
            continue
        if current is exc and not _IS_ITEM.match(line) and exc:
            tail.append(line)  # a registry copy's age, sex and volunteer lines follow the exclusion list
            current = tail
            continue
        if current is not None:
            current.append(line)
    return inc, exc, tail


def criteria_places(inc: list[str], exc: list[str]) -> tuple[dict[str, list[Passage]], dict[str, list[Item]]]:
    places = {"eligibility.inclusion_criteria": within(inc), "eligibility.exclusion_criteria": within(exc)}
    return places, {"inclusion_criteria": items(inc), "exclusion_criteria": items(exc)}


# a criteria list's heading, as a page writes it ("Non-inclusion criteria", a French protocol's critères de
# non-inclusion, heads the exclusion criteria: read as no heading, they were read on as inclusion criteria)
INCLUSION = lazy(r"(?i)^(?:key\s+)?inclusion criteria:?$")
EXCLUSION = lazy(r"(?i)^(?:key\s+)?(?:exclusion|non[-\s]?inclusion) criteria:?$")
