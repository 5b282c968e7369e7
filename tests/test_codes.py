"""The registry of problem codes against its failing fixtures, and the generated tables of the docs.

Each code in sle_trials.checks.codes.CODES has exactly one fixture tests/fixtures/invalid/<CODE>-<what>.yaml.
Its first two lines say what is wrong and how the test uses it:

    # E104: a minimum age of 70 years above the maximum of 65.
    # test: placed as trials/NCT06513429.yaml; expect E104 at 13:3

The fixture is copied to that path in a copy of the registry (replacing the record there, if any;
the E306 fixture is a source document and goes under seeds/), and the registry is checked with the
command for the code's stage: `validate` for E0xx-E2xx and E5xx (one file alone), `refs` for E3xx
(across records), `csv --check` for E4xx. The run must report that code and no other, at the
line:column the header gives, or without a position where the header says so. The few setups a
file alone cannot express are in SETUPS below and named in their fixture's header.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, GIT_ENV, PLAIN_TEXT, REPO, Trials, add_plain_source, add_source, put
from sle_trials.checks import load, refs, source_file, table
from sle_trials.outputs import export
from sle_trials.paths import CSV_PATH

CODES = table()

INVALID = FIXTURES / "invalid"
FIXTURE_NAME = re.compile(r"(?P<code>E[0-9]{3})-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml")
HEADER = re.compile(
    rb"^# test: placed as (?P<place>trials/(?:[a-z]+/)?NCT[0-9]{8}\.yaml|seeds/[A-Za-z0-9._-]+)[^;\r\n]*;"
    rb" expect (?P<code>E[0-9]{3}) (?:at (?P<line>[0-9]+):(?P<col>[0-9]+)|without position)\r?$",
    re.MULTILINE,
)
ONE_MIB = 1024 * 1024


def invalid_fixtures() -> list[Path]:
    return sorted(p for p in INVALID.iterdir() if not p.name.startswith("."))


def fixture_code(path: Path) -> str:
    match = FIXTURE_NAME.fullmatch(path.name)
    assert match, f"{path.name}: fixture names are <CODE>-<what>.yaml (lower case, digits, hyphens)"
    return match.group("code")


def header(path: Path) -> re.Match[bytes]:
    match = HEADER.search(path.read_bytes())
    assert match, f"{path.name}: no '# test: placed as ...; expect ...' line"
    return match


# --- the registry and the fixtures ---------------------------------------------------------------


def test_fixture_names_name_registered_codes() -> None:
    unknown = sorted(p.name for p in invalid_fixtures() if fixture_code(p) not in CODES)
    assert not unknown, f"fixtures for codes that sle_trials.checks.codes does not register: {unknown}"


def test_every_code_has_exactly_one_failing_fixture() -> None:
    count = Counter(fixture_code(p) for p in invalid_fixtures())
    missing = sorted(code for code in CODES if count[code] == 0)
    twice = sorted(code for code, n in count.items() if n > 1)
    assert not missing, f"codes without a fixture under tests/fixtures/invalid/: {missing}"
    assert not twice, f"codes with more than one fixture: {twice}"


def test_codes_are_well_formed() -> None:
    for code, entry in CODES.items():
        assert entry.code == code
        assert re.fullmatch(r"E[0-9]{3}", code), code
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry.name), (code, entry.name)
    names = Counter(c.name for c in CODES.values())
    assert [n for n, k in names.items() if k > 1] == [], "two codes share a name"


# --- each fixture fails with its code ------------------------------------------------------------


def _replace_with_directory(target: Path, data: bytes) -> None:
    """E001: a directory where the trial file should be (permissions do not stop root)."""
    target.unlink()
    target.mkdir()


def _inflate(target: Path, data: bytes) -> None:
    """E004: repeat the fixture's last line (a comment) until the file is over 1 MiB."""
    last = data.rstrip(b"\n").rsplit(b"\n", 1)[-1] + b"\n"
    assert last.startswith(b"#"), "the E004 fixture must end with a comment line to repeat"
    target.write_bytes(data + last * (ONE_MIB // len(last) + 1))
    assert target.stat().st_size > ONE_MIB


def _list_in_manifest(target: Path, data: bytes) -> None:
    """A new source document with its line in seeds/SHA256SUMS, as docs/curating.md says to add one."""
    with open(target.parent / "SHA256SUMS", "a", encoding="utf-8") as manifest:
        manifest.write(f"{hashlib.sha256(data).hexdigest()}  {target.name}\n")


def _plain_source(target: Path, data: bytes) -> None:
    """The cross-record fixtures and E515 cite conftest.PLAIN_SOURCE, which lists what they get wrong."""
    add_plain_source(target.parents[1])


def _rewritten_on_checkout(target: Path, data: bytes) -> None:
    """E308: the registry in a git work tree whose .gitattributes gives the record `ident`."""
    root = target.parents[1]
    add_plain_source(root)
    subprocess.run(["git", "init", "-q", str(root)], check=True, env={**os.environ, **GIT_ENV}, timeout=60)
    (root / ".gitattributes").write_text(f"{target.relative_to(root).as_posix()} ident\n", encoding="utf-8")


def _large_source(target: Path, data: bytes) -> None:
    """E530: the source the fixture cites, 4 MiB of plain text naming the trial first."""
    filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n"
    text = PLAIN_TEXT + filler * (4 * ONE_MIB // len(filler))
    add_source(target.parents[1], "seeds/960_large.txt", text)


def _styled_page(target: Path, data: bytes) -> None:
    """E531: conftest.PLAIN_SOURCE, and a page styled by a style sheet it does not hold."""
    add_plain_source(target.parents[1])
    head = '<!DOCTYPE html>\n<html><head><link rel="stylesheet" href="site.css"></head>\n'
    page = f"{head}<body><p>Trial</p></body></html>\n"
    add_source(target.parents[1], "seeds/961_styled.html", page)


def _newer_copy(target: Path, data: bytes) -> None:
    """E534: a newer copy of IM19's registry page, its last update 2025-10-01 and its status
    ACTIVE_NOT_RECRUITING, beside the one the record was first curated from."""
    root = target.parents[1]
    text = (root / "seeds" / "000_84a0f0163f21158e.txt").read_text(encoding="utf-8")
    newer = text.replace("Last Updated: 2025-08-17", "Last Updated: 2025-10-01").replace(
        "\nRECRUITING\n", "\nACTIVE_NOT_RECRUITING\n"
    )
    assert newer.count("ACTIVE_NOT_RECRUITING") == 1 and "2025-10-01" in newer
    add_source(root, "seeds/962_im19_updated.txt", newer)


def _other_disease(target: Path, data: bytes) -> None:
    """E114: the source of a trial in another disease, naming it and its title."""
    text = "Trial NCT09990001: Methotrexate Dose Escalation in Early Rheumatoid Arthritis\nLast Updated: 2025-08-17\n"
    add_source(target.parents[1], "seeds/962_other.txt", text)


SETUPS = {
    "E001": _replace_with_directory,
    "E004": _inflate,
    "E306": _list_in_manifest,
    "E301": _plain_source,
    "E302": _plain_source,
    "E304": _plain_source,
    "E515": _plain_source,
    "E308": _rewritten_on_checkout,
    "E530": _large_source,
    "E531": _styled_page,
    "E534": _newer_copy,
    "E114": _other_disease,
}


def _command(code: str, target: Path) -> list[str]:
    """What reports the code: refs and csv --check read the whole registry; any other code is the
    fixture's own, reported by `trials validate FILE` (the registry's records, checked with it, would
    add 0.1 s to each of the 140 fixtures)."""
    return {"E3": ["refs"], "E4": ["csv", "--check"]}.get(code[:2], ["validate", str(target)])


@pytest.mark.parametrize("fixture", invalid_fixtures(), ids=lambda p: p.stem)
def test_fixture_fails_with_its_code(fixture: Path, registry: Path, trials: Trials) -> None:
    code = fixture_code(fixture)
    head = header(fixture)
    assert head["code"].decode() == code, "the header expects another code than the file name"
    place = head["place"].decode()
    data = fixture.read_bytes()

    if code == "E305":
        # Two files claiming one nct_id cannot both sit in trials/ (E101 ties the name to the id),
        # so the two records are loaded and cross-checked the way `trials refs` does it.
        target = put(registry, place, data)
        records = []
        for file in (registry / "trials" / target.name, target):
            record, problems = load.load(file, file.relative_to(registry).as_posix())
            assert record is not None and problems == []
            records.append(record)
        found = refs.check([refs.entry(r) for r in records])
        assert {p.code for p in found} == {"E305"}
        assert [(p.path, p.line, p.column) for p in found] == [(place, int(head["line"]), int(head["col"]))]
        return

    target = put(registry, place, data)
    if code in SETUPS:
        SETUPS[code](target, data)
    if code[:2] in ("E3", "E4"):
        # cross-record and CSV fixtures are valid records on their own
        alone = trials.json("validate")
        assert alone.problems() == [], f"{fixture.name} should pass `validate` alone"

    result = trials(*_command(code, target), fmt="json")
    assert result.status == 1, result.out + result.err
    assert result.codes() == {code}, f"{fixture.name}: expected only {code}, got {result.problems()}"
    expected_path = CSV_PATH.as_posix() if code[:2] == "E4" else place
    where = result.where(code)
    if head["line"] is None:
        assert (expected_path, None, None) in where, f"{fixture.name}: expected {code} for {expected_path}, got {where}"
        assert all(line is None and col is None for _, line, col in where), "this problem has no place in a file"
    else:
        expected = (expected_path, int(head["line"]), int(head["col"]))
        assert expected in where, f"{fixture.name}: expected {code} at {expected[1]}:{expected[2]}, got {where}"


def test_fixtures_with_special_bytes_keep_them() -> None:
    """The load fixtures are about bytes an editor or a hook might 'fix': make sure they are still there."""
    must_hold = {
        "E002": b"\xd7",
        "E003": b"\x00",
        "E005": b"\t",
        "E016": b"\xef\xbb\xbf",
        "E017": b"\r\n",
        "E020": "\u200b".encode(),
    }
    by_code = {fixture_code(p): p for p in invalid_fixtures()}
    for code, needle in must_hold.items():
        assert needle in by_code[code].read_bytes(), f"{by_code[code].name} lost its {needle!r}"
    assert by_code["E016"].read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\n" not in by_code["E017"].read_bytes().replace(b"\r\n", b""), "E017 fixture: every line end is CRLF"
    assert by_code["E004"].stat().st_size < 4096, "the E004 fixture is inflated at test time, not committed big"


# --- the generated tables of the docs ---------------------------------------------------------------


def markdown_table(doc: str, name: str) -> list[list[str]]:
    """Body rows of the table between <!-- NAME:start --> and <!-- NAME:end --> of a document, split as
    GitHub does: on every '|' not escaped with a backslash (inside code spans too)."""
    text = (REPO / doc).read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    assert text.count(start) == 1 and text.count(end) == 1, f"{doc}: one {name} table"
    block = text.split(start, 1)[1].split(end, 1)[0]
    lines = [line.strip() for line in block.strip().splitlines()]
    assert len(lines) >= 2 and re.fullmatch(r"\|(?:\s*:?-+:?\s*\|)+", lines[1]), "not a markdown table"
    rows = []
    for line in [lines[0], *lines[2:]]:
        cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
        rows.append([c.strip().replace("\\|", "|") for c in cells])
    return rows


def test_code_table_lists_exactly_the_registered_codes() -> None:
    header_row, *rows = markdown_table("docs/checks.md", "codes")
    assert header_row == ["code", "name", "checked in", "what it means"]
    listed = [row[0] for row in rows]
    assert len(listed) == len(set(listed)), "a code is listed twice"
    assert sorted(listed) == sorted(CODES), "docs/checks.md codes differ from the declared checks"
    for code, name, module, summary, *_ in rows:
        entry = CODES[code]
        assert name == entry.name, f"{code}: docs/checks.md says {name!r}, its declaration says {entry.name!r}"
        # the declaring module first, then any other that reports the code too (outputs/docs.py)
        assert module.split(" (also ")[0] == f"`{source_file(entry)}`", f"{code}: docs/checks.md module {module}"
        assert summary == entry.summary, f"{code}: docs/checks.md meaning differs from its declaration"


def test_the_table_names_every_module_that_reports_a_code() -> None:
    """A code some other module reports too is found from its code in one step: E512's "its quote
    stands only in words on another arm" is binding/doses.py's and "no row of the source gives" rows.py's,
    though evidence.py declares E512. Read back from the table: each file it names reports the code
    (its text has the code's literal), and no file reporting it is left out."""
    _, *rows = markdown_table("docs/checks.md", "codes")
    package = REPO / "scripts" / "sle_trials"
    texts = {f"scripts/{f.relative_to(package.parent).as_posix()}": f.read_text("utf-8") for f in package.rglob("*.py")}
    named = {row[0]: re.findall(r"`([^`]+)`", row[2]) for row in rows}
    assert (
        "scripts/sle_trials/checks/rows.py" in named["E512"]
        and "scripts/sle_trials/checks/binding/doses.py" in named["E512"]
    )
    for code, files in named.items():
        assert all(f'"{code}"' in texts[f] for f in files), (code, files)
        reporting = {
            f for f, text in texts.items() if re.search(rf'problem\([^()]*"{code}"|Problem\([^()]*"{code}"', text)
        }
        assert reporting <= set(files), (code, sorted(reporting - set(files)))


def test_each_code_is_raised_in_the_module_the_registry_names() -> None:
    """sle_trials/checks: 'a code's module is where its check lives'."""
    elsewhere = {
        code: entry.module
        for code, entry in CODES.items()
        if (REPO / source_file(entry)).read_text(encoding="utf-8").count(f'"{code}"') < 2
    }
    assert elsewhere == {}, f"codes whose named module never raises them: {elsewhere}"


def test_column_table_matches_the_export_columns() -> None:
    header_row, *rows = markdown_table("docs/data.md", "columns")
    assert header_row == ["column", "type", "constraints", "description"]
    assert [row[0] for row in rows] == [c.name for c in export.COLUMNS], "docs/data.md columns (names, order) differ"
    for row, column in zip(rows, export.COLUMNS):
        wanted = column.type + (f" list (`{export.LIST_SEPARATOR}`)" if column.is_list else "")
        assert row[1] == wanted, f"{column.name}: docs/data.md type {row[1]!r}"


def test_column_table_renders_each_description_in_one_cell() -> None:
    """A bare '|' in a cell starts a new cell on GitHub, cutting the description short; it must be escaped."""
    _, *rows = markdown_table("docs/data.md", "columns")
    broken = [row[0] for row in rows if len(row) != 4]
    assert broken == [], f"rows with a bare '|' that GitHub splits into extra cells: {broken}"
    for row, column in zip(rows, export.COLUMNS):
        assert row[3].startswith(column.description), f"{column.name}: docs/data.md description {row[3]!r}"


def test_generated_tables_are_current_and_live_in_one_document() -> None:
    """docs/checks.md and docs/data.md: the tables are generated, and a test fails while they are out of date.
    Each table is in the document that owns it and in no other (no copy in the README to fall behind)."""
    from sle_trials.outputs import docs

    for path, sections in docs.DOCS.items():
        text = (REPO / path).read_text(encoding="utf-8")
        assert docs.render(text, sections) == text, (
            f"{path} tables are stale; run: .venv/bin/python -m sle_trials.outputs.docs"
        )
    owner = {name: path for path, sections in docs.DOCS.items() for name in sections}
    for doc in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        path = doc.relative_to(REPO)
        for name in re.findall(r"<!-- ([a-z]+):start -->", doc.read_text(encoding="utf-8")):
            assert owner.get(name) == path, f"{path} holds a {name} table that {owner.get(name, 'no document')} owns"
