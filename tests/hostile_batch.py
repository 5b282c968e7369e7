"""Runs many `trials` commands one after another in one process: the hostile corpus's runs.

Starting Python and importing the tool costs more than refusing a hostile file, so test_hostile.py
runs its ~120 commands here rather than each in a process of its own. Each command is run as the
`trials` console script runs it (`sle_trials.cli.main(argv)`, its return value the exit status),
from the folder the job names, with the process's file descriptors 1 and 2 sent to the job's own
files (so whatever a child process such as git prints is caught too), and under a time limit: an
alarm whose default action ends the whole process, so a hang, even inside C code or in a blocking
open(), cannot outlast it. An exception that escapes main() is printed as Python prints it when a
process dies of it (a traceback) and gives exit status 1, as it would.

The parent (test_hostile.py) starts this script under an address-space limit (RLIMIT_AS) that the
commands share, then reads one result file per finished job. A job whose result is missing killed
the process (the alarm, the memory limit or a crash): the parent says so for that job and starts
the script again from the next one.

Usage: python hostile_batch.py JOBS.json FIRST  (run jobs[FIRST:]; JOBS.json: a list of Job fields)
"""

from __future__ import annotations

import json
import math
import os
import signal
import sys
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Job:
    argv: list[str]  # the command's arguments, without `trials`
    cwd: str  # where it runs
    out: str  # file that receives its standard output
    err: str  # file that receives its standard error
    result: str  # written, as JSON, when the command has returned: {"status": ..., "seconds": ...}
    time_limit: float  # seconds before the alarm ends the process


def write_jobs(jobs: list[Job], path: Path) -> None:
    path.write_text(json.dumps([asdict(job) for job in jobs]), encoding="utf-8")


def run(job: Job) -> tuple[int, float]:
    """(exit status, seconds) of one command, its output sent to its files."""
    from sle_trials.cli import main

    os.chdir(job.cwd)
    saved = os.dup(1), os.dup(2)
    sys.stdout.flush()
    sys.stderr.flush()
    with open(job.out, "wb") as out, open(job.err, "wb") as err:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
    signal.alarm(math.ceil(job.time_limit))
    start = time.monotonic()
    try:
        status = main(job.argv)
    except SystemExit as exc:  # argparse exits on bad usage, as the console script would
        status = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # what would end a process of its own, shown as Python shows it there
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        seconds = time.monotonic() - start
        signal.alarm(0)
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])
    return status, seconds


def main(argv: list[str]) -> int:
    jobs = [Job(**fields) for fields in json.loads(Path(argv[0]).read_text(encoding="utf-8"))]
    # SIGALRM's default action ends the process (Python installs no handler for it; made sure here)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    for job in jobs[int(argv[1]) :]:
        status, seconds = run(job)
        done = Path(job.result)
        partial = done.with_name(done.name + ".part")
        partial.write_text(json.dumps({"status": status, "seconds": seconds}), encoding="utf-8")
        partial.replace(done)  # a result is there whole, or not at all
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
