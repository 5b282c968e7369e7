"""Attacks of the mutation hunt mut27: kinds of mistake tests/mutations.py did not make, each made on
a record the importer writes from a fixture study (marked complete, as a reviewed record is) or on a
curated record, and refused.

- A value taken from an older version of the record it cites (E534): a study's enrollment, a date,
  its status or a condition as the older JSON gave them, quoted there, while the newer JSON the
  record cites too states them otherwise. Each quote stood where a cited source states its field.
- A count of those who had an outcome ("6 patients responded") given as the enrollment (E508): the
  words after a count said who were not enrolled ("withdrew", "died"), never who of them responded.
- A source's as_of quoted from another cited source (E512).
- A date under the label of another registry date that holds a field's label (E509): "Last Update
  Submitted" read as "Last Update", "First Submitted that Met QC Criteria" as the first submission's.
- An incomplete entry naming as lost a criterion its source lists ("criteria 1 and 2 are missing"
  where the page gives 2) (E514).
- A lymphodepleting agent given a length of time as its dose ("for 3 days") (E508).
- A list of texts in another order than its source lists them (E533): a study's conditions or
  keywords, an arm's interventions, an intervention's other names. E533 held only lists of rows
  (sites, officials, arms, ...) to their order; an arm is its row with its interventions in any
  order (texts_are_row compares them as sets), and each condition or keyword was held to its place,
  not to its rank, while trials.csv gives each of them "in source order".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import mutations
import pytest
from conftest import (
    AS_OF_LINE,
    DATA_ROOT,
    FIXTURES,
    IM19_PATH,
    IM19_TITLE_LINE,
    add_source,
    enrollment_draft,
    im19_draft,
    joined,
    put,
    record_data,
)

# --- a list of texts in another order than its source lists them ---------------------------------

# (fixture, its trial, the list's path in the imported record, the list as curated, the list reordered)
REORDERED = [
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("conditions",),
        ["Lupus Nephritis", "Systemic Lupus Erythematosus"],
        ["Systemic Lupus Erythematosus", "Lupus Nephritis"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("keywords",),
        ["CAR-T", "CD19", "lupus nephritis"],
        ["lupus nephritis", "CD19", "CAR-T"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("arms", 0, "intervention_names"),
        ["Anti-CD19 CAR-T cells", "Fludarabine", "Cyclophosphamide"],
        ["Fludarabine", "Anti-CD19 CAR-T cells", "Cyclophosphamide"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("arms", 1, "intervention_names"),
        ["Mycophenolate mofetil", "Cyclophosphamide"],
        ["Cyclophosphamide", "Mycophenolate mofetil"],
    ),
    (
        "completed_phase2_randomised",
        "NCT09000011",
        ("interventions", 3, "other_names"),
        ["CellCept", "MMF"],
        ["MMF", "CellCept"],
    ),
    (
        "observational_followup",
        "NCT09000033",
        ("conditions",),
        ["Systemic Lupus Erythematosus", "Systemic Sclerosis", "Idiopathic Inflammatory Myopathy"],
        ["Systemic Sclerosis", "Systemic Lupus Erythematosus", "Idiopathic Inflammatory Myopathy"],
    ),
    (
        "observational_followup",
        "NCT09000033",
        ("keywords",),
        ["long-term follow-up", "CAR-T"],
        ["CAR-T", "long-term follow-up"],
    ),
]


@pytest.mark.parametrize(("fixture", "nct_id", "path", "curated", "wrong"), REORDERED)
def test_a_list_of_texts_in_another_order_is_refused(
    registry: Path, fixture: str, nct_id: str, path: tuple, curated: list[str], wrong: list[str]
) -> None:
    record = mutations.imported(registry, FIXTURES / "ctgov" / f"{fixture}.json", nct_id, "complete")
    shown, checks = f"trials/{nct_id}.yaml", mutations.Checks(registry)
    assert mutations.fields.get(record.data, path)[1] == curated
    assert checks.codes(shown, record.data) == set()
    assert checks.codes(shown, mutations._set(record.data, path, wrong)) == {"E533"}


def test_a_text_its_source_lists_twice_may_stand_at_either_place(registry: Path) -> None:
    """The study lists its keywords CAR-T, CD19, lupus nephritis, CD19: CD19 held after lupus
    nephritis is in the source's order (the importer keeps its first place)."""
    record = mutations.imported(
        registry, FIXTURES / "ctgov" / "completed_phase2_randomised.json", "NCT09000011", "complete"
    )
    shown, checks = "trials/NCT09000011.yaml", mutations.Checks(registry)
    honest = mutations._set(record.data, ("keywords",), ["CAR-T", "lupus nephritis", "CD19"])
    assert checks.codes(shown, honest) == set()


