"""Cache: what a valid file produced, so an unchanged file is neither read nor parsed again.

One index file under .cache/ (git-ignored), read and written whole, as git's own index is: for each
valid file, its size, modification time and sha256 when it was checked, and its summary. The next
run trusts an entry when size and modification time still match; when they do not, the file is
read and its sha256 compared, so a touched but unchanged file is still not parsed. A file modified
within the same clock tick as its check ("racily clean", as git calls it) is always read.

All entries belong to a fingerprint of everything else a check depends on: the tool's own code, the
schema and the source documents. When any of them changes every entry is dropped. Only files that
passed every one-record check are cached; files with problems are checked again every time, so no
message is ever served stale. Any failure of the cache itself only makes the run slower: a file
that is torn, truncated or not ours fails its checksum and counts as no cache at all.

Why one file and not a database: a warm check of 10,000 records reads every entry, and marshal
reading blocks of 10,000 entries is several times faster than 10,000 rows decoded one by one
(SQLite was measured here at 0.12 s against 0.03 s). A run that changed something rewrites it
(tens of ms at 10,000 records, without fsync: a torn write is caught by the checksums), a block at
a time, so memory never holds the whole file's bytes. Two runs at once simply
race; the last one's index wins, and the other's entries cost a re-check next time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

CACHE_DIR = Path(".cache")
CACHE_FILE = CACHE_DIR / "trials-check.index"
_MAGIC = b"trials-check-index 3\n"  # bump when the entry layout changes
_RACY_NS = 2_000_000_000  # 2 s: coarse file-system clocks (FAT, some network mounts) tick this slowly


def fingerprint(root: Path, schema_text: str, seeds: Iterable[Path]) -> str:
    digest = hashlib.sha256(sys.version.encode())  # marshal's format is Python's own
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    digest.update(schema_text.encode())
    for seed in sorted(seeds):
        digest.update(seed.name.encode() + b"\0" + hashlib.sha256(seed.read_bytes()).digest())
    return digest.hexdigest()


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# An entry, as marshal keeps it: (size, mtime_ns, sha256, checked_ns, value), where value is a
# pipeline.Summary.value. A plain tuple: a warm run looks up one per file.
SHA, VALUE = 2, 4


def fresh(entry: tuple, stat: os.stat_result) -> bool:
    """Whether the file is, by its stat, the one that was checked (and not racily so)."""
    size, mtime_ns, _, checked_ns, _ = entry
    return stat.st_size == size and stat.st_mtime_ns == mtime_ns and mtime_ns < checked_ns - _RACY_NS


_BLOCK = 10_000  # entries per block: the index is read and written a block at a time
_LENGTH = 8  # bytes of a block's length, before its sha256 and its marshal bytes


def _read(file: Path, fingerprint: str) -> dict[str, tuple]:
    """The entries of an index written for this fingerprint; {} for anything else.

    Each block is checked against its sha256 before marshal sees it (marshal builds only plain
    values and cannot run code, but it is not meant for torn or foreign bytes), and the end marker
    holds the sha256 of all block digests, so a file cut at a block boundary is refused too."""
    head = _MAGIC + fingerprint.encode() + b"\n"
    entries: dict[str, tuple] = {}
    digests = hashlib.sha256()
    try:
        with open(file, "rb") as handle:
            if handle.read(len(head)) != head:
                return {}
            while True:
                top = handle.read(_LENGTH + 32)
                if len(top) != _LENGTH + 32:
                    return {}  # torn: no end marker
                size, digest = int.from_bytes(top[:_LENGTH], "big"), top[_LENGTH:]
                if size == 0:
                    return entries if digest == digests.digest() and not handle.read(1) else {}
                body = handle.read(size)
                if len(body) != size or hashlib.sha256(body).digest() != digest:
                    return {}
                digests.update(digest)
                block = marshal.loads(body)
                if not isinstance(block, dict):
                    return {}
                entries.update(block)
    except (OSError, EOFError, ValueError, TypeError):
        return {}


def _blocks(head: bytes, entries: dict[str, tuple]) -> Iterator[bytes]:
    """The index file's bytes, a block at a time (at 250,000 records a single blob is ~200 MB)."""
    yield head
    digests = hashlib.sha256()
    items = list(entries.items())
    for start in range(0, len(items), _BLOCK):
        body = marshal.dumps(dict(items[start : start + _BLOCK]))
        digest = hashlib.sha256(body).digest()
        digests.update(digest)
        yield len(body).to_bytes(_LENGTH, "big") + digest
        yield body
    yield (0).to_bytes(_LENGTH, "big") + digests.digest()


class Cache:
    def __init__(self, root: Path, fingerprint: str, enabled: bool = True) -> None:
        self.file = root / CACHE_FILE
        self.fingerprint = fingerprint
        self.enabled = enabled
        self._entries: dict[str, tuple] | None = None
        self._changed = False

    def _all(self) -> dict[str, tuple]:
        if self._entries is None:
            self._entries = _read(self.file, self.fingerprint) if self.enabled else {}
        return self._entries

    def get(self, path: str) -> tuple | None:
        return self._all().get(path)

    def put_many(self, items: list[tuple[str, tuple[int, int], str, Any]]) -> None:
        """(path, (size, mtime_ns) when read, sha256, value) of files that passed every check."""
        if not self.enabled or not items:
            return
        now = time.time_ns()
        every = self._all()
        for path, (size, mtime_ns), sha, value in items:
            every[path] = (size, mtime_ns, sha, now, value)
        self._changed = True

    def close(self) -> None:
        """Write the index back, when this run added to it."""
        if not self._changed or self._entries is None:
            return
        from .export import write_atomic_stream

        try:
            self.file.parent.mkdir(exist_ok=True)
            write_atomic_stream(self.file, _blocks(_MAGIC + self.fingerprint.encode() + b"\n", self._entries), durable=False)
        except OSError:
            pass  # a read-only checkout: the next run checks again
