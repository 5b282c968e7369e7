"""Pull-request attacks on a source's layout: an invisible character that unmakes a heading.

A layout is known by its lines (a registry copy by its headings, a ClinConnect page by its first
line), and a field's place is the section a heading opens. The lines were compared as stored, while
every text the checks compare leaves invisible characters out (layouts.normalise): a zero-width
space after a registry copy's "Eligibility Criteria", or a byte-order mark before a ClinConnect
page's "ClinConnect", left a page that shows a reader every heading read as plain text, where a
quote may stand anywhere and a trial's lines run from a line naming it to the next line naming any;
a soft hyphen after "Locations" left the page's sites no place. A copy of IM19's page so marked (the
same words to a reviewer) vouched for a stub of NCT06886919 under the title of the related trial
listed after it. A layout's lines are now read as a reader sees them (layouts._visible). So are its line ends: with a
line separator (U+2028) for the line end before "Exclusion Criteria", IM19's copy read its 12
exclusion criteria as inclusion criteria.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, Trials, add_source, edit
from sle_trials.reading import layouts

COPY = "seeds/000_84a0f0163f21158e.txt"  # IM19's registry copy
PAGE = "seeds/004_2ad16b9ce66a0787.txt"  # Relma-cel's ClinConnect page
STUB = "trials/NCT06886919.yaml"
NEXT_TITLE = "Anti-CD19 Chimeric Antigen Receptor T Cells for Refractory Systemic Lupus Erythematosus"  # NCT06585514's


def _text(seed: str) -> str:
    return (REPO / seed).read_text("utf-8")


@pytest.mark.parametrize(
    "heading",
    [
        "Eligibility Criteria\u200b\n",  # a zero-width space after it
        "\u0415ligibility Criteria\n",  # a Cyrillic capital IE for its E (test_attacks_lookalike_layout.py)
    ],
)
def test_a_copy_marked_invisibly_vouches_for_no_other_trials_title(
    registry: Path, trials: Trials, heading: str
) -> None:
    marked = _text(COPY).replace("Eligibility Criteria\n", heading, 1)
    add_source(registry, "seeds/001_copy.txt", marked)
    old_title = "brief_title: Clinical Study Evaluating the Safety and Efficacy of IC19 CAR-T Cell Therapy"
    edit(
        registry,
        STUB,
        (COPY, "seeds/001_copy.txt"),
        (old_title + " for Refractory Systemic Lupus Erythematosus", f"brief_title: {NEXT_TITLE}"),
    )
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert "E512 brief_title: not where the source states it: seeds/001_copy.txt is about NCT06513429" in result.out


@pytest.mark.parametrize(
    ("seed", "old", "new"),
    [
        (COPY, "Eligibility Criteria\n", "Eligibility Criteria\u200b\n"),  # zero-width space
        (COPY, "\nLocations\n", "\nLocations\u00ad\n"),  # soft hyphen
        (COPY, "\nSponsors\n", "\n\u2060Sponsors\n"),  # word joiner
        (COPY, "IM19 CAR-T Cell Therapy", "\ufeffIM19 CAR-T Cell Therapy"),  # byte-order mark
        (PAGE, "ClinConnect ClinConnect Logo", "\ufeffClinConnect ClinConnect Logo"),
        (PAGE, "ClinConnect ClinConnect Logo", "\u200bClinConnect ClinConnect Logo"),
        (PAGE, "\nLocations\n", "\nLocations\u200c\n"),  # zero-width non-joiner
        (PAGE, "\nTrial Officials\n", "\n\u180eTrial Officials\n"),  # Mongolian vowel separator
        # a line ended by what a reader takes for a line break too: the heading after it is a heading
        (COPY, "consent form.\nExclusion Criteria\n", "consent form.\u2028Exclusion Criteria\n"),
        (COPY, "consent form.\nExclusion Criteria\n", "consent form.\u2029Exclusion Criteria\n"),
        (COPY, "consent form.\nExclusion Criteria\n", "consent form.\x85Exclusion Criteria\n"),
        (COPY, "consent form.\nExclusion Criteria\n", "consent form.\x0cExclusion Criteria\r\n"),
        (PAGE, "\n\nLocations\n", "\n\x0bLocations\r"),
        # look-alike letters in its headings (reading/lookalike.py, test_attacks_lookalike_layout.py)
        (COPY, "Eligibility Criteria\n", "\u0415ligibility Criteria\n"),  # Cyrillic capital IE
        (COPY, "Eligibility Criteria\n", "EIigibility Criteria\n"),  # capital I for small L
        (COPY, "Eligibility Criteria\n", "Eligibility\u00a0Criteria\n"),  # no-break space
        (COPY, "Eligibility Criteria\n", "\uff25ligibility Criteria\n"),  # fullwidth E
        (COPY, "\nSponsors\n", "\nSp\u043ensors\n"),  # Cyrillic small O
        (COPY, "\nBrief Summary\n", "\nBrief Surnrnary\n"),  # "rn" for "m"
        (COPY, "consent form.\nExclusion Criteria\n", "consent form.\nExclusion Criteri\u0430\n"),
        (PAGE, "ClinConnect ClinConnect Logo", "\u0421linConnect ClinConnect Logo"),  # Cyrillic capital ES
        (PAGE, "\nLocations\n", "\nL\u03bfcations\n"),  # Greek small omicron
    ],
)
def test_a_page_is_read_alike_whatever_invisible_characters_or_look_alikes_it_holds(
    seed: str, old: str, new: str
) -> None:
    text = _text(seed)
    assert text.count(old) == 1
    genuine = layouts.read(seed, text.encode("utf-8"))
    marked = layouts.read(seed, text.replace(old, new).encode("utf-8"))
    assert marked.layout == genuine.layout != layouts.PLAIN
    assert marked.places == genuine.places
    assert marked.rows == genuine.rows and marked.criteria == genuine.criteria


def test_a_heading_a_bidirectional_control_reorders_is_no_heading() -> None:
    # shown reversed ("airetirC ytilibigilE"), it is no heading a reader sees
    text = _text(COPY).replace("Eligibility Criteria\n", "\u202eEligibility Criteria\u202c\n", 1)
    assert layouts.read(COPY, text.encode("utf-8")).layout == layouts.PLAIN


def test_an_exclusion_heading_after_a_line_separator_heads_the_exclusion_criteria() -> None:
    text = _text(COPY).replace("consent form.\nExclusion Criteria\n", "consent form.\u2028Exclusion Criteria\n")
    criteria = layouts.read(COPY, text.encode("utf-8")).criteria
    assert (len(criteria["inclusion_criteria"]), len(criteria["exclusion_criteria"])) == (8, 12)
