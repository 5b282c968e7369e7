"""Attacks on today's readings (hunt25): a count in dozens (quantities._DOZEN), an age written as a
birthday (age_bounds._BIRTHDAY), a parenthesis that adds a treatment to its item (enumeration._ADDED), and one that
gives its item with a regimen the field knows by its name ("(with the Euro-Lupus regimen)",
enumeration._with_a_named_regimen).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import test_attacks_enumeration_items as enumeration_items
from conftest import (
    IM19_PATH,
    Trials,
    add_source,
    checked_registry,
    copy_registry,
    enrollment_draft,
    im19_draft,
    import_complete,
    joined,
    put,
)
from counted import Scans
from sle_trials.checks import completeness
from sle_trials.checks.binding import enumeration
from sle_trials.reading import sentences
from sle_trials.reading.lexicon import age_bounds, date_mentions, quantities
from test_attacks_read24 import HEAD, _minimum_age

# --- a count in dozens ----------------------------------------------------------------------------

# digits a count in dozens does not start at: a decimal's, a fraction's, a thousands group's, a power's,
# a product's; read from them, "1.5 dozen" was 60 (5 dozen), "1/2 dozen" 24, "1,000 dozen" 0
NO_COUNT_OF_DOZENS = ["1.5 dozen", "1/2 dozen", "1,000 dozen", "10^2 dozen", "6×2 dozen"]
# nor at a digit group of a run spaced in threes, which states no number (quantities._SPACED)
SPACED_DOZENS = ["1 200 dozen", "1'200 dozen", "1.200 dozen"]


@pytest.mark.parametrize("text", NO_COUNT_OF_DOZENS)
def test_a_dozens_count_is_no_part_of_a_number(text: str) -> None:
    assert [n.value for n in quantities.numbers(f"Enrollment: {text} participants")] == []


# more of a number after its dozens: "a dozen dozen" is no 12, "two dozen thousand" no 24, "a dozen and a
# half" (18) no 12
@pytest.mark.parametrize("text", ["a dozen dozen", "two dozen thousand", "a dozen and a half", "2 dozen hundred"])
def test_a_count_of_dozens_with_more_of_its_number_is_none(text: str) -> None:
    assert [n.value for n in quantities.numbers(f"Enrollment: {text} participants")] == []


# a number and a half of a part or a scale: neither the number nor the part ("one and a half dozen" is 18)
@pytest.mark.parametrize("text", ["one and a half dozen", "two and a half thousand", "1 and a half hundred"])
def test_a_number_and_a_half_of_a_part_is_none(text: str) -> None:
    assert [n.value for n in quantities.numbers(f"Enrollment: {text} participants")] == []


@pytest.mark.parametrize("text", ["a dozen", "half a dozen", "one dozen", "a dozen and a dozen"])
def test_numbers_at_most_counts_a_dozen(text: str) -> None:
    """numbers_at_most is at least len(numbers()): completeness reads no limit of a criterion with
    fewer, and "SLEDAI-2K of at least half a dozen points" was counted as stating none."""
    quote = f"A disease activity score of at least {text} points"
    assert quantities.numbers_at_most(quote) >= len(quantities.numbers(quote)) >= 1


@pytest.mark.parametrize("text", SPACED_DOZENS)
def test_a_dozens_count_is_no_digit_group(text: str) -> None:
    assert [n.value for n in quantities.numbers(f"Enrollment: {text} participants")] == []


def test_a_count_of_dozens_past_a_floats_range_is_none() -> None:
    """numbers() reads no infinite number ("1e999"): 400 nines of dozens was read as inf, a count and
    an age (">= inf years") every check compared."""
    assert quantities.numbers(f"Enrollment: {'9' * 400} dozen participants") == []


def test_an_enrollment_of_a_dozens_decimals_tail_does_not_bind(registry: Path, trials: Trials) -> None:
    source = add_source(registry, "seeds/925_words.txt", HEAD + "Enrollment: 1.5 dozen participants\n")
    enrollment_draft(registry, source, 60, "Enrollment: 1.5 dozen participants")
    assert trials("validate", registry / IM19_PATH).status != 0


# --- an age written as a birthday ----------------------------------------------------------------


def test_a_birthday_before_two_bare_ages_leaves_them_minimum_and_maximum() -> None:
    """ "18 Years" and "65 Years" (a registry page's two lines) are a minimum and a maximum whatever
    stands before them: a birthday read before them took the place of the first, and 18 was read as
    the maximum."""
    found = age_bounds.ages("Patients who have reached their 21st birthday. 18 Years 65 Years")
    assert [(a.bound, a.value) for a in found] == [("min", 21), ("min", 18), ("max", 65)]


# A birthday not yet reached, its verb negated in any form: the maximum age, never the minimum
NOT_REACHED = [
    "Patients who haven't reached their 18th birthday.",
    "Patients who did not reach their eighteenth birthday by screening.",
    "Patients who are yet to reach their 18th birthday.",
    "Patients who have not yet had their 18th birthday.",
    "Patients enrolled without having reached their 18th birthday.",
    # a phrase between commas or in brackets parts the negation from its verb
    "Patients must not, at the time of screening, have reached their 18th birthday.",
    "Patients who have not (at screening) reached their 18th birthday.",
]


@pytest.mark.parametrize("criterion", NOT_REACHED)
def test_a_birthday_not_reached_is_a_maximum(criterion: str) -> None:
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages(criterion)] == [("max", 18)]


def test_a_minimum_age_quoted_from_a_birthday_not_reached_is_refused(registry: Path, trials: Trials) -> None:
    assert "E508" in _minimum_age(registry, trials, NOT_REACHED[0], 18)


# whose birthday, as protocols write it: "his or her", "his/her"
@pytest.mark.parametrize(
    ("criterion", "bound"),
    [
        ("Patients who have reached his or her 18th birthday.", "min"),
        ("Patients who have attained his/her eighteenth birthday.", "min"),
        ("Patients who have not yet reached his or her 18th birthday.", "max"),
    ],
)
def test_a_birthday_of_his_or_her_is_read_at_its_bound(criterion: str, bound: str) -> None:
    assert [(a.bound, a.value) for a in age_bounds.criteria_ages(criterion)] == [(bound, 18)]


# A birthday the disease's event came before or after: the age the lupus began at, no bound of who enrols
AT_AN_EVENT = [
    "SLE diagnosed before their 18th birthday.",
    "SLE onset prior to the 18th birthday.",
    "Childhood-onset SLE (diagnosis of SLE made before the eighteenth birthday).",
    "Symptoms began on or before their 18th birthday.",
]


@pytest.mark.parametrize("criterion", AT_AN_EVENT)
def test_a_birthday_of_the_diseases_event_bounds_no_age(criterion: str) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(criterion)] == [(None, 18)]


# ... or a treatment's: what was given or done then
TREATED_THEN = [
    "Patients who received rituximab before their 18th birthday.",
    "Patients treated with cyclophosphamide prior to their 18th birthday.",
    "Vaccinated against measles before the eighteenth birthday.",
]


@pytest.mark.parametrize("criterion", TREATED_THEN)
def test_a_birthday_a_treatment_came_before_bounds_no_age(criterion: str) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(criterion)] == [(None, 18)]


def test_a_birthday_before_enrolment_is_still_a_maximum() -> None:
    assert [a.bound for a in age_bounds.ages("Patients enrolled before their 18th birthday.")] == ["max"]


def _maximum_age(registry: Path, trials: Trials, criterion: str, value: int, quote: str = "") -> set[str]:
    """A record's maximum age `value` quoted from the source's criterion (or from the quote of it):
    the codes validate gives it."""
    source = add_source(registry, "seeds/925_words.txt", HEAD + f"Inclusion criteria:\n1. {criterion}\n")
    ages = (
        f"eligibility:\n  maximum_age:\n    value: {value}\n    unit: YEARS\n"
        f"evidence:\n  eligibility.maximum_age: {quote or criterion}\n"
    )
    put(registry, IM19_PATH, joined(im19_draft(source), ages))
    return trials.json("validate", registry / IM19_PATH).codes()


@pytest.mark.parametrize("quote", ["", "before their 18th birthday"])
def test_a_maximum_age_quoted_from_the_diseases_onset_is_refused(registry: Path, trials: Trials, quote: str) -> None:
    """Whole, or cut after the words of the disease's event (binding reads the age in its sentence)."""
    assert "E508" in _maximum_age(registry, trials, AT_AN_EVENT[0], 18, quote)


def test_a_maximum_age_quoted_from_a_birthday_not_reached_binds(registry: Path, trials: Trials) -> None:
    assert "E508" not in _maximum_age(registry, trials, "Patients who have not yet reached their 18th birthday.", 18)


# An age in years the disease's event is written at before the number (age_bounds._AN_EVENT_AT_AGE): no
# bound, as "18 years at diagnosis" is none
AGE_AT_AN_EVENT = [
    "Diagnosis of SLE at < 18 years.",
    "Onset of lupus before the age of 18 years.",
    "Age at diagnosis < 18 years.",
    "Age at diagnosis of SLE: under 18 years.",
]


@pytest.mark.parametrize("criterion", AGE_AT_AN_EVENT)
def test_an_age_the_diseases_event_is_written_at_bounds_no_age(criterion: str) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(criterion)] == [(None, 18)]


