"""A trial's status and design a note gives in other words than a code's (E501: checks/remark_prose.py, the lead's
hunt 211), after hunt 210 read "The trial is recruiting", "a randomised trial" and their kin.

Found and fixed:

- **A status in words of its recruitment or its end.** Beside Relma-cel's and IM19's RECRUITING, "Recruitment is
  closed.", "Enrollment has finished.", "The trial has completed enrolment.", "Recruitment has not started yet.",
  "The trial was halted." and "The trial stopped early." each passed: only a status's own words ("completed",
  "terminated") were read. Each such phrase now gives the statuses it may be (Coded.phrases: "recruitment is
  closed" any status past recruiting), and the record's must be one of them.
- **A status denied.** "The trial is no longer recruiting." and "The trial is not yet recruiting." beside a
  RECRUITING record passed: a code denied in a field of more than two gave nothing. A denied code is now held to
  not being the record's value (nor of a field the record declares silent).
- **Fields no note was read for.** "Healthy volunteers are accepted.", "It does not take healthy volunteers.",
  "This is a phase 2 trial.", "The cells are given subcutaneously.", "The cells are injected into the spinal
  canal.", "The primary purpose is prevention." and "Its arm is a placebo comparator." each passed on Relma-cel
  (PHASE1; the rest declared silent), and on IM19 (PHASE NA, INTRAVENOUS, no healthy volunteers) alike.
- **Fields only phrases give.** "It is an industry-sponsored trial.", "The sponsor is a company.", "The enrolment
  figure is an actual count.", "The start date is estimated.", "Lupus nephritis is required.", "It is a
  second-generation CAR.", "The cells are made with a fast manufacturing process." and "The principal investigator
  is the responsible party." passed on IM19 (sponsor class OTHER; the rest declared silent, its page never naming
  nephritis), and "Patients with severe lupus nephritis are excluded." there too.
- **A design in other words.** On Relma-cel, whose page never gives a design (the record declares it silent),
  "Patients are randomised 1:1 to two doses.", "Participants are randomly assigned to a dose.", "The trial is
  blinded." and "The trial is not randomised." passed; IM19's "The trial is blinded." beside its masking NONE too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials, shared_registry
from sle_trials.checks.remark_prose import CODED, coded_given
from test_attacks_mut_hunt209 import codes_with_a_note, codes_with_first_comment


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One registry copy for the module: each note is checked in memory (Checks.after), the file never written."""
    return shared_registry(tmp_path_factory, "prose211")


PAST_RECRUITING = [
    "Recruitment is closed.",
    "Enrollment has finished.",
    "Enrolment was completed in 2025.",
    "The trial has completed enrolment.",
    "It has now closed recruitment.",
    "The trial is no longer recruiting.",
    "The trial is not yet recruiting.",
    "Recruitment has not started yet.",
    "The study is yet to start enrolling.",
    "The trial was halted.",
    "The study has been put on hold.",
    "The trial stopped early.",
]


@pytest.mark.parametrize("shown", [RELMA_PATH, IM19_PATH])
@pytest.mark.parametrize("text", PAST_RECRUITING)
def test_a_status_in_other_words_than_the_records_is_refused(registry: Path, shown: str, text: str) -> None:
    """Each passed beside a RECRUITING record."""
    assert "E501" in codes_with_a_note(registry, shown, text, field="overall_status")


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (RELMA_PATH, "Patients are randomised 1:1 to two doses."),
        (RELMA_PATH, "Participants are randomly assigned to a dose."),
        (RELMA_PATH, "The trial is blinded."),
        (RELMA_PATH, "Outcome assessors are masked to the dose."),
        (RELMA_PATH, "The trial is not randomised."),
        (IM19_PATH, "The trial is blinded."),
        (IM19_PATH, "A masked study of IM19 CAR-T cells."),
    ],
)
def test_a_design_in_other_words_than_a_code_is_refused(registry: Path, shown: str, text: str) -> None:
    """Relma-cel's page gives no design (declared silent); IM19's masking is NONE, its allocation NA."""
    assert "E501" in codes_with_a_note(registry, shown, text, field="design")


@pytest.mark.parametrize(
    "text",
    [
        "Recruitment is open.",
        "Recruitment is ongoing.",
        "The trial is recruiting in China.",
        "The trial is currently enrolling patients.",
        "The source does not say whether recruitment is closed.",
        "The study was not stopped early.",
        "Treatment was discontinued in two patients.",
        "Prior immunosuppressants are stopped before dosing.",
        "Patients who completed enrolment procedures are dosed.",
        "The trial is not blinded.",
        "Patients are not randomised.",
        "It is unclear whether the trial is blinded.",
    ],
)
@pytest.mark.parametrize("shown", [RELMA_PATH, IM19_PATH])
def test_what_a_recruiting_trial_may_be_said_to_be_passes(registry: Path, shown: str, text: str) -> None:
    assert "E501" not in codes_with_a_note(registry, shown, text, field="overall_status")


