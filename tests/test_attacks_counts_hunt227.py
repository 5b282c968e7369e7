"""Counts hunt 227: a count of people written with a source's own word for them, or with words describing them.

head_counts read a count of people only right before "participants", "patients", "subjects", "people" or
"persons", or after a label. So a press release's "will enrol 12 adults", "24 eligible participants",
"approximately 24 SLE patients", "18 individuals", "20 women with lupus nephritis", "15 healthy
volunteers", "twelve adults" or "Up to 24 evaluable participants" gave no count: a record declaring its
enrollment silent on such a source passed (E523 never fired), and the honest enrollment quoted so was
refused E508. A count is now read before any word for people taking part, with up to three words
describing them between; not a number a word before it names something by ("Class 3 lupus nephritis
patients", "Phase 1 SLE patients", "Type 1 diabetes patients", "Cohort 2 patients", "aged 18-65 SLE
patients") nor a year ("In 2024 patients were enrolled"), which the registry's words alone were read as
too, nor a unit's or another phrase's words ("12 weeks after patients", "18 year-old patients"), and
every exclusion of a part's count, a bound, another group or some of them applies to the new forms.
Each reading is held where it is used: binding (E508), silence (E523) and a curation note's counts (E501).
"""

from __future__ import annotations

import json

import pytest
from conftest import IM19_PATH, IM19_TEXT_HEAD, Trials, add_source, enrollment_fields, im19_draft, joined, put
from sle_trials.reading.lexicon import head_counts

STATED = [
    ("The open-label study will enrol 12 adults with refractory SLE.", 12, "will enrol 12 adults"),
    ("IM19 will enrol 24 eligible participants.", 24, "24 eligible participants"),
    ("IM19 will enrol approximately 24 SLE patients.", 24, "approximately 24 SLE patients"),
    ("IM19 will enrol 18 individuals with refractory SLE.", 18, "18 individuals"),
    ("IM19 will enrol 20 women with lupus nephritis.", 20, "20 women with lupus nephritis"),
    ("IM19 will enrol 15 healthy volunteers.", 15, "15 healthy volunteers"),
    ("IM19 will enrol 12 lupus nephritis patients.", 12, "12 lupus nephritis patients"),
    ("IM19 will enrol twelve adults.", 12, "twelve adults"),
    ("IM19 will enrol 10 pediatric patients.", 10, "10 pediatric patients"),
    ("IM19 will enrol up to 24 evaluable participants.", 24, "up to 24 evaluable participants"),
    ("IM19 will enrol 30 Chinese adult SLE patients.", 30, "30 Chinese adult SLE patients"),
    ("IM19 will enrol 16 adolescents with refractory SLE.", 16, "16 adolescents"),
    ("IM19 will enrol 12 children with refractory SLE.", 12, "12 children"),
    ("IM19 will enrol 12 relapsed/refractory SLE patients.", 12, "12 relapsed/refractory SLE patients"),
    ("IM19 will enrol 24 previously treated SLE patients.", 24, "24 previously treated SLE patients"),
    # (the module's readings of a statement, on the new forms: the count enrolled, not those screened or planned)
    ("After screening 40 adults, 24 adults were enrolled.", 24, "24 adults were enrolled"),
    ("IM19 planned to enrol 60 adults but enrolled 20 adults.", 20, "enrolled 20 adults"),
    ("IM19 enrols 30 participants (15 SLE patients and 15 healthy volunteers).", 30, "30 participants"),
]

