"""The `trials` command: parses arguments and calls the pipeline's stages. Nothing else lives here.

Exit status: 0 clean, 1 problems in the data, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__, coverage, export, pipeline, report
from .problem import Problem


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="trials", description="Check and export the SLE CAR-T trial registry.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, help="the registry's root folder (default: found from the current folder)")
    common.add_argument("--format", choices=report.FORMATS, default="text", help="how to print problems (default: text)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("validate", parents=[common], help="check trial files one by one (default: all of trials/)")
    v.add_argument("files", nargs="*", type=Path, metavar="FILE")
    sub.add_parser("refs", parents=[common], help="cross-check references between all records")
    c = sub.add_parser("csv", parents=[common], help=f"regenerate {export.CSV_PATH} from valid records")
    c.add_argument("--check", action="store_true", help=f"only report whether {export.CSV_PATH} is current")
    sub.add_parser("check", parents=[common], help="validate + refs + csv --check over the whole registry (read-only)")
    sub.add_parser("coverage", parents=[common], help="per record: curation status, evidence share, absent fields, stubs waiting")
    return parser


def _all(root: Path) -> pipeline.Result:
    return pipeline.validate(root, pipeline.trial_files(root))


def _finish(problems: list[Problem], fmt: str, files: int) -> int:
    report.render(problems, fmt, sys.stdout, files=files)
    return 1 if problems else 0


def cmd_validate(root: Path, args: argparse.Namespace) -> int:
    files = args.files or pipeline.trial_files(root)
    result = pipeline.validate(root, files)
    return _finish(result.problems, args.format, result.files)


def cmd_refs(root: Path, args: argparse.Namespace) -> int:
    result = _all(root)
    # Only cross-record problems here; `validate` reports each file's own.
    return _finish(pipeline.cross_check(root, result), args.format, result.files)


def _csv_state(root: Path) -> tuple[pipeline.Result, list[Problem], str | None]:
    result = _all(root)
    problems = result.problems + pipeline.cross_check(root, result)
    return result, problems, None if problems else pipeline.csv_text(result)


def _current(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def cmd_csv(root: Path, args: argparse.Namespace) -> int:
    result, problems, text = _csv_state(root)
    target = root / export.CSV_PATH
    if text is None:
        report.render(problems, args.format, sys.stdout, files=result.files)
        print(f"{export.CSV_PATH} not written: fix the problems above first", file=sys.stderr)
        return 1
    if _current(target) == text:
        if not args.check:
            print(f"{export.CSV_PATH} is up to date ({len(result.records)} trials)", file=sys.stderr)
        return _finish([], args.format, result.files) if args.check else 0
    if args.check:
        stale = Problem(export.CSV_PATH.as_posix(), 0, 0, "E401", f"{export.CSV_PATH} is stale or missing; run: trials csv")
        return _finish([stale], args.format, result.files)
    export.write_atomic(target, text)
    print(f"{export.CSV_PATH} written ({len(result.records)} trials)", file=sys.stderr)
    return 0


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    result, problems, text = _csv_state(root)
    if text is not None and _current(root / export.CSV_PATH) != text:
        problems.append(Problem(export.CSV_PATH.as_posix(), 0, 0, "E401", f"{export.CSV_PATH} is stale or missing; run: trials csv"))
    return _finish(problems, args.format, result.files)


def cmd_coverage(root: Path, args: argparse.Namespace) -> int:
    result = _all(root)
    schema = pipeline.schema.load_schema(root)
    rows = [coverage.of_record(r, schema) for r in result.records]
    invalid = sorted({p.path for p in result.problems})
    coverage.render(rows, invalid, "json" if args.format == "json" else "text", sys.stdout)
    return 1 if invalid else 0


COMMANDS = {"validate": cmd_validate, "refs": cmd_refs, "csv": cmd_csv, "check": cmd_check, "coverage": cmd_coverage}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        root = args.root.resolve() if args.root else pipeline.find_root(Path.cwd())
        if args.root and not (root / "schema" / "trial.schema.json").is_file():
            raise pipeline.UsageError(f"{args.root} is not the registry's root (no schema/trial.schema.json)")
        return COMMANDS[args.command](root, args)
    except pipeline.UsageError as exc:
        print(f"trials: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # no traceback for curators; TRIALS_DEBUG=1 shows it to developers
        if os.environ.get("TRIALS_DEBUG"):
            raise
        print(f"trials: internal error, please report it: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
