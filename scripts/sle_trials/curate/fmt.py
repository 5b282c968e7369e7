"""Fmt: the canonical form of a trial file, so that a diff shows changes in data and not in layout.

The canonical form:
- keys in the order the schema lists them (keys the schema does not know keep their order, last;
  the `evidence` mapping keeps the order it was written in);
- block style everywhere, except the small fixed-shape pairs `criterion` ({list, number}) and
  `patients` ({first, last}), which are always written inline;
- dates always double-quoted ("2024-07-30"; an unquoted 2024 would be read as a number), NCT ids
  never quoted; other text keeps its quotes, but single quotes become double quotes, and new text
  is quoted only where YAML needs it;
- two-space indentation, list items indented under their key (`  - item`), LF line ends, no
  byte-order mark (a file saved with CRLF line ends or a BOM is fixed).
Comments, blank lines and how each text is written (plain, folded `>-`, literal `|-`) are kept: the
file is read and written with ruamel.yaml's round-trip mode. A comment line travels with the field
above it when fields are reordered.

A file is only rewritten when the strict loader reads the same data from the result as from the
original; a file the loader refuses is reported and left alone. seeds/ is never touched.
"""

from __future__ import annotations

import io
import shlex
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
    SingleQuotedScalarString,
)

from sle_trials import command, decimals, fields, files
from sle_trials.checks import load
from sle_trials.checks import schema as schema_mod
from sle_trials.outputs import export, report
from sle_trials.problem import Problem

WIDTH = 100  # new folded text is wrapped to this many columns; existing line breaks are kept
INLINE = ("#/$defs/criterion_ref", "#/$defs/patient_range")
ONE_LINE = ("brief_title", "official_title")  # titles stay on one line, however long, as the registry writes them
_DATE_DEF = "#/$defs/partial_date"
_ID_DEF = "#/$defs/nct_id"


class FmtError(Exception):
    """A file that cannot be put in canonical form; problems say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


class _Emitter(Emitter):
    """Double quotes wherever quotes are needed (ruamel.yaml would otherwise choose single quotes), and
    for text that YAML 1.1 readers read as a number in base 60 ("1:30"), as true or false ("No", "on"),
    or not at all ("="), which E023 refuses unquoted."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        value = self.event.value
        if not style and self.event.implicit[0] and value and load.other_in_1_1(value):
            return '"'
        return '"' if style == "'" else style


class _Representer(RoundTripRepresenter):
    """A number the tool puts in a record (an import's, a new record's) in plain digits: ruamel.yaml
    writes 1e-05 and 1e+16 with exponents, which E023 refuses (YAML 1.1 readers read them as text).
    A number read from a file keeps its text (round-trip mode reads it as a ScalarFloat)."""


class _Constructor(RoundTripConstructor):
    """Text that looks like a date stays text, as the strict loader reads it. ruamel.yaml's round-trip
    mode made a date of a plain "2024-01-01", and one with no such day ("2024-13-45", a typo the checks
    report as E205) stopped `trials fmt` with an internal error (exit 3) instead of formatting it."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


_Representer.add_representer(
    float, lambda r, value: r.represent_scalar("tag:yaml.org,2002:float", decimals.plain_float(value))
)


def yaml_rt() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _Constructor
    y.Representer = _Representer
    y.Emitter = _Emitter
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a line a curator wrote; new text is folded by fold() below
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    return y


def _ref(node: dict) -> str | None:
    return node.get("$ref")


def _is_date(raw: dict) -> bool:
    return _ref(raw) == _DATE_DEF


def _is_id(raw: dict) -> bool:
    return _ref(raw) == _ID_DEF


def _child(schema: dict, node: dict, key: Any) -> dict:
    """The raw (unresolved) schema node for a key or index below node (resolved)."""
    if isinstance(key, int):
        return node.get("items", {})
    return node.get("properties", {}).get(key, {})


def _order(keys: list, node: dict) -> list:
    known = list(node.get("properties", {}))
    rank = {k: i for i, k in enumerate(known)}
    return sorted(keys, key=lambda k: (0, rank[k]) if k in rank else (1, keys.index(k)))


def _reorder(mapping: Any, wanted: list) -> None:
    """Put a round-trip mapping's keys (a CommentedMap's) in the wanted order, each key's comment with it."""
    if list(mapping) == wanted:
        return
    comments = {k: mapping.ca.items.get(k) for k in mapping}
    values = [(k, mapping[k]) for k in wanted]
    for k in wanted:
        del mapping[k]
    for k, v in values:
        mapping[k] = v
        if comments[k] is not None:
            mapping.ca.items[k] = comments[k]


