"""Attacks of the attack31 hunt, as a pull-request author who wants a false value to pass.

- A trial named by the id another registry gave it (ChiCTR, ISRCTN, EudraCT, ...) in a plain source:
  a plain document speaks of a trial from a line naming it to the next line naming any, and only an
  NCT id named one. "IM19 enrolled 6 participants. The ChiCTR2400081234 trial enrolled 60
  participants." lent IM19's draft the other trial's enrollment of 60, which the same sentence naming
  NCT09999999 did not; so did a line "ChiCTR2400081234" over the other trial's "Enrollment: 60
  participants", and a page's faint "ChiCTR2400081234" (text a reader is shown and the check does not
  read), where a faint NCT id ended the section (markup.BARRIER).
- A heading about another product under a plain source's title and date, with no stop between
  them: a sentence naming the trial's id ran on through every line up to a stop, so the title line
  "Trial NCT06513429: IM19 ..." took "Last Updated: ...", "IM29 CAR-T in lymphoma" and "Enrollment:
  60 participants" as its own, gave IM19 the product IM29 and the disease lymphoma, and IM29's
  enrollment passed as IM19's (prose._groups: a line beginning with a label ends the sentence naming
  the id).
- A status word the words after it take back otherwise than as ended: "Recruiting will begin in
  2026.", "Recruiting has not started.", "Recruiting is planned for 2026.", "Recruiting paused",
  "Recruiting suspended", or the word as a label or a question whose answer follows ("Recruiting: not
  yet", "Recruiting status: Completed", "Recruiting? Not yet."). A quote "Recruiting" of each bound
  RECRUITING; only "was completed", "closed", "ended" and their kin took it back
  (vocabulary._STATUS_NOT_YET).
- A sex the words after it exclude: "Female patients are not eligible." bound the sex FEMALE with a
  quote "Female" (vocabulary._SEX_EXCLUDED); only words of pregnancy or contraception took it back.
- A term as a label whose answer denies it ("Randomized: No", "Has Results: No", "Interventional: no,
  this is an observational registry") bound RANDOMIZED, results posted and INTERVENTIONAL with a
  quote of the label (vocabulary._ANSWERED_NO); a phase the words after it say is planned or will
  begin ("Phase 2 is planned for 2027.") bound PHASE2 (prose._PLANNED_PHASE).
- An enrollment's or a date's type read from another quote of its list than the one stating its count
  or date: ["Start date: 2024-07-30", "Actual"] of a page writing "Start date: 2024-07-30
  (Estimated)" and "Actual Enrollment: 6 participants" made the start date actual, and ["Enrollment:
  60 participants", "Actual"] of "Actual numbers will be reported later." the count of 60 an actual
  one (counts.bind_count, dates.bind_date: the type is read in the quotes of its count or date).
- A status's word as a label of a date, a number or words after it: under "Status: Recruiting", a
  quote "Completed" of "Completed: 2026-06-30 (Estimated)" bound COMPLETED, of "Completed screening:
  40 patients" too, and "Withdrawn" of "Withdrawn participants: 0" WITHDRAWN
  (categorical._STATUS_AS_LABEL).
- A count of those who would not or could not take part: "60 participants will not be enrolled.",
  "60 participants declined to take part.", "60 participants failed screening." each bound an
  enrollment of 60 (head_counts._OTHER_GROUP).
- An age the words after it say is no requirement: "Aged 18 years or older is not required." bound a
  minimum age of 18, "Age 18 to 65 years is no longer a requirement." a maximum of 65
  (age_bounds._NOT_REQUIRED_AFTER).
"""

from __future__ import annotations

import re

import pytest
from conftest import (
    IM19_PAGE_HEAD,
    IM19_TEXT_HEAD,
    Trials,
    age_fields,
    im19_out,
)
from sle_trials.reading import prose, registry_ids

# --- a trial named by another registry's id ------------------------------------------------------

