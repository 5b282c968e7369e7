"""Audit 208 (helper-52's) of the seven curated records against their sources, field by field.

Found and mended: the Relma-cel record's first line, a comment, read "Relma-cel (relmacabtagene autoleucel, CD19
CAR-T) in moderate to severe active SLE.", above "every value below is stated there"; its ClinConnect page
(seeds/004_2ad16b9ce66a0787.txt) writes "Relma-cel", "CD19-CART" and "Relma Cel", never "relmacabtagene
autoleucel": a name from the curator's knowledge. It passed because no check read a record's comments, and because
a name was read (lexicon.note_names) only in capitals, so a curation note writing it passed as well. A comment is
now held to the names a note is (E501: checks.remark_names.check_comment_names, checks.comment_lines), and a cell
therapy's international name is a name in lower case too.

The frozen registry of the tests (and the two invalid fixtures copying the record) held the same comment, mended
alike. Everything else the seven records hold was checked against their sources and found as they state it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import DATA_ROOT, IM19_PATH, RELMA_PATH, Trials, codes_with_a_note_rewritten
from sle_trials.checks import load

RELMA_FIRST_LINE = "# Relma-cel (CD19-CART) in moderate to severe active SLE.\n"
IM19_FIRST_LINE = "# IM19 CAR-T cells in refractory SLE (Peking University Third Hospital).\n"


def _with_first_line(root: Path, shown: str, old: str, new: str) -> Path:
    path = root / shown
    text = path.read_text(encoding="utf-8")
    assert text.startswith(old), shown
    path.write_text(new + text[len(old) :], encoding="utf-8")
    return path


def _e501_lines(trials: Trials, path: Path) -> list[int | None]:
    return [line for _, line, _ in trials.json("validate", path).where("E501")]


# --- a comment naming what no source writes ----------------------------------------------------------------------

UNSOURCED_COMMENTS = [
    # the real record's comment, as it stood
    (RELMA_PATH, RELMA_FIRST_LINE, "# Relma-cel (relmacabtagene autoleucel, CD19 CAR-T) in moderate to severe SLE.\n"),
    # a place, a hospital, a sponsor no source of the record names
    (RELMA_PATH, RELMA_FIRST_LINE, "# Relma-cel (CD19-CART) in active SLE, run at Ruijin Hospital.\n"),
    (IM19_PATH, IM19_FIRST_LINE, "# IM19 CAR-T cells in refractory SLE (Wuhan Union Hospital).\n"),
    (IM19_PATH, IM19_FIRST_LINE, "# IM19 CAR-T cells in refractory SLE, made by Immunochina Pharmaceuticals.\n"),
    # a product's international name, in lower case and as a short name
    (IM19_PATH, IM19_FIRST_LINE, "# IM19 CAR-T cells in refractory SLE; compare obe-cel.\n"),
    (IM19_PATH, IM19_FIRST_LINE, "# IM19 CAR-T cells in refractory SLE, like tisagenlecleucel.\n"),
]


@pytest.mark.parametrize(("shown", "old", "new"), UNSOURCED_COMMENTS, ids=[new for _, _, new in UNSOURCED_COMMENTS])
def test_a_comment_naming_what_no_source_writes_is_refused(trials: Trials, shown: str, old: str, new: str) -> None:
    """Refused at the comment's line: by its name, and a body it brackets at the title's end by where it places the
    trial too (remark_parts, hunt 221), each its own problem."""
    path = _with_first_line(trials.root, shown, old, new)
    lines = _e501_lines(trials, path)
    assert lines and set(lines) == {1}


def test_a_comment_after_a_value_is_read(trials: Trials) -> None:
    """A comment on a value's line, after it, is read as one on a line of its own."""
    path = trials.root / IM19_PATH
    text = path.read_text(encoding="utf-8")
    old = "overall_status: RECRUITING\n"
    assert old in text
    path.write_text(text.replace(old, "overall_status: RECRUITING  # as of Wuhan's update\n"), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    assert _e501_lines(trials, path) == [line]


# --- a note naming a product's international name in lower case ---------------------------------------------------

TREATMENT = "The source names the treatment Relma-cel"


@pytest.mark.parametrize(
    "new",
    [
        "The source names the treatment Relma-cel (relmacabtagene autoleucel)",
        "The source names the treatment Relma-cel, as axicabtagene ciloleucel is named",
        "The source names the treatment relma-cel and liso-cel",
    ],
)
def test_a_note_naming_an_international_name_no_source_writes_is_refused(registry: Path, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, RELMA_PATH, TREATMENT, new)


def test_a_note_naming_the_sources_product_in_lower_case_passes(registry: Path) -> None:
    """The source's "Relma-cel", written in lower case, is the source's name."""
    new = "The source names the treatment relma-cel"
    assert "E501" not in codes_with_a_note_rewritten(registry, RELMA_PATH, TREATMENT, new)


# --- honest comments -------------------------------------------------------------------------------------------------

HONEST_COMMENTS = [
    # names the source writes, or the record holds; a file's path; the registry a copy is of
    (RELMA_PATH, RELMA_FIRST_LINE, "# Relma-cel at Renji Hospital Shanghai Jiaotong University School of Medical.\n"),
    (IM19_PATH, IM19_FIRST_LINE, "# IM19 (seeds/000_84a0f0163f21158e.txt, a copy of the ClinicalTrials.gov record).\n"),
    (IM19_PATH, IM19_FIRST_LINE, "# Imported from seeds/000_84a0f0163f21158e.txt (ClinicalTrials.gov) by `trials`.\n"),
    # a field's line commented out, as the skeleton of `trials new` writes it, its description naming anything
    (IM19_PATH, IM19_FIRST_LINE, "# acronym:  # The acronym, as ClinicalTrials.gov or the Wuhan sponsor gives it.\n"),
    (IM19_PATH, IM19_FIRST_LINE, '#   - "YYYY-MM-DD"\n'),
]


@pytest.mark.parametrize(("shown", "old", "new"), HONEST_COMMENTS, ids=[new for _, _, new in HONEST_COMMENTS])
def test_an_honest_comment_passes(trials: Trials, shown: str, old: str, new: str) -> None:
    path = _with_first_line(trials.root, shown, old, new)
    assert _e501_lines(trials, path) == []


# --- what a comment is -----------------------------------------------------------------------------------------------


def test_a_hash_inside_a_text_is_no_comment() -> None:
    """A "#" in a quoted text or a line of a folded text is the value's; one after a blank outside them starts a
    comment, running to its line's end."""
    from sle_trials.checks import comment_lines

    text = (
        "# top\n"
        'nct_id: "NCT06513429 #1"  # after # a value\n'
        "brief_title: >-\n"
        "  A title\n"
        "  # of its text\n"
        "acronym: A#B\n"
    )
    record, problems = load.parse(text, "t.yaml")
    assert record is not None and problems == []
    assert record.comments == [
        comment_lines.Comment(1, 1, " top"),
        comment_lines.Comment(2, 27, " after # a value"),
    ]
    assert record.data["brief_title"] == "A title # of its text"


class _Counted(str):
    """A file's text that counts the characters its counts of lines are asked to read."""

    read = 0

    def count(self, sub: str, start: Any = None, end: Any = None) -> int:
        _Counted.read += (len(self) if end is None else end) - (start or 0)
        return super().count(sub, start, end)


def test_a_files_comments_are_placed_reading_its_text_once() -> None:
    """Each comment's line was counted from the file's start: a 1 MiB file of 10,000 comment lines read 5 GB
    (8 of its 16 s of CPU). The lines are counted on from the comment before: four times the lines, four times
    the characters read."""
    from sle_trials.checks import comment_lines

    def read(lines: int) -> int:
        _Counted.read = 0
        found = comment_lines.comments(_Counted("key: value  # a comment\n" * lines), [])
        assert [c.line for c in found] == list(range(1, lines + 1))
        return _Counted.read

    assert read(4000) <= 4 * read(1000) + 100


def test_a_comment_of_no_word_is_no_remark() -> None:
    """A rule of hashes or dashes says nothing for a remark's readers to read: each read such a line anyway (a 1 MiB
    file of "#" lines took 10 s of CPU to check). A comment of one letter or digit, in any script, is still read."""
    from sle_trials import paths
    from sle_trials.checks import comment_lines

    found = [
        comment_lines.Comment(i, 1, text) for i, text in enumerate(["#" * 40, " ----", "", " ≥ ·", " x", " 7", " é"])
    ]
    assert [c.text for c, _ in comment_lines.remarks(found, paths.load_schema(DATA_ROOT))] == [" x", " 7", " é"]
