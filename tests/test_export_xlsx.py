"""`trials export xlsx`: the summary table as a spreadsheet user needs it.

A double-clicked UTF-8 CSV garbles "×" in Excel and turns "2006-11" into a date; the workbook holds
typed cells instead: numbers as numbers, true/false as booleans, every text (dates and lists too) as
text, never a formula. It is made from the registry's own trials.csv rows, byte-identical on every
run, written only when the registry checks clean, and the command says how to install openpyxl when
it is missing.
"""

from __future__ import annotations

import builtins
import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
from conftest import Trials
from sle_trials.outputs import xlsx

IM19 = "NCT06513429"


def sheet_rows(path: Path, name: str) -> list[list]:
    return [[c for c in row] for row in openpyxl.load_workbook(path)[name].iter_rows()]


def test_the_workbook_holds_the_csv_rows_typed(trials: Trials, registry: Path) -> None:
    result = trials("export", "xlsx")
    assert result.status == 0, result.out + result.err
    book = registry / "trials.xlsx"
    rows = sheet_rows(book, "trials")
    header = [c.value for c in rows[0]]
    with open(registry / "trials.csv", encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert header == table[0] and len(rows) == len(table)
    fields = {
        f["name"]: f
        for f in json.loads((registry / "datapackage.json").read_text(encoding="utf-8"))["resources"][0]["schema"][
            "fields"
        ]
    }
    im19 = {h: c for h, c in zip(header, next(r for r in rows if r[0].value == IM19))}
    assert im19["enrollment"].value == 6 and im19["enrollment"].data_type == "n"
    assert im19["dose_high_value"].value == 100_000_000 and im19["disease_activity_value"].value == 10
    assert im19["healthy_volunteers"].value is False and im19["refractory"].value is True
    assert im19["start_date"].value == "2024-07-30" and im19["start_date"].data_type == "s"
    assert im19["start_date"].number_format == "@", "a date-like text stays text when edited"
    assert im19["dose_summary"].value == "patients 1-3: 1×10^6 CAR-T cells/kg|patients 4-6: 1×10^8 CAR-T cells"
    for row, line in zip(rows[1:], table[1:]):  # every cell is the CSV's cell, typed
        for name, cell, text in zip(header, row, line):
            kind = fields[name]["type"]
            expected = xlsx.typed(text, kind)
            assert cell.value == expected, (name, cell.value, text)
            assert cell.data_type != "f"
    about = sheet_rows(book, "columns")
    assert [c.value for c in about[0]] == ["column", "type", "list separator", "description"]
    assert [[c.value for c in r][:2] for r in about[1:]] == [[n, f["type"]] for n, f in fields.items()]
    assert all(r[3].value == fields[r[0].value]["description"] for r in about[1:])


def test_a_formula_like_text_is_text_and_the_guard_undone() -> None:
    text = "nct_id,brief_title,enrollment\nNCT00000001,'=1+1 Study,3\nNCT00000002,''=x,\n"
    fields = [
        {"name": "nct_id", "type": "string", "description": "id"},
        {"name": "brief_title", "type": "string", "description": "title"},
        {"name": "enrollment", "type": "integer", "description": "count"},
    ]
    book = openpyxl.load_workbook(io.BytesIO(xlsx.workbook_bytes(text, fields)))
    rows = list(book["trials"].iter_rows())
    assert (rows[1][1].value, rows[1][1].data_type) == ("=1+1 Study", "s")
    assert rows[2][1].value == "'=x" and rows[2][2].value is None and rows[1][2].value == 3


def test_byte_identical_on_every_run(trials: Trials, registry: Path, tmp_path: Path) -> None:
    assert trials("export", "xlsx", "--output", tmp_path / "a.xlsx").status == 0
    assert trials("export", "xlsx", "--output", tmp_path / "b.xlsx").status == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_the_bytes_name_no_library_and_need_no_compressor(trials: Trials, tmp_path: Path, monkeypatch) -> None:
    # openpyxl wrote its version into docProps/app.xml and the entries were deflated by the machine's
    # zlib: another openpyxl release, or a Python linked with zlib-ng, gave other bytes for the same
    # records. A compressor that writes other bytes (level 1 for the default) changes nothing now.
    import zlib

    assert trials("export", "xlsx", "--output", tmp_path / "a.xlsx").status == 0
    raw = (tmp_path / "a.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as book:
        assert {entry.compress_type for entry in book.infolist()} == {zipfile.ZIP_STORED}
        text = b"".join(book.read(name) for name in book.namelist())
        assert book.read("docProps/app.xml") == xlsx.APP_PROPERTIES
    assert openpyxl.__version__.encode() not in text and b"penpyxl 3" not in text
    real = zlib.compressobj
    monkeypatch.setattr(zlib, "compressobj", lambda level=-1, *a, **k: real(1, *a, **k))
    assert trials("export", "xlsx", "--output", tmp_path / "b.xlsx").status == 0
    assert (tmp_path / "b.xlsx").read_bytes() == raw
    assert openpyxl.load_workbook(tmp_path / "b.xlsx")["trials"].max_row > 1  # and it opens


def test_nothing_is_written_while_a_record_has_a_problem(trials: Trials, registry: Path) -> None:
    path = registry / "trials" / "NCT06513429.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("overall_status: RECRUITING", "overall_status: RECRUITNG"),
        encoding="utf-8",
    )
    result = trials("export", "xlsx")
    assert result.status == 1 and "E204" in result.out and "not written" in result.err
    assert not (registry / "trials.xlsx").exists()


def test_standard_output_is_refused(trials: Trials) -> None:
    result = trials("export", "xlsx", "--output", "-")
    assert result.status == 2 and "standard output" in result.err


def test_without_openpyxl_the_command_says_how_to_install_it(trials: Trials, registry: Path, monkeypatch) -> None:
    real = builtins.__import__

    def no_openpyxl(name: str, *args, **kwargs):
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ImportError("No module named 'openpyxl'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    result = trials("export", "xlsx")
    assert result.status == 2 and "pip install -e '.[xlsx]'" in result.err
    assert not (registry / "trials.xlsx").exists()
