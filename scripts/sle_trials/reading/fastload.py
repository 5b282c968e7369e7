"""Fast load: the common case (a valid file) read with no positions kept.

The data is built here from libyaml's events. It accepts exactly what load.parse accepts and builds
the same data, or gives up (returns None) so the precise loader runs and reports the problem with its
line and column. The events come from the same libyaml as load.parse's (ruamel.yaml.clib), so the
two cannot disagree on what is YAML: two libyaml builds do (PyYAML's reads `{list: EXCL:USION}` and
`{a: b? , c: d}` where ruamel.yaml.clib's refuses them). This path is only taken for text that
passed load.check_text and contains none of the characters that start an anchor ('&'), an alias
('*'), a tag or tag directive ('!') or a merge key ('<<'): such text cannot hold them, so the only
structural problems left are the ones _build checks (a second document, a key that is not text or
repeats, nesting deeper than load.MAX_DEPTH). Scalars are resolved with the same YAML 1.2 rules and
converted by the same function (load.scalar_value) as the precise loader.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (DocumentEndEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                                SequenceEndEvent, SequenceStartEvent, StreamEndEvent)

from sle_trials.checks import load

_NEEDS_PRECISE = re.compile(r"[&*!]|<<")
# Real records have a few dozen flow brackets; a hostile file of 500,000 '[' goes straight to the
# precise loader, which reports it.
_MAX_FLOW_OPENINGS = 2000
_NO_KEY = object()
_KINDS = {"str", "timestamp", "int", "float", "bool", "null"}  # what a plain value may be here; "merge" is not


class GiveUp(Exception):
    """The precise loader must look at this text."""


def _scalar(e: ScalarEvent) -> Any:
    if not e.style:
        kind = load.scalar_kind(e.value)
        if kind not in _KINDS:
            raise GiveUp
        value, problem = load.scalar_value(kind, e.value)
        if problem:
            raise GiveUp  # a whole number beyond +-2^53, or a number that is not finite
        return value
    # quoted or block: text. Only a double-quoted scalar can spell, as an escape, a character the
    # raw-text checks refuse ("\t", "\u202e"); elsewhere it would have been refused in the text itself.
    if e.style == '"' and load.hidden_character(e.value):
        raise GiveUp
    return e.value


def _build(parser: CParser) -> dict:
    """The data from libyaml's events; gives up on anything load.parse would refuse or report.

    Built straight from the events (no node tree): the events are what libyaml hands to Python
    anyway, and composing nodes first cost as much again."""
    get = parser.get_event
    get()  # stream start
    if type(get()) is not DocumentStartEvent or type(get()) is not MappingStartEvent:
        raise GiveUp  # empty, or the top is not a mapping
    root: dict = {}
    stack: list[tuple[Any, Any]] = []  # the open containers above the current one, each with its pending key
    container: Any = root
    key: Any = _NO_KEY
    while True:
        e = get()
        kind = type(e)
        if kind is ScalarEvent:
            value = _scalar(e)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if len(stack) + 1 >= load.MAX_DEPTH or (key is _NO_KEY and type(container) is dict):
                raise GiveUp  # too deep, or a mapping or list used as a key
            stack.append((container, key))
            container, key = ({} if kind is MappingStartEvent else []), _NO_KEY
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            if not stack:
                break  # the top mapping is complete
            value = container
            container, key = stack.pop()
        else:
            raise GiveUp  # an alias, or anything else load.parse refuses
        if type(container) is list:
            container.append(value)
        elif key is _NO_KEY:
            if type(value) is not str or value in container:
                raise GiveUp  # non-text or duplicate key
            key = value
        else:
            container[key] = value
            key = _NO_KEY
    if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
        raise GiveUp  # a second document
    return root


def parse(text: str) -> dict | None:
    """The data, when the text is a clean one-document mapping; None means: ask load.parse."""
    if _NEEDS_PRECISE.search(text) or text.count("[") + text.count("{") > _MAX_FLOW_OPENINGS:
        return None
    parser = CParser(text)
    try:
        return _build(parser)
    except (YAMLError, GiveUp, RecursionError, ValueError):
        return None
    finally:
        parser.dispose()
