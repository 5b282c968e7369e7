"""A Python dict display that gives a key twice: Python keeps the later value, a reviewer reads the first
(git/defined_twice.py's no_name_bound_twice reads each Python source through it)."""

from __future__ import annotations

import ast

from sle_trials import files
from sle_trials.git.refusal import Refused


def no_dict_key_twice(path: str, nodes: list[ast.AST]) -> None:
    """Refused: a dict display (`{...}`) that gives a key twice whose value the source fixes (_fixed: a string,
    a number, a bytes value, True, False or None, a signed number, a tuple of them, an f-string of no
    placeholder), compared as Python compares keys: `1`, `1.0` and `True` are one key, as are `-1` and `-1.0`,
    `"a"` and `f"a"`. Python keeps the later value where the first stands: a table of limits saying
    `"enrollment": 1000` and, lines below, `"enrollment": 10**9` read as the first to a reviewer and as the
    second to the check, and passed (exit 0), as YAML's and JSON's keys given twice did before hunt 194; so did
    `{-1: "strict", -1: "lax"}`, a signed number being no constant of Python's tree. ruff's F601 says so where
    it runs, in the pull request's own CI, whose settings the pull request writes."""
    for node in nodes:  # every node of the source (bound_elsewhere.every_node)
        if not isinstance(node, ast.Dict):
            continue
        seen: list[object] = []
        for key in node.keys:
            fixed, value = _fixed(key)
            if not fixed:
                continue  # `**other`, or a key worked out as the code runs
            if any(value == other for other in seen):
                raise Refused(
                    f"{files.shown(path)} line {key.lineno}: the key {files.printable(repr(value))[:80]} "  # type: ignore[union-attr]
                    "given twice in one dict, which Python reads as the later and a reviewer as the first; give it once"
                )
            seen.append(value)


def _fixed(key: ast.expr | None) -> tuple[bool, object]:
    """(True, the key's value) where the source fixes it as Python reads it (ast.literal_eval: constants, signs,
    tuples; an f-string of constants alone, which is its text); (False, None) otherwise. Equal fixed keys are one
    key of a dict: each such value hashes as it compares."""
    if key is None:
        return False, None
    if isinstance(key, ast.JoinedStr) and all(isinstance(part, ast.Constant) for part in key.values):
        return True, "".join(str(part.value) for part in key.values)  # type: ignore[attr-defined]
    try:
        value = ast.literal_eval(key)
        hash(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None
    return True, value
