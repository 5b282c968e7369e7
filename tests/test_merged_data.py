"""The data a pull request's merge holds, checked as its head's is (.ci/trusted-check, git/extract.py).

The trusted check read a pull request's head: its records, sources and generated files as the pull
request has them. What lands is GitHub's merge of it with the base branch as that branch is by then,
and where main moved on after the pull request branched, the merge holds data neither side does.
Here main takes a newer copy of NCT05765006's page (the trial no longer recruiting: a new source, its
status and the manifest), and a pull request made before adds a note that the trial is recruiting.
Each side passed alone, and so did the pull request's check (exit 0); merged, the record's note
gives a status its value is not (E501), which no check had read. Now the merge's data is written
where it is not the head's (`extract --merge`) and checked too, and a merge that conflicts is refused
(exit 2): GitHub makes none, and no check has read what a merge of it would hold.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from conftest import DATA_ROOT, committed_registry, extraction, git_run, main, put, trusted_check

RECORD = "trials/NCT05765006.yaml"
OLD = "seeds/004_2ad16b9ce66a0787.txt"
NOTE = "    - field: overall_status\n      text: The trial is recruiting in China.\n"


def _main_takes_a_newer_page(root: Path) -> None:
    """main: NCT05765006's page as fetched again (its status now "Active, not recruiting"), the record
    curated from it, the older copy and its manifest line gone, the generated files written again."""
    page = (root / OLD).read_bytes()
    was, now = b"November 14, 2025\n\nRecruiting\n", b"November 28, 2025\n\nActive, not recruiting\n"
    newer = page.replace(b"Current as of " + was, b"Current as of " + now)
    assert newer != page
    digest = hashlib.sha256(newer).hexdigest()
    name = f"seeds/005_{digest[:16]}.txt"
    put(root, name, newer)
    (root / OLD).unlink()
    manifest = [line for line in (root / "seeds/SHA256SUMS").read_text("utf-8").splitlines() if "004_" not in line]
    put(root, "seeds/SHA256SUMS", "\n".join(sorted([*manifest, f"{digest}  {name[6:]}"], key=str.split)) + "\n")
    text = (root / RECORD).read_text("utf-8")
    for old, new in (
        (OLD, name),
        ('as_of: "2025-11-14"', 'as_of: "2025-11-28"'),
        ("as_of: Current as of November 14, 2025", "as_of: Current as of November 28, 2025"),
        ("Current as of November 14, 2025 Recruiting", "Current as of November 28, 2025 Active, not recruiting"),
        ("overall_status: RECRUITING", "overall_status: ACTIVE_NOT_RECRUITING"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    put(root, RECORD, text)
    assert main(["csv", "--root", str(root)]) == 0


def _note_added(root: Path, note: str = NOTE) -> None:
    """The pull request's change: a note on NCT05765006, after its last one (the record's other lines
    are main's to change)."""
    text = (root / RECORD).read_text("utf-8")
    assert text.count("\n  silent:\n") == 1
    put(root, RECORD, text.replace("\n  silent:\n", "\n" + note + "  silent:\n", 1))


def _branches(tmp_path: Path, pull_request, on_main) -> Path:
    """A registry whose branch `pr` (pull_request's change) left main before main's change (on_main), with
    main checked out: what .ci/trusted-check then runs on."""
    root = committed_registry(tmp_path)
    git_run(root, "checkout", "-q", "-b", "pr")
    pull_request(root)
    git_run(root, "commit", "-q", "--no-verify", "-am", "pr")
    git_run(root, "checkout", "-q", "main")
    on_main(root)
    git_run(root, "add", "-A")
    git_run(root, "commit", "-q", "--no-verify", "-m", "main moved on")
    return root


def _merge_extracted(root: Path, dest: Path) -> subprocess.CompletedProcess:
    """`python -m sle_trials.git.extract --merge pr DEST` in-process, at root."""
    return extraction(root, "pr", dest, "--merge")


