"""Attacks of hunt 37 on what analysts and clinicians open (trials.csv, the workbook, the database,
the site) and on what a pull request can change of the workflows and hooks.

- **A formula sign a spreadsheet reads as one.** The CSV's formula guard put a ' before a text cell
  starting with =, +, -, @, a tab, CR, LF or ', by the character itself. A full-width "＝" (U+FF1D),
  a small "﹢" (U+FE62) or a superscript "⁼" (U+207C) is the same sign in Unicode NFKC, and Apple
  Numbers reads a cell by its normalised text: `＝2+2` opened from a CSV shows 4 (csv-stringify
  guards the full-width four since 2023, adaltas/node-csv#387; OWASP's testing guide lists them). A
  record's acronym "＝HYPERLINK(...)", quoted from a source that writes it so, passed every check and
  trials.csv held it unguarded. The guard now goes by the first character as NFKC reads it
  (export.guarded), and unguard() undoes exactly that.
- **Text the workbook's reader decodes.** ECMA-376 (Part 1, 22.4.2.4) writes a character XML cannot
  hold as `_xHHHH_`, and Excel reads every `_xHHHH_` in a cell's text as the character U+HHHH (a
  cell "CAG_x6904_2" shows "CAG椄2": ClosedXML#608); a literal one is written with its underscore as
  `_x005F_`. openpyxl writes text as it is: a title "... in _x0036__x0030_ participants", quoted from
  a source that writes it so, read so by the checks and shown so by trials.csv and the site, showed
  "... in 60 participants" in the workbook. Its text is now written escaped (xlsx.ooxml_text).
- **A text longer than a cell holds.** Excel holds 32,767 characters (UTF-16 code units) in a cell;
  a workbook with a longer text is "damaged" to it, and its repair cuts the text without a word. An
  acronym of 52,889 characters passes every check (a record of 1 MiB may hold far longer lists of
  outcomes); the workbook held it whole. The cell now holds what fits, and a note saying so
  (xlsx.cell_text).
- **A dialect DuckDB guesses.** The README's DuckDB query read trials.csv with `read_csv('trials.csv',
  all_varchar = true)`, which sniffs the delimiter, quote, escape, header and rows to skip from the
  file's text (docs/data.md's names them). An official title "'" (written "''" by the formula guard)
  and an acronym "\\,," made DuckDB take "'" for the quote, skip 8 rows and read no header: the query
  failed, and `SELECT *` read one row of the file's last line in columns named column00 to column70.
  The README names the dialect now, as docs/data.md does.
- **A mention the escape does not stop.** `trials diff --format markdown` (review.yml's job summary)
  and `trials drift --format markdown` (drift.yml's issue body, written by a job that may write
  issues) print a title, a note or a criterion's text as Markdown text, each punctuation mark
  backslash-escaped "so that no link or mention is made of a value". GitHub finds mentions and
  references in the text it has rendered, after the escapes are read: "\\@someone" still mentions
  (and notifies) @someone, "\\#12" and "owner/repo\\#12" still reference an issue (github/markup#1168,
  github/cmark-gfm#181). A criterion of a study on ClinicalTrials.gov that says "contact @org/team"
  was in drift's issue body a mention of the team. An empty HTML comment now parts the sign from the
  name or number (changes.markdown_text): GitHub reads two texts, and shows the same words.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import AS_OF_LINE, IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put
from sle_trials.outputs import export

# --- a formula sign in another form ----------------------------------------------------------------

LINK = 'HYPERLINK("https://example.invalid/?leak","IM19")'
# each a formula start (or the guard's own quote) in Unicode NFKC: full-width, small, raised, lowered
SIGNS = ["\uff1d", "\ufe66", "\u207c", "\u208c", "\uff0b", "\ufe62", "\u207a", "\uff0d", "\ufe63", "\uff20", "\ufe6b"]


def _acronym_row(registry: Path, trials: Trials, acronym: str) -> dict[str, str]:
    """trials.csv's row of IM19 as a draft whose acronym is quoted from a source that writes it."""
    source = add_source(registry, "seeds/937_acronym.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Acronym: {acronym}\n")
    put(registry, IM19_PATH, joined(im19_draft(source), f"acronym: {json.dumps(acronym, ensure_ascii=False)}\n"))
    result = trials("csv")
    assert result.status == 0, result.out + result.err  # every check passes: the source writes it so
    text = (registry / "trials.csv").read_text(encoding="utf-8")
    [row] = [r for r in csv.DictReader(io.StringIO(text, newline="")) if r["nct_id"] == "NCT06513429"]
    return row


@pytest.mark.parametrize("sign", SIGNS, ids=[f"U+{ord(s):04X}" for s in SIGNS])
def test_a_formula_sign_in_another_form_is_guarded(registry: Path, trials: Trials, sign: str) -> None:
    assert unicodedata.normalize("NFKC", sign) in "=+-@"
    acronym = sign + LINK
    row = _acronym_row(registry, trials, acronym)
    assert row["acronym"] == "'" + acronym, row["acronym"]
    assert export.unguard(row["acronym"]) == acronym


