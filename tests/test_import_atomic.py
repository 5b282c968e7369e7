"""trials import is all or nothing: checked on a stage first, then moved into place in an order a re-run completes."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials, copy_registry, snapshot, with_cache_of
from sle_trials.curate import importing
from sle_trials.curate.ctgov import eligibility, status

pytestmark = pytest.mark.long  # handed to a worker before the short modules (conftest.py)

CTGOV = FIXTURES / "ctgov"
STUDY = CTGOV / "withdrawn_enrollment_0.json"
SEED = "seeds/ctgov_NCT09000022_2025-06-12.json"
RECORD = "trials/NCT09000022.yaml"


def registry_files(root: Path) -> dict[str, bytes]:
    """What the registry is made of: the files a check reads and the generated ones (dot files aside)."""
    return {
        path: data for path, data in snapshot(root).items() if not any(part.startswith(".") for part in path.split("/"))
    }


def variant(tmp_path: Path, name: str, edit) -> Path:
    doc = json.loads(STUDY.read_text(encoding="utf-8"))
    edit(doc["protocolSection"])
    path = tmp_path / name
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return path


def _dates_out_of_order(ps: dict) -> None:
    # (a date of no day of the calendar, which this case once used, is left out with a note:
    # test_import_forms.test_a_date_not_in_the_calendar_is_left_to_the_curator)
    ps["statusModule"]["startDateStruct"] = {"date": "2024-01-15", "type": "ACTUAL"}
    ps["statusModule"]["completionDateStruct"] = {"date": "2023-06-30", "type": "ACTUAL"}


def _ages_reversed(ps: dict) -> None:
    ps["eligibilityModule"]["minimumAge"], ps["eligibilityModule"]["maximumAge"] = "70 Years", "18 Years"


@pytest.mark.parametrize(
    "edit, problem",
    [
        (_dates_out_of_order, "E105 dates.completion 2023-06-30 is before dates.start 2024-01-15"),
        (_ages_reversed, "E104 minimum age 70 years is above maximum age 18 years"),
    ],
)
def test_an_import_that_fails_the_check_writes_nothing(
    trials: Trials, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit, problem
) -> None:
    """Before: the record, the seed and the manifest line were written, then the check failed (exit 1).
    The importer leaves such contradictions to the curator (test_import_forms); with that switched
    off, its draft is one the check refuses, as a draft the importer got wrong would be."""
    monkeypatch.setattr(status, "_out_of_order", lambda b, dates: None)
    monkeypatch.setattr(eligibility, "_inverted", lambda b, elig, mod: None)
    before = snapshot(registry)
    result = trials("import", "ctgov", variant(tmp_path, "study.json", edit))
    assert result.status == 1
    assert f"{RECORD}:" in result.out and problem in result.out
    assert (
        "with this import the registry would have the problems above; their lines are those of the record as "
        "the import would write it (--dry-run shows it); nothing written" in result.err
    )
    assert snapshot(registry) == before  # no record, no seed, no manifest line, no stage left behind
    assert trials("check").status == 0


def test_a_registry_with_problems_takes_no_import(trials: Trials, registry: Path) -> None:
    """... and says the problems are the registry's own, not the study's: it said "with this import
    the registry would have the problems above", and a curator looked for them in the study."""
    (registry / "trials" / "NCT06310811.yaml").write_text("nct_id: NCT06310811\n", encoding="utf-8")
    before = snapshot(registry)
    result = trials("import", "ctgov", STUDY)
    assert result.status == 1 and "trials/NCT06310811.yaml:" in result.out and "nothing written" in result.err
    assert (
        "the registry has the problems above without this import; fix them first (trials check lists them), "
        "then import again; nothing written" in result.err
    ), result.err
    assert "with this import" not in result.err
    assert snapshot(registry) == before


# --- interrupted imports: a re-run completes them -------------------------------------------------

PAGE_STEPS = ["seed", "manifest", "first record", "second record", "trials.csv", "datapackage.json"]
STUDY_STEPS = ["seed", "manifest", "record", "trials.csv", "datapackage.json"]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    docs = [
        json.loads((CTGOV / n).read_text(encoding="utf-8"))
        for n in ("withdrawn_enrollment_0.json", "observational_followup.json")
    ]
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"studies": docs}, indent=2) + "\n", encoding="utf-8")
    return path


