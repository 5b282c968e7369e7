"""Pull-request attacks on a list's length: an item that could be either of two rows, written again and again.

A record's item is its source's row when each field it holds is the row's (layouts.texts_are_row);
it may leave out a field the row states (a site's facility). E522 refused an item held more times
than the source lists its row, but counted only an item that was one row alone: "an item that could
be either of two rows counts for neither". A study with two sites in one city (most studies with
many sites have some) then let a record hold `{city, region, country}` of that city any number of
times: the imported record with five more such sites passed every check, and trials.csv said
site_count 8 of a study that lists 3. Each item now takes a row the source lists, as many items a
row as the source lists it (a matching of items to rows), and an item left without one is E522.

Where no cited source states the list as rows (a plain page: its words are checked, not where they
stand), E522 was not looked at all: a page naming one site once let a draft hold it four times. An
item is now held, by itself and the items that hold all its texts (it may be one of them with a
field left out), at most as many times as its words stand in a source.
"""

from __future__ import annotations

import copy
import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    FIXTURES,
    IM19_PATH,
    IMPORTED,
    REPO,
    Trials,
    add_source,
    copy_registry,
    im19_draft,
    imported_codes,
    joined,
)
from sle_trials.checks import load, rows
from sle_trials.cli import main
from sle_trials.engine import pipeline
from sle_trials.reading.layouts import SourceDoc

CLINIC = {
    "facility": "Northbridge Children's Clinic",
    "city": "Northbridge",
    "state": "Ohio",
    "zip": "43211",
    "country": "United States",
}
NORTHBRIDGE = {"city": "Northbridge", "region": "Ohio", "country": "United States"}  # either site's row


@pytest.fixture(scope="module")
def two_sites_in_one_city(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.Checker, dict]:
    """The study of the `imported` fixture with a second site in Northbridge, Ohio, imported as a draft."""
    folder = tmp_path_factory.mktemp("two-sites")
    root = copy_registry(folder / "registry")
    study = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    study["protocolSection"]["contactsLocationsModule"]["locations"].append(CLINIC)
    (folder / "study.json").write_text(json.dumps(study), "utf-8")
    assert main(["import", "ctgov", str(folder / "study.json"), "--root", str(root), "--no-cache"]) == 0
    record, problems = load.load(root / IMPORTED, IMPORTED)
    assert record is not None, problems
    return pipeline.Checker(root), record.data