def test_a_maximum_age_quoted_from_the_age_at_diagnosis_is_refused(registry: Path, trials: Trials) -> None:
    assert "E508" in _maximum_age(registry, trials, AGE_AT_AN_EVENT[0], 18)


@pytest.mark.parametrize(
    "criterion", ["Patients aged 18 to 65 years, diagnosed with SLE.", "Age ≥ 18 years at screening."]
)
def test_an_age_beside_no_event_still_bounds(criterion: str) -> None:
    assert all(a.bound is not None for a in age_bounds.ages(criterion))


# Two birthdays that bound a range: a minimum and a maximum, as "between 18 and 65 years" are (65 was
# read as no bound, and an honest maximum age of 65 refused)
BIRTHDAY_RANGES = [
    ("Patients between their 18th and 65th birthdays.", [("min", 18), ("max", 65)]),
    ("Patients from their 18th birthday to their 65th birthday.", [("min", 18), ("max", 65)]),
    ("Aged between their eighteenth and sixty-fifth birthdays.", [("min", 18), ("max", 65)]),
    # of the disease's event, or of those kept out: no bound
    ("SLE diagnosed between their 5th and 16th birthdays.", [(None, 5), (None, 16)]),
    ("Patients between their 18th and 65th birthdays are excluded.", [(None, 18), (None, 65)]),
]


