"""Eligibility texts and study files that hunt 220 left misread or this hunt found (hunt 221, helper-101), read with
criteria_text.split (the importer and the check read a source's criteria with it alike) or imported whole, each beside
a text or file of its shape already read right, which must read as it did. The texts are test inputs: no fact of any
study. Every text the tests and fixtures held (string constants of tests/, eligibilityCriteria of tests/ and seeds/
JSON, each also under an inclusion heading: 51,128 splits) was split before and after each fix to the reader: only the
texts said in each commit read otherwise.

Found and fixed (each reproduced before with criteria_text.split(text)):
- a list's heading in another language but Chinese or Japanese was read only as a lead-in ending in a colon after a
  blank line, in German only as "Einschlusskriterien:": "Kriterien für den Einschluss:", "Criterios de Inclusión" or
  "CRITÈRES D'INCLUSION" with no colon, "Critérios de inclusão: Idade 18-65" with its criterion after the colon, and
  Korean "선정 기준:" / "제외 기준:" headed no list, the whole text left to the curator as words before its first
  heading; now headings as an English one is (headings._OTHER_LANGUAGE, German, French, Spanish, Italian, Portuguese
  and Korean; "Einschluss:" a lead-in as "Inclusion:" is). A line saying more ("Einschluss in eine andere Studie",
  "Criterios de inclusión del estudio previo cumplidos", "선정 기준을 만족하는 자") is a criterion, as before.
- after an annex, a list shown tight ("- Age" / "- Drugs (see Appendix A)") whose annex's first run is one line
  ("Appendix A:" / "- rituximab" / "" / "- belimumab") read the bullet after the blank line as the list's criterion
  ("belimumab", said): a run of one line shows no layout of its own, and a bullet set apart by a blank line, as the
  list's items are not, is the annex's next item spaced, left to the curator with it (sections' list_tight and
  annex_tight; a run written tight, "- TB test" / "- HIV test", or a list of one item, ends at the blank line as
  hunt 220 read it).
- a superscript footnote under an item's wrapped line ("- SLE per the" / "  2019 criteria" / "¹ As defined by ACR")
  was a criterion of its own, said as a line with no list mark: only right under an item's first line was it read as
  a footnote; now under any line of the item (notes._under_an_item; under a paragraph with no list mark, and a power
  wrapped under its base, as before).

Found by this hunt and fixed (real study files varied as registry files vary, imported whole):
- a tab was no space to a list mark: a list indented by tabs, or a word processor's list pasted with a tab after each
  mark ("* SLE, one of:" / "\t* ANA" / "\t* dsDNA", "•\tAge" / "•\tSLE", "1.\tAge") read its items as words of the
  item above ("SLE, one of: * ANA * dsDNA", with no remark) or as criteria with their marks in their words ("* Age",
  "1.\tAge", said as lines with no list mark), as NCT06388018's sub-criteria with its indents written as tabs: now
  each line's tabs before its words read as the spaces they show, and a tab after a list's mark as a space
  (lines.indents_read); a tab within a line's words is kept as written.
- a line indented by no-break spaces (as a page's "&nbsp;" writes an indent) was read at no indent where an item's
  mark did not follow: NCT03722472 so indented lost its footnote paragraph under item 2 ("\\*Temperature \\<38°C ...")
  and the lines after it to the curator, where its spaces read it as the item's; now an indent as spaces are
  (lines.indents_read); a no-break space within a line's words, or after a mark ("1.\\u00a0Age"), reads as before.
- the real NCT06388018 with its nested criteria flattened (every indent of two spaces or more written as two,
  "* Cohort A1:" and the stages under it at one indent) was refused by its own import: "E512
  eligibility.inclusion_criteria.9.sub_criteria.2: the source lists this inclusion criterion nested otherwise" (a
  stage that SUB-STUDY B lists too): the check held the source's items alike (text, group, depth) under one parent,
  the last one's; now each under its own (criteria_lists._SourceList.parents, by place).

Hunted and found sound: the ten real API v2 studies (tests/fixtures/ctgov/real/, those with a statusModule), each with
every protocolSection module but identification left out and then given empty, its criteria with CRLF or CR line
ends, tabs, no-break spaces, HTML entities, Markdown escapes, on one line, with no headings, only the exclusion list,
"Key Inclusion Criteria", trailing blanks, a byte order mark and a zero-width space, curly quotes, full-width colons,
empty or blank; arms with no interventionNames, no interventions, enrollment with no type, dates of a month only,
statuses WITHDRAWN, UNKNOWN, SUSPENDED, TERMINATED, ENROLLING_BY_INVITATION, NO_LONGER_AVAILABLE, sites with no city,
or no facility and no country, officials with no affiliation, unicode names: about 560 imports, no exit 3, no word of
a criterion the source does not hold, each refusal naming its file (a statusModule missing or empty: no as-of date).

Found and left:
- a list whose bullets are Markdown-escaped at each line's start ("\\* Prior neoadjuvant chemotherapy" / "\\* Prior
  pelvic radiation" / ..., NCT06388018's criteria with each "* " written "\\* ") reads the second item on as footnotes
  to the star the first carries, left to the curator (said, unplaced): 13 inclusion and 1 exclusion criteria where the
  file as written gives 14 and 9. Reproduce: criteria_text.split(re.sub(r"(?m)^(\\s*)(\\*|-|\\d+\\.)",
  lambda m: m.group(1) + "\\\\" + m.group(2), text)) for that study's eligibilityCriteria.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials, criteria_texts, imported_criteria, inclusion, refused_as_imported_before
from sle_trials.reading import criteria_text

# --- a list's heading in another language -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heads", "gap"),
    [
        (("Kriterien für den Einschluss:", "Ausschlusskriterien:"), "\n\n"),
        (("Einschlusskriterien", "Ausschlusskriterien"), "\n"),
        (("Einschlußkriterien (alle müssen erfüllt sein):", "Kriterien für den Ausschluss:"), "\n"),
        (("Einschluss:", "Ausschluss:"), "\n\n"),
        (("CRITÈRES D'INCLUSION", "CRITÈRES DE NON INCLUSION"), "\n"),
        (("Critères d’inclusion principaux", "Critères d’exclusion"), "\n\n"),
        (("Criterios de Inclusión", "Criterios de Exclusión"), "\n\n"),
        (("**Criterios de inclusión**", "**Criterios de no inclusión**"), "\n"),
        (("Criteri di inclusione", "Criteri di esclusione"), "\n"),
        (("Critérios de Inclusão", "Critérios de Exclusão"), "\n"),
        (("선정 기준:", "제외 기준:"), "\n\n"),
        (("선정기준", "제외기준"), "\n"),
        (("포함 기준", "배제 기준"), "\n"),
        (("1. 대상자 선정기준", "2. 대상자 제외기준"), "\n"),
    ],
)
def test_a_heading_in_another_language_heads_its_list(heads: tuple[str, str], gap: str) -> None:
    """Before: no heading, the whole text words before the first heading, not imported (or, with an inclusion
    heading read, the exclusion one an inclusion criterion)."""
    found = criteria_text.split(f"{heads[0]}\n1. Alter 18-65\n2. SLE{gap}{heads[1]}\n1. Schwangerschaft")
    assert criteria_texts(found.inclusion) == ["Alter 18-65", "SLE"], found.remarks
    assert criteria_texts(found.exclusion) == ["Schwangerschaft"] and not found.unplaced and not found.remarks


def test_a_heading_in_another_language_with_its_criterion_after_the_colon() -> None:
    found = criteria_text.split("Critérios de inclusão: Idade 18-65\nCritérios de não inclusão: Gravidez")
    assert criteria_texts(found.inclusion) == ["Idade 18-65"] and criteria_texts(found.exclusion) == ["Gravidez"]
    # (its words as written, which the heading is read folded in: "ß" is two letters folded)
    found = criteria_text.split("Einschlusskriterien: Größe ≥ 150 cm\nAusschlusskriterien: Schwangerschaft")
    assert criteria_texts(found.inclusion) == ["Größe ≥ 150 cm"], found.inclusion


@pytest.mark.parametrize(
    "criterion",
    [
        "Einschluss in eine andere Studie innerhalb von 30 Tagen",
        "Patients meeting the Einschlusskriterien of the parent study",
        "Criterios de inclusión del estudio previo cumplidos",
        "선정 기준을 만족하는 자",
        "Inclusion in another trial",
    ],
)
def test_a_criterion_naming_a_list_in_another_language_is_a_criterion_as_before(criterion: str) -> None:
    found = inclusion(f"1. Age\n2. {criterion}")
    assert criteria_texts(found.inclusion) == ["Age", criterion] and not found.remarks


def test_a_heading_in_another_language_under_an_english_one_is_its_list_headed_again() -> None:
    """As "Inclusion Criteria:" / "入选标准：" is: before, "Criterios de inclusión" a group of the list."""
    text = "Inclusion Criteria:\n\nCriterios de inclusión:\n1. Edad\nCriterios de exclusión:\n1. X"
    found = criteria_text.split(text)
    assert found.inclusion == [{"number": 1, "text": "Edad"}] and found.exclusion == [{"number": 1, "text": "X"}]


# --- a bulleted list after an annex's run of one line -----------------------------------------------------------------

ANNEX = "heading no list of criteria"
RESUMED = "goes on with its bulleted list"


@pytest.mark.parametrize(
    "lines",
    [
        "- Age\n- Drugs (see Appendix A)\n\nAppendix A:\n- rituximab\n\n- belimumab",
        "- Age\n- Drugs (see Appendix A)\n\nAppendix A:\n\n- rituximab\n\n- belimumab\n\n- abatacept",
        "* Age\n  over 18\n* Drugs (see Appendix A)\n\nAppendix A:\n* rituximab\n\n* belimumab",
    ],
)
def test_a_bullet_after_an_annexs_one_line_under_a_tight_list_is_the_annexs(lines: str) -> None:
    """Before: "belimumab" the list's criterion, said as the list going on."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == [
        "Age" + (" over 18" if "over" in lines else ""),
        "Drugs (see Appendix A)",
    ]
    assert (
        found.unplaced and [r for r in found.remarks if ANNEX in r] and not [r for r in found.remarks if RESUMED in r]
    )


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- SLE\n\nAppendix A:\n\n- TB\n\n- Consent", ["SLE", "Consent"]),  # a list of one item shows no layout
        ("- SLE\n- Age\n\nAppendix A:\n- TB test\n- HIV test\n\n- Consent", ["SLE", "Age", "Consent"]),
        ("- Age\n- Drugs\n\nAppendix A:\n- TB\n  - latent\n\n- Consent", ["Age", "Drugs", "Consent"]),
    ],
)
def test_a_bullet_after_an_annexs_run_written_tight_goes_on_with_the_list_as_before(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and [r for r in found.remarks if RESUMED in r], found.remarks


# --- a footnote under an item's wrapped line --------------------------------------------------------------------------

FOOTNOTE = "to a mark no item carries"


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("- SLE per the\n  2019 criteria\n¹ As defined by ACR", ["SLE per the 2019 criteria"]),
        ("1. SLE per the\n   2019 criteria\n² As defined by ACR\n2. Consent", ["SLE per the 2019 criteria", "Consent"]),
        ("- SLE per the\n2019 criteria\n¹ As defined by ACR\n- Consent", ["SLE per the 2019 criteria", "Consent"]),
    ],
)
def test_a_footnote_under_an_items_wrapped_line_is_no_criterion(lines: str, read: list) -> None:
    """Before: "¹ As defined by ACR" a criterion of its own, said only as a line with no list mark."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and [r for r in found.remarks if FOOTNOTE in r], found.remarks


@pytest.mark.parametrize(
    ("lines", "read", "said"),
    [
        (
            "- Platelets ≥ 100 per the\n  central lab, × 10\n⁹/L\n- Consent",
            ["Platelets ≥ 100 per the central lab, × 10 ⁹/L", "Consent"],
            False,
        ),
        (
            "Patients with SLE per the\n2019 criteria\n¹ As defined by ACR",
            ["Patients with SLE per the 2019 criteria", "¹ As defined by ACR"],
            True,
        ),
    ],
)
def test_a_power_or_a_paragraphs_line_under_a_wrapped_line_reads_as_before(lines: str, read: list, said: bool) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not [r for r in found.remarks if FOOTNOTE in r]
    assert bool([r for r in found.remarks if "no list mark" in r]) == said, found.remarks


# --- tabs ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* Age\n* SLE, one of:\n\t* ANA\n\t* dsDNA\n* Consent", ["Age", "SLE, one of:", ["ANA", "dsDNA"], "Consent"]),
        (
            "1. Age\n2. SLE, one of:\n\ta. ANA\n\tb. dsDNA\n3. Consent",
            ["Age", "SLE, one of:", ["ANA", "dsDNA"], "Consent"],
        ),
        ("\t* Age\n\t* SLE", ["Age", "SLE"]),
        ("•\tAge\n•\tSLE", ["Age", "SLE"]),
        ("1.\tAge\n2.\tSLE", ["Age", "SLE"]),
        ("* SLE, one of:\n\n\t* ANA\n\n\t* dsDNA\n* Consent", ["SLE, one of:", ["ANA", "dsDNA"], "Consent"]),
    ],
)
def test_a_tab_before_or_after_a_list_mark_is_read_as_space(lines: str, read: list) -> None:
    """Before: the items words of the item above, or criteria with their marks in their words."""
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read and not found.remarks, found.remarks


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        ("* Age\t18-65\n* SLE", ["Age\t18-65", "SLE"]),
        ("Age:\t18-65", ["Age:\t18-65"]),
        ("* Age\n  over\t18", ["Age over\t18"]),
    ],
)
def test_a_tab_within_a_lines_words_is_kept_as_written(lines: str, read: list) -> None:
    found = inclusion(lines)
    assert criteria_texts(found.inclusion) == read, found.inclusion


@pytest.mark.parametrize("indent", ["   ", "\u00a0\u00a0\u00a0", "\u202f\u202f\u202f"])
def test_an_indent_of_no_break_spaces_reads_as_one_of_spaces(indent: str) -> None:
    """Before: with no-break spaces, "*Temperature <38°C" and the note under it left to the curator, said."""
    note = f"{indent}\\*Temperature \\<38°C\n\n{indent}NOTE: Athletes may enrol."
    found = inclusion(f"1. Age\n2. Vital signs\\*, and labs.\n\n{note}\n3. Labs")
    assert criteria_texts(found.inclusion) == ["Age", "Vital signs*, and labs.", ["*Temperature <38°C"], "Labs"]
    assert not found.unplaced, found.remarks


def test_a_no_break_space_within_words_or_after_a_mark_reads_as_before() -> None:
    found = inclusion("1. Age\u00a018\n2.\u00a0SLE")
    assert criteria_texts(found.inclusion) == ["Age\u00a018", "SLE"] and not found.remarks


# --- one sub-criterion under two items --------------------------------------------------------------------------------

TWO_PARENTS = (
    "Inclusion Criteria:\n\n* Part A, one of:\n  * Stage IB, grade 1\n  * Stage II\n* Part B, one of:\n"
    "  * Stage IB, grade 1\n  * Stage III\n\nExclusion Criteria:\n\n* Pregnancy"
)


def test_a_sub_criterion_under_two_items_imports_under_each(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before: the import refused by its own check, "E512 eligibility.inclusion_criteria.0.sub_criteria.0: the source
    lists this inclusion criterion nested otherwise" (the source's items alike held one parent, the last one's)."""
    data = imported_criteria(trials, registry, TWO_PARENTS, tmp_path)
    assert criteria_texts(data["eligibility"]["inclusion_criteria"]) == [
        "Part A, one of:",
        ["Stage IB, grade 1", "Stage II"],
        "Part B, one of:",
        ["Stage IB, grade 1", "Stage III"],
    ]


