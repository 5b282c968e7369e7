"""The one rule for a date a record holds: YYYY, YYYY-MM or YYYY-MM-DD (the schema's partial_date),
naming a year, month and day of the calendar. The check refuses any other (E103), and the importer
leaves any other out with a note, so an import never writes a date its own check refuses."""

from __future__ import annotations

import datetime as dt

from sle_trials.patterns import lazy

# schema/trial.schema.json's partial_date
PARTIAL = lazy(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z")


def in_calendar(value: str) -> bool:
    """Whether value is a partial date of the calendar: not 2024-02-30, and no year 0 ("0000",
    "0000-05"), which no calendar has (datetime's years run from 1), at any precision."""
    if not PARTIAL.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
