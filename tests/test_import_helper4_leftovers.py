"""trials import ctgov on criteria layouts earlier stops left mis-structured (closing36, closing37: "import
leftovers"): a line holding only "OR" between two items, sub-items bulleted as their parent, a sentence split
across a blank line, an escaped or a glued asterisk, and a heading ending in a dash. Each case is a real study
(tests/fixtures/ctgov/real/NCT02576665.json) with its criteria rewritten, imported into a draft that passes
`trials check` as written; beside each, the layouts that must read as they did."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, Trials, record_data, split_inclusion
from sle_trials.reading import criteria_text

REAL = FIXTURES / "ctgov" / "real"
REASON = "a real API v2 study, varied by the tests"


def _imported(trials: Trials, registry: Path, criteria: str, tmp_path: Path) -> dict[str, Any]:
    """The draft NCT02576665 imports into with criteria as its criteria text; the registry still passes check."""
    study = copy.deepcopy(json.loads((REAL / "NCT02576665.json").read_bytes()))
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = criteria
    file = tmp_path / "study.json"
    file.write_text(json.dumps(study, indent=2, ensure_ascii=False), encoding="utf-8")
    result = trials("import", "ctgov", file, "--out-of-scope", REASON)
    assert result.status == 0, result.out + result.err
    assert trials("check").status == 0
    return record_data(registry / "trials" / "NCT02576665.yaml")


def _notes(data: dict[str, Any]) -> list[str]:
    return [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]


# 1. a line holding only a conjunction


@pytest.mark.parametrize(
    "between",
    ["\n\nOR\n\n", "\nOR\n", "\n\nor\n\n", "\n\n**OR**\n\n", "\n\n- or -\n\n", "\n\n  OR\n\n", "\n\nAND\n\n"],
)
def test_a_line_holding_only_or_between_two_items_is_no_criterion_and_is_said(
    trials: Trials, registry: Path, tmp_path: Path, between: str
) -> None:
    """Before, "OR" on a line of its own between two items was imported as a criterion "OR" (or, right under the
    item, run into it: "Anti-dsDNA positive OR"), with no word that the two items around it are alternatives. The
    two stay two criteria (a criterion is the source's words as written, which the second's list mark parts from
    the first: E501), and a note names the line and the items, for the curator to read whether each is required."""
    text = f"* Age 18 to 65 years\n* Anti-dsDNA positive{between}* Low complement C3\n* Signed consent"
    data = _imported(trials, registry, f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy", tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {"text": "Anti-dsDNA positive"},
        {"text": "Low complement C3"},
        {"text": "Signed consent"},
    ]
    said = [n for n in _notes(data) if "holding only a conjunction" in n]
    assert len(said) == 1 and "between 'Anti-dsDNA positive' and 'Low complement C3'" in said[0], _notes(data)
    assert "alternatives" in said[0]


def test_a_line_with_no_list_mark_after_a_conjunction_goes_on_with_the_item_above(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Words with no list mark: one criterion, as the source writes it, across the conjunction's own line (before,
    across a blank line around it, "OR" and "low complement C3" were two criteria more)."""
    criteria = (
        "Inclusion Criteria:\n\n1. Age 18 to 65 years\n2. Anti-dsDNA positive\n\nOR\n\nlow complement C3\n"
        "3. Signed consent\n\nExclusion Criteria:\n\n1. Pregnancy\n**or**\nbreastfeeding"
    )
    data = _imported(trials, registry, criteria, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Anti-dsDNA positive OR low complement C3"},
        {"number": 3, "text": "Signed consent"},
    ]
    # (the conjunction's bold read as its word, as the registry's page shows it: hunt 213)
    assert data["eligibility"]["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy or breastfeeding"}]
    assert any("runs on over a line that holds only a conjunction" in n for n in _notes(data))


