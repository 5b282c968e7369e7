"""A review of the plain sources' list sides and the importer's criteria layouts (helper-5).

reading/list_sides.py reads which criteria list's heading a plain source's words stand under, and
criteria_lists.check_list_sides refuses (E512) a criterion written only under the other list's heading. Found:

- a sentence run into a list's line that says who was left out ("Inclusion criteria: adults with SLE.
  Patients with active infection or pregnancy were excluded.") was read as words of the inclusion list,
  so an honest exclusion criterion taken from it was refused E512. A sentence (or a parenthesis) in a
  list's stretch that names the other side's wording (excluded, ineligible; included, eligible) is now
  under no one list's heading, and the list goes on after it; so is one saying who cannot take part, join,
  participate or be enrolled.
- "Non-inclusion criteria:" (a French protocol's exclusion list, read as such by the importer and by the age's
  side since b7f21a6) headed no list: its items stood under no heading, and an exclusion recorded as an
  inclusion criterion passed; so did "Criteria for inclusion:" / "Criteria for exclusion:", a paper's
  wording, read as words naming a list otherwise, as were a list for whom ("Inclusion criteria for adult
  participants:") and an aside of more than 60 characters. (A full-width colon, "Exclusion criteria：", is read
  already: the check's text is normalised to ":"; tested alongside.)
- a heading run into its words on its line ("Inclusion criteria: adults with SLE.") held every line after it,
  a page's paragraphs one a line with no blank between, as the list's up to the next heading: an honest
  exclusion criterion in a later paragraph ("Of 12 patients, none had active tuberculosis.") was refused E512.
  After such a heading, a line opening a sentence after the line before has ended is a paragraph of its own.

criteria_text.py (the importer's and the check's reader of a registry's criteria text):

- each line run on over a line holding only a conjunction ("a" / "or" / "b") kept the criterion's whole text
  so far for the remark: memory grew with the square of the lines (16,000 "or" lines under one item, a 150 KB
  text, held 1.7 GB), and the remark counted the joins as criteria. Each criterion is kept once now.
- the next line with words after a line was found by an islice of the lines (which passes over every line
  above it) or a copy of their tail, and _doubtful_heading took the least indent of all items for each
  unmarked line: a text of many "OR" lines or paragraphs cost the square of its lines (32,000 "OR" lines
  between items: 3.9 s, 8 times the 4,000's 22 times over). Walked by index, and the least indent taken once.
"""

from __future__ import annotations

import tracemalloc

import pytest
from conftest import Trials
from sle_trials.reading import criteria_text
from test_attacks_helper1_list_sides import _lists, _out, _refused

# --- honest: a sentence saying who was left out, run into the inclusion list's line ------------------

LEFT_OUT = [
    "Inclusion criteria: adults with SLE and SLEDAI-2K ≥ 6. Patients with active infection or pregnancy were excluded.",
    "Inclusion criteria: adults with SLE and SLEDAI-2K ≥ 6; patients with active infection or pregnancy were "
    "not eligible.",
    "Inclusion criteria:\n1. Adults with SLE\n2. SLEDAI-2K ≥ 6 (patients with active infection or pregnancy were "
    "excluded)\n3. Weight ≥ 40 kg",
    "Inclusion criteria:\n1. Adults with SLE\n2. SLEDAI-2K ≥ 6\n3. Patients with active infection or pregnancy "
    "were ineligible.",
]


@pytest.mark.parametrize("source", LEFT_OUT)
def test_a_sentence_of_who_was_excluded_in_the_inclusion_list_is_no_inclusion(trials: Trials, source: str) -> None:
    adults = "~adults with SLE" if "adults" in source else "~Adults with SLE"
    assert _out(trials, source, [adults], ["~active infection"]) == ""


