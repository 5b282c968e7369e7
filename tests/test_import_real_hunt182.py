"""trials import ctgov on real API v2 studies varied as registry entries vary (hunt 182, helper-14): each case a
real study of tests/fixtures/ctgov/real/ with one part rewritten, imported into a registry copy with
--out-of-scope, that once imported into a draft saying what its source does not, or was refused; beside each,
the layouts that must read as they did."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import (
    REAL_STUDIES,
    VARIED,
    Trials,
    imported_draft,
    refused_as_imported_before,
    split_inclusion,
    varied_study,
)
from sle_trials.reading import criteria_text

REAL = REAL_STUDIES
REASON = VARIED
_imported = imported_draft
NCT = "NCT02576665"


def _study() -> dict[str, Any]:
    return copy.deepcopy(json.loads((REAL / f"{NCT}.json").read_bytes()))


# --- a numbering that starts again under an item that opens no list ---------------------------------------------

ONES = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years.\n1. SLE per the 2019 EULAR/ACR criteria.\n1. SLEDAI-2K ≥ 8.\n\n"
    "Exclusion Criteria:\n\n1. Active CNS lupus.\n1. Pregnancy or breastfeeding."
)


def test_items_each_numbered_one_are_criteria_of_their_own(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, a list whose every item is numbered "1." (as Markdown, which the registry's page renders, lets a list
    be written: the page shows 1, 2, 3) was read as a numbering that starts again under the item above, each item
    nested under the one before it: "SLEDAI-2K ≥ 8." imported as a sub-criterion of "SLE per ...", itself one of
    "Age 18 to 65 years.", three criteria merged into one, and the check, reading the source alike, passed it. A
    numbering starts again under an item only where that item opens a list (a colon, or words left unfinished);
    else each is a criterion of its own, its repeated number dropped with a note."""
    elig = _imported(trials, registry, varied_study(ONES), tmp_path)
    assert elig["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years."},
        {"text": "SLE per the 2019 EULAR/ACR criteria."},
        {"text": "SLEDAI-2K ≥ 8."},
    ]
    assert elig["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "Active CNS lupus."},
        {"text": "Pregnancy or breastfeeding."},
    ]
    notes = [n["text"] for n in elig["curation"]["notes"] if n["field"] == "eligibility"]
    assert sum("the number 1 is used twice" in n for n in notes) == 3


def test_a_draft_nesting_items_each_numbered_one_is_refused(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """The draft the import wrote before (each item a sub-criterion of the one above) is not the source's list."""
    _imported(trials, registry, varied_study(ONES), tmp_path)
    flat = (
        "  exclusion_criteria:\n    - number: 1\n      text: Active CNS lupus.\n"
        "    - text: Pregnancy or breastfeeding.\n"
    )
    nested = (
        "  exclusion_criteria:\n    - number: 1\n      text: Active CNS lupus.\n      sub_criteria:\n"
        "        - number: 1\n          text: Pregnancy or breastfeeding.\n"
    )
    refused_as_imported_before(trials, registry, flat, nested)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a typo'd number after an item that opens no list, in a tight list and past the first item
        (
            "1. Adults\n2. Active SLE\n2. Signed consent",
            [{"number": 1, "text": "Adults"}, {"number": 2, "text": "Active SLE"}, {"text": "Signed consent"}],
        ),
        # a second run of numbers after a finished item
        (
            "1. Adults.\n2. Active SLE.\n1. Consent.\n2. Contraception.",
            [
                {"number": 1, "text": "Adults."},
                {"number": 2, "text": "Active SLE."},
                {"text": "Consent."},
                {"text": "Contraception."},
            ],
        ),
    ],
)
def test_a_numbering_that_starts_again_after_a_finished_item_is_no_sub_list(text: str, expected: list[dict]) -> None:
    assert split_inclusion(text) == expected


@pytest.mark.parametrize(
    "parent",
    [
        "Treated with steroids, as follows:",
        "Treated with steroids, as follows：",
        "Active disease as defined by",
        "Positive for at least one of",
        "Refractory to\\:",  # (its colon escaped, as the API writes a sponsor's Markdown)
    ],
)
def test_a_numbering_that_starts_again_under_an_item_opening_a_list_is_its_sub_list(parent: str) -> None:
    """The neighbour: under an item whose words open a list, a numbering that starts again is its sub-criteria, and
    the outer numbering resumes after them, as before."""
    found = split_inclusion(f"1. Adults\n2. {parent}\n1. prednisone ≥ 7.5 mg/day\n2. stable\n3. no change\n3. Consent")
    assert [c.get("number") for c in found] == [1, 2, 3]
    assert [c["number"] for c in found[1]["sub_criteria"]] == [1, 2, 3]


