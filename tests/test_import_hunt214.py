"""trials import ctgov on real API v2 studies varied as registry entries vary (hunt 214, helper-77): each case a real
study of tests/fixtures/ctgov/real/ with one part given as the registry gives it for other studies, imported into a
registry copy shared by the module (each variant under an NCT id of its own, held with --out-of-scope), that joined,
misread or misplaced what the study states. Beside each, the honest study that must import as it did. The values
changed are test inputs: no fact of any study.

Found and fixed:
- Markdown italics within a criterion ("* Patients *not* on dialysis", "* _Active_ SLE") were imported in its words,
  marks and all, where the registry's page shows the words alone, and the check, reading the source alike, passed
  it. The reader now reads a pair of single marks at words' edges as the words they set off (criteria_text.bold
  ._ITALIC), after the bold, and so does the check's reading of a source (layouts.shown, ctgov_study's plain
  lines); a record keeping them is refused (E501, naming Markdown italics). A bullet ("* Pregnancy"), a footnote's
  mark ("ANA*"), a product's star ("2*ULN", "10*9/L"), a run of underscores, escaped marks and a glued bullet's
  ("*Hb > 9" / "*ANC > 1000") are read as written.
- items numbered with whole decimals at the top of a list ("1.0 Age 18 to 65" / "2.0 SLE" / "2.1 Hb > 9") were
  imported unnumbered. Where two lines at least are so numbered in order, each is now item 1, 2, ...
  (marks._WHOLE_DECIMAL, read by coded_marks as "#1" and "1 - " are), and the check numbers a criterion so only where
  coded_marks reads the source's line so; a lone "1.0 ULN or less" or "3.0 HIV" in a list numbered otherwise is as
  written, and a record numbering it is refused (E504).
- a list's one item numbered with a spaced dash or a hash ("Exclusion Criteria:" / "1 - Pregnancy") kept "1 - " in
  its words (the mark was read only where two lines in order share it). A line numbered 1 so, a word after its mark,
  right under a line ending in its colon, is now item 1 (marks._led_in); "1 - 2 mg daily" (a number after the mark)
  and a line under no colon are as written.
- the reader's remarks quoted a line bold or in italics whole as the source writes it ("criterion ('Pregnancy **or**
  breastfeeding') runs on over a line that holds only a conjunction") where the record holds the words alone: a
  remark now quotes the words (sections.split, bold.shown_words); marks the source escapes are quoted as shown.
- roman numerals between two letters of a list at one indent ("(b) ANC" / "(i) absolute" / "(ii) relative" / "(c)
  Platelets"), the lettered item ending in no colon, were read as parts beside the letters, with no remark. Where
  the letters go on with the next letter after them, the numerals are now the parts of the letter above
  (nesting.letters_resume); "i." after "h." is the letter i, as before. Where nothing shows whose they are (no
  colon, no letter after them), they are read beside the letters as before, and a remark says so.
- a sub-heading right over another, as the old NCI layout heads its sub-headings ("PATIENT CHARACTERISTICS:" /
  "Age:" / "* 18 and over"), was imported as a criterion of the group above it, with no remark. It is now read as a
  sub-heading heading no criterion of its own (groups._over_subheadings), said in a remark; the criteria are listed
  under the sub-heading right above them (a record's criterion has one group).
- a criteria text in the old NCI layout ("DISEASE CHARACTERISTICS:" / ... / "PATIENT CHARACTERISTICS:" / ... /
  "PRIOR CONCURRENT THERAPY:" / ...), under no inclusion or exclusion heading, was left to the curator whole. Each
  of its lines is a condition a patient must meet to be eligible (its exclusions stated so: "No prior ..."), so it
  is now read as one list of inclusion criteria, its sections sub-headings, said in a remark (criteria_text.nci);
  only where its first line heads such a section and no line heads a list.
- bold and italics at once ("* ***Active*** SLE", "(___any___ stage)") kept their marks in the criterion's words,
  where neither the bold's nor the italics' reading reached them: a pair of three marks at words' edges is now read
  as its words first (bold._BOTH), by the reader and the check alike; "10***9/L" and blanks "___" as written.

Found and left (each reproduced with criteria_text.split(text), or by importing with_criteria(text)):
- roman numerals right under lettered items at one indent, the lettered item ending in no colon and no letter after
  them ("1. Labs:" / "(a) Hb > 9" / "(b) ANC" / "(i) absolute" / "(ii) relative" / "2. SLE"), or the letters going
  on at another than the next ("d." after "(ii)"), are still read as parts beside the letters (nothing in the text
  shows whose they are), now said in a remark (reader.romans_beside);
- a whole decimal's line in a list numbered otherwise ("1. Age" / "2. Creatinine" / "1.0 ULN or less") imports
  "ULN or less" as a top-level criterion of its own, unnumbered, the value 1.0 lost, with no remark (a decimal
  before a capital is read as an item's mark: marks._ITEM's dec); a list's one item "1.0 Pregnancy" imports
  unnumbered (whole decimals are read as numbers only in a run);
- a sub-heading right over another keeps only the lower one as the criteria's group ("Age", not "PATIENT
  CHARACTERISTICS"), said in a remark: a record's criterion has one group;
- items numbered with a degree sign ("1° SLE" / "2° Age"), after "Step" ("Step 1. SLE" / "Step 2. Age") or as a
  task list ("- [ ] SLE") keep those marks in their words (a remark names the lines with no list mark, but for the
  task list);
- a criteria text written with HTML line breaks ("Inclusion Criteria:<br>1. SLE<br>2. Age<br>...") is one
  criterion holding both lists (the API gives Markdown; a study so written has not been seen).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_registry, criteria_texts, import_study, importer_hunt, main, notes_on, with_criteria
from sle_trials.reading import criteria_text

shared, run_import, draft = importer_hunt("hunt214", 92140001)


def inclusion(lines: str) -> list:
    """The inclusion criteria's texts read from lines under the heading, beside an exclusion list of one."""
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert found.exclusion == [{"text": "Pregnancy"}]
    return criteria_texts(found.inclusion)


