"""Evidence: every value traceable to the words of its source.

Two checks on one schema-valid record, against the source documents it cites:
- verbatim fields (schema `x-verbatim`) must occur in a cited source, and a numbered criterion's
  number must stand before its text there;
- the `evidence` mapping pins structured values to quotes: each path must exist in the record, each
  quote must occur in a cited source, and every number or date under the path must appear in a quote.
Text is compared after normalising Unicode (NFKC), white space and markdown backslash escapes, so
`1×10\\^6` in a scraped page matches `1×10^6` in the record. A miss shows the closest source passage.
A `.json` source (a ClinicalTrials.gov study) is read as the text of its values (json_text).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any, Iterator

from . import fields
from .criteria_text import ESCAPE
from .load import Record
from .memo import TextMemo
from .problem import Problem

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def normalise(text: str) -> str:
    if not text.isascii():  # NFKC leaves ASCII as it is; most values are ASCII
        text = unicodedata.normalize("NFKC", text)
    if "\\" in text:
        text = ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def json_string(value: str) -> str:
    """A string from a JSON source as records quote it: CR LF and CR become LF, other control and
    line-separator characters a space, invisible format characters (zero-width, soft hyphen, bidi
    marks) nothing. trials import applies the same to the text it copies."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kinds = {c: unicodedata.category(c) for c in set(value)}
    return "".join(c if c == "\n" else " " if kinds[c] in ("Cc", "Zl", "Zp") else "" if kinds[c] == "Cf" else c for c in value)


def json_scalars(node: Any) -> list[str]:
    """Every scalar value of a JSON value in document order: strings decoded, numbers and booleans as
    JSON writes them; keys and nulls left out (how a JSON source is read, and how imports quote it)."""
    out: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)
        elif isinstance(item, str):
            out.append(json_string(item))
        elif isinstance(item, bool):
            out.append("true" if item else "false")
        elif isinstance(item, (int, float)):
            out.append(json.dumps(item))

    walk(node)
    return out


def json_text(raw: str) -> str:
    """A JSON source (e.g. a ClinicalTrials.gov study) as text: its scalar values, one per line."""
    return "\n".join(json_scalars(json.loads(raw)))


@lru_cache(maxsize=256)
def _source_text(file: str, stamp: tuple[int, int]) -> str:
    path = Path(file)
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() == ".json":
        try:
            text = json_text(text)
        except (ValueError, RecursionError):
            pass  # not JSON after all: compared as the text it is
    return normalise(text)


def source_text(file: Path | str) -> str | None:
    """A source's normalised text; None when it is not a regular file (rules report a cited one, E108).
    One stat a call, remembered by modification time and size: this runs for every record of a check."""
    try:
        stat = os.stat(file)
    except (OSError, ValueError):
        return None
    return _source_text(os.fspath(file), (stat.st_mtime_ns, stat.st_size)) if S_ISREG(stat.st_mode) else None


