"""The check cache: unchanged files are neither read nor parsed again; changes are always seen; and
no bytes but this clone's own become a verdict (docs/trust-boundary.md).

The registry copies of these tests are not in git, so their caches live under $XDG_CACHE_HOME (a
folder of the test session's own, conftest.py); tests/test_trust_boundary.py covers git clones.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_registry
from sle_trials import cli, files
from sle_trials.checks import load
from sle_trials.engine import cache, pipeline

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

IM19 = "trials/NCT06513429.yaml"


@pytest.fixture
def reg(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the registry with no check cache yet (these tests count what a run checks), its
    files modified an hour ago. Their inode change time is now (no call sets it
    back) and the racy window counts it, so the window is made empty: without that, every entry of a
    run a second after the copy would be hashed again. The tests of the window set their own."""
    registry = copy_registry(tmp_path / "registry")
    old = time.time() - 3600
    for file in [*(registry / "trials").iterdir(), *(registry / "seeds").iterdir()]:
        os.utime(file, (old, old))
    monkeypatch.setattr(cache, "_RACY_NS", 0)
    return registry


def frozen_stat(monkeypatch, file: Path, like: os.stat_result) -> None:
    """os.lstat reports file's inode change time, inode and device as they were in like: what a file
    system whose clock ticked once in the meantime shows of a file changed in place (its ctime within
    the same tick). Nothing from user space can make a real file look so."""
    real = os.lstat

    def lstat(path, *args, **kwargs):
        st = real(path, *args, **kwargs)
        if os.fspath(path) != os.fspath(file):
            return st
        fields = list(st[:10])
        fields[1], fields[2], fields[9] = like.st_ino, like.st_dev, int(like.st_ctime)
        return os.stat_result(fields, {"st_mtime_ns": st.st_mtime_ns, "st_ctime_ns": like.st_ctime_ns})

    monkeypatch.setattr(os, "lstat", lstat)


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


def database(reg: Path) -> Path:
    file = cache.place(reg)
    assert file is not None
    return file


def rows(reg: Path) -> dict[str, tuple]:
    with sqlite3.connect(database(reg)) as db:
        return {row[0]: row for row in db.execute("SELECT * FROM entry")}


def test_a_warm_run_reads_no_file(reg: Path, counts: dict, capsys) -> None:
    assert run(reg, capsys, "check")[0] == 0
    assert counts == {"read": 7, "check": 7}
    assert run(reg, capsys, "check")[0] == 0
    assert counts == {"read": 7, "check": 7}, "the second run must be served by the cache"
    assert database(reg).is_file() and not (reg / ".cache").exists()


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
        assert code == 1 and "E508 enrollment.count: 7 is not the number of participants" in out
    assert counts["check"] == 7 + 2


# `trials import` checks the registry with the import on a stage (a copy with the change). The stage
# reads the registry's cache, never writes it, and is served a verdict only for a file whose bytes
# and cited sources are those the entry was written for (a stage's stat is never the one read).
STUDY = FIXTURES / "ctgov" / "completed_phase2_randomised.json"


def test_an_import_checks_what_it_changes_and_writes_no_entry(reg: Path, counts: dict, capsys) -> None:
    assert run(reg, capsys, "check")[0] == 0
    written = database(reg).read_bytes()
    counts.update(read=0, check=0)
    code, out = run(reg, capsys, "import", "ctgov", str(STUDY))
    assert code == 0, out
    assert counts["check"] == 1, "the seven records unchanged are served; the imported one is checked"
    assert database(reg).read_bytes() == written
    assert run(reg, capsys, "check")[0] == 0


def test_an_import_checks_a_record_changed_since_its_entry_was_written(reg: Path, capsys) -> None:
    assert run(reg, capsys, "check")[0] == 0
    file = reg / IM19
    file.write_text(file.read_text(encoding="utf-8").replace("  count: 6\n", "  count: 7\n"), encoding="utf-8")
    before = sorted(p.name for p in (reg / "trials").iterdir())
    code, out = run(reg, capsys, "import", "ctgov", str(STUDY))
    assert code == 1 and "E508 enrollment.count: 7 is not the number of participants" in out
    assert sorted(p.name for p in (reg / "trials").iterdir()) == before, "nothing imported"


def test_an_import_leaves_a_hot_journal_of_the_cache_as_it_was(reg: Path, counts: dict, capsys) -> None:
    """A run killed while writing leaves a journal that SQLite rolls back on the next read: a write of
    the database and the journal's removal. The stage reads the cache and never writes it, so it takes
    the journal for a cache it cannot use: every record checked, the files left as they were."""
    assert run(reg, capsys, "check")[0] == 0
    file = database(reg)
    journal = Path(f"{file}-journal")
    writer = sqlite3.connect(file, isolation_level=None)
    writer.execute("PRAGMA synchronous = OFF")  # as the tool writes (cache._connect)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE entry SET summary = zeroblob(length(summary))")
    hot = journal.read_bytes()  # the journal as a run killed here leaves it: no lock, pages to roll back
    writer.execute("ROLLBACK")
    writer.close()
    journal.write_bytes(hot)
    written = file.read_bytes()
    counts.update(read=0, check=0)
    code, out = run(reg, capsys, "import", "ctgov", str(STUDY))
    assert code == 0, out
    assert counts["check"] == 8
    assert journal.read_bytes() == hot and file.read_bytes() == written


