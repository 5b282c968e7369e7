"""trials import ctgov on criteria texts that mark their headings and items as registry entries do, the layouts hunt 194
left (tests/test_import_real_hunt194.py, "Found and left"), each with variants of its kind (helper-31): a real study
of tests/fixtures/ctgov/real/ with its criteria rewritten, imported into a registry copy with --out-of-scope, that
once imported into a draft saying what its source does not, which the check, reading the source alike, passed; beside
each, the layouts that must read as they did, and the ones the importer must leave to the curator rather than guess.
The texts are test inputs, built for their layout: no fact of any study.

Found and fixed:
- an item's code written with a colon, a space or no stop ("IC1: Age", "IC 1. Age", "IN1 Age", "ec-2:", "EX 10)")
  was no mark: kept in its criterion's text, and a wrapped line of one read as a criterion of its own. Read as a
  mark where the text codes a list so (two lines coded alike, numbered in order); a code alone ("IC50: 10 nM") as
  before;
- a heading ended by a full stop ("Exclusion Criteria.") right under an item was read as an inclusion criterion, the
  exclusion criteria its parts, and over a paragraph as one, the exclusion paragraph another; after a blank line,
  over items, the list was left to the curator. Read as a heading where a list item stands under it; over a
  paragraph or nothing, the lines under it are the curator's, said in a note (a sentence ends so too);
- a heading after a label and its colon or dash ("Subject Selection: Inclusion Criteria", "Patient Eligibility -
  Inclusion Criteria", "Part A: Inclusion Criteria") was no heading: the whole text left to the curator. A label of
  the study's selection heads the list as the heading alone; a part's label heads that part's list, its group; any
  other label ("Lupus Nephritis: Inclusion Criteria") is left to the curator, as before;
- a run of items set apart each by blank lines, as the list's own are, under a paragraph leading into them, with
  nothing to show where it ends, was imported as two alternatives and the rest the list's criteria, each required,
  the ambiguity said only in a note; under an item bulleted alike, as the list's, with no note. The layout does not
  say: the importer leaves the list to the curator (a note), and the check, reading the source, holds the run's
  items whose depth it does not say at none, so that either reading passes and one the layout rules out does not;
- items numbered after a hash ("#1 Age", "#2 SLE") were one criterion, a line opening with "#" read as a wrapped line,
  and a number before a spaced dash ("1 - Age") was kept in its text: read as the item's number where the text numbers
  a list so (two lines alike, in order), the check finding it where the source writes it;
- a part's name alone on its line over the part's items ("Part A" / "1. ..." / "Part B" / "1. ...", "Cohort 2
  (Extrarenal)"), with no colon or bold, was read as a criterion, the next part's items its parts or the first
  part's: now a sub-heading, as "Part A:" is;
- a lead-in on its own line over the list ("Participants must meet all of the following:"), read as a sub-heading,
  grouped every criterion of the list under it: the list's first items are now no group's, with a remark;
- a paragraph first in the inclusion list leading into alternatives ("Patients must have at least one of the
  following:") was a sub-heading, its alternatives and the list's criteria each required as its group's: now a
  criterion holding the run under it, as it was after an item;
- a line numbered after a hash, before a spaced dash or coded out of its list's sequence ("2 - Prednisone dose
  between" / "5 - 30 mg/day." / "3 - Weight") was read as an item once two lines were numbered in order: "30 mg/day."
  imported as criterion 5, the check passing it (E504 found "5 - 30 mg/day." anywhere) and refusing the true reading.
  A line is an item's mark only where its number goes on with its run (the next number; 1 again for a new list);
- a coded item after one ending in a comma ("IC2: ... criteria," / "IC3: scoring 10"), written "IC3. " as a mark,
  was read as a wrapped line, the rewritten code in IC2's text: the import refused (E501), nothing written. A list's
  code is an item's mark after a line running on too, as a number is;
- categories lettered over a numbering that goes on across them ("A. General" / "1." / "2." / "B. Disease" / "3.")
  read "General" as a criterion and "Disease" as a part of item 2: now the labels of their categories.

Found and left:
- categories lettered over a numbering started again under each ("A. General" / "1. Adults" / "B. Disease" / "1.
  SLE") read as before: "General" a criterion beside "Adults", "SLE" a part of "Disease" (test_lettered_categories);
- a bare number opening each line ("1 Adults" / "2 SLE") stays in each criterion's text: a number and a space is a
  wrapped line's words as often ("2 weeks ..."), and the check's numbering would have to find "2 text" anywhere;
- "Inclusion criterion 1: Adults" (a code spelled out) stays in its text;
- a JSON source's tabs are spaces before the reader reads them (layouts.json_string): "1.\tAge" and "•\tHIV" read
  as items in an import, though criteria_text.split given the raw text reads them as no marks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    VARIED_NCT,
    Trials,
    criteria_tree,
    edit,
    imported_criteria,
    inclusion_tree,
    refused_as_imported_before,
    split_inclusion,
    split_lists,
)
from sle_trials.reading import criteria_text

# --- an item's code with a colon, a space or no stop --------------------------------------------------------------

CODED = (
    "Inclusion Criteria:\n\nIC1: Age 18 to 65 years\nIC2: Systemic lupus erythematosus per the 2019 EULAR/ACR\n"
    "classification criteria\nIC3: Signed informed consent\n\nExclusion Criteria:\n\nEC1: Pregnancy\n"
    "EC2: Active infection"
)


def test_an_items_code_with_a_colon_is_its_mark(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "IC1: Age 18 to 65 years" (an inclusion item's code with a colon, "EC1:" an exclusion item's, as
    protocols code their criteria) was no mark: the code kept in the criterion's text, and "classification criteria",
    a wrapped line of IC2, read as a criterion of its own; the check, reading the source alike, passed it. A code a
    text numbers in order on two lines at least, coded alike, marks its items as "IC1." does."""
    data = imported_criteria(trials, registry, CODED, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {"text": "Systemic lupus erythematosus per the 2019 EULAR/ACR classification criteria"},
        {"text": "Signed informed consent"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}, {"text": "Active infection"}]


