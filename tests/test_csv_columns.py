"""The clinical and bookkeeping columns of trials.csv say what their descriptions promise.

An empty cell means one thing, and the row says which (not_curated, does not apply, not stated); a
stub's dates are never shown as its trial's; the numbers a user filters on (disease-activity
threshold, dose range) are read as docs/data.md says. Rows are made from records as loaded, through
export.row, as `trials csv` makes them.
"""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest
from conftest import DATA_ROOT, REPO
from sle_trials import fields
from sle_trials.checks import load
from sle_trials.outputs import export, package


def cells(data: dict) -> dict[str, str]:
    return dict(zip([c.name for c in export.COLUMNS], export.row(data)))


def loaded(rel: str) -> dict:
    record, problems = load.load(DATA_ROOT / rel, rel)
    assert record is not None, problems
    return copy.deepcopy(record.data)


def committed() -> dict[str, dict[str, str]]:
    text = (DATA_ROOT / "trials.csv").read_text(encoding="utf-8")
    return {r["nct_id"]: r for r in csv.DictReader(io.StringIO(text))}


def test_the_issue_columns_are_there() -> None:
    names = {c.name for c in export.COLUMNS}
    assert names >= {
        "sex",
        "healthy_volunteers",
        "allocation",
        "intervention_model",
        "masking",
        "primary_purpose",
        "conditions",
        "interventions",
        "official_title",
        "site_count",
        "cities",
        "registry_url",
        "product_origin",
        "lymphodepletion",
        "lupus_nephritis",
        "classification_criteria",
        "primary_outcomes",
        "not_curated",
        "first_posted",
        "last_update_posted",
        "launch_date",
        "disease_activity_measure",
        "disease_activity_comparator",
        "disease_activity_value",
        "dose_low_value",
        "dose_low_unit",
        "dose_low_basis",
        "dose_high_value",
        "dose_high_unit",
        "dose_high_basis",
        "minimum_age_years",
        "maximum_age_years",
    }


def test_applies_to_is_the_schemas() -> None:
    """A column's 'does not apply' rule is its field's x-applies-to in the schema, not a copy that drifts."""
    schema = json.loads((REPO / "schema" / "trial.schema.json").read_text(encoding="utf-8"))
    rules = fields.applies_to(schema)
    for column in export.COLUMNS:
        if column.curated_field:
            wanted = {k: tuple(v) for k, v in rules.get(".".join(column.curated_field.split(".")[:2]), {}).items()}
            assert column.applies_to == wanted, column.name


def test_the_committed_rows_carry_what_the_sources_state() -> None:
    rows = committed()
    relma, im19 = rows["NCT05765006"], rows["NCT06513429"]
    assert relma["launch_date"] == "2023-02-28" and relma["last_update_posted"] == ""
    assert (relma["lupus_nephritis"], relma["classification_criteria"]) == ("SEVERE_EXCLUDED", "ACR_1997")
    assert (
        relma["autoantibodies"].split("|") == ["ANA", "ANTI_DSDNA", "ANTI_SM"]
        and relma["autoantibodies_match"] == "ANY_OF"
    )
    assert (
        relma["disease_activity_measure"],
        relma["disease_activity_comparator"],
        relma["disease_activity_value"],
    ) == ("SELENA-SLEDAI", ">=", "8")
    assert (
        im19["last_update_posted"] == "2025-08-17"
        and im19["refractory"] == "true"
        and im19["healthy_volunteers"] == "false"
    )
    assert (im19["dose_low_value"], im19["dose_low_basis"], im19["dose_high_value"], im19["dose_high_basis"]) == (
        "1000000",
        "PER_KG",
        "100000000",
        "FLAT",
    )
    for stub in ("NCT03030976", "NCT06585514", "NCT06310811"):
        assert rows[stub]["target_antigens"] == "CD19", stub
    assert rows["NCT03030976"]["product_origin"] == "AUTOLOGOUS"
    assert [n for n, r in rows.items() if "CD19" in r["target_antigens"].split("|")] == [
        "NCT03030976",
        "NCT05765006",
        "NCT06310811",
        "NCT06585514",
    ]


