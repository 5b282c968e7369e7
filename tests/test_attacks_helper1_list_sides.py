"""A criterion moved to the other list, in a source of no layout (helper-1).

A source of no layout (a press release, a paper, a plain page, a web page of no known layout) lists no
items a layout reads, and a record's criterion was looked for in its words alone: "Weight ≥ 40 kg"
written under the source's "Inclusion criteria:" heading passed as an exclusion criterion, both lists
swapped whole passed, in a draft and a complete record alike (E512 and E511 compare a layout's lists
only). The check now reads which list's heading a criterion's words stand under in such a source
(reading/list_sides.py) and refuses one that stands only under the other list's heading
(criteria_lists.check_list_sides, E512). The attacks: the heading written in each way a source writes one
(a qualifier, capitals, a dash, a bare "Inclusion:", markdown, a section's number, an aside, run into
one line with the items), a sub-item, a web page's headings, a complete record, another trial's lines
between. The honest neighbours: words under both headings or under none (before any heading, after a
list's end: another heading, a paragraph, a line naming a trial), and words naming a list in a sentence,
quoted or negated, or both lists at once, which head no list.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import (
    IM19_PAGE_HEAD,
    IM19_PATH,
    IM19_PLAIN,
    IM19_TEXT_HEAD,
    PLAIN_SOURCE,
    Trials,
    add_source,
    im19_draft,
    im19_out,
    joined,
    put,
)


def _fields(inclusion: list[str], exclusion: list[str], sub: tuple[str, int, list[str]] | None = None) -> str:
    """IM19's eligibility lists holding the texts given (each numbered from 1 but one written "~text",
    unnumbered); sub: (list name, index, texts) of sub-criteria under one item."""
    out = "eligibility:\n"
    for name, items in (("inclusion_criteria", inclusion), ("exclusion_criteria", exclusion)):
        if not items:
            continue
        out += f"  {name}:\n"
        for i, text in enumerate(items):
            if text.startswith("~"):
                out += f"    - text: {json.dumps(text[1:], ensure_ascii=False)}\n"
            else:
                out += f"    - number: {i + 1}\n      text: {json.dumps(text, ensure_ascii=False)}\n"
            if sub is not None and sub[0] == name and sub[1] == i:
                out += "      sub_criteria:\n" + "".join(
                    f"        - text: {json.dumps(t, ensure_ascii=False)}\n" for t in sub[2]
                )
    return out


def _out(trials: Trials, source: str, inclusion: list[str], exclusion: list[str], **kw: object) -> str:
    return im19_out(trials, source, _fields(inclusion, exclusion, **kw))  # type: ignore[arg-type]


def _refused(out: str) -> bool:
    """Whether the output refuses a criterion as under the other list's heading only, and nothing else."""
    codes = set(re.findall(r"\b(E\d{3}) eligibility", out))
    return codes == {"E512"} and "criteria heading only" in out


# --- attacks: the heading in each way a source writes one ----------------------------------------

HEADINGS = [
    ("Inclusion criteria:\n", "Exclusion criteria:\n"),
    ("Key inclusion criteria:\n", "Key exclusion criteria:\n"),
    ("INCLUSION CRITERIA\n", "EXCLUSION CRITERIA\n"),
    ("Inclusion Criteria -\n", "Exclusion Criteria -\n"),
    ("Inclusion Criteria – \n", "Exclusion Criteria —\n"),
    ("Inclusion:\n", "Exclusion:\n"),
    ("Inclusions:\n", "Exclusions:\n"),
    ("inclusion criteria\n", "exclusion criteria\n"),
    ("## Inclusion Criteria\n", "## Exclusion Criteria\n"),
    ("**Inclusion criteria:**\n", "**Exclusion criteria:**\n"),
    ("4.1 Inclusion Criteria\n", "4.2 Exclusion Criteria\n"),
    ("Inclusion criteria (all must be met):\n", "Exclusion criteria (any one excludes):\n"),
    ("Inclusion criteria are as follows:\n", "Exclusion criteria were:\n"),
    ("Main Inclusion Criteria\n", "Main Exclusion Criteria\n"),
    ("Part A Inclusion Criteria:\n", "Exclusion criteria for cohort 2:\n"),
]


def _lists(inclusion_heading: str, exclusion_heading: str) -> str:
    return (
        f"{inclusion_heading}1. Weight ≥ 40 kg\n2. SLEDAI-2K ≥ 6\n"
        f"{exclusion_heading}1. Pregnancy\n2. Active tuberculosis"
    )


