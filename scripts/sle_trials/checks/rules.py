"""Rules: checks on one schema-valid record that a JSON Schema cannot express."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from pathlib import Path

from sle_trials import fields, files
from sle_trials.checks import sources
from sle_trials.checks.load import Record
from sle_trials.dates import in_calendar
from sle_trials.fields import dotted
from sle_trials.paths import SEEDS_DIR
from sle_trials.problem import Check, Problem
from sle_trials.reading import in_scope
from sle_trials.units import MAX_AGE_DAYS, age_days

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check("E101", "file-name-mismatch", "the file name is not the record's nct_id"),
    Check("E103", "impossible-date", "a date that does not exist in the calendar (2023-02-30)"),
    Check("E104", "age-range-inverted", "minimum age above maximum age"),
    Check(
        "E105",
        "dates-out-of-order",
        "dates out of order (start after completion, first posted after last updated, ...), or a date of what "
        "has been recorded (submitted, posted, updated, launched) after the newest source's as-of date",
    ),
    Check("E106", "duplicate-criterion", "the same criterion (text or number) twice in one list"),
    Check("E107", "cohort-overlap", "cohorts whose patient ranges overlap, or a range that runs backwards"),
    Check(
        "E108",
        "missing-source",
        (
            "a cited source file does not exist under seeds/, is not a plain file, is one the check does not read "
            "(over the size limit, unreadable), or is the manifest seeds/SHA256SUMS"
        ),
    ),
    Check(
        "E109",
        "unknown-criterion",
        (
            "a threshold, nephritis scope, classification, antibody or prior-therapy requirement points at "
            "a criterion the list does not have, or at a number that sub-headings share without its group"
        ),
    ),
    Check("E110", "unknown-intervention", "an arm names an intervention the record does not list"),
    Check("E111", "age-beyond-150-years", "an age limit above 150 years, in whatever unit it is given (1,801 months)"),
    Check("E112", "name-twice", "two interventions with one name, or two arms with one label: an arm names them by it"),
    Check(
        "E113",
        "threshold-twice",
        "two thresholds of one criterion that state one limit (measure, comparator, value and unit) of one kind, "
        "or that are bound to one statement of its text, whatever words each gives it ('mg/d' of 'mg/day', "
        "'prednisone' of 'prednisone (or equivalent dose)')",
    ),
    Check(
        "E114",
        "out-of-scope",
        (
            "a record whose titles, conditions, keywords, interventions, arms and cell product show neither lupus "
            "nor a CAR-T or related cell therapy, without curation.out_of_scope saying why the registry holds it, "
            "or one they show in scope with it"
        ),
    ),
)


# The eligibility fields read from one criterion they name (schema x-bind: criterion), besides thresholds.
CRITERION_PLACED = ("lupus_nephritis", "classification_criteria", "autoantibodies", "prior_therapy")

# Registry dates in the order they must fall; each pair is checked where both are present.
DATE_ORDER = [
    ("start", "primary_completion"),
    ("primary_completion", "completion"),
    ("start", "completion"),
    ("first_submitted", "last_updated"),
    ("first_submitted", "first_posted"),
    ("first_posted", "last_updated"),
]
# Dates of what a registry or a page has recorded (a submission, a posting, an update, a launch): none
# falls after the newest source's as-of date, the day the source was read.
RECORDED = ("first_submitted", "first_posted", "last_updated", "launched")


def _dates(data: dict) -> Iterator[tuple[tuple, str]]:
    for name, struct in data.get("dates", {}).items():
        yield ("dates", name, "date"), struct["date"]
    for i, source in enumerate(data["curation"]["sources"]):
        yield ("curation", "sources", i, "as_of"), source["as_of"]


def _before(a: str, b: str) -> bool:
    """Whether partial date a is certainly after b (compared at the precision both have)."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def out_of_order(dates: dict) -> list[tuple[str, str]]:
    """The pairs of DATE_ORDER that dates (a record's dates: name -> {"date": ...}) give in the wrong
    order (E105): what the check refuses, and what an import leaves to the curator."""
    return [
        (early, late)
        for early, late in DATE_ORDER
        if early in dates and late in dates and _before(dates[early]["date"], dates[late]["date"])
    ]


