"""A hostile mutation hunt on `trials check` (helper-40's, after hunt 200 and review 205).

Wrong values a curator could put in a record that `trials validate` accepted, each made by hand on IM19's draft
citing a plain document (conftest.im19_out) or on a curated record's notes (mutations.Checks), and the honest
neighbour of each.

Found and fixed:

- a tally of those enrolled "now" or "since" a day given as the enrollment: "IM19 plans to enrol 30 patients.
  Twelve patients have now been enrolled." bound an enrollment of 12, as did "12 patients have been enrolled
  since 2024" and "Since March 2024, 12 patients have been treated" (head_counts._TALLY_WORDS knew "to date",
  "so far", "as of", not "now" or "since"; review 205 left them). E508. A "since" of a reason ("Since 24
  patients were enrolled, enrolment closed") and "Enrollment is now complete" stay the trial's.
- a host of the trial given as the sponsor: "IM19 is hosted by Acme Hospital; the sponsor is Beta Bio" bound the
  sponsor Acme Hospital (prose._A_SITE read "conducted at", "enrolls at", "Site:", not a host). E512.
- an official denied the responsible party in its own sentence: "Wang Li, Principal Investigator, is not the
  responsible party." bound the responsible party PRINCIPAL_INVESTIGATOR (prose._responsible kept every
  sentence naming the responsible party, whatever it said of it). E512.
- a count of parts joined given as the enrollment beside a third part's: "Part A and Part B enrol 24
  participants; Part C enrols 6 participants." bound an enrollment of 24 (review 205 read parts joined as given
  the words together, the trial's where they are all its parts). Parts joined are some of the trial's only
  where the document names another part of their kind by another letter or number
  (kept_out._joined_beside_another). E508.
- an age of another person named by the label before it: "Inclusion: aged 18 to 65 years. Donors: aged 16 years
  or older." bound a minimum age of 16 (age_bounds._of_another_person read the persons of the age's clause only,
  and a label's colon ends one). Where the clause names none, the label before its colon is read. E508.
- an age an earlier protocol gave: "Age 18-65 years (the sponsor's earlier protocol allowed up to 75 years)."
  bound a maximum age of 75 (retracted._BEFORE read "formerly", "previously", "Previous age:", not an earlier
  protocol's, version's or amendment's words in the value's clause). E508. A clause after a comma ("After the
  previous protocol amendment, patients up to 75 years may enrol") stays the trial's.

Left (no test), each passing `trials validate` on IM19's draft citing a plain document of the line:
- a part's status with no mark between: "Part A<TAB>Completed<NEWLINE>Part B<TAB>Recruiting" binds overall_status
  COMPLETED (or RECRUITING) quoted "Completed", as does "Part A Completed. Part B Recruiting.": a source's text is
  read normalised, its tabs and line breaks one space, so no table's cell break is left to read
  (kept_out._PART_NAMED_ENDS reads a colon, a dash, a bar).
- parts named in lower case: "Dose level 1 and dose level 2 enrol 24 participants; dose level 3 enrols 6
  participants." binds an enrollment of 24 (a part is a lead only at a sentence's start or capitalised).
- "IM19 is run by Acme Hospital, sponsored by Beta Bio." binds the sponsor Acme Hospital ("run by" may name the
  sponsor of an investigator's trial: left to review).
- "IM19 planned to enrol 60 patients. Enrollment has now closed; 20 patients were enrolled." binds an enrollment of
  60 (the count enrolled after a semicolon does not supersede the plan; it did not before this hunt either).
- a criteria list numbered again from 1 without a heading, and lettered categories numbered again: not tried.
"""

from __future__ import annotations

import pytest
from conftest import Trials, age_fields, enrollment_fields, im19_out, responsible_party_fields, sponsor_fields

# --- a tally of those enrolled now or since a day -----------------------------------------------------------------

PLAN = "IM19 plans to enrol 30 patients. "

