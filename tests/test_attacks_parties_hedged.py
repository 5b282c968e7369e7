"""A site, a sponsor or a count its source hedges, labels as potential, or renames.

"Sites: Ruijin Hospital, Shanghai, China (possibly)", "Potential sites: ...", "Sites under
consideration: ..." each bound a site the trial may never open; "Sponsor: possibly Acme Bio" a sponsor,
and "Enrollment: possibly 60 participants" a count, each hedged (retracted._BEFORE reads "possibly",
"perhaps", "maybe", "potentially", "probably", "tentatively" before a value as it reads "formerly");
"Acme Bio (now Beta Corp)" a sponsor the source names by another name now ("now" before a name was read
only where the name was one letter long); "Manufacturer: Acme Bio" a company that serves the trial, no
sponsor (prose._NOT_THE_SPONSOR). A label of a value not yet chosen ("Potential", "Candidate",
"Prospective", "under consideration", "TBC") is read as "Planned" is (retracted._PLANNED_BEFORE).
A site or a sponsor a condition right after it leaves open ("Shanghai, China (if funded)", "Acme Bio
(subject to contract)") is none of the trial's yet (retracted.left_open).
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, enrollment_fields, im19_out

SITE = "Ruijin Hospital, Shanghai, China"


def site(quote: str = SITE) -> str:
    return (
        "locations:\n  - facility: Ruijin Hospital\n    city: Shanghai\n    country: China\n"
        f"evidence:\n  locations.0: {json.dumps(quote)}\n"
    )


def sponsor(name: str = "Acme Bio") -> str:
    return f"sponsor:\n  name: {name}\nevidence:\n  sponsor.name: {json.dumps(name)}\n"


HEDGED = [
    (f"Sites: {SITE} (possibly).", site()),
    (f"Sites: {SITE} (tentatively).", site()),
    (f"Potential sites: {SITE}.", site()),
    (f"Candidate sites: {SITE}.", site()),
    (f"Sites under consideration: {SITE}.", site()),
    (f"Sites (TBC): {SITE}.", site()),
    ("Sponsor: possibly Acme Bio.", sponsor()),
    ("Sponsor: Acme Bio (now Beta Corp).", sponsor()),
    ("Prospective sponsor: Acme Bio.", sponsor()),
    ("Manufacturer: Acme Bio.", sponsor()),
    ("Enrollment: possibly 60 participants.", enrollment_fields(60, "60 participants")),
    ("Enrollment: perhaps 60 participants.", enrollment_fields(60, "60 participants")),
    # (or left open on a condition right after it: retracted.left_open)
    (f"Sites: {SITE} (if funded).", site()),
    (f"Sites: {SITE}, subject to ethics approval of the amendment.", site()),
    ("Sponsor: Acme Bio (subject to contract).", sponsor()),
    ("Sponsor: Acme Bio, if the licence is granted.", sponsor()),
    ("Sponsor: Acme Bio, provided the agreement is signed.", sponsor()),
    ("Sponsor: Acme Bio (contingent on funding).", sponsor()),
]


@pytest.mark.parametrize(("line", "fields"), HEDGED, ids=[line for line, _ in HEDGED])
def test_a_value_hedged_or_not_yet_chosen_is_refused(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields)


GIVEN = [
    (f"Sites: {SITE}.", site()),
    (f"Sites: {SITE} (now recruiting).", site()),
    (f"Site selection: {SITE}.", site()),
    ("Sponsor: Acme Bio.", sponsor()),
    ("Sponsor: Acme Bio, the manufacturer of IM19.", sponsor()),
    ("Sponsor: Acme Bio (now recruiting in Shanghai).", sponsor()),
    ("Sponsor: Acme Bio, if patients are enrolled in China.", sponsor()),  # (a condition of the participants)
    ("Enrollment: approximately 60 participants.", enrollment_fields(60, "approximately 60 participants")),
    ("Enrollment: 60 participants, probably by 2026.", enrollment_fields(60, "60 participants")),
]


@pytest.mark.parametrize(("line", "fields"), GIVEN, ids=[line for line, _ in GIVEN])
def test_a_value_given_passes(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""
