"""Pull-request attacks on a reading: a quote pinned to a part of a value that is read as a whole.

An age is read as a bound with its unit ("≥ 18 years" is a minimum), an enrollment as a number of
participants, a cohort's dose with its unit, basis and patients, a threshold in its criterion
(checks/binding/, `x-bind` in the schema). Pinned to a part of such a value instead, the same
quote was read as any other number: IM19's draft held a minimum age of 65 by the quote
"18 Years 65 Years ALL No" under `eligibility.minimum_age.value` (65 is in it, as the maximum),
an enrollment of 60 by "60 sites" under `enrollment.count`, and cohort 1's dose by cohort 2's
words under `arms.0.cohorts.0.dose.value`. A key below a reading is now read by that reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, edit, im19_draft, joined, put
from sle_trials.reading.lexicon import age_bounds, head_counts

DRAFT = ("  status: complete\n", "  status: draft\n")  # no completeness checks: the reading alone decides


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        (
            [
                ("  minimum_age:\n    value: 18\n", "  minimum_age:\n    value: 65\n"),
                ("  eligibility.minimum_age: 18 Years", "  eligibility.minimum_age.value: 18 Years"),
            ],
            "E508",
        ),
        (
            [
                ("          value: 1000000\n", "          value: 100000000\n"),
                (
                    "  arms.0.cohorts.0: 1×10^6/kg CAR-T cells for patients 1 to 3\n",
                    "  arms.0.cohorts.0.dose.value: 1×10^8 CAR-T cells for patient 4 to 6\n",
                ),
            ],
            "E508",
        ),
    ],
    ids=["minimum-age-value", "cohort-dose-value"],
)
def test_a_part_of_a_reading_is_read_as_the_whole(
    registry: Path, trials: Trials, changes: list[tuple[str, str]], code: str
) -> None:
    edit(registry, IM19_PATH, DRAFT, *changes)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and code in result.codes(), result.out


def test_an_enrollment_counted_in_sites_is_refused(registry: Path, trials: Trials) -> None:
    source = add_source(
        registry,
        "seeds/923_sites.txt",
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        "Last Updated: 2025-08-17\n"
        "The study runs at 60 sites.\n",
    )
    record = joined(im19_draft(source), "enrollment:\n  count: 60\nevidence:\n  enrollment.count: 60 sites\n")
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E508"}, result.out


def test_the_parts_a_reading_does_not_read_keep_their_own_quotes(registry: Path, trials: Trials) -> None:
    # IM19 pins its enrollment's count and its dates' dates apart: each read as its reading reads it
    edit(registry, IM19_PATH, DRAFT)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 0, result.out


@pytest.mark.parametrize("said", ["Platelet count: 100", "CD4 count: 100"])
def test_a_count_of_something_else_is_no_enrollment(registry: Path, trials: Trials, said: str) -> None:
    # the participants reading took any number after "count" for one: a laboratory count bound an enrollment
    source = add_source(
        registry,
        "seeds/924_counts.txt",
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        "Last Updated: 2025-08-17\n"
        f"Inclusion: {said} x10^9/L.\n",
    )
    record = joined(im19_draft(source), f"enrollment:\n  count: 100\nevidence:\n  enrollment: '{said}'\n")
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E508"}, result.out


@pytest.mark.parametrize("said", ["Count: 24", "Enrollment count: 24", "enrollmentInfo.count: 24"])
def test_a_count_labelled_as_the_enrollment_binds(said: str) -> None:
    assert head_counts.counts(said) == [24]


@pytest.mark.parametrize(
    ("said", "quote", "bound", "value", "status"),
    [
        ("Patients aged ≥ 70 years are not eligible", None, "minimum_age", 70, 1),
        ("Patients over 65 years are excluded", None, "minimum_age", 65, 1),
        ("No patients under 18 years", None, "maximum_age", 18, 1),
        ("Children (under 18 years) may not participate", None, "maximum_age", 18, 1),
        # the quote cut before the words that unbind its age: its sentence in the source reads it (each passed)
        ("Patients under 70 years with heart failure are excluded", "Patients under 70 years", "maximum_age", 70, 1),
        ("Patients younger than 60 years need an ECG", "Patients younger than 60 years", "maximum_age", 60, 1),
        # a limit's sentence cut short still binds (no false refusal)
        ("Patients aged 18 to 65 years with active SLE", "Patients aged 18 to 65 years", "maximum_age", 65, 0),
        ("Male or female, aged ≥ 18 years, must sign consent", "aged ≥ 18 years", "minimum_age", 18, 0),
        # nor does one whose next line keeps others out (the source's lines are joined by spaces)
        ("Aged 18 to 65 years\nSevere lupus nephritis is excluded", "Aged 18 to 65 years", "minimum_age", 18, 0),
    ],
)
def test_an_age_of_those_kept_out_is_no_bound(
    registry: Path, trials: Trials, said: str, quote: str | None, bound: str, value: int, status: int
) -> None:
    # the age reader read the comparator alone: "≥ 70 years ... not eligible" bound a minimum age of 70
    source = add_source(
        registry,
        "seeds/925_ages.txt",
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        f"Last Updated: 2025-08-17\n{said}.\n",
    )
    record = joined(
        im19_draft(source),
        f"eligibility:\n  {bound}:\n    value: {value}\n    unit: YEARS\n"
        f"evidence:\n  eligibility.{bound}: {quote or said}\n",
    )
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((status, {"E508"} if status else set())), result.out


@pytest.mark.parametrize(
    ("bound", "value", "quote", "status"),
    [
        ("minimum_age", 75, "Age > 75 years.", 1),  # the exclusion's "> 75" read as the inclusion's
        ("maximum_age", 18, "Age < 18 years", 1),
        ("minimum_age", 75, "2. Age < 18 years or > 75 years.", 1),
        ("minimum_age", 18, "Age ≥ 18 years.", 0),  # the inclusion list's own age binds
        # the bound an exclusion leaves past a strict comparator: its own (a false refusal before)
        ("maximum_age", 75, "Age > 75 years.", 0),
        ("minimum_age", 18, "2. Age < 18 years or > 75 years.", 0),
        ("maximum_age", 75, "2. Age < 18 years or > 75 years.", 0),
    ],
)
def test_an_age_of_an_exclusion_criterion_is_no_bound(
    registry: Path, trials: Trials, bound: str, value: int, quote: str, status: int
) -> None:
    # an age limit read from the exclusion list bound as if the inclusion list stated it: "Exclusion
    # criteria: 1. Age > 75 years." passed as a minimum age of 75, a trial of the old it keeps out
    source = add_source(
        registry,
        "seeds/927_exclusion_ages.txt",
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        "Last Updated: 2025-08-17\nInclusion criteria:\n1. Age ≥ 18 years.\n"
        "Exclusion criteria:\n1. Age > 75 years.\n2. Age < 18 years or > 75 years.\n",
    )
    record = joined(
        im19_draft(source),
        f"eligibility:\n  {bound}:\n    value: {value}\n    unit: YEARS\nevidence:\n  eligibility.{bound}: '{quote}'\n",
    )
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((status, {"E508"} if status else set())), result.out


@pytest.mark.parametrize(
    ("said", "ages"),
    [
        ("Aged 18 years or more, but not more than 65 years", [("min", 18), ("max", 65)]),
        ("Age 18-65 years. Patients with lupus nephritis are excluded.", [("min", 18), ("max", 65)]),
        ("Patients over 65 years are excluded", [(None, 65)]),
    ],
)
def test_an_age_is_kept_out_only_by_its_own_sentence(said: str, ages: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(said)] == ages


@pytest.mark.parametrize(
    ("said", "ages"),
    [
        # the patients another requirement is for: each bound a minimum or maximum age of the trial
        ("Patients older than 60 years must have an ejection fraction ≥ 50%", [(None, 60), ("min", 50)]),
        ("Participants ≥ 65 years old will receive half the dose", [(None, 65)]),
        ("Women over 45 years need no contraception", [(None, 45)]),
        ("Age ≥ 18 years; for patients under 16 years, weight ≥ 40 kg", [("min", 18), (None, 16), ("min", 40)]),
        # who may enrol, in words like them (no false refusal)
        ("Patients aged ≥ 18 years must sign the informed consent form", [("min", 18)]),
        ("Patients ≥ 18 years must be able to give consent", [("min", 18)]),
        ("Participants aged 18 years or older will be enrolled", [("min", 18)]),
        ("Aged 18-75 years, must meet 2019 EULAR/ACR criteria", [("min", 18), ("max", 75)]),
    ],
)
def test_an_age_of_those_another_requirement_is_for_is_no_bound(said: str, ages: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(said)] == ages
