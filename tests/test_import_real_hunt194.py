"""trials import ctgov on real API v2 studies whose criteria text is laid out as registry entries lay theirs out (hunt
194, helper-24): the layouts hunt 190 left (tests/test_import_real_hunt190.py), each with variants of its kind; each a
real study of tests/fixtures/ctgov/real/ with its criteria rewritten, imported into a registry copy with
--out-of-scope, that once imported into a draft saying what its source does not, which the check, reading the source
alike, passed; beside each, the layouts that must read as they did. The texts are test inputs, built for their
layout: no fact of any study.

Found and fixed:
- a heading ended by a semicolon ("Inclusion Criteria;", "EXCLUSION CRITERIA；") was no heading: the text left to the
  curator, or, right under an item, the exclusion criteria that item's parts;
- a heading after a protocol's section number with a tab, a dash, a lower-case word or an aside after the number
  ("5.1 - Inclusion Criteria", "Section 5.1 ...") was no heading, and in bold named a part of the study ("5.1");
- "Subject Inclusion Criteria" (the list named the participants' or the study's) was no heading; with a colon it
  named a part of the study;
- a lead-in to the exclusion list naming whom it excludes ("Patients with lupus nephritis will be excluded if they
  have any of the following:") lost its words, its criteria read as excluding everyone: its words now group them;
  right under an item, such a line ("Women of childbearing potential will be excluded if:") was an inclusion
  criterion, the exclusions its parts: now a lead-in too, where it ends in the clause saying whom its items exclude;
- items bulleted with another character right under a bulleted item leading into them, at its indent ("* Organ
  function:" / "- Hb" / "- ANC" / "* Consent"), were criteria of their own: now its sub-criteria, two or more;
- an item's code ("I1.", "E2)", "IC3.", "(I4)", "I.5") or a sub-number with a letter ("2a.", "2.a.", "2A.", "2(a)",
  "(2a)") was no mark, kept in its criterion's text ("2.a. Hb" numbered 2, "(2a) Hb" run into the item above), a
  coded item right under the parts of an item ending in a colon read as another part;
- two items of one text, each with its own sub-criteria, merged: the second dropped with its parts as a repeat. Both
  are now read (the check's source too); the importer leaves the list to the curator (a list holds a text once,
  E106), and the check refuses a draft holding one's parts under the other;
- alternatives set apart each by blank lines under a paragraph leading into them: only the first nested. The run
  now ends where its parts of a sentence ("; or") or lower case show it; where nothing shows it, the first two, with
  a note (ambiguous). Under a bulleted item leading into them, bulleted as it, none nested: now where the layout
  shows the run's end;
- a full-width colon (U+FF1A) ending a lead-in to the exclusion list or a sub-heading was read as no colon: the
  exclusion criteria imported as an inclusion criterion's alternatives, a group's criteria as the list's.

Found and left:
- where nothing shows where a spaced run of alternatives ends (no "; or", no lower case), the first two are read as
  the paragraph's alternatives, the items after them the list's, and a note says the layout is ambiguous; under a
  bulleted item leading into such a run bulleted as it, the items are the list's, as a tight run's are (no note)
  (mended after it, tests/test_import_helper31_layouts.py: the list left to the curator, the run's items whose depth
  the layout does not say held at none by the check);
- one item alone bulleted otherwise under a bulleted item leading into it is the list's (a slip of the list's bullet,
  as tests/test_import_helper8_leftovers.py reads it);
- a text listed twice in one list with other parts: the list is the curator's (a record's list holds a text once);
- codes with a colon or no stop ("IC1:", "IN1 Age", "IC 1.") stay in their texts (a colon after letters and digits
  is a measure's name as often, "IC50:"); "Exclusion Criteria." with a full stop stays a doubtful heading, left to
  the curator (hunt 170) (both mended after it, tests/test_import_helper31_layouts.py: a code where the text codes a
  list so, a full stop's heading over a list item); "Inclusion criteria; Age 18-65" (a criterion after the
  semicolon), "Subject Selection: Inclusion Criteria" and "Patient Eligibility - Inclusion Criteria" are no headings
  (the last two mended after it, tests/test_import_helper31_layouts.py);
- not of this hunt's layouts, and mended after it: where a tight run ends was worked out by walking its whole
  tight block for each item under a colon, so a tight list of 4,000 items each ending in a colon split in 31 s
  (quadratic); nesting.TightRuns now reads each block once
  (test_a_tight_list_is_read_in_steps_in_proportion_to_its_items).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import (
    VARIED_NCT,
    Trials,
    criteria_tree,
    edit,
    imported_criteria,
    inclusion_tree,
    refused_as_imported_before,
    split_lists,
)
from sle_trials.reading import criteria_text


def _notes(data: dict[str, Any]) -> list[str]:
    return [n["text"] for n in data["curation"].get("notes", []) if n["field"] == "eligibility"]


# --- a full-width colon ---------------------------------------------------------------------------------------------

FULL_WIDTH = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Active SLE\n\n"
    "Patients will be excluded if they have any of the following：\n\n1. Pregnancy\n2. Active infection"
)


def test_a_lead_in_ending_in_a_full_width_colon_heads_the_exclusion_list(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Patients will be excluded if they have any of the following：" (a CJK text's full-width colon, as a
    heading's "Exclusion Criteria：" is read) was no lead-in: a paragraph of the inclusion list leading into
    alternatives, the exclusion criteria its sub-criteria (pregnancy one way to take part), and the check, reading the
    source alike, passed it. A lead-in and a sub-heading end in a full-width colon as in an ASCII one."""
    data = imported_criteria(trials, registry, FULL_WIDTH, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Active infection"},
    ]


