"""Changes: what changed in a trial record, field by field, in words a reviewer reads.

describe(a, b) compares two versions of a record's data and gives each change of a field
("overall_status RECRUITING → COMPLETED", "enrollment added: 24"), long text as "reworded", criteria
lists as counts ("1 inclusion criterion reworded"), other lists by item; phrase() words one for text
or markdown, what a value holds that a reader cannot see (a look-alike letter, an invisible or
non-ASCII space) shown as its escape. `trials diff` (diff.py), `trials drift` and `trials import
--update` word their changes with it.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from sle_trials.files import printable
from sle_trials.patterns import lazy
from sle_trials.reading import lookalike

SHORT = 60  # text longer than this is reported as reworded, not quoted


MAX_ITEM_CHANGES = 4  # a list with more changed items is summarised by counts


_MISSING = object()


_CRITERIA = {("eligibility", "inclusion_criteria"): "inclusion", ("eligibility", "exclusion_criteria"): "exclusion"}


_LABEL_KEYS = (
    "nct_id",
    "label",
    "name",
    "facility",
    "file",
    "id",
    "pmid",
    "kind",
    "measure",
    "field",
    "citation",
    "text",
)


@dataclass
class Change:
    """One change: field (dotted path, '' for the record) and what happened to it."""

    field: str
    kind: str  # changed, added, removed, reworded, summary
    old: str | None = None
    new: str | None = None
    text: str | None = None  # for summary


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)


def short(value: Any) -> str:
    """A value in a few words: 24, 2024-07-30 (ACTUAL), 18 YEARS, [PHASE1, PHASE2], {…}."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        flat = " ".join(value.split())
        return flat if len(flat) <= SHORT else flat[: SHORT - 1] + "…"
    if isinstance(value, list):
        inner = ", ".join(short(v) for v in value)
        return f"[{inner}]" if len(inner) <= SHORT else f"{len(value)} item{'s' * (len(value) != 1)}"
    if isinstance(value, dict):
        if set(value) <= {"date", "type"} and "date" in value:
            return f"{value['date']}" + (f" ({value['type']})" if "type" in value else "")
        if set(value) <= {"count", "type"} and "count" in value:
            return f"{value['count']}" + (f" ({value['type']})" if "type" in value else "")
        if set(value) == {"value", "unit"}:
            return f"{value['value']} {value['unit']}"
        label = _label(value)
        if label:
            return label
        inner = ", ".join(f"{k}: {short(v)}" for k, v in value.items())
        return f"{{{inner}}}" if len(inner) <= SHORT else f"{len(value)} fields"
    return str(value)


def excerpts(a: str, b: str, context: int = 20) -> tuple[str, str]:
    """The two texts cut to where they differ, with a little context: ('…(Relma-cel) for…', '…(Relma-cel ) for…')."""
    a, b = " ".join(a.split()), " ".join(b.split())
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    end = 0
    while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    lo = max(0, start - context)
    lo = a.rfind(" ", 0, lo) + 1 if lo else 0  # whole words

    def cut(text: str) -> str:
        hi = min(len(text), len(text) - end + context)
        space = text.find(" ", hi)
        hi = len(text) if space < 0 else space
        piece = text[lo:hi]
        if len(piece) > 2 * SHORT:
            piece = piece[: 2 * SHORT] + "…"
        return ("…" if lo else "") + piece + ("…" if hi < len(text) and not piece.endswith("…") else "")

    return cut(a), cut(b)


def _atomic(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and any(
            set(value) <= shape and need in value
            for shape, need in (({"date", "type"}, "date"), ({"count", "type"}, "count"), ({"value", "unit"}, "value"))
        )
    )