def inverted(low: dict | None, high: dict | None) -> bool:
    """Whether a minimum age ({"value", "unit"}) is above the maximum age (E104)."""
    return bool(low and high and age_days(low) > age_days(high))


def check_dates(record: Record) -> Iterator[Problem]:
    for path, value in _dates(record.data):
        if not in_calendar(value):
            yield record.problem(path, "E103", f"{dotted(path)}: {value} is not a date in the calendar")
    dates = record.data.get("dates", {})
    for early, late in out_of_order(dates):
        a, b = dates[early]["date"], dates[late]["date"]
        yield record.problem(("dates", late, "date"), "E105", f"dates.{late} {b} is before dates.{early} {a}")
    read = max((str(s["as_of"]) for s in record.data["curation"]["sources"] if "as_of" in s), default=None)
    for name in RECORDED:
        struct = dates.get(name)
        if read is not None and isinstance(struct, dict) and _before(str(struct["date"]), read):
            yield record.problem(
                ("dates", name, "date"),
                "E105",
                f"dates.{name} {struct['date']} is after the newest source's as-of date {read}: a date of what "
                "has been recorded cannot come after the day its source was read",
            )


def check_ages(record: Record) -> Iterator[Problem]:
    eligibility = record.data.get("eligibility", {})
    for name in ("minimum_age", "maximum_age"):
        age = eligibility.get(name)
        if age and age_days(age) > MAX_AGE_DAYS + 1e-9:
            yield record.problem(
                ("eligibility", name, "value"),
                "E111",
                f"eligibility.{name}: {age['value']} {age['unit'].lower()} is more than 150 years",
            )
    low, high = eligibility.get("minimum_age"), eligibility.get("maximum_age")
    if low and high and inverted(low, high):
        yield record.problem(
            ("eligibility", "minimum_age"),
            "E104",
            f"minimum age {low['value']} {low['unit'].lower()} is above "
            f"maximum age {high['value']} {high['unit'].lower()}",
        )


def _criteria(items: list, path: tuple) -> Iterator[tuple[tuple, list]]:
    """Every list of criteria (top-level and nested) with its path."""
    yield path, items
    for i, item in enumerate(items):
        if "sub_criteria" in item:
            yield from _criteria(item["sub_criteria"], path + (i, "sub_criteria"))


def _folded(text: str) -> str:
    """The text as E106 compares criteria: runs of white space as one space, case folded."""
    return " ".join(text.split()).casefold()


def check_criteria(record: Record) -> Iterator[Problem]:
    eligibility = record.data.get("eligibility", {})
    for name in ("inclusion_criteria", "exclusion_criteria"):
        if name not in eligibility:
            continue
        for path, items in _criteria(eligibility[name], ("eligibility", name)):
            # texts and numbers repeat only within a group: the same words under two sub-headings
            # ("For adolescent participants", "For parent participants") are two criteria
            folded = [(item.get("group"), _folded(item["text"])) for item in items]
            numbers_ = [(item.get("group"), item["number"]) for item in items if item.get("number") is not None]
            if len(set(folded)) == len(folded) and len(set(numbers_)) == len(numbers_):
                continue  # nothing repeats (almost every list): the loop below only words the findings
            texts: dict[tuple, int] = {}
            numbers: dict[tuple, int] = {}
            for i, (item, text) in enumerate(zip(items, folded)):
                if text in texts:
                    yield record.problem(
                        path + (i, "text"), "E106", f"{dotted(path + (i,))}: same text as item {texts[text]}"
                    )
                texts.setdefault(text, i)
                number = (item.get("group"), item["number"]) if item.get("number") is not None else None
                if number is not None:
                    if number in numbers:
                        yield record.problem(
                            path + (i, "number"),
                            "E106",
                            f"{dotted(path + (i,))}: number {number[1]} is used twice in this list",
                        )
                    numbers.setdefault(number, i)


