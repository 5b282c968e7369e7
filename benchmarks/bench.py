"""Benchmark the full check against the stock validator, in one run on the same files.

    python benchmarks/bench.py [--n 10000] [--dir DIR [--reuse]] [--no-peer]

Generates N synthetic records (benchmarks/generate.py) into a scratch registry, writes its CSV, then
times, each as a separate process:
  cold     trials check with an empty cache (parse + schema + rules + evidence + refs + CSV freshness)
  warm     trials check again, every file unchanged (served from the check cache)
  one      trials check after one file changed
  alone    trials validate FILE after that file changed again (the one-file re-check)
  peer     check-jsonschema --schemafile schema/trial.schema.json trials/*.yaml (schema only, no line numbers)
and prints seconds, peak memory and the ratios to the peer. Numbers depend on the machine; compare
ratios, not seconds.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

BIN = Path(sys.executable).parent


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """(seconds, peak MiB of the process tree's largest member, exit code, last output line)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = out.strip().splitlines()
    return seconds, peak, proc.returncode, lines[-1] if lines else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--dir", type=Path, help="where to generate (default: a temporary folder, removed after)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the registry already generated in --dir (the same --n) instead of generating it again",
    )
    parser.add_argument("--no-peer", action="store_true", help="skip check-jsonschema (e.g. at 250,000 files)")
    args = parser.parse_args(argv)
    if args.reuse and not args.dir:
        parser.error("--reuse needs --dir")
    work = args.dir or Path(tempfile.mkdtemp(prefix="trials-bench-"))
    trials = str(BIN / "trials")
    # The tool's bytecode, written as Python writes it after the first run on a curator's machine:
    # where PYTHONDONTWRITEBYTECODE is set (this project's CI machines set it), every run would
    # otherwise compile the tool from source again, ~60 ms that no user pays.
    import sle_trials
    from sle_trials.engine import cache

    compileall.compile_dir(Path(sle_trials.__file__).parent, quiet=1)
    database = None
    try:
        reuse = (
            args.reuse and len(list((work / "trials").glob("NCT9*.yaml"))) == args.n and (work / "trials.csv").is_file()
        )
        if reuse:  # its CSV was written when it was first timed; a stale one fails the timed checks below
            print(f"reusing the {args.n} records in {work}", flush=True)
        else:
            t0 = time.perf_counter()
            generate.generate(args.n, work)
            print(f"generated {args.n} records in {time.perf_counter() - t0:.1f} s ({work})", flush=True)
            setup = timed([trials, "csv"], work)
            assert setup[2] == 0, f"the generated registry must be valid: {setup[3]}"
        database = cache.place(work)  # outside the registry: the user's cache folder, or the git directory
        if database is not None:
            database.unlink(missing_ok=True)
        # The generated files reach the disk before any timing: at 250,000 records that is ~2 GB the
        # kernel would otherwise write back during the cold check, which is not the check's cost.
        if hasattr(os, "sync"):
            os.sync()
        rows = []
        cold = timed([trials, "check"], work)
        rows.append(("cold: trials check, empty cache", cold))
        warm = timed([trials, "check"], work)
        rows.append(("warm: trials check, nothing changed", warm))
        changed = work / "trials" / f"NCT9{args.n // 2:07d}.yaml"
        # a curator's edit that keeps the record valid: a comment line (the file's bytes change)
        changed.write_text(changed.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
        one = timed([trials, "check"], work)
        rows.append(("one file changed: trials check", one))
        # what a curator's editor or the pre-commit hook runs after that edit: the one file checked
        changed.write_text(changed.read_text(encoding="utf-8") + "# reviewed again\n", encoding="utf-8")
        alone = timed([trials, "validate", str(changed.relative_to(work))], work)
        rows.append(("one file changed: trials validate FILE", alone))
        for label, (_, _, code, last) in rows:
            assert code == 0, f"{label} failed: {last}"
        peer = None
        if not args.no_peer:
            files = sorted(str(p.relative_to(work)) for p in (work / "trials").glob("*.yaml"))
            peer = timed([str(BIN / "check-jsonschema"), "--schemafile", "schema/trial.schema.json", *files], work)
            rows.append(("peer: check-jsonschema (schema only)", peer))
        print(f"\n{args.n} records, {os.cpu_count()} cores")
        print(f"{'step':<40} {'seconds':>9} {'ratio to peer':>14}")
        for label, (seconds, _, _, _) in rows:
            ratio = f"{seconds / peer[0]:.3f}" if peer else "-"
            print(f"{label:<40} {seconds:>9.2f} {ratio:>14}")
        print(
            "peak memory of any process so far: "
            f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB"
        )
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
            if database is not None:  # the scratch registry's own cache folder, outside git
                shutil.rmtree(database.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