# Numbers the new forms must not read as a count of those enrolled (each with the number an attack binds)
NOT_COUNTS = [
    # (a number a word before it names something by, or a year)
    ("Class 3 lupus nephritis patients are eligible.", 3),
    ("Phase 1 SLE patients receive one infusion.", 1),
    ("Type 1 diabetes patients are excluded.", 1),
    ("Cohort 2 patients receive the higher dose.", 2),
    ("Day 28 participants are assessed for response.", 28),
    ("Class 3 patients are eligible.", 3),  # (read so before, by the registry's word alone)
    ("Phase 1 patients receive one infusion.", 1),
    ("In 2024 patients were enrolled at two sites.", 2024),
    ("In 2024 adults were enrolled at two sites.", 2024),
    # (an age, or a range's end after it)
    ("Eligible: aged 18-65 SLE patients.", 65),
    ("Eligible: ages between 18 and 65 adults with SLE.", 65),
    ("Eligible are 18 year-old patients and older.", 18),
    ("Eligible are 18 years old patients and older.", 18),
    # (a unit's or another phrase's words between)
    ("Response is assessed 12 weeks after patients are infused.", 12),
    ("Grade 3 or higher events in patients are reported.", 3),
    ("IM19 is dosed at 2 mg/kg patients by weight.", 2),
    # (the module's exclusions, on the new forms: a part, a bound, another group, some of them)
    ("IM19 will enrol 12 adult patients per arm.", 12),
    ("IM19 has two cohorts of 12 adults.", 12),
    ("IM19 will enrol 60 adults or more.", 60),
    ("IM19 will enrol 60 SLE patients, or fewer if recruitment is slow.", 60),
    ("IM19 will enrol 40 adults and 20 adolescents.", 40),
    ("IM19 will enrol 40 adults and 20 adolescents.", 20),
    ("In IM19, 3 adults withdrew.", 3),
    ("In IM19, 40 SLE patients were assessed for eligibility.", 40),
    ("IM19 has enrolled 12 SLE patients to date.", 12),
    ("In IM19, 6 SLE patients achieved remission.", 6),
    ("In IM19, the first 3 adult patients were dosed.", 3),
    ("In IM19, 3 screened patients were not eligible.", 3),
    ("IM19 will add 6 more patients.", 6),
    ("IM19 compares 10 control subjects.", 10),
    ("IM19 compares 40 historical patients.", 40),
    # (a word for them in the singular describes something else)
    ("IM19 is run by 12 adult rheumatologists.", 12),
    # (more of the module's exclusions on the new forms: a part by its label, a count left open, a plan
    # superseded, people enrolled elsewhere, those screened, a breakdown)
    ("Part A: 12 adults. Part B: 18 adults.", 12),
    ("IM19 will enrol 60 adults (if funding allows).", 60),
    ("IM19 planned to enrol 60 adults but enrolled 20 adults.", 60),
    ("IM19 will enrol 40 adults enrolled in a lupus registry.", 40),
    ("IM19 will enrol 3 adults at each dose level.", 3),
    ("After screening 40 adults, 24 adults were enrolled.", 40),
    ("IM19 enrols 30 participants (15 SLE patients and 15 healthy volunteers).", 15),
    # (a number a verb after it has as its subject, under a label of its own: tests/test_honest_hunt215.py's note)
    ("Exclusion criterion 1 excludes patients in severe lupus nephritis.", 1),
    ("Site 3 enrols patients with SLE.", 3),
]


@pytest.mark.parametrize(("line", "count", "quote"), STATED)
def test_a_count_in_a_sources_own_words_is_read(line: str, count: int, quote: str) -> None:
    assert head_counts.counts(line) == [float(count)]


@pytest.mark.parametrize(("line", "number"), NOT_COUNTS)
def test_a_number_that_counts_no_one_enrolled_is_not_read(line: str, number: int) -> None:
    assert float(number) not in head_counts.counts(line)


def test_the_reading_stays_bounded() -> None:
    """It runs on every passage of every source: a long run of numbers and describing words is read in one pass
    (a number's words are read to three at most), and only the count before its people is one."""
    assert head_counts.counts(" ".join(["12 lupus nephritis"] * 3000) + " patients") == [12.0]
    assert head_counts.counts("24 " + "lupus " * 20000 + "patients") == []


# --- binding (E508) ----------------------------------------------------------------------------------------------


# (the whole command on a few of each: the reading itself is held on all of them above)
STATED_RUN = STATED[:6] + STATED[7:8] + STATED[9:10]
NOT_COUNTS_RUN = [NOT_COUNTS[i] for i in (0, 1, 5, 7, 9, 11, 14, 16, 17, 18, 22, 25)]


@pytest.mark.parametrize(("line", "count", "quote"), STATED_RUN)
def test_an_enrollment_quoted_in_a_sources_own_words_binds(trials: Trials, line: str, count: int, quote: str) -> None:
    result = trials.enrollment("seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n", count, quote)
    assert result.status == 0, result.out


@pytest.mark.parametrize(("line", "count", "quote"), STATED[:3])
def test_another_number_quoted_so_is_refused(trials: Trials, line: str, count: int, quote: str) -> None:
    result = trials.enrollment("seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n", count + 1, quote)
    assert result.status == 1 and "E508" in result.out, result.out