OTHER_REGISTRIES = [
    "IM19 enrolled 6 participants. The ChiCTR2400081234 trial enrolled 60 participants.\n",
    "IM19 enrolled 6 participants. The ISRCTN12345678 trial enrolled 60 participants.\n",
    "IM19 enrolled 6 participants. EudraCT 2020-001234-56 enrolled 60 participants.\n",
    "IM19 enrolled 6 participants. Trial 2023-500123-45-00 enrolled 60 participants.\n",
    "IM19 enrolled 6 participants. Trial CTRI/2020/05/025123 enrolled 60 participants.\n",
    "IM19 enrolled 6 participants. Trial jRCT2031210123 enrolled 60 participants.\n",
    # with a Cyrillic "С" in "ChiCTR", as a reader sees it
    "IM19 enrolled 6 participants. The ChiСTR2400081234 trial enrolled 60 participants.\n",
    "Enrollment: 6 participants\nChiCTR2400081234\nEnrollment: 60 participants\n",
]


@pytest.mark.parametrize("text", OTHER_REGISTRIES)
def test_another_registrys_trial_lends_no_value(trials: Trials, text: str) -> None:
    quote = "Enrollment: 60 participants" if "Enrollment: 60" in text else "60 participants"
    result = trials.enrollment("seeds/931_other_registry.txt", IM19_TEXT_HEAD + text, 60, quote)
    assert result.status == 1
    assert " E512 evidence for enrollment: " in result.out
    assert "is plain text naming other trials" in result.out


def test_the_trials_own_lines_still_bind(trials: Trials) -> None:
    text = IM19_TEXT_HEAD + "IM19 enrolled 6 participants.\nThe ChiCTR2400081234 trial enrolled 60 participants.\n"
    result = trials.enrollment("seeds/931_other_registry.txt", text, 6, "6 participants")
    assert result.status == 0, result.out


def test_a_faint_id_of_another_registry_ends_the_section(trials: Trials) -> None:
    # the faint id is shown to a reader and not read: which trial the lines after it are about is not known
    page = IM19_PAGE_HEAD + (
        "<p>Enrollment: 6 participants</p>\n"
        '<p><span style="color: #ccc">ChiCTR2400081234</span> Another CAR-T study</p>\n'
        "<p>Enrollment: 60 participants</p>\n</body></html>\n"
    )
    result = trials.enrollment("seeds/931_other_registry.html", page, 60, "Enrollment: 60 participants")
    assert result.status == 1
    assert " E512 evidence for enrollment: " in result.out


def test_text_of_other_words_is_no_registry_id(trials: Trials) -> None:
    # words that hold a registry's letters ("albumin", "electric"), faint, end no section
    page = IM19_PAGE_HEAD + (
        '<p><span style="color: #ccc">albumin electric</span></p>\n<p>Enrollment: 60 participants</p>\n</body></html>\n'
    )
    result = trials.enrollment("seeds/931_other_registry.html", page, 60, "Enrollment: 60 participants")
    assert result.status == 0, result.out


# --- a heading about another product run on into the title's sentence ---------------------------

ANOTHER_PRODUCT_UNDER_THE_TITLE = [
    "IM29 CAR-T in lymphoma\nEnrollment: 60 participants\n",
    "Enrollment: 6 participants\nIM29 CAR-T in lymphoma\nEnrollment: 60 participants\n",
    "Status: Recruiting\nIM29 CAR-T Cell Therapy in Multiple Myeloma\nEnrollment: 60 participants\n",
]


@pytest.mark.parametrize("text", ANOTHER_PRODUCT_UNDER_THE_TITLE)
def test_a_heading_of_another_product_under_the_title_is_not_the_trials(trials: Trials, text: str) -> None:
    result = trials.enrollment("seeds/932_run_on.txt", IM19_TEXT_HEAD + text, 60, "Enrollment: 60 participants")
    assert result.status == 1
    assert " E512 evidence for enrollment: " in result.out
    assert "in its sentences about this trial" in result.out


