"""A field left out and declared silent whose note names the source's words but gives no reason.

A field a source states may be declared silent where a note on it names the source's words and says
why they are not its value ("The page's 6 participants counts the first cohort only"). Any note that
named the words excused it:

- a reading note left behind: Relma-cel's notes on its keywords ("runs the keywords together on one
  line (...); kept as one entry") and its phase ("says "early phase (Phase I)"; recorded as PHASE1")
  say how the words were recorded, a reading of a value the record holds; with the value left out
  and the field declared silent, they still named the words;
- the value moved into a note: IM19's enrollment, sex, healthy volunteers, sponsor class, route or
  responsible party left out, declared silent, and given as a note on the field ("6 participants",
  "Sex: ALL", the evidence quote "18 Years 65 Years ALL No") passed.

A note now excuses only where it gives a reason in its own words (a denial, a limit, a deferral,
another's: "not", "only", "ambiguous", "left to a later curation"), besides the words it names and
the runs of the source's words it copies (the "No" of "18 Years 65 Years ALL No" is the page's), and
says nothing of them recorded, kept or read as the value ("not recorded as", "read as none" still
explain).
"""

from __future__ import annotations

import mutations
import pytest
from conftest import DATA_ROOT, silenced

IM19 = "trials/NCT06513429.yaml"
RELMA = "trials/NCT05765006.yaml"
RELMA_KEYWORDS = "Relma Cel Systemic Lupus Erythematosus Cd19 Cart"


@pytest.fixture(scope="module")
def checks() -> mutations.Checks:
    return mutations.Checks(DATA_ROOT)


@pytest.mark.parametrize("name", ["keywords", "phases"])
def test_a_field_declared_silent_beside_its_reading_note_is_refused(checks: mutations.Checks, name: str) -> None:
    assert "E523" in checks.codes(RELMA, silenced(RELMA, name))


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("keywords", f'The source\'s line "{RELMA_KEYWORDS}"; recorded as one keyword.'),
        ("keywords", f'The source\'s "{RELMA_KEYWORDS}" is read as the keywords.'),
        ("phases", 'The summary\'s "early phase (Phase I)" taken as PHASE1.'),
    ],
)
def test_other_reading_notes_excuse_no_silence(checks: mutations.Checks, name: str, note: str) -> None:
    assert "E523" in checks.codes(RELMA, silenced(RELMA, name, note))


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("enrollment", "6 participants"),
        ("enrollment", "The source gives 6 participants."),
        ("enrollment", "The page's 6 participants is the enrollment."),
        ("eligibility.sex", "Sex: ALL"),
        ("eligibility.sex", "18 Years 65 Years ALL No"),  # the page's "No" is no reason
        ("eligibility.healthy_volunteers", "The page says No."),
        ("sponsor.class", "OTHER"),
        ("responsible_party", "Mu Rong, Chief of Department of Rheumatology and Immunology"),
        ("design", "NA SINGLE_GROUP TREATMENT NONE"),  # nor is its "NONE"
        ("results_posted", "The study team has not published outcome measurements"),  # nor its "not"
    ],
)
def test_a_value_moved_into_its_note_is_refused(checks: mutations.Checks, name: str, note: str) -> None:
    assert "E523" in checks.codes(IM19, silenced(IM19, name, note))


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("eligibility.lupus_nephritis", "Severe lupus nephritis"),
        ("eligibility.classification_criteria", "1997 revised criteria of the American College of Rheumatology (ACR)"),
        (
            "eligibility.autoantibodies",
            "antinuclear antibodies, and/or anti-DS-DNA antibodies, and/or anti-Smith antibodies",
        ),
    ],
)
def test_a_criteria_value_moved_into_its_note_is_refused(checks: mutations.Checks, name: str, note: str) -> None:
    """The same of a value the criteria state (silence.stated reads the notes on the field for what
    they name away): Relma-cel's severe lupus nephritis, ACR 1997 and antibodies given as notes."""
    assert "E523" in checks.codes(RELMA, silenced(RELMA, name, note))


@pytest.mark.parametrize(
    ("shown", "name", "note"),
    [
        (
            RELMA,
            "eligibility.lupus_nephritis",
            "Exclusion 1's severe lupus nephritis is left to a later curation, with the other lupus crises.",
        ),
        # honest neighbours: the note names the words and says, in its own words, why they are not the value
        (
            RELMA,
            "keywords",
            f'The line "{RELMA_KEYWORDS}" runs several keywords together; it is not recorded as keywords '
            "until the registry lists them apart.",
        ),
        (RELMA, "keywords", f"The page's \"{RELMA_KEYWORDS}\" is ClinConnect's tag line, not the keywords."),
        (RELMA, "phases", "The summary's \"early phase (Phase I)\" is ClinConnect's, read as none until the registry."),
        (IM19, "enrollment", "The page's 6 participants counts the first cohort only."),
        (IM19, "enrollment", "The page's 6 participants is left out until the registry says which count it is."),
        (IM19, "eligibility.healthy_volunteers", "Left out; the page's No is ambiguous."),
    ],
)
def test_a_note_saying_why_the_words_are_not_the_value_still_excuses(
    checks: mutations.Checks, shown: str, name: str, note: str
) -> None:
    assert checks.codes(shown, silenced(shown, name, note)) == set()
