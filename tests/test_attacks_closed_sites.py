"""A site its source says is closed, terminated or no longer participating is no site of the trial.

"Location: Shanghai, China (withdrawn)" was refused as a site taken back (tests/test_attacks_retract32.py),
and so was a ClinicalTrials.gov location of status WITHDRAWN (tests/test_attacks_withdrawn_sites.py);
a site its source said was out of the trial in other words still passed as one of its sites:
"Shanghai, China (site closed)", "(closed)", "— site terminated", "(site no longer participating)",
"Closed sites: Shanghai"; and "(past site)", "(ex-site)", "Past sites:" where "(former site)" and
"Former sites:" were refused. These are a site's own words (retracted._SITE_AFTER, read of a site only:
"Enrollment: 60 participants (closed)" leaves the count standing).

A site that only finished recruiting is still a site of the trial: "(completed)", "(active, not
recruiting)", "(suspended)", "(closed to recruitment)", "recruitment closed", as is one that is not
participating in a part of the trial only ("not participating in the extension").

A page's Locations (a trial finder's, a registry copy's) listed such a site as a row a complete record
had to hold (E519): "Shanghai, China (site closed)", or "(withdrawn)", on the Relma-cel page refused
the record that left it out, as a study's location WITHDRAWN is left out of its rows
(pages.in_trial).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RELMA_PATH, Trials, add_source, cited_instead, edit, im19_out
from sle_trials.reading import pages, retracted

SHANGHAI = "locations:\n  - city: Shanghai\n"
RUIJIN = "locations:\n  - facility: Ruijin Hospital\n    city: Shanghai\n"
TAKEN_BACK = "the text stands in its source only where the words right around it take it back"


@pytest.mark.parametrize(
    "line",
    [
        "Location: Shanghai, China (site closed)",
        "Location: Shanghai, China (closed)",
        "Location: Shanghai, China [Closed]",
        "Location: Shanghai, China — site terminated",
        "Location: Shanghai, China (terminated)",
        "Location: Shanghai, China (no longer participating)",
        "Location: Shanghai, China (site no longer participating)",
        "Location: Shanghai, China (not a participating site)",
        "Location: Shanghai, China: closed",
        "Location: Shanghai, China - closed in March 2024",
        "Location: Shanghai, China, site discontinued",
        "Location: Shanghai, China (recruiting; site terminated)",
        "Location: Shanghai, China (withdrew from the study)",
        "Location: Shanghai, China, which withdrew from the study",
        "Location: Shanghai, China. This site has closed.",
        "Location: Shanghai, China. The hospital closed in 2023.",
        "Closed sites: Shanghai, China",
        "Terminated locations: Shanghai, China",
        "Sites no longer participating: Shanghai, China",
        # (a site of the trial's past, as "(former site)" and "Former sites:" are)
        "Location: Shanghai, China (past site)",
        "Location: Shanghai, China (ex-site)",
        "Location: Shanghai, China (erstwhile site)",
        "Past sites: Shanghai, China",
        "Past locations: Shanghai, China",
        "Ex-sites: Shanghai, China",
        # (words its passage was cut before: read where the document writes them too)
        "Location: Shanghai, China (former study centre)",
        "Location: Shanghai, China (former study center)",
    ],
)
def test_a_site_its_source_says_is_out_of_the_trial_is_none_of_its_sites(trials: Trials, line: str) -> None:
    assert f" E501 locations.0.city: {TAKEN_BACK}" in im19_out(trials, line, SHANGHAI)


@pytest.mark.parametrize(
    "line",
    [
        "Location: Ruijin Hospital, Shanghai, China (site closed)",
        # (a label before the entry's first part takes back each part: "Withdrawn sites:" too)
        "Closed sites: Ruijin Hospital, Shanghai, China",
        "Withdrawn sites: Ruijin Hospital, Shanghai, China",
    ],
)
def test_each_part_of_a_closed_sites_entry_is_taken_back(trials: Trials, line: str) -> None:
    out = im19_out(trials, line, RUIJIN)
    assert f" E501 locations.0.facility: {TAKEN_BACK}" in out
    assert f" E501 locations.0.city: {TAKEN_BACK}" in out


@pytest.mark.parametrize(
    "line",
    [
        "Location: Shanghai, China (Completed)",
        "Location: Shanghai, China (Active, not recruiting)",
        "Location: Shanghai, China (Suspended)",
        "Location: Shanghai, China (Not yet recruiting)",
        "Location: Shanghai, China (Enrolling by invitation)",
        "Location: Shanghai, China (closed to recruitment)",
        "Location: Shanghai, China (site closed to new patients)",
        "Location: Shanghai, China (closed for accrual)",
        "Location: Shanghai, China — recruitment closed",
        "Location: Shanghai, China. The site closed enrollment in 2024.",
        "Location: Shanghai, China. Enrollment closed in 2024.",
        "Location: Shanghai, China. The study was terminated early.",
        "Location: Shanghai, China, not participating in the extension",
        "Location: Shanghai, China (withdrew from Part B)",
        "Location: Shanghai, China. Participants who left the study were replaced.",
        "Location: Shanghai, China. Participants who dropped out were replaced.",
        "Location: Shanghai, China; Beijing, China (closed)",
        "Location: Shanghai, Closed Loop Medical Center",
        "Sites closed to recruitment: Shanghai, China",
        "Location: Shanghai, China (past site visits completed)",
        "Location: Shanghai, China (previous site of the pilot study)",
        "Past studies at Shanghai, China",
    ],
)
def test_a_site_that_only_finished_recruiting_is_still_a_site(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, SHANGHAI) == ""


@pytest.mark.parametrize(
    "text", ["Enrollment: 60 participants (closed)", "Enrollment: 60 participants - terminated early"]
)
def test_a_sites_words_take_back_no_other_value(text: str) -> None:
    start = text.index("60 participants")
    assert not retracted.taken_back(text, start, start + len("60 participants"))
    city = "Location: Shanghai, China (closed)"
    assert not retracted.taken_back(city, 10, 18, entry=True)
    assert retracted.taken_back(city, 10, 18, entry=True, site=True)


# --- a page's Locations ----------------------------------------------------------------------------

RELMA_SOURCE = "seeds/004_2ad16b9ce66a0787.txt"
RELMA_SITE = "locations:\n  - city: Shanghai\n    country: China\n"


def _relma(registry: Path, trials: Trials, line: str, listed: bool) -> str:
    """What `trials validate` prints of the Relma-cel record citing its page with its one site's line
    written as line, the site listed or (listed False) left out and declared silent; "" where it passes."""
    text = (registry / RELMA_SOURCE).read_text("utf-8")
    assert text.count("\nShanghai, China\n") == 1
    source = add_source(registry, "seeds/936_relma_site.txt", text.replace("\nShanghai, China\n", f"\n{line}\n"))
    cited_instead(registry, RELMA_PATH, RELMA_SOURCE, source)
    changes: list[tuple[str, str]] = []
    if not listed:
        changes += [(RELMA_SITE, ""), ("    - locations.facility\n    - locations.region\n", "    - locations\n")]
    edit(registry, RELMA_PATH, *changes)
    result = trials("validate", registry / RELMA_PATH)
    assert result.status in (0, 1), f"trials validate ended with status {result.status}: {result.out}{result.err}"
    return result.out if result.status else ""


@pytest.mark.parametrize(
    "line", ["Shanghai, China (site closed)", "Shanghai, China (withdrawn)", "Shanghai, China - site terminated"]
)
def test_a_pages_site_out_of_the_trial_is_no_row_a_record_must_hold(registry: Path, trials: Trials, line: str) -> None:
    assert _relma(registry, trials, line, listed=False) == ""


@pytest.mark.parametrize("line", ["Shanghai, China (site closed)", "Shanghai, China (withdrawn)"])
def test_a_record_listing_a_pages_site_out_of_the_trial_is_refused(registry: Path, trials: Trials, line: str) -> None:
    assert " E512 locations.0.city: not where the source states it" in _relma(registry, trials, line, listed=True)


def test_a_pages_site_still_in_the_trial_is_a_row_it_must_hold(registry: Path, trials: Trials) -> None:
    assert " E519 locations: the source lists 1 more than the record" in (
        _relma(registry, trials, "Shanghai, China", listed=False)
    )


def test_a_registry_copys_site_is_its_facility_and_address_lines() -> None:
    lines = ["Ruijin Hospital", "Shanghai, China (site closed)", "Peking University Third Hospital", "Beijing, China"]
    assert pages.in_trial(lines, per=2) == lines[2:]
    assert pages.in_trial(["Ruijin Hospital (withdrawn)", *lines[1:]], per=2) == lines[2:]
    assert pages.in_trial(["Ruijin Hospital", "Shanghai, China (recruiting)"], per=2) == [
        "Ruijin Hospital",
        "Shanghai, China (recruiting)",
    ]


# A site's status in a bracket at its line's end was read into its country ("China (Recruiting)"),
# and the honest record listing Shanghai, China was refused (E519, E512)
@pytest.mark.parametrize(
    "line",
    ["Shanghai, China (Recruiting)", "Shanghai, China (Completed)", "Shanghai, China (Active, not recruiting)"],
)
def test_a_sites_status_in_a_bracket_is_no_part_of_its_country(registry: Path, trials: Trials, line: str) -> None:
    assert _relma(registry, trials, line, listed=True) == ""
    assert pages.address(line) == {"city": "Shanghai", "country": "China"}