TALLIES = [
    (PLAN + "Twelve patients have now been enrolled.", "Twelve patients"),
    (PLAN + "12 patients have been enrolled since 2024.", "12 patients"),
    (PLAN + "12 patients have been enrolled since the start of the trial.", "12 patients"),
    (PLAN + "Since March 2024, 12 patients have been treated.", "12 patients"),
    ("IM19: 12 patients have now received CAR-T cells.", "12 patients"),
]

# the responsible party the sentences name, quoted for its type
WANG_LI = responsible_party_fields("Wang Li", "PRINCIPAL_INVESTIGATOR", "Wang Li, Principal Investigator")


@pytest.mark.parametrize(("line", "quote"), TALLIES, ids=[line for line, _ in TALLIES])
def test_a_count_enrolled_now_or_since_a_day_is_no_enrollment(trials: Trials, line: str, quote: str) -> None:
    """A tally bound an enrollment of 12 (beside a planned 30): "now" and "since <a day>" were no tally's
    words (head_counts._TALLY_WORDS, E508)."""
    count = 12
    assert "E508" in im19_out(trials, line, enrollment_fields(count, quote))


@pytest.mark.parametrize(
    ("line", "count", "quote"),
    [
        (PLAN + "Twelve patients have now been enrolled.", 30, "30 patients"),
        (PLAN + "12 patients have been enrolled since 2024.", 30, "30 patients"),
        ("Since 24 patients were enrolled, IM19 closed.", 24, "24 patients"),
        ("IM19 enrolled 24 patients. Enrollment is now complete.", 24, "24 patients"),
        ("All 24 patients have now been enrolled and enrollment is complete.", 24, "24 patients"),
    ],
)
def test_the_plan_or_a_final_count_beside_now_or_since_binds(trials: Trials, line: str, count: int, quote: str) -> None:
    assert im19_out(trials, line, enrollment_fields(count, quote)) == ""


def test_a_count_enrolled_beside_an_enrolment_now_closed_binds(trials: Trials) -> None:
    """The "now" of an enrolment closed is no tally's: the count enrolled binds."""
    line = "IM19 planned to enrol 60 patients. Enrollment has now closed; 20 patients were enrolled."
    assert im19_out(trials, line, enrollment_fields(20, "20 patients")) == ""


# --- a host given as the sponsor ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "IM19 is hosted by Acme Hospital; the sponsor is Beta Bio.",
        "IM19 is hosted at Acme Hospital. Sponsor: Beta Bio.",
        "The host institution is Acme Hospital; Beta Bio sponsors IM19.",
    ],
)
def test_a_host_is_no_sponsor(trials: Trials, line: str) -> None:
    assert "E512" in im19_out(trials, line, sponsor_fields("Acme Hospital"))


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("IM19 is hosted by Acme Hospital; the sponsor is Beta Bio.", "Beta Bio"),
        ("IM19 is sponsored by and hosted at Acme Hospital.", "Acme Hospital"),
        ("Hosted by Acme Hospital, IM19 is sponsored by Beta Bio.", "Beta Bio"),
    ],
)
def test_the_sponsor_beside_a_host_binds(trials: Trials, line: str, name: str) -> None:
    assert im19_out(trials, line, sponsor_fields(name)) == ""


# --- a responsible party denied in its own sentence -----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Wang Li, Principal Investigator, is not the responsible party.",
        "Wang Li, Principal Investigator, isn't the responsible party.",
        "Wang Li, Principal Investigator, is no longer the responsible party.",
    ],
)
def test_an_official_denied_the_responsible_party_is_none(trials: Trials, line: str) -> None:
    assert "E512" in im19_out(trials, line, WANG_LI)


@pytest.mark.parametrize(
    "line",
    [
        "Wang Li, Principal Investigator, is the responsible party.",
        "The responsible party is Wang Li, Principal Investigator, not the sponsor.",
        "The sponsor is not the responsible party: the responsible party is Wang Li, Principal Investigator.",
    ],
)
def test_a_responsible_party_named_so_beside_a_denial_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, WANG_LI) == ""