def test_a_draft_reading_a_full_width_lead_in_as_an_inclusion_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, FULL_WIDTH, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "      text: Active SLE\n  exclusion_criteria:\n    - number: 1\n      text: Pregnancy\n    - number: 2\n"
        "      text: Active infection\n",
        "      text: Active SLE\n    - text: Patients will be excluded if they have any of the following：\n"
        "      sub_criteria:\n        - number: 1\n          text: Pregnancy\n        - number: 2\n"
        "          text: Active infection\n",
    )


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            "Inclusion Criteria:\n* Adults\n\nParticipants are excluded if any of the following apply：\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
        ),
        (
            "Inclusion Criteria:\n* Adults\n\n**Exclusions：**\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
        ),
        # a sub-heading ending in one, plain or bold, groups its items
        (
            "Inclusion Criteria:\n\n* Age 18-65\n\nFor adolescents：\n\n* Weight ≥ 40 kg\n\nExclusion Criteria:\n* X",
            [(None, "Age 18-65"), ("For adolescents", None, "Weight ≥ 40 kg")],
            [(None, "X")],
        ),
        (
            "入选标准：\n1、年龄18-65岁\n\n**青少年患者：**\n1、体重≥40kg\n排除标准：\n1、妊娠",
            [(1, "年龄18-65岁"), ("青少年患者", 1, "体重≥40kg")],
            [(1, "妊娠")],
        ),
        # a line saying both kinds leads into no list: a sub-heading, as with an ASCII colon
        (
            "Inclusion Criteria:\n\n* Adults\n\nPatients excluded from the parent study are eligible：\n\n* Consent",
            [(None, "Adults"), ("Patients excluded from the parent study are eligible", None, "Consent")],
            [],
        ),
        # neighbour: a Chinese heading saying the other kind than its English aside is no lead-in of either
        ("入选标准（Exclusion Criteria）：\n1、年龄18-65岁\n排除标准：\n1、妊娠", [], [(1, "妊娠")]),
    ],
)
def test_a_full_width_colon(text: str, inclusion: list, exclusion: list) -> None:
    assert split_lists(text) == (inclusion, exclusion)


# --- a heading ended by a semicolon, or after a protocol's section number ---------------------------------------

SEMICOLON = (
    "Inclusion Criteria:\n1. Age 18 to 65 years\n2. Active SLE\nExclusion Criteria;\n1. Pregnancy\n2. Active infection"
)


