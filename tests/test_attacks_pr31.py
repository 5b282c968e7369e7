"""Attacks of the attack31 hunt, as a pull-request author who wants a false value to pass.

- A trial named by the id another registry gave it (ChiCTR, ISRCTN, EudraCT, ...) in a plain source:
  a plain document speaks of a trial from a line naming it to the next line naming any, and only an
  NCT id named one. "IM19 enrolled 6 participants. The ChiCTR2400081234 trial enrolled 60
  participants." lent IM19's draft the other trial's enrollment of 60, which the same sentence naming
  NCT09999999 did not; so did a line "ChiCTR2400081234" over the other trial's "Enrollment: 60
  participants", and a page's faint "ChiCTR2400081234" (text a reader is shown and the check does not
  read), where a faint NCT id ended the section (markup.BARRIER).
"""

from __future__ import annotations

import pytest
from conftest import IM19_PAGE_HEAD, IM19_TEXT_HEAD, Trials

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