def _label(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in _LABEL_KEYS:
            if isinstance(item.get(key), (str, int)) and not isinstance(item.get(key), bool):
                return short(str(item[key]))
    elif isinstance(item, (str, int, float)):
        return short(item)
    return None


def _key(item: Any) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def same(a: Any, b: Any) -> bool:
    """Whether two values are the same data: Python's == holds 6 == 6.0 == True, but `count: 6.0`
    is another value in the JSON export than `count: 6`, and the schema takes both; a change a
    reviewer is not shown must be none at all. The sentinel _MISSING is the same only as itself."""
    if a is _MISSING or b is _MISSING:
        return a is b
    return _key(a) == _key(b)


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _criteria(kind: str, a: list, b: list, path: tuple) -> list[Change]:
    def norm(item: Any) -> str:
        return " ".join(str(item.get("text", "")).split()).casefold() if isinstance(item, dict) else _key(item)

    counts = {"reworded": 0, "renumbered": 0, "added": 0, "removed": 0}
    matcher = difflib.SequenceMatcher(None, [_key(x) for x in a], [_key(x) for x in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for x, y in zip(olds, news):
            same_text = norm(x) == norm(y) and _key(x.get("sub_criteria")) == _key(y.get("sub_criteria"))
            counts["renumbered" if same_text else "reworded"] += 1
        counts["removed"] += max(0, len(olds) - len(news))
        counts["added"] += max(0, len(news) - len(olds))
    noun = f"{kind} criterion", f"{kind} criteria"
    return [Change(_dotted(path), "summary", text=f"{plural(n, *noun)} {verb}") for verb, n in counts.items() if n]


def _list(a: list, b: list, path: tuple) -> list[Change]:
    if all(not isinstance(x, (dict, list)) for x in a + b):
        if len(short(a)) + len(short(b)) <= 2 * SHORT and len(a) <= 6 and len(b) <= 6:
            return [Change(_dotted(path), "changed", short(a), short(b))]
        added = [x for x in b if x not in a]
        removed = [x for x in a if x not in b]
        parts = []
        if added:
            parts.append(
                "added "
                + ", ".join(repr(short(x)) for x in added[:5])
                + (f" and {len(added) - 5} more" if len(added) > 5 else "")
            )
        if removed:
            parts.append(
                "removed "
                + ", ".join(repr(short(x)) for x in removed[:5])
                + (f" and {len(removed) - 5} more" if len(removed) > 5 else "")
            )
        if not parts:
            parts.append("reordered")
        return [Change(_dotted(path), "summary", text="; ".join(parts))]
    out: list[Change] = []
    added, removed, pairs = [], [], []
    matcher = difflib.SequenceMatcher(None, [_key(x) for x in a], [_key(x) for x in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        pairs += list(zip(olds, news))
        removed += olds[len(news) :]
        added += news[len(olds) :]
    detail: list[Change] = []
    for i, j in pairs:
        detail += describe(a[i], b[j], path + (j,))
    if len(detail) <= MAX_ITEM_CHANGES:
        out += detail
    else:
        out.append(Change(_dotted(path), "summary", text=f"{plural(len(pairs), 'item', 'items')} changed"))
    label = _remark if path in _REMARKS else _label
    for places, items, verb in ((added, b, "added"), (removed, a, "removed")):
        if places:
            labels = [label(items[k]) or f"#{k}" for k in places]
            shown = ", ".join(labels[:5]) + (" …" if len(labels) > 5 else "")
            out.append(Change(_dotted(path), "summary", text=f"{len(places)} {verb}: {shown}"))
    return out


# The curator's remarks that excuse what the checks would refuse (a limit left in a criterion's text,
# the words of a field declared silent, a reading beyond a quote's words): one added or removed is
# shown with its text, which is what excuses, not by its field alone ("1 added: eligibility")
_REMARKS = (("curation", "notes"), ("curation", "incomplete"))


REMARK_SHOWN = 400  # characters of a remark's text shown


def _remark(item: Any) -> str | None:
    """A remark as a reviewer reads it: its field and its text (the first REMARK_SHOWN characters)."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return None
    flat = " ".join(item["text"].split())
    text = flat if len(flat) <= REMARK_SHOWN else flat[: REMARK_SHOWN - 1] + "…"
    field = item.get("field")
    return f"{field}: “{text}”" if isinstance(field, str) else f"“{text}”"


def _evidence(a: dict, b: dict, path: tuple) -> list[Change]:
    added = sum(1 for k in b if k not in a)
    removed = sum(1 for k in a if k not in b)
    changed = sum(1 for k in b if k in a and a[k] != b[k])
    parts = [f"{n} {verb}" for n, verb in ((added, "added"), (changed, "changed"), (removed, "removed")) if n]
    return [Change(_dotted(path), "summary", text=f"quotes {', '.join(parts)}")] if parts else []


def describe(a: Any, b: Any, path: tuple = ()) -> list[Change]:
    """The changes from a to b (records, or any values below them); _MISSING or None for no record."""
    a = _MISSING if a is None and not path else a
    b = _MISSING if b is None and not path else b
    if same(a, b):
        return []
    if a is _MISSING:
        return [Change(_dotted(path), "added", new=short(b))]
    if b is _MISSING:
        return [Change(_dotted(path), "removed", old=short(a))]
    if path in _CRITERIA and isinstance(a, list) and isinstance(b, list):
        return _criteria(_CRITERIA[path], a, b, path)
    if path == ("evidence",) and isinstance(a, dict) and isinstance(b, dict):
        return _evidence(a, b, path)
    if _atomic(a) and _atomic(b):  # a date, a count, an age: one value, however many keys
        return [Change(_dotted(path), "changed", short(a), short(b))]
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[Change] = []
        for key in list(b) + [k for k in a if k not in b]:
            out += describe(a.get(key, _MISSING), b.get(key, _MISSING), path + (key,))
        return out
    if isinstance(a, list) and isinstance(b, list):
        return _list(a, b, path)
    if isinstance(a, str) and isinstance(b, str) and (len(a) > SHORT or len(b) > SHORT or "\n" in a + b):
        return [Change(_dotted(path), "reworded", *excerpts(a, b))]
    return [Change(_dotted(path), "changed", short(a), short(b))]


# Markdown's and HTML's special characters, for a value printed as Markdown text (a title, a note):
# a backslash makes each ASCII punctuation mark literal; ':' and '@' too, so that no link is made of
# a value.
_MARKDOWN = lazy(r"[\\`*_{}\[\]()#+\-.!|~:@]")
# GitHub makes mentions ("@name", "@org/team") and issue references ("#12", "owner/repo#12", "GH-12")
# of the text it has rendered, after Markdown's escapes are read: an escaped "\\@name" still mentions,
# and notifies, @name (github/markup#1168, github/cmark-gfm#181). An empty HTML comment between the
# sign and the name or number parts them into two texts, and shows nothing.
_GITHUB_REFERENCE = lazy(r"\\@(?=[A-Za-z0-9])|\\#(?=[0-9])|(?<=\b[Gg][Hh])\\-(?=[0-9])")


def markdown_text(text: str) -> str:
    """A value as Markdown that renders as exactly itself, inert: `<img src=x onerror=...>` shows as
    text, `[click](javascript:...)` is no link, "@someone" or "#12" no mention or reference on GitHub,
    and a line break cannot start a new line."""
    text = printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN.sub(lambda m: "\\" + m.group(), text)
    return _GITHUB_REFERENCE.sub(lambda m: m.group()[1] + "<!-- -->", text)


def markdown_code(text: str | None) -> str:
    """A value as a Markdown code span, which shows its content literally: only a backtick (which
    would end the span) and what is not printable need care."""
    return f"`{printable(text or '').replace('`', chr(39))}`"


def unmasked(text: str) -> str:
    """text with each character that shows a reader another, ASCII one (a Cyrillic "М" shows "M", a
    "З" shows "3": reading/lookalike.py; a no-break or an em space shows a space) written as its
    escape ("\\u041c", "\\u00a0"). A title changed from "IM19 …" to "IМ19 …" (a Cyrillic EM), or to
    "IM19\\u00a0CAR-T …", was summarised as reworded from one to the same words."""
    if text.isascii():
        return text
    return "".join(f"\\u{ord(c):04x}" if _masks(c) else c for c in text)


def _masks(c: str) -> bool:
    if c.isascii():
        return False
    if lookalike.letters(c) != c or c.isspace():
        return True
    # a letter that shows a digit ("З"): not a superscript or a full-width one
    return lookalike.shows_a_digit(c) and not c.isdigit() and unicodedata.normalize("NFKC", c) == c


def phrase(change: Change, markdown: bool = False) -> str:
    def quote(text: str | None) -> str:
        return code(text) if markdown else f"“{unmasked(text or '')}”"

    def code(text: str | None) -> str:
        return markdown_code(unmasked(text or "")) if markdown else unmasked(text or "")

    name = code(change.field) if change.field else ""
    if change.kind == "changed":
        return f"{name} {code(change.old)} → {code(change.new)}"
    if change.kind == "added":
        return f"{name} added: {code(change.new)}"
    if change.kind == "removed":
        return f"{name} removed (was {code(change.old)})"
    if change.kind == "reworded":
        return f"{name} reworded" + (f": {quote(change.old)} → {quote(change.new)}" if change.old is not None else "")
    text = markdown_text(change.text or "") if markdown else change.text or ""
    if change.field in (".".join(p) for p in _CRITERIA):
        return text
    return f"{name}: {text}" if name else text


def phrases(changes: list[Change]) -> list[str]:
    return [phrase(c) for c in changes]