def test_the_trials_own_enrollment_under_its_title_still_binds(trials: Trials) -> None:
    # the title's own product and disease, on label lines under it, name no other trial
    text = IM19_TEXT_HEAD + "Product: IM19 CAR-T cells\nCondition: lupus\nEnrollment: 6 participants\n"
    result = trials.enrollment("seeds/932_run_on.txt", text, 6, "Enrollment: 6 participants")
    assert result.status == 0, result.out


# --- a status the words after it say has not begun, or is paused --------------------------------

NOT_RECRUITING = [
    "Recruiting will begin in 2026.",
    "Recruiting has not started.",
    "Recruiting has not yet begun.",
    "Recruiting is planned for 2026.",
    "Recruiting (expected Q3 2026)",
    "Recruiting - expected Q3 2026",
    "Recruiting is expected to start in 2026.",
    "Recruiting to start soon",
    "Recruiting paused",
    "Recruiting suspended",
    "Recruiting is on hold.",
    "Recruiting: not yet",
    "Recruiting: Closed",
    "Recruiting status: Completed",
    "Recruiting status unknown",
    "Recruiting? Not yet.",
]


def _status(trials: Trials, line: str, quote: str = "Recruiting") -> str:
    return im19_out(trials, line, f'overall_status: RECRUITING\nevidence:\n  overall_status: "{quote}"\n')


@pytest.mark.parametrize("line", NOT_RECRUITING)
def test_a_status_not_begun_or_paused_renders_none(trials: Trials, line: str) -> None:
    assert " E507 overall_status: RECRUITING is not what the quote states" in _status(trials, line)


@pytest.mark.parametrize(
    "line", ["Recruiting", "Status: Recruiting", "Recruiting since March 2024.", "Recruiting\nCompleted: 2026-06"]
)
def test_a_status_going_on_still_binds(trials: Trials, line: str) -> None:
    assert _status(trials, line) == ""


# --- a sex the words after it exclude ------------------------------------------------------------

EXCLUDED = [
    "Female patients are not eligible.",
    "Female patients are excluded.",
    "Female patients will not be enrolled.",
    "Female patients cannot take part.",
    "Female: not eligible",
    "Female participants: excluded",
]


def _sex(trials: Trials, line: str, quote: str, value: str) -> str:
    return im19_out(trials, line, f'eligibility:\n  sex: {value}\nevidence:\n  eligibility.sex: "{quote}"\n')


@pytest.mark.parametrize("line", EXCLUDED)
def test_a_sex_its_words_exclude_renders_none(trials: Trials, line: str) -> None:
    assert " E507 eligibility.sex: FEMALE is not what the quote states" in _sex(trials, line, "Female", "FEMALE")


@pytest.mark.parametrize(
    ("line", "quote", "value"),
    [
        ("Sex: Female", "Female", "FEMALE"),
        ("Female patients aged 18 to 65 years", "Female", "FEMALE"),
        ("Male or female patients who are not eligible for transplant", "Male or female", "ALL"),
    ],
)
def test_a_sex_who_may_enrol_still_binds(trials: Trials, line: str, quote: str, value: str) -> None:
    assert _sex(trials, line, quote, value) == ""


# --- a term as a label answered no, a phase planned ---------------------------------------------

PHASE2 = 'phases:\n  - PHASE2\nevidence:\n  phases: "Phase 2"\n'
ANSWERED_NO = [
    ("Randomized: No", 'design:\n  allocation: RANDOMIZED\nevidence:\n  design.allocation: "Randomized"\n'),
    ("Has Results: No", 'results_posted: true\nevidence:\n  results_posted: "Has Results"\n'),
    (
        "Interventional: no, this is an observational registry",
        'study_type: INTERVENTIONAL\nevidence:\n  study_type: "Interventional"\n',
    ),
    ("This is a Phase 1 trial. Phase 2 is planned for 2027.", PHASE2),
    ("Phase 2 will begin in 2027 if the Phase 1 part succeeds.", PHASE2),
]


