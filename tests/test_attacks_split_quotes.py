"""Pull-request attacks on the evidence: a value assembled from a list of quotes the source does not
give together.

An evidence entry may hold a list of quotes, each found where the source states the field. Read
together, pieces of the source can state what no passage of it does: IM19's "65 Years" and "18 Years"
read in that order as a minimum age of 65; "1×10^8 CAR-T cells" and "patients 1 to 3" give the first
cohort the dose the source gives the second; "Absolute neutrophil count" and "<25,000/mm³" (the
platelets' limit, in the same criterion) give the neutrophils a limit of 25,000. Quotes are read
together only as the source gives them: one after another (ages, cohorts), or a measure from the
heading of the sub-list whose item states the limit (thresholds).
"""

from __future__ import annotations

from pathlib import Path

from conftest import IM19_PATH, RELMA_PATH, Trials, edit, place_of


def test_ages_from_quotes_out_of_the_sources_order_are_refused(registry: Path, trials: Trials) -> None:
    edit(
        registry,
        IM19_PATH,
        ("  minimum_age:\n    value: 18\n", "  minimum_age:\n    value: 65\n"),
        ("eligibility.minimum_age: 18 Years 65 Years ALL No", 'eligibility.minimum_age: ["65 Years", "18 Years"]'),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    place = place_of(registry, IM19_PATH, "value: 65", "65")
    assert f"{IM19_PATH}:{place}: E508 eligibility.minimum_age: 65 YEARS is not the minimum age" in result.out


def test_ages_from_quotes_in_the_sources_order_bind(registry: Path, trials: Trials) -> None:
    edit(
        registry,
        IM19_PATH,
        ("eligibility.minimum_age: 18 Years 65 Years ALL No", 'eligibility.minimum_age: ["18 Years", "65 Years"]'),
        ("eligibility.maximum_age: 18 Years 65 Years ALL No", 'eligibility.maximum_age: ["18 Years", "65 Years"]'),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


SWAPPED_COHORTS = (
    """      - patients: {first: 1, last: 3}
        dose:
          value: 1000000
          unit: CAR-T cells
          basis: PER_KG
      - patients: {first: 4, last: 6}
        dose:
          value: 100000000
          unit: CAR-T cells
          basis: FLAT""",
    """      - patients: {first: 1, last: 3}
        dose:
          value: 100000000
          unit: CAR-T cells
          basis: FLAT
      - patients: {first: 4, last: 6}
        dose:
          value: 1000000
          unit: CAR-T cells
          basis: PER_KG""",
)


def test_a_dose_and_patients_from_two_cohorts_are_refused(registry: Path, trials: Trials) -> None:
    """The doses of IM19's two cohorts swapped, each quoted apart from the patients it names (the
    curation note on the flat dose moved along with it)."""
    edit(
        registry,
        IM19_PATH,
        SWAPPED_COHORTS,
        (
            "arms.0.cohorts.0: 1×10^6/kg CAR-T cells for patients 1 to 3",
            'arms.0.cohorts.0: ["1×10^8 CAR-T cells", "patients 1 to 3"]',
        ),
        (
            "arms.0.cohorts.1: 1×10^8 CAR-T cells for patient 4 to 6",
            'arms.0.cohorts.1: ["1×10^6/kg CAR-T cells", "patient 4 to 6"]',
        ),
        ("    - field: arms.0.cohorts.1\n", "    - field: arms.0.cohorts.0\n"),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    first = place_of(registry, IM19_PATH, "patients: {first: 1, last: 3}", "{")
    second = place_of(registry, IM19_PATH, "patients: {first: 4, last: 6}", "{")
    assert (
        f"{IM19_PATH}:{first}: E508 arms.0.cohorts.0.patients: the quote that states its dose names no patients"
        in result.out
    )
    assert f"{IM19_PATH}:{second}: E508 arms.0.cohorts.1.patients" in result.out


def test_a_threshold_with_another_measures_limit_is_refused(registry: Path, trials: Trials) -> None:
    """IM19's exclusion criterion 11 lists "... Absolute neutrophil count <500/mm³ ... Platelets
    <25,000/mm³": the neutrophils' measure and the platelets' limit, quoted apart."""
    text = (registry / IM19_PATH).read_text(encoding="utf-8")
    at = text.index("      measure: Absolute neutrophil count\n")
    text = text[:at] + text[at:].replace("value: 500\n", "value: 25000\n", 1)
    (registry / IM19_PATH).write_text(text, encoding="utf-8")
    edit(
        registry,
        IM19_PATH,
        (
            "eligibility.thresholds.19: Absolute neutrophil count <500/mm³",
            'eligibility.thresholds.19: ["Absolute neutrophil count", "<25,000/mm³"]',
        ),
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1
    place = place_of(registry, IM19_PATH, "measure: Absolute neutrophil count", "Absolute")
    assert f"{IM19_PATH}:{place}: E513 eligibility.thresholds.19.measure: 'Absolute neutrophil count'" in result.out


def test_a_measure_from_the_heading_of_a_sub_list_binds(registry: Path, trials: Trials) -> None:
    """Relma-cel's inclusion criterion 4: "Oral corticosteroids must meet the following requirements:"
    heads the item "At least 8 weeks of treatment prior to screening" (thresholds 4 and 5)."""
    result = trials("validate", registry / RELMA_PATH)
    assert result.status == 0, result.out
    assert "Oral corticosteroids must meet the following requirements:" in (registry / RELMA_PATH).read_text()
