"""New: write a record that lists every field of the schema, for a curator to fill in.

    trials new NCTxxxxxxxx [--source seeds/FILE] [--title TEXT] [--kind KIND] [--as-of DATE]
                           [--as-of-label WORDS]

The file holds every schema field in canonical order. What is known is written out and makes a
valid stub: the id, the title, `curation.status: stub` and the source. Every other field is a
comment at its own indentation, with its description and allowed values, so that uncommenting a
line gives it its place; delete what the sources do not state, or list it under curation.silent.

The source: --source, else the one document under seeds/ that mentions the id. The title: --title
(it must occur in the source), else the study's briefTitle when the source is a ClinicalTrials.gov
JSON, else the title another record gives this trial under related_trials. The source's kind and
as-of date: --kind/--as-of, else as another record citing the same file says, else from the JSON;
the words the source gives that date under: a usual as-of label, or --as-of-label.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from sle_trials import command, fields, files
from sle_trials.checks import documents, evidence, load, silence
from sle_trials.checks import schema as schema_mod
from sle_trials.curate import ctgov, fmt
from sle_trials.engine import pipeline
from sle_trials.patterns import lazy
from sle_trials.reading import in_scope, layouts
from sle_trials.reading.lexicon import date_mentions

_NCT = lazy(r"NCT[0-9]{8}\Z")
_DATE = lazy(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z")


# --- the commented skeleton -----------------------------------------------------------------------


def _hint(schema: dict, node: dict) -> str:
    """The comment after a field: its description and, for a vocabulary, the allowed values."""
    described = node.get("description", "")
    resolved = fields.resolve(schema, node)
    enum = resolved.get("enum") or fields.resolve(schema, resolved.get("items", {})).get("enum")
    text = " ".join(described.split())
    if enum:
        text += f" One of: {', '.join(map(str, enum))}."
    return f"  # {text}" if text else ""


def _placeholder(schema: dict, node: dict) -> str:
    resolved = fields.resolve(schema, node)
    if node.get("$ref") == "#/$defs/partial_date":
        return ' "YYYY-MM-DD"'
    kind = resolved.get("type")
    if kind in ("integer", "number"):
        return " 0"
    if kind == "boolean":
        return " false"
    return ""


def _comment(lead: str, text: str) -> str:
    """A commented-out line: '# ' before the line as it would be written, so deleting the first two
    characters gives the field back at its place."""
    return f"# {lead}{text}"


def _fields(schema: dict, node: dict, indent: int, out: list[str], item: bool = False) -> None:
    """Commented lines for every field of an object node, its keys at column indent. item: the
    object is a list item, so its first key carries the dash."""
    for i, (key, child) in enumerate(fields.resolve(schema, node).get("properties", {}).items()):
        lead = " " * (indent - 2) + "- " if item and i == 0 else " " * indent
        _field(schema, key, child, lead, indent, out)


def _field(schema: dict, key: str, node: dict, lead: str, indent: int, out: list[str]) -> None:
    resolved = fields.resolve(schema, node)
    kind = resolved.get("type")
    if kind == "object" and resolved.get("properties"):
        out.append(_comment(lead, f"{key}:{_hint(schema, node)}"))
        _fields(schema, node, indent + 2, out)
    elif kind == "object":  # evidence: field paths to quotes
        out.append(_comment(lead, f"{key}:{_hint(schema, node)}"))
        out.append(_comment(" " * (indent + 2), "field.path: quote"))
    elif kind == "array":
        out.append(_comment(lead, f"{key}:{_hint(schema, node)}"))
        items = fields.resolve(schema, resolved.get("items", {}))
        if items.get("type") == "object" and items.get("properties"):
            _fields(schema, resolved["items"], indent + 4, out, item=True)
        else:
            out.append(_comment(" " * (indent + 2), f"-{_placeholder(schema, resolved.get('items', {})) or ' ...'}"))
    else:
        out.append(_comment(lead, f"{key}:{_placeholder(schema, node)}{_hint(schema, node)}"))


def _blocks(lines: list[str], indent: int) -> dict[str, list[str]]:
    """Lines grouped by the key that starts them at column indent (a leading '- ' counts as indent)."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in lines:
        body = line[indent:] if len(line) > indent and line[:indent].strip(" -") == "" else None
        if body and not body.startswith((" ", "#")) and line[:indent].strip() in ("", "-"):
            current = body.split(":", 1)[0]
            blocks[current] = []
        if current is not None:
            blocks[current].append(line)
    return blocks


