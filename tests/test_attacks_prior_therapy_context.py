"""Attacks on the prior-therapy requirement read for the silence check (E523) out of its context.

prior_therapy.requirement read a cue's words wherever they stood: "Patients not receiving
hydroxychloroquine" among the exclusions (those off a concurrent medication kept out) and "Excluding
patients previously treated with rituximab" among the inclusions were read as requirements of a prior
therapy, and a record declaring its prior therapy silent against such a source was refused, though the
source states none. A cue that is negated, stands in an exception, names patients kept out, or a
medication taken now states no requirement.
"""

from __future__ import annotations

import pytest
from conftest import imported_codes
from sle_trials.reading import prior_therapy, vocabulary
from sle_trials.reading.layouts import normalise
from test_attacks_prior_therapy_silence import _study, _therapies

BODY_WEIGHT = "4. Body weight over 40 kg.\n"


@pytest.mark.parametrize(
    ("criterion", "exclusion"),
    [
        # a concurrent medication not taken now keeps patients out: it requires no prior therapy
        (BODY_WEIGHT, "4. Patients not receiving hydroxychloroquine."),
        (BODY_WEIGHT, "4. Patients who are not currently treated with glucocorticoids."),
        # those who failed a treatment kept out: no treatment is required
        (BODY_WEIGHT, "4. Failure to respond to rituximab."),
        # an exclusion written among the inclusions
        ("4. Excluding patients previously treated with rituximab.\n", None),
        ("4. Patients previously treated with rituximab are excluded.\n", None),
        # a cue negated ("not refractory" is a term of refractory's vocabulary: it states that)
        ("4. Patients who did not fail hydroxychloroquine.\n", None),
    ],
)
def test_a_cue_out_of_its_context_leaves_the_prior_therapy_silent(
    tmp_path_factory: pytest.TempPathFactory, criterion: str, exclusion: str | None
) -> None:
    checker, data = _study(tmp_path_factory, criterion, exclusion)
    assert "E523" not in imported_codes(checker, data)


@pytest.mark.parametrize(
    ("text", "inclusion"),
    [
        ("Patients not receiving hydroxychloroquine.", False),
        ("Patients who are not currently receiving mycophenolate at screening.", False),
        ("Failure to respond to at least two standard therapies.", False),
        ("Excluding patients previously treated with rituximab.", True),
        ("Patients previously treated with belimumab are not eligible.", True),
        ("Patients who are not refractory to glucocorticoids.", True),
        ("Patients who didn't fail hydroxychloroquine.", True),
        ("Non-refractory to cyclophosphamide.", True),
        ("Never previously received rituximab.", True),
    ],
)
def test_a_denied_cue_states_no_requirement(text: str, inclusion: bool) -> None:
    assert prior_therapy.requirement(text, inclusion) is None


@pytest.mark.parametrize(
    ("text", "inclusion"),
    [
        ("Patients who have not received mycophenolate.", False),
        ("Patients who did not receive at least two immunosuppressants.", False),
        # a negation of another word, not of the cue
        ("Not controlled despite hydroxychloroquine.", True),
        ("Non-responsive to cyclophosphamide.", True),
        ("No response to at least two immunosuppressants.", True),
        ("Have not responded to mycophenolate mofetil.", True),
        # an exception after the cue leaves it standing
        ("Failure of at least two immunosuppressants, excluding glucocorticoids.", True),
    ],
)
def test_a_cue_in_its_context_states_a_requirement(text: str, inclusion: bool) -> None:
    assert prior_therapy.requirement(text, inclusion) is not None


CONCURRENT = [
    # a list of the medications patients take now, under its heading: none is a therapy that failed
    "Concurrent medications: 1. stable dose of prednisone ≤ 10 mg/day 2. hydroxychloroquine 200-400 mg/day",
    "Allowed concomitant medications: prednisone ≤ 10 mg/day; hydroxychloroquine.",
    "Background therapy with hydroxychloroquine is allowed.",
    "Patients may continue hydroxychloroquine.",
]


@pytest.mark.parametrize("after", CONCURRENT)
def test_a_concurrent_medication_is_none_of_the_therapies(tmp_path_factory: pytest.TempPathFactory, after: str) -> None:
    """A requirement naming no therapy, then the medications patients stay on: its therapies are silent."""
    checker, data = _therapies(tmp_path_factory, f"4. Disease refractory to standard therapy. {after}\n")
    assert imported_codes(checker, data) == set()


@pytest.mark.parametrize("after", [*CONCURRENT, "concomitant medications allowed: prednisone ≤ 10 mg/day."])
def test_a_concurrent_list_names_no_therapy_of_the_requirement(after: str) -> None:
    found = prior_therapy.requirement(f"Disease refractory to standard therapy. {after}", inclusion=True)
    assert found is not None and found.therapies == ()


def test_a_list_of_the_failed_regimens_names_its_therapies() -> None:
    text = "Failure of two induction regimens, including: 1. mycophenolate mofetil ≥ 2 g/day, or 2. cyclophosphamide"
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == ("mycophenolate", "cyclophosphamide")


# "Fаilure" and "аctive" with a Cyrillic "а" (U+0430): a reader reads "Failure", "active"
LOOK_ALIKE = [
    "4. F\u0430ilure of at least two standard induction regimens.\n",
    "4. Dise\u0430se rem\u0430ined \u0430ctive \u0430fter cyclophosphamide.\n",
    "4. Previously tre\u0430ted with mycophenolate.\n",
]