def test_a_conjunction_between_sub_criteria_is_no_sub_criterion(trials: Trials, registry: Path, tmp_path: Path) -> None:
    criteria = (
        "Inclusion Criteria:\n\n* Adequate bone marrow function:\n  * Hemoglobin ≥ 8 g/dL\n\n  OR\n\n"
        "  * Transfusion independent for 4 weeks\n* Signed consent\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    assert _imported(trials, registry, criteria, tmp_path)["eligibility"]["inclusion_criteria"] == [
        {
            "text": "Adequate bone marrow function:",
            "sub_criteria": [{"text": "Hemoglobin ≥ 8 g/dL"}, {"text": "Transfusion independent for 4 weeks"}],
        },
        {"text": "Signed consent"},
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before the first item, or before the next heading: it joins nothing, and is no criterion
        ("OR\n\n* Age 18", [{"text": "Age 18"}]),
        ("* Age 18\n\nOR", [{"text": "Age 18"}]),
        # between items of two levels: neither joined nor a criterion
        (
            "* Age 18\n\nOR\n\n  * Age 16\n* Consent",
            [{"text": "Age 18", "sub_criteria": [{"text": "Age 16"}]}, {"text": "Consent"}],
        ),
        # a line that says more than a conjunction goes on with the item above, as before
        ("* Age 18\nor older with consent\n* SLE", [{"text": "Age 18 or older with consent"}, {"text": "SLE"}]),
        ("* Anti-dsDNA or low complement\n* SLE", [{"text": "Anti-dsDNA or low complement"}, {"text": "SLE"}]),
        ("* ORAL corticosteroids ≤ 10 mg\n* SLE", [{"text": "ORAL corticosteroids ≤ 10 mg"}, {"text": "SLE"}]),
    ],
)
def test_a_conjunction_with_no_items_to_join_is_no_criterion_and_other_lines_read_as_before(
    text: str, expected: list[dict]
) -> None:
    assert split_inclusion(text) == expected


def test_a_conjunction_that_joins_nothing_is_said() -> None:
    found = criteria_text.split("Inclusion Criteria:\n\nOR\n\n* Age 18\n\nExclusion Criteria:\n\n* Pregnancy")
    assert any("holding only a conjunction" in r and "'OR'" in r for r in found.remarks)


# 2. sub-items bulleted as their parent


def test_items_bulleted_as_the_item_ending_in_a_colon_above_them_and_set_apart_with_it_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "* Adequate organ function, one of:" then "* Hemoglobin ..." and "* Platelets ..." (the same mark,
    the same indent, the three set apart from the list's other items by blank lines) were read as three criteria,
    each required: the item's parts promoted to criteria of their own."""
    criteria = (
        "Inclusion Criteria:\n\n* Age 18 to 65 years\n\n* Adequate organ function, one of:\n* Hemoglobin ≥ 8 g/dL\n"
        "* Platelets ≥ 50,000/mm3\n\n* Signed consent\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    data = _imported(trials, registry, criteria, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {
            "text": "Adequate organ function, one of:",
            "sub_criteria": [{"text": "Hemoglobin ≥ 8 g/dL"}, {"text": "Platelets ≥ 50,000/mm3"}],
        },
        {"text": "Signed consent"},
    ]
    assert any("bulleted as it is and set apart with it" in n for n in _notes(data))


FLAT = [{"text": "Age 18"}, {"text": "Organ function:"}, {"text": "Hb ≥ 8"}, {"text": "Plt ≥ 50"}, {"text": "Consent"}]
NESTED = [
    {"text": "Age 18"},
    {"text": "Organ function:", "sub_criteria": [{"text": "Hb ≥ 8"}, {"text": "Plt ≥ 50"}]},
    {"text": "Consent"},
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # indented under their parent: its sub-criteria, as before, however the list spaces its items
        ("* Age 18\n* Organ function:\n  * Hb ≥ 8\n  * Plt ≥ 50\n* Consent", NESTED),
        ("* Age 18\n\n* Organ function:\n\n    * Hb ≥ 8\n    * Plt ≥ 50\n\n* Consent", NESTED),
        ("- Age 18\n- Organ function:\n  - Hb ≥ 8\n  - Plt ≥ 50\n- Consent", NESTED),
        # a list with no blank line to set the run apart says nothing of where it ends: read as it is written
        ("* Age 18\n* Organ function:\n* Hb ≥ 8\n* Plt ≥ 50\n* Consent", FLAT),
        ("* Age 18\n* Organ function:\n* Hb ≥ 8\n* Plt ≥ 50\n\n* Consent", FLAT),
        # nor does a run up to the list's end, which may be the list's own items
        ("* Age 18\n\n* Organ function:\n* Hb ≥ 8\n* Plt ≥ 50\n* Consent", FLAT),
        # nor a run of another mark, nor one under an item that does not end in a colon
        ("* Age 18\n\n* Organ function:\n* Hb ≥ 8\n- Plt ≥ 50\n\n* Consent", FLAT),
        (
            "* Age 18\n\n* Organ function\n* Hb ≥ 8\n* Plt ≥ 50\n\n* Consent",
            [{**c, "text": c["text"].rstrip(":")} for c in FLAT],
        ),
    ],
)
def test_items_bulleted_as_their_parent_nest_only_where_the_source_sets_them_apart(
    text: str, expected: list[dict]
) -> None:
    assert split_inclusion(text) == expected


