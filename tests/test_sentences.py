"""The one sentence reader of prose (reading/sentences.py): where a stop ends a sentence, and where a
quote's sentence ends."""

from __future__ import annotations

import pytest
from sle_trials.reading import sentences

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
    assert text[lo:hi] == "Age: 18 Years"