# --- a value taken from an older version of the record the record cites --------------------------

# A record citing a study as it was and as it is now (`trials import ctgov --update` cites both) took a
# value from the older JSON, quoted there, and passed: each quote stood where a cited source states
# its field, and none was held to the newest. (path, the stale value, its quote in the older JSON)
STALE = [
    (("enrollment", "count"), 24, ("enrollment", "enrollmentInfo.count: 24 enrollmentInfo.type: ACTUAL")),
    (
        ("dates", "completion", "date"),
        "2024-08-31",
        ("dates.completion", "completionDateStruct.date: 2024-08-31 completionDateStruct.type: ACTUAL"),
    ),
    (
        ("dates", "last_updated", "date"),
        "2025-03-06",
        ("dates.last_updated", "lastUpdatePostDateStruct.date: 2025-03-06 lastUpdatePostDateStruct.type: ACTUAL"),
    ),
    (("overall_status",), "RECRUITING", ("overall_status", "statusModule.overallStatus: RECRUITING")),
    # a condition the newer JSON no longer lists (a text of its own: no quote)
    (("conditions",), ["Lupus Nephritis", "Systemic Lupus Erythematosus", "Refractory Lupus Nephritis"], None),
]


def _updated(registry: Path, tmp_path: Path) -> tuple[mutations.Checks, str, dict]:
    """The fixture study imported as it was (RECRUITING, its two conditions), then updated to a newer
    JSON (COMPLETED, 26 participants, a later completion and last update, one condition changed), the
    record citing both, marked complete; its checks, its path and its data."""
    from sle_trials.cli import main

    study = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    status = study["protocolSection"]["statusModule"]
    status["overallStatus"] = "RECRUITING"
    older = tmp_path / "older.json"
    older.write_text(json.dumps(study, indent=2), encoding="utf-8")
    mutations.imported(registry, older, "NCT09000011", "complete")
    status["overallStatus"] = "COMPLETED"
    status["lastUpdatePostDateStruct"] = {"date": "2026-03-01", "type": "ACTUAL"}
    status["completionDateStruct"] = {"date": "2025-11-30", "type": "ACTUAL"}
    study["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 26, "type": "ACTUAL"}
    study["protocolSection"]["conditionsModule"]["conditions"] = ["Lupus Nephritis", "Refractory Lupus Nephritis"]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(study, indent=2), encoding="utf-8")
    assert main(["import", "ctgov", str(newer), "--update", "--root", str(registry)]) == 0
    shown = "trials/NCT09000011.yaml"
    data = record_data(registry / shown, shown)
    assert [s["as_of"] for s in data["curation"]["sources"]] == ["2025-03-06", "2026-03-01"]
    return mutations.Checks(registry), shown, data


@pytest.mark.parametrize(("path", "stale", "quote"), STALE)
def test_a_value_of_an_older_version_of_the_record_is_refused(
    registry: Path, tmp_path: Path, path: tuple, stale: object, quote: tuple[str, str] | None
) -> None:
    checks, shown, data = _updated(registry, tmp_path)
    assert checks.codes(shown, data) == set()
    wrong = mutations._set(data, path, stale)
    if quote is not None:
        wrong["evidence"][quote[0]] = quote[1]
    assert checks.codes(shown, wrong) == {"E534"}


def _im19_copies(registry: Path) -> dict:
    """IM19's record citing its page and a newer copy of it whose status line alone changed (and its
    date): its last update taken from the newer copy, its status not yet."""
    old = (registry / "seeds" / "000_84a0f0163f21158e.txt").read_text(encoding="utf-8")
    newer = old.replace("Last Updated: 2025-08-17", "Last Updated: 2025-10-01").replace(
        "\nRECRUITING\n", "\nACTIVE_NOT_RECRUITING\n"
    )
    add_source(registry, "seeds/962_im19_updated.txt", newer)
    data = record_data(registry / IM19_PATH, IM19_PATH)
    data["curation"]["sources"].append(
        {
            "file": "seeds/962_im19_updated.txt",
            "kind": "REGISTRY_COPY",
            "as_of": "2025-10-01",
            "as_of_label": "Last Updated",
        }
    )
    data["evidence"]["curation.sources.1.as_of"] = "Last Updated: 2025-10-01"
    data["dates"]["last_updated"]["date"] = "2025-10-01"
    data["evidence"]["dates.last_updated.date"] = "Last Updated: 2025-10-01"
    return data