# --- Markdown italics -------------------------------------------------------------------------------------------------

ITALICS = (
    "Inclusion Criteria:\n\n* Patients *not* on dialysis\n* _Active_ SLE\n* Adequate organ function:\n"
    "   * *Hb* > 9 g/dL\n\nExclusion Criteria:\n\n1. Pregnancy\n2. HIV infection (*any* stage)"
)


def test_markdown_italics_are_read_as_the_words_they_set_off(
    draft: Callable, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "Patients *not* on dialysis", "_Active_ SLE", "*Hb* > 9 g/dL" and "HIV infection (*any* stage)"
    imported so, the marks in the criteria's words. A record keeping them is refused."""
    data = draft(with_criteria(ITALICS))
    elig = data["eligibility"]
    assert criteria_texts(elig["inclusion_criteria"]) == [
        "Patients not on dialysis",
        "Active SLE",
        "Adequate organ function:",
        ["Hb > 9 g/dL"],
    ]
    assert criteria_texts(elig["exclusion_criteria"]) == ["Pregnancy", "HIV infection (any stage)"]
    assert notes_on(data, "eligibility") == []
    root = copy_registry(tmp_path / "registry")
    status, said, _ = import_study(root, with_criteria(ITALICS), "NCT92149999")
    assert status == 0, said
    record = root / "trials" / "NCT92149999.yaml"
    written = record.read_text(encoding="utf-8")
    assert "Patients not on dialysis" in written
    record.write_text(written.replace("Patients not on dialysis", "Patients *not* on dialysis"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(root)]) == 1
    assert "Markdown italics" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* ANA* positive\n* anti-dsDNA*", ["ANA* positive", "anti-dsDNA*"]),  # footnotes' marks, after a word
        ("* ALT < 2*ULN and AST < 3*ULN", ["ALT < 2*ULN and AST < 3*ULN"]),  # a product's star, within words
        ("* ANC > 1.5 x 10*9/L", ["ANC > 1.5 x 10*9/L"]),
        ("* ALT < 2.5 * ULN", ["ALT < 2.5 * ULN"]),  # spaced
        ("* Initials: ____ and ____", ["Initials: ____ and ____"]),  # runs of underscores
        ("* CD19_CAR_T cells", ["CD19_CAR_T cells"]),  # within a word
        ("* \\*Footnoted\\* criterion", ["*Footnoted* criterion"]),  # escaped: asterisks the page shows
        ("*Hb > 9\n*ANC > 1000", ["Hb > 9", "ANC > 1000"]),  # glued bullets
    ],
)
def test_single_marks_that_set_off_no_words_are_read_as_written(lines: str, read: list) -> None:
    assert inclusion(lines) == read


