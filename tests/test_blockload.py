"""The line-by-line reader (blockload) reads only what libyaml reads, and reads it the same.

Wherever blockload gives data, load.parse (libyaml's events, the precise path) must accept the text
without a problem and give equal data; blockload may always give up instead. Judged on every file we
have, on damaged records, and on generated soups of the lines it reads and the lines it must refuse.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sle_trials.reading import blockload
from sle_trials.checks import load

REPO = Path(__file__).resolve().parents[1]


def agree(text: str) -> object:
    """blockload's data for text, after checking the precise loader agrees; None when it gave up."""
    checked, _ = load.check_text(text.encode("utf-8"), "x.yaml")
    if checked is None:
        return None  # the raw-text checks refuse it: no reader ever sees it
    data = blockload.parse(checked)
    if data is not None:
        record, problems = load.parse(checked, "x.yaml")
        assert record is not None and problems == [], f"blockload accepted what load.parse refuses: {problems[:2]}\n{checked[:500]}"
        assert data == record.data, checked[:500]
        # equal and of the same types all the way down (1 == 1.0 == True in Python)
        assert json.dumps(data, sort_keys=True) == json.dumps(record.data, sort_keys=True), checked[:500]
    return data


def corpus() -> list[Path]:
    files = sorted((REPO / "trials").glob("*.yaml"))
    for folder in ("tests/fixtures", "tests/hostile"):
        files += sorted(p for p in (REPO / folder).rglob("*") if p.is_file())
    return files


