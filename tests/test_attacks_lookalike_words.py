"""Pull-request attacks on the words the checks read: a word written with look-alike letters.

A source's text is read for the words around a quote: the label a date stands under, the words that
deny a term, the criteria heading an age stands under. Those words were read by their characters,
and a source writing one with a letter of another script that shows a reader the same letter (a
Cyrillic "о" in "Cоmpletion date: 2024-07-30") shows the word and was read as other words: IM19's
copy so written passed 2024-07-30 as the trial's start, the date a reader sees labelled its
completion; "IM19 CAR-T cells are nоt autologous" bound the origin AUTOLOGOUS. Text is now compared
and read with such letters as the ASCII letter they show (lookalike.letters, in layouts.normalise
after NFKC), and a record's text written with them where its source writes plain letters is refused
as a full-width letter is (E501, E502: test_attacks_nfkc.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PATH, REPO, Trials, add_source, edit
from sle_trials.reading import layouts

COPY = "seeds/000_84a0f0163f21158e.txt"  # IM19's registry copy
BASIC = "RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31"  # its Basic Information


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("C\u043empletion date", "Completion date"),  # a Cyrillic small O
        ("\u0399nclusion \u0421riteria", "Inclusion Criteria"),  # a Greek capital IOTA (an I, not an l), a Cyrillic ES
        ("\u0456s n\u03bft", "is not"),  # a Cyrillic small I, a Greek small OMICRON
        # what shows no ASCII letter reads as written: a Cyrillic ZE is no 3, a micro sign no u
        ("\u04170 participants", "\u04170 participants"),
        ("10 \u00b5g/kg", "10 \u03bcg/kg"),  # (NFKC writes the micro sign as the Greek MU)
        ("\u03b2-cell", "\u03b2-cell"),
    ],
)
def test_a_look_alike_letter_reads_as_the_letter_it_shows(text: str, read: str) -> None:
    assert layouts.normalise(text) == read
    assert layouts.literal(text) == text


def test_a_date_under_a_label_written_with_look_alikes_is_read_under_it(registry: Path, trials: Trials) -> None:
    label = "C\u043empletion date: "
    text = (
        (REPO / COPY).read_text("utf-8").replace("INTERVENTIONAL\n2024-07-30\n", f"INTERVENTIONAL\n{label}2024-07-30\n")
    )
    add_source(registry, "seeds/001_copy.txt", text)
    labelled = BASIC.replace("2024-07-30", label + "2024-07-30")
    edit(
        registry,
        IM19_PATH,
        (f"file: {COPY}", "file: seeds/001_copy.txt"),
        (f"dates.start.date: {BASIC}", 'dates.start.date: "2024-07-30"'),  # a reader sees its completion
        (f"dates.completion.date: {BASIC}", 'dates.completion.date: "2027-12-31"'),
    )
    record = registry / IM19_PATH
    record.write_text(record.read_text("utf-8").replace(BASIC, json.dumps(labelled, ensure_ascii=False)), "utf-8")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E509 dates.start.date: the quote gives 2024-07-30 as 'Completion date' (dates.completion)" in result.out


def test_a_record_writing_look_alikes_its_source_does_not_is_refused(registry: Path, trials: Trials) -> None:
    edit(registry, IM19_PATH, ("brief_title: IM19 CAR-T", "brief_title: I\u041c19 CAR-T"))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert (
        "E501 brief_title: the text writes '\u041c' (U+041C CYRILLIC CAPITAL LETTER EM), which reads as 'M'"
        in result.out
    )


def test_a_plain_pages_trial_line_written_with_look_alikes_ends_the_trial_before_it() -> None:
    # a reader sees a line naming another trial: what follows it is that trial's, not IM19's
    text = (
        "Trial NCT06513429: IM19 CAR-T Cell Therapy. Status: Recruiting.\n"
        "Trial N\u0421T06886919: another study. Status: Completed.\n"
    )
    doc = layouts.read("seeds/001_review.txt", text.encode("utf-8"))
    assert doc.trials == {"NCT06513429", "NCT06886919"}
    assert [p.text for p in doc.sections["NCT06513429"]] == [
        "Trial NCT06513429: IM19 CAR-T Cell Therapy. Status: Recruiting."
    ]


@pytest.mark.parametrize(
    ("role", "written"),
    [
        ("Principal Investigator", "Principal Inv\u0435stigator"),  # a Cyrillic small IE
        ("Study Chair", "Study \u0421hair"),  # a Cyrillic capital ES
    ],
)
def test_a_layout_reads_its_lines_words_as_shown(role: str, written: str) -> None:
    # a ClinConnect page's official whose role line held a look-alike was no official: a complete
    # record passed without the official a reader sees (E519 counts the page's rows)
    page = "seeds/004_2ad16b9ce66a0787.txt"
    text = (REPO / page).read_text("utf-8")

    def read(line: str) -> layouts.SourceDoc:
        official = f"Trial Officials\n\nEve Mallory\n\n{line}\n\nA Hospital\n\n"
        return layouts.read(page, text.replace("Trial Officials\n\n", official, 1).encode("utf-8"))

    genuine, marked = read(role), read(written)
    assert len(genuine.rows["officials"]) == 4
    assert marked.rows == genuine.rows and marked.places == genuine.places


@pytest.mark.parametrize("heading", ["\u0395xclusion Criteria", "Exclusion\u200b Criteria"])  # a Greek EPSILON; a ZWSP
def test_a_studys_criteria_heading_written_with_look_alikes_heads_its_list(heading: str) -> None:
    # a ClinicalTrials.gov study's criteria text is split at its headings (criteria_text.split): with a
    # Greek capital EPSILON in "Exclusion Criteria", its 4 exclusion criteria were read as inclusion ones
    study = (REPO / "tests" / "fixtures" / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8")
    assert study.count("Exclusion Criteria") == 1
    marked = layouts.read("seeds/x.json", study.replace("Exclusion Criteria", heading).encode("utf-8"))
    assert marked.criteria == layouts.read("seeds/x.json", study.encode("utf-8")).criteria
    assert len(marked.criteria["exclusion_criteria"]) == 4


@pytest.mark.parametrize("markdown", [False, True])
def test_the_review_summary_shows_a_look_alike_for_what_it_is(markdown: bool) -> None:
    # a title changed from "IM19" to "IМ19" (a Cyrillic EM) was summarised as reworded into the same words
    from sle_trials.curate import changes

    change = changes.Change("brief_title", "reworded", "IM19 CAR-T", "I\u041c19 CAR-T")
    assert "I\\u041c19 CAR-T" in changes.phrase(change, markdown=markdown)
    assert changes.unmasked("1×10^6/kg ≥ 2 m² μg résumé ①") == "1×10^6/kg ≥ 2 m² μg résumé ①"  # shown as written
    assert changes.unmasked("4\u0417 kg") == "4\\u0417 kg"  # a Cyrillic ZE, which shows a 3
