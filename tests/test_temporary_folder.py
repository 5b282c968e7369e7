"""Where the suite keeps its temporary files (conftest.memory_folder): in memory when TMPDIR is not
set and the folder has room, else where the user or the system says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import memory_folder


def test_a_folder_with_room_takes_the_temporary_files(tmp_path: Path) -> None:
    assert memory_folder({}, str(tmp_path), room=1) == str(tmp_path)


def test_a_folder_without_room_is_passed_over(tmp_path: Path) -> None:
    free = os.statvfs(tmp_path)
    assert memory_folder({}, str(tmp_path), room=free.f_bavail * free.f_frsize + (1 << 30)) is None


def test_the_users_choice_stands(tmp_path: Path) -> None:
    assert memory_folder({"TMPDIR": "/somewhere/else"}, str(tmp_path), room=1) is None


def test_a_missing_folder_or_a_file_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert memory_folder({}, str(tmp_path / "missing"), room=1) is None
    assert memory_folder({}, str(tmp_path / "file"), room=1) is None


@pytest.mark.parametrize("flag", [os.ST_NOEXEC, os.ST_RDONLY])
def test_a_folder_one_may_not_run_programs_from_or_write_to_is_passed_over(tmp_path: Path, flag: int) -> None:
    """Docker mounts /dev/shm noexec: the tests run stand-in interpreters and git hooks from their
    folders, which fail there."""
    real = os.statvfs(tmp_path)
    mounted = os.statvfs_result((*real[:8], real.f_flag | flag, real.f_namemax))
    assert memory_folder({}, str(tmp_path), room=1, statvfs=lambda folder: mounted) is None
    assert memory_folder({}, str(tmp_path), room=1, statvfs=lambda folder: real) == str(tmp_path)


def test_an_empty_tmpdir_is_no_choice(tmp_path: Path) -> None:
    """Python's tempfile passes over an empty TMPDIR, and so does the suite."""
    assert memory_folder({"TMPDIR": ""}, str(tmp_path), room=1) == str(tmp_path)
