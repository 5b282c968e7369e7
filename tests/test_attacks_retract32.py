"""Attacks of the retract32 hunt: a value its source takes back in words of its own, or says is not in force.

The deny32 reading (reading/retracted.py) read a value taken back by the words right around it as
their first words: "(withdrawn)", ": not applicable", ", cancelled". A source that said so in a
sentence of its own still gave the value: "Enrollment: 60 participants (this figure was withdrawn)",
"... — withdrawn by the sponsor", "... (old)", "... (no longer valid)", and the next sentence "This
figure has since been withdrawn." each bound an enrollment of 60; "Location: Shanghai, China
(withdrawn)" a site in Shanghai, the words after the entry's last part; and a status its words say
only may be, or is lifted ("Suspended enrollment will resume in 2026 if needed", "Enrollment May Be
Suspended", "Suspended (resumed in 2025)") bound SUSPENDED.

Honest words stay standing: "Withdrawal criteria: ...", "participants who withdrew consent",
"withdrawn from study drug", "(5 withdrawn)", "the earlier figure was withdrawn", and the status
WITHDRAWN, which words saying it was withdrawn repeat.
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, age_fields, im19_out
from sle_trials.reading import retracted


def _enrollment(quote: str) -> str:
    return f"enrollment:\n  count: 60\nevidence:\n  enrollment: {json.dumps(quote)}\n"


def _status(value: str, quote: str) -> str:
    return f"overall_status: {value}\nevidence:\n  overall_status: {json.dumps(quote)}\n"


def _start(quote: str) -> str:
    return f'dates:\n  start:\n    date: "2024-07-30"\nevidence:\n  dates.start.date: {json.dumps(quote)}\n'


# --- a count ---------------------------------------------------------------------------------------

ENROLLMENT = "Enrollment: 60 participants"
COUNTS_TAKEN_BACK = [
    # in a parenthesis, wherever the words stand in it
    " (this figure was withdrawn)",
    " (the figure has since been retracted)",
    " (it was withdrawn by the sponsor)",
    " (estimated; this number is no longer valid)",
    " (figure superseded)",
    " (since withdrawn)",
    # the words alone in it
    " (old)",
    " (old figure)",
    " (outdated)",
    " (no longer valid)",
    " (not current)",
    " (out of date)",
    # after a dash, a comma or a semicolon, with whom or when
    " — withdrawn by the sponsor",
    " - withdrawn in 2025",
    ", retracted by the sponsor",
    " -- superseded by the amended protocol",
    " - superseded",
    ", outdated",
    ": no longer valid",
    "; this figure has since been withdrawn",
    ", which was later withdrawn",
    # the next sentence, of its line or the next line of its paragraph
    ". This figure has since been withdrawn.",
    ". This was withdrawn by the sponsor.",
    ". It is no longer valid.",
    ". Withdrawn by the sponsor in 2025.",
    "\nThis figure has since been withdrawn.",  # (a plain source's lines are read joined)
    " with lupus. This figure has since been withdrawn.",
]


@pytest.mark.parametrize("after", COUNTS_TAKEN_BACK)
def test_a_count_its_source_takes_back_is_no_enrollment(trials: Trials, after: str) -> None:
    out = im19_out(trials, ENROLLMENT + after, _enrollment(ENROLLMENT))
    assert " E508 enrollment.count: 60 is not the number of participants" in out


COUNTS_STANDING = [
    " (5 withdrawn)",
    " (participants who withdrew consent will be replaced)",
    " (the earlier figure of 80 was withdrawn)",
    " (the earlier figure was withdrawn)",
    " (this figure was updated in 2025)",
    ". Withdrawal criteria: participants who withdraw consent.",
    ". Participants withdrawn from study drug will be followed up.",
    ", withdrawn participants will be replaced",
    ". The study drug was withdrawn in 2 participants.",
    "\nWithdrawn participants: 0",
]


@pytest.mark.parametrize("after", COUNTS_STANDING)
def test_a_count_beside_honest_words_of_withdrawal_still_binds(trials: Trials, after: str) -> None:
    assert im19_out(trials, ENROLLMENT + after, _enrollment(ENROLLMENT)) == ""


# --- an age and a date: the same reading -------------------------------------------------------------

MINIMUM = "Minimum age: 18 years"


@pytest.mark.parametrize(
    "after", [" (this limit was withdrawn)", " - withdrawn by the sponsor", " (outdated)", ". It is no longer valid."]
)
def test_an_age_its_source_takes_back_is_no_bound(trials: Trials, after: str) -> None:
    out = im19_out(trials, MINIMUM + after, age_fields("minimum_age", 18, MINIMUM))
    assert " E508 eligibility.minimum_age: 18 YEARS is not the minimum age" in out


@pytest.mark.parametrize(
    "after", [". Participants withdrawn from study drug are not replaced.", "\nWithdrawal criteria: withdrawn consent"]
)
def test_an_age_beside_honest_words_of_withdrawal_still_binds(trials: Trials, after: str) -> None:
    assert im19_out(trials, MINIMUM + after, age_fields("minimum_age", 18, MINIMUM)) == ""


START = "Start date: 2024-07-30"


@pytest.mark.parametrize("after", [" (this date was withdrawn)", " — superseded by the amended plan", " (old)"])
def test_a_date_its_source_takes_back_is_no_date_of_the_trial(trials: Trials, after: str) -> None:
    assert " E505 dates.start.date: 2024-07-30 is taken back" in im19_out(trials, START + after, _start(START))


# --- the reading itself --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Withdrawal criteria: participants withdrawn from study drug", "Withdrawal criteria"),
        ("Enrollment: 60 participants (which replaced the 2019 protocol's 80)", "60 participants"),
        ("Sponsor: Acme Biotech (it was withdrawn from the market in 2019)", "Acme Biotech"),
        ("Enrollment: 60 participants. The start date was withdrawn.", "60 participants"),
        ("Enrollment: 60 participants. Start date: 2025. This date was withdrawn.", "60 participants"),
        ("Enrollment: 60 participants (sites withdrawn: 2)", "60 participants"),
        ("Location: Beijing (old campus)", "Beijing"),
        ("Enrollment: 60 participants. Those withdrawn from the study were replaced.", "60 participants"),
        ("Enrollment: 60 participants. It was removed from the study drug supply.", "60 participants"),
    ],
)
def test_words_of_withdrawal_that_do_not_take_a_value_back(text: str, value: str) -> None:
    start = text.index(value)
    assert not retracted.taken_back(text, start, start + len(value))


# --- a verbatim text: a site's city, an entry's part ------------------------------------------------

SHANGHAI = "locations:\n  - city: Shanghai\n"


@pytest.mark.parametrize(
    ("line", "fields", "field"),
    [
        ("Location: Shanghai, China (withdrawn)", SHANGHAI, "locations.0.city"),
        ("Location: Shanghai, China - withdrawn", SHANGHAI, "locations.0.city"),
        ("Location: Shanghai, 200025, China (old)", SHANGHAI, "locations.0.city"),
        ("Location: Shanghai, China. This site was withdrawn.", SHANGHAI, "locations.0.city"),
        ("Location: Shanghai (this site was withdrawn)", SHANGHAI, "locations.0.city"),
        ("Withdrawn sites: Shanghai", SHANGHAI, "locations.0.city"),
        (
            "Location: Ruijin Hospital, Shanghai, China (withdrawn)",
            "locations:\n  - facility: Ruijin Hospital\n",
            "locations.0.facility",
        ),
        ("Sponsor: Acme Biotech, Inc. (withdrawn)", "sponsor:\n  name: Acme Biotech\n", "sponsor.name"),
        ("Condition: Lupus Nephritis (no longer valid)", "conditions:\n  - Lupus Nephritis\n", "conditions.0"),
        # taken out of the record ("removed from" alone names participants taken out of the study)
        (
            "Condition: Lupus Nephritis. This condition was removed from the protocol.",
            "conditions:\n  - Lupus Nephritis\n",
            "conditions.0",
        ),
        ("Location: Shanghai, China. This site has been dropped from the study listing.", SHANGHAI, "locations.0.city"),
    ],
)
def test_a_verbatim_text_its_source_takes_back_is_none_of_the_trials(
    trials: Trials, line: str, fields: str, field: str
) -> None:
    assert f" E501 {field}: the text stands in its source only where the words right around it take it back" in (
        im19_out(trials, line, fields)
    )


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Location: Shanghai, China", SHANGHAI),
        ("Location: Shanghai, China (recruiting)", SHANGHAI),
        ("Locations: Shanghai, China; Beijing, China (withdrawn)", SHANGHAI),
        ("Location: Shanghai, China. Participants who withdrew consent were replaced.", SHANGHAI),
        # a list of conditions is no entry: the words after the last take back the last only
        ("Conditions: Lupus Nephritis, SLE (withdrawn)", "conditions:\n  - Lupus Nephritis\n"),
    ],
)
def test_a_verbatim_text_beside_honest_words_still_stands(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


def test_an_entry_part_is_read_past_only_in_an_entry() -> None:
    text = "Shanghai, China (withdrawn)"
    assert retracted.taken_back(text, 0, len("Shanghai"), entry=True)
    assert not retracted.taken_back(text, 0, len("Shanghai"))


# --- a status ------------------------------------------------------------------------------------------

NOT_SUSPENDED = [
    ("Suspended enrollment will resume in 2026 if needed", "Suspended"),
    ("Suspended enrollment resumed in 2025", "Suspended"),
    ("Status: Suspended (resumed in 2025)", "Suspended"),
    ("Status: Suspended, since lifted", "Suspended"),
    ("Status: Suspended (enrollment resumed)", "Suspended"),
    ("Status: Suspended; enrollment resumed in March 2025", "Suspended"),
    ("Status: Suspended. The suspension was lifted in 2025.", "Suspended"),
    ("Status: Suspended. Enrollment has since resumed.", "Suspended"),
    ("Status: Suspended (the hold was lifted)", "Suspended"),
    ("Status: Suspended if needed", "Suspended"),
    ("Status: Suspended (if safety signals arise)", "Suspended"),
    ("Enrollment may be Suspended", "Suspended"),
    ("Enrollment May Be Suspended if needed", "Suspended"),
    ("Enrollment could be Suspended if safety signals arise", "Suspended"),
    ("Status: to be Suspended", "Suspended"),
    ("Status: Suspended (this status is no longer valid)", "Suspended"),
    ("Status: Suspended - withdrawn by the sponsor", "Suspended"),
    # (in lower case, no rendering: refused before too)
    ("Status: enrollment may be suspended", "suspended"),
]


@pytest.mark.parametrize(("line", "quote"), NOT_SUSPENDED)
def test_a_pause_its_words_say_only_may_be_or_is_lifted_renders_none(trials: Trials, line: str, quote: str) -> None:
    out = im19_out(trials, line, _status("SUSPENDED", quote))
    assert " E507 overall_status: SUSPENDED is not what the quote states" in out


@pytest.mark.parametrize(
    ("line", "value", "quote"),
    [
        ("Status: Suspended", "SUSPENDED", "Suspended"),
        ("Status: Suspended until the DSMB review", "SUSPENDED", "Suspended"),
        ("Status: Suspended until enrollment resumes", "SUSPENDED", "Suspended"),
        ("The trial was Suspended in 2024.", "SUSPENDED", "Suspended"),
        ("Status: Suspended. Enrollment is expected to resume in 2026.", "SUSPENDED", "Suspended"),
        ("Status: Withdrawn", "WITHDRAWN", "Withdrawn"),
        ("Status: Withdrawn. It was withdrawn by the sponsor before enrollment.", "WITHDRAWN", "Withdrawn"),
        ("Status: Withdrawn (study withdrawn by the sponsor)", "WITHDRAWN", "Withdrawn"),
        ("Status: Withdrawn - withdrawn by the sponsor", "WITHDRAWN", "Withdrawn"),
        ("Status: Recruiting (if you are interested, contact the site)", "RECRUITING", "Recruiting"),
    ],
)
def test_a_status_stated_still_binds(trials: Trials, line: str, value: str, quote: str) -> None:
    assert im19_out(trials, line, _status(value, quote)) == ""


# --- a stopped status's reason, a pause's review: honest words the not-yet reading refused -----------


@pytest.mark.parametrize(
    ("line", "value", "quote"),
    [
        ("Status: Terminated due to slow accrual", "TERMINATED", "Terminated"),
        ("Status: Suspended due to a safety review", "SUSPENDED", "Suspended"),
        ("Status: Suspended pending DSMB review", "SUSPENDED", "Suspended"),
        ("Status: Suspended (pending review)", "SUSPENDED", "Suspended"),
    ],
)
def test_a_status_with_its_reason_or_review_still_binds(trials: Trials, line: str, value: str, quote: str) -> None:
    assert im19_out(trials, line, _status(value, quote)) == ""


@pytest.mark.parametrize(
    "line", ["Recruiting due to start in 2026", "Recruiting due in 2026", "Recruiting pending approval"]
)
def test_a_status_due_or_pending_is_still_not_yet(trials: Trials, line: str) -> None:
    out = im19_out(trials, line, _status("RECRUITING", "Recruiting"))
    assert " E507 overall_status: RECRUITING is not what the quote states" in out


# --- an open status whose next clause closes or pauses what it opens ---------------------------------

# "Recruiting; recruitment paused" bound RECRUITING: the not-yet reading looked past no semicolon, and
# one past every semicolon refuses "Recruiting; planned enrollment 60". The clause after an open status
# (recruiting, enrolling, available) naming its own enrolment paused or closed says it is not open now.


@pytest.mark.parametrize(
    "line",
    [
        "Status: Recruiting; recruitment paused",
        "Status: Recruiting; enrollment is currently on hold",
        "Status: Recruiting, enrolment has been suspended",
        "Status: Recruiting; the study is temporarily halted",
        "Status: Recruiting; recruitment closed in 2025",
    ],
)
def test_an_open_status_its_next_clause_closes_renders_none(trials: Trials, line: str) -> None:
    out = im19_out(trials, line, _status("RECRUITING", "Recruiting"))
    assert " E507 overall_status: RECRUITING is not what the quote states" in out


@pytest.mark.parametrize(
    ("line", "value", "quote"),
    [
        ("Status: Recruiting; planned enrollment 60", "RECRUITING", "Recruiting"),
        ("Status: Recruiting; recruitment is open at 3 sites", "RECRUITING", "Recruiting"),
        ("Status: Suspended; recruitment paused", "SUSPENDED", "Suspended"),
        ("Status: Completed; enrollment closed in 2024", "COMPLETED", "Completed"),
        ("Status: Active, not recruiting; enrollment closed", "ACTIVE_NOT_RECRUITING", "Active, not recruiting"),
    ],
)
def test_a_status_its_next_clause_agrees_with_still_binds(trials: Trials, line: str, value: str, quote: str) -> None:
    assert im19_out(trials, line, _status(value, quote)) == ""