def test_a_value_the_newer_version_states_alike_may_keep_its_older_quote(registry: Path) -> None:
    """The block quoted for the phase, the study type and the dates (its status line RECRUITING) stands
    only in the older copy, but the newer one states each of those values alike; the status quoted
    from it is refused."""
    data = _im19_copies(registry)
    checks = mutations.Checks(registry)
    assert checks.codes(IM19_PATH, data) == {"E534"}  # its status, RECRUITING, as the older copy says
    data["overall_status"] = "ACTIVE_NOT_RECRUITING"
    data["evidence"]["overall_status"] = "ACTIVE_NOT_RECRUITING NA 6 participants"
    assert checks.codes(IM19_PATH, data) == set()


# --- a source's own date quoted from another cited source ----------------------------------------


def test_a_sources_date_quoted_from_another_cited_source_is_refused(registry: Path, tmp_path: Path) -> None:
    """The older JSON's as_of given as the newer one's, quoted from the newer JSON: each quote was looked
    for in every cited source, so it passed, and the two versions then read as of one date, neither
    superseding the other (E534 let the older JSON's enrollment pass again)."""
    checks, shown, data = _updated(registry, tmp_path)
    wrong = mutations._set(data, ("curation", "sources", 0, "as_of"), "2026-03-01")
    wrong["evidence"]["curation.sources.0.as_of"] = "lastUpdatePostDateStruct.date: 2026-03-01"
    assert "E512" in checks.codes(shown, wrong)  # (and E519: read as the newest, the older lacks a condition)
    wrong["enrollment"]["count"] = 24
    wrong["evidence"]["enrollment"] = "enrollmentInfo.count: 24 enrollmentInfo.type: ACTUAL"
    assert "E512" in checks.codes(shown, wrong)
    # the two dates swapped, each quoted from the other's source
    swapped = mutations._set(data, ("curation", "sources", 0, "as_of"), "2026-03-01")
    swapped["curation"]["sources"][1]["as_of"] = "2025-03-06"
    quoted = swapped["evidence"]
    quoted["curation.sources.0.as_of"], quoted["curation.sources.1.as_of"] = (
        quoted["curation.sources.1.as_of"],
        quoted["curation.sources.0.as_of"],
    )
    assert "E512" in checks.codes(shown, swapped)


def test_a_copys_date_quoted_from_the_newer_copy_is_refused(registry: Path) -> None:
    """The older copy given the newer one's date, quoted from it: it passed (the status then current)."""
    data = _im19_copies(registry)
    data["overall_status"] = "ACTIVE_NOT_RECRUITING"
    data["evidence"]["overall_status"] = "ACTIVE_NOT_RECRUITING NA 6 participants"
    checks = mutations.Checks(registry)
    assert checks.codes(IM19_PATH, data) == set()
    data["curation"]["sources"][0]["as_of"] = "2025-10-01"
    data["evidence"]["curation.sources.0.as_of"] = "Last Updated: 2025-10-01"
    assert checks.codes(IM19_PATH, data) == {"E512"}


# --- a count of those who had an outcome given as the enrollment ---------------------------------

# A source of no layout (a publication, a press release) that says how many enrolled, and how many of
# them had an outcome: the outcome's count, quoted, bound an enrollment (the words after a count said
# "withdrew" or "died", never "responded"). (the source's sentence, the enrollment, its quote)
OUTCOME_COUNTS = [
    ("In total 20 patients were enrolled. 6 patients responded.", 6, "6 patients responded"),
    ("In total 20 patients were enrolled. Six patients achieved remission.", 6, "Six patients achieved remission"),
    ("In total 20 patients were enrolled. 4 patients were in complete remission.", 4, "4 patients were in complete"),
    ("In total 20 patients were enrolled. 3 patients experienced CRS.", 3, "3 patients experienced CRS"),
    ("12 patients have been enrolled and 6 patients have responded.", 6, "6 patients have responded"),
    ("Of the enrolled, 2 participants relapsed.", 2, "2 participants relapsed"),
]

# ... while the words after a count that say who the enrolled were, or that all of them had it, bind
HONEST_COUNTS = [
    ("The trial enrolled 12 patients who achieved remission.", 12, "enrolled 12 patients"),
    ("All 12 patients achieved DORIS remission.", 12, "All 12 patients"),
    ("12 patients have been enrolled and 6 patients have responded.", 12, "12 patients have been enrolled"),
    ("Enrollment: 30 patients with an inadequate response to therapy.", 30, "Enrollment: 30 patients"),
]


