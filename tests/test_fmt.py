"""trials fmt: one canonical form for trial files, comments kept, idempotent; the hooks and CI that use it."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA_ROOT, GIT_ENV, REPO, Trials
from ruamel.yaml import YAML
from sle_trials.checks import load, schema
from sle_trials.curate import fmt
from test_command import install

IM19 = "trials/NCT06513429.yaml"

MESSY = """\
# A hand-written record: keys out of order, flow style, odd quoting.
curation:
  not_yet_curated: [eligibility]
  sources:
    - as_of: 2025-08-17   # unquoted: a date to YAML
      kind: 'REGISTRY_COPY'
      file: seeds/000_84a0f0163f21158e.txt
  notes: [{text: 'The two dates are unlabelled: read as start and completion.', field: dates}]
  status: draft
brief_title: 'IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)'
nct_id: "NCT06513429"
enrollment: {count: 6}
phases: [NA]
dates: {start: {date: "2024-07-30"}, completion: {date: 2027-12-31}}
overall_status: RECRUITING
evidence:
  nct_id: "NCT ID: NCT06513429"
  overall_status: RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31
  phases: RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31
  enrollment.count: 6 participants
  dates: RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31
  curation.sources.0.as_of: "Last Updated: 2025-08-17"
"""

CANONICAL = """\
# A hand-written record: keys out of order, flow style, odd quoting.
nct_id: NCT06513429
brief_title: "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
curation:
  status: draft
  sources:
    - file: seeds/000_84a0f0163f21158e.txt
      kind: "REGISTRY_COPY"
      as_of: "2025-08-17" # unquoted: a date to YAML
  notes:
    - field: dates
      text: "The two dates are unlabelled: read as start and completion."
  not_yet_curated:
    - eligibility
overall_status: RECRUITING
dates:
  start:
    date: "2024-07-30"
  completion:
    date: "2027-12-31"
phases:
  - NA
enrollment:
  count: 6
evidence:
  nct_id: "NCT ID: NCT06513429"
  overall_status: RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31
  phases: RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31
  enrollment.count: 6 participants
  dates: RECRUITING NA 6 participants INTERVENTIONAL 2024-07-30 2027-12-31
  curation.sources.0.as_of: "Last Updated: 2025-08-17"
