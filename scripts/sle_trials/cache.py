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
reading blocks of 2,000 entries is several times faster than 10,000 rows decoded one by one
(SQLite was measured here at 0.12 s against 0.03 s). A run that changed something rewrites the file
(without fsync: a torn write is caught by the checksums), a block at a time, so memory never holds
the whole file's bytes; blocks whose entries all stand are written back as they were read, so a
run that re-checked one file encodes one block again, not 250,000 entries. Two runs at once simply
race; the last one's index wins, and the other's entries cost a re-check next time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

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


_BLOCK = 2_000  # entries per block: read and written a block at a time; a run that changed one entry rewrites one block
_LENGTH = 8  # bytes of a block's length, before its sha256 and its marshal bytes


class _Block:
    """A block as read: where its bytes (length, sha256, body) are in the index file, and its paths."""

    __slots__ = ("offset", "size", "digest", "paths")

    def __init__(self, offset: int, size: int, digest: bytes, paths: list[str]) -> None:
        self.offset, self.size, self.digest, self.paths = offset, size, digest, paths


def _read(file: Path, fingerprint: str) -> tuple[dict[str, tuple], list[_Block], BinaryIO | None]:
    """The entries of an index written for this fingerprint, its blocks and the open file (to copy
    unchanged blocks from when the index is written again); nothing for anything else.

    Each block is checked against its sha256 before marshal sees it (marshal builds only plain
    values and cannot run code, but it is not meant for torn or foreign bytes), and the end marker
    holds the sha256 of all block digests, so a file cut at a block boundary is refused too."""
    head = _MAGIC + fingerprint.encode() + b"\n"
    entries: dict[str, tuple] = {}
    blocks: list[_Block] = []
    digests = hashlib.sha256()
    handle = None
    try:
        handle = open(file, "rb")
        if handle.read(len(head)) == head:
            while True:
                offset = handle.tell()
                top = handle.read(_LENGTH + 32)
                if len(top) != _LENGTH + 32:
                    break  # torn: no end marker
                size, digest = int.from_bytes(top[:_LENGTH], "big"), top[_LENGTH:]
                if size == 0:
                    if digest == digests.digest() and not handle.read(1):
                        return entries, blocks, handle
                    break
                body = handle.read(size)
                if len(body) != size or hashlib.sha256(body).digest() != digest:
                    break
                digests.update(digest)
                block = marshal.loads(body)
                if not isinstance(block, dict):
                    break
                entries.update(block)
                blocks.append(_Block(offset, len(top) + size, digest, list(block)))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    if handle is not None:
        handle.close()
    return {}, [], None


def _blocks(head: bytes, entries: dict[str, tuple], kept: list[_Block], source: BinaryIO | None, rest: list[str]) -> Iterator[bytes]:
    """The index file's bytes, a block at a time (at 250,000 records the file is ~170 MB): the blocks
    kept, copied from the index as read (source; the writer replaces the file, never changes it, so
    the open file still holds what was read), then the other entries (the paths in rest) in new blocks."""
    yield head
    digests = hashlib.sha256()
    for block in kept:
        assert source is not None
        source.seek(block.offset)
        raw = source.read(block.size)
        if len(raw) != block.size:
            raise OSError("the index changed while it was read")
        digests.update(block.digest)
        yield raw
    if source is not None:
        source.close()  # before the new file takes the old one's place (Windows refuses to replace an open file)
    for start in range(0, len(rest), _BLOCK):
        body = marshal.dumps({path: entries[path] for path in rest[start : start + _BLOCK]})
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
        self._blocks: list[_Block] = []
        self._source: BinaryIO | None = None  # the index as read, open until close()
        self._updated: set[str] = set()  # paths of entries read from the index and then replaced
        self._added: list[str] = []  # paths of entries the index did not have

    def _all(self) -> dict[str, tuple]:
        if self._entries is None:
            self._entries, self._blocks, self._source = _read(self.file, self.fingerprint) if self.enabled else ({}, [], None)
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
            if path in every:
                self._updated.add(path)
            else:
                self._added.append(path)
            every[path] = (size, mtime_ns, sha, now, value)

    def close(self) -> None:
        """Write the index back, when this run added to it."""
        try:
            if self._entries is None or not (self._updated or self._added):
                return
            from .export import write_atomic_stream

            kept = [b for b in self._blocks if self._updated.isdisjoint(b.paths)]  # blocks whose entries all stand
            rest = [path for b in self._blocks if not self._updated.isdisjoint(b.paths) for path in b.paths] + self._added
            self.file.parent.mkdir(exist_ok=True)
            head = _MAGIC + self.fingerprint.encode() + b"\n"
            write_atomic_stream(self.file, _blocks(head, self._entries, kept, self._source, rest), durable=False)
        except OSError:
            pass  # a read-only checkout: the next run checks again
        finally:
            if self._source is not None:
                self._source.close()
                self._source = None
