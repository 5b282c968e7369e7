"""A value its source asks after the words of its own phrase, and answers no or not at all, is none given.

"Costimulatory domain: CD28?" and "Randomized? No" were read as asked (retracted._AFTER: a question mark
right after a value; vocabulary._ANSWERED_NO: "Label? No"), but "CD28 domain? No.", "Randomized
allocation? Unclear", "Female patients? No." each bound their value (CD28, RANDOMIZED, FEMALE): the
question's mark stood after other words, the value's own phrase, and neither reading looked past them.
Both now read a question mark after a few words in lower case on the value's line (retracted.ASKED):
binding takes such a value back unless the answer is yes, and a vocabulary renders none where the
answer is no or unknown. A count, an age, a dose or a site so asked is read alike.

Words in capitals before the mark open another question: a source's lines are read joined by spaces,
and "Sex: Female" over a line "Any questions? No." still gives the sex. So does a value the question's
answer gives ("CD28 domain? Yes.").
"""

from __future__ import annotations

import pytest
from conftest import Trials, age_fields, cohort_fields, construct_fields, im19_out, origin_fields, term_fields
from sle_trials.reading import retracted, vocabulary

RANDOMIZED = term_fields("design.allocation", "RANDOMIZED", "Randomized")

ASKED = [
    ("IM19 CAR-T cells: CD28 domain? No.", construct_fields("CD28")),
    ("IM19 CAR-T cells: CD28 costimulatory domain? Unknown.", construct_fields("CD28")),
    ("IM19 CAR-T cells: CD28 or 4-1BB? Not stated.", construct_fields("CD28")),
    ("IM19 CAR-T cells: CD28 domain?", construct_fields("CD28")),
    ("IM19 CAR-T cells: autologous product? No.", origin_fields("autologous")),
    ("IM19 CAR-T cells: autologous or allogeneic? Undecided.", origin_fields("autologous")),
    ("Randomized allocation? No.", RANDOMIZED),
    ("Randomized allocation? Unclear", RANDOMIZED),
    ("Randomized or not? TBD", RANDOMIZED),
    ("Double masking? No", term_fields("design.masking", "DOUBLE", "Double")),
    ("Parallel assignment planned? No.", term_fields("design.intervention_model", "PARALLEL", "Parallel")),
    ("Female patients only? No.", term_fields("eligibility.sex", "FEMALE", "Female")),
    # (an abbreviation in capitals among the phrase's words)
    ("IM19 CAR-T cells: autologous CAR-T product? No.", origin_fields("autologous")),
    ("Female SLE patients? No.", term_fields("eligibility.sex", "FEMALE", "Female")),
    ("IM19 CAR-T cells: CD28 CAR domain? Unknown.", construct_fields("CD28")),
    # (more than one mark)
    ("Sex: Female??", term_fields("eligibility.sex", "FEMALE", "Sex: Female")),
    ("Randomized?? No", RANDOMIZED),
    ("Female patients?? Unknown.", term_fields("eligibility.sex", "FEMALE", "Female")),
    ("Minimum age: 12 years??", age_fields("minimum_age", 12, "Minimum age: 12 years")),
    ("Minimum age 18 years required? No.", age_fields("minimum_age", 18, "Minimum age 18 years")),
    ("Arm A: IM19 CAR-T cells at 1×10^6 CAR-T cells/kg as the dose? Unknown.", cohort_fields("1×10^6 CAR-T cells/kg")),
]


@pytest.mark.parametrize(("line", "fields"), ASKED)
def test_a_value_asked_after_its_phrase_is_none_given(trials: Trials, line: str, fields: str) -> None:
    out = im19_out(trials, line, fields)
    assert any(f" {code} " in out for code in ("E501", "E507", "E508")), out


def test_a_site_asked_after_its_phrase_is_none_of_its_sites(trials: Trials) -> None:
    out = im19_out(trials, "Location: Shanghai, China site confirmed? No.", "locations:\n  - city: Shanghai\n")
    assert " E501 locations.0.city: the text stands in its source only where the words right around it" in out


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("IM19 CAR-T cells: CD28 costimulatory domain.", construct_fields("CD28")),
        ("Randomized allocation? Yes, 1:1.", RANDOMIZED),
        ("Randomized?? Yes.", RANDOMIZED),
        ("Female SLE patients? Yes.", term_fields("eligibility.sex", "FEMALE", "Female")),
        ("Female patients? Yes.", term_fields("eligibility.sex", "FEMALE", "Female")),
        ("Randomized allocation. Any questions? No.", RANDOMIZED),
        ("Allocation: Randomized, see the protocol? No.", term_fields("design.allocation", "RANDOMIZED", "Randomized")),
        # (another line's question: lines are read joined by spaces)
        ("Sex: Female\nAny questions? No.", term_fields("eligibility.sex", "FEMALE", "Sex: Female")),
        ("Masking: Double\nWho can join? Unknown.", term_fields("design.masking", "DOUBLE", "Masking: Double")),
        ("Minimum age: 18 years\nAny questions? No.", age_fields("minimum_age", 18, "Minimum age: 18 years")),
    ],
)
def test_a_value_given_beside_a_question_still_binds(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# --- the readings themselves -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("co-stimulatory domain", "CD28 domain? No.", []),
        ("co-stimulatory domain", "Contains a CD28 costimulatory domain? No", []),
        ("co-stimulatory domain", "CD28 or 4-1BB? Unknown", []),
        ("allocation", "Randomized allocation? Unclear", []),
        ("sex", "Female patients? No.", []),
        ("product origin", "Autologous product? N/A", []),
        ("co-stimulatory domain", "CD28 domain? Yes.", ["CD28"]),
        ("sex", "Sex: Female Any questions? No", ["Female"]),
        ("overall status", "Recruiting Who can join? No", ["Recruiting"]),
        ("allocation", "Randomized allocation, see below? No", ["Randomized"]),
        ("allocation", "Randomized?? No", []),
        ("sex", "Female patients?? Unknown", []),
    ],
)
def test_a_vocabulary_renders_no_value_asked_and_answered_no(name: str, text: str, found: list[str]) -> None:
    vocab = next(v for v in vocabulary.every() if v.name == name)
    assert [r for r, _ in vocab.find(text)] == found


@pytest.mark.parametrize(
    ("text", "value", "back"),
    [
        ("Enrollment: 60 participants enrolled? Unknown.", "60 participants", True),
        ("Start date: 2024-07-30 confirmed? No.", "2024-07-30", True),
        ("Sponsor: Acme Bio as sponsor?", "Acme Bio", True),
        ("Enrollment: 60 participants enrolled? Yes.", "60 participants", False),
        ("Sponsor: Acme Bio Any questions? No.", "Acme Bio", False),
        ("Enrollment: 60 participants, any questions? No.", "60 participants", False),
    ],
)
def test_a_question_after_a_values_phrase_is_read_of_every_value(text: str, value: str, back: bool) -> None:
    start = text.index(value)
    assert retracted.taken_back(text, start, start + len(value)) is back