def check_cohorts(record: Record) -> Iterator[Problem]:
    for a, arm in enumerate(record.data.get("arms", [])):
        seen: list[tuple[int, int, int]] = []
        for c, cohort in enumerate(arm.get("cohorts", [])):
            if "patients" not in cohort:
                continue
            first, last = cohort["patients"]["first"], cohort["patients"]["last"]
            path = ("arms", a, "cohorts", c, "patients")
            if first > last:
                yield record.problem(
                    path, "E107", f"{dotted(path)}: first patient {first} is after last patient {last}"
                )
                continue
            for f2, l2, other in seen:
                if first <= l2 and f2 <= last:
                    yield record.problem(
                        path,
                        "E107",
                        f"{dotted(path)}: patients {first}-{last} overlap cohort {other} (patients {f2}-{l2})",
                    )
            seen.append((first, last, c))


def check_scope(record: Record) -> Iterator[Problem]:
    """The import refuses a study out of the registry's scope unless the curator says why it belongs
    (curate/ctgov/scope.py); a record written by hand or by `trials new` met no such gate, and a
    trial of methotrexate in rheumatoid arthritis passed every check. Its own words are read for the
    same signs (reading/in_scope.py), each bound to its source by the other checks. The reason is
    the out_of_scope column of trials.csv, which analysts leave out to count the trials in scope: a
    record its words show in scope holds none (the import and `trials new` record none for it)."""
    reason = record.data["curation"].get("out_of_scope")
    sign = in_scope.sign(record.data)
    if reason is None and sign is None:
        yield record.problem(
            ("brief_title",),
            "E114",
            "brief_title: the record's titles, conditions, keywords, interventions, arms and cell product show "
            "neither lupus nor a CAR-T or related cell therapy, which this registry holds; if the trial belongs, "
            "say why under curation.out_of_scope (one line, in your words)",
        )
    elif reason is not None and sign is not None:
        field, words = sign
        yield record.problem(
            ("curation", "out_of_scope"),
            "E114",
            f"curation.out_of_scope: the record's {field} shows the trial in the registry's scope ({words!r}); "
            "a trial in scope holds no out_of_scope (trials.csv gives its reason as the trial's being out of "
            "scope): remove it",
        )
    elif reason is not None and not in_scope.is_reason(reason.strip()):
        # the schema asks for one character, and a blank or a run of lines passed for a reason: the
        # import and `trials new` take a reason only as one printed line of words
        yield record.problem(
            ("curation", "out_of_scope"),
            "E114",
            f"curation.out_of_scope: {files.printable(reason)!r} is no reason; say why the trial belongs in one "
            "line of words",
        )


