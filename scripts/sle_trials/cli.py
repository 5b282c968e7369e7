"""The `trials` command: parses arguments and calls the pipeline's stages. Nothing else lives here.

Exit status: 0 clean, 1 problems in the data, 2 usage errors, 3 an internal error.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import os
import sys
from pathlib import Path
from typing import Any

from sle_trials import __version__, command, paths
from sle_trials.engine import pipeline
from sle_trials.files import printable

# The subcommands' own modules (YAML round trip, git, the ClinicalTrials.gov importer, ...) are
# imported where they are used, so `trials check` starts fast enough for a pre-commit hook.
from sle_trials.outputs import generate, package, report


class _Only:
    """The COMMAND subparsers, adding only the one command a run names: argparse looks up a dozen
    messages in gettext's catalogues for each parser it builds, and building all fourteen took 7 ms
    of every run, a third of a warm `trials check`. The commands not added take their arguments into
    a _Skipped parser. A run that names no command (help, --version, a misspelt command) gets them
    all; tests/test_cli.py holds each command's parser to the one built with all of them."""

    def __init__(self, sub: Any, only: str | None) -> None:
        self.sub, self.only = sub, only

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        # `trials COMMAND --help` opens with the line `trials --help` lists it by: without it, a
        # command's own help showed its usage and options and never said what it does
        kwargs.setdefault("description", kwargs.get("help"))
        return self.sub.add_parser(name, **kwargs) if self.only in (None, name) else _Skipped()


