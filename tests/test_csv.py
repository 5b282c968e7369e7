"""`trials csv`: the summary table, its stability, its refusal to write from bad data, and its cells."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
from pathlib import Path

import pytest
from conftest import DATA_ROOT, IM19_MINIMAL, IM19_PATH, Trials, put, snapshot
from sle_trials.checks import load
from sle_trials.outputs import export
from sle_trials.outputs.export import COLUMNS

CSV = "trials.csv"


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def row_of(data: bytes, nct_id: str) -> dict[str, str]:
    [row] = [r for r in rows(data) if r["nct_id"] == nct_id]
    return row


def generate(trials: Trials, registry: Path) -> bytes:
    (registry / CSV).unlink(missing_ok=True)
    result = trials("csv")
    assert result.status == 0, result.out + result.err
    return (registry / CSV).read_bytes()


# --- stability -----------------------------------------------------------------------------------


def test_output_is_byte_identical_across_runs_and_equals_the_committed_csv(trials: Trials, registry: Path) -> None:
    first = generate(trials, registry)
    second = generate(trials, registry)
    assert first == second
    assert first == (DATA_ROOT / CSV).read_bytes(), "trials.csv is not what the records generate; run: trials csv"


def test_csv_on_a_current_file_changes_nothing(trials: Trials, registry: Path) -> None:
    generate(trials, registry)  # the first run may write companion files next to the CSV
    before = snapshot(registry)
    result = trials("csv")
    assert result.status == 0 and "up to date" in result.err
    assert snapshot(registry) == before


def test_check_passes_on_the_committed_csv(trials: Trials) -> None:
    result = trials("csv", "--check")
    assert result.status == 0, result.out


def test_check_reports_a_stale_csv_and_the_command_that_fixes_it(trials: Trials, registry: Path) -> None:
    stale = (registry / CSV).read_bytes().replace(b"RECRUITING", b"COMPLETED", 1)
    (registry / CSV).write_bytes(stale)
    result = trials("csv", "--check")
    assert result.status == 1
    assert result.lines[0].startswith("trials.csv: E401 ")
    assert "trials csv" in result.lines[0]
    assert (registry / CSV).read_bytes() == stale, "--check must not write"
    assert trials("check").status == 1
    assert trials("csv").status == 0 and trials("csv", "--check").status == 0  # the fix works


def test_check_reports_a_missing_csv(trials: Trials, registry: Path) -> None:
    (registry / CSV).unlink()
    result = trials.json("csv", "--check")
    assert result.where("E401") == [(CSV, None, None)]
    assert not (registry / CSV).exists()


def test_check_reports_a_csv_with_crlf_line_ends(trials: Trials, registry: Path) -> None:
    """The CSV is specified byte for byte (LF line ends); a copy with CRLF (git autocrlf, an editor)
    is not what the records generate, and `csv` must rewrite it."""
    lf = (registry / CSV).read_bytes()
    (registry / CSV).write_bytes(lf.replace(b"\n", b"\r\n"))
    assert trials("csv", "--check").status == 1
    assert trials("check").status == 1
    assert trials("csv").status == 0
    assert (registry / CSV).read_bytes() == lf


# --- bad data never reaches the CSV --------------------------------------------------------------


BROKEN = {
    "one record invalid": (IM19_PATH, IM19_MINIMAL.replace("RECRUITING", "Recruiting")),
    "a file that is not YAML": (IM19_PATH, "nct_id: [NCT06513429\n"),
    "a dangling reference": (
        IM19_PATH,
        IM19_MINIMAL + "related_trials:\n  - nct_id: NCT06900765\n"
        "    title: A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus\n",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_csv_refuses_to_write_while_any_record_has_a_problem(trials: Trials, registry: Path, case: str) -> None:
    path, text = BROKEN[case]
    put(registry, path, text)
    before = snapshot(registry)
    result = trials("csv")
    assert result.status == 1
    assert any(line.startswith(f"{path}:") for line in result.lines), "the problems are printed"
    assert "not written" in result.err
    assert snapshot(registry) == before, "trials.csv byte-identical, nothing else written"


def test_csv_creates_no_file_while_any_record_has_a_problem(trials: Trials, registry: Path) -> None:
    path, text = BROKEN["one record invalid"]
    put(registry, path, text)
    (registry / CSV).unlink()
    before = snapshot(registry)
    assert trials("csv").status == 1
    assert not (registry / CSV).exists()
    assert snapshot(registry) == before


def test_a_folder_in_a_generated_files_place_stops_the_run_before_any_write(trials: Trials, registry: Path) -> None:
    # trials.csv was brought up to date, then replacing datapackage.json by its new bytes failed on the
    # folder committed in its place: an internal error, and the CSV without its data package
    (registry / "datapackage.json").unlink()
    (registry / "datapackage.json").mkdir()
    (registry / "datapackage.json" / "kept").write_text("x", encoding="utf-8")
    (registry / CSV).write_text("stale\n", encoding="utf-8")
    before = snapshot(registry)
    result = trials("csv")
    assert result.status == 2 and "cannot write datapackage.json: a folder is there" in result.err, result.err
    assert snapshot(registry) == before


# --- cells ---------------------------------------------------------------------------------------

HOSTILE_SOURCE = "seeds/900_hostile.txt"


def put_hostile(registry: Path, title: str, nct_id: str = "NCT09000001") -> None:
    """A stub whose texts come from a source document (as a curator would copy them) that starts
    them with a spreadsheet formula character."""
    text = f"Trial {nct_id}\n{title}\n{title[0]}ABC\nUpdated 2025-01-01\nEnrollment: 12 participants\n"
    put(registry, HOSTILE_SOURCE, text)
    manifest = registry / "seeds" / "SHA256SUMS"  # as a curator adds a source (once: a name listed twice is E307)
    kept = [
        line
        for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.endswith(f"  {Path(HOSTILE_SOURCE).name}\n")
    ]
    manifest.write_text(
        "".join(kept) + f"{hashlib.sha256(text.encode()).hexdigest()}  {Path(HOSTILE_SOURCE).name}\n", encoding="utf-8"
    )
    put(
        registry,
        f"trials/{nct_id}.yaml",
        f"""\
