"""Nothing lost under faults: concurrent `trials csv` runs, and a run killed while it writes.

`trials csv` writes each generated file to a temporary file beside it (.trials.csv.XXXX.tmp) and
renames it into place (export.write_atomic). These tests run the real command in subprocesses on a
copy of the registry whose trials.csv is stale (the runs that only look at what those left run
in-process):

- two runs at once both succeed and leave one complete CSV, equal to what a lone run writes; a
  variant holds each run between writing its temporary file and renaming it, so that the two
  really interleave;
- a run killed with SIGKILL halfway through writing the temporary file, or after writing it but
  before the rename, leaves the previous CSV byte-identical.

Stray temporary files: a killed run leaves its .trials.csv.*.tmp behind. `trials csv` does not
delete such files, by design: it cannot tell a stray from the temporary file of a run still
writing (the concurrent case above), and deleting that one would make the other run fail. Strays
are dot-files that no command reads; the tests check that they change nothing, and that the next
run still writes a complete CSV.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA_ROOT
from sle_trials.cli import main

REPO = Path(__file__).resolve().parents[1]
GENERATED = ("trials.csv", "datapackage.json")
STALE = b"nct_id,brief_title\nNCT00000000,stale\n"

pytestmark = [
    pytest.mark.long,  # handed to a worker before the short modules (conftest.py)
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
]

# Runs `trials ARGS...` after patching the write in one of these ways (argv: marker mode args...):
#   partial         the temporary file gets the first half of the text, then the process waits
#   before-replace  the whole text is written and synced, then the process waits before the rename
#   slow            like before-replace, but it goes on once the file GO exists (at most a minute)
# Waiting means: write the marker file, then sleep (until the test kills the process).
CHILD = r"""
import os, sys, time
from pathlib import Path

import tempfile

marker, mode, argv = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
real_fdopen, real_fsync, real_mkstemp = os.fdopen, os.fsync, tempfile.mkstemp
csv_fds = set()  # the temporary files made for trials.csv (not, say, the check cache's)


def mkstemp(*args, **kwargs):
    fd, name = real_mkstemp(*args, **kwargs)
    if os.path.basename(name).startswith(".trials.csv."):
        csv_fds.add(fd)
    return fd, name


tempfile.mkstemp = mkstemp


def wait():
    marker.write_text(str(os.getpid()))
    time.sleep(120)


