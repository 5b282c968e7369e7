"""A sponsor or an official its source says is only planned, or has left the trial, is none of the trial's.

"Sponsor: Acme Bio (proposed)" and "Principal Investigator: Wang Li (planned)" each bound their name:
a plan took back a site (retracted.taken_back with planned), and evidence read a sponsor's and an
official's names as parts of an entry (evidence._ENTRIES) but not for plans. A name is an entry's
text with no estimate of its own, as a site's is: now read with planned too, in the words after it
("(proposed)", "- tentative", "(pending approval)", "is proposed") and in its label ("Proposed sponsor:",
"Principal Investigator (proposed):"). And "(former sponsor)", "(previous sponsor)" took nothing back
where "(former)" alone did; nor did an official's or a sponsor's own words for leaving ("(stepped
down)", "(resigned)", "(left the study)", "(sponsorship transferred to Beta Corp)": retracted's
_party_after, read with party).

And "(former PI)", "(ex-PI)", "(past PI)", "formerly the sponsor", "no longer the PI", "(retired)" took
nothing back: words that say a party holds its role no more (retracted._party_after, of the role the
record gives it: "(former Study Director)" ends a study director's, and leaves a principal
investigator's standing); nor did a label saying so past the "Former", "Previous", "Outgoing" and
"Ex-" ones _BEFORE reads ("Past sponsor:", "Sponsor (former):", "Retired Principal Investigator:",
"Principal Investigator Emeritus:": retracted._PARTY_BEFORE); nor did words that end its role at a date
("(PI until 2023)", "(2019-2023)", "Sponsor until March 2024:": retracted._party_until), which now take
it back unless the source's as-of date falls wholly before the end (date_mentions.held_before): "(PI until
2026)" in a source as of 2025-08-17 binds, "(PI until August 2025)" may have ended by then, and with no
as-of date an end stated is an end. Nor did a party that stood down, relinquished its role, departed,
moved on, left at a time or was succeeded by another ("(succeeded by Zhang Wei)"), "(ex PI)", "(PI
emerita)", "(former PI until 2023)" or one word of it past another clause ("(PI, former)"); nor a next
sentence saying so of it by a pronoun or its role ("It withdrew from the study in 2024.", "The sponsor
was replaced by Beta Corp.": retracted._party_next). An official's passage ends at the sentence naming
them (prose._named_officials), and "(MD, PhD; now retired)" or "Wang Li. She has since stepped down."
took nothing back of their name: it is read where the document writes it too (evidence._in_whole). And
a name or a site copied with those words ("Acme Bio (withdrawn)", "Wang Li (former PI)", "Shanghai
(closed)") bound: an entry's text is now read as if it ended at each of its own breaks. Running words
took nothing back either: "The former principal investigator, Wang Li, said ...", "Wang Li, who
previously served as principal investigator", "Wang Li was the principal investigator until 2023",
"Wang Li stepped down as principal investigator in 2024" (retracted._party_before, and _party_after's
and _party_until's predicates); nor did a term said to be over with no date ("(term expired)",
"(sponsorship ended)"), "(PI 2019 to 2023)" or "(interim PI until 2023)". A successor the words name
("Wang Li, replaced by Zhang Wei") is the role's now, and binds.

A sponsor that took the trial over ("(transferred from Beta Corp)"), an official who left another post
("(left Ruijin Hospital in 2023)") or held another role ("(former Study Director)", "(former head of
rheumatology)"), one who holds the role now ("(interim)", "(acting PI)", "Acting Principal Investigator:", "Ex
officio sponsor:"), a title of rank ("Professor Emeritus", "(emeritus)": no role ended), a former
name ("(formerly Beta Corp.)") and a plan of another value beside the name ("(expected enrollment 60
participants)") leave the name standing.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, im19_out
from sle_trials.reading import retracted
from sle_trials.reading.lexicon import date_mentions

SPONSOR = "sponsor:\n  name: Acme Bio\n"


def _official(quote: str = "Principal Investigator: Wang Li", name: str = "Wang Li") -> str:
    return (
        f"officials:\n  - name: {name}\n    role: PRINCIPAL_INVESTIGATOR\nevidence:\n"
        f"  officials.0.name: {name}\n  officials.0.role: {json.dumps(quote)}\n"
    )


OFFICIAL = _official()
# (an official of no role given: running words name one, and no role is read from them)
NAMED = "officials:\n  - name: Wang Li\nevidence:\n  officials.0.name: Wang Li\n"
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
    # (one whose words say it holds its role no more: a former, previous, past, ex- or retired one)
    ("Principal Investigator: Wang Li (former PI)", OFFICIAL),
    ("Principal Investigator: Wang Li (previous PI)", OFFICIAL),
    ("Principal Investigator: Wang Li (former principal investigator)", OFFICIAL),
    ("Principal Investigator: Wang Li (ex-PI)", OFFICIAL),
    ("Principal Investigator: Wang Li, ex-PI", OFFICIAL),
    ("Principal Investigator: Wang Li - former PI", OFFICIAL),
    ("Principal Investigator: Wang Li (formerly PI)", OFFICIAL),
    ("Principal Investigator: Wang Li (past PI)", OFFICIAL),
    ("Principal Investigator: Wang Li, no longer the PI", OFFICIAL),
    ("Principal Investigator: Wang Li (PI emeritus)", OFFICIAL),
    ("Principal Investigator: Wang Li (retired)", OFFICIAL),
    ("Principal Investigator: Wang Li, MD, retired", OFFICIAL),
    ("Principal Investigator: Wang Li (retired in 2024)", OFFICIAL),
    ("Principal Investigator: Wang Li (MD, now retired)", OFFICIAL),
    ("Principal Investigator: Wang Li (former PI), replaced by Zhang Wei", OFFICIAL),
    ("Study Director: Wang Li (former PI)", _official("Study Director: Wang Li (former PI)")),
    ("Sponsor: Acme Bio (formerly the sponsor)", SPONSOR),
    ("Sponsor: Acme Bio, formerly the sponsor", SPONSOR),
    ("Sponsor: Acme Bio, no longer the sponsor", SPONSOR),
    ("Sponsor: Acme Bio (past sponsor)", SPONSOR),
    ("Sponsor: Acme Bio (retired)", SPONSOR),
    # (or whose label says so)
    ("Past sponsor: Acme Bio", SPONSOR),
    ("Erstwhile sponsor: Acme Bio", SPONSOR),
    ("Ex sponsor: Acme Bio", SPONSOR),
    ("Sponsor (former): Acme Bio", SPONSOR),
    ("Sponsor (previous): Acme Bio", SPONSOR),
    ("Sponsor (outgoing): Acme Bio", SPONSOR),
    ("Past Principal Investigator: Wang Li", _official("Past Principal Investigator: Wang Li")),
    ("Retired Principal Investigator: Wang Li", _official("Retired Principal Investigator: Wang Li")),
    ("Ex-Principal Investigator: Wang Li", _official("Ex-Principal Investigator: Wang Li")),
    ("Principal Investigator (former): Wang Li", _official("Principal Investigator (former): Wang Li")),
    ("Principal Investigator (retired): Wang Li", _official("Principal Investigator (retired): Wang Li")),
    ("Principal Investigator Emeritus: Wang Li", _official("Principal Investigator Emeritus: Wang Li")),
    # (or whose role its words end at a date the source's as-of date, 2025-08-17, does not show it held to)
    ("Principal Investigator: Wang Li (PI until 2023)", OFFICIAL),
    ("Principal Investigator: Wang Li (until 2023)", OFFICIAL),
    ("Principal Investigator: Wang Li, PI until March 2024", OFFICIAL),
    ("Principal Investigator: Wang Li (PI 2019-2023)", OFFICIAL),
    ("Principal Investigator: Wang Li (served as PI from 2019 to 2023)", OFFICIAL),
    ("Principal Investigator: Wang Li, who served as PI until 2023", OFFICIAL),
    ("Principal Investigator: Wang Li - term ended in 2024", OFFICIAL),
    ("Principal Investigator: Wang Li (PI until March 31, 2024)", OFFICIAL),
    ("Principal Investigator: Wang Li (PI until the end of 2024)", OFFICIAL),
    ("Principal Investigator: Wang Li (PI until August 2025)", OFFICIAL),
    ("Principal Investigator (until 2023): Wang Li", _official("Principal Investigator (until 2023): Wang Li")),
    ("Sponsor: Acme Bio (sponsor until March 2024)", SPONSOR),
    ("Sponsor: Acme Bio (2019-2023)", SPONSOR),
    ("Sponsor until March 2024: Acme Bio", SPONSOR),
    # (or whose words say so otherwise: stood down, relinquished, departed, succeeded by another, left at
    # a time; a former role over a time; one word of it alone in a later clause or a parenthesis)
    ("Principal Investigator: Wang Li (stood down)", OFFICIAL),
    ("Principal Investigator: Wang Li (relinquished the role)", OFFICIAL),
    ("Principal Investigator: Wang Li (departed)", OFFICIAL),
    ("Principal Investigator: Wang Li (moved on)", OFFICIAL),
    ("Principal Investigator: Wang Li (left in 2024)", OFFICIAL),
    ("Principal Investigator: Wang Li (succeeded by Zhang Wei)", OFFICIAL),
    ("Principal Investigator: Wang Li, succeeded by Zhang Wei in 2024", OFFICIAL),
    ("Principal Investigator: Wang Li (ex PI)", OFFICIAL),
    ("Principal Investigator: Wang Li (PI emerita)", OFFICIAL),
    ("Principal Investigator: Wang Li (former PI until 2023)", OFFICIAL),
    ("Principal Investigator: Wang Li (PI, former)", OFFICIAL),
    ("Principal Investigator: Wang Li (MD, past)", OFFICIAL),
    ("Sponsor: Acme Bio (ceased to be sponsor)", SPONSOR),
    ("Sponsor: Acme Bio (succeeded by Beta Corp)", SPONSOR),
    ("Sponsor: Acme Bio (past)", SPONSOR),
    # (or whose next sentence says so, of it by a pronoun or its role)
    ("Sponsor: Acme Bio. It withdrew from the study in 2024.", SPONSOR),
    ("Sponsor: Acme Bio. The sponsor was replaced by Beta Corp.", SPONSOR),
    ("Sponsor: Acme Bio. It is no longer the sponsor.", SPONSOR),
    # (an official's words past the sentence naming them, which their passage ends at)
    ("Principal Investigator: Wang Li (MD, PhD; now retired)", OFFICIAL),
    ("Principal Investigator: Wang Li (MD, PhD; stepped down)", OFFICIAL),
    ("Principal Investigator: Wang Li (PI until 2023; now Zhang Wei)", OFFICIAL),
    ("Principal Investigator: Wang Li. She has since stepped down.", OFFICIAL),
    ("Principal Investigator: Wang Li. He is no longer the PI.", OFFICIAL),
    ("Principal Investigator: Wang Li, MD. She left the study in 2024.", OFFICIAL),
    # (in running words: the ended role right before the name, with its article after it, or the name's
    # predicate saying so)
    ("The former principal investigator, Wang Li, said the study enrolled well.", NAMED),
    ("Former principal investigator Dr. Wang Li said the study enrolled well.", NAMED),
    ("Wang Li, the former principal investigator, said the study enrolled well.", NAMED),
    ("The study is led by Wang Li, who previously served as principal investigator.", NAMED),
    ("Wang Li was the principal investigator until 2023.", NAMED),
    ("Wang Li served as principal investigator until 2023.", NAMED),
    ("Wang Li was formerly the principal investigator.", NAMED),
    ("Wang Li is the former principal investigator.", NAMED),
    ("Wang Li stepped down as principal investigator in 2024.", NAMED),
    ("Wang Li resigned as principal investigator.", NAMED),
    ("The former sponsor, Acme Bio, said the study enrolled well.", SPONSOR),
    ("Acme Bio withdrew as sponsor in 2024.", SPONSOR),
    ("Acme Bio was the sponsor until 2023.", SPONSOR),
    # (a term its words say is over, with no date; a range of years; an interim role's end)
    ("Principal Investigator: Wang Li (PI; term expired)", OFFICIAL),
    ("Principal Investigator: Wang Li - role ended", OFFICIAL),
    ("Sponsor: Acme Bio (sponsorship ended)", SPONSOR),
    ("Principal Investigator: Wang Li (PI 2019 to 2023)", OFFICIAL),
    ("Principal Investigator: Wang Li (interim PI until 2023)", OFFICIAL),
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
        # (a former post of another kind, or another study's role; an interim or acting one, who holds
        # the role now; "Professor Emeritus", a title of rank; one who retired from another post)
        ("Principal Investigator: Wang Li (former head of rheumatology)", OFFICIAL),
        ("Principal Investigator: Wang Li, former head of rheumatology", OFFICIAL),
        ("Principal Investigator: Wang Li (former PI of the pilot study)", OFFICIAL),
        ("Principal Investigator: Wang Li (PI)", OFFICIAL),
        ("Principal Investigator: Wang Li (interim)", OFFICIAL),
        ("Principal Investigator: Wang Li (acting PI)", OFFICIAL),
        ("Principal Investigator: Wang Li, Professor Emeritus", OFFICIAL),
        (
            "Principal Investigator: Professor Emeritus Wang Li",
            _official("Principal Investigator: Professor Emeritus Wang Li"),
        ),
        ("Principal Investigator: Wang Li (emeritus)", OFFICIAL),
        ("Principal Investigator: Wang Li (retired from Ruijin Hospital)", OFFICIAL),
        ("Principal Investigator: Wang Li (formerly at Ruijin Hospital)", OFFICIAL),
        ("Sponsor: Acme Bio (interim sponsor)", SPONSOR),
        ("Sponsor: Acme Bio (former collaborator of Beta Corp)", SPONSOR),
        # (a label of one who holds the role now, or of another thing past)
        ("Interim sponsor: Acme Bio", SPONSOR),
        ("Sponsor (interim): Acme Bio", SPONSOR),
        ("Ex officio sponsor: Acme Bio", SPONSOR),
        ("Acting Principal Investigator: Wang Li", _official("Acting Principal Investigator: Wang Li")),
        ("Principal Investigator (acting): Wang Li", _official("Principal Investigator (acting): Wang Li")),
        ("Past studies: none. Sponsor: Acme Bio", SPONSOR),
        ("Former sponsors: Beta Corp. Sponsor: Acme Bio", SPONSOR),
        # (a role its words end at a date after the source's as-of date, or only start; an end that is
        # none; another role's end, or another thing's)
        ("Principal Investigator: Wang Li (PI until 2026)", OFFICIAL),
        ("Principal Investigator: Wang Li (PI until September 2025)", OFFICIAL),
        ("Principal Investigator: Wang Li (PI 2019-2026)", OFFICIAL),
        ("Principal Investigator: Wang Li (PI since 2023)", OFFICIAL),
        ("Principal Investigator: Wang Li (2019-present)", OFFICIAL),
        ("Principal Investigator: Wang Li (until further notice)", OFFICIAL),
        ("Principal Investigator: Wang Li (Study Director until 2023)", OFFICIAL),
        ("Principal Investigator (until 2026): Wang Li", _official("Principal Investigator (until 2026): Wang Li")),
        ("Sponsor until March 2026: Acme Bio", SPONSOR),
        ("Sponsor: Acme Bio (funding through 2023)", SPONSOR),
        # (one that succeeded another, left or departed another post, or was left in charge; "(left)"
        # placing a person in a photograph; an ex officio one; a former name after another clause)
        ("Principal Investigator: Wang Li (succeeded Zhang Wei in 2024)", OFFICIAL),
        ("Principal Investigator: Wang Li (departed from Ruijin Hospital)", OFFICIAL),
        ("Principal Investigator: Wang Li (left in charge of the study)", OFFICIAL),
        ("Principal Investigator: Wang Li (left)", OFFICIAL),
        ("Principal Investigator: Wang Li (ex officio)", OFFICIAL),
        ("Principal Investigator: Wang Li (emerita)", OFFICIAL),
        ("Principal Investigator: Wang Li (MD, former Study Director)", OFFICIAL),
        ("Sponsor: Acme Bio (succeeded Beta Corp)", SPONSOR),
        ("Sponsor: Acme Bio (Inc., formerly Beta)", SPONSOR),
        # (a next sentence of another thing the party did)
        ("Sponsor: Acme Bio. The sponsor withdrew the study.", SPONSOR),
        ("Sponsor: Acme Bio. It withdrew its application.", SPONSOR),
        ("Sponsor: Acme Bio. It was founded in 2010.", SPONSOR),
        ("Principal Investigator: Wang Li (MD, PhD; Ruijin Hospital)", OFFICIAL),
        ("Principal Investigator: Wang Li. She leads the study.", OFFICIAL),
        ("Principal Investigator: Wang Li. He retired from Ruijin Hospital in 2023.", OFFICIAL),
        ("Principal Investigator: Wang Li. The sponsor withdrew from the study in 2024.", OFFICIAL),
        ("Principal Investigator: Wang Li; Study Director: Zhang Wei (former)", OFFICIAL),
        # (running words of a role held, of a role over another study, of another post left or held)
        ("The study's principal investigator is Wang Li.", NAMED),
        ("The principal investigator, Wang Li, said the study enrolled well.", NAMED),
        ("Wang Li is the principal investigator until 2026.", NAMED),
        ("Wang Li has been the principal investigator since 2023.", NAMED),
        ("Wang Li was the principal investigator of the pilot study.", NAMED),
        ("Wang Li withdrew the patient from the study as principal investigator.", NAMED),
        ("Wang Li, the principal investigator, left Ruijin Hospital in 2023.", NAMED),
        ("Wang Li, formerly head of rheumatology, is the principal investigator.", NAMED),
        ("Wang Li retired from Ruijin Hospital in 2023 and leads the study as principal investigator.", NAMED),
        ("Acme Bio withdrew the study in 2024. Sponsor: Acme Bio", SPONSOR),
        ("Sponsor: Acme Bio. Ex-sponsor Beta Corp.", SPONSOR),
        ("Principal Investigator: Wang Li (term ends in 2027)", OFFICIAL),
        ("Principal Investigator: Wang Li (interim PI until 2026)", OFFICIAL),
        ("Principal Investigator: Wang Li (PI 2019 to present)", OFFICIAL),
        ("Principal Investigator: Wang Li (appointment ended his role as Study Director)", OFFICIAL),
        # (a successor the line names, in the role now)
        (
            "Principal Investigator: Wang Li, replaced by Zhang Wei",
            _official("Principal Investigator: Wang Li, replaced by Zhang Wei", "Zhang Wei"),
        ),
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
    assert retracted.taken_back(name, at, at + len("Wang Li"), entry=True, party=retracted.party())


def test_a_former_role_takes_back_the_party_that_held_it_only() -> None:
    """A former study director's words end a study director's role, and leave a principal investigator one:
    the record's role names the words read (evidence._party_role)."""
    text = "Principal Investigator: Wang Li (former Study Director)"
    at = text.index("Wang Li")
    for role, back in (("PRINCIPAL_INVESTIGATOR", False), ("STUDY_DIRECTOR", True)):
        got = retracted.taken_back(text, at, at + 7, entry=True, party=retracted.party(retracted.PARTY_ROLES[role]))
        assert got is back, role
    assert retracted.taken_back(text, at, at + 7, entry=True, party=retracted.party()), (
        "of no role given, any official's"
    )