def test_an_honest_record_of_a_text_with_stars_imports_and_checks(draft: Callable) -> None:
    data = draft(
        with_criteria("Inclusion Criteria:\n\n* ANA* positive\n* ALT < 2*ULN\n\nExclusion Criteria:\n\n* Pregnancy")
    )
    assert criteria_texts(data["eligibility"]["inclusion_criteria"]) == ["ANA* positive", "ALT < 2*ULN"]


# --- top-level decimal numbering --------------------------------------------------------------------------------------


def test_items_numbered_with_whole_decimals_keep_their_numbers(draft: Callable) -> None:
    """Before: "1.0 Age 18 to 65" / "2.0 SLE" imported unnumbered, the list's numbering lost with no remark."""
    data = draft(
        with_criteria(
            "Inclusion Criteria:\n\n1.0 Age 18 to 65\n2.0 SLE\n2.1 Hb > 9 g/dL\n3.0 Signed consent\n\n"
            "Exclusion Criteria:\n\n1.0 Pregnancy\n2.0 HIV"
        )
    )
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65"},
        {"number": 2, "text": "SLE", "sub_criteria": [{"text": "Hb > 9 g/dL"}]},
        {"number": 3, "text": "Signed consent"},
    ]
    assert elig["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}, {"number": 2, "text": "HIV"}]


def test_a_whole_decimal_in_a_list_numbered_otherwise_is_no_items_number() -> None:
    found = criteria_text.split(
        "Inclusion Criteria:\n\n1. Age 18 to 65\n2. SLE\n\nExclusion Criteria:\n\n1. Pregnancy\n3.0 HIV"
    )
    assert [c.get("number") for c in found.exclusion] == [1, None]


def test_a_record_numbering_a_lone_whole_decimal_is_refused(tmp_path: Path) -> None:
    """The check reads a source's whole decimals as the importer does: a line "3.0 HIV" under "1. Pregnancy" numbers
    no item, and a record numbering its criterion 3 is refused (E504)."""
    root = copy_registry(tmp_path / "registry")
    text = "Inclusion Criteria:\n\n1. SLE\n2. Age 18 to 65\n\nExclusion Criteria:\n\n1. Pregnancy\n3.0 HIV"
    status, said, data = import_study(root, with_criteria(text), "NCT92149998")
    assert status == 0, said
    # (since hunt 215 the line's words keep their value, "3.0 HIV": criteria_text.marks._ITEM reads no whole decimal)
    assert data is not None and data["eligibility"]["exclusion_criteria"][-1] == {"text": "3.0 HIV"}
    record = root / "trials" / "NCT92149998.yaml"
    written = record.read_text(encoding="utf-8")
    assert written.count("    - text: 3.0 HIV\n") == 1
    record.write_text(written.replace("    - text: 3.0 HIV\n", "    - number: 3\n      text: HIV\n"), encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1


# --- a list's one item numbered with a spaced dash or a hash ----------------------------------------------------------

ONE_DASHED = "Inclusion Criteria:\n\n1 - Active SLE\n2 - Age 18 to 65\n\nExclusion Criteria:\n\n1 - Pregnancy"


@pytest.mark.parametrize(
    "exclusion", ["1 - Pregnancy", "1 – Pregnancy", "#1 Pregnancy"], ids=["dash", "en dash", "hash"]
)
def test_a_lists_one_item_numbered_with_a_spaced_dash_is_item_1(draft: Callable, exclusion: str) -> None:
    """Before: "1 - Pregnancy" imported as the criterion "1 - Pregnancy", its number in its words (the mark was read
    only where two lines in order share it)."""
    data = draft(with_criteria(f"Inclusion Criteria:\n\n* SLE\n\n**Exclusion Criteria:**\n\n{exclusion}"))
    assert data["eligibility"]["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}]


def test_one_dashed_item_after_a_dashed_list_is_item_1(draft: Callable) -> None:
    data = draft(with_criteria(ONE_DASHED))
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Active SLE"},
        {"number": 2, "text": "Age 18 to 65"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}]


@pytest.mark.parametrize(
    "lines",
    [
        "* Prednisone dose:\n1 - 2 mg daily",  # a range: a number after the mark
        "* Creatinine:\n1.0 ULN or less",  # a whole decimal, a value as often as an item's number
        "* Prednisone between\n1 - Weight based",  # no colon above
    ],
)
def test_a_lone_number_not_led_in_by_a_colon_numbers_no_item(lines: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert "number" not in str(found.inclusion), found.inclusion


# --- a remark quoting a line bold or in italics whole -----------------------------------------------------------------


@pytest.mark.parametrize("conjunction", ["**or**", "__or__", "*or*", "_or_"])
def test_a_remark_quotes_the_words_the_record_holds(conjunction: str) -> None:
    """Before: "criterion ('Pregnancy **or** breastfeeding') runs on over a line that holds only a conjunction",
    where the criterion imported is "Pregnancy or breastfeeding"."""
    found = criteria_text.split(
        f"Inclusion Criteria:\n\n* SLE\n\nExclusion Criteria:\n\n* Pregnancy\n{conjunction}\nbreastfeeding\n* HIV"
    )
    assert criteria_texts(found.exclusion) == ["Pregnancy or breastfeeding", "HIV"]
    assert any("('Pregnancy or breastfeeding')" in r for r in found.remarks), found.remarks


def test_a_remark_quotes_marks_the_source_escapes_as_written() -> None:
    found = criteria_text.split(
        "Inclusion Criteria:\n\n* SLE\n\nExclusion Criteria:\n\n* \\*\\*Pregnancy\\*\\*\n**or**\nbreastfeeding"
    )
    assert criteria_texts(found.exclusion) == ["**Pregnancy** or breastfeeding"]
    assert any("('**Pregnancy** or breastfeeding')" in r for r in found.remarks), found.remarks


# --- roman numerals between two letters of a list ---------------------------------------------------------------------

ROMANS = (
    "Inclusion Criteria:\n\n1. Labs:\n(a) Hb > 9 g/dL\n(b) ANC\n(i) absolute > 1000/uL\n(ii) relative > 40%\n"
    "(c) Platelets > 100,000/uL\n2. Active SLE\n\nExclusion Criteria:\n\n1. Pregnancy"
)


def test_roman_numerals_between_two_letters_are_the_parts_of_the_letter_above(draft: Callable) -> None:
    """Before: "(i) absolute" and "(ii) relative" read as parts of "1. Labs:" beside "(b) ANC", with no remark."""
    data = draft(with_criteria(ROMANS))
    assert criteria_texts(data["eligibility"]["inclusion_criteria"]) == [
        "Labs:",
        ["Hb > 9 g/dL", "ANC", ["absolute > 1000/uL", "relative > 40%"], "Platelets > 100,000/uL"],
        "Active SLE",
    ]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        # "i." after "h." is the letter i, as before
        ("g. Hb\nh. ANC\ni. Platelets\nj. ALT", ["Hb", "ANC", "Platelets", "ALT"]),
        # (a run started at "i" right after a letter, the letters going on at another or a number after them, has been
        # read as the letter's parts since hunt 215: test_import_hunt215.py)
    ],
)
def test_roman_numerals_no_letter_resumes_after_are_read_as_before(lines: str, read: list) -> None:
    assert inclusion(lines) == read


# --- a sub-heading right over another ---------------------------------------------------------------------------------

OVER = (
    "Inclusion Criteria:\n\nDISEASE CHARACTERISTICS:\n\n* Active SLE\n\nPATIENT CHARACTERISTICS:\n\nAge:\n\n"
    "* 18 and over\n\nPerformance status:\n\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy"
)


def test_a_sub_heading_right_over_another_is_no_criterion(draft: Callable) -> None:
    """Before: "PATIENT CHARACTERISTICS:" imported as a criterion of the group "DISEASE CHARACTERISTICS", with no
    remark."""
    data = draft(with_criteria(OVER))
    assert data["eligibility"]["inclusion_criteria"] == [
        {"group": "DISEASE CHARACTERISTICS", "text": "Active SLE"},
        {"group": "Age", "text": "18 and over"},
        {"group": "Performance status", "text": "ECOG 0-1"},
    ]
    assert any("'PATIENT CHARACTERISTICS'" in n and "sub-heading" in n for n in notes_on(data, "eligibility"))


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("Adults:\n\n* Age 18 to 65\n\nAdolescents:\n\n* Age 12 to 17", ["Age 18 to 65", "Age 12 to 17"]),
        # a line ending in a colon right over a paragraph that is no sub-heading: a criterion, as before
        ("* SLE\n\nPatients must have:\n\nsigned consent", None),
    ],
)
def test_sub_headings_over_items_are_read_as_before(lines: str, read: list | None) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert not any("right over another" in r for r in found.remarks)
    if read is not None:
        assert criteria_texts(found.inclusion) == read


