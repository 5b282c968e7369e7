"""What the study is about: conditions, keywords (conditionsModule), brief_summary and
detailed_description (descriptionModule)."""

from __future__ import annotations

from sle_trials.curate.ctgov.builder import Builder, put, unique
from sle_trials.curate.ctgov.study import clean, markup, values


def read(b: Builder, conditions: dict, description: dict) -> None:
    for key, name in (("conditions", "conditions"), ("keywords", "keywords")):
        given = [clean(v) for v in values(conditions, key)]
        if key == "conditions":  # a list the CSV joins by '|'
            given = [v for v in given if not b.separated(name, v, "The condition")]
        once = unique(given)
        if len(once) < len([v for v in given if v]):
            b.note(name, f"The source lists some {name} twice; each is kept once.")
        put(b.data, name, once)
    put(b.data, "brief_summary", markup(description.get("briefSummary")))
    put(b.data, "detailed_description", markup(description.get("detailedDescription")))