def check_sources(record: Record, root: Path) -> Iterator[Problem]:
    offers = _Offers(root)
    for i, source in enumerate(record.data["curation"]["sources"]):
        path = ("curation", "sources", i, "file")
        if not files.SOURCE_PATH.match(source["file"]):
            # The schema says so too, but the schema is the pull request's to change: the tool's own
            # rule keeps every cited source a plain name under seeds/ (no "..", no absolute path).
            yield record.problem(
                path,
                "E108",
                f"{dotted(path)}: {files.shown(source['file'])} is not a file name "
                "under seeds/ (letters, digits, '.', '_' and '-', no folder); a source is never read from "
                "elsewhere",
            )
            continue
        if source["file"] == sources.MANIFEST_PATH:
            # The manifest lists the sources; it is none of them: not a document as received (no line
            # vouches for it, and it changes with every source added), so nothing it says is a value.
            yield record.problem(
                path,
                "E108",
                f"{dotted(path)}: {sources.MANIFEST_PATH} is the list of the sources' hashes, not a source; "
                "cite the source document itself",
            )
            continue
        file = os.path.join(root, source["file"])
        if not files.is_regular(file):  # a link is never followed (its target could be outside the repository)
            why = (
                "is not a regular file (a link, pipe or folder is never read)"
                if os.path.lexists(file)
                else "does not exist" + offers.nearest(source["file"])
            )
            yield record.problem(
                path, "E108", f"{dotted(path)}: {source['file']} {why}; add the source document under seeds/"
            )
        elif (refused := _unreadable(file)) is not None:
            # the read refuses it too, and the record's values were then checked against no source:
            # `trials validate` passed a record whose only source was over the limit, never read
            yield record.problem(path, "E108", f"{dotted(path)}: {source['file']} is not read: {refused}")


# How near a cited name must be to a source's for E108 to offer it (difflib's ratio): a wrong extension
# (.pdf for .txt) is 0.88, one character of the hash mistyped 0.96, another source's name under 0.6.
NEAR_NAME = 0.8
# How many of a record's missing sources E108 offers a name for: each offer compares the name with
# every source's (40 ms at 10,000 sources), and a record citing 300 missing sources took 13 s to check,
# one of 10,000 would take minutes, and such a record is checked again on every run (never cached).
MAX_OFFERS = 3