def test_a_stubs_as_of_date_is_not_its_trials() -> None:
    row = committed()["NCT06900764"]
    assert row["source_as_of"] == "2025-08-17"  # the page listing it
    assert row["trial_as_of"] == "" and row["last_update_posted"] == "" and row["first_posted"] == ""
    assert committed()["NCT06513429"]["trial_as_of"] == "2025-08-17"


def test_not_curated_names_a_stubs_empty_columns_and_no_complete_records() -> None:
    rows = committed()
    stub = rows["NCT06900764"]
    listed = stub["not_curated"].split("|")
    bookkeeping = ("trial_as_of", "out_of_scope", "not_curated")  # no curation of the trial's own
    empty = [name for name, value in stub.items() if value == "" and name not in bookkeeping]
    assert listed == empty
    assert rows["NCT06513429"]["not_curated"] == rows["NCT05765006"]["not_curated"] == ""


def test_an_empty_cell_is_not_curated_silent_or_not_applicable() -> None:
    data = loaded("trials/NCT06513429.yaml")
    data["curation"]["status"] = "draft"
    del data["design"]
    data["curation"]["not_yet_curated"] = ["design"]
    assert cells(data)["not_curated"].split("|") == ["allocation", "intervention_model", "masking", "primary_purpose"]
    # silent: the sources say nothing of it, and the row does not call it work to do
    data["curation"]["not_yet_curated"] = []
    data["curation"]["silent"].append("design")
    assert cells(data)["not_curated"] == ""
    # an observational study: the interventional design does not apply, so its empty cells are not work to do
    data["curation"]["silent"].remove("design")
    data["study_type"] = "OBSERVATIONAL"
    assert cells(data)["not_curated"] == ""
    # absent with no reason given: not yet curated
    data["study_type"] = "INTERVENTIONAL"
    assert cells(data)["not_curated"] == "allocation|intervention_model|masking|primary_purpose"


# Each date column of a date struct, its field, and the column beside it saying ACTUAL or ESTIMATED.
DATE_COLUMNS = [
    ("start_date", "start"),
    ("primary_completion_date", "primary_completion"),
    ("completion_date", "completion"),
    ("first_posted", "first_posted"),
    ("last_update_posted", "last_updated"),
    ("launch_date", "launched"),
]


def test_every_dated_column_whose_field_has_a_type_has_its_type_column() -> None:
    """A column read from a date whose schema struct has a type (ACTUAL or ESTIMATED) is followed by
    the column of that type: an anticipated date never reads in the CSV as one that happened."""
    schema = json.loads((REPO / "schema" / "trial.schema.json").read_text(encoding="utf-8"))
    dated = []
    for i, column in enumerate(export.COLUMNS):
        if not (column.field and column.field.endswith(".date")):
            continue
        struct = column.field.removesuffix(".date")
        parent, _ = package.record_field(schema, struct)
        if "type" in parent.get("properties", {}):
            beside = export.COLUMNS[i + 1]
            assert (beside.name, beside.field) == (f"{column.name}_type", f"{struct}.type"), column.name
            assert package.field_descriptor(beside, schema)["constraints"]["enum"] == ["ACTUAL", "ESTIMATED"]
            dated.append((column.name, struct.split(".")[1]))
    assert dated == DATE_COLUMNS


@pytest.mark.parametrize("column, name", DATE_COLUMNS)
def test_a_dates_type_column_follows_enrollment_types_rules(column: str, name: str) -> None:
    """ACTUAL or ESTIMATED right after the date, as the record states it; empty, as enrollment_type's
    cell is, when the sources do not say which (silent: not_curated does not name it) or when it is not
    yet curated (not_curated names it, and the date's column too when the date is not curated either)."""
    names = [c.name for c in export.COLUMNS]
    assert names[names.index(column) + 1] == f"{column}_type"
    data = loaded("trials/NCT06513429.yaml")
    curation = data["curation"]
    others = [f for f in curation["silent"] if not f.startswith("dates.")]
    curation["silent"] = others + [f"dates.{other}" for _, other in DATE_COLUMNS if other != name]
    data["dates"] = {name: {"date": "2024-07-30", "type": "ESTIMATED"}}
    row = cells(data)
    assert (row[column], row[f"{column}_type"], row["not_curated"]) == ("2024-07-30", "ESTIMATED", "")
    del data["dates"][name]["type"]
    curation["silent"].append(f"dates.{name}.type")
    assert (row := cells(data))[f"{column}_type"] == "" and row["not_curated"] == ""
    curation["status"] = "draft"
    curation["silent"].remove(f"dates.{name}.type")
    assert cells(data)["not_curated"] == f"{column}_type"  # absent with no reason given
    curation["not_yet_curated"] = [f"dates.{name}"]
    del data["dates"]
    assert cells(data)["not_curated"] == f"{column}|{column}_type"
    curation["not_yet_curated"], curation["silent"] = [], [*others, "dates"]
    assert cells(data)["not_curated"] == ""


