"""Cache: what a valid file produced, so an unchanged file is neither read nor parsed again.

A verdict from the cache is a verdict on a file the check did not read, so the cache is part of the
trust boundary (docs/trust-boundary.md):

- Where: outside the work tree, where no commit, checkout or merge can put a file: in the git
  directory (`git rev-parse --absolute-git-dir`: <gitdir>/sle-trials/check-cache.sqlite3; a
  registry in a subfolder of the repository has a file of its own), or, outside a git work tree,
  in the user's cache folder ($XDG_CACHE_HOME or ~/.cache)/sle-trials/<sha256 of the root's path>/.
- Who wrote it: this clone only. A random key (32 bytes, mode 0600) is made beside the database
  the first time, and every entry carries an HMAC-SHA256 under it of all its fields: path, size,
  modification time, when it was read, the file's sha256, the fingerprint, the sources its check
  read with their sha256s, and the summary. An entry whose MAC does not verify is a miss, so no
  bytes that anyone can commit, copy or restore become a verdict.
- Which file: a file is known by its stat only when its size, modification time, inode change time,
  inode and device are all as read (files.Stamp). Size and mtime alone can be set back by anyone (a
  tar or zip extracted over the work tree, `cp -p`, `touch -d`), so a file replaced by another of the
  same size and mtime passed for the one checked; no user-space call sets the ctime.
- How it is read: with the standard library's sqlite3, never marshal or pickle. A summary is JSON
  text of at most MAX_SUMMARY bytes, decoded and checked for shape (types, lengths) before use.
  Damage of any kind (not a database, other tables, locked, truncated, a link or FIFO in its place,
  oversized or misshapen entries) is "no cache": the run checks every file, it never crashes and
  never passes a file it did not read. A run that has entries to write replaces a damaged database.

What an entry says: the file's stamp as read (size, modification and change times, inode, device),
when it was read, its sha256 and its summary. The next run trusts an entry when the stamp still
matches and the file was last modified or changed well before it was read; otherwise the file is read and its sha256
compared, so a touched but unchanged file is still not parsed. A file modified within the clock
tick of its read ("racily clean", as git calls it) is always read again: the window is measured from
the read, not from when the entry was stored (a run of 250,000 files stores its entries long after
it read the first ones).

All entries belong to a fingerprint of what every check depends on: the tool's own code, the
libraries it runs and the schema. When any of them changes every entry is dropped. What one record's
check depends on beyond these is the sources it cites: an entry names each with the sha256 of the
bytes its check read (documents.Sources.read, not a hash taken before or after the check), and it
vouches for the file only while each of those sources has that sha256 now. A source edited, removed
or replaced drops the entries of the records that cite it; a source added (every `trials import`
adds one) drops none: when every source counted for every entry, an import made the next check of
10,000 records a cold one. The sha256 of each file under seeds/ is itself kept (table source, MAC'd
the same way, trusted by stat under the same rule), so a re-check hashes only the sources whose
stat changed (each benchmark record cites a study of its own, and hashing them all was 119 MB a
re-check at 10,000 records), and `trials validate FILE` looks only at the sources FILE cites. Only
files that passed every one-record check are cached; files with problems are checked again every
time, so no message is ever served stale.

Why all rows at once: a warm check of 10,000 records looks up every file, and one query for all
rows costs ~4 us a row where a query per file costs ~13 us. A row's MAC is verified and its summary
decoded only when its file is looked up. A run of a few files (`trials validate FILE`, Cache.few)
asks for each file's row, and each source's, alone: reading and verifying the 10,000 source rows
took most of such a run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from sle_trials import files
from sle_trials.git import plumbing

if TYPE_CHECKING:
    import sqlite3

DATABASE = "check-cache.sqlite3"
KEY = "key"
KEY_BYTES = 32
LAYOUT = 5  # PRAGMA user_version of the database: bump when the tables change
MAX_CITED = 1024 * 1024  # bytes of an entry's cited sources (JSON); ~80 bytes a source
MAX_COMPILED = 4 * 1024 * 1024  # bytes of a compiled pattern's body; the package's largest is ~0.2 MiB
MAX_PATTERNS = 8192  # compiled patterns kept; beyond, a run's writing starts the table again (the package has ~800)
MAX_SUMMARY = (
    2 * 1024 * 1024
)  # bytes of a summary's JSON; a larger one is not cached (a record of 1 MiB gives ~2 MiB at most)
_RACY_NS = 2_000_000_000  # 2 s: coarse file-system clocks (FAT, some network mounts) tick this slowly
_TABLES = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE entry (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
    " ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,"
    " read_ns INTEGER NOT NULL, sha256 BLOB NOT NULL, summary BLOB NOT NULL, cited BLOB NOT NULL,"
    " mac BLOB NOT NULL)",
    # the documents under seeds/ as last read: their hashes are the entries' and the manifest check's
    "CREATE TABLE source (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
    " ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,"
    " read_ns INTEGER NOT NULL, sha256 BLOB NOT NULL, mac BLOB NOT NULL)",
    # compiled patterns (engine/compiled_patterns.py), by the sha256 of their text, flags and interpreter
    "CREATE TABLE pattern (name BLOB PRIMARY KEY, body BLOB NOT NULL, mac BLOB NOT NULL)",
)
# Every row, the sizes checked by SQLite before Python sees a value (a blob's length is known
# without reading it): a damaged or hostile database cannot make this process hold a huge value.
_ROWS = (
    "SELECT path, size, mtime_ns, ctime_ns, inode, device, read_ns, sha256, summary, cited, mac FROM entry"
    " WHERE typeof(path) = 'text' AND typeof(sha256) = 'blob' AND length(sha256) = 32"
    " AND typeof(summary) = 'blob' AND length(summary) <= ? AND typeof(cited) = 'blob' AND length(cited) <= ?"
    " AND typeof(mac) = 'blob' AND length(mac) = 32"
)
_SOURCE_ROWS = (
    "SELECT path, size, mtime_ns, ctime_ns, inode, device, read_ns, sha256, mac FROM source"
    " WHERE typeof(path) = 'text' AND typeof(size) = 'integer' AND typeof(mtime_ns) = 'integer'"
    " AND typeof(ctime_ns) = 'integer' AND typeof(inode) = 'integer' AND typeof(device) = 'integer'"
    " AND typeof(read_ns) = 'integer' AND typeof(sha256) = 'blob' AND length(sha256) = 32"
    " AND typeof(mac) = 'blob' AND length(mac) = 32"
)
_COMPILED_ROW = (
    "SELECT body, mac FROM pattern WHERE name = ? AND typeof(body) = 'blob' AND length(body) <= ?"
    " AND typeof(mac) = 'blob' AND length(mac) = 32"
)


# The libraries a one-record check runs (the YAML parser, libyaml's binding, the schema engine, the
# CSS parser a web source's style is read with): an upgrade may change a verdict, so their installed
# files are part of the fingerprint. Every runtime dependency is one (test_trust_boundary.py): pathspec,
# which reads a pull request's ignore files for the extraction (git/ignored.py), is kept beside them by
# that rule, though no record's check runs it. (The confusables a layout's headings are read with are
# the package's own generated module, reading/confusables.py, which _code covers.)
LIBRARIES = ("ruamel.yaml", "_ruamel_yaml", "jsonschema_rs", "tinycss2", "pathspec")
# The first bytes of a .pyc: magic (4), flags (4), then 8 more: for a timestamp .pyc (flags 0) its
# source's mtime in seconds and its size, each mod 2**32, which is all Python compares. A hash-based
# .pyc (flag 0b01) without the check-source flag (0b10) is loaded without looking at its source
# ("unchecked"): code that runs in place of the .py beside it.
_PYC_HEADER = 16
_HASH_BASED = 0b01
_CHECK_SOURCE = 0b10


def _head(file: str) -> bytes:
    """The first bytes of a .pyc that os.stat found regular; a file put in its place since is opened
    without blocking (a named pipe) and gives what it gives. Not files.head: that refuses a link,
    and Python imports a .pyc through one, as _code walks the package (following links)."""
    fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        return os.read(fd, _PYC_HEADER)
    finally:
        os.close(fd)


def _runs_instead(pyc: str, head: bytes, st: os.stat_result, stats: dict[str, os.stat_result], sources: str) -> bool:
    """Whether Python may run pyc (whose first bytes are head) in place of its source's own code: an
    unchecked .pyc always; a timestamp .pyc when its source's mtime (in seconds) and size are those it
    records yet it was written no later than the source last changed. A module replaced with the
    same size in the second its .pyc was written (a checkout of another branch that second, or `cp -p`
    and tar, which keep the mtime) runs the code it replaced. A .pyc Python wrote for its source,
    after it, and one Python will replace, are checked by Python: each run may write them. stats:
    the files of the package as _code found them; sources: the folder of pyc's source (the one above
    its __pycache__, or the package's folder a .pyc under sys.pycache_prefix mirrors)."""
    if len(head) != _PYC_HEADER:
        return False  # Python refuses it and compiles the source
    flags = int.from_bytes(head[4:8], "little")
    if flags & ~(_HASH_BASED | _CHECK_SOURCE):
        return False  # likewise
    if flags & _HASH_BASED:  # checked against the source's bytes, unless Python was told never to
        import _imp

        return not flags & _CHECK_SOURCE or _imp.check_hash_based_pycs == "never"
    # NAME.TAG.pyc (or NAME.TAG.opt-1.pyc) is the .pyc of ../NAME.py (importlib.util.source_from_cache,
    # which cost this loop half again as much)
    name = os.path.basename(pyc)
    source = stats.get(os.path.join(sources, name.partition(".")[0] + ".py"))
    if source is None:
        return False  # no source: Python never loads a .pyc under __pycache__ without one
    recorded = int.from_bytes(head[8:12], "little"), int.from_bytes(head[12:16], "little")
    return (
        recorded == (int(source.st_mtime) & 0xFFFFFFFF, source.st_size & 0xFFFFFFFF)
        and st.st_mtime_ns <= source.st_ctime_ns
    )