# ... nor a count of some of them, by the words before it ("the first 3 patients", "an additional 6
# patients") or as a part of a count of people before it in its sentence ("30 participants, 15 healthy
# volunteers and 15 patients", "24 participants (12 patients with SLE ...)"): each bound an enrollment
# of the part
SUBSET_COUNTS = [
    ("In total 20 patients were enrolled. The first 3 patients were treated at dose level 1.", 3, "3 patients were"),
    ("In total 20 patients were enrolled. The first three patients received CAR-T.", 3, "three patients received"),
    ("In total 20 patients were enrolled. An additional 6 patients will be enrolled.", 6, "6 patients will be"),
    ("In total 20 patients were enrolled. The remaining 12 patients are followed.", 12, "12 patients are followed"),
    ("The study enrolled 30 participants, 15 healthy volunteers and 15 patients.", 15, "15 patients"),
    ("The study enrolled 30 participants (15 patients with SLE and 15 with LN).", 15, "15 patients with SLE"),
    ("Enrollment: 30 participants: 10 patients in Part A and 20 in Part B.", 10, "10 patients"),
]
HONEST_TOTALS = [
    ("The study enrolled 30 participants, 15 healthy volunteers and 15 patients.", 30, "30 participants"),
    ("The study enrolled 30 participants (15 patients with SLE and 15 with LN).", 30, "30 participants"),
    ("The first patient was dosed in May, and 24 patients will be enrolled.", 24, "24 patients will be enrolled"),
    ("After a screening of 40, 24 patients were enrolled.", 24, "24 patients were enrolled"),
]


@pytest.mark.parametrize(("sentence", "count", "quote"), SUBSET_COUNTS)
def test_a_count_of_some_of_the_enrolled_is_no_enrollment(
    registry: Path, sentence: str, count: int, quote: str
) -> None:
    assert _enrollment_codes(registry, sentence, count, quote) == {"E508"}


@pytest.mark.parametrize(("sentence", "count", "quote"), HONEST_TOTALS)
def test_a_total_beside_its_parts_binds(registry: Path, sentence: str, count: int, quote: str) -> None:
    assert _enrollment_codes(registry, sentence, count, quote) == set()


def _enrollment_codes(registry: Path, sentence: str, count: int, quote: str) -> set[str]:
    source = add_source(registry, "seeds/970_outcomes.txt", f"{AS_OF_LINE}{IM19_TITLE_LINE}\n{sentence}\n")
    enrollment_draft(registry, source, count, quote)
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(("sentence", "count", "quote"), OUTCOME_COUNTS)
def test_a_count_of_those_with_an_outcome_is_no_enrollment(
    registry: Path, sentence: str, count: int, quote: str
) -> None:
    assert _enrollment_codes(registry, sentence, count, quote) == {"E508"}


@pytest.mark.parametrize(("sentence", "count", "quote"), HONEST_COUNTS)
def test_a_count_of_the_enrolled_with_an_outcome_binds(registry: Path, sentence: str, count: int, quote: str) -> None:
    assert _enrollment_codes(registry, sentence, count, quote) == set()


# --- a date under the label of another of the registry's dates that holds a record date's label --

# A registry page gives dates the record has no field for under labels that hold one of a field's own
# ("Last Update" of "Last Update Submitted", "First Submitted" of "First Submitted that Met QC
# Criteria", which DATE_LABELS even listed as the first submission's own): the date the registry got
# an update, or ended its review of the first submission, bound the field. (the page's lines, the
# field, the wrong date, its quote)
REGISTRY_DATES = (
    "First Submitted: 2020-11-02\nFirst Submitted that Met QC Criteria: 2020-11-09\nFirst Posted: 2020-11-12\n"
)
UPDATES = "Last Update Submitted: 2025-03-04\nLast Update Posted: 2025-03-06\n"
OTHER_DATES = [
    (REGISTRY_DATES, "first_submitted", "2020-11-09", "First Submitted that Met QC Criteria: 2020-11-09"),
    (UPDATES, "last_updated", "2025-03-04", "Last Update Submitted: 2025-03-04"),
    (UPDATES, "last_updated", "2025-03-04", "2025-03-04"),
    ("Last Update Submitted that Met QC Criteria: 2025-03-04\n", "last_updated", "2025-03-04", "2025-03-04"),
]
OWN_DATES = [
    (REGISTRY_DATES, "first_submitted", "2020-11-02", "First Submitted: 2020-11-02"),
    (UPDATES, "last_updated", "2025-03-06", "Last Update Posted: 2025-03-06"),
]


