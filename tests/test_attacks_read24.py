"""Attacks on today's reading rules (read24): a permission of a prior treatment read as no
requirement (prior_therapy, E523), an enumeration's dose joined to its item (binding, E525), and
numbers in words (lexicon).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
import test_attacks_enumeration_items as enumeration_items
from conftest import (
    IM19_PATH,
    IM19_TITLE_LINE,
    Trials,
    add_source,
    checked_registry,
    copy_registry,
    enrollment_draft,
    im19_draft,
    import_complete,
    imported_codes,
    joined,
    put,
)
from counted import Scans, characters_read, scan_all
from sle_trials.checks import completeness
from sle_trials.checks.binding import enumeration
from sle_trials.reading import prior_therapy
from sle_trials.reading.lexicon import age_bounds, head_counts, quantities
from test_attacks_prior_therapy_silence import _study, _therapies

ENUMERATED = enumeration_items.STUDY

# --- a prior treatment's permission is no requirement ----------------------------------------------

# A permission with a condition of the treatment's failure: the failure lets the patients in
CONDITIONED = [
    "Patients previously treated with belimumab are eligible if they failed it.",
    "Patients previously treated with belimumab are eligible provided they had an inadequate response.",
    "Patients who have previously received rituximab can be enrolled only if refractory.",
    "Patients previously treated with belimumab are eligible but must have failed it.",
    "Patients previously treated with belimumab are eligible, and must have had an inadequate response.",
]


@pytest.mark.parametrize("text", CONDITIONED)
def test_a_permission_on_condition_of_failure_is_a_requirement(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is not None


@pytest.mark.parametrize("criterion", CONDITIONED[:1])
def test_a_permission_on_condition_of_failure_is_not_silent(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, f"4. {criterion}\n")
    assert "E523" in imported_codes(checker, data)


# Honest permissions, each read as a requirement before
PERMISSIONS = [
    "Prior treatment with belimumab allowed.",
    "Prior treatment with belimumab acceptable.",
    "Prior treatment with rituximab is permissible.",
    "Prior treatment with rituximab may be allowed.",
    "Patients previously treated with belimumab qualify.",
    "Prior treatment with belimumab is not exclusionary.",
    "Prior treatment with belimumab does not exclude participation.",
    "Prior treatment with rituximab is not required.",
    "Prior treatment with rituximab is not mandatory.",
    "Prior treatment with belimumab is allowed but not required.",
    # a condition of something else than the treatment's failure: still a permission
    "Patients previously treated with belimumab may be eligible only after a washout of 6 months.",
    "Patients previously treated with belimumab are eligible but must stop it 3 months before screening.",
    # a condition of no failure, or a failure not required
    "Patients previously treated with belimumab are eligible if they have not failed it.",
    "Patients previously treated with belimumab are eligible and need not have failed it.",
    # a permission that is all its parenthesis holds, or said plainly ("is OK")
    "Prior treatment with rituximab (allowed).",
    "Prior treatment with rituximab (permitted)",
    "Prior treatment with rituximab is OK.",
    "Prior treatment with belimumab is fine.",
    # a permission of a list of treatments
    "Patients previously treated with belimumab, rituximab or anifrolumab are eligible.",
    # a permission of patients who lack the treatment: it is required of no one
    "Previously treated with rituximab (those not treated are also eligible).",
    "Previously treated with rituximab; untreated patients are also eligible.",
    # a negation by "never" or "no longer": those treated kept out
    "Patients previously treated with belimumab are never eligible.",
    "Patients previously treated with belimumab are no longer eligible.",
]


@pytest.mark.parametrize("text", PERMISSIONS)
def test_an_honest_permission_states_no_requirement(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is None


@pytest.mark.parametrize(
    "criterion",
    [
        "Prior treatment with belimumab allowed.",
        "Prior treatment with rituximab is not required.",
        "Patients previously treated with belimumab are eligible if they have not failed it.",
        "Previously treated with rituximab (those not treated are also eligible).",
    ],
)
def test_an_honest_permission_leaves_the_prior_therapy_silent(
    tmp_path_factory: pytest.TempPathFactory, criterion: str
) -> None:
    checker, data = _study(tmp_path_factory, f"4. {criterion}\n")
    assert "E523" not in imported_codes(checker, data)


@pytest.mark.parametrize(
    "text",
    [
        # permission words of others, or in another sentence: the requirement stands
        "Previously treated with mycophenolate. Patients with lupus nephritis are also eligible.",
        "Previously treated with mycophenolate; patients with nephritis are also eligible.",
        "Patients must have been previously treated with mycophenolate; patients are eligible regardless of age.",
        "Only patients previously treated with belimumab are eligible, if the last dose was 3 months ago.",
        # permission words of what requires it, or of a dose
        "Previously treated with mycophenolate to qualify.",
        "Previously treated with mycophenolate in order to qualify for the study.",
        "Previously treated with mycophenolate at a dose considered acceptable.",
        # a permission of a concurrent medication or of other circumstances, not of the treatment had before
        "Previously treated with mycophenolate, with concomitant hydroxychloroquine allowed.",
        "Previously treated with mycophenolate, concomitant hydroxychloroquine is allowed.",
        "Patients previously treated with mycophenolate, in whom steroids are permitted.",
    ],
)
def test_permission_words_of_others_leave_the_requirement_standing(text: str) -> None:
    assert prior_therapy.requirement(text, inclusion=True) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Disease refractory to standard therapy, regardless of prior belimumab.",
        "Disease refractory to standard therapy; eligible irrespective of prior rituximab.",
        "Active disease despite standard therapy, regardless of whether they have received rituximab.",
    ],
)
def test_a_therapy_regardless_of_which_patients_are_let_in_is_none_of_the_requirements(text: str) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == ()


def test_a_cue_regardless_of_which_patients_are_let_in_states_no_requirement() -> None:
    text = "Eligible regardless of whether they have previously received rituximab."
    assert prior_therapy.requirement(text, inclusion=True) is None


@pytest.mark.parametrize(
    ("text", "therapies"),
    [
        ("Regardless of age, failure of mycophenolate.", ("mycophenolate",)),
        ("Failure of mycophenolate regardless of prior belimumab.", ("mycophenolate",)),
    ],
)
def test_regardless_of_another_thing_leaves_the_requirement_standing(text: str, therapies: tuple[str, ...]) -> None:
    found = prior_therapy.requirement(text, inclusion=True)
    assert found is not None and found.therapies == therapies


def test_a_therapy_regardless_of_which_patients_are_let_in_leaves_the_therapies_silent(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    criterion = "4. Disease refractory to standard therapy, regardless of prior belimumab.\n"
    checker, data = _therapies(tmp_path_factory, criterion)
    assert imported_codes(checker, data) == set()


# --- enumeration items read as a reader reads them ---------------------------------------------------

# a therapy THERAPIES does not know, written after a number and a unit: no dose of the item before it
HIDDEN = "4. Failure of mycophenolate mofetil ≥ 2 g/day, 6 cycles of Cytoxan, or NSAIDs.\n"


# ... and one in lower case right after the unit, with no "of"
HIDDEN_LOWER = "4. Failure of mycophenolate mofetil ≥ 2 g/day, 3 doses iguratimod, or NSAIDs.\n"


def _enumerated(tmp_path_factory: pytest.TempPathFactory, criterion: str) -> tuple:
    doc = json.loads(ENUMERATED.read_text("utf-8"))
    module = doc["protocolSection"]["eligibilityModule"]
    module["eligibilityCriteria"] = module["eligibilityCriteria"].replace(enumeration_items.FAILED, criterion)
    folder = tmp_path_factory.mktemp("hidden")
    (folder / "study.json").write_text(json.dumps(doc), "utf-8")
    return import_complete(
        copy_registry(folder / "registry"), folder / "study.json", checked_registry(tmp_path_factory)
    )


@pytest.fixture(scope="module")
def hidden(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    return _enumerated(tmp_path_factory, HIDDEN)


def test_a_therapy_in_lower_case_after_a_unit_is_an_item_of_its_own(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A record leaving out "3 doses iguratimod" passed: read as a dose of mycophenolate."""
    study = _enumerated(tmp_path_factory, HIDDEN_LOWER)
    found = enumeration_items._problems(study, ["mycophenolate mofetil ≥ 2 g/day", "NSAIDs"])
    assert len(found) == 1 and "'3 doses iguratimod' stands" in found[0][1], found