# --- parts joined, beside a third part's count -----------------------------------------------------------------------

BESIDE_A_THIRD = [
    "Part A and Part B enrol 24 participants; Part C enrols 6 participants.",
    "Part A and Part B enrol 24 participants. Part C enrols 6 participants.",
    "Cohort 1 and Cohort 2 enrol 24 participants; Cohort 3 enrols 6 participants.",
    "Dose level 1 and Dose level 2 enrol 24 participants; Dose level 3 enrols 6 participants.",
    "In total, Part A and Part B enrol 24 participants. Part C: 6 participants.",
]


@pytest.mark.parametrize("line", BESIDE_A_THIRD)
def test_the_count_of_parts_joined_beside_a_third_is_no_enrollment(trials: Trials, line: str) -> None:
    """Parts joined are given their count together (review 205), and it bound the trial's enrollment of 24 beside
    a third part's 6: the joined parts are some of the trial's only (kept_out._joined_beside_another, E508)."""
    assert "E508" in im19_out(trials, line, enrollment_fields(24, "24 participants"))


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("In total, Part A and Part B enrol 24 participants.", 24),
        ("Part A, Part B and Part C enrol 30 participants; Part C enrols 6 participants.", 30),
        ("Part A and Part B enrol 24 participants. Cohort 1 of Part A is dosed first.", 24),
    ],
)
def test_the_count_of_every_part_joined_binds(trials: Trials, line: str, count: int) -> None:
    assert im19_out(trials, line, enrollment_fields(count, f"{count} participants")) == ""


# --- an age of another person, named by the label before it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("Inclusion: aged 18 to 65 years. Donors: aged 16 years or older.", "aged 16 years or older"),
        ("Patients aged 18 to 65 years. Caregiver: aged 16 years or older.", "aged 16 years or older"),
        ("Aged 18 to 65 years. Criteria for partners: aged 16 years or older.", "aged 16 years or older"),
    ],
)
def test_an_age_under_another_persons_label_is_no_age_limit(trials: Trials, line: str, quote: str) -> None:
    """A donor's age under its label bound the trial's minimum age of 16: an age's clause was read for the person
    it names, not past its colon (age_bounds._of_another_person, E508)."""
    assert "E508" in im19_out(trials, line, age_fields("minimum_age", 16, quote))


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("Patients: aged 16 years or older. Donors: aged 18 to 40 years.", "aged 16 years or older"),
        ("Inclusion criteria: aged 16 years or older.", "aged 16 years or older"),
        ("Donors must consent. Key criterion: aged 16 years or older.", "aged 16 years or older"),
    ],
)
def test_an_age_under_the_patients_label_binds(trials: Trials, line: str, quote: str) -> None:
    assert im19_out(trials, line, age_fields("minimum_age", 16, quote)) == ""


# --- an age of an earlier protocol --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("Age 18-65 years (the sponsor's earlier protocol allowed up to 75 years).", "up to 75 years"),
        ("Age 18-65 years; the original protocol enrolled patients up to 75 years.", "up to 75 years"),
        ("Age 18-65 years. The previous version allowed patients up to 75 years.", "up to 75 years"),
    ],
)
def test_an_age_of_an_earlier_protocol_is_no_age_limit(trials: Trials, line: str, quote: str) -> None:
    """A limit an earlier protocol gave bound the trial's maximum age of 75 beside its 18-65 (retracted._BEFORE read
    "formerly", "previously", "Previous age:", not an earlier protocol's words in the value's clause)."""
    assert "E508" in im19_out(trials, line, age_fields("maximum_age", 75, quote))


@pytest.mark.parametrize(
    "line",
    [
        "After the previous protocol amendment, patients up to 75 years may enrol.",
        "Protocol version 2: patients up to 75 years may enrol.",
        "Under the amended protocol, patients up to 75 years may enrol.",
    ],
)
def test_an_age_of_the_current_protocol_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, age_fields("maximum_age", 75, "up to 75 years")) == ""
