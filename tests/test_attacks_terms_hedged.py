"""A term its sentence hedges, plans, drops or denies with a verb.

A source's "IM19 CAR-T cells target CD19 (BCMA targeting planned)" bound the target antigens CD19
and BCMA with a quote of the sentence, where BCMA is only planned; so did "and possibly BCMA" (a
hedge), "will not target BCMA" and "no longer uses CD28" (a denial by a verb in any of its forms,
where vocabulary._DENIED_VERB read only participles: "not targeted against"), "(BCMA pending)",
"(BCMA version under development)", "(BCMA to be confirmed)", "(BCMA optional)", "BCMA was dropped",
"a BCMA arm may be added later", "BCMA if needed", and a verb of what might be ("might target BCMA"); a phase "with a
Phase 2 extension if approved" or "(Phase 2 was dropped)" (prose._PLANNED_PHASE). A term is read
as stated only where no such words stand around it: a hedge before it (vocabulary._DENIALS:
"possibly", "hopefully", "not yet", ...), a denied or conditional verb before it
(vocabulary._DENIED_VERB), a plan after it with or without the term's own noun ("BCMA targeting
planned", "(BCMA pending)": retracted._PLANNED_AFTER) or a participle that drops it ("was dropped",
"(later discontinued)": retracted._DROPPED_AFTER). The same words about another term of the sentence
leave it standing ("CD19 is targeted; a BCMA version is planned"), and so do the
trial's own words in the forms the denial now reads ("does not only target CD19"). A design or
product term a condition right after it leaves open ("Randomized if enough patients enrol":
retracted.left_open), or one before it ("If funding allows, the trial will be randomized":
retracted.left_open_before), is refused too; a condition of the participants ("if eligible") leaves it
standing.

A count the trial will not take in ("The study will not enroll 60 participants", "no longer plans to
enroll 60", "won't recruit 60 patients") bound an enrollment of 60: head_counts._OTHER_GROUP read only
"not enrolled", a participle. A dose that "may be added later" bound its cohort's dose. (A hedged number,
"possibly 60 participants", is left as "approximately 60" is: a value given as uncertain, not denied.)
"""

from __future__ import annotations

import json

import pytest
from conftest import Trials, agent_fields, cohort_fields, enrollment_fields, im19_out, term_fields


def targets(values: str, quote: str) -> str:
    return (
        f"cell_product:\n  name: IM19\n  target_antigens: {values}\n"
        f"evidence:\n  cell_product.name: IM19\n  cell_product.target_antigens: {json.dumps(quote)}\n"
    )


def domains(values: str, quote: str) -> str:
    return (
        f"cell_product:\n  name: IM19\n  construct:\n    costimulatory_domains: {values}\n"
        f"evidence:\n  cell_product.name: IM19\n  cell_product.construct: {json.dumps(quote)}\n"
    )


def origin(value: str, quote: str) -> str:
    return (
        f"cell_product:\n  name: IM19\n  origin: {value}\n"
        f"evidence:\n  cell_product.name: IM19\n  cell_product.origin: {json.dumps(quote)}\n"
    )


def allocation(value: str, quote: str) -> str:
    return term_fields("design.allocation", value, quote)


def masking(value: str, quote: str) -> str:
    return term_fields("design.masking", value, quote)


def quote_of(fields: str) -> str:
    """The quote of a case's term: the last line of its fields, the source's line it is cut from."""
    return str(json.loads(fields.rstrip("\n").splitlines()[-1].split(": ", 1)[1]))


