"""`trials refs`: references across records, each reported at the line of the offending reference."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import IM19_PATH, IM19_PLAIN, REPO, Trials, add_plain_source, joined, position, put, trial_count
from sle_trials.checks import load, refs

STUB_PATH = "trials/NCT06900764.yaml"
STUB_TITLE = "A Study of CAR-T Cells in Subjects With Systemic Lupus Erythematosus"


def related(*items: tuple[str, str]) -> str:
    """IM19 citing conftest.PLAIN_SOURCE (which lists these references), with these related trials:
    the IM19 page's own list of related trials would refuse a wrong one at validate (E512)."""
    return joined(
        IM19_PLAIN,
        "related_trials:\n"
        + "".join(f"  - nct_id: {i}\n    title: {t}\n" for i, t in items)
        + "evidence:\n"
        + "".join(f"  related_trials.{k}.nct_id: {i}\n" for k, (i, _) in enumerate(items)),
    )


def value_at(text: str, key_and_value: str, nth: int = 0) -> tuple[int, int]:
    """Position of the value in 'key: value' (the nth such line)."""
    line, col = position(text, key_and_value, nth)
    return line, col + key_and_value.index(": ") + 2


def test_real_registry_has_no_reference_problems(trials: Trials) -> None:
    result = trials("refs")
    assert (result.status, result.lines[-1]) == (0, f"{trial_count(trials.root)} files checked, no problems")


def test_related_trial_without_a_record(trials: Trials, registry: Path) -> None:
    """The IM19 record lists NCT03030976 as related; without that stub the reference dangles."""
    (registry / "trials/NCT03030976.yaml").unlink()
    im19 = (registry / IM19_PATH).read_text(encoding="utf-8")
    result = trials.json("refs")
    assert result.status == 1
    assert result.where("E301") == [(IM19_PATH, *value_at(im19, "- nct_id: NCT03030976"))]
    assert "trials/NCT03030976.yaml" in result.problems()[0]["message"]  # says which file to add
    assert trials("validate").status == 0  # each file alone is fine: this is a cross-record problem
    assert trials.json("check").codes() == {"E301"}


def test_related_trial_with_a_typo_in_its_id(trials: Trials, registry: Path) -> None:
    text = related(("NCT06900765", STUB_TITLE))
    add_plain_source(registry)
    put(registry, IM19_PATH, text)
    assert trials.json("refs").where("E301") == [(IM19_PATH, *value_at(text, "- nct_id: NCT06900765"))]


def test_related_trial_whose_record_is_broken_is_not_called_missing(trials: Trials, registry: Path) -> None:
    stub = (registry / "trials/NCT03030976.yaml").read_text(encoding="utf-8")
    put(registry, "trials/NCT03030976.yaml", stub.replace("status: stub", "status: drafted"))
    assert trials.json("refs").problems() == []  # the broken file is validate's to report
    assert trials.json("validate").codes() == {"E204"}


def test_refs_never_says_no_problems_of_files_it_skipped(trials: Trials, registry: Path) -> None:
    """A file that fails its own checks is not in the index, so refs cross-checked nothing for it:
    it said "no problems" and exited 0. Now it names the file in every format and exits 1."""
    stub = (registry / "trials/NCT03030976.yaml").read_text(encoding="utf-8")
    put(registry, "trials/NCT03030976.yaml", stub.replace("status: stub", "status: drafted"))
    text = trials("refs")
    assert text.status == 1
    assert (
        "1 file not cross-checked: it has problems of its own; run trials validate (trials/NCT03030976.yaml)"
        in text.lines
    )
    # (and its last line says so: "6 files checked, no problems" read as a registry without any)
    assert text.lines[-1] == "6 files cross-checked, no problems among them; 1 not cross-checked"
    result = trials.json("refs")
    assert (
        result.status == 1
        and result.json()["not_cross_checked"] == ["trials/NCT03030976.yaml"]
        and result.problems() == []
    )
    github = trials("refs", fmt="github")
    assert github.status == 1 and github.lines[0].startswith(
        "::error title=not cross-checked::1 file not cross-checked"
    )


def test_refs_of_a_whole_registry_exits_0(trials: Trials) -> None:
    result = trials.json("refs")
    assert result.status == 0 and "not_cross_checked" not in result.json()


def test_self_reference(trials: Trials, registry: Path) -> None:
    text = related(("NCT06513429", "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"))
    add_plain_source(registry)
    put(registry, IM19_PATH, text)
    result = trials.json("refs")
    assert result.codes() == {"E302"}
    assert result.where("E302") == [(IM19_PATH, *value_at(text, "- nct_id: NCT06513429"))]


def test_duplicate_reference_is_reported_at_the_second(trials: Trials, registry: Path) -> None:
    text = related(("NCT06900764", STUB_TITLE), ("NCT06900764", STUB_TITLE))
    add_plain_source(registry)
    put(registry, IM19_PATH, text)
    result = trials.json("refs")
    assert result.codes() == {"E303"}
    assert result.where("E303") == [(IM19_PATH, *value_at(text, "- nct_id: NCT06900764", 1))]


def test_title_mismatch(trials: Trials, registry: Path) -> None:
    wrong = "Anti-CD19 Chimeric Antigen Receptor T Cells for Refractory Systemic Lupus Erythematosus"
    text = related(("NCT06886919", wrong))  # NCT06585514's title given to NCT06886919
    add_plain_source(registry)
    put(registry, IM19_PATH, text)
    result = trials.json("refs")
    assert result.codes() == {"E304"}
    assert result.where("E304") == [(IM19_PATH, *value_at(text, f"title: {wrong}"))]
    assert "trials/NCT06886919.yaml" in result.problems()[0]["message"]


