"""Schema: check one record against schema/trial.schema.json (JSON Schema 2020-12).

jsonschema does the validating; this module gives each error a stable code, a place in the file
and a message a curator can act on. Patterns are matched as ECMA-262 engines match them (what the
schema's other consumers use): `$` means end of text, not "before a final newline" as in Python,
and `\\d` means ASCII digits only.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # jsonschema is imported when a file fails the fast path, not for every run
    from jsonschema import ValidationError

from sle_trials.fields import dotted
from sle_trials.checks.load import Record
from sle_trials.problem import Check, Problem

from sle_trials.paths import SCHEMA_PATH, load_schema  # noqa: E402,F401 - where the schema is; re-exported

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E102", "malformed-nct-id", "an NCT id that is not NCT followed by 8 ASCII digits"),
    Check("E201", "missing-field", "a required field is missing"),
    Check("E202", "unknown-field", "a field the schema does not define (a typo?)"),
    Check("E203", "wrong-type", "a value of the wrong type (text for a number, ...)"),
    Check("E204", "value-not-allowed", "a value outside the allowed vocabulary"),
    Check("E205", "bad-format", "a value that does not have the required form (a date, a path)"),
    Check("E206", "out-of-range", "a number, text or list too small or too large"),
    Check("E207", "duplicate-item", "the same item twice in a list that must not repeat"),
    Check("E208", "schema-violation", "any other schema rule, e.g. an empty block (dates: {})"),
)


_CODES = {
    "required": "E201",
    "additionalProperties": "E202",
    "type": "E203",
    "enum": "E204",
    "const": "E204",
    "pattern": "E205",
    "minimum": "E206", "maximum": "E206", "exclusiveMinimum": "E206", "exclusiveMaximum": "E206",
    "minLength": "E206", "maxLength": "E206", "minItems": "E206", "maxItems": "E206",
    "uniqueItems": "E207",
    # everything else, e.g. minProperties (an empty block such as `dates: {}`), is E208
}
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "object": "a mapping (key: value lines)", "array": "a list (- item lines)", "null": "nothing"}


_ECMA_CLASSES = {"d": ("[0-9]", "0-9"), "D": ("[^0-9]", None), "w": ("[A-Za-z0-9_]", "A-Za-z0-9_"), "W": ("[^A-Za-z0-9_]", None)}


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a JSON Schema pattern with ECMA-262 meaning: `$` is the end of the text (Python's also
    matches before a final newline), `\\d` and `\\w` are ASCII-only (Python's match any script's digits
    and letters), while `\\s` keeps matching all Unicode white space, as in ECMA-262."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            escape = pattern[i + 1]
            if escape in _ECMA_CLASSES:
                alone, inside = _ECMA_CLASSES[escape]
                out.append(inside if in_class and inside else alone)
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        elif c == "$" and not in_class:
            c = r"\Z"
        out.append(c)
        i += 1
    return re.compile("".join(out))


_compiled = lru_cache(maxsize=None)(ecma_pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict) -> Iterator["ValidationError"]:
    from jsonschema import ValidationError

    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _canonical(value: Any) -> Any:
    """A hashable form under JSON equality: 1 == 1.0, true != 1, key order does not matter."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, (int, float)):
        return ("number", int(value) if float(value).is_integer() else value)
    if isinstance(value, list):
        return ("array", tuple(_canonical(v) for v in value))
    if isinstance(value, dict):
        return ("object", tuple(sorted((k, _canonical(v)) for k, v in value.items())))
    return ("other", repr(value))


def _unique_items(validator: Any, unique: bool, instance: Any, schema: dict) -> Iterator["ValidationError"]:
    from jsonschema import ValidationError

    # jsonschema compares every pair of items (quadratic: a 20,000-item list took minutes); a set is linear.
    if unique and isinstance(instance, list):
        seen: set = set()
        for item in instance:
            key = _canonical(item)
            if key in seen:
                yield ValidationError(f"{instance!r:.80} has non-unique elements")
                return
            seen.add(key)