def test_a_draft_reading_a_coded_items_wrapped_line_as_a_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, CODED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - text: Systemic lupus erythematosus per the 2019 EULAR/ACR classification criteria\n",
        "    - text: Systemic lupus erythematosus per the 2019 EULAR/ACR\n    - text: classification criteria\n",
    )


TWO = [(None, "Age 18-65"), (None, "SLE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon, a space before the number, no stop; in lower case, with a hyphen, two digits
        ("IC1: Age 18-65\nIC2: SLE", TWO),
        ("IC 1. Age 18-65\nIC 2. SLE", TWO),
        ("IC 1: Age 18-65\nIC 2: SLE", TWO),
        ("IN1 Age 18-65\nIN2 SLE", TWO),
        ("IN 1 Age 18-65\nIN 2 SLE", TWO),
        ("in1 Age 18-65\nin2 SLE", TWO),
        ("ic1) Age 18-65\nic2) SLE", TWO),
        ("Inc-1: Age 18-65\nInc-2: SLE", TWO),
        ("I1: Age 18-65\nI2: SLE", TWO),
        ("I 1. Age 18-65\nI 2. SLE", TWO),
        ("IC9: Age 18-65\nIC10: SLE", TWO),
        ("IC10 Age 18-65\nIC11 SLE", TWO),
        # a wrapped line goes on with its item; lettered parts nest under a coded item leading into them
        ("IN1 Age 18 to 65 years,\ninclusive\nIN2 SLE", [(None, "Age 18 to 65 years, inclusive"), (None, "SLE")]),
        (
            "IC1: Age 18-65\nIC2: Labs:\na. Hb ≥ 9\nb. ANC ≥ 1.5\nIC3: Consent",
            [(None, "Age 18-65"), (None, "Labs:"), [(None, "Hb ≥ 9"), (None, "ANC ≥ 1.5")], (None, "Consent")],
        ),
        # indented alike
        ("  IC1: Age 18-65\n  IC2: SLE", TWO),
        # neighbours: a code alone, or coded otherwise than the next, or numbered out of order, is words as before
        ("IC1: Age 18-65", [(None, "IC1: Age 18-65")]),
        ("* IC50: below 10 nM\n* EC50: below 20 nM", [(None, "IC50: below 10 nM"), (None, "EC50: below 20 nM")]),
        ("IC50: below 10 nM\nIC90: below 20 nM", [(None, "IC50: below 10 nM"), (None, "IC90: below 20 nM")]),
        ("IC1: Age 18-65\nIC2. SLE", [(None, "IC1: Age 18-65"), (None, "SLE")]),
        # ... and words: letters, a space and a number with no stop, not in capitals
        ("* Prior\nIn 1 week: X\nIn 2 weeks: Y", [(None, "Prior"), (None, "In 1 week: X In 2 weeks: Y")]),
    ],
)
def test_codes_with_a_colon_a_space_or_no_stop(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


def test_each_list_coded_with_its_own_letters() -> None:
    text = (
        "Inclusion Criteria:\nINC 1: Age 18-65\nINC 2: SLE\nExclusion Criteria:\nEXC 1: Pregnancy\nEXC 2: HIV\n"
        "EXC 3: Prior CAR-T"
    )
    assert split_lists(text) == (TWO, [(None, "Pregnancy"), (None, "HIV"), (None, "Prior CAR-T")])


# --- a heading ended by a full stop ---------------------------------------------------------------------------------

STOPPED = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Active SLE\nExclusion Criteria.\n1. Pregnancy\n"
    "2. Active infection"
)


