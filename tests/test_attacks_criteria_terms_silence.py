"""Attacks on a criteria-read field declared silent while a criterion states it in other writing.

E523 holds a field read from the criteria (lupus nephritis, the classification criteria, the
autoantibodies) to the terms of its vocabulary there. The vocabulary read each phrase as written, in
capitals and with its first letter capitalised: a criterion in title case ("Active Lupus Nephritis",
"Positive Antinuclear Antibody", "the 1997 Revised Criteria of the American College of
Rheumatology") showed a reader the phrase and was read as none, so a record could drop the field and
declare it silent.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, RELMA_PATH, Trials, edit, imported_codes, study_imported
from sle_trials.reading import vocabulary
from sle_trials.reading.lexicon import age_bounds

STUDY = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
CRITERIA = """Inclusion Criteria:

1. {age}
2. {inclusion}
3. Body weight > 40 kg.

Exclusion Criteria:

1. Prior CAR-T cell therapy or other gene-modified cell therapy.
2. {exclusion}"""


AGE = "Age 18 to 65 years at the time of signing informed consent."


def _silent(tmp_path_factory: pytest.TempPathFactory, field: str, inclusion: str, exclusion: str, age: str = AGE):
    """The fixture study with criteria of its own (inclusion and exclusion criterion 2 given, and its
    inclusion criterion 1 of age), imported, marked complete, the field dropped and declared silent.
    Its minimum and maximum age are left out where the age criterion is not AGE (they state the ages
    where the criteria do not)."""
    doc = json.loads(STUDY.read_text("utf-8"))
    module = doc["protocolSection"]["eligibilityModule"]
    module["eligibilityCriteria"] = CRITERIA.format(age=age, inclusion=inclusion, exclusion=exclusion)
    if age != AGE:
        del module["minimumAge"], module["maximumAge"]
    checker, data = study_imported(tmp_path_factory, doc)
    data = copy.deepcopy(data)
    curation = data["curation"]
    curation["not_yet_curated"] = [f for f in curation["not_yet_curated"] if f != field]
    curation["silent"] = [f for f in curation["silent"] if f != field] + [field]
    # (the importer's note on the field, naming a criterion that states it, is no curator's of a silence)
    curation["notes"] = [n for n in curation.get("notes", []) if n.get("field") != field]
    data["eligibility"].pop(field.split(".")[1], None)
    return checker, data


NEUTRAL = ("Body weight over 40 kg.", "Active tuberculosis.")


@pytest.mark.parametrize(
    ("field", "criterion", "exclusion"),
    [
        ("eligibility.lupus_nephritis", NEUTRAL[0], "Active Lupus Nephritis."),
        ("eligibility.autoantibodies", "Positive Antinuclear Antibody at screening.", NEUTRAL[1]),
        (
            "eligibility.classification_criteria",
            "SLE by the 1997 Revised Criteria of the American College of Rheumatology.",
            NEUTRAL[1],
        ),
    ],
)
def test_a_term_in_title_case_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, field: str, criterion: str, exclusion: str
) -> None:
    checker, data = _silent(tmp_path_factory, field, criterion, exclusion)
    assert "E523" in imported_codes(checker, data)


def test_the_same_criteria_in_other_words_leave_it_silent(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The harness's own control: criteria that state none of the three leave each silent."""
    for field in ("eligibility.lupus_nephritis", "eligibility.autoantibodies", "eligibility.classification_criteria"):
        checker, data = _silent(tmp_path_factory, field, *NEUTRAL)
        assert "E523" not in imported_codes(checker, data), field


@pytest.mark.parametrize(
    ("enum", "text", "value"),
    [
        (("REQUIRED", "ALLOWED", "EXCLUDED", "SEVERE_EXCLUDED"), "Active Lupus Nephritis", "REQUIRED"),
        (
            ("ANA", "ANTI_DSDNA", "ANTI_SM", "ANTI_RNP", "ANTI_RO_SSA", "ANTI_LA_SSB", "ANTIPHOSPHOLIPID", "ANTI_C1Q"),
            "Antinuclear Antibody",
            "ANA",
        ),
        (
            ("ACR_1982", "ACR_1997", "SLICC_2012", "EULAR_ACR_2019"),
            "1997 Revised Criteria of the American College of Rheumatology",
            "ACR_1997",
        ),
    ],
)
def test_a_title_renders_its_term(enum: tuple[str, ...], text: str, value: str) -> None:
    vocab = vocabulary.for_enum(enum)
    assert vocab is not None and value in vocab.stated(text)


LUPUS_NEPHRITIS = ("REQUIRED", "ALLOWED", "EXCLUDED", "SEVERE_EXCLUDED")
ANTIBODIES = ("ANA", "ANTI_DSDNA", "ANTI_SM", "ANTI_RNP", "ANTI_RO_SSA", "ANTI_LA_SSB", "ANTIPHOSPHOLIPID", "ANTI_C1Q")
SYSTEMS = ("ACR_1982", "ACR_1997", "SLICC_2012", "EULAR_ACR_2019")


