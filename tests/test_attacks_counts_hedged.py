"""A count its source's words leave open: on a condition, undecided, or superseded by a later count.

"Enrollment: 60 patients (if funding allows)", "Enrollment: 60 patients, to be confirmed" and
"Enrollment: 60 patients originally planned; 20 enrolled" each bound an enrollment of 60: a count's plan
is its estimate ("Enrollment: 60 (Anticipated)"), which retracted.taken_back leaves standing, and it read
no condition around a count ("subject to funding", "depending on the interim analysis", "If funding
allows, ..."), the words of a value yet to be settled after a comma or a semicolon only as "TBD", no
old plan after the count ("originally planned", "(initially expected)", "(later reduced)"), and no new
count its statement gives after it ("; revised enrollment: 20"). retracted.count_left_open reads them
now (with planned.CONDITIONS, the list a phase is read by too, and retracted's undecided words), and
lexicon reads a plan its statement gives the count enrolled against ("60 planned, 20 enrolled", "planned
to enroll 60 patients but enrolled 20"). A participant's condition ("if eligible", "provided they give
informed consent"), an "if" that asks ("to determine if"), a power's assumptions, a plan kept ("as
originally planned") and a count enrolled so far ("20 enrolled so far") leave the count standing.
"""

from __future__ import annotations

import pytest
from conftest import Trials, enrollment_fields, im19_out

LEFT_OPEN = [
    # on a condition, after it in its clause or before it
    "Enrollment: 60 patients (if funding allows).",
    "Enrollment: 60 patients if funding allows.",
    "60 patients will be enrolled over 2 years if funding allows.",
    "If funding allows, 60 patients will be enrolled.",
    "Enrollment (if funding allows): 60 patients.",
    "Enrollment: 60 patients, subject to funding.",
    "Subject to funding, the study will enroll 60 patients.",
    "Enrollment: 60 patients, depending on the interim analysis.",
    "Depending on the interim analysis, up to 60 patients will be enrolled.",
    "Enrollment: 60 patients [contingent upon funding].",
    "Enrollment: 60 patients provided funding is secured.",
    "Enrollment: 60 patients unless the sponsor decides otherwise.",
    "Enrollment: 60 patients, should funding allow.",
    "Enrollment: 60 patients, funding permitting.",
    "Enrollment: 60 patients (in the event that Part A succeeds).",
    "Enrollment: 60 patients pending ethics approval.",
    "Enrollment: 60 patients pending funding.",
    "Pending ethics approval, 60 patients will be enrolled.",
    "60 patients will be enrolled in the study if funding allows.",
    "Enrollment: 60 patients (or 80 if funding allows).",
    "Enrollment: 60 patients, which is contingent on funding.",
    "Enrollment: 60 patients, but only if funding is renewed.",
    "Enrollment: 60 patients (conditional).",
    "Conditional enrollment: 60 patients.",
    # ... more added on a condition, or fewer
    "Enrollment: 60 patients, with 20 more if funding allows.",
    "Enrollment: 60 patients with 20 additional in an extension.",
    "Enrollment: 60 patients, or fewer if recruitment is slow.",
    # ... a precondition still to be met
    "Enrollment: 60 patients (once funding is secured).",
    "Once the amendment has been approved, 60 patients will be enrolled.",
    "Enrollment: 60 patients, once the IRB approves.",
    "Enrollment: 60 patients (as soon as funding is secured).",
    "Enrollment: 60 patients, once the grant is awarded.",
    "Enrollment: 60 patients, once we secure funding.",
    "Enrollment: 60 patients, once funding comes through.",
    "Enrollment: 60 patients, once funded.",
    # ... more or fewer, reworded
    "Enrollment: 60 patients, with another 20 if funding allows.",
    "Enrollment: 60 patients, with an extra 20 later.",
    "Enrollment: 60 patients, with up to 20 more.",
    "Enrollment: 60 patients, possibly fewer.",
    "Enrollment: 60 patients (or fewer).",
    "Enrollment: 60 patients, though maybe fewer.",
    # undecided or hedged, after it or in the next sentence
    "Enrollment: 60 patients, to be confirmed.",
    "Enrollment: 60 patients; to be determined.",
    "Enrollment: 60 patients, not yet decided.",
    "Enrollment: 60 patients, yet to be confirmed.",
    "Enrollment: 60 patients (number TBC).",
    "Enrollment: 60 patients (final number to be determined).",
    "Enrollment: 60 patients (under review).",
    "Enrollment: 60 patients, possibly.",
    "Enrollment: 60 patients; the final number will depend on the interim analysis.",
    "Enrollment: 60 patients. This number is yet to be confirmed.",
    "Enrollment: 60 patients. The final number has not yet been decided.",
    # an old plan, or a plan its statement gives the count enrolled against
    "Enrollment: 60 patients originally planned; 20 enrolled.",
    "Enrollment: 60 patients (initially expected), 20 enrolled.",
    "60 patients were originally planned, but only 20 were enrolled.",
    "Enrollment: 60 patients originally; now 20.",
    "The original target of 60 patients was not met.",
    "The study originally planned to enroll 60 patients.",
    "Enrollment: 60 patients planned, 20 enrolled.",
    "Enrollment: 60 patients planned; 20 actually enrolled.",
    "60 patients were expected, but only 20 were enrolled.",
    "Enrollment: 60 patients expected; actual enrollment: 20.",
    "The study planned to enroll 60 patients but enrolled 20.",
    "Planned enrollment: 60 patients; actual: 20 patients.",
    "Enrollment: 60 patients (Anticipated); 20 enrolled.",
    "Initially, 60 patients were planned; 20 were enrolled.",
    "Enrollment: 60 patients (initial estimate).",
    "Enrollment: 60 patients (original target).",
    # ... or a count changed since, or its statement gives a new one after
    "Enrollment: 60 patients (later reduced).",
    "Enrollment: 60 patients, since revised.",
    "Enrollment: 60 patients; revised enrollment: 20 patients.",
    "Enrollment: 60 patients; actual enrollment: 20 patients.",
]