def test_a_heading_ended_by_a_full_stop_over_a_list_heads_it(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "Exclusion Criteria." (a heading with a full stop for its colon) right under an item was read as an
    inclusion criterion, the exclusion criteria under it its parts (pregnancy one of the conditions of taking part),
    and the check, reading the source alike, passed it; after a blank line, the exclusion list was left to the
    curator. A full stop ends a sentence too: the line heads its list where a list item stands under it."""
    data = imported_criteria(trials, registry, STOPPED, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Active infection"},
    ]


def test_a_draft_reading_a_heading_ended_by_a_full_stop_as_a_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, STOPPED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "      text: Active SLE\n  exclusion_criteria:\n    - number: 1\n      text: Pregnancy\n    - number: 2\n"
        "      text: Active infection\n",
        "      text: Active SLE\n    - text: Exclusion Criteria.\n      sub_criteria:\n        - number: 1\n"
        "          text: Pregnancy\n        - number: 2\n          text: Active infection\n",
    )


STOPPED_OVER_WORDS = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Active SLE\n\nExclusion Criteria.\n\n"
    "Women who are pregnant or breastfeeding are not eligible."
)


def test_a_heading_ended_by_a_full_stop_over_a_paragraph_is_left_to_the_curator(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Exclusion Criteria." over a paragraph (no list item under it: a heading, or a sentence's words) was
    imported as an inclusion criterion, and the exclusion paragraph as another. Where no list item shows the line
    heads a list, the lines under it are read into neither list: the curator's, said in a note."""
    data = imported_criteria(trials, registry, STOPPED_OVER_WORDS, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [{"text": "Age 18 to 65 years"}, {"text": "Active SLE"}]
    assert "exclusion_criteria" not in data["eligibility"]
    assert "eligibility.exclusion_criteria" in data["curation"]["not_yet_curated"]
    notes = [n["text"] for n in data["curation"]["notes"]]
    assert any("'Exclusion Criteria.' that may head a list, ended by a full stop" in n for n in notes), notes


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion", "unplaced"),
    [
        # tight or set apart; in capitals, in lower case after its first word, in bold, after a qualifier; items
        # bulleted, numbered to two digits, lettered
        (
            "Inclusion Criteria:\n* Adults\nExclusion Criteria.\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
            False,
        ),
        (
            "Inclusion Criteria.\n\n* Adults\n\nEXCLUSION CRITERIA.\n\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
            False,
        ),
        (
            "INCLUSION CRITERIA.\n* Adults\nExclusion criteria.\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
            False,
        ),
        (
            "**Inclusion Criteria.**\n* Adults\n**Exclusion Criteria**.\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
            False,
        ),
        (
            "Key Inclusion Criteria.\n* Adults\nKey Exclusion Criteria .\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
            False,
        ),
        (
            "Inclusion Criteria:\n9. Adults\n10. SLE\nExclusion Criteria.\n10. Pregnancy\n11. HIV",
            [(9, "Adults"), (10, "SLE")],
            [(10, "Pregnancy"), (11, "HIV")],
            False,
        ),
        (
            "Inclusion Criteria:\na) Adults\nExclusion Criteria.\na) Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
            False,
        ),
        # marked as an item, alone, as a heading with no stop is read
        (
            "Inclusion Criteria:\n* Adults\n* Exclusion Criteria.\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
            False,
        ),
        # indented throughout, as NCT04207047 writes its criteria
        (
            "  Inclusion Criteria:\n\n  1. Adults\n\n  Exclusion Criteria.\n\n  1. Pregnancy",
            [(1, "Adults")],
            [(1, "Pregnancy")],
            False,
        ),
        # over a paragraph, or nothing: the curator's, the lines under it in neither list
        ("Inclusion Criteria:\n* Adults\n\nExclusion Criteria.\n\nPregnant women.", [(None, "Adults")], [], True),
        ("Inclusion Criteria:\n* Adults\nExclusion Criteria.", [(None, "Adults")], [], True),
        # ... or a list item under it less indented than it
        ("Inclusion Criteria:\n* Adults\n\n   Exclusion Criteria.\n\n* Pregnancy", [(None, "Adults")], [], True),
        # neighbours: a wrapped line, a sentence going on after the stop, words before the heading's, lower case
        (
            "Inclusion Criteria:\n* Patients who meet none of the\nExclusion Criteria.\n* SLE",
            [(None, "Patients who meet none of the Exclusion Criteria."), (None, "SLE")],
            [],
            False,
        ),
        (
            "Inclusion Criteria:\n* Adults\n* See Exclusion Criteria.\n* SLE",
            [(None, "Adults"), (None, "See Exclusion Criteria."), (None, "SLE")],
            [],
            False,
        ),
        ("Inclusion Criteria:\n* Adults\n\nExclusionary criteria.\n\n* HIV", [(None, "Adults")], [], True),
        # ... and in lower case: set off, a heading; right under a line, doubtful (a wrapped line's words as well)
        ("inclusion criteria.\n\n* Adults\n\nexclusion criteria.\n\n* HIV", [(None, "Adults")], [(None, "HIV")], False),
        ("Inclusion Criteria:\n* Adults\nexclusion criteria.\n* HIV", [(None, "Adults")], [], True),
        (
            "Inclusion Criteria:\n* Adults\n* exclusion criteria.\n* SLE",
            [(None, "Adults"), (None, "exclusion criteria."), (None, "SLE")],
            [],
            False,
        ),
    ],
)
def test_headings_ended_by_a_full_stop(text: str, inclusion: list, exclusion: list, unplaced: bool) -> None:
    found = criteria_text.split(text)
    assert (criteria_tree(found.inclusion), criteria_tree(found.exclusion), found.unplaced) == (
        inclusion,
        exclusion,
        unplaced,
    )


# --- a heading after a label ----------------------------------------------------------------------------------------

LABELLED = (
    "Subject Selection: Inclusion Criteria\n\n1. Age 18 to 65 years\n2. Active SLE\n\n"
    "Subject Selection: Exclusion Criteria\n\n1. Pregnancy\n2. Active infection"
)


def test_a_heading_after_a_label_of_the_selection_heads_its_list(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Subject Selection: Inclusion Criteria" (a heading after a label saying the lists are the study's
    selection, its colon between them) was no heading: the whole text was left to the curator. A label of the
    selection ("Subject Selection", "Patient Eligibility", "Study Population") says nothing a heading alone does not:
    the heading heads its list."""
    data = imported_criteria(trials, registry, LABELLED, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE"},
    ]
    assert [c["text"] for c in data["eligibility"]["exclusion_criteria"]] == ["Pregnancy", "Active infection"]
    assert not {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"} & set(
        data["curation"].get("not_yet_curated", [])
    ), data["curation"].get("not_yet_curated")


def _headed(first: str, second: str) -> str:
    return f"{first}\n\n* Age 18-65\n\n{second}\n\n* Pregnancy"


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion", "unplaced"),
    [
        # a colon or a dash after the label; in capitals, bold, a markdown heading; the heading's colon or aside
        (
            _headed("Patient Eligibility - Inclusion Criteria", "Patient Eligibility - Exclusion Criteria"),
            None,
            None,
            False,
        ),
        (_headed("ELIGIBILITY: INCLUSION CRITERIA", "ELIGIBILITY: EXCLUSION CRITERIA"), None, None, False),
        (
            _headed("**Study Population: Inclusion Criteria**", "**Study Population: Exclusion Criteria**"),
            None,
            None,
            False,
        ),
        (
            _headed("## Subject Selection: Inclusion Criteria:", "## Subject Selection: Exclusion Criteria:"),
            None,
            None,
            False,
        ),
        (_headed("Eligibility Criteria: Inclusion", "Eligibility Criteria: Exclusion"), None, None, False),
        (
            _headed("Selection criteria – Inclusion criteria (all must be met):", "Exclusion Criteria:"),
            None,
            None,
            False,
        ),
        (
            _headed("Participant Selection: Key Inclusion Criteria", "Participant Selection: Key Exclusion Criteria"),
            None,
            None,
            False,
        ),
        # a criterion run in after the heading's colon
        (
            "Subject selection: inclusion criteria: Age 18-65\n\nSubject selection: exclusion criteria: Pregnancy",
            None,
            None,
            False,
        ),
        # a part's label: the line names that part's list, its group
        (
            "Part A: Inclusion Criteria\n* Age 18-65\nCohort 2 - Inclusion Criteria\n* Age 12-17\nExclusion Criteria:\n"
            "* Pregnancy",
            [("Part A: Inclusion Criteria", None, "Age 18-65"), ("Cohort 2 - Inclusion Criteria", None, "Age 12-17")],
            [(None, "Pregnancy")],
            False,
        ),
        # ... and a selection's label before a heading naming a part
        (
            "Inclusion Criteria:\n* Age 18-65\nEligibility: Inclusion Criteria for Part B:\n* Age 12-17\n"
            "Exclusion Criteria:\n* Pregnancy",
            [(None, "Age 18-65"), ("Inclusion Criteria for Part B", None, "Age 12-17")],
            [(None, "Pregnancy")],
            False,
        ),
        # neighbours: a label naming whom, a note's, words after the heading's: no heading, as before (the curator's)
        (_headed("Lupus Nephritis: Inclusion Criteria", "Exclusion Criteria:"), [], [(None, "Pregnancy")], True),
        (
            "Note: Inclusion Criteria\n\n* Age 18-65\n\nExclusion Criteria:\n\n* Pregnancy",
            [],
            [(None, "Pregnancy")],
            True,
        ),
        (
            "Inclusion Criteria:\n\n* Adults\n\nEligibility: Inclusion criteria of the parent study met\n\n"
            "Exclusion Criteria:\n\n* Pregnancy",
            [(None, "Adults"), (None, "Eligibility: Inclusion criteria of the parent study met")],
            [(None, "Pregnancy")],
            False,
        ),
    ],
)
def test_headings_after_a_label(text: str, inclusion: list | None, exclusion: list | None, unplaced: bool) -> None:
    found = criteria_text.split(text)
    expected = (
        [(None, "Age 18-65")] if inclusion is None else inclusion,
        [(None, "Pregnancy")] if exclusion is None else exclusion,
        unplaced,
    )
    assert (criteria_tree(found.inclusion), criteria_tree(found.exclusion), found.unplaced) == expected


# --- a spaced run whose end nothing shows ---------------------------------------------------------------------------

UNSHOWN = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n\n* Active SLE\n\nPatients must have at least one of the following:"
    "\n\n* SLEDAI-2K ≥ 6 at screening\n\n* BILAG A in one organ system\n\n* Signed informed consent\n\n"
    "Exclusion Criteria:\n\n* Pregnancy"
)
LEAD = "Patients must have at least one of the following:"


def _notes(data: dict) -> list[str]:
    return [n["text"] for n in data["curation"].get("notes", [])]


def test_a_spaced_run_whose_end_nothing_shows_is_left_to_the_curator(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, alternatives set apart each by blank lines under a paragraph leading into them, as the list's own
    items are, with nothing to show where they end (no "; or", no lower case), were imported as the first two
    alternatives and the items after them as the list's criteria, each required ("Signed informed consent" could as
    well be a third alternative), the ambiguity said only in a note. The layout does not say: the list is left to
    the curator, said in a note, and the check holds the items after the first two at no depth, so that either
    reading the curator makes of the source passes."""
    data = imported_criteria(trials, registry, UNSHOWN, tmp_path)
    assert "inclusion_criteria" not in data["eligibility"]
    assert "eligibility.inclusion_criteria" in data["curation"]["not_yet_curated"]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}]
    assert any("nothing shows where they end" in n and LEAD in n for n in _notes(data)), _notes(data)