def test_a_heading_ended_by_a_semicolon_heads_its_list(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "Exclusion Criteria;" (a semicolon for the heading's colon, as some registrations write it) right under
    an item was an inclusion criterion, the exclusion criteria its parts (pregnancy a part of one), and the check,
    reading the source alike, passed it; "Inclusion Criteria;" heading the text left it all to the curator. A heading
    opening with a capital and ended by a semicolon heads its list as with a colon."""
    data = imported_criteria(trials, registry, SEMICOLON, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Active infection"},
    ]


def test_a_draft_reading_a_heading_ended_by_a_semicolon_as_a_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, SEMICOLON, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "      text: Active SLE\n  exclusion_criteria:\n    - number: 1\n      text: Pregnancy\n    - number: 2\n"
        "      text: Active infection\n",
        "      text: Active SLE\n    - text: Exclusion Criteria;\n      sub_criteria:\n        - number: 1\n"
        "          text: Pregnancy\n        - number: 2\n          text: Active infection\n",
    )


SECTIONED = (
    "5.1 - Inclusion Criteria\n\n1. Age 18 to 65 years\n2. Active SLE\n\n5.2 - Exclusion Criteria\n\n1. Pregnancy\n"
    "2. Active infection"
)


def test_a_heading_after_a_section_number_heads_its_list(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "5.1 - Inclusion Criteria" (a protocol's section number before the heading, a dash after it) was no
    heading, nor was one after a tab, or in lower case, or with an aside ("5.1 Inclusion Criteria (all must be met)"):
    the whole text was left to the curator. A decimal section number, or "Section 5", before a heading is read as a
    page's heading opening with one is: the heading after it heads its list."""
    data = imported_criteria(trials, registry, SECTIONED, tmp_path)
    assert [c["text"] for c in data["eligibility"]["inclusion_criteria"]] == ["Age 18 to 65 years", "Active SLE"]
    assert [c["text"] for c in data["eligibility"]["exclusion_criteria"]] == ["Pregnancy", "Active infection"]


@pytest.mark.parametrize(
    "inclusion",
    [
        "Inclusion criteria;",
        "INCLUSION CRITERIA；",
        "**Inclusion Criteria**;",
        "5.1 inclusion criteria",
        "5.1\tInclusion Criteria",
        "5.1 Inclusion Criteria (all must be met)",
        "5.1 Inclusion criteria for all participants",
        "Section 5.1 Inclusion Criteria",
        "4.1.1 Inclusion Criteria;",
    ],
)
def test_headings_ended_by_a_semicolon_or_after_a_section_number(inclusion: str) -> None:
    exclusion = inclusion.replace("Inclusion", "Exclusion").replace("inclusion", "exclusion")
    exclusion = exclusion.replace("INCLUSION", "EXCLUSION").replace("5.1", "5.2")
    found = criteria_text.split(f"{inclusion}\n1. Age 18-65\n2. SLE\n{exclusion}\n1. Pregnancy")
    assert ([c["text"] for c in found.inclusion], [c["text"] for c in found.exclusion]) == (
        ["Age 18-65", "SLE"],
        ["Pregnancy"],
    )
    assert not any("group" in c for c in found.inclusion + found.exclusion)


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        ("入选标准；\n1、年龄18-65岁\n排除标准；\n1、妊娠", [(1, "年龄18-65岁")], [(1, "妊娠")]),
        # a section number in bold or a markdown heading names no part of the study
        (
            "**5.1 Inclusion Criteria**\n* Age 18-65\n### 5.2 Exclusion Criteria\n* Pregnancy",
            [(None, "Age 18-65")],
            [(None, "Pregnancy")],
        ),
        # ... and a part after it is the group's name, with no number
        (
            "5.1 Inclusion Criteria for Part A\n* Age 18-65\n5.2 Exclusion Criteria\n* Pregnancy",
            [("Inclusion Criteria for Part A", None, "Age 18-65")],
            [(None, "Pregnancy")],
        ),
        # neighbours: a wrapped line in lower case ending in a semicolon, an item with words after its semicolon, a
        # sub-criterion numbered 5.1 naming the criteria of another study, read as before; and a full stop (a
        # sentence's end too) heads its list over a list item (tests/test_import_helper31_layouts.py)
        (
            "Inclusion Criteria:\n* Patients who meet the\ninclusion criteria;\n* SLE",
            [(None, "Patients who meet the inclusion criteria;"), (None, "SLE")],
            [],
        ),
        (
            "Inclusion Criteria:\n* Age\n* Exclusion criteria; none\n* SLE",
            [(None, "Age"), (None, "Exclusion criteria; none"), (None, "SLE")],
            [],
        ),
        (
            "Inclusion Criteria:\n2. Prior trials:\n2.1 Exclusion: prior CAR-T\n2.2 Inclusion in another trial\n3. X",
            [(2, "Prior trials:"), [(None, "Exclusion: prior CAR-T"), (None, "Inclusion in another trial")], (3, "X")],
            [],
        ),
        (
            "Inclusion Criteria:\n5. Prior study:\n5.1 Inclusion criteria of the parent study met\n5.2 Consent",
            [(5, "Prior study:"), [(None, "Inclusion criteria of the parent study met"), (None, "Consent")]],
            [],
        ),
        (
            "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria.\n\n* Pregnancy",
            [(None, "Adults")],
            [(None, "Pregnancy")],
        ),
    ],
)
def test_section_numbers_and_semicolons(text: str, inclusion: list, exclusion: list) -> None:
    assert split_lists(text) == (inclusion, exclusion)


# --- a lead-in to the exclusion list naming whom it excludes ----------------------------------------------------

WHOM = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Active SLE\n\n"
    "Patients with lupus nephritis will be excluded if they have any of the following:\n\n1. Pregnancy\n"
    "2. Active infection"
)
WHOM_GROUP = "Patients with lupus nephritis will be excluded if they have any of the following"


def test_a_lead_in_naming_whom_it_excludes_groups_the_exclusion_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Patients with lupus nephritis will be excluded if they have any of the following:" heading the
    exclusion criteria lost its words: the criteria under it excluded everyone (pregnancy excluding patients with
    no nephritis too), and the check, reading the source alike, passed it. A lead-in whose words say more than the
    list's kind (whom, when) names the group of the criteria under it, as a heading's for whom does ("Exclusion
    criteria for patients with lupus nephritis:"); right under an item too, where its words but those naming whom
    are a lead-in's."""
    data = imported_criteria(trials, registry, WHOM, tmp_path)
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "group": WHOM_GROUP, "text": "Pregnancy"},
        {"number": 2, "group": WHOM_GROUP, "text": "Active infection"},
    ]


def test_a_draft_losing_the_words_of_a_lead_in_naming_whom_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, WHOM, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        f"    - number: 1\n      group: {WHOM_GROUP}\n      text: Pregnancy\n",
        "    - number: 1\n      text: Pregnancy\n",
    )


