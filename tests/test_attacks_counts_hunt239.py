"""Counts hunt 239: a lab value's or a dose's number, some of them who left past words describing them, and one's
singular word for people describing a noun, each read as a count of people.

- A number that is a measure's value: after a lab's or a measure's word ("hemoglobin 8 patients", "platelets 50
  patients", "platelet count of 50 patients"), its bound ("Hb \u2265 8 patients"), a drug's bound or dose ("prednisone
  \u2264 10 patients", "prednisone dose of 10 patients"), or before a lab's unit ("8 mmol/L patients", "50 \u00b5mol/L
  patients"), was read as a count of people (counts: E508, E523; people_counts: E501). A criteria line running into
  the next sentence still gives that sentence's count ("Hemoglobin \u2265 8 g/dL. 12 patients will be enrolled."), and a
  drug's name alone or as a label names a group ("Prednisone: 24 patients").
- Those who withdrew, discontinued, died or were excluded after a phrase describing them ("12 patients with disease
  progression withdrew", "2 participants due to adverse events discontinued") were read by counts() as the trial's:
  _OTHER_GROUP_AFTER read the verb right after the people only. The phrase holds no verb or number of the count's
  own: "12 patients with SLE were enrolled and 2 withdrew" counts 12.
- After one, a singular word for people before a noun it describes ("IM19 counts 1 patient visit.", "one patient
  record") was read as a count of one person; "1 patient was enrolled", "one patient with SLE" still are.

Left (each reproduced on this module's commit):
- The measures and drugs are closed lists: counts("urine protein 3 patients") is [3.0], counts("anti-Sm 30 patients")
  [30.0]; and a drug's name with no bound or "dose" still counts (counts("prednisone 24 patients") is [24.0]).
- A describing phrase holding a number: counts("24 patients with refractory SLE from 3 centres withdrew") is [24.0].
- Nouns one's singular word describes are a closed list too: counts("IM19 enrolled 1 patient cohort") is [1.0].
- counts("12 patients with SLE who withdrew from prior trials were enrolled.") is [], as main reads "12 patients who
  withdrew from prior trials were enrolled." (a verb of another group past "who" is read as theirs).
"""

from __future__ import annotations

import pytest
from conftest import IM19_TEXT_HEAD, Trials
from sle_trials.reading.lexicon import head_counts
from test_attacks_counts_hunt227 import _noted_out, _silent_out

# (line, the number neither reader reads as a count of people)
MEASURES = [
    ("hemoglobin 8 patients", 8),
    ("platelets 50 patients", 50),
    ("Eligible: platelet count of 50 patients.", 50),
    ("Hb \u2265 8 patients", 8),
    ("Haemoglobin above 9 patients are eligible.", 9),
    ("prednisone \u2264 10 patients", 10),
    ("A prednisone dose of 10 patients is allowed.", 10),
    ("Eligible: creatinine 1-2 patients.", 2),
    ("Eligible: anti-dsDNA 30 patients.", 30),
    ("Eligible: 8 mmol/L patients.", 8),
    ("Eligible: 50 \u00b5mol/L patients.", 50),
]

# (line, what both readers read)
STATED = [
    ("IM19 will enrol 12 patients.", [12]),
    ("IM19 will enrol 24 adult patients.", [24]),
    ("IM19 enrolled a total of 2000 patients.", [2000]),
    ("Hemoglobin \u2265 8 g/dL. 12 patients will be enrolled.", [12]),
    ("IM19 enrolled 24 patients with hemoglobin \u2265 8 g/dL.", [24]),
    ("Prednisone: 24 patients", [24]),
    ("1 patient was enrolled in IM19.", [1]),
    ("IM19 enrolled one patient with SLE.", [1]),
    ("IM19 enrolled 1 patient.", [1]),
]

# (line, what counts() reads: people_counts reads each count of people however they left)
LEFT = [
    ("12 patients with disease progression withdrew.", []),
    ("2 participants due to adverse events discontinued.", []),
    ("3 patients with active infection were excluded.", []),
    ("IM19 enrolled 24 patients; 2 patients with CRS died.", [24]),
    ("12 patients were enrolled and 2 withdrew.", [12]),
    ("12 patients with SLE were enrolled and 2 withdrew.", [12]),
    ("12 patients with SLE were screened and enrolled.", [12]),
    ("IM19 enrolled 12 patients with SLE in China who had failed therapy.", [12]),
]

# (line: one's singular word for people describes a noun; neither reader reads 1)
DESCRIBING = [
    "IM19 counts 1 patient visit.",
    "IM19 reviewed one patient record.",
    "IM19 holds 1 participant interview.",
]


@pytest.mark.parametrize(("line", "number"), MEASURES)
def test_a_measures_value_is_no_count_of_people(line: str, number: int) -> None:
    assert float(number) not in head_counts.counts(line)
    assert float(number) not in [n for n, _, _ in head_counts.people_counts(line)]


@pytest.mark.parametrize(("line", "read"), STATED)
def test_a_count_of_people_is_still_read(line: str, read: list[int]) -> None:
    assert head_counts.counts(line) == [float(n) for n in read]
    assert [n for n, _, _ in head_counts.people_counts(line)] == [float(n) for n in read]


@pytest.mark.parametrize(("line", "read"), LEFT)
def test_those_who_left_past_words_describing_them_are_not_the_trials(line: str, read: list[int]) -> None:
    assert head_counts.counts(line) == [float(n) for n in read]


@pytest.mark.parametrize("line", DESCRIBING)
def test_ones_singular_word_describing_a_noun_counts_no_one(line: str) -> None:
    assert head_counts.counts(line) == []
    assert head_counts.people_counts(line) == []


# --- the whole command on a few: binding (E508), silence (E523), a note's counts (E501) ---------------------------


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Eligible: hemoglobin 8 patients.", 8),
        ("12 patients with disease progression withdrew.", 12),
        ("IM19 counts 1 patient visit.", 1),
    ],
)
def test_a_number_that_counts_no_one_enrolled_binds_no_enrollment(trials: Trials, line: str, number: int) -> None:
    result = trials.enrollment("seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n", number, line)
    assert result.status == 1 and "E508" in result.out, result.out


def test_a_count_after_a_criteria_line_binds(trials: Trials) -> None:
    line = "Hemoglobin \u2265 8 g/dL. 12 patients will be enrolled."
    result = trials.enrollment("seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n", 12, "12 patients will be enrolled")
    assert result.status == 0, result.out


@pytest.mark.parametrize("line", ["Eligible: platelets 50 patients.", "IM19 counts 1 patient visit."])
def test_a_number_that_counts_no_one_leaves_the_enrollment_silent(trials: Trials, line: str) -> None:
    assert "E523" not in _silent_out(trials, line)


def test_a_count_after_a_criteria_line_is_not_silent(trials: Trials) -> None:
    out = _silent_out(trials, "Hemoglobin \u2265 8 g/dL. 12 patients will be enrolled.")
    assert "E523 curation.silent: enrollment is declared silent" in out and "(12 participants)" in out, out


def test_a_notes_count_of_a_lab_value_is_refused(trials: Trials) -> None:
    """A source's "Hb \u2265 8 patients" writes no count of 8 people a note may state."""
    out = _noted_out(trials, "Eligible: Hb \u2265 8 patients.", "The source's 8 participants are not the enrollment.")
    assert "E501" in out, out
