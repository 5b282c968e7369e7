"""trials import ctgov on real API v2 studies whose criteria text is laid out as registry entries lay theirs out (hunt
190, helper-20): the leftovers of hunt 188 (tests/test_import_real_hunt188.py) and more of their kind; each a real
study of tests/fixtures/ctgov/real/ with its criteria rewritten, imported into a registry copy with --out-of-scope,
that once imported into a draft saying what its source does not, which the check, reading the source alike, passed;
beside each, the layouts that must read as they did. The texts are test inputs, built for their layout: no fact of
any study."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import Trials, criteria_tree, imported_criteria, inclusion_tree, refused_as_imported_before
from sle_trials.reading import criteria_text


def _notes(data: dict[str, Any]) -> list[str]:
    return [n["text"] for n in data["curation"].get("notes", []) if n["field"] == "eligibility"]


# --- a bold heading closed before its dash --------------------------------------------------------------------

BOLD = (
    "**Key Inclusion Criteria** - Adults with active SLE\n- Age 18 to 65 years\n\n"
    "**Key Exclusion Criteria** - Pregnancy"
)


def test_a_bold_heading_closed_before_its_dash_heads_its_list(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "**Key Inclusion Criteria** - Adults with active SLE" (the bold closed before the dash) was no
    heading: the text had none, and both lists were left to the curator."""
    data = imported_criteria(trials, registry, BOLD, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Adults with active SLE"},
        {"text": "Age 18 to 65 years"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}]
    assert not {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"} & set(
        data["curation"]["not_yet_curated"]
    )


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            "**Inclusion Criteria** -\n- Age 18-65\n\n**Exclusion Criteria** -\n- Pregnancy",
            ["Age 18-65"],
            ["Pregnancy"],
        ),
        ("**Inclusion Criteria** – Age 18-65\n\n**Exclusion Criteria** — Pregnancy", ["Age 18-65"], ["Pregnancy"]),
        ("__Inclusion Criteria__ - Age 18-65\n\n__Exclusion Criteria__ - Pregnancy", ["Age 18-65"], ["Pregnancy"]),
        (
            "### **Inclusion Criteria** -\n1. Age 18-65\n\n**Exclusion Criteria** --\n1. Pregnancy",
            ["Age 18-65"],
            ["Pregnancy"],
        ),
        # neighbours: the dash and colon variants read before, as before
        ("**Inclusion Criteria:** - Age 18-65\n\n**Exclusion Criteria:** - Pregnancy", ["Age 18-65"], ["Pregnancy"]),
        ("**Inclusion Criteria -**\n- Age 18-65\n\n**Exclusion Criteria**:\n- Pregnancy", ["Age 18-65"], ["Pregnancy"]),
    ],
)
def test_bold_headings_with_a_dash(text: str, inclusion: list[str], exclusion: list[str]) -> None:
    found = criteria_text.split(text)
    assert ([c["text"] for c in found.inclusion], [c["text"] for c in found.exclusion]) == (inclusion, exclusion)


def test_a_bold_heading_naming_a_part_after_its_dash_groups_its_list() -> None:
    found = criteria_text.split(
        "**Inclusion Criteria** - Part A\n\n* Age 18-65\n\n**Inclusion Criteria** - Part B\n\n* Age 12-17\n\n"
        "**Exclusion Criteria**\n\n* Pregnancy"
    )
    assert [c.get("group") for c in found.inclusion] == ["Inclusion Criteria - Part A", "Inclusion Criteria - Part B"]


# --- a table's rows under the list item that leads into it ---------------------------------------------------

TABLE = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Adequate laboratory values:\n\n| Test | Value |\n|---|---|\n"
    "| Hemoglobin | ≥ 9 g/dL |\n| Platelets | ≥ 100 × 10^9/L |\n\n* Signed informed consent\n\n"
    "Exclusion Criteria:\n\n* Pregnancy"
)


def test_a_tables_rows_under_an_item_leading_into_it_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, the rows of a table right under "* Adequate laboratory values:" were read as criteria of their own,
    beside the item that names them its parts (bulleted at the table's indent, the item's), and the check, reading
    the source alike, passed it. Under an item leading into it, a table's rows are that item's sub-criteria."""
    data = imported_criteria(trials, registry, TABLE, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Age 18 to 65 years"),
        (None, "Adequate laboratory values:"),
        [(None, "Hemoglobin | ≥ 9 g/dL"), (None, "Platelets | ≥ 100 × 10^9/L")],
        (None, "Signed informed consent"),
    ]


def test_a_draft_listing_a_tables_rows_beside_the_item_leading_into_it_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, TABLE, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        '    - text: "Adequate laboratory values:"\n      sub_criteria:\n        - text: Hemoglobin | ≥ 9 g/dL\n'
        "        - text: Platelets | ≥ 100 × 10^9/L\n",
        '    - text: "Adequate laboratory values:"\n    - text: Hemoglobin | ≥ 9 g/dL\n'
        "    - text: Platelets | ≥ 100 × 10^9/L\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbered item wrapped over two lines, the table right under it, the list going on after it
        (
            "1. Age 18-65\n2. Adequate labs as\n   follows:\n| Test | Value |\n|------|-------|\n| Hb | ≥ 9 |\n"
            "3. Consent",
            [(1, "Age 18-65"), (2, "Adequate labs as follows:"), [(None, "Hb | ≥ 9")], (3, "Consent")],
        ),
        (
            "- Labs, defined as\n\n| A | B |\n| --- | --- |\n| Hb | ≥ 9 |\n\n- Consent",
            [(None, "Labs, defined as"), [(None, "Hb | ≥ 9")], (None, "Consent")],
        ),
        # neighbours: under an item that does not lead into it, or a sub-heading, the rows are the list's
        (
            "* Labs\n\n| A | B |\n|---|---|\n| Hb | ≥ 9 |\n\n* Consent",
            [(None, "Labs"), (None, "Hb | ≥ 9"), (None, "Consent")],
        ),
        ("* Age 18-65\n\n| A | B |\n|---|---|\n| Hb | ≥ 9 |", [(None, "Age 18-65"), (None, "Hb | ≥ 9")]),
    ],
)
def test_a_table_under_an_item(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


def test_a_table_under_a_sub_heading_is_in_its_group() -> None:
    found = criteria_text.split("Inclusion Criteria:\n\nLaboratory values:\n\n| A | B |\n|---|---|\n| Hb | ≥ 9 |")
    assert found.inclusion == [{"group": "Laboratory values", "text": "Hb | ≥ 9"}]


# --- items lettered in a run on one line -----------------------------------------------------------------------

LETTERED = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Women of childbearing potential must use one of: a) an "
    "intrauterine device b) hormonal contraception c) abstinence\n3. Signed informed consent\n\n"
    "Exclusion Criteria:\n\n1. Pregnancy"
)


def test_items_lettered_in_a_run_on_one_line_are_sub_criteria(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "... must use one of: a) an intrauterine device b) hormonal contraception c) abstinence" was one
    criterion holding its three alternatives, and the check, reading the source alike, passed a draft reading
    them as one requirement. Letters run in order on one line ("a) ... b) ... c)", three at least, or after a
    stop each) are items as numbers so run are, and those after words are those words' sub-criteria."""
    data = imported_criteria(trials, registry, LETTERED, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "Age 18 to 65 years"),
        (2, "Women of childbearing potential must use one of:"),
        [(None, "an intrauterine device"), (None, "hormonal contraception"), (None, "abstinence")],
        (3, "Signed informed consent"),
    ]


