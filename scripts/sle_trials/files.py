"""Files: the one guarded way this tool reads a file of the registry, and the names it accepts.

Every file any command reads (trial records, source documents, the manifest, the check cache, a
merge's inputs) comes through read(): a regular file only, never a symbolic link, a FIFO, a socket
or a device, and at most `limit` bytes. A link could point outside the repository (a secret that
messages would quote, /dev/zero) and a FIFO would block the run forever. O_NOFOLLOW and O_NONBLOCK
make the open itself safe; the lstat before it gives the clear message, and the fstat after it sees
a file swapped in between.

NAME is the one pattern a file name under trials/ or seeds/ must match: the schema's
curation.sources.file pattern, the manifest, the cache fingerprint and `trials new --source` all use
it (a test holds the schema to it). No leading dot (a dot file would be skipped by listings and
slip past the manifest), no control, space or non-ASCII character (it could inject lines into
logs and CI annotations).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from sle_trials.patterns import lazy

# A file name under trials/ or seeds/. Kept in step with schema/trial.schema.json
# (curation.sources.file is "seeds/" + this); tests/test_files.py holds the two together.
NAME = lazy(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}\Z")
SOURCE_PATH = lazy(r"seeds/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\Z")
# The most any source document under seeds/ (and seeds/SHA256SUMS) may hold: a registry page or a
# study JSON is well under 1 MiB; a link to /dev/zero or a huge file must not be read whole.
MAX_SOURCE_BYTES = 32 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class Stamp(NamedTuple):
    """Which file was read, and which version of it, by its stat, and when: what the check cache
    compares before it trusts a file it does not read again. Size and modification time alone can
    be set back by anyone (`touch -d`, `tar x`, `cp -p`, `rsync -t`, a zip of a commit whose date its
    author chose): a file replaced by one of the same size and mtime would pass for the one read. The
    inode change time cannot be set from user space, and a write, a rename, a chmod or a copy in
    place each moves it; the inode and device tell a file put in another's place. Git's index
    compares the same (core.trustctime, core.checkStat)."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    read_ns: int  # the wall clock just before the read: the cache's racy window is measured from here

    def matches(self, st: os.stat_result) -> bool:
        """Whether st is the stat of the same file, unchanged since it was read."""
        return (
            st.st_size == self.size
            and st.st_mtime_ns == self.mtime_ns
            and st.st_ctime_ns == self.ctime_ns
            and st.st_ino == self.inode
            and st.st_dev == self.device
        )


class Refused(Exception):
    """A file that is not read: why, in words a curator can act on (never the file's content)."""


class TooLarge(Refused):
    """A regular file over the limit."""


