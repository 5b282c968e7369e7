"""load.read (through files.read): one read of the size fstat gives, and the whole file however it changes meanwhile.

The hostile corpus (test_hostile.py) covers what read refuses (links, pipes, folders, big files);
these tests cover the reading itself: a file that grows or shrinks between the fstat and the read
is read to its real end, never cut at the size fstat gave, and never past the 1 MiB limit; and a
link or a pipe put in a file's place between the lstat and the open is refused by the open
(O_NOFOLLOW) or by the fstat after it, each tested alone (the lstat made to see a plain file).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sle_trials import files
from sle_trials.checks import load


def _fstat_says(monkeypatch, size: int) -> None:
    """os.fstat reports this size, as if the file changed just after it was asked."""
    real = os.fstat

    def fstat(fd: int) -> os.stat_result:
        st = real(fd)
        return os.stat_result((*st[:6], size, *st[7:]), {"st_mtime_ns": st.st_mtime_ns})

    monkeypatch.setattr(files.os, "fstat", fstat)


def test_a_plain_file_gives_its_bytes_and_the_stamp_the_cache_compares(tmp_path: Path) -> None:
    file = tmp_path / "NCT00000001.yaml"
    file.write_bytes(b"nct_id: NCT00000001\n")
    before = time.time_ns()
    raw, problems, stamp = load.read(file, "trials/NCT00000001.yaml")
    st = os.lstat(file)
    assert (raw, problems) == (b"nct_id: NCT00000001\n", [])
    assert stamp is not None and stamp[:5] == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    assert before <= stamp.read_ns <= time.time_ns() and stamp.matches(st)


@pytest.mark.parametrize("seen", [0, 1, 5, 19])
def test_a_file_that_grew_after_the_fstat_is_read_to_its_end(tmp_path: Path, monkeypatch, seen: int) -> None:
    file = tmp_path / "grown.yaml"
    file.write_bytes(b"nct_id: NCT00000001\n")
    _fstat_says(monkeypatch, seen)
    raw, problems, _ = load.read(file, "grown.yaml")
    assert raw == b"nct_id: NCT00000001\n" and problems == []


def test_a_file_that_shrank_after_the_fstat_is_read_as_it_is(tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "shrunk.yaml"
    file.write_bytes(b"a: 1\n")
    _fstat_says(monkeypatch, 4096)
    assert load.read(file, "shrunk.yaml")[0] == b"a: 1\n"


def test_growth_past_the_limit_is_refused_without_reading_it_all(tmp_path: Path, monkeypatch) -> None:
    file = tmp_path / "huge.yaml"
    file.write_bytes(b"#" * (load.MAX_BYTES + 4096))
    _fstat_says(monkeypatch, 10)
    raw, problems, stamp = load.read(file, "huge.yaml")
    assert raw is None and stamp is None
    assert [(p.code, p.path) for p in problems] == [("E004", "huge.yaml")]


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    file = tmp_path / "full.yaml"
    file.write_bytes(b"#" * load.MAX_BYTES)
    raw, problems, _ = load.read(file, "full.yaml")
    assert problems == [] and raw is not None and len(raw) == load.MAX_BYTES


def test_a_read_that_comes_back_short_is_read_on_to_the_end(tmp_path: Path, monkeypatch) -> None:
    """A network or FUSE file system may return fewer bytes than asked before the end of the file."""
    file = tmp_path / "slow.yaml"
    file.write_bytes(b"nct_id: NCT00000001\n")
    real = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: real(fd, min(n, 3)))
    raw, problems, _ = load.read(file, "slow.yaml")
    assert raw == b"nct_id: NCT00000001\n" and problems == []


def _lstat_says_regular(monkeypatch, tmp_path: Path) -> None:
    """os.lstat sees a regular file, as if a link or a pipe was put in its place just after it was asked."""
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    real = os.lstat
    monkeypatch.setattr(files.os, "lstat", lambda file: real(plain))


def test_a_link_put_in_a_files_place_after_the_lstat_is_not_followed(tmp_path: Path, monkeypatch) -> None:
    """O_NOFOLLOW: the open itself refuses the link that the lstat before it did not see."""
    secret = tmp_path / "secret"
    secret.write_bytes(b"token\n")
    link = tmp_path / "NCT00000001.yaml"
    link.symlink_to(secret)
    _lstat_says_regular(monkeypatch, tmp_path)
    with pytest.raises(files.Refused):
        files.read(link, 100)


def test_a_pipe_put_in_a_files_place_after_the_lstat_is_refused_by_its_fstat(tmp_path: Path, monkeypatch) -> None:
    """The fstat after the open sees what was opened: a pipe with no writer would read as an empty file."""
    pipe = tmp_path / "NCT00000001.yaml"
    os.mkfifo(pipe)
    _lstat_says_regular(monkeypatch, tmp_path)
    with pytest.raises(files.Refused, match="named pipe"):
        files.read(pipe, 100)


def test_a_file_over_the_limit_by_its_fstat_is_refused_before_a_byte_is_read(tmp_path: Path, monkeypatch) -> None:
    """A huge file (or one growing without end) is never read whole to find it too large."""
    file = tmp_path / "huge.yaml"
    file.write_bytes(b"#" * 4096)
    asked: list[int] = []
    real = os.read

    def read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real(fd, n)

    monkeypatch.setattr(files.os, "read", read)
    with pytest.raises(files.TooLarge):
        files.read(file, 10)
    assert asked == []


def test_a_file_that_grew_to_one_byte_over_the_limit_is_refused(tmp_path: Path, monkeypatch) -> None:
    """fstat said one byte less than the limit, the first read gave exactly the limit: one byte more is
    asked for, and found, so the file is not taken as its first `limit` bytes."""
    file = tmp_path / "grown.yaml"
    file.write_bytes(b"#" * 11)
    _fstat_says(monkeypatch, 9)
    with pytest.raises(files.TooLarge):
        files.read(file, 10)