def _copy(dest: Path, checked: Path) -> Path:
    """A registry copy with the check cache of the session's checked registry (with_cache_of): an
    import's check takes the records it did not change from it, as a curator's does, and these tests
    import a dozen times."""
    root = copy_registry(dest)
    with_cache_of(checked, root)
    return root


def _expected(tmp_path: Path, file: Path, capsys, checked: Path) -> dict[str, bytes]:
    """The registry after the same import, uninterrupted."""
    reference = _copy(tmp_path / "reference", checked)
    assert Trials(reference, capsys)("import", "ctgov", file).status == 0
    return registry_files(reference)


@pytest.mark.parametrize("steps, which", [(STUDY_STEPS, "study"), (PAGE_STEPS, "page")])
def test_interrupted_at_each_step_a_rerun_completes(
    trials: Trials,
    tmp_path: Path,
    page: Path,
    capsys,
    monkeypatch: pytest.MonkeyPatch,
    steps: list[str],
    which: str,
    _checked_registry: Path,
) -> None:
    """Out of disk at each move into place (the k-th os.replace fails): the run stops with exit 1,
    and running the same import again finishes it; the registry is then what an uninterrupted
    import makes, and `trials check` passes."""
    file = STUDY if which == "study" else page
    expected = _expected(tmp_path, file, capsys, _checked_registry)
    real = os.replace
    for k, step in enumerate(steps, 1):
        root = _copy(tmp_path / f"registry-{k}", _checked_registry)
        calls: list[str] = []

        def full_disk(src, dst, k=k, calls=calls):
            calls.append(dst)
            if len(calls) == k:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(src, dst)

        monkeypatch.setattr(os, "replace", full_disk)
        stopped = trials("import", "ctgov", file, root=root)
        monkeypatch.setattr(os, "replace", real)
        assert stopped.status == 1, step
        assert "No space left on device" in stopped.err and "run the same import again to finish it" in stopped.err
        assert len(calls) == k
        again = trials("import", "ctgov", file, root=root)
        assert again.status == 0, (step, again.out, again.err)
        assert trials("check", root=root).status == 0, step
        assert registry_files(root) == expected, step
        assert not [p for p in snapshot(root) if ".tmp" in p or ".trials-import-" in p], step


_KILLER = """
import os, signal, sys
real, calls = os.replace, []
def replace(src, dst):
    calls.append(dst)
    if len(calls) == int(os.environ["KILL_AT"]):
        os.kill(os.getpid(), signal.SIGKILL)  # as a power cut would: no clean-up runs
    return real(src, dst)
os.replace = replace
from sle_trials.cli import main

sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("k", range(1, len(STUDY_STEPS) + 1))
def test_killed_at_each_step_a_rerun_completes(tmp_path: Path, capsys, k: int, _checked_registry: Path) -> None:
    """A process killed at the k-th move into place leaves its temporary file behind; the re-run
    and the check do not mind it (a dot file, git-ignored). Only the killed run needs a process of
    its own: the re-run and the check run in this one, as `trials` runs them."""
    expected = _expected(tmp_path, STUDY, capsys, _checked_registry)
    root = _copy(tmp_path / "registry", _checked_registry)
    argv = [sys.executable, "-c", _KILLER, "import", "ctgov", str(STUDY), "--root", str(root)]
    killed = subprocess.run(argv, env={**os.environ, "KILL_AT": str(k)}, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    trials = Trials(root, capsys)
    again = trials("import", "ctgov", STUDY)
    assert again.status == 0, again.out + again.err
    check = trials("check")
    assert check.status == 0, check.out + check.err
    assert registry_files(root) == expected


def test_a_truncated_seed_left_by_an_earlier_crash_is_replaced(
    trials: Trials, registry: Path, tmp_path: Path, capsys, _checked_registry: Path
) -> None:
    """What the import before this one left when it ran out of disk: the start of the JSON at the
    seed's name, unlisted. Before, a re-run wrote the JSON under another name and the leftover
    failed the check for ever (E306, E307)."""
    raw = STUDY.read_bytes()
    (registry / SEED).write_bytes(raw[:1000])
    assert trials("check").status == 1
    result = trials("import", "ctgov", STUDY)
    assert result.status == 0, result.out + result.err
    assert (
        f"{SEED}: written, withdrawn_enrollment_0.json as received, read-only (it replaces the 1,000 bytes"
        in result.out
    )
    assert (registry / SEED).read_bytes() == raw
    assert not (registry / SEED).stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert trials("check").status == 0
    assert registry_files(registry) == _expected(tmp_path, STUDY, capsys, _checked_registry)


def test_a_truncated_seed_already_listed_is_restored(trials: Trials, registry: Path) -> None:
    """The manifest vouches for the JSON's bytes; the file at that name holds only their start."""
    raw = STUDY.read_bytes()
    (registry / SEED).write_bytes(raw[:10])
    with open(registry / "seeds" / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(raw).hexdigest()}  {SEED.removeprefix('seeds/')}\n")
    assert trials("import", "ctgov", STUDY).status == 0
    assert (registry / SEED).read_bytes() == raw and trials("check").status == 0


