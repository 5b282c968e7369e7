"""Outcome measures: outcomes.primary and outcomes.secondary (outcomesModule: primaryOutcomes,
secondaryOutcomes, each a measure with its time frame and description), copied as the registry
writes them; its other outcome measures (otherOutcomes), which the record has no place for, are
named in a note. Only when the schema has the field."""

from __future__ import annotations

from typing import Any

from sle_trials.curate.ctgov.builder import Builder, put, shown
from sle_trials.curate.ctgov.study import clean, items, markup

# record list -> the JSON key; record field -> the JSON key of an outcome
LISTS = (("primary", "primaryOutcomes"), ("secondary", "secondaryOutcomes"))
COLUMNS = (("measure", "measure"), ("time_frame", "timeFrame"), ("description", "description"))
MARKUP = {"description"}  # the API's markup column (Markdown); the others are text as typed (study.clean)


def read(b: Builder, mod: dict) -> None:
    if "outcomes" not in b.schema["properties"]:
        return
    found: dict[str, Any] = {}
    for name, key in LISTS:
        listed = []
        for raw in items(mod, key):
            outcome = {
                field: text
                for field, k in COLUMNS
                if (text := (markup if k in MARKUP else clean)(raw.get(k)) if isinstance(raw, dict) else None)
            }
            if "measure" not in outcome:
                b.unnamed(f"outcomes.{name}", raw, "measure")  # what it gives noted, never declared silent
                continue
            if any("|" in outcome[f] for f in ("measure", "time_frame") if f in outcome):
                b.leave_out(
                    f"outcomes.{name}",
                    f"An outcome's measure or time frame holds '|', the CSV list separator; left out: "
                    f"{shown(outcome['measure'], 80)}.",
                )
                continue
            listed.append(outcome)
        put(found, name, listed)
    put(b.data, "outcomes", found)
    other = [raw for raw in items(mod, "otherOutcomes") if isinstance(raw, dict) and clean(raw.get("measure"))]
    if other:  # the record has no place for them: said, not left out unremarked
        b.note(
            "outcomes",
            f"The source lists {len(other)} other outcome measure{'s' if len(other) > 1 else ''} (otherOutcomes, "
            f"besides the primary and secondary ones), which the record has no place for; not imported.",
        )
