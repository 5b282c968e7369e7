"""A dose the words of its sentence give as no dose of the trial's, found by probing sentences.

A cohort's dose ("1×10^6 CAR-T cells/kg") and a lymphodepleting agent's ("fludarabine 30 mg/m2/day")
were bound where the source's sentence gives that number as no dose the trial gives:

- the words that make it a cap, a floor, a range's end or a course's total stood outside the quote:
  "1×10^6 CAR-T cells/kg" cut from "no more than 1×10^6 ...", "at least 1×10^6 ...", "1×10^5 to
  1×10^6 ...", or written after it ("1×10^6 CAR-T cells/kg or less", "(max)", "90 mg/m2 in total"),
  or as a tilde range ("1×10^6 ~ 3×10^6"); a number given as a part or a tolerance of another dose
  ("half of 2×10^6", "10% of", "± 0.5×10^6") bound as the dose. The limit is now read in the words
  of the sentence the quote leaves out too (doses._limited_where_stated, _no_dose_there). An agent's
  dose given as one of alternatives ("25 or 30 mg/m2/day") is read so too (dosing.agent_dose_limit).
- the words that take a dose back were looked for right after its number, not after its unit:
  "1×10^6 CAR-T cells/kg is not used", "was not administered", "was never given", "(TBD)" bound the
  dose whole-quoted (doses._dose_words_end, _agent_words_end).
- a dose given only on a condition or as a change of the regimen ("reduced to 1×10^6 ... in the event
  of toxicity", "escalated to 3×10^6 ... if tolerated", "may be escalated to", "if not tolerated",
  "otherwise", "for renal impairment"), one another replaces ("instead of", "rather than",
  "replacing", "was changed to"), one denied ("will not receive", "no patient receives") or only
  thought of ("could be given", not "would be infused", "is under consideration", "was proposed but rejected"), one of
  re-treatment ("re-treatment at ... is permitted"), the RP2D to be found, or its cohort taken out
  ("... cohort was abandoned") (not_dosed.not_given), also on a condition naming the trial's own
  earlier step ("if the previous dose level was well tolerated": prose._NOT_GIVEN cut the sentence at
  "previous" as a therapy had before, and the quote was read without the condition); and another
  species' or disease's dose ("in monkeys", "in oncology", "published reports used", "Unlike the prior
  study (...)": not_dosed.elsewhere), or another trial's by its name ("in the CARTITUDE trial", "the
  CARTITUDE-1 trial used": not by the record's own id, titles, acronym or product,
  not_dosed.named_elsewhere); an agent's dose given a subgroup ("(in patients over 65 years: 20
  mg/m2/day)", "for patients with renal impairment: 20 mg/m2/day"), by an age that leaves some of
  the trial's patients out (the record's eligibility ages), or by an impairment
  (not_dosed.for_a_subgroup).
- a list's items read as one line ("- Arm A: 3×10^6 ... - Arm B: 1×10^6 ...") or a sentence dosing
  two arms ("Arm A receives 3×10^6 ... and Arm B receives 1×10^6 ...") gave arm A arm B's dose:
  the arm whose label heads the dose's words is its arm (doses._arm_heading, E512); and so did arms'
  doses paired by "respectively" ("Arm A and Arm B receive 1×10^6 and 3×10^6 CAR-T cells/kg,
  respectively" gave arm A 3×10^6): the label "respectively" pairs a number with is its arm's or
  cohort's (dosing.respective_labels, doses._others_respectively, E508; E512 reads it too).
- an agent's unit that is no unit of a dose ("5" of "days -5 to -3" with the unit "to -3").

Each has honest neighbours that still pass: the dose a condition, a replacement or another study's
dose stands beside; a condition of eligibility ("if eligibility is confirmed"), a follow-up for
toxicity, a likeness ("as in the previous study"), an escalation to a later cohort's dose.

And another product's dose, named by a name no list holds ("Yescarta is dosed at", was a strict xfail), is
read by the clause that doses a name the record does not give its trial (not_dosed.of_another_product).
"""

from __future__ import annotations

import json
import math

import pytest
from conftest import Trials, im19_out
from sle_trials.reading import not_dosed

C6 = "1×10^6 CAR-T cells/kg"


