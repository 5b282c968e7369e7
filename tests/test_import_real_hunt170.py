"""trials import ctgov on real API v2 studies whose free text and structure are varied as real registry
entries vary them (criteria layouts, arms, identifiers, sites, dates, ages): each case a real study of
tests/fixtures/ctgov/real/ with one part rewritten, imported into a registry copy with --out-of-scope
(none is in the registry's scope), that once imported into a draft saying what its source does not,
or was refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, REAL_STUDIES, VARIED, Trials, imported_draft
from sle_trials.reading import criteria_text

REAL = REAL_STUDIES
REASON = VARIED
_imported = imported_draft


def _study(name: str = "NCT02576665.json") -> dict[str, Any]:
    return copy.deepcopy(json.loads((REAL / name).read_bytes()))


LETTERED = """Inclusion Criteria:

a. Age 18 to 65 years at screening.

b. Adequate organ function, defined as:
  - Hemoglobin ≥ 8 g/dL.
  - Platelets ≥ 50,000/mm3.

c. Willing to use effective contraception.

Exclusion Criteria:

a. Pregnant or breastfeeding women.

b. Active infection requiring systemic therapy:
  - Hepatitis B surface antigen positive.

c. Prior treatment with any CAR-T cell therapy."""


def test_a_lettered_item_ending_in_a_colon_after_a_blank_line_is_a_criterion(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, a lettered criterion ending in a colon with blank lines around it ("b. Adequate organ function,
    defined as:") was read as a sub-heading, as a numbered one never was: it was no criterion, its
    sub-criteria were criteria of its group, and so was every criterion after it ("c. Willing to use
    effective contraception." imported as listed under "b. Adequate organ function, defined as")."""
    study = _study()
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = LETTERED
    elig = _imported(trials, registry, study, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [
        {"text": "Age 18 to 65 years at screening."},
        {
            "text": "Adequate organ function, defined as:",
            "sub_criteria": [{"text": "Hemoglobin ≥ 8 g/dL."}, {"text": "Platelets ≥ 50,000/mm3."}],
        },
        {"text": "Willing to use effective contraception."},
    ]
    assert elig["exclusion_criteria"][1:] == [
        {
            "text": "Active infection requiring systemic therapy:",
            "sub_criteria": [{"text": "Hepatitis B surface antigen positive."}],
        },
        {"text": "Prior treatment with any CAR-T cell therapy."},
    ]


def test_no_marked_item_after_a_blank_line_is_a_sub_heading() -> None:
    """The class: an item marked by a letter or a roman numeral, in either case, bracketed or not, is an item
    whatever it ends in; a plain line ending in a colon still heads a group ("For adolescents:")."""
    for mark in ("b.", "B)", "(b)", "ii.", "(II)", "iv)"):
        text = f"Inclusion Criteria:\n\na. Aged 18\n\n{mark} Organ function as follows:\n  - Hb > 8 g/dL\n\nc. Consent"
        found = criteria_text.split(text).inclusion
        assert [c.get("group") for c in found] == [None, None, None], mark
        assert found[1]["sub_criteria"] == [{"text": "Hb > 8 g/dL"}], mark
    found = criteria_text.split("Inclusion Criteria:\n\n- Aged 18\n\nFor adolescents:\n- Weight ≥ 40 kg").inclusion
    assert [c.get("group") for c in found] == [None, "For adolescents"]


def test_a_note_at_the_indent_of_the_sub_criteria_above_it_is_no_sub_criterion(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, NCT03722472's vital signs footnote written with a space after its mark ("   \\* Temperature ...",
    then read as a bullet once its escape was read; now its footnote mark, kept) put the "NOTE: Athletically
    trained subjects with a pulse ≥40 may be enrolled ..." paragraph after it at the indent of a sub-criterion,
    and it was imported as one: an exception the study allows imported as a criterion it sets. The unspaced
    footnote as the study writes it leaves the note apart, as here."""
    study = _study("NCT03722472.json")
    elig = study["protocolSection"]["eligibilityModule"]
    elig["eligibilityCriteria"] = elig["eligibilityCriteria"].replace("   \\*Temperature", "   \\* Temperature")
    item = _imported(trials, registry, study, tmp_path)["eligibility"]["inclusion_criteria"][1]
    assert [c["text"][:22] for c in item["sub_criteria"]] == ["* Temperature <38°C, r"]


def test_a_note_at_its_lists_own_indent_is_read_as_at_an_unindented_lists() -> None:
    """The class: where the list's items stand (its top level indented by two spaces, as NCT04207047 indents
    every line, or a sub-level), not the line's start, says what a note after a blank line is about: words of
    the top-level item above, or apart from sub-criteria; never a criterion of its own. Before, "  Note: ..."
    in a list indented throughout was imported as a criterion."""
    for indent in ("", "  ", "    "):
        text = f"Inclusion Criteria:\n\n{indent}1. Adults\n\n{indent}Note: adults are 18 or older.\n{indent}2. Consent"
        found = criteria_text.split(text)
        assert found.inclusion == [
            {"number": 1, "text": "Adults Note: adults are 18 or older."},
            {"number": 2, "text": "Consent"},
        ], repr(indent)
        text = f"Inclusion Criteria:\n\n{indent}1. Adults\n{indent}   a. aged 18\n\n{indent}NB: checked at screening.\n"
        found = criteria_text.split(text + f"{indent}2. Consent")
        assert found.inclusion == [
            {"number": 1, "text": "Adults", "sub_criteria": [{"text": "aged 18"}]},
            {"number": 2, "text": "Consent"},
        ], repr(indent)
        assert "not imported" in found.remarks[0]
    text = "Inclusion Criteria:\n\n* Vital signs:\n  - Pulse 50-100 bpm\n\n  Note: athletes ≥ 40 bpm.\n* Consent"
    assert criteria_text.split(text).inclusion == [
        {"text": "Vital signs:", "sub_criteria": [{"text": "Pulse 50-100 bpm"}]},
        {"text": "Consent"},
    ]


def test_a_backslash_shown_before_punctuation_is_imported_into_a_draft_that_passes(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, a study showing a backslash before punctuation in a markup field or its criteria (the API
    writes the sponsor's "\\>" as "\\\\>", an escaped backslash) was refused: the import read the escapes once
    ("Hb \\>= 8 g/dL", as the page shows it) and the check read the record's text with its escapes again
    ("Hb >= 8 g/dL"), not the source's (E501 on the criterion, E501 and E512 on the arm and the outcome).
    Such a text is now imported as written, escapes and all, which reads as the page shows it."""
    study = _study()
    ps = study["protocolSection"]
    ps["eligibilityModule"]["eligibilityCriteria"] = (
        "Inclusion Criteria:\n\n* Hemoglobin \\\\>= 8 g/dL \\[local lab\\]\n* ALT \\< 3 x ULN\n\n"
        "Exclusion Criteria:\n\n* Pregnancy"
    )
    ps["armsInterventionsModule"]["armGroups"][0]["description"] = "Toca 511 \\\\* 2 doses"
    ps["outcomesModule"]["primaryOutcomes"][0]["description"] = "Rate \\\\> 2 \\[x\\]"
    ps["descriptionModule"]["briefSummary"] = "A dose \\\\> 1e6 cells/kg, C:\\\\temp"
    data = _imported(trials, registry, study, tmp_path)
    assert data["eligibility"]["inclusion_criteria"] == [
        {"text": "Hemoglobin \\\\>= 8 g/dL \\[local lab\\]"},
        {"text": "ALT < 3 x ULN"},
    ]
    assert data["arms"][0]["description"] == "Toca 511 \\\\* 2 doses"
    assert data["outcomes"]["primary"][0]["description"] == "Rate \\\\> 2 \\[x\\]"
    assert data["brief_summary"] == "A dose \\\\> 1e6 cells/kg, C:\\\\temp"
    assert criteria_text.unescaped("ALT \\< 3 \\[x\\] C:\\\\temp") == "ALT < 3 [x] C:\\temp"