nct_id: {nct_id}
brief_title: "{title}"
acronym: "{title[0]}ABC"
curation:
  status: stub
  out_of_scope: "{title}"
  sources:
    - file: {HOSTILE_SOURCE}
      kind: OTHER
      as_of: "2025-01-01"
enrollment:
  count: 12
sponsor:
  name: "{title}"
evidence:
  curation.sources.0.as_of: Updated 2025-01-01
  enrollment.count: "Enrollment: 12 participants"
""",
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "'"])
def test_formula_starts_are_neutralised_and_numbers_untouched(trials: Trials, registry: Path, start: str) -> None:
    """OWASP CSV injection: a text cell starting =, +, - or @ gets a leading quote; so does one
    starting with a quote, so that the guard can be undone."""
    title = f'{start}HYPERLINK(""http://example.invalid"",""open"")'.replace('""', "'")
    put_hostile(registry, title)
    data = generate(trials, registry)
    row = row_of(data, "NCT09000001")
    assert row["brief_title"] == "'" + title
    assert row["out_of_scope"] == "'" + title  # the curator's own words are guarded as a source's are
    assert row["sponsor"] == "'" + title
    assert row["acronym"] == f"'{start}ABC"
    assert row["enrollment"] == "12"  # numbers are never changed
    assert row_of(data, "NCT06513429")["brief_title"].startswith("IM19")  # other rows untouched


def test_a_guarded_formula_and_a_quoted_one_are_different_cells(trials: Trials, registry: Path) -> None:
    """=X was written '=X, and so was '=X itself: two values, one cell. Now '=X is written ''=X."""
    put_hostile(registry, "=SUM(1,2)", "NCT09000001")
    first = row_of(generate(trials, registry), "NCT09000001")["brief_title"]
    put_hostile(registry, "'=SUM(1,2)", "NCT09000001")
    second = row_of(generate(trials, registry), "NCT09000001")["brief_title"]
    assert (first, second) == ("'=SUM(1,2)", "''=SUM(1,2)")


def test_file_format(trials: Trials, registry: Path) -> None:
    data = generate(trials, registry)
    assert b"\r" not in data, "LF line ends only"
    assert not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")
    data.decode("utf-8")  # strict: raises on anything but UTF-8
    assert "×".encode() in data  # non-ASCII written as UTF-8
    header, *body = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    assert header == [c.name for c in COLUMNS]
    assert all(len(r) == len(header) for r in body)
    ids = [r[0] for r in body]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) == len(list((registry / "trials").glob("*.yaml")))


def test_rows_are_sorted_by_nct_id_whatever_the_file_order(trials: Trials, registry: Path) -> None:
    put_hostile(registry, "A first trial", "NCT00000001")
    ids = [r["nct_id"] for r in rows(generate(trials, registry))]
    assert ids[0] == "NCT00000001" and ids == sorted(ids)


def test_list_cells_are_joined_with_a_pipe(trials: Trials, registry: Path) -> None:
    row = row_of(generate(trials, registry), "NCT06513429")
    assert row["related_trials"].split("|") == [
        "NCT06886919",
        "NCT06585514",
        "NCT06310811",
        "NCT06900764",
        "NCT03030976",
    ]