@pytest.mark.parametrize(
    ("consent_under", "alternative_at_top", "refused"),
    [
        # the curator's two readings: consent the list's, or a third alternative
        (False, False, False),
        (True, False, False),
        # a reading the layout rules out: the second alternative the list's (a choice is of two at least)
        (False, True, True),
    ],
)
def test_the_curators_reading_of_a_spaced_run_whose_end_nothing_shows(
    trials: Trials, registry: Path, tmp_path: Path, consent_under: bool, alternative_at_top: bool, refused: bool
) -> None:
    imported_criteria(trials, registry, UNSHOWN, tmp_path)
    sub = "        - text: "
    top = "    - text: "
    listed = (
        f'{top}Age 18 to 65 years\n{top}Active SLE\n{top}"{LEAD}"\n      sub_criteria:\n'
        f"{sub}SLEDAI-2K ≥ 6 at screening\n{top if alternative_at_top else sub}BILAG A in one organ system\n"
        f"{sub if consent_under else top}Signed informed consent\n"
    )
    edit(
        registry,
        f"trials/{VARIED_NCT}.yaml",
        ("    - eligibility.inclusion_criteria\n", ""),
        ("  exclusion_criteria:\n", f"  inclusion_criteria:\n{listed}  exclusion_criteria:\n"),
    )
    result = trials("check")
    assert (result.status, "E512" in result.out) == (int(refused), refused), result.out


@pytest.mark.parametrize(
    ("text", "unshown", "unsaid"),
    [
        # under a paragraph: the items after the first two
        (
            "* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6\n\n* BILAG A\n\n* Consent\n\n* Weight",
            ["At least one of the following:"],
            ["Consent", "Weight"],
        ),
        # numbered, or in the exclusion list's place alike
        (
            "1. Age 18-65\n\nEither:\n\n1. SLEDAI ≥ 6\n\n2. BILAG A\n\n3. Consent",
            ["Either:"],
            ["Consent"],
        ),
        # under an item bulleted as they are: read as written, the list's, and each at no depth
        (
            "* Age 18-65\n\n* Active disease, one of:\n\n* SLEDAI ≥ 6\n\n* BILAG A\n\n* Consent",
            ["Active disease, one of:"],
            ["SLEDAI ≥ 6", "BILAG A", "Consent"],
        ),
        # neighbours: where the layout shows the end, or the run is two to the list's end, or tight, nothing unsaid
        ("* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6; or\n\n* BILAG A\n\n* Consent", [], []),
        ("* Age 18-65\n\nAt least one of the following:\n\n* elevated dsDNA\n\n* low C3\n\n* Consent", [], []),
        ("* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6\n\n* BILAG A", [], []),
        ("* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6\n* BILAG A\n\n* Consent", [], []),
        ("* Age 18-65\n* Active disease, one of:\n* SLEDAI ≥ 6\n* BILAG A\n* Consent", [], []),
    ],
)
def test_spaced_runs_whose_end_nothing_shows(text: str, unshown: list[str], unsaid: list[str]) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert (found.unshown.get("inclusion", []), [item["text"] for item in found.unsaid]) == (unshown, unsaid)
    assert "exclusion" not in found.unshown