def test_a_numbering_that_starts_again_under_a_line_it_does_not_number_is_its_sub_list() -> None:
    """The neighbour: under a line with no number ("Adolescents", unmarked, or a bulleted item), a numbering that
    starts again nests, as before: the line labels what follows it."""
    found = split_inclusion("1. Age\n2. SLE\nAdolescents\n1. Age 12-17\n2. Weight ≥ 40 kg")
    assert found[2] == {
        "text": "Adolescents",
        "sub_criteria": [{"number": 1, "text": "Age 12-17"}, {"number": 2, "text": "Weight ≥ 40 kg"}],
    }


@pytest.mark.parametrize(
    ("text", "parent", "subs"),
    [
        ("3. Adequate organ function\n1. Hb ≥ 9 g/dL\n2. ANC ≥ 1500/mm3\n4. Consent", 0, [1, 2]),
        ("1. Adults\n2. Organ function\n1. Hb ≥ 9 g/dL\n3. Consent", 1, [1]),
    ],
)
def test_a_numbering_that_starts_again_under_an_item_whose_numbering_goes_on_is_its_sub_list(
    text: str, parent: int, subs: list[int]
) -> None:
    """The neighbour: an item that opens no list in its words, but whose numbering goes on after the items numbered
    again from 1 under it ("4." after "3." and its "1.", "2."), takes them as its sub-criteria, as before."""
    found = split_inclusion(text)
    assert [c["number"] for c in found[parent]["sub_criteria"]] == subs
    assert [c["number"] for c in found] == [
        *(c["number"] for c in found[:parent]),
        found[parent]["number"],
        found[-1]["number"],
    ]
    assert "sub_criteria" not in found[-1]


# --- an enrollment count beyond the whole numbers a record holds -------------------------------------------------


@pytest.mark.parametrize("count", [2**53, 10**20, 1e20])
def test_an_enrollment_count_beyond_what_a_record_holds_is_left_out_with_a_note(
    trials: Trials, registry: Path, tmp_path: Path, count: float
) -> None:
    """Before, enrollmentInfo.count 9007199254740992 or more (or 1e20, a float JSON writes for a whole number) was
    imported as it is, and the whole import refused, naming a line of trials/NCT....yaml, a file it did not write
    (E021: beyond 2^53 - 1, which no spreadsheet or JSON reader keeps exactly). As a count below zero is, it is no
    number of participants: left out for the curator with a note, the rest of the study imported."""
    study = _study()
    study["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": count, "type": "ACTUAL"}
    data = _imported(trials, registry, study, tmp_path)
    assert "enrollment" not in data
    assert "enrollment" in data["curation"]["not_yet_curated"]
    assert any(
        n["field"] == "enrollment" and "is not a number of participants" in n["text"] for n in data["curation"]["notes"]
    )