# (was a strict xfail: criteria_text.reader.Reader reads each line as written or as shown on its own, and joins a
# wrapped line to its item, so an item one of whose lines holds an escaped backslash before punctuation and another
# an escape mixed the two forms, which neither reading of the record matches: refused E501.) Such an item is read
# as the criteria text writes it whole (escapes.written_whole), each line's escapes kept
@pytest.mark.parametrize(
    ("criteria", "text"),
    [
        (
            "* Hemoglobin \\[local lab\\] must be\n  \\\\>= 8 g/dL",
            "Hemoglobin \\[local lab\\] must be \\\\>= 8 g/dL",
        ),
        (
            "* Hemoglobin \\\\>= 8 g/dL\n  \\[local lab\\]",
            "Hemoglobin \\\\>= 8 g/dL \\[local lab\\]",
        ),
        (
            "1. Platelets \\(central lab\\) must be\n   \\\\> 50 x 10^9/L\n   at screening",
            "Platelets \\(central lab\\) must be \\\\> 50 x 10^9/L at screening",
        ),
    ],
)
def test_a_wrapped_criterion_mixing_an_escaped_backslash_and_an_escape_imports(
    trials: Trials, registry: Path, tmp_path: Path, criteria: str, text: str
) -> None:
    study = _study()
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = (
        f"Inclusion Criteria:\n\n{criteria}\n\nExclusion Criteria:\n\n* x"
    )
    assert _imported(trials, registry, study, tmp_path)["eligibility"]["inclusion_criteria"][0]["text"] == text