@pytest.mark.parametrize(
    ("text", "exclusion"),
    [
        (
            "Inclusion Criteria:\n* Adults\n\nWomen of childbearing potential will be excluded if:\n* Pregnant\n"
            "* Breastfeeding",
            [
                ("Women of childbearing potential will be excluded if", None, "Pregnant"),
                ("Women of childbearing potential will be excluded if", None, "Breastfeeding"),
            ],
        ),
        (
            "Inclusion Criteria:\n* Adults\n\n**Exclusion criteria at screening:**\n* Pregnancy",
            [("Exclusion criteria at screening", None, "Pregnancy")],
        ),
        # right under an item, with no blank line (before, an inclusion criterion, the exclusions its alternatives)
        (
            "Inclusion Criteria:\n1. Age 18-65\nPatients with lupus nephritis will be excluded if they have any of the "
            "following:\n1. Pregnancy",
            [(WHOM_GROUP, 1, "Pregnancy")],
        ),
        # neighbours: a lead-in in a lead-in's or a heading's words alone names no group
        ("Inclusion Criteria:\n* Adults\n\nPatients are excluded if they have:\n* Pregnancy", [(None, "Pregnancy")]),
        ("Inclusion Criteria:\n* Adults\n\nKey exclusion criteria include:\n* Pregnancy", [(None, "Pregnancy")]),
        (
            "Inclusion Criteria:\n* Adults\n\nSubjects will be excluded for any of the following reasons:\n* Pregnancy",
            [(None, "Pregnancy")],
        ),
        ("Inclusion Criteria:\n* Adults\n\nCritères de non-inclusion :\n* Grossesse", [(None, "Grossesse")]),
    ],
)
def test_lead_ins_naming_whom(text: str, exclusion: list) -> None:
    assert split_lists(text) == ([(None, "Adults")] if "* Adults" in text else [(1, "Age 18-65")], exclusion)


@pytest.mark.parametrize(
    "text",
    [
        # neighbours: right under an item, a line naming whom that is no lead-in's stays the list's, as before
        "Inclusion Criteria:\n1. Age 18-65\nPatients excluded from the parent study:\n1. X",
        # an exclusion criterion marked as an item, naming whom, holds its items
        "Exclusion Criteria:\n* Patients with lupus nephritis will be excluded if they have any of the following:\n"
        "  * X",
    ],
)
def test_lines_naming_whom_that_lead_into_no_list_read_as_before(text: str) -> None:
    found = criteria_text.split(text)
    assert "X" not in [c["text"] for c in found.inclusion + found.exclusion]
    assert not any("group" in c for c in found.inclusion + found.exclusion)


@pytest.mark.parametrize(
    "lead",
    [
        "Women of childbearing potential will be excluded if:",
        "Adolescents are excluded from the study if they have any of the following:",
        "Patients on dialysis shall be ineligible if：",
    ],
)
def test_a_clause_saying_whom_the_items_exclude_right_under_an_item_heads_the_exclusion_list(lead: str) -> None:
    """Before, right under an item, "Women of childbearing potential will be excluded if:" (whom by its first words,
    and no "the following") was an inclusion criterion, the exclusions its parts: right under an item, a line led
    into the exclusion list only in a heading's or a lead-in's words. A line opening with a capital and ending in the
    clause by which it says whom its items exclude ("... will be excluded if:") leads into it too, its words the
    group of the criteria under it."""
    found = criteria_text.split(f"Inclusion Criteria:\n1. Age 18-65\n{lead}\n1. Pregnant")
    assert (criteria_tree(found.inclusion), criteria_tree(found.exclusion)) == (
        [(1, "Age 18-65")],
        [(lead.rstrip(":："), 1, "Pregnant")],
    )


@pytest.mark.parametrize(
    "line",
    [
        # neighbours: a wrapped line of the item above in lower case, a clause with words after it, and one denying
        "patients will be excluded if:",
        "Patients will be excluded if they relapse within 6 months:",
        "Patients with nephritis will not be excluded if:",
    ],
)
def test_lines_with_an_exclusion_clause_that_lead_into_no_list_read_as_before(line: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n1. Age 18-65\n{line}\n1. Pregnant")
    assert found.exclusion == []


# --- items bulleted otherwise at the indent of the item leading into them ---------------------------------------

OTHER_BULLETS = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Adequate organ function:\n- Hemoglobin ≥ 9 g/dL\n"
    "- Platelets ≥ 100 × 10^9/L\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"
)


def test_items_bulleted_otherwise_under_a_bulleted_item_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "* Adequate organ function:" / "- Hemoglobin ..." / "- Platelets ..." / "* Signed informed consent"
    (the parts bulleted with another character, at the list's indent, as a word processor's second level is pasted)
    read the parts as criteria beside the item, each required of itself, and the check, reading the source alike,
    passed it: other marks nested under a bulleted item leading into them (letters, numbers, roman numerals), other
    bullets did not. A run of two items or more bulleted otherwise right under a bulleted item leading into them is
    its sub-criteria, up to the list's own bullet again."""
    data = imported_criteria(trials, registry, OTHER_BULLETS, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Age 18 to 65 years"),
        (None, "Adequate organ function:"),
        [(None, "Hemoglobin ≥ 9 g/dL"), (None, "Platelets ≥ 100 × 10^9/L")],
        (None, "Signed informed consent"),
    ]


def test_a_draft_listing_items_bulleted_otherwise_beside_the_item_leading_into_them_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, OTHER_BULLETS, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        '    - text: "Adequate organ function:"\n      sub_criteria:\n        - text: Hemoglobin ≥ 9 g/dL\n'
        "        - text: Platelets ≥ 100 × 10^9/L\n",
        '    - text: "Adequate organ function:"\n    - text: Hemoglobin ≥ 9 g/dL\n'
        "    - text: Platelets ≥ 100 × 10^9/L\n",
    )


