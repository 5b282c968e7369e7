"""Drift: `trials drift [NCT…]`, what ClinicalTrials.gov changed since each record's source was read.

Trials change status, enrollment and dates every few months; a registry copied by hand goes stale
silently. For every record (or the named ones) the current study is fetched from the API v2
(ctgov/fetch.py), imported as `trials import` would (ctgov.to_record, nothing written), and compared
field by field (FIELDS: status, last known status, why stopped, enrollment count and type, dates
with ACTUAL or ESTIMATED, phases, last update posted, results posted) with what the record's source
said:

- a record that cites a ClinicalTrials.gov JSON (REGISTRY_JSON): the newest such source under
  seeds/, imported again (update.base_draft, the base of an --update), so a field the curator
  edited since is not drift; a field the registry now states that it did not is;
- a record curated from other sources (a registry copy, a trial finder's page): the record's own
  values, for the fields it holds (a field its source was silent on is not drift), and the last
  update posted against the newest source's as-of date.

The report is text, markdown (a pull-request or issue body, every value escaped) or JSON, in the
order of the ids; exit status 0 when nothing drifted, 1 when something did, or a trial is unknown to
the registry, or could not be checked; 2 for a usage error. A trial the registry does not know is
reported and the run goes on; when the API cannot be reached at all the run stops, naming the trials
left unchecked. `--apply` then runs `trials import ctgov --update` with the fetched study for each
trial that drifted (each its own transaction: a conflict is reported and the others go on).
A progress bar (tqdm) is shown on a terminal only, never into a pipe or a file.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sle_trials import command, fields, paths
from sle_trials.checks import load
from sle_trials.curate import ctgov, importing, update
from sle_trials.curate.changes import Change, describe, markdown_code, markdown_text, phrase, phrases
from sle_trials.engine import pipeline
from sle_trials.paths import TRIALS_DIR
from sle_trials.patterns import lazy

FORMATS = ("text", "markdown", "json")
# What a registry changes as a trial runs, in the record's order.
FIELDS: tuple[tuple[str, ...], ...] = (
    ("overall_status",),
    ("last_known_status",),
    ("why_stopped",),
    ("dates", "start"),
    ("dates", "primary_completion"),
    ("dates", "completion"),
    ("dates", "last_updated"),
    ("results_posted",),
    ("phases",),
    ("enrollment",),
)
_NCT = lazy(r"NCT[0-9]{8}\Z")
_FETCHED = "seeds/fetched.json"  # the source an in-memory import cites; never written


@dataclass
class Trial:
    """One trial's drift: status drift, same, unknown (the registry does not know it) or unchecked."""

    nct_id: str
    status: str
    source: str | None = None  # the source compared with
    as_of: str | None = None  # its as-of date
    changes: list[Change] = field(default_factory=list)
    message: str = ""  # why unknown or unchecked
    fetched: bytes | None = field(default=None, repr=False)  # the study as fetched, for --apply

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "nct_id": self.nct_id,
            "status": self.status,
            "source": self.source,
            "as_of": self.as_of,
            "changes": [{k: v for k, v in vars(c).items() if v is not None} for c in self.changes],
        }
        if self.message:
            out["message"] = self.message
        return out


def _project(data: dict, only: set[tuple] | None = None) -> dict:
    """The FIELDS of a record as a nested dict (only those in only, when given)."""
    out: dict = {}
    for path in FIELDS:
        if only is not None and path not in only:
            continue
        has, value = fields.get(data, path)
        if has:
            node = out
            for part in path[:-1]:
                node = node.setdefault(part, {})
            node[path[-1]] = value
    return out


