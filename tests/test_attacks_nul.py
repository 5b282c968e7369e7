"""Pull-request attacks by a control character in a source: a number a reader is shown whole, read as two.

A source's invisible characters are left out of the text the checks read (invisible.DROPPED: C0 and
C1 controls, zero-width and bidirectional marks), so that "6<U+0001>0" reads as the 60 a reader is
shown. NUL was not among them, nor the information separators U+001C to U+001F, which Python splits
words at (Unicode, a browser and a terminal do not): "Enrollment: 6<NUL>0 participants", which a
terminal, an editor and a browser show as 60 (and GitHub, seeing a NUL, shows not at all), bound an
enrollment of 6 by the quote "Enrollment: 6", and of 0 by "0 participants". A JSON source's
"\u0000" was read as a space, to the same effect. Each is left out as the other controls are.

A source holding a NUL byte is read as no text at all (E531, reading/opening.py): git and GitHub show
such a file as binary, so its 60 bound a value from a document no reviewer of the pull request could
read. A separator (U+001F) leaves the file text to git, and is left out as a reader is shown it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, add_source_bytes, im19_draft, joined, put
from sle_trials.reading import layouts

SOURCE = "seeds/945_nul.txt"
TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17\n"
    "Enrollment: 6{}0 participants\n"
)


def _draft(registry: Path, count: int, quote: str, control: str = "\x00") -> None:
    add_source(registry, SOURCE, TEXT.format(control))
    fields = f'enrollment:\n  count: {count}\nevidence:\n  enrollment: "{quote}"\n'
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), fields))


@pytest.mark.parametrize("control", ["\x00", "\x1f"])
@pytest.mark.parametrize(("count", "quote"), [(6, "Enrollment: 6"), (0, "0 participants")])
def test_a_number_a_control_splits_binds_neither_part(
    registry: Path, trials: Trials, count: int, quote: str, control: str
) -> None:
    _draft(registry, count, quote, control)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


def test_the_number_a_reader_is_shown_binds(registry: Path, trials: Trials) -> None:
    _draft(registry, 60, "Enrollment: 60 participants", "\x1f")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.format("\x00").encode(),
        TEXT.format("").encode("utf-16-le"),  # UTF-16 with no byte-order mark: valid UTF-8, with NULs
    ],
)
def test_a_source_git_shows_as_binary_is_read_as_no_text(registry: Path, trials: Trials, raw: bytes) -> None:
    add_source_bytes(registry, SOURCE, raw)
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), 'enrollment:\n  count: 60\nevidence:\n  enrollment: "60"\n'))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1 and "E531" in result.out and "NUL byte" in result.out, result.out


def test_a_control_is_left_out_as_other_controls_are() -> None:
    assert layouts.normalise("6\x000, 6\x010, 6\x1c0 and 6\x1f0") == "60, 60, 60 and 60"
    assert layouts.normalise("6\x0b0, 6\x0c0 and 6\u20280") == "6 0, 6 0 and 6 0"  # white space: line breaks


def test_a_json_strings_control_is_left_out_and_its_white_space_kept() -> None:
    assert layouts.json_string("6\x000 6\x1f0 6\x010") == "60 60 60"
    assert layouts.json_string("a\tb\x0cc") == "a b c"