def cohort(quote: str, value: int = 1_000_000) -> str:
    """Arm A with one cohort dosed value CAR-T cells per kilogram, and the cohort's quote."""
    return (
        f"arms:\n  - label: Arm A\n    cohorts:\n      - dose:\n          value: {value}\n"
        "          unit: CAR-T cells\n          basis: PER_KG\n"
        f"evidence:\n  arms.0.label: Arm A\n  arms.0.cohorts.0: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def agent(quote: str, dose: float = 30, unit: str = "mg/m2/day") -> str:
    """Lymphodepletion by fludarabine at dose unit, and its quote."""
    return (
        f"lymphodepletion:\n  agents:\n    - agent: FLUDARABINE\n      dose: {dose}\n      unit: {unit}\n"
        f"evidence:\n  lymphodepletion.agents.0: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def arms(quote_a: str, quote_b: str) -> str:
    """A low-dose arm at 1×10^6 and a high-dose arm at 3×10^6 CAR-T cells/kg, and their quotes."""
    return (
        "arms:\n"
        + "".join(
            f"  - label: {label}\n    cohorts:\n      - dose:\n          value: {value}\n"
            "          unit: CAR-T cells\n          basis: PER_KG\n"
            for label, value in (("Low-dose arm", 1_000_000), ("High-dose arm", 3_000_000))
        )
        + "evidence:\n  arms.0.label: Low-dose arm\n  arms.1.label: High-dose arm\n"
        f"  arms.0.cohorts.0: {json.dumps(quote_a, ensure_ascii=False)}\n"
        f"  arms.1.cohorts.0: {json.dumps(quote_b, ensure_ascii=False)}\n"
    )


LIMITED = [
    # a cap, a floor or a range the quote leaves out, or written after the dose
    ("Arm A: no more than 1×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: the dose will not exceed 1×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: IM19 capped at 1×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: ≤1×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: less than 1×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: 1×10^6 CAR-T cells/kg or less.", cohort(C6), " E510 "),
    ("Arm A: 1×10^6 CAR-T cells/kg maximum.", cohort(C6), " E510 "),
    ("Arm A: IM19 at 1×10^6 CAR-T cells/kg (max).", cohort(C6), " E510 "),
    ("Arm A: at least 1×10^6 CAR-T cells/kg.", cohort(C6), " E508 "),
    ("Arm A: ≥1×10^6 CAR-T cells/kg.", cohort(C6), " E508 "),
    ("Arm A: 1×10^6 CAR-T cells/kg or more.", cohort(C6), " E508 "),
    ("Arm A: 1×10^5 to 1×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: 5×10^5 - 1×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: 1×10^6 CAR-T cells/kg up to 3×10^6 CAR-T cells/kg.", cohort(C6), " E510 "),
    ("Arm A: 1×10^6 ~ 3×10^6 CAR-T cells/kg.", cohort("1×10^6 ~ 3×10^6 CAR-T cells/kg", 3_000_000), " E510 "),
    ("Lymphodepletion: fludarabine up to 30 mg/m2/day.", agent("30 mg/m2/day"), " E510 "),
    ("Lymphodepletion: fludarabine at least 30 mg/m2/day.", agent("30 mg/m2/day"), " E508 "),
    ("Lymphodepletion: fludarabine 25 to 30 mg/m2/day.", agent("30 mg/m2/day"), " E510 "),
    ("Lymphodepletion: fludarabine 25 mg/m2/day - 30 mg/m2/day.", agent("30 mg/m2/day"), " E510 "),
    ("Lymphodepletion: fludarabine 30 mg/m2/day or less.", agent("fludarabine 30 mg/m2/day or less"), " E510 "),
    ("Lymphodepletion: fludarabine 90 mg/m2 in total.", agent("fludarabine 90 mg/m2 in total", 90, "mg/m2"), " E510 "),
    ("Lymphodepletion: fludarabine 90 mg/m2 cumulative.", agent("fludarabine 90 mg/m2", 90, "mg/m2"), " E510 "),
    # a part or a tolerance of another dose
    ("Arm A: half of 2×10^6 CAR-T cells/kg.", cohort("half of 2×10^6 CAR-T cells/kg", 2_000_000), " E508 "),
    ("Arm A: one third of 3×10^6 CAR-T cells/kg.", cohort("one third of 3×10^6 CAR-T cells/kg", 3_000_000), " E508 "),
    ("Arm A: 10% of 1×10^7 CAR-T cells/kg.", cohort("10% of 1×10^7 CAR-T cells/kg", 10_000_000), " E508 "),
    ("Arm A: 20 percent of the 5×10^6 CAR-T cells/kg dose.", cohort("5×10^6 CAR-T cells/kg", 5_000_000), " E508 "),
    ("Arm A: 1.0×10^6 ± 0.5×10^6 CAR-T cells/kg.", cohort("1.0×10^6 ± 0.5×10^6 CAR-T cells/kg", 500_000), " E508 "),
    ("Arm A: 2×10^6 +/- 1×10^6 CAR-T cells/kg.", cohort(C6), " E508 "),
    ("Lymphodepletion: fludarabine half of 60 mg/m2/day.", agent("60 mg/m2/day", 60), " E508 "),
    # one of alternative doses, which the source does not say the patients receive
    ("Lymphodepletion: fludarabine 25 or 30 mg/m2/day.", agent("fludarabine 25 or 30 mg/m2/day"), " E510 "),
    ("Lymphodepletion: fludarabine 25 or 30 mg/m2/day.", agent("30 mg/m2/day"), " E510 "),
    (
        "Lymphodepletion: fludarabine 25 mg/m2/day or 30 mg/m2/day.",
        agent("fludarabine 25 mg/m2/day", 25),
        " E510 ",
    ),
    ("Lymphodepletion: fludarabine either 25 or 30 mg/m2/day.", agent("30 mg/m2/day"), " E510 "),
]


@pytest.mark.parametrize(("line", "fields", "code"), LIMITED, ids=[line for line, _, _ in LIMITED])
def test_a_dose_its_sentence_limits_is_no_dose(trials: Trials, line: str, fields: str, code: str) -> None:
    assert code in im19_out(trials, line, fields)


NOT_THE_TRIALS = [
    # taken back after its unit
    ("Arm A: 1×10^6 CAR-T cells/kg is not used.", cohort("1×10^6 CAR-T cells/kg is not used")),
    ("Arm A: 1×10^6 CAR-T cells/kg was not administered.", cohort("1×10^6 CAR-T cells/kg was not administered")),
    ("Arm A: 1×10^6 CAR-T cells/kg was never given.", cohort("1×10^6 CAR-T cells/kg was never given")),
    ("Arm A: 1×10^6 CAR-T cells/kg (TBD).", cohort("1×10^6 CAR-T cells/kg (TBD)")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (optional).", agent("fludarabine 30 mg/m2/day (optional)")),
    # on a condition, or what it may be changed to
    ("Arm A: 3×10^6 CAR-T cells/kg, reduced to 1×10^6 CAR-T cells/kg in the event of toxicity.", cohort(C6)),
    (
        "Arm A: 1×10^6 CAR-T cells/kg, escalated to 3×10^6 CAR-T cells/kg if tolerated.",
        cohort("3×10^6 CAR-T cells/kg", 3_000_000),
    ),
    (
        "Arm A: 1×10^6 CAR-T cells/kg, which may be escalated to 3×10^6 CAR-T cells/kg.",
        cohort("3×10^6 CAR-T cells/kg", 3_000_000),
    ),
    ("Arm A: 3×10^6 CAR-T cells/kg; 1×10^6 CAR-T cells/kg if not tolerated.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg; in the event of toxicity, 1×10^6 CAR-T cells/kg.", cohort(C6)),
    (
        "Arm A: 3×10^6 CAR-T cells/kg; in case of grade 3 CRS the next patients receive 1×10^6 CAR-T cells/kg.",
        cohort(C6),
    ),
    (
        "Arm A: 3×10^6 CAR-T cells/kg; if a DLT occurs, the dose will be de-escalated to 1×10^6 CAR-T cells/kg.",
        cohort(C6),
    ),
    ("Arm A: 3×10^6 CAR-T cells/kg, or 1×10^6 CAR-T cells/kg when clinically indicated.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg unless DLTs occur, otherwise 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg; the dose can be de-escalated to 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg if needed.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg if the previous dose level was well tolerated.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg if the prior cohort had no DLT.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, provided the prior cohort had no DLT.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg as long as no DLT occurs at 5×10^5 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, subject to acceptable toxicity.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg if the earlier dose was tolerated.", cohort(C6)),
    ("Lymphodepletion: fludarabine 30 mg/m2/day, escalated to 40 mg/m2/day if tolerated.", agent("40 mg/m2/day", 40)),
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day (dose-adjusted to 20 mg/m2/day for renal impairment).",
        agent("20 mg/m2/day", 20),
    ),
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day, or 20 mg/m2/day if CrCl is below 70 mL/min.",
        agent("20 mg/m2/day", 20),
    ),
    ("Lymphodepletion: fludarabine 30 mg/m2/day, which may be reduced to 20 mg/m2/day.", agent("20 mg/m2/day", 20)),
    # replaced, or changed
    ("Arm A: 3×10^6 CAR-T cells/kg instead of 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg rather than 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg, replacing 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg as opposed to the originally planned 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg was changed to 3×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg has been reduced to 5×10^5 CAR-T cells/kg.", cohort(C6)),
    ("Lymphodepletion: fludarabine 25 mg/m2/day instead of 30 mg/m2/day.", agent("30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day was reduced to 25 mg/m2/day.", agent("fludarabine 30 mg/m2/day")),
    # denied, or only thought of
    ("Arm A will not receive 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: no patient receives 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: no subjects will receive 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Lymphodepletion: patients do not receive fludarabine 30 mg/m2/day.", agent("fludarabine 30 mg/m2/day")),
    ("Arm A: 1×10^6 CAR-T cells/kg could be given.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg might also be tested.", cohort(C6)),
    ("Arm A: a dose of 1×10^6 CAR-T cells/kg is under consideration.", cohort(C6)),
    (
        "Arm A: 1×10^6 CAR-T cells/kg was proposed but rejected.",
        cohort("1×10^6 CAR-T cells/kg was proposed but rejected"),
    ),
    ("Arm A: 3×10^6 CAR-T cells/kg; re-treatment at 1×10^6 CAR-T cells/kg is permitted.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg; the recommended phase 2 dose will be 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: the 1×10^6 CAR-T cells/kg cohort was abandoned.", cohort(C6)),
    # another arm's or cohort's, by "respectively"
    (
        "Arm A and Arm B receive 1×10^6 and 3×10^6 CAR-T cells/kg, respectively.",
        cohort("Arm A and Arm B receive 1×10^6 and 3×10^6 CAR-T cells/kg, respectively", 3_000_000),
    ),
    ("Arm A and Arm B receive 3×10^6 CAR-T cells/kg and 1×10^6 CAR-T cells/kg, respectively.", cohort(C6)),
    ("Arm A and Arm B receive, respectively, 3×10^6 and 1×10^6 CAR-T cells/kg.", cohort(C6)),
    (
        "Arm A, Arm B and Arm C receive 3×10^6 CAR-T cells/kg, 1×10^6 CAR-T cells/kg and 2×10^6 CAR-T cells/kg, "
        "respectively.",
        cohort(C6),
    ),
    ("Cohort 1, Arm A and Cohort 3 receive 5×10^5, 3×10^6 and 1×10^6 CAR-T cells/kg, respectively.", cohort(C6)),
    # a subgroup's (an agent's: the regimen's dose is all its patients')
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day (in patients over 65 years: 20 mg/m2/day).",
        agent("fludarabine 30 mg/m2/day (in patients over 65 years: 20 mg/m2/day)", 20),
    ),
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day (20 mg/m2/day in patients aged 65 years or older).",
        agent("20 mg/m2/day", 20),
    ),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (for patients ≥ 65 years, 20 mg/m2/day).", agent("20 mg/m2/day", 20)),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (20 mg/m2/day in elderly patients).", agent("20 mg/m2/day", 20)),
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day (25 mg/m2/day for patients under 12 years).",
        agent("25 mg/m2/day", 25),
    ),
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day (in patients with renal impairment: 20 mg/m2/day).",
        agent("20 mg/m2/day", 20),
    ),
    # another species', disease's or study's
    ("Arm A: 3×10^6 CAR-T cells/kg; in monkeys, 1×10^6 CAR-T cells/kg was well tolerated.", cohort(C6)),
    # (a trial named by its name or its id, not this one)
    ("Arm A: 3×10^6 CAR-T cells/kg; in the CARTITUDE trial, 1×10^6 CAR-T cells/kg was used.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg; 1×10^6 CAR-T cells/kg in the ZUMA-1 study.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg; the CARTITUDE-1 trial used 1×10^6 CAR-T cells/kg.", cohort(C6)),
    (
        "Lymphodepletion: fludarabine 25 mg/m2/day; fludarabine 30 mg/m2/day in the CASTLE trial.",
        agent("fludarabine 30 mg/m2/day"),
    ),
    ("Arm A: 3×10^6 CAR-T cells/kg, compared with 1×10^6 CAR-T cells/kg in oncology.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg; published reports used 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Lymphodepletion: fludarabine 30 mg/m2/day in myeloma; here 25 mg/m2/day.", agent("fludarabine 30 mg/m2/day")),
    (
        "Lymphodepletion: unlike the prior study (fludarabine 30 mg/m2/day), this study uses fludarabine 25 mg/m2/day.",
        agent("fludarabine 30 mg/m2/day"),
    ),
]


