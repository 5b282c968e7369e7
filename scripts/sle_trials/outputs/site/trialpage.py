"""A trial's page: every value of its record beside the words of the source it was read from.

Each value (a leaf of the record, walked with the schema: fields.leaves) is shown with its evidence:
- a structured value: the quotes its `evidence` entry pins to it (the entry of its path or of the
  nearest enclosing path, which covers every value beneath it);
- a verbatim value (a title, a criterion): its own words, which occur in the source;
- a value with neither (a draft's): said to have none.
Each quote and verbatim text is found in the source's text where the checks find it (in the place
where its layout states the field: documents.Sources.passages) and marked there (highlight.py); the
value links to the mark. Each field is named in words (labels.py), its dotted path beside it; the
eligibility criteria are shown as the source lists them, numbered and nested. The page also says
what the record lacks and why, as `trials coverage` accounts for every field (coverage.py): not yet
curated (declared so, a stub's, or absent with no reason given: what trials.csv's not_curated
counts as not yet curated), not stated by its sources (curation.silent), or not applicable.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup

from sle_trials import fields, files
from sle_trials.checks import documents, evidence
from sle_trials.checks.load import Record
from sle_trials.outputs import coverage
from sle_trials.outputs.site import highlight, labels, landscape
from sle_trials.reading.layouts import SourceDoc

# What a value's evidence is, as the page words it (CSS classes too).
QUOTE, VERBATIM, NONE, NUMBERED, BOOKKEEPING, CURATOR = (
    "quote",
    "verbatim",
    "none",
    "numbered",
    "bookkeeping",
    "curator",
)
_SHOWN_APART = (
    ("curation", "notes"),
    ("curation", "silent"),
    ("curation", "incomplete"),
    ("curation", "not_yet_curated"),
)
_CRITERIA = ("inclusion_criteria", "exclusion_criteria")
# What a record lacks, by why (coverage.py's accounts of the absent fields), in the order shown, in the
# words the index shows an empty cell in (landscape.NOT_CURATED, NOT_STATED): a reader meets one name for each.
_NOT_CURATED = landscape.NOT_CURATED.capitalize()
LACKS = (
    ("not_yet_curated", _NOT_CURATED),
    ("unexplained", f"{_NOT_CURATED}: absent, and no reason is given (not declared silent nor not applicable)"),
    ("silent", f"{landscape.NOT_STATED.capitalize()} by its sources"),
    ("not_applicable", "Not applicable to this study"),
)


@dataclass
class Link:
    """One quote of a value: the mark it points at (None when the quote was not found in the text shown)."""

    quote: str
    source: str
    target: str | None


@dataclass
class Value:
    field: str
    label: labels.Label
    value: str
    kind: str
    links: list[Link] = dataclasses.field(default_factory=list)
    meaning: str = ""  # what the schema says a code means (labels.meaning)
    notes: list[int] = dataclasses.field(default_factory=list)  # numbers of the curator's notes on this field


@dataclass
class SourceView:
    number: int
    file: str
    kind: str
    kind_meaning: str  # what the schema says the kind means
    as_of: str
    as_of_label: str
    html: Markup  # the text shown, escaped, with its marks
    readable: bool


@dataclass
class Note:
    number: int
    field: str
    text: str


@dataclass
class Criterion:
    """A criterion as the source lists it: its number, its text (a verbatim value), the sub-heading it
    stands under, and the criteria nested under it."""

    number: str  # "" when the source does not number it
    text: Value
    group: Value | None
    subs: list[Criterion]


@dataclass
class CriteriaList:
    label: labels.Label
    items: list[Criterion]


@dataclass
class Lack:
    why: str  # coverage's name for it: not_yet_curated, unexplained, silent, not_applicable
    heading: str
    fields: list[labels.Label]


@dataclass
class TrialPage:
    nct_id: str
    title: str
    data: dict[str, Any]
    values: list[Value]
    criteria: list[CriteriaList]
    sources: list[SourceView]
    notes: list[Note]
    incomplete: list[Note]
    lacks: list[Lack]

    @property
    def not_yet_curated(self) -> list[labels.Label]:
        """The fields lacking because no curator has read them yet (trials.csv's not_curated)."""
        return [f for lack in self.lacks if lack.why in ("not_yet_curated", "unexplained") for f in lack.fields]


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class _Read(NamedTuple):
    """A cited source as the page shows it: the text shown, normalised with its map back, the part
    about this trial the checks read (the document itself, or its study on a page of studies) and
    where that part stands in the normalised text."""

    text: str
    norm: highlight.Normalised
    doc: SourceDoc
    scope: tuple[int, int]


class _Marks:
    """The marks of one page, by (source number, start, end) in the shown text: a quote that several
    values cite is one mark, its id given on first use (q1, q2, ... in the record's order). A quote is
    marked where the checks accept it (documents.Sources.placed), in the first source they accept it
    from, inside the part of the source about this trial: never on the same words elsewhere."""

    def __init__(self, record: Record, root: Path) -> None:
        self.sources = documents.Sources(record, root)
        self.read: list[_Read | None] = []
        for source in record.data["curation"]["sources"]:
            # source_doc first: it opens only a name under seeds/ (files.SOURCE_PATH), so the bytes
            # shown are never read from anywhere else
            whole = documents.source_doc(root, source["file"])
            raw = None if whole is None else files.source_bytes(root / source["file"])
            if raw is None or whole is None:
                self.read.append(None)
                continue
            text = highlight.shown_text(source["file"], raw)
            norm = highlight.normalise(text)
            doc = whole.for_trial(record.data["nct_id"])
            scope = (0, len(norm.text))
            if doc is not whole:  # a page of studies: this trial's study, as the page shows it
                index = next(i for i, part in enumerate(whole.parts) if part is doc)
                studies = highlight.study_texts(source["file"], raw)
                study = evidence.normalise(studies[index]) if index < len(studies) else ""
                at = norm.text.find(study) if study else -1
                # a study not found in the page's text gets no marks (its quotes say "not found")
                scope = (at, at + len(study)) if at >= 0 else (0, 0)
            self.read.append(_Read(text, norm, doc, scope))
        self.found: dict[tuple[int, int, int], highlight.Mark] = {}
        self.labels: dict[tuple[int, int, int], list[str]] = {}

    def link(self, quote: str, path: fields.Path_, kind: str, label: str) -> Link:
        needle = evidence.normalise(quote)
        for number, read in enumerate(self.read):
            if read is None or not needle or needle not in read.doc.text:
                continue
            places = self.sources.placed(read.doc, path, needle, whole=kind == VERBATIM)
            if places is not None and not places:
                continue  # the words are in this source, but not where it states the field
            within = None if places is None else [p.text for p in places]
            at = highlight.find(read.norm.text, needle, within, read.scope)
            if at < 0:
                continue
            start, end = read.norm.span(at, at + len(needle))
            key = (number, start, end)
            if key not in self.found:
                self.found[key] = highlight.Mark(start, end, f"q{len(self.found) + 1}", kind)
                self.labels[key] = []
            if label not in self.labels[key]:
                self.labels[key].append(label)
            return Link(quote, read.doc.file, self.found[key].id)
        return Link(quote, "", None)

    def views(self, record: Record, schema: dict) -> list[SourceView]:
        out = []
        for number, (source, read) in enumerate(zip(record.data["curation"]["sources"], self.read)):
            marks = [
                highlight.Mark(m.start, m.end, m.id, m.kind, "supports " + ", ".join(self.labels[k]))
                for k, m in sorted(self.found.items())
                if k[0] == number
            ]
            html = highlight.render(read.text, marks) if read else Markup("")
            out.append(
                SourceView(
                    number + 1,
                    source["file"],
                    source["kind"],
                    labels.meaning(("curation", "sources", number, "kind"), source["kind"], schema),
                    source["as_of"],
                    source.get("as_of_label", ""),
                    html,
                    read is not None,
                )
            )
        return out


def _covering(path: fields.Path_, keys: dict[fields.Path_, Any]) -> fields.Path_ | None:
    """The evidence entry covering path: its own, else the nearest enclosing one."""
    for length in range(len(path), 0, -1):
        if path[:length] in keys:
            return path[:length]
    return None


def _kind(path: fields.Path_, node: dict) -> str:
    if fields.is_verbatim(node):
        return VERBATIM
    if len(path) > 2 and str(path[1]).endswith("_criteria") and path[-1] == "number":
        return NUMBERED  # checked with the criterion's text: "3) Weight ≥ 40 kg"
    if node.get("x-curator-words"):
        return CURATOR
    if not fields.needs_evidence(path, node):
        return BOOKKEEPING
    return NONE


def build(record: Record, schema: dict, root: Path) -> TrialPage:
    data = record.data
    curation = data["curation"]
    quotes = {
        fields.parse_dotted(k): ([v] if isinstance(v, str) else list(v)) for k, v in data.get("evidence", {}).items()
    }
    notes = [Note(n + 1, note.get("field", ""), note["text"]) for n, note in enumerate(curation.get("notes", []))]
    note_paths = [(n.number, fields.parse_dotted(n.field)) for n in notes if n.field]
    marks = _Marks(record, root)
    values = []
    in_criteria: dict[fields.Path_, Value] = {}
    for path, value, node in fields.leaves(data, schema):
        if path[0] == "evidence" or path[:2] in _SHOWN_APART:
            continue
        name = fields.dotted(path)
        row = Value(
            name,
            labels.of(path, schema),
            shown(value),
            _kind(path, node),
            notes=[n for n, p in note_paths if path[: len(p)] == p],
        )
        if "enum" in node and isinstance(value, str):
            row.meaning = labels.meaning(path, value, schema)
        covering = _covering(path, quotes)
        if row.kind == VERBATIM and isinstance(value, str):
            row.links.append(marks.link(value, path, VERBATIM, name))
        elif covering is not None:
            row.kind = QUOTE
            row.links = [marks.link(q, covering, QUOTE, name) for q in quotes[covering]]
        if path[0] == "eligibility" and len(path) > 2 and path[1] in _CRITERIA:
            in_criteria[path] = row  # shown in the criteria's lists
        else:
            values.append(row)
    accounts = coverage.of_record(record, schema)["fields"]
    return TrialPage(
        nct_id=data["nct_id"],
        title=data["brief_title"],
        data=data,
        values=values,
        criteria=[
            CriteriaList(
                labels.of(("eligibility", key), schema),
                _criteria(data["eligibility"][key], ("eligibility", key), in_criteria),
            )
            for key in _CRITERIA
            if key in data.get("eligibility", {})
        ],
        sources=marks.views(record, schema),
        notes=notes,
        incomplete=[Note(n + 1, i["field"], i["text"]) for n, i in enumerate(curation.get("incomplete", []))],
        lacks=[
            Lack(why, heading, [labels.of(fields.parse_dotted(name), schema) for name in accounts[why]])
            for why, heading in LACKS
            if accounts[why]
        ],
    )


def _criteria(items: list[dict], path: fields.Path_, rows: dict[fields.Path_, Value]) -> list[Criterion]:
    """The criteria of a list (or nested under one), each with the row of its text and sub-heading."""
    out = []
    for i, item in enumerate(items):
        at = (*path, i)
        number = rows.get((*at, "number"))
        text = rows[(*at, "text")]
        if number is not None:
            text.notes = sorted(set(text.notes) | set(number.notes))
        out.append(
            Criterion(
                "" if number is None else number.value,
                text,
                rows.get((*at, "group")),
                _criteria(item.get("sub_criteria", []), (*at, "sub_criteria"), rows),
            )
        )
    return out