def _code(now_ns: int) -> Iterator[bytes]:
    """The tool's code: every file of the package, not only its .py files. Python imports
    an extension module (NAME.cpython-311-x86_64-linux-gnu.so, NAME.abi3.so) before NAME.py and an
    unchecked .pyc under __pycache__ without reading NAME.py, so either runs in the place of a
    module whose source did not change, and so does a timestamp .pyc older than its source's last
    change (_runs_instead); the other .pyc files are checked against their source by Python itself,
    and each run may write them, so they are left out, as is anything else under __pycache__ (never
    imported: the temporary file a .pyc is written through, which a run walking the package while
    another imports a changed module would otherwise count).

    A file stands for itself by its stamp (files.Stamp's stat fields), as a trial file does: an edit,
    a checkout or a copy gives it a new ctime or inode, which nothing in user space can set back. A
    file modified or changed within the racy window before now is hashed instead (a second change
    in the same clock tick would not show in its stat): the fingerprint then differs from any
    made when it is no longer racy, which costs a miss, never a stale verdict. Reading and hashing
    every file cost 8 to 10 ms a run, a twentieth of a one-file re-check."""
    package = str(Path(__file__).parents[1])
    found: list[tuple[tuple[str, ...], str]] = []  # (the parts of its path in the package, the path)
    pycs: dict[str, str] = {}  # each .pyc Python may read for the package -> the folder of its source
    # os.walk and plain strings, not Path.rglob nor Path.relative_to: pathlib's objects cost 7 of the
    # 13 ms a run spent on the fingerprint, and the tests run the tool in-process thousands of times
    for folder, parts, names in _walk(package, followlinks=True):
        files = [folder + os.sep + name for name in names]
        found += [((*parts, name), file) for name, file in zip(names, files)]
        if "__pycache__" in parts:
            pycs.update(dict.fromkeys(files, os.path.dirname(folder)))
    for parts, file, sources in _prefixed(package):
        found.append((parts, file))
        pycs[file] = sources
    stats: dict[str, os.stat_result] = {}
    for _, file in found:
        try:
            stats[file] = os.stat(file)
        except OSError:  # gone since the walk: not code that runs
            continue
    for parts, file in sorted(found):  # in the order of the paths' parts, as Path objects sort
        st = stats.get(file)
        if st is None or not stat.S_ISREG(st.st_mode):
            continue
        if file in pycs and not (file.endswith(".pyc") and _runs_instead(file, _head(file), st, stats, pycs[file])):
            continue  # Python imports nothing else from there; it writes each .pyc through NAME.TAG.pyc.<id>
        name = "/".join(parts).encode() + b"\0"
        if max(st.st_mtime_ns, st.st_ctime_ns) >= now_ns - _RACY_NS:
            with open(file, "rb") as f:
                yield name + b"bytes\0" + f.read()
        else:
            yield name + f"{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0{st.st_dev}".encode()


