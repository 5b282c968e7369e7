"""Counts hunt 231: numbers read as counts of people that count no one enrolled, and cases of the disease.

- A word for people in the singular after a number other than one describes another noun: "12 patient visits",
  "12 patient samples", "24 participant interviews" (and "12 subject-years" at any number) were read as counts of
  12 people (counts: E508, E523), and a source's "12 adult rheumatologists" as 12 people a note might state
  (people_counts: E501). The singular is read after one ("1 patient was enrolled"), and a source's slip ending its
  clause or before a verb ("12 patient were enrolled").
- A year before people: "Data from 2020 patients were reviewed", "From 2019 to 2022 patients were enrolled" were read
  as counts of 2020 and 2022 people ("In 2024 patients ..." was not): a year after "from" or "through", or as a
  range's end after a year, is one now; "will enrol 2000 patients" and "a total of 2020 patients" are still read.
- Cases: "12 cases of refractory SLE" (people who have the disease) was no count of people to counts, while
  people_counts read any cases as people ("12 cases of CRS": events). Both read cases of the disease now, and not
  cases of anything else or of the disease's events ("3 cases of lupus flare").
- Found on the real CT.gov results of NCT00791778 (tests/fixtures/ctgov/real): a milestone's comment "includes: 42
  subjects with progression, 4 subjects transferred to a continuation study" and "Includes 79 participants with study
  follow-up terminated by sponsor and 16 deaths" were read by counts() as the trial's 42, 4 and 79. A count after
  "includes:" or a sentence's "Includes" with no subject names a part of a count given elsewhere, and those
  "transferred to" (or "rolled over to") another study are another group; "IM19 includes 24 patients" counts them.
- A number a word names something by, after a bound or as a range's end ("Grade ≥3 patients", "Stage 3-4 patients",
  "class 3 or 4 lupus nephritis patients", "eGFR < 30 patients"), a score's, a measure's or a reference's ("SLEDAI-2K
  score of 8 patients", "BMI 30 patients", "CTCAE 5.0 patients", "ref. 12 patients", "Protocol 2 patients"), an age's
  bound ("aged over 18 patients", to people_counts) and a year after a quarter's or a criteria's body's name ("H1 2024
  patients", "ACR 2019 patients") were read as counts of people.
- A fraction ("Enrollment: 2.5 participants", "a mean of 3.5 patients per site") counts no one, "the top 10 patients"
  are some of them, and people_counts read a number as a word describing people ("Enrolled by year: 2024 12
  patients" gave 2024): each was read as a count of people.

Left (each reproduced on this module's commit):
- A singular word for people after one still describes a noun after it: counts("IM19 counts 1 patient visit.") is
  [1.0] (no list of the nouns it may describe is kept).
- A lab value's number before people: counts("hemoglobin 8 patients") is [8.0], counts("platelets 50 patients")
  [50.0]; people_counts("Hb \u2265 8 patients") and people_counts("prednisone \u2264 10 patients") read 8 and 10.
- A phrase between a count and the words of another group: counts("12 patients with disease progression withdrew")
  is [12.0] (_OTHER_GROUP_AFTER reads the verb right after the people only).
- "n=12" is read by neither reader (it gives a part's size as often as the trial's), and a bare "12 cases" is no
  count of people; counts("24 patients rolled over into the extension study.") is [24.0] (this trial may be the
  extension), and counts("Enrollment includes: 24 patients") is [] (read as a comment naming a part).
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading.lexicon import head_counts
from test_attacks_counts_hunt227 import _noted_out, _silent_out

# (line, the count counts() and people_counts() read)
STATED = [
    ("IM19 will enrol 12 patients.", 12),
    ("IM19 will enrol 24 adult patients.", 24),
    ("1 patient was enrolled in IM19.", 1),
    ("One participant was enrolled in IM19.", 1),
    ("12 patient were enrolled in IM19.", 12),
    ("IM19 enrols 12 patient with SLE.", 12),
    ("IM19 will enrol 2000 patients.", 2000),
    ("IM19 enrolled a total of 2020 patients.", 2020),
    ("Data from 120 patients were reviewed.", 120),
    ("We report 12 cases of refractory SLE treated with IM19.", 12),
    ("IM19 treated 3 cases of lupus nephritis.", 3),
    ("IM19 treated 1 case of systemic lupus erythematosus.", 1),
]

# (line, a number neither reader reads as a count of people)
NOT_PEOPLE = [
    ("IM19 counts 12 patient visits.", 12),
    ("IM19 collected 12 patient samples.", 12),
    ("IM19 held 24 participant interviews.", 24),
    ("IM19 reports 12 subject-years of follow-up.", 12),
    ("IM19 reports 1 patient-year of follow-up.", 1),
    ("IM19 is run by 12 adult rheumatologists.", 12),
    ("Data from 2020 patients were reviewed.", 2020),
    ("From 2019 to 2022 patients were enrolled.", 2022),
    ("Between 2019 and 2022 patients were enrolled.", 2022),
    ("2019-2022 patients were enrolled.", 2022),
    ("IM19 reported 12 cases of CRS.", 12),
    ("IM19 reported 1 case of herpes zoster.", 1),
    ("IM19 reported 3 cases of lupus flare.", 3),
    ("IM19 reported 3 cases of lupus nephritis flare.", 3),
    ("IM19 reported 2 cases of systemic lupus erythematosus relapses.", 2),
    ("IM19 reported 12 cases of SLE-associated CRS.", 12),
    ("Grade \u22653 patients are excluded.", 3),
    ("Stage 3-4 patients are excluded.", 4),
    ("ISN/RPS class 3 or 4 lupus nephritis patients are eligible.", 4),
    ("eGFR < 30 patients are excluded.", 30),
    ("A SLEDAI-2K score of 8 patients is required.", 8),
    ("BMI 30 patients are excluded.", 30),
    ("CTCAE 5.0 patients are graded.", 5),
    ("As in ref. 12 patients were dosed once.", 12),
    ("Protocol 2 patients are dosed weekly.", 2),
    ("Eligible: aged over 18 patients with SLE.", 18),
    ("Eligible: aged \u2265 18 patients with SLE.", 18),
    ("During H1 2024 patients were enrolled.", 2024),
    ("ACR 2019 patients are eligible.", 2019),
    ("Enrollment: 2.5 participants", 2.5),
    ("IM19 enrols a mean of 3.5 patients per site.", 3.5),
    ("Enrolled by year: 2024 12 patients, 2025 18 patients.", 2024),
]


# (line, what counts() reads: people_counts reads each count of people these write, whoever they are)
PARTS = [
    ("includes: 42 subjects with progression, 4 subjects transferred to a continuation study", []),
    ("Includes 79 participants with study follow-up terminated by sponsor and 16 deaths", []),
    ("4 patients rolled over to a long-term follow-up study.", []),
    ("IM19 enrolled 24 patients; 4 patients transferred to another study.", [24]),
    ("IM19 enrolled 12 patients and 4 patients transferred to another trial.", [12]),
    ("IM19 includes 24 patients.", [24]),
    ("The study will include 24 patients with SLE.", [24]),
    ("24 patients transferred from the parent study were enrolled.", [24]),
    ("IM19 enrolled 24 patients with a SLEDAI-2K score of 8 or more.", [24]),
    ("IM19 enrolled 24 patients in Phase 1 and Phase 2.", [24]),
    ("IM19 enrolled 24 patients meeting the SLICC 2012 criteria.", [24]),
    ("In IM19, the top 10 patients by SLEDAI were dosed first.", []),
    ("IM19 will enrol 24 CD19-positive patients.", [24]),
    ("Enrollment: 6.0 participants", [6]),
]


@pytest.mark.parametrize(("line", "read"), PARTS)
def test_a_count_of_a_part_given_elsewhere_or_moved_away_is_not_the_trials(line: str, read: list[int]) -> None:
    assert head_counts.counts(line) == [float(n) for n in read]


@pytest.mark.parametrize(("line", "count"), STATED)
def test_a_count_of_people_is_read(line: str, count: int) -> None:
    assert head_counts.counts(line) == [float(count)]
    assert [n for n, _, _ in head_counts.people_counts(line)] == [float(count)]


@pytest.mark.parametrize(("line", "number"), NOT_PEOPLE)
def test_a_number_that_counts_no_people_is_not_read(line: str, number: float) -> None:
    assert float(number) not in head_counts.counts(line)
    assert float(number) not in [n for n, _, _ in head_counts.people_counts(line)]


# --- the whole command on a few of each: binding (E508), silence (E523), a note's counts (E501) ---------------


@pytest.mark.parametrize(
    ("line", "count", "quote"),
    [
        ("We report 12 cases of refractory SLE treated with IM19.", 12, "12 cases of refractory SLE"),
        ("12 patient were enrolled in IM19.", 12, "12 patient were enrolled"),
        ("IM19 includes 24 patients.", 24, "IM19 includes 24 patients"),
    ],
)
def test_an_enrollment_quoted_so_binds(trials: Trials, line: str, count: int, quote: str) -> None:
    result = trials.enrollment("seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n", count, quote)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("IM19 counts 12 patient visits.", 12),
        ("Data from 2020 patients were reviewed.", 2020),
        ("IM19 reported 12 cases of CRS.", 12),
        ("Includes 79 participants with study follow-up terminated by sponsor and 16 deaths", 79),
        ("Stage 3-4 patients are excluded.", 4),
    ],
)
def test_a_number_that_counts_no_people_binds_no_enrollment(trials: Trials, line: str, number: int) -> None:
    result = trials.enrollment("seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n", number, line)
    assert result.status == 1 and "E508" in result.out, result.out


@pytest.mark.parametrize(
    "line", ["12 patient were enrolled in IM19.", "We report 12 cases of refractory SLE treated with IM19."]
)
def test_an_enrollment_a_source_states_is_not_silent(trials: Trials, line: str) -> None:
    out = _silent_out(trials, line)
    assert "E523 curation.silent: enrollment is declared silent" in out and "(12 participants)" in out, out


@pytest.mark.parametrize("line", ["IM19 counts 12 patient visits.", "IM19 reported 12 cases of CRS."])
def test_a_number_that_counts_no_people_leaves_the_enrollment_silent(trials: Trials, line: str) -> None:
    assert "E523" not in _silent_out(trials, line)


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("An earlier plan named 12 adult patients.", "The source's 12 adult patients are not the enrollment."),
        ("An earlier report named 12 cases of SLE.", "The source's 12 cases of SLE are not the enrollment."),
    ],
)
def test_a_notes_count_of_people_a_source_writes_passes(trials: Trials, line: str, note: str) -> None:
    assert _noted_out(trials, line, note) == ""


@pytest.mark.parametrize(
    "line",
    ["IM19 is run by 12 adult rheumatologists.", "IM19 reported 12 cases of CRS.", "IM19 held 12 patient visits."],
)
def test_a_notes_count_of_people_no_source_writes_is_refused(trials: Trials, line: str) -> None:
    """A source's "12 adult rheumatologists" or "12 cases of CRS" writes no count of 12 people a note may state."""
    assert "E501" in _noted_out(trials, line, "The source's 12 participants are not the enrollment.")
