"""Pull-request attacks that declare silent who may enrol, which a plain source's criteria state.

A source of no layout (a press release, a publication) places no sex and no healthy-volunteers field,
and E523 read neither in its criteria (the record's own, quoted from it): "Male or female patients
with SLE" let a record declare eligibility.sex silent, and "Healthy volunteers are not eligible"
eligibility.healthy_volunteers; trials.csv then showed them not stated. A criterion now states the sex
by a phrase naming it whole (a rendering of more than one word: "Male or female", "Women only"), and
healthy volunteers when it says whether they may enrol. A bare "Female" stands in many a rule (a
pregnancy test, a laboratory limit by sex), and the vocabulary's bare "No" in any criterion: neither
is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put

PLAIN = "seeds/924_who_may_enrol.txt"
RECORD = """\
eligibility:
  {side}_criteria:
    - number: 1
      text: {criterion}
evidence:
  eligibility.{side}_criteria.0: {criterion}
"""


def _draft(registry: Path, criterion: str, silent: str, side: str = "inclusion", note: str = "") -> Path:
    heading = "Inclusion" if side == "inclusion" else "Exclusion"
    text = f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\n{heading} criteria:\n1. {criterion}\n"
    add_source(registry, PLAIN, text)
    record = joined(im19_draft(PLAIN), RECORD.format(criterion=criterion, side=side))
    notes = f"  notes:\n    - field: {silent}\n      text: {note}\n" if note else ""
    return put(registry, IM19_PATH, record.replace("curation:\n", f"curation:\n{notes}  silent:\n    - {silent}\n", 1))


@pytest.mark.parametrize(
    ("criterion", "silent", "side"),
    [
        ("Male or female patients with SLE.", "eligibility.sex", "inclusion"),
        ("Women only, aged 18 to 65.", "eligibility.sex", "inclusion"),
        ("Healthy volunteers are not eligible.", "eligibility.healthy_volunteers", "inclusion"),
        ("The trial does not accept healthy volunteers.", "eligibility.healthy_volunteers", "inclusion"),
        ("The study will not enroll healthy participants.", "eligibility.healthy_volunteers", "inclusion"),
        ("Healthy volunteers will be excluded.", "eligibility.healthy_volunteers", "inclusion"),
        ("No healthy volunteers.", "eligibility.healthy_volunteers", "inclusion"),
        ("Healthy volunteers.", "eligibility.healthy_volunteers", "exclusion"),
    ],
)
def test_a_plain_source_criterion_stating_who_may_enrol_refuses_it_silent(
    registry: Path, trials: Trials, criterion: str, silent: str, side: str
) -> None:
    _draft(registry, criterion, silent, side)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E523"}


@pytest.mark.parametrize(
    ("criterion", "silent"),
    [  # a sex named by a rule, a limit by sex, a "No" or "healthy" of something else: no statement of the field
        ("Female patients of childbearing potential must use contraception.", "eligibility.sex"),
        ("Female patients with haemoglobin of at least 9 g/dL.", "eligibility.sex"),
        ("No active infection.", "eligibility.healthy_volunteers"),
        ("Otherwise healthy apart from SLE, as judged by the investigator.", "eligibility.healthy_volunteers"),
        # a study of healthy volunteers, not those this trial is for
        (
            "No participation in another trial, including healthy volunteer studies, within 30 days.",
            "eligibility.healthy_volunteers",
        ),
    ],
)
def test_a_criterion_not_stating_who_may_enrol_leaves_it_silent(
    registry: Path, trials: Trials, criterion: str, silent: str
) -> None:
    _draft(registry, criterion, silent)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_a_note_naming_the_words_excuses_them(registry: Path, trials: Trials) -> None:
    note = "'Male or female' is the sponsor's wording for the cohort, not the registry's sex field."
    _draft(registry, "Male or female patients with SLE.", "eligibility.sex", note=f'"{note}"')
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
