"""seeds/SHA256SUMS: every line is `<sha256>  <name>` (E307 otherwise), and two manifests merge as sets of lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Trials
from sle_trials.checks import sources

A, B, C = "a" * 64, "b" * 64, "c" * 64
SEED = "000_84a0f0163f21158e.txt"


def lines(*entries: tuple[str, str]) -> bytes:
    return "".join(f"{digest}  {name}\n" for digest, name in entries).encode()


@pytest.mark.parametrize(
    "junk, why",
    [
        ("<<<<<<< HEAD", "an unresolved merge-conflict marker"),
        ("=======", "an unresolved merge-conflict marker"),
        (">>>>>>> import-b", "an unresolved merge-conflict marker"),
        ("   ", "not `<sha256>  <file name>`"),
        ("", "not `<sha256>  <file name>`"),
        (f"{A} {SEED}", "not `<sha256>  <file name>`"),  # one space: sha256sum writes two (or " *")
        (f"{A[:-1]}  {SEED}", "not `<sha256>  <file name>`"),  # 63 hex digits
        (f"{A}  sub/{SEED}", f"names sub/{SEED} with a folder"),  # a name files.NAME refuses, sha256sum's of a path
        (f"{A}  .hidden", "not `<sha256>  <file name>`"),
    ],
)
def test_a_malformed_manifest_line_is_E307_at_its_line(trials: Trials, registry: Path, junk: str, why: str) -> None:
    """Before, check_manifest skipped any line without two spaces: conflict markers left in
    SHA256SUMS passed `trials check`, the hooks and got committed."""
    manifest = registry / "seeds" / "SHA256SUMS"
    good = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text(good[0] + junk + "\n" + "".join(good[1:]), encoding="utf-8")
    result = trials.json("check")
    assert result.status == 1
    assert result.where("E307") == [("seeds/SHA256SUMS", 2, 1)]
    assert why in result.problems()[0]["message"]


def test_conflict_markers_of_two_imports_are_E307(trials: Trials, registry: Path) -> None:
    """What git leaves when two branches each added a line and no driver merged them."""
    manifest = registry / "seeds" / "SHA256SUMS"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text + f"<<<<<<< HEAD\n{A}  x.json\n=======\n{B}  y.json\n>>>>>>> b\n", encoding="utf-8")
    result = trials.json("check")
    assert result.status == 1
    where = result.where("E307")
    for number in (3, 5, 7):  # each marker line
        assert ("seeds/SHA256SUMS", number, 1) in where


def test_a_binary_mode_line_is_accepted(trials: Trials, registry: Path) -> None:
    """And its sha256 in capitals, which sha256sum -c accepts too (the digest is compared in lower case)."""
    manifest = registry / "seeds" / "SHA256SUMS"
    first, rest = manifest.read_text(encoding="utf-8").split("\n", 1)
    digest, name = first.split("  ", 1)
    manifest.write_text(f"{digest.upper()} *{name}\n{rest}", encoding="utf-8")
    assert trials("check").status == 0


def test_a_source_listed_twice_is_E307(trials: Trials, registry: Path) -> None:
    manifest = registry / "seeds" / "SHA256SUMS"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text + text.splitlines(keepends=True)[0], encoding="utf-8")
    result = trials.json("check")
    assert result.where("E307") == [("seeds/SHA256SUMS", 3, 1)] and "listed twice" in result.problems()[0]["message"]


def test_a_source_listed_but_gone_is_E307_at_its_line(tmp_path: Path) -> None:
    """A source deleted from seeds/ with its line left (one no record cites: nothing else notices)."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "kept.txt").write_bytes(b"kept\n")
    (tmp_path / "seeds" / "SHA256SUMS").write_bytes(lines((A, "gone.txt"), (B, "kept.txt")))
    kept = sources.Seed("seeds/kept.txt", B, None)
    problems = sources.check_manifest(tmp_path, [kept])
    assert [(p.path, p.line, p.code) for p in problems] == [("seeds/SHA256SUMS", 1, "E307")]
    assert "seeds/gone.txt is listed but not under seeds/" in problems[0].message


# --- merging two manifests as sets of lines ----------------------------------------------------------


def test_two_additions_are_both_kept() -> None:
    base = lines((A, "a.txt"))
    ours, theirs = lines((A, "a.txt"), (B, "b.json")), lines((A, "a.txt"), (C, "c.json"))
    assert sources.merge_manifests(base, ours, theirs) == lines((A, "a.txt"), (B, "b.json"), (C, "c.json"))


def test_the_same_addition_on_both_sides_is_kept_once() -> None:
    ours = theirs = lines((A, "a.txt"), (B, "b.json"))
    assert sources.merge_manifests(lines((A, "a.txt")), ours, theirs) == ours


def test_a_removal_on_both_sides_stays_removed() -> None:
    base = lines((A, "a.txt"), (B, "b.json"))
    ours, theirs = lines((A, "a.txt")), lines((A, "a.txt"), (C, "c.json"))
    assert sources.merge_manifests(base, ours, theirs) == lines((A, "a.txt"), (C, "c.json"))