@pytest.mark.parametrize(("line", "number"), NOT_COUNTS_RUN)
def test_a_number_that_counts_no_one_enrolled_binds_no_enrollment(trials: Trials, line: str, number: int) -> None:
    result = trials.enrollment("seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n", number, line)
    assert result.status == 1 and "E508" in result.out, result.out


# --- silence (E523) ----------------------------------------------------------------------------------------------


def _silent_out(trials: Trials, line: str) -> str:
    """What `trials validate` prints of IM19's draft declaring its enrollment silent, citing a plain source
    of IM19's head and line; "" where it passes."""
    source = add_source(trials.root, "seeds/938_counts.txt", IM19_TEXT_HEAD + line + "\n")
    put(
        trials.root, IM19_PATH, im19_draft(source).replace("curation:\n", "curation:\n  silent:\n    - enrollment\n", 1)
    )
    result = trials("validate", trials.root / IM19_PATH)
    assert result.status in (0, 1), result.out + result.err
    return result.out if result.status else ""


@pytest.mark.parametrize(("line", "count", "quote"), STATED_RUN)
def test_an_enrollment_a_source_states_in_its_own_words_is_not_silent(
    trials: Trials, line: str, count: int, quote: str
) -> None:
    out = _silent_out(trials, line)
    assert "E523 curation.silent: enrollment is declared silent" in out, out
    assert f"({count} participants)" in out, out


@pytest.mark.parametrize(("line", "number"), NOT_COUNTS_RUN)
def test_a_number_that_counts_no_one_enrolled_leaves_the_enrollment_silent(
    trials: Trials, line: str, number: int
) -> None:
    assert "E523" not in _silent_out(trials, line)


# --- a curation note's counts (E501) -----------------------------------------------------------------------------


def _noted_out(trials: Trials, line: str, note: str) -> str:
    """What `trials validate` prints of IM19's draft citing a plain source of IM19's head and line, holding an
    enrollment of 30 ("IM19 enrols 30 patients.", added to the line) and a note on it; "" where it passes."""
    source = add_source(trials.root, "seeds/938_counts.txt", IM19_TEXT_HEAD + line + " IM19 enrols 30 patients.\n")
    draft = im19_draft(source)
    sources_end = draft.index("\n", draft.index("  sources:\n")) + 1
    sources_end = draft.index("\n", draft.index("as_of:", sources_end)) + 1
    noted = draft[:sources_end] + f"  notes:\n    - field: enrollment\n      text: {json.dumps(note)}\n"
    put(trials.root, IM19_PATH, joined(noted + draft[sources_end:], enrollment_fields(30, "30 patients")))
    result = trials("validate", trials.root / IM19_PATH)
    assert result.status in (0, 1), result.out + result.err
    return result.out if result.status else ""


NOTED = [
    ("An earlier plan named 12 adults.", "The earlier plan's 12 adults are not the enrollment."),
    ("An earlier plan named 18 individuals.", "The earlier plan's 18 individuals are not the enrollment."),
    ("An earlier plan named 24 SLE patients.", "The earlier plan's 24 SLE patients are not the enrollment."),
]


@pytest.mark.parametrize(("line", "note"), NOTED)
def test_a_notes_count_in_a_sources_own_words_passes(trials: Trials, line: str, note: str) -> None:
    assert _noted_out(trials, line, note) == ""


@pytest.mark.parametrize(("line", "note"), NOTED)
def test_a_notes_count_in_such_words_no_source_writes_is_refused(trials: Trials, line: str, note: str) -> None:
    """Read as no count, a note's "14 adults" beside a source's 12 passed: a count no source writes."""
    wrong = note.replace("12 ", "14 ").replace("18 ", "19 ").replace("24 ", "25 ")
    assert "E501" in _noted_out(trials, line, wrong)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Class 3 lupus nephritis patients are eligible.", 3),
        ("Type 1 diabetes patients are excluded.", 1),
        ("Eligible are 18 year-old patients and older.", 18),
        ("Exclusion criterion 1 excludes patients in severe lupus nephritis.", 1),
    ],
)
def test_a_notes_count_of_a_number_naming_something_is_refused(trials: Trials, line: str, number: int) -> None:
    """A source's "Class 3 lupus nephritis patients" writes no count of 3 people a note may state."""
    assert "E501" in _noted_out(trials, line, f"The source's {number} participants are not the enrollment.")
