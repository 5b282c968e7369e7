"""Where the study stands: overall_status, last_known_status, why_stopped, the dates, results_posted
(statusModule: overallStatus, lastKnownStatus, whyStopped, startDateStruct, primaryCompletionDateStruct,
completionDateStruct, studyFirstSubmitDate, studyFirstPostDateStruct, lastUpdatePostDateStruct; and
the study's hasResults); an expanded access record it names (expandedAccessInfo.nctId) is left for the
curator under related_trials."""

from __future__ import annotations

from typing import Any

from sle_trials.checks import rules
from sle_trials.curate.ctgov.builder import Builder, nested, put, shown
from sle_trials.curate.ctgov.study import date_ok, markup, yes_no

DATES = (
    ("startDateStruct", "start"),
    ("primaryCompletionDateStruct", "primary_completion"),
    ("completionDateStruct", "completion"),
    ("studyFirstSubmitDate", "first_submitted"),
    ("studyFirstPostDateStruct", "first_posted"),
    ("lastUpdatePostDateStruct", "last_updated"),
)  # the JSON's key, the record's dates.<name>


def read(b: Builder, status: dict, has_results: Any) -> None:
    overall = status.get("overallStatus")
    if b.vocabulary(("overall_status",), overall):
        b.data["overall_status"] = overall
        b.quote(("overall_status",), overall, "statusModule.overallStatus")
    _last_known(b, status.get("lastKnownStatus"))
    put(b.data, "why_stopped", markup(status.get("whyStopped")))
    dates: dict[str, Any] = {}
    for key, name in DATES:
        item = _date(b, status.get(key), key, name)
        if item is not None:
            dates[name] = item
    _out_of_order(b, dates)
    put(b.data, "dates", dates)
    _expanded_access(b, status.get("expandedAccessInfo"))
    said = yes_no(has_results, "results_posted")
    if said is not None:  # true, or "false" as a converted record writes it
        b.data["results_posted"] = said
        b.quote(("results_posted",), has_results, "hasResults")
    elif has_results is not None:
        b.leave_out("results_posted", f"The source's hasResults {shown(has_results)} is not true or false; left out.")
    elif isinstance(posted := status.get("resultsFirstPostDateStruct"), dict) and isinstance(posted.get("date"), str):
        # no hasResults (a copy cut down), but the date its results were first posted: the source states
        # that they are, in words the check binds no true/false to; the curator's, never silent
        b.leave_out(
            "results_posted",
            f"The source gives no hasResults, but its results were first posted {posted['date'][:10]} "
            "(statusModule.resultsFirstPostDateStruct); left for the curator.",
        )


def _out_of_order(b: Builder, dates: dict[str, dict]) -> None:
    """The dates the source gives in an order no trial's dates fall in (rules.out_of_order, E105: a
    completion before the start), each left out with a note naming the dates it contradicts: which
    of them is wrong is the curator's to find. Imported, they failed the whole import's check."""
    against: dict[str, list[str]] = {}
    for early, late in rules.out_of_order(dates):
        against.setdefault(early, []).append(late)
        against.setdefault(late, []).append(early)
    keys = {name: key for key, name in DATES}
    said = {name: f"{keys[name]} {dates[name]['date']}" for name in against}
    for name, others in against.items():
        b.leave_out(
            f"dates.{name}",
            f"The source's {said[name]} is out of order with its {' and '.join(said[o] for o in others)} "
            "(a trial's dates cannot fall so); left for the curator.",
        )
    for name in against:
        del dates[name]


def _expanded_access(b: Builder, info: Any) -> None:
    """A study's expanded access record (expandedAccessInfo.nctId): a trial the source lists as related
    to it, which related_trials holds only with a record of its own (refs: E30x), so the importer
    cannot write it. Left for the curator with a note, never declared silent: related_trials silent
    says the source lists no related trial, and this one does."""
    nct = info.get("nctId") if isinstance(info, dict) else None
    if isinstance(nct, str) and nct.strip():
        b.leave_out(
            "related_trials",
            f"The source names its expanded access record, {nct.strip()} (statusModule.expandedAccessInfo.nctId), "
            "a related trial; related_trials is left for the curator (a related trial needs a record of its own).",
        )


def _last_known(b: Builder, last: Any) -> None:
    """last_known_status: what a study of status UNKNOWN last reported; the registry gives it for no
    other status, and for another it is left out with a note (the field does not apply)."""
    if not b.vocabulary(("last_known_status",), last) or not b.applies("last_known_status", "lastKnownStatus", last):
        return
    b.data["last_known_status"] = last
    b.quote(("last_known_status",), last, "statusModule.lastKnownStatus")


def _date(b: Builder, raw: Any, key: str, name: str) -> dict | None:
    """dates.<name> from the JSON's key: a date struct ({"date", "type"}) or a bare date; None
    (with a note, when the JSON gives one) for what is not a date the registry holds."""
    struct = raw if isinstance(raw, dict) else {"date": raw}
    if nested(b, struct, key, f"dates.{name}", "date"):
        return None
    if not isinstance(struct.get("date"), str) or not date_ok(struct["date"]):
        if raw is not None:
            b.leave_out(f"dates.{name}", f"The source's {key} is not a date this registry can hold; left out.")
        return None
    item = {"date": struct["date"]}
    if b.vocabulary(("dates", name, "type"), struct.get("type")):
        item["type"] = struct["type"]
    # quoted as the source's place reads it: a struct, or a date given bare where the API gives a struct
    # ("startDateStruct": "2024-01-15"), under its key; a bare date of the API's (studyFirstSubmitDate) under both
    bare_struct = not isinstance(raw, dict) and key.endswith("Struct")
    b.quote(("dates", name), raw, key if isinstance(raw, dict) or bare_struct else f"statusModule.{key}")
    return item
