"""Load: turn a trial file into data plus source positions, or into problems.

Only a strict subset of YAML is accepted, because trial files come from many hands: UTF-8 text
without tabs, NULs, byte-order marks, CR line ends, invisible characters or merge-conflict markers;
then exactly one document whose top is a mapping, with no anchors, aliases, merge keys or explicit
tags, no duplicate or non-text keys, and no deeper nesting than a record needs. Directives
(%YAML, %TAG) are refused too: a %YAML 1.1 line asks for a different reading of `yes`, `010` or
`1:20` than the YAML 1.2 one this loader gives, and the file must mean the same to every reader.
Whole numbers beyond 2^53 - 1 are refused because spreadsheets, JSON readers and the CSV's float
formatting would silently change their digits. Only regular files are read: a symbolic link could
point outside the registry, and a FIFO would block the run forever.

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
from itertools import islice
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver

from sle_trials import files
from sle_trials.problem import Check, Problem

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E001", "unreadable-file", "the file cannot be read (missing, a directory, permission)"),
    Check("E002", "invalid-utf8", "the file is not valid UTF-8"),
    Check("E003", "nul-byte", "the file contains a NUL byte"),
    Check("E004", "file-too-large", "the file is larger than 1 MiB"),
    Check("E005", "tab-character", "a tab character (indentation or value); use spaces"),
    Check("E006", "merge-conflict", "an unresolved merge conflict marker"),
    Check("E007", "yaml-syntax", "the YAML cannot be parsed"),
    Check("E008", "empty-file", "the file holds no document"),
    Check("E009", "multiple-documents", "more than one YAML document in the file"),
    Check("E010", "anchor-or-alias", "a YAML anchor (&) or alias (*)"),
    Check("E011", "merge-key", "a YAML merge key (<<)"),
    Check("E012", "explicit-tag", "an explicit YAML tag (!, !!str, !!python/...)"),
    Check("E013", "top-not-mapping", "the document is not a mapping of field names"),
    Check("E014", "duplicate-key", "the same key twice in one mapping"),
    Check("E015", "too-deep", "nesting deeper than any record needs"),
    Check("E016", "byte-order-mark", "a UTF-8 byte-order mark at the start of the file"),
    Check("E017", "crlf-line-end", "CRLF (Windows) or CR line ends; use LF"),
    Check("E018", "non-text-key", "a key that is not text (a number, null, a list)"),
    Check("E019", "non-finite-number", "a number that is infinite or not a number (.inf, .nan)"),
    Check("E020", "invisible-character", "a control, bidirectional or zero-width character"),
    Check("E021", "integer-too-large", "a whole number beyond 2^53 - 1, which spreadsheets and JSON readers round"),
    Check("E022", "yaml-directive", "a %YAML or %TAG directive line; trial files are plain YAML 1.2"),
)


MAX_BYTES = 1024 * 1024
# The schema's deepest path is eligibility.inclusion_criteria[].sub_criteria[].sub_criteria[].text,
# 8 containers deep (the top mapping counts); 10 leaves a little room and refuses anything silly.
MAX_DEPTH = 10
# The largest whole number that IEEE doubles (spreadsheets, JSON readers, this tool's CSV number
# formatting) hold exactly; I-JSON (RFC 7493) sets the same bound.
MAX_INT = 2**53 - 1
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
            at_key, at_value = self.keys.get(path), self.values.get(path)
            if key and at_key:
                return at_key
            # A block mapping or list is pointed at by its key: its first item is on a later line.
            if at_key and at_value and at_value[0] > at_key[0] and isinstance(self._at(path), (dict, list)):
                return at_key
            if at_value or at_key:
                return at_value or at_key  # type: ignore[return-value]
            path = path[:-1]
        return (1, 1)

    def _at(self, path: Path_) -> Any:
        value: Any = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
# Characters that are invisible or reorder text (Trojan Source, CVE-2021-42574): they make a value
# differ from what a reviewer sees. Tabs, CR and NUL have codes of their own.
# The list is C0 and C1 controls plus Unicode's Default_Ignorable_Code_Point set (zero-width and
# bidirectional marks, fillers, variation selectors, tag characters used to smuggle invisible text)
# and the noncharacters U+FFFE and U+FFFF, which a "\\u" escape could otherwise bring in.
_INVISIBLE = re.compile(
    "[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# A directive line (%YAML 1.1, %TAG ...) can only stand before the document's first content line.
# (The regex is anchored at the start of the text; it skips only blank and comment lines.)
_DIRECTIVE = re.compile(r"\A(?:[ ]*(?:#[^\n]*)?\n)*(%[^\n]*)")
# Compact block nesting ("- - - - x", "? - ? x") opens a level every two characters. The event
# parser below stops at MAX_DEPTH, but the fast path's composer (PyYAML over libyaml, fastload.py)
# recurses in C once per level and crashes the process (SIGSEGV) somewhere past 20,000 levels. A
# line that opens more levels than MAX_DEPTH allows is refused before any parser sees the text; with
# this cap, 1 MiB cannot nest deeper than about 6,000 levels however it is indented.
_COMPACT_NESTING = 4 * MAX_DEPTH
_COMPACT = re.compile(r"^[ ]*(?:[-?:][ ]+){%d}" % _COMPACT_NESTING, re.MULTILINE)
_HIDDEN = re.compile("[\t\x00\r]|" + _INVISIBLE.pattern)
# Cheap tests that must pass before the patterns above can match anywhere (every file is checked,
# and the full patterns cost most of the raw-text checks): a byte outside printable ASCII and
# newline (bytes.translate deletes the rest at memory speed; what is left spells the unusual
# characters); and, at the start of a line, two of '- ', '? ', ': ' in a row or seven marker
# characters (one scan: its literal "\n" lets the regex engine jump from line to line; the
# possessive runs of spaces give up at once where backtracking into them cannot help, which
# halves the scan).
_USUAL_BYTES = b"\n" + bytes(range(0x20, 0x7F))
_LINE_HINT = re.compile(r"\n(?:[ ]*+[-?:][ ]++[-?:][ ]|[<=>|]{7})")
# Characters with codes of their own, as the one byte each is in UTF-8: looked for in the bytes,
# since text with any non-ASCII character in it is several times slower to search
_CHARACTERS = [
    (b"\x00", "E003", "NUL byte; the file looks binary"),
    (b"\r", "E017", "CR line end; save with LF (\\n) line ends"),
    (b"\t", "E005", "tab character; indent and separate with spaces"),
]
_RESOLVER = VersionedResolver(version=(1, 2))


def _compiled(entries: list) -> list[tuple[str, re.Pattern[str]]]:
    """ruamel.yaml's YAML 1.2 implicit resolvers as (kind, compiled regex), looked up once here:
    VersionedResolver.resolve costs ~15 us a scalar, which a 1 MiB file of short keys makes seconds."""
    return [(str(tag).rsplit(":", 1)[-1], re.compile(regexp.pattern, regexp.flags)) for tag, regexp in entries]


_ANY_FIRST = _compiled(_RESOLVER.versioned_resolver.get(None, []))  # resolvers for any first character
_IMPLICIT = {first: _compiled(entries) + _ANY_FIRST for first, entries in _RESOLVER.versioned_resolver.items() if first is not None}


def scalar_kind(value: str) -> str:
    """The YAML 1.2 core-schema kind of a plain scalar: null, bool, int, float, merge, str, ..."""
    for kind, regexp in _IMPLICIT.get(value[:1], _ANY_FIRST):
        if regexp.match(value):
            return kind
    return "str"


_YAML = YAML(typ="safe", pure=False)  # the C parser when ruamel.yaml.clib is installed


def _line_col(text: str, offset: int) -> Pos:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def _char(c: str) -> str:
    name = unicodedata.name(c, "") or ("control character" if unicodedata.category(c) == "Cc" else "unnamed character")
    return f"U+{ord(c):04X} {name}"


def _shown(value: Any, limit: int = 60) -> str:
    """repr() of a value, cut short: a hostile key or number can be a megabyte long."""
    text = repr(value) if not isinstance(value, int) or abs(value) <= MAX_INT else f"{str(value)[:limit]}..."
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
    for byte, code, message in _CHARACTERS:
        if byte in raw:
            needle = byte.decode()
            at = text.find(needle)
            count = text.count(needle)
            more = f" ({count - 1} more)" if count > 1 else ""
            problems.append(Problem(path, *_line_col(text, at), code, message + more))
    # Each finding costs a scan for its line number, so stop at the cap: a file of 300,000
    # zero-width spaces or conflict markers must not cost 300,000 scans of a megabyte.
    suspect = bool(_CONFLICT.match(text) or _COMPACT.match(text) or _LINE_HINT.search(text))  # the first line, then the rest
    if suspect:
        for match in islice(_CONFLICT.finditer(text), MAX_PROBLEMS_PER_FILE):
            problems.append(Problem(path, *_line_col(text, match.start()), "E006", f"unresolved merge conflict: marker {match.group(1)!r}; resolve the conflict and remove the markers"))
    unusual = raw.translate(None, _USUAL_BYTES)
    if unusual and any(_INVISIBLE.match(c) for c in set(unusual.decode("utf-8"))):
        for match in islice(_INVISIBLE.finditer(text), MAX_PROBLEMS_PER_FILE):
            problems.append(Problem(path, *_line_col(text, match.start()), "E020", f"invisible or control character {_char(match.group())}; remove it"))
    compact = suspect and _COMPACT.search(text)
    if compact:
        problems.append(Problem(path, *_line_col(text, compact.start()), "E015",
                                f"{_COMPACT_NESTING} or more '- ', '? ' or ': ' in a row on one line: nesting deeper than {MAX_DEPTH} levels; no trial record needs this"))
    directive = _DIRECTIVE.match(text)
    if directive:
        line = directive.group(1)
        what = "a %YAML version" if line.startswith("%YAML") else "a %TAG (tag shorthand)" if line.startswith("%TAG") else "a"
        problems.append(Problem(path, *_line_col(text, directive.start(1)), "E022",
                                f"{what} directive {_shown(line.strip(), 40)}; trial files are plain YAML 1.2 without directives, remove the line"))
    return (None if problems else text), problems[:MAX_PROBLEMS_PER_FILE]


def _int(value: str) -> int | None:
    """The whole number a plain scalar spells, or None when it is beyond +-MAX_INT."""
    v = value.replace("_", "")
    sign = -1 if v.startswith("-") else 1
    v = v.lstrip("+-")
    base = 10
    for prefix, radix in (("0x", 16), ("0o", 8), ("0b", 2)):
        if v.lower().startswith(prefix):
            v, base = v[2:], radix
            break
    v = v.lstrip("0") or "0"
    if len(v) > 64:  # more digits than 2**53 needs in any base; int() of 5,000 digits raises
        return None
    number = int(v, base)
    return sign * number if number <= MAX_INT else None


_FLOAT_WORDS = {".inf": "inf", ".Inf": "inf", ".INF": "inf", ".nan": "nan", ".NaN": "nan", ".NAN": "nan"}


def scalar_value(kind: str, value: str) -> tuple[Any, str | None]:
    """A plain scalar's value given its YAML 1.2 core-schema kind, and a problem if it has one.

    Shared by this loader and fastload, so both read every scalar the same way.
    """
    try:
        if kind == "null":
            return None, None
        if kind == "bool":
            return value.lower() == "true", None
        if kind == "int":
            number = _int(value)
            if number is None:
                return value, f"{_shown(value, 40)} is beyond +-{MAX_INT:,} (2^53 - 1), the largest whole number spreadsheets and JSON readers keep exactly"
            return number, None
        if kind == "float":
            text = value.replace("_", "")
            sign = text[0] if text[:1] in ("+", "-") else ""
            body = text[len(sign):]
            number = float(sign + _FLOAT_WORDS.get(body, body))
            return number, None if math.isfinite(number) else f"{_shown(value, 40)} is not a finite number"
        if kind == "merge":
            return _MERGE, None
    except ValueError:
        return value, None
    return value, None  # str, timestamp (dates stay text) and anything else


def hidden_character(value: str) -> bool:
    """Whether a value holds a character the raw-text checks refuse (reachable through escapes)."""
    return bool(_HIDDEN.search(value))


class _Builder:
    """Builds plain dicts, lists and scalars from parser events, noting positions."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.values: dict[Path_, Pos] = {}
        self.keys: dict[Path_, Pos] = {}
        self.stack: list[list[Any]] = []  # frames: [container, path, pending_key, key_pos, in_key]
        self.root: Any = None
        self.root_text: str | None = None  # the top scalar as written, when the top is a scalar
        self.documents = 0
        self.done = False

    def problem(self, mark: Any, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, code, message))

    def _scalar(self, e: ev.ScalarEvent) -> Any:
        if e.style not in (None, "") or not e.implicit[0]:
            return e.value  # quoted or block scalar: always text
        kind = scalar_kind(e.value)
        value, problem = scalar_value(kind, e.value)
        if problem:
            self.problem(e.start_mark, "E021" if kind == "int" else "E019", problem)
        return value

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
                shown = "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else _shown(value)
                self.problem(mark, "E018", f"key {shown} is not text; quote it or rename it")
                value = f"<non-text key@{mark.line}:{mark.column}>"
            elif value in container and frame[1] is not None and not self._in_key():
                self.problem(mark, "E014", f"duplicate key {_shown(value)} (first at line {self.keys[frame[1] + (value,)][0]})")
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
        if tag is not None:  # libyaml gives untagged nodes no tag; "! value" (non-specific) has "!"
            shown = getattr(tag, "value", None) or tag
            self.problem(mark, "E012", f"explicit tag {_shown(str(shown))} is not allowed; write the value plainly")
        if isinstance(e, ev.ScalarEvent):
            self._check_escapes(e)
            if not self.stack:
                self.root_text = e.value
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
        return None, builder.problems + [Problem(path, line, col, "E007", f"YAML syntax: {reason}{_hint(reason)}")]
    except YAMLError as exc:  # the reader's errors carry an offset, not a mark
        position = getattr(exc, "position", None)
        line, col = _line_col(text, position) if isinstance(position, int) else (0, 0)
        return None, builder.problems + [Problem(path, line, col, "E007", f"YAML syntax: {exc}".replace("\n", " "))]
    if builder.problems:
        return None, builder.problems
    if builder.documents == 0 or (builder.root is None and not builder.root_text):
        return None, [Problem(path, 1, 1, "E008", "empty file: no YAML document")]
    if not isinstance(builder.root, dict):
        kind = "a list" if isinstance(builder.root, list) else f"the single value {_shown(builder.root_text)}"
        return None, [Problem(path, 1, 1, "E013", f"the document is {kind}; a trial record is a mapping of fields (nct_id: ...)")]
    return Record(path, builder.root, builder.values, builder.keys), []