def test_a_therapy_written_as_a_dose_is_an_item_of_its_own(hidden: tuple) -> None:
    """A record leaving out "6 cycles of Cytoxan" passed: it was read as a dose of mycophenolate."""
    found = enumeration_items._problems(hidden, ["mycophenolate mofetil ≥ 2 g/day", "NSAIDs"])
    assert len(found) == 1 and "'6 cycles of Cytoxan' stands" in found[0][1], found


def test_the_items_written_whole_pass(hidden: tuple) -> None:
    assert enumeration_items._problems(hidden, ["mycophenolate mofetil", "6 cycles of Cytoxan", "NSAIDs"]) == []


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("mycophenolate mofetil ≥ 2 g/day, 1 g of Benlysta, or NSAIDs", 3),
        ("mycophenolate mofetil ≥ 2 g/day, ≥ 3 doses of iguratimod, or NSAIDs", 3),
        ("mycophenolate mofetil ≥ 2 g/day, 6 months with oral Plaquenil, or NSAIDs", 3),
        # a name after the number, capitalised
        ("mycophenolate mofetil ≥ 2 g/day, 1 g Benlysta, or NSAIDs", 3),
        ("mycophenolate mofetil ≥ 2 g/day, for 6 months (or Benlysta), or NSAIDs", 3),
        # a name in lower case right after the unit, with no "of" (enumeration._dose reads every word)
        ("mycophenolate mofetil ≥ 2 g/day, 3 doses iguratimod, or NSAIDs", 3),
        ("mycophenolate mofetil ≥ 2 g/day, 6 cycles cytoxan, or NSAIDs", 3),
        ("mycophenolate mofetil ≥ 2 g/day, 2 mcg ID93, or NSAIDs", 3),
        # ... but words that say when or how a dose is given still the item before's
        ("mycophenolate mofetil ≥ 2 g/day, 2 doses given 2 weeks apart, or NSAIDs", 2),
        ("cyclophosphamide 750 mg/m2 every 4 weeks, 500 mg intravenously, or rituximab", 2),
        ("mycophenolate mofetil ≥ 2 g/day, for 3 months before randomization, or NSAIDs", 2),
        # a therapy THERAPIES knows, or one after an "or"
        ("mycophenolate mofetil, ≥ 2 g/day of cyclophosphamide, or NSAIDs", 3),
        ("mycophenolate mofetil ≥ 2 g/day, for 6 months or rituximab 1 g", 2),
        # a dose's or a time's own words after "of" or "with", or capitalised: the item before it still
        ("mycophenolate mofetil ≥ 2 g/day, for 6 Months Prior to Screening, or NSAIDs", 2),
        ("mycophenolate mofetil ≥ 2 g/day, for ≥ 6 months of treatment, or NSAIDs", 2),
        ("mycophenolate mofetil, at a dose of ≥ 2 g/day, for 6 months of continuous use, or quinacrine", 2),
        ("mycophenolate mofetil ≥ 2 g/day, 6 months with stable dosing, or NSAIDs", 2),
        ("cyclophosphamide, 6 monthly pulses of 0.5-1 g/m2, or rituximab", 2),
        # how many times in words, any number: "eleven" was read as a therapy's name ("twelve" was not)
        ("mycophenolate mofetil ≥ 2 g/day, 1 g eleven times a year, or NSAIDs", 2),
        ("mycophenolate mofetil ≥ 2 g/day, 500 mg twenty-four times, or NSAIDs", 2),
        ("cyclophosphamide 500 mg, 2 doses thirteen weeks apart, or rituximab", 2),
    ],
)
def test_a_dose_names_nothing_given(text: str, items: int) -> None:
    assert len(enumeration._items(text, 0, len(text))) == items


