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
import shlex
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from ruamel.yaml.cyaml import CParser  # libyaml's parser (ruamel.yaml.clib)
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.resolver import VersionedResolver

from sle_trials import command, decimals, fields, files
from sle_trials.checks import comment_lines
from sle_trials.patterns import lazy
from sle_trials.problem import Check, Problem
from sle_trials.reading.invisible import INVISIBLE

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E001",
        "unreadable-file",
        "the file cannot be read (a link, a directory, a pipe, gone during the run; "
        "a FILE argument that names nothing is a usage error)",
    ),
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
    Check(
        "E021",
        "integer-too-large",
        "a whole number beyond 2^53 - 1, or a decimal with more digits than a double holds, which spreadsheets "
        "and JSON readers round",
    ),
    Check("E022", "yaml-directive", "a %YAML or %TAG directive line; trial files are plain YAML 1.2"),
    Check(
        "E024",
        "item-run-on",
        "a list item ('- ...') indented further than the text above it, which YAML reads as more of that text",
    ),
    Check(
        "E023",
        "number-notation",
        "a number in a notation YAML readers read differently (0x12, 0o22, 022, 1_8, 1e6; text such as 1:30, which "
        "YAML 1.1 reads as a number in base 60, No, on, Yes, which it reads as false and true, or =, which it "
        "cannot read): plain digits only, and such text in quotes",
    ),
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
    """A loaded trial file: its data and where each key and value sits in the text.

    values and keys hold the parser's mark of each (its 0-based line and column), kept as the parser
    gave it: turned into a place only for the few values a problem is reported at."""

    path: str
    data: dict[str, Any]
    values: dict[Path_, Any] = field(default_factory=dict)
    keys: dict[Path_, Any] = field(default_factory=dict)
    # the values written as a block indicator and no lines ("comparator: >"): YAML reads them as ""
    empty_blocks: dict[Path_, str] = field(default_factory=dict)
    # the plain texts a comment follows on their line: YAML ends a plain text at " #" ("Cohort #2")
    commented: set[Path_] = field(default_factory=set)
    # the folded texts (">-") that keep a line break: a blank line, or a line indented further than the others
    broken: set[Path_] = field(default_factory=set)
    # the file's comments (comment_lines), which say of the trial no more than its notes may
    comments: list[comment_lines.Comment] = field(default_factory=list)

    def where(self, path: Path_, *, key: bool = False) -> Pos:
        """Line and column (1-based) of the value (or key) at path, else of its nearest ancestor."""
        path = tuple(path)
        while path:
            at_key, at_value = self.keys.get(path), self.values.get(path)
            if key and at_key is not None:
                return at_key.line + 1, at_key.column + 1
            # A block mapping or list is pointed at by its key: its first item is on a later line.
            if (
                at_key is not None
                and at_value is not None
                and at_value.line > at_key.line
                and isinstance(self._at(path), (dict, list))
            ):
                return at_key.line + 1, at_key.column + 1
            at = at_value if at_value is not None else at_key
            if at is not None:
                return at.line + 1, at.column + 1
            path = path[:-1]
        return (1, 1)

    def where_absent(self, path: Path_) -> Pos:
        """Where a field the record lacks would go: its nearest present parent, else the record's
        status, the claim that wants the field (E520's complete record, E532's stub)."""
        parent = next((path[:d] for d in range(len(path) - 1, 0, -1) if fields.get(self.data, path[:d])[0]), None)
        return self.where(parent or ("curation", "status"))

    def problem(self, path: Path_, code: str, message: str, *, key: bool = False) -> Problem:
        """A problem of this record at the value (or key) at path, placed where() finds it."""
        line, col = self.where(path, key=key)
        if self.commented and not key and code.startswith("E5"):
            message += self._cut_by_comment(tuple(path), code)
        if self.broken and not key and code in _TEXT_NOT_FOUND and tuple(path) in self.broken:
            message += (
                "; a folded text ('>-') keeps a line break where a line is indented further than the others, "
                "or after a blank line: indent its lines alike, with no blank line between them"
            )
        return Problem(self.path, line, col, code, message)

    def _cut_by_comment(self, path: Path_, code: str) -> str:
        """What an evidence problem (E5xx) at path says of a text that a comment cut short: the text
        at path itself, not found in the source (E501, E502, E512, E521), or a quote under evidence
        that covers path, which then states less than the curator copied (E505, E507, E508, ...)."""
        cut = " ends at the ' #' on its line, where YAML starts a comment: if the # is the source's, put the "
        if code in _TEXT_NOT_FOUND and path in self.commented:
            return f"; this text{cut}whole text in double quotes"
        if path[:1] == ("evidence",):
            return ""
        covering = {fields.dotted(path[:n]) for n in range(1, len(path) + 1)}
        quotes = sorted(self.values[p].line + 1 for p in self.commented if p[0] == "evidence" and p[1] in covering)
        return f"; its quote under evidence (line {quotes[0]}){cut}whole quote in double quotes" if quotes else ""

    def citations(self) -> set[str] | None:
        """The source files the record cites; None when its curation.sources cannot be read as a
        list of sources, or is missing (which files it means to cite is then not known): what the
        check cache holds a record's verdict to, and what an update refuses to merge into."""
        curation = self.data.get("curation")
        sources = curation.get("sources") if isinstance(curation, dict) else None
        if not isinstance(sources, list) or not all(
            isinstance(s, dict) and isinstance(s.get("file"), str) for s in sources
        ):
            return None
        return {s["file"] for s in sources}

    def _at(self, path: Path_) -> Any:
        value: Any = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