def test_a_comment_giving_a_status_in_other_words_is_refused(trials: Trials) -> None:
    """A comment is read as a note is (check_comment_prose)."""
    assert "E501" in codes_with_first_comment(trials, RELMA_PATH, "# Relma-cel in SLE; recruitment is closed.")
    assert "E501" not in codes_with_first_comment(trials, RELMA_PATH, "# Relma-cel in SLE; recruitment is open.")


UNREAD_FIELDS = [
    "Healthy volunteers are accepted.",
    "The trial accepts healthy volunteers.",
    "This is a phase 2 trial.",
    "The trial is a phase 1/2 study.",
    "The cells are given subcutaneously.",
    "The cells are injected into the spinal canal.",
    "Its arm is a placebo comparator.",
    "A placebo-controlled trial.",
    "The control arm receives placebo.",
]


@pytest.mark.parametrize("shown", [RELMA_PATH, IM19_PATH])
@pytest.mark.parametrize("text", UNREAD_FIELDS)
def test_a_value_of_a_field_no_note_was_read_for_is_refused(registry: Path, shown: str, text: str) -> None:
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (RELMA_PATH, "It does not take healthy volunteers."),
        (RELMA_PATH, "The primary purpose is prevention."),
        (IM19_PATH, "It is a phase 1 trial."),
    ],
)
def test_what_the_record_and_its_page_do_not_say_is_refused(registry: Path, shown: str, text: str) -> None:
    """Relma-cel declares healthy volunteers and the design silent; IM19's phase is NA."""
    assert "E501" in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    "text",
    [
        "Healthy volunteers are not accepted.",
        "It takes no healthy volunteers.",
        "The source does not say whether healthy volunteers are accepted.",
        "The cells are given intravenously.",
        "IM19 CAR-T cells are infused into a vein.",
        "Patients receive the cells by intravenous infusion.",
        "Prior oral corticosteroids are allowed.",
        "The primary purpose is treatment.",
        "Phase 2 trials of other products are cited.",
        "It follows a phase 1 study of the product.",
        "There is no placebo arm.",
        "No patient receives placebo.",
    ],
)
def test_what_im19s_record_holds_may_be_said_in_words(registry: Path, text: str) -> None:
    """IM19: no healthy volunteers, INTRAVENOUS, TREATMENT, PHASE NA."""
    assert "E501" not in codes_with_a_note(registry, IM19_PATH, text)


def test_relma_cels_phase_may_be_said_in_words(registry: Path) -> None:
    assert "E501" not in codes_with_a_note(registry, RELMA_PATH, "It is a phase 1 trial.")


PHRASED = [
    "It is an industry-sponsored trial.",
    "The sponsor is a company.",
    "The enrolment figure is an actual count.",
    "The start date is estimated.",
    "The estimated completion date is given.",
    "Lupus nephritis is required.",
    "Patients with severe lupus nephritis are excluded.",
    "It is a second-generation CAR.",
    "The cells are made with a fast manufacturing process.",
    "The principal investigator is the responsible party.",
]


@pytest.mark.parametrize("text", PHRASED)
def test_a_field_a_phrase_gives_is_held_to_the_record(registry: Path, text: str) -> None:
    """IM19: sponsor class OTHER; enrolment type, dates' types, nephritis, construct and responsible party silent."""
    assert "E501" in codes_with_a_note(registry, IM19_PATH, text)


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (IM19_PATH, "The source does not say whether the start date is actual or estimated."),
        (IM19_PATH, "It is an academic trial."),
        (IM19_PATH, "The sponsor is a hospital."),
        (RELMA_PATH, "The sponsor is a company."),  # its page's "CO., LTD.", its class silent
        (IM19_PATH, "The planned surgery criterion is kept."),
        (RELMA_PATH, "Patients with severe lupus nephritis are excluded."),
        (RELMA_PATH, "Lupus nephritis is named in the exclusion criteria."),
    ],
)
def test_what_a_record_holds_a_phrase_may_say(registry: Path, shown: str, text: str) -> None:
    """Relma-cel excludes severe lupus nephritis (SEVERE_EXCLUDED)."""
    assert "E501" not in codes_with_a_note(registry, shown, text)


@pytest.mark.parametrize(
    "text",
    [
        "Lymphodepletion is cyclophosphamide alone, without fludarabine.",
        "Lymphodepletion uses cyclophosphamide rather than fludarabine.",
        "Lymphodepletion uses cyclophosphamide instead of fludarabine.",
    ],
)
def test_an_agent_said_to_be_left_out_is_none_given(text: str) -> None:
    """Each gave FLUDARABINE as well, and a record of cyclophosphamide alone was refused its true note."""
    agents = next(coded for coded in CODED if coded.field == "lymphodepletion.agents.agent")
    assert list(coded_given(text, agents)) == ["CYCLOPHOSPHAMIDE"]