@pytest.mark.parametrize(("inclusion_heading", "exclusion_heading"), HEADINGS)
@pytest.mark.parametrize(
    ("inclusion", "exclusion"),
    [
        (["Weight ≥ 40 kg"], ["Pregnancy", "SLEDAI-2K ≥ 6"]),  # an inclusion criterion moved to the exclusions
        (["Weight ≥ 40 kg", "Active tuberculosis"], ["Pregnancy"]),  # an exclusion criterion moved to the inclusions
        (["Pregnancy", "Active tuberculosis"], ["Weight ≥ 40 kg", "SLEDAI-2K ≥ 6"]),  # the lists swapped whole
    ],
)
def test_a_criterion_under_the_other_lists_heading_is_refused_however_headed(
    trials: Trials, inclusion_heading: str, exclusion_heading: str, inclusion: list[str], exclusion: list[str]
) -> None:
    out = _out(trials, _lists(inclusion_heading, exclusion_heading), inclusion, exclusion)
    assert _refused(out), out


@pytest.mark.parametrize("inclusion_heading", [h for h, _ in HEADINGS])
def test_the_lists_heading_is_named_in_the_message(trials: Trials, inclusion_heading: str) -> None:
    out = _out(trials, _lists(inclusion_heading, "Exclusion criteria:\n"), [], ["Weight ≥ 40 kg"])
    shown = inclusion_heading.strip().strip("#* ").rstrip(" –-")
    assert "under its inclusion criteria heading only" in out and shown.split()[-1].strip(":*") in out, out


@pytest.mark.parametrize(
    "source",
    [
        # run into one line, each list after a sentence's stop
        "Key inclusion criteria: 1. Weight ≥ 40 kg. 2. SLEDAI-2K ≥ 6. Key exclusion criteria: 1. Pregnancy.",
        # a page's lines run into one: no colon, the list's first mark after the heading
        "Patients are screened. Inclusion Criteria * 1) Weight ≥ 40 kg * 2) SLEDAI-2K ≥ 6. "
        "Exclusion Criteria * 1) Pregnancy",
        # no stop before the next heading: the inclusion list ends there, and its item is still its own
        "Key inclusion criteria: 1. Weight ≥ 40 kg Key exclusion criteria: 1. Pregnancy",
        # bullets, lettered items, and a line wrapped inside an item
        "Inclusion criteria:\n- Weight ≥ 40 kg\n  at screening\n- SLEDAI-2K ≥ 6\nExclusion criteria:\n- Pregnancy",
        "Inclusion criteria:\na) Weight ≥ 40 kg\nb) SLEDAI-2K ≥ 6\nExclusion criteria:\na) Pregnancy",
        # an item wrapped over lines, its next line opening with a capital
        "Inclusion criteria:\n1. Body weight of\nWeight ≥ 40 kg at screening\n2. SLEDAI-2K ≥ 6\n"
        "Exclusion criteria:\n1. Pregnancy",
        # items numbered "1-", unmarked sub-items under an item ending in a colon, a note between items
        "Inclusion criteria:\n1- SLEDAI-2K ≥ 6\n2- Positive for one of:\nANA ≥ 1:80\nWeight ≥ 40 kg\n"
        "3- Signed consent\nExclusion criteria:\n1- Pregnancy",
        "Inclusion criteria:\n1. SLEDAI-2K ≥ 6\n\nNote: all criteria must be met.\n\n2. Weight ≥ 40 kg\n"
        "Exclusion criteria:\n1. Pregnancy",
        # a blank line between the heading and its list
        "Inclusion criteria:\n\n1. Weight ≥ 40 kg\n\n2. SLEDAI-2K ≥ 6\n\nExclusion criteria:\n\n1. Pregnancy",
    ],
)
def test_an_inclusion_criterion_in_a_run_in_or_marked_list_is_no_exclusion(trials: Trials, source: str) -> None:
    assert _refused(_out(trials, source, [], ["~Weight ≥ 40 kg"]))
    assert _out(trials, source, ["~Weight ≥ 40 kg"], ["~Pregnancy"]) == ""


@pytest.mark.parametrize(
    "text",
    [
        "SLEDAI-2K ≥ 6 Exclusion criteria: 1. Pregnancy",  # an inclusion item run into the exclusion list
        "6 Exclusion criteria: 1. Pregnancy",
        "kg 2. SLEDAI-2K ≥ 6 Exclusion criteria:",
    ],
)
@pytest.mark.parametrize("name", ["inclusion", "exclusion"])
def test_a_criterion_run_across_a_lists_heading_is_refused(trials: Trials, text: str, name: str) -> None:
    """Words of two lists, the heading between, are no criterion of either: read as standing under both
    headings, "SLEDAI-2K ≥ 6 Exclusion criteria: 1. Pregnancy" passed as an exclusion criterion."""
    out = _out(trials, _lists(*HEADINGS[0]), *((["~" + text], []) if name == "inclusion" else ([], ["~" + text])))
    assert re.findall(r"\b(E\d{3}) eligibility", out) == ["E512"] and "across its 'Exclusion criteria:' heading" in out


