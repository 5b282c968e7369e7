"""Pull-request attacks on which trial a page is about: an id line the layout did not read.

A registry copy says which trial it is about on its "NCT ID: …" line, a ClinConnect page on its
"Search / Trial …" line, and a record may take a page's values only when the page is about its
trial (a page about another trial states nothing of it but its id and title). Those lines were read
by their characters as stored, and a page whose id line was not read was about no trial in
particular: so about every one. IM19's copy with a Cyrillic "С" in "NCT ID:" (or with its id
written with one, or no id line at all) shows a reader "NCT ID: NCT06513429", and vouched for a
draft of NCT06886919 holding IM19's title, status and enrolment. An id line is now read as it shows
a reader (its label's look-alikes folded, as a heading's are: reading/lookalike.py), and a page of
a layout whose id lines name no one trial plainly (`NCT` and 8 ASCII digits) is about no trial a
record may claim (pages.UNNAMED): it vouches for none of its values.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, Trials, add_source, edit
from sle_trials.reading import layouts, pages

COPY = "seeds/000_84a0f0163f21158e.txt"  # IM19's registry copy (NCT06513429)
PAGE = "seeds/004_2ad16b9ce66a0787.txt"  # Relma-cel's ClinConnect page (NCT05765006)
STUB = "trials/NCT06886919.yaml"  # a stub of a trial IM19's copy lists as related
IM19_TITLE = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
STUB_TITLE = (
    "Clinical Study Evaluating the Safety and Efficacy of IC19 CAR-T Cell Therapy for Refractory Systemic Lupus"
    " Erythematosus"
)


def _text(seed: str) -> str:
    return (REPO / seed).read_text("utf-8")


@pytest.mark.parametrize(
    "id_line",
    [
        "N\u0421T ID: NCT06513429",  # a Cyrillic capital ES in the label
        "NCT ID: N\u0421T06513429",  # ... in the id
    ],
)
def test_a_copy_whose_id_line_is_not_read_vouches_for_no_other_trial(
    registry: Path, trials: Trials, id_line: str
) -> None:
    add_source(registry, "seeds/001_copy.txt", _text(COPY).replace("NCT ID: NCT06513429", id_line, 1))
    edit(
        registry,
        STUB,
        (COPY, "seeds/001_copy.txt"),
        ("status: stub", "status: draft"),
        (f"brief_title: {STUB_TITLE}", f"brief_title: {IM19_TITLE}"),
        ("  nct_id: NCT06886919\n", ""),
    )
    with open(registry / STUB, "a", encoding="utf-8") as record:
        record.write("  overall_status: RECRUITING NA 6 participants\noverall_status: RECRUITING\n")
    result = trials("validate", registry / STUB)
    assert result.status == 1, result.out
    assert (
        "E512 evidence for overall_status: the quote is not where the source states this field: "
        "seeds/001_copy.txt is about " in result.out
    )


@pytest.mark.parametrize(
    ("seed", "old", "new", "subject"),
    [
        # a reader sees the page's own id line: it is read as one
        (COPY, "NCT ID: NCT06513429", "N\u0421T ID: NCT06513429", "NCT06513429"),
        (COPY, "NCT ID: NCT06513429", "NCT\u00a0ID:\u00a0NCT06513429", "NCT06513429"),
        (PAGE, "Search / Trial NCT05765006", "Search / Tr\u0456al NCT05765006", "NCT05765006"),
        # an id line naming no one trial plainly: the page is about none a record may claim
        (COPY, "NCT ID: NCT06513429", "NCT ID: N\u0421T06513429", "NCT06513429"),  # (lookalike.letters)
        (COPY, "NCT ID: NCT06513429", "NCT ID: NCT0651342\uff19", pages.UNNAMED),  # a full-width 9
        (COPY, "NCT ID: NCT06513429", "NCT ID: NCT06513429 NCT06886919", pages.UNNAMED),
        (COPY, "NCT ID: NCT06513429\n", "", pages.UNNAMED),  # no id line at all
        (COPY, "NCT ID: NCT06513429", "NCT ID: NCT06513429\nN\u0421T ID: NCT06886919", pages.UNNAMED),
        (COPY, "NCT ID: NCT06513429", "NCT ID: NCT06513429\nNCT  ID : NCT06886919", pages.UNNAMED),
        (PAGE, "Search / Trial NCT05765006", "Search / Trial NCT0576500\u0033\u0338", pages.UNNAMED),
        (PAGE, "Search / Trial NCT05765006\n", "", pages.UNNAMED),
    ],
)
def test_a_page_is_about_the_trial_its_id_line_shows(seed: str, old: str, new: str, subject: str) -> None:
    text = _text(seed)
    assert text.count(old) == 1
    genuine = layouts.read(seed, text.encode("utf-8"))
    marked = layouts.read(seed, text.replace(old, new).encode("utf-8"))
    assert marked.layout == genuine.layout != layouts.PLAIN
    assert marked.subject == subject
    assert marked.places["brief_title"] == genuine.places["brief_title"]
