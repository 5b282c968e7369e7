"""Pull-request attacks by a quote across a table's rows: words a reader sees one above the other, read as a run.

A web page is read as a line for each block (reading/markup.py), a table's cells too, and a quote
may run from line to line. A reader sees a table's rows one above the other, each row's cells side by
side: in a table of "Sites | Enrollment:" over "60 | 6 participants", "Enrollment:" heads the column
that says 6, yet "Enrollment: 60" ran from the first row's last cell into the second row's first,
and bound an enrollment of 60. A row's end now stands as a character no record holds
(invisible.SEPARATOR), so no quote or value runs across it; a row's cells side by side are read in a
run as before ("Enrollment: | 60 participants" in one row).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_TITLE_LINE, Trials, add_source_bytes, enrollment_draft
from sle_trials.reading import layouts, markup

TITLE = IM19_TITLE_LINE
SOURCE = "seeds/966_table.html"


def _draft(registry: Path, table: str, count: int, quote: str) -> None:
    raw = f"<html><body><p>{TITLE}</p><p>Last Updated: 2025-08-17</p>{table}</body></html>\n".encode()
    add_source_bytes(registry, SOURCE, raw)
    enrollment_draft(registry, SOURCE, count, quote)


COLUMNS = "<table><tr><th>Sites</th><th>Enrollment:</th></tr><tr><td>60</td><td>6 participants</td></tr></table>"


@pytest.mark.parametrize(("count", "quote"), [(60, "Enrollment: 60"), (60, "Enrollment: 60 6 participants")])
def test_a_quote_across_a_tables_rows_binds_nothing(registry: Path, trials: Trials, count: int, quote: str) -> None:
    _draft(registry, COLUMNS, count, quote)
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 1, result.out


def test_a_rows_cells_side_by_side_are_read_in_a_run(registry: Path, trials: Trials) -> None:
    _draft(registry, "<table><tr><th>Enrollment:</th><td>60 participants</td></tr></table>", 60, "Enrollment: 60")
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_rows_are_separated_once() -> None:
    text = markup.read(f"<p>a</p>{COLUMNS}<p>b</p>").text
    assert layouts.normalise(text) == "a \uffff Sites Enrollment: \uffff 60 6 participants \uffff b"