@pytest.mark.parametrize(
    ("source", "inclusion", "exclusion"),
    [
        # a list's heading and its words, whole, are that list's
        ("Key exclusion criteria: pregnancy, active tuberculosis.", [], ["~Key exclusion criteria: pregnancy"]),
        (
            "Inclusion criteria were weight ≥ 40 kg and SLEDAI-2K ≥ 6. Exclusion criteria included pregnancy.",
            ["~Inclusion criteria were weight ≥ 40 kg"],
            ["~Exclusion criteria included pregnancy."],
        ),
    ],
)
def test_a_lists_heading_with_its_own_words_passes(
    trials: Trials, source: str, inclusion: list[str], exclusion: list[str]
) -> None:
    assert _out(trials, source, inclusion, exclusion) == ""


# a paper's methods: each list a sentence of its own
SENTENCES = (
    "Methods. Inclusion criteria were weight ≥ 40 kg and SLEDAI-2K ≥ 6. Exclusion criteria included "
    "pregnancy and active tuberculosis. Patients with lupus nephritis were followed for 2 years."
)


def test_a_sentence_of_a_lists_words_is_that_lists(trials: Trials) -> None:
    assert _refused(_out(trials, SENTENCES, ["~pregnancy"], []))
    assert _refused(_out(trials, SENTENCES, [], ["~weight ≥ 40 kg"]))
    assert _out(trials, SENTENCES, ["~weight ≥ 40 kg", "~SLEDAI-2K ≥ 6"], ["~pregnancy", "~active tuberculosis"]) == ""
    # past the sentence's end, and in a sentence that says no list's words, either list's
    assert _out(trials, SENTENCES, [], ["~Patients with lupus nephritis"]) == ""
    negated = "Inclusion criteria were not met by 3 patients with pregnancy. Exclusion criteria were pregnancy."
    assert _out(trials, negated, [], ["~3 patients with pregnancy."]) == ""  # (not an inclusion sentence)


SUB_ITEMS = (
    "Inclusion criteria:\n1. Active SLE, with:\n   a) SLEDAI-2K ≥ 6\n   b) positive anti-dsDNA\n"
    "Exclusion criteria:\n1. Pregnancy\n2. Active tuberculosis"
)


def test_a_sub_item_under_the_inclusion_heading_is_no_exclusion_sub_criterion(trials: Trials) -> None:
    out = _out(trials, SUB_ITEMS, [], ["Pregnancy"], sub=("exclusion_criteria", 0, ["SLEDAI-2K ≥ 6"]))
    assert _refused(out) and "exclusion_criteria.0.sub_criteria.0" in out, out


def test_a_sub_item_under_its_own_item_passes(trials: Trials) -> None:
    sub = ("inclusion_criteria", 0, ["SLEDAI-2K ≥ 6", "positive anti-dsDNA"])
    assert _out(trials, SUB_ITEMS, ["Active SLE, with:"], ["Pregnancy"], sub=sub) == ""


def _page_out(trials: Trials, body: str, inclusion: list[str], exclusion: list[str]) -> str:
    source = add_source(trials.root, "seeds/935_lists_page.html", IM19_PAGE_HEAD + body + "\n</body></html>\n")
    put(trials.root, IM19_PATH, joined(im19_draft(source), _fields(inclusion, exclusion)))
    result = trials("validate", trials.root / IM19_PATH)
    assert result.status in (0, 1), result.out + result.err
    return result.out if result.status else ""


PAGE = (
    "<h3>Inclusion criteria</h3>\n<ol><li>Weight ≥ 40 kg</li><li>SLEDAI-2K ≥ 6</li></ol>\n"
    "<h3>Exclusion criteria</h3>\n<ol><li>Pregnancy</li><li>Active tuberculosis</li></ol>\n"
    "<p>Sponsor: Peking University</p>"
)


def test_a_web_pages_lists_are_read_by_their_headings(trials: Trials) -> None:
    assert _refused(_page_out(trials, PAGE, ["Pregnancy"], ["Weight ≥ 40 kg"]))
    assert _page_out(trials, PAGE, ["Weight ≥ 40 kg", "SLEDAI-2K ≥ 6"], ["Pregnancy", "Active tuberculosis"]) == ""