class _Offers:
    """What E108 offers for the cited sources of one record that do not exist: "; did you mean
    seeds/NAME?", the source under seeds/ whose name is nearest the one cited (a wrong extension, a
    digit of its hash mistyped), or "" when none is near. seeds/ is listed once for the record, and
    only for its first MAX_OFFERS missing sources. Only a regular file (not a link, a folder or a pipe,
    which E108 would refuse in turn) with a name a source may have (files.SOURCE_PATH: printable, no
    folder) is offered, never the manifest; the registry's folders are real folders by the time a
    record is checked (pipeline), so nothing outside the repository is listed. Only a record with
    problems gets here, and such a record is never cached: no offer is served stale after a source is
    added."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.left = MAX_OFFERS
        self.known: dict[str, str] | None = None

    def nearest(self, cited: str) -> str:
        if self.left <= 0:
            return ""
        self.left -= 1
        if self.known is None:
            self.known = {}
            try:
                with os.scandir(os.path.join(self.root, SEEDS_DIR)) as entries:
                    names = sorted(e.name for e in entries if e.is_file(follow_symlinks=False))
            except OSError:
                names = []
            # compared case-blind (a name typed in another case is as near as can be), offered as on disk
            for name in names:
                if name != sources.MANIFEST and files.SOURCE_PATH.match(f"{SEEDS_DIR}/{name}"):
                    self.known[name.casefold()] = name
        key = cited.removeprefix(f"{SEEDS_DIR}/").casefold()
        near = difflib.get_close_matches(key, self.known, n=1, cutoff=NEAR_NAME)
        return f"; did you mean {SEEDS_DIR}/{self.known[near[0]]}?" if near else ""


def _unreadable(file: str) -> str | None:
    """Why the read of a source (files.read) refuses this regular file, by its stat and permissions;
    None when it reads it."""
    try:
        size = os.lstat(file).st_size
    except OSError as exc:
        return exc.strerror or str(exc)
    if size > files.MAX_SOURCE_BYTES:
        return f"{size:,} bytes; the limit is {files.MAX_SOURCE_BYTES:,}"
    if not os.access(file, os.R_OK):
        return "it cannot be opened for reading"
    return None


def check_links(record: Record) -> Iterator[Problem]:
    """Thresholds and the other criterion-placed fields point at one criterion that exists; arms name
    interventions the record lists."""
    eligibility = record.data.get("eligibility", {})
    placed: list[tuple[tuple[str | int, ...], dict]] = [
        (("eligibility", "thresholds", i), t) for i, t in enumerate(eligibility.get("thresholds", []))
    ]
    placed += [(("eligibility", name), eligibility[name]) for name in CRITERION_PLACED if name in eligibility]
    for where, item in placed:
        ref = item["criterion"]
        named = fields.criteria_named(eligibility, ref)
        if len(named) == 1:
            continue
        path: tuple[str | int, ...] = where + ("criterion", "group" if "group" in ref else "number")
        if named:  # the list numbers its criteria again under each sub-heading, and ref does not say which
            items = eligibility[f"{ref['list'].lower()}_criteria"]
            groups = ", ".join(repr(items[i].get("group", "(no sub-heading)")) for i in named)
            message = (
                f"{dotted(path)}: {len(named)} {ref['list'].lower()} criteria are numbered {ref['number']} "
                f"(under {groups}); say which with criterion.group"
            )
        else:
            message = f"{dotted(path)}: there is no {fields.criterion_name(ref)}"
        yield record.problem(path, "E109", message)
    # an arm names its interventions by name, and a cohort is read under its arm's label: one of each
    for field, key in (("interventions", "name"), ("arms", "label")):
        seen: dict[str, int] = {}
        for i, item in enumerate(record.data.get(field, [])):
            if item[key] in seen:
                path = (field, i, key)
                yield record.problem(path, "E112", f"{dotted(path)}: {item[key]!r} again ({field}.{seen[item[key]]})")
            seen.setdefault(item[key], i)
    names = {i["name"] for i in record.data.get("interventions", [])}
    for a, arm in enumerate(record.data.get("arms", [])):
        for n, name in enumerate(arm.get("intervention_names", [])):
            if name not in names:
                path = ("arms", a, "intervention_names", n)
                yield record.problem(path, "E110", f"{dotted(path)}: {name!r} is not among the record's interventions")


def limit(threshold: dict) -> tuple:
    """What makes two thresholds one limit (E113): its criterion, kind, measure, comparator, value and
    unit, the words folded as _folded reads them."""
    ref = threshold["criterion"]
    return (
        ref["list"],
        ref["number"],
        ref.get("group"),
        threshold["kind"],
        _folded(threshold["measure"]),
        threshold["comparator"],
        float(threshold["value"]),
        _folded(threshold["unit"]),
    )


def check_thresholds(record: Record) -> Iterator[Problem]:
    """E113: one limit written twice. Two thresholds of a criterion are two limits; the same one twice
    is a limit copied over another (the 7.5 mg/day floor given the 30 mg/day ceiling's words), and the
    limit it replaced is lost while each copy binds to its quote."""
    seen: dict[tuple, int] = {}
    for i, t in enumerate(record.data.get("eligibility", {}).get("thresholds", [])):
        ref = t["criterion"]
        key = limit(t)
        if key in seen:
            path = ("eligibility", "thresholds", i)
            yield record.problem(
                path,
                "E113",
                f"{dotted(path)}: the same limit as eligibility.thresholds.{seen[key]} "
                f"({t['measure']} {t['comparator']} {t['value']} {t['unit']}, {fields.criterion_name(ref)}); "
                "give it the limit its own quote states, or remove it if the criterion states this one once",
            )
        seen.setdefault(key, i)


def check(record: Record, root: Path, file_stem: str) -> list[Problem]:
    """All rules for one record that passed the schema."""
    problems: list[Problem] = []
    if record.data["nct_id"] != file_stem:
        problems.append(
            record.problem(
                ("nct_id",),
                "E101",
                f"nct_id {record.data['nct_id']} does not match the file name {file_stem}.yaml",
            )
        )
    for rule in (check_scope, check_dates, check_ages, check_criteria, check_cohorts, check_links, check_thresholds):
        problems.extend(rule(record))
    problems.extend(check_sources(record, root))
    return problems