ORGAN = [(None, "Organ function:"), [(None, "Hb ≥ 9"), (None, "ANC ≥ 1.5")], (None, "Consent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Organ function:\n* Hb ≥ 9\n* ANC ≥ 1.5\n- Consent", ORGAN),
        ("* Organ function:\n• Hb ≥ 9\n• ANC ≥ 1.5\n* Consent", ORGAN),
        ("• Organ function:\no Hb ≥ 9\no ANC ≥ 1.5\n• Consent", ORGAN),  # a word processor's "o", as shared_marks reads
        ("* Organ function:\n\n- Hb ≥ 9\n\n- ANC ≥ 1.5\n\n* Consent", ORGAN),  # set apart by blank lines
        (
            "* Organ function, defined as\n– Hb ≥ 9\n– ANC ≥ 1.5\n* Consent",
            [(None, "Organ function, defined as")] + ORGAN[1:],
        ),
        # the run to the list's end, and its items' wrapped lines and their own parts
        ("* Consent\n* Organ function:\n- Hb ≥ 9\n- ANC ≥ 1.5", [(None, "Consent")] + ORGAN[:2]),
        (
            "* Organ function:\n- Hb ≥ 9 g/dL, or\n  8 g/dL if transfused\n- ANC ≥ 1.5\n* Consent",
            [(None, "Organ function:"), [(None, "Hb ≥ 9 g/dL, or 8 g/dL if transfused"), (None, "ANC ≥ 1.5")]]
            + [(None, "Consent")],
        ),
        # neighbours: under an item leading into nothing, or one item alone (a slip of the list's own bullet, as
        # helper-8's tests read it), items bulleted otherwise are the list's, as before
        (
            "* Organ function\n- Hb ≥ 9\n- ANC ≥ 1.5\n* Consent",
            [(None, "Organ function"), (None, "Hb ≥ 9"), (None, "ANC ≥ 1.5"), (None, "Consent")],
        ),
        ("* Organ function:\n- Hb ≥ 9\n* Consent", [(None, "Organ function:"), (None, "Hb ≥ 9"), (None, "Consent")]),
        ("* Age\n* SLE\n- Consent\n- Weight", [(None, "Age"), (None, "SLE"), (None, "Consent"), (None, "Weight")]),
    ],
)
def test_items_bulleted_otherwise(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- an item's code or sub-number as its mark ---------------------------------------------------------------------

CODED = (
    "Inclusion Criteria:\n\nI1. Age 18 to 65 years\nI2. Adequate organ function:\n2a. Hemoglobin ≥ 9 g/dL\n"
    "2b. Platelets ≥ 100 × 10^9/L\nI3. Signed informed consent\n\nExclusion Criteria:\n\nE1. Pregnancy\n"
    "E2. Active infection"
)


def test_an_items_code_or_lettered_sub_number_is_its_mark(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "I1. Age ...", "I2. Adequate organ function:", "2a. Hemoglobin ...", "2b. ...", "I3. Signed informed
    consent" (an inclusion item's code, "E1." an exclusion item's, and a sub-number with a letter, as protocols
    number their criteria) were no marks: each kept in its criterion's text, and the consent, a line right under the
    parts of an item ending in a colon, read as a third part of organ function, and the check, reading the source
    alike, passed it. A list's code ("I1.", "E2)", "IC3.", "EX-4.") marks an item of the list's top, as a number does;
    a number and a letter ("2a.", "2b)") one nested under it, as "2.1" does."""
    data = imported_criteria(trials, registry, CODED, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Age 18 to 65 years"),
        (None, "Adequate organ function:"),
        [(None, "Hemoglobin ≥ 9 g/dL"), (None, "Platelets ≥ 100 × 10^9/L")],
        (None, "Signed informed consent"),
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}, {"text": "Active infection"}]


def test_a_draft_moving_a_coded_item_under_the_one_above_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, CODED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "        - text: Platelets ≥ 100 × 10^9/L\n    - text: Signed informed consent\n",
        "        - text: Platelets ≥ 100 × 10^9/L\n        - text: Signed informed consent\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IC1. Age 18-65\nIC2. SLE", [(None, "Age 18-65"), (None, "SLE")]),
        ("INC-1) Age 18-65\nINC-2) SLE", [(None, "Age 18-65"), (None, "SLE")]),
        (
            "1. Age 18-65\n2. Labs:\n2a) hemoglobin ≥ 9\n2b) neutrophils ≥ 1.5\n3. Consent",
            [(1, "Age 18-65"), (2, "Labs:"), [(None, "hemoglobin ≥ 9"), (None, "neutrophils ≥ 1.5")], (3, "Consent")],
        ),
        # parts numbered so under an item leading into nothing are its parts too, as "2.1" under "2." is
        ("2. Labs\n2a. Hb\n2b. ANC\n3. Consent", [(2, "Labs"), [(None, "Hb"), (None, "ANC")], (3, "Consent")]),
        # a list numbered so from its start reads each as its item
        ("1a. Age 18-65\n1b. SLE\n2. Consent", [(None, "Age 18-65"), (None, "SLE"), (2, "Consent")]),
        # a letter after a point, in capitals, or in brackets: before, "2.a. Hb" was numbered 2, its letter in its text,
        # and "(2a) Hb" run into the item above
        *(
            (
                f"1. Age 18-65\n2. Labs:\n{a} Hb\n{b} ANC\n3. Consent",
                [(1, "Age 18-65"), (2, "Labs:"), [(None, "Hb"), (None, "ANC")], (3, "Consent")],
            )
            for a, b in (("2.a.", "2.b."), ("2.A)", "2.B)"), ("2A.", "2B."), ("2(a)", "2(b)"), ("(2a)", "(2b)"))
        ),
        ("(I1) Age 18-65\n(I2) SLE", [(None, "Age 18-65"), (None, "SLE")]),
        ("I.1 Age 18-65\nI.2 SLE", [(None, "Age 18-65"), (None, "SLE")]),
        # neighbours: a number before a capital's abbreviation or a word with no space, as before
        ("1.E. coli infection\n2.T cells low", [(1, "E. coli infection"), (2, "T cells low")]),
        # neighbours: a code with no stop, a letter alone, a measure's name, read as before
        ("E1 Pregnancy", [(None, "E1 Pregnancy")]),
        ("* E. coli infection", [(None, "E. coli infection")]),
        ("* IC50 below 10", [(None, "IC50 below 10")]),
    ],
)
def test_codes_and_lettered_sub_numbers(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- two items of one text, each with its own parts --------------------------------------------------------------

TWICE = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Active disease, one of the following:\n  * SLEDAI-2K ≥ 6\n"
    "  * BILAG A in one organ\n* Active disease, one of the following:\n  * anti-dsDNA positive\n  * low complement\n"
    "* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"
)
ACTIVE = '    - text: "Active disease, one of the following:"\n      sub_criteria:\n'


def test_two_items_of_one_text_with_their_own_parts_leave_the_list_to_the_curator(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, the second "* Active disease, one of the following:" (the same words as an item above, its own
    alternatives under it: two requirements) was dropped as a repeat, with its parts, "kept once": a requirement
    lost, said only as a repeat. A text listed twice in one list with other sub-criteria is two criteria, which a
    record's list cannot hold under one text (E106): the list is left for the curator, with a note; the source, read
    by the check, holds both, and a draft holding one's parts under the other is refused."""
    data = imported_criteria(trials, registry, TWICE, tmp_path)
    assert "inclusion_criteria" not in data["eligibility"]
    assert "eligibility.inclusion_criteria" in data["curation"]["not_yet_curated"]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility.inclusion_criteria"]
    assert any("twice in one list, each with other sub-criteria" in n for n in notes), notes


@pytest.mark.parametrize(
    ("parts", "refused"),
    [
        # the second's parts under the first (the source's words, each under an item of its parent's words)
        (["SLEDAI-2K ≥ 6", "BILAG A in one organ", "anti-dsDNA positive", "low complement"], True),
        (["SLEDAI-2K ≥ 6", "low complement"], True),
        # neighbours: one item's parts, the first's or the second's, as a draft may leave the other out
        (["SLEDAI-2K ≥ 6", "BILAG A in one organ"], False),
        (["anti-dsDNA positive", "low complement"], False),
    ],
)
def test_a_draft_holding_one_items_parts_under_the_other_of_its_text_is_refused(
    trials: Trials, registry: Path, tmp_path: Path, parts: list[str], refused: bool
) -> None:
    imported_criteria(trials, registry, TWICE, tmp_path)
    listed = "".join(f"        - text: {part}\n" for part in parts)
    edit(
        registry,
        f"trials/{VARIED_NCT}.yaml",
        ("    - eligibility.inclusion_criteria\n", ""),
        (
            "  exclusion_criteria:\n",
            f"  inclusion_criteria:\n    - text: Age 18 to 65 years\n{ACTIVE}{listed}"
            "    - text: Signed informed consent\n  exclusion_criteria:\n",
        ),
    )
    result = trials("check")
    assert (result.status, "under another item of its parent's words" in result.out) == (int(refused), refused)


@pytest.mark.parametrize(
    ("text", "twice"),
    [
        (
            "1. Age\n2. Adequate organ function:\n   a. Hb ≥ 9\n3. Adequate organ function:\n   a. ANC ≥ 1.5\n4. X",
            ["Adequate organ function:"],
        ),
        # one with parts, one without; and a repeat among sub-criteria
        ("* Labs\n* Labs\n  * Hb ≥ 9\n* Consent", ["Labs"]),
        ("* Labs:\n  * Hb, one of:\n    * A\n  * Hb, one of:\n    * B\n* Consent", ["Hb, one of:"]),
        # neighbours: a repeat with the same parts, or none, is kept once, as before; under two groups, both kept
        ("* Labs:\n  * Hb\n* Labs:\n  * Hb\n* Consent", []),
        ("* Age\n* Age\n* Consent", []),
        ("For adults:\n\n* Labs:\n  * Hb\n\nFor adolescents:\n\n* Labs:\n  * ANC", []),
    ],
)
def test_texts_listed_twice(text: str, twice: list[str]) -> None:
    assert (
        criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* X").twice.get("inclusion", [])
        == twice
    )


# --- alternatives set apart each by blank lines under a paragraph leading into them -----------------------------

SPACED = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n\n* Active SLE\n\nPatients must have at least one of the following:"
    "\n\n* SLEDAI-2K ≥ 6 at screening; or\n\n* BILAG A in one organ system\n\n* Signed informed consent\n\n"
    "Exclusion Criteria:\n\n* Pregnancy"
)