@pytest.mark.parametrize(("line", "fields"), ANSWERED_NO)
def test_a_term_answered_no_or_planned_renders_none(trials: Trials, line: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Randomized: Yes", 'design:\n  allocation: RANDOMIZED\nevidence:\n  design.allocation: "Randomized"\n'),
        ("This is a Phase 1 trial.", 'phases:\n  - PHASE1\nevidence:\n  phases: "Phase 1"\n'),
        ("Phase 1 will enroll 24 patients.", 'phases:\n  - PHASE1\nevidence:\n  phases: "Phase 1"\n'),
    ],
)
def test_a_term_answered_yes_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- a type read from another quote of the list than its count's or date's ----------------------

ACTUAL_60 = "enrollment:\n  count: 60\n  type: ACTUAL\n"
TYPED_ELSEWHERE = [
    (
        "Start date: 2024-07-30 (Estimated)\nActual Enrollment: 6 participants",
        'dates:\n  start:\n    date: "2024-07-30"\n    type: ACTUAL\n'
        'evidence:\n  dates.start: ["Start date: 2024-07-30", "Actual"]\n',
    ),
    (
        "Enrollment: 60 participants\nActual numbers will be reported later.",
        ACTUAL_60 + 'evidence:\n  enrollment: ["Enrollment: 60 participants", "Actual"]\n',
    ),
    (
        "Actual Enrollment: 6 participants\nEstimated Enrollment: 60 participants",
        ACTUAL_60 + 'evidence:\n  enrollment: ["Actual Enrollment:", "60 participants"]\n',
    ),
]


@pytest.mark.parametrize(("text", "fields"), TYPED_ELSEWHERE)
def test_a_type_from_another_quote_of_the_list_is_refused(trials: Trials, text: str, fields: str) -> None:
    assert " E507 " in im19_out(trials, text, fields)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Start date: 2024-07-30 (Actual)",
            'dates:\n  start:\n    date: "2024-07-30"\n    type: ACTUAL\n'
            'evidence:\n  dates.start: "Start date: 2024-07-30 (Actual)"\n',
        ),
        (
            "Actual Enrollment: 60 participants",
            'enrollment:\n  count: 60\n  type: ACTUAL\nevidence:\n  enrollment: "Actual Enrollment: 60 participants"\n',
        ),
    ],
)
def test_a_type_stated_with_its_count_or_date_still_binds(trials: Trials, text: str, fields: str) -> None:
    assert im19_out(trials, text, fields) == ""


# --- a status's word as a label ------------------------------------------------------------------

AS_A_LABEL = [
    ("Status: Recruiting\nCompleted: 2026-06-30 (Estimated)", "COMPLETED", "Completed"),
    ("Status: Recruiting\nCompleted screening: 40 patients", "COMPLETED", "Completed"),
    ("Status: Recruiting\nWithdrawn participants: 0", "WITHDRAWN", "Withdrawn"),
]


@pytest.mark.parametrize(("text", "value", "quote"), AS_A_LABEL)
def test_a_status_word_as_a_label_is_no_status(trials: Trials, text: str, value: str, quote: str) -> None:
    fields = f'overall_status: {value}\nevidence:\n  overall_status: "{quote}"\n'
    assert f" E507 overall_status: {value} is not what the quote states" in im19_out(trials, text, fields)


@pytest.mark.parametrize(
    ("text", "value", "quote"),
    [
        ("Status: Completed", "COMPLETED", "Completed"),
        ("Recruiting Completed: 2026-06", "RECRUITING", "Recruiting"),
    ],
)
def test_a_status_given_as_one_still_binds(trials: Trials, text: str, value: str, quote: str) -> None:
    assert im19_out(trials, text, f'overall_status: {value}\nevidence:\n  overall_status: "{quote}"\n') == ""


# --- a count of those who would not or could not take part --------------------------------------

NOT_TAKING_PART = [
    "60 participants will not be enrolled.",
    "60 participants declined to take part.",
    "60 participants refused consent.",
    "60 participants failed screening.",
    "60 participants were not randomized.",
]
SIXTY = 'enrollment:\n  count: 60\nevidence:\n  enrollment: "60 participants"\n'


@pytest.mark.parametrize("text", NOT_TAKING_PART)
def test_a_count_of_those_not_taking_part_is_no_enrollment(trials: Trials, text: str) -> None:
    assert " E508 enrollment.count: 60 is not the number of participants" in im19_out(trials, text, SIXTY)