def closest(needle: str, haystack: str) -> str:
    """The passage of haystack most like needle (difflib), aligned to needle's ends."""
    a, b, _ = difflib.SequenceMatcher(None, needle, haystack, autojunk=False).find_longest_match(0, len(needle), 0, len(haystack))
    lo = max(0, b - a - 20)
    window = haystack[lo : b - a + len(needle) + 20]
    blocks = [m for m in difflib.SequenceMatcher(None, needle, window, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return ""
    first, last = blocks[0], blocks[-1]
    return window[max(0, first.b - first.a) : last.b + last.size + (len(needle) - last.a - last.size)]


def excerpt(text: str, at: int, width: int = 70) -> str:
    lo = max(0, at - width // 2)
    return ("…" if lo else "") + text[lo : lo + width] + ("…" if lo + width < len(text) else "")


def difference(needle: str, passage: str) -> str:
    """Both texts cut around their first difference: 'record has "…", source has "…"'."""
    at = next((i for i, (x, y) in enumerate(zip(needle, passage)) if x != y), min(len(needle), len(passage)))
    return f'the record has "{excerpt(needle, at)}", the source has "{excerpt(passage, at)}"'


def _number_forms(value: float) -> set[str]:
    forms = {f"{value:g}", repr(value)}
    if float(value).is_integer():
        n = int(value)
        forms |= {str(n), f"{n:,}"}
        exponent = len(str(n)) - len(str(n).rstrip("0"))
        mantissa = n // 10**exponent if exponent else n
        if exponent >= 3:
            forms |= {f"{mantissa}×10^{exponent}", f"{mantissa}x10^{exponent}", f"{mantissa}e{exponent}"}
            if mantissa == 1:
                forms.add(f"10^{exponent}")
    return forms


def _date_forms(value: str) -> set[str]:
    forms = {value}
    parts = value.split("-")
    if len(parts) >= 2:
        year, month = parts[0], _MONTHS[int(parts[1]) - 1]
        if len(parts) == 3:
            day = str(int(parts[2]))
            forms |= {f"{m} {day}, {year}" for m in (month, month[:3])} | {f"{day} {m} {year}" for m in (month, month[:3])}
        else:
            forms |= {f"{month} {year}", f"{month[:3]} {year}"}
    return forms


def value_in_quote(value: Any, node: dict, quote: str) -> bool:
    """Whether a number or date is written in the quote; other values are not checked here."""
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        return any(re.search(rf"(?<![0-9.]){re.escape(f)}(?![0-9])", quote) for f in _number_forms(value))
    if isinstance(value, str) and node.get("pattern", "").startswith("^[0-9]{4}"):
        return any(f in quote for f in _date_forms(value))
    return True


MAX_SEARCHES = 20
# The texts of a set of cited sources -> {text: whether they contain it, (number, criterion): whether
# they number it so}. Records that cite the same sources quote the same sentences (the criteria, the
# arms); each is searched for once a run. At most 16 sets of sources, 2 million characters of text each.
_FOUND: dict[tuple[str, ...], TextMemo] = {}


class Sources:
    """The normalised text of the sources one record cites."""

    def __init__(self, record: Record, root: Path) -> None:
        self.texts: dict[str, str] = {}
        self.searches = 0
        for source in record.data["curation"]["sources"]:
            text = source_text(os.path.join(root, source["file"]))
            if text is not None:  # a missing source is reported by rules (E108)
                self.texts[source["file"]] = text
        if len(_FOUND) > 16:
            _FOUND.clear()
        key = tuple(self.texts.values())
        if key not in _FOUND:
            _FOUND[key] = TextMemo(2_000_000)
        self._found = _FOUND[key]

    def contains(self, text: str) -> bool:
        found = self._found.get(text)
        if found is None:
            found = self._found.remember(text, self._search(text))
        return found

    def numbers(self, number: int, text: str) -> bool:
        """Whether a source gives the criterion this number: "3) text" or "3. text". Remembered by
        (the number as written, text), so that a criterion seen before costs no long new string.
        Not by the number itself: 3 and 3.0 are equal keys, and the source may say "3)" but not "3.0)"."""
        written = f"{number}"
        key = (written, text)
        found = self._found.get(key)  # type: ignore[call-overload]
        if found is None:
            found = any(self._search(f"{written}{mark} {text}") for mark in (")", "."))
            self._found.remember(key, found, len(text))
        return found

    def _search(self, text: str) -> bool:
        needle = normalise(text)
        return any(needle in t for t in self.texts.values())

    def closest(self, text: str) -> str:
        """Where the text comes nearest to a cited source, for the curator to compare.

        difflib is quadratic; a hostile record with thousands of long misses must not take minutes,
        so the search is made for the first MAX_SEARCHES misses of a record, on at most 2,000 characters."""
        self.searches += 1
        if self.searches > MAX_SEARCHES:
            return "(no nearest passage shown past the first misses of this record)"
        needle = normalise(text)[:2000]

        def longest(item: tuple[str, str]) -> int:
            return difflib.SequenceMatcher(None, needle, item[1], autojunk=False).find_longest_match(0, len(needle), 0, len(item[1])).size

        name, haystack = max(sorted(self.texts.items()), key=longest)
        return f"{name}: {difference(needle, closest(needle, haystack))}"


def _at(record: Record, path: fields.Path_, code: str, message: str, *, key: bool = False) -> Problem:
    line, col = record.where(path, key=key)
    return Problem(record.path, line, col, code, message)


def check_verbatim(record: Record, schema: dict, sources: Sources) -> Iterator[Problem]:
    for path, value, holder in fields.verbatim_texts(record.data, schema):
        if not sources.contains(value):
            yield _at(record, path, "E501", f"{fields.dotted(path)}: text not found in the cited source; nearest is {sources.closest(value)}")
        elif path[-1] == "text" and len(path) >= 2:  # the holder is the criterion (a mapping with "text")
            number = holder.get("number")
            if number is not None and not sources.numbers(number, value):
                yield _at(record, path[:-1] + ("number",), "E504", f"{fields.dotted(path[:-1])}: the source does not number this criterion {number}")


def check_evidence(record: Record, schema: dict, sources: Sources) -> Iterator[Problem]:
    for key, quotes in record.data.get("evidence", {}).items():
        where = ("evidence", key)
        path = fields.parse_dotted(key)
        found, value = fields.get(record.data, path)
        if not found or path[0] == "evidence":
            yield _at(record, where, "E503", f"evidence for {key}: the record has no such field", key=True)
            continue
        quotes = [quotes] if isinstance(quotes, str) else quotes
        for i, quote in enumerate(quotes):
            if not sources.contains(quote):
                at = where if len(quotes) == 1 and isinstance(record.data["evidence"][key], str) else where + (i,)
                yield _at(record, at, "E502", f"evidence for {key}: quote not found in the cited source; nearest is {sources.closest(quote)}")
        said = " ".join(normalise(q) for q in quotes)
        for leaf_path, leaf, node in fields.leaves(value, schema, _node_at(schema, path)):
            if fields.needs_evidence(path + leaf_path, node) and not value_in_quote(leaf, node, said):
                yield _at(record, where, "E505", f"evidence for {key}: {fields.dotted(path + leaf_path)} is {leaf!r}, which the quote does not say", key=True)


def _node_at(schema: dict, path: fields.Path_) -> dict:
    node = fields.resolve(schema, schema)
    for part in path:
        node = fields.resolve(schema, node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {}))
    return node


_KNOWN: list[tuple[dict, set[str]]] = []


def _known(schema: dict) -> set[str]:
    """The dotted field names coverage reports on."""
    return fields.per_schema(_KNOWN, schema, lambda s: {fields.dotted(p) for p in fields.field_names(s)})


def check_absent(record: Record, schema: dict) -> Iterator[Problem]:
    """Fields a record declares silent or not yet curated must be schema fields the record lacks."""
    known = _known(schema)
    for kind in ("silent", "not_yet_curated"):
        for i, name in enumerate(record.data["curation"].get(kind, [])):
            where = ("curation", kind, i)
            if name not in known:
                yield _at(record, where, "E506", f"curation.{kind}: {name} is not a field coverage reports on")
            elif fields.get(record.data, fields.parse_dotted(name))[0]:
                yield _at(record, where, "E506", f"curation.{kind}: {name} is declared absent but the record has it")


def covered(record: Record, schema: dict) -> tuple[list[fields.Path_], list[fields.Path_]]:
    """(structured values with evidence, structured values without) for coverage."""
    pinned = [fields.parse_dotted(k) for k in record.data.get("evidence", {})]
    yes, no = [], []
    for path, _, node in fields.leaves(record.data, schema):
        if fields.needs_evidence(path, node):
            (yes if any(path[: len(p)] == p for p in pinned) else no).append(path)
    return yes, no


def check(record: Record, schema: dict, root: Path) -> list[Problem]:
    problems = list(check_absent(record, schema))
    sources = Sources(record, root)
    if sources.texts:  # with no readable source, E108 has said why
        problems += [*check_verbatim(record, schema, sources), *check_evidence(record, schema, sources)]
    return problems