# Each sentence states one term of the record's only as hedged, planned, dropped or denied
HEDGED = [
    # a plan after the term and its noun, or in a bracket the term opens
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 (BCMA targeting planned)."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 (BCMA pending)."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 (BCMA version under development)."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19, and a BCMA arm may be added later."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19; BCMA targeting expected in 2026."),
    domains("[4-1BB, CD28]", "The CAR carries a 4-1BB domain (CD28 domain proposed)."),
    origin("ALLOGENEIC", "IM19 CAR-T cells are autologous (allogeneic version under development)."),
    # a hedge before it
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and possibly BCMA."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and potentially BCMA."),
    domains("[4-1BB, CD28]", "The CAR carries a 4-1BB and perhaps a CD28 domain."),
    origin("ALLOGENEIC", "IM19 CAR-T cells, maybe allogeneic, are infused once."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and hopefully BCMA."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and not yet BCMA."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 (BCMA to be confirmed)."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 (BCMA optional)."),
    allocation("RANDOMIZED", "Allocation: Randomized (optional)."),
    allocation("RANDOMIZED", "Allocation: Randomized, to be confirmed."),
    allocation("RANDOMIZED", "Allocation: Randomized - not yet decided."),
    term_fields("design.masking", "DOUBLE", "Masking: Double, to be confirmed."),
    # a verb of what might be, not what is
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and would target BCMA if needed."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and might target BCMA."),
    domains("[4-1BB, CD28]", "The CAR uses 4-1BB and might also use CD28."),
    # a denial by a verb in any of its forms
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and will not target BCMA."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 but do not target BCMA."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and no longer target BCMA."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and don't target BCMA."),
    domains("[4-1BB, CD28]", "The CAR uses 4-1BB and no longer uses CD28."),
    domains("[4-1BB, CD28]", "The CAR includes 4-1BB but does not include CD28."),
    origin("ALLOGENEIC", "IM19 CAR-T cells will never use allogeneic donors."),
    # a participle that drops it
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19; BCMA was dropped."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and BCMA (later discontinued)."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 (BCMA later discontinued)."),
    domains("[4-1BB, CD28]", "The CAR carries 4-1BB; CD28 was discontinued."),
    allocation("RANDOMIZED", "Allocation: Randomized (dropped)."),
    # a condition right after it that leaves it open (retracted.left_open, of planned.CONDITIONS, the words a
    # phase is read by too): it holds only if the condition is met, which the source does not say
    allocation("RANDOMIZED", "Randomized if enough patients enrol."),
    allocation("RANDOMIZED", "Allocation: Randomized, provided enough sites join."),
    allocation("RANDOMIZED", "Allocation: Randomized (subject to funding)."),
    allocation("RANDOMIZED", "Allocation: Randomized, depending on the interim analysis."),
    allocation("RANDOMIZED", "Allocation: Randomized unless the sponsor decides otherwise."),
    masking("DOUBLE", "Masking: Double, if the placebo is available."),
    masking("DOUBLE", "Masking: Double (contingent on placebo supply)."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and BCMA, conditional on the interim results."),
    origin("ALLOGENEIC", "IM19 CAR-T cells are allogeneic, provided that donor cells are available."),
    # a part of the trial named after it that holds it alone (kept_out.of_a_part_after, only)
    allocation("RANDOMIZED", "Allocation: Randomized in the extension study only."),
    allocation("RANDOMIZED", "Allocation: Randomized (Part B only)."),
    masking("DOUBLE", "Masking: Double, only in the expansion cohort."),
    origin("ALLOGENEIC", "IM19 CAR-T cells are allogeneic in Cohort 2 only."),
    allocation("RANDOMIZED", "Allocation: Randomized with 2:1 allocation in Part B only."),
    # (another word for "only", before the part too, or another word for a part)
    allocation("RANDOMIZED", "Allocation: Randomized (Part B exclusively)."),
    allocation("RANDOMIZED", "Allocation: Randomized solely in Part B."),
    allocation("RANDOMIZED", "Allocation: Randomized (only Part B)."),
    allocation("RANDOMIZED", "Allocation: Randomized in the extension study alone."),
    allocation("RANDOMIZED", "Allocation: Randomized (Phase 2 portion only)."),
    allocation("RANDOMIZED", "Allocation: Randomized (dose-expansion only)."),
    allocation("RANDOMIZED", "Allocation: Randomized and open-label in Part B only."),
]


