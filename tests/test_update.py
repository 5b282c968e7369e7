"""trials import ctgov --update: a three-way merge of the record with what the registry changed.

base: the JSON the record was last imported from; theirs: the new JSON; ours: the record as curated.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, Trials, copy_registry, snapshot
from sle_trials.checks import load

STUDY = FIXTURES / "ctgov" / "completed_phase2_randomised.json"
RECORD = "trials/NCT09000011.yaml"
CURATED_KEYWORDS = ["CAR-T", "lupus nephritis"]  # the curator dropped CD19
NEWER_KEYWORDS = ["CAR-T", "CD19", "lupus nephritis", "relapsed"]  # the registry added one


def data(root: Path) -> dict:
    record, problems = load.load(root / RECORD, RECORD)
    assert record is not None, problems
    return record.data


def newer(
    tmp_path: Path, name: str = "newer.json", keywords: list[str] | None = None, drop_keywords: bool = False
) -> Path:
    """The study as the registry shows it later: terminated, and whatever else is asked for."""
    doc = json.loads(STUDY.read_text(encoding="utf-8"))
    ps = doc["protocolSection"]
    ps["statusModule"]["overallStatus"] = "TERMINATED"
    ps["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2025-04-01"
    if keywords is not None:
        ps["conditionsModule"]["keywords"] = keywords
    if drop_keywords:
        del ps["conditionsModule"]["keywords"]
    path = tmp_path / name
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def curated(trials: Trials, registry: Path) -> Path:
    """The study imported, then curated: a keyword dropped, a comment and a note added. (A text the
    source gives whole, such as the summary, cannot be edited: it would no longer be the source's.)"""
    assert trials("import", "ctgov", STUDY).status == 0
    file = registry / RECORD
    text = file.read_text(encoding="utf-8")
    edits = [
        ("keywords:\n  - CAR-T\n  - CD19\n", "# CD19 is the target, not a keyword (curator)\nkeywords:\n  - CAR-T\n"),
        ("  notes:\n", "  notes:\n    - field: keywords\n      text: CD19 is the target antigen, not a keyword.\n"),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    assert trials("check").status == 0  # a valid record, as curated
    return file


def test_the_same_json_again_keeps_every_curator_edit(trials: Trials, registry: Path, curated: Path) -> None:
    """Before: the dropped keyword came back and its comment was lost."""
    before = snapshot(registry)
    result = trials("import", "ctgov", STUDY, "--update")
    assert result.status == 0, result.out + result.err
    assert f"{RECORD}: no changes" in result.out
    assert snapshot(registry) == before


def test_a_registry_change_is_applied_and_the_curators_edits_elsewhere_kept(
    trials: Trials, registry: Path, curated: Path, tmp_path: Path
) -> None:
    result = trials("import", "ctgov", newer(tmp_path), "--update")
    assert result.status == 0, result.out + result.err
    assert f"{RECORD}: overall_status COMPLETED → TERMINATED" in result.out
    assert "keywords" not in result.out
    after = data(registry)
    assert after["overall_status"] == "TERMINATED"
    assert after["evidence"]["overall_status"] == "statusModule.overallStatus: TERMINATED"
    assert after["keywords"] == CURATED_KEYWORDS  # the curator's, although the JSON still lists CD19
    assert after["curation"]["notes"][0]["text"] == "CD19 is the target antigen, not a keyword."
    assert [s["as_of"] for s in after["curation"]["sources"]] == ["2025-03-06", "2025-04-01"]
    text = curated.read_text(encoding="utf-8")
    for comment in (
        "# CD19 is the target, not a keyword (curator)",
        "# Imported from seeds/ctgov_NCT09000011_2025-03-06.json",
    ):
        assert comment in text
    assert trials("check").status == 0
    # the record now cites the newer JSON, the base of the next update: the same file again changes nothing
    before = snapshot(registry)
    again = trials("import", "ctgov", newer(tmp_path), "--update")
    assert again.status == 0 and f"{RECORD}: no changes" in again.out and snapshot(registry) == before


def test_a_field_both_changed_is_a_conflict_and_nothing_is_written(
    trials: Trials, registry: Path, curated: Path, tmp_path: Path
) -> None:
    changed = newer(tmp_path, keywords=NEWER_KEYWORDS)
    before = snapshot(registry)
    result = trials("import", "ctgov", changed, "--update")
    assert result.status == 1
    assert (
        f'{RECORD}: conflict in keywords: the registry changed it (["CAR-T", "CD19", "lupus nephritis"] → '
        in result.err
    )
    assert 'the record has ["CAR-T", "lupus nephritis"]' in result.err
    assert "--theirs FIELD" in result.err and "nothing written" in result.err
    assert "overall_status" not in result.err  # only the registry changed it: no conflict
    assert snapshot(registry) == before  # not even the status, nor the seed


@pytest.mark.parametrize(
    "flag, field, keywords",
    [
        ("--ours", "keywords", CURATED_KEYWORDS),
        ("--theirs", "keywords", NEWER_KEYWORDS),
        ("--theirs", "all", NEWER_KEYWORDS),
    ],
)
def test_the_curator_decides_a_conflict(
    trials: Trials, registry: Path, curated: Path, tmp_path: Path, flag: str, field: str, keywords: list[str]
) -> None:
    changed = newer(tmp_path, keywords=NEWER_KEYWORDS)
    result = trials("import", "ctgov", changed, "--update", flag, field)
    assert result.status == 0, result.out + result.err
    after = data(registry)
    assert after["keywords"] == keywords and after["overall_status"] == "TERMINATED"
    assert trials("check").status == 0
    # decided once: the record cites the newer JSON, so the next update does not ask again
    again = trials("import", "ctgov", changed, "--update")
    assert again.status == 0 and "no changes" in again.out


def test_a_field_the_registry_dropped_and_the_curator_edited_is_a_conflict(
    trials: Trials, registry: Path, curated: Path, tmp_path: Path
) -> None:
    result = trials("import", "ctgov", newer(tmp_path, drop_keywords=True), "--update")
    assert (
        result.status == 1
        and 'conflict in keywords: the registry changed it (["CAR-T", "CD19", "lupus nephritis"] → absent)'
        in result.err
    )


def test_a_field_the_registry_dropped_and_the_curator_left_alone_goes(
    trials: Trials, registry: Path, tmp_path: Path
) -> None:
    assert trials("import", "ctgov", STUDY).status == 0
    result = trials("import", "ctgov", newer(tmp_path, drop_keywords=True), "--update")
    assert result.status == 0, result.out + result.err
    after = data(registry)
    assert "keywords" not in after and "keywords" in after["curation"]["silent"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--update", "--theirs", "keyword"], "keyword is not a field an update merges"),
        (["--update", "--theirs", "keywords", "--ours", "keywords"], "--theirs and --ours both name keywords"),
        (["--theirs", "keywords"], "--theirs and --ours decide the conflicts of an --update"),
    ],
)
def test_bad_decisions_are_usage_errors(trials: Trials, registry: Path, argv: list[str], message: str) -> None:
    result = trials("import", "ctgov", STUDY, *argv)
    assert result.status == 2 and message in result.err


# --- --dry-run shows exactly what a real run writes -------------------------------------------------

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply_diffs(root: Path, printed: str) -> dict[str, bytes]:
    """The files the unified diffs in printed make from those under root (path -> bytes)."""
    lines = printed.splitlines(keepends=True)
    out: dict[str, bytes] = {}
    i = 0
    while i < len(lines):
        if not (lines[i].startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ b/")):
            i += 1
            continue
        path = lines[i + 1][len("+++ b/") :].rstrip("\n")
        old = (
            []
            if lines[i].startswith("--- /dev/null")
            else (root / path).read_text(encoding="utf-8").splitlines(keepends=True)
        )
        new: list[str] = []
        at, i = 0, i + 2
        while i < len(lines) and (hunk := _HUNK.match(lines[i])):
            removed = int(hunk[2]) if hunk[2] is not None else 1
            added = int(hunk[4]) if hunk[4] is not None else 1
            start = int(hunk[1]) - (1 if removed else 0)
            new += old[at:start]
            at, i = start, i + 1
            while removed or added:
                tag, body = lines[i][0], lines[i][1:]
                if tag in " -":
                    assert old[at] == body, (path, at, body)
                    at, removed = at + 1, removed - 1
                if tag in " +":
                    new.append(body)
                    added -= 1
                i += 1
        out[path] = "".join(new + old[at:]).encode("utf-8")
    return out


def _dry_run_matches_the_real_run(trials: Trials, tmp_path: Path, prepare, argv: list) -> None:
    dry_root, real_root = copy_registry(tmp_path / "dry"), copy_registry(tmp_path / "real")
    for root in (dry_root, real_root):
        prepare(root)
    before = snapshot(dry_root)
    dry = trials("import", "ctgov", *argv, "--dry-run", root=dry_root)
    assert dry.status == 0, dry.out + dry.err
    assert snapshot(dry_root) == before  # nothing written
    real = trials("import", "ctgov", *argv, root=real_root)
    assert real.status == 0, real.out + real.err
    after = snapshot(real_root)
    written = {path: content for path, content in after.items() if before.get(path) != content}
    assert written, "the real run wrote nothing"
    patched = apply_diffs(dry_root, dry.out)
    seeds = dict(
        re.findall(r"^(seeds/\S+): would be written, [0-9,]+ bytes, sha256 ([0-9a-f]{64})", dry.out, re.MULTILINE)
    )
    assert set(patched) | set(seeds) == set(written)
    for path, content in patched.items():
        assert content == written[path], path
    for path, digest in seeds.items():
        assert hashlib.sha256(written[path]).hexdigest() == digest


def test_dry_run_of_an_update_shows_what_is_written(trials: Trials, tmp_path: Path, capsys) -> None:
    def prepare(root: Path) -> None:
        assert Trials(root, capsys)("import", "ctgov", STUDY).status == 0
        file = root / RECORD
        file.write_text(file.read_text(encoding="utf-8").replace("  - CD19\n", "", 1), encoding="utf-8")
        assert Trials(root, capsys)("csv").status == 0

    _dry_run_matches_the_real_run(trials, tmp_path, prepare, [newer(tmp_path), "--update"])


def test_dry_run_of_an_import_shows_what_is_written(trials: Trials, tmp_path: Path) -> None:
    _dry_run_matches_the_real_run(trials, tmp_path, lambda root: None, [STUDY])


def test_a_conflict_in_a_long_text_shows_where_each_side_changed_it() -> None:
    """A conflict's values were cut at 59 characters from their start: a summary the registry changed
    in its last sentence and the curator in its first showed the registry's change as the same words
    on both sides of its arrow, and each cut text lost its closing quote (found reading a conflict as
    a newcomer, `trials import ctgov --update`)."""
    from sle_trials.curate import update

    start = "This study compares a single infusion of autologous anti-CD19 CAR-T cells with standard therapy"
    base = f"{start} in adults. Follow-up lasts two years."
    theirs = f"{start} in adults. Follow-up lasts five years."
    ours = base.replace("This study compares", "This trial compares")
    said = str(update.Conflict("brief_summary", base, theirs, ours))
    assert "two years" in said and "five years" in said, said  # the registry's change, on each side
    assert '"This trial compares' in said, said  # the curator's
    assert said.count('"') % 2 == 0, said  # every text closes its quote
    unbased = str(update.Conflict("brief_summary", None, theirs, base, based=False))
    assert "two years" in unbased and "five years" in unbased and unbased.count('"') % 2 == 0, unbased
    dropped = str(update.Conflict("brief_summary", base, None, ours))
    assert "→ absent" in dropped and dropped.count('"') % 2 == 0, dropped
    # short values are given whole, as before
    assert str(update.Conflict("acronym", "A", "B", "C")) == (
        'acronym: the registry changed it ("A" → "B"), the record has "C"'
    )