# --- numbers in words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # hundreds and the number after them: read as none, an enrollment so written stated none
        ("one hundred twenty", [120]),
        ("one hundred and twenty-five", [125]),
        ("Two hundred five", [205]),
        ("one hundred twenty (120)", [120]),
        ("one hundred and twenty thousand", []),
        ("one hundred", [100]),
        # a tens word and its unit joined by an en dash: one number, not 60 and 5
        ("sixty–five", [65]),
        ("twenty–forty", [20, 40]),
        # ... by a hyphen with spaces around it, a line broken after it, or more than one space
        ("sixty - five", [65]),
        ("sixty-\nfive", [65]),
        ("sixty  five", [65]),
    ],
)
def test_numbers_in_words_read_whole(text: str, values: list[float]) -> None:
    assert [n.value for n in quantities.numbers(text)] == values


def test_an_age_with_an_en_dash_is_read_whole() -> None:
    ages = age_bounds.criteria_ages("Age between eighteen and sixty–five years")
    assert [(a.bound, a.value) for a in ages] == [("min", 18.0), ("max", 65.0)]


def test_a_count_of_hundreds_in_words_is_read() -> None:
    assert head_counts.counts("The trial plans to enroll one hundred twenty patients.") == [120.0]


HEAD = f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\n"


@pytest.mark.parametrize(
    ("count", "quote", "line", "status"),
    [
        (120, "Enrollment: one hundred twenty participants", None, 0),
        (120, "Enrollment: one hundred and twenty participants", None, 0),
        (100, "Enrollment: one hundred twenty participants", None, 1),
        (65, "Enrollment: sixty–five participants", None, 0),
        (60, "Enrollment: sixty–five participants", None, 1),
        (65, "Enrollment: sixty - five participants", None, 0),
        (60, "Enrollment: sixty - five participants", None, 1),
        (60, "Enrollment: sixty", "Enrollment: sixty - five participants", 1),
        (5, "five participants", "Enrollment: sixty - five participants", 1),
    ],
)
def test_an_enrollment_in_words_binds_its_whole_number(
    registry: Path, trials: Trials, count: int, quote: str, line: str | None, status: int
) -> None:
    source = add_source(registry, "seeds/925_words.txt", HEAD + (line or quote) + "\n")
    enrollment_draft(registry, source, count, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == status, result.out


def test_a_plain_source_stating_hundreds_in_words_refuses_the_enrollment_silent(registry: Path, trials: Trials) -> None:
    stated = "The trial plans to enroll one hundred twenty patients."
    source = add_source(registry, "seeds/925_words.txt", HEAD + stated + "\n")
    record = im19_draft(source).replace("curation:\n", "curation:\n  silent:\n    - enrollment.count\n", 1)
    put(registry, IM19_PATH, record)
    assert trials.json("validate", registry / IM19_PATH).codes() == {"E523"}


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        ("criteria twenty–four", {24}),
        ("criteria twenty-\nfour", {24}),
        ("criteria twenty  four", {24}),
        ("criteria one hundred", set()),
        ("criteria one and two hundred", {1}),
        ("criteria twenty four and twenty-five", {24, 25}),
    ],
)
def test_item_numbers_in_words_are_read_as_lexicon_reads_them(entry: str, named: set[int]) -> None:
    assert completeness._named_in_words(entry) == named


