"""The record under construction: its data, the evidence quote for each value, the notes for the
curator, and the fields left for the curator. Each part of the study (identification.py,
status.py, ...) writes into one Builder; record.py makes the draft of it."""

from __future__ import annotations

from typing import Any

from sle_trials import fields
from sle_trials.reading import layouts
from sle_trials.reading.shown import shown  # what the parts of the study show of it in notes

# What a curator reads from the text, not the registry's fields: left for the curator, not silent.
NOT_YET_CURATED = (
    "cell_product",
    "eligibility.thresholds",
    "arms.cohorts",
    "interventions.route",
    "lymphodepletion",
    "eligibility.lupus_nephritis",
    "eligibility.classification_criteria",
    "eligibility.autoantibodies",
    "eligibility.prior_therapy",
)


class Builder:
    def __init__(self, schema: dict) -> None:
        self.schema = schema
        self.data: dict[str, Any] = {}
        self.evidence: dict[str, str] = {}
        self.notes: list[dict] = []
        self.not_yet: list[str] = list(NOT_YET_CURATED)
        self.left: list[str] = []  # fields (no list indexes) with a value the source states left out: leave_out

    def note(self, field: str, text: str) -> None:
        """A note for the curator about field (curation.notes): what was left out, and why."""
        self.notes.append({"field": field, "text": text})

    def leave_out(self, field: str, text: str) -> None:
        """A value the source states that the record cannot hold as it is (outside the vocabulary, an
        official without a name, a '|' in a list item): a note saying so, and the field left for the
        curator (not_yet_curated), never declared silent: silent says the source does not state it."""
        self.note(field, text)
        name = ".".join(part for part in field.split(".") if not part.isdigit())  # arms.0.type: arms.type
        if name not in self.left:
            self.left.append(name)

    def unnamed(self, field: str, raw: Any, key: str, single: str | None = None) -> None:
        """An item of a source list with nothing to hold it by (an arm without a label, an official
        without a name), or a single object so (single: its key, "leadSponsor"): left out, with a note
        naming the keys it does give (not their values: a site's contacts are never copied), when it
        gives any."""
        given = (
            [k for k, v in raw.items() if v not in (None, "", [], {}) and not _blank(v)]
            if isinstance(raw, dict)
            else []
        )
        if given:
            said = f"The source's {single} has" if single else "The source lists an item with"
            self.leave_out(field, f"{said} no {key} (it gives {', '.join(given)[:200]}); left out.")

    def separated(self, field: str, value: str | None, what: str) -> bool:
        """Whether value holds '|', the CSV list separator, which a list item never holds (E205): if
        so it is left out with a note (what names it: "The condition"), for the curator to decide."""
        if value is None or "|" not in value:
            return False
        self.leave_out(field, f"{what} {shown(value, 80)} holds '|', the CSV list separator; left out.")
        return True

    def node(self, path: tuple) -> dict:
        node = fields.resolve(self.schema, self.schema)
        for part in path:
            node = fields.resolve(
                self.schema,
                node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {}),
            )
        return node

    def allowed(self, path: tuple, value: Any, field: str | None = None) -> bool:
        """Whether value is in the vocabulary of the field at path; if not, a note says it was left out, on
        field (the path's by default)."""
        enum = self.node(tuple(0 if isinstance(p, int) else p for p in path)).get("enum")
        if enum is None or value in enum:
            return True
        self.leave_out(
            field or fields.dotted(path),
            f"The source gives {shown(value)}, which is not in the registry's vocabulary; left out.",
        )
        return False

    def quote(self, path: tuple, value: Any, key: str, between: tuple[str, str] | None = None) -> None:
        """Evidence for the value at path: the JSON value as the source's text reads it, under its
        key ("statusModule.overallStatus: RECRUITING"). For a field of a list item, between names the
        item's naming key and the field's key: the quote runs from one line to the other, so that it
        names the item it is about ("overallOfficials.name: …  … overallOfficials.role: …")."""
        if between is not None:
            lines = layouts.json_lines(value, key)
            ends = [i for i, (k, _) in enumerate(lines) if k in {f"{key}.{between[0]}", f"{key}.{between[1]}"}]
            value = lines[min(ends) : max(ends) + 1] if ends else lines
            said = layouts.normalise(" ".join(layouts.json_line(k, v) for k, v in value))
        else:
            said = layouts.json_text(value, key)
        if said:
            self.evidence[fields.dotted(path)] = said

    def applies(self, name: str, key: str, value: Any) -> bool:
        """Whether the field name (a dotted path) applies to the study as read so far (fields.applies: a design
        value to the study's type, a last known status to its status); where it does not, a note says the source's
        key gives value all the same, and that it is left out (the check would refuse it, E506, in a record that
        was never written). Left out as the curator's (leave_out): a design all of whose values the source gives
        for another type of study was declared silent, which it is not (E523: the source states 'NA')."""
        applies, why = fields.applies(self.schema, name, self.data)
        if not applies:
            self.leave_out(name, f"The source gives {key} {value} though {why}; it does not apply, left out.")
        return applies

    def vocabulary(self, path: tuple, value: Any, field: str | None = None) -> bool:
        """Whether value is text in the vocabulary of the field at path (a note on field, the path's by default,
        if it is text outside it)."""
        return isinstance(value, str) and self.allowed(path, value, field)


def nested(b: Builder, struct: dict, key: str, field: str, what: str) -> bool:
    """Whether a struct the API gives as scalars alone (a date struct, enrollmentInfo) holds a list or an object: the
    check reads no value at such a place (ctgov_study._shaped: one of several values a record could take), so the
    field is left out with a note naming the member (what: the value it would give). Before, the date or the count
    was imported, and the whole import refused its own quote (E512), naming no fault of the file."""
    odd = next((k for k, v in struct.items() if isinstance(v, (dict, list)) and v), None)
    if odd is None:
        return False
    given = "a list" if isinstance(struct[odd], list) else "an object"
    b.leave_out(field, f"The source's {key} gives {odd} as {given}, which it never holds; its {what} is left out.")
    return True


def put(target: dict, key: str, value: Any) -> None:
    """target[key] = value, unless value is absent or empty (the schema has no empty values)."""
    if value is not None and value != [] and value != {}:
        target[key] = value


def unique(values: list) -> list:
    """The values, each once, in their order; None left out."""
    return list(dict.fromkeys(v for v in values if v is not None))


def _blank(value: Any) -> bool:
    """Whether value is a text of white space or invisible characters alone, which states nothing (the
    check reads no value in it either): an official whose name is " " gives no name."""
    return isinstance(value, str) and not layouts.normalise(value)