@pytest.mark.parametrize(
    "text",
    [
        "60 participants will be enrolled.",
        "60 participants are enrolled.",
        "60 participants who had declined other therapies were enrolled.",
    ],
)
def test_a_count_of_those_taking_part_still_binds(trials: Trials, text: str) -> None:
    assert im19_out(trials, text, SIXTY) == ""


# --- an age the words after it say is no requirement ---------------------------------------------

NOT_REQUIRED = [
    ("Aged 18 years or older is not required.", "Aged 18 years or older", "minimum_age", 18),
    ("Age 18 to 65 years is no longer a requirement.", "Age 18 to 65 years", "maximum_age", 65),
    ("Age 18 to 65 years is no longer a requirement.", "Age 18 to 65 years", "minimum_age", 18),
]


@pytest.mark.parametrize(("text", "quote", "bound", "value"), NOT_REQUIRED)
def test_an_age_no_longer_required_is_no_bound(trials: Trials, text: str, quote: str, bound: str, value: int) -> None:
    assert f" E508 eligibility.{bound}: {value} YEARS is not the" in im19_out(
        trials, text, age_fields(bound, value, quote)
    )


@pytest.mark.parametrize(
    ("text", "quote", "bound", "value"),
    [
        ("Age 18 to 65 years.", "Age 18 to 65 years", "maximum_age", 65),
        ("Aged 18 years or older", "Aged 18 years or older", "minimum_age", 18),
    ],
)
def test_an_age_required_still_binds(trials: Trials, text: str, quote: str, bound: str, value: int) -> None:
    assert im19_out(trials, text, age_fields(bound, value, quote)) == ""


# --- the sentence naming the id, read in time linear in its lines -------------------------------------


class _Line(str):
    """A line's text that counts how often it is looked through for the id."""

    looked = 0

    def __contains__(self, part: object) -> bool:
        _Line.looked += 1
        return super().__contains__(part)  # type: ignore[operator]


def test_a_long_sentence_of_label_lines_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether the sentence so far named the id was looked up through all its lines again at each line
    beginning with a label (80de800): a page of 20,000 such lines with no stop took a check four seconds
    a reading, fifteen in all (tests/test_attacks_repeated_rows.py's page). Each line is looked through
    once now."""
    pieces = prose.pieces
    monkeypatch.setattr(prose, "pieces", lambda text: [(_Line(piece), ends) for piece, ends in pieces(text)])
    lines = 2_000
    _Line.looked = 0
    groups = prose._groups("Sites of the study\n" + "Site: Hospital\n" * lines, "NCT06513429")
    assert len(groups) == 1 and _Line.looked <= 2 * lines, _Line.looked


# --- a line looked at for another registry's id in lower case ------------------------------------------

HINT_LINES = [
    "ChiCTR2400081234",
    "chictr-ior-17012345",
    "Registered as ISRCTN12345678 and EudraCT 2021-001234-12.",
    "The EUCT number 2023-500123-45-00",
    "jRCT2031210123 / JPRN-UMIN000012345",
    "NTR 1234 and NL-OMON12345; RBR-abc123; Rbr-xyz",
    "KCT0001234, IRCT20180101038123N1, PACTR201801001234567",
    "NCT06513429 only",
    "Enrollment: 60 participants",
    "",
]


@pytest.mark.parametrize("line", HINT_LINES)
def test_a_line_in_ascii_may_name_another_registrys_id_as_a_case_blind_reading_says(line: str) -> None:
    """registry_ids.may_name looks for a registry's letters in the line lower-cased, not with a
    case-blind pattern (which tried every alternative at every character: a plain source took twice as
    long to read). For a line in ASCII the two are the same, whatever its case."""
    case_blind = re.compile("(?i)" + registry_ids._HINT.pattern)
    for written in (line, line.upper(), line.lower(), line.swapcase()):
        assert registry_ids.may_name(written) == (case_blind.search(written) is not None), written
