"""Fast load: the common case (a valid file) composed by libyaml in C, with no positions kept.

It accepts exactly what load.parse accepts and builds the same data, or gives up (returns None) so
the precise loader runs and reports the problem with its line and column. Both use the same libyaml
(ruamel.yaml.clib), so they cannot disagree on what is YAML: two libyaml builds do (PyYAML's reads
`{list: EXCL:USION}` and `{a: b? , c: d}` where ruamel.yaml.clib's refuses them). It may only be used
on text that passed load.check_text and contains none of the characters that start an anchor ('&'),
an alias ('*'), a tag or tag directive ('!') or a merge key ('<<'): such text cannot hold them, so
the only structural problems left are the ones _build checks. Scalars are resolved with the same
YAML 1.2 rules and converted by the same function (load.scalar_value) as the precise loader.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import nodes
from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import YAMLError

from . import load

_NEEDS_PRECISE = re.compile(r"[&*!]|<<")
# libyaml composes nested flow collections recursively in C; a hostile file of 500,000 '[' must go
# to the event-based loader, which stops at MAX_DEPTH. Real records have a few dozen.
_MAX_FLOW_OPENINGS = 2000


class _GiveUp(Exception):
    """The precise loader must look at this file."""


_NO_TAG = "tag:yaml.org,2002:str"


class _Composer(CParser):
    """libyaml's composer with YAML 1.2 scalar resolution (the resolver load.py uses)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # Tags are not used here: the text has no explicit tag ('!'), and _scalar resolves a plain
        # scalar's kind itself (load.scalar_kind); ruamel's resolver costs ~15 us a scalar.
        return _NO_TAG

    def descend_resolver(self, parent: Any, index: Any) -> None:  # no path-dependent resolution
        pass

    def ascend_resolver(self) -> None:
        pass


_KINDS = {"str", "timestamp", "int", "float", "bool", "null"}  # what a value may be; "merge" is not


def _scalar(node: Any) -> Any:
    kind = load.scalar_kind(node.value) if node.style in (None, "") else "str"  # quoted and block: text
    if kind not in _KINDS:
        raise _GiveUp  # e.g. a merge key
    value, problem = load.scalar_value(kind, node.value)
    if problem or (isinstance(value, str) and load.hidden_character(value)):
        raise _GiveUp
    return value


def _child(node: Any, depth: int, stack: list) -> Any:
    if isinstance(node, nodes.ScalarNode):
        return _scalar(node)
    container: Any = {} if isinstance(node, nodes.MappingNode) else []
    stack.append((node, container, depth + 1))
    return container


def _build(root: Any) -> dict:
    """Data from libyaml's node tree, iteratively; gives up on anything load.parse would refuse."""
    if not isinstance(root, nodes.MappingNode):
        raise _GiveUp
    out: dict = {}
    stack: list = [(root, out, 1)]
    while stack:
        node, target, depth = stack.pop()
        if depth > load.MAX_DEPTH:
            raise _GiveUp
        if isinstance(node, nodes.MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, nodes.ScalarNode):
                    raise _GiveUp
                key = _scalar(key_node)
                if not isinstance(key, str) or key in target:
                    raise _GiveUp  # non-text or duplicate key
                target[key] = _child(value_node, depth, stack)
        elif isinstance(node, nodes.SequenceNode):
            target.extend(_child(child, depth, stack) for child in node.value)
        else:
            raise _GiveUp
    return out


def parse(text: str) -> dict | None:
    """The data, when the text is a clean one-document mapping; None means: ask load.parse."""
    if _NEEDS_PRECISE.search(text) or text.count("[") + text.count("{") > _MAX_FLOW_OPENINGS:
        return None
    composer = _Composer(text)
    try:
        return _build(composer.get_single_node())  # composing builds nodes only, never objects
    except (YAMLError, _GiveUp, RecursionError, ValueError):
        return None
    finally:
        composer.dispose()