@pytest.mark.parametrize(
    ("enum", "text", "value"),
    [
        # the same terms in other words criteria use
        (LUPUS_NEPHRITIS, "Active renal lupus", "REQUIRED"),
        (LUPUS_NEPHRITIS, "Proliferative lupus glomerulonephritis", "REQUIRED"),
        (SYSTEMS, "the American College of Rheumatology (ACR) 1997 classification criteria", "ACR_1997"),
        (SYSTEMS, "ACR-1997 criteria", "ACR_1997"),
        (SYSTEMS, "2019 EULAR-ACR classification criteria", "EULAR_ACR_2019"),
        (ANTIBODIES, "positive anti-double stranded DNA", "ANTI_DSDNA"),
        (ANTIBODIES, "positive for antibodies to double-stranded DNA", "ANTI_DSDNA"),
        (ANTIBODIES, "elevated dsDNA antibodies", "ANTI_DSDNA"),
    ],
)
def test_a_term_in_other_words_renders_it(enum: tuple[str, ...], text: str, value: str) -> None:
    vocab = vocabulary.for_enum(enum)
    assert vocab is not None and value in vocab.stated(text)


@pytest.mark.parametrize(
    ("field", "inclusion", "exclusion"),
    [
        ("eligibility.lupus_nephritis", NEUTRAL[0], "Active renal lupus requiring induction therapy."),
        ("eligibility.autoantibodies", "Positive for antibodies to double-stranded DNA.", NEUTRAL[1]),
        ("eligibility.classification_criteria", "SLE by the ACR-1997 classification criteria.", NEUTRAL[1]),
    ],
)
def test_a_term_in_other_words_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, field: str, inclusion: str, exclusion: str
) -> None:
    checker, data = _silent(tmp_path_factory, field, inclusion, exclusion)
    assert "E523" in imported_codes(checker, data)


AGES_IN_OTHER_WORDS = ["Men and women aged between 18 and 70.", "Ages 18 through 65.", "Age 18-65."]


@pytest.mark.parametrize("age", AGES_IN_OTHER_WORDS)
@pytest.mark.parametrize("field", ["eligibility.minimum_age", "eligibility.maximum_age"])
def test_an_age_range_in_other_words_declared_silent_is_refused(
    tmp_path_factory: pytest.TempPathFactory, field: str, age: str
) -> None:
    """An age range with no unit after the word age, or joined by "through": each bound is stated."""
    checker, data = _silent(tmp_path_factory, field, *NEUTRAL, age=age)
    assert "E523" in imported_codes(checker, data)


@pytest.mark.parametrize(
    "text", ["Age ≥ 18 years, SLEDAI-2K between 6 and 10.", "Platelets 50-100 ×10^9/L.", "aged ≥ 18, SLEDAI 6-10"]
)
def test_a_range_of_no_age_reads_no_age(text: str) -> None:
    assert [a.value for a in age_bounds.criteria_ages(text)] in ([18.0], [])


def test_relma_cel_antibodies_match_dropped_and_declared_silent_is_refused(registry: Path, trials: Trials) -> None:
    """Relma-cel's criterion 5 joins its three antibodies by "and/or": the match is stated there."""
    edit(
        registry,
        RELMA_PATH,
        (
            "    match: ANY_OF\n    criterion: {list: INCLUSION, number: 5}\n",
            "    criterion: {list: INCLUSION, number: 5}\n",
        ),
        ("  silent:\n", "  silent:\n    - eligibility.autoantibodies.match\n"),
    )
    result = trials.json("validate", registry / RELMA_PATH)
    assert result.codes() == {"E523"}, result.out


@pytest.mark.parametrize(
    ("inclusion", "said"),
    [
        ("Positive for antinuclear antibodies or anti-Smith antibodies.", True),
        ("Positive antinuclear antibodies, anti-dsDNA.", False),  # joined by no word of a match
        ("Positive for antinuclear antibodies; or body weight over 40 kg.", False),  # one term only
    ],
)
def test_a_match_joining_the_terms_is_stated(
    tmp_path_factory: pytest.TempPathFactory, inclusion: str, said: bool
) -> None:
    checker, data = _silent(tmp_path_factory, "eligibility.autoantibodies.match", inclusion, NEUTRAL[1])
    data["eligibility"]["autoantibodies"] = {"antibodies": ["ANA"], "criterion": {"list": "INCLUSION", "number": 2}}
    data.setdefault("evidence", {})["eligibility.autoantibodies"] = inclusion
    assert ("E523" in imported_codes(checker, data)) is said
