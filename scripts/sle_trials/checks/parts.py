"""A value of one part of the trial read as the trial's: what an inclusion criterion says, listed under a
sub-heading that names a part of the trial ("Cohort A:", "Part B (lupus nephritis):", kept_out.heads_a_part),
is that part's. A record's age bound, sex or criterion-read field (what the trial asks its patients) quoted
from such a criterion is refused where another part's criteria let in other patients (E508, E507), as binding
refuses a value whose own sentence a part labels ("Cohort B: active lupus nephritis").

The evidence stage runs check() after the values are bound to their quotes (evidence._evidence_problems).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sle_trials import fields
from sle_trials.checks.load import Record
from sle_trials.problem import Problem
from sle_trials.reading import kept_out, vocabulary
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import age_bounds
from sle_trials.units import AGE_UNIT_DAYS


def check(record: Record, schema: dict) -> Iterator[Problem]:
    """The problems of a record's values read from one part's criteria as the trial's."""
    yield from _asked_of_a_part(record)
    yield from _age_of_a_part(record)
    yield from _sex_of_a_part(record, schema)


def _age_of_a_part(record: Record) -> Iterator[Problem]:
    """E508 for an age bound quoted from an inclusion criterion its list gives under a sub-heading naming a
    part of the trial (kept_out.heads_a_part), where a criterion under another part's states that bound
    wider: the bound is that part's, and the trial lets in patients past it. Cohort A's "Age 18 to 65 years"
    passed as the trial's minimum age of 18 beside cohort B's "Age 12 to 17 years", and B's as a maximum of 17
    (hunt 164 read such parts within one sentence: lexicon's widest bound)."""
    eligibility = record.data.get("eligibility")
    evidence = record.data.get("evidence")
    if not isinstance(eligibility, dict) or not isinstance(evidence, dict):
        return
    criteria = _parts_criteria(eligibility)
    for name, bound in (("minimum_age", "min"), ("maximum_age", "max")):
        age, quoted = eligibility.get(name), evidence.get(f"eligibility.{name}")
        if not isinstance(age, dict) or age.get("unit") not in AGE_UNIT_DAYS or quoted is None:
            continue
        own = _parts_quoted(criteria, quoted)
        if not own:
            continue
        held = age["value"] * AGE_UNIT_DAYS[age["unit"]]
        wider = next(
            (
                (group, text[a.start : a.end])
                for group, text in criteria
                if kept_out.heads_a_part(group) and group not in own
                for a in age_bounds.criteria_ages(text)
                if a.bound == bound
                and a.unit in AGE_UNIT_DAYS
                and (
                    a.value * AGE_UNIT_DAYS[a.unit] < held if bound == "min" else a.value * AGE_UNIT_DAYS[a.unit] > held
                )
            ),
            None,
        )
        if wider is not None:
            yield record.problem(
                ("eligibility", name),
                "E508",
                f"eligibility.{name}: {age['value']} {age['unit']} is the bound of a part of the trial "
                f"({sorted(map(str, own))[0]!r}), not the trial's: the criteria under {wider[0]!r} let in patients at "
                f"{wider[1]!r}; give the bound of every part's criteria",
            )


def _parts_criteria(eligibility: dict) -> list[tuple[Any, str]]:
    """(group, normalised text with its nested items) of each inclusion criterion, where some criterion's
    group names a part of the trial (kept_out.heads_a_part); else none."""
    criteria = [
        (c.get("group"), normalise(" ".join(fields.criterion_texts(c))))
        for c in eligibility.get("inclusion_criteria", [])
        if isinstance(c, dict) and isinstance(c.get("text"), str)
    ]
    return criteria if any(kept_out.heads_a_part(group) for group, _ in criteria) else []


def _parts_quoted(criteria: list[tuple[Any, str]], quoted: Any) -> set[Any]:
    """The sub-headings naming a part of the trial (_parts_criteria) whose criteria hold a quote of quoted (a
    field's evidence: a quote or a list of them): the parts a value was read from."""
    quotes = [normalise(q) for q in ([quoted] if isinstance(quoted, str) else quoted) if isinstance(q, str)]
    return {g for g, text in criteria if kept_out.heads_a_part(g) and any(q in text for q in quotes)}


def _sex_of_a_part(record: Record, schema: dict) -> Iterator[Problem]:
    """E507 for a sex quoted from an inclusion criterion its list gives under a sub-heading naming a part of
    the trial, where a criterion under another part's renders a sex it does not hold (ALL holds both): cohort
    A's "Female patients aged 18 to 65 years" passed as the trial's FEMALE beside cohort B's "Male or female
    patients" (_age_of_a_part's class, of the sex)."""
    eligibility, evidence = record.data.get("eligibility"), record.data.get("evidence")
    if not isinstance(eligibility, dict) or not isinstance(evidence, dict):
        return
    sex, quoted = eligibility.get("sex"), evidence.get("eligibility.sex")
    criteria = _parts_criteria(eligibility)
    vocab = vocabulary.for_enum(tuple(fields.node_at(schema, ("eligibility", "sex")).get("enum", ())))
    if not criteria or not isinstance(sex, str) or sex == "ALL" or quoted is None or vocab is None:
        return
    own = _parts_quoted(criteria, quoted)
    other = next(
        (
            (group, text[r.start : r.end])
            for group, text in criteria
            if own and kept_out.heads_a_part(group) and group not in own
            for r in vocab.places(text)
            if sex not in r.values
        ),
        None,
    )
    if other is not None:
        yield record.problem(
            ("eligibility", "sex"),
            "E507",
            f"eligibility.sex: {sex} is the sex of a part of the trial ({sorted(map(str, own))[0]!r}), not the "
            f"trial's: the criteria under {other[0]!r} let in {other[1]!r}",
        )


# The fields that say what the trial asks its patients, each read from one criterion it names
ASKED_FIELDS = ("lupus_nephritis", "classification_criteria", "autoantibodies", "prior_therapy")


def _asked_of_a_part(record: Record) -> Iterator[Problem]:
    """E507 for a field of what the trial asks its patients (ASKED_FIELDS) read from a criterion its list gives
    under a sub-heading naming a part of the trial (kept_out.heads_a_part): what it asks is that part's only, as
    a part named as the label of its sentence makes it ("Cohort B: active lupus nephritis", binding). Read as the
    trial's, "Biopsy-proven lupus nephritis" under "Cohort B (lupus nephritis):" passed as the scope REQUIRED of
    a trial whose cohort A enrols extrarenal SLE (trials.csv's lupus nephritis column)."""
    eligibility = record.data.get("eligibility")
    if not isinstance(eligibility, dict):
        return
    for name in ASKED_FIELDS:
        ref = (eligibility.get(name) or {}).get("criterion") if isinstance(eligibility.get(name), dict) else None
        if not isinstance(ref, dict) or not isinstance(ref.get("list"), str):
            continue
        at = fields.criteria_named(eligibility, ref)
        items = eligibility.get(f"{ref['list'].lower()}_criteria", [])
        group = items[at[0]].get("group") if len(at) == 1 else None
        if kept_out.heads_a_part(group):
            yield record.problem(
                ("eligibility", name),
                "E507",
                f"eligibility.{name}: {fields.criterion_name(ref)} is listed under {group!r}, a part of the trial: "
                "what it asks is of that part's patients only, not the trial's; declare the field silent, or read "
                "it from a criterion of every patient",
            )