def test_a_draft_holding_lettered_items_in_one_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, LETTERED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "      sub_criteria:\n        - text: an intrauterine device\n        - text: hormonal contraception\n"
        "        - text: abstinence\n",
        "      sub_criteria:\n        - text: an intrauterine device b) hormonal contraception c) abstinence\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "* Use one of: (a) an IUD; (b) hormonal contraception",
            [(None, "Use one of:"), [(None, "an IUD;"), (None, "hormonal contraception")]],
        ),
        ("a) Age 18-65 b) SLE c) Consent", [(None, "Age 18-65"), (None, "SLE"), (None, "Consent")]),
        (
            "1. Organ function: A. Hb ≥ 9 B. ANC ≥ 1.5 C. Plt ≥ 100",
            [(1, "Organ function:"), [(None, "Hb ≥ 9"), (None, "ANC ≥ 1.5"), (None, "Plt ≥ 100")]],
        ),
        (
            "1. Prior therapy: i) steroids ii) HCQ iii) MMF",
            [(1, "Prior therapy:"), [(None, "steroids"), (None, "HCQ"), (None, "MMF")]],
        ),
        (
            "b) agree to either: i) an IUD ii) a pill iii) abstinence",
            [(None, "agree to either:"), [(None, "an IUD"), (None, "a pill"), (None, "abstinence")]],
        ),
    ],
)
def test_a_run_of_letters_is_cut(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1. Either a) SLEDAI-2K ≥ 6 or b) BILAG A",  # a run of two with no stop: as written
        "1. Vitamin a. Consent b. given",
        "1. Hepatitis B) positive C) negative",  # no "a": no run
        "1. a) Age 18-65 c) SLE d) Consent",  # out of order
    ],
)
def test_letters_that_are_no_run_read_as_written(text: str) -> None:
    assert inclusion_tree(text) == [(1, text[3:])]


# --- items numbered after words on one line -----------------------------------------------------------------

AFTER_WORDS = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Women of childbearing potential must agree to use one of the "
    "following: (1) an intrauterine device; (2) hormonal contraception; (3) abstinence\n3. Signed informed consent\n\n"
    "Exclusion Criteria:\n\n* Pregnancy"
)


def test_items_numbered_after_words_are_sub_criteria(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "... use one of the following: (1) an intrauterine device; (2) ...; (3) abstinence" was one
    criterion (a run of numbers was read only from a line's start), and the check, reading the source alike, passed
    a draft reading the alternatives as one requirement. Numbers run after words, in brackets or before ")" or "、",
    are those words' sub-criteria, as letters are."""
    data = imported_criteria(trials, registry, AFTER_WORDS, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "Age 18 to 65 years"),
        (2, "Women of childbearing potential must agree to use one of the following:"),
        [(1, "an intrauterine device;"), (2, "hormonal contraception;"), (3, "abstinence")],
        (3, "Signed informed consent"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Organ function: 1) Hb ≥ 9 2) ANC ≥ 1.5 3) Plt ≥ 100",
            [(1, "Organ function:"), [(1, "Hb ≥ 9"), (2, "ANC ≥ 1.5"), (3, "Plt ≥ 100")]],
        ),
        (
            "5. 器官功能：1、血红蛋白≥90g/L；2、中性粒细胞≥1.5",
            [(5, "器官功能："), [(1, "血红蛋白≥90g/L；"), (2, "中性粒细胞≥1.5")]],
        ),
        (
            "5. 器官功能：（1）血红蛋白≥90g/L；（2）中性粒细胞≥1.5",
            [(5, "器官功能："), [(1, "血红蛋白≥90g/L；"), (2, "中性粒细胞≥1.5")]],
        ),
        # neighbours: a number after a word it belongs to, "1." after words, a run of two with no stop: as written
        ("4. See Table 1) and 2) and 3) below", [(4, "See Table 1) and 2) and 3) below")]),
        ("8. CKD stage 1. 2. 3. allowed", [(8, "CKD stage 1. 2. 3. allowed")]),
        ("7. Hb ≥ 9 g/dL (1) and ANC ≥ 1.5 (2)", [(7, "Hb ≥ 9 g/dL (1) and ANC ≥ 1.5 (2)")]),
        ("2. (1) Hb ≥ 9 (2) ANC ≥ 1.5", [(2, "(1) Hb ≥ 9 (2) ANC ≥ 1.5")]),
    ],
)
def test_numbers_after_words(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- an item leading into its list ---------------------------------------------------------------------------

LEAD_IN = (
    "Inclusion Criteria:\n\n* Patients who meet all of the following criteria:\n  * Age 18 to 65 years\n"
    "  * Active SLE\n\nExclusion Criteria:\n\n* Participants are excluded from the study if any of the following "
    "criteria apply:\n* Pregnancy\n* Active infection"
)


def test_an_item_leading_into_its_list_is_no_criterion(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "* Patients who meet all of the following criteria:" was imported as a criterion holding the list's
    criteria as its parts, and "* Participants are excluded from the study if any of the following criteria
    apply:" as an exclusion criterion of its own, and the check, reading the source alike, passed them. An
    unnumbered item, first in its list, that leads into it and says nothing the list's heading does not (all of
    an inclusion list, any of an exclusion list) is no criterion: not imported, with a note, the items it leads
    into the list's criteria."""
    data = imported_criteria(trials, registry, LEAD_IN, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [{"text": "Age 18 to 65 years"}, {"text": "Active SLE"}]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}, {"text": "Active infection"}]
    assert sum("a lead-in to the list" in n for n in _notes(data)) == 2, _notes(data)


