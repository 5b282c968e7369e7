"""Export: the summary CSV, one row per trial, from the column definitions below.

The columns are defined once, here: the CSV, the data package that describes it (package.py writes
datapackage.json from COLUMNS) and the README's column tables all follow them. The CSV is UTF-8 with
LF line ends, rows sorted by nct_id, lists joined by LIST_SEPARATOR, and is written to a temporary
file that replaces the old one only when complete. Adding, removing, renaming or retyping a column
changes the data package's version: see package.py and schema/columns.lock.json.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sle_trials import command, decimals
from sle_trials.outputs import cells
from sle_trials.problem import Check, Problem
from sle_trials.units import AGE_UNIT_DAYS, age_days

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (Check("E401", "stale-csv", "trials.csv or datapackage.json is not what the records generate"),)


LIST_SEPARATOR = "|"
# OWASP CSV injection: a text cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = frozenset(("=", "+", "-", "@", "\t", "\r", "\n"))
# The cells that get a ' before them: a formula start, and a ' itself, so that the guard can be undone
# ('=X is written ''=X, not '=X as =X is): a reader drops exactly one leading ' when the next
# character is a ' or a formula start (guarded()).
_GUARDED_START = _FORMULA_START | {"'"}


def guarded(text: str) -> bool:
    """Whether a text cell gets the formula guard: its first character is a formula start or a ', as
    it is or as Unicode NFKC reads it. Apple Numbers reads a cell by its normalised text, so a
    full-width "＝" (U+FF1D), a small "﹢" (U+FE62) or a superscript "⁼" (U+207C) starts a formula
    there as "=" does (`＝2+2` shows 4; csv-stringify guards the full-width four, OWASP's testing
    guide lists them); a full-width apostrophe reads as the guard's own quote."""
    first = text[:1]
    if first in _GUARDED_START:
        return True
    return not first.isascii() and unicodedata.normalize("NFKC", first)[:1] in _GUARDED_START


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
    # The record field whose curation decides whether an empty cell is not yet curated (not_curated);
    # the field itself when not given.
    curated_as: str | None = None
    # The schema's x-applies-to of that field ({field: allowed values}): an empty cell of a field that
    # does not apply is neither silent nor not curated (tests/test_csv_columns.py holds it to the schema).
    applies_to: dict = dataclass_field(default_factory=dict)
    # The record field whose codes a derived column's items start with (lymphodepletion: the agent of
    # "FLUDARABINE 30 mg/m²/day"): the data package says what they mean, from the schema.
    codes: str | None = None
    # Constraints of a column no record field gives (a derived column): its pattern, lower bound,
    # whether every row has a value.
    pattern: str | None = None
    minimum: float | None = None
    required: bool = False
    bookkeeping: bool = False  # not_curated: worked out from the row's other cells

    @property
    def curated_field(self) -> str | None:
        return self.curated_as or self.field


def _years(age: dict | None) -> str:
    """An age limit in years: worked out from the record's unit (18 months is 1.5), so to two
    decimals at most (7 months is 0.58), where a value the record states is written whole; under a
    year, to two significant digits (2 weeks is 0.038): to two decimals, an age of a day or of 12
    hours read 0, no lower limit at all."""
    if not age:
        return ""
    years = age_days(age) / AGE_UNIT_DAYS["YEARS"]
    return decimals.plain(round(years, 2) if years >= 1 else float(f"{years:.2g}"))


def _scientific(value: float) -> str:
    """1000000 -> 1×10^6, 1234567 -> 1.234567×10^6 (every digit the record states); small numbers
    stay as they are."""
    if value < 1000:
        return decimals.plain(value)
    digits = Decimal(decimals.plain(value))
    exponent = digits.adjusted()
    return f"{decimals.plain(float(digits.scaleb(-exponent)))}×10^{exponent}"


def dose_summary(data: dict) -> list[str]:
    out = []
    for arm in data.get("arms", []):
        for cohort in arm.get("cohorts", []):
            dose = cohort["dose"]
            text = f"{_scientific(dose['value'])} {dose['unit']}{'/kg' if dose['basis'] == 'PER_KG' else ''}"
            who = cohort.get("label") or (
                f"patients {cohort['patients']['first']}-{cohort['patients']['last']}" if "patients" in cohort else ""
            )
            out.append(f"{who}: {text}" if who else text)
    return out


def _date(name: str) -> Callable[[dict], str]:
    return lambda d: d.get("dates", {}).get(name, {}).get("date", "")


