"""Pull-request attacks on how numbers are read from a source: a value bound to a number the source
does not state.

The checks compare text in Unicode NFKC, which writes a superscript as a plain digit: a source's
"1×10⁶/kg" was read as "1×106/kg", so a dose of 106 bound to it and the 1,000,000 it states was
refused. And a number of 400 digits was read as infinity, which the tolerance of same_number (itself
infinite then) made equal to every number: "999…9 participants" bound an enrollment of 60, or any.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import AS_OF_LINE, IM19_PATH, Trials, add_source, age_fields, edit, im19_draft, joined, put
from sle_trials.reading import digits, layouts
from sle_trials.reading.lexicon import head_counts, quantities

SOURCE = "seeds/921_scripts.txt"
DOSE = "1×10⁶/kg CAR-T cells for patients 1 to 3"
RECORD = joined(
    im19_draft(SOURCE),
    """\
enrollment:
  count: {count}
arms:
  - label: CAR-T cell therapy group
    intervention_names:
      - IM19 CAR-T cells
    cohorts:
      - patients: {{first: 1, last: 3}}
        dose:
          value: {dose}
          unit: CAR-T cells
          basis: PER_KG
interventions:
  - name: IM19 CAR-T cells
evidence:
  enrollment.count: '{enrolled} participants'
  arms.0.cohorts.0: {quote}
""",
)


def write_case(root: Path, *, count: int = 6, dose: int = 1_000_000, enrolled: str = "6") -> None:
    """The enrollment and dose source, and IM19's record citing it with these values."""
    text = (
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
        + AS_OF_LINE
        + f"Enrollment: {enrolled} participants\n"
        f"CAR-T cell therapy group: IM19 CAR-T cells at a dose of {DOSE}.\n"
    )
    add_source(root, SOURCE, text)
    put(root, IM19_PATH, RECORD.format(count=count, dose=dose, enrolled=enrolled, quote=DOSE))


def test_a_dose_read_from_a_superscript_power_is_the_power(registry: Path, trials: Trials) -> None:
    write_case(registry)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 0, result.out


def test_a_dose_of_the_superscripts_digits_run_together_is_refused(registry: Path, trials: Trials) -> None:
    write_case(registry, dose=106)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E508"}, result.out


