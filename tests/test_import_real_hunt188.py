"""trials import ctgov on real API v2 studies whose criteria text is varied as registry entries write theirs (hunt
188, helper-18): the leftovers of hunt 182 (tests/test_import_real_hunt182.py) and more layouts a study's
eligibility text takes; each a real study of tests/fixtures/ctgov/real/ with its criteria rewritten, imported into
a registry copy with --out-of-scope, that once imported into a draft saying what its source does not; beside
each, the layouts that must read as they did. The texts are test inputs, built for their layout: no fact of any
study."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import (
    IM19_PATH,
    IM19_TEXT_HEAD,
    VARIED,
    VARIED_NCT,
    WEIGHT,
    Trials,
    imported_criteria,
    refused_as_imported_before,
    split_inclusion,
    weight_draft,
)
from sle_trials.reading import criteria_text

REASON = VARIED


def _texts(items: list[dict]) -> list[str]:
    return [c["text"] for c in items]


# --- items numbered in a run on one line, with no stop between them -----------------------------------------------

RUN_ON_ONE_LINE = (
    "Inclusion Criteria:\n\n1) Age 18-65 years 2) SLE per the 2019 EULAR/ACR criteria 3) Signed informed consent\n\n"
    "Exclusion Criteria:\n\n1. Serum creatinine > 1.5 mg/dL 2. Active CNS lupus 3. Pregnancy"
)


def test_items_numbered_in_a_run_on_one_line_are_criteria_of_their_own(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, items numbered one after another on one line with no stop before each next number ("1) Age 18-65
    years 2) SLE ... 3) Signed informed consent") were one criterion holding three, and the check, reading the
    source alike, passed it: the run was cut only after a ";", "." or ",". Where the numbers run 1, 2, 3 in order
    (three items at least), each next one after a space starts an item, as a reader reads them."""
    elig = imported_criteria(trials, registry, RUN_ON_ONE_LINE, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18-65 years"},
        {"number": 2, "text": "SLE per the 2019 EULAR/ACR criteria"},
        {"number": 3, "text": "Signed informed consent"},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Serum creatinine > 1.5 mg/dL"},
        {"number": 2, "text": "Active CNS lupus"},
        {"number": 3, "text": "Pregnancy"},
    ]