def test_another_document_at_the_seeds_name_is_never_replaced(trials: Trials, registry: Path) -> None:
    """An unlisted file at that name whose bytes are not the start of the JSON may be a curator's
    document: it stays; the JSON would go under another name, and the check refuses the unlisted file."""
    (registry / SEED).write_bytes(b"a curator's own notes\n")
    before = snapshot(registry)
    result = trials("import", "ctgov", STUDY)
    assert result.status == 1 and f"{SEED}: E307" in result.out and "nothing written" in result.err
    assert snapshot(registry) == before


@pytest.mark.parametrize("folder", ["trials", "seeds"])
def test_a_registry_folder_that_is_a_link_is_not_written_through(
    trials: Trials, registry: Path, tmp_path: Path, folder: str
) -> None:
    """`trials` or `seeds` made a link to a folder outside the registry (a merge brought it): the
    import neither reads nor writes through it."""
    outside = tmp_path / "outside"
    (registry / folder).rename(outside)
    (registry / folder).symlink_to(outside)
    before = snapshot(outside)
    result = trials("import", "ctgov", STUDY)  # the command refuses a linked registry folder before any command runs
    assert result.status == 2 and f"{folder}/ is a symbolic link" in result.err
    assert snapshot(outside) == before
    with pytest.raises(importing.Failed, match=f"{folder} is not a folder"):  # and the importer on its own, too
        importing.plain_folders(registry)


@pytest.mark.parametrize(
    "folder, name, code", [("trials", ".NCT06310811.yaml.swp", "E101"), ("seeds", ".notes", "E307")]
)
def test_a_dot_file_in_the_registry_is_checked_on_the_stage(
    trials: Trials, registry: Path, folder: str, name: str, code: str
) -> None:
    """The stage once left out every dot file, so an import reported a registry that `trials check`
    refuses (a stray editor file under trials/, a hidden file under seeds/) as passing, and wrote."""
    (registry / folder / name).write_text("stray\n", encoding="utf-8")
    assert trials("check").status == 1
    before = snapshot(registry)
    result = trials("import", "ctgov", STUDY)
    assert result.status == 1 and f"{folder}/{name}" in result.out and code in result.out, result.out + result.err
    assert "nothing written" in result.err
    assert snapshot(registry) == before


def test_an_import_failing_in_a_registry_with_problems_says_which_were_there(
    trials: Trials, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(eligibility, "_inverted", lambda b, elig, mod: None)  # a draft the check refuses
    # (a record cut to its id: three problems of its own, E201 for each required field it lacks)
    (registry / "trials" / "NCT06310811.yaml").write_text("nct_id: NCT06310811\n", encoding="utf-8")
    result = trials("import", "ctgov", variant(tmp_path, "study.json", _ages_reversed))
    assert result.status == 1 and "E104" in result.out
    assert "with this import the registry would have the problems above (3 of them it has without the import)" in (
        result.err
    )