@pytest.mark.parametrize(("criterion", "read"), BIRTHDAY_RANGES)
def test_a_range_of_birthdays_is_read_at_both_bounds(criterion: str, read: list) -> None:
    assert [(a.bound, a.value) for a in age_bounds.ages(criterion)] == read


def test_a_maximum_age_quoted_from_a_range_of_birthdays_binds(registry: Path, trials: Trials) -> None:
    assert "E508" not in _maximum_age(registry, trials, BIRTHDAY_RANGES[0][0], 65)


# --- a parenthesis that adds a treatment ----------------------------------------------------------


def _study(tmp_path_factory: pytest.TempPathFactory, criterion: str) -> tuple:
    """The enumeration fixture study imported with its criterion 4 as criterion: checker, data."""
    doc = json.loads(enumeration_items.STUDY.read_text("utf-8"))
    module = doc["protocolSection"]["eligibilityModule"]
    module["eligibilityCriteria"] = module["eligibilityCriteria"].replace(enumeration_items.FAILED, criterion)
    folder = tmp_path_factory.mktemp("study")
    (folder / "study.json").write_text(json.dumps(doc), "utf-8")
    return import_complete(
        copy_registry(folder / "registry"), folder / "study.json", checked_registry(tmp_path_factory)
    )


def test_a_treatment_added_in_combination_is_not_left_out(tmp_path_factory: pytest.TempPathFactory) -> None:
    study = _study(
        tmp_path_factory,
        "4. Failure of mycophenolate mofetil, intravenous cyclophosphamide (in combination with Benlysta "
        "regimen), or NSAIDs.\n",
    )
    found = enumeration_items._problems(study, ["mycophenolate mofetil", "intravenous cyclophosphamide", "NSAIDs"])
    assert len(found) == 1 and "Benlysta" in found[0][1], found