# --- NCI's old layout -------------------------------------------------------------------------------------------------

NCI = (
    "DISEASE CHARACTERISTICS:\n\n* Active systemic lupus erythematosus\n\nPATIENT CHARACTERISTICS:\n\nAge:\n\n"
    "* 18 and over\n\nPerformance status:\n\n* ECOG 0-1\n\nPRIOR CONCURRENT THERAPY:\n\n* No prior CAR-T cell therapy"
)


def test_nci_sections_are_one_list_of_inclusion_criteria(draft: Callable) -> None:
    """Before: no heading read, the whole text left to the curator with a note."""
    data = draft(with_criteria(NCI))
    elig = data["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"group": "DISEASE CHARACTERISTICS", "text": "Active systemic lupus erythematosus"},
        {"group": "Age", "text": "18 and over"},
        {"group": "Performance status", "text": "ECOG 0-1"},
        {"group": "PRIOR CONCURRENT THERAPY", "text": "No prior CAR-T cell therapy"},
    ]
    assert "eligibility.inclusion_criteria" not in data["curation"].get("not_yet_curated", [])
    assert any("conditions of eligibility in sections" in n for n in notes_on(data, "eligibility"))


@pytest.mark.parametrize(
    "text",
    [
        # a section's name under an inclusion heading: the lists as headed, as before
        "Inclusion Criteria:\n\nDISEASE CHARACTERISTICS:\n\n* Active SLE\n\nExclusion Criteria:\n\n* Pregnancy",
        # in words, not a section heading alone
        "Patient characteristics: adults with active SLE\n\n* Age 18 and over",
    ],
)
def test_a_text_not_in_nci_sections_is_read_as_before(text: str) -> None:
    found = criteria_text.split(text)
    assert not any("conditions of eligibility in sections" in r for r in found.remarks)