def _prefixed(package: str) -> list[tuple[tuple[str, ...], str, str]]:
    """The .pyc files Python keeps for the package under sys.pycache_prefix (PYTHONPYCACHEPREFIX),
    where it reads them instead of __pycache__ (PREFIX/<the package's absolute path>/…/NAME.TAG.pyc),
    each with the folder of its source: a timestamp .pyc there runs in place of a module replaced in
    its second with the same size as one under __pycache__ does."""
    prefix = sys.pycache_prefix
    if not prefix:
        return []
    mirror = os.path.join(prefix, os.path.abspath(package).lstrip(os.sep))
    out = []
    for folder, parts, names in _walk(mirror):
        source_folder = os.path.join(package, *parts)
        out += [(("<prefix>", *parts, n), folder + os.sep + n, source_folder) for n in names if n.endswith(".pyc")]
    return out


def _walk(top: str, followlinks: bool = False) -> Iterator[tuple[str, tuple[str, ...], list[str]]]:
    """os.walk's folders under top, each with the parts of its path below top (what
    Path(folder).relative_to(top).parts gives, worked out from the strings os.walk joins) and the
    names of its files."""
    skip = len(top) + len(os.sep)
    for folder, _, names in os.walk(top, followlinks=followlinks):
        yield folder, tuple(folder[skip:].split(os.sep)) if folder != top else (), names