BULLETED_UNSHOWN = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n\n* Active disease, one of the following:\n\n* SLEDAI-2K ≥ 6\n\n"
    "* BILAG A in one organ system\n\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"
)


@pytest.mark.parametrize("nested", [0, 2, 3])
def test_the_curators_reading_of_a_spaced_run_under_an_item_bulleted_alike(
    trials: Trials, registry: Path, tmp_path: Path, nested: int
) -> None:
    """Under an item bulleted as its items are, leading into them, the run whose end nothing shows was read as the
    list's (as written), with no note; which are its sub-criteria the layout does not say: the list is the curator's,
    and the check takes the run's items nested under the item or not."""
    data = imported_criteria(trials, registry, BULLETED_UNSHOWN, tmp_path)
    assert "eligibility.inclusion_criteria" in data["curation"]["not_yet_curated"]
    run = ["SLEDAI-2K ≥ 6", "BILAG A in one organ system", "Signed informed consent"]
    listed = '    - text: Age 18 to 65 years\n    - text: "Active disease, one of the following:"\n'
    listed += "      sub_criteria:\n" if nested else ""
    listed += "".join(f"{'        ' if k < nested else '    '}- text: {text}\n" for k, text in enumerate(run))
    edit(
        registry,
        f"trials/{VARIED_NCT}.yaml",
        ("    - eligibility.inclusion_criteria\n", ""),
        ("  exclusion_criteria:\n", f"  inclusion_criteria:\n{listed}  exclusion_criteria:\n"),
    )
    result = trials("check")
    assert result.status == 0, result.out


# --- a number after a hash or before a spaced dash ------------------------------------------------------------------

HASHED = (
    "Inclusion Criteria:\n\n#1 Age 18 to 65 years\n#2 Active SLE\n#3 Signed informed consent\n\nExclusion Criteria:\n\n"
    "1 - Pregnancy\n2 - Active infection"
)