def test_a_number_too_large_for_a_float_binds_no_value(registry: Path, trials: Trials) -> None:
    write_case(registry, count=60, enrolled="9" * 400)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E508"}, result.out


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1×10⁶/kg", [1e6]),  # the superscript is an exponent, not the digits 106
        ("1×10^-3 mg", [0.001]),  # a negative exponent is a fraction, not 10
        ("10⁻³ g", [0.001]),
        ("1½ years", [1.5]),  # a mixed number: neither 11 (NFKC writes ½ as 1⁄2) nor 1
        ("1 ½ years", [1.5]),
        ("½ dose", [0.5]),
        ("2¾ mg", [2.75]),
        ("1⅟ x", []),  # ⅟ is a numerator with no denominator: no number
        ("1.5½", []),  # no number is cut out of a longer one: not 1
        ("25,000½", []),
        ("①18 years", [18]),  # ① marks an item: not 118 (NFKC writes ① as 1), not 1
        ("⑴ 18 and ⒈ 65", [18, 65]),
        ("18① years", [18]),
        ("1⁄2 dose", [0.5]),  # the fraction slash: neither 1 nor 2
        ("1 1⁄2 years", [1.5]),
        ("3⁄0", []),
        ("1 000 participants", []),  # digits grouped by a space: neither 1 and 0, nor surely 1000
        ("1\u202f000 000 cells", []),  # by a narrow no-break space
        ("cohort 1 500 mg", []),  # nor 1500: the same run of digits
        ("1'000 and 1’000", []),  # by an apostrophe (Swiss usage)
        ("1 0000 and 18 to 65", [1, 0, 18, 65]),  # no run of threes: each number as it stands
        ("1.000 participants", []),  # digits grouped by a point (European thousands): neither 1 nor surely 1000
        ("Platelets <100.000/mm³ or 1.000.000", []),
        ("0.125 mg, 7.50 mg and 1.0005", [0.125, 7.5, 1.0005]),  # no run of threes after a nonzero whole part
        ("1.500 × 10^9/L", [1.5]),  # a power's mantissa is a decimal (the power per litre is the unit's)
        ("1/2 dose, 140/90 and 07/30/2024", []),  # digits an ASCII slash joins: no number of them
        ("1×10^6/kg, 2.5/kg and <500/mm3", [1e6, 2.5, 500]),  # a slash before a unit leaves the number
        ("One hundred participants", [100]),  # a scale word multiplies: not 1
        ("1.2 million cells", [1.2e6]),
        ("1 thousand, or 2,000 thousand", [1000, 2e6]),
        ("one hundred and twenty", [120]),  # hundreds and the number after them: one number, 120
        ("one hundred and twenty thousand", []),  # more than the number read says: none
        ("1 million 200 thousand", []),
        ("twenty-one and Forty two", [21, 42]),  # a compound number word, whole: neither 1 nor 2
        ("2 dozen", [24]),  # a count in dozens: 24, not 2
        ("one-third of 60", [60]),  # a fraction word: no 1
        ("1k, 2M and 3bn", []),  # a scale's abbreviation glued to the digits
        ("SLEDAI-2K score ≥ 6", [6]),
        ("CO₂ 40", [40]),  # the subscript is no number
        ("1.73 m² 30", [1.73, 30]),
        ("２４ weeks", [24]),  # a full-width digit is the same digit
        # a number a reader sees go on past its digits, with a character that shows one: none
        ("Weight \u2265 4\u0417 kg", []),  # a Cyrillic ZE: 43 kg to a reader, and it bound a limit of 4
        ("6\u0431 participants", []),  # a Cyrillic BE: 66
        ("4O kg and 1l kg", []),  # a capital O and a small L, as a word's end
        ("4\u041e kg", []),  # a Cyrillic O (read as an O: lookalike.letters)
        ("10IU and 5mg", [10, 5]),  # a unit written on: a word
        ("9" * 400, []),  # infinite: no number a record can hold
        ("1e99999999", []),  # at once: 10 ** int(...) of it took seconds, then overflowed
    ],
)
def test_numbers_as_the_source_states_them(text: str, values: list[float]) -> None:
    found = [n.value for n in quantities.numbers(layouts.normalise(text))]
    assert found == values
    assert quantities.numbers_at_most(layouts.normalise(text)) >= len(found)  # the quick count never reads fewer


@pytest.mark.parametrize(("quote", "count"), [("000 participants", 0), ("Enrollment: 1", 1)])
def test_a_quote_of_a_part_of_spaced_digits_is_a_cut(registry: Path, trials: Trials, quote: str, count: int) -> None:
    # "1 000 participants" states no number; its "000 participants" stated 0, and "Enrollment: 1" 1
    write_case(registry, count=count, enrolled="1 000")
    edit(registry, IM19_PATH, ("'1 000 participants'", f"'{quote}'"))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E521"}, result.out


@pytest.mark.parametrize(("enrolled", "count"), [("One hundred", 100), ("1 thousand", 1000)])
def test_an_enrollment_in_words_binds_its_value(registry: Path, trials: Trials, enrolled: str, count: int) -> None:
    write_case(registry, count=count, enrolled=enrolled)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 0, result.out


@pytest.mark.parametrize(
    ("enrolled", "count"),
    [
        ("1 000", 1),
        ("1 000", 1000),
        ("1\u202f000", 1),
        ("1\u00a0000", 1),
        ("1’000", 1),
        ("1.000", 1),
        ("1.000", 1000),
        ("1⁄2", 1),
        ("1⁄2", 2),
        ("One hundred", 1),
        ("1 thousand", 1),
        ("twenty-one", 1),
        ("Forty-two", 2),
        ("2 dozen", 2),
        ("one-third of 60", 1),
        ("1k", 1),
    ],
)
def test_an_enrollment_is_not_read_from_a_part_of_a_number(
    registry: Path, trials: Trials, enrolled: str, count: int
) -> None:
    # "1 000 participants" bound an enrollment of 1 (and "1⁄2" one of 1 or 2): the digits either side of
    # a space or a fraction slash were read as numbers of their own; "1.000 participants" (a thousand
    # where Europe writes it) bound 1, read as a decimal; "One hundred", "twenty-one" and
    # "2 dozen participants" bound 1, 1 and 2: a number was read without the words that make it another
    write_case(registry, count=count, enrolled=enrolled)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E508"}, result.out