_HINTS = {
    "mapping values are not allowed": "; a value that contains ': ' must be put in quotes",
    "did not find expected key": "; check the indentation of this line and the one above",
    "did not find expected '-' indicator": "; list items under one key must start in the same column",
    "found character that cannot start any token": "; a value starting with this character must be put in quotes",
}


def _hint(reason: str) -> str:
    """libyaml's words, plus what a curator can do about them."""
    return next((hint for words, hint in _HINTS.items() if words in reason), "")


def read(file: Path | str, path: str) -> tuple[bytes | None, list[Problem], tuple[int, int] | None]:
    """A trial file's bytes (at most MAX_BYTES) or why they cannot be had (E001, E004), and its
    (size, mtime_ns) when read: what the check cache compares (a change after the read is seen by
    the next run). Only a regular file is read (files.read): a link is refused, not followed."""
    try:
        raw, stamp = files.read(file, MAX_BYTES)
    except files.TooLarge:
        return None, [Problem(path, 0, 0, "E004", f"file is over {MAX_BYTES:,} bytes (1 MiB), the limit for a trial file")], None
    except files.Refused as exc:
        return None, [Problem(path, 0, 0, "E001", f"cannot read: {exc}; a trial file must be a plain file")], None
    return raw, [], stamp


def load(file: Path, path: str) -> tuple[Record | None, list[Problem]]:
    """Read a trial file from disk; path is how problems name it."""
    raw, problems, _ = read(file, path)
    if raw is None:
        return None, problems
    text, problems = check_text(raw, path)
    if text is None:
        return None, problems
    return parse(text, path)