@pytest.mark.parametrize("fields", HEDGED, ids=[quote_of(f) for f in HEDGED])
def test_a_term_hedged_planned_dropped_or_denied_is_refused(trials: Trials, fields: str) -> None:
    out = im19_out(trials, quote_of(fields), fields)
    assert out, "passed"


# The same words about another term, or the trial's own in those forms, leave the term standing
HONEST = [
    targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and BCMA."),
    targets("[CD19]", "IM19 CAR-T cells target CD19 (a BCMA version is under development)."),
    targets("[CD19]", "IM19 CAR-T cells target CD19 and will not target BCMA."),
    targets("[CD19, BCMA]", "IM19 CAR-T cells do not only target CD19 but also BCMA."),
    domains("[4-1BB]", "The CAR uses 4-1BB and no longer uses CD28."),
    allocation("RANDOMIZED", "Allocation: Randomized."),
    targets("[CD19]", "IM19 CAR-T cells target CD19 (BCMA pending)."),
    targets("[CD19]", "IM19 CAR-T cells target CD19, which could improve outcomes."),
    origin("AUTOLOGOUS", "IM19 CAR-T cells would be made from the patient's own autologous T cells."),
    targets("[CD19]", "IM19 CAR-T cells could target CD19 and eliminate B cells."),
    targets("[CD19]", "IM19 CAR-T cells target CD19 and possibly BCMA."),
    domains("[4-1BB]", "The CAR includes 4-1BB but does not include CD28."),
    domains("[4-1BB]", "The CAR carries 4-1BB (CD28 dropped)."),
    origin("AUTOLOGOUS", "IM19 CAR-T cells are autologous and are not made from donors."),
    # (a condition of the participants says whom the term is for, not whether it holds; one later in the
    # sentence is another clause's: retracted.left_open)
    targets("[CD19]", "IM19 CAR-T cells target CD19 if patients have CD19-positive B cells."),
    origin("AUTOLOGOUS", "IM19 CAR-T cells are autologous, if eligible patients undergo apheresis."),
    allocation("RANDOMIZED", "Allocation: Randomized, unless patients withdraw consent before Day 1."),
    masking("DOUBLE", "Masking: Double. If unblinding is needed, the investigator is told."),
    targets("[CD19]", "IM19 CAR-T cells target CD19 and are infused if the patient is eligible."),
    # (nor is "provided" as a participle: planned.CONDITIONS)
    origin("AUTOLOGOUS", "IM19 CAR-T cells are autologous, provided by the trial's own facility."),
    allocation("RANDOMIZED", "Allocation: Randomized, provided in the protocol's appendix."),
    # (a condition before it of the participants, or one that asks: retracted.left_open_before)
    targets("[CD19, BCMA]", "If eligible, patients will receive IM19 CAR-T cells, which target CD19 and BCMA."),
    targets("[CD19, BCMA]", "To determine if B cells recover, IM19 CAR-T cells will target CD19 and BCMA."),
    # (nor a step of the trial's own: "once the product has been released")
    targets("[CD19]", "Once the product has been released, IM19 CAR-T cells targeting CD19 are infused."),
    # (a part that holds it among others)
    allocation("RANDOMIZED", "Allocation: Randomized, in Part B."),
    allocation("RANDOMIZED", "Allocation: Randomized (all cohorts)."),
    origin("AUTOLOGOUS", "IM19 CAR-T cells are autologous in both parts."),
    # (a part another clause after the term holds alone)
    allocation(
        "RANDOMIZED",
        "Allocation: Randomized 1:1 to IM19 or standard therapy, with crossover allowed in the extension only.",
    ),
    masking("DOUBLE", "Masking: Double (Participant, Investigator), with open-label dosing in the lead-in only."),
    origin("AUTOLOGOUS", "IM19 CAR-T cells are autologous, with a second infusion allowed in Part B only."),
]


@pytest.mark.parametrize("fields", HONEST, ids=[quote_of(f) for f in HONEST])
def test_a_term_the_words_leave_standing_passes(trials: Trials, fields: str) -> None:
    assert im19_out(trials, quote_of(fields), fields) == ""