"""


def data(path: Path) -> dict:
    record, problems = load.load(path, path.name)
    assert record is not None, problems
    return record.data


def test_the_repository_is_in_canonical_form(trials: Trials) -> None:
    result = trials("fmt", "--check", root=DATA_ROOT)
    assert result.status == 0, result.out
    assert result.out == ""


def test_messy_file_is_put_in_canonical_form(trials: Trials, registry: Path) -> None:
    file = registry / IM19
    file.write_text(MESSY, encoding="utf-8")
    before = data(file)
    result = trials("fmt", file)
    assert result.status == 0 and f"reformatted {IM19}" in result.err
    assert file.read_text(encoding="utf-8") == CANONICAL
    assert data(file) == before  # the same data, only written differently
    assert trials("validate", file).status == 0


def test_fmt_is_idempotent(trials: Trials, registry: Path) -> None:
    file = registry / IM19
    file.write_text(MESSY, encoding="utf-8")
    assert trials("fmt", file).status == 0
    once = file.read_bytes()
    result = trials("fmt", file)
    assert result.status == 0 and "1 file already in canonical form" in result.err
    assert file.read_bytes() == once
    assert trials("fmt", "--check", file).status == 0


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA_ROOT / "trials").glob("*.yaml")))
def test_every_record_shuffled_comes_back_as_it_was(trials: Trials, registry: Path, name: str) -> None:
    """Top-level fields in reverse order, mappings and lists inline: fmt restores the file byte for byte."""
    file = registry / "trials" / name
    original = file.read_text(encoding="utf-8")
    tree = fmt.yaml_rt().load(original)
    for key in reversed(list(tree)):
        tree.move_to_end(key)
    for value in tree.values():
        if hasattr(value, "fa") and not _has_text(value):
            value.fa.set_flow_style()
    shuffled = fmt.dump(tree)
    assert shuffled != original
    file.write_text(shuffled, encoding="utf-8")
    assert trials("fmt", file).status == 0
    assert file.read_text(encoding="utf-8") == original


def _has_text(value: object) -> bool:
    """Whether a value holds text that inline style would have to quote (words, punctuation)."""
    if isinstance(value, dict):
        return any(_has_text(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    return isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9_-]+", value) is None


def test_comments_are_kept(trials: Trials, registry: Path) -> None:
    file = registry / IM19
    text = (DATA_ROOT / IM19).read_text(encoding="utf-8")
    text = text.replace("enrollment:\n  count: 6\n", "enrollment: {count: 6}  # as the source says\n")
    text = text.replace("  healthy_volunteers: false\n", "  # the source says No\n  healthy_volunteers: false\n")
    file.write_text(text, encoding="utf-8")
    assert trials("fmt", file).status == 0
    result = file.read_text(encoding="utf-8")
    assert "enrollment: # as the source says\n  count: 6\n" in result
    assert "  # the source says No\n  healthy_volunteers: false\n" in result
    assert result.startswith("# IM19 CAR-T cells in refractory SLE")


@pytest.mark.parametrize("program", ["trials", ".venv/bin/trials"])
def test_check_lists_the_files_and_the_command_that_fixes_them(
    trials: Trials, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, program: str
) -> None:
    """The command as the user can run it: run from a clone's .venv/bin (after `make check`, on no
    PATH) it is .venv/bin/trials; before, "run: trials fmt FILE" named a command the shell did not find."""
    if program != "trials":
        monkeypatch.setattr("sys.argv", [str(install(tmp_path / "clone/.venv/bin")), "fmt"])
        monkeypatch.setenv("PATH", str(tmp_path / "none"))
    file = registry / IM19
    file.write_text(MESSY, encoding="utf-8")
    result = trials("fmt", "--check")
    assert result.status == 1
    assert result.out == f"would reformat {IM19}\n1 file not in canonical form; run: {program} fmt {IM19}\n"
    assert file.read_text(encoding="utf-8") == MESSY


def test_seeds_are_never_touched(trials: Trials, registry: Path) -> None:
    seed = registry / "seeds" / "000_84a0f0163f21158e.txt"
    odd = registry / "seeds" / "notes.yaml"
    odd.write_text("b: 1\na: {x: 2}\n", encoding="utf-8")
    before = seed.read_bytes(), odd.read_bytes()
    result = trials("fmt", seed, odd)
    assert result.status == 0
    assert result.err.count("seeds/ holds source documents as received; never formatted") == 2
    assert result.err.endswith("no trial file to format\n")  # not "0 files already in canonical form"
    checked = trials("fmt", "--check", seed)
    assert checked.status == 0 and checked.err.endswith("no trial file to format\n")
    assert (seed.read_bytes(), odd.read_bytes()) == before


def test_a_file_the_loader_refuses_is_reported_and_left_alone(trials: Trials, registry: Path) -> None:
    file = registry / IM19
    broken = "nct_id: NCT06513429\nbrief_title: [unclosed\n"
    file.write_text(broken, encoding="utf-8")
    result = trials("fmt", file)
    assert result.status == 1 and f"{IM19}:" in result.out and "E007" in result.out
    assert "not formatted: fix the problems above first" in result.err
    assert file.read_text(encoding="utf-8") == broken
    file.write_text("nct_id: NCT06513429\nnct_id: NCT06513429\n", encoding="utf-8")
    assert "E014" in trials("fmt", "--check", file).out  # strict loader rules apply: duplicate key


def test_windows_line_ends_and_a_byte_order_mark_are_fixed(trials: Trials, registry: Path) -> None:
    file = registry / IM19
    original = (DATA_ROOT / IM19).read_bytes()
    file.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    said = trials("validate", file)  # E016, E017: each message names the command that fixes it
    assert said.status == 1 and "E017 CR line end; save with LF (\\n) line ends (" in said.out, said.out
    assert f"more); trials fmt {IM19} rewrites them with LF" in said.out, said.out
    assert (
        f"E016 UTF-8 byte-order mark at the start of the file; save as UTF-8 without BOM (trials fmt {IM19} removes it)"
        in said.out
    )
    assert trials("fmt", "--check", file).status == 1
    assert trials("fmt", file).status == 0
    assert file.read_bytes() == original


def test_a_year_written_as_a_number_becomes_a_quoted_date(trials: Trials, registry: Path) -> None:
    file = registry / IM19
    text = (DATA_ROOT / IM19).read_text(encoding="utf-8").replace('    date: "2027-12-31"', "    date: 2027")
    file.write_text(text, encoding="utf-8")
    assert trials("validate", file).status == 1  # 2027 is a number: the schema wants text
    assert trials("fmt", file).status == 0
    assert '    date: "2027"\n' in file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("    date: 2027-12-31", '    date: "2027-12-31"'),  # a date field's date, unquoted: quoted
        ("    date: 2027-13-45", '    date: "2027-13-45"'),  # no such day: formatted, not an internal error
        ("    date: 2027-12-31 10:00", '    date: "2027-12-31 10:00"'),  # a time of day: kept as written
    ],
)
def test_text_that_looks_like_a_date_is_formatted_as_text(
    trials: Trials, registry: Path, written: str, canonical: str
) -> None:
    """The strict loader reads a plain date as text; the round-trip loader read it as a date, and one with
    no such day (a curator's typo) stopped `trials fmt` with exit 3, "internal error, please report it"."""
    file = registry / IM19
    text = (DATA_ROOT / IM19).read_text(encoding="utf-8").replace('    date: "2027-12-31"', written)
    file.write_text(text, encoding="utf-8")
    assert trials("fmt", "--check", file).status == 1
    assert trials("fmt", file).status == 0
    assert canonical + "\n" in file.read_text(encoding="utf-8")
    assert trials("fmt", "--check", file).status == 0


def test_the_guide_names_the_dates_yaml_reads_as_numbers(tmp_path: Path) -> None:
    """docs/curating.md tells a curator which unquoted dates YAML reads as numbers: a bare year only
    (it said a year-month too, which the loader reads as text, as it does a full date)."""
    from sle_trials.checks import load

    forms = {"year": "2024", "year-month": "2024-07", "full date": "2024-07-30"}
    numbers = set()
    for name, date in forms.items():
        file = tmp_path / f"{name}.yaml"
        file.write_text(f"nct_id: NCT06513429\nstart: {date}\n", encoding="utf-8")
        record, problems = load.load(file, file.name)
        assert record is not None, problems
        if not isinstance(record.data["start"], str):
            numbers.add(name)
    guide = " ".join((REPO / "docs" / "curating.md").read_text(encoding="utf-8").split())
    said = re.search(r"but a bare ([\w -]+?) (?:is|are) a number to YAML", guide)
    assert said, "docs/curating.md no longer says which dates are numbers to YAML"
    assert set(re.split(r" or |, ", said[1])) == numbers


@pytest.mark.parametrize("plain", ["No", "on", "1:30"])
def test_the_guide_says_what_fmt_does_with_text_yaml_1_1_reads_otherwise(
    trials: Trials, registry: Path, plain: str
) -> None:
    """docs/curating.md said `trials fmt` quotes text a YAML 1.1 reader takes for true, false or a
    base-60 number "for you": it does not, since the strict loader refuses the file (E023) and fmt
    leaves a file it refuses alone. A curator who ran it as told found the file unchanged. The guide
    now says to quote it as E023's message says; this holds fmt and the guide to each other."""
    file = registry / IM19
    original = (DATA_ROOT / IM19).read_text(encoding="utf-8")
    text = original.replace("nct_id: NCT06513429\n", f"nct_id: NCT06513429\nacronym: {plain}\n", 1)
    file.write_text(text, encoding="utf-8")
    result = trials("fmt", file)
    assert result.status == 1 and "E023" in result.out and f'write it in double quotes: "{plain}"' in result.out
    assert file.read_text(encoding="utf-8") == text  # left as it is
    guide = " ".join((REPO / "docs" / "curating.md").read_text(encoding="utf-8").split())
    assert "`trials fmt` leaves a file holding such text plain as it is" in guide
    assert "`trials fmt` quotes it for you" not in guide


def test_new_text_is_folded_to_the_width(registry: Path) -> None:
    sch = schema.load_schema(registry)
    long = " ".join(["word"] * 60)
    text = fmt.render(
        {
            "nct_id": "NCT06513429",
            "brief_title": long,
            "brief_summary": long,
            "curation": {"status": "stub", "sources": [{"file": "seeds/x", "kind": "OTHER", "as_of": "2025"}]},
        },
        sch,
    )
    lines = text.splitlines()
    assert f"brief_title: {long}" in lines  # titles stay on one line
    assert "brief_summary: >-" in lines and all(
        len(line) <= fmt.WIDTH for line in lines if not line.startswith("brief_title")
    )
    assert YAML(typ="safe").load(text)["brief_summary"] == long


# --- the hooks and CI -------------------------------------------------------------------------------


def test_fmt_hook_is_configured_for_trial_files_only() -> None:
    config = YAML(typ="safe").load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["trials-fmt"] == {
        "id": "trials-fmt",
        "name": "put changed trial files in canonical form",
        "entry": ".venv/bin/trials fmt",
        "language": "system",
        "files": "^trials/",
    }
    assert re.search(config["exclude"], "seeds/000_84a0f0163f21158e.txt")


def test_hooks_manifest_for_other_repositories() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = {h["id"]: h for h in clientlib.load_manifest(str(REPO / ".pre-commit-hooks.yaml"))}
    offered = {"trials-fmt", "trials-validate", "trials-refs", "sources-staged", "trials-csv", "trials-check"}
    assert set(hooks) == offered
    trials = [h for h in hooks.values() if h["id"] != "sources-staged"]  # (a shell command of git's: system)
    assert all(h["language"] == "python" and h["entry"].startswith("trials ") for h in trials)
    assert all("seeds" not in h["files"] or h["id"] == "trials-check" for h in hooks.values())


def test_ci_runs_make_check_make_test_and_annotates() -> None:
    workflow = YAML(typ="safe").load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    runs = "\n".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    for command in (
        "make test",
        "make check",
        ".venv/bin/trials check --format github",
        ".venv/bin/trials fmt --check",
    ):
        assert command in runs
    assert "pull_request" in workflow[True] if True in workflow else "pull_request" in workflow["on"]
    assert "trials diff" not in runs  # the pull request's own code would write its own summary


def test_the_review_summary_is_written_by_the_base_branchs_code() -> None:
    """review.yml: on pull_request_target (the workflow and the checkout are the base branch's), the
    pull request's commits fetched as objects and read by `trials diff`; none of its files checked out,
    installed or run."""
    workflow = YAML(typ="safe").load((REPO / ".github" / "workflows" / "review.yml").read_text(encoding="utf-8"))
    assert set(workflow[True] if True in workflow else workflow["on"]) == {"pull_request_target"}
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    checkouts = [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout")]
    assert len(checkouts) == 1 and "ref" not in checkouts[0].get("with", {})
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "trials diff" in runs and "--format markdown" in runs and "refs/review/head" in runs
    # and its data checked by the base branch's code and schema (.ci/trusted-check: the blobs of the
    # data folders only, test_attacks_review.py)
    assert "bash .ci/trusted-check refs/review/head" in runs
    for forbidden in (
        "make",
        "pytest",
        "git checkout",
        "git switch",
        "git worktree",
        "git merge ",
        "pull_request.head",
    ):
        assert forbidden not in runs, forbidden


PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


@pytest.mark.skipif(not PRE_COMMIT.exists() or not shutil.which("git"), reason="needs git and pre-commit in the venv")
def test_the_hook_reformats_a_commit_then_lets_it_through(tmp_path: Path) -> None:
    work = tmp_path / "registry"
    work.mkdir()
    for name in ("schema", "seeds", "trials", "trials.csv", "datapackage.json"):
        (shutil.copytree if (DATA_ROOT / name).is_dir() else shutil.copy2)(DATA_ROOT / name, work / name)
    shutil.copy2(REPO / ".pre-commit-config.yaml", work / ".pre-commit-config.yaml")
    (work / ".venv").symlink_to(REPO / ".venv")
    (work / ".gitignore").write_text(".venv\n.cache/\n")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=work, env=env, capture_output=True, text=True, timeout=120)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    assert git("commit", "-q", "--no-verify", "-m", "initial").returncode == 0
    subprocess.run([str(PRE_COMMIT), "install"], cwd=work, env=env, check=True, capture_output=True)
    trial = work / IM19
    canonical = trial.read_text(encoding="utf-8")
    trial.write_text(canonical.replace("enrollment:\n  count: 6\n", "enrollment: {count: 6}\n"), encoding="utf-8")
    git("add", IM19)
    first = git("commit", "-m", "enrollment inline")
    assert first.returncode != 0 and "files were modified by this hook" in first.stdout + first.stderr
    assert trial.read_text(encoding="utf-8") == canonical
    git("add", IM19)
    second = git("commit", "-m", "nothing changed after all", "--allow-empty")
    assert second.returncode == 0, second.stdout + second.stderr


@pytest.mark.parametrize("value", [1e-05, 1e16, 0.5, 2.0, 1.25e-07, 123456.789])
def test_a_number_the_tool_writes_is_in_plain_digits(value: float) -> None:
    """ruamel.yaml wrote 1e-05 as 1.0e-05: a number an import or `trials new` put in a record came
    out in a notation E023 refuses (YAML 1.1 readers read it as text). Written in plain digits, it
    reads back as the same number, with no problem."""
    out = io.StringIO()
    fmt.yaml_rt().dump({"n": value}, out)
    assert re.fullmatch(r"n: [0-9]+\.[0-9]+\n", out.getvalue()), out.getvalue()
    record, problems = load.parse(out.getvalue(), "x.yaml")
    assert problems == [] and record is not None and record.data == {"n": value}
