"""A Python dict display that gives a key twice: Python keeps the later value, a reviewer reads the first
(git/defined_twice.py's no_name_bound_twice reads each Python source through it)."""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.refusal import Refused


def no_dict_key_twice(path: str, nodes: list[ast.AST]) -> None:
    """Refused: a dict display (`{...}`) that gives a constant key twice (a string, a number, a bytes value,
    True, False or None, compared as Python compares them: `1`, `1.0` and `True` are one key). Python keeps
    the later value where the first stands: a table of limits saying `"enrollment": 1000` and, lines below,
    `"enrollment": 10**9` read as the first to a reviewer and as the second to the check, and passed (exit
    0), as YAML's and JSON's keys given twice did before hunt 194. ruff's F601 says so where it runs, in the
    pull request's own CI, whose settings the pull request writes."""
    for node in nodes:  # every node of the source (bound_elsewhere.every_node)
        if not isinstance(node, ast.Dict):
            continue
        seen: list[object] = []
        for key in node.keys:
            if not isinstance(key, ast.Constant):
                continue  # `**other`, or a key worked out as the code runs
            value = key.value
            if any(type(value) is type(other) or _numbers(value, other) for other in seen if value == other):
                raise Refused(
                    f"{files.shown(path)} line {key.lineno}: the key {files.printable(repr(value))[:80]} given twice "
                    "in one dict, which Python reads as the later and a reviewer as the first; give it once"
                )
            seen.append(value)


def _numbers(one: object, other: object) -> bool:
    """Whether two equal constants are one key as numbers (1, 1.0, True), not a string and bytes."""
    return isinstance(one, (int, float, complex)) and isinstance(other, (int, float, complex))