@pytest.mark.parametrize(("line", "fields"), NOT_THE_TRIALS, ids=[line for line, _ in NOT_THE_TRIALS])
def test_a_dose_its_sentence_does_not_give_the_trial_is_refused(trials: Trials, line: str, fields: str) -> None:
    assert " E508 " in im19_out(trials, line, fields)


OF_ANOTHER_ARM = [
    "- Low-dose arm: 3×10^6 CAR-T cells/kg\n- High-dose arm: 1×10^6 CAR-T cells/kg",
    "Low-dose arm receives 3×10^6 CAR-T cells/kg and High-dose arm receives 1×10^6 CAR-T cells/kg.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Low-dose arm and High-dose arm receive 3×10^6 CAR-T cells/kg and 1×10^6 CAR-T cells/kg, respectively.",
        "High-dose arm and Low-dose arm receive 1×10^6 CAR-T cells/kg and 3×10^6 CAR-T cells/kg, respectively.",
    ],
)
def test_a_dose_respectively_another_arms_is_not_this_arms(trials: Trials, line: str) -> None:
    out = im19_out(trials, line, arms(C6, "3×10^6 CAR-T cells/kg"))
    assert " E508 arms.0.cohorts.0.dose" in out and " E508 arms.1.cohorts.0.dose" in out