def test_a_number_after_a_hash_or_before_a_dash_is_its_mark(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "#1 Age 18 to 65 years" / "#2 Active SLE" (items numbered after a hash) were one criterion, each line
    after the first read as a wrapped line of the one above (a line opening with "#" opens no criterion), and "1 -
    Pregnancy" kept its number in its text; the check, reading the source alike, passed it. A number written so on
    two lines at least, alike and in order, is the item's number, and the check finds it where the source writes it."""
    data = imported_criteria(trials, registry, HASHED, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE"},
        {"number": 3, "text": "Signed informed consent"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Active infection"},
    ]


def test_a_draft_holding_items_numbered_after_a_hash_as_one_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, HASHED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 1\n      text: Age 18 to 65 years\n    - number: 2\n      text: Active SLE\n",
        "    - text: 'Age 18 to 65 years #2 Active SLE'\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#1 Age 18-65\n#2 SLE", [(1, "Age 18-65"), (2, "SLE")]),
        ("#9 Age 18-65\n#10 SLE", [(9, "Age 18-65"), (10, "SLE")]),
        ("1 - Age 18-65\n2 - SLE", [(1, "Age 18-65"), (2, "SLE")]),
        ("1 – Age 18-65\n2 – SLE", [(1, "Age 18-65"), (2, "SLE")]),
        ("  1 — Age 18-65\n  2 — SLE", [(1, "Age 18-65"), (2, "SLE")]),
        # sub-items under an item numbered so
        (
            "#1 Labs:\n   a. Hb ≥ 9\n   b. ANC ≥ 1.5\n#2 SLE",
            [(1, "Labs:"), [(None, "Hb ≥ 9"), (None, "ANC ≥ 1.5")], (2, "SLE")],
        ),
        # neighbours: one line numbered so, two out of order, or numbered otherwise each: words, as before
        ("* Age 18-65\n#1 priority", [(None, "Age 18-65 #1 priority")]),
        ("* Dose\n2 - 3 times daily", [(None, "Dose"), (None, "2 - 3 times daily")]),
        ("1 - Age 18-65\n3 - SLE", [(None, "1 - Age 18-65"), (None, "3 - SLE")]),
        ("#1 Age 18-65\n2 - SLE", [(None, "#1 Age 18-65"), (None, "2 - SLE")]),
    ],
)
def test_numbers_after_a_hash_or_before_a_dash(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- a part's name alone as a sub-heading ---------------------------------------------------------------------------

PARTS = (
    "Inclusion Criteria:\n\nPart A\n\n1. Age 18 to 65 years\n2. Active SLE\n\nPart B\n\n1. Age 12 to 17 years\n"
    "2. Active SLE with nephritis\n\nExclusion Criteria:\n\n1. Pregnancy"
)


def test_a_parts_name_alone_over_its_items_groups_them(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "Part A" and "Part B" (a part's name alone on its line, no colon or bold, over the part's items) were
    read as criteria: "Part A" a criterion beside the adults' ones, the adolescents' age limit a sub-criterion of
    "Part B", and the check, reading the source alike, passed it. A line naming a part of the study and nothing else
    over a list item is a sub-heading, as "Part A:" is."""
    data = imported_criteria(trials, registry, PARTS, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "group": "Part A", "text": "Age 18 to 65 years"},
        {"number": 2, "group": "Part A", "text": "Active SLE"},
        {"number": 1, "group": "Part B", "text": "Age 12 to 17 years"},
        {"number": 2, "group": "Part B", "text": "Active SLE with nephritis"},
    ]


def test_a_draft_nesting_a_parts_items_under_its_name_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, PARTS, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 1\n      group: Part B\n      text: Age 12 to 17 years\n    - number: 2\n      group: Part B\n"
        "      text: Active SLE with nephritis\n",
        "    - text: Part B\n      sub_criteria:\n        - number: 1\n          text: Age 12 to 17 years\n"
        "        - number: 2\n          text: Active SLE with nephritis\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tight, bulleted, with an aside or a dash's words, in capitals, bold and plain alike
        (
            "Part A\n1. Adults\n2. SLE\nPart B\n1. Teens",
            [("Part A", 1, "Adults"), ("Part A", 2, "SLE"), ("Part B", 1, "Teens")],
        ),
        (
            "**Cohort 1 (Lupus nephritis)**\n* Biopsy\n\nCohort 2 (Extrarenal)\n* SLEDAI",
            [("Cohort 1 (Lupus nephritis)", None, "Biopsy"), ("Cohort 2 (Extrarenal)", None, "SLEDAI")],
        ),
        ("ARM B - Expansion\n\n* Adults", [("ARM B - Expansion", None, "Adults")]),
        (
            "Dose Escalation\n\n* Adults\n\nDose Expansion\n\n* Teens",
            [("Dose Escalation", None, "Adults")] + [("Dose Expansion", None, "Teens")],
        ),
        # neighbours: a criterion naming a part, a part's name with no item under it, in lower case: as before
        ("* Adults\n\nGroup therapy\n\n* SLE", [(None, "Adults"), (None, "Group therapy"), (None, "SLE")]),
        (
            "* Adults\n\nPrior participation in another cohort\n\n* SLE",
            [(None, "Adults"), (None, "Prior participation in another cohort"), (None, "SLE")],
        ),
        ("* Adults\n\nPart A\n\nAdults aged 18", [(None, "Adults"), (None, "Part A"), (None, "Adults aged 18")]),
        ("* Adults\n\npart a\n\n* SLE", [(None, "Adults"), (None, "part a"), (None, "SLE")]),
    ],
)
def test_parts_names_alone(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- a lead-in over the list, as a sub-heading ----------------------------------------------------------------------

LEAD_IN_HEADED = (
    "Inclusion Criteria:\n\nParticipants must meet all of the following:\n\n1. Age 18 to 65 years\n2. Active SLE\n\n"
    "Exclusion Criteria:\n\nParticipants meeting any of the following will be excluded:\n\n1. Pregnancy"
)


def test_a_lead_in_over_the_list_is_no_group_of_it(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "Participants must meet all of the following:" on its own line over the list (a lead-in saying what
    the heading says, no criterion, as an item "* Patients who meet all of the following criteria:" is none) was read
    as a sub-heading: every criterion of the list imported under it as its group, as if it named a part of the study
    or whom they are for, and the check, reading the source alike, passed it. The items are the list's, no group's."""
    data = imported_criteria(trials, registry, LEAD_IN_HEADED, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}]


def test_a_draft_grouping_the_list_under_its_lead_in_is_refused(trials: Trials, registry: Path, tmp_path: Path) -> None:
    imported_criteria(trials, registry, LEAD_IN_HEADED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 1\n      text: Age 18 to 65 years\n",
        "    - number: 1\n      group: Participants must meet all of the following\n      text: Age 18 to 65 years\n",
    )


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        # tight, bold, in other words; the exclusion list's "any of"
        (
            "Inclusion Criteria:\nTo be eligible, patients must meet all of the following criteria:\n* Adults\n* SLE\n"
            "Exclusion Criteria:\n**Patients will be excluded if they meet any of the following criteria:**\n* HIV",
            [(None, "Adults"), (None, "SLE")],
            [(None, "HIV")],
        ),
        # ... the groups after it stay theirs
        (
            "Inclusion Criteria:\n\nAll of the following must be met:\n\n* Adults\n\nFor adolescents:\n\n* Teens",
            [(None, "Adults"), ("For adolescents", None, "Teens")],
            [],
        ),
        # neighbours: whom it is for, alternatives, the other list's words, or after the list's first items: a group
        (
            "Inclusion Criteria:\n\nPatients with lupus nephritis must meet all of the following:\n\n* Biopsy",
            [("Patients with lupus nephritis must meet all of the following", None, "Biopsy")],
            [],
        ),
        (
            "Inclusion Criteria:\n\n* Adults\n\nParticipants must meet all of the following:\n\n* SLE",
            [(None, "Adults"), ("Participants must meet all of the following", None, "SLE")],
            [],
        ),
        (
            "Exclusion Criteria:\n\nParticipants must meet all of the following:\n\n* HIV",
            [],
            [("Participants must meet all of the following", None, "HIV")],
        ),
    ],
)
def test_lead_ins_over_the_list(text: str, inclusion: list, exclusion: list) -> None:
    assert split_lists(text) == (inclusion, exclusion)


# --- a paragraph first in the inclusion list leading into alternatives ---------------------------------------------

FIRST_ALTERNATIVES = (
    "Inclusion Criteria:\n\nPatients must have at least one of the following:\n\n* Anti-dsDNA antibodies above the "
    "laboratory's upper limit\n* Low complement C3\n\n* Age 18 to 65 years\n\nExclusion Criteria:\n\n* Pregnancy"
)