def test_an_enrollment_count_a_record_holds_is_imported_to_its_last_one(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    study = _study()
    study["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 2**53 - 1, "type": "ACTUAL"}
    assert _imported(trials, registry, study, tmp_path)["enrollment"] == {"count": 2**53 - 1, "type": "ACTUAL"}


# --- a word processor's bullet, shared by the lines of a list ----------------------------------------------------

WORD_BULLETS = (
    "Inclusion Criteria:\n\no Age 18 to 65 years\no Active SLE despite standard therapy\n\n"
    "Exclusion Criteria:\n\n§ Pregnancy or breastfeeding\n§ Active CNS lupus\n\n§ Prior CAR-T cell therapy"
)


def test_items_marked_by_a_word_processors_bullet_are_criteria_of_their_own(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, criteria marked by a bullet a word processor writes as a letter or a symbol once its text is copied
    (an unindented "o"; "§", a symbol font's square) were no list items: each line after the first was read as
    words of the one above, two criteria imported as one ("o Age 18 to 65 years o Active SLE despite standard
    therapy"), and the check, reading the source alike, passed it. Where two lines in a row open with such a mark
    at one indent, every line it opens there is an item."""
    data = _imported(trials, registry, varied_study(WORD_BULLETS), tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years"},
        {"text": "Active SLE despite standard therapy"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"text": "Pregnancy or breastfeeding"},
        {"text": "Active CNS lupus"},
        {"text": "Prior CAR-T cell therapy"},
    ]


def test_a_draft_joining_items_a_word_processors_bullets_mark_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    _imported(trials, registry, varied_study(WORD_BULLETS), tmp_path)
    two = "    - text: Age 18 to 65 years\n    - text: Active SLE despite standard therapy\n"
    refused_as_imported_before(
        trials, registry, two, "    - text: o Age 18 to 65 years o Active SLE despite standard therapy\n"
    )


@pytest.mark.parametrize("mark", ["o", "§", "Ø", "ü", "¨"])
def test_a_mark_two_lines_in_a_row_open_with_marks_each_line_it_opens(mark: str) -> None:
    assert split_inclusion(f"{mark} Age 18-65\n\n{mark} Active SLE\n{mark} Consent") == [
        {"text": "Age 18-65"},
        {"text": "Active SLE"},
        {"text": "Consent"},
    ]
    # ... at its indent, under the item above ("o" indented is a bullet already)
    assert split_inclusion(f"1. Labs:\n   {mark} Hb ≥ 8 g/dL\n   {mark} Platelets ≥ 50\n2. Consent") == [
        {"number": 1, "text": "Labs:", "sub_criteria": [{"text": "Hb ≥ 8 g/dL"}, {"text": "Platelets ≥ 50"}]},
        {"number": 2, "text": "Consent"},
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line alone opening with the letter, a word ("or" in Spanish) going on with the line above
        (
            "* Pacientes con LES activo\no nefritis lúpica\n* Consentimiento",
            ["Pacientes con LES activo o nefritis lúpica", "Consentimiento"],
        ),
        # a section sign alone, before its number
        (
            "* Eligible per the protocol\n§ 4.2 applies\n* Consent",
            ["Eligible per the protocol § 4.2 applies", "Consent"],
        ),
        # two lines in a row opening with two marks: no mark shared
        ("o Age 18-65\n§ Active SLE", ["o Age 18-65 § Active SLE"]),
    ],
)
def test_a_mark_no_two_lines_in_a_row_share_reads_as_before(text: str, expected: list[str]) -> None:
    assert [c["text"] for c in split_inclusion(text)] == expected


# --- a list's heading run into a criterion of the other list ----------------------------------------------------


@pytest.mark.parametrize(
    "criteria",
    [
        "Key inclusion criteria: Adults with active SLE. Key exclusion criteria: Pregnancy.",
        "inclusion criteria - age 18-65, active SLE. exclusion criteria - pregnancy.",
    ],
)
def test_exclusion_criteria_run_into_an_inclusion_criterion_are_never_declared_unstated(
    trials: Trials, registry: Path, tmp_path: Path, criteria: str
) -> None:
    """Before, a criteria text whose exclusion heading stood within a line of the inclusion list, where no heading
    split it (a text on one line, a heading in lower case after a full stop), was imported as inclusion criteria
    only, and eligibility.exclusion_criteria declared silent: a claim that the study states none, which it does,
    and the check passed it. The list is now left for the curator with a note naming the criterion."""
    data = _imported(trials, registry, varied_study(criteria), tmp_path)
    assert "exclusion_criteria" not in data["eligibility"]
    assert "eligibility.exclusion_criteria" not in data["curation"]["silent"]
    assert "eligibility.exclusion_criteria" in data["curation"]["not_yet_curated"]
    assert any(
        n["field"] == "eligibility.exclusion_criteria"
        and "names them within a criterion of the other list" in n["text"]
        for n in data["curation"]["notes"]
    )


def test_exclusion_criteria_a_source_names_so_declared_silent_are_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """The check holds the silence to the source: the list declared silent, its note deleted, is refused (E523)."""
    criteria = "Key inclusion criteria: Adults with active SLE. Key exclusion criteria: Pregnancy."
    data = _imported(trials, registry, varied_study(criteria), tmp_path)
    curation = data["curation"]
    curation["not_yet_curated"].remove("eligibility.exclusion_criteria")
    curation["silent"].append("eligibility.exclusion_criteria")
    curation["notes"] = [n for n in curation["notes"] if n["field"] != "eligibility.exclusion_criteria"]
    file = registry / "trials" / f"{NCT}.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert trials("fmt", file).status == 0
    result = trials("check")
    assert result.status == 1 and "E523" in result.out and "eligibility.exclusion_criteria" in result.out


@pytest.mark.parametrize(
    "criteria",
    [
        "Inclusion Criteria:\n\n* Age 18-65\n* Active SLE",  # no exclusion list, nor words naming one
        "Inclusion Criteria:\n\n* Completed the parent study\n* Met its inclusion criteria",  # (its own list)
    ],
)
def test_an_inclusion_list_alone_naming_no_exclusion_criteria_leaves_them_silent(
    trials: Trials, registry: Path, tmp_path: Path, criteria: str
) -> None:
    data = _imported(trials, registry, varied_study(criteria), tmp_path)
    assert "eligibility.exclusion_criteria" in data["curation"]["silent"]


ONE_LINE = "Inclusion Criteria: Adults with active SLE Exclusion Criteria: Pregnancy or breastfeeding"


def test_a_text_on_one_line_is_split_at_its_exclusion_heading(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, a whole criteria text on one line, its exclusion heading after a word with no full stop before it,
    was imported as one inclusion criterion holding the exclusion list's heading and criteria ("Adults with active
    SLE Exclusion Criteria: Pregnancy or breastfeeding"). On a line opening with the inclusion heading, the
    exclusion heading (in capitals, with its colon) after any word starts the exclusion list."""
    elig = _imported(trials, registry, varied_study(ONE_LINE), tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [{"text": "Adults with active SLE"}]
    assert elig["exclusion_criteria"] == [{"text": "Pregnancy or breastfeeding"}]
    found = criteria_text.split("INCLUSION CRITERIA: 1) Age 18-65 EXCLUSION CRITERIA: 1) Pregnancy")
    assert (found.inclusion, found.exclusion) == (
        [{"number": 1, "text": "Age 18-65"}],
        [{"number": 1, "text": "Pregnancy"}],
    )


@pytest.mark.parametrize(
    "text",
    [
        # within a list under its own heading line, the words are the criterion's
        "Inclusion Criteria:\n\n* Meets none of the parent study Exclusion Criteria: see protocol",
        # in lower case, mid-sentence
        "Inclusion Criteria: adults meeting no exclusion criteria: see protocol",
    ],
)
def test_exclusion_criteria_named_within_an_inclusion_criterion_stay_its_words(text: str) -> None:
    found = criteria_text.split(text)
    assert len(found.inclusion) == 1 and "xclusion" in found.inclusion[0]["text"] and found.exclusion == []


# --- lettered or bulleted items under a numbered one that opens them without a colon ------------------------------

LETTERED_UNDER = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years.\n2. Active SLE, defined as\na. SLEDAI-2K ≥ 6, or\n"
    "b. anti-dsDNA positive with low complement\n3. Signed informed consent\n\nExclusion Criteria:\n\n1. Pregnancy"
)


def test_lettered_items_under_an_item_opening_them_without_a_colon_are_its_sub_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, lettered items right under a numbered one were its sub-criteria only where it ended in a colon:
    "2. Active SLE, defined as" / "a. SLEDAI-2K ≥ 6, or" / "b. anti-dsDNA positive ..." imported as three
    criteria, the two alternatives each required of every patient, and the check passed it. An item whose words
    open a list (left unfinished, "... one of the following") or whose numbering goes on after the items ("3."
    after "2." and its "a.", "b.") takes them, as one ending in a colon does."""
    inclusion = _imported(trials, registry, varied_study(LETTERED_UNDER), tmp_path)["eligibility"]["inclusion_criteria"]
    assert inclusion == [
        {"number": 1, "text": "Age 18 to 65 years."},
        {
            "number": 2,
            "text": "Active SLE, defined as",
            "sub_criteria": [{"text": "SLEDAI-2K ≥ 6, or"}, {"text": "anti-dsDNA positive with low complement"}],
        },
        {"number": 3, "text": "Signed informed consent"},
    ]


def test_a_draft_listing_the_lettered_items_as_criteria_of_their_own_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    _imported(trials, registry, varied_study(LETTERED_UNDER), tmp_path)
    nested = (
        "      text: Active SLE, defined as\n      sub_criteria:\n        - text: SLEDAI-2K ≥ 6, or\n"
        "        - text: anti-dsDNA positive with low complement\n"
    )
    flat = (
        "      text: Active SLE, defined as\n    - text: SLEDAI-2K ≥ 6, or\n"
        "    - text: anti-dsDNA positive with low complement\n"
    )
    refused_as_imported_before(trials, registry, nested, flat)


@pytest.mark.parametrize(
    ("text", "nested"),
    [
        ("1. Active SLE, one of the following\na. SLEDAI ≥ 6\nb. anti-dsDNA\n2. Consent", True),
        ("1. Active SLE\n* SLEDAI ≥ 6\n* anti-dsDNA\n2. Consent", True),  # the numbering goes on after them
        ("1. Active SLE:\na. SLEDAI ≥ 6\nb. anti-dsDNA", True),  # a colon, as before
        ("1. Active SLE\na. SLEDAI ≥ 6\nb. anti-dsDNA", False),  # nothing opens them: as before
        ("1. Active SLE.\n2. Consent\na. witnessed\nb. dated", False),  # the last item, numbered on by none
    ],
)
def test_lettered_items_nest_where_their_parent_opens_them(text: str, nested: bool) -> None:
    found = split_inclusion(text)
    assert any("sub_criteria" in c for c in found) is nested
