"""Compiled patterns kept between runs, so that a one-file re-check does not compile them again.

Why: `trials validate FILE` after one edit took 0.47 to 0.52 s on a benchmark record (0.61 to 0.71 s
where PYTHONDONTWRITEBYTECODE is set), past the 0.5 s goal, and 0.26 s of it compiled the 268
patterns the record's readings use: Python's own compiler (re._parser, re._compiler) spends about
1 ms on each 1,000 characters of a pattern, and the vocabularies' patterns run to 28,000. What it
makes, the list of integers the regex engine runs, is loaded and handed to the engine (_sre.compile)
in 11 ms for all 268 (docs/speed.md).

What is kept: for each pattern, the engine's code, the flags and the group names, under the sha256
of the pattern's text, its flags and the interpreter (its version string, build included, and the
engine's version and code size): another interpreter compiles differently (3.11.5 changed how
possessive quantifiers compile), so it never reads another's rows. They are kept in the check
cache's database (engine/cache.py), under the same per-clone key: each row carries an HMAC of its
name and body, and a row that does not verify is compiled again, so no bytes that anyone can commit,
copy or restore become code the regex engine runs. The engine itself checks the code it is handed
(_sre's validator: "invalid SRE code") before running any of it.

The same compiled pattern either way: a compiled pattern equals another when their text, flags and
code are equal, and tests/test_compiled_patterns.py holds every pattern of the package, loaded from
the database, equal to what re.compile makes of it. Where Python's compiler is not CPython's as this
module knows it (no re._compiler._code, another code size), patterns are compiled by re.compile and
nothing is kept. A run without the cache (--no-cache) neither reads nor keeps any.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from array import array
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sle_trials.engine.cache import Cache

try:  # CPython's regex compiler, as re.compile runs it (re/_compiler.py's compile()); typeshed has no stubs
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _CODE_ITEM = "I" if array("I").itemsize == _sre.CODESIZE else ""
    _USABLE = bool(_CODE_ITEM) and hasattr(_compiler, "_code") and hasattr(_parser, "parse")
except ImportError:  # another Python: patterns are compiled by re.compile, and none is kept
    _USABLE = False

_MAX_GROUPS = 1 << 20  # far above any pattern of the package's; a body claiming more is not one written here
_NOT_KEPT = re.DEBUG | getattr(re, "TEMPLATE", 0)  # flags re.compile acts on beyond compiling: left to it
# the interpreter a kept pattern's code is for: its version (build included), the regex engine's, the byte order
INTERPRETER = (
    f"{sys.implementation.cache_tag}\0{sys.version}\0{getattr(sys.modules.get('_sre'), 'MAGIC', '')}\0{sys.byteorder}"
)


def name(pattern: str | bytes, flags: int) -> bytes:
    """The key a compiled pattern is kept under: its text, its flags and the interpreter's words."""
    text = pattern.encode("utf-8", "surrogatepass") if isinstance(pattern, str) else pattern
    kind = b"s" if isinstance(pattern, str) else b"b"
    return hashlib.sha256(f"{INTERPRETER}\0{int(flags)}\0".encode() + kind + b"\0" + text).digest()


def _made(pattern: str | bytes, flags: int) -> tuple[re.Pattern[Any], bytes]:
    """re.compile(pattern, flags), and the body that makes it again without compiling (_engine)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    facts = [flags | state.flags, state.groups, state.groupdict]
    head = json.dumps(facts, separators=(",", ":")).encode()
    body = len(head).to_bytes(4, "little") + head + array(_CODE_ITEM, code).tobytes()
    return _engine(pattern, flags | state.flags, list(code), state.groups, dict(state.groupdict)), body


def _engine(pattern: str | bytes, flags: int, code: list[int], groups: int, index: dict[str, int]) -> re.Pattern[Any]:
    """The compiled pattern, as re/_compiler.py's compile() hands it to the regex engine."""
    by_number: list[str | None] = [None] * groups
    for group, number in index.items():
        by_number[number] = group
    return _sre.compile(pattern, flags, code, groups - 1, index, tuple(by_number))


def _read(pattern: str | bytes, body: bytes) -> re.Pattern[Any] | None:
    """The compiled pattern a verified body makes; None when its shape is not the one written."""
    size = int.from_bytes(body[:4], "little")
    try:
        flags, groups, index = json.loads(body[4 : 4 + size])
        code = array(_CODE_ITEM, body[4 + size :]).tolist()
    except (ValueError, TypeError):
        return None
    if not (type(flags) is int and type(groups) is int and 0 < groups <= _MAX_GROUPS and type(index) is dict):
        return None
    if not all(type(k) is str and type(v) is int and 0 < v < groups for k, v in index.items()):
        return None
    try:
        return _engine(pattern, flags, code, groups, index)
    except (RuntimeError, ValueError, TypeError, OverflowError):  # code the engine's validator refuses
        return None


class CompiledPatterns:
    """A run's compiled patterns: those kept by earlier runs are read, those compiled anew are kept."""

    def __init__(self, store: Cache) -> None:
        self.store = store
        self.new: dict[bytes, bytes] = {}  # name -> body, compiled by this run

    def compile(self, pattern: str | bytes, flags: int) -> re.Pattern[Any]:
        """What re.compile(pattern, flags) gives (patterns.Lazy asks, through patterns.compiled_by)."""
        flags = int(flags)
        if not _USABLE or flags & _NOT_KEPT:
            return re.compile(pattern, flags)
        key = name(pattern, flags)
        body = self.store.compiled(key)
        if body is not None:
            kept = _read(pattern, body)
            if kept is not None:
                return kept
        made, self.new[key] = _made(pattern, flags)
        return made

    def keep(self) -> None:
        """Keep the patterns this run compiled, in the run's transaction (committed by Cache.close)."""
        if self.new:
            self.store.put_compiled(self.new, INTERPRETER)