@pytest.mark.parametrize(
    "cohorts, low, high",
    [
        # one unit and basis: by value, whatever the order
        ([(4, 5e7, "PER_KG"), (1, 1e6, "PER_KG"), (7, 2e6, "PER_KG")], ("1000000", "PER_KG"), ("50000000", "PER_KG")),
        # mixed bases cannot be ordered by value: first and last in order of enrolment
        ([(4, 1e8, "FLAT"), (1, 1e6, "PER_KG")], ("1000000", "PER_KG"), ("100000000", "FLAT")),
        # cohorts that do not all name their patients: in source order
        ([(None, 1e8, "FLAT"), (1, 1e6, "PER_KG")], ("100000000", "FLAT"), ("1000000", "PER_KG")),
    ],
)
def test_the_dose_range(cohorts: list, low: tuple, high: tuple) -> None:
    data = loaded("trials/NCT06513429.yaml")
    data["arms"][0]["cohorts"] = [
        {
            **({"patients": {"first": first, "last": first + 2}} if first else {}),
            "dose": {"value": value, "unit": "CAR-T cells", "basis": basis},
        }
        for first, value, basis in cohorts
    ]
    row = cells(data)
    assert (row["dose_low_value"], row["dose_low_basis"]) == low and (
        row["dose_high_value"],
        row["dose_high_basis"],
    ) == high
    assert row["dose_low_unit"] == row["dose_high_unit"] == "CAR-T cells"


def test_outcomes_and_lymphodepletion_cells() -> None:
    data = loaded("trials/NCT06513429.yaml")
    data["outcomes"] = {
        "primary": [{"measure": "Incidence of adverse events", "time_frame": "28 days"}],
        "secondary": [{"measure": "SRI-4 response"}],
    }
    data["lymphodepletion"] = {
        "agents": [{"agent": "FLUDARABINE", "dose": 25, "unit": "mg/m²/day"}, {"agent": "CYCLOPHOSPHAMIDE"}]
    }
    row = cells(data)
    assert row["primary_outcomes"] == "Incidence of adverse events (time frame: 28 days)"
    assert row["secondary_outcomes"] == "SRI-4 response"
    assert row["lymphodepletion"] == "FLUDARABINE 25 mg/m²/day|CYCLOPHOSPHAMIDE"


def test_the_disease_activity_columns_skip_a_conditional_threshold() -> None:
    data = loaded("trials/NCT05765006.yaml")
    thresholds = data["eligibility"]["thresholds"]
    first = next(t for t in thresholds if t["kind"] == "DISEASE_ACTIVITY")
    first["conditions"] = ["if low complement"]
    row = cells(data)
    # the other threshold of that kind has conditions too: no entry threshold that always applies
    assert (row["disease_activity_measure"], row["disease_activity_value"]) == ("", "")
    del first["conditions"]
    assert cells(data)["disease_activity_value"] == "8"


def test_not_curated_is_the_same_read_alone() -> None:
    """Other exports (SQLite) read a column's value with its get(): not_curated's says what the CSV says."""
    column = next(c for c in export.COLUMNS if c.name == "not_curated")
    for rel in ("trials/NCT06900764.yaml", "trials/NCT06513429.yaml"):
        data = loaded(rel)
        assert "|".join(column.get(data)) == cells(data)["not_curated"]
    assert column.get(loaded("trials/NCT06900764.yaml"))[:2] == ["official_title", "acronym"]