# --- bold and italics at once -----------------------------------------------------------------------------------------


def test_bold_and_italics_at_once_are_read_as_their_words(draft: Callable, tmp_path: Path) -> None:
    """Before: "***Active*** SLE" and "___any___ stage" imported so, the marks in the criteria's words."""
    text = "Inclusion Criteria:\n\n* ***Active*** SLE\n\nExclusion Criteria:\n\n* HIV infection (___any___ stage)"
    data = draft(with_criteria(text))
    assert criteria_texts(data["eligibility"]["inclusion_criteria"]) == ["Active SLE"]
    assert criteria_texts(data["eligibility"]["exclusion_criteria"]) == ["HIV infection (any stage)"]


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("ANC > 10***9/L", "ANC > 10***9/L"),  # within a number
        ("Initials: ___ and ___", "Initials: ___ and ___"),  # blanks to fill in
    ],
)
def test_three_marks_that_set_off_no_words_are_read_as_written(line: str, read: str) -> None:
    assert inclusion(f"* {line}") == [read]


@pytest.mark.parametrize(
    "lines",
    [
        "g. Hb\nh. ANC\ni. Platelets",  # the letter i
        "1. Labs:\n(a) Hb\n(b) ANC:\n(i) absolute\n(ii) relative\n2. SLE",  # under the letter's colon
        "1. Labs:\n(a) Hb\n(b) ANC\n(i) absolute\n(c) Platelets\n2. SLE",  # between two letters
        "1. SLE\n2. Labs:\ni. Hb\nii. ANC",  # under a number
    ],
)
def test_roman_numerals_read_under_an_item_or_as_letters_need_no_remark(lines: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{lines}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert not any("roman numerals right after lettered items" in r for r in found.remarks), found.remarks
