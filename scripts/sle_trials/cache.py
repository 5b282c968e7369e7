"""Cache: what a valid file produced, so an unchanged file is neither read nor parsed again.

One SQLite file under .cache/ (git-ignored). An entry is keyed by the file's path and holds the
file's size, modification time and sha256 when it was checked, and its summary. The next run trusts
an entry when size and modification time still match (as git's index does); when they do not, the
file is read and its sha256 compared, so a touched but unchanged file is still not parsed. A file
modified within the same clock tick as its check ("racily clean", as git calls it) is always read.

All entries belong to a fingerprint of everything else a check depends on: the tool's own code, the
schema and the source documents. When any of them changes every entry is dropped. Only files that
passed every one-record check are cached; files with problems are checked again every time, so no
message is ever served stale. Any failure of the cache itself only makes the run slower.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

CACHE_DIR = Path(".cache")
CACHE_FILE = CACHE_DIR / "trials-check.sqlite3"
_RACY_SECONDS = 2.0  # coarse file-system clocks (FAT, some network mounts) tick this slowly


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


@dataclass
class Entry:
    size: int
    mtime_ns: int
    sha: str
    checked_ns: int
    value: Any

    def fresh(self, stat: os.stat_result) -> bool:
        """Whether the file is, by its stat, the one that was checked (and not racily so)."""
        return (stat.st_size == self.size and stat.st_mtime_ns == self.mtime_ns
                and self.mtime_ns < self.checked_ns - int(_RACY_SECONDS * 1e9))


def _decode(blob: Any) -> Any:
    # marshal, not pickle: it builds only plain values (it cannot run code) and reads faster than
    # json; the fingerprint holds the Python version whose format it is.
    try:
        value = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    return value if isinstance(value, dict) else None


class Cache:
    def __init__(self, root: Path, fingerprint: str, enabled: bool = True) -> None:
        self.db: sqlite3.Connection | None = None
        if not enabled:
            return
        try:
            (root / CACHE_DIR).mkdir(exist_ok=True)
            self.db = sqlite3.connect(root / CACHE_FILE, timeout=10)
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (fingerprint TEXT NOT NULL)")
            self.db.execute("CREATE TABLE IF NOT EXISTS file (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, "
                            "sha TEXT, checked_ns INTEGER, value BLOB NOT NULL)")
            row = self.db.execute("SELECT fingerprint FROM meta").fetchone()
            if row is None or row[0] != fingerprint:
                with self.db:
                    self.db.execute("DELETE FROM file")
                    self.db.execute("DELETE FROM meta")
                    self.db.execute("INSERT INTO meta VALUES (?)", (fingerprint,))
        except (OSError, sqlite3.Error):
            self.db = None

    def entries(self, paths: list[str]) -> dict[str, Entry]:
        """The readable entries of these paths (a few queries, not one per file)."""
        if self.db is None or not paths:
            return {}
        found: dict[str, Entry] = {}
        try:
            for start in range(0, len(paths), 900):  # SQLite's limit on bound parameters
                chunk = paths[start : start + 900]
                rows = self.db.execute(f"SELECT * FROM file WHERE path IN ({','.join('?' * len(chunk))})", chunk)
                for path, size, mtime, sha, checked, blob in rows:
                    value = _decode(blob)
                    if value is not None:  # an unreadable entry is as good as none
                        found[path] = Entry(size, mtime, sha, checked, value)
        except sqlite3.Error:
            return {}
        return found

    def put_many(self, items: list[tuple[str, os.stat_result, str, Any]]) -> None:
        """(path, stat when read, sha256, value) of files that passed every check."""
        if self.db is None or not items:
            return
        now = time.time_ns()
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?)", [
                    (path, stat.st_size, stat.st_mtime_ns, sha, now, marshal.dumps(value))
                    for path, stat, sha, value in items])
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
