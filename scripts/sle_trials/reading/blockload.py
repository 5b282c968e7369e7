"""Block load: the common case read line by line, for files in the plain block layout records are written in.

libyaml is fast, but handing its events to Python costs ~1.5 ms for a 7 KB record, most of a cold
check at 250,000 records. Records as curators and `trials fmt` write them use a small part of YAML:
one `key: value`, `- value` or `- key: value` per line, plain or one-line quoted scalars, and folded
or literal block scalars (`>-`, `|`). This module reads exactly that part, where the meaning of each
line is plain from the line itself, and gives up (returns None) on anything else, which fastload then
reads from libyaml's events. It must never accept what load.parse refuses, nor read anything
differently; tests/test_blockload.py holds it to that on every file we have, on damaged records and
on generated line soups, with libyaml as the judge.

What it gives up on (the next reader decides): flow collections other than `[]` and `{}`, plain
scalars that could start or hold YAML syntax (an indicator first, ': ' or ' #' inside, a trailing ':'
or space), multi-line plain or quoted scalars, escapes in double quotes, block scalars with blank or
more-indented lines, keys other than plain words (e.g. quoted keys, `<<`), empty values, duplicate or
non-text keys, deeper nesting than load.MAX_DEPTH, directives, document markers and comments after a
value. Text must have passed load.check_text (no tabs, CR, NUL or invisible characters: line
breaks are "\\n" only).
"""

from __future__ import annotations

import re
from typing import Any

from sle_trials.checks import load
from sle_trials.reading.memo import TextMemo

# One line: indent, an optional "- ", then "key:" with an optional " value", or a bare value. A key
# is a plain word of at most 200 characters: libyaml refuses an implicit key longer than 1,024.
_LINE = re.compile(r"( *)(- )?(?:([A-Za-z_][A-Za-z0-9_.\-]{0,199}):(?: (.*))?|(.*))")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE = re.compile(r'"([^"\\]*)"')
# A plain scalar may not start with a YAML indicator or a space; inside, ': ' starts a mapping value
# and ' #' a comment; a final ':' or space changes its meaning too.
_PLAIN_FIRST_BAD = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_BLOCK = {">": (" ", "\n"), ">-": (" ", ""), "|": ("\n", "\n"), "|-": ("\n", "")}  # (line joiner, ending)
_KINDS = {"str", "timestamp", "int", "float", "bool", "null"}  # what a plain value may be; "merge" is not

# What a value is: a scalar after a key on a line without a dash (the most common line), a scalar
# after "- key:" (a new list item), another scalar, nothing yet (a nested block follows), a block
# scalar's header, [] or {}
_PAIR, _ITEM, _SCALAR, _OPEN, _BLOCKSTART, _EMPTY_LIST, _EMPTY_MAP, _NOTHING = range(8)
_SKIP = (-2, False, None, _NOTHING, None)  # the token of a blank or comment line (no indent matches it)


class GiveUp(Exception):
    """Another reader must look at this text."""


_TOKENS = TextMemo(8_000_000)  # line -> token: keys, enum values and recurring lines are read once
_PLAIN = TextMemo(800_000)  # short plain scalar -> its value: keys and vocabulary words recur in every record
_MISSING = object()


def plain_value(text: str) -> Any:
    """A plain scalar's value as load.parse reads it (YAML 1.2 core schema, dates as text), for both
    fast readers; GiveUp where load.parse must judge: a merge key, a whole number beyond +-2^53, a
    number that is not finite."""
    found = _PLAIN.get(text, _MISSING)
    if found is not _MISSING:
        return found
    kind = load.scalar_kind(text)
    if kind not in _KINDS:
        raise GiveUp
    value, problem = load.scalar_value(kind, text)
    if problem:
        raise GiveUp
    return _PLAIN.remember(text, value) if len(text) <= 40 else value  # long text rarely recurs


def _value(text: str) -> tuple[int, Any]:
    """(kind, value) of what follows 'key: ' or '- '."""
    first = text[:1]
    if first == "'":
        m = _SINGLE.fullmatch(text)
        if m is None:
            raise GiveUp
        return _SCALAR, m.group(1).replace("''", "'")
    if first == '"':
        m = _DOUBLE.fullmatch(text)
        if m is None:
            raise GiveUp
        return _SCALAR, m.group(1)
    if text in _BLOCK:
        return _BLOCKSTART, _BLOCK[text]
    if text == "[]":
        return _EMPTY_LIST, None
    if text == "{}":
        return _EMPTY_MAP, None
    if not text or first in _PLAIN_FIRST_BAD or ": " in text or " #" in text or text[-1] in ": ":
        raise GiveUp
    return _SCALAR, plain_value(text)