def test_title_wrapped_over_lines_matches(trials: Trials, registry: Path) -> None:
    text = joined(
        IM19_PLAIN,
        """\
related_trials:
  - nct_id: NCT06900764
    title: >-
      A Study of CAR-T Cells in Subjects
      With Systemic Lupus Erythematosus
evidence:
  related_trials.0.nct_id: NCT06900764
""",
    )
    add_plain_source(registry)
    put(registry, IM19_PATH, text)
    assert trials("validate").status == 0  # a record that fails alone would be skipped by refs
    assert trials("refs").status == 0


def test_two_files_claiming_one_nct_id(registry: Path) -> None:
    """E101 ties a file in trials/ to its nct_id, so two claimants can only meet when the records are
    gathered from elsewhere; refs.check is what `trials refs` runs over the records."""
    stub = (registry / STUB_PATH).read_text(encoding="utf-8")
    copy = put(registry, "trials/copy/NCT06900764.yaml", "# a second copy of the stub\n" + stub)
    records = []
    for file in (registry / STUB_PATH, copy):
        record, problems = load.load(file, file.relative_to(registry).as_posix())
        assert record is not None and problems == []
        records.append(record)
    found = refs.check([refs.entry(r) for r in reversed(records)])
    assert [(p.code, p.path, p.line, p.column) for p in found] == [
        ("E305", "trials/copy/NCT06900764.yaml", *value_at(copy.read_text(encoding="utf-8"), "nct_id: NCT06900764"))
    ]
    assert STUB_PATH in found[0].message  # names the first claimant


def test_refs_reports_only_cross_record_problems(trials: Trials, registry: Path) -> None:
    add_plain_source(registry)
    put(registry, IM19_PATH, related(("NCT06900765", STUB_TITLE)))
    stub = (registry / "trials/NCT06310811.yaml").read_text(encoding="utf-8")
    put(registry, "trials/NCT06310811.yaml", stub.replace("REGISTRY_COPY", "registry page"))
    assert trials.json("refs").codes() == {"E301"}
    assert trials.json("validate").codes() == {"E204"}
    assert trials.json("check").codes() == {"E204", "E301"}


RELMA = "trials/NCT05765006.yaml"  # the only record citing seeds/004_2ad16b9ce66a0787.txt


@pytest.mark.parametrize(
    "name, broken",
    [
        (RELMA, lambda raw: raw + b"brief_title: [unclosed\n"),  # a YAML syntax error
        (RELMA, lambda raw: raw + raw[raw.index(b"nct_id:") :].split(b"\n", 1)[0] + b"\n"),  # a duplicate key
        (RELMA, lambda raw: raw + b"# " + b"x" * load.MAX_BYTES + b"\n"),  # too large
        (RELMA, lambda raw: raw + b"# \xff\n"),  # not UTF-8
        ("trials/relma.yaml", lambda raw: raw),  # misnamed: not read at all
        (RELMA, lambda raw: raw.replace(b"\ncuration:\n", b"\ncuration: []\nold_curation:\n")),  # no mapping
    ],
)
def test_no_source_is_called_uncited_while_a_record_does_not_load(
    trials: Trials, registry: Path, name: str, broken: Callable[[bytes], bytes]
) -> None:
    """A record that does not load may cite any source: "cited by no record; cite it ... or remove it"
    of its sources (E306) would have a curator delete sources that the record, once fixed, cites."""
    raw = (registry / RELMA).read_bytes()
    (registry / RELMA).unlink()
    (registry / name).write_bytes(broken(raw))
    result = trials("refs")
    assert result.status == 1 and "E306" not in result.out, result.out
    assert f"run trials validate ({name})" in result.out, result.out


@pytest.mark.parametrize("config", [".pre-commit-config.yaml", ".pre-commit-hooks.yaml"])
def test_a_related_trial_listed_twice_is_refused_by_the_commit_hooks(
    trials: Trials, registry: Path, config: str
) -> None:
    """E303 is an across-records check, which `trials validate` (a file alone) does not make: a
    curator's commit of a record listing a related trial twice must still be refused by one of the
    hooks it runs (this repository's, and the ones other repositories install), as CI's `trials
    check` refuses it. Each `trials` hook that a change to the record runs is run as pre-commit runs it."""
    from ruamel.yaml import YAML

    text = related(("NCT06900764", STUB_TITLE), ("NCT06900764", STUB_TITLE))
    add_plain_source(registry)
    put(registry, IM19_PATH, text)
    loaded = YAML(typ="safe").load((REPO / config).read_text(encoding="utf-8"))
    hooks = [h for repo in loaded["repos"] for h in repo["hooks"]] if isinstance(loaded, dict) else loaded
    refused = []
    for hook in hooks:
        command = hook["entry"].split()
        runs = hook.get("always_run") or re.search(hook.get("files", ""), IM19_PATH)
        if len(command) != 2 or not command[0].endswith("trials") or not runs:
            continue
        if command[-1] in ("fmt", "csv"):
            continue  # they rewrite files, and check nothing of a record's references
        result = trials(command[-1], *([IM19_PATH] if hook.get("pass_filenames", True) else []))
        if result.status != 0 and "E303" in result.out:
            refused.append(hook["id"])
    assert "trials-refs" in refused, refused