def compare(root: Path, record: dict, current: dict, schema: dict) -> Trial:
    """The drift of one record against the current study (imported, as data)."""
    nct = record["nct_id"]
    sources = record["curation"]["sources"]
    base = update.base_draft(root, record, schema)  # BadInput when its JSON cannot be read
    if base is not None:
        source = max(((str(s.get("as_of", "")), i, s) for i, s in enumerate(sources) if s.get("kind") == ctgov.KIND))[2]
        drifted = describe(_project(base.data), _project(current))
        return Trial(nct, "drift" if drifted else "same", source["file"], source["as_of"], drifted)
    newest = max(sources, key=lambda s: str(s.get("as_of", "")))
    held = {p for p in FIELDS if fields.get(record, p)[0]}
    theirs = _project(current, held)
    for path in held:  # of a date or a count, only what the record holds: its source may not have said ACTUAL
        ours_value, now = fields.get(record, path)[1], fields.get(theirs, path)
        if isinstance(ours_value, dict) and now[0] and isinstance(now[1], dict):
            for key in [k for k in now[1] if k not in ours_value]:
                del now[1][key]
    drifted = describe(_project(record, held), theirs)
    posted = fields.get(current, ("dates", "last_updated", "date"))[1]
    if ("dates", "last_updated") not in held and isinstance(posted, str) and posted > str(newest["as_of"]):
        drifted.append(
            Change("dates.last_updated", "summary", text=f"{posted}, after the source's as-of date {newest['as_of']}")
        )
    return Trial(nct, "drift" if drifted else "same", newest["file"], newest["as_of"], drifted)


def _ids(root: Path, named: list[str]) -> list[str]:
    """The trials to check: the named ones (each must have a record), else every record."""
    for nct in named:
        if not _NCT.match(nct):
            meant = ctgov.meant_id(nct)  # as `trials import` says it
            hint = f"; {meant}" if meant and meant.startswith("did") else ""
            raise pipeline.UsageError(f"{nct!r} is not an NCT id (NCT followed by 8 digits){hint}")
        if not (root / TRIALS_DIR / f"{nct}.yaml").is_file():
            first = command.run("import", "ctgov", nct)
            raise pipeline.UsageError(f"there is no {TRIALS_DIR.as_posix()}/{nct}.yaml; import it first: {first}")
    if named:
        return list(dict.fromkeys(named))
    return sorted(Path(p).stem for p in pipeline.trial_paths(root) if _NCT.match(Path(p).stem) and p.endswith(".yaml"))


def progress(total: int, stream: TextIO) -> Any:
    """A progress bar on a terminal; nothing when stream is a pipe or a file."""
    tqdm = importing.fetch_extra("tqdm").tqdm

    return tqdm(total=total, unit="trial", desc="drift", file=stream, disable=not stream.isatty(), leave=False)


def check(root: Path, named: list[str], err: TextIO) -> list[Trial]:
    """Fetch and compare each trial, in order."""
    fetch = importing.fetcher()
    try:
        settings = fetch.Settings.from_env()
    except ValueError as exc:
        raise pipeline.UsageError(str(exc)) from None
    ids = _ids(root, named)
    schema = paths.load_schema(root)
    out: list[Trial] = []
    asking = [""]  # the trial being fetched, for the line that says a try of it failed

    def say(line: str) -> None:
        """Each failed try said as it happens, as `trials import` says it: a weekly run against an API
        that answered 503 waited through minutes of retries in silence. Through the bar, so that a
        terminal's bar is redrawn below the line."""
        bar.write(f"trials drift: {settings.study_url(asking[0])}: {line}", file=err)

    with progress(len(ids), err) as bar, fetch.Client(settings, say) as client:
        for n, nct in enumerate(ids):
            asking[0] = nct
            bar.set_postfix_str(nct, refresh=False)
            try:
                out.append(_one(root, client, nct, schema))
            except fetch.Unreachable as exc:
                out.append(Trial(nct, "unchecked", message=str(exc)))
                if exc.offline:  # no other trial can be fetched either
                    out += [
                        Trial(rest, "unchecked", message="the registry could not be reached") for rest in ids[n + 1 :]
                    ]
                    break
            bar.update()
    return out


def _one(root: Path, client: Any, nct: str, schema: dict) -> Trial:
    from sle_trials.curate.ctgov import fetch

    shown = f"{TRIALS_DIR.as_posix()}/{nct}.yaml"
    record, problems = load.load(root / shown, shown)
    if record is None or problems:
        first = problems[0] if problems else None
        code = first.code if first else "?"
        return Trial(nct, "unchecked", message=f"{shown} cannot be read ({code}); run {command.run('validate')}")
    try:
        raw = client.study(nct, update=True)  # what drifted is applied to the record by an update
    except fetch.NotFound as exc:
        return Trial(nct, "unknown", message=str(exc))
    try:
        studies = ctgov.read_studies(raw, f"{nct} ({client.settings.study_url(nct)})", saved=False)
        study = next((s for s in studies if ctgov.nct_id(s) == nct), None)
        if study is None:
            return Trial(nct, "unknown", message=f"the registry answered {nct} with study {ctgov.nct_id(studies[0])}")
        current = ctgov.fitted(study, _FETCHED, schema).data
        trial = compare(root, record.data, current, schema)
    except ctgov.BadInput as exc:
        return Trial(nct, "unchecked", message=str(exc))
    trial.fetched = raw
    return trial


