"""trials drift: what ClinicalTrials.gov changed since each record's source, against a local API (ctgov_api.py)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials
from ctgov_api import API, Answer, running
from sle_trials.curate import drift

CTGOV = FIXTURES / "ctgov"


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[API]:
    with running(monkeypatch) as stand_in:
        yield stand_in


NCT = "NCT09000011"


def study(name: str = "completed_phase2_randomised.json") -> dict:
    return json.loads((CTGOV / name).read_text(encoding="utf-8"))


def body(doc: dict) -> bytes:
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def changed() -> dict:
    """The completed study as the registry shows it a year later: enrollment and phases revised, completed later."""
    doc = study()
    status = doc["protocolSection"]["statusModule"]
    status["lastUpdatePostDateStruct"] = {"date": "2026-03-01", "type": "ACTUAL"}
    status["completionDateStruct"] = {"date": "2025-11-30", "type": "ACTUAL"}
    doc["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 26, "type": "ACTUAL"}
    doc["protocolSection"]["designModule"]["phases"] = ["PHASE2", "PHASE3"]
    return doc


@pytest.fixture
def imported(trials: Trials, api: API) -> Path:
    """The registry with NCT09000011 imported from its JSON (as of 2025-03-06)."""
    assert trials("import", "ctgov", CTGOV / "completed_phase2_randomised.json").status == 0
    return trials.root


def test_no_drift(trials: Trials, imported: Path, api: API) -> None:
    api.serve(NCT, Answer(200, (CTGOV / "completed_phase2_randomised.json").read_bytes()))
    result = trials.raw(["drift", "--root", str(imported), NCT])
    assert result.status == 0, result.out + result.err
    assert result.out == (
        "1 of 1 trial checked against ClinicalTrials.gov: 0 changed since their source, "
        "0 unknown to the registry, 0 not checked\n"
    )
    assert result.err == ""  # no progress bar into a pipe


def test_a_changed_study_is_reported_in_text_markdown_and_json(trials: Trials, imported: Path, api: API) -> None:
    api.serve(NCT, Answer(200, body(changed())))
    result = trials.raw(["drift", "--root", str(imported), NCT])
    assert result.status == 1
    assert result.out.splitlines()[0] == (
        "NCT09000011: dates.completion 2024-08-31 (ACTUAL) → 2025-11-30 (ACTUAL); "
        "dates.last_updated 2025-03-06 (ACTUAL) → "
        "2026-03-01 (ACTUAL); phases [PHASE2] → [PHASE2, PHASE3]; enrollment 24 (ACTUAL) → 26 (ACTUAL) "
        "(since seeds/ctgov_NCT09000011_2025-03-06.json, as of 2025-03-06)"
    )
    md = trials.raw(["drift", "--root", str(imported), "--format", "markdown", NCT])
    assert md.status == 1
    assert md.out.startswith("## Drift from ClinicalTrials.gov\n\n1 of 1 trial checked")
    assert "- **NCT09000011** (since `seeds/ctgov_NCT09000011_2025-03-06.json`, as of `2025-03-06`)\n" in md.out
    assert "  - `enrollment` `24 (ACTUAL)` → `26 (ACTUAL)`\n" in md.out
    js = trials.raw(["drift", "--root", str(imported), "--format", "json", NCT])
    report = json.loads(js.out)
    assert js.status == 1 and report["drifted"] == 1
    assert {c["field"] for c in report["trials"][0]["changes"]} == {
        "enrollment",
        "phases",
        "dates.completion",
        "dates.last_updated",
    }
    # the same run twice prints the same bytes
    assert trials.raw(["drift", "--root", str(imported), "--format", "json", NCT]).out == js.out


def test_apply_updates_what_drifted(trials: Trials, imported: Path, api: API) -> None:
    api.serve(NCT, Answer(200, body(changed())))
    result = trials.raw(["drift", "--root", str(imported), "--apply", NCT])
    assert result.status == 0, result.out + result.err
    assert "trials/NCT09000011.yaml: dates.completion 2024-08-31 (ACTUAL) → 2025-11-30 (ACTUAL)" in result.err
    assert "enrollment 24 (ACTUAL) → 26 (ACTUAL)" in result.err and "trials/NCT09000011.yaml: written" in result.err
    assert trials("check").status == 0
    assert trials.raw(["drift", "--root", str(imported), NCT]).status == 0  # nothing left to report


def test_a_record_from_other_sources_is_compared_with_its_own_values(trials: Trials, registry: Path, api: API) -> None:
    """NCT06513429 was curated from a registry copy as of 2025-08-17: RECRUITING, 6 enrolled, no last update given."""
    doc = study()
    ps = doc["protocolSection"]
    ps["identificationModule"]["nctId"] = "NCT06513429"
    ps["statusModule"].update(
        {
            "overallStatus": "ACTIVE_NOT_RECRUITING",
            "startDateStruct": {"date": "2024-07-30", "type": "ACTUAL"},  # the copy gave no type
            "completionDateStruct": {"date": "2027-12-31", "type": "ESTIMATED"},
            "lastUpdatePostDateStruct": {"date": "2025-10-02", "type": "ACTUAL"},
        }
    )
    ps["designModule"]["enrollmentInfo"] = {"count": 6, "type": "ESTIMATED"}
    ps["designModule"]["phases"] = ["NA"]
    doc["hasResults"] = False
    del ps["statusModule"]["primaryCompletionDateStruct"]
    api.serve("NCT06513429", Answer(200, body(doc)))
    result = trials.raw(["drift", "--root", str(registry), "NCT06513429"])
    assert result.status == 1
    assert result.out.splitlines()[0] == (
        "NCT06513429: overall_status RECRUITING → ACTIVE_NOT_RECRUITING; dates.last_updated "
        "2025-08-17 → 2025-10-02 (since seeds/000_84a0f0163f21158e.txt, as of 2025-08-17)"
    )
    # a record whose source gave no last update: the registry's is compared with the source's as-of date
    file = registry / "trials" / "NCT06513429.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace('  last_updated:\n    date: "2025-08-17"\n', ""), encoding="utf-8")
    line = trials.raw(["drift", "--root", str(registry), "NCT06513429"]).out.splitlines()[0]
    assert "dates.last_updated: 2025-10-02, after the source's as-of date 2025-08-17" in line


def test_an_unknown_trial_is_reported_and_the_run_goes_on(trials: Trials, imported: Path, api: API) -> None:
    api.serve(NCT, Answer(200, (CTGOV / "completed_phase2_randomised.json").read_bytes()))
    result = trials.raw(["drift", "--root", str(imported), "NCT06513429", NCT])
    assert result.status == 1
    assert "NCT06513429: unknown to the registry: ClinicalTrials.gov has no study NCT06513429" in result.out
    assert (
        "2 of 2 trials checked against ClinicalTrials.gov: 0 changed since their source, 1 unknown to the registry"
    ) in result.out
    assert api.requests_for(NCT) == 1  # checked after the unknown one


def test_every_record_by_default(trials: Trials, registry: Path, api: API) -> None:
    result = trials.raw(["drift", "--root", str(registry), "--format", "json"])
    report = json.loads(result.out)
    assert [t["nct_id"] for t in report["trials"]] == sorted(p.stem for p in (registry / "trials").glob("NCT*.yaml"))
    assert report["unknown"] == len(report["trials"])  # the stand-in knows none of them


def test_offline_stops_and_names_what_was_not_checked(
    trials: Trials, imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CTGOV_API_URL", "http://127.0.0.1:9/api/v2")
    monkeypatch.setenv("CTGOV_RETRIES", "0")
    result = trials.raw(["drift", "--root", str(imported), NCT, "NCT06513429"])
    assert result.status == 1
    assert "NCT09000011: not checked: cannot reach http://127.0.0.1:9/api/v2" in result.out
    # what drifted is applied by an update: the saved study is offered to `import --update`, since
    # `trials import ctgov FILE.json` refuses a record that exists with other content
    assert "trials import ctgov --update FILE.json`" in result.out, result.out
    assert "NCT06513429: not checked: the registry could not be reached\n" in result.out
    # neither counted as checked: "2 trials checked ... 2 not checked" said both at once
    assert result.out.endswith(
        "0 of 2 trials checked against ClinicalTrials.gov: 0 changed since their source, "
        "0 unknown to the registry, 2 not checked\n"
    )
    report = json.loads(trials.raw(["drift", "--root", str(imported), "--format", "json", NCT]).out)
    assert (report["checked"], report["asked"], report["unchecked"]) == (0, 1, 1)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["NCT123"], "'NCT123' is not an NCT id"),
        (["NCT09999999"], "there is no trials/NCT09999999.yaml"),
        (["--format", "csv"], "invalid choice"),
    ],
)
def test_usage_errors(trials: Trials, registry: Path, api: API, argv: list, message: str) -> None:
    result = trials.raw(["drift", "--root", str(registry), *argv])
    assert result.status == 2 and message in result.err


@pytest.mark.parametrize(
    "argv, missing",
    [
        (["drift"], "requests"),
        (["drift"], "urllib3"),
        (["drift"], "tqdm"),
        (["import", "ctgov", "NCT06513429"], "requests"),
        (["import", "ctgov", "NCT06513429"], "urllib3"),
    ],
)
def test_without_the_fetch_extra_it_says_how_to_install_it(
    trials: Trials, imported: Path, monkeypatch: pytest.MonkeyPatch, argv: list, missing: str
) -> None:
    """Before: with requests installed but not tqdm, `trials drift` ended in "internal error: No
    module named 'tqdm'". Every module of the extra missing gives the same usage error."""
    monkeypatch.setitem(sys.modules, missing, None)  # what an installation without it gives: ImportError
    monkeypatch.delitem(sys.modules, "sle_trials.curate.ctgov.fetch", raising=False)  # imported afresh
    result = trials.raw([*argv, "--root", str(imported)])
    assert result.status == 2, result.err
    assert f"needs the `fetch` extra ({missing} is not installed)" in result.err
    assert "pip install -e '.[fetch]'" in result.err and "internal error" not in result.err