def test_a_sub_criterion_written_under_the_item_not_holding_it_is_refused(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    imported_criteria(trials, registry, TWO_PARENTS, tmp_path)
    refused_as_imported_before(trials, registry, "text: Stage II\n", "text: Stage III\n")


# --- the walk up from a footnote to its item, bounded ---------------------------------------------------------------


def _lines_read_up(monkeypatch: pytest.MonkeyPatch, n: int) -> int:
    """How many lines the walks up from a footnote's line to an item above read, in a text of n footnote lines right
    under one item, with no blank line (each line walks up over the ones before it)."""
    from sle_trials.reading.criteria_text import notes

    read = 0
    real = notes.list_item

    def counted(line: str) -> object:
        nonlocal read
        read += 1
        return real(line)

    monkeypatch.setattr(notes, "list_item", counted)
    criteria_text.split("Inclusion Criteria:\n\n- SLE\n" + "".join(f"¹ note {i}\n" for i in range(n)))
    return read


def test_the_walk_up_to_a_footnotes_item_reads_lines_in_proportion_to_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A footnote right under an item's wrapped lines is found by walking up to the item (1c6cc247): every line of a
    paragraph walking over all the lines before it made the reader quadratic, and a text of 8,000 lines of "or" ran
    for minutes (tests/test_attacks_review_helper5.py). The walk now starts only at a line opening with a footnote's
    mark, and reads at most notes._WRAPPED_LINES lines."""
    small, large = _lines_read_up(monkeypatch, 200), _lines_read_up(monkeypatch, 800)
    assert large < 6 * small, (small, large)  # (four times the lines: four times the reads, not sixteen)
