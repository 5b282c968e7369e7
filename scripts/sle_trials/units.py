"""Units of the schema's quantities, shared by the stages that convert them: the rules compare a
record's ages (checks/rules.py) and the CSV gives them in years (outputs/export.py)."""

from __future__ import annotations

# Days in each age unit of the schema (eligibility.minimum_age.unit and maximum_age.unit).
AGE_UNIT_DAYS = {"YEARS": 365.25, "MONTHS": 365.25 / 12, "WEEKS": 7.0, "DAYS": 1.0, "HOURS": 1 / 24, "MINUTES": 1 / 1440}


def age_days(age: dict) -> float:
    """An age ({value, unit}) in days."""
    return age["value"] * AGE_UNIT_DAYS[age["unit"]]