def test_the_inclusion_list_goes_on_after_such_a_sentence(trials: Trials) -> None:
    """The sentence is a hole in the list, not its end: an inclusion item after it is still refused as an
    exclusion criterion."""
    assert _refused(_out(trials, LEFT_OUT[2], [], ["~Weight ≥ 40 kg"]))
    assert _refused(_out(trials, LEFT_OUT[2], [], ["~Adults with SLE"]))


def test_a_sentence_of_who_was_included_in_the_exclusion_list_is_no_exclusion(trials: Trials) -> None:
    source = "Exclusion criteria: pregnancy and active infection. Patients aged 18-65 with SLEDAI-2K ≥ 6 were included."
    assert _out(trials, source, ["~SLEDAI-2K ≥ 6"], ["~pregnancy"]) == ""
    assert _refused(_out(trials, source, ["~active infection"], []))  # (the list's own words stay its own)


def test_a_non_inclusion_clause_in_the_inclusion_list_is_no_inclusion(trials: Trials) -> None:
    source = (
        "Inclusion criteria:\n1. Adults with SLE\n2. Non-inclusion of patients with active infection\n3. SLEDAI-2K ≥ 6"
    )
    assert _out(trials, source, ["~Adults with SLE"], ["~active infection"]) == ""
    assert _refused(_out(trials, source, [], ["~SLEDAI-2K ≥ 6"]))


# --- attacks: the exclusion list headed "Non-inclusion criteria" or ended by a full-width colon ------------

MORE_HEADINGS = [
    ("Inclusion criteria:\n", "Non-inclusion criteria:\n"),
    ("INCLUSION CRITERIA\n", "NON INCLUSION CRITERIA\n"),
    ("Inclusion criteria：\n", "Exclusion criteria：\n"),
    ("Key inclusion criteria：", "Key non-inclusion criteria："),
    ("Criteria for inclusion:\n", "Criteria for exclusion:\n"),
    ("CRITERIA FOR INCLUSION\n", "CRITERIA FOR EXCLUSION\n"),
    ("Inclusion criteria for adult participants:\n", "Exclusion criteria for all participants:\n"),
    (
        "Inclusion Criteria (participants must meet all of the following criteria to be enrolled in the study):\n",
        "Exclusion Criteria (participants meeting any of the following will not be enrolled in the study):\n",
    ),
]


@pytest.mark.parametrize(("inclusion_heading", "exclusion_heading"), MORE_HEADINGS)
@pytest.mark.parametrize(
    ("inclusion", "exclusion"),
    [
        (["Weight ≥ 40 kg"], ["Pregnancy", "SLEDAI-2K ≥ 6"]),
        (["Weight ≥ 40 kg", "Active tuberculosis"], ["Pregnancy"]),
        (["Pregnancy", "Active tuberculosis"], ["Weight ≥ 40 kg", "SLEDAI-2K ≥ 6"]),
    ],
)
def test_a_criterion_under_a_non_inclusion_or_full_width_heading_is_held_to_it(
    trials: Trials, inclusion_heading: str, exclusion_heading: str, inclusion: list[str], exclusion: list[str]
) -> None:
    out = _out(trials, _lists(inclusion_heading, exclusion_heading), inclusion, exclusion)
    assert _refused(out), out


@pytest.mark.parametrize(("inclusion_heading", "exclusion_heading"), MORE_HEADINGS)
def test_the_lists_under_such_headings_pass_in_place(
    trials: Trials, inclusion_heading: str, exclusion_heading: str
) -> None:
    source = _lists(inclusion_heading, exclusion_heading)
    assert _out(trials, source, ["Weight ≥ 40 kg", "SLEDAI-2K ≥ 6"], ["Pregnancy", "Active tuberculosis"]) == ""


# --- criteria_text: a criterion run on over many lines holding only a conjunction -------------------------


def _or_lines(n: int) -> str:
    return "Inclusion Criteria:\n\n* Anti-dsDNA positive\n" + "".join(f"or\nlow complement C{i}\n" for i in range(n))


