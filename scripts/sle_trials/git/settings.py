"""Settings as their tools read them: what a YAML or JSON file of a pull request's tree says to the tool
that runs it, where a reviewer reads it otherwise (git/extract.py refuses each, naming the file and the
line)."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import YAMLError

from sle_trials.patterns import lazy

YAML_SUFFIXES = (".yml", ".yaml")
JSON_SUFFIXES = (".json",)


class Found(NamedTuple):
    """What a settings file says otherwise than its review shows: the line (from 1) and why."""

    line: int
    said: str


_DUPLICATE = lazy(r'found duplicate key "(.*)" with value')


def _loaded(text: str, version: tuple[int, int] | None) -> list[Any] | Found:
    """Every document of a YAML text as the safe loader reads it under YAML version (None: 1.2), or where
    a mapping in it gives a key twice; [] for a text it cannot read (left to fail where it runs)."""
    yaml = YAML(typ="safe")
    if version is not None:
        yaml.version = version
    try:
        return list(yaml.load_all(text))
    except DuplicateKeyError as error:
        mark = error.problem_mark
        named = _DUPLICATE.search(str(error.problem))
        key = named.group(1) if named else "?"
        first = error.context_mark.line + 1 if error.context_mark is not None else None
        return Found(
            (mark.line + 1) if mark is not None else 1,
            f"the key {key!r} given twice in one mapping"
            + (f" (its mapping starts at line {first})" if first is not None else "")
            + ", which its tool reads as the later and a reviewer as the first; give it once",
        )
    except (YAMLError, ValueError, TypeError, RecursionError):
        return []


def key_twice(name: str, text: str) -> Found | None:
    """Where a YAML or JSON file (by its name) gives a mapping's key twice. YAML is read as 1.2 (ruamel.yaml,
    GitHub's `on:`) and as 1.1 (PyYAML, which pre-commit reads its settings with: `yes:` and `true:` are
    one key there); JSON as Python's json reads it (an escape spells a key as written: `"\\u0062"` is
    `"b"`), its line found as YAML 1.2 reads it."""
    if name.endswith(YAML_SUFFIXES):
        for version in (None, (1, 1)):
            loaded = _loaded(text, version)
            if isinstance(loaded, Found):
                return loaded
        return None
    if not name.endswith(JSON_SUFFIXES):
        return None
    twice: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in items]
        twice.extend(key for n, key in enumerate(keys) if key in keys[:n])
        return dict(items)

    try:
        json.loads(text, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None  # left to fail where it runs
    if not twice:
        return None
    found = _loaded(text, None)
    if isinstance(found, Found):
        return found
    return Found(1, f"the key {twice[0]!r} given twice in one mapping, which its tool reads as the later; give it once")