def _skeleton_lines(schema: dict, record: dict) -> list[str]:
    """The whole file: known values written out in canonical form, every other field commented."""
    known = _blocks(fmt.render(record, schema).splitlines(), 0)
    out: list[str] = []
    for key, child in schema["properties"].items():
        if key == "curation":
            out.extend(_curation(schema, child, known[key]))
        elif key in known:
            out.extend(known[key])
        else:
            _field(schema, key, child, "", 0, out)
    return out


def _curation(schema: dict, node: dict, lines: list[str]) -> list[str]:
    """curation: the known status and sources, the other curation fields commented."""
    known = _blocks(lines[1:], 2)
    out = [lines[0]]
    for key, child in fields.resolve(schema, node)["properties"].items():
        if key == "sources":
            out.extend(_sources(schema, child, known[key]))
        elif key in known:
            out.extend(known[key])
        else:
            _field(schema, key, child, "  ", 2, out)
    return out


def _sources(schema: dict, node: dict, lines: list[str]) -> list[str]:
    """The source as written, with the source fields it lacks commented in their places."""
    items = fields.resolve(schema, fields.resolve(schema, node)["items"])
    known = _blocks(lines[1:], 6)
    out = [lines[0]]
    for i, (key, child) in enumerate(items["properties"].items()):
        if key in known:
            block = known[key]
            out.append(("    - " if i == 0 else "      ") + block[0][6:])
            out.extend(block[1:])
        else:
            out.append(_comment("      ", f"{key}:{_placeholder(schema, child)}{_hint(schema, child)}"))
    return out


# --- choosing the source and title ----------------------------------------------------------------


def _mentions(root: Path, nct: str) -> list[str]:
    found = []
    for name in pipeline.seed_files(root):
        try:
            if nct in (documents.source_text(root, name) or ""):
                found.append(name)
        except OSError:
            continue
    return found


def _named(root: Path) -> list[str]:
    """The NCT ids the sources under seeds/ name, for a mistyped id's "did you mean"."""
    named: set[str] = set()
    for name in pipeline.seed_files(root):
        try:
            named.update(re.findall(r"NCT[0-9]{8}", documents.source_text(root, name) or ""))
        except OSError:
            continue
    return sorted(named)


def _records(root: Path) -> list[dict]:
    out = []
    for file in pipeline.trial_files(root):
        record, _ = load.load(file, file.name)
        if record is not None:
            out.append(record.data)
    return out


class SourceEntry(NamedTuple):
    entry: dict  # the curation.sources entry
    as_of_quote: str | None  # an evidence quote for its as_of, when one is known


def _source_entry(
    root: Path,
    source: str,
    records: list[dict],
    study: dict | None,
    kind: str | None,
    as_of: str | None,
    as_of_label: str | None,
    kinds: list[str],
) -> SourceEntry:
    """The curation.sources entry for source: as other records cite it, else from the JSON, else from
    --kind and --as-of (and --as-of-label, the words the source gives its date under); kinds: the
    schema's source kinds, for a curator asked to give one."""
    for data in records:
        for i, s in enumerate(data.get("curation", {}).get("sources", [])):
            if isinstance(s, dict) and s.get("file") == source:
                entry = {
                    k: v for k, v in s.items() if k in ("file", "kind", "publisher", "as_of", "as_of_label", "url")
                }
                quote = data.get("evidence", {}).get(f"curation.sources.{i}.as_of")
                if kind:
                    entry["kind"] = kind
                if as_of and as_of != entry.get("as_of"):
                    entry["as_of"], quote = as_of, None
                if as_of_label and as_of_label != entry.get("as_of_label"):
                    entry["as_of_label"], quote = as_of_label, None
                return SourceEntry(entry, quote if isinstance(quote, str) else None)
    if study is not None:
        date = as_of or ctgov.as_of(study)
        quote = layouts.json_text(date, "lastUpdatePostDateStruct.date") if date == ctgov.as_of(study) else None
        return SourceEntry({"file": source, "kind": kind or ctgov.KIND, "as_of": date}, quote)
    if not (kind and as_of):
        # only what is missing is asked for: a curator who gave --kind was asked for it again
        ask_kind = f"--kind (one of {', '.join(kinds)})"
        # (with the label asked for at once: a press release's "Date: ..." was refused on the next run for it)
        ask_as_of = (
            "--as-of YYYY-MM-DD (the source's own as-of or last-updated date; and --as-of-label WORDS when "
            "the source gives it under words of its own, such as 'Date')"
        )
        if not (kind or as_of):
            asked = f"say what {source} is and how current: {ask_kind} and {ask_as_of}"
        elif not kind:
            asked = f"say what {source} is: {ask_kind}"
        else:
            asked = f"say how current {source} is: {ask_as_of}"
        raise pipeline.UsageError(asked)
    labelled = {"as_of_label": as_of_label} if as_of_label else {}
    return SourceEntry({"file": source, "kind": kind, "as_of": as_of, **labelled}, None)