# 3. a sentence split across a blank line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "* Age 18 to 65 years\n* Lupus nephritis confirmed by a kidney biopsy performed within\n\n"
            "6 months before screening\n* Signed consent",
            [
                {"text": "Age 18 to 65 years"},
                {"text": "Lupus nephritis confirmed by a kidney biopsy performed within 6 months before screening"},
                {"text": "Signed consent"},
            ],
        ),
        (  # indented, it was read as a sub-criterion of the item whose sentence it ends
            "1. Age 18 to 65 years\n2. Hemoglobin ≥\n\n   8 g/dL at screening\n3. Signed consent",
            [
                {"number": 1, "text": "Age 18 to 65 years"},
                {"number": 2, "text": "Hemoglobin ≥ 8 g/dL at screening"},
                {"number": 3, "text": "Signed consent"},
            ],
        ),
    ],
)
def test_a_sentence_split_across_a_blank_line_is_one_criterion(
    trials: Trials, registry: Path, tmp_path: Path, text: str, expected: list[dict]
) -> None:
    """Before, the paragraph after the blank line ("6 months before screening") was imported as a criterion of
    its own, a fragment, and the item it ends cut off mid-sentence ("... performed within")."""
    criteria = f"Inclusion Criteria:\n\n{text}\n\nExclusion Criteria:\n\n* Pregnancy"
    data = _imported(trials, registry, criteria, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == expected
    assert any("goes on with the sentence the item above leaves unfinished" in n for n in _notes(data))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence above is finished, or the paragraph begins as a criterion does: a criterion of its own
        ("* Age 18 or over\n\nSigned consent", [{"text": "Age 18 or over"}, {"text": "Signed consent"}]),
        (
            "* Age 18 years.\n\n6 months of stable therapy",
            [{"text": "Age 18 years."}, {"text": "6 months of stable therapy"}],
        ),
        # under an item ending in a colon: its sub-criterion, as before
        (
            "* Labs as follows:\n\n   hemoglobin ≥ 8 g/dL",
            [{"text": "Labs as follows:", "sub_criteria": [{"text": "hemoglobin ≥ 8 g/dL"}]}],
        ),
        # a footnote's mark ends the item, not its sentence
        (
            "* Women of childbearing potential\\*\n\n   not sterilized",
            [{"text": "Women of childbearing potential*", "sub_criteria": [{"text": "not sterilized"}]}],
        ),
    ],
)
def test_a_paragraph_after_a_finished_item_reads_as_before(text: str, expected: list[dict]) -> None:
    assert split_inclusion(text) == expected


# 4. an escaped asterisk, a glued one