def _token(line: str) -> tuple:
    """(indent, dash, key or None, kind, value) of a content line, or _SKIP for blank and comment lines."""
    stripped = line.lstrip(" ")
    if not stripped or stripped[0] == "#":
        return _SKIP
    m = _LINE.fullmatch(line)
    if m is None:
        raise GiveUp
    indent, dash, key, after, bare = m.groups()
    if key is not None:
        if load.scalar_kind(key) != "str":
            raise GiveUp  # e.g. `null:` or `true:`, which are not text keys
        kind, value = _value(after) if after is not None else (_OPEN, None)
    elif dash is None:
        raise GiveUp  # a bare value outside a list: a continuation line, a document marker, ...
    else:
        kind, value = _value(bare)
        if kind == _BLOCKSTART:
            raise GiveUp
    if kind == _SCALAR and key is not None:
        kind = _ITEM if dash else _PAIR
    return (len(indent), dash is not None, key, kind, value)


def _empty(kind: int, parents: int) -> list | dict:
    """The `[]` or `{}` to store in the current container, which has this many containers above it."""
    if parents + 1 >= load.MAX_DEPTH:
        raise GiveUp  # `[]` and `{}` are a level of nesting too
    return [] if kind == _EMPTY_LIST else {}


def parse(text: str) -> dict | None:
    """The data of text in the plain block layout; None when the text uses anything else."""
    try:
        return _parse(text)
    except GiveUp:
        return None


def _parse(text: str) -> dict:
    if not text.endswith("\n"):
        raise GiveUp
    tokens = _TOKENS
    deepest = load.MAX_DEPTH - 1  # containers there may be above a new one
    root: dict = {}
    stack: list[tuple[Any, int]] = []  # the open containers above the current one, with their indents
    current: Any = root
    indent = 0
    pending: tuple[dict, str, int] | None = None  # after "key:" with no value: (mapping, key, its indent)
    block: list[str] | None = None  # the lines of a block scalar being read
    block_at: tuple[dict, str, int, tuple[str, str]] | None = None
    block_indent = -1
    simple_at = 0  # the indent of a "key: value" line that goes straight into current (-1: none can)
    item_at = -1  # the indent of a "- key: value" line that starts the next item of current's list (-1: none)
    for line in text[:-1].split("\n"):
        if block is not None:
            stripped = line.lstrip(" ")
            at = len(line) - len(stripped)
            if not stripped:
                raise GiveUp  # a blank line in or after a block scalar: chomping and folding rules
            if block_indent < 0:
                if at <= block_at[2]:  # type: ignore[index]
                    raise GiveUp  # an empty block scalar
                block_indent = at
            if at == block_indent:
                if line[-1] == " ":
                    raise GiveUp  # trailing spaces are content in a block scalar
                block.append(stripped)
                continue
            if at > block_indent:
                raise GiveUp  # more-indented lines keep their line breaks in folded scalars
            target, key, _, (joiner, ending) = block_at  # type: ignore[misc]
            target[key] = joiner.join(block) + ending
            block = None
        token = tokens.get(line)
        if token is None:
            token = tokens.remember(line, _token(line))
        col, dash, key, kind, value = token
        if col == simple_at and kind == _PAIR:
            if key in current:  # the most common line, "key: value" in the current mapping
                raise GiveUp
            current[key] = value
            continue
        if col == item_at and kind == _ITEM:  # the next item of the list current is an item of
            current = {key: value}
            stack[-1][0].append(current)
            continue
        if kind == _NOTHING:
            continue
        if pending is not None:
            parent, parent_key, key_indent = pending
            pending = None
            if dash and col >= key_indent:
                child: Any = []
            elif not dash and col > key_indent and key is not None:
                child = {}
            else:
                raise GiveUp  # an empty value (null), or bad indentation
            if len(stack) >= deepest:
                raise GiveUp
            parent[parent_key] = child
            stack.append((current, indent))
            current, indent = child, col
        else:
            # Close the containers this line is outside of; a list at the same indent as its
            # parent's key ends at the next key of that parent.
            while col < indent or (col == indent and not dash and type(current) is list):
                if not stack:
                    raise GiveUp
                current, indent = stack.pop()
            if col != indent:
                raise GiveUp
        if dash:
            if type(current) is not list:
                raise GiveUp
            if key is None:
                current.append(value if kind <= _SCALAR else _empty(kind, len(stack)))
                simple_at = item_at = -1
                continue
            if len(stack) >= deepest:
                raise GiveUp
            item: dict = {}
            current.append(item)
            stack.append((current, indent))
            current, indent = item, col + 2
        elif type(current) is not dict or key is None:
            raise GiveUp
        if key in current:
            raise GiveUp  # a duplicate key: load.parse reports it
        if kind == _OPEN:
            pending = (current, key, indent)
        elif kind == _BLOCKSTART:
            block, block_at, block_indent = [], (current, key, indent, value), -1
        else:
            current[key] = value if kind <= _SCALAR else _empty(kind, len(stack))
        simple_at = indent if pending is None and type(current) is dict else -1
        # a mapping right inside a list was opened by "- key..." two columns to the left
        item_at = indent - 2 if simple_at >= 0 and stack and type(stack[-1][0]) is list else -1
    if pending is not None:
        raise GiveUp  # the last key has no value
    if block is not None:
        if not block:
            raise GiveUp
        target, key, _, (joiner, ending) = block_at  # type: ignore[misc]
        target[key] = joiner.join(block) + ending
    if not root:
        raise GiveUp
    return root