@pytest.mark.parametrize(
    ("stated", "passes"),
    [
        ("12 participants per arm", False),
        ("12 patients in each cohort", False),
        ("12 subjects each", False),
        ("12 people/arm", False),
        ("two cohorts of 12 participants", False),  # a part named before the count
        ("24 participants, of whom 12 participants", False),
        ("24 participants, including 12 participants", False),
        ("12 participants in the CAR-T arm", False),
        ("12 participants in cohort 1", False),
        ("12 participants", True),
        ("12 participants, each", True),  # a comma ends the count's phrase
        ("a total of 12 participants", True),
    ],
)
def test_an_enrollment_is_not_a_count_of_a_part(registry: Path, trials: Trials, stated: str, passes: bool) -> None:
    # "12 participants per arm" bound an enrollment of 12 where the trial enrols 12 in each of its arms
    add_source(registry, AGE_SOURCE, f"{TITLE}\nEnrollment: {stated} of two arms.\n")
    record = joined(im19_draft(AGE_SOURCE), f"enrollment:\n  count: 12\nevidence:\n  enrollment.count: '{stated}'\n")
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((0, set()) if passes else (1, {"E508"})), result.out


@pytest.mark.parametrize(
    ("said", "quote", "passes"),
    [
        # the quote cut before the words that make its count a part's or another group's (each passed)
        ("3 patients at each dose level", "3 patients", False),
        ("40 patients were assessed for eligibility", "40 patients", False),
        ("12 participants per arm", "12 participants", False),
        # the whole trial's count cut short still binds (no false refusal)
        ("12 participants with refractory SLE will be enrolled", "12 participants", True),
        ("12 participants\nPatients per arm: 6", "12 participants", True),  # the next line's part
    ],
)
def test_an_enrollment_is_read_in_the_words_its_quote_leaves_out(
    registry: Path, trials: Trials, said: str, quote: str, passes: bool
) -> None:
    add_source(registry, AGE_SOURCE, f"{TITLE}\n{said}.\n")
    fields = f"enrollment:\n  count: {quote.split()[0]}\nevidence:\n  enrollment.count: '{quote}'\n"
    record = joined(im19_draft(AGE_SOURCE), fields)
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((0, set()) if passes else (1, {"E508"})), result.out


@pytest.mark.parametrize(
    ("stated", "counted"),
    [
        # a part counted with "each" after the words that place people ("at each dose level" bound an
        # enrollment of 3), or named in other words than cohort, arm, group, part or stage
        ("3 patients at each dose level", []),
        ("6 participants treated at each dose", []),
        ("10 participants on every site", []),
        ("6 patients at each of the 3 dose levels", []),
        ("12 participants in the dose-escalation phase", []),
        ("12 participants in the Phase 1b part", []),
        ("24 participants in dose expansion", []),
        ("9 patients in the escalation period", []),
        ("6 patients at dose level 1", []),
        ("12 participants enrolled in the run-in", []),
        # the whole trial's, in words like them (no false refusal)
        ("24 participants in the Phase 1 trial", [24]),
        ("24 participants will be enrolled in this Phase I study", [24]),
        ("24 participants will each receive one infusion", [24]),
        ("a total of 24 patients at two centres", [24]),
        ("24 participants in the United States", [24]),
    ],
)
def test_a_count_in_a_part_in_other_words_is_no_enrollment(stated: str, counted: list[float]) -> None:
    assert head_counts.counts(stated) == counted