def _checked(folder: Path) -> int:
    """`trials check` of extracted data, with this checkout's schema beside it (as .ci/trusted-check)."""
    shutil.copytree(DATA_ROOT / "schema", folder / "schema")
    return main(["check", "--root", str(folder), "--no-cache"])


def test_a_note_each_side_passes_alone_fails_in_the_merge(tmp_path: Path) -> None:
    root = _branches(tmp_path, _note_added, _main_takes_a_newer_page)
    # each side passes alone: main's data, and the pull request's head as the trusted check extracts it
    assert main(["check", "--root", str(root), "--no-cache"]) == 0
    head = extraction(root, "pr", tmp_path / "head")
    assert head.returncode == 0, head.stderr
    assert _checked(tmp_path / "head") == 0
    # the merge holds main's page and status beside the pull request's note
    merged = _merge_extracted(root, tmp_path / "merge")
    assert merged.returncode == 0, merged.stderr
    assert "the merge with the base branch holds other data than pr" in merged.stdout
    assert "The trial is recruiting" in (tmp_path / "merge" / RECORD).read_text("utf-8")
    assert "ACTIVE_NOT_RECRUITING" in (tmp_path / "merge" / RECORD).read_text("utf-8")
    # .ci/trusted-check itself: the merge's problem, and its exit status
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "E501 curation.notes." in checked.stdout
    assert "gives overall_status as RECRUITING" in checked.stdout


def test_a_merge_that_conflicts_is_refused(tmp_path: Path) -> None:
    """main re-curates the record's status line and the pull request changes the same line: GitHub
    merges none of it, and the data of a merge no check has read is no verdict (exit 2)."""

    def status_changed(root: Path) -> None:
        text = (root / RECORD).read_text("utf-8")
        put(root, RECORD, text.replace("overall_status: RECRUITING\n", "overall_status: RECRUITING  # per the page\n"))

    root = _branches(tmp_path, status_changed, _main_takes_a_newer_page)
    merged = _merge_extracted(root, tmp_path / "merge")
    assert merged.returncode == 2
    assert f"trusted-check: pr conflicts with HEAD in {RECORD}:" in merged.stderr
    assert not (tmp_path / "merge").exists()


def test_a_merge_holding_the_heads_data_writes_nothing(tmp_path: Path) -> None:
    """main moved on outside the data (its README): the merge's data is the head's, checked once."""
    root = _branches(tmp_path, _note_added, lambda root: put(root, "README.md", "# The registry\n"))
    merged = _merge_extracted(root, tmp_path / "merge")
    assert (merged.returncode, merged.stdout, merged.stderr) == (0, "", "")
    assert not (tmp_path / "merge").exists()


def test_an_honest_pull_request_behind_main_passes(tmp_path: Path) -> None:
    """main took the newer page; the pull request, made before, notes what is true of both (its
    sites in China): the merge's data is written and checked, and passes (exit 0)."""
    note = "    - field: locations\n      text: Its sites are in China.\n"
    root = _branches(tmp_path, lambda root: _note_added(root, note), _main_takes_a_newer_page)
    checked = trusted_check(root, "pr", tmp_path / "review")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "the merge with the base branch holds other data than pr" in checked.stdout


def test_a_folder_that_cannot_be_written_stops_either_extraction(tmp_path: Path) -> None:
    """The extraction's own failure to write (here a file where its folder should be) is no verdict (exit 2),
    said of the folder, for the head's data and the merge's alike (extract._stopped)."""
    root = _branches(tmp_path, _note_added, _main_takes_a_newer_page)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file\n", encoding="utf-8")
    for options in ((), ("--merge",)):
        extracted = extraction(root, "pr", blocked / "data", *options)
        assert extracted.returncode == 2, extracted.stderr
        assert "cannot be written: Not a directory" in extracted.stderr, extracted.stderr