def test_a_role_ended_at_a_date_binds_only_where_the_as_of_date_shows_it_held() -> None:
    text = "Principal Investigator: Wang Li (PI until 2026)"
    at = text.index("Wang Li")
    assert retracted.taken_back(text, at, at + 7, entry=True, party=retracted.party()), (
        "no as-of date: an end stated is an end"
    )
    assert not retracted.taken_back(
        text, at, at + 7, entry=True, party=retracted.party(), held=lambda end: end == "2026"
    )
    label = "Sponsor until March 2026: Acme Bio"
    at = label.index("Acme")
    assert retracted.taken_back(label, at, at + 8, entry=True, party=retracted.party())
    assert not retracted.taken_back(
        label, at, at + 8, entry=True, party=retracted.party(), held=lambda end: end == "March 2026"
    )
    held = date_mentions.held_before("2025-08-17")
    assert [held(end) for end in ("2026", "September 2025", "2025-09-01", "August 2025", "2025", "2024-12-31")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert date_mentions.held_before("2025")("2026-01") and not date_mentions.held_before("2025")("2025-12")
    assert not date_mentions.held_before("")("2030"), "no as-of date shows nothing held"


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("Principal Investigator: Wang Li. She has since stepped down.", True),
        ("Principal Investigator: Wang Li. He retired in 2024.", True),
        ("Principal Investigator: Wang Li. The PI retired in 2024.", True),
        ("Principal Investigator: Wang Li. He is no longer the PI.", True),
        ("Principal Investigator: Wang Li. He was replaced by Zhang Wei.", True),
        ("Principal Investigator: Wang Li, MD. She left the study in 2024.", True),
        # (another thing done, another post left, another party's leaving; a person named, who may be another)
        ("Principal Investigator: Wang Li. She withdrew consent forms.", False),
        ("Principal Investigator: Wang Li. He retired from Ruijin Hospital in 2023.", False),
        ("Principal Investigator: Wang Li. She left the lab.", False),
        ("Principal Investigator: Wang Li. The sponsor withdrew from the study in 2024.", False),
        ("Principal Investigator: Wang Li. The study director resigned in 2024.", False),
        ("Principal Investigator: Wang Li. Dr. Zhang retired in 2024.", False),
    ],
)
def test_a_next_sentence_takes_back_the_party_it_says_left(text: str, back: bool) -> None:
    at = text.index("Wang Li")
    role = retracted.PARTY_ROLES["PRINCIPAL_INVESTIGATOR"]
    assert retracted.taken_back(text, at, at + 7, entry=True, party=retracted.party(role)) is back


