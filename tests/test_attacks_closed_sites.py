"""A site its source says is closed, terminated or no longer participating is no site of the trial.

"Location: Shanghai, China (withdrawn)" was refused as a site taken back (tests/test_attacks_retract32.py),
and so was a ClinicalTrials.gov location of status WITHDRAWN (tests/test_attacks_withdrawn_sites.py);
a site its source said was out of the trial in other words still passed as one of its sites:
"Shanghai, China (site closed)", "(closed)", "— site terminated", "(site no longer participating)",
"Closed sites: Shanghai". These are a site's own words (retracted._SITE_AFTER, read of a site only:
"Enrollment: 60 participants (closed)" leaves the count standing).

A site that only finished recruiting is still a site of the trial: "(completed)", "(active, not
recruiting)", "(suspended)", "(closed to recruitment)", "recruitment closed", as is one that is not
participating in a part of the trial only ("not participating in the extension").
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out
from sle_trials.reading import retracted

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