def test_the_progress_bar_is_for_a_terminal_only() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, piped = Terminal(), io.StringIO()
    for stream in (shown, piped):
        with drift.progress(3, stream) as bar:
            bar.update(3)
    assert "drift:" in shown.getvalue() and "/3 [" in shown.getvalue()
    assert piped.getvalue() == ""


def test_the_weekly_workflow_files_the_markdown_report_in_one_issue() -> None:
    from ruamel.yaml import YAML

    repo = Path(__file__).resolve().parents[1]
    workflow = YAML(typ="safe").load((repo / ".github" / "workflows" / "drift.yml").read_text(encoding="utf-8"))
    assert workflow["on"]["schedule"][0]["cron"].endswith("* * 1")  # weekly
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    steps = workflow["jobs"]["drift"]["steps"]
    script = "\n".join(step.get("run", "") for step in steps)
    assert ".venv/bin/trials drift --format markdown > drift.md" in script
    assert "'.[fetch]'" in script  # the extra the command needs
    assert "gh issue edit" in script and "gh issue create" in script and "gh issue close" in script
    assert 'if [ "$status" -gt 1 ]; then exit "$status"; fi' in script  # drift (1) is a report, not a failure


def test_apply_with_no_cache_never_opens_the_check_cache(
    trials: Trials, imported: Path, api: API, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--no-cache reaches each import --apply runs: its stage and its outputs are checked with no
    verdict read from (or written to) the registry's check cache."""
    from sle_trials.engine import cache

    assert trials("check").status == 0  # a warm cache a forgotten flag would read
    api.serve(NCT, Answer(200, body(changed())))

    def fail(root: Path) -> None:
        raise AssertionError("drift --apply --no-cache looked for the check cache")

    monkeypatch.setattr(cache, "place", fail)
    result = trials.raw(["drift", "--root", str(imported), "--apply", "--no-cache", NCT])
    assert result.status == 0, result.out + result.err
    assert "trials/NCT09000011.yaml: written" in result.err