def test_an_escaped_asterisk_is_a_footnote_mark_and_a_glued_one_a_bullet(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "\\* SLEDAI-2K as scored ..." (the API's markdown escaping a footnote's asterisk) was read as a
    bulleted item, its mark lost from the criterion the footnote marks; and "*Adults aged 18 to 65 years" (a bullet
    glued to its word, as "•Age" and "-Age" are read) kept its asterisk as a word's, and the line under it was
    read as a line with no list mark."""
    criteria = (
        "Inclusion Criteria:\n\n*Adults aged 18 to 65 years\n*SLEDAI-2K ≥ 8 at screening\\*\n\n"
        "\\* SLEDAI-2K as scored by the investigator\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    data = _imported(trials, registry, criteria, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Adults aged 18 to 65 years"},
        {"text": "SLEDAI-2K ≥ 8 at screening*"},
    ]  # (the footnote, "\\* SLEDAI-2K as scored ...", is left to the curator with a remark since hunt 217)
    assert not any("no list mark" in n for n in _notes(data))
    assert any("footnote '\\* SLEDAI-2K as scored" in n for n in _notes(data))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("* Age 18\n* SLE", [{"text": "Age 18"}, {"text": "SLE"}]),  # a bullet and a space
        ("* Labs:\n\n   \\*Temperature < 38°C", [{"text": "Labs:", "sub_criteria": [{"text": "*Temperature < 38°C"}]}]),
        ("* ALT ≤ 2.5 * ULN", [{"text": "ALT ≤ 2.5 * ULN"}]),  # an operator
        ("*Note: all must be met*\n\n* Age 18", [{"text": "Age 18"}]),  # emphasis, no bullet: a note on the list
        ("**Adults**\n\n* Age 18", [{"group": "Adults", "text": "Age 18"}]),  # bold, no bullet
    ],
)
def test_other_asterisks_read_as_before(text: str, expected: list[dict]) -> None:
    assert split_inclusion(text) == expected


# 5. a heading ending in a dash


def test_a_heading_ending_in_a_dash_heads_its_list(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, "INCLUSION CRITERIA -" and "EXCLUSION CRITERIA -" were no headings: the text had none to split at,
    and both lists were left for the curator though the source states them."""
    criteria = "INCLUSION CRITERIA -\n\n1. Age 18 to 65 years\n2. SLE\n\nEXCLUSION CRITERIA -\n\n1. Pregnancy"
    data = _imported(trials, registry, criteria, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "SLE"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [{"number": 1, "text": "Pregnancy"}]
    assert not {"eligibility.inclusion_criteria", "eligibility.exclusion_criteria"} & set(
        data["curation"]["not_yet_curated"]
    )


@pytest.mark.parametrize(
    "heading",
    [
        "Inclusion Criteria -",
        "Inclusion Criteria - ",
        "Inclusion Criteria –",
        "Inclusion Criteria—",
        "**Inclusion Criteria -**",
        "Inclusion Criteria-",
        "* INCLUSION CRITERIA -",
        "Key Inclusion Criteria --",
    ],
)
def test_a_dash_ends_a_heading_as_a_colon_does(heading: str) -> None:
    found = criteria_text.split(f"{heading}\n\n* Adults with SLE\n\nExclusion Criteria -\n\n* Pregnancy")
    assert found.inclusion == [{"text": "Adults with SLE"}]
    assert found.exclusion == [{"text": "Pregnancy"}] and not found.unplaced


def test_a_dash_before_a_part_still_names_the_part_and_a_criterion_ending_in_one_stays_one() -> None:
    found = criteria_text.split("Inclusion Criteria - Dose Expansion:\n\n* Adults\n\nExclusion Criteria:\n\n* HIV")
    assert found.inclusion == [{"group": "Inclusion Criteria - Dose Expansion", "text": "Adults"}]
    assert split_inclusion("* Meets inclusion criteria of the parent study -\n* SLE") == [
        {"text": "Meets inclusion criteria of the parent study -"},
        {"text": "SLE"},
    ]


def test_a_criterion_run_into_a_heading_after_its_dash_is_a_criterion(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, the words after a heading's dash were read as a part of the study the list is for, its group,
    whatever they said: "Exclusion Criteria - pregnancy or breastfeeding" was no criterion, and every exclusion
    criterion was listed as one of a group "Exclusion Criteria - pregnancy or breastfeeding"."""
    criteria = (
        "Inclusion Criteria - adults with SLE\n\n* Age 18 to 65 years\n\n"
        "Exclusion Criteria - pregnancy or breastfeeding\n\n* HIV infection"
    )
    elig = _imported(trials, registry, criteria, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [{"text": "adults with SLE"}, {"text": "Age 18 to 65 years"}]
    assert elig["exclusion_criteria"] == [{"text": "pregnancy or breastfeeding"}, {"text": "HIV infection"}]


@pytest.mark.parametrize(
    ("heading", "group"),
    [
        ("Inclusion Criteria - Dose Expansion", "Inclusion Criteria - Dose Expansion"),
        ("Inclusion Criteria – Part B only", "Inclusion Criteria – Part B only"),
        ("Inclusion Criteria - Cohort 2", "Inclusion Criteria - Cohort 2"),
        ("Inclusion Criteria - Lupus Nephritis Arm", "Inclusion Criteria - Lupus Nephritis Arm"),
    ],
)
def test_a_part_named_after_a_headings_dash_is_still_its_group(heading: str, group: str) -> None:
    found = criteria_text.split(f"{heading}\n\n* Adults\n\nExclusion Criteria:\n\n* HIV")
    assert found.inclusion == [{"group": group, "text": "Adults"}]