def test_a_draft_holding_a_lead_in_as_a_criterion_is_refused(trials: Trials, registry: Path, tmp_path: Path) -> None:
    imported_criteria(trials, registry, LEAD_IN, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "  exclusion_criteria:\n    - text: Pregnancy\n",
        "  exclusion_criteria:\n    - text: 'Participants are excluded from the study if any of the following criteria"
        " apply:'\n    - text: Pregnancy\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "* Participants are eligible to be included in the study only if all of the following criteria apply:\n"
            "  1. Age 18-65\n  2. SLE",
            [(1, "Age 18-65"), (2, "SLE")],
        ),
        (
            "- Subjects must meet all of the following inclusion criteria to be eligible:\n- Age 18-65\n- SLE",
            [(None, "Age 18-65"), (None, "SLE")],
        ),
        (
            "* **All of the following criteria must be met:**\n  * Age 18-65\n  * SLE",
            [(None, "Age 18-65"), (None, "SLE")],
        ),
    ],
)
def test_lead_ins_as_sponsors_write_them(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


@pytest.mark.parametrize(
    ("kind", "lead"),
    [
        ("inclusion", "To be eligible, patients must meet all of the following:"),
        ("inclusion", "Subjects will be eligible for enrollment if they meet all of the following criteria:"),
        ("inclusion", "Each patient must meet all of the following criteria to be enrolled in this study:"),
        ("exclusion", "Subjects presenting with any of the following will not be included in the study:"),
        ("exclusion", "Patients will be excluded if they meet any of the following criteria:"),
        ("exclusion", "The presence of any of the following will exclude a subject from study enrollment:"),
    ],
)
def test_lead_ins_in_other_words(kind: str, lead: str) -> None:
    lists = {"inclusion": "* Adults", "exclusion": "* Pregnancy"}
    lists[kind] = f"* {lead}\n  * A\n  * B"
    found = criteria_text.split(
        f"Inclusion Criteria:\n\n{lists['inclusion']}\n\nExclusion Criteria:\n\n{lists['exclusion']}"
    )
    assert [c["text"] for c in getattr(found, kind)] == ["A", "B"]


@pytest.mark.parametrize(
    "text",
    [
        # an inclusion list's "any of" (or "one or more of"): alternatives, the item holds them
        "* Patients meeting any of the following criteria:\n  * Anti-dsDNA positive\n  * Low C3\n* Consent",
        "* Patients must meet one or more of the following:\n  * Anti-dsDNA positive\n  * Low C3",
        "* Women who meet all of the following:\n  * Negative pregnancy test\n  * Contraception",
        # words saying whom, a number, or not first: a criterion
        "* Patients with lupus nephritis meeting all of the following:\n  * Class III or IV\n  * Proteinuria",
        "1. Patients who meet all of the following criteria:\n   a. Age 18-65\n   b. SLE",
        "* Age 18-65\n* Patients who meet all of the following criteria:\n  * SLE\n  * Consent",
        # alone, leading into nothing
        "* Patients who meet all of the following criteria:",
    ],
)
def test_an_item_that_is_no_lead_in_reads_as_before(text: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy")
    assert not any("lead-in" in r for r in found.remarks)
    assert any("following" in c["text"] for c in found.inclusion)


# --- roman numerals right under a lettered item leading into them ----------------------------------------------

ROMAN = (
    "Inclusion Criteria:\n\n1. Women of childbearing potential must:\na) have a negative pregnancy test\nb) agree to "
    "use either:\ni. an intrauterine device\nii. hormonal contraception\n2. Signed informed consent\n\n"
    "Exclusion Criteria:\n\n1. Pregnancy"
)


def test_roman_numerals_under_a_lettered_item_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, roman numerals unindented under "b) agree to use either:" were read as letters, its siblings: each
    alternative a requirement of item 1, and the check, reading the source alike, passed it. Roman numerals ("ii.",
    and "i." but right after "h.") are a kind of mark of their own, nested under a lettered, numbered or bulleted
    item that leads into them, as letters are under a number."""
    data = imported_criteria(trials, registry, ROMAN, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "Women of childbearing potential must:"),
        [
            (None, "have a negative pregnancy test"),
            (None, "agree to use either:"),
            [(None, "an intrauterine device"), (None, "hormonal contraception")],
        ],
        (2, "Signed informed consent"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("* Labs:\n(i) Hb\n(ii) ANC\n* Consent", [(None, "Labs:"), [(None, "Hb"), (None, "ANC")], (None, "Consent")]),
        ("1. Labs:\ni. Hb\nii. ANC\n2. Consent", [(1, "Labs:"), [(None, "Hb"), (None, "ANC")], (2, "Consent")]),
        # after the romans, the letters go on, then the numbers
        (
            "1. Women must:\na) test negative\nb) use either:\ni. an IUD\nii. a pill\nc) not breastfeed\n2. Consent",
            [
                (1, "Women must:"),
                [
                    (None, "test negative"),
                    (None, "use either:"),
                    [(None, "an IUD"), (None, "a pill")],
                    (None, "not breastfeed"),
                ],
                (2, "Consent"),
            ],
        ),
        # neighbours: "i." after "h." is the letter i; romans started at "i" under a letter leading into nothing are
        # its parts, as an outline nests them (since hunt 215, said in a remark; before, its siblings)
        ("1. Labs:\ng. G\nh. H\ni. I\nj. J", [(1, "Labs:"), [(None, "G"), (None, "H"), (None, "I"), (None, "J")]]),
        (
            "1. Women:\na) test negative\nb) use contraception\ni. an IUD\nii. a pill\n2. Consent",
            [
                (1, "Women:"),
                [(None, "test negative"), (None, "use contraception"), [(None, "an IUD"), (None, "a pill")]],
                (2, "Consent"),
            ],
        ),
        ("i. Age 18-65\nii. SLE\niii. Consent", [(None, "Age 18-65"), (None, "SLE"), (None, "Consent")]),
    ],
)
def test_roman_numerals_under_an_item(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- a sub-list numbered again from 1, then the outer numbering resumes ------------------------------------------

RESUMED = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Adequate organ function, defined as:\n1. Hemoglobin ≥ 9 g/dL\n"
    "2. Neutrophils ≥ 1.5 × 10^9/L\n3. Signed informed consent\n\nExclusion Criteria:\n\n1. Pregnancy"
)


def test_the_outer_numbering_resumes_after_a_sub_list_numbered_again(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "2. Adequate organ function, defined as:" / "1. Hemoglobin ..." / "2. Neutrophils ..." / "3. Signed
    informed consent" read the consent as a third part of item 2: the sub-list was nested because the outer
    numbering goes on at "3.", and "3." was then read as the sub-list's own next number, which it is too. Where a
    number goes on with both lists, once the sub-list holds two items and no later line is numbered so, it is
    the outer list's, and a note says the layout is ambiguous."""
    data = imported_criteria(trials, registry, RESUMED, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "Age 18 to 65 years"),
        (2, "Adequate organ function, defined as:"),
        [(1, "Hemoglobin ≥ 9 g/dL"), (2, "Neutrophils ≥ 1.5 × 10^9/L")],
        (3, "Signed informed consent"),
    ]
    assert any("the layout is ambiguous" in n for n in _notes(data)), _notes(data)


def test_a_draft_nesting_the_resumed_item_in_the_sub_list_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, RESUMED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "          text: Neutrophils ≥ 1.5 × 10^9/L\n    - number: 3\n      text: Signed informed consent\n",
        "          text: Neutrophils ≥ 1.5 × 10^9/L\n        - number: 3\n          text: Signed informed consent\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no colon: the numbering's going on is why the sub-list nests, and where it goes on
        (
            "1. Adults\n2. Organ function\n1. Hb ≥ 9 g/dL\n2. ANC ≥ 1.5\n3. Consent\n4. Contraception",
            [
                (1, "Adults"),
                (2, "Organ function"),
                [(1, "Hb ≥ 9 g/dL"), (2, "ANC ≥ 1.5")],
                (3, "Consent"),
                (4, "Contraception"),
            ],
        ),
        # a sub-list written otherwise than the list ("（1）" under "2、", "1)" under "2.") ends where the list's own
        # way of numbering resumes, and goes on where its own does
        (
            "1、年龄18-65岁\n2、器官功能良好：\n（1）血红蛋白≥90g/L\n（2）中性粒细胞≥1.5×10^9/L\n3、签署知情同意书",
            [
                (1, "年龄18-65岁"),
                (2, "器官功能良好："),
                [(1, "血红蛋白≥90g/L"), (2, "中性粒细胞≥1.5×10^9/L")],
                (3, "签署知情同意书"),
            ],
        ),
        (
            "1. Adults\n2. Organ function:\n1) Hb ≥ 9\n2) ANC ≥ 1.5\n3) Platelets ≥ 100\n3. Consent",
            [
                (1, "Adults"),
                (2, "Organ function:"),
                [(1, "Hb ≥ 9"), (2, "ANC ≥ 1.5"), (3, "Platelets ≥ 100")],
                (3, "Consent"),
            ],
        ),
        (
            "1. Adults\n2. Organ function:\n(1) Hb ≥ 9\n(2) ANC ≥ 1.5\n3. Consent",
            [(1, "Adults"), (2, "Organ function:"), [(1, "Hb ≥ 9"), (2, "ANC ≥ 1.5")], (3, "Consent")],
        ),
        # ... and, the list's last item, nests under it though the list's numbering does not go on
        (
            "1、年龄18-65岁\n2、器官功能良好\n（1）血红蛋白≥90g/L\n（2）中性粒细胞≥1.5",
            [(1, "年龄18-65岁"), (2, "器官功能良好"), [(1, "血红蛋白≥90g/L"), (2, "中性粒细胞≥1.5")]],
        ),
    ],
)
def test_a_sub_list_numbered_again_ends_where_the_outer_numbering_resumes(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sub-list of one item is none: "2." after "1. Labs:" / "1. Hb" is the sub-list's, as before
        ("1. Labs:\n1. Hb ≥ 9 g/dL\n2. ANC ≥ 1.5", [(1, "Labs:"), [(1, "Hb ≥ 9 g/dL"), (2, "ANC ≥ 1.5")]]),
        # the outer list resumes at a later line numbered so: the sub-list's own "3." before it, as before
        (
            "1. Adults\n2. Steroids, as follows:\n1. prednisone\n2. stable\n3. no change\n3. Consent",
            [
                (1, "Adults"),
                (2, "Steroids, as follows:"),
                [(1, "prednisone"), (2, "stable"), (3, "no change")],
                (3, "Consent"),
            ],
        ),
        # indented, the sub-list says where it ends
        (
            "1. Adults\n2. Organ function:\n   1. Hb\n   2. ANC\n   3. Platelets\n3. Consent",
            [(1, "Adults"), (2, "Organ function:"), [(1, "Hb"), (2, "ANC"), (3, "Platelets")], (3, "Consent")],
        ),
        # a number typed twice, and a list written one way throughout: as before
        (
            "1. Adults\n1. SLE\n2. Consent\n2. Weight\n3. Contraception",
            [(1, "Adults"), [(1, "SLE"), (2, "Consent")], (2, "Weight"), (3, "Contraception")],
        ),
        ("1) Adults\n2) SLE\n3) Consent", [(1, "Adults"), (2, "SLE"), (3, "Consent")]),
    ],
)
def test_a_sub_list_numbered_again_that_holds_its_items_reads_as_before(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- a sub-heading right under an item, with no blank line between them -------------------------------------------

TIGHT_SUBHEADINGS = (
    "Inclusion Criteria:\nFor adults:\n* Age 18 to 65 years\nFor adolescents:\n* Age 12 to 17 years\n"
    "* Weight ≥ 40 kg\n\nExclusion Criteria:\n* Pregnancy"
)


def test_a_sub_heading_right_under_an_item_starts_its_group(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "For adolescents:" right under "* Age 18 to 65 years" (no blank line between them, as many texts are
    written) was read as a criterion of the adults' group, and the adolescents' criteria as the adults' ("Age 12 to
    17 years" under "For adults"), and the check, reading the source alike, passed it. A line a sub-heading would be
    after a blank line is one right under an item too, where the list's items are grouped already or it names a
    part of the study or whom its items are for, and it does not run on from the line above."""
    data = imported_criteria(trials, registry, TIGHT_SUBHEADINGS, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"group": "For adults", "text": "Age 18 to 65 years"},
        {"group": "For adolescents", "text": "Age 12 to 17 years"},
        {"group": "For adolescents", "text": "Weight ≥ 40 kg"},
    ]


def test_a_draft_listing_a_groups_criteria_under_the_group_above_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, TIGHT_SUBHEADINGS, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - group: For adolescents\n      text: Age 12 to 17 years\n",
        "    - group: For adults\n      text: Age 12 to 17 years\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Part A:\n1. Age 18-65\n2. SLE\nPart B:\n1. Age 12-17\n2. SLE",
            [("Part A", 1, "Age 18-65"), ("Part A", 2, "SLE"), ("Part B", 1, "Age 12-17"), ("Part B", 2, "SLE")],
        ),
        (
            "Cohort A (SLE):\n- Age 18-65\nCohort B (lupus nephritis):\n- Biopsy-proven LN",
            [("Cohort A (SLE)", None, "Age 18-65"), ("Cohort B (lupus nephritis)", None, "Biopsy-proven LN")],
        ),
        (
            "* Age 18-65\nFor adolescents:\n* Weight ≥ 40 kg",
            [(None, None, "Age 18-65"), ("For adolescents", None, "Weight ≥ 40 kg")],
        ),
        # neighbours: a line running on from the item above, and one ungrouped that names no part nor whom
        (
            "* Age 18-65\n* Positive for one of the\nfollowing:\n* ANA",
            [(None, None, "Age 18-65"), (None, None, "Positive for one of the following:"), (None, None, "ANA")],
        ),
        (
            "* Age 18-65\nLaboratory values:\n* Hb ≥ 9",
            [(None, None, "Age 18-65"), (None, None, "Laboratory values:"), (None, None, "Hb ≥ 9")],
        ),
        # a sub-heading opening with the word of the group's ("Step 1:" / ... / "Step 2:"), and, neighbour, a line
        # ending in a colon under a group's item, which names no part nor whom: a criterion of the group, as before
        (
            "Step 1:\n1. Age 18-65\nStep 2:\n1. CAR-T eligible",
            [("Step 1", 1, "Age 18-65"), ("Step 2", 1, "CAR-T eligible")],
        ),
        (
            "For adults:\n* Age 18-65\nAdequate organ function:\n* Hb ≥ 9",
            [
                ("For adults", None, "Age 18-65"),
                ("For adults", None, "Adequate organ function:"),
                ("For adults", None, "Hb ≥ 9"),
            ],
        ),
    ],
)
def test_sub_headings_right_under_an_item(text: str, expected: list) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n{text}\n\nExclusion Criteria:\n* Pregnancy")
    assert [(c.get("group"), c.get("number"), c["text"]) for c in found.inclusion] == expected


# --- a Chinese heading with an aside in brackets ------------------------------------------------------------------

HAN_ASIDE = (
    "入选标准（需满足以下所有条件）：\n1. 年龄18-65岁\n2. 确诊系统性红斑狼疮\n"
    "排除标准（符合以下任何一条者不能入选）：\n1. 妊娠"
)


def test_a_chinese_heading_with_an_aside_heads_its_list(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "入选标准（需满足以下所有条件）：" (inclusion criteria, all of the following to be met) was no
    heading: an English heading's aside in brackets was read, a Chinese one's not, and the whole text was left to
    the curator."""
    data = imported_criteria(trials, registry, HAN_ASIDE, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "年龄18-65岁"},
        {"number": 2, "text": "确诊系统性红斑狼疮"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"number": 1, "text": "妊娠"}]


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        ("【入选标准】（全部满足）：\n1、年龄18-65岁\n【排除标准】：\n1、妊娠", ["年龄18-65岁"], ["妊娠"]),
        ("入选标准(Inclusion Criteria)：\n1、年龄18-65岁\n排除标准：\n1、妊娠", ["年龄18-65岁"], ["妊娠"]),
        # neighbours: the aside's kind said otherwise, or a colon in the brackets: no heading of that list
        ("入选标准（Exclusion Criteria）：\n1、年龄18-65岁\n排除标准：\n1、妊娠", [], ["妊娠"]),
    ],
)
def test_chinese_headings_with_an_aside(text: str, inclusion: list[str], exclusion: list[str]) -> None:
    found = criteria_text.split(text)
    assert ([c["text"] for c in found.inclusion], [c["text"] for c in found.exclusion]) == (inclusion, exclusion)


