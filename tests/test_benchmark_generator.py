"""The benchmark's synthetic registry: valid, canonical and the same on every run.

benchmarks/generate.py writes for each record a study JSON of its own and the record the importer
makes of it, so a benchmark measures records that quote their own sources, in the layout
`trials fmt` writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import edit
from sle_trials.cli import main

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402


def test_generated_registry_is_valid_canonical_and_repeatable(tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    generate.generate(12, first)
    generate.generate(12, second)
    files = sorted(p.name for p in (first / "trials").iterdir())
    assert len(files) == 12
    # marked complete (an import alone is a draft), so the check holds them to every rule: E517, E511
    assert all("  status: complete\n" in (first / "trials" / f).read_text(encoding="utf-8") for f in files)
    for folder in ("trials", "seeds"):
        names = sorted(p.name for p in (first / folder).iterdir())
        assert all((first / folder / f).read_bytes() == (second / folder / f).read_bytes() for f in names)
    assert main(["csv", "--root", str(first)]) == 0
    assert main(["check", "--root", str(first), "--no-cache"]) == 0, capsys.readouterr().out
    assert main(["fmt", "--check", "--root", str(first)]) == 0, capsys.readouterr().out


def test_the_unit_of_work_checks_a_passing_registry_and_refuses_one_with_problems(
    registry: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """benchmarks/work.py counts the work of checking records that pass: a record with a problem
    would stop early and count less, so it says so instead of giving a count."""
    import work

    assert work.main(["--root", str(registry), "--runs", "1"]) == 0
    edit(registry, "trials/NCT06513429.yaml", ("overall_status: RECRUITING\n", "overall_status: COMPLETED\n"))
    with pytest.raises(SystemExit) as ended:
        work.main(["--root", str(registry), "--runs", "1"])
    assert ended.value.code == 2
    assert "a record has problems" in capsys.readouterr().err