def test_an_import_with_no_cache_checks_every_record(reg: Path, counts: dict, capsys) -> None:
    assert run(reg, capsys, "check")[0] == 0
    counts.update(read=0, check=0)
    assert run(reg, capsys, "import", "ctgov", str(STUDY), "--no-cache")[0] == 0
    assert counts["check"] == 8


def test_an_import_with_no_cache_that_finds_nothing_new_never_opens_the_cache(reg: Path, capsys, monkeypatch) -> None:
    """An import of a study already imported has no records to write and brings the generated files
    up to date as `trials csv` does: with --no-cache, by a check that neither reads nor writes it."""
    assert run(reg, capsys, "import", "ctgov", str(STUDY))[0] == 0

    def fail(root: Path) -> None:
        raise AssertionError("--no-cache looked for the cache")

    monkeypatch.setattr(cache, "place", fail)
    code, out = run(reg, capsys, "import", "ctgov", str(STUDY), "--no-cache")
    assert code == 0, out


def test_no_cache_checks_everything(reg: Path, counts: dict, capsys) -> None:
    run(reg, capsys, "check")
    assert run(reg, capsys, "check", "--no-cache")[0] == 0
    assert counts == {"read": 14, "check": 14}


def _verified(monkeypatch) -> list[str]:
    """The paths whose entry rows a run verifies (their MAC computed), in order."""
    seen: list[str] = []
    real = cache.Cache._verify

    def verify(self, row: tuple) -> cache.Entry | None:
        seen.append(row[0])
        return real(self, row)

    monkeypatch.setattr(cache.Cache, "_verify", verify)
    return seen


def test_a_changed_schema_drops_every_entry(reg: Path, counts: dict, capsys, monkeypatch) -> None:
    """And the rows of the database as it was (this clone's key, the schema before) put back vouch for
    nothing: each MAC holds the fingerprint it was written for, so the records the new schema
    refuses stay refused."""
    run(reg, capsys, "check")
    with sqlite3.connect(database(reg)) as db:
        before = db.execute("SELECT * FROM entry").fetchall()
        (was,) = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
    schema = reg / "schema" / "trial.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"minimum": 0,', '"minimum": 7,', 1), encoding="utf-8")
    verified = _verified(monkeypatch)
    code, out = run(reg, capsys, "validate")
    assert counts["check"] == 14 and code == 1, out
    assert verified == [], "no entry of the old fingerprint is even looked at"
    with sqlite3.connect(database(reg)) as db:
        (now,) = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
    assert now != was, "the entries written are the new fingerprint's"
    with sqlite3.connect(database(reg)) as db:
        db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", before)
    assert run(reg, capsys, "validate") == (1, out)


def test_a_cache_folder_of_another_users_is_never_used(reg: Path, counts: dict, capsys, monkeypatch) -> None:
    """A folder another user made (a shared machine, a cache folder given to the wrong user) could
    hold a database and key of theirs: its entries are never served, nor is anything written there."""
    assert run(reg, capsys, "check")[0] == 0
    written = database(reg).stat()
    real = os.getuid
    monkeypatch.setattr(cache.os, "getuid", lambda: real() + 1)
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 14 and database(reg).stat().st_mtime_ns == written.st_mtime_ns


# One record cites this source; the other six cite IM19's.
RELMA, RELMA_SOURCE = "trials/NCT05765006.yaml", "seeds/004_2ad16b9ce66a0787.txt"