# --- a letter marking an item with no space before a CJK word ------------------------------------------------------

HAN_LETTERS = (
    "纳入标准：\n1.年龄18~65周岁；\n2.符合以下条件之一：\na.抗ds-DNA抗体阳性；\nb.低补体；\n3.签署知情同意书。\n"
    "排除标准：\n1.妊娠。"
)


def test_a_letter_with_no_space_before_a_cjk_word_marks_an_item(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "a.抗ds-DNA抗体阳性；" (a letter and a stop with no space before a CJK word, as Chinese texts letter
    their items, and as "3.Text" numbers one) was no item's mark: the line began in lower case and was read as words
    of item 2, its alternatives run into one criterion, and the check, reading the source alike, passed it."""
    data = imported_criteria(trials, registry, HAN_LETTERS, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "年龄18~65周岁；"),
        (2, "符合以下条件之一："),
        [(None, "抗ds-DNA抗体阳性；"), (None, "低补体；")],
        (3, "签署知情同意书。"),
    ]


def test_a_draft_running_lettered_items_into_the_one_above_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, HAN_LETTERS, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "      text: 符合以下条件之一：\n      sub_criteria:\n"
        "        - text: 抗ds-DNA抗体阳性；\n        - text: 低补体；\n",
        "      text: 符合以下条件之一： a.抗ds-DNA抗体阳性； b.低补体；\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Labs:\nA.血红蛋白≥90g/L\nB.中性粒细胞≥1.5",
            [(1, "Labs:"), [(None, "血红蛋白≥90g/L"), (None, "中性粒细胞≥1.5")]],
        ),
        # neighbours: a letter and a stop before a Latin word, or in a word, are words
        ("* E.coli infection\n* Vitamin D.维生素D缺乏", [(None, "E.coli infection"), (None, "Vitamin D.维生素D缺乏")]),
    ],
)
def test_letters_with_no_space_before_a_word(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- a paragraph leading into alternatives after items of the list -------------------------------------------------

ALTERNATIVES = (
    "Inclusion Criteria:\n\n* Age 18 to 65 years\n\nPatients must have at least one of the following:\n\n"
    "* Anti-dsDNA antibodies above the laboratory's upper limit\n* Low complement C3\n\n* Signed informed consent\n\n"
    "Exclusion Criteria:\n\n* Pregnancy"
)


def test_a_paragraph_leading_into_alternatives_is_a_criterion_holding_them(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Patients must have at least one of the following:" in a paragraph of its own after the list's items
    was read as a sub-heading: its alternatives each a criterion of its group, required, and every criterion after
    them ("Signed informed consent") listed under it as its group too, and the check, reading the source alike,
    passed it. After items of the list, such a paragraph leading into alternatives ("at least one of", "one or
    more of", "any of", "either") is a criterion, the run of items right under it, up to a blank line, its
    sub-criteria."""
    data = imported_criteria(trials, registry, ALTERNATIVES, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Age 18 to 65 years"),
        (None, "Patients must have at least one of the following:"),
        [(None, "Anti-dsDNA antibodies above the laboratory's upper limit"), (None, "Low complement C3")],
        (None, "Signed informed consent"),
    ]


def test_a_draft_grouping_criteria_under_a_paragraph_leading_into_alternatives_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, ALTERNATIVES, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - text: Signed informed consent\n",
        "    - group: Patients must have at least one of the following\n      text: Signed informed consent\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Age 18-65\n\nAny one of the following:\n1. ANA\n2. dsDNA\n\n2. Consent",
            [(1, "Age 18-65"), (None, "Any one of the following:"), [(1, "ANA"), (2, "dsDNA")], (2, "Consent")],
        ),
        # neighbours: a sub-heading saying whom is a sub-heading as before; a paragraph first in the inclusion list
        # holds its alternatives too, since tests/test_import_helper31_layouts.py (a sub-heading before: each required)
        (
            "* Age 18-65\n\nFor adolescents:\n\n* Weight ≥ 40 kg\n\n* Consent",
            [(None, "Age 18-65"), ("For adolescents", "Weight ≥ 40 kg"), ("For adolescents", "Consent")],
        ),
        (
            "Patients must meet one of the following:\n\n* A\n* B",
            [(None, "Patients must meet one of the following:"), [(None, "A"), (None, "B")]],
        ),
    ],
)
def test_paragraphs_after_items(text: str, expected: list) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy").inclusion
    if any("group" in c for c in found):
        assert [(c.get("group"), c["text"]) for c in found] == [tuple(x) for x in expected]
    else:
        assert criteria_tree(found) == expected