def test_a_draft_merging_items_numbered_in_a_run_is_refused(trials: Trials, registry: Path, tmp_path: Path) -> None:
    imported_criteria(trials, registry, RUN_ON_ONE_LINE, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 2\n      text: Active CNS lupus\n    - number: 3\n      text: Pregnancy\n",
        "    - number: 2\n      text: Active CNS lupus 3. Pregnancy\n",
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a run's marks as CJK texts write them, and a run from a number past 1
        ("1、年龄18-65岁 2、SLE 3、知情同意", ["年龄18-65岁", "SLE", "知情同意"]),
        (
            "3. Hb ≥ 9 g/dL 4. ANC ≥ 1.5 × 10^9/L 5. Platelets ≥ 100",
            ["Hb ≥ 9 g/dL", "ANC ≥ 1.5 × 10^9/L", "Platelets ≥ 100"],
        ),
        # stops and spaces mixed in one run
        ("1. Age ≥ 18; 2. SLE 3. Consent", ["Age ≥ 18;", "SLE", "Consent"]),
    ],
)
def test_a_run_of_three_numbers_at_least_is_cut_after_spaces(line: str, expected: list[str]) -> None:
    assert _texts(split_inclusion(line)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a run of two with no stop: "2." may be a sentence's number ("grade 2."), read as written
        ("1. Toxicity of CTCAE grade 2. Age 18-65", ["Toxicity of CTCAE grade 2. Age 18-65"]),
        # a decimal is no next number, and a number after "2." is no item's words ("section 2. 3. Consent")
        ("1. Creatinine ≤ 1.5 mg/dL", ["Creatinine ≤ 1.5 mg/dL"]),
        ("1. As in section 2. 3. Consent", ["As in section 2. 3. Consent"]),
        # numbers out of order are no run: "1) ... 3)" is words
        ("1) Age 18-65 3) SLE 4) Consent", ["Age 18-65 3) SLE 4) Consent"]),
        # a run of two after a stop, as before
        ("1. Age 18-65; 2. SLE", ["Age 18-65;", "SLE"]),
    ],
)
def test_a_number_that_is_no_run_of_three_reads_as_before(line: str, expected: list[str]) -> None:
    assert _texts(split_inclusion(line)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "1. CRS grade 3 or ICANS grade 2. Prior CAR-T cell therapy 3. Pregnancy",
            ["CRS grade 3 or ICANS grade 2. Prior CAR-T cell therapy 3. Pregnancy"],
        ),
        (
            "1. Age 18-65 2. NYHA class 2. heart failure 3. Consent",
            ["Age 18-65", "NYHA class 2. heart failure", "Consent"],
        ),
        # after a stop, the number is the next item's, as before
        ("1. CTCAE grade 2; 2. Prior CAR-T; 3. Pregnancy", ["CTCAE grade 2;", "Prior CAR-T;", "Pregnancy"]),
    ],
)
def test_a_number_after_a_word_it_belongs_to_is_no_items_mark(line: str, expected: list[str]) -> None:
    """A run of three in order cut after spaces cut "ICANS grade 2. Prior CAR-T ..." before the grade's number,
    a criterion "CRS grade 3 or ICANS grade" saying any grade: a number after a word it belongs to ("grade",
    "class", "stage", "cycle", ...) with no stop before it is that word's, and the run looks on for another."""
    assert _texts(split_inclusion(line)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "(1) Age 18-65 (2) SLE per the 2019 EULAR/ACR criteria (3) Consent",
            ["Age 18-65", "SLE per the 2019 EULAR/ACR criteria", "Consent"],
        ),
        ("[1] Age 18-65 [2] SLE [3] Consent", ["Age 18-65", "SLE", "Consent"]),
        ("（1）年龄18-65岁；（2）确诊SLE", ["年龄18-65岁；", "确诊SLE"]),
        # a run of two in brackets with no stop, and a number in brackets within the words: as written
        ("(1) Hb ≥ 9 g/dL (2) ANC ≥ 1.5", ["Hb ≥ 9 g/dL (2) ANC ≥ 1.5"]),
        ("(1) Age 18-65 (see (2) below)", ["Age 18-65 (see (2) below)"]),
    ],
)
def test_items_numbered_in_brackets_in_a_run_on_one_line(line: str, expected: list[str]) -> None:
    """Before, a run of items numbered in brackets on one line ("(1) Age 18-65 (2) SLE ... (3) Consent") was one
    criterion: only a number with a mark after it ("1.", "1)", "1、") opened a run. A number in brackets opens one
    as they do, and the same run of three (or a stop before each) cuts it."""
    assert _texts(split_inclusion(line)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("１．Age 18-65 ２．SLE ３．Consent", ["Age 18-65", "SLE", "Consent"]),
        ("１、年龄18-65岁；２、确诊SLE", ["年龄18-65岁；", "确诊SLE"]),
        ("（１）年龄18-65岁 （２）确诊SLE （３）知情同意", ["年龄18-65岁", "确诊SLE", "知情同意"]),
        ("1）Age 18-65 2）SLE 3）Consent", ["Age 18-65", "SLE", "Consent"]),
        # a full-width decimal is no next number: as written
        ("１．血肌酐≤１．５mg/dL", ["血肌酐≤１．５mg/dL"]),
    ],
)
def test_items_numbered_in_full_width_digits_in_a_run_on_one_line(line: str, expected: list[str]) -> None:
    """Before, a run of items numbered in full-width digits or marks on one line ("１．Age 18-65 ２．SLE ３．Consent",
    as CJK texts number them) was one criterion: a run opened only at an ASCII digit and mark. The next number is
    looked for in the first's digits and mark."""
    assert _texts(split_inclusion(line)) == expected


# --- items numbered in square brackets ------------------------------------------------------------------------

BRACKETED = (
    "Inclusion Criteria:\n\n[1] Age 18 to 65 years\n[2] Active SLE, with a SLEDAI-2K score of at least 6\n"
    "    at screening\n[3] Signed informed consent\n\n"
    "Exclusion Criteria:\n\n\\[1\\] Pregnancy\n\\[2\\] Active CNS lupus"
)


