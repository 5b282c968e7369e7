"""Pull-request attacks on how comparators are read: a limit bound to a comparator the source negates.

A source's "Weight not below 40 kg" states a floor (>= 40 kg), but the comparator was read from
"below" alone, so a threshold "< 40 kg" bound to it, and an age "not under 18 years" bound a maximum
age of 18. A negation right before a comparator now says its complement.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, Trials, add_source, age_fields, im19_draft, joined, one_threshold_draft, put
from sle_trials.reading import layouts
from sle_trials.reading.lexicon import stated_limits

SOURCE = "seeds/923_negated.txt"
TITLE = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17"
)


@pytest.mark.parametrize(
    ("quote", "says"),
    [
        ("Weight not below 40 kg", ">= 40 kg"),
        ("Weight must not be less than 40 kg", ">= 40 kg"),
        ("Weight should not be under 40 kg", ">= 40 kg"),
        ("Weight isn't over 90 kg", "<= 90 kg"),
        ("Weight no greater than 90 kg", "<= 90 kg"),
        ("SLEDAI-2K score not ≥ 6", "< 6"),
        ("Age not < 18 years", ">= 18 years"),
        ("Weight cannot be above 90 kg", "<= 90 kg"),
        ("not within 4 weeks", "4 weeks"),  # a negated reading: no comparator at all
        ("not equal to 3 kg", "3 kg"),
        ("Weight should not exceed 90 kg", "<= 90 kg"),  # the table's own negated phrases, as before
        ("Weight no less than 40 kg", ">= 40 kg"),
        ("Weight below 40 kg", "< 40 kg"),
        ("a knot below 4 kg", "< 4 kg"),  # "not" inside a word negates nothing
    ],
)
def test_a_negated_comparator_is_its_complement(quote: str, says: str) -> None:
    assert [s.says() for s in stated_limits.statements(layouts.normalise(quote))] == [says]


@pytest.mark.parametrize(
    ("text", "comparator", "value", "passes"),
    [
        ("Weight not below 40 kg", "<", 40, False),
        ("Weight not below 40 kg", ">=", 40, True),
        ("Weight must not be less than 40 kg", "<", 40, False),
        ("Weight not over 90 kg", ">", 90, False),
        ("Weight not greater than 90 kg", ">", 90, False),
        ("Weight not greater than 90 kg", "<=", 90, True),
    ],
)
def test_a_threshold_the_source_negates_is_refused(
    registry: Path, trials: Trials, text: str, comparator: str, value: int, passes: bool
) -> None:
    one_threshold_draft(
        registry, SOURCE, text, kind="BODY_WEIGHT", measure="Weight", comparator=comparator, value=value, unit="kg"
    )
    result = trials("validate", registry / IM19_PATH, fmt="json")
    if passes:
        assert result.status == 0, result.out
    else:
        assert result.status == 1 and result.codes() == {"E508"}, result.out


@pytest.mark.parametrize(("bound", "passes"), [("maximum_age", False), ("minimum_age", True)])
def test_an_age_the_source_negates_is_the_other_bound(registry: Path, trials: Trials, bound: str, passes: bool) -> None:
    add_source(registry, SOURCE, f"{TITLE}\nParticipants not under 18 years.\n")
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), age_fields(bound, 18, "Participants not under 18 years.")))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((0, set()) if passes else (1, {"E508"})), result.out


@pytest.mark.parametrize(
    ("text", "kind", "measure", "unit"),
    [
        ("BMI ≥ 40 kg/m2", "BODY_WEIGHT", "BMI", "kg"),  # a body-mass index read as a body weight of 40 kg
        ("Prednisone ≤ 30 mg/m2/day", "CORTICOSTEROID_DOSE", "Prednisone", "mg"),
        ("BMI ≥ 40 kg per m2", "BODY_WEIGHT", "BMI", "kg"),
        ("Prednisone ≤ 30 mg/m2/day", "CORTICOSTEROID_DOSE", "Prednisone", "mg/m2"),  # a unit the table lacks
    ],
)
def test_a_unit_is_not_read_from_the_start_of_a_longer_one(
    registry: Path, trials: Trials, text: str, kind: str, measure: str, unit: str
) -> None:
    """The lexicon read a unit it knows from the start of a longer one: "BMI ≥ 40 kg/m2" stated ">= 40
    kg", so a threshold of body weight >= 40 kg bound to it, and "30 mg/m2/day" a dose of 30 mg. A unit
    is now the whole of what is written (none the table knows, here), and a unit the table lacks must
    be written whole in the quote too."""
    assert not any(s.unit for s in stated_limits.statements(layouts.normalise(text)))
    comparator = ">=" if "≥" in text else "<="
    one_threshold_draft(
        registry, SOURCE, text, kind=kind, measure=measure, comparator=comparator, value=text.split()[2], unit=unit
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1 and "E508 eligibility.thresholds.0" in result.out, result.out
    if kind == "BODY_WEIGHT":
        return  # a body-mass index is no kind of limit the schema has
    whole = text.split()[3]  # the unit as the source writes it binds
    record = (registry / IM19_PATH).read_text(encoding="utf-8").replace(f"unit: {unit}\n", f"unit: {whole}\n")
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("sentence", "passes"),
    [
        ("Age ≥ 18 years at diagnosis of SLE.", False),
        ("Aged 18 years or older at the time of diagnosis.", False),
        ("Age ≥ 18 years at disease onset.", False),
        ("Age ≥ 18 years at SLE onset.", False),
        ("Age ≥ 18 years at the time of signing the informed consent.", True),
        ("Age ≥ 18 years at screening.", True),
        # the onset of the trial's treatment: the participant's age (a false refusal before)
        ("At least 18 years of age at onset of treatment.", True),
        ("Aged 18 years or older at the onset of CAR-T therapy.", True),
    ],
)
def test_an_age_at_an_event_of_the_disease_is_no_age_limit(
    registry: Path, trials: Trials, sentence: str, passes: bool
) -> None:
    """Before: "Age ≥ 18 years at diagnosis of SLE." passed as a minimum age of 18: it is the age
    the disease was diagnosed at, which says nothing of how old a participant is (E508). An age at
    screening or at consent is the participant's."""
    add_source(registry, SOURCE, f"{TITLE}\n{sentence}\n")
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), age_fields("minimum_age", 18, sentence)))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((0, set()) if passes else (1, {"E508"})), result.out


@pytest.mark.parametrize(
    "sentence",
    [
        "SLE diagnosed at least 6 months before screening.",
        "Disease duration of at least 6 months.",
        "Stable treatment for at least 6 months.",
        # its word further back in a long clause (Relma-cel's criterion 4 passed as a minimum age of 6 months)
        "The history of SLE prior to screening was at least 6 months.",
        "Duration of the disease before the screening visit of at least 6 months.",
    ],
)
def test_a_length_of_time_is_no_age_limit(registry: Path, trials: Trials, sentence: str) -> None:
    """Before: "SLE diagnosed at least 6 months before screening." passed as a minimum age of 6
    months: a length of time before an event, or a duration, says nothing of a participant's age."""
    add_source(registry, SOURCE, f"{TITLE}\n{sentence}\n")
    fields = age_fields("minimum_age", 6, sentence).replace("unit: YEARS", "unit: MONTHS")
    put(registry, IM19_PATH, joined(im19_draft(SOURCE), fields))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == (1, {"E508"}), result.out