def _children_cpu() -> float:
    """The CPU seconds of this process's finished children: a bound held to it is no other process's load."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _with(data: dict, *sites: dict[str, Any]) -> dict:
    more = copy.deepcopy(data)
    more["locations"] += [dict(site) for site in sites]
    return more


def test_the_imported_record_passes(two_sites_in_one_city: tuple[pipeline.Checker, dict]) -> None:
    checker, data = two_sites_in_one_city
    assert [site.get("facility") for site in data["locations"]][-1] == CLINIC["facility"]
    assert imported_codes(checker, data) == set()


def test_a_site_either_of_two_rows_may_be_is_refused_once_both_are_held(
    two_sites_in_one_city: tuple[pipeline.Checker, dict],
) -> None:
    checker, data = two_sites_in_one_city
    assert "E522" in imported_codes(checker, _with(data, NORTHBRIDGE))
    assert "E522" in imported_codes(checker, _with(data, *[NORTHBRIDGE] * 5))


def test_the_sites_of_a_city_written_without_their_names_bind_as_many_as_the_source_lists(
    two_sites_in_one_city: tuple[pipeline.Checker, dict],
) -> None:
    """Each of the two Northbridge sites may be written without its facility, once each (a record
    may leave out a field its row states, with the field declared silent)."""
    checker, data = two_sites_in_one_city
    fewer = copy.deepcopy(data)
    fewer["locations"] = [site for site in fewer["locations"] if site["city"] != "Northbridge"]
    fewer["curation"]["silent"] = [*fewer["curation"].get("silent", []), "locations.facility"]
    for site in fewer["locations"]:
        site.pop("facility", None)
    assert "E522" not in imported_codes(checker, _with(fewer, NORTHBRIDGE, NORTHBRIDGE))
    assert "E522" in imported_codes(checker, _with(fewer, NORTHBRIDGE, NORTHBRIDGE, NORTHBRIDGE))


def _doc(rows: list[dict]) -> SourceDoc:
    doc = SourceDoc("seeds/x.json", "ctgov_json", "")
    doc.rows["locations"] = rows
    return doc


def _repeated(items: list[dict], listed: list[dict]) -> list[int]:
    """The items E522 refuses (their places in the list), where the source lists the rows listed."""
    record = load.Record("trials/NCT09000011.yaml", {"locations": items})
    return [p.line for p in rows._repeated(record, "locations", "facility", items, [_doc(listed)])]


def test_an_item_of_one_row_alone_takes_it_before_one_of_either(monkeypatch: pytest.MonkeyPatch) -> None:
    """An item written first that could be either row must leave the other row to the item that is
    only that row: rows A and B, items (A or B) then A, bind, whatever their order."""
    monkeypatch.setattr(load.Record, "where", lambda self, path, key=False: (path[-1], 0))
    a = {"facility": "A", "city": "X"}
    b = {"facility": "B", "city": "X"}
    either = {"city": "X"}
    assert _repeated([either, dict(a)], [a, b]) == []
    assert _repeated([dict(a), either], [a, b]) == []
    assert _repeated([either, either], [a, b]) == []
    assert _repeated([either, dict(a), either], [a, b]) == [2]
    assert _repeated([dict(a), dict(a)], [a, b]) == [1]
    assert _repeated([dict(a), dict(a)], [a, a, b]) == []  # a row the source lists twice


# --- a list no cited source states as rows ---------------------------------------------------------

PLAIN = "seeds/952_sites.txt"
SITE = "  - facility: Peking University Third Hospital\n    city: Beijing\n    country: China\n"


def _plain_sites(registry: Path, page: str, times: int) -> None:
    """IM19 as a draft citing a plain page (no rows: its words are checked, not where they stand),
    with SITE held times times."""
    add_source(
        registry,
        PLAIN,
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        f"Last Updated: 2025-08-17\n{page}",
    )
    (registry / IM19_PATH).write_text(joined(im19_draft(PLAIN), "locations:\n" + SITE * times), encoding="utf-8")


def test_a_site_a_plain_page_names_once_is_held_once(registry: Path, trials: Trials) -> None:
    """Before: the same site four times passed, and trials.csv said site_count 4 of a page naming one."""
    _plain_sites(registry, "Site: Peking University Third Hospital, Beijing, China\n", 1)
    assert trials("validate", registry / IM19_PATH).status == 0
    _plain_sites(registry, "Site: Peking University Third Hospital, Beijing, China\n", 4)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.status == 1
    assert [p["message"][:14] for p in result.problems() if p["code"] == "E522"] == [
        "locations.1: f",
        "locations.2: f",
        "locations.3: f",
    ]


def test_a_site_a_plain_page_names_twice_may_be_held_twice(registry: Path, trials: Trials) -> None:
    page = "Sites: Peking University Third Hospital, Beijing, China; Peking University Third Hospital, Beijing, China\n"
    _plain_sites(registry, page, 2)
    assert trials("validate", registry / IM19_PATH).status == 0
    _plain_sites(registry, page, 3)
    assert "E522" in trials.json("validate", registry / IM19_PATH).codes()


def _plain_items(registry: Path, page: str, items: str) -> None:
    add_source(
        registry,
        PLAIN,
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        f"Last Updated: 2025-08-17\n{page}",
    )
    (registry / IM19_PATH).write_text(joined(im19_draft(PLAIN), "locations:\n" + items), encoding="utf-8")


def test_a_site_held_again_by_parts_of_its_words_is_refused(registry: Path, trials: Trials) -> None:
    """Before: the site, then its city and country, its country, its name, passed: site_count 4."""
    parts = (
        "  - city: Beijing\n    country: China\n  - country: China\n  - facility: Peking University Third Hospital\n"
    )
    _plain_items(registry, "Site: Peking University Third Hospital, Beijing, China\n", SITE + parts)
    result = trials.json("validate", registry / IM19_PATH)
    assert [p["message"][:11] for p in result.problems() if p["code"] == "E522"] == [
        "locations.1",
        "locations.2",
        "locations.3",
    ]
    _plain_items(registry, "Site: Peking University Third Hospital, Beijing, China\n", parts + SITE)  # in any order
    assert [p["message"][:11] for p in trials.json("validate", registry / IM19_PATH).problems()] == [
        "locations.0",
        "locations.1",
        "locations.2",
    ]


def test_a_second_site_of_a_city_written_without_its_name_passes(registry: Path, trials: Trials) -> None:
    page = (
        "Sites: Peking University Third Hospital, Beijing, China; "
        "Peking Union Medical College Hospital, Beijing, China\n"
    )
    _plain_items(registry, page, SITE + "  - city: Beijing\n    country: China\n")
    assert trials("validate", registry / IM19_PATH).status == 0
    _plain_items(registry, page, SITE + "  - city: Beijing\n    country: China\n" * 2)
    assert "E522" in trials.json("validate", registry / IM19_PATH).codes()


def test_a_site_held_again_by_overlapping_parts_of_its_words_is_refused(registry: Path, trials: Trials) -> None:
    """Before: the site's name with its city, then its name with its country, passed as two sites (no
    item held all the other's texts), and trials.csv said site_count 2 of a page naming one. Two
    items that hold no field with different texts may be one; two sites of one city, each named,
    still pass however their fields are left out."""
    page = "Site: Peking University Third Hospital, Beijing, China\n"
    name = "  - facility: Peking University Third Hospital\n"
    _plain_items(registry, page, name + "    city: Beijing\n" + name + "    country: China\n")
    result = trials.json("validate", registry / IM19_PATH)
    assert [p["message"][:11] for p in result.problems() if p["code"] == "E522"] == ["locations.1"]
    two = "Sites in Beijing, China: Peking University Third Hospital; Peking Union Medical College Hospital\n"
    other = "  - facility: Peking Union Medical College Hospital\n"
    _plain_items(registry, two, name + "    city: Beijing\n" + other + "    city: Beijing\n    country: China\n")
    assert trials("validate", registry / IM19_PATH).status == 0


def test_many_items_written_alike_are_counted_in_bounded_time(registry: Path) -> None:
    """20,000 sites written alike, from a page naming the site 20,000 times: each item's count of the
    items holding its texts, and of the times its words stand, is worked out once for all the items
    written alike (each item's own took four minutes here, quadratic in the items)."""
    _plain_items(registry, "Site: Hospital\n" * 20_000, "  - facility: Hospital\n" * 20_000)
    started = _children_cpu()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sle_trials",
            "validate",
            "--no-cache",
            "--root",
            str(registry),
            str(registry / IM19_PATH),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _children_cpu() - started < 60  # a blow-up's bound in the check's CPU, not a speed