def test_a_complete_record_is_held_to_the_headings_too(trials: Trials) -> None:
    """A complete record's lists are held item for item to a layout's (E511); a plain source's, to its
    headings (the other problems a complete record of a plain source has are not this test's)."""
    source = add_source(
        trials.root, "seeds/935_plain_line.txt", f"{IM19_TEXT_HEAD}RECRUITING\n{_lists(*HEADINGS[0])}\n"
    )
    draft = IM19_PLAIN.replace(PLAIN_SOURCE, source).replace("  status: draft\n", "  status: complete\n")
    put(trials.root, IM19_PATH, joined(draft, _fields(["Pregnancy"], ["Weight ≥ 40 kg"])))
    out = trials("validate", trials.root / IM19_PATH).out
    said = "E512 eligibility.inclusion_criteria.0: the source writes this under its exclusion criteria heading only"
    assert said in out, out


# another trial's lines: its headings are its own, and this trial's words are read in this trial's lines
OTHER_TRIAL = (
    "Inclusion criteria:\n1. Weight ≥ 40 kg\n"
    "Trial NCT06900764: another study\nExclusion criteria:\n1. Weight ≥ 40 kg\n2. Pregnancy\n"
    "Trial NCT06513429 (continued)\nExclusion criteria:\n1. Active tuberculosis\n"
)


def test_a_criterion_under_another_trials_heading_is_not_this_trials(trials: Trials) -> None:
    # (its words stand under the other list's heading in this trial's lines, and under its own in another's)
    assert _refused(_out(trials, OTHER_TRIAL, [], ["Weight ≥ 40 kg"]))
    assert _out(trials, OTHER_TRIAL, ["Weight ≥ 40 kg"], ["Active tuberculosis"]) == ""