def _cut_in_half(file: Path) -> None:
    """Half the document gone, with words the record citing it quotes."""
    raw = file.read_bytes()
    file.write_bytes(raw[: len(raw) // 2])


def test_a_source_added_drops_no_entry(reg: Path, counts: dict, capsys) -> None:
    """Every `trials import` adds a source: when every source counted for every entry, the check
    after an import checked every record again (10,000 records: a cold check)."""
    run(reg, capsys, "check")
    (reg / "seeds" / "900_new.txt").write_text("A page no record cites.\n", encoding="utf-8")
    assert run(reg, capsys, "validate")[0] == 0
    assert counts["check"] == 7


def test_a_changed_source_drops_the_entries_of_the_records_citing_it(reg: Path, counts: dict, capsys) -> None:
    run(reg, capsys, "check")
    _cut_in_half(reg / RELMA_SOURCE)
    for _ in range(2):  # and its problems are found again, not served
        code, out = run(reg, capsys, "validate")
        # the record's own problems, and its source's (E307: not as the manifest lists it)
        assert code == 1 and {line.split(":", 1)[0] for line in out.splitlines() if ": E" in line} == {
            RELMA,
            RELMA_SOURCE,
        }, out
    assert counts["check"] == 7 + 2


def test_an_entry_holds_only_while_every_source_it_cites_is_unchanged(reg: Path) -> None:
    """Each fixture record cites one source, so a record citing several is shown on the comparison
    itself: one source of two changed is enough to check the record again."""
    hashes = pipeline.SeedHashes(reg, cache.Cache(reg, enabled=False))
    im19, relma = (hashlib.sha256((reg / name).read_bytes()).hexdigest() for name in (_IM19_SOURCE, RELMA_SOURCE))
    assert hashes.unchanged(((_IM19_SOURCE, im19), (RELMA_SOURCE, relma)))
    assert not hashes.unchanged(((_IM19_SOURCE, im19), (RELMA_SOURCE, _SHA)))
    assert not hashes.unchanged(((_IM19_SOURCE, _SHA), (RELMA_SOURCE, relma)))


def test_a_touched_record_whose_source_changed_is_checked_again(reg: Path, counts: dict, capsys) -> None:
    """Its bytes are the ones the cache holds, which alone would spare it the check (a touched but
    unchanged file); the source it cites is not."""
    run(reg, capsys, "check")
    os.utime(reg / RELMA)
    _cut_in_half(reg / RELMA_SOURCE)
    code, out = run(reg, capsys, "validate")
    assert code == 1 and RELMA in out and counts["check"] == 8, out


def test_validating_one_file_looks_only_at_the_sources_it_cites(reg: Path, counts: dict, capsys, monkeypatch) -> None:
    """`trials validate FILE`, what a curator runs after an edit, once read and hashed every source
    under seeds/ (10,000 of them in the benchmark) for the cache's fingerprint."""
    assert run(reg, capsys, "check")[0] == 0
    (reg / _IM19_SOURCE).write_bytes((reg / _IM19_SOURCE).read_bytes() + b"\n")  # not RELMA's: not looked at
    reads = _source_reads(monkeypatch)
    looked: list[str] = []
    real = os.lstat

    def lstat(path, *args, **kwargs):
        looked.append(os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", lstat)
    assert run(reg, capsys, "validate", str(reg / RELMA))[0] == 0
    assert reads == [] and counts["check"] == 7
    # its source, and the manifest for that source's line (E307), no other source
    assert [Path(p).name for p in looked if Path(p).parent.name == "seeds"] == [Path(RELMA_SOURCE).name, "SHA256SUMS"]


def test_no_entry_is_read_or_written_before_its_fingerprint_is_known(reg: Path, capsys) -> None:
    """An entry is valid only for the code, schema and sources it was checked against: a cache that
    was not told them (Cache.belong_to) refuses to serve or keep one, database or not."""
    for existing in (False, True):
        if existing:
            run(reg, capsys, "check")
        store = cache.Cache(reg)
        with pytest.raises(RuntimeError, match="belong_to"):
            store.get("trials/NCT06513429.yaml")
        with pytest.raises(RuntimeError, match="belong_to"):
            store.put_many([])
        store.close()


def test_a_run_over_some_files_keeps_the_other_entries(reg: Path, counts: dict, capsys) -> None:
    """What the pre-commit hook does: validate only the staged files; the other entries stay."""
    run(reg, capsys, "check")
    file = reg / IM19
    file.write_text(file.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert run(reg, capsys, "validate", str(file))[0] == 0
    assert counts["check"] == 8
    os.utime(file, (time.time() - 3600,) * 2)  # out of the racy window, so its new entry is trusted
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 8, "the other files are still served by the cache"


def test_a_warm_run_writes_nothing(reg: Path, capsys) -> None:
    run(reg, capsys, "check")
    file = database(reg)
    before = file.stat().st_mtime_ns
    os.utime(file, ns=(before - 10**9, before - 10**9))
    assert run(reg, capsys, "check")[0] == 0
    assert file.stat().st_mtime_ns == before - 10**9


def test_a_run_that_changed_one_file_rewrites_its_entry_only(reg: Path, capsys) -> None:
    run(reg, capsys, "check")
    before = rows(reg)
    file = reg / IM19
    file.write_text(file.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert run(reg, capsys, "check")[0] == 0
    after = rows(reg)
    assert sorted(before) == sorted(after) and len(after) == 7
    assert [path for path in after if after[path] != before[path]] == [IM19]


def test_the_racy_window_is_measured_from_the_read(reg: Path, counts: dict, capsys, monkeypatch) -> None:
    """A file modified just before it was read may be modified again within the same clock tick
    without its stat showing it: its entry must not be trusted by stat, however long after the read
    the entry was stored. Here the window is 3 s; the file was modified (and its inode changed) just
    before the run's read, and the run stored its entries 3.5 s after the read (the wall clock moved
    on while it checked); the file is then changed to a record with a problem, keeping its size, its
    modification time and, as a file system whose clock has not ticked shows it, its inode change
    time. Measured from the store, the change would be outside the window and the entry trusted."""
    monkeypatch.setattr(cache, "_RACY_NS", 3_000_000_000)
    file = reg / IM19
    text = file.read_text(encoding="utf-8")
    real_check = pipeline.Checker.check_many
    # the wall clock, however the tool reads it, moves on 3.5 s while the run checks (no sleep)
    real_clock, real_time, late = time.time_ns, time.time, [0]
    monkeypatch.setattr(time, "time_ns", lambda: real_clock() + late[0])
    monkeypatch.setattr(time, "time", lambda: real_time() + late[0] / 1e9)

    def slow_check(self, files, *args, **kwargs):
        late[0] += 3_500_000_000
        return real_check(self, files, *args, **kwargs)

    monkeypatch.setattr(pipeline.Checker, "check_many", slow_check)
    modified = real_clock() - 1_000_000_000
    os.utime(file, ns=(modified, modified))
    assert run(reg, capsys, "check")[0] == 0
    read = file.stat()  # as the run read it
    monkeypatch.setattr(pipeline.Checker, "check_many", real_check)
    file.write_text(text.replace("  count: 6\n", "  count: 7\n"), encoding="utf-8")
    os.utime(file, ns=(modified, modified))
    frozen_stat(monkeypatch, reg / IM19, read)  # its whole stat as at the read: only the window tells
    code, out = run(reg, capsys, "check")
    assert code == 1 and "E508" in out, "a file modified within the window before its read is read again"


def test_a_file_replaced_keeping_its_size_and_mtime_is_read_again(reg: Path, capsys) -> None:
    """The attack: a file put in the checked one's place with the same size and modification time,
    as a tar or zip of a commit extracted over the work tree does (its mtimes are the commit's, a date
    its author chose), or `cp -p` and `rsync -t`. The cache trusted size and mtime alone and served
    the verdict of the file it had read. The inode change time, which no call sets back, tells."""
    assert run(reg, capsys, "check")[0] == 0
    file = reg / IM19
    valid = file.read_bytes()
    _break_keeping_stat(reg)  # rewritten in place, the same inode: its ctime moved
    code, out = run(reg, capsys, "check")
    assert code == 1 and "E508" in out, out
    file.write_bytes(valid)
    assert run(reg, capsys, "check")[0] == 0
    replacement = reg / "replacement"
    replacement.write_bytes(valid.replace(b"  count: 6\n", b"  count: 7\n"))
    st = file.stat()
    os.utime(replacement, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(replacement, file)  # another file in its place
    assert (file.stat().st_size, file.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    code, out = run(reg, capsys, "check")
    assert code == 1 and "E508" in out, out


def test_a_recent_inode_change_is_in_the_racy_window(reg: Path, capsys, monkeypatch) -> None:
    """A file modified an hour ago but changed (a write with its mtime set back, a chmod) within the
    window before its read: its stat may not show a change in the same tick, so it is read again."""
    monkeypatch.setattr(cache, "_RACY_NS", 3_000_000_000)
    file = reg / IM19
    then = file.stat()  # its ctime is the fixture's, a moment ago; its mtime an hour old
    assert run(reg, capsys, "check")[0] == 0
    _break_keeping_stat(reg)
    frozen_stat(monkeypatch, file, then)
    code, out = run(reg, capsys, "check")
    assert code == 1 and "E508" in out, out


def test_an_entry_is_trusted_by_stat_only_outside_the_window() -> None:
    now = time.time_ns()
    old = now - 3 * 10**9
    st = os.stat_result((0o100644, 7, 9, 1, 0, 0, 10, 0, 0, 0), {"st_mtime_ns": old, "st_ctime_ns": old})
    entry = cache.Entry("trials/NCT00000000.yaml", 10, old, old, 7, 9, now, "0" * 64, None, ())  # type: ignore[arg-type]
    assert entry.fresh(st)
    assert not entry._replace(read_ns=now - 2 * 10**9).fresh(st), "modified within 2 s of the read"
    assert not entry._replace(ctime_ns=now - 10**9).fresh(st), "changed within 2 s of the read"
    for other in (
        entry._replace(size=11),
        entry._replace(mtime_ns=old - 1),
        entry._replace(ctime_ns=old - 1),
        entry._replace(inode=8),
        entry._replace(device=10),
    ):
        assert not other.fresh(st), other


# --- damage of any kind is no cache: never a crash, never a pass ------------------------------------


def _garbage(file: Path) -> None:
    file.write_bytes(b"not a database" * 100)


def _truncated(file: Path) -> None:
    blob = file.read_bytes()
    file.write_bytes(blob[: len(blob) // 2])


def _flipped(file: Path) -> None:
    blob = bytearray(file.read_bytes())
    for at in range(100, len(blob), 97):  # the header and the pages alike
        blob[at] ^= 0x5A
    file.write_bytes(bytes(blob))


def _empty(file: Path) -> None:
    file.write_bytes(b"")


def _other_tables(file: Path) -> None:
    file.unlink()
    with sqlite3.connect(file) as db:
        db.execute("CREATE TABLE entry (x)")
        db.execute(f"PRAGMA user_version = {cache.LAYOUT}")


def _other_layout(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute(f"PRAGMA user_version = {cache.LAYOUT + 1}")


def _wrong_types(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute("UPDATE entry SET size = 'many', sha256 = 'x', mac = 1")


def _hostile_sizes(file: Path) -> None:
    with sqlite3.connect(file) as db:
        db.execute("UPDATE entry SET summary = zeroblob(?)", (cache.MAX_SUMMARY + 1,))


def _fifo(file: Path) -> None:
    file.unlink()
    os.mkfifo(file)  # nobody writes to it: opening it for reading would wait forever


def _link(file: Path) -> None:
    outside = file.parent / "elsewhere.sqlite3"
    file.rename(outside)
    file.symlink_to(outside)


def _folder(file: Path) -> None:
    file.unlink()
    file.mkdir()


def _key_gone(file: Path) -> None:
    (file.parent / cache.KEY).unlink()


def _key_link(file: Path) -> None:
    key = file.parent / cache.KEY
    outside = file.parent / "other-key"
    key.rename(outside)
    key.symlink_to(outside)


def _key_short(file: Path) -> None:
    (file.parent / cache.KEY).write_bytes(b"short")


DAMAGE = {
    "not a database": _garbage,
    "truncated": _truncated,
    "flipped bytes": _flipped,
    "empty": _empty,
    "other tables": _other_tables,
    "another layout": _other_layout,
    "wrong types": _wrong_types,
    "hostile sizes": _hostile_sizes,
    "a link in its place": _link,
    "a folder in its place": _folder,
    "the key gone": _key_gone,
    "the key a link": _key_link,
    "a short key": _key_short,
    **({"a FIFO in its place": _fifo} if hasattr(os, "mkfifo") else {}),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_cache_is_no_cache(reg: Path, counts: dict, capsys, damage: str) -> None:
    run(reg, capsys, "check")
    DAMAGE[damage](database(reg))
    result: list = []
    worker = threading.Thread(target=lambda: result.append(run(reg, capsys, "check")), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "the run blocked on the cache"
    assert result[0][0] == 0, result
    assert counts["check"] == 14, "every file is checked again"
    if damage != "a folder in its place":  # the one damage a run cannot undo
        assert database(reg).is_file() and not database(reg).is_symlink()
        assert run(reg, capsys, "check")[0] == 0
        assert counts["check"] == 14, "and the cache is whole again"


def test_a_link_in_the_databases_place_is_never_written_through(reg: Path, capsys, tmp_path: Path) -> None:
    run(reg, capsys, "check")
    file = database(reg)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"left alone")
    file.unlink()
    file.symlink_to(outside)
    (reg / IM19).write_text((reg / IM19).read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert run(reg, capsys, "check")[0] == 0
    assert outside.read_bytes() == b"left alone"
    assert file.is_file() and not file.is_symlink()


def test_a_key_cut_short_is_made_anew(reg: Path, counts: dict, capsys) -> None:
    """A damaged key (a byte left of it) vouches for nothing: MACs under it could be forged by trying
    256 keys. The run checks every record and makes a key of its full length."""
    run(reg, capsys, "check")
    key = database(reg).parent / cache.KEY
    key.write_bytes(key.read_bytes()[:1])
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 14 and len(key.read_bytes()) == cache.KEY_BYTES


def test_a_locked_cache_costs_time_only(reg: Path, counts: dict, capsys, monkeypatch) -> None:
    run(reg, capsys, "check")
    blocker = sqlite3.connect(database(reg), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    # a run waits up to a second for the lock each time it opens the cache; here a twentieth of one:
    # what is tested is that it then goes on without the cache, not how long it waits
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *args, **kwargs: connect(*args, **{**kwargs, "timeout": 0.05}))
    try:
        assert run(reg, capsys, "check")[0] == 0
        (reg / IM19).write_text((reg / IM19).read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
        assert run(reg, capsys, "check")[0] == 0  # has an entry to write, and cannot
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert counts["check"] == 7 + 7 + 7
    assert run(reg, capsys, "check")[0] == 0


# --- only this clone's entries become verdicts ----------------------------------------------------


def _break_keeping_stat(reg: Path) -> os.stat_result:
    """IM19 with a problem (E508: 7 is not the number of participants its quote states), the same size
    and modification time (its ctime moves: frozen_stat hides that); its stat before is returned."""
    file = reg / IM19
    st = file.stat()
    file.write_text(file.read_text(encoding="utf-8").replace("  count: 6\n", "  count: 7\n"), encoding="utf-8")
    os.utime(file, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert file.stat().st_size == st.st_size
    return st


def _stamp_row(db_file: Path, key: bytes, path: str, stamp: tuple) -> None:
    """The entry of path in db_file given the stamp (size, mtime_ns, ctime_ns, inode, device, read_ns)
    and a MAC under key: another clone's entry for this clone's very file, so that only the key differs."""
    store = cache.Cache(db_file.parent)
    store._key = key
    with sqlite3.connect(db_file) as db:
        store.belong_to(db.execute("SELECT value FROM meta").fetchone()[0])
        sha, summary, cited = db.execute("SELECT sha256, summary, cited FROM entry WHERE path = ?", (path,)).fetchone()
        mac = store._mac(path, files.Stamp(*stamp), sha.hex(), summary, cited)
        db.execute(
            "UPDATE entry SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, device = ?, read_ns = ?, mac = ?"
            " WHERE path = ?",
            (*stamp, mac, path),
        )


def _row_stamp(db_file: Path, path: str) -> tuple:
    with sqlite3.connect(db_file) as db:
        return db.execute(
            "SELECT size, mtime_ns, ctime_ns, inode, device, read_ns FROM entry WHERE path = ?", (path,)
        ).fetchone()


@pytest.mark.parametrize("command", ["check", "validate", "validate-one", "refs", "csv"])
def test_an_entry_this_clone_did_not_write_is_a_miss(
    reg: Path, tmp_path: Path, capsys, monkeypatch, command: str
) -> None:
    """Another clone's database (its own key), put in this clone's place, its entry for IM19 made to
    match this clone's file in every field: it fails its MAC, so the record that --no-cache refuses
    is refused with the cache too, and no CSV is written."""
    other = tmp_path / "other"
    other.mkdir()
    for name in ("schema", "seeds", "trials", "trials.csv", "datapackage.json"):
        os.system(f"cp -a '{reg / name}' '{other / name}'")
    assert run(other, capsys, "check")[0] == 0
    assert run(reg, capsys, "check")[0] == 0  # this clone's own key and database
    _stamp_row(
        database(other), (database(other).parent / cache.KEY).read_bytes(), IM19, _row_stamp(database(reg), IM19)
    )
    frozen_stat(monkeypatch, reg / IM19, _break_keeping_stat(reg))
    database(reg).write_bytes(database(other).read_bytes())
    csv_before = (reg / "trials.csv").read_bytes()
    # validate-one: `trials validate FILE`, which asks the cache for the one entry and its sources alone
    argv = ("validate", str(reg / IM19)) if command == "validate-one" else (command,)
    code, out = run(reg, capsys, *argv)
    assert code == 1 and ("E508" in out if command != "refs" else "1 file not cross-checked" in out), out
    assert (reg / "trials.csv").read_bytes() == csv_before


@pytest.mark.parametrize("alone", [False, True], ids=["check", "validate-one"])
def test_a_forged_entry_is_a_miss(reg: Path, capsys, monkeypatch, alone: bool) -> None:
    """An entry written into this clone's database by anything but this tool (a MAC made without
    the key) vouches for nothing, however well it matches the file's stat: read with every row, or
    asked for alone (`trials validate FILE`)."""
    assert run(reg, capsys, "check")[0] == 0
    frozen_stat(monkeypatch, reg / IM19, _break_keeping_stat(reg))
    raw = (reg / IM19).read_bytes()
    with sqlite3.connect(database(reg)) as db:
        db.execute(
            "UPDATE entry SET sha256 = ?, mac = ? WHERE path = ?", (hashlib.sha256(raw).digest(), b"\0" * 32, IM19)
        )
    code, out = run(reg, capsys, "validate", str(reg / IM19)) if alone else run(reg, capsys, "check")
    assert code == 1 and "E508" in out, out


def _with_key(reg: Path, path: str, summary: bytes | None = None, cited: bytes | None = None) -> None:
    """Rewrite path's entry to hold summary and cited (each as stored when None), with a MAC made with
    this clone's key: what only this clone could write. The shape checks must still refuse what the
    tool would never write."""
    store = cache.Cache(reg)
    file = database(reg)
    store._key = (file.parent / cache.KEY).read_bytes()
    with sqlite3.connect(file) as db:
        store.belong_to(db.execute("SELECT value FROM meta").fetchone()[0])
        *stamp, sha, stored_summary, stored_cited = db.execute(
            "SELECT size, mtime_ns, ctime_ns, inode, device, read_ns, sha256, summary, cited FROM entry WHERE path = ?",
            (path,),
        ).fetchone()
        summary = stored_summary if summary is None else summary
        cited = stored_cited if cited is None else cited
        mac = store._mac(path, files.Stamp(*stamp), sha.hex(), summary, cited)
        db.execute("UPDATE entry SET summary = ?, cited = ?, mac = ? WHERE path = ?", (summary, cited, mac, path))


_SHA = "ab" * 32
_IM19_SOURCE = "seeds/000_84a0f0163f21158e.txt"
# Each misshapen entry below is wrong in one way only: it cites IM19's source with that source's
# sha256 ({sha}), so that the shape check it stands for is all that makes it a miss. With another
# source or another sha256 the entry was a miss anyway, and the shape checks could go untested.
_F = f'[["file", "{_IM19_SOURCE}"]]'


@pytest.mark.parametrize(
    "summary, cited",
    [
        (b"[1, 2, 3]", None),
        (b"not json", None),
        (b"{}", None),
        (b"[" * 100_000 + b"]" * 100_000, None),
        (b'["NCT06513429", [], [], [], "line\\n"]', b"[]"),  # no source at all, nor cited
        (f'["NCT06513429", [], [], [[["kind", "X"]], {_F}], "line\\n"]'.encode(), None),  # a source without its file
        (f'["NCT06513429", [1], [], [{_F}], "line\\n"]'.encode(), None),
        (f'["NCT06513429", [], [["NCT1"]], [{_F}], "line\\n"]'.encode(), None),
        (b'["NCT06513429", [], [], [[["file", 1]]], "line\\n"]', None),
        (f'["NCT06513429", [], [], [{_F}], "no line end"]'.encode(), None),
        ('["\udcff"]'.encode("utf-8", "surrogatepass"), None),
    ],
    ids=lambda s: (s or b"")[:40].decode("utf-8", "replace"),
)
def test_a_misshapen_summary_is_a_miss(reg: Path, counts: dict, capsys, summary: bytes, cited: bytes | None) -> None:
    assert run(reg, capsys, "check")[0] == 0
    _with_key(reg, IM19, summary, _cited_as_read(reg, cited or b'[["{source}", "{sha}"]]'))
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 8, "the misshapen entry's file is checked again, and only it"


def _cited_as_read(reg: Path, cited: bytes) -> bytes:
    """cited with {source} for IM19's source and {sha} for its sha256 now ({SHA} in capitals,
    {sha[:-1]} a digit short)."""
    sha = hashlib.sha256((reg / _IM19_SOURCE).read_bytes()).hexdigest()
    text = cited.decode().replace("{source}", _IM19_SOURCE)
    return text.replace("{sha}", sha).replace("{SHA}", sha.upper()).replace("{sha[:-1]}", sha[:-1]).encode()


@pytest.mark.parametrize(
    "cited, alias",
    [
        (b"not json", None),
        (b"{}", None),
        (b"[]", None),  # no source: a verdict that would hold whatever its sources say
        (b'[["{source}"]]', None),
        (b'[["{source}", "{SHA}"]]', None),
        (b'[["{source}", "{sha[:-1]}"]]', None),
        (b'[["../{source}", "{sha}"]]', None),
        (f'[["seeds/other.txt", "{_SHA}"]]'.encode(), None),  # not the source the record cites
        (b'[["{source}", "{sha}"], ["{source}", "{sha}"]]', None),
        (f'[["{{source}}", "{{sha}}"], ["seeds/000.txt", "{_SHA}"]]'.encode(), None),  # not in order
        # a name no record may cite, though it reaches IM19's source: its summary names it too
        (f'[["seeds/../{_IM19_SOURCE}", "{{sha}}"]]'.encode(), f"seeds/../{_IM19_SOURCE}"),
    ],
    ids=lambda s: (s.encode() if isinstance(s, str) else s or b"")[:40].decode("utf-8", "replace"),
)
def test_misshapen_cited_sources_are_a_miss(reg: Path, counts: dict, capsys, cited: bytes, alias: str | None) -> None:
    """An entry names the sources its check read, each with its sha256, and holds only while they
    still have it: one that names other sources, none, or no sha256 would vouch for a record
    whatever its sources now say."""
    assert run(reg, capsys, "check")[0] == 0
    summary = rows(reg)[IM19][8]
    if alias is not None:
        summary = summary.replace(_IM19_SOURCE.encode(), alias.encode())
    _with_key(reg, IM19, summary, _cited_as_read(reg, cited))
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 8, "the misshapen entry's file is checked again, and only it"


def test_a_well_formed_summary_from_the_key_is_used(reg: Path, counts: dict, capsys) -> None:
    """The counterpart of the tests above: the shape the tool writes is read back."""
    assert run(reg, capsys, "check")[0] == 0
    summary, cited = rows(reg)[IM19][8:10]
    assert cited == f'[["{_IM19_SOURCE}","{hashlib.sha256((reg / _IM19_SOURCE).read_bytes()).hexdigest()}"]]'.encode()
    _with_key(reg, IM19, summary, cited)
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 7


def test_an_entry_whose_source_sha256_is_not_the_sources_is_a_miss(reg: Path, counts: dict, capsys) -> None:
    """Well formed and under this clone's key, but the source had other bytes when it was checked."""
    assert run(reg, capsys, "check")[0] == 0
    _with_key(reg, IM19, cited=f'[["{_IM19_SOURCE}", "{_SHA}"]]'.encode())
    assert run(reg, capsys, "check")[0] == 0
    assert counts["check"] == 8


def test_no_cache_is_never_opened(reg: Path, capsys, monkeypatch) -> None:
    def fail(root: Path) -> None:
        raise AssertionError("--no-cache looked for the cache")

    monkeypatch.setattr(cache, "place", fail)
    assert run(reg, capsys, "check", "--no-cache")[0] == 0


# --- the documents under seeds/: hashed once, then trusted by their stat as trial files are ---------

SOURCE = "seeds/000_84a0f0163f21158e.txt"


def _source_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    real = files.read

    def counted(file: Path | str, limit: int) -> tuple[bytes, files.Stamp]:
        if Path(file).parent.name == "seeds" and Path(file).name != "SHA256SUMS":
            reads.append(Path(file).name)
        return real(file, limit)

    monkeypatch.setattr(files, "read", counted)
    return reads


def test_a_warm_run_reads_no_source(reg: Path, capsys, monkeypatch) -> None:
    """A re-check hashed every source (119 MB at 10,000 records); the cache keeps each one's
    sha256 by its stat, under this clone's key."""
    reads = _source_reads(monkeypatch)
    assert run(reg, capsys, "check")[0] == 0
    assert reads, "the first run reads the sources"
    reads.clear()
    assert run(reg, capsys, "check")[0] == 0
    assert reads == []


def _change_keeping_stat(file: Path) -> None:
    """One byte of the document changed; its size and modification time as they were."""
    st = file.stat()
    raw = bytearray(file.read_bytes())
    raw[0] = ord("X") if raw[0] != ord("X") else ord("Y")
    file.write_bytes(bytes(raw))
    os.utime(file, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_changed_source_is_read_again(reg: Path, capsys) -> None:
    assert run(reg, capsys, "check")[0] == 0
    file = reg / SOURCE
    file.write_bytes(file.read_bytes() + b"\n")
    code, out = run(reg, capsys, "check")
    assert code == 1 and f"E307 {SOURCE} differs from its sha256" in out, out


def test_a_source_row_this_clone_did_not_write_vouches_for_nothing(reg: Path, capsys) -> None:
    """A changed document, and a row made without this clone's key saying that its new size and
    modification time are those of the hash the manifest lists: the document is read, and differs."""
    assert run(reg, capsys, "check")[0] == 0
    file = reg / SOURCE
    file.write_bytes(file.read_bytes() + b"\n")
    old = time.time_ns() - 3600 * 10**9
    os.utime(file, ns=(old, old))
    st = file.stat()
    with sqlite3.connect(database(reg)) as db:
        changed = db.execute(
            "UPDATE source SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, device = ?, read_ns = ?, mac = ?"
            " WHERE path = ?",
            (
                st.st_size,
                st.st_mtime_ns,
                st.st_ctime_ns,
                st.st_ino,
                st.st_dev,
                time.time_ns() + 10**10,
                b"\0" * 32,
                SOURCE,
            ),
        ).rowcount
    assert changed == 1
    code, out = run(reg, capsys, "check")
    assert code == 1 and f"E307 {SOURCE} differs from its sha256" in out, out


def test_a_forged_source_row_vouches_for_no_entry_asked_for_alone(reg: Path, counts: dict, capsys) -> None:
    """`trials validate FILE` asks for the row of each source FILE cites alone: a row made without
    this clone's key, saying that the changed source still has the bytes the entry was checked
    against, must not make the entry stand."""
    assert run(reg, capsys, "check")[0] == 0
    file = reg / RELMA_SOURCE
    before = hashlib.sha256(file.read_bytes()).digest()
    _cut_in_half(file)
    old = time.time_ns() - 3600 * 10**9
    os.utime(file, ns=(old, old))
    st = file.stat()
    with sqlite3.connect(database(reg)) as db:
        forged = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev, time.time_ns() + 10**10)
        changed = db.execute(
            "UPDATE source SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, device = ?, read_ns = ?,"
            " sha256 = ?, mac = ? WHERE path = ?",
            (*forged, before, b"\0" * 32, RELMA_SOURCE),
        ).rowcount
    assert changed == 1
    code, out = run(reg, capsys, "validate", str(reg / RELMA))
    assert code == 1 and RELMA in out and counts["check"] == 8, out


def test_a_source_modified_within_the_window_of_its_read_is_read_again(reg: Path, capsys, monkeypatch) -> None:
    """A document modified a second before it was read may change again in the same clock tick
    without its stat showing it: its hash is not trusted by stat."""
    monkeypatch.setattr(cache, "_RACY_NS", 2_000_000_000)
    file = reg / SOURCE
    modified = time.time_ns() - 1_000_000_000
    os.utime(file, ns=(modified, modified))
    then = file.stat()
    assert run(reg, capsys, "check")[0] == 0
    _change_keeping_stat(file)
    frozen_stat(monkeypatch, file, then)
    code, out = run(reg, capsys, "check")
    assert code == 1 and f"E307 {SOURCE} differs from its sha256" in out, out


def _cite_twice(reg: Path) -> None:
    """RELMA's record citing its one source twice (a second item of other fields, as the schema's
    uniqueItems allows), each with its as-of date quoted."""
    record = reg / RELMA
    text = record.read_text(encoding="utf-8")
    item = (
        f"    - file: {RELMA_SOURCE}\n      kind: TRIAL_FINDER_PAGE\n      publisher: ClinConnect\n"
        '      as_of: "2025-11-14"\n      as_of_label: Current as of\n'
    )
    quote = "  curation.sources.0.as_of: Current as of November 14, 2025\n"
    assert item in text and quote in text
    text = text.replace(item, item + item.replace("      publisher: ClinConnect\n", ""), 1)
    text = text.replace(quote, quote + quote.replace(".0.", ".1."), 1)
    record.write_text(text, encoding="utf-8")
    old = time.time() - 3600
    os.utime(record, (old, old))


def test_a_source_cited_twice_and_changed_between_its_reads_binds_no_stale_verdict(
    reg: Path, capsys, monkeypatch
) -> None:
    """A record citing one source twice read it twice: changed in between, the record was checked
    against both versions (quotes found in the first) while its entry held to the second, which was
    then served although a check of the second alone refuses the record."""
    _cite_twice(reg)
    assert run(reg, capsys, "validate", "--no-cache", str(reg / RELMA))[0] == 0
    file, real = reg / RELMA_SOURCE, files.read_bytes
    reads: list[str] = []

    def racing(path: Path | str, limit: int) -> bytes:
        raw = real(path, limit)
        if Path(path) == file and not reads:
            reads.append(os.fspath(path))
            _cut_in_half(file)  # changed just after the check's first read of it
        return raw

    monkeypatch.setattr(files, "read_bytes", racing)
    run(reg, capsys, "validate", str(reg / RELMA))
    monkeypatch.setattr(files, "read_bytes", real)
    assert reads, "the check read the source"
    assert run(reg, capsys, "validate", "--no-cache", str(reg / RELMA))[0] == 1
    code, out = run(reg, capsys, "validate", str(reg / RELMA))
    assert code == 1 and RELMA in out, out


def test_a_source_replaced_during_a_run_keeping_its_size_and_mtime_is_read_again(
    reg: Path, capsys, monkeypatch
) -> None:
    """A run remembers the sources it read for the records after: by size and mtime alone, a source
    replaced in the middle of the run (its stat's size and mtime kept, as `cp -p` or a tar keeps
    them) was served to a later record as the copy read before, which passed against it."""
    stub, source = "trials/NCT06900764.yaml", reg / _IM19_SOURCE  # both records cite it; IM19 is checked first
    raw, st = source.read_bytes(), source.stat()
    assert raw.count(b"NCT06900764") >= 1
    real, reads = files.read_bytes, list[str]()

    def racing(path: Path | str, limit: int) -> bytes:
        data = real(path, limit)
        if Path(path) == source and not reads:
            reads.append(os.fspath(path))
            replaced = source.with_name("replaced.txt")  # a new file in its place: a new inode
            replaced.write_bytes(raw.replace(b"NCT06900764", b"NCT06900765"))
            os.utime(replaced, ns=(st.st_atime_ns, st.st_mtime_ns))
            os.replace(replaced, source)
        return data

    monkeypatch.setattr(files, "read_bytes", racing)
    code, out = run(reg, capsys, "validate", "--no-cache", str(reg / IM19), str(reg / stub))
    assert reads and code == 1 and stub in out, out


@pytest.mark.parametrize(
    ("curation", "cited"),
    [
        (
            {"sources": [{"file": "seeds/a.json"}, {"file": "seeds/b.txt"}, {"file": "seeds/a.json"}]},
            {"seeds/a.json", "seeds/b.txt"},
        ),
        ({"sources": []}, set()),
        ({"sources": [{"file": "seeds/a.json"}, {"kind": "PRESS_RELEASE"}]}, None),  # a source with no file
        ({"sources": "seeds/a.json"}, None),
        ({}, None),  # no sources: which it means to cite is not known
        (None, None),
    ],
)
def test_a_records_citations_are_read_by_one_rule(curation: object, cited: set[str] | None) -> None:
    """The sources a record cites, as the check cache holds its verdict to them and as an update
    refuses a record whose sources are no list of sources (update.merge): one rule for both."""
    data = {"nct_id": "NCT00000000"} if curation is None else {"nct_id": "NCT00000000", "curation": curation}
    assert load.Record("trials/NCT00000000.yaml", data).citations() == cited