def test_alternatives_set_apart_by_blank_lines_are_the_paragraphs_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Patients must have at least one of the following:" over items each set apart by blank lines, as the
    list's own are, read the run "up to a blank line": one alternative, "BILAG A in one organ system" a criterion
    required of everyone, and the check, reading the source alike, passed it. In a spaced run, the alternatives
    end where the layout shows it (their parts of a sentence, "; or", or their lower case, end before the list's
    items); where nothing shows it, the first two are read so (a choice is of two at least), with a note saying
    the layout is ambiguous."""
    data = imported_criteria(trials, registry, SPACED, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Age 18 to 65 years"),
        (None, "Active SLE"),
        (None, "Patients must have at least one of the following:"),
        [(None, "SLEDAI-2K ≥ 6 at screening; or"), (None, "BILAG A in one organ system")],
        (None, "Signed informed consent"),
    ]
    assert not any("the layout is ambiguous" in n for n in _notes(data)), _notes(data)


def test_a_draft_reading_a_spaced_alternative_as_a_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, SPACED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "        - text: SLEDAI-2K ≥ 6 at screening; or\n        - text: BILAG A in one organ system\n",
        "        - text: SLEDAI-2K ≥ 6 at screening; or\n    - text: BILAG A in one organ system\n",
    )


LEAD = "Age 18-65", "At least one of the following:"


@pytest.mark.parametrize(
    ("text", "expected", "ambiguous"),
    [
        # the parts of a sentence end the run, each "or" (the last with none) or ";"
        (
            "* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6, or\n\n* BILAG A, or\n\n* low C3\n\n"
            "* Consent",
            [(None, LEAD[0]), (None, LEAD[1]), [(None, "SLEDAI ≥ 6, or"), (None, "BILAG A, or"), (None, "low C3")]]
            + [(None, "Consent")],
            False,
        ),
        # ... or their lower case
        (
            "* Age 18-65\n\nAt least one of the following:\n\n* elevated anti-dsDNA\n\n* low complement\n\n"
            "* hematuria\n\n* Consent",
            [
                (None, LEAD[0]),
                (None, LEAD[1]),
                [(None, "elevated anti-dsDNA"), (None, "low complement"), (None, "hematuria")],
                (None, "Consent"),
            ],
            False,
        ),
        # two items to the list's end; numbered ones
        (
            "* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6\n\n* BILAG A",
            [(None, LEAD[0]), (None, LEAD[1]), [(None, "SLEDAI ≥ 6"), (None, "BILAG A")]],
            False,
        ),
        (
            "* Age 18-65\n\nEither:\n\n1. SLEDAI ≥ 6\n\n2. BILAG A\n\n* Consent",
            [(None, LEAD[0]), (None, "Either:"), [(1, "SLEDAI ≥ 6"), (2, "BILAG A")], (None, "Consent")],
            False,
        ),
        # a line of a conjunction alone between them goes on with the item above
        (
            "* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6\n\nOR\n\n* BILAG A\n\n* Consent",
            [(None, LEAD[0]), (None, LEAD[1]), [(None, "SLEDAI ≥ 6"), (None, "BILAG A")], (None, "Consent")],
            False,
        ),
        (
            "* Age 18-65\n* Active disease, one of:\n\n* SLEDAI ≥ 6\n\nor\n\n* BILAG A\n\n* Consent",
            [(None, LEAD[0]), (None, "Active disease, one of:"), [(None, "SLEDAI ≥ 6"), (None, "BILAG A")]]
            + [(None, "Consent")],
            False,
        ),
        # nothing shows the end: the first two, said ambiguous
        (
            "* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6\n\n* BILAG A\n\n* Consent",
            [(None, LEAD[0]), (None, LEAD[1]), [(None, "SLEDAI ≥ 6"), (None, "BILAG A")], (None, "Consent")],
            True,
        ),
        # under a bulleted item leading into them, bulleted as it: where the layout shows the run's end
        (
            "* Age 18-65\n\n* Active disease, one of the following:\n\n* SLEDAI ≥ 6; or\n\n* BILAG A\n\n* Consent",
            [(None, LEAD[0]), (None, "Active disease, one of the following:")]
            + [[(None, "SLEDAI ≥ 6; or"), (None, "BILAG A")], (None, "Consent")],
            False,
        ),
        (
            "* Age 18-65\n\n* Organ function, defined as:\n\n* hemoglobin ≥ 9\n\n* platelets ≥ 100\n\n* Consent",
            [(None, LEAD[0]), (None, "Organ function, defined as:")]
            + [[(None, "hemoglobin ≥ 9"), (None, "platelets ≥ 100")], (None, "Consent")],
            False,
        ),
        # neighbours: under an item, where nothing shows the run's end, the items are the list's, as a tight run's
        # are (tests/test_import_helper8_leftovers.py); a run with no blank line in it ends at the next one, as before
        (
            "* Age 18-65\n\n* Active disease, one of:\n\n* SLEDAI ≥ 6\n\n* BILAG A\n\n* Consent",
            [(None, LEAD[0]), (None, "Active disease, one of:"), (None, "SLEDAI ≥ 6"), (None, "BILAG A")]
            + [(None, "Consent")],
            False,
        ),
        (
            "* Age 18-65\n\nAt least one of the following:\n\n* SLEDAI ≥ 6\n* BILAG A\n\n* Consent\n\n* Weight",
            [(None, LEAD[0]), (None, LEAD[1]), [(None, "SLEDAI ≥ 6"), (None, "BILAG A")]]
            + [(None, "Consent"), (None, "Weight")],
            False,
        ),
    ],
)
def test_alternatives_set_apart_by_blank_lines(text: str, expected: list, ambiguous: bool) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert criteria_tree(found.inclusion) == expected
    assert any("the layout is ambiguous" in r for r in found.remarks) == ambiguous, found.remarks


# --- a heading naming the list the participants' or the study's -------------------------------------------------

SUBJECT = (
    "Subject Inclusion Criteria\n\n1. Age 18 to 65 years\n2. Active SLE\n\nSubject Exclusion Criteria\n\n"
    "1. Pregnancy\n2. Active infection"
)


def test_a_heading_naming_its_list_the_subjects_heads_it(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "Subject Inclusion Criteria" (the list named the subjects', as every list is) was no heading: a word
    before a heading's kind was read as a part of the study, which a line names only set off by a colon, and the whole
    text was left to the curator; with a colon, "Participant Inclusion Criteria:" named a group of the list, as if
    the participants were a part of the study. "Subject", "Participant", "Patient", "Study" or "Trial" before a
    heading's kind names no part: the heading heads its list."""
    data = imported_criteria(trials, registry, SUBJECT, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE"},
    ]
    assert [c["text"] for c in data["eligibility"]["exclusion_criteria"]] == ["Pregnancy", "Active infection"]


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            "Patient inclusion criteria\n* Age 18-65\nPatient exclusion criteria\n* Pregnancy",
            [(None, "Age 18-65")],
            [(None, "Pregnancy")],
        ),
        (
            "Participant Inclusion Criteria:\n* Age 18-65\n\nParticipants' Exclusion Criteria:\n* Pregnancy",
            [(None, "Age 18-65")],
            [(None, "Pregnancy")],
        ),
        (
            "**Study Inclusion Criteria**\n* Age 18-65\n**Trial Exclusion Criteria**\n* Pregnancy",
            [(None, "Age 18-65")],
            [(None, "Pregnancy")],
        ),
        # neighbours: a part's name, and a sentence naming the criteria, read as before
        (
            "Inclusion Criteria:\n* Age 18-65\n\nPart B Inclusion Criteria:\n* Age 12-17\n\nExclusion Criteria:\n* X",
            [(None, "Age 18-65"), ("Part B Inclusion Criteria", None, "Age 12-17")],
            [(None, "X")],
        ),
        (
            "Inclusion Criteria:\n\n* Adults\n\nPatients who meet inclusion criteria:\n\n* HIV",
            [(None, "Adults"), ("Patients who meet inclusion criteria", None, "HIV")],
            [],
        ),
    ],
)
def test_headings_naming_their_list_the_participants(text: str, inclusion: list, exclusion: list) -> None:
    assert split_lists(text) == (inclusion, exclusion)


