"""Cache: what a valid file produced, keyed by its content, so unchanged files are not re-parsed.

One SQLite file under .cache/ (git-ignored). An entry is keyed by the file's path and the sha256 of
its bytes, and belongs to a fingerprint of everything else a check depends on: the tool's own code,
the schema and the source documents. When any of them changes, the fingerprint changes and every
entry is ignored (and dropped). Only files that passed every one-record check are cached; files
with problems are always checked again, so no message is ever served stale.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable

CACHE_DIR = Path(".cache")
CACHE_FILE = CACHE_DIR / "trials-check.sqlite3"


def fingerprint(root: Path, schema_text: str, seeds: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    digest.update(schema_text.encode())
    for seed in sorted(seeds):
        digest.update(seed.name.encode() + b"\0" + hashlib.sha256(seed.read_bytes()).digest())
    return digest.hexdigest()


def key(path: str, raw: bytes) -> str:
    return hashlib.sha256(path.encode() + b"\0" + raw).hexdigest()


class Cache:
    """Read and write entries; any failure of the cache itself only makes the run slower."""

    def __init__(self, root: Path, fingerprint: str, enabled: bool = True) -> None:
        self.fingerprint = fingerprint
        self.db: sqlite3.Connection | None = None
        if not enabled:
            return
        try:
            (root / CACHE_DIR).mkdir(exist_ok=True)
            self.db = sqlite3.connect(root / CACHE_FILE, timeout=10)
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (fingerprint TEXT NOT NULL)")
            self.db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = self.db.execute("SELECT fingerprint FROM meta").fetchone()
            if row is None or row[0] != fingerprint:
                with self.db:
                    self.db.execute("DELETE FROM entry")
                    self.db.execute("DELETE FROM meta")
                    self.db.execute("INSERT INTO meta VALUES (?)", (fingerprint,))
        except (OSError, sqlite3.Error):
            self.db = None

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        if self.db is None or not keys:
            return {}
        found: dict[str, Any] = {}
        try:
            for start in range(0, len(keys), 900):  # SQLite's limit on bound parameters
                chunk = keys[start : start + 900]
                marks = ",".join("?" * len(chunk))
                for k, value in self.db.execute(f"SELECT key, value FROM entry WHERE key IN ({marks})", chunk):
                    found[k] = json.loads(value)
        except (sqlite3.Error, ValueError):
            return {}
        return found

    def put_many(self, items: list[tuple[str, Any]]) -> None:
        if self.db is None or not items:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?)",
                                    [(k, json.dumps(v, ensure_ascii=False, separators=(",", ":"))) for k, v in items])
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
