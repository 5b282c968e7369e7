"""Schema: check one record against schema/trial.schema.json (JSON Schema 2020-12).

jsonschema-rs, a compiled validator, gives the verdict and the errors; this module gives each error
a stable code, a place in the file and a message a curator can act on. Its patterns are matched as
ECMA-262 engines match them (what the schema's other consumers use): `$` is the end of the text, not
"before a final newline" as in Python, and `\\d` means ASCII digits only. The regular expressions
run on the linear-time engine (no backtracking), and uniqueItems compares items as JSON does (1 and
1.0 are equal, true and 1 are not). tests/test_engines.py holds the verdict to the Python reference
implementation (jsonschema) on every file the tests have.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator
from itertools import islice
from typing import Any

import jsonschema_rs

from sle_trials import command
from sle_trials.checks.load import Record
from sle_trials.fields import dotted, integer_fields
from sle_trials.paths import SCHEMA_PATH, load_schema  # noqa: F401 - where the schema is; re-exported
from sle_trials.problem import Check, Problem

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E102", "malformed-nct-id", "an NCT id that is not NCT followed by 8 ASCII digits"),
    Check("E201", "missing-field", "a required field is missing"),
    Check("E202", "unknown-field", "a field the schema does not define (a typo?)"),
    Check("E203", "wrong-type", "a value of the wrong type (text for a number, ...)"),
    Check("E204", "value-not-allowed", "a value outside the allowed vocabulary"),
    Check("E205", "bad-format", "a value that does not have the required form (a date, a path)"),
    Check("E206", "out-of-range", "a number, text or list too small or too large"),
    Check(
        "E207",
        "duplicate-item",
        "the same item twice in a list that must not repeat (a threshold's condition again in another case, too)",
    ),
    Check("E208", "schema-violation", "any other schema rule, e.g. an empty block (dates: {})"),
    Check(
        "E209",
        "whole-number-as-decimal",
        "a whole number written with a decimal point (6.0) where the schema holds whole numbers (a count, an "
        "age, a criterion's number): JSON Schema's integer takes 6.0, the source says 6, and the exports would "
        "print 6.0",
    ),
)

# By the keyword that failed (jsonschema-rs's error kind names it).
_CODES = {
    "required": "E201",
    "additionalProperties": "E202",
    "type": "E203",
    "enum": "E204",
    "const": "E204",
    "pattern": "E205",
    "minimum": "E206",
    "maximum": "E206",
    "exclusiveMinimum": "E206",
    "exclusiveMaximum": "E206",
    "minLength": "E206",
    "maxLength": "E206",
    "minItems": "E206",
    "maxItems": "E206",
    "uniqueItems": "E207",
    # everything else, e.g. minProperties (an empty block such as `dates: {}`), is E208
}
_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping (key: value lines)",
    "array": "a list (- item lines)",
    "null": "nothing",
}
# A hostile file can hold tens of thousands of mistakes; the first ones are enough to act on.
MAX_PROBLEMS = 50


class SchemaRefused(Exception):
    """The schema cannot be used to check anything: it refers outside itself, or does not compile."""


class Validator:
    """The schema, compiled once per run: its verdict on data and its errors.

    Whatever the schema refers to must be in it. jsonschema-rs fetches a `$ref` it cannot find in the
    document (`file:///...`, `https://...`); the retriever refuses every one, so that no rule of the
    checks lives in a file the fingerprint does not cover, in a file outside the repository (which
    nothing here ever reads), or on a server that may answer a reviewer and CI differently."""

    def __init__(self, schema: dict) -> None:
        self.schema = schema
        asked: list[str] = []

        def refuse(uri: str) -> Any:
            asked.append(uri)
            raise ValueError(f"{uri} is outside the schema")

        try:
            self._compiled = jsonschema_rs.Draft202012Validator(
                schema, pattern_options=jsonschema_rs.RegexOptions(), retriever=refuse
            )
        except jsonschema_rs.ValidationError as exc:
            why = (
                f"refers to {asked[0]}, outside itself: a `$ref` must name a part of the schema "
                "(#/$defs/...); nothing outside it is read"
                if asked
                else f"does not compile: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
            )
            raise SchemaRefused(f"{SCHEMA_PATH.as_posix()} {why}") from None

    def valid(self, data: Any) -> bool:
        return bool(self._compiled.is_valid(data))

    def errors(self, data: Any) -> Iterator[Any]:
        """jsonschema_rs.ValidationError of each mistake."""
        return self._compiled.iter_errors(data)


def make_validator(schema: dict) -> Validator:
    """A validator for the schema; make it once per run and pass it to check()."""
    return Validator(schema)


def _non_ascii(value: str) -> str:
    odd = [c for c in dict.fromkeys(value) if ord(c) > 127]
    if not odd:
        return ""
    return "; it contains " + ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in odd)


def _node(root: dict, error: Any) -> dict:
    """The schema object holding the keyword that failed (the schema path leads to it in the file,
    through $defs where a $ref took the validator)."""
    node: Any = root
    for part in list(error.schema_path)[:-1]:
        node = node[part] if isinstance(node, dict) else node[int(part)]
    return node if isinstance(node, dict) else {}


def _message(error: Any, root: dict) -> tuple[str, str]:
    """(code, message) for one error."""
    where = dotted(tuple(error.instance_path))
    kind, value = error.kind, error.instance
    keyword = kind.name
    code = _CODES.get(keyword, "E208")
    node = _node(root, error)
    if keyword == "type":
        types = list(kind.types)
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        hint = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and "string" in types:
            hint = f'; YAML reads a bare {value} as a number: write it in quotes ("{value}")' + (
                f", or run {command.run('fmt')}" if "[0-9]{4}" in node.get("pattern", "") else ""
            )
        return code, f"{where}: expected {expected}, got {_describe(value)}{hint}"
    if keyword in ("enum", "const"):
        allowed = list(kind.options) if keyword == "enum" else [kind.expected_value]
        hint = ""
        if isinstance(value, str):
            folded = {str(a).casefold(): a for a in allowed}
            written = value.casefold().replace(" ", "_")
            # the one value of the same characters first ("=>" is >=, not the closer-looking >)
            same = [a for f, a in folded.items() if set(f) == set(written)]
            close = same if len(same) == 1 else difflib.get_close_matches(written, list(folded), n=1, cutoff=0.6)
            hint = f" (did you mean {folded[str(close[0]).casefold()]}?)" if close else ""
        # a value as the record writes it: an empty one (`type:`, as a field `trials new` lists is left when
        # its hint is deleted) is no Python None to a curator, a boolean no True
        shown = (
            repr(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else _describe(value)
        )
        return code, f"{where}: {shown} is not allowed; expected one of {', '.join(map(str, allowed))}{hint}"
    if keyword == "pattern":
        if kind.pattern == root["$defs"]["nct_id"]["pattern"]:
            return (
                "E102",
                f"{where}: {value!r} is not an NCT id (NCT followed by exactly 8 ASCII digits){_non_ascii(value)}",
            )
        description = node.get("description", f"the pattern {kind.pattern}")
        return code, f"{where}: {value!r} does not have the required form: {description}{_non_ascii(value)}"
    if keyword == "minProperties":
        return code, f"{where}: an empty block; fill it in or remove it"
    if keyword == "minLength" and kind.limit == 1:
        return code, f"{where}: empty text; fill it in or remove it"
    if keyword == "minItems" and kind.limit == 1:
        return code, f"{where}: an empty list; fill it in or remove it"
    if keyword == "uniqueItems":
        return code, f"{where}: the same item appears more than once"
    if keyword == "required":
        return code, f"{where}: required field {kind.property!r} is missing"
    return code, f"{where}: {error.message}"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    return repr(value)


def _unknown_keys(record: Record, error: Any, root: dict) -> Iterator[Problem]:
    """E202 for each key the mapping may not hold, at the key, with the nearest allowed name."""
    path = tuple(error.instance_path)
    node = _node(root, error)
    known = sorted(node.get("properties", {}))
    allowed = (
        f"allowed here: {', '.join(known)}"
        if known
        else f"a key here must match {' or '.join(node.get('patternProperties', {}))}"
    )
    for key in error.kind.unexpected:
        close = difflib.get_close_matches(key[:100], known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; {allowed}"
        key_shown = key if len(key) <= 60 else key[:57] + "..."
        line, col = record.where(path + (key,), key=True)
        yield Problem(
            record.path, line, col, "E202", f"{dotted(path + (key_shown,))}: unknown field {key_shown!r}{hint}"
        )


def decimals_for_integers(record: Record, root: dict) -> Iterator[Problem]:
    """E209: each float of the record where the schema holds an integer. JSON Schema counts 6.0 as an
    integer (a number with no fraction), so the validator passes `count: 6.0`; but YAML read it as a
    decimal, the record no longer writes what its source does, and trials.csv and the exports print
    6.0. The walk goes down only the fields that lead to an integer field (fields.integer_fields), not
    the evidence, the notes or the criteria's texts. A fraction there (6.5) is no integer to JSON
    Schema either: E203 reports it."""
    integers = integer_fields(root)
    # (path, the field's path without list indexes, value); depth first, each node's children pushed
    # last first: the problems in document order
    stack: list[tuple[tuple, tuple, Any]] = [((), (), record.data)]
    while stack:
        path, field, value = stack.pop()
        if isinstance(value, dict):
            for key, child in reversed(value.items()):
                if field + (key,) in integers.toward:
                    stack.append((path + (key,), field + (key,), child))
        elif isinstance(value, list):
            stack.extend((path + (i,), field, value[i]) for i in range(len(value) - 1, -1, -1))
        elif type(value) is float and value.is_integer() and field in integers.fields:
            line, col = record.where(path)
            yield Problem(
                record.path,
                line,
                col,
                "E209",
                f"{dotted(path)}: {value!r} is written as a decimal where the schema holds a whole number; "
                f"write {int(value)}, as the source does",
            )


def check(record: Record, validator: Validator) -> list[Problem]:
    """The record's schema problems (the first MAX_PROBLEMS), each at its line and column: the
    validator's, then a whole number written as a decimal (E209)."""
    root = validator.schema
    problems: list[Problem] = []
    for error in validator.errors(record.data):
        room = MAX_PROBLEMS - len(problems)
        if room <= 0:
            break
        if error.kind.name == "additionalProperties":
            problems.extend(islice(_unknown_keys(record, error, root), room))
            continue
        code, message = _message(error, root)
        block = record.empty_blocks.get(tuple(error.instance_path))
        if block is not None:  # `comparator: >` is YAML's folded block of no lines: an empty value
            message += f"; YAML reads a bare {block} as the start of a block of text: put it in quotes ('{block}')"
        line, col = record.where(tuple(error.instance_path))
        problems.append(Problem(record.path, line, col, code, message))
    problems.extend(islice(decimals_for_integers(record, root), max(0, MAX_PROBLEMS - len(problems))))
    return problems