def _libraries() -> Iterator[bytes]:
    """Which installed copy of each library the check runs, by the stat of its files (a reinstall
    or an upgrade makes new files); hashing their bytes would cost a warm run more than it checks."""
    import importlib

    for name in LIBRARIES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # _ruamel_yaml off CPython: what is not there is not run
            yield f"{name}\0absent\0".encode()
            continue
        where = module.__file__ or name
        found = [where]
        if os.path.basename(where) == "__init__.py":  # a package: every file in it (os.walk: see _code)
            found = []
            for folder, folders, names in os.walk(os.path.dirname(where)):
                folders[:] = [f for f in folders if f != "__pycache__"]
                found += [os.path.join(folder, n) for n in names]
        for file in sorted(found):
            st = os.stat(file)
            if stat.S_ISREG(st.st_mode):
                yield f"{file}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0".encode()


def fingerprint(schema_text: str) -> str:
    """Everything a one-record check depends on besides the record and the sources it cites (which
    each entry names with their sha256: Entry.cited): the Python version, the tool's code (every
    file of the package, _code), the libraries it runs (_libraries) and the schema."""
    digest = hashlib.sha256(sys.version.encode())
    for part in (*_code(time.time_ns()), *_libraries()):
        digest.update(part)
    digest.update(schema_text.encode())
    return digest.hexdigest()


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class SummaryValue(NamedTuple):
    """What a valid record's summary (pipeline.Summary) is made from: what the cache keeps of it
    and what a worker process sends back. Plain text, tuples and bytes, so it pickles and stores
    as it is."""

    nct_id: str
    titles: tuple[str, ...]  # brief_title, official_title, those the record has
    related: tuple[tuple[str, str], ...]  # (nct_id, title) of each related trial
    sources: tuple[tuple[tuple[str, str], ...], ...]  # each curation.sources entry's items
    line: bytes  # the record's trials.csv line, UTF-8


class Entry(NamedTuple):
    """What the cache knows of one valid file: its path, its stamp as read (files.Stamp's fields),
    its sha256, its summary, and the sources its check read, each with the sha256 of the bytes read:
    the verdict holds while each of them still has those bytes."""

    path: str  # as problems name the file: trials/NCT....yaml
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    read_ns: int  # the wall clock just before the file was read
    sha256: str
    summary: SummaryValue
    cited: tuple[tuple[str, str], ...]  # (seeds/NAME, sha256) of each source the check read, by name

    @property
    def stamp(self) -> files.Stamp:
        return files.Stamp(*self[1:7])

    def fresh(self, st: os.stat_result) -> bool:
        return fresh(st, self.stamp)


class Source(NamedTuple):
    """A document under seeds/ as a run read it: what the cache keeps of it (its sha256 by its stamp)."""

    path: str  # seeds/NAME
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    read_ns: int
    sha256: str

    @property
    def stamp(self) -> files.Stamp:
        return files.Stamp(*self[1:7])

    def fresh(self, st: os.stat_result) -> bool:
        return fresh(st, self.stamp)


def fresh(st: os.stat_result, stamp: files.Stamp) -> bool:
    """Whether a file is, by its stat, the one that was read (files.Stamp.matches), and was neither
    modified nor changed within the racy window before the read (a change in the same clock tick
    would not show in its stat)."""
    return stamp.matches(st) and max(stamp.mtime_ns, stamp.ctime_ns) < stamp.read_ns - _RACY_NS


# SQLite's integers are signed 64-bit; an inode or a device number may use all 64 bits unsigned.
_WRAP = 1 << 64


def _signed(number: int) -> int:
    return number - _WRAP if number >= _WRAP >> 1 else number


def _stored(head: tuple) -> tuple:
    """(path, size, mtime_ns, ctime_ns, inode, device, read_ns) as a row stores them: inode and device signed."""
    path, size, mtime_ns, ctime_ns, inode, device, read_ns = head
    return path, size, mtime_ns, ctime_ns, _signed(inode), _signed(device), read_ns


def _unsigned(number: int) -> int:
    return number + _WRAP if number < 0 else number


_decode = (
    json.JSONDecoder().decode
)  # json.loads less its checks for bytes and arguments: a warm check decodes every summary