def test_a_line_leading_into_alternatives_right_under_an_item_is_no_sub_heading() -> None:
    """In a list grouped under sub-headings, a line right under an item leading into alternatives ("Positive for at
    least one of the following:") is a criterion holding them, as it is after a blank line, not a sub-heading that
    would make each alternative a criterion of its group."""
    found = criteria_text.split(
        "Inclusion Criteria:\nFor adults:\n* Age 18-65\nPositive for at least one of the following:\n* ANA\n"
        "* anti-dsDNA\n\n* Consent\n\nExclusion Criteria:\n* Pregnancy"
    ).inclusion
    assert [(c.get("group"), c["text"], [x["text"] for x in c.get("sub_criteria", [])]) for c in found] == [
        ("For adults", "Age 18-65", []),
        ("For adults", "Positive for at least one of the following:", ["ANA", "anti-dsDNA"]),
        ("For adults", "Consent", []),
    ]


# --- names beginning in lower case listed under an item ending in a colon ----------------------------------------

LOWER_CASE_NAMES = (
    "Inclusion Criteria:\n1. Age 18 to 65 years\n2. Positive for one of:\nANA\nanti-dsDNA\nanti-Sm\n"
    "3. Signed informed consent\n\nExclusion Criteria:\n1. Pregnancy"
)


