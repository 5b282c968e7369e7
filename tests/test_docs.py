"""The docs a newcomer reads: a short README, and links that lead somewhere.

The README says what the registry is, how to set it up, curate and load the data, and links into
docs/ for the rest; it stays short (README_LINES). Every relative link in README.md and docs/*.md
must point at a file that exists and, with a #fragment, at a heading of that file (its anchor as
GitHub makes it), so that moving a section cannot leave a reader at a dead end.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import DATA_ROOT, REPO
from sle_trials.outputs import report

README_LINES = 200
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# Linked before they exist: each is being written on another branch of the same issue. A link to it
# is held to the rules below as soon as the file exists; drop it from here once it has landed.
PENDING: set[Path] = set()

FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def prose(text: str) -> str:
    """The text without code blocks and code spans, where a bracket is not a link."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: the text (code and links keep their words), lower case,
    punctuation dropped, spaces as hyphens."""
    text = re.sub(r"`([^`]*)`", r"\1", heading)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading's anchor; a repeated heading gets -1, -2, ... as on GitHub."""
    seen: Counter[str] = Counter()
    found = set()
    for heading in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(heading)
        found.add(base if not seen[base] else f"{base}-{seen[base]}")
        seen[base] += 1
    return found


def relative_links(path: Path) -> list[str]:
    return [
        t for t in LINK.findall(prose(path.read_text(encoding="utf-8"))) if not re.match(r"[a-z][a-z0-9+.-]*:", t, re.I)
    ]


