"""The clinical fields are bound to their words: a wrong value of each is refused with an E5xx code.

The fields clinicians filter on (the cells' origin, the target antigen, lupus nephritis scope,
classification criteria, required autoantibodies, the prior-therapy requirement) are checked as every
structured value is: each is what its evidence quote renders (reading/vocabulary.py), read in the
criterion it names. Each test changes one value of a record as curated into another value of its
vocabulary and expects the check to refuse it; tests/test_mutations.py does the same for every value
of the curated records systematically.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF_LINE, DATA_ROOT, IM19_PATH, REPO, Trials, add_source, im19_draft, joined
from conftest import put as put_file
from sle_trials.checks import evidence, load, rules, thresholds
from sle_trials.checks import schema as schema_mod
from sle_trials.engine import pipeline
from sle_trials.reading import layouts, vocabulary
from sle_trials.reading.lexicon import age_bounds, quantities, stated_limits

RELMA = "trials/NCT05765006.yaml"
IM19 = "trials/NCT06513429.yaml"
AUTOLOGOUS_STUB = "trials/NCT03030976.yaml"  # "A Study of CD19 Redirected Autologous T Cells ..."
ANTI_CD19_STUB = "trials/NCT06585514.yaml"  # "Anti-CD19 Chimeric Antigen Receptor T Cells ..."
PLAIN_STUB = "trials/NCT06900764.yaml"  # "A Study of CAR-T Cells in Subjects With ...": no antigen, no origin


@pytest.fixture(scope="module")
def checker() -> pipeline.Checker:
    return pipeline.Checker(DATA_ROOT)


def codes(checker: pipeline.Checker, shown: str, data: dict) -> list[tuple[str, str]]:
    """(code, message) of each problem `trials validate` would report for data as the record at shown."""
    record = load.Record(shown, data)
    if not checker.validator.valid(data):
        return [(p.code, p.message) for p in schema_mod.check(record, checker.validator)]
    problems = rules.check(record, DATA_ROOT, Path(shown).stem) or evidence.check(
        record, checker.schema, DATA_ROOT, checker.memory
    )
    return [(p.code, p.message) for p in problems]


def loaded(shown: str) -> dict:
    record, problems = load.load(DATA_ROOT / shown, shown)
    assert record is not None, problems
    return copy.deepcopy(record.data)


def put(data: dict, dotted: str, value: Any) -> dict:
    out = copy.deepcopy(data)
    node: Any = out
    parts = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value
    return out


@pytest.mark.parametrize("shown", [RELMA, IM19, AUTOLOGOUS_STUB, ANTI_CD19_STUB, PLAIN_STUB])
def test_the_records_as_curated_pass(checker: pipeline.Checker, shown: str) -> None:
    assert codes(checker, shown, loaded(shown)) == []


@pytest.mark.parametrize(
    "shown, dotted, wrong, code",
    [
        (AUTOLOGOUS_STUB, "cell_product.origin", "ALLOGENEIC", "E507"),
        (AUTOLOGOUS_STUB, "cell_product.target_antigens", ["CD20"], "E507"),
        (AUTOLOGOUS_STUB, "cell_product.target_antigens", ["CD19", "BCMA"], "E507"),
        (ANTI_CD19_STUB, "cell_product.target_antigens", ["BCMA"], "E507"),
        (RELMA, "eligibility.lupus_nephritis.scope", "REQUIRED", "E507"),
        (RELMA, "eligibility.lupus_nephritis.scope", "EXCLUDED", "E507"),
        (RELMA, "eligibility.lupus_nephritis.scope", "ALLOWED", "E507"),
        (RELMA, "eligibility.lupus_nephritis.criterion.list", "INCLUSION", "E513"),
        (RELMA, "eligibility.lupus_nephritis.criterion.number", 2, "E513"),
        (RELMA, "eligibility.classification_criteria.systems", ["SLICC_2012"], "E507"),
        (RELMA, "eligibility.classification_criteria.systems", ["EULAR_ACR_2019"], "E507"),
        (RELMA, "eligibility.classification_criteria.systems", ["ACR_1997", "SLICC_2012"], "E507"),
        (RELMA, "eligibility.autoantibodies.antibodies", ["ANA", "ANTI_DSDNA"], "E507"),
        (RELMA, "eligibility.autoantibodies.antibodies", ["ANA", "ANTI_DSDNA", "ANTI_RNP"], "E507"),
        (RELMA, "eligibility.autoantibodies.match", "ALL_OF", "E507"),
        (RELMA, "eligibility.prior_therapy.therapies.0", "hydroxychloroquine", "E501"),
        (
            RELMA,
            "eligibility.prior_therapy.therapies.0",
            "anti-Smith antibodies",
            "E513",
        ),  # criterion 5, not criterion 4
        (RELMA, "eligibility.classification_criteria.criterion.number", 7, "E109"),
        (IM19, "eligibility.prior_therapy.refractory", False, "E507"),
    ],
)
def test_a_wrong_clinical_value_is_refused(
    checker: pipeline.Checker, shown: str, dotted: str, wrong: Any, code: str
) -> None:
    found = codes(checker, shown, put(loaded(shown), dotted, wrong))
    assert code in {c for c, _ in found}, found


def test_a_stub_target_must_be_in_its_related_title(checker: pipeline.Checker) -> None:
    """A stub's target is read from the title the citing page gives it: a title naming none states none,
    and a quote from elsewhere on that page (the page's own trial) is not about the stub."""
    data = loaded(PLAIN_STUB)
    data["cell_product"] = {"target_antigens": ["CD19"]}
    data["evidence"]["cell_product.target_antigens"] = (
        "A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus"
    )
    found = codes(checker, PLAIN_STUB, data)
    assert [c for c, _ in found] == ["E507"], found
    data["evidence"]["cell_product.target_antigens"] = (
        "Anti-CD19 Chimeric Antigen Receptor T Cells"  # another stub's title
    )
    found = codes(checker, PLAIN_STUB, data)
    assert [c for c, _ in found] == ["E512"], found


def test_the_list_decides_what_a_nephritis_phrase_means(checker: pipeline.Checker) -> None:
    """The same words, "Severe lupus nephritis", are SEVERE_EXCLUDED in the exclusion list: the message
    says what the quote states instead."""
    found = codes(checker, RELMA, put(loaded(RELMA), "eligibility.lupus_nephritis.scope", "EXCLUDED"))
    assert found and found[0][0] == "E507"
    assert "SEVERE_EXCLUDED" in found[0][1]


@pytest.mark.parametrize(
    "dotted, wrong, offered, not_offered",
    [
        ("phases", ["PHASE3"], "'Phase 3'", "'Phase 2/3'"),
        ("phases", ["PHASE1", "PHASE2"], "'Phase 2'", "'Phase 1/2'"),
        ("eligibility.lupus_nephritis.scope", "EXCLUDED", "'lupus nephritis'", "'EXCLUDED'"),
    ],
)
def test_the_hint_of_a_wrong_term_offers_words_that_state_it_alone(
    checker: pipeline.Checker, dotted: str, wrong: Any, offered: str, not_offered: str
) -> None:
    """A quote stating PHASE3 says "Phase 3": "Phase 2/3" states PHASE2 too and would be refused. (Relma-cel's
    note on its phases, "recorded as PHASE1", no longer says what the record holds either: E501, hunt 206.)"""
    found = codes(checker, RELMA, put(loaded(RELMA), dotted, wrong))
    assert [c for c, _ in found] == ["E501"] * (dotted == "phases" and "PHASE1" not in wrong) + ["E507"], found
    hint = next(message for code, message in found if code == "E507").rsplit("; ", 1)[1]
    assert offered in hint and not_offered not in hint, hint


def test_each_hinted_rendering_states_its_value_alone() -> None:
    """Every value of every vocabulary has words to offer, in each list that can state it, and each,
    read as a quote is read, states that value and no other."""
    for vocab in vocabulary.every():
        for value in {v for values in vocab.values.values() for v in values}:
            for side in (None, *vocab.reading.sides.get(value, ())):
                hints = vocab.hints(value, side)
                assert hints, (vocab.name, value, side)
                for hint in hints:
                    assert vocab.stated(hint, side) == {value}, (vocab.name, value, side, hint)


def test_a_pipe_in_a_list_item_is_refused(checker: pipeline.Checker) -> None:
    """'|' joins list items in trials.csv: an item holding one would split in two, so the record refuses it
    (E205, at the value)."""
    data = put(loaded(IM19), "eligibility.prior_therapy.therapies.0", "steroids | antimalarials")
    found = codes(checker, IM19, data)
    assert [c for c, _ in found] == ["E205"], found
    for dotted, value in (
        ("locations.0.city", "Beijing|Shanghai"),
        ("interventions.0.name", "IM19|CAR-T"),
        ("eligibility.thresholds.0.measure", "Weight|BMI"),
    ):
        found = codes(checker, IM19, put(loaded(IM19), dotted, value))
        assert "E205" in {c for c, _ in found}, (dotted, found)


@pytest.mark.parametrize(
    "shown, index, said",
    [
        # a condition before the limit, which the criterion's other limits are given
        (IM19, 2, "states 'If the subject is receiving steroids"),
        (IM19, 3, "states 'If the subject is receiving steroids"),
        (RELMA, 3, "states 'Oral corticosteroids must meet the following requirements:'"),
        # an "if" in the threshold's own quote ("if biological agents ... are used")
        (IM19, 5, "its quote states a condition ('If the subject is receiving treatment"),
        (IM19, 7, "its quote states a condition ('if biological agents"),
        (RELMA, 7, "its quote states a condition ('if low complement"),
    ],
)
def test_a_threshold_left_without_its_condition_is_refused(
    checker: pipeline.Checker, shown: str, index: int, said: str
) -> None:
    """Before: a threshold whose conditions were all left out passed, and its limit read as applying to
    everyone (E524). A threshold that quotes the sub-list heading its measure is read from holds it:
    Relma-cel's 8 weeks of oral corticosteroids pass as curated (test_the_records_as_curated_pass)."""
    data = loaded(shown)
    del data["eligibility"]["thresholds"][index]["conditions"]
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E524"], found
    assert said in found[0][1], found


@pytest.mark.parametrize("shown, index", [(RELMA, 0), (RELMA, 1), (RELMA, 3), (IM19, 0), (IM19, 1), (IM19, 2)])
def test_a_prior_therapy_left_out_of_its_quotes_list_is_refused(
    checker: pipeline.Checker, shown: str, index: int
) -> None:
    """Before: a prior-therapy requirement with one of the kinds of treatment its quote lists left out
    (the first, one between, the last) passed, and read as a narrower requirement (E525). The same
    items in another order are the same requirement, but not the list trials.csv gives in source
    order (E525 too); put back in their place, they pass."""
    data = loaded(shown)
    therapies = data["eligibility"]["prior_therapy"]["therapies"]
    dropped = therapies.pop(index)
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E525"], found
    assert "enumeration has more than its items" in found[0][1]
    therapies.insert(0, dropped)
    if index:
        found = codes(checker, shown, data)
        assert [c for c, _ in found] == ["E525"] and "criterion's order" in found[0][1], found
    therapies.insert(index, therapies.pop(0))
    assert codes(checker, shown, data) == []


@pytest.mark.parametrize(
    "shown, index, cut",
    [
        (IM19, 2, "biologics"),  # "biologics (belizumab or Rituximab)": the biologics meant left out
        (IM19, 2, "biologics (belizumab"),  # rituximab left out
        (RELMA, 3, "other immunosuppressants"),  # "... or immunomodulators": immunomodulators left out
    ],
)
def test_the_last_prior_therapy_cut_short_is_refused(
    checker: pipeline.Checker, shown: str, index: int, cut: str
) -> None:
    """Before: the enumeration's last item cut before its parenthesis or its alternative passed once
    the enumeration had closed with its "and": the words after it were taken for the rest of the
    sentence ("A, B, and C, and the disease ..."). A parenthesis right after an item, or an "or"
    with no comma before it, is still the item's (E525); an item before the last was refused so already."""
    data = loaded(shown)
    data["eligibility"]["prior_therapy"]["therapies"][index] = cut
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E525"], found


@pytest.mark.parametrize(
    "shown, index, part",
    [
        (IM19, 2, "cyclophosphamide or mycophenolate mofetil"),  # of "immunosuppressants (...)", biologics lost
        (IM19, 0, "belizumab or Rituximab"),  # of "biologics (...)", steroids lost
        (RELMA, 3, "NSAIDs"),  # of "non-steroidal anti-inflammatory drugs (NSAIDs)", immunosuppressants lost
        (RELMA, 4, "immunomodulators"),  # of "other immunosuppressants or immunomodulators", added
    ],
)
def test_a_prior_therapy_inside_another_is_refused(
    checker: pipeline.Checker, shown: str, index: int, part: str
) -> None:
    """Before: an item that is part of another item (the words of its parenthesis) passed, in the
    place of a kind of treatment it then left out: the enumeration's items were read in order, and
    one inside another hid the end of the enumeration (E525)."""
    data = loaded(shown)
    therapies = data["eligibility"]["prior_therapy"]["therapies"]
    therapies[index : index + 1] = [part]
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E525"], found
    assert "stands inside the item" in found[0][1]


@pytest.mark.parametrize(
    "shown, index, run",
    [
        (RELMA, 0, ": corticosteroids"),  # the enumeration's colon
        (IM19, 0, "regimen, including steroids (sufficient or shock therapy)"),  # its lead-in
    ],
)
def test_a_prior_therapy_run_into_the_words_before_the_enumeration_is_refused(
    checker: pipeline.Checker, shown: str, index: int, run: str
) -> None:
    """Before: the first item run back into the words before the enumeration passed (no separator
    stood between it and the item before, there being none): trials.csv listed ": corticosteroids"."""
    data = loaded(shown)
    data["eligibility"]["prior_therapy"]["therapies"][index] = run
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E525"], found


@pytest.mark.parametrize(
    "shown, index, k, condition",
    [
        (RELMA, 7, 0, "antibodies) if low complement and/or anti-DS-DNA antibody score is present"),
        (
            RELMA,
            2,
            1,
            "is no minimum daily dose requirement for corticosteroids when used in combination with "
            "immunosuppressants.",
        ),
        (IM19, 7, 0, "period, if biological agents (such as belizumab or Telitacicept) are used"),
    ],
)
def test_a_condition_that_starts_inside_its_clause_is_refused(
    checker: pipeline.Checker, shown: str, index: int, k: int, condition: str
) -> None:
    """Before: a condition was held whole to its clause's end only: one starting inside its clause (a
    word or a parenthesis of the clause before it taken in, its first words left out) passed."""
    data = loaded(shown)
    data["eligibility"]["thresholds"][index]["conditions"][k] = condition
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E528"], found


@pytest.mark.parametrize(
    "shown, index, torn",
    [
        (IM19, 0, "(sufficient or shock therapy)"),  # the parenthesis of "steroids (...)" alone
        (IM19, 2, "biologics (belizumab or"),  # its parenthesis left open
        (IM19, 2, "Rituximab)"),  # closed, not opened
        (RELMA, 3, "other immunosuppressants or"),  # a conjunction left hanging
    ],
)
def test_a_prior_therapy_cut_inside_its_words_is_refused(
    checker: pipeline.Checker, shown: str, index: int, torn: str
) -> None:
    """Before: an item cut inside its own words, its first or last word left out, passed where its
    cut still left only separators between it and the next item, or the enumeration closed before it:
    trials.csv listed "(sufficient or shock therapy)" or "biologics (belizumab or" as a prior therapy."""
    data = loaded(shown)
    data["eligibility"]["prior_therapy"]["therapies"][index] = torn
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E525"], found
    assert "list each item whole" in found[0][1]


@pytest.mark.parametrize(
    "shown, index, other",
    [(RELMA, 2, 3), (RELMA, 10, 9), (IM19, 2, 4)],
)
def test_a_limit_written_over_another_of_its_measure_is_refused(
    checker: pipeline.Checker, shown: str, index: int, other: int
) -> None:
    """Before: a threshold given the limit of another of the same measure and kind, with that one's
    quote, passed: each copy bound to its quote and the limit it replaced was lost (E113)."""
    data = loaded(shown)
    thresholds = data["eligibility"]["thresholds"]
    thresholds[index] = copy.deepcopy(thresholds[other])
    data["evidence"][f"eligibility.thresholds.{index}"] = data["evidence"][f"eligibility.thresholds.{other}"]
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E113"], found
    assert f"the same limit as eligibility.thresholds.{min(index, other)}" in found[0][1]


def test_a_limit_said_of_a_longer_measure_is_not_its_shorter_ones(checker: pipeline.Checker) -> None:
    """Before: Relma-cel's SELENA-SLEDAI threshold given 6 with the quote "Score ≥6 for SELENA-SLEDAI
    clinical symptoms" passed: "SELENA-SLEDAI" stands in the quote, but inside the other threshold's
    longer measure, whose limit that is (E513). A limit inside the longer measure itself ("prednisone
    ≥100", the measure of a time limit) is still the shorter one's: the records pass as curated."""
    data = loaded(RELMA)
    data["eligibility"]["thresholds"][6]["value"] = 6
    data["evidence"]["eligibility.thresholds.6"] = (
        "Score ≥6 for SELENA-SLEDAI clinical symptoms (except for low complement and/or anti-DS-DNA antibodies)"
    )
    found = codes(checker, RELMA, data)
    assert [c for c, _ in found] == ["E513"], found
    assert "is said of another measure, not of 'SELENA-SLEDAI'" in found[0][1]


@pytest.mark.parametrize("cohort", [0, 1])
def test_a_cohort_left_out_of_a_complete_record_is_refused(checker: pipeline.Checker, cohort: int) -> None:
    """Before: IM19 with one of its two cohorts (and its quote and note) left out passed, and its arm
    read as one dose (E526). Declared incomplete, the cohorts say so themselves."""
    data = loaded(IM19)
    del data["arms"][0]["cohorts"][cohort]
    quotes = [data["evidence"].pop("arms.0.cohorts.0"), data["evidence"].pop("arms.0.cohorts.1")]
    data["evidence"]["arms.0.cohorts.0"] = quotes[1 - cohort]
    data["curation"]["notes"] = [n for n in data["curation"]["notes"] if n["field"] != "arms.0.cohorts.1"]
    if cohort == 0:  # the flat dose's note follows its cohort
        data["curation"]["notes"] = loaded(IM19)["curation"]["notes"]
        for note in data["curation"]["notes"]:
            if note["field"] == "arms.0.cohorts.1":
                note["field"] = "arms.0.cohorts.0"
    found = codes(checker, IM19, data)
    assert [c for c, _ in found] == ["E526"], found
    assert ("patients 1 to 3" if cohort == 0 else "patients 4 to 6") in found[0][1]
    # declared incomplete, it is refused all the same: the source states the cohort (incomplete waives
    # only what a source lacks); a record curated in part is a draft
    data["curation"]["incomplete"].append({"field": "arms.cohorts", "text": "One cohort is not curated yet."})
    assert [c for c, _ in codes(checker, IM19, data)] == ["E526"]
    data["curation"]["status"] = "draft"  # curated in part: a draft
    assert codes(checker, IM19, data) == []


def test_patients_are_not_read_from_an_age_or_a_weight() -> None:
    from sle_trials.reading.lexicon import head_counts

    assert head_counts.patient_ranges("for patients 1 to 3, and for patient 4 to 6.") == [(1, 3), (4, 6)]
    assert head_counts.patient_ranges("patients 18 to 65 years old, participants 40 kg or more, patient 3.5") == []


@pytest.mark.parametrize(
    "quote, ages",
    [
        ("Age ≥18 and ≤65 years", [("min", 18, "YEARS"), ("max", 65, "YEARS")]),
        ("Age ≥ 18, ≤ 65 years", [("min", 18, "YEARS"), ("max", 65, "YEARS")]),
        ("Age ≥ 18 years old, ≤ 65 years old", [("min", 18, "YEARS"), ("max", 65, "YEARS")]),
        ("Weight ≥40 and age ≤65 years", [("min", 40, None), ("max", 65, "YEARS")]),  # another measure's
    ],
)
def test_two_age_bounds_share_the_unit_after_the_second(quote: str, ages: list) -> None:
    """Before: in "Age ≥18 and ≤65 years" the minimum had no unit of its own, so a correct minimum age
    of 18 YEARS was refused (E508: "it gives 18 in another unit", a false refusal)."""
    from sle_trials.reading.lexicon import age_bounds

    assert [(a.bound, a.value, a.unit) for a in age_bounds.ages(quote)] == ages


@pytest.mark.parametrize(
    "quote, ages",
    [
        ("Age within 18 to 65 years", [("min", 18, "YEARS"), ("max", 65, "YEARS")]),
        ("Patients within 18 to 65 years old", [("min", 18, "YEARS"), ("max", 65, "YEARS")]),
        ("within 18-65 years of age", [("min", 18, "YEARS"), ("max", 65, "YEARS")]),
        # a length of time, both of its ends
        ("SLE diagnosed within 2 to 3 years", []),
        ("within 6 to 12 months of receiving", []),
    ],
)
def test_an_age_range_after_within_gives_both_bounds(quote: str, ages: list) -> None:
    """Before: "within 18 to 65 years" was read as a maximum of 18 ("within" read as "<") and an unplaced
    65: the importer noted the wrong bound (and none at all for "within 18 to 65 years old", whose 18 read
    as a length of time), and the check refused a minimum of 18 and a maximum of 65 (E508). The importer
    (criteria_ages) and the check (ages, less what length_of_time takes out) read both bounds alike."""
    checked = [(a.bound, a.value, a.unit) for a in age_bounds.ages(quote) if not age_bounds.length_of_time(quote, a)]
    imported = [(a.bound, a.value, a.unit) for a in age_bounds.criteria_ages(quote)]
    assert checked == imported == ages


@pytest.mark.parametrize(
    "quote, basis",
    [
        ("1×10^6 CAR-T cells per kilogram of body weight", "PER_KG"),
        ("1 million CAR-T cells per kg", "PER_KG"),
        ("1×10^6 CAR-T cells/kg", "PER_KG"),
        ("1×10^8 CAR-T cells per patient", "FLAT"),
        ("1×10^8 CAR-T cells for patient 4 to 6, 40 kg or more", "FLAT"),
    ],
)
def test_per_kilogram_after_a_dose_unit_in_words(quote: str, basis: str) -> None:
    """Before: only "/kg" after the unit's words made a dose per kilogram, so a correct PER_KG for
    "1×10^6 CAR-T cells per kilogram of body weight" was refused as FLAT (E508, a false refusal)."""
    from sle_trials.reading.lexicon import dosing

    assert dosing.doses(quote)[0].basis == basis


@pytest.mark.parametrize(
    "index, value, measure, quote, expected",
    [
        # "... with a neutrophil count <1000/mm³"; the threshold's own limit, b.'s <200/mm³, is then left out
        # (E527: < 500 is c.'s limit, which threshold 19 holds, so this one stands for no other)
        (18, 500, "CD4+ T lymphocytes", "CD4+ T lymphocytes <500/mm³", ["E524", "E527"]),
        (
            19,
            1000,
            "neutrophil count",
            "neutrophil count <1000/mm³",
            ["E524"],
        ),  # "... <500/mm³ with a neutrophil count"
    ],
)
def test_a_limit_joined_to_another_is_not_one_on_its_own(
    checker: pipeline.Checker, index: int, value: int, measure: str, quote: str, expected: list[str]
) -> None:
    """Before: IM19's compound exclusion "CD4+ T lymphocytes <500/mm³ with a neutrophil count
    <1000/mm³" gave either limit as an unconditional threshold with its half as the quote (E524)."""
    data = loaded(IM19)
    data["eligibility"]["thresholds"][index].update(value=value, measure=measure)
    data["evidence"][f"eligibility.thresholds.{index}"] = quote
    found = codes(checker, IM19, data)
    assert [c for c, _ in found] == expected, found
    assert "joins its quote to another requirement" in found[0][1]


@pytest.mark.parametrize(
    "index, value, measure, quote",
    [
        (18, 500, "CD4+ T lymphocytes", "CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³"),
        (18, 500, "CD4+ T lymphocytes", "d. CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³ e."),
        (19, 1000, "neutrophil count", "CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³"),
    ],
)
def test_a_limit_joined_to_another_is_not_one_on_its_own_quoted_with_it(
    checker: pipeline.Checker, index: int, value: int, measure: str, quote: str
) -> None:
    """Before: the compound exclusion's limits were refused only when the quote stopped at the joining
    "with": a quote that went on through the other requirement held it, and either limit passed as an
    unconditional threshold (in a draft, where no E527 looks for the limit it stood in for)."""
    data = loaded(IM19)
    data["curation"]["status"] = "draft"
    data["eligibility"]["thresholds"][index].update(value=value, measure=measure)
    data["evidence"][f"eligibility.thresholds.{index}"] = quote
    found = codes(checker, IM19, data)
    assert [c for c, _ in found] == ["E524"], found
    assert "joins its quote to another requirement" in found[0][1]


SURGERY = (
    "Major surgery (including joint surgery) was performed within 24 weeks prior to screening, or surgery is "
    "planned within 24 weeks after enrollment in the study."
)


@pytest.mark.parametrize("kind, expected", [("TIME_SINCE_EVENT", ["E508"]), ("TIME_UNTIL_EVENT", [])])
def test_a_limit_is_read_beside_its_own_measure_in_a_quote_of_two(
    checker: pipeline.Checker, kind: str, expected: list[str]
) -> None:
    """Before: IM19's planned surgery (threshold 10, "surgery", < 24 weeks), quoted by the whole of
    exclusion criterion 4, was read beside the "surgery" of "Major surgery (including joint surgery)",
    the other threshold's: its kind was that limit's, so the wrong TIME_SINCE_EVENT passed (and the
    surgery's limit read as one since it, twice) while the right TIME_UNTIL_EVENT was refused."""
    data = loaded(IM19)
    data["eligibility"]["thresholds"][10]["kind"] = kind
    data["evidence"]["eligibility.thresholds.10"] = SURGERY
    found = codes(checker, IM19, data)
    assert [c for c, _ in found] == expected, found


@pytest.mark.parametrize(
    "shown, index, measure, expected",
    [
        # IM19 inclusion 5: the washout "if biological agents ... are used" given the measure of the
        # sentences before it ("If the subject is receiving treatment with antimalarial drugs ...")
        (IM19, 7, "antimalarial drugs and/or conventional immunosuppressants", "E513"),
        # IM19 exclusion 11: hemoglobin's < 7.0 g/dL given the serum creatinine of the sentence before
        (IM19, 17, "serum creatinine", "E513"),
        # Relma-cel inclusion 6: the clinical symptoms' score given the "SELENA-SLEDAI" of the sentence
        # before, where it stands whole beside another limit
        (RELMA, 7, "SELENA-SLEDAI", "E529"),
    ],
)
def test_a_measure_of_another_sentence_of_the_item_is_not_the_limits(
    checker: pipeline.Checker, shown: str, index: int, measure: str, expected: str
) -> None:
    """Before: a threshold quoted by its whole item was bound to a measure any sentence of the item
    named, once the record's thresholds no longer held that measure's own: the washout of biological
    agents passed as one of antimalarial drugs, hemoglobin's limit as serum creatinine's."""
    data = loaded(shown)
    data["curation"]["status"] = "draft"
    threshold = data["eligibility"]["thresholds"][index]
    threshold["measure"] = measure
    ref = threshold["criterion"]
    item = next(c for c in data["eligibility"][ref["list"].lower() + "_criteria"] if c["number"] == ref["number"])
    data["evidence"][f"eligibility.thresholds.{index}"] = item["text"]
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == [expected], found


def _without_threshold(data: dict, index: int) -> dict:
    """data with threshold index left out as a curator leaves it out: its quote gone, the later
    thresholds' quotes one key down."""
    out = copy.deepcopy(data)
    del out["eligibility"]["thresholds"][index]
    evidence = {}
    for key, quote in out["evidence"].items():
        head, _, rest = key.removeprefix("eligibility.thresholds.").partition(".")
        if key.startswith("eligibility.thresholds.") and head.isdigit():
            if int(head) == index:
                continue
            key = f"eligibility.thresholds.{int(head) - (int(head) > index)}" + (f".{rest}" if rest else "")
        evidence[key] = quote
    out["evidence"] = evidence
    return out


@pytest.mark.parametrize(
    "shown, index, words",
    [
        (IM19, 1, "score of 10"),  # SLEDAI-2K ≥ 10: trials.csv's disease-activity cell would read "not stated"
        (IM19, 10, "planned within 24 weeks"),  # criterion 4 says "within 24 weeks" twice: two limits
        (IM19, 19, "neutrophil count <500"),  # c., beside d.'s "<500/mm³" that a note leaves in the text
        (RELMA, 11, "prednisone ≥100"),  # a note on the thresholds explains its reading; it leaves none out
    ],
)
def test_a_limit_left_out_of_a_complete_record_is_refused(
    checker: pipeline.Checker, shown: str, index: int, words: str
) -> None:
    """Before: a complete record passed with any threshold left out, its quote with it: every value
    left still bound (E527)."""
    found = codes(checker, shown, _without_threshold(loaded(shown), index))
    assert [c for c, _ in found] == ["E527"], found
    assert words in found[0][1]


def test_a_limit_copied_over_another_in_other_words_leaves_that_one_out(checker: pipeline.Checker) -> None:
    """Before: IM19's stable steroid dose (>= 7 days) given the steroid ceiling's limit and quote
    ("... the maximum dose of steroids is 30mg/day prednisone ..."), its measure "steroids" kept,
    passed: the copy binds (its measure stands in the quote), it was no E113 (its measure is worded
    otherwise), and E527 took it for a wrong threshold standing for the 7 days. A threshold whose limit
    the criterion states, held by another already, stands for no other limit; and bound to the words
    that threshold is bound to, it is that limit written twice (E113, hunt 234)."""
    data = loaded(IM19)
    thresholds = data["eligibility"]["thresholds"]
    assert (thresholds[3]["measure"], thresholds[3]["value"], thresholds[2]["value"]) == ("steroids", 7, 30)
    thresholds[3].update({k: thresholds[2][k] for k in ("kind", "comparator", "value", "unit")})
    data["evidence"]["eligibility.thresholds.3"] = data["evidence"]["eligibility.thresholds.2"]
    found = codes(checker, IM19, data)
    assert [c for c, _ in found] == ["E113", "E527"], found
    assert "for ≥ 7 days" in found[1][1]


def test_each_age_unit_of_the_schema_is_a_time_unit_of_the_lexicon() -> None:
    """E527 takes a criterion's limit for the record's age limit when its unit is the lexicon's time
    unit named as the age's unit lower-cased (YEARS: "years"); an age unit the lexicon did not know
    (MINUTES once) made a criterion stating the record's own age limit a threshold left out."""
    from sle_trials.reading.lexicon import quantities

    age = json.loads((REPO / "schema" / "trial.schema.json").read_text(encoding="utf-8"))["$defs"]["age"]
    time_units = {u.key for u in quantities.UNITS if u.dimension == "time"}
    assert age["properties"]["unit"]["enum"] and {u.lower() for u in age["properties"]["unit"]["enum"]} <= time_units


def test_a_limit_is_left_in_the_text_only_by_a_note_on_its_list(checker: pipeline.Checker) -> None:
    """IM19's compound exclusion (d. CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³) is
    left in the text by its note on the exclusion list; without the note, or with the note on the
    thresholds, both of its limits are missed. Ages are the record's age limits, not thresholds; a
    count written as a word ("one or more of the following") is no limit."""
    data = loaded(IM19)
    assert codes(checker, IM19, data) == []
    note = next(n for n in data["curation"]["notes"] if n["field"] == "eligibility.exclusion_criteria")
    for field in (None, "eligibility.thresholds"):
        changed = copy.deepcopy(data)
        notes = changed["curation"]["notes"]
        if field is None:
            notes.remove(note)
        else:
            next(n for n in notes if n["field"] == "eligibility.exclusion_criteria")["field"] = field
        found = codes(checker, IM19, changed)
        assert [c for c, _ in found] == ["E527", "E527"], found
        assert "T lymphocytes <500" in found[0][1] and "neutrophil count <1000" in found[1][1]
    # inclusion criterion 2 ("Age ≥ 18 years old, ≤ 65 years old") against another maximum age
    older = put(data, "eligibility.maximum_age.value", 70)
    older["evidence"]["eligibility.maximum_age"] = "Age ≥ 18 years old, ≤ 65 years old"
    assert "E527" in {c for c, _ in codes(checker, IM19, older)}
    # the thresholds not yet curated: nothing to hold
    pending = copy.deepcopy(data)
    del pending["eligibility"]["thresholds"]
    pending["evidence"] = {k: v for k, v in pending["evidence"].items() if not k.startswith("eligibility.thresholds")}
    pending["curation"]["not_yet_curated"] = ["eligibility.thresholds"]
    assert codes(checker, IM19, pending) == []


@pytest.mark.parametrize(
    "field, text, excused",
    [
        ("eligibility.inclusion_criteria", "The unstable for ≥ 7 days is noted.", False),  # names no criterion
        ("eligibility.inclusion_criteria", "Inclusion criterion 5's xfor ≥ 7 days stays in the text.", False),
        # (the note's "7 days" of exclusion criterion 5, which writes none, is refused too: E501, hunt 206)
        ("eligibility.inclusion_criteria", "Exclusion criterion 5's for ≥ 7 days stays in the text.", False),
        ("eligibility.inclusion_criteria.0", "Its for ≥ 7 days stays in the text.", False),  # another criterion's
        ("eligibility.inclusion_criteria", "Inclusion criterion 5's for ≥ 7 days stays in the text.", True),
        ("eligibility.inclusion_criteria.3", "Its for ≥ 7 days stays in the text.", True),
    ],
)
def test_a_note_leaves_in_the_text_only_a_limit_of_the_criterion_it_names(
    checker: pipeline.Checker, field: str, text: str, excused: bool
) -> None:
    """Before: a note on a criteria list excused a dropped limit (E527) wherever its text held the
    limit with the two words before it, in any criterion of the list and inside another word ("table
    for ≥ 7 days" of "unstable"). A note names the criterion (on it, or "inclusion criterion 5" on
    its list) and the limit in words of their own."""
    data = _without_threshold(loaded(IM19), 3)  # IM19's stable steroid dose, "for ≥ 7 days"
    data["curation"]["notes"].append({"field": field, "text": text})
    of_another = text.startswith("Exclusion criterion 5")  # a fact its criterion does not write (E501)
    assert [c for c, _ in codes(checker, IM19, data)] == ([] if excused else ["E501"] * of_another + ["E527"])


@pytest.mark.parametrize(
    "shown, index, condition",
    [
        # a condition of the next sentence: "SELENA-SLEDAI score ≥8 ... Score ≥6 ... if low complement ..."
        (RELMA, 6, "if low complement and/or anti-DS-DNA antibody score is present"),
        # a sub-list's heading, after a limit of the criterion's own text (6 months of SLE history)
        (RELMA, 0, "Oral corticosteroids must meet the following requirements:"),
        # an exception that lifts the floor, given to the ceiling beside it (≤30 mg/day)
        (
            RELMA,
            3,
            "There is no minimum daily dose requirement for corticosteroids when used in combination with "
            "immunosuppressants.",
        ),
        # sub-item 2's exception, given to sub-item 3's 8 weeks of treatment
        (
            RELMA,
            4,
            "There is no minimum daily dose requirement for corticosteroids when used in combination with "
            "immunosuppressants.",
        ),
        # the steroid condition, which the antimalarial one ends before the 12 weeks
        (IM19, 5, "If the subject is receiving steroids, the following conditions must be met:"),
        # a later condition, given to the steroid limit before it
        (IM19, 2, "if biological agents (such as belizumab or Telitacicept) are used"),
        # the trailing clause of the sentence before, which states another limit ("SELENA-SLEDAI score ≥8
        # during the screening period."), or that whole sentence: no condition of the next sentence's ≥6
        (RELMA, 7, "during the screening period"),
        (RELMA, 7, "SELENA-SLEDAI score ≥8 during the screening period."),
        # inline item d's own limits, given to item e's platelets after it ("d. CD4+ T lymphocytes <500/mm³
        # with a neutrophil count <1000/mm³ e. Platelets <25,000/mm³")
        (IM19, 20, "CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³"),
        (IM19, 20, "with a neutrophil count <1000/mm³"),
    ],
)
def test_a_condition_of_another_limit_added_to_its_own_is_refused(
    checker: pipeline.Checker, shown: str, index: int, condition: str
) -> None:
    """Before: a threshold could hold, beside its own conditions, one that governs another limit of its
    criterion (only the nearest before it was checked): the limit then read as applying to fewer
    patients than the criterion says (E518)."""
    data = loaded(shown)
    held = data["eligibility"]["thresholds"][index].get("conditions", [])
    found = codes(checker, shown, put(data, f"eligibility.thresholds.{index}.conditions", held + [condition]))
    assert [c for c, _ in found] == ["E518"], found


def test_an_inline_items_trailing_condition_is_its_own_and_no_later_items(checker: pipeline.Checker) -> None:
    """IM19's item d, run into one text with the items around it ("d. CD4+ T lymphocytes <500/mm³ with a
    neutrophil count <1000/mm³ e. Platelets <25,000/mm³"), recorded as a threshold with its trailing
    condition: the condition ends its clause where item e's label starts (no E528), and governs item d's
    limit only, not the platelets after it (no E524 for threshold 20)."""
    data = loaded(IM19)
    limit = {**data["eligibility"]["thresholds"][18], "value": 500}
    limit["conditions"] = ["with a neutrophil count <1000/mm³"]
    data["eligibility"]["thresholds"].append(limit)
    quote = "d. CD4+ T lymphocytes <500/mm³ with a neutrophil count <1000/mm³"
    data["evidence"][f"eligibility.thresholds.{len(data['eligibility']['thresholds']) - 1}"] = quote
    assert codes(checker, IM19, data) == []


def beside_the_notes(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """found but a note's E501: Relma-cel's note on the floor's conditions says what they are, so a mutant of them
    makes the note untrue too (remark_conditions, hunt 215), besides the binding's own code tested here."""
    return [
        (code, message) for code, message in found if not (code == "E501" and message.startswith("curation.notes."))
    ]


def test_an_exception_after_a_limit_is_its_condition(checker: pipeline.Checker) -> None:
    """Relma-cel's floor of 7.5 mg/day prednisone is lifted by the sub-item after it ("There is no minimum
    daily dose requirement ... when used in combination with immunosuppressants"): the threshold left
    without it reads as applying to all patients on oral corticosteroids (E524). The heading above
    sub-item 3 governs its limits too, and the exception beside it before them does not."""
    data = loaded(RELMA)
    floor = data["eligibility"]["thresholds"][2]
    found = beside_the_notes(
        codes(checker, RELMA, put(data, "eligibility.thresholds.2.conditions", floor["conditions"][:1]))
    )
    assert [c for c, _ in found] == ["E524"], found
    assert "There is no minimum daily dose" in found[0][1]
    heading = "Oral corticosteroids must meet the following requirements:"
    assert codes(checker, RELMA, put(data, "eligibility.thresholds.4.conditions", [heading])) == []


@pytest.mark.parametrize(
    "shown, condition, quotes, words",
    [
        # left out of every threshold it governs: no other threshold's conditions say where it stands
        (IM19, "If the subject is receiving steroids, the following conditions must be met:", {}, "sentence"),
        (RELMA, "Oral corticosteroids must meet the following requirements:", {}, "under the heading"),
        # and its quote cut short of the trailing "if" ("... (except for ...) if low complement ...")
        (
            RELMA,
            "if low complement and/or anti-DS-DNA antibody score is present",
            {"eligibility.thresholds.7": "Score ≥6 for SELENA-SLEDAI clinical symptoms"},
            "sentence",
        ),
    ],
)
def test_a_condition_left_out_of_every_limit_it_governs_is_refused(
    checker: pipeline.Checker, shown: str, condition: str, quotes: dict, words: str
) -> None:
    """Before: a condition left out of every threshold that held it passed (E524 looked only for the
    conditions other thresholds of the criterion hold): the limits read as applying to all."""
    data = loaded(shown)
    for t in data["eligibility"]["thresholds"]:
        if condition in t.get("conditions", []):
            t["conditions"].remove(condition)
            if not t["conditions"]:
                del t["conditions"]
    data["evidence"].update(quotes)
    found = beside_the_notes(codes(checker, shown, data))
    assert {c for c, _ in found} == {"E524"}, found
    assert words in found[0][1]


@pytest.mark.parametrize(
    "shown, index, k, cut",
    [
        (RELMA, 7, 0, "if low complement and/or anti-DS-DNA antibody score is"),  # present? absent?
        (
            RELMA,
            2,
            1,
            "There is no minimum daily dose requirement for corticosteroids when used in combination with",
        ),
    ],
)
def test_a_condition_cut_short_of_its_clause_is_refused(
    checker: pipeline.Checker, shown: str, index: int, k: int, cut: str
) -> None:
    """Before: a condition cut short inside its clause still occurred in its criterion and passed: the
    words left out are what say when the limit applies (E528)."""
    found = beside_the_notes(
        codes(checker, shown, put(loaded(shown), f"eligibility.thresholds.{index}.conditions.{k}", cut))
    )
    assert [c for c, _ in found] == ["E528"], found


IM19_THERAPIES = (
    "steroids (sufficient or shock therapy)",
    "immunosuppressants (cyclophosphamide or mycophenolate mofetil)",
    "biologics (belizumab or Rituximab)",
)


@pytest.mark.parametrize(
    "therapies, quotes",
    [
        # the last kind left out, the quote cut after the second
        (IM19_THERAPIES[:2], [", ".join(IM19_THERAPIES[:2])]),
        # the first left out, the quote starting at the second
        (IM19_THERAPIES[1:], [", and ".join(IM19_THERAPIES[1:])]),
        # the middle one left out, the other two quoted one a quote
        (IM19_THERAPIES[::2], list(IM19_THERAPIES[::2])),
        # one kind alone, quoted alone
        (IM19_THERAPIES[1:2], [IM19_THERAPIES[1]]),
    ],
)
def test_a_prior_therapy_left_out_of_a_quote_cut_short_is_refused(
    checker: pipeline.Checker, therapies: tuple[str, ...], quotes: list[str]
) -> None:
    """Before: E525 read the enumeration in the quotes only, so a quote cut short of it (or one quote an
    item) hid the kinds of treatment left out, and a narrower requirement passed. The enumeration is
    now read in the criterion's words."""
    data = loaded(IM19)
    data["eligibility"]["prior_therapy"]["therapies"] = list(therapies)
    data["evidence"]["eligibility.prior_therapy"] = quotes + ["refractory systemic lupus erythematosus"]
    found = codes(checker, IM19, data)
    assert [c for c, _ in found] == ["E525"], found
    assert "the criterion's enumeration has more than its items" in found[0][1]


def test_a_whole_enumeration_quoted_in_pieces_passes(checker: pipeline.Checker) -> None:
    """Each kind of treatment quoted alone, all of them listed: the whole enumeration, not a narrower one."""
    data = loaded(IM19)
    data["evidence"]["eligibility.prior_therapy"] = list(IM19_THERAPIES) + ["refractory systemic lupus erythematosus"]
    assert codes(checker, IM19, data) == []


@pytest.mark.parametrize(
    "shown, quote",
    [
        # Relma-cel's list of therapies left out of its quotes: the first sentence of its criterion names none
        (
            RELMA,
            "the disease remained active at least 2 months after the use of a stable standard SLE regimen prior "
            "to screening.",
        ),
        # IM19's criterion quoted up to its colon: "refractory", but none of the kinds of treatment
        (IM19, "Meets the current clinical standards for refractory systemic lupus erythematosus:"),
    ],
)
def test_prior_therapies_quoted_by_words_that_write_none_are_refused(
    checker: pipeline.Checker, shown: str, quote: str
) -> None:
    """Before: a prior therapy had only to stand in the criterion its statement names, so a quote of
    another sentence of that criterion passed as its evidence, and the site showed words that list no
    therapy beside the therapies (E505)."""
    data = loaded(shown)
    data["evidence"]["eligibility.prior_therapy"] = quote
    found = codes(checker, shown, data)
    assert {c for c, _ in found} == {"E505"}, found
    assert "is not written in its quotes" in found[0][1]


@pytest.mark.parametrize(
    "antibodies, quote",
    [
        (["ANA", "ANTI_DSDNA"], "Screening is positive for antinuclear antibodies, and/or anti-DS-DNA antibodies"),
        (["ANTI_DSDNA", "ANTI_SM"], "anti-DS-DNA antibodies, and/or anti-Smith antibodies"),
        (["ANTI_DSDNA"], ["anti-DS-DNA antibodies", "and/or"]),  # "and/or" states its match
    ],
)
def test_an_autoantibody_left_out_of_a_quote_cut_short_is_refused(
    checker: pipeline.Checker, antibodies: list[str], quote: str | list[str]
) -> None:
    """Before: antibodies bound to a quote of part of the criterion's enumeration passed (its quote
    rendered exactly them), and trials.csv read a narrower requirement (E525)."""
    data = loaded(RELMA)
    data["eligibility"]["autoantibodies"]["antibodies"] = antibodies
    data["evidence"]["eligibility.autoantibodies"] = quote
    found = codes(checker, RELMA, data)
    assert [c for c, _ in found] == ["E525"], found
    assert "the criterion enumerates" in found[0][1]


def test_a_limit_of_an_unnumbered_criterion_is_named_or_refused(tmp_path: Path) -> None:
    """Before: E527 read only numbered criteria, so a complete record whose source numbers none (a
    registry's bullets) passed with every limit left out. No threshold can name an unnumbered
    criterion: each limit it states is named in a note on its list, or is the age limit. A count
    written as a word is a limit when it counts what it names ("at least two standard induction
    regimens"), not when it counts a list's items ("one or more of the following", IM19's criterion 5)."""
    root, shown, data = _complete_record(
        tmp_path,
        "Inclusion Criteria:\n\n* Age 18 to 65 years at the time of signing informed consent.\n"
        "* Failure of at least two standard induction regimens.\n* Body weight > 40 kg.\n"
        "* SLEDAI-2K score of 8 or above.\n\nExclusion Criteria:\n\n* Pregnant or breastfeeding women.",
    )
    data["curation"]["silent"].append("eligibility.thresholds")
    checker = pipeline.Checker(root)

    def found(data: dict) -> list[tuple[str, str]]:
        problems = rules.check(load.Record(shown, data), root, "NCT09000011") or evidence.check(
            load.Record(shown, data), checker.schema, root, checker.memory
        )
        return [(p.code, p.message) for p in problems]

    refused = found(data)
    # and the thresholds declared silent while the criteria state limits (E523), until the note names them
    assert [c for c, _ in refused] == ["E527"] * 3 + ["E523"], refused
    for message, words in zip((m for _, m in refused), ("at least two", "weight > 40 kg", "score of 8")):
        assert f"({words!r}" in message and "the source does not number it" in message, message
    data["curation"]["notes"].append(
        {"field": "eligibility.inclusion_criteria", "text": "Failure of at least two; weight > 40 kg; score of 8."}
    )
    assert found(data) == []


@pytest.mark.parametrize(
    "shown, silent, said",
    [
        (AUTOLOGOUS_STUB, "cell_product", "'CD19' in its title"),
        (AUTOLOGOUS_STUB, "cell_product.origin", "'Autologous' in its title"),
        (ANTI_CD19_STUB, "cell_product.target_antigens", "'CD19' in its title"),
    ],
)
def test_a_stubs_product_its_title_states_declared_silent_is_refused(
    checker: pipeline.Checker, shown: str, silent: str, said: str
) -> None:
    """Before: a stub's target antigen or cells' origin, which the title its source gives it states,
    left out and declared silent passed: silence.py read no source about another trial, and a stub's
    every source is one (E523)."""
    data = loaded(shown)
    path = silent.split(".")
    node = data
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    if "cell_product" in data and not data["cell_product"]:
        del data["cell_product"]
    data["evidence"] = {k: v for k, v in data["evidence"].items() if not (k == silent or k.startswith(silent + "."))}
    data["curation"]["silent"] = [silent]
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E523"], found
    assert said in found[0][1]
    # a title that says nothing of it: silent it may be
    plain = loaded(PLAIN_STUB)
    plain["curation"]["silent"] = ["cell_product"]
    assert codes(checker, PLAIN_STUB, plain) == []


@pytest.mark.parametrize("shown", [AUTOLOGOUS_STUB, ANTI_CD19_STUB, PLAIN_STUB, "trials/NCT06886919.yaml"])
def test_a_stub_called_a_draft_is_refused(checker: pipeline.Checker, shown: str) -> None:
    """Before: a stub marked draft passed (E516 held only a stub to citing no source about its own
    trial): trials.csv then called a record that holds what another trial's page says of this one
    a draft, curated in part from its own source. (Marked complete, the schema wants its status and
    more first.)"""
    data = loaded(shown)
    data["curation"]["status"] = "draft"
    found = codes(checker, shown, data)
    assert "E516" in {c for c, _ in found}, found
    assert any("every source it cites is about another trial" in m for c, m in found if c == "E516"), found


@pytest.mark.parametrize(
    "shown, index, cut, said",
    [
        (RELMA, 7, "SELENA-SLEDAI", "'clinical' goes on naming it"),  # the clinical symptoms' score as the whole
        (RELMA, 14, "IgA level", "'serum' goes on naming it"),
        (RELMA, 4, "corticosteroids", "'Oral' goes on naming it"),  # read from its sub-list heading
        (RELMA, 1, "the", "'the', at an end of it, names nothing"),
        (IM19, 19, "neutrophil count", "'Absolute' goes on naming it"),
        (IM19, 18, "T lymphocytes", "'CD4+' goes on naming it"),
        (IM19, 8, "alcohol", "'or' goes on naming it"),  # "alcohol or drug abuse": drug abuse left out
        (IM19, 8, "drug abuse", "'alcohol or' goes on naming it"),  # alcohol left out
        # one item of a measure that lists several left out, at its front or at its end
        (IM19, 13, "aspartate aminotransferase (AST), or alkaline phosphatase (ALP)", "'ALT,' goes on naming it"),
        (IM19, 13, "alanine aminotransferase (ALT), aspartate aminotransferase (AST)", "'alkaline' goes on naming it"),
        (
            IM19,
            11,
            "myocardial infarction, cardiac angioplasty or stent placement, unstable angina, active arrhythmia",
            "'other' goes on naming it",
        ),
        # one item of an enumeration its time window follows, the first or the last (the window is each item's)
        (IM19, 11, "myocardial infarction", "'cardiac' goes on the enumeration it is an item of"),
        (IM19, 11, "other clinically significant heart disease", "'arrhythmia, or' goes on naming it"),
        (IM19, 9, "surgery", "'Major' goes on naming it"),
        # what an item of an enumeration is called in its parenthesis: that item, with the others left out
        (IM19, 13, "ALT", "'aspartate' goes on naming it"),
        (IM19, 13, "AST", "'alkaline' goes on naming it"),
        (IM19, 13, "ALP", "'(AST), or' goes on naming it"),
        # an opening phrase's end in it ("During the screening period, the maximum dose of steroids ...")
        (IM19, 2, "period, the maximum dose of steroids", "'period,' ends a clause before the phrase"),
        (IM19, 4, "period, the dose of steroids adjustment", "'period,' ends a clause before the phrase"),
        # a pronoun inside it, or only what is done: nothing of what is measured
        (IM19, 7, "used, they need to be discontinued", "'they' in it stands for a thing named elsewhere"),
        (IM19, 9, "performed", "names only what is done"),
        (RELMA, 5, "kept stable", "names only what is done"),
        # who has what the limit is of, before it or holding its verb
        (IM19, 8, "The research subject", "abuse within the past' between it and its limit names what it has"),
        (IM19, 8, "The research subject has a history of alcohol or drug abuse", "names who has what"),
        # words of two sentences: no phrase
        (IM19, 6, "weeks before screening. Maintain a stable dose of medication", "runs over the end of a sentence"),
        (IM19, 6, "screening. Maintain a stable dose of medication", "runs over the end of a sentence"),
        # another limit of its own held in it: the range's other bound, the same limit in another unit
        (RELMA, 3, "Prednisone (or equivalent) ≥7.5 mg/ day", "another limit set apart from its own"),
        (RELMA, 10, "serum creatinine > 2.5 mg/dL", "another limit set apart from its own"),
        # a parenthesis crossing an end of it: what stands outside the one its limit stands in, or an exception
        (RELMA, 14, "IgA deficiency was present during screening (serum IgA level", "opens a parenthesis it does"),
        (RELMA, 7, "SELENA-SLEDAI clinical symptoms (except", "opens a parenthesis it does not close"),
        (IM19, 15, "eGFR)", "closes a parenthesis it does not open"),
        (IM19, 21, "CD20 monoclonal", "'antibodies' goes on naming it"),
        (IM19, 13, "alanine aminotransferase", "'aspartate' goes on naming it"),  # one of an enumeration
        (IM19, 7, "if biological agents", "'if', at an end of it, names nothing"),
        # a pronoun stands for a thing named elsewhere ("... are used, they need to be discontinued")
        (IM19, 7, "they", "'they', at an end of it, names nothing"),
        (IM19, 7, "used, they", "'they', at an end of it, names nothing"),
        (IM19, 0, "40 kg", "the limit's own words"),
        (IM19, 0, "Weight ≥", "'≥', at an end of it, names nothing"),  # its limit's sign, cut from its number
        (RELMA, 8, "proteinuria >", "'>', at an end of it, names nothing"),
        (RELMA, 9, "221 μmol/L", "names nothing but a limit"),  # another limit of the criterion
        (RELMA, 7, "Score", "names nothing but a limit"),
        (IM19, 11, "screening initiation.", "a time limit's starting point"),
        (RELMA, 0, "screening", "a time limit's starting point"),
    ],
)
def test_a_measure_that_is_not_its_whole_phrase_is_refused(
    checker: pipeline.Checker, shown: str, index: int, cut: str, said: str
) -> None:
    """Before: a measure cut out of the words that name it beside its limit passed, since the part still
    stands there ("SELENA-SLEDAI" for the limit on its clinical symptoms' score), and so did other words
    of its quote: the limit ("40 kg"), its starting point ("screening initiation."), "if biological
    agents" (E529)."""
    data = put(loaded(shown), f"eligibility.thresholds.{index}.measure", cut)
    found = codes(checker, shown, data)
    assert [c for c, _ in found] == ["E529"], found
    assert said in found[0][1]


@pytest.mark.parametrize(
    "shown, index, measure",
    [
        (RELMA, 1, "disease remained active"),  # its article left out
        (IM19, 15, "estimated glomerular filtration rate"),  # its abbreviation left out
        (IM19, 10, "surgery"),  # "or surgery is planned within 24 weeks": a whole phrase there
    ],
)
def test_a_measure_that_is_a_whole_phrase_passes(
    checker: pipeline.Checker, shown: str, index: int, measure: str
) -> None:
    assert codes(checker, shown, put(loaded(shown), f"eligibility.thresholds.{index}.measure", measure)) == []


@pytest.mark.parametrize(
    "quote, unit",
    [
        ("prednisone ≥100 within 8 weeks prior to screening mg/d", "mg/day"),  # IM19's words
        ("prednisone ≥100 within 8 weeks? mg/d", "mg/day"),  # a unit's reach ends at "." or ";" only
        ("prednisone ≥100 within 8 weeks\nmg/d", "mg/day"),
        ("prednisone ≥100 within 8 weeks. Then mg/d", None),  # the sentence ended
    ],
)
def test_a_unit_written_later_in_its_sentence_is_the_limits(quote: str, unit: str | None) -> None:
    """The ages' reading ends a sentence at "?", "!" and a line end too; a second definition of the
    sentence's end in lexicon.py once replaced the units' own, and the reach of a displaced unit
    changed with it, unseen by any test."""
    from sle_trials.reading.lexicon import stated_limits

    limit = stated_limits.statements(quote)[0]
    assert (limit.value, limit.unit.key if limit.unit else None) == (100, unit)


def _complete_record(tmp_path: Path, criteria: str) -> tuple[Path, str, dict]:
    """A study imported with these eligibility criteria, marked complete, its thresholds to be curated."""
    from conftest import copy_registry
    from sle_trials.cli import main

    root = copy_registry(tmp_path / "registry")
    study = json.loads((REPO / "tests" / "fixtures" / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = criteria
    source = tmp_path / "study.json"
    source.write_text(json.dumps(study, indent=2), encoding="utf-8")
    assert main(["import", "ctgov", str(source), "--root", str(root)]) == 0
    shown = "trials/NCT09000011.yaml"
    record, problems = load.load(root / shown, shown)
    assert record is not None, problems
    data = record.data
    data["curation"]["status"] = "complete"
    data["curation"]["not_yet_curated"].remove("eligibility.thresholds")
    return root, shown, data


def _two_limits_record(tmp_path: Path, criterion: str) -> tuple[Path, str, dict]:
    """A study imported with criterion 2 given, marked complete, its thresholds to be curated."""
    return _complete_record(
        tmp_path,
        f"Inclusion Criteria:\n\n1. Age 18 to 65 years.\n2. {criterion}\n\n"
        "Exclusion Criteria:\n\n1. Pregnant or breastfeeding women.",
    )


def _found(root: Path, shown: str, data: dict) -> list[tuple[str, str]]:
    checker = pipeline.Checker(root)
    record = load.Record(shown, data)
    problems = rules.check(record, root, Path(shown).stem) or evidence.check(
        record, checker.schema, root, checker.memory
    )
    return [(p.code, p.message) for p in problems]


def _disease_activity(measure: str, comparator: str, value: int) -> dict:
    return {
        "kind": "DISEASE_ACTIVITY",
        "criterion": {"list": "INCLUSION", "number": 2},
        "measure": measure,
        "comparator": comparator,
        "value": value,
        "unit": "points",
    }


def _two_limits(tmp_path: Path) -> tuple[Path, str, dict]:
    """The criterion "≥ 6 points on SLEDAI-2K and ≥ 4 clinical points" curated as two thresholds."""
    root, shown, data = _two_limits_record(tmp_path, "≥ 6 points on SLEDAI-2K and ≥ 4 clinical points at screening.")
    data["curation"]["notes"].append(
        {"field": "eligibility.thresholds.1", "text": "The unit of '≥ 4 clinical points' is read as points."}
    )
    data["eligibility"]["thresholds"] = [
        _disease_activity("SLEDAI-2K", ">=", 6),
        _disease_activity("clinical points", ">=", 4),
    ]
    data["evidence"]["eligibility.thresholds.0"] = "≥ 6 points on SLEDAI-2K"
    data["evidence"]["eligibility.thresholds.1"] = "≥ 4 clinical points"
    return root, shown, data


def test_a_measure_before_and_another_limit_is_whole(tmp_path: Path) -> None:
    """Before: a false refusal. In "≥ 6 points on SLEDAI-2K and ≥ 4 clinical points" the measure
    SLEDAI-2K was read as cut short of a phrase "SLEDAI-2K and ..." (E529), though the "and" joins
    another limit, not another name. The limits given each other's value are still refused."""
    root, shown, data = _two_limits(tmp_path)
    data["curation"]["not_yet_curated"].append("eligibility.thresholds.conditions")
    assert _found(root, shown, data) == []
    swapped = copy.deepcopy(data)
    swapped["eligibility"]["thresholds"][0]["value"] = 4
    swapped["eligibility"]["thresholds"][1]["value"] = 6
    assert {"E508"} <= {code for code, _ in _found(root, shown, swapped)}
    # "and" before a name still goes on naming the measure ("alcohol or drug abuse" read the other way)
    from sle_trials.reading import phrases

    text = "SLEDAI-2K and BILAG ≥ 6 points"
    assert phrases.continues(text, 0, len("SLEDAI-2K"), "SLEDAI-2K") == "and"


def test_the_conditions_of_thresholds_that_have_none_may_be_silent(tmp_path: Path) -> None:
    """Before: a false refusal. A complete record whose thresholds have no conditions must declare
    eligibility.thresholds.conditions silent (E520), and was then told its criteria state them (E523):
    any limit of the criteria was read as stating each part of a threshold, one it may lack too."""
    root, shown, data = _two_limits(tmp_path)
    data["curation"]["silent"].append("eligibility.thresholds.conditions")
    assert _found(root, shown, data) == []
    # the thresholds whole declared silent still are refused
    silenced = copy.deepcopy(data)
    del silenced["eligibility"]["thresholds"]
    silenced["evidence"] = {k: v for k, v in data["evidence"].items() if not k.startswith("eligibility.thresholds")}
    silenced["curation"]["notes"] = [n for n in data["curation"]["notes"] if n["field"] != "eligibility.thresholds.1"]
    silenced["curation"]["silent"].append("eligibility.thresholds")
    assert "E523" in {code for code, _ in _found(root, shown, silenced)}
    stated = copy.deepcopy(data)
    del stated["curation"]["silent"][-1]
    assert [code for code, _ in _found(root, shown, stated)] == ["E520"]


def test_a_measure_outside_the_parenthesis_that_holds_the_limit_is_refused(checker: pipeline.Checker) -> None:
    """Relma-cel's exclusion 6 says "IgA deficiency was present during screening (serum IgA level < 10
    mg/dL)": the limit is the serum IgA level's, which the parenthesis it stands in names. The
    threshold given "IgA deficiency" as its measure passed; a parenthesis closed before the limit
    ("Prednisone (or equivalent) ≥7.5 mg/day") still leaves the measure before it its own."""
    data = loaded(RELMA)
    i = next(i for i, t in enumerate(data["eligibility"]["thresholds"]) if t["measure"] == "serum IgA level")
    assert codes(checker, RELMA, data) == []
    assert "E513" in {
        code for code, _ in codes(checker, RELMA, put(data, f"eligibility.thresholds.{i}.measure", "IgA deficiency"))
    }


def test_interventions_declared_silent_where_the_source_names_the_product_are_refused(
    checker: pipeline.Checker,
) -> None:
    """Relma-cel's page names its product only in its title and summary, where no layout places an
    intervention: the record with its intervention dropped, its note removed and `interventions`
    declared silent passed, and trials.csv's interventions cell read "not stated". A CAR-T trial gives
    its product: a source naming the record's cell_product.name states an intervention (E523)."""
    data = loaded(RELMA)
    data.pop("interventions")
    curation = data["curation"]
    curation["notes"] = [n for n in curation["notes"] if n.get("field") != "interventions"]
    curation["silent"] = [f for f in curation["silent"] if not f.startswith("interventions.")] + ["interventions"]
    found = codes(checker, RELMA, data)
    assert [code for code, _ in found] == ["E523"], found
    assert "'Relma-cel', the trial's own product" in found[0][1]
    # a note on the field naming the words says why they are not its value, as for any silence
    curation["notes"].append({"field": "interventions", "text": "Relma-cel is named, not described as given."})
    assert codes(checker, RELMA, data) == []


@pytest.mark.parametrize(
    ("quote", "measure", "value", "own"),
    [
        ("Hemoglobin (without transfusion within 14 days ≥ 8 g/dL)", "Hemoglobin", 8, True),
        ("Body weight (at screening ≥ 40 kg)", "Body weight", 40, True),
        ("Serum creatinine (in the absence of dialysis ≤ 2.5 mg/dL)", "Serum creatinine", 2.5, True),
        ("eGFR (calculated by the CKD-EPI formula ≥ 30 mL/min/1.73 m2)", "eGFR", 30, True),
        ("Anti-dsDNA antibodies (by ELISA ≥ 30 IU/mL)", "Anti-dsDNA antibodies", 30, True),
        ("SLEDAI-2K score (excluding serological items ≥ 6 points)", "SLEDAI-2K score", 6, True),
        ("IgA deficiency was present during screening (serum IgA level < 10 mg/dL)", "IgA deficiency", 10, False),
        ("IgA deficiency (at screening serum IgA level < 10 mg/dL)", "IgA deficiency", 10, False),
        ("IgA deficiency (at screening, serum IgA < 10 mg/dL)", "IgA deficiency", 10, False),
        ("IgA deficiency (at screening serum IgA < 10 mg/dL)", "IgA deficiency", 10, False),
        ("Lupus nephritis (in patients with proteinuria > 0.5 g/24h)", "Lupus nephritis", 0.5, False),
        # after a word saying when, its object is one word, besides words for a time: the next names the analyte
        ("Lupus nephritis (at biopsy proteinuria > 0.5 g/24h)", "Lupus nephritis", 0.5, False),
        ("Lupus nephritis (at renal biopsy proteinuria > 0.5 g/24h)", "Lupus nephritis", 0.5, False),
        ("Body weight (at the screening visit ≥ 40 kg)", "Body weight", 40, True),
        ("Body weight (during the screening period ≥ 40 kg)", "Body weight", 40, True),
        ("C3 (or C4 < 10 mg/dL)", "C3", 10, False),
        # the measure outside in other terms: its limit is the measure's; with another thing named, not
        ("Prednisone (or equivalent dose ≤ 20 mg/day)", "Prednisone", 20, True),
        ("Prednisone (or an equivalent ≤ 20 mg/day)", "Prednisone", 20, True),
        ("Prednisone (or equivalent dose of methylprednisolone ≤ 16 mg/day)", "Prednisone", 16, False),
        ("Prednisone (or equivalent, or methylprednisolone ≤ 16 mg/day)", "Prednisone", 16, False),
    ],
)
def test_a_parenthesis_saying_on_what_terms_a_measure_is_taken_leaves_it_the_limit(
    quote: str, measure: str, value: float, own: bool
) -> None:
    """A measure before a parenthesis still open at the limit was refused whenever the parenthesis named
    anything: "Hemoglobin (without transfusion within 14 days ≥ 8 g/dL)" stated no hemoglobin ≥ 8 g/dL.
    A parenthesis whose clause opens with a word that qualifies (at, by, without, excluding, ...) says
    on what terms the measure is taken; one naming an analyte's value or someone's is another's."""
    said = layouts.normalise(quote)
    stated = stated_limits.statements(said)
    s = next(s for s in stated if quantities.same_number(s.value, value))
    assert bool(thresholds._measure_next_to(said, s, measure, [], [], stated)) is own


def test_a_time_window_after_an_enumeration_is_each_items(tmp_path: Path) -> None:
    """Before: "other clinically significant heart disease" of IM19's "History of myocardial infarction,
    ..., or other clinically significant heart disease within 6 months" passed as the window's measure,
    and so did "myocardial infarction": the other items of the list the window is said of were lost.
    The whole list passes; a quantity after a list's last item may be that item's alone ("pregnancy,
    lactation, or eGFR < 30"), and an item holding a limit of its own is set apart by it. (An exclusion
    criterion: each of its alternatives keeps patients out alone, where an inclusion criterion's limit
    one of alternatives needs the other as its condition, E524.)"""
    root, shown, data = _complete_record(
        tmp_path,
        "Inclusion Criteria:\n\n1. Age 18 to 65 years.\n\nExclusion Criteria:\n\n1. Pregnant or breastfeeding women.\n"
        "2. Stroke, seizure, or myocardial infarction within 6 months before screening; pregnancy, lactation, or "
        "eGFR < 30 mL/min/1.73 m²; dialysis, or prednisone ≥ 100 mg/day within 8 weeks.",
    )
    data["curation"]["silent"].append("eligibility.thresholds.conditions")
    data["curation"]["notes"].append({"field": "eligibility.thresholds", "text": "'within N' is read as '< N'."})
    limits = [
        ("TIME_SINCE_EVENT", "Stroke, seizure, or myocardial infarction", "<", 6, "months"),
        ("LABORATORY", "eGFR", "<", 30, "mL/min/1.73 m²"),
        ("CORTICOSTEROID_DOSE", "prednisone", ">=", 100, "mg/day"),
        ("TIME_SINCE_EVENT", "prednisone ≥ 100 mg/day", "<", 8, "weeks"),
    ]
    quotes = [
        "Stroke, seizure, or myocardial infarction within 6 months",
        "eGFR < 30 mL/min/1.73 m²",
        "prednisone ≥ 100 mg/day",
        "dialysis, or prednisone ≥ 100 mg/day within 8 weeks",
    ]
    data["eligibility"]["thresholds"] = [
        {"kind": k, "criterion": {"list": "EXCLUSION", "number": 2}, "measure": m}
        | {"comparator": c, "value": v, "unit": u}
        for k, m, c, v, u in limits
    ]
    for i, quote in enumerate(quotes):
        data["evidence"][f"eligibility.thresholds.{i}"] = quote
    assert _found(root, shown, data) == []
    for one in ("myocardial infarction", "seizure", "Stroke"):
        cut = put(data, "eligibility.thresholds.0.measure", one)
        assert [code for code, _ in _found(root, shown, cut)] == ["E529"], one


def test_words_between_a_limits_number_and_unit_are_its_measures(tmp_path: Path) -> None:
    """Before: in "≥ 6 points on SLEDAI-2K and ≥ 4 clinical points", the second limit given the measure
    "SLEDAI-2K" (its word "clinical" lost) passed with the quote "SLEDAI-2K and ≥ 4 clinical points",
    the note on its unit covering the reading: the record then said SLEDAI-2K ≥ 4, where the source
    counts 4 clinical points. The words between a number and its unit say what it counts (E529)."""
    root, shown, data = _two_limits(tmp_path)
    data["curation"]["not_yet_curated"].append("eligibility.thresholds.conditions")
    assert _found(root, shown, data) == []
    for quote in ("SLEDAI-2K and ≥ 4 clinical points", "≥ 6 points on SLEDAI-2K and ≥ 4 clinical points"):
        lost = put(data, "eligibility.thresholds.1.measure", "SLEDAI-2K")
        lost["evidence"]["eligibility.thresholds.1"] = quote
        found = _found(root, shown, lost)
        assert [code for code, _ in found] == ["E529"], found
        assert "'clinical', between its limit's number and unit" in found[0][1]


def test_an_amount_in_a_sample_is_a_laboratory_limit(tmp_path: Path) -> None:
    """Before: a false refusal. "Proteinuria (24-hour urine protein ≥ 0.5 g)" curated as a LABORATORY
    limit of 24-hour urine protein was refused (E508: CORTICOSTEROID_DOSE, "from the unit g"), a gram
    being read as a dose given whatever the words. Words for a sample (urine, serum, plasma) say it is a
    laboratory value; the limit called a corticosteroid dose is refused, and so is the limit given to
    the measure outside the parenthesis that names the urine protein (E513)."""
    root, shown, data = _two_limits_record(tmp_path, "Proteinuria (24-hour urine protein ≥ 0.5 g) at screening.")
    data["curation"]["silent"].append("eligibility.thresholds.conditions")
    data["eligibility"]["thresholds"] = [
        {"kind": "LABORATORY", "criterion": {"list": "INCLUSION", "number": 2}, "measure": "24-hour urine protein"}
        | {"comparator": ">=", "value": 0.5, "unit": "g"}
    ]
    data["evidence"]["eligibility.thresholds.0"] = "24-hour urine protein ≥ 0.5 g"
    assert _found(root, shown, data) == []
    dose = put(data, "eligibility.thresholds.0.kind", "CORTICOSTEROID_DOSE")
    assert [code for code, _ in _found(root, shown, dose)] == ["E508"]
    outside = put(data, "eligibility.thresholds.0.measure", "Proteinuria")
    outside["evidence"]["eligibility.thresholds.0"] = "Proteinuria (24-hour urine protein ≥ 0.5 g)"
    assert [code for code, _ in _found(root, shown, outside)] == ["E513"]


REQUIREMENT_SOURCE = "seeds/928_requirements.txt"
REQUIREMENT_RECORD = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: Active SLE despite standard therapy, positive for anti-dsDNA antibodies.
  exclusion_criteria:
    - number: 1
      text: Treatment with rituximab or belimumab within 6 months.
    - number: 2
      text: Positive for antiphospholipid antibodies.
    - number: 3
      text: Rheumatoid arthritis meeting the ACR 1987 or the EULAR/ACR 2019 criteria.
  {field}:
{value}
    criterion: {{list: {side}, number: {number}}}
evidence:
  eligibility.{field}: {quote}
"""


# A page whose inclusion criterion requires and whose exclusion criteria keep out
REQUIREMENT_TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    + AS_OF_LINE
    + "Inclusion criteria:\n1. Active SLE despite standard therapy, positive for anti-dsDNA antibodies.\n"
    "Exclusion criteria:\n1. Treatment with rituximab or belimumab within 6 months.\n"
    "2. Positive for antiphospholipid antibodies.\n"
    "3. Rheumatoid arthritis meeting the ACR 1987 or the EULAR/ACR 2019 criteria.\n"
)


@pytest.mark.parametrize(
    ("field", "value", "number", "quote"),
    [
        ("prior_therapy", "    therapies:\n      - rituximab\n      - belimumab", 1, "rituximab or belimumab"),
        ("autoantibodies", "    antibodies:\n      - ANTIPHOSPHOLIPID", 2, "antiphospholipid antibodies"),
        ("classification_criteria", "    systems:\n      - EULAR_ACR_2019", 3, "the EULAR/ACR 2019 criteria"),
    ],
)
def test_a_requirement_read_from_an_exclusion_criterion_is_refused(
    registry: Path, trials: Trials, field: str, value: str, number: int, quote: str
) -> None:
    """Before: "Exclusion criteria: 1. Treatment with rituximab or belimumab within 6 months." passed
    as the trial's prior-therapy requirement (rituximab, belimumab), "Positive for antiphospholipid
    antibodies" as a required autoantibody, and a rheumatoid arthritis criteria set as the SLE
    classification criteria: what the trial keeps patients out for, read as what they must have. A
    prior therapy, the autoantibodies and the classification criteria are requirements, which an
    inclusion criterion states (E513)."""
    add_source(registry, REQUIREMENT_SOURCE, REQUIREMENT_TEXT)
    fields_ = REQUIREMENT_RECORD.format(field=field, value=value, side="EXCLUSION", number=number, quote=quote)
    put_file(registry, IM19_PATH, joined(im19_draft(REQUIREMENT_SOURCE), fields_))
    result = trials.json("validate", registry / IM19_PATH)
    assert "E513" in result.codes(), result.out
    assert any(f"exclusion criterion {number}" in p["message"] for p in result.problems()), result.out


def test_a_requirement_of_an_inclusion_criterion_binds(registry: Path, trials: Trials) -> None:
    add_source(registry, REQUIREMENT_SOURCE, REQUIREMENT_TEXT)
    value = "    antibodies:\n      - ANTI_DSDNA"
    fields_ = REQUIREMENT_RECORD.format(
        field="autoantibodies", value=value, side="INCLUSION", number=1, quote="anti-dsDNA antibodies"
    )
    put_file(registry, IM19_PATH, joined(im19_draft(REQUIREMENT_SOURCE), fields_))
    result = trials.json("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("field", "value", "text", "quote", "passes"),
    [
        (
            "classification_criteria",
            "    systems:\n      - EULAR_ACR_2019",
            "Patients who do not meet the EULAR/ACR 2019 criteria.",
            "the EULAR/ACR 2019 criteria",
            True,
        ),
        (  # those who failed it, kept out: no requirement (it passed until the requirement's reading was asked)
            "prior_therapy",
            "    therapies:\n      - rituximab",
            "Failure to respond to rituximab.",
            "rituximab",
            False,
        ),
        (  # those who never had it, kept out: a requirement to have had it
            "prior_therapy",
            "    therapies:\n      - rituximab",
            "Patients who have not received rituximab.",
            "rituximab",
            True,
        ),
        (  # those who had it, kept out: no requirement
            "prior_therapy",
            "    therapies:\n      - rituximab",
            "Received rituximab and did not respond.",
            "rituximab",
            False,
        ),
    ],
)
def test_a_requirement_an_exclusion_keeps_out_those_lacking_binds(
    registry: Path, trials: Trials, field: str, value: str, text: str, quote: str, passes: bool
) -> None:
    """Before: "Exclusion criteria: 1. Patients who do not meet the EULAR/ACR 2019 criteria." could not
    give the trial's classification criteria (E513), though it keeps out those who lack them: a
    requirement stated as an exclusion of those who do not meet it binds."""
    title = "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    add_source(
        registry,
        REQUIREMENT_SOURCE,
        title
        + AS_OF_LINE
        + "Inclusion criteria:\n1. Active SLE despite standard therapy, positive for anti-dsDNA antibodies.\n"
        + f"Exclusion criteria:\n1. {text}\n",
    )
    record = REQUIREMENT_RECORD.replace(
        "    - number: 1\n      text: Treatment with rituximab or belimumab within 6 months.\n"
        "    - number: 2\n      text: Positive for antiphospholipid antibodies.\n"
        "    - number: 3\n      text: Rheumatoid arthritis meeting the ACR 1987 or the EULAR/ACR 2019 criteria.\n",
        f"    - number: 1\n      text: {text}\n",
    )
    fields_ = record.format(field=field, value=value, side="EXCLUSION", number=1, quote=quote)
    put_file(registry, IM19_PATH, joined(im19_draft(REQUIREMENT_SOURCE), fields_))
    result = trials.json("validate", registry / IM19_PATH)
    assert (result.status, result.codes()) == ((0, set()) if passes else (1, {"E513"})), result.out
