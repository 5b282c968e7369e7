"""A name a curation note gives a part in the trial is the record's in that part (E501; lexicon/note_parties.py,
checks/remark_parts.check_remark_parts). Mutation hunt 207 rewrote Relma-cel's note to say "The sponsor is Renji
Hospital Shanghai Jiaotong University School of Medical", an official's affiliation its source writes: it passed
beside the record's sponsor, Shanghai Ming Ju Biotechnology, a note's names being held only to a source writing them
somewhere. Each case is a curated record of the frozen registry with one note's words changed; the names are ones
the record's source writes, so that only the part given them is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, codes_with_a_note_rewritten
from sle_trials.reading.lexicon import note_parties

PHASE = "recorded as PHASE1"  # a sentence of Relma-cel's phases note
WINDOW = "Exclusion criterion 8's window of 6 months covers its whole list of heart conditions."  # IM19's


def relma(added: str) -> tuple[str, str, str]:
    return (RELMA_PATH, PHASE, f"{PHASE}. {added}")


def im19(added: str) -> tuple[str, str, str]:
    return (IM19_PATH, WINDOW, f"{WINDOW} {added}")


GIVEN_ANOTHER = [
    relma("The sponsor is Renji Hospital Shanghai Jiaotong University School of Medical."),
    relma("The trial is sponsored by Renji Hospital."),
    relma("Renji Hospital sponsors the trial."),
    relma("Renji Hospital is its sponsor."),
    relma('Its sponsor, "Renji Hospital", is named once.'),
    relma("The only site is Renji Hospital."),
    relma("Beijing hosts the only site."),  # a name of one word opening a sentence, which remark_names does not read
    relma("The trial is hosted by Renji Hospital."),
    im19("The sponsor is Mu Rong."),
    im19("The responsible party is Peking University."),
    im19("Its only site is Peking University Health Science Center."),
]


@pytest.mark.parametrize(("shown", "old", "new"), GIVEN_ANOTHER, ids=[new.split(". ")[-1] for *_, new in GIVEN_ANOTHER])
def test_a_name_given_a_part_the_record_gives_another_is_refused(
    registry: Path, shown: str, old: str, new: str
) -> None:
    assert "E501" in codes_with_a_note_rewritten(registry, shown, old, new)


GIVEN_ITS_OWN = [
    relma("The sponsor is Shanghai Ming Ju Biotechnology Co., Ltd."),
    relma("Ming Ju Biotechnology sponsors the trial."),
    relma("Its only site is in Shanghai."),  # a place it is in, no name given the part
    relma("Shanghai is its only site."),
    im19("The sponsor is Peking University Third Hospital."),
    im19('The sponsor is "Peking University Third Hospital".'),
    im19("The responsible party is Mu Rong."),
    im19("Dr Mu Rong is the responsible party."),  # a title before the name
    im19("The responsible party is Prof. Mu Rong."),
    im19("Beijing is its only site."),
    im19("IM19 is run by Peking University Third Hospital."),
    im19('The sponsor is spelled "Peking University Third Hospital" in the same source.'),  # the real note's words
]


@pytest.mark.parametrize(("shown", "old", "new"), GIVEN_ITS_OWN, ids=[new.split(". ")[-1] for *_, new in GIVEN_ITS_OWN])
def test_a_name_given_its_own_part_passes(registry: Path, shown: str, old: str, new: str) -> None:
    assert codes_with_a_note_rewritten(registry, shown, old, new) == set()


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("The sponsor is Acme Bio.", [("sponsor", "Acme Bio.")]),
        ("IM19 is sponsored by the Acme Foundation.", [("sponsor", "Acme Foundation.")]),
        ("Acme Bio is the trial's sponsor.", [("sponsor", "Acme Bio")]),
        ("Its lead sponsor was Acme Bio.", [("sponsor", "Acme Bio.")]),
        ("The only centre is Acme Hospital.", [("site", "Acme Hospital.")]),
        ("Acme Hospital hosts the trial.", [("site", "Acme Hospital")]),
        ("The responsible party is Dr Berg.", [("responsible party", "Berg.")]),
        # no name given a part: "run by" (the sponsor's or another's), a verb before the name, a lower-case word
        ("IM19 is run by Acme Hospital.", []),
        ('The sponsor is spelled "Acme" there.', []),
        ("The sponsor is not named.", []),
        ("The site is in Beijing.", []),
    ],
)
def test_the_part_a_note_gives_a_name_is_read(text: str, given: list[tuple[str, str]]) -> None:
    assert [tuple(g) for g in note_parties.given(text)] == given