def _peak(text: str) -> int:
    tracemalloc.start()
    try:
        criteria_text.split(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_criterion_run_on_over_many_conjunction_lines_is_held_once() -> None:
    """Memory grows with the text, not with its square (it was 25 MB for 2,000 lines, 102 MB for 4,000)."""
    small, large = _peak(_or_lines(2000)), _peak(_or_lines(4000))
    assert large < 3 * small and large < 20_000_000, (small, large)


def test_the_remark_counts_the_criteria_run_on_not_the_lines() -> None:
    found = criteria_text.split(_or_lines(3) + "* Signed consent\n* SLEDAI-2K ≥ 6\nor\nBILAG A\n")
    assert [c["text"] for c in found.inclusion] == [
        "Anti-dsDNA positive or low complement C0 or low complement C1 or low complement C2",
        "Signed consent",
        "SLEDAI-2K ≥ 6 or BILAG A",
    ]
    said = [r for r in found.remarks if "holds only a conjunction" in r]
    assert len(said) == 1 and said[0].split(": ", 1)[1].startswith("2 criteria ('Anti-dsDNA positive or low"), said


# --- list_sides: the paragraphs after a heading run into its words --------------------------------------

PARAGRAPHS = [
    "Inclusion criteria: adults aged 18-65 with SLE.\nResults\nOf 12 patients, none had active tuberculosis.",
    "Inclusion criteria: adults aged 18-65 with SLE.\nOf 12 patients, none had active tuberculosis.",
    "Key inclusion criteria: adults aged 18-65 with SLE.\nTreatment was well tolerated. No patient had active "
    "tuberculosis.",
]


@pytest.mark.parametrize("source", PARAGRAPHS)
def test_a_paragraph_after_a_heading_run_into_its_words_is_none_of_the_list(trials: Trials, source: str) -> None:
    assert _out(trials, source, ["~adults aged 18-65 with SLE"], ["~active tuberculosis"]) == ""
    assert _refused(_out(trials, source, [], ["~adults aged 18-65 with SLE"]))  # (the heading's own words)


@pytest.mark.parametrize(
    "source",
    [
        # a heading alone on its line: its unmarked lines, each a sentence, are the list's
        "Inclusion criteria:\nAdults aged 18-65 with SLE.\nWeight ≥ 40 kg.\nExclusion criteria:\nPregnancy.",
        # a heading run into its words, the line after going on with its sentence
        "Inclusion criteria: adults aged 18-65 with SLE and\nweight ≥ 40 kg.\nExclusion criteria: pregnancy.",
        # ... or a marked list after it
        "Inclusion criteria: all of the following.\n1. Adults aged 18-65\n2. weight ≥ 40 kg\nExclusion criteria:\n1. x",
    ],
)
def test_the_lines_of_a_list_under_its_heading_stay_its_own(trials: Trials, source: str) -> None:
    assert _refused(_out(trials, source, [], ["~≥ 40 kg"]))


@pytest.mark.parametrize(
    "source",
    [
        "Key inclusion criteria: adults aged 18-65 with SLE\nThe trial will enrol 24 patients. Patients with "
        "active tuberculosis cannot take part.",
        "Inclusion criteria:\n1. Adults aged 18-65 with SLE\n2. People with active tuberculosis may not "
        "participate\n3. Weight ≥ 40 kg",
    ],
)
def test_a_clause_of_who_cannot_take_part_in_the_inclusion_list_is_no_inclusion(trials: Trials, source: str) -> None:
    assert _out(trials, source, ["~aged 18-65 with SLE"], ["~active tuberculosis"]) == ""


@pytest.mark.parametrize(
    "source",
    [
        "Criteria for inclusion were not met by patients with pregnancy. Weight ≥ 40 kg.",
        "Inclusion criteria for this study were broad. Some patients with pregnancy: none.",
    ],
)
def test_criteria_for_inclusion_in_a_sentence_heads_no_list(trials: Trials, source: str) -> None:
    assert _out(trials, source, [], ["~patients with pregnancy"]) == ""
