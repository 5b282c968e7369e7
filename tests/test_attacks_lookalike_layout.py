"""Pull-request attacks on a source's layout: a heading written with look-alike letters.

A registry copy is known by its headings and a ClinConnect page by its first word, and a field's place
is the section a heading opens. "Eligibility Criteria" written with a Cyrillic "Е" (U+0415), or
"ClinConnect" with a Cyrillic "С", shows a reader the same page, but was read as plain text, where a
quote may stand anywhere: a copy of IM19's page so written vouched for a stub of NCT06886919 under
the title of the related trial listed after it, as a zero-width space did (test_attacks_invisible_layout).
A line that has a heading's skeleton (Unicode TR39's confusables, reading/lookalike.py) is now read
as that heading: the page is read as a reader sees it.
"""

from __future__ import annotations

from conftest import REPO
from sle_trials.reading import layouts, lookalike

COPY = "seeds/000_84a0f0163f21158e.txt"  # IM19's registry copy
PAGE = "seeds/004_2ad16b9ce66a0787.txt"  # Relma-cel's ClinConnect page


def _text(seed: str) -> str:
    return (REPO / seed).read_text("utf-8")


def test_a_criteria_heading_is_read_in_any_case_with_look_alikes() -> None:
    text = _text(COPY).replace("consent form.\nExclusion Criteria\n", "consent form.\nexclusion criteria\n")
    genuine = layouts.read(COPY, text.encode("utf-8"))
    marked = layouts.read(COPY, text.replace("exclusion criteria\n", "exclusion criteri\u0430\n").encode("utf-8"))
    assert len(genuine.criteria["exclusion_criteria"]) == 12
    assert marked.criteria == genuine.criteria


def test_a_skeleton_is_no_looser_than_its_look_alikes() -> None:
    assert lookalike.skeleton("Eligibility Criteria") != lookalike.skeleton("Eligibility Criterion")
    assert lookalike.skeleton("Locations") != lookalike.skeleton("LOCATIONS")  # a reader tells case apart
    assert lookalike.skeleton("Locations") != lookalike.skeleton("Loc ations")
