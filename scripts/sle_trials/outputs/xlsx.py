"""The spreadsheet: trials.csv as an .xlsx workbook with typed cells (`trials export xlsx`).

A UTF-8 CSV without a byte-order mark, double-clicked, is read by Excel in a legacy encoding ("×" and
"é" garbled) and its cells are guessed at ("2006-11" becomes a date). A workbook says what each cell
is: numbers are numbers, true/false are booleans, and every other cell (texts, partial dates, lists)
is text, stored as text, so nothing is converted and no cell is a formula (a text starting with "="
is written as that text; the CSV's formula guard, a leading "'", is undone) and none is decoded (a
text's "_xHHHH_" is written as Excel writes it, ooxml_text). A second sheet describes
the columns as datapackage.json does.

The workbook is made from the CSV's own bytes (the same rows, the same order) and is byte-identical
on every run and every machine: openpyxl stamps the time of writing into the file and into every zip
entry, so those are set to one fixed time; it writes its own version into docProps/app.xml ("Openpyxl
3.1.5"), so that part is written here (APP_PROPERTIES); and a compressed entry's bytes are those of
the machine's zlib (zlib-ng, which some systems link Python with, and forks of zlib deflate otherwise),
so the entries are stored, not compressed. What remains is the XML openpyxl writes for the cells and
styles, the same for the same openpyxl. openpyxl is an optional dependency (the `xlsx` extra): the
command says how to install it when it is missing.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from sle_trials import decimals, files
from sle_trials.outputs import export, package
from sle_trials.patterns import lazy

XLSX_PATH = Path("trials.xlsx")  # the default output: generated on demand, not committed
INSTALL_HINT = "trials export xlsx needs openpyxl: run .venv/bin/pip install -e '.[xlsx]' (make test installs it too)"
# The time every entry and the document's properties carry, so that the bytes do not depend on the clock.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_STAMP = lazy(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
# The application properties, in place of openpyxl's (which name its version): who wrote the workbook.
APP_PROPERTIES = (
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>sle-car-t-trials (trials export xlsx)</Application></Properties>"
)
TEXT_FORMAT = "@"  # Excel's "Text" number format: what the user types later stays text too
# ECMA-376 Part 1, 22.4.2.4: a character XML cannot hold is written "_xHHHH_", and Excel reads every
# "_xHHHH_" in a cell's text as the character U+HHHH ("CAG_x6904_2" shows "CAG椄2"); a literal one is
# written with its underscore as "_x005F_", as Excel writes it. Each underscore that opens such a run
# (a run's closing underscore may open the next: "_x0041_x0042_"), an "_X" one too, which costs
# nothing where a reader takes only "_x".
_OPENS_ESCAPE = lazy("_(?=[xX][0-9A-Fa-f]{4}_)")
# Excel's limit on a cell's text, in UTF-16 code units (a character beyond U+FFFF counts two). Excel
# calls a workbook with a longer text damaged ("We found a problem with some content"), asks whether to
# repair it, and cuts the text where the limit falls, saying nowhere in the cell that it did.
CELL_LIMIT = 32767
SHEETS = ("trials", "columns")  # the workbook's sheets, in order: what marks one this command wrote
WORKBOOK_LIMIT = 256 << 20  # a workbook of the registry is tens of kilobytes
WORKBOOK_PART_LIMIT = 1 << 20  # its xl/workbook.xml, which names the sheets, is under a kilobyte


class MissingDependency(Exception):
    """openpyxl is not installed."""


def typed(value: str, kind: str) -> Any:
    """A CSV cell as the workbook holds it: None for an empty cell, a number or a boolean for those
    columns when the cell is one (as the CSV writes them), else the text with the CSV's formula guard
    undone. A cell that is not of its column's type (only a changed schema lets a record hold one)
    is that text: read as a boolean, any text but "true" was FALSE, and as a number it stopped the export."""
    if value == "":
        return None
    if kind in ("integer", "number") and decimals.PLAIN.fullmatch(value):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return export.unguard(value)


def ooxml_text(text: str) -> str:
    """A cell's text as the workbook stores it, so that Excel shows the text itself: openpyxl writes it
    as it is, and a title "... _x0036__x0030_ participants" (the checks, trials.csv and the site read
    those characters) showed "... 60 participants"."""
    return _OPENS_ESCAPE.sub("_x005F_", text) if "_" in text else text


def _units(stored: str) -> int:
    """A stored text's length as Excel may count it: UTF-16 code units, and the XML's own escapes of
    & < > (a text at the limit with them was still called damaged: PHPOffice/PhpSpreadsheet#2913)."""
    xml = len(stored) + 4 * stored.count("&") + 3 * (stored.count("<") + stored.count(">"))
    return xml + sum(1 for c in stored if ord(c) > 0xFFFF)


def cell_text(text: str) -> str:
    """A cell's text as the workbook stores it (ooxml_text), cut to CELL_LIMIT where it is longer,
    with a note at the cut saying so: a record of 1 MiB may hold a list of outcomes of 50,000
    characters, which Excel would refuse as damaged and then cut without a word."""
    stored = ooxml_text(text)
    if _units(stored) <= CELL_LIMIT:
        return stored
    note = (
        f" [… cut: a workbook's cell holds {CELL_LIMIT:,} characters; the whole text, {len(text):,} "
        "characters, is in trials.csv]"
    )
    room = CELL_LIMIT - _units(note)
    low, high = 0, min(len(text), room)  # the most characters of text whose stored form fits the room
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _units(ooxml_text(text[:middle])) <= room else (low, middle - 1)
    return ooxml_text(text[:low]) + note


def is_workbook(path: Path) -> bool:
    """Whether the file at path is a workbook as this command writes it: a zip (read through the
    guard, at most WORKBOOK_LIMIT) whose workbook names exactly SHEETS. Its xl/workbook.xml is
    inflated to at most WORKBOOK_PART_LIMIT, whatever its header says: a file of a megabyte whose
    part inflated to a gigabyte made the command allocate the gigabyte."""
    raw = files.read_bytes(path, WORKBOOK_LIMIT)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as book, book.open("xl/workbook.xml") as part:
            data = part.read(WORKBOOK_PART_LIMIT + 1)
        if len(data) > WORKBOOK_PART_LIMIT:
            return False
        text = data.decode("utf-8")
    except (zipfile.BadZipFile, zlib.error, KeyError, UnicodeDecodeError, OSError, EOFError, RuntimeError, ValueError):
        # not a zip, no such part, a damaged stream, an encrypted part or an unknown compression
        # (NotImplementedError is a RuntimeError)
        return False
    return tuple(re.findall(r'<sheet [^>]*?name="([^"]*)"', text)) == SHEETS


def workbook_bytes(csv_text: str, descriptors: list[dict]) -> bytes:
    """The workbook of a trials.csv text; descriptors: the data package's fields (name, type, description)."""
    try:
        import openpyxl
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:
        raise MissingDependency(INSTALL_HINT) from exc
    rows = list(csv.reader(io.StringIO(csv_text)))
    header, body = rows[0], rows[1:]
    kinds = {d["name"]: d["type"] for d in descriptors}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "trials"
    sheet.append([ooxml_text(name) for name in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in body:
        sheet.append([None] * len(values))
        for column, (name, value) in enumerate(zip(header, values), start=1):
            cell = sheet.cell(row=sheet.max_row, column=column)
            held = typed(value, kinds.get(name, "string"))
            cell.value = cell_text(held) if isinstance(held, str) else held
            if isinstance(held, str):
                cell.data_type = "s"  # openpyxl reads a text starting with "=" as a formula: it is text
                cell.number_format = TEXT_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows)}"
    about = book.create_sheet("columns")
    about.append(["column", "type", "list separator", "description"])
    for cell in about[1]:
        cell.font = Font(bold=True)
    for d in descriptors:
        about.append(
            [ooxml_text(d[key]) for key in ("name", "type")]
            + [d.get(package.LIST_KEY, "")]
            + [ooxml_text(d["description"])]
        )
        for cell in about[about.max_row]:
            cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return _fixed_time(out.getvalue())


def _fixed_time(raw: bytes) -> bytes:
    """The zip with every entry dated FIXED_TIME and stored (zlib's output differs from machine to
    machine), the document's created and modified times set to FIXED_TIME and its application
    properties to APP_PROPERTIES."""
    stamp = b"%04d-%02d-%02dT%02d:%02d:%02dZ" % FIXED_TIME
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                data = _STAMP.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            elif entry.filename == "docProps/app.xml":
                data = APP_PROPERTIES
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()