def _minimum_age(registry: Path, trials: Trials, criterion: str, value: int | None) -> set[str]:
    """A record's minimum age `value` quoted from the source's criterion (declared silent where None):
    the codes validate gives it."""
    source = add_source(registry, "seeds/925_words.txt", HEAD + f"Inclusion criteria:\n1. {criterion}\n")
    if value is None:
        record = im19_draft(source).replace("curation:\n", "curation:\n  silent:\n    - eligibility.minimum_age\n", 1)
    else:
        ages = (
            f"eligibility:\n  minimum_age:\n    value: {value}\n    unit: YEARS\n"
            f"evidence:\n  eligibility.minimum_age: {criterion}\n"
        )
        record = joined(im19_draft(source), ages)
    put(registry, IM19_PATH, record)
    return trials.json("validate", registry / IM19_PATH).codes()


@pytest.mark.parametrize("value", [18, 81])
def test_an_age_whose_words_and_digits_disagree_binds_neither(registry: Path, trials: Trials, value: int) -> None:
    """ "eighteen (81) years": no reader can tell which; binding reads no age (and silence none either,
    consistently: a record can only declare it silent)."""
    assert _minimum_age(registry, trials, "Patients aged eighteen (81) years or older.", value) == {"E508"}


# An age written as the birthday that reaches it (age_bounds._BIRTHDAY): a minimum when reached, a
# maximum before it, as "≥ 18 years" and "< 18 years" are
BIRTHDAYS = [
    ("Patients who have reached their eighteenth birthday.", "min"),
    ("Participants must have attained their 18th birthday at screening.", "min"),
    ("Patients on or after their twenty-first birthday.", "min"),
    ("Patients who have not yet reached their 18th birthday.", "max"),
    ("Enrolled before their eighteenth birthday.", "max"),
]