def _date_codes(registry: Path, lines: str, field: str, value: str, quote: str) -> set[str]:
    source = add_source(registry, "seeds/971_dates.txt", f"{AS_OF_LINE}{IM19_TITLE_LINE}\n{lines}")
    fields_ = f'dates:\n  {field}:\n    date: "{value}"\nevidence:\n  dates.{field}.date: "{quote}"\n'
    put(registry, IM19_PATH, joined(im19_draft(source), fields_))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(("lines", "field", "value", "quote"), OTHER_DATES)
def test_a_date_of_another_registry_event_is_refused(
    registry: Path, lines: str, field: str, value: str, quote: str
) -> None:
    assert _date_codes(registry, lines, field, value, quote) == {"E509"}


@pytest.mark.parametrize(("lines", "field", "value", "quote"), OWN_DATES)
def test_a_date_under_its_own_label_beside_them_binds(
    registry: Path, lines: str, field: str, value: str, quote: str
) -> None:
    assert _date_codes(registry, lines, field, value, quote) == set()


# --- an incomplete entry naming as lost a criterion the source lists ------------------------------

# IM19's lists lack their item 1 (curation.incomplete says so). An entry naming item 2 lost as well,
# which the page lists, passed: E514 asked only that the lost ones be named, and the site shows the
# entry as what the source lacks. (the entry's index, its text)
LISTED_NAMED_LOST = [
    (0, "Criteria 1,2 are missing from the page."),
    (0, "Criteria one and two are missing from the page."),
    (1, "The source's exclusion list starts at 3; criteria 1 and 2 are missing from the page."),
    (1, "The first and second exclusion criteria are lost."),
]


@pytest.mark.parametrize(("k", "said"), LISTED_NAMED_LOST)
def test_an_incomplete_entry_naming_a_listed_criterion_lost_is_refused(k: int, said: str) -> None:
    data = record_data(DATA_ROOT / IM19_PATH, IM19_PATH)
    checks = mutations.Checks(DATA_ROOT)
    assert checks.codes(IM19_PATH, data) == set()
    wrong = json.loads(json.dumps(data))
    wrong["curation"]["incomplete"][k]["text"] = said
    found = checks.codes(IM19_PATH, wrong)
    # (and E501 where the entry also misstates where the list starts: "starts at 3", hunt 215's remark_numbering)
    assert "E514" in found and found <= {"E514", "E501"}, said


# A field a newer cited version of the study no longer states (was a strict xfail for the keywords: E534 held a
# value to a newer version only where that version states the field at its place, since a version stating
# nothing of a field may be a cut-down copy): a newer version that states every other field the older one
# states dropped it (layouts.dropped), and the older's value kept is refused. (what the newer JSON drops: a
# module's key, the record's field)
DROPPED = [
    ("conditionsModule", "keywords", "keywords"),
    ("identificationModule", "acronym", "acronym"),
    ("descriptionModule", "detailedDescription", "detailed_description"),
]


def _dropped_codes(registry: Path, tmp_path: Path, drop: list[tuple[str, str]], field: str) -> tuple[set, set]:
    """The codes of the study's record, updated from a newer JSON with drop's (module, key) removed, as the
    update leaves it and with the older JSON's value of field put back."""
    from sle_trials.cli import main

    study = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text("utf-8"))
    older = tmp_path / "older.json"
    older.write_text(json.dumps(study, indent=2), encoding="utf-8")
    mutations.imported(registry, older, "NCT09000011", "complete")
    kept = record_data(registry / "trials/NCT09000011.yaml")[field]
    study["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"] = {"date": "2026-03-01", "type": "ACTUAL"}
    for module, key in drop:
        del study["protocolSection"][module][key]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(study, indent=2), encoding="utf-8")
    assert main(["import", "ctgov", str(newer), "--update", "--root", str(registry)]) == 0
    shown = "trials/NCT09000011.yaml"
    data = record_data(registry / shown, shown)
    checks = mutations.Checks(registry)
    updated = checks.codes(shown, data)
    data[field] = kept
    if field in data["curation"].get("silent", []):
        data["curation"]["silent"].remove(field)
    return updated, checks.codes(shown, data)