def test_the_readme_is_short() -> None:
    lines = (REPO / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= README_LINES, f"README.md has {lines} lines; keep it to {README_LINES} and move the rest into docs/"


def test_the_readme_links_into_each_document() -> None:
    linked = {(REPO / t.split("#", 1)[0]).resolve() for t in relative_links(REPO / "README.md")}
    unlinked = [p.name for p in DOCS[1:] if p.resolve() not in linked]
    assert unlinked == [], f"documents under docs/ the README does not lead to: {unlinked}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_points_at_a_file_and_heading_that_exist(doc: Path) -> None:
    broken = []
    for target in relative_links(doc):
        file, _, fragment = target.partition("#")
        where = (doc.parent / file).resolve() if file else doc
        if not where.exists():
            if where not in PENDING:
                broken.append(f"{target}: no such file")
            continue
        if fragment and (where.suffix != ".md" or fragment not in anchors(where)):
            broken.append(f"{target}: no heading #{fragment} in {where.relative_to(REPO)}")
    assert broken == [], f"{doc.relative_to(REPO)}: " + "; ".join(broken)


def test_the_problem_summary_points_at_a_heading_that_exists() -> None:
    """Every run that finds problems ends by naming where the codes are explained; a heading renamed
    must not leave that pointer dead."""
    file, _, fragment = report.CODES_DOC.partition("#")
    assert fragment in anchors(REPO / file), f"{report.CODES_DOC}: no such heading"


def test_slugs_are_githubs() -> None:
    assert slug("The `trials` command") == "the-trials-command"
    assert (
        slug("`trials import ctgov`: import from ClinicalTrials.gov")
        == "trials-import-ctgov-import-from-clinicaltrialsgov"
    )
    assert slug("The registry's files") == "the-registrys-files"
    assert slug("Reading trials.csv") == "reading-trialscsv"


def command_table() -> dict[str, str]:
    """docs/curating.md's table of the `trials` command: each row's command cell (its code, `\\|`
    read as `|`) and the row."""
    text = (REPO / "docs" / "curating.md").read_text(encoding="utf-8")
    section = text.split("## The `trials` command", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \|.*$", section, re.M)
    return {cell.replace("\\|", "|"): cell for cell in rows}


def subcommands() -> dict[str, set[str]]:
    """Each subcommand of `trials` and its own long options (not the ones every command shares)."""
    from sle_trials import cli

    [sub] = [a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    shared = {"--help", "--root", "--format", "--no-cache"}
    return {
        name: {o for a in command._actions for o in a.option_strings if o.startswith("--")} - shared
        for name, command in sub.choices.items()
    }


def test_the_command_table_names_every_command_and_its_options() -> None:
    """A newcomer looks a command up in the guide's table: every one `trials --help` lists has a row,
    and the row shows each of its options (`trials new`'s --title, --kind and --as-of, which it asks
    for, were missing, and so were `trials site` and the merge drivers)."""
    rows = command_table()
    for name, options in subcommands().items():
        [row] = [cell for cell in rows if re.match(rf"trials (\S+\|)*{re.escape(name)}\b", cell)] or [""]
        assert row, f"docs/curating.md: no row for `trials {name}`"
        assert not {o for o in options if o not in row}, f"`trials {name}`: options missing from {row!r}"


def test_the_guide_says_which_commands_take_the_shared_options() -> None:
    """The sentence under the table names the commands without --format text|github|json and the
    ones without --no-cache, as the parser has them (it once said diff and drift took neither, nor
    --root)."""
    from sle_trials import cli

    [sub] = [a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    options = {
        name: {o: a for a in command._actions for o in a.option_strings} for name, command in sub.choices.items()
    }
    assert all("--root" in taken for taken in options.values())
    no_github = {name for name, taken in options.items() if "github" not in (taken["--format"].choices or ())}
    no_cache = {name for name, taken in options.items() if "--no-cache" not in taken}
    text = " ".join((REPO / "docs" / "curating.md").read_text(encoding="utf-8").split())
    said = re.search(
        r"Every command takes `--root DIR`; every one but (.+?) takes `--format text\|github\|json`.*?"
        r"and every one but (.+?) takes `--no-cache`\.",
        text,
    )
    assert said, "docs/curating.md: the sentence on the shared options is gone"
    assert set(re.findall(r"`([a-z-]+)`", said[1])) == no_github
    assert set(re.findall(r"`([a-z-]+)`", said[2])) == no_cache


def architecture() -> tuple[str, dict[str, str]]:
    """development.md's section on the code's rooms: its text, and each room's row (`checks/`: the row)."""
    text = (REPO / "docs" / "development.md").read_text(encoding="utf-8")
    section = text.split("\n## Architecture", 1)[1].split("\n## ", 1)[0]
    return section, dict(re.findall(r"^\| `(\w+)/` \| (.*)$", section, re.M))


def test_the_architecture_names_every_module_of_each_room() -> None:
    """A newcomer looks a module up in development.md's rooms: every module and subpackage of each room
    of scripts/sle_trials/, at any depth, is named in its room's row, and every module beside the rooms
    below the table (the rows once left out checks/rows, silence and checkout, eight of reading/'s
    modules, and command.py; and, when only a room's own modules were held to it, the nineteen modules
    of curate/ctgov/ and seven of reading/lexicon/)."""
    package = REPO / "scripts" / "sle_trials"
    section, rows = architecture()
    unnamed = []
    for room in sorted(p for p in package.iterdir() if (p / "__init__.py").is_file()):
        row = rows.get(room.name)
        if row is None:
            unnamed.append(f"{room.name}/ (no row)")
            continue
        for folder in sorted(init.parent for init in room.rglob("__init__.py")):
            for part in sorted(folder.iterdir()):
                if part.name.startswith("_") or not (part.suffix == ".py" or (part / "__init__.py").is_file()):
                    continue
                if not re.search(rf"`{re.escape(part.stem)}/?`", row):
                    unnamed.append(part.relative_to(package).as_posix())
    beside = section.split("Beside them", 1)[1]
    unnamed += [
        p.name for p in sorted(package.glob("*.py")) if not p.name.startswith("_") and f"`{p.name}`" not in beside
    ]
    assert unnamed == [], f"docs/development.md#architecture-one-room-a-stage does not name: {unnamed}"


def makefile_extras(stamp: str) -> set[str]:
    """The extras the Makefile's rule for a stamp installs (`pip install -e '.[a,b]'`)."""
    rule = re.search(rf"^\$\({stamp}\):.*?\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    assert rule, stamp
    [extras] = re.findall(r"-e '\.\[([\w,]+)\]'", rule[1])
    return set(extras.split(","))


def test_development_md_names_the_extras_make_installs() -> None:
    """development.md's set-up names the extras `make test` and `make check` install, and `dev` is
    every extra (it once left out `xlsx`, which `make test` installs, and counted four extras)."""
    import tomllib

    text = " ".join((REPO / "docs" / "development.md").read_text(encoding="utf-8").split())
    test_said = re.search(r"`make test` creates `\.venv` when it is missing, installs .*? with its (.+?) extras", text)
    check_said = re.search(r"`make check` installs only (.+?) beside the tool", text)
    assert test_said and check_said
    assert set(re.findall(r"`(\w+)`", test_said[1])) == makefile_extras("TEST_STAMP")
    assert set(re.findall(r"the `(\w+)` extra", check_said[1])) == makefile_extras("HOOKS_STAMP")
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    [dev] = extras["dev"]
    assert set(re.findall(r"\[([\w,]+)\]", dev)[0].split(",")) == set(extras) - {"dev"}
    assert "(`dev` is every extra)" in text


def test_what_the_docs_tell_to_pip_install_is_what_pyproject_pins() -> None:
    """Every `pip install` the README and docs/ show installs an extra pyproject.toml defines, or a
    package as one of its extras pins it: a reader who ran only `make check` is told how to get
    Datasette, the site's libraries or frictionless without running the test suite (the README once
    named `make test` alone, and data.md a bare `pip install frictionless`, no pin, outside .venv)."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    pinned = {requirement.split(";")[0].strip() for group in extras.values() for requirement in group}
    commands = [
        command
        for doc in DOCS
        for command in re.findall(r"([\w./-]*pip install [^`\n#]+)", doc.read_text(encoding="utf-8"))
        if "-e`" not in command  # trust-boundary.md names `pip install -e` as a way, not a command
    ]
    assert len(commands) >= 5, commands
    for command in commands:
        assert command.startswith(".venv/bin/pip install "), f"{command!r}: install into the clone's .venv"
        for spec in re.findall(r"'([^']+)'", command):
            named = re.fullmatch(r"\.\[([\w,]+)\]", spec)
            if named:
                assert set(named[1].split(",")) <= set(extras), command
            else:
                assert spec in pinned, f"{command!r}: pyproject.toml pins {spec.split('>')[0]} otherwise"


def test_the_readme_says_how_to_install_each_program_it_runs() -> None:
    """A program the README runs from .venv/bin that `make check` does not install (Datasette) comes
    with the `pip install` that does: `make test` installs it too, but runs the whole suite first."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    installed = " ".join(re.findall(r"pip install ([^`\n]+)", text))
    for program in set(re.findall(r"\.venv/bin/([\w-]+)", text)) - {"trials", "pip", "python"}:
        assert re.search(rf"'{re.escape(program)}\b", installed), f"README.md runs .venv/bin/{program} uninstalled"


def test_the_readme_runs_the_tool_where_make_check_installs_it() -> None:
    """The README does not say how to activate .venv, so a `trials` command it gives the reader to run
    is `.venv/bin/trials ...`, where `make check` puts it: its "Using the data" said `trials export
    json`, which the shell of a clone set up as the README says does not find. (A command named in
    the table of documents, `trials site`, is a name, not a command to type.)"""
    text = FENCE.sub("", (REPO / "README.md").read_text(encoding="utf-8"))
    text = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    bare = [m[0] for m in CODE_SPAN.finditer(text) if re.match(r"`+trials [a-z]", m[0])]
    assert bare == [], f"README.md runs the tool by its bare name: {bare}; write .venv/bin/trials"


def test_the_guide_quotes_the_stale_csv_line_as_a_curator_sees_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/curating.md shows the line `trials check` prints for a stale trials.csv. A curator set up by
    `make check` runs .venv/bin/trials, not on the PATH, whose line says `run: .venv/bin/trials csv`
    (sle_trials/command.py); the guide quoted `run: trials csv`, a command that shell does not find."""
    import io

    from sle_trials.outputs import export, report

    script = tmp_path / "clone" / ".venv" / "bin" / "trials"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr("sys.argv", [str(script), "check"])
    monkeypatch.setenv("PATH", str(tmp_path / "none"))
    out = io.StringIO()
    report.render([export.stale(Path("trials.csv"))], "text", out, files=7, summary=False)
    [line] = out.getvalue().splitlines()
    text = " ".join((REPO / "docs" / "curating.md").read_text(encoding="utf-8").split())
    assert f"`{line}`" in text, f"docs/curating.md does not quote the line a curator sees: {line}"


def test_every_pip_install_a_help_text_shows_installs_into_the_venv() -> None:
    """`trials export --help` told to `pip install -e '.[xlsx]'`, which, with a `pip` on PATH other
    than the clone's, installs openpyxl where `.venv/bin/trials` never looks; its error message already
    said `.venv/bin/pip`."""
    from sle_trials import cli

    [sub] = [a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    helps = " ".join(" ".join(command.format_help().split()) for command in sub.choices.values())
    commands = re.findall(r"(\S*pip) install", helps)
    assert commands and set(commands) == {".venv/bin/pip"}, commands


def test_a_cd_the_docs_show_leaves_the_reader_where_the_next_command_runs() -> None:
    """The guide's next command after adding a source's manifest line is `.venv/bin/trials new`, run
    from the top of the clone: a `cd seeds && sha256sum ...` typed as shown leaves the reader in
    seeds/, where .venv/bin/trials is not found. Every `cd` the docs show runs in a subshell, as the
    E307 message's `(cd seeds && sha256sum FILE >> SHA256SUMS)` does."""
    for doc in DOCS:
        for line in doc.read_text(encoding="utf-8").splitlines():
            for cd in re.finditer(r"(.?)\bcd (?!-)[\w./-]+ &&", line):
                assert cd[1] == "(", f"{doc.name}: {line.strip()!r}"


def test_the_vocabulary_table_says_what_each_code_means() -> None:
    """A curator choosing a code reads checks.md's vocabulary table: each code's row gives its meaning
    from the schema (x-meanings of the enum of the same codes), not only the words that render it."""
    from sle_trials.outputs import docs

    table = docs.vocabulary_tables()
    coded = [line.split("|") for line in table.splitlines() if line.startswith("| `")]
    coded = [cells for cells in coded if len(cells) == 5]  # value, means, renderings (not yes/no's two)
    assert len(coded) > 100
    assert [cells[1].strip() for cells in coded if cells[2].strip() in ("", "—")] == []
    assert "| `RECRUITING` | the study is recruiting participants |" in table


def test_speed_md_gives_the_latest_figures_not_a_diary() -> None:
    """docs/speed.md's figures are the latest run at each size. They had grown into a diary of every
    session's runs (ten cold runs in its text and five tables, each "before that"), in which a reader
    could not tell the current figures, and which the file's history and the commits' messages keep."""
    text = (REPO / "docs" / "speed.md").read_text(encoding="utf-8")
    section = text.split("\n## The figures\n", 1)[1].split("\n## ", 1)[0]
    runs = re.findall(r"cold [\d.]+ s\s+against", section)
    sizes = re.findall(r"^\| ([\d,]+) \|", section, re.M)
    assert len(runs) <= 1, f"docs/speed.md#the-figures gives {len(runs)} cold runs in its text; keep the latest"
    assert len(sizes) == len(set(sizes)), f"docs/speed.md#the-figures tables give these sizes twice: {sizes}"


def test_development_md_names_what_the_gate_installs() -> None:
    """.ci/run installs what the two tests that fail rather than skip under CI=true need: chromium
    (tests/test_site_browser.py) and R (tests/test_consumers.py). development.md named chromium alone,
    so a maintainer setting up another runner from it had the R test fail there."""
    installed = re.findall(r"apt-get install (?:-\S+ )*([\w.+-]+)", (REPO / ".ci" / "run").read_text(encoding="utf-8"))
    text = (REPO / "docs" / "development.md").read_text(encoding="utf-8")
    section = text.split("\n## Continuous integration\n", 1)[1].split("\n## ", 1)[0]
    assert installed and [p for p in installed if f"`{p}`" not in section] == [], installed


def test_github_ci_installs_what_the_gate_installs() -> None:
    """GitHub's ci.yml runs `make test` with CI=true, under which the R loader's test fails rather
    than skips where Rscript is missing; it installed no R, though .ci/run does. Every package the
    gate installs is installed there too, but the browser, which the runner has (google-chrome, which
    tests/test_site_browser.py takes)."""
    gate = re.findall(r"apt-get install (?:-\S+ )*([\w.+-]+)", (REPO / ".ci" / "run").read_text(encoding="utf-8"))
    ci = re.findall(
        r"apt-get install (?:-\S+ )*([\w.+-]+)", (REPO / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    )
    assert gate and [p for p in gate if p not in ci and p != "chromium"] == [], (gate, ci)


def test_the_readme_says_which_empty_cells_of_a_stub_are_not_curated() -> None:
    """The README tells an empty cell's meaning by the row: not yet curated when `not_curated` names
    the column, "does not apply" in the cases it lists, else not stated. It said every empty cell of a
    stub was named in `not_curated`, and listed only the design columns as not applying: a stub's
    empty `trial_as_of`, which `not_curated` does not name, read as "not stated by the sources"."""
    import csv

    unnamed = set()
    with (DATA_ROOT / "trials.csv").open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table):
            if row["curation_status"] == "stub":
                named = set(row["not_curated"].split("|"))
                unnamed |= {column for column, cell in row.items() if cell == "" and column not in named}
    unnamed.discard("not_curated")
    assert unnamed, "the fixture registry's stubs have no empty cell outside not_curated"
    text = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"\*does not apply\* (.+?), and otherwise \*not stated\*", text)
    assert said, "README.md: the sentence on what an empty cell means is gone"
    assert [c for c in sorted(unnamed) if f"`{c}`" not in said[1]] == [], said[1]
    assert "(every empty cell of a stub)" not in text


def test_every_code_the_docs_name_is_a_declared_one() -> None:
    """A code the README, docs/ or the changelog names (E401, E512, ...) is one the checks declare,
    and so has its row in docs/checks.md#codes: a code renumbered or removed must not linger in prose."""
    from sle_trials import checks

    declared = set(checks.table())
    named = {
        (doc.name, code)
        for doc in (*DOCS, REPO / "CHANGELOG.md")
        for code in re.findall(r"\bE\d{3}\b", doc.read_text(encoding="utf-8"))
    }
    assert sorted((doc, code) for doc, code in named if code not in declared) == []