def test_a_spaced_run_is_read_in_bounded_steps_however_long_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each item of a list set apart by blank lines, each leading into the next ("* Item 1, one of:"), asks where
    the run under it ends: read whole from each, a list of 4,000 such items cost 20 s. The run is read up to
    nesting._SPACED_MOST items: the lines read are counted, not timed (a few an item, not the list's length)."""
    from sle_trials.reading.criteria_text import nesting

    read = [0]

    def counted(line: str) -> Any:
        read[0] += 1
        return criteria_text.marks.list_item(line)

    monkeypatch.setattr(nesting, "list_item", counted)
    n = 400
    criteria_text.split("Inclusion Criteria:\n\n" + "".join(f"* Item {i}, one of:\n\n" for i in range(n)))
    assert read[0] < n * (2 * nesting._SPACED_MOST + 10), read[0]


TIGHT_LISTS = {
    "each item leading in": lambda i: f"* Item {i} holds:",
    "items in lower case": lambda i: f"* item {i} holds:" if i % 2 == 0 else f"* item {i}",
    "a sentence's parts": lambda i: f"* Item {i};" if i % 50 else f"* Group {i}:",
    "wrapped lines": lambda i: f"* Item {i} holds:\n  and more words",
    "two bullets": lambda i: ("* " if i % 2 else "- ") + f"Item {i}:",
    "numbered": lambda i: f"{i % 99 + 1}. Item {i} holds:",
}


@pytest.mark.parametrize("item", TIGHT_LISTS.values(), ids=TIGHT_LISTS)
def test_a_tight_list_is_read_in_steps_in_proportion_to_its_items(monkeypatch: pytest.MonkeyPatch, item: Any) -> None:
    """Each item of a list with no blank line between its items, under an item ending in a colon, asks where the
    run under it ends (nesting.TightRuns): the block was read whole for each, and a list of 4,000 items each
    leading into the next took 31 s of CPU to split, an import or a check of a source holding it held for minutes.
    Each block is now read once: the lines read are counted, not timed (a few an item, however long the list)."""
    from sle_trials.reading.criteria_text import nesting

    read = [0]

    def counted(line: str) -> Any:
        read[0] += 1
        return criteria_text.marks.list_item(line)

    monkeypatch.setattr(nesting, "list_item", counted)
    n = 600
    criteria_text.split(
        "Inclusion Criteria:\n\n" + "\n".join(item(i) for i in range(n)) + "\n\nExclusion Criteria:\n\n* None\n"
    )
    assert read[0] < 10 * n, read[0]