@lru_cache(maxsize=1)
def _validator_class() -> Any:
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"pattern": _pattern, "uniqueItems": _unique_items})
# A hostile file can hold tens of thousands of mistakes; the first ones are enough to act on.
MAX_PROBLEMS = 50


def fast_validator(schema: dict) -> Callable[[Any], bool]:
    """A yes/no validator for the fast path: jsonschema-rs (compiled, ECMA-262 patterns) when
    installed, else this module's own validator. A "no" only sends the file to check(), whose
    messages are the ones reported, so the two engines never disagree in what a curator reads;
    tests/test_engines.py proves they agree on valid, invalid and hostile records."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - the dependency is declared; this keeps the tool usable without it
        slow = make_validator(schema)
        return lambda data: next(slow.iter_errors(data), None) is None
    compiled = jsonschema_rs.validator_for(schema)

    def valid(data: Any) -> bool:
        try:
            return bool(compiled.is_valid(data))
        except (ValueError, OverflowError, TypeError):  # e.g. an integer beyond 64 bits
            return False

    return valid


def make_validator(schema: dict) -> Any:
    """A validator for the schema; make it once per run and pass it to check()."""
    return _validator_class()(schema)


def _non_ascii(value: str) -> str:
    odd = [c for c in dict.fromkeys(value) if ord(c) > 127]
    if not odd:
        return ""
    return "; it contains " + ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in odd)


def _is_nct_id(schema: dict, root: dict) -> bool:
    return schema.get("pattern") == root["$defs"]["nct_id"]["pattern"]


def _message(error: "ValidationError", root: dict) -> tuple[str, str]:
    """(code, message) for one error."""
    where = dotted(error.absolute_path)
    kind, value = error.validator, error.instance
    code = _CODES.get(kind, "E208")
    if kind == "type":
        expected = error.validator_value
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
        hint = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and "string" in str(error.validator_value):
            hint = f'; YAML reads a bare {value} as a number: write it in quotes ("{value}")' + (
                ", or run trials fmt" if "[0-9]{4}" in error.schema.get("pattern", "") else "")
        return code, f"{where}: expected {expected}, got {_describe(value)}{hint}"
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        hint = ""
        if isinstance(value, str):
            folded = {str(a).casefold(): a for a in allowed}
            close = difflib.get_close_matches(value.casefold().replace(" ", "_"), list(folded), n=1, cutoff=0.6)
            hint = f" (did you mean {folded[close[0]]}?)" if close else ""
        return code, f"{where}: {value!r} is not allowed; expected one of {', '.join(map(str, allowed))}{hint}"
    if kind == "pattern":
        if _is_nct_id(error.schema, root):
            return "E102", f"{where}: {value!r} is not an NCT id (NCT followed by exactly 8 ASCII digits){_non_ascii(value)}"
        description = error.schema.get("description", f"the pattern {error.validator_value}")
        return code, f"{where}: {value!r} does not have the required form: {description}{_non_ascii(value)}"
    if kind == "minProperties":
        return code, f"{where}: an empty block; fill it in or remove it"
    if kind == "uniqueItems":
        return code, f"{where}: the same item appears more than once"
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return code, f"{where}: required field {missing!r} is missing"
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


def check(record: Record, validator: Any) -> list[Problem]:
    schema = validator.schema
    problems: list[Problem] = []
    for error in validator.iter_errors(record.data):
        if len(problems) >= MAX_PROBLEMS:
            break
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = set(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in known and len(problems) < MAX_PROBLEMS:
                    close = difflib.get_close_matches(key[:100], sorted(known), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else f"; allowed here: {', '.join(sorted(known))}"
                    key_shown = key if len(key) <= 60 else key[:57] + "..."
                    line, col = record.where(path + (key,), key=True)
                    problems.append(Problem(record.path, line, col, "E202", f"{dotted(path + (key_shown,))}: unknown field {key_shown!r}{hint}"))
            continue
        code, message = _message(error, schema)
        line, col = record.where(path)
        problems.append(Problem(record.path, line, col, code, message))
    return problems