def test_a_paragraph_first_in_the_list_leading_into_alternatives_holds_them(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Patients must have at least one of the following:" first in the inclusion list was read as a
    sub-heading: its alternatives, and every criterion after them, imported as criteria of its group, each required
    (anti-dsDNA and low C3 both), and the check, reading the source alike, passed it. After an item it was already a
    criterion holding the run of items right under it (hunt 190): first in the inclusion list, so too. First in the
    exclusion list, "Any of the following:" leads into criteria that each exclude, as before."""
    data = imported_criteria(trials, registry, FIRST_ALTERNATIVES, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Patients must have at least one of the following:"),
        [(None, "Anti-dsDNA antibodies above the laboratory's upper limit"), (None, "Low complement C3")],
        (None, "Age 18 to 65 years"),
    ]


def test_a_draft_grouping_alternatives_under_a_first_paragraph_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, FIRST_ALTERNATIVES, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - text: Age 18 to 65 years\n",
        "    - group: Patients must have at least one of the following\n      text: Age 18 to 65 years\n",
    )


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            "Inclusion Criteria:\nEither:\n1. Adults with SLE\n2. Adolescents with SLE\nExclusion Criteria:\n* HIV",
            [(None, "Either:"), [(1, "Adults with SLE"), (2, "Adolescents with SLE")]],
            [(None, "HIV")],
        ),
        # set apart each, in lower case: the run ends where its lower case does
        (
            "Inclusion Criteria:\n\nOne or more of:\n\n* anti-dsDNA\n\n* low C3\n\n* Age 18-65",
            [(None, "One or more of:"), [(None, "anti-dsDNA"), (None, "low C3")], (None, "Age 18-65")],
            [],
        ),
        # neighbours: first in the exclusion list, a lead-in to criteria each excluding; a sub-heading saying whom
        (
            "Inclusion Criteria:\n* Adults\nExclusion Criteria:\n\nAny of the following:\n\n* HIV\n* Pregnancy",
            [(None, "Adults")],
            [(None, "HIV"), (None, "Pregnancy")],
        ),
        (
            "Inclusion Criteria:\n\nFor adolescents:\n\n* Weight ≥ 40 kg\n* Consent",
            [("For adolescents", None, "Weight ≥ 40 kg"), ("For adolescents", None, "Consent")],
            [],
        ),
    ],
)
def test_paragraphs_first_in_a_list_leading_into_alternatives(text: str, inclusion: list, exclusion: list) -> None:
    assert split_lists(text) == (inclusion, exclusion)


# --- categories lettered over a numbering that goes on across them --------------------------------------------------

LETTERED_CATEGORIES = (
    "Inclusion Criteria:\n\nA. General\n1. Age 18 to 65 years\n2. Signed informed consent\nB. Disease\n"
    "3. Active SLE\n4. SLEDAI-2K ≥ 6\n\nExclusion Criteria:\n\n1. Pregnancy"
)


def test_categories_lettered_over_a_numbering_going_on_group_it(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "A. General" / "1. ..." / "2. ..." / "B. Disease" / "3. ..." (a template's categories, lettered, over a
    numbering that goes on across them) read "General" as a criterion and "Disease" as a sub-criterion of item 2
    (its numbering going on after it), the disease criteria the list's; the check, reading the source alike, passed
    it. Lettered so, they label their categories as unmarked labels do (hunt 182's category_labels)."""
    data = imported_criteria(trials, registry, LETTERED_CATEGORIES, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "group": "A. General", "text": "Age 18 to 65 years"},
        {"number": 2, "group": "A. General", "text": "Signed informed consent"},
        {"number": 3, "group": "B. Disease", "text": "Active SLE"},
        {"number": 4, "group": "B. Disease", "text": "SLEDAI-2K ≥ 6"},
    ]


def test_a_draft_reading_a_lettered_category_as_a_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, LETTERED_CATEGORIES, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 2\n      group: A. General\n      text: Signed informed consent\n",
        "    - number: 2\n      group: A. General\n      text: Signed informed consent\n      sub_criteria:\n"
        "        - text: Disease\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A) General\n\n1. Adults\n\nB) Disease\n\n2. SLE", [("A) General", 1, "Adults"), ("B) Disease", 2, "SLE")]),
        # neighbours: letters under a numbered item are its parts, whatever number follows them; letters over a
        # numbering started again, or leading into their items, read as before
        (
            "1. Adults\n2. Labs\nA. Hb\nB. ANC\n3. Consent",
            [(1, "Adults"), (2, "Labs"), [(None, "Hb"), (None, "ANC")], (3, "Consent")],
        ),
        (
            "A. Adequate organ function:\n1. Hb\n2. ANC\nB. Consent",
            [(None, "Adequate organ function:"), [(1, "Hb"), (2, "ANC")], (None, "Consent")],
        ),
        # (since hunt 215 both letters' numbers are their parts, as the second's were: read_items' parts_of_letter)
        (
            "A. General\n1. Adults\nB. Disease\n1. SLE",
            [(None, "General"), [(1, "Adults")], (None, "Disease"), [(1, "SLE")]],
        ),
    ],
)
def test_lettered_categories(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- a number out of its list's sequence, and a rewritten mark ------------------------------------------------------

OUT_OF_SEQUENCE = (
    "Inclusion Criteria:\n\n1 - Age 18 to 65 years.\n2 - Prednisone dose between\n5 - 30 mg/day.\n"
    "3 - Weight of 40 kg or more.\n\nExclusion Criteria:\n\n1 - Pregnancy.\n2 - Active infection."
)


def test_a_wrapped_line_numbered_out_of_sequence_is_its_items_words(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, once two lines numbered "1 - " and "2 - " showed the text numbered a list so, every line written so
    was read as an item: "5 - 30 mg/day." (a wrapped line of item 2, its range "5 - 30") imported as criterion 5, and
    the check, reading the source alike, passed it, and refused the true reading. A number marks an item only where it
    goes on with its list's numbering (the next number; 1 again for a new list)."""
    data = imported_criteria(trials, registry, OUT_OF_SEQUENCE, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years."},
        {"number": 2, "text": "Prednisone dose between 5 - 30 mg/day."},
        {"number": 3, "text": "Weight of 40 kg or more."},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy."},
        {"number": 2, "text": "Active infection."},
    ]


def test_a_draft_reading_a_wrapped_line_numbered_out_of_sequence_as_an_item_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, OUT_OF_SEQUENCE, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "      text: Prednisone dose between 5 - 30 mg/day.\n",
        "      text: Prednisone dose between\n    - number: 5\n      text: 30 mg/day.\n",
    )


def test_a_criterion_numbered_by_a_wrapped_lines_number_out_of_sequence_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """The check's numbering (E504) reads a number after a hash or before a spaced dash as an item's where the
    importer does: "5 - 30 mg/day." under "2 - Prednisone dose between" numbers no criterion 5 (it found "5 - 30
    mg/day." anywhere in the source, and passed the number)."""
    imported_criteria(trials, registry, OUT_OF_SEQUENCE, tmp_path)
    edit(
        registry,
        f"trials/{VARIED_NCT}.yaml",
        ("      text: Prednisone dose between 5 - 30 mg/day.\n", "      text: Prednisone dose between\n"),
        (
            "    - number: 3\n      text: Weight",
            "    - number: 5\n      text: 30 mg/day.\n    - number: 3\n      text: Weight",
        ),
    )
    result = trials("check")
    assert result.status == 1 and "E504" in result.out and "E512" in result.out, result.out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number out of sequence is a wrapped line's words: after a hash, before a dash, coded
        (
            "1 - Age\n2 - Prednisone between\n5 - 30 mg/day\n3 - Weight",
            [(1, "Age"), (2, "Prednisone between 5 - 30 mg/day"), (3, "Weight")],
        ),
        ("#1 Age\n#2 Dose of\n#4 tablets\n#3 Weight", [(1, "Age"), (2, "Dose of #4 tablets"), (3, "Weight")]),
        (
            "1 - Age\n2 - Dose taken\n2 - 3 times daily\n3 - Weight",
            [(1, "Age"), (2, "Dose taken"), (None, "2 - 3 times daily"), (3, "Weight")],
        ),
        (
            "IC1: Age\nIC2: Potency with\nIC50: below 10 nM\nIC3: Weight",
            [(None, "Age"), (None, "Potency with IC50: below 10 nM"), (None, "Weight")],
        ),
        (
            "EX 1. Age\nEX 2. Dose of\nEX 7. mg\nEX 3. Weight",
            [(None, "Age"), (None, "Dose of EX 7. mg"), (None, "Weight")],
        ),
        # a list starting past 1
        ("#9 Age\n#10 SLE\n#11 Consent", [(9, "Age"), (10, "SLE"), (11, "Consent")]),
    ],
)
def test_numbers_out_of_sequence(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected
    for item in split_inclusion(text):  # no rewritten mark in a criterion's text: each is the source's words
        assert item["text"] in " ".join(text.split()), item


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            OUT_OF_SEQUENCE,
            [
                (1, "Age 18 to 65 years."),
                (2, "Prednisone dose between 5 - 30 mg/day."),
                (3, "Weight of 40 kg or more."),
            ],
            [(1, "Pregnancy."), (2, "Active infection.")],
        ),
        (
            "Inclusion Criteria:\n#1 Age\n#2 SLE\nExclusion Criteria:\n#1 Pregnancy\n#2 Dose of\n#5 tablets\n#3 HIV",
            [(1, "Age"), (2, "SLE")],
            [(1, "Pregnancy"), (2, "Dose of #5 tablets"), (3, "HIV")],
        ),
    ],
)
def test_each_list_numbered_in_sequence(text: str, inclusion: list, exclusion: list) -> None:
    assert split_lists(text) == (inclusion, exclusion)