def test_names_beginning_in_lower_case_listed_under_a_colon_are_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "2. Positive for one of:" / "ANA" / "anti-dsDNA" / "anti-Sm" read "anti-dsDNA" (a line beginning in
    lower case) as a wrapped line of "ANA": one sub-criterion "ANA anti-dsDNA anti-Sm", three alternatives read as
    one requirement, and the check, reading the source alike, passed it. Among lines listed under an item ending in
    a colon, a name beginning in lower case with a capital in its first word ("anti-dsDNA", "eGFR", "hsCRP") is an
    item of the list; a wrapped line in lower case ("by immunofluorescence") runs on as before."""
    data = imported_criteria(trials, registry, LOWER_CASE_NAMES, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "Age 18 to 65 years"),
        (2, "Positive for one of:"),
        [(None, "ANA"), (None, "anti-dsDNA"), (None, "anti-Sm")],
        (3, "Signed informed consent"),
    ]


def test_a_draft_joining_names_listed_under_a_colon_is_refused(trials: Trials, registry: Path, tmp_path: Path) -> None:
    imported_criteria(trials, registry, LOWER_CASE_NAMES, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "        - text: ANA\n        - text: anti-dsDNA\n        - text: anti-Sm\n",
        "        - text: ANA anti-dsDNA anti-Sm\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Positive for one of:\nanti-dsDNA\nanti-Sm\n2. Consent",
            [(1, "Positive for one of:"), [(None, "anti-dsDNA"), (None, "anti-Sm")], (2, "Consent")],
        ),
        # neighbours: a wrapped line in lower case under a colon, and a name in lower case under no colon, run on
        (
            "1. Positive for one of:\nANA at a titre of at least 1:80\nby immunofluorescence\nanti-dsDNA",
            [
                (1, "Positive for one of:"),
                [(None, "ANA at a titre of at least 1:80 by immunofluorescence"), (None, "anti-dsDNA")],
            ],
        ),
        (
            "* Creatinine normal\neGFR ≥ 60 mL/min\n* Consent",
            [(None, "Creatinine normal eGFR ≥ 60 mL/min"), (None, "Consent")],
        ),
    ],
)
def test_names_beginning_in_lower_case(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- numbers right under a lettered item leading into them ---------------------------------------------------

LETTERED_PARTS = (
    "Inclusion Criteria:\nA. Lupus nephritis cohort:\n1. Biopsy-proven lupus nephritis\n2. Proteinuria ≥ 0.5 g/day\n"
    "B. Extrarenal cohort:\n1. SLEDAI-2K ≥ 6\n2. Refractory to two standard therapies\n\nExclusion Criteria:\n"
    "1. Pregnancy"
)


def test_numbers_under_a_lettered_item_leading_into_them_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "A. Lupus nephritis cohort:" / "1. Biopsy-proven lupus nephritis" / "2. ..." / "B. Extrarenal
    cohort:" / "1. ..." read the first cohort's numbered criteria as criteria of the whole list, each required of
    everyone, beside "A." (numbers under a letter at its indent were never its items), and the second's, numbered
    again from 1, as "B."'s own; the check, reading the source alike, passed it. Numbers right under a lettered,
    roman-numbered or bulleted item leading into them are its sub-criteria, as letters are under a number."""
    data = imported_criteria(trials, registry, LETTERED_PARTS, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Lupus nephritis cohort:"),
        [(1, "Biopsy-proven lupus nephritis"), (2, "Proteinuria ≥ 0.5 g/day")],
        (None, "Extrarenal cohort:"),
        [(1, "SLEDAI-2K ≥ 6"), (2, "Refractory to two standard therapies")],
    ]


def test_a_draft_listing_a_lettered_items_parts_beside_it_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, LETTERED_PARTS, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        '    - text: "Lupus nephritis cohort:"\n      sub_criteria:\n        - number: 1\n'
        "          text: Biopsy-proven lupus nephritis\n        - number: 2\n          text: Proteinuria ≥ 0.5 g/day\n",
        '    - text: "Lupus nephritis cohort:"\n    - number: 1\n      text: Biopsy-proven lupus nephritis\n'
        "    - number: 2\n      text: Proteinuria ≥ 0.5 g/day\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I. General:\n1. Age 18-65\n2. Consent\nII. Disease:\n1. SLE",
            [(None, "General:"), [(1, "Age 18-65"), (2, "Consent")], (None, "Disease:"), [(1, "SLE")]],
        ),
        (
            "* Age 18-65\n* Adequate organ function:\n1. Hb ≥ 9\n2. ANC ≥ 1.5\n* Consent",
            [
                (None, "Age 18-65"),
                (None, "Adequate organ function:"),
                [(1, "Hb ≥ 9"), (2, "ANC ≥ 1.5")],
                (None, "Consent"),
            ],
        ),
        (
            "- Active SLE defined as\n1) SLEDAI-2K ≥ 6, and\n2) anti-dsDNA positive\n- Consent",
            [
                (None, "Active SLE defined as"),
                [(1, "SLEDAI-2K ≥ 6, and"), (2, "anti-dsDNA positive")],
                (None, "Consent"),
            ],
        ),
        # neighbours: numbers under a lettered or bulleted item leading into nothing, and the numbers after a
        # number's letters
        ("a. Age 18-65\n1. SLE", [(None, "Age 18-65"), (1, "SLE")]),
        ("* Age 18-65\n* Consent\n1. Weight ≥ 40 kg", [(None, "Age 18-65"), (None, "Consent"), (1, "Weight ≥ 40 kg")]),
        (
            "1. Women must:\na. test negative\nb. use contraception\n2. Consent",
            [(1, "Women must:"), [(None, "test negative"), (None, "use contraception")], (2, "Consent")],
        ),
    ],
)
def test_numbers_under_a_lettered_item(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- items of another mark right under a lettered or roman-numbered item leading into them ------------------------

OTHER_MARKS = (
    "Inclusion Criteria:\nA. Age 18 to 65 years\nB. Adequate organ function:\na) Hemoglobin ≥ 9 g/dL\n"
    "b) Platelets ≥ 100 × 10^9/L\nC. Signed informed consent\n\nExclusion Criteria:\n1. Pregnancy"
)


def test_letters_written_otherwise_under_a_lettered_item_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "B. Adequate organ function:" / "a) Hemoglobin ..." / "b) Platelets ..." / "C. Signed informed
    consent" read the parts as criteria beside "B.", each required of itself, and so did bullets under "B." and
    letters or bullets under a roman numeral ("ii. Organ function:" / "a) Hb"); the check, reading the source alike,
    passed it. Items of another mark, or letters started again at "a" written otherwise than the list's, right
    under a lettered or roman-numbered item leading into them are its sub-criteria; the list's own letters (or
    numerals) after them go on with it."""
    data = imported_criteria(trials, registry, OTHER_MARKS, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (None, "Age 18 to 65 years"),
        (None, "Adequate organ function:"),
        [(None, "Hemoglobin ≥ 9 g/dL"), (None, "Platelets ≥ 100 × 10^9/L")],
        (None, "Signed informed consent"),
    ]


def test_a_draft_listing_a_lettered_items_other_parts_beside_it_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, OTHER_MARKS, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "        - text: Platelets ≥ 100 × 10^9/L\n    - text: Signed informed consent\n",
        "        - text: Platelets ≥ 100 × 10^9/L\n        - text: Signed informed consent\n",
    )


@pytest.mark.parametrize(
    ("parent", "child"),
    [(p, c) for p in ("A.", "(a)", "ii.") for c in ("*", "-", "•", "a)", "(a)", "A.") if p != c],
)
def test_items_of_another_mark_under_a_lettered_item(parent: str, child: str) -> None:
    first, second, third = {"A.": ("A.", "B.", "C."), "(a)": ("(a)", "(b)", "(c)"), "ii.": ("i.", "ii.", "iii.")}[
        parent
    ]
    one, two = {
        "*": ("*", "*"),
        "-": ("-", "-"),
        "•": ("•", "•"),
        "a)": ("a)", "b)"),
        "(a)": ("(a)", "(b)"),
        "A.": ("A.", "B."),
    }[child]
    text = f"{first} Age 18-65\n{second} Organ function:\n{one} Hb ≥ 9\n{two} ANC ≥ 1.5\n{third} Consent"
    assert inclusion_tree(text) == [
        (None, "Age 18-65"),
        (None, "Organ function:"),
        [(None, "Hb ≥ 9"), (None, "ANC ≥ 1.5")],
        (None, "Consent"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # neighbours: under a lettered item leading into nothing, letters of another mark go on beside it
        "a) Age 18-65\nb) Organ function\na) Hb\nc) Consent",
        "A. Age 18-65\nB. Organ function\n* Hb ≥ 9\nC. Consent",
    ],
)
def test_items_of_another_mark_under_a_lettered_item_leading_into_nothing(text: str) -> None:
    assert all(len(x) == 2 for x in inclusion_tree(text))  # (no sub-criteria)


# --- a heading's underline -------------------------------------------------------------------------------------

UNDERLINED = (
    "Inclusion Criteria\n==================\n* Age 18 to 65 years\n\nExclusion Criteria\n------------------\n"
    "* Pregnancy"
)


def test_a_headings_underline_is_no_criterion(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, the "=" underline of a markdown heading ("Inclusion Criteria" / "==================", as a setext
    heading is written) was imported as an inclusion criterion "==================", and the check, reading the
    source alike, passed it ("------------------" under the other heading was a line of list marks already)."""
    data = imported_criteria(trials, registry, UNDERLINED, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [{"text": "Age 18 to 65 years"}]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}]