def _summary(raw: bytes) -> SummaryValue | None:
    """A summary as stored (JSON: [nct_id, [titles], [[id, title]...], [[[key, value]...]...], line])
    back as a SummaryValue, or None when it does not have exactly that shape."""
    try:
        value = _decode(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if type(value) is not list or len(value) != 5:
        return None
    nct_id, titles, related, sources, line = value
    if not (
        type(nct_id) is str
        and type(line) is str
        and line.endswith("\n")
        and type(titles) is list
        and len(titles) <= 2
        and all(type(title) is str for title in titles)
        and type(related) is list
        and type(sources) is list
        and sources
    ):
        return None
    for pair in related:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str or type(pair[1]) is not str:
            return None
    for source in sources:
        if type(source) is not list:
            return None
        for item in source:
            if type(item) is not list or len(item) != 2 or type(item[0]) is not str or type(item[1]) is not str:
                return None
        if not any(key == "file" for key, _ in source):  # what refs and the data package read
            return None
    return SummaryValue(
        nct_id,
        tuple(titles),
        tuple(map(tuple, related)),
        tuple(tuple(map(tuple, s)) for s in sources),
        line.encode("utf-8"),
    )


def _encode(summary: SummaryValue) -> bytes:
    return json.dumps(
        [summary.nct_id, summary.titles, summary.related, summary.sources, summary.line.decode("utf-8")],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


_HEX64 = frozenset("0123456789abcdef")


def _cited(raw: bytes) -> tuple[tuple[str, str], ...] | None:
    """An entry's cited sources as stored (JSON: [[name, sha256]...], by name) back, or None when
    they do not have exactly that shape."""
    try:
        value = _decode(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if type(value) is not list:
        return None
    out = []
    for pair in value:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str or type(pair[1]) is not str:
            return None
        if len(pair[1]) != 64 or not _HEX64.issuperset(pair[1]) or not files.SOURCE_PATH.match(pair[0]):
            return None  # a name a record may cite (seeds/NAME): nothing else is ever looked at
        out.append((pair[0], pair[1]))
    if [name for name, _ in out] != sorted({name for name, _ in out}):
        return None  # written sorted and once each
    return tuple(out)


def _encode_cited(cited: tuple[tuple[str, str], ...]) -> bytes:
    return json.dumps([list(pair) for pair in cited], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def place(root: Path) -> Path | None:
    """The database file for the registry at root: in its git directory, else in the user's cache
    folder; None when neither can be told."""
    out = b""
    if plumbing.maybe_in_a_repository(root):
        try:
            out = plumbing.Repository(root).run(
                "rev-parse", "--is-inside-work-tree", "--absolute-git-dir", "--show-prefix"
            )
        except (plumbing.GitError, OSError, ValueError):  # no git, or not in a work tree: the user's cache folder
            out = b""
    lines = os.fsdecode(out).split("\n")
    if len(lines) >= 3 and lines[0] == "true" and os.path.isabs(lines[1]):
        prefix = lines[2]  # the root's folder inside the repository, "" at its top
        name = DATABASE if not prefix else f"check-cache-{hashlib.sha256(os.fsencode(prefix)).hexdigest()[:16]}.sqlite3"
        return Path(lines[1], "sle-trials", name)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative value is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):
            return None
    folder = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()
    return Path(base, "sle-trials", folder, DATABASE)


def _own_folder(folder: Path, create: bool) -> bool:
    """Whether folder is a real directory (not a link) of this user's, made first when create."""
    try:
        if create:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and (not hasattr(os, "getuid") or st.st_uid == os.getuid())


def _key(folder: Path, create: bool) -> bytes | None:
    """This clone's key (through the guard: never a link's target), made when missing or damaged
    and create is set. Two first runs at once may each make one: the last stays, and the entries
    the other wrote are misses next time."""
    file = folder / KEY
    try:
        key = files.read_bytes(file, KEY_BYTES)
        if len(key) == KEY_BYTES:
            return key
    except files.Refused:
        pass
    if not create:
        return None
    key = secrets.token_bytes(KEY_BYTES)
    temp = folder / f".{KEY}.{os.getpid()}.tmp"
    try:
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.write(handle, key)
        finally:
            os.close(handle)
        os.replace(temp, file)  # replaces a link or a damaged key itself, never what a link points to
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return None
    return key


def _regular_or_absent(file: Path) -> bool | None:
    """True: a regular file; None: nothing there; False: anything else (a link, a FIFO, a folder)."""
    try:
        return stat.S_ISREG(os.lstat(file).st_mode)
    except FileNotFoundError:
        return None
    except OSError:
        return False


def _connect(file: Path, create: bool, read_only: bool = False) -> sqlite3.Connection:
    """The database, opened by its path only after the path and its journal are seen to be regular
    files or absent (sqlite3 cannot read through files.read); sqlite3.Error when it will not do.
    read_only: opened so that SQLite writes nothing, not even the rollback of a journal a killed run
    left (which a read-write reader does on its first read: a write, and the journal removed)."""
    import sqlite3

    for path in (file, Path(f"{file}-journal")):
        if _regular_or_absent(path) is False:
            raise sqlite3.DatabaseError(f"{path.name} is not a regular file")
    mode = "rwc" if create else "ro" if read_only else "rw"
    db = sqlite3.connect(f"file:{quote(os.fspath(file))}?mode={mode}", uri=True, timeout=1.0, isolation_level=None)
    try:
        # A cache: a write torn by a crash is damage, and damage is no cache. Set before the tables are
        # made too, so that a new database costs no fsync (1 ms instead of 14 on this machine).
        db.execute("PRAGMA synchronous = OFF")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and create and not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            db.execute("BEGIN")
            for table in _TABLES:
                db.execute(table)
            db.execute(f"PRAGMA user_version = {LAYOUT}")
            db.execute("COMMIT")
        elif version != LAYOUT:
            raise sqlite3.DatabaseError(f"layout {version}, not {LAYOUT}")
    except BaseException:
        db.close()
        raise
    return db


class Cache:
    """The check cache of the registry at root, for one run; every failure of it is a miss."""

    def __init__(self, root: Path, enabled: bool = True, few: bool = False, *, of: Path | None = None) -> None:
        self.root = root
        self.enabled = enabled
        # of: the registry whose database is read instead of root's, and never written: a copy of it
        # with a change (`trials import`'s stage) is served the verdicts of the files it has as
        # they are there, by their sha256, since a copy's stat is not the one read
        self.of = of
        # few: the run looks up a few files and the sources they cite (`trials validate FILE`): one
        # query each. Otherwise every row is read at once, which costs a third of a query a row.
        self.few = few
        self.fingerprint: str | None = None  # what the entries belong to (belong_to); none is read or written before
        self._file: Path | None = None
        self._key: bytes | None = None
        self._hmac: hmac.HMAC | None = (
            None  # HMAC-SHA256 keyed once; copied for each entry (hmac.digest sets the key up each time)
        )
        self._db: sqlite3.Connection | None = None
        self._damaged = False  # the database is there but will not do: replaced when this run writes
        self._opened = False
        self._rows: dict[str, tuple] | None = None  # path -> row as read (sqlite3's tuple), until it is looked up
        self._sources: dict[str, Source | None] | None = None  # seeds/NAME -> what this clone read of it
        self._current: sqlite3.Connection | None | bool = False  # _entries_db(), once worked out
        self._entries: dict[str, Entry | None] = {}  # path -> what its row gave (None: a miss)
        self._writing = False

    def belong_to(self, fingerprint: str) -> None:
        """The fingerprint this run's entries belong to (fingerprint(): the code, the libraries and the
        schema), given once the schema is read."""
        self.fingerprint = fingerprint

    def _belonging(self) -> str:
        if self.fingerprint is None:
            raise RuntimeError("Cache.belong_to(fingerprint) first: an entry is valid only for its fingerprint")
        return self.fingerprint

    def _connection(self) -> sqlite3.Connection | None:
        """The database, opened once a run with this clone's key; None when there is no usable one."""
        if self._opened:
            return self._db
        self._opened = True
        if not self.enabled:
            return None
        import sqlite3

        try:
            self._file = place(self.of or self.root)
            if self._file is None or not _own_folder(self._file.parent, create=False):
                return None
            self._key = _key(self._file.parent, create=False)
            if self._key is None or _regular_or_absent(self._file) is None:
                return None
            self._db = _connect(self._file, create=False, read_only=self.of is not None)
        except (sqlite3.Error, OSError, ValueError, MemoryError) as exc:
            self._unusable(exc)
        return self._db

    def _unusable(self, exc: Exception) -> None:
        """A database that failed to be read: closed, and replaced when this run writes unless it was busy."""
        import sqlite3

        if self._db is not None:
            self._db.close()
            self._db = None
        self._current = None
        busy = getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        self._damaged = not busy and self._file is not None and _regular_or_absent(self._file) is not None

    def _entries_db(self) -> sqlite3.Connection | None:
        """The database when its entries are this fingerprint's; None when there is no usable
        database or key, or its entries were written for other code or another schema."""
        if self._current is not False:
            return self._current  # type: ignore[return-value]
        fingerprint = self._belonging()
        self._current = db = self._connection()
        if db is None:
            return None
        import sqlite3

        try:
            stored = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        except (sqlite3.Error, OSError, ValueError, MemoryError) as exc:
            stored = None
            self._unusable(exc)
        if stored is None or stored[0] != fingerprint:
            self._current = None  # every entry is stale
        return self._current

    def _open(self) -> dict[str, tuple]:
        """Every entry's row, read once (none when few: get() asks for each); nothing when there is no
        usable database or key, or its entries were written for another fingerprint."""
        if self._rows is not None:
            return self._rows
        self._rows = {}
        db = self._entries_db()
        if db is None or self.few:
            return self._rows
        import sqlite3

        try:
            self._rows = {row[0]: row for row in db.execute(_ROWS, (MAX_SUMMARY, MAX_CITED))}
        except (sqlite3.Error, OSError, ValueError, MemoryError) as exc:
            self._rows = {}
            self._unusable(exc)
        return self._rows

    def _row(self, path: str) -> tuple | None:
        """path's entry row, as read: taken from every row read at once, or asked for alone when few."""
        rows = self._open()
        if not self.few:
            return rows.pop(path, None)
        db = self._entries_db()
        if db is None:
            return None
        import sqlite3

        try:
            return db.execute(_ROWS + " AND path = ?", (MAX_SUMMARY, MAX_CITED, path)).fetchone()
        except (sqlite3.Error, OSError, ValueError, MemoryError) as exc:
            self._unusable(exc)
            self._current = None
            return None

    def source(self, path: str, st: os.stat_result) -> str | None:
        """The sha256 of the document under seeds/ at path, when this clone read it and its stat
        says it is unchanged since (the rule trial files follow: fresh()); None: read it."""
        if self._sources is None:
            self._sources = {} if self.few else self._read_sources("")
        if path not in self._sources:  # few: asked for alone
            self._sources.update(self._read_sources(" AND path = ?", path) or {path: None})
        found = self._sources.get(path)
        return found.sha256 if found is not None and found.fresh(st) else None

    def _read_sources(self, where: str, *args: str) -> dict[str, Source | None]:
        """The source rows (those where says) whose MAC verifies."""
        db = self._connection()
        if db is None:
            return {}
        import sqlite3

        out: dict[str, Source | None] = {}
        try:
            for path, size, mtime_ns, ctime_ns, inode, device, read_ns, raw_sha, mac in db.execute(
                _SOURCE_ROWS + where, args
            ):
                source = Source(
                    path, size, mtime_ns, ctime_ns, _unsigned(inode), _unsigned(device), read_ns, raw_sha.hex()
                )
                try:
                    good = hmac.compare_digest(self._source_mac(source), mac)
                except UnicodeEncodeError:  # a path that is not text: never written by this tool
                    good = False
                if good:
                    out[path] = source
        except (sqlite3.Error, OSError, ValueError, MemoryError) as exc:
            self._unusable(exc)
            return {}
        return out

    def _keyed(self, *parts: bytes) -> bytes:
        """HMAC-SHA256 under this clone's key of the parts, in order."""
        if self._hmac is None:
            assert self._key is not None
            self._hmac = hmac.new(self._key, digestmod=hashlib.sha256)
        mac = self._hmac.copy()
        for part in parts:
            mac.update(part)
        return mac.digest()

    def _source_mac(self, source: Source) -> bytes:
        """HMAC-SHA256 of a source row; "source" first, so that no entry's MAC is ever a source's."""
        fields = "\0".join(map(str, source))
        return self._keyed(f"source\0{fields}\0".encode())

    def put_sources(self, read: list[Source], present: list[str]) -> None:
        """Keep the documents this run read (present: every one under seeds/ now; the rows of the
        others go). Nothing is written when nothing was read: a warm run writes nothing."""

        def write(db: sqlite3.Connection) -> None:
            rows = [
                (*_stored(source[:7]), bytes.fromhex(source.sha256), self._source_mac(source))
                for source in read
                if source.path.isprintable()
            ]
            db.executemany("INSERT OR REPLACE INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            kept = set(present)
            gone = [(path,) for (path,) in db.execute("SELECT path FROM source") if path not in kept]
            db.executemany("DELETE FROM source WHERE path = ?", gone)

        if read:
            self._write(write)

    def compiled(self, name: bytes) -> bytes | None:
        """The body of the compiled pattern kept under name (compiled_patterns.name), when this clone
        wrote it: its MAC verifies. Not bound to the fingerprint: a pattern compiles alike whatever
        code holds it (the interpreter is in its name), so an edit of one module recompiles its own."""
        db = self._connection()
        if db is None:
            return None
        import sqlite3

        try:
            row = db.execute(_COMPILED_ROW, (name, MAX_COMPILED)).fetchone()
        except (sqlite3.Error, OSError, ValueError, MemoryError) as exc:
            self._unusable(exc)
            return None
        if row is None or not hmac.compare_digest(self._compiled_mac(name, row[0]), row[1]):
            return None
        return bytes(row[0])

    def _compiled_mac(self, name: bytes, body: bytes) -> bytes:
        """HMAC-SHA256 of a compiled pattern's row; "pattern" and two NULs first, which begin no entry's
        MAC (a path holds no NUL) and no source's; the name is 32 bytes, the body the rest."""
        return self._keyed(b"pattern\0\0", name, body)

    def put_compiled(self, bodies: dict[bytes, bytes], interpreter: str) -> None:
        """Keep the patterns a run compiled (name -> body); the rows of another interpreter go."""

        def write(db: sqlite3.Connection) -> None:
            stored = db.execute("SELECT value FROM meta WHERE name = 'interpreter'").fetchone()
            kept = db.execute("SELECT count(*) FROM pattern").fetchone()[0]
            if stored is None or stored[0] != interpreter or kept + len(bodies) > MAX_PATTERNS:
                db.execute("DELETE FROM pattern")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('interpreter', ?)", (interpreter,))
            rows = [(n, body, self._compiled_mac(n, body)) for n, body in bodies.items() if len(body) <= MAX_COMPILED]
            db.executemany("INSERT OR REPLACE INTO pattern VALUES (?, ?, ?)", rows)

        if bodies:
            self._write(write)

    def get(self, path: str) -> Entry | None:
        """The entry for path, when this clone wrote it for this fingerprint and it is whole."""
        if path in self._entries:
            return self._entries[path]
        row = self._row(path)
        entry = self._verify(row) if row is not None else None
        self._entries[path] = entry
        return entry

    def _mac(self, path: str, stamp: files.Stamp, sha256: str, summary: bytes, cited: bytes) -> bytes:
        """HMAC-SHA256 of every field of an entry; NUL cannot occur in a path, the cited sources' length
        is given before them, and the summary is last."""
        fingerprint = self._belonging()
        fields = "\0".join(map(str, stamp))
        return self._keyed(f"{path}\0{fields}\0{sha256}\0{fingerprint}\0{len(cited)}\0".encode(), cited, summary)

    def _verify(self, row: tuple) -> Entry | None:
        path, *numbers, raw_sha, summary, cited, mac = row
        if not all(type(number) is int for number in numbers):
            return None
        size, mtime_ns, ctime_ns, inode, device, read_ns = numbers
        stamp = files.Stamp(size, mtime_ns, ctime_ns, _unsigned(inode), _unsigned(device), read_ns)
        sha256 = raw_sha.hex()
        try:
            if not hmac.compare_digest(self._mac(path, stamp, sha256, summary, cited), mac):
                return None
        except UnicodeEncodeError:  # a path that is not text: never written by this tool
            return None
        value, read = _summary(summary), _cited(cited)
        if value is None or read is None:
            return None
        if {name for name, _ in read} != {text for items in value.sources for key, text in items if key == "file"}:
            return None  # an entry holds to each source its record cites, and to no other
        return Entry(path, *stamp, sha256, value, read)

    def put_many(self, entries: list[Entry]) -> None:
        """Keep the entries of files that passed every check (committed by close())."""
        self._belonging()

        def write(db: sqlite3.Connection) -> None:
            rows = []
            for entry in entries:
                summary, cited = _encode(entry.summary), _encode_cited(entry.cited)
                if len(summary) > MAX_SUMMARY or len(cited) > MAX_CITED or not entry.path.isprintable():
                    continue  # too large to be read back; a name no trial file has
                mac = self._mac(entry.path, entry.stamp, entry.sha256, summary, cited)
                rows.append((*_stored(entry[:7]), bytes.fromhex(entry.sha256), summary, cited, mac))
            db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

        if entries:
            self._write(write)

    def _write(self, write: Callable[[sqlite3.Connection], None]) -> None:
        """write(db) in this run's transaction; a failure of any kind drops this run's writes."""
        if not self.enabled or self.of is not None:
            return
        import sqlite3

        try:
            db = self._writer()
            if db is not None:
                write(db)
        except (sqlite3.Error, OSError, ValueError, UnicodeError):
            self._stop_writing()

    def _writer(self) -> sqlite3.Connection | None:
        """The database, in a transaction for this run's entries (committed by close()); made anew
        when missing or damaged, emptied when written for another fingerprint."""
        if self._writing:
            return self._db
        self._open()
        if self._file is None or not _own_folder(self._file.parent, create=True):
            self.enabled = False
            return None
        self._key, self._hmac = _key(self._file.parent, create=True), None
        if self._key is None:
            self.enabled = False
            return None
        if self._db is None:
            if self._damaged:  # not a database, other tables, a link or a FIFO: remove the path itself
                for path in (self._file, Path(f"{self._file}-journal")):
                    try:
                        os.unlink(path)
                    except FileNotFoundError:
                        pass
            self._db = _connect(self._file, create=True)
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        self._writing = True
        stored = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        if stored is None or stored[0] != self._belonging():
            db.execute("DELETE FROM entry")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (self.fingerprint,))
        return db

    def _stop_writing(self) -> None:
        """A failed write (locked by another run, a full disk): this run's entries are dropped."""
        if self._db is not None:
            try:
                if self._writing:
                    self._db.execute("ROLLBACK")
            except Exception:
                pass
        self._writing = False
        self.enabled = False

    def close(self) -> None:
        """Commit this run's entries, if any."""
        if self._db is None:
            return
        import sqlite3

        try:
            if self._writing:
                self._db.execute("COMMIT")
        except sqlite3.Error:
            self._stop_writing()
        finally:
            self._writing = False
            self._db.close()
            self._db = None
