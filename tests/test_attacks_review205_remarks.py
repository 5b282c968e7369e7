"""Honest records refused by the checks mutation hunt 200 added (review 205), and the tallies it left.

- a curation note's date given to its month ("last updated in August 2025", "started in July 2024") was
  refused E501 beside a source writing 2025-08-17 and a record holding 2024-07-30: a date was matched only
  to one written as precisely (remarks.check_remark_facts). A note's date less precise than one written or
  held, of its year and month, is that date now; one more precise than any the source gives is not.
- a note's count of people a source writes was refused E501 where the enrollment's reading drops the count:
  a tally ("12 patients have been enrolled to date"), a screening count ("plans to screen 40 patients"),
  an estimate ("Enrollment was 24 (estimated)"). The sources are read for every count of people they write
  now (head_counts.people_counts), whatever it counts; a note's own count is read as before.
- a count enrolled "to date" its sentence says is complete, final or in total ("Enrollment is complete: 24
  patients have been enrolled to date"), or whose "to date" is another noun's ("IM19 enrolled 24 patients,
  the largest lupus CAR-T cohort treated to date"), was read as a tally and refused the honest enrollment
  E508 (head_counts._enrolled_so_far read the tally words anywhere in the count's clause). Tally words stand
  in the count's own part of its clause now, or in an opening part of no verb ("To date, 12 patients ...").
- tallies beside "IM19 plans to enrol 30 patients" bound an enrollment of 12: "12 patients have been enrolled
  as of March 2025", "currently 12 patients have been enrolled", "As of the data cut-off, 12 patients had
  received CAR-T cells", "To date, 12 patients have received an infusion" (no tally words or verb of a tally
  _enrolled_so_far knew), as were "12 patients had been enrolled by March 2025" and "At the data cut-off, 12
  patients had been infused" (the plan read as superseded). They are refused E508 now.

Left (no test): "Twelve patients have now been enrolled" and "12 patients have been enrolled since 2024" bind
an enrollment of 12 beside a planned 30 ("now" and "since" are no tally's words: "Enrollment is now complete"
is the trial's). "In total, 12 patients have been enrolled so far" binds 12: a count its part says is in
total is read as the trial's, as review 205 asked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import (
    IM19_PATH,
    IM19_TEXT_HEAD,
    Trials,
    add_source,
    edit,
    enrollment_fields,
    im19_draft,
    im19_out,
    joined,
    put,
)

NOTE5 = "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions."


def _note_out(trials: Trials, registry: Path, note: str) -> str:
    """What `trials check` prints with note added to IM19's note on its thresholds; "" where it passes."""
    edit(registry, IM19_PATH, (NOTE5, f"{NOTE5} {note}"))
    result = trials("check")
    assert result.status in (0, 1), result.out + result.err
    return result.out if result.status else ""


# --- a date given to its month --------------------------------------------------------------------------------

MONTHS = [
    "The page was last updated in August 2025.",  # the source writes 2025-08-17
    "The study started in July 2024.",  # the record holds 2024-07-30
    "The page was last updated in 2025-08.",
]


@pytest.mark.parametrize("note", MONTHS)
def test_a_notes_date_to_its_month_is_the_date_written(trials: Trials, registry: Path, note: str) -> None:
    assert _note_out(trials, registry, note) == ""


@pytest.mark.parametrize(
    "note",
    [
        "The page was last updated in September 2025.",
        "The study started in June 2024.",
        # (more precise than the source writes it: a day of its month no source gives)
        "The page was last updated on 18 August 2025.",
        "The study started on 2024-07-31.",
    ],
)
def test_a_notes_date_no_source_writes_is_refused(trials: Trials, registry: Path, note: str) -> None:
    assert "E501" in _note_out(trials, registry, note)


# --- a note's count of people a source writes -------------------------------------------------------------------


def _draft_out(trials: Trials, line: str, note: str, fields: str) -> str:
    """What `trials validate` prints of IM19's draft citing a plain source of IM19's head and line, with one
    curation note (note) and fields; "" where it passes."""
    source = add_source(trials.root, "seeds/935_plain_line.txt", IM19_TEXT_HEAD + line + "\n")
    draft = im19_draft(source)
    sources_end = draft.index("\n", draft.index("  sources:\n")) + 1
    sources_end = draft.index("\n", draft.index("as_of:", sources_end)) + 1
    noted = draft[:sources_end] + f"  notes:\n    - field: enrollment\n      text: {json.dumps(note)}\n"
    put(trials.root, IM19_PATH, joined(noted + draft[sources_end:], fields))
    result = trials("validate", trials.root / IM19_PATH)
    assert result.status in (0, 1), result.out + result.err
    return result.out if result.status else ""


