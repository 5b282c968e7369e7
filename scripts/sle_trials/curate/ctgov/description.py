"""What the study is about: conditions, keywords (conditionsModule), brief_summary and
detailed_description (descriptionModule)."""

from __future__ import annotations

from sle_trials.curate.ctgov.builder import Builder, put, unique
from sle_trials.curate.ctgov.study import clean, items, markup


def read(b: Builder, conditions: dict, description: dict) -> None:
    for key, name in (("conditions", "conditions"), ("keywords", "keywords")):
        values = [clean(v) for v in items(conditions, key)]
        if key == "conditions":  # a list the CSV joins by '|'
            values = [v for v in values if not b.separated(name, v, "The condition")]
        once = unique(values)
        if len(once) < len([v for v in values if v]):
            b.note(name, f"The source lists some {name} twice; each is kept once.")
        put(b.data, name, once)
    put(b.data, "brief_summary", markup(description.get("briefSummary")))
    put(b.data, "detailed_description", markup(description.get("detailedDescription")))
