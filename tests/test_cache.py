"""The check cache: unchanged files are neither read nor parsed again; changes are always seen."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sle_trials import cli, load, pipeline

IM19 = "trials/NCT06513429.yaml"


@pytest.fixture
def reg(registry: Path) -> Path:
    old = time.time() - 3600  # older than the racy window: the cache may trust these files' stat
    for file in (registry / "trials").iterdir():
        os.utime(file, (old, old))
    return registry


@pytest.fixture
def counts(monkeypatch) -> dict[str, int]:
    seen = {"read": 0, "check": 0}
    real_read, real_check = load.read, pipeline.Checker.check_many

    def read(*args, **kwargs):
        seen["read"] += 1
        return real_read(*args, **kwargs)

    def check_many(self, files, *args, **kwargs):
        seen["check"] += len(files)
        return real_check(self, files, *args, **kwargs)

    monkeypatch.setattr(load, "read", read)
    monkeypatch.setattr(pipeline.Checker, "check_many", check_many)
    return seen


def run(reg: Path, capsys, *argv: str) -> tuple[int, str]:
    code = cli.main([argv[0], "--root", str(reg), *argv[1:]])
    return code, capsys.readouterr().out


def test_a_warm_run_reads_no_file(reg: Path, counts: dict, capsys) -> None:
    assert run(reg, capsys, "check")[0] == 0
    assert counts == {"read": 7, "check": 7}
    assert run(reg, capsys, "check")[0] == 0
    assert counts == {"read": 7, "check": 7}, "the second run must be served by the cache"
    assert (reg / ".cache").is_dir()


def test_a_touched_but_unchanged_file_is_read_not_parsed(reg: Path, counts: dict, capsys) -> None:
    run(reg, capsys, "check")
    os.utime(reg / IM19)  # new mtime, same bytes
    assert run(reg, capsys, "check")[0] == 0
    assert counts == {"read": 8, "check": 7}


def test_a_changed_file_is_checked_again_and_its_problem_reported_every_time(reg: Path, counts: dict, capsys) -> None:
    run(reg, capsys, "check")
    file = reg / IM19
    file.write_text(file.read_text(encoding="utf-8").replace("  count: 6\n", "  count: 7\n"), encoding="utf-8")
    for _ in range(2):  # a file with problems is never cached
        code, out = run(reg, capsys, "validate")
        assert code == 1 and "E505 enrollment.count: 7 is not written" in out
    assert counts["check"] == 7 + 2


def test_no_cache_checks_everything(reg: Path, counts: dict, capsys) -> None:
    run(reg, capsys, "check")
    assert run(reg, capsys, "check", "--no-cache")[0] == 0
    assert counts == {"read": 14, "check": 14}


def test_a_changed_schema_or_seed_drops_every_entry(reg: Path, counts: dict, capsys) -> None:
    run(reg, capsys, "check")
    schema = reg / "schema" / "trial.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"minimum": 0,', '"minimum": 7,', 1), encoding="utf-8")
    code, out = run(reg, capsys, "validate")
    assert counts["check"] == 14 and code == 1, out


def test_a_broken_cache_only_costs_time(reg: Path, counts: dict, capsys) -> None:
    run(reg, capsys, "check")
    (reg / ".cache" / "trials-check.index").write_bytes(b"not an index")
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 14


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "flipped end marker", "cut at a block boundary", "other fingerprint"])
def test_a_torn_or_foreign_index_is_no_index(reg: Path, counts: dict, capsys, damage: str) -> None:
    """The index is read whole and trusted only when its checksum and fingerprint match: a run killed
    while it wrote, a flipped bit, or another version's index all count as no cache at all."""
    run(reg, capsys, "check")
    index = reg / ".cache" / "trials-check.index"
    blob = index.read_bytes()
    if damage == "truncated":
        blob = blob[: len(blob) // 2]
    elif damage == "flipped byte":
        at = len(blob) // 2
        blob = blob[:at] + bytes([blob[at] ^ 0x01]) + blob[at + 1 :]
    elif damage == "flipped end marker":
        blob = blob[:-10] + bytes([blob[-10] ^ 0x01]) + blob[-9:]
    elif damage == "cut at a block boundary":
        blob = blob[:-40]
    else:
        blob = blob.replace(blob.split(b"\n")[1], b"0" * 64, 1)
    index.write_bytes(blob)
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 14, "every file is checked again"
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 14, "and the index is whole again"


def test_a_run_over_some_files_keeps_the_other_entries(reg: Path, counts: dict, capsys) -> None:
    """What the pre-commit hook does: validate only the staged files. The index is rewritten whole,
    so entries for the files not passed must survive it."""
    run(reg, capsys, "check")
    file = reg / IM19
    file.write_text(file.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert run(reg, capsys, "validate", str(file))[0] == 0
    assert counts["check"] == 8
    os.utime(file, (time.time() - 3600,) * 2)  # out of the racy window, so its new entry is trusted
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 8, "the other files are still served by the index"


def test_a_warm_run_writes_nothing(reg: Path, capsys) -> None:
    run(reg, capsys, "check")
    index = reg / ".cache" / "trials-check.index"
    before = index.stat().st_mtime_ns
    os.utime(index, ns=(before - 10**9, before - 10**9))
    assert run(reg, capsys, "check")[0] == 0
    assert index.stat().st_mtime_ns == before - 10**9


def test_an_index_of_many_blocks_reads_back_whole(reg: Path, counts: dict, capsys, monkeypatch) -> None:
    from sle_trials import cache

    monkeypatch.setattr(cache, "_BLOCK", 2)  # 7 entries: four blocks
    assert run(reg, capsys, "check")[0] == 0
    assert run(reg, capsys, "check")[0] == 0
    assert counts == {"read": 7, "check": 7}, "every entry came back from the blocks"


def test_a_run_that_changed_one_entry_encodes_one_block(reg: Path, counts: dict, capsys, monkeypatch) -> None:
    """Blocks whose entries all stand are written back byte for byte; only the changed one is encoded."""
    from sle_trials import cache

    monkeypatch.setattr(cache, "_BLOCK", 2)  # 7 entries: four blocks
    assert run(reg, capsys, "check")[0] == 0
    before = (reg / ".cache" / "trials-check.index").read_bytes()
    encoded: list[int] = []
    real_dumps = cache.marshal.dumps
    monkeypatch.setattr(cache.marshal, "dumps", lambda value, *a: encoded.append(len(value)) or real_dumps(value, *a))
    file = reg / IM19
    file.write_text(file.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert run(reg, capsys, "check")[0] == 0
    assert encoded == [2], "only the block holding the changed file was encoded again"
    after = (reg / ".cache" / "trials-check.index").read_bytes()
    fingerprint = before.split(b"\n")[1].decode()
    index = reg / ".cache" / "trials-check.index"
    for blob in (before, after):
        index.write_bytes(blob)
        entries, blocks, handle = cache._read(index, fingerprint)
        handle.close()
        assert len(entries) == 7 and len(blocks) == 4
        if blob is before:
            old_blocks = [before[b.offset : b.offset + b.size] for b in blocks]
    assert sum(raw in after for raw in old_blocks) == 3, "the three unchanged blocks, byte for byte"
    os.utime(file, (time.time() - 3600,) * 2)  # out of the racy window, so its new entry is trusted
    checked = counts["check"]
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == checked, "the rewritten index serves every file, the changed one included"