# A count the trial will not take in, a dose that may only be added later
NOT_TAKEN = [
    ("The study will not enroll 60 participants.", enrollment_fields(60, "60 participants")),
    ("The study no longer plans to enroll 60 participants.", enrollment_fields(60, "60 participants")),
    ("We won't recruit 60 patients.", enrollment_fields(60, "60 patients")),
    ("The sponsor does not intend to treat 60 patients.", enrollment_fields(60, "60 patients")),
    ("Arm A: 1×10^6 CAR-T cells/kg may be added later.", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Arm A: 1×10^6 CAR-T cells/kg could also be explored.", cohort_fields("1×10^6 CAR-T cells/kg")),
]


@pytest.mark.parametrize(("line", "fields"), NOT_TAKEN, ids=[line for line, _ in NOT_TAKEN])
def test_a_count_not_taken_in_or_a_dose_to_be_added_is_refused(trials: Trials, line: str, fields: str) -> None:
    assert "E508" in im19_out(trials, line, fields)


TAKEN = [
    ("The study will enroll 60 participants.", enrollment_fields(60, "60 participants")),
    (
        "The study will not only enroll 60 participants but follow them for 15 years.",
        enrollment_fields(60, "60 participants"),
    ),
    ("Arm A: 1×10^6 CAR-T cells/kg.", cohort_fields("1×10^6 CAR-T cells/kg")),
]


@pytest.mark.parametrize(("line", "fields"), TAKEN, ids=[line for line, _ in TAKEN])
def test_a_count_or_a_dose_the_trial_gives_passes(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


def phases(values: str, quote: str) -> str:
    return f"phases: {values}\nevidence:\n  phases: {json.dumps(quote)}\n"


# A phase a condition right after it leaves open, or one dropped (prose._PLANNED_PHASE)
PHASES_OPEN = [
    phases("[PHASE1, PHASE2]", "Phase 1 with a Phase 2 extension if approved."),
    phases("[PHASE1, PHASE2]", "Phase 1, then Phase 2 subject to the safety review."),
    phases("[PHASE1, PHASE2]", "Phase 1 and a Phase 2 part, contingent on funding."),
    # (the words of a condition planned.CONDITIONS lists once, for a count too)
    phases("[PHASE1, PHASE2]", "Phase 1 and a Phase 2 part, dependent on the interim results."),
    phases("[PHASE1, PHASE2]", "Phase 1 and a Phase 2 part in the event that Phase 1 succeeds."),
    phases("[PHASE1, PHASE2]", "Phase 1 (Phase 2 was dropped)."),
    phases("[PHASE1, PHASE2]", "Phase 1; the Phase 2 part was later cancelled."),
]


@pytest.mark.parametrize("fields", PHASES_OPEN, ids=[quote_of(f) for f in PHASES_OPEN])
def test_a_phase_left_open_or_dropped_is_no_phase(trials: Trials, fields: str) -> None:
    assert "E507 phases" in im19_out(trials, quote_of(fields), fields)


PHASES_GIVEN = [
    phases("[PHASE1]", "Phase 1 with a Phase 2 extension if approved."),
    phases("[PHASE1, PHASE2]", "Phase 1/2."),
    phases("[PHASE1, PHASE2]", "Phase 1 and Phase 2, with IM19 CAR-T cells if they qualify."),
]


@pytest.mark.parametrize("fields", PHASES_GIVEN, ids=[quote_of(f) for f in PHASES_GIVEN])
def test_a_phase_the_trial_is_in_passes(trials: Trials, fields: str) -> None:
    assert im19_out(trials, quote_of(fields), fields) == ""


# A term, a site or a dose given only where a need arises (retracted._PLANNED_AFTER)
ON_A_NEED = [
    (
        "IM19 CAR-T cells target CD19 and BCMA if needed.",
        targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and BCMA if needed."),
    ),
    ("Lymphodepletion: fludarabine 30 mg/m2/day, if needed.", agent_fields("fludarabine 30 mg/m2/day")),
    ("Lymphodepletion: fludarabine 30 mg/m2/day (if tolerated).", agent_fields("fludarabine 30 mg/m2/day")),
    ("Arm A: 1×10^6 CAR-T cells/kg as needed.", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("Allocation: Randomized where feasible.", allocation("RANDOMIZED", "Allocation: Randomized where feasible.")),
]


@pytest.mark.parametrize(("line", "fields"), ON_A_NEED, ids=[line for line, _ in ON_A_NEED])
def test_a_value_given_on_a_need_is_refused(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields)


GIVEN = [
    ("Lymphodepletion: fludarabine 30 mg/m2/day on days -5 to -3.", agent_fields("fludarabine 30 mg/m2/day")),
    ("Arm A: 1×10^6 CAR-T cells/kg as a single infusion.", cohort_fields("1×10^6 CAR-T cells/kg")),
    ("IM19 CAR-T cells target CD19 as described.", targets("[CD19]", "IM19 CAR-T cells target CD19 as described.")),
    ("IM19 CAR-T cells target CD19 when infused.", targets("[CD19]", "IM19 CAR-T cells target CD19 when infused.")),
]


@pytest.mark.parametrize(("line", "fields"), GIVEN, ids=[line for line, _ in GIVEN])
def test_a_value_given_with_its_schedule_passes(trials: Trials, line: str, fields: str) -> None:
    assert im19_out(trials, line, fields) == ""


# A condition before a design or product term that leaves it open, its clause set off by a comma or in
# the term's label (retracted.left_open_before), with the same sentence without it, which passes
OPEN_BEFORE = [
    (targets("[CD19, BCMA]", "If funding allows, IM19 CAR-T cells will target CD19 and BCMA."), "If funding allows, "),
    (
        targets("[CD19, BCMA]", "Funding permitting, IM19 CAR-T cells will target CD19 and BCMA."),
        "Funding permitting, ",
    ),
    (
        origin("ALLOGENEIC", "Subject to donor supply, IM19 CAR-T cells will be allogeneic."),
        "Subject to donor supply, ",
    ),
    (
        origin("ALLOGENEIC", "Once donor cells are available, IM19 CAR-T cells will be allogeneic."),
        "Once donor cells are available, ",
    ),
    (allocation("RANDOMIZED", "Allocation (if funded): Randomized."), " (if funded)"),
    (masking("DOUBLE", "Masking (subject to placebo supply): Double."), " (subject to placebo supply)"),
    (
        targets("[CD19, BCMA]", "IM19 CAR-T cells target CD19 and, if the interim results allow, BCMA."),
        ", if the interim results allow,",
    ),
    # (set off by a colon or a dash, in a bracket before the term's words, in a label after a comma)
    (targets("[CD19, BCMA]", "If funding allows: IM19 CAR-T cells will target CD19 and BCMA."), "If funding allows: "),
    (
        targets("[CD19, BCMA]", "If funding allows - IM19 CAR-T cells will target CD19 and BCMA."),
        "If funding allows - ",
    ),
    (
        targets("[CD19, BCMA]", "(If funding allows) IM19 CAR-T cells will target CD19 and BCMA."),
        "(If funding allows) ",
    ),
    (allocation("RANDOMIZED", "Allocation, if funded: Randomized."), ", if funded"),
    (allocation("RANDOMIZED", "Allocation (only if funded): Randomized."), " (only if funded)"),
]


@pytest.mark.parametrize(("fields", "condition"), OPEN_BEFORE, ids=[c for _, c in OPEN_BEFORE])
def test_a_term_a_condition_before_it_leaves_open_is_refused(trials: Trials, fields: str, condition: str) -> None:
    assert im19_out(trials, quote_of(fields), fields), "passed"
    without = fields.replace(condition, "")
    assert im19_out(trials, quote_of(without), without) == ""