@pytest.mark.parametrize("line", OF_ANOTHER_ARM)
def test_a_dose_another_arms_label_heads_is_not_this_arms(trials: Trials, line: str) -> None:
    out = im19_out(trials, line, arms(C6, "3×10^6 CAR-T cells/kg"))
    assert " E512 arms.0.cohorts.0: its quote stands only in words on another arm ('High-dose arm')" in out


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "Lymphodepletion: fludarabine 30 mg/m2/day on days -5 to -3.",
            agent("fludarabine 30 mg/m2/day on days -5 to -3", 5, "to -3"),
        ),
        (
            "Lymphodepletion: fludarabine on day -3 at 30 mg/m2/day.",
            agent("fludarabine on day -3 at 30 mg/m2/day", 3, "at 30 mg/m2/day"),
        ),
    ],
)
def test_an_agents_unit_that_is_no_dose_unit_is_refused(trials: Trials, line: str, fields: str) -> None:
    assert "is no unit of a dose" in im19_out(trials, line, fields)


HONEST = [
    ("Arm A: 1×10^6 CAR-T cells/kg.", cohort(C6)),
    # ("would": what the trial will do, as registries write it)
    ("Arm A: 1×10^6 CAR-T cells/kg would be infused once.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, escalated to 3×10^6 CAR-T cells/kg if tolerated.", cohort(C6)),
    (
        "Arm A: 1×10^6 CAR-T cells/kg, escalated to 3×10^6 CAR-T cells/kg in cohort 2.",
        cohort("3×10^6 CAR-T cells/kg", 3_000_000),
    ),
    ("Arm A: 1×10^6 CAR-T cells/kg; the dose may be lowered to 5×10^5 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 3×10^6 CAR-T cells/kg (reduced from 1×10^6 CAR-T cells/kg).", cohort("3×10^6 CAR-T cells/kg", 3_000_000)),
    ("Arm A: 3×10^6 CAR-T cells/kg instead of 1×10^6 CAR-T cells/kg.", cohort("3×10^6 CAR-T cells/kg", 3_000_000)),
    ("Arm A: 3×10^6 CAR-T cells/kg; in monkeys, 1×10^6 CAR-T cells/kg.", cohort("3×10^6 CAR-T cells/kg", 3_000_000)),
    ("Arm A: 1×10^6 CAR-T cells/kg instead of standard therapy.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg rather than rituximab.", cohort(C6)),
    ("Arm A: patients receive 1×10^6 CAR-T cells/kg if eligible.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, given if eligibility is confirmed.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, given when the patient is admitted.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, monitored for toxicity for 28 days.", cohort(C6)),
    ("Arm A: to assess safety, 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: patients receive 1×10^6 CAR-T cells/kg as a single infusion.", cohort(C6)),
    ("Arm A: a single infusion of 1×10^6 CAR-T cells/kg will be given.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, as in the previous study.", cohort(C6)),
    # (a trial by this trial's own names, a likeness, a phase, an acronym of no trial)
    ("Arm A: 1×10^6 CAR-T cells/kg in the IM19 trial.", cohort(C6)),
    ("Arm A: in NCT06513429, 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, as in the ZUMA-1 study.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg in the Phase II trial.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg in the SLE study.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, with CRS managed per the ASTCT guidelines.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, given after the previous cohort's safety review.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg unless DLTs occur.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, provided the patient is eligible.", cohort(C6)),
    (
        "Arm A: 3×10^6 CAR-T cells/kg; the previous dose level was 1×10^6 CAR-T cells/kg.",
        cohort("3×10^6 CAR-T cells/kg", 3_000_000),
    ),
    ("Arm A: 1×10^6 CAR-T cells/kg (max total 1×10^8 CAR-T cells).", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, maximum total dose 1×10^8 CAR-T cells.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg (total 7×10^7 CAR-T cells for a 70 kg patient).", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg - 28 days of follow-up.", cohort(C6)),
    ("Arm A: 1×10^6 CAR-T cells/kg, the RP2D.", cohort(C6)),
    ("Arm A: a CD4:CD8 ratio of 1:1, 1×10^6 CAR-T cells/kg.", cohort(C6)),
    # its own by "respectively"
    (
        "Arm A and Arm B receive 3×10^6 CAR-T cells/kg and 1×10^6 CAR-T cells/kg, respectively.",
        cohort("3×10^6 CAR-T cells/kg", 3_000_000),
    ),
    ("Arm B and Arm A receive 3×10^6 and 1×10^6 CAR-T cells/kg, respectively.", cohort(C6)),
    ("Arm B and Arm A receive, respectively, 3×10^6 and 1×10^6 CAR-T cells/kg.", cohort(C6)),
    ("Arm A receives 1×10^6 CAR-T cells/kg; Cohorts 1 and 2 of Arm B had 3 and 6 patients, respectively.", cohort(C6)),
    ("Lymphodepletion: fludarabine 30 mg/m2/day.", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day on days -5 to -3.", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day, adjusted for renal function.", agent("fludarabine 30 mg/m2/day")),
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day; 20 mg/m2/day in patients with renal impairment.",
        agent("fludarabine 30 mg/m2/day"),
    ),
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day, which may be reduced to 20 mg/m2/day.",
        agent("fludarabine 30 mg/m2/day"),
    ),
    ("Lymphodepletion: fludarabine 25 mg/m2/day (reduced from 30 mg/m2/day).", agent("fludarabine 25 mg/m2/day", 25)),
    ("Lymphodepletion: fludarabine 30 mg/m2/day, unless contraindicated.", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (total 90 mg/m2).", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day x 3 days; total dose 90 mg/m2.", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 0.03 g/m2/day.", agent("fludarabine 0.03 g/m2/day", 0.03, "g/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day as in the previous trial.", agent("fludarabine 30 mg/m2/day")),
    # the regimen's dose beside a subgroup's, or given to all the trial's patients
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day (in patients over 65 years: 20 mg/m2/day).",
        agent("fludarabine 30 mg/m2/day"),
    ),
    ("Lymphodepletion: fludarabine 30 mg/m2/day in patients aged 18 to 65 years.", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day in adults.", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day for children.", agent("fludarabine 30 mg/m2/day")),
    # (a cohort's dose may be a subgroup's own: a cohort of older patients)
    ("Arm A: 1×10^6 CAR-T cells/kg for patients over 65 years.", cohort(C6)),
    # a dose beside another on a condition, or "or" of no dose's
    (
        "Lymphodepletion: fludarabine 30 mg/m2/day, or 20 mg/m2/day if CrCl is below 70 mL/min.",
        agent("fludarabine 30 mg/m2/day"),
    ),
    ("Lymphodepletion: fludarabine 30 mg/m2/day for 3 or 4 days.", agent("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day or cyclophosphamide.", agent("fludarabine 30 mg/m2/day")),
]