def _date_type(name: str) -> Callable[[dict], str]:
    return lambda d: d.get("dates", {}).get(name, {}).get("type", "")


def _type_of(column: str, title: str, name: str) -> Column:
    """The column beside a date column that says whether the date is ACTUAL or ESTIMATED (the date
    struct's type), as enrollment_type does for enrollment."""
    return Column(
        f"{column}_type",
        "string",
        f"ACTUAL or ESTIMATED: whether {column} has happened or is anticipated, when the source says.",
        _date_type(name),
        title=f"{title} type",
        field=f"dates.{name}.type",
    )


_INTERVENTIONAL = {"study_type": ("INTERVENTIONAL",)}
_URL_PATTERN = "https://clinicaltrials\\.gov/study/NCT[0-9]{8}"
_DATE_PATTERN = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
_NAME_PATTERN = "[a-z_]+"
_AGENT_PATTERN = "(FLUDARABINE|CYCLOPHOSPHAMIDE|BENDAMUSTINE)( [^|]+)?"


def _thresholds(data: dict, kind: str) -> list[str]:
    return [
        f"{t['measure']} {t['comparator']} {decimals.plain(t['value'])}"
        for t in data.get("eligibility", {}).get("thresholds", [])
        if t["kind"] == kind
    ]


COLUMNS: list[Column] = [
    Column(
        "nct_id",
        "string",
        "ClinicalTrials.gov identifier (primary key).",
        lambda d: d["nct_id"],
        title="NCT ID",
        field="nct_id",
    ),
    Column(
        "brief_title",
        "string",
        "The trial's title as its source gives it.",
        lambda d: d["brief_title"],
        title="Brief title",
        field="brief_title",
    ),
    Column(
        "official_title",
        "string",
        "The registry's official (scientific) title, when the source gives it.",
        lambda d: d.get("official_title", ""),
        title="Official title",
        field="official_title",
    ),
    Column(
        "acronym",
        "string",
        "Acronym, when the source gives one.",
        lambda d: d.get("acronym", ""),
        title="Acronym",
        field="acronym",
    ),
    Column(
        "overall_status",
        "string",
        "Recruitment status (ClinicalTrials.gov vocabulary).",
        lambda d: d.get("overall_status", ""),
        title="Overall status",
        field="overall_status",
    ),
    Column(
        "phases",
        "string",
        "Phases, e.g. PHASE1|PHASE2; NA when not applicable.",
        lambda d: d.get("phases", []),
        True,
        title="Phases",
        field="phases",
    ),
    Column(
        "study_type",
        "string",
        "INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS.",
        lambda d: d.get("study_type", ""),
        title="Study type",
        field="study_type",
    ),
    Column(
        "allocation",
        "string",
        "RANDOMIZED, NON_RANDOMIZED or NA (interventional studies).",
        lambda d: d.get("design", {}).get("allocation", ""),
        title="Allocation",
        field="design.allocation",
        applies_to=_INTERVENTIONAL,
    ),
    Column(
        "intervention_model",
        "string",
        "SINGLE_GROUP, PARALLEL, ... (interventional studies).",
        lambda d: d.get("design", {}).get("intervention_model", ""),
        title="Intervention model",
        field="design.intervention_model",
        applies_to=_INTERVENTIONAL,
    ),
    Column(
        "masking",
        "string",
        "Who is masked (blinded) to the intervention given (interventional studies).",
        lambda d: d.get("design", {}).get("masking", ""),
        title="Masking",
        field="design.masking",
        applies_to=_INTERVENTIONAL,
    ),
    Column(
        "primary_purpose",
        "string",
        "TREATMENT, PREVENTION, ... (interventional studies).",
        lambda d: d.get("design", {}).get("primary_purpose", ""),
        title="Primary purpose",
        field="design.primary_purpose",
        applies_to=_INTERVENTIONAL,
    ),
    Column(
        "conditions",
        "string",
        "Conditions studied, as the source lists them.",
        lambda d: d.get("conditions", []),
        True,
        title="Conditions",
        field="conditions",
    ),
    Column(
        "interventions",
        "string",
        "Names of the interventions, as the source gives them.",
        lambda d: [i["name"] for i in d.get("interventions", []) if "name" in i],
        True,
        title="Interventions",
        field="interventions.name",
    ),
    Column(
        "start_date",
        "string",
        "Study start (YYYY, YYYY-MM or YYYY-MM-DD).",
        _date("start"),
        title="Start date",
        field="dates.start.date",
    ),
    _type_of("start_date", "Start date", "start"),
    Column(
        "primary_completion_date",
        "string",
        "Primary completion (partial date).",
        _date("primary_completion"),
        title="Primary completion date",
        field="dates.primary_completion.date",
    ),
    _type_of("primary_completion_date", "Primary completion date", "primary_completion"),
    Column(
        "completion_date",
        "string",
        "Study completion (partial date).",
        _date("completion"),
        title="Completion date",
        field="dates.completion.date",
    ),
    _type_of("completion_date", "Completion date", "completion"),
    Column(
        "first_posted",
        "string",
        "First posted on the registry (partial date).",
        _date("first_posted"),
        title="First posted",
        field="dates.first_posted.date",
    ),
    _type_of("first_posted", "First posted", "first_posted"),
    Column(
        "last_update_posted",
        "string",
        "Last update posted on the registry (partial date): the trial's own date, never a source's as-of date.",
        _date("last_updated"),
        title="Last update posted",
        field="dates.last_updated.date",
    ),
    _type_of("last_update_posted", "Last update posted", "last_updated"),
    Column(
        "launch_date",
        "string",
        "The date a source calls the trial's launch without saying which registry "
        "date it is "
        "(ClinConnect's 'Launched by ... · date'); for a trial with no registry date, the date to sort by.",
        _date("launched"),
        title="Launch date",
        field="dates.launched.date",
    ),
    _type_of("launch_date", "Launch date", "launched"),
    Column(
        "enrollment",
        "integer",
        "Number of participants.",
        lambda d: d.get("enrollment", {}).get("count", ""),
        title="Enrollment",
        field="enrollment.count",
    ),
    Column(
        "enrollment_type",
        "string",
        "ACTUAL or ESTIMATED, when the source says.",
        lambda d: d.get("enrollment", {}).get("type", ""),
        title="Enrollment type",
        field="enrollment.type",
    ),
    Column(
        "sponsor",
        "string",
        "Lead sponsor.",
        lambda d: d.get("sponsor", {}).get("name", ""),
        title="Lead sponsor",
        field="sponsor.name",
    ),
    Column(
        "sponsor_class",
        "string",
        "Lead sponsor's class (INDUSTRY, OTHER, NIH, ...).",
        lambda d: d.get("sponsor", {}).get("class", ""),
        title="Lead sponsor class",
        field="sponsor.class",
    ),
    Column(
        "cell_product",
        "string",
        "The CAR-T cell product.",
        lambda d: d.get("cell_product", {}).get("name", ""),
        title="Cell product",
        field="cell_product.name",
    ),
    Column(
        "target_antigens",
        "string",
        "Antigens the CAR targets.",
        lambda d: d.get("cell_product", {}).get("target_antigens", []),
        True,
        title="Target antigens",
        field="cell_product.target_antigens",
    ),
    Column(
        "product_origin",
        "string",
        "Whose cells the product is made from, when the source says.",
        lambda d: d.get("cell_product", {}).get("origin", ""),
        title="Product origin",
        field="cell_product.origin",
    ),
    Column(
        "car_generation",
        "string",
        "The CAR's generation, when the source states it.",
        lambda d: d.get("cell_product", {}).get("construct", {}).get("generation", ""),
        title="CAR generation",
        field="cell_product.construct.generation",
    ),
    Column(
        "costimulatory_domains",
        "string",
        "The CAR's co-stimulatory domains (CD28, 4-1BB, ...), when the source states them.",
        lambda d: d.get("cell_product", {}).get("construct", {}).get("costimulatory_domains", []),
        True,
        title="Co-stimulatory domains",
        field="cell_product.construct.costimulatory_domains",
    ),
    Column(
        "manufacturing",
        "string",
        "FAST or UNIVERSAL manufacturing, when the source says.",
        lambda d: d.get("cell_product", {}).get("construct", {}).get("manufacturing", ""),
        title="Manufacturing",
        field="cell_product.construct.manufacturing",
    ),
    Column(
        "lymphodepletion",
        "string",
        "The lymphodepleting agents, each with its dose when stated, e.g. FLUDARABINE 30 mg/m²/day.",
        cells.lymphodepletion,
        True,
        title="Lymphodepletion",
        curated_as="lymphodepletion",
        pattern=_AGENT_PATTERN,
        codes="lymphodepletion.agents.agent",
    ),
    Column(
        "countries",
        "string",
        "Countries of the sites, in source order.",
        lambda d: list(dict.fromkeys(x["country"] for x in d.get("locations", []) if "country" in x)),
        True,
        title="Countries",
        field="locations.country",
    ),
    Column(
        "cities",
        "string",
        "Cities of the sites, in source order, each once.",
        lambda d: cells.unique(x["city"] for x in d.get("locations", []) if "city" in x),
        True,
        title="Cities",
        field="locations.city",
    ),
    Column(
        "site_count",
        "integer",
        "Number of sites the sources list.",
        lambda d: len(d["locations"]) if "locations" in d else "",
        title="Site count",
        curated_as="locations",
        minimum=0,
    ),
    Column(
        "minimum_age_years",
        "number",
        "Minimum age in years.",
        lambda d: _years(d.get("eligibility", {}).get("minimum_age")),
        title="Minimum age (years)",
        field="eligibility.minimum_age.value",
    ),
    Column(
        "maximum_age_years",
        "number",
        "Maximum age in years.",
        lambda d: _years(d.get("eligibility", {}).get("maximum_age")),
        title="Maximum age (years)",
        field="eligibility.maximum_age.value",
    ),
    Column(
        "sex",
        "string",
        "Sex of participants: ALL, FEMALE or MALE.",
        lambda d: d.get("eligibility", {}).get("sex", ""),
        title="Sex",
        field="eligibility.sex",
    ),
    Column(
        "healthy_volunteers",
        "boolean",
        "Whether healthy volunteers are accepted: true or false.",
        lambda d: d.get("eligibility", {}).get("healthy_volunteers", ""),
        title="Healthy volunteers",
        field="eligibility.healthy_volunteers",
    ),
    Column(
        "lupus_nephritis",
        "string",
        "Whether the trial enrols patients with lupus nephritis, as a criterion states it.",
        lambda d: d.get("eligibility", {}).get("lupus_nephritis", {}).get("scope", ""),
        title="Lupus nephritis",
        field="eligibility.lupus_nephritis.scope",
    ),
    Column(
        "classification_criteria",
        "string",
        "The classification criteria an SLE diagnosis must meet (any of them): "
        "ACR_1982, ACR_1997, SLICC_2012, EULAR_ACR_2019.",
        lambda d: d.get("eligibility", {}).get("classification_criteria", {}).get("systems", []),
        True,
        title="Classification criteria",
        field="eligibility.classification_criteria.systems",
    ),
    Column(
        "autoantibodies",
        "string",
        "Autoantibodies a criterion requires (ANA, ANTI_DSDNA, ANTI_SM, ...); "
        "autoantibodies_match says whether any or all.",
        lambda d: d.get("eligibility", {}).get("autoantibodies", {}).get("antibodies", []),
        True,
        title="Required autoantibodies",
        field="eligibility.autoantibodies.antibodies",
    ),
    Column(
        "autoantibodies_match",
        "string",
        "Whether any or all of the autoantibodies are required, when the source says.",
        lambda d: d.get("eligibility", {}).get("autoantibodies", {}).get("match", ""),
        title="Autoantibodies match",
        field="eligibility.autoantibodies.match",
    ),
    Column(
        "refractory",
        "boolean",
        "true when a criterion requires refractory disease (in those words).",
        lambda d: d.get("eligibility", {}).get("prior_therapy", {}).get("refractory", ""),
        title="Refractory",
        field="eligibility.prior_therapy.refractory",
    ),
    Column(
        "prior_therapy",
        "string",
        "The therapies a criterion says the disease stayed active after, in its words.",
        lambda d: d.get("eligibility", {}).get("prior_therapy", {}).get("therapies", []),
        True,
        title="Prior therapy",
        field="eligibility.prior_therapy.therapies",
    ),
    Column(
        "disease_activity_threshold",
        "string",
        "Disease-activity entry criteria, e.g. SLEDAI-2K >= 10.",
        lambda d: _thresholds(d, "DISEASE_ACTIVITY"),
        True,
        title="Disease-activity threshold",
        curated_as="eligibility.thresholds",
    ),
    Column(
        "disease_activity_measure",
        "string",
        "The instrument of the disease-activity entry threshold (the first "
        "inclusion threshold of that kind that always applies), e.g. SLEDAI-2K.",
        cells.disease_activity_part("measure"),
        title="Disease-activity measure",
        curated_as="eligibility.thresholds",
        field="eligibility.thresholds.measure",
    ),
    Column(
        "disease_activity_comparator",
        "string",
        "Its comparator: >=, >, <=, < or =.",
        cells.disease_activity_part("comparator"),
        title="Disease-activity comparator",
        curated_as="eligibility.thresholds",
        field="eligibility.thresholds.comparator",
    ),
    Column(
        "disease_activity_value",
        "number",
        "Its value, in points of the measure.",
        cells.disease_activity_part("value"),
        title="Disease-activity value",
        curated_as="eligibility.thresholds",
        field="eligibility.thresholds.value",
    ),
    Column(
        "dose_summary",
        "string",
        "Doses by cohort, e.g. patients 1-3: 1×10^6 CAR-T cells/kg.",
        dose_summary,
        True,
        title="Dose summary",
        curated_as="arms.cohorts",
    ),
    Column(
        "dose_low_value",
        "number",
        "The lowest cohort's dose (by value when every cohort shares a unit and basis; "
        "else the first cohort in order of enrolment).",
        cells.dose_part(0, "value"),
        title="Lowest dose",
        curated_as="arms.cohorts",
        field="arms.cohorts.dose.value",
    ),
    Column(
        "dose_low_unit",
        "string",
        "What the lowest dose counts, e.g. CAR-T cells.",
        cells.dose_part(0, "unit"),
        title="Lowest dose unit",
        curated_as="arms.cohorts",
        field="arms.cohorts.dose.unit",
    ),
    Column(
        "dose_low_basis",
        "string",
        "The basis of the lowest dose.",
        cells.dose_part(0, "basis"),
        title="Lowest dose basis",
        curated_as="arms.cohorts",
        field="arms.cohorts.dose.basis",
    ),
    Column(
        "dose_high_value",
        "number",
        "The highest cohort's dose (by value when every cohort shares a unit "
        "and basis; "
        "else the last cohort in order of enrolment).",
        cells.dose_part(1, "value"),
        title="Highest dose",
        curated_as="arms.cohorts",
        field="arms.cohorts.dose.value",
    ),
    Column(
        "dose_high_unit",
        "string",
        "What the highest dose counts.",
        cells.dose_part(1, "unit"),
        title="Highest dose unit",
        curated_as="arms.cohorts",
        field="arms.cohorts.dose.unit",
    ),
    Column(
        "dose_high_basis",
        "string",
        "The basis of the highest dose.",
        cells.dose_part(1, "basis"),
        title="Highest dose basis",
        curated_as="arms.cohorts",
        field="arms.cohorts.dose.basis",
    ),
    Column(
        "primary_outcomes",
        "string",
        "Primary outcome measures, each with its time frame: measure (time frame: ...).",
        cells.outcomes("primary"),
        True,
        title="Primary outcomes",
        curated_as="outcomes.primary",
    ),
    Column(
        "secondary_outcomes",
        "string",
        "Secondary outcome measures, each with its time frame.",
        cells.outcomes("secondary"),
        True,
        title="Secondary outcomes",
        curated_as="outcomes.secondary",
    ),
    Column(
        "related_trials",
        "string",
        "NCT ids of trials the source lists as related.",
        lambda d: [r["nct_id"] for r in d.get("related_trials", [])],
        True,
        title="Related trials",
        field="related_trials.nct_id",
    ),
    Column(
        "registry_url",
        "string",
        "The trial's page on ClinicalTrials.gov (made from nct_id, not from a source).",
        lambda d: cells.REGISTRY_URL + d["nct_id"],
        title="Registry URL",
        pattern=_URL_PATTERN,
        required=True,
    ),
    Column(
        "curation_status",
        "string",
        "complete, draft or stub. complete: every item the trial's sources list (criteria, arms, sites, "
        "outcomes, ...) is in the record whole, and every value is quoted from them; a column it has not "
        "curated yet is still empty and named in not_curated, so rows with nothing left to curate are "
        "those whose not_curated is empty. draft: curated in part, or imported and not yet reviewed. "
        "stub: only another trial's source's words of it (its id and title).",
        lambda d: d["curation"]["status"],
        title="Curation status",
        field="curation.status",
    ),
    Column(
        "out_of_scope",
        "string",
        "Empty for a trial in the registry's scope, whose titles, conditions, keywords, interventions, arms or "
        "cell product show lupus or a CAR-T or related cell therapy. Otherwise the curator's reason for holding "
        "it (their words, not a source's): leave out the rows that have one to count the CAR-T trials in lupus.",
        lambda d: d["curation"].get("out_of_scope", ""),
        title="Out of scope, held because",
        field="curation.out_of_scope",
    ),
    Column(
        "sources",
        "string",
        "Source documents under seeds/.",
        lambda d: [s["file"] for s in d["curation"]["sources"]],
        True,
        title="Sources",
        field="curation.sources.file",
    ),
    Column(
        "source_as_of",
        "string",
        "The newest as-of date among the sources (partial date).",
        lambda d: max(s["as_of"] for s in d["curation"]["sources"]),
        title="Sources as of",
        field="curation.sources.as_of",
    ),
    Column(
        "trial_as_of",
        "string",
        "The newest as-of date of the sources about this trial (partial date). Empty for a "
        "stub: its only source is another trial's page listing it, and that page's date (source_as_of) is not this "
        "trial's.",
        lambda d: "" if d["curation"]["status"] == "stub" else max(s["as_of"] for s in d["curation"]["sources"]),
        title="Trial as of",
        pattern=_DATE_PATTERN,
    ),
    Column(
        "not_curated",
        "string",
        "The columns of this row that are empty because they are not yet curated (a stub's empty columns: all "
        "but trial_as_of, which does not apply to a stub, and all but out_of_scope, empty for a trial in scope); "
        "any other empty cell "
        "means the sources do not state it, or that it does not apply.",
        lambda d: not_curated(d),
        True,
        title="Not yet curated",
        pattern=_NAME_PATTERN,
        bookkeeping=True,
    ),
]