def test_items_numbered_in_square_brackets_are_numbered_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "[1] Age ..." was no item's mark: each line was read as a criterion of its own, "[1]" kept in its
    text, unnumbered, and an item's wrapped line ("at screening") as a criterion of its own too. A number in
    square brackets (or "【1】", as CJK texts write one; the API's markdown escapes them "\\[1\\]") marks an item
    as "(1)" does."""
    elig = imported_criteria(trials, registry, BRACKETED, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"number": 2, "text": "Active SLE, with a SLEDAI-2K score of at least 6 at screening"},
        {"number": 3, "text": "Signed informed consent"},
    ]
    assert elig["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Active CNS lupus"},
    ]


def test_a_draft_keeping_a_square_bracketed_number_as_words_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, BRACKETED, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 3\n      text: Signed informed consent\n",
        "    - text: '[3] Signed informed consent'\n",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【1】年龄18-65岁\n【2】SLE", [{"number": 1, "text": "年龄18-65岁"}, {"number": 2, "text": "SLE"}]),
        (
            "1. Labs:\n   [a] Hb ≥ 9 g/dL\n   [b] ANC ≥ 1.5",
            [{"number": 1, "text": "Labs:", "sub_criteria": [{"text": "Hb ≥ 9 g/dL"}, {"text": "ANC ≥ 1.5"}]}],
        ),
        # no number alone in the brackets: words, as before
        ("* [18F]FDG PET at screening\n* Consent", [{"text": "[18F]FDG PET at screening"}, {"text": "Consent"}]),
    ],
)
def test_a_mark_in_square_brackets(text: str, expected: list[dict]) -> None:
    assert split_inclusion(text) == expected


def test_a_plain_documents_number_in_square_brackets_numbers_its_criterion(registry: Path, trials: Trials) -> None:
    """The check finds a criterion's number in a plain document's "[1] text" as in its "(1) text" (E504 before, for
    a record numbering the criterion as its source does); "[11] text" numbers no criterion 1."""
    for line, status in ((f"[1] {WEIGHT}", 0), (f"【1】{WEIGHT}", 0), (f"[11] {WEIGHT}", 1)):
        weight_draft(registry, "seeds/950_numbers.txt", f"{IM19_TEXT_HEAD}Inclusion criteria:\n{line}\n", 1)
        result = trials("validate", registry / IM19_PATH)
        assert result.status == status, (line, result.out)


# --- the exclusion list given first, the whole text on one line -------------------------------------------------

EXCLUSION_FIRST = "Exclusion Criteria: Pregnancy or breastfeeding Inclusion Criteria: Adults with active SLE"


def test_a_text_on_one_line_giving_the_exclusion_list_first_is_split_at_the_inclusion_heading(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, a whole criteria text on one line that gives the exclusion list first was not split at the
    inclusion heading (only a line opening with the inclusion heading was split at the exclusion one): one
    exclusion criterion held the inclusion list's heading and criteria, and the inclusion list was left to the
    curator with a note. On a line opening with either list's heading, the other's (in capitals, with its colon)
    after any word starts the other list."""
    data = imported_criteria(trials, registry, EXCLUSION_FIRST, tmp_path)
    assert data["eligibility"]["exclusion_criteria"] == [{"text": "Pregnancy or breastfeeding"}]
    assert data["eligibility"]["inclusion_criteria"] == [{"text": "Adults with active SLE"}]
    assert "eligibility.inclusion_criteria" not in data["curation"]["not_yet_curated"]


def test_a_draft_holding_the_inclusion_list_in_an_exclusion_criterion_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, EXCLUSION_FIRST, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "  exclusion_criteria:\n    - text: Pregnancy or breastfeeding\n",
        "  exclusion_criteria:\n    - text: 'Pregnancy or breastfeeding Inclusion Criteria: Adults with active SLE'\n",
    )


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        ("EXCLUSION CRITERIA: 1) Pregnancy INCLUSION CRITERIA: 1) Age 18-65", ["Age 18-65"], ["Pregnancy"]),
        ("Key Exclusion Criteria: Pregnancy Key Inclusion Criteria: Adults", ["Adults"], ["Pregnancy"]),
        # a "Non-inclusion Criteria:" within the exclusion list names the exclusion list: no heading of the other
        ("Exclusion Criteria: Meets the Non-inclusion Criteria: see protocol", [], ["Meets the Non-inclusion"]),
        # in lower case, mid-sentence; and within a list under its own heading line: the criterion's words
        ("Exclusion Criteria: not meeting the inclusion criteria: see above", [], ["not meeting"]),
        ("Exclusion Criteria:\n\n* Failed the parent study Inclusion Criteria: see protocol", [], ["Failed"]),
    ],
)
def test_a_line_opening_with_the_exclusion_heading(text: str, inclusion: list[str], exclusion: list[str]) -> None:
    found = criteria_text.split(text)
    assert len(found.inclusion) == len(inclusion) and len(found.exclusion) == len(exclusion)
    assert all(c["text"].startswith(w) for c, w in zip(found.inclusion + found.exclusion, inclusion + exclusion))