def test_a_dose_in_the_trial_by_its_acronym_passes(trials: Trials) -> None:
    """The trial's own acronym names no other trial (not_dosed.named_elsewhere reads the record's names)."""
    line = "Acronym: LUPUS-CAR. In the LUPUS-CAR trial, Arm A receives 1×10^6 CAR-T cells/kg."
    fields = cohort("In the LUPUS-CAR trial, Arm A receives 1×10^6 CAR-T cells/kg")
    assert im19_out(trials, line, "acronym: LUPUS-CAR\n" + fields + "  acronym: LUPUS-CAR\n") == ""
    assert " E508 " in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    ("text", "ages", "subgroup"),
    [
        ("fludarabine 20 mg/m2/day in patients over 65 years", (18, 65), True),
        ("fludarabine 20 mg/m2/day in patients ≥ 65 years", (18, math.inf), True),
        ("fludarabine 20 mg/m2/day in patients under 12 years", (18, 70), True),
        ("fludarabine 20 mg/m2/day in older patients", (18, 70), True),
        # (beyond an age all the trial's patients are: its eligibility written again)
        ("fludarabine 20 mg/m2/day in patients ≥ 18 years", (18, 70), False),
        ("fludarabine 20 mg/m2/day in patients over 18 years", (18, 70), False),
        ("fludarabine 20 mg/m2/day in patients under 70 years", (18, 70), False),
        ("fludarabine 20 mg/m2/day in patients 18 years or older", (18, 70), False),
    ],
)
def test_a_subgroup_is_read_by_the_trials_ages(text: str, ages: tuple[float, float], subgroup: bool) -> None:
    """An agent's dose is a subgroup's where the age it is given beyond leaves some of the trial's patients
    out (not_dosed.for_a_subgroup): an age all of them are beyond is the trial's eligibility."""
    start = text.index("20")
    assert not_dosed.for_a_subgroup(text, start, start + len("20 mg/m2/day"), ages) is subgroup


