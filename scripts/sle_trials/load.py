"""Load: turn a trial file into data plus source positions, or into problems.

Only a strict subset of YAML is accepted, because trial files come from many hands: UTF-8 text
without tabs, NULs, byte-order marks, CR line ends, invisible characters or merge-conflict markers;
then exactly one document whose top is a mapping, with no anchors, aliases, merge keys or explicit
tags, no duplicate or non-text keys, and no deeper nesting than a record needs.

The YAML is read as a stream of parser events (libyaml through ruamel.yaml's C extension) and the
data is built here, so nothing is ever constructed from a tag and an alias is never expanded: an
alias bomb costs one event. Scalars are resolved with the YAML 1.2 core schema, except that dates
stay text (a date is read as text whether or not it is quoted).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from .problem import Problem

MAX_BYTES = 1024 * 1024
# The schema's deepest path is eligibility.inclusion_criteria[].sub_criteria[].sub_criteria[].text,
# 7 containers deep; 10 leaves room for the evidence and notes blocks and refuses anything silly.
MAX_DEPTH = 10
# A hostile file could repeat one mistake a million times; the first ones are enough to fix it.
MAX_PROBLEMS_PER_FILE = 50

Pos = tuple[int, int]
Path_ = tuple[Any, ...]  # a path into the data: keys and list indexes


@dataclass
class Record:
    """A loaded trial file: its data and where each key and value sits in the text."""

    path: str
    data: dict[str, Any]
    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> Pos:
        """Line and column of the value (or key) at path, else of its nearest ancestor."""
        path = tuple(path)
        while path:
            found = (self.keys if key else self.values).get(path) or self.values.get(path)
            if found:
                return found
            path = path[:-1]
        return (1, 1)


_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
# Characters that are invisible or reorder text (Trojan Source, CVE-2021-42574): they make a value
# differ from what a reviewer sees. Tabs, CR and NUL have codes of their own.
_INVISIBLE = re.compile(
    "[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_RESOLVER = VersionedResolver(version=(1, 2))
_YAML = YAML(typ="safe", pure=False)  # the C parser when ruamel.yaml.clib is installed


def _line_col(text: str, offset: int) -> Pos:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def _char(c: str) -> str:
    return f"U+{ord(c):04X} {unicodedata.name(c, 'control character')}"


def check_text(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """The checks on bytes and characters, before any YAML is parsed."""
    problems: list[Problem] = []
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, 0, 0, "E004", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,} (1 MiB)")]
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(path, 1, 1, "E016", "UTF-8 byte-order mark at the start of the file; save as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(good, len(good))
        problems.append(Problem(path, line, col, "E002", f"invalid UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start}); save the file as UTF-8"))
        return None, problems
    checks = [
        ("\x00", "E003", "NUL byte; the file looks binary"),
        ("\r", "E017", "CR line end; save with LF (\\n) line ends"),
        ("\t", "E005", "tab character; indent and separate with spaces"),
    ]
    for needle, code, message in checks:
        at = text.find(needle)
        if at >= 0:
            count = text.count(needle)
            more = f" ({count - 1} more)" if count > 1 else ""
            problems.append(Problem(path, *_line_col(text, at), code, message + more))
    for match in _CONFLICT.finditer(text):
        problems.append(Problem(path, *_line_col(text, match.start()), "E006", f"unresolved merge conflict: marker {match.group(1)!r}; resolve the conflict and remove the markers"))
    for match in _INVISIBLE.finditer(text):
        problems.append(Problem(path, *_line_col(text, match.start()), "E020", f"invisible or control character {_char(match.group())}; remove it"))
    return (None if problems else text), problems[:MAX_PROBLEMS_PER_FILE]


def _int(value: str) -> int:
    v = value.replace("_", "")
    sign = -1 if v.startswith("-") else 1
    v = v.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if v.lower().startswith(prefix):
            return sign * int(v[2:], base)
    return sign * int(v, 10)


class _Builder:
    """Builds plain dicts, lists and scalars from parser events, noting positions."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.values: dict[Path_, Pos] = {}
        self.keys: dict[Path_, Pos] = {}
        self.stack: list[list[Any]] = []  # frames: [container, path, pending_key, key_pos, in_key]
        self.root: Any = None
        self.documents = 0
        self.done = False

    def problem(self, mark: Any, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, code, message))

    def _scalar(self, e: ev.ScalarEvent) -> Any:
        value = e.value
        if e.style not in (None, "") or not e.implicit[0]:
            return value  # quoted or block scalar: always text
        tag = _RESOLVER.resolve(ScalarNode, value, (True, False))
        kind = str(getattr(tag, "value", tag)).rsplit(":", 1)[-1]
        try:
            if kind == "null":
                return None
            if kind == "bool":
                return value.lower() == "true"
            if kind == "int":
                return _int(value)
            if kind == "float":
                number = float(value.replace("_", "").replace(".inf", "inf").replace(".Inf", "inf")
                               .replace(".INF", "inf").replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))
                if not math.isfinite(number):
                    self.problem(e.start_mark, "E019", f"{value!r} is not a finite number")
                return number
            if kind == "merge":
                return _MERGE
        except ValueError:
            return value
        return value  # str, timestamp (dates stay text) and anything else

    def _check_escapes(self, e: ev.ScalarEvent) -> None:
        # A double-quoted scalar can spell a tab or an invisible character as an escape ("\t",
        # "\u202e"); the value then holds what the raw-text checks would have refused.
        for needle, code, name in (("\t", "E005", "tab character"), ("\x00", "E003", "NUL byte"), ("\r", "E017", "CR character")):
            if needle in e.value:
                self.problem(e.start_mark, code, f"{name} in a value (written as an escape); remove it")
        hidden = _INVISIBLE.search(e.value)
        if hidden:
            self.problem(e.start_mark, "E020", f"invisible or control character {_char(hidden.group())} in a value (written as an escape); remove it")

    def _in_key(self) -> bool:
        return any(frame[4] for frame in self.stack)

    def _child_path(self) -> Path_ | None:
        if not self.stack:
            return ()
        container, path, pending, _, in_key, _ = self.stack[-1]
        if in_key or path is None:
            return None
        if isinstance(container, list):
            return path + (len(container),)
        if pending is _NO_KEY:
            return None  # this node is a key
        return path + (pending,)

    def _add(self, value: Any, mark: Any, child_path: Path_ | None) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
            return
        if frame[2] is _NO_KEY:  # this is a key
            if value is _MERGE:
                self.problem(mark, "E011", "merge key '<<' is not allowed; write the fields out")
                value = f"<<@{mark.line}:{mark.column}"
            elif not isinstance(value, str):
                shown = "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else repr(value)
                self.problem(mark, "E018", f"key {shown} is not text; quote it or rename it")
                value = f"<non-text key@{mark.line}:{mark.column}>"
            elif value in container and frame[1] is not None and not self._in_key():
                self.problem(mark, "E014", f"duplicate key {value!r} (first at line {self.keys[frame[1] + (value,)][0]})")
            frame[2] = value
            frame[3] = (mark.line + 1, mark.column + 1)
            return
        key = frame[2]
        if key not in container:
            container[key] = value
            if frame[1] is not None and not self._in_key():
                self.keys.setdefault(frame[1] + (key,), frame[3])
        frame[2] = _NO_KEY

    def feed(self, e: Any) -> None:
        mark = e.start_mark
        if isinstance(e, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(mark, "E009", "a second YAML document ('---'); a trial file holds exactly one")
                self.done = True
            return
        if isinstance(e, (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent)):
            return
        if isinstance(e, ev.AliasEvent):
            self.problem(mark, "E010", f"alias '*{e.anchor}' is not allowed; write the value out")
            self._add(None, mark, self._child_path())
            return
        anchor = getattr(e, "anchor", None)
        if anchor is not None:
            self.problem(mark, "E010", f"anchor '&{anchor}' is not allowed; write the value out")
        tag = getattr(e, "tag", None)
        if tag is not None and not (isinstance(e, ev.ScalarEvent) and e.implicit[0]):
            shown = getattr(tag, "value", None) or tag
            self.problem(mark, "E012", f"explicit tag {str(shown)!r} is not allowed; write the value plainly")
        if isinstance(e, ev.ScalarEvent):
            self._check_escapes(e)
            path = self._child_path()
            value = self._scalar(e) if tag is None else e.value
            if path is not None:
                self.values[path] = (mark.line + 1, mark.column + 1)
            self._add(value, mark, path)
        elif isinstance(e, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self.problem(mark, "E015", f"nesting deeper than {MAX_DEPTH} levels; no trial record needs this")
                self.done = True
                return
            path = self._child_path()
            in_key = bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is _NO_KEY
            if path is not None:
                self.values[path] = (mark.line + 1, mark.column + 1)
            container: Any = {} if isinstance(e, ev.MappingStartEvent) else []
            self.stack.append([container, path, _NO_KEY, None, in_key, mark])
        elif isinstance(e, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            container, path, _, _, _, start = self.stack.pop()
            self._add(container, start, path)


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY = _Sentinel("<no key>")
_MERGE = _Sentinel("<<")


def parse(text: str, path: str) -> tuple[Record | None, list[Problem]]:
    """Parse checked text into a Record, or report why not."""
    builder = _Builder(path)
    try:
        for event in _YAML.parse(text):
            builder.feed(event)
            if builder.done or len(builder.problems) >= MAX_PROBLEMS_PER_FILE:
                break
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reason = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return None, builder.problems + [Problem(path, line, col, "E007", f"YAML syntax: {reason}")]
    except YAMLError as exc:  # the reader's errors carry an offset, not a mark
        position = getattr(exc, "position", None)
        line, col = _line_col(text, position) if isinstance(position, int) else (0, 0)
        return None, builder.problems + [Problem(path, line, col, "E007", f"YAML syntax: {exc}".replace("\n", " "))]
    if builder.problems:
        return None, builder.problems
    if builder.documents == 0 or builder.root is None:
        return None, [Problem(path, 1, 1, "E008", "empty file: no YAML document")]
    if not isinstance(builder.root, dict):
        kind = "a list" if isinstance(builder.root, list) else f"the single value {builder.root!r}"
        return None, [Problem(path, 1, 1, "E013", f"the document is {kind}; a trial record is a mapping of fields (nct_id: ...)")]
    return Record(path, builder.root, builder.values, builder.keys), []


def load(file: Path, path: str) -> tuple[Record | None, list[Problem]]:
    """Read a trial file from disk; path is how problems name it."""
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Problem(path, 0, 0, "E001", f"cannot read: {exc.strerror or exc}")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, 0, 0, "E004", f"file is over {MAX_BYTES:,} bytes (1 MiB), the limit for a trial file")]
    text, problems = check_text(raw, path)
    if text is None:
        return None, problems
    return parse(text, path)
