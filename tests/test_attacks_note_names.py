"""A name a curation note writes in its own words is one its sources write or its record holds (E501;
checks/remark_names.py, lexicon/note_names.py). Mutation hunt 206 rewrote Relma-cel's note "The source lists one
location (Shanghai, China)" to "(Beijing, China)", and its officials' "Wuhan and Shanghai hospitals" to "Beijing
and Shanghai hospitals": both passed, and the real note's "Wuhan" was itself a fact no source writes (mended in
ea60e967; the frozen registry of the tests is mended alike). Each refused case below is a curated record with one
note's name changed; each passing one, a note naming what the source or the record does, in the ways honest notes
write it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, add_source, codes_with_a_note_rewritten

LOCATION = "The source lists one location (Shanghai, China)"
HOSPITALS = "the officials' affiliations name two hospitals"
TREATMENT = "The source names the treatment Relma-cel"
MILESTONES = "in Basic Information;"
COPY = "copy of the ClinicalTrials.gov record"
WINDOW = "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions."

UNNAMED = [
    # a place, a hospital, a product, a section, a registry its source does not name
    (RELMA_PATH, LOCATION, "The source lists one location (Hangzhou, China)"),
    (RELMA_PATH, LOCATION, "The source lists one location (Shanghai, Korea)"),
    (RELMA_PATH, HOSPITALS, "the officials' affiliations are in Wuhan and Shanghai hospitals"),
    (RELMA_PATH, HOSPITALS, "the officials' affiliations name Ruijin Hospital"),
    (RELMA_PATH, TREATMENT, "The source names the treatment Axi-cel"),
    (IM19_PATH, MILESTONES, "in Trial Timeline;"),
    (IM19_PATH, COPY, "copy of the ChiCTR record"),
    # words the source writes, but not as one name ("Renji Hospital Shanghai ..." is the source's)
    (RELMA_PATH, LOCATION, "The source lists one location (Shanghai Renji Hospital, China)"),
    # a sentence opened by a name of two words, one of them the source's
    (IM19_PATH, WINDOW, WINDOW + " Beijing Hospital runs the trial."),
    # a name after an abbreviation's stop, read within its sentence as the sentence reader reads it (sentences.py)
    (RELMA_PATH, LOCATION, "The source lists one location, excl. Beijing"),
    (RELMA_PATH, LOCATION, "The source lists one location, approx. Hangzhou"),
    (RELMA_PATH, LOCATION, "The source lists one location, viz. Hangzhou"),
    (RELMA_PATH, LOCATION, "The source lists one location, incl. Hangzhou"),
    # a code no check of the tool's has, as a name (the importer's notes name the checks' codes)
    (IM19_PATH, WINDOW, WINDOW + " The check's E999 does not apply."),
    (IM19_PATH, WINDOW, WINDOW + " See W123."),
]


@pytest.mark.parametrize(("shown", "old", "new"), UNNAMED, ids=[new for _, _, new in UNNAMED])
def test_a_name_no_source_writes_is_refused(registry: Path, shown: str, old: str, new: str) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, shown, old, new)


NAMED = [
    # the source's names, in another case or with other marks between their words
    (RELMA_PATH, LOCATION, "The source lists one location (SHANGHAI, China)"),
    (RELMA_PATH, LOCATION, "The source lists one location (Shanghai China)"),
    (IM19_PATH, WINDOW, WINDOW + " The sponsor is Peking University Third Hospital."),
    # a sentence's first word, a month, a code of the schema's, the registry a copy is of
    (IM19_PATH, WINDOW, WINDOW + " Both lists are kept as written."),
    (IM19_PATH, WINDOW, WINDOW + " Where the source is silent, nothing is recorded."),
    (IM19_PATH, WINDOW, WINDOW + " The page was read in March."),
    (IM19_PATH, WINDOW, WINDOW + " Its phase is not recorded as EARLY_PHASE1."),
    (IM19_PATH, COPY, "copy of the CT.gov record"),
    (IM19_PATH, WINDOW, WINDOW + " The check's E501 does not apply."),
    (RELMA_PATH, LOCATION, "The source lists one location, viz. Shanghai"),
    (RELMA_PATH, LOCATION, "The source lists one location, incl. Shanghai, China"),
    # what the record holds (its facility as its source spells it), and a name inside a quotation
    (IM19_PATH, WINDOW, WINDOW + " Peking Universitiy Third Hospital is its one site."),
    (RELMA_PATH, HOSPITALS, 'the officials\' affiliations name "Renji Hospital Shanghai Jiaotong University"'),
]


@pytest.mark.parametrize(("shown", "old", "new"), NAMED, ids=[new for _, _, new in NAMED])
def test_a_name_a_source_writes_or_the_record_holds_passes(registry: Path, shown: str, old: str, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, shown, old, new) == set()


@pytest.mark.parametrize(
    ("new", "codes"),
    [
        ("It cites a Phase I/II study.", set()),
        ("It cites a Phase 1/2 study.", set()),
        ("It cites a Phase I/III study.", {"E501"}),
        ("It cites a Phase II/III study.", {"E501"}),
    ],
)
def test_numerals_a_slash_joins_are_read_as_one_name(registry: Path, new: str, codes: set[str]) -> None:
    """A note's "Phase I/II" where its source writes "Phase 1/2": split at the slash, the lone "II" was looked for as
    written and refused (a lone numeral's digits would be any of the source's). Joined, the name's numerals are read
    as the source's digits in their order. (A study the note cites: "It is a Phase 1/2 study" gives the trial's own
    phases, which IM19's record holds as NA: remark_prose, hunt 211.) The IM19 source (a copy under the test's
    registry) gets a line added: a test input, no fact of the study."""
    seed = "seeds/000_84a0f0163f21158e.txt"
    add_source(registry, seed, (registry / seed).read_text(encoding="utf-8") + "\nStudy phase: Phase 1/2\n")
    assert codes_with_a_note_rewritten(registry, IM19_PATH, WINDOW, f"{WINDOW} {new}") == codes