def kind_of(mode: int) -> str | None:
    """None for a regular file, else what it is ("a symbolic link", "a named pipe (FIFO)", ...)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


@contextlib.contextmanager
def _opened(file: Path | str) -> Iterator[tuple[int, os.stat_result]]:
    """The file open for reading (its descriptor and fstat), only when it is a regular file both by
    its name (a link is not followed) and once open (nothing was swapped in between). Refused
    otherwise, or on any error of the system's."""
    try:
        kind = kind_of(os.lstat(file).st_mode)
        if kind:
            raise Refused(f"{kind}, not a regular file")
        fd = os.open(file, _OPEN_FLAGS)
    except OSError as exc:
        raise Refused(exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind:
            raise Refused(f"{kind}, not a regular file")
        yield fd, st
    except OSError as exc:
        raise Refused(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def read(file: Path | str, limit: int) -> tuple[bytes, Stamp]:
    """The bytes of a regular file of at most limit bytes, and its Stamp as read.

    Refused when it is missing, unreadable, not a regular file (a link is not followed) or larger
    than limit; TooLarge for the last. Plain os calls: a buffered file object costs three times as
    much, which a cold check pays for every file."""
    read_ns = time.time_ns()  # before the read: a change after it shows in the next run's stat
    with _opened(file) as (fd, st):
        if st.st_size > limit:
            raise TooLarge(f"{st.st_size:,} bytes; the limit is {limit:,}")
        raw = os.read(fd, st.st_size + 1)  # one read of the size fstat gave, and a byte more
        if len(raw) != st.st_size:  # it grew or shrank since the fstat, or the read came back short
            while len(raw) <= limit:  # (a network or FUSE file system may): read on to its end
                more = os.read(fd, limit + 1 - len(raw))
                if not more:
                    break
                raw += more
    if len(raw) > limit:
        raise TooLarge(f"over {limit:,} bytes, the limit")
    return raw, Stamp(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev, read_ns)


def head(file: Path | str, size: int) -> bytes:
    """The first size bytes of a regular file (fewer when it is shorter), through the same guard as
    read(): what a file is (an SQLite database, say) without reading all of it. Refused as read()."""
    with _opened(file) as (fd, _):
        return os.read(fd, size)


def read_bytes(file: Path | str, limit: int) -> bytes:
    return read(file, limit)[0]


def source_bytes(file: Path | str) -> bytes | None:
    """A source document's bytes (under seeds/), at most MAX_SOURCE_BYTES; None when refused."""
    try:
        return read(file, MAX_SOURCE_BYTES)[0]
    except Refused:
        return None


def is_regular(file: Path | str) -> bool:
    """Whether the path itself (not a link's target) is a regular file."""
    try:
        return kind_of(os.lstat(file).st_mode) is None
    except (OSError, ValueError):
        return False


def folded(name: str) -> str:
    """A name as a disk that takes names alike whatever their case or Unicode form may compare it: two
    names folded alike may be one file there. macOS's file system (APFS, case-insensitive by default)
    compares names by Unicode's case folding, its canonical forms alike ("ſ", the long s, is "s"; "K",
    the Kelvin sign, "k"); HFS+ leaves out the format characters (a zero-width joiner); Windows
    compares names in upper case and drops a trailing dot or space. Folded more widely than any of them
    (compatibility forms, upper then lower case): a name folded alike that no disk takes as the other
    is refused for nothing an honest registry holds."""
    if name.isascii():
        return name.lower().rstrip(". ")
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c.upper() for c in text if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKD", text).casefold().rstrip(". ")


def misnamed(name: str) -> str:
    """What E101 says of a file under trials/ whose name is no trial file name (NCTxxxxxxxx.yaml):
    where the name is one but for its letters' case ("nct09000011.yaml"), a separator after NCT or the
    extension many editors save YAML under ("NCT09000011.yml"), the name it should have; the file is
    never read for it (a misnamed file is refused by its name)."""
    fixed = re.fullmatch(r"(?i)nct[ _-]?([0-9]{8})\.ya?ml", name)
    target = f"NCT{fixed.group(1)}.yaml" if fixed else "NCTxxxxxxxx.yaml"
    return f"{shown(name)} is not a trial file name; name it {target} after its nct_id"


def shown(name: str) -> str:
    """A file name as messages print it: a character that is not printable (a newline that would
    start a forged log line or CI workflow command, a control or bidirectional character) and a
    byte that is not UTF-8 (kept by os.fsdecode as a lone surrogate) are written as escapes."""
    if name.isascii() and name.isprintable() and "\\" not in name:
        return name
    return _escaped(name, "\\")  # a backslash too, so that an escape in a name reads as one


def printable(text: str) -> str:
    """Text as an output prints it (a message, a value from a record or a source): each character
    that is not printable is escaped as in shown(), so no line, workflow command or terminal control
    can be injected, and the text is always encodable; a backslash is left as it is."""
    return text if text.isprintable() else _escaped(text, "")


def _escaped(text: str, also: str) -> str:
    out = []
    for c in text:
        code = ord(c)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif c.isprintable() and c not in also and not 0xD800 <= code <= 0xDFFF:
            out.append(c)
        else:
            out.append(c.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)