@pytest.mark.parametrize(("criterion", "bound"), BIRTHDAYS)
def test_an_age_as_a_birthday_is_read_at_its_bound(criterion: str, bound: str) -> None:
    found = age_bounds.criteria_ages(criterion)
    assert [(a.bound, a.unit) for a in found] == [(bound, "YEARS")], found
    assert found[0].value in (18, 21)


def test_an_age_as_a_birthday_binds(registry: Path, trials: Trials) -> None:
    assert _minimum_age(registry, trials, "Patients who have reached their eighteenth birthday.", 18) == set()


def test_an_age_as_a_birthday_is_not_silent(registry: Path, trials: Trials) -> None:
    assert "E523" in _minimum_age(registry, trials, "Patients who have reached their 18th birthday.", None)


def test_a_birthday_of_those_kept_out_bounds_no_age() -> None:
    found = age_bounds.ages("Patients who have not reached their 18th birthday are excluded.")
    assert [a.bound for a in found] == [None]


@pytest.mark.parametrize(
    ("text", "value"),
    [("a dozen", 12), ("one dozen", 12), ("two dozen", 24), ("2 dozen", 24), ("half a dozen", 6), ("dozens of", None)],
)
def test_a_count_in_dozens_is_read_whole(text: str, value: int | None) -> None:
    assert [n.value for n in quantities.numbers(f"Enrollment: {text} participants")] == ([value] if value else [])


def test_a_count_in_dozens_is_a_number_of_participants() -> None:
    """What silence reads an enrollment by (silence._said): a dozen stated is a count a record cannot
    declare silent."""
    assert head_counts.counts("Enrollment: a dozen participants") == [12]


def test_an_enrollment_of_a_dozen_binds(registry: Path, trials: Trials) -> None:
    source = add_source(registry, "seeds/925_words.txt", HEAD + "Enrollment: a dozen participants\n")
    enrollment_draft(registry, source, 12, "Enrollment: a dozen participants")
    assert trials("validate", registry / IM19_PATH).status == 0


# A parenthesis that opens with a word adding to its item offers another treatment: it is no regimen of
# the item's (enumeration._ADDED), whatever names it (a brand THERAPIES does not know)
ADDED = [
    "(or Benlysta regimen)",
    "(and/or the Benlysta protocol)",
    "(plus Benlysta dosing)",
    "(with a Benlysta regimen)",
    "(followed by the Benlysta regimen)",
    "(+ Benlysta regimen)",
    "(vs. Benlysta dosage)",
    # ... or that adds one by a phrase not first in it (hunt25)
    "(in combination with Benlysta regimen)",
    "(together with the Benlysta protocol)",
    "(along with Benlysta dosing)",
    "(in addition to the Benlysta regimen)",
    "(as well as Benlysta dosing)",
    "(alone or with the Benlysta regimen)",
    "(for 6 months, or Benlysta regimen)",
    "(±Benlysta regimen)",
    "(+/- Benlysta regimen)",
]