@pytest.mark.parametrize("line", LEFT_OPEN)
def test_a_count_left_open_is_no_enrollment(trials: Trials, line: str) -> None:
    assert "E508 enrollment.count: 60 is not the number of participants" in im19_out(
        trials, line, enrollment_fields(60, "60 patients")
    )


STANDING = [
    # an estimate, a target
    "Enrollment: 60 patients (Anticipated).",
    "Approximately 60 patients will be enrolled.",
    "Planned enrollment: 60 patients.",
    "Up to 60 patients will be enrolled.",
    "Enrollment: 60 patients (provisional).",
    "60 patients are planned to be enrolled and treated.",
    # a participant's condition, an "if" that asks, a power's assumptions, another clause's condition
    "Enrollment: 60 patients if eligible.",
    "60 patients will be enrolled if they meet all criteria.",
    "Enrollment: 60 patients, provided they give informed consent.",
    "Enrollment: 60 patients (subject to informed consent).",
    "Enrollment: 60 patients, depending on eligibility.",
    "60 patients with SLE will be enrolled unless contraindicated.",
    "60 patients who will be retreated if relapse occurs.",
    "60 patients will be enrolled to determine if CAR-T is safe.",
    "To determine if IM19 is safe, 60 patients will be enrolled.",
    "Enrollment: 60 patients, unless otherwise specified.",
    "Enrollment: 60 patients, allowing for a 10% dropout rate.",
    "A sample size of 60 patients provides 80% power, assuming a response rate of 30%.",
    "60 patients give 80% power if the true response rate is 30%.",
    "Enrollment: 60 patients; cyclophosphamide will be given if needed.",
    "Enrollment: 60 patients, dosed once daily.",
    "Enrollment: 60 patients with 2 prior therapies or more.",
    "Enrollment: 60 patients with lupus nephritis, 18 years or older.",
    "Once patients are enrolled, 60 patients will receive IM19.",
    "Enrollment: 60 patients, once eligibility is confirmed.",
    "Enrollment: 60 patients, once informed consent is obtained.",
    "Once informed consent is signed, 60 patients will be enrolled.",
    "Enrollment: 60 patients, infused once the product has been released.",
    # a plan kept, a value's old one named, another value undecided, a count enrolled so far
    "Enrollment: 60 patients, as originally planned.",
    "Enrollment: 60 patients (originally 80).",
    "Enrollment: 60 patients (revised).",
    "Enrollment: 60 patients; final number of sites: 5.",
    "Enrollment: 60 patients. This number is final.",
    "Enrollment: 60 patients. The start date is to be confirmed.",
    "Enrollment: 60 patients planned; 20 enrolled so far.",
    "The study plans to enroll 60 patients; 20 have been enrolled to date.",
]


@pytest.mark.parametrize("line", STANDING)
def test_a_count_its_words_leave_standing_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(60, "60 patients")) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Enrollment: 60 patients planned, 20 patients enrolled.",
        "The study planned to enroll 60 patients but enrolled 20 patients.",
    ],
)
def test_the_count_enrolled_against_a_plan_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(20, "20 patients")) == ""


def test_a_count_beside_some_of_them_waiting_binds(trials: Trials) -> None:
    line = "Enrollment: 12 patients, 3 awaiting infusion."
    assert im19_out(trials, line, enrollment_fields(12, "12 patients")) == ""


@pytest.mark.parametrize(
    "line",
    [
        # (was a strict xfail: head_counts._ENROLLED_NEXT reads the next sentence's count enrolled now)
        "Planned enrollment: 60 patients. 20 patients were enrolled.",
    ],
)
def test_a_count_left_open_further_off_is_no_enrollment(trials: Trials, line: str) -> None:
    assert "E508" in im19_out(trials, line, enrollment_fields(60, "60 patients"))