@pytest.mark.parametrize(
    ("stated", "counted"),
    [
        # those looked at before some of them were enrolled (CONSORT's first box) bound an enrollment
        ("40 patients were assessed for eligibility", []),
        ("Assessed for eligibility: 40 participants", []),
        ("8 participants were not eligible", []),
        ("8 participants were ineligible", []),
        ("30 participants consented", []),
        ("6 participants did not meet the criteria", []),
        # the group enrolled, in words like them (no false refusal)
        ("24 participants were assessed for eligibility and enrolled", [24]),
        ("24 participants who consented were enrolled", [24]),
        ("Of 40 patients assessed, 24 participants were enrolled", [24]),
        ("24 participants will be enrolled and assessed at week 52", [24]),
    ],
)
def test_a_count_of_those_assessed_for_enrolment_is_no_enrollment(stated: str, counted: list[float]) -> None:
    assert head_counts.counts(stated) == counted


@pytest.mark.parametrize(
    ("stated", "passes"),
    [
        ("Screening failures: 12 participants", False),
        ("Screened: 40; screen failures 12 participants", False),
        ("12 participants withdrew", False),
        ("12 participants were screened", False),
        ("12 participants discontinued the study", False),
        ("12 participants completed the study", False),
        ("12 patients applied", False),
        ("Enrollment completed: 12 participants", True),
        ("12 participants were enrolled", True),
        ("Of 40 patients screened, 12 participants were enrolled", True),  # another clause's group
        ("Number of participants enrolled: 12", True),  # a count's label of its own
        ("Number of patients: 12", True),
        ("Number of patients screened: 12", False),
        # the group screened is the group enrolled (a false refusal before)
        ("12 participants were screened and enrolled", True),
        ("12 participants who completed screening were enrolled", True),
    ],
)
def test_an_enrollment_is_not_a_count_of_another_group(
    registry: Path, trials: Trials, stated: str, passes: bool
) -> None:
    """Before: "Screening failures: 12 participants" bound an enrollment of 12, as did a count of those
    who withdrew, were screened, completed or applied: each is a count of another group than those
    enrolled (E508)."""
    add_source(registry, AGE_SOURCE, f"{TITLE}\nEnrollment: 30 participants. {stated}.\n")
    record = joined(im19_draft(AGE_SOURCE), f"enrollment:\n  count: 12\nevidence:\n  enrollment.count: '{stated}'\n")
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((0, set()) if passes else (1, {"E508"})), result.out


AGE_SOURCE = "seeds/922_ages.txt"
TITLE = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n"
    "Last Updated: 2025-08-17"
)


@pytest.mark.parametrize(
    ("stated", "value", "code"),
    [
        ("①18 years", 18, None),  # the item mark is not a digit of the age
        ("①18 years", 118, "E508"),  # not the digits NFKC writes
        ("①18 years", 1, "E508"),  # nor the mark
        ("1½ years", 1, "E508"),  # the mixed number is 1.5: not its whole part
        ("1½ years", 11, "E508"),  # nor the digits NFKC writes (11⁄2)
    ],
)
def test_an_age_binds_the_number_its_quote_states(
    registry: Path, trials: Trials, stated: str, value: int, code: str | None
) -> None:
    add_source(registry, AGE_SOURCE, f"{TITLE}\nPatients aged {stated} or older.\n")
    put(
        registry,
        IM19_PATH,
        joined(im19_draft(AGE_SOURCE), age_fields("minimum_age", value, f"Patients aged {stated} or older")),
    )
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert (result.status, result.codes()) == ((1, {code}) if code else (0, set())), result.out


@pytest.mark.parametrize(("value", "status"), [(1.5, 0), (1, 1), (11, 1), (2, 1)])
def test_a_dose_of_a_mixed_number_binds_its_value(registry: Path, trials: Trials, value: float, status: int) -> None:
    text = "1½ mg/kg for patients 1 to 3"
    add_source(registry, AGE_SOURCE, f"{TITLE}\nCAR-T cell therapy group: IM19 CAR-T cells at a dose of {text}.\n")
    record = (
        RECORD.replace("unit: CAR-T cells", "unit: mg")
        .replace("enrollment:\n  count: {count}\n", "")
        .replace("  enrollment.count: '{enrolled} participants'\n", "")
    )
    record = record.replace(SOURCE, AGE_SOURCE).format(dose=value, quote=text)
    put(registry, IM19_PATH, record)
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == status, result.out
    if status:
        assert result.codes() == {"E508"}, result.out