@pytest.mark.parametrize("rule", ["=", "=====", "___", "* * *"])
def test_a_rule_between_criteria_is_no_criterion(rule: str) -> None:
    assert inclusion_tree(f"* Age 18-65\n\n{rule}\n\n* Consent") == [(None, "Age 18-65"), (None, "Consent")]


# --- the labels of a protocol template's categories of criteria -----------------------------------------------

TEMPLATE = (
    "**Inclusion Criteria**\n\nParticipants are eligible to be included in the study only if all of the following "
    "criteria apply:\n\nAge\n\n1. Participant must be 18 to 65 years of age.\n\nType of Participant and Disease "
    "Characteristics\n\n2. Diagnosis of SLE.\n3. Active disease at screening.\n\n**Exclusion Criteria**\n\n"
    "Participants are excluded from the study if any of the following criteria apply:\n\nMedical Conditions\n\n"
    "1. Pregnancy.\n\nPrior/Concomitant Therapy\n\n2. Prior CAR-T cell therapy."
)


def test_a_templates_category_labels_group_its_criteria(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, a protocol template's labels of its categories of criteria, between numbered criteria ("Age" / "1.
    Participant must be 18 to 65 years of age." / "Type of Participant and Disease Characteristics" / "2. ..."),
    were imported as criteria ("Medical Conditions" an exclusion criterion), and so was the lead-in paragraph above
    them, and the check, reading the source alike, passed it. A label after a blank line, a few capitalised words
    ending in no stop or colon, the next line a numbered item going on with the list's numbering, is a sub-heading:
    the group of the criteria under it."""
    data = imported_criteria(trials, registry, TEMPLATE, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "group": "Age", "text": "Participant must be 18 to 65 years of age."},
        {"number": 2, "group": "Type of Participant and Disease Characteristics", "text": "Diagnosis of SLE."},
        {
            "number": 3,
            "group": "Type of Participant and Disease Characteristics",
            "text": "Active disease at screening.",
        },
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "group": "Medical Conditions", "text": "Pregnancy."},
        {"number": 2, "group": "Prior/Concomitant Therapy", "text": "Prior CAR-T cell therapy."},
    ]


def test_a_draft_holding_a_category_label_as_a_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, TEMPLATE, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "  exclusion_criteria:\n    - number: 1\n      group: Medical Conditions\n      text: Pregnancy.\n",
        "  exclusion_criteria:\n    - text: Medical Conditions\n    - number: 1\n      text: Pregnancy.\n",
    )


@pytest.mark.parametrize(
    "text",
    [
        # a line the numbering does not go on after, one ending in a stop, and one with many words: criteria
        "1. Age 18-65\n\nPregnancy\n\n3. SLE",
        "1. Age 18-65\n\nNo pregnancy.\n\n2. SLE",
        "1. Age 18-65\n\nWilling and able to comply with all scheduled visits and study procedures\n\n2. SLE",
        # no numbered item after it
        "* Age 18-65\n\nPregnancy\n\n* SLE",
    ],
)
def test_a_line_that_is_no_category_label_reads_as_before(text: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* X").inclusion
    assert not any("group" in c for c in found) and len(found) == 3


def test_lines_before_numberings_started_again_read_as_before() -> None:
    """The neighbour: where no such line stands before a number past 1 (the numbering goes on across none), lines
    before numberings started again read as before: the first a criterion, the second holding its numbering."""
    found = inclusion_tree("Adults\n\n1. Age 18-65\n2. SLE\n\nAdolescents\n\n1. Age 12-17\n2. Weight ≥ 40 kg")
    assert found == [
        (None, "Adults"),
        (1, "Age 18-65"),
        (2, "SLE"),
        (None, "Adolescents"),
        [(1, "Age 12-17"), (2, "Weight ≥ 40 kg")],
    ]


# --- a heading in another language right under an item ----------------------------------------------------------

SPANISH = "Criterios de inclusión:\n1. Edad de 18 a 65 años\n2. LES activo\nCriterios de exclusión:\n1. Embarazo"


def test_a_heading_in_another_language_right_under_an_item_starts_its_list(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "Criterios de exclusión:" right under the last inclusion criterion (no blank line between them) was
    read as an inclusion criterion, the exclusion criteria its parts ("Embarazo", pregnancy, required), and the
    check, reading the source alike, passed it: a heading in other words than an English one's starts its list
    only after a blank line. A line of a heading's words alone ("criterios de", "critères de non-", "Kriterien",
    the list's word) starts it right under an item too."""
    data = imported_criteria(trials, registry, SPANISH, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Edad de 18 a 65 años"},
        {"number": 2, "text": "LES activo"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"number": 1, "text": "Embarazo"}]


def test_a_draft_reading_a_heading_in_another_language_as_a_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, SPANISH, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 2\n      text: LES activo\n",
        '    - number: 2\n      text: LES activo\n    - text: "Criterios de exclusión:"\n      sub_criteria:\n'
        "        - number: 1\n          text: Embarazo\n",
    )


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        (
            "Critères d'inclusion :\n1. Âge 18-65\nCritères de non-inclusion :\n1. Grossesse",
            ["Âge 18-65"],
            ["Grossesse"],
        ),
        ("Criteri di inclusione:\n- Età 18-65\nCriteri di esclusione:\n- Gravidanza", ["Età 18-65"], ["Gravidanza"]),
        ("Critérios de inclusão:\n1. Idade 18-65\nCritérios de exclusão:\n1. Gravidez", ["Idade 18-65"], ["Gravidez"]),
        (
            "Einschlusskriterien:\n1. Alter 18-65\nAusschlusskriterien:\n1. Schwangerschaft",
            ["Alter 18-65"],
            ["Schwangerschaft"],
        ),
        # a sentence leading into the exclusion list in its words alone, right under an item
        (
            "Inclusion Criteria:\n1. Age 18-65\nPatients will be excluded if they have any of the following:\n"
            "1. Pregnancy",
            ["Age 18-65"],
            ["Pregnancy"],
        ),
        # neighbour: a line right under an item that says more than a heading does stays the list's
        (
            "Inclusion Criteria:\n1. Age 18-65\nPatients excluded from the parent study:\n1. X",
            ["Age 18-65", "Patients excluded from the parent study:"],
            [],
        ),
    ],
)
def test_headings_in_other_languages(text: str, inclusion: list[str], exclusion: list[str]) -> None:
    found = criteria_text.split(text)
    assert ([c["text"] for c in found.inclusion], [c["text"] for c in found.exclusion]) == (inclusion, exclusion)


