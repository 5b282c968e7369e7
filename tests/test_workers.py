"""Worker processes give the result one process gives: the same summaries in the same order, the
same problems, the same cache.

A cold check of 300 files or more spreads them over one process per core, a chunk of files at a
time, with the next chunk handed out before the last one's results are taken. The thresholds are
lowered here so that a small registry crosses every one of those paths: several chunks, files the
cache vouches for mixed with files to check, and records with problems among them.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA_ROOT
from sle_trials.engine import cache, pipeline

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

# Enough records for several chunks at CHUNK 4 and 7, each run checking them cold, serially and in two
# workers: 45 records made the module take 23 s of a suite that must take two minutes.
RECORDS = 24


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    generate.generate(RECORDS, root)
    return root


def _run(root: Path, workers: int) -> tuple[list[tuple], list, list[str]]:
    files = pipeline.trial_paths(root)
    result = pipeline.validate(root, files, workers=workers)
    place = {"trials/" + Path(f).name: i for i, f in enumerate(files)}
    chunks = [place[p.path] // pipeline.CHUNK for p in result.problems]
    assert chunks == sorted(chunks), "what a chunk finds comes after what the chunk before it found"
    summaries = [(s.path, s.value) for s in result.summaries]
    return summaries, sorted(result.problems), sorted(result.unindexed_ids)


def _break(root: Path) -> None:
    """Two records with problems of their own, and two files with no trial name (one in the chunk
    after a record with problems)."""
    for name in ("NCT90000003.yaml", "NCT90000017.yaml"):
        file = root / "trials" / name
        file.write_text(file.read_text(encoding="utf-8").replace("nct_id: NCT9", "nct_id: NCT8", 1), encoding="utf-8")
    (root / "trials" / "notes.yaml").write_text("nct_id: x\n", encoding="utf-8")
    (root / "trials" / "NCT90000017a.yaml").write_text("nct_id: x\n", encoding="utf-8")


@pytest.mark.parametrize("chunk", [4, 7, 1000])
def test_workers_give_what_one_process_gives(generated: Path, tmp_path: Path, monkeypatch, chunk: int) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for root in (serial, parallel):
        shutil.copytree(generated, root)
        _break(root)
    monkeypatch.setattr(pipeline, "CHUNK", chunk)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    one = _run(serial, workers=1)
    two = _run(parallel, workers=2)
    assert two == one
    assert len(one[0]) == RECORDS - 2 and {p.code for p in one[1]} == {"E101"}
    assert cache.place(parallel).is_file()  # type: ignore[union-attr]


def test_workers_mix_cached_and_changed_files_as_one_process_does(generated: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK", 5)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    # Which files the cache trusts by their stat must not depend on how long the copy took: their
    # mtime is set an hour back, their inode change time (which no call sets back) is now, and the
    # racy window counts it, so the window is made empty.
    monkeypatch.setattr(cache, "_RACY_NS", 0)
    runs = []
    for workers in (1, 2):
        root = tmp_path / f"workers-{workers}"
        shutil.copytree(generated, root)
        old = time.time() - 3600
        for file in (root / "trials").iterdir():
            os.utime(file, (old, old))
        cold = _run(root, workers)
        for name in ("NCT90000002.yaml", "NCT90000013.yaml", "NCT90000023.yaml"):  # new bytes: checked again
            file = root / "trials" / name
            file.write_text(file.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")  # still valid
        runs.append((cold, _run(root, workers)))
    assert runs[1] == runs[0]
    (cold, changed), _ = runs
    assert len(changed[0]) == RECORDS and sorted(changed[0]) == sorted(cold[0])  # a comment is not in the summary


def test_a_run_collects_rarely_and_leaves_the_collector_as_it_found_it(monkeypatch) -> None:
    """A run collects the youngest objects every 20,000 new ones, never not at all: a checked record
    leaves objects in reference cycles, and a run with the collector off grew by ~80 KB a record
    (docs/speed.md). A caller's own setting comes back after the run."""
    import gc

    from sle_trials import cli

    seen = []

    def check(root: Path, args: object) -> int:
        seen.append((gc.isenabled(), gc.get_threshold()))
        return 0

    monkeypatch.setitem(cli.COMMANDS, "check", check)
    before = gc.isenabled(), gc.get_threshold()
    gc.disable()
    gc.set_threshold(500, 5, 5)
    try:
        assert cli.main(["check", "--root", str(DATA_ROOT)]) == 0
        assert seen == [(True, (20_000, 10, 10))]
        assert (gc.isenabled(), gc.get_threshold()) == (False, (500, 5, 5))
    finally:
        gc.set_threshold(*before[1])
        if before[0]:
            gc.enable()