@pytest.mark.parametrize("value", ["\uff07" + LINK, "'\uff1d" + LINK, "\u2212" + "5", "\u00bd dose", "\uff21BC"])
def test_the_guard_is_undone_exactly(value: str) -> None:
    """A value is written guarded or as it is, and unguard() gives it back either way: a full-width
    apostrophe reads as the guard's own quote, so it is guarded too; a minus sign (U+2212), a vulgar
    fraction or a full-width letter is no formula start and stays as it is."""
    cell = "'" + value if export.guarded(value) else value
    assert export.unguard(cell) == value
    assert export.guarded(value) == (unicodedata.normalize("NFKC", value[0])[0] in "=+-@\t\r\n'")


def test_the_workbook_holds_the_value_as_text(registry: Path, trials: Trials, tmp_path: Path) -> None:
    """The workbook undoes the guard (its text cells are text): the acronym as the record holds it."""
    import openpyxl

    acronym = "\uff1d" + LINK
    _acronym_row(registry, trials, acronym)
    book = tmp_path / "t.xlsx"
    assert trials("export", "xlsx", "--output", book).status == 0
    sheet = openpyxl.load_workbook(book)["trials"]
    header = [c.value for c in sheet[1]]
    [cells] = [r for r in sheet.iter_rows(min_row=2) if r[0].value == "NCT06513429"]
    got = {name: (c.value, c.data_type) for name, c in zip(header, cells)}
    assert got["acronym"] == (acronym, "s"), got["acronym"]


# --- text the workbook's reader decodes ------------------------------------------------------------

_SEQUENCE = re.compile("_x([0-9A-Fa-f]{4})_")


def _as_excel_reads(text: str) -> str:
    """A cell's text as Excel shows it: each _xHHHH_, left to right, the character U+HHHH."""
    return _SEQUENCE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _workbook_texts(book: Path) -> list[str]:
    """Every inline string and shared string of the workbook's sheets, as stored (XML entities read)."""
    import html

    with zipfile.ZipFile(book) as parts:
        xml = "".join(
            parts.read(name).decode("utf-8")
            for name in parts.namelist()
            if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml"
        )
    return [html.unescape(t) for t in re.findall(r"<t(?: [^>]*)?>([^<]*)</t>", xml)]


@pytest.mark.parametrize(
    "acronym",
    ["IM19_x0036__x0030_", "SLE_x0041_x0042_", "_x005F_x0036_", "A_X00e9_B", "_x0036_0 participants"],
)
def test_the_workbook_shows_the_text_excel_would_otherwise_decode(
    registry: Path, trials: Trials, tmp_path: Path, acronym: str
) -> None:
    """Each cell of text, as Excel reads it, is the record's text: an escape-like run is written with
    its underscore escaped (adjacent ones too, whose closing underscore opens the next)."""
    row = _acronym_row(registry, trials, acronym)
    assert row["acronym"] == acronym
    book = tmp_path / "t.xlsx"
    assert trials("export", "xlsx", "--output", book).status == 0
    shown = [_as_excel_reads(t) for t in _workbook_texts(book)]
    assert acronym in shown, [t for t in shown if "_" in t][:5]
    title = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
    assert title in shown and "nct_id" in shown  # text without such a run is written as it is


def test_the_escape_is_excels_own() -> None:
    """ooxml_text escapes exactly the underscores that open a sequence, and the result reads back."""
    from sle_trials.outputs import xlsx

    assert xlsx.ooxml_text("a_x0041_b") == "a_x005F_x0041_b"
    assert xlsx.ooxml_text("_x0041_x0042_") == "_x005F_x0041_x005F_x0042_"
    assert xlsx.ooxml_text("nct_id_x12_ _xZZZZ_") == "nct_id_x12_ _xZZZZ_"
    assert xlsx.ooxml_text("A_X00e9_B") == "A_x005F_X00e9_B"  # harmless where Excel takes "_x" only
    for text in ("_x0041_x0042_", "__x0041__", "_x005F_x0041_", "x_x_x0030_", "A_X00e9_B"):
        assert _as_excel_reads(xlsx.ooxml_text(text)) == text


# --- a cell longer than a spreadsheet holds --------------------------------------------------------

EXCEL_CELL_LIMIT = 32767  # Excel's "total number of characters that a cell can contain" (UTF-16 units)


def _workbook_acronym(registry: Path, trials: Trials, tmp_path: Path, acronym: str) -> str:
    """The workbook's cell of IM19's acronym, as Excel reads it."""
    _acronym_row(registry, trials, acronym)
    book = tmp_path / "t.xlsx"
    assert trials("export", "xlsx", "--output", book).status == 0
    start = acronym[:20]
    [cell] = [t for t in map(_as_excel_reads, _workbook_texts(book)) if t.startswith(start)]
    return cell