def render(trials: list[Trial], fmt: str, out: TextIO) -> None:
    drifted = [t for t in trials if t.status == "drift"]
    unknown = [t for t in trials if t.status == "unknown"]
    unchecked = [t for t in trials if t.status == "unchecked"]
    # "N of M": a trial the registry could not be reached for is one of those asked, not one checked
    summary = (
        f"{len(trials) - len(unchecked)} of {len(trials)} trial{'s' * (len(trials) != 1)} "
        "checked against ClinicalTrials.gov: "
        f"{len(drifted)} changed "
        f"since their source, {len(unknown)} unknown to the registry, {len(unchecked)} not checked"
    )
    if fmt == "json":
        json.dump(
            {
                "checked": len(trials) - len(unchecked),
                "asked": len(trials),
                "drifted": len(drifted),
                "unknown": len(unknown),
                "unchecked": len(unchecked),
                "trials": [t.as_json() for t in trials],
            },
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
        return
    if fmt == "markdown":
        out.write("## Drift from ClinicalTrials.gov\n\n" + markdown_text(summary) + ".\n\n")
        for t in drifted:
            out.write(f"- **{t.nct_id}** (since {markdown_code(t.source)}, as of {markdown_code(t.as_of)})\n")
            out.writelines(f"  - {phrase(c, markdown=True)}\n" for c in t.changes)
        for t in unknown + unchecked:
            what = "unknown to the registry" if t.status == "unknown" else "not checked"
            out.write(f"- **{t.nct_id}**: {what}: {markdown_text(t.message)}\n")
        if drifted:
            out.write(f"\nTo apply: `{command.run('drift', '--apply', *(t.nct_id for t in drifted))}`, then review.\n")
        return
    for t in drifted:
        out.write(f"{t.nct_id}: " + "; ".join(phrases(t.changes)) + f" (since {t.source}, as of {t.as_of})\n")
    for t in unknown + unchecked:
        out.write(f"{t.nct_id}: {'unknown to the registry' if t.status == 'unknown' else 'not checked'}: {t.message}\n")
    out.write(summary + "\n")


def apply(root: Path, trials: list[Trial], fmt: str, err: TextIO, *, use_cache: bool = True) -> int:
    """`trials import ctgov --update` with each drifted trial's fetched study (with --no-cache when
    use_cache is False); the worst status."""
    worst = 0
    for t in trials:
        if t.status != "drift" or t.fetched is None:
            continue
        print(f"trials drift: applying {t.nct_id}", file=err)
        # what the import prints goes with the messages, so that the report on standard output stays whole
        status = importing.run_raw(
            root,
            t.fetched,
            f"{t.nct_id} (fetched)",
            importing.Options(update_existing=True, fmt_name="text" if fmt == "markdown" else fmt, use_cache=use_cache),
            out=err,
            err=err,
        )
        worst = max(worst, status)
    return worst


def run(
    root: Path,
    named: list[str],
    fmt: str,
    apply_changes: bool,
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    use_cache: bool = True,
) -> int:
    """0 nothing drifted; 1 drift (or a trial unknown or not checked); with --apply, 0 when every
    drift was applied and every trial checked. use_cache: False for --no-cache (apply's imports)."""
    out, err = out or sys.stdout, err or sys.stderr
    trials = check(root, named, err)
    render(trials, fmt, out)
    found = any(t.status != "same" for t in trials)
    if not apply_changes:
        return 1 if found else 0
    applied = apply(root, trials, fmt, err, use_cache=use_cache)
    return 1 if applied or any(t.status in ("unknown", "unchecked") for t in trials) else 0