@pytest.mark.parametrize(
    "parenthesis", ["(or an alternative regimen)", "(or other regimens)", "(or a different protocol)"]
)
def test_another_treatment_unnamed_is_an_item(parenthesis: str) -> None:
    """ "(or an alternative regimen)" offers another treatment, though it names none: no dosing of
    the item's own."""
    text = f"intravenous cyclophosphamide {parenthesis}, or NSAIDs"
    end = text.index(" (")
    assert enumeration.tail(text, end) == end


def test_an_item_listed_without_its_own_dosing_passes(tmp_path_factory: pytest.TempPathFactory) -> None:
    study = _study(
        tmp_path_factory,
        "4. Failure of mycophenolate mofetil, intravenous cyclophosphamide (or equivalent dosing), or NSAIDs.\n",
    )
    therapies = ["mycophenolate mofetil", "intravenous cyclophosphamide", "NSAIDs"]
    assert enumeration_items._problems(study, therapies) == []


# --- time on hostile text --------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["who reached their 18th birthday ", "18 years old ", "aged 18 years. "])
def test_ages_in_a_long_text_cost_time_in_step_with_it(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each age read its whole sentence again (age_bounds.unbound_age): a birthday 4,000 times in one
    sentence took 87 s, and an age's every sentence before it was looked through for its start. The
    characters read for the sentences' words that keep people out (_KEPT_OUT) and for their stops
    (sentences.QUOTE_END) are counted: four times the text, four times as many, not sixteen."""
    kept_out, stops = Scans(age_bounds._KEPT_OUT), Scans(sentences.QUOTE_END)
    monkeypatch.setattr(age_bounds, "_KEPT_OUT", kept_out)
    monkeypatch.setattr(sentences, "QUOTE_END", stops)
    counts = []
    for n in (25, 100):
        kept_out.read = stops.read = 0
        age_bounds.ages(unit * n)
        counts.append((kept_out.read, stops.read))
        assert max(counts[-1]) <= len(unit * n), (n, counts)  # each character read once
    (small_kept, small_stops), (large_kept, large_stops) = counts
    slack = len(unit)  # (a sentence's last stop read or not)
    assert large_kept <= 4 * small_kept + slack and large_stops <= 4 * small_stops + slack, counts


def test_an_age_in_a_sentence_that_keeps_people_out_is_still_no_bound() -> None:
    text = "Age ≥ 18 years. Patients who have reached their 65th birthday are excluded; aged 70 years or older"
    assert [(a.bound, a.value) for a in age_bounds.ages(text)] == [("min", 18), (None, 65), ("min", 70)]


# a brand THERAPIES does not know, first in a regimen's parenthesis and joined by 'or' to a regimen's
# name, read as the item's own regimen: '(Benlysta or NIH regimen)' read as '(Euro-Lupus or NIH
# regimen)' does, and a record leaving Benlysta out passed E525 (a strict xfail until the field's
# regimen names were told from other capitalised words: enumeration._NAMED_REGIMENS)
@pytest.mark.parametrize(
    "parenthesis",
    ["(Benlysta or NIH regimen)", "(6 pulses or Benlysta regimen)", "(Euro-Lupus or Saphnelo dosing)"],
)
def test_a_brand_among_a_regimens_names_is_an_item(parenthesis: str) -> None:
    text = f"intravenous cyclophosphamide {parenthesis}, or NSAIDs"
    end = text.index(" (")
    assert enumeration.tail(text, end) == end


# a regimen the field knows by its name, given after "with" (was a strict xfail: "with" read as adding another
# treatment, enumeration._ADDED, and "cyclophosphamide (with the Euro-Lupus regimen)" listed as its item was refused
# E525): the item's own regimen (enumeration._with_a_named_regimen); a name of no such regimen still adds one
@pytest.mark.parametrize(
    "parenthesis",
    [
        "(with the Euro-Lupus regimen)",
        "(with the modified NIH protocol)",
        "(with the NIH or Euro-Lupus regimen)",
        "(given with the EuroLupus dosing)",
    ],
)
def test_an_items_named_regimen_after_with_stays_its_own(parenthesis: str) -> None:
    text = f"intravenous cyclophosphamide {parenthesis}, or NSAIDs"
    end = text.index(" (")
    assert enumeration.tail(text, end) == text.index(",")


@pytest.mark.parametrize(
    "parenthesis",
    ["(with the Benlysta regimen)", "(with Benlysta)", "(with another regimen)", "(with the NIH and Zorvex regimen)"],
)
def test_another_treatment_after_with_is_still_an_item(parenthesis: str) -> None:
    text = f"intravenous cyclophosphamide {parenthesis}, or NSAIDs"
    end = text.index(" (")
    assert enumeration.tail(text, end) == end


def test_an_item_listed_without_its_named_regimen_passes(tmp_path_factory: pytest.TempPathFactory) -> None:
    study = _study(
        tmp_path_factory,
        "4. Failure of mycophenolate mofetil, intravenous cyclophosphamide (with the Euro-Lupus regimen), or NSAIDs.\n",
    )
    therapies = ["mycophenolate mofetil", "intravenous cyclophosphamide", "NSAIDs"]
    assert enumeration_items._problems(study, therapies) == []


# --- letters a case-blind pattern matches to ASCII ------------------------------------------------

# "İ", "ı", "ſ" and the Kelvin sign match i, i, s and k under (?i): a number word so written was matched,
# then looked up lower-cased in a table that has no such key (KeyError)
FOLDED_WORDS = ["fİrst", "eİghteenth", "nınth", "ſixth", "twenty-fİrst"]


@pytest.mark.parametrize("word", FOLDED_WORDS)
def test_a_birthday_in_letters_a_pattern_folds_is_read(word: str) -> None:
    found = age_bounds.ages(f"Patients who have reached their {word} birthday.")
    assert [a.bound for a in found] == ["min"]


@pytest.mark.parametrize("text", ["sİx", "ſix dozen", "twenty-fİve", "nıne"])
def test_a_number_in_letters_a_pattern_folds_is_read(text: str) -> None:
    assert len(quantities.numbers(f"Enrollment: {text} participants")) == 1


def test_an_entry_naming_items_in_letters_a_pattern_folds_is_read() -> None:
    assert completeness._named_in_words("the fİrst and thİrd criteria") == {1, 3}


def test_a_minimum_age_quoted_from_a_folded_birthday_binds(registry: Path, trials: Trials) -> None:
    assert _minimum_age(registry, trials, "Patients who have reached their eİghteenth birthday.", 18) == set()


@pytest.mark.parametrize(("text", "value"), [("2 mİllion", 2e6), ("one bİllion", 1e9), ("3 thouſand", 3e3)])
def test_a_scale_in_letters_a_pattern_folds_is_read(text: str, value: float) -> None:
    assert [n.value for n in quantities.numbers(f"Enrollment: {text} participants")] == [value]


def test_a_date_label_in_letters_a_pattern_folds_is_read() -> None:
    assert date_mentions._label_after("2024-07-30 (completİon)", 10) == "Completion"


@pytest.mark.parametrize(
    "criterion",
    [
        "Diagnosed with SLE before their 18th birthday.",
        "Diagnosed with refractory SLE before their 18th birthday.",
        "Diagnosed with active SLE before their 18th birthday.",
    ],
)
def test_a_cut_quote_of_a_birthday_at_diagnosis_before_a_capital_is_refused(
    registry: Path, trials: Trials, criterion: str
) -> None:
    """Binding reads a cut quote's age in its sentence (sentences.around), which a line break guessed
    before "SLE" ended there: the event's word left out, a maximum age of 18 quoted "before their
    18th birthday" passed."""
    assert "E508" in _maximum_age(registry, trials, criterion, 18, "before their 18th birthday")


def test_a_birthday_the_disease_dates_from_bounds_no_age() -> None:
    assert [a.bound for a in age_bounds.ages("Patients who have had SLE since their 16th birthday.")] == [None]