# --- honest neighbours ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "inclusion", "exclusion"),
    [
        # words under both headings may be either list's
        (
            "Inclusion criteria:\n1. Weight ≥ 40 kg\nExclusion criteria:\n1. Weight ≥ 40 kg on dialysis",
            [],
            ["Weight ≥ 40 kg"],
        ),
        # another heading ends the list: a label, a line in capitals, a headline, a line ending in a colon
        (
            "Exclusion criteria:\n1. Pregnancy\nOutcome measures:\nSRI-4 response at week 52",
            ["~SRI-4 response at week 52"],
            [],
        ),
        (
            "Exclusion criteria:\n1. Pregnancy\nOutcome measures: SRI-4 response at week 52",
            ["~SRI-4 response at week 52"],
            [],
        ),
        (
            "Exclusion criteria:\n1. Pregnancy\nSTUDY POPULATION\nAdults weighing ≥ 40 kg",
            ["~Adults weighing ≥ 40 kg"],
            [],
        ),
        (
            "Exclusion criteria:\n1. Pregnancy\nStudy Population\nAdults weighing ≥ 40 kg",
            ["~Adults weighing ≥ 40 kg"],
            [],
        ),
        (
            "Exclusion criteria:\n1. Pregnancy\nThe trial enrols adults who meet all of the following:\n"
            "1. Weight ≥ 40 kg",
            ["Weight ≥ 40 kg"],
            [],
        ),
        (
            "Key exclusion criteria: 1. Pregnancy. Population: adults weighing ≥ 40 kg.",
            ["~adults weighing ≥ 40 kg."],
            [],
        ),
        # ... as does a paragraph after a blank line
        (
            "Exclusion criteria:\n- Pregnancy\n\nAll patients had to weigh at least 40 kg.",
            ["~All patients had to weigh at least 40 kg."],
            [],
        ),
        # ... or a line opening a block of its own after a list's marked items, however it is worded
        ("Inclusion criteria:\n- SLEDAI-2K ≥ 6\nWho cannot take part\n- Pregnancy", [], ["~Pregnancy"]),
        ("Inclusion criteria:\n1. SLEDAI-2K ≥ 6.\nPatients who are pregnant cannot take part.", [], ["~pregnant"]),
        ("4.1 Inclusion Criteria\n1. SLEDAI-2K ≥ 6\n5 Study Treatment\nWeight ≥ 40 kg", [], ["~Weight ≥ 40 kg"]),
        # a note's own words are under no heading ("NB-UVB" is no note: it ends the list)
        (
            "Exclusion criteria:\n1. Pregnancy\nNote: weight ≥ 40 kg is required of all patients.\n"
            "2. Active tuberculosis",
            ["~weight ≥ 40 kg is required of all patients."],
            ["Pregnancy"],
        ),
        (
            "Inclusion criteria:\n* SLEDAI-2K ≥ 6\nNB-UVB phototherapy within 4 weeks",
            [],
            ["~NB-UVB phototherapy within 4 weeks"],
        ),
        # ... and a line naming the list otherwise ("Patients were excluded if", "eligible")
        ("Inclusion criteria:\nSLEDAI-2K ≥ 6\nExclusionary criteria\nPregnancy", [], ["~Pregnancy"]),
        (
            "Inclusion criteria:\n1. SLEDAI-2K ≥ 6\nPatients were excluded if they had\nactive tuberculosis",
            [],
            ["~active tuberculosis"],
        ),
        (
            "Inclusion criteria:\n1. SLEDAI-2K ≥ 6\nNot eligible: patients with active tuberculosis",
            [],
            ["~patients with active tuberculosis"],
        ),
        # words naming a list in a sentence, quoted or negated, head no list and end the one above
        (
            "Exclusion criteria:\n1. Pregnancy\nPatients meeting the inclusion criteria below were enrolled.\n"
            "2. Active tuberculosis",
            [],
            ["Pregnancy", "Active tuberculosis"],
        ),
        (
            "Patients meeting the inclusion criteria below were enrolled.\n1. Active tuberculosis",
            [],
            ["Active tuberculosis"],
        ),
        ('The "Inclusion criteria:" section was amended.\n1. Active tuberculosis', [], ["Active tuberculosis"]),
        (
            "Inclusion criteria:\n1. SLEDAI-2K ≥ 6\nNot an exclusion criterion: prior rituximab",
            ["~prior rituximab"],
            [],
        ),
        ("No exclusion criteria: 1. Prior rituximab", ["Prior rituximab"], []),
        # a heading of both lists at once is neither's
        ("Inclusion/Exclusion Criteria:\n1. Weight ≥ 40 kg\n2. Pregnancy", ["Weight ≥ 40 kg"], ["~Pregnancy"]),
        ("Inclusion and exclusion criteria:\n1. Weight ≥ 40 kg\n2. Pregnancy", ["~Pregnancy"], ["Weight ≥ 40 kg"]),
        # an exclusion heading in a sentence's words is none ("Exclusion of patients ...")
        (
            "Inclusion criteria:\n1. Weight ≥ 40 kg\nExclusion of patients with active tuberculosis is at the "
            "investigator's discretion.",
            ["Weight ≥ 40 kg"],
            [],
        ),
        # a line naming a trial ends the list above it (its lines are another section)
        (
            "Exclusion criteria:\n1. Pregnancy\nTrial NCT06513429 enrols patients weighing ≥ 40 kg",
            ["~patients weighing ≥ 40 kg"],
            [],
        ),
        # the lists in order, each under its own heading
        (_lists(*HEADINGS[2]), ["Weight ≥ 40 kg", "SLEDAI-2K ≥ 6"], ["Pregnancy", "Active tuberculosis"]),
    ],
)
def test_a_criterion_not_under_the_other_lists_heading_only_passes(
    trials: Trials, source: str, inclusion: list[str], exclusion: list[str]
) -> None:
    assert _out(trials, source, inclusion, exclusion) == ""


# --- an age's limit under a list's heading --------------------------------------------------------

# ages._excluding read a plain source's list sides by its own pattern (_CRITERIA_HEADING: "inclusion
# criteria" or "exclusion criteria" anywhere): "Exclusions:" was no heading there, so "Age > 75 years" under
# it read as a minimum age of 75, and an honest maximum age of 75 was refused E508. It reads the headings as
# the criteria lists are read (list_sides) as well now.


@pytest.mark.parametrize(
    "source",
    [
        "Inclusion criteria:\n1. SLEDAI-2K ≥ 6\nExclusions:\n1. Age > 75 years",
        "INCLUSION\n1. SLEDAI-2K ≥ 6\nEXCLUSION\n1. Age > 75 years",
        "Key inclusion criteria: SLEDAI-2K ≥ 6. Key exclusion: 1. Age > 75 years",
    ],
)
def test_an_age_under_an_exclusions_heading_is_no_minimum_age(trials: Trials, source: str) -> None:
    quote = "Age > 75 years"
    wrong = im19_out(
        trials,
        source,
        f"eligibility:\n  minimum_age:\n    value: 75\n    unit: YEARS\n"
        f"evidence:\n  eligibility.minimum_age: {json.dumps(quote)}\n",
    )
    honest = im19_out(
        trials,
        source,
        f"eligibility:\n  maximum_age:\n    value: 75\n    unit: YEARS\n"
        f"evidence:\n  eligibility.maximum_age: {json.dumps(quote)}\n",
    )
    assert "E508 eligibility.minimum_age" in wrong and honest == "", (wrong, honest)