def _named(field: str, name: str, quote: str) -> str:
    """A sponsor's, an official's (its role quoted from quote) or a site's city whose text is name."""
    if field == "sponsor.name":
        return f"sponsor:\n  name: {json.dumps(name)}\n"
    if field == "locations.0.city":
        return f"locations:\n  - city: {json.dumps(name)}\n"
    return (
        f"officials:\n  - name: {json.dumps(name)}\n    role: PRINCIPAL_INVESTIGATOR\nevidence:\n"
        f"  officials.0.name: {json.dumps(name)}\n  officials.0.role: {json.dumps(quote)}\n"
    )


@pytest.mark.parametrize(
    ("line", "field", "name"),
    [
        ("Sponsor: Acme Bio (withdrawn)", "sponsor.name", "Acme Bio (withdrawn)"),
        ("Sponsor: Acme Bio (former sponsor)", "sponsor.name", "Acme Bio (former sponsor)"),
        ("Sponsor: Acme Bio (proposed)", "sponsor.name", "Acme Bio (proposed)"),
        ("Sponsor: Acme Bio, formerly the sponsor", "sponsor.name", "Acme Bio, formerly the sponsor"),
        ("Principal Investigator: Wang Li (former PI)", "officials.0.name", "Wang Li (former PI)"),
        ("Principal Investigator: Wang Li, former PI", "officials.0.name", "Wang Li, former PI"),
        ("Principal Investigator: Wang Li (retired)", "officials.0.name", "Wang Li (retired)"),
        ("Principal Investigator: Wang Li (PI until 2023)", "officials.0.name", "Wang Li (PI until 2023)"),
        ("Location: Shanghai (closed), China", "locations.0.city", "Shanghai (closed)"),
        ("Location: Shanghai (withdrawn), China", "locations.0.city", "Shanghai (withdrawn)"),
    ],
)
def test_a_party_or_site_copied_with_the_words_that_take_it_back_is_none(
    trials: Trials, line: str, field: str, name: str
) -> None:
    """An entry's text that holds the words taking it back bound: the words after it took nothing back, and
    those inside it were read as its own (retracted.taken_back reads them at each of its inner breaks)."""
    assert TAKEN_BACK.format(field) in im19_out(trials, line, _named(field, name, line))


@pytest.mark.parametrize(
    ("line", "field", "name"),
    [
        ("Sponsor: Acme Bio (formerly Beta Corp.)", "sponsor.name", "Acme Bio (formerly Beta Corp.)"),
        ("Sponsor: Acme Bio (China) Co., Ltd.", "sponsor.name", "Acme Bio (China) Co., Ltd."),
        ("Sponsor: Acme Bio, Inc.", "sponsor.name", "Acme Bio, Inc."),
        ("Principal Investigator: Wang Li, MD, PhD", "officials.0.name", "Wang Li, MD, PhD"),
        ("Principal Investigator: Wang Li (PI until 2026)", "officials.0.name", "Wang Li (PI until 2026)"),
    ],
)
def test_a_party_whose_own_words_take_nothing_back_still_binds(
    trials: Trials, line: str, field: str, name: str
) -> None:
    assert im19_out(trials, line, _named(field, name, line)) == ""