class _Skipped:
    """A command's parser that is not built: its arguments go nowhere."""

    def add_argument(self, *args: Any, **kwargs: Any) -> None:
        pass


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; only: build the parser of that command alone (one of COMMANDS)."""
    parser = argparse.ArgumentParser(
        prog="trials",
        description="Check and export the SLE CAR-T trial registry.",
        epilog="`trials COMMAND --help` gives a command's arguments; docs/curating.md, every command. Exit status: 0 "
        "no problems, 1 problems in the data, 2 a usage error, 3 an internal error (a bug: please report it).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    no_cache = "check every file again, ignoring the check cache"
    rooted = argparse.ArgumentParser(add_help=False)
    rooted.add_argument("--root", type=Path, help="the registry's root folder (default: found from the current folder)")
    common = argparse.ArgumentParser(add_help=False, parents=[rooted])
    common.add_argument(
        "--format", choices=report.FORMATS, default="text", help="how to print problems (default: text)"
    )
    common.add_argument("--no-cache", action="store_true", help=no_cache)
    sub = _Only(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"), only)
    v = sub.add_parser("validate", parents=[common], help="check trial files one by one (default: all of trials/)")
    v.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="a trial file to check (default: all of trials/)"
    )
    sub.add_parser("refs", parents=[common], help="cross-check references between all records")
    c = sub.add_parser("csv", parents=[common], help=f"regenerate {generate.GENERATED} from valid records")
    c.add_argument("--check", action="store_true", help=f"only report whether {generate.GENERATED} are current")
    sub.add_parser(
        "check",
        parents=[common],
        help="validate + refs + csv --check over the whole registry (writes no file of it; the check cache is kept "
        "in .git)",
    )
    cov = sub.add_parser(
        "coverage",
        parents=[rooted],
        help="per record: curation status, evidence share, absent fields, stubs waiting",
    )
    # its own --format: a report, not problems, has no GitHub annotations (`--format github` was taken
    # and printed text)
    cov.add_argument("--format", choices=("text", "json"), default="text", help="how to print it (default: text)")
    cov.add_argument("--no-cache", action="store_true", help=no_cache)
    e = sub.add_parser(
        "export",
        parents=[common],
        help="write every record in full (JSON, or SQLite for Datasette), or the "
        "table as a workbook (xlsx), from valid records",
    )
    e.add_argument(
        "what",
        choices=["json", "sqlite", "xlsx"],
        metavar="FORMAT",
        help="json: every record, sorted by nct_id, as one document; sqlite: tables trials, criteria, "
        "thresholds, sources and evidence, with Datasette metadata beside the database; xlsx: trials.csv "
        "as a typed workbook (needs the xlsx extra: .venv/bin/pip install -e '.[xlsx]')",
    )
    e.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=f"where to write it (default: {package.JSON_PATH}, trials.db or trials.xlsx at the registry root; "
        "json only, -: standard output); never into the registry's own files",
    )
    e.add_argument(
        "--force",
        action="store_true",
        help="replace a file at the output (or the metadata path beside a database) that this command did not "
        "write; never a folder, and never a file of the registry",
    )
    s = sub.add_parser(
        "site",
        parents=[common],
        help="build the static site: every trial, the landscape chart, each value beside its source's words",
    )
    s.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="the folder to build it in (default: _site at the registry root): a new or empty one, or one it "
        "built; never a folder of the registry",
    )
    g = sub.add_parser(
        "merge-csv", parents=[common], help="git merge driver: regenerate trials.csv from the merged records"
    )
    g.add_argument("base", metavar="BASE", help="%%O: the common ancestor's version (ignored)")
    g.add_argument("ours", metavar="OURS", help="%%A: our version; the regenerated file is written here")
    g.add_argument("theirs", metavar="THEIRS", help="%%B: their version (ignored)")
    g.add_argument(
        "pathname", nargs="?", metavar="PATH", help="%%P: the file's path in the repository (default: trials.csv)"
    )
    m = sub.add_parser(
        "merge-manifest", parents=[common], help="git merge driver: merge seeds/SHA256SUMS as a set of lines"
    )
    for name, help_ in (
        ("base", "%%O: the common ancestor's version"),
        ("ours", "%%A: our version; the merge is written here"),
        ("theirs", "%%B: their version"),
    ):
        m.add_argument(name, metavar=name.upper(), help=help_)
    m.add_argument(
        "pathname", nargs="?", metavar="PATH", help="%%P: the file's path in the repository (default: seeds/SHA256SUMS)"
    )
    _curator_tools(sub, common)
    return parser


def _curator_tools(sub: Any, common: argparse.ArgumentParser) -> None:
    """new, import, drift, fmt, diff (curate/: scaffold.py, importing.py and ctgov/, drift.py, fmt.py, diff.py)."""
    n = sub.add_parser(
        "new",
        parents=[common],
        help="write a record listing every schema field, to fill in (a stub, or a draft from the trial's own source)",
    )
    n.add_argument(
        "nct_id", metavar="NCT_ID", help="the trial's id, NCT and 8 digits: the record is trials/NCT_ID.yaml"
    )
    n.add_argument("--source", help="the source under seeds/ (default: the one that mentions the id)")
    n.add_argument("--title", help="the trial's title as the source writes it (default: read from the source)")
    n.add_argument("--kind", help="the source's kind (default: as other records or the JSON say)")
    n.add_argument(
        "--as-of",
        dest="as_of",
        metavar="DATE",
        help="the source's own as-of date (default: as other records or the JSON say)",
    )
    n.add_argument(
        "--as-of-label",
        dest="as_of_label",
        metavar="WORDS",
        help="the words the source gives its as-of date under, when not a usual label ('Date', 'Published')",
    )
    n.add_argument(
        "--out-of-scope",
        dest="out_of_scope",
        metavar="REASON",
        help="why the registry holds a trial whose title shows neither lupus nor a CAR-T or related cell therapy",
    )
    i = sub.add_parser(
        "import",
        parents=[common],
        help="turn a ClinicalTrials.gov API v2 study (fetched by id, or a saved JSON) into a draft record",
    )
    i.add_argument(
        "registry",
        choices=["ctgov"],
        metavar="{ctgov}",  # so a usage error names it as the usage line does, not by its dest
        help="where the study comes from: ctgov (ClinicalTrials.gov API v2)",
    )
    i.add_argument(
        "targets",
        nargs="+",
        metavar="NCT_ID|FILE.json",
        help="an NCT id, fetched from the API v2 ($CTGOV_API_URL), or a saved API response; each imported in turn",
    )
    i.add_argument(
        "--out-of-scope",
        dest="out_of_scope",
        metavar="REASON",
        help="import a study whose conditions and interventions show neither lupus nor a CAR-T or related cell "
        "therapy, recording REASON (curation.out_of_scope)",
    )
    i.add_argument("--update", action="store_true", help="apply to the existing record only what changed")
    i.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    i.add_argument(
        "--theirs",
        action="append",
        default=[],
        metavar="FIELD",
        help=(
            "--update: where the registry and the record both changed FIELD, "
            "take the registry's value (all: every such field)"
        ),
    )
    i.add_argument(
        "--ours",
        action="append",
        default=[],
        metavar="FIELD",
        help=(
            "--update: where the registry and the record both changed FIELD, "
            "keep the record's value (all: every such field)"
        ),
    )
    r = sub.add_parser(
        "drift", help="what ClinicalTrials.gov changed since each record's source was read (fetches each study)"
    )
    r.add_argument("--root", type=Path, help="the registry's root folder (default: found from the current folder)")
    r.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text, markdown (an issue or pull-request body) or json",
    )
    r.add_argument(
        "--apply", action="store_true", help="then run `trials import ctgov --update` for each trial that drifted"
    )
    r.add_argument(
        "--no-cache",
        action="store_true",
        help="--apply: each import's check reads no verdict from the registry's check cache",
    )
    r.add_argument("nct_ids", nargs="*", metavar="NCT_ID", help="the trials to check (default: every record)")
    f = sub.add_parser("fmt", parents=[common], help="rewrite trial files in canonical form (default: all of trials/)")
    f.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="a trial file to format (default: all of trials/)"
    )
    f.add_argument("--check", action="store_true", help="only list the files that are not in canonical form")
    d = sub.add_parser("diff", help="field-level summary of data changes between two git revisions")
    d.add_argument("--root", type=Path, help="the registry's root folder (default: found from the current folder)")
    d.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="text, markdown (a PR comment) or json"
    )
    d.add_argument("base", nargs="?", metavar="BASE", help="default: merge-base with origin/main, else HEAD~1")
    d.add_argument("head", nargs="?", metavar="HEAD", help="default: the working tree")


def _use_cache(args: argparse.Namespace) -> bool:
    return not args.no_cache


def _existing(root: Path, files: list[Path]) -> list[Path]:
    """The FILE arguments, each of which must be there: a path that names nothing is a mistake of the
    command (a typo, a deleted file), exit 2; one that names a link, a pipe or a folder is the data's
    (E001)."""
    for file in files:
        if not os.path.lexists(file):
            raise pipeline.UsageError(f"no such file: {pipeline.display(root, file)}")  # as problems name it
    return files


def _trial_files(root: Path, files: list[Path]) -> list[Path]:
    """The FILE arguments of validate, none of which may be a source, the manifest, the schema or a
    generated file of the registry: read as a record, `trials validate seeds/FILE` answered a curator
    who meant to check a source with YAML errors about its first line (E007), trials.csv alike."""
    for file in _existing(root, files):
        where = Path(os.path.realpath(file.parent)) / file.name  # the file's own name, not a link's target
        try:
            inside = where.relative_to(root).as_posix()
        except ValueError:
            continue
        if inside.partition("/")[0] != paths.TRIALS_DIR.as_posix() and paths.registry(inside):
            what = (
                f"it is under {paths.SEEDS_DIR}/, where the sources are kept as received (`{command.run('check')}` "
                f"holds them to {paths.SEEDS_DIR}/SHA256SUMS)"
                if inside.partition("/")[0] == paths.SEEDS_DIR
                else f"it is one of the registry's own files (`{command.run('check')}` checks it with the records)"
            )
            raise pipeline.UsageError(
                f"{pipeline.display(root, file)} is no trial file: {what}; validate checks trial files "
                f"({paths.TRIALS_DIR.as_posix()}/NCT….yaml), each against the sources it cites"
            )
    return files


def cmd_validate(root: Path, args: argparse.Namespace) -> int:
    result = pipeline.validate(
        root, _trial_files(root, args.files) or pipeline.trial_files(root), use_cache=_use_cache(args)
    )
    problems = result.problems + pipeline.cited_sources(root, result)
    report.render(problems, args.format, sys.stdout, files=result.files)
    return 1 if problems else 0


def cmd_refs(root: Path, args: argparse.Namespace) -> int:
    """Only cross-record problems here; `validate` reports each file's own. A file that failed its own
    checks is not in the index, so nothing was cross-checked for it: refs names such files and exits
    1, never saying "no problems" of a registry it could not check whole."""
    result = pipeline.validate(root, pipeline.trial_paths(root), use_cache=_use_cache(args), every_source=True)
    problems = pipeline.cross_check(root, result)
    unchecked = sorted({p.path for p in result.problems})
    report.render(problems, args.format, sys.stdout, files=result.files - len(unchecked), unchecked=unchecked)
    return 1 if problems or unchecked else 0


def cmd_csv(root: Path, args: argparse.Namespace) -> int:
    return generate.write(root, fmt=args.format, check_only=args.check, use_cache=_use_cache(args))


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    return generate.check(root, fmt=args.format, use_cache=_use_cache(args))


def cmd_coverage(root: Path, args: argparse.Namespace) -> int:
    from sle_trials.outputs import coverage

    result = pipeline.validate(root, pipeline.trial_paths(root), use_cache=_use_cache(args))
    schema = paths.load_schema(root)
    rows = [coverage.of_record(r, schema) for r in result.records]
    invalid = sorted({p.path for p in result.problems})
    coverage.render(rows, invalid, args.format, sys.stdout)
    return 1 if invalid else 0


def cmd_export(root: Path, args: argparse.Namespace) -> int:
    if args.what == "sqlite":
        from sle_trials.outputs import sqlite

        if args.output == "-":
            raise pipeline.UsageError("a SQLite database cannot be written to standard output: give --output FILE.db")
        return sqlite.run(root, args.output, fmt=args.format, use_cache=_use_cache(args), force=args.force)
    if args.what == "xlsx":
        return generate.export_xlsx(root, args.output, fmt=args.format, use_cache=_use_cache(args), force=args.force)
    return generate.export_json(root, args.output, fmt=args.format, use_cache=_use_cache(args), force=args.force)


def cmd_site(root: Path, args: argparse.Namespace) -> int:
    from sle_trials.outputs import site

    return site.run(root, args.output, fmt=args.format, use_cache=_use_cache(args))


def cmd_new(root: Path, args: argparse.Namespace) -> int:
    """A stub record; then, as after an import, the generated files brought up to date."""
    from sle_trials.curate import scaffold

    given = scaffold.Given(args.source, args.title, args.kind, args.as_of, args.as_of_label, args.out_of_scope)
    return scaffold.run(root, args.nct_id, given) or generate.write(root, fmt=args.format, use_cache=_use_cache(args))


def cmd_import(root: Path, args: argparse.Namespace) -> int:
    from sle_trials.curate import importing  # checks the registry with the import and writes the generated files itself

    options = importing.Options(
        args.update,
        args.dry_run,
        args.format,
        tuple(args.theirs or ()),
        tuple(args.ours or ()),
        args.out_of_scope,
        _use_cache(args),
    )
    return importing.run_each(root, args.targets, options)


def cmd_fmt(root: Path, args: argparse.Namespace) -> int:
    from sle_trials.curate import fmt

    return fmt.run(
        root,
        _existing(root, args.files),
        pipeline.trial_files(root),
        check=args.check,
        fmt=args.format,
        shown=lambda f: pipeline.display(root, f),
    )


def cmd_drift(root: Path, args: argparse.Namespace) -> int:
    from sle_trials.curate import drift

    return drift.run(root, args.nct_ids, args.format, args.apply, use_cache=_use_cache(args))


def cmd_diff(root: Path, args: argparse.Namespace) -> int:
    from sle_trials.curate import diff

    return diff.run(root, args.base, args.head, args.format)


def cmd_merge_csv(root: Path, args: argparse.Namespace) -> int:
    """Run by git as a merge driver (merge.py): regenerate the file instead of merging its lines."""
    from sle_trials.git import merge

    return merge.run(args.base, args.ours, args.theirs, args.pathname, root)


def cmd_merge_manifest(root: Path, args: argparse.Namespace) -> int:
    """Run by git as a merge driver (merge.py): merge seeds/SHA256SUMS as a set of lines."""
    from sle_trials.git import merge

    return merge.run_manifest(args.base, args.ours, args.theirs, args.pathname)


COMMANDS = {
    "validate": cmd_validate,
    "refs": cmd_refs,
    "csv": cmd_csv,
    "check": cmd_check,
    "coverage": cmd_coverage,
    "export": cmd_export,
    "site": cmd_site,
    "new": cmd_new,
    "import": cmd_import,
    "fmt": cmd_fmt,
    "diff": cmd_diff,
    "drift": cmd_drift,
    "merge-csv": cmd_merge_csv,
    "merge-manifest": cmd_merge_manifest,
}


def _utf8(stream: Any) -> None:
    """Write the stream as UTF-8, whatever the locale says. Under a locale of another encoding (LANG=C
    without Python's coercion, PYTHONIOENCODING=ascii, a Latin-1 terminal) a message holding "×" or
    a source's "é" stopped `trials check` with an internal error (exit 3, not 1, and half a JSON
    report), or printed other bytes than elsewhere. The reports, the JSON export to stdout and
    datapackage.json are UTF-8 bytes on every machine; a stream already UTF-8 (a test's capture, a
    UTF-8 locale) is left as it is."""
    encoding = getattr(stream, "encoding", None)
    if encoding and codecs.lookup(encoding).name != "utf-8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    # The collector runs rarely for the run (pipeline.collect_rarely says why); as it was after.
    collecting, threshold = gc.isenabled(), gc.get_threshold()
    pipeline.collect_rarely()
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*threshold)
        if not collecting:
            gc.disable()


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    try:
        root = args.root.resolve() if args.root else pipeline.find_root(Path.cwd())
        if args.root and not (root / "schema" / "trial.schema.json").is_file():
            raise pipeline.UsageError(f"{args.root} is not the registry's root (no schema/trial.schema.json)")
        pipeline.check_folders(root)
        return COMMANDS[args.command](root, args)
    except pipeline.UsageError as exc:  # it may hold a name or revision as given: never printed raw
        print(f"trials: {printable(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `trials ... | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # no traceback for curators; TRIALS_DEBUG=1 shows it to developers
        if os.environ.get("TRIALS_DEBUG"):
            raise
        print(f"trials: internal error, please report it: {type(exc).__name__}: {printable(str(exc))}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