COMMA_CODED = (
    "Inclusion Criteria:\n\nIC1: Age 18 to 65 years.\nIC2: SLE per 2019 EULAR/ACR criteria,\nIC3: scoring 10 or more."
    "\n\nExclusion Criteria:\n\nEC1: Pregnancy.\nEC2: Active infection."
)


def test_a_coded_item_after_one_ending_in_a_comma_is_an_item(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "IC3: scoring 10 or more." under "IC2: ... criteria," was written "IC3. scoring ..." as a mark, then
    read as a wrapped line of IC2 (a line ending in a comma runs on), so the rewritten "IC3." reached IC2's text: the
    import was refused (E501, the source writes "IC3:") and nothing was written. A code going on with its list's is
    an item's mark, as a number is; a rewritten mark never reaches a criterion's text."""
    data = imported_criteria(trials, registry, COMMA_CODED, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years."},
        {"text": "SLE per 2019 EULAR/ACR criteria,"},
        {"text": "scoring 10 or more."},
    ]


def test_each_coded_list_after_lines_running_on() -> None:
    text = "Inclusion Criteria:\nIC1: Age\nIC2: SLE,\nIC3: Consent\nExclusion Criteria:\nEC1: Pregnancy, and\nEC2: HIV"
    assert split_lists(text) == (
        [(None, "Age"), (None, "SLE,"), (None, "Consent")],
        [(None, "Pregnancy, and"), (None, "HIV")],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a coded item after one ending in a comma or "and": an item, its mark read, never rewritten into a text
        (
            "IC1: Age 18 to 65 years.\nIC2: SLE per 2019 EULAR/ACR criteria,\nIC3: scoring 10 or more.",
            [(None, "Age 18 to 65 years."), (None, "SLE per 2019 EULAR/ACR criteria,"), (None, "scoring 10 or more.")],
        ),
        (
            "IC1: Age 18 to 65 years, and\nIC2: SLE, and\nIC3: scoring 10 or more.",
            [(None, "Age 18 to 65 years, and"), (None, "SLE, and"), (None, "scoring 10 or more.")],
        ),
        ("IN 1 Age,\nIN 2 SLE,\nIN 3 Consent", [(None, "Age,"), (None, "SLE,"), (None, "Consent")]),
        ("Inc-1: Age, and\nInc-2: SLE", [(None, "Age, and"), (None, "SLE")]),
        ("#1 Age, and\n#2 SLE", [(1, "Age, and"), (2, "SLE")]),
        ("1 - Age, and\n2 - SLE", [(1, "Age, and"), (2, "SLE")]),
        # a code as _ITEM reads it after a comma: an item too (before, a wrapped line, the code kept in the text)
        ("IC1. Age,\nIC2. SLE", [(None, "Age,"), (None, "SLE")]),
        # neighbours: a decimal number a line runs on to is its words, as before
        ("* ALT >\n2.5 ULN", [(None, "ALT > 2.5 ULN")]),
    ],
)
def test_coded_items_after_a_line_running_on(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected
    for item in split_inclusion(text):  # no rewritten mark in a criterion's text: each is the source's words
        assert item["text"] in " ".join(text.split()), item