def row(data: dict) -> list[str]:
    """One record's CSV cells. One loop with the cell rules inline: it runs for every record of a
    check, where a call per cell cost half of the CSV line's time. not_curated comes last, from the
    cells that came out empty."""
    out, empty = _cells(data)
    out[_NOT_CURATED] = LIST_SEPARATOR.join(cells.not_curated(data, _CURATED, empty))
    return out


def not_curated(data: dict) -> list[str]:
    """The not_curated column's items for one record, worked out on their own (row() reuses its cells)."""
    return cells.not_curated(data, _CURATED, _cells(data)[1])


def _cells(data: dict) -> tuple[list[str], set[str]]:
    """Every cell but not_curated's (left empty), and the names of the empty ones."""
    out = []
    empty = set()
    for name, get, is_list, kind, bookkeeping in _PLAN:
        if bookkeeping:
            out.append("")
            continue
        value = get(data)
        # A cell is guarded unless the record holds a number or a boolean there: by the value, not by
        # the column's type, since the schema that says what a column holds is a pull request's to change.
        numeric = type(value) in (bool, int, float)
        if is_list:
            value = LIST_SEPARATOR.join(map(str, value))
        elif type(value) is bool:
            value = "true" if value else "false"  # Table Schema's boolean, as JSON writes it
        elif kind == "integer" and type(value) is float and value.is_integer():
            value = int(value)  # JSON Schema counts 6.0 as an integer; the integer column must say 6
        elif kind == "number" and type(value) in (int, float):
            value = decimals.plain(value)  # the record's number, every digit of it
        text = value if type(value) is str else "" if value is None else str(value)
        # (a number column's own text, an age in years worked out, is a number, never a formula)
        if guarded(text) and not numeric and not (kind != "string" and decimals.PLAIN.fullmatch(text)):
            text = "'" + text  # OWASP: prefix a quote so no spreadsheet evaluates the cell
        if not text:
            empty.add(name)
        out.append(text)
    return out, empty


_PLAN = [(c.name, c.get, c.is_list, c.type, c.bookkeeping) for c in COLUMNS]
_NOT_CURATED = next(i for i, c in enumerate(COLUMNS) if c.bookkeeping)
# (column, the record field its curation is read from, its x-applies-to) of the columns read from a field
# of the trial: the curation's own fields are the curator's, never waiting to be curated (an empty
# out_of_scope cell is a trial in scope)
_CURATED = [
    (c.name, c.curated_field, c.applies_to)
    for c in COLUMNS
    if c.curated_field and not c.bookkeeping and not c.curated_field.startswith("curation.")
]


def unguard(text: str) -> str:
    """A text cell's value: the formula guard undone (one leading ' dropped before a guarded start)."""
    return text[1:] if text[:1] == "'" and guarded(text[1:]) else text


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
    return Problem(path.as_posix(), 0, 0, "E401", f"{path.as_posix()} is stale or missing; run: {command.run('csv')}")


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
        with (
            os.fdopen(handle, "wb")
            if isinstance(first, bytes)
            else os.fdopen(handle, "w", encoding="utf-8", newline="")
        ) as out:
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
