"""Diff: what changed in the trial data between two git revisions, field by field, for a reviewer.

    trials diff [BASE] [HEAD] [--format text|markdown|json]

BASE defaults to where the branch left origin/main (`git merge-base origin/main HEAD`) when the
clone has origin/main, else to HEAD~1. HEAD defaults to the working tree (committed or not); give a
revision to compare two commits. Records are read with the strict loader; a change is reported per
field ("overall_status RECRUITING → COMPLETED", "enrollment added: 24"), long text as "reworded",
criteria lists as counts ("1 inclusion criterion reworded"), other lists by item.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from sle_trials import files
from sle_trials.checks import load
from sle_trials.engine import pipeline
from sle_trials.files import printable

FORMATS = ("text", "markdown", "json")
SHORT = 60  # text longer than this is reported as reworded, not quoted
MAX_ITEM_CHANGES = 4  # a list with more changed items is summarised by counts
_MISSING = object()
_CRITERIA = {("eligibility", "inclusion_criteria"): "inclusion", ("eligibility", "exclusion_criteria"): "exclusion"}
_LABEL_KEYS = ("nct_id", "label", "name", "facility", "file", "id", "pmid", "kind", "measure", "field", "citation", "text")
_TRIAL = re.compile(r"NCT[0-9]{8}\.yaml\Z")


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
    return isinstance(value, dict) and bool(value) and any(
        set(value) <= shape and need in value for shape, need in (({"date", "type"}, "date"), ({"count", "type"}, "count"),
                                                                   ({"value", "unit"}, "value")))


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


def _plural(n: int, one: str, many: str) -> str:
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
    return [Change(_dotted(path), "summary", text=f"{_plural(n, *noun)} {verb}") for verb, n in counts.items() if n]


def _list(a: list, b: list, path: tuple) -> list[Change]:
    if all(not isinstance(x, (dict, list)) for x in a + b):
        if len(short(a)) + len(short(b)) <= 2 * SHORT and len(a) <= 6 and len(b) <= 6:
            return [Change(_dotted(path), "changed", short(a), short(b))]
        added = [x for x in b if x not in a]
        removed = [x for x in a if x not in b]
        parts = []
        if added:
            parts.append("added " + ", ".join(repr(short(x)) for x in added[:5]) + (f" and {len(added) - 5} more" if len(added) > 5 else ""))
        if removed:
            parts.append("removed " + ", ".join(repr(short(x)) for x in removed[:5]) + (f" and {len(removed) - 5} more" if len(removed) > 5 else ""))
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
        removed += olds[len(news):]
        added += news[len(olds):]
    detail: list[Change] = []
    for i, j in pairs:
        detail += describe(a[i], b[j], path + (j,))
    if len(detail) <= MAX_ITEM_CHANGES:
        out += detail
    else:
        out.append(Change(_dotted(path), "summary", text=f"{_plural(len(pairs), 'item', 'items')} changed"))
    if added:
        labels = [_label(b[j]) or f"#{j}" for j in added]
        out.append(Change(_dotted(path), "summary", text=f"{len(added)} added: " + ", ".join(labels[:5]) + (" …" if len(labels) > 5 else "")))
    if removed:
        labels = [_label(a[i]) or f"#{i}" for i in removed]
        out.append(Change(_dotted(path), "summary", text=f"{len(removed)} removed: " + ", ".join(labels[:5]) + (" …" if len(labels) > 5 else "")))
    return out


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
    if a == b:
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
# a backslash makes each ASCII punctuation mark literal; ':' and '@' too, so that no link or mention
# is made of a value.
_MARKDOWN = re.compile(r"[\\`*_{}\[\]()#+\-.!|~:@]")


def markdown_text(text: str) -> str:
    """A value as Markdown that renders as exactly itself, inert: `<img src=x onerror=...>` shows as
    text, `[click](javascript:...)` is no link, and a line break cannot start a new line."""
    text = printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(lambda m: "\\" + m.group(), text)


def markdown_code(text: str | None) -> str:
    """A value as a Markdown code span, which shows its content literally: only a backtick (which
    would end the span) and what is not printable need care."""
    return f"`{printable(text or '').replace('`', chr(39))}`"


def phrase(change: Change, markdown: bool = False) -> str:
    def quote(text: str | None) -> str:
        return code(text) if markdown else f"“{text}”"

    def code(text: str | None) -> str:
        return markdown_code(text) if markdown else (text or "")

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


# --- git ------------------------------------------------------------------------------------------


def _git(root: Path, *args: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120)
    except FileNotFoundError:
        raise pipeline.UsageError("git is not installed; trials diff needs it") from None
    if result.returncode not in ok:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise pipeline.UsageError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return result


def _verify(root: Path, rev: str) -> bool:
    return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", ok=(0, 1, 128)).returncode == 0


def default_base(root: Path, head: str | None) -> str:
    if _verify(root, "origin/main"):
        return _git(root, "merge-base", "origin/main", head or "HEAD").stdout.decode().strip()
    if _verify(root, "HEAD~1"):
        return "HEAD~1"
    raise pipeline.UsageError("no BASE given, and neither origin/main nor HEAD~1 exists; name the revision to compare with")


@dataclass
class Version:
    files: dict[str, bytes]  # trial file name -> bytes
    seeds: set[str]
    refused: dict[str, str]  # trial file name -> why it was not read (a link, a pipe, ...)


def _at_revision(root: Path, rev: str, prefix: str) -> Version:
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", rev, "--", f"{prefix}trials/", f"{prefix}seeds/").stdout
    files, seeds = {}, set()
    for name in listing.decode("utf-8", "replace").split("\0"):
        rel = name[len(prefix):] if name.startswith(prefix) else name
        if rel.startswith("trials/") and _TRIAL.match(rel[len("trials/"):]):
            files[rel[len("trials/"):]] = _git(root, "cat-file", "blob", f"{rev}:{name}").stdout
        elif rel.startswith("seeds/") and "/" not in rel[len("seeds/"):] and rel != "seeds/SHA256SUMS":
            seeds.add(rel)
    return Version(files, seeds, {})


def _working_tree(root: Path) -> Version:
    """The trial files as they are on disk, each read through load.read: a link, a pipe or a file
    over 1 MiB is refused (its E001 or E004 noted), never read."""
    version = Version({}, set(pipeline.seed_files(root)), {})
    for path in pipeline.trial_files(root):
        if _TRIAL.match(path.name):
            raw, problems, _ = load.read(path, f"trials/{path.name}")
            if raw is None:
                version.refused[path.name] = f"{problems[0].code} {problems[0].message}"
            else:
                version.files[path.name] = raw
    return version


def _data(raw: bytes, name: str) -> tuple[dict | None, str | None]:
    text, problems = load.check_text(raw, name)
    if text is None:
        return None, f"{problems[0].code} {problems[0].message}"
    record, problems = load.parse(text, name)
    if record is None:
        return None, f"{problems[0].code} {problems[0].message}"
    return record.data, None


@dataclass
class RecordDiff:
    nct_id: str
    status: str  # added, removed, changed, unreadable
    title: str | None
    changes: list[Change]
    note: str | None = None


def _record(version: Version, name: str) -> tuple[dict | None, str | None]:
    """(the record's data, or why it cannot be read); (None, None) when the version has no such file."""
    if name in version.refused:
        return None, version.refused[name]
    return _data(version.files[name], f"trials/{name}") if name in version.files else (None, None)


def compare(base: Version, head: Version, base_name: str, head_name: str) -> tuple[list[RecordDiff], list[Change]]:
    out = []
    for name in sorted(set(base.files) | set(head.files) | set(base.refused) | set(head.refused)):
        nct = name.removesuffix(".yaml")
        a, a_err = _record(base, name)
        b, b_err = _record(head, name)
        if a_err or b_err:
            if name in base.files and name in head.files and base.files[name] == head.files[name]:
                continue
            where = head_name if b_err else base_name
            out.append(RecordDiff(nct, "unreadable", None, [], f"cannot be read at {where} ({b_err or a_err})"))
            continue
        if a == b:
            continue
        title = (b or a or {}).get("brief_title")
        if a is None:
            out.append(RecordDiff(nct, "added", title, []))
        elif b is None:
            out.append(RecordDiff(nct, "removed", title, []))
        else:
            changes = describe(a, b)  # the trial's data first, then its curation and evidence
            out.append(RecordDiff(nct, "changed", title, sorted(changes, key=lambda c: c.field.split(".")[0] in ("curation", "evidence"))))
    seeds = []
    added, removed = sorted(head.seeds - base.seeds), sorted(base.seeds - head.seeds)
    if added:
        seeds.append(Change("seeds", "summary", text="added " + ", ".join(map(files.shown, added))))
    if removed:
        seeds.append(Change("seeds", "summary", text="removed " + ", ".join(map(files.shown, removed))))
    return out, seeds


def render(diffs: list[RecordDiff], seeds: list[Change], base_name: str, head_name: str, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump({"base": base_name, "head": head_name,
                   "records": [{**asdict(d), "changes": [{**asdict(c), "phrase": phrase(c)} for c in d.changes]} for d in diffs],
                   "seeds": [phrase(c) for c in seeds]}, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    counts = {s: sum(1 for d in diffs if d.status == s) for s in ("added", "changed", "removed", "unreadable")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no changes"
    if fmt == "markdown":  # a pull request's job summary: every value escaped, nothing in it renders as markup
        out.write(f"### Trial data: {markdown_code(base_name)} → {markdown_code(head_name)}\n\n")
        out.write(f"{_plural(len(diffs), 'record', 'records')}: {summary}\n\n" if diffs else "No changes to the trial records.\n\n")
        for d in diffs:
            title = f" — {markdown_text(d.title)}" if d.title else ""
            if d.status == "changed":
                out.write(f"- **{markdown_text(d.nct_id)}**{title}\n")
                for c in d.changes:
                    out.write(f"  - {phrase(c, markdown=True)}\n")
            else:
                out.write(f"- **{markdown_text(d.nct_id)}**{title}: {markdown_text(_status(d))}\n")
        for c in seeds:
            out.write(f"- {phrase(c, markdown=True)}\n")
        return
    lines = []  # text: each line escaped where it is not printable, so no value starts a line of its own
    for d in diffs:
        if d.status == "changed":
            lines.append(f"{d.nct_id}: {'; '.join(phrase(c) for c in d.changes)}")
        else:
            lines.append(f"{d.nct_id}: {_status(d)}" + (f": {d.title}" if d.title and d.status == "added" else ""))
    lines += [phrase(c) for c in seeds]
    lines.append(f"{base_name} → {head_name}: {summary}")
    out.writelines(printable(line) + "\n" for line in lines)


def _status(d: RecordDiff) -> str:
    return {"added": "new record", "removed": "record removed"}.get(d.status, d.note or d.status)


def run(root: Path, base: str | None, head: str | None, fmt: str, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    top = Path(_git(root, "rev-parse", "--show-toplevel").stdout.decode().strip())
    try:
        prefix = root.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise pipeline.UsageError(f"{root} is not inside the git work tree {top}") from None
    prefix = "" if prefix == "." else prefix + "/"
    for rev in (base, head):
        if rev is not None and not _verify(root, rev):
            raise pipeline.UsageError(f"{rev!r} is not a revision in this repository")
    base = base or default_base(root, head)
    before = _at_revision(top, base, prefix)
    after = _at_revision(top, head, prefix) if head else _working_tree(root)
    base_name = printable(_describe_rev(root, base))  # a revision as given on the command line
    head_name = printable(_describe_rev(root, head)) if head else "working tree"
    diffs, seeds = compare(before, after, base_name, head_name)
    render(diffs, seeds, base_name, head_name, fmt, out)
    return 0


def _describe_rev(root: Path, rev: str) -> str:
    """How a revision is named in the report: the name given and its short hash."""
    sha = _git(root, "rev-parse", "--short", f"{rev}^{{commit}}").stdout.decode().strip()
    return sha if re.fullmatch(r"[0-9a-f]{7,40}", rev) else f"{rev} ({sha})"
