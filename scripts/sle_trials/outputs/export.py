"""Export: the summary CSV, one row per trial, from the column definitions below.

The columns are defined once, here: the CSV, the data package that describes it (package.py writes
datapackage.json from COLUMNS) and the README's column tables all follow them. The CSV is UTF-8 with
LF line ends, rows sorted by nct_id, lists joined by LIST_SEPARATOR, and is written to a temporary
file that replaces the old one only when complete. Adding, removing, renaming or retyping a column
changes the data package's version: see package.py and schema/columns.lock.json.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sle_trials.problem import Check, Problem
from sle_trials.units import AGE_UNIT_DAYS, age_days

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E401", "stale-csv", "trials.csv or datapackage.json is not what the records generate"),
)


CSV_PATH = Path("trials.csv")
LIST_SEPARATOR = "|"
# OWASP CSV injection: a text cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = frozenset(("=", "+", "-", "@", "\t", "\r", "\n"))
# The cells that get a ' before them: a formula start, and a ' itself, so that the guard can be undone
# ('=X is written ''=X, not '=X as =X is): a reader drops exactly one leading ' when the next
# character is a ' or a formula start.
_GUARDED_START = _FORMULA_START | {"'"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, number, date (partial dates are strings)
    description: str
    get: Callable[[dict], Any]
    is_list: bool = False
    title: str = ""  # a short heading for the column (datapackage.json)
    # The record field the values come from, as a dotted path into schema/trial.schema.json (lists are
    # stepped through): package.py takes the column's vocabulary (enum), pattern, bounds and whether it
    # is required from there, so the data package never restates what the schema says.
    field: str | None = None


def _number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _years(age: dict | None) -> str:
    if not age:
        return ""
    return _number(age_days(age) / AGE_UNIT_DAYS["YEARS"])


@functools.lru_cache(maxsize=4096)  # doses recur (a handful of levels per product); equal numbers read alike
def _scientific(value: float) -> str:
    """1000000 -> 1×10^6; small numbers stay as they are."""
    if value < 1000:
        return _number(value)
    exponent = math.floor(math.log10(value))
    mantissa = round(value / 10**exponent, 4)
    if mantissa >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{_number(mantissa)}×10^{exponent}"


def dose_summary(data: dict) -> list[str]:
    out = []
    for arm in data.get("arms", []):
        for cohort in arm.get("cohorts", []):
            dose = cohort["dose"]
            text = f"{_scientific(dose['value'])} {dose['unit']}{'/kg' if dose['basis'] == 'PER_KG' else ''}"
            who = cohort.get("label") or (f"patients {cohort['patients']['first']}-{cohort['patients']['last']}" if "patients" in cohort else "")
            out.append(f"{who}: {text}" if who else text)
    return out


def _date(name: str) -> Callable[[dict], str]:
    return lambda d: d.get("dates", {}).get(name, {}).get("date", "")


def _thresholds(data: dict, kind: str) -> list[str]:
    return [f"{t['measure']} {t['comparator']} {_number(t['value'])}"
            for t in data.get("eligibility", {}).get("thresholds", []) if t["kind"] == kind]


COLUMNS: list[Column] = [
    Column("nct_id", "string", "ClinicalTrials.gov identifier (primary key).", lambda d: d["nct_id"],
           title="NCT ID", field="nct_id"),
    Column("brief_title", "string", "The trial's title as its source gives it.", lambda d: d["brief_title"],
           title="Brief title", field="brief_title"),
    Column("acronym", "string", "Acronym, when the source gives one.", lambda d: d.get("acronym", ""),
           title="Acronym", field="acronym"),
    Column("overall_status", "string", "Recruitment status (ClinicalTrials.gov vocabulary).", lambda d: d.get("overall_status", ""),
           title="Overall status", field="overall_status"),
    Column("phases", "string", "Phases, e.g. PHASE1|PHASE2; NA when not applicable.", lambda d: d.get("phases", []), True,
           title="Phases", field="phases"),
    Column("study_type", "string", "INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS.", lambda d: d.get("study_type", ""),
           title="Study type", field="study_type"),
    Column("start_date", "string", "Study start (YYYY, YYYY-MM or YYYY-MM-DD).", _date("start"),
           title="Start date", field="dates.start.date"),
    Column("primary_completion_date", "string", "Primary completion (partial date).", _date("primary_completion"),
           title="Primary completion date", field="dates.primary_completion.date"),
    Column("completion_date", "string", "Study completion (partial date).", _date("completion"),
           title="Completion date", field="dates.completion.date"),
    Column("enrollment", "integer", "Number of participants.", lambda d: d.get("enrollment", {}).get("count", ""),
           title="Enrollment", field="enrollment.count"),
    Column("enrollment_type", "string", "ACTUAL or ESTIMATED, when the source says.", lambda d: d.get("enrollment", {}).get("type", ""),
           title="Enrollment type", field="enrollment.type"),
    Column("sponsor", "string", "Lead sponsor.", lambda d: d.get("sponsor", {}).get("name", ""),
           title="Lead sponsor", field="sponsor.name"),
    Column("sponsor_class", "string", "Lead sponsor's class (INDUSTRY, OTHER, NIH, ...).", lambda d: d.get("sponsor", {}).get("class", ""),
           title="Lead sponsor class", field="sponsor.class"),
    Column("cell_product", "string", "The CAR-T cell product.", lambda d: d.get("cell_product", {}).get("name", ""),
           title="Cell product", field="cell_product.name"),
    Column("target_antigens", "string", "Antigens the CAR targets.", lambda d: d.get("cell_product", {}).get("target_antigens", []), True,
           title="Target antigens", field="cell_product.target_antigens"),
    Column("countries", "string", "Countries of the sites, in source order.",
           lambda d: list(dict.fromkeys(x["country"] for x in d.get("locations", []) if "country" in x)), True,
           title="Countries", field="locations.country"),
    Column("minimum_age_years", "number", "Minimum age in years.", lambda d: _years(d.get("eligibility", {}).get("minimum_age")),
           title="Minimum age (years)", field="eligibility.minimum_age.value"),
    Column("maximum_age_years", "number", "Maximum age in years.", lambda d: _years(d.get("eligibility", {}).get("maximum_age")),
           title="Maximum age (years)", field="eligibility.maximum_age.value"),
    Column("disease_activity_threshold", "string", "Disease-activity entry criteria, e.g. SLEDAI-2K >= 10.",
           lambda d: _thresholds(d, "DISEASE_ACTIVITY"), True,
           title="Disease-activity threshold"),
    Column("dose_summary", "string", "Doses by cohort, e.g. patients 1-3: 1×10^6 CAR-T cells/kg.", dose_summary, True,
           title="Dose summary"),
    Column("related_trials", "string", "NCT ids of trials the source lists as related.",
           lambda d: [r["nct_id"] for r in d.get("related_trials", [])], True,
           title="Related trials", field="related_trials.nct_id"),
    Column("curation_status", "string", "complete, draft or stub.", lambda d: d["curation"]["status"],
           title="Curation status", field="curation.status"),
    Column("sources", "string", "Source documents under seeds/.", lambda d: [s["file"] for s in d["curation"]["sources"]], True,
           title="Sources", field="curation.sources.file"),
    Column("source_as_of", "string", "The newest as-of date among the sources (partial date).",
           lambda d: max(s["as_of"] for s in d["curation"]["sources"]),
           title="Sources as of", field="curation.sources.as_of"),
]


def row(data: dict) -> list[str]:
    """One record's CSV cells. One loop with the cell rules inline: it runs for every record of a
    check (24 cells), where a call per cell cost half of the CSV line's time."""
    cells = []
    for get, is_list, kind in _PLAN:
        value = get(data)
        if is_list:
            value = LIST_SEPARATOR.join(map(str, value))
        elif kind == "integer" and type(value) is float and value.is_integer():
            value = int(value)  # JSON Schema counts 6.0 as an integer; the integer column must say 6
        text = value if type(value) is str else "" if value is None else str(value)
        if kind == "string" and text[:1] in _GUARDED_START:
            text = "'" + text  # OWASP: prefix a quote so no spreadsheet evaluates the cell
        cells.append(text)
    return cells


