"""A newcomer's review (helper-51): what the README and docs/ tell a curator or an analyst to run, run
as written, and what the tool then says. Each test holds one behaviour that was wrong or unclear."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, GIT_ENV, REPO, Trials, copy_registry
from ctgov_api import API, Answer, running
from sle_trials import cli, command
from sle_trials.engine import cache


def run_from_a_clones_venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run is of <clone>/.venv/bin/trials, on no PATH: as after `make check` (command.py)."""
    bin_folder = tmp_path / "clone" / ".venv" / "bin"
    bin_folder.mkdir(parents=True)
    script = bin_folder / "trials"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr("sys.argv", [str(script)])
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))


def undated(study: dict) -> dict:
    """The study with no statusModule: a part of it, as a `fields` query answers."""
    cut = json.loads(json.dumps(study))
    del cut["protocolSection"]["statusModule"]
    return cut


STUDY = json.loads((FIXTURES / "ctgov" / "completed_phase2_randomised.json").read_text(encoding="utf-8"))


# Before, three fix-it lines named `trials import ctgov ...` bare: after `make check` the tool is at
# .venv/bin/trials and on no PATH, so the command they told the curator to run was not found (the
# test of command.py looked only for "run: trials ..." and "`trials ...` says").


def test_drift_of_a_trial_with_no_record_names_the_import_as_the_user_can_run_it(
    trials: Trials, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_from_a_clones_venv(tmp_path, monkeypatch)
    result = trials("drift", "NCT09999998")
    assert result.status == 2
    assert "import it first: .venv/bin/trials import ctgov NCT09999998" in result.err


def test_a_study_cut_down_names_the_import_as_the_user_can_run_it(
    trials: Trials, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "part.json"
    saved.write_text(json.dumps(undated(STUDY)), encoding="utf-8")
    run_from_a_clones_venv(tmp_path, monkeypatch)
    result = trials("import", "ctgov", saved)
    assert result.status == 1
    assert "(.venv/bin/trials import ctgov NCT09000011, " in result.err


def test_a_page_of_studies_cut_down_names_the_import_as_the_user_can_run_it(
    trials: Trials, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = json.loads(json.dumps(STUDY))
    other["protocolSection"]["identificationModule"]["nctId"] = "NCT09000012"
    saved = tmp_path / "page.json"
    saved.write_text(json.dumps({"studies": [undated(STUDY), undated(other)]}), encoding="utf-8")
    run_from_a_clones_venv(tmp_path, monkeypatch)
    result = trials("import", "ctgov", saved)
    assert result.status == 1
    assert "(.venv/bin/trials import ctgov NCT…)" in result.err


# A string literal that tells the user to run the tool with arguments ("trials import ctgov NCT…",
# "trials new {nct}") in its own words: the class of the three lines above, which the pattern of
# tests/test_command.py did not see.
_BARE_COMMAND_LINE = re.compile(
    r"""(?<!["'])f?["'](?!["'])[^"'\n]*"""  # a string opening on the line (no docstring's triple quote)
    r"(?<![`\w.-])trials (?:import ctgov|new|validate|fmt|drift|diff|csv|check|refs|coverage|export|site) "
    r"(?:NCT|\{|--|<)"
)


def test_no_message_tells_the_user_to_run_a_bare_trials_command_with_arguments() -> None:
    package = Path(command.__file__).parent
    found = [
        f"{path.relative_to(package)}:{n}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _BARE_COMMAND_LINE.search(line) and not line.lstrip().startswith("#") and "help=" not in line
    ]
    assert found == [], found


# Before, a manifest line written by `sha256sum seeds/FILE >> seeds/SHA256SUMS` from the clone's top
# (the README's step 1 said only "add its line") was "not `<sha256>  <file name>` as sha256sum writes
# it", though sha256sum wrote it: the message now says the line names the file with a folder, and the
# command that writes it as the manifest lists it.


@pytest.mark.parametrize("written", ["seeds/press.txt", "./press.txt", "/home/curator/clone/seeds/press.txt"])
def test_a_manifest_line_naming_its_file_with_a_folder_says_so(trials: Trials, written: str) -> None:
    (trials.root / "seeds" / "press.txt").write_text("Acme Bio: a press release.\n", encoding="utf-8")
    digest = hashlib.sha256(b"Acme Bio: a press release.\n").hexdigest()
    with (trials.root / "seeds" / "SHA256SUMS").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{digest}  {written}\n")
    result = trials("check")
    assert result.status == 1
    assert (
        f"E307 seeds/SHA256SUMS line 3: names {written} with a folder: a line names the file as it is in seeds/, "
        "press.txt, as `(cd seeds && sha256sum press.txt >> SHA256SUMS)` writes it" in result.out
    )


def test_a_manifest_line_of_no_file_name_is_still_not_a_line_sha256sum_writes(trials: Trials) -> None:
    with (trials.root / "seeds" / "SHA256SUMS").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{'0' * 64}  seeds/\n")
    result = trials("check")
    assert "line 3: not `<sha256>  <file name>` as sha256sum writes it" in result.out


# Before, `trials COMMAND --help` showed a command's usage and options and never said what the
# command does (the line `trials --help` lists it by was only there), FILE and NCT_ID had no words,
# and `trials import` with nothing named a `registry` argument its usage line does not show.


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit):
        cli.main([*argv, "--help"])
    return capsys.readouterr().out


def unexplained(help_text: str) -> list[str]:
    """The arguments a help lists with no words after them (argparse puts words on the argument's line,
    or on the next, indented, when the argument is long)."""
    lines = help_text.splitlines() + [""]
    return [
        line.strip()
        for line, after in zip(lines, lines[1:])
        if re.fullmatch(r"  [^ ].*", line) and "  " not in line.strip() and not after.startswith(" " * 8)
    ]


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_each_commands_help_says_what_it_does_and_what_each_argument_is(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    listing = "".join(help_of(capsys).split())  # argparse wraps at spaces and hyphens alike
    own = help_of(capsys, name)
    description = own.split("\n\n")[1]  # after the usage, before the arguments
    assert not description.startswith(("positional arguments:", "options:")), own
    assert "".join(description.split()) in listing  # the words `trials --help` lists it by
    assert unexplained(own) == []


def test_the_help_of_trials_says_the_exit_statuses_and_where_the_guide_is(capsys: pytest.CaptureFixture[str]) -> None:
    said = " ".join(help_of(capsys).split())
    assert "Exit status: 0 no problems, 1 problems in the data, 2 a usage error, 3 an internal error" in said
    assert "docs/curating.md" in said


def test_an_import_naming_nothing_names_its_arguments_as_the_usage_line_does(trials: Trials) -> None:
    result = trials.raw(["import"])
    assert result.status == 2
    assert "the following arguments are required: {ctgov}, NCT_ID|FILE.json" in result.err


# Before, `make` alone ran the Makefile's first rule, the one that makes .venv: on a fresh clone it
# made the environment, installed nothing and stopped; run again it said ".venv/bin/python is up to
# date". A newcomer who typed `make` had no `trials` command and no word of `make check`.


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_alone_lists_the_targets_and_installs_nothing(tmp_path: Path) -> None:
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    run = subprocess.run(["make", "--no-print-directory"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    listed = [line.split(":", 1)[0] for line in run.stdout.splitlines()]
    assert {"check", "test", "help"} <= set(listed)
    assert "run `make check` to set up" in run.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Makefile"]  # no .venv, nothing else


# Before, `trials new NCT… --source seeds/FILE` naming a file that is not there (a typo, or a document
# not saved yet) said "not a document under seeds/ (a plain file; give it as seeds/FILE)", though it
# was given as seeds/FILE: now it says there is no such file, and what to do first.


def test_new_with_a_source_that_is_not_there_says_no_such_file(trials: Trials) -> None:
    result = trials("new", "NCT09999997", "--source", "seeds/press_release.txt")
    assert result.status == 2
    assert "--source seeds/press_release.txt: no such file; put the document under seeds/ as received" in result.err
    assert not (trials.root / "trials" / "NCT09999997.yaml").exists()


@pytest.mark.parametrize("given", ["trials/NCT06513429.yaml", "seeds/SHA256SUMS", "seeds"])
def test_new_with_a_source_that_is_no_document_is_refused_as_before(trials: Trials, given: str) -> None:
    result = trials("new", "NCT09999997", "--source", given)
    assert result.status == 2
    assert "not a document under seeds/ (a plain file; give it as seeds/FILE)" in result.err


# Before, `trials diff` in a registry outside any git work tree (a copy downloaded as a ZIP) printed
# git's own words, "git rev-parse: fatal: not a git repository (or any of the parent directories):
# .git", which say neither which folder nor why a diff needs git.


def test_diff_outside_git_says_which_folder_and_why_it_needs_a_clone(
    trials: Trials, registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(registry.parent))  # git looks no higher than the copy
    result = trials("diff", root=registry)
    assert result.status == 2
    assert f"trials: {registry} is in no git work tree: trials diff compares two revisions" in result.err
    assert "fatal" not in result.err


# Before, `trials drift` fetched each study as `trials import` does, retries and all, but said nothing
# of a failed try: `trials import` says each as it happens (tests/test_fetch.py), and a drift of every
# record against an API answering 503 waited through the retries in silence.


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[API]:
    with running(monkeypatch) as stand_in:
        yield stand_in


def test_drift_says_each_try_that_failed_as_import_does(trials: Trials, api: API) -> None:
    study = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
    assert trials("import", "ctgov", study).status == 0
    api.serve("NCT09000011", Answer(503), Answer(200, study.read_bytes()))
    result = trials("drift", "NCT09000011")
    assert result.status == 0, result.err
    url = f"{api.url}/studies/NCT09000011"
    assert [line for line in result.err.splitlines() if "trying again" in line] == [
        f"trials drift: {url}: HTTP 503; trying again now (try 2 of 3)"
    ]
    assert result.out.startswith("1 of 1 trial checked against ClinicalTrials.gov: 0 changed")  # the report, whole


# Before, `trials new` took --no-cache (docs/curating.md: every command but diff takes it) and then
# checked the registry and regenerated trials.csv through the check cache all the same: the flag was
# parsed and dropped.


def test_new_with_no_cache_never_opens_the_cache(trials: Trials, monkeypatch: pytest.MonkeyPatch) -> None:
    (trials.root / "trials" / "NCT06310811.yaml").unlink()  # a stub IM19's source lists, written again below

    def looked(root: Path) -> None:
        raise AssertionError("--no-cache looked for the cache")

    monkeypatch.setattr(cache, "place", looked)
    result = trials("new", "NCT06310811", "--no-cache")
    assert result.status == 0, result.err
    assert "trials/NCT06310811.yaml written (stub)" in result.out + result.err


# Before, `trials validate seeds/FILE` (a curator meaning to check a source) read the source as a
# record and answered with YAML errors about its first line (E007), and `trials validate trials.csv`
# alike; `trials fmt` already skipped such files, saying why.


@pytest.mark.parametrize(
    "given, said",
    [
        ("seeds/000_84a0f0163f21158e.txt", "it is under seeds/, where the sources are kept as received"),
        ("seeds/SHA256SUMS", "it is under seeds/, where the sources are kept as received"),
        ("trials.csv", "it is one of the registry's own files"),
        ("datapackage.json", "it is one of the registry's own files"),
        ("schema/trial.schema.json", "it is one of the registry's own files"),
    ],
)
def test_validate_refuses_a_file_of_the_registry_that_is_no_trial_file(trials: Trials, given: str, said: str) -> None:
    result = trials("validate", given)
    assert result.status == 2
    assert result.err.startswith(f"trials: {given} is no trial file: {said}"), result.err
    assert "E007" not in result.out + result.err


def test_validate_still_checks_a_trial_file_and_one_outside_the_registry(trials: Trials, tmp_path: Path) -> None:
    outside = tmp_path / "NCT06513429.yaml"
    outside.write_text((trials.root / "trials" / "NCT06513429.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert trials("validate", "trials/NCT06513429.yaml").status == 0
    result = trials("validate", outside)  # checked as a record, wherever it is, against the registry's sources
    assert result.status == 0, result.out + result.err


# Before, a curator who staged the record, the manifest and the generated files but not the new source
# (the README's step 4 named neither) committed with every hook passing: pre-commit leaves untracked
# files on the disk, where the hooks read the source, and a clone of the commit, as CI checks it,
# refused the record (E108, E307). The sources-staged hook now stops such a commit and names the file.

PRE_COMMIT = REPO / ".venv" / "bin" / "pre-commit"
PRESS = (
    "Acme Bio: first patient dosed\n\nDate: 2026-03-02\n\nTrial NCT09999901, A Study of Anti-CD19 CAR-T Cells in SLE.\n"
)


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home")}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check, timeout=120)


@pytest.mark.skipif(not PRE_COMMIT.exists() or not shutil.which("git"), reason="needs git and pre-commit")
def test_a_commit_leaving_its_new_source_untracked_is_stopped(tmp_path: Path) -> None:
    clone = copy_registry(tmp_path / "registry")
    shutil.copy2(REPO / ".pre-commit-config.yaml", clone / ".pre-commit-config.yaml")
    (clone / ".venv").symlink_to(REPO / ".venv")  # the hooks call .venv/bin/...
    (clone / ".gitignore").write_text(".venv\n", encoding="utf-8")
    git(clone, "init", "-q", "-b", "main")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "--no-verify", "-m", "initial")
    subprocess.run([str(PRE_COMMIT), "install"], cwd=clone, check=True, capture_output=True, env=os.environ.copy())
    # the README's steps 1 to 3: the source, its manifest line, the record, the generated files
    (clone / "seeds" / "press.txt").write_text(PRESS, encoding="utf-8")
    with (clone / "seeds" / "SHA256SUMS").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{hashlib.sha256(PRESS.encode()).hexdigest()}  press.txt\n")
    title = "A Study of Anti-CD19 CAR-T Cells in SLE"
    argv = ["new", "NCT09999901", "--root", str(clone), "--source", "seeds/press.txt", "--title", title]
    assert cli.main([*argv, "--kind", "PRESS_RELEASE", "--as-of", "2026-03-02", "--as-of-label", "Date"]) == 0
    git(clone, "add", "trials/NCT09999901.yaml", "seeds/SHA256SUMS", "trials.csv", "datapackage.json")
    stopped = git(clone, "commit", "-m", "add NCT09999901", check=False)
    assert stopped.returncode != 0
    assert "stage them with the records: git add seeds/press.txt" in stopped.stdout + stopped.stderr
    git(clone, "add", "seeds/press.txt")
    done = git(clone, "commit", "-m", "add NCT09999901", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "seeds/press.txt" in git(clone, "ls-files", "seeds").stdout


# Before, `trials import ctgov nct06513429` answered "did you mean NCT06513429?", and `trials new` and
# `trials drift` refused the same id typed alike with no word of the one it means.


@pytest.mark.parametrize("argv", [["new"], ["drift"]])
def test_new_and_drift_say_which_id_a_mistyped_one_means(trials: Trials, argv: list[str]) -> None:
    result = trials(*argv, "nct06513429")
    assert result.status == 2
    assert result.err.rstrip().endswith("; did you mean NCT06513429?"), result.err
    other = trials(*argv, "NCT0651342")  # 7 digits: no id it means
    assert other.status == 2 and "did you mean" not in other.err


def test_import_still_says_which_id_a_mistyped_one_means(trials: Trials) -> None:
    result = trials("import", "ctgov", "NCT-06513429")
    assert result.status == 2
    assert "NCT-06513429: no such file, and no NCT id as written: did you mean NCT06513429?" in result.err


# Before, E101 named the file a misnamed record should have only where the name differed in its
# letters' case: "NCT06513429.yml", the extension many editors save YAML under, was told to be named
# "NCTxxxxxxxx.yaml".


@pytest.mark.parametrize("name", ["NCT06513429.yml", "nct06513429.YML", "NCT-06513429.yaml", "NCT_06513429.yaml"])
def test_a_record_misnamed_by_its_extension_or_a_separator_is_told_its_name(trials: Trials, name: str) -> None:
    im19 = trials.root / "trials" / "NCT06513429.yaml"
    im19.rename(trials.root / "trials" / name)
    result = trials("check")
    assert f"E101 {name} is not a trial file name; name it NCT06513429.yaml after its nct_id" in result.out


def test_a_name_of_another_form_is_still_told_the_pattern(trials: Trials) -> None:
    (trials.root / "trials" / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    assert "E101 notes.yaml is not a trial file name; name it NCTxxxxxxxx.yaml" in trials("check").out


# Before, `trials coverage --help` offered --format {text,github,json} and `--format github` printed
# the text report, as the guide's "coverage prints text or JSON" implied only for json: it now takes
# text or json, and refuses github as a usage error.


def test_coverage_takes_text_or_json_and_refuses_github(trials: Trials, capsys: pytest.CaptureFixture[str]) -> None:
    assert "--format {text,json}" in help_of(capsys, "coverage")
    refused = trials.raw(["coverage", "--root", str(trials.root), "--format", "github"])
    assert refused.status == 2 and "invalid choice: 'github'" in refused.err
    as_json = trials.json("coverage")
    assert as_json.status == 0 and set(json.loads(as_json.out)) == {"records", "invalid", "stubs_waiting"}


@pytest.mark.parametrize("name", sorted(set(cli.COMMANDS) - {"coverage", "diff", "drift"}))
def test_every_other_command_still_takes_github_with_every_command_built(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """The parser with every command (`trials --help`'s): coverage's own --format must leave the one
    the others share as it is (argparse's conflict "resolve" would strip it from all of them)."""
    with pytest.raises(SystemExit):
        cli.parser().parse_args([name, "--help"])
    assert "--format {text,github,json}" in " ".join(capsys.readouterr().out.split())