@pytest.mark.parametrize("criterion", LOOK_ALIKE)
def test_a_source_writing_a_cue_with_a_look_alike_letter_states_it(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    """The source's criteria are read as a reader sees them (layouts fold look-alike letters before any
    cue is read): the record's own criterion 4 made to say nothing, the source's alone states it."""
    checker, data = _study(tmp_path_factory, criterion)
    for item in data["eligibility"]["inclusion_criteria"]:
        if item.get("number") == 4:
            item["text"] = "Body weight over 40 kg."
    assert "E523" in imported_codes(checker, data)


@pytest.mark.parametrize("criterion", LOOK_ALIKE)
def test_a_record_quoting_a_cue_with_a_look_alike_letter_states_it(criterion: str) -> None:
    """A record's own criteria are read folded too (layouts.normalise), as silence._own_criteria reads them."""
    assert prior_therapy.requirement(normalise(criterion), inclusion=True) is not None


@pytest.mark.parametrize(
    "criterion",
    [
        # "refractory" of a finding or another disease, among the inclusions: no lupus called refractory
        "4. Refractory anemia requiring transfusion.\n",
        "4. Hemoglobin refractory to transfusion.\n",
        "4. Refractory thrombocytopenia (platelets < 50,000/mm³).\n",
    ],
)
def test_refractory_of_another_thing_leaves_the_prior_therapy_silent(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, criterion)
    assert "E523" not in imported_codes(checker, data)


@pytest.mark.parametrize(
    "criterion",
    [
        "4. Patients with refractory SLE.\n",
        "4. Refractory or relapsing systemic lupus erythematosus.\n",
        "4. SLE that is refractory to standard therapy.\n",
        "4. Treatment-refractory lupus nephritis.\n",
    ],
)
def test_refractory_of_the_disease_states_it(tmp_path_factory: pytest.TempPathFactory, criterion: str) -> None:
    checker, data = _study(tmp_path_factory, criterion)
    assert "E523" in imported_codes(checker, data)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Refractory anemia requiring transfusion.", False),
        ("Hemoglobin refractory to transfusion.", False),
        ("Refractory hypertension despite three antihypertensive drugs.", False),
        ("Meets the current clinical standards for refractory systemic lupus erythematosus", True),
        ("refractory, active lupus nephritis", True),
        ("Disease refractory to at least two standard immunosuppressive therapies", True),
        ("Refractory to mycophenolate", True),
        ("non-refractory disease", True),
    ],
)
def test_refractory_is_read_of_the_disease_only(text: str, said: bool) -> None:
    rendering = vocabulary.for_boolean("eligibility.prior_therapy.refractory").places(text)[0]  # type: ignore[union-attr]
    assert prior_therapy.refractory_disease(text, rendering.start, rendering.end) is said


@pytest.mark.parametrize("text", ["Hemoglobin refractory to transfusion.", "Intolerance to cold."])
def test_a_failure_of_no_treatment_states_no_requirement(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is None


def test_a_therapy_only_excepted_leaves_the_therapies_silent(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A requirement naming a therapy only as what it leaves out names none of its therapies."""
    criterion = "4. Disease refractory to standard therapy other than hydroxychloroquine.\n"
    checker, data = _therapies(tmp_path_factory, criterion)
    assert imported_codes(checker, data) == set()


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("Failure of at least two immunosuppressants, excluding glucocorticoids.", ("immunosuppressants",)),
        (
            "Failure of two immunosuppressants (other than hydroxychloroquine) and cyclophosphamide.",
            ("immunosuppressants", "cyclophosphamide"),
        ),
        ("Refractory to standard therapy other than hydroxychloroquine; failed rituximab.", ("rituximab",)),
    ],
)
def test_an_excepted_therapy_is_none_of_the_requirements(text: str, therapies: tuple[str, ...]) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


@pytest.mark.parametrize(
    "text",
    [
        "Failure of at least two of the following:",
        "Active disease despite the following:",
        "Previously treated with at least one of the following:",
    ],
)
def test_a_cue_before_a_list_of_treatments_states_a_requirement(text: str) -> None:
    """A criterion read alone, its treatments its nested items (a page's bullets, each an item of its own)."""
    assert prior_therapy.requirement(text, inclusion=True) is not None


# A treatment had before that lets its patients in: a permission, no requirement
PERMITTED = [
    "Patients previously treated with belimumab are eligible.",
    "Patients who have previously received rituximab may be enrolled.",
    "Prior treatment with belimumab is allowed.",
    "Prior use of rituximab is permitted.",
    "Patients may have received belimumab.",
    "Patients previously treated with anti-CD20 antibodies are also eligible.",
]


@pytest.mark.parametrize("text", PERMITTED)
def test_a_permission_states_no_requirement(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is None


@pytest.mark.parametrize("criterion", PERMITTED[:3])
def test_a_permission_leaves_the_prior_therapy_silent(tmp_path_factory: pytest.TempPathFactory, criterion: str) -> None:
    """A record declaring its prior therapy silent against "Patients previously treated with
    belimumab are eligible" was refused (E523), made to say a requirement that the source does not state."""
    checker, data = _study(tmp_path_factory, f"4. {criterion}\n")
    assert "E523" not in imported_codes(checker, data)


@pytest.mark.parametrize(
    "text",
    [
        # what lets the patients in is the treatment: a requirement still
        "Only patients previously treated with belimumab are eligible.",
        "Patients must have previously received mycophenolate to be eligible.",
        "Previously treated with mycophenolate (patients treated with belimumab are also eligible).",
        "Patients previously treated with belimumab are eligible. Must have received two immunosuppressants.",
        # a permission read of a treatment had before only: refractoriness lets the patients in
        "Patients refractory to belimumab are eligible.",
        "Patients who failed mycophenolate may be enrolled.",
    ],
)
def test_a_permission_beside_a_requirement_leaves_it_standing(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is not None