_PLAN = [(c.get, c.is_list, c.type) for c in COLUMNS]


def line(data: dict) -> str:
    """One record's CSV line (what a check keeps per record: a few hundred bytes)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row(data))
    return out.getvalue()


def header() -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([c.name for c in COLUMNS])
    return out.getvalue()


def render_lines(lines: Iterable[tuple[str, str]]) -> str:
    """The CSV from (nct_id, line) pairs, sorted by nct_id."""
    return header() + "".join(text for _, text in sorted(lines))


def render(records: list[dict]) -> str:
    return render_lines((data["nct_id"], line(data)) for data in records)


def stale(path: Path) -> Problem:
    """E401: a committed generated file (trials.csv, datapackage.json) is not what the records give."""
    return Problem(path.as_posix(), 0, 0, "E401", f"{path.as_posix()} is stale or missing; run: trials csv")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write text (or bytes) to path so that readers see the old file or the new one, never a part."""
    write_atomic_stream(path, [data] if isinstance(data, str) else [data])


def write_atomic_stream(path: Path, chunks: Iterable[str] | Iterable[bytes], *, durable: bool = True) -> None:
    """Write the chunks (text, or bytes), one after the other, to a temporary file beside path, then
    put it in path's place: readers see the old file or the new one, never a part. An exception while
    the chunks are produced leaves path as it was and no temporary file behind. durable=False skips
    the flush to disk (for a cache, which checks itself when read)."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        pieces: Iterator[str | bytes] = iter(chunks)
        first = next(pieces, "")
        with (os.fdopen(handle, "wb") if isinstance(first, bytes) else os.fdopen(handle, "w", encoding="utf-8", newline="")) as out:
            out.write(first)  # type: ignore[arg-type]  # str to a text file, bytes to a binary one
            for chunk in pieces:
                out.write(chunk)  # type: ignore[arg-type]
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