@pytest.mark.parametrize(("module", "key", "field"), DROPPED)
def test_a_field_the_newer_version_dropped_is_refused(
    registry: Path, tmp_path: Path, module: str, key: str, field: str
) -> None:
    updated, kept = _dropped_codes(registry, tmp_path, [(module, key)], field)
    assert updated == set() and kept == {"E534"}


# ... and a list of rows it dropped is no longer held whole of the record (E519 read the older version's rows
# where the newest states none, and the honest record the update wrote, its officials or references removed and
# declared silent, was refused: completeness._newest_rows); kept, they are still refused
DROPPED_ROWS = [
    ("contactsLocationsModule", "overallOfficials", "officials"),
    ("referencesModule", "references", "references"),
]


@pytest.mark.parametrize(("module", "key", "field"), DROPPED_ROWS)
def test_rows_the_newer_version_dropped_are_no_longer_held_whole(
    registry: Path, tmp_path: Path, module: str, key: str, field: str
) -> None:
    updated, kept = _dropped_codes(registry, tmp_path, [(module, key)], field)
    assert updated == set() and kept != set()


# ... while a newer copy that states less besides (a cut-down copy: no description, no references) says
# nothing of the field it leaves out, and the older's value kept still passes
def test_a_field_a_cut_down_newer_copy_leaves_out_is_kept(registry: Path, tmp_path: Path) -> None:
    drop = [("conditionsModule", "keywords"), ("descriptionModule", "detailedDescription")]
    updated, kept = _dropped_codes(registry, tmp_path, drop, "keywords")
    assert kept == updated


# --- a lymphodepleting agent given a length of time as its dose ----------------------------------

LYMPHODEPLETION = (
    "Lymphodepletion with fludarabine 30 mg/m²/day and cyclophosphamide 500 mg/m²/day for 3 days precedes "
    "the infusion.\n"
)


def _agents_codes(registry: Path, text: str, agents: Sequence[tuple[str, object, str]], quotes: list[str]) -> set[str]:
    source = add_source(registry, "seeds/972_lymphodepletion.txt", f"{AS_OF_LINE}{IM19_TITLE_LINE}\n{text}")
    held = "".join(f"    - agent: {a}\n      dose: {d}\n      unit: {u}\n" for a, d, u in agents)
    quoted = "".join(f'  lymphodepletion.agents.{i}: "{q}"\n' for i, q in enumerate(quotes))
    put(registry, IM19_PATH, joined(im19_draft(source), f"lymphodepletion:\n  agents:\n{held}evidence:\n{quoted}"))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(
    ("dose", "unit", "quote"),
    [
        (3, "days", "cyclophosphamide 500 mg/m²/day for 3 days"),  # the course's length
        (3, "day", "cyclophosphamide 500 mg/m²/day for 3 days"),
    ],
)
def test_a_length_of_time_is_no_agents_dose(registry: Path, dose: float, unit: str, quote: str) -> None:
    """The number with its unit written right after it bound an agent's dose, whatever the unit: a
    cyclophosphamide dose of "3 days" passed, and trials.csv's lymphodepletion read CYCLOPHOSPHAMIDE 3 days."""
    honest = [("FLUDARABINE", 30, "mg/m²/day"), ("CYCLOPHOSPHAMIDE", 500, "mg/m²/day")]
    quotes = ["fludarabine 30 mg/m²/day", "cyclophosphamide 500 mg/m²/day"]
    assert _agents_codes(registry, LYMPHODEPLETION, honest, quotes) == set()
    wrong = [honest[0], ("CYCLOPHOSPHAMIDE", dose, unit)]
    assert _agents_codes(registry, LYMPHODEPLETION, wrong, [quotes[0], quote]) == {"E508"}


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion. "
            "The comparator arm receives cyclophosphamide 500 mg/m².\n",
            "cyclophosphamide 500 mg/m²",
        ),
        (
            "Cyclophosphamide 500 mg/m² is given in case of a flare. "
            "Lymphodepletion with fludarabine 30 mg/m²/day precedes the infusion.\n",
            "Cyclophosphamide 500 mg/m²",
        ),
    ],
)
def test_an_agent_of_another_therapy_is_no_lymphodepletion(registry: Path, text: str, quote: str) -> None:
    agents = [("FLUDARABINE", 30, "mg/m²/day"), ("CYCLOPHOSPHAMIDE", 500, "mg/m²")]
    assert _agents_codes(registry, text, agents, ["fludarabine 30 mg/m²/day", quote]) != set()
