"""What the record lacks, declared: curation.silent (the JSON does not state it) and
curation.not_yet_curated (a curator reads it from the text: builder.NOT_YET_CURATED)."""

from __future__ import annotations

from sle_trials import fields
from sle_trials.curate.ctgov.builder import Builder


def absent_fields(data: dict, schema: dict) -> list[str]:
    """The fields the record lacks (fields.absent), leaving out those that do not apply to the study
    (an observational model of an interventional study is not silent: it does not apply)."""
    return [name for name in fields.absent(data, schema) if fields.applies(schema, name, data)[0]]


def declare(b: Builder) -> None:
    """List each absent field under curation: not_yet_curated when it is the curator's to fill
    (or lies beneath such a field), or holds a value the importer left out (or lies above or beneath
    one: outcomes, when its only primary outcome was left out), silent otherwise."""
    todo = b.not_yet
    missing = absent_fields(b.data, b.schema)
    not_yet = [
        n
        for n in missing
        if any(n == t or n.startswith(t + ".") for t in todo)
        or any(n == t or n.startswith(t + ".") or t.startswith(n + ".") for t in b.left)
    ]
    silent = [n for n in missing if n not in not_yet]
    if silent:
        b.data["curation"]["silent"] = silent
    if not_yet:
        b.data["curation"]["not_yet_curated"] = not_yet
