"""Cells: the values of trials.csv's derived columns, worked out from one record.

export.py defines the columns; the columns that are not one record field copied as it is take their
value from a function here: numbers a user filters on (the disease-activity threshold, the dose
range), texts joined from several fields (an outcome with its time frame, a lymphodepleting agent with
its dose), and the row's bookkeeping (which of its empty cells are not yet curated). Each function
takes the record's data (as loaded) and returns the cell's value: a text, a number, a list for a list
column, or "" when the record does not have it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sle_trials import decimals, fields
from sle_trials.reading import kept_out

REGISTRY_URL = "https://clinicaltrials.gov/study/"


class Dose(NamedTuple):
    value: float
    unit: str
    basis: str


def disease_activity(data: dict) -> dict | None:
    """The trial's entry threshold of disease activity: the first inclusion threshold of kind
    DISEASE_ACTIVITY that always applies (no conditions, and its criterion not one its list gives under a
    sub-heading naming a part of the trial: kept_out.heads_a_part), else None. First as the source states
    them: a record lists the thresholds of that kind in the order their criteria state them (E533,
    checks/thresholds.out_of_order), not as its curator happened to write them. (Cohort A's "SLEDAI-2K ≥ 8",
    listed under "Cohort A (extrarenal SLE):", was the headline of a trial whose cohort B asks none.)"""
    eligibility = data.get("eligibility", {})
    for t in eligibility.get("thresholds", []):
        if t["kind"] == "DISEASE_ACTIVITY" and t["criterion"]["list"] == "INCLUSION" and not t.get("conditions"):
            at = fields.criteria_named(eligibility, t["criterion"])
            listed = eligibility.get("inclusion_criteria", [])
            if len(at) == 1 and kept_out.heads_a_part(listed[at[0]].get("group")):
                continue
            return t
    return None


def disease_activity_part(part: str) -> Any:
    def get(data: dict) -> Any:
        t = disease_activity(data)
        return "" if t is None else t[part]

    return get


def doses(data: dict) -> list[Dose]:
    """Every cohort's dose in order of enrolment: by the first patient when every cohort names its
    patients, else in source order."""
    cohorts = [c for arm in data.get("arms", []) for c in arm.get("cohorts", [])]
    if all("patients" in c for c in cohorts):
        cohorts = sorted(cohorts, key=lambda c: c["patients"]["first"])
    return [Dose(c["dose"]["value"], c["dose"]["unit"], c["dose"]["basis"]) for c in cohorts]


def dose_range(data: dict) -> tuple[Dose, Dose] | None:
    """(lowest, highest) cohort dose. When every cohort shares one unit and basis, by value; when they
    differ (a per-kilogram dose and a flat one cannot be ordered without a body weight), the first and
    the last cohort in order of enrolment, the order a dose escalation gives them."""
    found = doses(data)
    if not found:
        return None
    ordered = sorted(found, key=lambda d: d.value) if len({(d.unit, d.basis) for d in found}) == 1 else found
    return ordered[0], ordered[-1]


def dose_part(end: int, part: str) -> Any:
    def get(data: dict) -> Any:
        found = dose_range(data)
        return "" if found is None else getattr(found[end], part)

    return get


def outcomes(kind: str) -> Any:
    def get(data: dict) -> list[str]:
        return [
            f"{o['measure']} (time frame: {o['time_frame']})" if "time_frame" in o else o["measure"]
            for o in data.get("outcomes", {}).get(kind, [])
        ]

    return get


def lymphodepletion(data: dict) -> list[str]:
    """Each agent with its dose: FLUDARABINE 30 mg/m²/day."""
    return [
        " ".join([a["agent"], *([decimals.plain(a["dose"]), a["unit"]] if "dose" in a else [])])
        for a in data.get("lymphodepletion", {}).get("agents", [])
    ]


def unique(values: Any) -> list:
    return list(dict.fromkeys(values))


def not_curated(data: dict, curated: list[tuple[str, str, dict]], empty: set[str]) -> list[str]:
    """The empty cells of a row that are empty because their field is not yet curated, not because the
    sources are silent or the field does not apply. curated: (column, the record field it reads,
    the field's x-applies-to rule) of each column that reads a field; empty: the row's empty columns.

    A stub holds what another trial's page says of it: whatever it lacks is not yet curated. A draft or
    complete record lacks a field because its sources are silent (curation.silent), the field does not
    apply (x-applies-to: a masking of an observational study), or it is not yet curated
    (curation.not_yet_curated, or absent with no reason given)."""
    curation = data["curation"]
    stub = curation["status"] == "stub"
    silent, todo = curation.get("silent", []), curation.get("not_yet_curated", [])
    out = []
    for column, name, applies_to in curated:
        if column not in empty:
            continue
        if stub or fields.covered(todo, name):
            out.append(column)
            continue
        if fields.present(data, tuple(name.split("."))) or fields.covered(silent, name):
            continue  # stated (the cell is empty for another reason, e.g. no threshold of that kind) or silent
        if all(data.get(key) is None or data.get(key) in allowed for key, allowed in applies_to.items()):
            out.append(column)
    return out