class HalfThenWait:
    def __init__(self, file):
        self.file = file

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.file.__exit__(*exc)

    def write(self, text):
        self.file.write(text[: len(text) // 2])
        self.file.flush()
        real_fsync(self.file.fileno())
        wait()

    def __getattr__(self, name):
        return getattr(self.file, name)


def fdopen(fd, mode="r", *args, **kwargs):
    file = real_fdopen(fd, mode, *args, **kwargs)
    return HalfThenWait(file) if fd in csv_fds else file


def fsync_then_wait(fd):
    real_fsync(fd)
    wait()


def fsync_then_pause(fd):
    real_fsync(fd)
    marker.write_text(str(os.getpid()))
    deadline = time.monotonic() + 60
    while not os.path.exists(os.environ["GO"]) and time.monotonic() < deadline:
        time.sleep(0.01)


if mode == "partial":
    os.fdopen = fdopen
elif mode == "before-replace":
    os.fsync = fsync_then_wait
elif mode == "slow":
    os.fsync = fsync_then_pause

from sle_trials.cli import main

sys.exit(main(argv))
"""


def trials(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`trials ARGS --root ROOT` in this process, as the console script runs it (cli.main): the runs
    that set up a registry or look at what a killed or concurrent run left need no process of their
    own; the runs under test (child() and the concurrent ones) each have one."""
    argv = [*args, "--root", str(root)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())


def child(root: Path, marker: Path, mode: str, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(marker), mode, *args, "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def strays(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A registry copy with every generated file up to date, and those files' bytes."""
    root = tmp_path_factory.mktemp("faults") / "current"
    root.mkdir()
    for name in ("schema", "seeds", "trials"):
        shutil.copytree(DATA_ROOT / name, root / name)
    done = trials(root, "csv")
    assert done.returncode == 0, done.stdout + done.stderr
    return root, {name: (root / name).read_bytes() for name in GENERATED if (root / name).exists()}


@pytest.fixture
def stale(current: tuple[Path, dict[str, bytes]], tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A copy of the up-to-date registry whose trials.csv is stale; and the expected bytes."""
    source, expected = current
    root = tmp_path / "registry"
    root.mkdir()
    for name in ("schema", "seeds", "trials", *expected):
        (shutil.copytree if (source / name).is_dir() else shutil.copy2)(source / name, root / name)
    (root / "trials.csv").write_bytes(STALE)
    return root, expected


def _wait_for(marker: Path, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not marker.exists():
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the run ended before it wrote (exit {process.returncode}):\n{out}\n{err}")
        assert time.monotonic() < deadline, "the run never reached the write"
        time.sleep(0.01)


@pytest.mark.parametrize("attempt", range(3))
def test_two_runs_at_once_leave_one_complete_csv(stale: tuple[Path, dict[str, bytes]], attempt: int) -> None:
    root, expected = stale
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "sle_trials", "csv", "--root", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, out + err
    assert (root / "trials.csv").read_bytes() == expected["trials.csv"]
    assert {n: (root / n).read_bytes() for n in expected} == expected
    assert strays(root) == []
    assert trials(root, "check").returncode == 0


def test_two_interleaved_runs_leave_one_complete_csv(stale: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    """Each run waits between writing its temporary file and renaming it until both have written
    theirs: both temporary files exist at once, and the renames happen one after the other. (Each
    waited a second, and a run that took longer to start, on a loaded machine, came after the other
    had renamed: the test failed, though nothing was wrong.) The schedule is forced, so one run of it
    tells what three did; the runs left to chance (above) are the ones repeated."""
    root, expected = stale
    markers = [tmp_path / f"marker-{i}" for i in range(2)]
    go = tmp_path / "go"
    runs = [child(root, marker, "slow", "csv", env={"GO": str(go)}) for marker in markers]
    try:
        for marker, run in zip(markers, runs):
            _wait_for(marker, run)
        assert len([s for s in strays(root) if s.startswith(".trials.csv.")]) == 2, "the two runs did not overlap"
    finally:
        go.write_text("")  # the runs go on, whatever was found
    for run in runs:
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, out + err
    assert {n: (root / n).read_bytes() for n in expected} == expected
    assert strays(root) == []


@pytest.mark.parametrize("mode", ["partial", "before-replace"])
def test_killed_mid_write_keeps_the_old_csv(stale: tuple[Path, dict[str, bytes]], tmp_path: Path, mode: str) -> None:
    root, expected = stale
    marker = tmp_path / "marker"
    run = child(root, marker, mode, "csv")
    try:
        _wait_for(marker, run)
        temps = [root / s for s in strays(root) if s.startswith(".trials.csv.")]
        assert len(temps) == 1, strays(root)
        written = temps[0].read_bytes()
        if mode == "partial":
            assert 0 < len(written) < len(expected["trials.csv"]) and expected["trials.csv"].startswith(written)
        else:
            assert written == expected["trials.csv"]
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.kill()
        run.communicate(timeout=30)
    assert run.returncode == -signal.SIGKILL
    assert (root / "trials.csv").read_bytes() == STALE, "a killed run replaced the CSV"
    for name in expected:
        if name != "trials.csv":
            assert (root / name).read_bytes() == expected[name]
    # the stray temporary file stays (see the module's docstring) and changes nothing
    assert temps[0].exists()
    check = trials(root, "check")
    assert check.returncode == 1 and "E401" in check.stdout, check.stdout + check.stderr
    assert ".tmp" not in check.stdout
    done = trials(root, "csv")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (root / "trials.csv").read_bytes() == expected["trials.csv"]
    assert temps[0].exists(), "trials csv removed another run's temporary file"
    check = trials(root, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    validate = trials(root, "validate")
    assert validate.returncode == 0 and ".tmp" not in validate.stdout


def test_failed_run_leaves_no_temporary_file(stale: tuple[Path, dict[str, bytes]]) -> None:
    """An invalid record: nothing is written, not even a temporary file."""
    root, _ = stale
    record = root / "trials" / "NCT06513429.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("status: complete", "status: finished"), encoding="utf-8"
    )
    done = trials(root, "csv")
    assert done.returncode == 1
    assert (root / "trials.csv").read_bytes() == STALE
    assert strays(root) == []


# A record changed between the check and the JSON export: generate.full_records loads each record
# again and stops (Changed) where it is not the one checked, and write_atomic_stream leaves the old
# export and no temporary file behind. In-process: no run reaches that moment by itself.


def test_a_record_changed_after_its_check_stops_the_export(tmp_path: Path) -> None:
    from sle_trials.engine import cache, pipeline
    from sle_trials.outputs import generate

    (tmp_path / "trials").mkdir()
    # checked as NCT00000002, now another record: it loads, but is not the record checked
    (tmp_path / "trials" / "NCT00000002.yaml").write_text("nct_id: NCT00000001\n", encoding="utf-8")
    checked = cache.SummaryValue("NCT00000002", (), (), ((("file", "seeds/x.txt"),),), b"NCT00000002\n")
    summary = pipeline.Summary("trials/NCT00000002.yaml", checked, {})
    with pytest.raises(generate.Changed, match="changed while it was exported"):
        list(generate.full_records(tmp_path, [summary]))


def test_an_export_stopped_midway_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    from sle_trials.outputs import export, generate

    path = tmp_path / "trials.json"
    path.write_text("the export before\n", encoding="utf-8")

    def chunks():
        yield '{"trials": ['
        raise generate.Changed("trials/NCT00000002.yaml changed while it was exported")

    with pytest.raises(generate.Changed):
        export.write_atomic_stream(path, chunks())
    assert path.read_text(encoding="utf-8") == "the export before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["trials.json"]


def test_an_output_is_readable_by_all_as_a_file_written_in_place_is(tmp_path: Path) -> None:
    """The temporary file is made private (mkstemp: 0600) and given 0644 before it takes the path's
    place: a site or an export served by another user's web server must be readable."""
    from sle_trials.outputs import export

    path = tmp_path / "trials.json"
    export.write_atomic(path, "{}\n")
    assert path.stat().st_mode & 0o777 == 0o644