def _title(nct: str, title: str | None, text: str, study: dict | None, records: list[dict], source: str) -> str:
    if title is not None:
        if evidence.normalise(title) not in text:
            raise pipeline.UsageError(
                f"the title {title!r} does not occur in {source}; copy it word for word from the source"
            )
        _refuse_a_title_that_belongs_elsewhere(nct, title, records)
        return title
    if study is not None:
        found = ctgov.clean(study["protocolSection"]["identificationModule"].get("briefTitle"))
        if found:
            return found
    for data in records:
        for rel in data.get("related_trials", []):
            if (
                isinstance(rel, dict)
                and rel.get("nct_id") == nct
                and isinstance(rel.get("title"), str)
                and evidence.normalise(rel["title"]) in text
            ):
                return rel["title"]
    raise pipeline.UsageError(
        f'cannot tell the trial\'s title from {source}; pass --title "..." as the source writes it'
    )


def _refuse_a_title_that_belongs_elsewhere(nct: str, title: str, records: list[dict]) -> None:
    """A --title that another record gives to a different trial, or that differs from the title the
    registry already gives this trial under related_trials, would only fail `trials check` (E304)."""
    wanted = evidence.normalise(title).casefold()
    for data in records:
        named = [(data.get("nct_id"), data.get("brief_title"))]
        named += [(r.get("nct_id"), r.get("title")) for r in data.get("related_trials", []) if isinstance(r, dict)]
        for other, other_title in named:
            if not isinstance(other_title, str):
                continue
            same = evidence.normalise(other_title).casefold() == wanted
            if other != nct and same:
                where = "its record" if other == data.get("nct_id") else f"{data.get('nct_id')}'s related_trials"
                raise pipeline.UsageError(
                    f"the title {title!r} is the title of {other} ({where}); give this trial its own title"
                )
            if other == nct and not same:
                raise pipeline.UsageError(
                    f"{data.get('nct_id')}'s record already calls {nct} {other_title!r}; "
                    "use that title (or fix that record first)"
                )


def _study(root: Path, source: str, nct: str) -> dict | None:
    if not source.endswith(".json"):
        return None
    raw = files.source_bytes(root / source)  # a regular file of at most files.MAX_SOURCE_BYTES, never a link's target
    if raw is None:
        return None
    try:
        studies = ctgov.read_studies(raw, source)
    except ctgov.BadInput:
        return None
    return next((s for s in studies if ctgov.nct_id(s) == nct), None)


# --- the command ----------------------------------------------------------------------------------


class Given(NamedTuple):
    """What the curator gave `trials new` (None: read it from the source or the registry)."""

    source: str | None = None
    title: str | None = None
    kind: str | None = None
    as_of: str | None = None
    as_of_label: str | None = None  # the words the source gives its as-of date under
    out_of_scope: str | None = None  # why the registry holds a trial its title shows out of scope (E114)


