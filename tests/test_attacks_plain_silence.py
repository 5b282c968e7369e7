"""Pull-request attacks that declare silent what a source of no layout states (checks/silence.py).

`curation.silent` says the sources do not state a field, and trials.csv shows it so. A field declared
silent was held only to the places a source's layout gives it, and a press release or a publication
(plain text) has none: a draft citing a press release that says "The study will enroll 60
participants." declared its enrollment silent and passed. And of several sources of one layout only
the newest was held (versions of one registry record), so a record citing two plain documents was
held to the newer alone. A plain source is now held where it speaks of the trial, by the readings
that name their field themselves: a number of participants, an age at the field's bound, a date under
its own label, a code's term under its field's label ("Overall status: Recruiting"), a phase written
with its own word ("Phase 1 dose escalation", which binding reads a record's phase from).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, put

TITLE = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
RECORD = """nct_id: NCT06513429
brief_title: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)
curation:
  status: draft
  sources:
{sources}
  silent:
    - {silent}
evidence:
{quotes}"""


def draft(root: Path, silent: str, *pages: tuple[str, str]) -> Path:
    """IM19 as a draft citing each (as_of, text) as a press release of its own, declaring silent one field."""
    sources, quotes = [], []
    for n, (as_of, text) in enumerate(pages):
        source = add_source(root, f"seeds/96{n}_release.txt", f"{TITLE}\nLast Updated: {as_of}\n{text}\n")
        sources.append(f'    - file: {source}\n      kind: PRESS_RELEASE\n      as_of: "{as_of}"')
        quotes.append(f'  curation.sources.{n}.as_of: "Last Updated: {as_of}"')
    text = RECORD.format(sources="\n".join(sources), silent=silent, quotes="\n".join(quotes) + "\n")
    return put(root, IM19_PATH, text)


@pytest.mark.parametrize(
    ("silent", "stated", "said"),
    [
        ("enrollment.count", "The study will enroll 60 participants.", "(60 participants)"),
        ("eligibility.minimum_age", "Patients aged 18 years or older may take part.", "(18 YEARS)"),
        ("dates.start", "Start date: 2024-07-30", "2024-07-30"),
        # a label in brackets after the date is its label, as binding reads it (date_mentions.label_of)
        ("dates.completion", "The trial ends on 2027-12-31 (completion).", "Completion 2027-12-31"),
        # a code's term right after one of its field's labels, as the registry's pages write it
        ("overall_status", "Overall status: Recruiting", "'Overall status: Recruiting'"),
        ("overall_status", "Recruitment Status: ACTIVE, NOT RECRUITING", "ACTIVE, NOT RECRUITING"),
        ("phases", "Phase: Phase 1", "'Phase: Phase 1'"),
        # a phase written with its own word names its field in running words too, as binding reads
        # a record's phase from them (silence._phase_named)
        ("phases", "Status: Phase 1 dose escalation is ongoing.", "'Phase 1'"),
        ("phases", "This Phase I/II trial is enrolling.", "Phase I/II"),
        ("eligibility.sex", "Sex: All", "'Sex: All'"),
        ("design", "Allocation: Randomized", "'Allocation: Randomized'"),
        ("study_type", "Study Type: Interventional", "'Study Type: Interventional'"),
        # words after the term that take nothing back (those that do: test_a_term_its_words_take_back_...)
        ("design", "Allocation: Randomized (1:1)", "'Allocation: Randomized'"),
        ("eligibility.sex", "Sex: Female (adults only)", "'Sex: Female'"),
        ("overall_status", "Overall status: Recruiting (since 2024)", "'Overall status: Recruiting'"),
    ],
)
def test_a_press_release_stating_a_field_declared_silent_is_refused(
    registry: Path, trials: Trials, silent: str, stated: str, said: str
) -> None:
    draft(registry, silent, ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert f"E523 curation.silent: {silent} is declared silent, but seeds/960_release.txt states it" in result.out
    assert said in result.out, result.out


def test_an_older_press_release_stating_it_is_held_too(registry: Path, trials: Trials) -> None:
    """Two plain documents are no versions of one record: the older one's words still stand."""
    draft(
        registry,
        "enrollment.count",
        ("2025-08-17", "Enrolling now."),
        ("2024-01-10", "It will enroll 60 participants."),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "but seeds/961_release.txt states it (60 participants)" in result.out


def test_a_press_release_naming_the_field_nowhere_leaves_it_silent(registry: Path, trials: Trials) -> None:
    """A term of a vocabulary in free text names no field: "completed" is no status, "no" no answer."""
    draft(registry, "enrollment.count", ("2025-08-17", "Dosing of the first cohort was completed; no safety signal."))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("silent", "stated"),
    [  # a term in running words, or after another field's label, names no field
        ("overall_status", "The first patient has completed treatment."),
        ("overall_status", "Recruiting sites are listed online."),
        ("eligibility.sex", "Status: all patients were dosed."),
        ("phases", "Dosing of the first cohort began; the next phase starts in May."),
    ],
)
def test_a_term_under_no_label_of_its_field_leaves_it_silent(
    registry: Path, trials: Trials, silent: str, stated: str
) -> None:
    draft(registry, silent, ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("silent", "stated"),
    [  # words the prose rules read as no statement of the trial's field, as binding reads them (prose.stating)
        ("enrollment.count", "Dosing began. Lupus affects 300,000 people in the United States."),
        ("enrollment.count", "Dosing began. An earlier study of the product enrolled 60 participants."),
        ("dates.start", "Dosing began. An earlier study had Start date: 2024-07-30."),
        ("phases", "Dosing began. An earlier Phase 2 study of the product enrolled adults."),
    ],
)
def test_words_the_prose_rules_read_as_no_statement_leave_it_silent(
    registry: Path, trials: Trials, silent: str, stated: str
) -> None:
    """Silence reads a plain source by the rules binding reads it by: a disease's population is no
    enrolment, another trial's count none of this one's. Read in the whole section, "Lupus affects
    300,000 people" stated an enrollment a curator could neither bind nor declare silent."""
    draft(registry, silent, ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_an_enrolment_beside_a_population_is_still_stated(registry: Path, trials: Trials) -> None:
    draft(
        registry,
        "enrollment.count",
        ("2025-08-17", "Dosing began. Lupus affects 300,000 people in the US. The trial will enroll 60 participants."),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "states it (60 participants)" in result.out, result.out


@pytest.mark.parametrize(
    ("silent", "stated", "said"),
    [  # a product field's term where the release speaks of the trial's product (its product has no place)
        ("cell_product.origin", "IM19 CAR-T cells are autologous CD19-directed T cells.", "('autologous')"),
        ("cell_product.target_antigens", "IM19 CAR-T cells are autologous CD19-directed T cells.", "('CD19')"),
        ("cell_product.construct", "IM19 CAR-T cells carry a CAR with a 4-1BB domain.", "('4-1BB')"),
    ],
)
def test_a_product_field_a_press_release_states_declared_silent_is_refused(
    registry: Path, trials: Trials, silent: str, stated: str, said: str
) -> None:
    """Before: a product field was held to a source's product place and its summary, description and
    keywords; a press release has none, and "IM19 CAR-T cells are autologous CD19-directed T cells."
    let a record declare the origin and the targets silent."""
    draft(registry, silent, ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert (
        f"E523 curation.silent: {silent} is declared silent, but seeds/960_release.txt states it {said}" in result.out
    )


@pytest.mark.parametrize(
    "stated",
    [  # another therapy's target, as binding reads it (prose.stating): no word of the trial's product
        "Unlike BCMA-directed therapies, IM19 CAR-T cells are new.",
        "Patients who failed prior CD20 antibody therapy are eligible.",
    ],
)
def test_another_therapys_target_leaves_the_products_silent(registry: Path, trials: Trials, stated: str) -> None:
    draft(registry, "cell_product.target_antigens", ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("stated", "said"),
    [
        ("Patients receive IM19 CAR-T cells at 1×10^6 cells/kg.", "(a cell dose, '1×10^6')"),
        ("Patients receive 2,000,000 IM19 CAR-T cells.", "(a cell dose, '2,000,000')"),
    ],
)
def test_a_cell_dose_a_press_release_states_declared_silent_is_refused(
    registry: Path, trials: Trials, stated: str, said: str
) -> None:
    """Before: a release giving the trial's cell dose let a record declare its arms silent (a plain
    document has no arms place), and trials.csv showed no dose."""
    draft(registry, "arms", ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert f"E523 curation.silent: arms is declared silent, but seeds/960_release.txt states it {said}" in result.out


@pytest.mark.parametrize(
    "stated",
    [  # a large number that counts no cells; a number of cells required, not given (completeness.cell_doses)
        "Dosing began. Lupus affects 300,000 people in the United States.",
        "Dosing began; at least 5×10^7 viable CAR-T cells must be manufactured.",
    ],
)
def test_a_number_that_is_no_cell_dose_leaves_the_arms_silent(registry: Path, trials: Trials, stated: str) -> None:
    draft(registry, "arms", ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("silent", "stated"),
    [  # a term the words right around it take back, as binding reads them (retracted.taken_back)
        ("design", "Allocation: Randomized (planned)"),
        ("design", "Allocation: Randomized (cancelled)"),
        ("design", "Allocation: Randomized - to be confirmed"),
        ("design", "Allocation: Randomized?"),
        ("eligibility.sex", "Sex: Female (proposed)"),
        ("eligibility.sex", "Sex: Female (withdrawn)"),
        ("study_type", "Study Type: Interventional (tentative)"),
        ("overall_status", "Overall status: Recruiting (cancelled)"),
        ("phases", "Phase: planned Phase 2"),  # (a plan word between the label and the term)
    ],
)
def test_a_term_its_words_take_back_leaves_it_silent(registry: Path, trials: Trials, silent: str, stated: str) -> None:
    """Binding refuses a value the source takes back or only plans; silence read the same term as
    stated, so a curator could neither fill the field in nor declare it silent."""
    draft(registry, silent, ("2025-08-17", stated))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