@pytest.mark.parametrize(
    "text",
    [
        "Key Inclusion Criteria: Adults with active SLE Key Exclusion Criteria: Pregnancy",
        "KEY EXCLUSION CRITERIA: Pregnancy KEY INCLUSION CRITERIA: Adults with active SLE",
    ],
)
def test_a_run_in_heading_is_cut_before_its_qualifier(text: str) -> None:
    """Before, a line opening with the inclusion heading was cut before "Key Exclusion Criteria:" and again after
    its "Key", which was read as a criterion of its own ("Key"); the cut is made before the qualifier only."""
    found = criteria_text.split(text)
    assert _texts(found.inclusion) == ["Adults with active SLE"]
    assert _texts(found.exclusion) == ["Pregnancy"]


# --- a number typed twice, the numbering going on right after it ------------------------------------------------

TYPED_TWICE = (
    "Inclusion Criteria:\n\n1. Age 18 to 65 years\n1. SLE per the 2019 EULAR/ACR criteria\n"
    "2. Signed informed consent\n\n"
    "Exclusion Criteria:\n\n1. Pregnancy\n2. Active CNS lupus\n2. Active infection\n3. Prior CAR-T cell therapy"
)


def test_a_number_typed_twice_before_the_next_one_opens_no_sub_list(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, "1. Age ..." / "1. SLE ..." / "2. Signed informed consent" was read as "Age ..." holding the other
    two as sub-criteria: the "2." right after the repeated "1." was taken for the outer numbering going on after
    a sub-list, though it goes on from the repeated line itself; and "2. Active CNS lupus" / "2. Active
    infection" / "3. Prior CAR-T cell therapy" nested the last two under the first. Each criterion was then
    required only as a part of the one above, and the check, reading the source alike, passed it. A line that
    repeats the number of the item above, the next number right after it, is a number typed twice: a criterion
    of its own, its repeated number dropped with a note (the curator reads the list, whose layout is ambiguous)."""
    data = imported_criteria(trials, registry, TYPED_TWICE, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "Age 18 to 65 years"},
        {"text": "SLE per the 2019 EULAR/ACR criteria"},
        {"number": 2, "text": "Signed informed consent"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "Pregnancy"},
        {"number": 2, "text": "Active CNS lupus"},
        {"text": "Active infection"},
        {"number": 3, "text": "Prior CAR-T cell therapy"},
    ]
    notes = [n["text"] for n in data["curation"]["notes"] if n["field"] == "eligibility"]
    assert any("the number 1 is used twice" in n for n in notes)
    assert any("the number 2 is used twice" in n for n in notes)


def test_a_draft_nesting_the_items_after_a_number_typed_twice_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, TYPED_TWICE, tmp_path)
    refused_as_imported_before(
        trials,
        registry,
        "    - number: 2\n      text: Active CNS lupus\n    - text: Active infection\n"
        "    - number: 3\n      text: Prior CAR-T cell therapy\n",
        "    - number: 2\n      text: Active CNS lupus\n      sub_criteria:\n        - number: 2\n"
        "          text: Active infection\n        - number: 3\n          text: Prior CAR-T cell therapy\n",
    )


@pytest.mark.parametrize(
    ("text", "subs", "top"),
    [
        # a sub-list of two after the repeated number, the outer numbering going on after it: nested, as before
        ("1. Adults\n1. SLE\n2. Consent\n2. Weight\n3. Contraception", ["SLE", "Consent"], [1, 2, 3]),
        # under an item opening a list, a numbering that starts again is its sub-list, as before
        ("1. Labs:\n1. Hb ≥ 9 g/dL\n2. ANC ≥ 1.5", ["Hb ≥ 9 g/dL", "ANC ≥ 1.5"], [1]),
        # a restart at 1 under an item numbered past 1, the numbering going on after it: as before
        ("1. Adults\n2. Organ function\n1. Hb ≥ 9 g/dL\n3. Consent", ["Hb ≥ 9 g/dL"], [1, 2, 3]),
    ],
)
def test_a_numbering_started_again_that_is_a_sub_list_reads_as_before(text: str, subs: list[str], top: list) -> None:
    found = split_inclusion(text)
    assert [c.get("number") for c in found] == top
    assert _texts(next(c["sub_criteria"] for c in found if "sub_criteria" in c)) == subs


# --- a Chinese text's heading run into a line -----------------------------------------------------------------

HAN_RUN_IN = "入选标准：1、年龄18-65岁；2、确诊系统性红斑狼疮。排除标准：1、妊娠或哺乳期；2、活动性感染。"


def test_a_chinese_heading_run_into_a_line_starts_its_list(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, a Chinese text's exclusion heading run into the line of the inclusion list after a full stop
    ("...确诊系统性红斑狼疮。排除标准：1、妊娠或哺乳期；...") was no heading: the exclusion criteria were imported as
    words of the last inclusion criterion, and the exclusion list declared one the study does not state (silent),
    which the check passed. A Chinese (or Japanese) heading with its colon, run into a line after a stop or a
    space, starts its list, as an English one does."""
    data = imported_criteria(trials, registry, HAN_RUN_IN, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"number": 1, "text": "年龄18-65岁；"},
        {"number": 2, "text": "确诊系统性红斑狼疮。"},
    ]
    assert data["eligibility"]["exclusion_criteria"] == [
        {"number": 1, "text": "妊娠或哺乳期；"},
        {"number": 2, "text": "活动性感染。"},
    ]
    assert "eligibility.exclusion_criteria" not in data["curation"]["silent"]