# ... and one whose every word is an adding word or a dosing word stays the item's own (hunt25)
OWN = [
    "(Euro-Lupus or NIH regimen)",
    "(NIH protocol)",
    # regimens' names and dosing words, capitalised (enumeration._names_another)
    "(Euro Lupus regimen)",
    "(Modified NIH regimen)",
    "(Low dose)",
    "(High-dose IV regimen)",
    "(or equivalent)",
    "(or equivalent dosing)",
    "(or an equivalent regimen)",
    "(or a higher dose)",
    "(with or without a loading dose)",
    "(followed by maintenance dosing)",
    # a dose's size and unit
    "(or a high-dose regimen)",
    "(or 500 mg/m2 dosing)",
    "(with 0.5 g per week dosing)",
]


@pytest.mark.parametrize(("parenthesis", "its_own"), [(p, False) for p in ADDED] + [(p, True) for p in OWN])
def test_a_regimens_parenthesis_is_its_items_own_or_another_item(parenthesis: str, its_own: bool) -> None:
    """Its own: the item ends after it (at the comma); another item: the item ends before it."""
    text = f"intravenous cyclophosphamide {parenthesis}, or NSAIDs"
    end = text.index(" (")
    assert enumeration.tail(text, end) == (text.index(",") if its_own else end)


@pytest.mark.parametrize(
    "unit",
    [
        # n cues, a permission after them all: each cue's words between it and the permission were read again
        lambda n: "Patients " + "previously treated with rituximab or " * n + "belimumab are eligible.",
        # n cues, n permissions in parentheses after them: each cue walked them all
        lambda n: "Patients previously treated with rituximab " * n + "(are eligible) " * n + "are eligible",
    ],
)
def test_a_criterion_of_many_cues_and_permissions_costs_steps_in_step_with_them(
    unit: Callable[[int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The characters prior_therapy's patterns read (counted.Scans) and the permissions' depths looked
    at (_Treated._permission_depths) are counted: four times the text, about four times as many, not
    sixteen (eca1a11: 4,000 cues took 9.7 s, 16 and more times the time of 1,000)."""
    scans = scan_all(monkeypatch, prior_therapy, leave=("RECEIVED",))
    looked = [0]

    class Depths(list[int]):
        def __getitem__(self, i: Any) -> Any:
            looked[0] += 1
            return super().__getitem__(i)

    depths = vars(prior_therapy._Treated)["_permission_depths"]  # (the cached_property itself)
    counted = cached_property(lambda self: Depths(depths.func(self)))
    counted.__set_name__(prior_therapy._Treated, "_permission_depths")
    monkeypatch.setattr(prior_therapy._Treated, "_permission_depths", counted)
    counts = []
    for n in (25, 100):
        looked[0] = 0
        read = characters_read(scans, prior_therapy.requirement, unit(n), inclusion=True)
        counts.append((read, looked[0]))
    (small_read, small_looked), (large_read, large_looked) = counts
    assert large_read < 5 * small_read and large_looked <= 4 * small_looked + 4, counts


def test_an_enumeration_with_a_long_run_of_spaces_costs_steps_in_step_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """_parts tried a separator from each white space of a run, each read to the run's end: 8,000
    spaces took 1.1 s, a criterion of 1 MiB of them hours. The separator (_PARTS) is tried once a run,
    however long (counted.Scans counts each try)."""
    parts = Scans(enumeration._PARTS)
    monkeypatch.setattr(enumeration, "_PARTS", parts)
    for n in (1_000, 4_000):
        text = "mycophenolate" + " " * n + "x"
        parts.read = 0
        assert len(enumeration._items(text, 0, len(text))) == 1
        assert parts.read == 1, (n, parts.read)