# ... while a wrapped item with escapes alone is read as shown, and one kept as written on one line stays so
@pytest.mark.parametrize(
    ("criteria", "text"),
    [
        ("* Hemoglobin \\[local lab\\] must be\n  \\>= 8 g/dL", "Hemoglobin [local lab] must be >= 8 g/dL"),
        ("* Hemoglobin \\\\>= 8 g/dL must be\n  measured", "Hemoglobin \\\\>= 8 g/dL must be measured"),
    ],
)
def test_a_wrapped_criterion_of_one_form_reads_as_before(criteria: str, text: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n{criteria}\n\nExclusion Criteria:\n\n* x")
    assert found.inclusion[0]["text"] == text


DECIMAL = """Inclusion Criteria:

1. Patient has adequate organ function:
1.1. Hemoglobin ≥ 10 g/dL.
1.2. Platelet count ≥ 100,000/mm3.
2. Patient has given written informed consent.

Exclusion Criteria:

1. Patient is breast feeding.
2. Patient has severe systemic disease:
2.1. Uncontrolled cardiovascular disease.
2.2. Clinically significant pulmonary disease.
2.3. Active infection."""


def test_a_decimal_sub_number_ending_in_a_full_stop_is_one_item(trials: Trials, registry: Path, tmp_path: Path) -> None:
    """Before, a sub-item numbered as many registries number them, "1.2." (a full stop after the decimal), was
    read as a run of numbered items ("1." then "2. Platelet count ..."), as "1. Age 18-65; 2. SLE" is: a
    criterion "1." the study does not state, the platelet count imported as criterion 2, and the study's
    criterion 2 (consent) as its sub-criterion. "1.1." and "2.2." were read right: only a decimal whose second
    part is the first's next number was run apart."""
    study = _study()
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = DECIMAL
    elig = _imported(trials, registry, study, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [
        {
            "number": 1,
            "text": "Patient has adequate organ function:",
            "sub_criteria": [{"text": "Hemoglobin ≥ 10 g/dL."}, {"text": "Platelet count ≥ 100,000/mm3."}],
        },
        {"number": 2, "text": "Patient has given written informed consent."},
    ]
    assert [c["text"] for c in elig["exclusion_criteria"][1]["sub_criteria"]] == [
        "Uncontrolled cardiovascular disease.",
        "Clinically significant pulmonary disease.",
        "Active infection.",
    ]
    # a run of numbered items is still read as its items, with or without a space after each number
    for run in ("1. Age 18-65; 2. SLE; 3. Consent.", "1.Age 18-65; 2.SLE; 3.Consent."):
        found = criteria_text.split(f"Inclusion Criteria:\n\n{run}").inclusion
        assert [(c["number"], c["text"]) for c in found] == [(1, "Age 18-65;"), (2, "SLE;"), (3, "Consent.")]


def test_exclusion_criteria_under_a_heading_not_read_as_one_are_no_inclusion_criteria(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, the exclusion criteria of a study heading them in words the reading does not take for a heading
    ("Exclusionary Criteria:", as NCT02576665 is rewritten here) were imported as inclusion criteria: breast feeding
    and HIV as conditions of taking part. They are now left for the curator, said so. ("Exclusion Criteria." with a
    full stop, over a list item, heads its list since tests/test_import_helper31_layouts.py.)"""
    study = _study()
    elig = study["protocolSection"]["eligibilityModule"]
    elig["eligibilityCriteria"] = elig["eligibilityCriteria"].replace("Exclusion Criteria:", "Exclusionary Criteria:")
    data = _imported(trials, registry, study, tmp_path)
    texts = [c["text"] for c in data["eligibility"]["inclusion_criteria"]]
    assert len(texts) == 13 and texts[0] == "Patient has given written informed consent."
    assert "exclusion_criteria" not in data["eligibility"]
    assert "eligibility.exclusion_criteria" in data["curation"]["not_yet_curated"]
    assert any("'Exclusionary Criteria:' that may head the exclusion" in n["text"] for n in data["curation"]["notes"])


@pytest.mark.parametrize(
    "heading",
    [
        "Exclusionary Criteria.",
        "Exclusionary Criteria:",
        "Exlusion Criteria:",
        "Non-eligibility criteria:",
        "Contraindications:",
    ],
)
def test_no_list_under_a_line_that_may_head_the_exclusion_criteria_is_read_as_inclusion(heading: str) -> None:
    """(A denial of eligibility over a list, "The following patients are not eligible:", heads the exclusion
    criteria since tests/test_import_hunt212.py: no longer left for the curator, nor read as inclusion.)"""
    found = criteria_text.split(f"Inclusion Criteria:\n\n* Adults with SLE\n\n{heading}\n\n* Pregnancy\n* HIV")
    assert found.inclusion == [{"text": "Adults with SLE"}] and found.exclusion == [] and found.unplaced


@pytest.mark.parametrize(
    "line",
    [
        "Patients with lupus nephritis are not excluded:",  # denies exclusion
        "Patients excluded earlier are eligible:",  # both kinds
        "Participants in the PK substudy:",  # says nothing of exclusion
        "Patients with a history of exclusion from a prior CAR-T trial for reasons of toxicity or of response:",  # long
    ],
)
def test_a_sub_heading_that_heads_no_exclusion_list_stays_one(line: str) -> None:
    found = criteria_text.split(f"Inclusion Criteria:\n\n* Adults with SLE\n\n{line}\n\n* Weight 40 kg or more")
    assert found.inclusion[-1]["text"] == "Weight 40 kg or more" and not found.unplaced


def _indented(text: str) -> str:
    """text with every line that has words indented by two spaces, as NCT04207047 writes its criteria."""
    return "\n".join("  " + line if line.strip() else line for line in text.split("\n"))


def test_a_closing_remark_indented_as_the_whole_list_is_no_criterion(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, NCT02210780's closing remark ("The information listed above is not intended to contain all
    considerations ... and not all inclusion/ exclusion criteria are listed.") was imported as an exclusion
    criterion once every line of its criteria was indented by two spaces, as NCT04207047 writes its criteria:
    a remark was read as one only at the line's start, not at the list's own indent."""
    study = _study("NCT02210780.json")
    elig = study["protocolSection"]["eligibilityModule"]
    elig["eligibilityCriteria"] = _indented(elig["eligibilityCriteria"])
    data = _imported(trials, registry, study, tmp_path)
    assert [c["number"] for c in data["eligibility"]["exclusion_criteria"]] == [1, 2, 3, 4, 5, 6, 7]
    assert any("end with a remark about the criteria" in n["text"] for n in data["curation"]["notes"])


def test_a_line_that_may_head_the_exclusion_criteria_is_read_at_its_lists_own_indent() -> None:
    found = criteria_text.split(_indented("Inclusion Criteria:\n\n1. Adults\n\nExclusionary Criteria.\n\n1. Pregnancy"))
    assert found.inclusion == [{"number": 1, "text": "Adults"}] and found.unplaced
    # indented under an item, a line is no heading of a list
    found = criteria_text.split("Inclusion Criteria:\n\n1. Labs:\n\n   Contraindications:\n\n   * none\n2. Consent")
    assert [c["number"] for c in found.inclusion] == [1, 2] and not found.unplaced


def test_spaces_after_a_heading_with_its_criteria_run_in_change_nothing() -> None:
    """Before, two spaces at the end of a heading line that runs its criteria in ("Inclusion Criteria: 1. Age 18 to
    65 years; 2. ...; 3. Signed consent.  ", 117 characters and the spaces) put it over the 120 characters a
    heading is read to have: the inclusion criteria were no list, left out as words before the first heading."""
    line = (
        "Inclusion Criteria: 1. Age 18 to 65 years; 2. SLEDAI-2K ≥ 8, despite at least 2.5 years of therapy; "
        "3. Signed consent."
    )
    for spaces in ("", "  ", "\t "):
        found = criteria_text.split(f"{line}{spaces}\n\nExclusion Criteria: 1) Pregnancy; 2) Active infection.")
        assert [c["number"] for c in found.inclusion] == [1, 2, 3] and not found.unplaced, repr(spaces)


def test_a_lead_in_to_the_exclusion_criteria_is_read_at_its_lists_own_indent(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, with every line of the criteria indented by two spaces, as NCT04207047 writes its own, a lead-in
    to the exclusion criteria ("Participants are excluded if they have any of the following:", or a Spanish
    "Criterios de exclusión:") was read only at column 0: the exclusion criteria were imported as sub-criteria
    of an inclusion criterion. A lead-in is read at the indent of the list above it."""
    study = _study()
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = _indented(
        "Inclusion Criteria:\n\n1. Patient has given written informed consent.\n\n"
        "Participants are excluded if they have any of the following:\n\n1. Patient is breast feeding.\n"
        "2. Patient is human immunodeficiency virus seropositive."
    )
    elig = _imported(trials, registry, study, tmp_path)["eligibility"]
    assert elig["inclusion_criteria"] == [{"number": 1, "text": "Patient has given written informed consent."}]
    assert [c["number"] for c in elig["exclusion_criteria"]] == [1, 2]
    found = criteria_text.split(
        _indented("Inclusion Criteria:\n\n* Adults\n\nCriterios de exclusión:\n\n* Embarazo\n* Infección activa")
    )
    assert [c["text"] for c in found.exclusion] == ["Embarazo", "Infección activa"]
    # indented under an item, a line speaking of exclusion leads into no list of its own
    found = criteria_text.split("Inclusion Criteria:\n\n1. Adults:\n\n   Patients excluded if:\n\n   * aged 80\n2. X")
    assert [c["number"] for c in found.inclusion] == [1, 2] and found.exclusion == []


UNMARKED = """Inclusion Criteria:

1. Patient has given written informed consent.
2. Patient has adequate organ function, as follows:
Hemoglobin ≥ 10 g/dL
Platelet count ≥ 100,000/mm3

Exclusion Criteria:

* Patient is breast feeding.
NB-UVB phototherapy within 4 weeks
* Patient is human immunodeficiency virus seropositive."""


def test_an_unmarked_line_in_a_list_indented_throughout_is_read_as_unindented(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    """Before, with every line of the criteria indented by two spaces, as NCT04207047 writes its own, every
    unmarked line was read as a wrapped line of the item above (an indented line is one), not only those
    indented beyond it: "NB-UVB phototherapy within 4 weeks" was imported as words of the breast-feeding
    criterion, and the lines listed under "as follows:" as words of that criterion, where the same text
    unindented reads each as a criterion and as sub-criteria."""
    study = _study()
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = _indented(UNMARKED)
    elig = _imported(trials, registry, study, tmp_path)["eligibility"]
    assert (elig["inclusion_criteria"], elig["exclusion_criteria"]) == (
        (s := criteria_text.split(UNMARKED)).inclusion,
        s.exclusion,
    )
    assert [c["text"] for c in elig["exclusion_criteria"]][:2] == [
        "Patient is breast feeding.",
        "NB-UVB phototherapy within 4 weeks",
    ]
    assert len(elig["inclusion_criteria"][1]["sub_criteria"]) == 2
    # a line indented beyond the first line of its item still wraps it, however many lines it runs to
    found = criteria_text.split("Inclusion Criteria:\n\n1. SLE according to\n   the EULAR/ACR criteria\n   SLEDAI ≥ 6")
    assert found.inclusion == [{"number": 1, "text": "SLE according to the EULAR/ACR criteria SLEDAI ≥ 6"}]


def test_a_note_before_the_first_item_of_a_list_indented_throughout_is_no_criterion() -> None:
    """Before, "Note: all criteria must be met." before a list's first item was kept apart as a remark only at
    column 0: with every line indented by two spaces, as NCT04207047 writes its criteria, it was imported as
    an inclusion criterion the study does not state."""
    text = "Inclusion Criteria:\n\nNote: all criteria must be met.\n\n1. Age 18-65 years\n2. SLE"
    for indent in ("", "  "):
        found = criteria_text.split(_indented(text) if indent else text)
        assert [c["text"] for c in found.inclusion] == ["Age 18-65 years", "SLE"], repr(indent)
        assert "before the first item" in found.remarks[0]


@pytest.mark.parametrize("name", ["criteria_notes_between_items.json", "criteria_cohort_lists.json"])
def test_a_sub_heading_or_a_cohorts_label_is_read_within_a_texts_margin(name: str) -> None:
    """Before, with every line of the criteria indented by two spaces (a margin, as NCT04207047 writes its
    criteria), a sub-heading ("NOTE: the following apply to adolescents only:") and a cohort's label ("Cohort A
    (extrarenal SLE):") were read only at column 0: the note was imported as a criterion and the items under it
    as its sub-criteria, and the cohorts' criteria as one list. Within a text's margin, a line reads as at
    column 0; where the items stand deeper than the paragraphs (the classic layout), nothing changes."""
    study = json.loads((FIXTURES / "ctgov" / name).read_bytes())
    text = study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    for margin in ("  ", "    "):
        indented = "\n".join(margin + line if line.strip() else line for line in text.split("\n"))
        assert criteria_text.split(indented) == criteria_text.split(text), repr(margin)


def test_a_list_under_a_line_that_may_head_the_other_kind_is_read_as_neither() -> None:
    """Before, where an exclusion list was read elsewhere (a part's, "Part B Exclusion Criteria:"), the exclusion
    criteria under "Exclusionary Criteria." were still imported as inclusion criteria; and where the exclusion
    criteria came first, the inclusion criteria under "Inclusion Criterion" were imported as exclusion criteria,
    the line with them. Now each is left for the curator, up to the list's next heading. ("Inclusion Criterion",
    "Exclusion Criterion", "Criteria for Exclusion" and "## Exclusion" head their lists since one reader reads a
    list's heading: tests/test_helper8_one_heading_reader.py.)"""
    found = criteria_text.split(
        "Inclusion Criteria:\n\n* Adults\n\nExclusionary Criteria.\n\n* Pregnancy\n\n"
        "Inclusion Criteria (Part B):\n\n* Aged 12 to 17\n\nPart B Exclusion Criteria:\n\n* HIV"
    )
    assert [c["text"] for c in found.inclusion] == ["Adults", "Aged 12 to 17"]
    assert [c["text"] for c in found.exclusion] == ["HIV"] and found.unplaced
    found = criteria_text.split("Exclusion Criteria:\n\n* Pregnancy\n\nInclusionary Criteria:\n\n* Adults with SLE")
    assert (found.inclusion, found.exclusion, found.unplaced) == ([], [{"text": "Pregnancy"}], True)
    # a lead-in of the exclusion list that speaks of the inclusion criteria heads no list of them
    for lead_in in ("Subjects who meet the inclusion criteria but have:", "In addition to the inclusion criteria:"):
        found = criteria_text.split(f"Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n{lead_in}\n\n* HIV")
        assert [c["text"] for c in found.exclusion] == ["HIV"] and not found.unplaced, lead_in