WRITTEN_COUNTS = [
    (
        "IM19 plans to enrol 30 patients; 12 patients have been enrolled to date.",
        "The source's tally of 12 patients is not the enrollment; the planned 30 is recorded.",
        30,
        "30 patients",
    ),
    (
        "IM19 plans to screen 40 patients to enrol 30 patients.",
        "The source's 40 patients are those screened; the 30 patients enrolled are recorded.",
        30,
        "30 patients",
    ),
    (
        "IM19: Enrollment was 24 (estimated) in 2024. 30 patients were enrolled.",
        "The 2024 page gave 24 participants as an estimate; the 30 enrolled are recorded.",
        30,
        "30 patients",
    ),
    (
        "IM19 enrolled 30 patients; of these, 24 adult SLE patients were treated.",
        "The source's 24 participants treated are adults.",
        30,
        "30 patients",
    ),
    (
        "IM19 enrolled 30 patients; 3 patients withdrew.",
        "The 3 patients who withdrew are counted in the 30 recorded.",
        30,
        "30 patients",
    ),
]


@pytest.mark.parametrize(
    ("line", "note", "count", "quote"), WRITTEN_COUNTS, ids=[note for _, note, _, _ in WRITTEN_COUNTS]
)
def test_a_notes_count_a_source_writes_passes(trials: Trials, line: str, note: str, count: int, quote: str) -> None:
    assert _draft_out(trials, line, note, enrollment_fields(count, quote)) == ""


@pytest.mark.parametrize(
    ("line", "note"),
    [
        (
            "IM19 plans to enrol 30 patients; 12 patients have been enrolled to date.",
            "The source's tally of 14 patients is not the enrollment; the planned 30 is recorded.",
        ),
        ("IM19 plans to screen 40 patients to enrol 30 patients.", "The source's 45 patients are those screened."),
        # (a number of something else than people is no count of them)
        ("IM19 plans to enrol 30 patients at 12 sites.", "The source's 12 participants are not recorded."),
        (
            "IM19 plans to enrol 30 patients. Infection within 6 months before patients are screened.",
            "The source's 6 participants are not recorded.",
        ),
    ],
)
def test_a_notes_count_no_source_writes_is_refused(trials: Trials, line: str, note: str) -> None:
    assert "E501" in _draft_out(trials, line, note, enrollment_fields(30, "30 patients"))


# --- a count enrolled "to date" the sentence says is the trial's --------------------------------------------------

FINAL_COUNTS = [
    "Enrollment is complete: 24 patients have been enrolled to date.",
    "Recruitment closed in 2025; in total 24 patients were enrolled to date.",
    "IM19 enrolled 24 patients, the largest lupus CAR-T cohort treated to date.",
    "To date, a total of 24 patients were enrolled and enrollment is closed.",
    "The final enrollment: 24 patients have been enrolled to date.",
]


@pytest.mark.parametrize("line", FINAL_COUNTS)
def test_a_final_count_beside_to_date_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(24, "24 patients")) == ""


TALLIES = [
    "IM19 plans to enrol 30 patients. 12 patients have been enrolled as of March 2025.",
    "IM19 plans to enrol 30 patients; currently 12 patients have been enrolled.",
    "IM19 plans to enrol 30 patients. As of the data cut-off, 12 patients had received CAR-T cells.",
    "IM19 plans to enrol 30 patients. To date, 12 patients have received an infusion.",
    "IM19 plans to enrol 30 patients. IM19 has so far enrolled 12 patients.",
    "IM19 plans to enrol 30 patients. 12 patients have been enrolled in the study to date.",
    # (a day the count was taken on)
    "IM19 plans to enrol 30 patients. 12 patients had been enrolled by March 2025.",
    "IM19 plans to enrol 30 patients. At the data cut-off, 12 patients had been infused.",
    # (the verb after words on those counted; an opening part before them)
    "IM19 plans to enrol 30 patients. 12 patients, all with lupus nephritis, have been enrolled to date.",
    "IM19 plans to enrol 30 patients. To date, 12 patients with SLE, aged 18 to 65, have been enrolled.",
    "IM19 plans to enrol 30 patients. So far, IM19 has enrolled 12 patients.",
    # (an enrolment not complete, or one awaited; another count's total)
    "IM19 plans to enrol 30 patients. Enrollment is not yet complete: 12 patients have been enrolled to date.",
    "IM19 plans to enrol 30 patients. Until enrollment is complete, 12 patients have been enrolled to date.",
    "IM19 plans to enrol 30 patients in total, 12 patients enrolled to date.",
    "IM19 plans to enrol 30 patients; recruitment has not closed: 12 patients have been enrolled to date.",
]


@pytest.mark.parametrize("line", TALLIES)
def test_a_tally_so_far_is_no_enrollment(trials: Trials, line: str) -> None:
    assert "E508" in im19_out(trials, line, enrollment_fields(12, "12 patients"))


@pytest.mark.parametrize("line", TALLIES)
def test_the_plan_beside_a_tally_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, enrollment_fields(30, "30 patients")) == ""