_CONFLICT = lazy(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
# A directive line (%YAML 1.1, %TAG ...) can only stand before the document's first content line.
# (The regex is anchored at the start of the text; it skips only blank and comment lines.)
_DIRECTIVE = lazy(r"\A(?:[ ]*(?:#[^\n]*)?\n)*(%[^\n]*)")
# Compact block nesting ("- - - - x", "? - ? x") opens a level every two characters. parse() stops
# at MAX_DEPTH, but a YAML reader that builds a tree (PyYAML's composer over libyaml, as other tools
# read these files) recurses once per level and crashes (SIGSEGV) somewhere past 20,000 levels. A
# line that opens more levels than MAX_DEPTH allows is refused before any parser sees the text; with
# this cap, 1 MiB cannot nest deeper than about 6,000 levels however it is indented.
_COMPACT_NESTING = 4 * MAX_DEPTH
_COMPACT = lazy(rf"^[ ]*(?:[-?:][ ]+){{{_COMPACT_NESTING}}}", re.MULTILINE)
_HIDDEN = lazy("[\t\x00\r]|" + INVISIBLE.pattern)  # invisible.py says which and why
# Cheap tests that must pass before the patterns above can match anywhere (every file is checked,
# and the full patterns cost most of the raw-text checks): a byte outside printable ASCII and
# newline (bytes.translate deletes the rest at memory speed; what is left spells the unusual
# characters); and, at the start of a line, two of '- ', '? ', ': ' in a row or seven marker
# characters (one scan: its literal "\n" lets the regex engine jump from line to line).
_USUAL_BYTES = b"\n" + bytes(range(0x20, 0x7F))
_LINE_HINT = lazy(r"\n(?:[ ]*[-?:][ ]+[-?:][ ]|[<=>|]{7})")
# Characters with codes of their own, as the one byte each is in UTF-8: looked for in the bytes,
# since text with any non-ASCII character in it is several times slower to search
_CHARACTERS = [
    (b"\x00", "E003", "NUL byte; the file looks binary"),
    (b"\r", "E017", "CR line end; save with LF (\\n) line ends"),
    (b"\t", "E005", "tab character; indent and separate with spaces"),
]
_RESOLVER = VersionedResolver(version=(1, 2))


def as_of_dates(data: dict[str, Any]) -> dict[str, str]:
    """Each source a record cites (its file, as cited) -> the as_of date the record gives it ("" where it
    gives none): what the checks read a source's words of time against (date_mentions.held_before) and order
    its versions by (completeness.newest_first)."""
    return {s["file"]: str(s.get("as_of") or "") for s in data["curation"]["sources"]}


def _compiled(entries: list) -> list[tuple[str, re.Pattern[str]]]:
    """ruamel.yaml's YAML 1.2 implicit resolvers as (kind, compiled regex), looked up once here:
    VersionedResolver.resolve costs ~15 us a scalar, which a 1 MiB file of short keys makes seconds."""
    return [(str(tag).rsplit(":", 1)[-1], re.compile(regexp.pattern, regexp.flags)) for tag, regexp in entries]


_ANY_FIRST = _compiled(_RESOLVER.versioned_resolver.get(None, []))  # resolvers for any first character
_IMPLICIT = {
    first: _compiled(entries) + _ANY_FIRST
    for first, entries in _RESOLVER.versioned_resolver.items()
    if first is not None
}


def scalar_kind(value: str) -> str:
    """The YAML 1.2 core-schema kind of a plain scalar: null, bool, int, float, merge, str, ..."""
    for kind, regexp in _IMPLICIT.get(value[:1], _ANY_FIRST):
        if regexp.match(value):
            return kind
    return "str"


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
        problems.append(
            Problem(
                path,
                1,
                1,
                "E016",
                "UTF-8 byte-order mark at the start of the file; save as UTF-8 without BOM "
                f"({command.run('fmt', shlex.quote(path))} removes it)",
            )
        )
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(good, len(good))
        problems.append(
            Problem(
                path,
                line,
                col,
                "E002",
                f"invalid UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start}); save the file as UTF-8",
            )
        )
        return None, problems
    for byte, code, message in _CHARACTERS:
        if byte in raw:
            needle = byte.decode()
            at = text.find(needle)
            count = text.count(needle)
            more = f" ({count - 1} more)" if count > 1 else ""
            fix = f"; {command.run('fmt', shlex.quote(path))} rewrites them with LF" if code == "E017" else ""
            problems.append(Problem(path, *_line_col(text, at), code, message + more + fix))
    # Each finding costs a scan for its line number, so stop at the cap: a file of 300,000
    # zero-width spaces or conflict markers must not cost 300,000 scans of a megabyte.
    suspect = bool(
        _CONFLICT.match(text) or _COMPACT.match(text) or _LINE_HINT.search(text)
    )  # the first line, then the rest
    if suspect:
        for match in islice(_CONFLICT.finditer(text), MAX_PROBLEMS_PER_FILE):
            problems.append(
                Problem(
                    path,
                    *_line_col(text, match.start()),
                    "E006",
                    f"unresolved merge conflict: marker {match.group(1)!r}; "
                    "resolve the conflict and remove the markers",
                )
            )
    unusual = raw.translate(None, _USUAL_BYTES)
    if unusual and any(INVISIBLE.match(c) for c in set(unusual.decode("utf-8"))):
        for match in islice(INVISIBLE.finditer(text), MAX_PROBLEMS_PER_FILE):
            problems.append(
                Problem(
                    path,
                    *_line_col(text, match.start()),
                    "E020",
                    f"invisible or control character {_char(match.group())}; remove it",
                )
            )
    compact = suspect and _COMPACT.search(text)
    if compact:
        problems.append(
            Problem(
                path,
                *_line_col(text, compact.start()),
                "E015",
                f"{_COMPACT_NESTING} or more '- ', '? ' or ': ' in a row on one line: "
                f"nesting deeper than {MAX_DEPTH} levels; no trial record needs this",
            )
        )
    directive = _DIRECTIVE.match(text)
    if directive:
        stated = directive.group(1)
        what = (
            "a %YAML version"
            if stated.startswith("%YAML")
            else "a %TAG (tag shorthand)"
            if stated.startswith("%TAG")
            else "a"
        )
        problems.append(
            Problem(
                path,
                *_line_col(text, directive.start(1)),
                "E022",
                f"{what} directive {_shown(stated.strip(), 40)}; "
                "trial files are plain YAML 1.2 without directives, remove the line",
            )
        )
    return (None if problems else text), problems[:MAX_PROBLEMS_PER_FILE]


# A whole number as every YAML reader reads it alike: YAML 1.1 readers (PyYAML) take 022 for octal 18
# and 0o22 or 018 for text, and YAML 1.2 core-schema readers 1_8 or 0b10010 for text
_PLAIN_INT = lazy(r"[-+]?(?:0|[1-9][0-9]*)")


# A decimal as every YAML reader reads it. An exponent is read as a number by YAML 1.2 readers but
# as text by YAML 1.1 ones (PyYAML reads 1e6 and 1.5e6 as strings: its floats need a point and a
# signed exponent), and a point at either end (.5, 5.) is no plain decimal either.
_PLAIN_FLOAT = lazy(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")


def _notation(value: str, number: Any) -> str | None:
    """E023's message for a plain scalar read as number, when it is not spelled in plain digits."""
    if isinstance(number, int) and not _PLAIN_INT.fullmatch(value):
        return f"{_shown(value, 40)} is {number} written so that YAML readers read it differently; write {number}"
    if isinstance(number, float) and value not in _FLOAT_WORDS and not _PLAIN_FLOAT.fullmatch(value):
        return (
            f"{_shown(value, 40)} is {decimals.plain(number)} written so that YAML readers read it differently; "
            f"write {decimals.plain(number)}"
        )
    return None


# What YAML 1.1 readers (PyYAML) read as a base-60 number and YAML 1.2 ones as text: "1:30" is 90 to
# them, "10:00" 600, "190:20:30.15" a float. PyYAML's own patterns, whole.
SEXAGESIMAL_INT = lazy(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+")
SEXAGESIMAL_FLOAT = lazy(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*")


def base_60(value: str) -> bool:
    """Whether YAML 1.1 readers read the plain scalar value as a number in base 60 ("1:30")."""
    return bool(SEXAGESIMAL_INT.fullmatch(value) or SEXAGESIMAL_FLOAT.fullmatch(value))


# What YAML 1.1 readers read as a boolean and YAML 1.2 ones as text: PyYAML's own words, whole ("No"
# is false to it, "on" true; YAML 1.1 has y and n too, which PyYAML reads as text). Written plain in
# a record, an acronym, a keyword or a criterion's text "No" was the text No to the checks and false
# to an analyst who loads the record with PyYAML.
BOOLEAN_1_1 = frozenset("yes Yes YES no No NO on On ON off Off OFF".split())


def boolean_1_1(value: str) -> bool:
    """Whether YAML 1.1 readers read the plain scalar value as true or false ("No", "on")."""
    return value in BOOLEAN_1_1


# ... and "=", YAML 1.1's value key, which PyYAML cannot read at all: a record holding it plain
# ("acronym: =") could not be loaded by yaml.safe_load. (A date written plain, which it reads as a
# date, keeps its text: every reader reads the same date, and trials fmt quotes a date field's.)
VALUE_1_1 = "="


def in_1_1(value: str) -> str | None:
    """What YAML 1.1 readers (PyYAML) read a plain scalar as, where YAML 1.2 ones read text and they
    do not: "a number in base 60" ("1:30"), "true" or "false" ("No", "on"), or "nothing" ("=", which
    they cannot read at all); None where they read the same text."""
    if value in BOOLEAN_1_1:
        return "true" if value.lower() in ("yes", "on") else "false"
    if value == VALUE_1_1:
        return "nothing"
    if ":" in value and base_60(value):
        return "a number in base 60"
    return None


def other_in_1_1(value: str) -> bool:
    """Whether YAML 1.1 readers read the plain scalar value otherwise than as the text YAML 1.2 reads."""
    return in_1_1(value) is not None


def _read_otherwise(value: str) -> str | None:
    """E023's message for a plain scalar that YAML 1.2 readers read as text and YAML 1.1 ones do not."""
    reading = in_1_1(value)
    if reading is None:
        return None
    if reading == "nothing":
        in_1_1_readers = ", and YAML 1.1 ones (PyYAML) cannot read it at all"
    else:
        in_1_1_readers = f" and {reading} to YAML 1.1 ones (PyYAML)"
    return f'{_shown(value, 40)} is text to YAML 1.2 readers{in_1_1_readers}; write it in double quotes: "{value}"'


def _rounded(value: str, number: float) -> str | None:
    """E021's message for a decimal in plain digits that no reader holds as written: a double keeps
    some 16 digits, so 9007199254740993.0 is read as 9007199254740992 and 0.30000000000000001 as 0.3,
    by this tool, trials.csv and every spreadsheet and JSON reader, whatever the record says."""
    text = value.lstrip("+")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    held = decimals.plain(number)
    if text in (held, "-0"):
        return None
    return f"{_shown(value, 40)} has more digits than a number holds: every reader reads it as {held}; write {held}"


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
    """A plain scalar's value given its YAML 1.2 core-schema kind, and a problem if it has one."""
    try:
        if kind == "null":
            return None, None
        if kind == "bool":
            return value.lower() == "true", None
        if kind == "int":
            number = _int(value)
            if number is None:
                return (
                    value,
                    f"{_shown(value, 40)} is beyond +-{MAX_INT:,} (2^53 - 1), "
                    "the largest whole number spreadsheets and JSON readers keep exactly",
                )
            return number, None
        if kind == "float":
            text = value.replace("_", "")
            sign = text[0] if text[:1] in ("+", "-") else ""
            body = text[len(sign) :]
            real = float(sign + _FLOAT_WORDS.get(body, body))
            return real, None if math.isfinite(real) else f"{_shown(value, 40)} is not a finite number"
        if kind == "merge":
            return _MERGE, None
    except ValueError:
        return value, None
    return value, None  # str, timestamp (dates stay text) and anything else


def hidden_character(value: str) -> bool:
    """Whether a value holds a character the raw-text checks refuse (reachable through escapes)."""
    return bool(_HIDDEN.search(value))


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY = _Sentinel("<no key>")  # an open mapping waiting for its next key
# A comment after a plain text on its line: the text ends before it ("Cohort #2" is "Cohort").
_COMMENT_AFTER = lazy(r"[ \t]+#")
_BLANKS = (" ", "\t")
# What a text or quote that a comment cut short is refused as: not in the source (E501, E502), not
# where the source states it (E512), or ending inside a word of it (E521)
_TEXT_NOT_FOUND = frozenset({"E501", "E502", "E512", "E521"})
_MERGE = _Sentinel("<<")


def _hidden_in_value(value: str, mark: Any, problem: Any) -> None:
    """A double-quoted scalar can spell a tab or an invisible character as an escape ("\\t",
    "\\u202e"); the value then holds what the raw-text checks would have refused."""
    for needle, code, name in (
        ("\t", "E005", "tab character"),
        ("\x00", "E003", "NUL byte"),
        ("\r", "E017", "CR character"),
    ):
        if needle in value:
            problem(mark, code, f"{name} in a value (written as an escape); remove it")
    hidden = INVISIBLE.search(value)
    if hidden:
        problem(
            mark,
            "E020",
            f"invisible or control character {_char(hidden.group())} in a value (written as an escape); remove it",
        )


def _marked(e: Any, problem: Any) -> None:
    """E010 for an anchor, E012 for an explicit tag on a node."""
    if e.anchor is not None:
        problem(e.start_mark, "E010", f"anchor '&{e.anchor}' is not allowed; write the value out")
    tag = e.tag
    if tag is not None:  # libyaml gives untagged nodes no tag; "! value" (non-specific) has "!"
        shown = getattr(tag, "value", None) or tag
        problem(e.start_mark, "E012", f"explicit tag {_shown(str(shown))} is not allowed; write the value plainly")


def _key(value: Any, container: dict, mark: Any, placed: bool, keys: dict, path: Path_ | None, problem: Any) -> Any:
    """A mapping's next key as it is kept: a merge key or a key that is not text is reported and
    renamed after its place, so that the loading goes on and finds the other problems."""
    if value is _MERGE:
        problem(mark, "E011", "merge key '<<' is not allowed; write the fields out")
        return f"<<@{mark.line}:{mark.column}"
    if type(value) is not str:
        shown = "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else _shown(value)
        problem(mark, "E018", f"key {shown} is not text; quote it or rename it")
        return f"<non-text key@{mark.line}:{mark.column}>"
    if placed and value in container:
        problem(mark, "E014", f"duplicate key {_shown(value)} (first at line {keys[path + (value,)].line + 1})")  # type: ignore[operator]
    return value


def parse(text: str, path: str) -> tuple[Record | None, list[Problem]]:
    """Parse checked text into a Record, or report why not.

    The data is built from libyaml's events in one loop, noting the line and column of every value
    and key. The open containers are a stack; the innermost one is held in locals (container, its
    path, the key waiting for its value, where that key is, where the container starts). A path is
    None inside a key that is itself a mapping or a list: nothing there gets a place (it is
    reported as a key that is not text)."""
    problems: list[Problem] = []

    def problem(mark: Any, code: str, message: str) -> None:
        problems.append(Problem(path, mark.line + 1, mark.column + 1, code, message))

    values: dict[Path_, Any] = {}  # path -> the parser's mark where the value starts
    keys: dict[Path_, Any] = {}  # path -> the mark of its key
    empty_blocks: dict[Path_, str] = {}  # path -> its block indicator (Record.empty_blocks)
    stack: list[tuple[Any, Path_ | None, Any, Any, Any]] = []
    container: Any = None  # the innermost open mapping or list; None before the top node and after it
    where: Path_ | None = ()  # its path
    pending: Any = _NO_KEY  # its key waiting for a value (mappings)
    key_at: Any = None  # where that key is
    opened: Any = None  # the mark where it starts
    root: Any = None
    root_text: str | None = None  # the top scalar as written, when the top is a scalar
    lines: list[str] | None = None  # the text's lines, once a plain text over lines needs them
    commented: set[Path_] = set()  # Record.commented
    broken: set[Path_] = set()  # Record.broken
    cut = False  # the scalar being placed is a plain text a comment follows on its line
    # each scalar's (start, end) offsets, where a "#" may start a comment: no "#" inside one starts any
    spans: list[tuple[int, int]] | None = [] if "#" in text else None
    documents = 0
    parser = CParser(text)
    get = parser.get_event
    try:
        while len(problems) < MAX_PROBLEMS_PER_FILE:
            e = get()
            kind = type(e)
            if kind is ScalarEvent:
                value = e.value
                mark = e.start_mark
                tag = e.tag
                if tag is not None or e.anchor is not None:
                    _marked(e, problem)
                if not (value.isascii() and value.isprintable()) and _HIDDEN.search(
                    value
                ):  # (ASCII and printable: none)
                    _hidden_in_value(value, mark, problem)
                cut = False
                if spans is not None:
                    spans.append((mark.index, e.end_mark.index))
                if not e.style:  # a plain text ends before a comment on its line: was it cut short?
                    end = e.end_mark.index
                    cut = text[end : end + 1] in _BLANKS and _COMMENT_AFTER.match(text, end) is not None
                if not e.style and e.end_mark.line > mark.line:  # a plain text over lines: an item run on?
                    lines = lines if lines is not None else text.split("\n")
                    _run_on_item(lines, mark, e.end_mark, problem)
                if tag is None and not e.style and e.implicit[0] and value[:1] in _IMPLICIT:
                    scalar = scalar_kind(value)  # plain, and its first character can start more than text
                    if scalar != "str":
                        value, trouble = scalar_value(scalar, value)
                        if trouble:
                            problem(mark, "E021" if scalar == "int" else "E019", trouble)
                        elif scalar in ("int", "float") and (notation := _notation(e.value, value)):
                            problem(mark, "E023", notation)
                        elif scalar == "float" and (rounded := _rounded(e.value, value)):
                            problem(mark, "E021", rounded)
                if tag is None and not e.style and e.implicit[0] and (otherwise := _read_otherwise(e.value)):
                    problem(mark, "E023", otherwise)
                if container is None:
                    root, root_text = value, e.value
                    continue
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                mark = e.start_mark
                if e.anchor is not None or e.tag is not None:
                    _marked(e, problem)
                if len(stack) >= MAX_DEPTH:  # a container open for each frame
                    problem(mark, "E015", f"nesting deeper than {MAX_DEPTH} levels; no trial record needs this")
                    break
                if container is None:
                    child: Path_ | None = ()
                elif where is None or (pending is _NO_KEY and type(container) is dict):
                    child = None  # inside a key, or this node is a key
                else:
                    child = where + (len(container),) if type(container) is list else where + (pending,)
                if child is not None:
                    values[child] = mark
                stack.append((container, where, pending, key_at, opened))
                container, where, pending, key_at, opened = (
                    ({} if kind is MappingStartEvent else []),
                    child,
                    _NO_KEY,
                    None,
                    mark,
                )
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value, mark = container, opened
                container, where, pending, key_at, opened = stack.pop()
                if container is None:
                    root = value
                    continue
            elif kind is AliasEvent:
                mark = e.start_mark
                problem(mark, "E010", f"alias '*{e.anchor}' is not allowed; write the value out")
                value = None
                if container is None:
                    continue
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problem(e.start_mark, "E009", "a second YAML document ('---'); a trial file holds exactly one")
                    break
                continue
            elif kind is StreamEndEvent:
                break
            else:  # the stream's start, a document's end
                continue
            # a value (or a key) for the innermost open container
            if value is _MERGE and (type(container) is list or pending is not _NO_KEY):
                problem(mark, "E011", "'<<' is YAML's merge key; as a value, write it in quotes ('<<')")
                value = "<<"
            if type(container) is list:
                if (
                    where is not None
                    and kind is not AliasEvent
                    and kind is not SequenceEndEvent
                    and kind is not MappingEndEvent
                ):
                    values[where + (len(container),)] = mark
                    if kind is ScalarEvent and e.style in _BLOCK and not value.strip():
                        empty_blocks[where + (len(container),)] = e.style
                    if kind is ScalarEvent and cut:
                        commented.add(where + (len(container),))
                    if kind is ScalarEvent and e.style == ">" and "\n" in value:
                        broken.add(where + (len(container),))
                container.append(value)
            elif pending is _NO_KEY:
                pending = _key(value, container, mark, where is not None, keys, where, problem)
                key_at = mark
            else:
                if where is not None:
                    at = where + (pending,)
                    if kind is ScalarEvent:
                        values[at] = mark
                        if e.style in _BLOCK and not value.strip():
                            empty_blocks[at] = e.style
                        if cut:
                            commented.add(at)
                        if e.style == ">" and "\n" in value:
                            broken.add(at)
                    if pending not in container:
                        keys[at] = key_at
                if pending not in container:
                    container[pending] = value
                pending = _NO_KEY
    except MarkedYAMLError as exc:
        reason = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        unclosed = "quoted scalar" in reason and "end of stream" in reason and exc.context_mark is not None
        # a quote never closed is reported where it opens: libyaml's mark is the end of the file
        mark = exc.context_mark if unclosed else exc.problem_mark or exc.context_mark
        # where the key libyaml was reading began: a key without its colon is noticed lines after it
        key_line = exc.context_mark.line + 1 if exc.context_mark and "simple key" in str(exc.context) else 0
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        hint, line, col = _hint(reason, text, line, col, key_line)
        return None, (problems + [Problem(path, line, col, "E007", f"YAML syntax: {reason}{hint}")])[
            :MAX_PROBLEMS_PER_FILE
        ]
    except YAMLError as exc:  # the reader's errors carry an offset, not a mark
        position = getattr(exc, "position", None)
        line, col = _line_col(text, position) if isinstance(position, int) else (0, 0)
        return None, (problems + [Problem(path, line, col, "E007", f"YAML syntax: {exc}".replace("\n", " "))])[
            :MAX_PROBLEMS_PER_FILE
        ]
    finally:
        parser.dispose()
    if problems:
        return None, problems[:MAX_PROBLEMS_PER_FILE]
    if documents == 0 or (root is None and not root_text):
        return None, [Problem(path, 1, 1, "E008", "empty file: no YAML document")]
    if not isinstance(root, dict):
        shown = "a list" if isinstance(root, list) else f"the single value {_shown(root_text)}"
        return None, [
            Problem(path, 1, 1, "E013", f"the document is {shown}; a trial record is a mapping of fields (nct_id: ...)")
        ]
    found = comment_lines.comments(text, spans) if spans is not None else []
    return Record(path, root, values, keys, empty_blocks, commented, broken, found), []


def _run_on_item(lines: list[str], start: Any, end: Any, problem: Callable[[Any, str, str], None]) -> None:
    """E024 at the first line of a plain text over lines (from start to end) that begins with "- ":
    a list item indented one space further than the item or the value above it, which YAML reads as
    more of that text ("CAR-T - CD19"). E501 then refused the joined text, which said nothing of the
    indentation (a new user's review). trials fmt writes no text so: a plain text never runs on."""
    for n in range(start.line + 1, min(end.line, len(lines) - 1) + 1):
        stripped = lines[n].lstrip(" ")
        if stripped.startswith("- ") or stripped == "-":
            column = len(lines[n]) - len(stripped)
            first = lines[start.line]
            dash = _DASH_RUN_ON.match(first, start.column) if not first[: start.column].strip() else None
            problem(
                _Mark(n, column),
                "E024",
                "a list item indented further than the text above it is read as more of that text (line "
                f"{start.line + 1}); "
                + (  # "-SLE" above "- LN": the text is the item missing its space
                    _no_item(start.line + 1, dash.group(1))[2:]
                    if dash
                    else "start it in the column of the items beside it"
                ),
            )
            return


class _Mark(NamedTuple):
    line: int  # 0-based, as the parser's marks
    column: int


_BLOCK = ("|", ">")  # the styles of a block scalar, as libyaml gives them


_HINTS = {
    "mapping values are not allowed": "; a value that contains ': ' must be put in quotes",
    "did not find expected key": "; check the indentation of this line and the one above",
    "did not find expected '-' indicator": "; list items under one key must start in the same column",
    "found character that cannot start any token": "; a value starting with this character must be put in quotes",
}


# A line's key, up to its colon: "  sex: ALL", "  - field: x" ("sex", "field")
MAX_KEY = 1024  # libyaml reads a key written without '?' up to this many characters, then no further
# (a plain key's spaces before its colon are its own [^:#]*: a lazy key and [ \t]* both taking them
# cost a 200,000-character line of spaces 16 s of backtracking, a record's 1 MiB minutes)
_KEY_COLON = lazy(r"[ \t]*(?:-[ \t]+)*(?:(?:\"[^\"]*\"|'[^']*')[ \t]*|[^\s#'\"][^:#]*):(?=[ \t]|$)")


def _hint(reason: str, text: str = "", line: int = 0, col: int = 0, key_line: int = 0) -> tuple[str, int, int]:
    """libyaml's words, plus what a curator can do about them, and where: where the lines around the
    mark say what went wrong (an indentation slip, a key without its colon), that, at the line at
    fault; else what the words most often mean, at the mark. libyaml marks where it noticed, which
    is often a line after the slip: a key indented one space off, or a colon left out, was reported
    at the next line with the advice to quote a value that held no ': ', and a key without its
    colon still is noticed there (past any blank lines and comments), so the problem is placed at
    the key's line and column, as an editor should jump to it."""
    quote = _quote_hint(reason, text, line, col) if line else None
    if quote is not None:
        return quote, line, col
    layout = _layout_hint(reason, text, line, col, key_line) if line else None
    if layout is None:
        return next((hint for words, hint in _HINTS.items() if words in reason), ""), line, col
    hint, at = layout
    return hint, at, col if at == line else _indent(text.split("\n")[at - 1]) + 1


_QUOTES = {'"': '\\"', "'": "''"}  # a quote character, and how it is written inside a text quoted with it


def _quote_hint(reason: str, text: str, line: int, col: int) -> str | None:
    """Where the slip is a quote: a text in quotes that is never closed (reported where it opens),
    or one that ends just before the mark, with more of the line after it: a quote inside the text
    ("Chewing "Oral" Food") ends it early, and one left open runs on to the next quote of the file,
    lines below. libyaml reported both where the text after that quote began, and the hint said to
    check the indentation (a new user's review)."""
    if "quoted scalar" in reason and "end of stream" in reason:
        quote = text.split("\n")[line - 1][col - 1 : col]
        return f"; the text in quotes that starts here has no closing {quote}" if quote in _QUOTES else None
    if "flow" in reason:  # in [...] or {...}, libyaml's words say what is missing: a ',' or the closing bracket
        return None
    quoted: Any = None  # the token before the mark, when it is a text in quotes
    parser = CParser(text)
    try:
        for token in iter(parser.get_token, None):
            if (token.start_mark.line + 1, token.start_mark.column + 1) >= (line, col):
                break
            quoted = token if getattr(token, "style", None) in _QUOTES else None
    except YAMLError:
        pass  # the scanner stops at a slip of its own, at the mark or before it
    finally:
        parser.dispose()
    if quoted is None:
        return None
    start, end = quoted.start_mark, quoted.end_mark
    if end.line + 1 != line or text.split("\n")[line - 1][end.column : col - 1].strip(" "):
        return None
    quote = quoted.style
    inside = f"a {quote} inside a text in {quote} quotes is written {_QUOTES[quote]}"
    if start.line == end.line:
        return (
            f"; the text in quotes from column {start.column + 1} ends at the {quote} in column {end.column}, and more "
            f"follows it: {inside}"
        )
    return (
        f"; the text in quotes from line {start.line + 1} column {start.column + 1} runs on to the {quote} at line "
        f"{end.line + 1} column {end.column}: is its closing {quote} missing on line {start.line + 1}? ({inside})"
    )


# A line that starts with a '-' run on into a word ("-text: x"): a key to YAML, meant as a list item
_ITEM_MARKS = lazy(r" *(?:-(?: +|$))*")  # a line's indent and its items' dashes: where its content starts
_DASH_RUN_ON = lazy(r" *(-[^\s\-:][^\s:]*)")


# A key whose value is a text in block style, its lines below: "text: >-", "- text: |"
_BLOCK_KEY = lazy(r"[^#]*:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _out_of_block(lines: list[str], line: int) -> str | None:
    """The hint for a line of a text in block style ("text: >-") written less indented than the
    block's other lines, right below them: YAML ends the text above it and reads the line as a key
    with no colon."""
    last = None  # the block's last line, right above the line
    least = 0  # the least indent of the block's lines
    for n in range(line - 1, 0, -1):
        above = lines[n - 1]
        if not above.strip():
            continue
        if last is not None and _indent(above) < least and _BLOCK_KEY.match(above):
            return (
                f"; line {line} is less indented than the text in block style that line {n} starts (its lines "
                f"start in column {least + 1}): indent it as line {last} is, or, a key, give it its ': '"
            )
        if last is not None and _indent(above) < least:
            return None
        last = last or n
        least = min(least, _indent(above)) if n != last else _indent(above)
    return None


def _no_item(line: int, word: str) -> str:
    return (
        f"; line {line} starts with '{word}', no list item: a list item's '-' is followed by a space ('- {word[1:]}')"
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _no_colon(line: int) -> str:
    return f"; line {line} has no ': ' after its key (a text of its own there must be put in quotes)"


def _layout_hint(reason: str, text: str, line: int, col: int, key_line: int = 0) -> tuple[str, int] | None:
    """The hint, and the line at fault: the mark's, or the line the hint names as the slip (a key
    without its colon is noticed on a line after it, past any blank lines and comments; key_line,
    where libyaml began reading the key, when it says)."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return None
    here, indent = lines[line - 1], _indent(lines[line - 1])
    key = _KEY_COLON.match(here)
    if "mapping values are not allowed" in reason and key is not None and col - 1 > key.end():
        return "; a value that contains ': ' must be put in quotes", line  # a second ': ' on the line: the value's
    # the lines before it that it follows: back to the nearest one no further in than it
    before = [n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")]
    above = next((n for n in before if _indent(lines[n - 1]) <= indent), None)
    if above is None:
        return None
    if "could not find expected ':'" in reason and (key_line or before):  # (libyaml marks a line after the key)
        at = key_line if 0 < key_line <= line else before[0]
        if dash := _DASH_RUN_ON.match(lines[at - 1]):
            return _no_item(at, dash.group(1)), at
        if (block := _out_of_block(lines, at)) is not None:
            return block, at
        if (key := _KEY_COLON.match(lines[at - 1])) is not None and key.end() - _indent(lines[at - 1]) > MAX_KEY:
            long = key.end() - 1 - _indent(lines[at - 1])
            return f"; line {at}'s key is {long:,} characters long, over YAML's {MAX_KEY:,} for a key", at
        return _no_colon(at), at
    prev = lines[above - 1]
    prev_key = _KEY_COLON.match(prev)
    if prev_key is None and not prev.lstrip().startswith("- ") and "mapping values are not allowed" in reason:
        # a text over lines: the slip is on the line it starts on, whose key (or item) holds it, not the
        # line before the mark ("- text >-" with its colon left out, then two lines of the text)
        start = above
        for n in (n for n in before if n < above):
            earlier = lines[n - 1]
            content = _ITEM_MARKS.match(earlier)  # (it matches every line, if only its empty start)
            if content is None or content.end() >= _indent(lines[start - 1]) or _KEY_COLON.match(earlier):
                break
            start = n
            if earlier.lstrip().startswith("- "):
                break
        return _no_colon(start), start
    if "mapping values are not allowed" in reason and prev_key is not None and prev[prev_key.end() :].strip():
        if indent > _indent(prev):
            return (
                f"; line {above}'s key already has its value, and line {line} starts further in (column "
                f"{indent + 1}, line {above} column {_indent(prev) + 1}): keys of one mapping start in the same column",
                line,
            )
    # "-text: x" beside "- text: y" items: a key "-text" to YAML, no item (libyaml marks either line)
    for n, dash in ((line, _DASH_RUN_ON.match(here)), (above, _DASH_RUN_ON.match(prev))):
        item = prev if n == line else here
        if dash and item.lstrip(" ").startswith("- ") and _indent(item) == indent:
            return _no_item(n, dash.group(1)), n
    if "did not find expected key" in reason or "did not find expected '-' indicator" in reason:
        # the first line of the block the mark's line should have gone on: the least indented of the
        # lines between it and the line that holds them both
        between = [n for n in before if n > above] if _indent(prev) < indent else []
        if between:
            first = min(between, key=lambda n: (_indent(lines[n - 1]), n))
            if _indent(lines[first - 1]) != indent:
                items = "'-'" in reason or lines[first - 1].lstrip().startswith("-")
                what = "list items under one key" if items else "keys of one mapping"
                return (
                    f"; line {first} starts in column {_indent(lines[first - 1]) + 1} and line {line} in column "
                    f"{indent + 1}: {what} start in the same column",
                    line,
                )
    return None


def read(file: Path | str, path: str) -> tuple[bytes | None, list[Problem], files.Stamp | None]:
    """A trial file's bytes (at most MAX_BYTES) or why they cannot be had (E001, E004), and its
    stamp when read (files.Stamp): what the check cache compares (a change after the read is seen by
    the next run). Only a regular file is read (files.read): a link is refused, not followed."""
    try:
        raw, stamp = files.read(file, MAX_BYTES)
    except files.TooLarge:
        return (
            None,
            [Problem(path, 0, 0, "E004", f"file is over {MAX_BYTES:,} bytes (1 MiB), the limit for a trial file")],
            None,
        )
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
