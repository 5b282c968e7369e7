"""Attacks of a pull request on what the checks vouch for (docs/trust-boundary.md), hunt 35.

- **A registry under names a disk folds into the registry's.** A pull request added, beside the
  registry, `trialſ/`, `ſeeds/` and `trialſ.cſv` (with U+017F, the long s): a copy of the registry
  in which IM19's source says "60 participants", its manifest line the new sha256, the record's
  enrollment 60 and the CSV generated from it. None of it is the registry's data, so no check read
  it: `trials check` passed, `.ci/trusted-check` passed (exit 0), and `trials diff` named the files
  on its checker line, where `trialſ/NCT06513429.yaml` reads as `trials/NCT06513429.yaml`. macOS's
  file system (APFS, case-insensitive by default) compares names by Unicode's case folding, in which
  "ſ" is "s" (and the Kelvin sign "K" is "k"; Windows compares names in upper case: "Trials" is
  "trials"), so a clone there holds one file for the two names, the one git writes last: `ſ` sorts
  after `s`, and every clone of the merged branch on such a disk held the copy, whose records,
  sources and manifest agree with one another, so its own `trials check` passed too. A path that
  such a disk may take as a registry path, beside it, is now refused by every command and by the
  extraction of .ci/trusted-check, which reads the pull request's whole tree for it (exit status 2;
  `paths.twins`, `files.folded`). Not verified on a Mac here: the folding is Unicode's, which
  `files.folded` over-approximates (a name folded alike that no disk takes as the other is refused
  too: none is an honest registry's).

- **What follows a long page's first 2 MiB.** A web page was read up to its first 2 MiB (markup.MAX_PAGE),
  yet a browser reads it to its end, and what stands further down may hide what the first 2 MiB show:
  a `<style>` element's rule (`.note { display: none }`), a style sheet (`<link rel=stylesheet>`,
  which the check refuses to guess at where it reads one), a redirect, a dark colour scheme, an
  element laid over the page. A stub quoting the title and date of a hidden paragraph, with 2.2 MB
  of paragraphs and then the rule, passed. A page longer than that shows no text now (E531).

- **A web page under a name of text.** A source named `.txt` (or `.text`, `.json`, no suffix) whose
  text starts as a web page (`<p>`, `<!DOCTYPE html>`: WHATWG's sniffing of an untyped document) was
  read as the page a browser shows, character references decoded and tags left out, while GitHub,
  an editor and a browser opening a `.txt` file show it as written: "Last Updated: &#50;025-08-17"
  vouched for a stub's as-of date 2025-08-17 and its quote (exit 0), and so did "2<b></b>025-08-17".
  Read as plain text, a comment of a saved page would vouch instead: such a source is read as
  neither now (E531, `opening.unopened`).

Tried, and held (each refused, or nothing false passes):

- Names folded only in ASCII case (`Trials/`, `TRIALS.CSV`) sort before the registry's lower-case
  names, so git writes the registry's file last and the clone holds the files checked; a record's
  name in another case under `trials/` is E101, and `seeds/sha256sums` beside the manifest leaves a
  clone whose manifest cannot list itself (E307). They are refused now all the same.
- A source cited by a path with `..`, a link, a case-variant or a Unicode twin of its name: the
  schema's pattern (`seeds/` and letters, digits, `.`, `_`, `-`) refuses each, and a link is never
  followed (E108, E307).
- A data-only pull request's own CI runs the base branch's tests, which read the tests' frozen copy
  of the registry (tests/fixtures/registry), never the pull request's data: a `datapackage.json`
  whose resource path names a file outside the repository, or a URL, is compared with the records
  by `trials check` (E401) and read by no test.
- Added sources (a doctored copy of a real one under a new name): the manifest proves a source
  unchanged since it was added, not where it came from; docs/trust-boundary.md leaves that to the
  reviewer, who fetches it ("What a reviewer must still do").
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import (
    GIT_ENV,
    PAGE_RECORD,
    PAGE_SAID,
    PAGE_STUB,
    PAGE_TITLE,
    REPO,
    Trials,
    add_source,
    committed_registry,
    git_run,
    put,
    trusted_check,
)
from sle_trials import files, paths
from sle_trials.reading import markup

TRIALS = REPO / ".venv" / "bin" / "trials"
LONG_S = "\u017f"  # ſ, which Unicode's case folding makes "s"
KELVIN = "\u212a"  # K, the Kelvin sign: "K" in its canonical form, "k" folded
IM19 = "trials/NCT06513429.yaml"
IM19_SOURCE = "seeds/000_84a0f0163f21158e.txt"


def _folded_copy(root: Path) -> None:
    """Beside root's registry, a copy of it under names folded into the registry's, in which IM19's
    source states 60 participants and the record holds 60: consistent in itself."""
    top = {"trials": f"trial{LONG_S}", "seeds": f"{LONG_S}eeds"}
    for name, twin in top.items():
        shutil.copytree(root / name, root / twin)
    seeds, trials = root / top["seeds"], root / top["trials"]
    source = seeds / IM19_SOURCE.split("/")[1]
    text = source.read_bytes()
    assert text.count(b"\n6 participants\n") == 1
    source.write_bytes(text.replace(b"\n6 participants\n", b"\n60 participants\n"))
    manifest = seeds / "SHA256SUMS"
    old, new = hashlib.sha256(text).hexdigest(), hashlib.sha256(source.read_bytes()).hexdigest()
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    record = trials / IM19.split("/")[1]
    body = record.read_text(encoding="utf-8")
    assert body.count("  count: 6\n") == 1
    record.write_text(body.replace("  count: 6\n", "  count: 60\n").replace(" 6 participants", " 60 participants"))


def _as_folded_disk(root: Path, dest: Path) -> Path:
    """What a clone on a disk that folds ſ into s holds of root's registry: the copy, written last."""
    dest.mkdir()
    shutil.copytree(root / "schema", dest / "schema")
    shutil.copytree(root / f"trial{LONG_S}", dest / "trials")
    shutil.copytree(root / f"{LONG_S}eeds", dest / "seeds")
    shutil.copy2(root / "datapackage.json", dest / "datapackage.json")
    return dest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(TRIALS), *args], capture_output=True, text=True, env={**os.environ, **GIT_ENV})


