"""The one sentence reader of prose (reading/sentences.py): where a stop ends a sentence, which of a
plain document's lines end one with no stop (a headline, a label's line, a line in capitals, the line
before a blank line, a list's mark or a label), while prose broken across lines reads whole, and where
a quote's sentence ends."""

from __future__ import annotations

import pytest
from sle_trials.reading import layouts, sentences
from sle_trials.reading.layouts import normalise

HEADLINE = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stop ends a sentence before a capital, not before a number or after a title before a name
        ("It began Dec. 1, 2026. Dr. Anna Berg leads it.", ["It began Dec. 1, 2026.", "Dr. Anna Berg leads it."]),
        # a semicolon ends one (SENTENCES), not for a site's texts (STOPS)
        ("Sites in Beijing, China: A; B.", ["Sites in Beijing, China: A;", "B."]),
    ],
)
def test_a_stop_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences.split(text) == expected


def test_a_semicolon_ends_no_sentence_of_a_sites_texts() -> None:
    text = "Sites in Beijing, China: A; B."
    assert sentences.split(text, stops=sentences.STOPS) == [text]


def _read(text: str) -> list[str]:
    """The sentences of a plain document of text, as the prose readers cut them."""
    doc = layouts.read("seeds/900_plain.txt", text.encode())
    assert doc.layout == layouts.PLAIN
    return sentences.split(doc.text if doc.prose is None else doc.prose)


def test_a_headline_and_a_label_line_end_their_sentences() -> None:
    population = "Lupus affects about 300,000 patients in the United States."
    text = f"{HEADLINE}\nLast Updated: 2025-08-17\n{population}\n"
    assert _read(text) == [HEADLINE, "Last Updated: 2025-08-17", population]


@pytest.mark.parametrize(
    "headline",
    [
        "RECRUITING",
        "NORTHBRIDGE DOSES FIRST PATIENT IN PHASE 1 TRIAL OF NB-301",
        "Northbridge Doses First Patient in Phase 1 Trial of NB-301",
        "Northbridge Doses First Patient in Phase I Study of NB-301 in SLE",
    ],
)
def test_a_line_in_capitals_or_a_headline_ends_its_sentence(headline: str) -> None:
    assert _read(f"{headline}\nLupus affects about 300,000 patients.\n") == [
        headline,
        "Lupus affects about 300,000 patients.",
    ]


@pytest.mark.parametrize("between", ["\n\n", "\n- ", "\n1. ", "\n2) ", "\n• ", "\nEnrollment: "])
def test_a_line_before_a_new_block_ends_its_sentence(between: str) -> None:
    # a blank line, a list's mark, a label: the line before them ends with no stop
    found = _read(f"Northbridge doses first patient{between}the trial enrols 24 patients.\n")
    assert found[0] == "Northbridge doses first patient"


@pytest.mark.parametrize(
    "text",
    [
        "Across 12 sites in the United States, 24 patients will be\nenrolled in the trial.\n",
        "Lupus affects about 300,000 patients\nin the United States.\n",
        # a wrapped line going on in a capital (a name) is still the sentence's
        "The trial is led by\nAnna Berg of Northbridge University Hospital.\n",
        "The trial is enrolling at Northbridge University Hospital in\nColumbus, Ohio.\n",
        "The trial enrolls at sites in Berlin and Munich in\nGermany.\n",
        "Northbridge said the trial will enroll 24 patients at Charité\nUniversity Medicine Berlin.\n",
        # a label's value wrapped onto a line going on in lower case
        "Primary outcome: SRI-4 response at week 24 and the change\nin SLEDAI-2K score.\n",
        # a line ending with a comma or a joining word goes on, a label's line too
        "Lupus affects women,\nMostly of childbearing age.\n",
        "Primary outcome: SRI-4 response at week 24 and\nSLEDAI-2K change.\n",
        # a list's line wrapped onto a line of its own
        "- NB-301 is manufactured in\nBoston, Massachusetts.\n",
    ],
)
def test_prose_broken_across_lines_reads_as_one_sentence(text: str) -> None:
    assert _read(text) == [normalise(text)]


def test_a_sentence_ending_at_its_line_cuts_the_same_after_a_stop_inside_it() -> None:
    # a headline with a stop inside: its last sentence ends at the line's end
    text = "Northbridge Inc. Announces Results. Phase 1 Data\n\nLupus affects about 300,000 patients.\n"
    assert _read(text)[-2:] == ["Phase 1 Data", "Lupus affects about 300,000 patients."]


def test_a_lines_end_is_marked_at_its_own_place_only() -> None:
    # the page's last line "A second trial" ends a sentence; the body's same words run on (3a65178 cut
    # any sentence starting with them)
    body = "A second trial of NB-301 in lupus enrolled 120 participants."
    assert _read(f"{body}\n\nContact\n\nA second trial\n") == [body, "Contact", "A second trial"]


def test_a_list_line_after_a_stop_starts_a_sentence() -> None:
    text = "NB-301 is given in Columbus.\n- NB-301 manufactured in Boston\n- Enrolling in Berlin, Germany\n"
    assert _read(text) == [
        "NB-301 is given in Columbus.",
        "- NB-301 manufactured in Boston",
        "- Enrolling in Berlin, Germany",
    ]


def test_a_text_of_no_document_is_cut_at_its_stops_only() -> None:
    assert sentences.split(f"{HEADLINE} Lupus affects about 300,000 patients.") == [
        f"{HEADLINE} Lupus affects about 300,000 patients."
    ]


def test_a_quotes_sentence_ends_at_a_stop_not_a_decimal_point() -> None:
    quote = "Weight under 40.5 kg. Patients over 70 years are excluded! Other text"
    at = quote.index("70")
    assert sentences.in_quote(quote, at, at + 2) == " Patients over 70 years are excluded"
    at = quote.index("40.5")
    assert sentences.in_quote(quote, at, at + 4) == "Weight under 40.5 kg"


def test_a_quotes_sentence_ends_where_its_text_likely_broke_a_line() -> None:
    # "Minimum Age: 18 Years" and "Severe lupus nephritis is excluded." were two lines
    text = "Minimum Age: 18 Years Severe lupus nephritis is excluded."
    lo, hi = sentences.around(text, text.index("18"), text.index("18") + 8)
    assert text[lo:hi] == "Minimum Age: 18 Years"  # (no line's end guessed inside the label, review29)


@pytest.mark.parametrize(
    ("text", "quote", "sentence"),
    [  # no line is guessed to end on a word no sentence ends on, nor before an abbreviation in capitals
        ("Diagnosed with SLE before their 18th birthday.", "before", "Diagnosed with SLE before their 18th birthday"),
        ("Refractory SLE before age 18", "before", "Refractory SLE before age 18"),
        ("Treated with Benlysta for 6 months", "for", "Treated with Benlysta for 6 months"),
        ("Minimum Age: 18 Years Severe lupus nephritis", "nephritis", "Severe lupus nephritis"),  # a line's guess
        ("Age 18 Years Rituximab within 6 months", "within", "Rituximab within 6 months"),
    ],
)
def test_a_line_is_guessed_to_break_only_where_a_sentence_may_end(text: str, quote: str, sentence: str) -> None:
    at = text.index(quote)
    lo, hi = sentences.around(text, at, at + len(quote))
    assert text[lo:hi] == sentence