@pytest.mark.parametrize(
    ("text", "inclusion", "exclusion"),
    [
        ("入选标准：年龄18-65岁 排除标准：妊娠", ["年龄18-65岁"], ["妊娠"]),
        ("Inclusion Criteria: 1. Age 18-65. 2. SLE. 【排除标准】：1、妊娠", ["Age 18-65.", "SLE."], ["妊娠"]),
        # a numbered heading, a heading in two languages, and words naming a list within a criterion: as before
        ("入选标准：\n1、年龄18-65岁\n二、 排除标准：\n1、妊娠", ["年龄18-65岁"], ["妊娠"]),
        ("Inclusion Criteria 入选标准:\n1. Age 18-65\n排除标准：\n1、妊娠", ["Age 18-65"], ["妊娠"]),
        ("排除标准：\n1、不符合入选标准：见方案\n2、妊娠", [], ["不符合入选标准：见方案", "妊娠"]),
    ],
)
def test_a_chinese_heading_within_a_line(text: str, inclusion: list[str], exclusion: list[str]) -> None:
    found = criteria_text.split(text)
    assert (_texts(found.inclusion), _texts(found.exclusion)) == (inclusion, exclusion)
    assert found.remarks == []


# --- a criteria list the source gives, declared silent ---------------------------------------------------------


@pytest.mark.parametrize(
    "criteria",
    [
        "Inclusion Criteria:\n\n* Age 18-65\n\nExclusion Criteria:\n\n* Pregnancy",
        "Exclusion Criteria:\n\n1. Pregnancy\n\nInclusion Criteria:\n\n1. Age 18-65",
        "入选标准：1、年龄18-65岁；2、确诊系统性红斑狼疮。排除标准：1、妊娠或哺乳期；2、活动性感染。",
    ],
)
@pytest.mark.parametrize("side", ["inclusion", "exclusion"])
def test_a_criteria_list_the_source_gives_declared_silent_is_refused(
    trials: Trials, registry: Path, tmp_path: Path, criteria: str, side: str
) -> None:
    """Before, a criteria list the source gives, left out of a record and declared silent (a claim that the study
    states none), passed the check: the list's place holds no term of a vocabulary nor a whole value, and only a
    list named within a criterion of the other list was read as stated. A list the source's reading lists is
    stated (E523)."""
    data = imported_criteria(trials, registry, criteria, tmp_path)
    del data["eligibility"][f"{side}_criteria"]
    data["curation"]["silent"].append(f"eligibility.{side}_criteria")
    file = registry / "trials" / f"{VARIED_NCT}.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert trials("fmt", file).status == 0
    result = trials("check")
    assert result.status == 1 and "E523" in result.out and f"eligibility.{side}_criteria" in result.out, result.out


def test_a_criteria_list_the_source_does_not_give_declared_silent_passes(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    data = imported_criteria(trials, registry, "Inclusion Criteria:\n\n* Age 18-65\n* Active SLE", tmp_path)
    assert "eligibility.exclusion_criteria" in data["curation"]["silent"]


# --- roman numerals right under a lettered item ending in a colon (fixed in hunt 190) ------------------------------


def test_roman_numerals_under_a_lettered_item_ending_in_a_colon_are_its_sub_criteria() -> None:
    found = split_inclusion(
        "1. Women of childbearing potential must:\na) have a negative pregnancy test\nb) agree to use either:\n"
        "i. an intrauterine device\nii. hormonal contraception\n2. Signed informed consent"
    )
    assert found[0]["sub_criteria"][1] == {
        "text": "agree to use either:",
        "sub_criteria": [{"text": "an intrauterine device"}, {"text": "hormonal contraception"}],
    }
