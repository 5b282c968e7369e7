"""The reviewer of the parts' rule (helper-34, review 205): honest records refused since a trial-level value one
part's labelled sentence gives was made that part's (tests/test_attacks_mut_hunt194.py, helper-32's fix:
kept_out.named_part, categorical._of_one_part, counts._counted_there). Each passed at 0d6ed15e.

- Parts joined, the words giving a value of each: "Part A and Part B: Recruiting" was refused as part B's status
  (E507; the lead read "Part B:" alone), "In total, Part A and Part B enrol 24 participants" its count (E508).
  A part a lead names with another joined before or after it ("Part A and", "Part A/", "Part A &", "Part A, B
  and C") is no part alone now (kept_out._joined): its words are given in it too, and refused only where another
  part is given another value ("Part A and Part B: Recruiting. Part C: Completed.").
- The one arm of a single-arm study labelled: "Arm A: autologous anti-CD19 CAR-T cells. This single-arm study
  has no other arm." was refused (a part alone, no other part given a value: `part.alone and len(parts) < 2`).
  A part the document says is the trial's one of its kind ("single-arm", "Single Group Assignment", "one
  cohort", "no other arm") and names no other of ("Arm B", "Arms A and B", "both arms") is the trial now
  (kept_out._the_only_one). A part labelled alone where the document says nothing of how many there are stays
  a part's ("Status: Part A: Completed.", "Cohort 2: allogeneic ..." of hunt 194): "Part A" says a Part B may be.

Every wrong value tests/test_attacks_mut_hunt194.py refuses stays refused (that file passes unchanged).
"""

from __future__ import annotations

import json
from pathlib import Path

import mutations
import pytest
from conftest import IM19_PATH, IM19_TEXT_HEAD, add_source, im19_draft, joined, put, record_data


def _codes(root: Path, text: str, field: str, key: str, words: str | list[str]) -> set[str]:
    """The codes of IM19's draft citing a plain source of IM19's head and text (conftest.im19_out's document),
    holding field (YAML) quoted by words under key, checked in-process as `trials validate` checks it."""
    source = add_source(root, "seeds/942_review205_parts.txt", IM19_TEXT_HEAD + text + "\n")
    put(root, IM19_PATH, joined(im19_draft(source), f"{field}evidence:\n  {key}: {json.dumps(words)}\n"))
    return mutations.Checks(root).codes(IM19_PATH, record_data(root / IM19_PATH, IM19_PATH))


_STATUS = ("overall_status: {}\n", "overall_status", "E507")
_ORIGIN = ("cell_product:\n  origin: {}\n", "cell_product.origin", "E507")
_PHASES = ("phases:\n  - {}\n", "phases", "E507")
_SEX = ("eligibility:\n  sex: {}\n", "eligibility.sex", "E507")
_COUNT = ("enrollment:\n  count: {}\n", "enrollment", "E508")

HONEST = [
    # (parts joined: the value of each, the trial's)
    ("Part A and Part B: Recruiting.", _STATUS, "RECRUITING", "Part A and Part B: Recruiting"),
    ("Parts A and B: Recruiting.", _STATUS, "RECRUITING", "Parts A and B: Recruiting"),
    ("Part A/B: Recruiting.", _STATUS, "RECRUITING", "Part A/B: Recruiting"),
    ("Part A/Part B: Recruiting.", _STATUS, "RECRUITING", "Part A/Part B: Recruiting"),
    ("Part A & Part B: Recruiting.", _STATUS, "RECRUITING", "Part A & Part B: Recruiting"),
    ("Part A, B and C: Recruiting.", _STATUS, "RECRUITING", "Part A, B and C: Recruiting"),
    ("Part A, Part B and Part C: Recruiting.", _STATUS, "RECRUITING", "Part C: Recruiting"),
    ("Both parts: Recruiting.", _STATUS, "RECRUITING", "Both parts: Recruiting"),
    ("All cohorts: Recruiting.", _STATUS, "RECRUITING", "All cohorts: Recruiting"),
    ("Status: Cohort 1 and Cohort 2: Completed.", _STATUS, "COMPLETED", "Cohort 1 and Cohort 2: Completed"),
    ("Arm A and Arm B: autologous CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Arm A and Arm B: autologous"),
    ("Part A and Part B: Female.", _SEX, "FEMALE", "Part A and Part B: Female"),
    ("Part A and Part B are Phase 1.", _PHASES, "PHASE1", "Part A and Part B are Phase 1"),
    ("In total, Part A and Part B enrol 24 participants.", _COUNT, "24", "24 participants"),
    ("Part A and Part B enrol 24 participants.", _COUNT, "24", "24 participants"),
    ("In total, Part A & Part B enrol 24 participants.", _COUNT, "24", "24 participants"),
    ("In total, Cohort 1, Cohort 2 and Cohort 3 enrol 24 participants.", _COUNT, "24", "24 participants"),
    # (the one arm of a single-arm study, labelled)
    (
        "Arm A: autologous anti-CD19 CAR-T cells. This single-arm study has no other arm.",
        _ORIGIN,
        "AUTOLOGOUS",
        "Arm A: autologous anti-CD19 CAR-T cells",
    ),
    ("A single-arm study. Arm A: autologous CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Arm A: autologous"),
    ("Single Group Assignment. Arm 1: autologous CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Arm 1: autologous"),
    ("Only one arm. Arm A: Recruiting.", _STATUS, "RECRUITING", "Arm A: Recruiting"),
    ("A one-arm study. Arm A: Recruiting.", _STATUS, "RECRUITING", "Arm A: Recruiting"),
    ("Arm A: 24 participants. This single-arm study has no other arm.", _COUNT, "24", "24 participants"),
    ("A single cohort. Cohort 1: Female.", _SEX, "FEMALE", "Cohort 1: Female"),
]