@pytest.mark.parametrize(("line", "fields"), HONEST, ids=[line for line, _ in HONEST])
def test_a_dose_its_sentence_gives_the_trial_passes(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


ARMS_HONEST = [
    "Low-dose arm and High-dose arm receive 1×10^6 CAR-T cells/kg and 3×10^6 CAR-T cells/kg, respectively.",
    "High-dose arm and Low-dose arm receive 3×10^6 CAR-T cells/kg and 1×10^6 CAR-T cells/kg, respectively.",
    "- Low-dose arm: 1×10^6 CAR-T cells/kg\n- High-dose arm: 3×10^6 CAR-T cells/kg",
    "Low-dose arm receives 1×10^6 CAR-T cells/kg and High-dose arm receives 3×10^6 CAR-T cells/kg.",
    "Low-dose arm, like High-dose arm, receives 1×10^6 CAR-T cells/kg; High-dose arm: 3×10^6 CAR-T cells/kg.",
    "Patients receive 1×10^6 CAR-T cells/kg (Low-dose arm) or 3×10^6 CAR-T cells/kg (High-dose arm).",
    "Low-dose arm patients receive\n1×10^6 CAR-T cells/kg, and High-dose arm patients receive\n3×10^6 CAR-T cells/kg.",
]


@pytest.mark.parametrize("line", ARMS_HONEST)
def test_each_arms_own_dose_passes(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, arms(C6, "3×10^6 CAR-T cells/kg")) == ""


# Another product's dose, named by a name no list holds (was a strict xfail: another product's dose was read
# by the evidence's scope only where a product code or a disease names it; a brand name is in no list): the
# clause that doses a name the record does not give its trial gives its dose to that product
# (not_dosed.of_another_product, by the words of the record's id, titles, acronym, product, interventions, arms
# and cohorts)
OF_ANOTHER_PRODUCT = [
    "Arm A: 3×10^6 CAR-T cells/kg; Yescarta is dosed at 1×10^6 CAR-T cells/kg.",
    "Arm A: 3×10^6 CAR-T cells/kg. Patients receiving Kymriah at 1×10^6 CAR-T cells/kg did well.",
    "Arm A: 3×10^6 CAR-T cells/kg; 1×10^6 CAR-T cells/kg of Carvykti.",
    "Arm A: 3×10^6 CAR-T cells/kg; Abecma (idecabtagene vicleucel) is given at 1×10^6 CAR-T cells/kg.",
    "Arm A: 3×10^6 CAR-T cells/kg. Patients Receive Tecartus At 1×10^6 CAR-T cells/kg.",
    "Arm A: 3×10^6 CAR-T cells/kg; Zorvex, which is usually infused at 1×10^6 CAR-T cells/kg, is not used.",
    "Arm A: 3×10^6 CAR-T cells/kg. The dose of Zorvex is 1×10^6 CAR-T cells/kg.",
    # (set against the trial's, given "for" it, or the subject of a verb of giving)
    "Arm A: 3×10^6 CAR-T cells/kg, higher than Yescarta (1×10^6 CAR-T cells/kg).",
    "Arm A: 3×10^6 CAR-T cells/kg versus 1×10^6 CAR-T cells/kg for Yescarta.",
    "Arm A: 3×10^6 CAR-T cells/kg (Yescarta uses 1×10^6 CAR-T cells/kg).",
    # (a brand's registered or trade mark after it: the reviewer of hunt 194)
    "Arm A: 3×10^6 CAR-T cells/kg; Yescarta® is dosed at 1×10^6 CAR-T cells/kg.",
    "Arm A: 3×10^6 CAR-T cells/kg; Kymriah™ is given at 1×10^6 CAR-T cells/kg.",
    # (a cell therapy's international name in lower case: helper-32, left by hunt 194)
    "Arm A: 3×10^6 CAR-T cells/kg; tisagenlecleucel is given at 1×10^6 CAR-T cells/kg.",
    "Arm A: 3×10^6 CAR-T cells/kg. The dose of axicabtagene ciloleucel is 1×10^6 CAR-T cells/kg.",
    "Arm A: 3×10^6 CAR-T cells/kg; 1×10^6 CAR-T cells/kg of obe-cel.",
    "Arm A: 3×10^6 CAR-T cells/kg. Patients receiving lisocabtagene maraleucel at 1×10^6 CAR-T cells/kg did well.",
    "Arm A: 3×10^6 CAR-T cells/kg, higher than idecabtagene vicleucel (1×10^6 CAR-T cells/kg).",
]


@pytest.mark.parametrize("line", OF_ANOTHER_PRODUCT)
def test_a_dose_another_named_product_is_given_is_refused(trials: Trials, line: str) -> None:
    assert " E508 " in im19_out(trials, line, cohort(C6))


# ... while a name of the trial's own, of its arm, or words of no name (people, a product of no name, a
# line in capitals) dose the trial's
@pytest.mark.parametrize(
    "line",
    [
        "Arm A is dosed at 1×10^6 CAR-T cells/kg.",
        "IM19 is dosed at 1×10^6 CAR-T cells/kg in Arm A.",
        "Arm A: Patients are dosed at 1×10^6 CAR-T cells/kg.",
        "Arm A: The product is given at 1×10^6 CAR-T cells/kg.",
        "Arm A: CAR-T cells are infused at 1×10^6 CAR-T cells/kg.",
        "Arm A: Treatment is given at a dose of 1×10^6 CAR-T cells/kg.",
        "Arm A: patients receive IM19 CAR-T cells at 1×10^6 CAR-T cells/kg.",
        "Arm A: Subjects Will Be Dosed At 1×10^6 CAR-T cells/kg.",
        "Arm A: 1×10^6 CAR-T cells/kg of Body Weight.",
        "Arm A: Cohort 2 receives 1×10^6 CAR-T cells/kg.",
        "Arm A: 1×10^6 CAR-T cells/kg for Lupus Nephritis.",
        "Arm A: 1×10^6 CAR-T cells/kg for Cohort 1.",
        "Arm A: The Protocol uses 1×10^6 CAR-T cells/kg.",
        # (a target antigen, and people described, name no product: the reviewer of hunt 194)
        "Arm A: patients are treated with CD19 CAR-T cells at a dose of 1×10^6 CAR-T cells/kg.",
        "Arm A: Anti-CD19 cells are given at 1×10^6 CAR-T cells/kg.",
        "Arm A: 1×10^6 CAR-T cells/kg for Chinese patients.",
        "Arm A: 1×10^6 CAR-T cells/kg for Relapsed Patients.",
    ],
)
def test_a_dose_the_trials_own_names_are_given_passes(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, cohort(C6)) == ""


# ... and a lymphodepleting agent's dose of another product's regimen: its owner, its label's or regimen's name, or
# the product it is given for (not_dosed.regimen_of_another_product)
@pytest.mark.parametrize(
    "line",
    [
        "Lymphodepletion: fludarabine 30 mg/m2/day; Yescarta's conditioning uses fludarabine 25 mg/m2/day.",
        "Lymphodepletion: fludarabine 30 mg/m2/day, compared with fludarabine 25 mg/m2/day for Yescarta.",
        "Lymphodepletion: fludarabine 30 mg/m2/day (Yescarta label: fludarabine 25 mg/m2/day).",
        "Lymphodepletion: fludarabine 30 mg/m2/day, or fludarabine 25 mg/m2/day of the Zorvex protocol.",
        "Lymphodepletion: fludarabine 30 mg/m2/day; tisagenlecleucel's conditioning uses fludarabine 25 mg/m2/day.",
        "Lymphodepletion: fludarabine 30 mg/m2/day, compared with fludarabine 25 mg/m2/day for brexu-cel.",
    ],
)
def test_an_agents_dose_of_another_products_regimen_is_refused(trials: Trials, line: str) -> None:
    assert " E508 " in im19_out(trials, line, agent("fludarabine 25 mg/m2/day", 25))


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("Lymphodepletion: Fludarabine 30 mg/m2/day.", "Fludarabine 30 mg/m2/day"),
        ("Lymphodepletion per the Sponsor's standard: fludarabine 30 mg/m2/day.", "fludarabine 30 mg/m2/day"),
        ("Lymphodepletion: IM19's conditioning uses fludarabine 30 mg/m2/day.", "fludarabine 30 mg/m2/day"),
        ("Lymphodepletion: the Investigator's regimen, fludarabine 30 mg/m2/day.", "fludarabine 30 mg/m2/day"),
    ],
)
def test_an_agents_dose_of_the_trials_own_regimen_passes(trials: Trials, line: str, quote: str) -> None:
    assert im19_out(trials, line, agent(quote)) == ""