@pytest.mark.parametrize("file", corpus(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_agrees_on_every_file_we_have(file: Path) -> None:
    raw = file.read_bytes()[: load.MAX_BYTES]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    agree(text)


# The lines blockload reads and those it must refuse, side by side: each case is (text, taken).
CASES = [
    ("a: 1\n", True), ("a: x\nb:\n  c: d\n", True), ("a:\n- 1\n- x\n", True), ("a:\n  - 1\n", True),
    ("a:\n- b: 1\n  c: 2\n- d: 3\n", True), ("a:\n- b:\n    c: 1\n  d: 2\n", True),
    ("a:\n- b:\n  - 1\n  c: 2\n", True), ("a: 'it''s'\n", True), ('a: "x y"\n', True),
    ("a: >-\n  x\n  y\nb: 1\n", True), ("a: |\n  x\n  y\n", True), ("a: |-\n  x\n  y\n", True), ("a: >\n  x\n", True),
    ("a: []\nb: {}\n", True), ("# c\na: 1  \n", None), ("a: 1\n\n# c\n  # d\nb: 2\n", True),
    ("a: R&D *x* !y\n", True), ("a: C#\n", True), ("a: x]\n", True), ("a: x:y\n", True), ("a: 2021-01\n", True),
    ("a: 012\nb: 0o17\nc: 0x1F\nd: No\ne: 1e3\nf: 1.5\ng: ~\nh: True\n", True), ("a: .nan\n", False),
    ("null: 1\n", False), ("true: 1\n", False), ("a: 1\na: 2\n", False), ("a: 99999999999999999999\n", False),
    ("a: x # c\n", False), ("a: x: y\n", False), ("a: x:\n", False), ("a: &x 1\n", False), ("a: *x\n", False),
    ("a: !!str 1\n", False), ("<<: 1\n", False), ("'a': 1\n", False), ("a: [1]\n", False), ("a: {b: 1}\n", False),
    ("a:\n", False), ("a:\nb: 1\n", False), ("a: x\n  y\n", False), ("a: 'x\n  y'\n", False), ('a: "x\\ty"\n', False),
    ("a: >-\n  x\n\n  y\n", False), ("a: >-\n  x\n    y\n", False), ("a: >+\n  x\n", False), ("a: >-\nb: 1\n", False),
    ("---\na: 1\n", False), ("a: 1\n---\nb: 2\n", False), ("a: 1\n...\n", False), ("%YAML 1.2\n---\na: 1\n", False),
    ("- 1\n", False), ("x\n", False), ("", False), ("a: 1", False), (" a: 1\n", False), ("a:  1\n", False),
    ("a:\n  b: 1\n c: 2\n", False), ("a:\n- - 1\n", False), ("a: -1\n", False), ("a: ? x\n", False),
    ("k" * 1025 + ": 1\n", False), ("a:\n- >-\n  x\n", False), ("a: 1\n- 2\n", False), ("a:\n- 1\nb\n", False),
    ("a: -\n", False), ("a:\n-\n", False), ("a: b\n    c: d\n", False),
]


@pytest.mark.parametrize("text,taken", CASES, ids=repr)
def test_reads_or_refuses_each_construct(text: str, taken: bool | None) -> None:
    data = agree(text)
    if taken is not None:
        assert (data is not None) == taken, data


def test_nesting_as_deep_as_the_events_reader_allows() -> None:
    def nested(depth: int) -> str:
        return "".join("  " * i + "k:\n" for i in range(depth - 1)) + "  " * (depth - 1) + "k: 1\n"

    assert agree(nested(load.MAX_DEPTH)) is not None
    assert agree(nested(load.MAX_DEPTH + 1)) is None


@pytest.mark.parametrize("leaf", ["1", "[]", "{}"])
@pytest.mark.parametrize("depth", range(load.MAX_DEPTH - 2, load.MAX_DEPTH + 2))
def test_nesting_at_the_limit_counts_empty_containers(depth: int, leaf: str) -> None:
    """`[]` and `{}` open a level as a nested block does (found by a hostile-input hunt)."""
    mapped = "".join(" " * i + "a:\n" for i in range(depth - 1)) + " " * (depth - 1) + f"a: {leaf}\n"
    listed = "a:\n" + "".join("  " * i + "- a:\n" for i in range(depth - 2)) + "  " * (depth - 2) + f"- {leaf}\n"
    for text in (mapped, listed):
        agree(text)


# Scalars as written after "key: " or "- ": most are read here; the rest need libyaml's judgement.
_READ = ["x", "x y", "1", "1.5", "012", "0o17", "0x1F", "1e3", ".inf", "~", "null", "true", "No", "yes", "2024-01-01",
         "2021-01", "1:20", "'q'", "'it''s'", "''", '"d"', '""', "C#", "é", "1×10^6", "x]", "x,y", "x{", "x:y", "a - b",
         "R&D", "x'y", 'x"y', "a\\b", "[]", "{}"]
_REFUSED = ["a: b", "a #b", "a:", "a ", "-1", "- x", "? x", ": x", "%x", "@x", "`x", "&a x", "*a", "!t x", "[1]",
            "{a: 1}", "'a", '"a', '"a\\tb"', ">+", "|2", "---", "#c", "9" * 25, ".nan", ""]
_SCALARS = st.sampled_from(_READ * 20 + _REFUSED)
_KEYS = st.sampled_from(["a", "b", "c", "text", "number", "a.b", "x-y", "y", "_k"] * 20
                        + ["null", "true", "No", "1", "<<", "'q'", "a b", "k" * 1030])
_WORDS = st.lists(st.sampled_from(["x", "y z", "# not a comment", "- x", "k: v", "'q'", "1"]), min_size=1, max_size=3)


@st.composite
def _node(draw: st.DrawFn, depth: int) -> object:
    kind = draw(st.sampled_from(["scalar", "scalar", "block", "map", "list"] if depth < 5 else ["scalar"]))
    if kind == "scalar":
        return ("scalar", draw(_SCALARS))
    if kind == "block":
        return ("block", draw(st.sampled_from([">-", ">", "|", "|-"])), draw(_WORDS))
    if kind == "map":
        return ("map", draw(st.lists(st.tuples(_KEYS, _node(depth + 1)), min_size=1, max_size=4)))
    return ("list", draw(st.sampled_from([0, 2])), draw(st.lists(_node(depth + 1), min_size=1, max_size=3)))


def _render(node: tuple, indent: int, lead: str, out: list[str]) -> None:
    """node's lines; lead is what the first line starts with ("key: " or "- ", already indented)."""
    kind = node[0]
    pad = " " * indent
    if kind == "scalar":
        out.append(f"{lead}{node[1]}".rstrip(" ") if lead.endswith(": ") and node[1] == "" else f"{lead}{node[1]}")
    elif kind == "block":
        out.append(f"{lead}{node[1]}")
        out.extend(f"{pad}  {line}" for line in node[2])
    elif kind == "map":
        first = True
        for key, child in node[1]:
            start = lead if first else pad
            first = False
            if child[0] in ("map", "list"):
                out.append(f"{start}{key}:")
                _render(child, indent + 2 if child[0] == "map" else indent + child[1], " " * (indent + (2 if child[0] == "map" else child[1])), out)
            else:
                _render(child, indent, f"{start}{key}: ", out)
    else:
        for child in node[2]:
            _render(child, indent + 2, f"{pad}- ", out)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A block-layout document from random nested data, then perhaps a few lines damaged."""
    keys = draw(st.lists(st.tuples(_KEYS, _node(1)), min_size=1, max_size=5))
    lines: list[str] = []
    _render(("map", keys), 0, "", lines)
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        at = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["indent", "dedent", "insert", "blank", "comment", "swap", "dup", "delete"]))
        line = lines[at]
        if op == "indent":
            lines[at] = " " * draw(st.integers(1, 3)) + line
        elif op == "dedent" and line.startswith(" "):
            lines[at] = line[draw(st.integers(1, 2)):]
        elif op == "insert":
            col = draw(st.integers(0, len(line)))
            lines[at] = line[:col] + draw(st.sampled_from([":", "-", " ", "'", '"', "#", " #", ": ", "- ", "[", "&", "x", "\\"])) + line[col:]
        elif op == "blank":
            lines.insert(at, draw(st.sampled_from(["", "  "])))
        elif op == "comment":
            lines.insert(at, " " * draw(st.integers(0, 4)) + "# c")
        elif op == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], line
        elif op == "dup":
            lines.insert(at, line)
        elif op == "delete" and len(lines) > 1:
            del lines[at]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n", "\n", ""]))


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_agrees_on_generated_documents(text: str) -> None:
    agree(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_agrees_on_damaged_records(seed: int) -> None:
    """Random damage to a real record: characters inserted or deleted, lines moved or re-indented."""
    rng = random.Random(seed)
    text = (REPO / "trials" / "NCT06513429.yaml").read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 4)):
        lines = text.split("\n")
        at = rng.randrange(len(lines))
        op = rng.choice(["insert", "delete", "indent", "dedent", "swap", "dup"])
        if op == "insert":
            col = rng.randint(0, len(lines[at]))
            lines[at] = lines[at][:col] + rng.choice([":", "-", " ", "'", '"', "#", " #", ": ", "- ", "[", "&", "x"]) + lines[at][col:]
        elif op == "delete" and lines[at]:
            col = rng.randrange(len(lines[at]))
            lines[at] = lines[at][:col] + lines[at][col + rng.randint(1, 3):]
        elif op == "indent":
            lines[at] = " " * rng.randint(1, 3) + lines[at]
        elif op == "dedent":
            lines[at] = lines[at][rng.randint(1, 3):] if lines[at].startswith(" ") else lines[at]
        elif op == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif op == "dup":
            lines.insert(at, lines[at])
        text = "\n".join(lines)
    agree(text)