def test_a_registry_under_names_a_disk_folds_into_the_registrys_is_refused(tmp_path: Path) -> None:
    """trialſ/, ſeeds/ and trialſ.cſv beside the registry: a registry of enrollment 60 that checks
    clean on its own (what a clone on a case-folding disk holds), beside one of 6, which the pull
    request's own check and the base branch's trusted check both passed (exit 0), reading none of it.
    Both now stop (exit 2), naming the names escaped (`trialſ` shows a reader `trials`)."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    _folded_copy(root)
    folded = _as_folded_disk(root, tmp_path / "folded")
    generated = _run("csv", "--root", str(folded), "--no-cache")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    shutil.copy2(folded / "trials.csv", root / f"trial{LONG_S}.c{LONG_S}v")
    alone = _run("check", "--root", str(folded), "--no-cache")
    assert alone.returncode == 0, alone.stdout + alone.stderr  # the copy a folding disk holds agrees with itself
    assert "  count: 60\n" in (folded / IM19).read_text(encoding="utf-8")
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "pr")
    own = _run("check", "--root", str(root), "--no-cache")
    assert own.returncode == 2, own.stdout + own.stderr
    assert "trial\\u017f and trials are one name on a disk that folds case" in own.stderr, own.stderr
    git_run(root, "checkout", "-q", "main")
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert "trial\\u017f and trials are one name" in checked.stderr, checked.stderr
    assert "rename or remove trial\\u017f" in checked.stderr


@pytest.mark.parametrize(
    "path",
    [
        f"trial{LONG_S}/NCT06513429.yaml",  # a long s
        f"{LONG_S}eeds/000_84a0f0163f21158e.txt",
        f"trial{LONG_S}.c{LONG_S}v",
        f"datapac{KELVIN}age.json",  # the Kelvin sign
        "tr\u0131als/NCT06513429.yaml",  # a dotless i, "I" in upper case
        "tri\u200dals/NCT06513429.yaml",  # a zero-width joiner, which HFS+ leaves out of a name
        "Trials/NCT06513429.yaml",  # ASCII case: git writes trials/ last, yet one file for the two
        "TRIALS.CSV",
        "Schema/trial.schema.json",
        f"schema/trial.{LONG_S}chema.json",
        "seeds/sha256sums",
        "seeds/000_84A0F0163F21158E.txt",
        "trials.csv.",  # Windows drops a trailing dot
    ],
)
def test_every_command_refuses_a_name_a_folding_disk_takes_as_the_registrys(
    registry: Path, trials: Trials, path: str
) -> None:
    put(registry, path, "a file of the pull request's\n")
    for command in ("check", "validate", "csv", "fmt"):
        result = trials(command)
        assert result.status == 2, (command, result.out, result.err)
        assert "are one name on a disk that folds case or Unicode forms" in result.err, result.err


@pytest.mark.parametrize(
    "path",
    ["trials-old/NCT06513429.yaml", "seeds2/x.txt", "docs/trials.csv", "schema/columns.lock.json", "Schema2/x.json"],
)
def test_a_name_no_disk_takes_as_the_registrys_is_left_alone(registry: Path, trials: Trials, path: str) -> None:
    put(registry, path, "a file of the pull request's\n")
    result = trials("check")
    assert result.status == 0, result.out + result.err


def test_twins_are_found_in_a_trees_paths_through_their_folders() -> None:
    found = paths.twins(
        sorted(["trials/NCT06513429.yaml", f"trial{LONG_S}/NCT06513429.yaml", "docs/a.md", "Docs/a.md"])
    )
    # a folder folded into the registry's, once, named by its own path; two folders of no registry's alone
    assert found == [(f"trial{LONG_S}", "trials")]
    assert paths.twins(["seeds/a.txt", "seeds/A.txt"]) == [("seeds/A.txt", "seeds/a.txt")]
    assert paths.twins(["trials", "trials/NCT06513429.yaml", "trials.csv", "seeds", "schema/trial.schema.json"]) == []


@pytest.mark.parametrize(
    ("name", "fold"),
    [("Trials", "trials"), (f"trial{LONG_S}", "trials"), (f"datapac{KELVIN}age.json", "datapackage.json")],
)
def test_a_name_is_folded_as_a_case_blind_disk_compares_it(name: str, fold: str) -> None:
    assert files.folded(name) == files.folded(fold)


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_the_repository_holds_no_twin_of_a_registry_path() -> None:
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True, timeout=60)
    assert paths.twins(sorted(os.fsdecode(p) for p in listed.stdout.split(b"\0") if p)) == []


# --- what follows a long page's first 2 MiB ---------------------------------------------------------

FILLER = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "</p>\n"


def _long_page(tail: str, filler: int) -> str:
    """A page whose one paragraph of the stub's words (title, date) is classed `note`, then filler
    characters of paragraphs, then tail."""
    head = "<!DOCTYPE html>\n<html><head><title>Trial NCT03030976</title></head>\n<body>\n"
    shown = "<h1>NCT03030976: a trial of allogeneic NK cells in lupus</h1>\n"
    return f"{head}{shown}<p class=note>{PAGE_SAID}</p>\n{FILLER * (filler // len(FILLER) + 1)}{tail}\n</body></html>\n"


@pytest.mark.parametrize(
    "tail",
    [
        "<style>.note { display: none }</style>",
        "<link rel=stylesheet href=style.css>",
        "<meta http-equiv=refresh content='0; url=https://example.org/'>",
        "<div style='position: fixed; inset: 0; background: white'></div>",
        "",  # nothing: what follows is not read, whatever it is
    ],
)
def test_a_page_longer_than_is_read_shows_no_text(registry: Path, trials: Trials, tail: str) -> None:
    """The stub's words stand only in the paragraph the rule 2.2 MB further down hides: read up to its
    first 2 MiB, the page showed them, and the stub passed (exit 0)."""
    text = _long_page(tail, 2_200_000)
    assert len(text) > markup.MAX_PAGE and text.index(PAGE_SAID) < 1000
    source = add_source(registry, "seeds/950_page.html", text)
    put(registry, PAGE_STUB, PAGE_RECORD.format(source=source))
    result = trials("validate", registry / PAGE_STUB)
    assert result.status == 1, result.out
    assert "E531" in result.out and "longer than the 2,097,152 characters the check reads of a page" in result.out


def test_a_page_within_the_limit_is_read_with_its_rules(registry: Path, trials: Trials) -> None:
    """The same page within the limit: the rule is read, and hides the paragraph (E501); without the
    rule, the paragraph is shown and the stub passes."""
    for tail, status in (("<style>.note { display: none }</style>", 1), ("", 0)):
        text = _long_page(tail, 1_000_000)
        assert len(text) < markup.MAX_PAGE
        source = add_source(registry, "seeds/950_page.html", text)
        put(registry, PAGE_STUB, PAGE_RECORD.format(source=source))
        result = trials("validate", registry / PAGE_STUB)
        assert result.status == status, (tail, result.out)
        (registry / source).unlink()
        manifest = registry / "seeds" / "SHA256SUMS"
        manifest.write_text(
            "".join(line for line in manifest.read_text().splitlines(keepends=True) if "950_" not in line)
        )


# --- a web page under a name of text -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["seeds/950_page.txt", "seeds/950_page.TEXT", "seeds/950_page", "seeds/950.json"])
@pytest.mark.parametrize("date", ["&#50;025-08-17", "2<b></b>025-08-17", "2025-08-17"])
def test_a_page_under_a_name_of_text_is_read_as_no_text(registry: Path, trials: Trials, name: str, date: str) -> None:
    """Its readers show `Last Updated: &#50;025-08-17` as written; read as a page, it vouched for the
    stub's as-of date 2025-08-17 and its quote. Refused whatever it says, honest words too."""
    text = f"<p>NCT03030976</p>\n<h1>{PAGE_TITLE}</h1>\n<p>Last Updated: {date}</p>\n"
    source = add_source(registry, name, text)
    put(registry, PAGE_STUB, PAGE_RECORD.format(source=source))
    result = trials("validate", registry / PAGE_STUB)
    assert result.status == 1, result.out
    assert "E531" in result.out and "it starts as a web page under a name of text" in result.out, result.out


@pytest.mark.parametrize("name", ["seeds/950_page.html", "seeds/950_page.htm"])
def test_the_same_page_under_a_pages_name_is_read_as_a_browser_shows_it(
    registry: Path, trials: Trials, name: str
) -> None:
    text = f"<p>NCT03030976</p>\n<h1>{PAGE_TITLE}</h1>\n<p>Last Updated: &#50;025-08-17</p>\n"
    source = add_source(registry, name, text)
    put(registry, PAGE_STUB, PAGE_RECORD.format(source=source))
    result = trials("validate", registry / PAGE_STUB)
    assert result.status == 0, result.out


def test_the_text_a_browser_shows_saved_as_text_is_read_as_text(registry: Path, trials: Trials) -> None:
    text = f"NCT03030976\n{PAGE_TITLE}\nLast Updated: 2025-08-17 (a <p> is no tag at a line's middle)\n"
    source = add_source(registry, "seeds/950_page.txt", text)
    put(registry, PAGE_STUB, PAGE_RECORD.format(source=source))
    result = trials("validate", registry / PAGE_STUB)
    assert result.status == 0, result.out