_TWO_ARMS = "Single-arm. Arm A: autologous CAR-T cells. Arm B: allogeneic CAR-T cells."
WRONG = [
    # (parts joined beside another part given another value: theirs, not the trial's)
    ("Part A and Part B: Recruiting. Part C: Completed.", _STATUS, "RECRUITING", "Part A and Part B: Recruiting"),
    ("Part C: Completed. Part A and Part B: Recruiting.", _STATUS, "COMPLETED", "Part C: Completed"),
    (
        "Arm A and Arm B: autologous CAR-T cells. Arm C: allogeneic CAR-T cells.",
        _ORIGIN,
        "AUTOLOGOUS",
        "Arm A and Arm B: autologous",
    ),
    # (a count one part of several is given: a number after a part's comma is no part's joined)
    ("In Part 1, 12 participants will be enrolled. In Part 2, 6.", _COUNT, "12", "12 participants"),
    ("Part A and Part B enrol 24 participants. Part C enrols 12 participants.", _COUNT, "12", "12 participants"),
    # (a single arm said, another arm named; another kind of part said single; single denied)
    (_TWO_ARMS, _ORIGIN, "ALLOGENEIC", "Arm B: allogeneic"),
    (_TWO_ARMS, _ORIGIN, "AUTOLOGOUS", "Arm A: autologous"),
    ("A single-arm study. Arms A and B. Arm A: autologous CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Arm A: autologous"),
    ("A single-arm study in two parts. Part A: Completed.", _STATUS, "COMPLETED", "Part A: Completed"),
    ("This is not a single-arm study. Arm A: autologous CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Arm A: autologous"),
    ("A single-arm study. Both arms receive cells. Arm A: Female.", _SEX, "FEMALE", "Arm A: Female"),
    ("Arm A: 12 participants. Arm B: 12 participants. Single-arm.", _COUNT, "12", "12 participants"),
    ("Single-arm. Arm A: Female. The control arm: all.", _SEX, "FEMALE", "Arm A: Female"),
    ("Patients in one arm get cells. Arm A: autologous CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Arm A: autologous"),
    # (hunt 194's, a part labelled alone where nothing says how many there are)
    ("Status: Part A: Completed.", _STATUS, "COMPLETED", "Part A: Completed"),
    ("Arm A: autologous CAR-T cells.", _ORIGIN, "AUTOLOGOUS", "Arm A: autologous"),
]


@pytest.mark.parametrize(("text", "field", "value", "words"), HONEST, ids=[c[0] for c in HONEST])
def test_a_value_of_joined_parts_or_of_the_only_arm_is_the_trials(
    registry: Path, text: str, field: tuple[str, str, str], value: str, words: str
) -> None:
    assert _codes(registry, text, field[0].format(value), field[1], words) == set()


@pytest.mark.parametrize(("text", "field", "value", "words"), WRONG, ids=[f"{c[0]}|{c[2]}" for c in WRONG])
def test_a_value_of_some_parts_only_stays_refused(
    registry: Path, text: str, field: tuple[str, str, str], value: str, words: str
) -> None:
    assert field[2] in _codes(registry, text, field[0].format(value), field[1], words)


# Priority 3 of the review: a part its readers did not know (a number in words, a cohort named by a word, a dose's
# escalation or expansion alone, a table's bar as its mark): each first part's value passed as the trial's
UNKNOWN_PARTS = [
    ("Part One: Completed. Part Two: Recruiting.", "Part One: Completed"),
    ("Cohort Two: Completed. Cohort Three: Recruiting.", "Cohort Two: Completed"),
    ("Adult cohort: Completed. Paediatric cohort: Recruiting.", "Adult cohort: Completed"),
    ("LN sub-group: Completed. Extrarenal sub-group: Recruiting.", "LN sub-group: Completed"),
    ("Escalation: Completed. Expansion: Recruiting.", "Escalation: Completed"),
    ("Dose escalation - Completed. Dose expansion - Recruiting.", "Dose escalation - Completed"),
    ("Part A | Completed; Part B | Recruiting", "Part A | Completed"),
]


@pytest.mark.parametrize(("text", "words"), UNKNOWN_PARTS, ids=[t for t, _ in UNKNOWN_PARTS])
def test_a_value_of_a_part_named_otherwise_is_not_the_trials(registry: Path, text: str, words: str) -> None:
    """Found by the reviewer of the parts' rule, fixed: the part readers knew a part by its letter, number or
    roman numeral and a few words (kept_out._A_PART_ITS_LETTER, _A_PART_BY_NAME), its mark a colon or a dash.
    A number in words ("Part One"), a cohort or a sub-group a capitalised word names ("Adult cohort:", not
    "Single cohort:"), a dose's escalation or expansion alone before its mark, and a bar as the mark
    are read now (E507); the trial's own value beside them binds."""
    status = _STATUS[0].format("COMPLETED")
    assert "E507" in _codes(registry, text, status, _STATUS[1], words)
    whole = f"Overall status: Recruiting.\n{text}"
    assert _codes(registry, whole, _STATUS[0].format("RECRUITING"), _STATUS[1], "Overall status: Recruiting") == set()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Single cohort: Recruiting.", "Single cohort: Recruiting"),
        ("Study cohort: Recruiting.", "Study cohort: Recruiting"),
        ("In this dose-escalation study, the status is Recruiting.", "Recruiting"),
        ("Dose escalation and expansion study. Status: Recruiting.", "Status: Recruiting"),
    ],
)
def test_the_trials_value_by_a_parts_word_binds(registry: Path, text: str, words: str) -> None:
    assert _codes(registry, text, _STATUS[0].format("RECRUITING"), _STATUS[1], words) == set()
