"""One unit of checking work, to count the instructions of rather than time it.

    python benchmarks/work.py [--root DIR] [--files N] [--runs R]

Checks the first N records of a registry R times, each time as a run does (a new pipeline.Checker:
the schema loaded, the sources read, nothing remembered from the run before), in this one process,
with no cache and no outputs. R = 0 does only the set-up (imports and one record), so the
instructions of a run are (count at R - count at 0) / R.

Instructions, unlike seconds, do not change with the machine's load, which on a shared machine
moves a timing by more than most changes save (docs/speed.md). Counted with valgrind's callgrind:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/work.py --runs 2

Run it on the code before and after a change (a git worktree of the old commit, its scripts/ first
on PYTHONPATH), and compare the instructions a run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sle_trials.engine import pipeline

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="the registry (default: this repository)")
    parser.add_argument("--files", type=int, default=0, help="how many records, in name order (default: all)")
    parser.add_argument("--runs", type=int, default=2, help="how many runs over them (default: 2)")
    args = parser.parse_args(argv)
    files = sorted((args.root / "trials").glob("*.yaml"))[: args.files or None]
    batch = [(f"trials/{f.name}", f.stem, f.read_bytes()) for f in files]
    pipeline.collect_rarely()  # as a run sets it
    pipeline.Checker(args.root).check_many(batch[:1])  # imports, regular expressions compiled: set-up
    for _ in range(args.runs):
        checked = pipeline.Checker(args.root).check_many(batch)
        if any(c.problems for c in checked):
            parser.error("a record has problems: count the work of a registry that passes `trials check`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