@pytest.mark.parametrize(
    "base, ours, theirs, why",
    [
        (
            lines((A, "a.txt")),
            lines((A, "a.txt"), (B, "b.json")),
            lines((A, "a.txt"), (C, "b.json")),
            "b.json",
        ),  # added twice, two hashes
        (lines((A, "a.txt")), lines((B, "a.txt")), lines((C, "a.txt")), "a.txt"),  # changed on both sides
        (
            lines((A, "a.txt"), (B, "b.json")),
            lines((A, "a.txt")),
            lines((A, "a.txt"), (B, "b.json"), (C, "c.json")),
            "b.json",
        ),  # removed / kept
        (
            lines((A, "a.txt")),
            b"<<<<<<< HEAD\n" + lines((A, "a.txt")),
            lines((A, "a.txt")),
            "line 1",
        ),  # a malformed side
    ],
)
def test_what_does_not_merge_by_itself_is_a_conflict(base: bytes, ours: bytes, theirs: bytes, why: str) -> None:
    with pytest.raises(sources.ManifestConflict, match=why):
        sources.merge_manifests(base, ours, theirs)


def test_a_one_sided_change_of_hash_is_taken() -> None:
    """Git takes a one-sided change of the document itself; its line follows it."""
    assert sources.merge_manifests(lines((A, "a.txt")), lines((A, "a.txt")), lines((B, "a.txt"))) == lines((B, "a.txt"))


def test_a_check_reads_each_source_once(trials: Trials, registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache's fingerprint and the manifest check share one reading of every source (each read
    and hashed all of them itself: 119 MB twice a check at 10,000 records); the evidence checks read
    the cited ones once more, through their own guard, to check the records against their words."""
    from sle_trials import files

    reads: list[str] = []
    real = files.read

    def counted(file: Path | str, limit: int) -> tuple[bytes, files.Stamp]:
        if Path(file).parent.name == "seeds":
            reads.append(Path(file).name)
        return real(file, limit)

    monkeypatch.setattr(files, "read", counted)
    assert trials("check", "--no-cache").status == 0
    seeds = sorted(p.name for p in (registry / "seeds").iterdir() if p.name != "SHA256SUMS")
    assert seeds and all(reads.count(name) <= 2 for name in seeds), reads
    assert sorted(set(reads) - {"SHA256SUMS"}) == seeds


def test_a_record_cannot_cite_the_manifest_as_its_source(trials: Trials, registry: Path) -> None:
    """seeds/SHA256SUMS matched the pattern of a source's name, so a record could cite it and quote
    it (a source's file name, a hash): the list of the sources' hashes is no document as received,
    and `trials diff` does not name a change to it. It is refused, E108, at the citation."""
    stub = registry / "trials" / "NCT06310811.yaml"
    text = stub.read_text(encoding="utf-8")
    cited = "      as_of_label: Last Updated\n"
    assert cited in text
    stub.write_text(
        text.replace(cited, cited + '    - file: seeds/SHA256SUMS\n      kind: OTHER\n      as_of: "2025-08-17"\n', 1),
        encoding="utf-8",
    )
    result = trials("validate", fmt="json")
    assert result.status == 1 and result.codes() == {"E108"}, result.out
    assert result.where("E108") == [("trials/NCT06310811.yaml", 11, 13)]


def test_a_changed_source_is_told_both_ways_back(trials: Trials, registry: Path) -> None:
    """E307 for a source that differs from its line said only `git checkout -- seeds/X`, which fails
    for a new source no commit holds yet: the message also says how to write its line again."""
    seed = registry / "seeds" / "000_84a0f0163f21158e.txt"
    seed.write_bytes(seed.read_bytes() + b"edited\n")
    result = trials("check")
    assert result.status == 1
    assert "restore it (git checkout -- seeds/000_84a0f0163f21158e.txt)" in result.out, result.out
    assert "(cd seeds && sha256sum 000_84a0f0163f21158e.txt, in place of its line in SHA256SUMS)" in result.out


@pytest.mark.parametrize(
    "change",
    ["edited", "unlisted", "listed under another hash"],
)
def test_a_record_checked_alone_is_refused_when_its_source_is_not_as_received(
    trials: Trials, registry: Path, change: str
) -> None:
    """`trials validate FILE` bound the record's values to its source's words and said "no
    problems" of a record whose source had been edited since it was received, or was never listed;
    only `trials check` and the refs hook said so. A record checked alone now gets E307 for each
    source it cites that is not as the manifest lists it, served from the cache or not; a record
    citing other sources is not told of it."""
    cited, other = "trials/NCT05765006.yaml", "trials/NCT06513429.yaml"
    source = registry / "seeds" / "004_2ad16b9ce66a0787.txt"
    manifest = registry / "seeds" / "SHA256SUMS"
    assert trials("validate", registry / cited).status == 0  # the cache now holds the record's verdict
    if change == "edited":
        source.write_bytes(source.read_bytes() + b"\n")  # still valid: its words are all there
    else:
        kept = [line for line in manifest.read_text(encoding="utf-8").splitlines() if source.name not in line]
        moved = [f"{'0' * 64}  {source.name}"] if change == "listed under another hash" else []
        manifest.write_text("\n".join(kept + moved) + "\n", encoding="utf-8")
    for _ in range(2):  # checked, then served from the cache
        result = trials.json("validate", registry / cited)
        assert result.status == 1 and result.codes() == {"E307"}, result.out
        assert [path for path, _, _ in result.where("E307")] == [f"seeds/{source.name}"], result.out
    assert trials("validate", registry / other).status == 0
