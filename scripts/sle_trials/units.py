"""Units of the schema's quantities, shared by the stages that convert them: the rules compare a
record's ages (checks/rules.py) and the CSV gives them in years (outputs/export.py)."""

from __future__ import annotations

# Days in each age unit of the schema (eligibility.minimum_age.unit and maximum_age.unit).
AGE_UNIT_DAYS = {
    "YEARS": 365.25,
    "MONTHS": 365.25 / 12,
    "WEEKS": 7.0,
    "DAYS": 1.0,
    "HOURS": 1 / 24,
    "MINUTES": 1 / 1440,
}


# The oldest age limit a record may hold, in days: registries give ages in any unit ("200 Months",
# "28 Days"), so the schema cannot bound the number alone; beyond 150 years is a slip of the unit (E111).
MAX_AGE_DAYS = 150 * AGE_UNIT_DAYS["YEARS"]


def age_days(age: dict) -> float:
    """An age ({value, unit}) in days."""
    return age["value"] * AGE_UNIT_DAYS[age["unit"]]
