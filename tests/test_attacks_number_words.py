"""Pull-request attacks by numbers written as words, which the checks read as no number.

quantities.numbers read "one" to "twelve" and no other word: "Age between eighteen and sixty-five years"
stated no age, and a press release's "The trial plans to enroll twenty-four patients." no enrollment,
so a record could declare either silent (E523) while a reader sees it stated. Numbers from zero to
ninety-nine are now read in words ("eighteen", "twenty-four", "sixty five"), and a number written in
words and again in digits in brackets ("eighteen (18) years", "24 (twenty-four) patients") is one number,
read with the unit or noun after the bracket.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source, enrollment_draft, im19_draft, joined, put
from sle_trials.reading.lexicon import age_bounds, head_counts, quantities

HEAD = f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\n"


def test_an_age_in_words_is_read() -> None:
    assert [a.value for a in age_bounds.criteria_ages("Age between eighteen and sixty-five years")] == [18.0, 65.0]


def test_a_count_in_words_is_read() -> None:
    assert head_counts.counts("The trial plans to enroll twenty-four patients.") == [24.0]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("eighteen", [18]),
        ("Twenty-four weeks", [24]),
        ("sixty five", [65]),
        ("ninety-nine and zero", [99, 0]),
        ("twenty-four thousand", [24000]),  # scaled as a word from one to twelve is
        ("one hundred and twenty", [120]),  # hundreds and the number after them: one number
        ("one hundred and twenty thousand", []),  # more than the number read says
        ("eighteen (18)", [18]),  # one number, written twice
        ("18 (eighteen)", [18]),
        ("twenty (24)", [20, 24]),  # two numbers that differ: each is read
    ],
)
def test_numbers_in_words(text: str, values: list[float]) -> None:
    assert [n.value for n in quantities.numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Patients aged eighteen (18) years or older", [("min", 18.0)]),
        ("Aged eighteen (18) to sixty-five (65) years", [("min", 18.0), ("max", 65.0)]),
        ("Aged eighteen to seventy years", [("min", 18.0), ("max", 70.0)]),
    ],
)
def test_ages_in_words(text: str, ages: list[tuple[str, float]]) -> None:
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages(text)] == ages


def test_a_count_written_twice_is_read_once() -> None:
    assert head_counts.counts("The trial will enroll 24 (twenty-four) patients.") == [24.0]


@pytest.mark.parametrize(
    ("silent", "stated"),
    [
        ("enrollment.count", "The trial plans to enroll twenty-four patients."),
        ("eligibility.minimum_age", "Patients aged eighteen years or older may take part."),
        ("eligibility.minimum_age", "Patients aged eighteen (18) years or older may take part."),
    ],
)
def test_a_plain_source_stating_it_in_words_refuses_it_silent(
    registry: Path, trials: Trials, silent: str, stated: str
) -> None:
    source = add_source(registry, "seeds/925_words.txt", HEAD + stated + "\n")
    record = im19_draft(source).replace("curation:\n", f"curation:\n  silent:\n    - {silent}\n", 1)
    put(registry, IM19_PATH, record)
    result = trials.json("validate", registry / IM19_PATH)
    assert result.codes() == {"E523"}


@pytest.mark.parametrize(
    ("count", "quote"),
    [
        (24, "Enrollment: twenty-four participants"),
        (65, "Enrollment: sixty five participants"),
        (100, "Enrollment: one hundred participants"),
    ],
)
def test_an_enrollment_quoted_in_words_binds(registry: Path, trials: Trials, count: int, quote: str) -> None:
    source = add_source(registry, "seeds/925_words.txt", HEAD + quote + "\n")
    enrollment_draft(registry, source, count, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("count", "quote", "line"),
    [
        (20, "Enrollment: twenty", "Enrollment: twenty-four participants"),
        (4, "four participants", "Enrollment: twenty-four participants"),
        # words a space parts (edges.py): a tens word and a unit word, a number and its scale
        (60, "Enrollment: sixty", "Enrollment: sixty five participants"),
        (5, "five participants", "Enrollment: sixty five participants"),
        (1, "Enrollment: one", "Enrollment: one hundred participants"),
        (100, "Enrollment: one hundred", "Enrollment: one hundred and twenty participants"),
    ],
)
def test_an_enrollment_cut_out_of_a_number_in_words_is_refused(
    registry: Path, trials: Trials, count: int, quote: str, line: str
) -> None:
    source = add_source(registry, "seeds/925_words.txt", HEAD + line + "\n")
    enrollment_draft(registry, source, count, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out
    assert "E5" in result.out, result.out


def test_a_minimum_age_quoted_in_words_binds(registry: Path, trials: Trials) -> None:
    criterion = "Patients aged eighteen (18) years or older."
    source = add_source(registry, "seeds/925_words.txt", HEAD + f"Inclusion criteria:\n1. {criterion}\n")
    ages = (
        "eligibility:\n  minimum_age:\n    value: 18\n    unit: YEARS\n"
        f"evidence:\n  eligibility.minimum_age: {criterion}\n"
    )
    put(registry, IM19_PATH, joined(im19_draft(source), ages))
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out
