"""A sponsor or an official its source says is only planned, or has left the trial, is none of the trial's.

"Sponsor: Acme Bio (proposed)" and "Principal Investigator: Wang Li (planned)" each bound their name:
a plan took back a site (retracted.taken_back with planned), and evidence read a sponsor's and an
official's names as parts of an entry (evidence._ENTRIES) but not for plans. A name is an entry's
text with no estimate of its own, as a site's is: now read with planned too, in the words after it
("(proposed)", "- tentative", "(pending approval)", "is proposed") and in its label ("Proposed sponsor:",
"Principal Investigator (proposed):"). And "(former sponsor)", "(previous sponsor)" took nothing back
where "(former)" alone did; nor did an official's or a sponsor's own words for leaving ("(stepped
down)", "(resigned)", "(left the study)", "(sponsorship transferred to Beta Corp)": retracted's
_PARTY_AFTER, read with party).

A sponsor that took the trial over ("(transferred from Beta Corp)"), an official who left another post
("(left Ruijin Hospital in 2023)") or held another role ("(former Study Director)"), a former name
("(formerly Beta Corp.)") and a plan of another value beside the name ("(expected enrollment 60
participants)") leave the name standing.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, im19_out
from sle_trials.reading import retracted

SPONSOR = "sponsor:\n  name: Acme Bio\n"


def _official(quote: str = "Principal Investigator: Wang Li") -> str:
    return (
        "officials:\n  - name: Wang Li\n    role: PRINCIPAL_INVESTIGATOR\nevidence:\n"
        f"  officials.0.name: Wang Li\n  officials.0.role: {json.dumps(quote)}\n"
    )


OFFICIAL = _official()
TAKEN_BACK = " E501 {}: the text stands in its source only where the words right around it take it back"

PLANNED = [
    ("Sponsor: Acme Bio (proposed)", SPONSOR),
    ("Sponsor: Acme Bio (planned)", SPONSOR),
    ("Sponsor: Acme Bio [tentative]", SPONSOR),
    ("Sponsor: Acme Bio - proposed", SPONSOR),
    ("Sponsor: Acme Bio, Inc. (proposed)", SPONSOR),
    ("Sponsor: Acme Bio (pending approval)", SPONSOR),
    ("Sponsor: Acme Bio (subject to approval)", SPONSOR),
    ("Sponsor: Acme Bio is proposed.", SPONSOR),
    ("Proposed sponsor: Acme Bio", SPONSOR),
    ("Sponsor (proposed): Acme Bio", SPONSOR),
    ("Responsible party: Acme Bio (provisional)", SPONSOR),
    ("Principal Investigator: Wang Li (proposed)", OFFICIAL),
    ("Principal Investigator: Wang Li (expected)", OFFICIAL),
    ("Principal Investigator: Wang Li, MD (proposed)", OFFICIAL),
    ("Principal Investigator: Wang Li, MD, PhD - tentative", OFFICIAL),
    ("Proposed Principal Investigator: Wang Li", OFFICIAL),
    ("Principal Investigator (planned): Wang Li", OFFICIAL),
]

GONE = [
    ("Sponsor: Acme Bio (former sponsor)", SPONSOR),
    ("Sponsor: Acme Bio, Inc. (previous sponsor)", SPONSOR),
    ("Sponsor: Acme Bio (withdrew)", SPONSOR),
    ("Sponsor: Acme Bio (sponsorship transferred to Beta Corp)", SPONSOR),
    ("Sponsor: Acme Bio (stepped down as sponsor)", SPONSOR),
    ("Principal Investigator: Wang Li (stepped down)", OFFICIAL),
    ("Principal Investigator: Wang Li - stepped down in 2024", OFFICIAL),
    ("Principal Investigator: Wang Li, MD (resigned)", OFFICIAL),
    ("Principal Investigator: Wang Li (has left the study)", OFFICIAL),
    ("Principal Investigator: Wang Li (role transferred to Zhang Wei)", OFFICIAL),
    ("Principal Investigator: Wang Li (deceased)", OFFICIAL),
    ("Principal Investigator: Wang Li, who resigned in 2024", OFFICIAL),
    # (an outgoing or ex- one, in its label or after it; one yet to be appointed)
    ("Outgoing sponsor: Acme Bio", SPONSOR),
    ("Ex-sponsor: Acme Bio", SPONSOR),
    ("Sponsor: Acme Bio (outgoing)", SPONSOR),
    ("Sponsor: Acme Bio (ex-sponsor)", SPONSOR),
    ("Former Principal Investigator: Wang Li", OFFICIAL),
    ("Principal Investigator: Wang Li (outgoing)", OFFICIAL),
    ("Principal Investigator: Wang Li (to be appointed)", OFFICIAL),
    ("Principal Investigator: Wang Li (appointment pending)", OFFICIAL),
]


def _field(fields: str) -> str:
    return "sponsor.name" if fields == SPONSOR else "officials.0.name"


@pytest.mark.parametrize(("line", "fields"), PLANNED)
def test_a_sponsor_or_official_only_planned_is_none(trials: Trials, line: str, fields: str) -> None:
    assert TAKEN_BACK.format(_field(fields)) in im19_out(trials, line, fields)


@pytest.mark.parametrize(("line", "fields"), GONE)
def test_a_sponsor_or_official_gone_is_none(trials: Trials, line: str, fields: str) -> None:
    assert TAKEN_BACK.format(_field(fields)) in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Sponsor: Acme Bio", SPONSOR),
        ("Sponsor: Acme Bio (transferred from Beta Corp)", SPONSOR),
        ("Sponsor: Acme Bio (formerly Beta Corp.)", SPONSOR),
        ("Sponsor: Acme Bio (former name: Beta Corp)", SPONSOR),
        ("Sponsor: Acme Bio (expected enrollment 60 participants)", SPONSOR),
        ("Sponsor: Acme Bio, planned enrollment 60 participants", SPONSOR),
        ("Sponsor: Acme Bio; planned enrollment: 60 participants", SPONSOR),
        ("Sponsor: Acme Bio, expected to complete the trial in 2027", SPONSOR),
        ("Sponsor: Acme Bio. Start expected in 2026.", SPONSOR),
        ("Principal Investigator: Wang Li, MD", OFFICIAL),
        ("Principal Investigator: Wang Li (left Ruijin Hospital in 2023)", OFFICIAL),
        ("Principal Investigator: Wang Li (former Study Director)", OFFICIAL),
        ("Wang Li, Principal Investigator (former Study Director)", _official("Wang Li, Principal Investigator")),
        ("Principal Investigator: Wang Li. Planned enrollment: 60.", OFFICIAL),
        ("Principal Investigator: Wang Li (appointed in 2023)", OFFICIAL),
        ("Prior investigator-initiated studies: none. Sponsor: Acme Bio", SPONSOR),
    ],
)
def test_a_sponsor_or_official_beside_other_words_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


def test_a_partys_words_for_leaving_are_read_of_a_party_only() -> None:
    text = "Dose: 1x10^6 cells/kg (stepped down)"
    start = text.index("1x10^6")
    assert not retracted.taken_back(text, start, text.index(" (")), "a dose stepped down is de-escalated, not gone"
    name = "Principal Investigator: Wang Li (stepped down)"
    at = name.index("Wang Li")
    assert retracted.taken_back(name, at, at + len("Wang Li"), entry=True, party=True)