FRACTION_RECORD = """\
eligibility:
  inclusion_criteria:
    - number: 1
      text: Prednisone ≤ 1/2 mg/kg/day
  thresholds:
    - kind: CORTICOSTEROID_DOSE
      criterion: {{list: INCLUSION, number: 1}}
      measure: Prednisone
      comparator: "<="
      value: {value}
      unit: mg/kg/day
evidence:
  eligibility.thresholds.0: Prednisone ≤ 1/2 mg/kg/day
"""


@pytest.mark.parametrize("value", [1, 2, 0.5])
def test_a_limit_is_not_read_from_a_part_of_an_ascii_fraction(registry: Path, trials: Trials, value: float) -> None:
    # "≤ 1/2 mg/kg/day" bound a limit of 1: the digit before the slash was read as the number, and its
    # unit as written away from it (a reading the note on the field allowed). An ASCII slash between
    # digits is a fraction, a ratio or a date: no number of it binds, not even its value
    add_source(registry, AGE_SOURCE, f"{TITLE}\nInclusion criteria:\n1. Prednisone ≤ 1/2 mg/kg/day\n")
    note = "  notes:\n    - field: eligibility.thresholds\n      text: The unit stands after the fraction.\n"
    record = joined(im19_draft(AGE_SOURCE), FRACTION_RECORD.format(value=value))
    put(registry, IM19_PATH, record.replace("\neligibility:", "\n" + note + "eligibility:", 1))
    result = trials("validate", registry / IM19_PATH, fmt="json")
    assert result.status == 1 and result.codes() == {"E508"}, result.out


def test_no_infinite_number_is_the_same_as_another() -> None:
    assert not quantities.same_number(float("inf"), 60)
    assert not quantities.same_number(float("inf"), float("inf"))
    assert quantities.same_number(1e6, 1_000_000)


def test_every_character_nfkc_makes_a_digit_of_is_read_as_its_script_says() -> None:
    """digits.PATTERN is written out: each character whose NFKC holds an ASCII digit is either in it
    or a full-width, mathematical or squared form (the same digit, or a unit such as ㎡)."""
    same = ("<wide>", "<font>", "<square>")
    missed = []
    for code in range(0x80, 0x20000):  # beyond, Unicode has no such character (🄊 is U+1F10A)
        c = chr(code)
        tag = unicodedata.decomposition(c).split(" ", 1)[0]
        if not tag.startswith("<") or tag in same:
            continue
        if any("0" <= d <= "9" for d in unicodedata.normalize("NFKC", c)) and not digits.PATTERN.fullmatch(c):
            missed.append(f"U+{code:04X} {tag}")
    assert missed == []


def test_a_text_nfkc_leaves_as_it_is_holds_nothing_digits_rewrites() -> None:
    """digits.nfkc returns a text NFKC leaves unchanged as it is, without looking for PATTERN's
    characters: so every character PATTERN is made of must be one NFKC changes, and what it rewrites
    must be what it reads within the runs of those characters."""
    members = [chr(code) for code in range(0x80, 0x20000) if digits.PATTERN.fullmatch(chr(code))]
    members += [chr(code) for code in range(0x2070, 0x20A0) if unicodedata.decomposition(chr(code))]  # signs
    assert len(members) > 200
    assert [f"U+{ord(c):04X}" for c in members if unicodedata.is_normalized("NFKC", c)] == []
    text = "eGFR <30 mL/min/1.73 m², ⁽⁺¹⁰⁾, 1½ and ① ≥ µ"
    assert digits.nfkc(text) == "eGFR <30 mL/min/1.73 m^2, ^(+10), 1½ and ① ≥ μ"