def test_im19_row(trials: Trials, registry: Path) -> None:
    row = row_of(generate(trials, registry), "NCT06513429")
    assert row["overall_status"] == "RECRUITING"
    assert row["enrollment"] == "6"
    assert (row["minimum_age_years"], row["maximum_age_years"]) == ("18", "65")
    assert row["disease_activity_threshold"] == "SLEDAI-2K >= 10"
    assert row["dose_summary"] == "patients 1-3: 1×10^6 CAR-T cells/kg|patients 4-6: 1×10^8 CAR-T cells"
    assert row["phases"] == "NA" and row["study_type"] == "INTERVENTIONAL"
    assert (row["start_date"], row["primary_completion_date"], row["completion_date"]) == (
        "2024-07-30",
        "",
        "2027-12-31",
    )
    assert row["curation_status"] == "complete"


def test_relma_cel_row_leaves_the_unstated_enrollment_empty(trials: Trials, registry: Path) -> None:
    row = row_of(generate(trials, registry), "NCT05765006")
    assert row["enrollment"] == "" and row["enrollment_type"] == ""
    assert (row["minimum_age_years"], row["maximum_age_years"]) == ("18", "70")
    assert row["disease_activity_threshold"] == "SELENA-SLEDAI >= 8|SELENA-SLEDAI clinical symptoms >= 6"
    assert row["source_as_of"] == "2025-11-14"


def test_a_count_written_6_0_is_refused_and_the_csv_left_as_it_was(trials: Trials, registry: Path) -> None:
    """JSON Schema counts 6.0 as an integer, so the record once passed, and the CSV's integer column
    had to print 6, not 6.0, for loaders typed from the column table of docs/data.md. A whole number
    written as a decimal is now refused (E209), and no CSV is written from the refused record."""
    before = (registry / CSV).read_bytes()
    put(registry, IM19_PATH, IM19_MINIMAL + "enrollment:\n  count: 6.0\n")
    result = trials("csv")
    assert result.status == 1 and "E209 enrollment.count" in result.out, result.out + result.err
    assert (registry / CSV).read_bytes() == before


def test_a_huge_number_is_a_problem_or_a_cell_never_a_crash(trials: Trials, registry: Path) -> None:
    """A 401-digit threshold (a stuck key) must give exit 0 or 1, not 'internal error' (exit 3)."""
    text = (
        IM19_MINIMAL
        + f"""\
eligibility:
  inclusion_criteria:
    - number: 6
      text: Disease activity score (SLEDAI-2K) with a score of 10 or above (refer to Attachment 3)
  thresholds:
    - kind: DISEASE_ACTIVITY
      criterion: {{list: INCLUSION, number: 6}}
      measure: SLEDAI-2K
      comparator: ">="
      value: 1{"0" * 400}
      unit: points
"""
    )
    put(registry, IM19_PATH, text)
    for command in (["validate"], ["csv"]):
        result = trials(*command)
        assert result.status in (0, 1), f"trials {command[0]}: status {result.status}: {result.err}"
        assert "internal error" not in result.err


def test_a_number_is_written_with_every_digit_the_record_states() -> None:
    """A threshold of 0.125 was written 0.12, a dose of 1234567 as 1.2346×10^6 and of 0.005 mg as
    0.01: cells that said another value than the record. Every digit is kept, with no exponent; only
    an age worked out in years from another unit is rounded (to two decimals, or two significant
    digits under a year)."""
    record, _ = load.parse((DATA_ROOT / IM19_PATH).read_text(encoding="utf-8"), IM19_PATH)
    assert record is not None
    data = copy.deepcopy(record.data)
    threshold = next(t for t in data["eligibility"]["thresholds"] if t["kind"] == "DISEASE_ACTIVITY")
    threshold["value"] = 0.125
    data["arms"][0]["cohorts"][0]["dose"]["value"] = 1234567
    data["arms"][0]["cohorts"][1]["dose"]["value"] = 0.005
    data["eligibility"]["minimum_age"] = {"value": 7, "unit": "MONTHS"}
    row = dict(zip([c.name for c in COLUMNS], export.row(data)))
    assert row["disease_activity_value"] == "0.125" and row["disease_activity_threshold"] == "SLEDAI-2K >= 0.125"
    assert row["dose_summary"] == "patients 1-3: 1.234567×10^6 CAR-T cells/kg|patients 4-6: 0.005 CAR-T cells"
    assert {row["dose_low_value"], row["dose_high_value"]} == {"1234567", "0.005"}
    assert row["minimum_age_years"] == "0.58"
    # under a year, two significant digits: an age of a day or of hours is no age of 0 (no limit)
    for value, unit, years in ((1, "DAYS", "0.0027"), (12, "HOURS", "0.0014"), (2, "WEEKS", "0.038")):
        data["eligibility"]["minimum_age"] = {"value": value, "unit": unit}
        assert dict(zip([c.name for c in COLUMNS], export.row(data)))["minimum_age_years"] == years