@pytest.mark.parametrize(
    "acronym",
    [
        " ".join(f"word{i}" for i in range(6000)),  # 52,889 characters
        "\U00020000" * 17000,  # 17,000 characters beyond U+FFFF: 34,000 UTF-16 code units
        "R&D <" * 7000,  # 35,000 characters, and XML's escapes of & and <
        "_x0036_" * 5000,  # 35,000 characters, each run stored escaped
    ],
    ids=["words", "beyond-bmp", "xml-escapes", "escape-runs"],
)
def test_a_text_longer_than_a_cell_holds_is_cut_and_says_so(
    registry: Path, trials: Trials, tmp_path: Path, acronym: str
) -> None:
    """A record's acronym of more characters than a workbook's cell holds passes every check; the
    workbook held it whole, which Excel calls damaged, offers to repair, and cuts without a word. The
    cell now holds what fits and says where the whole text is."""
    from sle_trials.outputs import xlsx

    cell = _workbook_acronym(registry, trials, tmp_path, acronym)
    stored = xlsx.ooxml_text(cell)
    assert len(stored.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT
    kept, _, note = cell.partition(" [… cut: ")
    assert acronym.startswith(kept) and len(kept) > len(acronym) // 3, (len(kept), len(acronym))
    assert f"the whole text, {len(acronym):,} characters, is in trials.csv]" in note


def test_a_text_that_fits_a_cell_is_whole(registry: Path, trials: Trials, tmp_path: Path) -> None:
    acronym = "A" * (EXCEL_CELL_LIMIT - 1)
    assert _workbook_acronym(registry, trials, tmp_path, acronym) == acronym


# --- a dialect DuckDB guesses ----------------------------------------------------------------------


def test_the_readmes_duckdb_query_reads_the_table_as_written(
    registry: Path, trials: Trials, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draft of a trial whose id sorts last, its official title "'" and its acronym ",,": DuckDB
    took "'" for the quote and skipped every row before that trial's, and the README's query failed
    (no column nct_id). Read with the dialect named, every row is read as written."""
    import duckdb
    from doc_snippets import README, SNIPPETS, Place

    title = "A Study of CAR-T Cells in Lupus"
    source = add_source(
        registry, "seeds/937_dialect.txt", f"Trial NCT09999999: {title}\n{AS_OF_LINE}Title: '\nAcronym: ,,\n"
    )
    draft = im19_draft(source).replace("NCT06513429", "NCT09999999")
    draft = draft.replace(
        "brief_title: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)", f"brief_title: {title}"
    )
    put(registry, "trials/NCT09999999.yaml", joined(draft, 'official_title: "\'"\nacronym: ",,"\n'))
    result = trials("csv")
    assert result.status == 0, result.out + result.err
    (tmp_path / "trials.csv").write_bytes((registry / "trials.csv").read_bytes())
    monkeypatch.chdir(tmp_path)
    query = SNIPPETS[Place(*README, "sql")].rstrip().rstrip(";")
    table = query.split("FROM ", 1)[1].split("\n", 1)[0]  # read_csv(...) as the README calls it
    con = duckdb.connect()
    try:
        read = con.execute(f"SELECT nct_id, official_title, acronym FROM {table}").fetchall()
        con.execute(query).fetchall()  # the README's query itself runs
    finally:
        con.close()
    with open(tmp_path / "trials.csv", encoding="utf-8", newline="") as handle:
        written = [(r["nct_id"], r["official_title"], r["acronym"]) for r in csv.DictReader(handle)]
    assert written[-1] == ("NCT09999999", "''", ",,")
    assert [tuple(c or "" for c in r) for r in read] == written


# --- a mention the escape does not stop -------------------------------------------------------------

# What GitHub makes a mention or a reference of, in a text node of the rendered HTML (outside code and
# links): @name and @org/team, #12, owner/repo#12, GH-12.
_GITHUB_MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9]|#[0-9]|\bGH-[0-9]", re.IGNORECASE)


@pytest.mark.parametrize(
    "value",
    ["contact @someone", "@org/team please", "see #12", "octo/repo#12", "GH-12 and gh-3", "a@b.example", "&#64;x"],
)
def test_markdown_text_makes_no_mention_or_reference(value: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    from sle_trials.curate import changes

    html = markdown_it.MarkdownIt().render("x " + changes.markdown_text(value)).strip()
    texts = re.split(r"<!--.*?-->|<[^>]*>", html)
    assert not [t for t in texts if _GITHUB_MENTION.search(t) and "a@b" not in t], html
    import html as html_

    shown = html_.unescape(re.sub(r"<!--.*?-->", "", html))
    assert shown == f"<p>x {value}</p>", shown