def build(root: Path, nct: str, given: Given) -> str:
    """The new file's text; UsageError when the id, source or title will not do."""
    source, title, kind, as_of, as_of_label, out_of_scope = given
    if out_of_scope is not None and not in_scope.is_reason(out_of_scope):
        raise pipeline.UsageError("--out-of-scope REASON: the reason, in your words, on one line")
    if not _NCT.match(nct):
        meant = ctgov.meant_id(nct)  # as `trials import` says it: "nct06513429" was refused with no word of it
        hint = f"; {meant}" if meant and meant.startswith("did") else ""
        raise pipeline.UsageError(f"{nct!r} is not an NCT id (NCT followed by exactly 8 ASCII digits){hint}")
    target = root / pipeline.TRIALS_DIR / f"{nct}.yaml"
    if target.exists():
        raise pipeline.UsageError(f"{pipeline.TRIALS_DIR}/{nct}.yaml exists already; edit it instead")
    schema = schema_mod.load_schema(root)
    kinds = fields.resolve(schema, schema["properties"]["curation"])["properties"]["sources"]["items"]["properties"][
        "kind"
    ]["enum"]
    if kind is not None and kind not in kinds:
        raise pipeline.UsageError(f"--kind {kind!r} is not a source kind: {', '.join(kinds)}")
    if as_of is not None and not _DATE.match(as_of):
        raise pipeline.UsageError(f"--as-of {as_of!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if source is None:
        found = _mentions(root, nct)
        if len(found) != 1:
            listed = f" ({', '.join(found)})" if found else ""
            # (a mistyped id is named as one --source would: "did you mean" the id a source names that is close)
            close = [] if found else difflib.get_close_matches(nct, _named(root), n=1, cutoff=0.7)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise pipeline.UsageError(
                f"{'no' if not found else len(found)} source document{'s' * (len(found) != 1)} under seeds/ "
                f"mention{'s' * (len(found) == 1)} {nct}{listed}{hint}; put the source under seeds/ "
                "(and its line in seeds/SHA256SUMS) and pass --source seeds/FILE"
            )
        source = found[0]
    if os.path.isabs(source):  # a path a shell completed: its part under the registry, read as written
        inside = os.path.relpath(os.path.abspath(source), os.path.abspath(root))  # lexical: no link is followed
        source = source if inside.startswith("..") else inside
    source = source.replace("\\", "/")
    if source.startswith("./"):
        source = source[2:]
    if files.SOURCE_PATH.match(source) and not os.path.lexists(root / source):  # a typo, or not put there yet
        raise pipeline.UsageError(
            f"--source {files.shown(source)}: no such file; put the document under seeds/ as received "
            "(and its line in seeds/SHA256SUMS) first"
        )
    if not files.SOURCE_PATH.match(source) or not files.is_regular(root / source) or source.endswith("/SHA256SUMS"):
        raise pipeline.UsageError(
            f"--source {files.shown(source)}: not a document under seeds/ (a plain file; give it as seeds/FILE)"
        )
    records = _records(root)
    study = _study(root, source, nct)
    text = documents.source_text(root, source) or ""  # a regular file, checked above
    if as_of_label is not None and (not layouts.normalise(as_of_label) or layouts.normalise(as_of_label) not in text):
        raise pipeline.UsageError(f"--as-of-label {as_of_label!r}: {source} does not write it; give its own words")
    named = sorted(set(re.findall(r"NCT[0-9]{8}", text)))  # the trials the source names
    if nct not in text:  # a record for a trial its source never names would be an invented one (E515)
        close = difflib.get_close_matches(nct, named, n=1, cutoff=0.7)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise pipeline.UsageError(
            f"{source} does not name {nct}{hint}; a record starts from a source that names its trial"
        )
    # what the curator must add (--title, --kind, --as-of) is asked for at once, not one run at a time
    asked: list[str] = []
    try:
        brief_title = _title(nct, title, text, study, records, source)
    except pipeline.UsageError as exc:
        asked.append(str(exc))
    try:
        entry, as_of_quote = _source_entry(root, source, records, study, kind, as_of, as_of_label, kinds)
    except pipeline.UsageError as exc:
        asked.append(str(exc))
    # the gate an import meets (curate/ctgov/scope.py), on what a new record holds: its title
    titled_in_scope = not asked and in_scope.shows({"brief_title": brief_title})
    if not asked and out_of_scope is None and not titled_in_scope:
        asked.append(
            f"its title ({brief_title}) shows neither lupus nor a CAR-T or related cell therapy, which this "
            "registry holds; if the trial belongs, say why: --out-of-scope REASON (kept as curation.out_of_scope)"
        )
    if asked:
        raise pipeline.UsageError("; and ".join(asked))
    if out_of_scope is not None and titled_in_scope:
        print(
            f"trials new: warning: {nct}'s title shows lupus or a cell therapy; --out-of-scope is not recorded for it",
            file=sys.stderr,
        )
        out_of_scope = None
    # a stub holds what another trial's source says of this one; a record started from this trial's
    # own source is a draft of its curation: a page whose layout names its trial, or a document of no
    # known layout (a press release, a publication) that names this trial and no other
    doc = documents.source_doc(root, source)
    if doc is not None and doc.for_trial(nct).about(nct) == []:  # plain text that says nothing of it alone
        others = ", ".join(sorted(doc.trials - {nct}))
        raise pipeline.UsageError(
            f"{source} names {nct} only on lines naming other trials too ({others}); plain text speaks of a "
            "trial from a line naming it alone to the next line naming a trial: cite a source that does"
        )
    about_this = doc is not None and (doc.subject == nct or (doc.subject is None and named == [nct]))
    status = "draft" if about_this else "stub"
    reason = {} if out_of_scope is None else {"out_of_scope": out_of_scope.strip()}
    record: dict[str, Any] = {
        "nct_id": nct,
        "brief_title": brief_title,
        "curation": {"status": status, **reason, "sources": [entry]},
    }
    # what the title the source gives a stub says of its product (a target antigen, autologous cells)
    # is a stub's to hold: left to the curator, and said so (E532 refuses a stub lacking it unsaid)
    stated = silence.titled(nct, [doc], schema) if doc is not None and not about_this else []
    if stated:
        record["curation"]["not_yet_curated"] = [name for name, _ in stated]
    quotes = {}
    if study is not None:
        quotes["nct_id"] = layouts.json_text(nct, "identificationModule.nctId")
    elif nct in text:
        quotes["nct_id"] = nct
    if as_of_quote is None:
        as_of_quote, label = _as_of_quote(root, source, record, quotes, schema)
        if label is not None:
            entry["as_of_label"] = label
    quotes["curation.sources.0.as_of"] = as_of_quote
    record["evidence"] = quotes
    lines = _header(nct) + _skeleton_lines(schema, record)
    return "\n".join(lines) + "\n"


_AS_OF = ("curation", "sources", 0, "as_of")
_AS_OF_LABEL = ("curation", "sources", 0, "as_of_label")
# The lines that write the as-of date checked at most, each a whole check of the record (a millisecond or
# more, longer the longer the source): a registry page writes its own date on one or two lines, and a
# source of a hundred thousand such lines kept `trials new` busy for hours.
MAX_AS_OF_LINES = 100


class AsOfQuote(NamedTuple):
    """The line of a source that states its as-of date, and the as-of label it gives the date under
    (one of date_mentions.AS_OF_LABELS, as written) when the record may hold it; None when it gives none."""

    quote: str
    label: str | None


def _as_of_quote(root: Path, source: str, record: dict, quotes: dict[str, str], schema: dict) -> AsOfQuote:
    """The first line of the source that states the record's as-of date, as the checks bind it: every
    value a record holds is quoted (E517), the source's own date as much as any. UsageError (nothing
    written) when no line does: the date given is not one the source states. The label the line
    gives the date under comes with it, for the record to hold as found (checked with it)."""
    entry = record["curation"]["sources"][0]
    raw = files.source_bytes(root / source) or b""
    as_of = str(entry["as_of"])
    seen: set[str] = set()
    memory = documents.Memory()  # the source read and parsed once, not once a line
    for line in _lines(root, source, raw):
        if as_of[:4] not in line:
            continue
        quote = layouts.normalise(line)
        # only a line that writes the date is checked: a source of many lines with the year in them
        # (a hostile page, or a long one) cost a whole check of the record each, minutes for thousands
        if quote in seen or not any(m.value == as_of for m in date_mentions.dates(quote)):
            continue
        seen.add(quote)
        if len(seen) > MAX_AS_OF_LINES:
            raise pipeline.UsageError(
                f"{source} writes {as_of} on more than {MAX_AS_OF_LINES} lines, and none of the first "
                f"{MAX_AS_OF_LINES} reads as its as-of date; give --as-of the date the source gives as its own"
            )
        quoted = {**record, "evidence": {**quotes, "curation.sources.0.as_of": quote}}
        if _binds_as_of(root, quoted, schema, memory):
            return AsOfQuote(quote, _label_found(root, quoted, quote, schema, memory))
    raise pipeline.UsageError(
        f"{source} states no as-of date {entry['as_of']} on a line of its own that the checks read as that date; "
        "give --as-of the date the source gives as its own, under one of the labels "
        f"{', '.join(repr(label) for label in date_mentions.AS_OF_LABELS)}, or under the words --as-of-label gives "
        "('Date', 'Published'): the record quotes it"
    )


def _lines(root: Path, source: str, raw: bytes) -> list[str]:
    """The source's lines an as-of quote may be: a JSON source's "key: value" lines first, as the
    checks read it (layouts.json_lines), then its lines as written. Only its lines as written were
    tried, and a JSON's are '"date": "2025-04-14",': a stub started from another trial's study JSON
    (its expanded access record, say) was refused the study's own lastUpdatePostDateStruct date,
    which the checks bind as "lastUpdatePostDateStruct.date: 2025-04-14" (an import's quote)."""
    text = raw.decode("utf-8", errors="replace")
    doc = documents.source_doc(root, source)
    read = layouts.source_json(source, text) if doc is not None and doc.form == layouts.JSON else None
    keyed = [layouts.json_line(key, value) for key, value in layouts.json_lines(read)] if read is not None else []
    return keyed + text.splitlines()


def _binds_as_of(root: Path, record: dict, schema: dict, memory: documents.Memory, *also: tuple) -> bool:
    """Whether the checks find nothing wrong with the record's as-of date and its quote (and the
    fields also names)."""
    text = fmt.render(record, schema)
    candidate, _ = load.parse(text, f"{pipeline.TRIALS_DIR}/{record['nct_id']}.yaml")
    if candidate is None:
        return False
    places = {candidate.where(path) for path in (_AS_OF, ("evidence", "curation.sources.0.as_of"), *also)}
    return not any((p.line, p.column) in places for p in evidence.check(candidate, schema, root, memory))


def _label_found(root: Path, record: dict, quote: str, schema: dict, memory: documents.Memory) -> str | None:
    """The as-of label the quote gives the record's as-of date under, when the record has none yet
    and holds this one with no problem (checked as held); else None."""
    entry = record["curation"]["sources"][0]
    label = None if "as_of_label" in entry else _as_of_label(quote, str(entry["as_of"]))
    if label is None:
        return None
    labelled = {**record, "curation": {**record["curation"], "sources": [{**entry, "as_of_label": label}]}}
    return label if _binds_as_of(root, labelled, schema, memory, _AS_OF_LABEL) else None


def _as_of_label(quote: str, as_of: str) -> str | None:
    """The as-of label (date_mentions.AS_OF_LABELS) the quote writes the date as_of under, as written."""
    labels = date_mentions.label_spans(
        quote, date_mentions.label_pattern(date_mentions.LABEL_TEXTS | set(date_mentions.AS_OF_LABELS))
    )
    for mention in date_mentions.dates(quote):
        label = date_mentions.label_of(quote, mention, labels) if mention.value == as_of else None
        if label in date_mentions.AS_OF_LABELS:
            return label
    return None


def _header(nct: str) -> list[str]:
    return [
        f"# {nct}: a record written by `trials new`. Every field of schema/trial.schema.json is listed, in order.",
        "# To fill one in from the cited sources, delete the '# ' that starts its lines (it keeps its place) and",
        "# give the source's value, word for word for text. Delete the fields the sources do not state, or name",
        "# them under curation.silent. curation.status says how far it is: stub (only what another trial's",
        "# source says of it), draft (curated in part), complete (reviewed, every value bound).",
    ]


def run(root: Path, nct: str, given: Given, out: TextIO | None = None) -> int:
    """Write trials/<nct>.yaml; UsageError (nothing written) when the id, source or title will not do."""
    out = out or sys.stdout
    text = build(root, nct, given)
    target = root / pipeline.TRIALS_DIR / f"{nct}.yaml"
    schema = schema_mod.load_schema(root)
    text = fmt.format_text(text, schema, f"{pipeline.TRIALS_DIR}/{nct}.yaml")
    target.parent.mkdir(exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:  # never overwrite
            handle.write(text)
    except FileExistsError:
        raise pipeline.UsageError(f"{pipeline.TRIALS_DIR}/{nct}.yaml exists already; edit it instead") from None
    record, _ = load.parse(text, nct)
    assert record is not None, "fmt.format_text returned text the loader cannot read"
    cited = ", ".join(s["file"] for s in record.data["curation"]["sources"])
    print(
        f"{pipeline.TRIALS_DIR}/{nct}.yaml written ({record.data['curation']['status']}) citing {cited}; "
        f"fill it in, then run {command.run('validate')}",
        file=out,
    )
    return 0
