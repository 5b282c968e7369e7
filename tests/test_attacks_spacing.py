"""Pull-request attacks on a record's spacing: white space its source does not write.

normalise() reads every run of white space as one space, on both sides, so a title "IM19  CAR-T", one
with a leading or trailing space, one broken over two lines or spaced with a tab read as the source's
title, passed, and trials.csv, the exports and the site carried spacing no source writes. A run of
spaces, a tab or a line break a record writes must stand so in a cited source (spacing.misspaced,
through documents.Sources.miswritten: E501, E502), and a one-line value starts and ends with none
(spacing.loose_end). A source's own double space copied exactly passes, and so do a summary's
paragraphs as its source breaks them (the Relma-cel record's third_party_summary).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, IM19_PATH, Trials, add_source, cited_instead, edit, place_of

IM19_COPY = "seeds/000_84a0f0163f21158e.txt"
IM19_TITLE = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('"IM19  CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"', "a double space after 'IM19'"),
        (
            '"IM19 CAR-T Cell Therapy\\nin Refractory Systemic Lupus Erythematosus (SLE)"',
            "a line break after 'Therapy'",
        ),
    ],
)
def test_spacing_the_source_does_not_write_is_refused(registry: Path, trials: Trials, written: str, said: str) -> None:
    edit(registry, IM19_PATH, (f"brief_title: {IM19_TITLE}\n", f"brief_title: {written}\n"))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, IM19_PATH, "brief_title: ")
    assert (
        f"{IM19_PATH}:{place}: E501 brief_title: the text writes {said}, and no cited source writes it so; "
        "copy the source's own characters, spaced as it spaces them"
    ) in result.out


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (f'" {IM19_TITLE}"', "a leading space"),
        (f'"{IM19_TITLE} "', "a trailing space"),
        (f'"{IM19_TITLE}\\n"', "a trailing line break"),
    ],
)
def test_white_space_at_an_end_of_a_one_line_value_is_refused(
    registry: Path, trials: Trials, written: str, said: str
) -> None:
    """Refused whatever the source writes beside the title: a one-line value holds no white space at its ends."""
    edit(registry, IM19_PATH, (f"brief_title: {IM19_TITLE}\n", f"brief_title: {written}\n"))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, IM19_PATH, "brief_title: ")
    assert (
        f"{IM19_PATH}:{place}: E501 brief_title: the text has {said}, which no one-line value holds; remove it"
    ) in result.out


def test_a_tab_in_a_title_is_refused(registry: Path, trials: Trials) -> None:
    """A tab is no character of a value at all (E005, checks/load.py), before its source is read."""
    written = '"' + IM19_TITLE.replace("IM19 ", "IM19\\t") + '"'
    edit(registry, IM19_PATH, (f"brief_title: {IM19_TITLE}\n", f"brief_title: {written}\n"))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, IM19_PATH, "brief_title: ")
    assert f"{IM19_PATH}:{place}: E005 tab character in a value (written as an escape); remove it" in result.out


def test_a_source_s_own_double_space_copied_exactly_passes(registry: Path, trials: Trials) -> None:
    """A registry copy writing its title with a double space: the record that copies it so passes, and
    one that writes three spaces there is refused."""
    page = (registry / IM19_COPY).read_text(encoding="utf-8")
    spaced = IM19_TITLE.replace("IM19 ", "IM19  ")
    assert page.count(IM19_TITLE) >= 1
    add_source(registry, "seeds/970_copy.txt", page.replace(IM19_TITLE, spaced))
    cited_instead(registry, IM19_PATH, IM19_COPY, "seeds/970_copy.txt")
    edit(registry, IM19_PATH, (f"brief_title: {IM19_TITLE}\n", f'brief_title: "{spaced}"\n'))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
    edit(registry, IM19_PATH, (f'brief_title: "{spaced}"\n', f'brief_title: "{spaced.replace("  ", "   ")}"\n'))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E501 brief_title: the text writes a run of 3 spaces after 'IM19'" in result.out


def test_an_import_keeps_the_study_s_own_spacing_and_passes(registry: Path, trials: Trials, tmp_path: Path) -> None:
    """A study whose title writes a double space and whose summary is two paragraphs: the import copies
    both as written and passes; the same title with its double space moved is refused (E501), the
    title and summary given the study's words but not its spacing."""
    study = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text(encoding="utf-8"))
    ident = study["protocolSection"]["identificationModule"]
    ident["briefTitle"] = ident["briefTitle"].replace("CAR-T Cells", "CAR-T  Cells")
    summary = study["protocolSection"]["descriptionModule"]
    summary["briefSummary"] = summary["briefSummary"].replace(" with standard", "\n\nwith standard")
    source = tmp_path / "study.json"
    source.write_text(json.dumps(study), encoding="utf-8")
    assert trials("import", "ctgov", source).status == 0
    file = registry / "trials" / "NCT09000011.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert "CAR-T  Cells" in data["brief_title"] and "\n\nwith standard" in data["brief_summary"]
    assert trials("validate", file).status == 0
    file.write_text(
        file.read_text(encoding="utf-8").replace("CAR-T  Cells Versus", "CAR-T Cells  Versus"), encoding="utf-8"
    )
    result = trials("validate", file)
    assert result.status == 1, result.out
    assert "E501 brief_title: the text writes a double space after 'Cells'" in result.out


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('"NCT ID:  NCT06513429"', "the quote writes a double space after 'ID:', and no cited source writes it so"),
        ('" NCT ID: NCT06513429"', "the quote has a leading space, which no one-line quote holds; remove it"),
    ],
)
def test_a_quote_spaced_otherwise_is_refused(registry: Path, trials: Trials, written: str, said: str) -> None:
    edit(registry, IM19_PATH, ('  nct_id: "NCT ID: NCT06513429"\n', f"  nct_id: {written}\n"))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, IM19_PATH, "  nct_id: ")
    assert f"{IM19_PATH}:{place}: E502 evidence for nct_id: {said}" in result.out


def test_spacing_written_only_in_another_trial_s_lines_is_refused(tmp_path: Path) -> None:
    """A page states the enrolment once, singly spaced, in its lines of this trial, and a double-spaced
    copy in its lines of another trial: the record's spacing was looked for anywhere in the page, and
    the copy in the other trial's lines passed. It is held to where the page states the field."""
    from test_attacks_other_trial_sentences import OWN, _codes, _press

    line = "The trial enrolled 24 participants."
    other = "A second trial, NCT09000098, tests NB-302 in myositis."
    text = _press(OWN, line, other, line.replace("enrolled 24", "enrolled  24"))
    for quote, codes in (("enrolled 24 participants", set()), ("enrolled  24 participants", {"E502"})):
        assert _codes(tmp_path, text, {"enrollment": {"count": 24}}, {"enrollment.count": quote}) == codes, quote