def canonicalise(value: Any, schema: dict, raw: dict | None = None) -> Any:
    """Put a round-trip tree in canonical form, in place where possible; returns the value to keep."""
    raw = schema if raw is None else raw
    node = fields.resolve(schema, raw)
    if isinstance(value, dict):
        if node.get("properties"):
            _reorder(value, _order(list(value), node))
        for key in list(value):
            value[key] = canonicalise(value[key], schema, _child(schema, node, key))
        _style(value, raw)
        return value
    if isinstance(value, list):
        for i in range(len(value)):
            value[i] = canonicalise(value[i], schema, _child(schema, node, i))
        _style(value, raw)
        return value
    if _is_date(raw) and isinstance(value, (str, int)) and not isinstance(value, bool):
        return DoubleQuotedScalarString(str(value))
    if _is_id(raw) and isinstance(value, str):
        return PlainScalarString(str(value))
    if isinstance(value, SingleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    return value


def _style(value: Any, raw: dict) -> None:
    fa = getattr(value, "fa", None)
    if fa is None:
        return
    if _ref(raw) in INLINE:
        fa.set_flow_style()
        return
    if fa.flow_style():
        # a comment after an inline value was placed for the longer line; put it after the key
        comment = getattr(value, "ca", None) and value.ca.comment
        if comment and comment[0] is not None:
            comment[0].column = 0
    fa.set_block_style()


def dump(tree: Any) -> str:
    out = io.StringIO()
    yaml_rt().dump(tree, out)
    return out.getvalue()


def _strict(text: str, path: str) -> load.Record:
    checked, problems = load.check_text(text.encode("utf-8"), path)
    if checked is None:
        raise FmtError(problems)
    record, problems = load.parse(checked, path)
    if record is None:
        raise FmtError(problems)
    return record


def _comparable(data: Any, schema: dict, raw: dict | None = None) -> Any:
    """Data with date fields as text, so that quoting a year (2024 -> "2024") counts as no change."""
    raw = schema if raw is None else raw
    node = fields.resolve(schema, raw)
    if isinstance(data, dict):
        return {k: _comparable(v, schema, _child(schema, node, k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_comparable(v, schema, _child(schema, node, i)) for i, v in enumerate(data)]
    if _is_date(raw) and isinstance(data, int) and not isinstance(data, bool):
        return str(data)
    return data


def format_text(text: str, schema: dict, path: str) -> str:
    """The canonical form of a trial file's text; FmtError if the strict loader refuses it.
    A byte-order mark and CRLF line ends (a Windows editor's) are the only things fixed before loading."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    before = _strict(text, path)
    tree = yaml_rt().load(text)
    result = dump(canonicalise(tree, schema))
    after = _strict(result, path)
    if _comparable(after.data, schema) != _comparable(before.data, schema):
        raise FmtError(
            [Problem(path, 0, 0, "E007", "formatting would change the data; file left as it is (please report this)")]
        )
    return result


# --- writing new data (trials new, trials import) -------------------------------------------------


def fold(text: str, indent: int, width: int = WIDTH) -> FoldedScalarString:
    """Folded block text wrapped to width, for content starting at column indent."""
    budget = max(40, width - indent)
    positions: list[int] = []
    line_start, candidate = 0, -1
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and text[i - 1] != " " and text[i + 1] != " ":
            if i - line_start > budget and candidate >= line_start:
                positions.append(candidate)
                line_start = candidate + 1
            candidate = i
    if len(text) - line_start > budget and candidate >= line_start:
        positions.append(candidate)
    folded = FoldedScalarString(text)
    folded.fold_pos = positions
    return folded


def _text(value: str, start: int, block_indent: int, one_line: bool = False) -> Any:
    """How new text is written: literal when it has line breaks, folded when too long, else plain."""
    if "\n" in value:
        return LiteralScalarString(value)
    if start + len(value) > WIDTH and value == value.strip() and "  " not in value and not one_line:
        return fold(value, block_indent)
    return value


def _map(data: dict, col: int) -> CommentedMap:
    out = CommentedMap()
    for key, value in data.items():
        if isinstance(value, dict):
            out[key] = _map(value, col + 2)
        elif isinstance(value, list):
            out[key] = _seq(value, col + 2)
        elif isinstance(value, str):
            out[key] = _text(value, col + len(str(key)) + 2, col + 2, one_line=key in ONE_LINE)
        else:
            out[key] = value
    return out


def _seq(data: list, dash: int) -> CommentedSeq:
    out = CommentedSeq()
    for value in data:
        if isinstance(value, dict):
            out.append(_map(value, dash + 2))
        elif isinstance(value, list):
            out.append(_seq(value, dash + 2))
        elif isinstance(value, str):
            out.append(_text(value, dash + 2, dash + 2))
        else:
            out.append(value)
    return out


def subtree(value: Any, path: tuple) -> Any:
    """New data to be placed at path (keys and list indexes) in a record, styled for that place."""
    col = 2 * (len(path) - 1)  # each step in, a key or a list item, indents two columns
    key = path[-1]
    if isinstance(value, dict):
        return _map(value, col + 2)
    if isinstance(value, list):
        return _seq(value, col + 2)
    if isinstance(value, str):
        return _text(
            value, col + 2 if isinstance(key, int) else col + len(str(key)) + 2, col + 2, one_line=key in ONE_LINE
        )
    return value


def tree(data: dict) -> CommentedMap:
    """A round-trip tree for new data, with text styled as the registry writes it."""
    return _map(data, 0)


def render(data: dict, schema: dict, header: str | None = None) -> str:
    """New data as canonical YAML text, with an optional comment at the top."""
    root = tree(data)
    root = canonicalise(root, schema)
    if header:
        root.yaml_set_start_comment(header)
    return dump(root)


# --- the command ----------------------------------------------------------------------------------


def _target_files(root: Path, paths: Iterable[Path], trial_files: list[Path], err: TextIO) -> list[Path]:
    chosen = []
    seeds = (root / "seeds").resolve()
    for file in paths or trial_files:
        resolved = file.resolve()
        if resolved == seeds or seeds in resolved.parents:
            print(
                f"trials fmt: {files.shown(str(file))}: seeds/ holds source documents as received; never formatted",
                file=err,
            )
            continue
        if file.suffix != ".yaml" and files.NAME.match(file.name):
            print(f"trials fmt: {files.shown(str(file))}: not a .yaml file; skipped", file=err)
            continue
        chosen.append(file)
    return chosen


def run(
    root: Path,
    paths: list[Path],
    trial_files: list[Path],
    *,
    check: bool,
    fmt: str = "text",
    shown: Any = lambda file: files.shown(str(file)),
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Format the files at paths (default: all trial files); with check, only list those that would
    change. Each is read through load.read: a link, a pipe or a file over 1 MiB is reported (E001,
    E004), never read, and never replaced."""
    out, err = out or sys.stdout, err or sys.stderr
    schema = schema_mod.load_schema(root)
    problems: list[Problem] = []
    changed: list[str] = []
    targets = _target_files(root, paths, trial_files, err)
    for file in targets:
        name = shown(file)
        if not files.NAME.match(file.name):  # a dot file, a newline in the name: refused by name, never read
            problems.append(
                Problem(
                    name,
                    0,
                    0,
                    "E101",
                    files.misnamed(file.name),
                )
            )
            continue
        raw, refused, _ = load.read(file, name)  # a regular file of at most 1 MiB: never a link's target, never a pipe
        if raw is None:
            problems.extend(refused)
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, 0, 0, "E002", f"cannot read: {exc}"))
            continue
        try:
            result = format_text(text, schema, name)
        except FmtError as exc:
            problems.extend(exc.problems)
            continue
        if result == text:
            continue
        changed.append(name)
        if not check:
            export.write_atomic(file, result)
    if problems:
        report.render(problems, fmt, out, files=len(targets), summary=False)
        print(
            f"trials fmt: {len({p.path for p in problems})} file(s) not formatted: fix the problems above first",
            file=err,
        )
    if check:
        for name in changed:
            print(f"would reformat {name}", file=out)
        if changed:
            print(
                f"{len(changed)} file{'s' * (len(changed) != 1)} not in canonical form; "
                f"run: {command.run('fmt', *map(shlex.quote, changed))}",
                file=out,
            )
        elif not problems:
            print(_unchanged(targets, "in canonical form"), file=err)
        return 1 if changed or problems else 0
    for name in changed:
        print(f"reformatted {name}", file=err)
    if changed:
        print(f"to commit the files as reformatted: {command.staged(root, *changed)}", file=err)
    if not changed and not problems:
        print(_unchanged(targets, "already in canonical form"), file=err)
    return 1 if problems else 0


def _unchanged(targets: list[Path], state: str) -> str:
    """The summary of a run that changed nothing: a run whose every file was skipped (a source under
    seeds/, a file that is no .yaml) formatted none, which "0 files already in canonical form" hid."""
    if not targets:
        return "no trial file to format"
    return f"{len(targets)} file{'s' * (len(targets) != 1)} {state}"