@pytest.mark.parametrize(
    ("text", "another"),
    [
        ("Yescarta is dosed at 1×10^6 CAR-T cells/kg", True),
        ("the approved dose of Breyanzi is 1×10^6 CAR-T cells/kg", True),
        ("Yescarta's approved dose is 1×10^6 CAR-T cells/kg", True),
        ("Patients Receive IM19 At 1×10^6 CAR-T cells/kg", False),
        ("Administration of IM19 CAR-T cells at a dose of 1×10^6 CAR-T cells/kg", False),
        ("Each Subject receives 1×10^6 CAR-T cells/kg", False),
    ],
)
def test_another_product_is_read_by_the_trials_names(text: str, another: bool) -> None:
    own = not_dosed.names_in("NCT06513429 IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)")
    start = text.index(C6)
    assert not_dosed.of_another_product(text, start, start + len(C6), own) is another


@pytest.mark.parametrize(
    ("text", "another"),
    [
        ("tisagenlecleucel is given at 1×10^6 CAR-T cells/kg", True),
        ("the dose of axicabtagene ciloleucel is 1×10^6 CAR-T cells/kg", True),
        ("1×10^6 CAR-T cells/kg of obe-cel", True),
        # (the trial's own international name, and words of no such name: an English word's "-cel")
        ("relma-cel is given at 1×10^6 CAR-T cells/kg", False),
        ("patients receive relmacabtagene autoleucel at 1×10^6 CAR-T cells/kg", False),
        ("a parcel is given at 1×10^6 CAR-T cells/kg", False),
        ("the cells are given at 1×10^6 CAR-T cells/kg", False),
    ],
)
def test_an_international_name_in_lower_case_is_read_as_a_products(text: str, another: bool) -> None:
    """Left by hunt 194: a cell therapy's international name in lower case ("tisagenlecleucel is given at ...")
    was no name of_another_product read (not_dosed._NAME read words in capitals only), and the dose it gives
    bound a cohort's as the trial's; it reads one now (_INTERNATIONAL_NAME), the trial's own names excepted."""
    own = not_dosed.names_in("NCT03854994 Relma-cel relmacabtagene autoleucel in Refractory Systemic Lupus")
    start = text.index(C6)
    assert not_dosed.of_another_product(text, start, start + len(C6), own) is another