# --- a word processor's "2.0" at the top of a list ----------------------------------------------------------------

POINT_ZERO = (
    "Inclusion Criteria:\n1.0 Age 18 to 65 years\n2.0 Adequate organ function:\n2.1 Hemoglobin ≥ 9 g/dL\n"
    "2.2 Platelets ≥ 100 × 10^9/L\n3.0 Signed informed consent\n\nExclusion Criteria:\n1.0 Pregnancy"
)


def test_decimals_under_an_item_numbered_point_zero_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "2.0 Adequate organ function:" / "2.1 Hemoglobin ..." / "2.2 Platelets ..." (a word processor's
    numbering, the top of the list "1.0", "2.0") read "2.1" and "2.2" beside "2.0", each a criterion of its own,
    and the check, reading the source alike, passed it: a decimal nests one level per point, and "2.0" has one as
    "2.1" has. A decimal's trailing ".0" nests it no deeper: "2.0" is item 2's place, "2.1" under it, and
    since hunt 214 its number, where the list numbers its items so (criteria_text.marks._WHOLE_DECIMAL)."""
    data = imported_criteria(trials, registry, POINT_ZERO, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "Age 18 to 65 years"),
        (2, "Adequate organ function:"),
        [(None, "Hemoglobin ≥ 9 g/dL"), (None, "Platelets ≥ 100 × 10^9/L")],
        (3, "Signed informed consent"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.0 Age\n1.1 Sub\n1.1.1 Subsub\n2.0 Consent",
            [(1, "Age"), [(None, "Sub"), [(None, "Subsub")]], (2, "Consent")],
        ),
        # a decimal with a mark after it, as "2)" and "2-" number the list: "2.1)", "2.1-"
        (
            "1) Age\n2) Labs\n2.1) Hb\n2.2) ANC\n3) Consent",
            [(1, "Age"), (2, "Labs"), [(None, "Hb"), (None, "ANC")], (3, "Consent")],
        ),
        (
            "1- Age\n2- Labs:\n2.1- Hb\n2.2- ANC\n3- Consent",
            [(1, "Age"), (2, "Labs:"), [(None, "Hb"), (None, "ANC")], (3, "Consent")],
        ),
        ("* ALT ≤\n2.5- x ULN", [(None, "ALT ≤ 2.5- x ULN")]),
        # neighbours: "2.10" is no "2.1" with a zero, and "2.1" under "2." nests as before
        ("2. Labs:\n2.1 Hb\n2.10 ANC\n3. Consent", [(2, "Labs:"), [(None, "Hb"), (None, "ANC")], (3, "Consent")]),
    ],
)
def test_decimals_numbering_sub_criteria(text: str, expected: list) -> None:
    assert inclusion_tree(text) == expected


# --- a heading marked as a list item, its words alone ------------------------------------------------------------

MARKED_HEADING = "Inclusion Criteria:\n\n* Age 18 to 65 years\n* Active SLE\n\n* Exclusion Criteria\n  * Pregnancy"


def test_a_heading_marked_as_an_item_its_words_alone_heads_its_list(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "* Exclusion Criteria" (a heading bulleted as an item, with no colon, its list indented under it) was
    an inclusion criterion "Exclusion Criteria", the exclusion criteria its parts (pregnancy required), and the
    check, reading the source alike, passed it: a heading marked as an item headed its list only set off by a colon
    or bold. One whose words are the line's whole text (the list's word and "criteria", a qualifier at most) heads
    its list too."""
    data = imported_criteria(trials, registry, MARKED_HEADING, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [{"text": "Age 18 to 65 years"}, {"text": "Active SLE"}]
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy"}]


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        ("* Inclusion Criteria\n  * Age 18-65\n* Exclusion Criteria\n  * Pregnancy", ["Age 18-65"], ["Pregnancy"]),
        (
            "1. Inclusion Criteria\n   1. Age 18-65\n2. Key Exclusion Criteria\n   1. Pregnancy",
            ["Age 18-65"],
            ["Pregnancy"],
        ),
        # neighbour: a heading's words with more after them are a criterion, as before
        (
            "Inclusion Criteria:\n\n* Inclusion criteria of the parent study met\n* Age 18-65",
            ["Inclusion criteria of the parent study met", "Age 18-65"],
            [],
        ),
    ],
)
def test_headings_marked_as_items(text: str, inclusion: list[str], exclusion: list[str]) -> None:
    found = criteria_text.split(text)
    assert ([c["text"] for c in found.inclusion], [c["text"] for c in found.exclusion]) == (inclusion, exclusion)


# --- letters run after words with no space before a CJK word -------------------------------------------------

HAN_RUN = (
    "入选标准：\n1、年龄18-65岁；\n2、符合以下任一条件：a.抗ds-DNA抗体阳性；b.低补体；c.蛋白尿\n3、签署知情同意书\n"
    "排除标准：\n1、妊娠"
)


def test_letters_run_after_words_before_cjk_words_are_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "2、符合以下任一条件：a.抗ds-DNA抗体阳性；b.低补体；c.蛋白尿" (any one of: ..., lettered with no
    space before each CJK word) was one criterion holding its alternatives, and the check, reading the source
    alike, passed it: a run of letters was cut only where a space follows each mark. A letter's mark right before
    a CJK word opens an item of the run too, as it marks a line's item."""
    data = imported_criteria(trials, registry, HAN_RUN, tmp_path)
    assert criteria_tree(data["eligibility"]["inclusion_criteria"]) == [
        (1, "年龄18-65岁；"),
        (2, "符合以下任一条件："),
        [(None, "抗ds-DNA抗体阳性；"), (None, "低补体；"), (None, "蛋白尿")],
        (3, "签署知情同意书"),
    ]


def test_a_letter_before_a_cjk_word_in_a_latin_word_is_no_run() -> None:
    assert inclusion_tree("1. Vitamin a.维生素 b.x c.y") == [(1, "Vitamin a.维生素 b.x c.y")]
